/* ivc-debrief-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Debrief page: every interviewer's submitted scorecard for one
 * candidate side by side, disagreements marked in words and colour.
 */

#define G_LOG_DOMAIN "ivc-debrief-view"

#include "config.h"

#include <glib/gi18n.h>

#include "ivc-debrief-view.h"
#include "ivc-markdown-blocks.h"

/* The debrief, to read together after the interviews: the verdicts and
 * averages first, each level's averages, then each question asked with
 * every interviewer's score, red flag and notes side by side, and the
 * questions nobody asked. A disagreement says so in words, with an icon
 * and the warning colour as well; never by colour alone. The page is
 * built afresh from an IvcDebrief, a snapshot. */
struct _IvcDebriefView
{
  GtkWidget       parent_instance;

  IvcDebrief     *debrief;

  GtkStack       *stack;
  AdwStatusPage  *status_page;
  GtkBox         *content_box;
};

G_DEFINE_FINAL_TYPE (IvcDebriefView, ivc_debrief_view, GTK_TYPE_WIDGET)

static GtkWidget *
new_label (const char *text,
           const char *style)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  if (style != NULL)
    gtk_widget_add_css_class (label, style);

  return label;
}

static GtkWidget *
new_cell (const char *text,
          const char *style)
{
  GtkWidget *label = new_label (text, style);

  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_set_valign (label, GTK_ALIGN_START);
  return label;
}

/* A disagreement: an icon, the words, the warning colour. */
static GtkWidget *
new_disagreement (const char *text)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  GtkWidget *label = new_label (text, "heading");

  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Warning"), -1);
  gtk_widget_add_css_class (box, "debrief-disagreement");
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);
  return box;
}

static const char *
interviewer_label (const IvcDebriefInterviewer *interviewer,
                   char                       **owned)
{
  if (!interviewer->draft)
    return interviewer->name;

  /* Translators: an interviewer whose scorecard is a draft */
  *owned = g_strdup_printf (_("%s (draft)"), interviewer->name);
  return *owned;
}

static GtkWidget *
new_section (const char *title)
{
  GtkWidget *label = new_label (title, "title-3");

  gtk_widget_set_margin_top (label, 12);
  return label;
}

static GtkWidget *
new_grid (void)
{
  GtkWidget *grid = gtk_grid_new ();

  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_widget_add_css_class (grid, "card");
  gtk_widget_add_css_class (grid, "debrief-table");
  return grid;
}

static void
build_verdicts (IvcDebriefView *self)
{
  IvcDebrief *debrief = self->debrief;
  guint n = ivc_debrief_get_n_interviewers (debrief);
  GtkWidget *grid = new_grid ();
  g_autofree char *team = ivc_debrief_dup_average_text (ivc_debrief_get_team_average (debrief));
  const char *headers[] = { N_("Interviewer"), N_("Verdict"), N_("Average") };

  gtk_box_append (self->content_box, new_section (_("Verdicts")));
  if (ivc_debrief_get_verdicts_disagree (debrief))
    gtk_box_append (self->content_box, new_disagreement (_("Disagreement: verdicts on both sides of hire / no hire")));

  for (guint c = 0; c < G_N_ELEMENTS (headers); c++)
    gtk_grid_attach (GTK_GRID (grid), new_cell (_(headers[c]), "heading"), c, 0, 1, 1);

  for (guint i = 0; i < n; i++)
    {
      const IvcDebriefInterviewer *interviewer = ivc_debrief_get_interviewer (debrief, i);
      g_autofree char *owned = NULL;
      g_autofree char *average = ivc_debrief_dup_average_text (ivc_debrief_get_average (debrief, i));
      GtkWidget *who = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

      gtk_box_append (GTK_BOX (who), new_cell (interviewer_label (interviewer, &owned), NULL));
      gtk_box_append (GTK_BOX (who), new_cell (interviewer->status, "caption"));
      gtk_widget_add_css_class (gtk_widget_get_last_child (who), "dim-label");
      gtk_grid_attach (GTK_GRID (grid), who, 0, i + 1, 1, 1);
      gtk_grid_attach (GTK_GRID (grid),
                       new_cell (ivc_recommendation_get_label (ivc_scorecard_get_recommendation (interviewer->scorecard)), NULL),
                       1, i + 1, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), new_cell (average, "numeric"), 2, i + 1, 1, 1);
    }

  gtk_grid_attach (GTK_GRID (grid), new_cell (_("Team"), "heading"), 0, n + 1, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), new_cell ("", NULL), 1, n + 1, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), new_cell (team, "heading"), 2, n + 1, 1, 1);
  gtk_box_append (self->content_box, grid);
}

