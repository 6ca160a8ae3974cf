/* ivc-score-chart.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * IvcScoreChart: the bar of a level's score distribution on a scorecard,
 * drawn with the theme's colours, with its numbers as its accessible
 * description.
 */

#define G_LOG_DOMAIN "ivc-score-chart"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "ivc-score-chart.h"

/* How many questions of a level have each score, as one bar split in
 * parts: Poor, Mixed, Good, Strong, then the questions not scored. Each
 * part's colour comes from the style sheet, through a CSS node of its own
 * ("scorechart > segment.poor" and so on) that is never drawn, so that the
 * chart follows the light and dark styles. The numbers are in its
 * accessible description and its tooltip. */

#define BAR_HEIGHT   12
#define GAP           2
#define MIN_PART      3

struct _IvcScoreChart
{
  GtkWidget  parent_instance;

  guint      counts[IVC_SCORE_MAX + 1];

  /* Only for their style, by IvcScore. */
  GtkWidget *segments[IVC_SCORE_MAX + 1];
};

G_DEFINE_FINAL_TYPE (IvcScoreChart, ivc_score_chart, GTK_TYPE_WIDGET)

/* In reading order (left to right, or right to left in a right-to-left
 * language): from the worst score to the best, then what is left. */
static const IvcScore draw_order[] = {
  IVC_SCORE_POOR,
  IVC_SCORE_MIXED,
  IVC_SCORE_GOOD,
  IVC_SCORE_STRONG,
  IVC_SCORE_NONE,
};

/**
 * ivc_score_chart_get_css_class:
 *
 * Returns: the style class that gives @score its colour in the chart and
 *   in a legend: "poor", "mixed", "good", "strong" or "none"
 */
const char *
ivc_score_chart_get_css_class (IvcScore score)
{
  switch (score)
    {
    case IVC_SCORE_NONE:
      return "none";
    case IVC_SCORE_POOR:
      return "poor";
    case IVC_SCORE_MIXED:
      return "mixed";
    case IVC_SCORE_GOOD:
      return "good";
    case IVC_SCORE_STRONG:
      return "strong";
    default:
      g_return_val_if_reached ("none");
    }
}

static void
get_segment_color (IvcScoreChart *self,
                   IvcScore       score,
                   GdkRGBA       *color)
{
#if GTK_CHECK_VERSION (4, 10, 0)
  /* Newer than GDK_VERSION_MAX_ALLOWED: meant here, behind the guard. */
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_widget_get_color (self->segments[score], color);
  G_GNUC_END_IGNORE_DEPRECATIONS
#else
  gtk_style_context_get_color (gtk_widget_get_style_context (self->segments[score]), color);
#endif
}

static guint
total_count (IvcScoreChart *self)
{
  guint total = 0;

  for (guint s = 0; s <= IVC_SCORE_MAX; s++)
    total += self->counts[s];

  return total;
}

static void
update_accessible (IvcScoreChart *self)
{
  g_autofree char *description = ivc_score_chart_dup_description (self);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Score distribution"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), description);
}

static void
ivc_score_chart_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  /* Narrow layouts may squeeze it; wide ones stretch it. */
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 5 * MIN_PART + 4 * GAP;
      *natural = 240;
    }
  else
    {
      *minimum = BAR_HEIGHT;
      *natural = BAR_HEIGHT;
    }
}

static void
ivc_score_chart_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  IvcScoreChart *self = IVC_SCORE_CHART (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  float bar_height = MIN (height, BAR_HEIGHT);
  float y = (height - bar_height) / 2;
  guint total = total_count (self);
  guint n_parts = 0;
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  float available, x = 0;
  GskRoundedRect outline;
  GdkRGBA color;

  if (width <= 0 || bar_height <= 0)
    return;

  gsk_rounded_rect_init_from_rect (&outline,
                                   &GRAPHENE_RECT_INIT (0, y, width, bar_height),
                                   bar_height / 2);
  gtk_snapshot_push_rounded_clip (snapshot, &outline);

  if (total == 0)
    {
      get_segment_color (self, IVC_SCORE_NONE, &color);
      gtk_snapshot_append_color (snapshot, &color, &GRAPHENE_RECT_INIT (0, y, width, bar_height));
      gtk_snapshot_pop (snapshot);
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (draw_order); i++)
    if (self->counts[draw_order[i]] > 0)
      n_parts++;

  /* Every part that has a question stays visible, however narrow. */
  available = MAX (0, width - (float) GAP * (n_parts - 1) - (float) MIN_PART * n_parts);

  for (guint i = 0, drawn = 0; i < G_N_ELEMENTS (draw_order); i++)
    {
      IvcScore score = draw_order[i];
      guint count = self->counts[score];
      float part;

      if (count == 0)
        continue;

      drawn++;
      part = MIN_PART + available * count / total;
      /* The last part ends at the edge, whatever the rounding. */
      if (drawn == n_parts)
        part = width - x;

      get_segment_color (self, score, &color);
      /* x counts from where reading starts; mirrored for right to left. */
      gtk_snapshot_append_color (snapshot, &color,
                                 &GRAPHENE_RECT_INIT (rtl ? width - x - part : x, y, part, bar_height));
      x += part + GAP;
    }

  gtk_snapshot_pop (snapshot);
}

