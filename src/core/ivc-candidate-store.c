/* ivc-candidate-store.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The candidates of one interviewer: the list, finding one, creating and
 * deleting, loading the folder and saving changes.
 */

#define G_LOG_DOMAIN "ivc-candidate-store"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "ivc-candidate-folder.h"
#include "ivc-candidate-saver.h"
#include "ivc-candidate-store.h"
#include "ivc-candidate-store-private.h"
#include "ivc-text.h"

/*
 * The candidates of one interviewer, kept on disk as
 * <folder>/candidates/<candidate-id>/<interviewer-id>.json.
 *
 * One file per interviewer lets a hiring team share the folder through a
 * sync tool without write conflicts: the store writes and deletes its own
 * interviewer's files only, and never renames, rewrites or deletes anyone
 * else's.
 *
 * Reading the folder is ivc-candidate-folder.c's job, saving is
 * ivc-candidate-saver.c's, erasing ivc-candidate-store-erase.c's, finding by
 * name and listing ivc-candidate-store-lookup.c's; the store keeps the list
 * and ties them together.
 */

struct _IvcCandidateStore
{
  GObject            parent_instance;

  GFile             *folder;
  char              *candidates_path;
  char              *interviewer_id;
  char              *interviewer_name;

  /* IvcCandidate, the most recently modified first. */
  GListStore        *candidates;

  /* Which candidates there are, and what of them is saved. */
  IvcCandidateSaver *saver;

  /* For the command line: loading changes nothing on disk, and nothing is
   * ever saved. */
  gboolean           read_only;

  /* What teammates have, once ivc_candidate_store_watch_team() is on. */
  IvcCandidateStoreTeam *team;
};

G_DEFINE_FINAL_TYPE (IvcCandidateStore, ivc_candidate_store, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FOLDER,
  PROP_INTERVIEWER_ID,
  PROP_INTERVIEWER_NAME,
  PROP_CANDIDATES,
  PROP_HAS_UNSAVED_CHANGES,
  PROP_SAVING,
  PROP_SAVE_ERROR,
  PROP_READ_ONLY,
  N_PROPS
};

enum {
  SAVE_FAILED,
  NOTICE,
  TEAM_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

typedef IvcCandidateSaverEntry Entry;

static GHashTable *
get_entries (IvcCandidateStore *self)
{
  return ivc_candidate_saver_get_entries (self->saver);
}

/*
 * The list.
 */

static int
compare_candidates (gconstpointer a,
                    gconstpointer b,
                    gpointer      user_data)
{
  IvcCandidate *ca = (IvcCandidate *)a;
  IvcCandidate *cb = (IvcCandidate *)b;
  int cmp;

  /* The most recent first. */
  cmp = g_date_time_compare (ivc_candidate_get_modified (cb), ivc_candidate_get_modified (ca));
  if (cmp != 0)
    return cmp;

  return strcmp (ivc_candidate_get_id (ca), ivc_candidate_get_id (cb));
}

static int
compare_candidates_indirect (gconstpointer a,
                             gconstpointer b,
                             gpointer      user_data)
{
  return compare_candidates (*(gconstpointer *)a, *(gconstpointer *)b, user_data);
}

/* Moves a changed candidate to its place with one "items-changed", so that
 * a selection model keeps it selected. */
static void
reposition (IvcCandidateStore *self,
            IvcCandidate      *candidate)
{
  GListModel *model = G_LIST_MODEL (self->candidates);
  g_autoptr(GPtrArray) moved = g_ptr_array_new_with_free_func (g_object_unref);
  guint n_items = g_list_model_get_n_items (model);
  guint position, target = 0;

  if (!g_list_store_find (self->candidates, candidate, &position))
    return;

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(IvcCandidate) other = g_list_model_get_item (model, i);

      if (i != position && compare_candidates (other, candidate, NULL) < 0)
        target++;
    }

  if (target == position)
    return;

