/* gad-records.h — plain records the store hands out: staff, cases, households, audit
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "gad-access.h"
#include "gad-geo.h"

G_BEGIN_DECLS

typedef struct
{
  gint64 id;
  char *name;
  GadGeoPoint centre;     /* the parish's centre, where its office is */
  gboolean has_centre;
} GadTerritory;

typedef struct
{
  gint64 id;
  char *name;
  char *position;
  char *department;
  gint64 territory_id;
  char *username;      /* NULL: no account */
  GadRole role;
  gboolean active;
} GadStaff;

typedef struct
{
  gint64 id;
  gint64 person_id;
  gint64 worker_id;
  char *worker;         /* read only: the worker's name */
  char *target_groups;  /* comma-separated catalogue codes */
  char *opened_on;      /* ISO 8601 */
  char *closed_on;      /* NULL while open */
  char *closing_reason; /* catalogue code, NULL while open */
  char *notes;
  gint64 version;       /* as read; a save over a newer one is refused (0: not checked) */
  char *transfer_reason; /* written only: why the case moves to another worker */
  gint64 n_documents;   /* read only: the documents kept in it */
} GadCase;

/* A case record (ieraksts): what happened on a day in a case. */
typedef struct
{
  gint64 id;
  gint64 case_id;
  gint64 person_id;     /* read only: the case's client */
  char *kind;           /* GAD_CATALOG_RECORD_KIND code */
  char *occurred_on;    /* ISO 8601 date */
  char *participants;
  char *text;
  gint64 author_id;     /* read only */
  char *author;         /* read only: the author's name */
  char *written_at;     /* read only: ISO 8601 UTC */
  gint64 corrects_id;   /* the locked record this one corrects, or 0 */
  gint64 version;       /* as read; a correction over a newer one is refused */
  gboolean editable;    /* read only: the reader's own, within 24 hours */
  char *client;         /* read only, in a search's answer: "Surname First" */
} GadCaseRecord;

/* An open case gone quiet: no record since @last_on (or opened then). */
typedef struct
{
  gint64 case_id;
  gint64 person_id;
  char *person;         /* "Surname First" */
  char *last_on;        /* ISO 8601 date */
} GadQuietCase;

/* A case handed from one social worker to another. */
typedef struct
{
  gint64 case_id;
  gint64 person_id;
  char *person;         /* "Surname First" */
  gint64 from_worker;   /* 0: nobody's before */
  char *from_name;
  gint64 to_worker;
  char *to_name;
  char *reason;
  char *moved_on;       /* ISO 8601 date */
} GadCaseTransfer;

typedef struct
{
  gint64 id;            /* the membership */
  gint64 household_id;
  gint64 person_id;
  char *person_name;    /* read only */
  char *person_code;    /* read only */
  char *relation;       /* catalogue code */
  char *from_date;
  char *to_date;        /* NULL while a member */
} GadMember;

typedef struct
{
  gint64 id;
  char *at;             /* ISO 8601 UTC date and time */
  char *actor;
  char *entity;         /* "person", "case", "household", "membership" */
  gint64 entity_id;
  char *action;         /* "create", "update", "close", "code-change", ... */
  GPtrArray *changes;   /* of GadAuditChange */
  gint64 person_id;     /* the client it concerns; 0 for none (a household, a setting) */
  char *person_name;
} GadAuditEntry;

typedef struct
{
  char *field;
  char *old_value;
  char *new_value;
} GadAuditChange;

typedef struct
{
  char *code;
  char *name_lv;
  char *name_en;
  gboolean is_service;
  gboolean income_tested;
} GadTypeEntry;

typedef struct
{
  char *name;
  char *dated;          /* ISO 8601 or NULL */
} GadDocument;

typedef struct
{
  gint64 id;
  gint64 person_id;
  gint64 household_id;  /* 0 when the person lives alone */
  char *type_code;      /* a benefit or service type */
  char *type_name;      /* read only, Latvian */
  char *received_on;
  char *incoming_no;
  char *status;         /* "received", "assessing", "decided" */
  GPtrArray *documents; /* of GadDocument */
  gint64 version;       /* as read; a save over a newer one is refused (0: not checked) */
} GadRequest;

