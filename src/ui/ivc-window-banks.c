/* ivc-window-banks.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window's question banks: the bank shown, the bundled one and those
 * of the library, switching, importing (file chooser, drop, command line),
 * removing with undo, and the banner for a candidate's missing bank.
 */

#define G_LOG_DOMAIN "ivc-window"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "ivc-alert.h"
#include "ivc-bank-problems-dialog.h"
#include "ivc-guide-importer.h"
#include "ivc-scorecard-window.h"
#include "ivc-settings.h"
#include "ivc-toast.h"
#include "ivc-accel.h"
#include "ivc-window-private.h"

static const char *
get_bank_id (IvcWindow *self)
{
  return self->bank != NULL ? ivc_question_bank_get_id (self->bank) : NULL;
}

/* A candidate interviewed with a bank that is not installed still opens,
 * with their notes; this says why the questions do not match. */
static void
update_bank_missing (IvcWindow *self)
{
  const char *wanted = self->candidate ? ivc_candidate_get_bank_id (self->candidate) : "";
  gboolean missing = FALSE;

  /* Not said before the library is read: the bank may well be there. */
  if (*wanted != '\0' && self->bank != NULL && g_strcmp0 (wanted, get_bank_id (self)) != 0 &&
      self->library_loaded)
    missing = ivc_bank_library_lookup (self->library, wanted) == NULL;

  if (missing)
    {
      g_autofree char *shortcut = ivc_accel_get_label ("<Control>o");
      g_autofree char *text = NULL;

      /* Translators: the candidate's name, the id of a question bank,
       * then a keyboard shortcut, such as “Ctrl+O” */
      text = g_strdup_printf (_("%s was interviewed with the question bank “%s”, which is not "
                                "installed. Their notes are kept: notes on questions this bank "
                                "does not have are listed in the side panel. Import the bank "
                                "(%s) to see them with their questions."),
                              ivc_candidate_get_name (self->candidate), wanted, shortcut);
      gtk_label_set_text (self->bank_missing_label, text);
    }

  gtk_revealer_set_reveal_child (self->bank_missing_revealer, missing);
}

/**
 * _ivc_window_candidate_in_bank:
 *
 * Returns: whether the candidate's evaluation may be taken with the bank
 *   shown: it is the bank they were interviewed with
 */
gboolean
_ivc_window_candidate_in_bank (IvcWindow *self)
{
  return self->candidate != NULL && self->bank != NULL &&
         ivc_candidate_belongs_to_bank (self->candidate, get_bank_id (self));
}

/* While another bank than the candidate's is shown, nothing of theirs is
 * taken for it: no marks in the list, no plan, no time per question, and
 * the panel offers to show their bank. */
void
_ivc_window_update_candidate_bank (IvcWindow *self)
{
  gboolean in_bank = _ivc_window_candidate_in_bank (self);
  IvcQuestion *question = ivc_question_view_get_question (self->question_view);
  IvcBankInfo *info = NULL;

  if (self->candidate != NULL && !in_bank && self->library != NULL)
    info = ivc_bank_library_lookup (self->library, ivc_candidate_get_bank_id (self->candidate));

  ivc_question_list_set_candidate (self->question_list, in_bank ? self->candidate : NULL);
  ivc_interview_timer_set_question_id (self->timer,
                                       in_bank && question ? ivc_question_get_id (question) : NULL);
  ivc_candidate_panel_set_candidate_bank_title (self->candidate_panel,
                                                info ? ivc_bank_info_get_title (info) : NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-candidate-bank", info != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-plan", in_bank);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.move-in-plan", in_bank);
  _ivc_window_notify (self, IVC_WINDOW_PROP_QUESTION_PLANNED);
}

/* A score or note typed while another bank is shown is refused, and says
 * why. */
