/* ivc-candidate-file.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The candidate file: reading one (formats 1 to 3) into an IvcCandidate,
 * and writing one; see docs/candidate-format.md. Also the error domain of
 * candidate files and of the store.
 */

#define G_LOG_DOMAIN "ivc-candidate-file"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "ivc-candidate-file.h"
#include "ivc-candidate-private.h"
#include "ivc-json-reader.h"

G_DEFINE_QUARK (ivc-store-error-quark, ivc_store_error)

/*
 * Reading, in any thread.
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

  /* Texts were checked to decode to UTF-8 before parsing; a message is
   * shown and printed, so it must be UTF-8 whatever happens. */
  if (!g_utf8_validate (what, -1, NULL))
    {
      char *valid = g_utf8_make_valid (what, -1);

      g_free (what);
      what = valid;
    }

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

/* A time that may be absent: NULL then. */
static gboolean
read_optional_date_time (Reader      *r,
                         JsonObject  *object,
                         const char  *name,
                         GDateTime  **out)
{
  const char *text;

  *out = NULL;
  if (!read_string (r, object, "", name, FALSE, &text))
    return FALSE;

  if (text == NULL)
    return TRUE;

  return read_date_time (r, object, name, out);
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
    {
      /* Numbers as text, so that gettext sees the whole sentence. */
      g_autofree char *max = g_strdup_printf ("%" G_GUINT64_FORMAT, IVC_EVALUATION_MAX_SECONDS);
      g_autofree char *found = g_strdup_printf ("%" G_GINT64_FORMAT, seconds);

      return reader_fail (r, IVC_STORE_ERROR_CORRUPT,
                          _("“%s%s” must be a whole number of seconds from 0 to %s (found %s)"),
                          path, name, max, found);
    }

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
        {
          g_autofree char *found = g_strdup_printf ("%" G_GINT64_FORMAT, score);

          return reader_fail (r, IVC_STORE_ERROR_CORRUPT,
                              _("“%sscore” must be a whole number from 0 to 4 (found %s)"),
                              path, found);
        }

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
  _ivc_evaluation_set_saved_notes (evaluation, notes);

  member = get_member (object, "seconds");
  if (member != NULL)
    {
      guint64 seconds;

      if (!read_seconds (r, member, path, "seconds", &seconds))
        return FALSE;
      ivc_evaluation_set_seconds (evaluation, seconds);
    }

  _ivc_candidate_add_evaluation (self, g_steal_pointer (&evaluation));
  return TRUE;
}

static gboolean
read_format (Reader     *r,
             JsonObject *root)
{
  JsonNode *node = get_member (root, "format");
  g_autofree char *found = NULL;
  gint64 format;

  if (node == NULL)
    return reader_fail (r, IVC_STORE_ERROR_CORRUPT,
                        _("this is not a candidate file: “format” is missing"));

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return reader_fail (r, IVC_STORE_ERROR_CORRUPT, _("“format” must be a whole number"));

  format = json_node_get_int (node);
  /* The number as text, so that gettext sees the whole sentence. */
  found = g_strdup_printf ("%" G_GINT64_FORMAT, format);
  if (format > IVC_CANDIDATE_FORMAT)
    return reader_fail (r, IVC_STORE_ERROR_NEWER_FORMAT,
                        _("the file was saved by a newer version of Interview Companion "
                          "(format %s); this version reads format %d. "
                          "Update Interview Companion to open it"),
                        found, IVC_CANDIDATE_FORMAT);

  if (format < 1)
    return reader_fail (r, IVC_STORE_ERROR_CORRUPT,
                        _("“format” must be 1 or more (found %s)"), found);

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
  _ivc_candidate_set_string (&self->name, name);
  _ivc_candidate_set_string (&self->role, role);
  _ivc_candidate_set_string (&self->interview_date, date);
  _ivc_candidate_set_string (&self->bank_id, bank_id);
  _ivc_candidate_set_string (&self->summary, summary);
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

  /* Format 3: a file without a submission (as every older one) is a
   * draft; an amendment without a submission means nothing. */
  {
    g_autoptr(GDateTime) submitted = NULL;
    g_autoptr(GDateTime) amended = NULL;

    if (!read_optional_date_time (r, root, "submitted", &submitted) ||
        !read_optional_date_time (r, root, "amended", &amended))
      return NULL;

    if (submitted != NULL)
      _ivc_candidate_set_submission (self, submitted, amended);
  }

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

  _ivc_candidate_update_n_scored (self);

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
 * Reads one candidate file. Members it does not know are ignored. Only
 * JSON is read (ivc_json_reader_load()), nested at most
 * %IVC_CANDIDATE_MAX_DEPTH levels: nothing in @bytes can make this crash.
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
  guint line, column;

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
  if (!ivc_json_reader_load (parser, data, len, IVC_CANDIDATE_MAX_DEPTH, &line, &column, &local_error))
    {
      if (g_error_matches (local_error, IVC_JSON_ERROR, IVC_JSON_ERROR_SYNTAX))
        g_set_error (error, IVC_STORE_ERROR, IVC_STORE_ERROR_CORRUPT,
                     _("%s:%u:%u: the file is damaged or incomplete (not valid JSON: %s)"),
                     display_name, line, column, local_error->message);
      else
        g_set_error (error, IVC_STORE_ERROR, IVC_STORE_ERROR_CORRUPT,
                     "%s:%u:%u: %s", display_name, line, column, local_error->message);
      return NULL;
    }

  return read_candidate (&r, json_parser_get_root (parser));
}

