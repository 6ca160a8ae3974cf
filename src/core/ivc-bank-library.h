/* ivc-bank-library.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The question banks to choose from: the bundled one and those imported
 * into the banks folder.
 */

#pragma once

#include <gio/gio.h>

#include "ivc-bank-info.h"
#include "ivc-question-bank.h"

G_BEGIN_DECLS

#define IVC_BANK_LIBRARY_ERROR (ivc_bank_library_error_quark ())

typedef enum
{
  IVC_BANK_LIBRARY_ERROR_READ,
  IVC_BANK_LIBRARY_ERROR_INVALID,
  IVC_BANK_LIBRARY_ERROR_WRITE,
  IVC_BANK_LIBRARY_ERROR_FOLDER,
  IVC_BANK_LIBRARY_ERROR_NOT_FOUND,
  IVC_BANK_LIBRARY_ERROR_BUNDLED,
} IvcBankLibraryError;

#define IVC_TYPE_BANK_LIBRARY (ivc_bank_library_get_type ())

G_DECLARE_FINAL_TYPE (IvcBankLibrary, ivc_bank_library, IVC, BANK_LIBRARY, GObject)

GQuark           ivc_bank_library_error_quark         (void);
GFile           *ivc_bank_library_dup_default_folder  (void);
IvcBankLibrary  *ivc_bank_library_new                 (GFile                *folder,
                                                       GBytes               *bundled);
GFile           *ivc_bank_library_get_folder          (IvcBankLibrary       *self);
IvcBankInfo     *ivc_bank_library_get_bundled         (IvcBankLibrary       *self);
IvcQuestionBank *ivc_bank_library_get_bundled_bank    (IvcBankLibrary       *self);
IvcBankInfo     *ivc_bank_library_lookup              (IvcBankLibrary       *self,
                                                       const char           *id);
IvcBankInfo     *ivc_bank_library_lookup_bundled      (IvcBankLibrary       *self,
                                                       const char           *language);
guint            ivc_bank_library_get_n_bundled       (IvcBankLibrary       *self);
GListModel      *ivc_bank_library_get_bundled_versions (IvcBankLibrary      *self);
const char      *ivc_bank_library_choose_language     (IvcBankLibrary       *self,
                                                       const char * const   *language_names);
gboolean         ivc_bank_library_set_bundled_language (IvcBankLibrary      *self,
                                                        const char          *language);
gboolean         ivc_bank_library_load                (IvcBankLibrary       *self,
                                                       GCancellable         *cancellable,
                                                       GPtrArray           **problems,
                                                       GError              **error);
void             ivc_bank_library_load_async          (IvcBankLibrary       *self,
                                                       GCancellable         *cancellable,
                                                       GAsyncReadyCallback   callback,
                                                       gpointer              user_data);
gboolean         ivc_bank_library_load_finish         (IvcBankLibrary       *self,
                                                       GAsyncResult         *result,
                                                       GPtrArray           **problems,
                                                       GError              **error);
IvcQuestionBank *ivc_bank_library_import              (IvcBankLibrary       *self,
                                                       GFile                *source,
                                                       GCancellable         *cancellable,
                                                       IvcBankInfo         **info,
                                                       gboolean             *replaced,
                                                       GPtrArray           **problems,
                                                       GError              **error);
void             ivc_bank_library_import_async        (IvcBankLibrary       *self,
                                                       GFile                *source,
                                                       GCancellable         *cancellable,
                                                       GAsyncReadyCallback   callback,
                                                       gpointer              user_data);
IvcQuestionBank *ivc_bank_library_import_finish       (IvcBankLibrary       *self,
                                                       GAsyncResult         *result,
                                                       IvcBankInfo         **info,
                                                       gboolean             *replaced,
                                                       GPtrArray           **problems,
                                                       GError              **error);
gboolean         ivc_bank_library_remove              (IvcBankLibrary       *self,
                                                       const char           *id,
                                                       GError              **error);
gboolean         ivc_bank_library_restore             (IvcBankLibrary       *self,
                                                       const char           *id,
                                                       GError              **error);
void             ivc_bank_library_discard_removed     (IvcBankLibrary       *self,
                                                       const char           *id);
gboolean         ivc_bank_library_has_removed         (IvcBankLibrary       *self,
                                                       const char           *id);
void             ivc_bank_library_load_bank_async     (IvcBankLibrary       *self,
                                                       IvcBankInfo          *info,
                                                       GCancellable         *cancellable,
                                                       GAsyncReadyCallback   callback,
                                                       gpointer              user_data);
IvcQuestionBank *ivc_bank_library_load_bank_finish    (IvcBankLibrary       *self,
                                                       GAsyncResult         *result,
                                                       GError              **error);
void             ivc_bank_library_load_file_async     (GFile                *file,
                                                       GCancellable         *cancellable,
                                                       GAsyncReadyCallback   callback,
                                                       gpointer              user_data);
IvcQuestionBank *ivc_bank_library_load_file_finish    (GAsyncResult         *result,
                                                       GError              **error);

G_END_DECLS
