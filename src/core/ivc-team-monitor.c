/* ivc-team-monitor.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Watching the candidates folder for what teammates' sync tools bring:
 * file monitors, coalesced, and a scan of the folder on a worker thread.
 */

#define G_LOG_DOMAIN "ivc-team-monitor"

#include "config.h"

#include <string.h>
#include <sys/vfs.h>

#include <glib/gstdio.h>

#include "ivc-candidate.h"
#include "ivc-team-monitor.h"

/*
 * Inotify does not watch below a folder, so there is one monitor for the
 * data folder (for "candidates" appearing), one for the candidates folder
 * and one per candidate's folder. Any event arms a short timer; when it
 * fires, the folder is read on a worker (never on the main loop), and
 * events during the read ask for one more read after it. The main thread
 * only compares what the worker found.
 *
 * Inotify sees only what this machine's kernel writes: on the document
 * portal's FUSE file system (a folder a Flatpak got through the file
 * chooser) and on network shares, a sync tool's or another machine's
 * writes make no event, so there the folder is also read every
 * IVC_TEAM_MONITOR_POLL_MS.
 */

/* File systems where inotify misses changes made from elsewhere. */
#define FUSE_SUPER_MAGIC  0x65735546
#define NFS_SUPER_MAGIC   0x6969
#define SMB_SUPER_MAGIC   0x517B
#define CIFS_SUPER_MAGIC  0xFF534D42
#define SMB2_SUPER_MAGIC  0xFE534D42

static gboolean
needs_polling (const char *path)
{
  struct statfs st;

  if (statfs (path, &st) != 0)
    return FALSE;

  switch ((guint32)st.f_type)
    {
    case FUSE_SUPER_MAGIC:
    case NFS_SUPER_MAGIC:
    case SMB_SUPER_MAGIC:
    case CIFS_SUPER_MAGIC:
    case SMB2_SUPER_MAGIC:
      return TRUE;

    default:
      return FALSE;
    }
}

struct _IvcTeamMonitor
{
  GObject       parent_instance;

  char         *root_path;
  char         *candidates_path;
  char         *interviewer_id;

  GFileMonitor *root_monitor;
  GFileMonitor *candidates_monitor;
  gboolean      candidates_existed;
  /* Folder path → GFileMonitor. */
  GHashTable   *folder_monitors;

  GCancellable *cancellable;
  guint         timeout_id;
  guint         poll_id;
  gboolean      scanning;
  gboolean      again;
};

G_DEFINE_FINAL_TYPE (IvcTeamMonitor, ivc_team_monitor, G_TYPE_OBJECT)

enum {
  SCANNED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

void
ivc_team_scan_free (IvcTeamScan *scan)
{
  g_clear_pointer (&scan->loaded, ivc_candidate_folder_result_free);
  g_clear_pointer (&scan->signatures, g_hash_table_unref);
  g_clear_pointer (&scan->n_teammates, g_hash_table_unref);
  g_clear_pointer (&scan->own, g_hash_table_unref);
  g_clear_pointer (&scan->folders, g_ptr_array_unref);
  g_free (scan);
}

/*
 * The scan, on a worker.
 */

typedef struct
{
  char *candidates_path;
  char *interviewer_id;
} ScanData;

static void
scan_data_free (ScanData *data)
{
  g_free (data->candidates_path);
  g_free (data->interviewer_id);
  g_free (data);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *)a, *(const char * const *)b);
}

/* The teammates' files of one candidate, as they are now. Temporary files
 * of sync tools (".syncthing.*.tmp", "*.part") are left out: only what is
 * renamed into place counts. */
