/* gad-route.c — the order of a day's visits that makes the drive short
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A route starts at one place (the office), visits every stop once and
 * ends at another (or the same). Distances are along the ground times the
 * road factor. Up to GAD_ROUTE_EXACT_STOPS stops the order is the shortest
 * there is (dynamic programming over the sets of stops visited, Held and
 * Karp). Beyond, a nearest-neighbour drive is improved by 2-opt and
 * or-opt moves and then by kicks (a double bridge) from which it improves
 * again; how good it is shows against Held and Karp's lower bound (1-trees
 * with node penalties found by subgradient steps).
 */
#define G_LOG_DOMAIN "gadiba"

#include "config.h"

#include <math.h>
#include <string.h>

#include "gad-route-private.h"

#define KICKS 300           /* rounds of kick and improve, beyond the exact size */

typedef GadRouteMatrix Matrix;
#define D GAD_ROUTE_D

static Matrix *
matrix_new (GadGeoPoint        start,
            GadGeoPoint        end,
            const GadGeoPoint *stops,
            guint              n_stops,
            double             road_factor)
{
  Matrix *m = g_new0 (Matrix, 1);

  m->n = n_stops + 2;
  m->d = g_new (double, (gsize) m->n * m->n);
  for (guint i = 0; i < m->n; i++)
    for (guint j = 0; j < m->n; j++)
      {
        GadGeoPoint a = i == 0 ? start : i == m->n - 1 ? end : stops[i - 1];
        GadGeoPoint b = j == 0 ? start : j == m->n - 1 ? end : stops[j - 1];

        D (m, i, j) = gad_geo_distance_km (a, b) * road_factor;
      }
  return m;
}

static void
matrix_free (Matrix *m)
{
  g_free (m->d);
  g_free (m);
}

static double
path_length (const Matrix *m,
             const guint  *path)
{
  double total = 0;

  for (guint i = 0; i + 1 < m->n; i++)
    total += D (m, path[i], path[i + 1]);
  return total;
}

/* The shortest order: best[set][last] is the shortest drive from the start
 * through the stops in set, ending at last. */
static void
order_exact (const Matrix *m,
             guint        *path)
{
  guint k = m->n - 2, full = (1u << k) - 1, last = 0;
  g_autofree double *best = g_new (double, (gsize) (full + 1) * MAX (k, 1));
  g_autofree guint8 *came = g_new0 (guint8, (gsize) (full + 1) * MAX (k, 1));
  double shortest = INFINITY;

  path[0] = 0;
  path[m->n - 1] = m->n - 1;
  if (k == 0)
    return;
  for (guint set = 1; set <= full; set++)
    for (guint j = 0; j < k; j++)
      {
        double *here = &best[(gsize) set * k + j];

        *here = INFINITY;
        if (!(set & (1u << j)))
          continue;
        if (set == (1u << j))
          {
            *here = D (m, 0, j + 1);
            continue;
          }
        for (guint i = 0; i < k; i++)
          {
            guint before = set & ~(1u << j);
            double via = (before & (1u << i)) ? best[(gsize) before * k + i] + D (m, i + 1, j + 1)
                                              : INFINITY;

            if (via < *here)
              {
                *here = via;
                came[(gsize) set * k + j] = i;
              }
          }
      }
  for (guint j = 0; j < k; j++)
    if (best[(gsize) full * k + j] + D (m, j + 1, m->n - 1) < shortest)
      {
        shortest = best[(gsize) full * k + j] + D (m, j + 1, m->n - 1);
        last = j;
      }
  for (guint set = full, at = k; at > 0; at--)
    {
      guint before = came[(gsize) set * k + last];

      path[at] = last + 1;
      set &= ~(1u << last);
      last = before;
    }
}