  if (target < position)
    {
      g_ptr_array_add (moved, g_object_ref (candidate));
      for (guint i = target; i < position; i++)
        g_ptr_array_add (moved, g_list_model_get_item (model, i));
      g_list_store_splice (self->candidates, target, moved->len, moved->pdata, moved->len);
    }
  else
    {
      for (guint i = position + 1; i <= target; i++)
        g_ptr_array_add (moved, g_list_model_get_item (model, i));
      g_ptr_array_add (moved, g_object_ref (candidate));
      g_list_store_splice (self->candidates, position, moved->len, moved->pdata, moved->len);
    }
}

static void
on_candidate_changed_cb (IvcCandidate      *candidate,
                         IvcCandidateStore *self)
{
  Entry *entry = g_hash_table_lookup (get_entries (self), ivc_candidate_get_id (candidate));

  if (entry == NULL || entry->candidate != candidate || entry->removed)
    return;

  if (self->read_only)
    {
      reposition (self, candidate);
      return;
    }

  ivc_candidate_saver_bump (self->saver, entry);
  /* Out of the list while its teammates' files were gone, but open and
   * changed: ours now, listed and saved. */
  if (!g_list_store_find (self->candidates, candidate, NULL))
    g_list_store_insert_sorted (self->candidates, candidate, compare_candidates, NULL);
  reposition (self, candidate);
  ivc_candidate_saver_schedule (self->saver);
}

static Entry *
add_entry (IvcCandidateStore *self,
           IvcCandidate      *candidate,
           gboolean           unsaved)
{
  Entry *entry;

  ivc_candidate_set_interviewer (candidate, self->interviewer_id, self->interviewer_name);

  entry = ivc_candidate_saver_add (self->saver, candidate, unsaved);
  entry->changed_id = g_signal_connect (candidate, "changed",
                                        G_CALLBACK (on_candidate_changed_cb), self);

  return entry;
}

static void
take_loaded (IvcCandidateStore        *self,
             IvcCandidateFolderResult *result)
{
  GPtrArray *loaded = result->candidates;
  GListModel *model = G_LIST_MODEL (self->candidates);
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func (g_object_unref);
  guint n_items = g_list_model_get_n_items (model);

  for (guint i = 0; i < n_items; i++)
    g_ptr_array_add (all, g_list_model_get_item (model, i));

  for (guint i = 0; i < loaded->len; i++)
    {
      IvcCandidate *candidate = g_ptr_array_index (loaded, i);

      /* Already there, if created or loaded before. */
      if (g_hash_table_contains (get_entries (self), ivc_candidate_get_id (candidate)))
        continue;

      add_entry (self, candidate, FALSE);
      g_ptr_array_add (all, g_object_ref (candidate));

      /* What our file held as read, for the check before each save. */
      if (!self->read_only)
        {
          IvcFileStamp *stamp = g_hash_table_lookup (result->stamps, ivc_candidate_get_id (candidate));

          if (stamp != NULL)
            ivc_candidate_saver_set_stamp (self->saver, ivc_candidate_get_id (candidate), stamp);
        }
    }

  g_ptr_array_sort_with_data (all, compare_candidates_indirect, NULL);
  g_list_store_splice (self->candidates, 0, n_items, all->pdata, all->len);

  for (guint i = 0; i < result->notices->len; i++)
    {
      char **notice = g_ptr_array_index (result->notices, i);

      g_signal_emit (self, signals[NOTICE], 0, notice[0], notice[1]);
    }

  /* Said once: the team monitor does not say them again. */
  _ivc_candidate_store_team_reported (self, result->problems, result->notices);
}

/* A candidate a teammate's sync brought after loading. */
void
_ivc_candidate_store_add_found (IvcCandidateStore *self,
                                IvcCandidate      *candidate,
                                IvcFileStamp      *stamp)
{
  if (g_hash_table_contains (get_entries (self), ivc_candidate_get_id (candidate)))
    return;

  add_entry (self, candidate, FALSE);
  if (!self->read_only && stamp != NULL)
    ivc_candidate_saver_set_stamp (self->saver, ivc_candidate_get_id (candidate), stamp);
  g_list_store_insert_sorted (self->candidates, candidate, compare_candidates, NULL);
}

/* Takes out of the list a candidate whose teammates' files are gone, if
 * we never wrote nor changed anything of theirs, or puts one back whose
 * files came again. The store keeps it: if it is open in a window and
 * something is typed, it is listed again and saved (see
 * on_candidate_changed_cb()). Returns whether the list changed. */
