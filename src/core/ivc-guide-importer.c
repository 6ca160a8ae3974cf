/* ivc-guide-importer.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reads a Markdown interview guide as a question bank: the front matter,
 * then a walk over the top-level blocks that ivc-guide-blocks.c found,
 * deciding what each is (the title, a level, a question, a section) and
 * making the bank of it. What it leaves out is reported as a warning, and
 * every problem has its file, line and column.
 */

#define G_LOG_DOMAIN "ivc-guide-importer"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "ivc-guide-private.h"
#include "ivc-question-bank-private.h"
#include "ivc-file-util.h"
#include "ivc-id.h"

/*
 * The guide's structure.
 */

typedef struct
{
  gsize        offset;       /* the heading */
  char        *heading;
  char        *given_id;
  Part         parts[N_SECTIONS];
} QuestionDraft;

typedef struct
{
  gsize      offset;
  char      *title;
  char      *given_id;
  char      *experience;
  char      *focus;
  GPtrArray *questions;      /* IvcQuestion */
} LevelDraft;

static void
level_draft_free (LevelDraft *level)
{
  g_free (level->title);
  g_free (level->given_id);
  g_free (level->experience);
  g_free (level->focus);
  g_clear_pointer (&level->questions, g_ptr_array_unref);
  g_free (level);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LevelDraft, level_draft_free)

static void
question_draft_clear (QuestionDraft *draft)
{
  g_clear_pointer (&draft->heading, g_free);
  g_clear_pointer (&draft->given_id, g_free);
  for (guint i = 0; i < N_SECTIONS; i++)
    guide_part_clear (&draft->parts[i]);
  draft->offset = 0;
}

typedef struct
{
  Guide      *g;
  GHashTable *taken_level_ids;
  GHashTable *taken_question_ids;
  GHashTable *given_question_ids;   /* id → offset + 1 */
  guint       n_questions;
} Builder;

static gboolean
check_text (Guide      *g,
            gsize       offset,
            const char *what,
            const char *text)
{
  if (strlen (text) > IVC_BANK_MAX_TEXT_BYTES)
    {
      g_autofree char *size = ivc_file_util_format_size (strlen (text));
      g_autofree char *limit = ivc_file_util_format_limit (IVC_BANK_MAX_TEXT_BYTES);

      guide_add_problem (g, offset, _("%s is too long (%s; at most %s are allowed)"), what, size, limit);
      return FALSE;
    }

  return TRUE;
}

/* A rubric item: “1: …” (or “1.”, “1)”, “1 –”, bold or not) with a score
 * from 1 to 4. */
static gboolean
parse_rubric_item (Guide       *g,
                   const char  *text,
                   gsize        offset,
                   guint        implicit_score,
                   char       **anchors)
{
  const char *p = text;
  guint64 score = 0;
  char *end = NULL;

  while (*p == '*' || *p == '_')
    p++;

  if (g_ascii_isdigit (*p))
    {
      score = g_ascii_strtoull (p, &end, 10);
      p = end;
      while (*p == '*' || *p == '_')
        p++;
      if (*p == ':' || *p == '.' || *p == ')')
        p++;
      else if (g_str_has_prefix (p, " –") || g_str_has_prefix (p, " -") || g_str_has_prefix (p, " —"))
        p = g_utf8_next_char (p + 1);
      else
        score = 0, p = text;
      while (*p == '*' || *p == '_')
        p++;
    }
  else if (implicit_score > 0)
    score = implicit_score;

  while (*p == ' ' || *p == '\t')
    p++;

  if (score < 1 || score > IVC_QUESTION_RUBRIC_SCORES)
    {
      g_autofree char *start = g_utf8_substring (text, 0, MIN (g_utf8_strlen (text, -1), 20));

      guide_add_problem (g, offset,
                   _("a rubric item must start with its score, 1 to %d, as in “1: …”; found “%s”"),
                   IVC_QUESTION_RUBRIC_SCORES, start);
      return FALSE;
    }

  if (*p == '\0')
    {
      guide_add_problem (g, offset, _("the rubric item for score %u has no text"), (guint)score);
      return FALSE;
    }

  if (anchors[score - 1] != NULL)
    {
      guide_add_problem (g, offset, _("the rubric gives score %u twice"), (guint)score);
      return FALSE;
    }

  if (!check_text (g, offset, _("A rubric item"), p))
    return FALSE;

  anchors[score - 1] = g_strdup (p);
  return TRUE;
}

