/* ivc-bank-switcher.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * IvcBankSwitcher: the popover that lists the built-in and imported
 * question banks, switches between them and removes imported ones.
 */

#define G_LOG_DOMAIN "ivc-bank-switcher"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <adwaita.h>

#include "ivc-bank-switcher.h"
#include "ivc-accel.h"

/*
 * The list of question banks, for a popover: the bundled bank and the
 * imported ones, with their size and when they were imported. Activating a
 * row asks the window to switch banks (win.switch-bank, or for a language
 * version of the bundled bank win.switch-bundled-bank); the remove button
 * of an imported bank asks it to remove it (win.remove-bank), which it
 * offers to undo.
 */
struct _IvcBankSwitcher
{
  GtkWidget       parent_instance;

  IvcBankLibrary *library;
  /* The library's banks, with every language version of the bundled
   * bank in place of the one listed: what the rows show. */
  GListStore     *rows;
  char           *current_bank_id;
  /* Of the bundled bank on screen, or NULL. */
  char           *current_language;

  GtkListBox     *list;
};

G_DEFINE_FINAL_TYPE (IvcBankSwitcher, ivc_bank_switcher, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_LIBRARY,
  PROP_CURRENT_BANK_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void update_rows (IvcBankSwitcher *self);

static char *
dup_subtitle (IvcBankInfo *info)
{
  g_autofree char *summary = ivc_bank_info_dup_summary (info);
  g_autofree char *date = NULL;
  GDateTime *imported = ivc_bank_info_get_imported (info);

  if (ivc_bank_info_get_is_bundled (info))
    /* Translators: "3 levels, 24 questions · built in" */
    return g_strdup_printf (_("%s · built in"), summary);

  if (imported == NULL)
    return g_steal_pointer (&summary);

  {
    g_autoptr(GDateTime) local = g_date_time_to_local (imported);

    /* Translators: a date in the list of banks, as g_date_time_format() takes it */
    date = g_date_time_format (local, _("%e %B %Y"));
  }

  /* On a line of its own: a line the row had to wrap itself was left out
   * of the list's height, and the last row was cut off.
   * Translators: "3 levels, 24 questions", a line break, "imported 28 November 2026" */
  return g_strdup_printf (_("%s\nimported %s"), summary, g_strstrip (date));
}

/* Languages in their own names, as a language chooser shows them: whoever
 * wants a version of the bank in their language finds it whatever the
 * language of the window. */
static const struct
{
  const char *tag;
  const char *name;
} autonyms[] = {
  { "de", "Deutsch" },
  { "en", "English" },
  { "es", "Español" },
  { "fr", "Français" },
};

static const char *
get_language_name (const char *language)
{
  g_autofree char *primary = g_ascii_strdown (language, strcspn (language, "-_"));

  for (guint i = 0; i < G_N_ELEMENTS (autonyms); i++)
    if (strcmp (autonyms[i].tag, primary) == 0)
      return autonyms[i].name;

  return language;
}

/* Which language version of the bundled bank a row is, or NULL. */
static const char *
get_row_language (IvcBankSwitcher *self,
                  IvcBankInfo     *info)
{
  const char *language = ivc_bank_info_get_language (info);

  if (!ivc_bank_info_get_is_bundled (info) || language == NULL || *language == '\0' ||
      self->library == NULL || ivc_bank_library_get_n_bundled (self->library) < 2)
    return NULL;

  return language;
}

static gboolean
is_current (IvcBankSwitcher *self,
            const char      *bank_id,
            const char      *language)
{
  if (g_strcmp0 (self->current_bank_id, bank_id) != 0)
    return FALSE;

  return language == NULL || self->current_language == NULL ||
         g_ascii_strcasecmp (language, self->current_language) == 0;
}

static void
show_check (GtkWidget *check,
            gboolean   current)
{
  gtk_widget_set_opacity (check, current ? 1.0 : 0.0);
  gtk_accessible_update_state (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_STATE_HIDDEN, !current, -1);
}

static GtkWidget *
create_row_cb (gpointer item,
               gpointer user_data)
{
  IvcBankSwitcher *self = user_data;
  IvcBankInfo *info = item;
  const char *language = get_row_language (self, info);
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *escaped_subtitle = NULL;
  GtkWidget *row, *check;

  if (language != NULL)
    {
      /* Translators: a version of the built-in question bank, its title and
       * its language in that language: "Microservices (Français)" */
      g_autofree char *named = g_strdup_printf (C_("bank language", "%s (%s)"),
                                                ivc_bank_info_get_title (info),
                                                get_language_name (language));

      title = g_markup_escape_text (named, -1);
    }
  else
    title = g_markup_escape_text (ivc_bank_info_get_title (info), -1);

  subtitle = dup_subtitle (info);
  escaped_subtitle = g_markup_escape_text (subtitle, -1);

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped_subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "bank-id", g_strdup (ivc_bank_info_get_id (info)), g_free);
  g_object_set_data_full (G_OBJECT (row), "bank-language", g_strdup (language), g_free);

  /* Always there, so that the titles line up; seen on the current bank. */
  check = gtk_image_new_from_icon_name ("object-select-symbolic");
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Current bank"), -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  g_object_set_data (G_OBJECT (row), "check", check);
  show_check (check, is_current (self, ivc_bank_info_get_id (info), language));

  if (!ivc_bank_info_get_is_bundled (info))
    {
      GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
      g_autofree char *tooltip = g_strdup_printf (_("Remove “%s”"), ivc_bank_info_get_title (info));

      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_set_tooltip_text (remove, tooltip);
      /* Not the icon's class name, which is what GTK 4.8 reads out. */
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (remove), "win.remove-bank");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (remove), "s", ivc_bank_info_get_id (info));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
    }

  return row;
}

