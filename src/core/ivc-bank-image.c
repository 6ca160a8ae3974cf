/* ivc-bank-image.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The image of an imported bank: the validated bank serialised as a
 * GVariant beside its JSON file, mapped and turned back into a bank
 * without parsing JSON; and the load that uses it, falling back to the
 * JSON file (and writing the image again) whenever it cannot.
 */

#define G_LOG_DOMAIN "ivc-bank-image"

#include "config.h"

#include <string.h>
#include <sys/stat.h>

#include <glib/gstdio.h>

#include "ivc-bank-image.h"
#include "ivc-file-util.h"
#include "ivc-question-bank-private.h"

/*
 * "<folder>/<id>.json" has its image in "<folder>/.<id>.image": a name
 * that a folder scan skips (it does not end in ".json") and a file manager
 * hides. The image is a cache, never the source:
 *
 * - It is written only from a bank the loader validated, and records the
 *   JSON file's stamp (size, inode, modification and change times) taken
 *   before that file was read. It is used only while the JSON file's stamp
 *   is the same: a JSON file written again, edited, copied over or put
 *   back has another one.
 * - It starts with a magic string and a version: an image of another
 *   version is not read. Its type is fixed (IMAGE_TYPE); a whole image is
 *   in GVariant's normal form, and a bank read from it is checked again for
 *   what a damaged image could break (ids, their uniqueness, counts and
 *   limits). Anything wrong and the image is ignored, the JSON file read
 *   as before (every check and message of the loader), and the image
 *   written again.
 */

#define IMAGE_MAGIC    "interview-companion bank image"
#define IMAGE_VERSION  1

/* The largest image read: a bank's JSON is at most IVC_BANK_MAX_FILE_SIZE,
 * and its image holds the same texts with a few offsets each. */
#define IMAGE_MAX_SIZE (4 * (gsize)IVC_BANK_MAX_FILE_SIZE)

/* question: id, question, strong answer, red flag, tags, title ("" for
 * none), follow-ups, the rubric's IVC_QUESTION_RUBRIC_SCORES anchors ("" for
 * none) */
#define QUESTION_TYPE  "(ssssassasas)"
/* level: id, title, experience, focus, questions */
#define LEVEL_TYPE     "(ssssa" QUESTION_TYPE ")"
/* bank: id, title, description, language, warnings, number of questions,
 * levels */
#define BANK_TYPE      "(ssssasua" LEVEL_TYPE ")"
/* magic, version, the JSON file's stamp, the bank */
#define STAMP_TYPE     "(ttxxxx)"
#define IMAGE_TYPE     "(su" STAMP_TYPE BANK_TYPE ")"

enum {
  IMAGE_MAGIC_INDEX,
  IMAGE_VERSION_INDEX,
  IMAGE_STAMP_INDEX,
  IMAGE_BANK_INDEX,
};

/**
 * ivc_bank_image_dup_path:
 * @json_path: a bank file in the banks folder, "<folder>/<id>.json"
 *
 * Returns: (transfer full): where its image is kept
 */
char *
ivc_bank_image_dup_path (const char *json_path)
{
  g_autofree char *folder = g_path_get_dirname (json_path);
  g_autofree char *name = g_path_get_basename (json_path);
  g_autofree char *image_name = NULL;

  if (g_str_has_suffix (name, ".json"))
    name[strlen (name) - strlen (".json")] = '\0';
  image_name = g_strconcat (".", name, ".image", NULL);

  return g_build_filename (folder, image_name, NULL);
}

/**
 * ivc_bank_stamp_read:
 *
 * Returns: %TRUE if @json_path is a regular file, with @stamp filled in
 */
gboolean
ivc_bank_stamp_read (const char   *json_path,
                     IvcBankStamp *stamp)
{
  struct stat st;

  memset (stamp, 0, sizeof *stamp);
  if (stat (json_path, &st) != 0 || !S_ISREG (st.st_mode))
    return FALSE;

  stamp->size = st.st_size;
  stamp->inode = st.st_ino;
  stamp->mtime_sec = st.st_mtim.tv_sec;
  stamp->mtime_nsec = st.st_mtim.tv_nsec;
  stamp->ctime_sec = st.st_ctim.tv_sec;
  stamp->ctime_nsec = st.st_ctim.tv_nsec;

  return TRUE;
}

