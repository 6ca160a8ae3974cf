/* ivc-candidate-store-lookup.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Finding in the candidate store what the command line and exports ask for:
 * a candidate by id or name, the other interviewers' scorecards of a
 * candidate, whose scorecard to export, and the --list-candidates listing.
 */

#define G_LOG_DOMAIN "ivc-candidate-store"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "ivc-candidate-folder.h"
#include "ivc-candidate-store.h"
#include "ivc-candidate-store-private.h"
#include "ivc-text.h"

/**
 * ivc_candidate_store_lookup:
 * @id_or_name: a candidate's id, or their name
 * @error: %IVC_STORE_ERROR_NOT_FOUND or %IVC_STORE_ERROR_AMBIGUOUS
 *
 * Finds a candidate the way a person names them: by id, or by name, with
 * case and accents ignored. A name that several candidates share is
 * refused, and the message lists their ids to choose from.
 *
 * Returns: (transfer none) (nullable): the candidate, or %NULL with @error
 */
IvcCandidate *
ivc_candidate_store_lookup (IvcCandidateStore  *self,
                            const char         *id_or_name,
                            GError            **error)
{
  g_autoptr(GPtrArray) matches = g_ptr_array_new ();
  g_autofree char *wanted = NULL;
  IvcCandidate *candidate;
  guint n;

  g_return_val_if_fail (IVC_IS_CANDIDATE_STORE (self), NULL);
  g_return_val_if_fail (id_or_name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  candidate = ivc_candidate_store_find (self, id_or_name);
  if (candidate != NULL)
    return candidate;

  wanted = ivc_text_fold (id_or_name, -1);
  g_strstrip (wanted);
  n = g_list_model_get_n_items (G_LIST_MODEL (ivc_candidate_store_get_candidates (self)));
  for (guint i = 0; *wanted != '\0' && i < n; i++)
    {
      g_autoptr(IvcCandidate) other = g_list_model_get_item (G_LIST_MODEL (ivc_candidate_store_get_candidates (self)), i);
      g_autofree char *name = ivc_text_fold (ivc_candidate_get_name (other), -1);

      if (g_str_equal (g_strstrip (name), wanted))
        g_ptr_array_add (matches, other);
    }

  if (matches->len == 1)
    return g_ptr_array_index (matches, 0);

  if (matches->len == 0)
    {
      g_set_error (error, IVC_STORE_ERROR, IVC_STORE_ERROR_NOT_FOUND,
                   _("No candidate has the id or name “%s”"), id_or_name);
      return NULL;
    }

  {
    g_autoptr(GString) ids = g_string_new (NULL);

    for (guint i = 0; i < matches->len; i++)
      g_string_append_printf (ids, "%s%s", i ? ", " : "",
                              ivc_candidate_get_id (g_ptr_array_index (matches, i)));
    g_set_error (error, IVC_STORE_ERROR, IVC_STORE_ERROR_AMBIGUOUS,
                 _("%u candidates are called “%s”; name one by id: %s"),
                 matches->len, id_or_name, ids->str);
  }

  return NULL;
}

/**
 * ivc_candidate_store_read_other_scorecards:
 * @problems: (out) (optional) (element-type GError): files that could not
 *   be read; they are left as they are
 *
 * Reads the scorecards that other interviewers keep for a candidate. They
 * are copies to look at: changing them changes nothing on disk.
 *
 * Returns: (transfer container) (element-type IvcCandidate): the scorecards,
 *   sorted by interviewer name
 */
GPtrArray *
ivc_candidate_store_read_other_scorecards (IvcCandidateStore  *self,
                                           const char         *candidate_id,
                                           GPtrArray         **problems)
{
  g_autoptr(GPtrArray) found = NULL;
  g_autofree char *folder_path = NULL;
  GPtrArray *scorecards;

  g_return_val_if_fail (IVC_IS_CANDIDATE_STORE (self), NULL);
  g_return_val_if_fail (ivc_candidate_id_is_valid (candidate_id), NULL);

  found = g_ptr_array_new_with_free_func ((GDestroyNotify)g_error_free);
  folder_path = g_build_filename (_ivc_candidate_store_get_candidates_path (self), candidate_id, NULL);
  scorecards = ivc_candidate_folder_read_others (folder_path, candidate_id, ivc_candidate_store_get_interviewer_id (self), found);

  if (problems != NULL)
    *problems = g_steal_pointer (&found);

  return scorecards;
}

/**
 * ivc_candidate_store_choose_scorecard:
 * @candidate: a candidate of the store
 * @interviewer_id: (nullable): whose scorecard, or %NULL to choose
 * @error: %IVC_STORE_ERROR_NOT_FOUND or %IVC_STORE_ERROR_AMBIGUOUS
 *
 * The scorecard to export of a candidate: the named interviewer's; or
 * one's own, if one took notes (has a file); otherwise the only other
 * interviewer's. Several others and none of one's own is ambiguous, and
 * the message lists their ids.
 *
 * Returns: (transfer full) (nullable): the scorecard, or %NULL with @error
 */
IvcCandidate *
ivc_candidate_store_choose_scorecard (IvcCandidateStore  *self,
                                      IvcCandidate       *candidate,
                                      const char         *interviewer_id,
                                      GError            **error)
{
  g_autoptr(GPtrArray) others = NULL;
  g_autofree char *own_path = NULL;
  g_autofree char *name = NULL;
  const char *own_id;

  g_return_val_if_fail (IVC_IS_CANDIDATE_STORE (self), NULL);
  g_return_val_if_fail (IVC_IS_CANDIDATE (candidate), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  own_id = ivc_candidate_store_get_interviewer_id (self);
  name = ivc_candidate_folder_dup_file_name (own_id);
  own_path = g_build_filename (_ivc_candidate_store_get_candidates_path (self), ivc_candidate_get_id (candidate), name, NULL);

  if (interviewer_id == NULL && g_file_test (own_path, G_FILE_TEST_EXISTS))
    return g_object_ref (candidate);
  if (interviewer_id != NULL && g_str_equal (interviewer_id, own_id))
    return g_object_ref (candidate);

  others = ivc_candidate_store_read_other_scorecards (self, ivc_candidate_get_id (candidate), NULL);

  if (interviewer_id != NULL)
    {
      for (guint i = 0; i < others->len; i++)
        {
          IvcCandidate *other = g_ptr_array_index (others, i);

          if (g_strcmp0 (ivc_candidate_get_interviewer_id (other), interviewer_id) == 0)
            return g_object_ref (other);
        }

      g_set_error (error, IVC_STORE_ERROR, IVC_STORE_ERROR_NOT_FOUND,
                   _("%s has no scorecard by the interviewer “%s”"),
                   ivc_candidate_get_name (candidate), interviewer_id);
      return NULL;
    }

  if (others->len == 1)
    return g_object_ref (g_ptr_array_index (others, 0));

  if (others->len == 0)
    return g_object_ref (candidate);

  {
    g_autoptr(GString) ids = g_string_new (NULL);

    for (guint i = 0; i < others->len; i++)
      g_string_append_printf (ids, "%s%s", i ? ", " : "",
                              ivc_candidate_get_interviewer_id (g_ptr_array_index (others, i)));
    g_set_error (error, IVC_STORE_ERROR, IVC_STORE_ERROR_AMBIGUOUS,
                 _("%s has scorecards by %u interviewers; choose one with --interviewer: %s"),
                 ivc_candidate_get_name (candidate), others->len, ids->str);
  }

  return NULL;
}

/* One field of a tab-separated line: tabs and line breaks would break it. */
static void
append_field (GString    *out,
              const char *text)
{
  for (const char *p = text; *p; p++)
    g_string_append_c (out, (*p == '\t' || *p == '\n' || *p == '\r') ? ' ' : *p);
}

/**
 * ivc_candidate_store_format_list:
 *
 * Lists the candidates for `--list-candidates`, the most recent first: a
 * header line, then one line per candidate, with tab-separated columns ID,
 * NAME, ROLE, DATE, SCORED (how many questions have a score) and
 * RECOMMENDATION (“none”, “strong-no”, “no”, “yes” or “strong-yes”).
 * Empty fields are empty.
 *
 * Returns: (transfer full): the text, ending with a newline
 */
char *
ivc_candidate_store_format_list (IvcCandidateStore *self)
{
  GListModel *model;
  GString *out;
  guint n_items;

  g_return_val_if_fail (IVC_IS_CANDIDATE_STORE (self), NULL);

  model = G_LIST_MODEL (ivc_candidate_store_get_candidates (self));
  n_items = g_list_model_get_n_items (model);
  out = g_string_new ("ID\tNAME\tROLE\tDATE\tSCORED\tRECOMMENDATION\n");

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(IvcCandidate) candidate = g_list_model_get_item (model, i);

      append_field (out, ivc_candidate_get_id (candidate));
      g_string_append_c (out, '\t');
      append_field (out, ivc_candidate_get_name (candidate));
      g_string_append_c (out, '\t');
      append_field (out, ivc_candidate_get_role (candidate));
      g_string_append_c (out, '\t');
      append_field (out, ivc_candidate_get_interview_date (candidate));
      g_string_append_printf (out, "\t%u\t%s\n",
                              ivc_candidate_get_n_scored (candidate),
                              ivc_recommendation_get_nick (ivc_candidate_get_recommendation (candidate)));
    }

  return g_string_free (out, FALSE);
}
