/* ivc-test-files.h: files and folders, as the tests make and check them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

void  remove_tree        (const char *path);
void  write_file         (const char *path,
                          const char *contents);
char *read_file          (const char *path);
void  assert_file_equals (const char *path,
                          const char *expected);
char *list_folder        (const char *path);

G_END_DECLS
