/* ivc-application.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * IvcApplication: the application object: command-line options, the
 * candidate store and bank library it shares with its windows, reading the
 * first bank while GTK starts, and the app-wide actions.
 */

#define G_LOG_DOMAIN "ivc-application"

#include "config.h"

#include <glib/gi18n.h>

#include "ivc-application.h"
#include "ivc-about.h"
#include "ivc-bank-library.h"
#include "ivc-alert.h"
#include "ivc-candidate-store.h"
#include "ivc-team-folder.h"
#include "ivc-cli.h"
#include "ivc-export.h"
#include "ivc-question-bank.h"
#include "ivc-scorecard.h"
#include "ivc-window.h"

struct _IvcApplication
{
  AdwApplication   parent_instance;

  GSettings         *settings;
  IvcCandidateStore *store;
  GPtrArray         *store_problems;
  /* Why the team-folder setting could not be used, said with the
   * candidates' problems. */
  GError            *team_folder_error;
  gboolean           store_loaded;

  IvcBankLibrary    *library;
  gboolean           library_loading;
  gboolean           library_loaded;

  /* The bank to show first is read while GTK starts up: one named on the
   * command line, imported into the library, or the last one shown. */
  GFile           *prefetch_file;
  IvcQuestionBank *prefetched_bank;
  GError          *prefetch_error;
  GPtrArray       *prefetch_problems;
  guint            prefetching : 1;
  guint            prefetch_is_import : 1;
  guint            prefetch_replaced : 1;
};

G_DEFINE_FINAL_TYPE (IvcApplication, ivc_application, ADW_TYPE_APPLICATION)

/* The interviewer's name from the settings, or the user's real name, and
 * their id; a new id is kept in the settings only if @keep_new_id. */
static void
get_interviewer (IvcApplication  *self,
                 gboolean         keep_new_id,
                 char           **interviewer_id,
                 char           **interviewer_name)
{
  GSettings *settings = ivc_application_get_settings (self);
  char *name;
  char *id;

  name = g_settings_get_string (settings, "interviewer-name");
  if (*name == '\0')
    {
      g_free (name);
      name = g_strdup (g_get_real_name ());
      if (g_str_equal (name, "Unknown") || *name == '\0')
        {
          g_free (name);
          name = g_strdup (g_get_user_name ());
        }
    }

  /* Made once, so that this interviewer's files keep their name. */
  id = g_settings_get_string (settings, "interviewer-id");
  if (!ivc_candidate_id_is_valid (id))
    {
      g_free (id);
      id = ivc_candidate_generate_id ();
      if (keep_new_id)
        g_settings_set_string (settings, "interviewer-id", id);
    }

  *interviewer_id = id;
  *interviewer_name = name;
}

/* The team folder, or %NULL for the private data folder: also when the
 * setting cannot be used, with @error saying why. */
static GFile *
dup_team_folder (IvcApplication  *self,
                 GError         **error)
{
  g_autofree char *setting = g_settings_get_string (ivc_application_get_settings (self), "team-folder");

  return ivc_team_folder_resolve (setting, error);
}

static void
on_interviewer_name_changed_cb (IvcApplication *self)
{
  g_autofree char *interviewer_id = NULL;
  g_autofree char *interviewer_name = NULL;

  get_interviewer (self, FALSE, &interviewer_id, &interviewer_name);
  if (self->store != NULL)
    ivc_candidate_store_set_interviewer_name (self->store, interviewer_name);
}

static IvcCandidateStore *
ivc_application_get_store (IvcApplication *self)
{
  g_autofree char *interviewer_id = NULL;
  g_autofree char *interviewer_name = NULL;
  g_autoptr(GFile) folder = NULL;

  if (self->store != NULL)
    return self->store;

  get_interviewer (self, TRUE, &interviewer_id, &interviewer_name);
  g_clear_error (&self->team_folder_error);
  folder = dup_team_folder (self, &self->team_folder_error);
  self->store = ivc_candidate_store_new (folder, interviewer_id, interviewer_name);

  /* A new name (Preferences, Team) is written with the next change. */
  g_signal_connect_object (ivc_application_get_settings (self), "changed::interviewer-name",
                           G_CALLBACK (on_interviewer_name_changed_cb), self, G_CONNECT_SWAPPED);
  return self->store;
}

/* The commands without a window only read the data folder: a store of
 * their own, read-only, whatever a window of this application does. */
