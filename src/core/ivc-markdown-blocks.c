/* ivc-markdown-blocks.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * IvcMarkdown: md4c's callbacks turned into a flat list of blocks of styled
 * runs. Raw HTML is off: "<script>" is text like any other, and nothing
 * here makes Pango markup.
 */

#define G_LOG_DOMAIN "ivc-markdown-blocks"

#include "config.h"

#include <md4c.h>
#include <string.h>

#include "ivc-markdown-blocks.h"

struct _IvcMarkdown
{
  GString   *text;
  GArray    *blocks;   /* IvcMarkdownBlock */
  GArray    *runs;     /* IvcMarkdownRun */
  GPtrArray *links;    /* char * */
};

typedef struct
{
  gboolean ordered;
  guint    next;
} ListLevel;

typedef struct
{
  IvcMarkdown *md;
  const char  *input;           /* the text md4c parses */
  gsize        input_len;
  GArray      *lists;           /* ListLevel */
  guint        depth;           /* lists and quotes, not capped */
  guint        quote_depth;
  char        *pending_bullet;  /* of an item whose first paragraph is to come */
  gboolean     gap_pending;
  gboolean     leaf_open;
  guint        n_emphasis;
  guint        n_strong;
  guint        n_strikethrough;
  guint        n_code;
  int          link;
  guint        n_links;         /* open link spans, safe or not */
  guint        n_code_blocks;
  guint        n_cells;
  guint        n_tables;
  gboolean     in_table;
  gboolean     in_header;
  guint        row;
  guint        column;
} Walker;

static void
block_clear (gpointer data)
{
  IvcMarkdownBlock *block = data;

  g_clear_pointer (&block->bullet, g_free);
}

static IvcMarkdownBlock *
current_block (Walker *w)
{
  g_assert (w->leaf_open);
  return &g_array_index (w->md->blocks, IvcMarkdownBlock, w->md->blocks->len - 1);
}

static IvcMarkdownBlock *
open_leaf (Walker               *w,
           IvcMarkdownBlockKind  kind)
{
  IvcMarkdownBlock block = { 0, };

  block.kind = kind;
  block.depth = MIN (w->depth, IVC_MARKDOWN_MAX_DEPTH);
  block.quote_depth = MIN (w->quote_depth, IVC_MARKDOWN_MAX_DEPTH);
  block.bullet = g_steal_pointer (&w->pending_bullet);
  block.gap = w->gap_pending && w->md->blocks->len > 0;
  block.first_run = w->md->runs->len;
  w->gap_pending = FALSE;

  g_array_append_val (w->md->blocks, block);
  w->leaf_open = TRUE;

  return current_block (w);
}

static void
close_leaf (Walker *w)
{
  w->leaf_open = FALSE;
}

static IvcMarkdownStyle
current_style (Walker *w)
{
  IvcMarkdownStyle style = 0;

  if (w->n_emphasis > 0)
    style |= IVC_MARKDOWN_STYLE_EMPHASIS;
  if (w->n_strong > 0)
    style |= IVC_MARKDOWN_STYLE_STRONG;
  if (w->n_strikethrough > 0)
    style |= IVC_MARKDOWN_STYLE_STRIKETHROUGH;
  if (w->n_code > 0)
    style |= IVC_MARKDOWN_STYLE_CODE;
  if (w->link >= 0)
    style |= IVC_MARKDOWN_STYLE_LINK;

  return style;
}

static void
add_text (Walker           *w,
          const char       *text,
          gsize             length,
          IvcMarkdownStyle  style)
{
  IvcMarkdownBlock *block;
  GArray *runs = w->md->runs;
  int link = (style & IVC_MARKDOWN_STYLE_LINK) ? w->link : -1;

  if (length == 0)
    return;

  block = w->leaf_open ? current_block (w) : open_leaf (w, IVC_MARKDOWN_BLOCK_PARAGRAPH);

  /* One run for text in one style, however md4c cut it. */
  if (block->n_runs > 0)
    {
      IvcMarkdownRun *last = &g_array_index (runs, IvcMarkdownRun, runs->len - 1);

      if (last->style == style && last->link == link &&
          last->start + last->length == w->md->text->len)
        {
          g_string_append_len (w->md->text, text, length);
          last->length += length;
          return;
        }
    }

  {
    IvcMarkdownRun run = { w->md->text->len, length, style, link };

    g_string_append_len (w->md->text, text, length);
    g_array_append_val (runs, run);
    block->n_runs++;
  }
}

