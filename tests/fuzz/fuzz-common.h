/* fuzz-common.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the libFuzzer targets share: the set-up once per process, and a
 * check that aborts with a message, so that libFuzzer keeps the input.
 */

#pragma once

#include <stddef.h>
#include <stdint.h>

#include <glib.h>

G_BEGIN_DECLS

/* libFuzzer's entry points; declared here for -Wmissing-prototypes. */
int  LLVMFuzzerInitialize   (int            *argc,
                             char         ***argv);
int  LLVMFuzzerTestOneInput (const uint8_t  *data,
                             size_t          size);

void fuzz_init              (void);
void fuzz_fail              (const char     *what,
                             const char     *data,
                             gsize           len) G_GNUC_NORETURN;

#define fuzz_check(cond, what, data, len)        \
  G_STMT_START {                                 \
    if (G_UNLIKELY (!(cond)))                    \
      fuzz_fail ((what), (data), (len));         \
  } G_STMT_END

G_END_DECLS
