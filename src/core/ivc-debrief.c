/* ivc-debrief.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * IvcDebrief: every interviewer's scorecard for one candidate side by
 * side: per question each one's score, red flag and notes, per level and
 * overall each one's average and the team's, the verdicts, where they
 * disagree and which questions nobody asked.
 */

#define G_LOG_DOMAIN "ivc-debrief"

#include "config.h"

#include <glib/gi18n.h>

#include "ivc-bias-guard.h"
#include "ivc-debrief.h"

/*
 * A snapshot, made from IvcScorecards of each interviewer against the
 * candidate's bank, so that each one's figures are exactly those of their
 * own scorecard. The team's average is that of every score given (each
 * score counts once, whoever gave it), on a question, a level or overall.
 * Only submitted scorecards count unless drafts were asked for; drafts are
 * then marked as such. Who sees a debrief at all is the bias guard's
 * business (ivc-bias-guard.c), not this one's.
 */
struct _IvcDebrief
{
  GObject    parent_instance;

  char      *candidate_id;
  char      *candidate_name;
  char      *role;
  char      *bank_title;
  gboolean   include_drafts;

  /* IvcDebriefInterviewer */
  GPtrArray *interviewers;
  guint      n_left_out;
  /* IvcDebriefLevel, in bank order; the questions the bank no longer has
   * last. */
  GPtrArray *levels;
  /* Question id → IvcDebriefQuestion, owned by the levels. */
  GHashTable *questions;

  double     team_average;
  guint      n_disagreements;
  gboolean   verdicts_disagree;
};

G_DEFINE_FINAL_TYPE (IvcDebrief, ivc_debrief, G_TYPE_OBJECT)

static void
interviewer_free (IvcDebriefInterviewer *interviewer)
{
  g_clear_object (&interviewer->scorecard);
  g_free (interviewer->id);
  g_free (interviewer->name);
  g_free (interviewer->status);
  g_free (interviewer);
}

static void
question_free (IvcDebriefQuestion *question)
{
  g_free (question->question_id);
  g_free (question->question);
  g_free (question->entries);
  g_free (question);
}

static void
level_free (IvcDebriefLevel *level)
{
  g_free (level->id);
  g_free (level->title);
  g_free (level->averages);
  g_clear_pointer (&level->questions, g_ptr_array_unref);
  g_free (level);
}

static void
ivc_debrief_finalize (GObject *object)
{
  IvcDebrief *self = IVC_DEBRIEF (object);

  g_free (self->candidate_id);
  g_free (self->candidate_name);
  g_free (self->role);
  g_free (self->bank_title);
  g_clear_pointer (&self->questions, g_hash_table_unref);
  g_clear_pointer (&self->levels, g_ptr_array_unref);
  g_clear_pointer (&self->interviewers, g_ptr_array_unref);

  G_OBJECT_CLASS (ivc_debrief_parent_class)->finalize (object);
}

static void
ivc_debrief_class_init (IvcDebriefClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ivc_debrief_finalize;
}

static void
ivc_debrief_init (IvcDebrief *self)
{
  self->interviewers = g_ptr_array_new_with_free_func ((GDestroyNotify)interviewer_free);
  self->levels = g_ptr_array_new_with_free_func ((GDestroyNotify)level_free);
  self->questions = g_hash_table_new (g_str_hash, g_str_equal);
  self->team_average = IVC_SCORECARD_NO_AVERAGE;
}

static gboolean
entry_is_asked (const IvcScorecardEntry *entry)
{
  return entry != NULL &&
         (entry->score != IVC_SCORE_NONE || entry->red_flag ||
          entry->notes[0] != '\0' || entry->seconds > 0);
}

/* A running average of scores. */
typedef struct
{
  guint sum;
  guint n;
} Tally;

static void
tally_add (Tally    *tally,
           IvcScore  score)
{
  if (score == IVC_SCORE_NONE)
    return;

  tally->sum += score;
  tally->n++;
}

