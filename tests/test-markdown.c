/* test-markdown.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * IvcMarkdown: what md4c's parse becomes, and the plain text that search,
 * list rows and CSV read.
 */

#include "config.h"

#include <string.h>

#include "ivc-candidate.h"
#include "ivc-markdown.h"
#include "ivc-markdown-blocks.h"
#include "ivc-question.h"
#include "ivc-question-bank-loader.h"
#include "ivc-scorecard.h"
#include "ivc-text.h"

static char *
dup_block_text (const IvcMarkdown      *md,
                const IvcMarkdownBlock *block)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < block->n_runs; i++)
    {
      const IvcMarkdownRun *run = ivc_markdown_get_run (md, block->first_run + i);

      g_string_append_len (out, ivc_markdown_get_text (md) + run->start, run->length);
    }

  return g_string_free (out, FALSE);
}

/* The style of the run that holds @needle in @block. */
static IvcMarkdownStyle
style_of (const IvcMarkdown      *md,
          const IvcMarkdownBlock *block,
          const char             *needle)
{
  for (guint i = 0; i < block->n_runs; i++)
    {
      const IvcMarkdownRun *run = ivc_markdown_get_run (md, block->first_run + i);
      g_autofree char *text = g_strndup (ivc_markdown_get_text (md) + run->start, run->length);

      if (strstr (text, needle) != NULL)
        return run->style;
    }

  g_assert_not_reached ();
  return 0;
}

static void
test_plain_text_unchanged (void)
{
  const char *plain = "Explain how you would split a monolith.\nWhere would you start?\n\nMention the data first.";
  g_autoptr(IvcMarkdown) md = ivc_markdown_parse (plain, -1);
  g_autofree char *first = NULL;
  g_autofree char *text = ivc_markdown_to_plain_text (plain);

  g_assert_cmpuint (ivc_markdown_get_n_blocks (md), ==, 2);
  first = dup_block_text (md, ivc_markdown_get_block (md, 0));
  /* A single line break stays a line break, as plain text showed it. */
  g_assert_cmpstr (first, ==, "Explain how you would split a monolith.\nWhere would you start?");
  g_assert_false (ivc_markdown_get_block (md, 0)->gap);
  g_assert_true (ivc_markdown_get_block (md, 1)->gap);
  g_assert_cmpstr (text, ==, plain);

  /* Plain text keeps its spacing exactly; Markdown's is what is drawn. */
  {
    g_autofree char *tabbed = ivc_markdown_to_plain_text ("\tTabbed question?\n  indented");
    g_autofree char *escaped = ivc_markdown_to_plain_text ("Use \\*args");

    g_assert_cmpstr (tabbed, ==, "\tTabbed question?\n  indented");
    g_assert_cmpstr (escaped, ==, "Use *args");
  }
}

static void
test_inline_styles (void)
{
  g_autoptr(IvcMarkdown) md =
    ivc_markdown_parse ("Use *care*, **force**, ~~old~~ and `const x = 1;` &amp; &#x263A;", -1);
  const IvcMarkdownBlock *block = ivc_markdown_get_block (md, 0);
  g_autofree char *text = dup_block_text (md, block);

  g_assert_cmpstr (text, ==, "Use care, force, old and const x = 1; & ☺");
  g_assert_cmpint (style_of (md, block, "care"), ==, IVC_MARKDOWN_STYLE_EMPHASIS);
  g_assert_cmpint (style_of (md, block, "force"), ==, IVC_MARKDOWN_STYLE_STRONG);
  g_assert_cmpint (style_of (md, block, "old"), ==, IVC_MARKDOWN_STYLE_STRIKETHROUGH);
  g_assert_cmpint (style_of (md, block, "const x"), ==, IVC_MARKDOWN_STYLE_CODE);
  g_assert_cmpint (style_of (md, block, "Use "), ==, 0);
}

