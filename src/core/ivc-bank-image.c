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
 * - It is a GVariant of a fixed type (IMAGE_TYPE), opened as untrusted
 *   data, that starts with a magic string and a version: an image of
 *   another version is not read. Everything in it is checked as it is
 *   read: every text's offset within the texts, every text NUL-terminated,
 *   UTF-8 and within the loader's limits, ids valid and unique, counts
 *   that add up, every number of the layout used.
 *   Anything wrong and the image is ignored, the JSON file read as before
 *   (every check and message of the loader), and the image written again.
 *
 * The bank is two flat arrays, which map and read fast (a GVariant of
 * nested tuples took longer to read than the JSON took to parse): "texts",
 * every text of the bank, each ending with a NUL byte, and "layout", a
 * list of 32-bit numbers, each either a count or a text's offset in
 * "texts":
 *
 *   bank:     id title description language n_warnings warning…
 *             n_questions n_levels level…
 *   level:    id title experience focus n_questions question…
 *   question: id question strong_answer red_flag n_tags tag… title
 *             n_follow_ups follow_up… rubric_1 … rubric_4
 *
 * A question with no title, and a score with no anchor, have "".
 */

#define IMAGE_MAGIC    "interview-companion bank image"
#define IMAGE_VERSION  2

/* The largest image read: a bank's JSON is at most IVC_BANK_MAX_FILE_SIZE,
 * and its image holds the same texts and a few numbers for each. */
#define IMAGE_MAX_SIZE (4 * (gsize)IVC_BANK_MAX_FILE_SIZE)

/* magic, version, the JSON file's stamp, texts, layout */
#define STAMP_TYPE     "(ttxxxx)"
#define IMAGE_TYPE     "(su" STAMP_TYPE "ayau)"

