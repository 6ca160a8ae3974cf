/* ivc-question-bank-loader.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reads a question bank file: the checks before parsing (size, encoding,
 * nesting), the validation that reports every problem with its file, line
 * and column, and the synchronous and asynchronous loads.
 */

#define G_LOG_DOMAIN "ivc-question-bank"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "ivc-question-bank-loader.h"
#include "ivc-question-bank-private.h"
#include "ivc-file-util.h"
#include "ivc-json-locator.h"
#include "ivc-json-reader.h"

G_DEFINE_QUARK (ivc-bank-error-quark, ivc_bank_error)

/*
 * Validation.
 */

typedef struct
{
  const char *display_name;
  const char *data;
  gsize       len;
  IvcJsonLocator *loc;
  GPtrArray  *problems;
  guint       n_problems;
  GHashTable *level_ids;
  GHashTable *question_ids;
  guint       n_questions;
  gboolean    too_many_questions;
  /* The JSON reader refused it: reading again finds nothing more. */
  gboolean    not_json;
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

  /* Texts were checked to decode to UTF-8 before parsing; a message is
   * shown and printed, so it must be UTF-8 whatever happens. */
  if (!g_utf8_validate (what, -1, NULL))
    {
      char *valid = g_utf8_make_valid (what, -1);

      g_free (what);
      what = valid;
    }

  if (offset >= 0)
    {
      guint line, column;

      ivc_json_offset_to_line_column (v->data, v->len, offset, &line, &column);
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
  return ivc_json_locator_find_container (v->loc, container);
}

static gssize
member_offset (Validation *v,
               JsonObject *object,
               const char *name)
{
  return ivc_json_locator_find_member (v->loc, object, name);
}

static gssize
element_offset (Validation *v,
                JsonArray  *array,
                guint       index_)
{
  return ivc_json_locator_find_element (v->loc, array, index_);
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
      g_autofree char *limit = ivc_file_util_format_limit (IVC_BANK_MAX_TEXT_BYTES);

      add_problem (v, IVC_BANK_ERROR_LIMIT, member_offset (v, object, name), where,
                   _("“%s” is too long (%s; at most %s are allowed)"), name, size, limit);
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

  if (id != NULL && !ivc_id_is_valid (id))
    {
      g_autofree char *found = quote_found (id);

      add_problem (v, IVC_BANK_ERROR_INVALID, member_offset (v, object, "id"), where,
                   _("“id” must be 1 to %u lowercase letters, digits and hyphens, "
                     "like “service-discovery” (found %s)"),
                   IVC_ID_MAX_CHARS, found);
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
      if (g_utf8_strlen (tag, -1) > IVC_BANK_MAX_TAG_CHARS)
        {
          g_autofree char *found = quote_found (tag);

          add_problem (v, IVC_BANK_ERROR_LIMIT, element_offset (v, array, i), where,
                       _("tag %u is longer than %u characters (%s)"),
                       i + 1, IVC_BANK_MAX_TAG_CHARS, found);
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
  if (ivc_id_is_valid (id))
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
      /* The number as text, so that gettext sees the whole sentence. */
      g_autofree char *found = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (format));

      g_ptr_array_set_size (v->problems, 0);
      v->n_problems = 0;
      add_problem (v, IVC_BANK_ERROR_UNSUPPORTED_FORMAT, member_offset (v, object, "format"), NULL,
                   _("this bank uses format %s, which is newer than this "
                     "version of Interview Companion understands (format %d); "
                     "update Interview Companion to open it"),
                   found, IVC_BANK_FORMAT);
      return NULL;
    }
  else if (json_node_get_int (format) < 1)
    {
      g_autofree char *found = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (format));

      add_problem (v, IVC_BANK_ERROR_INVALID, member_offset (v, object, "format"), NULL,
                   _("“format” must be 1, not %s"), found);
    }

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

  return ivc_question_bank_new_take_levels (id, title, description, language,
                                            g_steal_pointer (&levels), v->n_questions);
}

/*
 * Checks that come before the JSON reader sees the data, in the bank's own
 * words: the size, NUL bytes, the encoding, an empty file. The reader then
 * checks the grammar and the nesting (IVC_BANK_MAX_DEPTH).
 */
