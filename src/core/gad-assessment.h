/* gad-assessment.h — household status and benefit amounts by the national formulas
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  gint64 first;  /* cents a month (or hundredths, for coefficients) for the first person */
  gint64 other;  /* ... for each other person */
  char *valid_from;
} GadRate;

typedef struct
{
  gint64 person_id;
  char *name;
  gboolean child;                 /* under 18 on the assessment date */
  gboolean pensioner_or_disabled;
  gint64 income_cents;            /* all kinds, a month */
} GadAssessMember;

typedef struct
{
  char *date;                     /* ISO 8601: the application's date */
  GPtrArray *members;             /* of GadAssessMember; the applicant first */
  gint64 housing_costs_cents;
  GadRate gmi;
  GadRate needy;
  GadRate low_income;
  GadRate k_alone;
  GadRate k_pensioners;
  GadRate k_other;
} GadAssessmentInput;

typedef enum
{
  GAD_HOUSEHOLD_NEITHER,
  GAD_HOUSEHOLD_LOW_INCOME,
  GAD_HOUSEHOLD_NEEDY,
} GadHouseholdStatus;

typedef struct
{
  guint n_members;
  gint64 income_cents;
  gint64 needy_threshold_cents;
  gint64 low_income_threshold_cents;
  GadHouseholdStatus status;
  gint64 gmi_level_cents;
  gint64 gmi_benefit_cents;
  int k_hundredths;
  gint64 housing_costs_cents;
  gint64 housing_benefit_cents;
} GadAssessment;

void        gad_assess                   (const GadAssessmentInput *input,
                                          GadAssessment            *out);
GPtrArray  *gad_assessment_lines         (const GadAssessmentInput *input,
                                          const GadAssessment      *result);
const char *gad_household_status_name    (GadHouseholdStatus        status);
const char *gad_household_status_code    (GadHouseholdStatus        status);
GadAssessmentInput *gad_assessment_input_new  (void);
void        gad_assessment_input_free    (GadAssessmentInput       *input);
void        gad_assess_member_free       (GadAssessMember          *member);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GadAssessmentInput, gad_assessment_input_free)

G_END_DECLS
