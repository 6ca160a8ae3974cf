/* ivc-question-bank.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ivc-question-bank"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "ivc-question-bank.h"

struct _IvcQuestionBank
{
  GObject     parent_instance;

  char       *id;
  char       *title;
  char       *description;
  char       *language;
  GListStore *levels;
  GHashTable *questions_by_id;
  guint       n_questions;
};

G_DEFINE_FINAL_TYPE (IvcQuestionBank, ivc_question_bank, G_TYPE_OBJECT)

G_DEFINE_QUARK (ivc-bank-error-quark, ivc_bank_error)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_DESCRIPTION,
  PROP_LANGUAGE,
  PROP_LEVELS,
  PROP_N_QUESTIONS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/*
 * Locating problems.
 *
 * json-glib builds a tree without positions, so a valid bank is read without
 * paying for them. Only when a bank has problems is it parsed a second time
 * with the parser's signals recording where each object, member and element
 * starts, so that every message can say "file:line:column".
 */

typedef struct
{
  gsize start;
  gsize last;
} Frame;

typedef struct
{
  JsonParser *parser;
  const char *data;
  gsize       len;
  GArray     *line_starts;
  GArray     *frames;
  GHashTable *offsets;
} Locator;

static gsize
locator_current_offset (Locator *loc)
{
  guint line = json_parser_get_current_line (loc->parser);
  guint pos = json_parser_get_current_pos (loc->parser);
  gsize offset;

  if (line == 0 || line > loc->line_starts->len)
    return loc->len;

  offset = g_array_index (loc->line_starts, gsize, line - 1) + pos;
  return MIN (offset, loc->len);
}

static gsize
locator_skip_separators (Locator *loc,
                         gsize    offset)
{
  while (offset < loc->len && strchr (" \t\r\n,", loc->data[offset]) != NULL)
    offset++;
  return offset;
}

static void
locator_record (Locator *loc,
                char    *key,
                gsize    offset)
{
  g_hash_table_insert (loc->offsets, key, GSIZE_TO_POINTER (offset + 1));
}

static void
locator_push (Locator *loc,
              char     opening)
{
  gsize offset = locator_current_offset (loc);
  Frame frame;

  while (offset > 0 && loc->data[offset - 1] != opening)
    offset--;
  frame.start = offset > 0 ? offset - 1 : 0;
  frame.last = offset;
  g_array_append_val (loc->frames, frame);
}

static Frame *
locator_top (Locator *loc)
{
  g_assert (loc->frames->len > 0);
  return &g_array_index (loc->frames, Frame, loc->frames->len - 1);
}

static void
on_object_start_cb (JsonParser *parser,
                    Locator    *loc)
{
  locator_push (loc, '{');
}

static void
on_array_start_cb (JsonParser *parser,
                   Locator    *loc)
{
  locator_push (loc, '[');
}

static void
on_object_member_cb (JsonParser *parser,
                     JsonObject *object,
                     const char *member_name,
                     Locator    *loc)
{
  Frame *frame = locator_top (loc);

  locator_record (loc, g_strdup_printf ("m%p/%s", object, member_name),
                  locator_skip_separators (loc, frame->last));
  frame->last = locator_current_offset (loc);
}

static void
on_array_element_cb (JsonParser *parser,
                     JsonArray  *array,
                     int         index_,
                     Locator    *loc)
{
  Frame *frame = locator_top (loc);

  locator_record (loc, g_strdup_printf ("e%p/%d", array, index_),
                  locator_skip_separators (loc, frame->last));
  frame->last = locator_current_offset (loc);
}

static void
on_container_end_cb (JsonParser *parser,
                     gpointer    container,
                     Locator    *loc)
{
  Frame *frame = locator_top (loc);

  locator_record (loc, g_strdup_printf ("c%p", container), frame->start);
  g_array_set_size (loc->frames, loc->frames->len - 1);
}

static void
locator_init (Locator    *loc,
              JsonParser *parser,
              const char *data,
              gsize       len)
{
  gsize zero = 0;

  loc->parser = parser;
  loc->data = data;
  loc->len = len;
  loc->line_starts = g_array_new (FALSE, FALSE, sizeof (gsize));
  loc->frames = g_array_new (FALSE, FALSE, sizeof (Frame));
  loc->offsets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_array_append_val (loc->line_starts, zero);
  for (gsize i = 0; i < len; i++)
    {
      if (data[i] == '\n')
        {
          gsize next = i + 1;
          g_array_append_val (loc->line_starts, next);
        }
    }

  g_signal_connect (parser, "object-start", G_CALLBACK (on_object_start_cb), loc);
  g_signal_connect (parser, "array-start", G_CALLBACK (on_array_start_cb), loc);
  g_signal_connect (parser, "object-member", G_CALLBACK (on_object_member_cb), loc);
  g_signal_connect (parser, "array-element", G_CALLBACK (on_array_element_cb), loc);
  g_signal_connect (parser, "object-end", G_CALLBACK (on_container_end_cb), loc);
  g_signal_connect (parser, "array-end", G_CALLBACK (on_container_end_cb), loc);
}

