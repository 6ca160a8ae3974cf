/* bench-util.h: what the benchmarks share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The size of the generated bank. */
#define N_GENERATED 10000

char   *generate_bank (void);
double  median        (GArray *samples);

G_END_DECLS
