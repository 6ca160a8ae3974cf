/* ivc-scorecard-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Scorecards window: every candidate side by side, one candidate's
 * scorecard to read, export or print, and their debrief.
 */

#define G_LOG_DOMAIN "ivc-scorecard-window"

#include "config.h"

#include <glib/gi18n.h>

#include "ivc-accel.h"
#include "ivc-accessible.h"
#include "ivc-bank-library.h"
#include "ivc-bias-guard.h"
#include "ivc-comparison-view.h"
#include "ivc-debrief-printer.h"
#include "ivc-debrief-view.h"
#include "ivc-export-dialog.h"
#include "ivc-file-util.h"
#include "ivc-scorecard-printer.h"
#include "ivc-scorecard-view.h"
#include "ivc-scorecard-window.h"
#include "ivc-toast.h"

#include "ivc-alert.h"

/* How long a candidate's scorecard waits for more changes before it is
 * made again, so that typing in the main window stays smooth. */
#define REFRESH_DELAY_MS 250

/* The scorecards, beside the main window: every candidate side by side,
 * and one candidate's scorecard, to export or print. A candidate is scored
 * against their own bank when it is at hand (the window's bank, or one of
 * @banks), and the page follows their changes as they are made. */
struct _IvcScorecardWindow
{
  AdwWindow           parent_instance;

  IvcCandidateStore  *store;
  IvcQuestionBank    *bank;
  /* Of IvcQuestionBank, or of IvcBankInfo (an IvcBankLibrary); may be NULL. */
  GListModel         *banks;
  /* Bank id → IvcQuestionBank loaded from the library for this window;
   * NULL while it loads, or when it could not be loaded. */
  GHashTable         *loaded_banks;
  GCancellable       *cancellable;

  /* The bank the comparison shows the candidates of: the current one,
   * unless another was chosen; its id, and the choices' ids. */
  char               *comparison_bank_id;
  GPtrArray          *bank_ids;
  GtkStringList      *bank_titles;
  gboolean            updating_banks;

  IvcCandidate       *candidate;
  IvcScorecard       *scorecard;
  /* On self->candidate, and on the list of the store's candidates. */
  GSignalGroup       *candidate_signals;
  GSignalGroup       *candidates_signals;
  guint               refresh_id;

  AdwToastOverlay    *toast_overlay;
  AdwLeaflet         *leaflet;
  GtkWidget          *comparison_page;
  GtkWidget          *scorecard_page;
  GtkWidget          *back_button;
  GtkWidget          *export_button;
  GtkWidget          *print_button;
  AdwWindowTitle     *comparison_title;
  GtkDropDown        *bank_dropdown;
  GtkMenuButton      *sort_button;
  GMenu              *sort_menu;
  AdwWindowTitle     *scorecard_title;
  IvcComparisonView  *comparison_view;
  IvcScorecardView   *scorecard_view;
  GtkWidget          *debrief_page;
  AdwWindowTitle     *debrief_title;
  IvcDebriefView     *debrief_view;
  GSettings          *settings;
  /* A debrief export's file chooser, while it is open. */
  GtkFileChooserNative *debrief_chooser;
};

G_DEFINE_FINAL_TYPE (IvcScorecardWindow, ivc_scorecard_window, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_BANK,
  PROP_BANKS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void refresh_scorecard (IvcScorecardWindow *self);
static void refresh_debrief (IvcScorecardWindow *self);
static void update_comparison_bank (IvcScorecardWindow *self);

static void
unref_bank (gpointer data)
{
  if (data != NULL)
    g_object_unref (data);
}

static void
bank_loaded_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(IvcScorecardWindow) self = user_data;
  g_autoptr(IvcQuestionBank) bank = NULL;
  g_autoptr(GError) error = NULL;

  bank = ivc_bank_library_load_bank_finish (IVC_BANK_LIBRARY (object), result, &error);
  /* Then the scorecard lists the notes by question id, and says that the
   * bank is not available. */
  if (bank == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_message ("Could not load a question bank for a scorecard: %s", error->message);
      return;
    }

  g_hash_table_replace (self->loaded_banks, g_strdup (ivc_question_bank_get_id (bank)),
                        g_object_ref (bank));
  refresh_scorecard (self);
  update_comparison_bank (self);
}

