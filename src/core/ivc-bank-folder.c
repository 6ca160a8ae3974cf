/* ivc-bank-folder.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The banks folder on disk: listing the valid banks in it, and saving an
 * imported bank's exact bytes as "<bank-id>.json", in worker threads.
 */

#define G_LOG_DOMAIN "ivc-bank-library"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "ivc-bank-folder.h"
#include "ivc-bank-image.h"
#include "ivc-bank-writer.h"
#include "ivc-guide-importer.h"
#include "ivc-bank-library.h"
#include "ivc-file-util.h"

/*
 * Files, in any thread: nothing here touches a library. Files in the folder
 * are only ever written by an import or an undo; a file that cannot be read
 * is reported and left as it is, or kept aside if an import needs its name.
 * Reading, writing and keeping aside go through ivc-file-util, like every
 * other file the application has.
 */

void
ivc_bank_scan_result_free (IvcBankScanResult *result)
{
  g_clear_pointer (&result->infos, g_ptr_array_unref);
  g_clear_pointer (&result->problems, g_ptr_array_unref);
  g_free (result);
}

void
ivc_bank_scan_data_free (IvcBankScanData *data)
{
  g_free (data->folder_path);
  g_free (data->bundled_id);
  g_free (data);
}

void
ivc_bank_import_data_free (IvcBankImportData *data)
{
  g_clear_object (&data->source);
  g_free (data->folder_path);
  g_free (data->bundled_id);
  g_clear_pointer (&data->listed_ids, g_hash_table_unref);
  g_free (data);
}

void
ivc_bank_import_result_free (IvcBankImportResult *result)
{
  g_clear_pointer (&result->bytes, g_bytes_unref);
  g_clear_object (&result->bank);
  g_clear_object (&result->info);
  g_clear_pointer (&result->problems, g_ptr_array_unref);
  g_clear_error (&result->error);
  g_free (result);
}

static GPtrArray *
problems_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify)g_error_free);
}

static char *
dup_display_name (GFile *file)
{
  char *name = g_file_get_basename (file);

  return name ? name : g_file_get_uri (file);
}

static GDateTime *
query_modified (GFile *file)
{
  g_autoptr(GFileInfo) info = NULL;

  info = g_file_query_info (file,
                            G_FILE_ATTRIBUTE_TIME_MODIFIED "," G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC,
                            G_FILE_QUERY_INFO_NONE, NULL, NULL);
  if (info == NULL || !g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_TIME_MODIFIED))
    return g_date_time_new_now_utc ();

  return g_file_info_get_modification_date_time (info);
}

