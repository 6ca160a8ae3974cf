/* ivc-row-slot.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * IvcRowSlot: one place in a list of rows, which keeps its identity while
 * what it shows changes. GTK 4.8's list view destroys a row's widget when
 * its item goes and builds one for the item that comes; a slot that stays
 * keeps its widget, which follows the slot's "item".
 */

#define G_LOG_DOMAIN "ivc-row-slot"

#include "config.h"

#include "ivc-row-slot.h"

struct _IvcRowSlot
{
  GObject  parent_instance;

  /* A level or a question: the bank owns them and outlives the rows. */
  GObject *item;
};

G_DEFINE_FINAL_TYPE (IvcRowSlot, ivc_row_slot, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ITEM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ivc_row_slot_dispose (GObject *object)
{
  IvcRowSlot *self = (IvcRowSlot *)object;

  g_clear_object (&self->item);

  G_OBJECT_CLASS (ivc_row_slot_parent_class)->dispose (object);
}

static void
ivc_row_slot_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  IvcRowSlot *self = IVC_ROW_SLOT (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      g_value_set_object (value, self->item);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ivc_row_slot_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  IvcRowSlot *self = IVC_ROW_SLOT (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      ivc_row_slot_set_item (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ivc_row_slot_class_init (IvcRowSlotClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ivc_row_slot_dispose;
  object_class->get_property = ivc_row_slot_get_property;
  object_class->set_property = ivc_row_slot_set_property;

  /**
   * IvcRowSlot:item:
   *
   * What the row shows.
   */
  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL, G_TYPE_OBJECT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ivc_row_slot_init (IvcRowSlot *self)
{
}

IvcRowSlot *
ivc_row_slot_new (GObject *item)
{
  return g_object_new (IVC_TYPE_ROW_SLOT, "item", item, NULL);
}

/**
 * ivc_row_slot_get_item:
 *
 * Returns: (transfer none) (nullable): what the row shows
 */
GObject *
ivc_row_slot_get_item (IvcRowSlot *self)
{
  g_return_val_if_fail (IVC_IS_ROW_SLOT (self), NULL);

  return self->item;
}

void
ivc_row_slot_set_item (IvcRowSlot *self,
                       GObject    *item)
{
  g_return_if_fail (IVC_IS_ROW_SLOT (self));

  if (g_set_object (&self->item, item))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM]);
}