/* The bank @candidate was interviewed with, if it is at hand. One of the
 * library that is not loaded yet is loaded, and the scorecard made again
 * then. */
static IvcQuestionBank *
find_bank_by_id (IvcScorecardWindow *self,
                 const char         *bank_id)
{
  gpointer loaded;
  guint n_banks;

  if (bank_id == NULL || *bank_id == '\0')
    return self->bank;
  if (self->bank != NULL && g_strcmp0 (ivc_question_bank_get_id (self->bank), bank_id) == 0)
    return self->bank;
  if (g_hash_table_lookup_extended (self->loaded_banks, bank_id, NULL, &loaded))
    return loaded;
  if (self->banks == NULL)
    return NULL;

  n_banks = g_list_model_get_n_items (self->banks);
  for (guint i = 0; i < n_banks; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (self->banks, i);

      if (IVC_IS_QUESTION_BANK (item) &&
          g_strcmp0 (ivc_question_bank_get_id (IVC_QUESTION_BANK (item)), bank_id) == 0)
        return IVC_QUESTION_BANK (item);
    }

  if (IVC_IS_BANK_LIBRARY (self->banks))
    {
      IvcBankInfo *info = ivc_bank_library_lookup (IVC_BANK_LIBRARY (self->banks), bank_id);

      if (info != NULL)
        {
          g_hash_table_insert (self->loaded_banks, g_strdup (bank_id), NULL);
          ivc_bank_library_load_bank_async (IVC_BANK_LIBRARY (self->banks), info, self->cancellable,
                                            bank_loaded_cb, g_object_ref (self));
        }
    }

  return NULL;
}

static IvcQuestionBank *
find_bank (IvcScorecardWindow *self,
           IvcCandidate       *candidate)
{
  return find_bank_by_id (self, ivc_candidate_get_bank_id (candidate));
}

/* The comparison shows the candidates of one bank, against it. */
static void
update_comparison_bank (IvcScorecardWindow *self)
{
  IvcQuestionBank *bank = NULL;

  if (self->comparison_bank_id != NULL)
    bank = find_bank_by_id (self, self->comparison_bank_id);
  if (bank == NULL && self->comparison_bank_id == NULL)
    bank = self->bank;

  /* A bank still loading keeps the table as it is until it comes. */
  if (bank == NULL && self->comparison_bank_id != NULL &&
      g_hash_table_contains (self->loaded_banks, self->comparison_bank_id) &&
      g_hash_table_lookup (self->loaded_banks, self->comparison_bank_id) == NULL &&
      !g_cancellable_is_cancelled (self->cancellable))
    return;

  adw_window_title_set_subtitle (self->comparison_title, bank ? ivc_question_bank_get_title (bank) : NULL);
  ivc_comparison_view_set_bank (self->comparison_view, bank);
}

static void
add_bank_choice (IvcScorecardWindow *self,
                 const char         *id,
                 const char         *title)
{
  for (guint i = 0; i < self->bank_ids->len; i++)
    if (g_str_equal (g_ptr_array_index (self->bank_ids, i), id))
      return;

  g_ptr_array_add (self->bank_ids, g_strdup (id));
  gtk_string_list_append (self->bank_titles, title);
}

/* The banks to compare the candidates of: the current one and those of
 * the library. */
static void
update_bank_choices (IvcScorecardWindow *self)
{
  guint n = self->banks ? g_list_model_get_n_items (self->banks) : 0;
  guint selected = GTK_INVALID_LIST_POSITION;

  self->updating_banks = TRUE;
  g_ptr_array_set_size (self->bank_ids, 0);
  gtk_string_list_splice (self->bank_titles, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->bank_titles)), NULL);

  if (self->bank != NULL)
    add_bank_choice (self, ivc_question_bank_get_id (self->bank), ivc_question_bank_get_title (self->bank));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (self->banks, i);

      if (IVC_IS_BANK_INFO (item))
        add_bank_choice (self, ivc_bank_info_get_id (IVC_BANK_INFO (item)),
                         ivc_bank_info_get_title (IVC_BANK_INFO (item)));
      else if (IVC_IS_QUESTION_BANK (item))
        add_bank_choice (self, ivc_question_bank_get_id (IVC_QUESTION_BANK (item)),
                         ivc_question_bank_get_title (IVC_QUESTION_BANK (item)));
    }

  for (guint i = 0; i < self->bank_ids->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->bank_ids, i), self->comparison_bank_id) == 0)
      selected = i;

  gtk_drop_down_set_selected (self->bank_dropdown, selected);
  gtk_widget_set_visible (GTK_WIDGET (self->bank_dropdown), self->bank_ids->len > 1);
  self->updating_banks = FALSE;
}

