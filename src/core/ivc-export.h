/* ivc-export.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Scorecard exports: Markdown, CSV (RFC 4180, neutralised against formula
 * injection) and JSON, as bytes and written to a file.
 */

#pragma once

#include <gio/gio.h>

#include "ivc-scorecard.h"

G_BEGIN_DECLS

/* The version of the JSON export; docs/export-format.md. */
#define IVC_EXPORT_JSON_FORMAT 1

#define IVC_EXPORT_ERROR       (ivc_export_error_quark ())

/* How much of a candidate's name a suggested file name keeps. */
#define IVC_EXPORT_FILE_NAME_MAX_CHARS 64
#define IVC_TYPE_EXPORT_FORMAT (ivc_export_format_get_type ())

typedef enum
{
  IVC_EXPORT_ERROR_UNKNOWN_FORMAT,
} IvcExportError;

/* The nicks are "markdown", "csv" and "json". */
typedef enum
{
  IVC_EXPORT_FORMAT_MARKDOWN,
  IVC_EXPORT_FORMAT_CSV,
  IVC_EXPORT_FORMAT_JSON,
} IvcExportFormat;

GQuark           ivc_export_error_quark              (void);
GType            ivc_export_format_get_type          (void) G_GNUC_CONST;

gboolean         ivc_export_format_from_string       (const char           *name,
                                                      IvcExportFormat      *format,
                                                      GError              **error);
const char      *ivc_export_format_get_extension     (IvcExportFormat       format);
const char      *ivc_export_format_get_mime_type     (IvcExportFormat       format);
const char      *ivc_export_format_get_label         (IvcExportFormat       format);

GBytes          *ivc_export_to_bytes                 (IvcScorecard         *scorecard,
                                                      IvcExportFormat       format);
/* In ivc-export-file-name.c. */
char            *ivc_export_make_file_name           (const char           *name,
                                                      const char           *what,
                                                      const char           *extension);
char            *ivc_export_dup_file_name            (IvcScorecard         *scorecard,
                                                      IvcExportFormat       format);
gboolean         ivc_export_write_to_file            (IvcScorecard         *scorecard,
                                                      IvcExportFormat       format,
                                                      GFile                *file,
                                                      GCancellable         *cancellable,
                                                      GError              **error);
void             ivc_export_write_to_file_async      (IvcScorecard         *scorecard,
                                                      IvcExportFormat       format,
                                                      GFile                *file,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
gboolean         ivc_export_write_to_file_finish     (GAsyncResult         *result,
                                                      GError              **error);

G_END_DECLS