typedef struct
{
  gint64 person_id;
  char *kind;           /* "wage", "pension", "benefit", "other" */
  gint64 monthly_cents;
} GadIncome;

typedef struct
{
  char *kind;           /* "rent", "heating", "water", "electricity", "gas", "waste", "other" */
  gint64 monthly_cents;
} GadHousingCost;

typedef struct
{
  gint64 id;
  gint64 application_id;
  gint64 person_id;
  char *number;
  char *issued_on;
  char *outcome;        /* "grant", "partial", "refuse" */
  char *type_code;
  gint64 amount_cents;  /* a month */
  char *period_from;
  char *period_to;
  char *status_granted; /* "needy", "low-income" or NULL */
  char *facts;
  char *legal_basis;
  char *reasoning;
  char *decision_text;
  char *drafter;
  gint64 supersedes_id;
  char *pdf_sha256;
  gint64 template_version; /* of the letter's template; written, not read */
} GadDecision;

/* A certificate, contract, referral or co-operation agreement as issued. */
typedef struct
{
  gint64 id;
  char *kind;           /* "certificate", "contract", "referral", "agreement" */
  gint64 person_id;
  char *number;
  char *issued_on;
  gint64 template_version;
  char *subject;        /* what it is about, in a line of the client's history */
  gint64 decision_id;   /* a certificate's status decision, or 0 */
  gint64 plan_id;       /* a contract's service plan, or 0 */
  char *issued_by;      /* read: the staff member's name */
  char *pdf_sha256;
} GadIssuedDocument;

/* A household's needy or low-income status, as the newest decision on it
 * gave it to one of its members. */
typedef struct
{
  gint64 decision_id;
  char *status;         /* "needy", "low-income" */
  char *period_from;
  char *period_to;
  char *number;
  char *issued_on;
  char *snapshot;       /* the decision's frozen data (its household) */
} GadStatusGrant;

typedef struct
{
  gint64 id;            /* a decision's duty; 0 for a plan's task */
  gint64 decision_id;
  gint64 task_id;       /* read only: the client's task in a plan, or 0 */
  gint64 person_id;
  char *text;
  char *due_on;
  char *status;         /* "open", "fulfilled", "failed" */
  char *recorded_on;
  char *person_name;    /* read only, in lists across clients */
} GadDuty;

void gad_type_entry_free  (GadTypeEntry  *t);
void gad_document_free    (GadDocument   *d);
void gad_request_free (GadRequest *a);
void gad_income_free      (GadIncome     *i);
void gad_housing_cost_free (GadHousingCost *c);
void gad_decision_free    (GadDecision   *d);
void gad_duty_free        (GadDuty       *d);
void gad_issued_document_free (GadIssuedDocument *d);
void gad_status_grant_free (GadStatusGrant *s);
void gad_territory_free   (GadTerritory  *t);
void gad_staff_free       (GadStaff      *s);
void gad_case_free        (GadCase       *c);
void gad_case_record_free (GadCaseRecord *r);
void gad_quiet_case_free  (GadQuietCase  *q);
void gad_case_transfer_free (GadCaseTransfer *t);
void gad_member_free      (GadMember     *m);
void gad_audit_entry_free (GadAuditEntry *e);
void gad_audit_change_free (GadAuditChange *c);

GadCase *gad_case_copy (const GadCase *c);
char    *gad_audit_entries_to_csv (GPtrArray *entries);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GadTerritory, gad_territory_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GadStaff, gad_staff_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GadCase, gad_case_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GadCaseRecord, gad_case_record_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GadMember, gad_member_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GadAuditEntry, gad_audit_entry_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GadRequest, gad_request_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GadDecision, gad_decision_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GadIssuedDocument, gad_issued_document_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GadStatusGrant, gad_status_grant_free)

G_END_DECLS
