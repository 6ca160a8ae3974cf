/* ivc-bank-folder.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The banks folder on disk: listing the valid banks in it, and saving an
 * imported bank's exact bytes as "<bank-id>.json", in worker threads.
 */

#define G_LOG_DOMAIN "ivc-bank-library"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "ivc-bank-folder.h"
#include "ivc-bank-library.h"

/*
 * Files, in any thread: nothing here touches a library. Files in the folder
 * are only ever written by an import or an undo; a file that cannot be read
 * is reported and left as it is, or kept aside if an import needs its name.
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

/*
 * File helpers: an atomic write (temporary file, fsync, rename, 0600), a
 * move aside that replaces nothing, and a reader with a size limit.
 *
 * To be replaced by ivc-file-util: these are the bank library's own copies
 * of what the candidate store also does, kept together here so that they
 * can be swapped for the shared helper in one go.
 */

static gboolean
set_errno_error (GError **error,
                 int      saved_errno)
{
  g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       g_strerror (saved_errno));
  return FALSE;
}

/* Writes a new file next to @path and renames it over @path, so that a full
 * disk or a crash leaves the old file or none, never part of the new one.
 * The temporary name is hidden and does not end in ".json": a folder scan
 * skips it. The error message is the system's reason, nothing more. */
static gboolean
write_atomically (const char  *path,
                  GBytes      *bytes,
                  GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *tmp = NULL;
  const guint8 *data;
  gsize len = 0;
  gsize done = 0;
  int saved_errno;
  int fd;

  tmp = g_strdup_printf ("%s%c.%s.XXXXXX", dir, G_DIR_SEPARATOR, base);
  fd = g_mkstemp_full (tmp, O_WRONLY | O_CLOEXEC, 0600);
  if (fd < 0)
    return set_errno_error (error, errno);

  data = g_bytes_get_data (bytes, &len);
  while (done < len)
    {
      gssize n = write (fd, data + done, MIN (len - done, (gsize)G_MAXSSIZE));

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        goto failed;
      done += n;
    }

  if (fsync (fd) != 0)
    goto failed;

  if (close (fd) != 0)
    {
      fd = -1;
      goto failed;
    }
  fd = -1;

  if (g_rename (tmp, path) != 0)
    goto failed;

  return TRUE;

failed:
  saved_errno = errno;
  if (fd >= 0)
    close (fd);
  g_unlink (tmp);

  return set_errno_error (error, saved_errno);
}

/* Renames a file to <name>.kept-<time>[-n], next to it, replacing nothing.
 * Its name no longer ends in ".json", so it is not read again. Returns the
 * new name. */
static char *
move_aside (const char  *path,
            GError     **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%dT%H%M%SZ");

  for (guint i = 1; i <= 1000; i++)
    {
      g_autofree char *target = NULL;
      GStatBuf st;

      if (i == 1)
        target = g_strdup_printf ("%s.kept-%s", path, stamp);
      else
        target = g_strdup_printf ("%s.kept-%s-%u", path, stamp, i);

      if (g_lstat (target, &st) == 0)
        continue;

      if (errno != ENOENT || g_rename (path, target) != 0)
        {
          set_errno_error (error, errno);
          return NULL;
        }

      return g_path_get_basename (target);
    }

  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                       _("too many copies were already kept aside"));
  return NULL;
}

/* Reads @file, refusing it before it is all read if it is larger than
 * @max_size: then %NULL is returned with @too_large set and no error. */
static GBytes *
read_bounded (GFile         *file,
              gsize          max_size,
              GCancellable  *cancellable,
              gboolean      *too_large,
              GError       **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GByteArray) contents = g_byte_array_new ();
  guint8 buffer[64 * 1024];

  *too_large = FALSE;

  stream = g_file_read (file, cancellable, error);
  if (stream == NULL)
    return NULL;

  for (;;)
    {
      gssize n = g_input_stream_read (G_INPUT_STREAM (stream), buffer, sizeof buffer,
                                      cancellable, error);

      if (n < 0)
        return NULL;

      if (n == 0)
        return g_byte_array_free_to_bytes (g_steal_pointer (&contents));

      if (contents->len + n > max_size)
        {
          *too_large = TRUE;
          return NULL;
        }

      g_byte_array_append (contents, buffer, n);
    }
}