static void
on_bank_selected_cb (IvcScorecardWindow *self)
{
  guint selected = gtk_drop_down_get_selected (self->bank_dropdown);

  if (self->updating_banks || selected >= self->bank_ids->len)
    return;

  g_free (self->comparison_bank_id);
  self->comparison_bank_id = g_strdup (g_ptr_array_index (self->bank_ids, selected));
  update_comparison_bank (self);
}

/* Sorting from the keyboard: a menu of the table's columns. */
static void
update_sort_menu (IvcScorecardWindow *self)
{
  GListModel *columns;
  guint n;

  /* The table's columns go with it as the window goes. */
  if (self->comparison_view == NULL || self->sort_menu == NULL)
    return;

  columns = ivc_comparison_view_get_columns (self->comparison_view);
  n = g_list_model_get_n_items (columns);
  g_menu_remove_all (self->sort_menu);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);
      g_autoptr(GMenuItem) item = g_menu_item_new (gtk_column_view_column_get_title (column), NULL);

      g_menu_item_set_action_and_target (item, "scorecard.sort-by", "u", i);
      g_menu_append_item (self->sort_menu, item);
    }
}

static void
sort_by_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  IvcScorecardWindow *self = IVC_SCORECARD_WINDOW (widget);

  ivc_comparison_view_sort_by (self->comparison_view, g_variant_get_uint32 (parameter));
}

static void
update_actions (IvcScorecardWindow *self)
{
  GtkWidget *visible = adw_leaflet_get_visible_child (self->leaflet);
  gboolean on_scorecard = visible == self->scorecard_page && self->scorecard != NULL;
  gboolean on_debrief = visible == self->debrief_page &&
                        ivc_debrief_view_get_debrief (self->debrief_view) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "scorecard.export", on_scorecard || on_debrief);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "scorecard.print", on_scorecard || on_debrief);
  /* Not tied to the page: GTK 4.8 then reports an action on the button's
   * mnemonic label that it cannot name, which upsets screen readers. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "scorecard.show-debrief", self->scorecard != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "scorecard.back",
                                 visible == self->scorecard_page || visible == self->debrief_page);
}

/* The debrief of the candidate, behind the bias guard: read afresh, as
 * teammates' files change by themselves. */
static void
refresh_debrief (IvcScorecardWindow *self)
{
  g_autoptr(IvcDebrief) debrief = NULL;
  g_autoptr(GError) error = NULL;

  if (self->candidate == NULL || self->store == NULL)
    {
      ivc_debrief_view_set_message (self->debrief_view, _("No Debrief"),
                                    _("Choose a candidate to put every interviewer’s scorecard side by side."));
      return;
    }

  adw_window_title_set_subtitle (self->debrief_title, ivc_candidate_get_name (self->candidate));
  debrief = ivc_candidate_store_make_debrief (self->store, self->candidate, find_bank (self, self->candidate),
                                              FALSE,
                                              g_settings_get_boolean (self->settings, "hide-scores-until-submitted"),
                                              &error);
  if (debrief != NULL)
    ivc_debrief_view_set_debrief (self->debrief_view, debrief);
  else if (g_error_matches (error, IVC_BIAS_GUARD_ERROR, IVC_BIAS_GUARD_ERROR_HIDDEN))
    {
      g_autoptr(GPtrArray) others = ivc_candidate_store_read_other_scorecards (self->store, ivc_candidate_get_id (self->candidate), NULL);
      g_autofree char *count = ivc_bias_guard_dup_teammates_text (ivc_bias_guard_count_submitted (others), others->len);
      /* Translators: %s says how many teammates have submitted */
      g_autofree char *description = g_strdup_printf (_("Teammates’ scores, red flags, notes and verdicts "
                                                        "stay hidden until you submit your own scorecard "
                                                        "(Submit Scorecard, Ctrl+Return, in the main window). "
                                                        "%s."), count);

      ivc_debrief_view_set_message (self->debrief_view, _("Submit Your Scorecard First"), description);
    }
  else
    ivc_debrief_view_set_message (self->debrief_view, _("No Scorecard Submitted Yet"),
                                  _("The debrief is made of submitted scorecards. It fills in as "
                                    "interviewers submit theirs."));
}

