/* ivc-id.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rules for ids and dates that question banks, levels, questions,
 * candidates and interviewers share, in one place.
 */

#define G_LOG_DOMAIN "ivc-id"

#include "config.h"

#include <string.h>

#include "ivc-id.h"

/**
 * ivc_id_is_valid:
 * @id: (nullable): a bank, level, question, candidate or interviewer id
 *
 * Ids name files and folders, so they are kept plain: 1 to
 * %IVC_ID_MAX_CHARS lowercase ASCII letters, digits and hyphens, not
 * starting with a hyphen, like “service-discovery”.
 *
 * Returns: %TRUE if @id follows these rules
 */
gboolean
ivc_id_is_valid (const char *id)
{
  gsize len;

  if (id == NULL)
    return FALSE;

  len = strlen (id);
  if (len == 0 || len > IVC_ID_MAX_CHARS || id[0] == '-')
    return FALSE;

  for (gsize i = 0; i < len; i++)
    {
      if (!g_ascii_islower (id[i]) && !g_ascii_isdigit (id[i]) && id[i] != '-')
        return FALSE;
    }

  return TRUE;
}

/* A short hash of the whole text: the same text gives the same one on
 * every machine, a different text almost surely another. */
static void
append_hash (GString    *id,
             const char *text)
{
  g_autofree char *nfc = g_utf8_normalize (text, -1, G_NORMALIZE_NFC);
  g_autofree char *sum = g_compute_checksum_for_string (G_CHECKSUM_SHA256,
                                                        nfc ? nfc : text, -1);

  if (id->len > 0)
    g_string_append_c (id, '-');
  g_string_append_len (id, sum, 8);
}

/**
 * ivc_id_derive:
 * @text: a question's or level's text, as the bank gives it
 *
 * Derives an id for a question or level that the bank gives none: the
 * words of @text in lowercase ASCII joined by hyphens (“What is a saga?”
 * gives “what-is-a-saga”), accents dropped, cut at a word within
 * %IVC_ID_DERIVED_MAX_CHARS characters. Letters that have no ASCII form
 * (Chinese, Greek, …) are replaced by a short hash of the whole text, so
 * such texts get distinct ids too (“什么是微服务？” gives “f32456f7”).
 * The same text always gives the same id; ivc_id_make_unique() makes it
 * unique within a bank.
 *
 * Returns: (transfer full): a valid id
 */
char *
ivc_id_derive (const char *text)
{
  g_autoptr(GString) id = g_string_new (NULL);
  gboolean lost = FALSE;
  gboolean gap = FALSE;
  gsize word_end = 0;

  g_return_val_if_fail (text != NULL, NULL);

  for (const char *p = text; *p && id->len < IVC_ID_DERIVED_MAX_CHARS + 1; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char_validated (p, -1);
      g_autofree char *ascii = NULL;
      char one[8] = { 0 };

      if (c == (gunichar)-1 || c == (gunichar)-2)
        break;

      if (c < 0x80)
        {
          one[0] = (char)c;
          ascii = g_strdup (one);
        }
      else if (g_unichar_isalnum (c))
        {
          g_unichar_to_utf8 (c, one);
          ascii = g_str_to_ascii (one, "C");
        }
      else
        ascii = g_strdup (" ");

      for (const char *a = ascii; *a; a++)
        {
          if (g_ascii_isalnum (*a))
            {
              if (gap && id->len > 0)
                {
                  word_end = id->len;
                  g_string_append_c (id, '-');
                }
              gap = FALSE;
              g_string_append_c (id, g_ascii_tolower (*a));
            }
          else if (c >= 0x80 && g_unichar_isalnum (c))
            {
              /* No ASCII form: the hash stands for it. */
              lost = TRUE;
              gap = TRUE;
            }
          else
            gap = TRUE;
        }
    }

  /* Cut at the end of a word when the text goes on. */
  if (id->len > IVC_ID_DERIVED_MAX_CHARS)
    g_string_truncate (id, word_end > 0 ? word_end : IVC_ID_DERIVED_MAX_CHARS);
  while (id->len > 0 && id->str[id->len - 1] == '-')
    g_string_truncate (id, id->len - 1);

  if (lost || id->len == 0)
    append_hash (id, text);

  g_assert (ivc_id_is_valid (id->str));

  return g_string_free (g_steal_pointer (&id), FALSE);
}

/**
 * ivc_id_make_unique:
 * @id: a valid id
 * @taken: (element-type utf8 utf8): the ids already taken, as keys
 *
 * Returns: (transfer full): @id if it is not in @taken, else @id with the
 *   first free number from 2 on added (“what-is-a-saga-2”), still valid
 */
