/*
 * min_cost.c - the cheapest rerouting plan: a min-cost flow written as a
 * dense LP and solved by GLPK through mvec__lp_solve (lp.c):
 *
 *   minimise   sum_e cost_e f_e            (links without a cost count 0)
 *   subject to out(origin) - in(origin) = supply
 *              out(v) - in(v) = 0          every other place that is not a market
 *              out(m) - in(m) <= 0         markets absorb
 *              kept_e <= f_e <= capacity_e
 *
 * Variables: the commodity's links; rows: places + links, so the matrix has
 * (V + E) E entries: plans are solved up to MVEC__PLAN_MAX_LINKS links.
 */
#include <math.h>
#include <string.h>

#include "../calc/calc_internal.h"
#include "net_internal.h"

mvec_status mvec__min_cost_flow(mvec_ctx *ctx, const mvec__commodity *commodity,
                                const double *capacity, const double *kept, const double *cost,
                                double supply, double *flow, bool *feasible)
{
    mvec_status status = MVEC_OK;
    mvec__lp_arrays a = {0};
    size_t n = commodity->link_count;
    size_t places = commodity->place_count;
    size_t rows = places + n;
    const mvec__flow_graph *g = &commodity->graph;
    MVEC_TRY(mvec__lp_arrays_alloc(ctx, n, rows, &a));
    for (size_t e = 0; e < n; e++) {
        a.objective[e] = isnan(cost[e]) ? 0 : cost[e];
        a.matrix[g->tail[e] * n + e] += 1;
        a.matrix[g->head[e] * n + e] -= 1;
        size_t r = places + e;
        a.matrix[r * n + e] = 1;
        a.row_lo[r] = kept[e] > 0 ? kept[e] : 0;
        a.row_hi[r] = capacity[e];
        if (a.row_hi[r] < a.row_lo[r])
            a.row_lo[r] = a.row_hi[r];
    }
    bool *is_market = NULL;
    MVEC_TRY(mvec__calloc(ctx, places + 1, sizeof *is_market, &is_market));
    for (size_t k = 0; k < commodity->market_count; k++)
        is_market[commodity->markets[k]] = true;
    for (size_t v = 0; v < places; v++) {
        if (v == commodity->origin) {
            a.row_lo[v] = a.row_hi[v] = supply;
        } else if (is_market[v]) {
            a.row_lo[v] = -INFINITY;
            a.row_hi[v] = 0;
        } else {
            a.row_lo[v] = a.row_hi[v] = 0;
        }
    }
    mvec__free(ctx, is_market);
    mvec__lp lp = {
        .variable_count = n,
        .row_count = rows,
        .objective = a.objective,
        .matrix = a.matrix,
        .row_lo = a.row_lo,
        .row_hi = a.row_hi,
        .free_variable = NULL,
        .maximise = false,
        .solution = flow,
    };
    double value = 0;
    MVEC_TRY(mvec__lp_solve(ctx, &lp, &value, feasible));
cleanup:
    mvec__lp_arrays_free(ctx, &a);
    return status;
}
