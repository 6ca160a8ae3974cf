/* ivc-scorecard.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * IvcScorecard: a candidate's results against a bank: totals, coverage,
 * averages, red flags, score distribution and time per level, and the
 * notes on questions the bank no longer has.
 */

#define G_LOG_DOMAIN "ivc-scorecard"

#include "config.h"

#include "ivc-scorecard.h"

/*
 * The figures of one candidate's interview against one question bank: how
 * much was covered, the scores per level, red flags and time, and the notes
 * on questions the bank no longer has. It is a snapshot taken when it is
 * made; after the candidate changes, make a new one. The view draws it, the
 * comparison table reads it, and the exporters write it out.
 *
 * Totals (scored, average, red flags, distribution, question time) are over
 * the questions of the bank only, so that they equal the sums of the levels
 * and candidates interviewed with an older version of a bank compare fairly
 * with newer ones. Evaluations of questions the bank no longer has are
 * listed apart, with their own score, red flag, notes and time.
 *
 * Its texts are valid UTF-8 even if what was set on the candidate was not,
 * so that the view and the exporters need not check.
 */
struct _IvcScorecard
{
  GObject            parent_instance;

  IvcCandidate      *candidate;
  IvcQuestionBank   *bank;

  char              *candidate_id;
  char              *candidate_name;
  char              *role;
  char              *interview_date;
  char              *interviewer_id;
  char              *interviewer_name;
  char              *bank_id;
  char              *bank_title;
  char              *summary;
  IvcRecommendation  recommendation;
  guint64            interview_seconds;

  /* IvcScorecardLevel, in bank order. */
  GPtrArray         *levels;
  /* IvcScorecardEntry of questions no longer in the bank, by question id. */
  GPtrArray         *removed;
  /* Question id → IvcScorecardEntry, owned by the arrays above. */
  GHashTable        *entries_by_id;

  guint              n_questions;
  guint              n_scored;
  guint              n_red_flags;
  guint              distribution[IVC_SCORE_MAX + 1];
  guint64            score_sum;
  guint64            question_seconds;
};

G_DEFINE_FINAL_TYPE (IvcScorecard, ivc_scorecard, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CANDIDATE,
  PROP_BANK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Text as it is shown and exported: valid UTF-8, whatever was set. */
static char *
dup_text (const char *text)
{
  if (text == NULL)
    return NULL;

  if (g_utf8_validate (text, -1, NULL))
    return g_strdup (text);

  return g_utf8_make_valid (text, -1);
}

static void
entry_free (gpointer data)
{
  IvcScorecardEntry *entry = data;

  g_free (entry->question_id);
  g_free (entry->question);
  g_free (entry->level_id);
  g_free (entry->notes);
  g_free (entry->rubric_anchor);
  g_free (entry);
}

static void
level_free (gpointer data)
{
  IvcScorecardLevel *level = data;

  g_free (level->id);
  g_free (level->title);
  g_clear_pointer (&level->entries, g_ptr_array_unref);
  g_free (level);
}

/* @question is %NULL for a question the bank no longer has. */
static IvcScorecardEntry *
entry_new (const char    *question_id,
           IvcQuestion   *question,
           IvcLevel      *level,
           IvcEvaluation *evaluation)
{
  IvcScorecardEntry *entry = g_new0 (IvcScorecardEntry, 1);

  entry->question_id = dup_text (question_id);
  if (question != NULL)
    entry->question = dup_text (ivc_question_get_question (question));
  if (level != NULL)
    entry->level_id = dup_text (ivc_level_get_id (level));

  if (evaluation != NULL)
    {
      entry->score = ivc_evaluation_get_score (evaluation);
      entry->red_flag = ivc_evaluation_get_red_flag_observed (evaluation);
      entry->notes = dup_text (ivc_evaluation_get_notes (evaluation));
      entry->seconds = ivc_evaluation_get_seconds (evaluation);
    }
  else
    {
      entry->score = IVC_SCORE_NONE;
      entry->notes = g_strdup ("");
    }

  g_assert (entry->score <= IVC_SCORE_MAX);

  if (question != NULL && entry->score != IVC_SCORE_NONE)
    entry->rubric_anchor = g_strdup (ivc_question_get_rubric_anchor (question, entry->score));

  return entry;
}

static IvcScorecardLevel *
compute_level (IvcScorecard *self,
               IvcLevel     *level)
{
  IvcScorecardLevel *result = g_new0 (IvcScorecardLevel, 1);
  GListModel *questions = ivc_level_get_questions (level);
  guint n = g_list_model_get_n_items (questions);
  guint64 score_sum = 0;

  result->id = dup_text (ivc_level_get_id (level));
  result->title = dup_text (ivc_level_get_title (level));
  result->entries = g_ptr_array_new_full (n, entry_free);
  result->n_questions = n;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IvcQuestion) question = g_list_model_get_item (questions, i);
      const char *question_id = ivc_question_get_id (question);
      IvcEvaluation *evaluation = ivc_candidate_get_evaluation (self->candidate, question_id);
      IvcScorecardEntry *entry = entry_new (question_id, question, level, evaluation);

      g_ptr_array_add (result->entries, entry);
      g_hash_table_insert (self->entries_by_id, entry->question_id, entry);

      result->distribution[entry->score]++;
      if (entry->score != IVC_SCORE_NONE)
        {
          result->n_scored++;
          score_sum += entry->score;
        }
      if (entry->red_flag)
        result->n_red_flags++;
      result->seconds += entry->seconds;
    }

  if (result->n_scored > 0)
    result->average = (double) score_sum / result->n_scored;
  else
    result->average = IVC_SCORECARD_NO_AVERAGE;

  self->n_questions += result->n_questions;
  self->n_scored += result->n_scored;
  self->n_red_flags += result->n_red_flags;
  self->score_sum += score_sum;
  self->question_seconds += result->seconds;
  for (guint s = 0; s <= IVC_SCORE_MAX; s++)
    self->distribution[s] += result->distribution[s];

  return result;
}

