/* ivc-candidate-merge.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Merging two versions of one interviewer's scorecard field by field,
 * against the version both started from, so that nothing either side
 * typed is lost.
 */

#define G_LOG_DOMAIN "ivc-candidate-merge"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "ivc-candidate-merge.h"
#include "ivc-candidate-private.h"

/*
 * The rules, for each field (docs/candidate-format.md, "Two copies of one
 * scorecard"):
 *
 * - Only one side changed it since the common version: that side's value.
 * - Both changed it to the same value: that value.
 * - Both changed it differently:
 *   - a text (notes, summary): ours, then a marked line and theirs, or
 *     only what they added when both added to the common text; an empty
 *     text (a deletion) gives way to the other side's edit, and a text
 *     that holds the other already is taken alone;
 *   - a score, the verdict, the name, role, date or bank: ours stays, and
 *     theirs is written, marked, into the question's notes or the summary;
 *     a cleared value gives way to the other side's;
 *   - times (the interview's and each question's): the longer, as both
 *     copies timed the same interview;
 *   - the plan: ours in its order, without what they took out, with what
 *     they added at the end;
 *   - a red flag cannot differ: both changed it from the same value.
 * - The submission (format 3) is not a field one side changes back:
 *   submitted wins over a draft, the earlier submission is kept, and the
 *   later amendment.
 *
 * Without a common version (a conflict copy), every field that differs
 * counts as changed on both sides.
 */

typedef struct
{
  const char     *marker;
  /* How every marker starts, whatever the version it names. */
  const char     *marker_start;
  IvcMergeResult *result;
} Merge;

/* Translators: marks text kept in notes from another version of the same
 * scorecard when both were changed; %s says which version */
#define MARKER_FORMAT N_("——— From %s ———")

static gboolean
text_equal (const char *a,
            const char *b)
{
  return g_strcmp0 (a ? a : "", b ? b : "") == 0;
}

/* Blank lines and spaces at the start of what is added are left to the
 * marker's own line break. */
static const char *
skip_leading_space (const char *text)
{
  while (*text == '\n' || *text == ' ' || *text == '\t' || *text == '\r')
    text++;

  return text;
}

/* Both texts changed differently: what the result keeps, and in
 * *addition what of theirs goes below a marker (NULL if nothing). */
static char *
merge_both_texts (const char  *base,
                  const char  *ours,
                  const char  *theirs,
                  const char **addition)
{
  gsize base_len = strlen (base);

  *addition = NULL;

  /* A deletion on one side gives way to the other side's edit. */
  if (*theirs == '\0')
    return g_strdup (ours);
  if (*ours == '\0')
    return g_strdup (theirs);

  /* One already holds the other. */
  if (strstr (ours, theirs) != NULL)
    return g_strdup (ours);
  if (strstr (theirs, ours) != NULL)
    return g_strdup (theirs);

  /* Both added to the common text: only their addition is repeated. */
  if (base_len > 0 && g_str_has_prefix (ours, base) && g_str_has_prefix (theirs, base))
    *addition = skip_leading_space (theirs + base_len);
  else
    *addition = theirs;

  if (**addition == '\0')
    {
      *addition = NULL;
      return g_strdup (ours);
    }

  return g_strdup (ours);
}

/* A text field, with the lines that other fields left for it (theirs, where
 * both changed something that has no room for two values). */
