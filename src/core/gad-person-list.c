/* gad-person-list.c — the registry's search results as a lazy GListModel
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A query keeps only the matching ids, in order (8 bytes a row); a person
 * object is made when a view asks for that position, so a list of 100 000
 * clients costs what the rows on screen cost.
 *
 * The database is asked on a thread of the list's own, over a connection
 * of its own: on a server a parish office away, a search per keystroke
 * never holds up the window. A position asked for before its row came gets
 * an empty person at once, and the row when it comes (items-changed); only
 * the newest search's answers are shown, older ones are dropped unread.
 */
#define G_LOG_DOMAIN "gad-person-list"

#include "config.h"

#include <string.h>

#include "gad-person-list.h"

/* What the list and its thread share. */
typedef struct
{
  gatomicrefcount refs;
  GAsyncQueue *jobs;
  GadStoreIdentity *who;
  GMainContext *context;
  GWeakRef list;
  gint generation;      /* the newest search's */
} Worker;

typedef enum { SEARCH, FETCH, STOP } JobKind;

/* The rows read with a search's answer: more than a view keeps (GTK 4.8's
 * list views keep 200 row widgets). */
#define FIRST_ROWS 250
/* How many positions a view is told of at a time among those: it makes
 * (or lets go of) a row's widgets for each, and the window waits on that. */
#define CHUNK 20
#define PACE_MS 80

typedef struct
{
  JobKind kind;
  Worker *worker;
  gint generation;
  char *text;
  GadSort sort;
  gboolean descending;
  GArray *ids;          /* SEARCH: found; FETCH: asked for (gint64) */
  GPtrArray *rows;      /* GadPerson: FETCH's, or SEARCH's first ones */
  GError *error;
} Job;

struct _GadPersonList
{
  GObject parent_instance;

  Worker *worker;
  GThread *thread;
  gint generation;      /* of the ids shown */
  gboolean searching;
  GArray *ids;          /* gint64 */
  guint n_shown;        /* of them, told to the views so far */
  guint pace_source;
  GArray *next_ids;     /* a search's answer, once the rows shown have gone */
  GPtrArray *next_rows;
  gint next_generation;
  gboolean answered;    /* "searched" said for the answer paced */
  GHashTable *loaded;   /* position → GadPerson, empty until its row comes */
  GHashTable *positions; /* id → position, of rows asked for and not come */
  guint fetch_source;
};