static void
read_rubric (Guide *g,
             Part  *part,
             char **anchors)
{
  for (guint i = 0; i < guide_part_len (part); i++)
    {
      Block *block = &g_array_index (g->blocks, Block, g_array_index (part->blocks, guint, i));

      if (block->items != NULL)
        {
          for (guint j = 0; j < block->items->len; j++)
            {
              Extent *item = &g_array_index (block->items, Extent, j);
              g_autofree char *text = guide_item_source (g, item);
              guint implicit = block->type == MD_BLOCK_OL ? block->list_start + j : 0;

              parse_rubric_item (g, text, item->first != G_MAXSIZE ? item->first : block->start,
                                 implicit, anchors);
            }
        }
      else if (block->type == MD_BLOCK_P)
        {
          /* One item a line. */
          for (guint line = guide_line_of (g, block->start); line <= guide_line_of (g, block->end); line++)
            {
              gsize from = guide_line_start (g, line), to = guide_line_end (g, line);
              g_autofree char *text = g_strstrip (g_strndup (g->data + from, to - from));

              if (*text != '\0')
                parse_rubric_item (g, text, from, 0, anchors);
            }
        }
      else if (block->type != MD_BLOCK_HR)
        guide_warn_skipped (g, block, _("a rubric is a list of items “1: …” to “4: …”"));
    }
}

/* Follow-ups and tags: the items of lists, or paragraphs (for tags,
 * separated by commas). */
static char **
read_list (Guide    *g,
           Part     *part,
           gboolean  tags)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  guint n = 0;

  for (guint i = 0; i < guide_part_len (part); i++)
    {
      Block *block = &g_array_index (g->blocks, Block, g_array_index (part->blocks, guint, i));
      g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GArray) offsets = g_array_new (FALSE, FALSE, sizeof (gsize));

      if (block->items != NULL)
        {
          for (guint j = 0; j < block->items->len; j++)
            {
              Extent *item = &g_array_index (block->items, Extent, j);
              gsize offset = item->first != G_MAXSIZE ? item->first : block->start;

              g_ptr_array_add (texts, guide_item_source (g, item));
              g_array_append_val (offsets, offset);
            }
        }
      else if (block->type == MD_BLOCK_P && tags)
        {
          g_autofree char *source = g_strndup (g->data + block->start, block->end - block->start);
          g_auto(GStrv) split = g_strsplit (source, ",", -1);

          for (guint j = 0; split[j]; j++)
            {
              g_ptr_array_add (texts, g_strdup (g_strstrip (split[j])));
              g_array_append_val (offsets, block->start);
            }
        }
      else if (block->type == MD_BLOCK_P)
        {
          Part one = { 0, };

          guide_part_add (&one, g_array_index (part->blocks, guint, i));
          g_ptr_array_add (texts, guide_part_source (g, &one));
          g_array_append_val (offsets, block->start);
          guide_part_clear (&one);
        }
      else
        {
          if (block->type != MD_BLOCK_HR)
            guide_warn_skipped (g, block, tags ? _("tags are a list") : _("follow-up questions are a list"));
          continue;
        }

      for (guint j = 0; j < texts->len; j++)
        {
          const char *text = g_ptr_array_index (texts, j);
          gsize offset = g_array_index (offsets, gsize, j);

          if (*text == '\0')
            continue;

          if (tags && g_utf8_strlen (text, -1) > IVC_BANK_MAX_TAG_CHARS)
            {
              guide_add_problem (g, offset, _("a tag is longer than %u characters"), IVC_BANK_MAX_TAG_CHARS);
              continue;
            }
          if (!tags && !check_text (g, offset, _("A follow-up question"), text))
            continue;

          if (++n > (tags ? IVC_BANK_MAX_TAGS : IVC_BANK_MAX_FOLLOW_UPS))
            {
              guide_add_problem (g, offset, tags ? _("a question may have at most %u tags")
                                           : _("a question may have at most %u follow-up questions"),
                           tags ? IVC_BANK_MAX_TAGS : IVC_BANK_MAX_FOLLOW_UPS);
              return g_strv_builder_end (builder);
            }
          g_strv_builder_add (builder, text);
        }
    }

  return g_strv_builder_end (builder);
}

