/* ivc-window-actions.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window's actions and key bindings: moving between questions,
 * revealing and concealing, scoring and notes, the plan, text size, full
 * screen, and the entries to banks, candidates and scorecards.
 */

#define G_LOG_DOMAIN "ivc-window"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "ivc-export-dialog.h"
#include "ivc-preferences-window.h"
#include "ivc-scorecard-printer.h"
#include "ivc-scorecard-window.h"
#include "ivc-toast.h"
#include "ivc-accel.h"
#include "ivc-bias-guard.h"
#include "ivc-window-private.h"

/*
 * Moving between questions, revealing and concealing.
 */

void
_ivc_window_move_selection (IvcWindow *self,
                            int        direction)
{
  IvcQuestion *question;

  if (ivc_question_list_get_n_visible_questions (self->question_list) == 0)
    return;

  question = ivc_question_list_select_next (self->question_list, direction);
  if (question == NULL)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }

  ivc_question_view_set_question (self->question_view, question);
  _ivc_window_show_question_page (self);
}

static void
next_question_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  _ivc_window_move_selection (IVC_WINDOW (widget), 1);
}

static void
previous_question_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  _ivc_window_move_selection (IVC_WINDOW (widget), -1);
}

static void
toggle_answer_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  IvcWindow *self = IVC_WINDOW (widget);

  _ivc_window_show_question_page (self);
  ivc_question_view_set_answer_revealed (self->question_view,
                                         !ivc_question_view_get_answer_revealed (self->question_view));
}

static void
toggle_red_flag_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  IvcWindow *self = IVC_WINDOW (widget);

  _ivc_window_show_question_page (self);
  ivc_question_view_set_red_flag_revealed (self->question_view,
                                           !ivc_question_view_get_red_flag_revealed (self->question_view));
}

static void
conceal_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  ivc_question_view_conceal (IVC_WINDOW (widget)->question_view);
}

/* Marks a handler that runs once, on the next "map". */
static char once_on_map;

static void
start_search_on_map_cb (IvcQuestionList *list)
{
  g_signal_handlers_disconnect_matched (list, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, &once_on_map);
  ivc_question_list_start_search (list);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  IvcWindow *self = IVC_WINDOW (widget);

  /* The search is in the list: folded away, or a page of its own. A list
   * just shown takes the focus once it is on screen. */
  _ivc_window_set_list_visible (self, TRUE);
  if (!gtk_widget_get_mapped (GTK_WIDGET (self->question_list)))
    {
      g_signal_handlers_disconnect_matched (self->question_list, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, &once_on_map);
      g_signal_connect (self->question_list, "map", G_CALLBACK (start_search_on_map_cb), &once_on_map);
    }

  ivc_question_list_start_search (self->question_list);
}

/* Built when first asked for: a shortcuts window is costly to create. */
static void
show_help_overlay_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource (RESOURCE_BASE "/ivc-shortcuts-window.ui");
  GtkWindow *shortcuts = GTK_WINDOW (gtk_builder_get_object (builder, "help_overlay"));

  gtk_window_set_transient_for (shortcuts, GTK_WINDOW (widget));
  gtk_window_present (shortcuts);
}

static void
show_questions_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  IvcWindow *self = IVC_WINDOW (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

/*
 * Privacy: what is revealed is concealed again on every change, and, if
 * the interviewer wishes, whenever the window loses focus, or as soon as
 * the reveal keys are let go.
 */

static gboolean
on_key_pressed_cb (GtkEventControllerKey *controller,
                   guint                  keyval,
                   guint                  keycode,
                   GdkModifierType        state,
                   IvcWindow             *self)
{
  keyval = gdk_keyval_to_lower (keyval);

  /* Ctrl+Return submits from anywhere, the notes included, where a text
   * view would take it for a line break. */
  if ((state & (GDK_CONTROL_MASK | GDK_SHIFT_MASK | GDK_ALT_MASK | GDK_SUPER_MASK)) == GDK_CONTROL_MASK &&
      (keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter || keyval == GDK_KEY_ISO_Enter))
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "win.submit-scorecard", NULL);
      return GDK_EVENT_STOP;
    }

  if ((state & (GDK_CONTROL_MASK | GDK_SHIFT_MASK | GDK_ALT_MASK | GDK_SUPER_MASK)) != GDK_ALT_MASK ||
      (keyval != GDK_KEY_a && keyval != GDK_KEY_r) ||
      !g_settings_get_boolean (self->settings, "reveal-while-held"))
    return GDK_EVENT_PROPAGATE;

  _ivc_window_show_question_page (self);

  if (keyval == GDK_KEY_a)
    {
      self->holding_answer = TRUE;
      ivc_question_view_set_answer_revealed (self->question_view, TRUE);
    }
  else
    {
      self->holding_red_flag = TRUE;
      ivc_question_view_set_red_flag_revealed (self->question_view, TRUE);
    }

  return GDK_EVENT_STOP;
}

