/* ivc-bank-problems-dialog.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The dialog that refuses a question bank, with every problem found in it.
 */

#pragma once

#include <adwaita.h>

#include "ivc-alert.h"

G_BEGIN_DECLS

#define IVC_TYPE_BANK_PROBLEMS_DIALOG (ivc_bank_problems_dialog_get_type ())

G_DECLARE_FINAL_TYPE (IvcBankProblemsDialog, ivc_bank_problems_dialog, IVC, BANK_PROBLEMS_DIALOG, IvcAlert)

IvcBankProblemsDialog *ivc_bank_problems_dialog_new (GFile        *file,
                                                     const GError *error,
                                                     GPtrArray    *problems);

G_END_DECLS
