/* ivc-application.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ivc-application"

#include "config.h"

#include <glib/gi18n.h>

#include "ivc-application.h"
#include "ivc-candidate-store.h"
#include "ivc-question-bank.h"
#include "ivc-window.h"

struct _IvcApplication
{
  AdwApplication   parent_instance;

  GSettings         *settings;
  IvcCandidateStore *store;
  GPtrArray         *store_problems;
  gboolean           store_loaded;

  /* A bank named on the command line is read while GTK starts up. */
  IvcQuestionBank *prefetched_bank;
  GError          *prefetch_error;
  guint            prefetching : 1;
};

G_DEFINE_FINAL_TYPE (IvcApplication, ivc_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "check-bank", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Check a question bank file and print what is wrong with it, without opening a window"),
    N_("FILE") },
  { "list-candidates", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Print the candidates (id, name, role, date, questions scored, recommendation) and exit"), NULL },
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Print the version and exit"), NULL },
  { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, NULL, NULL, N_("[BANK.json]") },
  { NULL }
};

/* --check-bank: exit status 0 and a summary when the bank is valid, 1 and
 * every problem on stderr when it is not. */
static int
check_bank (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(IvcQuestionBank) bank = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;

  bank = ivc_question_bank_new_from_file (file, NULL, &problems, &error);
  if (bank == NULL)
    {
      for (guint i = 0; i < problems->len; i++)
        {
          const GError *problem = g_ptr_array_index (problems, i);
          g_printerr ("%s\n", problem->message);
        }
      return 1;
    }

  summary = ivc_question_bank_dup_summary (bank);
  g_print ("%s\n", summary);
  return 0;
}

/* The interviewer's name from the settings, or the user's real name. */
static IvcCandidateStore *
ivc_application_get_store (IvcApplication *self)
{
  GSettings *settings = ivc_application_get_settings (self);
  g_autofree char *interviewer_id = NULL;
  g_autofree char *interviewer_name = NULL;

  if (self->store != NULL)
    return self->store;

  interviewer_name = g_settings_get_string (settings, "interviewer-name");
  if (*interviewer_name == '\0')
    {
      g_free (interviewer_name);
      interviewer_name = g_strdup (g_get_real_name ());
      if (g_str_equal (interviewer_name, "Unknown") || *interviewer_name == '\0')
        {
          g_free (interviewer_name);
          interviewer_name = g_strdup (g_get_user_name ());
        }
    }

  /* Made once, so that this interviewer's files keep their name. */
  interviewer_id = g_settings_get_string (settings, "interviewer-id");
  if (!ivc_candidate_id_is_valid (interviewer_id))
    {
      g_free (interviewer_id);
      interviewer_id = ivc_candidate_generate_id (interviewer_name);
      g_settings_set_string (settings, "interviewer-id", interviewer_id);
    }

  self->store = ivc_candidate_store_new (NULL, interviewer_id, interviewer_name);
  return self->store;
}

static int
list_candidates (IvcApplication *self)
{
  IvcCandidateStore *store = ivc_application_get_store (self);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *list = NULL;

  if (!ivc_candidate_store_load (store, NULL, &problems, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  for (guint i = 0; problems != NULL && i < problems->len; i++)
    g_printerr ("%s\n", ((const GError *)g_ptr_array_index (problems, i))->message);

  list = ivc_candidate_store_format_list (store);
  g_print ("%s", list);
  return 0;
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

  self->store_loaded = TRUE;
  windows = gtk_application_get_windows (GTK_APPLICATION (self));
  for (const GList *l = windows; l; l = l->next)
    if (IVC_IS_WINDOW (l->data))
      ivc_window_candidates_loaded (l->data, self->store_problems);

  /* Said once. */
  g_clear_pointer (&self->store_problems, g_ptr_array_unref);
}

static void
deliver_prefetched_bank (IvcApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL || self->prefetching)
    return;

  if (self->prefetched_bank != NULL || self->prefetch_error != NULL)
    ivc_window_bank_loaded (IVC_WINDOW (window), self->prefetched_bank, self->prefetch_error);

  g_clear_object (&self->prefetched_bank);
  g_clear_error (&self->prefetch_error);
}

static void
prefetch_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(IvcApplication) self = user_data;

  self->prefetching = FALSE;
  self->prefetched_bank = ivc_question_bank_load_finish (result, &self->prefetch_error);
  deliver_prefetched_bank (self);
}

static int
ivc_application_handle_local_options (GApplication *app,
                                      GVariantDict *options)
{
  IvcApplication *self = IVC_APPLICATION (app);
  g_autofree const char **paths = NULL;
  g_autoptr(GError) error = NULL;
  const char *path = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", PACKAGE_NAME, PACKAGE_VERSION);
      return 0;
    }

  if (g_variant_dict_lookup (options, "check-bank", "^&ay", &path))
    return check_bank (path);

  if (g_variant_dict_contains (options, "list-candidates"))
    return list_candidates (self);

  if (g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&ay", &paths) && paths[0] != NULL)
    {
      /* One bank is shown at a time: the last one named wins. */
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (paths[g_strv_length ((char **)paths) - 1]);

      /* Reading a large bank takes about as long as starting GTK: do both
       * at once. */
      self->prefetching = TRUE;
      ivc_question_bank_load_async (file, NULL, prefetch_cb, g_object_ref (self));

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
      if (self->store_loaded)
        ivc_window_candidates_loaded (IVC_WINDOW (window), NULL);
    }

  return IVC_WINDOW (window);
}

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
    ivc_window_open_bank (window, files[n_files - 1]);

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
  static const char *developers[] = { "Interview Companion contributors", NULL };
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", window,
                        "modal", TRUE,
                        "application-name", _("Interview Companion"),
                        "application-icon", APP_ID,
                        "developer-name", _("Interview Companion contributors"),
                        "version", PACKAGE_VERSION,
                        "comments", _("Ask better interview questions: a question bank with "
                                      "concealed model answers, and notes and scores for "
                                      "every candidate. Offline and private."),
                        "website", "https://github.com/interviewcompanion/InterviewCompanion",
                        "issue-url", "https://github.com/interviewcompanion/InterviewCompanion/issues",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "developers", developers,
                        "copyright", "© 2026 Interview Companion contributors",
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static const GActionEntry app_actions[] = {
  { "quit", ivc_application_quit_action },
  { "about", ivc_application_about_action },
};

static void
ivc_application_startup (GApplication *app)
{
  IvcApplication *self = IVC_APPLICATION (app);

  G_APPLICATION_CLASS (ivc_application_parent_class)->startup (app);

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
  g_clear_object (&self->settings);
  g_clear_object (&self->prefetched_bank);
  g_clear_error (&self->prefetch_error);

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
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
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
