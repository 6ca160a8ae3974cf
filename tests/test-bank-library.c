/* test-bank-library.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "ivc-bank-image.h"
#include "ivc-bank-library.h"
#include "ivc-bank-writer.h"
#include "ivc-text.h"

#include "ivc-test-files.h"

#define assert_contains(str, part)                              \
  G_STMT_START {                                                \
    if (strstr ((str), (part)) == NULL)                         \
      g_assert_cmpstr ((str), ==, (part));                      \
  } G_STMT_END

typedef struct
{
  char    *tmp;
  char    *banks;
  char    *sources;
  GFile   *folder;
  GString *log;
} Fixture;

/*
 * Helpers.
 */

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  fixture->tmp = g_dir_make_tmp ("ivc-banks-XXXXXX", &error);
  g_assert_no_error (error);

  fixture->banks = g_build_filename (fixture->tmp, "data", "banks", NULL);
  fixture->sources = g_build_filename (fixture->tmp, "sources", NULL);
  fixture->folder = g_file_new_for_path (fixture->banks);
  fixture->log = g_string_new (NULL);
  g_assert_no_errno (g_mkdir (fixture->sources, 0700));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  remove_tree (fixture->tmp);
  g_clear_pointer (&fixture->tmp, g_free);
  g_clear_pointer (&fixture->banks, g_free);
  g_clear_pointer (&fixture->sources, g_free);
  g_clear_object (&fixture->folder);
  g_string_free (g_steal_pointer (&fixture->log), TRUE);
}

static char *
bank_path (Fixture    *fixture,
           const char *id)
{
  g_autofree char *name = g_strconcat (id, ".json", NULL);

  return g_build_filename (fixture->banks, name, NULL);
}

/* A bank file to import, in the sources folder. */
static GFile *
write_source (Fixture    *fixture,
              const char *name,
              const char *contents)
{
  g_autofree char *path = g_build_filename (fixture->sources, name, NULL);

  write_file (path, contents);
  return g_file_new_for_path (path);
}

/* The folder's files but the banks' images (ivc-bank-image.c), which
 * /ivc/bank-library/image tests. */
static char *
list_banks (Fixture *fixture)
{
  g_autofree char *all = list_folder (fixture->banks);
  g_auto(GStrv) names = g_strsplit (all, " ", -1);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; names[i] != NULL; i++)
    {
      if (*names[i] == '\0' || (names[i][0] == '.' && g_str_has_suffix (names[i], ".image")))
        continue;
      g_string_append_printf (out, "%s%s", out->len ? " " : "", names[i]);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* A valid bank: @n_levels levels of @n_questions questions each. */
static char *
make_bank (const char *id,
           const char *title,
           guint       n_levels,
           guint       n_questions)
{
  g_autoptr(GString) out = g_string_new (NULL);

  g_string_append_printf (out,
                          "{\n"
                          "  \"format\": 1,\n"
                          "  \"id\": \"%s\",\n"
                          "  \"title\": \"%s\",\n"
                          "  \"description\": \"About %s.\",\n"
                          "  \"levels\": [\n",
                          id, title, title);

  for (guint l = 0; l < n_levels; l++)
    {
      g_string_append_printf (out, "%s    {\n      \"id\": \"level-%u\",\n      \"title\": \"Level %u\",\n"
                              "      \"questions\": [\n",
                              l ? ",\n" : "", l, l + 1);
      for (guint q = 0; q < n_questions; q++)
        g_string_append_printf (out, "%s        { \"id\": \"q-%u-%u\", \"question\": \"Question %u of level %u?\", "
                                "\"strong_answer\": \"A strong answer.\", \"red_flag\": \"A red flag.\" }",
                                q ? ",\n" : "", l, q, q + 1, l + 1);
      g_string_append (out, "\n      ]\n    }");
    }

  g_string_append (out, "\n  ]\n}\n");
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static const GError *
nth_problem (GPtrArray *problems,
             guint      index_)
{
  g_assert_cmpuint (index_, <, problems->len);
  return g_ptr_array_index (problems, index_);
}

static void
on_items_changed_cb (GListModel *model,
                     guint       position,
                     guint       removed,
                     guint       added,
                     GString    *log)
{
  g_string_append_printf (log, "%u-%u+%u ", position, removed, added);
}

static void
on_notify_cb (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

static IvcBankLibrary *
new_library (Fixture *fixture)
{
  IvcBankLibrary *library = ivc_bank_library_new (fixture->folder, NULL);

  g_signal_connect (library, "items-changed", G_CALLBACK (on_items_changed_cb), fixture->log);
  return library;
}

static IvcBankLibrary *
load_library (Fixture    *fixture,
              GPtrArray **problems)
{
  g_autoptr(IvcBankLibrary) library = new_library (fixture);
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (ivc_bank_library_load (library, NULL, &found, &error));
  g_assert_no_error (error);
  g_assert_nonnull (found);

  if (problems != NULL)
    *problems = g_steal_pointer (&found);
  else
    g_assert_cmpuint (found->len, ==, 0);

  g_string_truncate (fixture->log, 0);

  return g_steal_pointer (&library);
}

static const char *
bundled_id (IvcBankLibrary *library)
{
  return ivc_bank_info_get_id (ivc_bank_library_get_bundled (library));
}

static IvcBankInfo *
get_info (IvcBankLibrary *library,
          guint           position)
{
  g_autoptr(IvcBankInfo) info = g_list_model_get_item (G_LIST_MODEL (library), position);

  g_assert_nonnull (info);

  /* The library holds it. */
  return info;
}

/* The listed ids, in order, joined by spaces. */
static char *
list_ids (IvcBankLibrary *library)
{
  GListModel *model = G_LIST_MODEL (library);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    g_string_append_printf (out, "%s%s", i ? " " : "", ivc_bank_info_get_id (get_info (library, i)));

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
assert_listed (IvcBankLibrary *library,
               const char     *expected)
{
  g_autofree char *ids = list_ids (library);

  g_assert_cmpstr (ids, ==, expected);
}

/* Async work holds a reference until its worker thread lets go. */
static void
finalize_library (IvcBankLibrary *library)
{
  wait_for (g_atomic_int_get (&G_OBJECT (library)->ref_count) == 1);

  g_assert_finalize_object (library);
}

static IvcQuestionBank *
import_ok (IvcBankLibrary *library,
           GFile          *source,
           gboolean        expect_replaced)
{
  g_autoptr(IvcQuestionBank) bank = NULL;
  g_autoptr(IvcBankInfo) info = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  gboolean replaced = !expect_replaced;

  bank = ivc_bank_library_import (library, source, NULL, &info, &replaced, &problems, &error);
  g_assert_no_error (error);
  g_assert_nonnull (bank);
  /* Taking the built-in bank's place is said, never silent. */
  if (g_strcmp0 (ivc_question_bank_get_id (bank), bundled_id (library)) == 0)
    {
      g_assert_cmpuint (problems->len, ==, 1);
      g_assert_nonnull (strstr (((GError *)g_ptr_array_index (problems, 0))->message,
                                "has the id of the built-in bank"));
    }
  else
    g_assert_cmpuint (problems->len, ==, 0);
  g_assert_cmpint (replaced, ==, expect_replaced);
  g_assert_true (ivc_bank_library_lookup (library, ivc_question_bank_get_id (bank)) == info);
  g_assert_cmpuint (ivc_bank_info_get_n_questions (info), ==, ivc_question_bank_get_n_questions (bank));

  return g_steal_pointer (&bank);
}

static GError *
import_fails (IvcBankLibrary  *library,
              GFile           *source,
              GPtrArray      **problems)
{
  g_autoptr(IvcQuestionBank) bank = NULL;
  g_autoptr(IvcBankInfo) info = NULL;
  g_autoptr(GPtrArray) found = NULL;
  GError *error = NULL;
  gboolean replaced = TRUE;

  bank = ivc_bank_library_import (library, source, NULL, &info, &replaced, &found, &error);
  g_assert_null (bank);
  g_assert_null (info);
  g_assert_nonnull (error);
  g_assert_true (error->domain == IVC_BANK_LIBRARY_ERROR);
  g_assert_nonnull (found);

  /* Left as they were. */
  g_assert_true (replaced);

  if (problems != NULL)
    *problems = g_steal_pointer (&found);

  return error;
}

/* Runs the main loop, as the application does, until *done. */
static void
spin_until (gboolean *done)
{
  wait_for (*done);
}

/*
 * Tests.
 */

static void
test_bundled_only (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(IvcBankLibrary) library = new_library (fixture);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  IvcBankInfo *bundled;

  /* Listed from the start, before the folder is read. */
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (library)) == IVC_TYPE_BANK_INFO);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (library)), ==, 1);
  bundled = get_info (library, 0);
  g_assert_true (bundled == ivc_bank_library_get_bundled (library));
  g_assert_true (ivc_bank_info_get_is_bundled (bundled));
  g_assert_false (ivc_bank_info_get_overrides_bundled (bundled));
  g_assert_null (ivc_bank_info_get_file (bundled));
  g_assert_null (ivc_bank_info_get_imported (bundled));
  g_assert_cmpstr (ivc_bank_info_get_id (bundled), ==, "microservices");
  g_assert_cmpuint (ivc_bank_info_get_n_levels (bundled), >, 0);
  g_assert_cmpuint (ivc_bank_info_get_n_questions (bundled), >=, ivc_bank_info_get_n_levels (bundled));
  g_assert_true (ivc_bank_library_lookup (library, "microservices") == bundled);
  g_assert_null (ivc_bank_library_lookup (library, "nothing"));
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (library), 1));

  /* No folder yet: nothing to list, nothing created. */
  g_assert_true (ivc_bank_library_load (library, NULL, &problems, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);
  assert_listed (library, "microservices");
  g_assert_false (g_file_query_exists (fixture->folder, NULL));

  finalize_library (g_steal_pointer (&library));
}