/* The entities HTML has beyond these are rare in interview questions; an
 * unknown one stays as written. */
static const struct { const char *name; const char *text; } named_entities[] = {
  { "amp", "&" }, { "lt", "<" }, { "gt", ">" }, { "quot", "\"" }, { "apos", "'" },
  { "nbsp", "\302\240" }, { "copy", "©" }, { "reg", "®" }, { "trade", "™" },
  { "mdash", "—" }, { "ndash", "–" }, { "hellip", "…" }, { "laquo", "«" },
  { "raquo", "»" }, { "lsquo", "‘" }, { "rsquo", "’" }, { "ldquo", "“" },
  { "rdquo", "”" }, { "bull", "•" }, { "middot", "·" }, { "times", "×" },
  { "divide", "÷" }, { "rarr", "→" }, { "larr", "←" }, { "le", "≤" },
  { "ge", "≥" }, { "ne", "≠" }, { "deg", "°" }, { "euro", "€" }, { "pound", "£" },
  { "sect", "§" }, { "para", "¶" }, { "shy", "\302\255" },
};

static void
append_entity (GString    *out,
               const char *entity,
               gsize       length)
{
  /* md4c hands over "&...;" as it stands in the text. */
  if (length >= 4 && entity[1] == '#')
    {
      gboolean hex = entity[2] == 'x' || entity[2] == 'X';
      g_autofree char *digits = g_strndup (entity + (hex ? 3 : 2), length - (hex ? 4 : 3));
      guint64 value = g_ascii_strtoull (digits, NULL, hex ? 16 : 10);
      gunichar c = value <= 0x10FFFF ? (gunichar)value : 0xFFFD;

      if (c == 0 || !g_unichar_validate (c))
        c = 0xFFFD;
      g_string_append_unichar (out, c);
      return;
    }

  for (gsize i = 0; i < G_N_ELEMENTS (named_entities); i++)
    {
      const char *name = named_entities[i].name;

      if (length == strlen (name) + 2 && strncmp (entity + 1, name, length - 2) == 0)
        {
          g_string_append (out, named_entities[i].text);
          return;
        }
    }

  g_string_append_len (out, entity, length);
}

static char *
dup_attribute (const MD_ATTRIBUTE *attribute)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; attribute->substr_offsets[i] < attribute->size; i++)
    {
      const char *piece = attribute->text + attribute->substr_offsets[i];
      gsize length = attribute->substr_offsets[i + 1] - attribute->substr_offsets[i];

      switch (attribute->substr_types[i])
        {
        case MD_TEXT_ENTITY:
          append_entity (out, piece, length);
          break;

        case MD_TEXT_NULLCHAR:
          g_string_append (out, "\357\277\275");
          break;

        case MD_TEXT_NORMAL:
        case MD_TEXT_BR:
        case MD_TEXT_SOFTBR:
        case MD_TEXT_CODE:
        case MD_TEXT_HTML:
        case MD_TEXT_LATEXMATH:
        default:
          g_string_append_len (out, piece, length);
          break;
        }
    }

  return g_string_free (out, FALSE);
}

/**
 * ivc_markdown_is_safe_link:
 *
 * Only web and mail addresses become links: a bank is somebody else's file,
 * and a click must not run or open anything on this computer.
 *
 * Returns: %TRUE if @uri may be offered as a link
 */
gboolean
ivc_markdown_is_safe_link (const char *uri)
{
  g_autofree char *scheme = NULL;

  g_return_val_if_fail (uri != NULL, FALSE);

  scheme = g_uri_parse_scheme (uri);
  if (scheme == NULL)
    return FALSE;

  return (g_ascii_strcasecmp (scheme, "https") == 0 ||
          g_ascii_strcasecmp (scheme, "http") == 0 ||
          g_ascii_strcasecmp (scheme, "mailto") == 0) &&
         g_uri_is_valid (uri, G_URI_FLAGS_NONE, NULL);
}

