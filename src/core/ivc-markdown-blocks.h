/* ivc-markdown-blocks.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * IvcMarkdown: a bank's CommonMark text (with tables and strikethrough,
 * without raw HTML) parsed by md4c into a flat list of blocks of styled
 * runs, for the view to draw and for search and exports to read as plain
 * text.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Deeper lists and quotes are drawn at this depth: the text stays, the
 * indentation stops growing. */
#define IVC_MARKDOWN_MAX_DEPTH       8
/* Past this many code blocks and table cells in one text, code blocks are
 * kept as plain paragraphs and table cells as lines: each is a widget. */
#define IVC_MARKDOWN_MAX_CODE_BLOCKS 64
#define IVC_MARKDOWN_MAX_TABLE_CELLS 1024

typedef enum {
  IVC_MARKDOWN_STYLE_EMPHASIS      = 1 << 0,
  IVC_MARKDOWN_STYLE_STRONG        = 1 << 1,
  IVC_MARKDOWN_STYLE_STRIKETHROUGH = 1 << 2,
  IVC_MARKDOWN_STYLE_CODE          = 1 << 3,
  IVC_MARKDOWN_STYLE_LINK          = 1 << 4,
} IvcMarkdownStyle;

typedef enum {
  IVC_MARKDOWN_BLOCK_PARAGRAPH,
  IVC_MARKDOWN_BLOCK_HEADING,
  IVC_MARKDOWN_BLOCK_CODE,
  IVC_MARKDOWN_BLOCK_RULE,
  IVC_MARKDOWN_BLOCK_TABLE_CELL,
} IvcMarkdownBlockKind;

typedef enum {
  IVC_MARKDOWN_ALIGN_DEFAULT,
  IVC_MARKDOWN_ALIGN_LEFT,
  IVC_MARKDOWN_ALIGN_CENTER,
  IVC_MARKDOWN_ALIGN_RIGHT,
} IvcMarkdownAlign;

/* A piece of text in one style: a byte range of ivc_markdown_get_text(). */
typedef struct
{
  gsize            start;
  gsize            length;
  IvcMarkdownStyle style;
  int              link;       /* index for ivc_markdown_get_link(), or -1 */
} IvcMarkdownRun;

/* A block: one paragraph of the drawn text (a heading, a list item's
 * paragraph, a code block, a table cell...). Breaks inside a paragraph
 * are "\n" in its runs; a code block is one run, indentation and all. */
typedef struct
{
  IvcMarkdownBlockKind kind;
  guint            heading_level;   /* 1–6 for a heading */
  guint            depth;           /* lists and quotes around it, capped */
  guint            quote_depth;     /* quotes around it, capped */
  char            *bullet;          /* the list marker of an item's first paragraph */
  gboolean         gap;             /* a blank line before it */
  guint            table;           /* a number shared by a table's cells */
  guint            row;
  guint            column;
  gboolean         header;
  IvcMarkdownAlign align;
  guint            first_run;
  guint            n_runs;
} IvcMarkdownBlock;

typedef struct _IvcMarkdown IvcMarkdown;

IvcMarkdown            *ivc_markdown_parse           (const char          *text,
                                                      gssize               length);
void                    ivc_markdown_free            (IvcMarkdown         *self);
const char             *ivc_markdown_get_text        (const IvcMarkdown   *self);
guint                   ivc_markdown_get_n_blocks    (const IvcMarkdown   *self);
const IvcMarkdownBlock *ivc_markdown_get_block       (const IvcMarkdown   *self,
                                                      guint                index);
const IvcMarkdownRun   *ivc_markdown_get_run         (const IvcMarkdown   *self,
                                                      guint                index);
const char             *ivc_markdown_get_link        (const IvcMarkdown   *self,
                                                      int                  index);
char                   *ivc_markdown_to_plain_text   (const char          *text);
char                   *ivc_markdown_dup_summary     (const char          *text);
gboolean                ivc_markdown_is_safe_link    (const char          *uri);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IvcMarkdown, ivc_markdown_free)

G_END_DECLS
