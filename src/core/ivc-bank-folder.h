/* ivc-bank-folder.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The banks folder on disk, for IvcBankLibrary: reading it and writing
 * imported banks into it, in worker threads. Nothing here touches a
 * library; not for use outside src/core.
 */

#pragma once

#include <gio/gio.h>

#include "ivc-bank-image.h"
#include "ivc-bank-info.h"
#include "ivc-question-bank.h"

G_BEGIN_DECLS

/* A bank file in the folder is named "<bank-id>.json". */
#define IVC_BANK_FILE_SUFFIX ".json"

/* What a folder scan found: every valid bank, and every file skipped. */
typedef struct
{
  GPtrArray *infos;
  GPtrArray *problems;
} IvcBankScanResult;

/* What a scan in a worker thread needs. */
typedef struct
{
  char    *folder_path;
  char    *bundled_id;
  /* The library's count of changes when the scan started. */
  guint64  changes;
} IvcBankScanData;

/* What an import needs, copied on the main thread. */
typedef struct
{
  GFile      *source;
  char       *folder_path;
  char       *bundled_id;

  /* The ids of the imported banks listed when the import started. */
  GHashTable *listed_ids;

  /* The library's, held while writing (not owned). */
  GMutex     *write_mutex;
} IvcBankImportData;

typedef struct
{
  GBytes          *bytes;
  IvcQuestionBank *bank;
  IvcBankInfo     *info;
  GPtrArray       *problems;
  GError          *error;
  gboolean         replaced;
  /* The folder had a valid bank of that id that was not listed yet, as
   * when a bank is imported before the folder is read at start-up. */
  gboolean         replaced_unlisted;
  /* Whether a bank file of that id was in the folder when it was written,
   * listed or not: an update, not a new bank. */
  gboolean         replaced_file;
  /* The written file's stamp, for its image (ivc-bank-image.c). */
  IvcBankStamp     stamp;
  gboolean         has_stamp;
} IvcBankImportResult;

void                 ivc_bank_scan_result_free     (IvcBankScanResult   *result);
void                 ivc_bank_scan_data_free       (IvcBankScanData     *data);
void                 ivc_bank_import_data_free     (IvcBankImportData   *data);
void                 ivc_bank_import_result_free   (IvcBankImportResult *result);

IvcBankScanResult   *ivc_bank_folder_scan          (const char          *folder_path,
                                                    const char          *bundled_id,
                                                    GCancellable        *cancellable,
                                                    GError             **error);
void                 ivc_bank_folder_scan_thread   (GTask               *task,
                                                    gpointer             source_object,
                                                    gpointer             task_data,
                                                    GCancellable        *cancellable);
IvcBankImportResult *ivc_bank_folder_import        (IvcBankImportData   *data,
                                                    GCancellable        *cancellable);
void                 ivc_bank_folder_import_thread (GTask               *task,
                                                    gpointer             source_object,
                                                    gpointer             task_data,
                                                    GCancellable        *cancellable);
GFile               *ivc_bank_folder_write_bank    (const char          *folder_path,
                                                    const char          *id,
                                                    GBytes              *bytes,
                                                    GError             **error);

G_END_DECLS
