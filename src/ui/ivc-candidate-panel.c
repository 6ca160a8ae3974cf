/* ivc-candidate-panel.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The side panel of the main window, where the interviewer scores and takes
 * notes on the current candidate.
 */

#define G_LOG_DOMAIN "ivc-candidate-panel"

#include "config.h"

#include <glib/gi18n.h>

#include "ivc-accessible.h"
#include "ivc-bias-guard.h"
#include "ivc-candidate-panel.h"
#include "ivc-accel.h"
#include "ivc-markdown-blocks.h"
#include "ivc-menu-button.h"
#include "ivc-question.h"
#include "ivc-text.h"

/* The side panel: the current candidate, a score, a red flag and notes for
 * the selected question, and the overall verdict. Every edit goes straight
 * into the model; the store saves it. */
struct _IvcCandidatePanel
{
  GtkWidget           parent_instance;

  IvcCandidateStore  *store;
  IvcCandidate       *candidate;
  /* Follow self->candidate: their target is set with it. */
  GSignalGroup       *candidate_signals;
  GBindingGroup      *candidate_bindings;
  IvcQuestion        *question;
  IvcQuestionBank    *bank;
  /* The title of the candidate's own bank while another is shown, NULL
   * when it is not installed. */
  char               *candidate_bank_title;
  GtkCustomFilter    *candidate_filter;
  char              **candidate_words;
  /* The switcher's rows bound to a candidate (GtkListItem, unowned). */
  GPtrArray          *candidate_rows;

  /* Set while the panel fills its fields from the model. */
  gboolean            updating;

  /* The teammates' scorecards for the candidate (IvcCandidate, copies
   * read from their files), shown behind the bias guard. */
  GPtrArray          *teammates;
  GSettings          *settings;

  GtkStack           *stack;

  /* The candidate page, built when a candidate is first shown
   * (ensure_content()): until then the fields below are NULL. */
  GtkPopover         *switch_popover;
  GtkSearchEntry     *candidate_search;
  GtkListView        *candidate_list;
  GtkLabel           *name_label;
  GtkLabel           *details_label;
  GtkWidget          *question_box;
  GtkWidget          *no_question_label;
  GtkWidget          *other_bank_box;
  GtkLabel           *other_bank_label;
  GtkWidget          *other_bank_button;
  GtkWidget          *score_buttons;
  GtkWidget          *score_button[IVC_QUESTION_RUBRIC_SCORES];
  GtkWidget          *score_anchor[IVC_QUESTION_RUBRIC_SCORES];
  GtkTextView        *notes_view;
  GtkLabel           *notes_limit_label;
  GtkDropDown        *recommendation_dropdown;
  GtkTextView        *summary_view;
  GtkLabel           *summary_limit_label;
  GtkWidget          *orphans_heading;
  GtkLabel           *orphans_label;
  GtkWidget          *switch_button_content;
  GtkLabel           *status_label;
  GtkWidget          *submit_button;
  GtkLabel           *teammates_label;
  GtkLabel           *teammates_question_label;
};

G_DEFINE_FINAL_TYPE (IvcCandidatePanel, ivc_candidate_panel, GTK_TYPE_WIDGET)

/* Whether the candidate page is built (ensure_content()); never once the
 * panel is disposed. */
static gboolean
has_candidate_page (IvcCandidatePanel *self)
{
  return self->stack != NULL && gtk_stack_get_child_by_name (self->stack, "candidate") != NULL;
}

enum {
  PROP_0,
  PROP_SCORE,
  PROP_RED_FLAG_OBSERVED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* A candidate's evaluation is taken with their own bank only: under
 * another, a question id names another question. */
static gboolean
candidate_in_bank (IvcCandidatePanel *self)
{
  /* Without a bank there is no other to tell it from. */
  return self->candidate != NULL &&
         (self->bank == NULL ||
          ivc_candidate_belongs_to_bank (self->candidate, ivc_question_bank_get_id (self->bank)));
}

static IvcEvaluation *
current_evaluation (IvcCandidatePanel *self)
{
  if (!candidate_in_bank (self) || self->question == NULL)
    return NULL;

  return ivc_candidate_get_evaluation (self->candidate, ivc_question_get_id (self->question));
}

static IvcEvaluation *
ensure_evaluation (IvcCandidatePanel *self)
{
  if (!candidate_in_bank (self) || self->question == NULL)
    return NULL;

  /* A candidate from a file without a bank belongs, from their first
   * note on, to the bank it was taken with. */
  if (self->bank != NULL && *ivc_candidate_get_bank_id (self->candidate) == '\0')
    ivc_candidate_set_bank_id (self->candidate, ivc_question_bank_get_id (self->bank));

  return ivc_candidate_ensure_evaluation (self->candidate, ivc_question_get_id (self->question));
}

static char *
dup_buffer_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
set_buffer_text (GtkTextView *view,
                 const char  *text)
{
  g_autofree char *current = dup_buffer_text (view);

  /* Leave the cursor alone when nothing changed. */
  if (g_strcmp0 (current, text ? text : "") != 0)
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text ? text : "", -1);
}

static void
update_candidate_header (IvcCandidatePanel *self)
{
  g_autoptr(GString) details = g_string_new (NULL);
  g_autofree char *date = NULL;
  const char *role;

  if (self->candidate == NULL)
    return;

  /* The name follows the candidate through candidate_bindings. */
  role = ivc_candidate_get_role (self->candidate);
  date = ivc_text_format_date (ivc_candidate_get_interview_date (self->candidate));
  if (role && *role)
    g_string_append (details, role);
  if (date && *date)
    g_string_append_printf (details, "%s%s", details->len ? " · " : "", date);
  if (details->len == 0)
    g_string_append (details, _("Switch candidate"));

  gtk_label_set_text (self->details_label, details->str);
}

/* The bank's rubric beside each score: the buttons stack up, each with
 * what its score means for this question, also as its accessible
 * description. Without a rubric they are the row of four they always were. */
