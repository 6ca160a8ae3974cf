/* ivc-markdown-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * IvcMarkdownView: draws IvcMarkdown's blocks. Flowing text (paragraphs,
 * headings, list items, quotes) goes into a GtkTextView with tags, so that
 * it wraps, keeps hanging indents and can be selected and copied across
 * paragraphs; a code block gets a monospace view of its own that scrolls
 * sideways instead of wrapping; a table is lines of the flowing text with
 * tab stops, or, too wide for a narrow pane, one label that scrolls
 * sideways. Widgets are what drawing costs, so there are few: one text
 * view for the text between two code blocks, and text views and short code
 * blocks are kept from one text for the next. A long text in sight is
 * drawn in two steps: the blocks that fill the pane at once (its text
 * views given the pane's height for the first layout, so that they lay
 * out all of what is in sight in the first frame), the rest once that
 * frame is painted and the main loop is idle. Links open on a click or
 * on Enter (Tab goes from link to link, in tables too). Text is only ever
 * inserted as text: nothing from a bank is read as Pango markup.
 */

#define G_LOG_DOMAIN "ivc-markdown-view"

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "ivc-markdown-blocks.h"
#include "ivc-markdown-view.h"

/* Indentation of one level of lists or quotes. */
#define INDENT_PIXELS 24
/* A code block of more lines scrolls within itself, this tall. */
#define CODE_MAX_LINES   60
#define CODE_LONG_HEIGHT 600
/* Text views kept from one text for the next. */
#define MAX_SPARE_FLOWS 4

struct _IvcMarkdownView
{
  GtkWidget  parent_instance;

  char      *markdown;
  GtkWidget *flow;      /* the text view being filled, or NULL */
  GPtrArray *spare_flows;     /* text views of the last text, to use again */
  GPtrArray *spare_codes;     /* and its short code blocks */
  GtkTextBuffer *flow_buffer;  /* its buffer, given to it once filled */
  GHashTable *marker_widths;  /* list marker → its width, while drawing */
  char      *pressed_link;    /* the link under the last press */
  PangoLayout *measure;       /* for list markers and table cells, while drawing */
  IvcMarkdown *rest;          /* the text, while its blocks from rest_block on wait */
  guint      rest_block;
  GdkFrameClock *rest_clock;  /* whose next painted frame they wait for */
  gulong     rest_paint_id;
  guint      rest_idle_id;
  guint      rest_timeout_id;
  int        rest_height;     /* the text's height at the last frame painted */
  GdkFrameClock *layout_clock; /* whose layout phase ends the first layout */
  gulong     layout_id;
  int        first_height;    /* while drawing in sight: the height the text views lay out at once */
  gboolean   dark;
};

G_DEFINE_FINAL_TYPE (IvcMarkdownView, ivc_markdown_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_MARKDOWN,
  N_PROPS
};

enum {
  ACTIVATE_LINK,
  N_SIGNALS
};

/* A link in a table's label: a byte range of its text. */
typedef struct
{
  guint  start;
  guint  end;
  char  *uri;
} TableLink;

static void
table_link_free (gpointer data)
{
  TableLink *link = data;

  g_free (link->uri);
  g_free (link);
}

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
remove_children (IvcMarkdownView *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    {
      /* Making a text view costs more than filling it: a few are kept. */
      if (self->spare_flows != NULL && self->spare_flows->len < MAX_SPARE_FLOWS &&
          gtk_widget_has_css_class (child, "markdown-text"))
        {
          g_ptr_array_add (self->spare_flows, g_object_ref (child));
          gtk_text_view_set_buffer (GTK_TEXT_VIEW (child), NULL);
          gtk_widget_set_size_request (child, -1, -1);
          g_object_set_data (G_OBJECT (child), "ivc-first-layout", NULL);
          gtk_widget_set_tooltip_text (child, NULL);
        }
      else if (self->spare_codes != NULL && self->spare_codes->len < MAX_SPARE_FLOWS &&
               g_object_get_data (G_OBJECT (child), "ivc-code-label") != NULL)
        {
          g_ptr_array_add (self->spare_codes, g_object_ref (child));
        }
      gtk_widget_unparent (child);
    }
  self->flow = NULL;
  g_clear_object (&self->flow_buffer);
}

/* The tag of one style, made the first time a buffer needs it. */
static GtkTextTag *
ensure_tag (IvcMarkdownView *self,
            GtkTextBuffer   *buffer,
            const char      *name)
{
  GtkTextTagTable *table = gtk_text_buffer_get_tag_table (buffer);
  GtkTextTag *tag = gtk_text_tag_table_lookup (table, name);
  static const double heading_scales[] = { 1.6, 1.4, 1.2, 1.1, 1.0, 1.0 };
  int margin, indent, level;

  if (tag != NULL)
    return tag;

  tag = gtk_text_tag_new (name);

  if (g_str_equal (name, "emphasis"))
    g_object_set (tag, "style", PANGO_STYLE_ITALIC, NULL);
  else if (g_str_equal (name, "strong"))
    g_object_set (tag, "weight", PANGO_WEIGHT_BOLD, NULL);
  else if (g_str_equal (name, "strikethrough"))
    g_object_set (tag, "strikethrough", TRUE, NULL);
  else if (g_str_equal (name, "code"))
    {
      GdkRGBA shade = { 0.5, 0.5, 0.5, 0.18 };

      g_object_set (tag, "family", "monospace", "background-rgba", &shade, NULL);
    }
  else if (g_str_equal (name, "link"))
    {
      /* Adwaita's accent colour for text, light and dark. */
      GdkRGBA color;

      gdk_rgba_parse (&color, self->dark ? "#78aeed" : "#1c71d8");
      g_object_set (tag, "foreground-rgba", &color, "underline", PANGO_UNDERLINE_SINGLE, NULL);
    }
  else if (g_str_equal (name, "quote"))
    {
      GdkRGBA color = { self->dark ? 1 : 0, self->dark ? 1 : 0, self->dark ? 1 : 0, 0.6 };

      g_object_set (tag, "foreground-rgba", &color, NULL);
    }
  else if (sscanf (name, "heading-%d", &level) == 1)
    {
      g_object_set (tag,
                    "weight", PANGO_WEIGHT_BOLD,
                    "scale", heading_scales[CLAMP (level, 1, 6) - 1],
                    NULL);
    }
  else if (sscanf (name, "margin-%d-%d", &margin, &indent) == 2)
    {
      g_object_set (tag, "left-margin", margin, "indent", indent, NULL);
    }
  else
    {
      g_assert_not_reached ();
    }

  gtk_text_tag_table_add (table, tag);
  g_object_unref (tag);

  return tag;
}

static GtkTextTag *
ensure_margin_tag (IvcMarkdownView *self,
                   GtkTextBuffer   *buffer,
                   int              margin,
                   int              indent)
{
  char name[64];

  g_snprintf (name, sizeof name, "margin-%d-%d", margin, indent);
  return ensure_tag (self, buffer, name);
}

static GtkTextTag *
find_link_tag (const GtkTextIter *iter)
{
  g_autoptr(GSList) tags = gtk_text_iter_get_tags (iter);

  for (GSList *l = tags; l; l = l->next)
    {
      if (g_object_get_data (l->data, "ivc-link") != NULL)
        return l->data;
    }

  return NULL;
}

/**
 * ivc_markdown_view_get_link_at:
 * @iter: a position in one of the view's text buffers
 *
 * Returns: (nullable): the address of the link at @iter
 */
const char *
ivc_markdown_view_get_link_at (IvcMarkdownView   *self,
                               const GtkTextIter *iter)
{
  GtkTextTag *tag;

  g_return_val_if_fail (IVC_IS_MARKDOWN_VIEW (self), NULL);
  g_return_val_if_fail (iter != NULL, NULL);

  tag = find_link_tag (iter);
  return tag ? g_object_get_data (G_OBJECT (tag), "ivc-link") : NULL;
}

static gboolean
link_at_point (GtkTextView  *view,
               double        x,
               double        y,
               const char  **uri)
{
  GtkTextIter iter;
  GtkTextTag *tag;
  int bx, by;

  gtk_text_view_window_to_buffer_coords (view, GTK_TEXT_WINDOW_WIDGET, x, y, &bx, &by);
  if (!gtk_text_view_get_iter_at_location (view, &iter, bx, by))
    return FALSE;

  tag = find_link_tag (&iter);
  if (tag == NULL)
    return FALSE;

  *uri = g_object_get_data (G_OBJECT (tag), "ivc-link");
  return TRUE;
}

