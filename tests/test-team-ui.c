/* test-team-ui.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The team folder in the window: a teammate's candidate arriving in the
 * candidate list as "only a teammate so far", a second teammate, and going
 * again; Preferences' Team group saying which folder is used and when, and
 * whose interviewer id this is.
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "ivc-candidate-panel.h"
#include "ivc-candidate-store.h"
#include "ivc-preferences-window.h"
#include "ivc-window.h"

#include "ivc-test-util.h"

#define OWN_ID  "c-00000000000000000000000000000001"
#define TEAM_ID "c-00000000000000000000000000000002"

/* The promise: a teammate's change shows within 2 seconds. Under
 * the sanitizers everything runs several times slower (build-aux/dev.sh
 * sanitize gives every test 4 times as long), and so may this. */
#define TEAM_SECONDS (g_getenv ("ASAN_OPTIONS") != NULL ? 8 : 2)

typedef struct
{
  char              *tmp;
  char              *candidates;
  GSettings         *settings;
  IvcCandidateStore *store;
  IvcWindow         *window;
} Fixture;

static void
put_candidate (Fixture    *fixture,
               const char *candidate_id,
               const char *interviewer_id,
               const char *name)
{
  g_autofree char *file_name = g_strconcat (interviewer_id, ".json", NULL);
  g_autofree char *path = g_build_filename (fixture->candidates, candidate_id, file_name, NULL);
  g_autofree char *temp = g_build_filename (fixture->candidates, candidate_id, ".sync.tmp", NULL);
  g_autofree char *contents = NULL;

  contents = g_strdup_printf ("{ \"format\": 2,"
                              "  \"candidate\": { \"id\": \"%s\", \"name\": \"%s\", \"role\": \"SRE\" },"
                              "  \"interviewer\": { \"id\": \"%s\", \"name\": \"%s\" },"
                              "  \"created\": \"2026-01-01T09:00:00Z\", \"modified\": \"2026-01-01T10:00:00Z\" }",
                              candidate_id, name, interviewer_id, interviewer_id);
  /* As a sync tool writes: a temporary file, renamed into place. */
  write_file (temp, contents);
  g_assert_no_errno (g_rename (temp, path));
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GFile) folder = NULL;

  fixture->settings = g_settings_new (APP_ID);
  g_settings_reset (fixture->settings, "last-candidate");
  g_settings_reset (fixture->settings, "team-folder");

  fixture->tmp = g_dir_make_tmp ("ivc-team-ui-XXXXXX", NULL);
  folder = g_file_new_build_filename (fixture->tmp, "team", NULL);
  fixture->candidates = g_build_filename (fixture->tmp, "team", "candidates", NULL);
  put_candidate (fixture, OWN_ID, "ann", "Ada Own");

  fixture->store = ivc_candidate_store_new (folder, "ann", "Ann Lee");
  g_assert_true (ivc_candidate_store_load (fixture->store, NULL, NULL, NULL));
  ivc_candidate_store_watch_team (fixture->store);

  fixture->window = g_object_ref_sink (g_object_new (IVC_TYPE_WINDOW, NULL));
  ivc_window_set_store (fixture->window, fixture->store);
  ivc_window_load_bundled_bank (fixture->window);
  gtk_window_present (GTK_WINDOW (fixture->window));
  wait_until (gtk_widget_get_mapped (GTK_WIDGET (fixture->window)));
  ivc_window_candidates_loaded (fixture->window, NULL);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_assert_finalize_object (fixture->window);
  flush_events ();
  g_clear_object (&fixture->store);
  g_settings_reset (fixture->settings, "team-folder");
  g_clear_object (&fixture->settings);
  remove_tree (fixture->tmp);
  g_clear_pointer (&fixture->tmp, g_free);
  g_clear_pointer (&fixture->candidates, g_free);
}

/* The text of every label under @widget, one a line. */
static void
collect_labels (GtkWidget *widget,
                GString   *out)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget))
    g_string_append_printf (out, "%s\n", gtk_label_get_text (GTK_LABEL (widget)));

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_labels (child, out);
}

static char *
list_text (Fixture *fixture)
{
  GtkWidget *panel = template_child (fixture->window, IVC_TYPE_WINDOW, "candidate_panel");
  GtkWidget *list = template_child (panel, IVC_TYPE_CANDIDATE_PANEL, "candidate_list");
  GString *out = g_string_new (NULL);

  collect_labels (list, out);
  return g_string_free (out, FALSE);
}

static gboolean
list_has (Fixture    *fixture,
          const char *text)
{
  g_autofree char *shown = list_text (fixture);

  return strstr (shown, text) != NULL;
}