static void
update_rubric (IvcCandidatePanel *self)
{
  gboolean has_rubric = self->question != NULL && ivc_question_has_rubric (self->question);

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self->score_buttons),
                                  has_rubric ? GTK_ORIENTATION_VERTICAL : GTK_ORIENTATION_HORIZONTAL);
  gtk_box_set_homogeneous (GTK_BOX (self->score_buttons), !has_rubric);

  for (guint i = 0; i < IVC_QUESTION_RUBRIC_SCORES; i++)
    {
      const char *anchor = has_rubric ? ivc_question_get_rubric_anchor (self->question, i + 1) : NULL;
      g_autofree char *text = anchor ? ivc_markdown_dup_summary (anchor) : NULL;
      GtkWidget *label = self->score_anchor[i];

      gtk_label_set_text (GTK_LABEL (label), text ? text : "");
      gtk_widget_set_visible (label, text != NULL);
      /* The score's name and number keep their width; the anchor takes
       * the rest. */
      gtk_widget_set_hexpand (gtk_widget_get_prev_sibling (label), !has_rubric);
      gtk_widget_set_size_request (gtk_widget_get_prev_sibling (label), has_rubric ? 56 : -1, -1);

      if (text != NULL)
        gtk_accessible_update_property (GTK_ACCESSIBLE (self->score_button[i]),
                                        GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text,
                                        -1);
      else
        gtk_accessible_reset_property (GTK_ACCESSIBLE (self->score_button[i]),
                                       GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
}

/*
 * The team: one's own scorecard's state, the Submit button, and the
 * teammates' scorecards behind the bias guard (ivc-bias-guard.c): before
 * submitting, only how many have submitted.
 */

static gboolean
may_see_teammates (IvcCandidatePanel *self)
{
  return self->candidate != NULL &&
         ivc_bias_guard_may_see_teammates (self->candidate,
                                           g_settings_get_boolean (self->settings,
                                                                   "hide-scores-until-submitted"));
}

static const char *
teammate_name (IvcCandidate *teammate)
{
  const char *name = ivc_candidate_get_interviewer_name (teammate);

  if (name == NULL || *name == '\0')
    name = ivc_candidate_get_interviewer_id (teammate);

  return name != NULL ? name : _("A teammate");
}

static void
update_teammates_question (IvcCandidatePanel *self)
{
  g_autoptr(GString) text = NULL;

  if (!has_candidate_page (self))
    return;

  text = g_string_new (NULL);

  if (self->question != NULL && self->teammates != NULL && self->teammates->len > 0 &&
      candidate_in_bank (self) && may_see_teammates (self))
    {
      for (guint i = 0; i < self->teammates->len; i++)
        {
          IvcCandidate *teammate = g_ptr_array_index (self->teammates, i);
          IvcEvaluation *evaluation = ivc_candidate_get_evaluation (teammate, ivc_question_get_id (self->question));
          IvcScore score;

          if (evaluation == NULL || ivc_evaluation_is_empty (evaluation))
            continue;

          if (text->len > 0)
            g_string_append (text, "\n");
          score = ivc_evaluation_get_score (evaluation);
          if (score != IVC_SCORE_NONE)
            /* Translators: a teammate's name, a score's name and its number */
            g_string_append_printf (text, _("%s: %s (%d of 4)"), teammate_name (teammate),
                                    ivc_score_get_label (score), (int)score);
          else
            /* Translators: a teammate's name */
            g_string_append_printf (text, _("%s: not scored"), teammate_name (teammate));
          if (ivc_evaluation_get_red_flag_observed (evaluation))
            g_string_append_printf (text, ", %s", _("red flag observed"));
          if (*ivc_evaluation_get_notes (evaluation) != '\0')
            g_string_append_printf (text, "\n%s", ivc_evaluation_get_notes (evaluation));
        }

      if (text->len == 0)
        g_string_append (text, _("No teammate noted anything on this question."));
      /* Translators: heads the teammates' scores on the question */
      g_string_prepend (text, _("Teammates on this question:\n"));
    }

  gtk_label_set_text (self->teammates_question_label, text->str);
  gtk_widget_set_visible (GTK_WIDGET (self->teammates_question_label), text->len > 0);
}

static void
update_team (IvcCandidatePanel *self)
{
  g_autoptr(GString) teammates = g_string_new (NULL);
  g_autofree char *status = NULL;
  gboolean submitted, guard;
  guint n_teammates, n_submitted;

  if (self->candidate == NULL)
    return;

  submitted = ivc_candidate_is_submitted (self->candidate);
  guard = g_settings_get_boolean (self->settings, "hide-scores-until-submitted");
  n_teammates = self->teammates != NULL ? self->teammates->len : 0;
  n_submitted = self->teammates != NULL ? ivc_bias_guard_count_submitted (self->teammates) : 0;

  if (submitted)
    status = ivc_bias_guard_dup_status (self->candidate);
  else if (guard && n_teammates > 0)
    status = g_strdup (_("Draft. Teammates’ scores, red flags, notes and verdicts stay hidden "
                         "until you submit yours."));
  else
    status = g_strdup (_("Draft. Submit it when your evaluation is complete; you can still "
                         "change it afterwards."));
  gtk_label_set_text (self->status_label, status);
  gtk_widget_set_visible (self->submit_button, !submitted);

  if (!may_see_teammates (self))
    {
      g_autofree char *count = ivc_bias_guard_dup_teammates_text (n_submitted, n_teammates);

      g_string_append (teammates, count);
    }
  else
    {
      for (guint i = 0; i < n_teammates; i++)
        {
          IvcCandidate *teammate = g_ptr_array_index (self->teammates, i);
          g_autofree char *teammate_status = ivc_bias_guard_dup_status (teammate);
          IvcRecommendation verdict = ivc_candidate_get_recommendation (teammate);

          if (i > 0)
            g_string_append_c (teammates, '\n');
          /* Translators: a teammate's name, their scorecard's state
           * ("Submitted …") and their verdict */
          g_string_append_printf (teammates, _("%s — %s — %s"), teammate_name (teammate),
                                  teammate_status, ivc_recommendation_get_label (verdict));
        }
    }

  gtk_label_set_text (self->teammates_label, teammates->str);
  gtk_widget_set_visible (GTK_WIDGET (self->teammates_label), teammates->len > 0);
  update_teammates_question (self);
}

static void
reload_teammates (IvcCandidatePanel *self)
{
  g_clear_pointer (&self->teammates, g_ptr_array_unref);

  if (self->store != NULL && self->candidate != NULL)
    self->teammates = ivc_candidate_store_read_other_scorecards (self->store, ivc_candidate_get_id (self->candidate), NULL);

  update_team (self);
}

static void update_question_widgets (IvcCandidatePanel *self,
                                     IvcEvaluation     *evaluation,
                                     gboolean           in_bank,
                                     gboolean           has_question);

static void
update_question_fields (IvcCandidatePanel *self)
{
  IvcEvaluation *evaluation = current_evaluation (self);
  gboolean in_bank = candidate_in_bank (self);
  gboolean has_question = in_bank && self->question != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "panel.score", has_question);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "panel.red-flag-observed", has_question);

  /* Without a candidate yet, there is no candidate page to fill. */
  if (has_candidate_page (self))
    update_question_widgets (self, evaluation, in_bank, has_question);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCORE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RED_FLAG_OBSERVED]);
}