static void
on_key_released_cb (GtkEventControllerKey *controller,
                    guint                  keyval,
                    guint                  keycode,
                    GdkModifierType        state,
                    IvcWindow             *self)
{
  gboolean alt = keyval == GDK_KEY_Alt_L || keyval == GDK_KEY_Alt_R ||
                 keyval == GDK_KEY_Meta_L || keyval == GDK_KEY_Meta_R;

  keyval = gdk_keyval_to_lower (keyval);

  if (self->holding_answer && (alt || keyval == GDK_KEY_a))
    {
      self->holding_answer = FALSE;
      ivc_question_view_set_answer_revealed (self->question_view, FALSE);
    }

  if (self->holding_red_flag && (alt || keyval == GDK_KEY_r))
    {
      self->holding_red_flag = FALSE;
      ivc_question_view_set_red_flag_revealed (self->question_view, FALSE);
    }
}

static void
on_is_active_changed_cb (IvcWindow *self)
{
  if (gtk_window_is_active (GTK_WINDOW (self)))
    return;

  /* Keys let go in another window never reach this one. */
  if (self->holding_answer || self->holding_red_flag ||
      g_settings_get_boolean (self->settings, "conceal-on-focus-loss"))
    {
      self->holding_answer = self->holding_red_flag = FALSE;
      ivc_question_view_conceal (self->question_view);
    }

  /* The evaluation too, until shown again with Ctrl+Shift+H. */
  if (g_settings_get_boolean (self->settings, "conceal-on-focus-loss"))
    g_object_set (self, "evaluation-hidden", TRUE, NULL);
}

/*
 * Scoring and notes, with the keyboard.
 */

gboolean
_ivc_window_require_candidate_and_question (IvcWindow *self)
{
  if (self->candidate == NULL)
    {
      g_autofree char *shortcut = ivc_accel_get_label ("<Control>n");

      /* Translators: %s is a keyboard shortcut, such as “Ctrl+N”. */
      adw_toast_overlay_add_toast (self->toast_overlay,
                                   ivc_toast_new_printf (_("Start a candidate first, with %s"), shortcut));
      return FALSE;
    }

  if (!_ivc_window_candidate_in_bank (self))
    {
      _ivc_window_say_other_bank (self);
      return FALSE;
    }

  if (ivc_question_view_get_question (self->question_view) == NULL)
    return FALSE;

  /* Side by side, the panel shows what was just noted; over the question,
   * in a narrow window, it would hide it: a short note says it instead. */
  if (!adw_flap_get_folded (self->flap))
    g_object_set (self, "side-panel-visible", TRUE, NULL);

  return TRUE;
}

/* What a key just noted, when the panel is not on screen to show it. */
static void
say_noted (IvcWindow  *self,
           const char *text)
{
  /* The panel says it, unless the evaluation is hidden. */
  if (adw_flap_get_reveal_flap (self->flap) && !adw_flap_get_folded (self->flap) &&
      !_ivc_window_get_evaluation_hidden (self))
    return;

  if (self->noted_toast == NULL)
    {
      self->noted_toast = ivc_toast_new (text);
      adw_toast_set_timeout (self->noted_toast, 2);
      g_object_add_weak_pointer (G_OBJECT (self->noted_toast), (gpointer *)&self->noted_toast);
      g_signal_connect_swapped (self->noted_toast, "dismissed", G_CALLBACK (g_object_unref), self->noted_toast);
      adw_toast_overlay_add_toast (self->toast_overlay, g_object_ref (self->noted_toast));
    }
  else
    ivc_toast_set_title (self->noted_toast, text);
}

