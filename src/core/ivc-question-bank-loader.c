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
#include "ivc-guide-importer.h"
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
  /* What is not refused but worth saying: unknown keys. */
  GPtrArray  *warnings;
  GHashTable *level_ids;
  GHashTable *question_ids;
  /* Every id given or derived so far, and those given anywhere in the
   * file: a derived id never takes one that the file gives later. */
  GHashTable *taken_level_ids;
  GHashTable *taken_question_ids;
  gint64      format;
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

G_GNUC_PRINTF (4, 5)
static void
add_warning (Validation *v,
             gssize      offset,
             const char *where,
             const char *format,
             ...)
{
  g_autofree char *what = NULL;
  g_autofree char *location = NULL;
  va_list args;

  if (v->warnings->len >= IVC_BANK_MAX_PROBLEMS)
    return;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);

  if (offset >= 0)
    {
      guint line, column;

      ivc_json_offset_to_line_column (v->data, v->len, offset, &line, &column);
      location = g_strdup_printf ("%s:%u:%u", v->display_name, line, column);
    }
  else
    location = g_strdup (v->display_name);

  if (where != NULL && *where)
    g_ptr_array_add (v->warnings, g_strdup_printf ("%s: %s: %s", location, where, what));
  else
    g_ptr_array_add (v->warnings, g_strdup_printf ("%s: %s", location, what));
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

/* Edits from @a to @b (Levenshtein), for short keys only. */
static guint
edit_distance (const char *a,
               const char *b)
{
  guint la = strlen (a), lb = strlen (b);
  guint row[32 + 1];

  if (la > 32 || lb > 32)
    return G_MAXUINT;

  for (guint j = 0; j <= lb; j++)
    row[j] = j;
  for (guint i = 1; i <= la; i++)
    {
      guint diagonal = row[0];

      row[0] = i;
      for (guint j = 1; j <= lb; j++)
        {
          guint above = row[j];
          guint cost = g_ascii_tolower (a[i - 1]) == g_ascii_tolower (b[j - 1]) ? 0 : 1;

          row[j] = MIN (MIN (row[j] + 1, row[j - 1] + 1), diagonal + cost);
          diagonal = above;
        }
    }

  return row[lb];
}

/* Keys the app does not know are ignored, so that banks may carry their
 * own; but a misspelt one loses what it holds, so each is a warning, with
 * the key it probably meant. Keys of format 2 in a format 1 bank, too. */
static void
check_unknown_keys (Validation         *v,
                    JsonObject         *object,
                    const char         *where,
                    const char * const *known,
                    const char * const *known_in_2)
{
  JsonObjectIter iter;
  const char *name;
  JsonNode *node;

  json_object_iter_init (&iter, object);
  while (json_object_iter_next (&iter, &name, &node))
    {
      const char *closest = NULL;
      guint best = 3;

      if (g_strv_contains (known, name) || (v->format >= 2 && known_in_2 && g_strv_contains (known_in_2, name)))
        continue;

      if (known_in_2 != NULL && g_strv_contains (known_in_2, name))
        {
          add_warning (v, member_offset (v, object, name), where,
                       _("“%s” is read in banks of format 2 only; it is ignored here "
                         "(write \"format\": 2 to use it)"), name);
          continue;
        }

      for (guint pass = 0; pass < 2; pass++)
        {
          const char * const *keys = pass == 0 ? known : known_in_2;

          for (guint i = 0; keys != NULL && keys[i]; i++)
            {
              guint d = edit_distance (name, keys[i]);

              if (d < best && d < MAX (2, strlen (keys[i]) / 3 + 1))
                {
                  best = d;
                  closest = keys[i];
                }
            }
        }

      if (closest != NULL)
        add_warning (v, member_offset (v, object, name), where,
                     _("the key “%s” is not known and is ignored; did you mean “%s”?"), name, closest);
      else
        add_warning (v, member_offset (v, object, name), where,
                     _("the key “%s” is not known and is ignored"), name);
    }
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

/* What a value is, for “must be a string; found a number”. */
static const char *
describe_node (JsonNode *node)
{
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return _("null");
  if (JSON_NODE_HOLDS_OBJECT (node))
    return _("an object");
  if (JSON_NODE_HOLDS_ARRAY (node))
    return _("a list");

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_INT64:
    case G_TYPE_DOUBLE:
      return _("a number");
    case G_TYPE_BOOLEAN:
      return json_node_get_boolean (node) ? _("true") : _("false");
    case G_TYPE_STRING:
      return is_blank (json_node_get_string (node)) ? _("an empty text") : _("a text");
    default:
      return _("something else");
    }
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
      /* Translators: the second %s is what the file has: “a number”, “a list”, … */
      add_problem (v, IVC_BANK_ERROR_INVALID, member_offset (v, object, name), where,
                   required ? _("“%s” must be a non-empty string; found %s")
                            : _("“%s” must be a string; found %s"),
                   name, describe_node (node));
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
      g_autofree char *size = ivc_file_util_format_size (strlen (text));
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
               const char *where,
               gboolean    required)
{
  const char *id;

  if (!required && !json_object_has_member (object, "id"))
    return NULL;

  id = get_string_member (v, object, "id", where, TRUE);

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
                   required ? _("“%s” must be a non-empty list; found %s")
                            : _("“%s” must be a list; found %s"),
                   name, describe_node (node));
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
                       _("tag %u must be a non-empty string; found %s"), i + 1, describe_node (node));
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

