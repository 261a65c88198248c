/* gad-demo.c — a fictional county to try Gādība on
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Households are made one at a time — pensioners alone or in pairs,
 * families with children, single adults — so the registry looks like a
 * rural county: about a quarter pensioners, few children, shared surnames in
 * their male and female forms. Everything follows from the seed, and the
 * dates from a fixed reference day, so two runs give the same database.
 */
#define G_LOG_DOMAIN "gad-demo"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "gad-demo.h"
#include "gad-demo-private.h"
#include "gad-store-private.h"
#include "gad-catalog.h"
#include "gad-decision.h"
#include <math.h>
#include <stdio.h>
#include "gad-personal-code.h"
#include "gad-text.h"

/* Surnames in male and female form, the most common first. */
static const char *surnames[][2] = {
  { "Bērziņš", "Bērziņa" }, { "Kalniņš", "Kalniņa" }, { "Ozoliņš", "Ozoliņa" },
  { "Jansons", "Jansone" }, { "Liepiņš", "Liepiņa" }, { "Krūmiņš", "Krūmiņa" },
  { "Balodis", "Balode" }, { "Eglītis", "Eglīte" }, { "Zariņš", "Zariņa" },
  { "Pētersons", "Pētersone" }, { "Vītols", "Vītola" }, { "Kļaviņš", "Kļaviņa" },
  { "Kārkliņš", "Kārkliņa" }, { "Vanags", "Vanaga" }, { "Lapiņš", "Lapiņa" },
  { "Jurjāns", "Jurjāne" }, { "Ābele", "Ābele" }, { "Siliņš", "Siliņa" },
  { "Šmits", "Šmite" }, { "Čakste", "Čakste" }, { "Ģērmanis", "Ģērmane" },
  { "Ķiploks", "Ķiploka" }, { "Žagars", "Žagare" }, { "Rozītis", "Rozīte" },
  { "Bērziņš", "Bērziņa" }, { "Kalniņš", "Kalniņa" }, { "Ozols", "Ozola" },
  { "Freimanis", "Freimane" }, { "Grants", "Grante" }, { "Kalējs", "Kalēja" },
  { "Celmiņš", "Celmiņa" }, { "Strazdiņš", "Strazdiņa" }, { "Dūmiņš", "Dūmiņa" },
  { "Vilks", "Vilka" }, { "Lācis", "Lāce" }, { "Priede", "Priede" },
  { "Auziņš", "Auziņa" }, { "Sproģis", "Sproģe" }, { "Upenieks", "Upeniece" },
  { "Ņikitins", "Ņikitina" }, { "Ivanovs", "Ivanova" }, { "Petrovs", "Petrova" },
};

static const char *male_names[] = {
  "Jānis", "Andris", "Juris", "Pēteris", "Māris", "Aivars", "Edgars", "Guntis", "Kārlis",
  "Valdis", "Aigars", "Dainis", "Ēriks", "Imants", "Ivars", "Mārtiņš", "Roberts", "Artūrs",
  "Kristaps", "Raimonds", "Uldis", "Gunārs", "Ojārs", "Ģirts", "Krišjānis", "Niks", "Markuss",
};

static const char *female_names[] = {
  "Anna", "Kristīne", "Inese", "Līga", "Ilze", "Ieva", "Dace", "Inga", "Sandra", "Laura",
  "Zane", "Gunta", "Anita", "Dzintra", "Skaidrīte", "Velta", "Ausma", "Biruta", "Māra",
  "Rasma", "Elza", "Marta", "Emīlija", "Sofija", "Alise", "Ērika", "Ženija", "Ļuba",
};

static const char *parishes[] = {
  "Brunavas pagasts", "Ceraukstes pagasts", "Codes pagasts", "Dāviņu pagasts",
  "Gailīšu pagasts", "Īslīces pagasts", "Mežotnes pagasts", "Rundāles pagasts",
  "Svitenes pagasts", "Vecsaules pagasts", "Viesturu pagasts", "Bauskas pilsēta",
};

static const char *streets[] = {
  "Skolas iela", "Dārza iela", "Liepu iela", "Rīgas iela", "Saules iela", "Ozolu iela",
  "Pils iela", "Meža iela", "Upes iela", "Jaunā iela",
};

static const char *farms[] = {
  "Kalnieši", "Lejnieki", "Ozollejas", "Bērzkalni", "Priedītes", "Ābeles", "Rudzupuķes",
  "Mežmalas", "Strautiņi", "Ceriņi", "Ozoliņi", "Liepas", "Egles", "Bērziņi", "Kļavas",
  "Pīlādži", "Ievas", "Rieksti", "Avotiņi", "Dzirnavas", "Sili", "Purmalas", "Upmaļi",
  "Celmiņi", "Druvas", "Zemzari", "Ķirši", "Vītoli", "Skujas", "Krasti", "Lauki", "Birztalas",
  "Dārziņi", "Ozoli", "Mieži", "Akmeņi", "Bites", "Sprīdīši", "Gaiļi", "Dzērves",
};

