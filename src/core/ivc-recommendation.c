/* ivc-recommendation.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The overall verdict on a candidate: its names for display and in files.
 */

#define G_LOG_DOMAIN "ivc-recommendation"

#include "config.h"

#include <glib/gi18n.h>

#include "ivc-recommendation.h"

G_DEFINE_ENUM_TYPE (IvcRecommendation, ivc_recommendation,
  G_DEFINE_ENUM_VALUE (IVC_RECOMMENDATION_NONE, "none"),
  G_DEFINE_ENUM_VALUE (IVC_RECOMMENDATION_STRONG_NO, "strong-no"),
  G_DEFINE_ENUM_VALUE (IVC_RECOMMENDATION_NO, "no"),
  G_DEFINE_ENUM_VALUE (IVC_RECOMMENDATION_YES, "yes"),
  G_DEFINE_ENUM_VALUE (IVC_RECOMMENDATION_STRONG_YES, "strong-yes"))

/**
 * ivc_recommendation_get_label:
 *
 * Returns: the verdict for display, such as “Strong yes”
 */
const char *
ivc_recommendation_get_label (IvcRecommendation recommendation)
{
  switch (recommendation)
    {
    case IVC_RECOMMENDATION_NONE:
      return _("No recommendation yet");
    case IVC_RECOMMENDATION_STRONG_NO:
      return _("Strong no");
    case IVC_RECOMMENDATION_NO:
      return _("No");
    case IVC_RECOMMENDATION_YES:
      return _("Yes");
    case IVC_RECOMMENDATION_STRONG_YES:
      return _("Strong yes");
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * ivc_recommendation_get_nick:
 *
 * Returns: the name a candidate file and `--list-candidates` use, such as
 *   “strong-yes”
 */
const char *
ivc_recommendation_get_nick (IvcRecommendation recommendation)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (IVC_TYPE_RECOMMENDATION);
  GEnumValue *value = g_enum_get_value (klass, recommendation);

  g_return_val_if_fail (value != NULL, NULL);

  return value->value_nick;
}