/* A table's label: the link at a point of it. */
static gboolean
label_link_at_point (GtkLabel     *label,
                     double        x,
                     double        y,
                     const char  **uri)
{
  GPtrArray *links = g_object_get_data (G_OBJECT (label), "ivc-links");
  PangoLayout *layout = gtk_label_get_layout (label);
  int ox, oy, index, trailing;

  if (links == NULL)
    return FALSE;

  gtk_label_get_layout_offsets (label, &ox, &oy);
  if (!pango_layout_xy_to_index (layout, (x - ox) * PANGO_SCALE, (y - oy) * PANGO_SCALE, &index, &trailing))
    return FALSE;

  for (guint i = 0; i < links->len; i++)
    {
      const TableLink *link = g_ptr_array_index (links, i);

      if ((guint) index >= link->start && (guint) index < link->end)
        {
          *uri = link->uri;
          return TRUE;
        }
    }

  return FALSE;
}

static gboolean
widget_link_at_point (GtkWidget    *widget,
                      double        x,
                      double        y,
                      const char  **uri)
{
  if (GTK_IS_LABEL (widget))
    return label_link_at_point (GTK_LABEL (widget), x, y, uri);

  return link_at_point (GTK_TEXT_VIEW (widget), x, y, uri);
}

static gboolean
widget_has_selection (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget))
    return gtk_label_get_selection_bounds (GTK_LABEL (widget), NULL, NULL);

  return gtk_text_buffer_get_has_selection (gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget)));
}

/* A link opens on a click, never by itself, and not when the click ends a
 * selection or began elsewhere. The text view's own gestures claim the
 * pointer for selecting, so the click is watched as it passes by, before
 * them, and never stopped. */
static gboolean
on_flow_event_cb (GtkEventControllerLegacy *controller,
                  GdkEvent                 *event,
                  IvcMarkdownView          *self)
{
  GtkWidget *widget = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  GdkEventType type = gdk_event_get_event_type (event);
  const char *uri = NULL;
  double x, y;

  if ((type != GDK_BUTTON_PRESS && type != GDK_BUTTON_RELEASE) ||
      gdk_button_event_get_button (event) != GDK_BUTTON_PRIMARY ||
      !gdk_event_get_position (event, &x, &y))
    return GDK_EVENT_PROPAGATE;

  /* The event's position is in the surface; the view's own is wanted. */
  {
    GtkNative *native = gtk_widget_get_native (widget);
    graphene_point_t point;
    double nx, ny;

    gtk_native_get_surface_transform (native, &nx, &ny);
    if (!gtk_widget_compute_point (GTK_WIDGET (native), widget, &GRAPHENE_POINT_INIT (x - nx, y - ny), &point))
      return GDK_EVENT_PROPAGATE;
    x = point.x;
    y = point.y;
  }

  if (!widget_link_at_point (widget, x, y, &uri))
    uri = NULL;

  if (type == GDK_BUTTON_PRESS)
    {
      g_free (self->pressed_link);
      self->pressed_link = g_strdup (uri);
    }
  else if (uri != NULL && g_strcmp0 (uri, self->pressed_link) == 0 &&
           !widget_has_selection (widget))
    {
      g_autofree char *link = g_steal_pointer (&self->pressed_link);
      gboolean handled = FALSE;

      g_signal_emit (self, signals[ACTIVATE_LINK], 0, link, &handled);
    }
  else
    {
      g_clear_pointer (&self->pressed_link, g_free);
    }

  return GDK_EVENT_PROPAGATE;
}

static void
on_flow_motion_cb (GtkEventControllerMotion *motion,
                   double                    x,
                   double                    y,
                   IvcMarkdownView          *self)
{
  GtkWidget *view = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (motion));
  const char *uri = NULL;
  gboolean over_link = widget_link_at_point (view, x, y, &uri);

  gtk_widget_set_cursor_from_name (view, over_link ? "pointer" : "text");
  gtk_widget_set_tooltip_text (view, over_link ? uri : NULL);
}

static GtkWidget *
new_text_view (const char *css_class)
{
  GtkWidget *view = gtk_text_view_new ();

  gtk_text_view_set_editable (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_cursor_visible (GTK_TEXT_VIEW (view), FALSE);
  gtk_widget_add_css_class (view, css_class);

  return view;
}

/* The link starting at or after @iter (before it, when @backward), whose
 * bounds are set in @start and @end. */
static gboolean
find_next_link (GtkTextIter *iter,
                gboolean     backward,
                GtkTextIter *start,
                GtkTextIter *end)
{
  GtkTextTag *tag;

  while (backward ? gtk_text_iter_backward_to_tag_toggle (iter, NULL)
                  : gtk_text_iter_forward_to_tag_toggle (iter, NULL))
    {
      tag = find_link_tag (iter);
      if (tag != NULL && gtk_text_iter_starts_tag (iter, tag))
        {
          *start = *iter;
          *end = *iter;
          gtk_text_iter_forward_to_tag_toggle (end, tag);
          return TRUE;
        }
    }

  return FALSE;
}

/* Scrolls @adjustment the least that shows [@start, @start + @size), its
 * start if it is taller than the page. Set, not animated: that also ends
 * the viewport's own animation towards the newly focused widget, which
 * would scroll the link back out of view. */
static void
show_range (GtkAdjustment *adjustment,
            double         start,
            double         size)
{
  double value = gtk_adjustment_get_value (adjustment);
  double page = gtk_adjustment_get_page_size (adjustment);

  if (start + size > value + page)
    value = start + size - page;
  if (start < value)
    value = start;
  gtk_adjustment_set_value (adjustment, value);
}

/* Scrolls each scrolling ancestor of @widget (the table's scroller, the
 * pane) so that @rect, in @widget's coordinates, is in view. Positions are
 * taken in each viewport's content, which its own scrolling does not move:
 * allocations catch up with a new scroll position only at the next frame. */
static void
scroll_rect_into_view (GtkWidget       *widget,
                       graphene_rect_t  rect)
{
  GtkWidget *from = widget;

  for (GtkWidget *parent = gtk_widget_get_parent (widget); parent != NULL; parent = gtk_widget_get_parent (parent))
    {
      GtkWidget *content;
      GtkAdjustment *hadjustment, *vadjustment;
      graphene_point_t origin;

      if (!GTK_IS_VIEWPORT (parent))
        continue;

      content = gtk_viewport_get_child (GTK_VIEWPORT (parent));
      if (content == NULL ||
          !gtk_widget_compute_point (from, content, &rect.origin, &origin))
        return;

      hadjustment = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (parent));
      vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (parent));
      if (hadjustment != NULL)
        show_range (hadjustment, origin.x, rect.size.width);
      if (vadjustment != NULL)
        show_range (vadjustment, origin.y, rect.size.height);

      /* Where it is in the viewport now, for the ancestors' turn. */
      rect.origin.x = origin.x - (hadjustment != NULL ? gtk_adjustment_get_value (hadjustment) : 0);
      rect.origin.y = origin.y - (vadjustment != NULL ? gtk_adjustment_get_value (vadjustment) : 0);
      from = parent;
    }
}

/* Selects the text link [@start, @end) and scrolls it into view. */
static void
select_text_link (GtkTextView       *view,
                  const GtkTextIter *start,
                  const GtkTextIter *end)
{
  GdkRectangle first, last;
  int x, y;

  gtk_text_buffer_select_range (gtk_text_view_get_buffer (view), start, end);

  gtk_text_view_get_iter_location (view, start, &first);
  gtk_text_view_get_iter_location (view, end, &last);
  gtk_text_view_buffer_to_window_coords (view, GTK_TEXT_WINDOW_WIDGET, first.x, first.y, &x, &y);
  scroll_rect_into_view (GTK_WIDGET (view),
                         GRAPHENE_RECT_INIT (x, y,
                                             last.y == first.y ? MAX (last.x - first.x, 1) : 1,
                                             MAX (last.y + last.height - first.y, first.height)));
}

/* The next link of a text view after its selection (before it, when
 * @backward), or from its cursor when nothing is selected; %FALSE past the
 * last. */
static gboolean
text_view_step_link (GtkTextView *view,
                     gboolean     backward)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter sel_start, sel_end, iter, start, end;
  gboolean has_selection = gtk_text_buffer_get_selection_bounds (buffer, &sel_start, &sel_end);
  GtkTextTag *tag;

  iter = backward ? sel_start : sel_end;

  /* From the cursor, a link starting right there is the next. */
  if (!has_selection && !backward &&
      (tag = find_link_tag (&iter)) != NULL && gtk_text_iter_starts_tag (&iter, tag))
    {
      start = iter;
      end = iter;
      gtk_text_iter_forward_to_tag_toggle (&end, tag);
    }
  else if (!find_next_link (&iter, backward, &start, &end))
    {
      return FALSE;
    }

  select_text_link (view, &start, &end);
  return TRUE;
}

/* A table label's link @index: its range in characters, as the label
 * selects. */
