/* ivc-text.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Text helpers for search: folding case and accents, and splitting a query
 * into words.
 */

#define G_LOG_DOMAIN "ivc-text"

#include "config.h"

#include <string.h>

#include "ivc-text.h"


/* Folds text for searching: case-insensitive and accent-insensitive, so that
 * "resume" finds "résumé" and "CIRCUIT" finds "circuit". */
char *
ivc_text_fold (const char *text,
               gssize      length)
{
  g_autofree char *decomposed = NULL;
  g_autofree char *folded = NULL;
  GString *out;

  g_return_val_if_fail (text != NULL, NULL);

  decomposed = g_utf8_normalize (text, length, G_NORMALIZE_NFKD);
  if (decomposed == NULL)
    return g_strdup ("");

  folded = g_utf8_casefold (decomposed, -1);
  out = g_string_sized_new (strlen (folded));

  for (const char *p = folded; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      /* Plain ASCII is by far the most common case. */
      if (c < 0x80)
        g_string_append_c (out, (char) c);
      else if (g_unichar_type (c) != G_UNICODE_NON_SPACING_MARK)
        g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

/* Splits a search query into folded words; every word must match. */
char **
ivc_text_search_words (const char *query)
{
  g_autofree char *folded = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  const char *p;

  if (query == NULL)
    return g_strv_builder_end (builder);

  folded = ivc_text_fold (query, -1);
  p = folded;

  while (*p)
    {
      const char *start;

      while (*p && g_unichar_isspace (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      start = p;
      while (*p && !g_unichar_isspace (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      if (p > start)
        {
          g_autofree char *word = g_strndup (start, p - start);
          g_strv_builder_add (builder, word);
        }
    }

  return g_strv_builder_end (builder);
}