static char *
merge_text (Merge      *merge,
            const char *base,
            const char *ours,
            const char *theirs,
            GPtrArray  *extra_lines)
{
  const char *addition = NULL;
  g_autoptr(GString) text = NULL;

  base = base ? base : "";
  ours = ours ? ours : "";
  theirs = theirs ? theirs : "";

  if (strcmp (ours, theirs) == 0 || strcmp (theirs, base) == 0)
    text = g_string_new (ours);
  else if (strcmp (ours, base) == 0)
    {
      text = g_string_new (theirs);
      merge->result->n_taken++;
    }
  else
    {
      g_autofree char *kept = merge_both_texts (base, ours, theirs, &addition);

      text = g_string_new (kept);
      if (addition == NULL)
        merge->result->n_taken += strcmp (kept, ours) != 0;
    }

  /* Lines the text holds already, from an earlier merge of the same
   * version, are not repeated. */
  for (guint i = extra_lines ? extra_lines->len : 0; i > 0; i--)
    {
      if (strstr (text->str, g_ptr_array_index (extra_lines, i - 1)) != NULL)
        g_ptr_array_remove_index (extra_lines, i - 1);
    }

  if (addition == NULL && (extra_lines == NULL || extra_lines->len == 0))
    return g_string_free (g_steal_pointer (&text), FALSE);

  merge->result->n_kept_both++;

  /* What they added may carry its own marker, from an earlier merge. */
  if (addition != NULL && (extra_lines == NULL || extra_lines->len == 0) &&
      g_str_has_prefix (addition, merge->marker_start))
    {
      g_string_append (text, "\n\n");
      g_string_append (text, addition);
      return g_string_free (g_steal_pointer (&text), FALSE);
    }

  if (text->len > 0)
    g_string_append (text, "\n\n");
  if (merge->marker != NULL)
    {
      g_string_append (text, merge->marker);
      g_string_append_c (text, '\n');
    }
  for (guint i = 0; extra_lines != NULL && i < extra_lines->len; i++)
    {
      if (i > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, g_ptr_array_index (extra_lines, i));
    }
  if (addition != NULL)
    {
      if (extra_lines != NULL && extra_lines->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, addition);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* A field with room for one value, compared with equal(): which side's
 * value to keep. Theirs goes to the notes when both changed it and
 * neither cleared it. */
typedef enum
{
  KEEP_OURS,
  TAKE_THEIRS,
  KEEP_BOTH,
} Choice;

static Choice
choose (gboolean ours_changed,
        gboolean theirs_changed,
        gboolean same,
        gboolean ours_empty,
        gboolean theirs_empty)
{
  if (same || !theirs_changed)
    return KEEP_OURS;
  if (!ours_changed)
    return TAKE_THEIRS;

  /* An edit wins over clearing. */
  if (theirs_empty)
    return KEEP_OURS;
  if (ours_empty)
    return TAKE_THEIRS;

  return KEEP_BOTH;
}

static Choice
choose_string (const char *base,
               const char *ours,
               const char *theirs)
{
  return choose (!text_equal (ours, base), !text_equal (theirs, base), text_equal (ours, theirs),
                 ours == NULL || *ours == '\0', theirs == NULL || *theirs == '\0');
}

static guint64
merge_seconds (Merge   *merge,
               guint64  base,
               guint64  ours,
               guint64  theirs)
{
  if (theirs == ours || theirs == base)
    return ours;
  if (ours == base)
    {
      merge->result->n_taken++;
      return theirs;
    }

  /* Both timed the same interview: the longer count holds the other. */
  if (theirs > ours)
    merge->result->n_taken++;
  return MAX (ours, theirs);
}

static gboolean
strv_contains_id (const char * const *strv,
                  const char         *id)
{
  return strv != NULL && g_strv_contains (strv, id);
}

static GStrv
merge_plan (Merge              *merge,
            const char * const *base,
            const char * const *ours,
            const char * const *theirs)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  if (g_strv_equal (ours, theirs) || g_strv_equal (theirs, base))
    return g_strdupv ((GStrv)ours);
  if (g_strv_equal (ours, base))
    {
      merge->result->n_taken++;
      return g_strdupv ((GStrv)theirs);
    }

  /* Ours in its order, less what they took out... */
  for (guint i = 0; ours[i] != NULL; i++)
    {
      if (strv_contains_id (base, ours[i]) && !strv_contains_id (theirs, ours[i]))
        continue;
      g_strv_builder_add (builder, ours[i]);
    }

  /* ...and what they put in, at the end. */
  for (guint i = 0; theirs[i] != NULL; i++)
    {
      if (!strv_contains_id (base, theirs[i]) && !strv_contains_id (ours, theirs[i]))
        g_strv_builder_add (builder, theirs[i]);
    }

  merge->result->n_taken++;
  return g_strv_builder_end (builder);
}

static void
add_ids (GHashTable   *ids,
         IvcCandidate *candidate)
{
  g_autoptr(GPtrArray) evaluations = ivc_candidate_list_evaluations (candidate);

  for (guint i = 0; i < evaluations->len; i++)
    g_hash_table_add (ids, g_strdup (ivc_evaluation_get_question_id (g_ptr_array_index (evaluations, i))));
}

static void
merge_evaluation (Merge        *merge,
                  IvcCandidate *ours_candidate,
                  const char   *question_id,
                  IvcEvaluation *base,
                  IvcEvaluation *ours,
                  IvcEvaluation *theirs)
{
  g_autoptr(GPtrArray) extra = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *notes = NULL;
  IvcScore base_score = base ? ivc_evaluation_get_score (base) : IVC_SCORE_NONE;
  IvcScore ours_score = ours ? ivc_evaluation_get_score (ours) : IVC_SCORE_NONE;
  IvcScore theirs_score = theirs ? ivc_evaluation_get_score (theirs) : IVC_SCORE_NONE;
  gboolean base_flag = base ? ivc_evaluation_get_red_flag_observed (base) : FALSE;
  gboolean ours_flag = ours ? ivc_evaluation_get_red_flag_observed (ours) : FALSE;
  gboolean theirs_flag = theirs ? ivc_evaluation_get_red_flag_observed (theirs) : FALSE;
  IvcScore score = ours_score;
  gboolean flag = ours_flag;
  guint64 seconds;
  IvcEvaluation *target;

  switch (choose (ours_score != base_score, theirs_score != base_score, ours_score == theirs_score,
                  ours_score == IVC_SCORE_NONE, theirs_score == IVC_SCORE_NONE))
    {
    case KEEP_OURS:
      break;

    case TAKE_THEIRS:
      score = theirs_score;
      merge->result->n_taken++;
      break;

    case KEEP_BOTH:
      /* Translators: a line kept in a question's notes when two copies of
       * one scorecard gave it different scores; %s is the other score,
       * such as “Good” */
      g_ptr_array_add (extra, g_strdup_printf (_("Score: %s"), ivc_score_get_label (theirs_score)));
      break;

    default:
      g_assert_not_reached ();
    }

  /* A flag that both sides changed was changed the same way. */
  if (theirs_flag != base_flag && ours_flag == base_flag)
    {
      flag = theirs_flag;
      merge->result->n_taken++;
    }

  seconds = merge_seconds (merge,
                           base ? ivc_evaluation_get_seconds (base) : 0,
                           ours ? ivc_evaluation_get_seconds (ours) : 0,
                           theirs ? ivc_evaluation_get_seconds (theirs) : 0);

  notes = merge_text (merge,
                      base ? ivc_evaluation_get_notes (base) : "",
                      ours ? ivc_evaluation_get_notes (ours) : "",
                      theirs ? ivc_evaluation_get_notes (theirs) : "",
                      extra);

  if (score == ours_score && flag == ours_flag &&
      seconds == (ours ? ivc_evaluation_get_seconds (ours) : 0) &&
      text_equal (notes, ours ? ivc_evaluation_get_notes (ours) : ""))
    return;

  target = ours ? ours : ivc_candidate_ensure_evaluation (ours_candidate, question_id);
  ivc_evaluation_set_score (target, score);
  ivc_evaluation_set_red_flag_observed (target, flag);
  ivc_evaluation_set_seconds (target, seconds);
  /* Kept whole: cutting it at the limit would lose what was typed. */
  _ivc_evaluation_set_saved_notes (target, notes);
}

/* A one-value field of the candidate: the value to keep, and theirs in
 * extra, labelled by format, when both changed it. */
static const char *
merge_string (Merge      *merge,
              const char *base,
              const char *ours,
              const char *theirs,
              const char *format,
              GPtrArray  *extra)
{
  switch (choose_string (base, ours, theirs))
    {
    case KEEP_OURS:
      return ours;

    case TAKE_THEIRS:
      merge->result->n_taken++;
      return theirs;

    case KEEP_BOTH:
      /* The formats are the caller's translated literals. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
      g_ptr_array_add (extra, g_strdup_printf (format, theirs));
#pragma GCC diagnostic pop
      return ours;

    default:
      g_assert_not_reached ();
    }
}

/**
 * ivc_candidate_merge_dup_marker:
 * @label: what the other version is, such as “another copy of this
 *   scorecard, saved 1 May 2024 at 09:30”
 *
 * Returns: (transfer full): the line that marks the other version's text
 *   in notes kept from both
 */
char *
ivc_candidate_merge_dup_marker (const char *label)
{
  g_return_val_if_fail (label != NULL, NULL);

  return g_strdup_printf (_(MARKER_FORMAT), label);
}

/* Either time, when only one is given. */
static GDateTime *
earlier (GDateTime *a,
         GDateTime *b)
{
  if (a == NULL || b == NULL)
    return a ? a : b;

  return g_date_time_compare (a, b) <= 0 ? a : b;
}

static GDateTime *
later (GDateTime *a,
       GDateTime *b)
{
  if (a == NULL || b == NULL)
    return a ? a : b;

  return g_date_time_compare (a, b) >= 0 ? a : b;
}

/**
 * ivc_candidate_merge:
 * @ours: the scorecard to merge into; changed in place
 * @base: (nullable): the version both started from; %NULL when it is not
 *   known, as for a sync tool's conflict copy
 * @theirs: the other version
 * @label: (nullable): what the other version is, for the marker of what is
 *   kept from both (see ivc_candidate_merge_dup_marker()); %NULL for no
 *   marker, when @theirs already holds one
 * @result: (out caller-allocates) (optional): what was done
 *
 * Merges @theirs into @ours field by field, so that nothing either side
 * changed since @base is lost. See the rules above.
 */
void
ivc_candidate_merge (IvcCandidate   *ours,
                     IvcCandidate   *base,
                     IvcCandidate   *theirs,
                     const char     *label,
                     IvcMergeResult *result)
{
  g_autoptr(IvcCandidate) empty = NULL;
  g_autoptr(GHashTable) ids = NULL;
  g_autoptr(GPtrArray) extra = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *marker = label ? ivc_candidate_merge_dup_marker (label) : NULL;
  g_autofree char *marker_start = NULL;
  const char *format = _(MARKER_FORMAT);
  const char *placeholder = strstr (format, "%s");
  g_autofree char *name = NULL;
  g_autofree char *role = NULL;
  g_autofree char *date = NULL;
  g_autofree char *bank_id = NULL;
  g_autofree char *summary = NULL;
  g_auto(GStrv) plan = NULL;
  IvcMergeResult local_result = { 0, };
  Merge merge;
  IvcRecommendation base_verdict, ours_verdict, theirs_verdict;
  g_autoptr(GDateTime) submitted = NULL;
  g_autoptr(GDateTime) amended = NULL;
  GHashTableIter iter;
  gpointer key;

  g_return_if_fail (IVC_IS_CANDIDATE (ours));
  g_return_if_fail (base == NULL || IVC_IS_CANDIDATE (base));
  g_return_if_fail (IVC_IS_CANDIDATE (theirs));

  marker_start = placeholder ? g_strndup (format, placeholder - format) : g_strdup (format);
  merge.marker = marker;
  merge.marker_start = marker_start;
  merge.result = result ? result : &local_result;
  *merge.result = (IvcMergeResult) { 0, };

  if (base == NULL)
    base = empty = ivc_candidate_new (ivc_candidate_get_id (ours), "");

  /* Taken before the fields below change ours, which would amend it. */
  submitted = earlier (ivc_candidate_get_submitted (ours), ivc_candidate_get_submitted (theirs));
  amended = later (ivc_candidate_get_amended (ours), ivc_candidate_get_amended (theirs));
  if (submitted != NULL)
    g_date_time_ref (submitted);
  if (amended != NULL)
    g_date_time_ref (amended);

  /* The evaluations, in a fixed order so that a merge is repeatable. */
  ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  add_ids (ids, base);
  add_ids (ids, ours);
  add_ids (ids, theirs);
  g_hash_table_iter_init (&iter, ids);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    merge_evaluation (&merge, ours, key,
                      ivc_candidate_get_evaluation (base, key),
                      ivc_candidate_get_evaluation (ours, key),
                      ivc_candidate_get_evaluation (theirs, key));

  /* Translators: lines kept in the summary when two copies of one
   * scorecard changed the same field differently; %s is the other copy's
   * value */
  name = g_strdup (merge_string (&merge, ivc_candidate_get_name (base), ivc_candidate_get_name (ours),
                                 ivc_candidate_get_name (theirs), _("Name: %s"), extra));
  role = g_strdup (merge_string (&merge, ivc_candidate_get_role (base), ivc_candidate_get_role (ours),
                                 ivc_candidate_get_role (theirs), _("Role: %s"), extra));
  date = g_strdup (merge_string (&merge, ivc_candidate_get_interview_date (base),
                                 ivc_candidate_get_interview_date (ours),
                                 ivc_candidate_get_interview_date (theirs),
                                 _("Interview date: %s"), extra));
  bank_id = g_strdup (merge_string (&merge, ivc_candidate_get_bank_id (base),
                                    ivc_candidate_get_bank_id (ours),
                                    ivc_candidate_get_bank_id (theirs),
                                    _("Question bank: %s"), extra));

  base_verdict = ivc_candidate_get_recommendation (base);
  ours_verdict = ivc_candidate_get_recommendation (ours);
  theirs_verdict = ivc_candidate_get_recommendation (theirs);
  switch (choose (ours_verdict != base_verdict, theirs_verdict != base_verdict,
                  ours_verdict == theirs_verdict,
                  ours_verdict == IVC_RECOMMENDATION_NONE, theirs_verdict == IVC_RECOMMENDATION_NONE))
    {
    case KEEP_OURS:
      break;

    case TAKE_THEIRS:
      merge.result->n_taken++;
      ivc_candidate_set_recommendation (ours, theirs_verdict);
      break;

    case KEEP_BOTH:
      /* Translators: a line kept in the summary when two copies of one
       * scorecard gave different verdicts; %s is the other verdict */
      g_ptr_array_add (extra, g_strdup_printf (_("Verdict: %s"),
                                               ivc_recommendation_get_label (theirs_verdict)));
      break;

    default:
      g_assert_not_reached ();
    }

  plan = merge_plan (&merge, ivc_candidate_get_plan (base), ivc_candidate_get_plan (ours),
                     ivc_candidate_get_plan (theirs));
  summary = merge_text (&merge, ivc_candidate_get_summary (base), ivc_candidate_get_summary (ours),
                        ivc_candidate_get_summary (theirs), extra);

  ivc_candidate_set_name (ours, name);
  ivc_candidate_set_role (ours, role);
  ivc_candidate_set_interview_date (ours, date);
  ivc_candidate_set_bank_id (ours, bank_id);
  ivc_candidate_set_plan (ours, (const char * const *)plan);
  ivc_candidate_set_interview_seconds (ours,
                                       merge_seconds (&merge,
                                                      ivc_candidate_get_interview_seconds (base),
                                                      ivc_candidate_get_interview_seconds (ours),
                                                      ivc_candidate_get_interview_seconds (theirs)));
  if (!text_equal (summary, ivc_candidate_get_summary (ours)))
    _ivc_candidate_set_saved_summary (ours, summary);

  _ivc_candidate_set_submission (ours, submitted, submitted ? amended : NULL);
}

/**
 * ivc_candidate_merge_bytes:
 * @ours: our version, as ivc_candidate_to_bytes() writes it
 * @base: (nullable): the version both started from, or %NULL
 * @theirs: the other version, as a file holds it
 * @display_name: what to call @theirs in an error
 * @label: (nullable): as for ivc_candidate_merge()
 * @result: (out caller-allocates) (optional): what was done
 * @error: an %IVC_STORE_ERROR when a version cannot be read
 *
 * ivc_candidate_merge() on files, in any thread: the candidates it makes
 * never leave it.
 *
 * Returns: (transfer full) (nullable): the merged file
 */
GBytes *
ivc_candidate_merge_bytes (GBytes          *ours,
                           GBytes          *base,
                           GBytes          *theirs,
                           const char      *display_name,
                           const char      *label,
                           IvcMergeResult  *result,
                           GError         **error)
{
  g_autoptr(IvcCandidate) ours_candidate = NULL;
  g_autoptr(IvcCandidate) base_candidate = NULL;
  g_autoptr(IvcCandidate) theirs_candidate = NULL;

  g_return_val_if_fail (ours != NULL, NULL);
  g_return_val_if_fail (theirs != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  theirs_candidate = ivc_candidate_new_from_bytes (theirs, display_name, error);
  if (theirs_candidate == NULL)
    return NULL;

  ours_candidate = ivc_candidate_new_from_bytes (ours, display_name, error);
  if (ours_candidate == NULL)
    return NULL;

  /* What we wrote or read last reads again; should it not, every field
   * counts as changed on both sides, which loses nothing. */
  if (base != NULL)
    base_candidate = ivc_candidate_new_from_bytes (base, display_name, NULL);

  ivc_candidate_merge (ours_candidate, base_candidate, theirs_candidate, label, result);

  return ivc_candidate_to_bytes (ours_candidate);
}
