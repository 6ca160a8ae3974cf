/* ivc-export-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the export's formats share inside src/core.
 */

#pragma once

#include <json-glib/json-glib.h>

#include "ivc-scorecard.h"

G_BEGIN_DECLS

GBytes *_ivc_export_csv            (IvcScorecard       *scorecard);
/* The escaping of the scorecard exports, for the debrief's. */
void    _ivc_export_csv_row        (GString            *out,
                                    const char * const *fields);
void    _ivc_export_md_text        (GString            *out,
                                    const char         *text);
void    _ivc_export_md_paragraphs  (GString            *out,
                                    const char         *text);
char   *_ivc_export_dup_score_text (IvcScore            score);
char   *_ivc_export_dup_average_text (double            average);
/* The JSON exports' members and file. */
void    _ivc_export_json_string    (JsonBuilder        *builder,
                                    const char         *name,
                                    const char         *value);
void    _ivc_export_json_date_time (JsonBuilder        *builder,
                                    const char         *name,
                                    GDateTime          *date_time);
GBytes *_ivc_export_json_to_bytes  (JsonBuilder        *builder);

G_END_DECLS
