/* ivc-recommendation.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The overall verdict on a candidate: its names for display and in files.
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The overall verdict; the nicks are what a candidate file says. */
typedef enum
{
  IVC_RECOMMENDATION_NONE,
  IVC_RECOMMENDATION_STRONG_NO,
  IVC_RECOMMENDATION_NO,
  IVC_RECOMMENDATION_YES,
  IVC_RECOMMENDATION_STRONG_YES,
} IvcRecommendation;

#define IVC_TYPE_RECOMMENDATION (ivc_recommendation_get_type ())

GType       ivc_recommendation_get_type  (void) G_GNUC_CONST;
const char *ivc_recommendation_get_label (IvcRecommendation recommendation);
const char *ivc_recommendation_get_nick  (IvcRecommendation recommendation);

G_END_DECLS
