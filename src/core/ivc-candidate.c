/* ivc-candidate.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One interviewer's scorecard for one candidate: who the candidate is, a
 * score and notes per question, the plan and the overall verdict.
 */

#define G_LOG_DOMAIN "ivc-candidate"

#include "config.h"

#include <string.h>

#include "ivc-candidate.h"
#include "ivc-candidate-private.h"
#include "ivc-id.h"
#include "ivc-text.h"


G_DEFINE_FINAL_TYPE (IvcCandidate, ivc_candidate, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_ROLE,
  PROP_INTERVIEW_DATE,
  PROP_BANK_ID,
  PROP_RECOMMENDATION,
  PROP_SUMMARY,
  PROP_CREATED,
  PROP_MODIFIED,
  PROP_INTERVIEWER_ID,
  PROP_INTERVIEWER_NAME,
  PROP_N_SCORED,
  PROP_PLAN,
  PROP_INTERVIEW_SECONDS,
  PROP_SUBMITTED,
  PROP_AMENDED,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* The limits of ivc-candidate.h add up to a file that can be read again:
 * the text fields and notes at their limits at the most bytes a character
 * takes, the plan and the evaluations' ids and members, and room for the
 * rest (format, ids, dates, numbers and the JSON around them). */
#define EVALUATION_MEMBERS_BYTES 192
#define OTHER_MEMBERS_BYTES      4096
G_STATIC_ASSERT ((guint64)OTHER_MEMBERS_BYTES +
                 (guint64)IVC_CANDIDATE_MAX_BYTES_PER_CHAR *
                   (2 * IVC_CANDIDATE_MAX_NAME_CHARS + IVC_CANDIDATE_MAX_ROLE_CHARS +
                    IVC_CANDIDATE_MAX_SUMMARY_CHARS) +
                 (guint64)IVC_CANDIDATE_MAX_PLAN * (IVC_ID_MAX_CHARS + 8) +
                 (guint64)IVC_CANDIDATE_MAX_FULL_EVALUATIONS *
                   (IVC_ID_MAX_CHARS + EVALUATION_MEMBERS_BYTES +
                    (guint64)IVC_CANDIDATE_MAX_BYTES_PER_CHAR * IVC_EVALUATION_MAX_NOTES_CHARS)
                 <= IVC_CANDIDATE_MAX_FILE_SIZE);

/**
 * ivc_candidate_id_is_valid:
 *
 * Candidate and interviewer ids name folders and files, so they follow the
 * rules of every id (ivc_id_is_valid()).
 */
gboolean
ivc_candidate_id_is_valid (const char *id)
{
  return ivc_id_is_valid (id);
}

/**
 * ivc_candidate_generate_id:
 *
 * Makes a new candidate or interviewer id: %IVC_CANDIDATE_ID_PREFIX and
 * %IVC_CANDIDATE_ID_RANDOM_BITS random bits in lowercase hex, such as
 * “c-3f9a01c2…”. Ids name folders and files, which sync tools copy and
 * log, so they carry nothing of the person: the name is only inside the
 * files. Ids made from names by earlier versions stay valid.
 *
 * Returns: (transfer full): a valid id, unique in practice
 */
char *
ivc_candidate_generate_id (void)
{
  GString *id = g_string_new (IVC_CANDIDATE_ID_PREFIX);

  /* GLib's generator is seeded from /dev/urandom. */
  for (guint i = 0; i < IVC_CANDIDATE_ID_RANDOM_BITS / 32; i++)
    g_string_append_printf (id, "%08" G_GINT32_MODIFIER "x", g_random_int ());

  g_assert (ivc_id_is_valid (id->str));

  return g_string_free (id, FALSE);
}

/**
 * ivc_candidate_date_is_valid:
 *
 * Returns: %TRUE if @date is a calendar date written as “YYYY-MM-DD”
 */
gboolean
ivc_candidate_date_is_valid (const char *date)
{
  return ivc_date_is_valid (date);
}

/* Replaces *field by value, "" for NULL; returns whether it changed. */
gboolean
_ivc_candidate_set_string (char       **field,
                           const char  *value)
{
  if (value == NULL)
    value = "";

  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

/* _ivc_candidate_set_string() for a field with a limit: see
 * ivc_text_bound(). */
static gboolean
set_bounded_string (char       **field,
                    const char  *value,
                    gsize        max_chars)
{
  g_autofree char *bounded = ivc_text_bound (value, max_chars, *field);

  return _ivc_candidate_set_string (field, bounded ? bounded : value);
}

/* The time of a change: later than any other change in this process, so
 * that "most recent first" never has a tie, even within a microsecond. */
static GDateTime *
dup_change_time (void)
{
  static gint64 last_us;
  G_LOCK_DEFINE_STATIC (last_us);
  g_autoptr(GDateTime) second = NULL;
  gint64 now = g_get_real_time ();

  G_LOCK (last_us);
  if (now <= last_us)
    now = last_us + 1;
  last_us = now;
  G_UNLOCK (last_us);

  second = g_date_time_new_from_unix_utc (now / G_USEC_PER_SEC);
  return g_date_time_add (second, now % G_USEC_PER_SEC);
}

/* Everything that is saved changed: the store saves on "changed", and the
 * modification time orders the list of candidates. */
static void
ivc_candidate_touch (IvcCandidate *self)
{
  g_autoptr(GDateTime) now = dup_change_time ();

  /* Later than the last change even if it came from a computer whose
   * clock is ahead. */
  if (self->modified != NULL && g_date_time_compare (now, self->modified) <= 0)
    {
      g_date_time_unref (now);
      now = g_date_time_add (self->modified, 1);
    }

  g_clear_pointer (&self->modified, g_date_time_unref);
  self->modified = g_steal_pointer (&now);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);

  g_signal_emit (self, signals[CHANGED], 0);
}

/* A change to what the team judges by (a score, red flag, note, the
 * verdict or the summary): after submitting, it amends the scorecard. */
static void
ivc_candidate_touch_scorecard (IvcCandidate *self)
{
  if (self->submitted != NULL)
    {
      g_clear_pointer (&self->amended, g_date_time_unref);
      self->amended = dup_change_time ();
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AMENDED]);
    }

  ivc_candidate_touch (self);
}