static void
table_link_range (GtkLabel *label,
                  guint     index,
                  int      *start,
                  int      *end)
{
  GPtrArray *links = g_object_get_data (G_OBJECT (label), "ivc-links");
  const TableLink *link = g_ptr_array_index (links, index);
  const char *text = gtk_label_get_text (label);

  *start = g_utf8_pointer_to_offset (text, text + link->start);
  *end = g_utf8_pointer_to_offset (text, text + link->end);
}

/* The link of a table label that is selected, or that holds its cursor
 * when @containing; -1 if none. */
static int
table_current_link (GtkLabel *label,
                    gboolean  containing)
{
  GPtrArray *links = g_object_get_data (G_OBJECT (label), "ivc-links");
  int sel_start = 0, sel_end = 0;

  if (links == NULL)
    return -1;

  gtk_label_get_selection_bounds (label, &sel_start, &sel_end);
  for (guint i = 0; i < links->len; i++)
    {
      int start, end;

      table_link_range (label, i, &start, &end);
      if ((sel_start == start && sel_end == end) ||
          (containing && sel_start == sel_end && sel_start >= start && sel_start < end))
        return i;
    }

  return -1;
}

/* Selects a table label's link @index and scrolls it into view, sideways
 * in its table and in the pane. */
static void
select_table_link (GtkLabel *label,
                   guint     index)
{
  GPtrArray *links = g_object_get_data (G_OBJECT (label), "ivc-links");
  const TableLink *link = g_ptr_array_index (links, index);
  PangoLayout *layout = gtk_label_get_layout (label);
  PangoRectangle first, last;
  int start, end, ox, oy;

  table_link_range (label, index, &start, &end);
  gtk_label_select_region (label, start, end);

  pango_layout_index_to_pos (layout, link->start, &first);
  pango_layout_index_to_pos (layout, link->end, &last);
  gtk_label_get_layout_offsets (label, &ox, &oy);
  scroll_rect_into_view (GTK_WIDGET (label),
                         GRAPHENE_RECT_INIT (ox + first.x / PANGO_SCALE,
                                             oy + first.y / PANGO_SCALE,
                                             MAX ((last.x - first.x) / PANGO_SCALE, 1),
                                             first.height / PANGO_SCALE));
}

/* What of a child of the view takes the focus: a code block's or a
 * table's label (or long code's text view) inside its scroller. */
static GtkWidget *
focus_target (GtkWidget *child)
{
  if (GTK_IS_SCROLLED_WINDOW (child))
    child = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (child));
  if (child != NULL && GTK_IS_VIEWPORT (child))
    child = gtk_viewport_get_child (GTK_VIEWPORT (child));
  if (child == NULL || !gtk_widget_get_focusable (child) || !gtk_widget_get_visible (child))
    return NULL;

  return child;
}

static gboolean
is_table_label (GtkWidget *target)
{
  return GTK_IS_LABEL (target) && g_object_get_data (G_OBJECT (target), "ivc-links") != NULL;
}

/* Moves to the next link within @target, which has the focus. */
static gboolean
step_within (GtkWidget *target,
             gboolean   backward)
{
  if (GTK_IS_TEXT_VIEW (target) && gtk_widget_has_css_class (target, "markdown-text"))
    return text_view_step_link (GTK_TEXT_VIEW (target), backward);

  if (is_table_label (target))
    {
      GPtrArray *links = g_object_get_data (G_OBJECT (target), "ivc-links");
      int current = table_current_link (GTK_LABEL (target), FALSE);
      int next;

      if (current < 0)
        next = backward ? -1 : 0;
      else
        next = current + (backward ? -1 : 1);
      if (next < 0 || next >= (int) links->len)
        return FALSE;

      select_table_link (GTK_LABEL (target), next);
      return TRUE;
    }

  return FALSE;
}

/* The focus comes to @target from before it (after it, when @backward):
 * to its first (last) link if it has any, else to the whole of it. */
static void
enter_target (GtkWidget *target,
              gboolean   backward)
{
  gtk_widget_grab_focus (target);

  if (GTK_IS_TEXT_VIEW (target) && gtk_widget_has_css_class (target, "markdown-text"))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (target));
      GtkTextIter iter;

      if (backward)
        gtk_text_buffer_get_end_iter (buffer, &iter);
      else
        gtk_text_buffer_get_start_iter (buffer, &iter);
      gtk_text_buffer_select_range (buffer, &iter, &iter);
      text_view_step_link (GTK_TEXT_VIEW (target), backward);
    }
  else if (is_table_label (target))
    {
      GPtrArray *links = g_object_get_data (G_OBJECT (target), "ivc-links");

      select_table_link (GTK_LABEL (target), backward ? links->len - 1 : 0);
    }
}

/* Leaving @target: no link is left selected. */
static void
leave_target (GtkWidget *target)
{
  if (GTK_IS_TEXT_VIEW (target) && gtk_widget_has_css_class (target, "markdown-text"))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (target));
      GtkTextIter start, end;

      if (gtk_text_buffer_get_selection_bounds (buffer, &start, &end) && find_link_tag (&start) != NULL)
        gtk_text_buffer_select_range (buffer, &end, &end);
    }
  else if (is_table_label (target) && table_current_link (GTK_LABEL (target), FALSE) >= 0)
    {
      gtk_label_select_region (GTK_LABEL (target), 0, 0);
    }
}

/* The keyboard reaches links as it does a label's, across the whole text:
 * Tab and Shift+Tab go from link to link, through the flowing text and the
 * cells of tables alike, then on out of the view; a text without links, a
 * code block, is one stop. Enter opens the link (see the key handlers). */
static gboolean
ivc_markdown_view_focus (GtkWidget        *widget,
                         GtkDirectionType  direction)
{
  GtkWidget *focus_child = gtk_widget_get_focus_child (widget);
  gboolean backward = direction == GTK_DIR_TAB_BACKWARD;
  GtkWidget *child;

  if (direction != GTK_DIR_TAB_FORWARD && direction != GTK_DIR_TAB_BACKWARD)
    return GTK_WIDGET_CLASS (ivc_markdown_view_parent_class)->focus (widget, direction);

  if (focus_child != NULL)
    {
      GtkWidget *target = focus_target (focus_child);

      if (target != NULL && gtk_widget_has_focus (target) && step_within (target, backward))
        return TRUE;
      if (target != NULL)
        leave_target (target);
      child = backward ? gtk_widget_get_prev_sibling (focus_child) : gtk_widget_get_next_sibling (focus_child);
    }
  else
    {
      child = backward ? gtk_widget_get_last_child (widget) : gtk_widget_get_first_child (widget);
    }

  for (; child != NULL; child = backward ? gtk_widget_get_prev_sibling (child) : gtk_widget_get_next_sibling (child))
    {
      GtkWidget *target = focus_target (child);

      if (target != NULL && gtk_widget_is_sensitive (target))
        {
          enter_target (target, backward);
          return TRUE;
        }
    }

  return FALSE;
}

/* Enter opens the link selected or under the cursor. */
static gboolean
on_flow_key_pressed_cb (GtkEventControllerKey *controller,
                        guint                  keyval,
                        guint                  keycode,
                        GdkModifierType        state,
                        IvcMarkdownView       *self)
{
  GtkWidget *view = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  GtkTextIter sel_start, sel_end;
  gboolean has_selection = gtk_text_buffer_get_selection_bounds (buffer, &sel_start, &sel_end);

  state &= gtk_accelerator_get_default_mod_mask ();

  if ((keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter || keyval == GDK_KEY_ISO_Enter) && state == 0)
    {
      GtkTextTag *tag;

      if (!has_selection)
        gtk_text_buffer_get_iter_at_mark (buffer, &sel_start, gtk_text_buffer_get_insert (buffer));
      tag = find_link_tag (&sel_start);
      if (tag != NULL)
        {
          g_autofree char *uri = g_strdup (g_object_get_data (G_OBJECT (tag), "ivc-link"));
          gboolean handled = FALSE;

          g_signal_emit (self, signals[ACTIVATE_LINK], 0, uri, &handled);
          return GDK_EVENT_STOP;
        }
    }

  return GDK_EVENT_PROPAGATE;
}

/* A table's label: Enter opens its link selected or under the cursor
 * (the label's own handler would activate the window's default). */
static gboolean
on_table_key_pressed_cb (GtkEventControllerKey *controller,
                         guint                  keyval,
                         guint                  keycode,
                         GdkModifierType        state,
                         IvcMarkdownView       *self)
{
  GtkWidget *label = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  int current;

  state &= gtk_accelerator_get_default_mod_mask ();

  if ((keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter || keyval == GDK_KEY_ISO_Enter) && state == 0 &&
      (current = table_current_link (GTK_LABEL (label), TRUE)) >= 0)
    {
      GPtrArray *links = g_object_get_data (G_OBJECT (label), "ivc-links");
      const TableLink *link = g_ptr_array_index (links, current);
      g_autofree char *uri = g_strdup (link->uri);
      gboolean handled = FALSE;

      g_signal_emit (self, signals[ACTIVATE_LINK], 0, uri, &handled);
      return GDK_EVENT_STOP;
    }

  return GDK_EVENT_PROPAGATE;
}

