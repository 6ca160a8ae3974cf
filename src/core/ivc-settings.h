/* ivc-settings.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Settings written only when they change.
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

gboolean ivc_settings_set_string  (GSettings  *settings,
                                   const char *key,
                                   const char *value);
gboolean ivc_settings_set_boolean (GSettings  *settings,
                                   const char *key,
                                   gboolean    value);

G_END_DECLS
