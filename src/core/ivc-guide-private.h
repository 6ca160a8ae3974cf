/* ivc-guide-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the two halves of the guide importer share: the top-level blocks
 * md4c found, their place in the source, and the sections cut from it
 * (ivc-guide-blocks.c), for the walk that makes a bank of them
 * (ivc-guide-importer.c). Not for use outside src/core.
 */

#pragma once

#include <md4c.h>

#include "ivc-guide-importer.h"

G_BEGIN_DECLS

/* CommonMark with tables and strikethrough (GitHub's dialect), raw HTML
 * never interpreted. */
#define GUIDE_MD_FLAGS (MD_DIALECT_GITHUB | MD_FLAG_NOHTML)

typedef enum
{
  SECTION_NONE,
  SECTION_BODY,        /* before the first label: more of the question */
  SECTION_QUESTION,
  SECTION_STRONG_ANSWER,
  SECTION_RED_FLAG,
  SECTION_FOLLOW_UPS,
  SECTION_RUBRIC,
  SECTION_TAGS,
  N_SECTIONS
} Section;


typedef struct
{
  gsize first;   /* offset of its first text, G_MAXSIZE when none */
  gsize last;    /* offset of the end of its last text */
} Extent;

typedef struct
{
  MD_BLOCKTYPE type;
  guint        heading_level;
  gboolean     fenced;
  gsize        fence_offset;   /* the info string of a fenced code block, or G_MAXSIZE */
  Extent       extent;
  GString     *plain;          /* paragraphs and headings: the text a reader sees */
  GArray      *items;          /* lists: the Extent of each item */
  guint        list_start;     /* ordered lists: the first number */
  /* Computed once parsed: the source the block spans, whole lines. */
  gsize        start;
  gsize        end;
} Block;

typedef struct
{
  const char *display_name;
  const char *data;
  gsize       len;
  GArray     *line_starts;     /* gsize */

  /* While md4c parses. */
  GArray     *blocks;          /* Block */
  guint       depth;
  gboolean    in_item;

  GPtrArray  *problems;        /* GError */
  guint       n_problems;
  GPtrArray  *warnings;        /* char * */
} Guide;

typedef struct
{
  GArray *blocks;   /* guint: indices into Guide.blocks */
  gsize   label_offset;
  gboolean seen;
} Part;

void         guide_offset_to_line_column (Guide       *g,
                                          gsize        offset,
                                          guint       *line,
                                          guint       *column);
void         guide_add_problem           (Guide       *g,
                                          gsize        offset,
                                          const char  *format,
                                          ...) G_GNUC_PRINTF (3, 4);
void         guide_add_warning           (Guide       *g,
                                          gsize        offset,
                                          const char  *format,
                                          ...) G_GNUC_PRINTF (3, 4);
void         guide_set_str               (char       **field,
                                          const char  *value);
guint        guide_line_of               (Guide       *g,
                                          gsize        offset);
gsize        guide_line_start            (Guide       *g,
                                          guint        line);
gsize        guide_line_end              (Guide       *g,
                                          guint        line);
void         guide_block_clear           (Block       *block);
gboolean     guide_parse                 (Guide       *g,
                                          gsize        body_start);
char        *guide_normalize_label       (const char  *plain);
Section      guide_block_label           (Block       *block);
const char  *guide_section_name          (Section      section);
gsize        guide_block_offset          (Block       *block);
void         guide_warn_skipped          (Guide       *g,
                                          Block       *block,
                                          const char  *why);
char        *guide_heading_text          (Guide       *g,
                                          Block       *block,
                                          char       **id);
void         guide_part_clear            (Part        *part);
void         guide_part_add              (Part        *part,
                                          guint        index_);
guint        guide_part_len              (Part        *part);
char        *guide_part_source           (Guide       *g,
                                          Part        *part);
char        *guide_item_source           (Guide       *g,
                                          Extent      *item);

G_END_DECLS
