/* gad-demo-surveys.c — the demo county's client surveys
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shaped like the survey the nanny service was planned on: 548
 * questionnaires of 15 questions, six of them about the respondent; and a
 * client satisfaction survey asked two autumns running, to compare. Their
 * answers come from random numbers of their own, so the rest of the county
 * stays as it was, and lean as a real county's would: young mothers need
 * a nanny most, satisfaction grew from one year to the next.
 */
#define G_LOG_DOMAIN "gadiba"

#include "config.h"

#include "gad-demo-private.h"
#include "gad-store-private.h"

#define NANNY_RESPONSES 548

typedef struct
{
  const char *code;
  GadQuestionKind kind;
  gboolean respondent;
  const char *text;
  const char *choices;
} Question;

static const Question nanny[] = {
  { "gender", GAD_QUESTION_SINGLE, TRUE, "Dzimums", "Sieviete\nVīrietis" },
  { "age", GAD_QUESTION_SINGLE, TRUE, "Vecums", "18–24\n25–34\n35–44\n45–54\n55 un vairāk" },
  { "nationality", GAD_QUESTION_SINGLE, TRUE, "Tautība", "Latvietis\nKrievs\nCita" },
  { "parish", GAD_QUESTION_SINGLE, TRUE, "Dzīvesvieta", NULL },
  { "education", GAD_QUESTION_SINGLE, TRUE, "Izglītība",
    "Pamatizglītība\nVidējā\nProfesionālā\nAugstākā" },
  { "work", GAD_QUESTION_SINGLE, TRUE, "Nodarbinātība",
    "Strādā\nBezdarbnieks\nMācās\nBērna kopšanas atvaļinājumā\nPensionārs" },
  { "children", GAD_QUESTION_NUMBER, FALSE, "Bērnu skaits ģimenē", NULL },
  { "youngest", GAD_QUESTION_SINGLE, FALSE, "Jaunākā bērna vecums",
    "Līdz 1,5 gadiem\n1,5–3 gadi\n3–7 gadi\n7 gadi un vairāk" },
  { "need", GAD_QUESTION_SINGLE, FALSE, "Vai jūsu ģimenei būtu vajadzīgs aukles pakalpojums?",
    "Jā, regulāri\nJā, dažreiz\nNē" },
  { "when", GAD_QUESTION_MULTIPLE, FALSE, "Kad aukle būtu visvairāk vajadzīga?",
    "Darba dienu rītos\nDarba dienu vakaros\nBrīvdienās\nBērna slimības laikā\nNaktīs" },
  { "hours", GAD_QUESTION_NUMBER, FALSE, "Cik stundu nedēļā?", NULL },
  { "pay", GAD_QUESTION_SINGLE, FALSE, "Cik būtu gatavs maksāt par stundu?",
    "Neko\nLīdz 1 €\n1–2 €\n2–3 €\nVairāk par 3 €" },
  { "informed", GAD_QUESTION_SCALE, FALSE,
    "Cik labi esat informēts par sociālā dienesta pakalpojumiem?", NULL },
  { "satisfied", GAD_QUESTION_SCALE, FALSE, "Cik apmierināts esat ar sociālā dienesta darbu?",
    NULL },
  { "comment", GAD_QUESTION_TEXT, FALSE, "Jūsu ieteikumi", NULL },
};

static const Question satisfaction[] = {
  { "gender", GAD_QUESTION_SINGLE, TRUE, "Dzimums", "Sieviete\nVīrietis" },
  { "age", GAD_QUESTION_SINGLE, TRUE, "Vecums", "18–34\n35–54\n55–64\n65 un vairāk" },
  { "parish", GAD_QUESTION_SINGLE, TRUE, "Dzīvesvieta", NULL },
  { "service", GAD_QUESTION_SINGLE, FALSE, "Kādā jautājumā vērsāties dienestā?",
    "Pabalsts\nAprūpe mājās\nKonsultācija\nCits" },
  { "wait", GAD_QUESTION_SINGLE, FALSE, "Cik ilgi gaidījāt pieņemšanu?",
    "Mazāk par 15 minūtēm\n15–30 minūtes\nVairāk par 30 minūtēm" },
  { "informed", GAD_QUESTION_SCALE, FALSE, "Cik labi jūs informēja par jūsu iespējām?", NULL },
  { "respect", GAD_QUESTION_SCALE, FALSE, "Vai darbinieki pret jums izturējās ar cieņu?", NULL },
  { "satisfied", GAD_QUESTION_SCALE, FALSE, "Cik apmierināts esat ar saņemto palīdzību?", NULL },
  { "comment", GAD_QUESTION_TEXT, FALSE, "Jūsu ieteikumi", NULL },
};

