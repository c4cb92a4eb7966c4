/*
 * bloc_bounds.c - bounds of bloc shares, exposure, balance and lead margin
 * over every allocation of the unlisted remainder.
 *
 * Bloc shares and exposure are linear in the allocation, so each pool can
 * be pushed to its extreme on its own (exact, closed form).
 *
 * Balance and lead margin depend on the great-power shares only through
 * their normalised values u = S_P / sum(S_P). The feasible set of S_P is a
 * polytope (the listed shares plus the Minkowski sum of one polytope per
 * pool), and the map S_P -> u is a perspective map, which sends a polytope
 * to a polytope whose vertices are images of the original vertices. So:
 *   - HHI(u) is convex: its maximum is at an image of a vertex, its minimum
 *     is the minimum-norm point of their hull (Wolfe's algorithm);
 *   - the lead margin u(1) - u(2) is piecewise linear: its extremes over
 *     the hull are small linear programs (GLPK), one per ordered pair.
 * docs/methods.md gives the argument in full.
 */
#include <math.h>
#include <string.h>

#include "calc_internal.h"

static const double EPSILON = 1e-12;

/* Capacity of bloc `b` in pool `g`: slots x cap, or INFINITY without a cap. */
static double capacity(const mvec__bloc_input *input, size_t g, size_t b)
{
    size_t slots = input->pool_slots[g * input->bloc_count + b];
    if (slots == 0)
        return 0.0;
    double cap = input->pools[g].cap;
    return isfinite(cap) ? (double)slots * cap : INFINITY;
}

void mvec__bloc_share_bounds(const mvec__bloc_input *input, mvec_interval *shares,
                             mvec_interval *exposure)
{
    exposure->lo = exposure->hi = 0;
    for (size_t b = 0; b < input->bloc_count; b++) {
        shares[b].lo = shares[b].hi = input->listed[b];
        if (input->great_power[b])
            exposure->lo = exposure->hi = exposure->lo + input->listed[b];
    }
    for (size_t g = 0; g < input->pool_count; g++) {
        double mass = input->pools[g].mass;
        if (mass <= EPSILON)
            continue;
        double great = 0;
        double finite_total = 0; /* the finite capacities, summed once: O(blocs) a pool */
        size_t unbounded = 0;    /* blocs with unlimited capacity */
        for (size_t b = 0; b < input->bloc_count; b++) {
            double c = capacity(input, g, b);
            if (input->great_power[b])
                great += c;
            if (isfinite(c))
                finite_total += c;
            else
                unbounded++;
        }
        for (size_t b = 0; b < input->bloc_count; b++) {
            double c = capacity(input, g, b);
            /* what the other blocs can take */
            double others = unbounded > (isfinite(c) ? 0u : 1u) ? INFINITY
                            : isfinite(c)                       ? finite_total - c
                                                                : finite_total;
            shares[b].lo += mass > others ? mass - others : 0;
            shares[b].hi += mass < c ? mass : c;
        }
        double outside = 0;
        for (size_t b = 0; b < input->bloc_count; b++)
            if (!input->great_power[b])
                outside += capacity(input, g, b);
        exposure->lo += mass > outside ? mass - outside : 0;
        exposure->hi += mass < great ? mass : great;
    }
}

/* Vertices of one pool's polytope in (great powers..., rest) coordinates:
 * y_j in [0, k_j], sum y = mass. A vertex has every coordinate at a bound
 * except at most one ("free"). */
static mvec_status pool_vertices(mvec_ctx *ctx, const double *caps, size_t dim, double mass,
                                 mvec__points *out)
{
    mvec_status status = MVEC_OK;
    double *y = NULL;
    MVEC_TRY(mvec__calloc(ctx, dim, sizeof *y, &y));
    if (mass <= EPSILON) {
        MVEC_TRY(mvec__points_add_unique(ctx, out, y));
        goto cleanup;
    }
    /* dim is at most MVEC_GREAT_POWER_LIMIT + 1 (checked by the caller);
     * the bound is checked again before each write. */
    size_t finite[MVEC_GREAT_POWER_LIMIT + 1];
    size_t finite_count = 0;
    for (size_t j = 0; j < dim; j++) {
        if (!(caps[j] > 0 && isfinite(caps[j])))
            continue;
        if (finite_count == sizeof finite / sizeof *finite)
            MVEC_FAIL(ctx, MVEC_ERR_LIMIT, "too many great-power blocs (at most %d)",
                      MVEC_GREAT_POWER_LIMIT);
        finite[finite_count++] = j;
    }
    for (size_t free_coordinate = 0; free_coordinate < dim; free_coordinate++) {
        if (!(caps[free_coordinate] > 0))
            continue;
        for (size_t mask = 0; mask < ((size_t)1 << finite_count); mask++) {
            double full = 0;
            bool uses_free = false;
            for (size_t k = 0; k < finite_count; k++)
                if (mask & ((size_t)1 << k)) {
                    full += caps[finite[k]];
                    uses_free = uses_free || finite[k] == free_coordinate;
                }
            double rest = mass - full;
            if (uses_free || rest < -EPSILON || rest > caps[free_coordinate] + EPSILON)
                continue;
            memset(y, 0, dim * sizeof *y);
            for (size_t k = 0; k < finite_count; k++)
                if (mask & ((size_t)1 << k))
                    y[finite[k]] = caps[finite[k]];
            y[free_coordinate] = rest > 0 ? rest : 0;
            MVEC_TRY(mvec__points_add_unique(ctx, out, y));
        }
    }
cleanup:
    mvec__free(ctx, y);
    return status;
}

