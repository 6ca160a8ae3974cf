/* ivc-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The main window: its template and properties, the question on screen,
 * the interview timer, and closing with nothing typed lost. Its actions
 * are in ivc-window-actions.c, its banks in ivc-window-banks.c and its
 * candidates in ivc-window-candidates.c.
 */

#define G_LOG_DOMAIN "ivc-window"

#include "config.h"

#include <glib/gi18n.h>

#include "ivc-accel.h"
#include "ivc-accessible.h"
#include "ivc-export.h"
#include "ivc-alert.h"
#include "ivc-level.h"
#include "ivc-menu-button.h"
#include "ivc-question-view.h"
#include "ivc-settings.h"
#include "ivc-text.h"
#include "ivc-window-private.h"

G_DEFINE_FINAL_TYPE (IvcWindow, ivc_window, ADW_TYPE_APPLICATION_WINDOW)

static GParamSpec *properties[IVC_WINDOW_N_PROPS];

void
_ivc_window_notify (IvcWindow         *self,
                    IvcWindowProperty  prop)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

/* In a folded window the question is on a page of its own: go there when
 * the interviewer moves or reveals from the list. */
void
_ivc_window_show_question_page (IvcWindow *self)
{
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->content);

  /* A narrow window's notes panel lies over the question: it gives way.
   * Not before the window is on screen, when nothing is folded yet. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)) && adw_flap_get_folded (self->flap))
    g_object_set (self, "side-panel-visible", FALSE, NULL);
}

void
_ivc_window_update_content_title (IvcWindow *self)
{
  IvcQuestion *question = ivc_question_view_get_question (self->question_view);
  IvcLevel *level = question ? ivc_question_get_level (question) : NULL;

  if (level != NULL)
    {
      GListModel *questions = ivc_level_get_questions (level);
      guint n = g_list_model_get_n_items (questions);
      g_autofree char *subtitle = NULL;
      guint index_ = 0;

      while (index_ < n)
        {
          g_autoptr(IvcQuestion) other = g_list_model_get_item (questions, index_);
          if (other == question)
            break;
          index_++;
        }

      if (self->candidate != NULL && ivc_question_list_get_plan_mode (self->question_list) &&
          ivc_candidate_get_plan_position (self->candidate, ivc_question_get_id (question)) >= 0)
        {
          guint n_planned = ivc_question_list_get_n_planned (self->question_list);
          guint position = ivc_question_list_find_position (self->question_list, question);

          /* Translators: the title bar in plan order: "Junior · 2 of 5 in the plan" */
          subtitle = g_strdup_printf (_("%s · %u of %u in the plan"), ivc_level_get_title (level),
                                      position != GTK_INVALID_LIST_POSITION ? position + 1 : 0, n_planned);
          adw_window_title_set_title (self->content_title, ivc_candidate_get_name (self->candidate));
        }
      else if (self->candidate != NULL)
        {
          /* Translators: the candidate's title bar: "Junior · question 3 of 8" */
          subtitle = g_strdup_printf (_("%s · question %u of %u"), ivc_level_get_title (level), index_ + 1, n);
          adw_window_title_set_title (self->content_title, ivc_candidate_get_name (self->candidate));
        }
      else
        {
          /* Translators: "Question 3 of 8" within a level */
          subtitle = g_strdup_printf (_("Question %u of %u"), index_ + 1, n);
          adw_window_title_set_title (self->content_title, ivc_level_get_title (level));
        }
      adw_window_title_set_subtitle (self->content_title, subtitle);
    }
  else
    {
      adw_window_title_set_title (self->content_title, "");
      adw_window_title_set_subtitle (self->content_title, "");
    }
}