void
_ivc_window_say_other_bank (IvcWindow *self)
{
  IvcBankInfo *info = NULL;
  AdwToast *toast;

  if (self->library != NULL)
    info = ivc_bank_library_lookup (self->library, ivc_candidate_get_bank_id (self->candidate));

  if (info != NULL)
    {
      /* Translators: a toast; the candidate's name, then a question bank's title */
      toast = ivc_toast_new_printf (_("%s’s notes are with “%s”"), ivc_candidate_get_name (self->candidate),
                                    ivc_bank_info_get_title (info));
      adw_toast_set_button_label (toast, _("_Show"));
      adw_toast_set_action_name (toast, "win.show-candidate-bank");
    }
  else
    /* Translators: a toast; the candidate's name */
    toast = ivc_toast_new_printf (_("%s’s notes are with a question bank that is not installed"),
                                  ivc_candidate_get_name (self->candidate));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* A new load or import makes the last one moot. */
static GCancellable *
restart_loading (IvcWindow *self)
{
  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  self->load_cancellable = g_cancellable_new ();

  return self->load_cancellable;
}

static void
library_bank_loaded_cb (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(IvcWindow) self = user_data;
  g_autoptr(IvcQuestionBank) bank = NULL;
  g_autoptr(GError) error = NULL;

  bank = ivc_bank_library_load_bank_finish (IVC_BANK_LIBRARY (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  ivc_window_bank_loaded (self, bank, error);
}

static void
load_library_bank (IvcWindow   *self,
                   IvcBankInfo *info)
{
  ivc_bank_library_load_bank_async (self->library, info, restart_loading (self),
                                    library_bank_loaded_cb, g_object_ref (self));
}

/* Switching to a candidate shows the bank they were interviewed with. */
void
_ivc_window_show_candidate_bank (IvcWindow *self)
{
  const char *wanted = self->candidate ? ivc_candidate_get_bank_id (self->candidate) : "";
  IvcBankInfo *info;

  if (*wanted != '\0' && self->library != NULL && g_strcmp0 (wanted, get_bank_id (self)) != 0 &&
      (info = ivc_bank_library_lookup (self->library, wanted)) != NULL)
    load_library_bank (self, info);

  update_bank_missing (self);
}

/* A bank imported while the candidate's was missing is shown at once. */
static void
on_library_changed_cb (IvcWindow *self)
{
  if (gtk_revealer_get_reveal_child (self->bank_missing_revealer))
    _ivc_window_show_candidate_bank (self);
}

/* The switcher ticks the bank on screen, and for the built-in one the
 * language of the version shown. */
static void
update_bank_switcher (IvcWindow *self)
{
  gboolean bundled;

  if (self->bank_switcher == NULL || self->bank == NULL)
    return;

  bundled = self->library != NULL && self->bank == ivc_bank_library_get_bundled_bank (self->library);
  ivc_bank_switcher_set_current_language (self->bank_switcher,
                                          bundled ? ivc_question_bank_get_language (self->bank) : NULL);
  ivc_bank_switcher_set_current_bank_id (self->bank_switcher, ivc_question_bank_get_id (self->bank));
}

/* The switcher is made when the banks' button first opens (a click,
 * Ctrl+Shift+O): the first frame does without its fifty widgets. */
static void
create_bank_switcher_cb (GtkMenuButton *button,
                         gpointer       user_data)
{
  IvcWindow *self = user_data;
  GtkWidget *popover;

  if (self->bank_switcher != NULL)
    return;

  self->bank_switcher = IVC_BANK_SWITCHER (g_object_new (IVC_TYPE_BANK_SWITCHER,
                                                         "width-request", 300,
                                                         NULL));
  g_object_add_weak_pointer (G_OBJECT (self->bank_switcher), (gpointer *)&self->bank_switcher);
  if (self->library != NULL)
    ivc_bank_switcher_set_library (self->bank_switcher, self->library);
  update_bank_switcher (self);

  popover = gtk_popover_new ();
  gtk_popover_set_child (GTK_POPOVER (popover), GTK_WIDGET (self->bank_switcher));
  gtk_menu_button_set_popover (button, popover);
}

/**
 * ivc_window_set_bank_library:
 *
 * The banks the window can switch between and import into.
 */
void
ivc_window_set_bank_library (IvcWindow      *self,
                             IvcBankLibrary *library)
{
  g_return_if_fail (IVC_IS_WINDOW (self));
  g_return_if_fail (IVC_IS_BANK_LIBRARY (library));

  if (!g_set_object (&self->library, library))
    return;

  g_signal_group_set_target (self->library_signals, library);
  if (self->bank_switcher != NULL)
    ivc_bank_switcher_set_library (self->bank_switcher, library);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-bank", TRUE);
  _ivc_window_show_candidate_bank (self);
}

/**
 * ivc_window_bank_library_loaded:
 *
 * The library has listed every imported bank: the candidate's bank can be
 * found, or said to be missing.
 */
void
ivc_window_bank_library_loaded (IvcWindow *self)
{
  g_return_if_fail (IVC_IS_WINDOW (self));

  self->library_loaded = TRUE;
  _ivc_window_show_candidate_bank (self);
}

static void
switch_bank_info (IvcWindow   *self,
                  IvcBankInfo *info)
{
  const char *bank_id = ivc_bank_info_get_id (info);

  /* A candidate not interviewed yet follows the interviewer's choice;
   * one interviewed keeps their bank (_ivc_window_update_candidate_bank()). */
  if (self->candidate != NULL && !ivc_candidate_is_started (self->candidate))
    ivc_candidate_set_bank_id (self->candidate, bank_id);

  if (g_strcmp0 (bank_id, get_bank_id (self)) != 0 ||
      (ivc_bank_info_get_is_bundled (info) && self->bank != ivc_bank_library_get_bundled_bank (self->library)))
    load_library_bank (self, info);
}

void
_ivc_window_switch_bank (IvcWindow  *self,
                         const char *bank_id)
{
  IvcBankInfo *info;

  if (self->library == NULL || (info = ivc_bank_library_lookup (self->library, bank_id)) == NULL)
    return;

  switch_bank_info (self, info);
}

/* Another language version of the bundled bank: the same bank for
 * candidates (the same ids), so their scores and notes stay with it. */
void
_ivc_window_switch_bundled_bank (IvcWindow  *self,
                                 const char *language)
{
  IvcBankInfo *info;

  if (self->library == NULL || !ivc_bank_library_set_bundled_language (self->library, language))
    return;

  /* An imported bank with its id takes its place: that one is shown. */
  info = ivc_bank_library_lookup (self->library, ivc_bank_info_get_id (ivc_bank_library_get_bundled (self->library)));
  if (info != NULL && self->bank != ivc_bank_library_get_bundled_bank (self->library))
    switch_bank_info (self, info);
}

typedef struct
{
  GWeakRef   window;
  char      *bank_id;
  gboolean   was_shown;
  gboolean   undone;
} RemovedBank;

static void
removed_bank_free (RemovedBank *removed)
{
  g_weak_ref_clear (&removed->window);
  g_free (removed->bank_id);
  g_free (removed);
}

static void
on_undo_remove_bank_cb (AdwToast    *toast,
                        RemovedBank *removed)
{
  g_autoptr(IvcWindow) self = g_weak_ref_get (&removed->window);
  g_autoptr(GError) error = NULL;

  removed->undone = TRUE;
  if (self == NULL || self->library == NULL)
    return;

  if (!ivc_bank_library_restore (self->library, removed->bank_id, &error))
    {
      adw_toast_overlay_add_toast (self->toast_overlay, ivc_toast_new (error->message));
      return;
    }

  if (removed->was_shown)
    load_library_bank (self, ivc_bank_library_lookup (self->library, removed->bank_id));
}

static void
on_remove_bank_toast_dismissed_cb (AdwToast    *toast,
                                   RemovedBank *removed)
{
  g_autoptr(IvcWindow) self = g_weak_ref_get (&removed->window);

  if (!removed->undone && self != NULL && self->library != NULL)
    ivc_bank_library_discard_removed (self->library, removed->bank_id);
}

/* Removing a bank can be undone for as long as its toast shows. */
void
_ivc_window_remove_bank (IvcWindow  *self,
                         const char *bank_id)
{
  g_autofree char *title = NULL;
  g_autoptr(GError) error = NULL;
  RemovedBank *removed;
  IvcBankInfo *info;
  AdwToast *toast;

  if (self->library == NULL || (info = ivc_bank_library_lookup (self->library, bank_id)) == NULL)
    return;

  title = g_strdup (ivc_bank_info_get_title (info));
  if (!ivc_bank_library_remove (self->library, bank_id, &error))
    {
      adw_toast_overlay_add_toast (self->toast_overlay, ivc_toast_new (error->message));
      return;
    }

  removed = g_new0 (RemovedBank, 1);
  g_weak_ref_init (&removed->window, self);
  removed->bank_id = g_strdup (bank_id);
  removed->was_shown = g_strcmp0 (bank_id, get_bank_id (self)) == 0;

  /* The bank on screen gives way to the built-in one (or, for an update
   * of the built-in bank, to the original). */
  if (removed->was_shown)
    {
      info = ivc_bank_library_lookup (self->library, bank_id);
      load_library_bank (self, info ? info : ivc_bank_library_get_bundled (self->library));
    }

  /* Translators: a toast after removing a question bank */
  toast = ivc_toast_new_printf (_("“%s” removed"), title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (on_undo_remove_bank_cb),
                         removed, NULL, 0);
  g_signal_connect_data (toast, "dismissed", G_CALLBACK (on_remove_bank_toast_dismissed_cb),
                         removed, (GClosureNotify)removed_bank_free, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/**
 * ivc_window_bank_imported:
 * @bank: (nullable): the bank imported, or %NULL
 * @replaced: whether it updated a bank imported before
 * @error: (nullable): why it could not be imported
 * @problems: (nullable) (element-type GError): the problems found in it
 *
 * Shows a bank just imported, or why it could not be.
 */
void
ivc_window_bank_imported (IvcWindow       *self,
                          GFile           *file,
                          IvcQuestionBank *bank,
                          gboolean         replaced,
                          const GError    *error,
                          GPtrArray       *problems)
{
  AdwToast *toast;

  g_return_if_fail (IVC_IS_WINDOW (self));
  g_return_if_fail (bank != NULL || error != NULL);

  if (bank == NULL)
    {
      ivc_alert_present (IVC_ALERT (ivc_bank_problems_dialog_new (file, error, problems)), GTK_WIDGET (self));
      if (self->bank == NULL)
        ivc_window_load_bundled_bank (self);
      return;
    }

  /* A candidate not interviewed yet follows to the new bank. */
  if (self->candidate != NULL && !ivc_candidate_is_started (self->candidate))
    ivc_candidate_set_bank_id (self->candidate, ivc_question_bank_get_id (bank));

  ivc_window_set_bank (self, bank);

  /* What the import noted (the built-in bank's place taken, a file kept
   * aside) is said instead of the plain confirmation. */
  if (problems != NULL && problems->len > 0)
    toast = ivc_toast_new (((const GError *)g_ptr_array_index (problems, 0))->message);
  else
    /* Translators: toasts after importing a question bank */
    toast = ivc_toast_new_printf (replaced ? _("“%s” updated") : _("“%s” imported"),
                                  ivc_question_bank_get_title (bank));
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
import_bank_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(IvcWindow) self = user_data;
  GFile *file = g_object_get_data (G_OBJECT (self), "importing-file");
  g_autoptr(IvcQuestionBank) bank = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  gboolean replaced = FALSE;

  bank = ivc_bank_library_import_finish (IVC_BANK_LIBRARY (source), result, NULL, &replaced,
                                         &problems, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  ivc_window_bank_imported (self, file, bank, replaced, error, problems);
}

/**
 * ivc_window_import_bank:
 *
 * Validates @file, copies it into the bank library and shows it; in a
 * worker thread.
 */
void
ivc_window_import_bank (IvcWindow *self,
                        GFile     *file)
{
  GCancellable *cancellable;

  g_return_if_fail (IVC_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->library == NULL)
    {
      ivc_window_open_bank (self, file);
      return;
    }

  cancellable = restart_loading (self);
  g_object_set_data_full (G_OBJECT (self), "importing-file", g_object_ref (file), g_object_unref);
  ivc_bank_library_import_async (self->library, file, cancellable,
                                 import_bank_cb, g_object_ref (self));
}

#if GTK_CHECK_VERSION (4, 10, 0)
/* GtkFileDialog is newer than GDK_VERSION_MAX_ALLOWED: meant here, behind
 * the guard. */
G_GNUC_BEGIN_IGNORE_DEPRECATIONS
static void
import_dialog_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(IvcWindow) self = user_data;
  g_autoptr(GFile) file = gtk_file_dialog_open_finish (GTK_FILE_DIALOG (source), result, NULL);

  if (file != NULL)
    ivc_window_import_bank (self, file);
}
G_GNUC_END_IGNORE_DEPRECATIONS
#else
static void
import_chooser_cb (GtkNativeDialog *chooser,
                   int              response,
                   IvcWindow       *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))) != NULL)
    ivc_window_import_bank (self, file);

  g_object_unref (chooser);
}
#endif

/* What Ctrl+O offers and a drop takes: banks (.json) and Markdown
 * interview guides (.md, .markdown). */
static const char * const importable_suffixes[] = { "json", "md", "markdown" };

static gboolean
is_importable_name (const char *name)
{
  g_autofree char *lower = name ? g_ascii_strdown (name, -1) : NULL;
  const char *dot = lower ? strrchr (lower, '.') : NULL;

  for (guint i = 0; dot != NULL && i < G_N_ELEMENTS (importable_suffixes); i++)
    if (g_str_equal (dot + 1, importable_suffixes[i]))
      return TRUE;

  return FALSE;
}

/* Ctrl+O: a bank chosen in a file chooser is imported. */
void
_ivc_window_choose_bank_file (IvcWindow *self)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  /* Any .json or .md file, whatever type the system gives it; the app's
   * own types (the shared-mime-info file in data/) are kinds of these. */
  gtk_file_filter_set_name (filter, _("Question Banks and Interview Guides"));
  for (guint i = 0; i < G_N_ELEMENTS (importable_suffixes); i++)
    gtk_file_filter_add_suffix (filter, importable_suffixes[i]);
  gtk_file_filter_add_mime_type (filter, "application/json");
  gtk_file_filter_add_mime_type (filter, "text/markdown");

#if GTK_CHECK_VERSION (4, 10, 0)
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  {
    g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();

    gtk_file_dialog_set_title (dialog, _("Import a Question Bank"));
    gtk_file_dialog_set_accept_label (dialog, _("_Import"));
    gtk_file_dialog_set_default_filter (dialog, filter);
    gtk_file_dialog_open (dialog, GTK_WINDOW (self), NULL, import_dialog_cb, g_object_ref (self));
  }
  G_GNUC_END_IGNORE_DEPRECATIONS
#else
  {
    GtkFileChooserNative *chooser;

    chooser = gtk_file_chooser_native_new (_("Import a Question Bank"), GTK_WINDOW (self),
                                           GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), _("_Cancel"));
    gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
    g_signal_connect (chooser, "response", G_CALLBACK (import_chooser_cb), self);
    gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
  }
