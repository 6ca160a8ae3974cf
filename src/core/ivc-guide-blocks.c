/* ivc-guide-blocks.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Markdown side of the guide importer: md4c parses the guide, and this
 * file notes its top-level blocks, where their text lies in the source,
 * which of them are labels, and cuts each section's own source text out of
 * the guide, so that an answer keeps its Markdown exactly as written.
 */

#define G_LOG_DOMAIN "ivc-guide-importer"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "ivc-guide-private.h"
#include "ivc-id.h"
#include "ivc-json-locator.h"

static const struct {
  const char *label;
  Section     section;
} labels[] = {
  { "what a strong answer covers", SECTION_STRONG_ANSWER },
  { "strong answer", SECTION_STRONG_ANSWER },
  { "red flag", SECTION_RED_FLAG },
  { "red flags", SECTION_RED_FLAG },
  { "follow-up questions", SECTION_FOLLOW_UPS },
  { "follow-ups", SECTION_FOLLOW_UPS },
  { "rubric", SECTION_RUBRIC },
  { "scoring", SECTION_RUBRIC },
  { "question", SECTION_QUESTION },
  { "tags", SECTION_TAGS },
};

/*
 * Messages.
 */

void
guide_offset_to_line_column (Guide *g,
                       gsize  offset,
                       guint *line,
                       guint *column)
{
  ivc_json_offset_to_line_column (g->data, g->len, offset, line, column);
}

G_GNUC_PRINTF (3, 4)
void
guide_add_problem (Guide      *g,
             gsize       offset,
             const char *format,
             ...)
{
  g_autofree char *what = NULL;
  guint line, column;
  va_list args;

  g->n_problems++;
  if (g->problems->len >= IVC_BANK_MAX_PROBLEMS)
    return;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);

  guide_offset_to_line_column (g, offset, &line, &column);
  g_ptr_array_add (g->problems,
                   g_error_new (IVC_BANK_ERROR, IVC_BANK_ERROR_INVALID, "%s:%u:%u: %s",
                                g->display_name, line, column, what));
}

G_GNUC_PRINTF (3, 4)
void
guide_add_warning (Guide      *g,
             gsize       offset,
             const char *format,
             ...)
{
  g_autofree char *what = NULL;
  guint line, column;
  va_list args;

  if (g->warnings->len >= IVC_BANK_MAX_PROBLEMS)
    return;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);

  guide_offset_to_line_column (g, offset, &line, &column);
  g_ptr_array_add (g->warnings, g_strdup_printf ("%s:%u:%u: %s", g->display_name, line, column, what));
}

void
guide_set_str (char       **field,
         const char  *value)
{
  g_free (*field);
  *field = g_strdup (value);
}

/*
 * Lines.
 */

guint
guide_line_of (Guide *g,
         gsize  offset)
{
  guint lo = 0, hi = g->line_starts->len;

  /* The last line that starts at or before @offset. */
  while (hi - lo > 1)
    {
      guint mid = (lo + hi) / 2;

      if (g_array_index (g->line_starts, gsize, mid) <= offset)
        lo = mid;
      else
        hi = mid;
    }

  return lo;
}

gsize
guide_line_start (Guide *g,
            guint  line)
{
  if (line >= g->line_starts->len)
    return g->len;
  return g_array_index (g->line_starts, gsize, line);
}

/* The end of @line, before its line break. */
gsize
guide_line_end (Guide *g,
          guint  line)
{
  gsize end = line + 1 < g->line_starts->len ? guide_line_start (g, line + 1) - 1 : g->len;

  return end;
}

static gboolean
line_is_blank (Guide *g,
               guint  line)
{
  for (gsize i = guide_line_start (g, line); i < guide_line_end (g, line); i++)
    {
      if (g->data[i] != ' ' && g->data[i] != '\t')
        return FALSE;
    }
  return TRUE;
}

/*
 * md4c's callbacks: the top-level blocks, where their text is, and the
 * items of top-level lists.
 */

static Block *
current_block (Guide *g)
{
  if (g->blocks->len == 0)
    return NULL;
  return &g_array_index (g->blocks, Block, g->blocks->len - 1);
}

static void
extent_add (Extent *extent,
            gsize   first,
            gsize   last)
{
  extent->first = MIN (extent->first, first);
  if (extent->last == G_MAXSIZE || last > extent->last)
    extent->last = last;
}

