/* ivc-debrief-printer.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Printing a debrief with GtkPrintOperation: black and white, paginated
 * without splitting lines, "Page n of N".
 */

#define G_LOG_DOMAIN "ivc-debrief-printer"

#include "config.h"

#include <glib/gi18n.h>

#include "ivc-alert.h"
#include "ivc-debrief-printer.h"
#include "ivc-markdown-blocks.h"

/* As the scorecard's print: A4 or Letter with 15 mm margins, 10 pt text. */
#define PAGE_MARGIN_MM   15.0
#define BODY_FONT        "Sans 10"
#define FOOTER_FONT      "Sans 8"
#define PARAGRAPH_SPACE  4.0
#define INDENT           18.0

/*
 * The document is a list of paragraphs of Pango markup, each laid out at
 * the page's width less its indent; pages are filled line by line, so a
 * line is never cut. Disagreements are said in words ("Disagreement: …")
 * in bold: paper has no colour to rely on.
 */

typedef struct
{
  char        *markup;
  double       indent;
  double       space_before;
  PangoLayout *layout;
} Paragraph;

/* One line on a page. */
typedef struct
{
  guint  paragraph;
  int    line;
  double y;
} Piece;

typedef struct
{
  IvcDebrief *debrief;
  GtkWindow  *parent;
  GPtrArray  *paragraphs;
  /* GArray of Piece, one per page. */
  GPtrArray  *pages;
  double      width;
  gboolean    in_background;
} PrintJob;

static void
paragraph_free (gpointer data)
{
  Paragraph *paragraph = data;

  g_free (paragraph->markup);
  g_clear_object (&paragraph->layout);
  g_free (paragraph);
}

static void
print_job_free (gpointer data)
{
  PrintJob *job = data;

  g_clear_object (&job->debrief);
  g_clear_object (&job->parent);
  g_clear_pointer (&job->paragraphs, g_ptr_array_unref);
  g_clear_pointer (&job->pages, g_ptr_array_unref);
  g_free (job);
}

G_GNUC_PRINTF (4, 5)
static void
add (PrintJob   *job,
     double      indent,
     double      space_before,
     const char *format,
     ...)
{
  Paragraph *paragraph = g_new0 (Paragraph, 1);
  va_list args;

  va_start (args, format);
  paragraph->markup = g_markup_vprintf_escaped (format, args);
  va_end (args);
  paragraph->indent = indent;
  paragraph->space_before = space_before;
  g_ptr_array_add (job->paragraphs, paragraph);
}

static void
build_document (PrintJob *job)
{
  IvcDebrief *debrief = job->debrief;
  guint n = ivc_debrief_get_n_interviewers (debrief);
  g_autoptr(GPtrArray) unasked = ivc_debrief_list_unasked (debrief);
  g_autofree char *team = ivc_debrief_dup_average_text (ivc_debrief_get_team_average (debrief));
  const char *name = ivc_debrief_get_candidate_name (debrief);
  g_autofree char *title = g_strdup_printf (_("Debrief: %s"), *name ? name : _("Unnamed candidate"));

  add (job, 0, 0, "<span size='x-large' weight='bold'>%s</span>", title);
  add (job, 0, 2, "%s", ivc_debrief_get_include_drafts (debrief)
                          ? _("Submitted scorecards and drafts (drafts are marked)")
                          : _("Submitted scorecards only"));

  add (job, 0, 12, "<span size='large' weight='bold'>%s</span>", _("Verdicts"));
  if (ivc_debrief_get_verdicts_disagree (debrief))
    add (job, 0, 2, "<b>%s</b>", _("Disagreement: verdicts on both sides of hire / no hire"));
  for (guint i = 0; i < n; i++)
    {
      const IvcDebriefInterviewer *interviewer = ivc_debrief_get_interviewer (debrief, i);
      g_autofree char *average = ivc_debrief_dup_average_text (ivc_debrief_get_average (debrief, i));

      /* Translators: an interviewer, their scorecard's state, verdict and average */
      add (job, 0, 2, _("<b>%s</b> (%s): %s, average %s"), interviewer->name, interviewer->status,
           ivc_recommendation_get_label (ivc_scorecard_get_recommendation (interviewer->scorecard)), average);
    }
  add (job, 0, 2, _("<b>Team</b>: average %s"), team);

  add (job, 0, 12, "<span size='large' weight='bold'>%s</span>", _("Levels"));
  for (guint l = 0; l < ivc_debrief_get_n_levels (debrief); l++)
    {
      const IvcDebriefLevel *level = ivc_debrief_get_level (debrief, l);
      g_autofree char *level_team = ivc_debrief_dup_average_text (level->team_average);

      add (job, 0, 4, "<b>%s</b>", level->title);
      for (guint i = 0; i < n; i++)
        {
          g_autofree char *average = ivc_debrief_dup_average_text (level->averages[i]);

          add (job, INDENT, 0, "%s: %s", ivc_debrief_get_interviewer (debrief, i)->name, average);
        }
      add (job, INDENT, 0, _("Team: %s"), level_team);
    }

  add (job, 0, 12, "<span size='large' weight='bold'>%s</span>", _("Questions"));
  for (guint l = 0; l < ivc_debrief_get_n_levels (debrief); l++)
    {
      const IvcDebriefLevel *level = ivc_debrief_get_level (debrief, l);

      for (guint q = 0; q < level->questions->len; q++)
        {
          const IvcDebriefQuestion *question = g_ptr_array_index (level->questions, q);
          g_autofree char *text = NULL;

          if (!question->asked)
            continue;

          text = question->question ? ivc_markdown_to_plain_text (question->question) : g_strdup (question->question_id);
          add (job, 0, 8, "<b>%s</b> (%s)", text, level->title);
          if (question->disagreement)
            add (job, 0, 0, "<b>%s</b>", _("Disagreement: scores 2 or more points apart"));
          for (guint i = 0; i < n; i++)
            {
              const IvcDebriefInterviewer *interviewer = ivc_debrief_get_interviewer (debrief, i);
              const IvcScorecardEntry *entry = question->entries[i];
              g_autofree char *mark = ivc_debrief_dup_mark_text (entry);

              add (job, INDENT, 2, "<i>%s%s</i>: %s", interviewer->name,
                   interviewer->draft ? _(" (draft)") : "", mark);
              if (entry != NULL && entry->notes[0] != '\0')
                add (job, 2 * INDENT, 0, "%s", entry->notes);
            }
        }
    }

  add (job, 0, 12, "<span size='large' weight='bold'>%s</span>", _("Questions Nobody Asked"));
  if (unasked->len == 0)
    add (job, 0, 2, "%s", _("Every question of the bank was asked."));
  for (guint i = 0; i < unasked->len; i++)
    {
      const IvcDebriefQuestion *question = g_ptr_array_index (unasked, i);
      g_autofree char *text = question->question ? ivc_markdown_to_plain_text (question->question)
                                                 : g_strdup (question->question_id);

      add (job, INDENT, 0, "• %s", text);
    }
}

