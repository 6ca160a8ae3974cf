/* ivc-question-bank.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A question bank as the app holds it once read: its levels and their
 * questions, in the file's order, and the questions looked up by id.
 * ivc-question-bank-loader.c reads and validates the file.
 */

#define G_LOG_DOMAIN "ivc-question-bank"

#include "config.h"

#include <glib/gi18n.h>

#include "ivc-question-bank.h"
#include "ivc-question-bank-private.h"

struct _IvcQuestionBank
{
  GObject     parent_instance;

  char       *id;
  char       *title;
  char       *description;
  char       *language;
  GListStore *levels;
  GHashTable *questions_by_id;
  guint       n_questions;
  /* What the reader noticed but did not refuse, with file, line, column. */
  char      **warnings;
};

G_DEFINE_FINAL_TYPE (IvcQuestionBank, ivc_question_bank, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_DESCRIPTION,
  PROP_LANGUAGE,
  PROP_LEVELS,
  PROP_N_QUESTIONS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/**
 * ivc_bank_id_is_valid:
 *
 * Bank, level and question ids follow the rules of ivc_id_is_valid().
 */
gboolean
ivc_bank_id_is_valid (const char *id)
{
  return ivc_id_is_valid (id);
}

/*
 * ivc_question_bank_new_take_levels:
 * @levels: (transfer full) (element-type IvcLevel): the validated levels
 * @n_questions: the number of questions in all of them
 *
 * For the loader: makes a bank of what it validated. Question ids are
 * unique across the bank.
 */
IvcQuestionBank *
ivc_question_bank_new_take_levels (const char *id,
                                   const char *title,
                                   const char *description,
                                   const char *language,
                                   GPtrArray  *levels,
                                   guint       n_questions)
{
  g_autoptr(GPtrArray) owned = levels;
  IvcQuestionBank *self;

  self = g_object_new (IVC_TYPE_QUESTION_BANK, NULL);
  self->id = g_strdup (id);
  self->title = g_strdup (title);
  self->description = g_strdup (description ? description : "");
  self->language = g_strdup (language ? language : "");
  self->n_questions = n_questions;

  for (guint i = 0; i < owned->len; i++)
    {
      GListModel *questions = ivc_level_get_questions (g_ptr_array_index (owned, i));
      guint n = g_list_model_get_n_items (questions);

      for (guint j = 0; j < n; j++)
        {
          IvcQuestion *question = g_list_model_get_item (questions, j);

          /* The level keeps the question alive. */
          g_hash_table_insert (self->questions_by_id,
                               (char *)ivc_question_get_id (question), question);
          g_object_unref (question);
        }
    }

  g_list_store_splice (self->levels, 0, 0, owned->pdata, owned->len);

  return self;
}

/*
 * _ivc_question_bank_take_warnings:
 * @warnings: (transfer full) (nullable): what the reader noticed
 *
 * For the readers: the warnings of ivc_question_bank_get_warnings().
 */
void
_ivc_question_bank_take_warnings (IvcQuestionBank  *self,
                                  char            **warnings)
{
  g_return_if_fail (IVC_IS_QUESTION_BANK (self));

  g_strfreev (self->warnings);
  self->warnings = warnings;
}

/**
 * ivc_question_bank_get_warnings:
 *
 * What reading the bank noticed without refusing it: keys it does not know,
 * parts of a Markdown guide it left out. Each is a sentence that starts
 * with the file name, line and column, like the loader's errors.
 *
 * Returns: (transfer none) (array zero-terminated=1): the warnings; never
 *   %NULL, empty when there are none
 */
const char * const *
ivc_question_bank_get_warnings (IvcQuestionBank *self)
{
  static const char * const none[] = { NULL };

  g_return_val_if_fail (IVC_IS_QUESTION_BANK (self), NULL);

  return self->warnings ? (const char * const *)self->warnings : none;
}

static void
ivc_question_bank_finalize (GObject *object)
{
  IvcQuestionBank *self = (IvcQuestionBank *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->language, g_free);
  g_clear_pointer (&self->warnings, g_strfreev);
  g_clear_pointer (&self->questions_by_id, g_hash_table_unref);
  g_clear_object (&self->levels);

  G_OBJECT_CLASS (ivc_question_bank_parent_class)->finalize (object);
}

static void
ivc_question_bank_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  IvcQuestionBank *self = IVC_QUESTION_BANK (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;

    case PROP_LANGUAGE:
      g_value_set_string (value, self->language);
      break;

    case PROP_LEVELS:
      g_value_set_object (value, self->levels);
      break;

    case PROP_N_QUESTIONS:
      g_value_set_uint (value, self->n_questions);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ivc_question_bank_class_init (IvcQuestionBankClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ivc_question_bank_finalize;
  object_class->get_property = ivc_question_bank_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LANGUAGE] =
    g_param_spec_string ("language", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LEVELS] =
    g_param_spec_object ("levels", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_QUESTIONS] =
    g_param_spec_uint ("n-questions", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ivc_question_bank_init (IvcQuestionBank *self)
{
  self->levels = g_list_store_new (IVC_TYPE_LEVEL);
  self->questions_by_id = g_hash_table_new (g_str_hash, g_str_equal);
}

const char *
ivc_question_bank_get_id (IvcQuestionBank *self)
{
  g_return_val_if_fail (IVC_IS_QUESTION_BANK (self), NULL);

  return self->id;
}

const char *
ivc_question_bank_get_title (IvcQuestionBank *self)
{
  g_return_val_if_fail (IVC_IS_QUESTION_BANK (self), NULL);

  return self->title;
}

const char *
ivc_question_bank_get_description (IvcQuestionBank *self)
{
  g_return_val_if_fail (IVC_IS_QUESTION_BANK (self), NULL);

  return self->description;
}

const char *
ivc_question_bank_get_language (IvcQuestionBank *self)
{
  g_return_val_if_fail (IVC_IS_QUESTION_BANK (self), NULL);

  return self->language;
}

/**
 * ivc_question_bank_get_levels:
 *
 * Returns: (transfer none): a #GListModel of #IvcLevel, in the file's order
 */
GListModel *
ivc_question_bank_get_levels (IvcQuestionBank *self)
{
  g_return_val_if_fail (IVC_IS_QUESTION_BANK (self), NULL);

  return G_LIST_MODEL (self->levels);
}

guint
ivc_question_bank_get_n_levels (IvcQuestionBank *self)
{
  g_return_val_if_fail (IVC_IS_QUESTION_BANK (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->levels));
}

guint
ivc_question_bank_get_n_questions (IvcQuestionBank *self)
{
  g_return_val_if_fail (IVC_IS_QUESTION_BANK (self), 0);

  return self->n_questions;
}

/**
 * ivc_question_bank_find_question:
 *
 * Returns: (transfer none) (nullable): the question with that id
 */
IvcQuestion *
ivc_question_bank_find_question (IvcQuestionBank *self,
                                 const char      *question_id)
{
  g_return_val_if_fail (IVC_IS_QUESTION_BANK (self), NULL);

  if (question_id == NULL)
    return NULL;

  return g_hash_table_lookup (self->questions_by_id, question_id);
}

/* "microservices: 3 levels, 24 questions", as --check-bank prints it. */
char *
ivc_question_bank_dup_summary (IvcQuestionBank *self)
{
  g_autofree char *levels = NULL;
  g_autofree char *questions = NULL;
  guint n_levels;

  g_return_val_if_fail (IVC_IS_QUESTION_BANK (self), NULL);

  n_levels = ivc_question_bank_get_n_levels (self);
  levels = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u level", "%u levels", n_levels),
                            n_levels);
  questions = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u question", "%u questions",
                                            self->n_questions),
                               self->n_questions);

  return g_strdup_printf ("%s: %s, %s", self->id, levels, questions);
}