enum {
  IMAGE_MAGIC_INDEX,
  IMAGE_VERSION_INDEX,
  IMAGE_STAMP_INDEX,
  IMAGE_TEXTS_INDEX,
  IMAGE_LAYOUT_INDEX,
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

typedef struct
{
  GString *texts;
  GArray  *layout;
} Writer;

static void
put_count (Writer *w,
           guint   n)
{
  guint32 value = n;

  g_array_append_val (w->layout, value);
}

static void
put_text (Writer     *w,
          const char *text)
{
  put_count (w, w->texts->len);
  g_string_append_len (w->texts, text ? text : "", text ? strlen (text) + 1 : 1);
}

static void
put_strv (Writer             *w,
          const char * const *strv)
{
  guint n = strv ? g_strv_length ((char **)strv) : 0;

  put_count (w, n);
  for (guint i = 0; i < n; i++)
    put_text (w, strv[i]);
}

static void
put_question (Writer      *w,
              IvcQuestion *question)
{
  put_text (w, ivc_question_get_id (question));
  put_text (w, ivc_question_get_question (question));
  put_text (w, ivc_question_get_strong_answer (question));
  put_text (w, ivc_question_get_red_flag (question));
  put_strv (w, ivc_question_get_tags (question));
  put_text (w, ivc_question_get_title (question));
  put_strv (w, ivc_question_get_follow_ups (question));
  for (guint score = 1; score <= IVC_QUESTION_RUBRIC_SCORES; score++)
    put_text (w, ivc_question_get_rubric_anchor (question, score));
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
  GListModel *levels = ivc_question_bank_get_levels (bank);
  guint n_levels = g_list_model_get_n_items (levels);
  /* The texts take less than the JSON they were read from: one buffer,
   * never grown. */
  GString *texts = g_string_sized_new (MIN (stamp->size, IVC_BANK_MAX_FILE_SIZE) + 4096);
  GArray *layout = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_autoptr(GBytes) texts_bytes = NULL;
  g_autoptr(GBytes) layout_bytes = NULL;
  g_autoptr(GVariant) image = NULL;
  Writer w = { texts, layout };
  gsize layout_size;

  put_text (&w, ivc_question_bank_get_id (bank));
  put_text (&w, ivc_question_bank_get_title (bank));
  put_text (&w, ivc_question_bank_get_description (bank));
  put_text (&w, ivc_question_bank_get_language (bank));
  put_strv (&w, ivc_question_bank_get_warnings (bank));
  put_count (&w, ivc_question_bank_get_n_questions (bank));
  put_count (&w, n_levels);

  for (guint i = 0; i < n_levels; i++)
    {
      g_autoptr(IvcLevel) level = g_list_model_get_item (levels, i);
      GListModel *questions = ivc_level_get_questions (level);
      guint n = g_list_model_get_n_items (questions);

      put_text (&w, ivc_level_get_id (level));
      put_text (&w, ivc_level_get_title (level));
      put_text (&w, ivc_level_get_experience (level));
      put_text (&w, ivc_level_get_focus (level));
      put_count (&w, n);
      for (guint j = 0; j < n; j++)
        {
          g_autoptr(IvcQuestion) question = g_list_model_get_item (questions, j);

          put_question (&w, question);
        }
    }

  /* The arrays are not copied into GVariants, only once into the image:
   * a 10,000-question bank's image is some 5 MB. */
  texts_bytes = g_string_free_to_bytes (texts);
  layout_size = layout->len * sizeof (guint32);
  layout_bytes = g_bytes_new_take (g_array_free (layout, FALSE), layout_size);
  image = g_variant_ref_sink (
    g_variant_new ("(su" STAMP_TYPE "@ay@au)", IMAGE_MAGIC, IMAGE_VERSION,
                   stamp->size, stamp->inode, stamp->mtime_sec, stamp->mtime_nsec,
                   stamp->ctime_sec, stamp->ctime_nsec,
                   g_variant_new_from_bytes (G_VARIANT_TYPE_BYTESTRING, texts_bytes, TRUE),
                   g_variant_new_from_bytes (G_VARIANT_TYPE ("au"), layout_bytes, TRUE)));
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

/* Reads an image's layout, checking every number against what it may be. */
typedef struct
{
  const char    *texts;
  gsize          texts_len;
  const guint32 *layout;
  gsize          layout_len;
  gsize          next;
  gboolean       failed;
} Reader;

static guint
get_count (Reader *r,
           guint   max)
{
  guint32 value;

  if (r->failed || r->next >= r->layout_len)
    {
      r->failed = TRUE;
      return 0;
    }

  value = r->layout[r->next++];
  if (value > max)
    {
      r->failed = TRUE;
      return 0;
    }

  return value;
}

/* A text of at most @max_bytes, valid UTF-8; "" once anything failed. */
static const char *
get_text (Reader *r,
          gsize   max_bytes)
{
  guint32 offset = get_count (r, G_MAXUINT32);
  const char *text, *end;

  if (r->failed || offset >= r->texts_len)
    {
      r->failed = TRUE;
      return "";
    }

  /* The texts end with a NUL byte (checked once): the search stops. */
  text = r->texts + offset;
  end = memchr (text, '\0', MIN (r->texts_len - offset, max_bytes + 1));
  if (end == NULL || !g_utf8_validate_len (text, end - text, NULL))
    {
      r->failed = TRUE;
      return "";
    }

  return text;
}

static const char **
get_strv (Reader *r,
          guint   max,
          gsize   max_bytes)
{
  guint n = get_count (r, max);
  const char **strv = g_new (const char *, n + 1);

  for (guint i = 0; i < n; i++)
    strv[i] = get_text (r, max_bytes);
  strv[n] = NULL;

  return strv;
}

static gboolean
get_id (Reader      *r,
        const char **id)
{
  *id = get_text (r, IVC_BANK_MAX_TEXT_BYTES);

  return !r->failed && ivc_bank_id_is_valid (*id);
}

static char *
dup_file_id (const char *json_path)
{
  char *name = g_path_get_basename (json_path);

  if (g_str_has_suffix (name, ".json"))
    name[strlen (name) - strlen (".json")] = '\0';

  return name;
}

static gboolean
is_named_after (const char *json_path,
                const char *id)
{
  g_autofree char *file_id = dup_file_id (json_path);

  return g_strcmp0 (file_id, id) == 0;
}

/* The image's texts and layout, or FALSE if they cannot be what
 * ivc_bank_image_serialize() wrote. */
static gboolean
reader_init (Reader   *r,
             GVariant *image,
             GVariant **texts,
             GVariant **layout)
{
  memset (r, 0, sizeof *r);
  *texts = g_variant_get_child_value (image, IMAGE_TEXTS_INDEX);
  *layout = g_variant_get_child_value (image, IMAGE_LAYOUT_INDEX);
  r->texts = g_variant_get_fixed_array (*texts, &r->texts_len, 1);
  r->layout = g_variant_get_fixed_array (*layout, &r->layout_len, sizeof (guint32));

  return r->texts_len > 0 && r->texts[r->texts_len - 1] == '\0' && r->layout_len > 0;
}

/* The bank's own texts and counts, at the start of the layout. */
typedef struct
{
  const char  *id;
  const char  *title;
  const char  *description;
  const char  *language;
  const char **warnings;
  guint        n_questions;
  guint        n_levels;
} Header;

static gboolean
read_header (Reader     *r,
             const char *json_path,
             Header     *h)
{
  if (!get_id (r, &h->id) || !is_named_after (json_path, h->id))
    return FALSE;
  h->title = get_text (r, IVC_BANK_MAX_TEXT_BYTES);
  h->description = get_text (r, IVC_BANK_MAX_TEXT_BYTES);
  h->language = get_text (r, IVC_BANK_MAX_TEXT_BYTES);
  h->warnings = get_strv (r, IVC_BANK_MAX_PROBLEMS, IVC_BANK_MAX_TEXT_BYTES);
  h->n_questions = get_count (r, IVC_BANK_MAX_QUESTIONS);
  h->n_levels = get_count (r, IVC_BANK_MAX_LEVELS);

  return !r->failed && *h->title != '\0';
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
  g_autoptr(GVariant) texts = NULL;
  g_autoptr(GVariant) layout = NULL;
  Header h = { 0 };
  Reader r;
  gboolean ok;

  if (image == NULL || !reader_init (&r, image, &texts, &layout))
    return NULL;

  ok = read_header (&r, json_path, &h);
  g_free (h.warnings);
  if (!ok)
    return NULL;

  return ivc_bank_info_new_full (h.id, h.title, h.description, h.language,
                                 h.n_levels, h.n_questions, file, imported, overrides_bundled);
}

static IvcQuestion *
read_question (Reader     *r,
               GHashTable *question_ids)
{
  g_autofree const char **tags = NULL;
  g_autofree const char **follow_ups = NULL;
  const char *rubric[IVC_QUESTION_RUBRIC_SCORES];
  const char *id, *text, *strong_answer, *red_flag, *title;

  if (!get_id (r, &id))
    return NULL;
  text = get_text (r, IVC_BANK_MAX_TEXT_BYTES);
  strong_answer = get_text (r, IVC_BANK_MAX_TEXT_BYTES);
  red_flag = get_text (r, IVC_BANK_MAX_TEXT_BYTES);
  tags = get_strv (r, IVC_BANK_MAX_TAGS, IVC_BANK_MAX_TAG_CHARS * 4);
  title = get_text (r, IVC_BANK_MAX_TEXT_BYTES);
  follow_ups = get_strv (r, IVC_BANK_MAX_FOLLOW_UPS, IVC_BANK_MAX_TEXT_BYTES);
  for (guint i = 0; i < IVC_QUESTION_RUBRIC_SCORES; i++)
    rubric[i] = get_text (r, IVC_BANK_MAX_TEXT_BYTES);

  if (r->failed || *text == '\0' || !g_hash_table_add (question_ids, (char *)id))
    return NULL;

  return ivc_question_new_full (id, text, strong_answer, red_flag, tags, title, follow_ups, rubric);
}

/* Rebuilds the bank, checking what a damaged image could get wrong. */
static IvcQuestionBank *
read_bank (Reader     *r,
           const char *json_path)
{
  g_autoptr(GHashTable) level_ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) question_ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) levels = NULL;
  g_autoptr(IvcQuestionBank) self = NULL;
  g_autofree const char **warnings = NULL;
  Header h = { 0 };
  guint counted = 0;
  gboolean ok;