static void
locator_clear (Locator *loc)
{
  g_signal_handlers_disconnect_by_data (loc->parser, loc);
  g_clear_pointer (&loc->line_starts, g_array_unref);
  g_clear_pointer (&loc->frames, g_array_unref);
  g_clear_pointer (&loc->offsets, g_hash_table_unref);
}

static gssize
locator_lookup (Locator    *loc,
                const char *key)
{
  gpointer value;

  if (loc == NULL || loc->offsets == NULL)
    return -1;

  value = g_hash_table_lookup (loc->offsets, key);
  return value ? (gssize)GPOINTER_TO_SIZE (value) - 1 : -1;
}

/* Turns a byte offset into a 1-based line and a 1-based column in characters. */
static void
offset_to_line_column (const char *data,
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

/*
 * Validation.
 */

typedef struct
{
  const char *display_name;
  const char *data;
  gsize       len;
  Locator    *loc;
  GPtrArray  *problems;
  guint       n_problems;
  GHashTable *level_ids;
  GHashTable *question_ids;
  guint       n_questions;
  gboolean    too_many_questions;
} Validation;

G_GNUC_PRINTF (5, 6)
static void
add_problem (Validation *v,
             int         code,
             gssize      offset,
             const char *where,
             const char *format,
             ...)
{
  g_autofree char *what = NULL;
  g_autofree char *location = NULL;
  va_list args;

  v->n_problems++;
  if (v->problems->len >= IVC_BANK_MAX_PROBLEMS)
    return;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);

  if (offset >= 0)
    {
      guint line, column;

      offset_to_line_column (v->data, v->len, offset, &line, &column);
      location = g_strdup_printf ("%s:%u:%u", v->display_name, line, column);
    }
  else
    location = g_strdup (v->display_name);

  if (where != NULL && *where)
    g_ptr_array_add (v->problems,
                     g_error_new (IVC_BANK_ERROR, code, "%s: %s: %s", location, where, what));
  else
    g_ptr_array_add (v->problems,
                     g_error_new (IVC_BANK_ERROR, code, "%s: %s", location, what));
}

static gssize
container_offset (Validation *v,
                  gpointer    container)
{
  g_autofree char *key = NULL;

  if (v->loc == NULL)
    return -1;

  key = g_strdup_printf ("c%p", container);
  return locator_lookup (v->loc, key);
}

static gssize
member_offset (Validation *v,
               JsonObject *object,
               const char *name)
{
  g_autofree char *key = NULL;
  gssize offset;

  if (v->loc == NULL)
    return -1;

  key = g_strdup_printf ("m%p/%s", object, name);
  offset = locator_lookup (v->loc, key);
  return offset >= 0 ? offset : container_offset (v, object);
}

static gssize
element_offset (Validation *v,
                JsonArray  *array,
                guint       index_)
{
  g_autofree char *key = NULL;

  if (v->loc == NULL)
    return -1;

  key = g_strdup_printf ("e%p/%u", array, index_);
  return locator_lookup (v->loc, key);
}

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      if (!g_unichar_isspace (g_utf8_get_char (p)))
        return FALSE;
    }
  return TRUE;
}

/* The raw data is not NUL-terminated; it is valid UTF-8 when this runs. */
static gboolean
is_blank_len (const char *text,
              gsize       len)
{
  for (const char *p = text; p < text + len; p = g_utf8_next_char (p))
    {
      if (!g_unichar_isspace (g_utf8_get_char (p)))
        return FALSE;
    }
  return TRUE;
}

gboolean
ivc_bank_id_is_valid (const char *id)
{
  gsize len;

  if (id == NULL)
    return FALSE;

  len = strlen (id);
  if (len == 0 || len > IVC_BANK_MAX_ID_CHARS || id[0] == '-')
    return FALSE;

  for (gsize i = 0; i < len; i++)
    {
      if (!g_ascii_islower (id[i]) && !g_ascii_isdigit (id[i]) && id[i] != '-')
        return FALSE;
    }

  return TRUE;
}

/* Quotes a value from the file for a message, cut short if it is long. */
static char *
quote_found (const char *text)
{
  if (g_utf8_strlen (text, -1) > 40)
    {
      g_autofree char *start = g_utf8_substring (text, 0, 37);
      return g_strdup_printf ("\"%s…\"", start);
    }

  return g_strdup_printf ("\"%s\"", text);
}

