/* gad-accounts-page.c — the administrator's page of staff accounts
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Gives a staff member (existing or new) a sign-in name, a role and a first
 * password; lists every account, whose role can change, which can be closed,
 * and whose password can be set anew when forgotten.
 */
#define G_LOG_DOMAIN "gadiba"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "gad-accounts-page.h"
#include "gad-app-util.h"

static const GadRole roles[] = {
  GAD_ROLE_SOCIAL_WORKER, GAD_ROLE_CLERK, GAD_ROLE_HEAD, GAD_ROLE_AUDITOR, GAD_ROLE_ADMINISTRATOR,
};

struct _GadAccountsPage
{
  AdwPreferencesPage parent_instance;

  GadContext *context;
  GArray *staff_ids;      /* of the staff row: 0 = someone new */
  GArray *parish_ids;
  GPtrArray *departments;  /* of the department row: NULL = none */
  GPtrArray *account_rows;

  AdwComboRow *staff_row;
  AdwEntryRow *name_row;
  AdwComboRow *department_row;
  AdwComboRow *parish_row;
  AdwEntryRow *login_row;
  AdwComboRow *role_row;
  AdwEntryRow *password_row;
  AdwPreferencesGroup *accounts_group;
};

G_DEFINE_FINAL_TYPE (GadAccountsPage, gad_accounts_page, ADW_TYPE_PREFERENCES_PAGE)

/* A change to the accounts, made on the worker's thread, after which the
 * staff are read again for the page; or only that. */
typedef enum { READ, ADD, UPDATE, PASSWORD } Kind;

typedef struct
{
  GadAccountsPage *self;
  Kind kind;
  GadStaff staff;          /* ADD: the account; UPDATE: id, role, active */
  char *password;          /* ADD, PASSWORD */
  GtkWidget *entry;        /* PASSWORD: emptied once set */
  const char *done;        /* what the toast says then, or NULL */
} Change;

static void change (Change *c);

static void
toast (GadAccountsPage *self,
       const char      *message)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (ADW_IS_PREFERENCES_WINDOW (root))
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (root), adw_toast_new (message));
}

static GListModel *
role_model (void)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    gtk_string_list_append (list, gad_role_label (roles[i]));
  return G_LIST_MODEL (list);
}

static guint
role_index (GadRole role)
{
  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    if (roles[i] == role)
      return i;
  return 0;
}

static void
on_staff_selected (GadAccountsPage *self)
{
  gboolean new_person = adw_combo_row_get_selected (self->staff_row) == 0;

  gtk_widget_set_visible (GTK_WIDGET (self->name_row), new_person);
  gtk_widget_set_visible (GTK_WIDGET (self->department_row), new_person);
  gtk_widget_set_visible (GTK_WIDGET (self->parish_row), new_person);
}

static void
on_add (GadAccountsPage *self)
{
  guint staff = adw_combo_row_get_selected (self->staff_row);
  guint parish = adw_combo_row_get_selected (self->parish_row);
  guint department = adw_combo_row_get_selected (self->department_row);
  Change *c = g_new0 (Change, 1);

  c->kind = ADD;
  c->staff = (GadStaff) {
    .id = staff < self->staff_ids->len ? g_array_index (self->staff_ids, gint64, staff) : 0,
    .name = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))),
    .position = g_strdup (""),
    .department = g_strdup (department < self->departments->len
                            ? g_ptr_array_index (self->departments, department) : NULL),
    .territory_id = parish < self->parish_ids->len
                    ? g_array_index (self->parish_ids, gint64, parish) : 0,
    .username = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->login_row))),
    .role = roles[adw_combo_row_get_selected (self->role_row)],
    .active = TRUE,
  };
  c->password = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->password_row)));
  c->done = _("Account added");
  c->self = g_object_ref (self);
  change (c);
}

/* Role or open/closed changed on an account's row. */
static void
on_account_changed (GtkWidget       *widget,
                    GParamSpec      *pspec,
                    GadAccountsPage *self)
{
  GtkWidget *row = g_object_get_data (G_OBJECT (widget), "account-row");
  AdwComboRow *role = g_object_get_data (G_OBJECT (row), "role");
  GtkSwitch *active = g_object_get_data (G_OBJECT (row), "active");
  Change *c = g_new0 (Change, 1);

  c->kind = UPDATE;
  c->staff.id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "staff-id"));
  c->staff.role = roles[adw_combo_row_get_selected (role)];
  c->staff.active = gtk_switch_get_active (active);
  c->self = g_object_ref (self);
  change (c);
}

static void
on_password_apply (AdwEntryRow     *entry,
                   GadAccountsPage *self)
{
  Change *c = g_new0 (Change, 1);

  c->kind = PASSWORD;
  c->staff.id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (entry), "staff-id"));
  c->password = g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry)));
  c->entry = g_object_ref (GTK_WIDGET (entry));
  c->done = _("Password set: give it to the staff member to change");
  c->self = g_object_ref (self);
  change (c);
}

