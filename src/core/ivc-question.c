/* ivc-question.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * IvcQuestion: one question of a bank, with its strong answer, red flag,
 * tags and (format 2) short title, follow-up questions and rubric anchors,
 * and its text folded once for search.
 */

#define G_LOG_DOMAIN "ivc-question"

#include "config.h"

#include <string.h>

#include "ivc-markdown.h"
#include "ivc-question.h"
#include "ivc-text.h"

struct _IvcQuestion
{
  GObject    parent_instance;

  char      *id;
  char      *question;
  char      *strong_answer;
  char      *red_flag;
  char     **tags;
  /* Format 2: NULL, an empty list and NULL anchors when the bank has none. */
  char      *title;
  char     **follow_ups;
  char      *rubric[IVC_QUESTION_RUBRIC_SCORES];

  /* Not owned: the level owns its questions. */
  IvcLevel  *level;

  /* Folded text of everything searchable, built on the first search or by
   * ivc_question_prepare_search() in a worker thread, so that loading a
   * large bank stays fast; part_ends[] end each IvcQuestionPart in it.
   * Set once, never changed. */
  char      *haystack;
  gsize      part_ends[IVC_QUESTION_N_PARTS];
};

G_DEFINE_FINAL_TYPE (IvcQuestion, ivc_question, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_QUESTION,
  PROP_STRONG_ANSWER,
  PROP_RED_FLAG,
  PROP_TAGS,
  PROP_TITLE,
  PROP_FOLLOW_UPS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ivc_question_finalize (GObject *object)
{
  IvcQuestion *self = (IvcQuestion *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->question, g_free);
  g_clear_pointer (&self->strong_answer, g_free);
  g_clear_pointer (&self->red_flag, g_free);
  g_clear_pointer (&self->tags, g_strfreev);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->follow_ups, g_strfreev);
  for (guint i = 0; i < IVC_QUESTION_RUBRIC_SCORES; i++)
    g_clear_pointer (&self->rubric[i], g_free);
  g_clear_pointer (&self->haystack, g_free);

  G_OBJECT_CLASS (ivc_question_parent_class)->finalize (object);
}

