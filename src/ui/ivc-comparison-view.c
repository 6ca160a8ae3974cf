/* ivc-comparison-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The table of the Scorecards window: one row for each candidate, with
 * their figures for every level of the bank.
 */

#define G_LOG_DOMAIN "ivc-comparison-view"

#include "config.h"

#include <glib/gi18n.h>

#include "ivc-accessible.h"
#include "ivc-bias-guard.h"
#include "ivc-comparison-view.h"
#include "ivc-debrief.h"
#include "ivc-scorecard.h"
#include "ivc-text.h"

/* Every candidate of a store side by side, one row each: the average of
 * each level of the bank, red flags, how much was scored, and the verdict.
 * Every column sorts. Enter or a double click on a row opens that
 * candidate ("candidate-activated").
 *
 * The rows are scorecards, kept in the store's order: one is made again
 * whenever its candidate changes, so the table is never stale. All are
 * made against the view's bank, so that the columns mean the same for
 * every candidate; only the candidates interviewed with that bank are
 * shown: against another bank their figures would be zeros that are not
 * true. */
struct _IvcComparisonView
{
  GtkWidget             parent_instance;

  IvcCandidateStore    *store;
  IvcQuestionBank      *bank;
  /* Whether the table shows the team's figures (the debrief's) rather
   * than one's own; and the bias guard's setting. */
  gboolean              team;
  GSettings            *settings;
  /* On the list of the store's candidates; each candidate of it is
   * watched on its own, see watch_candidate(). */
  GSignalGroup         *candidates_signals;

  /* IvcScorecard, one for each candidate of the store, in its order. */
  GListStore           *scorecards;
  /* Those of the candidates of the view's bank, then sorted. */
  GtkCustomFilter      *bank_filter;
  GtkFilterListModel   *in_bank;
  GtkSortListModel     *sorted;
  /* The columns of the bank's levels, which come after the name; owned. */
  GPtrArray            *level_columns;

  GtkStack             *stack;
  AdwStatusPage        *empty_page;
  GtkColumnView        *column_view;
  GtkColumnViewColumn  *name_column;
  GtkColumnViewColumn  *red_flags_column;
  GtkColumnViewColumn  *coverage_column;
  GtkColumnViewColumn  *recommendation_column;

  /* The last sort asked for with ivc_comparison_view_sort_by(); unowned,
   * only compared. */
  gpointer              sorted_column;
  GtkSortType           sorted_order;
};

G_DEFINE_FINAL_TYPE (IvcComparisonView, ivc_comparison_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_BANK,
  PROP_TEAM,
  N_PROPS
};