void
_ivc_candidate_update_n_scored (IvcCandidate *self)
{
  GHashTableIter iter;
  gpointer value;
  guint n_scored = 0;

  g_hash_table_iter_init (&iter, self->evaluations);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      if (ivc_evaluation_get_score (value) != IVC_SCORE_NONE)
        n_scored++;
    }

  if (self->n_scored == n_scored)
    return;

  self->n_scored = n_scored;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_SCORED]);
}

static void
on_evaluation_notify_cb (IvcEvaluation *evaluation,
                         GParamSpec    *pspec,
                         IvcCandidate  *self)
{
  if (g_strcmp0 (pspec->name, "score") == 0)
    _ivc_candidate_update_n_scored (self);

  /* The time on a question is not a judgement. */
  if (g_strcmp0 (pspec->name, "seconds") == 0)
    ivc_candidate_touch (self);
  else
    ivc_candidate_touch_scorecard (self);
}

IvcEvaluation *
_ivc_candidate_add_evaluation (IvcCandidate  *self,
                               IvcEvaluation *evaluation)
{
  g_hash_table_insert (self->evaluations,
                       (char *)ivc_evaluation_get_question_id (evaluation),
                       evaluation);
  /* Evaluations the UI still holds must not reach a finalized candidate. */
  g_signal_connect_object (evaluation, "notify",
                           G_CALLBACK (on_evaluation_notify_cb), self, 0);

  return evaluation;
}

static void
ivc_candidate_finalize (GObject *object)
{
  IvcCandidate *self = (IvcCandidate *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->role, g_free);
  g_clear_pointer (&self->interview_date, g_free);
  g_clear_pointer (&self->bank_id, g_free);
  g_clear_pointer (&self->summary, g_free);
  g_clear_pointer (&self->interviewer_id, g_free);
  g_clear_pointer (&self->interviewer_name, g_free);
  g_clear_pointer (&self->created, g_date_time_unref);
  g_clear_pointer (&self->modified, g_date_time_unref);
  g_clear_pointer (&self->submitted, g_date_time_unref);
  g_clear_pointer (&self->amended, g_date_time_unref);
  g_clear_pointer (&self->haystack, g_free);
  g_clear_pointer (&self->evaluations, g_hash_table_unref);
  g_clear_pointer (&self->plan, g_strfreev);

  G_OBJECT_CLASS (ivc_candidate_parent_class)->finalize (object);
}