static void
build_levels (IvcDebriefView *self)
{
  IvcDebrief *debrief = self->debrief;
  guint n = ivc_debrief_get_n_interviewers (debrief);
  GtkWidget *grid = new_grid ();

  gtk_box_append (self->content_box, new_section (_("Levels")));

  gtk_grid_attach (GTK_GRID (grid), new_cell (_("Level"), "heading"), 0, 0, 1, 1);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *owned = NULL;

      gtk_grid_attach (GTK_GRID (grid),
                       new_cell (interviewer_label (ivc_debrief_get_interviewer (debrief, i), &owned), "heading"),
                       i + 1, 0, 1, 1);
    }
  gtk_grid_attach (GTK_GRID (grid), new_cell (_("Team"), "heading"), n + 1, 0, 1, 1);

  for (guint l = 0; l < ivc_debrief_get_n_levels (debrief); l++)
    {
      const IvcDebriefLevel *level = ivc_debrief_get_level (debrief, l);
      g_autofree char *team = ivc_debrief_dup_average_text (level->team_average);

      gtk_grid_attach (GTK_GRID (grid), new_cell (level->title, NULL), 0, l + 1, 1, 1);
      for (guint i = 0; i < n; i++)
        {
          g_autofree char *average = ivc_debrief_dup_average_text (level->averages[i]);

          gtk_grid_attach (GTK_GRID (grid), new_cell (average, "numeric"), i + 1, l + 1, 1, 1);
        }
      gtk_grid_attach (GTK_GRID (grid), new_cell (team, "numeric"), n + 1, l + 1, 1, 1);
    }

  gtk_box_append (self->content_box, grid);
}

static void
build_question (IvcDebriefView           *self,
                const IvcDebriefQuestion *question)
{
  IvcDebrief *debrief = self->debrief;
  guint n = ivc_debrief_get_n_interviewers (debrief);
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *grid = gtk_grid_new ();
  g_autofree char *title = question->question ? ivc_markdown_to_plain_text (question->question)
                                              : g_strdup (question->question_id);

  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "debrief-question");
  if (question->disagreement)
    gtk_widget_add_css_class (card, "disagreement");
  gtk_box_append (GTK_BOX (card), new_label (title, "heading"));
  if (question->disagreement)
    gtk_box_append (GTK_BOX (card), new_disagreement (_("Disagreement: scores 2 or more points apart")));

  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  for (guint i = 0; i < n; i++)
    {
      const IvcScorecardEntry *entry = question->entries[i];
      g_autofree char *owned = NULL;
      g_autofree char *mark = ivc_debrief_dup_mark_text (entry);
      GtkWidget *who = new_cell (interviewer_label (ivc_debrief_get_interviewer (debrief, i), &owned), NULL);
      GtkWidget *mark_label = new_cell (mark, entry != NULL && entry->red_flag ? "error" : NULL);
      GtkWidget *notes = new_cell (entry != NULL ? entry->notes : "", NULL);

      gtk_widget_set_hexpand (who, FALSE);
      gtk_widget_set_hexpand (mark_label, FALSE);
      gtk_widget_set_size_request (who, 90, -1);
      gtk_widget_set_size_request (mark_label, 110, -1);
      gtk_widget_add_css_class (who, "dim-label");
      gtk_grid_attach (GTK_GRID (grid), who, 0, i, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), mark_label, 1, i, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), notes, 2, i, 1, 1);
    }

  gtk_box_append (GTK_BOX (card), grid);
  gtk_box_append (self->content_box, card);
}

