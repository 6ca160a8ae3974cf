/* test-markdown-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * IvcMarkdownView: what a bank's Markdown becomes on screen, read from the
 * widgets, buffers and tags it makes (not from a screenshot), hostile text
 * included.
 */

#include "config.h"

#include <string.h>

#include <adwaita.h>
#ifdef GDK_WINDOWING_X11
#include <gdk/x11/gdkx.h>
#endif

#include "ivc-markdown-blocks.h"
#include "ivc-markdown-view.h"

#include "ivc-test-util.h"

typedef struct
{
  GtkWindow       *window;
  IvcMarkdownView *view;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  GtkWidget *scroller = gtk_scrolled_window_new ();

  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 500, 400);
  fixture->view = IVC_MARKDOWN_VIEW (ivc_markdown_view_new ());
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (fixture->view));
  gtk_window_set_child (fixture->window, scroller);
  gtk_window_present (fixture->window);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
  flush_events ();
}

static guint
n_children (GtkWidget *widget)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    n++;

  return n;
}

static GtkWidget *
nth_child (Fixture *fixture,
           guint    n)
{
  GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (fixture->view));

  while (child != NULL && n-- > 0)
    child = gtk_widget_get_next_sibling (child);

  g_assert_nonnull (child);
  return child;
}

static GtkTextBuffer *
nth_buffer (Fixture *fixture,
            guint    n)
{
  GtkWidget *child = nth_child (fixture, n);

  if (GTK_IS_SCROLLED_WINDOW (child))
    child = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (child));
  g_assert_true (GTK_IS_TEXT_VIEW (child));

  return gtk_text_view_get_buffer (GTK_TEXT_VIEW (child));
}

static GtkWidget *
code_label (GtkWidget *scroller)
{
  GtkWidget *child = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller));

  if (GTK_IS_VIEWPORT (child))
    child = gtk_viewport_get_child (GTK_VIEWPORT (child));
  g_assert_true (GTK_IS_LABEL (child));

  return child;
}

static char *
dup_buffer_text (GtkTextBuffer *buffer)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
}

static void
find (GtkTextBuffer *buffer,
      const char    *needle,
      GtkTextIter   *iter)
{
  GtkTextIter start;

  gtk_text_buffer_get_start_iter (buffer, &start);
  g_assert_true (gtk_text_iter_forward_search (&start, needle, 0, iter, NULL, NULL));
}

static gboolean
has_tag (GtkTextBuffer *buffer,
         const char    *needle,
         const char    *tag_name)
{
  GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), tag_name);
  GtkTextIter iter;

  find (buffer, needle, &iter);
  return tag != NULL && gtk_text_iter_has_tag (&iter, tag);
}

/* The left margin and indent the paragraph of @needle is drawn with. */
static void
get_margins (GtkTextBuffer *buffer,
             const char    *needle,
             int           *margin,
             int           *indent)
{
  g_autoptr(GSList) tags = NULL;
  GtkTextIter iter;

  find (buffer, needle, &iter);
  gtk_text_iter_set_line_offset (&iter, 0);
  tags = gtk_text_iter_get_tags (&iter);
  *margin = 0;
  *indent = 0;
  for (GSList *l = tags; l; l = l->next)
    {
      gboolean margin_set, indent_set;
      int m, i;

      g_object_get (l->data, "left-margin-set", &margin_set, "left-margin", &m,
                    "indent-set", &indent_set, "indent", &i, NULL);
      if (margin_set)
        *margin = m;
      if (indent_set)
        *indent = i;
    }
}

static void
test_plain (Fixture       *fixture,
            gconstpointer  data)
{
  const char *plain = "Name two costs of splitting a system.\nWhy?\n\nSecond paragraph & <b>not bold</b> <span foreground=\"red\">x</span> <script>alert(1)</script>";
  GtkWidget *label;

  ivc_markdown_view_set_markdown (fixture->view, plain);
  wait_for_draw (fixture->view);

  /* Plain text is one label, as before Markdown, and shows its text as
   * written: nothing in it is markup. */
  g_assert_cmpuint (n_children (GTK_WIDGET (fixture->view)), ==, 1);
  label = nth_child (fixture, 0);
  g_assert_true (GTK_IS_LABEL (label));
  g_assert_false (gtk_label_get_use_markup (GTK_LABEL (label)));
  g_assert_true (gtk_label_get_selectable (GTK_LABEL (label)));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, plain);
  g_assert_null (gtk_label_get_attributes (GTK_LABEL (label)));

  ivc_markdown_view_set_markdown (fixture->view, "");
  g_assert_cmpuint (n_children (GTK_WIDGET (fixture->view)), ==, 0);
}