/* Format 2: a list of follow-up questions, each a non-empty text. */
static char **
validate_follow_ups (Validation *v,
                     JsonObject *object,
                     const char *where)
{
  JsonArray *array = get_array_member (v, object, "follow_ups", where, FALSE);
  g_autoptr(GStrvBuilder) builder = NULL;
  gboolean ok = TRUE;
  guint n;

  if (array == NULL)
    return NULL;

  n = json_array_get_length (array);
  if (n > IVC_BANK_MAX_FOLLOW_UPS)
    {
      add_problem (v, IVC_BANK_ERROR_LIMIT, member_offset (v, object, "follow_ups"), where,
                   _("“follow_ups” has %u entries; at most %u are allowed"),
                   n, IVC_BANK_MAX_FOLLOW_UPS);
      return NULL;
    }

  builder = g_strv_builder_new ();
  for (guint i = 0; i < n; i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      const char *text;

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING ||
          is_blank (json_node_get_string (node)))
        {
          add_problem (v, IVC_BANK_ERROR_INVALID, element_offset (v, array, i), where,
                       _("follow-up question %u must be a non-empty string; found %s"),
                       i + 1, describe_node (node));
          ok = FALSE;
          continue;
        }

      text = json_node_get_string (node);
      if (strlen (text) > IVC_BANK_MAX_TEXT_BYTES)
        {
          g_autofree char *size = ivc_file_util_format_size (strlen (text));
          g_autofree char *limit = ivc_file_util_format_limit (IVC_BANK_MAX_TEXT_BYTES);

          add_problem (v, IVC_BANK_ERROR_LIMIT, element_offset (v, array, i), where,
                       _("follow-up question %u is too long (%s; at most %s are allowed)"),
                       i + 1, size, limit);
          ok = FALSE;
          continue;
        }

      g_strv_builder_add (builder, text);
    }

  return ok ? g_strv_builder_end (builder) : NULL;
}

/* Format 2: anchors for the scores, {"1": "…", …, "4": "…"}, any of them.
 * The texts stay owned by the parser's tree. */