enum {
  CANDIDATE_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* In the team's figures, each row's scorecard carries the candidate's
 * debrief (TEAM_DEBRIEF), or TEAM_HIDDEN while the bias guard hides the
 * teammates (one's own scorecard is not submitted). */
#define TEAM_DEBRIEF "ivc-team-debrief"
#define TEAM_HIDDEN  "ivc-team-hidden"

static gboolean
is_team_row (IvcScorecard *scorecard,
             IvcDebrief  **debrief)
{
  *debrief = g_object_get_data (G_OBJECT (scorecard), TEAM_DEBRIEF);
  return *debrief != NULL || g_object_get_data (G_OBJECT (scorecard), TEAM_HIDDEN) != NULL;
}

static const IvcDebriefLevel *
find_team_level (IvcDebrief *debrief,
                 const char *level_id)
{
  for (guint i = 0; debrief != NULL && i < ivc_debrief_get_n_levels (debrief); i++)
    {
      const IvcDebriefLevel *level = ivc_debrief_get_level (debrief, i);

      if (g_strcmp0 (level->id, level_id) == 0)
        return level;
    }

  return NULL;
}

static double
level_average (IvcScorecard *scorecard,
               const char   *level_id)
{
  const IvcScorecardLevel *level;
  IvcDebrief *debrief;

  if (is_team_row (scorecard, &debrief))
    {
      const IvcDebriefLevel *team_level = find_team_level (debrief, level_id);

      return team_level ? team_level->team_average : IVC_SCORECARD_NO_AVERAGE;
    }

  level = ivc_scorecard_find_level (scorecard, level_id);
  return level ? level->average : IVC_SCORECARD_NO_AVERAGE;
}

static GtkOrdering
compare_doubles (double a,
                 double b)
{
  return a < b ? GTK_ORDERING_SMALLER : a > b ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

static GtkOrdering
compare_uints (guint a,
               guint b)
{
  return a < b ? GTK_ORDERING_SMALLER : a > b ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

static int
compare_names (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  g_autofree char *name_a = g_utf8_casefold (ivc_scorecard_get_candidate_name ((IvcScorecard *)a), -1);
  g_autofree char *name_b = g_utf8_casefold (ivc_scorecard_get_candidate_name ((IvcScorecard *)b), -1);

  return gtk_ordering_from_cmpfunc (g_utf8_collate (name_a, name_b));
}

/* Equal figures are in the order of the names, so that the order never
 * depends on how the rows came. */
static GtkOrdering
or_by_name (GtkOrdering   order,
            gconstpointer a,
            gconstpointer b)
{
  return order != GTK_ORDERING_EQUAL ? order : compare_names (a, b, NULL);
}

/* Nothing scored sorts below any average. */
static int
compare_level_averages (gconstpointer a,
                        gconstpointer b,
                        gpointer      user_data)
{
  const char *level_id = user_data;

  return or_by_name (compare_doubles (level_average ((IvcScorecard *)a, level_id),
                                      level_average ((IvcScorecard *)b, level_id)),
                     a, b);
}

static int
compare_red_flags (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  return or_by_name (compare_uints (ivc_scorecard_get_n_red_flags ((IvcScorecard *)a),
                                    ivc_scorecard_get_n_red_flags ((IvcScorecard *)b)),
                     a, b);
}

/* By the share of the bank scored, then by how many. */
static int
compare_coverage (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  GtkOrdering order = compare_doubles (ivc_scorecard_get_coverage ((IvcScorecard *)a),
                                       ivc_scorecard_get_coverage ((IvcScorecard *)b));

  if (order == GTK_ORDERING_EQUAL)
    order = compare_uints (ivc_scorecard_get_n_scored ((IvcScorecard *)a),
                           ivc_scorecard_get_n_scored ((IvcScorecard *)b));

  return or_by_name (order, a, b);
}

/* From no verdict, through strong no, to strong yes. */
static int
compare_recommendations (gconstpointer a,
                         gconstpointer b,
                         gpointer      user_data)
{
  return or_by_name (compare_uints (ivc_scorecard_get_recommendation ((IvcScorecard *)a),
                                    ivc_scorecard_get_recommendation ((IvcScorecard *)b)),
                     a, b);
}

static GtkSorter *
new_sorter (GCompareDataFunc compare,
            gpointer         user_data,
            GDestroyNotify   destroy)
{
  return GTK_SORTER (gtk_custom_sorter_new (compare, user_data, destroy));
}

static GtkWidget *
new_cell_label (void)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "numeric");
  return label;
}

static void
setup_label_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                gpointer                  user_data)
{
  gtk_list_item_set_child (list_item, new_cell_label ());
}

static void
setup_name_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *details = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (GTK_LABEL (name), 16);
  gtk_label_set_xalign (GTK_LABEL (details), 0);
  gtk_label_set_ellipsize (GTK_LABEL (details), PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (GTK_LABEL (details), 16);
  gtk_widget_add_css_class (details, "caption");
  gtk_widget_add_css_class (details, "dim-label");
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), details);
  gtk_list_item_set_child (list_item, box);
}

static void
bind_name_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  IvcScorecard *scorecard = gtk_list_item_get_item (list_item);
  GtkWidget *name = gtk_widget_get_first_child (gtk_list_item_get_child (list_item));
  GtkWidget *details = gtk_widget_get_next_sibling (name);
  const char *text = ivc_scorecard_get_candidate_name (scorecard);
  const char *role = ivc_scorecard_get_role (scorecard);
  g_autofree char *date = ivc_text_format_date (ivc_scorecard_get_interview_date (scorecard));
  g_autofree char *details_text = NULL;

  if (text == NULL || *text == '\0')
    text = _("Unnamed Candidate");

  details_text = g_strdup_printf ("%s%s%s", role, *role && *date ? " · " : "", date);
  gtk_label_set_text (GTK_LABEL (name), text);
  gtk_widget_set_tooltip_text (name, text);
  gtk_label_set_text (GTK_LABEL (details), details_text);
  gtk_widget_set_visible (details, *details_text != '\0');
}