mvec_status mvec__bloc_vertices(mvec_ctx *ctx, const mvec__bloc_input *input,
                                mvec__points *out)
{
    mvec_status status = MVEC_OK;
    size_t great = 0;
    for (size_t b = 0; b < input->bloc_count; b++)
        great += input->great_power[b] ? 1u : 0u;
    size_t dim = great + 1; /* the last coordinate gathers every other bloc */
    mvec__points sum = MVEC__POINTS_INIT(dim);
    mvec__points pool = MVEC__POINTS_INIT(dim);
    mvec__points next = MVEC__POINTS_INIT(dim);
    double *caps = NULL;
    double *start = NULL;
    if (great > MVEC_GREAT_POWER_LIMIT)
        return mvec__error(ctx, MVEC_ERR_LIMIT, "too many great-power blocs: %zu (at most %d)",
                           great, MVEC_GREAT_POWER_LIMIT);
    MVEC_TRY(mvec__calloc(ctx, dim, sizeof *caps, &caps));
    MVEC_TRY(mvec__calloc(ctx, dim, sizeof *start, &start));
    for (size_t b = 0, p = 0; b < input->bloc_count; b++)
        if (input->great_power[b])
            start[p++] = input->listed[b];
    MVEC_TRY(mvec__points_add(ctx, &sum, start));
    for (size_t g = 0; g < input->pool_count; g++) {
        memset(caps, 0, dim * sizeof *caps);
        for (size_t b = 0, p = 0; b < input->bloc_count; b++) {
            double c = capacity(input, g, b);
            if (input->great_power[b])
                caps[p++] = c;
            else
                caps[great] += c;
        }
        pool.count = 0;
        MVEC_TRY(pool_vertices(ctx, caps, dim, input->pools[g].mass, &pool));
        next.count = 0;
        MVEC_TRY(mvec__points_minkowski(ctx, &sum, 1.0, &pool, 1.0, MVEC__VERTEX_LIMIT, &next));
        mvec__points swap = sum;
        sum = next;
        next = swap;
    }
    /* Keep the great-power coordinates only. */
    out->dim = great;
    out->count = 0;
    for (size_t i = 0; i < sum.count; i++)
        MVEC_TRY(mvec__points_add_unique(ctx, out, sum.data + i * dim));
cleanup:
    mvec__points_clear(ctx, &sum);
    mvec__points_clear(ctx, &pool);
    mvec__points_clear(ctx, &next);
    mvec__free(ctx, caps);
    mvec__free(ctx, start);
    return status;
}

/* Extreme of u_a - u_b over conv(images): a small LP in the convex weights.
 * mode 0: max over u of min_{b != a}(u_a - u_b) (a leads by that much);
 * mode 1: min of u_a - u_b where a is first and b second. */
static mvec_status margin_lp(mvec_ctx *ctx, const mvec__points *images, size_t a, size_t b,
                             int mode, double *value, bool *feasible)
{
    mvec_status status = MVEC_OK;
    size_t n = images->count;
    size_t dim = images->dim;
    size_t variables = n + (mode == 0 ? 1 : 0);
    size_t rows = 1 + (dim - 1) + (mode == 1 ? dim - 2 : 0);
    mvec__lp_arrays arrays = {NULL, NULL, NULL, NULL, NULL};
    MVEC_TRY(mvec__lp_arrays_alloc(ctx, variables, rows, &arrays));
    double *objective = arrays.objective;
    double *matrix = arrays.matrix;
    double *row_lo = arrays.row_lo;
    double *row_hi = arrays.row_hi;
    bool *free_variable = arrays.free_variable;
    const double *u = images->data;
    /* row 0: the weights sum to one */
    for (size_t i = 0; i < n; i++)
        matrix[i] = 1.0;
    row_lo[0] = row_hi[0] = 1.0;
    size_t row = 1;
    if (mode == 0) {
        objective[n] = 1.0;
        free_variable[n] = true;
        for (size_t c = 0; c < dim; c++) {
            if (c == a)
                continue;
            /* z - sum w_i (u_ia - u_ic) <= 0 */
            for (size_t i = 0; i < n; i++)
                matrix[row * variables + i] = -(u[i * dim + a] - u[i * dim + c]);
            matrix[row * variables + n] = 1.0;
            row_lo[row] = -INFINITY;
            row_hi[row] = 0.0;
            row++;
        }
    } else {
        for (size_t i = 0; i < n; i++)
            objective[i] = u[i * dim + a] - u[i * dim + b];
        for (size_t c = 0; c < dim; c++) {
            if (c == a)
                continue;
            for (size_t i = 0; i < n; i++) /* a is first: u_a - u_c >= 0 */
                matrix[row * variables + i] = u[i * dim + a] - u[i * dim + c];
            row_lo[row] = 0.0;
            row_hi[row] = INFINITY;
            row++;
        }
        for (size_t c = 0; c < dim; c++) {
            if (c == a || c == b)
                continue;
            for (size_t i = 0; i < n; i++) /* b is second: u_b - u_c >= 0 */
                matrix[row * variables + i] = u[i * dim + b] - u[i * dim + c];
            row_lo[row] = 0.0;
            row_hi[row] = INFINITY;
            row++;
        }
    }
    mvec__lp lp = {
        .variable_count = variables,
        .row_count = row,
        .objective = objective,
        .matrix = matrix,
        .row_lo = row_lo,
        .row_hi = row_hi,
        .free_variable = free_variable,
        .maximise = mode == 0,
    };
    MVEC_TRY(mvec__lp_solve(ctx, &lp, value, feasible));
cleanup:
    mvec__lp_arrays_free(ctx, &arrays);
    return status;
}

