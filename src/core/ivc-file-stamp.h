/* ivc-file-stamp.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What a file held when it was last read or written: its contents, size,
 * modification time and a hash of the contents, to tell whether someone
 * else changed it since.
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct
{
  GBytes *bytes;
  gsize   size;
  gint64  mtime_usec;
  char   *sha256;
} IvcFileStamp;

IvcFileStamp *ivc_file_stamp_new          (GBytes        *bytes,
                                           gint64         mtime_usec);
IvcFileStamp *ivc_file_stamp_ref          (IvcFileStamp  *self);
void          ivc_file_stamp_unref        (IvcFileStamp  *self);
gboolean      ivc_file_stamp_is_unchanged (IvcFileStamp  *self,
                                           IvcFileStamp  *now);
IvcFileStamp *ivc_file_stamp_read_at      (int            dir_fd,
                                           const char    *name,
                                           gsize          max_size,
                                           GError       **error);
gint64        ivc_file_stamp_get_mtime_at (int            dir_fd,
                                           const char    *name);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IvcFileStamp, ivc_file_stamp_unref)

G_END_DECLS
