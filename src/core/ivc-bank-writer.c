/* ivc-bank-writer.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Writes a question bank back out: a JSON bank file with every id written,
 * or a Markdown interview guide in the structure the guide importer reads,
 * whose sections are the bank's texts as they are, so that importing it
 * again gives the same bank.
 */

#define G_LOG_DOMAIN "ivc-bank-writer"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "ivc-bank-writer.h"
#include "ivc-guide-importer.h"
#include "ivc-id.h"

/**
 * ivc_bank_file_format_from_string:
 * @name: “json” or “md”
 *
 * Returns: %TRUE with @format set, or %FALSE with a %G_IO_ERROR_INVALID_ARGUMENT
 */
gboolean
ivc_bank_file_format_from_string (const char         *name,
                                  IvcBankFileFormat  *format,
                                  GError            **error)
{
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (format != NULL, FALSE);

  if (g_ascii_strcasecmp (name, "json") == 0)
    *format = IVC_BANK_FILE_JSON;
  else if (g_ascii_strcasecmp (name, "md") == 0 || g_ascii_strcasecmp (name, "markdown") == 0)
    *format = IVC_BANK_FILE_MARKDOWN;
  else
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("“%s” is not a format a bank can be written in; use json or md"), name);
      return FALSE;
    }

  return TRUE;
}

/*
 * Walking the bank.
 */

typedef void (*QuestionFunc) (IvcLevel    *level,
                              IvcQuestion *question,
                              gpointer     user_data);

static void
foreach_question (IvcQuestionBank *bank,
                  QuestionFunc     func,
                  gpointer         user_data)
{
  GListModel *levels = ivc_question_bank_get_levels (bank);

  for (guint i = 0; i < g_list_model_get_n_items (levels); i++)
    {
      g_autoptr(IvcLevel) level = g_list_model_get_item (levels, i);
      GListModel *questions = ivc_level_get_questions (level);

      for (guint j = 0; j < g_list_model_get_n_items (questions); j++)
        {
          g_autoptr(IvcQuestion) question = g_list_model_get_item (questions, j);

          func (level, question, user_data);
        }
    }
}

static void
check_format_1 (IvcLevel    *level,
                IvcQuestion *question,
                gpointer     user_data)
{
  gboolean *fits = user_data;

  if (*ivc_question_get_strong_answer (question) == '\0' ||
      *ivc_question_get_red_flag (question) == '\0' ||
      ivc_question_get_title (question) != NULL ||
      ivc_question_get_follow_ups (question)[0] != NULL ||
      ivc_question_has_rubric (question))
    *fits = FALSE;
}

/* Format 1 when the bank needs nothing of format 2: older versions of the
 * app read it too. */
static gint64
needed_format (IvcQuestionBank *bank)
{
  gboolean fits = TRUE;

  foreach_question (bank, check_format_1, &fits);

  return fits ? 1 : 2;
}

/*
 * JSON.
 */

static void
add_string (JsonBuilder *builder,
            const char  *name,
            const char  *value,
            gboolean     always)
{
  if (!always && (value == NULL || *value == '\0'))
    return;

  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value ? value : "");
}

static void
add_strv (JsonBuilder        *builder,
          const char         *name,
          const char * const *values)
{
  if (values == NULL || values[0] == NULL)
    return;

  json_builder_set_member_name (builder, name);
  json_builder_begin_array (builder);
  for (guint i = 0; values[i]; i++)
    json_builder_add_string_value (builder, values[i]);
  json_builder_end_array (builder);
}

static void
add_question (JsonBuilder *builder,
              IvcQuestion *question,
              gint64       format)
{
  json_builder_begin_object (builder);
  add_string (builder, "id", ivc_question_get_id (question), TRUE);
  add_string (builder, "title", ivc_question_get_title (question), FALSE);
  add_string (builder, "question", ivc_question_get_question (question), TRUE);
  add_string (builder, "strong_answer", ivc_question_get_strong_answer (question), format == 1);
  add_string (builder, "red_flag", ivc_question_get_red_flag (question), format == 1);
  add_strv (builder, "tags", ivc_question_get_tags (question));
  add_strv (builder, "follow_ups", ivc_question_get_follow_ups (question));

  if (ivc_question_has_rubric (question))
    {
      json_builder_set_member_name (builder, "rubric");
      json_builder_begin_object (builder);
      for (guint score = 1; score <= IVC_QUESTION_RUBRIC_SCORES; score++)
        {
          const char *anchor = ivc_question_get_rubric_anchor (question, score);
          char name[2] = { (char)('0' + score), '\0' };

          if (anchor != NULL)
            add_string (builder, name, anchor, TRUE);
        }
      json_builder_end_object (builder);
    }

  json_builder_end_object (builder);
}