static const struct
{
  const char *position;
  const char *department;
  guint count;
} staff_plan[] = {
  { "Sociālā dienesta vadītājs", "Administrācija", 1 },
  { "Nodaļas vadītājs", "Ģimenes atbalsta nodaļa", 1 },
  { "Nodaļas vadītājs", "Aprūpes un sociālās rehabilitācijas nodaļa", 1 },
  { "Nodaļas vadītājs", "Pieaugušo nodaļa", 1 },
  { "Nodaļas vadītājs", "Sociālās palīdzības nodaļa", 1 },
  { "Sociālais darbinieks", "Ģimenes atbalsta nodaļa", 8 },
  { "Sociālais darbinieks", "Pieaugušo nodaļa", 8 },
  { "Sociālais darbinieks", "Sociālās palīdzības nodaļa", 6 },
  { "Aprūpētājs", "Aprūpes un sociālās rehabilitācijas nodaļa", 8 },
  { "Psihologs", "Ģimenes atbalsta nodaļa", 2 },
  { "Ergoterapeits", "Aprūpes un sociālās rehabilitācijas nodaļa", 1 },
  { "Lietvedis", "Administrācija", 2 },
};

#define REFERENCE_YEAR 2026

static const char *
pick (Demo        *demo,
      const char **list,
      guint        n)
{
  return list[g_rand_int_range (demo->rand, 0, n)];
}