static void
refresh_scorecard (IvcScorecardWindow *self)
{
  g_clear_handle_id (&self->refresh_id, g_source_remove);

  if (self->candidate != NULL)
    {
      g_autoptr(IvcScorecard) scorecard = ivc_scorecard_new (self->candidate,
                                                             find_bank (self, self->candidate));
      const char *name = ivc_scorecard_get_candidate_name (scorecard);

      g_set_object (&self->scorecard, scorecard);
      adw_window_title_set_subtitle (self->scorecard_title, name);
    }
  else
    {
      g_clear_object (&self->scorecard);
      adw_window_title_set_subtitle (self->scorecard_title, NULL);
    }

  ivc_scorecard_view_set_scorecard (self->scorecard_view, self->scorecard);
  if (adw_leaflet_get_visible_child (self->leaflet) == self->debrief_page)
    refresh_debrief (self);
  update_actions (self);
}

static gboolean
refresh_timeout_cb (gpointer data)
{
  IvcScorecardWindow *self = data;

  self->refresh_id = 0;
  refresh_scorecard (self);
  return G_SOURCE_REMOVE;
}

static void
on_candidate_changed_cb (IvcScorecardWindow *self)
{
  if (self->refresh_id == 0)
    self->refresh_id = g_timeout_add (REFRESH_DELAY_MS, refresh_timeout_cb, self);
}

static void
set_candidate (IvcScorecardWindow *self,
               IvcCandidate       *candidate)
{
  if (g_set_object (&self->candidate, candidate))
    g_signal_group_set_target (self->candidate_signals, candidate);

  refresh_scorecard (self);
}

/* A candidate deleted in the main window leaves this one too. The list is
 * what tells: when it changes, the store may not know yet. */
static void
on_candidates_changed_cb (IvcScorecardWindow *self,
                          guint               position,
                          guint               removed,
                          guint               added,
                          GListModel         *candidates)
{
  gboolean listed = FALSE;

  if (self->candidate == NULL || removed == 0)
    return;

  for (guint i = 0; !listed && i < g_list_model_get_n_items (candidates); i++)
    {
      g_autoptr(IvcCandidate) candidate = g_list_model_get_item (candidates, i);

      listed = candidate == self->candidate;
    }

  if (!listed)
    {
      ivc_scorecard_window_show_comparison (self);
      set_candidate (self, NULL);
    }
}

static void
on_candidate_activated_cb (IvcScorecardWindow *self,
                           IvcCandidate       *candidate)
{
  ivc_scorecard_window_show_candidate (self, candidate);
}

static void
on_visible_child_changed_cb (IvcScorecardWindow *self)
{
  update_actions (self);
}

static void
export_done_cb (const GError *error,
                GFile        *file,
                gpointer      user_data)
{
  g_autoptr(IvcScorecardWindow) self = user_data;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;

  /* Errors were shown already; and a window closed meanwhile has no
   * toasts to show. */
  if (error != NULL || self->toast_overlay == NULL)
    return;

  name = g_file_get_basename (file);
  title = g_strdup_printf (_("Exported to “%s”"), name);
  adw_toast_overlay_add_toast (self->toast_overlay, ivc_toast_new (title));
}

typedef struct
{
  IvcScorecardWindow *self;
  GFile              *file;
} DebriefWrite;