static int
enter_block_cb (MD_BLOCKTYPE  type,
                void         *detail,
                void         *user_data)
{
  Guide *g = user_data;

  g->depth++;

  /* DOC is depth 1; its children are the top-level blocks. */
  if (g->depth == 2)
    {
      Block block = { 0, };

      block.type = type;
      block.extent.first = G_MAXSIZE;
      block.extent.last = G_MAXSIZE;
      block.fence_offset = G_MAXSIZE;

      if (type == MD_BLOCK_H)
        block.heading_level = ((MD_BLOCK_H_DETAIL *)detail)->level;
      if (type == MD_BLOCK_H || type == MD_BLOCK_P)
        block.plain = g_string_new (NULL);
      if (type == MD_BLOCK_UL || type == MD_BLOCK_OL)
        {
          block.items = g_array_new (FALSE, FALSE, sizeof (Extent));
          if (type == MD_BLOCK_OL)
            block.list_start = ((MD_BLOCK_OL_DETAIL *)detail)->start;
        }
      if (type == MD_BLOCK_CODE)
        {
          MD_BLOCK_CODE_DETAIL *code = detail;

          block.fenced = code->fence_char != '\0';
          if (code->info.size > 0 && code->info.text >= g->data &&
              code->info.text < g->data + g->len)
            block.fence_offset = code->info.text - g->data;
        }

      g_array_append_val (g->blocks, block);
    }
  else if (g->depth == 3 && type == MD_BLOCK_LI)
    {
      Block *block = current_block (g);
      Extent item = { G_MAXSIZE, G_MAXSIZE };

      if (block != NULL && block->items != NULL)
        g_array_append_val (block->items, item);
    }

  return 0;
}

static int
leave_block_cb (MD_BLOCKTYPE  type,
                void         *detail,
                void         *user_data)
{
  Guide *g = user_data;

  g->depth--;

  return 0;
}

static int
enter_span_cb (MD_SPANTYPE  type,
               void        *detail,
               void        *user_data)
{
  return 0;
}

static int
leave_span_cb (MD_SPANTYPE  type,
               void        *detail,
               void        *user_data)
{
  return 0;
}

static int
text_cb (MD_TEXTTYPE     type,
         const MD_CHAR  *text,
         MD_SIZE         size,
         void           *user_data)
{
  Guide *g = user_data;
  Block *block = current_block (g);

  if (block == NULL || g->depth < 2)
    return 0;

  if (block->plain != NULL && block->plain->len < 1024)
    {
      if (type == MD_TEXT_SOFTBR || type == MD_TEXT_BR)
        g_string_append_c (block->plain, ' ');
      else if (type != MD_TEXT_NULLCHAR)
        g_string_append_len (block->plain, text, size);
    }

  /* Soft breaks and NUL replacements are md4c's own strings. */
  if (text >= g->data && text + size <= g->data + g->len && size > 0)
    {
      gsize first = text - g->data;
      gsize last = first + size;

      extent_add (&block->extent, first, last);
      if (block->items != NULL && block->items->len > 0)
        extent_add (&g_array_index (block->items, Extent, block->items->len - 1), first, last);
    }

  return 0;
}

void
guide_block_clear (Block *block)
{
  if (block->plain != NULL)
    g_string_free (block->plain, TRUE);
  if (block->items != NULL)
    g_array_unref (block->items);
}

/* Where each block starts and ends in the source, as whole lines: from the
 * line of its first text (a code fence starts the line before), to the last
 * line that is not blank before the next block. */
static void
guide_locate_blocks (Guide *g,
               gsize  body_start)
{
  guint previous_last_line = guide_line_of (g, body_start);
  gboolean first_block = TRUE;

  for (guint i = 0; i < g->blocks->len; i++)
    {
      Block *block = &g_array_index (g->blocks, Block, i);
      guint start_line;

      if (block->fence_offset != G_MAXSIZE)
        start_line = guide_line_of (g, block->fence_offset);
      else if (block->extent.first != G_MAXSIZE)
        {
          start_line = guide_line_of (g, block->extent.first);
          if (block->fenced && start_line > 0)
            start_line--;
        }
      else
        {
          /* No text (a rule, an empty code block): the first line that is
           * not blank after the block before. */
          start_line = first_block ? previous_last_line : previous_last_line + 1;
          while (start_line + 1 < g->line_starts->len && line_is_blank (g, start_line))
            start_line++;
        }

      if (!first_block && start_line <= previous_last_line && i > 0)
        start_line = MIN (previous_last_line + 1, g->line_starts->len - 1);

      block->start = guide_line_start (g, start_line);
      if (block->extent.last != G_MAXSIZE)
        previous_last_line = MAX (start_line, guide_line_of (g, block->extent.last > 0 ? block->extent.last - 1 : 0));
      else
        previous_last_line = start_line;
      if (block->fenced)
        previous_last_line = MIN (previous_last_line + 1, g->line_starts->len - 1);
      first_block = FALSE;
    }

  for (guint i = 0; i < g->blocks->len; i++)
    {
      Block *block = &g_array_index (g->blocks, Block, i);
      gsize next = i + 1 < g->blocks->len ? g_array_index (g->blocks, Block, i + 1).start : g->len;
      guint start_line = guide_line_of (g, block->start);
      guint line;

      if (next <= block->start)
        {
          block->end = guide_line_end (g, start_line);
          continue;
        }

      line = guide_line_of (g, next > 0 ? next - 1 : 0);
      if (next == guide_line_start (g, line) && line > start_line)
        line--;
      while (line > start_line && line_is_blank (g, line))
        line--;
      block->end = MAX (guide_line_end (g, line), block->start);
    }
}