static void
test_code_block (void)
{
  const char *source = "Before:\n\n```js\nfunction f () {\n    return 1;\n}\n```\n\n    indented\n      more\n";
  g_autoptr(IvcMarkdown) md = ivc_markdown_parse (source, -1);
  g_autofree char *fenced = NULL;
  g_autofree char *indented = NULL;

  g_assert_cmpuint (ivc_markdown_get_n_blocks (md), ==, 3);
  g_assert_cmpint (ivc_markdown_get_block (md, 1)->kind, ==, IVC_MARKDOWN_BLOCK_CODE);
  fenced = dup_block_text (md, ivc_markdown_get_block (md, 1));
  g_assert_cmpstr (fenced, ==, "function f () {\n    return 1;\n}");
  g_assert_cmpint (ivc_markdown_get_block (md, 2)->kind, ==, IVC_MARKDOWN_BLOCK_CODE);
  indented = dup_block_text (md, ivc_markdown_get_block (md, 2));
  g_assert_cmpstr (indented, ==, "indented\n  more");
}

static void
test_lists (void)
{
  const char *source = "- one\n- two\n  - nested\n- after\n\n3. three\n4. four\n";
  g_autoptr(IvcMarkdown) md = ivc_markdown_parse (source, -1);
  g_autofree char *plain = ivc_markdown_to_plain_text (source);

  g_assert_cmpuint (ivc_markdown_get_n_blocks (md), ==, 6);
  g_assert_cmpstr (ivc_markdown_get_block (md, 0)->bullet, ==, "•");
  g_assert_cmpuint (ivc_markdown_get_block (md, 0)->depth, ==, 1);
  g_assert_cmpstr (ivc_markdown_get_block (md, 2)->bullet, ==, "◦");
  g_assert_cmpuint (ivc_markdown_get_block (md, 2)->depth, ==, 2);
  /* No blank line after a nested list inside a tight one. */
  g_assert_false (ivc_markdown_get_block (md, 3)->gap);
  g_assert_cmpstr (ivc_markdown_get_block (md, 4)->bullet, ==, "3.");
  g_assert_true (ivc_markdown_get_block (md, 4)->gap);
  g_assert_cmpstr (ivc_markdown_get_block (md, 5)->bullet, ==, "4.");
  g_assert_cmpstr (plain, ==, "• one\n• two\n◦ nested\n• after\n\n3. three\n4. four");
}

static void
test_quote_heading_table (void)
{
  const char *source = "## Context\n\n> Quoted *words*\n\n| Name | Big-O |\n|:--|--:|\n| `sort` | n log n |\n";
  g_autoptr(IvcMarkdown) md = ivc_markdown_parse (source, -1);
  g_autofree char *plain = ivc_markdown_to_plain_text (source);
  const IvcMarkdownBlock *cell;

  g_assert_cmpint (ivc_markdown_get_block (md, 0)->kind, ==, IVC_MARKDOWN_BLOCK_HEADING);
  g_assert_cmpuint (ivc_markdown_get_block (md, 0)->heading_level, ==, 2);
  g_assert_cmpuint (ivc_markdown_get_block (md, 1)->quote_depth, ==, 1);
  g_assert_cmpuint (ivc_markdown_get_n_blocks (md), ==, 6);
  cell = ivc_markdown_get_block (md, 3);
  g_assert_cmpint (cell->kind, ==, IVC_MARKDOWN_BLOCK_TABLE_CELL);
  g_assert_true (cell->header);
  g_assert_cmpuint (cell->column, ==, 1);
  g_assert_cmpint (cell->align, ==, IVC_MARKDOWN_ALIGN_RIGHT);
  g_assert_cmpint (style_of (md, cell, "Big-O"), ==, IVC_MARKDOWN_STYLE_STRONG);
  cell = ivc_markdown_get_block (md, 4);
  g_assert_false (cell->header);
  g_assert_cmpuint (cell->row, ==, 1);
  g_assert_cmpint (style_of (md, cell, "sort"), ==, IVC_MARKDOWN_STYLE_CODE);
  g_assert_cmpstr (plain, ==, "Context\n\nQuoted words\n\nName\tBig-O\nsort\tn log n");
}

