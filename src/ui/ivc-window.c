/* ivc-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ivc-window"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>
#include <unistd.h>

#include "ivc-bank-switcher.h"
#include "ivc-candidate-panel.h"
#include "ivc-export-dialog.h"
#include "ivc-interview-timer.h"
#include "ivc-preferences-window.h"
#include "ivc-scorecard-printer.h"
#include "ivc-scorecard-window.h"
#include "ivc-level.h"
#include "ivc-question-view.h"
#include "ivc-sidebar-row.h"
#include "ivc-text.h"
#include "ivc-window.h"

struct _IvcWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;
  IvcQuestionBank      *bank;
  IvcCandidateStore    *store;
  IvcBankLibrary       *library;
  gboolean              library_loaded;
  IvcCandidate         *candidate;
  GCancellable         *load_cancellable;

  /* levels with a match → tree of those levels and their matching
   * questions → selection. */
  GtkCustomFilter      *question_filter;
  GtkCustomFilter      *level_filter;
  GtkFilterListModel   *visible_levels;
  GtkTreeListModel     *level_rows;
  GtkSingleSelection   *selection;

  /* The plan: the candidate's planned questions that the bank has, in plan
   * order → those matching the search → rows. */
  GListStore           *plan_questions;
  GtkFilterListModel   *visible_plan;
  GtkTreeListModel     *plan_rows;

  /* What the list shows: level_rows, or plan_rows with the plan filter. */
  GtkTreeListModel     *rows;

  IvcInterviewTimer    *timer;

  /* The Scorecards window, while it is open. */
  GtkWidget            *scorecards;

  /* The note shown after a score or red flag typed with the panel hidden. */
  AdwToast             *noted_toast;
  char                **search_words;
  guint                 n_visible_questions;

  /* Set while the window changes the selection itself, so that only a
   * person's choice moves a folded window to the question. */
  guint                 selecting_programmatically : 1;
  guint                 side_panel_visible : 1;
  guint                 closing_anyway : 1;
  guint                 plan_mode : 1;
  /* Alt+A / Alt+R held down, with "Reveal only while held". */
  guint                 holding_answer : 1;
  guint                 holding_red_flag : 1;

  AdwToastOverlay      *toast_overlay;
  AdwLeaflet           *leaflet;
  AdwFlap              *flap;
  GtkWidget            *sidebar;
  GtkWidget            *content;
  GtkLabel             *sidebar_title;
  GtkLabel             *sidebar_subtitle;
  AdwWindowTitle       *content_title;
  GtkSearchBar         *search_bar;
  GtkSearchEntry       *search_entry;
  GtkStack             *sidebar_stack;
  GtkListView          *question_list;
  IvcQuestionView      *question_view;
  IvcCandidatePanel    *candidate_panel;
  GtkRevealer          *save_error_revealer;
  GtkLabel             *save_error_label;
  GtkToggleButton      *timer_button;
  GtkImage             *timer_icon;
  GtkLabel             *timer_label;
  GtkToggleButton      *planned_button;
  IvcBankSwitcher      *bank_switcher;
  GtkMenuButton        *bank_button;
  GtkRevealer          *plan_progress_revealer;
  GtkLabel             *plan_progress_label;
  GtkRevealer          *bank_missing_revealer;
  GtkLabel             *bank_missing_label;
};

G_DEFINE_FINAL_TYPE (IvcWindow, ivc_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_BANK,
  PROP_SIDE_PANEL_VISIBLE,
  PROP_CANDIDATE,
  PROP_PLAN_MODE,
  PROP_TIMER_RUNNING,
  PROP_TEXT_ZOOM,
  PROP_QUESTION_PLANNED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
question_filter_func (gpointer item,
                      gpointer user_data)
{
  IvcWindow *self = user_data;

  return ivc_question_matches (item, (const char * const *)self->search_words);
}

/* A level's heading shows only while some of its questions do. */
static gboolean
level_filter_func (gpointer item,
                   gpointer user_data)
{
  IvcWindow *self = user_data;
  GListModel *questions = ivc_level_get_questions (item);
  guint n = g_list_model_get_n_items (questions);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IvcQuestion) question = g_list_model_get_item (questions, i);

      if (ivc_question_matches (question, (const char * const *)self->search_words))
        return TRUE;
    }

  return FALSE;
}

static GListModel *
create_children_cb (gpointer item,
                    gpointer user_data)
{
  IvcWindow *self = user_data;

  if (!IVC_IS_LEVEL (item))
    return NULL;

  return G_LIST_MODEL (gtk_filter_list_model_new (g_object_ref (ivc_level_get_questions (item)),
                                                  g_object_ref (GTK_FILTER (self->question_filter))));
}

static void
count_visible_questions (IvcWindow *self)
{
  guint n_levels = 0;
  guint n = 0;

  if (self->plan_mode)
    {
      self->n_visible_questions = g_list_model_get_n_items (G_LIST_MODEL (self->visible_plan));
      return;
    }

  if (self->visible_levels != NULL)
    n_levels = g_list_model_get_n_items (G_LIST_MODEL (self->visible_levels));

  for (guint i = 0; i < n_levels; i++)
    {
      g_autoptr(GtkTreeListRow) row = gtk_tree_list_model_get_child_row (self->level_rows, i);
      GListModel *children = row ? gtk_tree_list_row_get_children (row) : NULL;

      if (children != NULL)
        n += g_list_model_get_n_items (children);
    }

  self->n_visible_questions = n;
}

/* Returns the question in a row of the visible list, or NULL for a level. */
static IvcQuestion *
dup_question_at (IvcWindow *self,
                 guint      position)
{
  g_autoptr(GtkTreeListRow) row = g_list_model_get_item (G_LIST_MODEL (self->rows), position);
  g_autoptr(GObject) item = NULL;

  if (row == NULL)
    return NULL;

  item = gtk_tree_list_row_get_item (row);
  return IVC_IS_QUESTION (item) ? IVC_QUESTION (g_steal_pointer (&item)) : NULL;
}

/* Where a question is in the visible list: found through its level's row,
 * without creating a row object for every question before it. */
static guint
find_question_position (IvcWindow   *self,
                        IvcQuestion *question)
{
  IvcLevel *level = ivc_question_get_level (question);
  guint n_levels = g_list_model_get_n_items (G_LIST_MODEL (self->visible_levels));

  if (self->plan_mode)
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (self->visible_plan));

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(IvcQuestion) planned = g_list_model_get_item (G_LIST_MODEL (self->visible_plan), i);

          if (planned == question)
            return i;
        }

      return GTK_INVALID_LIST_POSITION;
    }

  for (guint i = 0; i < n_levels; i++)
    {
      g_autoptr(IvcLevel) visible = g_list_model_get_item (G_LIST_MODEL (self->visible_levels), i);
      g_autoptr(GtkTreeListRow) row = NULL;
      GListModel *children;

      if (visible != level)
        continue;

      row = gtk_tree_list_model_get_child_row (self->level_rows, i);
      children = gtk_tree_list_row_get_children (row);
      for (guint j = 0; children != NULL && j < g_list_model_get_n_items (children); j++)
        {
          g_autoptr(IvcQuestion) child = g_list_model_get_item (children, j);

          if (child == question)
            return gtk_tree_list_row_get_position (row) + 1 + j;
        }
      break;
    }

  return GTK_INVALID_LIST_POSITION;
}

/* In a folded window the question is on a page of its own: go there when
 * the interviewer moves or reveals from the list. */
static void
show_question_page (IvcWindow *self)
{
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->content);

  /* A narrow window's notes panel lies over the question: it gives way.
   * Not before the window is on screen, when nothing is folded yet. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)) && adw_flap_get_folded (self->flap))
    g_object_set (self, "side-panel-visible", FALSE, NULL);
}

static void
select_position (IvcWindow *self,
                 guint      position)
{
  self->selecting_programmatically = TRUE;
  gtk_single_selection_set_selected (self->selection, position);
  self->selecting_programmatically = FALSE;

  gtk_widget_activate_action (GTK_WIDGET (self->question_list), "list.scroll-to-item",
                              "u", position);
}

static void
update_content_title (IvcWindow *self)
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

      if (self->candidate != NULL && self->plan_mode &&
          ivc_candidate_get_plan_position (self->candidate, ivc_question_get_id (question)) >= 0)
        {
          guint n_planned = g_list_model_get_n_items (G_LIST_MODEL (self->plan_questions));
          guint position = find_question_position (self, question);

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

  update_content_title (self);
  ivc_candidate_panel_set_question (self->candidate_panel, question);
  ivc_interview_timer_set_question_id (self->timer, question ? ivc_question_get_id (question) : NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUESTION_PLANNED]);

  if (question != NULL)
    g_settings_set_string (self->settings, "last-question", ivc_question_get_id (question));
}

static void
on_selected_item_changed_cb (IvcWindow          *self,
                             GParamSpec         *pspec,
                             GtkSingleSelection *selection)
{
  GtkTreeListRow *row = gtk_single_selection_get_selected_item (selection);
  g_autoptr(GObject) item = row ? gtk_tree_list_row_get_item (row) : NULL;

  /* A search that hides the question keeps it on screen. */
  if (!IVC_IS_QUESTION (item))
    return;

  ivc_question_view_set_question (self->question_view, IVC_QUESTION (item));

  if (!self->selecting_programmatically)
    show_question_page (self);
}

