/* ivc-markdown.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The text a reader sees in a bank's Markdown, without its syntax: for
 * search (which matches what is shown, not the asterisks around it) and
 * for anything else that needs plain text. md4c parses; raw HTML is never
 * interpreted, so “<b>” stays text.
 */

#define G_LOG_DOMAIN "ivc-markdown"

#include "config.h"

#include <string.h>

#include <md4c.h>

#include "ivc-markdown.h"

typedef struct
{
  GString *out;
} Plain;

static void
end_line (Plain *plain)
{
  if (plain->out->len > 0 && plain->out->str[plain->out->len - 1] != '\n')
    g_string_append_c (plain->out, '\n');
}

static int
enter_block_cb (MD_BLOCKTYPE  type,
                void         *detail,
                void         *user_data)
{
  Plain *plain = user_data;

  /* Every block and every table cell starts apart from the text before. */
  if (type == MD_BLOCK_TD || type == MD_BLOCK_TH)
    {
      if (plain->out->len > 0 && plain->out->str[plain->out->len - 1] != '\n')
        g_string_append_c (plain->out, ' ');
    }
  else
    end_line (plain);

  return 0;
}

static int
leave_block_cb (MD_BLOCKTYPE  type,
                void         *detail,
                void         *user_data)
{
  Plain *plain = user_data;

  if (type != MD_BLOCK_TD && type != MD_BLOCK_TH)
    end_line (plain);

  return 0;
}

static int
span_cb (MD_SPANTYPE  type,
         void        *detail,
         void        *user_data)
{
  return 0;
}

/* “&amp;”, “&#233;”, “&#xE9;” as the character; other entities as written. */
static void
append_entity (GString       *out,
               const MD_CHAR *text,
               MD_SIZE        size)
{
  static const struct { const char *name; const char *text; } named[] = {
    { "&amp;", "&" }, { "&lt;", "<" }, { "&gt;", ">" }, { "&quot;", "\"" }, { "&apos;", "'" },
    { "&nbsp;", "\u00a0" },
  };

  if (size > 3 && text[1] == '#')
    {
      g_autofree char *digits = g_strndup (text + 2, size - 3);
      gboolean hex = digits[0] == 'x' || digits[0] == 'X';
      guint64 c = g_ascii_strtoull (hex ? digits + 1 : digits, NULL, hex ? 16 : 10);

      if (c > 0 && c <= 0x10FFFF && g_unichar_validate ((gunichar)c))
        {
          g_string_append_unichar (out, (gunichar)c);
          return;
        }
    }

  for (guint i = 0; i < G_N_ELEMENTS (named); i++)
    {
      if (strlen (named[i].name) == size && memcmp (named[i].name, text, size) == 0)
        {
          g_string_append (out, named[i].text);
          return;
        }
    }

  g_string_append_len (out, text, size);
}

static int
text_cb (MD_TEXTTYPE     type,
         const MD_CHAR  *text,
         MD_SIZE         size,
         void           *user_data)
{
  Plain *plain = user_data;

  switch (type)
    {
    case MD_TEXT_NULLCHAR:
      g_string_append (plain->out, "\xEF\xBF\xBD");
      break;
    case MD_TEXT_BR:
      g_string_append_c (plain->out, '\n');
      break;
    case MD_TEXT_SOFTBR:
      g_string_append_c (plain->out, ' ');
      break;
    case MD_TEXT_ENTITY:
      append_entity (plain->out, text, size);
      break;
    case MD_TEXT_NORMAL:
    case MD_TEXT_CODE:
    case MD_TEXT_HTML:
    case MD_TEXT_LATEXMATH:
    default:
      g_string_append_len (plain->out, text, size);
      break;
    }

  return 0;
}

/**
 * ivc_markdown_to_plain:
 * @markdown: CommonMark with tables and strikethrough, UTF-8
 * @length: its length in bytes, or -1 if NUL-terminated
 *
 * The text a reader sees: emphasis, code spans and links without their
 * marks (a link's text, not its address), escapes and entities resolved,
 * each block, list item and code line on a line of its own, table cells
 * separated by spaces. HTML is text, as it is shown.
 *
 * Returns: (transfer full): the plain text
 */
char *
ivc_markdown_to_plain (const char *markdown,
                       gssize      length)
{
  Plain plain;
  MD_PARSER parser = { 0, };
  gsize len;

  g_return_val_if_fail (markdown != NULL, NULL);

  len = length < 0 ? strlen (markdown) : (gsize)length;
  plain.out = g_string_sized_new (len);

  parser.abi_version = 0;
  parser.flags = MD_DIALECT_GITHUB | MD_FLAG_NOHTML;
  parser.enter_block = enter_block_cb;
  parser.leave_block = leave_block_cb;
  parser.enter_span = span_cb;
  parser.leave_span = span_cb;
  parser.text = text_cb;

  if (len > G_MAXUINT32 || md_parse (markdown, (MD_SIZE)len, &parser, &plain) != 0)
    {
      g_string_free (plain.out, TRUE);
      return g_strndup (markdown, len);
    }

  while (plain.out->len > 0 && plain.out->str[plain.out->len - 1] == '\n')
    g_string_truncate (plain.out, plain.out->len - 1);

  return g_string_free (plain.out, FALSE);
}

/**
 * ivc_markdown_has_syntax:
 * @text: UTF-8
 *
 * Returns: %FALSE if @text has none of the characters that Markdown turns
 *   into marks around or between words (so its plain text reads the same
 *   for search); %TRUE if it may
 */
gboolean
ivc_markdown_has_syntax (const char *text)
{
  g_return_val_if_fail (text != NULL, FALSE);

  return strpbrk (text, "*_`[]&\\~|<!") != NULL;
}