gboolean
_ivc_candidate_store_set_listed (IvcCandidateStore *self,
                                 const char        *candidate_id,
                                 gboolean           listed)
{
  Entry *entry = g_hash_table_lookup (get_entries (self), candidate_id);
  guint position;
  gboolean found;

  if (entry == NULL || entry->removed || (!listed && entry->serial != 0))
    return FALSE;

  found = g_list_store_find (self->candidates, entry->candidate, &position);
  if (found && !listed)
    g_list_store_remove (self->candidates, position);
  else if (!found && listed)
    g_list_store_insert_sorted (self->candidates, entry->candidate, compare_candidates, NULL);
  else
    return FALSE;

  return TRUE;
}

void
_ivc_candidate_store_emit_notice (IvcCandidateStore *self,
                                  const char        *title,
                                  const char        *details)
{
  g_signal_emit (self, signals[NOTICE], 0, title, details);
}

void
_ivc_candidate_store_emit_team_changed (IvcCandidateStore *self,
                                        const char        *candidate_id)
{
  g_signal_emit (self, signals[TEAM_CHANGED], 0, candidate_id);
}

IvcCandidateStoreTeam *
_ivc_candidate_store_get_team (IvcCandidateStore *self)
{
  return self->team;
}

/*
 * The object.
 */

static void
ivc_candidate_store_constructed (GObject *object)
{
  IvcCandidateStore *self = (IvcCandidateStore *)object;
  g_autofree char *path = NULL;

  G_OBJECT_CLASS (ivc_candidate_store_parent_class)->constructed (object);

  if (self->folder == NULL)
    self->folder = ivc_candidate_store_dup_default_folder ();

  path = g_file_get_path (self->folder);
  g_assert (path != NULL);
  self->candidates_path = g_build_filename (path, "candidates", NULL);
  self->saver = ivc_candidate_saver_new (object, self->candidates_path, self->interviewer_id);
}

static void
ivc_candidate_store_dispose (GObject *object)
{
  IvcCandidateStore *self = (IvcCandidateStore *)object;

  g_clear_pointer (&self->team, _ivc_candidate_store_team_free);
  if (self->saver != NULL)
    ivc_candidate_saver_shutdown (self->saver);
  g_clear_object (&self->candidates);

  G_OBJECT_CLASS (ivc_candidate_store_parent_class)->dispose (object);
}

static void
ivc_candidate_store_finalize (GObject *object)
{
  IvcCandidateStore *self = (IvcCandidateStore *)object;

  g_clear_object (&self->folder);
  g_clear_pointer (&self->candidates_path, g_free);
  g_clear_pointer (&self->interviewer_id, g_free);
  g_clear_pointer (&self->interviewer_name, g_free);
  g_clear_pointer (&self->saver, ivc_candidate_saver_free);

  G_OBJECT_CLASS (ivc_candidate_store_parent_class)->finalize (object);
}