static double
tally_average (const Tally *tally)
{
  return tally->n > 0 ? (double)tally->sum / tally->n : IVC_SCORECARD_NO_AVERAGE;
}

static IvcDebriefQuestion *
add_question (IvcDebrief              *self,
              IvcDebriefLevel         *level,
              const IvcScorecardEntry *first,
              Tally                   *level_tally,
              Tally                   *team_tally)
{
  IvcDebriefQuestion *question = g_new0 (IvcDebriefQuestion, 1);
  guint n = self->interviewers->len;
  IvcScore lowest = IVC_SCORE_MAX, highest = IVC_SCORE_NONE;
  Tally tally = { 0, };

  question->question_id = g_strdup (first->question_id);
  question->question = g_strdup (first->question);
  question->entries = g_new0 (const IvcScorecardEntry *, MAX (n, 1));

  for (guint i = 0; i < n; i++)
    {
      IvcDebriefInterviewer *interviewer = g_ptr_array_index (self->interviewers, i);
      const IvcScorecardEntry *entry = ivc_scorecard_find_entry (interviewer->scorecard, first->question_id);

      if (!entry_is_asked (entry))
        continue;

      question->entries[i] = entry;
      question->asked = TRUE;
      if (entry->red_flag)
        question->n_red_flags++;
      if (entry->score != IVC_SCORE_NONE)
        {
          lowest = MIN (lowest, entry->score);
          highest = MAX (highest, entry->score);
        }
      tally_add (&tally, entry->score);
      tally_add (level_tally, entry->score);
      tally_add (team_tally, entry->score);
    }

  question->team_average = tally_average (&tally);
  question->disagreement = tally.n >= 2 && (int)highest - (int)lowest >= IVC_DEBRIEF_DISAGREEMENT_POINTS;
  if (question->disagreement)
    self->n_disagreements++;

  g_ptr_array_add (level->questions, question);
  g_hash_table_insert (self->questions, question->question_id, question);

  return question;
}

static IvcDebriefLevel *
new_level (IvcDebrief *self,
           const char *id,
           const char *title)
{
  IvcDebriefLevel *level = g_new0 (IvcDebriefLevel, 1);

  level->id = g_strdup (id);
  level->title = g_strdup (title);
  level->averages = g_new0 (double, MAX (self->interviewers->len, 1));
  level->questions = g_ptr_array_new_with_free_func ((GDestroyNotify)question_free);

  return level;
}

static void
build_levels (IvcDebrief *self)
{
  IvcScorecard *first;
  IvcDebriefLevel *removed;
  Tally team = { 0, };
  Tally removed_tally = { 0, };
  guint n = self->interviewers->len;

  if (n == 0)
    return;

  /* Every scorecard is against the same bank: the levels and their
   * questions are in the same order in each. */
  first = ((IvcDebriefInterviewer *)g_ptr_array_index (self->interviewers, 0))->scorecard;
  for (guint i = 0; i < ivc_scorecard_get_n_levels (first); i++)
    {
      const IvcScorecardLevel *source = ivc_scorecard_get_level (first, i);
      IvcDebriefLevel *level = new_level (self, source->id, source->title);
      Tally tally = { 0, };

      for (guint j = 0; j < source->entries->len; j++)
        add_question (self, level, g_ptr_array_index (source->entries, j), &tally, &team);

      for (guint k = 0; k < n; k++)
        {
          IvcDebriefInterviewer *interviewer = g_ptr_array_index (self->interviewers, k);

          level->averages[k] = ivc_scorecard_find_level (interviewer->scorecard, source->id)->average;
        }
      level->team_average = tally_average (&tally);

      g_ptr_array_add (self->levels, level);
    }

  /* Questions the bank no longer has: whoever noted one, it is shown. */
  removed = new_level (self, NULL, _("Questions no longer in the bank"));
  for (guint k = 0; k < n; k++)
    {
      IvcDebriefInterviewer *interviewer = g_ptr_array_index (self->interviewers, k);

      for (guint j = 0; j < ivc_scorecard_get_n_removed (interviewer->scorecard); j++)
        {
          const IvcScorecardEntry *entry = ivc_scorecard_get_removed (interviewer->scorecard, j);

          if (!g_hash_table_contains (self->questions, entry->question_id))
            add_question (self, removed, entry, &removed_tally, &team);
        }
    }

  for (guint k = 0; k < n; k++)
    {
      Tally tally = { 0, };

      for (guint j = 0; j < removed->questions->len; j++)
        {
          IvcDebriefQuestion *question = g_ptr_array_index (removed->questions, j);

          if (question->entries[k] != NULL)
            tally_add (&tally, question->entries[k]->score);
        }
      removed->averages[k] = tally_average (&tally);
    }
  removed->team_average = tally_average (&removed_tally);

  if (removed->questions->len > 0)
    g_ptr_array_add (self->levels, removed);
  else
    level_free (removed);

  self->team_average = tally_average (&team);
}

