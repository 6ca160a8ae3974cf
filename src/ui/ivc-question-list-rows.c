/* ivc-question-list-rows.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rows of the question list: a level heading or a question each, and,
 * in plan mode, dragging a planned question onto another to reorder the
 * plan.
 */

#define G_LOG_DOMAIN "ivc-question-list"

#include "config.h"

#include "ivc-question-list-private.h"
#include "ivc-row-slot.h"
#include "ivc-sidebar-row.h"

/* Dragging a planned question onto another puts it in that one's place. */
static GdkContentProvider *
on_row_drag_prepare_cb (GtkDragSource   *source,
                        double           x,
                        double           y,
                        IvcQuestionList *self)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (source));
  GObject *item = ivc_sidebar_row_get_item (IVC_SIDEBAR_ROW (row));

  if (!ivc_question_list_get_plan_mode (self) || !IVC_IS_QUESTION (item))
    return NULL;

  return gdk_content_provider_new_typed (G_TYPE_STRING, ivc_question_get_id (IVC_QUESTION (item)));
}

static void
on_row_drag_begin_cb (GtkDragSource   *source,
                      GdkDrag         *drag,
                      IvcQuestionList *self)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (source));
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (row);

  gtk_drag_source_set_icon (source, paintable, 0, 0);
}

static gboolean
on_row_drop_cb (GtkDropTarget   *target,
                const GValue    *value,
                double           x,
                double           y,
                IvcQuestionList *self)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target));
  GObject *item = ivc_sidebar_row_get_item (IVC_SIDEBAR_ROW (row));
  const char *dragged = g_value_get_string (value);
  int position;

  if (!ivc_question_list_get_plan_mode (self) || ivc_question_list_get_candidate (self) == NULL || !IVC_IS_QUESTION (item) || dragged == NULL)
    return FALSE;

  position = ivc_candidate_get_plan_position (ivc_question_list_get_candidate (self), ivc_question_get_id (IVC_QUESTION (item)));
  if (position < 0 || ivc_candidate_get_plan_position (ivc_question_list_get_candidate (self), dragged) < 0)
    return FALSE;

  ivc_candidate_plan_move (ivc_question_list_get_candidate (self), dragged, position);
  return TRUE;
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              IvcQuestionList          *self)
{
  GtkWidget *row = ivc_sidebar_row_new ();
  GtkDragSource *drag_source = gtk_drag_source_new ();
  GtkDropTarget *drop_target = gtk_drop_target_new (G_TYPE_STRING, GDK_ACTION_MOVE);

  g_object_bind_property (self, "candidate", row, "candidate", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self, "evaluation-hidden", row, "evaluation-hidden", G_BINDING_SYNC_CREATE);
  gtk_list_item_set_child (list_item, row);

  gtk_drag_source_set_actions (drag_source, GDK_ACTION_MOVE);
  g_signal_connect (drag_source, "prepare", G_CALLBACK (on_row_drag_prepare_cb), self);
  g_signal_connect (drag_source, "drag-begin", G_CALLBACK (on_row_drag_begin_cb), self);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (drag_source));
  g_signal_connect (drop_target, "drop", G_CALLBACK (on_row_drop_cb), self);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (drop_target));
}

/* Fills a row with what its slot shows: a search changes that without the
 * list view building the row again. */
static void
fill_row (GtkListItem     *list_item,
          IvcQuestionList *self)
{
  IvcRowSlot *slot = gtk_list_item_get_item (list_item);
  GObject *item = slot ? ivc_row_slot_get_item (slot) : NULL;
  gboolean is_question = IVC_IS_QUESTION (item);
  g_autofree char *hint = is_question ? _ivc_question_list_dup_match_hint (self, IVC_QUESTION (item)) : NULL;
  IvcSidebarRow *row = IVC_SIDEBAR_ROW (gtk_list_item_get_child (list_item));

  ivc_sidebar_row_set_item (row, item);
  ivc_sidebar_row_set_match_hint (row, hint);
  gtk_list_item_set_selectable (list_item, is_question);
  gtk_list_item_set_activatable (list_item, is_question);
}

static void
on_slot_item_changed_cb (IvcRowSlot  *slot,
                         GParamSpec  *pspec,
                         GtkListItem *list_item)
{
  fill_row (list_item, g_object_get_data (G_OBJECT (list_item), "ivc-question-list"));
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             IvcQuestionList          *self)
{
  IvcRowSlot *slot = gtk_list_item_get_item (list_item);

  g_object_set_data (G_OBJECT (list_item), "ivc-question-list", self);
  g_object_set_data (G_OBJECT (list_item), "ivc-slot-handler",
                     GSIZE_TO_POINTER (g_signal_connect (slot, "notify::item",
                                                         G_CALLBACK (on_slot_item_changed_cb), list_item)));
  fill_row (list_item, self);
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               IvcQuestionList          *self)
{
  IvcRowSlot *slot = gtk_list_item_get_item (list_item);

  gulong handler = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (list_item), "ivc-slot-handler"));

  if (slot != NULL && handler != 0)
    g_signal_handler_disconnect (slot, handler);
  g_object_set_data (G_OBJECT (list_item), "ivc-slot-handler", NULL);
  ivc_sidebar_row_set_item (IVC_SIDEBAR_ROW (gtk_list_item_get_child (list_item)), NULL);
}

/**
 * _ivc_question_list_new_row_factory:
 *
 * Returns: (transfer full): the factory of the list's rows
 */
GtkListItemFactory *
_ivc_question_list_new_row_factory (IvcQuestionList *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row_cb), self);

  return factory;
}