  ok = read_header (r, json_path, &h);
  warnings = h.warnings;
  if (!ok)
    return NULL;

  levels = g_ptr_array_new_full (h.n_levels, g_object_unref);
  for (guint i = 0; i < h.n_levels; i++)
    {
      g_autoptr(GPtrArray) questions = NULL;
      g_autoptr(IvcLevel) level = NULL;
      const char *id, *title, *experience, *focus;
      guint n;

      if (!get_id (r, &id))
        return NULL;
      title = get_text (r, IVC_BANK_MAX_TEXT_BYTES);
      experience = get_text (r, IVC_BANK_MAX_TEXT_BYTES);
      focus = get_text (r, IVC_BANK_MAX_TEXT_BYTES);
      n = get_count (r, h.n_questions - counted);
      if (r->failed || *title == '\0' || !g_hash_table_add (level_ids, (char *)id))
        return NULL;
      counted += n;

      questions = g_ptr_array_new_full (n, g_object_unref);
      for (guint j = 0; j < n; j++)
        {
          IvcQuestion *question = read_question (r, question_ids);

          if (question == NULL)
            return NULL;
          g_ptr_array_add (questions, question);
        }

      level = ivc_level_new (id, title, experience, focus);
      ivc_level_take_questions (level, g_steal_pointer (&questions));
      g_ptr_array_add (levels, g_steal_pointer (&level));
    }

  /* Every number read, and the count right. */
  if (counted != h.n_questions || r->next != r->layout_len)
    return NULL;

  self = ivc_question_bank_new_take_levels (h.id, h.title, h.description, h.language,
                                            g_steal_pointer (&levels), h.n_questions);
  if (warnings[0] != NULL)
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
  g_autoptr(GVariant) texts = NULL;
  g_autoptr(GVariant) layout = NULL;
  Reader r;

  /* Not g_variant_is_normal_form (): it looks at the texts byte by byte,
   * which takes longer than the JSON takes to parse; every part is
   * checked as it is read instead, and GVariant never reads outside an
   * untrusted image, normal or not. */
  if (image == NULL || !reader_init (&r, image, &texts, &layout))
    return NULL;

  return read_bank (&r, json_path);
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
