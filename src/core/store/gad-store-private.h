/* gad-store-private.h — what the store's source files share
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gad-db.h"
#include "gad-store.h"

G_BEGIN_DECLS

/* A save on a server (one outermost write transaction): its own id, in its
 * audit rows, and what it was, from its first audit row. */
typedef struct
{
  char *id;
  gint64 audit_id;        /* its last audit row, 0 before one */
  int process;            /* the server process it ran in */
  char *entity;
  gint64 entity_id;
  gint64 person_id;
  char *action;
  gint64 at;              /* when its commit was sent, monotonic */
  enum { SAVE_UNKNOWN, SAVE_DONE, SAVE_UNDONE } outcome;
} GadSave;

struct _GadStore
{
  GObject parent_instance;

  GadDb *db;
  char *path;
  char *conninfo;         /* on a server: the path with the signed-in account's credentials */
  GHashTable *statements; /* SQL text → GadStmt */
  gint64 actor_id;        /* the signed-in staff member, 0 for none or the system */
  char *actor;            /* their name, as the audit log writes it */
  char *username;
  GadRole role;
  char *department;       /* with territory_id: a social worker's scope */
  gint64 territory_id;
  guint depth;            /* nesting of gad_store_begin() */
  guint import_depth;     /* the depth gad_store_begin_import() began at, 0 outside */
  GadDbError failure;     /* what the last gad_store_fail() was about */
  GadSave save;           /* the save under way */
  GadSave unconfirmed;    /* one whose commit was sent as the link dropped (id NULL: none) */
  struct _GadImportRows *import_rows; /* an import's rows not written yet (gad-store-import-rows.c) */
};

/* A person's row as the store writes it, from gad_store_check_person(). */
typedef struct
{
  char code[12];
  char *birth_date;
  char *key_lf;
  char *key_fl;
  char *sort_key;
} GadPersonKeys;

void          gad_person_keys_clear (GadPersonKeys *keys);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (GadPersonKeys, gad_person_keys_clear)
gboolean      gad_store_check_person (GadPerson     *person,
                                      GadPersonKeys *keys,
                                      GError       **error);
void          gad_store_person_changes (GadStore    *self,
                                        GArray      *changes,
                                        GadPerson   *old,
                                        GadPerson   *new);
gboolean      gad_store_flush_import (GadStore     *self,
                                      GError      **error);
void          gad_store_drop_import (GadStore      *self);

/* What writers on a server take turns on (gad_store_lock()). */
enum
{
  GAD_LOCK_AUDIT = 4243,         /* the end of the audit chain: taken on the server by
                                  * gad_audit_last() and the append trigger (access.sql) */
  GAD_LOCK_STAFF_SCHEDULE = 4244,
  GAD_LOCK_CLIENT_SCHEDULE = 4245,
};

typedef struct
{
  const char *field;
  char *old_value;
  char *new_value;
} GadFieldChange;

/* The persons (as "p") a social worker reads the files of: their own
 * clients, their department's, their parish's, and those in nobody's care
 * and no parish. Add GAD_SCOPE_JOIN after "persons p", GAD_SCOPE_WHERE to
 * the conditions, and bind with gad_store_bind_scope() (?91 to ?94). Other
 * roles pass it whole. */
#define GAD_SCOPE_JOIN " LEFT JOIN staff scope_w ON scope_w.id = p.worker_id"
#define GAD_SCOPE_WHERE \
  "(?91 = 0 OR p.worker_id = ?92 OR p.territory_id = ?93" \
  " OR (?94 <> '' AND scope_w.department = ?94)" \
  " OR (p.worker_id IS NULL AND p.territory_id IS NULL))"

gint64        gad_store_person_of  (GadStore    *self,
                                    const char  *table,
                                    gint64       id);
void          gad_store_bind_scope (GadStore    *self,
                                    GadStmt     *stmt);
/* gad-store-remote.c: the register, or one person's row on it (@person_id) */
GPtrArray    *gad_store_remote_rows (GadStore   *self,
                                     const char *due_by,
                                     gint64      person_id,
                                     GError    **error);
GadStmt      *gad_store_statement  (GadStore    *self,
                                    const char  *sql,
                                    GError     **error);
gboolean      gad_store_note_save  (GadStore    *self,
                                    gint64       audit_id,
                                    const char  *entity,
                                    gint64       entity_id,
                                    gint64       person_id,
                                    const char  *action,
                                    GError     **error);
gboolean      gad_store_lock       (GadStore    *self,
                                    int          space,
                                    gint64       key,
                                    GError     **error);
gboolean      gad_store_exec       (GadStore    *self,
                                    const char  *sql,
                                    GError     **error);
gboolean      gad_store_step_done  (GadStore    *self,
                                    GadStmt     *stmt,
                                    GError     **error);
