/* bench-import.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Benchmarks (meson test --benchmark), each a median over repeated runs:
 * importing a generated 10,000-question bank into an empty banks folder,
 * importing it again (an update), listing the folder as the app does at
 * start-up, and the longest the main loop waits while an import runs in
 * the background. Validating the same file alone is shown for comparison:
 * an import is a validation plus a durable write.
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "ivc-bank-library.h"

#include "bench-util.h"

#define N_RUNS      11

static double
elapsed_ms (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

static void
remove_banks_folder (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      g_unlink (child);
    }
  g_rmdir (path);
}

static void
import_bank (IvcBankLibrary *library,
             GFile          *source,
             gboolean        expect_replaced)
{
  g_autoptr(IvcQuestionBank) bank = NULL;
  g_autoptr(GError) error = NULL;
  gboolean replaced = !expect_replaced;

  bank = ivc_bank_library_import (library, source, NULL, NULL, &replaced, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ivc_question_bank_get_n_questions (bank), ==, N_GENERATED);
  g_assert_cmpint (replaced, ==, expect_replaced);
}

static double
time_validate_only (GFile *source)
{
  g_autoptr(IvcQuestionBank) bank = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  double ms;

  bank = ivc_question_bank_new_from_file (source, NULL, NULL, &error);
  ms = elapsed_ms (start);
  g_assert_no_error (error);

  return ms;
}

static void
on_import_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  IvcQuestionBank **bank = user_data;
  g_autoptr(GError) error = NULL;

  *bank = ivc_bank_library_import_finish (IVC_BANK_LIBRARY (object), result, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
}

/* The longest single main loop iteration while an import runs. The bank
 * is kept, as the window would keep it to show it. */
static double
time_longest_stall (IvcBankLibrary *library,
                    GFile          *source)
{
  g_autoptr(IvcQuestionBank) bank = NULL;
  double longest = 0;

  ivc_bank_library_import_async (library, source, NULL, on_import_cb, &bank);
  while (bank == NULL)
    {
      gint64 start;

      /* Waiting for the worker is not a stall; what runs after is. */
      if (!g_main_context_pending (NULL))
        {
          g_usleep (100);
          continue;
        }

      start = g_get_monotonic_time ();
      g_main_context_iteration (NULL, FALSE);
      longest = MAX (longest, elapsed_ms (start));
    }

  return longest;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *tmpdir = NULL;
  g_autofree char *generated_path = NULL;
  g_autofree char *generated = NULL;
  g_autofree char *banks_path = NULL;
  g_autoptr(GFile) source = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) import_samples = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) update_samples = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) list_samples = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) stall_samples = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) validate_samples = g_array_new (FALSE, FALSE, sizeof (double));

  tmpdir = g_dir_make_tmp ("ivc-bench-import-XXXXXX", &error);
  g_assert_no_error (error);
  generated_path = g_build_filename (tmpdir, "generated.json", NULL);
  banks_path = g_build_filename (tmpdir, "banks", NULL);
  generated = generate_bank ();
  g_file_set_contents (generated_path, generated, -1, &error);
  g_assert_no_error (error);

  source = g_file_new_for_path (generated_path);
  folder = g_file_new_for_path (banks_path);

  for (guint i = 0; i < N_RUNS; i++)
    {
      g_autoptr(IvcBankLibrary) library = ivc_bank_library_new (folder, NULL);
      g_autoptr(IvcBankLibrary) again = NULL;
      g_autoptr(GPtrArray) problems = NULL;
      gint64 start;
      double ms;

      remove_banks_folder (banks_path);

      /* Read, validate, write (with fsync) and list. */
      start = g_get_monotonic_time ();
      import_bank (library, source, FALSE);
      ms = elapsed_ms (start);
      g_array_append_val (import_samples, ms);

      start = g_get_monotonic_time ();
      import_bank (library, source, TRUE);
      ms = elapsed_ms (start);
      g_array_append_val (update_samples, ms);

      /* What the next start of the app does. */
      again = ivc_bank_library_new (folder, NULL);
      start = g_get_monotonic_time ();
      if (!ivc_bank_library_load (again, NULL, &problems, &error))
        g_error ("%s", error->message);
      ms = elapsed_ms (start);
      g_assert_cmpuint (problems->len, ==, 0);
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (again)), ==, 2);
      g_array_append_val (list_samples, ms);

      ms = time_longest_stall (library, source);
      g_array_append_val (stall_samples, ms);

      ms = time_validate_only (source);
      g_array_append_val (validate_samples, ms);
    }

  g_print ("Interview Companion import benchmarks (median of %u runs)\n\n", N_RUNS);
  g_print ("  validate only, for comparison:           %8.2f ms\n", median (validate_samples));
  g_print ("  import %u-question bank (%.1f MB):     %8.2f ms\n",
           N_GENERATED, strlen (generated) / 1e6, median (import_samples));
  g_print ("  import it again (an update):             %8.2f ms\n", median (update_samples));
  g_print ("  list the banks folder (start-up):        %8.2f ms\n", median (list_samples));
  g_print ("  longest main-loop stall, async import:   %8.3f ms   (target ≤ 16 ms)\n",
           median (stall_samples));

  remove_banks_folder (banks_path);
  g_unlink (generated_path);
  g_rmdir (tmpdir);

  return 0;
}