static gboolean
verdict_is_hire (IvcRecommendation verdict)
{
  return verdict == IVC_RECOMMENDATION_YES || verdict == IVC_RECOMMENDATION_STRONG_YES;
}

static gboolean
verdict_is_no_hire (IvcRecommendation verdict)
{
  return verdict == IVC_RECOMMENDATION_NO || verdict == IVC_RECOMMENDATION_STRONG_NO;
}

/**
 * ivc_debrief_new:
 * @bank: (nullable): the bank the candidate was interviewed with, %NULL
 *   when it is missing
 * @scorecards: (element-type IvcCandidate): every interviewer's scorecard
 *   for one candidate, in the order to show them
 * @include_drafts: whether scorecards not submitted count too (marked as
 *   drafts)
 *
 * Returns: (transfer full): the debrief
 */
IvcDebrief *
ivc_debrief_new (IvcQuestionBank *bank,
                 GPtrArray       *scorecards,
                 gboolean         include_drafts)
{
  IvcDebrief *self;
  gboolean hire = FALSE, no_hire = FALSE;

  g_return_val_if_fail (bank == NULL || IVC_IS_QUESTION_BANK (bank), NULL);
  g_return_val_if_fail (scorecards != NULL && scorecards->len > 0, NULL);

  self = g_object_new (IVC_TYPE_DEBRIEF, NULL);
  self->include_drafts = include_drafts;

  for (guint i = 0; i < scorecards->len; i++)
    {
      IvcCandidate *candidate = g_ptr_array_index (scorecards, i);
      IvcDebriefInterviewer *interviewer;
      const char *name;

      g_return_val_if_fail (IVC_IS_CANDIDATE (candidate), self);

      if (!include_drafts && !ivc_candidate_is_submitted (candidate))
        {
          self->n_left_out++;
          continue;
        }

      interviewer = g_new0 (IvcDebriefInterviewer, 1);
      interviewer->scorecard = ivc_scorecard_new (candidate, bank);
      interviewer->id = g_strdup (ivc_candidate_get_interviewer_id (candidate));
      name = ivc_scorecard_get_interviewer_name (interviewer->scorecard);
      if (name == NULL || *name == '\0')
        name = interviewer->id;
      interviewer->name = g_strdup (name != NULL ? name : _("Unnamed interviewer"));
      interviewer->draft = !ivc_candidate_is_submitted (candidate);
      interviewer->status = ivc_bias_guard_dup_status (candidate);
      g_ptr_array_add (self->interviewers, interviewer);

      if (verdict_is_hire (ivc_candidate_get_recommendation (candidate)))
        hire = TRUE;
      if (verdict_is_no_hire (ivc_candidate_get_recommendation (candidate)))
        no_hire = TRUE;

      if (self->candidate_id == NULL)
        {
          IvcScorecard *scorecard = interviewer->scorecard;

          self->candidate_id = g_strdup (ivc_scorecard_get_candidate_id (scorecard));
          self->candidate_name = g_strdup (ivc_scorecard_get_candidate_name (scorecard));
          self->role = g_strdup (ivc_scorecard_get_role (scorecard));
          self->bank_title = g_strdup (ivc_scorecard_get_bank_title (scorecard));
        }
    }

  if (self->candidate_id == NULL)
    {
      IvcCandidate *candidate = g_ptr_array_index (scorecards, 0);

      self->candidate_id = g_strdup (ivc_candidate_get_id (candidate));
      self->candidate_name = g_strdup (ivc_candidate_get_name (candidate));
      self->role = g_strdup (ivc_candidate_get_role (candidate));
      self->bank_title = bank ? g_strdup (ivc_question_bank_get_title (bank)) : NULL;
    }

  self->verdicts_disagree = hire && no_hire;
  build_levels (self);

  return self;
}

