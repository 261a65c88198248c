/* gad-client-file.c — all a client's page shows, read in one go
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The client page asks for this on its worker's thread (gad-worker.c) and
 * then only draws it: the window waits for no database, wherever it is.
 */
#define G_LOG_DOMAIN "gad-client-file"

#include "config.h"

#include "gad-client-file.h"

typedef GPtrArray *(*ListFunc) (GadStore *store, gint64 person_id, GError **error);

/**
 * gad_client_file_load:
 * @opening: the staff member opens the file now: recorded in the access log
 *   (as before, a log that cannot be written does not keep the file shut)
 *
 * Reads the person, what the signed-in role may do with them and, if it may
 * read their file, each section of it. A section that cannot be read keeps
 * its error and the others are still read.
 *
 * Returns: (transfer full): the file, or %NULL with @error set if the person
 * cannot be read
 */
GadClientFile *
gad_client_file_load (GadStore  *store,
                      gint64     person_id,
                      gboolean   opening,
                      GError   **error)
{
  static const ListFunc lists[GAD_FILE_N_SECTIONS] = {
    [GAD_FILE_HOUSEHOLD] = gad_store_list_household,
    [GAD_FILE_CASES] = gad_store_list_cases,
    [GAD_FILE_PLANS] = gad_store_list_service_plans,
    [GAD_FILE_COPAYMENTS] = gad_store_list_copayments,
    [GAD_FILE_REQUESTS] = gad_store_list_requests,
    [GAD_FILE_DECISIONS] = gad_store_list_decisions,
    [GAD_FILE_DOCUMENTS] = gad_store_list_issued,
    [GAD_FILE_DUTIES] = gad_store_list_duties,
    [GAD_FILE_HISTORY] = gad_store_list_audit,
  };
  g_autoptr(GadClientFile) file = g_new0 (GadClientFile, 1);

  g_return_val_if_fail (GAD_IS_STORE (store), NULL);

  file->person_id = person_id;
  if (opening)
    gad_store_record_access (store, person_id, NULL);
  if ((file->person = gad_store_get_person (store, person_id, error)) == NULL)
    return NULL;
  file->codes = gad_store_list_codes (store, person_id);
  file->role = gad_store_get_role (store);
  file->reads = gad_store_can (store, GAD_RIGHT_READ_CLIENT, person_id);
  file->writes = gad_store_can (store, GAD_RIGHT_WRITE_CLIENT, person_id);
  file->registers = gad_store_can (store, GAD_RIGHT_REGISTER, 0);
  file->audits = gad_store_can (store, GAD_RIGHT_AUDIT, 0);
  file->schedules = gad_store_can (store, GAD_RIGHT_SCHEDULE, 0);
  file->types = gad_store_list_types (store);
  for (guint i = 0; i < GAD_FILE_N_SECTIONS; i++)
    if (i == GAD_FILE_HOUSEHOLD || file->reads)
      file->rows[i] = lists[i] (store, person_id, &file->errors[i]);
  return g_steal_pointer (&file);
}

void
gad_client_file_free (GadClientFile *file)
{
  if (file == NULL)
    return;
  g_clear_object (&file->person);
  g_strfreev (file->codes);
  g_clear_pointer (&file->types, g_ptr_array_unref);
  for (guint i = 0; i < GAD_FILE_N_SECTIONS; i++)
    {
      g_clear_pointer (&file->rows[i], g_ptr_array_unref);
      g_clear_error (&file->errors[i]);
    }
  g_free (file);
}