/* json-glib 1.6 writes some control characters (U+001F, …) raw inside
 * texts, which is not JSON. Outside texts it writes only spaces and line
 * breaks, and it escapes line breaks inside them: so every other control
 * character is inside a text, and is escaped here. */
static GBytes *
escape_control_characters (const char *json)
{
  GString *out = g_string_sized_new (strlen (json) + 2);

  for (const char *p = json; *p; p++)
    {
      if ((guchar)*p < 0x20 && *p != '\n')
        g_string_append_printf (out, "\\u%04x", (guint)(guchar)*p);
      else
        g_string_append_c (out, *p);
    }
  g_string_append_c (out, '\n');

  return g_string_free_to_bytes (out);
}

/**
 * ivc_bank_writer_to_json:
 *
 * A bank file that loads to the same bank: every id written, format 1
 * when the bank uses nothing of format 2. The library stores imported
 * guides this way.
 *
 * Returns: (transfer full): the file's bytes, UTF-8, ending in a newline
 */
GBytes *
ivc_bank_writer_to_json (IvcQuestionBank *bank)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  GListModel *levels;
  g_autofree char *text = NULL;
  gint64 format;

  g_return_val_if_fail (IVC_IS_QUESTION_BANK (bank), NULL);

  format = needed_format (bank);
  levels = ivc_question_bank_get_levels (bank);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_int_value (builder, format);
  add_string (builder, "id", ivc_question_bank_get_id (bank), TRUE);
  add_string (builder, "title", ivc_question_bank_get_title (bank), TRUE);
  add_string (builder, "description", ivc_question_bank_get_description (bank), FALSE);
  add_string (builder, "language", ivc_question_bank_get_language (bank), FALSE);
  json_builder_set_member_name (builder, "levels");
  json_builder_begin_array (builder);

  for (guint i = 0; i < g_list_model_get_n_items (levels); i++)
    {
      g_autoptr(IvcLevel) level = g_list_model_get_item (levels, i);
      GListModel *questions = ivc_level_get_questions (level);

      json_builder_begin_object (builder);
      add_string (builder, "id", ivc_level_get_id (level), TRUE);
      add_string (builder, "title", ivc_level_get_title (level), TRUE);
      add_string (builder, "experience", ivc_level_get_experience (level), FALSE);
      add_string (builder, "focus", ivc_level_get_focus (level), FALSE);
      json_builder_set_member_name (builder, "questions");
      json_builder_begin_array (builder);
      for (guint j = 0; j < g_list_model_get_n_items (questions); j++)
        {
          g_autoptr(IvcQuestion) question = g_list_model_get_item (questions, j);

          add_question (builder, question, format);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }

  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  text = json_generator_to_data (generator, NULL);

  return escape_control_characters (text);
}

/*
 * Markdown.
 */

/* Whether @text reads back as the same text from an ATX heading. */
static gboolean
heading_safe (const char *text)
{
  gsize len = strlen (text);

  if (len == 0 || strchr (text, '\n') != NULL || strchr (text, '\r') != NULL)
    return FALSE;
  if (g_ascii_isspace (text[0]) || g_ascii_isspace (text[len - 1]))
    return FALSE;
  /* A closing sequence (“ ##”), an id, or a hard break would be read off. */
  if (text[len - 1] == '}' || text[len - 1] == '\\')
    return FALSE;
  if (text[len - 1] == '#')
    {
      gsize end = len;

      while (end > 0 && text[end - 1] == '#')
        end--;
      if (end == 0 || text[end - 1] == ' ' || text[end - 1] == '\t')
        return FALSE;
    }

  return TRUE;
}

static void
append_id (GString    *out,
           const char *id,
           const char *text)
{
  g_autofree char *derived = ivc_id_derive (text);

  /* Only when importing would not give the same id by itself. */
  if (g_strcmp0 (derived, id) != 0)
    g_string_append_printf (out, " {#%s}", id);
}

