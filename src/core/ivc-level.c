/* ivc-level.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * IvcLevel: an interview level of a bank (junior, mid-level, senior): its
 * experience range, focus and list of questions.
 */

#define G_LOG_DOMAIN "ivc-level"

#include "config.h"

#include <glib/gi18n.h>

#include "ivc-level.h"

struct _IvcLevel
{
  GObject     parent_instance;

  char       *id;
  char       *title;
  char       *experience;
  char       *focus;
  GListStore *questions;
};

G_DEFINE_FINAL_TYPE (IvcLevel, ivc_level, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_EXPERIENCE,
  PROP_FOCUS,
  PROP_QUESTIONS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ivc_level_dispose (GObject *object)
{
  IvcLevel *self = (IvcLevel *)object;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->questions));

  /* Questions may outlive their level in a widget; don't leave them
   * pointing at freed memory. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IvcQuestion) question = g_list_model_get_item (G_LIST_MODEL (self->questions), i);
      _ivc_question_set_level (question, NULL);
    }

  /* The list stays whole: a list model still showing it must not be told
   * of changes by a level that is going away. */

  G_OBJECT_CLASS (ivc_level_parent_class)->dispose (object);
}

static void
ivc_level_finalize (GObject *object)
{
  IvcLevel *self = (IvcLevel *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->experience, g_free);
  g_clear_pointer (&self->focus, g_free);
  g_clear_object (&self->questions);

  G_OBJECT_CLASS (ivc_level_parent_class)->finalize (object);
}

static void
ivc_level_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  IvcLevel *self = IVC_LEVEL (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_EXPERIENCE:
      g_value_set_string (value, self->experience);
      break;

    case PROP_FOCUS:
      g_value_set_string (value, self->focus);
      break;

    case PROP_QUESTIONS:
      g_value_set_object (value, self->questions);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ivc_level_class_init (IvcLevelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ivc_level_dispose;
  object_class->finalize = ivc_level_finalize;
  object_class->get_property = ivc_level_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_EXPERIENCE] =
    g_param_spec_string ("experience", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_FOCUS] =
    g_param_spec_string ("focus", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_QUESTIONS] =
    g_param_spec_object ("questions", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ivc_level_init (IvcLevel *self)
{
  self->questions = g_list_store_new (IVC_TYPE_QUESTION);
}

/**
 * ivc_level_new:
 * @experience: (nullable): e.g. "0–2 years"
 * @focus: (nullable): e.g. "Fundamentals"
 */
IvcLevel *
ivc_level_new (const char *id,
               const char *title,
               const char *experience,
               const char *focus)
{
  IvcLevel *self;

  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (title != NULL, NULL);

  self = g_object_new (IVC_TYPE_LEVEL, NULL);
  self->id = g_strdup (id);
  self->title = g_strdup (title);
  self->experience = g_strdup (experience ? experience : "");
  self->focus = g_strdup (focus ? focus : "");

  return self;
}

const char *
ivc_level_get_id (IvcLevel *self)
{
  g_return_val_if_fail (IVC_IS_LEVEL (self), NULL);

  return self->id;
}

const char *
ivc_level_get_title (IvcLevel *self)
{
  g_return_val_if_fail (IVC_IS_LEVEL (self), NULL);

  return self->title;
}

const char *
ivc_level_get_experience (IvcLevel *self)
{
  g_return_val_if_fail (IVC_IS_LEVEL (self), NULL);

  return self->experience;
}

const char *
ivc_level_get_focus (IvcLevel *self)
{
  g_return_val_if_fail (IVC_IS_LEVEL (self), NULL);

  return self->focus;
}

/* "0–2 years · Fundamentals", leaving out whatever the bank does not say. */
char *
ivc_level_dup_subtitle (IvcLevel *self)
{
  g_return_val_if_fail (IVC_IS_LEVEL (self), NULL);

  if (*self->experience && *self->focus)
    /* Translators: a level's experience and focus, e.g. "0–2 years · Fundamentals" */
    return g_strdup_printf (_("%s · %s"), self->experience, self->focus);

  return g_strdup (*self->experience ? self->experience : self->focus);
}

/**
 * ivc_level_get_questions:
 *
 * Returns: (transfer none): a #GListModel of #IvcQuestion
 */
GListModel *
ivc_level_get_questions (IvcLevel *self)
{
  g_return_val_if_fail (IVC_IS_LEVEL (self), NULL);

  return G_LIST_MODEL (self->questions);
}

guint
ivc_level_get_n_questions (IvcLevel *self)
{
  g_return_val_if_fail (IVC_IS_LEVEL (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->questions));
}

/**
 * ivc_level_take_questions:
 * @questions: (transfer container): an array of #IvcQuestion
 *
 * Adds the questions in one go, so that a view sees a single change.
 */
void
ivc_level_take_questions (IvcLevel  *self,
                          GPtrArray *questions)
{
  g_return_if_fail (IVC_IS_LEVEL (self));
  g_return_if_fail (questions != NULL);

  for (guint i = 0; i < questions->len; i++)
    _ivc_question_set_level (g_ptr_array_index (questions, i), self);

  g_list_store_splice (self->questions,
                       g_list_model_get_n_items (G_LIST_MODEL (self->questions)),
                       0, questions->pdata, questions->len);
  g_ptr_array_unref (questions);
}
