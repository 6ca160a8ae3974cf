/* ivc-toast.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Toasts whose text is shown as written: the one way the app makes them.
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

AdwToast *ivc_toast_new        (const char *text) G_GNUC_WARN_UNUSED_RESULT;
AdwToast *ivc_toast_new_printf (const char *format,
                                ...) G_GNUC_PRINTF (1, 2) G_GNUC_WARN_UNUSED_RESULT;
void      ivc_toast_set_title  (AdwToast   *toast,
                                const char *text);

G_END_DECLS
