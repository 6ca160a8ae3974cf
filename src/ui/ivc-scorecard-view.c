/* ivc-scorecard-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * IvcScorecardView: the Scorecards window's page for one candidate: figures,
 * summary, a chart per level, every question with its notes and time.
 */

#define G_LOG_DOMAIN "ivc-scorecard-view"

#include "config.h"

#include <glib/gi18n.h>

#include "ivc-bias-guard.h"
#include "ivc-interview-timer.h"
#include "ivc-markdown-blocks.h"
#include "ivc-score-chart.h"
#include "ivc-scorecard-view.h"
#include "ivc-text.h"

/* One candidate's scorecard, to read after the interview: who, the verdict
 * and the figures, the summary, then every level of the bank with its
 * score chart and its questions, and last the notes on questions the bank
 * no longer has.
 *
 * Texts from the candidate and the bank go into plain labels. Only the
 * titles and descriptions of the groups are markup (libadwaita's), and
 * what goes there is escaped. */
struct _IvcScorecardView
{
  GtkWidget             parent_instance;

  IvcScorecard         *scorecard;

  /* The AdwPreferencesGroup of each level, and the rows of removed_group. */
  GPtrArray            *level_groups;
  GPtrArray            *removed_rows;

  GtkStack             *stack;
  GtkScrolledWindow    *scroller;
  GtkLabel             *name_label;
  GtkLabel             *details_label;
  GtkLabel             *recommendation_label;
  GtkLabel             *coverage_label;
  GtkLabel             *average_label;
  GtkLabel             *red_flags_label;
  GtkLabel             *time_label;
  GtkLabel             *summary_label;
  GtkWidget            *nothing_scored_label;
  GtkBox               *levels_box;
  GtkWidget            *legend_box;
  AdwPreferencesGroup  *removed_group;
};

G_DEFINE_FINAL_TYPE (IvcScorecardView, ivc_scorecard_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SCORECARD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
format_average (double average)
{
  if (average < 0)
    /* Translators: shown instead of an average when nothing was scored. */
    return g_strdup (C_("average", "—"));

  return g_strdup_printf ("%.2f", average);
}

static char *
dup_details (IvcScorecard *scorecard)
{
  g_autoptr(GString) details = g_string_new (NULL);
  const char *role = ivc_scorecard_get_role (scorecard);
  g_autofree char *date = ivc_text_format_date (ivc_scorecard_get_interview_date (scorecard));
  const char *interviewer = ivc_scorecard_get_interviewer_name (scorecard);
  const char *bank_title = ivc_scorecard_get_bank_title (scorecard);
  const char *bank_id = ivc_scorecard_get_bank_id (scorecard);
  const char *separator = " · ";

  if (role != NULL && *role)
    g_string_append (details, role);
  if (date != NULL && *date)
    g_string_append_printf (details, "%s%s", details->len ? separator : "", date);
  if (interviewer != NULL && *interviewer)
    {
      if (details->len)
        g_string_append (details, separator);
      /* Translators: %s is the interviewer's name. */
      g_string_append_printf (details, _("Interviewed by %s"), interviewer);
    }
  if (bank_title != NULL && *bank_title)
    g_string_append_printf (details, "%s%s", details->len ? separator : "", bank_title);
  else if (bank_id != NULL && *bank_id)
    {
      if (details->len)
        g_string_append (details, separator);
      /* Translators: %s is the id of a question bank. */
      g_string_append_printf (details, _("Question bank “%s” not available"), bank_id);
    }
  /* Submitted, or amended after submission. */
  {
    g_autofree char *status = ivc_bias_guard_dup_status (ivc_scorecard_get_candidate (scorecard));

    g_string_append_printf (details, "%s%s", details->len ? separator : "", status);
  }

  return g_string_free (g_steal_pointer (&details), FALSE);
}

/* “3 of 8 scored · average 2.67 · 1 red flag · 12:30”, escaped. */
static char *
dup_level_description (const IvcScorecardLevel *level)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *escaped = NULL;

  g_string_append_printf (text, _("%u of %u scored"), level->n_scored, level->n_questions);
  if (level->average >= 0)
    {
      g_string_append (text, " · ");
      /* Translators: the average score of a level, such as “average 2.67”. */
      g_string_append_printf (text, _("average %.2f"), level->average);
    }
  if (level->n_red_flags > 0)
    {
      g_string_append (text, " · ");
      g_string_append_printf (text,
                              g_dngettext (GETTEXT_PACKAGE, "%u red flag", "%u red flags",
                                           level->n_red_flags),
                              level->n_red_flags);
    }
  if (level->seconds > 0)
    {
      g_autofree char *duration = ivc_format_duration (level->seconds);

      g_string_append_printf (text, " · %s", duration);
    }

  escaped = g_markup_escape_text (text->str, -1);
  return g_steal_pointer (&escaped);
}

