/* ivc-export.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Scorecard exports: Markdown, CSV (RFC 4180, neutralised against formula
 * injection) and JSON, as bytes and written to a file.
 */

#define G_LOG_DOMAIN "ivc-export"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "ivc-export.h"
#include "ivc-bias-guard.h"
#include "ivc-export-private.h"
#include "ivc-file-util.h"
#include "ivc-json-reader.h"
#include "ivc-markdown-blocks.h"

/*
 * Writes a scorecard as Markdown for people, CSV for spreadsheets and JSON
 * for programs; docs/export-format.md describes all three. Everything in a
 * scorecard that people typed (names, notes, the bank's texts) is treated
 * as hostile: it must come out as the same text, never as markup, a
 * spreadsheet formula or broken structure.
 */

G_DEFINE_QUARK (ivc-export-error-quark, ivc_export_error)

G_DEFINE_ENUM_TYPE (IvcExportFormat, ivc_export_format,
  G_DEFINE_ENUM_VALUE (IVC_EXPORT_FORMAT_MARKDOWN, "markdown"),
  G_DEFINE_ENUM_VALUE (IVC_EXPORT_FORMAT_CSV, "csv"),
  G_DEFINE_ENUM_VALUE (IVC_EXPORT_FORMAT_JSON, "json"))

/**
 * ivc_export_format_from_string:
 * @name: what a user typed: “md”, “markdown”, “csv” or “json”, in any case
 * @format: (out) (optional): where to store the format
 *
 * Returns: %TRUE if @name is a format; otherwise %FALSE with
 *   %IVC_EXPORT_ERROR_UNKNOWN_FORMAT
 */
gboolean
ivc_export_format_from_string (const char       *name,
                               IvcExportFormat  *format,
                               GError          **error)
{
  static const struct {
    const char      *name;
    IvcExportFormat  format;
  } names[] = {
    { "md", IVC_EXPORT_FORMAT_MARKDOWN },
    { "markdown", IVC_EXPORT_FORMAT_MARKDOWN },
    { "csv", IVC_EXPORT_FORMAT_CSV },
    { "json", IVC_EXPORT_FORMAT_JSON },
  };

  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      if (g_ascii_strcasecmp (name, names[i].name) == 0)
        {
          if (format != NULL)
            *format = names[i].format;
          return TRUE;
        }
    }

  g_set_error (error, IVC_EXPORT_ERROR, IVC_EXPORT_ERROR_UNKNOWN_FORMAT,
               _("“%s” is not an export format; use md, csv or json"), name);
  return FALSE;
}

/**
 * ivc_export_format_get_extension:
 *
 * Returns: the file name extension, without the dot, such as “md”
 */