static char *
dup_bullet (Walker *w)
{
  ListLevel *level;
  static const char *const marks[] = { "•", "◦", "▪" };

  if (w->lists->len == 0)
    return g_strdup ("•");

  level = &g_array_index (w->lists, ListLevel, w->lists->len - 1);
  if (level->ordered)
    return g_strdup_printf ("%u.", level->next++);

  return g_strdup (marks[(w->lists->len - 1) % G_N_ELEMENTS (marks)]);
}

static int
enter_block_cb (MD_BLOCKTYPE  type,
                void         *detail,
                void         *user_data)
{
  Walker *w = user_data;

  close_leaf (w);

  switch (type)
    {
    case MD_BLOCK_DOC:
      break;

    case MD_BLOCK_QUOTE:
      w->depth++;
      w->quote_depth++;
      break;

    case MD_BLOCK_UL:
    case MD_BLOCK_OL:
      {
        ListLevel level = { type == MD_BLOCK_OL, 1 };

        if (type == MD_BLOCK_OL)
          level.next = ((MD_BLOCK_OL_DETAIL *)detail)->start;
        g_array_append_val (w->lists, level);
        w->depth++;
      }
      break;

    case MD_BLOCK_LI:
      g_free (w->pending_bullet);
      w->pending_bullet = dup_bullet (w);
      break;

    case MD_BLOCK_HR:
      open_leaf (w, IVC_MARKDOWN_BLOCK_RULE);
      break;

    case MD_BLOCK_H:
      open_leaf (w, IVC_MARKDOWN_BLOCK_HEADING)->heading_level =
        CLAMP (((MD_BLOCK_H_DETAIL *)detail)->level, 1, 6);
      break;

    case MD_BLOCK_CODE:
      /* Past the limit a code block is a paragraph in code style. */
      if (++w->n_code_blocks <= IVC_MARKDOWN_MAX_CODE_BLOCKS)
        open_leaf (w, IVC_MARKDOWN_BLOCK_CODE);
      else
        open_leaf (w, IVC_MARKDOWN_BLOCK_PARAGRAPH);
      w->n_code++;
      break;

    case MD_BLOCK_HTML:
    case MD_BLOCK_P:
      open_leaf (w, IVC_MARKDOWN_BLOCK_PARAGRAPH);
      break;

    case MD_BLOCK_TABLE:
      w->in_table = TRUE;
      w->n_tables++;
      w->row = 0;
      break;

    case MD_BLOCK_THEAD:
      w->in_header = TRUE;
      break;

    case MD_BLOCK_TBODY:
      w->in_header = FALSE;
      break;

    case MD_BLOCK_TR:
      w->column = 0;
      break;

    case MD_BLOCK_TH:
    case MD_BLOCK_TD:
      if (++w->n_cells <= IVC_MARKDOWN_MAX_TABLE_CELLS)
        {
          IvcMarkdownBlock *cell = open_leaf (w, IVC_MARKDOWN_BLOCK_TABLE_CELL);

          cell->table = w->n_tables;
          cell->row = w->row;
          cell->column = w->column;
          cell->header = w->in_header;
          switch (((MD_BLOCK_TD_DETAIL *)detail)->align)
            {
            case MD_ALIGN_LEFT:
              cell->align = IVC_MARKDOWN_ALIGN_LEFT;
              break;
            case MD_ALIGN_CENTER:
              cell->align = IVC_MARKDOWN_ALIGN_CENTER;
              break;
            case MD_ALIGN_RIGHT:
              cell->align = IVC_MARKDOWN_ALIGN_RIGHT;
              break;
            case MD_ALIGN_DEFAULT:
            default:
              cell->align = IVC_MARKDOWN_ALIGN_DEFAULT;
              break;
            }
        }
      else
        {
          open_leaf (w, IVC_MARKDOWN_BLOCK_PARAGRAPH);
        }
      if (w->in_header)
        w->n_strong++;
      break;

    default:
      break;
    }

  return 0;
}

