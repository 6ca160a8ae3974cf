/* ivc-export-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The export dialog: a file chooser with the Markdown, CSV and JSON filters
 * that writes a scorecard where the user chose.
 */

#define G_LOG_DOMAIN "ivc-export-dialog"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <adwaita.h>

#include "ivc-export-dialog.h"

#include "ivc-alert.h"

/* Export a scorecard: a save dialog with a filter for each format, then
 * the file is written in the background. The format is the one the file
 * name says (“.md”, “.csv”, “.json”), else the one of the chosen filter.
 * A failure is shown in a dialog, in words; success is the caller's to
 * announce. */

typedef struct
{
  GtkWindow            *parent;
  IvcScorecard         *scorecard;
  IvcExportDoneFunc     done;
  gpointer              user_data;
  GtkFileChooserNative *chooser;
  GFile                *file;
} ExportData;

static const IvcExportFormat formats[] = {
  IVC_EXPORT_FORMAT_MARKDOWN,
  IVC_EXPORT_FORMAT_CSV,
  IVC_EXPORT_FORMAT_JSON,
};

static void
export_data_free (ExportData *data)
{
  if (data->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (data->chooser));
  g_clear_object (&data->chooser);
  g_clear_object (&data->parent);
  g_clear_object (&data->scorecard);
  g_clear_object (&data->file);
  g_free (data);
}

static void
finish (ExportData   *data,
        const GError *error)
{
  if (data->done != NULL)
    data->done (error, error ? NULL : data->file, data->user_data);

  export_data_free (data);
}

static void
show_error (GtkWindow    *parent,
            const GError *error)
{
  IvcAlert *dialog = ivc_alert_new (_("Could Not Export the Scorecard"), error->message);

  ivc_alert_add_response (dialog, "close", _("_Close"));
  ivc_alert_present (dialog, GTK_WIDGET (parent));
}

/**
 * ivc_export_dialog_format_for_file:
 * @fallback: the format when the name does not say, such as the one of
 *   the chosen filter
 *
 * Returns: the format that the extension of @file names, else @fallback
 */
IvcExportFormat
ivc_export_dialog_format_for_file (GFile           *file,
                                   IvcExportFormat  fallback)
{
  g_autofree char *name = NULL;
  const char *dot;

  g_return_val_if_fail (G_IS_FILE (file), fallback);

  name = g_file_get_basename (file);
  dot = name ? strrchr (name, '.') : NULL;
  if (dot == NULL)
    return fallback;

  if (g_ascii_strcasecmp (dot + 1, "markdown") == 0)
    return IVC_EXPORT_FORMAT_MARKDOWN;

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (g_ascii_strcasecmp (dot + 1, ivc_export_format_get_extension (formats[i])) == 0)
      return formats[i];

  return fallback;
}

static void
write_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  ExportData *data = user_data;
  g_autoptr(GError) error = NULL;

  if (!ivc_export_write_to_file_finish (result, &error))
    show_error (data->parent, error);

  finish (data, error);
}

static void
on_response_cb (GtkNativeDialog *chooser,
                int              response,
                ExportData      *data)
{
  IvcExportFormat format = IVC_EXPORT_FORMAT_MARKDOWN;
  GtkFileFilter *filter;

  if (response != GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GError) error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED,
                                                     _("The export was cancelled"));

      finish (data, error);
      return;
    }

  data->file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (data->file == NULL)
    {
      g_autoptr(GError) error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                                                     _("The chosen place is not a file that can be written."));

      show_error (data->parent, error);
      finish (data, error);
      return;
    }

  filter = gtk_file_chooser_get_filter (GTK_FILE_CHOOSER (chooser));
  if (filter != NULL)
    format = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (filter), "ivc-export-format"));
  format = ivc_export_dialog_format_for_file (data->file, format);

  ivc_export_write_to_file_async (data->scorecard, format, data->file, NULL, write_cb, data);
}

/**
 * ivc_export_dialog_run:
 * @parent: (nullable): the window the dialog belongs to
 * @scorecard: the scorecard to export, as it is now
 * @done: (nullable) (scope async): called once at the end
 *
 * Asks where to export @scorecard and in which format, and writes it there.
 */
void
ivc_export_dialog_run (GtkWindow         *parent,
                       IvcScorecard      *scorecard,
                       IvcExportDoneFunc  done,
                       gpointer           user_data)
{
  ExportData *data;
  g_autofree char *name = NULL;

  g_return_if_fail (!parent || GTK_IS_WINDOW (parent));
  g_return_if_fail (IVC_IS_SCORECARD (scorecard));

  data = g_new0 (ExportData, 1);
  data->parent = parent ? g_object_ref (parent) : NULL;
  data->scorecard = g_object_ref (scorecard);
  data->done = done;
  data->user_data = user_data;
  data->chooser = gtk_file_chooser_native_new (_("Export Scorecard"), parent,
                                               GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (data->chooser), TRUE);

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

      gtk_file_filter_set_name (filter, ivc_export_format_get_label (formats[i]));
      gtk_file_filter_add_mime_type (filter, ivc_export_format_get_mime_type (formats[i]));
      gtk_file_filter_add_suffix (filter, ivc_export_format_get_extension (formats[i]));
      g_object_set_data (G_OBJECT (filter), "ivc-export-format", GUINT_TO_POINTER (formats[i]));
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (data->chooser), filter);
      if (i == 0)
        gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (data->chooser), filter);
    }

  name = ivc_export_dup_file_name (scorecard, IVC_EXPORT_FORMAT_MARKDOWN);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (data->chooser), name);

  g_signal_connect (data->chooser, "response", G_CALLBACK (on_response_cb), data);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (data->chooser));
}
