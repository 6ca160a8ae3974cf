/* ivc-bank-library-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The library's fields, shared by ivc-bank-library.c (the list, removal
 * and undo) and ivc-bank-library-import.c (importing); not for use outside
 * src/core.
 */

#pragma once

#include "ivc-bank-library.h"

G_BEGIN_DECLS

struct _IvcBankLibrary
{
  GObject          parent_instance;

  GFile           *folder;
  char            *folder_path;

  /* The bank that comes with the app, in memory from the start. */
  GBytes          *bundled_data;
  IvcQuestionBank *bundled_bank;
  IvcBankInfo     *bundled;

  /* IvcBankInfo, in the order described in ivc-bank-library.c. */
  GPtrArray       *items;

  /* Bank id → Removed, until undone or discarded. */
  GHashTable      *removed;

  /* Held by import workers while they write, so that their results reach
   * the main thread in the order the files were written. */
  GMutex           write_mutex;

  /* Counts the changes to the list made here. A folder scan that started
   * before one may have missed it, and is done again. */
  guint64          changes;
};

void        ivc_bank_library_list_info      (IvcBankLibrary *self,
                                             IvcBankInfo    *info);
const char *ivc_bank_library_get_bundled_id (IvcBankLibrary *self);

G_END_DECLS