static void
score_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  IvcWindow *self = IVC_WINDOW (widget);
  IvcScore score = g_variant_get_int32 (parameter);
  g_autofree char *text = NULL;

  if (!_ivc_window_require_candidate_and_question (self))
    return;

  g_object_set (self->candidate_panel, "score", score, NULL);

  /* With the evaluation hidden, a note that it was taken, not what. */
  if (_ivc_window_get_evaluation_hidden (self))
    text = g_strdup (_("Score saved"));
  else if (score == IVC_SCORE_NONE)
    text = g_strdup (_("Score cleared"));
  else
    /* Translators: a short note after scoring with a key, "Scored 3, Good" */
    text = g_strdup_printf (_("Scored %d, %s"), (int)score, ivc_score_get_label (score));
  say_noted (self, text);
}

/* Ctrl+Return: the scorecard is on record; teammates' show from now on. */
static void
submit_scorecard_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  IvcWindow *self = IVC_WINDOW (widget);
  g_autofree char *when = NULL;

  if (self->candidate == NULL)
    {
      g_autofree char *shortcut = ivc_accel_get_label ("<Control>n");

      adw_toast_overlay_add_toast (self->toast_overlay,
                                   ivc_toast_new_printf (_("Start a candidate first, with %s"), shortcut));
      return;
    }

  if (!ivc_candidate_submit (self->candidate))
    {
      when = ivc_bias_guard_dup_time (ivc_candidate_get_submitted (self->candidate));
      /* Translators: %s is a date and time */
      adw_toast_overlay_add_toast (self->toast_overlay,
                                   ivc_toast_new_printf (_("Already submitted %s; changes are marked "
                                                           "as amended"), when));
      return;
    }

  g_object_set (self, "side-panel-visible", TRUE, NULL);
  adw_toast_overlay_add_toast (self->toast_overlay,
                               ivc_toast_new (_("Scorecard submitted. Later changes are marked "
                                                "as amended")));
}

static void
toggle_red_flag_observed_action (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *parameter)
{
  IvcWindow *self = IVC_WINDOW (widget);
  gboolean observed;

  if (!_ivc_window_require_candidate_and_question (self))
    return;

  g_object_get (self->candidate_panel, "red-flag-observed", &observed, NULL);
  g_object_set (self->candidate_panel, "red-flag-observed", !observed, NULL);
  if (_ivc_window_get_evaluation_hidden (self))
    say_noted (self, _("Red flag mark saved"));
  else
    say_noted (self, !observed ? _("Red flag observed") : _("Red flag no longer marked"));
}

static void
on_flap_revealed_cb (IvcWindow *self)
{
  double progress = adw_flap_get_reveal_progress (self->flap);

  if (progress < 1.0 && adw_flap_get_reveal_flap (self->flap))
    return;

  g_clear_signal_handler (&self->flap_revealed_handler, self->flap);
  if (progress >= 1.0)
    ivc_candidate_panel_focus_notes (self->candidate_panel);
}

static void
focus_notes_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  IvcWindow *self = IVC_WINDOW (widget);

  if (_ivc_window_require_candidate_and_question (self))
    {
      g_object_set (self, "side-panel-visible", TRUE, NULL);
      ivc_candidate_panel_focus_notes (self->candidate_panel);

      /* A panel sliding in over the question takes the focus for itself
       * when it is in: the notes keep it. */
      if (adw_flap_get_reveal_progress (self->flap) < 1.0)
        {
          g_clear_signal_handler (&self->flap_revealed_handler, self->flap);
          self->flap_revealed_handler =
            g_signal_connect_object (self->flap, "notify::reveal-progress",
                                     G_CALLBACK (on_flap_revealed_cb), self, G_CONNECT_SWAPPED);
        }
    }
}

/*
 * The interview plan: the questions to ask this candidate, in order.
 */

gboolean
_ivc_window_get_question_planned (IvcWindow *self)
{
  IvcQuestion *question;

  /* Asked for by the template's buttons before it is complete. */
  if (self->question_view == NULL)
    return FALSE;

  question = ivc_question_view_get_question (self->question_view);

  return self->candidate != NULL && question != NULL &&
         ivc_candidate_get_plan_position (self->candidate, ivc_question_get_id (question)) >= 0;
}