static void
test_links_and_images (void)
{
  const char *source = "See [the docs](https://example.org/a?b=1&amp;c=2), "
                       "[local](file:///etc/passwd), [js](javascript:alert(1)) and ![a diagram](https://example.org/x.png).";
  g_autoptr(IvcMarkdown) md = ivc_markdown_parse (source, -1);
  const IvcMarkdownBlock *block = ivc_markdown_get_block (md, 0);
  g_autofree char *text = dup_block_text (md, block);

  g_assert_cmpstr (text, ==, "See the docs, local, js and a diagram.");
  g_assert_cmpint (style_of (md, block, "the docs"), ==, IVC_MARKDOWN_STYLE_LINK);
  g_assert_cmpstr (ivc_markdown_get_link (md, 0), ==, "https://example.org/a?b=1&c=2");
  /* Only web and mail addresses are links; an image is its alt text. */
  g_assert_cmpint (style_of (md, block, "local"), ==, 0);
  g_assert_cmpint (style_of (md, block, "js"), ==, 0);
  g_assert_cmpint (style_of (md, block, "a diagram"), ==, 0);
}

static void
test_no_html (void)
{
  const char *source = "<script>alert('x')</script>\n\n<b>bold?</b> &lt;i&gt; <span foreground=\"red\">x</span>";
  g_autofree char *plain = ivc_markdown_to_plain_text (source);

  g_assert_cmpstr (plain, ==, "<script>alert('x')</script>\n\n<b>bold?</b> <i> <span foreground=\"red\">x</span>");
}

static void
test_summary (void)
{
  g_autofree char *a = ivc_markdown_dup_summary ("What does `this` refer to\nin an *arrow* function?\n\n```js\nx\n```");
  g_autofree char *b = ivc_markdown_dup_summary ("\n\n# Heading\n\nBody");
  g_autofree char *c = ivc_markdown_dup_summary ("");
  g_autofree char *long_text = g_strnfill (5000, 'x');
  g_autofree char *d = ivc_markdown_dup_summary (long_text);

  g_assert_cmpstr (a, ==, "What does this refer to in an arrow function?");
  g_assert_cmpstr (b, ==, "Heading");
  g_assert_cmpstr (c, ==, "");
  g_assert_cmpuint (g_utf8_strlen (d, -1), <, 500);
  g_assert_true (g_str_has_suffix (d, "…"));
}

static void
test_hostile (void)
{
  GString *lists = g_string_new (NULL);
  GString *quotes = g_string_new (NULL);
  GString *code = g_string_new ("```\n");
  g_autofree char *invalid = g_strdup ("caf\xc3 \xff\xfe bad &#0; &#xD800; &#99999999999;");
  g_autoptr(IvcMarkdown) md = NULL;
  g_autoptr(IvcMarkdown) md_quotes = NULL;
  g_autoptr(IvcMarkdown) md_code = NULL;
  g_autoptr(IvcMarkdown) md_invalid = NULL;
  g_autoptr(IvcMarkdown) md_nul = NULL;

  for (guint i = 0; i < 10000; i++)
    g_string_append (lists, "- ");
  g_string_append (lists, "deep");
  for (guint i = 0; i < 10000; i++)
    g_string_append (quotes, "> ");
  g_string_append (quotes, "deep");
  while (code->len < 1024 * 1024)
    g_string_append (code, "    if (x) { y (); }  // <b>not markup</b>\n");
  g_string_append (code, "```\n");

  md = ivc_markdown_parse (lists->str, lists->len);
  g_assert_cmpuint (ivc_markdown_get_n_blocks (md), >, 0);
  for (guint i = 0; i < ivc_markdown_get_n_blocks (md); i++)
    g_assert_cmpuint (ivc_markdown_get_block (md, i)->depth, <=, IVC_MARKDOWN_MAX_DEPTH);
  g_assert_nonnull (strstr (ivc_markdown_get_text (md), "deep"));

  md_quotes = ivc_markdown_parse (quotes->str, quotes->len);
  g_assert_cmpuint (ivc_markdown_get_block (md_quotes, 0)->quote_depth, ==, IVC_MARKDOWN_MAX_DEPTH);
  g_assert_nonnull (strstr (ivc_markdown_get_text (md_quotes), "deep"));

  md_code = ivc_markdown_parse (code->str, code->len);
  g_assert_cmpuint (ivc_markdown_get_n_blocks (md_code), ==, 1);
  g_assert_cmpuint (strlen (ivc_markdown_get_text (md_code)), >, 1000000);

  md_invalid = ivc_markdown_parse (invalid, -1);
  g_assert_true (g_utf8_validate (ivc_markdown_get_text (md_invalid), -1, NULL));

  md_nul = ivc_markdown_parse ("a\0b", 3);
  g_assert_true (g_utf8_validate (ivc_markdown_get_text (md_nul), -1, NULL));
  g_assert_cmpstr (ivc_markdown_get_text (md_nul), ==, "a\357\277\275b");

  g_string_free (lists, TRUE);
  g_string_free (quotes, TRUE);
  g_string_free (code, TRUE);
}

