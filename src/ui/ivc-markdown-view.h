/* ivc-markdown-view.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * IvcMarkdownView: a bank's Markdown text drawn: text views with tags for
 * the flowing text (narrow tables included), a scrolling monospace view
 * for each code block, a scrolling label for a wide table.
 */

#pragma once

#include <gtk/gtk.h>

#include "ivc-markdown-blocks.h"

G_BEGIN_DECLS

#define IVC_TYPE_MARKDOWN_VIEW (ivc_markdown_view_get_type ())

G_DECLARE_FINAL_TYPE (IvcMarkdownView, ivc_markdown_view, IVC, MARKDOWN_VIEW, GtkWidget)

GtkWidget  *ivc_markdown_view_new          (void);
const char *ivc_markdown_view_get_markdown (IvcMarkdownView *self);
void        ivc_markdown_view_set_markdown (IvcMarkdownView *self,
                                            const char      *markdown);
const char *ivc_markdown_view_get_link_at  (IvcMarkdownView   *self,
                                            const GtkTextIter *iter);

void        ivc_markdown_append_pango      (const IvcMarkdown      *md,
                                            const IvcMarkdownBlock *block,
                                            GString                *text,
                                            PangoAttrList          *attributes);

G_END_DECLS
