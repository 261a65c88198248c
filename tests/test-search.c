/* test-search.c — the registry search and its lazy list model
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gad-person-list.h"
#include "gad-store.h"
#include "gad-test-util.h"

static GadStore *store;
static gint64 janis, janina, peteris, ozols_janis, jansons, cakste, celms;

static GArray *
search (const char *text,
        GadSort     sort,
        gboolean    descending)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;

  g_assert_true (gad_store_search (store, text, sort, descending, 0, ids, &error));
  g_assert_no_error (error);
  return ids;
}

static gint64
at (GArray *ids,
    guint   i)
{
  g_assert_cmpuint (i, <, ids->len);
  return g_array_index (ids, gint64, i);
}

static void
test_diacritics (void)
{
  const char *queries[] = { "berzins", "Bērziņš", "BERZINS", "bērz", "Berziņ" };

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autoptr(GArray) ids = search (queries[i], GAD_SORT_RELEVANCE, FALSE);
      g_autoptr(GHashTable) found = g_hash_table_new (g_int64_hash, g_int64_equal);

      for (guint k = 0; k < ids->len; k++)
        g_hash_table_add (found, &g_array_index (ids, gint64, k));
      g_assert_true (g_hash_table_contains (found, &janis));
      g_assert_true (g_hash_table_contains (found, &peteris));
      g_assert_false (g_hash_table_contains (found, &ozols_janis));
    }
  {
    /* Both gender forms share the stem. */
    g_autoptr(GArray) ids = search ("berzin", GAD_SORT_RELEVANCE, FALSE);
    g_assert_cmpuint (ids->len, ==, 3);
  }
}

static void
test_relevance (void)
{
  g_autoptr(GArray) ids = search ("jan", GAD_SORT_RELEVANCE, FALSE);
  g_autoptr(GArray) full = search ("berzins janis", GAD_SORT_RELEVANCE, FALSE);
  g_autoptr(GArray) reversed = search ("Jānis Bērziņš", GAD_SORT_RELEVANCE, FALSE);

  /* First-name matches ("Jānis", "Janīna") after surname matches ("Jansons"). */
  g_assert_cmpuint (ids->len, ==, 4);
  g_assert_cmpint (at (ids, 0), ==, jansons);
  g_assert_cmpuint (full->len, ==, 1);
  g_assert_cmpint (at (full, 0), ==, janis);
  g_assert_cmpuint (reversed->len, ==, 1);
  g_assert_cmpint (at (reversed, 0), ==, janis);
}

static void
test_codes (void)
{
  g_autoptr(GArray) with = search ("161175-1", GAD_SORT_RELEVANCE, FALSE);
  g_autoptr(GArray) without = search ("1611751", GAD_SORT_RELEVANCE, FALSE);
  g_autoptr(GArray) all = search ("", GAD_SORT_RELEVANCE, FALSE);
  g_autoptr(GArray) none = search ("9", GAD_SORT_RELEVANCE, FALSE);

  g_assert_cmpuint (with->len, ==, 1);
  g_assert_cmpint (at (with, 0), ==, janis);
  g_assert_cmpuint (without->len, ==, 1);
  g_assert_cmpuint (all->len, ==, 7);
  g_assert_cmpuint (none->len, ==, 0);
}

