/* ivc-accel.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Keyboard shortcuts in text: written by GTK from the accelerator, so that
 * they follow the keyboard and the language (“Strg+N” in German).
 */

#define G_LOG_DOMAIN "ivc-accel"

#include "config.h"

#include <glib/gi18n.h>

#include "ivc-accel.h"

/* The shortcut of each action that a button in a template triggers, for
 * its tooltip. The shortcuts themselves are bound where the actions are
 * installed (ivc-window-actions.c, ivc-scorecard-window.c); a test checks
 * that each one here is bound there. */
static const struct
{
  const char *detailed_action;
  const char *accelerator;
} action_accels[] = {
  { "win.new-candidate", "<Control>n" },
  { "win.import-bank", "<Control>o" },
  { "win.show-plan", "<Alt>p" },
  { "win.toggle-side-panel", "F9" },
  { "win.toggle-planned", "<Control>d" },
  { "panel.score(1)", "<Alt>1" },
  { "panel.score(2)", "<Alt>2" },
  { "panel.score(3)", "<Alt>3" },
  { "panel.score(4)", "<Alt>4" },
  { "panel.red-flag-observed", "<Alt>x" },
  { "scorecard.back", "<Alt>Left" },
  { "scorecard.export", "<Control>e" },
  { "scorecard.print", "<Control>p" },
};

/**
 * ivc_accel_get_label:
 * @accelerator: an accelerator as gtk_accelerator_parse() reads it,
 *   such as "<Control>n"
 *
 * Returns: (transfer full): the shortcut as the user reads it, in the
 *   user's language and for the user's keyboard: “Ctrl+N”, “Strg+N”
 */
char *
ivc_accel_get_label (const char *accelerator)
{
  GdkModifierType modifiers = 0;
  guint key = 0;

  g_return_val_if_fail (accelerator != NULL, NULL);

  if (!gtk_accelerator_parse (accelerator, &key, &modifiers))
    g_return_val_if_reached (g_strdup (accelerator));

  return gtk_accelerator_get_label (key, modifiers);
}

/**
 * ivc_accel_dup_tooltip:
 * @text: what the control does, translated
 * @accelerator: its shortcut, as for ivc_accel_get_label()
 *
 * Returns: (transfer full): a tooltip such as “New Candidate (Ctrl+N)”
 */
char *
ivc_accel_dup_tooltip (const char *text,
                       const char *accelerator)
{
  g_autofree char *label = NULL;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (accelerator != NULL, NULL);

  label = ivc_accel_get_label (accelerator);
  /* Translators: a tooltip: what a button does, then its keyboard
   * shortcut, such as “New Candidate (Ctrl+N)”. */
  return g_strdup_printf (_("%s (%s)"), text, label);
}

/**
 * ivc_accel_set_tooltip:
 * @widget: a widget
 * @text: what @widget does, translated
 * @accelerator: its shortcut, as for ivc_accel_get_label()
 *
 * Sets @widget's tooltip to @text followed by the shortcut.
 */
void
ivc_accel_set_tooltip (GtkWidget  *widget,
                       const char *text,
                       const char *accelerator)
{
  g_autofree char *tooltip = NULL;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  tooltip = ivc_accel_dup_tooltip (text, accelerator);
  gtk_widget_set_tooltip_text (widget, tooltip);
}

/**
 * ivc_accel_for_action:
 * @detailed_action: an action with its target, as
 *   g_action_print_detailed_name() writes it: "panel.score(1)"
 *
 * Returns: (nullable): the accelerator of the shortcut that triggers
 *   @detailed_action, if it has one
 */
const char *
ivc_accel_for_action (const char *detailed_action)
{
  g_return_val_if_fail (detailed_action != NULL, NULL);

  for (gsize i = 0; i < G_N_ELEMENTS (action_accels); i++)
    {
      if (g_str_equal (action_accels[i].detailed_action, detailed_action))
        return action_accels[i].accelerator;
    }

  return NULL;
}

/**
 * ivc_accel_add_to_tooltip:
 * @widget: a widget with a tooltip
 * @accelerator: the shortcut that does what @widget does
 *
 * Adds the shortcut to @widget's tooltip, once: the templates give only
 * what the control does.
 */
void
ivc_accel_add_to_tooltip (GtkWidget  *widget,
                          const char *accelerator)
{
  const char *tooltip;
  g_autofree char *text = NULL;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (accelerator != NULL);

  tooltip = gtk_widget_get_tooltip_text (widget);
  if (tooltip == NULL ||
      g_strcmp0 (tooltip, g_object_get_data (G_OBJECT (widget), "ivc-accel-tooltip")) == 0)
    return;

  text = g_strdup (tooltip);
  ivc_accel_set_tooltip (widget, text, accelerator);
  g_object_set_data_full (G_OBJECT (widget), "ivc-accel-tooltip",
                          g_strdup (gtk_widget_get_tooltip_text (widget)), g_free);
}

/**
 * ivc_accel_add_to_tooltips:
 * @widget: a widget whose template has been initialised
 *
 * Adds its shortcut to the tooltip of each button under @widget that
 * triggers an action with a shortcut (ivc_accel_for_action()). Call it
 * after gtk_widget_init_template(); a tooltip gets its shortcut once.
 */
void
ivc_accel_add_to_tooltips (GtkWidget *widget)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (GTK_IS_ACTIONABLE (widget))
    {
      const char *action = gtk_actionable_get_action_name (GTK_ACTIONABLE (widget));

      if (action != NULL)
        {
          g_autofree char *detailed = NULL;
          const char *accelerator;

          detailed = g_action_print_detailed_name (action,
                                                   gtk_actionable_get_action_target_value (GTK_ACTIONABLE (widget)));
          accelerator = ivc_accel_for_action (detailed);
          if (accelerator != NULL)
            ivc_accel_add_to_tooltip (widget, accelerator);
        }
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    ivc_accel_add_to_tooltips (child);
}
