/* ivc-bank-library-import.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Importing a bank into the library: the worker in ivc-bank-folder.c
 * validates and saves it, and the main thread lists what it saved.
 */

#define G_LOG_DOMAIN "ivc-bank-library"

#include "config.h"

#include <glib/gi18n.h>

#include "ivc-bank-library.h"
#include "ivc-bank-library-private.h"
#include "ivc-bank-folder.h"

static IvcBankImportData *
import_data_new (IvcBankLibrary *self,
                 GFile          *source)
{
  IvcBankImportData *data = g_new0 (IvcBankImportData, 1);

  data->source = g_object_ref (source);
  data->folder_path = g_strdup (self->folder_path);
  data->bundled_id = g_strdup (ivc_bank_library_get_bundled_id (self));
  data->listed_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  data->write_mutex = &self->write_mutex;

  for (guint i = 0; i < self->items->len; i++)
    {
      IvcBankInfo *info = g_ptr_array_index (self->items, i);

      if (!ivc_bank_info_get_is_bundled (info))
        g_hash_table_add (data->listed_ids, g_strdup (ivc_bank_info_get_id (info)));
    }

  return data;
}

/* Lists what an import saved; on the main thread. */
static void
import_apply (IvcBankLibrary      *self,
              IvcBankImportResult *result)
{
  IvcBankInfo *old;
  const char *id;

  if (result->error != NULL)
    return;

  id = ivc_bank_info_get_id (result->info);
  old = ivc_bank_library_lookup (self, id);
  result->replaced = (old != NULL && !ivc_bank_info_get_is_bundled (old) && result->replaced_file) ||
                     result->replaced_unlisted;

  /* A removal can no longer be undone: the undo would overwrite this. */
  g_hash_table_remove (self->removed, id);

  ivc_bank_library_list_info (self, result->info);
  self->changes++;
}

/* Hands an import's outcome to the caller, and frees it. */
static IvcQuestionBank *
import_return (IvcBankImportResult  *result,
               IvcBankInfo         **info,
               gboolean             *replaced,
               GPtrArray           **problems,
               GError              **error)
{
  IvcQuestionBank *bank = NULL;

  if (problems != NULL)
    *problems = g_ptr_array_ref (result->problems);

  if (result->error != NULL)
    g_propagate_error (error, g_steal_pointer (&result->error));
  else
    {
      if (info != NULL)
        *info = g_object_ref (result->info);
      if (replaced != NULL)
        *replaced = result->replaced;
      bank = g_steal_pointer (&result->bank);
    }

  ivc_bank_import_result_free (result);

  return bank;
}

/**
 * ivc_bank_library_import:
 * @source: the bank file to import
 * @info: (out) (optional) (transfer full): the listed bank
 * @replaced: (out) (optional): whether it replaced an imported bank with
 *   the same id (an update)
 * @problems: (out) (optional) (element-type GError): on failure, every
 *   problem found in @source, each with its file, line and column; on
 *   success, empty, or a note that a file in the way, which could not be
 *   read, was kept aside under another name
 * @error: an %IVC_BANK_LIBRARY_ERROR_INVALID (with all the problems in its
 *   message, one a line), _READ or _WRITE
 *
 * Imports a bank in the calling thread; see ivc_bank_library_import_async()
 * for the main thread.
 *
 * Returns: (transfer full) (nullable): the bank, or %NULL with @error set
 */
IvcQuestionBank *
ivc_bank_library_import (IvcBankLibrary  *self,
                         GFile           *source,
                         GCancellable    *cancellable,
                         IvcBankInfo    **info,
                         gboolean        *replaced,
                         GPtrArray      **problems,
                         GError         **error)
{
  IvcBankImportData *data;
  IvcBankImportResult *result;

  g_return_val_if_fail (IVC_IS_BANK_LIBRARY (self), NULL);
  g_return_val_if_fail (G_IS_FILE (source), NULL);
  g_return_val_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  data = import_data_new (self, source);
  result = ivc_bank_folder_import (data, cancellable);
  ivc_bank_import_data_free (data);

  import_apply (self, result);

  return import_return (result, info, replaced, problems, error);
}


static void
on_import_done_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  IvcBankLibrary *self = IVC_BANK_LIBRARY (object);
  g_autoptr(GTask) task = user_data;
  IvcBankImportResult *imported;

  imported = g_task_propagate_pointer (G_TASK (result), NULL);
  g_assert (imported != NULL);

  import_apply (self, imported);
  g_task_return_pointer (task, imported, (GDestroyNotify)ivc_bank_import_result_free);
}

/**
 * ivc_bank_library_import_async:
 * @source: the bank file to import
 *
 * Reads @source, validates it with the same loader that opens banks, and,
 * if it is valid, saves its exact bytes in the folder as
 * “<bank-id>.json” and lists it, replacing an imported bank with the same
 * id. If it is not valid, nothing is written. All of this happens in a
 * worker thread; the bank is listed when @callback runs.
 *
 * Cancelling stops an import until its file is written, not after.
 */
void
ivc_bank_library_import_async (IvcBankLibrary      *self,
                               GFile               *source,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) worker = NULL;
  GTask *task;

  g_return_if_fail (IVC_IS_BANK_LIBRARY (self));
  g_return_if_fail (G_IS_FILE (source));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  /* Through an integer: ISO C has no cast from a function to a data pointer. */
  g_task_set_name (task, "ivc_bank_library_import_async");
  g_task_set_source_tag (task, (gpointer)(guintptr)ivc_bank_library_import_async);
  /* A bank that was written is imported, cancelled or not. */
  g_task_set_check_cancellable (task, FALSE);

  worker = g_task_new (self, cancellable, on_import_done_cb, task);
  g_task_set_source_tag (worker, (gpointer)(guintptr)ivc_bank_folder_import_thread);
  g_task_set_name (worker, "[ivc] import bank");
  g_task_set_check_cancellable (worker, FALSE);
  g_task_set_task_data (worker, import_data_new (self, source), (GDestroyNotify)ivc_bank_import_data_free);
  g_task_run_in_thread (worker, ivc_bank_folder_import_thread);
}

/**
 * ivc_bank_library_import_finish:
 * @info: (out) (optional) (transfer full): the listed bank
 * @replaced: (out) (optional): whether it replaced an imported bank with
 *   the same id (an update)
 * @problems: (out) (optional) (element-type GError): as for
 *   ivc_bank_library_import()
 *
 * Returns: (transfer full) (nullable): the imported bank, ready to show,
 *   or %NULL with @error set
 */
IvcQuestionBank *
ivc_bank_library_import_finish (IvcBankLibrary  *self,
                                GAsyncResult    *result,
                                IvcBankInfo    **info,
                                gboolean        *replaced,
                                GPtrArray      **problems,
                                GError         **error)
{
  IvcBankImportResult *imported;

  g_return_val_if_fail (IVC_IS_BANK_LIBRARY (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  imported = g_task_propagate_pointer (G_TASK (result), NULL);
  g_assert (imported != NULL);

  return import_return (imported, info, replaced, problems, error);
}