static void
on_question_list_activate_cb (IvcWindow *self,
                              guint      position)
{
  show_question_page (self);
}

/* Dragging a planned question onto another puts it in that one's place. */
static GdkContentProvider *
on_row_drag_prepare_cb (GtkDragSource *source,
                        double         x,
                        double         y,
                        IvcWindow     *self)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (source));
  GObject *item = ivc_sidebar_row_get_item (IVC_SIDEBAR_ROW (row));

  if (!self->plan_mode || !IVC_IS_QUESTION (item))
    return NULL;

  return gdk_content_provider_new_typed (G_TYPE_STRING, ivc_question_get_id (IVC_QUESTION (item)));
}

static void
on_row_drag_begin_cb (GtkDragSource *source,
                      GdkDrag       *drag,
                      IvcWindow     *self)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (source));
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (row);

  gtk_drag_source_set_icon (source, paintable, 0, 0);
}

static gboolean
on_row_drop_cb (GtkDropTarget *target,
                const GValue  *value,
                double         x,
                double         y,
                IvcWindow     *self)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target));
  GObject *item = ivc_sidebar_row_get_item (IVC_SIDEBAR_ROW (row));
  const char *dragged = g_value_get_string (value);
  int position;

  if (!self->plan_mode || self->candidate == NULL || !IVC_IS_QUESTION (item) || dragged == NULL)
    return FALSE;

  position = ivc_candidate_get_plan_position (self->candidate, ivc_question_get_id (IVC_QUESTION (item)));
  if (position < 0 || ivc_candidate_get_plan_position (self->candidate, dragged) < 0)
    return FALSE;

  ivc_candidate_plan_move (self->candidate, dragged, position);
  return TRUE;
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  GtkWidget *row = ivc_sidebar_row_new ();
  GtkDragSource *drag_source = gtk_drag_source_new ();
  GtkDropTarget *drop_target = gtk_drop_target_new (G_TYPE_STRING, GDK_ACTION_MOVE);

  g_object_bind_property (user_data, "candidate", row, "candidate", G_BINDING_SYNC_CREATE);
  gtk_list_item_set_child (list_item, row);

  gtk_drag_source_set_actions (drag_source, GDK_ACTION_MOVE);
  g_signal_connect (drag_source, "prepare", G_CALLBACK (on_row_drag_prepare_cb), user_data);
  g_signal_connect (drag_source, "drag-begin", G_CALLBACK (on_row_drag_begin_cb), user_data);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (drag_source));
  g_signal_connect (drop_target, "drop", G_CALLBACK (on_row_drop_cb), user_data);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (drop_target));
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             gpointer                  user_data)
{
  GtkTreeListRow *row = gtk_list_item_get_item (list_item);
  g_autoptr(GObject) item = gtk_tree_list_row_get_item (row);
  gboolean is_question = IVC_IS_QUESTION (item);

  ivc_sidebar_row_set_item (IVC_SIDEBAR_ROW (gtk_list_item_get_child (list_item)), item);
  gtk_list_item_set_selectable (list_item, is_question);
  gtk_list_item_set_activatable (list_item, is_question);
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  ivc_sidebar_row_set_item (IVC_SIDEBAR_ROW (gtk_list_item_get_child (list_item)), NULL);
}

static void
update_sidebar_page (IvcWindow *self)
{
  if (self->bank == NULL)
    return;

  if (self->n_visible_questions > 0)
    gtk_stack_set_visible_child_name (self->sidebar_stack, "list");
  else if (self->plan_mode && g_list_model_get_n_items (G_LIST_MODEL (self->plan_questions)) == 0)
    gtk_stack_set_visible_child_name (self->sidebar_stack, "empty-plan");
  else
    gtk_stack_set_visible_child_name (self->sidebar_stack, "no-results");
}

/* Is every word of @looser contained in some word of @stricter? Then a
 * question matching @stricter matches @looser too. */
static gboolean
words_imply (const char * const *stricter,
             const char * const *looser)
{
  for (guint i = 0; looser[i]; i++)
    {
      gboolean found = FALSE;

      for (guint j = 0; stricter[j] && !found; j++)
        found = strstr (stricter[j], looser[i]) != NULL;

      if (!found)
        return FALSE;
    }

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
  g_auto(GStrv) words = NULL;
  GtkFilterChange change;

  g_return_if_fail (IVC_IS_WINDOW (self));

  words = ivc_text_search_words (text);
  if (g_strv_equal ((const char * const *)words, (const char * const *)self->search_words))
    return;

  /* Narrowing a search only needs to look at what is still shown. */
  if (words_imply ((const char * const *)words, (const char * const *)self->search_words))
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (words_imply ((const char * const *)self->search_words, (const char * const *)words))
    change = GTK_FILTER_CHANGE_LESS_STRICT;
  else
    change = GTK_FILTER_CHANGE_DIFFERENT;

  g_strfreev (self->search_words);
  self->search_words = g_steal_pointer (&words);

  gtk_filter_changed (GTK_FILTER (self->question_filter), change);
  gtk_filter_changed (GTK_FILTER (self->level_filter), change);

  count_visible_questions (self);
  update_sidebar_page (self);
}

static void
on_search_changed_cb (IvcWindow      *self,
                      GtkSearchEntry *entry)
{
  ivc_window_set_search_text (self, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

/* Enter in the search field opens the first match. */
static void
on_search_activate_cb (IvcWindow      *self,
                       GtkSearchEntry *entry)
{
  ivc_window_set_search_text (self, gtk_editable_get_text (GTK_EDITABLE (entry)));

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->rows)); i++)
    {
      g_autoptr(IvcQuestion) question = dup_question_at (self, i);

      if (question != NULL)
        {
          select_position (self, i);
          ivc_question_view_set_question (self->question_view, question);
          show_question_page (self);
          break;
        }
    }
}

static void
move_selection (IvcWindow *self,
                int        direction)
{
  IvcQuestion *current = ivc_question_view_get_question (self->question_view);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->rows));
  guint position = gtk_single_selection_get_selected (self->selection);
  int i;

  if (n == 0)
    return;

  /* The question on screen may be hidden by a search; start from where it
   * would be, or from an end. */
  if (position == GTK_INVALID_LIST_POSITION && current != NULL)
    position = find_question_position (self, current);

  if (position == GTK_INVALID_LIST_POSITION)
    i = direction > 0 ? 0 : (int)n - 1;
  else
    i = (int)position + direction;

  for (; i >= 0 && i < (int)n; i += direction)
    {
      g_autoptr(IvcQuestion) question = dup_question_at (self, i);

      if (question != NULL && question != current)
        {
          select_position (self, i);
          ivc_question_view_set_question (self->question_view, question);
          show_question_page (self);
          return;
        }
    }

  gtk_widget_error_bell (GTK_WIDGET (self));
}

static void
next_question_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  move_selection (IVC_WINDOW (widget), 1);
}

static void
previous_question_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  move_selection (IVC_WINDOW (widget), -1);
}

static void
toggle_answer_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  IvcWindow *self = IVC_WINDOW (widget);

  show_question_page (self);
  ivc_question_view_set_answer_revealed (self->question_view,
                                         !ivc_question_view_get_answer_revealed (self->question_view));
}

static void
toggle_red_flag_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  IvcWindow *self = IVC_WINDOW (widget);

  show_question_page (self);
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

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  IvcWindow *self = IVC_WINDOW (widget);

  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->sidebar);

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
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
 * The interview plan: the questions to ask this candidate, in order.
 */

static GtkTreeListModel *
active_rows (IvcWindow *self)
{
  return self->plan_mode ? self->plan_rows : self->level_rows;
}

/* Selects the question on screen in the list shown, if it is there. */
static void
reselect_current (IvcWindow *self)
{
  IvcQuestion *question = ivc_question_view_get_question (self->question_view);
  guint position = GTK_INVALID_LIST_POSITION;

  if (self->selection == NULL)
    return;

  if (question != NULL)
    position = find_question_position (self, question);

  if (position != GTK_INVALID_LIST_POSITION)
    select_position (self, position);
  else
    {
      self->selecting_programmatically = TRUE;
      gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
      self->selecting_programmatically = FALSE;
    }
}

static void
update_sidebar_title (IvcWindow *self)
{
  g_autofree char *subtitle = NULL;

  if (self->plan_mode)
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (self->plan_questions));
      guint n_scored = 0;

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(IvcQuestion) question = g_list_model_get_item (G_LIST_MODEL (self->plan_questions), i);
          IvcEvaluation *evaluation = ivc_candidate_get_evaluation (self->candidate,
                                                                    ivc_question_get_id (question));

          if (evaluation != NULL && ivc_evaluation_get_score (evaluation) != IVC_SCORE_NONE)
            n_scored++;
        }

      /* Translators: progress through the interview plan, "Interview plan · 3 of 7 scored" */
      subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Interview plan · %u of %u scored",
                                               "Interview plan · %u of %u scored", n),
                                  n_scored, n);
      gtk_label_set_text (self->plan_progress_label, subtitle);
      g_clear_pointer (&subtitle, g_free);
    }
  gtk_revealer_set_reveal_child (self->plan_progress_revealer, self->plan_mode);

  if (self->bank != NULL)
    {
      guint n = ivc_question_bank_get_n_questions (self->bank);

      gtk_label_set_text (self->sidebar_title, ivc_question_bank_get_title (self->bank));
      subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u question", "%u questions", n), n);
      gtk_label_set_text (self->sidebar_subtitle, subtitle);
    }
}

