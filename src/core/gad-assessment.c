/* gad-assessment.c — household status and benefit amounts by the national formulas
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * With N the other members and I the household's monthly income:
 *   needy        when I ≤ needy₁ + needy₂·N
 *   low-income   when I ≤ low₁ + low₂·N (the municipality's threshold)
 *   GMI benefit  = (GMI₁ + GMI₂·N) − I, nothing when ≤ 0
 *   housing      = K·(GMI₁ + GMI₂·N) + C − (I + GMI benefit), between 0 and C
 * K is 2.5 for a pensioner or person with disability living alone, 2 when
 * every adult is one, 1.5 otherwise. All in cents, rounded half up once.
 */
#define G_LOG_DOMAIN "gad-assessment"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "gad-assessment.h"
#include "gad-text.h"

void
gad_assess_member_free (GadAssessMember *member)
{
  if (member == NULL)
    return;
  g_free (member->name);
  g_free (member);
}

GadAssessmentInput *
gad_assessment_input_new (void)
{
  GadAssessmentInput *input = g_new0 (GadAssessmentInput, 1);

  input->members = g_ptr_array_new_with_free_func ((GDestroyNotify) gad_assess_member_free);
  return input;
}

void
gad_assessment_input_free (GadAssessmentInput *input)
{
  GadRate *rates[] = { &input->gmi, &input->needy, &input->low_income, &input->k_alone,
                       &input->k_pensioners, &input->k_other };

  if (input == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (rates); i++)
    g_free (rates[i]->valid_from);
  g_free (input->date);
  g_ptr_array_unref (input->members);
  g_free (input);
}

static gint64
level (const GadRate *rate,
       guint          others)
{
  return rate->first + rate->other * (gint64) others;
}

void
gad_assess (const GadAssessmentInput *input,
            GadAssessment            *out)
{
  guint n = MAX (input->members->len, 1);
  guint others = n - 1;
  gboolean all_adults_qualify = TRUE;
  gint64 housing;

  memset (out, 0, sizeof *out);
  out->n_members = n;
  for (guint i = 0; i < input->members->len; i++)
    {
      GadAssessMember *m = g_ptr_array_index (input->members, i);

      out->income_cents += m->income_cents;
      if (!m->child && !m->pensioner_or_disabled)
        all_adults_qualify = FALSE;
    }

  out->needy_threshold_cents = level (&input->needy, others);
  out->low_income_threshold_cents = level (&input->low_income, others);
  if (out->income_cents <= out->needy_threshold_cents)
    out->status = GAD_HOUSEHOLD_NEEDY;
  else if (out->income_cents <= out->low_income_threshold_cents)
    out->status = GAD_HOUSEHOLD_LOW_INCOME;
  else
    out->status = GAD_HOUSEHOLD_NEITHER;

  out->gmi_level_cents = level (&input->gmi, others);
  out->gmi_benefit_cents = MAX (0, out->gmi_level_cents - out->income_cents);

  if (n == 1 && all_adults_qualify)
    out->k_hundredths = input->k_alone.first;
  else if (all_adults_qualify)
    out->k_hundredths = input->k_pensioners.first;
  else
    out->k_hundredths = input->k_other.first;

  out->housing_costs_cents = input->housing_costs_cents;
  housing = (out->k_hundredths * out->gmi_level_cents + 50) / 100 + out->housing_costs_cents
            - (out->income_cents + out->gmi_benefit_cents);
  out->housing_benefit_cents = CLAMP (housing, 0, out->housing_costs_cents);
}

const char *
gad_household_status_code (GadHouseholdStatus status)
{
  switch (status)
    {
    case GAD_HOUSEHOLD_NEEDY: return "needy";
    case GAD_HOUSEHOLD_LOW_INCOME: return "low-income";
    case GAD_HOUSEHOLD_NEITHER:
    default: return NULL;
    }
}

