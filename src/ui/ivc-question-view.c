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
#include "ivc-markdown-blocks.h"
#include "ivc-markdown-view.h"
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
  /* Off screen altogether, reveal buttons too (Ctrl+Shift+H). */
  gboolean         answers_hidden;

  GtkStack        *stack;
  GtkScrolledWindow *scroller;
  GtkLabel        *level_label;
  GtkLabel        *title_label;
  IvcMarkdownView *question_text;
  GtkLabel        *tags_label;
  GtkWidget       *follow_ups_section;
  GtkWidget       *follow_ups_box;
  GtkWidget       *answer_section;
  GtkToggleButton *answer_button;
  GtkStack        *answer_stack;
  IvcMarkdownView *answer_view;
  GtkWidget       *red_flag_section;
  GtkToggleButton *red_flag_button;
  GtkStack        *red_flag_stack;
  IvcMarkdownView *red_flag_view;

  /* A section just revealed, to bring into view once it is laid out. */
  GtkWidget       *scroll_target;
  guint            scroll_tick_id;
  guint            scroll_frames;

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
                GtkWidget       *text,
                gboolean         absent,
                gboolean         revealed,
                const char      *reveal_name,
                const char      *conceal_name)
{
  /* Nothing to conceal: the card says so instead of being empty. */
  gtk_widget_set_visible (GTK_WIDGET (button), !absent);
  if (absent)
    {
      gtk_stack_set_visible_child_full (stack, "absent", GTK_STACK_TRANSITION_TYPE_NONE);
      return;
    }

  gtk_button_set_label (GTK_BUTTON (button), revealed ? _("Conceal") : _("Reveal"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  revealed ? conceal_name : reveal_name,
                                  -1);
  /* Concealing is immediate: no fade that leaves the text on screen. A
   * hidden widget is out of the accessibility tree too, which a page of
   * the stack out of sight is not. */
  if (revealed)
    gtk_widget_set_visible (text, TRUE);
  gtk_stack_set_visible_child_full (stack,
                                    revealed ? "revealed" : "concealed",
                                    revealed ? GTK_STACK_TRANSITION_TYPE_CROSSFADE
                                             : GTK_STACK_TRANSITION_TYPE_NONE);
  if (!revealed)
    gtk_widget_set_visible (text, FALSE);
}

/* Concealed means absent, for a screen reader too: the text is in the
 * views only while revealed, not merely on a stack page out of sight. */
static void
sync_texts (IvcQuestionView *self)
{
  /* The views draw only when the text changes: updating on every reveal
   * and conceal costs nothing while it stays the same. */
  ivc_markdown_view_set_markdown (self->answer_view,
                                  self->question != NULL && self->answer_revealed
                                    ? ivc_question_get_strong_answer (self->question) : NULL);
  ivc_markdown_view_set_markdown (self->red_flag_view,
                                  self->question != NULL && self->red_flag_revealed
                                    ? ivc_question_get_red_flag (self->question) : NULL);
}

static gboolean
has_text (const char *text)
{
  return text != NULL && *text != '\0';
}

static gboolean
answer_absent (IvcQuestionView *self)
{
  return self->question != NULL && !has_text (ivc_question_get_strong_answer (self->question));
}

static gboolean
red_flag_absent (IvcQuestionView *self)
{
  return self->question != NULL && !has_text (ivc_question_get_red_flag (self->question));
}

/* Follow-up questions are asked aloud: shown, never concealed. */
static void
update_follow_ups (IvcQuestionView *self)
{
  const char * const *follow_ups = self->question ? ivc_question_get_follow_ups (self->question) : NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->follow_ups_box)) != NULL)
    gtk_box_remove (GTK_BOX (self->follow_ups_box), child);

  for (guint i = 0; follow_ups && follow_ups[i]; i++)
    {
      GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
      GtkWidget *bullet = g_object_new (GTK_TYPE_LABEL,
                                        "label", "•",
                                        "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                        NULL);
      GtkWidget *text = ivc_markdown_view_new ();

      gtk_widget_set_valign (bullet, GTK_ALIGN_START);
      gtk_widget_set_hexpand (text, TRUE);
      gtk_widget_add_css_class (text, "body");
      ivc_markdown_view_set_markdown (IVC_MARKDOWN_VIEW (text), follow_ups[i]);
      gtk_box_append (GTK_BOX (row), bullet);
      gtk_box_append (GTK_BOX (row), text);
      gtk_box_append (GTK_BOX (self->follow_ups_box), row);
    }

  gtk_widget_set_visible (self->follow_ups_section, follow_ups && follow_ups[0]);
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
  sync_texts (self);
  update_section (self->answer_button, self->answer_stack, GTK_WIDGET (self->answer_view),
                  answer_absent (self), self->answer_revealed,
                  _("Reveal strong answer"), _("Conceal strong answer"));
  ivc_accel_set_tooltip (GTK_WIDGET (self->answer_button),
                         self->answer_revealed ? _("Conceal Strong Answer") : _("Reveal Strong Answer"),
                         ANSWER_ACCEL);
  update_section (self->red_flag_button, self->red_flag_stack, GTK_WIDGET (self->red_flag_view),
                  red_flag_absent (self), self->red_flag_revealed,
                  _("Reveal red flag"), _("Conceal red flag"));
  ivc_accel_set_tooltip (GTK_WIDGET (self->red_flag_button),
                         self->red_flag_revealed ? _("Conceal Red Flag") : _("Reveal Red Flag"),
                         RED_FLAG_ACCEL);
}

