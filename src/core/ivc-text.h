/* ivc-text.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Text helpers: folding case and accents and splitting a query into
 * words, for search; counting and cutting characters, for limits; a
 * stored date in the user's locale format, for display.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char  *ivc_text_fold         (const char *text,
                              gssize      length);
char **ivc_text_search_words (const char *query);
gsize  ivc_text_count_chars  (const char *text);
char  *ivc_text_bound        (const char *text,
                              gsize       max_chars,
                              const char *current);
char  *ivc_text_format_date  (const char *iso_date);

G_END_DECLS