static void
ivc_score_chart_dispose (GObject *object)
{
  IvcScoreChart *self = (IvcScoreChart *)object;

  for (guint s = 0; s <= IVC_SCORE_MAX; s++)
    g_clear_pointer (&self->segments[s], gtk_widget_unparent);

  G_OBJECT_CLASS (ivc_score_chart_parent_class)->dispose (object);
}

static void
ivc_score_chart_class_init (IvcScoreChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ivc_score_chart_dispose;

  widget_class->measure = ivc_score_chart_measure;
  widget_class->snapshot = ivc_score_chart_snapshot;

  gtk_widget_class_set_css_name (widget_class, "scorechart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
ivc_score_chart_init (IvcScoreChart *self)
{
  for (guint s = 0; s <= IVC_SCORE_MAX; s++)
    {
      const char *classes[] = { ivc_score_chart_get_css_class (s), NULL };

      /* Any widget with a name in CSS will do; it is never shown. */
      self->segments[s] = g_object_new (GTK_TYPE_BOX,
                                        "css-name", "segment",
                                        "css-classes", classes,
                                        "visible", FALSE,
                                        "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                        NULL);
      gtk_widget_set_parent (self->segments[s], GTK_WIDGET (self));
    }

  gtk_widget_set_valign (GTK_WIDGET (self), GTK_ALIGN_CENTER);
  update_accessible (self);
}

GtkWidget *
ivc_score_chart_new (void)
{
  return g_object_new (IVC_TYPE_SCORE_CHART, NULL);
}

/**
 * ivc_score_chart_get_count:
 *
 * Returns: how many questions the chart shows with @score
 */
guint
ivc_score_chart_get_count (IvcScoreChart *self,
                           IvcScore       score)
{
  g_return_val_if_fail (IVC_IS_SCORE_CHART (self), 0);
  g_return_val_if_fail (score <= IVC_SCORE_MAX, 0);

  return self->counts[score];
}

/**
 * ivc_score_chart_set_distribution:
 * @distribution: (array fixed-size=5) (nullable): how many questions have
 *   each score, indexed by #IvcScore, as in #IvcScorecardLevel; %NULL for
 *   none
 */
void
ivc_score_chart_set_distribution (IvcScoreChart *self,
                                  const guint   *distribution)
{
  guint counts[IVC_SCORE_MAX + 1] = { 0, };

  g_return_if_fail (IVC_IS_SCORE_CHART (self));

  if (distribution != NULL)
    memcpy (counts, distribution, sizeof counts);

  if (memcmp (counts, self->counts, sizeof counts) == 0)
    return;

  memcpy (self->counts, counts, sizeof counts);
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
ivc_score_chart_set_level (IvcScoreChart           *self,
                           const IvcScorecardLevel *level)
{
  g_return_if_fail (IVC_IS_SCORE_CHART (self));

  ivc_score_chart_set_distribution (self, level ? level->distribution : NULL);
}

/**
 * ivc_score_chart_dup_description:
 *
 * Returns: (transfer full): the numbers in words, as a screen reader
 *   reads them
 */
char *
ivc_score_chart_dup_description (IvcScoreChart *self)
{
  g_return_val_if_fail (IVC_IS_SCORE_CHART (self), NULL);

  if (total_count (self) == 0)
    return g_strdup (_("No questions"));

  /* Translators: how many questions got each score. */
  return g_strdup_printf (_("Poor: %u, Mixed: %u, Good: %u, Strong: %u, not scored: %u"),
                          self->counts[IVC_SCORE_POOR],
                          self->counts[IVC_SCORE_MIXED],
                          self->counts[IVC_SCORE_GOOD],
                          self->counts[IVC_SCORE_STRONG],
                          self->counts[IVC_SCORE_NONE]);
}
