/* ivc-about.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The About window: who made the app, its licence, where to report a
 * problem, what changed in this release (from the metainfo built into the
 * program) and the versions of the libraries it was built with and runs
 * on, for bug reports. AdwAboutDialog from libadwaita 1.5 on, which reads
 * the metainfo itself; AdwAboutWindow on 1.2, given the release notes
 * read here. The newer API is newer than ADW_VERSION_MAX_ALLOWED: it is
 * meant here, behind the version guards.
 */

#define G_LOG_DOMAIN "ivc-about"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "ivc-about.h"

#define METAINFO_RESOURCE "/io/github/interviewcompanion/InterviewCompanion/" APP_ID ".metainfo.xml"
#define ISSUE_URL "https://github.com/interviewcompanion/InterviewCompanion/issues"

/* The description of one release, in the markup both About windows take:
 * <p>, <ul>, <ol>, <li>, <em>, <code>. Translations (xml:lang) are left
 * out. */
typedef struct
{
  const char *version;
  GString    *notes;
  gboolean    in_release;
  guint       description_depth;
  guint       skip_depth;
  guint       depth;
} NotesParser;

static void
notes_start (GMarkupParseContext  *context,
             const char           *element,
             const char          **names,
             const char          **values,
             gpointer              user_data,
             GError              **error)
{
  NotesParser *p = user_data;

  p->depth++;
  if (p->skip_depth > 0)
    return;

  for (guint i = 0; names[i] != NULL; i++)
    if (g_str_equal (names[i], "xml:lang"))
      {
        p->skip_depth = p->depth;
        return;
      }

  if (g_str_equal (element, "release"))
    {
      for (guint i = 0; names[i] != NULL; i++)
        if (g_str_equal (names[i], "version"))
          p->in_release = g_strcmp0 (values[i], p->version) == 0;
    }
  else if (p->in_release && p->description_depth == 0 && g_str_equal (element, "description"))
    p->description_depth = p->depth;
  else if (p->description_depth > 0)
    g_string_append_printf (p->notes, "<%s>", element);
}

static void
notes_end (GMarkupParseContext  *context,
           const char           *element,
           gpointer              user_data,
           GError              **error)
{
  NotesParser *p = user_data;

  if (p->skip_depth > 0)
    {
      if (p->skip_depth == p->depth)
        p->skip_depth = 0;
    }
  else if (p->description_depth == p->depth)
    p->description_depth = 0;
  else if (p->description_depth > 0)
    g_string_append_printf (p->notes, "</%s>", element);
  else if (g_str_equal (element, "release"))
    p->in_release = FALSE;

  p->depth--;
}

static void
notes_text (GMarkupParseContext  *context,
            const char           *text,
            gsize                 length,
            gpointer              user_data,
            GError              **error)
{
  NotesParser *p = user_data;
  g_autofree char *escaped = NULL;

  if (p->skip_depth > 0 || p->description_depth == 0)
    return;

  escaped = g_markup_escape_text (text, length);
  g_string_append (p->notes, escaped);
}

/**
 * ivc_about_dup_release_notes:
 * @metainfo: an AppStream metainfo document
 * @version: the release
 *
 * Returns: (transfer full) (nullable): the description of @version's
 *   release as the About window's markup, or %NULL if there is none
 */
char *
ivc_about_dup_release_notes (const char *metainfo,
                             gsize       length,
                             const char *version)
{
  static const GMarkupParser parser = { notes_start, notes_end, notes_text, NULL, NULL };
  NotesParser p = { version, g_string_new (NULL), FALSE, 0, 0, 0 };
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (metainfo != NULL, NULL);
  g_return_val_if_fail (version != NULL, NULL);

  context = g_markup_parse_context_new (&parser, G_MARKUP_TREAT_CDATA_AS_TEXT, &p, NULL);
  if (!g_markup_parse_context_parse (context, metainfo, length, &error) ||
      !g_markup_parse_context_end_parse (context, &error))
    {
      g_warning ("The metainfo built into the program cannot be read: %s", error->message);
      g_string_free (p.notes, TRUE);
      return NULL;
    }

  g_strstrip (p.notes->str);
  p.notes->len = strlen (p.notes->str);
  if (p.notes->len == 0)
    {
      g_string_free (p.notes, TRUE);
      return NULL;
    }

  return g_string_free (p.notes, FALSE);
}

/**
 * ivc_about_dup_debug_info:
 *
 * Returns: (transfer full): the versions the program was built with and
 *   runs on, and where it runs, for a bug report
 */