void
_ivc_window_set_question_planned (IvcWindow *self,
                                  gboolean   planned)
{
  IvcQuestion *question = ivc_question_view_get_question (self->question_view);

  if (planned == _ivc_window_get_question_planned (self))
    return;

  if (self->candidate == NULL || question == NULL || !_ivc_window_candidate_in_bank (self))
    {
      _ivc_window_require_candidate_and_question (self);
      _ivc_window_notify (self, IVC_WINDOW_PROP_QUESTION_PLANNED);
      return;
    }

  if (planned)
    ivc_candidate_plan_move (self->candidate, ivc_question_get_id (question), -1);
  else
    ivc_candidate_plan_remove (self->candidate, ivc_question_get_id (question));
}

/* Alt+Shift+↑/↓: the keyboard way to order the plan. */
static void
move_in_plan_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  IvcWindow *self = IVC_WINDOW (widget);
  IvcQuestion *question = ivc_question_view_get_question (self->question_view);
  int direction = g_variant_get_int32 (parameter);
  int position, n;

  if (self->candidate == NULL || question == NULL || !_ivc_window_candidate_in_bank (self))
    return;

  position = ivc_candidate_get_plan_position (self->candidate, ivc_question_get_id (question));
  n = g_strv_length ((char **)ivc_candidate_get_plan (self->candidate));
  if (position < 0 || position + direction < 0 || position + direction >= n)
    {
      gtk_widget_error_bell (widget);
      return;
    }

  ivc_candidate_plan_move (self->candidate, ivc_question_get_id (question), position + direction);
}

/*
 * Text size and full screen.
 */

double
_ivc_window_get_text_zoom (IvcWindow *self)
{
  return g_settings_get_double (self->settings, "text-zoom");
}

/* Text is scaled through the font resolution, so that every text grows,
 * headings in points included, from the system's own text scaling. */
void
_ivc_window_apply_text_zoom (IvcWindow *self)
{
  GtkSettings *settings = gtk_widget_get_settings (GTK_WIDGET (self));
  double zoom = _ivc_window_get_text_zoom (self);
  int system_dpi;

  if (g_object_get_data (G_OBJECT (settings), "ivc-system-dpi") == NULL)
    {
      g_object_get (settings, "gtk-xft-dpi", &system_dpi, NULL);
      if (system_dpi <= 0)
        system_dpi = 96 * 1024;
      g_object_set_data (G_OBJECT (settings), "ivc-system-dpi", GINT_TO_POINTER (system_dpi));
    }
  system_dpi = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (settings), "ivc-system-dpi"));

  if (G_APPROX_VALUE (zoom, 1.0, 0.001))
    gtk_settings_reset_property (settings, "gtk-xft-dpi");
  else
    g_object_set (settings, "gtk-xft-dpi", (int)round (system_dpi * zoom), NULL);
}

void
_ivc_window_set_text_zoom (IvcWindow *self,
                           double     zoom)
{
  zoom = CLAMP (round (zoom * 10) / 10, IVC_WINDOW_ZOOM_MIN, IVC_WINDOW_ZOOM_MAX);

  if (G_APPROX_VALUE (zoom, _ivc_window_get_text_zoom (self), 0.001))
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }

  g_settings_set_double (self->settings, "text-zoom", zoom);
}

static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  IvcWindow *self = IVC_WINDOW (widget);
  int direction = g_variant_get_int32 (parameter);

  if (direction == 0)
    _ivc_window_set_text_zoom (self, 1.0);
  else
    _ivc_window_set_text_zoom (self, _ivc_window_get_text_zoom (self) + direction * IVC_WINDOW_ZOOM_STEP);
}

static void
toggle_fullscreen_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  if (gtk_window_is_fullscreen (GTK_WINDOW (widget)))
    gtk_window_unfullscreen (GTK_WINDOW (widget));
  else
    gtk_window_fullscreen (GTK_WINDOW (widget));
}

static void
show_preferences_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  IvcWindow *self = IVC_WINDOW (widget);
  GtkWidget *preferences = ivc_preferences_window_new (GTK_WINDOW (widget));

  if (self->store != NULL)
    ivc_preferences_window_set_store (IVC_PREFERENCES_WINDOW (preferences), self->store);
  gtk_window_present (GTK_WINDOW (preferences));
}