static void
bind_level_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  IvcScorecard *scorecard = gtk_list_item_get_item (list_item);
  GtkWidget *label = gtk_list_item_get_child (list_item);
  const IvcScorecardLevel *level = ivc_scorecard_find_level (scorecard, user_data);
  g_autofree char *text = NULL;
  g_autofree char *tooltip = NULL;
  IvcDebrief *debrief;

  if (is_team_row (scorecard, &debrief))
    {
      double average = level_average (scorecard, user_data);

      if (debrief == NULL)
        {
          /* Translators: a team figure the bias guard hides */
          text = g_strdup (C_("average", "Hidden"));
          tooltip = g_strdup (_("Submit your scorecard to see the team’s figures"));
        }
      else
        {
          text = average >= 0 ? g_strdup_printf ("%.2f", average) : g_strdup (C_("average", "—"));
          tooltip = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                  "The team’s average, from %u submitted scorecard",
                                                  "The team’s average, from %u submitted scorecards",
                                                  ivc_debrief_get_n_interviewers (debrief)),
                                     ivc_debrief_get_n_interviewers (debrief));
        }

      gtk_label_set_text (GTK_LABEL (label), text);
      gtk_widget_set_tooltip_text (label, tooltip);
      return;
    }

  if (level != NULL && level->average >= 0)
    text = g_strdup_printf ("%.2f", level->average);
  else
    text = g_strdup (C_("average", "—"));

  if (level != NULL)
    tooltip = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "%u of %u scored, %u red flag",
                                            "%u of %u scored, %u red flags",
                                            level->n_red_flags),
                               level->n_scored, level->n_questions, level->n_red_flags);

  gtk_label_set_text (GTK_LABEL (label), text);
  gtk_widget_set_tooltip_text (label, tooltip);
}

static void
bind_red_flags_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *list_item,
                   gpointer                  user_data)
{
  IvcScorecard *scorecard = gtk_list_item_get_item (list_item);
  GtkWidget *label = gtk_list_item_get_child (list_item);
  guint n_red_flags = ivc_scorecard_get_n_red_flags (scorecard);
  g_autofree char *text = g_strdup_printf ("%u", n_red_flags);

  gtk_label_set_text (GTK_LABEL (label), text);
  if (n_red_flags > 0)
    gtk_widget_remove_css_class (label, "dim-label");
  else
    gtk_widget_add_css_class (label, "dim-label");
}

static void
bind_coverage_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item,
                  gpointer                  user_data)
{
  IvcScorecard *scorecard = gtk_list_item_get_item (list_item);
  GtkWidget *label = gtk_list_item_get_child (list_item);
  /* Translators: how many questions were scored, such as “7 of 24”. */
  g_autofree char *text = g_strdup_printf (_("%u of %u"),
                                           ivc_scorecard_get_n_scored (scorecard),
                                           ivc_scorecard_get_n_questions (scorecard));

  gtk_label_set_text (GTK_LABEL (label), text);
}

static void
bind_recommendation_cb (GtkSignalListItemFactory *factory,
                        GtkListItem              *list_item,
                        gpointer                  user_data)
{
  IvcScorecard *scorecard = gtk_list_item_get_item (list_item);
  GtkWidget *label = gtk_list_item_get_child (list_item);
  IvcRecommendation recommendation = ivc_scorecard_get_recommendation (scorecard);
  const char *classes[] = { "recommendation-text", ivc_recommendation_get_nick (recommendation), NULL };
  IvcDebrief *debrief;

  /* The team's verdicts, each, and a split said in words. */
  if (is_team_row (scorecard, &debrief))
    {
      g_autoptr(GString) text = g_string_new (NULL);
      const char *plain[] = { "recommendation-text", NULL };

      if (debrief == NULL)
        g_string_append (text, C_("verdicts", "Hidden"));
      for (guint i = 0; debrief != NULL && i < ivc_debrief_get_n_interviewers (debrief); i++)
        {
          const IvcDebriefInterviewer *interviewer = ivc_debrief_get_interviewer (debrief, i);

          g_string_append_printf (text, "%s%s", i ? ", " : "",
                                  ivc_recommendation_get_label (ivc_scorecard_get_recommendation (interviewer->scorecard)));
        }
      if (debrief != NULL && ivc_debrief_get_verdicts_disagree (debrief))
        /* Translators: verdicts on both sides of hire / no hire, such as "Split: Yes, No" */
        g_string_prepend (text, _("Split: "));

      gtk_label_set_text (GTK_LABEL (label), text->str);
      gtk_widget_set_css_classes (label, plain);
      return;
    }

  gtk_label_set_text (GTK_LABEL (label), ivc_recommendation_get_label (recommendation));
  gtk_widget_set_css_classes (label, classes);
}