static gboolean
check_raw_data (Validation *v)
{
  const char *end = NULL;
  const char *nul;

  if (v->len > IVC_BANK_MAX_FILE_SIZE)
    {
      g_autofree char *size = g_format_size (v->len);
      g_autofree char *limit = ivc_file_util_format_limit (IVC_BANK_MAX_FILE_SIZE);

      add_problem (v, IVC_BANK_ERROR_TOO_LARGE, -1, NULL,
                   _("the file is too large (%s); a question bank may be at most %s"),
                   size, limit);
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

  return TRUE;
}

/* The JSON reader's reason, with the file, line and column in front. */
static void
add_reader_problem (Validation   *v,
                    const GError *error,
                    guint         line,
                    guint         column)
{
  int code;

  switch ((IvcJsonError)error->code)
    {
    case IVC_JSON_ERROR_EMPTY:
      add_problem (v, IVC_BANK_ERROR_EMPTY, -1, NULL,
                   _("the file is empty; a question bank is a JSON document"));
      return;

    case IVC_JSON_ERROR_SYNTAX:
      v->n_problems++;
      g_ptr_array_add (v->problems,
                       g_error_new (IVC_BANK_ERROR, IVC_BANK_ERROR_SYNTAX,
                                    _("%s:%u:%u: not valid JSON: %s"),
                                    v->display_name, line, column, error->message));
      return;

    case IVC_JSON_ERROR_ENCODING:
      code = IVC_BANK_ERROR_ENCODING;
      break;

    case IVC_JSON_ERROR_TOO_DEEP:
      code = IVC_BANK_ERROR_TOO_DEEP;
      break;

    case IVC_JSON_ERROR_OUT_OF_RANGE:
    default:
      code = IVC_BANK_ERROR_INVALID;
      break;
    }

  v->n_problems++;
  g_ptr_array_add (v->problems,
                   g_error_new (IVC_BANK_ERROR, code, "%s:%u:%u: %s",
                                v->display_name, line, column, error->message));
}

static IvcQuestionBank *
parse_and_validate (Validation *v,
                    gboolean    locate)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) error = NULL;
  g_autoptr(IvcJsonLocator) loc = NULL;
  IvcQuestionBank *self = NULL;
  guint line, column;

  if (locate)
    {
      loc = ivc_json_locator_new (parser, v->data, v->len);
      v->loc = loc;
    }

  if (!ivc_json_reader_load (parser, v->data, v->len, IVC_BANK_MAX_DEPTH, &line, &column, &error))
    {
      add_reader_problem (v, error, line, column);
      v->not_json = TRUE;
    }
  else
    self = validate_bank (v, json_parser_get_root (parser));

  v->loc = NULL;

  return self;
}

static void
validation_reset (Validation *v)
{
  g_ptr_array_set_size (v->problems, 0);
  v->n_problems = 0;
  v->n_questions = 0;
  v->too_many_questions = FALSE;
  v->not_json = FALSE;
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
 * or hang: sizes and encoding are checked before parsing, and only JSON
 * nested at most %IVC_BANK_MAX_DEPTH levels is parsed (ivc_json_reader_load()).
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
      if (self == NULL && v.problems->len > 0 && !v.not_json)
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

/**
 * ivc_bank_read_bytes:
 * @error: an %IVC_FILE_UTIL_ERROR whose message is only the reason, or
 *   %G_IO_ERROR_CANCELLED
 *
 * Reads a bank file of at most %IVC_BANK_MAX_FILE_SIZE bytes. A device or
 * a pipe is read in pieces up to that limit; a folder is refused.
 *
 * Returns: (transfer full) (nullable): the contents, or %NULL with @error
 */
GBytes *
ivc_bank_read_bytes (GFile         *file,
                     GCancellable  *cancellable,
                     GError       **error)
{
  return ivc_file_util_read_bytes_full (file, IVC_BANK_MAX_FILE_SIZE, _("a question bank"),
                                        IVC_FILE_UTIL_READ_REASON_ONLY | IVC_FILE_UTIL_READ_DEVICES,
                                        cancellable, error);
}

/**
 * ivc_bank_read_problem_new:
 * @display_name: how to name the file
 * @read_error: the error from ivc_bank_read_bytes()
 *
 * Returns: (transfer full): the problem the loader reports for @read_error:
 *   %IVC_BANK_ERROR_TOO_LARGE or %IVC_BANK_ERROR_READ (also when the read
 *   was cancelled)
 */
GError *
ivc_bank_read_problem_new (const char   *display_name,
                           const GError *read_error)
{
  if (g_error_matches (read_error, IVC_FILE_UTIL_ERROR, IVC_FILE_UTIL_ERROR_TOO_LARGE))
    {
      g_autofree char *limit = ivc_file_util_format_limit (IVC_BANK_MAX_FILE_SIZE);

      return g_error_new (IVC_BANK_ERROR, IVC_BANK_ERROR_TOO_LARGE,
                          _("%s: the file is too large; a question bank may be at most %s"),
                          display_name, limit);
    }

  return g_error_new (IVC_BANK_ERROR, IVC_BANK_ERROR_READ,
                      _("%s: cannot be read: %s"), display_name, read_error->message);
}

static GBytes *
read_bank_file (GFile         *file,
                const char    *display_name,
                GCancellable  *cancellable,
                GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  GBytes *bytes;

  bytes = ivc_bank_read_bytes (file, cancellable, &local_error);
  if (bytes == NULL)
    g_propagate_error (error, ivc_bank_read_problem_new (display_name, local_error));

  return bytes;
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
  /* Through an integer: ISO C has no cast from a function to a data pointer. */
  g_task_set_source_tag (task, (gpointer)(guintptr)ivc_question_bank_load_async);
  g_task_set_name (task, "[ivc] load bank");
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