/* Follows the candidate's plan: the list of planned questions, the progress
 * and the pin of the question on screen. Cheap when nothing changed, as it
 * runs on every change of the candidate. */
static void
update_plan (IvcWindow *self)
{
  const char * const *plan = self->candidate ? ivc_candidate_get_plan (self->candidate) : NULL;
  g_autoptr(GPtrArray) questions = g_ptr_array_new ();
  guint n_old = g_list_model_get_n_items (G_LIST_MODEL (self->plan_questions));
  gboolean same;

  for (guint i = 0; self->bank != NULL && plan != NULL && plan[i] != NULL; i++)
    {
      IvcQuestion *question = ivc_question_bank_find_question (self->bank, plan[i]);

      if (question != NULL)
        g_ptr_array_add (questions, question);
    }

  same = n_old == questions->len;
  for (guint i = 0; same && i < n_old; i++)
    {
      g_autoptr(IvcQuestion) old = g_list_model_get_item (G_LIST_MODEL (self->plan_questions), i);

      same = old == g_ptr_array_index (questions, i);
    }

  if (!same)
    {
      g_list_store_splice (self->plan_questions, 0, n_old, questions->pdata, questions->len);
      if (self->plan_mode)
        {
          count_visible_questions (self);
          update_sidebar_page (self);
          reselect_current (self);
        }
    }

  update_sidebar_title (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUESTION_PLANNED]);
}

static gboolean
get_question_planned (IvcWindow *self)
{
  IvcQuestion *question;

  /* Asked for by the template's buttons before it is complete. */
  if (self->question_view == NULL)
    return FALSE;

  question = ivc_question_view_get_question (self->question_view);

  return self->candidate != NULL && question != NULL &&
         ivc_candidate_get_plan_position (self->candidate, ivc_question_get_id (question)) >= 0;
}

static gboolean
require_candidate_and_question (IvcWindow *self)
{
  if (self->candidate == NULL)
    {
      adw_toast_overlay_add_toast (self->toast_overlay,
                                   adw_toast_new (_("Start a candidate first, with Ctrl+N")));
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
  if (adw_flap_get_reveal_flap (self->flap) && !adw_flap_get_folded (self->flap))
    return;

  if (self->noted_toast == NULL)
    {
      self->noted_toast = adw_toast_new (text);
      adw_toast_set_timeout (self->noted_toast, 2);
      g_object_add_weak_pointer (G_OBJECT (self->noted_toast), (gpointer *)&self->noted_toast);
      g_signal_connect_swapped (self->noted_toast, "dismissed", G_CALLBACK (g_object_unref), self->noted_toast);
      adw_toast_overlay_add_toast (self->toast_overlay, g_object_ref (self->noted_toast));
    }
  else
    adw_toast_set_title (self->noted_toast, text);
}

static void
set_question_planned (IvcWindow *self,
                      gboolean   planned)
{
  IvcQuestion *question = ivc_question_view_get_question (self->question_view);

  if (planned == get_question_planned (self))
    return;

  if (self->candidate == NULL || question == NULL)
    {
      require_candidate_and_question (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUESTION_PLANNED]);
      return;
    }

  if (planned)
    ivc_candidate_plan_move (self->candidate, ivc_question_get_id (question), -1);
  else
    ivc_candidate_plan_remove (self->candidate, ivc_question_get_id (question));
}

static void
set_plan_mode (IvcWindow *self,
               gboolean   plan_mode)
{
  plan_mode = !!plan_mode && self->candidate != NULL;

  if (self->plan_mode == plan_mode)
    return;

  self->plan_mode = plan_mode;
  g_set_object (&self->rows, active_rows (self));
  if (self->selection != NULL)
    gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->rows));

  count_visible_questions (self);
  update_sidebar_page (self);
  update_sidebar_title (self);
  reselect_current (self);
  update_content_title (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAN_MODE]);
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

  if (self->candidate == NULL || question == NULL)
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
 * The interview timer.
 */

static void
update_timer (IvcWindow *self)
{
  guint64 elapsed = ivc_interview_timer_get_elapsed (self->timer);
  gboolean running = ivc_interview_timer_get_running (self->timer);
  g_autofree char *text = ivc_format_duration (elapsed);

  gtk_label_set_text (self->timer_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->timer_icon), !adw_leaflet_get_folded (self->leaflet));
  gtk_image_set_from_icon_name (self->timer_icon,
                                running ? "media-playback-pause-symbolic" : "media-playback-start-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->timer_button),
                               running ? _("Pause Interview Timer (Ctrl+T)")
                                       : _("Start Interview Timer (Ctrl+T)"));
}

static void
on_timer_running_changed_cb (IvcWindow *self)
{
  update_timer (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIMER_RUNNING]);
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

  if ((state & (GDK_CONTROL_MASK | GDK_SHIFT_MASK | GDK_ALT_MASK | GDK_SUPER_MASK)) != GDK_ALT_MASK ||
      (keyval != GDK_KEY_a && keyval != GDK_KEY_r) ||
      !g_settings_get_boolean (self->settings, "reveal-while-held"))
    return GDK_EVENT_PROPAGATE;

  show_question_page (self);

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
}

/*
 * Text size and full screen.
 */

#define ZOOM_MIN     0.5
#define ZOOM_MAX     3.0
#define ZOOM_STEP    0.1

static double
get_text_zoom (IvcWindow *self)
{
  return g_settings_get_double (self->settings, "text-zoom");
}

/* Text is scaled through the font resolution, so that every text grows,
 * headings in points included, from the system's own text scaling. */
static void
apply_text_zoom (IvcWindow *self)
{
  GtkSettings *settings = gtk_widget_get_settings (GTK_WIDGET (self));
  double zoom = get_text_zoom (self);
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

static void
set_text_zoom (IvcWindow *self,
               double     zoom)
{
  zoom = CLAMP (round (zoom * 10) / 10, ZOOM_MIN, ZOOM_MAX);

  if (G_APPROX_VALUE (zoom, get_text_zoom (self), 0.001))
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }

  g_settings_set_double (self->settings, "text-zoom", zoom);
}

static void
on_text_zoom_changed_cb (IvcWindow *self)
{
  apply_text_zoom (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT_ZOOM]);
}

static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  IvcWindow *self = IVC_WINDOW (widget);
  int direction = g_variant_get_int32 (parameter);

  if (direction == 0)
    set_text_zoom (self, 1.0);
  else
    set_text_zoom (self, get_text_zoom (self) + direction * ZOOM_STEP);
}

static void
show_preferences_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  gtk_window_present (GTK_WINDOW (ivc_preferences_window_new (GTK_WINDOW (widget))));
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


/*
 * Question banks: the bundled one and those imported into the library.
 */

static const char *
get_bank_id (IvcWindow *self)
{
  return self->bank != NULL ? ivc_question_bank_get_id (self->bank) : NULL;
}

/* A candidate interviewed with a bank that is not installed still opens,
 * with their notes; this says why the questions do not match. */
static void
update_bank_missing (IvcWindow *self)
{
  const char *wanted = self->candidate ? ivc_candidate_get_bank_id (self->candidate) : "";
  gboolean missing = FALSE;

  /* Not said before the library is read: the bank may well be there. */
  if (*wanted != '\0' && self->bank != NULL && g_strcmp0 (wanted, get_bank_id (self)) != 0 &&
      self->library_loaded)
    missing = ivc_bank_library_lookup (self->library, wanted) == NULL;

  if (missing)
    {
      g_autofree char *text = NULL;

      /* Translators: the candidate's name, then the id of a question bank */
      text = g_strdup_printf (_("%s was interviewed with the question bank “%s”, which is not "
                                "installed. Their notes are kept: notes on questions this bank "
                                "does not have are listed in the side panel. Import the bank "
                                "(Ctrl+O) to see them with their questions."),
                              ivc_candidate_get_name (self->candidate), wanted);
      gtk_label_set_text (self->bank_missing_label, text);
    }

  gtk_revealer_set_reveal_child (self->bank_missing_revealer, missing);
}