/* 2-opt: a stretch driven the other way round, while that shortens it. */
static gboolean
two_opt (const Matrix *m,
         guint        *path)
{
  gboolean improved = FALSE;

  for (guint i = 1; i + 1 < m->n - 1; i++)
    for (guint k = i + 1; k < m->n - 1; k++)
      {
        double delta = D (m, path[i - 1], path[k]) + D (m, path[i], path[k + 1])
                       - D (m, path[i - 1], path[i]) - D (m, path[k], path[k + 1]);

        if (delta < -1e-9)
          {
            for (guint a = i, b = k; a < b; a++, b--)
              {
                guint t = path[a];
                path[a] = path[b];
                path[b] = t;
              }
            improved = TRUE;
          }
      }
  return improved;
}

/* Or-opt: one to three stops in a row moved elsewhere, either way round. */
static gboolean
or_opt (const Matrix *m,
        guint        *path)
{
  guint n = m->n;
  g_autofree guint *moved = g_new (guint, n);
  gboolean improved = FALSE;

  for (guint len = 1; len <= 3; len++)
    for (guint i = 1; i + len < n; i++)
      {
        guint first = path[i], last = path[i + len - 1];
        double cut = D (m, path[i - 1], first) + D (m, last, path[i + len])
                     - D (m, path[i - 1], path[i + len]);

        for (guint j = 0; j + 1 < n; j++)
          {
            double keep, turn;
            gboolean reversed;
            guint at = 0;

            if (j + 1 >= i && j < i + len)
              continue;
            keep = D (m, path[j], first) + D (m, last, path[j + 1]) - D (m, path[j], path[j + 1]);
            turn = D (m, path[j], last) + D (m, first, path[j + 1]) - D (m, path[j], path[j + 1]);
            reversed = turn < keep;
            if (MIN (keep, turn) - cut >= -1e-9)
              continue;
            /* The path again, the stretch taken out and put after path[j]. */
            for (guint p = 0; p < n; p++)
              {
                if (p >= i && p < i + len)
                  continue;
                moved[at++] = path[p];
                if (p == j)
                  for (guint q = 0; q < len; q++)
                    moved[at++] = path[reversed ? i + len - 1 - q : i + q];
              }
            memcpy (path, moved, n * sizeof (guint));
            improved = TRUE;
            break;
          }
      }
  return improved;
}

static void
improve (const Matrix *m,
         guint        *path)
{
  while (two_opt (m, path) || or_opt (m, path))
    ;
}

/* From the start, always to the nearest stop not yet visited. */
static void
nearest_neighbour (const Matrix *m,
                   guint        *path)
{
  g_autofree gboolean *seen = g_new0 (gboolean, m->n);

  path[0] = 0;
  path[m->n - 1] = m->n - 1;
  for (guint at = 1; at < m->n - 1; at++)
    {
      guint next = 0;
      double nearest = INFINITY;

      for (guint j = 1; j < m->n - 1; j++)
        if (!seen[j] && D (m, path[at - 1], j) < nearest)
          {
            nearest = D (m, path[at - 1], j);
            next = j;
          }
      seen[next] = TRUE;
      path[at] = next;
    }
}

/* Three cuts at random and the four pieces joined in another order, which
 * 2-opt alone cannot undo. */
static void
double_bridge (const Matrix *m,
               const guint  *from,
               guint        *to,
               GRand        *rand)
{
  guint k = m->n - 2, a, b, c, at = 1;

  a = 1 + g_rand_int_range (rand, 0, k - 2);
  b = a + 1 + g_rand_int_range (rand, 0, k - a - 1);
  c = b + 1 + g_rand_int_range (rand, 0, k - b);
  to[0] = from[0];
  for (guint p = 1; p < a; p++)
    to[at++] = from[p];
  for (guint p = c; p <= k; p++)
    to[at++] = from[p];
  for (guint p = b; p < c; p++)
    to[at++] = from[p];
  for (guint p = a; p < b; p++)
    to[at++] = from[p];
  to[m->n - 1] = from[m->n - 1];
}