static IvcCandidateStore *
new_command_line_store (IvcApplication  *self,
                        GError         **error)
{
  g_autofree char *interviewer_id = NULL;
  g_autofree char *interviewer_name = NULL;
  g_autoptr(GFile) folder = NULL;

  /* Without an id in the settings, none of the files is ours: any id
   * reads them the same, and none is kept. */
  get_interviewer (self, FALSE, &interviewer_id, &interviewer_name);
  folder = dup_team_folder (self, error);
  if (folder == NULL && error != NULL && *error != NULL)
    return NULL;

  return ivc_candidate_store_new_read_only (folder, interviewer_id, interviewer_name);
}

/* The bundled bank and the imported ones. The bundled bank is shown in
 * the language chosen last in the bank switcher or, at first start, in the
 * user's language if there is a version in it. */
static IvcBankLibrary *
ivc_application_get_library (IvcApplication *self)
{
  if (self->library == NULL)
    {
      g_autofree char *language = NULL;

      self->library = ivc_bank_library_new (NULL, NULL);
      language = g_settings_get_string (ivc_application_get_settings (self), "bundled-bank-language");
      if (*language == '\0' || !ivc_bank_library_set_bundled_language (self->library, language))
        {
          const char *chosen = ivc_bank_library_choose_language (self->library, g_get_language_names ());

          if (chosen != NULL)
            ivc_bank_library_set_bundled_language (self->library, chosen);
        }
    }

  return self->library;
}

static void
store_loaded_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(IvcApplication) self = user_data;
  g_autoptr(GError) error = NULL;
  GList *windows;

  if (!ivc_candidate_store_load_finish (self->store, result, &self->store_problems, &error))
    {
      if (self->store_problems == NULL)
        self->store_problems = g_ptr_array_new_with_free_func ((GDestroyNotify)g_error_free);
      g_ptr_array_add (self->store_problems, g_steal_pointer (&error));
    }

  /* A teammate's sync shows without a restart. */
  ivc_candidate_store_watch_team (self->store);

  self->store_loaded = TRUE;
  windows = gtk_application_get_windows (GTK_APPLICATION (self));
  for (const GList *l = windows; l; l = l->next)
    if (IVC_IS_WINDOW (l->data))
      {
        ivc_window_candidates_loaded (l->data, self->store_problems);

        /* Said once, at start: the private folder is used instead. */
        if (self->team_folder_error != NULL)
          {
            IvcAlert *dialog = ivc_alert_new (_("Team Folder Not Used"),
                                              self->team_folder_error->message);

            ivc_alert_add_response (dialog, "close", _("_Close"));
            ivc_alert_present (dialog, GTK_WIDGET (l->data));
          }
      }
  g_clear_error (&self->team_folder_error);

  /* Said once. */
  g_clear_pointer (&self->store_problems, g_ptr_array_unref);
}

static void
deliver_prefetched_bank (IvcApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL || self->prefetching)
    return;

  if (self->prefetch_is_import)
    ivc_window_bank_imported (IVC_WINDOW (window), self->prefetch_file, self->prefetched_bank,
                              self->prefetch_replaced, self->prefetch_error, self->prefetch_problems);
  else if (self->prefetched_bank != NULL || self->prefetch_error != NULL)
    ivc_window_bank_loaded (IVC_WINDOW (window), self->prefetched_bank, self->prefetch_error);

  g_clear_object (&self->prefetched_bank);
  g_clear_object (&self->prefetch_file);
  g_clear_error (&self->prefetch_error);
  g_clear_pointer (&self->prefetch_problems, g_ptr_array_unref);
  self->prefetch_is_import = FALSE;
}

static void
prefetch_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(IvcApplication) self = user_data;

  self->prefetching = FALSE;
  self->prefetched_bank = ivc_bank_library_load_file_finish (result, &self->prefetch_error);
  deliver_prefetched_bank (self);
}

static void
prefetch_import_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(IvcApplication) self = user_data;
  gboolean replaced = FALSE;

  self->prefetching = FALSE;
  self->prefetched_bank = ivc_bank_library_import_finish (IVC_BANK_LIBRARY (source), result, NULL,
                                                          &replaced, &self->prefetch_problems,
                                                          &self->prefetch_error);
  self->prefetch_replaced = replaced;
  deliver_prefetched_bank (self);
}