static char *
make_code (Demo  *demo,
           GDate *birth)
{
  static const int weights[10] = { 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
  int year = g_date_get_year (birth);
  GDate cutoff;

  g_date_set_dmy (&cutoff, 1, 7, 2017);
  for (;;)
    {
      char *code;

      /* Born since July 2017, or one in forty who asked for a new code. */
      if (g_date_compare (birth, &cutoff) >= 0 || g_rand_int_range (demo->rand, 0, 40) == 0)
        code = g_strdup_printf ("3%d%09d", g_rand_int_range (demo->rand, 2, 10),
                                g_rand_int_range (demo->rand, 0, 1000000000));
      else
        {
          int d[11], sum = 0;
          char buf[12];

          g_snprintf (buf, sizeof buf, "%02d%02d%02d%d%03d0", g_date_get_day (birth),
                      g_date_get_month (birth), year % 100, (year - 1800) / 100,
                      g_rand_int_range (demo->rand, 0, 1000));
          for (int i = 0; i < 10; i++)
            d[i] = buf[i] - '0', sum += weights[i] * d[i];
          buf[10] = '0' + (1101 - sum) % 11 % 10;
          code = g_strdup (buf);
        }
      if (!g_hash_table_contains (demo->codes, code))
        {
          g_hash_table_add (demo->codes, code);
          return g_strdup (code);
        }
      g_free (code);
    }
}

static void
random_birth (Demo  *demo,
              int    min_age,
              int    max_age,
              GDate *birth)
{
  int age = g_rand_int_range (demo->rand, min_age, max_age + 1);

  g_date_set_dmy (birth, 1, 1, REFERENCE_YEAR - age);
  g_date_subtract_days (birth, g_rand_int_range (demo->rand, 0, 365));
}

static gint64
add_person (Demo        *demo,
            guint        surname,
            gboolean     male,
            int          min_age,
            int          max_age,
            gint64       territory,
            const char  *address,
            GError     **error)
{
  g_autoptr(GadPerson) person = NULL;
  g_autofree char *code = NULL;
  g_autofree char *birth_iso = NULL;
  g_autofree char *phone = NULL;
  GDate birth;

  random_birth (demo, min_age, max_age, &birth);
  code = make_code (demo, &birth);
  birth_iso = gad_text_iso_date (&birth);
  if (min_age >= 16)
    phone = g_strdup_printf ("+371 2%07d", g_rand_int_range (demo->rand, 0, 10000000));

  person = g_object_new (GAD_TYPE_PERSON,
                         "code", code,
                         "first-name", male ? pick (demo, male_names, G_N_ELEMENTS (male_names))
                                            : pick (demo, female_names,
                                                    G_N_ELEMENTS (female_names)),
                         "last-name", surnames[surname][male ? 0 : 1],
                         "gender", male ? "M" : "F",
                         "birth-date", birth_iso,
                         "address", address,
                         "phone", phone,
                         "territory-id", territory,
                         NULL);
  demo->made++;
  if (gad_store_insert_person (demo->store, person, error) == 0)
    return 0;
  if (min_age >= 18)
    {
      Adult adult = { gad_person_get_id (person), g_date_get_year (&birth), male };
      g_array_append_val (demo->adults, adult);
    }
  return gad_person_get_id (person);
}

static guint
pick_surname (Demo *demo)
{
  /* Squared: the first surnames of the list are the most common. */
  double r = g_rand_double (demo->rand);
  return (guint) (r * r * G_N_ELEMENTS (surnames));
}

/* What a worker writes after a visit, a call, a meeting; one a kind. */
static const struct { const char *kind; const char *text; const char *participants; } records[] = {
  { "home-visit", "Apsekota dzīvesvieta. Mājoklī silts, malka sagādāta ziemai; ledusskapī pārtika "
    "ir. Vienojāmies, ka klients pieteiksies pie ģimenes ārsta.", "klients, meita" },
  { "office-visit", "Klients ieradās dienestā ar rēķiniem par komunālajiem maksājumiem. Izskaidrota "
    "mājokļa pabalsta kārtība, iesniegums pieņemts.", "klients" },
  { "phone-call", "Zvans: klients ziņo, ka saņēmis pabalstu un samaksājis parādu par elektrību. "
    "Nākamā tikšanās pēc mēneša.", "klients" },
  { "institution-meeting", "Starpinstitūciju sanāksme ar bāriņtiesu un skolu par bērnu "
    "apmeklējumu. Norunāts, ka skola ziņos par kavējumiem katru nedēļu.",
    "bāriņtiesa, skolas sociālais pedagogs" },
  { "letter", "Nosūtīta vēstule Nodarbinātības valsts aģentūrai par klienta reģistrāciju un "
    "iesaisti pasākumos.", "" },
};

/* One to three records by the case's worker in an open case, the last of
 * them in the autumn before the demo's reference day. */
static gboolean
add_records (Demo        *demo,
             gint64       case_id,
             gint64       worker_id,
             const GDate *opened,
             GError     **error)
{
  /* A stream of their own, so the rest of the county is as it was. */
  g_autoptr(GRand) rand = g_rand_new_with_seed ((guint32) case_id);
  guint n = g_rand_int_range (rand, 1, 4);
  GDate day;
  gboolean ok = TRUE;

  g_date_set_dmy (&day, 27, G_DATE_NOVEMBER, REFERENCE_YEAR);
  gad_store_act_for_staff (demo->store, worker_id);
  for (guint i = 0; ok && i < n; i++)
    {
      guint k = g_rand_int_range (rand, 0, G_N_ELEMENTS (records));
      g_autofree char *iso = NULL;
      GadCaseRecord r = { .case_id = case_id, .kind = (char *) records[k].kind,
                          .participants = (char *) records[k].participants,
                          .text = (char *) records[k].text };

      g_date_subtract_days (&day, g_rand_int_range (rand, 3, 60));
      if (g_date_compare (&day, opened) < 0)
        break;
      r.occurred_on = iso = gad_text_iso_date (&day);
      ok = gad_store_add_record (demo->store, &r, error) > 0;
    }
  gad_store_act_as_system (demo->store, "demo");
  return ok;
}

/* A plan of two goals for a case, assessed in the autumn. */
static gboolean
add_plan (Demo      *demo,
          gint64     case_id,
          gint64     worker_id,
          GRand     *rand,
          GError   **error)
{
  static const struct { const char *area, *finding, *goal, *client, *worker; } parts[] = {
    { "housing", "Krāsns bojāta, malkas ziemai nepietiek.", "Mājoklis silts visu ziemu",
      "Pieteikt krāsns pārbaudi skursteņslaucītājam", "Sarunāt malkas piegādi" },
    { "income", "Ienākumi zem trūcīgas personas sliekšņa; parāds par elektrību.",
      "Rēķini samaksāti laikā", "Noslēgt vienošanos par parāda nomaksu",
      "Palīdzēt sagatavot iesniegumu pabalstam" },
    { "employment", "Bezdarbnieks trīs gadus, nav autovadītāja apliecības.",
      "Atrast darbu vai apmācības", "Reģistrēties Nodarbinātības valsts aģentūrā",
      "Noskaidrot apmācību iespējas novadā" },
    { "health", "Hroniska slimība, zāles ne vienmēr pieejamas.", "Veselība uzraudzīta",
      "Apmeklēt ģimenes ārstu", "Pieteikt aprūpi mājās" },
    { "children", "Bērns kavē skolu; vecākiem trūkst prasmju ikdienas rutīnā.",
      "Bērns apmeklē skolu katru dienu", "Katru rītu pavadīt bērnu uz skolu",
      "Norunāt tikšanos ar skolas sociālo pedagogu" },
  };
  g_autoptr(GadCasePlan) p = gad_case_plan_new ();
  GDate day;
  gboolean ok;

  g_date_set_dmy (&day, 1, G_DATE_OCTOBER, REFERENCE_YEAR);
  g_date_add_days (&day, g_rand_int_range (rand, 0, 40));
  p->case_id = case_id;
  p->assessed_on = gad_text_iso_date (&day);
  g_date_add_months (&day, 3);
  p->review_on = gad_text_iso_date (&day);
  for (guint i = 0, first = g_rand_int_range (rand, 0, G_N_ELEMENTS (parts)); i < 2; i++)
    {
      guint k = (first + i * 2) % G_N_ELEMENTS (parts);
      GadPlanGoal *g = gad_plan_goal_new (parts[k].goal);
      g_autofree char *client_due = NULL, *worker_due = NULL;

      g_date_subtract_days (&day, g_rand_int_range (rand, 20, 50));
      client_due = gad_text_iso_date (&day);
      g_date_add_days (&day, 7);
      worker_due = gad_text_iso_date (&day);
      gad_case_plan_add_need (p, parts[k].area, parts[k].finding);
      g_ptr_array_add (g->tasks, gad_plan_task_new (parts[k].client, "client", NULL, client_due));
      g_ptr_array_add (g->tasks, gad_plan_task_new (parts[k].worker, "worker", NULL, worker_due));
      g_ptr_array_add (p->goals, g);
    }
  gad_store_act_for_staff (demo->store, worker_id);
  ok = gad_store_save_case_plan (demo->store, p, error) > 0;
  gad_store_act_as_system (demo->store, "demo");
  return ok;
}

static gboolean
add_case (Demo        *demo,
          gint64       person_id,
          guint        territory_index,
          const char  *groups,
          GError     **error)
{
  GadCase c = { 0 };
  g_autofree char *opened = NULL;
  GDate date;
  gint64 case_id;

  g_date_set_dmy (&date, 1, 1, REFERENCE_YEAR);
  g_date_subtract_days (&date, g_rand_int_range (demo->rand, 0, 365 * 6));
  opened = gad_text_iso_date (&date);

  c.person_id = person_id;
  c.worker_id = g_array_index (demo->workers, gint64,
                               (territory_index * 2 + g_rand_int_range (demo->rand, 0, 2))
                               % demo->workers->len);
  c.target_groups = (char *) groups;
  c.opened_on = opened;
  case_id = gad_store_insert_case (demo->store, &c, error);
  if (case_id == 0)
    return FALSE;

  /* Two in five cases are closed again. */
  if (g_rand_int_range (demo->rand, 0, 5) < 2)
    {
      guint n_reasons;
      const GadCatalogEntry *reasons = gad_catalog_entries (GAD_CATALOG_CLOSING_REASON,
                                                            &n_reasons);
      g_autofree char *closed = NULL;

      g_date_add_days (&date, g_rand_int_range (demo->rand, 30, 700));
      closed = gad_text_iso_date (&date);
      if (!gad_store_close_case (demo->store, case_id, closed,
                                 reasons[g_rand_int_range (demo->rand, 0, n_reasons)].code, error))
        return FALSE;
    }
  /* The open ones have the worker's records (@date is still the opening day),
   * and one in three a plan. */
  else if (!add_records (demo, case_id, c.worker_id, &date, error))
    return FALSE;
  else if (case_id % 3 == 0)
    {
      g_autoptr(GRand) rand = g_rand_new_with_seed ((guint32) case_id * 7 + 1);

      return add_plan (demo, case_id, c.worker_id, rand, error);
    }
  return TRUE;
}

static gboolean
add_household (Demo    *demo,
               GError **error)
{
  guint t = g_rand_int_range (demo->rand, 0, demo->territories->len);
  gint64 territory = g_array_index (demo->territories, gint64, t);
  guint surname = pick_surname (demo);
  int kind = g_rand_int_range (demo->rand, 0, 100);
  g_autofree char *address = NULL;
  g_autoptr(GArray) members = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) relations = g_ptr_array_new ();
  const char *groups = NULL;
  gint64 household, id;

  if (g_rand_boolean (demo->rand))
    address = g_strdup_printf ("%s %d-%d, %s", pick (demo, streets, G_N_ELEMENTS (streets)),
                               g_rand_int_range (demo->rand, 1, 60),
                               g_rand_int_range (demo->rand, 1, 40), parishes[t]);
  else
    address = gad_demo_place_farmstead (demo, t, pick (demo, farms, G_N_ELEMENTS (farms)),
                                        parishes[t]);

#define MEMBER(male, lo, hi, relation) \
  G_STMT_START { \
    if ((id = add_person (demo, surname, (male), (lo), (hi), territory, address, error)) == 0) \
      return FALSE; \
    g_array_append_val (members, id); \
    g_ptr_array_add (relations, (gpointer) (relation)); \
  } G_STMT_END

  if (kind < 28)
    {
      MEMBER (g_rand_int_range (demo->rand, 0, 4) == 0, 66, 98, "applicant");
      groups = "pensioner";
    }
  else if (kind < 42)
    {
      MEMBER (TRUE, 66, 92, "applicant");
      MEMBER (FALSE, 64, 90, "spouse");
      groups = "pensioner";
    }
  else if (kind < 58)
    {
      int children = 1 + (int) (g_rand_double (demo->rand) * g_rand_double (demo->rand) * 3);

      MEMBER (TRUE, 25, 55, "applicant");
      MEMBER (FALSE, 23, 50, "spouse");
      for (int i = 0; i < children; i++)
        MEMBER (g_rand_boolean (demo->rand), 0, 17, "child");
      groups = children >= 3 ? "families-with-children,large-family" : "families-with-children";
    }
  else if (kind < 64)
    {
      int children = 1 + g_rand_int_range (demo->rand, 0, 2);

      MEMBER (FALSE, 20, 50, "applicant");
      for (int i = 0; i < children; i++)
        MEMBER (g_rand_boolean (demo->rand), 0, 17, "child");
      groups = g_rand_int_range (demo->rand, 0, 3) == 0
                 ? "families-with-children,social-risk-family" : "families-with-children";
    }
  else if (kind < 78)
    {
      MEMBER (TRUE, 45, 75, "applicant");
      MEMBER (FALSE, 43, 73, "spouse");
      groups = g_rand_boolean (demo->rand) ? "unemployed" : "disability";
    }
  else
    {
      static const char *adult_groups[] = {
        "unemployed", "disability", "mental-disorder", "addiction", "homeless",
        "released-from-prison", "violence-victim", "youth-after-care",
      };
      MEMBER (g_rand_boolean (demo->rand), 18, 64, "applicant");
      groups = adult_groups[g_rand_int_range (demo->rand, 0, G_N_ELEMENTS (adult_groups))];
    }
#undef MEMBER

  household = gad_store_create_household (demo->store, address, territory, error);
  if (household == 0)
    return FALSE;
  for (guint i = 0; i < members->len; i++)
    if (gad_store_add_member (demo->store, household, g_array_index (members, gint64, i),
                              g_ptr_array_index (relations, i), "2020-01-01", error) == 0)
      return FALSE;

  /* About one household in six is a client of the service. */
  if (g_rand_int_range (demo->rand, 0, 6) == 0)
    return add_case (demo, g_array_index (members, gint64, 0), t, groups, error);
  return TRUE;
}