static void
on_question_changed_cb (IvcWindow *self)
{
  IvcQuestion *question = ivc_question_view_get_question (self->question_view);

  _ivc_window_update_content_title (self);
  ivc_candidate_panel_set_question (self->candidate_panel, question);
  /* Time on a question is the candidate's only with their own bank. */
  ivc_interview_timer_set_question_id (self->timer,
                                       question && _ivc_window_candidate_in_bank (self)
                                       ? ivc_question_get_id (question) : NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[IVC_WINDOW_PROP_QUESTION_PLANNED]);

  if (question != NULL)
    ivc_settings_set_string (self->settings, "last-question", ivc_question_get_id (question));
}

static void
on_question_selected_cb (IvcWindow       *self,
                         IvcQuestion     *question,
                         gboolean         by_person,
                         IvcQuestionList *list)
{
  ivc_question_view_set_question (self->question_view, question);

  /* Only a person's choice moves a folded window to the question. */
  if (by_person)
    _ivc_window_show_question_page (self);
}

static void
on_question_activated_cb (IvcWindow       *self,
                          IvcQuestion     *question,
                          IvcQuestionList *list)
{
  ivc_question_view_set_question (self->question_view, question);
  _ivc_window_show_question_page (self);
}

static void
on_plan_mode_changed_cb (IvcWindow *self)
{
  _ivc_window_update_content_title (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[IVC_WINDOW_PROP_PLAN_MODE]);
}

/*
 * The interview timer.
 */

void
_ivc_window_update_timer (IvcWindow *self)
{
  guint64 elapsed = ivc_interview_timer_get_elapsed (self->timer);
  gboolean running = ivc_interview_timer_get_running (self->timer);
  g_autofree char *text = ivc_format_duration (elapsed);

  gtk_label_set_text (self->timer_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->timer_icon), !adw_leaflet_get_folded (self->leaflet));
  gtk_image_set_from_icon_name (self->timer_icon,
                                running ? "media-playback-pause-symbolic" : "media-playback-start-symbolic");
  ivc_accel_set_tooltip (GTK_WIDGET (self->timer_button),
                         running ? _("Pause Interview Timer") : _("Start Interview Timer"),
                         "<Control>t");
}

static void
on_timer_running_changed_cb (IvcWindow *self)
{
  _ivc_window_update_timer (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[IVC_WINDOW_PROP_TIMER_RUNNING]);
}

static void
on_text_zoom_changed_cb (IvcWindow *self)
{
  _ivc_window_apply_text_zoom (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[IVC_WINDOW_PROP_TEXT_ZOOM]);
}

/*
 * Closing: nothing typed is lost.
 */

static gboolean
ivc_window_close_request (GtkWindow *window)
{
  IvcWindow *self = IVC_WINDOW (window);
  g_autoptr(GError) error = NULL;
  int width, height;

  /* The time counted so far belongs in the file too. */
  ivc_interview_timer_commit (self->timer);

  /* Nothing typed is lost: write it now, and if that fails, say so and
   * offer to put it somewhere else (ivc-window-unsaved.c). */
  if (self->store != NULL && !self->closing_anyway && !ivc_candidate_store_flush (self->store, &error))
    {
      _ivc_window_ask_unsaved (self, error);
      return TRUE;
    }

  gtk_window_get_default_size (window, &width, &height);
  g_settings_delay (self->settings);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
  g_settings_apply (self->settings);

  return GTK_WINDOW_CLASS (ivc_window_parent_class)->close_request (window);
}

/* Back to a wide window: the panel as the interviewer left it there. */
static void
on_flap_folded_cb (IvcWindow *self)
{
  if (!adw_flap_get_folded (self->flap))
    g_object_set (self, "side-panel-visible",
                  g_settings_get_boolean (self->settings, "side-panel-visible"), NULL);
}