/*
 * End of the helpers to be replaced by ivc-file-util.
 */

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

  if (g_mkdir_with_parents (folder_path, 0700) != 0)
    set_errno_error (&local_error, errno);
  else
    write_atomically (path, bytes, &local_error);

  if (local_error != NULL)
    {
      g_set_error (error, IVC_BANK_LIBRARY_ERROR, IVC_BANK_LIBRARY_ERROR_WRITE,
                   _("Could not save the bank to “%s”: %s"), path, local_error->message);
      return NULL;
    }

  return g_file_new_for_path (path);
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
  gboolean too_large;

  bytes = read_bounded (source, IVC_BANK_MAX_FILE_SIZE, cancellable, &too_large, &local_error);
  if (bytes != NULL)
    return bytes;

  if (too_large)
    {
      g_autofree char *limit = ivc_bank_format_size_limit (IVC_BANK_MAX_FILE_SIZE);

      g_ptr_array_add (problems,
                       g_error_new (IVC_BANK_ERROR, IVC_BANK_ERROR_TOO_LARGE,
                                    _("%s: the file is too large; a question bank may be at most %s"),
                                    display_name, limit));
      g_set_error (error, IVC_BANK_LIBRARY_ERROR, IVC_BANK_LIBRARY_ERROR_INVALID,
                   _("“%s” was not imported: the file is too large; a question bank may be at most %s"),
                   display_name, limit);
      return NULL;
    }

  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  g_ptr_array_add (problems,
                   g_error_new (IVC_BANK_ERROR, IVC_BANK_ERROR_READ,
                                _("%s: cannot be read: %s"), display_name, local_error->message));
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
      bank = ivc_question_bank_new_from_file (file, cancellable, NULL, &bank_error);
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

      modified = query_modified (file);
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

  return result;
}

/* Whether @path holds a valid bank with the id @id: then it may be
 * replaced, as it can be read again from the new one's source. */
static gboolean
is_valid_bank_file (const char *path,
                    const char *id)
{
  g_autoptr(IvcQuestionBank) bank = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR) || g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    return FALSE;

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
          g_autofree char *kept_as = move_aside (path, &error);

          if (kept_as == NULL)
            {
              g_set_error (&result->error, IVC_BANK_LIBRARY_ERROR, IVC_BANK_LIBRARY_ERROR_WRITE,
                           _("Could not save the bank to “%s”: a file that could not be read is "
                             "in its place and cannot be moved aside (%s)"),
                           path, error->message);
              return;
            }

          g_ptr_array_add (result->problems,
                           g_error_new (IVC_BANK_LIBRARY_ERROR, IVC_BANK_LIBRARY_ERROR_INVALID,
                                        _("The banks folder already had a file “%s” that could not "
                                          "be read. It was kept as “%s”"),
                                        name, kept_as));
        }
    }

  file = ivc_bank_folder_write_bank (data->folder_path, id, result->bytes, &result->error);
  if (file == NULL)
    return;

  modified = query_modified (file);
  result->info = ivc_bank_info_new (result->bank, file, modified,
                                    g_strcmp0 (id, data->bundled_id) == 0);
  g_clear_pointer (&result->bytes, g_bytes_unref);
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

  result = import_prepare (task_data, cancellable);
  if (result->error != NULL)
    {
      g_task_return_pointer (task, result, (GDestroyNotify)ivc_bank_import_result_free);
      return;
    }

  g_mutex_lock (data->write_mutex);
  import_write (task_data, result, cancellable);
  /* Returned under the lock, so that two imports of the same bank are
   * listed in the order their files were written. */
  g_task_return_pointer (task, result, (GDestroyNotify)ivc_bank_import_result_free);
  g_mutex_unlock (data->write_mutex);
}
