/* ivc-sidebar-row.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A row of the main window's question list, with the current candidate's
 * score, red flag and place in the plan beside each question.
 *
 * A bank of 1,000 questions or more has about 200 of these at once, and a
 * search fills them anew on every keystroke: they are built in code, and
 * the question's text is a GtkInscription, which does not lay its text out
 * to ask for its size. The row asks for as many of its three lines as the
 * text's length needs at the row's width, estimated from the font's
 * average character width; the inscription ellipsizes what does not fit.
 */

#define G_LOG_DOMAIN "ivc-sidebar-row"

#include "config.h"

#include <glib/gi18n.h>

#include "ivc-accessible.h"
#include "ivc-candidate.h"
#include "ivc-level.h"
#include "ivc-markdown-blocks.h"
#include "ivc-question.h"
#include "ivc-sidebar-row.h"

/* Issue 13: a question's row shows at most three lines of it. */
#define MAX_LINES 3

/* A row of the question list: either a level's heading or a question. */
struct _IvcSidebarRow
{
  GtkWidget  parent_instance;

  GObject      *item;
  IvcCandidate *candidate;
  gboolean      evaluation_hidden;
  /* Follows self->candidate: its target is set with it. */
  GSignalGroup *candidate_signals;

  /* The question's text as the row shows it, and its width in narrow
   * characters (a wide one, as in Chinese, counts two). */
  char      *text;
  guint      text_units;
  gboolean   has_wide;

  /* What the marks show now, so that a change elsewhere in the candidate
   * (a note typed) leaves the row alone. */
  gboolean   marks_valid;
  IvcScore   shown_score;
  gboolean   shown_red_flag;
  int        shown_plan_position;
  gboolean   shown_plan_room;

  /* A question's parts; a level's, made when the row first shows one. */
  GtkWidget      *question_box;
  GtkInscription *question_text;
  GtkLabel       *match_label;
  GtkWidget      *red_flag_icon;
  GtkLabel       *score_label;
  GtkLabel       *plan_label;
  GtkWidget      *level_box;
  GtkLabel       *level_title;
  GtkLabel       *level_subtitle;
};

G_DEFINE_FINAL_TYPE (IvcSidebarRow, ivc_sidebar_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ITEM,
  PROP_CANDIDATE,
  PROP_EVALUATION_HIDDEN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The row in one line for a screen reader: GTK 4.8 reads a list row's
 * name, not the labels inside it. */
static void
update_accessible_label (IvcSidebarRow *self,
                         IvcScore       score,
                         gboolean       red_flag,
                         int            plan_position)
{
  g_autoptr(GString) label = g_string_new (NULL);

  if (IVC_IS_LEVEL (self->item))
    {
      g_string_append (label, gtk_label_get_text (self->level_title));
      if (gtk_widget_get_visible (GTK_WIDGET (self->level_subtitle)))
        g_string_append_printf (label, ", %s", gtk_label_get_text (self->level_subtitle));
    }
  else if (IVC_IS_QUESTION (self->item))
    {
      g_string_append (label, self->text ? self->text : "");
      if (plan_position >= 0)
        {
          g_string_append (label, ", ");
          /* Translators: said after a question in the list */
          g_string_append_printf (label, _("number %d in the interview plan"), plan_position + 1);
        }
      if (score != IVC_SCORE_NONE)
        {
          g_string_append (label, ", ");
          /* Translators: said after a question in the list, e.g. "scored 3, Good" */
          g_string_append_printf (label, _("scored %d, %s"), (int)score, ivc_score_get_label (score));
        }
      if (red_flag)
        {
          g_string_append (label, ", ");
          /* Translators: said after a question in the list */
          g_string_append (label, _("red flag observed"));
        }
    }

  ivc_accessible_label_list_item (GTK_WIDGET (self), label->str);
}

/* At a glance: which questions the current candidate was scored on, and
 * where a red flag was observed. */
static void
update_marks (IvcSidebarRow *self)
{
  IvcEvaluation *evaluation = NULL;
  IvcScore score = IVC_SCORE_NONE;
  gboolean red_flag = FALSE;
  int plan_position = -1;
  gboolean plan_room;

  if (self->candidate != NULL && IVC_IS_QUESTION (self->item))
    evaluation = ivc_candidate_get_evaluation (self->candidate,
                                               ivc_question_get_id (IVC_QUESTION (self->item)));
  /* Hidden from view (Ctrl+Shift+H): no score and no red flag shows. */
  if (evaluation != NULL && !self->evaluation_hidden)
    {
      score = ivc_evaluation_get_score (evaluation);
      red_flag = ivc_evaluation_get_red_flag_observed (evaluation);
    }

  /* Its place in the interview plan. */
  if (self->candidate != NULL && IVC_IS_QUESTION (self->item))
    plan_position = ivc_candidate_get_plan_position (self->candidate,
                                                     ivc_question_get_id (IVC_QUESTION (self->item)));
  /* With a plan, every question keeps the number's room, so that their
   * titles line up. */
  plan_room = self->candidate != NULL && IVC_IS_QUESTION (self->item) &&
              ivc_candidate_get_plan (self->candidate)[0] != NULL;

  /* The candidate changes with every character typed in the notes: only
   * the row whose marks change is touched (a tooltip costs an X round
   * trip in GTK 4.8). */
  if (self->marks_valid && score == self->shown_score && red_flag == self->shown_red_flag &&
      plan_position == self->shown_plan_position && plan_room == self->shown_plan_room)
    return;
  self->marks_valid = TRUE;
  self->shown_score = score;
  self->shown_red_flag = red_flag;
  self->shown_plan_position = plan_position;
  self->shown_plan_room = plan_room;

  if (score != IVC_SCORE_NONE)
    {
      g_autofree char *text = g_strdup_printf ("%d", (int)score);
      g_autofree char *tooltip = g_strdup_printf (_("Scored %d, %s"), (int)score, ivc_score_get_label (score));

      gtk_label_set_text (self->score_label, text);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->score_label), tooltip);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->score_label), score != IVC_SCORE_NONE);

  if (plan_position >= 0)
    {
      g_autofree char *text = g_strdup_printf ("%d", plan_position + 1);
      /* Translators: tooltip of the number before a question in the list */
      g_autofree char *tooltip = g_strdup_printf (_("Number %d in the interview plan"), plan_position + 1);

      gtk_label_set_text (self->plan_label, text);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->plan_label), tooltip);
    }
  else
    {
      gtk_label_set_text (self->plan_label, "");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->plan_label), NULL);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->plan_label), plan_room);
  gtk_widget_set_visible (self->red_flag_icon, red_flag);

  update_accessible_label (self, score, red_flag, plan_position);
}