/* Without a bank on the command line, the last one shown comes back. */
static void
prefetch_last_bank (IvcApplication *self)
{
  g_autofree char *last = g_settings_get_string (ivc_application_get_settings (self), "last-bank");
  g_autoptr(GFile) folder = NULL;
  g_autofree char *name = NULL;

  /* The built-in bank needs no reading; an imported one (even one that
   * updates the built-in bank) is in the library's folder. */
  if (!ivc_bank_id_is_valid (last))
    return;

  folder = ivc_bank_library_dup_default_folder ();
  name = g_strdup_printf ("%s.json", last);
  self->prefetch_file = g_file_get_child (folder, name);
  if (!g_file_query_exists (self->prefetch_file, NULL))
    {
      g_clear_object (&self->prefetch_file);
      return;
    }

  self->prefetching = TRUE;
  /* From the bank's image when it has one: no JSON is parsed. */
  ivc_bank_library_load_file_async (self->prefetch_file, NULL, prefetch_cb, g_object_ref (self));
}

static int
ivc_application_handle_local_options (GApplication *app,
                                      GVariantDict *options)
{
  IvcApplication *self = IVC_APPLICATION (app);
  g_autofree const char **paths = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) team_error = NULL;
  const char *path = NULL, *candidate = NULL, *output = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", PACKAGE_NAME, PACKAGE_VERSION);
      return 0;
    }

  if (g_variant_dict_lookup (options, "check-bank", "^&ay", &path))
    return ivc_cli_check_bank (path);

  if (g_variant_dict_lookup (options, "export-bank", "&s", &candidate))
    {
      const char *format = NULL;

      g_variant_dict_lookup (options, "format", "&s", &format);
      g_variant_dict_lookup (options, "output", "^&ay", &output);
      if (g_variant_dict_contains (options, "interviewer"))
        {
          g_printerr (_("--interviewer goes with --export\n"));
          return 1;
        }
      return ivc_cli_export_bank (ivc_application_get_library (self), candidate, format, output);
    }

  if (g_variant_dict_contains (options, "list-candidates"))
    {
      g_autoptr(IvcCandidateStore) store = new_command_line_store (self, &team_error);

      if (store == NULL)
        {
          g_printerr ("%s\n", team_error->message);
          return 1;
        }
      return ivc_cli_list_candidates (store);
    }

  if (g_variant_dict_lookup (options, "export", "&s", &candidate))
    {
      g_autoptr(IvcCandidateStore) store = new_command_line_store (self, &team_error);
      const char *format = NULL, *interviewer = NULL;

      if (store == NULL)
        {
          g_printerr ("%s\n", team_error->message);
          return 1;
        }

      g_variant_dict_lookup (options, "format", "&s", &format);
      g_variant_dict_lookup (options, "output", "^&ay", &output);
      g_variant_dict_lookup (options, "interviewer", "&s", &interviewer);
      return ivc_cli_export (store, ivc_application_get_library (self),
                             candidate, format, output, interviewer,
                             g_settings_get_boolean (ivc_application_get_settings (self),
                                                     "hide-scores-until-submitted"));
    }

  if (g_variant_dict_lookup (options, "debrief", "&s", &candidate))
    {
      g_autoptr(IvcCandidateStore) store = new_command_line_store (self, &team_error);
      const char *format = NULL;

      if (store == NULL)
        {
          g_printerr ("%s\n", team_error->message);
          return 1;
        }

      g_variant_dict_lookup (options, "format", "&s", &format);
      g_variant_dict_lookup (options, "output", "^&ay", &output);
      if (g_variant_dict_contains (options, "interviewer"))
        {
          g_printerr (_("--interviewer goes with --export\n"));
          return 1;
        }
      return ivc_cli_debrief (store, ivc_application_get_library (self),
                              candidate, format, output,
                              g_variant_dict_contains (options, "include-drafts"),
                              g_settings_get_boolean (ivc_application_get_settings (self),
                                                      "hide-scores-until-submitted"));
    }

  if (g_variant_dict_contains (options, "include-drafts"))
    {
      g_printerr (_("--include-drafts goes with --debrief\n"));
      return 1;
    }

  if (g_variant_dict_lookup (options, "erase", "&s", &candidate))
    {
      IvcCandidateStore *store = ivc_application_get_store (self);

      /* Not in the private folder when the team's was meant. */
      if (self->team_folder_error != NULL)
        {
          g_printerr ("%s\n", self->team_folder_error->message);
          return 1;
        }
      return ivc_cli_erase (store, candidate, g_variant_dict_contains (options, "yes"));
    }

  if (g_variant_dict_contains (options, "yes"))
    {
      g_printerr (_("--yes goes with --erase\n"));
      return 1;
    }

  if (g_variant_dict_contains (options, "format") || g_variant_dict_contains (options, "output") ||
      g_variant_dict_contains (options, "interviewer"))
    {
      g_printerr (_("--format, --output and --interviewer go with --export "
                    "(--format and --output also with --debrief and --export-bank)\n"));
      return 1;
    }

  if (g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&ay", &paths) && paths[0] != NULL)
    {
      /* One bank is shown at a time: the last one named wins. */
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (paths[g_strv_length ((char **)paths) - 1]);

      /* Reading a large bank takes about as long as starting GTK: do both
       * at once. It is checked and copied into the library. */
      self->prefetching = TRUE;
      self->prefetch_is_import = TRUE;
      self->prefetch_file = g_object_ref (file);
      ivc_bank_library_import_async (ivc_application_get_library (self), file, NULL,
                                     prefetch_import_cb, g_object_ref (self));

      if (!g_application_register (app, NULL, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }

      /* Another instance is running: it opens the bank. */
      if (g_application_get_is_remote (app))
        {
          g_application_open (app, &file, 1, "");
          return 0;
        }
    }
  else
    prefetch_last_bank (self);

  return G_APPLICATION_CLASS (ivc_application_parent_class)->handle_local_options (app, options);
}

static IvcWindow *
ivc_application_ensure_window (IvcApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    {
      window = GTK_WINDOW (ivc_window_new (self));
      ivc_window_set_store (IVC_WINDOW (window), ivc_application_get_store (self));
      ivc_window_set_bank_library (IVC_WINDOW (window), ivc_application_get_library (self));
      if (self->library_loaded)
        ivc_window_bank_library_loaded (IVC_WINDOW (window));
      if (self->store_loaded)
        ivc_window_candidates_loaded (IVC_WINDOW (window), NULL);
    }

  return IVC_WINDOW (window);
}

static void on_after_paint_cb (GdkFrameClock *clock,
                               IvcWindow     *window);

static void
ivc_application_activate (GApplication *app)
{
  IvcApplication *self = IVC_APPLICATION (app);
  IvcWindow *window = ivc_application_ensure_window (self);
  gboolean has_prefetch = self->prefetching || self->prefetched_bank || self->prefetch_error;

  if (has_prefetch)
    deliver_prefetched_bank (self);
  else if (ivc_window_get_bank (window) == NULL)
    ivc_window_load_bundled_bank (window);

  gtk_window_present (GTK_WINDOW (window));

  if (!self->library_loading)
    g_signal_connect_object (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint",
                             G_CALLBACK (on_after_paint_cb), window, 0);
}

static void
ivc_application_open (GApplication  *app,
                      GFile        **files,
                      int            n_files,
                      const char    *hint)
{
  IvcWindow *window = ivc_application_ensure_window (IVC_APPLICATION (app));

  /* One bank is shown at a time: the last one named wins. */
  if (n_files > 0)
    ivc_window_import_bank (window, files[n_files - 1]);

  gtk_window_present (GTK_WINDOW (window));
}

static void
ivc_application_quit_action (GSimpleAction *action,
                             GVariant      *parameter,
                             gpointer       user_data)
{
  IvcApplication *self = user_data;
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));

  /* Closing each window lets it save its state first. */
  for (const GList *l = windows; l; l = l->next)
    gtk_window_close (l->data);
}

