/* ivc-question-rows.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * IvcQuestionRows: the question list's rows as one flat GListModel of
 * IvcRowSlot, each showing a level's heading or a question. When the
 * search or the plan changes, the slots keep their places and only what
 * they show changes; the model grows or shrinks at its end. A list view
 * thus keeps its row widgets through a search instead of destroying and
 * building them for every keystroke, which was most of a keystroke's time
 * with a large bank.
 */

#define G_LOG_DOMAIN "ivc-question-rows"

#include "config.h"

#include "ivc-level.h"
#include "ivc-question-match.h"
#include "ivc-question-rows.h"
#include "ivc-row-slot.h"

struct _IvcQuestionRows
{
  GObject          parent_instance;

  IvcQuestionBank *bank;
  /* The candidate's planned questions that the bank has, in plan order. */
  GPtrArray       *plan;
  gboolean         plan_mode;
  char           **words;

  /* What each row shows (the bank owns it) and its search rank, 0 for a
   * level's heading. */
  GPtrArray       *items;
  GArray          *ranks;
  /* The IvcRowSlot of each row, made when first asked for; NULL before. */
  GPtrArray       *slots;
  guint            n_questions;
};

static void ivc_question_rows_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (IvcQuestionRows, ivc_question_rows, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, ivc_question_rows_list_model_init))

static GType
ivc_question_rows_get_item_type (GListModel *model)
{
  return IVC_TYPE_ROW_SLOT;
}

static guint
ivc_question_rows_get_n_items (GListModel *model)
{
  return IVC_QUESTION_ROWS (model)->items->len;
}

static gpointer
ivc_question_rows_get_item (GListModel *model,
                            guint       position)
{
  IvcQuestionRows *self = IVC_QUESTION_ROWS (model);

  if (position >= self->items->len)
    return NULL;

  if (g_ptr_array_index (self->slots, position) == NULL)
    g_ptr_array_index (self->slots, position) = ivc_row_slot_new (g_ptr_array_index (self->items, position));

  return g_object_ref (g_ptr_array_index (self->slots, position));
}

static void
ivc_question_rows_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = ivc_question_rows_get_item_type;
  iface->get_n_items = ivc_question_rows_get_n_items;
  iface->get_item = ivc_question_rows_get_item;
}

static void
clear_slot (gpointer slot)
{
  g_clear_object (&slot);
}

typedef struct
{
  IvcQuestion *question;
  guint        rank;
  guint        index;
} Match;

/* Better matches first; equal ones in the bank's order. */
static int
compare_matches (gconstpointer a,
                 gconstpointer b)
{
  const Match *x = a, *y = b;

  if (x->rank != y->rank)
    return x->rank > y->rank ? -1 : 1;
  return x->index < y->index ? -1 : x->index > y->index;
}

static void
add_row (GPtrArray *items,
         GArray    *ranks,
         gpointer   item,
         guint      rank)
{
  g_ptr_array_add (items, item);
  g_array_append_val (ranks, rank);
}

/* Works out the rows anew, and puts them in the slots. */
static void
refresh (IvcQuestionRows *self)
{
  const char * const *words = (const char * const *)self->words;
  g_autoptr(GPtrArray) items = g_ptr_array_new ();
  g_autoptr(GArray) ranks = g_array_new (FALSE, FALSE, sizeof (guint));
  guint n_questions = 0;
  guint n_old, n_new, n_same;

  if (self->plan_mode)
    {
      for (guint i = 0; i < self->plan->len; i++)
        {
          IvcQuestion *question = g_ptr_array_index (self->plan, i);
          guint rank = ivc_question_match (question, words, NULL);

          if (rank > 0)
            add_row (items, ranks, question, rank);
        }
      n_questions = items->len;
    }
  else if (self->bank != NULL)
    {
      GListModel *levels = ivc_question_bank_get_levels (self->bank);
      guint n_levels = g_list_model_get_n_items (levels);
      g_autoptr(GArray) matches = g_array_new (FALSE, FALSE, sizeof (Match));

      for (guint l = 0; l < n_levels; l++)
        {
          g_autoptr(IvcLevel) level = g_list_model_get_item (levels, l);
          GListModel *questions = ivc_level_get_questions (level);
          guint n = g_list_model_get_n_items (questions);

          g_array_set_size (matches, 0);
          for (guint i = 0; i < n; i++)
            {
              /* The level holds it. */
              g_autoptr(IvcQuestion) question = g_list_model_get_item (questions, i);
              Match match = { question, ivc_question_match (question, words, NULL), i };

              if (match.rank > 0)
                g_array_append_val (matches, match);
            }

          /* A level's heading shows only while some of its questions do. */
          if (matches->len == 0)
            continue;

          if (words != NULL && words[0] != NULL)
            g_array_sort (matches, compare_matches);
          add_row (items, ranks, level, 0);
          for (guint i = 0; i < matches->len; i++)
            {
              Match *match = &g_array_index (matches, Match, i);

              add_row (items, ranks, match->question, match->rank);
            }
          n_questions += matches->len;
        }
    }

  n_old = self->items->len;
  n_new = items->len;
  n_same = MIN (n_old, n_new);

  g_ptr_array_unref (self->items);
  self->items = g_steal_pointer (&items);
  g_array_unref (self->ranks);
  self->ranks = g_steal_pointer (&ranks);
  self->n_questions = n_questions;

  /* The slots that stay show their new rows; those past the end go. */
  if (n_new < n_old)
    g_ptr_array_set_size (self->slots, n_new);
  else
    {
      for (guint i = n_old; i < n_new; i++)
        g_ptr_array_add (self->slots, NULL);
    }
  for (guint i = 0; i < n_same; i++)
    {
      IvcRowSlot *slot = g_ptr_array_index (self->slots, i);

      if (slot != NULL)
        ivc_row_slot_set_item (slot, g_ptr_array_index (self->items, i));
    }

  if (n_old != n_new)
    g_list_model_items_changed (G_LIST_MODEL (self), n_same, n_old - n_same, n_new - n_same);
}