/* Scrolls by most of a page, so that a line of context stays in view. */
static void
scroll_page_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  IvcQuestionView *self = IVC_QUESTION_VIEW (widget);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  double page = gtk_adjustment_get_page_size (adjustment);

  if (self->question == NULL)
    return;

  /* The reader's scrolling wins over bringing a section into view. */
  self->scroll_target = NULL;
  gtk_adjustment_set_value (adjustment,
                            gtk_adjustment_get_value (adjustment) +
                            g_variant_get_int32 (parameter) * MAX (page * 0.9, 1));
}

/* Where the section is in the scrolled content; FALSE before layout. */
static gboolean
section_extent (IvcQuestionView *self,
                GtkWidget       *section,
                double          *top,
                double          *bottom)
{
  GtkWidget *viewport = gtk_scrolled_window_get_child (self->scroller);
  GtkWidget *content = viewport ? gtk_widget_get_first_child (viewport) : NULL;
  graphene_rect_t bounds;

  if (content == NULL || !gtk_widget_compute_bounds (section, content, &bounds))
    return FALSE;

  *top = bounds.origin.y;
  *bottom = bounds.origin.y + bounds.size.height;
  return bounds.size.height > 0;
}

/* The revealed text is laid out over the next frames (and the scrolled
 * range grows with it): the section is brought into view on each of a few
 * frames, which moves nothing once it is in view. */
#define SCROLL_FRAMES 4

static gboolean
scroll_tick_cb (GtkWidget     *widget,
                GdkFrameClock *frame_clock,
                gpointer       user_data)
{
  IvcQuestionView *self = IVC_QUESTION_VIEW (widget);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  double top, bottom;

  if (self->scroll_target != NULL && section_extent (self, self->scroll_target, &top, &bottom))
    {
      double value = gtk_adjustment_get_value (adjustment);
      double page = gtk_adjustment_get_page_size (adjustment);
      const double margin = 12;

      /* All of it if it fits, else its top. */
      if (bottom + margin > value + page)
        value = MIN (top - margin, bottom + margin - page);
      if (top - margin < value)
        value = top - margin;
      gtk_adjustment_set_value (adjustment, value);
    }

  if (++self->scroll_frames < SCROLL_FRAMES)
    return G_SOURCE_CONTINUE;

  self->scroll_target = NULL;
  self->scroll_tick_id = 0;
  return G_SOURCE_REMOVE;
}

