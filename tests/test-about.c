/* test-about.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The About window on either libadwaita: developers, licence, issue
 * tracker, this release's notes from the metainfo, and debug information.
 */

#include "config.h"

#include <string.h>

#include "ivc-about.h"

#include "ivc-test-util.h"

static void
test_about (void)
{
  GtkWidget *about = g_object_ref_sink (ivc_about_new ());
  g_autofree char *issue_url = NULL;
  g_autofree char *notes = NULL;
  g_autofree char *notes_version = NULL;
  g_autofree char *debug_info = NULL;
  g_autofree char *name = NULL;
  g_auto(GStrv) developers = NULL;
  GtkLicense license;

  g_object_get (about,
                "application-name", &name,
                "developers", &developers,
                "license-type", &license,
                "issue-url", &issue_url,
                "release-notes", &notes,
                "release-notes-version", &notes_version,
                "debug-info", &debug_info,
                NULL);

  g_assert_cmpstr (name, ==, "Interview Companion");
  g_assert_nonnull (developers);
  g_assert_cmpuint (g_strv_length (developers), >, 0);
  g_assert_cmpint (license, ==, GTK_LICENSE_GPL_3_0);
  g_assert_cmpstr (issue_url, ==, "https://github.com/interviewcompanion/InterviewCompanion/issues");

  /* This release's notes, from the metainfo, without its translations. */
  g_assert_cmpstr (notes_version, ==, PACKAGE_VERSION);
  g_assert_nonnull (notes);
  g_assert_nonnull (strstr (notes, "<p>The first release of Interview Companion.</p>"));
  g_assert_nonnull (strstr (notes, "<li>"));

  g_assert_nonnull (strstr (debug_info, "GTK "));
  g_assert_nonnull (strstr (debug_info, "libadwaita "));
  g_assert_nonnull (strstr (debug_info, "GLib "));
  g_assert_nonnull (strstr (debug_info, "json-glib "));

  ivc_about_present (about, NULL);
  g_object_unref (about);
}

/* The notes of the release asked for, in the About window's markup; a
 * translated paragraph is left out, text is escaped. */
static void
test_release_notes (void)
{
  static const char metainfo[] =
    "<component><releases>\n"
    "  <release version=\"2.0\"><description><p>Two &amp; more</p>"
    "<p xml:lang=\"de\">Zwei</p><ul><li>A <code>x</code></li></ul></description></release>\n"
    "  <release version=\"1.0\"><description><p>One</p></description></release>\n"
    "</releases></component>\n";
  g_autofree char *two = ivc_about_dup_release_notes (metainfo, strlen (metainfo), "2.0");
  g_autofree char *one = ivc_about_dup_release_notes (metainfo, strlen (metainfo), "1.0");
  g_autofree char *none = ivc_about_dup_release_notes (metainfo, strlen (metainfo), "3.0");

  g_assert_cmpstr (two, ==, "<p>Two &amp; more</p><ul><li>A <code>x</code></li></ul>");
  g_assert_cmpstr (one, ==, "<p>One</p>");
  g_assert_null (none);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display: widget tests need one (the README's test command starts Xvfb)\n");
      return 0;
    }
  adw_init ();

  g_test_add_func ("/ivc/about/window", test_about);
  g_test_add_func ("/ivc/about/release-notes", test_release_notes);

  return g_test_run ();
}
