/* ivc-json-locator.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Where objects, members and elements start in a JSON text, so that a
 * message about a value can say “file:line:column”.
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef struct _IvcJsonLocator IvcJsonLocator;

IvcJsonLocator *ivc_json_locator_new            (JsonParser     *parser,
                                                 const char     *data,
                                                 gsize           len);
void            ivc_json_locator_free           (IvcJsonLocator *self);
gssize          ivc_json_locator_find_container (IvcJsonLocator *self,
                                                 gconstpointer   container);
gssize          ivc_json_locator_find_member    (IvcJsonLocator *self,
                                                 JsonObject     *object,
                                                 const char     *name);
gssize          ivc_json_locator_find_element   (IvcJsonLocator *self,
                                                 JsonArray      *array,
                                                 guint           index_);

void            ivc_json_offset_to_line_column  (const char     *data,
                                                 gsize           len,
                                                 gsize           offset,
                                                 guint          *line,
                                                 guint          *column);
guint           ivc_json_byte_column_to_characters (const char  *data,
                                                    gsize        len,
                                                    guint        line,
                                                    guint        column);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IvcJsonLocator, ivc_json_locator_free)

G_END_DECLS