static int
leave_block_cb (MD_BLOCKTYPE  type,
                void         *detail,
                void         *user_data)
{
  Walker *w = user_data;

  switch (type)
    {
    case MD_BLOCK_QUOTE:
      close_leaf (w);
      w->depth--;
      w->quote_depth--;
      w->gap_pending = TRUE;
      break;

    case MD_BLOCK_UL:
    case MD_BLOCK_OL:
      close_leaf (w);
      g_array_set_size (w->lists, w->lists->len - 1);
      w->depth--;
      /* The item after a nested list of a tight list follows it at once. */
      if (w->lists->len == 0)
        w->gap_pending = TRUE;
      break;

    case MD_BLOCK_LI:
      /* An empty item still shows its marker. */
      if (w->pending_bullet != NULL)
        open_leaf (w, IVC_MARKDOWN_BLOCK_PARAGRAPH);
      close_leaf (w);
      break;

    case MD_BLOCK_CODE:
      {
        /* md4c ends every line of code with "\n", the last one too. */
        IvcMarkdownBlock *block = w->leaf_open ? current_block (w) : NULL;

        if (block != NULL && block->n_runs > 0)
          {
            IvcMarkdownRun *last = &g_array_index (w->md->runs, IvcMarkdownRun,
                                                   block->first_run + block->n_runs - 1);

            if (last->length > 0 && w->md->text->str[last->start + last->length - 1] == '\n')
              last->length--;
          }
        w->n_code--;
        close_leaf (w);
        w->gap_pending = TRUE;
      }
      break;

    case MD_BLOCK_TH:
    case MD_BLOCK_TD:
      if (w->in_header)
        w->n_strong--;
      close_leaf (w);
      w->column++;
      break;

    case MD_BLOCK_TR:
      w->row++;
      break;

    case MD_BLOCK_TABLE:
      w->in_table = FALSE;
      w->in_header = FALSE;
      w->gap_pending = TRUE;
      break;

    case MD_BLOCK_HR:
    case MD_BLOCK_H:
    case MD_BLOCK_HTML:
    case MD_BLOCK_P:
      close_leaf (w);
      w->gap_pending = TRUE;
      break;

    case MD_BLOCK_DOC:
    case MD_BLOCK_THEAD:
    case MD_BLOCK_TBODY:
    default:
      break;
    }

  return 0;
}

static int
enter_span_cb (MD_SPANTYPE  type,
               void        *detail,
               void        *user_data)
{
  Walker *w = user_data;

  switch (type)
    {
    case MD_SPAN_EM:
      w->n_emphasis++;
      break;

    case MD_SPAN_STRONG:
      w->n_strong++;
      break;

    case MD_SPAN_DEL:
      w->n_strikethrough++;
      break;

    case MD_SPAN_CODE:
      w->n_code++;
      break;

    case MD_SPAN_A:
      /* A link that is not safe to open is shown as its text. */
      if (w->n_links++ == 0)
        {
          g_autofree char *href = dup_attribute (&((MD_SPAN_A_DETAIL *)detail)->href);

          if (ivc_markdown_is_safe_link (href))
            {
              w->link = w->md->links->len;
              g_ptr_array_add (w->md->links, g_steal_pointer (&href));
            }
        }
      break;

    case MD_SPAN_IMG:
      /* Never loaded: its alt text comes as the span's text. */
    case MD_SPAN_LATEXMATH:
    case MD_SPAN_LATEXMATH_DISPLAY:
    case MD_SPAN_WIKILINK:
    case MD_SPAN_U:
    default:
      break;
    }

  return 0;
}

static int
leave_span_cb (MD_SPANTYPE  type,
               void        *detail,
               void        *user_data)
{
  Walker *w = user_data;

  switch (type)
    {
    case MD_SPAN_EM:
      w->n_emphasis--;
      break;

    case MD_SPAN_STRONG:
      w->n_strong--;
      break;

    case MD_SPAN_DEL:
      w->n_strikethrough--;
      break;

    case MD_SPAN_CODE:
      w->n_code--;
      break;

    case MD_SPAN_A:
      if (--w->n_links == 0)
        w->link = -1;
      break;

    case MD_SPAN_IMG:
    case MD_SPAN_LATEXMATH:
    case MD_SPAN_LATEXMATH_DISPLAY:
    case MD_SPAN_WIKILINK:
    case MD_SPAN_U:
    default:
      break;
    }

  return 0;
}