static void
library_bank_loaded_cb (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(IvcWindow) self = user_data;
  g_autoptr(IvcQuestionBank) bank = NULL;
  g_autoptr(GError) error = NULL;

  bank = ivc_bank_library_load_bank_finish (IVC_BANK_LIBRARY (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  ivc_window_bank_loaded (self, bank, error);
}

static void
load_library_bank (IvcWindow   *self,
                   IvcBankInfo *info)
{
  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  self->load_cancellable = g_cancellable_new ();

  ivc_bank_library_load_bank_async (self->library, info, self->load_cancellable,
                                    library_bank_loaded_cb, g_object_ref (self));
}

/* Switching to a candidate shows the bank they were interviewed with. */
static void
show_candidate_bank (IvcWindow *self)
{
  const char *wanted = self->candidate ? ivc_candidate_get_bank_id (self->candidate) : "";
  IvcBankInfo *info;

  if (*wanted != '\0' && self->library != NULL && g_strcmp0 (wanted, get_bank_id (self)) != 0 &&
      (info = ivc_bank_library_lookup (self->library, wanted)) != NULL)
    load_library_bank (self, info);

  update_bank_missing (self);
}

/* A bank imported while the candidate's was missing is shown at once. */
static void
on_library_changed_cb (IvcWindow *self)
{
  if (gtk_revealer_get_reveal_child (self->bank_missing_revealer))
    show_candidate_bank (self);
}

/**
 * ivc_window_set_bank_library:
 *
 * The banks the window can switch between and import into.
 */
void
ivc_window_set_bank_library (IvcWindow      *self,
                             IvcBankLibrary *library)
{
  g_return_if_fail (IVC_IS_WINDOW (self));
  g_return_if_fail (IVC_IS_BANK_LIBRARY (library));

  if (self->library != NULL)
    g_signal_handlers_disconnect_by_data (self->library, self);
  if (!g_set_object (&self->library, library))
    return;

  g_signal_connect_object (library, "items-changed", G_CALLBACK (on_library_changed_cb),
                           self, G_CONNECT_SWAPPED);
  ivc_bank_switcher_set_library (self->bank_switcher, library);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-bank", TRUE);
  show_candidate_bank (self);
}

/**
 * ivc_window_bank_library_loaded:
 *
 * The library has listed every imported bank: the candidate's bank can be
 * found, or said to be missing.
 */
void
ivc_window_bank_library_loaded (IvcWindow *self)
{
  g_return_if_fail (IVC_IS_WINDOW (self));

  self->library_loaded = TRUE;
  show_candidate_bank (self);
}

/* Ctrl+Shift+O: the bank switcher, from the keyboard. */
static void
show_banks_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  IvcWindow *self = IVC_WINDOW (widget);

  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->sidebar);

  gtk_menu_button_popup (self->bank_button);
}

static void
switch_bank_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  IvcWindow *self = IVC_WINDOW (widget);
  const char *bank_id = g_variant_get_string (parameter, NULL);
  IvcBankInfo *info;

  if (self->library == NULL || (info = ivc_bank_library_lookup (self->library, bank_id)) == NULL)
    return;

  /* A candidate not interviewed yet follows the interviewer's choice. */
  if (self->candidate != NULL)
    {
      g_autoptr(GPtrArray) evaluations = ivc_candidate_list_evaluations (self->candidate);

      if (evaluations->len == 0)
        ivc_candidate_set_bank_id (self->candidate, bank_id);
    }

  if (g_strcmp0 (bank_id, get_bank_id (self)) != 0)
    load_library_bank (self, info);
}

typedef struct
{
  GWeakRef   window;
  char      *bank_id;
  gboolean   was_shown;
  gboolean   undone;
} RemovedBank;

static void
removed_bank_free (RemovedBank *removed)
{
  g_weak_ref_clear (&removed->window);
  g_free (removed->bank_id);
  g_free (removed);
}

static void
on_undo_remove_bank_cb (AdwToast    *toast,
                        RemovedBank *removed)
{
  g_autoptr(IvcWindow) self = g_weak_ref_get (&removed->window);
  g_autoptr(GError) error = NULL;

  removed->undone = TRUE;
  if (self == NULL || self->library == NULL)
    return;

  if (!ivc_bank_library_restore (self->library, removed->bank_id, &error))
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }

  if (removed->was_shown)
    load_library_bank (self, ivc_bank_library_lookup (self->library, removed->bank_id));
}

static void
on_remove_bank_toast_dismissed_cb (AdwToast    *toast,
                                   RemovedBank *removed)
{
  g_autoptr(IvcWindow) self = g_weak_ref_get (&removed->window);

  if (!removed->undone && self != NULL && self->library != NULL)
    ivc_bank_library_discard_removed (self->library, removed->bank_id);
}

/* Removing a bank can be undone for as long as its toast shows. */
static void
remove_bank_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  IvcWindow *self = IVC_WINDOW (widget);
  const char *bank_id = g_variant_get_string (parameter, NULL);
  g_autofree char *title = NULL;
  g_autoptr(GError) error = NULL;
  RemovedBank *removed;
  IvcBankInfo *info;
  AdwToast *toast;

  if (self->library == NULL || (info = ivc_bank_library_lookup (self->library, bank_id)) == NULL)
    return;

  title = g_strdup (ivc_bank_info_get_title (info));
  if (!ivc_bank_library_remove (self->library, bank_id, &error))
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }

  removed = g_new0 (RemovedBank, 1);
  g_weak_ref_init (&removed->window, self);
  removed->bank_id = g_strdup (bank_id);
  removed->was_shown = g_strcmp0 (bank_id, get_bank_id (self)) == 0;

  /* The bank on screen gives way to the built-in one (or, for an update
   * of the built-in bank, to the original). */
  if (removed->was_shown)
    {
      info = ivc_bank_library_lookup (self->library, bank_id);
      load_library_bank (self, info ? info : ivc_bank_library_get_bundled (self->library));
    }

  /* Translators: a toast after removing a question bank */
  toast = adw_toast_new_format (_("“%s” removed"), title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (on_undo_remove_bank_cb),
                         removed, NULL, 0);
  g_signal_connect_data (toast, "dismissed", G_CALLBACK (on_remove_bank_toast_dismissed_cb),
                         removed, (GClosureNotify)removed_bank_free, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* An invalid bank is refused with every located problem, so that it can
 * be fixed; nothing of it was written. */
static void
show_import_error (IvcWindow    *self,
                   GFile        *file,
                   const GError *error,
                   GPtrArray    *problems)
{
  g_autofree char *name = file ? g_file_get_basename (file) : NULL;
  g_autofree char *heading = NULL;
  AdwMessageDialog *dialog;

  /* Translators: the name of a file that could not be imported */
  heading = name ? g_strdup_printf (_("Cannot Import “%s”"), name) : g_strdup (_("Cannot Import the Bank"));
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, NULL));

  if (problems != NULL && problems->len > 0)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      GtkWidget *scrolled, *view;

      adw_message_dialog_set_body (dialog, _("The bank has problems. Nothing was imported. "
                                             "Fix these and import it again:"));
      for (guint i = 0; i < problems->len; i++)
        g_string_append_printf (text, "%s%s", i ? "\n" : "",
                                ((const GError *)g_ptr_array_index (problems, i))->message);

      view = gtk_text_view_new ();
      gtk_text_view_set_editable (GTK_TEXT_VIEW (view), FALSE);
      gtk_text_view_set_monospace (GTK_TEXT_VIEW (view), TRUE);
      gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
      gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 6);
      gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 6);
      gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 6);
      gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 6);
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), text->str, -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Problems in the bank"), -1);

      scrolled = gtk_scrolled_window_new ();
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);
      gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
      gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 120);
      gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 320);
      gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
      gtk_widget_add_css_class (scrolled, "card");
      adw_message_dialog_set_extra_child (dialog, scrolled);
    }
  else
    adw_message_dialog_set_body (dialog, error->message);

  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * ivc_window_bank_imported:
 * @bank: (nullable): the bank imported, or %NULL
 * @replaced: whether it updated a bank imported before
 * @error: (nullable): why it could not be imported
 * @problems: (nullable) (element-type GError): the problems found in it
 *
 * Shows a bank just imported, or why it could not be.
 */
