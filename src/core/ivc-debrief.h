/* ivc-debrief.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * IvcDebrief: every interviewer's scorecard for one candidate side by
 * side: per question each one's score, red flag and notes, per level and
 * overall each one's average and the team's, the verdicts, where they
 * disagree and which questions nobody asked.
 */

#pragma once

#include <gio/gio.h>

#include "ivc-candidate.h"
#include "ivc-candidate-store.h"
#include "ivc-export.h"
#include "ivc-question-bank.h"
#include "ivc-scorecard.h"

G_BEGIN_DECLS

/* Scores this far apart on one question are a disagreement. */
#define IVC_DEBRIEF_DISAGREEMENT_POINTS 2

#define IVC_TYPE_DEBRIEF (ivc_debrief_get_type ())

G_DECLARE_FINAL_TYPE (IvcDebrief, ivc_debrief, IVC, DEBRIEF, GObject)

/**
 * IvcDebriefInterviewer:
 * @scorecard: their scorecard's figures against the bank
 * @id: (nullable): their interviewer id
 * @name: their name, or their id when they gave none
 * @draft: whether the scorecard is not submitted (shown only on request)
 * @status: “Draft”, “Submitted …” or “…, amended after submission …”
 *
 * One interviewer of a debrief. Owned by the debrief; read-only.
 */
typedef struct
{
  IvcScorecard *scorecard;
  char         *id;
  char         *name;
  gboolean      draft;
  char         *status;
} IvcDebriefInterviewer;

/**
 * IvcDebriefQuestion:
 * @question_id: the question's id
 * @question: (nullable): the question as the bank words it; %NULL when the
 *   bank no longer has it
 * @entries: (array) (nullable): each interviewer's entry, in the order of
 *   ivc_debrief_get_interviewer(); %NULL where one noted nothing
 * @asked: whether any interviewer noted anything (a score, red flag, note
 *   or time)
 * @disagreement: whether two scores are %IVC_DEBRIEF_DISAGREEMENT_POINTS
 *   or more apart
 * @n_red_flags: how many interviewers observed the red flag
 * @team_average: the average of every score given, or
 *   %IVC_SCORECARD_NO_AVERAGE
 *
 * One question of a debrief. Owned by the debrief; read-only.
 */
typedef struct
{
  char                     *question_id;
  char                     *question;
  const IvcScorecardEntry **entries;
  gboolean                  asked;
  gboolean                  disagreement;
  guint                     n_red_flags;
  double                    team_average;
} IvcDebriefQuestion;

/**
 * IvcDebriefLevel:
 * @id: (nullable): the level's id; %NULL for the questions the bank no
 *   longer has
 * @title: the level's title
 * @averages: (array): each interviewer's average on the level, or
 *   %IVC_SCORECARD_NO_AVERAGE
 * @team_average: the average of every score given on the level, or
 *   %IVC_SCORECARD_NO_AVERAGE
 * @questions: (element-type IvcDebriefQuestion): every question of the
 *   level, in bank order, asked or not
 *
 * One level of a debrief. Owned by the debrief; read-only.
 */
typedef struct
{
  char      *id;
  char      *title;
  double    *averages;
  double     team_average;
  GPtrArray *questions;
} IvcDebriefLevel;

IvcDebrief                  *ivc_debrief_new                   (IvcQuestionBank *bank,
                                                                GPtrArray       *scorecards,
                                                                gboolean         include_drafts);
const char                  *ivc_debrief_get_candidate_id      (IvcDebrief      *self);
const char                  *ivc_debrief_get_candidate_name    (IvcDebrief      *self);
const char                  *ivc_debrief_get_role              (IvcDebrief      *self);
const char                  *ivc_debrief_get_bank_title        (IvcDebrief      *self);
gboolean                     ivc_debrief_get_include_drafts    (IvcDebrief      *self);
guint                        ivc_debrief_get_n_interviewers    (IvcDebrief      *self);
const IvcDebriefInterviewer *ivc_debrief_get_interviewer       (IvcDebrief      *self,
                                                                guint            position);
guint                        ivc_debrief_get_n_left_out        (IvcDebrief      *self);
guint                        ivc_debrief_get_n_levels          (IvcDebrief      *self);
const IvcDebriefLevel       *ivc_debrief_get_level             (IvcDebrief      *self,
                                                                guint            position);
const IvcDebriefQuestion    *ivc_debrief_find_question         (IvcDebrief      *self,
                                                                const char      *question_id);
double                       ivc_debrief_get_average           (IvcDebrief      *self,
                                                                guint            interviewer);
double                       ivc_debrief_get_team_average      (IvcDebrief      *self);
guint                        ivc_debrief_get_n_disagreements   (IvcDebrief      *self);
gboolean                     ivc_debrief_get_verdicts_disagree (IvcDebrief      *self);
GPtrArray                   *ivc_debrief_list_unasked          (IvcDebrief      *self);
char                        *ivc_debrief_dup_mark_text         (const IvcScorecardEntry *entry);
char                        *ivc_debrief_dup_average_text      (double           average);

/* Its exports, in ivc-debrief-export.c. */
GBytes                      *ivc_debrief_to_bytes              (IvcDebrief      *self,
                                                                IvcExportFormat  format);
char                        *ivc_debrief_dup_file_name         (IvcDebrief      *self,
                                                                IvcExportFormat  format);
gboolean                     ivc_debrief_write_to_file         (IvcDebrief      *self,
                                                                IvcExportFormat  format,
                                                                GFile           *file,
                                                                GCancellable    *cancellable,
                                                                GError         **error);

/* From the store, in ivc-candidate-store-debrief.c. */
GPtrArray                   *ivc_candidate_store_list_scorecards (IvcCandidateStore  *self,
                                                                  IvcCandidate       *candidate,
                                                                  GPtrArray         **problems);
IvcDebrief                  *ivc_candidate_store_make_debrief    (IvcCandidateStore  *self,
                                                                  IvcCandidate       *candidate,
                                                                  IvcQuestionBank    *bank,
                                                                  gboolean            include_drafts,
                                                                  gboolean            guard,
                                                                  GError            **error);

G_END_DECLS