static void
update_question_widgets (IvcCandidatePanel *self,
                         IvcEvaluation     *evaluation,
                         gboolean           in_bank,
                         gboolean           has_question)
{
  self->updating = TRUE;
  gtk_widget_set_visible (self->question_box, has_question);
  gtk_widget_set_visible (self->no_question_label, in_bank && !has_question);
  gtk_widget_set_visible (self->other_bank_box, self->candidate != NULL && self->bank != NULL && !in_bank);
  if (self->candidate != NULL && !in_bank)
    {
      g_autofree char *text = NULL;

      if (self->candidate_bank_title != NULL)
        /* Translators: the candidate's name, then the title of a question bank */
        text = g_strdup_printf (_("%s was interviewed with “%s”. Their scores and notes stay with "
                                  "that question bank: show it to go on."),
                                ivc_candidate_get_name (self->candidate), self->candidate_bank_title);
      else
        /* Translators: the candidate's name */
        text = g_strdup_printf (_("%s was interviewed with another question bank, which is not "
                                  "installed. Their scores and notes stay with that bank."),
                                ivc_candidate_get_name (self->candidate));
      gtk_label_set_text (self->other_bank_label, text);
      gtk_widget_set_visible (self->other_bank_button, self->candidate_bank_title != NULL);
    }
  update_rubric (self);
  set_buffer_text (self->notes_view, evaluation ? ivc_evaluation_get_notes (evaluation) : "");
  update_teammates_question (self);
  self->updating = FALSE;
}

/* Notes taken on questions the bank no longer has stay on screen: they
 * are never dropped. */
static void
update_orphans (IvcCandidatePanel *self)
{
  g_autoptr(GString) text = NULL;

  if (!has_candidate_page (self))
    return;

  text = g_string_new (NULL);
  /* Under another bank, every note of theirs would be listed: only when
   * theirs is not installed are they shown, to be read. */
  if (self->candidate != NULL && self->bank != NULL &&
      (candidate_in_bank (self) || self->candidate_bank_title == NULL))
    {
      g_autoptr(GPtrArray) evaluations = ivc_candidate_list_evaluations (self->candidate);

      for (guint i = 0; i < evaluations->len; i++)
        {
          IvcEvaluation *evaluation = g_ptr_array_index (evaluations, i);
          const char *id = ivc_evaluation_get_question_id (evaluation);
          const char *notes = ivc_evaluation_get_notes (evaluation);

          if (ivc_question_bank_find_question (self->bank, id) != NULL)
            continue;

          if (text->len > 0)
            g_string_append (text, "\n\n");
          if (ivc_evaluation_get_red_flag_observed (evaluation))
            /* Translators: a question the bank no longer has: its id, then
             * its score (“Good”, “Not scored”). */
            g_string_append_printf (text, _("%s — %s, red flag observed"), id,
                                    ivc_score_get_label (ivc_evaluation_get_score (evaluation)));
          else
            g_string_append_printf (text, "%s — %s", id,
                                    ivc_score_get_label (ivc_evaluation_get_score (evaluation)));
          if (*notes)
            g_string_append_printf (text, "\n%s", notes);
        }
    }

  gtk_label_set_text (self->orphans_label, text->str);
  gtk_widget_set_visible (self->orphans_heading, text->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->orphans_label), text->len > 0);
}