static const char *comments[] = {
  "Paldies darbiniekiem par atsaucību.", "Vajadzētu pieņemt arī vakaros.",
  "Gribētos vairāk informācijas internetā.", "Ilgi jāgaida rindā.",
  "Aukle būtu liels atbalsts, strādāju maiņās.", "Viss labi.",
  "Pagastā vajag biežāk pieņemšanas laikus.", "Laipni un saprotoši darbinieki.",
};

static GadSurvey *
questionnaire (Demo           *demo,
               const char     *title,
               const char     *from,
               const char     *to,
               const Question *questions,
               guint           n)
{
  g_autoptr(GPtrArray) territories = gad_store_list_territories (demo->store);
  g_autoptr(GString) parishes = g_string_new (NULL);
  GadSurvey *survey = gad_survey_new (title, from);

  for (guint i = 0; i < territories->len; i++)
    g_string_append_printf (parishes, "%s\n", ((GadTerritory *) territories->pdata[i])->name);
  survey->period_to = g_strdup (to);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (survey->questions,
                     gad_survey_question_new (questions[i].code, questions[i].kind,
                                              questions[i].text,
                                              g_str_equal (questions[i].code, "parish")
                                              ? parishes->str : questions[i].choices,
                                              questions[i].respondent));
  return survey;
}

/* A choice's number from weights: @weights[i] in every sum of them. */
static int
pick (GRand     *rand,
      const int *weights,
      guint      n)
{
  int sum = 0, r;

  for (guint i = 0; i < n; i++)
    sum += weights[i];
  r = g_rand_int_range (rand, 0, sum);
  for (guint i = 0; i < n; i++)
    if ((r -= weights[i]) < 0)
      return i + 1;
  return n;
}

#define PICK(rand, ...) \
  pick ((rand), (const int[]) { __VA_ARGS__ }, sizeof ((const int[]) { __VA_ARGS__ }) / sizeof (int))

static GStrv
nanny_response (GRand *rand,
                guint  n_parishes)
{
  GPtrArray *b = g_ptr_array_new ();
  int age = PICK (rand, 12, 38, 27, 13, 10);
  int youngest = age <= 2 ? PICK (rand, 30, 35, 25, 10) : PICK (rand, 8, 15, 32, 45);
  int need = youngest <= 2 ? PICK (rand, 45, 35, 20) : PICK (rand, 15, 35, 50);
  int work = age == 5 ? 5 : youngest == 1 ? PICK (rand, 30, 8, 4, 58, 0)
                                          : PICK (rand, 70, 14, 8, 8, 0);
  g_autoptr(GString) when = g_string_new (NULL);

  for (int w = 1; need < 3 && w <= 5; w++)
    if (g_rand_int_range (rand, 0, 100) < (int[]) { 0, 35, 55, 30, 45, 6 }[w])
      g_string_append_printf (when, "%s%d", when->len ? "," : "", w);
  g_ptr_array_add (b, g_strdup_printf ("%d", PICK (rand, 82, 18)));
  g_ptr_array_add (b, g_strdup_printf ("%d", age));
  g_ptr_array_add (b, g_strdup_printf ("%d", PICK (rand, 71, 22, 7)));
  g_ptr_array_add (b, g_strdup_printf ("%d", g_rand_int_range (rand, 1, n_parishes + 1)));
  g_ptr_array_add (b, g_strdup_printf ("%d", PICK (rand, 8, 34, 30, 28)));
  g_ptr_array_add (b, g_strdup_printf ("%d", work));
  g_ptr_array_add (b, g_strdup_printf ("%d", PICK (rand, 38, 37, 17, 8)));
  g_ptr_array_add (b, g_strdup_printf ("%d", youngest));
  g_ptr_array_add (b, g_strdup_printf ("%d", need));
  g_ptr_array_add (b, g_strdup (when->str));
  g_ptr_array_add (b, need < 3 ? g_strdup_printf ("%d", 2 * g_rand_int_range (rand, 1, 11))
                                   : g_strdup (""));
  g_ptr_array_add (b, g_strdup_printf ("%d", need < 3 ? PICK (rand, 10, 30, 35, 18, 7)
                                                          : PICK (rand, 45, 30, 15, 8, 2)));
  g_ptr_array_add (b, g_strdup_printf ("%d", PICK (rand, 8, 17, 35, 28, 12)));
  g_ptr_array_add (b, g_rand_int_range (rand, 0, 12) == 0 ? g_strdup ("")
                                                              : g_strdup_printf ("%d", PICK (rand, 4, 8, 25, 41, 22)));
  g_ptr_array_add (b, g_strdup (g_rand_int_range (rand, 0, 6) == 0
                              ? comments[g_rand_int_range (rand, 0, G_N_ELEMENTS (comments))]
                              : ""));
  g_ptr_array_add (b, NULL);
  return (GStrv) g_ptr_array_free (b, FALSE);
}