static void
test_teammate_in_list (Fixture       *fixture,
                       gconstpointer  data)
{
  GtkWidget *panel = template_child (fixture->window, IVC_TYPE_WINDOW, "candidate_panel");
  GtkPopover *popover;
  g_autofree char *folder = g_build_filename (fixture->candidates, TEAM_ID, NULL);
  g_autofree char *bob = g_build_filename (folder, "bob.json", NULL);
  g_autofree char *cat = g_build_filename (folder, "cat.json", NULL);
  g_autofree char *own = g_build_filename (folder, "ann.json", NULL);

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.switch-candidate", "s", OWN_ID);
  /* The candidate page is built once a candidate is shown. */
  wait_until (ivc_window_get_candidate (fixture->window) != NULL);
  popover = GTK_POPOVER (template_child (panel, IVC_TYPE_CANDIDATE_PANEL, "switch_popover"));
  gtk_popover_popup (popover);
  wait_until (list_has (fixture, "Ada Own"));

  /* Bob's sync brings a candidate only he has interviewed. */
  put_candidate (fixture, TEAM_ID, "bob", "Zoë Ångström");
  wait_for_seconds (list_has (fixture, "Zoë Ångström") && list_has (fixture, "Only a teammate so far"),
                    TEAM_SECONDS);

  /* Cat's too. */
  put_candidate (fixture, TEAM_ID, "cat", "Zoë Ångström");
  wait_for_seconds (list_has (fixture, "Only 2 teammates so far"), TEAM_SECONDS);

  /* Both go: so does the candidate, for whom we wrote nothing. */
  g_assert_no_errno (g_unlink (bob));
  g_assert_no_errno (g_unlink (cat));
  wait_for_seconds (!list_has (fixture, "Zoë Ångström"), TEAM_SECONDS);
  g_assert_false (g_file_test (own, G_FILE_TEST_EXISTS));
  g_assert_true (list_has (fixture, "Ada Own"));

  gtk_popover_popdown (popover);
}

static const char *
row_subtitle (GtkWidget  *preferences,
              const char *name)
{
  return adw_action_row_get_subtitle (ADW_ACTION_ROW (template_child (preferences, IVC_TYPE_PREFERENCES_WINDOW, name)));
}

static gboolean
name_is (GSettings  *settings,
         const char *expected)
{
  g_autofree char *name = g_settings_get_string (settings, "interviewer-name");

  return g_strcmp0 (name, expected) == 0;
}

static void
test_preferences (Fixture       *fixture,
                  gconstpointer  data)
{
  GtkWidget *preferences = ivc_preferences_window_new (GTK_WINDOW (fixture->window));
  GFile *in_use = ivc_candidate_store_get_folder (fixture->store);
  g_autofree char *other = g_build_filename (fixture->tmp, "other", NULL);

  ivc_preferences_window_set_store (IVC_PREFERENCES_WINDOW (preferences), fixture->store);
  gtk_window_present (GTK_WINDOW (preferences));
  wait_until (gtk_widget_get_mapped (preferences));

  g_assert_cmpstr (row_subtitle (preferences, "interviewer_id_row"), ==, "ann");

  /* The folder in use. */
  g_settings_set_string (fixture->settings, "team-folder", g_file_peek_path (in_use));
  wait_until (g_strcmp0 (row_subtitle (preferences, "team_folder_row"), g_file_peek_path (in_use)) == 0);

  /* Another one: from the next start, and it says so. */
  g_assert_no_errno (g_mkdir (other, 0700));
  g_settings_set_string (fixture->settings, "team-folder", other);
  wait_until (g_str_has_prefix (row_subtitle (preferences, "team_folder_row"), other) &&
              strstr (row_subtitle (preferences, "team_folder_row"), "next start") != NULL);

  /* A relative path: said, never used. */
  g_settings_set_string (fixture->settings, "team-folder", "Sync/hiring");
  wait_until (strstr (row_subtitle (preferences, "team_folder_row"), "“Sync/hiring”") != NULL);

  /* Your name is the setting. */
  gtk_editable_set_text (GTK_EDITABLE (template_child (preferences, IVC_TYPE_PREFERENCES_WINDOW, "interviewer_name_row")),
                         "Ann Lee-Øberg");
  wait_until (name_is (fixture->settings, "Ann Lee-Øberg"));
  g_settings_reset (fixture->settings, "interviewer-name");

  gtk_window_destroy (GTK_WINDOW (preferences));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  if (!gtk_init_check ())
    {
      /* TAP's way to skip a whole file. */
      g_print ("1..0 # SKIP no display: widget tests need one (the README's test command starts Xvfb)\n");
      return 0;
    }
  adw_init ();

  g_test_add ("/team-ui/teammate-in-list", Fixture, NULL,
              fixture_setup, test_teammate_in_list, fixture_teardown);
  g_test_add ("/team-ui/preferences", Fixture, NULL,
              fixture_setup, test_preferences, fixture_teardown);

  return g_test_run ();
}
