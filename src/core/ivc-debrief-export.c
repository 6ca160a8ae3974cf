/* ivc-debrief-export.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The debrief's exports: Markdown, CSV and JSON, escaped as the scorecard
 * exports are (ivc-export.c, ivc-export-csv.c); docs/export-format.md.
 */

#define G_LOG_DOMAIN "ivc-debrief"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "ivc-debrief.h"
#include "ivc-export-private.h"
#include "ivc-file-util.h"
#include "ivc-markdown-blocks.h"

/*
 * Markdown.
 */

static void
md_cell (GString    *out,
         const char *text)
{
  g_string_append_c (out, ' ');
  _ivc_export_md_text (out, text);
  g_string_append (out, " |");
}

static void
md_average_cell (GString *out,
                 double   average)
{
  g_autofree char *text = _ivc_export_dup_average_text (average);

  md_cell (out, text);
}

static void
md_header_row (GString    *out,
               IvcDebrief *self,
               const char *first)
{
  guint n = ivc_debrief_get_n_interviewers (self);

  g_string_append (out, "|");
  md_cell (out, first);
  for (guint i = 0; i < n; i++)
    md_cell (out, ivc_debrief_get_interviewer (self, i)->name);
  md_cell (out, _("Team"));
  g_string_append (out, "\n|");
  for (guint i = 0; i < n + 2; i++)
    g_string_append (out, " --- |");
  g_string_append_c (out, '\n');
}

/* Said in words, not by a mark alone. */
static const char *
disagreement_text (void)
{
  /* Translators: in a debrief, a question whose scores are far apart */
  return _("Disagreement: scores 2 or more points apart");
}

static const char *
verdicts_disagreement_text (void)
{
  return _("Disagreement: verdicts on both sides of hire / no hire");
}

static char *
dup_question_title (const IvcDebriefQuestion *question)
{
  if (question->question == NULL)
    return g_strdup (question->question_id);

  return ivc_markdown_to_plain_text (question->question);
}