static void
append_quoted (GString    *out,
               const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text; *p; p++)
    {
      switch (*p)
        {
        case '"':
          g_string_append (out, "\\\"");
          break;
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\t':
          g_string_append (out, "\\t");
          break;
        default:
          g_string_append_c (out, *p);
        }
    }
  g_string_append_c (out, '"');
}

static void
append_section (GString    *out,
                const char *label,
                const char *text)
{
  if (text == NULL || *text == '\0')
    return;

  g_string_append_printf (out, "%s\n\n%s\n\n", label, text);
}

/* A list item: continuation lines indented under the marker. */
static void
append_item (GString    *out,
             const char *marker,
             const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  gsize indent = strlen (marker);

  g_string_append_printf (out, "%s%s\n", marker, lines[0]);
  for (guint i = 1; lines[i]; i++)
    {
      if (*lines[i] != '\0')
        g_string_append_printf (out, "%*s%s", (int)indent, "", lines[i]);
      g_string_append_c (out, '\n');
    }
}

/* Whether a level's experience and focus read back without labels: an
 * experience is a short line starting with a number (“0–2 years”), a focus
 * one line. */
static gboolean
plain_level_texts (const char *experience,
                   const char *focus)
{
  if (*experience != '\0' &&
      (!g_ascii_isdigit (experience[0]) || strchr (experience, '\n') != NULL ||
       g_utf8_strlen (experience, -1) > IVC_GUIDE_MAX_EXPERIENCE_CHARS ||
       !heading_safe (experience)))
    return FALSE;

  if (*focus != '\0' && (strchr (focus, '\n') != NULL || !heading_safe (focus) ||
                          (*experience == '\0' && g_ascii_isdigit (focus[0]))))
    return FALSE;

  return TRUE;
}

static void
append_question (GString     *out,
                 IvcQuestion *question)
{
  const char *text = ivc_question_get_question (question);
  const char *title = ivc_question_get_title (question);
  const char * const *follow_ups = ivc_question_get_follow_ups (question);
  const char * const *tags = ivc_question_get_tags (question);
  const char *paragraph_end = strstr (text, "\n\n");
  g_autofree char *first = paragraph_end ? g_strndup (text, paragraph_end - text) : NULL;
  g_autofree char *heading = NULL;

  if (title == NULL && heading_safe (text))
    {
      g_string_append_printf (out, "### %s", text);
      append_id (out, ivc_question_get_id (question), text);
      g_string_append (out, "\n\n");
    }
  else if (title == NULL && first != NULL && heading_safe (first))
    {
      /* The rest follows the heading, before the first label. */
      g_string_append_printf (out, "### %s", first);
      append_id (out, ivc_question_get_id (question), text);
      g_string_append_printf (out, "\n\n%s\n\n", paragraph_end + 2);
    }
  else
    {
      /* The heading is the title, the text a “Question” section. A
       * question without a title that no heading can hold gets its first
       * line as one: the only change a Markdown export makes. */
      heading = g_strdup (title != NULL ? title : text);
      heading[strcspn (heading, "\r\n")] = '\0';
      g_strstrip (heading);

      g_string_append_printf (out, "### %s", heading);
      append_id (out, ivc_question_get_id (question), text);
      g_string_append (out, "\n\n");
      append_section (out, "Question", text);
    }

  append_section (out, "Strong answer", ivc_question_get_strong_answer (question));
  append_section (out, "Red flag", ivc_question_get_red_flag (question));

  if (follow_ups[0] != NULL)
    {
      g_string_append (out, "Follow-up questions\n\n");
      for (guint i = 0; follow_ups[i]; i++)
        append_item (out, "- ", follow_ups[i]);
      g_string_append_c (out, '\n');
    }

  if (ivc_question_has_rubric (question))
    {
      g_string_append (out, "Rubric\n\n");
      for (guint score = 1; score <= IVC_QUESTION_RUBRIC_SCORES; score++)
        {
          const char *anchor = ivc_question_get_rubric_anchor (question, score);
          g_autofree char *marker = g_strdup_printf ("- %u: ", score);

          if (anchor != NULL)
            append_item (out, marker, anchor);
        }
      g_string_append_c (out, '\n');
    }

  if (tags[0] != NULL)
    {
      g_string_append (out, "Tags\n\n");
      for (guint i = 0; tags[i]; i++)
        append_item (out, "- ", tags[i]);
      g_string_append_c (out, '\n');
    }
}