static void
validate_rubric (Validation  *v,
                 JsonObject  *object,
                 const char  *where,
                 const char **rubric)
{
  JsonNode *node = json_object_get_member (object, "rubric");
  JsonObjectIter iter;
  const char *name;
  JsonObject *anchors;

  if (node == NULL)
    return;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      add_problem (v, IVC_BANK_ERROR_INVALID, member_offset (v, object, "rubric"), where,
                   _("“rubric” must be an object such as {\"1\": \"…\", \"4\": \"…\"}; found %s"),
                   describe_node (node));
      return;
    }

  anchors = json_node_get_object (node);
  json_object_iter_init (&iter, anchors);
  while (json_object_iter_next (&iter, &name, &node))
    {
      g_autofree char *rubric_where = g_strdup_printf (_("%s, rubric"), where ? where : "");
      guint score = 0;

      if (strlen (name) == 1 && name[0] >= '1' && name[0] < '1' + IVC_QUESTION_RUBRIC_SCORES)
        score = name[0] - '0';

      if (score == 0)
        {
          g_autofree char *found = quote_found (name);

          add_problem (v, IVC_BANK_ERROR_INVALID, member_offset (v, anchors, name), rubric_where,
                       _("%s is not a score; a rubric anchors the scores “1” to “%d”"),
                       found, IVC_QUESTION_RUBRIC_SCORES);
          continue;
        }

      rubric[score - 1] = get_string_member (v, anchors, name, rubric_where, TRUE);
    }
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
  g_auto(GStrv) follow_ups = NULL;
  g_autofree char *derived_id = NULL;
  const char *rubric[IVC_QUESTION_RUBRIC_SCORES] = { NULL, };
  const char *id, *question, *strong_answer, *red_flag, *title = NULL;
  JsonObject *object;
  guint problems_before = v->n_problems;
  gboolean format_2 = v->format >= 2;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      if (format_2)
        add_problem (v, IVC_BANK_ERROR_INVALID, element_offset (v, questions, index_), where,
                     _("a question must be an object with at least “question”; found %s"),
                     describe_node (node));
      else
        add_problem (v, IVC_BANK_ERROR_INVALID, element_offset (v, questions, index_), where,
                     _("a question must be an object with “id”, “question”, "
                       "“strong_answer” and “red_flag”; found %s"),
                     describe_node (node));
      return NULL;
    }

  object = json_node_get_object (node);
  id = get_id_member (v, object, where, !format_2);
  question = get_string_member (v, object, "question", where, TRUE);
  strong_answer = get_string_member (v, object, "strong_answer", where, !format_2);
  red_flag = get_string_member (v, object, "red_flag", where, !format_2);
  tags = validate_tags (v, object, where);
  if (format_2)
    {
      title = get_string_member (v, object, "title", where, FALSE);
      follow_ups = validate_follow_ups (v, object, where);
      validate_rubric (v, object, where, rubric);
    }
  {
    static const char * const known[] = { "id", "question", "strong_answer", "red_flag", "tags", NULL };
    static const char * const known_in_2[] = { "title", "follow_ups", "rubric", NULL };

    check_unknown_keys (v, object, where, known, known_in_2);
  }

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

  if (id == NULL)
    {
      g_autofree char *base = ivc_id_derive (question);

      derived_id = ivc_id_make_unique (base, v->taken_question_ids);
      id = derived_id;
    }
  g_hash_table_add (v->taken_question_ids, g_strdup (id));

  return ivc_question_new_full (id, question, strong_answer, red_flag,
                                (const char * const *)tags, title,
                                (const char * const *)follow_ups, rubric);
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
  g_autofree char *derived_id = NULL;
  const char *id, *title, *experience, *focus;
  JsonArray *array;
  JsonObject *object;
  guint problems_before = v->n_problems;
  guint n;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      where = g_strdup_printf (_("level %u"), index_ + 1);
      add_problem (v, IVC_BANK_ERROR_INVALID, element_offset (v, levels, index_), where,
                   _("a level must be an object with “id”, “title” and “questions”; found %s"),
                   describe_node (node));
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

  id = get_id_member (v, object, where, v->format < 2);
  title = get_string_member (v, object, "title", where, TRUE);
  experience = get_string_member (v, object, "experience", where, FALSE);
  focus = get_string_member (v, object, "focus", where, FALSE);
  {
    static const char * const known[] = { "id", "title", "experience", "focus", "questions", NULL };

    check_unknown_keys (v, object, where, known, NULL);
  }

  if (id != NULL)
    {
      if (g_hash_table_contains (v->level_ids, id))
        add_problem (v, IVC_BANK_ERROR_DUPLICATE_ID, member_offset (v, object, "id"), where,
                     _("the level id “%s” is used twice"), id);
      else
        g_hash_table_add (v->level_ids, (char *)id);
    }
  else if (title != NULL && v->format >= 2 && !json_object_has_member (object, "id"))
    {
      g_autofree char *base = ivc_id_derive (title);

      derived_id = ivc_id_make_unique (base, v->taken_level_ids);
      id = derived_id;
    }
  if (id != NULL)
    g_hash_table_add (v->taken_level_ids, g_strdup (id));

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

