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

  /* The bank that comes with the app, in memory from the start: the
   * version in the chosen language. */
  GBytes          *bundled_data;
  IvcQuestionBank *bundled_bank;
  IvcBankInfo     *bundled;

  /* Every language version of the bundled bank (IvcBankInfo, and the
   * IvcQuestionBank at the same index), the original first. They share
   * the bank's id: the chosen one, self->bundled, is the one listed. */
  GPtrArray       *bundled_infos;
  GPtrArray       *bundled_banks;
  GListStore      *bundled_versions;

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
void        _ivc_bank_library_read_translations (IvcBankLibrary *self);

G_END_DECLS
