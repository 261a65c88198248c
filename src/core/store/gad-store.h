/* gad-store.h — the one place Gādība's data is read and written
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "gad-assessment.h"
#include "gad-case-document.h"
#include "gad-case-plan.h"
#include "gad-person.h"
#include "gad-records.h"
#include "gad-route-stops.h"
#include "gad-schedule.h"
#include "gad-group.h"
#include "gad-strategy.h"
#include "gad-survey.h"
#include "gad-template.h"

G_BEGIN_DECLS

#define GAD_STORE_ERROR (gad_store_error_quark ())

typedef enum
{
  GAD_STORE_ERROR_FAILED,
  GAD_STORE_ERROR_NOT_A_DATABASE,
  GAD_STORE_ERROR_TOO_NEW,
  GAD_STORE_ERROR_INVALID,
  GAD_STORE_ERROR_DUPLICATE,
  GAD_STORE_ERROR_NOT_FOUND,
  GAD_STORE_ERROR_CONFLICT,
  GAD_STORE_ERROR_SIGN_IN,   /* wrong name or password, or too many tries */
  GAD_STORE_ERROR_DENIED,    /* the signed-in role may not do this */
  GAD_STORE_ERROR_NEEDS_APPROVAL, /* a head must approve the decision first */
  GAD_STORE_ERROR_UNREACHABLE, /* the database server does not answer */
  GAD_STORE_ERROR_SIGNED_OUT,  /* the server account was closed or its role changed */
  GAD_STORE_ERROR_PASSWORD_EXPIRED, /* right password, past the end an administrator gave it */
} GadStoreError;

typedef enum
{
  GAD_SORT_RELEVANCE,
  GAD_SORT_NAME,
  GAD_SORT_CODE,
  GAD_SORT_BIRTH_DATE,
  GAD_SORT_TERRITORY,
  GAD_SORT_WORKER,
  GAD_SORT_OPEN_CASES,
} GadSort;

#define GAD_TYPE_STORE (gad_store_get_type ())
G_DECLARE_FINAL_TYPE (GadStore, gad_store, GAD, STORE, GObject)

/* Who a store acts for, and on which database (gad-store-signin.c). */
typedef struct _GadStoreIdentity GadStoreIdentity;

/* How far a long write is, 0 to 1. */
typedef void (*GadStoreProgress) (double fraction, gpointer user_data);

GQuark     gad_store_error_quark        (void);
int        gad_store_schema_version     (void);
char      *gad_store_default_path       (void);
GadStore  *gad_store_open               (const char  *path,
                                         GError     **error);
const char *gad_store_get_path          (GadStore    *self);
gboolean   gad_store_is_server          (GadStore    *self);
gboolean   gad_store_is_address         (const char  *target);
gint64     gad_store_size               (GadStore    *self);
char      *gad_store_create_server_database (const char *server,
                                         const char  *name,
                                         GError     **error);
gboolean   gad_store_drop_server_database (const char *server,
                                         const char  *name,
                                         GError     **error);
const char *gad_store_actor_name        (GadStore    *self);

/* Accounts, signing in and rights (gad-store-accounts.c) */
gboolean   gad_store_has_accounts       (GadStore    *self);
gboolean   gad_store_in_use             (GadStore    *self);
gint64     gad_store_create_administrator (GadStore  *self,
                                         const char  *name,
                                         const char  *username,
                                         const char  *password,
                                         GError     **error);
GadStore  *gad_store_open_signed_out   (const char  *path,
                                         GError     **error);
GadStore  *gad_store_sign_in_to         (const char  *path,
                                         const char  *username,
                                         const char  *password,
                                         GError     **error);
int        gad_store_server_process     (GadStore    *self);
gboolean   gad_store_server_init        (GadStore    *self,
                                         GError     **error);
gboolean   gad_store_sign_in            (GadStore    *self,
                                         const char  *username,
                                         const char  *password,
                                         GError     **error);
void       gad_store_sign_out           (GadStore    *self);
GadStoreIdentity *gad_store_get_identity (GadStore *self);
void       gad_store_identity_free      (GadStoreIdentity *who);
GadStore  *gad_store_open_as            (const GadStoreIdentity *who,
                                         GError     **error);