double mvec__balance_of_hhi(double hhi, size_t great)
{
    double p = (double)great;
    return 1.0 - (hhi - 1.0 / p) / (1.0 - 1.0 / p);
}

mvec_status mvec__balance_bounds(mvec_ctx *ctx, const mvec__points *vertices,
                                 mvec__balance_result *out)
{
    mvec_status status = MVEC_OK;
    size_t dim = vertices->dim;
    mvec__points images = MVEC__POINTS_INIT(dim);
    double *u = NULL;
    out->balance.lo = out->balance.hi = NAN;
    out->margin.lo = out->margin.hi = NAN;
    out->leader = SIZE_MAX;
    if (dim < 2)
        return MVEC_OK;
    MVEC_TRY(mvec__calloc(ctx, dim, sizeof *u, &u));
    for (size_t i = 0; i < vertices->count; i++) {
        const double *v = vertices->data + i * dim;
        double total = 0;
        for (size_t d = 0; d < dim; d++)
            total += v[d];
        if (total <= EPSILON)
            continue;
        for (size_t d = 0; d < dim; d++)
            u[d] = v[d] / total;
        MVEC_TRY(mvec__points_add_unique(ctx, &images, u));
    }
    if (images.count == 0)
        goto cleanup;
    double hhi_max = 0;
    for (size_t i = 0; i < images.count; i++) {
        const double *p = images.data + i * dim;
        double hhi = 0;
        for (size_t d = 0; d < dim; d++)
            hhi += p[d] * p[d];
        if (hhi > hhi_max)
            hhi_max = hhi;
    }
    MVEC_TRY(mvec__min_norm_point(ctx, &images, u));
    double hhi_min = 0;
    for (size_t d = 0; d < dim; d++)
        hhi_min += u[d] * u[d];
    out->balance.lo = mvec__balance_of_hhi(hhi_max, dim);
    out->balance.hi = mvec__balance_of_hhi(hhi_min, dim);
    if (out->balance.lo < 0 && out->balance.lo > -1e-12)
        out->balance.lo = 0;
    if (out->balance.hi > 1 && out->balance.hi < 1 + 1e-9)
        out->balance.hi = 1;

    /* Certain leader: ahead of every other bloc at every vertex (a linear
     * function's minimum over a hull is at a vertex). */
    for (size_t a = 0; a < dim && out->leader == SIZE_MAX; a++) {
        bool leads = true;
        for (size_t i = 0; i < images.count && leads; i++)
            for (size_t b = 0; b < dim && leads; b++)
                leads = b == a || images.data[i * dim + a] - images.data[i * dim + b] > EPSILON;
        if (leads)
            out->leader = a;
    }

    if (images.count == 1) {
        double first = -1;
        double second = -1;
        for (size_t d = 0; d < dim; d++) {
            double x = images.data[d];
            if (x > first) {
                second = first;
                first = x;
            } else if (x > second) {
                second = x;
            }
        }
        out->margin.lo = out->margin.hi = first - second;
        goto cleanup;
    }
    double margin_max = 0;
    double margin_min = INFINITY;
    for (size_t a = 0; a < dim; a++) {
        double value = 0;
        bool feasible = false;
        MVEC_TRY(margin_lp(ctx, &images, a, a, 0, &value, &feasible));
        if (feasible && value > margin_max)
            margin_max = value;
        for (size_t b = 0; b < dim; b++) {
            if (b == a)
                continue;
            MVEC_TRY(margin_lp(ctx, &images, a, b, 1, &value, &feasible));
            if (feasible && value < margin_min)
                margin_min = value;
        }
    }
    out->margin.lo = margin_min < 0 ? 0 : margin_min;
    out->margin.hi = margin_max;
    if (out->margin.lo < EPSILON)
        out->margin.lo = 0;
cleanup:
    mvec__points_clear(ctx, &images);
    mvec__free(ctx, u);
    return status;
}
