/* ivc-bank-library-bundled.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The language versions of the bundled bank: reading them from the
 * program's resources, choosing one by the user's languages, and switching.
 */

#define G_LOG_DOMAIN "ivc-bank-library"

#include "config.h"

#include <string.h>

#include "ivc-bank-library.h"
#include "ivc-bank-library-private.h"

/*
 * The bundled bank is data/questions.json; its translations are
 * data/questions.LANG.json beside it, LANG being the "language" of the
 * file (a BCP 47 tag such as "fr" or "de-CH"). A translation keeps every
 * id of the original (the bank's, each level's and each question's), so a
 * candidate's scores and notes, which are attached to ids, stay attached
 * whatever the language of the bank on screen: for candidates, the versions
 * are one bank. Adding a language is adding its file to the resource
 * (data/interview-companion-core.gresource.xml); the tests check that every
 * file there has the ids of the original.
 *
 * The library lists one bank for each id: of the versions, the chosen one
 * stands for the bundled bank, in the list and wherever a bank is looked up
 * by its id. ivc_bank_library_get_bundled_versions() gives them all, for
 * the bank switcher to offer.
 */

#define TRANSLATION_PREFIX "questions."
#define TRANSLATION_SUFFIX ".json"

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *)a, *(const char * const *)b);
}

/* Reads every questions.LANG.json of the resources, in the order of LANG.
 * A broken translation is a bug of the build: said, and left out. */