static void
update_candidate_fields (IvcCandidatePanel *self)
{
  if (self->candidate == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  self->updating = TRUE;
  update_candidate_header (self);
  gtk_drop_down_set_selected (self->recommendation_dropdown,
                              ivc_candidate_get_recommendation (self->candidate));
  set_buffer_text (self->summary_view, ivc_candidate_get_summary (self->candidate));
  self->updating = FALSE;

  gtk_stack_set_visible_child_name (self->stack, "candidate");
  update_question_fields (self);
  update_orphans (self);
}

/*
 * The limits of notes and summary (IVC_EVALUATION_MAX_NOTES_CHARS,
 * IVC_CANDIDATE_MAX_SUMMARY_CHARS): typing and pasting stop there, and a
 * notice under the field says so from LIMIT_NOTICE_PERCENT of the way.
 */
#define LIMIT_NOTICE_PERCENT 90

/* After an insertion: what goes past the limit is taken out again, from
 * the end of what was inserted. Text already longer (from a file written
 * before the limits) does not grow, as in the model (ivc_text_bound()). */
static void
on_limited_insert_text_cb (GtkTextBuffer *buffer,
                           GtkTextIter   *location,
                           const char    *text,
                           int            len,
                           gpointer       user_data)
{
  int max_chars = GPOINTER_TO_INT (user_data);
  int n_chars = gtk_text_buffer_get_char_count (buffer);
  int n_inserted = g_utf8_strlen (text, len);
  int excess = n_chars - MAX (max_chars, n_chars - n_inserted);

  if (excess > 0)
    {
      GtkTextIter start = *location;

      gtk_text_iter_backward_chars (&start, MIN (excess, n_inserted));
      gtk_text_buffer_delete (buffer, &start, location);
    }
}

/* The notice under a field with @n_chars of its @max_chars. */
static gboolean
near_limit (int n_chars,
            int max_chars)
{
  return n_chars * 100 >= max_chars * LIMIT_NOTICE_PERCENT;
}

static void
show_limit_notice (GtkLabel   *label,
                   gboolean    visible,
                   gboolean    full,
                   const char *text)
{
  gtk_widget_set_visible (GTK_WIDGET (label), visible);
  gtk_label_set_text (label, text ? text : "");

  /* Dim while there is room, a warning once there is none. */
  if (full)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (label), "dim-label");
      gtk_widget_add_css_class (GTK_WIDGET (label), "warning");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (label), "warning");
      gtk_widget_add_css_class (GTK_WIDGET (label), "dim-label");
    }
}

static void
update_notes_limit (IvcCandidatePanel *self)
{
  const int max_chars = IVC_EVALUATION_MAX_NOTES_CHARS;
  int n_chars = gtk_text_buffer_get_char_count (gtk_text_view_get_buffer (self->notes_view));
  g_autofree char *text = NULL;

  if (n_chars >= max_chars)
    text = g_strdup_printf (_("Notes on a question are limited to %d characters: no more can be added."),
                            max_chars);
  else if (near_limit (n_chars, max_chars))
    /* Translators: the limit and how many characters are left */
    text = g_strdup_printf (_("Notes on a question are limited to %d characters (%d left)."),
                            max_chars, max_chars - n_chars);

  show_limit_notice (self->notes_limit_label, text != NULL, n_chars >= max_chars, text);
}

static void
update_summary_limit (IvcCandidatePanel *self)
{
  const int max_chars = IVC_CANDIDATE_MAX_SUMMARY_CHARS;
  int n_chars = gtk_text_buffer_get_char_count (gtk_text_view_get_buffer (self->summary_view));
  g_autofree char *text = NULL;

  if (n_chars >= max_chars)
    text = g_strdup_printf (_("The summary is limited to %d characters: no more can be added."),
                            max_chars);
  else if (near_limit (n_chars, max_chars))
    /* Translators: the limit and how many characters are left */
    text = g_strdup_printf (_("The summary is limited to %d characters (%d left)."),
                            max_chars, max_chars - n_chars);

  show_limit_notice (self->summary_limit_label, text != NULL, n_chars >= max_chars, text);
}

static void
on_notes_changed_cb (IvcCandidatePanel *self,
                     GtkTextBuffer     *buffer)
{
  g_autofree char *text = NULL;
  IvcEvaluation *evaluation;

  update_notes_limit (self);

  if (self->updating || (evaluation = ensure_evaluation (self)) == NULL)
    return;

  text = dup_buffer_text (self->notes_view);
  ivc_evaluation_set_notes (evaluation, text);
}

static void
on_summary_changed_cb (IvcCandidatePanel *self,
                       GtkTextBuffer     *buffer)
{
  g_autofree char *text = NULL;

  update_summary_limit (self);

  if (self->updating || self->candidate == NULL)
    return;

  text = dup_buffer_text (self->summary_view);
  ivc_candidate_set_summary (self->candidate, text);
}

static void
on_recommendation_selected_cb (IvcCandidatePanel *self)
{
  guint selected = gtk_drop_down_get_selected (self->recommendation_dropdown);

  if (self->updating || self->candidate == NULL || selected > IVC_RECOMMENDATION_STRONG_YES)
    return;

  ivc_candidate_set_recommendation (self->candidate, (IvcRecommendation)selected);
}

/* Only a change between this bank and another is shown: a candidate
 * without a bank takes this one as the first note is typed, and the
 * notes field must not be filled again under the typing. */
static void
on_candidate_bank_changed_cb (IvcCandidatePanel *self)
{
  gboolean shown_in_bank = !gtk_widget_get_visible (self->other_bank_box);

  if (self->candidate != NULL && self->bank != NULL && shown_in_bank != candidate_in_bank (self))
    update_question_fields (self);
}

static void
on_candidate_changed_cb (IvcCandidatePanel *self)
{
  update_candidate_header (self);
  update_orphans (self);
}

static gboolean
candidate_filter_func (gpointer item,
                       gpointer user_data)
{
  IvcCandidatePanel *self = user_data;

  return ivc_candidate_matches (item, (const char * const *)self->candidate_words);
}

static void
on_candidate_search_changed_cb (IvcCandidatePanel *self)
{
  g_strfreev (self->candidate_words);
  self->candidate_words = ivc_text_search_words (gtk_editable_get_text (GTK_EDITABLE (self->candidate_search)));
  gtk_filter_changed (GTK_FILTER (self->candidate_filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
switch_to_position (IvcCandidatePanel *self,
                    guint              position)
{
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (self->candidate_list));
  g_autoptr(IvcCandidate) candidate = model ? g_list_model_get_item (model, position) : NULL;

  if (candidate == NULL)
    return;

  gtk_popover_popdown (self->switch_popover);
  gtk_widget_activate_action (GTK_WIDGET (self), "win.switch-candidate", "s",
                              ivc_candidate_get_id (candidate));
}

static void
on_candidate_activate_cb (IvcCandidatePanel *self,
                          guint              position)
{
  switch_to_position (self, position);
}

static void
on_candidate_search_activate_cb (IvcCandidatePanel *self)
{
  switch_to_position (self, 0);
}

static void
on_switch_popover_show_cb (IvcCandidatePanel *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->candidate_search), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->candidate_search));
}

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The drop-down's list keeps the focus where it was for the last
 * candidate: it starts on the verdict checked, so that ↓ and Enter move
 * from there. */
