/* ivc-window-erase.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The end of candidates' data in the window: Erase Candidate…, and the
 * banner that lists the candidates past the retention period, with
 * Export… and Erase…. Nothing is erased without a confirmation that says
 * what goes.
 */

#define G_LOG_DOMAIN "ivc-window"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "ivc-alert.h"
#include "ivc-candidate-folder.h"
#include "ivc-export.h"
#include "ivc-file-util.h"
#include "ivc-scorecard.h"
#include "ivc-toast.h"
#include "ivc-window-private.h"

/* How many names the banner and the confirmation spell out; the rest are
 * counted. */
#define MAX_NAMES_LISTED 5

/* "Ann, Bob and 3 more": names as a person reads them. */
static char *
dup_names (GPtrArray *candidates)
{
  g_autoptr(GString) names = g_string_new (NULL);
  guint n_listed = MIN (candidates->len, MAX_NAMES_LISTED);

  /* With more than MAX_NAMES_LISTED, the rest are "n more". */
  if (candidates->len > MAX_NAMES_LISTED)
    n_listed = MAX_NAMES_LISTED - 1;

  for (guint i = 0; i < n_listed; i++)
    {
      const char *name = ivc_candidate_get_name (g_ptr_array_index (candidates, i));

      if (i > 0 && i == candidates->len - 1)
        /* Translators: between the last two names of a list */
        g_string_append (names, _(" and "));
      else if (i > 0)
        g_string_append (names, _(", "));
      /* Translators: a candidate's name in a list */
      g_string_append_printf (names, _("“%s”"), *name ? name : _("Unnamed"));
    }

  if (n_listed < candidates->len)
    {
      guint n_more = candidates->len - n_listed;

      g_string_append (names, _(" and "));
      g_string_append_printf (names, g_dngettext (GETTEXT_PACKAGE, "%u more", "%u more", n_more), n_more);
    }

  return g_string_free (g_steal_pointer (&names), FALSE);
}

static char *
dup_period (guint days)
{
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u day", "%u days", days), days);
}

/**
 * _ivc_window_update_retention:
 *
 * Lists in the banner the candidates interviewed longer ago than the
 * retention setting; none, or a setting of 0, hides it.
 */
void
_ivc_window_update_retention (IvcWindow *self)
{
  guint days = g_settings_get_uint (self->settings, "retention-days");
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  g_clear_pointer (&self->expired, g_ptr_array_unref);
  if (self->store != NULL)
    self->expired = ivc_candidate_store_list_expired (self->store, days, now);

  if (self->expired != NULL && self->expired->len > 0)
    {
      g_autofree char *names = dup_names (self->expired);
      g_autofree char *period = dup_period (days);
      g_autofree char *text = NULL;

      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%s was interviewed more than %s ago, longer than "
                                           "candidates are kept. Export the scorecards you need, "
                                           "then erase them.",
                                           "%s were interviewed more than %s ago, longer than "
                                           "candidates are kept. Export the scorecards you need, "
                                           "then erase them.",
                                           self->expired->len),
                              names, period);
      gtk_label_set_text (self->retention_label, text);
    }

  gtk_revealer_set_reveal_child (self->retention_revealer,
                                 !self->retention_dismissed &&
                                 self->expired != NULL && self->expired->len > 0);
}

void
_ivc_window_dismiss_retention (IvcWindow *self)
{
  self->retention_dismissed = TRUE;
  gtk_revealer_set_reveal_child (self->retention_revealer, FALSE);
}

static void
show_toast (IvcWindow  *self,
            const char *text)
{
  adw_toast_overlay_add_toast (self->toast_overlay, ivc_toast_new (text));
}

/*
 * Erasing.
 */