/* One in five staff members is a man. */
char *
gad_demo_staff_name (Demo *demo)
{
  gboolean male = g_rand_int_range (demo->rand, 0, 5) == 0;

  return g_strdup_printf ("%s %s",
                          male ? pick (demo, male_names, G_N_ELEMENTS (male_names))
                               : pick (demo, female_names, G_N_ELEMENTS (female_names)),
                          surnames[pick_surname (demo)][male ? 0 : 1]);
}

/* One account per role: the service's head, a social worker of the benefits
 * department, a clerk, and two staff members added for the purpose. */
static gboolean
add_accounts (Demo    *demo,
              gint64   head,
              gint64   worker,
              gint64   clerk,
              GError **error)
{
  const struct { gint64 id; const char *name; const char *username; GadRole role; } accounts[] = {
    { 0, "Jānis Kalniņš", "admin", GAD_ROLE_ADMINISTRATOR },
    { head, NULL, "head", GAD_ROLE_HEAD },
    { worker, NULL, "worker", GAD_ROLE_SOCIAL_WORKER },
    { clerk, NULL, "clerk", GAD_ROLE_CLERK },
    { 0, "Inese Vītola", "auditor", GAD_ROLE_AUDITOR },
  };

  for (guint i = 0; i < G_N_ELEMENTS (accounts); i++)
    {
      GadStaff staff = { .id = accounts[i].id, .name = (char *) accounts[i].name,
                         .position = (char *) (accounts[i].id ? "" : "Sistēmu administrators"),
                         .department = (char *) "Administrācija",
                         .username = (char *) accounts[i].username, .role = accounts[i].role };

      if (accounts[i].role == GAD_ROLE_AUDITOR)
        staff.position = (char *) "Iekšējais auditors";
      if (gad_store_add_account (demo->store, &staff, GAD_DEMO_PASSWORD, error) == 0)
        return FALSE;
    }
  return TRUE;
}