/*
 * What a block is.
 */

char *
guide_normalize_label (const char *plain)
{
  g_autofree char *text = g_strstrip (g_strdup (plain));
  gsize len = strlen (text);

  while (len > 0 && (text[len - 1] == ':' || text[len - 1] == ' '))
    text[--len] = '\0';

  return g_utf8_casefold (text, -1);
}

/* A paragraph, or a heading of level 4 or more, that is exactly a label. */
Section
guide_block_label (Block *block)
{
  g_autofree char *label = NULL;

  if (block->plain == NULL || (block->type == MD_BLOCK_H && block->heading_level < 4))
    return SECTION_NONE;

  label = guide_normalize_label (block->plain->str);
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      if (strcmp (label, labels[i].label) == 0)
        return labels[i].section;
    }

  return SECTION_NONE;
}

/* The labels as guides write them: in English, whatever the language of
 * the messages. */
const char *
guide_section_name (Section section)
{
  switch (section)
    {
    case SECTION_STRONG_ANSWER:
      return "Strong answer";
    case SECTION_RED_FLAG:
      return "Red flag";
    case SECTION_FOLLOW_UPS:
      return "Follow-up questions";
    case SECTION_RUBRIC:
      return "Rubric";
    case SECTION_QUESTION:
      return "Question";
    case SECTION_TAGS:
      return "Tags";
    case SECTION_NONE:
    case SECTION_BODY:
    case N_SECTIONS:
    default:
      return "";
    }
}

static const char *
block_kind (Block *block)
{
  switch (block->type)
    {
    case MD_BLOCK_H:
      return _("a heading");
    case MD_BLOCK_P:
      return _("a paragraph");
    case MD_BLOCK_UL:
    case MD_BLOCK_OL:
      return _("a list");
    case MD_BLOCK_CODE:
      return _("a code block");
    case MD_BLOCK_QUOTE:
      return _("a block quote");
    case MD_BLOCK_TABLE:
      return _("a table");
    case MD_BLOCK_HR:
      return _("a horizontal rule");
    case MD_BLOCK_DOC:
    case MD_BLOCK_LI:
    case MD_BLOCK_HTML:
    case MD_BLOCK_THEAD:
    case MD_BLOCK_TBODY:
    case MD_BLOCK_TR:
    case MD_BLOCK_TH:
    case MD_BLOCK_TD:
    default:
      return _("some text");
    }
}

gsize
guide_block_offset (Block *block)
{
  return block->extent.first != G_MAXSIZE ? block->extent.first : block->start;
}

void
guide_warn_skipped (Guide      *g,
              Block      *block,
              const char *why)
{
  /* Rules separate questions in many guides: leaving one out loses nothing. */
  if (block->type == MD_BLOCK_HR)
    return;

  guide_add_warning (g, block->start, _("%s was left out: %s"), block_kind (block), why);
}

/* The source of a heading's text: without its “#” marks (or setext
 * underline), and without an id written as “{#id}” at its end. */
char *
guide_heading_text (Guide  *g,
              Block  *block,
              char  **id)
{
  g_autofree char *source = g_strndup (g->data + block->start, block->end - block->start);
  char *text = source;
  gsize len;

  *id = NULL;

  if (block->extent.first == G_MAXSIZE)
    return g_strdup ("");

  g_strstrip (text);
  if (strchr (text, '\n') == NULL)
    {
      /* ATX, always one line: the marks, then the closing sequence if
       * there is one. */
      while (*text == '#')
        text++;
      g_strchug (text);
      len = strlen (text);
      if (len > 0 && text[len - 1] == '#')
        {
          gsize end = len;

          while (end > 0 && text[end - 1] == '#')
            end--;
          if (end == 0 || text[end - 1] == ' ' || text[end - 1] == '\t')
            text[end] = '\0';
          g_strchomp (text);
        }
    }
  else
    {
      /* Setext: the lines before the underline, as one line. */
      char *underline = strrchr (text, '\n');
      g_auto(GStrv) lines = NULL;
      g_autofree char *joined = NULL;

      *underline = '\0';
      lines = g_strsplit (text, "\n", -1);
      for (guint i = 0; lines[i]; i++)
        g_strstrip (lines[i]);
      joined = g_strjoinv (" ", lines);
      g_free (source);
      source = g_steal_pointer (&joined);
      text = source;
    }

  len = strlen (text);
  if (len > 3 && text[len - 1] == '}')
    {
      char *open = g_strrstr (text, "{#");

      if (open != NULL && (open == text || open[-1] == ' '))
        {
          g_autofree char *candidate = g_strndup (open + 2, text + len - 1 - (open + 2));

          if (ivc_id_is_valid (candidate))
            {
              *id = g_steal_pointer (&candidate);
              *open = '\0';
              g_strchomp (text);
            }
        }
    }

  return g_strdup (text);
}

