/* ivc-text.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Text helpers for search: folding case and accents, and splitting a query
 * into words.
 */

#define G_LOG_DOMAIN "ivc-text"

#include "config.h"

#include <stdlib.h>
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

/* The first byte of a character; any byte that is not the continuation of
 * one, so that broken UTF-8 is counted and cut safely too. */
#define STARTS_CHAR(c) (((guchar)(c) & 0xC0) != 0x80)

/**
 * ivc_text_count_chars:
 *
 * Returns: how many characters @text has
 */
gsize
ivc_text_count_chars (const char *text)
{
  gsize n = 0;

  g_return_val_if_fail (text != NULL, 0);

  for (const char *p = text; *p; p++)
    {
      if (STARTS_CHAR (*p))
        n++;
    }

  return n;
}

/**
 * ivc_text_bound:
 * @text: (nullable): a field's new text
 * @max_chars: the field's limit
 * @current: (nullable): the field's text now
 *
 * The rule of every text field with a limit: a change never makes it
 * longer than @max_chars characters, cut at a character boundary; text
 * that is already longer (from a file written before the limit) is kept,
 * and can only get shorter.
 *
 * Returns: (transfer full) (nullable): @text cut to the limit, or %NULL if
 *   it is within it
 */
char *
ivc_text_bound (const char *text,
                gsize       max_chars,
                const char *current)
{
  gsize n = 0;

  if (text == NULL)
    return NULL;

  if (current != NULL)
    max_chars = MAX (max_chars, ivc_text_count_chars (current));

  for (const char *p = text; *p; p++)
    {
      if (STARTS_CHAR (*p) && n++ == max_chars)
        return g_strndup (text, p - text);
    }

  return NULL;
}

/**
 * ivc_text_format_date:
 * @iso_date: (nullable): a date as the files store it, “YYYY-MM-DD”
 *
 * Dates are stored in ISO 8601 and shown the way the user's locale writes
 * them (LC_TIME): 20.11.2026 in German, 20/11/2026 in French.
 *
 * Returns: (transfer full): the date for display; @iso_date as it is if it
 *   is not a valid date, "" for %NULL
 */
char *
ivc_text_format_date (const char *iso_date)
{
  g_autoptr(GDateTime) date_time = NULL;
  g_autoptr(GTimeZone) utc = NULL;
  int year, month, day;
  char *formatted;

  if (iso_date == NULL)
    return g_strdup ("");

  for (gsize i = 0; i < strlen ("YYYY-MM-DD"); i++)
    {
      if (i == 4 || i == 7 ? iso_date[i] != '-' : !g_ascii_isdigit (iso_date[i]))
        return g_strdup (iso_date);
    }
  if (iso_date[strlen ("YYYY-MM-DD")] != '\0')
    return g_strdup (iso_date);

  year = atoi (iso_date);
  month = atoi (iso_date + 5);
  day = atoi (iso_date + 8);
  if (year < 1 || !g_date_valid_dmy ((GDateDay)day, (GDateMonth)month, (GDateYear)year))
    return g_strdup (iso_date);

  utc = g_time_zone_new_utc ();
  date_time = g_date_time_new (utc, year, month, day, 0, 0, 0);
  formatted = date_time != NULL ? g_date_time_format (date_time, "%x") : NULL;

  return formatted != NULL ? formatted : g_strdup (iso_date);
}
