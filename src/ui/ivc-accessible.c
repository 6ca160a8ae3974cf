/* ivc-accessible.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What a screen reader needs that GTK 4.8 does not give by itself: names
 * for list rows, for a drop-down's button, and buttons with a mnemonic
 * named once.
 */

#define G_LOG_DOMAIN "ivc-accessible"

#include "config.h"

#include <glib/gi18n.h>

#include "ivc-accessible.h"

/**
 * ivc_accessible_fix_mnemonic_buttons:
 * @root: a widget whose buttons to fix
 *
 * GTK 4.8 names a button whose label has a mnemonic twice: its label
 * property keeps the underscore ("_Retry") and the label inside, its
 * mnemonic label, adds the text again ("_Retry Retry"). The label inside
 * is the name a person hears: the property is dropped. Later GTK versions
 * do not set the property; dropping it there changes nothing.
 */
void
ivc_accessible_fix_mnemonic_buttons (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  if (GTK_IS_BUTTON (root) && gtk_button_get_use_underline (GTK_BUTTON (root)) &&
      gtk_button_get_label (GTK_BUTTON (root)) != NULL)
    gtk_accessible_reset_property (GTK_ACCESSIBLE (root), GTK_ACCESSIBLE_PROPERTY_LABEL);

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    ivc_accessible_fix_mnemonic_buttons (child);
}

/**
 * ivc_accessible_label_list_item:
 * @row_child: the widget a list item factory made for a row
 * @label: what the row says, in one line
 *
 * Names the row of a #GtkListView or #GtkColumnView that holds
 * @row_child. GTK 4.8 does not name a row after its content, so a screen
 * reader reads an empty row. Called whenever the row shows another item.
 */
static void
label_ancestor (GtkWidget         *child,
                gboolean           cell,
                const char        *label)
{
  for (GtkWidget *widget = gtk_widget_get_parent (child);
       widget != NULL;
       widget = gtk_widget_get_parent (widget))
    {
      GtkAccessibleRole role = gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget));

      if (cell ? (role == GTK_ACCESSIBLE_ROLE_CELL || role == GTK_ACCESSIBLE_ROLE_GRID_CELL)
               : (role == GTK_ACCESSIBLE_ROLE_LIST_ITEM || role == GTK_ACCESSIBLE_ROLE_ROW))
        {
          gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL, label ? label : "",
                                          -1);
          return;
        }
      if (role == GTK_ACCESSIBLE_ROLE_LIST || role == GTK_ACCESSIBLE_ROLE_GRID ||
          role == GTK_ACCESSIBLE_ROLE_TREE_GRID)
        return;
    }
}

void
ivc_accessible_label_list_item (GtkWidget  *row_child,
                                const char *label)
{
  g_return_if_fail (GTK_IS_WIDGET (row_child));

  label_ancestor (row_child, FALSE, label);
}

/**
 * ivc_accessible_label_cell:
 * @cell_child: the widget a column's factory made for a cell
 * @label: what the cell says
 *
 * Names the cell of a #GtkColumnView that holds @cell_child, which GTK 4.8
 * names after its class.
 */
void
ivc_accessible_label_cell (GtkWidget  *cell_child,
                           const char *label)
{
  g_return_if_fail (GTK_IS_WIDGET (cell_child));

  label_ancestor (cell_child, TRUE, label);
}

/**
 * ivc_accessible_label_column_view:
 * @column_view: a column view
 * @label: what its rows are, e.g. "Candidates"
 *
 * Names the parts of a #GtkColumnView that GTK 4.8 names after their
 * class: the list of rows inside it, the row of column titles and each
 * title. Called again when columns change.
 */
void
ivc_accessible_label_column_view (GtkColumnView *column_view,
                                  const char    *label)
{
  g_return_if_fail (GTK_IS_COLUMN_VIEW (column_view));

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (column_view));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LIST_VIEW (child))
        {
          gtk_accessible_update_property (GTK_ACCESSIBLE (child),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                          -1);
          continue;
        }

      /* The header: a row of titles, each named after the label in it. */
      gtk_accessible_update_property (GTK_ACCESSIBLE (child),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Column titles"),
                                      -1);
      for (GtkWidget *title = gtk_widget_get_first_child (child);
           title != NULL;
           title = gtk_widget_get_next_sibling (title))
        for (GtkWidget *inner = gtk_widget_get_first_child (title);
             inner != NULL;
             inner = gtk_widget_get_first_child (inner))
          if (GTK_IS_LABEL (inner))
            {
              gtk_accessible_update_property (GTK_ACCESSIBLE (title),
                                              GTK_ACCESSIBLE_PROPERTY_LABEL,
                                              gtk_label_get_text (GTK_LABEL (inner)),
                                              -1);
              break;
            }
    }
}

static void
update_drop_down_name (GtkDropDown *drop_down)
{
  const char *name = g_object_get_data (G_OBJECT (drop_down), "ivc-accessible-name");
  GObject *item = gtk_drop_down_get_selected_item (drop_down);
  g_autofree char *label = NULL;
  GtkWidget *button;

  /* Translators: a drop-down's name and the value chosen, e.g. "Recommendation: Yes" */
  label = GTK_IS_STRING_OBJECT (item)
    ? g_strdup_printf (_("%s: %s"), name, gtk_string_object_get_string (GTK_STRING_OBJECT (item)))
    : g_strdup (name);

  /* Its button is what takes the focus and what a screen reader names;
   * GTK 4.8 names it after its class. */
  for (button = gtk_widget_get_first_child (GTK_WIDGET (drop_down));
       button != NULL;
       button = gtk_widget_get_next_sibling (button))
    if (GTK_IS_TOGGLE_BUTTON (button))
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                      GTK_ACCESSIBLE_PROPERTY_HAS_POPUP, TRUE,
                                      -1);
}

/**
 * ivc_accessible_name_drop_down:
 * @drop_down: a drop-down of strings
 * @name: what it chooses, e.g. "Recommendation"
 *
 * Names the drop-down's button "@name: value" and keeps the name with the
 * value chosen.
 */
void
ivc_accessible_name_drop_down (GtkDropDown *drop_down,
                               const char  *name)
{
  g_return_if_fail (GTK_IS_DROP_DOWN (drop_down));
  g_return_if_fail (name != NULL);

  g_object_set_data_full (G_OBJECT (drop_down), "ivc-accessible-name", g_strdup (name), g_free);
  gtk_accessible_update_property (GTK_ACCESSIBLE (drop_down),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);
  g_signal_connect (drop_down, "notify::selected", G_CALLBACK (update_drop_down_name), NULL);
  update_drop_down_name (drop_down);
}