static gboolean
focus_checked_verdict_cb (GtkWidget     *popover,
                          GdkFrameClock *clock,
                          gpointer       user_data)
{
  IvcCandidatePanel *self = user_data;
  GtkWidget *list = find_descendant (popover, GTK_TYPE_LIST_VIEW);
  guint selected = gtk_drop_down_get_selected (self->recommendation_dropdown);

  if (list != NULL && selected != GTK_INVALID_LIST_POSITION)
    {
      GtkWidget *row = gtk_widget_get_first_child (list);

      /* The five verdicts are all on screen: the list's rows are its
       * children, in order. */
      for (guint i = 0; row != NULL && i < selected; i++)
        row = gtk_widget_get_next_sibling (row);

      if (row != NULL)
        gtk_widget_grab_focus (row);
    }

  return G_SOURCE_REMOVE;
}

/* Once the rows are laid out: on map they are not there to take focus. */
static void
on_recommendation_popover_show_cb (IvcCandidatePanel *self,
                                   GtkWidget         *popover)
{
  gtk_widget_add_tick_callback (popover, focus_checked_verdict_cb, self, NULL);
}

/* Escape in the search field, where the focus starts, closes the
 * switcher: the field's own Escape only cleared it. */
static void
on_candidate_search_stop_cb (IvcCandidatePanel *self)
{
  gtk_popover_popdown (self->switch_popover);
}

static void
setup_candidate_row_cb (GtkSignalListItemFactory *factory,
                        GtkListItem              *list_item,
                        gpointer                  user_data)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *details = gtk_label_new (NULL);
  GtkWidget *check = gtk_image_new_from_icon_name ("object-select-symbolic");

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_wrap (GTK_LABEL (name), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (name), PANGO_WRAP_WORD_CHAR);
  /* Role, date and progress in full: on a second line if need be. */
  gtk_label_set_xalign (GTK_LABEL (details), 0);
  gtk_label_set_wrap (GTK_LABEL (details), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (details), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (details, "caption");
  gtk_widget_add_css_class (details, "dim-label");
  gtk_widget_set_hexpand (box, TRUE);
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), details);
  gtk_box_append (GTK_BOX (row), box);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (row), check);
  gtk_list_item_set_child (list_item, row);
}

/* A screen reader reads the row as one line: "Name, details". */
static void
label_candidate_row (GtkWidget *box)
{
  GtkWidget *name = gtk_widget_get_first_child (box);
  g_autoptr(GString) label = g_string_new (gtk_label_get_text (GTK_LABEL (name)));

  for (GtkWidget *child = gtk_widget_get_next_sibling (name);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LABEL (child) && gtk_widget_get_visible (child) &&
        *gtk_label_get_text (GTK_LABEL (child)) != '\0')
      g_string_append_printf (label, ", %s", gtk_label_get_text (GTK_LABEL (child)));

  ivc_accessible_label_list_item (box, label->str);
}

static void
update_candidate_row (GtkListItem *list_item)
{
  IvcCandidatePanel *self = g_object_get_data (G_OBJECT (list_item), "panel");
  IvcCandidate *candidate = gtk_list_item_get_item (list_item);
  GtkWidget *row = gtk_list_item_get_child (list_item);
  GtkWidget *box = gtk_widget_get_first_child (row);
  GtkWidget *check = gtk_widget_get_next_sibling (box);
  GtkWidget *name = gtk_widget_get_first_child (box);
  GtkWidget *details = gtk_widget_get_next_sibling (name);
  guint n_scored = ivc_candidate_get_n_scored (candidate);
  const char *role = ivc_candidate_get_role (candidate);
  gboolean current = self != NULL && self->candidate == candidate;
  const char *id = ivc_candidate_get_id (candidate);
  g_autofree char *text = NULL;
  guint n_teammates = 0;

  if (self != NULL && self->store != NULL)
    n_teammates = ivc_candidate_store_get_n_teammates (self->store, id);

  /* Someone else's interview: ours starts when it is opened and scored. */
  if (self != NULL && self->store != NULL &&
      ivc_candidate_store_get_teammates_only (self->store, id))
    {
      g_autofree char *team = g_strdup_printf (ngettext ("Only a teammate so far",
                                                         "Only %u teammates so far", n_teammates),
                                               n_teammates);

      if (role != NULL && *role)
        /* Translators: a candidate's role, then “Only a teammate so far” */
        text = g_strdup_printf (_("%s · %s"), role, team);
      else
        text = g_steal_pointer (&team);
    }
  else if (role != NULL && *role)
    /* Translators: a candidate's role (“Backend Engineer”), then how many
     * questions were scored. */
    text = g_strdup_printf (ngettext ("%s · %u question scored",
                                      "%s · %u questions scored", n_scored),
                            role, n_scored);
  else
    text = g_strdup_printf (ngettext ("%u question scored",
                                      "%u questions scored", n_scored),
                            n_scored);
  if (n_teammates > 0 && !(self != NULL && ivc_candidate_store_get_teammates_only (self->store, id)))
    {
      g_autofree char *team = g_strdup_printf (ngettext ("%u teammate", "%u teammates", n_teammates),
                                               n_teammates);
      g_autofree char *both = g_strdup_printf (_("%s · %s"), text, team);

      g_free (text);
      text = g_steal_pointer (&both);
    }
  gtk_label_set_text (GTK_LABEL (name), ivc_candidate_get_name (candidate));
  gtk_label_set_text (GTK_LABEL (details), text);
  label_candidate_row (box);
  /* The current candidate is marked, as the bank switcher marks its bank. */
  gtk_widget_set_opacity (check, current ? 1.0 : 0.0);
  gtk_accessible_update_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_SELECTED, current, -1);
}

