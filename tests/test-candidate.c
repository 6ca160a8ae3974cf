/* test-candidate.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "ivc-candidate.h"
#include "ivc-candidate-file.h"
#include "ivc-candidate-store.h"
#include "ivc-text.h"

#define assert_contains(str, part)                              \
  G_STMT_START {                                                \
    if (strstr ((str), (part)) == NULL)                         \
      g_assert_cmpstr ((str), ==, (part));                      \
  } G_STMT_END

static IvcCandidate *
parse (const char  *text,
       GError     **error)
{
  /* Exactly the bytes, without a terminating NUL, as read from disk. */
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));

  return ivc_candidate_new_from_bytes (bytes, "ann.json", error);
}

static char *
to_string (IvcCandidate *candidate)
{
  g_autoptr(GBytes) bytes = ivc_candidate_to_bytes (candidate);

  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static void
count_cb (gpointer  instance,
          guint    *count)
{
  (*count)++;
}

static void
notify_count_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

/* A candidate with every field set, in several scripts and on several lines. */
static IvcCandidate *
make_full_candidate (void)
{
  IvcCandidate *candidate = ivc_candidate_new ("zoe-martin-0badcafe", "Zoë Martin-Ødegård 王小明");
  IvcEvaluation *evaluation;

  ivc_candidate_set_role (candidate, "Backend engineer — “platform”");
  ivc_candidate_set_interview_date (candidate, "2024-02-29");
  ivc_candidate_set_bank_id (candidate, "microservices");
  ivc_candidate_set_recommendation (candidate, IVC_RECOMMENDATION_STRONG_YES);
  ivc_candidate_set_summary (candidate, "Line one\nLine two\ttabbed \"quoted\" \\ backslash\n\nПривет 🎉");
  ivc_candidate_set_interviewer (candidate, "ann", "Ann Lee");

  evaluation = ivc_candidate_ensure_evaluation (candidate, "circuit-breaker");
  ivc_evaluation_set_score (evaluation, IVC_SCORE_STRONG);
  ivc_evaluation_set_notes (evaluation, "Knew half-open state.\nMentioned Hystrix → resilience4j.");

  evaluation = ivc_candidate_ensure_evaluation (candidate, "saga");
  ivc_evaluation_set_score (evaluation, IVC_SCORE_POOR);
  ivc_evaluation_set_red_flag_observed (evaluation, TRUE);

  /* No bank has this question any more. */
  evaluation = ivc_candidate_ensure_evaluation (candidate, "retired-question-42");
  ivc_evaluation_set_notes (evaluation, "Only notes, no score");

  /* Empty: not written. */
  ivc_candidate_ensure_evaluation (candidate, "untouched");

  return candidate;
}

static void
test_new (void)
{
  g_autoptr(IvcCandidate) candidate = ivc_candidate_new ("ann-lee-12345678", "Ann Lee");

  g_assert_cmpstr (ivc_candidate_get_id (candidate), ==, "ann-lee-12345678");
  g_assert_cmpstr (ivc_candidate_get_name (candidate), ==, "Ann Lee");
  g_assert_cmpstr (ivc_candidate_get_role (candidate), ==, "");
  g_assert_cmpstr (ivc_candidate_get_interview_date (candidate), ==, "");
  g_assert_cmpstr (ivc_candidate_get_bank_id (candidate), ==, "");
  g_assert_cmpstr (ivc_candidate_get_summary (candidate), ==, "");
  g_assert_cmpint (ivc_candidate_get_recommendation (candidate), ==, IVC_RECOMMENDATION_NONE);
  g_assert_cmpuint (ivc_candidate_get_n_scored (candidate), ==, 0);
  g_assert_nonnull (ivc_candidate_get_created (candidate));
  g_assert_true (g_date_time_equal (ivc_candidate_get_created (candidate),
                                    ivc_candidate_get_modified (candidate)));
  g_assert_null (ivc_candidate_get_evaluation (candidate, "saga"));
  g_assert_null (ivc_candidate_get_interviewer_id (candidate));

  g_assert_finalize_object (g_steal_pointer (&candidate));
}

/* Ids name folders and files, which sync tools log and copy about: they
 * carry nothing of the person, only "c-" and 128 random bits. */
static void
assert_anonymous_id (const char *id)
{
  g_assert_true (ivc_candidate_id_is_valid (id));
  g_assert_cmpuint (strlen (id), ==, strlen (IVC_CANDIDATE_ID_PREFIX) + IVC_CANDIDATE_ID_RANDOM_BITS / 4);
  g_assert_true (g_str_has_prefix (id, IVC_CANDIDATE_ID_PREFIX));
  for (const char *p = id + strlen (IVC_CANDIDATE_ID_PREFIX); *p; p++)
    g_assert_true (g_ascii_isxdigit (*p) && !g_ascii_isupper (*p));
}

static void
test_generate_id (void)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const char *names[] = { "Zoë Martin", "Dana Kaur", "  Jean-Luc   O'Brien!! ", "王小明", "" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *id = ivc_candidate_generate_id ();
      g_autofree char *ascii = g_str_to_ascii (names[i], "C");
      g_autofree char *lower = g_ascii_strdown (ascii, -1);
      g_auto(GStrv) words = g_strsplit_set (lower, " -'!", -1);

      assert_anonymous_id (id);
      for (guint j = 0; words[j] != NULL; j++)
        if (strlen (words[j]) > 2)
          g_assert_null (strstr (id, words[j]));
    }

  /* Unique in practice. The test seeds GLib's random numbers: the same
   * ids on every run, and none alike. */
  g_random_set_seed (20240501);
  for (guint i = 0; i < 1000; i++)
    {
      char *id = ivc_candidate_generate_id ();

      assert_anonymous_id (id);
      g_assert_true (g_hash_table_add (seen, id));
    }

  /* Ids made by earlier versions, from the name, stay valid: their
   * folders are found and their files read (see the store's tests). */
  g_assert_true (ivc_candidate_id_is_valid ("dana-kaur-e4eedea2"));
  g_assert_true (ivc_candidate_id_is_valid ("zoe-martin-3f9a01c2"));
}

