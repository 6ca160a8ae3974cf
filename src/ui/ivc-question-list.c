/* ivc-question-list.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window's list of questions: the bank's levels and questions, or the
 * candidate's plan in plan order, filtered by the search words; it says
 * which question the interviewer picks and lets the plan be reordered by
 * drag and drop.
 */

#define G_LOG_DOMAIN "ivc-question-list"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "ivc-accel.h"
#include "ivc-level.h"
#include "ivc-question-list-private.h"
#include "ivc-question-match.h"
#include "ivc-question-rows.h"
#include "ivc-row-slot.h"
#include "ivc-sidebar-row.h"
#include "ivc-text.h"

struct _IvcQuestionList
{
  GtkWidget            parent_instance;

  IvcQuestionBank     *bank;
  IvcCandidate        *candidate;
  GSignalGroup        *candidate_signals;
  /* The rows keep scores and red flags off screen (Ctrl+Shift+H). */
  gboolean             evaluation_hidden;

  /* The question on screen, which may be hidden by a search. */
  IvcQuestion         *question;

  /* The rows, one flat model of slots that keep their widgets when the
   * search changes: each level's heading and its matching questions, best
   * first, or the plan's matching questions → selection. */
  IvcQuestionRows     *rows;
  GtkSingleSelection  *selection;

  /* The plan: the candidate's planned questions that the bank has, in plan
   * order. */
  GListStore          *plan_questions;

  char               **search_words;
  guint                n_visible_questions;

  /* Set while the list changes the selection itself, so that only a
   * person's choice counts as one. */
  guint                selecting_programmatically : 1;
  guint                focus_tick_id;
  guint                scroll_tick_id;
  guint                scroll_step;
  guint                plan_mode : 1;
  /* Search is prepared after the frame that shows a new bank. */
  guint                prepare_search_pending : 1;

  GtkSearchBar        *search_bar;
  GtkSearchEntry      *search_entry;
  GtkRevealer         *plan_progress_revealer;
  GtkLabel            *plan_progress_label;
  GtkStack            *stack;
  GtkListView         *list_view;
};

G_DEFINE_FINAL_TYPE (IvcQuestionList, ivc_question_list, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CANDIDATE,
  PROP_QUESTION,
  PROP_PLAN_MODE,
  PROP_SEARCH_MODE_ENABLED,
  PROP_EVALUATION_HIDDEN,
  N_PROPS
};

enum {
  QUESTION_SELECTED,
  QUESTION_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/**
 * _ivc_question_list_dup_match_hint:
 *
 * Returns: (nullable): where the search found @question, when it was not
 *   in its text alone
 */
char *
_ivc_question_list_dup_match_hint (IvcQuestionList *self,
                                   IvcQuestion     *question)
{
  g_autoptr(GPtrArray) places = g_ptr_array_new ();
  IvcQuestionMatch where;

  if (self->search_words[0] == NULL ||
      ivc_question_match (question, (const char * const *)self->search_words, &where) == 0 ||
      where == IVC_QUESTION_MATCH_QUESTION)
    return NULL;

  if (where & IVC_QUESTION_MATCH_QUESTION)
    g_ptr_array_add (places, _("question"));
  if (where & IVC_QUESTION_MATCH_TAGS)
    g_ptr_array_add (places, _("tags"));
  if (where & IVC_QUESTION_MATCH_STRONG_ANSWER)
    g_ptr_array_add (places, _("strong answer"));
  if (where & IVC_QUESTION_MATCH_RED_FLAG)
    g_ptr_array_add (places, _("red flag"));
  if (where & IVC_QUESTION_MATCH_OTHER)
    g_ptr_array_add (places, _("details"));
  g_ptr_array_add (places, NULL);

  {
    g_autofree char *list = g_strjoinv (", ", (char **)places->pdata);

    /* Translators: where a search found a question, such as "Found in: tags, strong answer" */
    return g_strdup_printf (_("Found in: %s"), list);
  }
}

/* The rows on screen say again where the search found their question. */
static void
update_match_hints (IvcQuestionList *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list_view));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *row = gtk_widget_get_first_child (child);
      GObject *item = IVC_IS_SIDEBAR_ROW (row) ? ivc_sidebar_row_get_item (IVC_SIDEBAR_ROW (row)) : NULL;
      g_autofree char *hint = NULL;

      /* Rows kept for later show nothing. */
      if (item == NULL || !gtk_widget_get_child_visible (child))
        continue;

      if (IVC_IS_QUESTION (item))
        hint = _ivc_question_list_dup_match_hint (self, IVC_QUESTION (item));
      if (row != NULL && IVC_IS_SIDEBAR_ROW (row))
        ivc_sidebar_row_set_match_hint (IVC_SIDEBAR_ROW (row), hint);
    }
}