static void
finish_question (Builder       *b,
                 QuestionDraft *draft,
                 LevelDraft    *level)
{
  Guide *g = b->g;
  g_autofree char *question = NULL;
  g_autofree char *title = NULL;
  g_autofree char *strong_answer = NULL;
  g_autofree char *red_flag = NULL;
  g_autofree char *id = NULL;
  g_auto(GStrv) follow_ups = NULL;
  g_auto(GStrv) tags = NULL;
  char *rubric[IVC_QUESTION_RUBRIC_SCORES] = { NULL, };
  guint problems_before = g->n_problems;

  if (draft->heading == NULL)
    return;

  if (guide_part_len (&draft->parts[SECTION_QUESTION]) > 0)
    {
      /* A “Question” section: the heading is the title. */
      question = guide_part_source (g, &draft->parts[SECTION_QUESTION]);
      if (*draft->heading != '\0')
        title = g_strdup (draft->heading);
      if (guide_part_len (&draft->parts[SECTION_BODY]) > 0)
        {
          Block *block = &g_array_index (g->blocks, Block,
                                         g_array_index (draft->parts[SECTION_BODY].blocks, guint, 0));

          guide_warn_skipped (g, block, _("the question's text is in its “Question” section"));
        }
    }
  else if (guide_part_len (&draft->parts[SECTION_BODY]) > 0)
    {
      g_autofree char *body = guide_part_source (g, &draft->parts[SECTION_BODY]);

      question = *draft->heading ? g_strconcat (draft->heading, "\n\n", body, NULL)
                                 : g_steal_pointer (&body);
    }
  else
    question = g_strdup (draft->heading);

  if (*g_strstrip (question) == '\0')
    guide_add_problem (g, draft->offset, _("this question has no text: write it after the “###”"));
  else
    check_text (g, draft->offset, _("The question"), question);

  strong_answer = guide_part_source (g, &draft->parts[SECTION_STRONG_ANSWER]);
  check_text (g, draft->parts[SECTION_STRONG_ANSWER].label_offset, _("The strong answer"), strong_answer);
  red_flag = guide_part_source (g, &draft->parts[SECTION_RED_FLAG]);
  check_text (g, draft->parts[SECTION_RED_FLAG].label_offset, _("The red flag"), red_flag);
  follow_ups = read_list (g, &draft->parts[SECTION_FOLLOW_UPS], FALSE);
  tags = read_list (g, &draft->parts[SECTION_TAGS], TRUE);
  read_rubric (g, &draft->parts[SECTION_RUBRIC], rubric);

  if (draft->given_id != NULL)
    id = g_strdup (draft->given_id);
  else if (*question != '\0')
    {
      g_autofree char *base = ivc_id_derive (question);

      id = ivc_id_make_unique (base, b->taken_question_ids);
    }

  if (b->n_questions >= IVC_BANK_MAX_QUESTIONS)
    {
      if (b->n_questions == IVC_BANK_MAX_QUESTIONS)
        guide_add_problem (g, draft->offset, _("the guide has more than %u questions, the most a bank may have"),
                     IVC_BANK_MAX_QUESTIONS);
    }
  b->n_questions++;

  if (g->n_problems == problems_before && level != NULL && id != NULL)
    {
      g_hash_table_add (b->taken_question_ids, g_strdup (id));
      g_ptr_array_add (level->questions,
                       ivc_question_new_full (id, question, strong_answer, red_flag,
                                              (const char * const *)tags, title,
                                              (const char * const *)follow_ups,
                                              (const char * const *)rubric));
    }

  for (guint i = 0; i < IVC_QUESTION_RUBRIC_SCORES; i++)
    g_free (rubric[i]);
}

/* Question ids written as “### Text {#id}”: a derived id never takes one,
 * and one written twice is an error. */
