/* test-i18n.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The program in another language, as a user of that language meets it:
 * `--help`, `--check-bank` and the window, with LANGUAGE set and a locale
 * of that language, generated for the test with localedef (the locales
 * package; build-aux/dev.sh installs it), so that nothing depends on the
 * locales the machine happens to have.
 *
 * One run a language: IVC_TEST_LANGUAGE ("de"), IVC_TEST_LOCALE
 * ("de_DE"), IVC_PO_BUILD_DIR (the compiled catalogues) and
 * IVC_PROGRAM_UNINSTALLED (the program that reads them) come from
 * tests/meson.build.
 */

#include "config.h"

#include <locale.h>
#include <string.h>
#include <sys/wait.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "ivc-accel.h"
#include "ivc-candidate-store.h"
#include "ivc-question-bank.h"
#include "ivc-question-view.h"
#include "ivc-test-util.h"
#include "ivc-text.h"
#include "ivc-window.h"

/* The narrowest window the app supports, as on a phone. */
#define NARROW_WIDTH 360

static const char *language;
static char *locale_dir;

/* What the locale of each language writes for 2026-11-20 (%x). */
static const struct {
  const char *language;
  const char *date;
} dates[] = {
  { "de", "20.11.2026" },
  { "fr", "20/11/2026" },
  { "es", "20/11/26" },
};

/* @msgid in the language under test; it must have been translated. */
static const char *
translated (const char *msgid)
{
  const char *text = g_dgettext (GETTEXT_PACKAGE, msgid);

  if (g_str_equal (text, msgid))
    g_error ("“%s” is not translated into %s", msgid, language);

  return text;
}

/* Runs the program; its status, stdout and stderr. */
static int
run_program (const char * const  *args,
             char               **out,
             char               **err)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_ptr_array_add (argv, (char *)g_getenv ("IVC_PROGRAM_UNINSTALLED"));
  for (gsize i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *)args[i]);
  g_ptr_array_add (argv, NULL);

  /* The environment is this process's: LANGUAGE, LC_ALL and LOCPATH. */
  g_assert_true (g_spawn_sync (NULL, (char **)argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               out, err, &status, &error));
  g_assert_no_error (error);

  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

#define assert_contains(text, part)                                   \
  G_STMT_START {                                                      \
    if (strstr ((text), (part)) == NULL)                              \
      g_error ("“%s” is not in:\n%s", (part), (text));                \
  } G_STMT_END

static void
test_help (void)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char * const args[] = { "--help", NULL };

  g_assert_cmpint (run_program (args, &out, &err), ==, 0);
  /* The program's options and GLib's own words around them. */
  assert_contains (out, translated ("Check a question bank file and print what is wrong with it, "
                                    "without opening a window"));
  assert_contains (out, translated ("Print the version and exit"));
  assert_contains (out, g_dgettext ("glib20", "Usage:"));
  if (g_str_equal (language, "de"))
    assert_contains (out, "Aufruf:");
}