static void
count_visible_questions (IvcQuestionList *self)
{
  self->n_visible_questions = ivc_question_rows_get_n_questions (self->rows);
}

/* Returns the question in a row of the visible list, or NULL for a level. */
static IvcQuestion *
dup_question_at (IvcQuestionList *self,
                 guint            position)
{
  GObject *item = ivc_question_rows_peek_item (self->rows, position);

  return IVC_IS_QUESTION (item) ? g_object_ref (IVC_QUESTION (item)) : NULL;
}

/**
 * ivc_question_list_find_position:
 *
 * Where a question is in the visible list.
 *
 * Returns: the row, or %GTK_INVALID_LIST_POSITION when it is not shown
 */
guint
ivc_question_list_find_position (IvcQuestionList *self,
                                 IvcQuestion     *question)
{
  guint position;

  g_return_val_if_fail (IVC_IS_QUESTION_LIST (self), GTK_INVALID_LIST_POSITION);
  g_return_val_if_fail (IVC_IS_QUESTION (question), GTK_INVALID_LIST_POSITION);

  position = ivc_question_rows_find (self->rows, question);
  return position == G_MAXUINT ? GTK_INVALID_LIST_POSITION : position;
}

static gboolean focus_in_list_view (IvcQuestionList *self);

/* Shows the current question's row with its level's heading, once the
 * list is laid out: scrolled to before that, a row is not brought into
 * view. The heading first, then the question, so that both show. */
static gboolean
scroll_to_current_cb (GtkWidget     *widget,
                      GdkFrameClock *clock,
                      gpointer       user_data)
{
  IvcQuestionList *self = IVC_QUESTION_LIST (widget);
  guint position;

  if (!gtk_widget_get_mapped (GTK_WIDGET (self->list_view)) ||
      gtk_widget_get_height (GTK_WIDGET (self->list_view)) <= 0)
    return G_SOURCE_CONTINUE;

  position = self->question ? ivc_question_list_find_position (self, self->question)
                            : GTK_INVALID_LIST_POSITION;
  if (position == GTK_INVALID_LIST_POSITION)
    {
      self->scroll_tick_id = 0;
      return G_SOURCE_REMOVE;
    }

  if (self->scroll_step++ == 0 && position > 0)
    {
      GObject *item = ivc_question_rows_peek_item (self->rows, position - 1);

      if (item != NULL && !IVC_IS_QUESTION (item))
        {
          gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position - 1);
          return G_SOURCE_CONTINUE;
        }
    }

  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
  self->scroll_tick_id = 0;
  return G_SOURCE_REMOVE;
}

static void
scroll_to_current (IvcQuestionList *self)
{
  self->scroll_step = 0;
  if (self->scroll_tick_id == 0)
    self->scroll_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), scroll_to_current_cb, NULL, NULL);
}

static void
select_position (IvcQuestionList *self,
                 guint            position)
{
  self->selecting_programmatically = TRUE;
  gtk_single_selection_set_selected (self->selection, position);
  self->selecting_programmatically = FALSE;

  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item",
                              "u", position);
}

/* Selects the question on screen in the list shown, if it is there. */
static void
reselect_current (IvcQuestionList *self)
{
  guint position = GTK_INVALID_LIST_POSITION;

  if (self->selection == NULL)
    return;

  if (self->question != NULL)
    position = ivc_question_list_find_position (self, self->question);

  if (position != GTK_INVALID_LIST_POSITION)
    select_position (self, position);
  else
    {
      self->selecting_programmatically = TRUE;
      gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
      self->selecting_programmatically = FALSE;
    }
}

/* After a search: the current question's row stays selected when it is
 * shown, without a question being chosen, and the list shows the best
 * matches from the top. */
static void
reselect_in_place (IvcQuestionList *self)
{
  GtkAdjustment *vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->list_view));
  guint position = GTK_INVALID_LIST_POSITION;

  if (self->question != NULL)
    position = ivc_question_list_find_position (self, self->question);

  self->selecting_programmatically = TRUE;
  gtk_single_selection_set_selected (self->selection, position);
  self->selecting_programmatically = FALSE;

  if (vadjustment != NULL)
    gtk_adjustment_set_value (vadjustment, gtk_adjustment_get_lower (vadjustment));
}

/* Here, on the main thread, the task lets go of the questions. */
static void
prepare_search_done_cb (GObject      *source_object,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_task_propagate_boolean (G_TASK (result), NULL);
}

static void
prepare_search_thread (GTask        *task,
                       gpointer      source_object,
                       gpointer      task_data,
                       GCancellable *cancellable)
{
  ivc_question_prepare_search (task_data);
  g_task_return_boolean (task, TRUE);
}

/* The first search of a large bank would fold every question's text on
 * the keystroke: a worker does it as soon as the bank is on screen. The
 * array holds the questions; the thread only reads their texts, which
 * never change (see ivc_question_prepare_search()). */