static void
collect_given_ids (Builder *b)
{
  Guide *g = b->g;

  for (guint i = 0; i < g->blocks->len; i++)
    {
      Block *block = &g_array_index (g->blocks, Block, i);
      g_autofree char *text = NULL;
      g_autofree char *id = NULL;

      if (block->type != MD_BLOCK_H || block->heading_level > 3)
        continue;

      text = guide_heading_text (g, block, &id);
      if (id == NULL)
        continue;

      if (block->heading_level == 3)
        {
          if (g_hash_table_contains (b->given_question_ids, id))
            guide_add_problem (g, block->start, _("the question id “%s” is used twice"), id);
          else
            g_hash_table_insert (b->given_question_ids, g_strdup (id), GSIZE_TO_POINTER (block->start + 1));
          g_hash_table_add (b->taken_question_ids, g_strdup (id));
        }
      else if (block->heading_level == 2)
        g_hash_table_add (b->taken_level_ids, g_strdup (id));
    }
}

/*
 * Front matter: “---”, lines of “key: value”, “---”.
 */

typedef struct
{
  char  *title;
  char  *description;
  char  *language;
  char  *id;
  gsize  title_offset;
  gsize  language_offset;
  gsize  id_offset;
  gsize  end;       /* where the Markdown starts */
} FrontMatter;

static void
front_matter_clear (FrontMatter *fm)
{
  g_clear_pointer (&fm->title, g_free);
  g_clear_pointer (&fm->description, g_free);
  g_clear_pointer (&fm->language, g_free);
  g_clear_pointer (&fm->id, g_free);
}

static char *
unquote (const char *value)
{
  gsize len = strlen (value);

  if (len >= 2 && value[0] == '"' && value[len - 1] == '"')
    {
      g_autoptr(GString) text = g_string_new (NULL);

      for (gsize i = 1; i < len - 1; i++)
        {
          if (value[i] == '\\' && i + 1 < len - 1)
            {
              i++;
              switch (value[i])
                {
                case 'n': g_string_append_c (text, '\n'); break;
                case 't': g_string_append_c (text, '\t'); break;
                default: g_string_append_c (text, value[i]); break;
                }
            }
          else
            g_string_append_c (text, value[i]);
        }
      return g_string_free (g_steal_pointer (&text), FALSE);
    }

  if (len >= 2 && value[0] == '\'' && value[len - 1] == '\'')
    {
      g_autofree char *inner = g_strndup (value + 1, len - 2);
      g_auto(GStrv) parts = g_strsplit (inner, "''", -1);

      return g_strjoinv ("'", parts);
    }

  return g_strdup (value);
}

static void
read_front_matter (Guide       *g,
                   FrontMatter *fm)
{
  guint n_lines = g->line_starts->len;

  fm->end = 0;
  if (n_lines < 2 || guide_line_end (g, 0) - guide_line_start (g, 0) != 3 || strncmp (g->data, "---", 3) != 0)
    return;

  for (guint line = 1; line < n_lines; line++)
    {
      gsize from = guide_line_start (g, line), to = guide_line_end (g, line);
      g_autofree char *text = g_strndup (g->data + from, to - from);
      g_autofree char *value = NULL;
      char *colon;

      g_strchomp (text);
      if (strcmp (text, "---") == 0 || strcmp (text, "...") == 0)
        {
          fm->end = line + 1 < n_lines ? guide_line_start (g, line + 1) : g->len;
          return;
        }

      if (*text == '\0' || *text == '#')
        continue;

      colon = strchr (text, ':');
      if (colon == NULL || text[0] == ' ' || text[0] == '\t')
        {
          guide_add_warning (g, from, _("this line of the front matter is not “key: value” and was left out"));
          continue;
        }

      *colon = '\0';
      value = unquote (g_strstrip (colon + 1));
      g_strstrip (text);

      if (strcmp (text, "title") == 0)
        guide_set_str (&fm->title, value), fm->title_offset = from;
      else if (strcmp (text, "description") == 0)
        guide_set_str (&fm->description, value);
      else if (strcmp (text, "language") == 0)
        guide_set_str (&fm->language, value), fm->language_offset = from;
      else if (strcmp (text, "id") == 0)
        guide_set_str (&fm->id, value), fm->id_offset = from;
      else
        guide_add_warning (g, from, _("the front matter key “%s” is not used (only title, description, "
                                "language and id are)"), text);
    }

  /* No closing line: not front matter after all. */
  front_matter_clear (fm);
  g_ptr_array_set_size (g->warnings, 0);
  fm->end = 0;
}

