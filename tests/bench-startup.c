/* bench-startup.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Start-up and memory (meson test --benchmark): from exec to the first
 * painted frame that shows the first question (bench-first-frame: the
 * program plus a hook), beside an empty AdwApplicationWindow built in the
 * same tree (bench-empty-window), run interleaved so that both see the
 * same machine; each process's peak resident memory (VmHWM) is taken by
 * the same hook as it leaves. Then the scaling table of the README: start-up with banks of
 * 100 to 50,000 questions (imported from the command line into a library
 * without it, and reopened),
 * and start-up and --list-candidates with 10 to 10,000 candidates.
 *
 * Usage: bench-startup BENCH-FIRST-FRAME EMPTY-WINDOW PROGRAM [--quick]
 * (--quick: the targets only, no scaling table). The last lines are the
 * targets', as build-aux/dev.sh benchmark collects them.
 */

#include "config.h"

#include <math.h>
#include <sys/resource.h>
#include <sys/wait.h>

#include <glib/gstdio.h>

#include "ivc-bank-library.h"
#include "ivc-candidate.h"

#include "bench-util.h"

#define GOAL_BUNDLED   1.25
#define GOAL_REOPEN    1.6
#define GOAL_IMPORT    2.0
#define GOAL_RSS_MIB   30.0

typedef struct
{
  char       *label;
  GStrv       argv;
  GStrv       envp;
  GArray     *ms;
  GArray     *rss_kib;
  /* Run before each run (an import must find no earlier copy). */
  void      (*prepare) (gpointer data);
  gpointer    prepare_data;
} Config;

static char *tmpdir;
static char *peak_memory_file;

static Config *
config_new (const char         *label,
            const char * const *argv,
            const char * const *extra_env)
{
  Config *config = g_new0 (Config, 1);

  config->label = g_strdup (label);
  config->argv = g_strdupv ((char **)argv);
  config->envp = g_get_environ ();
  config->envp = g_environ_setenv (config->envp, "IVC_BENCH_PEAK_MEMORY_FILE", peak_memory_file, TRUE);
  for (guint i = 0; extra_env != NULL && extra_env[i] != NULL; i += 2)
    config->envp = g_environ_setenv (config->envp, extra_env[i], extra_env[i + 1], TRUE);
  config->ms = g_array_new (FALSE, FALSE, sizeof (double));
  config->rss_kib = g_array_new (FALSE, FALSE, sizeof (double));

  return config;
}

static void
config_free (Config *config)
{
  g_free (config->label);
  g_strfreev (config->argv);
  g_strfreev (config->envp);
  g_array_unref (config->ms);
  g_array_unref (config->rss_kib);
  g_free (config);
}

/* One process, from exec to its exit, and its peak resident memory. */
static void
run_once (Config   *config,
          gboolean  count)
{
  g_autoptr(GError) error = NULL;
  struct rusage usage;
  gint64 start;
  GPid pid;
  int status;
  double ms, rss;

  if (config->prepare != NULL)
    config->prepare (config->prepare_data);
  g_unlink (peak_memory_file);

  start = g_get_monotonic_time ();
  if (!g_spawn_async (NULL, config->argv, config->envp,
                      G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL,
                      NULL, NULL, &pid, &error))
    g_error ("%s: %s", config->argv[0], error->message);
  if (wait4 (pid, &status, 0, &usage) != pid)
    g_error ("%s: wait4 failed", config->argv[0]);
  ms = (g_get_monotonic_time () - start) / 1000.0;
  g_spawn_close_pid (pid);
  if (!g_spawn_check_wait_status (status, &error))
    g_error ("%s (%s): %s", config->argv[0], config->label, error->message);

  if (!count)
    return;

  g_array_append_val (config->ms, ms);

  /* The program's own figure, from its first-frame hook; a command that
   * has no hook (--list-candidates) has none. */
  {
    g_autofree char *text = NULL;

    if (g_file_get_contents (peak_memory_file, &text, NULL, NULL))
      {
        rss = g_ascii_strtod (text, NULL);
        g_array_append_val (config->rss_kib, rss);
      }
  }
}

/* Round after round, each configuration once a round: a busy moment of
 * the machine falls on all of them alike. The first round warms the disk
 * cache and is not counted. */
static void
run_interleaved (Config **configs,
                 guint    n_configs,
                 guint    rounds)
{
  for (guint round = 0; round < rounds + 1; round++)
    for (guint i = 0; i < n_configs; i++)
      run_once (configs[i], round > 0);
}

static double
median_ms (Config *config)
{
  return median (config->ms);
}

static double
median_rss_mib (Config *config)
{
  return config->rss_kib->len > 0 ? median (config->rss_kib) / 1024.0 : NAN;
}

static void
print_row (Config *config,
           Config *floor_config)
{
  if (config->rss_kib->len == 0)
    g_print ("  %-52s %8.1f ms  %5.2fx\n", config->label,
             median_ms (config), median_ms (config) / median_ms (floor_config));
  else
    g_print ("  %-52s %8.1f ms  %5.2fx  %7.1f MiB (%+.1f)\n", config->label,
             median_ms (config), median_ms (config) / median_ms (floor_config),
             median_rss_mib (config), median_rss_mib (config) - median_rss_mib (floor_config));
}