static void
scan_candidate_folder (IvcTeamScan *scan,
                       const char  *folder_path,
                       const char  *candidate_id,
                       const char  *own_name)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) signature = g_string_new (NULL);
  g_autoptr(GDir) dir = g_dir_open (folder_path, 0, NULL);
  guint n_teammates = 0;
  const char *name;

  if (dir == NULL)
    return;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      g_autofree char *id = NULL;
      GStatBuf st;

      if (name[0] == '.' || !g_str_has_suffix (name, ".json"))
        continue;

      if (strcmp (name, own_name) == 0)
        {
          g_hash_table_add (scan->own, g_strdup (candidate_id));
          continue;
        }

      path = g_build_filename (folder_path, name, NULL);
      if (g_lstat (path, &st) != 0)
        continue;

      id = g_strndup (name, strlen (name) - strlen (".json"));
      if (ivc_candidate_id_is_valid (id) && S_ISREG (st.st_mode))
        n_teammates++;

      g_ptr_array_add (lines, g_strdup_printf ("%s\t%o\t%" G_GINT64_FORMAT "\t%" G_GINT64_FORMAT
                                               ".%09ld\n",
                                               name, (guint)st.st_mode, (gint64)st.st_size,
                                               (gint64)st.st_mtim.tv_sec, (long)st.st_mtim.tv_nsec));
    }

  g_ptr_array_sort (lines, compare_strings);
  for (guint i = 0; i < lines->len; i++)
    g_string_append (signature, g_ptr_array_index (lines, i));

  g_hash_table_insert (scan->signatures, g_strdup (candidate_id), g_string_free (g_steal_pointer (&signature), FALSE));
  g_hash_table_insert (scan->n_teammates, g_strdup (candidate_id), GUINT_TO_POINTER (n_teammates));
}

static IvcTeamScan *
scan_folder (const char    *candidates_path,
             const char    *interviewer_id,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autofree char *own_name = ivc_candidate_folder_dup_file_name (interviewer_id);
  IvcTeamScan *scan = g_new0 (IvcTeamScan, 1);
  g_autoptr(GDir) dir = NULL;
  const char *name;

  scan->signatures = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  scan->n_teammates = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  scan->own = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  scan->folders = g_ptr_array_new_with_free_func (g_free);

  scan->loaded = ivc_candidate_folder_load (candidates_path, interviewer_id,
                                            IVC_CANDIDATE_FOLDER_LOAD_READ_ONLY,
                                            cancellable, error);
  if (scan->loaded == NULL)
    {
      ivc_team_scan_free (scan);
      return NULL;
    }

  dir = g_dir_open (candidates_path, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *folder_path = NULL;
      GStatBuf st;

      if (!ivc_candidate_id_is_valid (name))
        continue;

      folder_path = g_build_filename (candidates_path, name, NULL);
      if (g_lstat (folder_path, &st) != 0 || !S_ISDIR (st.st_mode))
        continue;

      scan_candidate_folder (scan, folder_path, name, own_name);
      g_ptr_array_add (scan->folders, g_steal_pointer (&folder_path));
    }

  return scan;
}

static void
scan_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  ScanData *data = task_data;
  GError *error = NULL;
  IvcTeamScan *scan;

  scan = scan_folder (data->candidates_path, data->interviewer_id, cancellable, &error);
  if (scan != NULL)
    g_task_return_pointer (task, scan, (GDestroyNotify)ivc_team_scan_free);
  else
    g_task_return_error (task, error);
}

/*
 * Monitors, on the main thread.
 */

static void schedule_scan (IvcTeamMonitor *self);

static void
on_changed_cb (GFileMonitor      *monitor,
               GFile             *file,
               GFile             *other_file,
               GFileMonitorEvent  event,
               IvcTeamMonitor    *self)
{
  switch (event)
    {
    case G_FILE_MONITOR_EVENT_CHANGED:
    case G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT:
    case G_FILE_MONITOR_EVENT_DELETED:
    case G_FILE_MONITOR_EVENT_CREATED:
    case G_FILE_MONITOR_EVENT_ATTRIBUTE_CHANGED:
    case G_FILE_MONITOR_EVENT_MOVED:
    case G_FILE_MONITOR_EVENT_RENAMED:
    case G_FILE_MONITOR_EVENT_MOVED_IN:
    case G_FILE_MONITOR_EVENT_MOVED_OUT:
      schedule_scan (self);
      break;

    case G_FILE_MONITOR_EVENT_PRE_UNMOUNT:
    case G_FILE_MONITOR_EVENT_UNMOUNTED:
    default:
      break;
    }
}

