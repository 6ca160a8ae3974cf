/* ivc-application.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * IvcApplication: the application object: command-line options, the
 * candidate store and bank library it shares with its windows, reading the
 * first bank while GTK starts, and the app-wide actions.
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define IVC_TYPE_APPLICATION (ivc_application_get_type ())

G_DECLARE_FINAL_TYPE (IvcApplication, ivc_application, IVC, APPLICATION, AdwApplication)

IvcApplication *ivc_application_new          (void);
GSettings      *ivc_application_get_settings (IvcApplication *self);

G_END_DECLS