static void
ivc_candidate_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  IvcCandidate *self = IVC_CANDIDATE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_ROLE:
      g_value_set_string (value, self->role);
      break;

    case PROP_INTERVIEW_DATE:
      g_value_set_string (value, self->interview_date);
      break;

    case PROP_BANK_ID:
      g_value_set_string (value, self->bank_id);
      break;

    case PROP_RECOMMENDATION:
      g_value_set_enum (value, self->recommendation);
      break;

    case PROP_SUMMARY:
      g_value_set_string (value, self->summary);
      break;

    case PROP_CREATED:
      g_value_set_boxed (value, self->created);
      break;

    case PROP_MODIFIED:
      g_value_set_boxed (value, self->modified);
      break;

    case PROP_INTERVIEWER_ID:
      g_value_set_string (value, self->interviewer_id);
      break;

    case PROP_INTERVIEWER_NAME:
      g_value_set_string (value, self->interviewer_name);
      break;

    case PROP_N_SCORED:
      g_value_set_uint (value, self->n_scored);
      break;

    case PROP_PLAN:
      g_value_set_boxed (value, self->plan);
      break;

    case PROP_INTERVIEW_SECONDS:
      g_value_set_uint64 (value, self->interview_seconds);
      break;

    case PROP_SUBMITTED:
      g_value_set_boxed (value, self->submitted);
      break;

    case PROP_AMENDED:
      g_value_set_boxed (value, self->amended);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ivc_candidate_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  IvcCandidate *self = IVC_CANDIDATE (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_dup_string (value);
      break;

    case PROP_NAME:
      ivc_candidate_set_name (self, g_value_get_string (value));
      break;

    case PROP_ROLE:
      ivc_candidate_set_role (self, g_value_get_string (value));
      break;

    case PROP_INTERVIEW_DATE:
      ivc_candidate_set_interview_date (self, g_value_get_string (value));
      break;

    case PROP_BANK_ID:
      ivc_candidate_set_bank_id (self, g_value_get_string (value));
      break;

    case PROP_RECOMMENDATION:
      ivc_candidate_set_recommendation (self, g_value_get_enum (value));
      break;

    case PROP_SUMMARY:
      ivc_candidate_set_summary (self, g_value_get_string (value));
      break;

    case PROP_PLAN:
      ivc_candidate_set_plan (self, g_value_get_boxed (value));
      break;

    case PROP_INTERVIEW_SECONDS:
      ivc_candidate_set_interview_seconds (self, g_value_get_uint64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ivc_candidate_class_init (IvcCandidateClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ivc_candidate_finalize;
  object_class->get_property = ivc_candidate_get_property;
  object_class->set_property = ivc_candidate_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ROLE] =
    g_param_spec_string ("role", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * IvcCandidate:interview-date:
   *
   * The day of the interview as “YYYY-MM-DD”, or "" when not set.
   */
  properties[PROP_INTERVIEW_DATE] =
    g_param_spec_string ("interview-date", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BANK_ID] =
    g_param_spec_string ("bank-id", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RECOMMENDATION] =
    g_param_spec_enum ("recommendation", NULL, NULL,
                       IVC_TYPE_RECOMMENDATION, IVC_RECOMMENDATION_NONE,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SUMMARY] =
    g_param_spec_string ("summary", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CREATED] =
    g_param_spec_boxed ("created", NULL, NULL, G_TYPE_DATE_TIME,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * IvcCandidate:modified:
   *
   * When anything saved last changed, in UTC; the list of candidates shows
   * the most recent first.
   */
  properties[PROP_MODIFIED] =
    g_param_spec_boxed ("modified", NULL, NULL, G_TYPE_DATE_TIME,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * IvcCandidate:interviewer-id:
   *
   * Whose scorecard this is: the file is named after this id.
   */
  properties[PROP_INTERVIEWER_ID] =
    g_param_spec_string ("interviewer-id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_INTERVIEWER_NAME] =
    g_param_spec_string ("interviewer-name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * IvcCandidate:n-scored:
   *
   * How many questions have a score.
   */
  properties[PROP_N_SCORED] =
    g_param_spec_uint ("n-scored", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * IvcCandidate:plan:
   *
   * The ids of the questions to ask this candidate, in the order to ask
   * them. Ids the bank does not have are kept.
   */
  properties[PROP_PLAN] =
    g_param_spec_boxed ("plan", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * IvcCandidate:interview-seconds:
   *
   * How long the interview timer ran for this candidate.
   */
  properties[PROP_INTERVIEW_SECONDS] =
    g_param_spec_uint64 ("interview-seconds", NULL, NULL, 0, IVC_EVALUATION_MAX_SECONDS, 0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * IvcCandidate:submitted:
   *
   * When the interviewer submitted this scorecard, in UTC, or %NULL while
   * it is a draft. Teammates see a scorecard's figures once they submitted
   * their own (the bias guard).
   */
  properties[PROP_SUBMITTED] =
    g_param_spec_boxed ("submitted", NULL, NULL, G_TYPE_DATE_TIME,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * IvcCandidate:amended:
   *
   * When a score, red flag, note, the verdict or the summary last changed
   * after submitting, or %NULL.
   */
  properties[PROP_AMENDED] =
    g_param_spec_boxed ("amended", NULL, NULL, G_TYPE_DATE_TIME,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * IvcCandidate::changed:
   *
   * Emitted after anything that is saved changed, in the candidate or in one
   * of its evaluations.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
ivc_candidate_init (IvcCandidate *self)
{
  self->name = g_strdup ("");
  self->role = g_strdup ("");
  self->interview_date = g_strdup ("");
  self->bank_id = g_strdup ("");
  self->summary = g_strdup ("");
  self->evaluations = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);
  self->plan = g_new0 (char *, 1);
}

/**
 * ivc_candidate_new:
 * @id: a valid id, as from ivc_candidate_generate_id()
 * @name: (nullable): the candidate's name
 *
 * Returns: (transfer full): a new candidate, created and modified now
 */
IvcCandidate *
ivc_candidate_new (const char *id,
                   const char *name)
{
  IvcCandidate *self;

  g_return_val_if_fail (ivc_candidate_id_is_valid (id), NULL);

  self = g_object_new (IVC_TYPE_CANDIDATE, "id", id, NULL);
  set_bounded_string (&self->name, name, IVC_CANDIDATE_MAX_NAME_CHARS);
  self->created = dup_change_time ();
  self->modified = g_date_time_ref (self->created);

  return self;
}

/**
 * ivc_candidate_new_for_interviewer:
 * @other: another interviewer's scorecard for the candidate
 * @interviewer_id: whose scorecard the new one is
 * @interviewer_name: (nullable): their name
 *
 * Starts an empty scorecard for the same candidate: the same id, name, role,
 * date and bank, and no scores or notes. It has @other's times, so that it
 * keeps its place in the list until it changes.
 *
 * Returns: (transfer full): a new candidate
 */
IvcCandidate *
ivc_candidate_new_for_interviewer (IvcCandidate *other,
                                   const char   *interviewer_id,
                                   const char   *interviewer_name)
{
  IvcCandidate *self;

  g_return_val_if_fail (IVC_IS_CANDIDATE (other), NULL);
  g_return_val_if_fail (ivc_candidate_id_is_valid (interviewer_id), NULL);

  self = g_object_new (IVC_TYPE_CANDIDATE, "id", other->id, NULL);
  _ivc_candidate_set_string (&self->name, other->name);
  _ivc_candidate_set_string (&self->role, other->role);
  _ivc_candidate_set_string (&self->interview_date, other->interview_date);
  _ivc_candidate_set_string (&self->bank_id, other->bank_id);
  self->created = g_date_time_ref (other->created);
  self->modified = g_date_time_ref (other->modified);
  self->interviewer_id = g_strdup (interviewer_id);
  self->interviewer_name = g_strdup (interviewer_name);

  return self;
}

static int
compare_evaluations (gconstpointer a,
                     gconstpointer b)
{
  IvcEvaluation *ea = *(IvcEvaluation * const *)a;
  IvcEvaluation *eb = *(IvcEvaluation * const *)b;

  return strcmp (ivc_evaluation_get_question_id (ea), ivc_evaluation_get_question_id (eb));
}

/*
 * Accessors.
 */

const char *
ivc_candidate_get_id (IvcCandidate *self)
{
  g_return_val_if_fail (IVC_IS_CANDIDATE (self), NULL);

  return self->id;
}

/* Only for the store, when a file was copied into another folder: the
 * folder's name is the id. */
void
_ivc_candidate_set_id (IvcCandidate *self,
                       const char   *id)
{
  g_return_if_fail (IVC_IS_CANDIDATE (self));
  g_return_if_fail (ivc_candidate_id_is_valid (id));

  if (_ivc_candidate_set_string (&self->id, id))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
ivc_candidate_get_name (IvcCandidate *self)
{
  g_return_val_if_fail (IVC_IS_CANDIDATE (self), NULL);

  return self->name;
}

/**
 * ivc_candidate_set_name:
 * @name: (nullable): the name, %NULL meaning ""; cut at
 *   %IVC_CANDIDATE_MAX_NAME_CHARS characters
 */
void
ivc_candidate_set_name (IvcCandidate *self,
                        const char   *name)
{
  g_return_if_fail (IVC_IS_CANDIDATE (self));

  if (!set_bounded_string (&self->name, name, IVC_CANDIDATE_MAX_NAME_CHARS))
    return;

  g_clear_pointer (&self->haystack, g_free);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
  ivc_candidate_touch (self);
}

/**
 * ivc_candidate_get_role:
 *
 * Returns: the role applied for; "" when not given
 */
const char *
ivc_candidate_get_role (IvcCandidate *self)
{
  g_return_val_if_fail (IVC_IS_CANDIDATE (self), NULL);

  return self->role;
}

void
ivc_candidate_set_role (IvcCandidate *self,
                        const char   *role)
{
  g_return_if_fail (IVC_IS_CANDIDATE (self));

  if (!set_bounded_string (&self->role, role, IVC_CANDIDATE_MAX_ROLE_CHARS))
    return;

  g_clear_pointer (&self->haystack, g_free);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROLE]);
  ivc_candidate_touch (self);
}

/**
 * ivc_candidate_get_interview_date:
 *
 * Returns: the day of the interview as “YYYY-MM-DD”; "" when not given
 */
const char *
ivc_candidate_get_interview_date (IvcCandidate *self)
{
  g_return_val_if_fail (IVC_IS_CANDIDATE (self), NULL);

  return self->interview_date;
}

/**
 * ivc_candidate_set_interview_date:
 * @date: (nullable): “YYYY-MM-DD” (see ivc_candidate_date_is_valid()), or
 *   "" or %NULL for none
 */
void
ivc_candidate_set_interview_date (IvcCandidate *self,
                                  const char   *date)
{
  g_return_if_fail (IVC_IS_CANDIDATE (self));
  g_return_if_fail (date == NULL || *date == '\0' || ivc_candidate_date_is_valid (date));

  if (!_ivc_candidate_set_string (&self->interview_date, date))
    return;

  g_clear_pointer (&self->haystack, g_free);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INTERVIEW_DATE]);
  ivc_candidate_touch (self);
}

/**
 * ivc_candidate_get_bank_id:
 *
 * Returns: the id of the question bank used; "" when not known
 */
const char *
ivc_candidate_get_bank_id (IvcCandidate *self)
{
  g_return_val_if_fail (IVC_IS_CANDIDATE (self), NULL);

  return self->bank_id;
}

void
ivc_candidate_set_bank_id (IvcCandidate *self,
                           const char   *bank_id)
{
  g_return_if_fail (IVC_IS_CANDIDATE (self));

  if (!_ivc_candidate_set_string (&self->bank_id, bank_id))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BANK_ID]);
  ivc_candidate_touch (self);
}

/**
 * ivc_candidate_belongs_to_bank:
 * @bank_id: the id of a question bank
 *
 * A candidate belongs to the bank they were interviewed with: their scores,
 * notes and plan name that bank's questions, and are never taken under
 * another. A candidate without a bank (from a file that named none) takes
 * any.
 *
 * Returns: whether the candidate's evaluation may be taken with @bank_id
 */
gboolean
ivc_candidate_belongs_to_bank (IvcCandidate *self,
                               const char   *bank_id)
{
  g_return_val_if_fail (IVC_IS_CANDIDATE (self), FALSE);

  return *self->bank_id == '\0' || g_strcmp0 (self->bank_id, bank_id) == 0;
}

/**
 * ivc_candidate_is_started:
 *
 * Returns: whether anything was noted for a question yet, or planned: a
 *   candidate not started may still move to another bank
 */
gboolean
ivc_candidate_is_started (IvcCandidate *self)
{
  GHashTableIter iter;
  gpointer value;

  g_return_val_if_fail (IVC_IS_CANDIDATE (self), FALSE);

  if (self->plan[0] != NULL)
    return TRUE;

  g_hash_table_iter_init (&iter, self->evaluations);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      if (!ivc_evaluation_is_empty (value))
        return TRUE;
    }

  return FALSE;
}

IvcRecommendation
ivc_candidate_get_recommendation (IvcCandidate *self)
{
  g_return_val_if_fail (IVC_IS_CANDIDATE (self), IVC_RECOMMENDATION_NONE);

  return self->recommendation;
}

void
ivc_candidate_set_recommendation (IvcCandidate      *self,
                                  IvcRecommendation  recommendation)
{
  g_return_if_fail (IVC_IS_CANDIDATE (self));
  g_return_if_fail (recommendation <= IVC_RECOMMENDATION_STRONG_YES);

  if (self->recommendation == recommendation)
    return;

  self->recommendation = recommendation;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECOMMENDATION]);
  ivc_candidate_touch_scorecard (self);
}

/**
 * ivc_candidate_get_summary:
 *
 * Returns: the summary notes; "" when there are none
 */
const char *
ivc_candidate_get_summary (IvcCandidate *self)
{
  g_return_val_if_fail (IVC_IS_CANDIDATE (self), NULL);

  return self->summary;
}

void
ivc_candidate_set_summary (IvcCandidate *self,
                           const char   *summary)
{
  g_return_if_fail (IVC_IS_CANDIDATE (self));

  if (!set_bounded_string (&self->summary, summary, IVC_CANDIDATE_MAX_SUMMARY_CHARS))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUMMARY]);
  ivc_candidate_touch_scorecard (self);
}

/* For merging two versions (ivc-candidate-merge.c): the summary kept
 * whole, as a file's reader keeps it, since cutting it would lose what
 * was typed. */
void
_ivc_candidate_set_saved_summary (IvcCandidate *self,
                                  const char   *summary)
{
  g_return_if_fail (IVC_IS_CANDIDATE (self));

  if (!_ivc_candidate_set_string (&self->summary, summary))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUMMARY]);
  ivc_candidate_touch_scorecard (self);
}

