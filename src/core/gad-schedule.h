/* gad-schedule.h — service plans, schedule entries, their occurrences and the rules they keep
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A service a client receives for a period. */
typedef struct
{
  gint64 id;
  gint64 person_id;
  char *service_code;
  int level;              /* home care 1–4, 0 otherwise */
  char *client_group;     /* family assistant: "families", "mental", "young-adults" */
  char *period_from;
  char *period_to;        /* NULL while open */
  gint64 staff_id;        /* the assigned staff member, 0 when none */
  char *override_reason;  /* a caseload warning overruled, or NULL */
  char *person_name;      /* read only */
  char *staff_name;       /* read only */
  gint64 version;         /* as read; a save over a newer one is refused (0: not checked) */
} GadServicePlan;

/* One thing in a schedule, once or weekly: a visit under a service plan, a
 * client's appointment, a staff member's reception hours in an office, or a
 * group session. Times are Europe/Riga wall-clock times. */
typedef struct
{
  gint64 id;              /* 0 for a new entry */
  char *kind;             /* "visit", "appointment", "reception", "group" */
  gint64 staff_id;
  gint64 person_id;       /* visits and appointments */
  gint64 plan_id;         /* visits */
  gint64 territory_id;    /* the office of reception hours and appointments */
  char *title;            /* group sessions */
  char *start_date;       /* the first day */
  int start_minute;       /* after local midnight */
  int minutes;
  guint weekdays;         /* bit 0 Monday … bit 6 Sunday; 0: once, on start_date */
  char *until_date;       /* the last possible day, or NULL */
  char *note;
  char *override_reason;  /* the reason a warning was overruled, or NULL */
  gint64 version;         /* the save this copy was read at */
} GadEntry;

/* An entry on one day, after its exceptions: moved, reassigned, cancelled,
 * done or missed. */
typedef struct
{
  gint64 entry_id;
  char *kind;
  char *rule_date;        /* the day the rule gives; with entry_id, the key */
  char *date;             /* the day it happens (moved or not) */
  int start_minute;
  int minutes;
  gint64 start;           /* Unix time */
  gint64 staff_id;
  gint64 person_id;
  gint64 plan_id;
  gint64 territory_id;
  char *service_code;     /* visits */
  char *service_name;     /* in the UI's language */
  char *status;           /* "planned", "cancelled", "done", "missed" */
  int actual_minutes;     /* done: minutes spent; -1 otherwise */
  char *reason;           /* missed or cancelled: why */
  char *override_reason;
  gboolean recurring;
  char *title;
  char *note;
  char *staff_name;       /* read only, for display */
  char *person_name;
  char *address;
  char *phone;
  char *office;
} GadOccurrence;

typedef enum
{
  GAD_CONFLICT_DOUBLE_BOOKED,
  GAD_CONFLICT_OUTSIDE_HOURS,
  GAD_CONFLICT_NO_PLAN,
  GAD_CONFLICT_WEEK_ALLOWANCE,
  GAD_CONFLICT_MONTH_ALLOWANCE,
  GAD_CONFLICT_CASELOAD,
} GadConflictKind;

typedef struct
{
  GadConflictKind kind;
  char *date;             /* the day, or the first day of the week or month */
  gint64 entry_id;        /* 0 for a caseload */
  char *rule_date;
  gint64 other_entry_id;  /* double bookings */
  char *other_rule_date;
  gint64 staff_id;
  gint64 person_id;
  char *message;          /* translated, names who and when */
  char *override_reason;  /* set when a user overruled it */
} GadConflict;

/* Whose schedule: all set fields must match; all zero for everything. */
typedef struct
{
  gint64 staff_id;
  gint64 person_id;
  gint64 territory_id;
  const char *department; /* a team */
  const char *kind;
  gboolean with_cancelled;
} GadScheduleFilter;

typedef struct
{
  gint64 person_id;
  char *name;
  int present;            /* 1, 0, or -1 when not marked */
} GadAttendance;

typedef struct
{
  gint64 person_id;
  char *name;
  int minutes;            /* home care done in the month */
  int free_minutes;       /* of which while needy */
  gint64 amount_cents;
} GadCopayment;

typedef struct
{
  int families;           /* a family assistant's full caseload of each group */
  int mental;
  int young_adults;
} GadCaseloadLimits;

/* Where an occurrence goes in a week view: its day, and side by side with
 * the ones it overlaps, its column of how many. */
typedef struct
{
  GadOccurrence *occurrence;  /* borrowed */
  int day;                    /* 0 Monday … 6 Sunday */
  int column;
  int columns;
} GadBlock;

void gad_service_plan_free (GadServicePlan *p);
GadServicePlan *gad_service_plan_copy (const GadServicePlan *p);
void gad_entry_free        (GadEntry       *e);
void gad_entry_clear       (GadEntry       *e);
GadEntry *gad_entry_copy   (const GadEntry *e);
void gad_occurrence_free   (GadOccurrence  *o);
GadOccurrence *gad_occurrence_copy (const GadOccurrence *o);
void gad_conflict_free     (GadConflict    *c);
void gad_attendance_free   (GadAttendance  *a);
void gad_copayment_free    (GadCopayment   *c);

/* The home-care allowance of a care level, in minutes; FALSE for no level. */
gboolean gad_home_care_allowance (int  level,
                                  int *week_minutes,
                                  int *month_minutes);
/* When a service may be delivered on @weekday (1 Monday … 7 Sunday): FALSE
 * when the service has no set hours. */
gboolean gad_service_hours       (const char *service_code,
                                  int         weekday,
                                  int        *open_minute,
                                  int        *close_minute);

/* Unix time of a Europe/Riga wall-clock time; a time the spring change skips
 * is read as the hour after it. */
gint64   gad_riga_to_unix        (const char *iso_date,
                                  int         minute);

/* The days in [@from, @to] the entry's rule gives (ISO dates, ascending). */
GPtrArray *gad_entry_days        (const GadEntry *entry,
                                  const char     *from,
                                  const char     *to);

/* Every conflict among @occurrences (sorted or not) and @plans that touches
 * [@from, @to]. Week and month limits need the whole week and month in
 * @occurrences. */
GPtrArray *gad_conflicts_find    (GPtrArray               *occurrences,
                                  GPtrArray               *plans,
                                  const GadCaseloadLimits *limits,
                                  const char              *from,
                                  const char              *to);

GArray    *gad_week_layout       (GPtrArray  *occurrences,
                                  const char *monday);

/* The Monday of an ISO week "2026-W10", or NULL. */
char      *gad_iso_week_monday   (const char *week);
char      *gad_date_add_days     (const char *iso_date,
                                  int         days);
int        gad_date_weekday      (const char *iso_date);

char      *gad_minute_format     (int minute);
gboolean   gad_minute_parse      (const char *text,
                                  int        *minute);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GadServicePlan, gad_service_plan_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GadEntry, gad_entry_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GadOccurrence, gad_occurrence_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GadConflict, gad_conflict_free)

G_END_DECLS
