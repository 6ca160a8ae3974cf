/* ivc-candidate.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ivc-candidate"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "ivc-candidate.h"
#include "ivc-candidate-store.h"
#include "ivc-question-bank.h"
#include "ivc-text.h"

/*
 * One interviewer's scorecard for one candidate: who the candidate is, a
 * score and notes per question, and the overall verdict. It is what one
 * candidate file holds; see docs/candidate-format.md.
 */
struct _IvcCandidate
{
  GObject            parent_instance;

  char              *id;
  char              *name;
  char              *role;
  char              *interview_date;
  char              *bank_id;
  char              *summary;
  char              *interviewer_id;
  char              *interviewer_name;
  GDateTime         *created;
  GDateTime         *modified;

  /* Question id → IvcEvaluation, including ids that no bank knows. */
  GHashTable        *evaluations;

  /* The questions to ask, in order: a NULL-terminated list of ids. */
  char             **plan;
  guint64            interview_seconds;

  /* Folded name, role and date, built on the first search. */
  char              *haystack;

  IvcRecommendation  recommendation;
  guint              n_scored;
};

G_DEFINE_FINAL_TYPE (IvcCandidate, ivc_candidate, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (IvcRecommendation, ivc_recommendation,
  G_DEFINE_ENUM_VALUE (IVC_RECOMMENDATION_NONE, "none"),
  G_DEFINE_ENUM_VALUE (IVC_RECOMMENDATION_STRONG_NO, "strong-no"),
  G_DEFINE_ENUM_VALUE (IVC_RECOMMENDATION_NO, "no"),
  G_DEFINE_ENUM_VALUE (IVC_RECOMMENDATION_YES, "yes"),
  G_DEFINE_ENUM_VALUE (IVC_RECOMMENDATION_STRONG_YES, "strong-yes"))

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
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

#define MAX_SLUG_CHARS 40

/**
 * ivc_recommendation_get_label:
 *
 * Returns: the verdict for display, such as “Strong yes”
 */
const char *
ivc_recommendation_get_label (IvcRecommendation recommendation)
{
  switch (recommendation)
    {
    case IVC_RECOMMENDATION_NONE:
      return _("No recommendation yet");
    case IVC_RECOMMENDATION_STRONG_NO:
      return _("Strong no");
    case IVC_RECOMMENDATION_NO:
      return _("No");
    case IVC_RECOMMENDATION_YES:
      return _("Yes");
    case IVC_RECOMMENDATION_STRONG_YES:
      return _("Strong yes");
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * ivc_recommendation_get_nick:
 *
 * Returns: the name a candidate file and `--list-candidates` use, such as
 *   “strong-yes”
 */
const char *
ivc_recommendation_get_nick (IvcRecommendation recommendation)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (IVC_TYPE_RECOMMENDATION);
  GEnumValue *value = g_enum_get_value (klass, recommendation);

  g_return_val_if_fail (value != NULL, NULL);

  return value->value_nick;
}

/**
 * ivc_candidate_id_is_valid:
 *
 * Candidate and interviewer ids name folders and files, so they follow the
 * rules of bank ids: 1 to 64 lowercase letters, digits and hyphens.
 */
gboolean
ivc_candidate_id_is_valid (const char *id)
{
  return ivc_bank_id_is_valid (id);
}

/**
 * ivc_candidate_generate_id:
 * @name: (nullable): the candidate's name
 *
 * Makes a new id that stays recognisable in a file manager and is unique in
 * practice, such as “zoe-martin-3f9a01c2” for “Zoë Martin”. Also suitable
 * for interviewer ids.
 *
 * Returns: (transfer full): a valid id
 */
char *
ivc_candidate_generate_id (const char *name)
{
  g_autofree char *ascii = NULL;
  g_autoptr(GString) slug = g_string_new (NULL);

  if (name != NULL && g_utf8_validate (name, -1, NULL))
    ascii = g_str_to_ascii (name, "C");

  for (const char *p = ascii ? ascii : ""; *p && slug->len < MAX_SLUG_CHARS; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (slug, g_ascii_tolower (*p));
      else if (slug->len > 0 && slug->str[slug->len - 1] != '-')
        g_string_append_c (slug, '-');
    }

  while (slug->len > 0 && slug->str[slug->len - 1] == '-')
    g_string_truncate (slug, slug->len - 1);

  if (slug->len == 0)
    g_string_append (slug, "candidate");

  g_string_append_printf (slug, "-%08x", g_random_int ());

  return g_string_free (g_steal_pointer (&slug), FALSE);
}

/**
 * ivc_candidate_date_is_valid:
 *
 * Returns: %TRUE if @date is a calendar date written as “YYYY-MM-DD”
 */
gboolean
ivc_candidate_date_is_valid (const char *date)
{
  guint year, month, day;

  if (date == NULL || strlen (date) != 10 || date[4] != '-' || date[7] != '-')
    return FALSE;

  for (guint i = 0; i < 10; i++)
    {
      if (i != 4 && i != 7 && !g_ascii_isdigit (date[i]))
        return FALSE;
    }

  year = g_ascii_strtoull (date, NULL, 10);
  month = g_ascii_strtoull (date + 5, NULL, 10);
  day = g_ascii_strtoull (date + 8, NULL, 10);

  return year >= 1 && g_date_valid_dmy (day, month, year);
}

/* Replaces *field by value, "" for NULL; returns whether it changed. */
static gboolean
set_string (char       **field,
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

static void
ivc_candidate_update_n_scored (IvcCandidate *self)
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
    ivc_candidate_update_n_scored (self);

  ivc_candidate_touch (self);
}

static IvcEvaluation *
ivc_candidate_add_evaluation (IvcCandidate  *self,
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
  set_string (&self->name, name);
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
  set_string (&self->name, other->name);
  set_string (&self->role, other->role);
  set_string (&self->interview_date, other->interview_date);
  set_string (&self->bank_id, other->bank_id);
  self->created = g_date_time_ref (other->created);
  self->modified = g_date_time_ref (other->modified);
  self->interviewer_id = g_strdup (interviewer_id);
  self->interviewer_name = g_strdup (interviewer_name);

  return self;
}

/*
 * Reading.
 *
 * The file was written by this code, so anything unexpected in it means the
 * file was damaged or edited by hand: it is refused as a whole, with a
 * message naming the member, and the store keeps it aside.
 */

typedef struct
{
  const char  *display_name;
  GError     **error;
} Reader;

G_GNUC_PRINTF (3, 4)
static gboolean
reader_fail (Reader     *r,
             int         code,
             const char *format,
             ...)
{
  g_autofree char *what = NULL;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (r->error, IVC_STORE_ERROR, code, "%s: %s", r->display_name, what);
  return FALSE;
}

/* Absent and null members are the same: not given. */
static JsonNode *
get_member (JsonObject *object,
            const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  return node == NULL || JSON_NODE_HOLDS_NULL (node) ? NULL : node;
}

static gboolean
read_string (Reader      *r,
             JsonObject  *object,
             const char  *path,
             const char  *name,
             gboolean     required,
             const char **out)
{
  JsonNode *node = get_member (object, name);

  *out = NULL;

  if (node == NULL)
    {
      if (required)
        return reader_fail (r, IVC_STORE_ERROR_CORRUPT, _("“%s%s” is missing"), path, name);
      return TRUE;
    }

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return reader_fail (r, IVC_STORE_ERROR_CORRUPT, _("“%s%s” must be text"), path, name);

  *out = json_node_get_string (node);
  return TRUE;
}

static gboolean
read_object (Reader      *r,
             JsonObject  *object,
             const char  *path,
             const char  *name,
             gboolean     required,
             JsonObject **out)
{
  JsonNode *node = get_member (object, name);

  *out = NULL;

  if (node == NULL)
    {
      if (required)
        return reader_fail (r, IVC_STORE_ERROR_CORRUPT, _("“%s%s” is missing"), path, name);
      return TRUE;
    }

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return reader_fail (r, IVC_STORE_ERROR_CORRUPT, _("“%s%s” must be a JSON object"), path, name);

  *out = json_node_get_object (node);
  return TRUE;
}

static gboolean
read_date_time (Reader      *r,
                JsonObject  *object,
                const char  *name,
                GDateTime  **out)
{
  g_autoptr(GDateTime) date_time = NULL;
  const char *text;

  if (!read_string (r, object, "", name, FALSE, &text))
    return FALSE;

  if (text == NULL)
    {
      /* Unknown: as old as can be, so that it sorts last. */
      *out = g_date_time_new_from_unix_utc (0);
      return TRUE;
    }

  date_time = g_date_time_new_from_iso8601 (text, NULL);
  if (date_time == NULL)
    return reader_fail (r, IVC_STORE_ERROR_CORRUPT,
                        _("“%s” must be a date and time like “2024-05-01T09:30:00Z” (found “%s”)"),
                        name, text);

  *out = g_date_time_to_utc (date_time);
  return TRUE;
}

static gboolean
read_seconds (Reader     *r,
              JsonNode   *node,
              const char *path,
              const char *name,
              guint64    *out)
{
  gint64 seconds;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return reader_fail (r, IVC_STORE_ERROR_CORRUPT,
                        _("“%s%s” must be a whole number of seconds"), path, name);

  seconds = json_node_get_int (node);
  if (seconds < 0 || (guint64)seconds > IVC_EVALUATION_MAX_SECONDS)
    return reader_fail (r, IVC_STORE_ERROR_CORRUPT,
                        _("“%s%s” must be a whole number of seconds from 0 to %" G_GUINT64_FORMAT
                          " (found %" G_GINT64_FORMAT ")"),
                        path, name, IVC_EVALUATION_MAX_SECONDS, seconds);

  *out = seconds;
  return TRUE;
}

static gboolean
read_plan (Reader       *r,
           IvcCandidate *self,
           JsonNode     *node)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  JsonArray *array;
  guint n;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    return reader_fail (r, IVC_STORE_ERROR_CORRUPT, _("“plan” must be a list of question ids"));

  array = json_node_get_array (node);
  n = json_array_get_length (array);
  for (guint i = 0; i < n; i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      const char *id;

      if (!JSON_NODE_HOLDS_VALUE (element) || json_node_get_value_type (element) != G_TYPE_STRING ||
          *(id = json_node_get_string (element)) == '\0')
        return reader_fail (r, IVC_STORE_ERROR_CORRUPT,
                            _("“plan” must be a list of question ids (item %u is not)"), i + 1);

      /* A question is asked once; a repeated id is a harmless slip. */
      if (g_hash_table_add (seen, (char *)id))
        g_strv_builder_add (builder, id);
    }

  g_strfreev (self->plan);
  self->plan = g_strv_builder_end (builder);
  return TRUE;
}

static gboolean
read_evaluation (Reader        *r,
                 IvcCandidate  *self,
                 const char    *question_id,
                 JsonNode      *node)
{
  g_autoptr(IvcEvaluation) evaluation = NULL;
  g_autofree char *path = g_strdup_printf ("evaluations.%s.", question_id);
  JsonObject *object;
  JsonNode *member;
  const char *notes;

  if (*question_id == '\0')
    return reader_fail (r, IVC_STORE_ERROR_CORRUPT, _("“evaluations” has a member without a question id"));

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return reader_fail (r, IVC_STORE_ERROR_CORRUPT,
                        _("“evaluations.%s” must be a JSON object"), question_id);

  object = json_node_get_object (node);
  evaluation = ivc_evaluation_new (question_id);

  member = get_member (object, "score");
  if (member != NULL)
    {
      gint64 score;

      if (!JSON_NODE_HOLDS_VALUE (member) || json_node_get_value_type (member) != G_TYPE_INT64)
        return reader_fail (r, IVC_STORE_ERROR_CORRUPT,
                            _("“%sscore” must be a whole number from 0 to 4"), path);

      score = json_node_get_int (member);
      if (score < IVC_SCORE_NONE || score > IVC_SCORE_MAX)
        return reader_fail (r, IVC_STORE_ERROR_CORRUPT,
                            _("“%sscore” must be a whole number from 0 to 4 (found %" G_GINT64_FORMAT ")"),
                            path, score);

      ivc_evaluation_set_score (evaluation, score);
    }

  member = get_member (object, "red_flag");
  if (member != NULL)
    {
      if (!JSON_NODE_HOLDS_VALUE (member) || json_node_get_value_type (member) != G_TYPE_BOOLEAN)
        return reader_fail (r, IVC_STORE_ERROR_CORRUPT,
                            _("“%sred_flag” must be true or false"), path);

      ivc_evaluation_set_red_flag_observed (evaluation, json_node_get_boolean (member));
    }

  if (!read_string (r, object, path, "notes", FALSE, &notes))
    return FALSE;
  ivc_evaluation_set_notes (evaluation, notes);

  member = get_member (object, "seconds");
  if (member != NULL)
    {
      guint64 seconds;

      if (!read_seconds (r, member, path, "seconds", &seconds))
        return FALSE;
      ivc_evaluation_set_seconds (evaluation, seconds);
    }

  ivc_candidate_add_evaluation (self, g_steal_pointer (&evaluation));
  return TRUE;
}

static gboolean
read_format (Reader     *r,
             JsonObject *root)
{
  JsonNode *node = get_member (root, "format");
  gint64 format;

  if (node == NULL)
    return reader_fail (r, IVC_STORE_ERROR_CORRUPT,
                        _("this is not a candidate file: “format” is missing"));

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return reader_fail (r, IVC_STORE_ERROR_CORRUPT, _("“format” must be a whole number"));

  format = json_node_get_int (node);
  if (format > IVC_CANDIDATE_FORMAT)
    return reader_fail (r, IVC_STORE_ERROR_NEWER_FORMAT,
                        _("the file was saved by a newer version of Interview Companion "
                          "(format %" G_GINT64_FORMAT "); this version reads format %d. "
                          "Update Interview Companion to open it"),
                        format, IVC_CANDIDATE_FORMAT);

  if (format < 1)
    return reader_fail (r, IVC_STORE_ERROR_CORRUPT,
                        _("“format” must be 1 or more (found %" G_GINT64_FORMAT ")"), format);

  return TRUE;
}

static IvcCandidate *
read_candidate (Reader   *r,
                JsonNode *root_node)
{
  g_autoptr(IvcCandidate) self = NULL;
  JsonObject *root, *about, *interviewer, *evaluations;
  JsonNode *member;
  const char *id, *name, *role, *date, *bank_id, *nick, *summary;
  const char *interviewer_id = NULL, *interviewer_name = NULL;

  if (!JSON_NODE_HOLDS_OBJECT (root_node))
    {
      reader_fail (r, IVC_STORE_ERROR_CORRUPT,
                   _("this is not a candidate file: expected a JSON object"));
      return NULL;
    }

  root = json_node_get_object (root_node);

  if (!read_format (r, root) ||
      !read_object (r, root, "", "candidate", TRUE, &about) ||
      !read_string (r, about, "candidate.", "id", TRUE, &id) ||
      !read_string (r, about, "candidate.", "name", TRUE, &name) ||
      !read_string (r, about, "candidate.", "role", FALSE, &role) ||
      !read_string (r, about, "candidate.", "interview_date", FALSE, &date) ||
      !read_object (r, root, "", "interviewer", FALSE, &interviewer) ||
      (interviewer != NULL &&
       (!read_string (r, interviewer, "interviewer.", "id", FALSE, &interviewer_id) ||
        !read_string (r, interviewer, "interviewer.", "name", FALSE, &interviewer_name))) ||
      !read_string (r, root, "", "bank_id", FALSE, &bank_id) ||
      !read_string (r, root, "", "recommendation", FALSE, &nick) ||
      !read_string (r, root, "", "summary", FALSE, &summary) ||
      !read_object (r, root, "", "evaluations", FALSE, &evaluations))
    return NULL;

  if (!ivc_candidate_id_is_valid (id))
    {
      reader_fail (r, IVC_STORE_ERROR_CORRUPT,
                   _("“candidate.id” must be 1 to 64 lowercase letters, digits and hyphens (found “%s”)"),
                   id);
      return NULL;
    }

  if (date != NULL && *date && !ivc_candidate_date_is_valid (date))
    {
      reader_fail (r, IVC_STORE_ERROR_CORRUPT,
                   _("“candidate.interview_date” must be a date like “2024-05-01” (found “%s”)"),
                   date);
      return NULL;
    }

  self = g_object_new (IVC_TYPE_CANDIDATE, "id", id, NULL);
  set_string (&self->name, name);
  set_string (&self->role, role);
  set_string (&self->interview_date, date);
  set_string (&self->bank_id, bank_id);
  set_string (&self->summary, summary);
  self->interviewer_id = g_strdup (interviewer_id);
  self->interviewer_name = g_strdup (interviewer_name);

  if (nick != NULL)
    {
      g_autoptr(GEnumClass) klass = g_type_class_ref (IVC_TYPE_RECOMMENDATION);
      GEnumValue *value = g_enum_get_value_by_nick (klass, nick);

      if (value == NULL)
        {
          reader_fail (r, IVC_STORE_ERROR_CORRUPT,
                       _("“recommendation” must be one of “none”, “strong-no”, “no”, “yes” "
                         "and “strong-yes” (found “%s”)"),
                       nick);
          return NULL;
        }

      self->recommendation = value->value;
    }

  if (!read_date_time (r, root, "created", &self->created) ||
      !read_date_time (r, root, "modified", &self->modified))
    return NULL;

  if ((member = get_member (root, "interview_seconds")) != NULL &&
      !read_seconds (r, member, "", "interview_seconds", &self->interview_seconds))
    return NULL;

  if ((member = get_member (root, "plan")) != NULL && !read_plan (r, self, member))
    return NULL;

  if (evaluations != NULL)
    {
      JsonObjectIter iter;
      const char *question_id;
      JsonNode *node;

      json_object_iter_init (&iter, evaluations);
      while (json_object_iter_next (&iter, &question_id, &node))
        {
          if (!read_evaluation (r, self, question_id, node))
            return NULL;
        }
    }

  ivc_candidate_update_n_scored (self);

  return g_steal_pointer (&self);
}

static gboolean
is_blank (const char *data,
          gsize       len)
{
  for (gsize i = 0; i < len; i++)
    {
      if (!g_ascii_isspace (data[i]))
        return FALSE;
    }

  return TRUE;
}

/**
 * ivc_candidate_new_from_bytes:
 * @bytes: the contents of a candidate file
 * @display_name: the name to use in messages, usually the file's path
 * @error: an %IVC_STORE_ERROR: %IVC_STORE_ERROR_CORRUPT or
 *   %IVC_STORE_ERROR_NEWER_FORMAT
 *
 * Reads one candidate file. Members it does not know are ignored.
 *
 * Returns: (transfer full) (nullable): the candidate, or %NULL with @error set
 */
IvcCandidate *
ivc_candidate_new_from_bytes (GBytes      *bytes,
                              const char  *display_name,
                              GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  Reader r = { display_name, error };
  const char *data;
  gsize len;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  data = g_bytes_get_data (bytes, &len);
  if (data == NULL)
    data = "";

  /* A byte order mark is harmless; json-glib would reject it. */
  if (len >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      len -= 3;
    }

  if (is_blank (data, len))
    {
      reader_fail (&r, IVC_STORE_ERROR_CORRUPT, _("the file is empty"));
      return NULL;
    }

  if (!g_utf8_validate (data, len, NULL) || memchr (data, '\0', len) != NULL)
    {
      reader_fail (&r, IVC_STORE_ERROR_CORRUPT, _("the file is not text encoded as UTF-8"));
      return NULL;
    }

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, len, &local_error))
    {
      const char *message = local_error->message;

      /* json-glib says "<data>:3:14: Parse error: …"; the file name is
       * already in front. */
      if (g_str_has_prefix (message, "<data>:"))
        message += strlen ("<data>:");

      reader_fail (&r, IVC_STORE_ERROR_CORRUPT,
                   _("the file is damaged or incomplete (not valid JSON: %s)"), message);
      return NULL;
    }

  return read_candidate (&r, json_parser_get_root (parser));
}