static void
debrief_written_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  DebriefWrite *write = user_data;
  g_autoptr(IvcScorecardWindow) self = write->self;
  g_autoptr(GFile) file = write->file;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_file_get_basename (file);

  g_free (write);

  if (!ivc_file_util_write_bytes_finish (result, &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (error != NULL)
    {
      g_autofree char *parse_name = g_file_get_parse_name (file);
      g_autofree char *message = g_strdup_printf (_("Could not export the debrief to “%s”: %s"),
                                                  parse_name, error->message);
      IvcAlert *dialog = ivc_alert_new (_("Could Not Export the Debrief"), message);

      ivc_alert_add_response (dialog, "close", _("_Close"));
      ivc_alert_present (dialog, GTK_WIDGET (self));
      return;
    }

  if (self->toast_overlay != NULL)
    {
      g_autofree char *title = g_strdup_printf (_("Exported to “%s”"), name);

      adw_toast_overlay_add_toast (self->toast_overlay, ivc_toast_new (title));
    }
}

static void
on_debrief_chooser_response_cb (GtkNativeDialog    *chooser,
                                int                 response,
                                IvcScorecardWindow *self)
{
  g_autoptr(GFile) file = NULL;
  IvcDebrief *debrief = ivc_debrief_view_get_debrief (self->debrief_view);

  if (response == GTK_RESPONSE_ACCEPT && debrief != NULL &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))) != NULL)
    {
      IvcExportFormat format = ivc_export_dialog_format_for_file (file, IVC_EXPORT_FORMAT_MARKDOWN);
      g_autoptr(GBytes) bytes = ivc_debrief_to_bytes (debrief, format);

      DebriefWrite *write = g_new0 (DebriefWrite, 1);

      write->self = g_object_ref (self);
      write->file = g_object_ref (file);
      ivc_file_util_write_bytes_async (file, bytes, IVC_FILE_UTIL_WRITE_NONE, self->cancellable,
                                       debrief_written_cb, write);
    }

  gtk_native_dialog_destroy (chooser);
  g_clear_object (&self->debrief_chooser);
}

/* The format follows the name's extension: .md (the default), .csv or
 * .json, as the scorecard's export. */
static void
export_debrief (IvcScorecardWindow *self)
{
  IvcDebrief *debrief = ivc_debrief_view_get_debrief (self->debrief_view);
  g_autofree char *name = NULL;

  if (debrief == NULL || self->debrief_chooser != NULL)
    return;

  name = ivc_debrief_dup_file_name (debrief, IVC_EXPORT_FORMAT_MARKDOWN);
  self->debrief_chooser = gtk_file_chooser_native_new (_("Export Debrief"), GTK_WINDOW (self),
                                                       GTK_FILE_CHOOSER_ACTION_SAVE,
                                                       _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->debrief_chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->debrief_chooser), name);
  g_signal_connect_object (self->debrief_chooser, "response",
                           G_CALLBACK (on_debrief_chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->debrief_chooser));
}

