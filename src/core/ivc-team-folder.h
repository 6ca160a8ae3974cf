/* ivc-team-folder.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The team folder: checking the `team-folder` setting, and copying (or
 * moving) the candidates of one data folder into another, verified.
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* What copying candidates into the team folder did. */
typedef struct
{
  /* Files copied and read back equal. */
  guint      n_copied;
  /* Files that were already there with the same contents. */
  guint      n_same;
  /* Files removed from the old folder (when moving, all verified). */
  guint      n_removed;
  /* GError: files left out (already there with other contents, links,
   * files that could not be read), each named with its reason. */
  GPtrArray *skipped;
} IvcTeamCopyResult;

void               ivc_team_copy_result_free     (IvcTeamCopyResult    *result);

GFile             *ivc_team_folder_resolve       (const char           *setting,
                                                  GError              **error);
IvcTeamCopyResult *ivc_team_folder_copy          (GFile                *from_folder,
                                                  GFile                *to_folder,
                                                  gboolean              move,
                                                  GCancellable         *cancellable,
                                                  GError              **error);
void               ivc_team_folder_copy_async    (GFile                *from_folder,
                                                  GFile                *to_folder,
                                                  gboolean              move,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
IvcTeamCopyResult *ivc_team_folder_copy_finish   (GAsyncResult         *result,
                                                  GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IvcTeamCopyResult, ivc_team_copy_result_free)

G_END_DECLS
