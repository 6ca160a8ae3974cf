/* ivc-comparison-view.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * IvcComparisonView: the Scorecards window's page that compares every
 * candidate, sortable by any column.
 */

#pragma once

#include <adwaita.h>

#include "ivc-candidate-store.h"
#include "ivc-question-bank.h"

G_BEGIN_DECLS

#define IVC_TYPE_COMPARISON_VIEW (ivc_comparison_view_get_type ())

G_DECLARE_FINAL_TYPE (IvcComparisonView, ivc_comparison_view, IVC, COMPARISON_VIEW, GtkWidget)

GtkWidget         *ivc_comparison_view_new       (void);
IvcCandidateStore *ivc_comparison_view_get_store (IvcComparisonView *self);
void               ivc_comparison_view_set_store (IvcComparisonView *self,
                                                  IvcCandidateStore *store);
IvcQuestionBank   *ivc_comparison_view_get_bank  (IvcComparisonView *self);
void               ivc_comparison_view_set_bank  (IvcComparisonView *self,
                                                  IvcQuestionBank   *bank);
GListModel        *ivc_comparison_view_get_model (IvcComparisonView *self);

void               ivc_comparison_view_sort_by   (IvcComparisonView *self,
                                                  guint              position);
GListModel        *ivc_comparison_view_get_columns (IvcComparisonView *self);
gboolean           ivc_comparison_view_get_team  (IvcComparisonView *self);
void               ivc_comparison_view_set_team  (IvcComparisonView *self,
                                                  gboolean           team);

G_END_DECLS