static gboolean
add_county (Demo    *demo,
            GError **error)
{
  gint64 head = 0, worker = 0, clerk = 0;
  guint n = 0;

  for (guint i = 0; i < G_N_ELEMENTS (parishes); i++)
    {
      gint64 id = gad_store_add_territory (demo->store, parishes[i], error);
      if (id == 0)
        return FALSE;
      g_array_append_val (demo->territories, id);
    }

  for (guint p = 0; p < G_N_ELEMENTS (staff_plan); p++)
    for (guint k = 0; k < staff_plan[p].count; k++, n++)
      {
        g_autofree char *name = gad_demo_staff_name (demo);
        GadStaff staff = { 0, name, (char *) staff_plan[p].position,
                           (char *) staff_plan[p].department,
                           g_array_index (demo->territories, gint64,
                                          n % demo->territories->len) };
        gint64 id = gad_store_add_staff (demo->store, &staff, error);

        if (id == 0)
          return FALSE;
        if (g_str_equal (staff_plan[p].position, "Sociālais darbinieks"))
          g_array_append_val (demo->workers, id);
        if (head == 0)
          head = id;
        if (worker == 0 && g_str_equal (staff_plan[p].department, "Sociālās palīdzības nodaļa")
            && g_str_equal (staff_plan[p].position, "Sociālais darbinieks"))
          worker = id;
        if (clerk == 0 && g_str_equal (staff_plan[p].position, "Lietvedis"))
          clerk = id;
      }
  demo->head = head;
  demo->worker = worker;
  /* The county of the strategy the demo follows, for the dashboard's
   * social workers per 1 000 inhabitants. */
  return gad_store_set_setting (demo->store, "inhabitants", "26000", error)
         && add_accounts (demo, head, worker, clerk, error);
}

/* Social assistance paid in 2012–2014, in cents: the published totals
 * (reference/bauska-2012-2014.csv, social_assistance_spent_eur) that the
 * dashboards and reports must give back. */
static const struct { int year; gint64 total_cents; } published[] = {
  { 2012, 22709900 }, { 2013, 24585700 }, { 2014, 31425800 },
};

static const char *demo_benefits[] = { "gmi", "gmi", "housing", "housing", "emergency",
                                       "school-start", "medical", "funeral", "transport" };

static int
compare_planned (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (((const Planned *) a)->date, ((const Planned *) b)->date);
}

/* The application and decision @p, granted from the first day of its
 * decision's month; through four eyes where the amount needs them. */