static void
ivc_scorecard_compute (IvcScorecard *self)
{
  g_autoptr(GPtrArray) evaluations = NULL;
  IvcCandidate *candidate = self->candidate;

  self->candidate_id = dup_text (ivc_candidate_get_id (candidate));
  self->candidate_name = dup_text (ivc_candidate_get_name (candidate));
  self->role = dup_text (ivc_candidate_get_role (candidate));
  self->interview_date = dup_text (ivc_candidate_get_interview_date (candidate));
  self->interviewer_id = dup_text (ivc_candidate_get_interviewer_id (candidate));
  self->interviewer_name = dup_text (ivc_candidate_get_interviewer_name (candidate));
  self->summary = dup_text (ivc_candidate_get_summary (candidate));
  self->recommendation = ivc_candidate_get_recommendation (candidate);
  self->interview_seconds = ivc_candidate_get_interview_seconds (candidate);

  if (self->bank != NULL)
    {
      GListModel *levels = ivc_question_bank_get_levels (self->bank);
      guint n_levels = g_list_model_get_n_items (levels);

      self->bank_id = dup_text (ivc_question_bank_get_id (self->bank));
      self->bank_title = dup_text (ivc_question_bank_get_title (self->bank));

      for (guint i = 0; i < n_levels; i++)
        {
          g_autoptr(IvcLevel) level = g_list_model_get_item (levels, i);

          g_ptr_array_add (self->levels, compute_level (self, level));
        }
    }
  else
    {
      self->bank_id = dup_text (ivc_candidate_get_bank_id (candidate));
    }

  /* Sorted by question id, and without the empty ones. */
  evaluations = ivc_candidate_list_evaluations (candidate);
  for (guint i = 0; i < evaluations->len; i++)
    {
      IvcEvaluation *evaluation = g_ptr_array_index (evaluations, i);
      const char *question_id = ivc_evaluation_get_question_id (evaluation);
      IvcScorecardEntry *entry;

      if (g_hash_table_contains (self->entries_by_id, question_id))
        continue;

      entry = entry_new (question_id, NULL, NULL, evaluation);
      g_ptr_array_add (self->removed, entry);
      g_hash_table_insert (self->entries_by_id, entry->question_id, entry);
    }
}

static void
ivc_scorecard_constructed (GObject *object)
{
  IvcScorecard *self = (IvcScorecard *)object;

  G_OBJECT_CLASS (ivc_scorecard_parent_class)->constructed (object);

  g_return_if_fail (IVC_IS_CANDIDATE (self->candidate));

  ivc_scorecard_compute (self);
}

static void
ivc_scorecard_dispose (GObject *object)
{
  IvcScorecard *self = (IvcScorecard *)object;

  g_clear_object (&self->candidate);
  g_clear_object (&self->bank);

  G_OBJECT_CLASS (ivc_scorecard_parent_class)->dispose (object);
}