static void
write_file (const char *path,
            const char *contents,
            gssize      len)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = g_path_get_dirname (path);

  g_mkdir_with_parents (folder, 0700);
  g_file_set_contents (path, contents, len, &error);
  g_assert_no_error (error);
}

/* A home of its own: data and config folders, the settings in a key file. */
typedef struct
{
  char *data_home;
  char *config_home;
  char *banks;
} Home;

static Home *
home_new (const char *name,
          const char *settings)
{
  Home *home = g_new0 (Home, 1);
  g_autofree char *keyfile = NULL;
  g_autofree char *contents = NULL;

  home->data_home = g_build_filename (tmpdir, name, "data", NULL);
  home->config_home = g_build_filename (tmpdir, name, "config", NULL);
  home->banks = g_build_filename (home->data_home, "interview-companion", "banks", NULL);
  keyfile = g_build_filename (home->config_home, "glib-2.0", "settings", "keyfile", NULL);
  contents = g_strdup_printf ("[io/github/interviewcompanion/InterviewCompanion]\n%s", settings);
  write_file (keyfile, contents, -1);
  g_mkdir_with_parents (home->banks, 0700);

  return home;
}

static const char **
home_env (Home *home)
{
  static const char *env[7];

  env[0] = "GSETTINGS_BACKEND";
  env[1] = "keyfile";
  env[2] = "XDG_CONFIG_HOME";
  env[3] = home->config_home;
  env[4] = "XDG_DATA_HOME";
  env[5] = home->data_home;
  env[6] = NULL;

  return env;
}

static char *
write_bank (guint n_questions)
{
  g_autofree char *name = g_strdup_printf ("generated-%u.json", n_questions);
  char *path = g_build_filename (tmpdir, "sources", name, NULL);
  g_autofree char *json = generate_bank_of ("generated", n_questions);

  write_file (path, json, -1);
  return path;
}