static void
prepare_search (IvcQuestionList *self)
{
  GListModel *levels;
  g_autoptr(GPtrArray) questions = NULL;
  g_autoptr(GTask) task = NULL;

  self->prepare_search_pending = FALSE;
  if (self->bank == NULL)
    return;

  levels = ivc_question_bank_get_levels (self->bank);
  questions = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint l = 0; l < g_list_model_get_n_items (levels); l++)
    {
      g_autoptr(IvcLevel) level = g_list_model_get_item (levels, l);
      GListModel *level_questions = ivc_level_get_questions (level);

      for (guint i = 0; i < g_list_model_get_n_items (level_questions); i++)
        g_ptr_array_add (questions, g_list_model_get_item (level_questions, i));
    }

  task = g_task_new (NULL, NULL, prepare_search_done_cb, NULL);
  g_task_set_task_data (task, g_steal_pointer (&questions), (GDestroyNotify)g_ptr_array_unref);
  g_task_run_in_thread (task, prepare_search_thread);
}

static void
on_after_paint_prepare_search_cb (GdkFrameClock   *clock,
                                  IvcQuestionList *self)
{
  /* Through an integer: ISO C has no cast from a function to a data pointer. */
  g_signal_handlers_disconnect_matched (clock, G_SIGNAL_MATCH_FUNC | G_SIGNAL_MATCH_DATA, 0, 0, NULL,
                                        (gpointer)(guintptr)on_after_paint_prepare_search_cb, self);
  if (self->prepare_search_pending)
    prepare_search (self);
}

static void
on_map_prepare_search_cb (IvcQuestionList *self)
{
  g_signal_handlers_disconnect_matched (self, G_SIGNAL_MATCH_FUNC, 0, 0, NULL,
                                        (gpointer)(guintptr)on_map_prepare_search_cb, NULL);
  g_signal_connect_object (gtk_widget_get_frame_clock (GTK_WIDGET (self)), "after-paint",
                           G_CALLBACK (on_after_paint_prepare_search_cb), self, 0);
}

/* Not before the frame that first shows the bank: on a machine of two
 * cores the worker would take the processor from it, and nobody types
 * into a list that is not on screen yet. (A search before then folds the
 * texts it needs itself.) */
static void
schedule_prepare_search (IvcQuestionList *self)
{
  if (self->prepare_search_pending)
    return;
  self->prepare_search_pending = TRUE;

  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    on_map_prepare_search_cb (self);
  else
    g_signal_connect (self, "map", G_CALLBACK (on_map_prepare_search_cb), NULL);
}

static void
update_page (IvcQuestionList *self)
{
  if (self->bank == NULL)
    return;

  if (self->n_visible_questions > 0)
    gtk_stack_set_visible_child_name (self->stack, "list");
  else if (self->plan_mode && g_list_model_get_n_items (G_LIST_MODEL (self->plan_questions)) == 0)
    gtk_stack_set_visible_child_name (self->stack, "empty-plan");
  else
    gtk_stack_set_visible_child_name (self->stack, "no-results");
}

static void
update_plan_progress (IvcQuestionList *self)
{
  guint n_planned = g_list_model_get_n_items (G_LIST_MODEL (self->plan_questions));

  if (self->plan_mode)
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (self->plan_questions));
      g_autofree char *text = NULL;
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
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Interview plan · %u of %u scored",
                                           "Interview plan · %u of %u scored", n),
                              n_scored, n);
      gtk_label_set_text (self->plan_progress_label, text);
    }

  /* An empty plan has its own page, with what to do: no "0 of 0". */
  gtk_revealer_set_reveal_child (self->plan_progress_revealer, self->plan_mode && n_planned > 0);
}

/* Follows the candidate's plan: the list of planned questions and the
 * progress. Cheap when nothing changed, as it runs on every change of the
 * candidate. */
static void
update_plan (IvcQuestionList *self)
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
      ivc_question_rows_set_plan (self->rows, questions);
      if (self->plan_mode)
        {
          count_visible_questions (self);
          update_page (self);
          reselect_current (self);
        }
    }

  update_plan_progress (self);
}

static void
on_selected_item_changed_cb (IvcQuestionList    *self,
                             GParamSpec         *pspec,
                             GtkSingleSelection *selection)
{
  IvcRowSlot *slot = gtk_single_selection_get_selected_item (selection);
  GObject *item = slot ? ivc_row_slot_get_item (slot) : NULL;

  /* A search that hides the question keeps it on screen. */
  if (!IVC_IS_QUESTION (item))
    return;

  g_signal_emit (self, signals[QUESTION_SELECTED], 0, item, !self->selecting_programmatically);
}

static void
on_list_view_activate_cb (IvcQuestionList *self,
                          guint            position)
{
  g_autoptr(IvcQuestion) question = dup_question_at (self, position);

  if (question != NULL)
    g_signal_emit (self, signals[QUESTION_ACTIVATED], 0, question);
}