#endif
}

/* A bank or guide dropped on the window is imported. */
static gboolean
on_drop_cb (GtkDropTarget *target,
            const GValue  *value,
            double         x,
            double         y,
            IvcWindow     *self)
{
  GSList *files;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;

  files = gdk_file_list_get_files (g_value_get_boxed (value));
  for (GSList *l = files; l != NULL; l = l->next)
    {
      g_autofree char *name = g_file_get_basename (l->data);

      if (is_importable_name (name))
        {
          ivc_window_import_bank (self, l->data);
          g_slist_free (files);
          return TRUE;
        }
    }
  g_slist_free (files);

  adw_toast_overlay_add_toast (self->toast_overlay,
                               ivc_toast_new (_("Only question banks (.json) and interview guides (.md) can be dropped here")));
  return FALSE;
}

/**
 * ivc_window_get_bank:
 *
 * Returns: (transfer none) (nullable): the question bank shown
 */
IvcQuestionBank *
ivc_window_get_bank (IvcWindow *self)
{
  g_return_val_if_fail (IVC_IS_WINDOW (self), NULL);

  return self->bank;
}

void
ivc_window_set_bank (IvcWindow       *self,
                     IvcQuestionBank *bank)
{
  g_autofree char *last_question = NULL;
  gboolean bundled;

  g_return_if_fail (IVC_IS_WINDOW (self));
  g_return_if_fail (IVC_IS_QUESTION_BANK (bank));

  if (!g_set_object (&self->bank, bank))
    return;

  ivc_question_view_set_question (self->question_view, NULL);
  ivc_candidate_panel_set_bank (self->candidate_panel, bank);
  ivc_question_list_set_bank (self->question_list, bank);
  g_binding_group_set_source (self->bank_bindings, bank);
  _ivc_window_notify (self, IVC_WINDOW_PROP_QUESTION_PLANNED);

  ivc_settings_set_string (self->settings, "last-bank", ivc_question_bank_get_id (bank));
  /* A version of the built-in bank is shown in its language at the next
   * start too. */
  bundled = self->library != NULL && bank == ivc_bank_library_get_bundled_bank (self->library);
  if (bundled)
    ivc_settings_set_string (self->settings, "bundled-bank-language", ivc_question_bank_get_language (bank));
  if (self->scorecards != NULL)
    ivc_scorecard_window_set_bank (IVC_SCORECARD_WINDOW (self->scorecards), bank);
  update_bank_switcher (self);
  update_bank_missing (self);
  _ivc_window_update_candidate_bank (self);

  /* Pick up where the interviewer left off, or at the start. */
  last_question = g_settings_get_string (self->settings, "last-question");
  if (!ivc_window_select_question (self, last_question))
    _ivc_window_move_selection (self, 1);

  /* Keyboard users start in the list, not on the first header button. */
  if (gtk_window_get_focus (GTK_WINDOW (self)) == NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self->question_list));

  _ivc_window_notify (self, IVC_WINDOW_PROP_BANK);
}