static GtkWidget *
account_row (GadAccountsPage *self,
             GadStaff        *s)
{
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *role = adw_combo_row_new ();
  GtkWidget *active_row = adw_action_row_new ();
  GtkWidget *active = gtk_switch_new ();
  GtkWidget *password = adw_password_entry_row_new ();
  g_autoptr(GListModel) model = role_model ();
  /* TRANSLATORS: an account in the list: sign-in name · role[ · closed] */
  g_autofree char *subtitle = g_strdup_printf (s->active ? _("%s · %s") : _("%s · %s · closed"),
                                               s->username, gad_role_label (s->role));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), s->name);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
  g_object_set_data (G_OBJECT (row), "staff-id", GSIZE_TO_POINTER (s->id));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (role), _("Role"));
  adw_combo_row_set_model (ADW_COMBO_ROW (role), model);
  adw_combo_row_set_selected (ADW_COMBO_ROW (role), role_index (s->role));
  g_object_set_data (G_OBJECT (row), "role", role);
  g_object_set_data (G_OBJECT (role), "account-row", row);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (active_row), _("Can sign in"));
  gtk_switch_set_active (GTK_SWITCH (active), s->active);
  gtk_widget_set_valign (active, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (active), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Can sign in"), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (active_row), active);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (active_row), active);
  g_object_set_data (G_OBJECT (row), "active", active);
  g_object_set_data (G_OBJECT (active), "account-row", row);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (password), _("Set a new password"));
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (password), TRUE);
  gad_password_row_name_peek (password);
  g_object_set_data (G_OBJECT (password), "staff-id", GSIZE_TO_POINTER (s->id));

  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), role);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), active_row);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), password);
  /* Connected once filled, so setting the values writes nothing. */
  g_signal_connect (role, "notify::selected", G_CALLBACK (on_account_changed), self);
  g_signal_connect (active, "notify::active", G_CALLBACK (on_account_changed), self);
  g_signal_connect (password, "apply", G_CALLBACK (on_password_apply), self);
  return row;
}

/* The parishes and departments offered, as last read; what was chosen
 * stays chosen when the lists are read again. */
static void
show_lists (GadAccountsPage *self)
{
  guint parish = adw_combo_row_get_selected (self->parish_row);
  guint department = adw_combo_row_get_selected (self->department_row);
  gint64 parish_id = parish < self->parish_ids->len ? g_array_index (self->parish_ids, gint64,
                                                                      parish) : 0;
  g_autofree char *chosen = g_strdup (department < self->departments->len
                                      ? g_ptr_array_index (self->departments, department) : NULL);
  g_autoptr(GListModel) parishes = gad_territory_model (self->context, self->parish_ids);
  g_autoptr(GListModel) departments = gad_department_model (self->context, self->departments);
  guint found = 0;

  gtk_string_list_splice (GTK_STRING_LIST (departments), 0, 0, (const char *[]) { _("None"), NULL });
  g_ptr_array_insert (self->departments, 0, NULL);
  for (guint i = 1; chosen && i < self->departments->len; i++)
    if (g_str_equal (chosen, g_ptr_array_index (self->departments, i)))
      found = i;
  adw_combo_row_set_model (self->parish_row, parishes);
  adw_combo_row_set_selected (self->parish_row, gad_ids_find (self->parish_ids, parish_id));
  adw_combo_row_set_model (self->department_row, departments);
  adw_combo_row_set_selected (self->department_row, found);
}

static void
fill (GadAccountsPage *self,
      GPtrArray       *staff)
{
  g_autoptr(GtkStringList) people = gtk_string_list_new (NULL);
  gint64 zero = 0;

  for (guint i = 0; i < self->account_rows->len; i++)
    adw_preferences_group_remove (self->accounts_group, g_ptr_array_index (self->account_rows, i));
  g_ptr_array_set_size (self->account_rows, 0);

  g_array_set_size (self->staff_ids, 0);
  gtk_string_list_append (people, _("Someone new"));
  g_array_append_val (self->staff_ids, zero);
  for (guint i = 0; i < staff->len; i++)
    {
      GadStaff *s = g_ptr_array_index (staff, i);

      if (s->username == NULL)
        {
          /* TRANSLATORS: a staff member in a list: name — position */
          g_autofree char *text = *s->position ? g_strdup_printf (_("%s — %s"), s->name,
                                                                   s->position)
                                               : g_strdup (s->name);
          gtk_string_list_append (people, text);
          g_array_append_val (self->staff_ids, s->id);
        }
      else
        {
          GtkWidget *row = account_row (self, s);

          adw_preferences_group_add (self->accounts_group, row);
          g_ptr_array_add (self->account_rows, row);
        }
    }
  adw_combo_row_set_model (self->staff_row, G_LIST_MODEL (people));
  on_staff_selected (self);
}

