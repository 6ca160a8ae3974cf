/* ivc-export-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the export's formats share inside src/core.
 */

#pragma once

#include "ivc-scorecard.h"

G_BEGIN_DECLS

GBytes *_ivc_export_csv (IvcScorecard *scorecard);

G_END_DECLS
