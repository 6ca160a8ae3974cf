/* bench-guide.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Benchmark (meson test --benchmark): reading a generated Markdown
 * interview guide of 1 MB (target ≤ 200 ms), median of repeated runs, and
 * the Markdown export of the bank it gives. The guide has what real ones
 * have: levels, multi-paragraph answers with lists, code and tables, red
 * flags, follow-ups and rubrics.
 */

#include "config.h"

#include <string.h>
#include <time.h>

#include "ivc-bank-writer.h"
#include "ivc-guide-importer.h"

#include "bench-util.h"

#define N_RUNS       11
#define GUIDE_BYTES  (1024 * 1024)

static double
elapsed_ms (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

/* The processor time this process used, in ms: on a loaded machine the
 * wall time also counts other programs' turns. */
static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static char *
generate_guide (guint *n_questions)
{
  g_autoptr(GString) guide = g_string_new ("---\ntitle: Generated guide\nlanguage: en\n---\n\n"
                                           "A guide to measure importing.\n\n");
  guint n = 0;

  for (guint level = 0; guide->len < GUIDE_BYTES; level++)
    {
      g_string_append_printf (guide, "## Level %u\n\n%u–%u years\n\nEverything.\n\n", level, level, level + 2);
      for (guint i = 0; i < 100 && guide->len < GUIDE_BYTES; i++, n++)
        g_string_append_printf (guide,
                                "### Question %u: how does *this* work in `service-%u`?\n\n"
                                "What a strong answer covers\n\n"
                                "A first paragraph with **emphasis**, `code` and a [link](https://example.org/%u).\n\n"
                                "- a point about timeouts\n"
                                "- a point about retries\n"
                                "  with a second line\n\n"
                                "```c\n"
                                "for (int i = 0; i < %u; i++)\n"
                                "  call (i);\n"
                                "```\n\n"
                                "| Option | Cost |\n"
                                "| --- | --- |\n"
                                "| sync | latency |\n\n"
                                "Red flag\n\n"
                                "Calls downstream services with no timeout.\n\n"
                                "Follow-up questions\n\n"
                                "- And if the network fails?\n"
                                "- And under load?\n\n"
                                "Rubric\n\n"
                                "- 1: Does not know.\n"
                                "- 2: Knows one side.\n"
                                "- 3: Knows both.\n"
                                "- 4: Weighs them.\n\n",
                                n, n, n, n);
    }

  *n_questions = n;
  return g_string_free (g_steal_pointer (&guide), FALSE);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GArray) import_samples = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) export_samples = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) cpu_samples = g_array_new (FALSE, FALSE, sizeof (double));
  guint n_questions = 0;
  g_autofree char *text = generate_guide (&n_questions);
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, strlen (text));

  for (guint i = 0; i < N_RUNS; i++)
    {
      g_autoptr(IvcQuestionBank) bank = NULL;
      g_autoptr(GBytes) markdown = NULL;
      g_autoptr(GError) error = NULL;
      gint64 start;
      double ms, cpu_start;

      cpu_start = cpu_ms ();
      start = g_get_monotonic_time ();
      bank = ivc_guide_import_bytes (bytes, "generated.md", NULL, &error);
      ms = elapsed_ms (start);
      cpu_start = cpu_ms () - cpu_start;
      g_array_append_val (cpu_samples, cpu_start);
      g_assert_no_error (error);
      g_assert_cmpuint (ivc_question_bank_get_n_questions (bank), ==, n_questions);
      g_assert_cmpuint (g_strv_length ((char **)ivc_question_bank_get_warnings (bank)), ==, 0);
      g_array_append_val (import_samples, ms);

      start = g_get_monotonic_time ();
      markdown = ivc_bank_writer_to_markdown (bank);
      ms = elapsed_ms (start);
      g_array_append_val (export_samples, ms);
    }

  g_print ("Interview Companion guide benchmarks (median of %u runs)\n\n", N_RUNS);
  g_print ("  import a %.1f MiB guide (%u questions):   %8.2f ms   (target <= 200 ms)\n",
           strlen (text) / (1024.0 * 1024.0), n_questions, median (import_samples));
  g_print ("  the same, processor time only:           %8.2f ms\n", median (cpu_samples));
  g_print ("  export its bank as Markdown:              %8.2f ms\n", median (export_samples));

  return 0;
}
