/* ivc-test-files.c: files and folders, as the tests make and check them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What every test shares, with GLib alone: files and folders, waiting for
 * a condition, and faults root cannot bypass.
 */

#include "config.h"

#include <string.h>

#include <fcntl.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "ivc-test-files.h"

gboolean
ivc_test_deadline_cb (gpointer data)
{
  gboolean *timed_out = data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/* Wakes the main loop: a condition may change on another thread. */
gboolean
ivc_test_poll_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/* Whether the file at @path exists and holds @text. */
gboolean
file_contains (const char *path,
               const char *text)
{
  g_autofree char *contents = NULL;

  return g_file_get_contents (path, &contents, NULL, NULL) &&
         strstr (contents, text) != NULL;
}

/* Runs the main loop until the file at @path holds @expected (a file is
 * not always written in one go), for IVC_TEST_WAIT_SECONDS at most.
 * Returns what it holds then, for the caller to compare: a failure shows
 * the difference. */
char *
wait_for_file_contents (const char *path,
                        const char *expected)
{
  gboolean timed_out = FALSE;
  guint deadline = g_timeout_add_seconds (IVC_TEST_WAIT_SECONDS, ivc_test_deadline_cb, &timed_out);
  guint poll = g_timeout_add (10, ivc_test_poll_cb, NULL);
  char *contents = NULL;

  while ((!g_file_get_contents (path, &contents, NULL, NULL) ||
          g_strcmp0 (contents, expected) != 0) && !timed_out)
    {
      g_clear_pointer (&contents, g_free);
      g_main_context_iteration (NULL, TRUE);
    }

  g_source_remove (poll);
  if (!timed_out)
    g_source_remove (deadline);

  return contents;
}

/* Removes a test's folder and everything in it; a missing one is fine. */
void
remove_tree (const char *path)
{
  GStatBuf st;

  if (g_lstat (path, &st) != 0)
    return;

  if (S_ISDIR (st.st_mode))
    {
      g_autoptr(GDir) dir = NULL;
      const char *name;

      /* Tests take write permission away from folders. */
      g_chmod (path, 0700);
      dir = g_dir_open (path, 0, NULL);
      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          remove_tree (child);
        }
      g_assert_no_errno (g_rmdir (path));
    }
  else
    g_assert_no_errno (g_unlink (path));
}

/* Writes @contents to @path, making its folder first. */
void
write_file (const char *path,
            const char *contents)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;

  g_assert_no_errno (g_mkdir_with_parents (dir, 0700));
  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

char *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);

  return contents;
}

void
assert_file_equals (const char *path,
                    const char *expected)
{
  g_autofree char *contents = read_file (path);

  g_assert_cmpstr (contents, ==, expected);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *)a, *(const char * const *)b);
}

/* The names in a folder, sorted, joined by spaces. */
char *
list_folder (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);

  return g_strjoinv (" ", (char **)names->pdata);
}

static void
describe_into (GString    *out,
               const char *root,
               const char *relative)
{
  g_autofree char *path = relative ? g_build_filename (root, relative, NULL) : g_strdup (root);
  GStatBuf st;

  if (g_lstat (path, &st) != 0)
    {
      g_string_append_printf (out, "%s: missing\n", relative ? relative : ".");
      return;
    }

  g_string_append_printf (out, "%s: %o", relative ? relative : ".", (guint)(st.st_mode & 07777));

  if (S_ISLNK (st.st_mode))
    {
      g_autofree char *target = g_file_read_link (path, NULL);

      g_string_append_printf (out, " link to %s\n", target);
    }
  else if (S_ISDIR (st.st_mode))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
      const char *name;

      g_string_append (out, " folder\n");
      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        g_ptr_array_add (names, g_strdup (name));
      g_ptr_array_sort (names, compare_names);
      for (guint i = 0; i < names->len; i++)
        {
          g_autofree char *child = relative ? g_build_filename (relative, names->pdata[i], NULL)
                                            : g_strdup (names->pdata[i]);
          describe_into (out, root, child);
        }
    }
  else
    {
      g_autofree char *contents = NULL;
      gsize len = 0;

      if (S_ISREG (st.st_mode) && g_file_get_contents (path, &contents, &len, NULL))
        g_string_append_printf (out, " %" G_GSIZE_FORMAT " bytes, modified %" G_GINT64_FORMAT ": %s\n",
                                len, (gint64)st.st_mtime, contents);
      else
        g_string_append_printf (out, " unreadable or not a file\n");
    }
}

/* Everything under @path: names, modes, link targets, times and contents,
 * one line each, sorted; for asserting that nothing changed. */
char *
describe_tree (const char *path)
{
  GString *out = g_string_new (NULL);

  describe_into (out, path, NULL);
  return g_string_free (out, FALSE);
}

/* Who root becomes while permissions must count. */
#define ORDINARY_UID 65534
#define ORDINARY_GID 65534

static void
give_tree (const char *path)
{
  GStatBuf st;

  g_assert_no_errno (lchown (path, ORDINARY_UID, ORDINARY_GID));
  if (g_lstat (path, &st) == 0 && S_ISDIR (st.st_mode))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          give_tree (child);
        }
    }
}

/* Permissions do not stop root, and CI runs the tests as root: there, a
 * test that takes a permission away first gives @path (and what is in it)
 * to an ordinary user and becomes that user, on every thread, until
 * become_root_again(). For anyone else this does nothing. */
void
become_ordinary_user (const char *path)
{
  if (geteuid () != 0)
    return;

  give_tree (path);
  g_assert_no_errno (setegid (ORDINARY_GID));
  g_assert_no_errno (seteuid (ORDINARY_UID));

  /* The test's own folder must still be reachable, or a failure would
   * come from the path to it and prove nothing. */
  g_assert_no_errno (faccessat (AT_FDCWD, path, R_OK | W_OK | X_OK, AT_EACCESS));
}

void
become_root_again (void)
{
  if (getuid () != 0 || geteuid () == 0)
    return;

  g_assert_no_errno (seteuid (0));
  g_assert_no_errno (setegid (0));
}

/* A program run by a test keeps its settings in memory, and makes up a
 * new interviewer id each time: in a key file, it is the interviewer
 * whose files the test wrote. */
char **
environ_as_interviewer (char       **envp,
                        const char  *config_home,
                        const char  *interviewer_id,
                        ...)
{
  g_autofree char *folder = g_build_filename (config_home, "glib-2.0", "settings", NULL);
  g_autofree char *path = g_build_filename (folder, "keyfile", NULL);
  g_autoptr(GString) contents = g_string_new ("[io/github/interviewcompanion/InterviewCompanion]\n");
  const char *key;
  va_list args;

  g_string_append_printf (contents, "interviewer-id='%s'\n", interviewer_id);
  va_start (args, interviewer_id);
  while ((key = va_arg (args, const char *)) != NULL)
    g_string_append_printf (contents, "%s=%s\n", key, va_arg (args, const char *));
  va_end (args);

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  write_file (path, contents->str);

  envp = g_environ_setenv (envp, "GSETTINGS_BACKEND", "keyfile", TRUE);
  return g_environ_setenv (envp, "XDG_CONFIG_HOME", config_home, TRUE);
}