static const char *
get_string_member (Validation *v,
                   JsonObject *object,
                   const char *name,
                   const char *where,
                   gboolean    required)
{
  JsonNode *node;
  const char *text;

  node = json_object_get_member (object, name);
  if (node == NULL)
    {
      if (required)
        add_problem (v, IVC_BANK_ERROR_INVALID, container_offset (v, object), where,
                     _("“%s” is missing"), name);
      return NULL;
    }

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      add_problem (v, IVC_BANK_ERROR_INVALID, member_offset (v, object, name), where,
                   required ? _("“%s” must be a non-empty string")
                            : _("“%s” must be a string"),
                   name);
      return NULL;
    }

  text = json_node_get_string (node);
  if (required && is_blank (text))
    {
      add_problem (v, IVC_BANK_ERROR_INVALID, member_offset (v, object, name), where,
                   _("“%s” must be a non-empty string"), name);
      return NULL;
    }

  if (strlen (text) > IVC_BANK_MAX_TEXT_BYTES)
    {
      g_autofree char *size = g_format_size (strlen (text));

      add_problem (v, IVC_BANK_ERROR_LIMIT, member_offset (v, object, name), where,
                   _("“%s” is too long (%s; at most 64 KiB are allowed)"), name, size);
      return NULL;
    }

  return text;
}

static const char *
get_id_member (Validation *v,
               JsonObject *object,
               const char *where)
{
  const char *id = get_string_member (v, object, "id", where, TRUE);

  if (id != NULL && !ivc_bank_id_is_valid (id))
    {
      g_autofree char *found = quote_found (id);

      add_problem (v, IVC_BANK_ERROR_INVALID, member_offset (v, object, "id"), where,
                   _("“id” must be 1 to 64 lowercase letters, digits and hyphens, "
                     "like “service-discovery” (found %s)"),
                   found);
      return NULL;
    }

  return id;
}

static JsonArray *
get_array_member (Validation *v,
                  JsonObject *object,
                  const char *name,
                  const char *where,
                  gboolean    required)
{
  JsonNode *node = json_object_get_member (object, name);
  JsonArray *array;

  if (node == NULL)
    {
      if (required)
        add_problem (v, IVC_BANK_ERROR_INVALID, container_offset (v, object), where,
                     _("“%s” is missing"), name);
      return NULL;
    }

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      add_problem (v, IVC_BANK_ERROR_INVALID, member_offset (v, object, name), where,
                   required ? _("“%s” must be a non-empty list") : _("“%s” must be a list"),
                   name);
      return NULL;
    }

  array = json_node_get_array (node);
  if (required && json_array_get_length (array) == 0)
    {
      add_problem (v, IVC_BANK_ERROR_INVALID, member_offset (v, object, name), where,
                   _("“%s” must be a non-empty list"), name);
      return NULL;
    }

  return array;
}

static char **
validate_tags (Validation *v,
               JsonObject *object,
               const char *where)
{
  JsonArray *array = get_array_member (v, object, "tags", where, FALSE);
  g_autoptr(GStrvBuilder) builder = NULL;
  guint n;
  gboolean ok = TRUE;

  if (array == NULL)
    return json_object_has_member (object, "tags") ? NULL : g_new0 (char *, 1);

  n = json_array_get_length (array);
  if (n > IVC_BANK_MAX_TAGS)
    {
      add_problem (v, IVC_BANK_ERROR_LIMIT, member_offset (v, object, "tags"), where,
                   _("“tags” has %u entries; at most %u are allowed"), n, IVC_BANK_MAX_TAGS);
      return NULL;
    }

  builder = g_strv_builder_new ();
  for (guint i = 0; i < n; i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      const char *tag;

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING ||
          is_blank (json_node_get_string (node)))
        {
          add_problem (v, IVC_BANK_ERROR_INVALID, element_offset (v, array, i), where,
                       _("tag %u must be a non-empty string"), i + 1);
          ok = FALSE;
          continue;
        }

      tag = json_node_get_string (node);
      if (g_utf8_strlen (tag, -1) > IVC_BANK_MAX_ID_CHARS)
        {
          g_autofree char *found = quote_found (tag);

          add_problem (v, IVC_BANK_ERROR_LIMIT, element_offset (v, array, i), where,
                       _("tag %u is longer than 64 characters (%s)"), i + 1, found);
          ok = FALSE;
          continue;
        }

      g_strv_builder_add (builder, tag);
    }

  return ok ? g_strv_builder_end (builder) : NULL;
}