/* Writes a bank's bytes as <folder>/<id>.json, creating the folder. */
GFile *
ivc_bank_folder_write_bank (const char  *folder_path,
                            const char  *id,
                            GBytes      *bytes,
                            GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = g_strconcat (id, IVC_BANK_FILE_SUFFIX, NULL);
  g_autofree char *path = g_build_filename (folder_path, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  /* The temporary file's name does not end in ".json": a scan skips it. */
  if (!ivc_file_util_write_bytes (file, bytes,
                                  IVC_FILE_UTIL_WRITE_CREATE_FOLDER | IVC_FILE_UTIL_WRITE_REASON_ONLY,
                                  NULL, &local_error))
    {
      g_set_error (error, IVC_BANK_LIBRARY_ERROR, IVC_BANK_LIBRARY_ERROR_WRITE,
                   _("Could not save the bank to “%s”: %s"), path, local_error->message);
      return NULL;
    }

  return g_steal_pointer (&file);
}

/* Reads a file to import, refusing it before it is all read if it is too
 * large; the problem is also added to @problems, as the loader would. */
static GBytes *
read_source (GFile         *source,
             const char    *display_name,
             GCancellable  *cancellable,
             GPtrArray     *problems,
             GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  GBytes *bytes;

  bytes = ivc_bank_read_bytes (source, cancellable, &local_error);
  if (bytes != NULL)
    return bytes;

  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  g_ptr_array_add (problems, ivc_bank_read_problem_new (display_name, local_error));

  if (g_error_matches (local_error, IVC_FILE_UTIL_ERROR, IVC_FILE_UTIL_ERROR_TOO_LARGE))
    {
      g_autofree char *limit = ivc_file_util_format_limit (IVC_BANK_MAX_FILE_SIZE);

      g_set_error (error, IVC_BANK_LIBRARY_ERROR, IVC_BANK_LIBRARY_ERROR_INVALID,
                   _("“%s” was not imported: the file is too large; a question bank may be at most %s"),
                   display_name, limit);
      return NULL;
    }

  g_set_error (error, IVC_BANK_LIBRARY_ERROR, IVC_BANK_LIBRARY_ERROR_READ,
               _("“%s” could not be read: %s"), display_name, local_error->message);
  return NULL;
}

IvcBankScanResult *
ivc_bank_folder_scan (const char    *folder_path,
                      const char    *bundled_id,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GDir) dir = NULL;
  IvcBankScanResult *result;
  const char *name;

  result = g_new0 (IvcBankScanResult, 1);
  result->infos = g_ptr_array_new_with_free_func (g_object_unref);
  result->problems = problems_new ();

  dir = g_dir_open (folder_path, 0, &local_error);
  if (dir == NULL)
    {
      /* Nothing imported yet. */
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return result;

      g_set_error (error, IVC_BANK_LIBRARY_ERROR, IVC_BANK_LIBRARY_ERROR_FOLDER,
                   _("The banks folder “%s” cannot be read: %s"),
                   folder_path, local_error->message);
      ivc_bank_scan_result_free (result);
      return NULL;
    }

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autoptr(IvcQuestionBank) bank = NULL;
      g_autoptr(GDateTime) modified = NULL;
      g_autoptr(GError) bank_error = NULL;
      g_autoptr(GFile) file = NULL;
      g_autofree char *id = NULL;
      g_autofree char *path = NULL;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          ivc_bank_scan_result_free (result);
          return NULL;
        }

      if (!g_str_has_suffix (name, IVC_BANK_FILE_SUFFIX))
        continue;

      id = g_strndup (name, strlen (name) - strlen (IVC_BANK_FILE_SUFFIX));
      if (!ivc_bank_id_is_valid (id))
        continue;

      path = g_build_filename (folder_path, name, NULL);
      file = g_file_new_for_path (path);

      /* Listed from its image when it has a usable one: the bank is not
       * read at all. */
      modified = query_modified (file);
      {
        IvcBankInfo *info = ivc_bank_image_read_info (path, file, modified,
                                                      g_strcmp0 (id, bundled_id) == 0);

        if (info != NULL)
          {
            g_ptr_array_add (result->infos, info);
            continue;
          }
      }

      bank = ivc_bank_image_load (file, cancellable, NULL, &bank_error);
      if (bank == NULL)
        {
          if (g_error_matches (bank_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
            {
              g_propagate_error (error, g_steal_pointer (&bank_error));
              ivc_bank_scan_result_free (result);
              return NULL;
            }

          g_ptr_array_add (result->problems,
                           g_error_new (IVC_BANK_LIBRARY_ERROR,
                                        g_error_matches (bank_error, IVC_BANK_ERROR, IVC_BANK_ERROR_READ)
                                          ? IVC_BANK_LIBRARY_ERROR_READ
                                          : IVC_BANK_LIBRARY_ERROR_INVALID,
                                        _("“%s” in the banks folder was skipped:\n%s"),
                                        name, bank_error->message));
          continue;
        }

      /* Files are named after their bank; one copied in under another name
       * would list a bank twice, or in the wrong place. */
      if (g_strcmp0 (ivc_question_bank_get_id (bank), id) != 0)
        {
          g_ptr_array_add (result->problems,
                           g_error_new (IVC_BANK_LIBRARY_ERROR, IVC_BANK_LIBRARY_ERROR_INVALID,
                                        _("“%s” in the banks folder was skipped: it holds the bank “%s”, "
                                          "so it should be named “%s%s”"),
                                        name, ivc_question_bank_get_id (bank),
                                        ivc_question_bank_get_id (bank), IVC_BANK_FILE_SUFFIX));
          continue;
        }

      g_ptr_array_add (result->infos,
                       ivc_bank_info_new (bank, file, modified, g_strcmp0 (id, bundled_id) == 0));
    }

  return result;
}

void
ivc_bank_folder_scan_thread (GTask        *task,
                             gpointer      source_object,
                             gpointer      task_data,
                             GCancellable *cancellable)
{
  IvcBankScanData *data = task_data;
  GError *error = NULL;
  IvcBankScanResult *result;

  result = ivc_bank_folder_scan (data->folder_path, data->bundled_id, cancellable, &error);
  if (result == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, result, (GDestroyNotify)ivc_bank_scan_result_free);
}