gboolean
gad_demo_issue_planned (Demo     *demo,
                        Planned  *p,
                        GError  **error)
{
  GadRequest request = { 0 };
  GadDecisionDraft d = { 0 };
  g_autofree char *incoming = g_strdup_printf ("IN-%s-%04u", p->date, demo->made % 10000);
  GDate from, to, received;
  g_autofree char *from_iso = NULL;
  g_autofree char *to_iso = NULL;
  g_autofree char *received_iso = NULL;
  gint64 request_id;
  int y, m, day;

  /* Received up to nine days before the decision, granted from its month's first day. */
  sscanf (p->date, "%d-%d-%d", &y, &m, &day);
  g_date_set_dmy (&from, 1, m, y);
  g_date_set_dmy (&received, day, m, y);
  g_date_subtract_days (&received, MIN (day - 1, 9));
  to = from;
  g_date_add_months (&to, p->months);
  g_date_subtract_days (&to, 1);
  from_iso = gad_text_iso_date (&from);
  to_iso = gad_text_iso_date (&to);
  received_iso = gad_text_iso_date (&received);

  request.person_id = p->person;
  request.type_code = (char *) p->type;
  request.received_on = received_iso;
  request.incoming_no = incoming;
  if ((request_id = gad_store_insert_request (demo->store, &request, error)) == 0)
    return FALSE;

  d.request_id = request_id;
  d.outcome = p->refuse ? "refuse" : "grant";
  d.amount_cents = p->monthly_cents;
  d.period_from = from_iso;
  d.period_to = to_iso;
  d.facts = p->refuse
    ? "Mājsaimniecības ienākumi pārsniedz trūcīgas mājsaimniecības ienākumu slieksni."
    : "Mājsaimniecības materiālā situācija izvērtēta; ienākumi nepārsniedz noteikto slieksni.";
  d.legal_basis = "Sociālo pakalpojumu un sociālās palīdzības likuma 35. pants\n"
                  "Pašvaldības saistošie noteikumi par sociālās palīdzības pabalstiem";
  d.reasoning = p->refuse
    ? "Iesniedzējs neatbilst pabalsta saņemšanas nosacījumiem: ienākumi pārsniedz slieksni."
    : "Iesniedzējs atbilst pabalsta saņemšanas nosacījumiem.";
  d.status_granted = !p->refuse && g_str_equal (p->type, "gmi") ? "needy" : NULL;
  d.issued_on = p->date;
  d.drafter = "Sociālā palīdzības nodaļa";
  /* Large grants went through four eyes like anyone's: the benefits worker
   * asked, the head approved, the worker issued. */
  if (gad_decision_application_total (demo->store, &d) > gad_store_approval_threshold (demo->store))
    {
      gint64 approval;
      gboolean ok;

      gad_store_act_for_staff (demo->store, demo->worker);
      approval = gad_store_request_approval (demo->store, request_id,
                                             gad_decision_application_total (demo->store, &d),
                                             NULL, error);
      gad_store_act_for_staff (demo->store, demo->head);
      ok = approval != 0 && gad_store_decide_approval (demo->store, approval, TRUE, NULL, error);
      gad_store_act_for_staff (demo->store, demo->worker);
      ok = ok && gad_decision_issue (demo->store, &d, error) != 0;
      gad_store_act_as_system (demo->store, "demo");
      return ok;
    }
  return gad_decision_issue (demo->store, &d, error) != 0;
}

/* The ISO day @months months after @iso (its month's last day where the
 * month is shorter). */
char *
gad_demo_add_months (const char *iso,
                     int         months)
{
  GDate d;

  if (!gad_text_parse_date (iso, &d))
    g_return_val_if_reached (g_strdup (iso));
  if (months >= 0)
    g_date_add_months (&d, months);
  else
    g_date_subtract_months (&d, -months);
  return gad_text_iso_date (&d);
}

/* Applications and decisions for 2012–2026, one a working day or so for a
 * county of 20 000. Each payment stays in its decision's year, so a year's
 * total is the sum of its decisions, and the last decision of the year takes
 * what makes the total the published one (for 2012–2014) or the trend. */