/*
 * Writing.
 */

static int
compare_evaluations (gconstpointer a,
                     gconstpointer b)
{
  IvcEvaluation *ea = *(IvcEvaluation * const *)a;
  IvcEvaluation *eb = *(IvcEvaluation * const *)b;

  return strcmp (ivc_evaluation_get_question_id (ea), ivc_evaluation_get_question_id (eb));
}

static char *
format_date_time (GDateTime *date_time)
{
  g_autoptr(GDateTime) utc = g_date_time_to_utc (date_time);

  return g_date_time_format_iso8601 (utc);
}

/**
 * ivc_candidate_to_bytes:
 *
 * Writes the candidate file, as docs/candidate-format.md describes.
 * Evaluations are sorted by question id and empty ones left out, so that the
 * same scorecard always gives the same bytes.
 *
 * Returns: (transfer full): the contents of the file
 */
GBytes *
ivc_candidate_to_bytes (IvcCandidate *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GPtrArray) evaluations = NULL;
  g_autofree char *created = NULL;
  g_autofree char *modified = NULL;
  GString *text;

  g_return_val_if_fail (IVC_IS_CANDIDATE (self), NULL);

  created = format_date_time (self->created);
  modified = format_date_time (self->modified);
  evaluations = ivc_candidate_list_evaluations (self);

  json_builder_begin_object (builder);

  json_builder_set_member_name (builder, "format");
  json_builder_add_int_value (builder, IVC_CANDIDATE_FORMAT);

  json_builder_set_member_name (builder, "candidate");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, self->id);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, self->name);
  json_builder_set_member_name (builder, "role");
  json_builder_add_string_value (builder, self->role);
  json_builder_set_member_name (builder, "interview_date");
  json_builder_add_string_value (builder, self->interview_date);
  json_builder_end_object (builder);

  if (self->interviewer_id != NULL)
    {
      json_builder_set_member_name (builder, "interviewer");
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, self->interviewer_id);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, self->interviewer_name ? self->interviewer_name : "");
      json_builder_end_object (builder);
    }

  json_builder_set_member_name (builder, "bank_id");
  json_builder_add_string_value (builder, self->bank_id);
  json_builder_set_member_name (builder, "recommendation");
  json_builder_add_string_value (builder, ivc_recommendation_get_nick (self->recommendation));
  json_builder_set_member_name (builder, "summary");
  json_builder_add_string_value (builder, self->summary);
  json_builder_set_member_name (builder, "created");
  json_builder_add_string_value (builder, created);
  json_builder_set_member_name (builder, "modified");
  json_builder_add_string_value (builder, modified);
  json_builder_set_member_name (builder, "interview_seconds");
  json_builder_add_int_value (builder, self->interview_seconds);

  json_builder_set_member_name (builder, "plan");
  json_builder_begin_array (builder);
  for (guint i = 0; self->plan[i] != NULL; i++)
    json_builder_add_string_value (builder, self->plan[i]);
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "evaluations");
  json_builder_begin_object (builder);
  for (guint i = 0; i < evaluations->len; i++)
    {
      IvcEvaluation *evaluation = g_ptr_array_index (evaluations, i);

      json_builder_set_member_name (builder, ivc_evaluation_get_question_id (evaluation));
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "score");
      json_builder_add_int_value (builder, ivc_evaluation_get_score (evaluation));
      json_builder_set_member_name (builder, "red_flag");
      json_builder_add_boolean_value (builder, ivc_evaluation_get_red_flag_observed (evaluation));
      json_builder_set_member_name (builder, "notes");
      json_builder_add_string_value (builder, ivc_evaluation_get_notes (evaluation));
      json_builder_set_member_name (builder, "seconds");
      json_builder_add_int_value (builder, ivc_evaluation_get_seconds (evaluation));
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);

  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);

  text = g_string_new (NULL);
  json_generator_to_gstring (generator, text);
  g_string_append_c (text, '\n');

  return g_string_free_to_bytes (text);
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

  if (set_string (&self->id, id))
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
 * @name: (nullable): the name, %NULL meaning ""
 */