/* A row follows its candidate: the current one's count grows as they are
 * scored while the switcher is closed. */
static void
bind_candidate_row_cb (GtkSignalListItemFactory *factory,
                       GtkListItem              *list_item,
                       IvcCandidatePanel        *self)
{
  IvcCandidate *candidate = gtk_list_item_get_item (list_item);
  gulong handler;

  g_object_set_data (G_OBJECT (list_item), "panel", self);
  handler = g_signal_connect_object (candidate, "changed", G_CALLBACK (update_candidate_row),
                                     list_item, G_CONNECT_SWAPPED);
  g_object_set_data (G_OBJECT (list_item), "changed-handler", GSIZE_TO_POINTER (handler));
  g_ptr_array_add (self->candidate_rows, list_item);
  update_candidate_row (list_item);
}

static void
unbind_candidate_row_cb (GtkSignalListItemFactory *factory,
                         GtkListItem              *list_item,
                         IvcCandidatePanel        *self)
{
  IvcCandidate *candidate = gtk_list_item_get_item (list_item);
  gulong handler = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (list_item), "changed-handler"));

  if (candidate != NULL && handler != 0)
    g_signal_handler_disconnect (candidate, handler);
  g_object_set_data (G_OBJECT (list_item), "changed-handler", NULL);
  if (self->candidate_rows != NULL)
    g_ptr_array_remove_fast (self->candidate_rows, list_item);
}

static void
ivc_candidate_panel_dispose (GObject *object)
{
  IvcCandidatePanel *self = (IvcCandidatePanel *)object;

  /* Nothing of the candidate reaches the template's children as they go. */
  if (self->candidate_signals != NULL)
    g_signal_group_set_target (self->candidate_signals, NULL);
  if (self->candidate_bindings != NULL)
    g_binding_group_set_source (self->candidate_bindings, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), IVC_TYPE_CANDIDATE_PANEL);
  g_clear_object (&self->candidate_signals);
  g_clear_object (&self->candidate_bindings);
  g_clear_object (&self->candidate);
  g_clear_object (&self->question);
  g_clear_object (&self->bank);
  g_clear_pointer (&self->candidate_bank_title, g_free);
  g_clear_object (&self->store);
  g_clear_object (&self->candidate_filter);
  g_clear_pointer (&self->candidate_words, g_strfreev);
  g_clear_pointer (&self->candidate_rows, g_ptr_array_unref);
  g_clear_pointer (&self->teammates, g_ptr_array_unref);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (ivc_candidate_panel_parent_class)->dispose (object);
}

