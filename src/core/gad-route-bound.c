/* gad-route-bound.c — how short any order of a day's visits can be
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Held and Karp's lower bound: a Hamiltonian path from the start to the end
 * is a tour closed by the edge end → start, and every tour is a 1-tree (a
 * spanning tree of all but one node, and two of that node's edges) whose
 * nodes all have two edges. Penalties on the nodes change no tour's length
 * but every 1-tree's, and subgradient steps look for those that make the
 * shortest 1-tree longest: the bound that shows how good a route is.
 */
#define G_LOG_DOMAIN "gadiba"

#include "config.h"

#include <math.h>
#include <string.h>

#include "gad-route-private.h"

#define BOUND_ROUNDS 1500   /* subgradient steps towards the lower bound */
#define FORCED 1e7          /* the closing edge end → start that every tour takes */

/* A minimum 1-tree under node penalties @pi: a spanning tree of every node
 * but the stop 1, and its two shortest edges. Returns its cost less twice
 * the penalties (a lower bound on every tour) and each node's degree. The
 * tours are those of the route closed by the edge end → start, which costs
 * −FORCED so that every 1-tree near the bound takes it. */
static double
one_tree (const GadRouteMatrix *m,
          const double         *pi,
          int                  *degree)
{
  guint n = m->n, root = 1;
  g_autofree double *near = g_new (double, n);
  g_autofree guint *parent = g_new (guint, n);
  g_autofree gboolean *in = g_new0 (gboolean, n);
  double cost = 0, first = INFINITY, second = INFINITY;

#define COST(i, j) (((i) == 0 && (j) == n - 1) || ((i) == n - 1 && (j) == 0) \
                    ? -FORCED + pi[i] + pi[j] : GAD_ROUTE_D (m, i, j) + pi[i] + pi[j])
  memset (degree, 0, n * sizeof (int));
  for (guint i = 0; i < n; i++)
    {
      near[i] = COST (0, i);
      parent[i] = 0;
    }
  in[0] = TRUE;
  in[root] = TRUE;
  for (guint added = 2; added < n; added++)
    {
      guint next = 0;
      double shortest = INFINITY;

      for (guint i = 0; i < n; i++)
        if (!in[i] && near[i] < shortest)
          {
            shortest = near[i];
            next = i;
          }
      in[next] = TRUE;
      cost += shortest;
      degree[next]++;
      degree[parent[next]]++;
      for (guint i = 0; i < n; i++)
        if (!in[i] && COST (next, i) < near[i])
          {
            near[i] = COST (next, i);
            parent[i] = next;
          }
    }
  for (guint i = 0; i < n; i++)
    if (i != root)
      {
        double c = COST (root, i);

        if (c < first)
          {
            second = first;
            first = c;
          }
        else if (c < second)
          second = c;
      }
  for (guint i = 0, found = 0; i < n && found < 2; i++)
    if (i != root && (COST (root, i) == first || COST (root, i) == second))
      {
        degree[i]++;
        found++;
      }
  degree[root] = 2;
#undef COST
  cost += first + second;
  for (guint i = 0; i < n; i++)
    cost -= 2 * pi[i];
  return cost;
}

/* Held and Karp's bound: the best 1-tree bound the penalties reach, by
 * subgradient steps towards a tour of length @upper. */
double
gad_route_bound (const GadRouteMatrix *m,
                 double                upper)
{
  guint n = m->n;
  g_autofree double *pi = g_new0 (double, n);
  g_autofree int *degree = g_new (int, n);
  double best = -INFINITY, lambda = 2.0;
  guint since_better = 0;

  for (guint round = 0; round < BOUND_ROUNDS; round++)
    {
      double bound = one_tree (m, pi, degree) + FORCED, norm = 0;

      if (bound > best + 1e-9)
        {
          best = bound;
          since_better = 0;
        }
      else if (++since_better >= 30)
        {
          lambda /= 2;
          since_better = 0;
        }
      for (guint i = 0; i < n; i++)
        norm += (degree[i] - 2) * (degree[i] - 2);
      if (norm == 0 || lambda < 1e-6)
        break;   /* the 1-tree is a tour: the bound is the optimum */
      for (guint i = 0; i < n; i++)
        pi[i] += lambda * MAX (upper - bound, 1e-3 * upper) / norm * (degree[i] - 2);
    }
  return MIN (best, upper);
}