/**
 * ivc_question_list_set_search_text:
 *
 * Filters the list at once; the search entry calls this on every change
 * of its text.
 */
void
ivc_question_list_set_search_text (IvcQuestionList *self,
                                   const char      *text)
{
  g_auto(GStrv) words = NULL;

  g_return_if_fail (IVC_IS_QUESTION_LIST (self));

  words = ivc_text_search_words (text);
  if (g_strv_equal ((const char * const *)words, (const char * const *)self->search_words))
    return;

  g_strfreev (self->search_words);
  self->search_words = g_steal_pointer (&words);

  /* The rows stay; what they show changes. */
  ivc_question_rows_set_search_words (self->rows, (const char * const *)self->search_words);
  update_match_hints (self);

  count_visible_questions (self);
  update_page (self);
  reselect_in_place (self);
}

static void
on_search_changed_cb (IvcQuestionList *self,
                      GtkSearchEntry  *entry)
{
  ivc_question_list_set_search_text (self, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

/* Enter in the search field opens the best match: the first of those
 * ranked highest, in the list's order. */
static void
on_search_activate_cb (IvcQuestionList *self,
                       GtkSearchEntry  *entry)
{
  g_autoptr(IvcQuestion) best = NULL;
  guint best_position = GTK_INVALID_LIST_POSITION;
  guint best_rank = 0;
  guint n;

  ivc_question_list_set_search_text (self, gtk_editable_get_text (GTK_EDITABLE (entry)));

  n = g_list_model_get_n_items (G_LIST_MODEL (self->rows));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IvcQuestion) question = dup_question_at (self, i);
      guint rank = question ? ivc_question_rows_get_rank (self->rows, i) : 0;

      if (rank > best_rank)
        {
          best_rank = rank;
          best_position = i;
          g_set_object (&best, question);
        }
    }

  if (best != NULL)
    {
      select_position (self, best_position);
      g_signal_emit (self, signals[QUESTION_ACTIVATED], 0, best);
    }
}

/* Enter and Escape in the search field, taken before the field's text:
 * once the list has filtered while a search was typed, GTK 4.8's search
 * field no longer turns them into "activate" and "stop-search" (seen with
 * key presses from xdotool; main showed it too, with search-delay 0). */
static gboolean
on_search_key_pressed_cb (GtkEventControllerKey *controller,
                          guint                  keyval,
                          guint                  keycode,
                          GdkModifierType        state,
                          IvcQuestionList       *self)
{
  if ((state & (GDK_CONTROL_MASK | GDK_SHIFT_MASK | GDK_ALT_MASK)) != 0)
    return GDK_EVENT_PROPAGATE;

  switch (keyval)
    {
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
      g_signal_emit_by_name (self->search_entry, "activate");
      return GDK_EVENT_STOP;

    case GDK_KEY_Escape:
      g_signal_emit_by_name (self->search_entry, "stop-search");
      return GDK_EVENT_STOP;

    default:
      return GDK_EVENT_PROPAGATE;
    }
}

static void
on_candidate_changed_cb (IvcQuestionList *self)
{
  update_plan (self);
}

/*
 * The keyboard's cursor, for ivc-question-list-keys.c: the row selected,
 * which is the question on screen when the list shows it.
 */

guint
_ivc_question_list_get_n_rows (IvcQuestionList *self)
{
  return g_list_model_get_n_items (G_LIST_MODEL (self->rows));
}

IvcQuestion *
_ivc_question_list_dup_question_at (IvcQuestionList *self,
                                    guint            position)
{
  return dup_question_at (self, position);
}

guint
_ivc_question_list_get_cursor (IvcQuestionList *self)
{
  guint position = self->selection ? gtk_single_selection_get_selected (self->selection)
                                   : GTK_INVALID_LIST_POSITION;

  if (position == GTK_INVALID_LIST_POSITION && self->question != NULL)
    position = ivc_question_list_find_position (self, self->question);

  return position;
}

/* The row showing @question, if the list view made one. */
static GtkWidget *
find_row_widget (IvcQuestionList *self,
                 IvcQuestion     *question)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list_view));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *row = gtk_widget_get_first_child (child);

      if (IVC_IS_SIDEBAR_ROW (row) && ivc_sidebar_row_get_item (IVC_SIDEBAR_ROW (row)) == (GObject *)question)
        return child;
    }

  return NULL;
}

static gboolean
focus_cursor_row (IvcQuestionList *self)
{
  guint cursor = _ivc_question_list_get_cursor (self);
  g_autoptr(IvcQuestion) question = NULL;
  GtkWidget *row;

  if (cursor == GTK_INVALID_LIST_POSITION || (question = dup_question_at (self, cursor)) == NULL)
    return FALSE;

  row = find_row_widget (self, question);
  return row != NULL && gtk_widget_grab_focus (row);
}

