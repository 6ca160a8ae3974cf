/* test-json-reader.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "ivc-json-reader.h"

#define assert_contains(str, part)                              \
  G_STMT_START {                                                \
    if (strstr ((str), (part)) == NULL)                         \
      g_assert_cmpstr ((str), ==, (part));                      \
  } G_STMT_END

#define TEST_DEPTH 8

static JsonNode *
load (const char  *text,
      guint       *line,
      guint       *column,
      GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();

  if (!ivc_json_reader_load (parser, text, strlen (text), TEST_DEPTH, line, column, error))
    return NULL;

  return json_node_ref (json_parser_get_root (parser));
}

static void
test_accepted (void)
{
  static const char * const documents[] = {
    "{}", "[]", "0", "-0", "1.5", "-1.5e+10", "1E-2", "0.0e0", "true", "false", "null",
    "\"\"", "\"text\"", " \t\r\n{ \"a\" : [ 1 , 2 ] , \"b\" : { } } \n",
    "[\"\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u0041 \\u00e9 \\uFFFF \\ud83d\\ude00\"]",
    "{\"\": \"empty name\"}", "[\"é中😀\"]",
    "[-9223372036854775808, 9223372036854775807, 1e400, -1e400, 123456789012345678901234.5]",
    "[[[[[[[[]]]]]]]]", "[{\"a\": [{\"b\": [{\"c\": [{}]}]}]}]",
    /* The same name in different objects. */
    "[{\"a\": {\"a\": 1}, \"b\": {\"a\": 2}}, {\"a\": 3}]",
  };

  for (guint i = 0; i < G_N_ELEMENTS (documents); i++)
    {
      g_autoptr(JsonNode) root = NULL;
      g_autoptr(GError) error = NULL;
      guint line, column;

      g_test_message ("document %u: %s", i, documents[i]);
      root = load (documents[i], &line, &column, &error);
      g_assert_no_error (error);
      g_assert_nonnull (root);
    }
}

static void
test_decoded (void)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  JsonArray *array;
  guint line, column;

  root = load ("[\"\\ud83d\\ude00 \\u00e9\\/\", -9223372036854775808, 9223372036854775807, -0]",
               &line, &column, &error);
  g_assert_no_error (error);
  array = json_node_get_array (root);
  g_assert_cmpstr (json_array_get_string_element (array, 0), ==, "😀 é/");
  g_assert_cmpint (json_array_get_int_element (array, 1), ==, G_MININT64);
  g_assert_cmpint (json_array_get_int_element (array, 2), ==, G_MAXINT64);
  g_assert_cmpint (json_array_get_int_element (array, 3), ==, 0);
}

