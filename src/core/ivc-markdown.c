/* ivc-markdown.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The text a reader sees in a bank's Markdown, without its syntax: for
 * search (which matches what is shown, not the asterisks around it) and
 * for anything else that needs plain text. It is read from the same blocks
 * the view draws (IvcMarkdown): one walk of md4c's parse for both. Raw HTML
 * is never interpreted, so “<b>” stays text.
 */

#define G_LOG_DOMAIN "ivc-markdown"

#include "config.h"

#include <string.h>

#include "ivc-markdown.h"
#include "ivc-markdown-blocks.h"

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
  g_autoptr(IvcMarkdown) md = NULL;
  GString *out;

  g_return_val_if_fail (markdown != NULL, NULL);

  md = ivc_markdown_parse (markdown, length);
  out = g_string_sized_new (strlen (ivc_markdown_get_text (md)) + ivc_markdown_get_n_blocks (md));

  for (guint i = 0; i < ivc_markdown_get_n_blocks (md); i++)
    {
      const IvcMarkdownBlock *block = ivc_markdown_get_block (md, i);
      gsize start;

      if (i > 0)
        {
          const IvcMarkdownBlock *previous = ivc_markdown_get_block (md, i - 1);

          /* A table's cells on a line, apart; every other block on a line
           * of its own. */
          if (block->kind == IVC_MARKDOWN_BLOCK_TABLE_CELL &&
              previous->kind == IVC_MARKDOWN_BLOCK_TABLE_CELL &&
              previous->table == block->table && previous->row == block->row)
            g_string_append_c (out, ' ');
          else
            g_string_append_c (out, '\n');
        }

      start = out->len;
      for (guint j = 0; j < block->n_runs; j++)
        {
          const IvcMarkdownRun *run = ivc_markdown_get_run (md, block->first_run + j);

          g_string_append_len (out, ivc_markdown_get_text (md) + run->start, run->length);
        }

      /* A paragraph's line breaks join its words, as it reads; code keeps
       * its lines. */
      if (block->kind != IVC_MARKDOWN_BLOCK_CODE)
        {
          for (gsize k = start; k < out->len; k++)
            {
              if (out->str[k] == '\n')
                out->str[k] = ' ';
            }
        }
    }

  while (out->len > 0 && out->str[out->len - 1] == '\n')
    g_string_truncate (out, out->len - 1);

  return g_string_free (out, FALSE);
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