void
ivc_candidate_set_name (IvcCandidate *self,
                        const char   *name)
{
  g_return_if_fail (IVC_IS_CANDIDATE (self));

  if (!set_string (&self->name, name))
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

  if (!set_string (&self->role, role))
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

  if (!set_string (&self->interview_date, date))
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

  if (!set_string (&self->bank_id, bank_id))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BANK_ID]);
  ivc_candidate_touch (self);
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
  ivc_candidate_touch (self);
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

  if (!set_string (&self->summary, summary))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUMMARY]);
  ivc_candidate_touch (self);
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
  g_return_if_fail (IVC_IS_CANDIDATE (self));
  g_return_if_fail (ivc_candidate_id_is_valid (interviewer_id));

  if (g_strcmp0 (self->interviewer_id, interviewer_id) != 0)
    {
      g_free (self->interviewer_id);
      self->interviewer_id = g_strdup (interviewer_id);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INTERVIEWER_ID]);
    }

  if (g_strcmp0 (self->interviewer_name, interviewer_name) != 0)
    {
      g_free (self->interviewer_name);
      self->interviewer_name = g_strdup (interviewer_name);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INTERVIEWER_NAME]);
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

  return ivc_candidate_add_evaluation (self, ivc_evaluation_new (question_id));
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
 * Empty and repeated ids are left out.
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
  for (guint i = 0; plan != NULL && plan[i] != NULL; i++)
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