static gboolean
add_decisions (Demo         *demo,
               GCancellable *cancellable,
               GError      **error)
{
  guint per_year = MAX (6, demo->made / 400);

  for (int year = 2012; year <= 2026; year++)
    {
      g_autoptr(GArray) plan = g_array_new (FALSE, TRUE, sizeof (Planned));
      gint64 target = 0, sum = 0;

      /* After the published years, spending grows 3 % a year. */
      for (guint k = 0; k < G_N_ELEMENTS (published); k++)
        if (published[k].year == year)
          target = published[k].total_cents;
      if (year > 2014)
        target = (gint64) (31425800 * pow (1.03, year - 2014));

      for (guint k = 0; k < per_year; k++)
        {
          Planned p = { 0 };
          int month = g_rand_int_range (demo->rand, 1, 12);
          Adult *a;

          do
            a = &g_array_index (demo->adults, Adult,
                                g_rand_int_range (demo->rand, 0, demo->adults->len));
          while (a->birth_year > year - 18);
          p.person = a->id;
          g_snprintf (p.date, sizeof p.date, "%04d-%02d-%02d", year, month,
                      g_rand_int_range (demo->rand, 1, 28));
          p.type = demo_benefits[g_rand_int_range (demo->rand, 0, G_N_ELEMENTS (demo_benefits))];
          p.refuse = g_rand_int_range (demo->rand, 0, 7) == 0;
          p.months = p.refuse || !(g_str_equal (p.type, "gmi") || g_str_equal (p.type, "housing"))
                       ? 1 : g_rand_int_range (demo->rand, 1, 13 - month);
          p.monthly_cents = p.refuse ? 0 : g_rand_int_range (demo->rand, 3000, 30000);
          g_array_append_val (plan, p);
        }
      g_array_sort (plan, compare_planned);

      if (target > 0)
        {
          /* Scale the granted amounts to 95 % of the total; the last grant of the
           * year (one month, in December) takes the rest to the cent. */
          Planned *last = &g_array_index (plan, Planned, plan->len - 1);
          gint64 raw = 0, scaled = 0;

          g_snprintf (last->date, sizeof last->date, "%04d-12-15", year);
          last->refuse = FALSE;
          last->months = 1;
          for (guint k = 0; k + 1 < plan->len; k++)
            {
              Planned *p = &g_array_index (plan, Planned, k);
              raw += p->monthly_cents * p->months;
            }
          for (guint k = 0; k + 1 < plan->len; k++)
            {
              Planned *p = &g_array_index (plan, Planned, k);
              p->monthly_cents = p->monthly_cents * (target * 95 / 100) / MAX (raw, 1);
              scaled += p->monthly_cents * p->months;
            }
          last->monthly_cents = target - scaled;
        }

      for (guint k = 0; k < plan->len; k++)
        {
          Planned *p = &g_array_index (plan, Planned, k);

          if (g_cancellable_set_error_if_cancelled (cancellable, error)
              || !gad_demo_issue_planned (demo, p, error))
            return FALSE;
          sum += p->refuse ? 0 : p->monthly_cents * p->months;
        }
      g_assert (target == 0 || sum == target);
    }
  return TRUE;
}

/* The county's published tables for 2012–2014 (reference/bauska-2012-2014.csv):
 * home care recipients and adults placed in long-term care by gender, and
 * funding by source in euro. Later years follow a trend. */
static const struct
{
  int year;
  int home_care[2];          /* male, female */
  int placements[2];
  gint64 funding[4];         /* municipal, state, project, client payments; euro */
} published_services[] = {
  { 2012, { 18, 64 }, { 4, 8 }, { 554291, 711, 87415, 1622 } },
  { 2013, { 10, 62 }, { 4, 8 }, { 446885, 1138, 86336, 0 } },
  { 2014, { 16, 70 }, { 5, 8 }, { 506141, 61056, 78258, 104 } },
};

static const char *sources[] = { "municipal", "state", "project", "client" };

/* @count distinct persons of @male, at least @min_age in @year, each get the
 * service for that whole year. */
static gboolean
serve (Demo        *demo,
       const char  *service,
       int          year,
       gboolean     male,
       int          min_age,
       int          count,
       GError     **error)
{
  g_autoptr(GHashTable) chosen = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autofree char *from = g_strdup_printf ("%04d-01-01", year);
  g_autofree char *to = g_strdup_printf ("%04d-12-31", year);
  guint tries = 0;

  while ((int) g_hash_table_size (chosen) < count && tries++ < 100000)
    {
      Adult *a = &g_array_index (demo->adults, Adult,
                                 g_rand_int_range (demo->rand, 0, demo->adults->len));

      if (a->male != male || a->birth_year > year - min_age
          || g_hash_table_contains (chosen, &a->id))
        continue;
      g_hash_table_add (chosen, &a->id);
      GadServicePlan plan = { .person_id = a->id, .service_code = (char *) service,
                              .period_from = from, .period_to = to };

      plan.level = g_str_equal (service, "home-care") ? g_rand_int_range (demo->rand, 1, 5) : 0;
      if (gad_store_save_service_plan (demo->store, &plan, error) == 0)
        return FALSE;
    }
  return TRUE;
}

/* Home care, long-term care placements, other spending and the budget, year
 * by year, so the published tables come back exactly. */
static gboolean
add_services_and_money (Demo     *demo,
                        GError  **error)
{
  for (int year = 2012; year <= 2026; year++)
    {
      int home[2] = { 15 + g_rand_int_range (demo->rand, 0, 6),
                      64 + g_rand_int_range (demo->rand, 0, 10) };
      int placed[2] = { 4 + g_rand_int_range (demo->rand, 0, 3),
                        8 + g_rand_int_range (demo->rand, 0, 3) };
      gint64 funding[4];
      double growth = pow (1.03, year - 2014);

      funding[0] = (gint64) (506141 * growth) * 100;
      funding[1] = (gint64) (61056 * growth) * 100;
      funding[2] = (gint64) (78258 * growth) * 100;
      funding[3] = (gint64) (104 + 50 * (year - 2014)) * 100;
      for (guint k = 0; k < G_N_ELEMENTS (published_services); k++)
        if (published_services[k].year == year)
          for (guint g = 0; g < 2; g++)
            {
              home[g] = published_services[k].home_care[g];
              placed[g] = published_services[k].placements[g];
              for (guint f = 0; f < 4; f++)
                funding[f] = published_services[k].funding[f] * 100;
            }

      for (guint g = 0; g < 2; g++)
        if (!serve (demo, "home-care", year, g == 0, 65, home[g], error)
            || !serve (demo, "long-term-care", year, g == 0, 18, placed[g], error))
          return FALSE;

      /* What benefits did not spend of a source was spent on services and staff. */
      for (guint f = 0; f < 4; f++)
        {
          g_autofree char *first = g_strdup_printf ("%04d-01", year);
          g_autofree char *last = g_strdup_printf ("%04d-12", year);
          gint64 paid = f == 0 ? gad_store_sum_payments (demo->store, first, last) : 0;
          gint64 rest = funding[f] - paid;

          if (rest != 0 && !gad_store_add_expenditure (demo->store, year, sources[f],
                                                       "Sociālie pakalpojumi", rest, error))
            return FALSE;
          if (!gad_store_set_budget (demo->store, year, sources[f], "Sociālais dienests",
                                     funding[f] / 100 * 102, error))
            return FALSE;
        }
    }
  return TRUE;
}