void       gad_store_take_over          (GadStore    *self,
                                         GadStore    *signed_in);
GadRole    gad_store_get_role           (GadStore    *self);
gint64     gad_store_actor_id           (GadStore    *self);
const char *gad_store_get_username      (GadStore    *self);
gboolean   gad_store_can                (GadStore    *self,
                                         GadRight     right,
                                         gint64       person_id);
gboolean   gad_store_require            (GadStore    *self,
                                         GadRight     right,
                                         gint64       person_id,
                                         GError     **error);
gint64     gad_store_add_account        (GadStore    *self,
                                         const GadStaff *staff,
                                         const char  *password,
                                         GError     **error);
gboolean   gad_store_update_account     (GadStore    *self,
                                         gint64       staff_id,
                                         GadRole      role,
                                         gboolean     active,
                                         GError     **error);
gboolean   gad_store_set_password       (GadStore    *self,
                                         gint64       staff_id,
                                         const char  *password,
                                         GError     **error);
gboolean   gad_store_end_password       (GadStore    *self,
                                         gint64       staff_id,
                                         const char  *on,
                                         GError     **error);

/* Bulk writes (demo, import): one transaction around many calls. */
gboolean   gad_store_begin              (GadStore    *self,
                                         GError     **error);
gboolean   gad_store_commit             (GadStore    *self,
                                         GError     **error);
void       gad_store_rollback           (GadStore    *self);
gboolean   gad_store_retry              (GadStore    *self,
                                         guint       *attempt,
                                         GError     **error);
/* Does @call, a whole write in its own transaction, again while the server
 * makes it give way to another's (gad_store_retry()); @result is what @call
 * returned: FALSE, a new row's id 0 or NULL when it failed. */
#define GAD_STORE_RETRYING(self, error, result, call) \
  for (guint attempt_ = 0; !((result) = (call)) && gad_store_retry ((self), &attempt_, (error));)

/* Territories and staff */
gint64     gad_store_add_territory      (GadStore    *self,
                                         const char  *name,
                                         GError     **error);
GPtrArray *gad_store_list_territories   (GadStore    *self);

/* Catalogues an administrator adds to (gad-store-catalogues.c) */
GPtrArray *gad_store_list_departments   (GadStore    *self);
gboolean   gad_store_add_department     (GadStore    *self,
                                         const char  *name,
                                         GError     **error);
gboolean   gad_store_add_type           (GadStore    *self,
                                         const GadTypeEntry *type,
                                         const char  *legal_basis,
                                         GError     **error);
gint64     gad_store_add_staff          (GadStore    *self,
                                         const GadStaff *staff,
                                         GError     **error);
GPtrArray *gad_store_list_staff         (GadStore    *self);

/* Persons */
gint64     gad_store_insert_person      (GadStore    *self,
                                         GadPerson   *person,
                                         GError     **error);
gboolean   gad_store_update_person      (GadStore    *self,
                                         GadPerson   *person,
                                         GError     **error);
GadPerson *gad_store_get_person         (GadStore    *self,
                                         gint64       id,
                                         GError     **error);
GPtrArray *gad_store_get_rows           (GadStore    *self,
                                         const gint64 *ids,
                                         guint        n_ids,
                                         GError     **error);
gint64     gad_store_find_person_by_code (GadStore   *self,
                                         const char  *code);
GStrv      gad_store_list_codes         (GadStore    *self,
                                         gint64       person_id);
gboolean   gad_store_search             (GadStore    *self,
                                         const char  *text,
                                         GadSort      sort,
                                         gboolean     descending,
                                         guint        limit,
                                         GArray      *ids,
                                         GError     **error);
gboolean   gad_store_foreach_person     (GadStore    *self,
                                         gboolean   (*func) (GadPerson *person, gpointer data),
                                         gpointer     data,
                                         GError     **error);

/* Households */
gint64     gad_store_create_household   (GadStore    *self,
                                         const char  *address,
                                         gint64       territory_id,
                                         GError     **error);
gint64     gad_store_add_member         (GadStore    *self,
                                         gint64       household_id,
                                         gint64       person_id,
                                         const char  *relation,
                                         const char  *from_date,
                                         GError     **error);
