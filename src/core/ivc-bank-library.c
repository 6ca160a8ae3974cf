/* ivc-bank-library.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The list of question banks to choose from, as a GListModel: the bundled
 * bank and the imported ones, with removal and its undo. Reading and
 * writing the banks folder is in ivc-bank-folder.c.
 */

#define G_LOG_DOMAIN "ivc-bank-library"

#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "ivc-bank-library.h"
#include "ivc-bank-library-private.h"
#include "ivc-bank-folder.h"
#include "ivc-bank-image.h"

/*
 * The question banks to choose from: the one that comes with the app, and
 * those the user imported, kept as <folder>/<bank-id>.json.
 *
 * The list is a #GListModel of #IvcBankInfo, one for each bank id. The
 * bundled bank comes first, in the language chosen among its versions
 * (ivc-bank-library-bundled.c), or, if an imported bank has the same id,
 * that bank in its place; then the imported banks, by title (ignoring case,
 * then by id).
 *
 * Importing copies the exact bytes of a valid bank into the folder, under
 * the bank's id, so a bank with an id that is already there replaces it: an
 * update. Files in the folder are only ever written by an import or an undo,
 * and deleted by a removal; a file that cannot be read is reported and left
 * as it is. Files whose names are not "<bank-id>.json", such as the
 * temporary files of a write in progress, are not banks and are ignored.
 *
 * A removed bank's bytes stay in memory until ivc_bank_library_restore()
 * writes them back or ivc_bank_library_discard_removed() lets them go.
 */


typedef struct
{
  IvcBankInfo *info;
  GBytes      *bytes;
} Removed;