static void
lay_out (PrintJob        *job,
         GtkPrintContext *context)
{
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (BODY_FONT);

  for (guint i = 0; i < job->paragraphs->len; i++)
    {
      Paragraph *paragraph = g_ptr_array_index (job->paragraphs, i);

      paragraph->layout = gtk_print_context_create_pango_layout (context);
      pango_layout_set_font_description (paragraph->layout, font);
      pango_layout_set_width (paragraph->layout, (int)((job->width - paragraph->indent) * PANGO_SCALE));
      pango_layout_set_wrap (paragraph->layout, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_markup (paragraph->layout, paragraph->markup, -1);
    }
}

/* Pages filled line by line; the footer's room kept free. */
static void
paginate (PrintJob *job,
          double    height)
{
  double bottom = height - 24;
  GArray *page = NULL;
  double y = 0;

  for (guint i = 0; i < job->paragraphs->len; i++)
    {
      Paragraph *paragraph = g_ptr_array_index (job->paragraphs, i);
      int n_lines = pango_layout_get_line_count (paragraph->layout);

      if (page != NULL && y > 0)
        y += paragraph->space_before;

      for (int line = 0; line < n_lines; line++)
        {
          PangoRectangle logical;
          double line_height;

          pango_layout_line_get_extents (pango_layout_get_line_readonly (paragraph->layout, line), NULL, &logical);
          line_height = (double)logical.height / PANGO_SCALE;

          if (page == NULL || (y + line_height > bottom && y > 0))
            {
              page = g_array_new (FALSE, FALSE, sizeof (Piece));
              g_ptr_array_add (job->pages, page);
              y = 0;
            }

          g_array_append_val (page, ((Piece) { i, line, y - (double)logical.y / PANGO_SCALE }));
          y += line_height;
        }

      y += PARAGRAPH_SPACE / 2;
    }

  if (job->pages->len == 0)
    g_ptr_array_add (job->pages, g_array_new (FALSE, FALSE, sizeof (Piece)));
}

static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                PrintJob          *job)
{
  g_ptr_array_set_size (job->paragraphs, 0);
  g_ptr_array_set_size (job->pages, 0);

  job->width = gtk_print_context_get_width (context);
  build_document (job);
  lay_out (job, context);
  paginate (job, gtk_print_context_get_height (context));

  gtk_print_operation_set_n_pages (operation, job->pages->len);
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_nr,
              PrintJob          *job)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  g_autoptr(PangoLayout) footer = gtk_print_context_create_pango_layout (context);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (FOOTER_FONT);
  g_autofree char *page_text = NULL;
  GArray *page;
  int footer_height;

  g_return_if_fail (page_nr >= 0 && (guint)page_nr < job->pages->len);

  cairo_set_source_rgb (cr, 0, 0, 0);
  page = g_ptr_array_index (job->pages, page_nr);
  for (guint i = 0; i < page->len; i++)
    {
      Piece *piece = &g_array_index (page, Piece, i);
      Paragraph *paragraph = g_ptr_array_index (job->paragraphs, piece->paragraph);
      PangoLayoutLine *line = pango_layout_get_line_readonly (paragraph->layout, piece->line);

      cairo_move_to (cr, paragraph->indent, piece->y);
      pango_cairo_show_layout_line (cr, line);
    }

  /* Translators: the footer of a printed page */
  page_text = g_strdup_printf (_("Page %d of %u"), page_nr + 1, job->pages->len);
  pango_layout_set_font_description (footer, font);
  pango_layout_set_text (footer, page_text, -1);
  pango_layout_get_pixel_size (footer, NULL, &footer_height);
  cairo_move_to (cr, 0, gtk_print_context_get_height (context) - footer_height);
  pango_cairo_show_layout (cr, footer);
}

