/* ivc-cli.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The command-line options and the commands that run without a window:
 * --check-bank, --export-bank, --list-candidates, --export and --erase.
 * Each returns the
 * program's exit status; IvcApplication parses the options and calls them.
 * All but --erase only read: the candidate store they are given is a
 * read-only one, which moves nothing aside and writes nothing in the data
 * folder.
 */

#define G_LOG_DOMAIN "ivc-cli"

#include "config.h"

#include <stdio.h>
#include <unistd.h>

#include <glib/gi18n.h>

#include "ivc-cli.h"
#include "ivc-bank-writer.h"
#include "ivc-bias-guard.h"
#include "ivc-debrief.h"
#include "ivc-export.h"
#include "ivc-file-util.h"
#include "ivc-guide-importer.h"
#include "ivc-question-bank.h"
#include "ivc-scorecard.h"

static const GOptionEntry cli_option_entries[] = {
  { "check-bank", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Check a question bank file and print what is wrong with it, without opening a window"),
    N_("FILE") },
  { "export-bank", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Write a question bank (by its id) as a bank file (--format json, the default) or a "
       "Markdown interview guide (--format md), without opening a window"),
    N_("BANK-ID") },
  { "list-candidates", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Print the candidates (id, name, role, date, questions scored, recommendation) and exit; "
       "the exit status is 2 if some files could not be read"), NULL },
  { "export", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Write a candidate’s scorecard (CANDIDATE is an id or a name) without opening a window"),
    N_("CANDIDATE") },
  { "debrief", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Write the debrief of a candidate (CANDIDATE is an id or a name): every interviewer’s "
       "submitted scorecard side by side, without opening a window"),
    N_("CANDIDATE") },
  { "include-drafts", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("With --debrief: add the scorecards not submitted yet, marked as drafts"), NULL },
  { "format", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --export or --debrief: md (the default), csv or json; with --export-bank: json "
       "(the default) or md"),
    N_("FORMAT") },
  { "output", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("With --export, --debrief or --export-bank: the file to write, instead of the standard "
       "output"),
    N_("FILE") },
  { "interviewer", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --export: whose scorecard, by interviewer id, when several interviewers have one"),
    N_("ID") },
  { "erase", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Erase every file of a candidate (CANDIDATE is an id or a name): every interviewer’s "
       "scorecard and every copy, after asking"),
    N_("CANDIDATE") },
  { "yes", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("With --erase: do not ask"), NULL },
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Print the version and exit"), NULL },
  { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, NULL, NULL, N_("[BANK.json|GUIDE.md]") },
  { NULL }
};

/* --check-bank: exit status 0 and a summary when the bank is valid, 1 and
 * every problem on stderr when it is not. */
int
ivc_cli_check_bank (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(IvcQuestionBank) bank = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;

  bank = ivc_question_bank_new_from_file (file, NULL, &problems, &error);
  if (bank == NULL)
    {
      for (guint i = 0; i < problems->len; i++)
        {
          const GError *problem = g_ptr_array_index (problems, i);
          g_printerr ("%s\n", problem->message);
        }
      return 1;
    }

  /* What was left out or not understood: worth knowing, not a failure. */
  for (const char * const *warning = ivc_question_bank_get_warnings (bank); *warning; warning++)
    g_printerr (_("warning: %s\n"), *warning);

  summary = ivc_question_bank_dup_summary (bank);
  g_print ("%s\n", summary);
  return 0;
}

/* A Markdown export that would not import to the same bank says so: the
 * file is written all the same, with what differs on stderr. */
static void
check_markdown_round_trip (IvcQuestionBank *bank,
                           GBytes          *markdown)
{
  g_autoptr(IvcQuestionBank) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *difference = NULL;
  g_autofree char *name = g_strconcat (ivc_question_bank_get_id (bank), ".md", NULL);

  again = ivc_guide_import_bytes (markdown, name, NULL, &error);
  if (again == NULL)
    difference = g_strdup (error->message);
  else
    difference = ivc_question_bank_describe_difference (bank, again);

  if (difference != NULL)
    g_printerr (_("warning: this bank cannot be written exactly as a Markdown guide; "
                  "importing it again gives a different bank (%s)\n"),
                difference);
}