/* Links under @widget (a text view, or a table's label) open on a click. */
static void
add_link_controllers (IvcMarkdownView *self,
                      GtkWidget       *widget)
{
  GtkEventController *click;
  GtkEventController *motion;

  click = gtk_event_controller_legacy_new ();
  gtk_event_controller_set_propagation_phase (click, GTK_PHASE_CAPTURE);
  g_signal_connect_object (click, "event", G_CALLBACK (on_flow_event_cb), self, 0);
  gtk_widget_add_controller (widget, click);

  motion = gtk_event_controller_motion_new ();
  g_signal_connect_object (motion, "motion", G_CALLBACK (on_flow_motion_cb), self, 0);
  gtk_widget_add_controller (widget, motion);
}

static GtkTextBuffer *
ensure_flow (IvcMarkdownView *self)
{
  if (self->flow != NULL)
    return self->flow_buffer;

  if (self->spare_flows != NULL && self->spare_flows->len > 0)
    {
      self->flow = g_ptr_array_steal_index (self->spare_flows, self->spare_flows->len - 1);
      g_object_force_floating (G_OBJECT (self->flow));
    }
  else
    {
      self->flow = new_text_view ("markdown-text");
      gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (self->flow), GTK_WRAP_WORD_CHAR);
      add_link_controllers (self, self->flow);
      {
        GtkEventController *keys = gtk_event_controller_key_new ();

        gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
        g_signal_connect_object (keys, "key-pressed", G_CALLBACK (on_flow_key_pressed_cb), self, 0);
        gtk_widget_add_controller (self->flow, keys);
      }
    }

  gtk_widget_set_parent (self->flow, GTK_WIDGET (self));
  if (self->first_height > 0)
    {
      /* A text view lays its text out only once it is given a width, and
       * then only as far down as it is tall; its height before that is a
       * guess. Allocated this tall in the first frame, it lays out all of
       * what is in sight at once, and then takes its own height within
       * the same frame (see on_first_layout_cb ()): the pane is drawn
       * final in one frame rather than growing over several. */
      gtk_widget_set_size_request (self->flow, -1, self->first_height);
      g_object_set_data (G_OBJECT (self->flow), "ivc-first-layout", GINT_TO_POINTER (TRUE));
    }

  /* Filled first, then given to the view: a buffer the view shows has
   * each insertion and tag laid out again. */
  self->flow_buffer = gtk_text_buffer_new (NULL);

  return self->flow_buffer;
}

static void
end_flow (IvcMarkdownView *self)
{
  if (self->flow != NULL)
    gtk_text_view_set_buffer (GTK_TEXT_VIEW (self->flow), self->flow_buffer);
  g_clear_object (&self->flow_buffer);
  self->flow = NULL;
}

static void
apply_run_tags (IvcMarkdownView      *self,
                const IvcMarkdown    *md,
                GtkTextBuffer        *buffer,
                const IvcMarkdownRun *run,
                GtkTextIter          *start,
                GtkTextIter          *end)
{
  if (run->style & IVC_MARKDOWN_STYLE_EMPHASIS)
    gtk_text_buffer_apply_tag (buffer, ensure_tag (self, buffer, "emphasis"), start, end);
  if (run->style & IVC_MARKDOWN_STYLE_STRONG)
    gtk_text_buffer_apply_tag (buffer, ensure_tag (self, buffer, "strong"), start, end);
  if (run->style & IVC_MARKDOWN_STYLE_STRIKETHROUGH)
    gtk_text_buffer_apply_tag (buffer, ensure_tag (self, buffer, "strikethrough"), start, end);
  if (run->style & IVC_MARKDOWN_STYLE_CODE)
    gtk_text_buffer_apply_tag (buffer, ensure_tag (self, buffer, "code"), start, end);
  if (run->style & IVC_MARKDOWN_STYLE_LINK)
    {
      GtkTextTag *link = gtk_text_buffer_create_tag (buffer, NULL, NULL);

      g_object_set_data_full (G_OBJECT (link), "ivc-link",
                              g_strdup (ivc_markdown_get_link (md, run->link)), g_free);
      gtk_text_buffer_apply_tag (buffer, ensure_tag (self, buffer, "link"), start, end);
      gtk_text_buffer_apply_tag (buffer, link, start, end);
    }
}

/* One layout measures what a text needs measured: each new one costs a
 * Pango context of its own. */
static PangoLayout *
ensure_measure (IvcMarkdownView *self)
{
  if (self->measure == NULL)
    self->measure = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);

  return self->measure;
}

/* The width of a list marker and the space after it, for the hanging
 * indent of its item. */
static int
measure_marker (IvcMarkdownView *self,
                const char      *marker)
{
  g_autoptr(PangoLayout) layout = NULL;
  gpointer cached;
  int width;

  if (g_hash_table_lookup_extended (self->marker_widths, marker, NULL, &cached))
    return GPOINTER_TO_INT (cached);

  layout = g_object_ref (ensure_measure (self));
  pango_layout_set_attributes (layout, NULL);
  pango_layout_set_text (layout, marker, -1);
  pango_layout_get_pixel_size (layout, &width, NULL);
  g_hash_table_insert (self->marker_widths, g_strdup (marker), GINT_TO_POINTER (width));

  return width;
}

static void
add_flow_block (IvcMarkdownView        *self,
                const IvcMarkdown      *md,
                const IvcMarkdownBlock *block)
{
  GtkTextBuffer *buffer = ensure_flow (self);
  const char *text = ivc_markdown_get_text (md);
  GtkTextIter end;
  int start_offset;
  int margin = block->depth * INDENT_PIXELS;
  int indent = 0;

  gtk_text_buffer_get_end_iter (buffer, &end);
  if (gtk_text_buffer_get_char_count (buffer) > 0)
    gtk_text_buffer_insert (buffer, &end, block->gap ? "\n\n" : "\n", -1);
  start_offset = gtk_text_iter_get_offset (&end);

  if (block->bullet != NULL)
    {
      g_autofree char *marker = g_strconcat (block->bullet, " ", NULL);
      int width = measure_marker (self, marker);

      gtk_text_buffer_insert (buffer, &end, marker, -1);
      /* The marker hangs left of the item's text; a wide one (“100.”)
       * pushes the text right rather than out of the view. */
      margin = MAX (margin, (int)(block->depth - 1) * INDENT_PIXELS + width);
      indent = -width;
    }

  for (guint i = 0; i < block->n_runs; i++)
    {
      const IvcMarkdownRun *run = ivc_markdown_get_run (md, block->first_run + i);
      int run_start = gtk_text_iter_get_offset (&end);
      GtkTextIter start;

      gtk_text_buffer_insert (buffer, &end, text + run->start, run->length);
      gtk_text_buffer_get_iter_at_offset (buffer, &start, run_start);
      apply_run_tags (self, md, buffer, run, &start, &end);
    }

  {
    GtkTextIter start;

    gtk_text_buffer_get_iter_at_offset (buffer, &start, start_offset);
    if (margin > 0)
      gtk_text_buffer_apply_tag (buffer, ensure_margin_tag (self, buffer, margin, indent), &start, &end);
    if (block->kind == IVC_MARKDOWN_BLOCK_HEADING)
      {
        char name[32];

        g_snprintf (name, sizeof name, "heading-%u", block->heading_level);
        gtk_text_buffer_apply_tag (buffer, ensure_tag (self, buffer, name), &start, &end);
      }
    if (block->quote_depth > 0)
      gtk_text_buffer_apply_tag (buffer, ensure_tag (self, buffer, "quote"), &start, &end);
  }
}

static void
add_child (IvcMarkdownView        *self,
           GtkWidget              *child,
           const IvcMarkdownBlock *block)
{
  end_flow (self);
  gtk_widget_set_margin_start (child, block->depth * INDENT_PIXELS);
  gtk_widget_set_parent (child, GTK_WIDGET (self));
}

/* Code keeps its lines and indentation: it scrolls sideways rather than
 * wrapping back to the margin. */
