/* ivc-evaluation.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * IvcEvaluation: one candidate's evaluation of one question: the score,
 * whether a red flag was observed, the notes and the time spent on it.
 */

#define G_LOG_DOMAIN "ivc-evaluation"

#include "config.h"

#include <glib/gi18n.h>

#include "ivc-evaluation.h"
#include "ivc-text.h"

/* What one interviewer noted about one question for one candidate. */
struct _IvcEvaluation
{
  GObject   parent_instance;

  /* Both are GRefStrings: the autosave takes them by reference
   * (ivc_candidate_snapshot_new()), and a worker thread lets them go. */
  char     *question_id;
  char     *notes;
  guint64   seconds;
  IvcScore  score;
  guint     red_flag_observed : 1;
};

G_DEFINE_FINAL_TYPE (IvcEvaluation, ivc_evaluation, G_TYPE_OBJECT)

/* The nicks are what a candidate file would say, should it ever name a
 * score; today the file stores the number. */
G_DEFINE_ENUM_TYPE (IvcScore, ivc_score,
  G_DEFINE_ENUM_VALUE (IVC_SCORE_NONE, "none"),
  G_DEFINE_ENUM_VALUE (IVC_SCORE_POOR, "poor"),
  G_DEFINE_ENUM_VALUE (IVC_SCORE_MIXED, "mixed"),
  G_DEFINE_ENUM_VALUE (IVC_SCORE_GOOD, "good"),
  G_DEFINE_ENUM_VALUE (IVC_SCORE_STRONG, "strong"))

enum {
  PROP_0,
  PROP_QUESTION_ID,
  PROP_SCORE,
  PROP_RED_FLAG_OBSERVED,
  PROP_NOTES,
  PROP_SECONDS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/**
 * ivc_score_get_label:
 *
 * Returns: the name of @score for display, such as “Good”
 */
const char *
ivc_score_get_label (IvcScore score)
{
  switch (score)
    {
    case IVC_SCORE_NONE:
      return _("No score");
    case IVC_SCORE_POOR:
      return _("Poor");
    case IVC_SCORE_MIXED:
      return _("Mixed");
    case IVC_SCORE_GOOD:
      return _("Good");
    case IVC_SCORE_STRONG:
      return _("Strong");
    default:
      g_return_val_if_reached (NULL);
    }
}

static void
ivc_evaluation_finalize (GObject *object)
{
  IvcEvaluation *self = (IvcEvaluation *)object;

  g_clear_pointer (&self->question_id, g_ref_string_release);
  g_clear_pointer (&self->notes, g_ref_string_release);

  G_OBJECT_CLASS (ivc_evaluation_parent_class)->finalize (object);
}

static void
ivc_evaluation_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  IvcEvaluation *self = IVC_EVALUATION (object);