char *
ivc_about_dup_debug_info (void)
{
  GString *info = g_string_new (NULL);
  g_autofree char *os = g_get_os_info (G_OS_INFO_KEY_PRETTY_NAME);

  g_string_append_printf (info, "Interview Companion %s (%s)\n\n", PACKAGE_VERSION, APP_ID);
  g_string_append (info, "Library      Built with   Running with\n");
  g_string_append_printf (info, "GTK          %-12s %u.%u.%u\n",
                          G_STRINGIFY (GTK_MAJOR_VERSION) "." G_STRINGIFY (GTK_MINOR_VERSION) "." G_STRINGIFY (GTK_MICRO_VERSION),
                          gtk_get_major_version (), gtk_get_minor_version (), gtk_get_micro_version ());
  g_string_append_printf (info, "libadwaita   %-12s %u.%u.%u\n",
                          G_STRINGIFY (ADW_MAJOR_VERSION) "." G_STRINGIFY (ADW_MINOR_VERSION) "." G_STRINGIFY (ADW_MICRO_VERSION),
                          adw_get_major_version (), adw_get_minor_version (), adw_get_micro_version ());
  g_string_append_printf (info, "GLib         %-12s %u.%u.%u\n",
                          G_STRINGIFY (GLIB_MAJOR_VERSION) "." G_STRINGIFY (GLIB_MINOR_VERSION) "." G_STRINGIFY (GLIB_MICRO_VERSION),
                          glib_major_version, glib_minor_version, glib_micro_version);
  /* json-glib has no way to ask the library it runs with. */
  g_string_append_printf (info, "json-glib    %-12s (not known)\n", JSON_VERSION_S);
  g_string_append_printf (info, "\nSystem: %s\n", os ? os : "unknown");
  g_string_append_printf (info, "Flatpak: %s\n", g_file_test ("/.flatpak-info", G_FILE_TEST_EXISTS) ? "yes" : "no");
  g_string_append_printf (info, "Language: %s\n", g_get_language_names ()[0]);

  return g_string_free (info, FALSE);
}

/**
 * ivc_about_new:
 *
 * Returns: (transfer floating): the About window (an AdwAboutWindow) or
 *   dialog (an AdwAboutDialog), shown by ivc_about_present()
 */
GtkWidget *
ivc_about_new (void)
{
  static const char *developers[] = { "Interview Companion contributors", NULL };
  g_autofree char *debug_info = ivc_about_dup_debug_info ();
  GtkWidget *about;

#if ADW_CHECK_VERSION (1, 5, 0)
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  /* Name, icon, version, website, licence and this release's notes, from
   * the metainfo. */
  about = GTK_WIDGET (adw_about_dialog_new_from_appdata (METAINFO_RESOURCE, PACKAGE_VERSION));
  G_GNUC_END_IGNORE_DEPRECATIONS
#else
  {
    g_autoptr(GBytes) metainfo = g_resources_lookup_data (METAINFO_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
    g_autofree char *notes = NULL;

    if (metainfo != NULL)
      notes = ivc_about_dup_release_notes (g_bytes_get_data (metainfo, NULL), g_bytes_get_size (metainfo),
                                           PACKAGE_VERSION);
    about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                          "modal", TRUE,
                          "application-icon", APP_ID,
                          "version", PACKAGE_VERSION,
                          "website", "https://github.com/interviewcompanion/InterviewCompanion",
                          "license-type", GTK_LICENSE_GPL_3_0,
                          "release-notes", notes,
                          "release-notes-version", notes ? PACKAGE_VERSION : NULL,
                          NULL);
  }
#endif

  /* Both have these properties, under the same names. */
  g_object_set (about,
                "application-name", _("Interview Companion"),
                "developer-name", _("Interview Companion contributors"),
                "comments", _("Ask better interview questions: a question bank with "
                              "concealed model answers, and notes and scores for "
                              "every candidate. Offline and private."),
                "issue-url", ISSUE_URL,
                "license-type", GTK_LICENSE_GPL_3_0,
                "developers", developers,
                "copyright", "© 2026 Interview Companion contributors",
                "translator-credits", _("translator-credits"),
                "debug-info", debug_info,
                "debug-info-filename", "interview-companion-debug-info.txt",
                NULL);

  return about;
}

/**
 * ivc_about_present:
 * @about: from ivc_about_new()
 * @parent: (nullable): the window it is about
 */
void
ivc_about_present (GtkWidget *about,
                   GtkWindow *parent)
{
#if ADW_CHECK_VERSION (1, 5, 0)
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  adw_dialog_present (ADW_DIALOG (about), parent ? GTK_WIDGET (parent) : NULL);
  G_GNUC_END_IGNORE_DEPRECATIONS
#else
  if (parent != NULL)
    gtk_window_set_transient_for (GTK_WINDOW (about), parent);
  gtk_window_present (GTK_WINDOW (about));
#endif
}
