/* test-templates.c — every widget template builds without a warning
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs with G_DEBUG=fatal-warnings: a typo in a .ui file (an unknown
 * property, a missing callback or child) fails here rather than at a user's
 * desk. gtk4-builder-tool cannot check these templates alone, since it does
 * not know the libadwaita and Gādība types.
 */
#include "config.h"

#include <adwaita.h>

#include "gad-accounts-page.h"
#include "gad-application.h"
#include "gad-approvals-window.h"
#include "gad-audit-window.h"
#include "gad-case-dialog.h"
#include "gad-client-page.h"
#include "gad-context.h"
#include "gad-dashboard-view.h"
#include "gad-decision-dialog.h"
#include "gad-drill-window.h"
#include "gad-case-plan-window.h"
#include "gad-documents-window.h"
#include "gad-scan-dialog.h"
#include "gad-entry-dialog.h"
#include "gad-plan-dialog.h"
#include "gad-schedule-view.h"
#include "gad-household-dialog.h"
#include "gad-means-dialog.h"
#include "gad-pdf-window.h"
#include "gad-person-dialog.h"
#include "gad-preferences-window.h"
#include "gad-registry-view.h"
#include "gad-request-dialog.h"
#include "gad-sign-in-window.h"
#include "gad-test-util.h"
#include "gad-window.h"

static GadContext *context;
static GadApplication *app;