static gboolean
focus_cursor_row_cb (GtkWidget     *widget,
                     GdkFrameClock *clock,
                     gpointer       user_data)
{
  IvcQuestionList *self = IVC_QUESTION_LIST (widget);

  self->focus_tick_id = 0;
  if (gtk_widget_has_focus (GTK_WIDGET (self->list_view)) ||
      gtk_widget_is_ancestor (gtk_root_get_focus (gtk_widget_get_root (widget)), GTK_WIDGET (self->list_view)))
    focus_cursor_row (self);

  return G_SOURCE_REMOVE;
}

/**
 * _ivc_question_list_focus_cursor:
 *
 * Puts the focus, with its ring, on the row of the cursor; a row just
 * scrolled to is made with the next frame, and takes it then.
 */
void
_ivc_question_list_focus_cursor (IvcQuestionList *self)
{
  if (focus_cursor_row (self))
    return;

  gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
  if (self->focus_tick_id == 0)
    self->focus_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), focus_cursor_row_cb, NULL, NULL);
}

/* Browsing shows each question, as a click does, without leaving the
 * list in a folded window: Enter does that. */
void
_ivc_question_list_move_cursor (IvcQuestionList *self,
                                guint            position)
{
  g_autoptr(IvcQuestion) question = dup_question_at (self, position);

  g_return_if_fail (question != NULL);

  select_position (self, position);
  g_signal_emit (self, signals[QUESTION_SELECTED], 0, question, FALSE);
  _ivc_question_list_focus_cursor (self);
}

void
_ivc_question_list_activate_cursor (IvcQuestionList *self)
{
  guint cursor = _ivc_question_list_get_cursor (self);
  g_autoptr(IvcQuestion) question = NULL;

  if (cursor != GTK_INVALID_LIST_POSITION && (question = dup_question_at (self, cursor)) != NULL)
    g_signal_emit (self, signals[QUESTION_ACTIVATED], 0, question);
}

static gboolean
focus_in_list_view (IvcQuestionList *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && (focus == GTK_WIDGET (self->list_view) ||
                           gtk_widget_is_ancestor (focus, GTK_WIDGET (self->list_view)));
}

/* Tab enters the list on the current question's row and leaves it in one
 * step: GTK 4.8's list view would walk every row, and stop at a level's
 * last question. */
static gboolean
ivc_question_list_focus (GtkWidget        *widget,
                         GtkDirectionType  direction)
{
  IvcQuestionList *self = IVC_QUESTION_LIST (widget);
  gboolean in_list = focus_in_list_view (self);
  gboolean list_shown = g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "list") == 0 &&
                        _ivc_question_list_get_n_rows (self) > 0;
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;
  gboolean in_self = focus != NULL && gtk_widget_is_ancestor (focus, widget);

  if (direction != GTK_DIR_TAB_FORWARD && direction != GTK_DIR_TAB_BACKWARD)
    return GTK_WIDGET_CLASS (ivc_question_list_parent_class)->focus (widget, direction);

  if (in_list)
    {
      if (direction == GTK_DIR_TAB_BACKWARD && gtk_search_bar_get_search_mode (self->search_bar))
        return gtk_widget_child_focus (GTK_WIDGET (self->search_bar), direction);
      return FALSE;
    }

  /* In the search field: forward, on to the list. */
  if (in_self)
    {
      if (gtk_widget_child_focus (GTK_WIDGET (self->search_bar), direction))
        return TRUE;
      if (direction == GTK_DIR_TAB_FORWARD && list_shown)
        {
          _ivc_question_list_focus_cursor (self);
          return TRUE;
        }
      return FALSE;
    }

  /* From outside: the search field first going forward, the list first
   * coming back. */
  if (direction == GTK_DIR_TAB_FORWARD && gtk_search_bar_get_search_mode (self->search_bar) &&
      gtk_widget_child_focus (GTK_WIDGET (self->search_bar), direction))
    return TRUE;
  if (list_shown)
    {
      _ivc_question_list_focus_cursor (self);
      return TRUE;
    }
  return gtk_search_bar_get_search_mode (self->search_bar) &&
         gtk_widget_child_focus (GTK_WIDGET (self->search_bar), direction);
}

static gboolean
ivc_question_list_grab_focus (GtkWidget *widget)
{
  IvcQuestionList *self = IVC_QUESTION_LIST (widget);

  _ivc_question_list_focus_cursor (self);
  return gtk_widget_has_focus (GTK_WIDGET (self->list_view)) ||
         gtk_widget_is_ancestor (gtk_root_get_focus (gtk_widget_get_root (widget)), GTK_WIDGET (self->list_view));
}

