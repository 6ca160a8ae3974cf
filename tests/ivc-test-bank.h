/* ivc-test-bank.h: small question banks made by the tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ivc-question-bank.h"

G_BEGIN_DECLS

/* One line of a bank: a level when level_id is set (text is its title),
 * otherwise a question of the last level. */
typedef struct
{
  const char *level_id;
  const char *question_id;
  const char *text;
} BankItem;

IvcQuestionBank *make_bank (const char     *bank_id,
                            const char     *title,
                            const BankItem *items,
                            guint           n_items);

G_END_DECLS