static int
text_cb (MD_TEXTTYPE  type,
         const MD_CHAR *text,
         MD_SIZE       size,
         void         *user_data)
{
  Walker *w = user_data;
  IvcMarkdownStyle style = current_style (w);

  /* md4c 0.4.8 was seen under fuzzing to hand over, once in a few hundred
   * thousand texts, a piece longer than the whole text (GLib then asked for
   * 4 GB): such a piece is dropped rather than read. (Pieces of its own,
   * such as a code block's indentation, are short and kept.) */
  if (size > w->input_len)
    return 0;

  switch (type)
    {
    case MD_TEXT_NULLCHAR:
      add_text (w, "\357\277\275", 3, style);
      break;

    case MD_TEXT_BR:
    case MD_TEXT_SOFTBR:
      /* A line break in the bank's text stays one, as in plain text. */
      add_text (w, "\n", 1, style);
      break;

    case MD_TEXT_ENTITY:
      {
        g_autoptr(GString) decoded = g_string_new (NULL);

        append_entity (decoded, text, size);
        add_text (w, decoded->str, decoded->len, style);
      }
      break;

    case MD_TEXT_CODE:
      add_text (w, text, size, style | IVC_MARKDOWN_STYLE_CODE);
      break;

    case MD_TEXT_NORMAL:
    case MD_TEXT_HTML:
    case MD_TEXT_LATEXMATH:
    default:
      add_text (w, text, size, style);
      break;
    }

  return 0;
}

/**
 * ivc_markdown_parse:
 * @text: CommonMark; text that is not valid UTF-8 is repaired first
 * @length: its length in bytes, or -1 if nul-terminated
 *
 * Returns: (transfer full): the parsed text, never %NULL
 */
IvcMarkdown *
ivc_markdown_parse (const char *text,
                    gssize      length)
{
  static const MD_PARSER parser = {
    0,
    MD_FLAG_NOHTML | MD_FLAG_TABLES | MD_FLAG_STRIKETHROUGH,
    enter_block_cb,
    leave_block_cb,
    enter_span_cb,
    leave_span_cb,
    text_cb,
    NULL,
    NULL,
  };
  IvcMarkdown *self;
  g_autofree char *valid = NULL;
  Walker w = { 0, };

  g_return_val_if_fail (text != NULL || length == 0, NULL);

  if (length < 0)
    length = strlen (text);
  if (!g_utf8_validate_len (text, length, NULL))
    {
      valid = g_utf8_make_valid (text, length);
      text = valid;
      length = strlen (valid);
    }

  self = g_new0 (IvcMarkdown, 1);
  self->text = g_string_sized_new (length);
  self->blocks = g_array_new (FALSE, TRUE, sizeof (IvcMarkdownBlock));
  g_array_set_clear_func (self->blocks, block_clear);
  self->runs = g_array_new (FALSE, TRUE, sizeof (IvcMarkdownRun));
  self->links = g_ptr_array_new_with_free_func (g_free);

  w.md = self;
  w.input = text;
  w.input_len = length;
  w.lists = g_array_new (FALSE, TRUE, sizeof (ListLevel));
  w.link = -1;

  if (length > 0 && md_parse (text ? text : "", length, &parser, &w) != 0)
    {
      /* md4c only fails when out of memory: show the text as it is. */
      g_string_truncate (self->text, 0);
      g_array_set_size (self->blocks, 0);
      g_array_set_size (self->runs, 0);
      w.leaf_open = FALSE;
      add_text (&w, text, length, 0);
    }

  g_array_unref (w.lists);
  g_free (w.pending_bullet);

  return self;
}

void
ivc_markdown_free (IvcMarkdown *self)
{
  if (self == NULL)
    return;

  g_string_free (self->text, TRUE);
  g_array_unref (self->blocks);
  g_array_unref (self->runs);
  g_ptr_array_unref (self->links);
  g_free (self);
}

const char *
ivc_markdown_get_text (const IvcMarkdown *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->text->str;
}

guint
ivc_markdown_get_n_blocks (const IvcMarkdown *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->blocks->len;
}

const IvcMarkdownBlock *
ivc_markdown_get_block (const IvcMarkdown *self,
                        guint              index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->blocks->len, NULL);

  return &g_array_index (self->blocks, IvcMarkdownBlock, index);
}

const IvcMarkdownRun *
ivc_markdown_get_run (const IvcMarkdown *self,
                      guint              index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->runs->len, NULL);

  return &g_array_index (self->runs, IvcMarkdownRun, index);
}

