/* ivc-test-bank.c: small question banks made by the tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>

#include "ivc-test-bank.h"

/* A bank of the levels and questions in @items, each question with the
 * same strong answer and red flag. */
IvcQuestionBank *
make_bank (const char     *bank_id,
           const char     *title,
           const BankItem *items,
           guint           n_items)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  IvcQuestionBank *bank;
  gboolean in_level = FALSE;
  g_autofree char *display_name = g_strconcat (bank_id, ".json", NULL);
  char *text;
  gsize len;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_int_value (builder, 1);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, bank_id);
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, title);
  json_builder_set_member_name (builder, "levels");
  json_builder_begin_array (builder);

  for (guint i = 0; i < n_items; i++)
    {
      if (items[i].level_id != NULL)
        {
          if (in_level)
            {
              json_builder_end_array (builder);
              json_builder_end_object (builder);
            }
          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "id");
          json_builder_add_string_value (builder, items[i].level_id);
          json_builder_set_member_name (builder, "title");
          json_builder_add_string_value (builder, items[i].text);
          json_builder_set_member_name (builder, "questions");
          json_builder_begin_array (builder);
          in_level = TRUE;
          continue;
        }

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, items[i].question_id);
      json_builder_set_member_name (builder, "question");
      json_builder_add_string_value (builder, items[i].text);
      json_builder_set_member_name (builder, "strong_answer");
      json_builder_add_string_value (builder, "A strong answer.");
      json_builder_set_member_name (builder, "red_flag");
      json_builder_add_string_value (builder, "A red flag.");
      json_builder_end_object (builder);
    }

  if (in_level)
    {
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, &len);
  bytes = g_bytes_new_take (text, len);

  bank = ivc_question_bank_new_from_bytes (bytes, display_name, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (bank);

  return bank;
}