static GtkWidget *
new_wrapping_label (const char *text,
                    const char *first_class,
                    ...)
{
  GtkWidget *label = gtk_label_new (text);
  va_list args;

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);

  va_start (args, first_class);
  for (const char *css_class = first_class; css_class; css_class = va_arg (args, const char *))
    gtk_widget_add_css_class (label, css_class);
  va_end (args);

  return label;
}

static GtkWidget *
new_score_badge (IvcScore score)
{
  g_autofree char *text = NULL;
  GtkWidget *badge;

  if (score == IVC_SCORE_NONE)
    text = g_strdup (_("Not scored"));
  else
    /* Translators: a score, such as “3 Good”. */
    text = g_strdup_printf (C_("score badge", "%d %s"), (int)score, ivc_score_get_label (score));

  badge = gtk_label_new (text);
  gtk_widget_set_valign (badge, GTK_ALIGN_START);
  gtk_widget_add_css_class (badge, "score-badge");
  gtk_widget_add_css_class (badge, ivc_score_chart_get_css_class (score));

  return badge;
}

/* A question: its text and score, the red flag and the time spent, then
 * the notes, which may be long and have several paragraphs. */
static GtkWidget *
new_entry_row (const IvcScorecardEntry *entry)
{
  GtkWidget *row = adw_preferences_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *question;
  g_autofree char *question_text = entry->question ? ivc_markdown_to_plain_text (entry->question) : NULL;
  g_autoptr(GString) label = g_string_new (question_text ? question_text : entry->question_id);

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_add_css_class (row, "scorecard-entry");
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  /* A question the bank no longer has is known by its id only. */
  question = new_wrapping_label (question_text ? question_text : entry->question_id, NULL);
  gtk_widget_set_hexpand (question, TRUE);
  gtk_box_append (GTK_BOX (top), question);
  gtk_box_append (GTK_BOX (top), new_score_badge (entry->score));
  gtk_box_append (GTK_BOX (box), top);
  g_string_append_printf (label, ", %s", gtk_label_get_text (GTK_LABEL (gtk_widget_get_last_child (top))));

  /* What the bank's rubric says the score given means. */
  if (entry->rubric_anchor != NULL)
    {
      g_autofree char *anchor = ivc_markdown_dup_summary (entry->rubric_anchor);
      /* Translators: %s is what a score means for this question, from the bank's rubric. */
      g_autofree char *text = g_strdup_printf (_("Rubric: %s"), anchor);

      gtk_box_append (GTK_BOX (box), new_wrapping_label (text, "caption", "rubric-anchor", NULL));
    }

  if (entry->red_flag || entry->seconds > 0)
    {
      GtkWidget *meta = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);

      if (entry->red_flag)
        {
          GtkWidget *flag = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
          GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

          gtk_widget_add_css_class (flag, "red-flag");
          gtk_accessible_update_state (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
          gtk_box_append (GTK_BOX (flag), icon);
          gtk_box_append (GTK_BOX (flag), new_wrapping_label (_("Red flag observed"), "caption-heading", NULL));
          gtk_box_append (GTK_BOX (meta), flag);
          g_string_append_printf (label, ", %s", _("Red flag observed"));
        }

      if (entry->seconds > 0)
        {
          g_autofree char *duration = ivc_format_duration (entry->seconds);
          /* Translators: %s is a duration such as “2:15”. */
          g_autofree char *text = g_strdup_printf (_("%s on this question"), duration);

          gtk_box_append (GTK_BOX (meta), new_wrapping_label (text, "caption", "numeric", "dim-label", NULL));
          g_string_append_printf (label, ", %s", text);
        }

      gtk_box_append (GTK_BOX (box), meta);
    }

  if (entry->notes != NULL && *entry->notes)
    {
      GtkWidget *notes = new_wrapping_label (entry->notes, "dim-label", "notes", NULL);

      gtk_label_set_selectable (GTK_LABEL (notes), TRUE);
      gtk_box_append (GTK_BOX (box), notes);
    }

  /* The row in one line for a screen reader; the notes are read inside. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, label->str, -1);

  return row;
}

static GtkWidget *
new_chart_row (const IvcScorecardLevel *level)
{
  GtkWidget *row = adw_preferences_row_new ();
  GtkWidget *chart = ivc_score_chart_new ();

  /* Focusable, as the first row of its list: the list gives the focus to
   * its first row only, and one that refused it made Tab skip the level's
   * questions and notes. ↓ goes on to them. */
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_add_css_class (row, "chart-row");
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Score distribution"), -1);
  ivc_score_chart_set_level (IVC_SCORE_CHART (chart), level);
  gtk_widget_set_margin_top (chart, 12);
  gtk_widget_set_margin_bottom (chart, 12);
  gtk_widget_set_margin_start (chart, 12);
  gtk_widget_set_margin_end (chart, 12);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), chart);

  return row;
}