/**
 * ivc_bank_writer_to_markdown:
 *
 * The bank as a Markdown interview guide (docs/question-bank-format.md):
 * front matter with its id, title and language; the description; a “##”
 * heading for each level with its experience and focus; a “###” heading
 * for each question and a labelled section for each of its texts, written
 * as they are. An id that importing would not derive by itself is written
 * after its heading as “{#id}”.
 *
 * Returns: (transfer full): the guide's bytes, UTF-8
 */
GBytes *
ivc_bank_writer_to_markdown (IvcQuestionBank *bank)
{
  g_autoptr(GString) out = g_string_new (NULL);
  GListModel *levels;
  const char *title, *description, *language;

  g_return_val_if_fail (IVC_IS_QUESTION_BANK (bank), NULL);

  title = ivc_question_bank_get_title (bank);
  description = ivc_question_bank_get_description (bank);
  language = ivc_question_bank_get_language (bank);
  levels = ivc_question_bank_get_levels (bank);

  g_string_append (out, "---\n");
  g_string_append_printf (out, "id: %s\n", ivc_question_bank_get_id (bank));
  g_string_append (out, "title: ");
  append_quoted (out, title);
  g_string_append_c (out, '\n');
  if (*language != '\0')
    g_string_append_printf (out, "language: %s\n", language);
  /* A description that starts like a heading or a level's text would not
   * read back as one: such a description stays in the front matter. */
  if (*description != '\0' && (description[0] == '#' || g_ascii_isspace (description[0])))
    {
      g_string_append (out, "description: ");
      append_quoted (out, description);
      g_string_append_c (out, '\n');
      description = "";
    }
  g_string_append (out, "---\n\n");

  if (heading_safe (title))
    g_string_append_printf (out, "# %s\n\n", title);
  if (*description != '\0')
    g_string_append_printf (out, "%s\n\n", description);

  for (guint i = 0; i < g_list_model_get_n_items (levels); i++)
    {
      g_autoptr(IvcLevel) level = g_list_model_get_item (levels, i);
      GListModel *questions = ivc_level_get_questions (level);
      const char *level_title = ivc_level_get_title (level);

      g_string_append_printf (out, "## %s", level_title);
      append_id (out, ivc_level_get_id (level), level_title);
      g_string_append (out, "\n\n");
      if (plain_level_texts (ivc_level_get_experience (level), ivc_level_get_focus (level)))
        {
          if (*ivc_level_get_experience (level) != '\0')
            g_string_append_printf (out, "%s\n\n", ivc_level_get_experience (level));
          if (*ivc_level_get_focus (level) != '\0')
            g_string_append_printf (out, "%s\n\n", ivc_level_get_focus (level));
        }
      else
        {
          append_section (out, "Experience", ivc_level_get_experience (level));
          append_section (out, "Focus", ivc_level_get_focus (level));
        }

      for (guint j = 0; j < g_list_model_get_n_items (questions); j++)
        {
          g_autoptr(IvcQuestion) question = g_list_model_get_item (questions, j);

          append_question (out, question);
        }
    }

  while (out->len > 1 && out->str[out->len - 1] == '\n' && out->str[out->len - 2] == '\n')
    g_string_truncate (out, out->len - 1);

  return g_string_free_to_bytes (g_steal_pointer (&out));
}

/**
 * ivc_bank_writer_to_bytes:
 *
 * Returns: (transfer full): the bank in @format
 */
GBytes *
ivc_bank_writer_to_bytes (IvcQuestionBank   *bank,
                          IvcBankFileFormat  format)
{
  if (format == IVC_BANK_FILE_MARKDOWN)
    return ivc_bank_writer_to_markdown (bank);

  return ivc_bank_writer_to_json (bank);
}

/*
 * Comparing.
 */

static char *
differ (const char *where,
        const char *what,
        const char *a,
        const char *b)
{
  if (g_strcmp0 (a, b) == 0)
    return NULL;

  return g_strdup_printf ("%s: %s", where, what);
}

static char *
strv_differ (const char         *where,
             const char         *what,
             const char * const *a,
             const char * const *b)
{
  if (g_strv_equal (a, b))
    return NULL;

  return g_strdup_printf ("%s: %s", where, what);
}

