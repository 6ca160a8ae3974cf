/* test-toast.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Toasts that carry what a person typed or a file brought (a bank's
 * title, a candidate's name, a path, an error message) show it as the
 * text it is. libadwaita 1.2 parses a toast's title as Pango markup: an
 * unescaped "&" empties the toast with a GTK warning (fatal in a GTest),
 * and a "<span>" restyles it.
 */

#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "ivc-bank-library.h"
#include "ivc-candidate-store.h"
#include "ivc-toast.h"
#include "ivc-window.h"

#include "ivc-test-util.h"

#define AMPERSAND_TITLE "Q&A <b>Bank</b>"
#define SPOOFED_TITLE   "<span foreground=\"red\" size=\"xx-large\">Spoofed</span>"
#define CANDIDATE_NAME  "Smith & Jones <i>"

typedef struct
{
  char              *tmp;
  GFile             *banks;
  IvcBankLibrary    *library;
  IvcCandidateStore *store;
  IvcWindow         *window;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GFile) candidates = NULL;

  g_settings_reset (settings, "last-question");
  g_settings_reset (settings, "last-candidate");
  g_settings_reset (settings, "last-bank");

  fixture->tmp = g_dir_make_tmp ("ivc-toast-XXXXXX", NULL);
  fixture->banks = g_file_new_build_filename (fixture->tmp, "banks", NULL);
  candidates = g_file_new_build_filename (fixture->tmp, "data", NULL);

  fixture->library = ivc_bank_library_new (fixture->banks, NULL);
  g_assert_true (ivc_bank_library_load (fixture->library, NULL, NULL, NULL));
  fixture->store = ivc_candidate_store_new (candidates, "tester-1", "Tester");
  g_assert_true (ivc_candidate_store_load (fixture->store, NULL, NULL, NULL));

  fixture->window = g_object_ref_sink (g_object_new (IVC_TYPE_WINDOW, NULL));
  ivc_window_set_store (fixture->window, fixture->store);
  ivc_window_set_bank_library (fixture->window, fixture->library);
  ivc_window_bank_library_loaded (fixture->window);
  ivc_window_load_bundled_bank (fixture->window);
  ivc_window_candidates_loaded (fixture->window, NULL);
  gtk_window_present (GTK_WINDOW (fixture->window));
  wait_until (gtk_widget_get_mapped (GTK_WIDGET (fixture->window)));
  flush_events ();
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_assert_finalize_object (fixture->window);
  flush_events ();
  g_assert_true (ivc_candidate_store_flush (fixture->store, NULL));
  g_clear_object (&fixture->store);
  g_clear_object (&fixture->library);
  g_clear_object (&fixture->banks);
  remove_tree (fixture->tmp);
  g_clear_pointer (&fixture->tmp, g_free);
}

/* The SQL bank under another title, as a file to import. */
static GFile *
write_bank_titled (Fixture    *fixture,
                   const char *title)
{
  g_autofree char *original = g_test_build_filename (G_TEST_DIST, "data", "sql.json", NULL);
  g_autofree char *path = g_build_filename (fixture->tmp, "titled.json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;

  g_assert_true (json_parser_load_from_file (parser, original, NULL));
  json_object_set_string_member (json_node_get_object (json_parser_get_root (parser)), "title", title);
  json_generator_set_root (generator, json_parser_get_root (parser));
  text = json_generator_to_data (generator, NULL);
  g_assert_true (g_file_set_contents (path, text, -1, NULL));

  return g_file_new_for_path (path);
}

static const char *
shown_bank_id (Fixture *fixture)
{
  IvcQuestionBank *bank = ivc_window_get_bank (fixture->window);

  return bank ? ivc_question_bank_get_id (bank) : NULL;
}

/* The first label under @widget that is not a button's. */
static GtkLabel *
find_title_label (GtkWidget *widget)
{
  if (GTK_IS_BUTTON (widget))
    return NULL;
  if (GTK_IS_LABEL (widget))
    return GTK_LABEL (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *label = find_title_label (child);

      if (label != NULL)
        return label;
    }

  return NULL;
}

/* The label of the toast on screen whose text a person reads as @text,
 * or NULL while there is none. */
static GtkLabel *
find_toast_label (Fixture    *fixture,
                  const char *text)
{
  GtkWidget *overlay = template_child (fixture->window, IVC_TYPE_WINDOW, "toast_overlay");

  for (GtkWidget *child = gtk_widget_get_first_child (overlay); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *label;

      /* Toasts are the overlay's children besides its content. */
      if (child == adw_toast_overlay_get_child (ADW_TOAST_OVERLAY (overlay)))
        continue;
      label = find_title_label (child);
      if (label != NULL && gtk_widget_get_mapped (GTK_WIDGET (label)) &&
          g_strcmp0 (gtk_label_get_text (label), text) == 0)
        return label;
    }

  return NULL;
}

/* Shown as @text: the label reads @text, tags and all (markup taken as
 * such would have lost them), from a title that is @text escaped. */
static void
assert_toast_shows (Fixture    *fixture,
                    const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);
  g_autoptr(AdwToast) toast = NULL;
  GtkLabel *label;
  GtkWidget *toast_widget;

  wait_until ((label = find_toast_label (fixture, text)) != NULL);

  toast_widget = gtk_widget_get_parent (GTK_WIDGET (label));
  while (toast_widget != NULL && g_object_class_find_property (G_OBJECT_GET_CLASS (toast_widget), "toast") == NULL)
    toast_widget = gtk_widget_get_parent (toast_widget);
  g_assert_nonnull (toast_widget);
  g_object_get (toast_widget, "toast", &toast, NULL);
  g_assert_cmpstr (adw_toast_get_title (toast), ==, escaped);
}

