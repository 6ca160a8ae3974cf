/* ivc-export-file-name.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Names to suggest for the files a user keeps (exports, notes saved at
 * quit): the candidate's name, made safe for a file name.
 */

#define G_LOG_DOMAIN "ivc-export"

#include "config.h"

#include <string.h>

#include "ivc-export.h"

/* What has no place in a file name a user keeps: folder separators,
 * characters other systems refuse, and invisible ones (such as U+202E,
 * which shows "Ann<U+202E>gpj.exe" as "Annexe.jpg"). */
static gboolean
is_unsafe_in_file_name (gunichar c)
{
  GUnicodeType type = g_unichar_type (c);

  if (type == G_UNICODE_CONTROL || type == G_UNICODE_FORMAT ||
      type == G_UNICODE_UNASSIGNED || type == G_UNICODE_PRIVATE_USE ||
      type == G_UNICODE_SURROGATE || type == G_UNICODE_LINE_SEPARATOR ||
      type == G_UNICODE_PARAGRAPH_SEPARATOR || g_unichar_isspace (c))
    return TRUE;

  return c < 0x80 && strchr ("/\\:*?\"<>|", (int)c) != NULL;
}

/**
 * ivc_export_make_file_name:
 * @name: (nullable): the candidate's name
 * @what: what the file holds, such as “scorecard”
 * @extension: the extension, without the dot
 *
 * A name to suggest for a file a user keeps, such as “Zoë Martin
 * scorecard.md”: the candidate's name as the user knows them, with what
 * cannot be in a file name made a space, no dot or hyphen first (no hidden
 * file, no command-line option) and at most
 * %IVC_EXPORT_FILE_NAME_MAX_CHARS characters of it.
 *
 * Returns: (transfer full): a file name, never a path
 */
char *
ivc_export_make_file_name (const char *name,
                           const char *what,
                           const char *extension)
{
  g_autofree char *valid = g_utf8_make_valid (name ? name : "", -1);
  g_autoptr(GString) safe = g_string_new (NULL);
  gboolean space = FALSE;
  guint n_chars = 0;

  g_return_val_if_fail (what != NULL, NULL);
  g_return_val_if_fail (extension != NULL, NULL);

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_unsafe_in_file_name (c))
        {
          space = TRUE;
          continue;
        }

      if (safe->len == 0 && (c == '.' || c == '-'))
        continue;

      if (space && safe->len > 0)
        {
          if (n_chars + 1 >= IVC_EXPORT_FILE_NAME_MAX_CHARS)
            break;
          g_string_append_c (safe, ' ');
          n_chars++;
        }
      space = FALSE;

      g_string_append_unichar (safe, c);
      if (++n_chars >= IVC_EXPORT_FILE_NAME_MAX_CHARS)
        break;
    }

  if (safe->len == 0)
    return g_strdup_printf ("%s.%s", what, extension);

  return g_strdup_printf ("%s %s.%s", safe->str, what, extension);
}