void
ivc_window_bank_imported (IvcWindow       *self,
                          GFile           *file,
                          IvcQuestionBank *bank,
                          gboolean         replaced,
                          const GError    *error,
                          GPtrArray       *problems)
{
  AdwToast *toast;

  g_return_if_fail (IVC_IS_WINDOW (self));
  g_return_if_fail (bank != NULL || error != NULL);

  if (bank == NULL)
    {
      show_import_error (self, file, error, problems);
      if (self->bank == NULL)
        ivc_window_load_bundled_bank (self);
      return;
    }

  /* A candidate not interviewed yet follows to the new bank. */
  if (self->candidate != NULL)
    {
      g_autoptr(GPtrArray) evaluations = ivc_candidate_list_evaluations (self->candidate);

      if (evaluations->len == 0)
        ivc_candidate_set_bank_id (self->candidate, ivc_question_bank_get_id (bank));
    }

  ivc_window_set_bank (self, bank);

  /* Translators: toasts after importing a question bank */
  toast = adw_toast_new_format (replaced ? _("“%s” updated") : _("“%s” imported"),
                                ivc_question_bank_get_title (bank));
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
import_bank_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(IvcWindow) self = user_data;
  GFile *file = g_object_get_data (G_OBJECT (self), "importing-file");
  g_autoptr(IvcQuestionBank) bank = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  gboolean replaced = FALSE;

  bank = ivc_bank_library_import_finish (IVC_BANK_LIBRARY (source), result, NULL, &replaced,
                                         &problems, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  ivc_window_bank_imported (self, file, bank, replaced, error, problems);
}

/**
 * ivc_window_import_bank:
 *
 * Validates @file, copies it into the bank library and shows it; in a
 * worker thread.
 */
void
ivc_window_import_bank (IvcWindow *self,
                        GFile     *file)
{
  g_return_if_fail (IVC_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->library == NULL)
    {
      ivc_window_open_bank (self, file);
      return;
    }

  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  self->load_cancellable = g_cancellable_new ();

  g_object_set_data_full (G_OBJECT (self), "importing-file", g_object_ref (file), g_object_unref);
  ivc_bank_library_import_async (self->library, file, self->load_cancellable,
                                 import_bank_cb, g_object_ref (self));
}

#if GTK_CHECK_VERSION (4, 10, 0)
static void
import_dialog_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(IvcWindow) self = user_data;
  g_autoptr(GFile) file = gtk_file_dialog_open_finish (GTK_FILE_DIALOG (source), result, NULL);

  if (file != NULL)
    ivc_window_import_bank (self, file);
}
#else
static void
import_chooser_cb (GtkNativeDialog *chooser,
                   int              response,
                   IvcWindow       *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))) != NULL)
    ivc_window_import_bank (self, file);

  g_object_unref (chooser);
}
#endif

static void
import_bank_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  IvcWindow *self = IVC_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Question Banks (JSON)"));
  gtk_file_filter_add_mime_type (filter, "application/json");
  gtk_file_filter_add_suffix (filter, "json");

#if GTK_CHECK_VERSION (4, 10, 0)
  {
    g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();

    gtk_file_dialog_set_title (dialog, _("Import a Question Bank"));
    gtk_file_dialog_set_accept_label (dialog, _("_Import"));
    gtk_file_dialog_set_default_filter (dialog, filter);
    gtk_file_dialog_open (dialog, GTK_WINDOW (self), NULL, import_dialog_cb, g_object_ref (self));
  }
#else
  {
    GtkFileChooserNative *chooser;

    chooser = gtk_file_chooser_native_new (_("Import a Question Bank"), GTK_WINDOW (self),
                                           GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), _("_Cancel"));
    gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
    g_signal_connect (chooser, "response", G_CALLBACK (import_chooser_cb), self);
    gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
  }
#endif
}

/* A .json file dropped on the window is imported. */
static gboolean
on_drop_cb (GtkDropTarget *target,
            const GValue  *value,
            double         x,
            double         y,
            IvcWindow     *self)
{
  GSList *files;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;

  files = gdk_file_list_get_files (g_value_get_boxed (value));
  for (GSList *l = files; l != NULL; l = l->next)
    {
      g_autofree char *name = g_file_get_basename (l->data);
      g_autofree char *lower = name ? g_ascii_strdown (name, -1) : NULL;

      if (lower != NULL && g_str_has_suffix (lower, ".json"))
        {
          ivc_window_import_bank (self, l->data);
          g_slist_free (files);
          return TRUE;
        }
    }
  g_slist_free (files);

  adw_toast_overlay_add_toast (self->toast_overlay,
                               adw_toast_new (_("Only question banks, as .json files, can be dropped here")));
  return FALSE;
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
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new_format (_("Exported to “%s”"), name));
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
      require_candidate_and_question (self);
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
      require_candidate_and_question (self);
      return;
    }

  scorecard = dup_current_scorecard (self);
  if (ivc_scorecard_print (scorecard, GTK_WINDOW (self), GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                           NULL, &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
}

/*
 * Candidates.
 */

static void
update_window_title (IvcWindow *self)
{
  g_autofree char *title = NULL;

  if (self->candidate != NULL)
    /* Translators: the window title, with the current candidate's name */
    title = g_strdup_printf (_("%s — Interview Companion"), ivc_candidate_get_name (self->candidate));
  gtk_window_set_title (GTK_WINDOW (self), title ? title : _("Interview Companion"));
}

/* A rename shows at once in the title bars. */
static void
on_candidate_changed_cb (IvcWindow *self)
{
  update_plan (self);
  update_window_title (self);
  update_content_title (self);
}

static void
set_candidate (IvcWindow    *self,
               IvcCandidate *candidate)
{
  if (self->candidate == candidate)
    return;

  /* Another candidate, another interview: nothing stays revealed, and the
   * time counted so far is the last candidate's. */
  ivc_question_view_conceal (self->question_view);
  ivc_interview_timer_set_candidate (self->timer, candidate);

  /* What was typed for the last candidate goes to disk now. */
  if (self->store != NULL)
    ivc_candidate_store_save_async (self->store, NULL, NULL, NULL);

  if (self->candidate != NULL)
    g_signal_handlers_disconnect_by_func (self->candidate, on_candidate_changed_cb, self);
  g_set_object (&self->candidate, candidate);
  if (candidate != NULL)
    g_signal_connect_object (candidate, "changed", G_CALLBACK (on_candidate_changed_cb),
                             self, G_CONNECT_SWAPPED);

  ivc_candidate_panel_set_candidate (self->candidate_panel, candidate);
  g_settings_set_string (self->settings, "last-candidate",
                         candidate ? ivc_candidate_get_id (candidate) : "");

  update_window_title (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.rename-candidate", candidate != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.delete-candidate", candidate != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.toggle-timer", candidate != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-plan", candidate != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.move-in-plan", candidate != NULL);

  if (candidate == NULL)
    set_plan_mode (self, FALSE);
  show_candidate_bank (self);
  update_plan (self);
  update_timer (self);

  update_content_title (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CANDIDATE]);
}

static void
on_save_error_changed_cb (IvcWindow *self)
{
  const GError *error = ivc_candidate_store_get_save_error (self->store);

  if (error != NULL)
    {
      g_autofree char *text = g_strdup_printf (_("Notes cannot be saved: %s. They are kept "
                                                 "open here and saving is retried."),
                                               error->message);
      gtk_label_set_text (self->save_error_label, text);
    }

  gtk_revealer_set_reveal_child (self->save_error_revealer, error != NULL);
}

typedef struct
{
  IvcWindow *window;
  GtkEntry  *name;
  GtkEntry  *role;
  GtkEntry  *date;
  IvcCandidate *renaming;
} CandidateDialog;

static void
candidate_dialog_free (CandidateDialog *data)
{
  g_clear_object (&data->renaming);
  g_free (data);
}

static char *
dup_stripped_text (GtkEntry *entry)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
}

/* A name is needed; a date, when given, must be one the file can keep. */
static void
on_candidate_fields_changed_cb (AdwMessageDialog *dialog,
                                GtkEditable      *editable)
{
  CandidateDialog *data = g_object_get_data (G_OBJECT (dialog), "candidate-dialog");
  g_autofree char *name = dup_stripped_text (data->name);
  g_autofree char *date = dup_stripped_text (data->date);
  gboolean date_ok = *date == '\0' || ivc_candidate_date_is_valid (date);

  if (date_ok)
    gtk_widget_remove_css_class (GTK_WIDGET (data->date), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (data->date), "error");
  gtk_widget_set_tooltip_text (GTK_WIDGET (data->date),
                               date_ok ? NULL : _("Write the date as year-month-day, like 2026-11-28"));

  adw_message_dialog_set_response_enabled (dialog, "save", *name != '\0' && date_ok);
}

static void
on_candidate_dialog_response_cb (AdwMessageDialog *dialog,
                                 const char       *response,
                                 CandidateDialog  *data)
{
  IvcWindow *self = data->window;
  g_autofree char *name = dup_stripped_text (data->name);
  g_autofree char *role = dup_stripped_text (data->role);
  g_autofree char *date = dup_stripped_text (data->date);

  /* The response is enabled only for a name and a valid date (or none). */
  if (!g_str_equal (response, "save") || self->store == NULL)
    return;

  if (data->renaming != NULL)
    {
      ivc_candidate_set_name (data->renaming, name);
      ivc_candidate_set_role (data->renaming, role);
      ivc_candidate_set_interview_date (data->renaming, date);
    }
  else
    {
      IvcCandidate *candidate = ivc_candidate_store_create (self->store, name, role, date,
                                                            self->bank ? ivc_question_bank_get_id (self->bank) : "");
      set_candidate (self, candidate);
      if (!adw_flap_get_folded (self->flap))
        g_object_set (self, "side-panel-visible", TRUE, NULL);
    }
}

static GtkEntry *
add_entry (GtkBox     *box,
           const char *placeholder,
           const char *text)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), placeholder);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (entry), text ? text : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, placeholder, -1);
  gtk_box_append (box, entry);
  return GTK_ENTRY (entry);
}