static void
ivc_question_rows_dispose (GObject *object)
{
  IvcQuestionRows *self = (IvcQuestionRows *)object;

  g_clear_object (&self->bank);
  g_clear_pointer (&self->slots, g_ptr_array_unref);

  G_OBJECT_CLASS (ivc_question_rows_parent_class)->dispose (object);
}

static void
ivc_question_rows_finalize (GObject *object)
{
  IvcQuestionRows *self = (IvcQuestionRows *)object;

  g_clear_pointer (&self->plan, g_ptr_array_unref);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->ranks, g_array_unref);
  g_clear_pointer (&self->words, g_strfreev);

  G_OBJECT_CLASS (ivc_question_rows_parent_class)->finalize (object);
}

static void
ivc_question_rows_class_init (IvcQuestionRowsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ivc_question_rows_dispose;
  object_class->finalize = ivc_question_rows_finalize;
}

static void
ivc_question_rows_init (IvcQuestionRows *self)
{
  self->plan = g_ptr_array_new_with_free_func (g_object_unref);
  self->items = g_ptr_array_new ();
  self->ranks = g_array_new (FALSE, FALSE, sizeof (guint));
  self->slots = g_ptr_array_new_with_free_func (clear_slot);
  self->words = g_new0 (char *, 1);
}

IvcQuestionRows *
ivc_question_rows_new (void)
{
  return g_object_new (IVC_TYPE_QUESTION_ROWS, NULL);
}

void
ivc_question_rows_set_bank (IvcQuestionRows *self,
                            IvcQuestionBank *bank)
{
  g_return_if_fail (IVC_IS_QUESTION_ROWS (self));
  g_return_if_fail (bank == NULL || IVC_IS_QUESTION_BANK (bank));

  if (!g_set_object (&self->bank, bank))
    return;

  /* The plan named the old bank's questions. */
  g_ptr_array_set_size (self->plan, 0);
  refresh (self);
}

/**
 * ivc_question_rows_set_plan:
 * @questions: (element-type IvcQuestion): the planned questions that the
 *   bank has, in plan order
 */
void
ivc_question_rows_set_plan (IvcQuestionRows *self,
                            GPtrArray       *questions)
{
  g_return_if_fail (IVC_IS_QUESTION_ROWS (self));
  g_return_if_fail (questions != NULL);

  g_ptr_array_set_size (self->plan, 0);
  for (guint i = 0; i < questions->len; i++)
    g_ptr_array_add (self->plan, g_object_ref (g_ptr_array_index (questions, i)));

  if (self->plan_mode)
    refresh (self);
}

void
ivc_question_rows_set_plan_mode (IvcQuestionRows *self,
                                 gboolean         plan_mode)
{
  g_return_if_fail (IVC_IS_QUESTION_ROWS (self));

  plan_mode = !!plan_mode;
  if (self->plan_mode == plan_mode)
    return;

  self->plan_mode = plan_mode;
  refresh (self);
}

/**
 * ivc_question_rows_set_search_words:
 * @words: folded words, as from ivc_text_search_words(); none shows every
 *   question
 */
void
ivc_question_rows_set_search_words (IvcQuestionRows    *self,
                                    const char * const *words)
{
  g_return_if_fail (IVC_IS_QUESTION_ROWS (self));

  g_strfreev (self->words);
  self->words = words ? g_strdupv ((char **)words) : g_new0 (char *, 1);
  refresh (self);
}

guint
ivc_question_rows_get_n_questions (IvcQuestionRows *self)
{
  g_return_val_if_fail (IVC_IS_QUESTION_ROWS (self), 0);

  return self->n_questions;
}

/**
 * ivc_question_rows_peek_item:
 *
 * Returns: (transfer none) (nullable): the #IvcLevel or #IvcQuestion that a
 *   row shows
 */
GObject *
ivc_question_rows_peek_item (IvcQuestionRows *self,
                             guint            position)
{
  g_return_val_if_fail (IVC_IS_QUESTION_ROWS (self), NULL);

  return position < self->items->len ? g_ptr_array_index (self->items, position) : NULL;
}

/**
 * ivc_question_rows_get_rank:
 *
 * Returns: how well a row's question matches the search (see
 *   ivc_question_match()), 0 for a level's heading
 */
guint
ivc_question_rows_get_rank (IvcQuestionRows *self,
                            guint            position)
{
  g_return_val_if_fail (IVC_IS_QUESTION_ROWS (self), 0);

  return position < self->ranks->len ? g_array_index (self->ranks, guint, position) : 0;
}

/**
 * ivc_question_rows_find:
 * @item: a level or a question
 *
 * Returns: its row, or %G_MAXUINT when it has none
 */
guint
ivc_question_rows_find (IvcQuestionRows *self,
                        gpointer         item)
{
  guint position;

  g_return_val_if_fail (IVC_IS_QUESTION_ROWS (self), G_MAXUINT);

  if (item != NULL && g_ptr_array_find (self->items, item, &position))
    return position;
  return G_MAXUINT;
}
