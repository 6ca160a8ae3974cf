/* ivc-guide-importer.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reading a Markdown interview guide as a question bank: levels are “##”
 * headings, questions “###” headings, and labelled sections hold the strong
 * answer, red flag, follow-ups and rubric (docs/question-bank-format.md).
 */

#pragma once

#include <gio/gio.h>

#include "ivc-question-bank.h"

G_BEGIN_DECLS

/* A level's experience is a short paragraph starting with a number:
 * “0–2 years”, “5+ years”. */
#define IVC_GUIDE_MAX_EXPERIENCE_CHARS 40

gboolean         ivc_guide_is_guide_name (const char  *name);
IvcQuestionBank *ivc_guide_import_bytes  (GBytes      *bytes,
                                          const char  *display_name,
                                          GPtrArray  **problems,
                                          GError     **error);

G_END_DECLS