static void
show_candidate_dialog (IvcWindow    *self,
                       IvcCandidate *renaming)
{
  CandidateDialog *data = g_new0 (CandidateDialog, 1);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  AdwMessageDialog *dialog;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  data->window = self;
  data->renaming = renaming ? g_object_ref (renaming) : NULL;
  data->name = add_entry (GTK_BOX (box), _("Name"), renaming ? ivc_candidate_get_name (renaming) : NULL);
  data->role = add_entry (GTK_BOX (box), _("Role (optional)"), renaming ? ivc_candidate_get_role (renaming) : NULL);
  data->date = add_entry (GTK_BOX (box), _("Interview date, YYYY-MM-DD (optional)"),
                          renaming ? ivc_candidate_get_interview_date (renaming) : today);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       renaming ? _("Rename Candidate") : _("New Candidate"),
                                                       renaming ? NULL : _("Notes and scores are saved for this candidate as you type.")));
  adw_message_dialog_set_extra_child (dialog, box);
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "save", renaming ? _("_Rename") : _("_Create"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "save");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "candidate-dialog", data,
                          (GDestroyNotify)candidate_dialog_free);
  g_signal_connect_object (data->name, "changed", G_CALLBACK (on_candidate_fields_changed_cb),
                           dialog, G_CONNECT_SWAPPED);
  g_signal_connect_object (data->date, "changed", G_CALLBACK (on_candidate_fields_changed_cb),
                           dialog, G_CONNECT_SWAPPED);
  on_candidate_fields_changed_cb (dialog, NULL);
  g_signal_connect (dialog, "response", G_CALLBACK (on_candidate_dialog_response_cb), data);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (GTK_WIDGET (data->name));
}

static void
new_candidate_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  show_candidate_dialog (IVC_WINDOW (widget), NULL);
}

static void
rename_candidate_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  IvcWindow *self = IVC_WINDOW (widget);

  if (self->candidate != NULL)
    show_candidate_dialog (self, self->candidate);
}

static void
switch_candidate_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  IvcWindow *self = IVC_WINDOW (widget);
  IvcCandidate *candidate;

  if (self->store == NULL)
    return;

  candidate = ivc_candidate_store_find (self->store, g_variant_get_string (parameter, NULL));
  if (candidate != NULL)
    set_candidate (self, candidate);
}

static void
on_undo_delete_cb (AdwToast     *toast,
                   IvcCandidate *candidate)
{
  IvcWindow *self = g_object_get_data (G_OBJECT (toast), "window");

  if (self == NULL || self->store == NULL)
    return;

  ivc_candidate_store_restore (self->store, candidate);
  set_candidate (self, candidate);
}

static void
delete_candidate_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  IvcWindow *self = IVC_WINDOW (widget);
  g_autoptr(IvcCandidate) removed = NULL;
  g_autoptr(IvcCandidate) next = NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;

  if (self->candidate == NULL || self->store == NULL)
    return;

  removed = ivc_candidate_store_remove (self->store, self->candidate);
  next = g_list_model_get_item (ivc_candidate_store_get_candidates (self->store), 0);
  set_candidate (self, next);

  /* Translators: a toast after deleting a candidate */
  title = g_strdup_printf (_("“%s” deleted"), ivc_candidate_get_name (removed));
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data (G_OBJECT (toast), "window", self);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (on_undo_delete_cb),
                         g_object_ref (removed), (GClosureNotify)g_object_unref, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
score_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  IvcWindow *self = IVC_WINDOW (widget);
  IvcScore score = g_variant_get_int32 (parameter);
  g_autofree char *text = NULL;

  if (!require_candidate_and_question (self))
    return;

  g_object_set (self->candidate_panel, "score", score, NULL);

  if (score == IVC_SCORE_NONE)
    text = g_strdup (_("Score cleared"));
  else
    /* Translators: a short note after scoring with a key, "Scored 3, Good" */
    text = g_strdup_printf (_("Scored %d, %s"), (int)score, ivc_score_get_label (score));
  say_noted (self, text);
}

static void
toggle_red_flag_observed_action (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *parameter)
{
  IvcWindow *self = IVC_WINDOW (widget);
  gboolean observed;

  if (!require_candidate_and_question (self))
    return;

  g_object_get (self->candidate_panel, "red-flag-observed", &observed, NULL);
  g_object_set (self->candidate_panel, "red-flag-observed", !observed, NULL);
  say_noted (self, !observed ? _("Red flag observed") : _("Red flag no longer marked"));
}

static void
on_flap_revealed_cb (IvcWindow *self)
{
  double progress = adw_flap_get_reveal_progress (self->flap);

  if (progress < 1.0 && adw_flap_get_reveal_flap (self->flap))
    return;

  g_signal_handlers_disconnect_by_func (self->flap, on_flap_revealed_cb, self);
  if (progress >= 1.0)
    ivc_candidate_panel_focus_notes (self->candidate_panel);
}

static void
focus_notes_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  IvcWindow *self = IVC_WINDOW (widget);

  if (require_candidate_and_question (self))
    {
      g_object_set (self, "side-panel-visible", TRUE, NULL);
      ivc_candidate_panel_focus_notes (self->candidate_panel);

      /* A panel sliding in over the question takes the focus for itself
       * when it is in: the notes keep it. */
      if (adw_flap_get_reveal_progress (self->flap) < 1.0)
        {
          g_signal_handlers_disconnect_by_func (self->flap, on_flap_revealed_cb, self);
          g_signal_connect_object (self->flap, "notify::reveal-progress",
                                   G_CALLBACK (on_flap_revealed_cb), self, G_CONNECT_SWAPPED);
        }
    }
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

/**
 * ivc_window_set_store:
 *
 * The candidates the window takes notes for.
 */
void
ivc_window_set_store (IvcWindow         *self,
                      IvcCandidateStore *store)
{
  g_return_if_fail (IVC_IS_WINDOW (self));
  g_return_if_fail (IVC_IS_CANDIDATE_STORE (store));

  if (!g_set_object (&self->store, store))
    return;

  ivc_candidate_panel_set_store (self->candidate_panel, store);
  g_signal_connect_object (store, "notify::save-error", G_CALLBACK (on_save_error_changed_cb),
                           self, G_CONNECT_SWAPPED);
  on_save_error_changed_cb (self);
}

/**
 * ivc_window_get_candidate:
 *
 * Returns: (transfer none) (nullable): the candidate notes are taken for
 */
IvcCandidate *
ivc_window_get_candidate (IvcWindow *self)
{
  g_return_val_if_fail (IVC_IS_WINDOW (self), NULL);

  return self->candidate;
}

/**
 * ivc_window_candidates_loaded:
 * @problems: (element-type GError): candidate files that could not be read
 *
 * Reopens the last candidate, and says which files were set aside.
 */
void
ivc_window_candidates_loaded (IvcWindow *self,
                              GPtrArray *problems)
{
  g_autofree char *last = NULL;

  g_return_if_fail (IVC_IS_WINDOW (self));
  g_return_if_fail (self->store != NULL);

  last = g_settings_get_string (self->settings, "last-candidate");
  if (self->candidate == NULL && *last != '\0')
    set_candidate (self, ivc_candidate_store_find (self->store, last));

  if (problems != NULL && problems->len > 0)
    {
      g_autoptr(GString) body = g_string_new (NULL);
      AdwMessageDialog *dialog;

      for (guint i = 0; i < problems->len; i++)
        {
          const GError *problem = g_ptr_array_index (problems, i);
          g_string_append_printf (body, "%s%s", i ? "\n\n" : "", problem->message);
        }

      dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                           g_dngettext (GETTEXT_PACKAGE,
                                                                        "A Candidate File Could Not Be Read",
                                                                        "Some Candidate Files Could Not Be Read",
                                                                        problems->len),
                                                           NULL));
      adw_message_dialog_set_body (dialog, body->str);
      adw_message_dialog_add_response (dialog, "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
    }
}

static void
export_unsaved_cb (GtkNativeDialog *chooser,
                   int              response,
                   IvcWindow       *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT && self->candidate != NULL &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))) != NULL)
    {
      bytes = ivc_candidate_to_bytes (self->candidate);
      if (g_file_replace_contents (file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                   NULL, FALSE, G_FILE_CREATE_PRIVATE, NULL, NULL, &error))
        {
          self->closing_anyway = TRUE;
          gtk_window_close (GTK_WINDOW (self));
        }
      else
        adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
    }

  g_object_unref (chooser);
}