static GtkWidget *
new_level_group (const IvcScorecardLevel *level)
{
  GtkWidget *group = adw_preferences_group_new ();
  g_autofree char *title = g_markup_escape_text (level->title ? level->title : level->id, -1);
  g_autofree char *description = dup_level_description (level);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), new_chart_row (level));

  for (guint i = 0; i < level->entries->len; i++)
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                               new_entry_row (g_ptr_array_index (level->entries, i)));

  return group;
}

static void
clear_levels (IvcScorecardView *self)
{
  for (guint i = 0; i < self->level_groups->len; i++)
    gtk_box_remove (self->levels_box, g_ptr_array_index (self->level_groups, i));
  g_ptr_array_set_size (self->level_groups, 0);

  for (guint i = 0; i < self->removed_rows->len; i++)
    adw_preferences_group_remove (self->removed_group, g_ptr_array_index (self->removed_rows, i));
  g_ptr_array_set_size (self->removed_rows, 0);
}

static void
update_header (IvcScorecardView *self)
{
  IvcScorecard *scorecard = self->scorecard;
  IvcRecommendation recommendation = ivc_scorecard_get_recommendation (scorecard);
  const char *name = ivc_scorecard_get_candidate_name (scorecard);
  const char *summary = ivc_scorecard_get_summary (scorecard);
  const char *recommendation_classes[] = { "recommendation",
                                           ivc_recommendation_get_nick (recommendation),
                                           NULL };
  g_autofree char *details = dup_details (scorecard);
  g_autofree char *coverage = NULL;
  g_autofree char *average = format_average (ivc_scorecard_get_average (scorecard));
  g_autofree char *red_flags = g_strdup_printf ("%u", ivc_scorecard_get_n_red_flags (scorecard));
  g_autofree char *duration = ivc_format_duration (ivc_scorecard_get_interview_seconds (scorecard));

  /* Translators: how many questions were scored, such as “7 of 24”. */
  coverage = g_strdup_printf (_("%u of %u"),
                              ivc_scorecard_get_n_scored (scorecard),
                              ivc_scorecard_get_n_questions (scorecard));

  gtk_label_set_text (self->name_label, name && *name ? name : _("Unnamed Candidate"));
  gtk_label_set_text (self->details_label, details);
  gtk_widget_set_visible (GTK_WIDGET (self->details_label), *details != '\0');
  gtk_label_set_text (self->recommendation_label, ivc_recommendation_get_label (recommendation));
  gtk_widget_set_css_classes (GTK_WIDGET (self->recommendation_label), recommendation_classes);
  gtk_label_set_text (self->coverage_label, coverage);
  gtk_label_set_text (self->average_label, average);
  gtk_label_set_text (self->red_flags_label, red_flags);
  gtk_label_set_text (self->time_label, duration);

  if (summary != NULL && *summary)
    {
      gtk_label_set_text (self->summary_label, summary);
      gtk_widget_remove_css_class (GTK_WIDGET (self->summary_label), "dim-label");
    }
  else
    {
      gtk_label_set_text (self->summary_label, _("No summary written yet."));
      gtk_widget_add_css_class (GTK_WIDGET (self->summary_label), "dim-label");
    }

  gtk_widget_set_visible (self->nothing_scored_label, ivc_scorecard_get_n_scored (scorecard) == 0);
}