static void
update_checks (IvcBankSwitcher *self)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *check = g_object_get_data (G_OBJECT (row), "check");

      if (check != NULL)
        show_check (check, is_current (self, g_object_get_data (G_OBJECT (row), "bank-id"),
                                       g_object_get_data (G_OBJECT (row), "bank-language")));
    }
}

static void
on_row_activated_cb (IvcBankSwitcher *self,
                     GtkListBoxRow   *row)
{
  const char *bank_id = g_object_get_data (G_OBJECT (row), "bank-id");
  const char *language = g_object_get_data (G_OBJECT (row), "bank-language");
  GtkWidget *popover = gtk_widget_get_ancestor (GTK_WIDGET (self), GTK_TYPE_POPOVER);

  if (bank_id == NULL)
    return;

  if (popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (popover));

  if (language != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.switch-bundled-bank", "s", language);
  else
    gtk_widget_activate_action (GTK_WIDGET (self), "win.switch-bank", "s", bank_id);
}

static void
ivc_bank_switcher_dispose (GObject *object)
{
  IvcBankSwitcher *self = (IvcBankSwitcher *)object;
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), IVC_TYPE_BANK_SWITCHER);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  if (self->library != NULL)
    g_signal_handlers_disconnect_by_data (self->library, self);
  g_clear_object (&self->library);
  g_clear_object (&self->rows);
  g_clear_pointer (&self->current_bank_id, g_free);
  g_clear_pointer (&self->current_language, g_free);

  G_OBJECT_CLASS (ivc_bank_switcher_parent_class)->dispose (object);
}

