/* gad-context.c — what every view shares: the store and the settings
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Handed to each view as a construct-only property instead of globals. Views
 * that show stored data listen to "changed", which any write emits, so a
 * client page and the registry list never disagree.
 */
#define G_LOG_DOMAIN "gad-context"

#include "config.h"

#include "gad-context.h"

struct _GadContext
{
  GObject parent_instance;

  GadStore *store;
  GSettings *settings;
};

G_DEFINE_FINAL_TYPE (GadContext, gad_context, G_TYPE_OBJECT)

enum { CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
gad_context_finalize (GObject *object)
{
  GadContext *self = GAD_CONTEXT (object);

  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  G_OBJECT_CLASS (gad_context_parent_class)->finalize (object);
}

static void
gad_context_class_init (GadContextClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = gad_context_finalize;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
gad_context_init (GadContext *self)
{
  self->settings = g_settings_new (APP_ID);
}

GadContext *
gad_context_new (GadStore *store)
{
  GadContext *self = g_object_new (GAD_TYPE_CONTEXT, NULL);

  self->store = g_object_ref (store);
  return self;
}

GadStore *
gad_context_get_store (GadContext *self)
{
  g_return_val_if_fail (GAD_IS_CONTEXT (self), NULL);
  return self->store;
}

GSettings *
gad_context_get_settings (GadContext *self)
{
  g_return_val_if_fail (GAD_IS_CONTEXT (self), NULL);
  return self->settings;
}

/* Call after every successful write. */
void
gad_context_changed (GadContext *self)
{
  g_return_if_fail (GAD_IS_CONTEXT (self));
  g_signal_emit (self, signals[CHANGED], 0);
}