/**
 * ivc_candidate_get_created:
 *
 * Returns: (transfer none): when the candidate was created, in UTC
 */
GDateTime *
ivc_candidate_get_created (IvcCandidate *self)
{
  g_return_val_if_fail (IVC_IS_CANDIDATE (self), NULL);

  return self->created;
}

/**
 * ivc_candidate_get_modified:
 *
 * Returns: (transfer none): when anything saved last changed, in UTC
 */
GDateTime *
ivc_candidate_get_modified (IvcCandidate *self)
{
  g_return_val_if_fail (IVC_IS_CANDIDATE (self), NULL);

  return self->modified;
}

/**
 * ivc_candidate_get_interviewer_id:
 *
 * Returns: (nullable): whose scorecard this is
 */
const char *
ivc_candidate_get_interviewer_id (IvcCandidate *self)
{
  g_return_val_if_fail (IVC_IS_CANDIDATE (self), NULL);

  return self->interviewer_id;
}

/**
 * ivc_candidate_get_interviewer_name:
 *
 * Returns: (nullable): the name of the interviewer whose scorecard this is
 */
const char *
ivc_candidate_get_interviewer_name (IvcCandidate *self)
{
  g_return_val_if_fail (IVC_IS_CANDIDATE (self), NULL);

  return self->interviewer_name;
}

