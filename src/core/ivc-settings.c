/* ivc-settings.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Settings written only when they change. Every g_settings_set_*() is a
 * write of the backend: with the key-file backend (the Flatpak's, and the
 * tests') the whole file is written again and synced to the disk, on the
 * main thread. The window restores its last bank, question and panel at
 * each start and would otherwise write them back unchanged, four synced
 * writes before its first frame.
 */

#define G_LOG_DOMAIN "ivc-settings"

#include "config.h"

#include "ivc-settings.h"

static gboolean
set_value (GSettings *settings,
           const char *key,
           GVariant   *value)
{
  g_autoptr(GVariant) new_value = g_variant_ref_sink (value);
  g_autoptr(GVariant) old_value = g_settings_get_value (settings, key);

  if (g_variant_equal (old_value, new_value))
    return TRUE;

  return g_settings_set_value (settings, key, new_value);
}

/**
 * ivc_settings_set_string:
 *
 * Sets @key to @value, unless it has that value already.
 *
 * Returns: as g_settings_set_string(): %FALSE if @key is not writable
 */
gboolean
ivc_settings_set_string (GSettings  *settings,
                         const char *key,
                         const char *value)
{
  g_return_val_if_fail (G_IS_SETTINGS (settings), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  return set_value (settings, key, g_variant_new_string (value));
}

/**
 * ivc_settings_set_boolean:
 *
 * Sets @key to @value, unless it has that value already.
 *
 * Returns: as g_settings_set_boolean()
 */
gboolean
ivc_settings_set_boolean (GSettings  *settings,
                          const char *key,
                          gboolean    value)
{
  g_return_val_if_fail (G_IS_SETTINGS (settings), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  return set_value (settings, key, g_variant_new_boolean (value));
}