enum { SEARCHED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (GadPersonList, gad_person_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static void
worker_unref (Worker *w)
{
  if (!g_atomic_ref_count_dec (&w->refs))
    return;
  g_async_queue_unref (w->jobs);
  gad_store_identity_free (w->who);
  g_main_context_unref (w->context);
  g_weak_ref_clear (&w->list);
  g_free (w);
}

static void
job_free (Job *job)
{
  g_free (job->text);
  g_clear_pointer (&job->ids, g_array_unref);
  g_clear_pointer (&job->rows, g_ptr_array_unref);
  g_clear_error (&job->error);
  g_clear_pointer (&job->worker, worker_unref);
  g_free (job);
}

static Job *
job_new (GadPersonList *self,
         JobKind        kind)
{
  Job *job = g_new0 (Job, 1);

  job->kind = kind;
  job->generation = g_atomic_int_get (&self->worker->generation);
  job->worker = self->worker;
  g_atomic_ref_count_inc (&self->worker->refs);
  return job;
}

static gboolean deliver (gpointer data);

/* The list's thread: one job after another, skipping what a newer search
 * made stale while it waited. */
static gpointer
work (gpointer data)
{
  Worker *w = data;
  g_autoptr(GadStore) store = NULL;
  Job *job;

  while ((job = g_async_queue_pop (w->jobs))->kind != STOP)
    {
      if (job->kind == SEARCH && job->generation != g_atomic_int_get (&w->generation))
        {
          job_free (job);
          continue;
        }
      if (store == NULL)
        store = gad_store_open_as (w->who, &job->error);
      if (store && job->kind == SEARCH)
        {
          /* With the first screenful's rows: the view shows them at once. */
          job->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
          if (gad_store_search (store, job->text, job->sort, job->descending, 0, job->ids,
                                &job->error))
            job->rows = gad_store_get_rows (store, (const gint64 *) job->ids->data,
                                            MIN (job->ids->len, FIRST_ROWS), NULL);
          else
            g_clear_pointer (&job->ids, g_array_unref);   /* the old results stay */
        }
      else if (store)
        job->rows = gad_store_get_rows (store, (const gint64 *) job->ids->data, job->ids->len,
                                        &job->error);
      /* Always through a source of the list's context: g_main_context_invoke ()
       * would run deliver() here when that context is the default one and
       * nobody is iterating it at the moment. */
      {
        g_autoptr(GSource) source = g_idle_source_new ();

        g_source_set_priority (source, G_PRIORITY_DEFAULT);
        g_source_set_callback (source, deliver, job, (GDestroyNotify) job_free);
        g_source_attach (source, w->context);
      }
    }
  job_free (job);
  worker_unref (w);
  return NULL;
}

static int
compare_positions (gconstpointer a,
                   gconstpointer b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;

  return x < y ? -1 : x > y;
}

/* Puts the rows in place of their empty persons, and tells the views in
 * runs of neighbouring positions: a view binds a run at once. */
static void
put_rows (GadPersonList *self,
          GPtrArray     *rows,
          gboolean       tell)
{
  g_autoptr(GArray) changed = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < rows->len; i++)
    {
      GadPerson *person = g_ptr_array_index (rows, i);
      gint64 id = gad_person_get_id (person);
      gpointer position;
      guint p;

      if (!g_hash_table_steal_extended (self->positions, &id, NULL, &position))
        continue;
      p = GPOINTER_TO_UINT (position);
      g_hash_table_replace (self->loaded, position, g_object_ref (person));
      g_array_append_val (changed, p);
    }
  if (!tell)
    return;
  g_array_sort (changed, compare_positions);
  for (guint i = 0, run; i < changed->len; i += run)
    {
      guint first = g_array_index (changed, guint, i);

      for (run = 1; i + run < changed->len
                    && g_array_index (changed, guint, i + run) == first + run; run++)
        ;
      g_list_model_items_changed (G_LIST_MODEL (self), first, run, run);
    }
}

static void
answered (GadPersonList *self)
{
  self->answered = TRUE;
  self->searching = FALSE;
  g_signal_emit (self, signals[SEARCHED], 0, NULL);
}

/* The answer takes the place of the rows shown: those go a chunk at a
 * time from the end, then the answer's come a chunk a frame, so that the
 * window is never held up long. The old rows go and the first new chunk
 * comes before the next frame is drawn: it shows no empty list between.
 * The search is answered with the first chunk. */
static gboolean
pace (gpointer data)
{
  GadPersonList *self = data;
  guint k;

  if (self->next_ids && self->n_shown > 0)
    {
      k = self->n_shown > FIRST_ROWS ? self->n_shown - FIRST_ROWS : MIN (CHUNK, self->n_shown);
      self->n_shown -= k;
      g_list_model_items_changed (G_LIST_MODEL (self), self->n_shown, k, 0);
      return G_SOURCE_CONTINUE;
    }
  if (self->next_ids)
    {
      g_hash_table_remove_all (self->loaded);
      g_hash_table_remove_all (self->positions);
      g_array_unref (self->ids);
      self->ids = g_steal_pointer (&self->next_ids);
      self->generation = self->next_generation;
      if (self->next_rows)
        {
          for (guint i = 0; i < MIN (self->ids->len, FIRST_ROWS); i++)
            g_hash_table_insert (self->positions, &g_array_index (self->ids, gint64, i),
                                 GUINT_TO_POINTER (i));
          put_rows (self, self->next_rows, FALSE);
          g_hash_table_remove_all (self->positions);
          g_clear_pointer (&self->next_rows, g_ptr_array_unref);
        }
    }
  self->pace_source = 0;
  if (self->n_shown < self->ids->len)
    {
      k = self->n_shown >= FIRST_ROWS ? self->ids->len - self->n_shown
                                      : MIN (CHUNK, self->ids->len - self->n_shown);
      self->n_shown += k;
      g_list_model_items_changed (G_LIST_MODEL (self), self->n_shown - k, 0, k);
      /* A frame lays out the rows told since the last: the next chunk waits
       * for one (a display draws every 16 ms or so, Xvfb 60 to 200). */
      if (self->n_shown < self->ids->len)
        self->pace_source = g_timeout_add_full (G_PRIORITY_DEFAULT_IDLE, PACE_MS, pace, self,
                                                NULL);
    }
  if (!self->answered)
    answered (self);
  return G_SOURCE_REMOVE;
}

/* The same clients in the same order as shown (a search again after a
 * save, a colleague's perhaps): the rows read with it replace those shown
 * that differ, and only those are told, so a view stays where it was
 * scrolled to. */
static gboolean
refresh_rows (GadPersonList *self,
              Job           *job)
{
  g_autoptr(GArray) changed = g_array_new (FALSE, FALSE, sizeof (guint));

  if (job->rows == NULL || self->next_ids || job->ids->len != self->ids->len
      || memcmp (job->ids->data, self->ids->data, self->ids->len * sizeof (gint64)) != 0)
    return FALSE;
  for (guint i = 0; i < job->rows->len; i++)
    {
      GadPerson *row = g_ptr_array_index (job->rows, i);

      for (guint p = 0; p < MIN (self->ids->len, FIRST_ROWS); p++)
        {
          GadPerson *shown;

          if (g_array_index (self->ids, gint64, p) != gad_person_get_id (row))
            continue;
          shown = g_hash_table_lookup (self->loaded, GUINT_TO_POINTER (p));
          if (shown && (gad_person_get_version (shown) != gad_person_get_version (row)
                        || gad_person_get_open_cases (shown) != gad_person_get_open_cases (row)
                        || g_strcmp0 (gad_person_get_worker (shown),
                                      gad_person_get_worker (row)) != 0))
            {
              g_hash_table_replace (self->loaded, GUINT_TO_POINTER (p), g_object_ref (row));
              g_array_append_val (changed, p);
            }
          break;
        }
    }
  self->generation = job->generation;
  for (guint i = 0; i < changed->len; i++)
    g_list_model_items_changed (G_LIST_MODEL (self), g_array_index (changed, guint, i), 1, 1);
  answered (self);
  return TRUE;
}

/* Back on the list's thread: the newest search's answers are shown. */
static gboolean
deliver (gpointer data)
{
  Job *job = data;
  g_autoptr(GadPersonList) self = g_weak_ref_get (&job->worker->list);

  if (self == NULL)
    return G_SOURCE_REMOVE;
  if (job->kind == FETCH)
    {
      if (job->generation != self->generation)
        return G_SOURCE_REMOVE;
      if (job->rows)
        put_rows (self, job->rows, TRUE);
      else
        g_debug ("Rows not read: %s", job->error->message);
      return G_SOURCE_REMOVE;
    }
  if (job->generation != g_atomic_int_get (&self->worker->generation))
    return G_SOURCE_REMOVE;
  if (job->ids == NULL)
    {
      self->searching = FALSE;
      g_signal_emit (self, signals[SEARCHED], 0, job->error);
      return G_SOURCE_REMOVE;
    }
  if (refresh_rows (self, job))
    return G_SOURCE_REMOVE;
  g_clear_pointer (&self->next_ids, g_array_unref);
  g_clear_pointer (&self->next_rows, g_ptr_array_unref);
  self->next_ids = g_steal_pointer (&job->ids);
  self->next_rows = g_steal_pointer (&job->rows);
  self->next_generation = job->generation;
  self->answered = FALSE;
  /* Afresh, before the next frame (a pace under way may have gone after it). */
  g_clear_handle_id (&self->pace_source, g_source_remove);
  self->pace_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE + 10, pace, self, NULL);
  return G_SOURCE_REMOVE;
}