static GFileMonitor *
watch (IvcTeamMonitor *self,
       const char     *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GFileMonitor *monitor;

  monitor = g_file_monitor_directory (file, G_FILE_MONITOR_WATCH_MOVES, NULL, &error);
  if (monitor == NULL)
    {
      g_debug ("Cannot watch %s: %s", path, error->message);
      return NULL;
    }

  /* A sync tool's burst is coalesced here, not by the monitor. */
  g_file_monitor_set_rate_limit (monitor, 0);
  g_signal_connect_object (monitor, "changed", G_CALLBACK (on_changed_cb), self, 0);

  return monitor;
}

static void
watch_candidates_folder (IvcTeamMonitor *self)
{
  gboolean exists = g_file_test (self->candidates_path, G_FILE_TEST_IS_DIR);

  /* Watched again once it appears, so that inotify watches the folder
   * itself and not its missing name. */
  if (self->candidates_monitor != NULL && exists == self->candidates_existed)
    return;

  if (self->candidates_monitor != NULL)
    g_file_monitor_cancel (self->candidates_monitor);
  g_clear_object (&self->candidates_monitor);
  self->candidates_monitor = watch (self, self->candidates_path);
  self->candidates_existed = exists;
}

static void
watch_folders (IvcTeamMonitor *self,
               GPtrArray      *folders)
{
  g_autoptr(GHashTable) wanted = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter iter;
  gpointer key;

  watch_candidates_folder (self);

  for (guint i = 0; i < folders->len; i++)
    {
      const char *path = g_ptr_array_index (folders, i);

      g_hash_table_add (wanted, (gpointer)path);
      if (!g_hash_table_contains (self->folder_monitors, path))
        {
          GFileMonitor *monitor = watch (self, path);

          if (monitor != NULL)
            g_hash_table_insert (self->folder_monitors, g_strdup (path), monitor);
        }
    }

  g_hash_table_iter_init (&iter, self->folder_monitors);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (wanted, key))
      g_hash_table_iter_remove (&iter);
}

static void start_scan (IvcTeamMonitor *self);

static void
on_scanned_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(IvcTeamMonitor) self = user_data;
  g_autoptr(GError) error = NULL;
  IvcTeamScan *scan;

  scan = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->scanning = FALSE;

  if (scan != NULL)
    {
      watch_folders (self, scan->folders);
      g_signal_emit (self, signals[SCANNED], 0, scan);
      ivc_team_scan_free (scan);
    }
  else
    g_debug ("Cannot read %s: %s", self->candidates_path, error->message);

  if (self->again)
    {
      self->again = FALSE;
      schedule_scan (self);
    }
}

static void
start_scan (IvcTeamMonitor *self)
{
  g_autoptr(GTask) task = NULL;
  ScanData *data;

  if (self->scanning)
    {
      self->again = TRUE;
      return;
    }

  data = g_new0 (ScanData, 1);
  data->candidates_path = g_strdup (self->candidates_path);
  data->interviewer_id = g_strdup (self->interviewer_id);

  self->scanning = TRUE;
  task = g_task_new (NULL, self->cancellable, on_scanned_cb, g_object_ref (self));
  g_task_set_source_tag (task, (gpointer)(guintptr)start_scan);
  g_task_set_name (task, "[ivc] read team folder");
  g_task_set_task_data (task, data, (GDestroyNotify)scan_data_free);
  g_task_run_in_thread (task, scan_thread);
}

static gboolean
on_timeout_cb (gpointer user_data)
{
  IvcTeamMonitor *self = user_data;

  self->timeout_id = 0;
  start_scan (self);

  return G_SOURCE_REMOVE;
}

/* Not pushed back by later events: a steady stream of changes is still
 * read every IVC_TEAM_MONITOR_DELAY_MS or so. */
