/* ivc-bank-info.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * IvcBankInfo: what the bank switcher lists about one bank of the library
 * (id, title, size, import date, file), without keeping the bank itself.
 */

#define G_LOG_DOMAIN "ivc-bank-info"

#include "config.h"

#include <glib/gi18n.h>

#include "ivc-bank-info.h"

/*
 * What the bank list shows about one question bank, without its questions:
 * a bank of 10,000 questions need not stay in memory to be listed. An info
 * never changes; when a bank is updated, the library lists a new info.
 */

struct _IvcBankInfo
{
  GObject    parent_instance;

  char      *id;
  char      *title;
  char      *description;
  char      *language;
  guint      n_levels;
  guint      n_questions;
  GDateTime *imported;
  GFile     *file;
  guint      overrides_bundled : 1;
};

G_DEFINE_FINAL_TYPE (IvcBankInfo, ivc_bank_info, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_DESCRIPTION,
  PROP_LANGUAGE,
  PROP_N_LEVELS,
  PROP_N_QUESTIONS,
  PROP_IMPORTED,
  PROP_FILE,
  PROP_IS_BUNDLED,
  PROP_OVERRIDES_BUNDLED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ivc_bank_info_finalize (GObject *object)
{
  IvcBankInfo *self = (IvcBankInfo *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->language, g_free);
  g_clear_pointer (&self->imported, g_date_time_unref);
  g_clear_object (&self->file);

  G_OBJECT_CLASS (ivc_bank_info_parent_class)->finalize (object);
}

static void
ivc_bank_info_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  IvcBankInfo *self = IVC_BANK_INFO (object);

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

    case PROP_N_LEVELS:
      g_value_set_uint (value, self->n_levels);
      break;

    case PROP_N_QUESTIONS:
      g_value_set_uint (value, self->n_questions);
      break;

    case PROP_IMPORTED:
      g_value_set_boxed (value, self->imported);
      break;

    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;

    case PROP_IS_BUNDLED:
      g_value_set_boolean (value, ivc_bank_info_get_is_bundled (self));
      break;

    case PROP_OVERRIDES_BUNDLED:
      g_value_set_boolean (value, self->overrides_bundled);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ivc_bank_info_class_init (IvcBankInfoClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ivc_bank_info_finalize;
  object_class->get_property = ivc_bank_info_get_property;

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
  properties[PROP_N_LEVELS] =
    g_param_spec_uint ("n-levels", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_QUESTIONS] =
    g_param_spec_uint ("n-questions", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_IMPORTED] =
    g_param_spec_boxed ("imported", NULL, NULL, G_TYPE_DATE_TIME,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_IS_BUNDLED] =
    g_param_spec_boolean ("is-bundled", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_OVERRIDES_BUNDLED] =
    g_param_spec_boolean ("overrides-bundled", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ivc_bank_info_init (IvcBankInfo *self)
{
}

/**
 * ivc_bank_info_new:
 * @bank: the bank, as loaded
 * @file: (nullable): the bank's file in the banks folder, or %NULL for the
 *   bank that comes with the app
 * @imported: (nullable): when the bank was imported (its file's
 *   modification time); %NULL for the bundled bank
 * @overrides_bundled: whether this imported bank has the bundled bank's id
 *   and is listed in its place
 *
 * Returns: (transfer full): a new #IvcBankInfo
 */
IvcBankInfo *
ivc_bank_info_new (IvcQuestionBank *bank,
                   GFile           *file,
                   GDateTime       *imported,
                   gboolean         overrides_bundled)
{
  g_return_val_if_fail (IVC_IS_QUESTION_BANK (bank), NULL);

  return ivc_bank_info_new_full (ivc_question_bank_get_id (bank),
                                 ivc_question_bank_get_title (bank),
                                 ivc_question_bank_get_description (bank),
                                 ivc_question_bank_get_language (bank),
                                 ivc_question_bank_get_n_levels (bank),
                                 ivc_question_bank_get_n_questions (bank),
                                 file, imported, overrides_bundled);
}

/**
 * ivc_bank_info_new_full:
 * @file: (nullable): as for ivc_bank_info_new()
 * @imported: (nullable): as for ivc_bank_info_new()
 *
 * An info from what a bank's image in the library says of it
 * (ivc-bank-image.c): listing a bank need not read it.
 *
 * Returns: (transfer full): a new #IvcBankInfo
 */
IvcBankInfo *
ivc_bank_info_new_full (const char *id,
                        const char *title,
                        const char *description,
                        const char *language,
                        guint       n_levels,
                        guint       n_questions,
                        GFile      *file,
                        GDateTime  *imported,
                        gboolean    overrides_bundled)
{
  IvcBankInfo *self;

  g_return_val_if_fail (id != NULL && title != NULL, NULL);
  g_return_val_if_fail (file == NULL || G_IS_FILE (file), NULL);
  g_return_val_if_fail (file != NULL || !overrides_bundled, NULL);

  self = g_object_new (IVC_TYPE_BANK_INFO, NULL);
  self->id = g_strdup (id);
  self->title = g_strdup (title);
  self->description = g_strdup (description ? description : "");
  self->language = g_strdup (language ? language : "");
  self->n_levels = n_levels;
  self->n_questions = n_questions;
  self->imported = imported ? g_date_time_ref (imported) : NULL;
  self->file = file ? g_object_ref (file) : NULL;
  self->overrides_bundled = !!overrides_bundled;

  return self;
}

const char *
ivc_bank_info_get_id (IvcBankInfo *self)
{
  g_return_val_if_fail (IVC_IS_BANK_INFO (self), NULL);

  return self->id;
}

const char *
ivc_bank_info_get_title (IvcBankInfo *self)
{
  g_return_val_if_fail (IVC_IS_BANK_INFO (self), NULL);

  return self->title;
}

/**
 * ivc_bank_info_get_description:
 *
 * Returns: the description, or "" if the bank has none
 */
const char *
ivc_bank_info_get_description (IvcBankInfo *self)
{
  g_return_val_if_fail (IVC_IS_BANK_INFO (self), NULL);

  return self->description;
}

/**
 * ivc_bank_info_get_language:
 *
 * Returns: the language of the texts, or "" if the bank does not say
 */
const char *
ivc_bank_info_get_language (IvcBankInfo *self)
{
  g_return_val_if_fail (IVC_IS_BANK_INFO (self), NULL);

  return self->language;
}

guint
ivc_bank_info_get_n_levels (IvcBankInfo *self)
{
  g_return_val_if_fail (IVC_IS_BANK_INFO (self), 0);

  return self->n_levels;
}

guint
ivc_bank_info_get_n_questions (IvcBankInfo *self)
{
  g_return_val_if_fail (IVC_IS_BANK_INFO (self), 0);

  return self->n_questions;
}

/**
 * ivc_bank_info_get_imported:
 *
 * Returns: (transfer none) (nullable): when the bank was imported or last
 *   updated, or %NULL for the bundled bank
 */
GDateTime *
ivc_bank_info_get_imported (IvcBankInfo *self)
{
  g_return_val_if_fail (IVC_IS_BANK_INFO (self), NULL);

  return self->imported;
}

/**
 * ivc_bank_info_get_file:
 *
 * Returns: (transfer none) (nullable): the bank's file in the banks
 *   folder, or %NULL for the bundled bank
 */
GFile *
ivc_bank_info_get_file (IvcBankInfo *self)
{
  g_return_val_if_fail (IVC_IS_BANK_INFO (self), NULL);

  return self->file;
}

gboolean
ivc_bank_info_get_is_bundled (IvcBankInfo *self)
{
  g_return_val_if_fail (IVC_IS_BANK_INFO (self), FALSE);

  return self->file == NULL;
}

gboolean
ivc_bank_info_get_overrides_bundled (IvcBankInfo *self)
{
  g_return_val_if_fail (IVC_IS_BANK_INFO (self), FALSE);

  return self->overrides_bundled;
}

/* "3 levels, 24 questions", for a row's subtitle. */
char *
ivc_bank_info_dup_summary (IvcBankInfo *self)
{
  g_autofree char *levels = NULL;
  g_autofree char *questions = NULL;

  g_return_val_if_fail (IVC_IS_BANK_INFO (self), NULL);

  levels = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u level", "%u levels", self->n_levels),
                            self->n_levels);
  questions = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u question", "%u questions",
                                            self->n_questions),
                               self->n_questions);

  /* Translators: the number of levels and of questions in a bank. */
  return g_strdup_printf (_("%s, %s"), levels, questions);
}
