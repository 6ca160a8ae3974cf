/* ivc-debrief-view.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Debrief page: every interviewer's submitted scorecard for one
 * candidate side by side, disagreements marked in words and colour.
 */

#pragma once

#include <adwaita.h>

#include "ivc-debrief.h"

G_BEGIN_DECLS

#define IVC_TYPE_DEBRIEF_VIEW (ivc_debrief_view_get_type ())

G_DECLARE_FINAL_TYPE (IvcDebriefView, ivc_debrief_view, IVC, DEBRIEF_VIEW, GtkWidget)

IvcDebrief *ivc_debrief_view_get_debrief (IvcDebriefView *self);
void        ivc_debrief_view_set_debrief (IvcDebriefView *self,
                                          IvcDebrief     *debrief);
void        ivc_debrief_view_set_message (IvcDebriefView *self,
                                          const char     *title,
                                          const char     *description);

G_END_DECLS