static void
test_refused (void)
{
  struct {
    const char   *text;
    IvcJsonError  code;
    guint         line;
    guint         column;
    const char   *message;
  } cases[] = {
    { "", IVC_JSON_ERROR_EMPTY, 1, 1, "empty" },
    { " \n\t\r ", IVC_JSON_ERROR_EMPTY, 1, 1, "empty" },
    { "/* comment */", IVC_JSON_ERROR_SYNTAX, 1, 1, "comments are not allowed" },
    { "// comment\n{}", IVC_JSON_ERROR_SYNTAX, 1, 1, "comments are not allowed" },
    { "[/\"/[[[[[[[[[[[[[[[[[[[[[[[", IVC_JSON_ERROR_SYNTAX, 1, 2, "comments are not allowed" },
    { "{}/**/", IVC_JSON_ERROR_SYNTAX, 1, 3, "after the end" },
    { "{} {}", IVC_JSON_ERROR_SYNTAX, 1, 4, "after the end" },
    { "['a']", IVC_JSON_ERROR_SYNTAX, 1, 2, "double quotes" },
    { "{'a': 1}", IVC_JSON_ERROR_SYNTAX, 1, 2, "double quotes" },
    { "{a: 1}", IVC_JSON_ERROR_SYNTAX, 1, 2, "expected a member name in double quotes or “}”, found “a”" },
    { "[1,]", IVC_JSON_ERROR_SYNTAX, 1, 4, "expected a value, found “]”" },
    { "{\"a\": 1,}", IVC_JSON_ERROR_SYNTAX, 1, 9, "expected a member name" },
    { "[1 2]", IVC_JSON_ERROR_SYNTAX, 1, 2, "expected “,” or “]” after this value, found a number" },
    { "{\n  \"a\": \"x\"\n  \"b\": 1\n}", IVC_JSON_ERROR_SYNTAX, 2, 10, "“,” or “}” after this value, found a text" },
    { "{\"a\" 1}", IVC_JSON_ERROR_SYNTAX, 1, 6, "expected “:”" },
    { "[1", IVC_JSON_ERROR_SYNTAX, 1, 3, "found the end of the file" },
    { "{\"a\": ", IVC_JSON_ERROR_SYNTAX, 1, 7, "expected a value, found the end of the file" },
    { "[\"abc", IVC_JSON_ERROR_SYNTAX, 1, 2, "not closed" },
    { "[\"abc\\", IVC_JSON_ERROR_SYNTAX, 1, 2, "not closed" },
    { "[\"a\tb\"]", IVC_JSON_ERROR_SYNTAX, 1, 4, "control character U+0009" },
    { "[\"a\nb\"]", IVC_JSON_ERROR_SYNTAX, 1, 4, "control character U+000A" },
    { "[\"a\\x\"]", IVC_JSON_ERROR_SYNTAX, 1, 4, "“\\x” is not an escape" },
    { "[\"a\\é\"]", IVC_JSON_ERROR_SYNTAX, 1, 4, "“\\é” is not an escape" },
    { "[\"a\\u12\"]", IVC_JSON_ERROR_SYNTAX, 1, 4, "four hexadecimal digits" },
    { "[\"a\\u0000\"]", IVC_JSON_ERROR_ENCODING, 1, 4, "“\\u0000”, the NUL character" },
    { "[\"a\\uD800\"]", IVC_JSON_ERROR_ENCODING, 1, 4, "“\\uD800”, half of a character" },
    { "[\"a\\ud800\\u0041\"]", IVC_JSON_ERROR_ENCODING, 1, 4, "“\\ud800”" },
    { "[\"a\\ud800\\ud800\"]", IVC_JSON_ERROR_ENCODING, 1, 4, "“\\ud800”" },
    { "[\"a\\udc00\\ud800\"]", IVC_JSON_ERROR_ENCODING, 1, 4, "“\\udc00”" },
    { "[\"é\xff\"]", IVC_JSON_ERROR_ENCODING, 1, 4, "not valid UTF-8" },
    { "[\xc3]", IVC_JSON_ERROR_ENCODING, 1, 2, "not valid UTF-8" },
    { "[é]", IVC_JSON_ERROR_SYNTAX, 1, 2, "expected a value or “]”, found “é”" },
    { "[0x1F]", IVC_JSON_ERROR_SYNTAX, 1, 2, "“0x1F” is not a number" },
    { "[01]", IVC_JSON_ERROR_SYNTAX, 1, 2, "“01” is not a number" },
    { "[1.]", IVC_JSON_ERROR_SYNTAX, 1, 2, "“1.” is not a number" },
    { "[1.e5]", IVC_JSON_ERROR_SYNTAX, 1, 2, "“1.e5” is not a number" },
    { "[1e]", IVC_JSON_ERROR_SYNTAX, 1, 2, "“1e” is not a number" },
    { "[-]", IVC_JSON_ERROR_SYNTAX, 1, 2, "“-” is not a number" },
    { "[12abc]", IVC_JSON_ERROR_SYNTAX, 1, 2, "“12abc” is not a number" },
    { "[+1]", IVC_JSON_ERROR_SYNTAX, 1, 2, "expected a value or “]”, found “+”" },
    { "[.5]", IVC_JSON_ERROR_SYNTAX, 1, 2, "found “.”" },
    { "[NaN]", IVC_JSON_ERROR_SYNTAX, 1, 2, "found “NaN”" },
    { "[Infinity]", IVC_JSON_ERROR_SYNTAX, 1, 2, "found “Infinity”" },
    { "[tru]", IVC_JSON_ERROR_SYNTAX, 1, 2, "found “tru”" },
    { "[truex]", IVC_JSON_ERROR_SYNTAX, 1, 2, "found “truex”" },
    { "[True]", IVC_JSON_ERROR_SYNTAX, 1, 2, "found “True”" },
    { "[9223372036854775808]", IVC_JSON_ERROR_OUT_OF_RANGE, 1, 2, "out of range" },
    { "[-9223372036854775809]", IVC_JSON_ERROR_OUT_OF_RANGE, 1, 2, "out of range" },
    { "[-18446744073709551612]", IVC_JSON_ERROR_OUT_OF_RANGE, 1, 2, "“-18446744073709551612” is out of range" },
    { "[99999999999999999999]", IVC_JSON_ERROR_OUT_OF_RANGE, 1, 2, "“99999999999999999999” is out of range" },
    { "[[[[[[[[[]]]]]]]]]", IVC_JSON_ERROR_TOO_DEEP, 1, 9, "nested more than 8 levels deep" },
    { "{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{", IVC_JSON_ERROR_TOO_DEEP, 1, 41, "8 levels" },
    { "[\x01]", IVC_JSON_ERROR_SYNTAX, 1, 2, "control character U+0001" },
    { "\xef\xbb\xbf{}", IVC_JSON_ERROR_SYNTAX, 1, 1, "found “\xef\xbb\xbf”" },
    { "{}\n]", IVC_JSON_ERROR_SYNTAX, 2, 1, "found “]” after the end" },
    { "]", IVC_JSON_ERROR_SYNTAX, 1, 1, "expected a value, found “]”" },
    { "{\"a\": 1]", IVC_JSON_ERROR_SYNTAX, 1, 8, "expected “,” or “}”, found “]”" },
    /* The last of two wins in json-glib, silently. */
    { "{\"a\": 1, \"b\": 2, \"a\": 3}", IVC_JSON_ERROR_SYNTAX, 1, 18, "the member “a” appears twice" },
    { "{\"a\": 1, \"\\u0061\": 3}", IVC_JSON_ERROR_SYNTAX, 1, 10, "“\\u0061” appears twice" },
    { "[{\"a\": {\"a\": 1}, \"b\": {\"a\": 2}, \"a\": 0}]", IVC_JSON_ERROR_SYNTAX, 1, 33, "“a” appears twice" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JsonNode) root = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *escaped = g_strescape (cases[i].text, NULL);
      guint line = 0, column = 0;

      g_test_message ("case %u: %s", i, escaped);
      root = load (cases[i].text, &line, &column, &error);
      g_assert_null (root);
      g_assert_nonnull (error);
      g_test_message ("%u:%u: %s", line, column, error->message);
      g_assert_error (error, IVC_JSON_ERROR, (int)cases[i].code);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      assert_contains (error->message, cases[i].message);
      g_assert_cmpuint (line, ==, cases[i].line);
      g_assert_cmpuint (column, ==, cases[i].column);
    }
}