const char *
ivc_export_format_get_extension (IvcExportFormat format)
{
  switch (format)
    {
    case IVC_EXPORT_FORMAT_MARKDOWN:
      return "md";
    case IVC_EXPORT_FORMAT_CSV:
      return "csv";
    case IVC_EXPORT_FORMAT_JSON:
      return "json";
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * ivc_export_format_get_mime_type:
 *
 * Returns: the MIME type, such as “text/markdown”
 */
const char *
ivc_export_format_get_mime_type (IvcExportFormat format)
{
  switch (format)
    {
    case IVC_EXPORT_FORMAT_MARKDOWN:
      return "text/markdown";
    case IVC_EXPORT_FORMAT_CSV:
      return "text/csv";
    case IVC_EXPORT_FORMAT_JSON:
      return "application/json";
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * ivc_export_format_get_label:
 *
 * Returns: the name of the format for display, as in a file chooser filter
 */
const char *
ivc_export_format_get_label (IvcExportFormat format)
{
  switch (format)
    {
    case IVC_EXPORT_FORMAT_MARKDOWN:
      return _("Markdown document");
    case IVC_EXPORT_FORMAT_CSV:
      return _("CSV spreadsheet");
    case IVC_EXPORT_FORMAT_JSON:
      return _("JSON data");
    default:
      g_return_val_if_reached (NULL);
    }
}

/* "1:02:05"; hours are not capped. */
static char *
format_duration (guint64 seconds)
{
  return g_strdup_printf ("%" G_GUINT64_FORMAT ":%02u:%02u",
                          seconds / 3600,
                          (guint) (seconds / 60 % 60),
                          (guint) (seconds % 60));
}

/*
 * Markdown.
 *
 * Every character that CommonMark or GitHub Flavored Markdown (with its
 * tables, strikethrough, math, autolinks and mentions) gives a meaning to
 * is escaped with a backslash wherever it appears, which CommonMark allows
 * for any ASCII punctuation. That is simpler to get right than knowing in
 * which position each one matters, and "<" escaped means no HTML can get
 * through. ":" is escaped because GitHub's autolinks would otherwise take
 * "http://a\.b" with its backslashes as the address.
 */

#define MD_SPECIALS "\\`*_{}[]<>()#+-.!|&~=$^:@"

static void
md_escape (GString    *out,
           const char *text,
           gsize       len)
{
  for (gsize i = 0; i < len; i++)
    {
      if (strchr (MD_SPECIALS, text[i]) != NULL && text[i] != '\0')
        g_string_append_c (out, '\\');
      g_string_append_c (out, text[i]);
    }
}

/* Text on one line, as in a heading, a list item or a table cell: line
 * breaks become single spaces. */
static void
md_text (GString    *out,
         const char *text)
{
  const char *p = text;

  while (*p)
    {
      gsize run = strcspn (p, "\r\n");

      md_escape (out, p, run);
      p += run;

      if (*p)
        {
          g_string_append_c (out, ' ');
          p += strspn (p, "\r\n");
        }
    }
}

static void md_printf (GString    *out,
                       const char *format,
                       ...) G_GNUC_PRINTF (2, 3);

static void
md_printf (GString    *out,
           const char *format,
           ...)
{
  g_autofree char *text = NULL;
  va_list args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);

  md_text (out, text);
}

/* Text on several lines, as notes: each line is a line of its own (a hard
 * line break), blank lines separate paragraphs. Indentation is dropped, as
 * Markdown would drop most of it anyway and four spaces would make a code
 * block. */
static void
md_paragraphs (GString    *out,
               const char *text)
{
  g_autofree char *normalized = NULL;
  g_auto(GStrv) lines = NULL;
  gboolean in_paragraph = FALSE;
  gboolean blank_before = FALSE;

  /* CR LF and lone CR are line breaks too. */
  normalized = g_strdup (text);
  for (char *p = normalized; *p; p++)
    {
      if (p[0] == '\r')
        p[0] = p[1] == '\n' ? ' ' : '\n';
    }

  lines = g_strsplit (normalized, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      char *line = g_strstrip (lines[i]);

      if (*line == '\0')
        {
          blank_before = in_paragraph;
          continue;
        }

      if (blank_before)
        g_string_append (out, "\n\n");
      else if (in_paragraph)
        g_string_append (out, "\\\n");

      md_escape (out, line, strlen (line));
      in_paragraph = TRUE;
      blank_before = FALSE;
    }

  if (in_paragraph)
    g_string_append_c (out, '\n');
}

/* "- **Label:** value" */
static void
md_item (GString    *out,
         const char *label,
         const char *value)
{
  g_string_append (out, "- **");
  md_text (out, label);
  g_string_append (out, ":** ");
  md_text (out, value);
  g_string_append_c (out, '\n');
}

/* "- **Label:** value", for values the app writes itself, such as times
 * and averages: nothing in them needs escaping after the label. */
static void
md_item_figure (GString    *out,
                const char *label,
                const char *value)
{
  g_string_append (out, "- **");
  md_text (out, label);
  g_string_append (out, ":** ");
  g_string_append (out, value);
  g_string_append_c (out, '\n');
}

static char *
dup_score_text (IvcScore score)
{
  if (score == IVC_SCORE_NONE)
    return g_strdup (ivc_score_get_label (score));

  /* Translators: a score, such as "Good (3 of 4)" */
  return g_strdup_printf (_("%s (%u of 4)"), ivc_score_get_label (score), (guint) score);
}

static char *
dup_average_text (double average)
{
  if (average < 0)
    return g_strdup (_("No scores yet"));

  /* Translators: an average score, such as "3.25 of 4" */
  return g_strdup_printf (_("%.2f of 4"), average);
}

static void
md_entry (GString                 *out,
          const IvcScorecardEntry *entry,
          const char              *heading)
{
  g_autofree char *score = dup_score_text (entry->score);
  g_autofree char *seconds = format_duration (entry->seconds);

  g_string_append (out, "\n#### ");
  md_text (out, heading);
  g_string_append (out, "\n\n");

  if (entry->question != NULL)
    md_item (out, _("Question id"), entry->question_id);
  md_item (out, _("Score"), score);
  if (entry->rubric_anchor != NULL)
    md_item (out, _("Rubric for this score"), entry->rubric_anchor);
  md_item (out, _("Red flag observed"), entry->red_flag ? _("Yes") : _("No"));
  md_item_figure (out, _("Time"), seconds);

  if (entry->notes[0] != '\0')
    {
      g_string_append_c (out, '\n');
      md_paragraphs (out, entry->notes);
    }
}

/* " text |": a table cell, after the "|" that opens the row. */
static void
md_cell (GString    *out,
         const char *text)
{
  g_string_append_c (out, ' ');
  md_text (out, text);
  g_string_append (out, " |");
}

static void
md_cell_uint (GString *out,
              guint    value)
{
  g_string_append_printf (out, " %u |", value);
}

static void
md_levels_table (GString      *out,
                 IvcScorecard *scorecard)
{
  guint n_levels = ivc_scorecard_get_n_levels (scorecard);
  const char *headings[] = {
    _("Level"), _("Questions"), _("Scored"), _("Average"), _("Red flags"),
    ivc_score_get_label (IVC_SCORE_POOR), ivc_score_get_label (IVC_SCORE_MIXED),
    ivc_score_get_label (IVC_SCORE_GOOD), ivc_score_get_label (IVC_SCORE_STRONG),
    ivc_score_get_label (IVC_SCORE_NONE), _("Time"),
  };

  g_string_append (out, "\n|");
  for (guint i = 0; i < G_N_ELEMENTS (headings); i++)
    md_cell (out, headings[i]);
  g_string_append (out, "\n|");
  for (guint i = 0; i < G_N_ELEMENTS (headings); i++)
    g_string_append (out, i == 0 ? " --- |" : " ---: |");
  g_string_append_c (out, '\n');

  for (guint i = 0; i < n_levels; i++)
    {
      const IvcScorecardLevel *level = ivc_scorecard_get_level (scorecard, i);
      g_autofree char *seconds = format_duration (level->seconds);
      g_autofree char *average = NULL;
      guint counts[] = {
        level->n_questions, level->n_scored,
      };
      guint more_counts[] = {
        level->n_red_flags,
        level->distribution[IVC_SCORE_POOR],
        level->distribution[IVC_SCORE_MIXED],
        level->distribution[IVC_SCORE_GOOD],
        level->distribution[IVC_SCORE_STRONG],
        level->distribution[IVC_SCORE_NONE],
      };

      if (level->average >= 0)
        average = g_strdup_printf ("%.2f", level->average);
      else
        average = g_strdup ("—");

      g_string_append_c (out, '|');
      md_cell (out, level->title);
      for (guint j = 0; j < G_N_ELEMENTS (counts); j++)
        md_cell_uint (out, counts[j]);
      g_string_append_printf (out, " %s |", average);
      for (guint j = 0; j < G_N_ELEMENTS (more_counts); j++)
        md_cell_uint (out, more_counts[j]);
      g_string_append_printf (out, " %s |", seconds);
      g_string_append_c (out, '\n');
    }
}

static GBytes *
export_markdown (IvcScorecard *scorecard)
{
  GString *out = g_string_new (NULL);
  const char *name = ivc_scorecard_get_candidate_name (scorecard);
  const char *bank_id = ivc_scorecard_get_bank_id (scorecard);
  const char *bank_title = ivc_scorecard_get_bank_title (scorecard);
  const char *interviewer = ivc_scorecard_get_interviewer_name (scorecard);
  const char *summary = ivc_scorecard_get_summary (scorecard);
  guint n_questions = ivc_scorecard_get_n_questions (scorecard);
  guint n_scored = ivc_scorecard_get_n_scored (scorecard);
  guint n_levels = ivc_scorecard_get_n_levels (scorecard);
  guint n_removed = ivc_scorecard_get_n_removed (scorecard);
  g_autofree char *bank = NULL;
  g_autofree char *interview_time = NULL;
  g_autofree char *scored = NULL;
  g_autofree char *average = NULL;
  g_autofree char *red_flags = NULL;
  g_autofree char *status = ivc_bias_guard_dup_status (ivc_scorecard_get_candidate (scorecard));

  if (*name == '\0')
    name = _("Unnamed candidate");

  if (bank_title != NULL)
    /* Translators: a question bank's title and id, such as "Microservices (microservices)" */
    bank = g_strdup_printf (_("%s (%s)"), bank_title, bank_id);
  else if (*bank_id != '\0')
    /* Translators: the id of a question bank that could not be found */
    bank = g_strdup_printf (_("%s (missing)"), bank_id);
  else
    bank = g_strdup (_("None"));

  interview_time = format_duration (ivc_scorecard_get_interview_seconds (scorecard));
  /* Percentages round down: 100% means every question was scored. */
  if (n_questions > 0)
    /* Translators: such as "7 of 10 (70%)" */
    scored = g_strdup_printf (_("%u of %u (%u%%)"), n_scored, n_questions,
                              (guint) ((guint64) n_scored * 100 / n_questions));
  else
    scored = g_strdup_printf (_("%u of %u"), n_scored, n_questions);
  average = dup_average_text (ivc_scorecard_get_average (scorecard));
  red_flags = g_strdup_printf ("%u", ivc_scorecard_get_n_red_flags (scorecard));

  g_string_append (out, "# ");
  md_printf (out, _("Scorecard: %s"), name);
  g_string_append (out, "\n\n");

  md_item (out, _("Candidate id"), ivc_scorecard_get_candidate_id (scorecard));
  if (*ivc_scorecard_get_role (scorecard) != '\0')
    md_item (out, _("Role"), ivc_scorecard_get_role (scorecard));
  if (*ivc_scorecard_get_interview_date (scorecard) != '\0')
    md_item (out, _("Interview date"), ivc_scorecard_get_interview_date (scorecard));
  if (interviewer != NULL && *interviewer != '\0')
    md_item (out, _("Interviewer"), interviewer);
  md_item (out, _("Scorecard"), status);
  md_item (out, _("Question bank"), bank);
  md_item_figure (out, _("Interview time"), interview_time);
  md_item (out, _("Questions scored"), scored);
  md_item (out, _("Average score"), average);
  md_item (out, _("Red flags observed"), red_flags);

  g_string_append (out, "\n## ");
  md_text (out, _("Recommendation"));
  g_string_append (out, "\n\n");
  md_text (out, ivc_recommendation_get_label (ivc_scorecard_get_recommendation (scorecard)));
  g_string_append (out, "\n");

  g_string_append (out, "\n## ");
  md_text (out, _("Summary"));
  g_string_append (out, "\n\n");
  if (*summary != '\0')
    md_paragraphs (out, summary);
  else
    {
      md_text (out, _("No summary."));
      g_string_append_c (out, '\n');
    }

  if (n_levels > 0)
    {
      g_string_append (out, "\n## ");
      md_text (out, _("Levels"));
      g_string_append_c (out, '\n');
      md_levels_table (out, scorecard);

      g_string_append (out, "\n## ");
      md_text (out, _("Questions"));
      g_string_append_c (out, '\n');

      for (guint i = 0; i < n_levels; i++)
        {
          const IvcScorecardLevel *level = ivc_scorecard_get_level (scorecard, i);

          g_string_append (out, "\n### ");
          md_text (out, level->title);
          g_string_append_c (out, '\n');

          for (guint j = 0; j < level->entries->len; j++)
            {
              const IvcScorecardEntry *entry = g_ptr_array_index (level->entries, j);
              /* A heading is one line of text: the question as it reads,
               * not its Markdown escaped into visible syntax. */
              g_autofree char *question = entry->question ? ivc_markdown_to_plain_text (entry->question) : NULL;

              md_entry (out, entry, question);
            }
        }
    }

  if (n_removed > 0)
    {
      g_string_append (out, "\n## ");
      md_text (out, _("No longer in the bank"));
      g_string_append (out, "\n\n");
      if (ivc_scorecard_get_bank (scorecard) != NULL)
        md_text (out, _("The question bank no longer has these questions. "
                        "Their notes are kept."));
      else
        md_text (out, _("The question bank is missing, so the questions "
                        "are shown by id only."));
      g_string_append_c (out, '\n');

      for (guint i = 0; i < n_removed; i++)
        {
          const IvcScorecardEntry *entry = ivc_scorecard_get_removed (scorecard, i);

          md_entry (out, entry, entry->question_id);
        }
    }

  return g_string_free_to_bytes (out);
}

void
_ivc_export_md_text (GString    *out,
                     const char *text)
{
  md_text (out, text);
}

void
_ivc_export_md_paragraphs (GString    *out,
                           const char *text)
{
  md_paragraphs (out, text);
}

char *
_ivc_export_dup_score_text (IvcScore score)
{
  return dup_score_text (score);
}

char *
_ivc_export_dup_average_text (double average)
{
  return dup_average_text (average);
}

/*
 * JSON.
 */

void
_ivc_export_json_string (JsonBuilder *builder,
                         const char  *name,
                         const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
json_member_int (JsonBuilder *builder,
                 const char  *name,
                 gint64       value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_int_value (builder, value);
}

void
_ivc_export_json_date_time (JsonBuilder *builder,
                            const char  *name,
                            GDateTime   *date_time)
{
  g_autoptr(GDateTime) utc = date_time ? g_date_time_to_utc (date_time) : NULL;
  g_autofree char *text = utc ? g_date_time_format_iso8601 (utc) : NULL;

  _ivc_export_json_string (builder, name, text);
}

/* A JSON export's file: the builder's object, indented by two, and a
 * final line break. */
GBytes *
_ivc_export_json_to_bytes (JsonBuilder *builder)
{
  g_autoptr(JsonNode) root = json_builder_get_root (builder);

  return ivc_json_to_bytes (root);
}

/* Averages are null, not negative, when there is none. */
static void
json_member_average (JsonBuilder *builder,
                     const char  *name,
                     double       average)
{
  json_builder_set_member_name (builder, name);
  if (average >= 0)
    json_builder_add_double_value (builder, average);
  else
    json_builder_add_null_value (builder);
}

static void
json_distribution (JsonBuilder *builder,
                   const guint *distribution)
{
  json_builder_set_member_name (builder, "distribution");
  json_builder_begin_object (builder);
  json_member_int (builder, "unscored", distribution[IVC_SCORE_NONE]);
  json_member_int (builder, "1", distribution[IVC_SCORE_POOR]);
  json_member_int (builder, "2", distribution[IVC_SCORE_MIXED]);
  json_member_int (builder, "3", distribution[IVC_SCORE_GOOD]);
  json_member_int (builder, "4", distribution[IVC_SCORE_STRONG]);
  json_builder_end_object (builder);
}

static void
json_entry (JsonBuilder             *builder,
            const IvcScorecardEntry *entry)
{
  json_builder_begin_object (builder);
  _ivc_export_json_string (builder, "id", entry->question_id);
  _ivc_export_json_string (builder, "question", entry->question);
  json_member_int (builder, "score", entry->score);
  if (entry->rubric_anchor != NULL)
    _ivc_export_json_string (builder, "rubric_anchor", entry->rubric_anchor);
  json_builder_set_member_name (builder, "red_flag");
  json_builder_add_boolean_value (builder, entry->red_flag);
  json_member_int (builder, "seconds", entry->seconds);
  _ivc_export_json_string (builder, "notes", entry->notes);
  json_builder_end_object (builder);
}

static GBytes *
export_json (IvcScorecard *scorecard)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  const char *interviewer_id = ivc_scorecard_get_interviewer_id (scorecard);
  guint n_levels = ivc_scorecard_get_n_levels (scorecard);
  guint n_removed = ivc_scorecard_get_n_removed (scorecard);
  guint distribution[IVC_SCORE_MAX + 1];

  for (guint s = 0; s <= IVC_SCORE_MAX; s++)
    distribution[s] = ivc_scorecard_get_n_with_score (scorecard, s);

  json_builder_begin_object (builder);

  json_member_int (builder, "format", IVC_EXPORT_JSON_FORMAT);
  _ivc_export_json_string (builder, "generator", PACKAGE_NAME " " PACKAGE_VERSION);

  json_builder_set_member_name (builder, "candidate");
  json_builder_begin_object (builder);
  _ivc_export_json_string (builder, "id", ivc_scorecard_get_candidate_id (scorecard));
  _ivc_export_json_string (builder, "name", ivc_scorecard_get_candidate_name (scorecard));
  _ivc_export_json_string (builder, "role", ivc_scorecard_get_role (scorecard));
  _ivc_export_json_string (builder, "interview_date", ivc_scorecard_get_interview_date (scorecard));
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "interviewer");
  if (interviewer_id != NULL)
    {
      const char *interviewer_name = ivc_scorecard_get_interviewer_name (scorecard);

      json_builder_begin_object (builder);
      _ivc_export_json_string (builder, "id", interviewer_id);
      _ivc_export_json_string (builder, "name", interviewer_name ? interviewer_name : "");
      json_builder_end_object (builder);
    }
  else
    {
      json_builder_add_null_value (builder);
    }

  /* Whether the scorecard is a draft, and when it was submitted and last
   * amended (candidate file format 3). */
  _ivc_export_json_date_time (builder, "submitted", ivc_candidate_get_submitted (ivc_scorecard_get_candidate (scorecard)));
  _ivc_export_json_date_time (builder, "amended", ivc_candidate_get_amended (ivc_scorecard_get_candidate (scorecard)));

  json_builder_set_member_name (builder, "bank");
  json_builder_begin_object (builder);
  _ivc_export_json_string (builder, "id", ivc_scorecard_get_bank_id (scorecard));
  _ivc_export_json_string (builder, "title", ivc_scorecard_get_bank_title (scorecard));
  json_builder_end_object (builder);

  _ivc_export_json_string (builder, "recommendation",
                      ivc_recommendation_get_nick (ivc_scorecard_get_recommendation (scorecard)));
  _ivc_export_json_string (builder, "summary", ivc_scorecard_get_summary (scorecard));
  json_member_int (builder, "interview_seconds", ivc_scorecard_get_interview_seconds (scorecard));

  json_builder_set_member_name (builder, "totals");
  json_builder_begin_object (builder);
  json_member_int (builder, "n_questions", ivc_scorecard_get_n_questions (scorecard));
  json_member_int (builder, "n_scored", ivc_scorecard_get_n_scored (scorecard));
  json_builder_set_member_name (builder, "coverage");
  json_builder_add_double_value (builder, ivc_scorecard_get_coverage (scorecard));
  json_member_average (builder, "average", ivc_scorecard_get_average (scorecard));
  json_member_int (builder, "n_red_flags", ivc_scorecard_get_n_red_flags (scorecard));
  json_member_int (builder, "seconds", ivc_scorecard_get_question_seconds (scorecard));
  json_distribution (builder, distribution);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "levels");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n_levels; i++)
    {
      const IvcScorecardLevel *level = ivc_scorecard_get_level (scorecard, i);

      json_builder_begin_object (builder);
      _ivc_export_json_string (builder, "id", level->id);
      _ivc_export_json_string (builder, "title", level->title);
      json_member_int (builder, "n_questions", level->n_questions);
      json_member_int (builder, "n_scored", level->n_scored);
      json_member_average (builder, "average", level->average);
      json_member_int (builder, "n_red_flags", level->n_red_flags);
      json_member_int (builder, "seconds", level->seconds);
      json_distribution (builder, level->distribution);

      json_builder_set_member_name (builder, "questions");
      json_builder_begin_array (builder);
      for (guint j = 0; j < level->entries->len; j++)
        json_entry (builder, g_ptr_array_index (level->entries, j));
      json_builder_end_array (builder);

      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "no_longer_in_bank");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n_removed; i++)
    json_entry (builder, ivc_scorecard_get_removed (scorecard, i));
  json_builder_end_array (builder);

  json_builder_end_object (builder);

  return _ivc_export_json_to_bytes (builder);
}