/* Asks the thread for the rows that views show, of those asked for since
 * the last time. A view may look at many more items than it shows (GTK
 * 4.8's look for their old rows among all the new ones on a change), and
 * lets go of those at once: nobody else holds their empty person then, and
 * they are forgotten instead of read. */
static gboolean
fetch (gpointer data)
{
  GadPersonList *self = data;
  Job *job = job_new (self, FETCH);
  GHashTableIter iter;
  gpointer key, position;

  self->fetch_source = 0;
  job->generation = self->generation;
  job->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_hash_table_iter_init (&iter, self->positions);
  while (g_hash_table_iter_next (&iter, &key, &position))
    {
      GObject *person = g_hash_table_lookup (self->loaded, position);

      if (g_atomic_int_get ((int *) &person->ref_count) > 1)
        g_array_append_val (job->ids, *(gint64 *) key);
      else
        {
          g_hash_table_remove (self->loaded, position);
          g_hash_table_iter_remove (&iter);
        }
    }
  if (job->ids->len > 0)
    g_async_queue_push (self->worker->jobs, job);
  else
    job_free (job);
  return G_SOURCE_REMOVE;
}

static GType
get_item_type (GListModel *model)
{
  return GAD_TYPE_PERSON;
}

static guint
get_n_items (GListModel *model)
{
  return GAD_PERSON_LIST (model)->n_shown;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  GadPersonList *self = GAD_PERSON_LIST (model);
  GadPerson *person;

  if (position >= self->n_shown)
    return NULL;

  person = g_hash_table_lookup (self->loaded, GUINT_TO_POINTER (position));
  if (person == NULL)
    {
      gint64 *id = &g_array_index (self->ids, gint64, position);

      person = gad_person_new ();
      g_hash_table_insert (self->loaded, GUINT_TO_POINTER (position), person);
      g_hash_table_insert (self->positions, id, GUINT_TO_POINTER (position));
      if (self->fetch_source == 0)
        self->fetch_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE, fetch, self, NULL);
    }
  return g_object_ref (person);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static void
