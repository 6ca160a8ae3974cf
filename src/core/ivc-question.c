/* ivc-question.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * IvcQuestion: one question of a bank, with its strong answer, red flag and
 * tags, and its text folded once for search.
 */

#define G_LOG_DOMAIN "ivc-question"

#include "config.h"

#include <string.h>

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

  /* Not owned: the level owns its questions. */
  IvcLevel  *level;

  /* Folded text of everything searchable, built on the first search so that
   * loading a large bank stays fast. */
  char      *haystack;
};

G_DEFINE_FINAL_TYPE (IvcQuestion, ivc_question, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_QUESTION,
  PROP_STRONG_ANSWER,
  PROP_RED_FLAG,
  PROP_TAGS,
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

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ivc_question_init (IvcQuestion *self)
{
}

/**
 * ivc_question_new:
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
  IvcQuestion *self;

  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (question != NULL, NULL);
  g_return_val_if_fail (strong_answer != NULL, NULL);
  g_return_val_if_fail (red_flag != NULL, NULL);

  self = g_object_new (IVC_TYPE_QUESTION, NULL);
  self->id = g_strdup (id);
  self->question = g_strdup (question);
  self->strong_answer = g_strdup (strong_answer);
  self->red_flag = g_strdup (red_flag);
  self->tags = tags ? g_strdupv ((char **)tags) : g_new0 (char *, 1);

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

const char *
ivc_question_get_strong_answer (IvcQuestion *self)
{
  g_return_val_if_fail (IVC_IS_QUESTION (self), NULL);

  return self->strong_answer;
}

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

static const char *
ivc_question_get_haystack (IvcQuestion *self)
{
  if (self->haystack == NULL)
    {
      g_autoptr(GString) all = g_string_new (NULL);

      g_string_append (all, self->question);
      g_string_append_c (all, '\n');
      g_string_append (all, self->strong_answer);
      g_string_append_c (all, '\n');
      g_string_append (all, self->red_flag);
      for (guint i = 0; self->tags[i]; i++)
        {
          g_string_append_c (all, '\n');
          g_string_append (all, self->tags[i]);
        }

      self->haystack = ivc_text_fold (all->str, all->len);
    }

  return self->haystack;
}

/**
 * ivc_question_matches:
 * @words: folded words, as from ivc_text_search_words()
 *
 * Returns: %TRUE if every word occurs in the question, its answers or its tags
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