gboolean   gad_store_end_membership     (GadStore    *self,
                                         gint64       membership_id,
                                         const char  *to_date,
                                         GError     **error);
gint64     gad_store_place_in_household (GadStore    *self,
                                         gint64       person_id,
                                         gint64       with_person_id,
                                         const char  *relation,
                                         const char  *from_date,
                                         const char  *address,
                                         gint64       territory_id,
                                         GError     **error);
GPtrArray *gad_store_list_household     (GadStore    *self,
                                         gint64       person_id,
                                         GError     **error);

/* Cases */
gint64     gad_store_insert_case        (GadStore    *self,
                                         const GadCase *c,
                                         GError     **error);
gboolean   gad_store_update_case        (GadStore    *self,
                                         const GadCase *c,
                                         GError     **error);
gboolean   gad_store_close_case         (GadStore    *self,
                                         gint64       case_id,
                                         const char  *closed_on,
                                         const char  *reason,
                                         GError     **error);
gboolean   gad_store_reopen_case        (GadStore    *self,
                                         gint64       case_id,
                                         const char  *reason,
                                         GError     **error);
GPtrArray *gad_store_list_cases         (GadStore    *self,
                                         gint64       person_id,
                                         GError     **error);

/* Case records (gad-store-records.c) */
gint64     gad_store_add_record         (GadStore    *self,
                                         const GadCaseRecord *r,
                                         GError     **error);
gboolean   gad_store_correct_record     (GadStore    *self,
                                         const GadCaseRecord *r,
                                         GError     **error);
GPtrArray *gad_store_list_records       (GadStore    *self,
                                         gint64       case_id,
                                         const char  *kind,
                                         GError     **error);
GPtrArray *gad_store_list_transfers     (GadStore    *self,
                                         gint64       worker_id,
                                         const char  *since,
                                         GError     **error);

/* The register of lone pensioners on remote farmsteads (gad-store-remote.c) */
GPtrArray *gad_store_remote_proposals   (GadStore    *self,
                                         GError     **error);
GPtrArray *gad_store_remote_list        (GadStore    *self,
                                         const char  *due_by,
                                         GError     **error);
gboolean   gad_store_remote_add         (GadStore    *self,
                                         gint64       person_id,
                                         const char  *reason,
                                         int          interval_months,
                                         GError     **error);
gboolean   gad_store_remote_visit       (GadStore    *self,
                                         gint64       person_id,
                                         const char  *date,
                                         const char  *outcome,
                                         const char  *risks,
                                         gboolean     home_care_proposed,
                                         GError     **error);
gboolean   gad_store_remote_end         (GadStore    *self,
                                         gint64       person_id,
                                         GError     **error);

/* Where people live, and the parishes' centres (gad-store-places.c) */
gboolean   gad_store_set_place          (GadStore    *self,
                                         gint64       person_id,
                                         const GadGeoPoint *point,
                                         const char  *source,
                                         GError     **error);
guint      gad_store_import_places      (GadStore    *self,
                                         GPtrArray   *places,
                                         GadStoreProgress progress,
                                         gpointer     progress_data,
                                         GCancellable *cancellable,
                                         GError     **error);
gboolean   gad_store_set_parish_centre  (GadStore    *self,
                                         gint64       territory_id,
                                         const GadGeoPoint *centre,
                                         GError     **error);

/* Client surveys: questionnaires and responses (gad-store-surveys.c,
 * gad-store-survey-responses.c) */
GPtrArray *gad_store_list_surveys       (GadStore    *self,
                                         GError     **error);
GadSurvey *gad_store_get_survey         (GadStore    *self,
                                         gint64       id,
                                         GError     **error);
GPtrArray *gad_store_survey_questions   (GadStore    *self,
                                         gint64       survey_id,
                                         int          version,
                                         GError     **error);
gboolean   gad_store_save_survey        (GadStore    *self,
                                         GadSurvey   *survey,
                                         GError     **error);
gboolean   gad_store_add_survey_response (GadStore   *self,
                                         const GadSurvey *survey,
                                         const char *const *values,
                                         gint64       person_id,
                                         GError     **error);