static void
test_sorting (void)
{
  g_autoptr(GArray) by_name = search ("", GAD_SORT_NAME, FALSE);
  g_autoptr(GArray) by_name_desc = search ("", GAD_SORT_NAME, TRUE);
  g_autoptr(GArray) by_birth = search ("", GAD_SORT_BIRTH_DATE, FALSE);
  g_autoptr(GArray) c_names = search ("c", GAD_SORT_NAME, FALSE);

  /* Latvian order: Bērziņa, Bērziņš ×2, Celms, Čakste, Jansons, Ozols. */
  g_assert_cmpint (at (by_name, 0), ==, janina);
  g_assert_cmpint (at (by_name, 3), ==, celms);
  g_assert_cmpint (at (by_name, 4), ==, cakste);
  g_assert_cmpint (at (by_name, 6), ==, ozols_janis);
  g_assert_cmpint (at (by_name_desc, 0), ==, ozols_janis);
  g_assert_cmpint (at (by_name_desc, 6), ==, janina);
  /* Oldest first; new-format codes without a birth date last. */
  g_assert_cmpint (at (by_birth, 0), ==, peteris);
  g_assert_cmpint (at (by_birth, 4), ==, celms);
  g_assert_cmpint (at (by_birth, 5), ==, cakste);
  g_assert_cmpint (at (by_birth, 6), ==, jansons);
  /* Diacritic-insensitive matching, Latvian ordering within the matches. */
  g_assert_cmpuint (c_names->len, ==, 2);
  g_assert_cmpint (at (c_names, 0), ==, celms);
}

static void
count_changes (GListModel *model,
               guint       position,
               guint       removed,
               guint       added,
               guint      *changes)
{
  (*changes)++;
}

static void
count_searched (GadPersonList *list,
                const GError  *error,
                guint         *searched)
{
  g_assert_no_error (error);
  (*searched)++;
}