static void
ivc_candidate_store_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  IvcCandidateStore *self = IVC_CANDIDATE_STORE (object);

  switch (prop_id)
    {
    case PROP_FOLDER:
      g_value_set_object (value, self->folder);
      break;

    case PROP_INTERVIEWER_ID:
      g_value_set_string (value, self->interviewer_id);
      break;

    case PROP_INTERVIEWER_NAME:
      g_value_set_string (value, self->interviewer_name);
      break;

    case PROP_CANDIDATES:
      g_value_set_object (value, self->candidates);
      break;

    case PROP_HAS_UNSAVED_CHANGES:
      g_value_set_boolean (value, ivc_candidate_saver_get_has_unsaved_changes (self->saver));
      break;

    case PROP_SAVING:
      g_value_set_boolean (value, ivc_candidate_saver_get_saving (self->saver));
      break;

    case PROP_SAVE_ERROR:
      g_value_set_boxed (value, ivc_candidate_saver_get_save_error (self->saver));
      break;

    case PROP_READ_ONLY:
      g_value_set_boolean (value, self->read_only);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ivc_candidate_store_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  IvcCandidateStore *self = IVC_CANDIDATE_STORE (object);

  switch (prop_id)
    {
    case PROP_FOLDER:
      self->folder = g_value_dup_object (value);
      break;

    case PROP_INTERVIEWER_ID:
      self->interviewer_id = g_value_dup_string (value);
      break;

    case PROP_INTERVIEWER_NAME:
      ivc_candidate_store_set_interviewer_name (self, g_value_get_string (value));
      break;

    case PROP_READ_ONLY:
      self->read_only = g_value_get_boolean (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ivc_candidate_store_class_init (IvcCandidateStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = ivc_candidate_store_constructed;
  object_class->dispose = ivc_candidate_store_dispose;
  object_class->finalize = ivc_candidate_store_finalize;
  object_class->get_property = ivc_candidate_store_get_property;
  object_class->set_property = ivc_candidate_store_set_property;

  /**
   * IvcCandidateStore:folder:
   *
   * The data folder; candidates are in its "candidates" folder.
   */
  properties[PROP_FOLDER] =
    g_param_spec_object ("folder", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_INTERVIEWER_ID] =
    g_param_spec_string ("interviewer-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_INTERVIEWER_NAME] =
    g_param_spec_string ("interviewer-name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * IvcCandidateStore:candidates:
   *
   * The candidates, as a #GListModel of #IvcCandidate, the most recently
   * modified first.
   */
  properties[PROP_CANDIDATES] =
    g_param_spec_object ("candidates", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * IvcCandidateStore:has-unsaved-changes:
   *
   * Whether something is only in memory: a change not yet saved, or one
   * that could not be saved. At quit, the application offers to export.
   */
  properties[PROP_HAS_UNSAVED_CHANGES] =
    g_param_spec_boolean ("has-unsaved-changes", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SAVING] =
    g_param_spec_boolean ("saving", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * IvcCandidateStore:save-error:
   *
   * Why the last save failed, or %NULL once saving works again.
   */
  properties[PROP_SAVE_ERROR] =
    g_param_spec_boxed ("save-error", NULL, NULL, G_TYPE_ERROR,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * IvcCandidateStore:read-only:
   *
   * Whether the store only reads: loading moves nothing aside, removes
   * nothing, changes no mode and makes no folder, and nothing is saved.
   * For the commands without a window.
   */
  properties[PROP_READ_ONLY] =
    g_param_spec_boolean ("read-only", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * IvcCandidateStore::save-failed:
   * @error: why, an %IVC_STORE_ERROR_WRITE_FAILED
   *
   * Emitted each time saving fails. The changes stay in memory and saving
   * is tried again after a while and on the next change.
   */
  signals[SAVE_FAILED] =
    g_signal_new ("save-failed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_ERROR | G_SIGNAL_TYPE_STATIC_SCOPE);

  /**
   * IvcCandidateStore::notice:
   * @title: what happened, short, for a toast
   * @details: what happened and what was done, with the files' names
   *
   * Emitted when our file was found changed by someone else and merged
   * (on saving, or a sync tool's conflict copy of ours on loading), and
   * for a conflict copy of a teammate's file, which is left as it is.
   * Nothing was lost; the user may want to look.
   */
  signals[NOTICE] =
    g_signal_new ("notice",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);

  /**
   * IvcCandidateStore::team-changed:
   * @candidate_id: whose teammates' files arrived, changed or went
   *
   * Emitted while ivc_candidate_store_watch_team() is on, when the files
   * that teammates keep for a candidate changed on disk, or whether we
   * have a file of our own for them. Our own saves are not a change.
   */
  signals[TEAM_CHANGED] =
    g_signal_new ("team-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
ivc_candidate_store_init (IvcCandidateStore *self)
{
  self->candidates = g_list_store_new (IVC_TYPE_CANDIDATE);
  self->team = _ivc_candidate_store_team_new ();
}

/**
 * ivc_candidate_store_dup_default_folder:
 *
 * Returns: (transfer full): the data folder, in the user's data folder
 *   ($XDG_DATA_HOME)
 */
GFile *
ivc_candidate_store_dup_default_folder (void)
{
  return g_file_new_build_filename (g_get_user_data_dir (), "interview-companion", NULL);
}

/**
 * ivc_candidate_store_new:
 * @folder: (nullable): the data folder, a local one; %NULL for
 *   ivc_candidate_store_dup_default_folder()
 * @interviewer_id: whose candidate files to write, a valid id (see
 *   ivc_candidate_id_is_valid()) that stays the same for this interviewer
 * @interviewer_name: (nullable): the name written in those files
 *
 * Nothing is read until ivc_candidate_store_load().
 */
IvcCandidateStore *
ivc_candidate_store_new (GFile      *folder,
                         const char *interviewer_id,
                         const char *interviewer_name)
{
  g_return_val_if_fail (folder == NULL || G_IS_FILE (folder), NULL);
  g_return_val_if_fail (folder == NULL || g_file_peek_path (folder) != NULL, NULL);
  g_return_val_if_fail (ivc_candidate_id_is_valid (interviewer_id), NULL);

  return g_object_new (IVC_TYPE_CANDIDATE_STORE,
                       "folder", folder,
                       "interviewer-id", interviewer_id,
                       "interviewer-name", interviewer_name,
                       NULL);
}

/**
 * ivc_candidate_store_new_read_only:
 *
 * As ivc_candidate_store_new(), for a store that only reads: see
 * #IvcCandidateStore:read-only. Candidates cannot be created, removed or
 * restored in it, and changes to them stay in memory.
 */
IvcCandidateStore *
ivc_candidate_store_new_read_only (GFile      *folder,
                                   const char *interviewer_id,
                                   const char *interviewer_name)
{
  g_return_val_if_fail (folder == NULL || G_IS_FILE (folder), NULL);
  g_return_val_if_fail (folder == NULL || g_file_peek_path (folder) != NULL, NULL);
  g_return_val_if_fail (ivc_candidate_id_is_valid (interviewer_id), NULL);

  return g_object_new (IVC_TYPE_CANDIDATE_STORE,
                       "folder", folder,
                       "interviewer-id", interviewer_id,
                       "interviewer-name", interviewer_name,
                       "read-only", TRUE,
                       NULL);
}

gboolean
ivc_candidate_store_get_read_only (IvcCandidateStore *self)
{
  g_return_val_if_fail (IVC_IS_CANDIDATE_STORE (self), FALSE);

  return self->read_only;
}

/**
 * ivc_candidate_store_get_folder:
 *
 * Returns: (transfer none): the data folder
 */
GFile *
ivc_candidate_store_get_folder (IvcCandidateStore *self)
{
  g_return_val_if_fail (IVC_IS_CANDIDATE_STORE (self), NULL);

  return self->folder;
}

const char *
ivc_candidate_store_get_interviewer_id (IvcCandidateStore *self)
{
  g_return_val_if_fail (IVC_IS_CANDIDATE_STORE (self), NULL);

  return self->interviewer_id;
}

const char *
ivc_candidate_store_get_interviewer_name (IvcCandidateStore *self)
{
  g_return_val_if_fail (IVC_IS_CANDIDATE_STORE (self), NULL);

  return self->interviewer_name;
}

/**
 * ivc_candidate_store_set_interviewer_name:
 *
 * The new name is written with the next change to each candidate.
 */
void
ivc_candidate_store_set_interviewer_name (IvcCandidateStore *self,
                                          const char        *interviewer_name)
{
  GHashTableIter iter;
  gpointer value;

  g_return_if_fail (IVC_IS_CANDIDATE_STORE (self));

  if (g_strcmp0 (self->interviewer_name, interviewer_name) == 0)
    return;

  g_free (self->interviewer_name);
  self->interviewer_name = g_strdup (interviewer_name);

  /* Set while constructing, before there are candidates. */
  if (self->saver == NULL)
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INTERVIEWER_NAME]);
      return;
    }

  g_hash_table_iter_init (&iter, get_entries (self));
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      Entry *entry = value;

      ivc_candidate_set_interviewer (entry->candidate, self->interviewer_id, self->interviewer_name);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INTERVIEWER_NAME]);
}

static IvcCandidateFolderLoadFlags
get_load_flags (IvcCandidateStore *self)
{
  return self->read_only ? IVC_CANDIDATE_FOLDER_LOAD_READ_ONLY : IVC_CANDIDATE_FOLDER_LOAD_NONE;
}

/**
 * ivc_candidate_store_load:
 * @problems: (out) (optional) (element-type GError): every file that could
 *   not be read, with why and what was done about it
 * @error: set when the candidates folder itself cannot be read
 *
 * Reads every candidate. A damaged file of ours is moved aside, kept, and
 * reported in @problems (left as it is in a read-only store); one that
 * cannot be read now or has a newer format is reported and left as it is,
 * and its candidate is not listed, so that nothing is written over it. The
 * other candidates still load. In a store that is not read-only, temporary
 * files that interrupted saves left are removed and our folders are closed
 * to others. Candidates that only other interviewers have
 * a file for are listed with an empty scorecard of ours, which is written
 * once it changes.
 *
 * Reading a few hundred small files is quick, but see
 * ivc_candidate_store_load_async() for the main thread.
 *
 * Returns: %TRUE if the folder could be read (or does not exist yet)
 */
gboolean
ivc_candidate_store_load (IvcCandidateStore  *self,
                          GCancellable       *cancellable,
                          GPtrArray         **problems,
                          GError            **error)
{
  IvcCandidateFolderResult *result;

  g_return_val_if_fail (IVC_IS_CANDIDATE_STORE (self), FALSE);
  g_return_val_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  result = ivc_candidate_folder_load (self->candidates_path, self->interviewer_id,
                                      get_load_flags (self), cancellable, error);
  if (result == NULL)
    return FALSE;

  take_loaded (self, result);
  if (problems != NULL)
    *problems = g_ptr_array_ref (result->problems);
  ivc_candidate_folder_result_free (result);

  return TRUE;
}

static void
on_load_done_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  IvcCandidateStore *self = g_task_get_source_object (task);
  IvcCandidateFolderResult *loaded;
  GError *error = NULL;

  loaded = ivc_candidate_folder_load_finish (result, &error);
  if (loaded == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  take_loaded (self, loaded);
  g_task_return_pointer (task, g_ptr_array_ref (loaded->problems), (GDestroyNotify)g_ptr_array_unref);
  ivc_candidate_folder_result_free (loaded);
}

/**
 * ivc_candidate_store_load_async:
 *
 * Reads every candidate in a worker thread, as ivc_candidate_store_load()
 * does; they are in the list when @callback runs.
 */
void
ivc_candidate_store_load_async (IvcCandidateStore   *self,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (IVC_IS_CANDIDATE_STORE (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_name (task, "ivc_candidate_store_load_async");
  g_task_set_source_tag (task, (gpointer)(guintptr)ivc_candidate_store_load_async);

  /* The worker gets strings only; the task, and with it the store, is let
   * go in on_load_done_cb(), on this thread. */
  ivc_candidate_folder_load_async (self->candidates_path, self->interviewer_id,
                                   get_load_flags (self), cancellable, on_load_done_cb, task);
}

/**
 * ivc_candidate_store_load_finish:
 * @problems: (out) (optional) (element-type GError): as for
 *   ivc_candidate_store_load()
 */
gboolean
ivc_candidate_store_load_finish (IvcCandidateStore  *self,
                                 GAsyncResult       *result,
                                 GPtrArray         **problems,
                                 GError            **error)
{
  g_autoptr(GPtrArray) found = NULL;

  g_return_val_if_fail (IVC_IS_CANDIDATE_STORE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  found = g_task_propagate_pointer (G_TASK (result), error);
  if (found == NULL)
    return FALSE;

  if (problems != NULL)
    *problems = g_steal_pointer (&found);

  return TRUE;
}

/**
 * ivc_candidate_store_get_candidates:
 *
 * Returns: (transfer none): a #GListModel of #IvcCandidate, the most
 *   recently modified first
 */
GListModel *
ivc_candidate_store_get_candidates (IvcCandidateStore *self)
{
  g_return_val_if_fail (IVC_IS_CANDIDATE_STORE (self), NULL);

  return G_LIST_MODEL (self->candidates);
}

/**
 * ivc_candidate_store_find:
 *
 * Returns: (transfer none) (nullable): the candidate with that id
 */
IvcCandidate *
ivc_candidate_store_find (IvcCandidateStore *self,
                          const char        *candidate_id)
{
  Entry *entry;

  g_return_val_if_fail (IVC_IS_CANDIDATE_STORE (self), NULL);

  if (candidate_id == NULL)
    return NULL;

  entry = g_hash_table_lookup (get_entries (self), candidate_id);
  if (entry == NULL || entry->removed)
    return NULL;

  return entry->candidate;
}

/**
 * ivc_candidate_store_create:
 * @name: the candidate's name
 * @role: (nullable): the role applied for
 * @interview_date: (nullable): “YYYY-MM-DD”
 * @bank_id: (nullable): the question bank used
 *
 * Adds a candidate at the top of the list; it is saved shortly.
 *
 * Returns: (transfer none): the new candidate
 */
IvcCandidate *
ivc_candidate_store_create (IvcCandidateStore *self,
                            const char        *name,
                            const char        *role,
                            const char        *interview_date,
                            const char        *bank_id)
{
  g_autoptr(IvcCandidate) candidate = NULL;
  g_autofree char *id = NULL;

  g_return_val_if_fail (IVC_IS_CANDIDATE_STORE (self), NULL);
  g_return_val_if_fail (!self->read_only, NULL);
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (interview_date == NULL || *interview_date == '\0' ||
                        ivc_candidate_date_is_valid (interview_date), NULL);

  /* A folder that is there but was not loaded (its file could not be
   * moved aside) is not reused either. */
  for (;;)
    {
      g_autofree char *folder_path = NULL;

      g_free (id);
      id = ivc_candidate_generate_id ();
      folder_path = g_build_filename (self->candidates_path, id, NULL);
      if (!g_hash_table_contains (get_entries (self), id) &&
          !g_file_test (folder_path, G_FILE_TEST_EXISTS))
        break;
    }

  candidate = ivc_candidate_new (id, name);
  ivc_candidate_set_role (candidate, role);
  ivc_candidate_set_interview_date (candidate, interview_date);
  ivc_candidate_set_bank_id (candidate, bank_id);

  add_entry (self, candidate, TRUE);
  g_list_store_insert_sorted (self->candidates, candidate, compare_candidates, NULL);
  ivc_candidate_saver_schedule (self->saver);

  return candidate;
}

/**
 * ivc_candidate_store_remove:
 *
 * Takes a candidate out of the list and deletes our file for it shortly,
 * and its folder if nothing else is in it. Other interviewers' files stay.
 * Pass the candidate to ivc_candidate_store_restore() to undo.
 *
 * Returns: (transfer full): the candidate
 */
IvcCandidate *
ivc_candidate_store_remove (IvcCandidateStore *self,
                            IvcCandidate      *candidate)
{
  Entry *entry;
  guint position;

  g_return_val_if_fail (IVC_IS_CANDIDATE_STORE (self), NULL);
  g_return_val_if_fail (!self->read_only, NULL);
  g_return_val_if_fail (IVC_IS_CANDIDATE (candidate), NULL);

  entry = g_hash_table_lookup (get_entries (self), ivc_candidate_get_id (candidate));
  g_return_val_if_fail (entry != NULL && entry->candidate == candidate && !entry->removed, NULL);

  g_object_ref (candidate);

  if (g_list_store_find (self->candidates, candidate, &position))
    g_list_store_remove (self->candidates, position);

  entry->removed = TRUE;
  ivc_candidate_saver_bump (self->saver, entry);
  ivc_candidate_saver_schedule (self->saver);

  return candidate;
}

/**
 * ivc_candidate_store_restore:
 * @candidate: a candidate from ivc_candidate_store_remove()
 *
 * Puts a removed candidate back in its place and saves it again.
 */
void
ivc_candidate_store_restore (IvcCandidateStore *self,
                             IvcCandidate      *candidate)
{
  Entry *entry;

  g_return_if_fail (IVC_IS_CANDIDATE_STORE (self));
  g_return_if_fail (!self->read_only);
  g_return_if_fail (IVC_IS_CANDIDATE (candidate));

  entry = g_hash_table_lookup (get_entries (self), ivc_candidate_get_id (candidate));
  if (entry != NULL)
    {
      g_return_if_fail (entry->candidate == candidate && entry->removed);

      entry->removed = FALSE;
      ivc_candidate_saver_bump (self->saver, entry);
    }
  else
    add_entry (self, candidate, TRUE);

  g_list_store_insert_sorted (self->candidates, candidate, compare_candidates, NULL);
  ivc_candidate_saver_schedule (self->saver);
}

const char *
_ivc_candidate_store_get_candidates_path (IvcCandidateStore *self)
{
  return self->candidates_path;
}

/* For erasing: takes a candidate out for good, with no undo, and makes
 * sure that nothing the saver does later writes their file again.
 * Returns whether the store knew the candidate. */
gboolean
_ivc_candidate_store_forget (IvcCandidateStore *self,
                             const char        *candidate_id)
{
  Entry *entry = g_hash_table_lookup (get_entries (self), candidate_id);
  guint position;

  if (entry != NULL && g_list_store_find (self->candidates, entry->candidate, &position))
    g_list_store_remove (self->candidates, position);

  ivc_candidate_saver_forget (self->saver, candidate_id);

  return entry != NULL;
}

gboolean
ivc_candidate_store_get_has_unsaved_changes (IvcCandidateStore *self)
{
  g_return_val_if_fail (IVC_IS_CANDIDATE_STORE (self), FALSE);

  return ivc_candidate_saver_get_has_unsaved_changes (self->saver);
}

/**
 * ivc_candidate_store_dup_unsaved:
 *
 * Returns: (transfer container) (element-type IvcCandidate): the
 *   candidates with changes that are not on disk, by name
 */
GPtrArray *
ivc_candidate_store_dup_unsaved (IvcCandidateStore *self)
{
  g_return_val_if_fail (IVC_IS_CANDIDATE_STORE (self), NULL);

  return ivc_candidate_saver_dup_unsaved (self->saver);
}

gboolean
ivc_candidate_store_get_saving (IvcCandidateStore *self)
{
  g_return_val_if_fail (IVC_IS_CANDIDATE_STORE (self), FALSE);

  return ivc_candidate_saver_get_saving (self->saver);
}

/**
 * ivc_candidate_store_get_save_error:
 *
 * Returns: (transfer none) (nullable): why the last save failed, or %NULL
 */
const GError *
ivc_candidate_store_get_save_error (IvcCandidateStore *self)
{
  g_return_val_if_fail (IVC_IS_CANDIDATE_STORE (self), NULL);

  return ivc_candidate_saver_get_save_error (self->saver);
}

/**
 * ivc_candidate_store_save_async:
 *
 * Saves every change now, without waiting for the autosave, in a worker
 * thread; for switching candidates.
 */
void
ivc_candidate_store_save_async (IvcCandidateStore   *self,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (IVC_IS_CANDIDATE_STORE (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_name (task, "ivc_candidate_store_save_async");
  g_task_set_source_tag (task, (gpointer)(guintptr)ivc_candidate_store_save_async);
  ivc_candidate_saver_save_now (self->saver, task);
}

/**
 * ivc_candidate_store_save_finish:
 *
 * Returns: %TRUE if every change made before ivc_candidate_store_save_async()
 *   is on disk
 */
gboolean
ivc_candidate_store_save_finish (IvcCandidateStore  *self,
                                 GAsyncResult       *result,
                                 GError            **error)
{
  g_return_val_if_fail (IVC_IS_CANDIDATE_STORE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * ivc_candidate_store_flush:
 * @error: an %IVC_STORE_ERROR_WRITE_FAILED
 *
 * Saves every change now, in the calling thread, after any save in
 * progress; for quitting. On failure the changes stay in memory, as
 * #IvcCandidateStore:has-unsaved-changes says.
 *
 * Returns: %TRUE if nothing is left unsaved
 */
gboolean
ivc_candidate_store_flush (IvcCandidateStore  *self,
                           GError            **error)
{
  g_return_val_if_fail (IVC_IS_CANDIDATE_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return ivc_candidate_saver_flush (self->saver, error);
}