static void
test_check_bank (void)
{
  g_autofree char *folder = g_dir_make_tmp ("ivc-i18n-XXXXXX", NULL);
  g_autofree char *bad = g_build_filename (folder, "bad.json", NULL);
  g_autofree char *good = g_build_filename (g_getenv ("IVC_SOURCE_ROOT"), "data", "questions.json", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *levels = NULL;
  g_autofree char *questions = NULL;
  g_autofree char *missing = NULL;
  const char * const good_args[] = { "--check-bank", good, NULL };
  const char * const bad_args[] = { "--check-bank", bad, NULL };

  g_assert_cmpint (run_program (good_args, &out, &err), ==, 0);
  /* “3 levels, 24 questions”, in words of the language (French keeps
   * “questions”, but not “levels”). */
  levels = g_strdup_printf (ngettext ("%u level", "%u levels", 3), 3);
  questions = g_strdup_printf (ngettext ("%u question", "%u questions", 24), 24);
  g_assert_true (g_strcmp0 (levels, "3 levels") != 0 || g_strcmp0 (questions, "24 questions") != 0);
  assert_contains (out, levels);
  assert_contains (out, questions);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* A located problem, in the language's words. */
  g_assert_true (g_file_set_contents (bad, "{\n  \"format\": 1,\n  \"title\": 3\n}\n", -1, NULL));
  g_assert_cmpint (run_program (bad_args, &out, &err), ==, 1);
  translated ("“%s” is missing");
  missing = g_strdup_printf (_("“%s” is missing"), "id");
  assert_contains (err, "bad.json:1:1: ");
  assert_contains (err, missing);

  g_remove (bad);
  g_rmdir (folder);
}

static void
collect_texts (GtkWidget *widget,
               GString   *texts)
{
  const char *tooltip = gtk_widget_get_tooltip_text (widget);

  if (GTK_IS_LABEL (widget))
    g_string_append_printf (texts, "%s\n", gtk_label_get_text (GTK_LABEL (widget)));
  if (tooltip != NULL)
    g_string_append_printf (texts, "%s\n", tooltip);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_texts (child, texts);
}

static void
test_window (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GString) texts = g_string_new (NULL);
  g_autofree char *new_candidate = NULL;
  IvcWindow *window;

  g_settings_reset (settings, "last-question");
  window = g_object_new (IVC_TYPE_WINDOW, NULL);
  g_object_ref_sink (window);
  ivc_window_load_bundled_bank (window);
  gtk_window_present (GTK_WINDOW (window));
  wait_until (gtk_widget_get_mapped (GTK_WIDGET (window)));
  wait_for_draw (window);

  collect_texts (GTK_WIDGET (window), texts);
  assert_contains (texts->str, translated ("No Question Selected"));
  assert_contains (texts->str, translated ("Notes and Scores"));

  /* The shortcut in the tooltip, as GTK writes it in this language. */
  new_candidate = ivc_accel_dup_tooltip (translated ("New Candidate"), "<Control>n");
  assert_contains (texts->str, new_candidate);
  if (g_str_equal (language, "de"))
    assert_contains (texts->str, "Neuer Kandidat (Strg+N)");

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
  flush_events ();
}

/* The widest widgets under @widget, for the message when a translation
 * makes the window wider than a phone. */
static void
collect_wide (GtkWidget *widget,
              int        limit,
              GString   *wide)
{
  int minimum = 0;
  gboolean wide_child = FALSE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      int child_minimum = 0;

      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &child_minimum, NULL, NULL, NULL);
      if (child_minimum > limit)
        {
          wide_child = TRUE;
          collect_wide (child, limit, wide);
        }
    }

  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  if (!wide_child && minimum > limit)
    {
      g_autoptr(GString) texts = g_string_new (NULL);

      collect_texts (widget, texts);
      g_strdelimit (texts->str, "\n", '|');
      g_string_append_printf (wide, "%s needs %d px: %s\n", G_OBJECT_TYPE_NAME (widget), minimum, texts->str);
    }
}

/* The window still fits a phone's 360 px in the language: no label of the
 * translation holds it wider. */