/*
 * The walk over the blocks.
 */

static IvcQuestionBank *
build_bank (Guide       *g,
            FrontMatter *fm)
{
  g_autoptr(GHashTable) taken_level_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) taken_question_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) given_question_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) level_drafts = g_ptr_array_new_with_free_func ((GDestroyNotify)level_draft_free);
  g_autoptr(GPtrArray) levels = NULL;
  g_autofree char *title = NULL;
  g_autofree char *description = NULL;
  g_autofree char *bank_id = NULL;
  QuestionDraft draft = { 0, };
  Part description_part = { 0, };
  LevelDraft *level = NULL;
  Section section = SECTION_NONE;
  Builder b = { g, taken_level_ids, taken_question_ids, given_question_ids, 0 };
  gsize title_offset = 0;
  gboolean expect_experience = FALSE, expect_focus = FALSE;
  guint red_flag_blocks = 0;
  char **level_section = NULL;
  IvcQuestionBank *bank;
  guint n_questions = 0;

  collect_given_ids (&b);

  if (fm->title != NULL && *fm->title != '\0')
    {
      title = g_strdup (fm->title);
      title_offset = fm->title_offset;
    }

  for (guint i = 0; i < g->blocks->len; i++)
    {
      Block *block = &g_array_index (g->blocks, Block, i);
      Section label;

      if (block->type == MD_BLOCK_H && block->heading_level <= 3)
        {
          g_autofree char *given_id = NULL;
          g_autofree char *text = guide_heading_text (g, block, &given_id);

          if (block->heading_level == 1)
            {
              if (title == NULL && level == NULL)
                {
                  title = g_steal_pointer (&text);
                  title_offset = guide_block_offset (block);
                }
              else if (level != NULL || g_strcmp0 (text, title) != 0)
                guide_warn_skipped (g, block, level != NULL ? _("a “#” heading after the first level is not used")
                                                      : _("the front matter gives the title"));
              continue;
            }

          /* A level or a question ends the question before. */
          finish_question (&b, &draft, level);
          question_draft_clear (&draft);
          section = SECTION_NONE;
          expect_experience = expect_focus = FALSE;
          level_section = NULL;

          if (block->heading_level == 2)
            {
              if (level_drafts->len >= IVC_BANK_MAX_LEVELS)
                {
                  if (level_drafts->len == IVC_BANK_MAX_LEVELS)
                    guide_add_problem (g, guide_block_offset (block), _("the guide has more than %u levels, the most a bank may have"),
                                 IVC_BANK_MAX_LEVELS);
                }
              level = g_new0 (LevelDraft, 1);
              level->offset = guide_block_offset (block);
              level->title = g_steal_pointer (&text);
              level->given_id = g_steal_pointer (&given_id);
              level->questions = g_ptr_array_new_with_free_func (g_object_unref);
              g_ptr_array_add (level_drafts, level);
              if (*level->title == '\0')
                guide_add_problem (g, level->offset, _("this level has no title: write it after the “##”"));
              else
                check_text (g, level->offset, _("The level's title"), level->title);
              expect_experience = TRUE;
              continue;
            }

          /* A question. */
          if (level == NULL)
            {
              guide_add_problem (g, guide_block_offset (block),
                           _("this question comes before the first level; add a level heading "
                             "(“## …”) above it"));
              continue;
            }
          draft.offset = guide_block_offset (block);
          draft.heading = g_steal_pointer (&text);
          draft.given_id = g_steal_pointer (&given_id);
          section = SECTION_BODY;
          n_questions++;
          continue;
        }

      label = guide_block_label (block);

      /* Before the first level: the description. */
      if (level == NULL)
        {
          if (label != SECTION_NONE)
            guide_warn_skipped (g, block, _("it comes before the first question"));
          else if (fm->description == NULL)
            guide_part_add (&description_part, i);
          else
            guide_warn_skipped (g, block, _("the front matter gives the description"));
          continue;
        }

      /* A level's experience and focus. */
      if (draft.heading == NULL)
        {
          g_autofree char *level_label = block->plain ? guide_normalize_label (block->plain->str) : NULL;

          /* Labelled, when they do not look like the usual ones. */
          if (level_label != NULL && block->type == MD_BLOCK_P &&
              (strcmp (level_label, "experience") == 0 || strcmp (level_label, "focus") == 0))
            {
              level_section = level_label[0] == 'e' ? &level->experience : &level->focus;
              expect_experience = expect_focus = FALSE;
              continue;
            }
          if (level_section != NULL && block->type == MD_BLOCK_P && label == SECTION_NONE)
            {
              g_autofree char *text = g_strstrip (g_strndup (g->data + block->start, block->end - block->start));

              if (check_text (g, guide_block_offset (block), _("The level's text"), text))
                guide_set_str (level_section, text);
              level_section = NULL;
              continue;
            }
          level_section = NULL;

          if (expect_experience && block->type == MD_BLOCK_P && label == SECTION_NONE)
            {
              g_autofree char *text = g_strstrip (g_strndup (g->data + block->start, block->end - block->start));

              if (g_ascii_isdigit (text[0]) && strchr (text, '\n') == NULL &&
                  g_utf8_strlen (text, -1) <= IVC_GUIDE_MAX_EXPERIENCE_CHARS)
                {
                  guide_set_str (&level->experience, text);
                  expect_experience = FALSE;
                  expect_focus = TRUE;
                  continue;
                }
            }
          /* No experience: the first one-line paragraph may still be the focus. */
          if (expect_experience && !expect_focus)
            expect_focus = TRUE;
          if (expect_focus && block->type == MD_BLOCK_P && label == SECTION_NONE)
            {
              g_autofree char *text = g_strstrip (g_strndup (g->data + block->start, block->end - block->start));

              expect_focus = FALSE;
              if (strchr (text, '\n') == NULL && check_text (g, guide_block_offset (block), _("The focus"), text))
                {
                  guide_set_str (&level->focus, text);
                  expect_experience = FALSE;
                  continue;
                }
            }
          expect_experience = expect_focus = FALSE;
          guide_warn_skipped (g, block, _("it is not part of any question"));
          continue;
        }

      /* Within a question. */
      if (label != SECTION_NONE)
        {
          if (draft.parts[label].seen)
            {
              g_autofree char *why = g_strdup_printf (_("the question already has a “%s” section"),
                                                      guide_section_name (label));

              guide_warn_skipped (g, block, why);
              section = SECTION_NONE;
              continue;
            }
          section = label;
          draft.parts[label].seen = TRUE;
          draft.parts[label].label_offset = guide_block_offset (block);
          red_flag_blocks = 0;
          continue;
        }

      switch (section)
        {
        case SECTION_NONE:
          guide_warn_skipped (g, block, _("it is not part of any section of the question"));
          break;

        case SECTION_RED_FLAG:
          /* Its first block, and any list or code right after it. */
          if (red_flag_blocks == 0 ||
              (red_flag_blocks > 0 && (block->type == MD_BLOCK_UL || block->type == MD_BLOCK_OL ||
                                       block->type == MD_BLOCK_CODE)))
            {
              guide_part_add (&draft.parts[SECTION_RED_FLAG], i);
              red_flag_blocks++;
            }
          else
            {
              if (block->type != MD_BLOCK_HR)
                guide_warn_skipped (g, block, _("a red flag is one paragraph, with any list or code "
                                          "right after it; this is not part of any question"));
              section = SECTION_NONE;
              red_flag_blocks = G_MAXUINT / 2;
            }
          break;

        case SECTION_BODY:
        case SECTION_QUESTION:
        case SECTION_STRONG_ANSWER:
        case SECTION_FOLLOW_UPS:
        case SECTION_RUBRIC:
        case SECTION_TAGS:
          guide_part_add (&draft.parts[section], i);
          break;

        case N_SECTIONS:
        default:
          g_assert_not_reached ();
        }
    }

  finish_question (&b, &draft, level);
  question_draft_clear (&draft);

  if (title == NULL || *g_strstrip (title) == '\0')
    guide_add_problem (g, 0, _("the guide has no title: start it with a “# Title” heading or give "
                         "“title:” in its front matter"));
  else
    check_text (g, title_offset, _("The title"), title);

  if (level_drafts->len == 0)
    guide_add_problem (g, 0, _("the guide has no levels: each level is a “## …” heading with its "
                              "questions as “### …” headings below it"));

  if (fm->description != NULL)
    description = g_strdup (fm->description);
  else
    description = guide_part_source (g, &description_part);
  guide_part_clear (&description_part);

  if (fm->language != NULL && *fm->language != '\0' && !ivc_language_tag_is_valid (fm->language))
    guide_add_problem (g, fm->language_offset,
                 _("“language” must be a language tag such as “en” or “de-CH” (BCP 47), not “%s”"),
                 fm->language);

  if (fm->id != NULL)
    {
      if (!ivc_id_is_valid (fm->id))
        guide_add_problem (g, fm->id_offset,
                     _("“id” must be 1 to %u lowercase letters, digits and hyphens, like “service-discovery”"),
                     IVC_ID_MAX_CHARS);
      bank_id = g_strdup (fm->id);
    }
  else if (title != NULL && *title != '\0')
    bank_id = ivc_id_derive (title);

  /* Levels: their ids, and no level without questions. */
  levels = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < level_drafts->len; i++)
    {
      LevelDraft *draft_level = g_ptr_array_index (level_drafts, i);
      g_autofree char *id = NULL;
      IvcLevel *made;

      if (draft_level->questions->len == 0)
        {
          guide_add_problem (g, draft_level->offset,
                       _("the level “%s” has no questions: add “### …” headings below it"),
                       draft_level->title);
          continue;
        }

      if (draft_level->given_id != NULL)
        id = g_strdup (draft_level->given_id);
      else
        {
          g_autofree char *base = ivc_id_derive (draft_level->title);

          id = ivc_id_make_unique (base, taken_level_ids);
          g_hash_table_add (taken_level_ids, g_strdup (id));
        }

      made = ivc_level_new (id, draft_level->title, draft_level->experience, draft_level->focus);
      ivc_level_take_questions (made, g_ptr_array_ref (draft_level->questions));
      g_ptr_array_add (levels, made);
    }

  if (g->n_problems > 0)
    return NULL;

  n_questions = 0;
  for (guint i = 0; i < levels->len; i++)
    n_questions += ivc_level_get_n_questions (g_ptr_array_index (levels, i));

  bank = ivc_question_bank_new_take_levels (bank_id, title, description, fm->language,
                                            g_steal_pointer (&levels), n_questions);
  return bank;
}