static char *
question_difference (IvcQuestion *a,
                     IvcQuestion *b,
                     const char  *where)
{
  char *difference;

  if ((difference = differ (where, _("the id differs"), ivc_question_get_id (a), ivc_question_get_id (b))) ||
      (difference = differ (where, _("the title differs"), ivc_question_get_title (a), ivc_question_get_title (b))) ||
      (difference = differ (where, _("the question differs"), ivc_question_get_question (a), ivc_question_get_question (b))) ||
      (difference = differ (where, _("the strong answer differs"), ivc_question_get_strong_answer (a),
                            ivc_question_get_strong_answer (b))) ||
      (difference = differ (where, _("the red flag differs"), ivc_question_get_red_flag (a), ivc_question_get_red_flag (b))) ||
      (difference = strv_differ (where, _("the tags differ"), ivc_question_get_tags (a), ivc_question_get_tags (b))) ||
      (difference = strv_differ (where, _("the follow-up questions differ"), ivc_question_get_follow_ups (a),
                                 ivc_question_get_follow_ups (b))))
    return difference;

  for (guint score = 1; score <= IVC_QUESTION_RUBRIC_SCORES; score++)
    {
      if (g_strcmp0 (ivc_question_get_rubric_anchor (a, score), ivc_question_get_rubric_anchor (b, score)) != 0)
        return g_strdup_printf (_("%s: the rubric for score %u differs"), where, score);
    }

  return NULL;
}

/**
 * ivc_question_bank_describe_difference:
 *
 * Compares two banks field by field: ids, texts, lists and rubrics.
 *
 * Returns: (transfer full) (nullable): %NULL if @bank and @other hold the
 *   same, else the first difference in words (“level “senior”, question 2:
 *   the red flag differs”)
 */
char *
ivc_question_bank_describe_difference (IvcQuestionBank *bank,
                                       IvcQuestionBank *other)
{
  GListModel *levels, *other_levels;
  char *difference;

  g_return_val_if_fail (IVC_IS_QUESTION_BANK (bank), NULL);
  g_return_val_if_fail (IVC_IS_QUESTION_BANK (other), NULL);

  if ((difference = differ (_("the bank"), _("the id differs"), ivc_question_bank_get_id (bank),
                            ivc_question_bank_get_id (other))) ||
      (difference = differ (_("the bank"), _("the title differs"), ivc_question_bank_get_title (bank),
                            ivc_question_bank_get_title (other))) ||
      (difference = differ (_("the bank"), _("the description differs"), ivc_question_bank_get_description (bank),
                            ivc_question_bank_get_description (other))) ||
      (difference = differ (_("the bank"), _("the language differs"), ivc_question_bank_get_language (bank),
                            ivc_question_bank_get_language (other))))
    return difference;

  levels = ivc_question_bank_get_levels (bank);
  other_levels = ivc_question_bank_get_levels (other);
  if (g_list_model_get_n_items (levels) != g_list_model_get_n_items (other_levels))
    return g_strdup (_("the number of levels differs"));

  for (guint i = 0; i < g_list_model_get_n_items (levels); i++)
    {
      g_autoptr(IvcLevel) level = g_list_model_get_item (levels, i);
      g_autoptr(IvcLevel) other_level = g_list_model_get_item (other_levels, i);
      g_autofree char *where = g_strdup_printf (_("level %u"), i + 1);
      GListModel *questions = ivc_level_get_questions (level);
      GListModel *other_questions = ivc_level_get_questions (other_level);

      if ((difference = differ (where, _("the id differs"), ivc_level_get_id (level), ivc_level_get_id (other_level))) ||
          (difference = differ (where, _("the title differs"), ivc_level_get_title (level), ivc_level_get_title (other_level))) ||
          (difference = differ (where, _("the experience differs"), ivc_level_get_experience (level),
                                ivc_level_get_experience (other_level))) ||
          (difference = differ (where, _("the focus differs"), ivc_level_get_focus (level), ivc_level_get_focus (other_level))))
        return difference;

      if (g_list_model_get_n_items (questions) != g_list_model_get_n_items (other_questions))
        return g_strdup_printf (_("%s: the number of questions differs"), where);

      for (guint j = 0; j < g_list_model_get_n_items (questions); j++)
        {
          g_autoptr(IvcQuestion) question = g_list_model_get_item (questions, j);
          g_autoptr(IvcQuestion) other_question = g_list_model_get_item (other_questions, j);
          g_autofree char *question_where = g_strdup_printf (_("level %u, question %u"), i + 1, j + 1);

          if ((difference = question_difference (question, other_question, question_where)))
            return difference;
        }
    }

  return NULL;
}