static void
test_many_code_blocks (void)
{
  GString *source = g_string_new (NULL);
  g_autoptr(IvcMarkdown) md = NULL;
  guint n_code = 0;

  for (guint i = 0; i < IVC_MARKDOWN_MAX_CODE_BLOCKS + 10; i++)
    g_string_append_printf (source, "```\ncode %u\n```\n\n", i);

  md = ivc_markdown_parse (source->str, source->len);
  g_assert_cmpuint (ivc_markdown_get_n_blocks (md), ==, IVC_MARKDOWN_MAX_CODE_BLOCKS + 10);
  for (guint i = 0; i < ivc_markdown_get_n_blocks (md); i++)
    {
      const IvcMarkdownBlock *block = ivc_markdown_get_block (md, i);

      if (block->kind == IVC_MARKDOWN_BLOCK_CODE)
        n_code++;
      else
        g_assert_cmpint (style_of (md, block, "code"), ==, IVC_MARKDOWN_STYLE_CODE);
    }
  g_assert_cmpuint (n_code, ==, IVC_MARKDOWN_MAX_CODE_BLOCKS);

  g_string_free (source, TRUE);
}

static gboolean
question_matches (IvcQuestion *question,
                  const char  *query)
{
  g_auto(GStrv) words = ivc_text_search_words (query);

  return ivc_question_matches (question, (const char * const *)words);
}

/* Search finds the words a reader sees, and not Markdown's syntax. */
static void
test_search (void)
{
  const char *tags[] = { "javascript", NULL };
  g_autoptr(IvcQuestion) question =
    ivc_question_new ("q", "What does **this** mean in an [arrow](https://example.org/arrows) function?",
                      "Use `Function.prototype.bind` or\n\n```js\nconst self = this;\n```",
                      "~~Confuses~~ scope &amp; context", tags);

  g_assert_true (question_matches (question, "this mean"));
  g_assert_true (question_matches (question, "arrow function"));
  g_assert_true (question_matches (question, "prototype.bind"));
  g_assert_true (question_matches (question, "const self"));
  g_assert_true (question_matches (question, "scope & context"));
  g_assert_false (question_matches (question, "**this**"));
  g_assert_false (question_matches (question, "example.org"));
  g_assert_false (question_matches (question, "```"));
  g_assert_false (question_matches (question, "&amp;"));
}