/* Far too deep, the way a hostile file is: refused at the first bracket
 * past the limit, quickly and without recursion. */
static void
test_far_too_deep (void)
{
  g_autoptr(GString) deep = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  gsize offset = 0;

  for (guint i = 0; i < 1000000; i++)
    g_string_append_c (deep, '[');
  for (guint i = 0; i < 1000000; i++)
    g_string_append_c (deep, ']');

  g_assert_false (ivc_json_reader_check (deep->str, deep->len, 64, &offset, &error));
  g_assert_error (error, IVC_JSON_ERROR, IVC_JSON_ERROR_TOO_DEEP);
  g_assert_cmpuint (offset, ==, 64);
  g_clear_error (&error);

  g_assert_true (ivc_json_reader_check (deep->str + 1000000 - 64, 128, 64, NULL, &error));
  g_assert_no_error (error);
}

/* Random JSON-like text: whatever the scanner takes, json-glib takes too,
 * and whatever it refuses is refused with a UTF-8 message. */
static void
test_agrees_with_json_glib (void)
{
  static const char * const tokens[] = {
    "{", "}", "[", "]", ",", ":", "\"", "\"a\"", "\"\\u00e9\"", "\"\\ud83d\\ude00\"", "\"\\ud800\"",
    "\"\\n\"", "1", "-1", "0.5", "1e5", "-0", "true", "false", "null", " ", "\n", "'", "/",
    "*", "\\", "é", "x", "0x1", "99999999999999999999", "\t",
  };
  g_autoptr(GRand) rng = g_rand_new_with_seed (14);
  guint n_accepted = 0;

  for (guint round = 0; round < 20000; round++)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      g_autoptr(JsonParser) parser = json_parser_new_immutable ();
      g_autoptr(GError) error = NULL;
      guint n = g_rand_int_range (rng, 1, 12);
      guint line, column;

      /* Half the time, a valid start to build on. */
      if (g_rand_boolean (rng))
        g_string_append (text, "{\"a\": [");
      for (guint i = 0; i < n; i++)
        g_string_append (text, tokens[g_rand_int_range (rng, 0, G_N_ELEMENTS (tokens))]);
      if (g_str_has_prefix (text->str, "{\"a\": ["))
        g_string_append (text, "]}");

      if (ivc_json_reader_check (text->str, text->len, TEST_DEPTH, NULL, NULL))
        {
          n_accepted++;
          if (!ivc_json_reader_load (parser, text->str, text->len, TEST_DEPTH, &line, &column, &error))
            g_error ("the scanner took “%s”, json-glib did not: %s", text->str, error->message);
        }
      else
        {
          g_assert_false (ivc_json_reader_load (parser, text->str, text->len, TEST_DEPTH,
                                                &line, &column, &error));
          g_assert_true (error->domain == IVC_JSON_ERROR);
          g_assert_true (g_utf8_validate (error->message, -1, NULL));
          g_assert_cmpuint (line, >=, 1);
          g_assert_cmpuint (column, >=, 1);
        }
    }

  g_test_message ("%u of 20,000 accepted", n_accepted);
  g_assert_cmpuint (n_accepted, >, 100);
}