static void
test_window (void)
{
  GadWindow *window = gad_window_new (app, context);

  g_assert_nonnull (gad_window_get_registry_view (window));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
on_made (GObject      *source,
         GAsyncResult *result,
         gpointer      data)
{
  *(GAsyncResult **) data = g_object_ref (result);
}

/* The answer of a dialog made asynchronously (its data read on a thread). */
static GAsyncResult *
wait_for_result (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *slot;
}

static void
test_dialogs (void)
{
  GadStore *store = gad_context_get_store (context);
  gint64 id = gad_test_person (store, "161175-19997", "Bērziņš", "Jānis");
  g_autoptr(GadPerson) person = gad_store_get_person (store, id, NULL);
  GadRequest request = { 0, id, 0, "gmi", NULL, "2026-03-02", "1" };
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autoptr(GBytes) pdf = g_bytes_new_static ("%PDF-1.4\n", 9);
  GtkWindow *windows[24];
  GadEntry entry = { .kind = (char *) "visit", .start_date = (char *) "2026-03-02",
                     .start_minute = 600, .minutes = 60 };
  GadServicePlan plan = { .service_code = (char *) "home-care", .level = 2,
                          .period_from = (char *) "2026-01-01" };
  g_autoptr(GAsyncResult) made = NULL;
  GadCase open_case = { .person_id = id };
  guint n = 0;

  request.id = gad_store_insert_request (store, &request, NULL);
  g_assert_cmpint (request.id, >, 0);

  windows[n++] = GTK_WINDOW (gad_person_dialog_new (NULL, context, NULL));
  windows[n++] = GTK_WINDOW (gad_person_dialog_new (NULL, context, person));
  windows[n++] = GTK_WINDOW (gad_case_dialog_new (NULL, context, id, NULL, GAD_CASE_NEW));
  windows[n++] = GTK_WINDOW (gad_household_dialog_new (NULL, context, person));
  windows[n++] = GTK_WINDOW (gad_request_dialog_new (NULL, context, person));
  gad_means_dialog_new_async (NULL, context, request.id, on_made, &made);
  windows[n++] = GTK_WINDOW (gad_means_dialog_new_finish (wait_for_result (&made), NULL));
  g_clear_object (&made);
  gad_decision_dialog_new_async (NULL, context, request.id, 0, on_made, &made);
  windows[n++] = GTK_WINDOW (gad_decision_dialog_new_finish (wait_for_result (&made), NULL));
  windows[n++] = GTK_WINDOW (gad_case_plan_window_new (NULL, context, &open_case, "x", TRUE));
  windows[n++] = GTK_WINDOW (gad_documents_window_new (NULL, context, &open_case, "x", TRUE));
  windows[n] = GTK_WINDOW (gad_scan_dialog_new (GAD_DOCUMENTS_WINDOW (windows[n - 1]), "x"));
  n++;
  windows[n++] = GTK_WINDOW (gad_drill_window_new (NULL, "x", rows));
  windows[n++] = GTK_WINDOW (gad_preferences_window_new (NULL, context));
  windows[n++] = GTK_WINDOW (gad_entry_dialog_new (NULL, context, &entry, NULL));
  windows[n++] = GTK_WINDOW (gad_audit_window_new (NULL, context));
  windows[n++] = GTK_WINDOW (gad_plan_dialog_new (NULL, context, id, NULL));
  windows[n++] = GTK_WINDOW (gad_plan_dialog_new (NULL, context, id, &plan));
  windows[n++] = GTK_WINDOW (gad_approvals_window_new (NULL, context));
  windows[n++] = GTK_WINDOW (gad_sign_in_window_new (GTK_APPLICATION (app), context,
                                                     GAD_SIGN_IN_FIRST_RUN));
  windows[n++] = GTK_WINDOW (gad_sign_in_window_new (GTK_APPLICATION (app), context,
                                                     GAD_SIGN_IN_SIGN_IN));
  windows[n++] = GTK_WINDOW (gad_sign_in_window_new (GTK_APPLICATION (app), context,
                                                     GAD_SIGN_IN_UNLOCK));
  g_assert_cmpuint (n, <=, G_N_ELEMENTS (windows));
  for (guint i = 0; i < n; i++)
    {
      g_assert_nonnull (windows[i]);
      gtk_window_destroy (windows[i]);
    }
  /* Not a PDF: the window says so instead of failing. */
  gtk_window_destroy (GTK_WINDOW (gad_pdf_window_new (NULL, "t", NULL, pdf, "t")));
}

/* The keyboard-shortcuts window, which GTK builds from the resource. */
static void
test_help_overlay (void)
{
  g_autoptr(GtkBuilder) builder =
    gtk_builder_new_from_resource ("/lv/gadiba/Gadiba/gtk/help-overlay.ui");
  GObject *overlay = gtk_builder_get_object (builder, "help_overlay");

  g_assert_true (GTK_IS_SHORTCUTS_WINDOW (overlay));
  gtk_window_destroy (GTK_WINDOW (overlay));
}

static void
test_views (void)
{
  GtkWidget *views[] = {
    g_object_new (GAD_TYPE_REGISTRY_VIEW, "context", context, NULL),
    g_object_new (GAD_TYPE_CLIENT_PAGE, "context", context, NULL),
    g_object_new (GAD_TYPE_DASHBOARD_VIEW, "context", context, NULL),
    g_object_new (GAD_TYPE_SCHEDULE_VIEW, "context", context, NULL),
    GTK_WIDGET (gad_accounts_page_new (context)),
  };

  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    g_object_unref (g_object_ref_sink (views[i]));
}

/* Every icon a template names is in the icon theme or among the app's own
 * (a missing one draws as a broken image: the Dashboards tab had one). */
static void
test_icons (void)
{
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gdk_display_get_default ());
  g_auto(GStrv) names = g_resources_enumerate_children ("/lv/gadiba/Gadiba/", 0, NULL);
  g_autoptr(GRegex) icon = g_regex_new ("name=\"icon-name\">([^<]+)<", 0, 0, NULL);
  guint checked = 0;

  g_assert_nonnull (names);
  for (guint i = 0; names[i]; i++)
    {
      g_autofree char *path = g_strconcat ("/lv/gadiba/Gadiba/", names[i], NULL);
      g_autoptr(GBytes) ui = NULL;
      g_autoptr(GMatchInfo) match = NULL;

      if (!g_str_has_suffix (names[i], ".ui"))
        continue;
      ui = g_resources_lookup_data (path, 0, NULL);
      g_assert_nonnull (ui);
      g_regex_match (icon, g_bytes_get_data (ui, NULL), 0, &match);
      for (; g_match_info_matches (match); g_match_info_next (match, NULL))
        {
          g_autofree char *name = g_match_info_fetch (match, 1);

          if (!gtk_icon_theme_has_icon (theme, name))
            g_error ("%s names the icon “%s”, which no theme has", names[i], name);
          checked++;
        }
    }
  g_assert_cmpuint (checked, >, 10);
}

int
main (int argc, char **argv)
{
  g_autoptr(GadStore) store = NULL;
  int status;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  app = gad_application_new ();
  g_application_register (G_APPLICATION (app), NULL, NULL);
  store = gad_test_store (NULL);
  context = gad_context_new (store);

  g_test_add_func ("/templates/window", test_window);
  g_test_add_func ("/templates/dialogs", test_dialogs);
  g_test_add_func ("/templates/views", test_views);
  g_test_add_func ("/templates/help-overlay", test_help_overlay);
  g_test_add_func ("/templates/icons", test_icons);
  status = g_test_run ();
  g_object_unref (context);
  g_object_unref (app);
  return status;
}