static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (IvcBankLibrary, ivc_bank_library, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

G_DEFINE_QUARK (ivc-bank-library-error-quark, ivc_bank_library_error)

enum {
  PROP_0,
  PROP_FOLDER,
  PROP_BUNDLED_DATA,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
removed_free (Removed *removed)
{
  g_clear_object (&removed->info);
  g_clear_pointer (&removed->bytes, g_bytes_unref);
  g_free (removed);
}

/*
 * The list, on the main thread.
 */

static gboolean
is_first (IvcBankInfo *info)
{
  return ivc_bank_info_get_is_bundled (info) || ivc_bank_info_get_overrides_bundled (info);
}

static int
compare_infos (IvcBankInfo *a,
               IvcBankInfo *b)
{
  g_autofree char *title_a = g_utf8_casefold (ivc_bank_info_get_title (a), -1);
  g_autofree char *title_b = g_utf8_casefold (ivc_bank_info_get_title (b), -1);
  int cmp;

  cmp = g_utf8_collate (title_a, title_b);
  if (cmp != 0)
    return cmp;

  return strcmp (ivc_bank_info_get_id (a), ivc_bank_info_get_id (b));
}

static int
compare_info_pointers (gconstpointer a,
                       gconstpointer b)
{
  return compare_infos (*(IvcBankInfo * const *)a, *(IvcBankInfo * const *)b);
}

static void
items_changed (IvcBankLibrary *self,
               guint           position,
               guint           removed,
               guint           added)
{
  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
  if (removed != added)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

static gboolean
find_listed (IvcBankLibrary *self,
             const char     *id,
             guint          *position)
{
  for (guint i = 0; i < self->items->len; i++)
    {
      if (g_strcmp0 (ivc_bank_info_get_id (g_ptr_array_index (self->items, i)), id) == 0)
        {
          if (position != NULL)
            *position = i;
          return TRUE;
        }
    }

  return FALSE;
}

/* Where an imported bank goes, by title, after the first entry. */
static guint
sorted_position (IvcBankLibrary *self,
                 IvcBankInfo    *info)
{
  guint low = 0;
  guint high = self->items->len;

  if (high > 0 && is_first (g_ptr_array_index (self->items, 0)))
    low = 1;

  while (low < high)
    {
      guint middle = low + (high - low) / 2;

      if (compare_infos (g_ptr_array_index (self->items, middle), info) < 0)
        low = middle + 1;
      else
        high = middle;
    }

  return low;
}

/* Lists @info, in place of the listed bank with the same id if there is one. */
void
ivc_bank_library_list_info (IvcBankLibrary *self,
                            IvcBankInfo    *info)
{
  guint old_position = 0;
  gboolean had_old;
  guint position;

  had_old = find_listed (self, ivc_bank_info_get_id (info), &old_position);

  if (ivc_bank_info_get_overrides_bundled (info))
    {
      /* The bundled bank has this id, so the old entry is the first one. */
      IvcBankInfo *old;

      g_assert (had_old && old_position == 0);
      old = g_ptr_array_index (self->items, 0);
      g_ptr_array_index (self->items, 0) = g_object_ref (info);
      g_object_unref (old);
      items_changed (self, 0, 1, 1);
      return;
    }

  if (had_old)
    g_ptr_array_remove_index (self->items, old_position);

  position = sorted_position (self, info);
  g_ptr_array_insert (self->items, position, g_object_ref (info));

  if (had_old && position == old_position)
    items_changed (self, position, 1, 1);
  else
    {
      if (had_old)
        items_changed (self, old_position, 1, 0);
      items_changed (self, position, 0, 1);
    }
}

/* Takes a bank out of the list; the bundled bank comes back in place of one
 * that overrode it. */
static void
unlist_info (IvcBankLibrary *self,
             IvcBankInfo    *info)
{
  guint position;

  if (!g_ptr_array_find (self->items, info, &position))
    return;

  if (ivc_bank_info_get_overrides_bundled (info))
    {
      g_assert (position == 0 && self->bundled != NULL);
      g_ptr_array_index (self->items, 0) = g_object_ref (self->bundled);
      g_object_unref (info);
      items_changed (self, 0, 1, 1);
      return;
    }

  g_ptr_array_remove_index (self->items, position);
  items_changed (self, position, 1, 0);
}

/* Lists the bundled bank and @imported, as a folder scan found them. */
static void
set_listed (IvcBankLibrary *self,
            GPtrArray      *imported)
{
  g_autoptr(GPtrArray) old = g_steal_pointer (&self->items);
  g_autoptr(GPtrArray) rest = g_ptr_array_new ();
  IvcBankInfo *first = self->bundled;

  for (guint i = 0; imported != NULL && i < imported->len; i++)
    {
      IvcBankInfo *info = g_ptr_array_index (imported, i);

      if (ivc_bank_info_get_overrides_bundled (info))
        first = info;
      else
        g_ptr_array_add (rest, info);
    }
  g_ptr_array_sort (rest, compare_info_pointers);

  self->items = g_ptr_array_new_full (rest->len + 1, g_object_unref);
  if (first != NULL)
    g_ptr_array_add (self->items, g_object_ref (first));
  for (guint i = 0; i < rest->len; i++)
    g_ptr_array_add (self->items, g_object_ref (g_ptr_array_index (rest, i)));

  items_changed (self, 0, old->len, self->items->len);
}

const char *
ivc_bank_library_get_bundled_id (IvcBankLibrary *self)
{
  return self->bundled ? ivc_bank_info_get_id (self->bundled) : NULL;
}

/*
 * GListModel.
 */

static GType
ivc_bank_library_get_item_type (GListModel *model)
{
  return IVC_TYPE_BANK_INFO;
}

static guint
ivc_bank_library_get_n_items (GListModel *model)
{
  IvcBankLibrary *self = IVC_BANK_LIBRARY (model);

  return self->items->len;
}

static gpointer
ivc_bank_library_get_item (GListModel *model,
                           guint       position)
{
  IvcBankLibrary *self = IVC_BANK_LIBRARY (model);

  if (position >= self->items->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = ivc_bank_library_get_item_type;
  iface->get_n_items = ivc_bank_library_get_n_items;
  iface->get_item = ivc_bank_library_get_item;
}

/*
 * GObject.
 */

static void
ivc_bank_library_constructed (GObject *object)
{
  IvcBankLibrary *self = (IvcBankLibrary *)object;
  g_autoptr(GError) error = NULL;

  G_OBJECT_CLASS (ivc_bank_library_parent_class)->constructed (object);

  if (self->folder == NULL)
    self->folder = ivc_bank_library_dup_default_folder ();
  self->folder_path = g_file_get_path (self->folder);
  g_assert (self->folder_path != NULL);

  /* It is in the program's resources: no disk access. */
  if (self->bundled_data == NULL)
    {
      self->bundled_data = g_resources_lookup_data (RESOURCE_BASE "/questions.json",
                                                    G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
      /* Its translations come with it. */
      if (self->bundled_data != NULL)
        _ivc_bank_library_read_translations (self);
    }

  if (self->bundled_data != NULL)
    self->bundled_bank = ivc_question_bank_new_from_bytes (self->bundled_data, "questions.json",
                                                           NULL, &error);

  if (self->bundled_bank == NULL)
    g_warning ("The bundled question bank cannot be read: %s", error->message);
  else
    {
      self->bundled = ivc_bank_info_new (self->bundled_bank, NULL, NULL, FALSE);
      g_ptr_array_add (self->items, g_object_ref (self->bundled));
      g_ptr_array_insert (self->bundled_infos, 0, g_object_ref (self->bundled));
      g_ptr_array_insert (self->bundled_banks, 0, g_object_ref (self->bundled_bank));
    }
}

static void
ivc_bank_library_dispose (GObject *object)
{
  IvcBankLibrary *self = (IvcBankLibrary *)object;

  g_hash_table_remove_all (self->removed);

  G_OBJECT_CLASS (ivc_bank_library_parent_class)->dispose (object);
}

static void
ivc_bank_library_finalize (GObject *object)
{
  IvcBankLibrary *self = (IvcBankLibrary *)object;

  g_clear_object (&self->folder);
  g_clear_pointer (&self->folder_path, g_free);
  g_clear_pointer (&self->bundled_data, g_bytes_unref);
  g_clear_object (&self->bundled_bank);
  g_clear_object (&self->bundled);
  g_clear_pointer (&self->bundled_infos, g_ptr_array_unref);
  g_clear_pointer (&self->bundled_banks, g_ptr_array_unref);
  g_clear_object (&self->bundled_versions);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->removed, g_hash_table_unref);
  g_mutex_clear (&self->write_mutex);

  G_OBJECT_CLASS (ivc_bank_library_parent_class)->finalize (object);
}

static void
ivc_bank_library_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  IvcBankLibrary *self = IVC_BANK_LIBRARY (object);

  switch (prop_id)
    {
    case PROP_FOLDER:
      g_value_set_object (value, self->folder);
      break;

    case PROP_BUNDLED_DATA:
      g_value_set_boxed (value, self->bundled_data);
      break;

    case PROP_N_ITEMS:
      g_value_set_uint (value, self->items->len);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ivc_bank_library_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  IvcBankLibrary *self = IVC_BANK_LIBRARY (object);

  switch (prop_id)
    {
    case PROP_FOLDER:
      self->folder = g_value_dup_object (value);
      break;

    case PROP_BUNDLED_DATA:
      self->bundled_data = g_value_dup_boxed (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ivc_bank_library_class_init (IvcBankLibraryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = ivc_bank_library_constructed;
  object_class->dispose = ivc_bank_library_dispose;
  object_class->finalize = ivc_bank_library_finalize;
  object_class->get_property = ivc_bank_library_get_property;
  object_class->set_property = ivc_bank_library_set_property;

  /**
   * IvcBankLibrary:folder:
   *
   * The folder of imported banks; the default is
   * ivc_bank_library_dup_default_folder().
   */
  properties[PROP_FOLDER] =
    g_param_spec_object ("folder", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * IvcBankLibrary:bundled-data:
   *
   * The bank that comes with the app; the default is the program's
   * resource.
   */
  properties[PROP_BUNDLED_DATA] =
    g_param_spec_boxed ("bundled-data", NULL, NULL, G_TYPE_BYTES,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ivc_bank_library_init (IvcBankLibrary *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  self->bundled_infos = g_ptr_array_new_with_free_func (g_object_unref);
  self->bundled_banks = g_ptr_array_new_with_free_func (g_object_unref);
  self->removed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                         (GDestroyNotify)removed_free);
  g_mutex_init (&self->write_mutex);
}

/*
 * Public API.
 */

/**
 * ivc_bank_library_dup_default_folder:
 *
 * Returns: (transfer full): the folder of imported banks,
 *   $XDG_DATA_HOME/interview-companion/banks
 */
GFile *
ivc_bank_library_dup_default_folder (void)
{
  return g_file_new_build_filename (g_get_user_data_dir (), "interview-companion", "banks", NULL);
}

/**
 * ivc_bank_library_new:
 * @folder: (nullable): the folder of imported banks, or %NULL for
 *   ivc_bank_library_dup_default_folder()
 * @bundled: (nullable): the bank that comes with the app, or %NULL for the
 *   one in the program's resources
 *
 * Creates a library that lists the bundled bank only; call
 * ivc_bank_library_load_async() to list the imported ones.
 *
 * Returns: (transfer full): a new #IvcBankLibrary
 */
IvcBankLibrary *
ivc_bank_library_new (GFile  *folder,
                      GBytes *bundled)
{
  g_return_val_if_fail (folder == NULL || G_IS_FILE (folder), NULL);

  return g_object_new (IVC_TYPE_BANK_LIBRARY,
                       "folder", folder,
                       "bundled-data", bundled,
                       NULL);
}

/**
 * ivc_bank_library_get_folder:
 *
 * Returns: (transfer none): the folder of imported banks
 */
GFile *
ivc_bank_library_get_folder (IvcBankLibrary *self)
{
  g_return_val_if_fail (IVC_IS_BANK_LIBRARY (self), NULL);

  return self->folder;
}

/**
 * ivc_bank_library_get_bundled:
 *
 * Returns: (transfer none) (nullable): the bank that comes with the app,
 *   in the language chosen with ivc_bank_library_set_bundled_language(),
 *   even while an imported bank overrides it
 */
IvcBankInfo *
ivc_bank_library_get_bundled (IvcBankLibrary *self)
{
  g_return_val_if_fail (IVC_IS_BANK_LIBRARY (self), NULL);

  return self->bundled;
}

/**
 * ivc_bank_library_get_bundled_bank:
 *
 * The bank that comes with the app, read once when the library was made:
 * showing it needs no second reading.
 *
 * Returns: (transfer none) (nullable): the bundled bank, or %NULL if it
 *   cannot be read
 */
IvcQuestionBank *
ivc_bank_library_get_bundled_bank (IvcBankLibrary *self)
{
  g_return_val_if_fail (IVC_IS_BANK_LIBRARY (self), NULL);

  return self->bundled_bank;
}

/**
 * ivc_bank_library_lookup:
 *
 * Returns: (transfer none) (nullable): the listed bank with that id: for
 *   the bundled bank's id, the imported bank that overrides it, if any
 */
IvcBankInfo *
ivc_bank_library_lookup (IvcBankLibrary *self,
                         const char     *id)
{
  guint position;

  g_return_val_if_fail (IVC_IS_BANK_LIBRARY (self), NULL);

  if (id == NULL || !find_listed (self, id, &position))
    return NULL;

  return g_ptr_array_index (self->items, position);
}

/**
 * ivc_bank_library_load:
 * @problems: (out) (optional) (element-type GError): every bank file in the
 *   folder that could not be read or is not a valid bank; such files are
 *   skipped and left as they are
 * @error: an %IVC_BANK_LIBRARY_ERROR_FOLDER when the folder cannot be read
 *
 * Lists the bundled bank and every bank in the folder, reading each file
 * to validate it and count its questions. See ivc_bank_library_load_async()
 * for the main thread.
 *
 * When the folder cannot be read, only the bundled bank is listed.
 *
 * Returns: %TRUE if the folder could be read (or does not exist yet)
 */
gboolean
ivc_bank_library_load (IvcBankLibrary  *self,
                       GCancellable    *cancellable,
                       GPtrArray      **problems,
                       GError         **error)
{
  g_autoptr(GError) local_error = NULL;
  IvcBankScanResult *result;

  g_return_val_if_fail (IVC_IS_BANK_LIBRARY (self), FALSE);
  g_return_val_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  result = ivc_bank_folder_scan (self->folder_path, ivc_bank_library_get_bundled_id (self), cancellable, &local_error);
  if (result == NULL)
    {
      if (!g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        set_listed (self, NULL);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  set_listed (self, result->infos);
  if (problems != NULL)
    *problems = g_ptr_array_ref (result->problems);
  ivc_bank_scan_result_free (result);

  return TRUE;
}

static void on_scan_done_cb (GObject      *object,
                             GAsyncResult *result,
                             gpointer      user_data);

static void
start_scan (IvcBankLibrary *self,
            GTask          *task)
{
  g_autoptr(GTask) worker = NULL;
  IvcBankScanData *data;

  data = g_new0 (IvcBankScanData, 1);
  data->folder_path = g_strdup (self->folder_path);
  data->bundled_id = g_strdup (ivc_bank_library_get_bundled_id (self));
  data->changes = self->changes;

  worker = g_task_new (self, g_task_get_cancellable (task), on_scan_done_cb, task);
  /* Through an integer: ISO C has no cast from a function to a data pointer. */
  g_task_set_source_tag (worker, (gpointer)(guintptr)ivc_bank_folder_scan_thread);
  g_task_set_name (worker, "[ivc] scan banks folder");
  g_task_set_task_data (worker, data, (GDestroyNotify)ivc_bank_scan_data_free);
  g_task_run_in_thread (worker, ivc_bank_folder_scan_thread);
}

static void
on_scan_done_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  IvcBankLibrary *self = IVC_BANK_LIBRARY (object);
  g_autoptr(GTask) task = user_data;
  IvcBankScanData *data = g_task_get_task_data (G_TASK (result));
  GError *error = NULL;
  IvcBankScanResult *scanned;

  scanned = g_task_propagate_pointer (G_TASK (result), &error);
  if (scanned == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        set_listed (self, NULL);
      g_task_return_error (task, error);
      return;
    }

  /* A bank was imported, removed or put back while the folder was read:
   * what was read may be out of date. */
  if (data->changes != self->changes)
    {
      ivc_bank_scan_result_free (scanned);
      start_scan (self, g_steal_pointer (&task));
      return;
    }

  set_listed (self, scanned->infos);
  g_task_return_pointer (task, g_ptr_array_ref (scanned->problems),
                         (GDestroyNotify)g_ptr_array_unref);
  ivc_bank_scan_result_free (scanned);
}

/**
 * ivc_bank_library_load_async:
 *
 * Lists the banks as ivc_bank_library_load() does, reading the folder in a
 * worker thread; they are listed when @callback runs.
 */
void
ivc_bank_library_load_async (IvcBankLibrary      *self,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (IVC_IS_BANK_LIBRARY (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_name (task, "ivc_bank_library_load_async");
  g_task_set_source_tag (task, (gpointer)(guintptr)ivc_bank_library_load_async);

  start_scan (self, task);
}

/**
 * ivc_bank_library_load_finish:
 * @problems: (out) (optional) (element-type GError): as for
 *   ivc_bank_library_load()
 *
 * Returns: %TRUE if the folder could be read (or does not exist yet)
 */
gboolean
ivc_bank_library_load_finish (IvcBankLibrary  *self,
                              GAsyncResult    *result,
                              GPtrArray      **problems,
                              GError         **error)
{
  g_autoptr(GPtrArray) found = NULL;

  g_return_val_if_fail (IVC_IS_BANK_LIBRARY (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  found = g_task_propagate_pointer (G_TASK (result), error);
  if (found == NULL)
    return FALSE;

  if (problems != NULL)
    *problems = g_steal_pointer (&found);

  return TRUE;
}

/**
 * ivc_bank_library_remove:
 * @id: the id of an imported bank
 * @error: an %IVC_BANK_LIBRARY_ERROR_BUNDLED for the bank that comes with the
 *   app, _NOT_FOUND, or _WRITE when its file cannot be deleted
 *
 * Takes an imported bank out of the list and deletes its file, keeping its
 * contents in memory for ivc_bank_library_restore(). If it overrode the
 * bundled bank, the bundled bank is listed again. On failure, nothing
 * changes.
 *
 * Returns: %TRUE if the bank was removed
 */
gboolean
ivc_bank_library_remove (IvcBankLibrary  *self,
                         const char      *id,
                         GError         **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GBytes) bytes = NULL;
  IvcBankInfo *info;
  Removed *removed;
  char *contents = NULL;
  gsize len = 0;

  g_return_val_if_fail (IVC_IS_BANK_LIBRARY (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  info = ivc_bank_library_lookup (self, id);
  if (info == NULL)
    {
      g_set_error (error, IVC_BANK_LIBRARY_ERROR, IVC_BANK_LIBRARY_ERROR_NOT_FOUND,
                   _("There is no question bank “%s”"), id);
      return FALSE;
    }

  if (ivc_bank_info_get_is_bundled (info))
    {
      g_set_error (error, IVC_BANK_LIBRARY_ERROR, IVC_BANK_LIBRARY_ERROR_BUNDLED,
                   _("“%s” comes with Interview Companion and cannot be removed"),
                   ivc_bank_info_get_title (info));
      return FALSE;
    }

  path = g_file_get_path (ivc_bank_info_get_file (info));

  /* Read, to be able to write it back. A file that is already gone is
   * only taken out of the list. */
  if (g_file_get_contents (path, &contents, &len, &local_error))
    bytes = g_bytes_new_take (contents, len);
  else if (!g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
    {
      g_set_error (error, IVC_BANK_LIBRARY_ERROR, IVC_BANK_LIBRARY_ERROR_READ,
                   _("Could not remove “%s”: %s"), ivc_bank_info_get_title (info),
                   local_error->message);
      return FALSE;
    }

  /* Under the write lock: an import that is still saving this bank's
   * image does so before, not after. */
  g_mutex_lock (&self->write_mutex);
  if (g_unlink (path) != 0 && errno != ENOENT)
    {
      int saved_errno = errno;

      g_mutex_unlock (&self->write_mutex);
      g_set_error (error, IVC_BANK_LIBRARY_ERROR, IVC_BANK_LIBRARY_ERROR_WRITE,
                   _("Could not remove “%s” from the banks folder: %s"),
                   ivc_bank_info_get_title (info), g_strerror (saved_errno));
      return FALSE;
    }

  /* Its image goes with it; an undo writes the bank back, and the next
   * reading makes a new image. */
  ivc_bank_image_delete (path);
  g_mutex_unlock (&self->write_mutex);

  if (bytes != NULL)
    {
      removed = g_new0 (Removed, 1);
      removed->info = g_object_ref (info);
      removed->bytes = g_steal_pointer (&bytes);
      g_hash_table_replace (self->removed, g_strdup (id), removed);
    }

  unlist_info (self, info);
  self->changes++;

  return TRUE;
}

/**
 * ivc_bank_library_restore:
 * @id: the id of a bank removed with ivc_bank_library_remove()
 * @error: an %IVC_BANK_LIBRARY_ERROR_NOT_FOUND when there is nothing to put
 *   back, or _WRITE
 *
 * Undoes a removal: writes the bank's file back exactly as it was, with its
 * modification time, and lists it again. On failure, the removal can still
 * be undone later.
 *
 * Returns: %TRUE if the bank is back
 */
gboolean
ivc_bank_library_restore (IvcBankLibrary  *self,
                          const char      *id,
                          GError         **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInfo) file_info = NULL;
  GDateTime *imported;
  Removed *removed;

  g_return_val_if_fail (IVC_IS_BANK_LIBRARY (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  removed = g_hash_table_lookup (self->removed, id);
  if (removed == NULL)
    {
      g_set_error (error, IVC_BANK_LIBRARY_ERROR, IVC_BANK_LIBRARY_ERROR_NOT_FOUND,
                   _("The question bank “%s” cannot be put back: its removal can no longer be undone"),
                   id);
      return FALSE;
    }

  g_mutex_lock (&self->write_mutex);
  file = ivc_bank_folder_write_bank (self->folder_path, id, removed->bytes, error);
  g_mutex_unlock (&self->write_mutex);
  if (file == NULL)
    return FALSE;

  /* The import date shown is the file's: keep it. */
  imported = ivc_bank_info_get_imported (removed->info);
  if (imported != NULL)
    {
      guint usec = g_date_time_get_microsecond (imported);

      /* GLib 2.74 ignores the microseconds unless nanoseconds are given. */
      file_info = g_file_info_new ();
      g_file_info_set_attribute_uint64 (file_info, G_FILE_ATTRIBUTE_TIME_MODIFIED,
                                        g_date_time_to_unix (imported));
      g_file_info_set_attribute_uint32 (file_info, G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC, usec);
      g_file_info_set_attribute_uint32 (file_info, G_FILE_ATTRIBUTE_TIME_MODIFIED_NSEC, usec * 1000);
      g_file_set_attributes_from_info (file, file_info, G_FILE_QUERY_INFO_NONE, NULL, NULL);
    }

  ivc_bank_library_list_info (self, removed->info);
  g_hash_table_remove (self->removed, id);
  self->changes++;

  return TRUE;
}

/**
 * ivc_bank_library_discard_removed:
 * @id: (nullable): the id of a removed bank, or %NULL for all of them
 *
 * Forgets the contents of removed banks: their removal can no longer be
 * undone. Call it when the undo is no longer offered.
 */
void
ivc_bank_library_discard_removed (IvcBankLibrary *self,
                                  const char     *id)
{
  g_return_if_fail (IVC_IS_BANK_LIBRARY (self));

  if (id == NULL)
    g_hash_table_remove_all (self->removed);
  else
    g_hash_table_remove (self->removed, id);
}

/**
 * ivc_bank_library_has_removed:
 *
 * Returns: whether the removal of the bank @id can be undone
 */
gboolean
ivc_bank_library_has_removed (IvcBankLibrary *self,
                              const char     *id)
{
  g_return_val_if_fail (IVC_IS_BANK_LIBRARY (self), FALSE);

  return id != NULL && g_hash_table_contains (self->removed, id);
}

static void
on_bank_loaded_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  IvcQuestionBank *bank;

  bank = ivc_bank_image_load_finish (result, &error);
  if (bank == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, bank, g_object_unref);
}

/**
 * ivc_bank_library_load_bank_async:
 * @info: a bank of this library
 *
 * Loads a listed bank with all its questions: the bundled one from memory,
 * an imported one from its file in a worker thread.
 */
void
ivc_bank_library_load_bank_async (IvcBankLibrary      *self,
                                  IvcBankInfo         *info,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (IVC_IS_BANK_LIBRARY (self));
  g_return_if_fail (IVC_IS_BANK_INFO (info));
  g_return_if_fail (!ivc_bank_info_get_is_bundled (info) ||
                    g_ptr_array_find (self->bundled_infos, info, NULL));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_name (task, "ivc_bank_library_load_bank_async");
  g_task_set_source_tag (task, (gpointer)(guintptr)ivc_bank_library_load_bank_async);

  if (ivc_bank_info_get_is_bundled (info))
    {
      guint index = 0;

      /* It was read when the library was made, and never changes; any of
       * its language versions. */
      g_ptr_array_find (self->bundled_infos, info, &index);
      g_task_return_pointer (task, g_object_ref (g_ptr_array_index (self->bundled_banks, index)),
                             g_object_unref);
      return;
    }

  /* From its image, without parsing JSON, when it has a usable one. */
  ivc_bank_image_load_async (ivc_bank_info_get_file (info), cancellable,
                             on_bank_loaded_cb, g_steal_pointer (&task));
}

/**
 * ivc_bank_library_load_bank_finish:
 * @error: an %IVC_BANK_ERROR from the loader, as for
 *   ivc_question_bank_load_finish()
 *
 * Returns: (transfer full) (nullable): the bank, or %NULL with @error set
 */
IvcQuestionBank *
ivc_bank_library_load_bank_finish (IvcBankLibrary  *self,
                                   GAsyncResult    *result,
                                   GError         **error)
{
  g_return_val_if_fail (IVC_IS_BANK_LIBRARY (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * ivc_bank_library_load_file_async:
 * @file: a bank file in a library's folder, "<bank-id>.json"
 *
 * Loads an imported bank before any library lists it (the bank shown last,
 * at start): from its image, without parsing JSON, when it has a usable
 * one; otherwise from the file, with every check of the loader, and its
 * image is written again. In a worker thread.
 */
void
ivc_bank_library_load_file_async (GFile               *file,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_return_if_fail (G_IS_FILE (file));

  ivc_bank_image_load_async (file, cancellable, callback, user_data);
}

/**
 * ivc_bank_library_load_file_finish:
 * @error: an %IVC_BANK_ERROR from the loader
 *
 * Returns: (transfer full) (nullable): the bank, or %NULL with @error set
 */
IvcQuestionBank *
ivc_bank_library_load_file_finish (GAsyncResult  *result,
                                   GError       **error)
{
  return ivc_bank_image_load_finish (result, error);
}
