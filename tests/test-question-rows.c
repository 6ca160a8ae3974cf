/* test-question-rows.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * IvcQuestionRows: the question list's flat model of level headings and
 * questions, its search ranking, and its slots, which stay in their places
 * through a search so that a list view keeps its row widgets.
 */

#include "config.h"

#include "ivc-level.h"
#include "ivc-question-bank-loader.h"
#include "ivc-question-rows.h"
#include "ivc-row-slot.h"
#include "ivc-text.h"

#include "ivc-test-files.h"

typedef struct
{
  guint position;
  guint removed;
  guint added;
  guint n_signals;
} Change;

static void
on_items_changed_cb (GListModel *model,
                     guint       position,
                     guint       removed,
                     guint       added,
                     Change     *change)
{
  change->position = position;
  change->removed = removed;
  change->added = added;
  change->n_signals++;
}

static IvcQuestionBank *
load_bundled_bank (void)
{
  const char *root = g_getenv ("IVC_SOURCE_ROOT");
  g_autofree char *path = root ? g_build_filename (root, "data", "questions.json", NULL)
                               : g_test_build_filename (G_TEST_DIST, "..", "data", "questions.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  IvcQuestionBank *bank = ivc_question_bank_new_from_file (file, NULL, NULL, &error);

  g_assert_no_error (error);
  return bank;
}

static void
search (IvcQuestionRows *rows,
        const char      *text)
{
  g_auto(GStrv) words = ivc_text_search_words (text);

  ivc_question_rows_set_search_words (rows, (const char * const *)words);
}

/* Every level's heading, then its questions; a search keeps the headings
 * of levels with a match, best matches first. */
static void
test_rows_levels_and_search (void)
{
  g_autoptr(IvcQuestionBank) bank = load_bundled_bank ();
  g_autoptr(IvcQuestionRows) rows = ivc_question_rows_new ();
  GListModel *levels = ivc_question_bank_get_levels (bank);
  guint n_levels = g_list_model_get_n_items (levels);
  guint n = 0;

  ivc_question_rows_set_bank (rows, bank);
  for (guint i = 0; i < n_levels; i++)
    {
      g_autoptr(IvcLevel) level = g_list_model_get_item (levels, i);

      n += g_list_model_get_n_items (ivc_level_get_questions (level));
    }
  g_assert_cmpuint (ivc_question_rows_get_n_questions (rows), ==, n);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (rows)), ==, n + n_levels);
  g_assert_true (IVC_IS_LEVEL (ivc_question_rows_peek_item (rows, 0)));
  g_assert_true (IVC_IS_QUESTION (ivc_question_rows_peek_item (rows, 1)));

  /* "saga": the question that names it before those that mention it in
   * their answers, under its level's heading. */
  search (rows, "saga");
  g_assert_cmpuint (ivc_question_rows_get_n_questions (rows), >=, 2);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (rows)); i++)
    {
      GObject *item = ivc_question_rows_peek_item (rows, i);

      if (IVC_IS_LEVEL (item))
        {
          g_assert_cmpuint (ivc_question_rows_get_rank (rows, i), ==, 0);
          g_assert_true (IVC_IS_QUESTION (ivc_question_rows_peek_item (rows, i + 1)));
        }
      else if (i > 0 && IVC_IS_QUESTION (ivc_question_rows_peek_item (rows, i - 1)))
        g_assert_cmpuint (ivc_question_rows_get_rank (rows, i - 1), >=, ivc_question_rows_get_rank (rows, i));
    }
  g_assert_cmpuint (ivc_question_rows_find (rows, ivc_question_bank_find_question (bank, "what-is-the-saga-pattern")), !=, G_MAXUINT);

  search (rows, "no such word anywhere");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (rows)), ==, 0);
  g_assert_cmpuint (ivc_question_rows_find (rows, ivc_question_bank_find_question (bank, "what-is-the-saga-pattern")), ==, G_MAXUINT);
}

/* A search changes what the slots show, not the slots: the model only
 * grows or shrinks at its end. */
