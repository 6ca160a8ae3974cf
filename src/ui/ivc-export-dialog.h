/* ivc-export-dialog.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The export dialog: a file chooser with the Markdown, CSV and JSON filters
 * that writes a scorecard where the user chose.
 */

#pragma once

#include <gtk/gtk.h>

#include "ivc-export.h"
#include "ivc-scorecard.h"

G_BEGIN_DECLS

/**
 * IvcExportDoneFunc:
 * @error: (nullable): %NULL when the scorecard was written; an error in
 *   %G_IO_ERROR_CANCELLED when the user cancelled (nothing was shown);
 *   any other error was already shown to the user in a dialog
 * @file: (nullable): the file written, on success
 * @user_data: the data given to ivc_export_dialog_run()
 *
 * Called once, at the end of an export, so that the caller can say where
 * the file went (a toast, say).
 */
typedef void (*IvcExportDoneFunc) (const GError *error,
                                   GFile        *file,
                                   gpointer      user_data);

void            ivc_export_dialog_run              (GtkWindow         *parent,
                                                    IvcScorecard      *scorecard,
                                                    IvcExportDoneFunc  done,
                                                    gpointer           user_data);
IvcExportFormat ivc_export_dialog_format_for_file  (GFile             *file,
                                                    IvcExportFormat    fallback);

G_END_DECLS