static void
ivc_scorecard_finalize (GObject *object)
{
  IvcScorecard *self = (IvcScorecard *)object;

  g_clear_pointer (&self->candidate_id, g_free);
  g_clear_pointer (&self->candidate_name, g_free);
  g_clear_pointer (&self->role, g_free);
  g_clear_pointer (&self->interview_date, g_free);
  g_clear_pointer (&self->interviewer_id, g_free);
  g_clear_pointer (&self->interviewer_name, g_free);
  g_clear_pointer (&self->bank_id, g_free);
  g_clear_pointer (&self->bank_title, g_free);
  g_clear_pointer (&self->summary, g_free);
  g_clear_pointer (&self->entries_by_id, g_hash_table_unref);
  g_clear_pointer (&self->levels, g_ptr_array_unref);
  g_clear_pointer (&self->removed, g_ptr_array_unref);

  G_OBJECT_CLASS (ivc_scorecard_parent_class)->finalize (object);
}

static void
ivc_scorecard_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  IvcScorecard *self = IVC_SCORECARD (object);

  switch (prop_id)
    {
    case PROP_CANDIDATE:
      g_value_set_object (value, self->candidate);
      break;

    case PROP_BANK:
      g_value_set_object (value, self->bank);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ivc_scorecard_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  IvcScorecard *self = IVC_SCORECARD (object);

  switch (prop_id)
    {
    case PROP_CANDIDATE:
      self->candidate = g_value_dup_object (value);
      break;

    case PROP_BANK:
      self->bank = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ivc_scorecard_class_init (IvcScorecardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = ivc_scorecard_constructed;
  object_class->dispose = ivc_scorecard_dispose;
  object_class->finalize = ivc_scorecard_finalize;
  object_class->get_property = ivc_scorecard_get_property;
  object_class->set_property = ivc_scorecard_set_property;

  properties[PROP_CANDIDATE] =
    g_param_spec_object ("candidate", NULL, NULL, IVC_TYPE_CANDIDATE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * IvcScorecard:bank:
   *
   * The question bank the candidate was interviewed with, or %NULL when it
   * is missing: then every evaluation is listed as no longer in the bank.
   */
  properties[PROP_BANK] =
    g_param_spec_object ("bank", NULL, NULL, IVC_TYPE_QUESTION_BANK,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ivc_scorecard_init (IvcScorecard *self)
{
  self->levels = g_ptr_array_new_with_free_func (level_free);
  self->removed = g_ptr_array_new_with_free_func (entry_free);
  self->entries_by_id = g_hash_table_new (g_str_hash, g_str_equal);
}

/**
 * ivc_scorecard_new:
 * @candidate: the candidate
 * @bank: (nullable): the bank the candidate was interviewed with, %NULL
 *   when it is missing
 *
 * Computes the scorecard of @candidate as it is now.
 *
 * Returns: (transfer full): a new scorecard
 */
IvcScorecard *
ivc_scorecard_new (IvcCandidate    *candidate,
                   IvcQuestionBank *bank)
{
  g_return_val_if_fail (IVC_IS_CANDIDATE (candidate), NULL);
  g_return_val_if_fail (bank == NULL || IVC_IS_QUESTION_BANK (bank), NULL);

  return g_object_new (IVC_TYPE_SCORECARD,
                       "candidate", candidate,
                       "bank", bank,
                       NULL);
}

/**
 * ivc_scorecard_get_candidate:
 *
 * Returns: (transfer none): the candidate, who may have changed since the
 *   scorecard was made
 */
IvcCandidate *
ivc_scorecard_get_candidate (IvcScorecard *self)
{
  g_return_val_if_fail (IVC_IS_SCORECARD (self), NULL);

  return self->candidate;
}

/**
 * ivc_scorecard_get_bank:
 *
 * Returns: (transfer none) (nullable): the bank, %NULL when it is missing
 */
IvcQuestionBank *
ivc_scorecard_get_bank (IvcScorecard *self)
{
  g_return_val_if_fail (IVC_IS_SCORECARD (self), NULL);

  return self->bank;
}

const char *
ivc_scorecard_get_candidate_id (IvcScorecard *self)
{
  g_return_val_if_fail (IVC_IS_SCORECARD (self), NULL);

  return self->candidate_id;
}

/**
 * ivc_scorecard_get_candidate_name:
 *
 * Returns: the candidate's name; it may be ""
 */
const char *
ivc_scorecard_get_candidate_name (IvcScorecard *self)
{
  g_return_val_if_fail (IVC_IS_SCORECARD (self), NULL);

  return self->candidate_name;
}

/**
 * ivc_scorecard_get_role:
 *
 * Returns: the role applied for; "" when not given
 */
const char *
ivc_scorecard_get_role (IvcScorecard *self)
{
  g_return_val_if_fail (IVC_IS_SCORECARD (self), NULL);

  return self->role;
}

/**
 * ivc_scorecard_get_interview_date:
 *
 * Returns: the day of the interview as “YYYY-MM-DD”; "" when not given
 */
const char *
ivc_scorecard_get_interview_date (IvcScorecard *self)
{
  g_return_val_if_fail (IVC_IS_SCORECARD (self), NULL);

  return self->interview_date;
}

/**
 * ivc_scorecard_get_interviewer_id:
 *
 * Returns: (nullable): whose scorecard this is
 */
const char *
ivc_scorecard_get_interviewer_id (IvcScorecard *self)
{
  g_return_val_if_fail (IVC_IS_SCORECARD (self), NULL);

  return self->interviewer_id;
}

/**
 * ivc_scorecard_get_interviewer_name:
 *
 * Returns: (nullable): the name of the interviewer whose scorecard this is
 */
const char *
ivc_scorecard_get_interviewer_name (IvcScorecard *self)
{
  g_return_val_if_fail (IVC_IS_SCORECARD (self), NULL);

  return self->interviewer_name;
}

/**
 * ivc_scorecard_get_bank_id:
 *
 * Returns: the id of the bank; when the bank is missing, the id the
 *   candidate names, "" if none
 */
const char *
ivc_scorecard_get_bank_id (IvcScorecard *self)
{
  g_return_val_if_fail (IVC_IS_SCORECARD (self), NULL);

  return self->bank_id;
}

/**
 * ivc_scorecard_get_bank_title:
 *
 * Returns: (nullable): the title of the bank, %NULL when it is missing
 */
const char *
ivc_scorecard_get_bank_title (IvcScorecard *self)
{
  g_return_val_if_fail (IVC_IS_SCORECARD (self), NULL);

  return self->bank_title;
}

IvcRecommendation
ivc_scorecard_get_recommendation (IvcScorecard *self)
{
  g_return_val_if_fail (IVC_IS_SCORECARD (self), IVC_RECOMMENDATION_NONE);

  return self->recommendation;
}

/**
 * ivc_scorecard_get_summary:
 *
 * Returns: the summary notes; "" when there are none
 */
const char *
ivc_scorecard_get_summary (IvcScorecard *self)
{
  g_return_val_if_fail (IVC_IS_SCORECARD (self), NULL);

  return self->summary;
}

/**
 * ivc_scorecard_get_interview_seconds:
 *
 * Returns: how long the interview timer ran in total
 */
guint64
ivc_scorecard_get_interview_seconds (IvcScorecard *self)
{
  g_return_val_if_fail (IVC_IS_SCORECARD (self), 0);

  return self->interview_seconds;
}

/**
 * ivc_scorecard_get_n_questions:
 *
 * Returns: how many questions the bank has; 0 when it is missing
 */
guint
ivc_scorecard_get_n_questions (IvcScorecard *self)
{
  g_return_val_if_fail (IVC_IS_SCORECARD (self), 0);

  return self->n_questions;
}

/**
 * ivc_scorecard_get_n_scored:
 *
 * Returns: how many questions of the bank have a score
 */
guint
ivc_scorecard_get_n_scored (IvcScorecard *self)
{
  g_return_val_if_fail (IVC_IS_SCORECARD (self), 0);

  return self->n_scored;
}

/**
 * ivc_scorecard_get_coverage:
 *
 * Returns: the share of the bank's questions that have a score, from 0 to
 *   1; 0 when the bank has no questions or is missing
 */
double
ivc_scorecard_get_coverage (IvcScorecard *self)
{
  g_return_val_if_fail (IVC_IS_SCORECARD (self), 0.0);

  if (self->n_questions == 0)
    return 0.0;

  return (double) self->n_scored / self->n_questions;
}

/**
 * ivc_scorecard_get_average:
 *
 * Returns: the average score over the scored questions of the bank, from 1
 *   to 4; %IVC_SCORECARD_NO_AVERAGE (negative) when none was scored
 */
double
ivc_scorecard_get_average (IvcScorecard *self)
{
  g_return_val_if_fail (IVC_IS_SCORECARD (self), IVC_SCORECARD_NO_AVERAGE);

  if (self->n_scored == 0)
    return IVC_SCORECARD_NO_AVERAGE;

  return (double) self->score_sum / self->n_scored;
}

/**
 * ivc_scorecard_has_average:
 *
 * Returns: %TRUE if at least one question of the bank was scored
 */
gboolean
ivc_scorecard_has_average (IvcScorecard *self)
{
  g_return_val_if_fail (IVC_IS_SCORECARD (self), FALSE);

  return self->n_scored > 0;
}

/**
 * ivc_scorecard_get_n_red_flags:
 *
 * Returns: on how many questions of the bank the red flag was observed
 */
guint
ivc_scorecard_get_n_red_flags (IvcScorecard *self)
{
  g_return_val_if_fail (IVC_IS_SCORECARD (self), 0);

  return self->n_red_flags;
}

/**
 * ivc_scorecard_get_n_with_score:
 *
 * Returns: how many questions of the bank have @score; for
 *   %IVC_SCORE_NONE, how many have none
 */
guint
ivc_scorecard_get_n_with_score (IvcScorecard *self,
                                IvcScore      score)
{
  g_return_val_if_fail (IVC_IS_SCORECARD (self), 0);
  g_return_val_if_fail (score <= IVC_SCORE_MAX, 0);

  return self->distribution[score];
}

/**
 * ivc_scorecard_get_question_seconds:
 *
 * Returns: the time spent on the bank's questions, the sum over the levels
 */
guint64
ivc_scorecard_get_question_seconds (IvcScorecard *self)
{
  g_return_val_if_fail (IVC_IS_SCORECARD (self), 0);

  return self->question_seconds;
}

/**
 * ivc_scorecard_get_n_levels:
 *
 * Returns: how many levels the bank has; 0 when it is missing
 */
guint
ivc_scorecard_get_n_levels (IvcScorecard *self)
{
  g_return_val_if_fail (IVC_IS_SCORECARD (self), 0);

  return self->levels->len;
}

/**
 * ivc_scorecard_get_level:
 * @position: from 0 to ivc_scorecard_get_n_levels() - 1, in bank order
 *
 * Returns: (transfer none): the figures of that level
 */
const IvcScorecardLevel *
ivc_scorecard_get_level (IvcScorecard *self,
                         guint         position)
{
  g_return_val_if_fail (IVC_IS_SCORECARD (self), NULL);
  g_return_val_if_fail (position < self->levels->len, NULL);

  return g_ptr_array_index (self->levels, position);
}

/**
 * ivc_scorecard_find_level:
 *
 * Finds a level by id, as a table comparing candidates does.
 *
 * Returns: (transfer none) (nullable): the figures of that level, %NULL if
 *   the bank has no such level
 */
const IvcScorecardLevel *
ivc_scorecard_find_level (IvcScorecard *self,
                          const char   *level_id)
{
  g_return_val_if_fail (IVC_IS_SCORECARD (self), NULL);

  if (level_id == NULL)
    return NULL;

  for (guint i = 0; i < self->levels->len; i++)
    {
      const IvcScorecardLevel *level = g_ptr_array_index (self->levels, i);

      if (g_str_equal (level->id, level_id))
        return level;
    }

  return NULL;
}

/**
 * ivc_scorecard_find_entry:
 *
 * Finds a question of the bank, or one that is no longer in it, by id.
 *
 * Returns: (transfer none) (nullable): the entry, %NULL if the bank has no
 *   such question and it was not evaluated either
 */
const IvcScorecardEntry *
ivc_scorecard_find_entry (IvcScorecard *self,
                          const char   *question_id)
{
  g_return_val_if_fail (IVC_IS_SCORECARD (self), NULL);

  if (question_id == NULL)
    return NULL;

  return g_hash_table_lookup (self->entries_by_id, question_id);
}

/**
 * ivc_scorecard_get_n_removed:
 *
 * Returns: how many questions the candidate has a score, red flag, notes or
 *   time for that the bank no longer has (all of them when it is missing)
 */
guint
ivc_scorecard_get_n_removed (IvcScorecard *self)
{
  g_return_val_if_fail (IVC_IS_SCORECARD (self), 0);

  return self->removed->len;
}

/**
 * ivc_scorecard_get_removed:
 * @position: from 0 to ivc_scorecard_get_n_removed() - 1, sorted by
 *   question id
 *
 * Returns: (transfer none): an evaluation of a question the bank no longer
 *   has; its @question and @level_id are %NULL
 */
const IvcScorecardEntry *
ivc_scorecard_get_removed (IvcScorecard *self,
                           guint         position)
{
  g_return_val_if_fail (IVC_IS_SCORECARD (self), NULL);
  g_return_val_if_fail (position < self->removed->len, NULL);

  return g_ptr_array_index (self->removed, position);
}