static void
ivc_bank_switcher_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  IvcBankSwitcher *self = IVC_BANK_SWITCHER (object);

  switch (prop_id)
    {
    case PROP_LIBRARY:
      g_value_set_object (value, self->library);
      break;

    case PROP_CURRENT_BANK_ID:
      g_value_set_string (value, self->current_bank_id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ivc_bank_switcher_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  IvcBankSwitcher *self = IVC_BANK_SWITCHER (object);

  switch (prop_id)
    {
    case PROP_LIBRARY:
      ivc_bank_switcher_set_library (self, g_value_get_object (value));
      break;

    case PROP_CURRENT_BANK_ID:
      ivc_bank_switcher_set_current_bank_id (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ivc_bank_switcher_class_init (IvcBankSwitcherClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ivc_bank_switcher_dispose;
  object_class->get_property = ivc_bank_switcher_get_property;
  object_class->set_property = ivc_bank_switcher_set_property;

  properties[PROP_LIBRARY] =
    g_param_spec_object ("library", NULL, NULL, IVC_TYPE_BANK_LIBRARY,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CURRENT_BANK_ID] =
    g_param_spec_string ("current-bank-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ivc-bank-switcher.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, IvcBankSwitcher, list);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated_cb);
}

static void
ivc_bank_switcher_init (IvcBankSwitcher *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  ivc_accel_add_to_tooltips (GTK_WIDGET (self));

  self->rows = g_list_store_new (IVC_TYPE_BANK_INFO);
  gtk_list_box_bind_model (self->list, G_LIST_MODEL (self->rows), create_row_cb, self, NULL);
}

IvcBankLibrary *
ivc_bank_switcher_get_library (IvcBankSwitcher *self)
{
  g_return_val_if_fail (IVC_IS_BANK_SWITCHER (self), NULL);

  return self->library;
}

/* A handful of banks: the rows are made again when the library changes. */
static void
update_rows (IvcBankSwitcher *self)
{
  g_autoptr(GPtrArray) infos = g_ptr_array_new_with_free_func (g_object_unref);
  GListModel *model = G_LIST_MODEL (self->library);

  for (guint i = 0; self->library != NULL && i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(IvcBankInfo) info = g_list_model_get_item (model, i);

      if (ivc_bank_info_get_is_bundled (info) && ivc_bank_library_get_n_bundled (self->library) > 1)
        {
          GListModel *versions = ivc_bank_library_get_bundled_versions (self->library);

          for (guint v = 0; v < g_list_model_get_n_items (versions); v++)
            g_ptr_array_add (infos, g_list_model_get_item (versions, v));
        }
      else
        g_ptr_array_add (infos, g_steal_pointer (&info));
    }

  g_list_store_splice (self->rows, 0, g_list_model_get_n_items (G_LIST_MODEL (self->rows)),
                       infos->pdata, infos->len);
}

void
ivc_bank_switcher_set_library (IvcBankSwitcher *self,
                               IvcBankLibrary  *library)
{
  g_return_if_fail (IVC_IS_BANK_SWITCHER (self));
  g_return_if_fail (library == NULL || IVC_IS_BANK_LIBRARY (library));

  if (self->library != NULL)
    g_signal_handlers_disconnect_by_data (self->library, self);

  if (!g_set_object (&self->library, library))
    return;

  if (library != NULL)
    g_signal_connect_object (library, "items-changed", G_CALLBACK (update_rows), self, G_CONNECT_SWAPPED);
  update_rows (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LIBRARY]);
}

const char *
ivc_bank_switcher_get_current_bank_id (IvcBankSwitcher *self)
{
  g_return_val_if_fail (IVC_IS_BANK_SWITCHER (self), NULL);

  return self->current_bank_id;
}

void
ivc_bank_switcher_set_current_bank_id (IvcBankSwitcher *self,
                                       const char      *bank_id)
{
  g_return_if_fail (IVC_IS_BANK_SWITCHER (self));

  if (g_strcmp0 (self->current_bank_id, bank_id) == 0)
    return;

  g_free (self->current_bank_id);
  self->current_bank_id = g_strdup (bank_id);
  update_checks (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENT_BANK_ID]);
}

/**
 * ivc_bank_switcher_set_current_language:
 * @language: (nullable): the language of the version of the bundled bank
 *   on screen, or %NULL when another bank is
 *
 * Which language version of the bundled bank is ticked.
 */
void
ivc_bank_switcher_set_current_language (IvcBankSwitcher *self,
                                        const char      *language)
{
  g_return_if_fail (IVC_IS_BANK_SWITCHER (self));

  if (g_strcmp0 (self->current_language, language) == 0)
    return;

  g_free (self->current_language);
  self->current_language = g_strdup (language);
  update_checks (self);
}
