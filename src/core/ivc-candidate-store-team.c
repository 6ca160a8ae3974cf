/* ivc-candidate-store-team.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The store's part of working in a team folder: what the team monitor
 * finds (teammates' candidates arriving, changing and going) reaches the
 * list, and what cannot be read is reported once.
 */

#define G_LOG_DOMAIN "ivc-candidate-store"

#include "config.h"

#include <glib/gi18n.h>

#include "ivc-candidate-store.h"
#include "ivc-candidate-store-private.h"
#include "ivc-team-monitor.h"

struct _IvcCandidateStoreTeam
{
  IvcTeamMonitor *monitor;
  gulong          scanned_id;
  /* Whether a scan has come in: until then nothing is known. */
  gboolean        scanned;
  /* Candidate id → signature of teammates' files, from the last scan. */
  GHashTable     *signatures;
  /* Candidate id → GUINT, teammates' scorecards. */
  GHashTable     *n_teammates;
  /* Candidate ids with a file of ours. */
  GHashTable     *own;
  /* Problems and notices already said (their full text, which names the
   * file and the reason), so that a file is reported once per reason and
   * not on every change in the folder. */
  GHashTable     *reported;
};

IvcCandidateStoreTeam *
_ivc_candidate_store_team_new (void)
{
  IvcCandidateStoreTeam *team = g_new0 (IvcCandidateStoreTeam, 1);

  team->signatures = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  team->n_teammates = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  team->own = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  team->reported = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  return team;
}

void
_ivc_candidate_store_team_free (IvcCandidateStoreTeam *team)
{
  if (team->monitor != NULL)
    g_clear_signal_handler (&team->scanned_id, team->monitor);
  g_clear_object (&team->monitor);
  g_clear_pointer (&team->signatures, g_hash_table_unref);
  g_clear_pointer (&team->n_teammates, g_hash_table_unref);
  g_clear_pointer (&team->own, g_hash_table_unref);
  g_clear_pointer (&team->reported, g_hash_table_unref);
  g_free (team);
}

/* Returns whether @text is new, and remembers it. */
static gboolean
report_once (IvcCandidateStoreTeam *team,
             const char            *text)
{
  return g_hash_table_add (team->reported, g_strdup (text));
}

void
_ivc_candidate_store_team_reported (IvcCandidateStore *self,
                                    GPtrArray         *problems,
                                    GPtrArray         *notices)
{
  IvcCandidateStoreTeam *team = _ivc_candidate_store_get_team (self);

  if (team == NULL)
    return;

  for (guint i = 0; problems != NULL && i < problems->len; i++)
    report_once (team, ((GError *)g_ptr_array_index (problems, i))->message);
  for (guint i = 0; notices != NULL && i < notices->len; i++)
    report_once (team, ((char **)g_ptr_array_index (notices, i))[1]);
}

static void
report_new_problems (IvcCandidateStore *self,
                     IvcTeamScan       *scan)
{
  IvcCandidateStoreTeam *team = _ivc_candidate_store_get_team (self);
  g_autoptr(GString) details = g_string_new (NULL);
  guint n_new = 0;

  for (guint i = 0; i < scan->loaded->problems->len; i++)
    {
      const GError *problem = g_ptr_array_index (scan->loaded->problems, i);

      if (!report_once (team, problem->message))
        continue;

      if (details->len > 0)
        g_string_append (details, "\n\n");
      g_string_append (details, problem->message);
      n_new++;
    }

  if (n_new > 0)
    {
      g_autofree char *title = g_strdup_printf (ngettext ("%u file in the candidates folder cannot be read",
                                                          "%u files in the candidates folder cannot be read",
                                                          n_new),
                                                n_new);

      _ivc_candidate_store_emit_notice (self, title, details->str);
    }

  for (guint i = 0; i < scan->loaded->notices->len; i++)
    {
      char **notice = g_ptr_array_index (scan->loaded->notices, i);

      if (report_once (team, notice[1]))
        _ivc_candidate_store_emit_notice (self, notice[0], notice[1]);
    }
}

