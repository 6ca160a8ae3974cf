/* ivc-json-reader.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The one way the application reads JSON: a strict, bounded check of the
 * bytes before json-glib builds the tree.
 */

#define G_LOG_DOMAIN "ivc-json-reader"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "ivc-json-reader.h"
#include "ivc-json-locator.h"

G_DEFINE_QUARK (ivc-json-error-quark, ivc_json_error)

/*
 * json-glib 1.6 (Debian 12) is lenient and unbounded: it takes comments
 * (“/x/” among them), single quotes, hex numbers and raw control
 * characters, wraps numbers that do not fit in 64 bits, decodes a lone
 * surrogate into bytes that are not UTF-8, quotes them in its messages, and
 * recurses once for each level of nesting until the stack overflows.
 *
 * So nothing reaches it that this scanner has not checked against the
 * grammar of RFC 8259. The scanner does not build anything and does not
 * recurse: a stack of open brackets, as deep as the caller allows, is all
 * its memory. json-glib then only ever sees plain JSON.
 */

typedef enum
{
  EXPECT_VALUE,           /* the root, after “:” and after “,” in a list */
  EXPECT_VALUE_OR_CLOSE,  /* after “[” */
  EXPECT_NAME_OR_CLOSE,   /* after “{” */
  EXPECT_NAME,            /* after “,” in an object */
  EXPECT_COLON,           /* after a member's name */
  EXPECT_COMMA_OR_CLOSE,  /* after a value in a list or an object */
  EXPECT_NOTHING,         /* after the root value */
} Expect;

typedef struct
{
  const char *data;
  gsize       len;
  gsize       pos;
  /* Where the error is, for the caller's message. */
  gsize       error_offset;
  GError    **error;
} Scanner;

G_GNUC_PRINTF (4, 5)
static gboolean
scanner_fail (Scanner    *s,
              int         code,
              gsize       offset,
              const char *format,
              ...)
{
  va_list args;

  s->error_offset = offset;
  if (s->error != NULL)
    {
      g_autofree char *what = NULL;

      va_start (args, format);
      what = g_strdup_vprintf (format, args);
      va_end (args);

      /* Everything quoted was checked to be UTF-8, but a message must be
       * whatever happens. */
      g_set_error_literal (s->error, IVC_JSON_ERROR, code, what);
      if (!g_utf8_validate ((*s->error)->message, -1, NULL))
        {
          char *valid = g_utf8_make_valid ((*s->error)->message, -1);

          g_free ((*s->error)->message);
          (*s->error)->message = valid;
        }
    }

  return FALSE;
}