static void
build (IvcDebriefView *self)
{
  IvcDebrief *debrief = self->debrief;
  GtkWidget *child;
  g_autoptr(GPtrArray) unasked = NULL;
  g_autofree char *title = NULL;
  g_autoptr(GString) details = g_string_new (NULL);
  const char *name;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->content_box))) != NULL)
    gtk_box_remove (self->content_box, child);

  if (debrief == NULL)
    return;

  name = ivc_debrief_get_candidate_name (debrief);
  title = g_strdup_printf (_("Debrief: %s"), *name ? name : _("Unnamed candidate"));
  gtk_box_append (self->content_box, new_label (title, "title-1"));

  if (ivc_debrief_get_include_drafts (debrief))
    g_string_append (details, _("Submitted scorecards and drafts (drafts are marked)"));
  else
    g_string_append (details, _("Submitted scorecards only"));
  if (ivc_debrief_get_n_left_out (debrief) > 0)
    {
      g_string_append (details, ". ");
      g_string_append_printf (details, g_dngettext (GETTEXT_PACKAGE,
                                                    "%u draft scorecard is not shown",
                                                    "%u draft scorecards are not shown",
                                                    ivc_debrief_get_n_left_out (debrief)),
                              ivc_debrief_get_n_left_out (debrief));
    }
  if (ivc_debrief_get_n_disagreements (debrief) > 0)
    {
      g_string_append (details, ". ");
      g_string_append_printf (details, g_dngettext (GETTEXT_PACKAGE,
                                                    "Scores disagree on %u question",
                                                    "Scores disagree on %u questions",
                                                    ivc_debrief_get_n_disagreements (debrief)),
                              ivc_debrief_get_n_disagreements (debrief));
    }
  gtk_box_append (self->content_box, new_label (details->str, "dim-label"));

  build_verdicts (self);
  build_levels (self);

  gtk_box_append (self->content_box, new_section (_("Questions")));
  for (guint l = 0; l < ivc_debrief_get_n_levels (debrief); l++)
    {
      const IvcDebriefLevel *level = ivc_debrief_get_level (debrief, l);
      gboolean heading = FALSE;

      for (guint q = 0; q < level->questions->len; q++)
        {
          const IvcDebriefQuestion *question = g_ptr_array_index (level->questions, q);

          if (!question->asked)
            continue;
          if (!heading)
            {
              gtk_box_append (self->content_box, new_label (level->title, "heading"));
              heading = TRUE;
            }
          build_question (self, question);
        }
    }

  unasked = ivc_debrief_list_unasked (debrief);
  gtk_box_append (self->content_box, new_section (_("Questions Nobody Asked")));
  if (unasked->len == 0)
    gtk_box_append (self->content_box, new_label (_("Every question of the bank was asked."), "dim-label"));
  else
    {
      g_autoptr(GString) list = g_string_new (NULL);

      for (guint i = 0; i < unasked->len; i++)
        {
          const IvcDebriefQuestion *question = g_ptr_array_index (unasked, i);
          g_autofree char *text = question->question ? ivc_markdown_to_plain_text (question->question)
                                                     : g_strdup (question->question_id);

          g_string_append_printf (list, "%s• %s", i ? "\n" : "", text);
        }
      gtk_box_append (self->content_box, new_cell (list->str, NULL));
    }
}

static void
ivc_debrief_view_dispose (GObject *object)
{
  IvcDebriefView *self = IVC_DEBRIEF_VIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), IVC_TYPE_DEBRIEF_VIEW);
  g_clear_object (&self->debrief);

  G_OBJECT_CLASS (ivc_debrief_view_parent_class)->dispose (object);
}

static void
ivc_debrief_view_class_init (IvcDebriefViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ivc_debrief_view_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ivc-debrief-view.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "debriefview");
  gtk_widget_class_bind_template_child (widget_class, IvcDebriefView, stack);
  gtk_widget_class_bind_template_child (widget_class, IvcDebriefView, status_page);
  gtk_widget_class_bind_template_child (widget_class, IvcDebriefView, content_box);
}

static void
ivc_debrief_view_init (IvcDebriefView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * ivc_debrief_view_get_debrief:
 *
 * Returns: (transfer none) (nullable): the debrief shown
 */
IvcDebrief *
ivc_debrief_view_get_debrief (IvcDebriefView *self)
{
  g_return_val_if_fail (IVC_IS_DEBRIEF_VIEW (self), NULL);

  return self->debrief;
}

void
ivc_debrief_view_set_debrief (IvcDebriefView *self,
                              IvcDebrief     *debrief)
{
  g_return_if_fail (IVC_IS_DEBRIEF_VIEW (self));
  g_return_if_fail (debrief == NULL || IVC_IS_DEBRIEF (debrief));

  g_set_object (&self->debrief, debrief);
  build (self);
  if (debrief != NULL)
    gtk_stack_set_visible_child_name (self->stack, "debrief");
}

/**
 * ivc_debrief_view_set_message:
 *
 * Shows why there is no debrief (the bias guard, nothing submitted)
 * instead of one.
 */
void
ivc_debrief_view_set_message (IvcDebriefView *self,
                              const char     *title,
                              const char     *description)
{
  g_autofree char *escaped = g_markup_escape_text (description, -1);

  g_return_if_fail (IVC_IS_DEBRIEF_VIEW (self));

  g_clear_object (&self->debrief);
  build (self);
  adw_status_page_set_title (self->status_page, title);
  /* A status page's description is markup; names come from files. */
  adw_status_page_set_description (self->status_page, escaped);
  gtk_stack_set_visible_child_name (self->stack, "message");
}
