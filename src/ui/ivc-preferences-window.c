/* ivc-preferences-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * IvcPreferencesWindow: the preferences (privacy, candidate data, the
 * team folder and who you are to the team, text size).
 */

#define G_LOG_DOMAIN "ivc-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "ivc-accel.h"
#include "ivc-accessible.h"
#include "ivc-alert.h"
#include "ivc-preferences-window.h"
#include "ivc-team-folder.h"

/* The settings a user may want to change: privacy, how long candidates are
 * kept, and text size. Every
 * change applies at once and is remembered. */
struct _IvcPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;
  /* The candidates the app works on now: their folder, to say whether a
   * new team folder is in use yet, and to copy from. */
  IvcCandidateStore    *store;
  GCancellable         *cancellable;
  /* The folder being copied to, set once the copy is done. */
  char                 *copy_path;

  AdwActionRow         *team_folder_row;
  GtkWidget            *team_folder_button;
  GtkWidget            *team_folder_clear_button;
  AdwEntryRow          *interviewer_name_row;
  AdwActionRow         *interviewer_id_row;

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

/*
 * Team.
 */

/* The folder the setting names, said as the row's subtitle: where the
 * candidates are, and whether that is in use yet. */
static void
update_team_folder_row (IvcPreferencesWindow *self)
{
  g_autofree char *setting = g_settings_get_string (self->settings, "team-folder");
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) folder = ivc_team_folder_resolve (setting, &error);
  g_autoptr(GFile) private_folder = ivc_candidate_store_dup_default_folder ();
  GFile *in_use = self->store ? ivc_candidate_store_get_folder (self->store) : NULL;
  g_autofree char *subtitle = NULL;

  if (error != NULL)
    subtitle = g_strdup (error->message);
  else if (folder == NULL)
    subtitle = g_strdup (_("None: candidates are kept in your private data folder"));
  else if (in_use != NULL && !g_file_equal (in_use, folder))
    /* Translators: %s is a folder's path */
    subtitle = g_strdup_printf (_("%s — used from the next start of Interview Companion"),
                                g_file_peek_path (folder));
  else
    subtitle = g_file_get_path (folder);

  if (error == NULL && folder == NULL && in_use != NULL && !g_file_equal (in_use, private_folder))
    {
      g_free (subtitle);
      subtitle = g_strdup (_("None: your private data folder is used from the next start of "
                             "Interview Companion"));
    }

  adw_action_row_set_subtitle (self->team_folder_row, subtitle);
  gtk_widget_set_visible (self->team_folder_clear_button, *setting != '\0');
}

static void
show_toast (IvcPreferencesWindow *self,
            const char           *text)
{
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (text));
}

static void
on_copied_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(IvcPreferencesWindow) self = user_data;
  g_autoptr(IvcTeamCopyResult) copied = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_steal_pointer (&self->copy_path);
  IvcAlert *dialog;

  copied = ivc_team_folder_copy_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (copied != NULL && copied->skipped->len == 0)
    {
      guint n = copied->n_copied + copied->n_same;
      g_autofree char *text = g_strdup_printf (ngettext ("%u file copied and checked; the team folder is used from the next start",
                                                         "%u files copied and checked; the team folder is used from the next start",
                                                         n),
                                               n);

      g_settings_set_string (self->settings, "team-folder", path);
      show_toast (self, text);
      return;
    }

  /* The folder is still chosen: what was copied is there, and nothing was
   * removed from the private folder. */
  if (copied != NULL)
    {
      g_autoptr(GString) body = g_string_new (_("Nothing was removed from your private data folder. "
                                                "These files were not copied:"));

      for (guint i = 0; i < copied->skipped->len; i++)
        g_string_append_printf (body, "\n\n%s", ((GError *)g_ptr_array_index (copied->skipped, i))->message);
      g_settings_set_string (self->settings, "team-folder", path);
      dialog = ivc_alert_new (_("Some Files Were Not Copied"), body->str);
    }
  else
    dialog = ivc_alert_new (_("Candidates Not Copied"), error->message);

  ivc_alert_add_response (dialog, "close", _("_Close"));
  ivc_alert_present (dialog, GTK_WIDGET (self));
}

static void
copy_to (IvcPreferencesWindow *self,
         GFile                *folder)
{
  g_autoptr(GError) error = NULL;

  /* What is typed is in the files that are copied. */
  if (!ivc_candidate_store_flush (self->store, &error))
    {
      IvcAlert *dialog = ivc_alert_new (_("Candidates Not Copied"), error->message);

      ivc_alert_add_response (dialog, "close", _("_Close"));
      ivc_alert_present (dialog, GTK_WIDGET (self));
      return;
    }

  g_free (self->copy_path);
  self->copy_path = g_file_get_path (folder);
  ivc_team_folder_copy_async (ivc_candidate_store_get_folder (self->store), folder, FALSE,
                              self->cancellable, on_copied_cb, g_object_ref (self));
}

static void
on_copy_response_cb (IvcAlert             *dialog,
                     const char           *response,
                     IvcPreferencesWindow *self)
{
  GFile *folder = g_object_get_data (G_OBJECT (dialog), "folder");

  if (g_str_equal (response, "copy"))
    copy_to (self, folder);
  else if (g_str_equal (response, "keep"))
    g_settings_set_string (self->settings, "team-folder", g_file_peek_path (folder));
}

