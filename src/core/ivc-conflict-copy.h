/* ivc-conflict-copy.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The conflict copies sync tools leave beside a file when two computers
 * changed it: Syncthing's, Nextcloud's (and ownCloud's) and Dropbox's.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  IVC_SYNC_TOOL_NONE,
  IVC_SYNC_TOOL_SYNCTHING,
  IVC_SYNC_TOOL_NEXTCLOUD,
  IVC_SYNC_TOOL_DROPBOX,
} IvcSyncTool;

IvcSyncTool  ivc_conflict_copy_parse        (const char  *file_name,
                                             char       **original_name);
const char  *ivc_sync_tool_get_name         (IvcSyncTool  tool);

G_END_DECLS
