/* ivc-json-locator.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Records, while json-glib parses, where each object, member and element
 * starts, and turns byte offsets into lines and columns for messages.
 */

#define G_LOG_DOMAIN "ivc-json-locator"

#include "config.h"

#include <string.h>

#include "ivc-json-locator.h"

/*
 * json-glib builds a tree without positions, so a valid bank is read without
 * paying for them. Only when a bank has problems is it parsed a second time
 * with a locator attached: the parser's signals record where each object,
 * member and element starts.
 *
 * Offsets are kept by the address of the container that json-glib hands to
 * the signals, which is the one found in the tree afterwards. Offsets are
 * stored plus one, so that a stored 0 is never confused with "not found".
 */

typedef struct
{
  gsize start;
  gsize last;
} Frame;

struct _IvcJsonLocator
{
  JsonParser *parser;
  const char *data;
  gsize       len;
  GArray     *line_starts;
  GArray     *frames;

  /* JsonObject or JsonArray → offset of its opening bracket. */
  GHashTable *containers;
  /* JsonObject → (member name → offset of the member's name). */
  GHashTable *members;
  /* JsonArray → (index → offset of the element). */
  GHashTable *elements;
};

static gsize
current_offset (IvcJsonLocator *self)
{
  guint line = json_parser_get_current_line (self->parser);
  guint pos = json_parser_get_current_pos (self->parser);
  gsize offset;

  if (line == 0 || line > self->line_starts->len)
    return self->len;

  offset = g_array_index (self->line_starts, gsize, line - 1) + pos;
  return MIN (offset, self->len);
}

static gsize
skip_separators (IvcJsonLocator *self,
                 gsize           offset)
{
  while (offset < self->len && strchr (" \t\r\n,", self->data[offset]) != NULL)
    offset++;
  return offset;
}

/* Records @offset in the table @outer under @container, then @key. */
static void
record_in (GHashTable     *outer,
           gconstpointer   container,
           gpointer        key,
           GHashFunc       hash_func,
           GEqualFunc      equal_func,
           GDestroyNotify  key_destroy,
           gsize           offset)
{
  GHashTable *inner = g_hash_table_lookup (outer, container);

  if (inner == NULL)
    {
      inner = g_hash_table_new_full (hash_func, equal_func, key_destroy, NULL);
      g_hash_table_insert (outer, (gpointer)container, inner);
    }

  g_hash_table_insert (inner, key, GSIZE_TO_POINTER (offset + 1));
}

static gssize
lookup_in (GHashTable    *table,
           gconstpointer  key)
{
  gpointer value = g_hash_table_lookup (table, key);

  return value ? (gssize)GPOINTER_TO_SIZE (value) - 1 : -1;
}

static void
push_frame (IvcJsonLocator *self,
            char            opening)
{
  gsize offset = current_offset (self);
  Frame frame;

  while (offset > 0 && self->data[offset - 1] != opening)
    offset--;
  frame.start = offset > 0 ? offset - 1 : 0;
  frame.last = offset;
  g_array_append_val (self->frames, frame);
}

static Frame *
top_frame (IvcJsonLocator *self)
{
  g_assert (self->frames->len > 0);
  return &g_array_index (self->frames, Frame, self->frames->len - 1);
}

static void
on_object_start_cb (JsonParser     *parser,
                    IvcJsonLocator *self)
{
  push_frame (self, '{');
}

static void
on_array_start_cb (JsonParser     *parser,
                   IvcJsonLocator *self)
{
  push_frame (self, '[');
}

static void
on_object_member_cb (JsonParser     *parser,
                     JsonObject     *object,
                     const char     *member_name,
                     IvcJsonLocator *self)
{
  Frame *frame = top_frame (self);

  record_in (self->members, object, g_strdup (member_name),
             g_str_hash, g_str_equal, g_free,
             skip_separators (self, frame->last));
  frame->last = current_offset (self);
}

static void
on_array_element_cb (JsonParser     *parser,
                     JsonArray      *array,
                     int             index_,
                     IvcJsonLocator *self)
{
  Frame *frame = top_frame (self);

  record_in (self->elements, array, GINT_TO_POINTER (index_),
             g_direct_hash, g_direct_equal, NULL,
             skip_separators (self, frame->last));
  frame->last = current_offset (self);
}

static void
on_container_end_cb (JsonParser     *parser,
                     gpointer        container,
                     IvcJsonLocator *self)
{
  Frame *frame = top_frame (self);

  g_hash_table_insert (self->containers, container, GSIZE_TO_POINTER (frame->start + 1));
  g_array_set_size (self->frames, self->frames->len - 1);
}

/**
 * ivc_json_locator_new:
 * @parser: the parser that will read @data
 * @data: the JSON text, not necessarily NUL-terminated
 * @len: its length in bytes
 *
 * Follows @parser's signals until freed; both @parser and @data must
 * outlive the locator.
 *
 * Returns: (transfer full): a new locator
 */
