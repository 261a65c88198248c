/* gad-test-proxy.h — a link to the test server that is slow, or drops
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _GadTestProxy GadTestProxy;

GadTestProxy *gad_test_proxy_new          (const char   *host,
                                           guint16       port);
guint16       gad_test_proxy_port         (GadTestProxy *self);
void          gad_test_proxy_set_delay    (GadTestProxy *self,
                                           guint         ms);
void          gad_test_proxy_cut_at_commit (GadTestProxy *self);
guint         gad_test_proxy_cuts         (GadTestProxy *self);
void          gad_test_proxy_refuse       (GadTestProxy *self,
                                           gboolean      refusing);
void          gad_test_proxy_free         (GadTestProxy *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GadTestProxy, gad_test_proxy_free)

G_END_DECLS