static void
test_bank_ampersand (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GFile) file = write_bank_titled (fixture, AMPERSAND_TITLE);

  ivc_window_import_bank (fixture->window, file);
  wait_until (g_strcmp0 (shown_bank_id (fixture), "sql") == 0);
  assert_toast_shows (fixture, "“" AMPERSAND_TITLE "” imported");

  /* Imported again: updated. */
  ivc_window_import_bank (fixture->window, file);
  assert_toast_shows (fixture, "“" AMPERSAND_TITLE "” updated");

  /* Removed, with an undo. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.remove-bank", "s", "sql"));
  wait_until (g_strcmp0 (shown_bank_id (fixture), "microservices") == 0);
  assert_toast_shows (fixture, "“" AMPERSAND_TITLE "” removed");
}

static void
test_bank_spoofed (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GFile) file = write_bank_titled (fixture, SPOOFED_TITLE);

  ivc_window_import_bank (fixture->window, file);
  wait_until (g_strcmp0 (shown_bank_id (fixture), "sql") == 0);
  assert_toast_shows (fixture, "“" SPOOFED_TITLE "” imported");
}

static void
test_candidate_deleted (Fixture       *fixture,
                        gconstpointer  data)
{
  IvcCandidate *candidate = ivc_candidate_store_create (fixture->store, CANDIDATE_NAME, NULL, NULL, "microservices");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.switch-candidate", "s",
                                             ivc_candidate_get_id (candidate)));
  wait_until (ivc_window_get_candidate (fixture->window) == candidate);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.delete-candidate", NULL));
  assert_toast_shows (fixture, "“" CANDIDATE_NAME "” deleted");
}

/* The helper itself: whatever it is given, the title is valid markup
 * that reads as the text. */
static void
test_helper (void)
{
  const char *invalid_utf8 = "caf\xc3 & co";
  g_autoptr(AdwToast) plain = ivc_toast_new ("Tom & Jerry <b>");
  g_autoptr(AdwToast) printf = ivc_toast_new_printf ("“%s” saved to %s", "A&B", "/tmp/<x>");
  g_autoptr(AdwToast) invalid = ivc_toast_new (invalid_utf8);

  g_assert_cmpstr (adw_toast_get_title (plain), ==, "Tom &amp; Jerry &lt;b&gt;");
  g_assert_cmpstr (adw_toast_get_title (printf), ==, "“A&amp;B” saved to /tmp/&lt;x&gt;");
  g_assert_true (g_utf8_validate (adw_toast_get_title (invalid), -1, NULL));
  g_assert_true (pango_parse_markup (adw_toast_get_title (invalid), -1, 0, NULL, NULL, NULL, NULL));

  ivc_toast_set_title (plain, "1 < 2");
  g_assert_cmpstr (adw_toast_get_title (plain), ==, "1 &lt; 2");
}

int
main (int   argc,
      char *argv[])
{
  /* GTest makes warnings fatal: Pango's "Failed to set text from markup"
   * fails the test. */
  g_test_init (&argc, &argv, NULL);

  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display: widget tests need one (the README's test command starts Xvfb)\n");
      return 0;
    }
  adw_init ();

#define ADD(path, func) \
  g_test_add ("/ivc/toast/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  g_test_add_func ("/ivc/toast/helper", test_helper);
  ADD ("bank-ampersand", test_bank_ampersand);
  ADD ("bank-spoofed", test_bank_spoofed);
  ADD ("candidate-deleted", test_candidate_deleted);

  return g_test_run ();
}