static gboolean
release_operation_cb (gpointer data)
{
  g_object_unref (data);
  return G_SOURCE_REMOVE;
}

static void
done_cb (GtkPrintOperation       *operation,
         GtkPrintOperationResult  result,
         PrintJob                *job)
{
  g_autoptr(GError) error = NULL;
  IvcAlert *dialog;

  if (!job->in_background)
    return;

  job->in_background = FALSE;
  g_idle_add (release_operation_cb, g_object_ref (operation));
  g_object_unref (operation);

  if (result != GTK_PRINT_OPERATION_RESULT_ERROR)
    return;

  gtk_print_operation_get_error (operation, &error);
  dialog = ivc_alert_new (_("Could Not Print the Debrief"), error ? error->message : NULL);
  ivc_alert_add_response (dialog, "close", _("_Close"));
  ivc_alert_present (dialog, job->parent ? GTK_WIDGET (job->parent) : NULL);
}

/**
 * ivc_debrief_print:
 * @debrief: the debrief to print
 * @parent: (nullable): the window of the print dialog
 * @action: what to do; %GTK_PRINT_OPERATION_ACTION_EXPORT writes a PDF to
 *   @export_filename without any dialog
 * @export_filename: (nullable) (type filename): where to write the PDF
 * @error: where an error that happens at once goes
 *
 * Prints @debrief, as ivc_scorecard_print() prints a scorecard.
 *
 * Returns: the result of gtk_print_operation_run()
 */
GtkPrintOperationResult
ivc_debrief_print (IvcDebrief               *debrief,
                   GtkWindow                *parent,
                   GtkPrintOperationAction   action,
                   const char               *export_filename,
                   GError                  **error)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GtkPageSetup) page_setup = NULL;
  g_autofree char *job_name = NULL;
  GtkPrintOperationResult result;
  PrintJob *job;

  g_return_val_if_fail (IVC_IS_DEBRIEF (debrief), GTK_PRINT_OPERATION_RESULT_ERROR);
  g_return_val_if_fail (!parent || GTK_IS_WINDOW (parent), GTK_PRINT_OPERATION_RESULT_ERROR);
  g_return_val_if_fail (action != GTK_PRINT_OPERATION_ACTION_EXPORT || export_filename != NULL,
                        GTK_PRINT_OPERATION_RESULT_ERROR);

  job = g_new0 (PrintJob, 1);
  job->debrief = g_object_ref (debrief);
  job->parent = parent ? g_object_ref (parent) : NULL;
  job->paragraphs = g_ptr_array_new_with_free_func (paragraph_free);
  job->pages = g_ptr_array_new_with_free_func ((GDestroyNotify)g_array_unref);

  operation = gtk_print_operation_new ();
  g_object_set_data_full (G_OBJECT (operation), "ivc-print-job", job, print_job_free);

  job_name = g_strdup_printf (_("Debrief: %s"), ivc_debrief_get_candidate_name (debrief));
  gtk_print_operation_set_job_name (operation, job_name);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);

  page_setup = gtk_page_setup_new ();
  gtk_page_setup_set_top_margin (page_setup, PAGE_MARGIN_MM, GTK_UNIT_MM);
  gtk_page_setup_set_bottom_margin (page_setup, PAGE_MARGIN_MM, GTK_UNIT_MM);
  gtk_page_setup_set_left_margin (page_setup, PAGE_MARGIN_MM, GTK_UNIT_MM);
  gtk_page_setup_set_right_margin (page_setup, PAGE_MARGIN_MM, GTK_UNIT_MM);
  gtk_print_operation_set_default_page_setup (operation, page_setup);

  if (export_filename != NULL)
    gtk_print_operation_set_export_filename (operation, export_filename);
  gtk_print_operation_set_allow_async (operation, action != GTK_PRINT_OPERATION_ACTION_EXPORT);

  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print_cb), job);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), job);
  g_signal_connect (operation, "done", G_CALLBACK (done_cb), job);

  result = gtk_print_operation_run (operation, action, parent, error);

  if (result == GTK_PRINT_OPERATION_RESULT_IN_PROGRESS)
    {
      job->in_background = TRUE;
      g_object_ref (operation);
    }

  return result;
}
