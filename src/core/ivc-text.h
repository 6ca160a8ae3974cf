/* ivc-text.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Text helpers for search: folding case and accents, and splitting a query
 * into words.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char  *ivc_text_fold         (const char *text,
                              gssize      length);
char **ivc_text_search_words (const char *query);

G_END_DECLS
