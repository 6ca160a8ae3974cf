/* ivc-preferences-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * IvcPreferencesWindow: the preferences (privacy, candidate data, text
 * size).
 */

#define G_LOG_DOMAIN "ivc-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "ivc-accel.h"
#include "ivc-accessible.h"
#include "ivc-preferences-window.h"

/* The settings a user may want to change: privacy, how long candidates are
 * kept, and text size. Every
 * change applies at once and is remembered. */
struct _IvcPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;

  GtkSwitch            *reveal_while_held_switch;
  GtkSwitch            *conceal_on_focus_loss_switch;
  GtkSwitch            *hide_scores_switch;
  GtkSpinButton        *retention_spin;
  GtkSpinButton        *text_size_spin;
};

G_DEFINE_FINAL_TYPE (IvcPreferencesWindow, ivc_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* The setting is a factor, the spin button a percentage. */
static gboolean
zoom_to_percent (GValue   *value,
                 GVariant *variant,
                 gpointer  user_data)
{
  g_value_set_double (value, round (g_variant_get_double (variant) * 100));
  return TRUE;
}

static GVariant *
percent_to_zoom (const GValue       *value,
                 const GVariantType *expected_type,
                 gpointer            user_data)
{
  return g_variant_new_double (round (g_value_get_double (value) / 10) / 10);
}

static void
ivc_preferences_window_dispose (GObject *object)
{
  IvcPreferencesWindow *self = (IvcPreferencesWindow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), IVC_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (ivc_preferences_window_parent_class)->dispose (object);
}

static void
ivc_preferences_window_class_init (IvcPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ivc_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ivc-preferences-window.ui");
  /* Only looked up, by set_shortcut_texts(). */
  gtk_widget_class_bind_template_child_full (widget_class, "privacy_group", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "reveal_while_held_row", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "conceal_on_focus_loss_row", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "text_size_row", FALSE, 0);
  gtk_widget_class_bind_template_child (widget_class, IvcPreferencesWindow, reveal_while_held_switch);
  gtk_widget_class_bind_template_child (widget_class, IvcPreferencesWindow, conceal_on_focus_loss_switch);
  gtk_widget_class_bind_template_child (widget_class, IvcPreferencesWindow, hide_scores_switch);
  gtk_widget_class_bind_template_child (widget_class, IvcPreferencesWindow, retention_spin);
  gtk_widget_class_bind_template_child (widget_class, IvcPreferencesWindow, text_size_spin);
}

/* libadwaita 1.2 leaves its search entry and search results (here out of
 * sight, search being off) without a name; a screen reader's review
 * reaches them all the same. */
static void
name_search_parts (GtkWidget *widget)
{
  if (GTK_IS_SEARCH_ENTRY (widget))
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, _("Search preferences"),
                                    -1);
  else if (GTK_IS_LIST_BOX (widget))
    {
      /* Each group of ours has a title, which names its list. */
      GtkWidget *group = gtk_widget_get_ancestor (widget, ADW_TYPE_PREFERENCES_GROUP);
      const char *title = group ? adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (group)) : NULL;

      if (title == NULL || *title == '\0')
        gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                        GTK_ACCESSIBLE_PROPERTY_LABEL, _("Search results"),
                                        -1);
    }
  else if (ADW_IS_VIEW_SWITCHER (widget))
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, _("Preferences pages"),
                                    -1);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    name_search_parts (child);
}

static gpointer
template_child (IvcPreferencesWindow *self,
                const char           *name)
{
  return gtk_widget_get_template_child (GTK_WIDGET (self), IVC_TYPE_PREFERENCES_WINDOW, name);
}

/* Texts that name shortcuts, as the user's keyboard and language write them. */
static void
set_shortcut_texts (IvcPreferencesWindow *self)
{
  g_autofree char *conceal = ivc_accel_get_label ("Escape");
  g_autofree char *answer = ivc_accel_get_label ("<Alt>a");
  g_autofree char *red_flag = ivc_accel_get_label ("<Alt>r");
  g_autofree char *bigger = ivc_accel_get_label ("<Control>plus");
  g_autofree char *smaller = ivc_accel_get_label ("<Control>minus");
  g_autofree char *normal = ivc_accel_get_label ("<Control>0");
  g_autofree char *hide = ivc_accel_get_label ("<Control><Shift>h");
  g_autofree char *privacy = NULL;
  g_autofree char *on_focus_loss = NULL;
  g_autofree char *held = NULL;
  g_autofree char *text_size = NULL;

  /* Translators: %s is a keyboard shortcut, such as “Escape”. */
  privacy = g_strdup_printf (_("Strong answers and red flags are always concealed when the question "
                               "or the candidate changes, and with %s."), conceal);
  /* Translators: the two %s are keyboard shortcuts, such as “Alt+A” and “Alt+R”. */
  held = g_strdup_printf (_("%s and %s show the strong answer and the red flag only while the keys "
                            "are held down"), answer, red_flag);
  /* Translators: the three %s are keyboard shortcuts that make the text
   * bigger, smaller and its normal size again. */
  text_size = g_strdup_printf (_("Percent of the system’s text size; also %s, %s and %s"),
                               bigger, smaller, normal);

  adw_preferences_group_set_description (template_child (self, "privacy_group"), privacy);
  /* Translators: %s is a keyboard shortcut, such as “Ctrl+Shift+H”. */
  on_focus_loss = g_strdup_printf (_("Conceal what is revealed, and hide the evaluation until %s, as soon as "
                                     "another window, such as the video call, is focused"), hide);

  adw_action_row_set_subtitle (template_child (self, "reveal_while_held_row"), held);
  adw_action_row_set_subtitle (template_child (self, "conceal_on_focus_loss_row"), on_focus_loss);
  adw_action_row_set_subtitle (template_child (self, "text_size_row"), text_size);
}

static void
ivc_preferences_window_init (IvcPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  ivc_accessible_fix_mnemonic_buttons (GTK_WIDGET (self));
  name_search_parts (GTK_WIDGET (self));
  set_shortcut_texts (self);

  self->settings = g_settings_new (APP_ID);
  g_settings_bind (self->settings, "reveal-while-held",
                   self->reveal_while_held_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "conceal-on-focus-loss",
                   self->conceal_on_focus_loss_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "hide-scores-until-submitted",
                   self->hide_scores_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "retention-days",
                   gtk_spin_button_get_adjustment (self->retention_spin), "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind_with_mapping (self->settings, "text-zoom",
                                gtk_spin_button_get_adjustment (self->text_size_spin), "value",
                                G_SETTINGS_BIND_DEFAULT,
                                zoom_to_percent, percent_to_zoom, NULL, NULL);
}

GtkWidget *
ivc_preferences_window_new (GtkWindow *parent)
{
  return g_object_new (IVC_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "modal", TRUE,
                       NULL);
}
