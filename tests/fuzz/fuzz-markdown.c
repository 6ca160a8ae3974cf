/* fuzz-markdown.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libFuzzer target: any bytes as a bank's Markdown text, through what the
 * detail pane draws from (ivc_markdown_parse()) and what search, list rows
 * and CSV read (the plain text and the summary). What is checked is what
 * the view relies on, whatever the text:
 *
 * - the text is valid UTF-8 without NUL bytes, and so is every run of it;
 * - every block's runs lie inside the text, in order;
 * - depths are capped, list markers are short, and a link is always a
 *   web or mail address;
 * - the plain text and the summary are valid UTF-8, the summary one line.
 *
 * The view (src/ui/ivc-markdown-view.c) inserts these runs as they are;
 * test-markdown-view covers it under a display.
 */

#include "config.h"

#include <string.h>

#include "ivc-markdown-blocks.h"

#include "fuzz-common.h"

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_init ();
  return 0;
}

static void
check_text (const char *what,
            const char *text,
            gsize       len,
            const char *data,
            gsize       size)
{
  fuzz_check (g_utf8_validate_len (text, len, NULL), what, data, size);
  fuzz_check (memchr (text, '\0', len) == NULL, what, data, size);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  const char *input = (const char *)data;
  g_autoptr(IvcMarkdown) md = ivc_markdown_parse (input, size);
  const char *text = ivc_markdown_get_text (md);
  gsize text_len = strlen (text);
  gsize previous_end = 0;

  check_text ("the parsed text is not valid UTF-8", text, text_len, input, size);

  for (guint i = 0; i < ivc_markdown_get_n_blocks (md); i++)
    {
      const IvcMarkdownBlock *block = ivc_markdown_get_block (md, i);

      fuzz_check (block->depth <= IVC_MARKDOWN_MAX_DEPTH, "a block is deeper than the cap", input, size);
      fuzz_check (block->quote_depth <= block->depth, "a quote is deeper than its block", input, size);
      fuzz_check (block->bullet == NULL || strlen (block->bullet) <= 16, "a list marker is too long", input, size);
      fuzz_check (block->kind != IVC_MARKDOWN_BLOCK_HEADING ||
                  (block->heading_level >= 1 && block->heading_level <= 6),
                  "a heading level is out of range", input, size);

      for (guint j = 0; j < block->n_runs; j++)
        {
          const IvcMarkdownRun *run = ivc_markdown_get_run (md, block->first_run + j);

          fuzz_check (run->start >= previous_end && run->start + run->length <= text_len,
                      "a run lies outside the text", input, size);
          check_text ("a run is not valid UTF-8 on its own", text + run->start, run->length, input, size);
          previous_end = run->start + run->length;

          if (run->style & IVC_MARKDOWN_STYLE_LINK)
            fuzz_check (ivc_markdown_is_safe_link (ivc_markdown_get_link (md, run->link)),
                        "a link is not a web or mail address", input, size);
          else
            fuzz_check (run->link == -1, "a run has a link but no link style", input, size);
        }
    }

  /* The plain text and summary take nul-terminated text, as banks give. */
  if (memchr (data, '\0', size) == NULL)
    {
      g_autofree char *copy = g_strndup (input, size);
      g_autofree char *valid = g_utf8_make_valid (copy, -1);
      g_autofree char *plain = ivc_markdown_to_plain_text (valid);
      g_autofree char *summary = ivc_markdown_dup_summary (valid);

      check_text ("the plain text is not valid UTF-8", plain, strlen (plain), input, size);
      check_text ("the summary is not valid UTF-8", summary, strlen (summary), input, size);
      fuzz_check (strchr (summary, '\n') == NULL, "the summary has a line break", input, size);
    }

  return 0;
}