static void
print_debrief (IvcScorecardWindow *self)
{
  IvcDebrief *debrief = ivc_debrief_view_get_debrief (self->debrief_view);
  g_autoptr(GError) error = NULL;

  if (debrief == NULL)
    return;

  if (ivc_debrief_print (debrief, GTK_WINDOW (self), GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                         NULL, &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      IvcAlert *dialog = ivc_alert_new (_("Could Not Print the Debrief"), error ? error->message : NULL);

      ivc_alert_add_response (dialog, "close", _("_Close"));
      ivc_alert_present (dialog, GTK_WIDGET (self));
    }
}

static void
show_debrief_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  ivc_scorecard_window_show_debrief (IVC_SCORECARD_WINDOW (widget));
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  IvcScorecardWindow *self = IVC_SCORECARD_WINDOW (widget);

  /* What is exported is what is on screen, and the latest changes too. */
  if (self->refresh_id != 0)
    refresh_scorecard (self);
  if (adw_leaflet_get_visible_child (self->leaflet) == self->debrief_page)
    {
      export_debrief (self);
      return;
    }
  if (self->scorecard == NULL)
    return;

  ivc_export_dialog_run (GTK_WINDOW (self), self->scorecard, export_done_cb, g_object_ref (self));
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  IvcScorecardWindow *self = IVC_SCORECARD_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (self->refresh_id != 0)
    refresh_scorecard (self);
  if (adw_leaflet_get_visible_child (self->leaflet) == self->debrief_page)
    {
      print_debrief (self);
      return;
    }
  if (self->scorecard == NULL)
    return;

  if (ivc_scorecard_print (self->scorecard, GTK_WINDOW (self), GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                           NULL, &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      IvcAlert *dialog = ivc_alert_new (_("Could Not Print the Scorecard"), error ? error->message : NULL);

      ivc_alert_add_response (dialog, "close", _("_Close"));
      ivc_alert_present (dialog, GTK_WIDGET (self));
    }
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  IvcScorecardWindow *self = IVC_SCORECARD_WINDOW (widget);

  if (adw_leaflet_get_visible_child (self->leaflet) == self->debrief_page)
    {
      adw_leaflet_set_visible_child (self->leaflet, self->scorecard_page);
      return;
    }

  ivc_scorecard_window_show_comparison (self);
}

/* A teammate's scorecard for the candidate shown arrived, changed or went:
 * an open debrief shows it without being asked. */
static void
on_team_changed_cb (IvcScorecardWindow *self,
                    const char         *candidate_id)
{
  if (self->candidate != NULL &&
      g_strcmp0 (ivc_candidate_get_id (self->candidate), candidate_id) == 0 &&
      adw_leaflet_get_visible_child (self->leaflet) == self->debrief_page)
    {
      refresh_debrief (self);
      update_actions (self);
    }
}

static void
set_store (IvcScorecardWindow *self,
           IvcCandidateStore  *store)
{
  g_set_object (&self->store, store);
  if (store != NULL)
    g_signal_connect_object (store, "team-changed", G_CALLBACK (on_team_changed_cb),
                             self, G_CONNECT_SWAPPED);
  g_signal_group_set_target (self->candidates_signals,
                             store ? ivc_candidate_store_get_candidates (store) : NULL);

  ivc_comparison_view_set_store (self->comparison_view, store);
}

static void
ivc_scorecard_window_dispose (GObject *object)
{
  IvcScorecardWindow *self = (IvcScorecardWindow *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  /* No change of a candidate reaches the pages as they go. */
  if (self->candidate_signals != NULL)
    g_signal_group_set_target (self->candidate_signals, NULL);
  if (self->candidates_signals != NULL)
    g_signal_group_set_target (self->candidates_signals, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), IVC_TYPE_SCORECARD_WINDOW);
  g_clear_object (&self->candidate_signals);
  g_clear_object (&self->candidates_signals);
  g_clear_pointer (&self->comparison_bank_id, g_free);
  g_clear_object (&self->sort_menu);
  g_clear_pointer (&self->bank_ids, g_ptr_array_unref);
  g_clear_object (&self->bank_titles);
  g_clear_object (&self->candidate);
  g_clear_object (&self->scorecard);
  g_clear_object (&self->store);
  g_clear_object (&self->bank);
  g_clear_object (&self->banks);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->loaded_banks, g_hash_table_unref);
  g_clear_object (&self->settings);
  if (self->debrief_chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->debrief_chooser));
  g_clear_object (&self->debrief_chooser);

  G_OBJECT_CLASS (ivc_scorecard_window_parent_class)->dispose (object);
}