static IvcQuestion *
validate_question (Validation *v,
                   JsonArray  *questions,
                   guint       index_,
                   const char *level_where)
{
  JsonNode *node = json_array_get_element (questions, index_);
  g_autofree char *where = g_strdup_printf (_("%s, question %u"), level_where, index_ + 1);
  g_auto(GStrv) tags = NULL;
  const char *id, *question, *strong_answer, *red_flag;
  JsonObject *object;
  guint problems_before = v->n_problems;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      add_problem (v, IVC_BANK_ERROR_INVALID, element_offset (v, questions, index_), where,
                   _("a question must be an object with “id”, “question”, "
                     "“strong_answer” and “red_flag”"));
      return NULL;
    }

  object = json_node_get_object (node);
  id = get_id_member (v, object, where);
  question = get_string_member (v, object, "question", where, TRUE);
  strong_answer = get_string_member (v, object, "strong_answer", where, TRUE);
  red_flag = get_string_member (v, object, "red_flag", where, TRUE);
  tags = validate_tags (v, object, where);

  if (id != NULL)
    {
      const char *first = g_hash_table_lookup (v->question_ids, id);

      if (first != NULL)
        add_problem (v, IVC_BANK_ERROR_DUPLICATE_ID, member_offset (v, object, "id"), where,
                     _("the question id “%s” is already used by %s"), id, first);
      else
        g_hash_table_insert (v->question_ids, (char *)id, g_steal_pointer (&where));
    }

  if (v->n_problems > problems_before)
    return NULL;

  return ivc_question_new (id, question, strong_answer, red_flag, (const char * const *)tags);
}

static IvcLevel *
validate_level (Validation *v,
                JsonArray  *levels,
                guint       index_)
{
  JsonNode *node = json_array_get_element (levels, index_);
  JsonNode *id_node;
  g_autoptr(GPtrArray) questions = NULL;
  g_autoptr(IvcLevel) level = NULL;
  g_autofree char *where = NULL;
  const char *id, *title, *experience, *focus;
  JsonArray *array;
  JsonObject *object;
  guint problems_before = v->n_problems;
  guint n;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      where = g_strdup_printf (_("level %u"), index_ + 1);
      add_problem (v, IVC_BANK_ERROR_INVALID, element_offset (v, levels, index_), where,
                   _("a level must be an object with “id”, “title” and “questions”"));
      return NULL;
    }

  object = json_node_get_object (node);

  /* Name the level by its id when it has a usable one: easier to find.
   * Only ask json-glib for a string when there is one: it is critical
   * about objects and arrays. */
  id_node = json_object_get_member (object, "id");
  if (id_node != NULL && JSON_NODE_HOLDS_VALUE (id_node) &&
      json_node_get_value_type (id_node) == G_TYPE_STRING)
    id = json_node_get_string (id_node);
  else
    id = NULL;
  if (ivc_bank_id_is_valid (id))
    where = g_strdup_printf (_("level “%s”"), id);
  else
    where = g_strdup_printf (_("level %u"), index_ + 1);

  id = get_id_member (v, object, where);
  title = get_string_member (v, object, "title", where, TRUE);
  experience = get_string_member (v, object, "experience", where, FALSE);
  focus = get_string_member (v, object, "focus", where, FALSE);

  if (id != NULL)
    {
      if (g_hash_table_contains (v->level_ids, id))
        add_problem (v, IVC_BANK_ERROR_DUPLICATE_ID, member_offset (v, object, "id"), where,
                     _("the level id “%s” is used twice"), id);
      else
        g_hash_table_add (v->level_ids, (char *)id);
    }

  array = get_array_member (v, object, "questions", where, TRUE);
  n = array ? json_array_get_length (array) : 0;
  questions = g_ptr_array_new_full (n, g_object_unref);

  for (guint i = 0; i < n; i++)
    {
      IvcQuestion *question;

      if (v->n_questions >= IVC_BANK_MAX_QUESTIONS)
        {
          if (!v->too_many_questions)
            add_problem (v, IVC_BANK_ERROR_LIMIT, element_offset (v, array, i), where,
                         _("the bank has more than %u questions, the most a bank may have"),
                         IVC_BANK_MAX_QUESTIONS);
          v->too_many_questions = TRUE;
          break;
        }

      v->n_questions++;
      question = validate_question (v, array, i, where);
      if (question != NULL)
        g_ptr_array_add (questions, question);
    }

  if (v->n_problems > problems_before)
    return NULL;

  level = ivc_level_new (id, title, experience, focus);
  ivc_level_take_questions (level, g_steal_pointer (&questions));
  return g_steal_pointer (&level);
}