/* The ids that the file gives, wherever they are: a derived id must not
 * take one that a later level or question gives. */
static void
collect_given_ids (Validation *v,
                   JsonObject *bank)
{
  JsonNode *levels = json_object_get_member (bank, "levels");
  JsonArray *array;

  if (levels == NULL || !JSON_NODE_HOLDS_ARRAY (levels))
    return;

  array = json_node_get_array (levels);
  for (guint i = 0; i < json_array_get_length (array) && i < IVC_BANK_MAX_LEVELS; i++)
    {
      JsonNode *level = json_array_get_element (array, i);
      JsonNode *node;
      JsonArray *questions;
      JsonObject *object;

      if (!JSON_NODE_HOLDS_OBJECT (level))
        continue;

      object = json_node_get_object (level);
      node = json_object_get_member (object, "id");
      if (node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
          json_node_get_value_type (node) == G_TYPE_STRING)
        g_hash_table_add (v->taken_level_ids, g_strdup (json_node_get_string (node)));

      node = json_object_get_member (object, "questions");
      if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
        continue;

      questions = json_node_get_array (node);
      for (guint j = 0; j < json_array_get_length (questions); j++)
        {
          JsonNode *question = json_array_get_element (questions, j);
          JsonNode *id;

          if (!JSON_NODE_HOLDS_OBJECT (question))
            continue;
          id = json_object_get_member (json_node_get_object (question), "id");
          if (id != NULL && JSON_NODE_HOLDS_VALUE (id) &&
              json_node_get_value_type (id) == G_TYPE_STRING)
            g_hash_table_add (v->taken_question_ids, g_strdup (json_node_get_string (id)));
        }
    }
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
                 _("“format” must be a whole number (1 or 2)"));
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
                   _("“format” must be 1 or 2, not %s"), found);
    }
  else
    v->format = json_node_get_int (format);

  collect_given_ids (v, object);

  id = get_id_member (v, object, NULL, TRUE);
  title = get_string_member (v, object, "title", NULL, TRUE);
  description = get_string_member (v, object, "description", NULL, FALSE);
  language = get_string_member (v, object, "language", NULL, FALSE);
  if (language != NULL && *language != '\0' && !ivc_language_tag_is_valid (language))
    {
      g_autofree char *found = quote_found (language);

      /* Format 1 banks loaded with any language before: a warning there. */
      if (v->format >= 2)
        add_problem (v, IVC_BANK_ERROR_INVALID, member_offset (v, object, "language"), NULL,
                     _("“language” must be a language tag such as “en” or “de-CH” (BCP 47); found %s"),
                     found);
      else
        add_warning (v, member_offset (v, object, "language"), NULL,
                     _("“language” should be a language tag such as “en” or “de-CH” (BCP 47); found %s"),
                     found);
    }
  {
    static const char * const known[] = { "format", "id", "title", "description", "language", "levels", NULL };

    check_unknown_keys (v, object, NULL, known, NULL);
  }

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
      g_autofree char *size = ivc_file_util_format_size (v->len);
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

/* Past this size a bank's tree goes to a thread of its own to be freed. */
#define FREE_ASIDE_MIN_SIZE (1024 * 1024)

