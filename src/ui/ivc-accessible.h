/* ivc-accessible.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void ivc_accessible_fix_mnemonic_buttons (GtkWidget   *root);
void ivc_accessible_label_list_item      (GtkWidget   *row_child,
                                          const char  *label);
void ivc_accessible_label_cell          (GtkWidget   *cell_child,
                                          const char  *label);
void ivc_accessible_label_column_view   (GtkColumnView *column_view,
                                          const char    *label);
void ivc_accessible_name_drop_down       (GtkDropDown *drop_down,
                                          const char  *name);

G_END_DECLS
