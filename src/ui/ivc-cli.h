/* ivc-cli.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The command-line options and the commands that run without a window.
 */

#pragma once

#include <gio/gio.h>

#include "ivc-bank-library.h"
#include "ivc-candidate-store.h"

G_BEGIN_DECLS

const GOptionEntry *ivc_cli_get_option_entries (void);
int                 ivc_cli_check_bank         (const char        *path);
int                 ivc_cli_export_bank        (IvcBankLibrary    *library,
                                                const char        *bank_id,
                                                const char        *format_name,
                                                const char        *output);
int                 ivc_cli_list_candidates    (IvcCandidateStore *store);
int                 ivc_cli_export             (IvcCandidateStore *store,
                                                IvcBankLibrary    *library,
                                                const char        *wanted,
                                                const char        *format_name,
                                                const char        *output,
                                                const char        *interviewer_id,
                                                gboolean           guard);
int                 ivc_cli_debrief            (IvcCandidateStore *store,
                                                IvcBankLibrary    *library,
                                                const char        *wanted,
                                                const char        *format_name,
                                                const char        *output,
                                                gboolean           include_drafts,
                                                gboolean           guard);
int                 ivc_cli_erase              (IvcCandidateStore *store,
                                                const char        *wanted,
                                                gboolean           yes);

G_END_DECLS
