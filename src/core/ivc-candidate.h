/* ivc-candidate.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One interviewer's scorecard for one candidate: who the candidate is, a
 * score and notes per question, the plan and the overall verdict.
 */

#pragma once

#include <gio/gio.h>

#include "ivc-candidate-file.h"
#include "ivc-evaluation.h"
#include "ivc-recommendation.h"

G_BEGIN_DECLS

/* New ids: the prefix and this many random bits, in lowercase hex. */
#define IVC_CANDIDATE_ID_PREFIX      "c-"
#define IVC_CANDIDATE_ID_RANDOM_BITS 128
/*
 * Limits of the text fields, in characters. Whatever a candidate holds
 * must fit in a file the app reads again (IVC_CANDIDATE_MAX_FILE_SIZE):
 * with every field at its limit, notes at theirs on
 * IVC_CANDIDATE_MAX_FULL_EVALUATIONS questions (more than any interview
 * asks), and each character written at the most bytes json-glib writes for
 * one ("\u0001"), the file still fits; ivc-candidate.c checks the sum when
 * it is built. The setters cut longer text at the limit (ivc_text_bound());
 * should a candidate still outgrow the file (notes at their longest on
 * hundreds of questions), the store refuses to write it and says so.
 */
#define IVC_CANDIDATE_MAX_NAME_CHARS        200
#define IVC_CANDIDATE_MAX_ROLE_CHARS        200
#define IVC_CANDIDATE_MAX_SUMMARY_CHARS     20000
#define IVC_CANDIDATE_MAX_PLAN              1000
#define IVC_CANDIDATE_MAX_FULL_EVALUATIONS  256
#define IVC_CANDIDATE_MAX_BYTES_PER_CHAR    6

#define IVC_TYPE_CANDIDATE (ivc_candidate_get_type ())

G_DECLARE_FINAL_TYPE (IvcCandidate, ivc_candidate, IVC, CANDIDATE, GObject)

gboolean           ivc_candidate_id_is_valid            (const char         *id);
char              *ivc_candidate_generate_id            (void);
gboolean           ivc_candidate_date_is_valid          (const char         *date);

IvcCandidate      *ivc_candidate_new                    (const char         *id,
                                                         const char         *name);
/* The candidate file's reader and writer, in ivc-candidate-file.c. */
IvcCandidate      *ivc_candidate_new_from_bytes         (GBytes             *bytes,
                                                         const char         *display_name,
                                                         GError            **error);
IvcCandidate      *ivc_candidate_new_for_interviewer    (IvcCandidate       *other,
                                                         const char         *interviewer_id,
                                                         const char         *interviewer_name);
GBytes            *ivc_candidate_to_bytes               (IvcCandidate       *self);

const char        *ivc_candidate_get_id                 (IvcCandidate       *self);
const char        *ivc_candidate_get_name               (IvcCandidate       *self);
void               ivc_candidate_set_name               (IvcCandidate       *self,
                                                         const char         *name);
const char        *ivc_candidate_get_role               (IvcCandidate       *self);
void               ivc_candidate_set_role               (IvcCandidate       *self,
                                                         const char         *role);
const char        *ivc_candidate_get_interview_date     (IvcCandidate       *self);
void               ivc_candidate_set_interview_date     (IvcCandidate       *self,
                                                         const char         *date);
const char        *ivc_candidate_get_bank_id            (IvcCandidate       *self);
void               ivc_candidate_set_bank_id            (IvcCandidate       *self,
                                                         const char         *bank_id);
gboolean           ivc_candidate_belongs_to_bank        (IvcCandidate       *self,
                                                         const char         *bank_id);
gboolean           ivc_candidate_is_started             (IvcCandidate       *self);
IvcRecommendation  ivc_candidate_get_recommendation     (IvcCandidate       *self);
void               ivc_candidate_set_recommendation     (IvcCandidate       *self,
                                                         IvcRecommendation   recommendation);
const char        *ivc_candidate_get_summary            (IvcCandidate       *self);
void               ivc_candidate_set_summary            (IvcCandidate       *self,
                                                         const char         *summary);
GDateTime         *ivc_candidate_get_created            (IvcCandidate       *self);
GDateTime         *ivc_candidate_get_modified           (IvcCandidate       *self);
const char        *ivc_candidate_get_interviewer_id     (IvcCandidate       *self);
const char        *ivc_candidate_get_interviewer_name   (IvcCandidate       *self);
void               ivc_candidate_set_interviewer        (IvcCandidate       *self,
                                                         const char         *interviewer_id,
                                                         const char         *interviewer_name);
GDateTime         *ivc_candidate_get_submitted          (IvcCandidate       *self);
GDateTime         *ivc_candidate_get_amended            (IvcCandidate       *self);
gboolean           ivc_candidate_is_submitted           (IvcCandidate       *self);
gboolean           ivc_candidate_submit                 (IvcCandidate       *self);
guint              ivc_candidate_get_n_scored           (IvcCandidate       *self);
IvcEvaluation     *ivc_candidate_get_evaluation         (IvcCandidate       *self,
                                                         const char         *question_id);
IvcEvaluation     *ivc_candidate_ensure_evaluation      (IvcCandidate       *self,
                                                         const char         *question_id);
GPtrArray         *ivc_candidate_list_evaluations       (IvcCandidate       *self);
guint64            ivc_candidate_get_interview_seconds  (IvcCandidate       *self);
void               ivc_candidate_set_interview_seconds  (IvcCandidate       *self,
                                                         guint64             seconds);
const char * const *ivc_candidate_get_plan              (IvcCandidate       *self);
void               ivc_candidate_set_plan               (IvcCandidate       *self,
                                                         const char * const *plan);
int                ivc_candidate_get_plan_position      (IvcCandidate       *self,
                                                         const char         *question_id);
void               ivc_candidate_plan_move              (IvcCandidate       *self,
                                                         const char         *question_id,
                                                         int                 position);
void               ivc_candidate_plan_remove            (IvcCandidate       *self,
                                                         const char         *question_id);
gboolean           ivc_candidate_matches                (IvcCandidate       *self,
                                                         const char * const *words);
void               _ivc_candidate_set_id                (IvcCandidate       *self,
                                                         const char         *id);
void               _ivc_candidate_set_saved_summary     (IvcCandidate       *self,
                                                         const char         *summary);

G_END_DECLS