static void
scroll_into_view (IvcQuestionView *self,
                  GtkWidget       *section)
{
  self->scroll_target = section;
  self->scroll_frames = 0;
  if (self->scroll_tick_id == 0)
    self->scroll_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), scroll_tick_cb, NULL, NULL);
}

static void
ivc_question_view_dispose (GObject *object)
{
  IvcQuestionView *self = (IvcQuestionView *)object;

  if (self->scroll_tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->scroll_tick_id);
      self->scroll_tick_id = 0;
    }
  self->scroll_target = NULL;
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
  gtk_widget_class_bind_template_child (widget_class, IvcQuestionView, title_label);
  gtk_widget_class_bind_template_child (widget_class, IvcQuestionView, question_text);
  gtk_widget_class_bind_template_child (widget_class, IvcQuestionView, tags_label);
  gtk_widget_class_bind_template_child (widget_class, IvcQuestionView, follow_ups_section);
  gtk_widget_class_bind_template_child (widget_class, IvcQuestionView, follow_ups_box);
  gtk_widget_class_bind_template_child (widget_class, IvcQuestionView, answer_section);
  gtk_widget_class_bind_template_child (widget_class, IvcQuestionView, answer_button);
  gtk_widget_class_bind_template_child (widget_class, IvcQuestionView, answer_stack);
  gtk_widget_class_bind_template_child (widget_class, IvcQuestionView, answer_view);
  gtk_widget_class_bind_template_child (widget_class, IvcQuestionView, red_flag_section);
  gtk_widget_class_bind_template_child (widget_class, IvcQuestionView, red_flag_button);
  gtk_widget_class_bind_template_child (widget_class, IvcQuestionView, red_flag_stack);
  gtk_widget_class_bind_template_child (widget_class, IvcQuestionView, red_flag_view);

  gtk_widget_class_install_property_action (widget_class, "question.toggle-answer", "answer-revealed");
  gtk_widget_class_install_property_action (widget_class, "question.toggle-red-flag", "red-flag-revealed");
  gtk_widget_class_install_action (widget_class, "question.scroll-page", "i", scroll_page_action);

  g_type_ensure (IVC_TYPE_MARKDOWN_VIEW);
}

static void
add_scroll_shortcut (GtkEventController *controller,
                     guint               key,
                     GdkModifierType     modifiers,
                     int                 pages)
{
  GtkShortcut *shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (key, modifiers),
                                            gtk_named_action_new ("question.scroll-page"));

  gtk_shortcut_set_arguments (shortcut, g_variant_new_int32 (pages));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), shortcut);
}