void
ivc_window_load_bundled_bank (IvcWindow *self)
{
  g_autoptr(IvcQuestionBank) bank = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (IVC_IS_WINDOW (self));

  /* The library has read it already: the bundled bank is parsed once. */
  if (self->library != NULL && ivc_bank_library_get_bundled_bank (self->library) != NULL)
    bank = g_object_ref (ivc_bank_library_get_bundled_bank (self->library));

  /* It is in the program's resources: no disk access. */
  if (bank == NULL && (bytes = g_resources_lookup_data (RESOURCE_BASE "/questions.json", 0, &error)) != NULL)
    bank = ivc_question_bank_new_from_bytes (bytes, "questions.json", NULL, &error);

  if (bank == NULL)
    {
      g_critical ("The bundled question bank is broken: %s", error->message);
      return;
    }

  ivc_window_set_bank (self, bank);
}

static void
show_bank_error (IvcWindow    *self,
                 const GError *error)
{
  IvcAlert *dialog;

  dialog = ivc_alert_new (_("Cannot Open the Question Bank"), error->message);
  ivc_alert_add_response (dialog, "close", _("_Close"));
  ivc_alert_present (dialog, GTK_WIDGET (self));
}

/**
 * ivc_window_bank_loaded:
 * @bank: (nullable): the bank read, or %NULL
 * @error: (nullable): why it could not be read
 *
 * Shows a bank read in the background, or says why it could not be read
 * and keeps (or falls back to) a bank that works.
 */