static IvcQuestionBank *
validate_bank (Validation *v,
               JsonNode   *root)
{
  g_autoptr(IvcQuestionBank) self = NULL;
  g_autoptr(GPtrArray) levels = NULL;
  const char *id, *title, *description, *language;
  JsonObject *object;
  JsonArray *array;
  JsonNode *format;
  guint n;

  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      add_problem (v, IVC_BANK_ERROR_INVALID, v->loc ? 0 : -1, NULL,
                   _("a question bank must be a JSON object that starts with "
                     "{ \"format\": 1, … }"));
      return NULL;
    }

  object = json_node_get_object (root);

  /* The format comes first: a newer file may mean anything, so say only that. */
  format = json_object_get_member (object, "format");
  if (format == NULL)
    add_problem (v, IVC_BANK_ERROR_INVALID, container_offset (v, object), NULL,
                 _("“format” is missing; a question bank starts with \"format\": 1"));
  else if (!JSON_NODE_HOLDS_VALUE (format) || json_node_get_value_type (format) != G_TYPE_INT64)
    add_problem (v, IVC_BANK_ERROR_INVALID, member_offset (v, object, "format"), NULL,
                 _("“format” must be a whole number (1)"));
  else if (json_node_get_int (format) > IVC_BANK_FORMAT)
    {
      g_ptr_array_set_size (v->problems, 0);
      v->n_problems = 0;
      add_problem (v, IVC_BANK_ERROR_UNSUPPORTED_FORMAT, member_offset (v, object, "format"), NULL,
                   _("this bank uses format %" G_GINT64_FORMAT ", which is newer than this "
                     "version of Interview Companion understands (format %d); "
                     "update Interview Companion to open it"),
                   json_node_get_int (format), IVC_BANK_FORMAT);
      return NULL;
    }
  else if (json_node_get_int (format) < 1)
    add_problem (v, IVC_BANK_ERROR_INVALID, member_offset (v, object, "format"), NULL,
                 _("“format” must be 1, not %" G_GINT64_FORMAT), json_node_get_int (format));

  id = get_id_member (v, object, NULL);
  title = get_string_member (v, object, "title", NULL, TRUE);
  description = get_string_member (v, object, "description", NULL, FALSE);
  language = get_string_member (v, object, "language", NULL, FALSE);

  array = get_array_member (v, object, "levels", NULL, TRUE);
  n = array ? json_array_get_length (array) : 0;
  if (n > IVC_BANK_MAX_LEVELS)
    {
      add_problem (v, IVC_BANK_ERROR_LIMIT, member_offset (v, object, "levels"), NULL,
                   _("the bank has %u levels; at most %u are allowed"),
                   n, IVC_BANK_MAX_LEVELS);
      n = 0;
    }

  levels = g_ptr_array_new_full (n, g_object_unref);
  for (guint i = 0; i < n; i++)
    {
      IvcLevel *level = validate_level (v, array, i);

      if (level != NULL)
        g_ptr_array_add (levels, level);
    }

  if (v->n_problems > 0)
    return NULL;

  self = g_object_new (IVC_TYPE_QUESTION_BANK, NULL);
  self->id = g_strdup (id);
  self->title = g_strdup (title);
  self->description = g_strdup (description ? description : "");
  self->language = g_strdup (language ? language : "");
  self->n_questions = v->n_questions;

  for (guint i = 0; i < levels->len; i++)
    {
      GListModel *questions = ivc_level_get_questions (g_ptr_array_index (levels, i));
      guint n_questions = g_list_model_get_n_items (questions);

      for (guint j = 0; j < n_questions; j++)
        {
          IvcQuestion *question = g_list_model_get_item (questions, j);

          /* The level keeps the question alive. */
          g_hash_table_insert (self->questions_by_id,
                               (char *)ivc_question_get_id (question), question);
          g_object_unref (question);
        }
    }

  g_list_store_splice (self->levels, 0, 0, levels->pdata, levels->len);

  return g_steal_pointer (&self);
}

/*
 * Checks that come before json-glib sees the data: it has no limit on nesting
 * and its messages about bad bytes are not for people.
 */