static void
order_heuristic (const Matrix *m,
                 guint        *path)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (1);
  g_autofree guint *trial = g_new (guint, m->n);
  double best;

  nearest_neighbour (m, path);
  improve (m, path);
  best = path_length (m, path);
  for (guint kick = 0; kick < KICKS; kick++)
    {
      double length;

      double_bridge (m, path, trial, rand);
      improve (m, trial);
      length = path_length (m, trial);
      if (length < best - 1e-9)
        {
          best = length;
          memcpy (path, trial, m->n * sizeof (guint));
        }
    }
}

static GadRoute *
route_new (const Matrix *m,
           const guint  *path)
{
  GadRoute *route = g_new0 (GadRoute, 1);

  route->n_stops = m->n - 2;
  route->order = g_new (guint, MAX (route->n_stops, 1));
  route->legs_km = g_new (double, route->n_stops + 1);
  for (guint i = 0; i < route->n_stops; i++)
    route->order[i] = path[i + 1] - 1;
  for (guint i = 0; i + 1 < m->n; i++)
    {
      route->legs_km[i] = D (m, path[i], path[i + 1]);
      route->total_km += route->legs_km[i];
    }
  return route;
}

/* The shortest order there is for up to GAD_ROUTE_EXACT_STOPS stops, a
 * good one beyond with a lower bound to show how good. */
GadRoute *
gad_route_plan (GadGeoPoint        start,
                GadGeoPoint        end,
                const GadGeoPoint *stops,
                guint              n_stops,
                double             road_factor)
{
  Matrix *m = matrix_new (start, end, stops, n_stops, road_factor);
  g_autofree guint *path = g_new (guint, m->n);
  GadRoute *route;

  g_return_val_if_fail (n_stops == 0 || stops != NULL, NULL);

  if (n_stops <= GAD_ROUTE_EXACT_STOPS)
    order_exact (m, path);
  else
    order_heuristic (m, path);
  route = route_new (m, path);
  route->exact = n_stops <= GAD_ROUTE_EXACT_STOPS;
  route->bound_km = route->exact ? route->total_km : gad_route_bound (m, route->total_km);
  matrix_free (m);
  return route;
}

/* The legs and the total of an order chosen by hand (no bound: 0). */
GadRoute *
gad_route_measure (GadGeoPoint        start,
                   GadGeoPoint        end,
                   const GadGeoPoint *stops,
                   const guint       *order,
                   guint              n_stops,
                   double             road_factor)
{
  Matrix *m = matrix_new (start, end, stops, n_stops, road_factor);
  g_autofree guint *path = g_new (guint, m->n);
  GadRoute *route;

  path[0] = 0;
  path[m->n - 1] = m->n - 1;
  for (guint i = 0; i < n_stops; i++)
    path[i + 1] = order[i] + 1;
  route = route_new (m, path);
  matrix_free (m);
  return route;
}

void
gad_route_free (GadRoute *route)
{
  if (route == NULL)
    return;
  g_free (route->order);
  g_free (route->legs_km);
  g_free (route);
}

/**
 * gad_route_arrivals:
 * @start_minute: leaving the start, in minutes after midnight
 *
 * Returns: (transfer full) (array): n_stops + 1 times of arrival in minutes
 *   after midnight, at each stop in the visiting order and back at the end,
 *   driving at @speed_kmh and staying @stop_minutes at each stop; a visit
 *   begins on the next whole five minutes, as the schedule has it
 */
double *
gad_route_arrivals (const GadRoute *route,
                    double          start_minute,
                    double          speed_kmh,
                    int             stop_minutes)
{
  double *at = g_new (double, route->n_stops + 1), t = start_minute;

  for (guint i = 0; i <= route->n_stops; i++)
    {
      t += route->legs_km[i] / speed_kmh * 60;
      if (i < route->n_stops)
        t = ceil (t / 5 - 1e-9) * 5;
      at[i] = t;
      t += stop_minutes;
    }
  return at;
}