static void
set_team_folder (IvcPreferencesWindow *self,
                 GFile                *folder)
{
  GListModel *candidates = self->store ? ivc_candidate_store_get_candidates (self->store) : NULL;
  guint n = candidates ? g_list_model_get_n_items (candidates) : 0;
  g_autofree char *body = NULL;
  IvcAlert *dialog;

  if (n == 0 || g_file_equal (folder, ivc_candidate_store_get_folder (self->store)))
    {
      g_settings_set_string (self->settings, "team-folder", g_file_peek_path (folder));
      return;
    }

  body = g_strdup_printf (ngettext ("You have %u candidate where Interview Companion keeps them now. "
                                    "Copy it into the team folder, so that your team sees it? Each "
                                    "copy is read back and checked, and nothing is removed from where "
                                    "it is now. The team folder is used from the next start.",
                                    "You have %u candidates where Interview Companion keeps them now. "
                                    "Copy them into the team folder, so that your team sees them? Each "
                                    "copy is read back and checked, and nothing is removed from where "
                                    "they are now. The team folder is used from the next start.",
                                    n),
                          n);
  dialog = ivc_alert_new (_("Copy Candidates to the Team Folder?"), body);
  ivc_alert_add_response (dialog, "cancel", _("_Cancel"));
  ivc_alert_add_response (dialog, "keep", _("_Don’t Copy"));
  ivc_alert_add_response (dialog, "copy", _("C_opy"));
  ivc_alert_set_response_appearance (dialog, "copy", ADW_RESPONSE_SUGGESTED);
  ivc_alert_set_default_response (dialog, "copy");
  ivc_alert_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "folder", g_object_ref (folder), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_copy_response_cb), self, 0);
  ivc_alert_present (dialog, GTK_WIDGET (self));
}

static void
on_team_folder_chosen_cb (GtkNativeDialog      *chooser,
                          int                   response,
                          IvcPreferencesWindow *self)
{
  g_autoptr(GFile) folder = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_object_unref (chooser);

  if (folder == NULL)
    return;

  /* Through the document portal, a folder outside the sandbox has a local
   * path too; one on a remote location does not. */
  if (g_file_peek_path (folder) == NULL)
    {
      show_toast (self, _("Choose a folder on this computer; a sync tool keeps it the same for your team"));
      return;
    }

  set_team_folder (self, folder);
}

static void
on_choose_team_folder_cb (IvcPreferencesWindow *self)
{
  GtkFileChooserNative *chooser;
  g_autofree char *setting = g_settings_get_string (self->settings, "team-folder");

  chooser = gtk_file_chooser_native_new (_("Choose Team Folder"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                         _("_Use Folder"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  if (g_path_is_absolute (setting) && g_file_test (setting, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GFile) current = g_file_new_for_path (setting);

      gtk_file_chooser_set_file (GTK_FILE_CHOOSER (chooser), current, NULL);
    }
  g_signal_connect (chooser, "response", G_CALLBACK (on_team_folder_chosen_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
on_clear_team_folder_cb (IvcPreferencesWindow *self)
{
  g_settings_set_string (self->settings, "team-folder", "");
}

static void
on_copy_id_cb (IvcPreferencesWindow *self)
{
  const char *id = adw_action_row_get_subtitle (self->interviewer_id_row);

  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), id);
  show_toast (self, _("Interviewer ID copied"));
}

static void
update_interviewer_id_row (IvcPreferencesWindow *self)
{
  g_autofree char *id = g_settings_get_string (self->settings, "interviewer-id");

  /* The store's is the one its files are named after. */
  adw_action_row_set_subtitle (self->interviewer_id_row,
                               self->store ? ivc_candidate_store_get_interviewer_id (self->store) : id);
}

/**
 * ivc_preferences_window_set_store:
 *
 * The candidates the app works on: the Team group says whether a newly
 * chosen folder is in use yet, copies from the store's folder, and shows
 * its interviewer id.
 */
void
ivc_preferences_window_set_store (IvcPreferencesWindow *self,
                                  IvcCandidateStore    *store)
{
  g_return_if_fail (IVC_IS_PREFERENCES_WINDOW (self));
  g_return_if_fail (IVC_IS_CANDIDATE_STORE (store));

  if (!g_set_object (&self->store, store))
    return;

  update_team_folder_row (self);
  update_interviewer_id_row (self);
}

static void
ivc_preferences_window_dispose (GObject *object)
{
  IvcPreferencesWindow *self = (IvcPreferencesWindow *)object;

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), IVC_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->copy_path, g_free);

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
  gtk_widget_class_bind_template_child (widget_class, IvcPreferencesWindow, team_folder_row);
  gtk_widget_class_bind_template_child (widget_class, IvcPreferencesWindow, team_folder_button);
  gtk_widget_class_bind_template_child (widget_class, IvcPreferencesWindow, team_folder_clear_button);
  gtk_widget_class_bind_template_child (widget_class, IvcPreferencesWindow, interviewer_name_row);
  gtk_widget_class_bind_template_child (widget_class, IvcPreferencesWindow, interviewer_id_row);
  gtk_widget_class_bind_template_callback (widget_class, on_choose_team_folder_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_clear_team_folder_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_copy_id_cb);
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

  self->cancellable = g_cancellable_new ();
  g_settings_bind (self->settings, "interviewer-name",
                   self->interviewer_name_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_signal_connect_object (self->settings, "changed::team-folder",
                           G_CALLBACK (update_team_folder_row), self, G_CONNECT_SWAPPED);
  update_team_folder_row (self);
  update_interviewer_id_row (self);
}

GtkWidget *
ivc_preferences_window_new (GtkWindow *parent)
{
  return g_object_new (IVC_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "modal", TRUE,
                       NULL);
}