static gboolean
check_raw_data (Validation *v)
{
  const char *end = NULL;
  const char *nul;
  char in_string = 0;
  gboolean in_comment = FALSE;
  guint depth = 0;

  if (v->len > IVC_BANK_MAX_FILE_SIZE)
    {
      g_autofree char *size = g_format_size (v->len);

      add_problem (v, IVC_BANK_ERROR_TOO_LARGE, -1, NULL,
                   _("the file is too large (%s); a question bank may be at most 16 MiB"),
                   size);
      return FALSE;
    }

  nul = memchr (v->data, '\0', v->len);
  if (nul != NULL)
    {
      add_problem (v, IVC_BANK_ERROR_ENCODING, nul - v->data, NULL,
                   _("the file contains a NUL byte; a question bank is a text file"));
      return FALSE;
    }

  if (!g_utf8_validate_len (v->data, v->len, &end))
    {
      add_problem (v, IVC_BANK_ERROR_ENCODING, end - v->data, NULL,
                   _("the file is not valid UTF-8 text; save it as UTF-8"));
      return FALSE;
    }

  if (is_blank_len (v->data, v->len))
    {
      add_problem (v, IVC_BANK_ERROR_EMPTY, -1, NULL,
                   _("the file is empty; a question bank is a JSON document"));
      return FALSE;
    }

  for (gsize i = 0; i < v->len; i++)
    {
      char c = v->data[i];

      /* Follow json-glib's scanner, which also takes 'single-quoted'
       * strings (without escapes) and C comments: a bracket must be
       * counted exactly when the parser will see it. */
      if (in_comment)
        {
          if (c == '*' && i + 1 < v->len && v->data[i + 1] == '/')
            {
              in_comment = FALSE;
              i++;
            }
        }
      else if (in_string)
        {
          if (c == '\\' && in_string == '"')
            i++;
          else if (c == in_string)
            in_string = 0;
        }
      else if (c == '"' || c == '\'')
        in_string = c;
      else if (c == '/' && i + 1 < v->len && v->data[i + 1] == '*')
        {
          in_comment = TRUE;
          i++;
        }
      else if (c == '{' || c == '[')
        {
          if (++depth > IVC_BANK_MAX_DEPTH)
            {
              add_problem (v, IVC_BANK_ERROR_TOO_DEEP, i, NULL,
                           _("the data is nested more than %u levels deep"),
                           IVC_BANK_MAX_DEPTH);
              return FALSE;
            }
        }
      else if ((c == '}' || c == ']') && depth > 0)
        depth--;
    }

  return TRUE;
}

/* json-glib counts columns in bytes; the other messages count characters,
 * as editors do. */
static guint
byte_column_to_characters (Validation *v,
                           guint       line,
                           guint       column)
{
  gsize start = 0;
  gsize end;
  guint n = 1;
  guint found_line, found_column;

  while (n < line && start < v->len)
    {
      if (v->data[start] == '\n')
        n++;
      start++;
    }

  end = start;
  while (end < v->len && v->data[end] != '\n')
    end++;

  offset_to_line_column (v->data, v->len, MIN (start + (column > 0 ? column - 1 : 0), end),
                         &found_line, &found_column);
  return found_column;
}

/* json-glib says "<data>:3:14: Parse error: unexpected character"; say it
 * with the file's name and in plainer words. */
static void
add_syntax_problem (Validation   *v,
                    const GError *error)
{
  const char *message = error->message;
  const char *rest;
  guint line = 0, column = 0;

  if (g_str_has_prefix (message, "<data>:") &&
      sscanf (message, "<data>:%u:%u:", &line, &column) == 2 &&
      (rest = strstr (message + strlen ("<data>:"), ": ")) != NULL)
    {
      rest += 2;
      if (g_str_has_prefix (rest, "Parse error: "))
        rest += strlen ("Parse error: ");
      column = byte_column_to_characters (v, line, column);

      v->n_problems++;
      g_ptr_array_add (v->problems,
                       g_error_new (IVC_BANK_ERROR, IVC_BANK_ERROR_SYNTAX,
                                    _("%s:%u:%u: not valid JSON: %s"),
                                    v->display_name, line, column, rest));
      return;
    }

  add_problem (v, IVC_BANK_ERROR_SYNTAX, -1, NULL, _("not valid JSON: %s"), message);
}

static IvcQuestionBank *
parse_and_validate (Validation *v,
                    gboolean    locate)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) error = NULL;
  IvcQuestionBank *self = NULL;
  Locator loc = { 0 };

  if (locate)
    {
      locator_init (&loc, parser, v->data, v->len);
      v->loc = &loc;
    }

  if (!json_parser_load_from_data (parser, v->data, v->len, &error))
    add_syntax_problem (v, error);
  else if (json_parser_get_root (parser) == NULL)
    add_problem (v, IVC_BANK_ERROR_EMPTY, -1, NULL,
                 _("the file is empty; a question bank is a JSON document"));
  else
    self = validate_bank (v, json_parser_get_root (parser));

  if (locate)
    {
      v->loc = NULL;
      locator_clear (&loc);
    }

  return self;
}

static void
validation_reset (Validation *v)
{
  g_ptr_array_set_size (v->problems, 0);
  v->n_problems = 0;
  v->n_questions = 0;
  v->too_many_questions = FALSE;
  g_hash_table_remove_all (v->level_ids);
  g_hash_table_remove_all (v->question_ids);
}

/**
 * ivc_question_bank_new_from_bytes:
 * @bytes: the contents of a bank file
 * @display_name: the name to use in messages, usually the file's base name
 * @problems: (out) (optional) (element-type GError): every problem found
 * @error: the first problem, with all of them in its message, one a line
 *
 * Reads and validates a question bank. Nothing in @bytes can make this crash
 * or hang: sizes, nesting and encoding are checked before parsing.
 *
 * Returns: (transfer full) (nullable): the bank, or %NULL with @error set
 */
