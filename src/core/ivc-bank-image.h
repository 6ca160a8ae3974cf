/* ivc-bank-image.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The image of an imported bank: the validated bank as a GVariant, kept
 * beside its JSON file in the banks folder, so that reopening or listing
 * the bank needs no JSON parsing. The JSON file stays the source; an image
 * is used only while it is whole and the JSON file is the one it was made
 * of. Not for use outside src/core.
 */

#pragma once

#include <gio/gio.h>

#include "ivc-bank-info.h"
#include "ivc-question-bank.h"

G_BEGIN_DECLS

/* What identifies one version of a JSON file on disk: a file written
 * again, edited, copied over or put back by an undo differs in one of
 * them. */
typedef struct
{
  guint64 size;
  guint64 inode;
  gint64  mtime_sec;
  gint64  mtime_nsec;
  gint64  ctime_sec;
  gint64  ctime_nsec;
} IvcBankStamp;

char            *ivc_bank_image_dup_path     (const char         *json_path);
gboolean         ivc_bank_stamp_read         (const char         *json_path,
                                              IvcBankStamp       *stamp);
GBytes          *ivc_bank_image_serialize    (IvcQuestionBank    *bank,
                                              const IvcBankStamp *stamp);
gboolean         ivc_bank_image_save         (const char         *json_path,
                                              GBytes             *image,
                                              GError            **error);
void             ivc_bank_image_delete       (const char         *json_path);
IvcBankInfo     *ivc_bank_image_read_info    (const char         *json_path,
                                              GFile              *file,
                                              GDateTime          *imported,
                                              gboolean            overrides_bundled);
IvcQuestionBank *ivc_bank_image_read_bank    (const char         *json_path);
IvcQuestionBank *ivc_bank_image_load         (GFile              *json_file,
                                              GCancellable       *cancellable,
                                              GPtrArray         **problems,
                                              GError            **error);
void             ivc_bank_image_load_async   (GFile              *json_file,
                                              GCancellable       *cancellable,
                                              GAsyncReadyCallback callback,
                                              gpointer            user_data);
IvcQuestionBank *ivc_bank_image_load_finish  (GAsyncResult       *result,
                                              GError            **error);

G_END_DECLS