static GBytes *
export_markdown (IvcDebrief *self)
{
  GString *out = g_string_new (NULL);
  guint n = ivc_debrief_get_n_interviewers (self);
  const char *name = ivc_debrief_get_candidate_name (self);
  g_autoptr(GPtrArray) unasked = ivc_debrief_list_unasked (self);
  g_autofree char *title = NULL;

  if (name == NULL || *name == '\0')
    name = _("Unnamed candidate");

  title = g_strdup_printf (_("Debrief: %s"), name);
  g_string_append (out, "# ");
  _ivc_export_md_text (out, title);
  g_string_append (out, "\n\n");

  g_string_append (out, "- **");
  _ivc_export_md_text (out, _("Candidate id"));
  g_string_append (out, ":** ");
  _ivc_export_md_text (out, ivc_debrief_get_candidate_id (self));
  g_string_append_c (out, '\n');
  if (ivc_debrief_get_role (self) != NULL && *ivc_debrief_get_role (self) != '\0')
    {
      g_string_append (out, "- **");
      _ivc_export_md_text (out, _("Role"));
      g_string_append (out, ":** ");
      _ivc_export_md_text (out, ivc_debrief_get_role (self));
      g_string_append_c (out, '\n');
    }
  g_string_append (out, "- **");
  _ivc_export_md_text (out, _("Scorecards"));
  g_string_append (out, ":** ");
  _ivc_export_md_text (out, ivc_debrief_get_include_drafts (self)
                              ? _("submitted and drafts (drafts are marked)")
                              : _("submitted only"));
  g_string_append_c (out, '\n');
  if (ivc_debrief_get_n_left_out (self) > 0)
    {
      g_autofree char *left_out = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                "%u draft scorecard is not shown",
                                                                "%u draft scorecards are not shown",
                                                                ivc_debrief_get_n_left_out (self)),
                                                   ivc_debrief_get_n_left_out (self));

      g_string_append (out, "- ");
      _ivc_export_md_text (out, left_out);
      g_string_append_c (out, '\n');
    }

  /* The verdicts and overall averages. */
  g_string_append (out, "\n## ");
  _ivc_export_md_text (out, _("Verdicts"));
  g_string_append (out, "\n\n|");
  md_cell (out, _("Interviewer"));
  md_cell (out, _("Scorecard"));
  md_cell (out, _("Verdict"));
  md_cell (out, _("Average"));
  g_string_append (out, "\n| --- | --- | --- | --- |\n");
  for (guint i = 0; i < n; i++)
    {
      const IvcDebriefInterviewer *interviewer = ivc_debrief_get_interviewer (self, i);

      g_string_append (out, "|");
      md_cell (out, interviewer->name);
      md_cell (out, interviewer->status);
      md_cell (out, ivc_recommendation_get_label (ivc_scorecard_get_recommendation (interviewer->scorecard)));
      md_average_cell (out, ivc_debrief_get_average (self, i));
      g_string_append_c (out, '\n');
    }
  g_string_append (out, "|");
  md_cell (out, _("Team"));
  md_cell (out, "");
  md_cell (out, "");
  md_average_cell (out, ivc_debrief_get_team_average (self));
  g_string_append_c (out, '\n');

  if (ivc_debrief_get_verdicts_disagree (self))
    {
      g_string_append (out, "\n**");
      _ivc_export_md_text (out, verdicts_disagreement_text ());
      g_string_append (out, "**\n");
    }

  /* Each level's averages. */
  g_string_append (out, "\n## ");
  _ivc_export_md_text (out, _("Levels"));
  g_string_append (out, "\n\n");
  md_header_row (out, self, _("Level"));
  for (guint l = 0; l < ivc_debrief_get_n_levels (self); l++)
    {
      const IvcDebriefLevel *level = ivc_debrief_get_level (self, l);

      g_string_append (out, "|");
      md_cell (out, level->title);
      for (guint i = 0; i < n; i++)
        md_average_cell (out, level->averages[i]);
      md_average_cell (out, level->team_average);
      g_string_append_c (out, '\n');
    }

  /* The questions asked, each interviewer's marks and notes. */
  g_string_append (out, "\n## ");
  _ivc_export_md_text (out, _("Questions"));
  g_string_append (out, "\n");
  for (guint l = 0; l < ivc_debrief_get_n_levels (self); l++)
    {
      const IvcDebriefLevel *level = ivc_debrief_get_level (self, l);
      gboolean heading = FALSE;

      for (guint q = 0; q < level->questions->len; q++)
        {
          const IvcDebriefQuestion *question = g_ptr_array_index (level->questions, q);
          g_autofree char *question_title = NULL;

          if (!question->asked)
            continue;

          if (!heading)
            {
              g_string_append (out, "\n### ");
              _ivc_export_md_text (out, level->title);
              g_string_append_c (out, '\n');
              heading = TRUE;
            }

          question_title = dup_question_title (question);
          g_string_append (out, "\n#### ");
          _ivc_export_md_text (out, question_title);
          g_string_append (out, "\n\n");
          if (question->disagreement)
            {
              g_string_append (out, "**");
              _ivc_export_md_text (out, disagreement_text ());
              g_string_append (out, "**\n\n");
            }

          for (guint i = 0; i < n; i++)
            {
              const IvcDebriefInterviewer *interviewer = ivc_debrief_get_interviewer (self, i);
              const IvcScorecardEntry *entry = question->entries[i];
              g_autofree char *mark = ivc_debrief_dup_mark_text (entry);

              g_autofree char *who = interviewer->draft
                                     /* Translators: an interviewer whose scorecard is a draft */
                                     ? g_strdup_printf (_("%s (draft)"), interviewer->name)
                                     : g_strdup (interviewer->name);

              g_string_append (out, "- **");
              _ivc_export_md_text (out, who);
              g_string_append (out, ":** ");
              _ivc_export_md_text (out, mark);
              g_string_append_c (out, '\n');

              if (entry != NULL && entry->notes[0] != '\0')
                {
                  GString *notes = g_string_new (NULL);
                  g_auto(GStrv) lines = NULL;

                  /* The notes as a paragraph inside the list item. */
                  _ivc_export_md_paragraphs (notes, entry->notes);
                  lines = g_strsplit (notes->str, "\n", -1);
                  g_string_free (notes, TRUE);
                  g_string_append_c (out, '\n');
                  for (guint k = 0; lines[k] != NULL; k++)
                    {
                      if (lines[k][0] == '\0' && lines[k + 1] == NULL)
                        break;
                      if (lines[k][0] != '\0')
                        g_string_append (out, "  ");
                      g_string_append (out, lines[k]);
                      g_string_append_c (out, '\n');
                    }
                  g_string_append_c (out, '\n');
                }
            }
        }
    }

  g_string_append (out, "\n## ");
  _ivc_export_md_text (out, _("Questions Nobody Asked"));
  g_string_append (out, "\n\n");
  if (unasked->len == 0)
    {
      _ivc_export_md_text (out, _("Every question of the bank was asked."));
      g_string_append_c (out, '\n');
    }
  for (guint i = 0; i < unasked->len; i++)
    {
      const IvcDebriefQuestion *question = g_ptr_array_index (unasked, i);
      g_autofree char *question_title = dup_question_title (question);

      g_string_append (out, "- ");
      _ivc_export_md_text (out, question_title);
      g_string_append_c (out, '\n');
    }

  return g_string_free_to_bytes (out);
}

