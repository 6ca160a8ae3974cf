/* ivc-bank-info.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * IvcBankInfo: what the bank switcher lists about one bank of the library
 * (id, title, size, import date, file), without keeping the bank itself.
 */

#pragma once

#include <gio/gio.h>

#include "ivc-question-bank.h"

G_BEGIN_DECLS

#define IVC_TYPE_BANK_INFO (ivc_bank_info_get_type ())

G_DECLARE_FINAL_TYPE (IvcBankInfo, ivc_bank_info, IVC, BANK_INFO, GObject)

IvcBankInfo *ivc_bank_info_new                   (IvcQuestionBank *bank,
                                                  GFile           *file,
                                                  GDateTime       *imported,
                                                  gboolean         overrides_bundled);
IvcBankInfo *ivc_bank_info_new_full              (const char      *id,
                                                  const char      *title,
                                                  const char      *description,
                                                  const char      *language,
                                                  guint            n_levels,
                                                  guint            n_questions,
                                                  GFile           *file,
                                                  GDateTime       *imported,
                                                  gboolean         overrides_bundled);
const char  *ivc_bank_info_get_id                (IvcBankInfo     *self);
const char  *ivc_bank_info_get_title             (IvcBankInfo     *self);
const char  *ivc_bank_info_get_description       (IvcBankInfo     *self);
const char  *ivc_bank_info_get_language          (IvcBankInfo     *self);
guint        ivc_bank_info_get_n_levels          (IvcBankInfo     *self);
guint        ivc_bank_info_get_n_questions       (IvcBankInfo     *self);
GDateTime   *ivc_bank_info_get_imported          (IvcBankInfo     *self);
GFile       *ivc_bank_info_get_file              (IvcBankInfo     *self);
gboolean     ivc_bank_info_get_is_bundled        (IvcBankInfo     *self);
gboolean     ivc_bank_info_get_overrides_bundled (IvcBankInfo     *self);
char        *ivc_bank_info_dup_summary           (IvcBankInfo     *self);

G_END_DECLS