static void
schedule_scan (IvcTeamMonitor *self)
{
  if (self->scanning)
    {
      self->again = TRUE;
      return;
    }

  if (self->timeout_id == 0)
    self->timeout_id = g_timeout_add (IVC_TEAM_MONITOR_DELAY_MS, on_timeout_cb, self);
}

static gboolean
on_poll_cb (gpointer user_data)
{
  schedule_scan (user_data);

  return G_SOURCE_CONTINUE;
}

static void
ivc_team_monitor_dispose (GObject *object)
{
  IvcTeamMonitor *self = (IvcTeamMonitor *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  g_clear_handle_id (&self->poll_id, g_source_remove);
  if (self->root_monitor != NULL)
    g_file_monitor_cancel (self->root_monitor);
  if (self->candidates_monitor != NULL)
    g_file_monitor_cancel (self->candidates_monitor);
  g_clear_object (&self->root_monitor);
  g_clear_object (&self->candidates_monitor);
  g_clear_pointer (&self->folder_monitors, g_hash_table_unref);

  G_OBJECT_CLASS (ivc_team_monitor_parent_class)->dispose (object);
}

static void
ivc_team_monitor_finalize (GObject *object)
{
  IvcTeamMonitor *self = (IvcTeamMonitor *)object;

  g_clear_object (&self->cancellable);
  g_free (self->root_path);
  g_free (self->candidates_path);
  g_free (self->interviewer_id);

  G_OBJECT_CLASS (ivc_team_monitor_parent_class)->finalize (object);
}

static void
ivc_team_monitor_class_init (IvcTeamMonitorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ivc_team_monitor_dispose;
  object_class->finalize = ivc_team_monitor_finalize;

  /**
   * IvcTeamMonitor::scanned:
   * @scan: (type gpointer): an #IvcTeamScan, valid during the emission
   *
   * Emitted on the main thread after each read of the folder.
   */
  signals[SCANNED] =
    g_signal_new ("scanned",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_POINTER);
}

static void
monitor_entry_free (gpointer data)
{
  GFileMonitor *monitor = data;

  g_file_monitor_cancel (monitor);
  g_object_unref (monitor);
}

static void
ivc_team_monitor_init (IvcTeamMonitor *self)
{
  self->cancellable = g_cancellable_new ();
  self->folder_monitors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, monitor_entry_free);
}

/**
 * ivc_team_monitor_new:
 * @candidates_path: the "candidates" folder of the data (or team) folder
 * @interviewer_id: our id: our own file's changes are not a teammate's
 *
 * Starts watching at once, and reads the folder once.
 */
IvcTeamMonitor *
ivc_team_monitor_new (const char *candidates_path,
                      const char *interviewer_id)
{
  IvcTeamMonitor *self;

  g_return_val_if_fail (candidates_path != NULL, NULL);
  g_return_val_if_fail (interviewer_id != NULL, NULL);

  self = g_object_new (IVC_TYPE_TEAM_MONITOR, NULL);
  self->candidates_path = g_strdup (candidates_path);
  self->root_path = g_path_get_dirname (candidates_path);
  self->interviewer_id = g_strdup (interviewer_id);

  self->root_monitor = watch (self, self->root_path);
  watch_candidates_folder (self);
  start_scan (self);

  if (needs_polling (self->root_path))
    self->poll_id = g_timeout_add (IVC_TEAM_MONITOR_POLL_MS, on_poll_cb, self);

  return self;
}

/**
 * ivc_team_monitor_get_polling:
 *
 * Returns: whether the folder is also read at intervals, being on a file
 *   system where file monitors miss changes made from elsewhere
 */
gboolean
ivc_team_monitor_get_polling (IvcTeamMonitor *self)
{
  g_return_val_if_fail (IVC_IS_TEAM_MONITOR (self), FALSE);

  return self->poll_id != 0;
}

/**
 * ivc_team_monitor_refresh:
 *
 * Reads the folder again soon, as if something changed.
 */
void
ivc_team_monitor_refresh (IvcTeamMonitor *self)
{
  g_return_if_fail (IVC_IS_TEAM_MONITOR (self));

  schedule_scan (self);
}