static void
ivc_application_about_action (GSimpleAction *action,
                              GVariant      *parameter,
                              gpointer       user_data)
{
  IvcApplication *self = user_data;

  ivc_about_present (ivc_about_new (), gtk_application_get_active_window (GTK_APPLICATION (self)));
}

static const GActionEntry app_actions[] = {
  { "quit", ivc_application_quit_action },
  { "about", ivc_application_about_action },
};

/* Imported banks that cannot be read are left as they are, and said. */
static void
library_loaded_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(IvcApplication) self = user_data;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;

  GList *windows;

  if (!ivc_bank_library_load_finish (IVC_BANK_LIBRARY (source), result, &problems, &error))
    g_message ("%s", error->message);

  for (guint i = 0; problems != NULL && i < problems->len; i++)
    g_message ("%s", ((const GError *)g_ptr_array_index (problems, i))->message);

  self->library_loaded = TRUE;
  windows = gtk_application_get_windows (GTK_APPLICATION (self));
  for (const GList *l = windows; l; l = l->next)
    if (IVC_IS_WINDOW (l->data))
      ivc_window_bank_library_loaded (l->data);
}

/* Every imported bank is read to list it: a second's work for a large
 * one, which waits until the window is on screen. */
static void
on_after_paint_cb (GdkFrameClock *clock,
                   IvcWindow     *window)
{
  IvcApplication *self = IVC_APPLICATION (gtk_window_get_application (GTK_WINDOW (window)));

  /* The first frame with questions on it. */
  if (self == NULL || ivc_window_get_bank (window) == NULL)
    return;

  /* By function and data: GTK's own handlers on the clock have the window
   * as their data too. */
  g_signal_handlers_disconnect_matched (clock, G_SIGNAL_MATCH_FUNC | G_SIGNAL_MATCH_DATA, 0, 0, NULL,
                                        (gpointer)(guintptr)on_after_paint_cb, window);

  if (self->library_loading)
    return;

  self->library_loading = TRUE;
  ivc_bank_library_load_async (ivc_application_get_library (self), NULL,
                               library_loaded_cb, g_object_ref (self));
}

