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
char   *generate_bank_of (const char *id,
                          guint       n_questions);
void    bench_remove_tree (const char *path);
void    bench_record_peak_memory (void);
double  median        (GArray *samples);
void    bench_print_target (const char *name,
                            double      measured,
                            const char *unit,
                            double      goal,
                            gboolean    met);

G_END_DECLS