static void
test_default_folder (void)
{
  g_autoptr(IvcBankLibrary) library = ivc_bank_library_new (NULL, NULL);
  g_autofree char *expected = g_build_filename (g_get_user_data_dir (), "interview-companion", "banks", NULL);
  g_autofree char *path = g_file_get_path (ivc_bank_library_get_folder (library));

  /* main() points XDG_DATA_HOME at a temporary folder. */
  g_assert_cmpstr (g_getenv ("XDG_DATA_HOME"), ==, g_get_user_data_dir ());
  g_assert_cmpstr (path, ==, expected);

  finalize_library (g_steal_pointer (&library));
}

static void
test_bundled_data (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autofree char *json = make_bank ("house", "House bank", 2, 3);
  g_autoptr(GBytes) bytes = g_bytes_new (json, strlen (json));
  g_autoptr(IvcBankLibrary) library = ivc_bank_library_new (fixture->folder, bytes);
  IvcBankInfo *bundled = get_info (library, 0);

  g_assert_cmpstr (ivc_bank_info_get_id (bundled), ==, "house");
  g_assert_cmpstr (ivc_bank_info_get_title (bundled), ==, "House bank");
  g_assert_cmpstr (ivc_bank_info_get_description (bundled), ==, "About House bank.");
  g_assert_cmpstr (ivc_bank_info_get_language (bundled), ==, "");
  g_assert_cmpuint (ivc_bank_info_get_n_levels (bundled), ==, 2);
  g_assert_cmpuint (ivc_bank_info_get_n_questions (bundled), ==, 6);

  finalize_library (g_steal_pointer (&library));
}

static void
test_import (Fixture       *fixture,
             gconstpointer  user_data)
{
  g_autoptr(IvcBankLibrary) library = load_library (fixture, NULL);
  g_autoptr(IvcBankLibrary) again = NULL;
  g_autoptr(IvcQuestionBank) bank = NULL;
  g_autofree char *json = make_bank ("team-sql", "Team SQL", 2, 3);
  g_autoptr(GFile) source = write_source (fixture, "Our SQL questions.json", json);
  g_autofree char *path = bank_path (fixture, "team-sql");
  g_autofree char *names = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *info_path = NULL;
  IvcBankInfo *info;
  GStatBuf st;
  guint n_notified = 0;

  g_signal_connect (library, "notify::n-items", G_CALLBACK (on_notify_cb), &n_notified);
  bank = import_ok (library, source, FALSE);
  g_assert_cmpuint (n_notified, ==, 1);
  g_assert_cmpstr (ivc_question_bank_get_id (bank), ==, "team-sql");
  g_assert_cmpuint (ivc_question_bank_get_n_levels (bank), ==, 2);
  g_assert_cmpuint (ivc_question_bank_get_n_questions (bank), ==, 6);
  g_assert_nonnull (ivc_question_bank_find_question (bank, "q-1-2"));

  /* Listed after the bundled bank. */
  assert_listed (library, "microservices team-sql");
  g_assert_cmpstr (fixture->log->str, ==, "1-0+1 ");
  info = get_info (library, 1);
  g_assert_cmpstr (ivc_bank_info_get_title (info), ==, "Team SQL");
  g_assert_cmpuint (ivc_bank_info_get_n_levels (info), ==, 2);
  g_assert_cmpuint (ivc_bank_info_get_n_questions (info), ==, 6);
  g_assert_false (ivc_bank_info_get_is_bundled (info));
  g_assert_false (ivc_bank_info_get_overrides_bundled (info));
  g_assert_nonnull (ivc_bank_info_get_imported (info));
  info_path = g_file_get_path (ivc_bank_info_get_file (info));
  g_assert_cmpstr (info_path, ==, path);
  summary = ivc_bank_info_dup_summary (info);
  g_assert_cmpstr (summary, ==, "2 levels, 6 questions");

  /* The exact bytes, under the bank's id, for the owner only. */
  assert_file_equals (path, json);
  names = list_folder (fixture->banks);
  g_assert_cmpstr (names, ==, ".team-sql.image team-sql.json");
  g_assert_no_errno (g_stat (path, &st));
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_no_errno (g_stat (fixture->banks, &st));
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);

  /* The source is left alone. */
  {
    g_autofree char *source_path = g_file_get_path (source);
    assert_file_equals (source_path, json);
  }

  /* Listed the same by the next start of the app. */
  again = load_library (fixture, NULL);
  assert_listed (again, "microservices team-sql");
  info = get_info (again, 1);
  g_assert_cmpstr (ivc_bank_info_get_title (info), ==, "Team SQL");
  g_assert_cmpuint (ivc_bank_info_get_n_questions (info), ==, 6);
  g_assert_true (g_date_time_equal (ivc_bank_info_get_imported (info),
                                    ivc_bank_info_get_imported (get_info (library, 1))));

  finalize_library (g_steal_pointer (&again));
  finalize_library (g_steal_pointer (&library));
}

