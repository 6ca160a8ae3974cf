/* ivc-export-csv.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The CSV export: RFC 4180, every field quoted, and no cell a spreadsheet
 * would run as a formula, whichever separator it is opened with.
 */

#define G_LOG_DOMAIN "ivc-export"

#include "config.h"

#include <string.h>

#include "ivc-export-private.h"
#include "ivc-markdown-blocks.h"

/*
 * A spreadsheet runs a cell that starts with "=" as a formula, and Excel
 * also one that starts with "+", "-" or "@" (and, in some, a tab or a
 * carriage return at the start of the field): a formula may read other
 * cells, fetch a web address with them or start programs (OWASP's "CSV
 * injection").
 *
 * The file says that its separator is the comma, but a spreadsheet opened
 * in a locale whose list separator is the semicolon, or told to split on
 * tabs or spaces, splits fields where we never meant it to, and then takes
 * a quote that is not at the start of a cell as text and a line break
 * inside quotes as the end of a row. So a cell may start anywhere after a
 * comma, semicolon, tab, space, CR or LF in a field, as well as at its
 * start, and spreadsheets trim spaces and quotes there.
 *
 * At each such place, after any spaces and double quotes, a "'" goes in
 * front of a formula start, which makes the cell text; in front of a run
 * of "'" that a formula start follows too, so that a reader gets the exact
 * text back by taking one "'" away (docs/export-format.md).
 */

/* Where a field starts, and where a cell may start inside it. */
#define CSV_FIELD_FORMULA_STARTS "=+-@\t\r"
#define CSV_CELL_FORMULA_STARTS  "=+-@"
/* After which a spreadsheet may start a cell. */
#define CSV_CELL_BREAKS          ",; \t\r\n"
/* What a spreadsheet may trim at the start of a cell. */
#define CSV_CELL_PADDING         " \""

static gboolean
csv_formula_follows (const char *p,
                     const char *formula_starts)
{
  while (*p == '\'')
    p++;

  return *p != '\0' && strchr (formula_starts, *p) != NULL;
}

/* Every field is quoted: a spreadsheet that splits on another separator
 * then takes the whole row as one quoted cell more often than not. */
static void
csv_field (GString    *out,
           const char *value,
           gboolean    first)
{
  const char *formula_starts = CSV_FIELD_FORMULA_STARTS;
  gboolean cell_start = TRUE;

  if (!first)
    g_string_append_c (out, ',');
  g_string_append_c (out, '"');

  for (const char *p = value; *p; p++)
    {
      if (cell_start && strchr (CSV_CELL_PADDING, *p) == NULL)
        {
          if (csv_formula_follows (p, formula_starts))
            g_string_append_c (out, '\'');
          cell_start = FALSE;
        }

      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);

      if (strchr (CSV_CELL_BREAKS, *p) != NULL)
        {
          cell_start = TRUE;
          formula_starts = CSV_CELL_FORMULA_STARTS;
        }
    }

  g_string_append_c (out, '"');
}

static void
csv_row (GString            *out,
         const char * const *fields)
{
  for (guint i = 0; fields[i]; i++)
    csv_field (out, fields[i], i == 0);
  g_string_append (out, "\r\n");
}

static void
csv_entry (GString                 *out,
           IvcScorecard            *scorecard,
           const IvcScorecardLevel *level,
           const IvcScorecardEntry *entry)
{
  const char *interviewer_id = ivc_scorecard_get_interviewer_id (scorecard);
  const char *interviewer_name = ivc_scorecard_get_interviewer_name (scorecard);
  g_autofree char *score = NULL;
  g_autofree char *seconds = NULL;
  g_autofree char *question = NULL;
  const char *fields[13];

  if (entry->score != IVC_SCORE_NONE)
    score = g_strdup_printf ("%u", (guint) entry->score);
  seconds = g_strdup_printf ("%" G_GUINT64_FORMAT, entry->seconds);

  fields[0] = ivc_scorecard_get_candidate_id (scorecard);
  fields[1] = ivc_scorecard_get_candidate_name (scorecard);
  fields[2] = interviewer_id ? interviewer_id : "";
  fields[3] = interviewer_name ? interviewer_name : "";
  fields[4] = level ? level->id : "";
  fields[5] = level ? level->title : "";
  fields[6] = entry->question_id;
  /* A spreadsheet cell holds what a reader sees, not Markdown. */
  question = entry->question ? ivc_markdown_to_plain_text (entry->question) : NULL;
  fields[7] = question ? question : "";
  fields[8] = score ? score : "";
  fields[9] = entry->red_flag ? "true" : "false";
  fields[10] = seconds;
  fields[11] = entry->notes;
  fields[12] = NULL;

  csv_row (out, fields);
}

GBytes *
_ivc_export_csv (IvcScorecard *scorecard)
{
  static const char * const header[] = {
    "candidate_id", "candidate_name", "interviewer_id", "interviewer_name",
    "level_id", "level", "question_id", "question",
    "score", "red_flag", "seconds", "notes",
    NULL
  };
  GString *out = g_string_new (NULL);
  guint n_levels = ivc_scorecard_get_n_levels (scorecard);
  guint n_removed = ivc_scorecard_get_n_removed (scorecard);

  csv_row (out, header);

  for (guint i = 0; i < n_levels; i++)
    {
      const IvcScorecardLevel *level = ivc_scorecard_get_level (scorecard, i);

      for (guint j = 0; j < level->entries->len; j++)
        csv_entry (out, scorecard, level, g_ptr_array_index (level->entries, j));
    }

  for (guint i = 0; i < n_removed; i++)
    csv_entry (out, scorecard, NULL, ivc_scorecard_get_removed (scorecard, i));

  return g_string_free_to_bytes (out);
}

void
_ivc_export_csv_row (GString            *out,
                     const char * const *fields)
{
  csv_row (out, fields);
}