static void
erase_candidates (IvcWindow *self,
                  GStrv      ids)
{
  g_autoptr(GString) failures = g_string_new (NULL);
  guint n_erased = 0, n_files = 0;

  if (self->store == NULL)
    return;

  for (guint i = 0; ids[i] != NULL; i++)
    {
      g_autoptr(IvcCandidateFiles) removed = NULL;
      g_autoptr(GError) error = NULL;
      IvcCandidate *candidate = ivc_candidate_store_find (self->store, ids[i]);

      /* Away from the candidate on screen first. */
      if (candidate != NULL && candidate == self->candidate)
        {
          GListModel *candidates = ivc_candidate_store_get_candidates (self->store);
          g_autoptr(IvcCandidate) next = NULL;

          for (guint j = 0; next == NULL && j < g_list_model_get_n_items (candidates); j++)
            {
              g_autoptr(IvcCandidate) other = g_list_model_get_item (candidates, j);

              if (!g_strv_contains ((const char * const *)ids, ivc_candidate_get_id (other)))
                next = g_steal_pointer (&other);
            }
          _ivc_window_set_candidate (self, next);
        }

      if (ivc_candidate_store_erase (self->store, ids[i], &removed, &error))
        n_erased++;
      else
        g_string_append_printf (failures, "%s%s", failures->len ? "\n\n" : "", error->message);

      if (removed != NULL)
        n_files += removed->n_files;
    }

  _ivc_window_update_retention (self);

  if (failures->len > 0)
    {
      IvcAlert *dialog = ivc_alert_new (_("Not Everything Could Be Erased"), failures->str);

      ivc_alert_add_response (dialog, "close", _("_Close"));
      ivc_alert_present (dialog, GTK_WIDGET (self));
      return;
    }

  {
    g_autofree char *candidates = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u candidate",
                                                                "%u candidates", n_erased),
                                                   n_erased);
    g_autofree char *files = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u file removed",
                                                           "%u files removed", n_files),
                                              n_files);
    /* Translators: a toast after erasing: "Erased 2 candidates: 7 files removed" */
    g_autofree char *text = g_strdup_printf (_("Erased %s: %s"), candidates, files);

    show_toast (self, text);
  }
}

static void
on_erase_response_cb (IvcAlert   *dialog,
                      const char *response,
                      IvcWindow  *self)
{
  GStrv ids = g_object_get_data (G_OBJECT (dialog), "ivc-candidate-ids");

  if (g_str_equal (response, "erase"))
    erase_candidates (self, ids);
}

/* Asks first, saying how many scorecards and files go, every
 * interviewer's and every copy. */
static void
confirm_erase (IvcWindow *self,
               GPtrArray *candidates)
{
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();
  g_autofree char *names = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *body = NULL;
  IvcCandidateFiles total = { NULL, NULL, 0, 0 };
  IvcAlert *dialog;

  if (self->store == NULL || candidates->len == 0)
    return;

  for (guint i = 0; i < candidates->len; i++)
    {
      const char *id = ivc_candidate_get_id (g_ptr_array_index (candidates, i));
      g_autoptr(IvcCandidateFiles) files = ivc_candidate_store_list_files (self->store, id, NULL);

      g_strv_builder_add (ids, id);
      if (files != NULL)
        {
          total.n_scorecards += files->n_scorecards;
          total.n_files += files->n_files;
        }
    }

  names = dup_names (candidates);
  summary = ivc_candidate_files_dup_summary (&total);
  if (candidates->len == 1)
    /* Translators: the heading of the confirmation, with a name in quotes */
    heading = g_strdup_printf (_("Erase %s?"), names);
  else
    heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Erase %u Candidate?",
                                            "Erase %u Candidates?", candidates->len),
                               candidates->len);

  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Every file of %s goes: %s, with every "
                                       "interviewer’s scorecard in the shared folder, "
                                       "conflict copies and copies kept aside. Export "
                                       "what you need first: this cannot be undone.",
                                       "Every file of %s goes: %s, with every "
                                       "interviewer’s scorecard in the shared folder, "
                                       "conflict copies and copies kept aside. Export "
                                       "what you need first: this cannot be undone.",
                                       candidates->len),
                          names, summary);
  dialog = ivc_alert_new (heading, body);
  ivc_alert_add_response (dialog, "cancel", _("_Cancel"));
  ivc_alert_add_response (dialog, "erase", _("_Erase"));
  ivc_alert_set_response_appearance (dialog, "erase", ADW_RESPONSE_DESTRUCTIVE);
  ivc_alert_set_default_response (dialog, "cancel");
  ivc_alert_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "ivc-candidate-ids",
                          g_strv_builder_end (ids), (GDestroyNotify)g_strfreev);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_erase_response_cb), self, 0);
  ivc_alert_present (dialog, GTK_WIDGET (self));
}

