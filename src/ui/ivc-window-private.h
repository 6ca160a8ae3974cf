/* ivc-window-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window's state and the functions its files share: ivc-window.c (the
 * window itself), ivc-window-actions.c (actions and keys),
 * ivc-window-banks.c (question banks), ivc-window-candidates.c
 * (candidates) and ivc-window-erase.c (erasing, retention).
 */

#pragma once

#include "ivc-bank-switcher.h"
#include "ivc-candidate-panel.h"
#include "ivc-interview-timer.h"
#include "ivc-question-list.h"
#include "ivc-window.h"

G_BEGIN_DECLS

struct _IvcWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;
  IvcCandidateStore    *store;
  GSignalGroup         *store_signals;
  IvcBankLibrary       *library;
  GSignalGroup         *library_signals;
  gboolean              library_loaded;
  GCancellable         *load_cancellable;

  /* The bank shown and the candidate notes are taken for; the groups
   * follow whichever is current. */
  IvcQuestionBank      *bank;
  GBindingGroup        *bank_bindings;
  IvcCandidate         *candidate;
  GSignalGroup         *candidate_signals;

  IvcInterviewTimer    *timer;

  /* The Scorecards window, while it is open. */
  GtkWidget            *scorecards;

  /* The note shown after a score or red flag typed with the panel hidden. */
  AdwToast             *noted_toast;

  guint                 side_panel_visible : 1;
  /* Ctrl+Shift+H: nothing of the evaluation or the answers on screen. */
  guint                 evaluation_hidden : 1;
  /* The question list beside the question (Shift+F9), and whether the
   * window was last as wide as the list and both panes need. */
  guint                 list_visible : 1;
  guint                 wide : 1;
  guint                 pages : 1;
  guint                 layout_known : 1;
  guint                 layout_idle_id;
  guint                 closing_anyway : 1;
  /* Alt+A / Alt+R held down, with "Reveal only while held". */
  guint                 holding_answer : 1;
  guint                 holding_red_flag : 1;

  AdwToastOverlay      *toast_overlay;
  AdwLeaflet           *leaflet;
  AdwFlap              *flap;
  gulong                flap_revealed_handler;
  GtkWidget            *sidebar;
  AdwClamp             *sidebar_clamp;
  GtkToggleButton      *list_button;
  GtkWidget            *evaluation_hidden_page;
  GtkWidget            *content;
  GtkLabel             *sidebar_title;
  GtkLabel             *sidebar_subtitle;
  AdwWindowTitle       *content_title;
  IvcQuestionList      *question_list;
  IvcQuestionView      *question_view;
  IvcCandidatePanel    *candidate_panel;
  GtkRevealer          *save_error_revealer;
  GtkLabel             *save_error_label;
  GtkToggleButton      *timer_button;
  GtkImage             *timer_icon;
  GtkLabel             *timer_label;
  GtkToggleButton      *planned_button;
  /* Made when the banks' button first opens; NULL until then. */
  IvcBankSwitcher      *bank_switcher;
  GtkMenuButton        *bank_button;
  GtkRevealer          *bank_missing_revealer;
  GtkLabel             *bank_missing_label;
  GtkRevealer          *retention_revealer;
  GtkLabel             *retention_label;

  /* IvcCandidate past the retention period, as the banner lists them. */
  GPtrArray            *expired;
  guint                 retention_dismissed : 1;
};

typedef enum
{
  IVC_WINDOW_PROP_0,
  IVC_WINDOW_PROP_BANK,
  IVC_WINDOW_PROP_SIDE_PANEL_VISIBLE,
  IVC_WINDOW_PROP_CANDIDATE,
  IVC_WINDOW_PROP_PLAN_MODE,
  IVC_WINDOW_PROP_TIMER_RUNNING,
  IVC_WINDOW_PROP_TEXT_ZOOM,
  IVC_WINDOW_PROP_QUESTION_PLANNED,
  IVC_WINDOW_PROP_EVALUATION_HIDDEN,
  IVC_WINDOW_PROP_LIST_VISIBLE,
  IVC_WINDOW_N_PROPS
} IvcWindowProperty;