/* Reads and validates a bank to import. Sets result->error if it cannot be
 * imported. */
static IvcBankImportResult *
import_prepare (IvcBankImportData *data,
                GCancellable      *cancellable)
{
  g_autofree char *display_name = dup_display_name (data->source);
  g_autoptr(GError) error = NULL;
  IvcBankImportResult *result;

  result = g_new0 (IvcBankImportResult, 1);
  result->problems = problems_new ();

  if (g_cancellable_set_error_if_cancelled (cancellable, &result->error))
    return result;

  result->bytes = read_source (data->source, display_name, cancellable,
                               result->problems, &result->error);
  if (result->bytes == NULL)
    return result;

  g_clear_pointer (&result->problems, g_ptr_array_unref);
  result->bank = ivc_question_bank_new_from_bytes (result->bytes, display_name,
                                                   &result->problems, &error);
  if (result->bank == NULL)
    g_set_error (&result->error, IVC_BANK_LIBRARY_ERROR, IVC_BANK_LIBRARY_ERROR_INVALID,
                 _("“%s” was not imported because it is not a valid question bank:\n%s"),
                 display_name, error->message);
  else if (ivc_guide_is_guide_name (display_name))
    {
      /* The folder holds bank files: a guide is kept as the bank it reads
       * as, every id written, so it reads the same way again. */
      g_bytes_unref (result->bytes);
      result->bytes = ivc_bank_writer_to_json (result->bank);
    }

  return result;
}

/* Whether @path holds a valid bank with the id @id: then it may be
 * replaced, as it can be read again from the new one's source. A usable
 * image says so without reading the bank again (it is made only of a
 * valid bank, and only while the file is the one it was made of). */
static gboolean
is_valid_bank_file (const char *path,
                    const char *id)
{
  g_autoptr(IvcQuestionBank) bank = NULL;
  g_autoptr(IvcBankInfo) info = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR) || g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    return FALSE;

  info = ivc_bank_image_read_info (path, NULL, NULL, FALSE);
  if (info != NULL)
    return g_strcmp0 (ivc_bank_info_get_id (info), id) == 0;

  bank = ivc_question_bank_new_from_file (file, NULL, NULL, NULL);
  return bank != NULL && g_strcmp0 (ivc_question_bank_get_id (bank), id) == 0;
}

/* Saves a bank that import_prepare() accepted, under the write mutex. */
static void
import_write (IvcBankImportData   *data,
              IvcBankImportResult *result,
              GCancellable        *cancellable)
{
  g_autoptr(GDateTime) modified = NULL;
  g_autoptr(GFile) file = NULL;
  const char *id;

  g_assert (result->bank != NULL);
  g_assert (result->error == NULL);

  /* The last moment to stop: once written, a bank is imported. */
  if (g_cancellable_set_error_if_cancelled (cancellable, &result->error))
    return;

  id = ivc_question_bank_get_id (result->bank);

  /* A file of that name that is not listed could not be read when the
   * folder was: never overwrite it, keep it aside. */
  if (!g_hash_table_contains (data->listed_ids, id))
    {
      g_autofree char *name = g_strconcat (id, IVC_BANK_FILE_SUFFIX, NULL);
      g_autofree char *path = g_build_filename (data->folder_path, name, NULL);
      GStatBuf st;

      if (g_lstat (path, &st) == 0 && is_valid_bank_file (path, id))
        result->replaced_unlisted = TRUE;
      else if (g_lstat (path, &st) == 0)
        {
          g_autoptr(GError) error = NULL;
          g_autoptr(GFile) file_in_place = g_file_new_for_path (path);
          g_autoptr(GFile) kept = ivc_file_util_move_aside (file_in_place, "kept", &error);
          g_autofree char *kept_as = NULL;

          if (kept == NULL)
            {
              g_set_error (&result->error, IVC_BANK_LIBRARY_ERROR, IVC_BANK_LIBRARY_ERROR_WRITE,
                           _("Could not save the bank to “%s”: a file that could not be read is "
                             "in its place and cannot be moved aside (%s)"),
                           path, error->message);
              return;
            }

          kept_as = g_file_get_basename (kept);
          g_ptr_array_add (result->problems,
                           g_error_new (IVC_BANK_LIBRARY_ERROR, IVC_BANK_LIBRARY_ERROR_INVALID,
                                        _("The banks folder already had a file “%s” that could not "
                                          "be read. It was kept as “%s”"),
                                        name, kept_as));
        }
    }

  /* Decided here, not when the import is listed: the library may have
   * read the folder, this new file included, in the meantime. */
  {
    g_autofree char *name = g_strconcat (id, IVC_BANK_FILE_SUFFIX, NULL);
    g_autofree char *path = g_build_filename (data->folder_path, name, NULL);
    GStatBuf st;

    result->replaced_file = g_lstat (path, &st) == 0;
  }

  file = ivc_bank_folder_write_bank (data->folder_path, id, result->bytes, &result->error);
  if (file == NULL)
    return;

  /* For the image of what was written (save_image()). */
  result->has_stamp = ivc_bank_stamp_read (g_file_peek_path (file), &result->stamp);

  modified = query_modified (file);
  result->info = ivc_bank_info_new (result->bank, file, modified,
                                    g_strcmp0 (id, data->bundled_id) == 0);

  /* Taking the built-in bank's place is allowed (an update of it), but
   * never silent: the built-in bank is no longer listed. */
  if (g_strcmp0 (id, data->bundled_id) == 0)
    g_ptr_array_add (result->problems,
                     g_error_new (IVC_BANK_LIBRARY_ERROR, IVC_BANK_LIBRARY_ERROR_INVALID,
                                  _("“%s” has the id of the built-in bank (“%s”) and is listed in "
                                    "its place; remove it to bring the built-in bank back"),
                                  ivc_question_bank_get_title (result->bank), id));
  g_clear_pointer (&result->bytes, g_bytes_unref);
}