static gboolean
stamps_equal (const IvcBankStamp *a,
              const IvcBankStamp *b)
{
  return a->size == b->size && a->inode == b->inode &&
         a->mtime_sec == b->mtime_sec && a->mtime_nsec == b->mtime_nsec &&
         a->ctime_sec == b->ctime_sec && a->ctime_nsec == b->ctime_nsec;
}

/*
 * Writing.
 */

static void
add_strv (GVariantBuilder    *builder,
          const char * const *strv)
{
  g_variant_builder_open (builder, G_VARIANT_TYPE_STRING_ARRAY);
  for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
    g_variant_builder_add (builder, "s", strv[i]);
  g_variant_builder_close (builder);
}

static void
add_question (GVariantBuilder *builder,
              IvcQuestion     *question)
{
  const char *title = ivc_question_get_title (question);

  g_variant_builder_open (builder, G_VARIANT_TYPE (QUESTION_TYPE));
  g_variant_builder_add (builder, "s", ivc_question_get_id (question));
  g_variant_builder_add (builder, "s", ivc_question_get_question (question));
  g_variant_builder_add (builder, "s", ivc_question_get_strong_answer (question));
  g_variant_builder_add (builder, "s", ivc_question_get_red_flag (question));
  add_strv (builder, ivc_question_get_tags (question));
  g_variant_builder_add (builder, "s", title ? title : "");
  add_strv (builder, ivc_question_get_follow_ups (question));
  g_variant_builder_open (builder, G_VARIANT_TYPE_STRING_ARRAY);
  for (guint score = 1; score <= IVC_QUESTION_RUBRIC_SCORES; score++)
    {
      const char *anchor = ivc_question_get_rubric_anchor (question, score);

      g_variant_builder_add (builder, "s", anchor ? anchor : "");
    }
  g_variant_builder_close (builder);
  g_variant_builder_close (builder);
}

/**
 * ivc_bank_image_serialize:
 * @bank: a bank the loader validated
 * @stamp: its JSON file's stamp, taken before the file was read
 *
 * In any thread, for a bank no other thread uses yet.
 *
 * Returns: (transfer full): the image's bytes
 */
GBytes *
ivc_bank_image_serialize (IvcQuestionBank    *bank,
                          const IvcBankStamp *stamp)
{
  g_auto(GVariantBuilder) builder = G_VARIANT_BUILDER_INIT (G_VARIANT_TYPE (IMAGE_TYPE));
  GListModel *levels = ivc_question_bank_get_levels (bank);
  g_autoptr(GVariant) image = NULL;

  g_variant_builder_add (&builder, "s", IMAGE_MAGIC);
  g_variant_builder_add (&builder, "u", IMAGE_VERSION);
  g_variant_builder_add (&builder, STAMP_TYPE, stamp->size, stamp->inode,
                         stamp->mtime_sec, stamp->mtime_nsec, stamp->ctime_sec, stamp->ctime_nsec);

  g_variant_builder_open (&builder, G_VARIANT_TYPE (BANK_TYPE));
  g_variant_builder_add (&builder, "s", ivc_question_bank_get_id (bank));
  g_variant_builder_add (&builder, "s", ivc_question_bank_get_title (bank));
  g_variant_builder_add (&builder, "s", ivc_question_bank_get_description (bank));
  g_variant_builder_add (&builder, "s", ivc_question_bank_get_language (bank));
  add_strv (&builder, ivc_question_bank_get_warnings (bank));
  g_variant_builder_add (&builder, "u", ivc_question_bank_get_n_questions (bank));

  g_variant_builder_open (&builder, G_VARIANT_TYPE ("a" LEVEL_TYPE));
  for (guint i = 0; i < g_list_model_get_n_items (levels); i++)
    {
      g_autoptr(IvcLevel) level = g_list_model_get_item (levels, i);
      GListModel *questions = ivc_level_get_questions (level);
      guint n = g_list_model_get_n_items (questions);

      g_variant_builder_open (&builder, G_VARIANT_TYPE (LEVEL_TYPE));
      g_variant_builder_add (&builder, "s", ivc_level_get_id (level));
      g_variant_builder_add (&builder, "s", ivc_level_get_title (level));
      g_variant_builder_add (&builder, "s", ivc_level_get_experience (level));
      g_variant_builder_add (&builder, "s", ivc_level_get_focus (level));
      g_variant_builder_open (&builder, G_VARIANT_TYPE ("a" QUESTION_TYPE));
      for (guint j = 0; j < n; j++)
        {
          g_autoptr(IvcQuestion) question = g_list_model_get_item (questions, j);

          add_question (&builder, question);
        }
      g_variant_builder_close (&builder);
      g_variant_builder_close (&builder);
    }
  g_variant_builder_close (&builder);
  g_variant_builder_close (&builder);

  image = g_variant_ref_sink (g_variant_builder_end (&builder));
  return g_variant_get_data_as_bytes (image);
}

