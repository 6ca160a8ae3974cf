/* ivc-about.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The About window: AdwAboutDialog on libadwaita 1.5 and newer,
 * AdwAboutWindow on 1.2.
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

GtkWidget *ivc_about_new             (void);
void       ivc_about_present         (GtkWidget  *about,
                                      GtkWindow  *parent);
char      *ivc_about_dup_debug_info  (void);
char      *ivc_about_dup_release_notes (const char *metainfo,
                                        gsize       length,
                                        const char *version);

G_END_DECLS