static void
test_inline (Fixture       *fixture,
             gconstpointer  data)
{
  GtkTextBuffer *buffer;
  g_autofree char *text = NULL;

  ivc_markdown_view_set_markdown (fixture->view,
                                  "Use **force**, *care*, ~~old~~ and `x <b>&amp;` &amp; <i>raw</i>.");
  wait_for_draw (fixture->view);

  g_assert_cmpuint (n_children (GTK_WIDGET (fixture->view)), ==, 1);
  buffer = nth_buffer (fixture, 0);
  text = dup_buffer_text (buffer);
  g_assert_cmpstr (text, ==, "Use force, care, old and x <b>&amp; & <i>raw</i>.");
  g_assert_true (has_tag (buffer, "force", "strong"));
  g_assert_true (has_tag (buffer, "care", "emphasis"));
  g_assert_true (has_tag (buffer, "old", "strikethrough"));
  g_assert_true (has_tag (buffer, "x <b>", "code"));
  g_assert_false (has_tag (buffer, "Use", "strong"));
  g_assert_false (has_tag (buffer, "<i>raw", "emphasis"));
  g_assert_false (gtk_text_view_get_editable (GTK_TEXT_VIEW (nth_child (fixture, 0))));
}

static void
test_code_block (Fixture       *fixture,
                 gconstpointer  data)
{
  const char *code = "function debounce (fn, ms) {\n    let timer;\n    return (...args) => { clearTimeout (timer); timer = setTimeout (() => fn (...args), ms); };\n}";
  g_autofree char *source = g_strdup_printf ("Like this:\n\n```js\n%s\n```\n\nAfter.", code);
  GtkWidget *scroller;
  GtkWidget *view;
  g_autofree char *after = NULL;

  ivc_markdown_view_set_markdown (fixture->view, source);
  wait_for_draw (fixture->view);

  g_assert_cmpuint (n_children (GTK_WIDGET (fixture->view)), ==, 3);
  scroller = nth_child (fixture, 1);
  g_assert_true (GTK_IS_SCROLLED_WINDOW (scroller));
  g_assert_true (gtk_widget_has_css_class (scroller, "markdown-code-block"));
  view = code_label (scroller);
  /* Monospace, its indentation kept, and no wrapping back to the margin:
   * a long line scrolls sideways. */
  g_assert_true (gtk_widget_has_css_class (view, "monospace"));
  g_assert_false (gtk_label_get_wrap (GTK_LABEL (view)));
  g_assert_false (gtk_label_get_use_markup (GTK_LABEL (view)));
  g_assert_true (gtk_label_get_selectable (GTK_LABEL (view)));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (view)), ==, code);
  {
    GtkPolicyType h, v;

    gtk_scrolled_window_get_policy (GTK_SCROLLED_WINDOW (scroller), &h, &v);
    g_assert_cmpint (h, ==, GTK_POLICY_AUTOMATIC);
    g_assert_cmpint (v, ==, GTK_POLICY_NEVER);
    g_assert_cmpfloat (gtk_adjustment_get_upper (gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (scroller))),
                       >, gtk_widget_get_width (scroller));
    /* All of its lines are shown: the block is as tall as its text. */
    g_assert_cmpint (gtk_widget_get_height (scroller), >=, gtk_widget_get_height (view));
  }
  after = dup_buffer_text (nth_buffer (fixture, 2));
  g_assert_cmpstr (after, ==, "After.");
}

static void
test_lists (Fixture       *fixture,
            gconstpointer  data)
{
  GtkTextBuffer *buffer;
  g_autofree char *text = NULL;
  int margin_one, indent_one, margin_nested, indent_nested, margin_para, indent_para;

  ivc_markdown_view_set_markdown (fixture->view,
                                  "Covers:\n\n"
                                  "- one, with enough words to wrap onto a second line in a narrow window of this test\n"
                                  "- two\n"
                                  "  - nested\n\n"
                                  "1. first\n"
                                  "2. second\n");
  wait_for_draw (fixture->view);

  buffer = nth_buffer (fixture, 0);
  text = dup_buffer_text (buffer);
  g_assert_cmpstr (text, ==, "Covers:\n\n• one, with enough words to wrap onto a second line in a narrow window of this test\n• two\n◦ nested\n\n1. first\n2. second");

  /* A hanging indent: the marker left of the margin the text wraps to. */
  get_margins (buffer, "one,", &margin_one, &indent_one);
  get_margins (buffer, "nested", &margin_nested, &indent_nested);
  get_margins (buffer, "Covers", &margin_para, &indent_para);
  g_assert_cmpint (margin_para, ==, 0);
  g_assert_cmpint (indent_para, ==, 0);
  g_assert_cmpint (margin_one, >, 0);
  g_assert_cmpint (indent_one, <, 0);
  g_assert_cmpint (margin_one + indent_one, >=, 0);
  g_assert_cmpint (margin_nested, >, margin_one);
  g_assert_cmpint (indent_nested, <, 0);
}