/* What json-glib itself refuses is located through its position API and
 * described in the application's words, whatever language json-glib
 * speaks: nothing is read out of json-glib's (translated) message. */
static void
test_parser_position (void)
{
  static const struct {
    const char *text;
    guint line;
    guint column;
  } cases[] = {
    /* json-glib stops after the word it does not know. */
    { "[\n  1,\n  nul]", 3, 5 },
    /* Columns count characters, not bytes: “é” is two bytes. */
    { "[\"é\" \"x\"]", 1, 4 },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(GError) error = NULL;
      guint line = 0, column = 0;

      g_test_message ("%s", cases[i].text);
      g_assert_false (ivc_json_reader_parse (parser, cases[i].text, strlen (cases[i].text),
                                             &line, &column, &error));
      g_assert_error (error, IVC_JSON_ERROR, IVC_JSON_ERROR_SYNTAX);
      g_assert_null (strstr (error->message, "<data>"));
      g_assert_cmpuint (line, ==, cases[i].line);
      g_assert_cmpuint (column, ==, cases[i].column);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ivc/json-reader/accepted", test_accepted);
  g_test_add_func ("/ivc/json-reader/decoded", test_decoded);
  g_test_add_func ("/ivc/json-reader/refused", test_refused);
  g_test_add_func ("/ivc/json-reader/far-too-deep", test_far_too_deep);
  g_test_add_func ("/ivc/json-reader/agrees-with-json-glib", test_agrees_with_json_glib);
  g_test_add_func ("/ivc/json-reader/parser-position", test_parser_position);

  return g_test_run ();
}