static void
test_import_invalid (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(IvcBankLibrary) library = load_library (fixture, NULL);
  g_autofree char *good = make_bank ("good", "Good", 1, 2);
  g_autoptr(GFile) good_source = write_source (fixture, "good.json", good);
  g_autoptr(IvcQuestionBank) bank = NULL;
  g_autoptr(GFile) bad = NULL;
  g_autoptr(GFile) broken = NULL;
  g_autoptr(GFile) missing = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *names = NULL;
  g_autofree char *good_path = bank_path (fixture, "good");
  const GError *problem;

  /* Nothing is written for an invalid bank, not even the folder. */
  bad = write_source (fixture, "bad.json",
                      "{\n"
                      "  \"format\": 1,\n"
                      "  \"id\": \"bad\",\n"
                      "  \"title\": \"Bad\",\n"
                      "  \"levels\": [\n"
                      "    { \"id\": \"a\", \"title\": \"A\", \"questions\": [\n"
                      "      { \"id\": \"q1\", \"question\": \"Q?\", \"strong_answer\": \"S\", \"red_flag\": \"\" },\n"
                      "      { \"id\": \"q1\", \"question\": \"Q?\", \"strong_answer\": \"S\", \"red_flag\": \"R\" }\n"
                      "    ] }\n"
                      "  ]\n"
                      "}\n");
  error = import_fails (library, bad, &problems);
  g_assert_error (error, IVC_BANK_LIBRARY_ERROR, IVC_BANK_LIBRARY_ERROR_INVALID);
  assert_contains (error->message, "“bad.json” was not imported");
  g_assert_cmpuint (problems->len, ==, 2);
  problem = g_ptr_array_index (problems, 0);
  g_assert_error (problem, IVC_BANK_ERROR, IVC_BANK_ERROR_INVALID);
  g_assert_cmpstr (problem->message, ==,
                   "bad.json:7:61: level “a”, question 1: “red_flag” must be a non-empty string");
  problem = g_ptr_array_index (problems, 1);
  g_assert_error (problem, IVC_BANK_ERROR, IVC_BANK_ERROR_DUPLICATE_ID);
  assert_contains (problem->message, "bad.json:8:");
  /* Every problem is in the message too, for a plain error dialog. */
  assert_contains (error->message, nth_problem (problems, 0)->message);
  assert_contains (error->message, nth_problem (problems, 1)->message);
  g_assert_false (g_file_query_exists (fixture->folder, NULL));
  assert_listed (library, "microservices");
  g_assert_cmpstr (fixture->log->str, ==, "");

  /* With banks in the folder, they stay as they were. */
  bank = import_ok (library, good_source, FALSE);
  g_string_truncate (fixture->log, 0);

  g_clear_error (&error);
  g_clear_pointer (&problems, g_ptr_array_unref);
  broken = write_source (fixture, "broken.json", "{ \"format\": 1, \"id\": \"good\", ");
  error = import_fails (library, broken, &problems);
  g_assert_error (error, IVC_BANK_LIBRARY_ERROR, IVC_BANK_LIBRARY_ERROR_INVALID);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_error (nth_problem (problems, 0), IVC_BANK_ERROR, IVC_BANK_ERROR_SYNTAX);
  assert_contains (nth_problem (problems, 0)->message, "broken.json:1:");
  names = list_banks (fixture);
  g_assert_cmpstr (names, ==, "good.json");
  assert_file_equals (good_path, good);
  assert_listed (library, "microservices good");
  g_assert_cmpstr (fixture->log->str, ==, "");

  /* A file that is not there. */
  g_clear_error (&error);
  g_clear_pointer (&problems, g_ptr_array_unref);
  missing = g_file_get_child (fixture->folder, "missing.json");
  error = import_fails (library, missing, &problems);
  g_assert_error (error, IVC_BANK_LIBRARY_ERROR, IVC_BANK_LIBRARY_ERROR_READ);
  assert_contains (error->message, "“missing.json” could not be read: ");
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_error (nth_problem (problems, 0), IVC_BANK_ERROR, IVC_BANK_ERROR_READ);

  /* A folder. */
  g_clear_error (&error);
  g_clear_pointer (&problems, g_ptr_array_unref);
  error = import_fails (library, fixture->folder, &problems);
  g_assert_error (error, IVC_BANK_LIBRARY_ERROR, IVC_BANK_LIBRARY_ERROR_READ);

  g_free (names);
  names = list_banks (fixture);
  g_assert_cmpstr (names, ==, "good.json");
  assert_listed (library, "microservices good");

  finalize_library (g_steal_pointer (&library));
}

static void
test_import_too_large (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autoptr(IvcBankLibrary) library = load_library (fixture, NULL);
  g_autofree char *path = g_build_filename (fixture->sources, "huge.json", NULL);
  g_autoptr(GFile) source = g_file_new_for_path (path);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  FILE *file;

  /* Refused by its size, whatever is in it. */
  file = fopen (path, "w");
  g_assert_nonnull (file);
  g_assert_no_errno (fseek (file, IVC_BANK_MAX_FILE_SIZE, SEEK_SET));
  g_assert_cmpint (fputc (' ', file), ==, ' ');
  g_assert_no_errno (fclose (file));

  error = import_fails (library, source, &problems);
  g_assert_error (error, IVC_BANK_LIBRARY_ERROR, IVC_BANK_LIBRARY_ERROR_INVALID);
  assert_contains (error->message, "too large");
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_error (nth_problem (problems, 0), IVC_BANK_ERROR, IVC_BANK_ERROR_TOO_LARGE);
  g_assert_false (g_file_query_exists (fixture->folder, NULL));
  assert_listed (library, "microservices");

  finalize_library (g_steal_pointer (&library));
}

static void
test_update (Fixture       *fixture,
             gconstpointer  user_data)
{
  g_autoptr(IvcBankLibrary) library = load_library (fixture, NULL);
  g_autoptr(IvcBankLibrary) again = NULL;
  g_autofree char *alpha = make_bank ("alpha", "Alpha", 1, 1);
  g_autofree char *v1 = make_bank ("team", "Beta", 1, 2);
  g_autofree char *v2 = make_bank ("team", "Zeta, revised", 3, 4);
  g_autoptr(GFile) alpha_source = write_source (fixture, "alpha.json", alpha);
  g_autoptr(GFile) v1_source = write_source (fixture, "team.json", v1);
  g_autoptr(GFile) v2_source = write_source (fixture, "team-v2.json", v2);
  g_autofree char *path = bank_path (fixture, "team");
  g_autofree char *names = NULL;
  IvcQuestionBank *bank;
  IvcBankInfo *info;

  g_object_unref (import_ok (library, alpha_source, FALSE));
  g_object_unref (import_ok (library, v1_source, FALSE));
  assert_listed (library, "microservices alpha team");
  g_string_truncate (fixture->log, 0);

  /* The same id again: an update, from a file with another name. */
  bank = import_ok (library, v2_source, TRUE);
  g_assert_cmpuint (ivc_question_bank_get_n_questions (bank), ==, 12);
  g_object_unref (bank);

  assert_listed (library, "microservices alpha team");
  g_assert_cmpstr (fixture->log->str, ==, "2-1+1 ");
  info = ivc_bank_library_lookup (library, "team");
  g_assert_cmpstr (ivc_bank_info_get_title (info), ==, "Zeta, revised");
  g_assert_cmpuint (ivc_bank_info_get_n_levels (info), ==, 3);
  g_assert_cmpuint (ivc_bank_info_get_n_questions (info), ==, 12);
  assert_file_equals (path, v2);
  names = list_banks (fixture);
  g_assert_cmpstr (names, ==, "alpha.json team.json");

  /* Back to the first version: "Beta" still sorts after "Alpha", so the
   * row stays where it is. */
  g_string_truncate (fixture->log, 0);
  g_object_unref (import_ok (library, v1_source, TRUE));
  g_assert_cmpstr (fixture->log->str, ==, "2-1+1 ");
  assert_file_equals (path, v1);

  again = load_library (fixture, NULL);
  assert_listed (again, "microservices alpha team");
  g_assert_cmpuint (ivc_bank_info_get_n_questions (ivc_bank_library_lookup (again, "team")), ==, 2);

  finalize_library (g_steal_pointer (&again));
  finalize_library (g_steal_pointer (&library));
}

/* At start-up a bank named on the command line is imported before the
 * folder is read: an earlier version of it there is updated, not taken
 * for a broken file. */
static void
test_update_before_listing (Fixture       *fixture,
                            gconstpointer  user_data)
{
  g_autoptr(IvcBankLibrary) library = load_library (fixture, NULL);
  g_autoptr(IvcBankLibrary) fresh = NULL;
  g_autofree char *v1 = make_bank ("team", "Team", 1, 2);
  g_autofree char *v2 = make_bank ("team", "Team, revised", 2, 3);
  g_autoptr(GFile) v1_source = write_source (fixture, "team.json", v1);
  g_autoptr(GFile) v2_source = write_source (fixture, "team-v2.json", v2);
  g_autofree char *path = bank_path (fixture, "team");
  g_autofree char *names = NULL;

  g_object_unref (import_ok (library, v1_source, FALSE));

  fresh = new_library (fixture);
  g_object_unref (import_ok (fresh, v2_source, TRUE));
  assert_file_equals (path, v2);
  names = list_banks (fixture);
  g_assert_cmpstr (names, ==, "team.json");

  finalize_library (g_steal_pointer (&fresh));
  finalize_library (g_steal_pointer (&library));
}