static void
test_quote_heading_rule (Fixture       *fixture,
                         gconstpointer  data)
{
  GtkTextBuffer *buffer;
  int margin, indent;

  ivc_markdown_view_set_markdown (fixture->view, "### Context\n\n> A quote\n\n---\n\nAfter");
  wait_for_draw (fixture->view);

  g_assert_cmpuint (n_children (GTK_WIDGET (fixture->view)), ==, 3);
  buffer = nth_buffer (fixture, 0);
  g_assert_true (has_tag (buffer, "Context", "heading-3"));
  g_assert_true (has_tag (buffer, "A quote", "quote"));
  get_margins (buffer, "A quote", &margin, &indent);
  g_assert_cmpint (margin, >, 0);
  g_assert_true (GTK_IS_SEPARATOR (nth_child (fixture, 1)));
}

/* The widgets under @widget, itself included. */
static guint
count_widgets (GtkWidget *widget)
{
  guint n = 1;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    n += count_widgets (child);

  return n;
}

static GtkWidget *
table_label (GtkWidget *scroller)
{
  GtkWidget *child;

  g_assert_true (GTK_IS_SCROLLED_WINDOW (scroller));
  child = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller));
  if (GTK_IS_VIEWPORT (child))
    child = gtk_viewport_get_child (GTK_VIEWPORT (child));
  g_assert_true (GTK_IS_LABEL (child));

  return child;
}

static void
test_table (Fixture       *fixture,
            gconstpointer  data)
{
  GtkWidget *label;
  PangoAttrList *attributes;
  PangoTabArray *tabs;
  PangoTabAlign align;
  int position;
  GtkTextBuffer *buffer;
  GtkTextIter iter;
  g_autofree char *text = NULL;

  ivc_markdown_view_set_markdown (fixture->view,
                                  "| Call | Cost <b> |\n|:--|--:|\n| `sort()` | n log n |\n| 中文 | *O(1)* |\n");
  wait_for_draw (fixture->view);

  /* A narrow table is lines of the flowing text, a tab between cells, its
   * text as written. */
  buffer = nth_buffer (fixture, 0);
  text = dup_buffer_text (buffer);
  g_assert_cmpstr (text, ==, "Call\tCost <b>\nsort()\tn log n\n中文\tO(1)");
  g_assert_true (has_tag (buffer, "Cost", "strong"));
  g_assert_true (has_tag (buffer, "sort()", "code"));
  g_assert_true (has_tag (buffer, "O(1)", "emphasis"));
  g_assert_false (has_tag (buffer, "n log n", "strong"));
  find (buffer, "n log n", &iter);
  {
    g_autoptr(GSList) tags = gtk_text_iter_get_tags (&iter);
    gboolean found_tabs = FALSE;

    for (GSList *l = tags; l; l = l->next)
      {
        gboolean tabs_set;

        g_object_get (l->data, "tabs-set", &tabs_set, NULL);
        if (tabs_set)
          {
            g_object_get (l->data, "tabs", &tabs, NULL);
            /* The second column is right-aligned, past the widest first cell. */
            g_assert_cmpint (pango_tab_array_get_size (tabs), ==, 1);
            pango_tab_array_get_tab (tabs, 0, &align, &position);
            g_assert_cmpint (align, ==, PANGO_TAB_RIGHT);
            g_assert_cmpint (position, >, 18);
            pango_tab_array_free (tabs);
            found_tabs = TRUE;
          }
      }
    g_assert_true (found_tabs);
  }

  /* A wide one is one label, a line a row, that scrolls sideways. */
  ivc_markdown_view_set_markdown (fixture->view,
                                  "| Call | Cost <b> |\n|:--|--:|\n| `sort()` | n log n |\n"
                                  "| 中文 | *O(1)*, and a long explanation of why that is so, which takes a lot of room |\n");
  wait_for_draw (fixture->view);
  label = table_label (nth_child (fixture, 0));
  g_assert_true (g_str_has_prefix (gtk_label_get_text (GTK_LABEL (label)), "Call\tCost <b>\nsort()\tn log n\n中文\tO(1), and"));
  g_assert_false (gtk_label_get_use_markup (GTK_LABEL (label)));
  g_assert_true (gtk_label_get_selectable (GTK_LABEL (label)));

  /* The header is bold, inline code monospace. */
  attributes = gtk_label_get_attributes (GTK_LABEL (label));
  g_assert_nonnull (attributes);
  {
    PangoAttrIterator *it = pango_attr_list_get_iterator (attributes);
    PangoAttrInt *weight = (PangoAttrInt *)pango_attr_iterator_get (it, PANGO_ATTR_WEIGHT);
    gboolean found_code = FALSE;

    g_assert_nonnull (weight);
    g_assert_cmpint (weight->value, ==, PANGO_WEIGHT_BOLD);
    do
      {
        int start, end;
        PangoAttrString *family = (PangoAttrString *)pango_attr_iterator_get (it, PANGO_ATTR_FAMILY);

        pango_attr_iterator_range (it, &start, &end);
        if (family != NULL && g_str_equal (family->value, "monospace"))
          {
            g_assert_cmpint (start, ==, strlen ("Call\tCost <b>\n"));
            found_code = TRUE;
          }
      }
    while (pango_attr_iterator_next (it));
    g_assert_true (found_code);
    pango_attr_iterator_destroy (it);
  }

  tabs = gtk_label_get_tabs (GTK_LABEL (label));
  g_assert_nonnull (tabs);
  g_assert_cmpint (pango_tab_array_get_size (tabs), ==, 1);
  pango_tab_array_get_tab (tabs, 0, &align, &position);
  g_assert_cmpint (align, ==, PANGO_TAB_RIGHT);
  pango_tab_array_free (tabs);
}