/**
 * ivc_markdown_get_link:
 *
 * Returns: the address of a link run, always a web or mail address
 */
const char *
ivc_markdown_get_link (const IvcMarkdown *self,
                       int                index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index >= 0 && (guint)index < self->links->len, NULL);

  return g_ptr_array_index (self->links, index);
}

static void
append_block_text (const IvcMarkdown      *self,
                   const IvcMarkdownBlock *block,
                   GString                *out)
{
  for (guint i = 0; i < block->n_runs; i++)
    {
      const IvcMarkdownRun *run = ivc_markdown_get_run (self, block->first_run + i);

      g_string_append_len (out, self->text->str + run->start, run->length);
    }
}

static gboolean
same_but_spacing (const char *a,
                  const char *b)
{
  for (;;)
    {
      while (g_ascii_isspace (*a))
        a++;
      while (g_ascii_isspace (*b))
        b++;
      if (*a != *b)
        return FALSE;
      if (*a == '\0')
        return TRUE;
      a++;
      b++;
    }
}

/**
 * ivc_markdown_to_plain_text:
 *
 * The text as a reader sees it, without Markdown's syntax: for search and
 * for a CSV cell. Blocks are lines, a blank line where one is drawn; a
 * list item keeps its marker and a table's cells are separated by tabs.
 *
 * Returns: (transfer full): the plain text
 */
char *
ivc_markdown_to_plain_text (const char *text)
{
  g_autoptr(IvcMarkdown) md = NULL;
  GString *out;

  g_return_val_if_fail (text != NULL, NULL);

  md = ivc_markdown_parse (text, -1);
  out = g_string_sized_new (md->text->len + md->blocks->len * 2);

  for (guint i = 0; i < md->blocks->len; i++)
    {
      const IvcMarkdownBlock *block = ivc_markdown_get_block (md, i);

      if (i > 0)
        {
          const IvcMarkdownBlock *previous = ivc_markdown_get_block (md, i - 1);

          if (block->kind == IVC_MARKDOWN_BLOCK_TABLE_CELL &&
              previous->kind == IVC_MARKDOWN_BLOCK_TABLE_CELL &&
              previous->table == block->table && previous->row == block->row)
            g_string_append_c (out, '\t');
          else
            g_string_append (out, block->gap ? "\n\n" : "\n");
        }

      if (block->bullet != NULL)
        {
          g_string_append (out, block->bullet);
          g_string_append_c (out, ' ');
        }
      append_block_text (md, block, out);
    }

  /* Where Markdown changes nothing but spacing (a plain-text bank), the
   * text stays exactly as written, tabs and indentation included. */
  if (same_but_spacing (text, out->str))
    {
      g_string_free (out, TRUE);
      return g_strdup (text);
    }

  return g_string_free (out, FALSE);
}

/* A row label needs no more; three lines are shown at most. */
#define SUMMARY_MAX_CHARS 400

/**
 * ivc_markdown_dup_summary:
 *
 * The first paragraph of @text as one line of plain text, for a list row.
 *
 * Returns: (transfer full): the summary, "" when @text shows nothing
 */
char *
ivc_markdown_dup_summary (const char *text)
{
  g_autoptr(IvcMarkdown) md = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *stripped = NULL;

  g_return_val_if_fail (text != NULL, NULL);

  md = ivc_markdown_parse (text, -1);

  for (guint i = 0; i < md->blocks->len && out->len == 0; i++)
    {
      const IvcMarkdownBlock *block = ivc_markdown_get_block (md, i);

      if (block->bullet != NULL)
        {
          g_string_append (out, block->bullet);
          g_string_append_c (out, ' ');
        }
      append_block_text (md, block, out);
      g_strstrip (out->str);
      g_string_set_size (out, strlen (out->str));
    }

  for (char *p = out->str; *p; p++)
    {
      if (*p == '\n' || *p == '\t' || *p == '\r')
        *p = ' ';
    }

  if (g_utf8_strlen (out->str, -1) > SUMMARY_MAX_CHARS)
    {
      const char *end = g_utf8_offset_to_pointer (out->str, SUMMARY_MAX_CHARS);

      g_string_truncate (out, end - out->str);
      g_string_append (out, "…");
    }

  stripped = g_strdup (g_strstrip (out->str));
  return g_steal_pointer (&stripped);
}
