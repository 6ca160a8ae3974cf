/* ivc-sidebar-row.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * IvcSidebarRow: a row of the question list: a level heading or a question
 * with its score, red flag and plan marks.
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define IVC_TYPE_SIDEBAR_ROW (ivc_sidebar_row_get_type ())

G_DECLARE_FINAL_TYPE (IvcSidebarRow, ivc_sidebar_row, IVC, SIDEBAR_ROW, GtkWidget)

GtkWidget *ivc_sidebar_row_new      (void);
GObject   *ivc_sidebar_row_get_item (IvcSidebarRow *self);
void       ivc_sidebar_row_set_match_hint (IvcSidebarRow *self,
                                           const char    *hint);
void       ivc_sidebar_row_set_item (IvcSidebarRow *self,
                                     GObject       *item);

G_END_DECLS