/* A long answer (about 10,000 characters, code and tables) must draw in a
 * few milliseconds: the widgets it takes are what cost (issue 13). */
static void
test_widget_budget (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GString) answer = g_string_new (NULL);
  static const char section[] =
    "A paragraph with **strong** text and `code`.\n\n"
    "```js\nlet count = 0;\nfunction f () { return ++count; }\n```\n\n"
    "- an item\n- another\n\n"
    "| Declaration | Scope | Hoisted |\n|:--|:--|:--:|\n| `var` | function | yes |\n| `let` | block | no |\n\n"
    "> A quote.\n\n";

  for (guint i = 0; i < 7; i++)
    g_string_append (answer, section);

  ivc_markdown_view_set_markdown (fixture->view, answer->str);
  wait_for_draw (fixture->view);
  g_assert_cmpuint (count_widgets (GTK_WIDGET (fixture->view)), <=, 100);
}

/* A long text in sight is drawn in two steps: what fills the pane at
 * once, the rest right after the first frames; all of it, in order, and
 * nothing of a text replaced in between. */
static void
test_long_text_in_parts (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GString) answer = g_string_new (NULL);
  guint n_sections = 30;
  guint n_first;
  GtkWidget *child;
  guint n;

  for (guint i = 0; i < n_sections; i++)
    g_string_append_printf (answer,
                            "Section %u: a paragraph with **strong** text that runs on for a while.\n\n"
                            "```js\nlet section = %u;\n```\n\n", i, i);

  wait_for_draw (fixture->view);
  ivc_markdown_view_set_markdown (fixture->view, answer->str);
  n_first = n_children (GTK_WIDGET (fixture->view));
  g_assert_cmpuint (n_first, >, 0);
  g_assert_cmpuint (n_first, <, 2 * n_sections);

  /* Another text before the rest came: only that one is shown. */
  ivc_markdown_view_set_markdown (fixture->view, "Short *one*.");
  wait_for_draw (fixture->view);
  g_assert_cmpuint (n_children (GTK_WIDGET (fixture->view)), ==, 1);

  ivc_markdown_view_set_markdown (fixture->view, answer->str);
  wait_until (n_children (GTK_WIDGET (fixture->view)) == 2 * n_sections);
  for (child = gtk_widget_get_first_child (GTK_WIDGET (fixture->view)), n = 0; child; child = gtk_widget_get_next_sibling (child), n++)
    {
      if (n % 2 == 0)
        {
          g_autofree char *expected = g_strdup_printf ("Section %u:", n / 2);
          g_autofree char *text = dup_buffer_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (child)));

          g_assert_true (g_str_has_prefix (text, expected));
        }
      else
        {
          g_autofree char *expected = g_strdup_printf ("let section = %u;", n / 2);

          g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (code_label (child))), ==, expected);
        }
    }

  /* Destroyed with the rest still to come: nothing is drawn after. */
  ivc_markdown_view_set_markdown (fixture->view, "");
  wait_for_draw (fixture->view);
  ivc_markdown_view_set_markdown (fixture->view, answer->str);
}

static gboolean
record_link_cb (IvcMarkdownView *view,
                const char      *uri,
                guint           *n_activated)
{
  (*n_activated)++;
  return TRUE;
}