static inline gboolean
is_space (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static inline gboolean
is_digit (char c)
{
  return c >= '0' && c <= '9';
}

static inline gboolean
is_word_char (char c)
{
  return g_ascii_isalnum (c) || c == '_';
}

static void
skip_space (Scanner *s)
{
  while (s->pos < s->len && is_space (s->data[s->pos]))
    s->pos++;
}

/* @len bytes from @start, cut short with “…” after
 * IVC_JSON_MAX_QUOTED_CHARS characters, never inside one. */
static char *
quote_text (const char *start,
            gsize       len)
{
  const char *end = start + len;
  const char *p = start;
  guint n = 0;

  while (p < end && n < IVC_JSON_MAX_QUOTED_CHARS)
    {
      p = g_utf8_find_next_char (p, end);
      if (p == NULL)
        p = end;
      n++;
    }

  if (p < end)
    return g_strdup_printf ("“%.*s…”", (int)(p - start), start);

  return g_strdup_printf ("“%.*s”", (int)len, start);
}

/* What stands at @pos, in words, for “expected …, found …”. */
static char *
describe_found (Scanner *s,
                gsize    pos)
{
  const char *p = s->data + pos;
  guchar c;
  gsize n;

  if (pos >= s->len)
    return g_strdup (_("the end of the file"));

  c = (guchar)*p;

  if (c == '/')
    return g_strdup (_("“/” (comments are not allowed in JSON)"));
  if (c == '\'')
    return g_strdup (_("“'” (texts must be in double quotes)"));
  if (c == '"')
    return g_strdup (_("a text"));
  if (c == '-' || is_digit (c))
    return g_strdup (_("a number"));
  if (c < 0x20 || c == 0x7F)
    return g_strdup_printf (_("the control character U+%04X"), c);

  if (is_word_char (c))
    {
      for (n = 0; pos + n < s->len && is_word_char (p[n]); n++)
        ;
      return quote_text (p, n);
    }

  if (c >= 0x80)
    {
      gunichar ch = g_utf8_get_char_validated (p, s->len - pos);

      if (ch == (gunichar)-1 || ch == (gunichar)-2)
        return g_strdup_printf (_("the byte 0x%02X, which is not UTF-8 text"), c);
      return quote_text (p, g_utf8_next_char (p) - p);
    }

  return quote_text (p, 1);
}

G_GNUC_PRINTF (3, 4)
static gboolean
fail_expected (Scanner    *s,
               gsize       offset,
               const char *format,
               ...)
{
  g_autofree char *found = describe_found (s, s->pos);
  g_autofree char *expected = NULL;
  va_list args;

  va_start (args, format);
  expected = g_strdup_vprintf (format, args);
  va_end (args);

  /* Bytes that are not UTF-8 are an encoding problem wherever they are. */
  if (s->pos < s->len && (guchar)s->data[s->pos] >= 0x80)
    {
      gunichar ch = g_utf8_get_char_validated (s->data + s->pos, s->len - s->pos);

      if (ch == (gunichar)-1 || ch == (gunichar)-2)
        return scanner_fail (s, IVC_JSON_ERROR_ENCODING, s->pos,
                             _("the file is not valid UTF-8 text"));
    }

  /* TRANSLATORS: “expected a value, found “x””; the first %s is what
   * JSON allows here, the second what the file has. */
  return scanner_fail (s, IVC_JSON_ERROR_SYNTAX, offset, _("expected %s, found %s"),
                       expected, found);
}

/* Four hexadecimal digits at @p, or -1. */
static int
read_hex4 (const char *p,
           const char *end)
{
  int value = 0;

  if (end - p < 4)
    return -1;

  for (guint i = 0; i < 4; i++)
    {
      int digit = g_ascii_xdigit_value (p[i]);

      if (digit < 0)
        return -1;
      value = value * 16 + digit;
    }

  return value;
}

/* A text in double quotes, at s->pos: the grammar, and what its escapes
 * decode to must be UTF-8 without NUL. */
static gboolean
scan_string (Scanner *s)
{
  const char *data = s->data;
  gsize start = s->pos;
  gsize pos = start + 1;

  for (;;)
    {
      guchar c;

      /* The common case first: plain ASCII text. */
      while (pos < s->len && (c = (guchar)data[pos]) >= 0x20 && c < 0x80 && c != '"' && c != '\\')
        pos++;

      if (pos >= s->len)
        return scanner_fail (s, IVC_JSON_ERROR_SYNTAX, start,
                             _("a text is not closed: the file ends before its closing double quote"));

      c = (guchar)data[pos];

      if (c == '"')
        {
          s->pos = pos + 1;
          return TRUE;
        }

      if (c < 0x20)
        return scanner_fail (s, IVC_JSON_ERROR_SYNTAX, pos,
                             _("a text contains the control character U+%04X; "
                               "write it as an escape such as \\n or \\t"),
                             c);

      if (c >= 0x80)
        {
          gunichar ch = g_utf8_get_char_validated (data + pos, s->len - pos);

          if (ch == (gunichar)-1 || ch == (gunichar)-2)
            return scanner_fail (s, IVC_JSON_ERROR_ENCODING, pos,
                                 _("the file is not valid UTF-8 text"));
          pos = g_utf8_next_char (data + pos) - data;
          continue;
        }

      /* A backslash. */
      if (pos + 1 >= s->len)
        return scanner_fail (s, IVC_JSON_ERROR_SYNTAX, start,
                             _("a text is not closed: the file ends before its closing double quote"));

      switch (data[pos + 1])
        {
        case '"': case '\\': case '/': case 'b': case 'f': case 'n': case 'r': case 't':
          pos += 2;
          break;

        case 'u':
          {
            int unit = read_hex4 (data + pos + 2, data + s->len);

            if (unit < 0)
              return scanner_fail (s, IVC_JSON_ERROR_SYNTAX, pos,
                                   _("“\\u” in a text must be followed by four hexadecimal digits"));

            if (unit == 0)
              return scanner_fail (s, IVC_JSON_ERROR_ENCODING, pos,
                                   _("a text contains “%.6s”, the NUL character, which is not allowed"),
                                   data + pos);

            if (unit >= 0xD800 && unit <= 0xDBFF)
              {
                int low = -1;

                if (pos + 7 < s->len && data[pos + 6] == '\\' && data[pos + 7] == 'u')
                  low = read_hex4 (data + pos + 8, data + s->len);

                if (low < 0xDC00 || low > 0xDFFF)
                  return scanner_fail (s, IVC_JSON_ERROR_ENCODING, pos,
                                       _("a text contains “%.6s”, half of a character written "
                                         "as a UTF-16 surrogate pair, without its other half"),
                                       data + pos);
                pos += 12;
              }
            else if (unit >= 0xDC00 && unit <= 0xDFFF)
              return scanner_fail (s, IVC_JSON_ERROR_ENCODING, pos,
                                   _("a text contains “%.6s”, half of a character written "
                                     "as a UTF-16 surrogate pair, without its other half"),
                                   data + pos);
            else
              pos += 6;
          }
          break;

        default:
          {
            gsize n = 1;

            if ((guchar)data[pos + 1] >= 0x80)
              {
                gunichar ch = g_utf8_get_char_validated (data + pos + 1, s->len - pos - 1);

                if (ch == (gunichar)-1 || ch == (gunichar)-2)
                  return scanner_fail (s, IVC_JSON_ERROR_ENCODING, pos + 1,
                                       _("the file is not valid UTF-8 text"));
                n = g_utf8_next_char (data + pos + 1) - (data + pos + 1);
              }
            else if ((guchar)data[pos + 1] < 0x20)
              return scanner_fail (s, IVC_JSON_ERROR_SYNTAX, pos,
                                   _("a text contains a backslash followed by the control "
                                     "character U+%04X"),
                                   (guint)(guchar)data[pos + 1]);

            return scanner_fail (s, IVC_JSON_ERROR_SYNTAX, pos,
                                 _("“\\%.*s” is not an escape JSON knows; a backslash is "
                                   "written “\\\\”"),
                                 (int)n, data + pos + 1);
          }
        }
    }
}

/* Whether the digits of a whole number, without sign or leading zeros,
 * fit in 64 bits. */
static gboolean
integer_fits (const char *digits,
              gsize       n,
              gboolean    negative)
{
  /* G_MAXINT64 and -G_MININT64 have 19 digits. */
  const char *limit = negative ? "9223372036854775808" : "9223372036854775807";

  if (n != 19)
    return n < 19;

  return memcmp (digits, limit, 19) <= 0;
}

/* A number as RFC 8259 writes it, at s->pos. */
static gboolean
scan_number (Scanner *s)
{
  const char *data = s->data;
  gsize start = s->pos;
  gsize pos = start;
  gsize digits;
  gboolean negative = FALSE;
  gboolean whole = TRUE;
  gboolean ok = TRUE;

  if (data[pos] == '-')
    {
      negative = TRUE;
      pos++;
    }

  digits = pos;
  if (pos < s->len && data[pos] == '0')
    pos++;
  else if (pos < s->len && is_digit (data[pos]))
    {
      while (pos < s->len && is_digit (data[pos]))
        pos++;
    }
  else
    ok = FALSE;

  if (ok && pos < s->len && data[pos] == '.')
    {
      whole = FALSE;
      pos++;
      if (pos >= s->len || !is_digit (data[pos]))
        ok = FALSE;
      while (pos < s->len && is_digit (data[pos]))
        pos++;
    }

  if (ok && pos < s->len && (data[pos] == 'e' || data[pos] == 'E'))
    {
      whole = FALSE;
      pos++;
      if (pos < s->len && (data[pos] == '+' || data[pos] == '-'))
        pos++;
      if (pos >= s->len || !is_digit (data[pos]))
        ok = FALSE;
      while (pos < s->len && is_digit (data[pos]))
        pos++;
    }

  /* “0x1F”, “01”, “1.e5”, “12abc”: one token, and not a number. */
  if (!ok || (pos < s->len && (is_word_char (data[pos]) || data[pos] == '.')))
    {
      g_autofree char *token = NULL;

      while (pos < s->len && (is_word_char (data[pos]) || data[pos] == '.' ||
                              data[pos] == '+' || data[pos] == '-'))
        pos++;
      token = quote_text (data + start, MAX (pos - start, 1));
      return scanner_fail (s, IVC_JSON_ERROR_SYNTAX, start,
                           _("%s is not a number as JSON writes them (like 12, -3 or 1.5)"),
                           token);
    }

  if (whole && !integer_fits (data + digits, pos - digits, negative))
    {
      g_autofree char *token = quote_text (data + start, pos - start);
      /* The limits as text, so that gettext sees the whole sentence. */
      g_autofree char *min = g_strdup_printf ("%" G_GINT64_FORMAT, (gint64)IVC_JSON_MIN_INTEGER);
      g_autofree char *max = g_strdup_printf ("%" G_GINT64_FORMAT, (gint64)IVC_JSON_MAX_INTEGER);

      return scanner_fail (s, IVC_JSON_ERROR_OUT_OF_RANGE, start,
                           _("the number %s is out of range: whole numbers must be from %s to %s"),
                           token, min, max);
    }

  s->pos = pos;
  return TRUE;
}

/* true, false or null at s->pos; anything else that starts with a letter
 * is not JSON. */
static gboolean
scan_word (Scanner    *s,
           const char *expected)
{
  const char *p = s->data + s->pos;
  gsize n = 0;

  while (s->pos + n < s->len && is_word_char (p[n]))
    n++;

  if ((n == 4 && memcmp (p, "true", 4) == 0) ||
      (n == 5 && memcmp (p, "false", 5) == 0) ||
      (n == 4 && memcmp (p, "null", 4) == 0))
    {
      s->pos += n;
      return TRUE;
    }

  return fail_expected (s, s->pos, "%s", expected);
}

/* A member name as the document means it: escapes decoded. scan_string()
 * has checked the text, so every escape here is a valid one. */
static char *
decode_name (const char *start,
             gsize       len)
{
  GString *name;

  if (memchr (start, '\\', len) == NULL)
    return g_strndup (start, len);

  name = g_string_sized_new (len);
  for (gsize i = 0; i < len; i++)
    {
      gunichar c;
      int unit;

      if (start[i] != '\\')
        {
          g_string_append_c (name, start[i]);
          continue;
        }

      i++;
      switch (start[i])
        {
        case 'b': g_string_append_c (name, '\b'); break;
        case 'f': g_string_append_c (name, '\f'); break;
        case 'n': g_string_append_c (name, '\n'); break;
        case 'r': g_string_append_c (name, '\r'); break;
        case 't': g_string_append_c (name, '\t'); break;
        case 'u':
          unit = read_hex4 (start + i + 1, start + len);
          c = (gunichar)unit;
          i += 4;
          if (unit >= 0xD800 && unit <= 0xDBFF)
            {
              int low = read_hex4 (start + i + 3, start + len);

              c = 0x10000 + (((gunichar)unit - 0xD800) << 10) + ((gunichar)low - 0xDC00);
              i += 6;
            }
          g_string_append_unichar (name, c);
          break;
        default:
          g_string_append_c (name, start[i]);
          break;
        }
    }

  return g_string_free (name, FALSE);
}

/**
 * ivc_json_reader_check:
 * @data: the text, not necessarily NUL-terminated
 * @len: its length in bytes
 * @max_depth: how many objects and lists may nest, the outermost included
 * @offset: (out) (optional): where the first problem is, in bytes
 * @error: an %IVC_JSON_ERROR whose message is only the reason, in words
 *
 * Checks that @data is one JSON value as RFC 8259 defines it, with white
 * space around it and nothing else: no comments, single quotes or trailing
 * commas; numbers as the grammar writes them and whole numbers that fit in
 * 64 bits; texts without raw control characters whose escapes decode to
 * UTF-8 without NUL; at most @max_depth levels of nesting. It stops at the
 * first problem. It does not recurse: its only memory is a stack of
 * @max_depth bytes, whatever @data holds.
 *
 * Returns: %TRUE if @data is such JSON
 */
gboolean
ivc_json_reader_check (const char  *data,
                       gsize        len,
                       guint        max_depth,
                       gsize       *offset,
                       GError     **error)
{
  g_autofree char *open = NULL;
  g_autoptr(GPtrArray) names = NULL;
  Scanner s = { data, len, 0, 0, error };
  Expect expect = EXPECT_VALUE;
  gsize value_end = 0;
  guint depth = 0;
  gboolean ok = TRUE;

  g_return_val_if_fail (data != NULL || len == 0, FALSE);
  g_return_val_if_fail (max_depth > 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  skip_space (&s);
  if (s.pos >= len)
    {
      ok = scanner_fail (&s, IVC_JSON_ERROR_EMPTY, 0, _("the file is empty"));
      goto out;
    }

  /* Which bracket each level opened: '[' or '{'; and for objects, the
   * names seen so far (json-glib would keep the last of two silently). */
  open = g_malloc (max_depth);
  names = g_ptr_array_new_full (max_depth, (GDestroyNotify)g_hash_table_unref);

  while (ok)
    {
      char c;

      skip_space (&s);

      if (expect == EXPECT_NOTHING)
        {
          if (s.pos < len)
            {
              g_autofree char *found = describe_found (&s, s.pos);

              ok = scanner_fail (&s, IVC_JSON_ERROR_SYNTAX, s.pos,
                                 _("found %s after the end of the JSON document"), found);
            }
          break;
        }

      /* At the end, c matches nothing that is allowed. */
      c = s.pos < len ? data[s.pos] : '\0';

      switch (expect)
        {
        case EXPECT_VALUE:
        case EXPECT_VALUE_OR_CLOSE:
          if (expect == EXPECT_VALUE_OR_CLOSE && c == ']' && s.pos < len)
            goto close;

          if (s.pos < len && (c == '{' || c == '['))
            {
              if (depth >= max_depth)
                {
                  ok = scanner_fail (&s, IVC_JSON_ERROR_TOO_DEEP, s.pos,
                                     _("the data is nested more than %u levels deep"), max_depth);
                  continue;
                }
              open[depth++] = c;
              if (c == '{')
                g_ptr_array_add (names, g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL));
              s.pos++;
              expect = c == '{' ? EXPECT_NAME_OR_CLOSE : EXPECT_VALUE_OR_CLOSE;
              continue;
            }

          if (s.pos < len && c == '"')
            ok = scan_string (&s);
          else if (s.pos < len && (c == '-' || is_digit (c)))
            ok = scan_number (&s);
          else if (s.pos < len && g_ascii_isalpha (c))
            ok = scan_word (&s, expect == EXPECT_VALUE ? _("a value") : _("a value or “]”"));
          else
            ok = fail_expected (&s, s.pos, "%s",
                                expect == EXPECT_VALUE ? _("a value") : _("a value or “]”"));

          if (ok)
            {
              value_end = s.pos - 1;
              expect = depth == 0 ? EXPECT_NOTHING : EXPECT_COMMA_OR_CLOSE;
            }
          continue;

        case EXPECT_NAME_OR_CLOSE:
        case EXPECT_NAME:
          if (expect == EXPECT_NAME_OR_CLOSE && c == '}' && s.pos < len)
            goto close;

          if (s.pos < len && c == '"')
            {
              gsize start = s.pos;

              ok = scan_string (&s);
              expect = EXPECT_COLON;
              if (ok)
                {
                  GHashTable *seen = g_ptr_array_index (names, names->len - 1);
                  char *name = decode_name (data + start + 1, s.pos - start - 2);

                  if (!g_hash_table_add (seen, name))
                    {
                      g_autofree char *quoted = quote_text (data + start + 1, s.pos - start - 2);

                      ok = scanner_fail (&s, IVC_JSON_ERROR_SYNTAX, start,
                                         _("the member %s appears twice in the same object; "
                                           "keep one of them"),
                                         quoted);
                    }
                }
            }
          else
            ok = fail_expected (&s, s.pos, "%s",
                                expect == EXPECT_NAME ? _("a member name in double quotes")
                                                      : _("a member name in double quotes or “}”"));
          continue;

        case EXPECT_COLON:
          if (s.pos < len && c == ':')
            {
              s.pos++;
              expect = EXPECT_VALUE;
            }
          else
            ok = fail_expected (&s, s.pos, "%s", _("“:” after the member name"));
          continue;

        case EXPECT_COMMA_OR_CLOSE:
          if (s.pos < len && c == ',')
            {
              s.pos++;
              expect = open[depth - 1] == '{' ? EXPECT_NAME : EXPECT_VALUE;
              continue;
            }

          if (s.pos < len && c == (open[depth - 1] == '{' ? '}' : ']'))
            goto close;

          /* What could have followed a comma means a missing comma,
           * which is missed at the end of the value before it. */
          if (s.pos < len && (c == '"' || c == '{' || c == '[' || c == '-' ||
                              g_ascii_isalnum (c)))
            ok = fail_expected (&s, value_end, "%s",
                                open[depth - 1] == '{' ? _("“,” or “}” after this value")
                                                       : _("“,” or “]” after this value"));
          else
            ok = fail_expected (&s, s.pos, "%s",
                                open[depth - 1] == '{' ? _("“,” or “}”") : _("“,” or “]”"));
          continue;

        case EXPECT_NOTHING:
        default:
          g_assert_not_reached ();
        }

    close:
      if (open[depth - 1] == '{')
        g_ptr_array_set_size (names, names->len - 1);
      depth--;
      s.pos++;
      value_end = s.pos - 1;
      expect = depth == 0 ? EXPECT_NOTHING : EXPECT_COMMA_OR_CLOSE;
    }

out:
  if (!ok && offset != NULL)
    *offset = s.error_offset;

  return ok;
}

/* Where json-glib stopped, read while it still knows: its position API
 * answers only during parsing, so from its ::error signal. Its message is
 * never parsed: it is translated, and its words are json-glib's own. */
typedef struct
{
  guint line;
  guint column;
} ParserPosition;

static void
on_parser_error_cb (JsonParser *parser,
                    gpointer    error,
                    gpointer    user_data)
{
  ParserPosition *position = user_data;

  position->line = json_parser_get_current_line (parser);
  position->column = json_parser_get_current_pos (parser);
}

static const char *
describe_parser_error (const GError *parser_error)
{
  if (parser_error->domain != JSON_PARSER_ERROR)
    return _("this is not valid JSON");

  /* An int, not the enum: newer json-glib has more codes. */
  switch (parser_error->code)
    {
    case JSON_PARSER_ERROR_TRAILING_COMMA:
      return _("a “,” is followed by no value");
    case JSON_PARSER_ERROR_MISSING_COMMA:
      return _("a “,” is missing");
    case JSON_PARSER_ERROR_MISSING_COLON:
      return _("a “:” is missing after the member name");
    case JSON_PARSER_ERROR_INVALID_BAREWORD:
      return _("a word without quotes that is not true, false or null");
    case JSON_PARSER_ERROR_EMPTY_MEMBER_NAME:
      return _("a member name is empty");
    case JSON_PARSER_ERROR_INVALID_DATA:
      return _("the file is not valid UTF-8 text");
    case JSON_PARSER_ERROR_PARSE:
    case JSON_PARSER_ERROR_UNKNOWN:
    default:
      return _("this is not valid JSON");
    }
}

/**
 * ivc_json_reader_parse:
 * @parser: the parser to load @data into
 * @data: the text, not necessarily NUL-terminated
 * @len: its length in bytes
 * @line: (out): on error, the 1-based line where json-glib stopped
 * @column: (out): on error, the 1-based column, in characters
 * @error: an %IVC_JSON_ERROR_SYNTAX in the application's words
 *
 * Has @parser build the tree from @data without the strict check first;
 * ivc_json_reader_load() checks, then calls this. On error the position
 * comes from json-glib's position API, never from its message.
 *
 * Returns: %TRUE if @parser holds the document
 */
gboolean
ivc_json_reader_parse (JsonParser  *parser,
                       const char  *data,
                       gsize        len,
                       guint       *line,
                       guint       *column,
                       GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  ParserPosition position = { 0, 0 };
  gulong handler;
  gboolean ok;

  g_return_val_if_fail (JSON_IS_PARSER (parser), FALSE);
  g_return_val_if_fail (data != NULL || len == 0, FALSE);
  g_return_val_if_fail (line != NULL && column != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  handler = g_signal_connect (parser, "error", G_CALLBACK (on_parser_error_cb), &position);
  ok = json_parser_load_from_data (parser, data ? data : "", len, &local_error);
  g_signal_handler_disconnect (parser, handler);

  if (ok)
    return TRUE;

  /* Errors found before json-glib scans (empty data, say) have no
   * position: they concern the start. */
  *line = MAX (position.line, 1);
  *column = position.line > 0
    ? ivc_json_byte_column_to_characters (data, len, position.line, position.column)
    : 1;
  g_set_error_literal (error, IVC_JSON_ERROR, IVC_JSON_ERROR_SYNTAX,
                       describe_parser_error (local_error));
  return FALSE;
}

/**
 * ivc_json_reader_load:
 * @parser: the parser to load @data into
 * @data: the text, not necessarily NUL-terminated
 * @len: its length in bytes
 * @max_depth: how many objects and lists may nest, the outermost included
 * @line: (out): on error, the 1-based line of the problem
 * @column: (out): on error, the 1-based column, in characters
 * @error: an %IVC_JSON_ERROR whose message is only the reason, in words,
 *   and valid UTF-8
 *
 * Checks @data with ivc_json_reader_check(), then has @parser build the
 * tree, which then has a root.
 *
 * Returns: %TRUE if @parser holds the document
 */
gboolean
ivc_json_reader_load (JsonParser  *parser,
                      const char  *data,
                      gsize        len,
                      guint        max_depth,
                      guint       *line,
                      guint       *column,
                      GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  gsize offset = 0;

  g_return_val_if_fail (JSON_IS_PARSER (parser), FALSE);
  g_return_val_if_fail (data != NULL || len == 0, FALSE);
  g_return_val_if_fail (line != NULL && column != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  *line = 0;
  *column = 0;

  if (!ivc_json_reader_check (data, len, max_depth, &offset, &local_error))
    {
      ivc_json_offset_to_line_column (data, len, offset, line, column);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

#if JSON_CHECK_VERSION (1, 10, 0)
  /* Where json-glib can be strict itself, it is. JSON_VERSION_MAX_ALLOWED
   * marks newer API as not to be used: here it is, on purpose, behind the
   * version check. */
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  json_parser_set_strict (parser, TRUE);
  G_GNUC_END_IGNORE_DEPRECATIONS
#endif

  /* Only reached when json-glib refuses what the scanner took, which
   * would be a bug in one of them. */
  if (!ivc_json_reader_parse (parser, data, len, line, column, error))
    return FALSE;

  if (json_parser_get_root (parser) == NULL)
    {
      *line = 1;
      *column = 1;
      g_set_error_literal (error, IVC_JSON_ERROR, IVC_JSON_ERROR_EMPTY, _("the file is empty"));
      return FALSE;
    }

  return TRUE;
}

/**
 * ivc_json_to_bytes:
 * @root: the file's tree
 *
 * A JSON file as the application writes them (candidate files, JSON
 * exports): indented by two, with a final line break. In any thread.
 *
 * Returns: (transfer full): the file's contents
 */
GBytes *
ivc_json_to_bytes (JsonNode *root)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  GString *text;

  g_return_val_if_fail (root != NULL, NULL);

  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);

  text = g_string_new (NULL);
  json_generator_to_gstring (generator, text);
  g_string_append_c (text, '\n');

  return g_string_free_to_bytes (text);
}
