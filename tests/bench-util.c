/* bench-util.c: what the benchmarks share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "bench-util.h"

static const char *words[] = {
  "service", "boundary", "event", "queue", "contract", "latency", "retry",
  "timeout", "cache", "schema", "replica", "deploy", "rollback", "metric",
  "trace", "token", "gateway", "saga", "outbox", "partition", "consumer",
  "producer", "idempotent", "backoff", "circuit", "bulkhead", "version",
};

static void
append_sentence (GString *out,
                 GRand   *rand,
                 guint    n_words)
{
  for (guint i = 0; i < n_words; i++)
    {
      const char *word = words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))];

      g_string_append (out, i == 0 ? "" : " ");
      g_string_append (out, word);
    }
}

/* A bank shaped like the real one (texts of similar length), 10 levels of
 * 1,000 questions. */
char *
generate_bank (void)
{
  return generate_bank_of ("generated", N_GENERATED);
}

/* The same, of @n_questions (a multiple of 10) in 10 levels, with the id
 * @id. Past 20,000 questions the answers are shorter, so that the file
 * stays within a bank's size limit (IVC_BANK_MAX_FILE_SIZE). */
char *
generate_bank_of (const char *id,
                  guint       n_questions)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  g_autoptr(GString) out = g_string_new (NULL);
  guint answer_words = n_questions > 20000 ? 8 : 30;
  guint red_flag_words = n_questions > 20000 ? 4 : 10;
  guint q = 0;

  g_string_printf (out, "{\n  \"format\": 1,\n  \"id\": \"%s\",\n"
                   "  \"title\": \"Generated\",\n  \"levels\": [\n", id);

  for (guint level = 0; level < 10; level++)
    {
      g_string_append_printf (out, "%s    { \"id\": \"level-%u\", \"title\": \"Level %u\", "
                              "\"experience\": \"%u+ years\", \"focus\": \"Generated\",\n"
                              "      \"questions\": [\n",
                              level ? ",\n" : "", level, level + 1, level);

      for (guint i = 0; i < n_questions / 10; i++, q++)
        {
          g_string_append_printf (out, "%s        { \"id\": \"question-%u\", \"question\": \"",
                                  i ? ",\n" : "", q);
          append_sentence (out, rand, 9);
          g_string_append (out, "?\", \"strong_answer\": \"");
          append_sentence (out, rand, answer_words);
          g_string_append (out, ".\", \"red_flag\": \"");
          append_sentence (out, rand, red_flag_words);
          g_string_append_printf (out, ".\", \"tags\": [\"%s\", \"%s\"] }",
                                  words[q % G_N_ELEMENTS (words)],
                                  words[(q * 7) % G_N_ELEMENTS (words)]);
        }

      g_string_append (out, "\n      ] }");
    }

  g_string_append (out, "\n  ]\n}\n");
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return (x > y) - (x < y);
}

double
median (GArray *samples)
{
  g_array_sort (samples, compare_doubles);
  return g_array_index (samples, double, samples->len / 2);
}

/* The line build-aux/dev.sh benchmark collects, one a target, in ASCII
 * whatever the locale: "target NAME: MEASURED UNIT (goal GOAL UNIT) met"
 * or "... not met". A unit of "x" is a ratio, written "1.25x". */
void
bench_print_target (const char *name,
                    double      measured,
                    const char *unit,
                    double      goal,
                    gboolean    met)
{
  char measured_text[G_ASCII_DTOSTR_BUF_SIZE];
  char goal_text[G_ASCII_DTOSTR_BUF_SIZE];
  gboolean ratio = g_str_equal (unit, "x");

  g_ascii_formatd (measured_text, sizeof measured_text, ratio ? "%.2f" : "%.2f", measured);
  g_ascii_formatd (goal_text, sizeof goal_text, ratio ? "%.2f" : "%g", goal);
  g_print ("target %s: %s%s%s (goal %s%s%s) %s\n", name,
           measured_text, ratio ? "" : " ", unit,
           goal_text, ratio ? "" : " ", unit,
           met ? "met" : "not met");
}

/* Removes a folder the benchmark made, and everything in it. */
void
bench_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        bench_remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

/* For bench-startup: this process's peak resident memory (VmHWM, which
 * exec starts afresh, unlike ru_maxrss, which counts the benchmark's own
 * memory that the child had before its exec) in KiB, written to the file
 * named by IVC_BENCH_PEAK_MEMORY_FILE, if it is set. */
void
bench_record_peak_memory (void)
{
  const char *out = g_getenv ("IVC_BENCH_PEAK_MEMORY_FILE");
  g_autofree char *status = NULL;
  const char *line;

  if (out == NULL || !g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return;

  line = strstr (status, "VmHWM:");
  if (line != NULL)
    {
      guint64 kib = g_ascii_strtoull (line + strlen ("VmHWM:"), NULL, 10);
      g_autofree char *text = g_strdup_printf ("%" G_GUINT64_FORMAT "\n", kib);

      g_file_set_contents (out, text, -1, NULL);
    }
}
