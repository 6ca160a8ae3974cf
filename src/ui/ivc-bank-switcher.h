/* ivc-bank-switcher.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * IvcBankSwitcher: the popover that lists the built-in and imported
 * question banks, switches between them and removes imported ones.
 */

#pragma once

#include <gtk/gtk.h>

#include "ivc-bank-library.h"

G_BEGIN_DECLS

#define IVC_TYPE_BANK_SWITCHER (ivc_bank_switcher_get_type ())

G_DECLARE_FINAL_TYPE (IvcBankSwitcher, ivc_bank_switcher, IVC, BANK_SWITCHER, GtkWidget)

IvcBankLibrary *ivc_bank_switcher_get_library         (IvcBankSwitcher *self);
void            ivc_bank_switcher_set_library         (IvcBankSwitcher *self,
                                                       IvcBankLibrary  *library);
const char     *ivc_bank_switcher_get_current_bank_id (IvcBankSwitcher *self);
void            ivc_bank_switcher_set_current_bank_id (IvcBankSwitcher *self,
                                                       const char      *bank_id);
void            ivc_bank_switcher_set_current_language (IvcBankSwitcher *self,
                                                        const char      *language);

G_END_DECLS