static void
test_links (Fixture       *fixture,
            gconstpointer  data)
{
  GtkTextBuffer *buffer;
  GtkTextIter iter;
  guint n_activated = 0;
  g_autofree char *text = NULL;

  g_signal_connect (fixture->view, "activate-link", G_CALLBACK (record_link_cb), &n_activated);
  ivc_markdown_view_set_markdown (fixture->view,
                                  "Read [the guide](https://example.org/guide), not [this](file:///etc/passwd) "
                                  "nor [that](javascript:alert(1)); ![diagram of the flow](https://example.org/d.png)\n\n- *item*");
  wait_for_draw (fixture->view);

  buffer = nth_buffer (fixture, 0);
  text = dup_buffer_text (buffer);
  g_assert_cmpstr (text, ==, "Read the guide, not this nor that; diagram of the flow\n\n• item");

  find (buffer, "the guide", &iter);
  g_assert_cmpstr (ivc_markdown_view_get_link_at (fixture->view, &iter), ==, "https://example.org/guide");
  g_assert_true (has_tag (buffer, "the guide", "link"));
  find (buffer, "this", &iter);
  g_assert_null (ivc_markdown_view_get_link_at (fixture->view, &iter));
  find (buffer, "that", &iter);
  g_assert_null (ivc_markdown_view_get_link_at (fixture->view, &iter));
  /* An image is its alt text, never loaded nor a link. */
  find (buffer, "diagram", &iter);
  g_assert_null (ivc_markdown_view_get_link_at (fixture->view, &iter));

  /* Drawing never follows a link. */
  g_assert_cmpuint (n_activated, ==, 0);
}

typedef struct
{
  guint  n_activated;
  char  *uri;
} Activation;

static gboolean
remember_link_cb (IvcMarkdownView *view,
                  const char      *uri,
                  Activation      *activation)
{
  activation->n_activated++;
  g_free (activation->uri);
  activation->uri = g_strdup (uri);
  /* Handled: nothing is opened during the test. */
  return TRUE;
}