/*
 * CSV: one row per thing, its kind in the first column, so that a
 * spreadsheet can filter: "question" (an interviewer's marks on one),
 * "unasked", "level" and "overall" (an interviewer's or the team's
 * average and verdict).
 */

static const char * const csv_header[] = {
  "kind", "candidate_id", "candidate_name", "level_id", "level",
  "question_id", "question", "interviewer_id", "interviewer_name",
  "scorecard", "score", "red_flag", "notes", "verdict", "average",
  "disagreement", NULL
};

enum {
  COL_KIND, COL_CANDIDATE_ID, COL_CANDIDATE_NAME, COL_LEVEL_ID, COL_LEVEL,
  COL_QUESTION_ID, COL_QUESTION, COL_INTERVIEWER_ID, COL_INTERVIEWER_NAME,
  COL_SCORECARD, COL_SCORE, COL_RED_FLAG, COL_NOTES, COL_VERDICT, COL_AVERAGE,
  COL_DISAGREEMENT, N_COLS
};

typedef struct
{
  const char *fields[N_COLS + 1];
  /* Texts made for this row. */
  GPtrArray  *owned;
} Row;

static void
row_init (Row        *row,
          IvcDebrief *self,
          const char *kind)
{
  for (guint i = 0; i < N_COLS + 1; i++)
    row->fields[i] = i < N_COLS ? "" : NULL;
  row->owned = g_ptr_array_new_with_free_func (g_free);
  row->fields[COL_KIND] = kind;
  row->fields[COL_CANDIDATE_ID] = ivc_debrief_get_candidate_id (self);
  row->fields[COL_CANDIDATE_NAME] = ivc_debrief_get_candidate_name (self);
}

static void
row_take (Row  *row,
          guint column,
          char *text)
{
  g_ptr_array_add (row->owned, text);
  row->fields[column] = text;
}

static void
row_average (Row    *row,
             double  average)
{
  if (average >= 0)
    row_take (row, COL_AVERAGE, g_strdup_printf ("%.2f", average));
}

static void
row_interviewer (Row                         *row,
                 const IvcDebriefInterviewer *interviewer)
{
  row->fields[COL_INTERVIEWER_ID] = interviewer->id ? interviewer->id : "";
  row->fields[COL_INTERVIEWER_NAME] = interviewer->name;
  row->fields[COL_SCORECARD] = interviewer->draft ? "draft" : "submitted";
}

static void
row_end (Row     *row,
         GString *out)
{
  _ivc_export_csv_row (out, row->fields);
  g_ptr_array_unref (row->owned);
}