guint      gad_store_import_survey_responses (GadStore *self,
                                         const GadSurvey *survey,
                                         GPtrArray   *responses,
                                         GadStoreProgress progress,
                                         gpointer     progress_data,
                                         GCancellable *cancellable,
                                         GError     **error);
GadSurveyTable *gad_store_survey_table  (GadStore    *self,
                                         gint64       survey_id,
                                         GError     **error);

/* Group work (gad-store-groups.c) */
GPtrArray *gad_store_list_groups        (GadStore    *self,
                                         int          year,
                                         GError     **error);
GadGroup  *gad_store_get_group          (GadStore    *self,
                                         gint64       entry_id,
                                         GError     **error);
gboolean   gad_store_save_group         (GadStore    *self,
                                         GadGroup    *group,
                                         GError     **error);
gboolean   gad_store_save_group_session (GadStore    *self,
                                         gint64       entry_id,
                                         const GadGroupSession *session,
                                         GError     **error);

/* The strategy's action plan and a year's progress (gad-store-strategy.c,
 * gad-store-strategy-save.c) */
GPtrArray *gad_store_strategy           (GadStore    *self,
                                         int          year,
                                         GError     **error);
gboolean   gad_store_save_strategy_task (GadStore    *self,
                                         GadStrategyTask *task,
                                         int          year,
                                         GError     **error);

/* A day's route to remote farmsteads in the schedule (gad-store-route.c) */
void       gad_store_route_settings     (GadStore    *self,
                                         double      *road_factor,
                                         double      *speed_kmh);
GadRouteStop *gad_store_route_office    (GadStore    *self,
                                         gint64       staff_id,
                                         GError     **error);
GPtrArray *gad_store_route_day          (GadStore    *self,
                                         gint64       staff_id,
                                         const char  *date,
                                         GError     **error);
gboolean   gad_store_route_schedule     (GadStore    *self,
                                         gint64       staff_id,
                                         const char  *date,
                                         GPtrArray   *stops,
                                         const int   *minutes,
                                         int          stop_minutes,
                                         const char  *override_reason,
                                         GError     **error);
gboolean   gad_store_bench_records      (GadStore    *self,
                                         gint64       n,
                                         GError     **error);
GPtrArray *gad_store_search_records     (GadStore    *self,
                                         const char  *text,
                                         guint        limit,
                                         GError     **error);
GPtrArray *gad_store_list_quiet_cases   (GadStore    *self,
                                         gint64       worker_id,
                                         const char  *before,
                                         GError     **error);

/* A case's assessment and rehabilitation plan (gad-store-case-plans.c) */
GadCasePlan *gad_store_get_case_plan    (GadStore    *self,
                                         gint64       case_id,
                                         GError     **error);
gint64     gad_store_save_case_plan     (GadStore    *self,
                                         const GadCasePlan *p,
                                         GError     **error);
GPtrArray *gad_store_list_plan_work     (GadStore    *self,
                                         gint64       worker_id,
                                         const char  *until,
                                         GError     **error);

/* A case's documents (gad-store-documents.c) */
gint64     gad_store_attach_document    (GadStore    *self,
                                         gint64       case_id,
                                         const char  *name,
                                         GBytes      *bytes,
                                         GError     **error);
guint      gad_store_attach_documents   (GadStore    *self,
                                         gint64       case_id,
                                         const char *const *names,
                                         GBytes *const *files,
                                         guint        n,
                                         GError     **error);
GPtrArray *gad_store_list_documents     (GadStore    *self,
                                         gint64       case_id,
                                         GError     **error);
GBytes    *gad_store_open_document      (GadStore    *self,
                                         gint64       id,
                                         GadCaseDocument **about,
                                         GError     **error);

/* Settings all staff share, and rate tables with effective dates */
char      *gad_store_get_setting        (GadStore    *self,
                                         const char  *key);
gboolean   gad_store_set_setting        (GadStore    *self,
                                         const char  *key,
                                         const char  *value,
                                         GError     **error);
gboolean   gad_store_rate_at            (GadStore    *self,
                                         const char  *kind,
                                         const char  *date,
                                         GadRate     *rate,
                                         GError     **error);