/* Waits until @counter moves past @before, at most 10 s. */
static void
wait_for (guint *counter,
          guint  before)
{
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (*counter == before && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (*counter, >, before);
}

/* Searches are answered in the background, with the rows of the first
 * screens, told to the views a chunk at a time; a row further down is empty when first shown, and filled when
 * it comes; one nobody shows is not read; an answer to an older search than
 * the newest is dropped. */
static void
test_list_model (void)
{
  g_autoptr(GadPersonList) list = gad_person_list_new (store);
  g_autoptr(GadPerson) third = NULL;
  g_autoptr(GadPerson) far = NULL;
  g_autoptr(GError) error = NULL;
  guint changes = 0, searched = 0, before, n;

  g_signal_connect (list, "items-changed", G_CALLBACK (count_changes), &changes);
  g_signal_connect (list, "searched", G_CALLBACK (count_searched), &searched);
  gad_person_list_search (list, "", GAD_SORT_NAME, FALSE);
  g_assert_true (gad_person_list_is_searching (list));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
  wait_for (&searched, 0);
  g_assert_false (gad_person_list_is_searching (list));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 7);
  third = g_list_model_get_item (G_LIST_MODEL (list), 3);
  g_assert_cmpint (gad_person_get_id (third), ==, celms);
  g_assert_cmpint (gad_person_list_get_id (list, 3), ==, celms);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (list), 7));

  /* Three hundred Zeltiņi: the rows past the first screens come when shown. */
  g_assert_true (gad_store_begin (store, &error));
  for (guint i = 0; i < 300; i++)
    {
      g_autofree char *first = g_strdup_printf ("Vārds%03u", i);
      g_autofree char *code = g_strdup_printf ("3210000%04u", i);
      g_autoptr(GadPerson) p = g_object_new (GAD_TYPE_PERSON, "code", code,
                                             "last-name", "Zeltiņš", "first-name", first, NULL);

      gad_store_insert_person (store, p, &error);
      g_assert_no_error (error);
    }
  g_assert_true (gad_store_commit (store, &error));
  before = searched;
  gad_person_list_search (list, "zelt", GAD_SORT_NAME, FALSE);
  wait_for (&searched, before);
  /* The views are told of them a chunk a frame, the first with the answer. */
  g_assert_cmpuint (gad_person_list_get_n_found (list), ==, 300);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), <, 300);
  {
    gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

    while (g_list_model_get_n_items (G_LIST_MODEL (list)) < 300 && g_get_monotonic_time () < end)
      g_main_context_iteration (NULL, TRUE);
  }
  n = g_list_model_get_n_items (G_LIST_MODEL (list));
  g_assert_cmpuint (n, ==, 300);
  g_assert_cmpuint (gad_person_list_get_n_loaded (list), <, 300);
  before = changes;
  far = g_list_model_get_item (G_LIST_MODEL (list), 299);
  g_assert_cmpint (gad_person_get_id (far), ==, 0);
  g_object_unref (g_list_model_get_item (G_LIST_MODEL (list), 298));   /* shown by nobody */
  wait_for (&changes, before);
  g_clear_object (&far);
  far = g_list_model_get_item (G_LIST_MODEL (list), 299);
  g_assert_cmpstr (gad_person_get_first_name (far), ==, "Vārds299");
  g_assert_cmpint (gad_person_get_id (far), ==, gad_person_list_get_id (list, 299));

  /* Typed fast: only what was typed last is shown, once. */
  before = searched;
  gad_person_list_search (list, "ozol", GAD_SORT_RELEVANCE, FALSE);
  gad_person_list_search (list, "bērz", GAD_SORT_RELEVANCE, FALSE);
  wait_for (&searched, before);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 3);
  for (int i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE), g_usleep (10000);
  g_assert_cmpuint (searched, ==, before + 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 3);

  gad_test_person (store, "328673-00680", "Ozoliņa", "Anna");
  before = searched;
  gad_person_list_search (list, "ozol", GAD_SORT_RELEVANCE, FALSE);
  wait_for (&searched, before);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2);

  /* The same search again after a save (a colleague's, say): the same
   * clients, so only the row that changed is told, and a view stays where
   * it was scrolled to. */
  {
    g_autoptr(GadPerson) first = g_list_model_get_item (G_LIST_MODEL (list), 0);
    g_autoptr(GadPerson) second = g_list_model_get_item (G_LIST_MODEL (list), 1);
    g_autoptr(GadPerson) changed = gad_store_get_person (store, gad_person_get_id (second),
                                                         &error);
    g_autoptr(GadPerson) first_again = NULL, second_again = NULL;

    g_assert_no_error (error);
    g_object_set (changed, "address", "Jaunā iela 2", NULL);
    g_assert_true (gad_store_update_person (store, changed, &error));
    before = searched;
    changes = 0;
    gad_person_list_search (list, "ozol", GAD_SORT_RELEVANCE, FALSE);
    wait_for (&searched, before);
    g_assert_cmpuint (changes, ==, 1);
    first_again = g_list_model_get_item (G_LIST_MODEL (list), 0);
    second_again = g_list_model_get_item (G_LIST_MODEL (list), 1);
    g_assert_true (first_again == first);
    g_assert_cmpstr (gad_person_get_address (second_again), ==, "Jaunā iela 2");
  }
}

int
main (int argc, char **argv)
{
  GadStaff staff = { 0, "Ilze Kalniņa", "", "", 0 };
  g_autoptr(GadPerson) old = NULL;

  g_test_init (&argc, &argv, NULL);

  store = gad_test_store (NULL);
  gad_store_add_staff (store, &staff, NULL);
  janis = gad_test_person (store, "161175-19997", "Bērziņš", "Jānis");
  janina = gad_test_person (store, "010100-23666", "Bērziņa", "Janīna");
  peteris = gad_test_person (store, "311299-00002", "Bērziņš", "Pēteris");
  ozols_janis = gad_test_person (store, "290200-21239", "Ozols", "Jānis");
  jansons = gad_test_person (store, "32000000001", "Jansons", "Ivars");
  cakste = gad_test_person (store, "32000000002", "Čakste", "Anna");
  celms = gad_test_person (store, "32000000003", "Celms", "Ivo");

  g_test_add_func ("/search/diacritics", test_diacritics);
  g_test_add_func ("/search/relevance", test_relevance);
  g_test_add_func ("/search/codes", test_codes);
  g_test_add_func ("/search/sorting", test_sorting);
  g_test_add_func ("/search/list-model", test_list_model);
  return g_test_run ();
}
