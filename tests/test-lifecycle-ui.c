/* test-lifecycle-ui.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The end of a candidate's data, in the window: Erase Candidate… with its
 * confirmation, and the banner that lists the candidates past the
 * retention period, with its Erase….
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "ivc-candidate-store.h"
#include "ivc-preferences-window.h"
#include "ivc-window.h"

#include "ivc-test-util.h"

#define assert_contains(str, part)                              \
  G_STMT_START {                                                \
    if (strstr ((str), (part)) == NULL)                         \
      g_assert_cmpstr ((str), ==, (part));                      \
  } G_STMT_END

typedef struct
{
  char              *tmp;
  char              *candidates;
  GSettings         *settings;
  IvcCandidateStore *store;
  IvcWindow         *window;
} Fixture;

#define OLD_ID    "c-00000000000000000000000000000001"
#define RECENT_ID "c-00000000000000000000000000000002"

static void
put_candidate (Fixture    *fixture,
               const char *candidate_id,
               const char *interviewer_id,
               const char *name,
               const char *date)
{
  g_autofree char *file_name = g_strconcat (interviewer_id, ".json", NULL);
  g_autofree char *path = g_build_filename (fixture->candidates, candidate_id, file_name, NULL);
  g_autofree char *contents = NULL;

  contents = g_strdup_printf ("{ \"format\": 2,"
                              "  \"candidate\": { \"id\": \"%s\", \"name\": \"%s\", \"interview_date\": \"%s\" },"
                              "  \"interviewer\": { \"id\": \"%s\", \"name\": \"%s\" },"
                              "  \"created\": \"2020-01-01T09:00:00Z\", \"modified\": \"2020-01-01T10:00:00Z\" }",
                              candidate_id, name, date, interviewer_id, interviewer_id);
  write_file (path, contents);
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autoptr(GFile) folder = NULL;
  g_autofree char *corrupt = NULL;

  fixture->settings = g_settings_new (APP_ID);
  g_settings_reset (fixture->settings, "last-question");
  g_settings_reset (fixture->settings, "last-candidate");
  g_settings_reset (fixture->settings, "retention-days");

  fixture->tmp = g_dir_make_tmp ("ivc-lifecycle-XXXXXX", NULL);
  folder = g_file_new_build_filename (fixture->tmp, "data", NULL);
  fixture->candidates = g_build_filename (fixture->tmp, "data", "candidates", NULL);

  /* Olga was interviewed years ago, by us and by Bob, and has a copy
   * kept aside; Nina today. */
  put_candidate (fixture, OLD_ID, "tess", "Old Olga", "2020-01-01");
  put_candidate (fixture, OLD_ID, "bob", "Old Olga", "2020-01-01");
  corrupt = g_build_filename (fixture->candidates, OLD_ID, "tess.json.corrupt-20200101T000000Z", NULL);
  write_file (corrupt, "{ damaged");
  put_candidate (fixture, RECENT_ID, "tess", "New Nina", today);

  fixture->store = ivc_candidate_store_new (folder, "tess", "Tess Tester");
  g_assert_true (ivc_candidate_store_load (fixture->store, NULL, NULL, NULL));

  fixture->window = g_object_ref_sink (g_object_new (IVC_TYPE_WINDOW, NULL));
  ivc_window_set_store (fixture->window, fixture->store);
  ivc_window_load_bundled_bank (fixture->window);
  gtk_window_present (GTK_WINDOW (fixture->window));
  wait_until (gtk_widget_get_mapped (GTK_WIDGET (fixture->window)));
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_assert_finalize_object (fixture->window);
  flush_events ();
  g_clear_object (&fixture->store);
  g_settings_reset (fixture->settings, "retention-days");
  g_clear_object (&fixture->settings);
  remove_tree (fixture->tmp);
  g_clear_pointer (&fixture->tmp, g_free);
  g_clear_pointer (&fixture->candidates, g_free);
}

static gboolean
banner_shown (Fixture *fixture)
{
  GtkRevealer *revealer = GTK_REVEALER (template_child (fixture->window, IVC_TYPE_WINDOW, "retention_revealer"));

  return gtk_revealer_get_reveal_child (revealer) && gtk_revealer_get_child_revealed (revealer);
}

static const char *
banner_text (Fixture *fixture)
{
  return gtk_label_get_text (GTK_LABEL (template_child (fixture->window, IVC_TYPE_WINDOW, "retention_label")));
}