static void
ivc_question_view_init (IvcQuestionView *self)
{
  GtkEventController *local;
  GtkEventController *global;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->settings = g_settings_new (APP_ID);
  g_signal_connect_object (self->settings, "changed::reveal-while-held",
                           G_CALLBACK (set_shortcut_texts), self, G_CONNECT_SWAPPED);
  set_shortcut_texts (self);

  /* Page Up and Page Down scroll the question when the focus is in it
   * (before a text view moves its hidden cursor); with Alt they scroll it
   * from anywhere in the window, the question list included. Neither
   * selects text. */
  local = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (local, GTK_PHASE_CAPTURE);
  add_scroll_shortcut (local, GDK_KEY_Page_Up, 0, -1);
  add_scroll_shortcut (local, GDK_KEY_Page_Down, 0, 1);
  add_scroll_shortcut (local, GDK_KEY_KP_Page_Up, 0, -1);
  add_scroll_shortcut (local, GDK_KEY_KP_Page_Down, 0, 1);
  gtk_widget_add_controller (GTK_WIDGET (self), local);

  global = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (global), GTK_SHORTCUT_SCOPE_GLOBAL);
  add_scroll_shortcut (global, GDK_KEY_Page_Up, GDK_ALT_MASK, -1);
  add_scroll_shortcut (global, GDK_KEY_Page_Down, GDK_ALT_MASK, 1);
  add_scroll_shortcut (global, GDK_KEY_KP_Page_Up, GDK_ALT_MASK, -1);
  add_scroll_shortcut (global, GDK_KEY_KP_Page_Down, GDK_ALT_MASK, 1);
  gtk_widget_add_controller (GTK_WIDGET (self), global);

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
  sync_texts (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "question.toggle-answer",
                                 question != NULL && !answer_absent (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "question.toggle-red-flag",
                                 question != NULL && !red_flag_absent (self));

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
      {
        const char *title = ivc_question_get_title (question);
        g_autofree char *title_text = title ? ivc_markdown_dup_summary (title) : NULL;

        /* With a title, the title is the heading and the question its
         * text; without, the question is the heading, as before. */
        gtk_label_set_text (self->title_label, title_text ? title_text : "");
        gtk_widget_set_visible (GTK_WIDGET (self->title_label), title_text != NULL);
        if (title_text != NULL)
          {
            gtk_widget_remove_css_class (GTK_WIDGET (self->question_text), "title-2");
            gtk_widget_add_css_class (GTK_WIDGET (self->question_text), "question-text");
          }
        else
          {
            gtk_widget_remove_css_class (GTK_WIDGET (self->question_text), "question-text");
            gtk_widget_add_css_class (GTK_WIDGET (self->question_text), "title-2");
          }
        ivc_markdown_view_set_markdown (self->question_text, ivc_question_get_question (question));
      }
      update_follow_ups (self);
      gtk_label_set_text (self->tags_label, tags);
      gtk_widget_set_visible (GTK_WIDGET (self->tags_label), *tags != '\0');

      /* A new question starts at its top. */
      gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
      gtk_stack_set_visible_child_name (self->stack, "question");
    }
  else
    {
      update_follow_ups (self);
      gtk_stack_set_visible_child_name (self->stack, "empty");
    }

  ivc_question_view_update (self);

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

  revealed = !!revealed && self->question != NULL && !answer_absent (self) && !self->answers_hidden;
  if (self->answer_revealed == revealed)
    return;

  self->answer_revealed = revealed;
  ivc_question_view_update (self);
  if (revealed)
    scroll_into_view (self, self->answer_section);
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

  revealed = !!revealed && self->question != NULL && !red_flag_absent (self) && !self->answers_hidden;
  if (self->red_flag_revealed == revealed)
    return;

  self->red_flag_revealed = revealed;
  ivc_question_view_update (self);
  if (revealed)
    scroll_into_view (self, self->red_flag_section);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RED_FLAG_REVEALED]);
}

void
ivc_question_view_conceal (IvcQuestionView *self)
{
  g_return_if_fail (IVC_IS_QUESTION_VIEW (self));

  ivc_question_view_set_answer_revealed (self, FALSE);
  ivc_question_view_set_red_flag_revealed (self, FALSE);
}

/**
 * ivc_question_view_set_answers_hidden:
 * @hidden: whether the strong answer and the red flag are off screen
 *
 * Conceals both and takes their sections off screen, reveal buttons too,
 * until shown again; nothing can be revealed meanwhile.
 */
void
ivc_question_view_set_answers_hidden (IvcQuestionView *self,
                                      gboolean         hidden)
{
  g_return_if_fail (IVC_IS_QUESTION_VIEW (self));

  hidden = !!hidden;
  if (self->answers_hidden == hidden)
    return;

  self->answers_hidden = hidden;
  ivc_question_view_conceal (self);
  gtk_widget_set_visible (self->answer_section, !hidden);
  gtk_widget_set_visible (self->red_flag_section, !hidden);
}