static gpointer
free_tree_thread (gpointer data)
{
  g_object_unref (data);
  return NULL;
}

/* Freeing json-glib's tree of a large bank takes half as long as building
 * it (100,000 nodes): the bank, which shares nothing with the tree, need
 * not wait for that. */
static void
free_tree (JsonParser *parser,
           gsize       len)
{
  GThread *thread = NULL;

  if (len >= FREE_ASIDE_MIN_SIZE)
    thread = g_thread_try_new ("ivc-free-json", free_tree_thread, parser, NULL);

  if (thread != NULL)
    g_thread_unref (thread);
  else
    g_object_unref (parser);
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
  g_clear_pointer (&loc, ivc_json_locator_free);
  free_tree (g_steal_pointer (&parser), v->len);

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
  g_ptr_array_set_size (v->warnings, 0);
  g_hash_table_remove_all (v->taken_level_ids);
  g_hash_table_remove_all (v->taken_question_ids);
  v->format = 0;
}

/*
 * _ivc_bank_problems_set_error:
 * @found: (element-type GError): the problems kept, at most
 *   %IVC_BANK_MAX_PROBLEMS; a last one is added if there were more
 * @n_problems: how many there were in all
 *
 * The error of a refused bank (or guide): the first problem's code, and
 * every problem in its message, one a line.
 */
void
_ivc_bank_problems_set_error (GPtrArray   *found,
                              guint        n_problems,
                              const char  *display_name,
                              GError     **error)
{
  g_autoptr(GString) message = g_string_new (NULL);
  const GError *first;

  g_assert (found->len > 0);

  if (n_problems > found->len)
    g_ptr_array_add (found,
                     g_error_new (IVC_BANK_ERROR, IVC_BANK_ERROR_LIMIT,
                                  g_dngettext (GETTEXT_PACKAGE,
                                               "%s: … and %u more problem",
                                               "%s: … and %u more problems",
                                               n_problems - found->len),
                                  display_name, n_problems - found->len));

  for (guint i = 0; i < found->len; i++)
    {
      const GError *problem = g_ptr_array_index (found, i);

      if (i > 0)
        g_string_append_c (message, '\n');
      g_string_append (message, problem->message);
    }

  first = g_ptr_array_index (found, 0);
  g_set_error_literal (error, IVC_BANK_ERROR, first->code, message->str);
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
  g_autoptr(GHashTable) taken_level_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) taken_question_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func ((GDestroyNotify)g_error_free);
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  Validation v = { 0 };
  gsize len = 0;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* Every way in (import, --check-bank, the command line, a drop) reads
   * a Markdown interview guide here too. */
  if (ivc_guide_is_guide_name (display_name))
    return ivc_guide_import_bytes (bytes, display_name, problems, error);

  v.display_name = display_name;
  v.data = g_bytes_get_data (bytes, &len);
  v.data = v.data ? v.data : "";
  v.len = len;
  v.problems = found;
  v.warnings = warnings;
  v.level_ids = level_ids;
  v.question_ids = question_ids;
  v.taken_level_ids = taken_level_ids;
  v.taken_question_ids = taken_question_ids;

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

      /* Problems or warnings found: read it again, noting positions this time. */
      if ((self == NULL && v.problems->len > 0 && !v.not_json) ||
          (self != NULL && v.warnings->len > 0))
        {
          g_clear_object (&self);
          validation_reset (&v);
          self = parse_and_validate (&v, TRUE);
        }
    }

  if (self == NULL)
    {
      _ivc_bank_problems_set_error (found, v.n_problems, display_name, error);

      if (problems != NULL)
        *problems = g_steal_pointer (&found);

      return NULL;
    }

  if (warnings->len > 0)
    {
      g_ptr_array_add (warnings, NULL);
      _ivc_question_bank_take_warnings (self, (char **)g_ptr_array_free (g_steal_pointer (&warnings), FALSE));
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
