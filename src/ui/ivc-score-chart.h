/* ivc-score-chart.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * IvcScoreChart: the bar of a level's score distribution on a scorecard,
 * drawn with the theme's colours, with its numbers as its accessible
 * description.
 */

#pragma once

#include <gtk/gtk.h>

#include "ivc-scorecard.h"

G_BEGIN_DECLS

#define IVC_TYPE_SCORE_CHART (ivc_score_chart_get_type ())

G_DECLARE_FINAL_TYPE (IvcScoreChart, ivc_score_chart, IVC, SCORE_CHART, GtkWidget)

GtkWidget *ivc_score_chart_new              (void);
guint      ivc_score_chart_get_count        (IvcScoreChart           *self,
                                             IvcScore                 score);
void       ivc_score_chart_set_distribution (IvcScoreChart           *self,
                                             const guint             *distribution);
void       ivc_score_chart_set_level        (IvcScoreChart           *self,
                                             const IvcScorecardLevel *level);
char      *ivc_score_chart_dup_description  (IvcScoreChart           *self);
const char *ivc_score_chart_get_css_class   (IvcScore                 score);

G_END_DECLS