static char *
dup_selection (GtkTextBuffer *buffer)
{
  GtkTextIter start, end;

  if (!gtk_text_buffer_get_selection_bounds (buffer, &start, &end))
    return NULL;

  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* The keyboard reaches and opens links, as in a label: Tab selects the
 * next link of the focused text, Shift+Tab the one before, Enter opens it,
 * and Tab past the last leaves the text. */
static void
test_link_keyboard (Fixture       *fixture,
                    gconstpointer  data)
{
  Activation activation = { 0, };
  GtkWidget *text_view;
  GtkTextBuffer *buffer;
  g_autofree char *selected = NULL;

  if (!can_send_keys ())
    return;

  g_signal_connect (fixture->view, "activate-link", G_CALLBACK (remember_link_cb), &activation);
  ivc_markdown_view_set_markdown (fixture->view,
                                  "Read [the guide](https://example.org/guide) first.\n\n"
                                  "| Term | Where |\n|---|---|\n| saga | [patterns](https://example.org/saga) |\n");
  wait_for_draw (fixture->view);
  text_view = nth_child (fixture, 0);
  buffer = nth_buffer (fixture, 0);
  gtk_widget_grab_focus (text_view);
  wait_until (gtk_widget_has_focus (text_view));
  /* The cursor at the start, nothing selected (the window's first focus
   * may have gone to the first link). */
  {
    GtkTextIter start;

    gtk_text_buffer_get_start_iter (buffer, &start);
    gtk_text_buffer_place_cursor (buffer, &start);
  }

  g_assert_true (send_keys (fixture->window, "Tab", NULL));
  wait_until ((g_free (selected), selected = dup_selection (buffer)) != NULL);
  g_assert_cmpstr (selected, ==, "the guide");
  g_assert_true (send_keys (fixture->window, "Tab", NULL));
  wait_until ((g_free (selected), selected = dup_selection (buffer)) != NULL && g_str_equal (selected, "patterns"));
  g_assert_true (send_keys (fixture->window, "Return", NULL));
  wait_until (activation.n_activated == 1);
  g_assert_cmpstr (activation.uri, ==, "https://example.org/saga");

  g_assert_true (send_keys (fixture->window, "shift+Tab", NULL));
  wait_until ((g_free (selected), selected = dup_selection (buffer)) != NULL && g_str_equal (selected, "the guide"));
  g_assert_true (send_keys (fixture->window, "KP_Enter", NULL));
  wait_until (activation.n_activated == 2);
  g_assert_cmpstr (activation.uri, ==, "https://example.org/guide");

  g_free (activation.uri);
}

static char *
dup_label_selection (GtkWidget *label)
{
  int start, end;

  if (!gtk_widget_has_focus (label) || !gtk_label_get_selection_bounds (GTK_LABEL (label), &start, &end))
    return NULL;

  return g_utf8_substring (gtk_label_get_text (GTK_LABEL (label)), start, end);
}

/* Links in a wide table's cells are reached with Tab too, each selected
 * and scrolled into view (sideways in the table, down in the pane), and
 * opened with Enter; Shift+Tab goes back through them into the text. */
static void
test_link_keyboard_table (Fixture       *fixture,
                          gconstpointer  data)
{
  Activation activation = { 0, };
  g_autoptr(GString) source = g_string_new ("Read [the guide](https://example.org/guide) first.\n\n");
  GtkWidget *text_view;
  GtkWidget *scroller;
  GtkWidget *label;
  GtkWidget *after;
  GtkAdjustment *hadjustment;
  GtkAdjustment *pane;
  GtkTextBuffer *buffer;
  g_autofree char *selected = NULL;

  if (!can_send_keys ())
    return;

  /* Enough text before the table that it starts below the pane's fold. */
  for (guint i = 0; i < 40; i++)
    g_string_append (source, "A line of text that pushes the table down.\n\n");
  g_string_append (source,
                   "| Term | Why | Where |\n|---|---|---|\n"
                   "| saga | a rather long explanation that makes this table wider than the pane can show | [patterns](https://example.org/saga) |\n"
                   "| outbox | short | [relay](https://example.org/outbox) |\n\n"
                   "After [the end](https://example.org/end).\n");

  g_signal_connect (fixture->view, "activate-link", G_CALLBACK (remember_link_cb), &activation);
  ivc_markdown_view_set_markdown (fixture->view, source->str);
  wait_for_draw (fixture->view);
  text_view = nth_child (fixture, 0);
  scroller = nth_child (fixture, 1);
  label = table_label (scroller);
  after = nth_child (fixture, 2);
  buffer = nth_buffer (fixture, 0);
  hadjustment = gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (scroller));
  pane = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (GTK_WIDGET (fixture->view), GTK_TYPE_SCROLLED_WINDOW)));
  gtk_widget_grab_focus (text_view);
  wait_until (gtk_widget_has_focus (text_view));
  /* The cursor at the start, nothing selected (the window's first focus
   * may have gone to the first link). */
  {
    GtkTextIter start;

    gtk_text_buffer_get_start_iter (buffer, &start);
    gtk_text_buffer_place_cursor (buffer, &start);
  }

  g_assert_true (send_keys (fixture->window, "Tab", NULL));
  wait_until ((g_free (selected), selected = dup_selection (buffer)) != NULL);
  g_assert_cmpstr (selected, ==, "the guide");

  /* The first link of the table: selected in its label, shown. */
  g_assert_true (send_keys (fixture->window, "Tab", NULL));
  wait_until ((g_free (selected), selected = dup_label_selection (label)) != NULL && g_str_equal (selected, "patterns"));
  wait_for_draw (fixture->view);
  {
    graphene_rect_t bounds;
    graphene_point_t in_pane;
    PangoRectangle pos;
    const char *text = gtk_label_get_text (GTK_LABEL (label));
    int ox, oy;

    pango_layout_index_to_pos (gtk_label_get_layout (GTK_LABEL (label)), strstr (text, "patterns") - text, &pos);
    gtk_label_get_layout_offsets (GTK_LABEL (label), &ox, &oy);
    /* Sideways: the link's start is within the table's visible part. */
    g_assert_cmpfloat (gtk_adjustment_get_value (hadjustment), >, 0);
    g_assert_cmpfloat (ox + pos.x / PANGO_SCALE, >=, gtk_adjustment_get_value (hadjustment));
    g_assert_cmpfloat (ox + (pos.x + pos.width) / PANGO_SCALE, <=,
                       gtk_adjustment_get_value (hadjustment) + gtk_adjustment_get_page_size (hadjustment));
    /* Down: the table is within the pane's visible part. */
    g_assert_cmpfloat (gtk_adjustment_get_value (pane), >, 0);
    g_assert_true (gtk_widget_compute_bounds (label, GTK_WIDGET (fixture->view), &bounds));
    g_assert_true (gtk_widget_compute_point (label, GTK_WIDGET (fixture->view), &GRAPHENE_POINT_INIT (0, oy + pos.y / PANGO_SCALE), &in_pane));
    g_assert_cmpfloat (in_pane.y, >=, gtk_adjustment_get_value (pane));
    g_assert_cmpfloat (in_pane.y, <=, gtk_adjustment_get_value (pane) + gtk_adjustment_get_page_size (pane));
  }

  g_assert_true (send_keys (fixture->window, "Tab", NULL));
  wait_until ((g_free (selected), selected = dup_label_selection (label)) != NULL && g_str_equal (selected, "relay"));
  g_assert_true (send_keys (fixture->window, "Return", NULL));
  wait_until (activation.n_activated == 1);
  g_assert_cmpstr (activation.uri, ==, "https://example.org/outbox");

  /* On past the table, into the text after it. */
  g_assert_true (send_keys (fixture->window, "Tab", NULL));
  wait_until (gtk_widget_has_focus (after));
  wait_until ((g_free (selected), selected = dup_selection (gtk_text_view_get_buffer (GTK_TEXT_VIEW (after)))) != NULL);
  g_assert_cmpstr (selected, ==, "the end");
  g_assert_true (send_keys (fixture->window, "KP_Enter", NULL));
  wait_until (activation.n_activated == 2);
  g_assert_cmpstr (activation.uri, ==, "https://example.org/end");

  /* And back. */
  g_assert_true (send_keys (fixture->window, "shift+Tab", NULL));
  wait_until ((g_free (selected), selected = dup_label_selection (label)) != NULL && g_str_equal (selected, "relay"));
  g_assert_true (send_keys (fixture->window, "shift+Tab", NULL));
  wait_until ((g_free (selected), selected = dup_label_selection (label)) != NULL && g_str_equal (selected, "patterns"));
  g_assert_true (send_keys (fixture->window, "Return", NULL));
  wait_until (activation.n_activated == 3);
  g_assert_cmpstr (activation.uri, ==, "https://example.org/saga");
  g_assert_true (send_keys (fixture->window, "shift+Tab", NULL));
  wait_until ((g_free (selected), selected = dup_selection (buffer)) != NULL && g_str_equal (selected, "the guide"));

  g_free (activation.uri);
}

