/* ivc-file-util.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The one way the application writes and reads its files: atomic writes,
 * reads with a size limit, and keeping a damaged file aside
 * (ivc-file-util.c); writes and deletes in its own folders that never
 * follow a link, and tidying those folders (ivc-file-util-own.c).
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Files hold one person's notes about other people: only they may read
 * them. */
#define IVC_FILE_UTIL_FILE_MODE    0600
#define IVC_FILE_UTIL_FOLDER_MODE  0700

/* How many copies with the same time may be kept aside before giving up. */
#define IVC_FILE_UTIL_MAX_KEPT_ASIDE  1000

/* A temporary file of a save (`NAME.XXXXXX`, six letters or digits) older
 * than this was left by a save that never finished: one file is written
 * in seconds, even to a slow disk. */
#define IVC_FILE_UTIL_STALE_TEMPORARY_SECONDS  (60 * 60)

#define IVC_FILE_UTIL_ERROR (ivc_file_util_error_quark ())

typedef enum
{
  IVC_FILE_UTIL_ERROR_READ,
  IVC_FILE_UTIL_ERROR_NOT_REGULAR,
  IVC_FILE_UTIL_ERROR_TOO_LARGE,
} IvcFileUtilError;

typedef enum
{
  IVC_FILE_UTIL_WRITE_NONE          = 0,
  /* The application's own folders are made as needed (mode 0700); a
   * place the user chose is not. */
  IVC_FILE_UTIL_WRITE_CREATE_FOLDER = 1 << 0,
  /* The error message is only the system's reason, such as “Permission
   * denied”, for a caller that words the rest of it. */
  IVC_FILE_UTIL_WRITE_REASON_ONLY   = 1 << 1,
} IvcFileUtilWriteFlags;

typedef enum
{
  IVC_FILE_UTIL_READ_NONE        = 0,
  /* The error message does not name the file, for a caller that words
   * the rest of it: “No such file or directory”. */
  IVC_FILE_UTIL_READ_REASON_ONLY = 1 << 0,
  /* A device or a pipe is read in pieces up to the limit instead of being
   * refused; a folder still is refused. */
  IVC_FILE_UTIL_READ_DEVICES     = 1 << 1,
} IvcFileUtilReadFlags;

GQuark    ivc_file_util_error_quark        (void);
char     *ivc_file_util_format_limit       (gsize                 limit);
char     *ivc_file_util_format_size        (guint64               size);
gboolean  ivc_file_util_write_bytes        (GFile                *file,
                                            GBytes               *bytes,
                                            IvcFileUtilWriteFlags flags,
                                            GCancellable         *cancellable,
                                            GError              **error);
void      ivc_file_util_write_bytes_async  (GFile                *file,
                                            GBytes               *bytes,
                                            IvcFileUtilWriteFlags flags,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
gboolean  ivc_file_util_write_bytes_finish (GAsyncResult         *result,
                                            GError              **error);
GBytes   *ivc_file_util_read_bytes         (GFile                *file,
                                            gsize                 max_size,
                                            const char           *kind,
                                            GCancellable         *cancellable,
                                            GError              **error);
GBytes   *ivc_file_util_read_bytes_full    (GFile                *file,
                                            gsize                 max_size,
                                            const char           *kind,
                                            IvcFileUtilReadFlags  flags,
                                            GCancellable         *cancellable,
                                            GError              **error);
void      ivc_file_util_read_bytes_async   (GFile                *file,
                                            gsize                 max_size,
                                            const char           *kind,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
GBytes   *ivc_file_util_read_bytes_finish  (GAsyncResult         *result,
                                            GError              **error);
GFile    *ivc_file_util_move_aside         (GFile                *file,
                                            const char           *tag,
                                            GError              **error);
gboolean  ivc_file_util_write_bytes_beneath (const char          *root,
                                             const char          *relative_path,
                                             GBytes              *bytes,
                                             GCancellable        *cancellable,
                                             GError             **error);
typedef gboolean (*IvcFileUtilCheckFunc) (int         dir_fd,
                                          const char *name,
                                          gpointer    user_data);

gboolean  ivc_file_util_write_bytes_beneath_checked (const char            *root,
                                                     const char            *relative_path,
                                                     GBytes                *bytes,
                                                     IvcFileUtilCheckFunc   check,
                                                     gpointer               user_data,
                                                     GCancellable          *cancellable,
                                                     GError               **error);
int       ivc_file_util_open_folder_beneath (const char          *root,
                                             const char          *relative_folder,
                                             GError             **error);
gboolean  ivc_file_util_move_aside_at      (int                   dir_fd,
                                            const char           *name,
                                            const char           *tag,
                                            char                **new_name,
                                            GError              **error);
gboolean  ivc_file_util_delete_beneath     (const char           *root,
                                            const char           *relative_path,
                                            GError              **error);
gboolean  ivc_file_util_is_link            (const char           *path);
void      ivc_file_util_tighten_folder     (const char           *path);
guint     ivc_file_util_remove_stale_temporary_files (const char *folder_path,
                                                      const char *file_name);

G_END_DECLS