gboolean      gad_store_fail       (GadStore    *self,
                                    GError     **error);
GadDbError    gad_store_error_kind (GadStore    *self);
gboolean      gad_store_migrate    (GadStore    *self,
                                    GError     **error);
gboolean      gad_store_migrate_to (GadStore    *self,
                                    int          target,
                                    GError     **error);
gboolean      gad_store_seal_audit_chain   (GadStore *self,
                                            GError  **error);
gboolean      gad_store_rehash_audit_chain (GadStore *self,
                                            GError  **error);
gboolean      gad_store_fill_record_words  (GadStore *self,
                                            GError  **error);
/* A case record's columns, r being case_records and s its author's staff row. */
#define GAD_RECORD_COLUMNS \
  "r.id, r.case_id, r.person_id, r.kind, r.occurred_on, r.participants, r.text," \
  " r.author_id, s.name, r.written_at, coalesce (r.corrects_id, 0), r.version"
gpointer      gad_store_record_from_row    (GadStmt  *stmt);
gboolean      gad_store_note_transfer      (GadStore    *self,
                                            gint64       case_id,
                                            gint64       person_id,
                                            gint64       from_worker,
                                            gint64       to_worker,
                                            const char  *reason,
                                            GError     **error);
gint64        gad_store_insert_id  (GadStore    *self,
                                    GadStmt     *stmt,
                                    GError     **error);
GadStore     *gad_store_open_upto  (const char  *path,
                                    int          target,
                                    GError     **error);
void          gad_store_act_as     (GadStore    *self,
                                    gint64       staff_id,
                                    const char  *name,
                                    const char  *username,
                                    GadRole      role,
                                    const char  *department,
                                    gint64       territory_id);
char         *gad_store_fold_username (const char *username);
void          gad_store_act_as_system (GadStore  *self,
                                       const char *name);
void          gad_store_act_for_staff (GadStore *self,
                                       gint64    staff_id);
gboolean      gad_store_require_reassign (GadStore *self,
                                          gint64    person_id,
                                          GError  **error);
gboolean      gad_store_audit      (GadStore    *self,
                                    const char  *entity,
                                    gint64       entity_id,
                                    gint64       person_id,
                                    const char  *action,
                                    GArray      *changes,
                                    GError     **error);
GArray       *gad_field_changes_new (void);
void          gad_field_changes_add (GArray     *changes,
                                     const char *field,
                                     const char *old_value,
                                     const char *new_value);
char         *gad_store_column_dup (GadStmt        *stmt,
                                    int             column);
GPtrArray    *gad_store_collect    (GadStore       *self,
                                    GadStmt        *stmt,
                                    gpointer      (*row) (GadStmt *stmt),
                                    GDestroyNotify  free_func,
                                    GError        **error);
gint64        gad_store_lookup_id  (GadStore     *self,
                                    const char   *sql,
                                    gint64        key);
char         *gad_store_lookup_text (GadStore    *self,
                                    const char   *sql,
                                    gint64        key);
char         *gad_store_now        (void);
gboolean      gad_store_step_seq   (GadStore     *self,
                                    GadStmt      *stmt,
                                    int          *seq,
                                    GError      **error);
GBytes       *gad_store_read_pdf   (GadStore     *self,
                                    const char   *sql,
                                    gint64        id,
                                    GError      **error);
gboolean      gad_store_server_secure (GadStore  *self,
                                       GError   **error);
char         *gad_store_group_role (GadRole      role);
gboolean      gad_store_server_account (GadStore   *self,
                                        const char *folded,
                                        const char *password,
                                        GadRole     role,
                                        gboolean    active,
                                        GError    **error);
gboolean      gad_store_server_own_password (GadStore   *self,
                                             const char *password,
                                             GError    **error);
gboolean      gad_store_server_account_holds (GadStore *self);
gboolean      gad_store_password_ended (const char *expires_on,
                                        GError    **error);
gboolean      gad_store_server_sign_in (GadStore   *self,
                                        const char *folded,
                                        const char *password,
                                        GError    **error);
/* The days a group met, (entry_id, date): someone was present, or it was
 * recorded done. */
#define GAD_HELD_SESSIONS \
  "SELECT entry_id, date FROM group_attendance WHERE present = 1" \
  " UNION SELECT entry_id, date FROM group_sessions WHERE others_present > 0" \
  " UNION SELECT o.entry_id, o.date FROM schedule_occurrences o" \
  " JOIN schedule_entries e ON e.id = o.entry_id AND e.kind = 'group' WHERE o.status = 'done'"
gboolean      gad_store_refuse_stale (GadStore   *self,
                                      const char *entity,
                                      gint64      entity_id,
                                      GError    **error);

G_END_DECLS