static void
test_rows_slots_stay (void)
{
  g_autoptr(IvcQuestionBank) bank = load_bundled_bank ();
  g_autoptr(IvcQuestionRows) rows = ivc_question_rows_new ();
  g_autoptr(IvcRowSlot) first = NULL;
  g_autoptr(IvcRowSlot) second = NULL;
  g_autoptr(IvcRowSlot) again = NULL;
  Change change = { 0 };
  guint n_all, n_saga;
  GObject *shown;

  ivc_question_rows_set_bank (rows, bank);
  n_all = g_list_model_get_n_items (G_LIST_MODEL (rows));
  first = g_list_model_get_item (G_LIST_MODEL (rows), 0);
  second = g_list_model_get_item (G_LIST_MODEL (rows), 1);
  shown = ivc_row_slot_get_item (second);
  g_signal_connect (rows, "items-changed", G_CALLBACK (on_items_changed_cb), &change);

  search (rows, "saga");
  n_saga = g_list_model_get_n_items (G_LIST_MODEL (rows));
  g_assert_cmpuint (change.n_signals, ==, 1);
  g_assert_cmpuint (change.position, ==, n_saga);
  g_assert_cmpuint (change.removed, ==, n_all - n_saga);
  g_assert_cmpuint (change.added, ==, 0);

  /* The same slots, showing the search's rows. */
  again = g_list_model_get_item (G_LIST_MODEL (rows), 1);
  g_assert_true (again == second);
  g_assert_true (ivc_row_slot_get_item (second) == ivc_question_rows_peek_item (rows, 1));
  g_assert_true (ivc_row_slot_get_item (first) == ivc_question_rows_peek_item (rows, 0));

  search (rows, "");
  g_assert_cmpuint (change.n_signals, ==, 2);
  g_assert_cmpuint (change.position, ==, n_saga);
  g_assert_cmpuint (change.removed, ==, 0);
  g_assert_cmpuint (change.added, ==, n_all - n_saga);
  g_assert_true (ivc_row_slot_get_item (second) == shown);
}

/* Plan mode: the planned questions that match, in plan order. */
static void
test_rows_plan (void)
{
  g_autoptr(IvcQuestionBank) bank = load_bundled_bank ();
  g_autoptr(IvcQuestionRows) rows = ivc_question_rows_new ();
  g_autoptr(GPtrArray) plan = g_ptr_array_new ();
  IvcQuestion *saga = ivc_question_bank_find_question (bank, "what-is-the-saga-pattern");
  IvcQuestion *consistency = ivc_question_bank_find_question (bank, "data-consistency-across-services");

  g_ptr_array_add (plan, consistency);
  g_ptr_array_add (plan, saga);
  ivc_question_rows_set_bank (rows, bank);
  ivc_question_rows_set_plan (rows, plan);
  ivc_question_rows_set_plan_mode (rows, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (rows)), ==, 2);
  g_assert_true (ivc_question_rows_peek_item (rows, 0) == G_OBJECT (consistency));
  g_assert_true (ivc_question_rows_peek_item (rows, 1) == G_OBJECT (saga));

  search (rows, "outbox");
  g_assert_cmpuint (ivc_question_rows_get_n_questions (rows), ==, 1);
  g_assert_true (ivc_question_rows_peek_item (rows, 0) == G_OBJECT (consistency));

  ivc_question_rows_set_plan_mode (rows, FALSE);
  g_assert_true (IVC_IS_LEVEL (ivc_question_rows_peek_item (rows, 0)));
}

/* Prepared in a worker or not, search finds the same. */
static void
test_rows_prepared_search (void)
{
  g_autoptr(IvcQuestionBank) bank = load_bundled_bank ();
  g_autoptr(GPtrArray) questions = g_ptr_array_new ();
  IvcQuestion *saga = ivc_question_bank_find_question (bank, "what-is-the-saga-pattern");
  IvcQuestion *consistency = ivc_question_bank_find_question (bank, "data-consistency-across-services");

  g_ptr_array_add (questions, saga);
  ivc_question_prepare_search (questions);
  g_assert_true (ivc_question_part_contains (saga, IVC_QUESTION_PART_QUESTION, "saga"));
  g_assert_false (ivc_question_part_contains (consistency, IVC_QUESTION_PART_QUESTION, "saga"));
  g_assert_true (ivc_question_part_contains (consistency, IVC_QUESTION_PART_STRONG_ANSWER, "saga"));
  g_assert_false (ivc_question_part_contains (consistency, IVC_QUESTION_PART_TAGS, "saga"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ivc/question-rows/levels-and-search", test_rows_levels_and_search);
  g_test_add_func ("/ivc/question-rows/slots-stay", test_rows_slots_stay);
  g_test_add_func ("/ivc/question-rows/plan", test_rows_plan);
  g_test_add_func ("/ivc/question-rows/prepared-search", test_rows_prepared_search);

  return g_test_run ();
}