static void
add_code_block (IvcMarkdownView        *self,
                const IvcMarkdown      *md,
                const IvcMarkdownBlock *block)
{
  GtkWidget *scroller;
  g_autoptr(GString) code = g_string_new (NULL);
  GtkWidget *label;
  guint n_lines = 1;

  for (guint i = 0; i < block->n_runs; i++)
    {
      const IvcMarkdownRun *run = ivc_markdown_get_run (md, block->first_run + i);

      g_string_append_len (code, ivc_markdown_get_text (md) + run->start, run->length);
    }
  for (const char *p = code->str; (p = strchr (p, '\n')) != NULL; p++)
    n_lines++;

  if (n_lines <= CODE_MAX_LINES && self->spare_codes != NULL && self->spare_codes->len > 0)
    {
      GtkAdjustment *hadjustment;

      /* Kept from the last text: only its text changes. */
      scroller = g_ptr_array_steal_index (self->spare_codes, self->spare_codes->len - 1);
      g_object_force_floating (G_OBJECT (scroller));
      label = g_object_get_data (G_OBJECT (scroller), "ivc-code-label");
      gtk_label_set_text (GTK_LABEL (label), code->str);
      gtk_label_select_region (GTK_LABEL (label), 0, 0);
      hadjustment = gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (scroller));
      gtk_adjustment_set_value (hadjustment, gtk_adjustment_get_lower (hadjustment));
      add_child (self, scroller, block);
      return;
    }

  scroller = gtk_scrolled_window_new ();
  if (n_lines <= CODE_MAX_LINES)
    {
      /* A label measures its height exactly (a text view does not, for a
       * width it has not had yet), never wraps here, and is selectable. */
      label = gtk_label_new (NULL);
      gtk_label_set_use_markup (GTK_LABEL (label), FALSE);
      gtk_label_set_use_underline (GTK_LABEL (label), FALSE);
      gtk_label_set_text (GTK_LABEL (label), code->str);
      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap (GTK_LABEL (label), FALSE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_yalign (GTK_LABEL (label), 0);
      gtk_widget_set_margin_start (label, 12);
      gtk_widget_set_margin_end (label, 12);
      gtk_widget_set_margin_top (label, 8);
      gtk_widget_set_margin_bottom (label, 8);
      gtk_widget_add_css_class (label, "monospace");
      g_object_set_data (G_OBJECT (scroller), "ivc-code-label", label);

      /* Code scrolls sideways rather than wrapping back to the margin. */
      gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_AUTOMATIC, GTK_POLICY_NEVER);
      gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
    }
  else
    {
      /* A long block is a text view of a fixed height that scrolls both
       * ways: it lays out and draws only what is in view, where a label
       * would lay out every line (seconds for a megabyte). */
      GtkTextIter end;

      label = new_text_view ("monospace");
      gtk_text_view_set_monospace (GTK_TEXT_VIEW (label), TRUE);
      gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (label), GTK_WRAP_NONE);
      gtk_text_view_set_left_margin (GTK_TEXT_VIEW (label), 12);
      gtk_text_view_set_right_margin (GTK_TEXT_VIEW (label), 12);
      gtk_text_view_set_top_margin (GTK_TEXT_VIEW (label), 8);
      gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (label), 8);
      gtk_text_buffer_get_end_iter (gtk_text_view_get_buffer (GTK_TEXT_VIEW (label)), &end);
      gtk_text_buffer_insert (gtk_text_view_get_buffer (GTK_TEXT_VIEW (label)), &end, code->str, code->len);

      gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_AUTOMATIC, GTK_POLICY_AUTOMATIC);
      gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), CODE_LONG_HEIGHT);
    }

  gtk_widget_add_css_class (label, "markdown-code");
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), label);
  gtk_widget_add_css_class (scroller, "markdown-code-block");
  add_child (self, scroller, block);
}

static void
add_rule (IvcMarkdownView        *self,
          const IvcMarkdownBlock *block)
{
  GtkWidget *separator = gtk_separator_new (GTK_ORIENTATION_HORIZONTAL);

  gtk_widget_set_margin_top (separator, 6);
  gtk_widget_set_margin_bottom (separator, 6);
  add_child (self, separator, block);
}

/* The Pango attributes of a run's style over [@start, @end) of @attributes'
 * text: attributes, not markup, so the text is shown as written. */