/**
 * ivc_candidate_set_interviewer:
 * @interviewer_id: a valid id
 * @interviewer_name: (nullable): the name to show other interviewers
 *
 * Says whose scorecard this is. This is not a change to the scorecard
 * itself: “changed” is not emitted.
 */
void
ivc_candidate_set_interviewer (IvcCandidate *self,
                               const char   *interviewer_id,
                               const char   *interviewer_name)
{
  g_autofree char *bounded_name = NULL;

  g_return_if_fail (IVC_IS_CANDIDATE (self));
  g_return_if_fail (ivc_candidate_id_is_valid (interviewer_id));

  if (g_strcmp0 (self->interviewer_id, interviewer_id) != 0)
    {
      g_free (self->interviewer_id);
      self->interviewer_id = g_strdup (interviewer_id);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INTERVIEWER_ID]);
    }

  bounded_name = ivc_text_bound (interviewer_name, IVC_CANDIDATE_MAX_NAME_CHARS, self->interviewer_name);
  if (bounded_name != NULL)
    interviewer_name = bounded_name;

  if (g_strcmp0 (self->interviewer_name, interviewer_name) != 0)
    {
      g_free (self->interviewer_name);
      self->interviewer_name = g_strdup (interviewer_name);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INTERVIEWER_NAME]);
    }
}