gboolean   gad_store_set_rate           (GadStore    *self,
                                         const char  *kind,
                                         const char  *valid_from,
                                         gint64       first,
                                         gint64       other,
                                         GError     **error);
GPtrArray *gad_store_list_rates         (GadStore    *self,
                                         const char  *kind);
GStrv      gad_store_list_clauses       (GadStore    *self,
                                         const char  *type_code);
char      *gad_store_type_name          (GadStore    *self,
                                         const char  *type_code);
GPtrArray *gad_store_list_types         (GadStore    *self);

/* Applications and their assessment */
gint64     gad_store_insert_request (GadStore    *self,
                                         const GadRequest *request,
                                         GError     **error);
GadRequest *gad_store_get_request (GadStore  *self,
                                         gint64       id,
                                         GError     **error);
GPtrArray *gad_store_list_requests  (GadStore    *self,
                                         gint64       person_id,
                                         GError     **error);
gboolean   gad_store_set_means          (GadStore    *self,
                                         gint64       application_id,
                                         gint64       version,
                                         GPtrArray   *incomes,
                                         GPtrArray   *housing_costs,
                                         GError     **error);
GPtrArray *gad_store_list_incomes       (GadStore    *self,
                                         gint64       application_id,
                                         GError     **error);
GPtrArray *gad_store_list_housing_costs (GadStore    *self,
                                         gint64       application_id,
                                         GError     **error);
GadAssessmentInput *gad_store_load_assessment (GadStore *self,
                                         gint64       person_id,
                                         gint64       request_id,
                                         const char  *date,
                                         GError     **error);

/* Decisions: written only through gad_decision_issue() */
gboolean   gad_store_next_decision_number (GadStore  *self,
                                         int          year,
                                         int         *seq,
                                         GError     **error);
gint64     gad_store_insert_decision    (GadStore    *self,
                                         const GadDecision *decision,
                                         int          year,
                                         int          seq,
                                         const char  *snapshot,
                                         GBytes      *pdf,
                                         GError     **error);
gboolean   gad_store_add_payments       (GadStore    *self,
                                         const GadDecision *decision,
                                         const GDate *first_month,
                                         guint        months,
                                         const char  *funding,
                                         GError     **error);
gint64     gad_store_application_paid   (GadStore    *self,
                                         gint64       application_id,
                                         gint64       except_decision_id);
gint64     gad_store_add_duty           (GadStore    *self,
                                         const GadDuty *duty,
                                         GError     **error);
GadDecision *gad_store_get_decision     (GadStore    *self,
                                         gint64       id,
                                         GError     **error);
gint64     gad_store_find_decision      (GadStore    *self,
                                         const char  *number);
GBytes    *gad_store_get_decision_pdf   (GadStore    *self,
                                         gint64       id,
                                         GError     **error);
char      *gad_store_get_decision_snapshot (GadStore *self,
                                         gint64       id);
GPtrArray *gad_store_list_decisions     (GadStore    *self,
                                         gint64       person_id,
                                         GError     **error);
GArray    *gad_store_decisions_between  (GadStore    *self,
                                         const char  *from,
                                         const char  *to,
                                         GError     **error);
/* Certificates, contracts, referrals, agreements: written only through
 * gad_document_issue() */
gboolean   gad_store_next_issued_number (GadStore  *self,
                                         const char  *kind,
                                         int          year,
                                         int         *seq,
                                         GError     **error);
gint64     gad_store_insert_issued    (GadStore    *self,
                                         const GadIssuedDocument *document,
                                         int          year,
                                         int          seq,
                                         const char  *snapshot,
                                         GBytes      *pdf,
                                         GError     **error);
GadIssuedDocument *gad_store_get_issued (GadStore  *self,
                                         gint64       id,
                                         GError     **error);
gint64     gad_store_find_issued      (GadStore    *self,
                                         const char  *number);
GBytes    *gad_store_get_issued_pdf   (GadStore    *self,
                                         gint64       id,
                                         GError     **error);
GPtrArray *gad_store_list_issued        (GadStore    *self,
                                         gint64       person_id,
                                         GError     **error);
GArray    *gad_store_statuses_starting  (GadStore    *self,
                                         const char  *from,
                                         const char  *to,
                                         GError     **error);
