/* ivc-question-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * IvcQuestionView: the detail pane: the question, and its strong answer and
 * red flag, each concealed until revealed.
 */

#define G_LOG_DOMAIN "ivc-question-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "ivc-accel.h"
#include "ivc-level.h"
#include "ivc-question-view.h"

/* The detail pane. The strong answer and the red flag stay concealed until
 * asked for, each on its own, because the screen may be shared by accident
 * during a call; showing another question conceals them again. */
/* The window's shortcuts (ivc-window-actions.c) that these texts name. */
#define NEXT_QUESTION_ACCEL "<Alt>Down"
#define ANSWER_ACCEL        "<Alt>a"
#define RED_FLAG_ACCEL      "<Alt>r"

struct _IvcQuestionView
{
  GtkWidget        parent_instance;

  IvcQuestion     *question;
  gboolean         answer_revealed;
  gboolean         red_flag_revealed;

  GtkStack        *stack;
  GtkScrolledWindow *scroller;
  GtkLabel        *level_label;
  GtkLabel        *question_label;
  GtkLabel        *tags_label;
  GtkToggleButton *answer_button;
  GtkStack        *answer_stack;
  GtkLabel        *answer_label;
  GtkToggleButton *red_flag_button;
  GtkStack        *red_flag_stack;
  GtkLabel        *red_flag_label;

  GSettings       *settings;
};