/**
 * ivc_candidate_get_submitted:
 *
 * Returns: (transfer none) (nullable): when the scorecard was submitted,
 *   in UTC, or %NULL for a draft
 */
GDateTime *
ivc_candidate_get_submitted (IvcCandidate *self)
{
  g_return_val_if_fail (IVC_IS_CANDIDATE (self), NULL);

  return self->submitted;
}

/**
 * ivc_candidate_get_amended:
 *
 * Returns: (transfer none) (nullable): when the scorecard last changed
 *   after it was submitted, in UTC, or %NULL
 */
GDateTime *
ivc_candidate_get_amended (IvcCandidate *self)
{
  g_return_val_if_fail (IVC_IS_CANDIDATE (self), NULL);

  return self->amended;
}

gboolean
ivc_candidate_is_submitted (IvcCandidate *self)
{
  g_return_val_if_fail (IVC_IS_CANDIDATE (self), FALSE);

  return self->submitted != NULL;
}

/**
 * ivc_candidate_submit:
 *
 * Submits the scorecard: records when, so that teammates may see it and
 * the interviewer may see theirs. Submitting is for good: later changes
 * are amendments (#IvcCandidate:amended), which the team sees.
 *
 * Returns: %TRUE if it was a draft until now
 */
gboolean
ivc_candidate_submit (IvcCandidate *self)
{
  g_return_val_if_fail (IVC_IS_CANDIDATE (self), FALSE);

  if (self->submitted != NULL)
    return FALSE;

  self->submitted = dup_change_time ();
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUBMITTED]);
  ivc_candidate_touch (self);

  return TRUE;
}