/* A screen reader reads a cell's name, a row's name: GTK 4.8 gives them
 * their class names. A cell says its text and its tooltip; the name
 * column's cell names the row. */
static void
label_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  GtkWidget *child = gtk_list_item_get_child (list_item);
  g_autoptr(GString) text = g_string_new (NULL);
  gboolean name_cell = !GTK_IS_LABEL (child);

  for (GtkWidget *label = name_cell ? gtk_widget_get_first_child (child) : child;
       label != NULL;
       label = name_cell ? gtk_widget_get_next_sibling (label) : NULL)
    {
      const char *tooltip = gtk_widget_get_tooltip_text (label);

      if (!gtk_widget_get_visible (label) || *gtk_label_get_text (GTK_LABEL (label)) == '\0')
        continue;
      if (text->len > 0)
        g_string_append (text, ", ");
      g_string_append (text, gtk_label_get_text (GTK_LABEL (label)));
      if (!name_cell && tooltip != NULL && *tooltip != '\0')
        g_string_append_printf (text, " (%s)", tooltip);
    }

  ivc_accessible_label_cell (child, text->str);
  if (name_cell)
    ivc_accessible_label_list_item (child, text->str);
}

static GtkListItemFactory *
new_factory (GCallback      setup,
             GCallback      bind,
             gpointer       user_data,
             GClosureNotify destroy)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", setup, NULL);
  g_signal_connect_data (factory, "bind", bind, user_data, destroy, 0);
  g_signal_connect (factory, "bind", G_CALLBACK (label_cell_cb), NULL);
  return factory;
}

static void
set_column (GtkColumnViewColumn *column,
            GtkListItemFactory  *factory,
            GtkSorter           *sorter)
{
  gtk_column_view_column_set_factory (column, factory);
  gtk_column_view_column_set_sorter (column, sorter);
  g_object_unref (factory);
  g_object_unref (sorter);
}

static void on_candidate_changed_cb (IvcCandidate      *candidate,
                                     IvcComparisonView *self);

static IvcScorecard *
new_scorecard (IvcComparisonView *self,
               IvcCandidate      *candidate)
{
  IvcScorecard *scorecard = ivc_scorecard_new (candidate, self->bank);

  /* The team's figures, behind the guard: submitted scorecards only. */
  if (self->team && self->store != NULL)
    {
      g_autoptr(GError) error = NULL;
      IvcDebrief *debrief;

      debrief = ivc_candidate_store_make_debrief (self->store, candidate, self->bank, FALSE,
                                                  g_settings_get_boolean (self->settings,
                                                                          "hide-scores-until-submitted"),
                                                  &error);
      if (debrief != NULL)
        g_object_set_data_full (G_OBJECT (scorecard), TEAM_DEBRIEF, debrief, g_object_unref);
      else if (g_error_matches (error, IVC_BIAS_GUARD_ERROR, IVC_BIAS_GUARD_ERROR_HIDDEN))
        g_object_set_data (G_OBJECT (scorecard), TEAM_HIDDEN, GINT_TO_POINTER (TRUE));
      else
        {
          /* Nobody submitted: a debrief of no one, no team figure. */
          g_autoptr(GPtrArray) only = g_ptr_array_new ();

          g_ptr_array_add (only, candidate);
          g_object_set_data_full (G_OBJECT (scorecard), TEAM_DEBRIEF,
                                  ivc_debrief_new (self->bank, only, FALSE), g_object_unref);
        }
    }

  return scorecard;
}