static GBytes *
export_csv (IvcDebrief *self)
{
  GString *out = g_string_new (NULL);
  guint n = ivc_debrief_get_n_interviewers (self);

  _ivc_export_csv_row (out, csv_header);

  for (guint l = 0; l < ivc_debrief_get_n_levels (self); l++)
    {
      const IvcDebriefLevel *level = ivc_debrief_get_level (self, l);

      for (guint q = 0; q < level->questions->len; q++)
        {
          const IvcDebriefQuestion *question = g_ptr_array_index (level->questions, q);
          g_autofree char *question_text = question->question ? ivc_markdown_to_plain_text (question->question) : NULL;

          /* One row for a question nobody asked, one per interviewer who
           * noted something on the others. */
          for (guint i = 0; i < (question->asked ? n : 1); i++)
            {
              const IvcScorecardEntry *entry = question->asked ? question->entries[i] : NULL;
              Row row;

              if (question->asked && entry == NULL)
                continue;

              row_init (&row, self, question->asked ? "question" : "unasked");
              row.fields[COL_LEVEL_ID] = level->id ? level->id : "";
              row.fields[COL_LEVEL] = level->title;
              row.fields[COL_QUESTION_ID] = question->question_id;
              row.fields[COL_QUESTION] = question_text ? question_text : "";
              if (entry != NULL)
                {
                  row_interviewer (&row, ivc_debrief_get_interviewer (self, i));
                  if (entry->score != IVC_SCORE_NONE)
                    row_take (&row, COL_SCORE, g_strdup_printf ("%u", (guint)entry->score));
                  row.fields[COL_RED_FLAG] = entry->red_flag ? "true" : "false";
                  row.fields[COL_NOTES] = entry->notes;
                  row.fields[COL_DISAGREEMENT] = question->disagreement ? "true" : "false";
                }
              row_end (&row, out);
            }
        }

      for (guint i = 0; i <= n; i++)
        {
          Row row;

          row_init (&row, self, "level");
          row.fields[COL_LEVEL_ID] = level->id ? level->id : "";
          row.fields[COL_LEVEL] = level->title;
          if (i < n)
            {
              row_interviewer (&row, ivc_debrief_get_interviewer (self, i));
              row_average (&row, level->averages[i]);
            }
          else
            {
              row.fields[COL_INTERVIEWER_NAME] = "team";
              row_average (&row, level->team_average);
            }
          row_end (&row, out);
        }
    }

  for (guint i = 0; i <= n; i++)
    {
      Row row;

      row_init (&row, self, "overall");
      if (i < n)
        {
          const IvcDebriefInterviewer *interviewer = ivc_debrief_get_interviewer (self, i);

          row_interviewer (&row, interviewer);
          row.fields[COL_NOTES] = ivc_scorecard_get_summary (interviewer->scorecard);
          row.fields[COL_VERDICT] = ivc_recommendation_get_nick (ivc_scorecard_get_recommendation (interviewer->scorecard));
          row_average (&row, ivc_debrief_get_average (self, i));
        }
      else
        {
          row.fields[COL_INTERVIEWER_NAME] = "team";
          row_average (&row, ivc_debrief_get_team_average (self));
          row.fields[COL_DISAGREEMENT] = ivc_debrief_get_verdicts_disagree (self) ? "true" : "false";
        }
      row_end (&row, out);
    }

  return g_string_free_to_bytes (out);
}

/*
 * JSON.
 */

static void
json_average (JsonBuilder *builder,
              const char  *name,
              double       average)
{
  if (name != NULL)
    json_builder_set_member_name (builder, name);
  if (average >= 0)
    json_builder_add_double_value (builder, average);
  else
    json_builder_add_null_value (builder);
}

static void
json_boolean (JsonBuilder *builder,
              const char  *name,
              gboolean     value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_boolean_value (builder, value);
}