/* Wide characters (Chinese, Japanese, Korean) take about two narrow ones'
 * room. */
static guint
count_units (const char *text)
{
  guint units = 0;

  for (const char *p = text; p != NULL && *p; p = g_utf8_next_char (p))
    units += g_unichar_iswide (g_utf8_get_char (p)) ? 2 : 1;

  return units;
}

static void
ensure_level_box (IvcSidebarRow *self)
{
  if (self->level_box != NULL)
    return;

  self->level_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_widget_insert_after (self->level_box, GTK_WIDGET (self), self->question_box);

  self->level_title = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->level_title, 0);
  gtk_label_set_wrap (self->level_title, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->level_title), "heading");
  gtk_box_append (GTK_BOX (self->level_box), GTK_WIDGET (self->level_title));

  self->level_subtitle = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->level_subtitle, 0);
  gtk_label_set_wrap (self->level_subtitle, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->level_subtitle), "caption");
  gtk_widget_add_css_class (GTK_WIDGET (self->level_subtitle), "dim-label");
  gtk_box_append (GTK_BOX (self->level_box), GTK_WIDGET (self->level_subtitle));
}

static GtkWidget *
shown_box (IvcSidebarRow *self)
{
  return self->level_box != NULL && gtk_widget_get_visible (self->level_box) ? self->level_box
                                                                               : self->question_box;
}

typedef struct
{
  guint  font_hash;
  double char_width;
  int    line_height;
} FontSizes;

static int
metrics_line_height (PangoFontMetrics *metrics)
{
  int height = PANGO_PIXELS_CEIL (pango_font_metrics_get_height (metrics));

  if (height <= 0)
    height = PANGO_PIXELS_CEIL (pango_font_metrics_get_ascent (metrics) + pango_font_metrics_get_descent (metrics));
  return height;
}

/* The font's average character width and line height, in pixels, asked of
 * Pango once per font rather than once per row; with @wide, the line
 * height of the font that draws Chinese, Japanese or Korean, whose lines
 * are taller. The row counts its lines in these: GtkInscription lays its
 * text out to say its height, and GTK 4.8's lines are not Pango's. */