static void
ivc_window_constructed (GObject *object)
{
  IvcWindow *self = (IvcWindow *)object;

  G_OBJECT_CLASS (ivc_window_parent_class)->constructed (object);

  self->settings = g_settings_new (APP_ID);

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  /* Remembered as the interviewer leaves it in a wide window; a narrow
   * window hides the panel by itself, and that is not a choice. */
  g_object_set (self, "side-panel-visible",
                g_settings_get_boolean (self->settings, "side-panel-visible"), NULL);
  g_signal_connect_object (self->flap, "notify::folded", G_CALLBACK (on_flap_folded_cb),
                           self, G_CONNECT_SWAPPED);

  g_signal_connect_object (self->settings, "changed::text-zoom", G_CALLBACK (on_text_zoom_changed_cb),
                           self, G_CONNECT_SWAPPED);
  _ivc_window_apply_text_zoom (self);
  _ivc_window_erase_init (self);
}

static void
ivc_window_dispose (GObject *object)
{
  IvcWindow *self = (IvcWindow *)object;

  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  g_clear_handle_id (&self->layout_idle_id, g_source_remove);

  if (self->scorecards != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (self->scorecards), (gpointer *)&self->scorecards);
      gtk_window_destroy (GTK_WINDOW (g_steal_pointer (&self->scorecards)));
    }

  gtk_widget_dispose_template (GTK_WIDGET (self), IVC_TYPE_WINDOW);

  g_clear_object (&self->timer);
  g_clear_object (&self->candidate_signals);
  g_clear_object (&self->candidate);
  g_clear_object (&self->store_signals);
  g_clear_object (&self->store);
  g_clear_object (&self->library_signals);
  g_clear_object (&self->library);
  g_clear_object (&self->bank_bindings);
  g_clear_object (&self->bank);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->expired, g_ptr_array_unref);

  G_OBJECT_CLASS (ivc_window_parent_class)->dispose (object);
}

