/* ivc-sidebar-row.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A row of the main window's question list, with the current candidate's
 * score, red flag and place in the plan beside each question.
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

/* A row of the question list: either a level's heading or a question. */
struct _IvcSidebarRow
{
  GtkWidget  parent_instance;

  GObject      *item;
  IvcCandidate *candidate;
  gboolean      evaluation_hidden;
  /* Follows self->candidate: its target is set with it. */
  GSignalGroup *candidate_signals;

  GtkStack  *stack;
  GtkLabel  *level_title;
  GtkLabel  *level_subtitle;
  GtkLabel  *question_label;
  GtkLabel  *match_label;
  GtkWidget *red_flag_icon;
  GtkLabel  *score_label;
  GtkLabel  *plan_label;
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
      g_string_append (label, gtk_label_get_text (self->question_label));
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

  if (self->candidate != NULL && IVC_IS_QUESTION (self->item))
    evaluation = ivc_candidate_get_evaluation (self->candidate,
                                               ivc_question_get_id (IVC_QUESTION (self->item)));
  /* Hidden from view (Ctrl+Shift+H): no score and no red flag shows. */
  if (evaluation != NULL && !self->evaluation_hidden)
    {
      score = ivc_evaluation_get_score (evaluation);
      red_flag = ivc_evaluation_get_red_flag_observed (evaluation);
    }

  if (score != IVC_SCORE_NONE)
    {
      g_autofree char *text = g_strdup_printf ("%d", (int)score);
      g_autofree char *tooltip = g_strdup_printf (_("Scored %d, %s"), (int)score, ivc_score_get_label (score));

      gtk_label_set_text (self->score_label, text);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->score_label), tooltip);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->score_label), score != IVC_SCORE_NONE);

  /* Its place in the interview plan. */
  if (self->candidate != NULL && IVC_IS_QUESTION (self->item))
    plan_position = ivc_candidate_get_plan_position (self->candidate,
                                                     ivc_question_get_id (IVC_QUESTION (self->item)));
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

  /* With a plan, every question keeps the number's room, so that their
   * titles line up. */
  gtk_widget_set_visible (GTK_WIDGET (self->plan_label),
                          self->candidate != NULL && IVC_IS_QUESTION (self->item) &&
                          ivc_candidate_get_plan (self->candidate)[0] != NULL);
  gtk_widget_set_visible (self->red_flag_icon, red_flag);

  update_accessible_label (self, score, red_flag, plan_position);
}

static void
ivc_sidebar_row_dispose (GObject *object)
{
  IvcSidebarRow *self = (IvcSidebarRow *)object;

  if (self->candidate_signals != NULL)
    g_signal_group_set_target (self->candidate_signals, NULL);
  g_clear_object (&self->candidate_signals);
  g_clear_object (&self->candidate);

  gtk_widget_dispose_template (GTK_WIDGET (self), IVC_TYPE_SIDEBAR_ROW);
  g_clear_object (&self->item);

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

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ivc-sidebar-row.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "sidebarrow");
  gtk_widget_class_bind_template_child (widget_class, IvcSidebarRow, stack);
  gtk_widget_class_bind_template_child (widget_class, IvcSidebarRow, level_title);
  gtk_widget_class_bind_template_child (widget_class, IvcSidebarRow, level_subtitle);
  gtk_widget_class_bind_template_child (widget_class, IvcSidebarRow, question_label);
  gtk_widget_class_bind_template_child (widget_class, IvcSidebarRow, match_label);
  gtk_widget_class_bind_template_child (widget_class, IvcSidebarRow, red_flag_icon);
  gtk_widget_class_bind_template_child (widget_class, IvcSidebarRow, score_label);
  gtk_widget_class_bind_template_child (widget_class, IvcSidebarRow, plan_label);
}

static void
ivc_sidebar_row_init (IvcSidebarRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

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

  gtk_widget_remove_css_class (GTK_WIDGET (self), "level");

  if (IVC_IS_LEVEL (item))
    {
      IvcLevel *level = IVC_LEVEL (item);
      g_autofree char *subtitle = ivc_level_dup_subtitle (level);

      gtk_label_set_text (self->level_title, ivc_level_get_title (level));
      gtk_label_set_text (self->level_subtitle, subtitle);
      gtk_widget_set_visible (GTK_WIDGET (self->level_subtitle), *subtitle != '\0');
      gtk_stack_set_visible_child_name (self->stack, "level");
      gtk_widget_add_css_class (GTK_WIDGET (self), "level");
    }
  else if (IVC_IS_QUESTION (item))
    {
      IvcQuestion *question = IVC_QUESTION (item);
      const char *title = ivc_question_get_title (question);
      /* The bank's short label, else the first paragraph as plain text:
       * a long question does not fill the list. */
      g_autofree char *label = ivc_markdown_dup_summary (title ? title : ivc_question_get_question (question));

      gtk_label_set_text (self->question_label, label);
      gtk_stack_set_visible_child_name (self->stack, "question");
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