/*
 * Question banks: the work is in ivc-window-banks.c.
 */

/* Ctrl+Shift+O: the bank switcher, from the keyboard. */
static void
popup_on_map_cb (GtkMenuButton *button)
{
  g_signal_handlers_disconnect_matched (button, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, &once_on_map);
  gtk_menu_button_popup (button);
}

static void
show_banks_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  IvcWindow *self = IVC_WINDOW (widget);

  /* The banks' button is above the list; shown, it pops up once on
   * screen. */
  _ivc_window_set_list_visible (self, TRUE);
  if (!gtk_widget_get_mapped (GTK_WIDGET (self->bank_button)))
    {
      g_signal_handlers_disconnect_matched (self->bank_button, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, &once_on_map);
      g_signal_connect (self->bank_button, "map", G_CALLBACK (popup_on_map_cb), &once_on_map);
      return;
    }

  gtk_menu_button_popup (self->bank_button);
}

static void
show_candidate_bank_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  _ivc_window_show_candidate_bank (IVC_WINDOW (widget));
}

static void
import_bank_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  _ivc_window_choose_bank_file (IVC_WINDOW (widget));
}

static void
switch_bank_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  _ivc_window_switch_bank (IVC_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
switch_bundled_bank_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  _ivc_window_switch_bundled_bank (IVC_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
remove_bank_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  _ivc_window_remove_bank (IVC_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

/*
 * Candidates: the work is in ivc-window-candidates.c.
 */

static void
new_candidate_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  _ivc_window_show_candidate_dialog (IVC_WINDOW (widget), NULL);
}

static void
rename_candidate_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  IvcWindow *self = IVC_WINDOW (widget);

  if (self->candidate != NULL)
    _ivc_window_show_candidate_dialog (self, self->candidate);
}

static void
switch_candidate_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  _ivc_window_switch_candidate (IVC_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
delete_candidate_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  _ivc_window_delete_candidate (IVC_WINDOW (widget));
}

static void
erase_candidate_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  IvcWindow *self = IVC_WINDOW (widget);

  if (g_str_equal (action_name, "win.erase-candidate"))
    _ivc_window_erase_candidate (self);
  else if (g_str_equal (action_name, "win.erase-expired"))
    _ivc_window_erase_expired (self);
  else if (g_str_equal (action_name, "win.export-expired"))
    _ivc_window_export_expired (self);
  else
    _ivc_window_dismiss_retention (self);
}

static void
retry_save_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  IvcWindow *self = IVC_WINDOW (widget);

  if (self->store != NULL)
    ivc_candidate_store_save_async (self->store, NULL, NULL, NULL);
}

/*
 * Scorecards: review, compare, export and print.
 */

static IvcScorecard *
dup_current_scorecard (IvcWindow *self)
{
  /* The time counted so far is part of it. */
  ivc_interview_timer_commit (self->timer);

  return ivc_scorecard_new (self->candidate, self->bank);
}

static void
show_scorecards_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  IvcWindow *self = IVC_WINDOW (widget);
  gboolean compare = g_str_equal (action_name, "win.compare-candidates");

  if (self->store == NULL)
    return;

  ivc_interview_timer_commit (self->timer);

  if (self->scorecards == NULL)
    {
      self->scorecards = ivc_scorecard_window_new (GTK_WINDOW (self), self->store, self->bank,
                                                   self->library ? G_LIST_MODEL (self->library) : NULL);
      g_object_add_weak_pointer (G_OBJECT (self->scorecards), (gpointer *)&self->scorecards);
    }

  if (self->candidate != NULL && !compare)
    ivc_scorecard_window_show_candidate (IVC_SCORECARD_WINDOW (self->scorecards), self->candidate);
  else
    ivc_scorecard_window_show_comparison (IVC_SCORECARD_WINDOW (self->scorecards));

  gtk_window_present (GTK_WINDOW (self->scorecards));
}