IvcQuestionBank *
ivc_question_bank_new_from_bytes (GBytes      *bytes,
                                  const char  *display_name,
                                  GPtrArray  **problems,
                                  GError     **error)
{
  g_autoptr(IvcQuestionBank) self = NULL;
  g_autoptr(GHashTable) level_ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) question_ids = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func ((GDestroyNotify)g_error_free);
  Validation v = { 0 };
  gsize len = 0;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  v.display_name = display_name;
  v.data = g_bytes_get_data (bytes, &len);
  v.data = v.data ? v.data : "";
  v.len = len;
  v.problems = found;
  v.level_ids = level_ids;
  v.question_ids = question_ids;

  /* A byte order mark is harmless, but json-glib would reject it. Leave it
   * out before anything counts positions: editors do not show it. */
  if (v.len >= 3 && memcmp (v.data, "\xEF\xBB\xBF", 3) == 0)
    {
      v.data += 3;
      v.len -= 3;
    }

  if (check_raw_data (&v))
    {
      self = parse_and_validate (&v, FALSE);

      /* Problems found: read it again, noting positions this time. */
      if (self == NULL && v.problems->len > 0 &&
          g_error_matches (g_ptr_array_index (v.problems, 0), IVC_BANK_ERROR, IVC_BANK_ERROR_SYNTAX) == FALSE)
        {
          validation_reset (&v);
          self = parse_and_validate (&v, TRUE);
        }
    }

  if (self == NULL)
    {
      g_autoptr(GString) message = g_string_new (NULL);
      const GError *first;

      g_assert (found->len > 0);

      if (v.n_problems > found->len)
        g_ptr_array_add (found,
                         g_error_new (IVC_BANK_ERROR, IVC_BANK_ERROR_LIMIT,
                                      g_dngettext (GETTEXT_PACKAGE,
                                                   "%s: … and %u more problem",
                                                   "%s: … and %u more problems",
                                                   v.n_problems - found->len),
                                      display_name, v.n_problems - found->len));

      for (guint i = 0; i < found->len; i++)
        {
          const GError *problem = g_ptr_array_index (found, i);

          if (i > 0)
            g_string_append_c (message, '\n');
          g_string_append (message, problem->message);
        }

      first = g_ptr_array_index (found, 0);
      g_set_error_literal (error, IVC_BANK_ERROR, first->code, message->str);

      if (problems != NULL)
        *problems = g_steal_pointer (&found);

      return NULL;
    }

  if (problems != NULL)
    *problems = g_steal_pointer (&found);

  return g_steal_pointer (&self);
}

static GBytes *
read_bank_file (GFile         *file,
                const char    *display_name,
                GCancellable  *cancellable,
                GError       **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GByteArray) contents = g_byte_array_new ();
  g_autoptr(GError) local_error = NULL;
  guint8 buffer[64 * 1024];

  stream = g_file_read (file, cancellable, &local_error);
  if (stream == NULL)
    {
      g_set_error (error, IVC_BANK_ERROR, IVC_BANK_ERROR_READ,
                   _("%s: cannot be read: %s"), display_name, local_error->message);
      return NULL;
    }

  /* Read in pieces so that a huge file or a device is refused without
   * reading all of it. */
  for (;;)
    {
      gssize n = g_input_stream_read (G_INPUT_STREAM (stream), buffer, sizeof buffer,
                                      cancellable, &local_error);

      if (n < 0)
        {
          g_set_error (error, IVC_BANK_ERROR, IVC_BANK_ERROR_READ,
                       _("%s: cannot be read: %s"), display_name, local_error->message);
          return NULL;
        }

      if (n == 0)
        break;

      if (contents->len + n > IVC_BANK_MAX_FILE_SIZE)
        {
          g_set_error (error, IVC_BANK_ERROR, IVC_BANK_ERROR_TOO_LARGE,
                       _("%s: the file is too large; a question bank may be at most 16 MiB"),
                       display_name);
          return NULL;
        }

      g_byte_array_append (contents, buffer, n);
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&contents));
}

static char *
dup_display_name (GFile *file)
{
  char *name = g_file_get_basename (file);

  return name ? name : g_file_get_uri (file);
}

/**
 * ivc_question_bank_new_from_file:
 * @problems: (out) (optional) (element-type GError): every problem found
 *
 * Reads a bank file synchronously; see ivc_question_bank_load_async() for
 * the main thread.
 *
 * Returns: (transfer full) (nullable): the bank, or %NULL with @error set
 */
IvcQuestionBank *
ivc_question_bank_new_from_file (GFile         *file,
                                 GCancellable  *cancellable,
                                 GPtrArray    **problems,
                                 GError       **error)
{
  g_autofree char *display_name = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  display_name = dup_display_name (file);
  bytes = read_bank_file (file, display_name, cancellable, error);
  if (bytes == NULL)
    {
      if (problems != NULL)
        {
          *problems = g_ptr_array_new_with_free_func ((GDestroyNotify)g_error_free);
          g_ptr_array_add (*problems, g_error_copy (*error));
        }
      return NULL;
    }

  return ivc_question_bank_new_from_bytes (bytes, display_name, problems, error);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;
  IvcQuestionBank *self;

  self = ivc_question_bank_new_from_file (task_data, cancellable, NULL, &error);
  if (self == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, self, g_object_unref);
}

