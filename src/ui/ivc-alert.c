/* ivc-alert.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The app's alerts on either libadwaita: AdwAlertDialog from 1.5 on,
 * AdwMessageDialog before. The newer API is newer than
 * ADW_VERSION_MAX_ALLOWED: it is meant here, behind the version guards.
 */

#define G_LOG_DOMAIN "ivc-alert"

#include "config.h"

#include "ivc-alert.h"

#if ADW_CHECK_VERSION (1, 5, 0)
# define IVC_ALERT_NEWER_API G_GNUC_BEGIN_IGNORE_DEPRECATIONS
# define IVC_ALERT_NEWER_API_END G_GNUC_END_IGNORE_DEPRECATIONS
# define ALERT(self) ADW_ALERT_DIALOG (self)
# define CALL(name) adw_alert_dialog_##name
#else
# define IVC_ALERT_NEWER_API
# define IVC_ALERT_NEWER_API_END
# define ALERT(self) ADW_MESSAGE_DIALOG (self)
# define CALL(name) adw_message_dialog_##name
#endif

IVC_ALERT_NEWER_API

GType
ivc_alert_get_type (void)
{
#if ADW_CHECK_VERSION (1, 5, 0)
  return ADW_TYPE_ALERT_DIALOG;
#else
  return ADW_TYPE_MESSAGE_DIALOG;
#endif
}

/**
 * ivc_alert_new:
 * @heading: (nullable): the heading
 * @body: (nullable): the text below it
 *
 * Returns: (transfer floating): a new alert, shown by ivc_alert_present()
 */
IvcAlert *
ivc_alert_new (const char *heading,
               const char *body)
{
  /* Neither dialog takes a NULL body. */
  return g_object_new (IVC_TYPE_ALERT, "heading", heading, "body", body ? body : "", NULL);
}

/**
 * ivc_alert_present:
 * @parent: (nullable): the widget whose window the alert belongs to
 *
 * Shows the alert over @parent's window: modal, and gone when answered.
 */
void
ivc_alert_present (IvcAlert  *self,
                   GtkWidget *parent)
{
  g_return_if_fail (IVC_IS_ALERT (self));
  g_return_if_fail (parent == NULL || GTK_IS_WIDGET (parent));

#if ADW_CHECK_VERSION (1, 5, 0)
  adw_dialog_present (ADW_DIALOG (self), parent);
#else
  if (parent != NULL && GTK_IS_WINDOW (gtk_widget_get_root (parent)))
    gtk_window_set_transient_for (GTK_WINDOW (self), GTK_WINDOW (gtk_widget_get_root (parent)));
  gtk_window_present (GTK_WINDOW (self));
#endif
}

/* Closes the alert without an answer, as the window manager would. */
void
ivc_alert_close (IvcAlert *self)
{
  g_return_if_fail (IVC_IS_ALERT (self));

#if ADW_CHECK_VERSION (1, 5, 0)
  adw_dialog_force_close (ADW_DIALOG (self));
#else
  gtk_window_destroy (GTK_WINDOW (self));
#endif
}

const char *
ivc_alert_get_heading (IvcAlert *self)
{
  g_return_val_if_fail (IVC_IS_ALERT (self), NULL);

  return CALL (get_heading) (ALERT (self));
}

void
ivc_alert_set_heading (IvcAlert   *self,
                       const char *heading)
{
  g_return_if_fail (IVC_IS_ALERT (self));

  CALL (set_heading) (ALERT (self), heading);
}

const char *
ivc_alert_get_body (IvcAlert *self)
{
  g_return_val_if_fail (IVC_IS_ALERT (self), NULL);

  return CALL (get_body) (ALERT (self));
}

void
ivc_alert_set_body (IvcAlert   *self,
                    const char *body)
{
  g_return_if_fail (IVC_IS_ALERT (self));

  CALL (set_body) (ALERT (self), body);
}

GtkWidget *
ivc_alert_get_extra_child (IvcAlert *self)
{
  g_return_val_if_fail (IVC_IS_ALERT (self), NULL);

  return CALL (get_extra_child) (ALERT (self));
}

void
ivc_alert_set_extra_child (IvcAlert  *self,
                           GtkWidget *child)
{
  g_return_if_fail (IVC_IS_ALERT (self));

  CALL (set_extra_child) (ALERT (self), child);
}

void
ivc_alert_add_response (IvcAlert   *self,
                        const char *id,
                        const char *label)
{
  g_return_if_fail (IVC_IS_ALERT (self));

  CALL (add_response) (ALERT (self), id, label);
}

void
ivc_alert_set_response_label (IvcAlert   *self,
                              const char *id,
                              const char *label)
{
  g_return_if_fail (IVC_IS_ALERT (self));

  CALL (set_response_label) (ALERT (self), id, label);
}

void
ivc_alert_set_response_enabled (IvcAlert   *self,
                                const char *id,
                                gboolean    enabled)
{
  g_return_if_fail (IVC_IS_ALERT (self));

  CALL (set_response_enabled) (ALERT (self), id, enabled);
}

void
ivc_alert_set_response_appearance (IvcAlert              *self,
                                   const char            *id,
                                   AdwResponseAppearance  appearance)
{
  g_return_if_fail (IVC_IS_ALERT (self));

  CALL (set_response_appearance) (ALERT (self), id, appearance);
}

void
ivc_alert_set_default_response (IvcAlert   *self,
                                const char *id)
{
  g_return_if_fail (IVC_IS_ALERT (self));

  CALL (set_default_response) (ALERT (self), id);
}

void
ivc_alert_set_close_response (IvcAlert   *self,
                              const char *id)
{
  g_return_if_fail (IVC_IS_ALERT (self));

  CALL (set_close_response) (ALERT (self), id);
}

static IvcAlert *
find_in (GtkWidget *widget)
{
  if (IVC_IS_ALERT (widget) && gtk_widget_get_mapped (widget))
    return IVC_ALERT (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      IvcAlert *found = find_in (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/**
 * ivc_alert_find_shown:
 *
 * Returns: (transfer none) (nullable): an alert on screen, in a window of
 *   its own or over another one
 */
IvcAlert *
ivc_alert_find_shown (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);
      IvcAlert *found = find_in (window);

      if (found != NULL)
        return found;
    }

  return NULL;
}

IVC_ALERT_NEWER_API_END
