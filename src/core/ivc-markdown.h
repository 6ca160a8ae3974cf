/* ivc-markdown.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The text a reader sees in a bank's Markdown, without its syntax.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char     *ivc_markdown_to_plain   (const char *markdown,
                                   gssize      length);
gboolean  ivc_markdown_has_syntax (const char *text);

G_END_DECLS