static void
watch_candidate (IvcComparisonView *self,
                 IvcCandidate      *candidate)
{
  g_signal_connect_object (candidate, "changed", G_CALLBACK (on_candidate_changed_cb), self, 0);
}

static void
unwatch_candidate (IvcComparisonView *self,
                   IvcCandidate      *candidate)
{
  g_signal_handlers_disconnect_by_data (candidate, self);
}

static gboolean
bank_filter_func (gpointer item,
                  gpointer user_data)
{
  IvcComparisonView *self = user_data;

  return self->bank == NULL ||
         ivc_candidate_belongs_to_bank (ivc_scorecard_get_candidate (item),
                                        ivc_question_bank_get_id (self->bank));
}

static void
update_stack (IvcComparisonView *self)
{
  guint n_all = g_list_model_get_n_items (G_LIST_MODEL (self->scorecards));
  gboolean empty = g_list_model_get_n_items (G_LIST_MODEL (self->in_bank)) == 0;

  if (n_all > 0)
    {
      adw_status_page_set_title (self->empty_page, _("No Candidates for This Question Bank"));
      adw_status_page_set_description (self->empty_page,
                                       _("Candidates are compared with those interviewed with the "
                                         "same question bank. Choose another bank to see them."));
    }
  else
    {
      adw_status_page_set_title (self->empty_page, _("No Candidates Yet"));
      adw_status_page_set_description (self->empty_page,
                                       _("The candidates you interview appear here, with their "
                                         "scores side by side."));
    }

  gtk_stack_set_visible_child_name (self->stack, empty ? "empty" : "candidates");
}

/* The candidate's row is made again, in the same place. */
static void
on_candidate_changed_cb (IvcCandidate      *candidate,
                         IvcComparisonView *self)
{
  GListModel *model = G_LIST_MODEL (self->scorecards);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IvcScorecard) old = g_list_model_get_item (model, i);

      if (ivc_scorecard_get_candidate (old) == candidate)
        {
          g_autoptr(IvcScorecard) scorecard = new_scorecard (self, candidate);

          g_list_store_splice (self->scorecards, i, 1, (gpointer *)&scorecard, 1);
          update_stack (self);
          return;
        }
    }
}

static void
on_candidates_changed_cb (IvcComparisonView *self,
                          guint              position,
                          guint              removed,
                          guint              added,
                          GListModel        *candidates)
{
  g_autoptr(GPtrArray) scorecards = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < removed; i++)
    {
      g_autoptr(IvcScorecard) old = g_list_model_get_item (G_LIST_MODEL (self->scorecards), position + i);

      unwatch_candidate (self, ivc_scorecard_get_candidate (old));
    }

  for (guint i = 0; i < added; i++)
    {
      g_autoptr(IvcCandidate) candidate = g_list_model_get_item (candidates, position + i);

      watch_candidate (self, candidate);
      g_ptr_array_add (scorecards, new_scorecard (self, candidate));
    }

  g_list_store_splice (self->scorecards, position, removed, scorecards->pdata, scorecards->len);
  update_stack (self);
}

static void
unwatch_all (IvcComparisonView *self)
{
  GListModel *model = G_LIST_MODEL (self->scorecards);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(IvcScorecard) scorecard = g_list_model_get_item (model, i);

      unwatch_candidate (self, ivc_scorecard_get_candidate (scorecard));
    }
}

/* Everything again: another store, or another bank. */
static void
reload (IvcComparisonView *self)
{
  GListModel *candidates = self->store ? ivc_candidate_store_get_candidates (self->store) : NULL;

  unwatch_all (self);
  g_list_store_remove_all (self->scorecards);
  if (candidates != NULL)
    on_candidates_changed_cb (self, 0, 0, g_list_model_get_n_items (candidates), candidates);

  update_stack (self);
}

