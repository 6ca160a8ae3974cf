/* ivc-id.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rules for ids and dates that question banks, levels, questions,
 * candidates and interviewers share.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Ids name files and folders: at most this many characters. */
#define IVC_ID_MAX_CHARS 64

/* The length of a date written as “YYYY-MM-DD”. */
#define IVC_DATE_LENGTH  10

/* An id derived from a text keeps at most this many characters of it,
 * leaving room for a hash and a number that make it unique. */
#define IVC_ID_DERIVED_MAX_CHARS 40

gboolean ivc_id_is_valid    (const char *id);
gboolean ivc_date_is_valid  (const char *date);
char    *ivc_id_derive      (const char *text);
char    *ivc_id_make_unique (const char *id,
                             GHashTable *taken);

gboolean ivc_language_tag_is_valid (const char *tag);

G_END_DECLS