  switch (prop_id)
    {
    case PROP_QUESTION_ID:
      g_value_set_string (value, self->question_id);
      break;

    case PROP_SCORE:
      g_value_set_enum (value, self->score);
      break;

    case PROP_RED_FLAG_OBSERVED:
      g_value_set_boolean (value, self->red_flag_observed);
      break;

    case PROP_NOTES:
      g_value_set_string (value, self->notes);
      break;

    case PROP_SECONDS:
      g_value_set_uint64 (value, self->seconds);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ivc_evaluation_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  IvcEvaluation *self = IVC_EVALUATION (object);

  switch (prop_id)
    {
    case PROP_QUESTION_ID:
      g_clear_pointer (&self->question_id, g_ref_string_release);
      if (g_value_get_string (value) != NULL)
        self->question_id = g_ref_string_new (g_value_get_string (value));
      break;

    case PROP_SCORE:
      ivc_evaluation_set_score (self, g_value_get_enum (value));
      break;

    case PROP_RED_FLAG_OBSERVED:
      ivc_evaluation_set_red_flag_observed (self, g_value_get_boolean (value));
      break;

    case PROP_NOTES:
      ivc_evaluation_set_notes (self, g_value_get_string (value));
      break;

    case PROP_SECONDS:
      ivc_evaluation_set_seconds (self, g_value_get_uint64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ivc_evaluation_class_init (IvcEvaluationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ivc_evaluation_finalize;
  object_class->get_property = ivc_evaluation_get_property;
  object_class->set_property = ivc_evaluation_set_property;

  properties[PROP_QUESTION_ID] =
    g_param_spec_string ("question-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SCORE] =
    g_param_spec_enum ("score", NULL, NULL, IVC_TYPE_SCORE, IVC_SCORE_NONE,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RED_FLAG_OBSERVED] =
    g_param_spec_boolean ("red-flag-observed", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NOTES] =
    g_param_spec_string ("notes", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * IvcEvaluation:seconds:
   *
   * How long the question was on screen while the interview timer ran.
   */
  properties[PROP_SECONDS] =
    g_param_spec_uint64 ("seconds", NULL, NULL, 0, IVC_EVALUATION_MAX_SECONDS, 0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ivc_evaluation_init (IvcEvaluation *self)
{
  self->notes = g_ref_string_new ("");
}

/**
 * ivc_evaluation_new:
 * @question_id: the id of the question in its bank
 *
 * Evaluations are keyed by question id only, so that they stay attached to
 * their question when a bank is reordered, and are kept when the question
 * leaves the bank.
 */
IvcEvaluation *
ivc_evaluation_new (const char *question_id)
{
  g_return_val_if_fail (question_id != NULL && *question_id, NULL);

  return g_object_new (IVC_TYPE_EVALUATION,
                       "question-id", question_id,
                       NULL);
}

const char *
ivc_evaluation_get_question_id (IvcEvaluation *self)
{
  g_return_val_if_fail (IVC_IS_EVALUATION (self), NULL);

  return self->question_id;
}

IvcScore
ivc_evaluation_get_score (IvcEvaluation *self)
{
  g_return_val_if_fail (IVC_IS_EVALUATION (self), IVC_SCORE_NONE);

  return self->score;
}

void
ivc_evaluation_set_score (IvcEvaluation *self,
                          IvcScore       score)
{
  g_return_if_fail (IVC_IS_EVALUATION (self));
  g_return_if_fail (score <= IVC_SCORE_MAX);

  if (self->score == score)
    return;

  self->score = score;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCORE]);
}

gboolean
ivc_evaluation_get_red_flag_observed (IvcEvaluation *self)
{
  g_return_val_if_fail (IVC_IS_EVALUATION (self), FALSE);

  return self->red_flag_observed;
}

void
ivc_evaluation_set_red_flag_observed (IvcEvaluation *self,
                                      gboolean       red_flag_observed)
{
  g_return_if_fail (IVC_IS_EVALUATION (self));

  red_flag_observed = !!red_flag_observed;
  if (self->red_flag_observed == red_flag_observed)
    return;

  self->red_flag_observed = red_flag_observed;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RED_FLAG_OBSERVED]);
}

/**
 * ivc_evaluation_get_notes:
 *
 * Returns: the notes; never %NULL, "" when there are none
 */
const char *
ivc_evaluation_get_notes (IvcEvaluation *self)
{
  g_return_val_if_fail (IVC_IS_EVALUATION (self), NULL);

  return self->notes;
}

/**
 * ivc_evaluation_set_notes:
 * @notes: (nullable): the notes, %NULL meaning none
 *
 * Notes longer than %IVC_EVALUATION_MAX_NOTES_CHARS are cut there (see
 * ivc_text_bound()): whatever the notes hold, their file can be read again.
 */
void
ivc_evaluation_set_notes (IvcEvaluation *self,
                          const char    *notes)
{
  g_autofree char *bounded = NULL;

  g_return_if_fail (IVC_IS_EVALUATION (self));

  bounded = ivc_text_bound (notes, IVC_EVALUATION_MAX_NOTES_CHARS, self->notes);
  _ivc_evaluation_set_saved_notes (self, bounded ? bounded : notes);
}

/* For the candidate file's reader: the notes as a file holds them, kept
 * whole even when longer than the limit (from a version before it). */
void
_ivc_evaluation_set_saved_notes (IvcEvaluation *self,
                                 const char    *notes)
{
  g_return_if_fail (IVC_IS_EVALUATION (self));

  if (notes == NULL)
    notes = "";

  if (g_strcmp0 (self->notes, notes) == 0)
    return;

  g_ref_string_release (self->notes);
  self->notes = g_ref_string_new (notes);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTES]);
}

/* For the autosave: the question id and the notes, which never change in
 * place, as references any thread may read and let go. */
char *
_ivc_evaluation_ref_question_id (IvcEvaluation *self)
{
  g_return_val_if_fail (IVC_IS_EVALUATION (self), NULL);

  return g_ref_string_acquire (self->question_id);
}

char *
_ivc_evaluation_ref_notes (IvcEvaluation *self)
{
  g_return_val_if_fail (IVC_IS_EVALUATION (self), NULL);

  return g_ref_string_acquire (self->notes);
}

guint64
ivc_evaluation_get_seconds (IvcEvaluation *self)
{
  g_return_val_if_fail (IVC_IS_EVALUATION (self), 0);

  return self->seconds;
}

void
ivc_evaluation_set_seconds (IvcEvaluation *self,
                            guint64        seconds)
{
  g_return_if_fail (IVC_IS_EVALUATION (self));

  seconds = MIN (seconds, IVC_EVALUATION_MAX_SECONDS);
  if (self->seconds == seconds)
    return;

  self->seconds = seconds;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SECONDS]);
}

/**
 * ivc_evaluation_is_empty:
 *
 * Returns: %TRUE if nothing was noted: no score, no red flag, no notes and
 *   no time spent. Empty evaluations are not written to disk.
 */
gboolean
ivc_evaluation_is_empty (IvcEvaluation *self)
{
  g_return_val_if_fail (IVC_IS_EVALUATION (self), TRUE);

  return self->score == IVC_SCORE_NONE && !self->red_flag_observed &&
         self->notes[0] == '\0' && self->seconds == 0;
}