/**
 * ivc_question_bank_load_async:
 *
 * Reads and validates a bank in a worker thread.
 */
void
ivc_question_bank_load_async (GFile               *file,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, ivc_question_bank_load_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, load_thread);
}

/**
 * ivc_question_bank_load_finish:
 *
 * Returns: (transfer full) (nullable): the bank, or %NULL with @error set
 */
IvcQuestionBank *
ivc_question_bank_load_finish (GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
ivc_question_bank_finalize (GObject *object)
{
  IvcQuestionBank *self = (IvcQuestionBank *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->language, g_free);
  g_clear_pointer (&self->questions_by_id, g_hash_table_unref);
  g_clear_object (&self->levels);

  G_OBJECT_CLASS (ivc_question_bank_parent_class)->finalize (object);
}

static void
ivc_question_bank_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  IvcQuestionBank *self = IVC_QUESTION_BANK (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;

    case PROP_LANGUAGE:
      g_value_set_string (value, self->language);
      break;

    case PROP_LEVELS:
      g_value_set_object (value, self->levels);
      break;

    case PROP_N_QUESTIONS:
      g_value_set_uint (value, self->n_questions);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ivc_question_bank_class_init (IvcQuestionBankClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ivc_question_bank_finalize;
  object_class->get_property = ivc_question_bank_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LANGUAGE] =
    g_param_spec_string ("language", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LEVELS] =
    g_param_spec_object ("levels", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_QUESTIONS] =
    g_param_spec_uint ("n-questions", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ivc_question_bank_init (IvcQuestionBank *self)
{
  self->levels = g_list_store_new (IVC_TYPE_LEVEL);
  self->questions_by_id = g_hash_table_new (g_str_hash, g_str_equal);
}

const char *
ivc_question_bank_get_id (IvcQuestionBank *self)
{
  g_return_val_if_fail (IVC_IS_QUESTION_BANK (self), NULL);

  return self->id;
}

const char *
ivc_question_bank_get_title (IvcQuestionBank *self)
{
  g_return_val_if_fail (IVC_IS_QUESTION_BANK (self), NULL);

  return self->title;
}

const char *
ivc_question_bank_get_description (IvcQuestionBank *self)
{
  g_return_val_if_fail (IVC_IS_QUESTION_BANK (self), NULL);

  return self->description;
}

const char *
ivc_question_bank_get_language (IvcQuestionBank *self)
{
  g_return_val_if_fail (IVC_IS_QUESTION_BANK (self), NULL);

  return self->language;
}

/**
 * ivc_question_bank_get_levels:
 *
 * Returns: (transfer none): a #GListModel of #IvcLevel, in the file's order
 */
GListModel *
ivc_question_bank_get_levels (IvcQuestionBank *self)
{
  g_return_val_if_fail (IVC_IS_QUESTION_BANK (self), NULL);

  return G_LIST_MODEL (self->levels);
}

guint
ivc_question_bank_get_n_levels (IvcQuestionBank *self)
{
  g_return_val_if_fail (IVC_IS_QUESTION_BANK (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->levels));
}

guint
ivc_question_bank_get_n_questions (IvcQuestionBank *self)
{
  g_return_val_if_fail (IVC_IS_QUESTION_BANK (self), 0);

  return self->n_questions;
}

/**
 * ivc_question_bank_find_question:
 *
 * Returns: (transfer none) (nullable): the question with that id
 */
IvcQuestion *
ivc_question_bank_find_question (IvcQuestionBank *self,
                                 const char      *question_id)
{
  g_return_val_if_fail (IVC_IS_QUESTION_BANK (self), NULL);

  if (question_id == NULL)
    return NULL;

  return g_hash_table_lookup (self->questions_by_id, question_id);
}

/* "microservices: 3 levels, 24 questions", as --check-bank prints it. */
char *
ivc_question_bank_dup_summary (IvcQuestionBank *self)
{
  g_autofree char *levels = NULL;
  g_autofree char *questions = NULL;
  guint n_levels;

  g_return_val_if_fail (IVC_IS_QUESTION_BANK (self), NULL);

  n_levels = ivc_question_bank_get_n_levels (self);
  levels = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u level", "%u levels", n_levels),
                            n_levels);
  questions = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u question", "%u questions",
                                            self->n_questions),
                               self->n_questions);

  return g_strdup_printf ("%s: %s, %s", self->id, levels, questions);
}