static void
change_free (Change *c)
{
  g_object_unref (c->self);
  g_free (c->staff.name);
  g_free (c->staff.position);
  g_free (c->staff.department);
  g_free (c->staff.username);
  if (c->password)
    memset (c->password, 0, strlen (c->password));
  g_free (c->password);
  g_clear_object (&c->entry);
  g_free (c);
}

static gpointer
save_change (GadStore      *store,
             gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  Change *c = data;
  gboolean ok = TRUE;

  if (c->kind == ADD)
    ok = gad_store_add_account (store, &c->staff, c->password, error) != 0;
  else if (c->kind == UPDATE)
    ok = gad_store_update_account (store, c->staff.id, c->staff.role, c->staff.active, error);
  else if (c->kind == PASSWORD)
    ok = gad_store_set_password (store, c->staff.id, c->password, error);
  return ok ? gad_store_list_staff (store) : NULL;
}

static void
on_changed (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  Change *c = user_data;
  GadAccountsPage *self = c->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) staff = gad_worker_run_finish (result, &error);

  if (self->context == NULL)
    {
      /* The page went with its window meanwhile. */
      change_free (c);
      return;
    }
  if (staff == NULL)
    {
      /* What was typed stays, to be put right. */
      toast (self, error->message);
      if (c->kind == UPDATE)
        change (g_memdup2 (&(Change) { g_object_ref (self), READ }, sizeof (Change)));
      change_free (c);
      return;
    }
  if (c->done)
    toast (self, c->done);
  if (c->kind == ADD)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->name_row), "");
      adw_combo_row_set_selected (self->department_row, 0);
      gtk_editable_set_text (GTK_EDITABLE (self->login_row), "");
      gtk_editable_set_text (GTK_EDITABLE (self->password_row), "");
    }
  if (c->entry)
    gtk_editable_set_text (GTK_EDITABLE (c->entry), "");
  /* A password changes nothing the page lists. */
  if (c->kind != PASSWORD)
    fill (self, staff);
  if (c->kind != READ)
    {
      /* The staff list every dialog offers. */
      gad_context_read_directory (self->context, NULL, NULL);
      gad_context_changed (self->context);
    }
  change_free (c);
}

/* Takes @c. */
static void
change (Change *c)
{
  gad_worker_run (gad_context_get_worker (c->self->context), save_change, c, NULL,
                  (GDestroyNotify) g_ptr_array_unref, NULL, on_changed, c);
}

static void
gad_accounts_page_dispose (GObject *object)
{
  GadAccountsPage *self = GAD_ACCOUNTS_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), GAD_TYPE_ACCOUNTS_PAGE);
  g_clear_object (&self->context);
  g_clear_pointer (&self->staff_ids, g_array_unref);
  g_clear_pointer (&self->parish_ids, g_array_unref);
  g_clear_pointer (&self->departments, g_ptr_array_unref);
  g_clear_pointer (&self->account_rows, g_ptr_array_unref);
  G_OBJECT_CLASS (gad_accounts_page_parent_class)->dispose (object);
}

static void
gad_accounts_page_class_init (GadAccountsPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = gad_accounts_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/lv/gadiba/Gadiba/gad-accounts-page.ui");
#define CHILD(name) gtk_widget_class_bind_template_child (widget_class, GadAccountsPage, name)
  CHILD (staff_row);
  CHILD (name_row);
  CHILD (department_row);
  CHILD (parish_row);
  CHILD (login_row);
  CHILD (role_row);
  CHILD (password_row);
  CHILD (accounts_group);
#undef CHILD
  gtk_widget_class_bind_template_callback (widget_class, on_staff_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_add);
}

static void
gad_accounts_page_init (GadAccountsPage *self)
{
  g_autoptr(GListModel) model = role_model ();

  self->staff_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->parish_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->departments = g_ptr_array_new_with_free_func (g_free);
  self->account_rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  adw_combo_row_set_model (self->role_row, model);
  gad_password_row_name_peek (GTK_WIDGET (self->password_row));
}

GadAccountsPage *
gad_accounts_page_new (GadContext *context)
{
  GadAccountsPage *self = g_object_new (GAD_TYPE_ACCOUNTS_PAGE, NULL);

  self->context = g_object_ref (context);
  show_lists (self);
  g_signal_connect_object (context, "directory-read", G_CALLBACK (show_lists), self,
                           G_CONNECT_SWAPPED);
  change (g_memdup2 (&(Change) { g_object_ref (self), READ }, sizeof (Change)));
  return self;
}