IvcJsonLocator *
ivc_json_locator_new (JsonParser *parser,
                      const char *data,
                      gsize       len)
{
  IvcJsonLocator *self;
  gsize zero = 0;

  g_return_val_if_fail (JSON_IS_PARSER (parser), NULL);
  g_return_val_if_fail (data != NULL || len == 0, NULL);

  self = g_new0 (IvcJsonLocator, 1);
  self->parser = parser;
  self->data = data;
  self->len = len;
  self->line_starts = g_array_new (FALSE, FALSE, sizeof (gsize));
  self->frames = g_array_new (FALSE, FALSE, sizeof (Frame));
  self->containers = g_hash_table_new (g_direct_hash, g_direct_equal);
  self->members = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
                                         (GDestroyNotify)g_hash_table_unref);
  self->elements = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
                                          (GDestroyNotify)g_hash_table_unref);

  g_array_append_val (self->line_starts, zero);
  for (gsize i = 0; i < len; i++)
    {
      if (data[i] == '\n')
        {
          gsize next = i + 1;
          g_array_append_val (self->line_starts, next);
        }
    }

  g_signal_connect (parser, "object-start", G_CALLBACK (on_object_start_cb), self);
  g_signal_connect (parser, "array-start", G_CALLBACK (on_array_start_cb), self);
  g_signal_connect (parser, "object-member", G_CALLBACK (on_object_member_cb), self);
  g_signal_connect (parser, "array-element", G_CALLBACK (on_array_element_cb), self);
  g_signal_connect (parser, "object-end", G_CALLBACK (on_container_end_cb), self);
  g_signal_connect (parser, "array-end", G_CALLBACK (on_container_end_cb), self);

  return self;
}

void
ivc_json_locator_free (IvcJsonLocator *self)
{
  if (self == NULL)
    return;

  g_signal_handlers_disconnect_by_data (self->parser, self);
  g_clear_pointer (&self->line_starts, g_array_unref);
  g_clear_pointer (&self->frames, g_array_unref);
  g_clear_pointer (&self->containers, g_hash_table_unref);
  g_clear_pointer (&self->members, g_hash_table_unref);
  g_clear_pointer (&self->elements, g_hash_table_unref);
  g_free (self);
}

/**
 * ivc_json_locator_find_container:
 * @self: (nullable): a locator, or %NULL when positions were not recorded
 * @container: a #JsonObject or #JsonArray of the parsed tree
 *
 * Returns: the byte offset of its opening bracket, or -1 if unknown
 */
gssize
ivc_json_locator_find_container (IvcJsonLocator *self,
                                 gconstpointer   container)
{
  if (self == NULL)
    return -1;

  return lookup_in (self->containers, container);
}

/**
 * ivc_json_locator_find_member:
 * @self: (nullable): a locator, or %NULL when positions were not recorded
 *
 * Returns: the byte offset of the member's name, or else of @object,
 *   or -1 if unknown
 */
gssize
ivc_json_locator_find_member (IvcJsonLocator *self,
                              JsonObject     *object,
                              const char     *name)
{
  GHashTable *names;
  gssize offset = -1;

  if (self == NULL)
    return -1;

  names = g_hash_table_lookup (self->members, object);
  if (names != NULL)
    offset = lookup_in (names, name);

  return offset >= 0 ? offset : ivc_json_locator_find_container (self, object);
}

/**
 * ivc_json_locator_find_element:
 * @self: (nullable): a locator, or %NULL when positions were not recorded
 *
 * Returns: the byte offset of the element, or -1 if unknown
 */
gssize
ivc_json_locator_find_element (IvcJsonLocator *self,
                               JsonArray      *array,
                               guint           index_)
{
  GHashTable *indexes;

  if (self == NULL)
    return -1;

  indexes = g_hash_table_lookup (self->elements, array);
  if (indexes == NULL)
    return -1;

  return lookup_in (indexes, GUINT_TO_POINTER (index_));
}

/**
 * ivc_json_offset_to_line_column:
 *
 * Turns a byte offset into a 1-based line and a 1-based column in
 * characters, as editors count them.
 */
void
ivc_json_offset_to_line_column (const char *data,
                                gsize       len,
                                gsize       offset,
                                guint      *line,
                                guint      *column)
{
  gsize line_start = 0;

  *line = 1;
  offset = MIN (offset, len);
  for (gsize i = 0; i < offset; i++)
    {
      if (data[i] == '\n')
        {
          (*line)++;
          line_start = i + 1;
        }
    }

  /* The data is valid UTF-8 up to here (checked before parsing), but be
   * careful anyway: this also runs for encoding errors. */
  *column = 1;
  for (gsize i = line_start; i < offset; i++)
    {
      if (((guchar)data[i] & 0xC0) != 0x80)
        (*column)++;
    }
}

/**
 * ivc_json_byte_column_to_characters:
 *
 * json-glib counts columns in bytes; messages count characters, as editors
 * do.
 *
 * Returns: the 1-based column, in characters, of the 1-based byte @column
 *   on @line
 */
guint
ivc_json_byte_column_to_characters (const char *data,
                                    gsize       len,
                                    guint       line,
                                    guint       column)
{
  gsize start = 0;
  gsize end;
  guint n = 1;
  guint found_line, found_column;

  while (n < line && start < len)
    {
      if (data[start] == '\n')
        n++;
      start++;
    }

  end = start;
  while (end < len && data[end] != '\n')
    end++;

  ivc_json_offset_to_line_column (data, len, MIN (start + (column > 0 ? column - 1 : 0), end),
                                  &found_line, &found_column);
  return found_column;
}