void
_ivc_window_erase_candidate (IvcWindow *self)
{
  g_autoptr(GPtrArray) candidates = g_ptr_array_new ();

  if (self->candidate == NULL)
    return;

  g_ptr_array_add (candidates, self->candidate);
  confirm_erase (self, candidates);
}

void
_ivc_window_erase_expired (IvcWindow *self)
{
  if (self->expired != NULL)
    confirm_erase (self, self->expired);
}

/*
 * Exporting, before erasing: every interviewer's scorecard of each
 * candidate, as JSON, into a folder.
 */

typedef struct
{
  char   *name;
  GBytes *bytes;
} ExportJob;

typedef struct
{
  GFile     *folder;
  GPtrArray *jobs;
  guint      n_written;
} ExportBatch;

static void
export_job_free (ExportJob *job)
{
  g_free (job->name);
  g_clear_pointer (&job->bytes, g_bytes_unref);
  g_free (job);
}

static void
export_batch_free (ExportBatch *batch)
{
  g_clear_object (&batch->folder);
  g_clear_pointer (&batch->jobs, g_ptr_array_unref);
  g_free (batch);
}

/* "Ann scorecard.json", or "Ann scorecard (2).json" if that is taken:
 * nothing in the folder is replaced. */
static GFile *
dup_free_file (GFile      *folder,
               const char *name)
{
  const char *dot = strrchr (name, '.');
  GFile *file = g_file_get_child (folder, name);

  for (guint n = 2; g_file_query_exists (file, NULL); n++)
    {
      g_autofree char *numbered = g_strdup_printf ("%.*s (%u)%s", (int)(dot - name), name, n, dot);

      g_object_unref (file);
      file = g_file_get_child (folder, numbered);
    }

  return file;
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportBatch *batch = task_data;

  for (guint i = 0; i < batch->jobs->len; i++)
    {
      ExportJob *job = g_ptr_array_index (batch->jobs, i);
      g_autoptr(GFile) file = dup_free_file (batch->folder, job->name);
      g_autoptr(GError) error = NULL;

      if (!ivc_file_util_write_bytes (file, job->bytes, IVC_FILE_UTIL_WRITE_NONE, cancellable, &error))
        {
          g_autofree char *path = g_file_get_parse_name (file);

          g_task_return_new_error (task, error->domain, error->code,
                                   _("Could not export the scorecard to “%s”: %s"),
                                   path, error->message);
          return;
        }

      batch->n_written++;
    }

  g_task_return_boolean (task, TRUE);
}

static void
export_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(IvcWindow) self = user_data;
  ExportBatch *batch = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      IvcAlert *dialog = ivc_alert_new (_("Scorecards Could Not Be Exported"), error->message);

      ivc_alert_add_response (dialog, "close", _("_Close"));
      ivc_alert_present (dialog, GTK_WIDGET (self));
      return;
    }

  {
    g_autofree char *folder = g_file_get_basename (batch->folder);
    g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                          "Exported %u scorecard to “%s”",
                                                          "Exported %u scorecards to “%s”",
                                                          batch->n_written),
                                             batch->n_written, folder);
    show_toast (self, text);
  }
}

/* Ours, when we took notes (or nobody else did), and every other
 * interviewer's. Serialised here; written on a worker. */
