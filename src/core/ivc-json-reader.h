/* ivc-json-reader.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The one way the application reads JSON: a strict, bounded check of the
 * bytes (RFC 8259, a maximum depth, whole numbers that fit, texts that
 * decode to UTF-8) before json-glib builds the tree. And the one way it
 * writes a JSON file (ivc_json_to_bytes()).
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Whole numbers must fit here: json-glib would wrap larger ones. */
#define IVC_JSON_MIN_INTEGER  G_MININT64
#define IVC_JSON_MAX_INTEGER  G_MAXINT64

/* How much of a number or a word from the file a message quotes. */
#define IVC_JSON_MAX_QUOTED_CHARS  40

#define IVC_JSON_ERROR (ivc_json_error_quark ())

typedef enum
{
  /* Nothing but white space. */
  IVC_JSON_ERROR_EMPTY,
  /* Bytes that are not UTF-8, or a text that decodes to something that is
   * not (a lone surrogate) or to NUL. */
  IVC_JSON_ERROR_ENCODING,
  /* Not JSON: comments, single quotes, hex numbers, trailing commas, … */
  IVC_JSON_ERROR_SYNTAX,
  /* Nested deeper than the caller allows. */
  IVC_JSON_ERROR_TOO_DEEP,
  /* A whole number outside IVC_JSON_MIN_INTEGER…IVC_JSON_MAX_INTEGER. */
  IVC_JSON_ERROR_OUT_OF_RANGE,
} IvcJsonError;

GQuark   ivc_json_error_quark  (void);

gboolean ivc_json_reader_check (const char  *data,
                                gsize        len,
                                guint        max_depth,
                                gsize       *offset,
                                GError     **error);
gboolean ivc_json_reader_load  (JsonParser  *parser,
                                const char  *data,
                                gsize        len,
                                guint        max_depth,
                                guint       *line,
                                guint       *column,
                                GError     **error);
gboolean ivc_json_reader_parse  (JsonParser  *parser,
                                const char  *data,
                                gsize        len,
                                guint       *line,
                                guint       *column,
                                GError     **error);

GBytes  *ivc_json_to_bytes      (JsonNode    *root);

G_END_DECLS
