/* ivc-alert.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The app's alerts (a heading, a body, buttons) on either libadwaita:
 * AdwAlertDialog where there is one (1.5 and newer, the Flatpak's), else
 * AdwMessageDialog (1.2, Debian 12). AdwMessageDialog is deprecated since
 * 1.6, and with GTK 4.12 and newer its heading is measured narrower than
 * it can be, which GTK warns about.
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#if ADW_CHECK_VERSION (1, 5, 0)
typedef AdwAlertDialog        IvcAlert;
typedef AdwAlertDialogClass   IvcAlertClass;
#else
typedef AdwMessageDialog      IvcAlert;
typedef AdwMessageDialogClass IvcAlertClass;
#endif

/* The class the alerts, and the dialogs with templates, derive from. */
#define IVC_TYPE_ALERT (ivc_alert_get_type ())
#define IVC_ALERT(obj) (G_TYPE_CHECK_INSTANCE_CAST ((obj), IVC_TYPE_ALERT, IvcAlert))
#define IVC_IS_ALERT(obj) (G_TYPE_CHECK_INSTANCE_TYPE ((obj), IVC_TYPE_ALERT))

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IvcAlert, g_object_unref)

GType       ivc_alert_get_type                (void) G_GNUC_CONST;
IvcAlert   *ivc_alert_new                     (const char            *heading,
                                               const char            *body);
void        ivc_alert_present                 (IvcAlert              *self,
                                               GtkWidget             *parent);
void        ivc_alert_close                   (IvcAlert              *self);
const char *ivc_alert_get_heading             (IvcAlert              *self);
void        ivc_alert_set_heading             (IvcAlert              *self,
                                               const char            *heading);
const char *ivc_alert_get_body                (IvcAlert              *self);
void        ivc_alert_set_body                (IvcAlert              *self,
                                               const char            *body);
GtkWidget  *ivc_alert_get_extra_child         (IvcAlert              *self);
void        ivc_alert_set_extra_child         (IvcAlert              *self,
                                               GtkWidget             *child);
void        ivc_alert_add_response            (IvcAlert              *self,
                                               const char            *id,
                                               const char            *label);
void        ivc_alert_set_response_label      (IvcAlert              *self,
                                               const char            *id,
                                               const char            *label);
void        ivc_alert_set_response_enabled    (IvcAlert              *self,
                                               const char            *id,
                                               gboolean               enabled);
void        ivc_alert_set_response_appearance (IvcAlert              *self,
                                               const char            *id,
                                               AdwResponseAppearance  appearance);
void        ivc_alert_set_default_response    (IvcAlert              *self,
                                               const char            *id);
void        ivc_alert_set_close_response      (IvcAlert              *self,
                                               const char            *id);
IvcAlert   *ivc_alert_find_shown              (void);

G_END_DECLS