static void
add_candidate_jobs (IvcWindow    *self,
                    ExportBatch  *batch,
                    IvcCandidate *candidate)
{
  g_autoptr(GPtrArray) others = NULL;
  g_autofree char *own_name = ivc_candidate_folder_dup_file_name (ivc_candidate_store_get_interviewer_id (self->store));
  g_autofree char *own_path = NULL;
  g_autoptr(GPtrArray) scorecards = g_ptr_array_new ();

  own_path = g_build_filename (g_file_peek_path (ivc_candidate_store_get_folder (self->store)),
                               "candidates", ivc_candidate_get_id (candidate), own_name, NULL);
  others = ivc_candidate_store_read_other_scorecards (self->store, ivc_candidate_get_id (candidate), NULL);

  if (others->len == 0 || g_file_test (own_path, G_FILE_TEST_EXISTS))
    g_ptr_array_add (scorecards, candidate);
  for (guint i = 0; i < others->len; i++)
    g_ptr_array_add (scorecards, g_ptr_array_index (others, i));

  for (guint i = 0; i < scorecards->len; i++)
    {
      IvcCandidate *scorecard_of = g_ptr_array_index (scorecards, i);
      gboolean ours = scorecard_of == candidate;
      IvcQuestionBank *bank = NULL;
      g_autoptr(IvcScorecard) scorecard = NULL;
      g_autofree char *label = NULL;
      ExportJob *job;

      /* The bank on screen when it is the candidate's; without it, the
       * questions are listed by id, and every note is there. */
      if (self->bank != NULL &&
          g_strcmp0 (ivc_question_bank_get_id (self->bank), ivc_candidate_get_bank_id (scorecard_of)) == 0)
        bank = self->bank;

      scorecard = ivc_scorecard_new (scorecard_of, bank);
      label = ours ? g_strdup (ivc_candidate_get_name (scorecard_of))
                   : g_strdup_printf ("%s, %s", ivc_candidate_get_name (scorecard_of),
                                      ivc_candidate_get_interviewer_name (scorecard_of));

      job = g_new0 (ExportJob, 1);
      job->name = ivc_export_make_file_name (label, "scorecard", "json");
      job->bytes = ivc_export_to_bytes (scorecard, IVC_EXPORT_FORMAT_JSON);
      g_ptr_array_add (batch->jobs, job);
    }
}

static void
on_export_folder_cb (GtkNativeDialog *chooser,
                     int              response,
                     IvcWindow       *self)
{
  g_autoptr(GFile) folder = NULL;

  if (response == GTK_RESPONSE_ACCEPT && self->expired != NULL && self->store != NULL &&
      (folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))) != NULL)
    {
      g_autoptr(GTask) task = NULL;
      ExportBatch *batch = g_new0 (ExportBatch, 1);

      batch->folder = g_object_ref (folder);
      batch->jobs = g_ptr_array_new_with_free_func ((GDestroyNotify)export_job_free);
      for (guint i = 0; i < self->expired->len; i++)
        add_candidate_jobs (self, batch, g_ptr_array_index (self->expired, i));

      task = g_task_new (NULL, NULL, export_done_cb, g_object_ref (self));
      g_task_set_name (task, "[ivc] export expired candidates");
      g_task_set_source_tag (task, (gpointer)(guintptr)on_export_folder_cb);
      g_task_set_task_data (task, batch, (GDestroyNotify)export_batch_free);
      g_task_run_in_thread (task, export_thread);
    }

  g_object_unref (chooser);
}

void
_ivc_window_export_expired (IvcWindow *self)
{
  GtkFileChooserNative *chooser;

  if (self->expired == NULL || self->expired->len == 0)
    return;

  chooser = gtk_file_chooser_native_new (_("Export Scorecards to a Folder"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                         _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_export_folder_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* The banner is at the top of what is on screen first: under the content's
 * header bar in a wide window, under the list's in a narrow one, where the
 * list is what shows at start. */
static void
place_banner (IvcWindow *self)
{
  GtkWidget *banner = GTK_WIDGET (self->retention_revealer);
  GtkWidget *pane = adw_leaflet_get_folded (self->leaflet) ? self->sidebar : self->content;

  if (gtk_widget_get_parent (banner) == pane)
    return;

  g_object_ref (banner);
  gtk_box_remove (GTK_BOX (gtk_widget_get_parent (banner)), banner);
  /* After the pane's header bar, its first child. */
  gtk_box_insert_child_after (GTK_BOX (pane), banner, gtk_widget_get_first_child (pane));
  g_object_unref (banner);
}

/**
 * _ivc_window_erase_init:
 *
 * Follows the retention setting, and the window's width for the banner.
 */
void
_ivc_window_erase_init (IvcWindow *self)
{
  g_signal_connect_object (self->settings, "changed::retention-days",
                           G_CALLBACK (_ivc_window_update_retention), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->leaflet, "notify::folded",
                           G_CALLBACK (place_banner), self, G_CONNECT_SWAPPED);
  place_banner (self);
}