static void
update_level_columns (IvcComparisonView *self)
{
  GListModel *levels;
  guint n_levels;

  for (guint i = 0; i < self->level_columns->len; i++)
    gtk_column_view_remove_column (self->column_view, g_ptr_array_index (self->level_columns, i));
  g_ptr_array_set_size (self->level_columns, 0);

  if (self->bank == NULL)
    return;

  levels = ivc_question_bank_get_levels (self->bank);
  n_levels = g_list_model_get_n_items (levels);
  for (guint i = 0; i < n_levels; i++)
    {
      g_autoptr(IvcLevel) level = g_list_model_get_item (levels, i);
      const char *id = ivc_level_get_id (level);
      GtkColumnViewColumn *column = gtk_column_view_column_new (ivc_level_get_title (level), NULL);

      set_column (column,
                  new_factory (G_CALLBACK (setup_label_cb), G_CALLBACK (bind_level_cb),
                               g_strdup (id), (GClosureNotify)g_free),
                  new_sorter (compare_level_averages, g_strdup (id), g_free));
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_insert_column (self->column_view, 1 + i, column);
      g_ptr_array_add (self->level_columns, column);
    }

  /* GTK 4.8 puts the title of an inserted column last, away from its
   * cells: the columns after the levels go to the end again, so that a
   * screen reader finds each title in the order of the cells. */
  for (GtkColumnViewColumn **fixed = (GtkColumnViewColumn *[]) { self->red_flags_column,
                                                                   self->coverage_column,
                                                                   self->recommendation_column,
                                                                   NULL };
       *fixed != NULL;
       fixed++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_object_ref (*fixed);

      gtk_column_view_remove_column (self->column_view, column);
      gtk_column_view_append_column (self->column_view, column);
    }

  ivc_accessible_label_column_view (self->column_view, _("Candidates"));
}

static void
on_column_view_activate_cb (IvcComparisonView *self,
                            guint              position)
{
  GListModel *model = G_LIST_MODEL (gtk_column_view_get_model (self->column_view));
  g_autoptr(IvcScorecard) scorecard = g_list_model_get_item (model, position);

  if (scorecard != NULL)
    g_signal_emit (self, signals[CANDIDATE_ACTIVATED], 0, ivc_scorecard_get_candidate (scorecard));
}

/* Tab enters the table on its row and leaves it in one step: GTK 4.8's
 * column view cycled through its rows and never let go. */
static gboolean
ivc_comparison_view_focus (GtkWidget        *widget,
                           GtkDirectionType  direction)
{
  IvcComparisonView *self = IVC_COMPARISON_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

  if (direction != GTK_DIR_TAB_FORWARD && direction != GTK_DIR_TAB_BACKWARD)
    return GTK_WIDGET_CLASS (ivc_comparison_view_parent_class)->focus (widget, direction);

  if (focus != NULL && gtk_widget_is_ancestor (focus, widget))
    return FALSE;

  if (!gtk_widget_get_child_visible (GTK_WIDGET (self->column_view)) ||
      g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "candidates") != 0)
    return FALSE;

  return gtk_widget_child_focus (GTK_WIDGET (self->column_view), GTK_DIR_TAB_FORWARD);
}

/**
 * ivc_comparison_view_sort_by:
 * @position: the position of a column among the table's columns
 *
 * Sorts the table by that column, the keyboard's way to the headers:
 * ascending first, then the other way round when it is asked again.
 */
void
ivc_comparison_view_sort_by (IvcComparisonView *self,
                             guint              position)
{
  g_autoptr(GtkColumnViewColumn) column = NULL;
  GtkSortType order = GTK_SORT_ASCENDING;

  g_return_if_fail (IVC_IS_COMPARISON_VIEW (self));

  column = g_list_model_get_item (gtk_column_view_get_columns (self->column_view), position);
  if (column == NULL)
    return;

  /* GTK 4.8 does not say how the table is sorted: the last column sorted
   * from here is remembered. */
  if (self->sorted_column == column && self->sorted_order == GTK_SORT_ASCENDING)
    order = GTK_SORT_DESCENDING;

  self->sorted_column = column;
  self->sorted_order = order;
  gtk_column_view_sort_by_column (self->column_view, column, order);
}

/**
 * ivc_comparison_view_get_columns:
 *
 * Returns: (transfer none): the table's columns, a list of
 *   #GtkColumnViewColumn, for a menu of what to sort by
 */
GListModel *
ivc_comparison_view_get_columns (IvcComparisonView *self)
{
  g_return_val_if_fail (IVC_IS_COMPARISON_VIEW (self), NULL);

  return gtk_column_view_get_columns (self->column_view);
}

