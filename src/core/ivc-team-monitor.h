/* ivc-team-monitor.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Watching the candidates folder for what teammates' sync tools bring:
 * file monitors, coalesced, and a scan of the folder on a worker thread.
 */

#pragma once

#include <gio/gio.h>

#include "ivc-candidate-folder.h"

G_BEGIN_DECLS

/* How long after the first change the folder is read again: the changes of
 * one sync (a temporary file, then a rename) are read as one. */
#define IVC_TEAM_MONITOR_DELAY_MS 150

/* How often a folder whose changes inotify cannot see (the Flatpak's
 * document portal, a network share) is read. */
#define IVC_TEAM_MONITOR_POLL_MS 1500

/* What one scan of the candidates folder found. */
typedef struct
{
  /* Read as the command line reads: nothing in the folder changes. */
  IvcCandidateFolderResult *loaded;
  /* Candidate id → the names, sizes and times of teammates' files, as a
   * string; a change in it is a teammate's change. */
  GHashTable               *signatures;
  /* Candidate id → how many teammates' scorecards there are (GUINT). */
  GHashTable               *n_teammates;
  /* Candidate ids whose folder has our own file. */
  GHashTable               *own;
  /* The candidates' folders, to watch. */
  GPtrArray                *folders;
} IvcTeamScan;

void ivc_team_scan_free (IvcTeamScan *scan);

#define IVC_TYPE_TEAM_MONITOR (ivc_team_monitor_get_type ())

G_DECLARE_FINAL_TYPE (IvcTeamMonitor, ivc_team_monitor, IVC, TEAM_MONITOR, GObject)

IvcTeamMonitor *ivc_team_monitor_new     (const char     *candidates_path,
                                          const char     *interviewer_id);
void            ivc_team_monitor_refresh (IvcTeamMonitor *self);
gboolean        ivc_team_monitor_get_polling (IvcTeamMonitor *self);

G_END_DECLS
