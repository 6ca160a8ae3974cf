/* ivc-level.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * IvcLevel: an interview level of a bank (junior, mid-level, senior): its
 * experience range, focus and list of questions.
 */

#pragma once

#include <gio/gio.h>

#include "ivc-question.h"

G_BEGIN_DECLS

#define IVC_TYPE_LEVEL (ivc_level_get_type ())

G_DECLARE_FINAL_TYPE (IvcLevel, ivc_level, IVC, LEVEL, GObject)

IvcLevel   *ivc_level_new            (const char  *id,
                                      const char  *title,
                                      const char  *experience,
                                      const char  *focus);
const char *ivc_level_get_id         (IvcLevel    *self);
const char *ivc_level_get_title      (IvcLevel    *self);
const char *ivc_level_get_experience (IvcLevel    *self);
const char *ivc_level_get_focus      (IvcLevel    *self);
char       *ivc_level_dup_subtitle   (IvcLevel    *self);
GListModel *ivc_level_get_questions  (IvcLevel    *self);
guint       ivc_level_get_n_questions (IvcLevel   *self);
void        ivc_level_take_questions (IvcLevel    *self,
                                      GPtrArray   *questions);

G_END_DECLS
