/* gad-cli-account.c — gadiba-cli account: the first administrator and staff accounts
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "gadiba-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "gad-cli.h"
#include "gad-text.h"

static const char usage[] =
  N_("Usage: gadiba-cli account init --name NAME --login LOGIN\n"
     "       gadiba-cli account add --user ADMIN --name NAME --login LOGIN --role ROLE "
     "[--department D]\n"
     "       gadiba-cli account list --user ADMIN\n"
     "       gadiba-cli account set --user ADMIN --login LOGIN --role ROLE [--closed]\n"
     "       gadiba-cli account password --user NAME [--login LOGIN]\n"
     "       gadiba-cli account end-password --user ADMIN --login LOGIN --on DATE|never\n"
     "Roles: administrator, head, social-worker, clerk, auditor. New passwords are asked for, "
     "or read from $GADIBA_NEW_PASSWORD.");

static gint64
find_login (GadStore    *store,
            const char  *login,
            GError     **error)
{
  g_autoptr(GPtrArray) staff = gad_store_list_staff (store);
  g_autofree char *folded = g_utf8_casefold (login ? login : "", -1);

  for (guint i = 0; i < staff->len; i++)
    {
      GadStaff *s = g_ptr_array_index (staff, i);
      if (g_strcmp0 (s->username, folded) == 0)
        return s->id;
    }
  g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_NOT_FOUND,
               _("No account signs in as “%s”."), login ? login : "");
  return 0;
}

static GadRole
parse_role (const char  *text,
            GError     **error)
{
  GadRole role = gad_role_from_string (text);

  if (role == GAD_ROLE_NONE)
    g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                 _("--role must be administrator, head, social-worker, clerk or auditor."));
  return role;
}

int
gad_cli_account (int      argc,
                 char   **argv,
                 GError **error)
{
  g_autofree char *name = NULL, *login = NULL, *role_text = NULL, *department = NULL;
  g_autofree char *on = NULL;
  gboolean closed = FALSE;
  GOptionEntry entries[] = {
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_("The staff member’s full name"), N_("NAME") },
    { "login", 0, 0, G_OPTION_ARG_STRING, &login, N_("The account’s sign-in name"), N_("LOGIN") },
    { "role", 0, 0, G_OPTION_ARG_STRING, &role_text, N_("The account’s role"), N_("ROLE") },
    { "department", 0, 0, G_OPTION_ARG_STRING, &department, N_("The staff member’s department"),
      N_("DEPARTMENT") },
    { "closed", 0, 0, G_OPTION_ARG_NONE, &closed, N_("set: close the account"), NULL },
    { "on", 0, 0, G_OPTION_ARG_STRING, &on,
      N_("end-password: the day the password ends, or “never”"), N_("DATE") },
    { NULL }
  };
  g_autoptr(GadStore) store = NULL;
  g_autofree char *password = NULL;
  const char *what;

  if (!gad_cli_parse (entries, _("init | add | list | set | password | end-password"),
                      _("Create the first administrator, and manage staff accounts."),
                      &argc, &argv, error))
    return 2;
  what = argc == 2 ? argv[1] : "";
  if (!g_strv_contains ((const char *[]) { "init", "add", "list", "set", "password",
                                           "end-password", NULL }, what))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED, "%s", _(usage));
      return 2;
    }

  if (g_str_equal (what, "init"))
    {
      if ((store = gad_cli_open_database (error)) == NULL)
        return 1;
      password = gad_cli_read_password ("GADIBA_NEW_PASSWORD", _("New password: "));
      if (gad_store_create_administrator (store, name, login, password, error) == 0)
        return 1;
      g_print (_("Administrator “%s” created.\n"), gad_store_get_username (store));
      return 0;
    }

  if ((store = gad_cli_open_store (error)) == NULL)
    return 1;
  if (g_str_equal (what, "list"))
    {
      g_autoptr(GPtrArray) staff = NULL;

      if (!gad_store_require (store, GAD_RIGHT_ADMINISTER, 0, error))
        return 1;
      staff = gad_store_list_staff (store);
      for (guint i = 0; i < staff->len; i++)
        {
          GadStaff *s = g_ptr_array_index (staff, i);
          if (s->username)
            g_print ("%s\t%s\t%s\t%s\t%s\n", s->username, s->name, gad_role_to_string (s->role),
                     s->department, s->active ? "active" : "closed");
        }
      return 0;
    }
  if (g_str_equal (what, "add"))
    {
      GadStaff staff = { .name = name, .username = login, .department = department,
                         .position = (char *) "", .active = TRUE };

      if ((staff.role = parse_role (role_text, error)) == GAD_ROLE_NONE)
        return 2;
      password = gad_cli_read_password ("GADIBA_NEW_PASSWORD", _("New password: "));
      return gad_store_add_account (store, &staff, password, error) ? 0 : 1;
    }
  if (g_str_equal (what, "set"))
    {
      GadRole role = parse_role (role_text, error);
      gint64 id;

      if (role == GAD_ROLE_NONE)
        return 2;
      return (id = find_login (store, login, error)) != 0
             && gad_store_update_account (store, id, role, !closed, error) ? 0 : 1;
    }
  if (g_str_equal (what, "end-password"))
    {
      g_autofree char *iso = NULL;
      GDate date;
      gint64 id;

      if (on == NULL || (!g_str_equal (on, "never") && !gad_text_parse_date (on, &date)))
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("--on must be a date (31.01.2027 or 2027-01-31) or “never”."));
          return 2;
        }
      if (!g_str_equal (on, "never"))
        iso = gad_text_iso_date (&date);
      return (id = find_login (store, login, error)) != 0
             && gad_store_end_password (store, id, iso, error) ? 0 : 1;
    }
  /* password: one's own, or (an administrator) someone else's */
  {
    gint64 id = login ? find_login (store, login, error) : gad_store_actor_id (store);

    if (id == 0)
      return 1;
    password = gad_cli_read_password ("GADIBA_NEW_PASSWORD", _("New password: "));
    return gad_store_set_password (store, id, password, error) ? 0 : 1;
  }
}