static void
prepare_icon_theme_thread (GTask        *task,
                           gpointer      source_object,
                           gpointer      task_data,
                           GCancellable *cancellable)
{
  g_autoptr(GtkIconPaintable) icon = NULL;

  icon = gtk_icon_theme_lookup_icon (task_data, "open-menu-symbolic", NULL, 16, 1,
                                     GTK_TEXT_DIR_NONE, 0);
  g_task_return_boolean (task, TRUE);
}

/* The first icon of a session reads the icon themes' indexes and caches:
 * a worker does it while the window is built, instead of the first frame
 * waiting for it. GtkIconTheme may be looked up from any thread once made
 * on the main one. */
static void
prepare_icon_theme (void)
{
  GdkDisplay *display = gdk_display_get_default ();
  g_autoptr(GTask) task = NULL;

  if (display == NULL)
    return;

  task = g_task_new (NULL, NULL, NULL, NULL);
  g_task_set_name (task, "[ivc] prepare icon theme");
  g_task_set_task_data (task, g_object_ref (gtk_icon_theme_get_for_display (display)), g_object_unref);
  g_task_run_in_thread (task, prepare_icon_theme_thread);
}

static void
ivc_application_startup (GApplication *app)
{
  IvcApplication *self = IVC_APPLICATION (app);

  G_APPLICATION_CLASS (ivc_application_parent_class)->startup (app);
  prepare_icon_theme ();

  ivc_candidate_store_load_async (ivc_application_get_store (self), NULL,
                                  store_loaded_cb, g_object_ref (self));

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);

  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit",
                                         (const char *[]) { "<Control>q", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "window.close",
                                         (const char *[]) { "<Control>w", NULL });
}

static void
ivc_application_dispose (GObject *object)
{
  IvcApplication *self = (IvcApplication *)object;

  g_clear_object (&self->store);
  g_clear_pointer (&self->store_problems, g_ptr_array_unref);
  g_clear_error (&self->team_folder_error);
  g_clear_object (&self->settings);
  g_clear_object (&self->library);
  g_clear_object (&self->prefetched_bank);
  g_clear_object (&self->prefetch_file);
  g_clear_error (&self->prefetch_error);
  g_clear_pointer (&self->prefetch_problems, g_ptr_array_unref);

  G_OBJECT_CLASS (ivc_application_parent_class)->dispose (object);
}

static void
ivc_application_class_init (IvcApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = ivc_application_dispose;

  app_class->handle_local_options = ivc_application_handle_local_options;
  app_class->startup = ivc_application_startup;
  app_class->activate = ivc_application_activate;
  app_class->open = ivc_application_open;
}

static void
ivc_application_init (IvcApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), ivc_cli_get_option_entries ());
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Browse interview questions and reveal their "
                                              "model answers on demand."));
}

IvcApplication *
ivc_application_new (void)
{
  return g_object_new (IVC_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", RESOURCE_BASE,
                       NULL);
}

/**
 * ivc_application_get_settings:
 *
 * Returns: (transfer none): the application's settings
 */
GSettings *
ivc_application_get_settings (IvcApplication *self)
{
  g_return_val_if_fail (IVC_IS_APPLICATION (self), NULL);

  if (self->settings == NULL)
    self->settings = g_settings_new (APP_ID);

  return self->settings;
}