/* The scorecard carries the rubric anchor of the score given. */
static void
test_scorecard_anchor (void)
{
  static const char bank_json[] =
    "{\"format\": 2, \"id\": \"rubric\", \"title\": \"Rubric\", \"levels\": [{\"title\": \"One\", \"questions\": ["
    " {\"id\": \"a\", \"question\": \"What is *this*?\", \"rubric\": {\"1\": \"Nothing\", \"3\": \"Most of **it**\"}},"
    " {\"id\": \"b\", \"question\": \"Plain?\"}]}]}";
  g_autoptr(GBytes) bytes = g_bytes_new_static (bank_json, strlen (bank_json));
  g_autoptr(GError) error = NULL;
  g_autoptr(IvcQuestionBank) bank = ivc_question_bank_new_from_bytes (bytes, "rubric.json", NULL, &error);
  g_autoptr(IvcCandidate) candidate = ivc_candidate_new ("c", "C");
  g_autoptr(IvcScorecard) scorecard = NULL;

  g_assert_no_error (error);
  ivc_candidate_set_bank_id (candidate, "rubric");
  ivc_evaluation_set_score (ivc_candidate_ensure_evaluation (candidate, "a"), IVC_SCORE_GOOD);
  ivc_evaluation_set_score (ivc_candidate_ensure_evaluation (candidate, "b"), IVC_SCORE_POOR);
  scorecard = ivc_scorecard_new (candidate, bank);

  g_assert_cmpstr (ivc_scorecard_find_entry (scorecard, "a")->rubric_anchor, ==, "Most of **it**");
  /* No anchor for the score given, or no rubric at all. */
  g_assert_null (ivc_scorecard_find_entry (scorecard, "b")->rubric_anchor);
  ivc_evaluation_set_score (ivc_candidate_ensure_evaluation (candidate, "a"), IVC_SCORE_STRONG);
  g_clear_object (&scorecard);
  scorecard = ivc_scorecard_new (candidate, bank);
  g_assert_null (ivc_scorecard_find_entry (scorecard, "a")->rubric_anchor);
}

/* Search reads the same blocks the view draws: its text is what a reader
 * sees, word for word, whatever md4c hands the two (a NUL entity is the
 * replacement character on screen and in search alike; a task item keeps
 * its box). */
static void
test_plain_from_blocks (void)
{
  static const char * const texts[] = {
    "&#0;z",
    "- [ ] task",
    "Some *soft*\nbreak and `code`",
    "| a | b |\n|---|---|\n| c | d |",
    "> quoted [link](https://example.org) &amp; <b>html</b>",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autofree char *plain = ivc_markdown_to_plain (texts[i], -1);
      g_autofree char *shown = ivc_markdown_to_plain_text (texts[i]);
      g_auto(GStrv) plain_words = g_strsplit_set (plain, " \t\n", -1);
      g_auto(GStrv) shown_words = g_strsplit_set (shown, " \t\n", -1);
      g_autofree char *plain_joined = NULL;
      g_autofree char *shown_joined = NULL;
      guint n = 0;

      /* Words only: spacing and list markers are the view's own. */
      for (guint j = 0; plain_words[j]; j++)
        if (*plain_words[j] != '\0')
          plain_words[n++] = plain_words[j];
        else
          g_free (plain_words[j]);
      plain_words[n] = NULL;
      n = 0;
      for (guint j = 0; shown_words[j]; j++)
        if (*shown_words[j] != '\0' && !g_str_equal (shown_words[j], "•"))
          shown_words[n++] = shown_words[j];
        else
          g_free (shown_words[j]);
      shown_words[n] = NULL;

      plain_joined = g_strjoinv (" ", plain_words);
      shown_joined = g_strjoinv (" ", shown_words);
      g_assert_cmpstr (plain_joined, ==, shown_joined);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ivc/markdown/plain-text-unchanged", test_plain_text_unchanged);
  g_test_add_func ("/ivc/markdown/inline-styles", test_inline_styles);
  g_test_add_func ("/ivc/markdown/code-block", test_code_block);
  g_test_add_func ("/ivc/markdown/lists", test_lists);
  g_test_add_func ("/ivc/markdown/quote-heading-table", test_quote_heading_table);
  g_test_add_func ("/ivc/markdown/links-and-images", test_links_and_images);
  g_test_add_func ("/ivc/markdown/no-html", test_no_html);
  g_test_add_func ("/ivc/markdown/summary", test_summary);
  g_test_add_func ("/ivc/markdown/hostile", test_hostile);
  g_test_add_func ("/ivc/markdown/many-code-blocks", test_many_code_blocks);
  g_test_add_func ("/ivc/markdown/search", test_search);
  g_test_add_func ("/ivc/markdown/plain-from-blocks", test_plain_from_blocks);
  g_test_add_func ("/ivc/markdown/scorecard-anchor", test_scorecard_anchor);

  return g_test_run ();
}