G_DEFINE_FINAL_TYPE (IvcQuestionView, ivc_question_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_QUESTION,
  PROP_ANSWER_REVEALED,
  PROP_RED_FLAG_REVEALED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_section (GtkToggleButton *button,
                GtkStack        *stack,
                gboolean         revealed,
                const char      *reveal_name,
                const char      *conceal_name)
{
  gtk_button_set_label (GTK_BUTTON (button), revealed ? _("Conceal") : _("Reveal"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  revealed ? conceal_name : reveal_name,
                                  -1);
  /* Concealing is immediate: no fade that leaves the text on screen. */
  gtk_stack_set_visible_child_full (stack,
                                    revealed ? "revealed" : "concealed",
                                    revealed ? GTK_STACK_TRANSITION_TYPE_CROSSFADE
                                             : GTK_STACK_TRANSITION_TYPE_NONE);
}

/* Texts that name a shortcut, as the user's keyboard and language write it. */
static void
set_shortcut_texts (IvcQuestionView *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  g_autofree char *next = ivc_accel_get_label (NEXT_QUESTION_ACCEL);
  g_autofree char *answer = ivc_accel_get_label (ANSWER_ACCEL);
  g_autofree char *red_flag = ivc_accel_get_label (RED_FLAG_ACCEL);
  g_autofree char *description = NULL;
  g_autofree char *answer_concealed = NULL;
  g_autofree char *red_flag_concealed = NULL;

  /* Translators: %s is a keyboard shortcut, such as “Alt+↓”. */
  description = g_strdup_printf (_("Choose a question from the list, or press %s to go to the next one"), next);
  /* With "Reveal Only While Held", the keys are held, not pressed. */
  if (self->settings != NULL && g_settings_get_boolean (self->settings, "reveal-while-held"))
    {
      /* Translators: %s is a keyboard shortcut, such as “Alt+A”, held down;
       * “Reveal” is the button beside this text. */
      answer_concealed = g_strdup_printf (_("Concealed. Hold %s to show what a strong answer covers, or press Reveal."),
                                          answer);
      /* Translators: %s is a keyboard shortcut, such as “Alt+R”, held down;
       * “Reveal” is the button beside this text. */
      red_flag_concealed = g_strdup_printf (_("Concealed. Hold %s to show the warning sign to listen for, or press Reveal."),
                                            red_flag);
    }
  else
    {
      /* Translators: %s is a keyboard shortcut, such as “Alt+A”; “Reveal” is
       * the button beside this text. */
      answer_concealed = g_strdup_printf (_("Concealed. Press %s or Reveal to show what a strong answer covers."),
                                          answer);
      /* Translators: %s is a keyboard shortcut, such as “Alt+R”; “Reveal” is
       * the button beside this text. */
      red_flag_concealed = g_strdup_printf (_("Concealed. Press %s or Reveal to show the warning sign to listen for."),
                                            red_flag);
    }

  adw_status_page_set_description (ADW_STATUS_PAGE (gtk_widget_get_template_child (widget, IVC_TYPE_QUESTION_VIEW,
                                                                                   "empty_page")),
                                   description);
  gtk_label_set_text (GTK_LABEL (gtk_widget_get_template_child (widget, IVC_TYPE_QUESTION_VIEW,
                                                                "answer_concealed_label")),
                      answer_concealed);
  gtk_label_set_text (GTK_LABEL (gtk_widget_get_template_child (widget, IVC_TYPE_QUESTION_VIEW,
                                                                "red_flag_concealed_label")),
                      red_flag_concealed);
}

static void
ivc_question_view_update (IvcQuestionView *self)
{
  update_section (self->answer_button, self->answer_stack, self->answer_revealed,
                  _("Reveal strong answer"), _("Conceal strong answer"));
  ivc_accel_set_tooltip (GTK_WIDGET (self->answer_button),
                         self->answer_revealed ? _("Conceal Strong Answer") : _("Reveal Strong Answer"),
                         ANSWER_ACCEL);
  update_section (self->red_flag_button, self->red_flag_stack, self->red_flag_revealed,
                  _("Reveal red flag"), _("Conceal red flag"));
  ivc_accel_set_tooltip (GTK_WIDGET (self->red_flag_button),
                         self->red_flag_revealed ? _("Conceal Red Flag") : _("Reveal Red Flag"),
                         RED_FLAG_ACCEL);
}

static void
ivc_question_view_dispose (GObject *object)
{
  IvcQuestionView *self = (IvcQuestionView *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), IVC_TYPE_QUESTION_VIEW);
  g_clear_object (&self->question);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (ivc_question_view_parent_class)->dispose (object);
}

static void
ivc_question_view_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  IvcQuestionView *self = IVC_QUESTION_VIEW (object);

  switch (prop_id)
    {
    case PROP_QUESTION:
      g_value_set_object (value, self->question);
      break;

    case PROP_ANSWER_REVEALED:
      g_value_set_boolean (value, self->answer_revealed);
      break;

    case PROP_RED_FLAG_REVEALED:
      g_value_set_boolean (value, self->red_flag_revealed);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ivc_question_view_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  IvcQuestionView *self = IVC_QUESTION_VIEW (object);

  switch (prop_id)
    {
    case PROP_QUESTION:
      ivc_question_view_set_question (self, g_value_get_object (value));
      break;

    case PROP_ANSWER_REVEALED:
      ivc_question_view_set_answer_revealed (self, g_value_get_boolean (value));
      break;

    case PROP_RED_FLAG_REVEALED:
      ivc_question_view_set_red_flag_revealed (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ivc_question_view_class_init (IvcQuestionViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ivc_question_view_dispose;
  object_class->get_property = ivc_question_view_get_property;
  object_class->set_property = ivc_question_view_set_property;

  properties[PROP_QUESTION] =
    g_param_spec_object ("question", NULL, NULL, IVC_TYPE_QUESTION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ANSWER_REVEALED] =
    g_param_spec_boolean ("answer-revealed", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RED_FLAG_REVEALED] =
    g_param_spec_boolean ("red-flag-revealed", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ivc-question-view.ui");
  /* Only looked up, by set_shortcut_texts(). */
  gtk_widget_class_bind_template_child_full (widget_class, "empty_page", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "answer_concealed_label", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "red_flag_concealed_label", FALSE, 0);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "questionview");
  gtk_widget_class_bind_template_child (widget_class, IvcQuestionView, stack);
  gtk_widget_class_bind_template_child (widget_class, IvcQuestionView, scroller);
  gtk_widget_class_bind_template_child (widget_class, IvcQuestionView, level_label);
  gtk_widget_class_bind_template_child (widget_class, IvcQuestionView, question_label);
  gtk_widget_class_bind_template_child (widget_class, IvcQuestionView, tags_label);
  gtk_widget_class_bind_template_child (widget_class, IvcQuestionView, answer_button);
  gtk_widget_class_bind_template_child (widget_class, IvcQuestionView, answer_stack);
  gtk_widget_class_bind_template_child (widget_class, IvcQuestionView, answer_label);
  gtk_widget_class_bind_template_child (widget_class, IvcQuestionView, red_flag_button);
  gtk_widget_class_bind_template_child (widget_class, IvcQuestionView, red_flag_stack);
  gtk_widget_class_bind_template_child (widget_class, IvcQuestionView, red_flag_label);

  gtk_widget_class_install_property_action (widget_class, "question.toggle-answer", "answer-revealed");
  gtk_widget_class_install_property_action (widget_class, "question.toggle-red-flag", "red-flag-revealed");
}

static void
ivc_question_view_init (IvcQuestionView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->settings = g_settings_new (APP_ID);
  g_signal_connect_object (self->settings, "changed::reveal-while-held",
                           G_CALLBACK (set_shortcut_texts), self, G_CONNECT_SWAPPED);
  set_shortcut_texts (self);
  ivc_question_view_update (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "question.toggle-answer", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "question.toggle-red-flag", FALSE);
}

/**
 * ivc_question_view_get_question:
 *
 * Returns: (transfer none) (nullable): the question shown
 */
IvcQuestion *
ivc_question_view_get_question (IvcQuestionView *self)
{
  g_return_val_if_fail (IVC_IS_QUESTION_VIEW (self), NULL);

  return self->question;
}

void
ivc_question_view_set_question (IvcQuestionView *self,
                                IvcQuestion     *question)
{
  g_return_if_fail (IVC_IS_QUESTION_VIEW (self));
  g_return_if_fail (!question || IVC_IS_QUESTION (question));

  if (!g_set_object (&self->question, question))
    return;

  /* Another question: nothing stays on screen from the last one. */
  ivc_question_view_conceal (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "question.toggle-answer", question != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "question.toggle-red-flag", question != NULL);

  if (question != NULL)
    {
      IvcLevel *level = ivc_question_get_level (question);
      g_autofree char *tags = ivc_question_dup_tags_label (question);
      g_autofree char *level_text = NULL;

      if (level != NULL)
        {
          g_autofree char *subtitle = ivc_level_dup_subtitle (level);

          level_text = *subtitle
            /* Translators: a level and its experience, e.g. "Junior · 0–2 years · Fundamentals" */
            ? g_strdup_printf (_("%s · %s"), ivc_level_get_title (level), subtitle)
            : g_strdup (ivc_level_get_title (level));
        }

      gtk_label_set_text (self->level_label, level_text ? level_text : "");
      gtk_widget_set_visible (GTK_WIDGET (self->level_label), level_text != NULL);
      gtk_label_set_text (self->question_label, ivc_question_get_question (question));
      gtk_label_set_text (self->tags_label, tags);
      gtk_widget_set_visible (GTK_WIDGET (self->tags_label), *tags != '\0');
      gtk_label_set_text (self->answer_label, ivc_question_get_strong_answer (question));
      gtk_label_set_text (self->red_flag_label, ivc_question_get_red_flag (question));

      /* A new question starts at its top. */
      gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
      gtk_stack_set_visible_child_name (self->stack, "question");
    }
  else
    {
      gtk_label_set_text (self->answer_label, "");
      gtk_label_set_text (self->red_flag_label, "");
      gtk_stack_set_visible_child_name (self->stack, "empty");
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUESTION]);
}

gboolean
ivc_question_view_get_answer_revealed (IvcQuestionView *self)
{
  g_return_val_if_fail (IVC_IS_QUESTION_VIEW (self), FALSE);

  return self->answer_revealed;
}

void
ivc_question_view_set_answer_revealed (IvcQuestionView *self,
                                       gboolean         revealed)
{
  g_return_if_fail (IVC_IS_QUESTION_VIEW (self));

  revealed = !!revealed && self->question != NULL;
  if (self->answer_revealed == revealed)
    return;

  self->answer_revealed = revealed;
  ivc_question_view_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ANSWER_REVEALED]);
}

gboolean
ivc_question_view_get_red_flag_revealed (IvcQuestionView *self)
{
  g_return_val_if_fail (IVC_IS_QUESTION_VIEW (self), FALSE);

  return self->red_flag_revealed;
}

void
ivc_question_view_set_red_flag_revealed (IvcQuestionView *self,
                                         gboolean         revealed)
{
  g_return_if_fail (IVC_IS_QUESTION_VIEW (self));

  revealed = !!revealed && self->question != NULL;
  if (self->red_flag_revealed == revealed)
    return;

  self->red_flag_revealed = revealed;
  ivc_question_view_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RED_FLAG_REVEALED]);
}

void
ivc_question_view_conceal (IvcQuestionView *self)
{
  g_return_if_fail (IVC_IS_QUESTION_VIEW (self));

  ivc_question_view_set_answer_revealed (self, FALSE);
  ivc_question_view_set_red_flag_revealed (self, FALSE);
}