/**
 * ivc_bank_image_save:
 *
 * Writes an image beside @json_path, atomically, as every file of the app.
 */
gboolean
ivc_bank_image_save (const char  *json_path,
                     GBytes      *image,
                     GError     **error)
{
  g_autofree char *path = ivc_bank_image_dup_path (json_path);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return ivc_file_util_write_bytes (file, image, IVC_FILE_UTIL_WRITE_NONE, NULL, error);
}

/**
 * ivc_bank_image_delete:
 *
 * Deletes the image of @json_path, if there is one: with its bank removed.
 */
void
ivc_bank_image_delete (const char *json_path)
{
  g_autofree char *path = ivc_bank_image_dup_path (json_path);

  g_unlink (path);
}

/*
 * Reading.
 */

/* The image of @json_path if it is there, of this version, and made of the
 * JSON file as it is now; only its header is looked at. */
static GVariant *
open_image (const char *json_path)
{
  g_autofree char *path = ivc_bank_image_dup_path (json_path);
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GVariant) image = NULL;
  g_autoptr(GVariant) magic = NULL;
  g_autoptr(GVariant) version = NULL;
  g_autoptr(GVariant) stamp_value = NULL;
  IvcBankStamp stamp, recorded;
  struct stat st;

  if (!ivc_bank_stamp_read (json_path, &stamp))
    return NULL;

  /* A regular file of a sensible size, never through a link. */
  if (g_lstat (path, (GStatBuf *)&st) != 0 || !S_ISREG (st.st_mode) ||
      st.st_size == 0 || (gsize)st.st_size > IMAGE_MAX_SIZE)
    return NULL;

  mapped = g_mapped_file_new (path, FALSE, NULL);
  if (mapped == NULL)
    return NULL;

  bytes = g_mapped_file_get_bytes (mapped);
  /* Not trusted: GVariant checks every offset it follows. */
  image = g_variant_ref_sink (g_variant_new_from_bytes (G_VARIANT_TYPE (IMAGE_TYPE), bytes, FALSE));

  magic = g_variant_get_child_value (image, IMAGE_MAGIC_INDEX);
  version = g_variant_get_child_value (image, IMAGE_VERSION_INDEX);
  if (g_strcmp0 (g_variant_get_string (magic, NULL), IMAGE_MAGIC) != 0 ||
      g_variant_get_uint32 (version) != IMAGE_VERSION)
    return NULL;

  stamp_value = g_variant_get_child_value (image, IMAGE_STAMP_INDEX);
  g_variant_get (stamp_value, STAMP_TYPE, &recorded.size, &recorded.inode,
                 &recorded.mtime_sec, &recorded.mtime_nsec,
                 &recorded.ctime_sec, &recorded.ctime_nsec);
  if (!stamps_equal (&stamp, &recorded))
    return NULL;

  return g_steal_pointer (&image);
}

static char *
dup_file_id (const char *json_path)
{
  char *name = g_path_get_basename (json_path);

  if (g_str_has_suffix (name, ".json"))
    name[strlen (name) - strlen (".json")] = '\0';

  return name;
}

/**
 * ivc_bank_image_read_info:
 * @json_path: a bank file in the banks folder
 *
 * What the bank list shows of a bank, from its image's first bytes: the
 * questions are not read.
 *
 * Returns: (transfer full) (nullable): the info, or %NULL if there is no
 *   usable image (then read the JSON file)
 */