/**
 * ivc_export_to_bytes:
 *
 * Writes @scorecard in @format, as docs/export-format.md describes. The
 * result is UTF-8 text, the same for the same scorecard.
 *
 * Returns: (transfer full): the contents of the exported file
 */
GBytes *
ivc_export_to_bytes (IvcScorecard    *scorecard,
                     IvcExportFormat  format)
{
  g_return_val_if_fail (IVC_IS_SCORECARD (scorecard), NULL);

  switch (format)
    {
    case IVC_EXPORT_FORMAT_MARKDOWN:
      return export_markdown (scorecard);
    case IVC_EXPORT_FORMAT_CSV:
      return _ivc_export_csv (scorecard);
    case IVC_EXPORT_FORMAT_JSON:
      return export_json (scorecard);
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * ivc_export_dup_file_name:
 *
 * An export is the user's own document, written where they choose, never
 * in the candidates folder: it is named after the candidate as the user
 * knows them (see ivc_export_make_file_name()), not after the id.
 *
 * Returns: (transfer full): a name to suggest for the exported file, such
 *   as “Zoë Martin scorecard.md”
 */
char *
ivc_export_dup_file_name (IvcScorecard    *scorecard,
                          IvcExportFormat  format)
{
  g_return_val_if_fail (IVC_IS_SCORECARD (scorecard), NULL);

  return ivc_export_make_file_name (ivc_scorecard_get_candidate_name (scorecard), "scorecard",
                                    ivc_export_format_get_extension (format));
}

static void
prefix_write_error (GError **error,
                    GFile   *file)
{
  g_autofree char *name = g_file_get_parse_name (file);

  g_prefix_error (error, _("Could not export the scorecard to “%s”: "), name);
}

/**
 * ivc_export_write_to_file:
 *
 * Writes @scorecard to @file, replacing it atomically: if writing fails,
 * the file is left as it was. A new file is readable by its owner only.
 *
 * Returns: %TRUE on success; otherwise %FALSE with a #GIOError whose
 *   message names the file
 */
gboolean
ivc_export_write_to_file (IvcScorecard     *scorecard,
                          IvcExportFormat   format,
                          GFile            *file,
                          GCancellable     *cancellable,
                          GError          **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (IVC_IS_SCORECARD (scorecard), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  bytes = ivc_export_to_bytes (scorecard, format);

  if (!ivc_file_util_write_bytes (file, bytes, IVC_FILE_UTIL_WRITE_NONE, cancellable, error))
    {
      prefix_write_error (error, file);
      return FALSE;
    }

  return TRUE;
}

static void
write_bytes_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  if (!ivc_file_util_write_bytes_finish (result, &error))
    {
      prefix_write_error (&error, g_task_get_task_data (task));
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_boolean (task, TRUE);
}

/**
 * ivc_export_write_to_file_async:
 *
 * Like ivc_export_write_to_file(), without waiting for the disk. The
 * scorecard is written out before this returns, so it may change after.
 */
void
ivc_export_write_to_file_async (IvcScorecard        *scorecard,
                                IvcExportFormat      format,
                                GFile               *file,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_return_if_fail (IVC_IS_SCORECARD (scorecard));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  /* No source object: the scorecard is not needed once written out. */
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_name (task, "ivc_export_write_to_file_async");
  g_task_set_source_tag (task, (gpointer)(guintptr)ivc_export_write_to_file_async);

  g_task_set_task_data (task, g_object_ref (file), g_object_unref);

  bytes = ivc_export_to_bytes (scorecard, format);
  ivc_file_util_write_bytes_async (file, bytes, IVC_FILE_UTIL_WRITE_NONE, cancellable, write_bytes_cb, g_steal_pointer (&task));
}

gboolean
ivc_export_write_to_file_finish (GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == (gpointer)(guintptr)ivc_export_write_to_file_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