/**
 * gad_demo_build:
 * @n_persons: about this many persons (the last household may add a few)
 * @today: (nullable): the day it is made, ISO: its history is carried on
 *   from GAD_DEMO_DAY to it (gad-demo-today.c); %NULL for today, and
 *   GAD_DEMO_DAY for the county exactly as the tests and benchmarks know it
 *
 * Fills an empty database in one transaction: cancelled or failed, it
 * leaves the database as it was.
 */
/* Demo data goes only into a database nobody uses yet: no accounts, no persons. */
gboolean
gad_demo_check_empty (GadStore  *store,
                      GError   **error)
{
  if (gad_store_in_use (store))
    {
      g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_INVALID,
                   _("The database “%s” is in use already; demo data goes into an empty one."),
                   gad_store_get_path (store));
      return FALSE;
    }
  return TRUE;
}

gboolean
gad_demo_build (GadStore        *store,
                guint            n_persons,
                guint32          seed,
                const char      *today,
                GadDemoProgress  progress,
                gpointer         user_data,
                GCancellable    *cancellable,
                GError         **error)
{
  Demo demo = { store };
  gboolean ok;
  guint reported = 0;

  if (!gad_demo_check_empty (store, error))
    return FALSE;
  demo.rand = g_rand_new_with_seed (seed);
  demo.codes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  demo.territories = g_array_new (FALSE, FALSE, sizeof (gint64));
  demo.workers = g_array_new (FALSE, FALSE, sizeof (gint64));
  demo.adults = g_array_new (FALSE, FALSE, sizeof (Adult));
  demo.places_rand = g_rand_new_with_seed (seed + 1);
  demo.placed = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                       (GDestroyNotify) gad_route_stop_free);

  /* The builder writes what no single role may; it signs out when done. */
  gad_store_act_as_system (store, "demo");
  ok = gad_store_begin (store, error);
  if (ok)
    {
      ok = add_county (&demo, error);
      while (ok && demo.made < n_persons)
        {
          ok = !g_cancellable_set_error_if_cancelled (cancellable, error)
               && add_household (&demo, error);
          if (ok && progress && demo.made >= reported + 500)
            {
              reported = demo.made;
              progress ((double) demo.made / n_persons, user_data);
            }
        }
      if (ok)
        ok = add_decisions (&demo, cancellable, error);
      if (ok)
        ok = add_services_and_money (&demo, error);
      if (ok)
        ok = gad_demo_add_schedules (&demo, cancellable, error);
      if (ok)
        ok = gad_demo_add_remote (&demo, error);
      if (ok)
        ok = gad_demo_add_surveys (&demo, error);
      if (ok)
        ok = gad_demo_add_groups (&demo, error);
      if (ok)
        ok = gad_demo_add_strategy (&demo, error);
      if (ok)
        {
          g_autofree char *now = today ? NULL : gad_text_today_iso ();

          ok = gad_demo_add_today (&demo, today ? today : now, cancellable, error);
        }
      if (ok)
        ok = gad_store_commit (store, error);
      else
        gad_store_rollback (store);
    }

  gad_store_sign_out (store);
  g_rand_free (demo.rand);
  g_hash_table_unref (demo.codes);
  g_array_unref (demo.territories);
  g_array_unref (demo.workers);
  g_array_unref (demo.adults);
  g_rand_free (demo.places_rand);
  g_hash_table_unref (demo.placed);
  return ok;
}

/**
 * gad_demo_give_passwords:
 * @store: signed in as the demo's administrator
 *
 * A demo county moved to a server: the move gave the administrator's
 * password to their server account; this gives every other demo account
 * the demo password too.
 */
gboolean
gad_demo_give_passwords (GadStore  *store,
                         GError   **error)
{
  g_autoptr(GPtrArray) staff = gad_store_list_staff (store);

  for (guint i = 0; i < staff->len; i++)
    {
      GadStaff *s = g_ptr_array_index (staff, i);

      if (s->username && s->id != gad_store_actor_id (store)
          && !gad_store_set_password (store, s->id, GAD_DEMO_PASSWORD, error))
        return FALSE;
    }
  return TRUE;
}