const char *
gad_household_status_name (GadHouseholdStatus status)
{
  switch (status)
    {
    case GAD_HOUSEHOLD_NEEDY: return _("Needy");
    case GAD_HOUSEHOLD_LOW_INCOME: return _("Low-income");
    case GAD_HOUSEHOLD_NEITHER:
    default: return _("Neither needy nor low-income");
    }
}

static void
add_line (GPtrArray  *lines,
          const char *label,
          char       *value)
{
  g_ptr_array_add (lines, g_strdup (label));
  g_ptr_array_add (lines, value);
}

static char *
money (gint64 cents)
{
  return gad_text_format_money (cents);
}

static char *
formula (const GadRate *rate,
         guint          others,
         gint64         result)
{
  g_autofree char *first = money (rate->first);
  g_autofree char *other = money (rate->other);
  g_autofree char *total = money (result);

  /* TRANSLATORS: a threshold for a household: first person + others × each other = total */
  return g_strdup_printf (_("%s + %u × %s = %s"), first, others, other, total);
}

/**
 * gad_assessment_lines:
 *
 * The calculation as a person checks it on paper, in the UI's language:
 * label, value, label, value, ….
 *
 * Returns: (transfer full) (element-type utf8): pairs of strings
 */
GPtrArray *
gad_assessment_lines (const GadAssessmentInput *input,
                      const GadAssessment      *r)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);
  guint others = r->n_members - 1;
  g_autofree char *date = gad_text_format_date (input->date);

  add_line (lines, _("Assessment date"), g_strdup (date));
  for (guint i = 0; i < input->members->len; i++)
    {
      GadAssessMember *m = g_ptr_array_index (input->members, i);
      g_autofree char *label = g_strdup_printf (_("Income of %s"), m->name);

      add_line (lines, label, money (m->income_cents));
    }
  add_line (lines, _("Household income (I)"), money (r->income_cents));
  add_line (lines, _("Needy threshold"), formula (&input->needy, others, r->needy_threshold_cents));
  add_line (lines, _("Low-income threshold"),
            formula (&input->low_income, others, r->low_income_threshold_cents));
  add_line (lines, _("Household status"), g_strdup (gad_household_status_name (r->status)));
  add_line (lines, _("Guaranteed minimum income level"),
            formula (&input->gmi, others, r->gmi_level_cents));
  {
    g_autofree char *gmi = money (r->gmi_level_cents);
    g_autofree char *income = money (r->income_cents);
    g_autofree char *benefit = money (r->gmi_benefit_cents);
    /* TRANSLATORS: GMI level − income = benefit (never below zero) */
    add_line (lines, _("GMI benefit"), g_strdup_printf (_("%s − %s = %s"), gmi, income, benefit));
  }
  {
    /* The formula's own result, then what the rules make of it: nothing below
     * zero, never more than the actual housing costs. */
    gint64 formula_cents = (r->k_hundredths * r->gmi_level_cents + 50) / 100
                           + r->housing_costs_cents - (r->income_cents + r->gmi_benefit_cents);
    g_autofree char *k = gad_text_format_decimal (r->k_hundredths / 100.0, 2);
    g_autofree char *gmi = money (r->gmi_level_cents);
    g_autofree char *costs = money (r->housing_costs_cents);
    g_autofree char *income = money (r->income_cents + r->gmi_benefit_cents);
    g_autofree char *result = money (formula_cents);
    g_autofree char *benefit = money (r->housing_benefit_cents);

    add_line (lines, _("Housing costs (C)"), g_strdup (costs));
    /* TRANSLATORS: K × GMI level + housing costs − (income + GMI benefit) = result */
    add_line (lines, _("Housing benefit formula"),
              g_strdup_printf (_("%s × %s + %s − %s = %s"), k, gmi, costs, income, result));
    if (formula_cents > r->housing_costs_cents)
      /* TRANSLATORS: the housing benefit is capped; %s is the actual housing costs */
      add_line (lines, _("Capped at the actual housing costs"), g_strdup (costs));
    else if (formula_cents < 0)
      add_line (lines, _("Below zero: nothing is paid"), money (0));
    add_line (lines, _("Housing benefit"), g_strdup (benefit));
  }
  return lines;
}