/* --export-bank: a bank of the library written out, the bundled one too. */
int
ivc_cli_export_bank (IvcBankLibrary *library,
                     const char     *bank_id,
                     const char     *format_name,
                     const char     *output)
{
  g_autoptr(IvcQuestionBank) bank = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  IvcBankFileFormat format = IVC_BANK_FILE_JSON;
  IvcBankInfo *info;

  g_return_val_if_fail (IVC_IS_BANK_LIBRARY (library), 1);
  g_return_val_if_fail (bank_id != NULL, 1);

  if (format_name != NULL && !ivc_bank_file_format_from_string (format_name, &format, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  ivc_bank_library_load (library, NULL, NULL, NULL);
  info = ivc_bank_library_lookup (library, bank_id);
  if (info == NULL)
    {
      g_printerr (_("There is no question bank with the id “%s”\n"), bank_id);
      return 1;
    }

  if (ivc_bank_info_get_file (info) != NULL)
    bank = ivc_question_bank_new_from_file (ivc_bank_info_get_file (info), NULL, NULL, &error);
  else if (ivc_bank_library_get_bundled_bank (library) != NULL)
    bank = g_object_ref (ivc_bank_library_get_bundled_bank (library));
  if (bank == NULL)
    {
      g_printerr ("%s\n", error ? error->message : bank_id);
      return 1;
    }

  bytes = ivc_bank_writer_to_bytes (bank, format);
  if (format == IVC_BANK_FILE_MARKDOWN)
    check_markdown_round_trip (bank, bytes);

  if (output != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (output);

      if (!ivc_file_util_write_bytes (file, bytes, IVC_FILE_UTIL_WRITE_NONE, NULL, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
    }
  else
    {
      gsize size;
      const char *data = g_bytes_get_data (bytes, &size);

      if (fwrite (data, 1, size, stdout) != size || fflush (stdout) != 0)
        {
          g_printerr (_("Could not write the bank to the standard output\n"));
          return 1;
        }
    }

  return 0;
}

const GOptionEntry *
ivc_cli_get_option_entries (void)
{
  return cli_option_entries;
}

/* Exit status of --list-candidates when the list was printed but some
 * files could not be read: a script sees that the list may be incomplete
 * (1 is kept for “nothing could be listed”). */
#define IVC_CLI_EXIT_INCOMPLETE 2

static void
print_problems (GPtrArray *problems)
{
  for (guint i = 0; problems != NULL && i < problems->len; i++)
    g_printerr ("%s\n", ((const GError *)g_ptr_array_index (problems, i))->message);
}

/* --list-candidates: a line per candidate, problems with files on stderr
 * and in the exit status. */
int
ivc_cli_list_candidates (IvcCandidateStore *store)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *list = NULL;

  g_return_val_if_fail (IVC_IS_CANDIDATE_STORE (store), 1);

  if (!ivc_candidate_store_load (store, NULL, &problems, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  print_problems (problems);

  list = ivc_candidate_store_format_list (store);
  g_print ("%s", list);

  return problems != NULL && problems->len > 0 ? IVC_CLI_EXIT_INCOMPLETE : 0;
}

/* The candidate's own bank; without it, notes are still all there. */
static IvcQuestionBank *
load_bank (IvcBankLibrary *library,
           const char     *bank_id)
{
  g_autoptr(IvcQuestionBank) bank = NULL;
  g_autoptr(GError) error = NULL;
  IvcBankInfo *info;

  ivc_bank_library_load (library, NULL, NULL, NULL);
  info = ivc_bank_library_lookup (library, bank_id);
  if (info != NULL && ivc_bank_info_get_file (info) != NULL)
    bank = ivc_question_bank_new_from_file (ivc_bank_info_get_file (info), NULL, NULL, &error);
  else if (info != NULL && ivc_bank_library_get_bundled_bank (library) != NULL)
    bank = g_object_ref (ivc_bank_library_get_bundled_bank (library));
  if (bank == NULL && *bank_id != '\0')
    g_printerr (_("The question bank “%s” is not installed: questions are listed by id only.\n"),
                bank_id);

  return g_steal_pointer (&bank);
}

static int
write_debrief (GBytes     *bytes,
               const char *output)
{
  if (output != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (output);
      g_autoptr(GError) error = NULL;

      if (!ivc_file_util_write_bytes (file, bytes, IVC_FILE_UTIL_WRITE_NONE, NULL, &error))
        {
          g_autofree char *name = g_file_get_parse_name (file);

          g_printerr (_("Could not write the debrief to “%s”: %s\n"), name, error->message);
          return 1;
        }
    }
  else
    {
      gsize size;
      const char *data = g_bytes_get_data (bytes, &size);

      if (fwrite (data, 1, size, stdout) != size || fflush (stdout) != 0)
        {
          g_printerr (_("Could not write the debrief to the standard output\n"));
          return 1;
        }
    }

  return 0;
}

/* The format named, the store loaded and the candidate found, or 1 with
 * the reason on stderr. */
static int
find_candidate (IvcCandidateStore  *store,
                const char         *wanted,
                const char         *format_name,
                IvcExportFormat    *format,
                IvcCandidate      **candidate,
                GPtrArray         **problems_out)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;

  if (format_name != NULL && !ivc_export_format_from_string (format_name, format, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  if (!ivc_candidate_store_load (store, NULL, &problems, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  /* A candidate whose file cannot be read is not found: the files that
   * could not be read say why. */
  if ((*candidate = ivc_candidate_store_lookup (store, wanted, &error)) == NULL)
    {
      if (g_error_matches (error, IVC_STORE_ERROR, IVC_STORE_ERROR_NOT_FOUND))
        print_problems (problems);
      g_printerr ("%s\n", error->message);
      return 1;
    }

  if (problems_out != NULL)
    *problems_out = g_steal_pointer (&problems);
  return 0;
}

/* --debrief: every interviewer's submitted scorecard side by side, as the
 * Debrief page shows it, behind the same bias guard. */
int
ivc_cli_debrief (IvcCandidateStore *store,
                 IvcBankLibrary    *library,
                 const char        *wanted,
                 const char        *format_name,
                 const char        *output,
                 gboolean           include_drafts,
                 gboolean           guard)
{
  g_autoptr(IvcQuestionBank) bank = NULL;
  g_autoptr(IvcDebrief) debrief = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  IvcExportFormat format = IVC_EXPORT_FORMAT_MARKDOWN;
  IvcCandidate *candidate;

  g_return_val_if_fail (IVC_IS_CANDIDATE_STORE (store), 1);
  g_return_val_if_fail (IVC_IS_BANK_LIBRARY (library), 1);
  g_return_val_if_fail (wanted != NULL, 1);

  if (find_candidate (store, wanted, format_name, &format, &candidate, &problems) != 0)
    return 1;

  /* A teammate's file that could not be read is not in the debrief: said. */
  print_problems (problems);
  bank = load_bank (library, ivc_candidate_get_bank_id (candidate));
  debrief = ivc_candidate_store_make_debrief (store, candidate, bank, include_drafts, guard, &error);
  if (debrief == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  bytes = ivc_debrief_to_bytes (debrief, format);
  return write_debrief (bytes, output);
}

/* --export: the same file as Export in the window, without one. */
int
ivc_cli_export (IvcCandidateStore *store,
                IvcBankLibrary    *library,
                const char        *wanted,
                const char        *format_name,
                const char        *output,
                const char        *interviewer_id,
                gboolean           guard)
{
  g_autoptr(IvcQuestionBank) bank = NULL;
  g_autoptr(IvcScorecard) scorecard = NULL;
  g_autoptr(IvcCandidate) scorecard_of = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  IvcExportFormat format = IVC_EXPORT_FORMAT_MARKDOWN;
  IvcCandidate *candidate;

  g_return_val_if_fail (IVC_IS_CANDIDATE_STORE (store), 1);
  g_return_val_if_fail (IVC_IS_BANK_LIBRARY (library), 1);
  g_return_val_if_fail (wanted != NULL, 1);

  if (find_candidate (store, wanted, format_name, &format, &candidate, &problems) != 0)
    return 1;

  if ((scorecard_of = ivc_candidate_store_choose_scorecard (store, candidate, interviewer_id, &error)) == NULL)
    {
      if (g_error_matches (error, IVC_STORE_ERROR, IVC_STORE_ERROR_NOT_FOUND))
        print_problems (problems);
      g_printerr ("%s\n", error->message);
      return 1;
    }

  /* A teammate's scorecard only once ours is submitted. */
  if (!ivc_bias_guard_check (candidate, scorecard_of, guard, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  bank = load_bank (library, ivc_candidate_get_bank_id (scorecard_of));

  scorecard = ivc_scorecard_new (scorecard_of, bank);

  if (output != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (output);

      if (!ivc_export_write_to_file (scorecard, format, file, NULL, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
    }
  else
    {
      g_autoptr(GBytes) bytes = ivc_export_to_bytes (scorecard, format);
      gsize size;
      const char *data = g_bytes_get_data (bytes, &size);

      if (fwrite (data, 1, size, stdout) != size || fflush (stdout) != 0)
        {
          g_printerr (_("Could not write the scorecard to the standard output\n"));
          return 1;
        }
    }

  return 0;
}

/* Names come from files a teammate's copy wrote: no control characters
 * reach the terminal. */
static char *
dup_printable (const char *text)
{
  char *printable = g_utf8_make_valid (text, -1);

  for (char *p = printable; *p; p++)
    if ((guchar)*p < 0x20 || *p == 0x7f)
      *p = ' ';

  return printable;
}

/* Asks on the terminal; anything but yes is no. */
static gboolean
ask_yes (void)
{
  char answer[64] = "";

  /* Translators: the question --erase asks; y or yes (in English or
   * translated) erases */
  g_print ("%s ", _("Erase? [y/N]"));
  fflush (stdout);
  if (fgets (answer, sizeof answer, stdin) == NULL)
    return FALSE;

  g_strstrip (answer);
  return g_ascii_strcasecmp (answer, "y") == 0 || g_ascii_strcasecmp (answer, "yes") == 0 ||
         /* Translators: the short yes to the question "Erase? [y/N]" */
         g_utf8_collate (answer, C_("erase answer", "y")) == 0 ||
         /* Translators: the long yes to the question "Erase? [y/N]" */
         g_utf8_collate (answer, C_("erase answer", "yes")) == 0;
}

/* --erase: says what goes, asks (or takes --yes), removes it and prints
 * each path removed. */
int
ivc_cli_erase (IvcCandidateStore *store,
               const char        *wanted,
               gboolean           yes)
{
  g_autoptr(IvcCandidateFiles) files = NULL;
  g_autoptr(IvcCandidateFiles) removed = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *id = NULL;
  IvcCandidate *candidate;
  gboolean ok;

  g_return_val_if_fail (IVC_IS_CANDIDATE_STORE (store), 1);
  g_return_val_if_fail (wanted != NULL, 1);

  if (!ivc_candidate_store_load (store, NULL, &problems, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  for (guint i = 0; problems != NULL && i < problems->len; i++)
    g_printerr ("%s\n", ((const GError *)g_ptr_array_index (problems, i))->message);

  candidate = ivc_candidate_store_lookup (store, wanted, &error);
  if (candidate != NULL)
    {
      id = g_strdup (ivc_candidate_get_id (candidate));
      name = dup_printable (ivc_candidate_get_name (candidate));
    }
  else if (g_error_matches (error, IVC_STORE_ERROR, IVC_STORE_ERROR_NOT_FOUND) &&
           ivc_candidate_id_is_valid (wanted))
    {
      /* A folder the list does not show (no file could be read) is still
       * the candidate's. */
      id = g_strdup (wanted);
      name = g_strdup (wanted);
    }
  else
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  g_clear_error (&error);

  files = ivc_candidate_store_list_files (store, id, &error);
  if (files == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  summary = ivc_candidate_files_dup_summary (files);
  g_print (_("Erasing %s (%s) removes the folder %s: %s, every interviewer’s scorecard and "
             "every copy. This cannot be undone.\n"),
           name, id, files->folder_path, summary);

  if (!yes)
    {
      if (!isatty (STDIN_FILENO))
        {
          g_printerr (_("Nothing was erased: there is no terminal to ask on. Pass --yes to "
                        "erase without being asked.\n"));
          return 1;
        }

      if (!ask_yes ())
        {
          g_print (_("Nothing was erased.\n"));
          return 1;
        }
    }

  ok = ivc_candidate_store_erase (store, id, &removed, &error);
  for (guint i = 0; removed != NULL && i < removed->paths->len; i++)
    g_print (_("Removed %s\n"), (const char *)g_ptr_array_index (removed->paths, i));

  if (!ok)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  g_clear_pointer (&summary, g_free);
  summary = ivc_candidate_files_dup_summary (removed);
  g_print (_("Erased %s: %s.\n"), name, summary);
  return 0;
}