static void
add_run_attributes (PangoAttrList    *attributes,
                    IvcMarkdownStyle  style,
                    guint             start,
                    guint             end)
{
  PangoAttribute *attribute;

#define ADD_ATTRIBUTE(expression) \
  G_STMT_START { \
    attribute = (expression); \
    attribute->start_index = start; \
    attribute->end_index = end; \
    pango_attr_list_insert (attributes, attribute); \
  } G_STMT_END

  if (style & IVC_MARKDOWN_STYLE_EMPHASIS)
    ADD_ATTRIBUTE (pango_attr_style_new (PANGO_STYLE_ITALIC));
  if (style & IVC_MARKDOWN_STYLE_STRONG)
    ADD_ATTRIBUTE (pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  if (style & IVC_MARKDOWN_STYLE_STRIKETHROUGH)
    ADD_ATTRIBUTE (pango_attr_strikethrough_new (TRUE));
  if (style & IVC_MARKDOWN_STYLE_CODE)
    ADD_ATTRIBUTE (pango_attr_family_new ("monospace"));
  if (style & IVC_MARKDOWN_STYLE_LINK)
    ADD_ATTRIBUTE (pango_attr_underline_new (PANGO_UNDERLINE_SINGLE));

#undef ADD_ATTRIBUTE
}

/**
 * ivc_markdown_append_pango:
 * @md: a parsed text
 * @block: one of its blocks
 * @text: where the block's text is appended
 * @attributes: where the Pango attributes of its styles are added, at
 *   @text's byte offsets
 *
 * A block as text with Pango attributes, for what draws with Pango (the
 * printed scorecard): never markup, so the text is shown as written. A
 * heading is bold, a code block monospace.
 */
void
ivc_markdown_append_pango (const IvcMarkdown      *md,
                           const IvcMarkdownBlock *block,
                           GString                *text,
                           PangoAttrList          *attributes)
{
  guint block_start = text->len;

  g_return_if_fail (md != NULL);
  g_return_if_fail (block != NULL);
  g_return_if_fail (text != NULL);
  g_return_if_fail (attributes != NULL);

  for (guint i = 0; i < block->n_runs; i++)
    {
      const IvcMarkdownRun *run = ivc_markdown_get_run (md, block->first_run + i);
      guint start = text->len;

      g_string_append_len (text, ivc_markdown_get_text (md) + run->start, run->length);
      add_run_attributes (attributes, run->style, start, text->len);
    }

  if (block->kind == IVC_MARKDOWN_BLOCK_CODE)
    add_run_attributes (attributes, IVC_MARKDOWN_STYLE_CODE, block_start, text->len);
  else if (block->kind == IVC_MARKDOWN_BLOCK_HEADING || block->header)
    add_run_attributes (attributes, IVC_MARKDOWN_STYLE_STRONG, block_start, text->len);
}

/* Columns of a table are this far apart. */
#define TABLE_COLUMN_SPACING 18
/* A table this wide at most fits the pane at a 360 px window. */
#define TABLE_FLOW_WIDTH 280

/* The cells @index to @last - 1 of a narrow table, as lines of the flowing
 * text with tab stops between the cells. */
static void
add_table_to_flow (IvcMarkdownView        *self,
                   const IvcMarkdown      *md,
                   const IvcMarkdownBlock *first,
                   guint                   index,
                   guint                   last,
                   gboolean                lead_tab,
                   PangoTabArray          *tabs)
{
  GtkTextBuffer *buffer = ensure_flow (self);
  const char *source = ivc_markdown_get_text (md);
  GtkTextTag *table_tag;
  GtkTextIter end;
  int start_offset;
  guint row = first->row;

  gtk_text_buffer_get_end_iter (buffer, &end);
  if (gtk_text_buffer_get_char_count (buffer) > 0)
    gtk_text_buffer_insert (buffer, &end, "\n\n", -1);
  start_offset = gtk_text_iter_get_offset (&end);

  for (guint i = index; i < last; i++)
    {
      const IvcMarkdownBlock *cell = ivc_markdown_get_block (md, i);
      int cell_start;

      if (cell->row != row)
        gtk_text_buffer_insert (buffer, &end, "\n", 1);
      row = cell->row;
      if (cell->column > 0 || lead_tab)
        gtk_text_buffer_insert (buffer, &end, "\t", 1);

      cell_start = gtk_text_iter_get_offset (&end);
      for (guint j = 0; j < cell->n_runs; j++)
        {
          const IvcMarkdownRun *run = ivc_markdown_get_run (md, cell->first_run + j);
          int run_start = gtk_text_iter_get_offset (&end);
          g_autofree char *piece = g_strndup (source + run->start, run->length);
          GtkTextIter start;

          /* A cell is one line. */
          g_strdelimit (piece, "\n\t", ' ');
          gtk_text_buffer_insert (buffer, &end, piece, -1);
          gtk_text_buffer_get_iter_at_offset (buffer, &start, run_start);
          apply_run_tags (self, md, buffer, run, &start, &end);
        }
      if (cell->header)
        {
          GtkTextIter start;

          gtk_text_buffer_get_iter_at_offset (buffer, &start, cell_start);
          gtk_text_buffer_apply_tag (buffer, ensure_tag (self, buffer, "strong"), &start, &end);
        }
    }

  /* Its own tab stops; the rows a little apart, as a grid's would be. */
  table_tag = gtk_text_buffer_create_tag (buffer, NULL,
                                          "tabs", tabs,
                                          "wrap-mode", GTK_WRAP_NONE,
                                          "pixels-below-lines", 6,
                                          NULL);
  {
    GtkTextIter start;
    int margin = MIN (first->depth, IVC_MARKDOWN_MAX_DEPTH) * INDENT_PIXELS;

    gtk_text_buffer_get_iter_at_offset (buffer, &start, start_offset);
    gtk_text_buffer_apply_tag (buffer, table_tag, &start, &end);
    if (margin > 0)
      gtk_text_buffer_apply_tag (buffer, ensure_margin_tag (self, buffer, margin, 0), &start, &end);
    if (first->quote_depth > 0)
      gtk_text_buffer_apply_tag (buffer, ensure_tag (self, buffer, "quote"), &start, &end);
  }
}

/* A table: its cells are the blocks from @index on that share its number.
 * It is one selectable label, a line a row and a tab before each column,
 * with tab stops measured to the widest cell of each column: a widget per
 * cell made a table the dearest thing to draw. Returns the index of the
 * last cell. */
static guint
add_table (IvcMarkdownView   *self,
           const IvcMarkdown *md,
           guint              index)
{
  const IvcMarkdownBlock *first = ivc_markdown_get_block (md, index);
  const char *source = ivc_markdown_get_text (md);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GArray) widths = g_array_new (FALSE, TRUE, sizeof (int));
  g_autoptr(GArray) aligns = g_array_new (FALSE, TRUE, sizeof (IvcMarkdownAlign));
  g_autoptr(GPtrArray) links = g_ptr_array_new_with_free_func (table_link_free);
  PangoLayout *layout = ensure_measure (self);
  g_autoptr(GString) measured = g_string_new (NULL);
  g_autoptr(GArray) columns = g_array_new (FALSE, FALSE, sizeof (guint));
  PangoAttrList *measured_attributes = pango_attr_list_new ();
  PangoAttrList *attributes = pango_attr_list_new ();
  PangoTabArray *tabs;
  GtkWidget *scroller;
  GtkWidget *label;
  gboolean lead_tab = FALSE;
  guint row = first->row;
  guint n_tabs;
  guint i;
  int x;

  /* A first column aligned right or centred needs a tab of its own. */
  for (i = index; i < ivc_markdown_get_n_blocks (md); i++)
    {
      const IvcMarkdownBlock *cell = ivc_markdown_get_block (md, i);

      if (cell->kind != IVC_MARKDOWN_BLOCK_TABLE_CELL || cell->table != first->table)
        break;
      if (cell->column == 0 && (cell->align == IVC_MARKDOWN_ALIGN_CENTER || cell->align == IVC_MARKDOWN_ALIGN_RIGHT))
        lead_tab = TRUE;
    }

  for (i = index; i < ivc_markdown_get_n_blocks (md); i++)
    {
      const IvcMarkdownBlock *cell = ivc_markdown_get_block (md, i);
      PangoAttrList *cell_attributes;
      guint cell_start;

      if (cell->kind != IVC_MARKDOWN_BLOCK_TABLE_CELL || cell->table != first->table)
        break;

      if (cell->column >= widths->len)
        {
          g_array_set_size (widths, cell->column + 1);
          g_array_set_size (aligns, cell->column + 1);
        }
      g_array_index (aligns, IvcMarkdownAlign, cell->column) = cell->align;

      if (cell->row != row)
        g_string_append_c (text, '\n');
      row = cell->row;
      if (cell->column > 0 || lead_tab)
        g_string_append_c (text, '\t');

      cell_start = text->len;
      cell_attributes = pango_attr_list_new ();
      for (guint j = 0; j < cell->n_runs; j++)
        {
          const IvcMarkdownRun *run = ivc_markdown_get_run (md, cell->first_run + j);
          guint start = text->len - cell_start;

          /* A cell is one line. */
          for (gsize k = 0; k < run->length; k++)
            {
              char c = source[run->start + k];

              g_string_append_c (text, c == '\n' || c == '\t' ? ' ' : c);
            }
          add_run_attributes (cell_attributes, run->style, start, text->len - cell_start);
          if (run->style & IVC_MARKDOWN_STYLE_LINK && ivc_markdown_get_link (md, run->link) != NULL)
            {
              TableLink *link = g_new0 (TableLink, 1);

              link->start = cell_start + start;
              link->end = text->len;
              link->uri = g_strdup (ivc_markdown_get_link (md, run->link));
              g_ptr_array_add (links, link);

              /* Coloured as the text's links are. */
              {
                PangoAttribute *color;
                GdkRGBA rgba;

                gdk_rgba_parse (&rgba, self->dark ? "#78aeed" : "#1c71d8");
                color = pango_attr_foreground_new (rgba.red * 0xffff, rgba.green * 0xffff, rgba.blue * 0xffff);
                color->start_index = start;
                color->end_index = text->len - cell_start;
                pango_attr_list_insert (cell_attributes, color);
              }
            }
        }
      if (cell->header)
        {
          PangoAttribute *bold = pango_attr_weight_new (PANGO_WEIGHT_BOLD);

          bold->start_index = 0;
          bold->end_index = text->len - cell_start;
          pango_attr_list_insert_before (cell_attributes, bold);
        }

      /* Measured all at once, a line a cell: one layout is cheaper than
       * one for each cell. */
      if (columns->len > 0)
        g_string_append_c (measured, '\n');
      pango_attr_list_splice (measured_attributes, cell_attributes, measured->len, 0);
      g_string_append_len (measured, text->str + cell_start, text->len - cell_start);
      g_array_append_val (columns, cell->column);

      pango_attr_list_splice (attributes, cell_attributes, cell_start, 0);
      pango_attr_list_unref (cell_attributes);
    }

  pango_layout_set_text (layout, measured->str, measured->len);
  pango_layout_set_attributes (layout, measured_attributes);
  pango_attr_list_unref (measured_attributes);
  for (guint line = 0; line < columns->len && line < (guint) pango_layout_get_line_count (layout); line++)
    {
      guint column = g_array_index (columns, guint, line);
      PangoRectangle logical;

      pango_layout_line_get_pixel_extents (pango_layout_get_line_readonly (layout, line), NULL, &logical);
      g_array_index (widths, int, column) = MAX (g_array_index (widths, int, column), logical.width);
    }

  n_tabs = widths->len - (lead_tab ? 0 : 1);
  tabs = pango_tab_array_new (n_tabs, TRUE);
  x = 0;
  for (guint column = 0, tab = 0; column < widths->len; column++)
    {
      int width = g_array_index (widths, int, column);

      if (column > 0 || lead_tab)
        {
          switch (g_array_index (aligns, IvcMarkdownAlign, column))
            {
            case IVC_MARKDOWN_ALIGN_CENTER:
              pango_tab_array_set_tab (tabs, tab, PANGO_TAB_CENTER, x + width / 2);
              break;

            case IVC_MARKDOWN_ALIGN_RIGHT:
              pango_tab_array_set_tab (tabs, tab, PANGO_TAB_RIGHT, x + width);
              break;

            case IVC_MARKDOWN_ALIGN_DEFAULT:
            case IVC_MARKDOWN_ALIGN_LEFT:
            default:
              pango_tab_array_set_tab (tabs, tab, PANGO_TAB_LEFT, x);
              break;
            }
          tab++;
        }
      x += width + TABLE_COLUMN_SPACING;
    }

  /* A table that fits the narrowest pane is part of the flowing text:
   * no widget of its own, and its links work as the text's do. */
  if (x - TABLE_COLUMN_SPACING + (int) MIN (first->depth, IVC_MARKDOWN_MAX_DEPTH) * INDENT_PIXELS <= TABLE_FLOW_WIDTH)
    {
      add_table_to_flow (self, md, first, index, i, lead_tab, tabs);
      pango_tab_array_free (tabs);
      pango_attr_list_unref (attributes);
      return i - 1;
    }

  {
    /* The rows a little apart, as the grid's were. */
    PangoAttribute *spacing = pango_attr_line_height_new (1.35);

    pango_attr_list_insert_before (attributes, spacing);
  }

  label = gtk_label_new (NULL);
  gtk_label_set_use_markup (GTK_LABEL (label), FALSE);
  gtk_label_set_use_underline (GTK_LABEL (label), FALSE);
  gtk_label_set_text (GTK_LABEL (label), text->str);
  gtk_label_set_attributes (GTK_LABEL (label), attributes);
  gtk_label_set_tabs (GTK_LABEL (label), tabs);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_yalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "markdown-table");
  pango_tab_array_free (tabs);
  pango_attr_list_unref (attributes);
  if (links->len > 0)
    {
      g_object_set_data_full (G_OBJECT (label), "ivc-links",
                              g_steal_pointer (&links), (GDestroyNotify) g_ptr_array_unref);
      add_link_controllers (self, label);
      {
        GtkEventController *keys = gtk_event_controller_key_new ();

        gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
        g_signal_connect_object (keys, "key-pressed", G_CALLBACK (on_table_key_pressed_cb), self, 0);
        gtk_widget_add_controller (label, keys);
      }
    }

  /* A wide table scrolls sideways rather than wrapping. */
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_AUTOMATIC, GTK_POLICY_NEVER);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), label);
  add_child (self, scroller, first);

  return i - 1;
}

