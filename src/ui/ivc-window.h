/* ivc-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * IvcWindow: the main window: the question list, the question on screen and
 * the candidate panel. Its parts are in ivc-window-*.c.
 */

#pragma once

#include <adwaita.h>

#include "ivc-application.h"
#include "ivc-bank-library.h"
#include "ivc-candidate-store.h"
#include "ivc-question-bank.h"
#include "ivc-question-view.h"

G_BEGIN_DECLS

#define IVC_TYPE_WINDOW (ivc_window_get_type ())

G_DECLARE_FINAL_TYPE (IvcWindow, ivc_window, IVC, WINDOW, AdwApplicationWindow)

IvcWindow       *ivc_window_new                   (IvcApplication  *application);
IvcQuestionBank *ivc_window_get_bank              (IvcWindow       *self);
void             ivc_window_set_bank              (IvcWindow       *self,
                                                   IvcQuestionBank *bank);
void             ivc_window_load_bundled_bank     (IvcWindow       *self);
void             ivc_window_open_bank             (IvcWindow       *self,
                                                   GFile           *file);
void             ivc_window_bank_loaded           (IvcWindow       *self,
                                                   IvcQuestionBank *bank,
                                                   const GError    *error);
IvcQuestionView *ivc_window_get_question_view     (IvcWindow       *self);
IvcQuestion     *ivc_window_get_selected_question (IvcWindow       *self);
gboolean         ivc_window_select_question       (IvcWindow       *self,
                                                   const char      *question_id);
void             ivc_window_set_search_text       (IvcWindow       *self,
                                                   const char      *text);
guint            ivc_window_get_n_visible_questions (IvcWindow     *self);
void             ivc_window_set_store             (IvcWindow       *self,
                                                   IvcCandidateStore *store);
void             ivc_window_set_bank_library      (IvcWindow       *self,
                                                   IvcBankLibrary  *library);
void             ivc_window_bank_library_loaded   (IvcWindow       *self);
void             ivc_window_import_bank           (IvcWindow       *self,
                                                   GFile           *file);
void             ivc_window_bank_imported         (IvcWindow       *self,
                                                   GFile           *file,
                                                   IvcQuestionBank *bank,
                                                   gboolean         replaced,
                                                   const GError    *error,
                                                   GPtrArray       *problems);
IvcCandidate    *ivc_window_get_candidate         (IvcWindow       *self);
void             ivc_window_candidates_loaded     (IvcWindow       *self,
                                                   GPtrArray       *problems);

G_END_DECLS