/* For the file's reader and a merge: the submission as recorded, not a
 * change of its own. */
void
_ivc_candidate_set_submission (IvcCandidate *self,
                               GDateTime    *submitted,
                               GDateTime    *amended)
{
  gboolean same_submitted, same_amended;

  g_return_if_fail (IVC_IS_CANDIDATE (self));
  g_return_if_fail (submitted != NULL || amended == NULL);

  same_submitted = (self->submitted == NULL) == (submitted == NULL) &&
                   (submitted == NULL || g_date_time_equal (self->submitted, submitted));
  same_amended = (self->amended == NULL) == (amended == NULL) &&
                 (amended == NULL || g_date_time_equal (self->amended, amended));

  if (!same_submitted)
    {
      g_clear_pointer (&self->submitted, g_date_time_unref);
      self->submitted = submitted ? g_date_time_ref (submitted) : NULL;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUBMITTED]);
    }

  if (!same_amended)
    {
      g_clear_pointer (&self->amended, g_date_time_unref);
      self->amended = amended ? g_date_time_ref (amended) : NULL;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AMENDED]);
    }
}

guint
ivc_candidate_get_n_scored (IvcCandidate *self)
{
  g_return_val_if_fail (IVC_IS_CANDIDATE (self), 0);

  return self->n_scored;
}

/**
 * ivc_candidate_get_evaluation:
 *
 * Returns: (transfer none) (nullable): the evaluation of that question, if
 *   there is one
 */
IvcEvaluation *
ivc_candidate_get_evaluation (IvcCandidate *self,
                              const char   *question_id)
{
  g_return_val_if_fail (IVC_IS_CANDIDATE (self), NULL);

  if (question_id == NULL)
    return NULL;

  return g_hash_table_lookup (self->evaluations, question_id);
}

/**
 * ivc_candidate_ensure_evaluation:
 *
 * Gets the evaluation of a question, adding an empty one if there is none.
 * Adding one is not a change; setting its score, red flag or notes is.
 *
 * Returns: (transfer none): the evaluation of that question
 */
IvcEvaluation *
ivc_candidate_ensure_evaluation (IvcCandidate *self,
                                 const char   *question_id)
{
  IvcEvaluation *evaluation;

  g_return_val_if_fail (IVC_IS_CANDIDATE (self), NULL);
  g_return_val_if_fail (question_id != NULL && *question_id, NULL);

  evaluation = g_hash_table_lookup (self->evaluations, question_id);
  if (evaluation != NULL)
    return evaluation;

  return _ivc_candidate_add_evaluation (self, ivc_evaluation_new (question_id));
}

/**
 * ivc_candidate_list_evaluations:
 *
 * Returns: (transfer container) (element-type IvcEvaluation): the evaluations
 *   that say something, sorted by question id
 */
GPtrArray *
ivc_candidate_list_evaluations (IvcCandidate *self)
{
  GPtrArray *evaluations;
  GHashTableIter iter;
  gpointer value;

  g_return_val_if_fail (IVC_IS_CANDIDATE (self), NULL);

  evaluations = g_ptr_array_new_with_free_func (g_object_unref);
  g_hash_table_iter_init (&iter, self->evaluations);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      if (!ivc_evaluation_is_empty (value))
        g_ptr_array_add (evaluations, g_object_ref (value));
    }
  g_ptr_array_sort (evaluations, compare_evaluations);

  return evaluations;
}

/**
 * ivc_candidate_matches:
 * @words: folded words, as from ivc_text_search_words()
 *
 * Returns: %TRUE if every word occurs in the name, the role or the date
 */
gboolean
ivc_candidate_matches (IvcCandidate       *self,
                       const char * const *words)
{
  g_return_val_if_fail (IVC_IS_CANDIDATE (self), FALSE);

  if (words == NULL || words[0] == NULL)
    return TRUE;

  if (self->haystack == NULL)
    {
      g_autofree char *all = g_strjoin ("\n", self->name, self->role, self->interview_date, NULL);

      self->haystack = ivc_text_fold (all, -1);
    }

  for (guint i = 0; words[i]; i++)
    {
      if (strstr (self->haystack, words[i]) == NULL)
        return FALSE;
    }

  return TRUE;
}