static void
get_font_sizes (GtkWidget *widget,
                gboolean   wide,
                double    *char_width,
                int       *line_height)
{
  static FontSizes sizes[2];
  FontSizes *cached = &sizes[wide ? 1 : 0];
  PangoContext *context = gtk_widget_get_pango_context (widget);
  PangoFontDescription *font = pango_context_get_font_description (context);
  guint hash = font ? pango_font_description_hash (font) : 0;

  if (cached->char_width == 0 || hash != cached->font_hash)
    {
      PangoFontMetrics *metrics = pango_context_get_metrics (context, font, NULL);

      cached->char_width = (double)pango_font_metrics_get_approximate_char_width (metrics) / PANGO_SCALE;
      cached->line_height = metrics_line_height (metrics);
      pango_font_metrics_unref (metrics);

      if (wide)
        {
          metrics = pango_context_get_metrics (context, font, pango_language_from_string ("zh-cn"));
          cached->line_height = MAX (cached->line_height, metrics_line_height (metrics));
          pango_font_metrics_unref (metrics);
        }
      cached->font_hash = hash;
    }

  *char_width = cached->char_width;
  *line_height = cached->line_height;
}

static int
visible_height (GtkWidget *widget,
                int        for_width)
{
  int height = 0;

  if (gtk_widget_get_visible (widget))
    gtk_widget_measure (widget, GTK_ORIENTATION_VERTICAL, for_width, &height, NULL, NULL, NULL);

  return height;
}

static int
visible_width (GtkWidget *widget)
{
  int width = 0;

  if (gtk_widget_get_visible (widget))
    gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &width, NULL, NULL);

  return width;
}

/* How tall a question's row is at @width: as many of its lines as the
 * text needs, estimated without laying it out. Word wrapping leaves some
 * of each line empty, hence the margin: a text estimated short by a few
 * characters loses them to the ellipsis. */
static int
question_height (IvcSidebarRow *self,
                 int            width)
{
  GtkWidget *text = GTK_WIDGET (self->question_text);
  int text_width = width;
  int box_min, line_height, text_height;
  double char_width;
  guint lines = 1;

  /* The marks beside the text, not the text: GtkInscription would lay
   * its text out to answer. */
  box_min = MAX (visible_height (GTK_WIDGET (self->plan_label), -1),
                 MAX (visible_height (self->red_flag_icon, -1), visible_height (GTK_WIDGET (self->score_label), -1)));
  get_font_sizes (text, self->has_wide, &char_width, &line_height);

  if (width >= 0)
    {
      int spacing = 6;

      text_width -= visible_width (GTK_WIDGET (self->plan_label)) + spacing * gtk_widget_get_visible (GTK_WIDGET (self->plan_label));
      text_width -= visible_width (self->red_flag_icon) + spacing * gtk_widget_get_visible (self->red_flag_icon);
      text_width -= visible_width (GTK_WIDGET (self->score_label)) + spacing * gtk_widget_get_visible (GTK_WIDGET (self->score_label));
      if (text_width > 0)
        lines = (guint)(self->text_units * char_width / (text_width * 0.9)) + 1;
      lines = CLAMP (lines, 1, MAX_LINES);
    }

  text_height = gtk_widget_get_margin_top (text) + lines * line_height + gtk_widget_get_margin_bottom (text);

  if (gtk_widget_get_visible (GTK_WIDGET (self->match_label)))
    {
      int match_height;

      gtk_widget_measure (GTK_WIDGET (self->match_label), GTK_ORIENTATION_VERTICAL, MAX (text_width, -1),
                          &match_height, NULL, NULL, NULL);
      text_height += match_height + gtk_widget_get_margin_bottom (GTK_WIDGET (self->match_label));
    }

  return MAX (box_min, text_height);
}

static GtkSizeRequestMode
ivc_sidebar_row_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
ivc_sidebar_row_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  IvcSidebarRow *self = IVC_SIDEBAR_ROW (widget);
  GtkWidget *box = shown_box (self);

  if (orientation == GTK_ORIENTATION_VERTICAL && box == self->question_box)
    {
      *minimum = *natural = question_height (self, for_size);
      return;
    }

  gtk_widget_measure (box, orientation, for_size, minimum, natural, NULL, NULL);
}

static void
ivc_sidebar_row_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  IvcSidebarRow *self = IVC_SIDEBAR_ROW (widget);

  gtk_widget_allocate (shown_box (self), width, height, -1, NULL);
}

static void
ivc_sidebar_row_dispose (GObject *object)
{
  IvcSidebarRow *self = (IvcSidebarRow *)object;

  if (self->candidate_signals != NULL)
    g_signal_group_set_target (self->candidate_signals, NULL);
  g_clear_object (&self->candidate_signals);
  g_clear_object (&self->candidate);

  g_clear_pointer (&self->question_box, gtk_widget_unparent);
  g_clear_pointer (&self->level_box, gtk_widget_unparent);
  g_clear_object (&self->item);
  g_clear_pointer (&self->text, g_free);

  G_OBJECT_CLASS (ivc_sidebar_row_parent_class)->dispose (object);
}

