/* ivc-question-list-keys.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Browsing the question list with the keyboard: ↓, ↑, Home, End, Page Up
 * and Page Down move between questions across the levels' headings, and
 * Enter opens the question, from the moment the list has the focus.
 */

#define G_LOG_DOMAIN "ivc-question-list"

#include "config.h"

#include "ivc-question-list-private.h"
#include "ivc-sidebar-row.h"

/*
 * GTK 4.8's list view moves the focus from row to row itself, but a row
 * that cannot be selected (a level's heading) cannot take the focus
 * either, so its ↓ stopped at the last question of a level, and it did
 * nothing while the list itself had the focus. GTK 4.8 has no list
 * sections, which would make headings of their own; the list's one flat
 * model (IvcQuestionRows) holds headings and questions alike, and the list
 * takes these keys itself: the headings stay headings, and every row the
 * keys reach is a question.
 */

typedef enum
{
  MOVE_NEXT,
  MOVE_PREVIOUS,
  MOVE_FIRST,
  MOVE_LAST,
  MOVE_PAGE_DOWN,
  MOVE_PAGE_UP,
} Move;

/* The question nearest @position in @direction, @position itself
 * included; GTK_INVALID_LIST_POSITION when there is none. */
static guint
find_question (IvcQuestionList *self,
               int              position,
               int              direction)
{
  guint n = _ivc_question_list_get_n_rows (self);

  for (int i = position; i >= 0 && i < (int)n; i += direction)
    {
      g_autoptr(IvcQuestion) question = _ivc_question_list_dup_question_at (self, i);

      if (question != NULL)
        return i;
    }

  return GTK_INVALID_LIST_POSITION;
}

/* How many rows a page holds, from the rows' average height. */
static guint
rows_per_page (IvcQuestionList *self,
               GtkWidget       *list_view)
{
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (list_view));
  guint n = _ivc_question_list_get_n_rows (self);
  double upper = adjustment ? gtk_adjustment_get_upper (adjustment) : 0;
  double page = adjustment ? gtk_adjustment_get_page_size (adjustment) : 0;

  if (n == 0 || upper <= 0 || page <= 0)
    return 10;

  return MAX (1, (guint)(page / (upper / n)) - 1);
}

static guint
target_position (IvcQuestionList *self,
                 GtkWidget       *list_view,
                 Move             move)
{
  guint n = _ivc_question_list_get_n_rows (self);
  guint cursor = _ivc_question_list_get_cursor (self);
  guint found;
  int start;

  if (n == 0)
    return GTK_INVALID_LIST_POSITION;

  /* Nothing chosen yet: ↓ and ↑ start at the ends. */
  if (cursor == GTK_INVALID_LIST_POSITION)
    {
      if (move == MOVE_NEXT || move == MOVE_PAGE_DOWN)
        move = MOVE_FIRST;
      else if (move == MOVE_PREVIOUS || move == MOVE_PAGE_UP)
        move = MOVE_LAST;
    }

  switch (move)
    {
    case MOVE_FIRST:
      return find_question (self, 0, 1);

    case MOVE_LAST:
      return find_question (self, n - 1, -1);

    case MOVE_NEXT:
      return find_question (self, cursor + 1, 1);

    case MOVE_PREVIOUS:
      return find_question (self, (int)cursor - 1, -1);

    case MOVE_PAGE_DOWN:
      start = MIN ((int)(cursor + rows_per_page (self, list_view)), (int)n - 1);
      found = find_question (self, start, 1);
      return found != GTK_INVALID_LIST_POSITION ? found : find_question (self, start, -1);

    case MOVE_PAGE_UP:
      start = MAX ((int)cursor - (int)rows_per_page (self, list_view), 0);
      found = find_question (self, start, -1);
      return found != GTK_INVALID_LIST_POSITION ? found : find_question (self, start, 1);

    default:
      g_assert_not_reached ();
    }
}

static gboolean
on_key_pressed_cb (GtkEventControllerKey *controller,
                   guint                  keyval,
                   guint                  keycode,
                   GdkModifierType        state,
                   IvcQuestionList       *self)
{
  GtkWidget *list_view = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  guint position;
  Move move;

  /* With a modifier, a key is a shortcut of the window's (Alt+↓, …). */
  if ((state & (GDK_CONTROL_MASK | GDK_SHIFT_MASK | GDK_ALT_MASK | GDK_SUPER_MASK)) != 0)
    return GDK_EVENT_PROPAGATE;

  switch (keyval)
    {
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      move = MOVE_NEXT;
      break;

    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      move = MOVE_PREVIOUS;
      break;

    case GDK_KEY_Home:
    case GDK_KEY_KP_Home:
      move = MOVE_FIRST;
      break;

    case GDK_KEY_End:
    case GDK_KEY_KP_End:
      move = MOVE_LAST;
      break;

    case GDK_KEY_Page_Down:
    case GDK_KEY_KP_Page_Down:
      move = MOVE_PAGE_DOWN;
      break;

    case GDK_KEY_Page_Up:
    case GDK_KEY_KP_Page_Up:
      move = MOVE_PAGE_UP;
      break;

    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
      _ivc_question_list_activate_cursor (self);
      return GDK_EVENT_STOP;

    default:
      return GDK_EVENT_PROPAGATE;
    }

  position = target_position (self, list_view, move);
  if (position == GTK_INVALID_LIST_POSITION || position == _ivc_question_list_get_cursor (self))
    {
      if (position == GTK_INVALID_LIST_POSITION)
        gtk_widget_error_bell (list_view);
      _ivc_question_list_focus_cursor (self);
      return GDK_EVENT_STOP;
    }

  _ivc_question_list_move_cursor (self, position);
  return GDK_EVENT_STOP;
}

/**
 * _ivc_question_list_keys_init:
 *
 * Takes the browsing keys before the list view does.
 */
void
_ivc_question_list_keys_init (IvcQuestionList *self,
                              GtkWidget       *list_view)
{
  GtkEventController *controller = gtk_event_controller_key_new ();

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect (controller, "key-pressed", G_CALLBACK (on_key_pressed_cb), self);
  gtk_widget_add_controller (list_view, controller);
}