static void
on_scanned_cb (IvcTeamMonitor    *monitor,
               IvcTeamScan       *scan,
               IvcCandidateStore *self)
{
  IvcCandidateStoreTeam *team = _ivc_candidate_store_get_team (self);
  g_autoptr(GPtrArray) changed = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) present = g_hash_table_new (g_str_hash, g_str_equal);
  GListModel *model = ivc_candidate_store_get_candidates (self);
  g_autoptr(GPtrArray) gone = g_ptr_array_new_with_free_func (g_free);
  GHashTableIter iter;
  gpointer key, value;

  report_new_problems (self, scan);

  /* What changed for the candidates we know, or that are new. */
  g_hash_table_iter_init (&iter, scan->signatures);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const char *before = g_hash_table_lookup (team->signatures, key);
      gboolean own_before = g_hash_table_contains (team->own, key);
      gboolean own_now = g_hash_table_contains (scan->own, key);

      /* Our own saves change only whether we have a file; that matters
       * (to the list) only where teammates have files too. */
      g_hash_table_add (present, key);
      /* The first read tells what was not known before: who has
       * teammates' scorecards. */
      if (!team->scanned && GPOINTER_TO_UINT (g_hash_table_lookup (scan->n_teammates, key)) > 0)
        g_ptr_array_add (changed, g_strdup (key));
      else if (team->scanned &&
          (g_strcmp0 (before ? before : "", value) != 0 ||
           (own_before != own_now &&
            GPOINTER_TO_UINT (g_hash_table_lookup (scan->n_teammates, key)) > 0)))
        g_ptr_array_add (changed, g_strdup (key));
    }
  g_hash_table_iter_init (&iter, team->signatures);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!g_hash_table_contains (present, key) && *(const char *)value != '\0')
      g_ptr_array_add (changed, g_strdup (key));

  g_clear_pointer (&team->signatures, g_hash_table_unref);
  g_clear_pointer (&team->n_teammates, g_hash_table_unref);
  g_clear_pointer (&team->own, g_hash_table_unref);
  team->signatures = g_hash_table_ref (scan->signatures);
  team->n_teammates = g_hash_table_ref (scan->n_teammates);
  team->own = g_hash_table_ref (scan->own);
  team->scanned = TRUE;

  /* Candidates that arrived. */
  for (guint i = 0; i < scan->loaded->candidates->len; i++)
    {
      IvcCandidate *candidate = g_ptr_array_index (scan->loaded->candidates, i);
      const char *id = ivc_candidate_get_id (candidate);

      if (ivc_candidate_store_find (self, id) == NULL)
        _ivc_candidate_store_add_found (self, candidate,
                                        g_hash_table_lookup (scan->loaded->stamps, id));
      else
        _ivc_candidate_store_set_listed (self, id, TRUE);
    }

  /* Candidates whose every file went, and that we never wrote for. */
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(IvcCandidate) candidate = g_list_model_get_item (model, i);
      const char *id = ivc_candidate_get_id (candidate);

      if (!g_hash_table_contains (scan->own, id) &&
          GPOINTER_TO_UINT (g_hash_table_lookup (scan->n_teammates, id)) == 0)
        g_ptr_array_add (gone, g_strdup (id));
    }
  for (guint i = 0; i < gone->len; i++)
    _ivc_candidate_store_set_listed (self, g_ptr_array_index (gone, i), FALSE);

  for (guint i = 0; i < changed->len; i++)
    _ivc_candidate_store_emit_team_changed (self, g_ptr_array_index (changed, i));
}

/**
 * ivc_candidate_store_watch_team:
 *
 * Watches the candidates folder from now on, for a team that shares it
 * through a sync tool: candidates that teammates' files bring are added to
 * the list (with an empty scorecard of ours, written once it changes),
 * those whose files all went and that we never changed are taken out of
 * the list (and put back if something is typed for them, or their files
 * come again),
 * #IvcCandidateStore::team-changed says whose teammates' files changed,
 * and files that cannot be read are reported once each through
 * #IvcCandidateStore::notice. The folder is read on a worker thread, a
 * short while after a change. Call after loading.
 */
void
ivc_candidate_store_watch_team (IvcCandidateStore *self)
{
  IvcCandidateStoreTeam *team;

  g_return_if_fail (IVC_IS_CANDIDATE_STORE (self));

  team = _ivc_candidate_store_get_team (self);
  if (team == NULL || team->monitor != NULL)
    return;

  team->monitor = ivc_team_monitor_new (_ivc_candidate_store_get_candidates_path (self),
                                        ivc_candidate_store_get_interviewer_id (self));
  team->scanned_id = g_signal_connect (team->monitor, "scanned", G_CALLBACK (on_scanned_cb), self);
}

gboolean
ivc_candidate_store_get_watching_team (IvcCandidateStore *self)
{
  IvcCandidateStoreTeam *team;

  g_return_val_if_fail (IVC_IS_CANDIDATE_STORE (self), FALSE);

  team = _ivc_candidate_store_get_team (self);
  return team != NULL && team->monitor != NULL;
}

/**
 * ivc_candidate_store_get_n_teammates:
 *
 * Returns: how many teammates have a scorecard for the candidate, as last
 *   read (0 until ivc_candidate_store_watch_team() has read the folder)
 */
guint
ivc_candidate_store_get_n_teammates (IvcCandidateStore *self,
                                     const char        *candidate_id)
{
  IvcCandidateStoreTeam *team;

  g_return_val_if_fail (IVC_IS_CANDIDATE_STORE (self), 0);
  g_return_val_if_fail (candidate_id != NULL, 0);

  team = _ivc_candidate_store_get_team (self);
  if (team == NULL)
    return 0;

  return GPOINTER_TO_UINT (g_hash_table_lookup (team->n_teammates, candidate_id));
}

/**
 * ivc_candidate_store_get_teammates_only:
 *
 * Returns: whether only teammates have interviewed the candidate so far:
 *   they have scorecards and we have no file yet (as last read by
 *   ivc_candidate_store_watch_team(), %FALSE before)
 */
gboolean
ivc_candidate_store_get_teammates_only (IvcCandidateStore *self,
                                        const char        *candidate_id)
{
  IvcCandidateStoreTeam *team;

  g_return_val_if_fail (IVC_IS_CANDIDATE_STORE (self), FALSE);
  g_return_val_if_fail (candidate_id != NULL, FALSE);

  team = _ivc_candidate_store_get_team (self);
  if (team == NULL || !team->scanned)
    return FALSE;

  return !g_hash_table_contains (team->own, candidate_id) &&
         GPOINTER_TO_UINT (g_hash_table_lookup (team->n_teammates, candidate_id)) > 0;
}