char *
ivc_id_make_unique (const char *id,
                    GHashTable *taken)
{
  g_return_val_if_fail (ivc_id_is_valid (id), NULL);
  g_return_val_if_fail (taken != NULL, NULL);

  if (!g_hash_table_contains (taken, id))
    return g_strdup (id);

  for (guint n = 2; ; n++)
    {
      g_autofree char *suffix = g_strdup_printf ("-%u", n);
      gsize keep = MIN (strlen (id), IVC_ID_MAX_CHARS - strlen (suffix));
      g_autofree char *base = g_strndup (id, keep);
      char *candidate;

      while (keep > 0 && base[keep - 1] == '-')
        base[--keep] = '\0';
      candidate = g_strconcat (base, suffix, NULL);
      if (!g_hash_table_contains (taken, candidate))
        return candidate;
      g_free (candidate);
    }
}

/**
 * ivc_date_is_valid:
 * @date: (nullable): a date, such as an interview's
 *
 * Returns: %TRUE if @date is a calendar date written as “YYYY-MM-DD”
 */
gboolean
ivc_date_is_valid (const char *date)
{
  guint year, month, day;

  if (date == NULL || strlen (date) != IVC_DATE_LENGTH || date[4] != '-' || date[7] != '-')
    return FALSE;

  for (guint i = 0; i < IVC_DATE_LENGTH; i++)
    {
      if (i != 4 && i != 7 && !g_ascii_isdigit (date[i]))
        return FALSE;
    }

  year = g_ascii_strtoull (date, NULL, 10);
  month = g_ascii_strtoull (date + 5, NULL, 10);
  day = g_ascii_strtoull (date + 8, NULL, 10);

  return year >= 1 && g_date_valid_dmy (day, month, year);
}

static gboolean
all_chars (const char *s,
           gsize       len,
           gboolean  (*test) (gchar c))
{
  for (gsize i = 0; i < len; i++)
    {
      if (!test (s[i]))
        return FALSE;
    }
  return TRUE;
}

static gboolean
is_alpha (gchar c)
{
  return g_ascii_isalpha (c);
}

static gboolean
is_digit (gchar c)
{
  return g_ascii_isdigit (c);
}

static gboolean
is_alnum (gchar c)
{
  return g_ascii_isalnum (c);
}

/**
 * ivc_language_tag_is_valid:
 * @tag: (nullable): a bank's language
 *
 * Whether @tag is a well-formed BCP 47 language tag (RFC 5646, section
 * 2.1): “en”, “de-CH”, “zh-Hans-CN”, “sr-Latn”, “es-419”, “x-klingon”.
 * Only the form is checked, not the registry: “qq” passes, “en_US” does
 * not. The language itself must be a 2 or 3 letter code: the 5 to 8 letter
 * ones that RFC 5646 reserves are never assigned, and “english” is what
 * people write by mistake.
 *
 * Returns: %TRUE if @tag is well formed
 */
gboolean
ivc_language_tag_is_valid (const char *tag)
{
  g_auto(GStrv) parts = NULL;
  enum { LANGUAGE, EXTLANG, SCRIPT, REGION, VARIANT, EXTENSION, PRIVATE } state = LANGUAGE;
  guint n_extlang = 0;
  gboolean extension_open = FALSE;

  if (tag == NULL || *tag == '\0' || strlen (tag) > 255)
    return FALSE;

  parts = g_strsplit (tag, "-", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      const char *p = parts[i];
      gsize len = strlen (p);

      if (len == 0 || len > 8 || !all_chars (p, len, is_alnum))
        return FALSE;

      if (i == 0)
        {
          if (len == 1 && g_ascii_tolower (p[0]) == 'x')
            state = PRIVATE;
          else if (len >= 2 && len <= 3 && all_chars (p, len, is_alpha))
            state = EXTLANG;
          else
            return FALSE;
          if (state == PRIVATE)
            extension_open = TRUE;
          continue;
        }

      if (state == PRIVATE)
        {
          extension_open = FALSE;
          continue;
        }

      if (len == 1)
        {
          if (extension_open)
            return FALSE;
          state = g_ascii_tolower (p[0]) == 'x' ? PRIVATE : EXTENSION;
          extension_open = TRUE;
          continue;
        }

      if (state == EXTENSION)
        {
          if (len < 2)
            return FALSE;
          extension_open = FALSE;
          continue;
        }

      if (state == EXTLANG && len == 3 && all_chars (p, len, is_alpha) && n_extlang < 3)
        {
          n_extlang++;
          continue;
        }
      if (state <= SCRIPT && len == 4 && all_chars (p, len, is_alpha))
        {
          state = REGION;
          continue;
        }
      if (state <= REGION &&
          ((len == 2 && all_chars (p, len, is_alpha)) || (len == 3 && all_chars (p, len, is_digit))))
        {
          state = VARIANT;
          continue;
        }
      if (state <= VARIANT &&
          (len >= 5 || (len == 4 && g_ascii_isdigit (p[0]))))
        {
          state = VARIANT;
          continue;
        }

      return FALSE;
    }

  return !extension_open;
}