GadStatusGrant *gad_store_household_status (GadStore *self,
                                         gint64       person_id,
                                         const char  *date,
                                         GError     **error);
/* The municipality's templates (gad-template.h) */
GadTemplate *gad_store_get_template     (GadStore    *self,
                                         GadDocumentKind kind,
                                         gint64       version,
                                         GError     **error);
gint64     gad_store_save_template      (GadStore    *self,
                                         const GadTemplate *template,
                                         GError     **error);
GPtrArray *gad_store_list_duties        (GadStore    *self,
                                         gint64       person_id,
                                         GError     **error);
GPtrArray *gad_store_list_open_duties   (GadStore    *self,
                                         gint64       worker_id,
                                         GError     **error);
gboolean   gad_store_record_duty        (GadStore    *self,
                                         gint64       duty_id,
                                         const char  *status,
                                         const char  *date,
                                         GError     **error);
gboolean   gad_store_record_task        (GadStore    *self,
                                         gint64       task_id,
                                         const char  *status,
                                         const char  *date,
                                         GError     **error);
gint64     gad_store_sum_payments       (GadStore    *self,
                                         const char  *from_month,
                                         const char  *to_month);

/* Service plans and schedules (gad-store-schedule.c) */
GPtrArray *gad_store_list_service_plans (GadStore    *self,
                                         gint64       person_id,
                                         GError     **error);
gint64     gad_store_save_service_plan  (GadStore    *self,
                                         GadServicePlan *plan,
                                         GError     **error);
gboolean   gad_store_check_safety_button (GadStore   *self,
                                         gint64       person_id,
                                         const char  *date,
                                         GError     **error);
GadEntry  *gad_store_get_entry          (GadStore    *self,
                                         gint64       id,
                                         GError     **error);
gint64     gad_store_save_entry         (GadStore    *self,
                                         GadEntry    *entry,
                                         GError     **error);
GPtrArray *gad_store_entry_conflicts    (GadStore    *self,
                                         const GadEntry *entry,
                                         GError     **error);
gboolean   gad_store_move_occurrence    (GadStore    *self,
                                         gint64       entry_id,
                                         const char  *rule_date,
                                         const char  *new_date,
                                         int          new_minute,
                                         gint64       staff_id,
                                         const char  *override_reason,
                                         GError     **error);
gboolean   gad_store_cancel_occurrence  (GadStore    *self,
                                         gint64       entry_id,
                                         const char  *rule_date,
                                         const char  *reason,
                                         GError     **error);
gboolean   gad_store_record_visit       (GadStore    *self,
                                         gint64       entry_id,
                                         const char  *rule_date,
                                         gboolean     done,
                                         int          actual_minutes,
                                         const char  *reason,
                                         GError     **error);
GPtrArray *gad_store_list_occurrences   (GadStore    *self,
                                         const GadScheduleFilter *filter,
                                         const char  *from,
                                         const char  *to,
                                         GError     **error);
GPtrArray *gad_store_find_conflicts     (GadStore    *self,
                                         const char  *from,
                                         const char  *to,
                                         GError     **error);
GPtrArray *gad_store_free_slots         (GadStore    *self,
                                         gint64       territory_id,
                                         const char  *date,
                                         GError     **error);
gboolean   gad_store_add_participant    (GadStore    *self,
                                         gint64       entry_id,
                                         gint64       person_id,
                                         GError     **error);
gboolean   gad_store_record_attendance  (GadStore    *self,
                                         gint64       entry_id,
                                         const char  *date,
                                         gint64       person_id,
                                         gboolean     present,
                                         GError     **error);
GPtrArray *gad_store_list_attendance    (GadStore    *self,
                                         gint64       entry_id,
                                         const char  *date,
                                         GError     **error);
GPtrArray *gad_store_compute_copayments (GadStore    *self,
                                         const char  *month,
                                         GError     **error);
GPtrArray *gad_store_list_copayments    (GadStore    *self,
                                         gint64       person_id,
                                         GError     **error);

/* A client the retention run lists. */
typedef struct
{
  gint64 person_id;
  char *name;
  char *code;
  char *last_closed_on;
} GadRetentionCandidate;

