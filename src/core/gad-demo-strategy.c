/* gad-demo-strategy.c — the demo county's strategy: its action plan and progress
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shaped like a county social service's development strategy: two
 * strategic aims, 25 tasks for 2025–2027, each with a result indicator or
 * two — some computed from the county's own data (caseload, home care,
 * appointments, the remote farmsteads' visits, the satisfaction survey),
 * the rest entered by hand with targets and the values of 2025 and 2026,
 * and the head's comments on 2026.
 */
#define G_LOG_DOMAIN "gadiba"

#include "config.h"

#include <math.h>

#include "gad-demo-private.h"
#include "gad-store-private.h"

static const char *aims[] = {
  "1. Kvalitatīvi un pieejami sociālie pakalpojumi",
  "2. Atbalsts ģimenēm, senioriem un personām ar invaliditāti",
};

typedef struct
{
  const char *code;
  const char *text;
  const char *responsible;
  const char *indicator;
  const char *source;       /* "manual", a computed source, or "survey:QUESTION" */
  double target[3];         /* 2025, 2026, 2027; NAN: none */
  double value[2];          /* by hand: 2025, 2026 */
  gboolean lower_is_better;
  gboolean done_2026;
  const char *comment;      /* 2026 */
} Task;

#define X NAN

static const Task plan[] = {
  { "1.1.1", "Nodrošināt sociālo darbinieku skaitu atbilstoši slodzes normatīviem",
    "Sociālā dienesta vadītājs", "Atvērtās lietas uz vienu sociālo darbinieku", "cases-per-worker",
    { 55, 52, 50 }, { X, X }, TRUE, FALSE,
    "Divās vakancēs darbinieki pieņemti rudenī; slodze sāk mazināties." },
  { "1.1.2", "Ieviest klientu pieraksta sistēmu", "Administratīvā nodaļa", "Pierakstīto apmeklējumu skaits",
    "appointments", { 50, 150, 300 }, { X, X }, FALSE, FALSE, NULL },
  { "1.1.3", "Paaugstināt darbinieku profesionālo kvalifikāciju", "Sociālā dienesta vadītājs",
    "Darbinieku apmācību stundas gadā", "manual", { 400, 400, 400 }, { 380, 428 }, FALSE, FALSE,
    NULL },
  { "1.1.4", "Uzlabot klientu informētību par pakalpojumiem", "Sociālās palīdzības nodaļa",
    "Klientu vērtējums par informētību (1–5)", "survey:informed", { 3.6, 3.7, 3.8 }, { X, X },
    FALSE, FALSE, "Informatīvie materiāli pagastu pārvaldēs; vērtējums uzlabojies." },
  { "1.1.5", "Paaugstināt klientu apmierinātību ar saņemto palīdzību", "Sociālā dienesta vadītājs",
    "Klientu apmierinātība (1–5)", "survey:satisfied", { 3.7, 3.8, 3.9 }, { X, X }, FALSE, FALSE,
    NULL },
  { "1.2.1", "Attīstīt aprūpes mājās pakalpojumu", "Sociālo pakalpojumu nodaļa",
    "Aprūpes mājās saņēmēji", "home-care", { 80, 85, 90 }, { X, X }, FALSE, FALSE, NULL },
  { "1.2.2", "Izveidot mobilo aprūpes vienību lauku teritorijām", "Sociālo pakalpojumu nodaļa",
    "Mobilās vienības izbraukumi gadā", "manual", { X, 200, 220 }, { X, 214 }, FALSE, TRUE,
    "Vienība strādā kopš marta; uzdevums izpildīts." },
  { "1.2.3", "Ieviest aukles pakalpojumu ģimenēm ar maziem bērniem", "Sociālo pakalpojumu nodaļa",
    "Ģimenes, kas saņem aukles pakalpojumu", "manual", { X, 20, 35 }, { X, 12 }, FALSE, FALSE,
    "Aptaujā vajadzība apstiprinājās; aukļu piesaiste lēnāka, nekā plānots." },
  { "1.2.4", "Paplašināt dienas aprūpes centra pakalpojumus", "Dienas aprūpes centrs",
    "Apmeklētāji dienā, vidēji", "manual", { 25, 26, 28 }, { 24, 27 }, FALSE, FALSE, NULL },
  { "1.3.1", "Digitalizēt lietvedību un lēmumu pieņemšanu", "Administratīvā nodaļa",
    "Elektroniski sagatavotie lēmumi, %", "manual", { 60, 80, 95 }, { 64, 91 }, FALSE, FALSE,
    NULL },
  { "1.3.2", "Nodrošināt pieņemšanas laikus visos pagastos", "Sociālās palīdzības nodaļa",
    "Pagasti ar pieņemšanas laiku", "manual", { 12, 12, 12 }, { 12, 12 }, FALSE, FALSE, NULL },
  { "1.3.3", "Attīstīt sadarbību ar nevalstiskajām organizācijām", "Sociālā dienesta vadītājs",
    "Kopīgi projekti", "manual", { 3, 3, 4 }, { 3, 2 }, FALSE, FALSE,
    "Viens projekts atlikts uz 2027. gadu finansējuma dēļ." },
  { "2.1.1", "Organizēt vecāku skolu un atbalsta grupas vecākiem", "Atbalsta ģimenēm nodaļa",
    "Vecāku skolas dalībnieki", "manual", { 40, 45, 50 }, { 43, 46 }, FALSE, FALSE, NULL },
  { "2.1.2", "Nodrošināt ģimenes asistenta pakalpojumu", "Atbalsta ģimenēm nodaļa",
    "Ģimenes ar ģimenes asistentu", "manual", { 30, 32, 34 }, { 31, 28 }, FALSE, FALSE, NULL },
  { "2.1.3", "Stiprināt starpinstitucionālo sadarbību bērnu tiesību aizsardzībā",
    "Atbalsta ģimenēm nodaļa", "Starpinstitucionālās sanāksmes", "manual", { 10, 10, 10 },
    { 9, 11 }, FALSE, FALSE, NULL },
  { "2.1.4", "Piesaistīt audžuģimenes", "Atbalsta ģimenēm nodaļa", "Audžuģimenes novadā", "manual",
    { 7, 8, 9 }, { 7, 8 }, FALSE, FALSE, NULL },
  { "2.2.1", "Mazināt senioru vientulību", "Sociālo pakalpojumu nodaļa",
    "Senioru pasākumi pagastos", "manual", { 12, 14, 16 }, { 13, 15 }, FALSE, FALSE, NULL },
  { "2.2.2", "Veicināt senioru veselību un fiziskās aktivitātes", "Sociālo pakalpojumu nodaļa",
    "Vingrošanas nodarbību dalībnieki", "manual", { 30, 35, 40 }, { 33, 29 }, FALSE, FALSE, NULL },
  { "2.3.1", "Nodrošināt asistenta pakalpojumu personām ar invaliditāti",
    "Sociālo pakalpojumu nodaļa", "Asistenta pakalpojuma saņēmēji", "manual", { 60, 62, 64 },
    { 61, 64 }, FALSE, FALSE, NULL },
  { "2.3.2", "Pielāgot mājokļus personām ar kustību traucējumiem", "Sociālo pakalpojumu nodaļa",
    "Pielāgoti mājokļi gadā", "manual", { 5, 5, 5 }, { 5, 3 }, FALSE, FALSE,
    "Divi pielāgojumi pārcelti uz nākamo gadu būvdarbu izmaksu dēļ." },
  { "2.3.3", "Izveidot vietas grupu dzīvokļos", "Sociālo pakalpojumu nodaļa",
    "Vietas grupu dzīvokļos", "manual", { 8, 8, 12 }, { 8, 8 }, FALSE, FALSE, NULL },
  { "2.4.1", "Īstenot motivācijas programmas bezdarbniekiem", "Sociālās palīdzības nodaļa",
    "Programmu dalībnieki", "manual", { 25, 30, 30 }, { 27, 31 }, FALSE, FALSE, NULL },
  { "2.4.2", "Atkarību profilakse jauniešiem", "Sociālās palīdzības nodaļa",
    "Profilakses nodarbības skolās", "manual", { 20, 20, 20 }, { 21, 18 }, FALSE, FALSE, NULL },
  { "2.4.3", "Apsekot vientuļos pensionārus attālās viensētās", "Sociālo pakalpojumu nodaļa",
    "Apsekotās mājsaimniecības", "remote-visited", { X, 70, 90 }, { X, X }, FALSE, FALSE,
    "Reģistrs izveidots; apsekojumus plāno maršrutos." },
  { "2.4.4", "Iesaistīt pabalstu saņēmējus līdzdarbībā", "Sociālās palīdzības nodaļa",
    "GMI saņēmēji ar līdzdarbības pienākumiem, %", "manual", { 70, 72, 75 }, { 71, 74 }, FALSE,
    FALSE, NULL },
};