static void
test_date_is_valid (void)
{
  g_assert_true (ivc_candidate_date_is_valid ("2024-02-29"));
  g_assert_true (ivc_candidate_date_is_valid ("1999-12-31"));
  g_assert_false (ivc_candidate_date_is_valid ("2023-02-29"));
  g_assert_false (ivc_candidate_date_is_valid ("2024-13-01"));
  g_assert_false (ivc_candidate_date_is_valid ("2024-1-01"));
  g_assert_false (ivc_candidate_date_is_valid ("2024/01/01"));
  g_assert_false (ivc_candidate_date_is_valid ("0000-01-01"));
  g_assert_false (ivc_candidate_date_is_valid ("tomorrow"));
  g_assert_false (ivc_candidate_date_is_valid (""));
  g_assert_false (ivc_candidate_date_is_valid (NULL));
}

static void
test_round_trip (void)
{
  g_autoptr(IvcCandidate) candidate = make_full_candidate ();
  g_autoptr(IvcCandidate) loaded = NULL;
  g_autoptr(GBytes) bytes = ivc_candidate_to_bytes (candidate);
  g_autoptr(GBytes) again = NULL;
  g_autoptr(GPtrArray) evaluations = NULL;
  g_autoptr(GError) error = NULL;
  IvcEvaluation *evaluation;

  loaded = ivc_candidate_new_from_bytes (bytes, "ann.json", &error);
  g_assert_no_error (error);

  g_assert_cmpstr (ivc_candidate_get_id (loaded), ==, "zoe-martin-0badcafe");
  g_assert_cmpstr (ivc_candidate_get_name (loaded), ==, "Zoë Martin-Ødegård 王小明");
  g_assert_cmpstr (ivc_candidate_get_role (loaded), ==, "Backend engineer — “platform”");
  g_assert_cmpstr (ivc_candidate_get_interview_date (loaded), ==, "2024-02-29");
  g_assert_cmpstr (ivc_candidate_get_bank_id (loaded), ==, "microservices");
  g_assert_cmpint (ivc_candidate_get_recommendation (loaded), ==, IVC_RECOMMENDATION_STRONG_YES);
  g_assert_cmpstr (ivc_candidate_get_summary (loaded), ==, ivc_candidate_get_summary (candidate));
  g_assert_cmpstr (ivc_candidate_get_interviewer_id (loaded), ==, "ann");
  g_assert_cmpstr (ivc_candidate_get_interviewer_name (loaded), ==, "Ann Lee");
  g_assert_true (g_date_time_equal (ivc_candidate_get_created (loaded),
                                    ivc_candidate_get_created (candidate)));
  g_assert_true (g_date_time_equal (ivc_candidate_get_modified (loaded),
                                    ivc_candidate_get_modified (candidate)));
  g_assert_cmpuint (ivc_candidate_get_n_scored (loaded), ==, 2);

  evaluation = ivc_candidate_get_evaluation (loaded, "circuit-breaker");
  g_assert_nonnull (evaluation);
  g_assert_cmpint (ivc_evaluation_get_score (evaluation), ==, IVC_SCORE_STRONG);
  g_assert_false (ivc_evaluation_get_red_flag_observed (evaluation));
  g_assert_cmpstr (ivc_evaluation_get_notes (evaluation), ==,
                   "Knew half-open state.\nMentioned Hystrix → resilience4j.");

  evaluation = ivc_candidate_get_evaluation (loaded, "saga");
  g_assert_cmpint (ivc_evaluation_get_score (evaluation), ==, IVC_SCORE_POOR);
  g_assert_true (ivc_evaluation_get_red_flag_observed (evaluation));
  g_assert_cmpstr (ivc_evaluation_get_notes (evaluation), ==, "");

  evaluation = ivc_candidate_get_evaluation (loaded, "retired-question-42");
  g_assert_cmpint (ivc_evaluation_get_score (evaluation), ==, IVC_SCORE_NONE);
  g_assert_cmpstr (ivc_evaluation_get_notes (evaluation), ==, "Only notes, no score");

  g_assert_null (ivc_candidate_get_evaluation (loaded, "untouched"));

  evaluations = ivc_candidate_list_evaluations (loaded);
  g_assert_cmpuint (evaluations->len, ==, 3);
  g_assert_cmpstr (ivc_evaluation_get_question_id (evaluations->pdata[0]), ==, "circuit-breaker");
  g_assert_cmpstr (ivc_evaluation_get_question_id (evaluations->pdata[1]), ==, "retired-question-42");
  g_assert_cmpstr (ivc_evaluation_get_question_id (evaluations->pdata[2]), ==, "saga");
  g_clear_pointer (&evaluations, g_ptr_array_unref);

  /* Writing what was read gives the same bytes. */
  again = ivc_candidate_to_bytes (loaded);
  g_assert_true (g_bytes_equal (bytes, again));

  g_assert_finalize_object (g_steal_pointer (&loaded));
  g_assert_finalize_object (g_steal_pointer (&candidate));
}

static void
test_file_format (void)
{
  g_autoptr(IvcCandidate) candidate = make_full_candidate ();
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *text = to_string (candidate);
  g_autoptr(GError) error = NULL;
  JsonObject *root, *object;

  g_assert_true (g_str_has_suffix (text, "}\n"));
  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);

  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpint (json_object_get_int_member (root, "format"), ==, 3);
  object = json_object_get_object_member (root, "candidate");
  g_assert_cmpstr (json_object_get_string_member (object, "id"), ==, "zoe-martin-0badcafe");
  g_assert_cmpstr (json_object_get_string_member (object, "interview_date"), ==, "2024-02-29");
  object = json_object_get_object_member (root, "interviewer");
  g_assert_cmpstr (json_object_get_string_member (object, "id"), ==, "ann");
  g_assert_cmpstr (json_object_get_string_member (object, "name"), ==, "Ann Lee");
  g_assert_cmpstr (json_object_get_string_member (root, "bank_id"), ==, "microservices");
  g_assert_cmpstr (json_object_get_string_member (root, "recommendation"), ==, "strong-yes");
  g_assert_true (g_str_has_suffix (json_object_get_string_member (root, "created"), "Z"));
  g_assert_true (g_str_has_suffix (json_object_get_string_member (root, "modified"), "Z"));

  object = json_object_get_object_member (root, "evaluations");
  g_assert_cmpuint (json_object_get_size (object), ==, 3);
  object = json_object_get_object_member (object, "saga");
  g_assert_cmpint (json_object_get_int_member (object, "score"), ==, 1);
  g_assert_true (json_object_get_boolean_member (object, "red_flag"));
  g_assert_cmpstr (json_object_get_string_member (object, "notes"), ==, "");

  g_clear_object (&parser);
  g_assert_finalize_object (g_steal_pointer (&candidate));
}