static void
update_levels (IvcScorecardView *self)
{
  IvcScorecard *scorecard = self->scorecard;
  guint n_levels = ivc_scorecard_get_n_levels (scorecard);
  guint n_removed = ivc_scorecard_get_n_removed (scorecard);

  for (guint i = 0; i < n_levels; i++)
    {
      GtkWidget *group = new_level_group (ivc_scorecard_get_level (scorecard, i));

      gtk_box_append (self->levels_box, group);
      g_ptr_array_add (self->level_groups, group);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->levels_box), n_levels > 0);

  for (guint i = 0; i < n_removed; i++)
    {
      GtkWidget *row = new_entry_row (ivc_scorecard_get_removed (scorecard, i));

      adw_preferences_group_add (self->removed_group, row);
      g_ptr_array_add (self->removed_rows, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->removed_group), n_removed > 0);

  /* Without its bank, every note is listed here, and the title says why. */
  if (ivc_scorecard_get_bank (scorecard) == NULL)
    {
      const char *bank_id = ivc_scorecard_get_bank_id (scorecard);
      g_autofree char *description = NULL;

      if (bank_id != NULL && *bank_id)
        description = g_markup_printf_escaped (_("The question bank “%s” is not available, so the questions are shown by their ids."),
                                               bank_id);
      else
        description = g_strdup (_("The candidate has no question bank, so the questions are shown by their ids."));

      adw_preferences_group_set_title (self->removed_group, _("Evaluated Questions"));
      adw_preferences_group_set_description (self->removed_group, description);
    }
  else
    {
      adw_preferences_group_set_title (self->removed_group, _("No Longer in the Bank"));
      adw_preferences_group_set_description (self->removed_group,
                                             _("These questions were removed from the question bank after the interview. Their scores, red flags and notes are kept."));
    }
}

static void
update (IvcScorecardView *self)
{
  clear_levels (self);

  if (self->scorecard == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  update_header (self);
  update_levels (self);
  gtk_stack_set_visible_child_name (self->stack, "scorecard");
}

static void
ivc_scorecard_view_dispose (GObject *object)
{
  IvcScorecardView *self = (IvcScorecardView *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), IVC_TYPE_SCORECARD_VIEW);
  g_clear_pointer (&self->level_groups, g_ptr_array_unref);
  g_clear_pointer (&self->removed_rows, g_ptr_array_unref);
  g_clear_object (&self->scorecard);

  G_OBJECT_CLASS (ivc_scorecard_view_parent_class)->dispose (object);
}