static void
ivc_scorecard_window_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  IvcScorecardWindow *self = IVC_SCORECARD_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_BANK:
      g_value_set_object (value, self->bank);
      break;

    case PROP_BANKS:
      g_value_set_object (value, self->banks);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ivc_scorecard_window_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  IvcScorecardWindow *self = IVC_SCORECARD_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      set_store (self, g_value_get_object (value));
      break;

    case PROP_BANK:
      ivc_scorecard_window_set_bank (self, g_value_get_object (value));
      break;

    case PROP_BANKS:
      self->banks = g_value_dup_object (value);
      if (self->banks != NULL)
        g_signal_connect_object (self->banks, "items-changed", G_CALLBACK (update_bank_choices),
                                 self, G_CONNECT_SWAPPED);
      update_bank_choices (self);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ivc_scorecard_window_class_init (IvcScorecardWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ivc_scorecard_window_dispose;
  object_class->get_property = ivc_scorecard_window_get_property;
  object_class->set_property = ivc_scorecard_window_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, IVC_TYPE_CANDIDATE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * IvcScorecardWindow:bank:
   *
   * The bank of the comparison's columns, and of candidates without one.
   */
  properties[PROP_BANK] =
    g_param_spec_object ("bank", NULL, NULL, IVC_TYPE_QUESTION_BANK,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * IvcScorecardWindow:banks:
   *
   * Other banks a candidate may have been interviewed with: a list of
   * #IvcQuestionBank, or an #IvcBankLibrary, whose banks are loaded when
   * needed. %NULL for none.
   */
  properties[PROP_BANKS] =
    g_param_spec_object ("banks", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (IVC_TYPE_COMPARISON_VIEW);
  g_type_ensure (IVC_TYPE_SCORECARD_VIEW);
  g_type_ensure (IVC_TYPE_DEBRIEF_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ivc-scorecard-window.ui");
  gtk_widget_class_bind_template_child (widget_class, IvcScorecardWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, IvcScorecardWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, IvcScorecardWindow, comparison_page);
  gtk_widget_class_bind_template_child (widget_class, IvcScorecardWindow, scorecard_page);
  gtk_widget_class_bind_template_child (widget_class, IvcScorecardWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, IvcScorecardWindow, export_button);
  gtk_widget_class_bind_template_child (widget_class, IvcScorecardWindow, print_button);
  gtk_widget_class_bind_template_child (widget_class, IvcScorecardWindow, comparison_title);
  gtk_widget_class_bind_template_child (widget_class, IvcScorecardWindow, bank_dropdown);
  gtk_widget_class_bind_template_child (widget_class, IvcScorecardWindow, sort_button);
  gtk_widget_class_bind_template_child (widget_class, IvcScorecardWindow, scorecard_title);
  gtk_widget_class_bind_template_child (widget_class, IvcScorecardWindow, comparison_view);
  gtk_widget_class_bind_template_child (widget_class, IvcScorecardWindow, scorecard_view);
  gtk_widget_class_bind_template_child (widget_class, IvcScorecardWindow, debrief_page);
  /* Bound to the comparison's "team" in the template. */
  gtk_widget_class_bind_template_child_full (widget_class, "team_button", FALSE, 0);
  gtk_widget_class_bind_template_child (widget_class, IvcScorecardWindow, debrief_title);
  gtk_widget_class_bind_template_child (widget_class, IvcScorecardWindow, debrief_view);
  gtk_widget_class_bind_template_callback (widget_class, on_candidate_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_visible_child_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_bank_selected_cb);

  gtk_widget_class_install_action (widget_class, "scorecard.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "scorecard.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "scorecard.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "scorecard.show-debrief", NULL, show_debrief_action);
  gtk_widget_class_install_action (widget_class, "scorecard.sort-by", "u", sort_by_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "scorecard.export", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "scorecard.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

static void
ivc_scorecard_window_init (IvcScorecardWindow *self)
{
  self->loaded_banks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, unref_bank);
  self->bank_ids = g_ptr_array_new_with_free_func (g_free);
  self->bank_titles = gtk_string_list_new (NULL);
  self->cancellable = g_cancellable_new ();
  self->settings = g_settings_new (APP_ID);

  self->candidate_signals = g_signal_group_new (IVC_TYPE_CANDIDATE);
  g_signal_group_connect_object (self->candidate_signals, "changed",
                                 G_CALLBACK (on_candidate_changed_cb), self, G_CONNECT_SWAPPED);
  self->candidates_signals = g_signal_group_new (G_TYPE_LIST_MODEL);
  g_signal_group_connect_object (self->candidates_signals, "items-changed",
                                 G_CALLBACK (on_candidates_changed_cb), self, G_CONNECT_SWAPPED);

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_drop_down_set_model (self->bank_dropdown, G_LIST_MODEL (self->bank_titles));
  ivc_accessible_name_drop_down (self->bank_dropdown, _("Question bank of the candidates compared"));

  self->sort_menu = g_menu_new ();
  gtk_menu_button_set_menu_model (self->sort_button, G_MENU_MODEL (self->sort_menu));
  g_signal_connect_object (ivc_comparison_view_get_columns (self->comparison_view), "items-changed",
                           G_CALLBACK (update_sort_menu), self, G_CONNECT_SWAPPED);
  update_sort_menu (self);
  ivc_accel_add_to_tooltips (GTK_WIDGET (self));
  ivc_accessible_fix_mnemonic_buttons (GTK_WIDGET (self));
  update_actions (self);
}

/**
 * ivc_scorecard_window_new:
 * @parent: (nullable): the main window; the new one stays above it, but
 *   does not block it
 * @store: the candidates
 * @bank: (nullable): the current bank: the comparison's columns
 * @banks: (nullable): other banks, see #IvcScorecardWindow:banks
 *
 * Returns: (transfer none): a new window, showing the comparison; like
 *   any window, GTK keeps it until it is closed, which destroys it
 */
GtkWidget *
ivc_scorecard_window_new (GtkWindow         *parent,
                          IvcCandidateStore *store,
                          IvcQuestionBank   *bank,
                          GListModel        *banks)
{
  g_return_val_if_fail (!parent || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (IVC_IS_CANDIDATE_STORE (store), NULL);
  g_return_val_if_fail (!bank || IVC_IS_QUESTION_BANK (bank), NULL);
  g_return_val_if_fail (!banks || G_IS_LIST_MODEL (banks), NULL);

  return g_object_new (IVC_TYPE_SCORECARD_WINDOW,
                       "transient-for", parent,
                       "modal", FALSE,
                       "store", store,
                       "bank", bank,
                       "banks", banks,
                       NULL);
}

IvcCandidateStore *
ivc_scorecard_window_get_store (IvcScorecardWindow *self)
{
  g_return_val_if_fail (IVC_IS_SCORECARD_WINDOW (self), NULL);

  return self->store;
}

IvcQuestionBank *
ivc_scorecard_window_get_bank (IvcScorecardWindow *self)
{
  g_return_val_if_fail (IVC_IS_SCORECARD_WINDOW (self), NULL);

  return self->bank;
}

/**
 * ivc_scorecard_window_set_bank:
 *
 * Follows the main window to another bank: the comparison's columns are
 * its levels.
 */
void
ivc_scorecard_window_set_bank (IvcScorecardWindow *self,
                               IvcQuestionBank    *bank)
{
  g_return_if_fail (IVC_IS_SCORECARD_WINDOW (self));
  g_return_if_fail (!bank || IVC_IS_QUESTION_BANK (bank));

  if (!g_set_object (&self->bank, bank))
    return;

  /* The comparison follows to the current bank. */
  g_free (self->comparison_bank_id);
  self->comparison_bank_id = bank ? g_strdup (ivc_question_bank_get_id (bank)) : NULL;
  update_bank_choices (self);
  update_comparison_bank (self);
  if (self->candidate != NULL)
    refresh_scorecard (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BANK]);
}

/**
 * ivc_scorecard_window_get_candidate:
 *
 * Returns: (transfer none) (nullable): the candidate of the scorecard page
 */
IvcCandidate *
ivc_scorecard_window_get_candidate (IvcScorecardWindow *self)
{
  g_return_val_if_fail (IVC_IS_SCORECARD_WINDOW (self), NULL);

  return self->candidate;
}

/**
 * ivc_scorecard_window_get_scorecard:
 *
 * Returns: (transfer none) (nullable): the scorecard shown on the scorecard
 *   page, as exported and printed
 */
IvcScorecard *
ivc_scorecard_window_get_scorecard (IvcScorecardWindow *self)
{
  g_return_val_if_fail (IVC_IS_SCORECARD_WINDOW (self), NULL);

  return self->scorecard;
}

/**
 * ivc_scorecard_window_show_candidate:
 *
 * Opens the scorecard page of @candidate.
 */
void
ivc_scorecard_window_show_candidate (IvcScorecardWindow *self,
                                     IvcCandidate       *candidate)
{
  g_return_if_fail (IVC_IS_SCORECARD_WINDOW (self));
  g_return_if_fail (IVC_IS_CANDIDATE (candidate));

  set_candidate (self, candidate);
  adw_leaflet_set_visible_child (self->leaflet, self->scorecard_page);
  update_actions (self);
}

/**
 * ivc_scorecard_window_show_comparison:
 *
 * Goes back to the table of all candidates.
 */
void
ivc_scorecard_window_show_comparison (IvcScorecardWindow *self)
{
  g_return_if_fail (IVC_IS_SCORECARD_WINDOW (self));

  adw_leaflet_set_visible_child (self->leaflet, self->comparison_page);
  update_actions (self);
}

/**
 * ivc_scorecard_window_show_debrief:
 *
 * Shows the Debrief page of the candidate on the scorecard page: every
 * interviewer's submitted scorecard, behind the bias guard.
 */
void
ivc_scorecard_window_show_debrief (IvcScorecardWindow *self)
{
  g_return_if_fail (IVC_IS_SCORECARD_WINDOW (self));

  if (self->refresh_id != 0)
    refresh_scorecard (self);
  refresh_debrief (self);
  adw_leaflet_set_visible_child (self->leaflet, self->debrief_page);
  update_actions (self);
}
