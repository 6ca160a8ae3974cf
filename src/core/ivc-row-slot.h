/* ivc-row-slot.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One place in a list of rows, which keeps its identity while what it
 * shows changes: a list view then keeps the row's widget and only fills
 * it anew.
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define IVC_TYPE_ROW_SLOT (ivc_row_slot_get_type ())

G_DECLARE_FINAL_TYPE (IvcRowSlot, ivc_row_slot, IVC, ROW_SLOT, GObject)

IvcRowSlot *ivc_row_slot_new      (GObject    *item);
GObject    *ivc_row_slot_get_item (IvcRowSlot *self);
void        ivc_row_slot_set_item (IvcRowSlot *self,
                                   GObject    *item);

G_END_DECLS