static void
test_order (Fixture       *fixture,
            gconstpointer  user_data)
{
  g_autoptr(IvcBankLibrary) library = load_library (fixture, NULL);
  g_autoptr(IvcBankLibrary) again = NULL;
  struct {
    const char *id;
    const char *title;
  } banks[] = {
    { "zebra", "zebra" },
    { "apple", "Apple" },
    { "mango", "mango" },
    { "banana", "Banana" },
    { "apple-2", "apple" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (banks); i++)
    {
      g_autofree char *json = make_bank (banks[i].id, banks[i].title, 1, 1);
      g_autofree char *name = g_strconcat (banks[i].id, ".json", NULL);
      g_autoptr(GFile) source = write_source (fixture, name, json);

      g_object_unref (import_ok (library, source, FALSE));
    }

  /* Bundled first, then by title ignoring case, then by id. */
  assert_listed (library, "microservices apple apple-2 banana mango zebra");
  g_assert_cmpstr (fixture->log->str, ==, "1-0+1 1-0+1 2-0+1 2-0+1 2-0+1 ");

  /* Retitled: the row moves. */
  {
    g_autofree char *json = make_bank ("zebra", "Aardvark", 1, 1);
    g_autoptr(GFile) source = write_source (fixture, "zebra.json", json);

    g_string_truncate (fixture->log, 0);
    g_object_unref (import_ok (library, source, TRUE));
    g_assert_cmpstr (fixture->log->str, ==, "5-1+0 1-0+1 ");
    assert_listed (library, "microservices zebra apple apple-2 banana mango");
  }

  again = load_library (fixture, NULL);
  assert_listed (again, "microservices zebra apple apple-2 banana mango");

  finalize_library (g_steal_pointer (&again));
  finalize_library (g_steal_pointer (&library));
}

static void
test_remove_undo (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autoptr(IvcBankLibrary) library = load_library (fixture, NULL);
  g_autoptr(IvcBankLibrary) again = NULL;
  g_autofree char *plain = make_bank ("team", "Team", 2, 2);
  /* Bytes the loader accepts but that no JSON writer would produce. */
  g_autofree char *json = g_strdup_printf ("\xEF\xBB\xBF%s\n\n", plain);
  g_autofree char *other = make_bank ("other", "Other", 1, 1);
  g_autoptr(GFile) source = write_source (fixture, "team.json", json);
  g_autoptr(GFile) other_source = write_source (fixture, "other.json", other);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) imported = NULL;
  g_autofree char *path = bank_path (fixture, "team");
  g_autofree char *names = NULL;
  IvcBankInfo *info;
  GStatBuf before, after;

  g_object_unref (import_ok (library, source, FALSE));
  g_object_unref (import_ok (library, other_source, FALSE));
  info = ivc_bank_library_lookup (library, "team");
  imported = g_date_time_ref (ivc_bank_info_get_imported (info));
  g_assert_no_errno (g_stat (path, &before));
  g_string_truncate (fixture->log, 0);

  /* Gone from the list and from the disk. */
  g_assert_true (ivc_bank_library_remove (library, "team", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (fixture->log->str, ==, "2-1+0 ");
  assert_listed (library, "microservices other");
  g_assert_null (ivc_bank_library_lookup (library, "team"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  names = list_banks (fixture);
  g_assert_cmpstr (names, ==, "other.json");
  g_assert_true (ivc_bank_library_has_removed (library, "team"));

  /* Another start of the app does not see it either. */
  again = load_library (fixture, NULL);
  assert_listed (again, "microservices other");
  finalize_library (g_steal_pointer (&again));

  /* Undo: byte for byte, with its date. */
  g_string_truncate (fixture->log, 0);
  g_assert_true (ivc_bank_library_restore (library, "team", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (fixture->log->str, ==, "2-0+1 ");
  assert_listed (library, "microservices other team");
  g_assert_false (ivc_bank_library_has_removed (library, "team"));
  assert_file_equals (path, json);
  g_assert_no_errno (g_stat (path, &after));
  g_assert_cmpint (after.st_mode & 0777, ==, 0600);
  g_assert_cmpint (after.st_mtime, ==, before.st_mtime);
  g_assert_true (g_date_time_equal (ivc_bank_info_get_imported (ivc_bank_library_lookup (library, "team")),
                                    imported));

  again = load_library (fixture, NULL);
  assert_listed (again, "microservices other team");
  g_assert_true (g_date_time_equal (ivc_bank_info_get_imported (ivc_bank_library_lookup (again, "team")),
                                    imported));
  finalize_library (g_steal_pointer (&again));

  /* Undo twice: nothing to put back. */
  g_assert_false (ivc_bank_library_restore (library, "team", &error));
  g_assert_error (error, IVC_BANK_LIBRARY_ERROR, IVC_BANK_LIBRARY_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* The undo is no longer offered: the bank is gone for good. */
  g_assert_true (ivc_bank_library_remove (library, "team", &error));
  g_assert_true (ivc_bank_library_remove (library, "other", &error));
  g_assert_no_error (error);
  ivc_bank_library_discard_removed (library, "team");
  g_assert_false (ivc_bank_library_has_removed (library, "team"));
  g_assert_true (ivc_bank_library_has_removed (library, "other"));
  g_assert_false (ivc_bank_library_restore (library, "team", &error));
  g_assert_error (error, IVC_BANK_LIBRARY_ERROR, IVC_BANK_LIBRARY_ERROR_NOT_FOUND);
  g_clear_error (&error);
  ivc_bank_library_discard_removed (library, NULL);
  g_assert_false (ivc_bank_library_has_removed (library, "other"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  assert_listed (library, "microservices");

  /* Removing what is not there. */
  g_assert_false (ivc_bank_library_remove (library, "team", &error));
  g_assert_error (error, IVC_BANK_LIBRARY_ERROR, IVC_BANK_LIBRARY_ERROR_NOT_FOUND);

  finalize_library (g_steal_pointer (&library));
}

/* An import of the same bank after a removal wins over the undo. */
static void
test_remove_then_import (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autoptr(IvcBankLibrary) library = load_library (fixture, NULL);
  g_autofree char *v1 = make_bank ("team", "Team", 1, 1);
  g_autofree char *v2 = make_bank ("team", "Team", 1, 5);
  g_autoptr(GFile) v1_source = write_source (fixture, "v1.json", v1);
  g_autoptr(GFile) v2_source = write_source (fixture, "v2.json", v2);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = bank_path (fixture, "team");

  g_object_unref (import_ok (library, v1_source, FALSE));
  g_assert_true (ivc_bank_library_remove (library, "team", &error));
  g_assert_no_error (error);
  g_object_unref (import_ok (library, v2_source, FALSE));
  g_assert_false (ivc_bank_library_has_removed (library, "team"));
  g_assert_false (ivc_bank_library_restore (library, "team", &error));
  g_assert_error (error, IVC_BANK_LIBRARY_ERROR, IVC_BANK_LIBRARY_ERROR_NOT_FOUND);
  assert_file_equals (path, v2);

  finalize_library (g_steal_pointer (&library));
}

static void
test_remove_bundled (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(IvcBankLibrary) library = load_library (fixture, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (ivc_bank_library_remove (library, bundled_id (library), &error));
  g_assert_error (error, IVC_BANK_LIBRARY_ERROR, IVC_BANK_LIBRARY_ERROR_BUNDLED);
  assert_contains (error->message, "cannot be removed");
  assert_listed (library, "microservices");
  g_assert_cmpstr (fixture->log->str, ==, "");
  g_assert_false (ivc_bank_library_has_removed (library, "microservices"));

  finalize_library (g_steal_pointer (&library));
}

static void
test_override_bundled (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autoptr(IvcBankLibrary) library = load_library (fixture, NULL);
  g_autoptr(IvcBankLibrary) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *ours = make_bank ("microservices", "Our microservices", 2, 2);
  g_autofree char *other = make_bank ("other", "Other", 1, 1);
  g_autoptr(GFile) source = write_source (fixture, "ours.json", ours);
  g_autoptr(GFile) other_source = write_source (fixture, "other.json", other);
  g_autofree char *path = bank_path (fixture, "microservices");
  IvcBankInfo *bundled = ivc_bank_library_get_bundled (library);
  IvcBankInfo *info;

  g_object_unref (import_ok (library, other_source, FALSE));
  g_string_truncate (fixture->log, 0);

  /* Not an update of an imported bank, but it takes the bundled one's
   * place. */
  g_object_unref (import_ok (library, source, FALSE));
  g_assert_cmpstr (fixture->log->str, ==, "0-1+1 ");
  assert_listed (library, "microservices other");
  info = get_info (library, 0);
  g_assert_true (info != bundled);
  g_assert_true (ivc_bank_library_lookup (library, "microservices") == info);
  g_assert_true (ivc_bank_library_get_bundled (library) == bundled);
  g_assert_false (ivc_bank_info_get_is_bundled (info));
  g_assert_true (ivc_bank_info_get_overrides_bundled (info));
  g_assert_cmpstr (ivc_bank_info_get_title (info), ==, "Our microservices");
  g_assert_cmpuint (ivc_bank_info_get_n_questions (info), ==, 4);
  assert_file_equals (path, ours);

  /* An update of the override is an update. */
  g_object_unref (import_ok (library, source, TRUE));
  assert_listed (library, "microservices other");
  g_assert_true (ivc_bank_info_get_overrides_bundled (get_info (library, 0)));

  again = load_library (fixture, NULL);
  assert_listed (again, "microservices other");
  g_assert_true (ivc_bank_info_get_overrides_bundled (get_info (again, 0)));
  g_assert_cmpstr (ivc_bank_info_get_title (get_info (again, 0)), ==, "Our microservices");
  finalize_library (g_steal_pointer (&again));

  /* Removing it brings the bundled bank back; undo overrides it again. */
  g_string_truncate (fixture->log, 0);
  g_assert_true (ivc_bank_library_remove (library, "microservices", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (fixture->log->str, ==, "0-1+1 ");
  assert_listed (library, "microservices other");
  g_assert_true (get_info (library, 0) == bundled);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  g_assert_true (ivc_bank_library_restore (library, "microservices", &error));
  g_assert_no_error (error);
  g_assert_true (ivc_bank_info_get_overrides_bundled (get_info (library, 0)));
  assert_file_equals (path, ours);

  g_assert_true (ivc_bank_library_remove (library, "microservices", &error));
  g_assert_true (get_info (library, 0) == bundled);

  /* And the bundled bank itself still cannot be removed. */
  g_assert_false (ivc_bank_library_remove (library, "microservices", &error));
  g_assert_error (error, IVC_BANK_LIBRARY_ERROR, IVC_BANK_LIBRARY_ERROR_BUNDLED);

  finalize_library (g_steal_pointer (&library));
}

/* What else may be in the folder: files being written, copies, notes,
 * broken banks. Nothing is deleted or rewritten. */
static void
test_folder_contents (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(IvcBankLibrary) library = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *good = make_bank ("good", "Good", 2, 2);
  g_autofree char *other = make_bank ("other", "Other", 1, 1);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *folder_json = g_build_filename (fixture->banks, "folder.json", NULL);
  GString *messages;
  struct {
    const char *name;
    const char *contents;
  } files[] = {
    { "good.json", good },
    { "broken.json", "{ \"format\": 1," },
    { "empty.json", "" },
    { "wrong-name.json", other },
    { "newer.json", "{ \"format\": 2, \"id\": \"newer\" }" },
    /* Not banks at all. */
    { ".good.json.Q1W2E3", "{" },
    { "good.json.AB12CD", "{" },
    { "good.json~", "{" },
    { "Good Copy.json", good },
    { "-dash.json", good },
    { "notes.txt", "Remember the milk" },
    { "good.json.kept-20240101T000000Z", "{" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = g_build_filename (fixture->banks, files[i].name, NULL);
      write_file (path, files[i].contents);
    }
  g_assert_no_errno (g_mkdir (folder_json, 0700));
  before = list_banks (fixture);

  library = load_library (fixture, &problems);
  assert_listed (library, "microservices good");
  g_assert_cmpuint (ivc_bank_info_get_n_questions (get_info (library, 1)), ==, 4);

  messages = g_string_new (NULL);
  for (guint i = 0; i < problems->len; i++)
    {
      const GError *problem = g_ptr_array_index (problems, i);

      g_assert_true (problem->domain == IVC_BANK_LIBRARY_ERROR);
      g_string_append_printf (messages, "%s\n", problem->message);
    }
  g_assert_cmpuint (problems->len, ==, 5);
  assert_contains (messages->str, "“broken.json” in the banks folder was skipped:\nbroken.json:1:");
  assert_contains (messages->str, "“empty.json” in the banks folder was skipped:\nempty.json: ");
  assert_contains (messages->str, "“wrong-name.json” in the banks folder was skipped: it holds the bank “other”, "
                                  "so it should be named “other.json”");
  assert_contains (messages->str, "“newer.json” in the banks folder was skipped:\nnewer.json");
  assert_contains (messages->str, "“folder.json” in the banks folder was skipped:\nfolder.json: cannot be read: ");
  g_string_free (messages, TRUE);

  /* All still there, as they were. */
  after = list_banks (fixture);
  g_assert_cmpstr (after, ==, before);
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = g_build_filename (fixture->banks, files[i].name, NULL);
      assert_file_equals (path, files[i].contents);
    }

  /* An import under the name of a broken file keeps that file aside. */
  {
    g_autofree char *fixed = make_bank ("broken", "Fixed", 1, 3);
    g_autoptr(GFile) source = write_source (fixture, "fixed.json", fixed);
    g_autoptr(IvcQuestionBank) bank = NULL;
    g_autoptr(GPtrArray) notes = NULL;
    g_autoptr(GError) error = NULL;
    g_autofree char *path = bank_path (fixture, "broken");
    g_auto(GStrv) names = NULL;
    g_autofree char *kept = NULL;
    g_autofree char *kept_path = NULL;

    bank = ivc_bank_library_import (library, source, NULL, NULL, NULL, &notes, &error);
    g_assert_no_error (error);
    g_assert_nonnull (bank);
    g_assert_cmpuint (notes->len, ==, 1);
    assert_contains (nth_problem (notes, 0)->message,
                     "already had a file “broken.json” that could not be read. It was kept as “broken.json.kept-");
    assert_file_equals (path, fixed);
    assert_listed (library, "microservices broken good");

    g_free (after);
    after = list_banks (fixture);
    names = g_strsplit (after, " ", -1);
    for (guint i = 0; names[i]; i++)
      {
        if (g_str_has_prefix (names[i], "broken.json.kept-2"))
          kept = g_strdup (names[i]);
      }
    g_assert_nonnull (kept);
    kept_path = g_build_filename (fixture->banks, kept, NULL);
    assert_file_equals (kept_path, "{ \"format\": 1,");
  }

  finalize_library (g_steal_pointer (&library));
}

static void
test_unreadable_folder (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autoptr(IvcBankLibrary) library = new_library (fixture);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;

  write_file (fixture->banks, "not a folder");
  g_assert_false (ivc_bank_library_load (library, NULL, &problems, &error));
  g_assert_error (error, IVC_BANK_LIBRARY_ERROR, IVC_BANK_LIBRARY_ERROR_FOLDER);
  assert_contains (error->message, "The banks folder “");
  g_assert_null (problems);
  assert_listed (library, "microservices");
  assert_file_equals (fixture->banks, "not a folder");

  finalize_library (g_steal_pointer (&library));
}

/* Taking write permission away does not stop root: as root, that part
 * runs as an ordinary user. The folder is also blocked by a file, and the
 * disk made full with RLIMIT_FSIZE, which stops everyone. */
static void
test_write_failure (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(IvcBankLibrary) library = load_library (fixture, NULL);
  g_autofree char *v1 = make_bank ("team", "Team", 1, 1);
  g_autofree char *v2 = make_bank ("team", "Team, much longer", 10, 20);
  g_autofree char *fresh = make_bank ("fresh", "Fresh", 10, 20);
  g_autoptr(GFile) v1_source = write_source (fixture, "v1.json", v1);
  g_autoptr(GFile) v2_source = write_source (fixture, "v2.json", v2);
  g_autoptr(GFile) fresh_source = write_source (fixture, "fresh.json", fresh);
  g_autofree char *path = bank_path (fixture, "team");
  g_autofree char *names = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *probe = g_build_filename (fixture->banks, "probe", NULL);
  struct rlimit saved, limited;
  void (*saved_handler) (int);

  g_object_unref (import_ok (library, v1_source, FALSE));
  g_string_truncate (fixture->log, 0);

  /* A read-only folder. */
  become_ordinary_user (fixture->tmp);
  g_assert_no_errno (g_chmod (fixture->banks, 0500));
  g_assert_cmpint (g_open (probe, O_CREAT | O_WRONLY, 0600), ==, -1);

  error = import_fails (library, v2_source, NULL);
  g_assert_error (error, IVC_BANK_LIBRARY_ERROR, IVC_BANK_LIBRARY_ERROR_WRITE);
  g_assert_true (g_str_has_prefix (error->message, "Could not save the bank to “"));
  assert_contains (error->message, "team.json”: Permission denied");
  assert_file_equals (path, v1);

  g_clear_error (&error);
  g_assert_false (ivc_bank_library_remove (library, "team", &error));
  g_assert_error (error, IVC_BANK_LIBRARY_ERROR, IVC_BANK_LIBRARY_ERROR_WRITE);
  assert_contains (error->message, "Could not remove “Team” from the banks folder: Permission denied");
  assert_file_equals (path, v1);
  assert_listed (library, "microservices team");
  g_assert_false (ivc_bank_library_has_removed (library, "team"));

  g_assert_no_errno (g_chmod (fixture->banks, 0700));
  become_root_again ();

  /* The disk is full: files may not grow past 4 KiB, even for root. */
  g_assert_cmpuint (strlen (v2), >, 4096);
  g_assert_no_errno (getrlimit (RLIMIT_FSIZE, &saved));
  limited = saved;
  limited.rlim_cur = 4096;
  saved_handler = signal (SIGXFSZ, SIG_IGN);
  g_assert_no_errno (setrlimit (RLIMIT_FSIZE, &limited));

  g_clear_error (&error);
  error = import_fails (library, v2_source, NULL);
  g_assert_error (error, IVC_BANK_LIBRARY_ERROR, IVC_BANK_LIBRARY_ERROR_WRITE);
  assert_contains (error->message, "team.json”: File too large");
  g_clear_error (&error);
  error = import_fails (library, fresh_source, NULL);

  g_assert_no_errno (setrlimit (RLIMIT_FSIZE, &saved));
  signal (SIGXFSZ, saved_handler);

  g_assert_error (error, IVC_BANK_LIBRARY_ERROR, IVC_BANK_LIBRARY_ERROR_WRITE);
  g_assert_true (g_str_has_prefix (error->message, "Could not save the bank to “"));
  assert_contains (error->message, "fresh.json”: File too large");

  /* The old file is whole, and nothing else was left behind. */
  assert_file_equals (path, v1);
  names = list_banks (fixture);
  g_assert_cmpstr (names, ==, "team.json");
  assert_listed (library, "microservices team");
  g_assert_cmpuint (ivc_bank_info_get_n_questions (ivc_bank_library_lookup (library, "team")), ==, 1);
  g_assert_cmpstr (fixture->log->str, ==, "");

  /* The folder is in the way of a file. */
  remove_tree (fixture->banks);
  write_file (fixture->banks, "in the way");
  g_clear_error (&error);
  error = import_fails (library, fresh_source, NULL);
  g_assert_error (error, IVC_BANK_LIBRARY_ERROR, IVC_BANK_LIBRARY_ERROR_WRITE);
  assert_contains (error->message, "fresh.json”: ");
  assert_file_equals (fixture->banks, "in the way");

  /* Undo cannot write either: the removal can be undone later. */
  g_assert_no_errno (g_unlink (fixture->banks));
  g_assert_no_errno (g_mkdir (fixture->banks, 0700));
  write_file (path, v1);
  g_clear_error (&error);
  g_assert_true (ivc_bank_library_remove (library, "team", &error));
  g_assert_no_error (error);
  g_assert_no_errno (g_rmdir (fixture->banks));
  write_file (fixture->banks, "in the way");
  g_assert_false (ivc_bank_library_restore (library, "team", &error));
  g_assert_error (error, IVC_BANK_LIBRARY_ERROR, IVC_BANK_LIBRARY_ERROR_WRITE);
  g_assert_true (ivc_bank_library_has_removed (library, "team"));
  assert_listed (library, "microservices");
  g_clear_error (&error);
  g_assert_no_errno (g_unlink (fixture->banks));
  g_assert_true (ivc_bank_library_restore (library, "team", &error));
  g_assert_no_error (error);
  assert_file_equals (path, v1);
  assert_listed (library, "microservices team");

  finalize_library (g_steal_pointer (&library));
}

static void
on_load_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  GPtrArray **problems = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (ivc_bank_library_load_finish (IVC_BANK_LIBRARY (object), result, problems, &error));
  g_assert_no_error (error);
  g_assert_nonnull (*problems);
}

static void
test_load_async (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autoptr(IvcBankLibrary) library = new_library (fixture);
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *b = make_bank ("bravo", "Bravo", 2, 3);
  g_autofree char *a = make_bank ("alpha", "alpha", 1, 1);
  g_autofree char *c = make_bank ("charlie", "Charlie", 1, 1);
  g_autofree char *b_path = bank_path (fixture, "bravo");
  g_autofree char *a_path = bank_path (fixture, "alpha");
  g_autofree char *bad_path = bank_path (fixture, "bad");
  g_autoptr(GFile) c_source = write_source (fixture, "charlie.json", c);

  write_file (b_path, b);
  write_file (a_path, a);
  write_file (bad_path, "[]");

  ivc_bank_library_load_async (library, NULL, on_load_cb, &problems);
  /* Not listed until the folder was read. */
  assert_listed (library, "microservices");
  wait_for (problems != NULL);

  assert_listed (library, "microservices alpha bravo");
  g_assert_cmpstr (fixture->log->str, ==, "0-1+3 ");
  g_assert_cmpuint (ivc_bank_info_get_n_questions (get_info (library, 2)), ==, 6);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_error (nth_problem (problems, 0), IVC_BANK_LIBRARY_ERROR, IVC_BANK_LIBRARY_ERROR_INVALID);
  assert_contains (nth_problem (problems, 0)->message, "bad.json");

  /* An import while the folder is read is not lost. */
  g_clear_pointer (&problems, g_ptr_array_unref);
  ivc_bank_library_load_async (library, NULL, on_load_cb, &problems);
  g_object_unref (import_ok (library, c_source, FALSE));
  g_assert_true (ivc_bank_library_remove (library, "alpha", NULL));
  wait_for (problems != NULL);
  assert_listed (library, "microservices bravo charlie");

  finalize_library (g_steal_pointer (&library));
}

static void
test_load_cancelled (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(IvcBankLibrary) library = new_library (fixture);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *a = make_bank ("alpha", "Alpha", 1, 1);
  g_autofree char *a_path = bank_path (fixture, "alpha");

  write_file (a_path, a);
  g_cancellable_cancel (cancellable);
  g_assert_false (ivc_bank_library_load (library, cancellable, &problems, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  assert_listed (library, "microservices");

  finalize_library (g_steal_pointer (&library));
}

typedef struct
{
  gboolean          done;
  IvcQuestionBank  *bank;
  IvcBankInfo      *info;
  gboolean          replaced;
  GPtrArray        *problems;
  GError           *error;
} ImportOutcome;

static void
import_outcome_clear (ImportOutcome *outcome)
{
  g_clear_object (&outcome->bank);
  g_clear_object (&outcome->info);
  g_clear_pointer (&outcome->problems, g_ptr_array_unref);
  g_clear_error (&outcome->error);
  outcome->done = FALSE;
}

static void
on_import_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  ImportOutcome *outcome = user_data;

  outcome->bank = ivc_bank_library_import_finish (IVC_BANK_LIBRARY (object), result,
                                                  &outcome->info, &outcome->replaced,
                                                  &outcome->problems, &outcome->error);
  outcome->done = TRUE;
}

static void
test_import_async (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(IvcBankLibrary) library = load_library (fixture, NULL);
  g_autofree char *v1 = make_bank ("team", "Team", 1, 2);
  g_autofree char *v2 = make_bank ("team", "Team", 2, 2);
  g_autoptr(GFile) v1_source = write_source (fixture, "v1.json", v1);
  g_autoptr(GFile) v2_source = write_source (fixture, "v2.json", v2);
  g_autoptr(GFile) bad_source = write_source (fixture, "bad.json", "{\"format\": 1}");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *path = bank_path (fixture, "team");
  ImportOutcome outcome = { 0 };

  ivc_bank_library_import_async (library, v1_source, NULL, on_import_cb, &outcome);
  assert_listed (library, "microservices");
  spin_until (&outcome.done);
  g_assert_no_error (outcome.error);
  g_assert_nonnull (outcome.bank);
  g_assert_cmpuint (ivc_question_bank_get_n_questions (outcome.bank), ==, 2);
  g_assert_false (outcome.replaced);
  g_assert_true (ivc_bank_library_lookup (library, "team") == outcome.info);
  g_assert_cmpuint (outcome.problems->len, ==, 0);
  assert_listed (library, "microservices team");
  assert_file_equals (path, v1);
  import_outcome_clear (&outcome);

  ivc_bank_library_import_async (library, v2_source, NULL, on_import_cb, &outcome);
  spin_until (&outcome.done);
  g_assert_no_error (outcome.error);
  g_assert_true (outcome.replaced);
  g_assert_cmpuint (ivc_bank_info_get_n_questions (outcome.info), ==, 4);
  assert_file_equals (path, v2);
  import_outcome_clear (&outcome);

  ivc_bank_library_import_async (library, bad_source, NULL, on_import_cb, &outcome);
  spin_until (&outcome.done);
  g_assert_error (outcome.error, IVC_BANK_LIBRARY_ERROR, IVC_BANK_LIBRARY_ERROR_INVALID);
  g_assert_null (outcome.bank);
  g_assert_null (outcome.info);
  g_assert_cmpuint (outcome.problems->len, ==, 3);
  assert_contains (nth_problem (outcome.problems, 0)->message, "bad.json:1:1: ");
  assert_file_equals (path, v2);
  import_outcome_clear (&outcome);

  /* Cancelled before it was written: nothing happens. */
  g_cancellable_cancel (cancellable);
  ivc_bank_library_import_async (library, v1_source, cancellable, on_import_cb, &outcome);
  spin_until (&outcome.done);
  g_assert_error (outcome.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (outcome.bank);
  assert_file_equals (path, v2);
  import_outcome_clear (&outcome);

  assert_listed (library, "microservices team");

  finalize_library (g_steal_pointer (&library));
}

static void
on_load_bank_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  ImportOutcome *outcome = user_data;

  outcome->bank = ivc_bank_library_load_bank_finish (IVC_BANK_LIBRARY (object), result, &outcome->error);
  outcome->done = TRUE;
}

static void
test_load_bank (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(IvcBankLibrary) library = load_library (fixture, NULL);
  g_autofree char *json = make_bank ("team", "Team", 3, 2);
  g_autoptr(GFile) source = write_source (fixture, "team.json", json);
  g_autofree char *path = bank_path (fixture, "team");
  ImportOutcome outcome = { 0 };
  IvcBankInfo *info;

  ivc_bank_library_load_bank_async (library, ivc_bank_library_get_bundled (library), NULL,
                                    on_load_bank_cb, &outcome);
  spin_until (&outcome.done);
  g_assert_no_error (outcome.error);
  g_assert_cmpstr (ivc_question_bank_get_id (outcome.bank), ==, "microservices");
  g_assert_cmpuint (ivc_question_bank_get_n_questions (outcome.bank), ==,
                    ivc_bank_info_get_n_questions (ivc_bank_library_get_bundled (library)));
  import_outcome_clear (&outcome);

  g_object_unref (import_ok (library, source, FALSE));
  info = ivc_bank_library_lookup (library, "team");
  ivc_bank_library_load_bank_async (library, info, NULL, on_load_bank_cb, &outcome);
  spin_until (&outcome.done);
  g_assert_no_error (outcome.error);
  g_assert_cmpstr (ivc_question_bank_get_id (outcome.bank), ==, "team");
  g_assert_cmpuint (ivc_question_bank_get_n_levels (outcome.bank), ==, 3);
  g_assert_cmpuint (ivc_question_bank_get_n_questions (outcome.bank), ==, 6);
  import_outcome_clear (&outcome);

  /* Someone deleted the file behind the app's back. */
  g_assert_no_errno (g_unlink (path));
  ivc_bank_library_load_bank_async (library, info, NULL, on_load_bank_cb, &outcome);
  spin_until (&outcome.done);
  g_assert_error (outcome.error, IVC_BANK_ERROR, IVC_BANK_ERROR_READ);
  g_assert_null (outcome.bank);
  import_outcome_clear (&outcome);

  finalize_library (g_steal_pointer (&library));
}

/*
 * The image of an imported bank: used while the JSON file is the one it
 * was made of, never when it is stale or damaged.
 */

static void
on_load_file_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  ImportOutcome *outcome = user_data;

  outcome->bank = ivc_bank_library_load_file_finish (result, &outcome->error);
  outcome->done = TRUE;
}

static IvcQuestionBank *
load_file (GFile *file)
{
  ImportOutcome outcome = { 0 };
  IvcQuestionBank *bank;

  ivc_bank_library_load_file_async (file, NULL, on_load_file_cb, &outcome);
  spin_until (&outcome.done);
  g_assert_no_error (outcome.error);
  bank = g_steal_pointer (&outcome.bank);
  import_outcome_clear (&outcome);

  return bank;
}

static void
assert_same_bank (IvcQuestionBank *bank,
                  IvcQuestionBank *other)
{
  g_autofree char *difference = ivc_question_bank_describe_difference (bank, other);

  g_assert_cmpstr (difference, ==, NULL);
}

static void
test_image (Fixture       *fixture,
            gconstpointer  user_data)
{
  g_autoptr(IvcBankLibrary) library = load_library (fixture, NULL);
  g_autofree char *sample = g_test_build_filename (G_TEST_DIST, "data", "frontend.json", NULL);
  g_autoptr(GFile) source = g_file_new_for_path (sample);
  g_autofree char *path = bank_path (fixture, "frontend");
  g_autofree char *image_path = ivc_bank_image_dup_path (path);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(IvcQuestionBank) imported = NULL;
  g_autoptr(IvcQuestionBank) from_image = NULL;
  g_autoptr(IvcQuestionBank) loaded = NULL;
  g_autoptr(IvcBankLibrary) again = NULL;
  g_autofree char *other = make_bank ("frontend", "Frontend, edited", 2, 3);
  g_autofree char *contents = NULL;
  gsize len = 0;
  IvcBankInfo *info;

  /* Imported: the image is written beside the file, and holds the bank. */
  imported = import_ok (library, source, FALSE);
  g_assert_true (g_str_has_suffix (image_path, "/.frontend.image"));
  g_assert_true (g_file_test (image_path, G_FILE_TEST_IS_REGULAR));
  from_image = ivc_bank_image_read_bank (path);
  g_assert_nonnull (from_image);
  assert_same_bank (imported, from_image);
  g_clear_object (&from_image);

  /* Reopened and listed from it. */
  loaded = load_file (file);
  assert_same_bank (imported, loaded);
  g_clear_object (&loaded);
  again = load_library (fixture, NULL);
  info = ivc_bank_library_lookup (again, "frontend");
  g_assert_nonnull (info);
  g_assert_cmpstr (ivc_bank_info_get_title (info), ==, ivc_question_bank_get_title (imported));
  g_assert_cmpuint (ivc_bank_info_get_n_levels (info), ==, 3);
  g_assert_cmpuint (ivc_bank_info_get_n_questions (info), ==, 15);
  finalize_library (g_steal_pointer (&again));

  /* Damaged: not used; the JSON file is read and the image written again. */
  g_assert_true (g_file_get_contents (image_path, &contents, &len, NULL));
  for (gsize i = len / 2; i < len; i++)
    contents[i] = (char)(contents[i] ^ 0x5a);
  g_assert_true (g_file_set_contents (image_path, contents, len, NULL));
  g_assert_null (ivc_bank_image_read_bank (path));
  loaded = load_file (file);
  assert_same_bank (imported, loaded);
  g_clear_object (&loaded);
  from_image = ivc_bank_image_read_bank (path);
  g_assert_nonnull (from_image);
  g_clear_object (&from_image);

  /* Cut short, or empty: the same. */
  g_assert_true (g_file_set_contents (image_path, contents, 40, NULL));
  g_assert_null (ivc_bank_image_read_bank (path));
  g_assert_true (g_file_set_contents (image_path, "", 0, NULL));
  g_assert_null (ivc_bank_image_read_bank (path));
  loaded = load_file (file);
  assert_same_bank (imported, loaded);
  g_clear_object (&loaded);

  /* Stale: the JSON file was changed by hand. The image is not used; the
   * file is, and the list shows what it holds now. */
  g_assert_true (g_file_set_contents (path, other, -1, NULL));
  g_assert_null (ivc_bank_image_read_bank (path));
  again = load_library (fixture, NULL);
  info = ivc_bank_library_lookup (again, "frontend");
  g_assert_cmpstr (ivc_bank_info_get_title (info), ==, "Frontend, edited");
  g_assert_cmpuint (ivc_bank_info_get_n_questions (info), ==, 6);
  finalize_library (g_steal_pointer (&again));
  loaded = load_file (file);
  g_assert_cmpstr (ivc_question_bank_get_title (loaded), ==, "Frontend, edited");
  g_clear_object (&loaded);
  from_image = ivc_bank_image_read_bank (path);
  g_assert_cmpstr (ivc_question_bank_get_title (from_image), ==, "Frontend, edited");
  g_clear_object (&from_image);

  /* Made invalid by hand: the loader's message, as without an image. */
  g_assert_true (g_file_set_contents (path, "{\"format\": 1}", -1, NULL));
  {
    ImportOutcome outcome = { 0 };

    ivc_bank_library_load_file_async (file, NULL, on_load_file_cb, &outcome);
    spin_until (&outcome.done);
    g_assert_error (outcome.error, IVC_BANK_ERROR, IVC_BANK_ERROR_INVALID);
    assert_contains (outcome.error->message, "frontend.json:1:1: ");
    import_outcome_clear (&outcome);
  }

  /* Removed: its image goes too. */
  g_object_unref (import_ok (library, source, TRUE));
  g_assert_true (g_file_test (image_path, G_FILE_TEST_IS_REGULAR));
  g_assert_true (ivc_bank_library_remove (library, "frontend", NULL));
  g_assert_false (g_file_test (image_path, G_FILE_TEST_EXISTS));

  finalize_library (g_steal_pointer (&library));
}

/*
 * The sample banks in tests/data: valid, counted, and searchable.
 */

typedef struct
{
  const char *file;
  const char *id;
  guint       n_levels;
  guint       n_questions;
  const char *level_ids;
  struct {
    const char *query;
    const char *matches;
  } searches[4];
} SampleBank;

static const SampleBank sample_banks[] = {
  {
    "frontend.json", "frontend", 3, 15, "junior mid senior",
    {
      { "accessibility", "semantic-html checking-accessibility shared-components" },
      { "CSS Layout", "box-model flexbox-or-grid measuring-speed" },
      { "javascript", "set-timeout-zero var-let-const measuring-speed bundle-growth" },
      { "tree shaking", "bundle-growth" },
    },
  },
  {
    "sql.json", "sql", 2, 12, "foundations practitioner",
    {
      { "index", "how-indexes-help query-got-slow deadlocks changing-a-large-table" },
      { "transaction retry", "deadlocks" },
      { "null", "inner-vs-left-join equals-null keys orders-per-customer changing-a-large-table" },
      { "LEFT JOIN", "inner-vs-left-join orders-per-customer" },
    },
  },
  {
    "people-management.json", "people-management", 3, 14, "first-time-lead manager manager-of-managers",
    {
      { "feedback", "one-on-ones critical-feedback leading-former-peers missed-commitments growing-people improvement-plan" },
      { "skip-level", "coaching-new-managers skip-levels" },
      { "fairness", "fair-hiring consistent-ratings" },
      { "trust", "one-on-ones leading-former-peers" },
    },
  },
};

static char *
search (IvcQuestionBank *bank,
        const char      *query)
{
  g_auto(GStrv) words = ivc_text_search_words (query);
  g_autoptr(GString) out = g_string_new (NULL);
  GListModel *levels = ivc_question_bank_get_levels (bank);

  for (guint l = 0; l < g_list_model_get_n_items (levels); l++)
    {
      g_autoptr(IvcLevel) level = g_list_model_get_item (levels, l);
      GListModel *questions = ivc_level_get_questions (level);

      for (guint q = 0; q < g_list_model_get_n_items (questions); q++)
        {
          g_autoptr(IvcQuestion) question = g_list_model_get_item (questions, q);

          if (ivc_question_matches (question, (const char * const *)words))
            g_string_append_printf (out, "%s%s", out->len ? " " : "", ivc_question_get_id (question));
        }
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
test_sample_bank (Fixture       *fixture,
                  gconstpointer  user_data)
{
  const SampleBank *sample = user_data;
  g_autoptr(IvcBankLibrary) library = load_library (fixture, NULL);
  g_autoptr(IvcBankLibrary) again = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", sample->file, NULL);
  g_autoptr(GFile) source = g_file_new_for_path (path);
  g_autoptr(IvcQuestionBank) bank = NULL;
  g_autoptr(GString) level_ids = g_string_new (NULL);
  GListModel *levels;
  IvcBankInfo *info;

  bank = import_ok (library, source, FALSE);
  g_assert_cmpstr (ivc_question_bank_get_id (bank), ==, sample->id);
  g_assert_cmpstr (ivc_question_bank_get_language (bank), ==, "en");
  g_assert_nonnull (ivc_question_bank_get_description (bank));
  g_assert_cmpuint (ivc_question_bank_get_n_levels (bank), ==, sample->n_levels);
  g_assert_cmpuint (ivc_question_bank_get_n_questions (bank), ==, sample->n_questions);

  /* Every level has a handful of complete questions with tags. */
  levels = ivc_question_bank_get_levels (bank);
  for (guint l = 0; l < g_list_model_get_n_items (levels); l++)
    {
      g_autoptr(IvcLevel) level = g_list_model_get_item (levels, l);
      GListModel *questions = ivc_level_get_questions (level);

      g_string_append_printf (level_ids, "%s%s", l ? " " : "", ivc_level_get_id (level));
      g_assert_nonnull (ivc_level_get_experience (level));
      g_assert_nonnull (ivc_level_get_focus (level));
      g_assert_cmpuint (g_list_model_get_n_items (questions), >=, 4);
      g_assert_cmpuint (g_list_model_get_n_items (questions), <=, 6);

      for (guint q = 0; q < g_list_model_get_n_items (questions); q++)
        {
          g_autoptr(IvcQuestion) question = g_list_model_get_item (questions, q);

          g_assert_cmpuint (strlen (ivc_question_get_strong_answer (question)), >, 100);
          g_assert_cmpuint (strlen (ivc_question_get_red_flag (question)), >, 20);
          g_assert_cmpuint (g_strv_length ((GStrv)ivc_question_get_tags (question)), >=, 1);
        }
    }
  g_assert_cmpstr (level_ids->str, ==, sample->level_ids);

  for (guint i = 0; i < G_N_ELEMENTS (sample->searches); i++)
    {
      g_autofree char *found = search (bank, sample->searches[i].query);

      g_test_message ("search “%s”", sample->searches[i].query);
      g_assert_cmpstr (found, ==, sample->searches[i].matches);
    }

  /* Listed by the next start of the app, with the same counts. */
  again = load_library (fixture, NULL);
  info = ivc_bank_library_lookup (again, sample->id);
  g_assert_nonnull (info);
  g_assert_cmpuint (ivc_bank_info_get_n_levels (info), ==, sample->n_levels);
  g_assert_cmpuint (ivc_bank_info_get_n_questions (info), ==, sample->n_questions);

  finalize_library (g_steal_pointer (&again));
  finalize_library (g_steal_pointer (&library));
}

static void
test_sample_banks_together (Fixture       *fixture,
                            gconstpointer  user_data)
{
  g_autoptr(IvcBankLibrary) library = load_library (fixture, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (sample_banks); i++)
    {
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", sample_banks[i].file, NULL);
      g_autoptr(GFile) source = g_file_new_for_path (path);

      g_object_unref (import_ok (library, source, FALSE));
    }

  /* By title: Frontend engineering, People management, SQL and … */
  assert_listed (library, "microservices frontend people-management sql");

  finalize_library (g_steal_pointer (&library));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data_home = NULL;
  int ret;

  /* Before anything asks for it. */
  data_home = g_dir_make_tmp ("ivc-data-home-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);

  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/ivc/bank-library/bundled-only", test_bundled_only);
  g_test_add_func ("/ivc/bank-library/default-folder", test_default_folder);
  ADD ("/ivc/bank-library/bundled-data", test_bundled_data);
  ADD ("/ivc/bank-library/import", test_import);
  ADD ("/ivc/bank-library/import-invalid", test_import_invalid);
  ADD ("/ivc/bank-library/import-too-large", test_import_too_large);
  ADD ("/ivc/bank-library/update", test_update);
  ADD ("/ivc/bank-library/update-before-listing", test_update_before_listing);
  ADD ("/ivc/bank-library/order", test_order);
  ADD ("/ivc/bank-library/remove-undo", test_remove_undo);
  ADD ("/ivc/bank-library/remove-then-import", test_remove_then_import);
  ADD ("/ivc/bank-library/remove-bundled", test_remove_bundled);
  ADD ("/ivc/bank-library/override-bundled", test_override_bundled);
  ADD ("/ivc/bank-library/folder-contents", test_folder_contents);
  ADD ("/ivc/bank-library/unreadable-folder", test_unreadable_folder);
  ADD ("/ivc/bank-library/write-failure", test_write_failure);
  ADD ("/ivc/bank-library/load-async", test_load_async);
  ADD ("/ivc/bank-library/load-cancelled", test_load_cancelled);
  ADD ("/ivc/bank-library/import-async", test_import_async);
  ADD ("/ivc/bank-library/load-bank", test_load_bank);
  ADD ("/ivc/bank-library/image", test_image);
  ADD ("/ivc/bank-library/sample-banks", test_sample_banks_together);

  for (guint i = 0; i < G_N_ELEMENTS (sample_banks); i++)
    {
      g_autofree char *path = g_strdup_printf ("/ivc/bank-library/sample/%s", sample_banks[i].id);

      g_test_add (path, Fixture, &sample_banks[i], fixture_set_up, test_sample_bank, fixture_tear_down);
    }

#undef ADD

  ret = g_test_run ();

  remove_tree (data_home);

  return ret;
}
