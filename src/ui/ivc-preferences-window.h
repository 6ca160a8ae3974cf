/* ivc-preferences-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * IvcPreferencesWindow: the preferences (privacy, text size).
 */

#pragma once

#include <adwaita.h>

#include "ivc-candidate-store.h"

G_BEGIN_DECLS

#define IVC_TYPE_PREFERENCES_WINDOW (ivc_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (IvcPreferencesWindow, ivc_preferences_window, IVC, PREFERENCES_WINDOW, AdwPreferencesWindow)

GtkWidget *ivc_preferences_window_new (GtkWindow *parent);
void       ivc_preferences_window_set_store (IvcPreferencesWindow *self,
                                             IvcCandidateStore    *store);

G_END_DECLS
