/* ivc-menu-button.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A menu built when it is first opened: GtkMenuButton builds the whole
 * popover of a menu model (a scrolled window, a box and a button an item)
 * as soon as it is given one, a hundred widgets that no first frame shows.
 */

#define G_LOG_DOMAIN "ivc-menu-button"

#include "config.h"

#include "ivc-menu-button.h"

static void
create_popup_cb (GtkMenuButton *button,
                 gpointer       user_data)
{
  GMenuModel *menu_model = user_data;

  if (gtk_menu_button_get_popover (button) == NULL)
    gtk_menu_button_set_menu_model (button, menu_model);
}

/**
 * ivc_menu_button_set_menu_model_on_demand:
 * @menu_model: the menu
 *
 * Gives @button the menu @menu_model the first time it opens, by a click,
 * its shortcut (F10 for the primary menu) or gtk_menu_button_popup().
 */
void
ivc_menu_button_set_menu_model_on_demand (GtkMenuButton *button,
                                          GMenuModel    *menu_model)
{
  g_return_if_fail (GTK_IS_MENU_BUTTON (button));
  g_return_if_fail (G_IS_MENU_MODEL (menu_model));

  gtk_menu_button_set_create_popup_func (button, create_popup_cb,
                                         g_object_ref (menu_model), g_object_unref);
}
