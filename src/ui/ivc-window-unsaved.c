/* ivc-window-unsaved.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Closing the window when notes cannot be saved: the dialog that names
 * every candidate with unsaved notes, and exporting all of them into a
 * folder the user chooses.
 */

#define G_LOG_DOMAIN "ivc-window"

#include "config.h"

#include <glib/gi18n.h>

#include "ivc-alert.h"
#include "ivc-unsaved-export.h"
#include "ivc-window-private.h"

/* Called from @alert's answer. */
static void
close_anyway (IvcWindow *self,
              IvcAlert  *alert)
{
  self->closing_anyway = TRUE;
#if ADW_CHECK_VERSION (1, 5, 0)
  /* A window with a dialog over it closes the dialog instead of itself:
   * close it once the alert is gone. */
  g_signal_connect_object (alert, "closed", G_CALLBACK (gtk_window_close), self, G_CONNECT_SWAPPED);
#else
  gtk_window_close (GTK_WINDOW (self));
#endif
}

static void
on_exported_response_cb (IvcAlert   *dialog,
                         const char *response,
                         IvcWindow  *self)
{
  if (g_str_equal (response, "quit"))
    close_anyway (self, dialog);
}

/* One line per candidate: "• Ann Archer: Ann Archer notes.json", or why
 * it was not written. */
static void
append_results (GString   *body,
                GPtrArray *results,
                gboolean   written)
{
  for (guint i = 0; i < results->len; i++)
    {
      IvcUnsavedExport *result = g_ptr_array_index (results, i);

      if (written && result->file != NULL)
        {
          g_autofree char *basename = g_file_get_basename (result->file);
          g_autofree char *display = g_filename_display_name (basename);

          /* Translators: a candidate's notes and the file they were written to */
          g_string_append_printf (body, _("\n• %s: %s"), result->name, display);
        }
      else if (!written && result->error != NULL)
        /* Translators: a candidate's notes and why they could not be written */
        g_string_append_printf (body, _("\n• %s: %s"), result->name, result->error->message);
    }
}

/* What the export's answer needs. */
typedef struct
{
  IvcWindow *self;
  GFile     *folder;
} ExportCall;

static void
export_call_free (ExportCall *call)
{
  g_clear_object (&call->self);
  g_clear_object (&call->folder);
  g_free (call);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ExportCall, export_call_free)

static void
unsaved_exported_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(ExportCall) call = user_data;
  IvcWindow *self = call->self;
  g_autoptr(GPtrArray) results = NULL;
  g_autofree char *where = g_file_get_parse_name (call->folder);
  g_autoptr(GString) body = g_string_new (NULL);
  IvcAlert *dialog;
  guint n_failed = 0;

  results = ivc_unsaved_export_finish (result, &n_failed);

  if (n_failed == 0)
    {
      dialog = ivc_alert_new (_("Notes Exported"), NULL);
      /* Translators: followed by one line per candidate and file */
      g_string_append_printf (body, _("Each candidate’s notes are in a file of its own in “%s”:"), where);
      append_results (body, results, TRUE);
      ivc_alert_add_response (dialog, "keep", _("_Keep Open"));
      ivc_alert_add_response (dialog, "quit", _("_Quit"));
      ivc_alert_set_response_appearance (dialog, "quit", ADW_RESPONSE_SUGGESTED);
      ivc_alert_set_default_response (dialog, "quit");
    }
  else
    {
      dialog = ivc_alert_new (_("Notes Could Not Be Exported"), NULL);
      /* Translators: followed by one line per candidate and the reason */
      g_string_append_printf (body, _("The window stays open with the notes. Not written to “%s”:"), where);
      append_results (body, results, FALSE);
      if (n_failed < results->len)
        {
          g_string_append (body, "\n\n");
          /* Translators: followed by one line per candidate and file */
          g_string_append (body, _("Written:"));
          append_results (body, results, TRUE);
        }
      ivc_alert_add_response (dialog, "keep", _("_Keep Open"));
    }

  ivc_alert_set_body (dialog, body->str);
  ivc_alert_set_close_response (dialog, "keep");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_exported_response_cb), self, 0);
  ivc_alert_present (dialog, GTK_WIDGET (self));
}

