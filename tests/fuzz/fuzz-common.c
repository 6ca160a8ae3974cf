/* fuzz-common.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the libFuzzer targets share: criticals and warnings are crashes
 * (a critical is a bug, whatever the input), and a failed check prints the
 * output it was about before aborting.
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "fuzz-common.h"

void
fuzz_init (void)
{
  /* Messages of translations would not change what is checked. */
  g_setenv ("LANGUAGE", "C", TRUE);
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
}

void
fuzz_fail (const char *what,
           const char *data,
           gsize       len)
{
  fprintf (stderr, "fuzz check failed: %s\n", what);
  if (data != NULL)
    {
      fprintf (stderr, "--- output (%" G_GSIZE_FORMAT " bytes, first 2000 shown) ---\n", len);
      fwrite (data, 1, MIN (len, 2000), stderr);
      fprintf (stderr, "\n---\n");
    }
  abort ();
}
