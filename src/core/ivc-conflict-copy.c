/* ivc-conflict-copy.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The conflict copies sync tools leave beside a file when two computers
 * changed it: Syncthing's, Nextcloud's (and ownCloud's) and Dropbox's.
 */

#define G_LOG_DOMAIN "ivc-conflict-copy"

#include "config.h"

#include <string.h>

#include "ivc-conflict-copy.h"

/*
 * For a file NAME.json:
 *
 * - Syncthing:           NAME.sync-conflict-YYYYMMDD-HHMMSS-XXXXXXX.json
 *                        (XXXXXXX: the start of the device id that changed it)
 * - Nextcloud, ownCloud: NAME (conflicted copy YYYY-MM-DD HHMMSS).json, and
 *                        in some versions a user name before the date
 * - Dropbox:             NAME (Ann's conflicted copy YYYY-MM-DD).json, with
 *                        the computer's or person's name first and a number
 *                        such as “ (1)” after the date if several
 *
 * Only copies of “.json” files matter here.
 */

static GRegex *
get_syncthing_regex (void)
{
  static GRegex *regex;
  static gsize once;

  if (g_once_init_enter (&once))
    {
      regex = g_regex_new ("^(.+)\\.sync-conflict-[0-9]{8}-[0-9]{6}-[A-Z0-9]{7}\\.json$",
                           G_REGEX_OPTIMIZE, 0, NULL);
      g_once_init_leave (&once, 1);
    }

  return regex;
}

static GRegex *
get_conflicted_copy_regex (void)
{
  static GRegex *regex;
  static gsize once;

  /* The owner's part before “conflicted copy” is what tells Dropbox from
   * Nextcloud. */
  if (g_once_init_enter (&once))
    {
      regex = g_regex_new ("^(.+?) \\(([^()]*?)conflicted copy(?:[^()]|\\([0-9]+\\))*\\)\\.json$",
                           G_REGEX_OPTIMIZE | G_REGEX_CASELESS, 0, NULL);
      g_once_init_leave (&once, 1);
    }

  return regex;
}

/**
 * ivc_conflict_copy_parse:
 * @file_name: a file's name, without its folder
 * @original_name: (out) (optional) (transfer full): the name of the file it
 *   is a copy of, “NAME.json”
 *
 * Returns: which tool left @file_name as a conflict copy, or
 *   %IVC_SYNC_TOOL_NONE if it is not one
 */
IvcSyncTool
ivc_conflict_copy_parse (const char  *file_name,
                         char       **original_name)
{
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *name = NULL;
  g_autofree char *owner = NULL;
  IvcSyncTool tool;

  g_return_val_if_fail (file_name != NULL, IVC_SYNC_TOOL_NONE);

  if (original_name != NULL)
    *original_name = NULL;

  if (g_regex_match (get_syncthing_regex (), file_name, 0, &match))
    tool = IVC_SYNC_TOOL_SYNCTHING;
  else
    {
      g_clear_pointer (&match, g_match_info_unref);
      if (!g_regex_match (get_conflicted_copy_regex (), file_name, 0, &match))
        return IVC_SYNC_TOOL_NONE;

      owner = g_match_info_fetch (match, 2);
      tool = (owner == NULL || *owner == '\0') ? IVC_SYNC_TOOL_NEXTCLOUD : IVC_SYNC_TOOL_DROPBOX;
    }

  name = g_match_info_fetch (match, 1);
  if (name == NULL || *name == '\0')
    return IVC_SYNC_TOOL_NONE;

  if (original_name != NULL)
    *original_name = g_strconcat (name, ".json", NULL);

  return tool;
}

/**
 * ivc_sync_tool_get_name:
 *
 * Returns: the tool's name, as its makers write it
 */
const char *
ivc_sync_tool_get_name (IvcSyncTool tool)
{
  switch (tool)
    {
    case IVC_SYNC_TOOL_SYNCTHING:
      return "Syncthing";
    case IVC_SYNC_TOOL_NEXTCLOUD:
      return "Nextcloud";
    case IVC_SYNC_TOOL_DROPBOX:
      return "Dropbox";
    case IVC_SYNC_TOOL_NONE:
    default:
      return "";
    }
}