static void
ivc_question_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  IvcQuestion *self = IVC_QUESTION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_QUESTION:
      g_value_set_string (value, self->question);
      break;

    case PROP_STRONG_ANSWER:
      g_value_set_string (value, self->strong_answer);
      break;

    case PROP_RED_FLAG:
      g_value_set_string (value, self->red_flag);
      break;

    case PROP_TAGS:
      g_value_set_boxed (value, self->tags);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_FOLLOW_UPS:
      g_value_set_boxed (value, self->follow_ups);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ivc_question_class_init (IvcQuestionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ivc_question_finalize;
  object_class->get_property = ivc_question_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_QUESTION] =
    g_param_spec_string ("question", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_STRONG_ANSWER] =
    g_param_spec_string ("strong-answer", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_RED_FLAG] =
    g_param_spec_string ("red-flag", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TAGS] =
    g_param_spec_boxed ("tags", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_FOLLOW_UPS] =
    g_param_spec_boxed ("follow-ups", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ivc_question_init (IvcQuestion *self)
{
}

/**
 * ivc_question_new:
 * @strong_answer: (nullable): what a strong answer covers
 * @red_flag: (nullable): the red flag
 * @tags: (nullable): the topic tags
 *
 * Questions are immutable once loaded: a bank is replaced as a whole.
 */
IvcQuestion *
ivc_question_new (const char         *id,
                  const char         *question,
                  const char         *strong_answer,
                  const char         *red_flag,
                  const char * const *tags)
{
  return ivc_question_new_full (id, question, strong_answer, red_flag, tags, NULL, NULL, NULL);
}

static gboolean
is_given (const char *text)
{
  return text != NULL && *text != '\0';
}

/**
 * ivc_question_new_full:
 * @strong_answer: (nullable): what a strong answer covers; %NULL or ""
 *   when the bank gives none
 * @red_flag: (nullable): the red flag; %NULL or "" when none
 * @tags: (nullable): the topic tags
 * @title: (nullable): a short label for lists; %NULL or "" when none
 * @follow_ups: (nullable): follow-up questions
 * @rubric: (nullable) (array fixed-size=4): the anchors of the scores 1 to
 *   %IVC_QUESTION_RUBRIC_SCORES, in that order; an entry is %NULL or ""
 *   when that score has none
 *
 * Format 2 of the bank: everything but the id and the question may be absent.
 */
IvcQuestion *
ivc_question_new_full (const char         *id,
                       const char         *question,
                       const char         *strong_answer,
                       const char         *red_flag,
                       const char * const *tags,
                       const char         *title,
                       const char * const *follow_ups,
                       const char * const *rubric)
{
  IvcQuestion *self;

  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (question != NULL, NULL);

  self = g_object_new (IVC_TYPE_QUESTION, NULL);
  self->id = g_strdup (id);
  self->question = g_strdup (question);
  self->strong_answer = g_strdup (strong_answer ? strong_answer : "");
  self->red_flag = g_strdup (red_flag ? red_flag : "");
  self->tags = tags ? g_strdupv ((char **)tags) : g_new0 (char *, 1);
  self->title = is_given (title) ? g_strdup (title) : NULL;
  self->follow_ups = follow_ups ? g_strdupv ((char **)follow_ups) : g_new0 (char *, 1);
  for (guint i = 0; rubric != NULL && i < IVC_QUESTION_RUBRIC_SCORES; i++)
    self->rubric[i] = is_given (rubric[i]) ? g_strdup (rubric[i]) : NULL;

  return self;
}

const char *
ivc_question_get_id (IvcQuestion *self)
{
  g_return_val_if_fail (IVC_IS_QUESTION (self), NULL);

  return self->id;
}

const char *
ivc_question_get_question (IvcQuestion *self)
{
  g_return_val_if_fail (IVC_IS_QUESTION (self), NULL);

  return self->question;
}

/**
 * ivc_question_get_title:
 *
 * Returns: (nullable): the short label the bank gives for lists, or %NULL
 *   (never "") when it gives none
 */
const char *
ivc_question_get_title (IvcQuestion *self)
{
  g_return_val_if_fail (IVC_IS_QUESTION (self), NULL);

  return self->title;
}

/**
 * ivc_question_get_strong_answer:
 *
 * Returns: what a strong answer covers, "" when the bank gives nothing
 */
const char *
ivc_question_get_strong_answer (IvcQuestion *self)
{
  g_return_val_if_fail (IVC_IS_QUESTION (self), NULL);

  return self->strong_answer;
}

/**
 * ivc_question_get_red_flag:
 *
 * Returns: the red flag, "" when the bank gives none
 */
const char *
ivc_question_get_red_flag (IvcQuestion *self)
{
  g_return_val_if_fail (IVC_IS_QUESTION (self), NULL);

  return self->red_flag;
}

const char * const *
ivc_question_get_tags (IvcQuestion *self)
{
  g_return_val_if_fail (IVC_IS_QUESTION (self), NULL);

  return (const char * const *)self->tags;
}

/**
 * ivc_question_get_follow_ups:
 *
 * Returns: (transfer none) (array zero-terminated=1): the follow-up
 *   questions, in the bank's order; never %NULL, empty when none
 */
const char * const *
ivc_question_get_follow_ups (IvcQuestion *self)
{
  g_return_val_if_fail (IVC_IS_QUESTION (self), NULL);

  return (const char * const *)self->follow_ups;
}

/**
 * ivc_question_get_rubric_anchor:
 * @score: 1 to %IVC_QUESTION_RUBRIC_SCORES (an #IvcScore other than
 *   %IVC_SCORE_NONE)
 *
 * Returns: (nullable): what an answer worth @score looks like, or %NULL
 *   (never "") when the bank says nothing for @score
 */
const char *
ivc_question_get_rubric_anchor (IvcQuestion *self,
                                guint        score)
{
  g_return_val_if_fail (IVC_IS_QUESTION (self), NULL);

  if (score < 1 || score > IVC_QUESTION_RUBRIC_SCORES)
    return NULL;

  return self->rubric[score - 1];
}

/**
 * ivc_question_has_rubric:
 *
 * Returns: %TRUE if the bank anchors at least one score of this question
 */
gboolean
ivc_question_has_rubric (IvcQuestion *self)
{
  g_return_val_if_fail (IVC_IS_QUESTION (self), FALSE);

  for (guint i = 0; i < IVC_QUESTION_RUBRIC_SCORES; i++)
    {
      if (self->rubric[i] != NULL)
        return TRUE;
    }

  return FALSE;
}

/* The tags as one line, for display: "architecture · data". */
char *
ivc_question_dup_tags_label (IvcQuestion *self)
{
  g_return_val_if_fail (IVC_IS_QUESTION (self), NULL);

  return g_strjoinv (" · ", self->tags);
}

IvcLevel *
ivc_question_get_level (IvcQuestion *self)
{
  g_return_val_if_fail (IVC_IS_QUESTION (self), NULL);

  return self->level;
}

void
_ivc_question_set_level (IvcQuestion *self,
                         IvcLevel    *level)
{
  g_return_if_fail (IVC_IS_QUESTION (self));

  self->level = level;
}

/* What a reader sees of @text, folded: Markdown marks would glue words to
 * asterisks and backticks, or split them at underscores. */
static void
append_searchable (GString    *all,
                   const char *text)
{
  g_autofree char *plain = NULL;
  g_autofree char *folded = NULL;

  if (text == NULL)
    return;

  if (all->len > 0)
    g_string_append_c (all, '\n');

  if (ivc_markdown_has_syntax (text))
    plain = ivc_markdown_to_plain (text, -1);
  folded = ivc_text_fold (plain ? plain : text, -1);
  g_string_append (all, folded);
}

/* Builds what search looks in, part by part in IvcQuestionPart's order.
 * It reads only the texts given at construction, which never change:
 * safe in a worker thread while the main thread holds a reference. */
static char *
build_haystack (IvcQuestion *self,
                gsize        part_ends[IVC_QUESTION_N_PARTS])
{
  GString *all = g_string_new (NULL);

  append_searchable (all, self->question);
  part_ends[IVC_QUESTION_PART_QUESTION] = all->len;
  /* Tags are plain words, never Markdown. */
  for (guint i = 0; self->tags[i]; i++)
    {
      g_autofree char *folded = ivc_text_fold (self->tags[i], -1);

      g_string_append_c (all, '\n');
      g_string_append (all, folded);
    }
  part_ends[IVC_QUESTION_PART_TAGS] = all->len;
  append_searchable (all, self->strong_answer);
  part_ends[IVC_QUESTION_PART_STRONG_ANSWER] = all->len;
  append_searchable (all, self->red_flag);
  part_ends[IVC_QUESTION_PART_RED_FLAG] = all->len;
  append_searchable (all, self->title);
  for (guint i = 0; self->follow_ups[i]; i++)
    append_searchable (all, self->follow_ups[i]);
  for (guint i = 0; i < IVC_QUESTION_RUBRIC_SCORES; i++)
    append_searchable (all, self->rubric[i]);
  part_ends[IVC_QUESTION_PART_OTHER] = all->len;

  return g_string_free (all, FALSE);
}

G_LOCK_DEFINE_STATIC (haystack);

static const char *
ivc_question_get_haystack (IvcQuestion *self)
{
  if (g_atomic_pointer_get (&self->haystack) == NULL)
    {
      gsize ends[IVC_QUESTION_N_PARTS];
      char *haystack = build_haystack (self, ends);

      /* A worker of ivc_question_prepare_search() may be at it too. */
      G_LOCK (haystack);
      if (self->haystack == NULL)
        {
          memcpy (self->part_ends, ends, sizeof ends);
          g_atomic_pointer_set (&self->haystack, g_steal_pointer (&haystack));
        }
      G_UNLOCK (haystack);
      g_free (haystack);
    }

  return self->haystack;
}

/**
 * ivc_question_prepare_search:
 * @questions: (element-type IvcQuestion): questions the caller holds
 *
 * Builds what search looks in for each of @questions: the first search of
 * a large bank then need not. Meant for a worker thread (GTask): it reads
 * only the questions' texts, which never change, and each question takes
 * its result when it has none yet; the main thread keeps its references.
 */
void
ivc_question_prepare_search (GPtrArray *questions)
{
  g_return_if_fail (questions != NULL);

  for (guint i = 0; i < questions->len; i++)
    {
      IvcQuestion *self = g_ptr_array_index (questions, i);
      gsize ends[IVC_QUESTION_N_PARTS];
      char *haystack;

      if (g_atomic_pointer_get (&self->haystack) != NULL)
        continue;

      haystack = build_haystack (self, ends);
      G_LOCK (haystack);
      if (self->haystack == NULL)
        {
          memcpy (self->part_ends, ends, sizeof ends);
          g_atomic_pointer_set (&self->haystack, g_steal_pointer (&haystack));
        }
      G_UNLOCK (haystack);
      g_free (haystack);
    }
}

/**
 * ivc_question_part_contains:
 * @word: a folded word, as from ivc_text_search_words()
 *
 * Returns: whether @word occurs in that part of the question, as search
 *   sees it
 */
gboolean
ivc_question_part_contains (IvcQuestion     *self,
                            IvcQuestionPart  part,
                            const char      *word)
{
  const char *haystack;
  gsize start;

  g_return_val_if_fail (IVC_IS_QUESTION (self), FALSE);
  g_return_val_if_fail (part < IVC_QUESTION_N_PARTS, FALSE);

  haystack = ivc_question_get_haystack (self);
  start = part == 0 ? 0 : self->part_ends[part - 1];
  return g_strstr_len (haystack + start, self->part_ends[part] - start, word) != NULL;
}

/**
 * ivc_question_matches:
 * @words: folded words, as from ivc_text_search_words()
 *
 * Words are matched against the text a reader sees: Markdown's marks are
 * left out (“**saga**” is found by “saga”, “snake_case” by “snake_case”).
 *
 * Returns: %TRUE if every word occurs in the question, its title, answers,
 *   tags, follow-ups or rubric
 */
gboolean
ivc_question_matches (IvcQuestion        *self,
                      const char * const *words)
{
  const char *haystack;

  g_return_val_if_fail (IVC_IS_QUESTION (self), FALSE);

  if (words == NULL || words[0] == NULL)
    return TRUE;

  haystack = ivc_question_get_haystack (self);

  for (guint i = 0; words[i]; i++)
    {
      if (strstr (haystack, words[i]) == NULL)
        return FALSE;
    }

  return TRUE;
}