static GadStrategyTask *
task_of (Demo       *demo,
         const Task *t,
         int         year)
{
  GadStrategyTask *task = gad_strategy_task_new (t->code, aims[t->code[0] - '1'], t->text,
                                                 2025, 2027);
  GadIndicator *ind;
  gboolean survey = g_str_has_prefix (t->source, "survey:");

  g_free (task->responsible);
  task->responsible = g_strdup (t->responsible);
  ind = gad_indicator_new (t->indicator, survey ? "survey-mean" : t->source);
  if (survey)
    {
      ind->survey_id = demo->satisfaction;
      ind->question_code = g_strdup (t->source + strlen ("survey:"));
    }
  ind->lower_is_better = t->lower_is_better;
  ind->has_target = !isnan (t->target[year - 2025]);
  ind->target = ind->has_target ? t->target[year - 2025] : 0;
  ind->has_value = year < 2027 && !isnan (t->value[year - 2025]);
  ind->value = ind->has_value ? t->value[year - 2025] : 0;
  g_ptr_array_add (task->indicators, ind);
  task->done = year == 2026 && t->done_2026;
  g_free (task->comment);
  task->comment = g_strdup (year == 2026 && t->comment ? t->comment : "");
  return task;
}

/* The plan, with each year's targets and values, as the head enters it. */
gboolean
gad_demo_add_strategy (Demo    *demo,
                       GError **error)
{
  gboolean ok = TRUE;

  gad_store_act_for_staff (demo->store, demo->head);
  for (guint i = 0; ok && i < G_N_ELEMENTS (plan); i++)
    {
      g_autoptr(GadStrategyTask) task = NULL;

      for (int year = 2025; ok && year <= 2027; year++)
        {
          g_autoptr(GadStrategyTask) again = task_of (demo, &plan[i], year);

          if (task)
            {
              /* The same task, its indicator as saved, another year's figures. */
              again->id = task->id;
              ((GadIndicator *) again->indicators->pdata[0])->id
                = ((GadIndicator *) task->indicators->pdata[0])->id;
            }
          ok = gad_store_save_strategy_task (demo->store, again, year, error);
          g_clear_pointer (&task, gad_strategy_task_free);
          task = g_steal_pointer (&again);
        }
    }
  gad_store_act_as_system (demo->store, "demo");
  return ok;
}