IvcBankInfo *
ivc_bank_image_read_info (const char *json_path,
                          GFile      *file,
                          GDateTime  *imported,
                          gboolean    overrides_bundled)
{
  g_autoptr(GVariant) image = open_image (json_path);
  g_autoptr(GVariant) bank = NULL;
  g_autoptr(GVariant) levels = NULL;
  g_autofree char *file_id = dup_file_id (json_path);
  const char *id, *title, *description, *language;
  guint32 n_questions;

  if (image == NULL)
    return NULL;

  bank = g_variant_get_child_value (image, IMAGE_BANK_INDEX);
  g_variant_get_child (bank, 0, "&s", &id);
  g_variant_get_child (bank, 1, "&s", &title);
  g_variant_get_child (bank, 2, "&s", &description);
  g_variant_get_child (bank, 3, "&s", &language);
  g_variant_get_child (bank, 5, "u", &n_questions);
  levels = g_variant_get_child_value (bank, 6);

  /* A damaged header reads as empty texts: not this bank. */
  if (g_strcmp0 (id, file_id) != 0 || *title == '\0' ||
      g_variant_n_children (levels) > IVC_BANK_MAX_LEVELS ||
      n_questions > IVC_BANK_MAX_QUESTIONS)
    return NULL;

  return ivc_bank_info_new_full (id, title, description, language,
                                 g_variant_n_children (levels), n_questions,
                                 file, imported, overrides_bundled);
}

static gboolean
is_named_after (const char *json_path,
                const char *id)
{
  g_autofree char *file_id = dup_file_id (json_path);

  return g_strcmp0 (file_id, id) == 0;
}

/* Rebuilds the bank, checking what a damaged image could get wrong. */
static IvcQuestionBank *
bank_from_image (GVariant   *bank,
                 const char *file_id)
{
  g_autoptr(GHashTable) level_ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) question_ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) levels = NULL;
  g_autoptr(GVariant) levels_value = NULL;
  g_autofree const char **warnings = NULL;
  g_autoptr(IvcQuestionBank) self = NULL;
  const char *id, *title, *description, *language;
  guint32 n_questions;
  guint n_levels, counted = 0;

  g_variant_get (bank, "(&s&s&s&s^a&su@a" LEVEL_TYPE ")", &id, &title, &description, &language,
                 &warnings, &n_questions, &levels_value);

  n_levels = g_variant_n_children (levels_value);
  if (g_strcmp0 (id, file_id) != 0 || *title == '\0' ||
      n_levels > IVC_BANK_MAX_LEVELS || n_questions > IVC_BANK_MAX_QUESTIONS)
    return NULL;

  levels = g_ptr_array_new_full (n_levels, g_object_unref);
  for (guint i = 0; i < n_levels; i++)
    {
      g_autoptr(GVariant) level_value = g_variant_get_child_value (levels_value, i);
      g_autoptr(GVariant) questions_value = NULL;
      g_autoptr(GPtrArray) questions = NULL;
      g_autoptr(IvcLevel) level = NULL;
      const char *level_id, *level_title, *experience, *focus;
      guint n;

      g_variant_get (level_value, "(&s&s&s&s@a" QUESTION_TYPE ")",
                     &level_id, &level_title, &experience, &focus, &questions_value);
      if (!ivc_bank_id_is_valid (level_id) || *level_title == '\0' ||
          !g_hash_table_add (level_ids, (char *)level_id))
        return NULL;

      n = g_variant_n_children (questions_value);
      if (n > IVC_BANK_MAX_QUESTIONS - counted)
        return NULL;
      counted += n;

      questions = g_ptr_array_new_full (n, g_object_unref);
      for (guint j = 0; j < n; j++)
        {
          g_autoptr(GVariant) question_value = g_variant_get_child_value (questions_value, j);
          g_autofree const char **tags = NULL;
          g_autofree const char **follow_ups = NULL;
          g_autofree const char **rubric = NULL;
          const char *question_id, *text, *strong_answer, *red_flag, *question_title;
          gsize n_rubric = 0;

          g_variant_get (question_value, "(&s&s&s&s^a&s&s^a&s@as)", &question_id, &text,
                         &strong_answer, &red_flag, &tags, &question_title, &follow_ups, NULL);
          {
            g_autoptr(GVariant) rubric_value = g_variant_get_child_value (question_value, 7);

            rubric = g_variant_get_strv (rubric_value, &n_rubric);
          }

          if (!ivc_bank_id_is_valid (question_id) || *text == '\0' ||
              n_rubric != IVC_QUESTION_RUBRIC_SCORES ||
              g_strv_length ((char **)tags) > IVC_BANK_MAX_TAGS ||
              g_strv_length ((char **)follow_ups) > IVC_BANK_MAX_FOLLOW_UPS ||
              !g_hash_table_add (question_ids, (char *)question_id))
            return NULL;

          g_ptr_array_add (questions,
                           ivc_question_new_full (question_id, text, strong_answer, red_flag,
                                                  tags, question_title, follow_ups, rubric));
        }

      level = ivc_level_new (level_id, level_title, experience, focus);
      ivc_level_take_questions (level, g_steal_pointer (&questions));
      g_ptr_array_add (levels, g_steal_pointer (&level));
    }

  if (counted != n_questions)
    return NULL;

  self = ivc_question_bank_new_take_levels (id, title, description, language,
                                            g_steal_pointer (&levels), n_questions);
  if (warnings != NULL && warnings[0] != NULL)
    _ivc_question_bank_take_warnings (self, g_strdupv ((char **)warnings));

  return g_steal_pointer (&self);
}