static void
ivc_window_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  IvcWindow *self = IVC_WINDOW (object);

  switch (prop_id)
    {
    case IVC_WINDOW_PROP_BANK:
      g_value_set_object (value, self->bank);
      break;

    case IVC_WINDOW_PROP_SIDE_PANEL_VISIBLE:
      g_value_set_boolean (value, self->side_panel_visible);
      break;

    case IVC_WINDOW_PROP_CANDIDATE:
      g_value_set_object (value, self->candidate);
      break;

    case IVC_WINDOW_PROP_PLAN_MODE:
      /* Asked for by the template's buttons before it is complete. */
      g_value_set_boolean (value, self->question_list != NULL &&
                                  ivc_question_list_get_plan_mode (self->question_list));
      break;

    case IVC_WINDOW_PROP_TIMER_RUNNING:
      g_value_set_boolean (value, ivc_interview_timer_get_running (self->timer));
      break;

    case IVC_WINDOW_PROP_TEXT_ZOOM:
      g_value_set_double (value, _ivc_window_get_text_zoom (self));
      break;

    case IVC_WINDOW_PROP_QUESTION_PLANNED:
      g_value_set_boolean (value, _ivc_window_get_question_planned (self));
      break;

    case IVC_WINDOW_PROP_EVALUATION_HIDDEN:
      g_value_set_boolean (value, _ivc_window_get_evaluation_hidden (self));
      break;

    case IVC_WINDOW_PROP_LIST_VISIBLE:
      g_value_set_boolean (value, _ivc_window_get_list_visible (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ivc_window_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  IvcWindow *self = IVC_WINDOW (object);

  switch (prop_id)
    {
    case IVC_WINDOW_PROP_BANK:
      ivc_window_set_bank (self, g_value_get_object (value));
      break;

    case IVC_WINDOW_PROP_SIDE_PANEL_VISIBLE:
      if (self->side_panel_visible != g_value_get_boolean (value))
        {
          self->side_panel_visible = g_value_get_boolean (value);
          if (self->settings != NULL && !adw_flap_get_folded (self->flap))
            ivc_settings_set_boolean (self->settings, "side-panel-visible", self->side_panel_visible);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    case IVC_WINDOW_PROP_PLAN_MODE:
      ivc_question_list_set_plan_mode (self->question_list, g_value_get_boolean (value));
      break;

    case IVC_WINDOW_PROP_TIMER_RUNNING:
      if (g_value_get_boolean (value) && self->candidate == NULL)
        _ivc_window_require_candidate_and_question (self);
      ivc_interview_timer_set_running (self->timer, g_value_get_boolean (value));
      break;

    case IVC_WINDOW_PROP_TEXT_ZOOM:
      _ivc_window_set_text_zoom (self, g_value_get_double (value));
      break;

    case IVC_WINDOW_PROP_QUESTION_PLANNED:
      _ivc_window_set_question_planned (self, g_value_get_boolean (value));
      break;

    case IVC_WINDOW_PROP_EVALUATION_HIDDEN:
      _ivc_window_set_evaluation_hidden (self, g_value_get_boolean (value));
      break;

    case IVC_WINDOW_PROP_LIST_VISIBLE:
      _ivc_window_set_list_visible (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ivc_window_size_allocate (GtkWidget *widget,
                          int        width,
                          int        height,
                          int        baseline)
{
  GTK_WIDGET_CLASS (ivc_window_parent_class)->size_allocate (widget, width, height, baseline);
  _ivc_window_layout_allocated (IVC_WINDOW (widget), width);
}

static void
ivc_window_class_init (IvcWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = ivc_window_constructed;
  object_class->dispose = ivc_window_dispose;
  object_class->get_property = ivc_window_get_property;
  object_class->set_property = ivc_window_set_property;

  window_class->close_request = ivc_window_close_request;
  widget_class->size_allocate = ivc_window_size_allocate;

  properties[IVC_WINDOW_PROP_BANK] =
    g_param_spec_object ("bank", NULL, NULL, IVC_TYPE_QUESTION_BANK,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[IVC_WINDOW_PROP_CANDIDATE] =
    g_param_spec_object ("candidate", NULL, NULL, IVC_TYPE_CANDIDATE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[IVC_WINDOW_PROP_SIDE_PANEL_VISIBLE] =
    g_param_spec_boolean ("side-panel-visible", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);


  /**
   * IvcWindow:plan-mode:
   *
   * Whether the list shows only the candidate's plan, in plan order.
   */
  properties[IVC_WINDOW_PROP_PLAN_MODE] =
    g_param_spec_boolean ("plan-mode", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[IVC_WINDOW_PROP_TIMER_RUNNING] =
    g_param_spec_boolean ("timer-running", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * IvcWindow:text-zoom:
   *
   * The size of text relative to the system's, remembered in the settings.
   */
  properties[IVC_WINDOW_PROP_TEXT_ZOOM] =
    g_param_spec_double ("text-zoom", NULL, NULL, IVC_WINDOW_ZOOM_MIN, IVC_WINDOW_ZOOM_MAX, 1.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * IvcWindow:question-planned:
   *
   * Whether the question on screen is in the candidate's plan.
   */
  properties[IVC_WINDOW_PROP_QUESTION_PLANNED] =
    g_param_spec_boolean ("question-planned", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * IvcWindow:evaluation-hidden:
   *
   * Whether everything about the candidate's evaluation (scores, red
   * flags, notes, the verdict) and the answers is kept off screen.
   */
  properties[IVC_WINDOW_PROP_EVALUATION_HIDDEN] =
    g_param_spec_boolean ("evaluation-hidden", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * IvcWindow:list-visible:
   *
   * Whether the question list is beside the question. Folded away by
   * itself when the window becomes too narrow for the list, the question
   * and the notes side by side.
   */
  properties[IVC_WINDOW_PROP_LIST_VISIBLE] =
    g_param_spec_boolean ("list-visible", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, IVC_WINDOW_N_PROPS, properties);

  g_type_ensure (IVC_TYPE_QUESTION_VIEW);
  g_type_ensure (IVC_TYPE_QUESTION_LIST);
  g_type_ensure (IVC_TYPE_CANDIDATE_PANEL);

  /* GTK registers its types when first used; a template that names one
   * not registered yet has GtkBuilder look for its get_type() function in
   * every library of the process. These are the ones the window's
   * templates (its own and its panes') would look for. */
  {
    const GType gtk_types[] = {
      GTK_TYPE_BOX, GTK_TYPE_BUTTON, GTK_TYPE_DROP_DOWN, GTK_TYPE_FLOW_BOX, GTK_TYPE_IMAGE,
      GTK_TYPE_LABEL, GTK_TYPE_LIST_BOX, GTK_TYPE_LIST_VIEW, GTK_TYPE_MENU_BUTTON,
      GTK_TYPE_SCROLLED_WINDOW, GTK_TYPE_SEARCH_BAR, GTK_TYPE_SEARCH_ENTRY, GTK_TYPE_SEPARATOR,
      GTK_TYPE_STACK, GTK_TYPE_STACK_PAGE, GTK_TYPE_STRING_LIST, GTK_TYPE_TEXT_VIEW,
    };

    for (gsize i = 0; i < G_N_ELEMENTS (gtk_types); i++)
      g_type_ensure (gtk_types[i]);
  }

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ivc-window.ui");
  gtk_widget_class_bind_template_child (widget_class, IvcWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, IvcWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, IvcWindow, flap);
  gtk_widget_class_bind_template_child (widget_class, IvcWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, IvcWindow, sidebar_clamp);
  gtk_widget_class_bind_template_child (widget_class, IvcWindow, list_button);
  gtk_widget_class_bind_template_child (widget_class, IvcWindow, evaluation_hidden_page);
  gtk_widget_class_bind_template_child (widget_class, IvcWindow, content);
  gtk_widget_class_bind_template_child (widget_class, IvcWindow, sidebar_title);
  gtk_widget_class_bind_template_child (widget_class, IvcWindow, sidebar_subtitle);
  gtk_widget_class_bind_template_child (widget_class, IvcWindow, content_title);
  gtk_widget_class_bind_template_child (widget_class, IvcWindow, question_list);
  gtk_widget_class_bind_template_child (widget_class, IvcWindow, question_view);
  gtk_widget_class_bind_template_child (widget_class, IvcWindow, candidate_panel);
  gtk_widget_class_bind_template_child (widget_class, IvcWindow, save_error_revealer);
  gtk_widget_class_bind_template_child (widget_class, IvcWindow, save_error_label);
  gtk_widget_class_bind_template_child (widget_class, IvcWindow, timer_button);
  gtk_widget_class_bind_template_child (widget_class, IvcWindow, timer_icon);
  gtk_widget_class_bind_template_child (widget_class, IvcWindow, timer_label);
  gtk_widget_class_bind_template_child (widget_class, IvcWindow, planned_button);
  gtk_widget_class_bind_template_child (widget_class, IvcWindow, bank_button);
  /* Only looked up, for its tooltip. */
  gtk_widget_class_bind_template_child_full (widget_class, "search_button", FALSE, 0);
  /* Only looked up, to build the main menu when it opens. */
  gtk_widget_class_bind_template_child_full (widget_class, "primary_menu_button", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "primary_menu", FALSE, 0);
  gtk_widget_class_bind_template_child (widget_class, IvcWindow, bank_missing_revealer);
  gtk_widget_class_bind_template_child (widget_class, IvcWindow, bank_missing_label);
  gtk_widget_class_bind_template_child (widget_class, IvcWindow, retention_revealer);
  gtk_widget_class_bind_template_child (widget_class, IvcWindow, retention_label);
  gtk_widget_class_bind_template_callback (widget_class, on_question_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_question_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_plan_mode_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_question_changed_cb);

  _ivc_window_class_actions_init (widget_class);
}

static void
ivc_window_init (IvcWindow *self)
{
  /* The template's timer button asks for its state. */
  self->timer = ivc_interview_timer_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  ivc_accessible_fix_mnemonic_buttons (GTK_WIDGET (self));
  ivc_menu_button_set_menu_model_on_demand (GTK_MENU_BUTTON (gtk_widget_get_template_child (GTK_WIDGET (self), IVC_TYPE_WINDOW,
                                                                                            "primary_menu_button")),
                                            G_MENU_MODEL (gtk_widget_get_template_child (GTK_WIDGET (self), IVC_TYPE_WINDOW,
                                                                                         "primary_menu")));

  /* Shortcuts in tooltips, in the user's language and keyboard. */
  ivc_accel_add_to_tooltips (GTK_WIDGET (self));
  ivc_accel_add_to_tooltip (GTK_WIDGET (self->bank_button), "<Control><Shift>o");
  ivc_accel_add_to_tooltip (GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (self), IVC_TYPE_WINDOW,
                                                                      "search_button")),
                            "<Control>f");

  /* The list starts from the question on screen when moving. */
  g_object_bind_property (self->question_view, "question", self->question_list, "question",
                          G_BINDING_SYNC_CREATE);
  ivc_question_list_set_key_capture_widget (self->question_list, self->sidebar);

  g_signal_connect_object (self->timer, "notify::elapsed", G_CALLBACK (_ivc_window_update_timer),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->timer, "notify::running", G_CALLBACK (on_timer_running_changed_cb),
                           self, G_CONNECT_SWAPPED);
  _ivc_window_update_timer (self);

  /* Narrow, the timer shows only its time: the header bar must fit 360
   * pixels. */
  g_signal_connect_object (self->leaflet, "notify::folded", G_CALLBACK (_ivc_window_update_timer),
                           self, G_CONNECT_SWAPPED);

  _ivc_window_actions_init (self);
  _ivc_window_layout_init (self);
  _ivc_window_privacy_init (self);
  _ivc_window_banks_init (self);
  _ivc_window_candidates_init (self);
}

IvcWindow *
ivc_window_new (IvcApplication *application)
{
  return g_object_new (IVC_TYPE_WINDOW, "application", application, NULL);
}

/**
 * ivc_window_get_question_view:
 *
 * Returns: (transfer none): the detail pane
 */
IvcQuestionView *
ivc_window_get_question_view (IvcWindow *self)
{
  g_return_val_if_fail (IVC_IS_WINDOW (self), NULL);

  return self->question_view;
}

/**
 * ivc_window_get_selected_question:
 *
 * Returns: (transfer none) (nullable): the question on screen
 */
IvcQuestion *
ivc_window_get_selected_question (IvcWindow *self)
{
  g_return_val_if_fail (IVC_IS_WINDOW (self), NULL);

  return ivc_question_view_get_question (self->question_view);
}

/**
 * ivc_window_select_question:
 *
 * Shows the question with @question_id, selected in the list if the list
 * shows it.
 *
 * Returns: whether the bank has it
 */
gboolean
ivc_window_select_question (IvcWindow  *self,
                            const char *question_id)
{
  IvcQuestion *question;

  g_return_val_if_fail (IVC_IS_WINDOW (self), FALSE);

  if (self->bank == NULL || question_id == NULL)
    return FALSE;

  question = ivc_question_bank_find_question (self->bank, question_id);
  if (question == NULL)
    return FALSE;

  ivc_question_list_select_question (self->question_list, question);
  ivc_question_view_set_question (self->question_view, question);
  return TRUE;
}

/**
 * ivc_window_set_search_text:
 *
 * Filters the question list at once; the search entry calls this after a
 * short pause in typing.
 */
void
ivc_window_set_search_text (IvcWindow  *self,
                            const char *text)
{
  g_return_if_fail (IVC_IS_WINDOW (self));

  ivc_question_list_set_search_text (self->question_list, text);
}

guint
ivc_window_get_n_visible_questions (IvcWindow *self)
{
  g_return_val_if_fail (IVC_IS_WINDOW (self), 0);

  return ivc_question_list_get_n_visible_questions (self->question_list);
}