gad_person_list_finalize (GObject *object)
{
  GadPersonList *self = GAD_PERSON_LIST (object);
  Job *stop = job_new (self, STOP);

  g_async_queue_push (self->worker->jobs, stop);
  g_thread_unref (self->thread);
  g_clear_pointer (&self->worker, worker_unref);
  g_clear_handle_id (&self->fetch_source, g_source_remove);
  g_clear_handle_id (&self->pace_source, g_source_remove);
  g_clear_pointer (&self->ids, g_array_unref);
  g_clear_pointer (&self->next_ids, g_array_unref);
  g_clear_pointer (&self->next_rows, g_ptr_array_unref);
  g_clear_pointer (&self->loaded, g_hash_table_unref);
  g_clear_pointer (&self->positions, g_hash_table_unref);
  G_OBJECT_CLASS (gad_person_list_parent_class)->finalize (object);
}

static void
gad_person_list_class_init (GadPersonListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = gad_person_list_finalize;

  /**
   * GadPersonList::searched:
   * @error: (nullable): why the search failed; the old results stay then
   *
   * The newest search is answered: its first rows are in the list, and
   * the others follow a moment later (gad_person_list_get_n_found() says
   * how many there are).
   */
  signals[SEARCHED] = g_signal_new ("searched", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ERROR);
}

static void
gad_person_list_init (GadPersonList *self)
{
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->loaded = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
  self->positions = g_hash_table_new (g_int64_hash, g_int64_equal);
}

/* The results of searches in @store's database, as the staff member signed
 * in to it may see them. */
GadPersonList *
gad_person_list_new (GadStore *store)
{
  GadPersonList *self = g_object_new (GAD_TYPE_PERSON_LIST, NULL);
  Worker *w = g_new0 (Worker, 1);

  g_atomic_ref_count_init (&w->refs);
  w->jobs = g_async_queue_new ();
  w->who = gad_store_get_identity (store);
  w->context = g_main_context_ref_thread_default ();
  g_weak_ref_init (&w->list, self);
  self->worker = w;
  g_atomic_ref_count_inc (&w->refs);
  self->thread = g_thread_new ("gad-person-list", work, w);
  return self;
}

/* Searches in the background; the results replace the contents when they
 * come, and "searched" says so. A newer search drops an older one's. */
void
gad_person_list_search (GadPersonList *self,
                        const char    *text,
                        GadSort        sort,
                        gboolean       descending)
{
  Job *job;

  g_return_if_fail (GAD_IS_PERSON_LIST (self));

  g_atomic_int_inc (&self->worker->generation);
  job = job_new (self, SEARCH);
  job->text = g_strdup (text);
  job->sort = sort;
  job->descending = descending;
  self->searching = TRUE;
  g_async_queue_push (self->worker->jobs, job);
}

/* How many the newest answered search found, all of them told to views or not. */
guint
gad_person_list_get_n_found (GadPersonList *self)
{
  g_return_val_if_fail (GAD_IS_PERSON_LIST (self), 0);
  return self->ids->len;
}

/* The id at @position, known before its row comes; 0 past the end. */
gint64
gad_person_list_get_id (GadPersonList *self,
                        guint          position)
{
  g_return_val_if_fail (GAD_IS_PERSON_LIST (self), 0);
  return position < self->n_shown ? g_array_index (self->ids, gint64, position) : 0;
}

/* Whether a search is under way, not yet answered. */
gboolean
gad_person_list_is_searching (GadPersonList *self)
{
  g_return_val_if_fail (GAD_IS_PERSON_LIST (self), FALSE);
  return self->searching;
}

/* How many person objects exist: tests check that views load only what they show. */
guint
gad_person_list_get_n_loaded (GadPersonList *self)
{
  return g_hash_table_size (self->loaded);
}
