/* ivc-scorecard-printer.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Printing a scorecard with GtkPrintOperation: black and white, paginated
 * without splitting lines, "Page n of N".
 */

#define G_LOG_DOMAIN "ivc-scorecard-printer"

#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "ivc-interview-timer.h"
#include "ivc-markdown-blocks.h"
#include "ivc-markdown-view.h"
#include "ivc-bias-guard.h"
#include "ivc-scorecard-printer.h"
#include "ivc-text.h"

#include "ivc-alert.h"

/*
 * A scorecard on paper: the candidate, the verdict and the figures, the
 * summary, a table of the levels, every question with its score, red flag
 * and notes, and the questions the bank no longer has. It reads in black
 * and white: what matters is said in words, set off with bold, italics
 * and rules, never with colour.
 *
 * The document is a list of blocks (paragraphs, table rows, rules) laid
 * out with Pango for the page width in begin-print. Paragraphs break
 * across pages between their lines, never through one; headings stay with
 * what follows them; table rows and rules are never split. Each page then
 * lists the pieces of blocks it shows, and draw-page draws them.
 */

#define BODY_FONT      "Sans 10"
#define SMALL_FONT     "Sans 8"
#define PAGE_MARGIN_MM 18.0
#define FOOTER_HEIGHT  28.0
#define NOTES_INDENT   14.0
#define CELL_PADDING   6.0
#define N_COLUMNS      6

typedef enum
{
  BLOCK_TEXT,
  BLOCK_RULE,
  BLOCK_TABLE_ROW,
} BlockKind;

typedef struct
{
  double top;
  double bottom;
  double baseline;
  double x;
} LineMetrics;

typedef struct
{
  BlockKind    kind;
  double       space_before;
  double       indent;
  gboolean     keep_with_next;

  /* BLOCK_TEXT */
  PangoLayout *layout;
  GArray      *lines;

  /* BLOCK_TABLE_ROW: a layout for each column; a rule under the header */
  PangoLayout *cells[N_COLUMNS];
  gboolean     rule_below;

  double       height;
} Block;

/* The lines first_line .. first_line + n_lines - 1 of a text block, or
 * the whole of another block, with its top at y on the page. */
typedef struct
{
  Block  *block;
  guint   first_line;
  guint   n_lines;
  double  y;
} Piece;

typedef struct
{
  IvcScorecard *scorecard;
  GtkWindow    *parent;
  GPtrArray    *blocks;
  /* A GArray of Piece for each page. */
  GPtrArray    *pages;
  double        width;
  double        column_x[N_COLUMNS + 1];
  /* Printing goes on after ivc_scorecard_print() returned. */
  gboolean      in_background;
} PrintJob;

static void
block_free (gpointer data)
{
  Block *block = data;

  g_clear_object (&block->layout);
  g_clear_pointer (&block->lines, g_array_unref);
  for (guint i = 0; i < N_COLUMNS; i++)
    g_clear_object (&block->cells[i]);
  g_free (block);
}

static void
print_job_free (gpointer data)
{
  PrintJob *job = data;

  g_clear_object (&job->scorecard);
  g_clear_object (&job->parent);
  g_clear_pointer (&job->blocks, g_ptr_array_unref);
  g_clear_pointer (&job->pages, g_ptr_array_unref);
  g_free (job);
}