/* Paragraphs of unstyled text, as every bank had before Markdown. */
static gboolean
is_plain (const IvcMarkdown *md)
{
  for (guint i = 0; i < ivc_markdown_get_n_blocks (md); i++)
    {
      const IvcMarkdownBlock *block = ivc_markdown_get_block (md, i);

      if (block->kind != IVC_MARKDOWN_BLOCK_PARAGRAPH || block->depth > 0 || block->bullet != NULL)
        return FALSE;

      for (guint j = 0; j < block->n_runs; j++)
        {
          if (ivc_markdown_get_run (md, block->first_run + j)->style != 0)
            return FALSE;
        }
    }

  return TRUE;
}

/* Plain text is a label, as it was before Markdown: it looks exactly as it
 * did, to the pixel. */
static void
add_plain_label (IvcMarkdownView   *self,
                 const IvcMarkdown *md)
{
  g_autoptr(GString) text = g_string_new (NULL);
  GtkWidget *label;

  for (guint i = 0; i < ivc_markdown_get_n_blocks (md); i++)
    {
      const IvcMarkdownBlock *block = ivc_markdown_get_block (md, i);

      if (i > 0)
        g_string_append (text, block->gap ? "\n\n" : "\n");
      for (guint j = 0; j < block->n_runs; j++)
        {
          const IvcMarkdownRun *run = ivc_markdown_get_run (md, block->first_run + j);

          g_string_append_len (text, ivc_markdown_get_text (md) + run->start, run->length);
        }
    }

  label = gtk_label_new (NULL);
  gtk_label_set_use_markup (GTK_LABEL (label), FALSE);
  gtk_label_set_use_underline (GTK_LABEL (label), FALSE);
  gtk_label_set_text (GTK_LABEL (label), text->str);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_yalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "markdown-plain");
  gtk_widget_set_parent (label, GTK_WIDGET (self));
}

/* What is drawn at once fills the pane in sight with room to spare; the
 * rest of a long text follows once the first frames have shown the start
 * of it. A guess of each block's height in pixels is enough for that. */
#define FOLD_MARGIN 200
#define FOLD_DEFAULT 1500
/* The most a text view lays out in the first frame. */
#define FIRST_LAYOUT_MAX 4000

/* How far down the view is in sight: to the bottom of the pane that
 * scrolls it, or of the window. */
static int
fold_height (IvcMarkdownView *self)
{
  GtkWidget *viewport = gtk_widget_get_ancestor (GTK_WIDGET (self), GTK_TYPE_VIEWPORT);
  GtkWidget *bottom_of = viewport != NULL ? viewport : GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (self)));
  graphene_point_t bottom;

  if (bottom_of == NULL || gtk_widget_get_height (bottom_of) <= 0 || gtk_widget_get_width (GTK_WIDGET (self)) <= 0 ||
      !gtk_widget_compute_point (bottom_of, GTK_WIDGET (self),
                                 &GRAPHENE_POINT_INIT (0, gtk_widget_get_height (bottom_of)), &bottom))
    return FOLD_DEFAULT;

  return MAX (bottom.y, 0) + FOLD_MARGIN;
}

static int
estimate_height (const IvcMarkdown      *md,
                 const IvcMarkdownBlock *block,
                 int                     width)
{
  gsize length = 0;
  guint lines = 1;

  for (guint i = 0; i < block->n_runs; i++)
    {
      const IvcMarkdownRun *run = ivc_markdown_get_run (md, block->first_run + i);

      length += run->length;
      if (block->kind == IVC_MARKDOWN_BLOCK_CODE)
        {
          const char *text = ivc_markdown_get_text (md) + run->start;

          for (gsize j = 0; j < run->length; j++)
            lines += text[j] == '\n';
        }
    }

  switch (block->kind)
    {
    case IVC_MARKDOWN_BLOCK_CODE:
      return MIN (lines, CODE_MAX_LINES) * 20 + 28;

    case IVC_MARKDOWN_BLOCK_RULE:
      return 24;

    case IVC_MARKDOWN_BLOCK_TABLE_CELL:
      /* A cell's share of its row. */
      return 10;

    case IVC_MARKDOWN_BLOCK_PARAGRAPH:
    case IVC_MARKDOWN_BLOCK_HEADING:
    default:
      /* About 8 pixels a character (bytes: fewer characters, taller). */
      return (length / MAX (width / 8, 30) + 1) * 22 + 12;
    }
}

static void
cancel_first_layout (IvcMarkdownView *self)
{
  if (self->layout_id != 0 && g_signal_handler_is_connected (self->layout_clock, self->layout_id))
    g_signal_handler_disconnect (self->layout_clock, self->layout_id);
  self->layout_id = 0;
  g_clear_object (&self->layout_clock);
}

/* The layout phase of the first frame has allocated the text views in
 * sight their provisional height, and they have laid out their text for
 * it: now they take their own, and the frame clock lays the pane out again
 * before it paints. */
static void
on_first_layout_cb (GdkFrameClock   *clock,
                    IvcMarkdownView *self)
{
  gboolean pending = FALSE;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (g_object_get_data (G_OBJECT (child), "ivc-first-layout") == NULL)
        continue;
      if (gtk_widget_get_width (child) <= 0)
        {
          pending = TRUE;
          continue;
        }
      g_object_set_data (G_OBJECT (child), "ivc-first-layout", NULL);
      gtk_widget_set_size_request (child, -1, -1);
    }

  if (!pending)
    cancel_first_layout (self);
}

static void
cancel_rest (IvcMarkdownView *self)
{
  /* A destroyed window's clock has dropped its handlers already. */
  if (self->rest_paint_id != 0 && g_signal_handler_is_connected (self->rest_clock, self->rest_paint_id))
    g_signal_handler_disconnect (self->rest_clock, self->rest_paint_id);
  self->rest_paint_id = 0;
  g_clear_object (&self->rest_clock);
  g_clear_handle_id (&self->rest_idle_id, g_source_remove);
  g_clear_handle_id (&self->rest_timeout_id, g_source_remove);
  g_clear_pointer (&self->rest, ivc_markdown_free);
}

/* Draws the blocks of @md from @first on. With @defer, stops before a code
 * block or rule once the pane is filled, and returns the block it stopped
 * at; otherwise (or at the end) returns the number of blocks. */
static guint
render_blocks (IvcMarkdownView   *self,
               const IvcMarkdown *md,
               guint              first,
               gboolean           defer)
{
  int fold = defer ? fold_height (self) : G_MAXINT;
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = 0;
  guint i;

  for (i = first; i < ivc_markdown_get_n_blocks (md); i++)
    {
      const IvcMarkdownBlock *block = ivc_markdown_get_block (md, i);

      /* Only where a new widget starts anyway: the flowing text before
       * and after stays one text, selectable across. */
      if (defer && height > fold &&
          (block->kind == IVC_MARKDOWN_BLOCK_CODE || block->kind == IVC_MARKDOWN_BLOCK_RULE))
        break;
      /* Nor is a text that would start out of sight after a code block or
       * rule (a new widget anyway) drawn at once. */
      if (defer && height > fold - FOLD_MARGIN && i > first && self->flow == NULL)
        break;
      /* A text view that starts out of sight lays out later. */
      if (height > fold - FOLD_MARGIN)
        self->first_height = 0;
      height += estimate_height (md, block, width);

      switch (block->kind)
        {
        case IVC_MARKDOWN_BLOCK_CODE:
          add_code_block (self, md, block);
          break;

        case IVC_MARKDOWN_BLOCK_RULE:
          add_rule (self, block);
          break;

        case IVC_MARKDOWN_BLOCK_TABLE_CELL:
          {
            guint last = add_table (self, md, i);

            for (guint j = i + 1; j <= last; j++)
              height += estimate_height (md, ivc_markdown_get_block (md, j), width);
            i = last;
          }
          break;

        case IVC_MARKDOWN_BLOCK_PARAGRAPH:
        case IVC_MARKDOWN_BLOCK_HEADING:
        default:
          add_flow_block (self, md, block);
          break;
        }
    }

  end_flow (self);
  g_clear_object (&self->measure);

  return i;
}