/*
 * Entry points.
 */

/**
 * ivc_guide_is_guide_name:
 * @name: (nullable): a file name
 *
 * Returns: %TRUE if @name ends in “.md” or “.markdown”, in any case
 */
gboolean
ivc_guide_is_guide_name (const char *name)
{
  g_autofree char *lower = NULL;

  if (name == NULL)
    return FALSE;

  lower = g_ascii_strdown (name, -1);
  return g_str_has_suffix (lower, ".md") || g_str_has_suffix (lower, ".markdown");
}

/* CRLF and lone CR become LF: the texts keep one kind of line break, and
 * lines and columns count as editors do. */
static char *
normalize_line_breaks (const char *data,
                       gsize       len,
                       gsize      *out_len)
{
  char *out = g_malloc (len + 1);
  gsize n = 0;

  for (gsize i = 0; i < len; i++)
    {
      if (data[i] == '\r')
        {
          out[n++] = '\n';
          if (i + 1 < len && data[i + 1] == '\n')
            i++;
        }
      else
        out[n++] = data[i];
    }

  out[n] = '\0';
  *out_len = n;
  return out;
}

static gboolean
check_raw (Guide *g)
{
  const char *end = NULL;
  const char *nul;

  if (g->len > IVC_BANK_MAX_FILE_SIZE)
    {
      g_autofree char *size = ivc_file_util_format_size (g->len);
      g_autofree char *limit = ivc_file_util_format_limit (IVC_BANK_MAX_FILE_SIZE);

      g_ptr_array_add (g->problems,
                       g_error_new (IVC_BANK_ERROR, IVC_BANK_ERROR_TOO_LARGE,
                                    _("%s: the file is too large (%s); a question bank may be at most %s"),
                                    g->display_name, size, limit));
      return FALSE;
    }

  nul = memchr (g->data, '\0', g->len);
  if (nul != NULL)
    {
      guint line, column;

      guide_offset_to_line_column (g, nul - g->data, &line, &column);
      g_ptr_array_add (g->problems,
                       g_error_new (IVC_BANK_ERROR, IVC_BANK_ERROR_ENCODING,
                                    _("%s:%u:%u: the file contains a NUL byte; an interview guide is a text file"),
                                    g->display_name, line, column));
      return FALSE;
    }

  if (!g_utf8_validate_len (g->data, g->len, &end))
    {
      guint line, column;

      guide_offset_to_line_column (g, end - g->data, &line, &column);
      g_ptr_array_add (g->problems,
                       g_error_new (IVC_BANK_ERROR, IVC_BANK_ERROR_ENCODING,
                                    _("%s:%u:%u: the file is not valid UTF-8 text; save it as UTF-8"),
                                    g->display_name, line, column));
      return FALSE;
    }

  return TRUE;
}