static void
on_unsaved_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        IvcWindow        *self)
{
  if (g_str_equal (response, "discard"))
    {
      self->closing_anyway = TRUE;
      gtk_window_close (GTK_WINDOW (self));
    }
  else if (g_str_equal (response, "export"))
    {
      GtkFileChooserNative *chooser;
      g_autofree char *name = NULL;

      chooser = gtk_file_chooser_native_new (_("Export Unsaved Notes"), GTK_WINDOW (self),
                                             GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
      name = g_strdup_printf ("%s.json", self->candidate ? ivc_candidate_get_id (self->candidate) : "notes");
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
      g_signal_connect (chooser, "response", G_CALLBACK (export_unsaved_cb), self);
      gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
    }
}

static gboolean
ivc_window_close_request (GtkWindow *window)
{
  IvcWindow *self = IVC_WINDOW (window);
  g_autoptr(GError) error = NULL;
  int width, height;

  /* The time counted so far belongs in the file too. */
  ivc_interview_timer_commit (self->timer);

  /* Nothing typed is lost: write it now, and if that fails, say so and
   * offer to put it somewhere else. */
  if (self->store != NULL && !self->closing_anyway && !ivc_candidate_store_flush (self->store, &error))
    {
      AdwMessageDialog *dialog;

      dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (window, _("Notes Could Not Be Saved"), NULL));
      adw_message_dialog_format_body (dialog,
                                      _("%s\n\nExport the current candidate’s notes to a file of "
                                        "your choice, or keep the window open and try again."),
                                      error->message);
      adw_message_dialog_add_responses (dialog,
                                        "cancel", _("_Keep Open"),
                                        "discard", _("_Quit Without Saving"),
                                        "export", _("_Export…"),
                                        NULL);
      adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
      adw_message_dialog_set_response_appearance (dialog, "export", ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (dialog, "export");
      adw_message_dialog_set_close_response (dialog, "cancel");
      g_signal_connect (dialog, "response", G_CALLBACK (on_unsaved_response_cb), self);
      gtk_window_present (GTK_WINDOW (dialog));
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
  apply_text_zoom (self);
}

static void
ivc_window_dispose (GObject *object)
{
  IvcWindow *self = (IvcWindow *)object;

  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);

  if (self->scorecards != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (self->scorecards), (gpointer *)&self->scorecards);
      gtk_window_destroy (GTK_WINDOW (g_steal_pointer (&self->scorecards)));
    }

  if (self->question_list != NULL)
    gtk_list_view_set_model (self->question_list, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), IVC_TYPE_WINDOW);

  g_clear_object (&self->selection);
  g_clear_object (&self->rows);
  g_clear_object (&self->level_rows);
  g_clear_object (&self->plan_rows);
  g_clear_object (&self->visible_plan);
  g_clear_object (&self->plan_questions);
  g_clear_object (&self->visible_levels);
  g_clear_object (&self->timer);

  g_clear_object (&self->question_filter);
  g_clear_object (&self->level_filter);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->candidate);
  g_clear_object (&self->store);
  if (self->library != NULL)
    g_signal_handlers_disconnect_by_data (self->library, self);
  g_clear_object (&self->library);
  g_clear_object (&self->bank);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->search_words, g_strfreev);

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
    case PROP_BANK:
      g_value_set_object (value, self->bank);
      break;

    case PROP_SIDE_PANEL_VISIBLE:
      g_value_set_boolean (value, self->side_panel_visible);
      break;

    case PROP_CANDIDATE:
      g_value_set_object (value, self->candidate);
      break;

    case PROP_PLAN_MODE:
      g_value_set_boolean (value, self->plan_mode);
      break;

    case PROP_TIMER_RUNNING:
      g_value_set_boolean (value, ivc_interview_timer_get_running (self->timer));
      break;

    case PROP_TEXT_ZOOM:
      g_value_set_double (value, get_text_zoom (self));
      break;

    case PROP_QUESTION_PLANNED:
      g_value_set_boolean (value, get_question_planned (self));
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
    case PROP_BANK:
      ivc_window_set_bank (self, g_value_get_object (value));
      break;

    case PROP_SIDE_PANEL_VISIBLE:
      if (self->side_panel_visible != g_value_get_boolean (value))
        {
          self->side_panel_visible = g_value_get_boolean (value);
          if (self->settings != NULL && !adw_flap_get_folded (self->flap))
            g_settings_set_boolean (self->settings, "side-panel-visible", self->side_panel_visible);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    case PROP_PLAN_MODE:
      set_plan_mode (self, g_value_get_boolean (value));
      break;

    case PROP_TIMER_RUNNING:
      if (g_value_get_boolean (value) && self->candidate == NULL)
        require_candidate_and_question (self);
      ivc_interview_timer_set_running (self->timer, g_value_get_boolean (value));
      break;

    case PROP_TEXT_ZOOM:
      set_text_zoom (self, g_value_get_double (value));
      break;

    case PROP_QUESTION_PLANNED:
      set_question_planned (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
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

  properties[PROP_BANK] =
    g_param_spec_object ("bank", NULL, NULL, IVC_TYPE_QUESTION_BANK,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CANDIDATE] =
    g_param_spec_object ("candidate", NULL, NULL, IVC_TYPE_CANDIDATE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SIDE_PANEL_VISIBLE] =
    g_param_spec_boolean ("side-panel-visible", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);


  /**
   * IvcWindow:plan-mode:
   *
   * Whether the list shows only the candidate's plan, in plan order.
   */
  properties[PROP_PLAN_MODE] =
    g_param_spec_boolean ("plan-mode", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TIMER_RUNNING] =
    g_param_spec_boolean ("timer-running", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * IvcWindow:text-zoom:
   *
   * The size of text relative to the system's, remembered in the settings.
   */
  properties[PROP_TEXT_ZOOM] =
    g_param_spec_double ("text-zoom", NULL, NULL, ZOOM_MIN, ZOOM_MAX, 1.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * IvcWindow:question-planned:
   *
   * Whether the question on screen is in the candidate's plan.
   */
  properties[PROP_QUESTION_PLANNED] =
    g_param_spec_boolean ("question-planned", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (IVC_TYPE_QUESTION_VIEW);
  g_type_ensure (IVC_TYPE_BANK_SWITCHER);
  g_type_ensure (IVC_TYPE_CANDIDATE_PANEL);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ivc-window.ui");
  gtk_widget_class_bind_template_child (widget_class, IvcWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, IvcWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, IvcWindow, flap);
  gtk_widget_class_bind_template_child (widget_class, IvcWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, IvcWindow, content);
  gtk_widget_class_bind_template_child (widget_class, IvcWindow, sidebar_title);
  gtk_widget_class_bind_template_child (widget_class, IvcWindow, sidebar_subtitle);
  gtk_widget_class_bind_template_child (widget_class, IvcWindow, content_title);
  gtk_widget_class_bind_template_child (widget_class, IvcWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, IvcWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, IvcWindow, sidebar_stack);
  gtk_widget_class_bind_template_child (widget_class, IvcWindow, question_list);
  gtk_widget_class_bind_template_child (widget_class, IvcWindow, question_view);
  gtk_widget_class_bind_template_child (widget_class, IvcWindow, candidate_panel);
  gtk_widget_class_bind_template_child (widget_class, IvcWindow, save_error_revealer);
  gtk_widget_class_bind_template_child (widget_class, IvcWindow, save_error_label);
  gtk_widget_class_bind_template_child (widget_class, IvcWindow, timer_button);
  gtk_widget_class_bind_template_child (widget_class, IvcWindow, timer_icon);
  gtk_widget_class_bind_template_child (widget_class, IvcWindow, timer_label);
  gtk_widget_class_bind_template_child (widget_class, IvcWindow, planned_button);
  gtk_widget_class_bind_template_child (widget_class, IvcWindow, bank_switcher);
  gtk_widget_class_bind_template_child (widget_class, IvcWindow, bank_button);
  gtk_widget_class_bind_template_child (widget_class, IvcWindow, plan_progress_revealer);
  gtk_widget_class_bind_template_child (widget_class, IvcWindow, plan_progress_label);
  gtk_widget_class_bind_template_child (widget_class, IvcWindow, bank_missing_revealer);
  gtk_widget_class_bind_template_child (widget_class, IvcWindow, bank_missing_label);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_question_list_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_question_changed_cb);

  gtk_widget_class_install_action (widget_class, "win.next-question", NULL, next_question_action);
  gtk_widget_class_install_action (widget_class, "win.previous-question", NULL, previous_question_action);
  gtk_widget_class_install_action (widget_class, "win.toggle-answer", NULL, toggle_answer_action);
  gtk_widget_class_install_action (widget_class, "win.toggle-red-flag", NULL, toggle_red_flag_action);
  gtk_widget_class_install_action (widget_class, "win.conceal", NULL, conceal_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.show-questions", NULL, show_questions_action);
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL, show_help_overlay_action);
  gtk_widget_class_install_property_action (widget_class, "win.toggle-side-panel", "side-panel-visible");

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK, "win.next-question", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Down, GDK_ALT_MASK, "win.next-question", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "win.previous-question", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Up, GDK_ALT_MASK, "win.previous-question", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_a, GDK_ALT_MASK, "win.toggle-answer", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_ALT_MASK, "win.toggle-red-flag", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "win.conceal", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "win.toggle-side-panel", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_question, GDK_CONTROL_MASK, "win.show-help-overlay", NULL);

  gtk_widget_class_install_action (widget_class, "win.new-candidate", NULL, new_candidate_action);
  gtk_widget_class_install_action (widget_class, "win.rename-candidate", NULL, rename_candidate_action);
  gtk_widget_class_install_action (widget_class, "win.delete-candidate", NULL, delete_candidate_action);
  gtk_widget_class_install_action (widget_class, "win.switch-candidate", "s", switch_candidate_action);
  gtk_widget_class_install_action (widget_class, "win.score", "i", score_action);
  gtk_widget_class_install_action (widget_class, "win.toggle-red-flag-observed", NULL, toggle_red_flag_observed_action);
  gtk_widget_class_install_action (widget_class, "win.focus-notes", NULL, focus_notes_action);
  gtk_widget_class_install_action (widget_class, "win.retry-save", NULL, retry_save_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.new-candidate", NULL);
  for (int i = 0; i <= IVC_SCORE_MAX; i++)
    {
      gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0 + i, GDK_ALT_MASK, "win.score", "i", i);
      gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_0 + i, GDK_ALT_MASK, "win.score", "i", i);
    }
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_x, GDK_ALT_MASK, "win.toggle-red-flag-observed", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_ALT_MASK, "win.focus-notes", NULL);

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
  gtk_widget_class_install_action (widget_class, "win.switch-bank", "s", switch_bank_action);
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

static void
ivc_window_init (IvcWindow *self)
{
  g_autoptr(GtkListItemFactory) factory = NULL;
  GtkEventController *key_controller;
  GtkDropTarget *drop_target;

  /* The template's timer button asks for its state. */
  self->timer = ivc_interview_timer_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->search_words = g_new0 (char *, 1);
  self->question_filter = gtk_custom_filter_new (question_filter_func, self, NULL);
  self->level_filter = gtk_custom_filter_new (level_filter_func, self, NULL);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row_cb), self);
  gtk_list_view_set_factory (self->question_list, factory);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.rename-candidate", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.delete-candidate", FALSE);

  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  gtk_search_bar_set_key_capture_widget (self->search_bar, GTK_WIDGET (self->sidebar));

  self->plan_questions = g_list_store_new (IVC_TYPE_QUESTION);
  self->visible_plan = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->plan_questions)),
                                                  g_object_ref (GTK_FILTER (self->question_filter)));
  self->plan_rows = gtk_tree_list_model_new (g_object_ref (G_LIST_MODEL (self->visible_plan)),
                                             FALSE, FALSE, create_children_cb, self, NULL);

  g_signal_connect_object (self->timer, "notify::elapsed", G_CALLBACK (update_timer),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->timer, "notify::running", G_CALLBACK (on_timer_running_changed_cb),
                           self, G_CONNECT_SWAPPED);
  update_timer (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.toggle-timer", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-plan", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.move-in-plan", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-bank", FALSE);

  drop_target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (drop_target, "drop", G_CALLBACK (on_drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop_target));

  /* Narrow, the timer shows only its time: the header bar must fit 360
   * pixels. */
  g_signal_connect_object (self->leaflet, "notify::folded", G_CALLBACK (update_timer),
                           self, G_CONNECT_SWAPPED);

  /* Before the shortcuts: with "Reveal only while held", Alt+A and Alt+R
   * are handled here. */
  key_controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (key_controller, GTK_PHASE_CAPTURE);
  g_signal_connect (key_controller, "key-pressed", G_CALLBACK (on_key_pressed_cb), self);
  g_signal_connect (key_controller, "key-released", G_CALLBACK (on_key_released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), key_controller);
  g_signal_connect (self, "notify::is-active", G_CALLBACK (on_is_active_changed_cb), NULL);

}