static void
ivc_scorecard_view_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  IvcScorecardView *self = IVC_SCORECARD_VIEW (object);

  switch (prop_id)
    {
    case PROP_SCORECARD:
      g_value_set_object (value, self->scorecard);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ivc_scorecard_view_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  IvcScorecardView *self = IVC_SCORECARD_VIEW (object);

  switch (prop_id)
    {
    case PROP_SCORECARD:
      ivc_scorecard_view_set_scorecard (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ivc_scorecard_view_class_init (IvcScorecardViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ivc_scorecard_view_dispose;
  object_class->get_property = ivc_scorecard_view_get_property;
  object_class->set_property = ivc_scorecard_view_set_property;

  /**
   * IvcScorecardView:scorecard:
   *
   * The scorecard shown, or %NULL for none. It is a snapshot: to show a
   * candidate's changes, set a new one.
   */
  properties[PROP_SCORECARD] =
    g_param_spec_object ("scorecard", NULL, NULL, IVC_TYPE_SCORECARD,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (IVC_TYPE_SCORE_CHART);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ivc-scorecard-view.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "scorecardview");
  gtk_widget_class_bind_template_child (widget_class, IvcScorecardView, stack);
  gtk_widget_class_bind_template_child (widget_class, IvcScorecardView, scroller);
  gtk_widget_class_bind_template_child (widget_class, IvcScorecardView, name_label);
  gtk_widget_class_bind_template_child (widget_class, IvcScorecardView, details_label);
  gtk_widget_class_bind_template_child (widget_class, IvcScorecardView, recommendation_label);
  gtk_widget_class_bind_template_child (widget_class, IvcScorecardView, coverage_label);
  gtk_widget_class_bind_template_child (widget_class, IvcScorecardView, average_label);
  gtk_widget_class_bind_template_child (widget_class, IvcScorecardView, red_flags_label);
  gtk_widget_class_bind_template_child (widget_class, IvcScorecardView, time_label);
  gtk_widget_class_bind_template_child (widget_class, IvcScorecardView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, IvcScorecardView, nothing_scored_label);
  gtk_widget_class_bind_template_child (widget_class, IvcScorecardView, levels_box);
  gtk_widget_class_bind_template_child (widget_class, IvcScorecardView, legend_box);
  gtk_widget_class_bind_template_child (widget_class, IvcScorecardView, removed_group);
}

static void
ivc_scorecard_view_init (IvcScorecardView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->level_groups = g_ptr_array_new ();
  self->removed_rows = g_ptr_array_new ();

  update (self);
}

GtkWidget *
ivc_scorecard_view_new (void)
{
  return g_object_new (IVC_TYPE_SCORECARD_VIEW, NULL);
}

/**
 * ivc_scorecard_view_get_scorecard:
 *
 * Returns: (transfer none) (nullable): the scorecard shown
 */
IvcScorecard *
ivc_scorecard_view_get_scorecard (IvcScorecardView *self)
{
  g_return_val_if_fail (IVC_IS_SCORECARD_VIEW (self), NULL);

  return self->scorecard;
}

void
ivc_scorecard_view_set_scorecard (IvcScorecardView *self,
                                  IvcScorecard     *scorecard)
{
  g_return_if_fail (IVC_IS_SCORECARD_VIEW (self));
  g_return_if_fail (!scorecard || IVC_IS_SCORECARD (scorecard));

  if (self->scorecard == scorecard)
    return;

  /* A new candidate starts at the top; a new snapshot of the same one
   * keeps the place. */
  if (scorecard == NULL || self->scorecard == NULL ||
      ivc_scorecard_get_candidate (scorecard) != ivc_scorecard_get_candidate (self->scorecard))
    gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);

  g_set_object (&self->scorecard, scorecard);
  update (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCORECARD]);
}