static void
ivc_question_list_dispose (GObject *object)
{
  IvcQuestionList *self = (IvcQuestionList *)object;
  GtkWidget *child;

  if (self->focus_tick_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->focus_tick_id);
  self->focus_tick_id = 0;
  if (self->scroll_tick_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->scroll_tick_id);
  self->scroll_tick_id = 0;

  if (self->list_view != NULL)
    gtk_list_view_set_model (self->list_view, NULL);

  if (self->candidate_signals != NULL)
    g_signal_group_set_target (self->candidate_signals, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), IVC_TYPE_QUESTION_LIST);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->selection);
  g_clear_object (&self->rows);
  g_clear_object (&self->plan_questions);
  g_clear_object (&self->candidate_signals);
  g_clear_object (&self->candidate);
  g_clear_object (&self->question);
  g_clear_object (&self->bank);
  g_clear_pointer (&self->search_words, g_strfreev);

  G_OBJECT_CLASS (ivc_question_list_parent_class)->dispose (object);
}

static void
ivc_question_list_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  IvcQuestionList *self = IVC_QUESTION_LIST (object);

  switch (prop_id)
    {
    case PROP_CANDIDATE:
      g_value_set_object (value, self->candidate);
      break;

    case PROP_QUESTION:
      g_value_set_object (value, self->question);
      break;

    case PROP_PLAN_MODE:
      g_value_set_boolean (value, self->plan_mode);
      break;

    case PROP_SEARCH_MODE_ENABLED:
      g_value_set_boolean (value, gtk_search_bar_get_search_mode (self->search_bar));
      break;

    case PROP_EVALUATION_HIDDEN:
      g_value_set_boolean (value, self->evaluation_hidden);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ivc_question_list_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  IvcQuestionList *self = IVC_QUESTION_LIST (object);

  switch (prop_id)
    {
    case PROP_CANDIDATE:
      ivc_question_list_set_candidate (self, g_value_get_object (value));
      break;

    case PROP_QUESTION:
      ivc_question_list_set_question (self, g_value_get_object (value));
      break;

    case PROP_PLAN_MODE:
      ivc_question_list_set_plan_mode (self, g_value_get_boolean (value));
      break;

    case PROP_SEARCH_MODE_ENABLED:
      gtk_search_bar_set_search_mode (self->search_bar, g_value_get_boolean (value));
      break;

    case PROP_EVALUATION_HIDDEN:
      if (self->evaluation_hidden != g_value_get_boolean (value))
        {
          self->evaluation_hidden = g_value_get_boolean (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ivc_question_list_class_init (IvcQuestionListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ivc_question_list_dispose;
  object_class->get_property = ivc_question_list_get_property;
  object_class->set_property = ivc_question_list_set_property;

  widget_class->grab_focus = ivc_question_list_grab_focus;
  widget_class->focus = ivc_question_list_focus;

  properties[PROP_CANDIDATE] =
    g_param_spec_object ("candidate", NULL, NULL, IVC_TYPE_CANDIDATE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * IvcQuestionList:question:
   *
   * The question on screen: the list starts from it when moving, and
   * selects it again when the list changes.
   */
  properties[PROP_QUESTION] =
    g_param_spec_object ("question", NULL, NULL, IVC_TYPE_QUESTION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * IvcQuestionList:plan-mode:
   *
   * Whether the list shows only the candidate's plan, in plan order.
   */
  properties[PROP_PLAN_MODE] =
    g_param_spec_boolean ("plan-mode", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SEARCH_MODE_ENABLED] =
    g_param_spec_boolean ("search-mode-enabled", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * IvcQuestionList:evaluation-hidden:
   *
   * Whether the rows keep the candidate's scores and red flags off screen.
   */
  properties[PROP_EVALUATION_HIDDEN] =
    g_param_spec_boolean ("evaluation-hidden", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * IvcQuestionList::question-selected:
   * @question: the question selected
   * @by_person: whether the interviewer chose it, rather than the program
   */
  signals[QUESTION_SELECTED] =
    g_signal_new ("question-selected", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, IVC_TYPE_QUESTION, G_TYPE_BOOLEAN);

  /**
   * IvcQuestionList::question-activated:
   * @question: the question to show
   *
   * A row was activated, or Enter pressed in the search field: the
   * interviewer wants to see the question.
   */
  signals[QUESTION_ACTIVATED] =
    g_signal_new ("question-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, IVC_TYPE_QUESTION);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ivc-question-list.ui");
  /* Only looked up, for its description. */
  gtk_widget_class_bind_template_child_full (widget_class, "empty_plan_page", FALSE, 0);
  gtk_widget_class_bind_template_child (widget_class, IvcQuestionList, search_bar);
  gtk_widget_class_bind_template_child (widget_class, IvcQuestionList, search_entry);
  gtk_widget_class_bind_template_child (widget_class, IvcQuestionList, plan_progress_revealer);
  gtk_widget_class_bind_template_child (widget_class, IvcQuestionList, plan_progress_label);
  gtk_widget_class_bind_template_child (widget_class, IvcQuestionList, stack);
  gtk_widget_class_bind_template_child (widget_class, IvcQuestionList, list_view);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_list_view_activate_cb);
}

static void
on_search_mode_changed_cb (IvcQuestionList *self)
{
  /* Closed, the search shows every question again: the list comes back
   * to the one on screen, and so does the keyboard if it was searching. */
  if (!gtk_search_bar_get_search_mode (self->search_bar))
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
      GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

      ivc_question_list_set_search_text (self, "");
      reselect_current (self);
      scroll_to_current (self);
      if (focus == NULL || gtk_widget_is_ancestor (focus, GTK_WIDGET (self->search_bar)))
        _ivc_question_list_focus_cursor (self);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH_MODE_ENABLED]);
}

static void
ivc_question_list_init (IvcQuestionList *self)
{
  g_autoptr(GtkListItemFactory) factory = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* The shortcut as the user's keyboard and language write it. */
  {
    g_autofree char *plan = ivc_accel_get_label ("<Control>d");
    g_autofree char *description = NULL;

    /* Translators: %s is a keyboard shortcut, such as “Ctrl+D”. */
    description = g_strdup_printf (_("Add the question on screen to the plan with %s"), plan);
    adw_status_page_set_description (ADW_STATUS_PAGE (gtk_widget_get_template_child (GTK_WIDGET (self),
                                                                                      IVC_TYPE_QUESTION_LIST,
                                                                                      "empty_plan_page")),
                                     description);
  }

  self->search_words = g_new0 (char *, 1);
  self->rows = ivc_question_rows_new ();
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->rows)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (on_selected_item_changed_cb), self, G_CONNECT_SWAPPED);

  factory = _ivc_question_list_new_row_factory (self);
  gtk_list_view_set_factory (self->list_view, factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
  _ivc_question_list_keys_init (self, GTK_WIDGET (self->list_view));

  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  {
    GtkEventController *keys = gtk_event_controller_key_new ();

    gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
    g_signal_connect_object (keys, "key-pressed", G_CALLBACK (on_search_key_pressed_cb), self, 0);
    gtk_widget_add_controller (GTK_WIDGET (self->search_entry), keys);
  }
  g_signal_connect_object (self->search_bar, "notify::search-mode-enabled",
                           G_CALLBACK (on_search_mode_changed_cb), self, G_CONNECT_SWAPPED);

  self->plan_questions = g_list_store_new (IVC_TYPE_QUESTION);

  self->candidate_signals = g_signal_group_new (IVC_TYPE_CANDIDATE);
  g_signal_group_connect_object (self->candidate_signals, "changed",
                                 G_CALLBACK (on_candidate_changed_cb), self, G_CONNECT_SWAPPED);
}

/**
 * ivc_question_list_set_bank:
 *
 * Shows @bank's levels and questions, none selected.
 */
void
ivc_question_list_set_bank (IvcQuestionList *self,
                            IvcQuestionBank *bank)
{
  g_return_if_fail (IVC_IS_QUESTION_LIST (self));
  g_return_if_fail (IVC_IS_QUESTION_BANK (bank));

  if (!g_set_object (&self->bank, bank))
    return;

  /* As in ivc_question_list_set_plan_mode(): the focus leaves the rows
   * that go; the window gives it back with the bank's first question. */
  if (focus_in_list_view (self))
    gtk_root_set_focus (gtk_widget_get_root (GTK_WIDGET (self)), NULL);

  /* The rows stay, and show the new bank's levels and questions. */
  ivc_question_rows_set_bank (self->rows, bank);
  self->selecting_programmatically = TRUE;
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  self->selecting_programmatically = FALSE;
  schedule_prepare_search (self);

  update_plan (self);
  count_visible_questions (self);
  update_page (self);
}

/**
 * ivc_question_list_set_candidate:
 *
 * The candidate whose plan the list can show, and whose scores its rows
 * show; without one, the list leaves plan mode.
 */
void
ivc_question_list_set_candidate (IvcQuestionList *self,
                                 IvcCandidate    *candidate)
{
  g_return_if_fail (IVC_IS_QUESTION_LIST (self));
  g_return_if_fail (candidate == NULL || IVC_IS_CANDIDATE (candidate));

  if (!g_set_object (&self->candidate, candidate))
    return;

  g_signal_group_set_target (self->candidate_signals, candidate);
  if (candidate == NULL)
    ivc_question_list_set_plan_mode (self, FALSE);
  update_plan (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CANDIDATE]);
}

IvcCandidate *
ivc_question_list_get_candidate (IvcQuestionList *self)
{
  g_return_val_if_fail (IVC_IS_QUESTION_LIST (self), NULL);

  return self->candidate;
}

void
ivc_question_list_set_question (IvcQuestionList *self,
                                IvcQuestion     *question)
{
  g_return_if_fail (IVC_IS_QUESTION_LIST (self));
  g_return_if_fail (question == NULL || IVC_IS_QUESTION (question));

  if (g_set_object (&self->question, question))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUESTION]);
}

gboolean
ivc_question_list_get_plan_mode (IvcQuestionList *self)
{
  g_return_val_if_fail (IVC_IS_QUESTION_LIST (self), FALSE);

  return self->plan_mode;
}

/**
 * ivc_question_list_set_plan_mode:
 *
 * Shows only the candidate's plan, in plan order; not without a candidate.
 */
void
ivc_question_list_set_plan_mode (IvcQuestionList *self,
                                 gboolean         plan_mode)
{
  gboolean had_focus;

  g_return_if_fail (IVC_IS_QUESTION_LIST (self));

  plan_mode = !!plan_mode && self->candidate != NULL;

  if (self->plan_mode == plan_mode)
    return;

  /* GTK 4.8 loses the next key when the row with the focus goes with the
   * model it showed: the focus leaves it first, and comes back to the
   * current question's row. */
  had_focus = focus_in_list_view (self);
  if (had_focus)
    gtk_root_set_focus (gtk_widget_get_root (GTK_WIDGET (self)), NULL);

  self->plan_mode = plan_mode;
  ivc_question_rows_set_plan_mode (self->rows, plan_mode);

  count_visible_questions (self);
  update_page (self);
  update_plan_progress (self);
  reselect_current (self);
  if (had_focus)
    _ivc_question_list_focus_cursor (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAN_MODE]);
}