/* A file as this version writes it, every field set: reading and writing
 * it again gives the same bytes, whatever path the writing takes. */
#define CANONICAL_FILE \
  "{\n" \
  "  \"format\" : 3,\n" \
  "  \"candidate\" : {\n" \
  "    \"id\" : \"zoe-martin-0badcafe\",\n" \
  "    \"name\" : \"Zoë Martin-Ødegård 王小明\",\n" \
  "    \"role\" : \"Backend engineer — “platform”\",\n" \
  "    \"interview_date\" : \"2024-02-29\"\n" \
  "  },\n" \
  "  \"interviewer\" : {\n" \
  "    \"id\" : \"ann\",\n" \
  "    \"name\" : \"Ann Lee\"\n" \
  "  },\n" \
  "  \"bank_id\" : \"microservices\",\n" \
  "  \"recommendation\" : \"strong-yes\",\n" \
  "  \"summary\" : \"Line one\\nLine two\\ttabbed \\\"quoted\\\" \\\\ backslash\\n\\nПривет 🎉\",\n" \
  "  \"created\" : \"2024-02-29T09:00:00Z\",\n" \
  "  \"modified\" : \"2024-02-29T10:30:15Z\",\n" \
  "  \"interview_seconds\" : 3725,\n" \
  "  \"submitted\" : \"2024-02-29T10:00:00Z\",\n" \
  "  \"amended\" : \"2024-02-29T10:30:15Z\",\n" \
  "  \"plan\" : [\n" \
  "    \"saga\",\n" \
  "    \"circuit-breaker\"\n" \
  "  ],\n" \
  "  \"evaluations\" : {\n" \
  "    \"circuit-breaker\" : {\n" \
  "      \"score\" : 4,\n" \
  "      \"red_flag\" : false,\n" \
  "      \"notes\" : \"Knew half-open state.\\nMentioned Hystrix → resilience4j.\",\n" \
  "      \"seconds\" : 600\n" \
  "    },\n" \
  "    \"retired-question-42\" : {\n" \
  "      \"score\" : 0,\n" \
  "      \"red_flag\" : false,\n" \
  "      \"notes\" : \"Only notes, no score\",\n" \
  "      \"seconds\" : 0\n" \
  "    },\n" \
  "    \"saga\" : {\n" \
  "      \"score\" : 1,\n" \
  "      \"red_flag\" : true,\n" \
  "      \"notes\" : \"\",\n" \
  "      \"seconds\" : 95\n" \
  "    }\n" \
  "  }\n" \
  "}\n"

static gpointer
snapshot_to_bytes_thread (gpointer data)
{
  return ivc_candidate_snapshot_to_bytes (data);
}

/* The autosave's path (a snapshot taken on the main thread, its bytes made
 * in another) writes what ivc_candidate_to_bytes() wrote when the snapshot
 * was taken, byte for byte, whatever happens to the candidate since. */
static void
test_snapshot (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IvcCandidate) candidate = parse (CANONICAL_FILE, &error);
  g_autoptr(IvcCandidateSnapshot) snapshot = NULL;
  g_autoptr(GBytes) expected = g_bytes_new_static (CANONICAL_FILE, strlen (CANONICAL_FILE));
  g_autoptr(GBytes) direct = NULL;
  g_autoptr(GBytes) from_snapshot = NULL;
  const char *plan[] = { "outbox", NULL };
  IvcEvaluation *evaluation;
  GThread *thread;

  g_assert_no_error (error);
  direct = ivc_candidate_to_bytes (candidate);
  g_assert_true (g_bytes_equal (direct, expected));

  snapshot = ivc_candidate_snapshot_new (candidate);

  /* Everything changes after the snapshot, and the candidate goes. */
  evaluation = ivc_candidate_ensure_evaluation (candidate, "circuit-breaker");
  ivc_evaluation_set_notes (evaluation, "Rewritten");
  ivc_evaluation_set_score (evaluation, IVC_SCORE_POOR);
  ivc_evaluation_set_seconds (evaluation, 1);
  ivc_evaluation_set_notes (ivc_candidate_ensure_evaluation (candidate, "aardvark"), "New first");
  ivc_evaluation_set_red_flag_observed (ivc_candidate_ensure_evaluation (candidate, "saga"), FALSE);
  ivc_candidate_set_summary (candidate, "Another summary");
  ivc_candidate_set_name (candidate, "Zoe");
  ivc_candidate_set_plan (candidate, plan);
  ivc_candidate_set_recommendation (candidate, IVC_RECOMMENDATION_NO);
  ivc_candidate_set_interviewer (candidate, "bo", "Bo");
  g_assert_finalize_object (g_steal_pointer (&candidate));

  thread = g_thread_new ("snapshot", snapshot_to_bytes_thread, snapshot);
  from_snapshot = g_thread_join (thread);
  g_assert_cmpmem (g_bytes_get_data (from_snapshot, NULL), g_bytes_get_size (from_snapshot),
                   CANONICAL_FILE, strlen (CANONICAL_FILE));
}

static void
test_minimal_file (void)
{
  g_autoptr(IvcCandidate) candidate = NULL;
  g_autoptr(GError) error = NULL;

  /* Only what is required; nulls are the same as absent members; unknown
   * members, from a later version of the same format, are ignored. */
  candidate = parse ("{\"format\": 1, \"candidate\": {\"id\": \"bo\", \"name\": \"Bo\","
                     " \"role\": null, \"shoe_size\": 44},"
                     " \"recommendation\": null, \"evaluations\": {\"q\": {\"score\": 2, \"mood\": \"ok\"}},"
                     " \"future\": [1, 2, 3]}",
                     &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ivc_candidate_get_id (candidate), ==, "bo");
  g_assert_cmpstr (ivc_candidate_get_name (candidate), ==, "Bo");
  g_assert_cmpstr (ivc_candidate_get_role (candidate), ==, "");
  g_assert_cmpint (ivc_candidate_get_recommendation (candidate), ==, IVC_RECOMMENDATION_NONE);
  g_assert_cmpuint (ivc_candidate_get_n_scored (candidate), ==, 1);
  g_assert_null (ivc_candidate_get_interviewer_id (candidate));

  /* Unknown times sort last. */
  g_assert_cmpint (g_date_time_to_unix (ivc_candidate_get_modified (candidate)), ==, 0);

  g_assert_finalize_object (g_steal_pointer (&candidate));
}