IvcWindow *
ivc_window_new (IvcApplication *application)
{
  return g_object_new (IVC_TYPE_WINDOW, "application", application, NULL);
}

/**
 * ivc_window_get_bank:
 *
 * Returns: (transfer none) (nullable): the question bank shown
 */
IvcQuestionBank *
ivc_window_get_bank (IvcWindow *self)
{
  g_return_val_if_fail (IVC_IS_WINDOW (self), NULL);

  return self->bank;
}

/* For the start-up benchmark: leave as soon as the questions are painted. */
static void
on_benchmark_after_paint_cb (GdkFrameClock *frame_clock,
                             IvcWindow     *self)
{
  _exit (0);
}

static void
maybe_exit_for_benchmark (IvcWindow *self)
{
  if (g_getenv ("IVC_BENCHMARK_EXIT_AFTER_FIRST_FRAME") == NULL)
    return;

  gtk_widget_realize (GTK_WIDGET (self));
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (self)), "after-paint",
                    G_CALLBACK (on_benchmark_after_paint_cb), self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
ivc_window_set_bank (IvcWindow       *self,
                     IvcQuestionBank *bank)
{
  g_autofree char *last_question = NULL;

  g_return_if_fail (IVC_IS_WINDOW (self));
  g_return_if_fail (IVC_IS_QUESTION_BANK (bank));

  if (!g_set_object (&self->bank, bank))
    return;

  ivc_question_view_set_question (self->question_view, NULL);
  ivc_candidate_panel_set_bank (self->candidate_panel, bank);

  g_clear_object (&self->visible_levels);
  self->visible_levels = gtk_filter_list_model_new (g_object_ref (ivc_question_bank_get_levels (bank)),
                                                    g_object_ref (GTK_FILTER (self->level_filter)));
  g_clear_object (&self->level_rows);
  self->level_rows = gtk_tree_list_model_new (g_object_ref (G_LIST_MODEL (self->visible_levels)),
                                              FALSE, TRUE, create_children_cb, self, NULL);
  g_set_object (&self->rows, active_rows (self));
  g_clear_object (&self->selection);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->rows)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (on_selected_item_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_list_view_set_model (self->question_list, GTK_SELECTION_MODEL (self->selection));

  update_plan (self);
  count_visible_questions (self);
  update_sidebar_page (self);

  g_settings_set_string (self->settings, "last-bank", ivc_question_bank_get_id (bank));
  if (self->scorecards != NULL)
    ivc_scorecard_window_set_bank (IVC_SCORECARD_WINDOW (self->scorecards), bank);
  ivc_bank_switcher_set_current_bank_id (self->bank_switcher, ivc_question_bank_get_id (bank));
  update_bank_missing (self);

  /* Pick up where the interviewer left off, or at the start. */
  last_question = g_settings_get_string (self->settings, "last-question");
  if (!ivc_window_select_question (self, last_question))
    move_selection (self, 1);

  /* Keyboard users start in the list, not on the first header button. */
  if (gtk_window_get_focus (GTK_WINDOW (self)) == NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self->question_list));

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BANK]);

  maybe_exit_for_benchmark (self);
}

void
ivc_window_load_bundled_bank (IvcWindow *self)
{
  g_autoptr(IvcQuestionBank) bank = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (IVC_IS_WINDOW (self));

  /* It is in the program's resources: no disk access. */
  bytes = g_resources_lookup_data (RESOURCE_BASE "/questions.json", 0, &error);
  if (bytes != NULL)
    bank = ivc_question_bank_new_from_bytes (bytes, "questions.json", NULL, &error);

  if (bank == NULL)
    {
      g_critical ("The bundled question bank is broken: %s", error->message);
      return;
    }

  ivc_window_set_bank (self, bank);
}

static void
show_bank_error (IvcWindow    *self,
                 const GError *error)
{
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("Cannot Open the Question Bank"),
                                                       NULL));
  adw_message_dialog_format_body (dialog, "%s", error->message);
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * ivc_window_bank_loaded:
 * @bank: (nullable): the bank read, or %NULL
 * @error: (nullable): why it could not be read
 *
 * Shows a bank read in the background, or says why it could not be read
 * and keeps (or falls back to) a bank that works.
 */
void
ivc_window_bank_loaded (IvcWindow       *self,
                        IvcQuestionBank *bank,
                        const GError    *error)
{
  g_return_if_fail (IVC_IS_WINDOW (self));
  g_return_if_fail (bank != NULL || error != NULL);

  if (bank != NULL)
    {
      ivc_window_set_bank (self, bank);
      return;
    }

  show_bank_error (self, error);
  if (self->bank == NULL)
    ivc_window_load_bundled_bank (self);
}

static void
open_bank_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(IvcWindow) self = user_data;
  g_autoptr(IvcQuestionBank) bank = NULL;
  g_autoptr(GError) error = NULL;

  bank = ivc_question_bank_load_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  ivc_window_bank_loaded (self, bank, error);
}

/**
 * ivc_window_open_bank:
 *
 * Shows the bank in @file once it is read and validated, in a worker
 * thread; a bank with problems is refused with its located errors.
 */
void
ivc_window_open_bank (IvcWindow *self,
                      GFile     *file)
{
  g_return_if_fail (IVC_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  self->load_cancellable = g_cancellable_new ();

  ivc_question_bank_load_async (file, self->load_cancellable, open_bank_cb, g_object_ref (self));
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

gboolean
ivc_window_select_question (IvcWindow  *self,
                            const char *question_id)
{
  IvcQuestion *question;
  guint position;

  g_return_val_if_fail (IVC_IS_WINDOW (self), FALSE);

  if (self->bank == NULL || question_id == NULL)
    return FALSE;

  question = ivc_question_bank_find_question (self->bank, question_id);
  if (question == NULL)
    return FALSE;

  position = find_question_position (self, question);
  if (position != GTK_INVALID_LIST_POSITION)
    select_position (self, position);

  ivc_question_view_set_question (self->question_view, question);
  return TRUE;
}

guint
ivc_window_get_n_visible_questions (IvcWindow *self)
{
  g_return_val_if_fail (IVC_IS_WINDOW (self), 0);

  return self->n_visible_questions;
}