/*
 * Sections: runs of blocks whose source is kept.
 */


void
guide_part_clear (Part *part)
{
  g_clear_pointer (&part->blocks, g_array_unref);
  part->seen = FALSE;
  part->label_offset = 0;
}

void
guide_part_add (Part  *part,
          guint  index_)
{
  if (part->blocks == NULL)
    part->blocks = g_array_new (FALSE, FALSE, sizeof (guint));
  g_array_append_val (part->blocks, index_);
}

guint
guide_part_len (Part *part)
{
  return part->blocks ? part->blocks->len : 0;
}

/* The source of the blocks, as written: consecutive blocks with what lies
 * between them, others joined by a blank line. Rules at the end are left
 * out: guides put them between questions. */
char *
guide_part_source (Guide *g,
             Part  *part)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint n = guide_part_len (part);

  while (n > 0 && g_array_index (g->blocks, Block,
                                 g_array_index (part->blocks, guint, n - 1)).type == MD_BLOCK_HR)
    n--;

  for (guint i = 0; i < n;)
    {
      guint first = g_array_index (part->blocks, guint, i);
      guint last = first;
      Block *start, *end;
      gsize from;

      while (i + 1 < n && g_array_index (part->blocks, guint, i + 1) == last + 1)
        {
          last++;
          i++;
        }
      i++;

      start = &g_array_index (g->blocks, Block, first);
      end = &g_array_index (g->blocks, Block, last);
      from = start->start;
      /* Indentation is meaningful for an indented code block only. */
      if (start->type != MD_BLOCK_CODE || start->fenced)
        while (from < end->end && (g->data[from] == ' ' || g->data[from] == '\t'))
          from++;

      if (text->len > 0)
        g_string_append (text, "\n\n");
      g_string_append_len (text, g->data + from, end->end - from);
    }

  while (text->len > 0 && g_ascii_isspace (text->str[text->len - 1]))
    g_string_truncate (text, text->len - 1);

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The source of one list item, without its marker; continuation lines
 * lose the indentation that puts them in the item. */
char *
guide_item_source (Guide  *g,
             Extent *item)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint first_line, last_line;
  gsize indent;

  if (item->first == G_MAXSIZE)
    return g_strdup ("");

  first_line = guide_line_of (g, item->first);
  last_line = guide_line_of (g, item->last > 0 ? item->last - 1 : 0);
  indent = item->first - guide_line_start (g, first_line);

  g_string_append_len (text, g->data + item->first, guide_line_end (g, first_line) - item->first);
  for (guint line = first_line + 1; line <= last_line; line++)
    {
      gsize from = guide_line_start (g, line);
      gsize to = guide_line_end (g, line);
      gsize skip = 0;

      while (skip < indent && from + skip < to && g->data[from + skip] == ' ')
        skip++;
      g_string_append_c (text, '\n');
      g_string_append_len (text, g->data + from + skip, to - from - skip);
    }

  g_strstrip (text->str);
  return g_strdup (text->str);
}

/*
 * Parsing.
 */

/**
 * guide_parse:
 * @body_start: where the Markdown starts, after any front matter
 *
 * Has md4c parse the guide (GitHub's dialect, raw HTML off) into its
 * top-level blocks, and finds the source lines each one spans.
 *
 * Returns: %FALSE if md4c gave up
 */
gboolean
guide_parse (Guide *g,
             gsize  body_start)
{
  MD_PARSER parser = { 0, };

  parser.abi_version = 0;
  parser.flags = GUIDE_MD_FLAGS;
  parser.enter_block = enter_block_cb;
  parser.leave_block = leave_block_cb;
  parser.enter_span = enter_span_cb;
  parser.leave_span = leave_span_cb;
  parser.text = text_cb;

  if (md_parse (g->data + body_start, (MD_SIZE)(g->len - body_start), &parser, g) != 0)
    return FALSE;

  guide_locate_blocks (g, body_start);
  return TRUE;
}
