/* ivc-id.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rules for ids and dates that question banks, levels, questions,
 * candidates and interviewers share, in one place.
 */

#define G_LOG_DOMAIN "ivc-id"

#include "config.h"

#include <string.h>

#include "ivc-id.h"

/**
 * ivc_id_is_valid:
 * @id: (nullable): a bank, level, question, candidate or interviewer id
 *
 * Ids name files and folders, so they are kept plain: 1 to
 * %IVC_ID_MAX_CHARS lowercase ASCII letters, digits and hyphens, not
 * starting with a hyphen, like “service-discovery”.
 *
 * Returns: %TRUE if @id follows these rules
 */
gboolean
ivc_id_is_valid (const char *id)
{
  gsize len;

  if (id == NULL)
    return FALSE;

  len = strlen (id);
  if (len == 0 || len > IVC_ID_MAX_CHARS || id[0] == '-')
    return FALSE;

  for (gsize i = 0; i < len; i++)
    {
      if (!g_ascii_islower (id[i]) && !g_ascii_isdigit (id[i]) && id[i] != '-')
        return FALSE;
    }

  return TRUE;
}

/**
 * ivc_date_is_valid:
 * @date: (nullable): a date, such as an interview's
 *
 * Returns: %TRUE if @date is a calendar date written as “YYYY-MM-DD”
 */
gboolean
ivc_date_is_valid (const char *date)
{
  guint year, month, day;

  if (date == NULL || strlen (date) != IVC_DATE_LENGTH || date[4] != '-' || date[7] != '-')
    return FALSE;

  for (guint i = 0; i < IVC_DATE_LENGTH; i++)
    {
      if (i != 4 && i != 7 && !g_ascii_isdigit (date[i]))
        return FALSE;
    }

  year = g_ascii_strtoull (date, NULL, 10);
  month = g_ascii_strtoull (date + 5, NULL, 10);
  day = g_ascii_strtoull (date + 8, NULL, 10);

  return year >= 1 && g_date_valid_dmy (day, month, year);
}