void
ivc_window_bank_loaded (IvcWindow       *self,
                        IvcQuestionBank *bank,
                        const GError    *error)
{
  g_return_if_fail (IVC_IS_WINDOW (self));
  g_return_if_fail (bank != NULL || error != NULL);

  if (bank != NULL)
    {
      ivc_window_set_bank (self, bank);
      return;
    }

  show_bank_error (self, error);
  if (self->bank == NULL)
    ivc_window_load_bundled_bank (self);
}

static void
open_bank_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(IvcWindow) self = user_data;
  g_autoptr(IvcQuestionBank) bank = NULL;
  g_autoptr(GError) error = NULL;

  bank = ivc_question_bank_load_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  ivc_window_bank_loaded (self, bank, error);
}

/**
 * ivc_window_open_bank:
 *
 * Shows the bank in @file once it is read and validated, in a worker
 * thread; a bank with problems is refused with its located errors.
 */
void
ivc_window_open_bank (IvcWindow *self,
                      GFile     *file)
{
  g_return_if_fail (IVC_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  ivc_question_bank_load_async (file, restart_loading (self), open_bank_cb, g_object_ref (self));
}

static gboolean
transform_n_questions_cb (GBinding     *binding,
                          const GValue *from_value,
                          GValue       *to_value,
                          gpointer      user_data)
{
  guint n = g_value_get_uint (from_value);

  g_value_take_string (to_value, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u question",
                                                               "%u questions", n), n));
  return TRUE;
}

/**
 * _ivc_window_banks_init:
 *
 * Follows the bank shown and the library, and takes dropped banks.
 */
void
_ivc_window_banks_init (IvcWindow *self)
{
  GtkDropTarget *drop_target;

  /* The list's title names the bank on screen. */
  self->bank_bindings = g_binding_group_new ();
  g_binding_group_bind (self->bank_bindings, "title", self->sidebar_title, "label",
                        G_BINDING_SYNC_CREATE);
  g_binding_group_bind_full (self->bank_bindings, "n-questions", self->sidebar_subtitle, "label",
                             G_BINDING_SYNC_CREATE, transform_n_questions_cb, NULL, NULL, NULL);

  gtk_menu_button_set_create_popup_func (self->bank_button, create_bank_switcher_cb, self, NULL);

  self->library_signals = g_signal_group_new (IVC_TYPE_BANK_LIBRARY);
  g_signal_group_connect_object (self->library_signals, "items-changed",
                                 G_CALLBACK (on_library_changed_cb), self, G_CONNECT_SWAPPED);

  drop_target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (drop_target, "drop", G_CALLBACK (on_drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop_target));
}