/* A click on a link opens it, in the text and in a wide table's label; a
 * click beside it does not. */
static void
test_link_click (Fixture       *fixture,
                 gconstpointer  data)
{
#ifdef GDK_WINDOWING_X11
  Activation activation = { 0, };
  GtkWindow *window;
  IvcMarkdownView *view;
  GtkWidget *text_view;
  GtkWidget *label;
  GtkNative *native;
  g_autofree char *xid = NULL;
  double nx, ny;

  if (!can_send_keys ())
    return;

  /* A window of its own, sized, with the view straight in it: the text
   * has its height before the click. */
  window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (window, 900, 400);
  view = IVC_MARKDOWN_VIEW (ivc_markdown_view_new ());
  gtk_widget_set_valign (GTK_WIDGET (view), GTK_ALIGN_START);
  gtk_window_set_child (window, GTK_WIDGET (view));
  gtk_window_present (window);
  g_signal_connect (view, "activate-link", G_CALLBACK (remember_link_cb), &activation);
  ivc_markdown_view_set_markdown (view,
                                  "Read [the guide](https://example.org/guide) first.\n\n"
                                  "| Term | Where |\n|---|---|\n"
                                  "| a rather long term that makes this table wide, wider than any narrow pane could ever show | [patterns](https://example.org/saga) |\n");
  wait_for_draw (view);
  text_view = gtk_widget_get_first_child (GTK_WIDGET (view));
  label = table_label (gtk_widget_get_next_sibling (text_view));
  /* A text view measured before its first width reports no height, and a
   * window that keeps its size never asks again. */
  gtk_widget_queue_resize (text_view);
  wait_until (gtk_widget_get_height (text_view) > 0);
  wait_until (gtk_widget_get_height (label) > 0);

  native = gtk_widget_get_native (text_view);
  gtk_native_get_surface_transform (native, &nx, &ny);
  xid = g_strdup_printf ("%lu", (gulong) gdk_x11_surface_get_xid (gtk_native_get_surface (native)));

#define CLICK_AT(widget, cx, cy) \
  G_STMT_START { \
    graphene_point_t point; \
    g_autofree char *px = NULL; \
    g_autofree char *py = NULL; \
    g_assert_true (gtk_widget_compute_point ((widget), GTK_WIDGET (native), &GRAPHENE_POINT_INIT ((cx), (cy)), &point)); \
    px = g_strdup_printf ("%d", (int) (point.x + nx)); \
    py = g_strdup_printf ("%d", (int) (point.y + ny)); \
    g_assert_true (run_xdotool (window, (const char *[]) { "mousemove", "--window", xid, px, py, "click", "1", NULL })); \
  } G_STMT_END

  {
    GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (text_view));
    GtkTextIter iter;
    GdkRectangle rect;
    int wx, wy;

    /* Beside the link: nothing. */
    find (buffer, "first", &iter);
    gtk_text_view_get_iter_location (GTK_TEXT_VIEW (text_view), &iter, &rect);
    gtk_text_view_buffer_to_window_coords (GTK_TEXT_VIEW (text_view), GTK_TEXT_WINDOW_WIDGET,
                                           rect.x + 4, rect.y + rect.height / 2, &wx, &wy);
    CLICK_AT (text_view, wx, wy);
    flush_events ();

    find (buffer, "guide", &iter);
    gtk_text_view_get_iter_location (GTK_TEXT_VIEW (text_view), &iter, &rect);
    gtk_text_view_buffer_to_window_coords (GTK_TEXT_VIEW (text_view), GTK_TEXT_WINDOW_WIDGET,
                                           rect.x + 4, rect.y + rect.height / 2, &wx, &wy);
    CLICK_AT (text_view, wx, wy);
    wait_until (activation.n_activated == 1);
    g_assert_cmpstr (activation.uri, ==, "https://example.org/guide");
  }

  {
    PangoLayout *layout = gtk_label_get_layout (GTK_LABEL (label));
    const char *text = pango_layout_get_text (layout);
    PangoRectangle pos;
    int ox, oy;

    gtk_label_get_layout_offsets (GTK_LABEL (label), &ox, &oy);
    pango_layout_index_to_pos (layout, strstr (text, "patterns") - text + 2, &pos);
    CLICK_AT (label, ox + pos.x / PANGO_SCALE + 2, oy + (pos.y + pos.height / 2) / PANGO_SCALE);
    wait_until (activation.n_activated == 2);
    g_assert_cmpstr (activation.uri, ==, "https://example.org/saga");
  }