static void
ivc_comparison_view_dispose (GObject *object)
{
  IvcComparisonView *self = (IvcComparisonView *)object;

  if (self->scorecards != NULL)
    unwatch_all (self);
  if (self->candidates_signals != NULL)
    g_signal_group_set_target (self->candidates_signals, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), IVC_TYPE_COMPARISON_VIEW);
  g_clear_object (&self->candidates_signals);
  g_clear_object (&self->sorted);
  g_clear_object (&self->in_bank);
  g_clear_object (&self->bank_filter);
  g_clear_object (&self->scorecards);
  g_clear_pointer (&self->level_columns, g_ptr_array_unref);
  g_clear_object (&self->store);
  g_clear_object (&self->bank);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (ivc_comparison_view_parent_class)->dispose (object);
}

static void
ivc_comparison_view_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  IvcComparisonView *self = IVC_COMPARISON_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_BANK:
      g_value_set_object (value, self->bank);
      break;

    case PROP_TEAM:
      g_value_set_boolean (value, self->team);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ivc_comparison_view_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  IvcComparisonView *self = IVC_COMPARISON_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      ivc_comparison_view_set_store (self, g_value_get_object (value));
      break;

    case PROP_BANK:
      ivc_comparison_view_set_bank (self, g_value_get_object (value));
      break;

    case PROP_TEAM:
      ivc_comparison_view_set_team (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ivc_comparison_view_class_init (IvcComparisonViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ivc_comparison_view_dispose;
  object_class->get_property = ivc_comparison_view_get_property;
  object_class->set_property = ivc_comparison_view_set_property;
  widget_class->focus = ivc_comparison_view_focus;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, IVC_TYPE_CANDIDATE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * IvcComparisonView:bank:
   *
   * The bank whose levels are the columns, and against which every
   * candidate is scored; %NULL for none.
   */
  properties[PROP_BANK] =
    g_param_spec_object ("bank", NULL, NULL, IVC_TYPE_QUESTION_BANK,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * IvcComparisonView:team:
   *
   * Whether the rows show the team's figures: each level's average over
   * every submitted scorecard, and every verdict; hidden for a candidate
   * while one's own scorecard is not submitted (the bias guard).
   */
  properties[PROP_TEAM] =
    g_param_spec_boolean ("team", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * IvcComparisonView::candidate-activated:
   * @candidate: the candidate of the row
   *
   * A row was activated, with Enter or a double click.
   */
  signals[CANDIDATE_ACTIVATED] =
    g_signal_new ("candidate-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, IVC_TYPE_CANDIDATE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ivc-comparison-view.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "comparisonview");
  gtk_widget_class_bind_template_child (widget_class, IvcComparisonView, stack);
  gtk_widget_class_bind_template_child (widget_class, IvcComparisonView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, IvcComparisonView, column_view);
  gtk_widget_class_bind_template_child (widget_class, IvcComparisonView, name_column);
  gtk_widget_class_bind_template_child (widget_class, IvcComparisonView, red_flags_column);
  gtk_widget_class_bind_template_child (widget_class, IvcComparisonView, coverage_column);
  gtk_widget_class_bind_template_child (widget_class, IvcComparisonView, recommendation_column);
  gtk_widget_class_bind_template_callback (widget_class, on_column_view_activate_cb);
}

static void
ivc_comparison_view_init (IvcComparisonView *self)
{
  GtkSelectionModel *selection;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->settings = g_settings_new (APP_ID);

  self->candidates_signals = g_signal_group_new (G_TYPE_LIST_MODEL);
  g_signal_group_connect_object (self->candidates_signals, "items-changed",
                                 G_CALLBACK (on_candidates_changed_cb), self, G_CONNECT_SWAPPED);

  self->level_columns = g_ptr_array_new_with_free_func (g_object_unref);
  self->scorecards = g_list_store_new (IVC_TYPE_SCORECARD);
  self->bank_filter = gtk_custom_filter_new (bank_filter_func, self, NULL);
  self->in_bank = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->scorecards)),
                                             g_object_ref (GTK_FILTER (self->bank_filter)));
  self->sorted = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->in_bank)),
                                          g_object_ref (gtk_column_view_get_sorter (self->column_view)));

  selection = GTK_SELECTION_MODEL (gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->sorted))));
  gtk_single_selection_set_autoselect (GTK_SINGLE_SELECTION (selection), FALSE);
  gtk_single_selection_set_can_unselect (GTK_SINGLE_SELECTION (selection), TRUE);
  gtk_column_view_set_model (self->column_view, selection);
  g_object_unref (selection);

  set_column (self->name_column,
              new_factory (G_CALLBACK (setup_name_cb), G_CALLBACK (bind_name_cb), NULL, NULL),
              new_sorter (compare_names, NULL, NULL));
  set_column (self->red_flags_column,
              new_factory (G_CALLBACK (setup_label_cb), G_CALLBACK (bind_red_flags_cb), NULL, NULL),
              new_sorter (compare_red_flags, NULL, NULL));
  set_column (self->coverage_column,
              new_factory (G_CALLBACK (setup_label_cb), G_CALLBACK (bind_coverage_cb), NULL, NULL),
              new_sorter (compare_coverage, NULL, NULL));
  set_column (self->recommendation_column,
              new_factory (G_CALLBACK (setup_label_cb), G_CALLBACK (bind_recommendation_cb), NULL, NULL),
              new_sorter (compare_recommendations, NULL, NULL));
  ivc_accessible_label_column_view (self->column_view, _("Candidates"));

  update_stack (self);
}