static PangoLayout *
new_layout (GtkPrintContext *context,
            const char      *font,
            double           width)
{
  PangoLayout *layout = gtk_print_context_create_pango_layout (context);
  g_autoptr(PangoFontDescription) description = pango_font_description_from_string (font);

  pango_layout_set_font_description (layout, description);
  pango_layout_set_width (layout, (int)(MAX (width, 1) * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  return layout;
}

static void
measure_lines (Block *block)
{
  PangoLayoutIter *iter = pango_layout_get_iter (block->layout);

  block->lines = g_array_new (FALSE, FALSE, sizeof (LineMetrics));
  do
    {
      LineMetrics metrics;
      PangoRectangle logical;
      int y0, y1;

      pango_layout_iter_get_line_yrange (iter, &y0, &y1);
      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      metrics.top = (double) y0 / PANGO_SCALE;
      metrics.bottom = (double) y1 / PANGO_SCALE;
      metrics.baseline = (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE;
      metrics.x = (double) logical.x / PANGO_SCALE;
      g_array_append_val (block->lines, metrics);
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);

  block->height = g_array_index (block->lines, LineMetrics, block->lines->len - 1).bottom;
}

/* A paragraph: @text is markup when @markup, else plain text. */
static Block *
add_text (PrintJob        *job,
          GtkPrintContext *context,
          const char      *font,
          const char      *text,
          gboolean         markup,
          double           space_before,
          double           indent)
{
  Block *block = g_new0 (Block, 1);

  block->kind = BLOCK_TEXT;
  block->space_before = space_before;
  block->indent = indent;
  block->layout = new_layout (context, font, job->width - indent);
  if (markup)
    pango_layout_set_markup (block->layout, text, -1);
  else
    pango_layout_set_text (block->layout, text, -1);
  measure_lines (block);

  g_ptr_array_add (job->blocks, block);
  return block;
}

/* A bank's Markdown, formatted as on screen: a paragraph block for each of
 * its blocks, with the attributes of its styles (never parsed as markup),
 * lists and quotes indented, a list marker hanging left of its item, code
 * in monospace with its indentation, a table a line a row. @prefix (plain
 * text) starts the first block; @bold sets it all in bold. Returns the
 * last block. */
static Block *
add_markdown (PrintJob        *job,
              GtkPrintContext *context,
              const char      *font,
              const char      *prefix,
              const char      *markdown,
              gboolean         bold,
              double           space_before)
{
  g_autoptr(IvcMarkdown) md = ivc_markdown_parse (markdown, -1);
  Block *block = NULL;

  for (guint i = 0; i < ivc_markdown_get_n_blocks (md); i++)
    {
      const IvcMarkdownBlock *item = ivc_markdown_get_block (md, i);
      g_autoptr(GString) text = g_string_new (i == 0 && prefix ? prefix : "");
      PangoAttrList *attributes = pango_attr_list_new ();
      double indent = MIN (item->depth, IVC_MARKDOWN_MAX_DEPTH) * NOTES_INDENT;
      double hanging = 0;

      if (item->bullet != NULL)
        {
          g_autoptr(PangoLayout) marker = new_layout (context, font, job->width);
          int width;

          g_string_append_printf (text, "%s ", item->bullet);
          pango_layout_set_text (marker, text->str, -1);
          pango_layout_get_size (marker, &width, NULL);
          hanging = (double) width / PANGO_SCALE;
        }

      ivc_markdown_append_pango (md, item, text, attributes);
      /* The other cells of a table's row, on its line. */
      while (item->kind == IVC_MARKDOWN_BLOCK_TABLE_CELL && i + 1 < ivc_markdown_get_n_blocks (md))
        {
          const IvcMarkdownBlock *next = ivc_markdown_get_block (md, i + 1);

          if (next->kind != IVC_MARKDOWN_BLOCK_TABLE_CELL || next->table != item->table || next->row != item->row)
            break;
          g_string_append (text, "   |   ");
          ivc_markdown_append_pango (md, next, text, attributes);
          i++;
        }
      if (bold)
        pango_attr_list_insert_before (attributes, pango_attr_weight_new (PANGO_WEIGHT_BOLD));

      block = g_new0 (Block, 1);
      block->kind = BLOCK_TEXT;
      block->space_before = i == 0 ? space_before : item->gap ? 4 : 1;
      block->indent = indent;
      block->keep_with_next = TRUE;
      block->layout = new_layout (context, font, job->width - indent);
      pango_layout_set_text (block->layout, text->str, text->len);
      pango_layout_set_attributes (block->layout, attributes);
      if (hanging > 0)
        pango_layout_set_indent (block->layout, (int) (-hanging * PANGO_SCALE));
      pango_attr_list_unref (attributes);
      measure_lines (block);
      g_ptr_array_add (job->blocks, block);
    }

  if (block == NULL)
    block = add_text (job, context, font, prefix ? prefix : "", FALSE, space_before, 0);

  return block;
}

static void
add_rule (PrintJob *job,
          double    space_before)
{
  Block *block = g_new0 (Block, 1);

  block->kind = BLOCK_RULE;
  block->space_before = space_before;
  block->keep_with_next = TRUE;
  block->height = 6;
  g_ptr_array_add (job->blocks, block);
}

static Block *
add_table_row (PrintJob           *job,
               GtkPrintContext    *context,
               const char         *font,
               const char * const *cells,
               gboolean            header)
{
  Block *block = g_new0 (Block, 1);

  block->kind = BLOCK_TABLE_ROW;
  block->space_before = header ? 6 : 0;
  block->rule_below = header;
  block->keep_with_next = header;

  for (guint i = 0; i < N_COLUMNS; i++)
    {
      int height;

      block->cells[i] = new_layout (context, font,
                                    job->column_x[i + 1] - job->column_x[i] - CELL_PADDING);
      pango_layout_set_text (block->cells[i], cells[i], -1);
      pango_layout_get_size (block->cells[i], NULL, &height);
      block->height = MAX (block->height, (double) height / PANGO_SCALE);
    }
  block->height += header ? 6 : 3;

  g_ptr_array_add (job->blocks, block);
  return block;
}

/* Whole sentences: a name does not fit every language's grammar the way
 * “an unnamed candidate” would. */
static char *
dup_scorecard_title (const char *name)
{
  if (name == NULL || *name == '\0')
    return g_strdup (_("Scorecard of an unnamed candidate"));

  /* Translators: the footer of a printed scorecard; %s is the candidate. */
  return g_strdup_printf (_("Scorecard of %s"), name);
}

static char *
format_average (double average)
{
  if (average < 0)
    return g_strdup (_("none"));

  return g_strdup_printf ("%.2f", average);
}

static char *
format_score (IvcScore score)
{
  if (score == IVC_SCORE_NONE)
    return g_strdup (_("not scored"));

  /* Translators: a score on paper, such as “Good (3 of 4)”. */
  return g_strdup_printf (_("%s (%d of 4)"), ivc_score_get_label (score), (int)score);
}

/* “Poor 0 · Mixed 1 · Good 3 · Strong 2 · not scored 2” */
static char *
format_distribution (const guint *distribution)
{
  /* Translators: how many questions got each score. */
  return g_strdup_printf (_("Poor %u · Mixed %u · Good %u · Strong %u · not scored %u"),
                          distribution[IVC_SCORE_POOR], distribution[IVC_SCORE_MIXED],
                          distribution[IVC_SCORE_GOOD], distribution[IVC_SCORE_STRONG],
                          distribution[IVC_SCORE_NONE]);
}

/* Scored, flagged, noted or timed: worth its own lines on paper. */
static gboolean
entry_was_asked (const IvcScorecardEntry *entry)
{
  return entry->score != IVC_SCORE_NONE || entry->red_flag || entry->seconds > 0 ||
         (entry->notes != NULL && *entry->notes != '\0');
}

static void
add_entry (PrintJob                *job,
           GtkPrintContext         *context,
           const IvcScorecardEntry *entry,
           guint                    number)
{
  g_autofree char *title = NULL;
  g_autofree char *score = format_score (entry->score);
  g_autoptr(GString) meta = g_string_new (NULL);
  Block *block;

  if (entry->question != NULL)
    {
      /* The question formatted as on screen, not its Markdown. */
      g_autofree char *prefix = g_strdup_printf ("%u. ", number);

      block = add_markdown (job, context, BODY_FONT, prefix, entry->question, TRUE, 10);
    }
  else
    {
      title = g_markup_printf_escaped ("<b>%s</b>", entry->question_id);
      block = add_text (job, context, BODY_FONT, title, TRUE, 10, 0);
    }
  block->keep_with_next = TRUE;

  {
    g_autofree char *part = g_markup_printf_escaped (_("Score: %s"), score);

    g_string_append (meta, part);
  }
  if (entry->red_flag)
    {
      g_autofree char *part = g_markup_printf_escaped (" · <b>%s</b>", _("RED FLAG OBSERVED"));

      g_string_append (meta, part);
    }
  if (entry->seconds > 0)
    {
      g_autofree char *duration = ivc_format_duration (entry->seconds);
      g_autofree char *part = g_markup_printf_escaped (" · %s", duration);

      g_string_append (meta, part);
    }
  if (entry->rubric_anchor != NULL)
    {
      g_autofree char *anchor = ivc_markdown_dup_summary (entry->rubric_anchor);
      g_autofree char *rubric = g_strdup_printf (_("Rubric: %s"), anchor);
      g_autofree char *part = g_markup_printf_escaped (" · <i>%s</i>", rubric);

      g_string_append (meta, part);
    }
  block = add_text (job, context, BODY_FONT, meta->str, TRUE, 2, 0);

  if (entry->notes != NULL && *entry->notes)
    {
      block->keep_with_next = TRUE;
      add_text (job, context, BODY_FONT, entry->notes, FALSE, 4, NOTES_INDENT);
    }
}

static void
add_levels_table (PrintJob        *job,
                  GtkPrintContext *context)
{
  IvcScorecard *scorecard = job->scorecard;
  const char *header[N_COLUMNS] = {
    _("Level"), _("Scored"), _("Average"), _("Red flags"), _("Time"),
    _("Poor / Mixed / Good / Strong"),
  };
  /* Shares of the width, which add up to 1. */
  const double widths[N_COLUMNS] = { 0.24, 0.14, 0.13, 0.13, 0.12, 0.24 };

  job->column_x[0] = 0;
  for (guint i = 0; i < N_COLUMNS; i++)
    job->column_x[i + 1] = job->column_x[i] + widths[i] * job->width;

  add_table_row (job, context, "Sans Bold 9", header, TRUE);

  for (guint i = 0; i < ivc_scorecard_get_n_levels (scorecard); i++)
    {
      const IvcScorecardLevel *level = ivc_scorecard_get_level (scorecard, i);
      g_autofree char *scored = g_strdup_printf (_("%u of %u"), level->n_scored, level->n_questions);
      g_autofree char *average = format_average (level->average);
      g_autofree char *red_flags = g_strdup_printf ("%u", level->n_red_flags);
      g_autofree char *time = ivc_format_duration (level->seconds);
      g_autofree char *distribution = g_strdup_printf ("%u / %u / %u / %u",
                                                       level->distribution[IVC_SCORE_POOR],
                                                       level->distribution[IVC_SCORE_MIXED],
                                                       level->distribution[IVC_SCORE_GOOD],
                                                       level->distribution[IVC_SCORE_STRONG]);
      const char *cells[N_COLUMNS] = { level->title ? level->title : level->id,
                                       scored, average, red_flags, time, distribution };

      add_table_row (job, context, "Sans 9", cells, FALSE);
    }
}

static void
build_document (PrintJob        *job,
                GtkPrintContext *context)
{
  IvcScorecard *scorecard = job->scorecard;
  const char *name = ivc_scorecard_get_candidate_name (scorecard);
  const char *role = ivc_scorecard_get_role (scorecard);
  g_autofree char *date = ivc_text_format_date (ivc_scorecard_get_interview_date (scorecard));
  const char *interviewer = ivc_scorecard_get_interviewer_name (scorecard);
  const char *bank_title = ivc_scorecard_get_bank_title (scorecard);
  const char *bank_id = ivc_scorecard_get_bank_id (scorecard);
  const char *summary = ivc_scorecard_get_summary (scorecard);
  g_autoptr(GString) details = g_string_new (NULL);
  g_autofree char *markup = NULL;
  g_autofree char *average = format_average (ivc_scorecard_get_average (scorecard));
  g_autofree char *duration = ivc_format_duration (ivc_scorecard_get_interview_seconds (scorecard));
  g_autofree char *figures = NULL;
  Block *block;

  /* Who and what */
  block = add_text (job, context, "Sans 9", _("INTERVIEW SCORECARD"), FALSE, 0, 0);
  block->keep_with_next = TRUE;
  add_text (job, context, "Sans Bold 20", name && *name ? name : _("Unnamed candidate"), FALSE, 2, 0);

  if (role && *role)
    g_string_append (details, role);
  if (date && *date)
    g_string_append_printf (details, "%s%s", details->len ? " · " : "", date);
  if (interviewer && *interviewer)
    {
      if (details->len)
        g_string_append (details, " · ");
      g_string_append_printf (details, _("Interviewed by %s"), interviewer);
    }
  if (bank_title && *bank_title)
    g_string_append_printf (details, "%s%s", details->len ? " · " : "", bank_title);
  else if (bank_id && *bank_id)
    {
      if (details->len)
        g_string_append (details, " · ");
      g_string_append_printf (details, _("Question bank “%s” (not available)"), bank_id);
    }
  /* Submitted, or amended after submission: the team reads it on paper too. */
  {
    g_autofree char *status = ivc_bias_guard_dup_status (ivc_scorecard_get_candidate (scorecard));

    g_string_append_printf (details, "%s%s", details->len ? " · " : "", status);
  }
  if (details->len > 0)
    add_text (job, context, BODY_FONT, details->str, FALSE, 4, 0);

  markup = g_markup_printf_escaped ("%s <b>%s</b>", _("Recommendation:"),
                                    ivc_recommendation_get_label (ivc_scorecard_get_recommendation (scorecard)));
  add_text (job, context, "Sans 12", markup, TRUE, 10, 0);

  figures = g_strdup_printf (_("Scored: %u of %u · Average: %s · Red flags: %u · Interview time: %s"),
                             ivc_scorecard_get_n_scored (scorecard),
                             ivc_scorecard_get_n_questions (scorecard),
                             average, ivc_scorecard_get_n_red_flags (scorecard), duration);
  add_text (job, context, BODY_FONT, figures, FALSE, 4, 0);
  add_rule (job, 8);

  /* Summary */
  block = add_text (job, context, "Sans Bold 13", _("Summary"), FALSE, 8, 0);
  block->keep_with_next = TRUE;
  if (summary && *summary)
    add_text (job, context, BODY_FONT, summary, FALSE, 4, 0);
  else
    {
      g_autofree char *none = g_markup_printf_escaped ("<i>%s</i>", _("No summary written."));

      add_text (job, context, BODY_FONT, none, TRUE, 4, 0);
    }

  /* Levels */
  if (ivc_scorecard_get_n_levels (scorecard) > 0)
    {
      block = add_text (job, context, "Sans Bold 13", _("Levels"), FALSE, 16, 0);
      block->keep_with_next = TRUE;
      add_levels_table (job, context);
    }

  for (guint i = 0; i < ivc_scorecard_get_n_levels (scorecard); i++)
    {
      const IvcScorecardLevel *level = ivc_scorecard_get_level (scorecard, i);
      g_autofree char *level_average = format_average (level->average);
      g_autofree char *distribution = format_distribution (level->distribution);
      g_autofree char *line = NULL;
      g_autoptr(GString) not_asked = g_string_new (NULL);

      add_rule (job, 16);
      block = add_text (job, context, "Sans Bold 13", level->title ? level->title : level->id, FALSE, 4, 0);
      block->keep_with_next = TRUE;
      line = g_strdup_printf (_("%u of %u scored · average %s · red flags %u · %s"),
                              level->n_scored, level->n_questions, level_average,
                              level->n_red_flags, distribution);
      block = add_text (job, context, "Sans 9", line, FALSE, 2, 0);
      block->keep_with_next = TRUE;

      /* Questions not asked take one paragraph, so that a scorecard stays
       * on a page or two. */
      for (guint j = 0; j < level->entries->len; j++)
        {
          const IvcScorecardEntry *entry = g_ptr_array_index (level->entries, j);

          if (entry_was_asked (entry))
            add_entry (job, context, entry, j + 1);
          else
            {
              g_autofree char *question = entry->question ? ivc_markdown_dup_summary (entry->question)
                                                          : g_strdup (entry->question_id);
              g_autofree char *item = g_markup_printf_escaped ("%s%u. %s", not_asked->len ? "; " : "",
                                                               j + 1, question);
              g_string_append (not_asked, item);
            }
        }

      if (not_asked->len > 0)
        {
          g_autofree char *label = g_markup_printf_escaped ("<i>%s</i> ", _("Not asked:"));

          g_string_prepend (not_asked, label);
          add_text (job, context, "Sans 9", not_asked->str, TRUE, 10, 0);
        }
    }

  /* Questions the bank no longer has */
  if (ivc_scorecard_get_n_removed (scorecard) > 0)
    {
      gboolean no_bank = ivc_scorecard_get_bank (scorecard) == NULL;
      g_autofree char *note = NULL;

      add_rule (job, 16);
      block = add_text (job, context, "Sans Bold 13",
                        no_bank ? _("Evaluated Questions") : _("No Longer in the Bank"),
                        FALSE, 4, 0);
      block->keep_with_next = TRUE;
      note = g_markup_printf_escaped ("<i>%s</i>",
                                      no_bank ? _("The question bank is not available; the questions are shown by their ids.")
                                              : _("These questions were removed from the question bank after the interview."));
      block = add_text (job, context, "Sans 9", note, TRUE, 2, 0);
      block->keep_with_next = TRUE;

      for (guint i = 0; i < ivc_scorecard_get_n_removed (scorecard); i++)
        add_entry (job, context, ivc_scorecard_get_removed (scorecard, i), i + 1);
    }
}

static double
line_height (Block *block,
             guint  line)
{
  LineMetrics *metrics = &g_array_index (block->lines, LineMetrics, line);

  return metrics->bottom - metrics->top;
}

/* What must fit at the bottom of a page for @index to start there: all of
 * an atomic block or the first line of a paragraph; and a block that keeps
 * with the next one (a heading, a rule) needs all of itself and what the
 * next one needs, so that a chain of them moves to the next page whole. */
static double
needed_height (PrintJob *job,
               guint     index)
{
  double height = 0;

  for (guint i = index; i < job->blocks->len; i++)
    {
      Block *block = g_ptr_array_index (job->blocks, i);

      if (i > index)
        height += block->space_before;

      if (block->kind != BLOCK_TEXT || block->keep_with_next)
        height += block->height;
      else
        height += line_height (block, 0);

      if (!block->keep_with_next)
        break;
    }

  return height;
}

static GArray *
new_page (PrintJob *job)
{
  GArray *page = g_array_new (FALSE, FALSE, sizeof (Piece));

  g_ptr_array_add (job->pages, page);
  return page;
}

static void
paginate (PrintJob *job,
          double    page_height)
{
  double available = page_height - FOOTER_HEIGHT;
  GArray *page = new_page (job);
  double y = 0;

  for (guint i = 0; i < job->blocks->len; i++)
    {
      Block *block = g_ptr_array_index (job->blocks, i);
      double space = y > 0 ? block->space_before : 0;
      Piece piece = { block, 0, 0, 0 };

      if (y > 0 && y + space + needed_height (job, i) > available)
        {
          page = new_page (job);
          y = space = 0;
        }
      y += space;

      /* A rule only separates: none at the top of a page. */
      if (block->kind == BLOCK_RULE && y == 0)
        continue;

      if (block->kind != BLOCK_TEXT)
        {
          piece.y = y;
          g_array_append_val (page, piece);
          y += block->height;
          continue;
        }

      /* Line by line; a page always takes at least one line. */
      for (guint line = 0; line < block->lines->len;)
        {
          piece.first_line = line;
          piece.n_lines = 0;
          piece.y = y;

          while (line < block->lines->len &&
                 (y + line_height (block, line) <= available || (y == 0 && piece.n_lines == 0)))
            {
              y += line_height (block, line);
              piece.n_lines++;
              line++;
            }

          if (piece.n_lines > 0)
            g_array_append_val (page, piece);

          if (line < block->lines->len)
            {
              page = new_page (job);
              y = 0;
            }
        }
    }
}

static void
draw_piece (PrintJob *job,
            cairo_t  *cr,
            Piece    *piece)
{
  Block *block = piece->block;

  switch (block->kind)
    {
    case BLOCK_RULE:
      cairo_set_source_rgb (cr, 0.45, 0.45, 0.45);
      cairo_rectangle (cr, 0, piece->y + block->height / 2 - 0.4, job->width, 0.8);
      cairo_fill (cr);
      break;

    case BLOCK_TABLE_ROW:
      cairo_set_source_rgb (cr, 0, 0, 0);
      for (guint i = 0; i < N_COLUMNS; i++)
        {
          cairo_move_to (cr, job->column_x[i], piece->y);
          pango_cairo_show_layout (cr, block->cells[i]);
        }
      if (block->rule_below)
        {
          cairo_rectangle (cr, 0, piece->y + block->height - 2.5, job->width, 0.8);
          cairo_fill (cr);
        }
      break;

    case BLOCK_TEXT:
      {
        double top = g_array_index (block->lines, LineMetrics, piece->first_line).top;

        cairo_set_source_rgb (cr, 0, 0, 0);
        for (guint i = piece->first_line; i < piece->first_line + piece->n_lines; i++)
          {
            LineMetrics *metrics = &g_array_index (block->lines, LineMetrics, i);

            cairo_move_to (cr, block->indent + metrics->x, piece->y + metrics->baseline - top);
            pango_cairo_show_layout_line (cr, pango_layout_get_line_readonly (block->layout, i));
          }
      }
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
draw_footer (PrintJob        *job,
             GtkPrintContext *context,
             cairo_t         *cr,
             int              page_nr)
{
  double height = gtk_print_context_get_height (context);
  const char *name = ivc_scorecard_get_candidate_name (job->scorecard);
  g_autoptr(PangoLayout) left = new_layout (context, SMALL_FONT, job->width * 0.7);
  g_autoptr(PangoLayout) right = new_layout (context, SMALL_FONT, job->width * 0.3);
  g_autofree char *title = NULL;
  g_autofree char *page = NULL;
  int text_height;

  title = dup_scorecard_title (name);
  /* Translators: the page number in the footer of a printed scorecard. */
  page = g_strdup_printf (_("Page %d of %u"), page_nr + 1, job->pages->len);

  pango_layout_set_text (left, title, -1);
  pango_layout_set_ellipsize (left, PANGO_ELLIPSIZE_END);
  pango_layout_set_text (right, page, -1);
  pango_layout_set_alignment (right, PANGO_ALIGN_RIGHT);
  pango_layout_get_size (left, NULL, &text_height);

  cairo_set_source_rgb (cr, 0.45, 0.45, 0.45);
  cairo_rectangle (cr, 0, height - FOOTER_HEIGHT + 8, job->width, 0.6);
  cairo_fill (cr);

  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_move_to (cr, 0, height - (double) text_height / PANGO_SCALE);
  pango_cairo_show_layout (cr, left);
  cairo_move_to (cr, job->width * 0.7, height - (double) text_height / PANGO_SCALE);
  pango_cairo_show_layout (cr, right);
}

static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                PrintJob          *job)
{
  g_ptr_array_set_size (job->blocks, 0);
  g_ptr_array_set_size (job->pages, 0);

  job->width = gtk_print_context_get_width (context);
  build_document (job, context);
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
  GArray *page;

  g_return_if_fail (page_nr >= 0 && (guint) page_nr < job->pages->len);

  page = g_ptr_array_index (job->pages, page_nr);
  for (guint i = 0; i < page->len; i++)
    draw_piece (job, cr, &g_array_index (page, Piece, i));

  draw_footer (job, context, cr, page_nr);
}

static gboolean
release_operation_cb (gpointer data)
{
  g_object_unref (data);
  return G_SOURCE_REMOVE;
}

/* Printing in the background may fail after ivc_scorecard_print()
 * returned: then it is said here. */
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
  dialog = ivc_alert_new (_("Could Not Print the Scorecard"), error ? error->message : NULL);
  ivc_alert_add_response (dialog, "close", _("_Close"));
  ivc_alert_present (dialog, job->parent ? GTK_WIDGET (job->parent) : NULL);
}

/**
 * ivc_scorecard_print:
 * @scorecard: the scorecard to print
 * @parent: (nullable): the window of the print dialog
 * @action: what to do; %GTK_PRINT_OPERATION_ACTION_EXPORT writes a PDF to
 *   @export_filename without any dialog
 * @export_filename: (nullable) (type filename): where to write the PDF
 * @error: where an error that happens at once goes
 *
 * Prints @scorecard on one page or more. With a dialog, printing goes on
 * in the background and an error found then is shown in a dialog; an
 * export is done when this returns.
 *
 * Returns: the result of gtk_print_operation_run()
 */
GtkPrintOperationResult
ivc_scorecard_print (IvcScorecard             *scorecard,
                     GtkWindow                *parent,
                     GtkPrintOperationAction   action,
                     const char               *export_filename,
                     GError                  **error)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GtkPageSetup) page_setup = NULL;
  g_autofree char *job_name = NULL;
  GtkPrintOperationResult result;
  const char *name;
  PrintJob *job;

  g_return_val_if_fail (IVC_IS_SCORECARD (scorecard), GTK_PRINT_OPERATION_RESULT_ERROR);
  g_return_val_if_fail (!parent || GTK_IS_WINDOW (parent), GTK_PRINT_OPERATION_RESULT_ERROR);
  g_return_val_if_fail (action != GTK_PRINT_OPERATION_ACTION_EXPORT || export_filename != NULL,
                        GTK_PRINT_OPERATION_RESULT_ERROR);

  job = g_new0 (PrintJob, 1);
  job->scorecard = g_object_ref (scorecard);
  job->parent = parent ? g_object_ref (parent) : NULL;
  job->blocks = g_ptr_array_new_with_free_func (block_free);
  job->pages = g_ptr_array_new_with_free_func ((GDestroyNotify)g_array_unref);

  operation = gtk_print_operation_new ();
  g_object_set_data_full (G_OBJECT (operation), "ivc-print-job", job, print_job_free);

  name = ivc_scorecard_get_candidate_name (scorecard);
  job_name = dup_scorecard_title (name);
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

  /* Kept until done_cb(). */
  if (result == GTK_PRINT_OPERATION_RESULT_IN_PROGRESS)
    {
      job->in_background = TRUE;
      g_object_ref (operation);
    }

  return result;
}
