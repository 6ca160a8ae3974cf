/* team-writer.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For check-syncthing.py: an interviewer scoring a candidate through the
 * candidate store, as the window does, without a display. The app has no
 * command that writes a scorecard, so this small program stands in for
 * typing into the panel.
 *
 *   team-writer write FOLDER INTERVIEWER-ID NAME CANDIDATE-NAME NOTE
 *     Loads FOLDER (merging conflict copies of ours, as the app does),
 *     finds the candidate by name or creates them, adds NOTE on a line of
 *     its own to the notes of question "q1", scores it 3, saves, and
 *     prints the candidate's id.
 *
 *   team-writer submit FOLDER INTERVIEWER-ID NAME CANDIDATE-NAME
 *     Loads FOLDER the same way and submits our scorecard for the
 *     candidate (Submit Scorecard in the panel), then saves.
 *
 *   team-writer show FOLDER INTERVIEWER-ID CANDIDATE-NAME
 *     Loads FOLDER the same way, saves what loading merged, and prints
 *     every interviewer's notes for "q1", ours first, one line each:
 *     “ID: NOTES”, with line breaks shown as “ / ”.
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "ivc-candidate-store.h"

#define QUESTION_ID "q1"

static IvcCandidateStore *
open_store (const char *folder_path,
            const char *interviewer_id,
            const char *name)
{
  g_autoptr(GFile) folder = g_file_new_for_path (folder_path);
  g_autoptr(IvcCandidateStore) store = ivc_candidate_store_new (folder, interviewer_id, name);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;

  if (!ivc_candidate_store_load (store, NULL, &problems, &error))
    g_error ("cannot load %s: %s", folder_path, error->message);
  for (guint i = 0; i < problems->len; i++)
    g_printerr ("problem: %s\n", ((GError *)problems->pdata[i])->message);

  return g_steal_pointer (&store);
}

static const char *
notes_of (IvcCandidate *candidate)
{
  IvcEvaluation *evaluation = ivc_candidate_get_evaluation (candidate, QUESTION_ID);
  const char *notes = evaluation ? ivc_evaluation_get_notes (evaluation) : NULL;

  return notes ? notes : "";
}

/* One line per interviewer: line breaks in the notes shown as “ / ”. */
static void
print_notes (const char   *interviewer_id,
             IvcCandidate *candidate)
{
  g_auto(GStrv) lines = g_strsplit (notes_of (candidate), "\n", -1);
  g_autofree char *joined = g_strjoinv (" / ", lines);

  g_print ("%s: %s\n", interviewer_id, joined);
}

static void
flush (IvcCandidateStore *store)
{
  g_autoptr(GError) error = NULL;

  if (!ivc_candidate_store_flush (store, &error))
    g_error ("cannot save: %s", error->message);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(IvcCandidateStore) store = NULL;
  IvcCandidate *candidate;

  setlocale (LC_ALL, "");

  if (argc == 7 && strcmp (argv[1], "write") == 0)
    {
      IvcEvaluation *evaluation;
      g_autofree char *notes = NULL;
      const char *before;

      store = open_store (argv[2], argv[3], argv[4]);
      candidate = ivc_candidate_store_lookup (store, argv[5], NULL);
      if (candidate == NULL)
        candidate = ivc_candidate_store_create (store, argv[5], "Backend Engineer", "2026-03-02", NULL);

      evaluation = ivc_candidate_ensure_evaluation (candidate, QUESTION_ID);
      before = notes_of (candidate);
      notes = *before ? g_strconcat (before, "\n", argv[6], NULL) : g_strdup (argv[6]);
      ivc_evaluation_set_notes (evaluation, notes);
      ivc_evaluation_set_score (evaluation, 3);
      flush (store);
      g_print ("%s\n", ivc_candidate_get_id (candidate));
      return 0;
    }

  if (argc == 6 && strcmp (argv[1], "submit") == 0)
    {
      store = open_store (argv[2], argv[3], argv[4]);
      candidate = ivc_candidate_store_lookup (store, argv[5], NULL);
      if (candidate == NULL)
        return 1;

      ivc_candidate_submit (candidate);
      flush (store);
      return 0;
    }

  if (argc == 5 && strcmp (argv[1], "show") == 0)
    {
      g_autoptr(GPtrArray) others = NULL;

      store = open_store (argv[2], argv[3], NULL);
      flush (store);
      candidate = ivc_candidate_store_lookup (store, argv[4], NULL);
      if (candidate == NULL)
        return 1;

      print_notes (argv[3], candidate);
      others = ivc_candidate_store_read_other_scorecards (store, ivc_candidate_get_id (candidate), NULL);
      for (guint i = 0; i < others->len; i++)
        print_notes (ivc_candidate_get_interviewer_id (others->pdata[i]), others->pdata[i]);
      return 0;
    }

  g_printerr ("usage: %s write FOLDER INTERVIEWER-ID NAME CANDIDATE-NAME NOTE\n"
              "       %s submit FOLDER INTERVIEWER-ID NAME CANDIDATE-NAME\n"
              "       %s show FOLDER INTERVIEWER-ID CANDIDATE-NAME\n", argv[0], argv[0], argv[0]);
  return 2;
}
