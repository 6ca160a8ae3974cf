/* ivc-candidate-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The dialog that asks for a new candidate's name, role and interview
 * date, or renames one. It only checks what is typed: the window creates
 * or renames the candidate on the "save" response.
 */

#define G_LOG_DOMAIN "ivc-candidate-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "ivc-candidate-dialog.h"

struct _IvcCandidateDialog
{
  IvcAlert  parent_instance;

  /* Set when renaming, NULL for a new candidate. */
  IvcCandidate     *renaming;
  /* The window the dialog is shown over. */
  GtkWindow        *parent;

  GtkEntry         *name_entry;
  GtkEntry         *role_entry;
  GtkEntry         *date_entry;
};

G_DEFINE_FINAL_TYPE (IvcCandidateDialog, ivc_candidate_dialog, IVC_TYPE_ALERT)

static char *
dup_stripped_text (GtkEntry *entry)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
}

static void
set_text (GtkEntry   *entry,
          const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), text ? text : "");
}

/* A name is needed; a date, when given, must be one the file can keep. */
static void
on_fields_changed_cb (IvcCandidateDialog *self)
{
  g_autofree char *name = dup_stripped_text (self->name_entry);
  g_autofree char *date = dup_stripped_text (self->date_entry);
  gboolean date_ok = *date == '\0' || ivc_candidate_date_is_valid (date);

  if (date_ok)
    gtk_widget_remove_css_class (GTK_WIDGET (self->date_entry), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->date_entry), "error");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->date_entry),
                               date_ok ? NULL : _("Write the date as year-month-day, like 2026-11-28"));

  ivc_alert_set_response_enabled (IVC_ALERT (self), "save", *name != '\0' && date_ok);
}

static void
ivc_candidate_dialog_dispose (GObject *object)
{
  IvcCandidateDialog *self = (IvcCandidateDialog *)object;

  g_clear_object (&self->renaming);
  g_clear_weak_pointer (&self->parent);

  G_OBJECT_CLASS (ivc_candidate_dialog_parent_class)->dispose (object);
}

static void
ivc_candidate_dialog_class_init (IvcCandidateDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ivc_candidate_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ivc-candidate-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, IvcCandidateDialog, name_entry);
  gtk_widget_class_bind_template_child (widget_class, IvcCandidateDialog, role_entry);
  gtk_widget_class_bind_template_child (widget_class, IvcCandidateDialog, date_entry);
  gtk_widget_class_bind_template_callback (widget_class, on_fields_changed_cb);
}

static void
ivc_candidate_dialog_init (IvcCandidateDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * ivc_candidate_dialog_new:
 * @renaming: (nullable): the candidate to rename, or %NULL for a new one
 *
 * Returns: (transfer none): the dialog, not shown yet
 */
IvcCandidateDialog *
ivc_candidate_dialog_new (GtkWindow    *parent,
                          IvcCandidate *renaming)
{
  IvcCandidateDialog *self;

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (renaming == NULL || IVC_IS_CANDIDATE (renaming), NULL);

  self = g_object_new (IVC_TYPE_CANDIDATE_DIALOG, NULL);
  g_set_weak_pointer (&self->parent, parent);

  if (renaming != NULL)
    {
      self->renaming = g_object_ref (renaming);
      ivc_alert_set_heading (IVC_ALERT (self), _("Rename Candidate"));
      ivc_alert_set_response_label (IVC_ALERT (self), "save", _("_Rename"));
      set_text (self->name_entry, ivc_candidate_get_name (renaming));
      set_text (self->role_entry, ivc_candidate_get_role (renaming));
      set_text (self->date_entry, ivc_candidate_get_interview_date (renaming));
    }
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

      ivc_alert_set_heading (IVC_ALERT (self), _("New Candidate"));
      ivc_alert_set_body (IVC_ALERT (self),
                          _("Notes and scores are saved for this candidate as you type."));
      gtk_editable_set_text (GTK_EDITABLE (self->date_entry), today);
    }

  on_fields_changed_cb (self);
  return self;
}

/**
 * ivc_candidate_dialog_get_renaming:
 *
 * Returns: (transfer none) (nullable): the candidate renamed, or %NULL
 */
IvcCandidate *
ivc_candidate_dialog_get_renaming (IvcCandidateDialog *self)
{
  g_return_val_if_fail (IVC_IS_CANDIDATE_DIALOG (self), NULL);

  return self->renaming;
}

char *
ivc_candidate_dialog_dup_name (IvcCandidateDialog *self)
{
  g_return_val_if_fail (IVC_IS_CANDIDATE_DIALOG (self), NULL);

  return dup_stripped_text (self->name_entry);
}

char *
ivc_candidate_dialog_dup_role (IvcCandidateDialog *self)
{
  g_return_val_if_fail (IVC_IS_CANDIDATE_DIALOG (self), NULL);

  return dup_stripped_text (self->role_entry);
}

char *
ivc_candidate_dialog_dup_date (IvcCandidateDialog *self)
{
  g_return_val_if_fail (IVC_IS_CANDIDATE_DIALOG (self), NULL);

  return dup_stripped_text (self->date_entry);
}

/**
 * ivc_candidate_dialog_present:
 *
 * Shows the dialog with the keyboard in the name.
 */
void
ivc_candidate_dialog_present (IvcCandidateDialog *self)
{
  g_return_if_fail (IVC_IS_CANDIDATE_DIALOG (self));

  ivc_alert_present (IVC_ALERT (self), GTK_WIDGET (self->parent));
  gtk_widget_grab_focus (GTK_WIDGET (self->name_entry));
}
