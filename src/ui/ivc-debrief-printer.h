/* ivc-debrief-printer.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Printing a debrief with GtkPrintOperation: black and white, paginated
 * without splitting lines, "Page n of N".
 */

#pragma once

#include <gtk/gtk.h>

#include "ivc-debrief.h"

G_BEGIN_DECLS

GtkPrintOperationResult ivc_debrief_print (IvcDebrief               *debrief,
                                           GtkWindow                *parent,
                                           GtkPrintOperationAction   action,
                                           const char               *export_filename,
                                           GError                  **error);

G_END_DECLS