static void
test_narrow (void)
{
  g_autoptr(GString) wide = g_string_new (NULL);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *tmp = g_dir_make_tmp ("ivc-i18n-XXXXXX", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (tmp);
  g_autoptr(IvcCandidateStore) store = ivc_candidate_store_new (folder, "tester-1", "Tester");
  IvcCandidate *candidate;
  IvcWindow *window;
  int minimum = 0;

  g_autoptr(GtkCssProvider) style = gtk_css_provider_new ();

  /* The application's style sheet, as the program has it. */
  gtk_css_provider_load_from_resource (style, RESOURCE_BASE "/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (style),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  /* With a candidate on screen, so that the side panel's texts count. */
  g_assert_true (ivc_candidate_store_load (store, NULL, NULL, NULL));
  window = g_object_new (IVC_TYPE_WINDOW, NULL);
  g_object_ref_sink (window);
  ivc_window_load_bundled_bank (window);
  candidate = ivc_candidate_store_create (store, "Jana Schmidt", "Backend-Entwicklerin", "2026-11-20",
                                          ivc_question_bank_get_id (ivc_window_get_bank (window)));
  g_settings_set_string (settings, "last-candidate", ivc_candidate_get_id (candidate));
  ivc_window_set_store (window, store);
  ivc_window_candidates_loaded (window, NULL);
  g_assert_true (ivc_window_get_candidate (window) == candidate);
  g_assert_true (ivc_window_select_question (window, "what-is-the-saga-pattern"));
  gtk_window_set_default_size (GTK_WINDOW (window), NARROW_WIDTH, 700);
  gtk_window_present (GTK_WINDOW (window));
  wait_until (gtk_widget_get_mapped (GTK_WIDGET (window)));

  gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  if (minimum > NARROW_WIDTH)
    {
      collect_wide (GTK_WIDGET (window), NARROW_WIDTH - 40, wide);
      g_error ("In %s the window needs %d px, more than %d:\n%s", language, minimum, NARROW_WIDTH, wide->str);
    }

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
  flush_events ();
  g_assert_true (ivc_candidate_store_flush (store, NULL));
  g_settings_reset (settings, "last-candidate");
  remove_tree (tmp);
  gtk_style_context_remove_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (style));
}

/* Interview dates are shown as the locale writes them. */
static void
test_date (void)
{
  g_autofree char *date = ivc_text_format_date ("2026-11-20");

  g_assert_cmpstr (date, !=, "2026-11-20");
  for (gsize i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      if (g_str_equal (dates[i].language, language))
        g_assert_cmpstr (date, ==, dates[i].date);
    }
}

/* A locale of the language, made for this run: the machine may have none. */
static gboolean
make_locale (const char  *locale,
             GError     **error)
{
  g_autofree char *path = g_build_filename (locale_dir, locale, NULL);
  g_autofree char *err = NULL;
  const char *argv[] = { "localedef", "--force", "-i", NULL, "-f", "UTF-8", path, NULL };
  g_autofree char *base = g_strndup (locale, strcspn (locale, "."));
  int status = 0;

  argv[3] = base;
  if (!g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
                     NULL, NULL, NULL, &err, &status, error))
    return FALSE;

  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, G_SPAWN_ERROR, G_SPAWN_ERROR_FAILED,
                   "localedef made no %s (is the locales package installed? "
                   "build-aux/dev.sh installs it): %s", locale, err);
      return FALSE;
    }

  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *locale = NULL;
  const char *po_dir = g_getenv ("IVC_PO_BUILD_DIR");
  int status;

  language = g_getenv ("IVC_TEST_LANGUAGE");
  g_assert_nonnull (language);
  g_assert_nonnull (po_dir);
  locale = g_strdup_printf ("%s.UTF-8", g_getenv ("IVC_TEST_LOCALE"));

  locale_dir = g_dir_make_tmp ("ivc-locale-XXXXXX", &error);
  g_assert_no_error (error);
  if (!make_locale (locale, &error))
    g_error ("%s", error->message);

  /* Only the language under test, whatever the environment says. */
  g_setenv ("LOCPATH", locale_dir, TRUE);
  g_setenv ("LC_ALL", locale, TRUE);
  g_setenv ("LANGUAGE", language, TRUE);
  if (setlocale (LC_ALL, "") == NULL)
    g_error ("The locale %s cannot be set from %s", locale, locale_dir);

  bindtextdomain (GETTEXT_PACKAGE, po_dir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ivc/i18n/help", test_help);
  g_test_add_func ("/ivc/i18n/check-bank", test_check_bank);
  g_test_add_func ("/ivc/i18n/date", test_date);

  if (gtk_init_check ())
    {
      adw_init ();
      g_test_add_func ("/ivc/i18n/window", test_window);
      g_test_add_func ("/ivc/i18n/narrow", test_narrow);
    }
  else
    g_test_message ("No display: the window is not checked");

  status = g_test_run ();

  {
    g_autofree char *path = g_build_filename (locale_dir, locale, NULL);
    g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
    const char *name;

    /* localedef writes plain files, and LC_MESSAGES/SYS_LC_MESSAGES. */
    while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *file = g_build_filename (path, name, NULL);
        g_autofree char *inner = g_build_filename (file, "SYS_LC_MESSAGES", NULL);

        g_remove (inner);
        g_remove (file);
      }
    g_rmdir (path);
    g_rmdir (locale_dir);
  }
  g_free (locale_dir);

  return status;
}