/**
 * ivc_question_list_get_n_planned:
 *
 * Returns: how many of the candidate's planned questions the bank has
 */
guint
ivc_question_list_get_n_planned (IvcQuestionList *self)
{
  g_return_val_if_fail (IVC_IS_QUESTION_LIST (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->plan_questions));
}

guint
ivc_question_list_get_n_visible_questions (IvcQuestionList *self)
{
  g_return_val_if_fail (IVC_IS_QUESTION_LIST (self), 0);

  return self->n_visible_questions;
}

/**
 * ivc_question_list_start_search:
 *
 * Opens the search field and puts the keyboard in it.
 */
void
ivc_question_list_start_search (IvcQuestionList *self)
{
  g_return_if_fail (IVC_IS_QUESTION_LIST (self));

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/**
 * ivc_question_list_set_key_capture_widget:
 *
 * Typing in @widget starts a search.
 */
void
ivc_question_list_set_key_capture_widget (IvcQuestionList *self,
                                          GtkWidget       *widget)
{
  g_return_if_fail (IVC_IS_QUESTION_LIST (self));

  gtk_search_bar_set_key_capture_widget (self->search_bar, widget);
}

/**
 * ivc_question_list_select_question:
 *
 * Selects @question, if the list shows it.
 *
 * Returns: whether the list shows it
 */
gboolean
ivc_question_list_select_question (IvcQuestionList *self,
                                   IvcQuestion     *question)
{
  guint position;

  g_return_val_if_fail (IVC_IS_QUESTION_LIST (self), FALSE);
  g_return_val_if_fail (IVC_IS_QUESTION (question), FALSE);

  position = ivc_question_list_find_position (self, question);
  if (position == GTK_INVALID_LIST_POSITION)
    return FALSE;

  select_position (self, position);
  scroll_to_current (self);
  return TRUE;
}

/**
 * ivc_question_list_select_next:
 * @direction: 1 for the next question, -1 for the previous one
 *
 * Selects the question after (or before) the one on screen.
 *
 * Returns: (transfer none) (nullable): the question selected, or %NULL at
 *   the end of the list
 */
IvcQuestion *
ivc_question_list_select_next (IvcQuestionList *self,
                               int              direction)
{
  guint n, position;
  int i;

  g_return_val_if_fail (IVC_IS_QUESTION_LIST (self), NULL);

  if ((n = g_list_model_get_n_items (G_LIST_MODEL (self->rows))) == 0)
    return NULL;

  /* The question on screen may be hidden by a search; start from where it
   * would be, or from an end. */
  position = gtk_single_selection_get_selected (self->selection);
  if (position == GTK_INVALID_LIST_POSITION && self->question != NULL)
    position = ivc_question_list_find_position (self, self->question);

  if (position == GTK_INVALID_LIST_POSITION)
    i = direction > 0 ? 0 : (int)n - 1;
  else
    i = (int)position + direction;

  for (; i >= 0 && i < (int)n; i += direction)
    {
      g_autoptr(IvcQuestion) question = dup_question_at (self, i);

      if (question != NULL && question != self->question)
        {
          select_position (self, i);
          /* With its level's heading, when it is the level's first. */
          scroll_to_current (self);
          /* The bank holds it. */
          return question;
        }
    }

  return NULL;
}