static gboolean
exists (Fixture    *fixture,
        const char *candidate_id)
{
  g_autofree char *path = g_build_filename (fixture->candidates, candidate_id, NULL);

  return g_file_test (path, G_FILE_TEST_EXISTS);
}

static void
test_retention_banner (Fixture       *fixture,
                       gconstpointer  data)
{
  IvcAlert *dialog;

  /* Kept for ever by default: no banner. */
  ivc_window_candidates_loaded (fixture->window, NULL);
  flush_events ();
  g_assert_false (banner_shown (fixture));

  /* Thirty days: Olga is listed, Nina is not. */
  g_settings_set_uint (fixture->settings, "retention-days", 30);
  wait_until (banner_shown (fixture));
  assert_contains (banner_text (fixture), "Old Olga");
  g_assert_null (strstr (banner_text (fixture), "New Nina"));
  wait_for_draw (fixture->window);

  /* Erase…: asked first, saying what goes; nothing is gone before. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.erase-expired", NULL);
  wait_until ((dialog = ivc_alert_find_shown ()) != NULL);
  assert_contains (ivc_alert_get_body (dialog), "Old Olga");
  assert_contains (ivc_alert_get_body (dialog), "2 scorecards and 3 files in all");
  g_assert_true (exists (fixture, OLD_ID));

  alert_respond (dialog, "erase");
  wait_until (!exists (fixture, OLD_ID));
  g_assert_true (exists (fixture, RECENT_ID));
  g_assert_null (ivc_candidate_store_find (fixture->store, OLD_ID));
  wait_until (!banner_shown (fixture));
}

static void
test_recent_only (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(IvcCandidateFiles) removed = NULL;

  g_assert_true (ivc_candidate_store_erase (fixture->store, OLD_ID, &removed, NULL));
  g_settings_set_uint (fixture->settings, "retention-days", 30);
  ivc_window_candidates_loaded (fixture->window, NULL);
  flush_events ();
  g_assert_false (banner_shown (fixture));
}

static void
test_erase_candidate (Fixture       *fixture,
                      gconstpointer  data)
{
  IvcAlert *dialog;

  ivc_window_candidates_loaded (fixture->window, NULL);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.switch-candidate", "s", OLD_ID);
  g_assert_true (ivc_window_get_candidate (fixture->window) == ivc_candidate_store_find (fixture->store, OLD_ID));

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.erase-candidate", NULL);
  wait_until ((dialog = ivc_alert_find_shown ()) != NULL);
  assert_contains (ivc_alert_get_heading (dialog), "Old Olga");
  assert_contains (ivc_alert_get_body (dialog), "2 scorecards and 3 files in all");

  /* Cancel keeps everything. */
  alert_respond (dialog, "cancel");
  wait_until (ivc_alert_find_shown () == NULL);
  g_assert_true (exists (fixture, OLD_ID));

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.erase-candidate", NULL);
  wait_until ((dialog = ivc_alert_find_shown ()) != NULL);
  alert_respond (dialog, "erase");
  wait_until (!exists (fixture, OLD_ID));
  g_assert_true (exists (fixture, RECENT_ID));
  g_assert_false (ivc_window_get_candidate (fixture->window) == NULL);
  g_assert_cmpstr (ivc_candidate_get_id (ivc_window_get_candidate (fixture->window)), ==, RECENT_ID);
}

/* The preference sets it, and the banner follows. */
static void
test_preference (Fixture       *fixture,
                 gconstpointer  data)
{
  GtkWidget *preferences = ivc_preferences_window_new (GTK_WINDOW (fixture->window));
  GtkSpinButton *spin = GTK_SPIN_BUTTON (template_child (preferences, IVC_TYPE_PREFERENCES_WINDOW,
                                                         "retention_spin"));

  ivc_window_candidates_loaded (fixture->window, NULL);
  gtk_window_present (GTK_WINDOW (preferences));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (spin), ==, 0);

  gtk_spin_button_set_value (spin, 90);
  g_assert_cmpuint (g_settings_get_uint (fixture->settings, "retention-days"), ==, 90);
  wait_until (banner_shown (fixture));
  assert_contains (banner_text (fixture), "90 days");

  gtk_spin_button_set_value (spin, 0);
  wait_until (!banner_shown (fixture));
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

#define ADD(path, func) \
  g_test_add ("/ivc/lifecycle/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("retention-banner", test_retention_banner);
  ADD ("recent-only", test_recent_only);
  ADD ("erase-candidate", test_erase_candidate);
  ADD ("preference", test_preference);

#undef ADD

  return g_test_run ();
}
