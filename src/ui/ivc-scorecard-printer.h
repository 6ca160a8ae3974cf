/* ivc-scorecard-printer.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Printing a scorecard with GtkPrintOperation: black and white, paginated
 * without splitting lines, "Page n of N".
 */

#pragma once

#include <gtk/gtk.h>

#include "ivc-scorecard.h"

G_BEGIN_DECLS

GtkPrintOperationResult ivc_scorecard_print (IvcScorecard             *scorecard,
                                             GtkWindow                *parent,
                                             GtkPrintOperationAction   action,
                                             const char               *export_filename,
                                             GError                  **error);

G_END_DECLS