void       gad_retention_candidate_free (GadRetentionCandidate *c);
GPtrArray *gad_store_list_retention     (GadStore    *self,
                                         const char  *today,
                                         int          years,
                                         GError     **error);
gboolean   gad_store_anonymise_person   (GadStore    *self,
                                         gint64       person_id,
                                         const char  *today,
                                         GError     **error);

/* Four eyes on large decisions (gad-store-approvals.c) */
typedef struct
{
  gint64 id;
  gint64 application_id;
  gint64 person_id;
  char *person;         /* "Surname First" */
  char *type_name;      /* Latvian */
  gint64 amount_cents;  /* the decision's total */
  gint64 requested_by;
  char *requester;
  char *requested_at;   /* ISO 8601 UTC */
  char *status;         /* "pending", "approved", "rejected" */
  gint64 decided_by;    /* 0 while pending */
  char *decider;
  char *note;           /* the reason of a refusal */
  char *draft;          /* the drafted decision, as the window saved it */
} GadApproval;

void       gad_approval_free            (GadApproval *a);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GadApproval, gad_approval_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GadStoreIdentity, gad_store_identity_free)
gint64     gad_store_approval_threshold (GadStore    *self);
gint64     gad_store_request_approval   (GadStore    *self,
                                         gint64       application_id,
                                         gint64       amount_cents,
                                         const char  *draft,
                                         GError     **error);
gboolean   gad_store_decide_approval    (GadStore    *self,
                                         gint64       approval_id,
                                         gboolean     approve,
                                         const char  *note,
                                         GError     **error);
GPtrArray *gad_store_list_approvals     (GadStore    *self,
                                         const char  *status,
                                         GError     **error);
GadApproval *gad_store_find_approval    (GadStore    *self,
                                         gint64       application_id,
                                         GError     **error);
gboolean   gad_store_check_approval     (GadStore    *self,
                                         gint64       application_id,
                                         gint64       total_cents,
                                         GError     **error);

/* The person's right to their data (gad-store-export.c) */
gboolean   gad_store_export_person      (GadStore    *self,
                                         gint64       person_id,
                                         char       **json,
                                         GBytes     **pdf,
                                         GError     **error);

/* The budget, and spending beyond benefits */
gboolean   gad_store_add_expenditure    (GadStore    *self,
                                         int          year,
                                         const char  *source,
                                         const char  *programme,
                                         gint64       amount_cents,
                                         GError     **error);
gboolean   gad_store_set_budget         (GadStore    *self,
                                         int          year,
                                         const char  *source,
                                         const char  *programme,
                                         gint64       planned_cents,
                                         GError     **error);

/* Imports (gad-store-import.c): history brought in from other systems */
typedef struct
{
  gint64 person_id;
  const char *service_code;
  const char *from;        /* ISO 8601 */
  const char *to;          /* NULL: still received */
  gint64 level;            /* 0: none */
  gint64 minutes_per_week; /* 0: not counted so */
  gint64 staff_id;         /* 0: nobody named */
} GadPastService;

typedef struct
{
  const char *number;      /* as the old system numbered it */
  const char *issued_on;
  gint64 person_id;
  const char *type_code;
  const char *outcome;     /* "grant", "partial", "refuse" */
  gint64 amount_cents;     /* a month */
  const char *from;
  const char *to;
} GadPastDecision;

typedef struct
{
  gint64 person_id;
  const char *type_code;
  const char *month;       /* YYYY-MM */
  gint64 amount_cents;
  const char *funding;     /* "municipal", "state", "project", "client" */
} GadPastPayment;

typedef enum
{
  GAD_IMPORT_LOOKUP_CODES,      /* personal code → person id */
  GAD_IMPORT_LOOKUP_DECISIONS,  /* an imported decision's number → 1 */
  GAD_IMPORT_LOOKUP_MEMBERS,    /* a person id, as text, → their household now */
} GadImportLookup;

gint64     gad_store_begin_import       (GadStore    *self,
                                         const char  *kind,
                                         const char  *file_name,
                                         const char  *sha256,
                                         GError     **error);