static void
test_bad_files (void)
{
  struct {
    const char *text;
    int code;
    const char *message;
  } cases[] = {
    { "", IVC_STORE_ERROR_CORRUPT, "ann.json: the file is empty" },
    { "  \n\t", IVC_STORE_ERROR_CORRUPT, "ann.json: the file is empty" },
    { "{\"format\": 1, \"candidate\": {\"id\": \"bo\", \"na", IVC_STORE_ERROR_CORRUPT, "ann.json:1:41: the file is damaged or incomplete (not valid JSON: a text is not closed" },
    { "not json", IVC_STORE_ERROR_CORRUPT, "ann.json:1:1: the file is damaged or incomplete (not valid JSON: expected a value, found “not”)" },
    { "\xff\xfe{}", IVC_STORE_ERROR_CORRUPT, "not text encoded as UTF-8" },
    { "[1, 2]", IVC_STORE_ERROR_CORRUPT, "expected a JSON object" },
    { "{}", IVC_STORE_ERROR_CORRUPT, "“format” is missing" },
    { "{\"format\": \"1\"}", IVC_STORE_ERROR_CORRUPT, "“format” must be a whole number" },
    { "{\"format\": 0}", IVC_STORE_ERROR_CORRUPT, "“format” must be 1 or more" },
    { "{\"format\": 4, \"candidate\": 7}", IVC_STORE_ERROR_NEWER_FORMAT, "newer version of Interview Companion (format 4)" },
    { "{\"format\": 2, \"candidate\": {\"id\": \"bo\", \"name\": \"Bo\"}, \"plan\": \"a\"}", IVC_STORE_ERROR_CORRUPT, "“plan” must be a list of question ids" },
    { "{\"format\": 2, \"candidate\": {\"id\": \"bo\", \"name\": \"Bo\"}, \"plan\": [\"a\", 3]}", IVC_STORE_ERROR_CORRUPT, "(item 2 is not)" },
    { "{\"format\": 2, \"candidate\": {\"id\": \"bo\", \"name\": \"Bo\"}, \"plan\": [\"\"]}", IVC_STORE_ERROR_CORRUPT, "(item 1 is not)" },
    { "{\"format\": 2, \"candidate\": {\"id\": \"bo\", \"name\": \"Bo\"}, \"interview_seconds\": -1}", IVC_STORE_ERROR_CORRUPT, "“interview_seconds” must be a whole number of seconds from 0" },
    { "{\"format\": 2, \"candidate\": {\"id\": \"bo\", \"name\": \"Bo\"}, \"interview_seconds\": 1.5}", IVC_STORE_ERROR_CORRUPT, "“interview_seconds” must be a whole number of seconds" },
    { "{\"format\": 2, \"candidate\": {\"id\": \"bo\", \"name\": \"Bo\"}, \"evaluations\": {\"q\": {\"seconds\": 99999999999}}}", IVC_STORE_ERROR_CORRUPT, "“evaluations.q.seconds” must be a whole number of seconds from 0" },
    { "{\"format\": 1}", IVC_STORE_ERROR_CORRUPT, "“candidate” is missing" },
    { "{\"format\": 1, \"candidate\": []}", IVC_STORE_ERROR_CORRUPT, "“candidate” must be a JSON object" },
    { "{\"format\": 1, \"candidate\": {\"name\": \"Bo\"}}", IVC_STORE_ERROR_CORRUPT, "“candidate.id” is missing" },
    { "{\"format\": 1, \"candidate\": {\"id\": \"Bo Bo\", \"name\": \"Bo\"}}", IVC_STORE_ERROR_CORRUPT, "“candidate.id” must be 1 to 64" },
    { "{\"format\": 1, \"candidate\": {\"id\": \"bo\", \"name\": 3}}", IVC_STORE_ERROR_CORRUPT, "“candidate.name” must be text" },
    { "{\"format\": 1, \"candidate\": {\"id\": \"bo\", \"name\": \"Bo\", \"interview_date\": \"May 1st\"}}", IVC_STORE_ERROR_CORRUPT, "“candidate.interview_date” must be a date" },
    { "{\"format\": 1, \"candidate\": {\"id\": \"bo\", \"name\": \"Bo\"}, \"recommendation\": \"maybe\"}", IVC_STORE_ERROR_CORRUPT, "found “maybe”" },
    { "{\"format\": 1, \"candidate\": {\"id\": \"bo\", \"name\": \"Bo\"}, \"modified\": \"yesterday\"}", IVC_STORE_ERROR_CORRUPT, "“modified” must be a date and time" },
    { "{\"format\": 1, \"candidate\": {\"id\": \"bo\", \"name\": \"Bo\"}, \"evaluations\": []}", IVC_STORE_ERROR_CORRUPT, "“evaluations” must be a JSON object" },
    { "{\"format\": 1, \"candidate\": {\"id\": \"bo\", \"name\": \"Bo\"}, \"evaluations\": {\"q\": 3}}", IVC_STORE_ERROR_CORRUPT, "“evaluations.q” must be a JSON object" },
    { "{\"format\": 1, \"candidate\": {\"id\": \"bo\", \"name\": \"Bo\"}, \"evaluations\": {\"q\": {\"score\": \"3\"}}}", IVC_STORE_ERROR_CORRUPT, "“evaluations.q.score” must be a whole number from 0 to 4" },
    { "{\"format\": 1, \"candidate\": {\"id\": \"bo\", \"name\": \"Bo\"}, \"evaluations\": {\"q\": {\"score\": 5}}}", IVC_STORE_ERROR_CORRUPT, "(found 5)" },
    { "{\"format\": 1, \"candidate\": {\"id\": \"bo\", \"name\": \"Bo\"}, \"evaluations\": {\"q\": {\"score\": 2.5}}}", IVC_STORE_ERROR_CORRUPT, "“evaluations.q.score”" },
    { "{\"format\": 1, \"candidate\": {\"id\": \"bo\", \"name\": \"Bo\"}, \"evaluations\": {\"q\": {\"red_flag\": 1}}}", IVC_STORE_ERROR_CORRUPT, "“evaluations.q.red_flag” must be true or false" },
    { "{\"format\": 1, \"candidate\": {\"id\": \"bo\", \"name\": \"Bo\"}, \"evaluations\": {\"q\": {\"notes\": [\"a\"]}}}", IVC_STORE_ERROR_CORRUPT, "“evaluations.q.notes” must be text" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(IvcCandidate) candidate = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *escaped = g_strescape (cases[i].text, NULL);

      g_test_message ("case %u: %s", i, escaped);
      candidate = parse (cases[i].text, &error);
      g_assert_null (candidate);
      g_assert_error (error, IVC_STORE_ERROR, cases[i].code);
      /* Where the problem is, when there is a place to point at. */
      g_assert_true (g_str_has_prefix (error->message, "ann.json: ") ||
                     g_str_has_prefix (error->message, "ann.json:1:"));
      assert_contains (error->message, cases[i].message);
    }
}

/* A file that nests far too deep, as a sync peer could plant: refused with
 * a clear message, and the parser never sees it (it would overflow the
 * stack). */
static void
test_too_deep (void)
{
  g_autoptr(GString) deep = g_string_new ("{\"format\": 2, \"candidate\": {\"id\": \"bo\", \"name\": \"Bo\"},\n \"x\": ");
  g_autoptr(IvcCandidate) candidate = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;

  /* 80,000 levels: 160 KB, well under the size limit. */
  for (guint i = 0; i < 80000; i++)
    g_string_append_c (deep, '[');
  for (guint i = 0; i < 80000; i++)
    g_string_append_c (deep, ']');
  g_string_append (deep, "}\n");

  candidate = parse (deep->str, &error);
  g_assert_null (candidate);
  g_assert_error (error, IVC_STORE_ERROR, IVC_STORE_ERROR_CORRUPT);
  expected = g_strdup_printf ("ann.json:2:%u: ", 6 + IVC_CANDIDATE_MAX_DEPTH);
  g_assert_true (g_str_has_prefix (error->message, expected));
  assert_contains (error->message, "nested more than");
  g_clear_error (&error);

  /* Within the limit, unknown members may nest. */
  g_string_assign (deep, "{\"format\": 2, \"candidate\": {\"id\": \"bo\", \"name\": \"Bo\"}, \"x\": ");
  for (guint i = 2; i <= IVC_CANDIDATE_MAX_DEPTH; i++)
    g_string_append_c (deep, '[');
  for (guint i = 2; i <= IVC_CANDIDATE_MAX_DEPTH; i++)
    g_string_append_c (deep, ']');
  g_string_append (deep, "}");
  candidate = parse (deep->str, &error);
  g_assert_no_error (error);
  g_assert_finalize_object (g_steal_pointer (&candidate));
}

#define BO "{\"format\": 2, \"candidate\": {\"id\": \"bo\", \"name\": \"Bo\"}"

/* Only JSON is read: what json-glib would take besides (comments, single
 * quotes, hex numbers, numbers too large to hold) is refused at its place,
 * never read as something else. */
static void
test_strict_json (void)
{
  struct {
    const char *text;
    const char *location;
    const char *message;
  } cases[] = {
    /* Read as 4 (Strong) before: the number wrapped around. */
    { BO ", \"evaluations\": {\"q\": {\"score\": -18446744073709551612}}}", "ann.json:1:87: ", "out of range" },
    { BO ", \"evaluations\": {\"q\": {\"score\": 18446744073709551620}}}", "ann.json:1:87: ", "out of range" },
    /* Reported as “found -1” before. */
    { "{\"format\": 99999999999999999999}", "ann.json:1:12: ", "out of range" },
    { BO ", \"interview_seconds\": 9223372036854775808}", "ann.json:1:77: ", "out of range" },
    { BO ", \"evaluations\": {\"q\": {\"score\": 0x4}}}", "ann.json:1:87: ", "not a number" },
    { BO ", \"evaluations\": {\"q\": {\"score\": 04}}}", "ann.json:1:87: ", "not a number" },
    { BO ", \"evaluations\": {\"q\": {\"score\": +4}}}", "ann.json:1:87: ", "expected a value" },
    /* A comment-only file was a json-glib critical before. */
    { "/* nothing */", "ann.json:1:1: ", "comments" },
    { "// nothing\n", "ann.json:1:1: ", "comments" },
    { BO " /* a comment */ }", "ann.json:1:55: ", "comments" },
    { BO ", 'plan': []}", "ann.json:1:56: ", "double quotes" },
    { BO "} trailing", "ann.json:1:56: ", "after the end" },
    { BO ", \"summary\": \"a\tb\"}", "ann.json:1:69: ", "control character" },
    { BO ", \"summary\": \"a\\qb\"}", "ann.json:1:69: ", "escape" },
    /* A lone surrogate loaded before and was written back as bytes that
     * are not UTF-8; NUL cut the text short. */
    { BO ", \"summary\": \"a\\ud800b\"}", "ann.json:1:69: ", "\\ud800" },
    { BO ", \"summary\": \"a\\udc00\"}", "ann.json:1:69: ", "\\udc00" },
    { BO ", \"summary\": \"a\\ud800\\u0041\"}", "ann.json:1:69: ", "\\ud800" },
    { BO ", \"evaluations\": {\"q\": {\"notes\": \"x\\u0000y\"}}}", "ann.json:1:89: ", "\\u0000" },
    { "{\"format\": 2, \"candidate\": {\"id\": \"bo\", \"name\": \"B\\u0000o\"}}", "ann.json:1:51: ", "\\u0000" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(IvcCandidate) candidate = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *escaped = g_strescape (cases[i].text, NULL);

      g_test_message ("case %u: %s", i, escaped);
      candidate = parse (cases[i].text, &error);
      if (candidate != NULL)
        g_test_message ("loaded: score %d, summary “%s”", ivc_evaluation_get_score (ivc_candidate_ensure_evaluation (candidate, "q")),
                        ivc_candidate_get_summary (candidate));
      g_assert_null (candidate);
      g_assert_error (error, IVC_STORE_ERROR, IVC_STORE_ERROR_CORRUPT);
      g_test_message ("%s", error->message);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      g_assert_true (g_str_has_prefix (error->message, cases[i].location));
      assert_contains (error->message, cases[i].message);
    }
}

/* What is JSON is read, as it means: escapes, surrogate pairs, the largest
 * whole numbers; and what is read is written back and read again. */
static void
test_strict_json_accepted (void)
{
  g_autoptr(IvcCandidate) candidate = NULL;
  g_autoptr(IvcCandidate) again = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  candidate = parse (" \r\n\t" BO ", \"summary\": \"\\ud83d\\ude00 \\u00e9\\/\\\"\\\\\\b\\f\\n\\r\\t\","
                     " \"x\": [-9223372036854775808, 9223372036854775807, -0, 0.5e-3, 1E+2, 1e400, true, false, null, {}, []],"
                     " \"evaluations\": {\"q\": {\"score\": 4}}}\n",
                     &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ivc_candidate_get_summary (candidate), ==, "😀 é/\"\\\b\f\n\r\t");
  g_assert_cmpint (ivc_evaluation_get_score (ivc_candidate_get_evaluation (candidate, "q")), ==, IVC_SCORE_STRONG);

  bytes = ivc_candidate_to_bytes (candidate);
  again = ivc_candidate_new_from_bytes (bytes, "ann.json", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ivc_candidate_get_summary (again), ==, ivc_candidate_get_summary (candidate));
}

/* json-glib quotes a byte of a character it does not expect; messages are
 * UTF-8 all the same. */
static void
test_messages_are_utf8 (void)
{
  const char *texts[] = {
    /* json-glib 1.6 quoted the text it decoded, a lone surrogate included. */
    "{\"format\": 2, \"candidate\": {\"id\": \"bo\", \"name\": \"B\\u00e9\\ud800\", \"role\": \"\"}}",
    "{\"format\": 2, \"candidate\": {\"id\": \"bo\", \"name\": \"Bo\"}, \"recommendation\": \"\\ud800x\"}",
    "{\"format\": 2, \"candidate\": {\"id\": \"\\udfffx\", \"name\": \"Bo\"}}",
    "{\"format\": 2, \"candidate\": {\"id\": \"bo\", \"name\": \"Bo\"}, \"modified\": \"\\ud800x\"}",
    "{\"format\": é}",
    "{é: 1}",
    "{\"a\": 1, 中}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(IvcCandidate) candidate = NULL;
      g_autoptr(GError) error = NULL;

      g_test_message ("case %u: %s", i, texts[i]);
      candidate = parse (texts[i], &error);
      g_assert_null (candidate);
      g_assert_error (error, IVC_STORE_ERROR, IVC_STORE_ERROR_CORRUPT);
      g_test_message ("%s", error->message);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      g_assert_true (g_str_has_prefix (error->message, "ann.json:1:"));
    }
}

static void
test_changed (void)
{
  g_autoptr(IvcCandidate) candidate = ivc_candidate_new ("ann-lee-12345678", "Ann Lee");
  g_autoptr(GDateTime) before = g_date_time_ref (ivc_candidate_get_modified (candidate));
  IvcEvaluation *evaluation;
  guint changed = 0;
  guint n_scored_notified = 0;

  g_signal_connect (candidate, "changed", G_CALLBACK (count_cb), &changed);
  g_signal_connect (candidate, "notify::n-scored", G_CALLBACK (notify_count_cb), &n_scored_notified);

  /* Unchanged values change nothing. */
  ivc_candidate_set_name (candidate, "Ann Lee");
  ivc_candidate_set_role (candidate, NULL);
  ivc_candidate_set_recommendation (candidate, IVC_RECOMMENDATION_NONE);
  g_assert_cmpuint (changed, ==, 0);

  ivc_candidate_set_name (candidate, "Ann Lee-Smith");
  ivc_candidate_set_role (candidate, "SRE");
  ivc_candidate_set_interview_date (candidate, "2024-05-01");
  ivc_candidate_set_bank_id (candidate, "microservices");
  ivc_candidate_set_recommendation (candidate, IVC_RECOMMENDATION_NO);
  g_object_set (candidate, "summary", "Good", NULL);
  g_assert_cmpuint (changed, ==, 6);
  g_assert_true (g_date_time_compare (ivc_candidate_get_modified (candidate), before) > 0);

  /* Adding an empty evaluation is not a change; filling it in is. */
  evaluation = ivc_candidate_ensure_evaluation (candidate, "saga");
  g_assert_true (evaluation == ivc_candidate_ensure_evaluation (candidate, "saga"));
  g_assert_true (evaluation == ivc_candidate_get_evaluation (candidate, "saga"));
  g_assert_cmpuint (changed, ==, 6);

  ivc_evaluation_set_score (evaluation, IVC_SCORE_GOOD);
  g_assert_cmpuint (changed, ==, 7);
  g_assert_cmpuint (ivc_candidate_get_n_scored (candidate), ==, 1);
  g_assert_cmpuint (n_scored_notified, ==, 1);

  ivc_evaluation_set_score (evaluation, IVC_SCORE_GOOD);
  ivc_evaluation_set_notes (evaluation, NULL);
  ivc_evaluation_set_red_flag_observed (evaluation, FALSE);
  g_assert_cmpuint (changed, ==, 7);

  ivc_evaluation_set_score (evaluation, IVC_SCORE_STRONG);
  g_assert_cmpuint (n_scored_notified, ==, 1);
  g_object_set (evaluation, "notes", "x", "red-flag-observed", TRUE, NULL);
  g_assert_cmpuint (changed, ==, 10);

  ivc_evaluation_set_score (evaluation, IVC_SCORE_NONE);
  g_assert_cmpuint (ivc_candidate_get_n_scored (candidate), ==, 0);
  g_assert_cmpuint (n_scored_notified, ==, 2);

  /* Whose scorecard it is, is not a change to it. */
  ivc_candidate_set_interviewer (candidate, "bo", "Bo");
  g_assert_cmpuint (changed, ==, 11);

  g_assert_finalize_object (g_steal_pointer (&candidate));
}

static void
test_evaluation_outlives_candidate (void)
{
  IvcCandidate *candidate = ivc_candidate_new ("ann-lee-12345678", "Ann Lee");
  g_autoptr(IvcEvaluation) evaluation = g_object_ref (ivc_candidate_ensure_evaluation (candidate, "q"));

  g_assert_finalize_object (candidate);

  /* A view still showing it must not reach the candidate. */
  ivc_evaluation_set_score (evaluation, IVC_SCORE_GOOD);
  g_assert_finalize_object (g_steal_pointer (&evaluation));
}

static void
test_new_for_interviewer (void)
{
  g_autoptr(IvcCandidate) other = make_full_candidate ();
  g_autoptr(IvcCandidate) mine = ivc_candidate_new_for_interviewer (other, "bo", "Bo");

  g_assert_cmpstr (ivc_candidate_get_id (mine), ==, ivc_candidate_get_id (other));
  g_assert_cmpstr (ivc_candidate_get_name (mine), ==, ivc_candidate_get_name (other));
  g_assert_cmpstr (ivc_candidate_get_role (mine), ==, ivc_candidate_get_role (other));
  g_assert_cmpstr (ivc_candidate_get_interview_date (mine), ==, "2024-02-29");
  g_assert_cmpstr (ivc_candidate_get_bank_id (mine), ==, "microservices");
  g_assert_cmpstr (ivc_candidate_get_interviewer_id (mine), ==, "bo");
  g_assert_cmpstr (ivc_candidate_get_summary (mine), ==, "");
  g_assert_cmpint (ivc_candidate_get_recommendation (mine), ==, IVC_RECOMMENDATION_NONE);
  g_assert_cmpuint (ivc_candidate_get_n_scored (mine), ==, 0);
  g_assert_null (ivc_candidate_get_evaluation (mine, "saga"));
  g_assert_true (g_date_time_equal (ivc_candidate_get_modified (mine),
                                    ivc_candidate_get_modified (other)));

  g_assert_finalize_object (g_steal_pointer (&mine));
  g_assert_finalize_object (g_steal_pointer (&other));
}

static void
test_matches (void)
{
  g_autoptr(IvcCandidate) candidate = ivc_candidate_new ("zoe-12345678", "Zoë Martin");
  g_auto(GStrv) zoe = ivc_text_search_words ("zoe");
  g_auto(GStrv) both = ivc_text_search_words ("MARTIN sre");
  g_auto(GStrv) date = ivc_text_search_words ("2024-05");
  g_auto(GStrv) none = ivc_text_search_words ("");

  ivc_candidate_set_role (candidate, "SRE");
  g_assert_true (ivc_candidate_matches (candidate, (const char * const *)zoe));
  g_assert_true (ivc_candidate_matches (candidate, (const char * const *)both));
  g_assert_true (ivc_candidate_matches (candidate, (const char * const *)none));
  g_assert_false (ivc_candidate_matches (candidate, (const char * const *)date));

  ivc_candidate_set_interview_date (candidate, "2024-05-01");
  g_assert_true (ivc_candidate_matches (candidate, (const char * const *)date));

  ivc_candidate_set_name (candidate, "Ann");
  g_assert_false (ivc_candidate_matches (candidate, (const char * const *)zoe));

  g_assert_finalize_object (g_steal_pointer (&candidate));
}

static void
test_plan_and_time (void)
{
  g_autoptr(IvcCandidate) candidate = ivc_candidate_new ("bo", "Bo");
  g_autoptr(IvcCandidate) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  const char *plan[] = { "saga", "", "cqrs", "saga", "outbox", NULL };
  const char * const *got;
  guint changed = 0;

  g_signal_connect (candidate, "changed", G_CALLBACK (count_cb), &changed);

  /* Empty and repeated ids are dropped. */
  ivc_candidate_set_plan (candidate, plan);
  got = ivc_candidate_get_plan (candidate);
  g_assert_cmpuint (g_strv_length ((char **)got), ==, 3);
  g_assert_cmpstr (got[0], ==, "saga");
  g_assert_cmpstr (got[1], ==, "cqrs");
  g_assert_cmpstr (got[2], ==, "outbox");
  g_assert_cmpuint (changed, ==, 1);

  /* The same plan again is no change. */
  ivc_candidate_set_plan (candidate, plan);
  g_assert_cmpuint (changed, ==, 1);

  ivc_candidate_plan_move (candidate, "outbox", 0);
  ivc_candidate_plan_move (candidate, "idempotency", -1);
  ivc_candidate_plan_move (candidate, "saga", 99);
  got = ivc_candidate_get_plan (candidate);
  g_assert_cmpstr (got[0], ==, "outbox");
  g_assert_cmpstr (got[1], ==, "cqrs");
  g_assert_cmpstr (got[2], ==, "idempotency");
  g_assert_cmpstr (got[3], ==, "saga");
  g_assert_null (got[4]);
  g_assert_cmpint (ivc_candidate_get_plan_position (candidate, "idempotency"), ==, 2);
  g_assert_cmpint (ivc_candidate_get_plan_position (candidate, "nope"), ==, -1);

  ivc_candidate_plan_remove (candidate, "cqrs");
  ivc_candidate_plan_remove (candidate, "nope");
  g_assert_cmpuint (g_strv_length ((char **)ivc_candidate_get_plan (candidate)), ==, 3);

  /* Time, for the interview and for a question; time alone is worth saving. */
  changed = 0;
  ivc_candidate_set_interview_seconds (candidate, 1234);
  ivc_evaluation_set_seconds (ivc_candidate_ensure_evaluation (candidate, "saga"), 95);
  g_assert_cmpuint (changed, ==, 2);
  g_assert_false (ivc_evaluation_is_empty (ivc_candidate_get_evaluation (candidate, "saga")));

  /* Both survive a round trip. */
  text = to_string (candidate);
  again = parse (text, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ivc_candidate_get_interview_seconds (again), ==, 1234);
  g_assert_cmpuint (ivc_evaluation_get_seconds (ivc_candidate_get_evaluation (again, "saga")), ==, 95);
  g_assert_true (g_strv_equal (ivc_candidate_get_plan (again), ivc_candidate_get_plan (candidate)));

  /* A file of format 1 has neither. */
  g_clear_object (&again);
  again = parse ("{\"format\": 1, \"candidate\": {\"id\": \"bo\", \"name\": \"Bo\"}}", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ivc_candidate_get_interview_seconds (again), ==, 0);
  g_assert_nonnull (ivc_candidate_get_plan (again));
  g_assert_null (ivc_candidate_get_plan (again)[0]);

  /* A repeated id in a file is read once. */
  g_clear_object (&again);
  again = parse ("{\"format\": 2, \"candidate\": {\"id\": \"bo\", \"name\": \"Bo\"}, \"plan\": [\"a\", \"b\", \"a\"]}", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length ((char **)ivc_candidate_get_plan (again)), ==, 2);
}

static void
test_enums (void)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (IVC_TYPE_RECOMMENDATION);
  const char *nicks[] = { "none", "strong-no", "no", "yes", "strong-yes" };

  for (guint i = 0; i < G_N_ELEMENTS (nicks); i++)
    {
      g_assert_cmpstr (ivc_recommendation_get_nick (i), ==, nicks[i]);
      g_assert_cmpint (g_enum_get_value_by_nick (klass, nicks[i])->value, ==, i);
      g_assert_nonnull (ivc_recommendation_get_label (i));
    }

  g_assert_cmpstr (ivc_recommendation_get_label (IVC_RECOMMENDATION_STRONG_NO), ==, "Strong no");
  g_assert_cmpstr (ivc_score_get_label (IVC_SCORE_POOR), ==, "Poor");
  g_assert_cmpstr (ivc_score_get_label (IVC_SCORE_MIXED), ==, "Mixed");
  g_assert_cmpstr (ivc_score_get_label (IVC_SCORE_GOOD), ==, "Good");
  g_assert_cmpstr (ivc_score_get_label (IVC_SCORE_STRONG), ==, "Strong");
  g_assert_cmpint (IVC_SCORE_STRONG, ==, 4);
}

/* Text fields stop at their limits, cut between characters; text already
 * longer, from a file written before the limits, is read whole and can
 * only get shorter. */
static void
test_text_limits (void)
{
  g_autoptr(IvcCandidate) candidate = ivc_candidate_new ("ann-1", "Ann");
  IvcEvaluation *evaluation = ivc_candidate_ensure_evaluation (candidate, "q1");
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(IvcCandidate) loaded = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *shorter = NULL;
  const char *notes;

  /* Two bytes a character: the cut falls between characters. */
  for (guint i = 0; i < IVC_EVALUATION_MAX_NOTES_CHARS + 3; i++)
    g_string_append (text, "é");
  ivc_evaluation_set_notes (evaluation, text->str);
  notes = ivc_evaluation_get_notes (evaluation);
  g_assert_true (g_utf8_validate (notes, -1, NULL));
  g_assert_cmpuint (g_utf8_strlen (notes, -1), ==, IVC_EVALUATION_MAX_NOTES_CHARS);
  g_assert_cmpuint (strlen (notes), ==, 2 * IVC_EVALUATION_MAX_NOTES_CHARS);

  ivc_candidate_set_summary (candidate, text->str);
  g_assert_cmpuint (g_utf8_strlen (ivc_candidate_get_summary (candidate), -1), ==,
                    MIN (IVC_CANDIDATE_MAX_SUMMARY_CHARS, text->len / 2));
  ivc_candidate_set_role (candidate, text->str);
  g_assert_cmpuint (g_utf8_strlen (ivc_candidate_get_role (candidate), -1), ==, IVC_CANDIDATE_MAX_ROLE_CHARS);

  /* A file with longer notes, as an older version wrote it. */
  ivc_evaluation_set_notes (evaluation, "x");
  bytes = ivc_candidate_to_bytes (candidate);
  {
    g_autofree char *json = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
    g_autofree char *longer = NULL;
    g_auto(GStrv) parts = g_strsplit (json, "\"notes\" : \"x\"", 2);
    g_autoptr(GBytes) longer_bytes = NULL;

    g_assert_cmpuint (g_strv_length (parts), ==, 2);
    longer = g_strdup_printf ("%s\"notes\" : \"%s\"%s", parts[0], text->str, parts[1]);
    longer_bytes = g_bytes_new (longer, strlen (longer));
    loaded = ivc_candidate_new_from_bytes (longer_bytes, "older.json", &error);
    g_assert_no_error (error);
  }
  evaluation = ivc_candidate_get_evaluation (loaded, "q1");
  g_assert_cmpstr (ivc_evaluation_get_notes (evaluation), ==, text->str);

  /* It does not grow, but may shrink. */
  g_string_append (text, "more");
  ivc_evaluation_set_notes (evaluation, text->str);
  g_assert_cmpuint (g_utf8_strlen (ivc_evaluation_get_notes (evaluation), -1), ==, IVC_EVALUATION_MAX_NOTES_CHARS + 3);
  shorter = g_utf8_substring (text->str, 1, IVC_EVALUATION_MAX_NOTES_CHARS + 3);
  ivc_evaluation_set_notes (evaluation, shorter);
  g_assert_cmpstr (ivc_evaluation_get_notes (evaluation), ==, shorter);
}

/* The interview date is stored in ISO 8601 and shown as the locale
 * writes dates; what is not a date is shown as it is. */
static void
test_format_date (void)
{
  static const char * const not_dates[] = {
    "", "2026-02-30", "2026-13-01", "2026-1-01", "2026-01-01x", "0000-01-01", "next Monday",
  };
  g_autoptr(GDateTime) date_time = g_date_time_new_utc (2026, 11, 20, 0, 0, 0);
  g_autofree char *expected = g_date_time_format (date_time, "%x");
  g_autofree char *formatted = ivc_text_format_date ("2026-11-20");
  g_autofree char *none = ivc_text_format_date (NULL);

  g_assert_cmpstr (formatted, ==, expected);
  g_assert_cmpstr (none, ==, "");

  for (gsize i = 0; i < G_N_ELEMENTS (not_dates); i++)
    {
      g_autofree char *same = ivc_text_format_date (not_dates[i]);

      g_assert_cmpstr (same, ==, not_dates[i]);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ivc/candidate/new", test_new);
  g_test_add_func ("/ivc/candidate/generate-id", test_generate_id);
  g_test_add_func ("/ivc/candidate/date-is-valid", test_date_is_valid);
  g_test_add_func ("/ivc/candidate/round-trip", test_round_trip);
  g_test_add_func ("/ivc/candidate/file-format", test_file_format);
  g_test_add_func ("/ivc/candidate/snapshot", test_snapshot);
  g_test_add_func ("/ivc/candidate/minimal-file", test_minimal_file);
  g_test_add_func ("/ivc/candidate/bad-files", test_bad_files);
  g_test_add_func ("/ivc/candidate/too-deep", test_too_deep);
  g_test_add_func ("/ivc/candidate/strict-json", test_strict_json);
  g_test_add_func ("/ivc/candidate/strict-json-accepted", test_strict_json_accepted);
  g_test_add_func ("/ivc/candidate/messages-are-utf8", test_messages_are_utf8);
  g_test_add_func ("/ivc/candidate/changed", test_changed);
  g_test_add_func ("/ivc/candidate/evaluation-outlives-candidate", test_evaluation_outlives_candidate);
  g_test_add_func ("/ivc/candidate/new-for-interviewer", test_new_for_interviewer);
  g_test_add_func ("/ivc/candidate/matches", test_matches);
  g_test_add_func ("/ivc/candidate/plan-and-time", test_plan_and_time);
  g_test_add_func ("/ivc/candidate/enums", test_enums);
  g_test_add_func ("/ivc/candidate/text-limits", test_text_limits);
  g_test_add_func ("/ivc/candidate/format-date", test_format_date);

  return g_test_run ();
}