static void
on_folder_chosen_cb (GtkNativeDialog *chooser,
                     int              response,
                     IvcWindow       *self)
{
  g_autoptr(GFile) folder = NULL;

  /* Serialised here, written on a worker: the window stays responsive on a
   * slow or failing disk. What is unsaved now is what is written, even if
   * more was typed since the dialog came up. */
  if (response == GTK_RESPONSE_ACCEPT && self->store != NULL &&
      (folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))) != NULL)
    {
      g_autoptr(GPtrArray) unsaved = ivc_candidate_store_dup_unsaved (self->store);
      ExportCall *call = g_new0 (ExportCall, 1);

      call->self = g_object_ref (self);
      call->folder = g_object_ref (folder);
      ivc_unsaved_export_async (unsaved, folder, NULL, unsaved_exported_cb, call);
    }

  g_object_unref (chooser);
}

static void
on_unsaved_response_cb (IvcAlert   *dialog,
                        const char *response,
                        IvcWindow  *self)
{
  if (g_str_equal (response, "discard"))
    close_anyway (self, dialog);
  else if (g_str_equal (response, "export"))
    {
      GtkFileChooserNative *chooser;

      chooser = gtk_file_chooser_native_new (_("Export Unsaved Notes to a Folder"), GTK_WINDOW (self),
                                             GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                             _("_Export"), _("_Cancel"));
      gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
      g_signal_connect (chooser, "response", G_CALLBACK (on_folder_chosen_cb), self);
      gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
    }
}

/**
 * _ivc_window_ask_unsaved:
 * @error: why saving failed
 *
 * Says whose notes could not be saved, and offers to export all of them,
 * to quit without them or to keep the window open.
 */
void
_ivc_window_ask_unsaved (IvcWindow    *self,
                         const GError *error)
{
  g_autoptr(GPtrArray) unsaved = ivc_candidate_store_dup_unsaved (self->store);
  g_autoptr(GString) body = g_string_new (NULL);
  IvcAlert *dialog;

  dialog = ivc_alert_new (_("Notes Could Not Be Saved"), NULL);

  if (unsaved->len > 0)
    {
      g_autofree char *example = ivc_unsaved_export_dup_base_name (g_ptr_array_index (unsaved, 0));

      /* Translators: followed by one line per candidate */
      g_string_append (body, ngettext ("The notes on this candidate are not saved:",
                                       "The notes on these candidates are not saved:",
                                       unsaved->len));
      for (guint i = 0; i < unsaved->len; i++)
        {
          IvcCandidate *candidate = g_ptr_array_index (unsaved, i);
          const char *name = ivc_candidate_get_name (candidate);

          g_string_append_printf (body, "\n• %s", *name ? name : ivc_candidate_get_id (candidate));
        }
      g_string_append_printf (body, "\n\n%s\n\n", error->message);
      g_string_append_printf (body,
                              ngettext ("Export writes it as a candidate file (such as “%s.json”) into a "
                                        "folder you choose, replacing no file there. Or keep the window "
                                        "open and try again.",
                                        "Export writes each one as a candidate file of its own (such as "
                                        "“%s.json”) into a folder you choose, replacing no file there. Or "
                                        "keep the window open and try again.",
                                        unsaved->len),
                              example);
    }
  else
    g_string_append_printf (body, _("%s\n\nKeep the window open and try again, or quit without saving."),
                            error->message);

  ivc_alert_set_body (dialog, body->str);
  ivc_alert_add_response (dialog, "cancel", _("_Keep Open"));
  ivc_alert_add_response (dialog, "discard", _("_Quit Without Saving"));
  ivc_alert_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  ivc_alert_set_default_response (dialog, "cancel");
  if (unsaved->len > 0)
    {
      ivc_alert_add_response (dialog, "export", _("_Export…"));
      ivc_alert_set_response_appearance (dialog, "export", ADW_RESPONSE_SUGGESTED);
      ivc_alert_set_default_response (dialog, "export");
    }
  ivc_alert_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_unsaved_response_cb), self, 0);
  ivc_alert_present (dialog, GTK_WIDGET (self));
}