const char *
ivc_debrief_get_candidate_id (IvcDebrief *self)
{
  g_return_val_if_fail (IVC_IS_DEBRIEF (self), NULL);

  return self->candidate_id;
}

const char *
ivc_debrief_get_candidate_name (IvcDebrief *self)
{
  g_return_val_if_fail (IVC_IS_DEBRIEF (self), NULL);

  return self->candidate_name;
}

const char *
ivc_debrief_get_role (IvcDebrief *self)
{
  g_return_val_if_fail (IVC_IS_DEBRIEF (self), NULL);

  return self->role;
}

/**
 * ivc_debrief_get_bank_title:
 *
 * Returns: (nullable): the bank's title, %NULL when it is missing
 */
const char *
ivc_debrief_get_bank_title (IvcDebrief *self)
{
  g_return_val_if_fail (IVC_IS_DEBRIEF (self), NULL);

  return self->bank_title;
}

gboolean
ivc_debrief_get_include_drafts (IvcDebrief *self)
{
  g_return_val_if_fail (IVC_IS_DEBRIEF (self), FALSE);

  return self->include_drafts;
}

guint
ivc_debrief_get_n_interviewers (IvcDebrief *self)
{
  g_return_val_if_fail (IVC_IS_DEBRIEF (self), 0);

  return self->interviewers->len;
}

const IvcDebriefInterviewer *
ivc_debrief_get_interviewer (IvcDebrief *self,
                             guint       position)
{
  g_return_val_if_fail (IVC_IS_DEBRIEF (self), NULL);
  g_return_val_if_fail (position < self->interviewers->len, NULL);

  return g_ptr_array_index (self->interviewers, position);
}

/**
 * ivc_debrief_get_n_left_out:
 *
 * Returns: how many scorecards were left out as drafts
 */
guint
ivc_debrief_get_n_left_out (IvcDebrief *self)
{
  g_return_val_if_fail (IVC_IS_DEBRIEF (self), 0);

  return self->n_left_out;
}

guint
ivc_debrief_get_n_levels (IvcDebrief *self)
{
  g_return_val_if_fail (IVC_IS_DEBRIEF (self), 0);

  return self->levels->len;
}

const IvcDebriefLevel *
ivc_debrief_get_level (IvcDebrief *self,
                       guint       position)
{
  g_return_val_if_fail (IVC_IS_DEBRIEF (self), NULL);
  g_return_val_if_fail (position < self->levels->len, NULL);

  return g_ptr_array_index (self->levels, position);
}

/**
 * ivc_debrief_find_question:
 *
 * Returns: (nullable): the question, or %NULL
 */
const IvcDebriefQuestion *
ivc_debrief_find_question (IvcDebrief *self,
                           const char *question_id)
{
  g_return_val_if_fail (IVC_IS_DEBRIEF (self), NULL);
  g_return_val_if_fail (question_id != NULL, NULL);

  return g_hash_table_lookup (self->questions, question_id);
}

/**
 * ivc_debrief_get_average:
 * @interviewer: a position, as for ivc_debrief_get_interviewer()
 *
 * Returns: that interviewer's average over the bank, or
 *   %IVC_SCORECARD_NO_AVERAGE
 */