void
_ivc_bank_library_read_translations (IvcBankLibrary *self)
{
  g_auto(GStrv) children = NULL;
  guint n;

  children = g_resources_enumerate_children (RESOURCE_BASE "/", G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  if (children == NULL)
    return;

  n = g_strv_length (children);
  qsort (children, n, sizeof (char *), compare_names);

  for (guint i = 0; i < n; i++)
    {
      const char *name = children[i];
      g_autofree char *path = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(IvcQuestionBank) bank = NULL;
      g_autoptr(GError) error = NULL;
      const char *primary;

      if (!g_str_has_prefix (name, TRANSLATION_PREFIX) || !g_str_has_suffix (name, TRANSLATION_SUFFIX) ||
          strlen (name) <= strlen (TRANSLATION_PREFIX TRANSLATION_SUFFIX))
        continue;

      path = g_strconcat (RESOURCE_BASE "/", name, NULL);
      bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
      if (bytes != NULL)
        bank = ivc_question_bank_new_from_bytes (bytes, name, NULL, &error);

      if (bank == NULL)
        {
          g_warning ("The bundled question bank %s cannot be read: %s", name, error->message);
          continue;
        }

      primary = ivc_question_bank_get_language (bank);
      if (primary == NULL || *primary == '\0')
        {
          g_warning ("The bundled question bank %s does not say its language", name);
          continue;
        }

      g_ptr_array_add (self->bundled_infos, ivc_bank_info_new (bank, NULL, NULL, FALSE));
      g_ptr_array_add (self->bundled_banks, g_steal_pointer (&bank));
    }
}

/* "fr_FR.UTF-8@euro" → "fr-fr"; a BCP 47 tag → lowercase. */
static char *
normalize_language (const char *name)
{
  char *tag = g_ascii_strdown (name, strcspn (name, ".@"));

  g_strdelimit (tag, "_", '-');

  return tag;
}

/* "de-ch" → "de" */
static char *
primary_subtag (const char *tag)
{
  return g_strndup (tag, strcspn (tag, "-"));
}

/* The version whose language is @language: the same tag, or else one of
 * the same language ("fr" for "fr-CA", "fr-CA" for "fr"). */
static int
find_language (IvcBankLibrary *self,
               const char     *language)
{
  g_autofree char *wanted = normalize_language (language);
  g_autofree char *wanted_primary = primary_subtag (wanted);
  int same_primary = -1;

  if (*wanted == '\0')
    return -1;

  for (guint i = 0; i < self->bundled_infos->len; i++)
    {
      g_autofree char *tag = normalize_language (ivc_bank_info_get_language (g_ptr_array_index (self->bundled_infos, i)));
      g_autofree char *primary = primary_subtag (tag);

      if (strcmp (tag, wanted) == 0)
        return (int)i;
      if (same_primary < 0 && strcmp (primary, wanted_primary) == 0)
        same_primary = (int)i;
    }

  return same_primary;
}

/**
 * ivc_bank_library_get_n_bundled:
 *
 * Returns: how many language versions of the bundled bank there are
 */
guint
ivc_bank_library_get_n_bundled (IvcBankLibrary *self)
{
  g_return_val_if_fail (IVC_IS_BANK_LIBRARY (self), 0);

  return self->bundled_infos->len;
}

/**
 * ivc_bank_library_lookup_bundled:
 * @language: a language, as a BCP 47 tag ("fr", "de-CH") or a locale name
 *   ("fr_FR.UTF-8")
 *
 * Returns: (transfer none) (nullable): the version of the bundled bank in
 *   @language (or in another variant of the same language), or %NULL
 */
IvcBankInfo *
ivc_bank_library_lookup_bundled (IvcBankLibrary *self,
                                 const char     *language)
{
  int index;

  g_return_val_if_fail (IVC_IS_BANK_LIBRARY (self), NULL);
  g_return_val_if_fail (language != NULL, NULL);

  index = find_language (self, language);

  return index < 0 ? NULL : g_ptr_array_index (self->bundled_infos, index);
}

/**
 * ivc_bank_library_choose_language:
 * @language_names: the user's languages, most wanted first, as
 *   g_get_language_names() gives them
 *
 * Chooses the version of the bundled bank to show when the user has not
 * chosen one: the first of @language_names that there is a version in, or
 * else the original.
 *
 * Returns: (nullable): the language of that version, or %NULL when there
 *   is no bundled bank
 */
const char *
ivc_bank_library_choose_language (IvcBankLibrary     *self,
                                  const char * const *language_names)
{
  g_return_val_if_fail (IVC_IS_BANK_LIBRARY (self), NULL);

  if (self->bundled_infos->len == 0)
    return NULL;

  for (guint i = 0; language_names != NULL && language_names[i] != NULL; i++)
    {
      int index;

      /* "C" and "POSIX" are no language: the original. */
      if (strcmp (language_names[i], "C") == 0 || strcmp (language_names[i], "POSIX") == 0)
        break;

      index = find_language (self, language_names[i]);
      if (index >= 0)
        return ivc_bank_info_get_language (g_ptr_array_index (self->bundled_infos, index));
    }

  return ivc_bank_info_get_language (g_ptr_array_index (self->bundled_infos, 0));
}

/**
 * ivc_bank_library_set_bundled_language:
 * @language: a language, as for ivc_bank_library_lookup_bundled()
 *
 * Makes the version of the bundled bank in @language the one that stands
 * for the bundled bank: ivc_bank_library_get_bundled() and
 * ivc_bank_library_lookup() with the bundled bank's id give it, and it is
 * listed in place of the one chosen before (unless an imported bank with
 * the same id is listed in their place).
 *
 * Returns: %TRUE if there is a version in @language
 */
gboolean
ivc_bank_library_set_bundled_language (IvcBankLibrary *self,
                                       const char     *language)
{
  IvcBankInfo *version;
  gboolean listed;
  int index;

  g_return_val_if_fail (IVC_IS_BANK_LIBRARY (self), FALSE);
  g_return_val_if_fail (language != NULL, FALSE);

  index = find_language (self, language);
  if (index < 0)
    return FALSE;

  version = g_ptr_array_index (self->bundled_infos, index);
  if (version == self->bundled)
    return TRUE;

  listed = self->items->len > 0 && g_ptr_array_index (self->items, 0) == self->bundled;
  g_set_object (&self->bundled, version);
  g_set_object (&self->bundled_bank, g_ptr_array_index (self->bundled_banks, index));

  if (listed)
    {
      IvcBankInfo *old = g_ptr_array_index (self->items, 0);

      g_ptr_array_index (self->items, 0) = g_object_ref (version);
      g_object_unref (old);
      g_list_model_items_changed (G_LIST_MODEL (self), 0, 1, 1);
    }

  return TRUE;
}

/**
 * ivc_bank_library_get_bundled_versions:
 *
 * Returns: (transfer none): every language version of the bundled bank,
 *   as #IvcBankInfo, the original first: what the bank switcher offers in
 *   place of the one listed
 */
GListModel *
ivc_bank_library_get_bundled_versions (IvcBankLibrary *self)
{
  g_return_val_if_fail (IVC_IS_BANK_LIBRARY (self), NULL);

  if (self->bundled_versions == NULL)
    {
      self->bundled_versions = g_list_store_new (IVC_TYPE_BANK_INFO);
      for (guint i = 0; i < self->bundled_infos->len; i++)
        g_list_store_append (self->bundled_versions, g_ptr_array_index (self->bundled_infos, i));
    }

  return G_LIST_MODEL (self->bundled_versions);
}