static void
export_done_cb (const GError *error,
                GFile        *file,
                gpointer      user_data)
{
  g_autoptr(IvcWindow) self = user_data;
  g_autofree char *name = NULL;

  /* Cancelled, or failed and already said in a dialog. */
  if (error != NULL || file == NULL)
    return;

  name = g_file_get_basename (file);
  /* Translators: a toast after exporting a scorecard */
  adw_toast_overlay_add_toast (self->toast_overlay, ivc_toast_new_printf (_("Exported to “%s”"), name));
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  IvcWindow *self = IVC_WINDOW (widget);
  g_autoptr(IvcScorecard) scorecard = NULL;

  if (self->candidate == NULL)
    {
      _ivc_window_require_candidate_and_question (self);
      return;
    }

  /* Against the bank on screen, another bank's candidate would show
   * nothing scored: the Scorecards window finds their own bank, and
   * exports from there. */
  if (!_ivc_window_candidate_in_bank (self))
    {
      show_scorecards_action (widget, "win.show-scorecard", NULL);
      return;
    }

  scorecard = dup_current_scorecard (self);
  ivc_export_dialog_run (GTK_WINDOW (self), scorecard, export_done_cb, g_object_ref (self));
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  IvcWindow *self = IVC_WINDOW (widget);
  g_autoptr(IvcScorecard) scorecard = NULL;
  g_autoptr(GError) error = NULL;

  if (self->candidate == NULL)
    {
      _ivc_window_require_candidate_and_question (self);
      return;
    }

  /* As for exporting: their scorecard with their own bank. */
  if (!_ivc_window_candidate_in_bank (self))
    {
      show_scorecards_action (widget, "win.show-scorecard", NULL);
      return;
    }

  scorecard = dup_current_scorecard (self);
  if (ivc_scorecard_print (scorecard, GTK_WINDOW (self), GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                           NULL, &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    adw_toast_overlay_add_toast (self->toast_overlay, ivc_toast_new (error->message));
}

/**
 * _ivc_window_actions_init:
 *
 * What the actions need on each window: which start disabled, and the keys
 * held down to reveal.
 */
void
_ivc_window_actions_init (IvcWindow *self)
{
  GtkEventController *key_controller;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.rename-candidate", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.delete-candidate", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.erase-candidate", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.toggle-timer", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-plan", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.move-in-plan", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-bank", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-candidate-bank", FALSE);

  /* Before the shortcuts: with "Reveal only while held", Alt+A and Alt+R
   * are handled here. */
  key_controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (key_controller, GTK_PHASE_CAPTURE);
  g_signal_connect (key_controller, "key-pressed", G_CALLBACK (on_key_pressed_cb), self);
  g_signal_connect (key_controller, "key-released", G_CALLBACK (on_key_released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), key_controller);
  g_signal_connect (self, "notify::is-active", G_CALLBACK (on_is_active_changed_cb), NULL);
}

void
_ivc_window_class_actions_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.next-question", NULL, next_question_action);
  gtk_widget_class_install_action (widget_class, "win.previous-question", NULL, previous_question_action);
  gtk_widget_class_install_action (widget_class, "win.toggle-answer", NULL, toggle_answer_action);
  gtk_widget_class_install_action (widget_class, "win.toggle-red-flag", NULL, toggle_red_flag_action);
  gtk_widget_class_install_action (widget_class, "win.conceal", NULL, conceal_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.show-questions", NULL, show_questions_action);
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL, show_help_overlay_action);
  gtk_widget_class_install_property_action (widget_class, "win.toggle-side-panel", "side-panel-visible");
  gtk_widget_class_install_property_action (widget_class, "win.toggle-list", "list-visible");
  gtk_widget_class_install_property_action (widget_class, "win.hide-evaluation", "evaluation-hidden");

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK, "win.next-question", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Down, GDK_ALT_MASK, "win.next-question", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "win.previous-question", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Up, GDK_ALT_MASK, "win.previous-question", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_a, GDK_ALT_MASK, "win.toggle-answer", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_ALT_MASK, "win.toggle-red-flag", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "win.conceal", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "win.toggle-side-panel", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, GDK_SHIFT_MASK, "win.toggle-list", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_h, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.hide-evaluation", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_H, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.hide-evaluation", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_question, GDK_CONTROL_MASK, "win.show-help-overlay", NULL);

  gtk_widget_class_install_action (widget_class, "win.new-candidate", NULL, new_candidate_action);
  gtk_widget_class_install_action (widget_class, "win.rename-candidate", NULL, rename_candidate_action);
  gtk_widget_class_install_action (widget_class, "win.delete-candidate", NULL, delete_candidate_action);
  gtk_widget_class_install_action (widget_class, "win.erase-candidate", NULL, erase_candidate_action);
  gtk_widget_class_install_action (widget_class, "win.erase-expired", NULL, erase_candidate_action);
  gtk_widget_class_install_action (widget_class, "win.export-expired", NULL, erase_candidate_action);
  gtk_widget_class_install_action (widget_class, "win.dismiss-retention", NULL, erase_candidate_action);
  gtk_widget_class_install_action (widget_class, "win.switch-candidate", "s", switch_candidate_action);
  gtk_widget_class_install_action (widget_class, "win.score", "i", score_action);
  gtk_widget_class_install_action (widget_class, "win.toggle-red-flag-observed", NULL, toggle_red_flag_observed_action);
  gtk_widget_class_install_action (widget_class, "win.focus-notes", NULL, focus_notes_action);
  gtk_widget_class_install_action (widget_class, "win.submit-scorecard", NULL, submit_scorecard_action);
  gtk_widget_class_install_action (widget_class, "win.retry-save", NULL, retry_save_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.new-candidate", NULL);
  for (int i = 0; i <= IVC_SCORE_MAX; i++)
    {
      gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0 + i, GDK_ALT_MASK, "win.score", "i", i);
      gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_0 + i, GDK_ALT_MASK, "win.score", "i", i);
    }
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_x, GDK_ALT_MASK, "win.toggle-red-flag-observed", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_ALT_MASK, "win.focus-notes", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "win.submit-scorecard", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK, "win.submit-scorecard", NULL);

  gtk_widget_class_install_property_action (widget_class, "win.toggle-timer", "timer-running");
  gtk_widget_class_install_property_action (widget_class, "win.show-plan", "plan-mode");
  gtk_widget_class_install_property_action (widget_class, "win.toggle-planned", "question-planned");
  gtk_widget_class_install_action (widget_class, "win.move-in-plan", "i", move_in_plan_action);
  gtk_widget_class_install_action (widget_class, "win.zoom", "i", zoom_action);
  gtk_widget_class_install_action (widget_class, "win.toggle-fullscreen", NULL, toggle_fullscreen_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_t, GDK_CONTROL_MASK, "win.toggle-timer", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_ALT_MASK, "win.show-plan", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, GDK_CONTROL_MASK, "win.toggle-planned", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK | GDK_SHIFT_MASK, "win.move-in-plan", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Up, GDK_ALT_MASK | GDK_SHIFT_MASK, "win.move-in-plan", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK | GDK_SHIFT_MASK, "win.move-in-plan", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Down, GDK_ALT_MASK | GDK_SHIFT_MASK, "win.move-in-plan", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "win.zoom", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.zoom", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "win.zoom", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK, "win.zoom", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "win.zoom", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, "win.zoom", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "win.zoom", "i", 0);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_0, GDK_CONTROL_MASK, "win.zoom", "i", 0);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F11, 0, "win.toggle-fullscreen", NULL);
  gtk_widget_class_install_action (widget_class, "win.show-preferences", NULL, show_preferences_action);
  gtk_widget_class_install_action (widget_class, "win.import-bank", NULL, import_bank_action);
  gtk_widget_class_install_action (widget_class, "win.show-candidate-bank", NULL, show_candidate_bank_action);
  gtk_widget_class_install_action (widget_class, "win.switch-bank", "s", switch_bank_action);
  gtk_widget_class_install_action (widget_class, "win.switch-bundled-bank", "s", switch_bundled_bank_action);
  gtk_widget_class_install_action (widget_class, "win.remove-bank", "s", remove_bank_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.import-bank", NULL);
  gtk_widget_class_install_action (widget_class, "win.show-banks", NULL, show_banks_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.show-banks", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_O, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.show-banks", NULL);
  gtk_widget_class_install_action (widget_class, "win.show-scorecard", NULL, show_scorecards_action);
  gtk_widget_class_install_action (widget_class, "win.compare-candidates", NULL, show_scorecards_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK, "win.show-scorecard", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.export", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "win.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_comma, GDK_CONTROL_MASK, "win.show-preferences", NULL);
}