/*
 * Writing.
 */

static char *
format_date_time (GDateTime *date_time)
{
  g_autoptr(GDateTime) utc = g_date_time_to_utc (date_time);

  return g_date_time_format_iso8601 (utc);
}

/* One evaluation as it was when the snapshot was taken. */
typedef struct
{
  /* GRefStrings shared with the IvcEvaluation. */
  char      *question_id;
  char      *notes;
  guint64    seconds;
  IvcScore   score;
  gboolean   red_flag_observed;
} SnapshotEvaluation;

/* Plain data, owned whole: no pointer into a live object. */
struct _IvcCandidateSnapshot
{
  char               *id;
  char               *name;
  char               *role;
  char               *interview_date;
  char               *bank_id;
  char               *summary;
  char               *interviewer_id;
  char               *interviewer_name;
  /* GDateTime is immutable, with an atomic reference count. */
  GDateTime          *created;
  GDateTime          *modified;
  GDateTime          *submitted;
  GDateTime          *amended;
  char              **plan;
  guint64             interview_seconds;
  IvcRecommendation   recommendation;
  /* The evaluations that say something, in no order until the tree is
   * built. */
  GArray             *evaluations;
};

static void
snapshot_evaluation_clear (gpointer data)
{
  SnapshotEvaluation *evaluation = data;

  g_clear_pointer (&evaluation->question_id, g_ref_string_release);
  g_clear_pointer (&evaluation->notes, g_ref_string_release);
}

/**
 * ivc_candidate_snapshot_new:
 *
 * The candidate's contents as they are now, for the autosave: cheap (no
 * evaluation's notes are copied, they are shared by reference), and
 * independent of @candidate, so that a worker thread may build the file from
 * it (ivc_candidate_snapshot_to_bytes()) while the candidate changes or goes.
 * It is never changed once taken.
 *
 * Returns: (transfer full): the snapshot
 */
IvcCandidateSnapshot *
ivc_candidate_snapshot_new (IvcCandidate *self)
{
  IvcCandidateSnapshot *snapshot;
  GHashTableIter iter;
  gpointer value;

  g_return_val_if_fail (IVC_IS_CANDIDATE (self), NULL);

  snapshot = g_new0 (IvcCandidateSnapshot, 1);
  snapshot->id = g_strdup (self->id);
  snapshot->name = g_strdup (self->name);
  snapshot->role = g_strdup (self->role);
  snapshot->interview_date = g_strdup (self->interview_date);
  snapshot->bank_id = g_strdup (self->bank_id);
  snapshot->summary = g_strdup (self->summary);
  snapshot->interviewer_id = g_strdup (self->interviewer_id);
  snapshot->interviewer_name = g_strdup (self->interviewer_name);
  snapshot->created = g_date_time_ref (self->created);
  snapshot->modified = g_date_time_ref (self->modified);
  snapshot->submitted = self->submitted ? g_date_time_ref (self->submitted) : NULL;
  snapshot->amended = self->amended ? g_date_time_ref (self->amended) : NULL;
  snapshot->plan = g_strdupv (self->plan);
  snapshot->interview_seconds = self->interview_seconds;
  snapshot->recommendation = self->recommendation;

  snapshot->evaluations = g_array_sized_new (FALSE, FALSE, sizeof (SnapshotEvaluation),
                                             g_hash_table_size (self->evaluations));
  g_array_set_clear_func (snapshot->evaluations, snapshot_evaluation_clear);
  g_hash_table_iter_init (&iter, self->evaluations);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      IvcEvaluation *evaluation = value;
      SnapshotEvaluation e;

      if (ivc_evaluation_is_empty (evaluation))
        continue;

      e.question_id = _ivc_evaluation_ref_question_id (evaluation);
      e.notes = _ivc_evaluation_ref_notes (evaluation);
      e.seconds = ivc_evaluation_get_seconds (evaluation);
      e.score = ivc_evaluation_get_score (evaluation);
      e.red_flag_observed = ivc_evaluation_get_red_flag_observed (evaluation);
      g_array_append_val (snapshot->evaluations, e);
    }

  return snapshot;
}