double
ivc_debrief_get_average (IvcDebrief *self,
                         guint       interviewer)
{
  const IvcDebriefInterviewer *which;

  g_return_val_if_fail (IVC_IS_DEBRIEF (self), IVC_SCORECARD_NO_AVERAGE);
  g_return_val_if_fail (interviewer < self->interviewers->len, IVC_SCORECARD_NO_AVERAGE);

  which = g_ptr_array_index (self->interviewers, interviewer);
  return ivc_scorecard_has_average (which->scorecard) ? ivc_scorecard_get_average (which->scorecard)
                                                       : IVC_SCORECARD_NO_AVERAGE;
}

/**
 * ivc_debrief_get_team_average:
 *
 * Returns: the average of every score the interviewers gave, or
 *   %IVC_SCORECARD_NO_AVERAGE
 */
double
ivc_debrief_get_team_average (IvcDebrief *self)
{
  g_return_val_if_fail (IVC_IS_DEBRIEF (self), IVC_SCORECARD_NO_AVERAGE);

  return self->team_average;
}

/**
 * ivc_debrief_get_n_disagreements:
 *
 * Returns: on how many questions two scores are
 *   %IVC_DEBRIEF_DISAGREEMENT_POINTS or more apart
 */
guint
ivc_debrief_get_n_disagreements (IvcDebrief *self)
{
  g_return_val_if_fail (IVC_IS_DEBRIEF (self), 0);

  return self->n_disagreements;
}

/**
 * ivc_debrief_get_verdicts_disagree:
 *
 * Returns: whether one interviewer would hire (yes, strong yes) and
 *   another would not (no, strong no)
 */
gboolean
ivc_debrief_get_verdicts_disagree (IvcDebrief *self)
{
  g_return_val_if_fail (IVC_IS_DEBRIEF (self), FALSE);

  return self->verdicts_disagree;
}

/**
 * ivc_debrief_list_unasked:
 *
 * Returns: (transfer container) (element-type IvcDebriefQuestion): the
 *   bank's questions that no interviewer noted anything on, in bank order
 */
GPtrArray *
ivc_debrief_list_unasked (IvcDebrief *self)
{
  GPtrArray *unasked;

  g_return_val_if_fail (IVC_IS_DEBRIEF (self), NULL);

  unasked = g_ptr_array_new ();
  for (guint i = 0; i < self->levels->len; i++)
    {
      IvcDebriefLevel *level = g_ptr_array_index (self->levels, i);

      for (guint j = 0; j < level->questions->len; j++)
        {
          IvcDebriefQuestion *question = g_ptr_array_index (level->questions, j);

          if (!question->asked)
            g_ptr_array_add (unasked, question);
        }
    }

  return unasked;
}

/**
 * ivc_debrief_dup_mark_text:
 * @entry: (nullable): one interviewer's entry on a question, %NULL when
 *   they did not ask it
 *
 * Returns: (transfer full): such as “Good (3 of 4), red flag observed”
 */
char *
ivc_debrief_dup_mark_text (const IvcScorecardEntry *entry)
{
  if (entry == NULL)
    return g_strdup (_("Not asked"));

  if (entry->score == IVC_SCORE_NONE)
    return g_strdup (entry->red_flag ? _("Not scored, red flag observed") : _("Not scored"));

  if (entry->red_flag)
    /* Translators: a score's name and number, with a red flag */
    return g_strdup_printf (_("%s (%d of 4), red flag observed"), ivc_score_get_label (entry->score), (int)entry->score);

  /* Translators: a score's name and number, such as "Good (3 of 4)" */
  return g_strdup_printf (_("%s (%d of 4)"), ivc_score_get_label (entry->score), (int)entry->score);
}

/**
 * ivc_debrief_dup_average_text:
 *
 * Returns: (transfer full): such as “3.25 of 4”, or “No scores yet”
 */
char *
ivc_debrief_dup_average_text (double average)
{
  if (average < 0)
    return g_strdup (_("No scores yet"));

  /* Translators: an average score, such as "3.25 of 4" */
  return g_strdup_printf (_("%.2f of 4"), average);
}