static GBytes *
export_json (IvcDebrief *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(GPtrArray) unasked = ivc_debrief_list_unasked (self);
  guint n = ivc_debrief_get_n_interviewers (self);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_int_value (builder, IVC_EXPORT_JSON_FORMAT);
  _ivc_export_json_string (builder, "generator", PACKAGE_NAME " " PACKAGE_VERSION);
  _ivc_export_json_string (builder, "kind", "debrief");

  json_builder_set_member_name (builder, "candidate");
  json_builder_begin_object (builder);
  _ivc_export_json_string (builder, "id", ivc_debrief_get_candidate_id (self));
  _ivc_export_json_string (builder, "name", ivc_debrief_get_candidate_name (self));
  _ivc_export_json_string (builder, "role", ivc_debrief_get_role (self));
  json_builder_end_object (builder);

  _ivc_export_json_string (builder, "bank_title", ivc_debrief_get_bank_title (self));
  json_boolean (builder, "include_drafts", ivc_debrief_get_include_drafts (self));
  json_builder_set_member_name (builder, "drafts_left_out");
  json_builder_add_int_value (builder, ivc_debrief_get_n_left_out (self));

  json_builder_set_member_name (builder, "interviewers");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n; i++)
    {
      const IvcDebriefInterviewer *interviewer = ivc_debrief_get_interviewer (self, i);
      IvcCandidate *candidate = ivc_scorecard_get_candidate (interviewer->scorecard);

      json_builder_begin_object (builder);
      _ivc_export_json_string (builder, "id", interviewer->id);
      _ivc_export_json_string (builder, "name", interviewer->name);
      json_boolean (builder, "draft", interviewer->draft);
      _ivc_export_json_date_time (builder, "submitted", ivc_candidate_get_submitted (candidate));
      _ivc_export_json_date_time (builder, "amended", ivc_candidate_get_amended (candidate));
      _ivc_export_json_string (builder, "verdict", ivc_recommendation_get_nick (ivc_scorecard_get_recommendation (interviewer->scorecard)));
      json_average (builder, "average", ivc_debrief_get_average (self, i));
      _ivc_export_json_string (builder, "summary", ivc_scorecard_get_summary (interviewer->scorecard));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_average (builder, "team_average", ivc_debrief_get_team_average (self));
  json_boolean (builder, "verdicts_disagree", ivc_debrief_get_verdicts_disagree (self));
  json_builder_set_member_name (builder, "disagreements");
  json_builder_add_int_value (builder, ivc_debrief_get_n_disagreements (self));

  json_builder_set_member_name (builder, "levels");
  json_builder_begin_array (builder);
  for (guint l = 0; l < ivc_debrief_get_n_levels (self); l++)
    {
      const IvcDebriefLevel *level = ivc_debrief_get_level (self, l);

      json_builder_begin_object (builder);
      _ivc_export_json_string (builder, "id", level->id);
      _ivc_export_json_string (builder, "title", level->title);
      /* In the order of "interviewers". */
      json_builder_set_member_name (builder, "averages");
      json_builder_begin_array (builder);
      for (guint i = 0; i < n; i++)
        json_average (builder, NULL, level->averages[i]);
      json_builder_end_array (builder);
      json_average (builder, "team_average", level->team_average);

      json_builder_set_member_name (builder, "questions");
      json_builder_begin_array (builder);
      for (guint q = 0; q < level->questions->len; q++)
        {
          const IvcDebriefQuestion *question = g_ptr_array_index (level->questions, q);

          if (!question->asked)
            continue;

          json_builder_begin_object (builder);
          _ivc_export_json_string (builder, "id", question->question_id);
          _ivc_export_json_string (builder, "question", question->question);
          json_boolean (builder, "disagreement", question->disagreement);
          json_average (builder, "team_average", question->team_average);
          json_builder_set_member_name (builder, "marks");
          json_builder_begin_array (builder);
          for (guint i = 0; i < n; i++)
            {
              const IvcScorecardEntry *entry = question->entries[i];

              if (entry == NULL)
                continue;

              json_builder_begin_object (builder);
              _ivc_export_json_string (builder, "interviewer", ivc_debrief_get_interviewer (self, i)->id);
              json_builder_set_member_name (builder, "score");
              json_builder_add_int_value (builder, entry->score);
              json_boolean (builder, "red_flag", entry->red_flag);
              _ivc_export_json_string (builder, "notes", entry->notes);
              json_builder_end_object (builder);
            }
          json_builder_end_array (builder);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "unasked");
  json_builder_begin_array (builder);
  for (guint i = 0; i < unasked->len; i++)
    {
      const IvcDebriefQuestion *question = g_ptr_array_index (unasked, i);

      json_builder_begin_object (builder);
      _ivc_export_json_string (builder, "id", question->question_id);
      _ivc_export_json_string (builder, "question", question->question);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_end_object (builder);

  return _ivc_export_json_to_bytes (builder);
}

/**
 * ivc_debrief_to_bytes:
 *
 * Writes the debrief in @format, as docs/export-format.md describes.
 *
 * Returns: (transfer full): the contents of the exported file
 */
GBytes *
ivc_debrief_to_bytes (IvcDebrief      *self,
                      IvcExportFormat  format)
{
  g_return_val_if_fail (IVC_IS_DEBRIEF (self), NULL);

  switch (format)
    {
    case IVC_EXPORT_FORMAT_MARKDOWN:
      return export_markdown (self);
    case IVC_EXPORT_FORMAT_CSV:
      return export_csv (self);
    case IVC_EXPORT_FORMAT_JSON:
      return export_json (self);
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * ivc_debrief_dup_file_name:
 *
 * Returns: (transfer full): a name to suggest, such as “Zoë Martin
 *   debrief.md”
 */
char *
ivc_debrief_dup_file_name (IvcDebrief      *self,
                           IvcExportFormat  format)
{
  g_return_val_if_fail (IVC_IS_DEBRIEF (self), NULL);

  return ivc_export_make_file_name (ivc_debrief_get_candidate_name (self), "debrief",
                                    ivc_export_format_get_extension (format));
}

/**
 * ivc_debrief_write_to_file:
 *
 * Writes the debrief to @file, replacing it atomically.
 *
 * Returns: %TRUE on success; otherwise %FALSE with an error naming the file
 */
gboolean
ivc_debrief_write_to_file (IvcDebrief       *self,
                           IvcExportFormat   format,
                           GFile            *file,
                           GCancellable     *cancellable,
                           GError          **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (IVC_IS_DEBRIEF (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  bytes = ivc_debrief_to_bytes (self, format);
  if (!ivc_file_util_write_bytes (file, bytes, IVC_FILE_UTIL_WRITE_NONE, cancellable, error))
    {
      g_autofree char *name = g_file_get_parse_name (file);

      g_prefix_error (error, _("Could not export the debrief to “%s”: "), name);
      return FALSE;
    }

  return TRUE;
}