#undef CLICK_AT

  gtk_window_destroy (window);
  flush_events ();
  g_free (activation.uri);
#else
  g_test_skip ("Clicks are sent with xdotool, which needs an X11 display");
#endif
}

static void
test_hostile (Fixture       *fixture,
              gconstpointer  data)
{
  GString *lists = g_string_new ("Start\n\n");
  GString *quotes = g_string_new (NULL);
  GString *code = g_string_new ("```\n");
  GtkTextTagTable *table;
  int max_margin = 0;
  g_autofree char *code_text = NULL;

  for (guint i = 0; i < 10000; i++)
    g_string_append (lists, "- ");
  g_string_append (lists, "deep *<b>*");
  for (guint i = 0; i < 10000; i++)
    g_string_append (quotes, "> ");
  g_string_append (quotes, "deep quote");
  while (code->len < 1024 * 1024)
    g_string_append (code, "    <span weight='bold'>x</span> & </script>\n");
  g_string_append (code, "```\n");

  /* 10,000 nested lists: drawn, with the indentation capped. */
  ivc_markdown_view_set_markdown (fixture->view, lists->str);
  wait_for_draw (fixture->view);
  g_assert_cmpuint (n_children (GTK_WIDGET (fixture->view)), ==, 1);
  table = gtk_text_buffer_get_tag_table (nth_buffer (fixture, 0));
  for (int m = 0; m <= (IVC_MARKDOWN_MAX_DEPTH + 1) * 64; m++)
    {
      for (int i = -64; i <= 0; i++)
        {
          char name[64];

          g_snprintf (name, sizeof name, "margin-%d-%d", m, i);
          if (gtk_text_tag_table_lookup (table, name) != NULL)
            max_margin = MAX (max_margin, m);
        }
    }
  g_assert_cmpint (max_margin, >, 0);
  g_assert_cmpint (gtk_text_tag_table_get_size (table), <, 64);
  g_assert_true (has_tag (nth_buffer (fixture, 0), "<b>", "emphasis"));

  ivc_markdown_view_set_markdown (fixture->view, quotes->str);
  wait_for_draw (fixture->view);
  g_assert_true (has_tag (nth_buffer (fixture, 0), "deep quote", "quote"));

  /* A 1 MB code block: drawn, its text as written. */
  ivc_markdown_view_set_markdown (fixture->view, code->str);
  wait_for_draw (fixture->view);
  g_assert_cmpuint (n_children (GTK_WIDGET (fixture->view)), ==, 1);
  code_text = dup_buffer_text (nth_buffer (fixture, 0));
  g_assert_cmpuint (strlen (code_text), >, 1000000);
  g_assert_true (g_str_has_prefix (code_text, "    <span weight='bold'>x</span> & </script>\n"));

  g_string_free (lists, TRUE);
  g_string_free (quotes, TRUE);
  g_string_free (code, TRUE);
}

static void
test_invalid_utf8 (Fixture       *fixture,
                   gconstpointer  data)
{
  /* The loader refuses such text; the view still never hands GTK bytes
   * that are not UTF-8. */
  ivc_markdown_view_set_markdown (fixture->view, "**caf\xc3** \xff `\xfe`");
  wait_for_draw (fixture->view);
  g_assert_cmpuint (n_children (GTK_WIDGET (fixture->view)), ==, 1);
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

#define ADD(path, func) \
  g_test_add ("/ivc/markdown-view/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("plain", test_plain);
  ADD ("inline", test_inline);
  ADD ("code-block", test_code_block);
  ADD ("lists", test_lists);
  ADD ("quote-heading-rule", test_quote_heading_rule);
  ADD ("table", test_table);
  ADD ("widget-budget", test_widget_budget);
  ADD ("long-text-in-parts", test_long_text_in_parts);
  ADD ("links", test_links);
  ADD ("link-keyboard", test_link_keyboard);
  ADD ("link-keyboard-table", test_link_keyboard_table);
  ADD ("link-click", test_link_click);
  ADD ("hostile", test_hostile);
  ADD ("invalid-utf8", test_invalid_utf8);

  return g_test_run ();
}