GtkWidget *
ivc_comparison_view_new (void)
{
  return g_object_new (IVC_TYPE_COMPARISON_VIEW, NULL);
}

/**
 * ivc_comparison_view_get_store:
 *
 * Returns: (transfer none) (nullable): the store whose candidates are shown
 */
IvcCandidateStore *
ivc_comparison_view_get_store (IvcComparisonView *self)
{
  g_return_val_if_fail (IVC_IS_COMPARISON_VIEW (self), NULL);

  return self->store;
}

void
ivc_comparison_view_set_store (IvcComparisonView *self,
                               IvcCandidateStore *store)
{
  g_return_if_fail (IVC_IS_COMPARISON_VIEW (self));
  g_return_if_fail (!store || IVC_IS_CANDIDATE_STORE (store));

  if (!g_set_object (&self->store, store))
    return;

  g_signal_group_set_target (self->candidates_signals,
                             store ? ivc_candidate_store_get_candidates (store) : NULL);

  reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

/**
 * ivc_comparison_view_get_bank:
 *
 * Returns: (transfer none) (nullable): the bank of the columns
 */
IvcQuestionBank *
ivc_comparison_view_get_bank (IvcComparisonView *self)
{
  g_return_val_if_fail (IVC_IS_COMPARISON_VIEW (self), NULL);

  return self->bank;
}

void
ivc_comparison_view_set_bank (IvcComparisonView *self,
                              IvcQuestionBank   *bank)
{
  g_return_if_fail (IVC_IS_COMPARISON_VIEW (self));
  g_return_if_fail (!bank || IVC_IS_QUESTION_BANK (bank));

  if (!g_set_object (&self->bank, bank))
    return;

  update_level_columns (self);
  gtk_filter_changed (GTK_FILTER (self->bank_filter), GTK_FILTER_CHANGE_DIFFERENT);
  reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BANK]);
}

/**
 * ivc_comparison_view_get_model:
 *
 * Returns: (transfer none): the rows as shown, in the order the table is
 *   sorted by: a list of #IvcScorecard
 */
GListModel *
ivc_comparison_view_get_model (IvcComparisonView *self)
{
  g_return_val_if_fail (IVC_IS_COMPARISON_VIEW (self), NULL);

  return G_LIST_MODEL (self->sorted);
}

gboolean
ivc_comparison_view_get_team (IvcComparisonView *self)
{
  g_return_val_if_fail (IVC_IS_COMPARISON_VIEW (self), FALSE);

  return self->team;
}

/**
 * ivc_comparison_view_set_team:
 * @team: whether to show the team's figures instead of one's own
 *
 * See #IvcComparisonView:team.
 */
void
ivc_comparison_view_set_team (IvcComparisonView *self,
                              gboolean           team)
{
  g_return_if_fail (IVC_IS_COMPARISON_VIEW (self));

  team = !!team;
  if (self->team == team)
    return;

  self->team = team;
  reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEAM]);
}