/* The image of what an import wrote, for the next start and the bank
 * list: neither need read the bank again. */
static void
save_image (GFile              *json_file,
            IvcQuestionBank    *bank,
            const IvcBankStamp *stamp)
{
  g_autofree char *json_path = g_file_get_path (json_file);
  g_autoptr(GBytes) image = ivc_bank_image_serialize (bank, stamp);
  g_autoptr(GError) error = NULL;

  /* Without it, the next start reads the JSON file: slower, no worse. */
  if (!ivc_bank_image_save (json_path, image, &error))
    g_debug ("The image of %s was not written: %s", json_path, error->message);
}

/* Imports in the calling thread: reads and validates the bank, and if it is
 * valid, writes it under the write mutex. */
IvcBankImportResult *
ivc_bank_folder_import (IvcBankImportData *data,
                        GCancellable      *cancellable)
{
  IvcBankImportResult *result;

  result = import_prepare (data, cancellable);
  if (result->error == NULL)
    {
      g_mutex_lock (data->write_mutex);
      import_write (data, result, cancellable);
      if (result->error == NULL && result->has_stamp)
        save_image (ivc_bank_info_get_file (result->info), result->bank, &result->stamp);
      g_mutex_unlock (data->write_mutex);
    }

  return result;
}

void
ivc_bank_folder_import_thread (GTask        *task,
                               gpointer      source_object,
                               gpointer      task_data,
                               GCancellable *cancellable)
{
  IvcBankImportData *data = task_data;
  IvcBankImportResult *result;
  g_autoptr(IvcQuestionBank) bank = NULL;
  g_autoptr(GFile) file = NULL;
  IvcBankStamp stamp = { 0 };

  result = import_prepare (task_data, cancellable);
  if (result->error != NULL)
    {
      g_task_return_pointer (task, result, (GDestroyNotify)ivc_bank_import_result_free);
      return;
    }

  g_mutex_lock (data->write_mutex);
  import_write (task_data, result, cancellable);
  if (result->error == NULL && result->has_stamp)
    {
      bank = g_object_ref (result->bank);
      file = g_object_ref (ivc_bank_info_get_file (result->info));
      stamp = result->stamp;
    }
  /* Returned under the lock, so that two imports of the same bank are
   * listed in the order their files were written. The image is made and
   * saved after, while the bank is shown: a bank never changes once
   * loaded, so reading it here is safe (and so is letting it go here,
   * should the window have done so already: a bank is plain data). */
  g_task_return_pointer (task, result, (GDestroyNotify)ivc_bank_import_result_free);
  if (bank != NULL)
    save_image (file, bank, &stamp);
  g_mutex_unlock (data->write_mutex);
}
