/* ivc-window-layout.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window's panes by its width: the question list, the question and the
 * notes panel side by side when they fit; at about half a laptop screen
 * (the call beside it) the list folds away, so that the question and the
 * notes stay side by side; narrower still, the list and the question are
 * pages of their own.
 */

#define G_LOG_DOMAIN "ivc-window"

#include "config.h"

#include "ivc-window-private.h"

/* Below this width the list, the question and the notes panel do not fit
 * side by side at their narrowest (300 pixels each, and two separators):
 * the list folds away when the window becomes narrower, and comes back
 * when it becomes wider again. Shift+F9 shows or hides it at any width. */
#define LIST_FOLD_WIDTH (3 * 300 + 2)

/* Below this width the leaflet folds: the list and the question are pages
 * of their own, and the list is always one of them. */
#define PAGES_WIDTH 600

/* Folded, the list is a page: the whole width (a large maximum, not
 * G_MAXINT: libadwaita 1.2 then measures a natural width below the
 * minimum), not a column of 300. The
 * clamp does not tighten (a threshold equal to the maximum leaves it
 * dividing by zero). */
static void
update_sidebar_width (IvcWindow *self)
{
  int width = adw_leaflet_get_folded (self->leaflet) ? 100000 : 300;

  adw_clamp_set_maximum_size (self->sidebar_clamp, width);
  adw_clamp_set_tightening_threshold (self->sidebar_clamp, 0);
  gtk_widget_set_visible (GTK_WIDGET (self->list_button), !adw_leaflet_get_folded (self->leaflet));
}

static void
apply (IvcWindow *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->sidebar_clamp), self->list_visible || self->pages);
}

static gboolean
apply_idle_cb (gpointer user_data)
{
  IvcWindow *self = user_data;

  self->layout_idle_id = 0;
  apply (self);
  return G_SOURCE_REMOVE;
}

/* Called after each allocation. The fold changes what is allocated: it
 * waits for the frame to end. */
void
_ivc_window_layout_allocated (IvcWindow *self,
                              int        width)
{
  gboolean wide = width >= LIST_FOLD_WIDTH;
  gboolean pages = width < PAGES_WIDTH;

  if (self->layout_known && wide == self->wide && pages == self->pages)
    return;

  /* Only crossing the width changes the list: a choice made with Shift+F9
   * holds until then. */
  if (!self->layout_known || wide != self->wide)
    {
      self->wide = wide;
      self->list_visible = wide;
      _ivc_window_notify (self, IVC_WINDOW_PROP_LIST_VISIBLE);
    }
  self->layout_known = TRUE;
  self->pages = pages;

  /* Not a reference: the window's dispose removes it. */
  if (self->layout_idle_id == 0)
    self->layout_idle_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, apply_idle_cb, self, NULL);
}

gboolean
_ivc_window_get_list_visible (IvcWindow *self)
{
  return self->list_visible;
}

void
_ivc_window_set_list_visible (IvcWindow *self,
                              gboolean   visible)
{
  visible = !!visible;

  /* As pages, "showing the list" goes to its page, and hiding it to the
   * question's. */
  if (adw_leaflet_get_folded (self->leaflet))
    {
      if (visible)
        adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->sidebar_clamp));
      else
        adw_leaflet_set_visible_child (self->leaflet, self->content);
    }

  if (self->list_visible == visible)
    return;

  self->list_visible = visible;
  apply (self);
  _ivc_window_notify (self, IVC_WINDOW_PROP_LIST_VISIBLE);
}

void
_ivc_window_layout_init (IvcWindow *self)
{
  self->list_visible = TRUE;
  g_signal_connect_object (self->leaflet, "notify::folded", G_CALLBACK (update_sidebar_width),
                           self, G_CONNECT_SWAPPED);
  update_sidebar_width (self);
}