static void
ivc_candidate_panel_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  IvcCandidatePanel *self = IVC_CANDIDATE_PANEL (object);
  IvcEvaluation *evaluation = current_evaluation (self);

  switch (prop_id)
    {
    case PROP_SCORE:
      g_value_set_int (value, evaluation ? (int)ivc_evaluation_get_score (evaluation) : 0);
      break;

    case PROP_RED_FLAG_OBSERVED:
      g_value_set_boolean (value, evaluation ? ivc_evaluation_get_red_flag_observed (evaluation) : FALSE);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ivc_candidate_panel_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  IvcCandidatePanel *self = IVC_CANDIDATE_PANEL (object);
  IvcEvaluation *evaluation = ensure_evaluation (self);

  if (evaluation == NULL)
    return;

  switch (prop_id)
    {
    case PROP_SCORE:
      if ((int)ivc_evaluation_get_score (evaluation) != g_value_get_int (value))
        {
          ivc_evaluation_set_score (evaluation, (IvcScore)g_value_get_int (value));
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    case PROP_RED_FLAG_OBSERVED:
      if (ivc_evaluation_get_red_flag_observed (evaluation) != g_value_get_boolean (value))
        {
          ivc_evaluation_set_red_flag_observed (evaluation, g_value_get_boolean (value));
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ivc_candidate_panel_class_init (IvcCandidatePanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ivc_candidate_panel_dispose;
  object_class->get_property = ivc_candidate_panel_get_property;
  object_class->set_property = ivc_candidate_panel_set_property;

  /* Of the current candidate for the current question; 0 is no score. */
  properties[PROP_SCORE] =
    g_param_spec_int ("score", NULL, NULL, 0, IVC_SCORE_MAX, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RED_FLAG_OBSERVED] =
    g_param_spec_boolean ("red-flag-observed", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ivc-candidate-panel.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "candidatepanel");
  gtk_widget_class_bind_template_child (widget_class, IvcCandidatePanel, stack);

  gtk_widget_class_install_property_action (widget_class, "panel.score", "score");
  gtk_widget_class_install_property_action (widget_class, "panel.red-flag-observed", "red-flag-observed");
}

/* The candidate page's widgets, by their ids in its file. */
static const struct
{
  const char *id;
  gsize       offset;
} content_objects[] = {
#define CONTENT_OBJECT(field) { #field, G_STRUCT_OFFSET (IvcCandidatePanel, field) }
  CONTENT_OBJECT (switch_popover),
  CONTENT_OBJECT (candidate_search),
  CONTENT_OBJECT (candidate_list),
  CONTENT_OBJECT (name_label),
  CONTENT_OBJECT (details_label),
  CONTENT_OBJECT (question_box),
  CONTENT_OBJECT (no_question_label),
  CONTENT_OBJECT (other_bank_box),
  CONTENT_OBJECT (other_bank_label),
  CONTENT_OBJECT (other_bank_button),
  CONTENT_OBJECT (score_buttons),
  CONTENT_OBJECT (notes_view),
  CONTENT_OBJECT (notes_limit_label),
  CONTENT_OBJECT (recommendation_dropdown),
  CONTENT_OBJECT (summary_view),
  CONTENT_OBJECT (summary_limit_label),
  CONTENT_OBJECT (orphans_heading),
  CONTENT_OBJECT (orphans_label),
  CONTENT_OBJECT (switch_button_content),
  CONTENT_OBJECT (status_label),
  CONTENT_OBJECT (submit_button),
  CONTENT_OBJECT (teammates_label),
  CONTENT_OBJECT (teammates_question_label),
#undef CONTENT_OBJECT
};

static void
set_candidate_list_model (IvcCandidatePanel *self)
{
  GtkFilterListModel *filtered;

  if (!has_candidate_page (self) || self->store == NULL)
    return;

  filtered = gtk_filter_list_model_new (g_object_ref (ivc_candidate_store_get_candidates (self->store)),
                                        g_object_ref (GTK_FILTER (self->candidate_filter)));
  gtk_list_view_set_model (self->candidate_list,
                           GTK_SELECTION_MODEL (gtk_no_selection_new (G_LIST_MODEL (filtered))));
}

/* The candidate page: about 200 widgets (the switcher, the scores, two
 * text views, the verdict, the team) that the first frame, which shows
 * no candidate or shows one a moment later, does not wait for. Built as
 * the template would have built it, into the same fields. */
static void
ensure_content (IvcCandidatePanel *self)
{
  g_autoptr(GtkBuilder) builder = NULL;
  g_autoptr(GtkBuilderScope) scope = NULL;
  g_autoptr(GtkListItemFactory) factory = NULL;
  g_autoptr(GError) error = NULL;
  GtkStackPage *page;

  if (has_candidate_page (self))
    return;

  scope = gtk_builder_cscope_new ();
  gtk_builder_cscope_add_callback_symbols (GTK_BUILDER_CSCOPE (scope),
                                           "on_candidate_search_changed_cb", G_CALLBACK (on_candidate_search_changed_cb),
                                           "on_candidate_search_activate_cb", G_CALLBACK (on_candidate_search_activate_cb),
                                           "on_candidate_activate_cb", G_CALLBACK (on_candidate_activate_cb),
                                           "on_switch_popover_show_cb", G_CALLBACK (on_switch_popover_show_cb),
                                           "on_recommendation_selected_cb", G_CALLBACK (on_recommendation_selected_cb),
                                           NULL);
  builder = gtk_builder_new ();
  gtk_builder_set_scope (builder, scope);
  /* Handlers without an object of their own are the panel's. */
  gtk_builder_set_current_object (builder, G_OBJECT (self));
  if (!gtk_builder_add_from_resource (builder, RESOURCE_BASE "/ivc-candidate-panel-content.ui", &error))
    g_error ("%s", error->message);

  for (gsize i = 0; i < G_N_ELEMENTS (content_objects); i++)
    {
      GObject *object = gtk_builder_get_object (builder, content_objects[i].id);

      g_assert (object != NULL);
      G_STRUCT_MEMBER (GObject *, self, content_objects[i].offset) = object;
    }
  for (guint i = 0; i < IVC_QUESTION_RUBRIC_SCORES; i++)
    {
      g_autofree char *button = g_strdup_printf ("score_button_%u", i + 1);
      g_autofree char *anchor = g_strdup_printf ("score_anchor_%u", i + 1);

      self->score_button[i] = GTK_WIDGET (gtk_builder_get_object (builder, button));
      self->score_anchor[i] = GTK_WIDGET (gtk_builder_get_object (builder, anchor));
      g_assert (self->score_button[i] != NULL && self->score_anchor[i] != NULL);
    }

  page = gtk_stack_add_named (self->stack, GTK_WIDGET (gtk_builder_get_object (builder, "content")), "candidate");
  g_assert (page != NULL);

  ivc_accel_add_to_tooltips (GTK_WIDGET (gtk_builder_get_object (builder, "content")));
  ivc_accessible_fix_mnemonic_buttons (GTK_WIDGET (gtk_builder_get_object (builder, "content")));
  ivc_menu_button_set_menu_model_on_demand (GTK_MENU_BUTTON (gtk_builder_get_object (builder, "candidate_menu_button")),
                                            G_MENU_MODEL (gtk_builder_get_object (builder, "candidate_menu")));

  /* GtkMenuButton centres its content in a box of its own: the name
   * reads from the left, like the rest of the panel. */
  gtk_widget_set_halign (gtk_widget_get_parent (self->switch_button_content), GTK_ALIGN_FILL);
  ivc_accessible_name_drop_down (self->recommendation_dropdown, _("Recommendation"));

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->recommendation_dropdown));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_POPOVER (child))
        g_signal_connect_object (child, "map", G_CALLBACK (on_recommendation_popover_show_cb),
                                 self, G_CONNECT_SWAPPED | G_CONNECT_AFTER);
    }

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_candidate_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_candidate_row_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_candidate_row_cb), self);
  g_signal_connect_object (self->candidate_search, "stop-search",
                           G_CALLBACK (on_candidate_search_stop_cb), self, G_CONNECT_SWAPPED);
  gtk_list_view_set_factory (self->candidate_list, factory);
  set_candidate_list_model (self);

  g_signal_connect_object (gtk_text_view_get_buffer (self->notes_view), "changed",
                           G_CALLBACK (on_notes_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_text_view_get_buffer (self->summary_view), "changed",
                           G_CALLBACK (on_summary_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_after (gtk_text_view_get_buffer (self->notes_view), "insert-text",
                          G_CALLBACK (on_limited_insert_text_cb), GINT_TO_POINTER (IVC_EVALUATION_MAX_NOTES_CHARS));
  g_signal_connect_after (gtk_text_view_get_buffer (self->summary_view), "insert-text",
                          G_CALLBACK (on_limited_insert_text_cb), GINT_TO_POINTER (IVC_CANDIDATE_MAX_SUMMARY_CHARS));

  g_binding_group_bind (self->candidate_bindings, "name", self->name_label, "label",
                        G_BINDING_SYNC_CREATE);
}

static void
ivc_candidate_panel_init (IvcCandidatePanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  ivc_accel_add_to_tooltips (GTK_WIDGET (self));

  self->candidate_words = g_new0 (char *, 1);
  self->candidate_rows = g_ptr_array_new ();
  self->candidate_filter = gtk_custom_filter_new (candidate_filter_func, self, NULL);

  self->candidate_signals = g_signal_group_new (IVC_TYPE_CANDIDATE);
  g_signal_group_connect_object (self->candidate_signals, "changed",
                                 G_CALLBACK (on_candidate_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->candidate_signals, "notify::bank-id",
                                 G_CALLBACK (on_candidate_bank_changed_cb), self, G_CONNECT_SWAPPED);
  /* Submitting shows the teammates: read them again, they may have
   * submitted meanwhile. */
  g_signal_group_connect_object (self->candidate_signals, "notify::submitted",
                                 G_CALLBACK (reload_teammates), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->candidate_signals, "notify::amended",
                                 G_CALLBACK (update_team), self, G_CONNECT_SWAPPED);

  self->settings = g_settings_new (APP_ID);
  g_signal_connect_object (self->settings, "changed::hide-scores-until-submitted",
                           G_CALLBACK (update_team), self, G_CONNECT_SWAPPED);

  self->candidate_bindings = g_binding_group_new ();

  update_candidate_fields (self);
}

/* A teammate's file arrived, changed or went: the rows say so. */
static void
on_team_changed_cb (IvcCandidatePanel *self,
                    const char        *candidate_id)
{
  for (guint i = 0; i < self->candidate_rows->len; i++)
    {
      GtkListItem *list_item = g_ptr_array_index (self->candidate_rows, i);
      IvcCandidate *candidate = gtk_list_item_get_item (list_item);

      if (candidate != NULL && g_strcmp0 (ivc_candidate_get_id (candidate), candidate_id) == 0)
        update_candidate_row (list_item);
    }

  /* What the guard lets us see of the teammates of the candidate open. */
  if (self->candidate != NULL &&
      g_strcmp0 (ivc_candidate_get_id (self->candidate), candidate_id) == 0)
    reload_teammates (self);
}

void
ivc_candidate_panel_set_store (IvcCandidatePanel *self,
                               IvcCandidateStore *store)
{
  g_return_if_fail (IVC_IS_CANDIDATE_PANEL (self));
  g_return_if_fail (IVC_IS_CANDIDATE_STORE (store));

  if (!g_set_object (&self->store, store))
    return;

  g_signal_connect_object (store, "team-changed", G_CALLBACK (on_team_changed_cb),
                           self, G_CONNECT_SWAPPED);

  set_candidate_list_model (self);
  reload_teammates (self);
}

/**
 * ivc_candidate_panel_get_candidate:
 *
 * Returns: (transfer none) (nullable): the candidate shown
 */
IvcCandidate *
ivc_candidate_panel_get_candidate (IvcCandidatePanel *self)
{
  g_return_val_if_fail (IVC_IS_CANDIDATE_PANEL (self), NULL);

  return self->candidate;
}

void
ivc_candidate_panel_set_candidate (IvcCandidatePanel *self,
                                   IvcCandidate      *candidate)
{
  g_return_if_fail (IVC_IS_CANDIDATE_PANEL (self));
  g_return_if_fail (!candidate || IVC_IS_CANDIDATE (candidate));

  if (!g_set_object (&self->candidate, candidate))
    return;

  if (candidate != NULL)
    ensure_content (self);

  /* The groups only watch: self->candidate keeps the candidate alive. */
  g_signal_group_set_target (self->candidate_signals, candidate);
  g_binding_group_set_source (self->candidate_bindings, candidate);

  update_candidate_fields (self);
  reload_teammates (self);
  for (guint i = 0; i < self->candidate_rows->len; i++)
    update_candidate_row (g_ptr_array_index (self->candidate_rows, i));
}

/**
 * ivc_candidate_panel_reload_teammates:
 *
 * Reads the teammates' scorecards for the candidate again, as when one
 * of their files changed.
 */
void
ivc_candidate_panel_reload_teammates (IvcCandidatePanel *self)
{
  g_return_if_fail (IVC_IS_CANDIDATE_PANEL (self));

  reload_teammates (self);
}

void
ivc_candidate_panel_set_question (IvcCandidatePanel *self,
                                  IvcQuestion       *question)
{
  g_return_if_fail (IVC_IS_CANDIDATE_PANEL (self));

  if (!g_set_object (&self->question, question))
    return;

  update_question_fields (self);
}

void
ivc_candidate_panel_focus_notes (IvcCandidatePanel *self)
{
  g_return_if_fail (IVC_IS_CANDIDATE_PANEL (self));

  if (has_candidate_page (self) && gtk_widget_get_visible (self->question_box))
    gtk_widget_grab_focus (GTK_WIDGET (self->notes_view));
}

void
ivc_candidate_panel_set_bank (IvcCandidatePanel *self,
                              IvcQuestionBank   *bank)
{
  g_return_if_fail (IVC_IS_CANDIDATE_PANEL (self));

  if (!g_set_object (&self->bank, bank))
    return;

  update_question_fields (self);
  update_orphans (self);
}

/**
 * ivc_candidate_panel_set_candidate_bank_title:
 * @title: (nullable): the title of the candidate's bank, if installed
 *
 * What the panel says while the candidate's own bank is not the one shown.
 */
void
ivc_candidate_panel_set_candidate_bank_title (IvcCandidatePanel *self,
                                              const char        *title)
{
  g_return_if_fail (IVC_IS_CANDIDATE_PANEL (self));

  if (g_strcmp0 (self->candidate_bank_title, title) == 0)
    return;

  g_free (self->candidate_bank_title);
  self->candidate_bank_title = g_strdup (title);
  update_question_fields (self);
  update_orphans (self);
}