/* This year's clients a little happier than last year's. */
static GStrv
satisfaction_response (GRand   *rand,
                       guint    n_parishes,
                       gboolean later)
{
  GPtrArray *b = g_ptr_array_new ();
  int wait = later ? PICK (rand, 55, 32, 13) : PICK (rand, 38, 37, 25);

  g_ptr_array_add (b, g_strdup_printf ("%d", PICK (rand, 64, 36)));
  g_ptr_array_add (b, g_strdup_printf ("%d", PICK (rand, 22, 31, 19, 28)));
  g_ptr_array_add (b, g_strdup_printf ("%d", g_rand_int_range (rand, 1, n_parishes + 1)));
  g_ptr_array_add (b, g_strdup_printf ("%d", PICK (rand, 44, 21, 27, 8)));
  g_ptr_array_add (b, g_strdup_printf ("%d", wait));
  g_ptr_array_add (b, g_strdup_printf ("%d", later ? PICK (rand, 3, 7, 22, 40, 28)
                                                       : PICK (rand, 6, 12, 30, 35, 17)));
  g_ptr_array_add (b, g_strdup_printf ("%d", PICK (rand, 1, 3, 12, 38, 46)));
  g_ptr_array_add (b, g_strdup_printf ("%d", wait == 3 ? PICK (rand, 12, 20, 33, 25, 10)
                                                 : later ? PICK (rand, 2, 5, 18, 43, 32)
                                                         : PICK (rand, 4, 9, 26, 40, 21)));
  g_ptr_array_add (b, g_strdup (g_rand_int_range (rand, 0, 5) == 0
                              ? comments[g_rand_int_range (rand, 0, G_N_ELEMENTS (comments))]
                              : ""));
  g_ptr_array_add (b, NULL);
  return (GStrv) g_ptr_array_free (b, FALSE);
}

static gboolean
run (Demo        *demo,
     GadSurvey   *survey,
     GPtrArray   *responses,
     GError     **error)
{
  return gad_store_save_survey (demo->store, survey, error)
         && gad_store_import_survey_responses (demo->store, survey, responses, NULL, NULL, NULL,
                                               error) != G_MAXUINT;
}

/* The surveys, written and typed in by the head. */
gboolean
gad_demo_add_surveys (Demo    *demo,
                      GError **error)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (g_rand_int (demo->places_rand) ^ 0x5eed);
  g_autoptr(GadSurvey) nanny_survey = NULL, last_year = NULL, this_year = NULL;
  g_autoptr(GPtrArray) responses = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  guint n_parishes = demo->territories->len;
  gboolean ok;

  gad_store_act_for_staff (demo->store, demo->head);
  nanny_survey = questionnaire (demo, "Aukles pakalpojuma vajadzības aptauja", "2026-03-02",
                                "2026-04-30", nanny, G_N_ELEMENTS (nanny));
  for (guint i = 0; i < NANNY_RESPONSES; i++)
    g_ptr_array_add (responses, nanny_response (rand, n_parishes));
  ok = run (demo, nanny_survey, responses, error);
  last_year = questionnaire (demo, "Klientu apmierinātības aptauja", "2025-10-01", "2025-11-28",
                             satisfaction, G_N_ELEMENTS (satisfaction));
  g_ptr_array_set_size (responses, 0);
  for (guint i = 0; i < 180; i++)
    g_ptr_array_add (responses, satisfaction_response (rand, n_parishes, FALSE));
  ok = ok && run (demo, last_year, responses, error);
  demo->satisfaction = last_year->id;
  this_year = questionnaire (demo, "Klientu apmierinātības aptauja", "2026-10-01", "2026-11-27",
                             satisfaction, G_N_ELEMENTS (satisfaction));
  this_year->series_id = last_year->id;
  g_ptr_array_set_size (responses, 0);
  for (guint i = 0; i < 212; i++)
    g_ptr_array_add (responses, satisfaction_response (rand, n_parishes, TRUE));
  ok = ok && run (demo, this_year, responses, error);
  gad_store_act_as_system (demo->store, "demo");
  return ok;
}

/**
 * gad_demo_add_survey_responses:
 * @survey: the demo's nanny-service survey, as read
 *
 * @n more questionnaires of it, for the benchmarks, imported as its
 * responses are.
 * Returns: @n, or G_MAXUINT with @error set
 */
guint
gad_demo_add_survey_responses (GadStore        *store,
                               const GadSurvey *survey,
                               guint            n,
                               guint32          seed,
                               GError         **error)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(GPtrArray) responses = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  int parish = gad_survey_find_question (survey, "parish");
  guint n_parishes = 1;

  if (parish >= 0)
    n_parishes = g_strv_length (((GadSurveyQuestion *) survey->questions->pdata[parish])->choices);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (responses, nanny_response (rand, n_parishes));
  return gad_store_import_survey_responses (store, survey, responses, NULL, NULL, NULL, error);
}