guint64
ivc_candidate_get_interview_seconds (IvcCandidate *self)
{
  g_return_val_if_fail (IVC_IS_CANDIDATE (self), 0);

  return self->interview_seconds;
}

void
ivc_candidate_set_interview_seconds (IvcCandidate *self,
                                     guint64       seconds)
{
  g_return_if_fail (IVC_IS_CANDIDATE (self));

  seconds = MIN (seconds, IVC_EVALUATION_MAX_SECONDS);
  if (self->interview_seconds == seconds)
    return;

  self->interview_seconds = seconds;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INTERVIEW_SECONDS]);
  ivc_candidate_touch (self);
}

/**
 * ivc_candidate_get_plan:
 *
 * Returns: (transfer none): the ids of the planned questions, in order;
 *   never %NULL
 */
const char * const *
ivc_candidate_get_plan (IvcCandidate *self)
{
  g_return_val_if_fail (IVC_IS_CANDIDATE (self), NULL);

  return (const char * const *)self->plan;
}

/**
 * ivc_candidate_set_plan:
 * @plan: (nullable): question ids in the order to ask them
 *
 * Empty and repeated ids are left out, and those after the first
 * %IVC_CANDIDATE_MAX_PLAN.
 */
void
ivc_candidate_set_plan (IvcCandidate       *self,
                        const char * const *plan)
{
  g_autoptr(GStrvBuilder) builder = NULL;
  g_autoptr(GHashTable) seen = NULL;
  g_auto(GStrv) new_plan = NULL;

  g_return_if_fail (IVC_IS_CANDIDATE (self));

  builder = g_strv_builder_new ();
  seen = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; plan != NULL && plan[i] != NULL && g_hash_table_size (seen) < IVC_CANDIDATE_MAX_PLAN; i++)
    {
      if (*plan[i] != '\0' && g_hash_table_add (seen, (char *)plan[i]))
        g_strv_builder_add (builder, plan[i]);
    }
  new_plan = g_strv_builder_end (builder);

  if (g_strv_equal ((const char * const *)new_plan, (const char * const *)self->plan))
    return;

  g_strfreev (self->plan);
  self->plan = g_steal_pointer (&new_plan);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAN]);
  ivc_candidate_touch (self);
}

/**
 * ivc_candidate_get_plan_position:
 *
 * Returns: where @question_id is in the plan, from 0, or -1 if it is not
 */
int
ivc_candidate_get_plan_position (IvcCandidate *self,
                                 const char   *question_id)
{
  g_return_val_if_fail (IVC_IS_CANDIDATE (self), -1);
  g_return_val_if_fail (question_id != NULL, -1);

  for (guint i = 0; self->plan[i] != NULL; i++)
    {
      if (strcmp (self->plan[i], question_id) == 0)
        return i;
    }

  return -1;
}

/**
 * ivc_candidate_plan_move:
 * @question_id: a question id
 * @position: where to put it, from 0; -1 or past the end puts it last
 *
 * Adds @question_id to the plan at @position, or moves it there if it is
 * already planned.
 */
void
ivc_candidate_plan_move (IvcCandidate *self,
                         const char   *question_id,
                         int           position)
{
  g_autoptr(GPtrArray) ids = NULL;
  int old_position;

  g_return_if_fail (IVC_IS_CANDIDATE (self));
  g_return_if_fail (question_id != NULL && *question_id);

  ids = g_ptr_array_new ();
  for (guint i = 0; self->plan[i] != NULL; i++)
    g_ptr_array_add (ids, self->plan[i]);

  old_position = ivc_candidate_get_plan_position (self, question_id);
  if (old_position >= 0)
    g_ptr_array_remove_index (ids, old_position);

  if (position < 0 || (guint)position > ids->len)
    position = ids->len;

  g_ptr_array_insert (ids, position, (char *)question_id);
  g_ptr_array_add (ids, NULL);

  ivc_candidate_set_plan (self, (const char * const *)ids->pdata);
}

void
ivc_candidate_plan_remove (IvcCandidate *self,
                           const char   *question_id)
{
  g_autoptr(GPtrArray) ids = NULL;

  g_return_if_fail (IVC_IS_CANDIDATE (self));
  g_return_if_fail (question_id != NULL);

  ids = g_ptr_array_new ();
  for (guint i = 0; self->plan[i] != NULL; i++)
    {
      if (strcmp (self->plan[i], question_id) != 0)
        g_ptr_array_add (ids, self->plan[i]);
    }
  g_ptr_array_add (ids, NULL);

  ivc_candidate_set_plan (self, (const char * const *)ids->pdata);
}