/**
 * ivc_bank_image_read_bank:
 * @json_path: a bank file in the banks folder
 *
 * Returns: (transfer full) (nullable): the bank from its image, or %NULL if
 *   there is no usable image (then read the JSON file)
 */
IvcQuestionBank *
ivc_bank_image_read_bank (const char *json_path)
{
  g_autoptr(GVariant) image = open_image (json_path);
  g_autoptr(GVariant) bank = NULL;
  g_autofree char *file_id = NULL;

  /* The whole image is looked at before anything is built from it. */
  if (image == NULL || !g_variant_is_normal_form (image))
    return NULL;

  file_id = dup_file_id (json_path);
  bank = g_variant_get_child_value (image, IMAGE_BANK_INDEX);
  return bank_from_image (bank, file_id);
}

/**
 * ivc_bank_image_load:
 * @json_file: a bank file in the banks folder
 * @problems: (out) (optional) (element-type GError): as for
 *   ivc_question_bank_new_from_file(), when the JSON file was read
 *
 * Loads an imported bank: from its image if it has a usable one, or else
 * from the JSON file exactly as ivc_question_bank_new_from_file() does,
 * writing the image again for the next time.
 *
 * Returns: (transfer full) (nullable): the bank, or %NULL with @error set
 */
IvcQuestionBank *
ivc_bank_image_load (GFile         *json_file,
                     GCancellable  *cancellable,
                     GPtrArray    **problems,
                     GError       **error)
{
  g_autoptr(IvcQuestionBank) bank = NULL;
  const char *path;
  IvcBankStamp before, after;

  g_return_val_if_fail (G_IS_FILE (json_file), NULL);

  path = g_file_peek_path (json_file);
  if (path != NULL && g_str_has_suffix (path, ".json"))
    {
      bank = ivc_bank_image_read_bank (path);
      if (bank != NULL)
        {
          if (problems != NULL)
            *problems = g_ptr_array_new_with_free_func ((GDestroyNotify)g_error_free);
          return g_steal_pointer (&bank);
        }
    }

  /* The stamp is taken before reading, so that an image never claims a
   * version of the file that it was not made of. */
  if (path == NULL || !ivc_bank_stamp_read (path, &before))
    path = NULL;

  bank = ivc_question_bank_new_from_file (json_file, cancellable, problems, error);
  if (bank == NULL)
    return NULL;

  /* Written only for a bank named after its file (the library lists no
   * other) that did not change while it was read; a failure costs the next
   * start some time, nothing else. */
  if (path != NULL && g_str_has_suffix (path, ".json") &&
      ivc_bank_stamp_read (path, &after) && stamps_equal (&before, &after) &&
      is_named_after (path, ivc_question_bank_get_id (bank)))
    {
      g_autoptr(GBytes) image = ivc_bank_image_serialize (bank, &before);
      g_autoptr(GError) local_error = NULL;

      if (!ivc_bank_image_save (path, image, &local_error))
        g_debug ("The image of %s was not written: %s", path, local_error->message);
    }

  return g_steal_pointer (&bank);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;
  IvcQuestionBank *bank;

  bank = ivc_bank_image_load (task_data, cancellable, NULL, &error);
  if (bank == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, bank, g_object_unref);
}

/**
 * ivc_bank_image_load_async:
 *
 * Does ivc_bank_image_load() in a worker thread.
 */
void
ivc_bank_image_load_async (GFile               *json_file,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (json_file));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  /* Through an integer: ISO C has no cast from a function to a data pointer. */
  g_task_set_source_tag (task, (gpointer)(guintptr)ivc_bank_image_load_async);
  g_task_set_name (task, "[ivc] load imported bank");
  g_task_set_task_data (task, g_object_ref (json_file), g_object_unref);
  g_task_run_in_thread (task, load_thread);
}

/**
 * ivc_bank_image_load_finish:
 *
 * Returns: (transfer full) (nullable): the bank, or %NULL with @error set
 */
IvcQuestionBank *
ivc_bank_image_load_finish (GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