static void
ivc_sidebar_row_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  IvcSidebarRow *self = IVC_SIDEBAR_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      g_value_set_object (value, self->item);
      break;

    case PROP_CANDIDATE:
      g_value_set_object (value, self->candidate);
      break;

    case PROP_EVALUATION_HIDDEN:
      g_value_set_boolean (value, self->evaluation_hidden);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ivc_sidebar_row_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  IvcSidebarRow *self = IVC_SIDEBAR_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      ivc_sidebar_row_set_item (self, g_value_get_object (value));
      break;

    case PROP_CANDIDATE:
      if (g_set_object (&self->candidate, g_value_get_object (value)))
        {
          /* NULL once the row is disposed. */
          if (self->candidate_signals != NULL)
            g_signal_group_set_target (self->candidate_signals, self->candidate);
          update_marks (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    case PROP_EVALUATION_HIDDEN:
      if (self->evaluation_hidden != g_value_get_boolean (value))
        {
          self->evaluation_hidden = g_value_get_boolean (value);
          update_marks (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ivc_sidebar_row_class_init (IvcSidebarRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ivc_sidebar_row_dispose;
  object_class->get_property = ivc_sidebar_row_get_property;
  object_class->set_property = ivc_sidebar_row_set_property;

  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL, G_TYPE_OBJECT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CANDIDATE] =
    g_param_spec_object ("candidate", NULL, NULL, IVC_TYPE_CANDIDATE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * IvcSidebarRow:evaluation-hidden:
   *
   * Whether the candidate's score and red flag are kept off screen.
   */
  properties[PROP_EVALUATION_HIDDEN] =
    g_param_spec_boolean ("evaluation-hidden", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  widget_class->measure = ivc_sidebar_row_measure;
  widget_class->size_allocate = ivc_sidebar_row_size_allocate;
  widget_class->get_request_mode = ivc_sidebar_row_get_request_mode;
  gtk_widget_class_set_css_name (widget_class, "sidebarrow");
}

static void
ivc_sidebar_row_init (IvcSidebarRow *self)
{
  GtkWidget *column;

  self->shown_plan_position = -1;

  /* plan number │ text, where the search found it │ red flag │ score */
  self->question_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_parent (self->question_box, GTK_WIDGET (self));

  self->plan_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_name (GTK_WIDGET (self->plan_label), "plan_label");
  gtk_widget_set_visible (GTK_WIDGET (self->plan_label), FALSE);
  gtk_widget_set_valign (GTK_WIDGET (self->plan_label), GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (GTK_WIDGET (self->plan_label), "plan-badge");
  gtk_widget_add_css_class (GTK_WIDGET (self->plan_label), "numeric");
  gtk_box_append (GTK_BOX (self->question_box), GTK_WIDGET (self->plan_label));

  column = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_hexpand (column, TRUE);
  gtk_box_append (GTK_BOX (self->question_box), column);

  self->question_text = GTK_INSCRIPTION (gtk_inscription_new (NULL));
  gtk_widget_set_name (GTK_WIDGET (self->question_text), "question_text");
  gtk_inscription_set_xalign (self->question_text, 0);
  gtk_inscription_set_yalign (self->question_text, 0.5);
  gtk_inscription_set_wrap_mode (self->question_text, PANGO_WRAP_WORD_CHAR);
  gtk_inscription_set_text_overflow (self->question_text, GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_inscription_set_min_lines (self->question_text, 1);
  gtk_inscription_set_nat_lines (self->question_text, MAX_LINES);
  gtk_inscription_set_min_chars (self->question_text, 12);
  gtk_inscription_set_nat_chars (self->question_text, 32);
  gtk_widget_set_hexpand (GTK_WIDGET (self->question_text), TRUE);
  /* It takes the height the row worked out for it. */
  gtk_widget_set_vexpand (GTK_WIDGET (self->question_text), TRUE);
  gtk_widget_set_margin_top (GTK_WIDGET (self->question_text), 3);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->question_text), 3);
  gtk_box_append (GTK_BOX (column), GTK_WIDGET (self->question_text));

  self->match_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_name (GTK_WIDGET (self->match_label), "match_label");
  gtk_widget_set_visible (GTK_WIDGET (self->match_label), FALSE);
  gtk_label_set_xalign (self->match_label, 0);
  gtk_label_set_wrap (self->match_label, TRUE);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->match_label), 3);
  gtk_widget_add_css_class (GTK_WIDGET (self->match_label), "caption");
  gtk_widget_add_css_class (GTK_WIDGET (self->match_label), "dim-label");
  gtk_box_append (GTK_BOX (column), GTK_WIDGET (self->match_label));

  self->red_flag_icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  gtk_widget_set_name (self->red_flag_icon, "red_flag_icon");
  gtk_widget_set_visible (self->red_flag_icon, FALSE);
  gtk_widget_set_valign (self->red_flag_icon, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (self->red_flag_icon, _("Red flag observed"));
  gtk_widget_add_css_class (self->red_flag_icon, "error");
  gtk_box_append (GTK_BOX (self->question_box), self->red_flag_icon);

  self->score_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_name (GTK_WIDGET (self->score_label), "score_label");
  gtk_widget_set_visible (GTK_WIDGET (self->score_label), FALSE);
  gtk_widget_set_valign (GTK_WIDGET (self->score_label), GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (GTK_WIDGET (self->score_label), "score-badge");
  gtk_box_append (GTK_BOX (self->question_box), GTK_WIDGET (self->score_label));

  self->candidate_signals = g_signal_group_new (IVC_TYPE_CANDIDATE);
  g_signal_group_connect_object (self->candidate_signals, "changed",
                                 G_CALLBACK (update_marks), self, G_CONNECT_SWAPPED);
}

GtkWidget *
ivc_sidebar_row_new (void)
{
  return g_object_new (IVC_TYPE_SIDEBAR_ROW, NULL);
}

/**
 * ivc_sidebar_row_get_item:
 *
 * Returns: (transfer none) (nullable): the #IvcLevel or #IvcQuestion shown
 */
GObject *
ivc_sidebar_row_get_item (IvcSidebarRow *self)
{
  g_return_val_if_fail (IVC_IS_SIDEBAR_ROW (self), NULL);

  return self->item;
}

void
ivc_sidebar_row_set_item (IvcSidebarRow *self,
                          GObject       *item)
{
  g_return_if_fail (IVC_IS_SIDEBAR_ROW (self));
  g_return_if_fail (!item || IVC_IS_LEVEL (item) || IVC_IS_QUESTION (item));

  if (!g_set_object (&self->item, item))
    return;

  /* What the row showed says nothing of what it shows now. */
  self->marks_valid = FALSE;

  gtk_widget_remove_css_class (GTK_WIDGET (self), "level");

  if (IVC_IS_LEVEL (item))
    {
      IvcLevel *level = IVC_LEVEL (item);
      g_autofree char *subtitle = ivc_level_dup_subtitle (level);

      ensure_level_box (self);
      gtk_label_set_text (self->level_title, ivc_level_get_title (level));
      gtk_label_set_text (self->level_subtitle, subtitle);
      gtk_widget_set_visible (GTK_WIDGET (self->level_subtitle), *subtitle != '\0');
      gtk_widget_set_visible (self->question_box, FALSE);
      gtk_widget_set_visible (self->level_box, TRUE);
      gtk_widget_add_css_class (GTK_WIDGET (self), "level");
    }
  else if (IVC_IS_QUESTION (item))
    {
      IvcQuestion *question = IVC_QUESTION (item);
      const char *title = ivc_question_get_title (question);
      /* The bank's short label, else the first paragraph as plain text:
       * a long question does not fill the list. */
      g_autofree char *label = ivc_markdown_dup_summary (title ? title : ivc_question_get_question (question));

      if (g_strcmp0 (label, self->text) != 0)
        {
          g_free (self->text);
          self->text = g_steal_pointer (&label);
          self->text_units = count_units (self->text);
          self->has_wide = self->text_units > g_utf8_strlen (self->text, -1);
          gtk_inscription_set_text (self->question_text, self->text);
        }
      gtk_widget_set_visible (self->question_box, TRUE);
      if (self->level_box != NULL)
        gtk_widget_set_visible (self->level_box, FALSE);
    }

  update_marks (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM]);
}

/**
 * ivc_sidebar_row_set_match_hint:
 * @hint: (nullable): where a search found the question, when not in its
 *   text
 */
void
ivc_sidebar_row_set_match_hint (IvcSidebarRow *self,
                                const char    *hint)
{
  g_return_if_fail (IVC_IS_SIDEBAR_ROW (self));

  gtk_label_set_text (self->match_label, hint ? hint : "");
  gtk_widget_set_visible (GTK_WIDGET (self->match_label), hint != NULL && *hint != '\0');
}