/* The bank imported into @home's library, as the app would have it. */
static void
import_into (Home       *home,
             const char *source_path)
{
  g_autoptr(GFile) banks = g_file_new_for_path (home->banks);
  g_autoptr(GFile) source = g_file_new_for_path (source_path);
  g_autoptr(IvcBankLibrary) library = ivc_bank_library_new (banks, NULL);
  g_autoptr(IvcQuestionBank) bank = NULL;
  g_autoptr(GError) error = NULL;

  bank = ivc_bank_library_import (library, source, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
}

/* Each run of a command-line import starts from a library without it, as
 * the first import of that bank does. */
static void
clear_banks (gpointer data)
{
  Home *home = data;
  g_autoptr(GDir) dir = g_dir_open (home->banks, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (home->banks, name, NULL);
      g_unlink (path);
    }
}

#define INTERVIEWER_ID "c-0123456789abcdef0123456789abcdef"

/* @n candidates of this interviewer, five notes each. */
static void
write_candidates (Home  *home,
                  guint  n)
{
  g_autofree char *file_name = g_strconcat (INTERVIEWER_ID, ".json", NULL);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("c-%032x", i + 1);
      g_autofree char *name = g_strdup_printf ("Candidate %u", i + 1);
      g_autofree char *path = g_build_filename (home->data_home, "interview-companion", "candidates",
                                                id, file_name, NULL);
      g_autoptr(IvcCandidate) candidate = ivc_candidate_new (id, name);
      g_autoptr(GBytes) bytes = NULL;

      ivc_candidate_set_role (candidate, "Backend engineer");
      ivc_candidate_set_bank_id (candidate, "microservices");
      ivc_candidate_set_interviewer (candidate, INTERVIEWER_ID, "Bench");
      for (guint q = 0; q < 5; q++)
        {
          g_autofree char *question = g_strdup_printf ("question-%u", q);
          IvcEvaluation *evaluation = ivc_candidate_ensure_evaluation (candidate, question);

          ivc_evaluation_set_score (evaluation, 1 + (i + q) % 4);
          ivc_evaluation_set_notes (evaluation, "Explained the outbox pattern and its trade-offs; "
                                                "needed a hint on idempotent consumers.");
        }
      bytes = ivc_candidate_to_bytes (candidate);
      write_file (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
    }
}

/* A label for config_new(), which copies it: one a row. */
G_GNUC_PRINTF (1, 2)
static const char *
label_printf (const char *format,
              ...)
{
  static char label[128];
  va_list args;

  va_start (args, format);
  g_vsnprintf (label, sizeof label, format, args);
  va_end (args);

  return label;
}

static void
print_target (const char *name,
              double      ratio,
              double      goal)
{
  bench_print_target (name, ratio, "x", goal, ratio <= goal);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) configs = g_ptr_array_new_with_free_func ((GDestroyNotify)config_free);
  g_autofree char *app = NULL;
  g_autofree char *floor_path = NULL;
  g_autofree char *program = NULL;
  g_autofree char *bank_10000 = NULL;
  Config *floor_config, *bundled, *reopen, *import;
  Home *home_reopen, *home_import;
  gboolean quick;
  guint runs = 11;
  double rss;

  if (argc < 4)
    g_error ("usage: %s BENCH-FIRST-FRAME EMPTY-WINDOW PROGRAM [--quick]", argv[0]);
  quick = argc > 4 && g_str_equal (argv[4], "--quick");

  app = g_canonicalize_filename (argv[1], NULL);
  floor_path = g_canonicalize_filename (argv[2], NULL);
  program = g_canonicalize_filename (argv[3], NULL);
  tmpdir = g_dir_make_tmp ("ivc-bench-startup-XXXXXX", &error);
  g_assert_no_error (error);
  peak_memory_file = g_build_filename (tmpdir, "peak-memory", NULL);

  bank_10000 = write_bank (N_GENERATED);
  home_reopen = home_new ("reopen", "last-bank='generated'\n");
  import_into (home_reopen, bank_10000);
  home_import = home_new ("import", "");

  floor_config = config_new ("empty AdwApplicationWindow (floor)",
                             (const char *[]) { floor_path, NULL }, NULL);
  bundled = config_new ("bundled bank", (const char *[]) { app, NULL },
                        home_env (home_new ("bundled", "")));
  reopen = config_new ("10,000-question bank, reopened at start",
                       (const char *[]) { app, NULL }, home_env (home_reopen));
  /* As the issue measured it: the same file opened again, an update of
   * the copy in the library. */
  import = config_new ("interview-companion BANK.json, 10,000, imported again",
                       (const char *[]) { app, bank_10000, NULL }, home_env (home_import));

  g_ptr_array_add (configs, floor_config);
  g_ptr_array_add (configs, bundled);
  g_ptr_array_add (configs, reopen);
  g_ptr_array_add (configs, import);

  g_print ("Start-up to the first frame that shows the first question, and peak memory\n"
           "(median of %u interleaved runs; ratio and memory against the empty window)\n\n", runs);
  run_interleaved ((Config **)configs->pdata, configs->len, runs);
  for (guint i = 0; i < configs->len; i++)
    print_row (g_ptr_array_index (configs, i), floor_config);

  if (!quick)
    {
      static const guint sizes[] = { 100, 1000, 10000, 50000 };
      static const guint candidates[] = { 10, 1000, 10000 };
      g_autoptr(GPtrArray) scaling = g_ptr_array_new_with_free_func ((GDestroyNotify)config_free);
      guint scaling_runs = 5;

      /* The floor again, in these rounds. */
      g_ptr_array_add (scaling, config_new ("empty AdwApplicationWindow (floor)",
                                            (const char *[]) { floor_path, NULL }, NULL));

      for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
        {
          g_autofree char *home_name = g_strdup_printf ("scale-%u", sizes[i]);
          g_autofree char *import_name = g_strdup_printf ("scale-import-%u", sizes[i]);
          g_autofree char *source = write_bank (sizes[i]);
          Home *home = home_new (home_name, "last-bank='generated'\n");
          Home *fresh = home_new (import_name, "");
          Config *config;

          import_into (home, source);
          g_ptr_array_add (scaling,
                           config_new (label_printf ("%u questions, reopened", sizes[i]),
                                       (const char *[]) { app, NULL }, home_env (home)));
          config = config_new (label_printf ("%u questions, imported first (BANK.json)", sizes[i]),
                               (const char *[]) { app, source, NULL }, home_env (fresh));
          config->prepare = clear_banks;
          config->prepare_data = fresh;
          g_ptr_array_add (scaling, config);
        }

      for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
        {
          g_autofree char *home_name = g_strdup_printf ("candidates-%u", candidates[i]);
          Home *home = home_new (home_name, "interviewer-id='" INTERVIEWER_ID "'\n");

          write_candidates (home, candidates[i]);
          g_ptr_array_add (scaling,
                           config_new (label_printf ("%u candidates, start-up", candidates[i]),
                                       (const char *[]) { app, NULL }, home_env (home)));
          g_ptr_array_add (scaling,
                           config_new (label_printf ("%u candidates, --list-candidates", candidates[i]),
                                       (const char *[]) { program, "--list-candidates", NULL }, home_env (home)));
        }

      g_print ("\nScaling (median of %u interleaved runs)\n\n", scaling_runs);
      run_interleaved ((Config **)scaling->pdata, scaling->len, scaling_runs);
      for (guint i = 0; i < scaling->len; i++)
        print_row (g_ptr_array_index (scaling, i), g_ptr_array_index (scaling, 0));
    }

  g_print ("\n");
  print_target ("first-frame-bundled", median_ms (bundled) / median_ms (floor_config), GOAL_BUNDLED);
  print_target ("first-frame-reopen-10000", median_ms (reopen) / median_ms (floor_config), GOAL_REOPEN);
  print_target ("first-frame-import-10000", median_ms (import) / median_ms (floor_config), GOAL_IMPORT);
  rss = median_rss_mib (reopen) - median_rss_mib (floor_config);
  bench_print_target ("peak-rss-10000", rss, "MiB", GOAL_RSS_MIB, rss <= GOAL_RSS_MIB);

  bench_remove_tree (tmpdir);

  return 0;
}
