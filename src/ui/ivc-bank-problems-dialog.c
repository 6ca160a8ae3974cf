/* ivc-bank-problems-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The dialog that refuses a question bank: an invalid bank is shown with
 * every located problem, so that it can be fixed; nothing of it was
 * written.
 */

#define G_LOG_DOMAIN "ivc-bank-problems-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "ivc-bank-problems-dialog.h"

struct _IvcBankProblemsDialog
{
  IvcAlert  parent_instance;

  GtkWidget        *problems_window;
  GtkTextView      *problems_view;
};

G_DEFINE_FINAL_TYPE (IvcBankProblemsDialog, ivc_bank_problems_dialog, IVC_TYPE_ALERT)

static void
ivc_bank_problems_dialog_class_init (IvcBankProblemsDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ivc-bank-problems-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, IvcBankProblemsDialog, problems_window);
  gtk_widget_class_bind_template_child (widget_class, IvcBankProblemsDialog, problems_view);
}

static void
ivc_bank_problems_dialog_init (IvcBankProblemsDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * ivc_bank_problems_dialog_new:
 * @file: (nullable): the file that could not be imported
 * @error: why it could not be, said when there is no list of problems
 * @problems: (nullable) (element-type GError): the problems found in it
 *
 * Returns: (transfer none): the dialog, not shown yet
 */
IvcBankProblemsDialog *
ivc_bank_problems_dialog_new (GFile        *file,
                              const GError *error,
                              GPtrArray    *problems)
{
  g_autofree char *name = file ? g_file_get_basename (file) : NULL;
  g_autofree char *heading = NULL;
  IvcBankProblemsDialog *self;

  g_return_val_if_fail (error != NULL || (problems != NULL && problems->len > 0), NULL);

  /* Translators: the name of a file that could not be imported */
  heading = name ? g_strdup_printf (_("Cannot Import “%s”"), name) : g_strdup (_("Cannot Import the Bank"));
  self = g_object_new (IVC_TYPE_BANK_PROBLEMS_DIALOG,
                       "heading", heading,
                       NULL);

  if (problems != NULL && problems->len > 0)
    {
      g_autoptr(GString) text = g_string_new (NULL);

      ivc_alert_set_body (IVC_ALERT (self),
                      _("The bank has problems. Nothing was imported. "
                        "Fix these and import it again:"));
      for (guint i = 0; i < problems->len; i++)
        g_string_append_printf (text, "%s%s", i ? "\n" : "",
                                ((const GError *)g_ptr_array_index (problems, i))->message);
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->problems_view), text->str, -1);
    }
  else
    {
      /* A bank that could not be read at all has one reason, no list. */
      ivc_alert_set_body (IVC_ALERT (self), error->message);
      ivc_alert_set_extra_child (IVC_ALERT (self), NULL);
      self->problems_window = NULL;
      self->problems_view = NULL;
    }

  return self;
}