/**
 * ivc_candidate_snapshot_free:
 *
 * In any thread.
 */
void
ivc_candidate_snapshot_free (IvcCandidateSnapshot *snapshot)
{
  if (snapshot == NULL)
    return;

  g_free (snapshot->id);
  g_free (snapshot->name);
  g_free (snapshot->role);
  g_free (snapshot->interview_date);
  g_free (snapshot->bank_id);
  g_free (snapshot->summary);
  g_free (snapshot->interviewer_id);
  g_free (snapshot->interviewer_name);
  g_date_time_unref (snapshot->created);
  g_date_time_unref (snapshot->modified);
  g_clear_pointer (&snapshot->submitted, g_date_time_unref);
  g_clear_pointer (&snapshot->amended, g_date_time_unref);
  g_strfreev (snapshot->plan);
  g_array_unref (snapshot->evaluations);
  g_free (snapshot);
}

/* The same order as ivc_candidate_list_evaluations(). */
static int
compare_snapshot_evaluations (gconstpointer a,
                              gconstpointer b)
{
  const SnapshotEvaluation *ea = a;
  const SnapshotEvaluation *eb = b;

  return strcmp (ea->question_id, eb->question_id);
}

/* The candidate file's contents as a JSON tree; in any thread. Sorts the
 * snapshot's evaluations, which only its owner sees. */
static JsonNode *
snapshot_build_node (IvcCandidateSnapshot *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *created = NULL;
  g_autofree char *modified = NULL;

  created = format_date_time (self->created);
  modified = format_date_time (self->modified);
  g_array_sort (self->evaluations, compare_snapshot_evaluations);

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

  json_builder_set_member_name (builder, "submitted");
  if (self->submitted != NULL)
    {
      g_autofree char *submitted = format_date_time (self->submitted);

      json_builder_add_string_value (builder, submitted);
    }
  else
    json_builder_add_null_value (builder);

  json_builder_set_member_name (builder, "amended");
  if (self->amended != NULL)
    {
      g_autofree char *amended = format_date_time (self->amended);

      json_builder_add_string_value (builder, amended);
    }
  else
    json_builder_add_null_value (builder);

  json_builder_set_member_name (builder, "plan");
  json_builder_begin_array (builder);
  for (guint i = 0; self->plan[i] != NULL; i++)
    json_builder_add_string_value (builder, self->plan[i]);
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "evaluations");
  json_builder_begin_object (builder);
  for (guint i = 0; i < self->evaluations->len; i++)
    {
      const SnapshotEvaluation *evaluation = &g_array_index (self->evaluations, SnapshotEvaluation, i);

      json_builder_set_member_name (builder, evaluation->question_id);
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "score");
      json_builder_add_int_value (builder, evaluation->score);
      json_builder_set_member_name (builder, "red_flag");
      json_builder_add_boolean_value (builder, evaluation->red_flag_observed);
      json_builder_set_member_name (builder, "notes");
      json_builder_add_string_value (builder, evaluation->notes);
      json_builder_set_member_name (builder, "seconds");
      json_builder_add_int_value (builder, evaluation->seconds);
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);

  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/**
 * ivc_candidate_snapshot_to_bytes:
 *
 * The candidate file from a snapshot, the same bytes as
 * ivc_candidate_to_bytes() gave when it was taken. In any thread, by the
 * snapshot's owner.
 *
 * Returns: (transfer full): the contents of the file
 */
GBytes *
ivc_candidate_snapshot_to_bytes (IvcCandidateSnapshot *snapshot)
{
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (snapshot != NULL, NULL);

  root = snapshot_build_node (snapshot);
  return ivc_json_to_bytes (root);
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
  g_autoptr(IvcCandidateSnapshot) snapshot = NULL;

  g_return_val_if_fail (IVC_IS_CANDIDATE (self), NULL);

  snapshot = ivc_candidate_snapshot_new (self);
  return ivc_candidate_snapshot_to_bytes (snapshot);
}