/* The text zoom, a factor of the system's text size. */
#define IVC_WINDOW_ZOOM_MIN  0.5
#define IVC_WINDOW_ZOOM_MAX  3.0
#define IVC_WINDOW_ZOOM_STEP 0.1

/* ivc-window.c */
void     _ivc_window_notify                        (IvcWindow         *self,
                                                    IvcWindowProperty  prop);
void     _ivc_window_show_question_page            (IvcWindow         *self);
void     _ivc_window_update_content_title          (IvcWindow         *self);
void     _ivc_window_update_timer                  (IvcWindow         *self);

/* ivc-window-actions.c */
void     _ivc_window_class_actions_init            (GtkWidgetClass    *widget_class);
void     _ivc_window_actions_init                  (IvcWindow         *self);
void     _ivc_window_move_selection                (IvcWindow         *self,
                                                    int                direction);
gboolean _ivc_window_require_candidate_and_question (IvcWindow        *self);
gboolean _ivc_window_get_question_planned          (IvcWindow         *self);
void     _ivc_window_set_question_planned          (IvcWindow         *self,
                                                    gboolean           planned);
double   _ivc_window_get_text_zoom                 (IvcWindow         *self);
void     _ivc_window_set_text_zoom                 (IvcWindow         *self,
                                                    double             zoom);
void     _ivc_window_apply_text_zoom               (IvcWindow         *self);

/* ivc-window-banks.c */
void     _ivc_window_layout_init                   (IvcWindow         *self);
void     _ivc_window_layout_allocated              (IvcWindow         *self,
                                                    int                width);
gboolean _ivc_window_get_list_visible              (IvcWindow         *self);
void     _ivc_window_set_list_visible              (IvcWindow         *self,
                                                    gboolean           visible);

gboolean _ivc_window_get_evaluation_hidden         (IvcWindow         *self);
void     _ivc_window_set_evaluation_hidden         (IvcWindow         *self,
                                                    gboolean           hidden);
void     _ivc_window_privacy_init                  (IvcWindow         *self);

void     _ivc_window_banks_init                    (IvcWindow         *self);
void     _ivc_window_show_candidate_bank           (IvcWindow         *self);
gboolean _ivc_window_candidate_in_bank             (IvcWindow         *self);
void     _ivc_window_update_candidate_bank         (IvcWindow         *self);
void     _ivc_window_say_other_bank                (IvcWindow         *self);
void     _ivc_window_switch_bundled_bank           (IvcWindow         *self,
                                                    const char        *language);
void     _ivc_window_switch_bank                   (IvcWindow         *self,
                                                    const char        *bank_id);
void     _ivc_window_remove_bank                   (IvcWindow         *self,
                                                    const char        *bank_id);
void     _ivc_window_choose_bank_file              (IvcWindow         *self);

/* ivc-window-candidates.c */
void     _ivc_window_candidates_init               (IvcWindow         *self);
void     _ivc_window_set_candidate                 (IvcWindow         *self,
                                                    IvcCandidate      *candidate);
void     _ivc_window_show_candidate_dialog         (IvcWindow         *self,
                                                    IvcCandidate      *renaming);
void     _ivc_window_switch_candidate              (IvcWindow         *self,
                                                    const char        *candidate_id);
void     _ivc_window_delete_candidate              (IvcWindow         *self);

/* ivc-window-erase.c */
void     _ivc_window_erase_init                    (IvcWindow         *self);
void     _ivc_window_update_retention              (IvcWindow         *self);
void     _ivc_window_erase_candidate               (IvcWindow         *self);
void     _ivc_window_erase_expired                 (IvcWindow         *self);
void     _ivc_window_export_expired                (IvcWindow         *self);
void     _ivc_window_dismiss_retention             (IvcWindow         *self);
/* ivc-window-unsaved.c */
void     _ivc_window_ask_unsaved                   (IvcWindow         *self,
                                                    const GError      *error);

G_END_DECLS
