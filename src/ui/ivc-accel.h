/* ivc-accel.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Keyboard shortcuts in text: written by GTK from the accelerator, so that
 * they follow the keyboard and the language (“Strg+N” in German).
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

char       *ivc_accel_get_label        (const char *accelerator) G_GNUC_WARN_UNUSED_RESULT;
char       *ivc_accel_dup_tooltip      (const char *text,
                                        const char *accelerator) G_GNUC_WARN_UNUSED_RESULT;
void        ivc_accel_set_tooltip      (GtkWidget  *widget,
                                        const char *text,
                                        const char *accelerator);
void        ivc_accel_add_to_tooltip   (GtkWidget  *widget,
                                        const char *accelerator);
const char *ivc_accel_for_action       (const char *detailed_action);
void        ivc_accel_add_to_tooltips  (GtkWidget  *widget);

G_END_DECLS