gboolean   gad_store_finish_import      (GadStore    *self,
                                         gint64       import_id,
                                         guint        rows,
                                         GError     **error);
GHashTable *gad_store_import_lookup     (GadStore    *self,
                                         GadImportLookup which,
                                         GError     **error);
gboolean   gad_store_import_person      (GadStore    *self,
                                         gint64       import_id,
                                         GadPerson   *person,
                                         GError     **error);
gboolean   gad_store_import_households  (GadStore    *self,
                                         gint64       import_id,
                                         const gint64 *first_members,
                                         guint        n,
                                         gint64      *household_ids,
                                         GError     **error);
gboolean   gad_store_import_member      (GadStore    *self,
                                         gint64       household_id,
                                         gint64       person_id,
                                         const char  *relation,
                                         const char  *from,
                                         const char  *to,
                                         GError     **error);
gboolean   gad_store_import_case        (GadStore    *self,
                                         gint64       import_id,
                                         const GadCase *c,
                                         GError     **error);
gboolean   gad_store_import_service     (GadStore    *self,
                                         gint64       import_id,
                                         const GadPastService *s,
                                         GError     **error);
gboolean   gad_store_import_decision    (GadStore    *self,
                                         gint64       import_id,
                                         const GadPastDecision *d,
                                         GError     **error);
gboolean   gad_store_import_payment     (GadStore    *self,
                                         gint64       import_id,
                                         const GadPastPayment *p,
                                         GError     **error);

/* Persons registered twice (gad-store-duplicates.c) */
typedef struct
{
  gint64 person_id[2];
  char *name[2];          /* "Surname First" */
  char *code[2];
  char *birth_date[2];    /* ISO 8601, "" when not known */
  char *address[2];
  gboolean same_birth_date; /* else the same address */
} GadDuplicate;

void       gad_duplicate_free           (GadDuplicate *d);
GPtrArray *gad_store_find_duplicates    (GadStore    *self,
                                         gint64       person_id,
                                         GError     **error);
gboolean   gad_store_set_apart          (GadStore    *self,
                                         gint64       a,
                                         gint64       b,
                                         GError     **error);
gboolean   gad_store_merge_persons      (GadStore    *self,
                                         gint64       keep,
                                         gint64       drop,
                                         GadPerson   *chosen,
                                         GError     **error);

/* Audit */
GPtrArray *gad_store_list_audit         (GadStore    *self,
                                         gint64       person_id,
                                         GError     **error);
GPtrArray *gad_store_query_audit        (GadStore    *self,
                                         gint64       person_id,
                                         const char  *actor,
                                         const char  *from,
                                         const char  *to,
                                         guint        limit,
                                         GError     **error);
GStrv      gad_store_list_audit_actors  (GadStore    *self);
gboolean   gad_store_verify_audit       (GadStore    *self,
                                         gint64      *broken_id,
                                         gint64      *n_rows,
                                         GError     **error);
gboolean   gad_store_record_access      (GadStore    *self,
                                         gint64       person_id,
                                         GError     **error);
gboolean   gad_store_record_read        (GadStore    *self,
                                         gint64       person_id,
                                         const char  *what,
                                         guint        persons,
                                         GError     **error);
gboolean   gad_store_daily_backup       (GadStore    *self,
                                         const char  *dir,
                                         guint        keep,
                                         const char  *today,
                                         char       **made,
                                         GError     **error);
gboolean   gad_store_backup             (GadStore    *self,
                                         const char  *path,
                                         GError     **error);
gboolean   gad_store_restore            (GadStore    *self,
                                         const char  *backup,
                                         GError     **error);

/* Moving a workstation's database to the service's server (gad-store-move.c) */

typedef struct
{
  guint  tables;
  gint64 rows;
  guint  letters;     /* letters whose SHA-256 matched on the server */
  gint64 audit_rows;  /* audit entries whose chain verified on the server */
} GadMoveReport;

gboolean   gad_store_move_to_server     (GadStore         *self,
                                         const char       *target,
                                         const char       *password,
                                         GadStoreProgress  progress,
                                         gpointer          progress_data,
                                         GCancellable     *cancellable,
                                         GadMoveReport    *report,
                                         GError          **error);

G_END_DECLS