/**
 * ivc_guide_import_bytes:
 * @bytes: a Markdown interview guide
 * @display_name: the name to use in messages, usually the file's base name
 * @problems: (out) (optional) (element-type GError): every problem found,
 *   each with its file, line and column
 * @error: the first problem, with all of them in its message, one a line
 *
 * Reads a Markdown interview guide (docs/question-bank-format.md): front
 * matter, a “#” title, “##” levels with their experience and focus, “###”
 * questions with labelled sections. Each section keeps the guide's own
 * Markdown. What is left out (a page's footer, unknown front matter keys)
 * is in ivc_question_bank_get_warnings().
 *
 * Returns: (transfer full) (nullable): the bank, or %NULL with @error set
 */
IvcQuestionBank *
ivc_guide_import_bytes (GBytes      *bytes,
                        const char  *display_name,
                        GPtrArray  **problems,
                        GError     **error)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func ((GDestroyNotify)g_error_free);
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) line_starts = NULL;
  g_autoptr(GArray) blocks = NULL;
  g_autoptr(IvcQuestionBank) bank = NULL;
  g_autofree char *text = NULL;
  FrontMatter fm = { 0, };
  Guide g = { 0, };
  const char *data;
  gsize len = 0;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  data = g_bytes_get_data (bytes, &len);
  data = data ? data : "";

  /* Sized for a guide's usual density: growing copies them. */
  line_starts = g_array_sized_new (FALSE, FALSE, sizeof (gsize), len / 32 + 16);
  blocks = g_array_sized_new (FALSE, TRUE, sizeof (Block), len / 64 + 16);
  g_array_set_clear_func (blocks, (GDestroyNotify)guide_block_clear);
  if (len >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      len -= 3;
    }

  g.display_name = display_name;
  g.data = data;
  g.len = len;
  g.problems = found;
  g.warnings = warnings;

  if (check_raw (&g))
    {
      gsize zero = 0;

      text = normalize_line_breaks (data, len, &g.len);
      g.data = text;

      g_array_append_val (line_starts, zero);
      for (gsize i = 0; i < g.len; i++)
        {
          if (g.data[i] == '\n')
            {
              gsize next = i + 1;

              g_array_append_val (line_starts, next);
            }
        }
      g.line_starts = line_starts;
      g.blocks = blocks;

      read_front_matter (&g, &fm);

      if (!guide_parse (&g, fm.end))
        guide_add_problem (&g, 0, _("the guide could not be read as Markdown"));
      else
        bank = build_bank (&g, &fm);

      front_matter_clear (&fm);
    }

  if (bank == NULL)
    {
      if (found->len == 0)
        g_ptr_array_add (found, g_error_new (IVC_BANK_ERROR, IVC_BANK_ERROR_INVALID,
                                             _("%s: not an interview guide"), display_name));
      _ivc_bank_problems_set_error (found, MAX (g.n_problems, found->len), display_name, error);

      if (problems != NULL)
        *problems = g_steal_pointer (&found);
      return NULL;
    }

  g_ptr_array_add (warnings, NULL);
  _ivc_question_bank_take_warnings (bank, (char **)g_ptr_array_free (g_steal_pointer (&warnings), FALSE));

  if (problems != NULL)
    *problems = g_steal_pointer (&found);

  return g_steal_pointer (&bank);
}