static void
render_rest (IvcMarkdownView *self)
{
  g_autoptr(IvcMarkdown) md = g_steal_pointer (&self->rest);

  cancel_rest (self);
  render_blocks (self, md, self->rest_block, FALSE);
}

static int
natural_height (IvcMarkdownView *self)
{
  int height;

  gtk_widget_measure (GTK_WIDGET (self), GTK_ORIENTATION_VERTICAL,
                      gtk_widget_get_width (GTK_WIDGET (self)), NULL, &height, NULL, NULL);
  return height;
}

/* Nothing of higher priority is left to do (the text views have laid out
 * their text in sight, in idle time of their own): if the last frame
 * painted showed the text as it is laid out now, the rest follows. */
static gboolean
on_rest_idle_cb (gpointer data)
{
  IvcMarkdownView *self = data;

  if (natural_height (self) != self->rest_height)
    {
      /* Still growing: the frame that shows it comes first. */
      self->rest_idle_id = 0;
      return G_SOURCE_REMOVE;
    }

  self->rest_idle_id = 0;
  render_rest (self);
  return G_SOURCE_REMOVE;
}

static void
on_rest_timeout_cb (gpointer data)
{
  IvcMarkdownView *self = data;

  self->rest_timeout_id = 0;
  render_rest (self);
}

/* A frame is painted: once what is drawn so far has settled, the rest of
 * the text is drawn, after everything else the main loop has to do. */
static void
on_rest_after_paint_cb (GdkFrameClock   *clock,
                        IvcMarkdownView *self)
{
  self->rest_height = natural_height (self);
  if (self->rest_idle_id == 0)
    self->rest_idle_id = g_idle_add_full (G_PRIORITY_LOW, on_rest_idle_cb, self, NULL);
}

static void
ivc_markdown_view_render (IvcMarkdownView *self)
{
  g_autoptr(IvcMarkdown) md = NULL;
  GdkFrameClock *clock;
  guint stop;

  cancel_rest (self);
  cancel_first_layout (self);
  remove_children (self);
  /* Disposed: nothing more to draw. */
  if (self->marker_widths == NULL)
    return;
  g_hash_table_remove_all (self->marker_widths);
  if (self->markdown == NULL || *self->markdown == '\0')
    return;

  md = ivc_markdown_parse (self->markdown, -1);
  if (is_plain (md))
    {
      add_plain_label (self, md);
      return;
    }

  /* Out of sight, there is no first frame to hurry. */
  clock = gtk_widget_get_mapped (GTK_WIDGET (self)) ? gtk_widget_get_frame_clock (GTK_WIDGET (self)) : NULL;
  if (clock != NULL)
    {
      self->first_height = MIN (fold_height (self), FIRST_LAYOUT_MAX);
      self->layout_clock = g_object_ref (clock);
      self->layout_id = g_signal_connect_after (clock, "layout", G_CALLBACK (on_first_layout_cb), self);
    }
  stop = render_blocks (self, md, 0, clock != NULL);
  self->first_height = 0;
  if (stop < ivc_markdown_get_n_blocks (md))
    {
      self->rest = g_steal_pointer (&md);
      self->rest_block = stop;
      self->rest_clock = g_object_ref (clock);
      self->rest_paint_id = g_signal_connect (clock, "after-paint", G_CALLBACK (on_rest_after_paint_cb), self);
      /* Should no frame come (a frozen window), not for ever. */
      self->rest_timeout_id = g_timeout_add_once (250, on_rest_timeout_cb, self);
    }
}

static void
on_dark_changed_cb (IvcMarkdownView *self)
{
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());

  if (dark == self->dark)
    return;

  /* The colours of links and quotes are the style's. */
  self->dark = dark;
  ivc_markdown_view_render (self);
}

/* Opens a link the user clicked, through the portal where there is one. */
static gboolean
ivc_markdown_view_real_activate_link (IvcMarkdownView *self,
                                      const char      *uri)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWindow *window = GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;

  g_debug ("Opening the link %s", uri);

#if GTK_CHECK_VERSION (4, 10, 0)
  /* Newer than GDK_VERSION_MAX_ALLOWED: meant here, behind the guard. */
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  {
    g_autoptr(GtkUriLauncher) launcher = gtk_uri_launcher_new (uri);

    gtk_uri_launcher_launch (launcher, window, NULL, NULL, NULL);
  }
  G_GNUC_END_IGNORE_DEPRECATIONS
#else
  gtk_show_uri (window, uri, GDK_CURRENT_TIME);
#endif

  return TRUE;
}

static void
ivc_markdown_view_dispose (GObject *object)
{
  IvcMarkdownView *self = (IvcMarkdownView *)object;

  cancel_rest (self);
  cancel_first_layout (self);
  g_clear_pointer (&self->spare_flows, g_ptr_array_unref);
  g_clear_pointer (&self->spare_codes, g_ptr_array_unref);
  remove_children (self);
  g_clear_pointer (&self->marker_widths, g_hash_table_unref);
  g_clear_object (&self->measure);

  G_OBJECT_CLASS (ivc_markdown_view_parent_class)->dispose (object);
}

static void
ivc_markdown_view_finalize (GObject *object)
{
  IvcMarkdownView *self = (IvcMarkdownView *)object;

  g_free (self->markdown);
  g_free (self->pressed_link);

  G_OBJECT_CLASS (ivc_markdown_view_parent_class)->finalize (object);
}

static void
ivc_markdown_view_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  IvcMarkdownView *self = IVC_MARKDOWN_VIEW (object);

  switch (prop_id)
    {
    case PROP_MARKDOWN:
      g_value_set_string (value, self->markdown);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ivc_markdown_view_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  IvcMarkdownView *self = IVC_MARKDOWN_VIEW (object);

  switch (prop_id)
    {
    case PROP_MARKDOWN:
      ivc_markdown_view_set_markdown (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ivc_markdown_view_class_init (IvcMarkdownViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ivc_markdown_view_dispose;
  object_class->finalize = ivc_markdown_view_finalize;
  object_class->get_property = ivc_markdown_view_get_property;
  object_class->set_property = ivc_markdown_view_set_property;

  widget_class->focus = ivc_markdown_view_focus;

  properties[PROP_MARKDOWN] =
    g_param_spec_string ("markdown", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * IvcMarkdownView::activate-link:
   * @uri: a web or mail address
   *
   * Emitted when the user clicks a link or presses Enter on it; the
   * default handler opens it.
   * Returns: %TRUE if the link was handled
   */
  signals[ACTIVATE_LINK] =
    g_signal_new_class_handler ("activate-link",
                                G_TYPE_FROM_CLASS (klass),
                                G_SIGNAL_RUN_LAST,
                                G_CALLBACK (ivc_markdown_view_real_activate_link),
                                g_signal_accumulator_true_handled, NULL,
                                NULL,
                                G_TYPE_BOOLEAN, 1, G_TYPE_STRING);

  gtk_widget_class_set_css_name (widget_class, "markdownview");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
}

static void
ivc_markdown_view_init (IvcMarkdownView *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));
  AdwStyleManager *style_manager = adw_style_manager_get_default ();

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 12);
  self->marker_widths = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->spare_flows = g_ptr_array_new_with_free_func (g_object_unref);
  self->spare_codes = g_ptr_array_new_with_free_func (g_object_unref);

  self->dark = adw_style_manager_get_dark (style_manager);
  g_signal_connect_object (style_manager, "notify::dark",
                           G_CALLBACK (on_dark_changed_cb), self, G_CONNECT_SWAPPED);
}

GtkWidget *
ivc_markdown_view_new (void)
{
  return g_object_new (IVC_TYPE_MARKDOWN_VIEW, NULL);
}

const char *
ivc_markdown_view_get_markdown (IvcMarkdownView *self)
{
  g_return_val_if_fail (IVC_IS_MARKDOWN_VIEW (self), NULL);

  return self->markdown;
}

/**
 * ivc_markdown_view_set_markdown:
 * @markdown: (nullable): CommonMark text from a bank
 *
 * Draws @markdown at once, in place of what was shown.
 */
void
ivc_markdown_view_set_markdown (IvcMarkdownView *self,
                                const char      *markdown)
{
  g_return_if_fail (IVC_IS_MARKDOWN_VIEW (self));

  if (g_strcmp0 (self->markdown, markdown) == 0)
    return;

  g_free (self->markdown);
  self->markdown = g_strdup (markdown);
  ivc_markdown_view_render (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MARKDOWN]);
}
