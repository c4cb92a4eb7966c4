/*
 * composite.c - the composite across vectors: the weights, the weighted
 * bloc shares and exposure, and the normalised great-power shares the
 * composite can take (traced exactly as a polygon when there are three
 * great powers; bounded through linear programmes for any other number).
 *
 * Weights: each vector's weight w_v >= 0 (default 1; trade.total 0 when
 * exports and imports are both present) is normalised as w_v / sum w. To
 * stay finite for any finite input, the weights are first divided by the
 * largest (so 1e308 and 1e308 become 1/2 and 1/2, not inf/inf).
 *
 * Bloc shares and exposure are weighted means of the vectors' intervals
 * (exact: the vectors' remainders are independent).
 *
 * The composite bloc vector is S = sum_v w_v S_v with each S_v in the hull
 * of its vertex set, a Minkowski sum whose vertex count grows as a product.
 * Its perspective image U = {S / sum(S)} lies in the 2-simplex, so with
 * three great powers U is a convex polygon. A polygon can be traced exactly
 * from a support oracle (for a direction c, the point of U maximising c.u):
 * start from a few directions, then for each edge ask the oracle in the
 * edge's outward normal; a point beyond the edge is a new vertex, none means
 * the edge is final. The oracle is a linear-fractional programme over the
 * Minkowski sum, solved by Dinkelbach's method (W. Dinkelbach, "On
 * nonlinear fractional programming", Management Science 13, 1967): each
 * step maximises a linear function, which splits into one choice of vertex
 * per vector.
 */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "profile_internal.h"

enum { DINKELBACH_STEPS = 200, MAX_POLYGON_VERTICES = 4096 };
static const double EPSILON = 1e-13;

typedef struct oracle {
    const mvec__points *sets;
    const double *weights;
    size_t count;
    double start[3];  /* a composite point with positive exposure */
} oracle;

static double sum3(const double *s)
{
    return s[0] + s[1] + s[2];
}

/* Maximise (c . S) / (1 . S) over the composite; u receives S / (1 . S). */
static void support(const oracle *o, const double *c, double *u)
{
    double best[3] = {o->start[0], o->start[1], o->start[2]};
    double theta = (c[0] * best[0] + c[1] * best[1] + c[2] * best[2]) / sum3(best);
    for (int step = 0; step < DINKELBACH_STEPS; step++) {
        double s[3] = {0, 0, 0};
        for (size_t v = 0; v < o->count; v++) {
            if (o->weights[v] <= 0)
                continue;
            const mvec__points *set = &o->sets[v];
            size_t chosen = 0;
            double chosen_value = -INFINITY;
            for (size_t i = 0; i < set->count; i++) {
                const double *p = set->data + i * 3;
                double value = (c[0] - theta) * p[0] + (c[1] - theta) * p[1] +
                               (c[2] - theta) * p[2];
                if (value > chosen_value) {
                    chosen_value = value;
                    chosen = i;
                }
            }
            for (int d = 0; d < 3; d++)
                s[d] += o->weights[v] * set->data[chosen * 3 + d];
        }
        double gain = (c[0] - theta) * s[0] + (c[1] - theta) * s[1] + (c[2] - theta) * s[2];
        if (gain <= EPSILON * (1 + fabs(theta)) || sum3(s) <= 0)
            break;
        memcpy(best, s, sizeof best);
        theta = (c[0] * s[0] + c[1] * s[1] + c[2] * s[2]) / sum3(s);
    }
    double total = sum3(best);
    for (int d = 0; d < 3; d++)
        u[d] = best[d] / total;
}

static double cross(const double *o, const double *a, const double *b)
{
    return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
}

typedef struct sort_point {
    double x;
    double y;
    size_t index;
} sort_point;

static int compare_sort_points(const void *pa, const void *pb)
{
    const sort_point *a = pa;
    const sort_point *b = pb;
    if (a->x < b->x || a->x > b->x)
        return a->x < b->x ? -1 : 1;
    if (a->y < b->y || a->y > b->y)
        return a->y < b->y ? -1 : 1;
    return a->index < b->index ? -1 : (a->index > b->index ? 1 : 0);
}

/* Andrew's monotone chain on the first two coordinates; `order` receives
 * indices of the hull counter-clockwise; returns their number. O(n log n):
 * `sorted` has room for n points. A point is dropped only on an exact
 * right turn or collinearity (cross <= 0): a tolerance there dropped true
 * vertices when two points' x differ by rounding noise (a vertical edge
 * whose top sorts first), which lost a corner of the polygon. */
static size_t hull(const mvec__points *points, size_t *order, size_t *scratch,
                   sort_point *sorted)
{
    size_t n = points->count;
    for (size_t i = 0; i < n; i++) {
        sorted[i].x = points->data[i * 3];
        sorted[i].y = points->data[i * 3 + 1];
        sorted[i].index = i;
    }
    qsort(sorted, n, sizeof *sorted, compare_sort_points);
    for (size_t i = 0; i < n; i++)
        scratch[i] = sorted[i].index;
    if (n < 3) {
        for (size_t i = 0; i < n; i++)
            order[i] = scratch[i];
        return n;
    }
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        while (k >= 2 && cross(points->data + order[k - 2] * 3, points->data + order[k - 1] * 3,
                               points->data + scratch[i] * 3) <= 0)
            k--;
        order[k++] = scratch[i];
    }
    size_t lower = k + 1;
    for (size_t i = n - 1; i-- > 0;) {
        while (k >= lower && cross(points->data + order[k - 2] * 3,
                                   points->data + order[k - 1] * 3,
                                   points->data + scratch[i] * 3) <= 0)
            k--;
        order[k++] = scratch[i];
    }
    return k - 1;
}

mvec_status mvec__composite_polygon(mvec_ctx *ctx, const mvec__points *sets,
                                    const double *weights, size_t count, mvec__points *out)
{
    mvec_status status = MVEC_OK;
    mvec__points points = MVEC__POINTS_INIT(3);
    size_t *order = NULL;
    size_t *scratch = NULL;
    sort_point *sorted = NULL;
    oracle o = {sets, weights, count, {0, 0, 0}};
    out->dim = 3;
    out->count = 0;
    /* Start from the most exposed vertex of each vector. */
    for (size_t v = 0; v < count; v++) {
        if (weights[v] <= 0 || sets[v].dim != 3)
            continue;
        size_t chosen = 0;
        for (size_t i = 1; i < sets[v].count; i++)
            if (sum3(sets[v].data + i * 3) > sum3(sets[v].data + chosen * 3))
                chosen = i;
        for (int d = 0; d < 3 && sets[v].count > 0; d++)
            o.start[d] += weights[v] * sets[v].data[chosen * 3 + d];
    }
    if (!(sum3(o.start) > 0))
        return MVEC_OK; /* no great-power exposure anywhere: U is empty */
    static const double directions[6][3] = {{1, 0, 0},  {0, 1, 0},  {0, 0, 1},
                                            {-1, 0, 0}, {0, -1, 0}, {0, 0, -1}};
    double u[3];
    for (int i = 0; i < 6; i++) {
        support(&o, directions[i], u);
        MVEC_TRY(mvec__points_add_unique(ctx, &points, u));
    }
    MVEC_TRY(mvec__calloc(ctx, MAX_POLYGON_VERTICES + 1, sizeof *order, &order));
    MVEC_TRY(mvec__calloc(ctx, MAX_POLYGON_VERTICES + 1, sizeof *scratch, &scratch));
    MVEC_TRY(mvec__calloc(ctx, MAX_POLYGON_VERTICES + 1, sizeof *sorted, &sorted));
    for (;;) {
        MVEC_TRY(mvec__check_cancel(ctx));
        if (points.count > MAX_POLYGON_VERTICES)
            MVEC_FAIL(ctx, MVEC_ERR_LIMIT, "composite polygon has too many vertices");
        size_t n = hull(&points, order, scratch, sorted);
        if (n < 2)
            break;
        bool grown = false;
        for (size_t i = 0; i < n && !grown; i++) {
            const double *a = points.data + order[i] * 3;
            const double *b = points.data + order[(i + 1) % n] * 3;
            /* outward normal of a counter-clockwise edge, lifted to 3D */
            double c[3] = {b[1] - a[1], -(b[0] - a[0]), 0};
            support(&o, c, u);
            double reach = c[0] * u[0] + c[1] * u[1];
            double edge = c[0] * a[0] + c[1] * a[1];
            if (reach > edge + EPSILON) {
                size_t before = points.count;
                MVEC_TRY(mvec__points_add_unique(ctx, &points, u));
                grown = points.count > before;
            }
        }
        if (!grown)
            break;
    }
    size_t n = hull(&points, order, scratch, sorted);
    for (size_t i = 0; i < n; i++)
        MVEC_TRY(mvec__points_add(ctx, out, points.data + order[i] * 3));
    if (n == 0 && points.count > 0)
        MVEC_TRY(mvec__points_add(ctx, out, points.data));
cleanup:
    mvec__points_clear(ctx, &points);
    mvec__free(ctx, order);
    mvec__free(ctx, scratch);
    mvec__free(ctx, sorted);
    return status;
}

/* ---- any number of great powers: support oracle and linear programmes ------------------- */

/*
 * With N great powers the image U of the composite lies in the (N-1)-simplex
 * and its vertices can be too many to list. Every bound is computed from
 * the vectors' vertex sets V_v directly (m = sum_v |V_v| vertices in all):
 *
 *   - linear functions over U: Dinkelbach's method as above, each step one
 *     pass over the m vertices (O(m N) per step);
 *   - min HHI: Wolfe's minimum-norm point with that oracle (min_norm.c);
 *   - lead margin: linear programmes over U. With the Charnes-Cooper
 *     substitution mu_vi = lambda_vi / (1 . S), s = 1 / (1 . S), the image
 *     u = sum_v w_v sum_i mu_vi V_vi is linear, with sum_i mu_vi = s for
 *     each vector and 1 . u = 1, so "u in U" is a set of linear rows over
 *     m + 1 variables (N + N(N-1) programmes, as for one vector);
 *   - max HHI (convex, so at a vertex of U): branch and bound over boxes
 *     of u. On a box [l, h] the concave envelope of u_d^2 is the secant
 *     (l_d + h_d) u_d - l_d h_d, so one linear programme gives an upper
 *     bound, and its solution a feasible value; a box is split at the
 *     solution's coordinate of largest envelope gap. Boxes whose bound is
 *     within HHI_TOLERANCE of the best value are closed; the reported
 *     maximum is the largest bound of a closed box, so the interval of
 *     balance contains the exact one and is at most HHI_TOLERANCE wider.
 */
enum { BRANCH_NODE_LIMIT = 20000, ASCENT_STEPS = 50 };
static const double HHI_TOLERANCE = 1e-9;

typedef struct image_set {
    size_t dim;                /* N */
    size_t count;              /* vectors with a positive weight and vertices */
    const mvec__points **sets; /* count */
    double *weights;           /* count */
    size_t vertex_total;       /* m */
    double *start;             /* a composite point with positive exposure (dim) */
} image_set;

static double dot_n(const double *a, const double *b, size_t n)
{
    double sum = 0;
    for (size_t d = 0; d < n; d++)
        sum += a[d] * b[d];
    return sum;
}

static double total_n(const double *a, size_t n)
{
    double sum = 0;
    for (size_t d = 0; d < n; d++)
        sum += a[d];
    return sum;
}

/* Maximise c . u over U (Dinkelbach); u receives the maximiser. scratch has
 * 2 N entries. */
static void support_n(const image_set *set, const double *c, double *u, double *scratch)
{
    size_t n = set->dim;
    double *best = scratch;
    double *s = scratch + n;
    memcpy(best, set->start, n * sizeof *best);
    double theta = dot_n(c, best, n) / total_n(best, n);
    for (int step = 0; step < DINKELBACH_STEPS; step++) {
        memset(s, 0, n * sizeof *s);
        for (size_t v = 0; v < set->count; v++) {
            const mvec__points *points = set->sets[v];
            size_t chosen = 0;
            double chosen_value = -INFINITY;
            for (size_t i = 0; i < points->count; i++) {
                const double *p = points->data + i * n;
                double value = dot_n(c, p, n) - theta * total_n(p, n);
                if (value > chosen_value) {
                    chosen_value = value;
                    chosen = i;
                }
            }
            for (size_t d = 0; d < n; d++)
                s[d] += set->weights[v] * points->data[chosen * n + d];
        }
        double gain = dot_n(c, s, n) - theta * total_n(s, n);
        if (gain <= EPSILON * (1 + fabs(theta)) || total_n(s, n) <= 0)
            break;
        memcpy(best, s, n * sizeof *best);
        theta = dot_n(c, s, n) / total_n(s, n);
    }
    double total = total_n(best, n);
    for (size_t d = 0; d < n; d++)
        u[d] = best[d] / total;
}

typedef struct oracle_user {
    const image_set *set;
    double *direction;
    double *scratch;
} oracle_user;

/* The linear-minimisation oracle of U for Wolfe's method. */
static mvec_status minimise_over_image(void *user, const double *direction, double *out)
{
    oracle_user *o = user;
    for (size_t d = 0; d < o->set->dim; d++)
        o->direction[d] = -direction[d];
    support_n(o->set, o->direction, out, o->scratch);
    return MVEC_OK;
}

/* One linear programme over U: optimise objective . u (+ z_objective z)
 * subject to row_lo[r] <= rows[r] . u (+ z_coefficient[r] z) <= row_hi[r].
 * z is a free variable present when z_coefficient is not NULL. u_out (may be
 * NULL) receives the optimal u. */
typedef struct image_lp {
    const double *objective; /* dim */
    double z_objective;
    size_t row_count;
    const double *rows;      /* row_count x dim */
    const double *row_lo;
    const double *row_hi;
    const double *z_coefficient; /* row_count, or NULL: no z */
    bool maximise;
} image_lp;

static mvec_status solve_over_image(mvec_ctx *ctx, const image_set *set, const image_lp *problem,
                                    double *value, bool *feasible, double *u_out)
{
    mvec_status status = MVEC_OK;
    size_t n = set->dim;
    size_t m = set->vertex_total;
    bool has_z = problem->z_coefficient != NULL;
    size_t variables = m + 1 + (has_z ? 1 : 0); /* mu..., s, z */
    size_t rows = set->count + 1 + problem->row_count;
    double *solution = NULL;
    mvec__lp_arrays arrays = {NULL, NULL, NULL, NULL, NULL};
    MVEC_TRY(mvec__lp_arrays_alloc(ctx, variables, rows, &arrays));
    MVEC_TRY(mvec__calloc(ctx, variables, sizeof *solution, &solution));
    double *objective = arrays.objective;
    double *matrix = arrays.matrix;
    double *row_lo = arrays.row_lo;
    double *row_hi = arrays.row_hi;
    bool *free_variable = arrays.free_variable;
    size_t column = 0;
    for (size_t v = 0; v < set->count; v++) {
        const mvec__points *points = set->sets[v];
        double w = set->weights[v];
        for (size_t i = 0; i < points->count; i++, column++) {
            const double *p = points->data + i * n;
            objective[column] = w * dot_n(problem->objective, p, n);
            matrix[v * variables + column] = 1.0;                 /* sum_i mu_vi - s = 0 */
            matrix[set->count * variables + column] = w * total_n(p, n); /* 1 . u = 1 */
            for (size_t r = 0; r < problem->row_count; r++)
                matrix[(set->count + 1 + r) * variables + column] =
                    w * dot_n(problem->rows + r * n, p, n);
        }
    }
    for (size_t v = 0; v < set->count; v++)
        matrix[v * variables + m] = -1.0;
    row_lo[set->count] = row_hi[set->count] = 1.0;
    for (size_t r = 0; r < problem->row_count; r++) {
        row_lo[set->count + 1 + r] = problem->row_lo[r];
        row_hi[set->count + 1 + r] = problem->row_hi[r];
        if (has_z)
            matrix[(set->count + 1 + r) * variables + m + 1] = problem->z_coefficient[r];
    }
    if (has_z) {
        objective[m + 1] = problem->z_objective;
        free_variable[m + 1] = true;
    }
    mvec__lp lp = {
        .variable_count = variables,
        .row_count = rows,
        .objective = objective,
        .matrix = matrix,
        .row_lo = row_lo,
        .row_hi = row_hi,
        .free_variable = free_variable,
        .maximise = problem->maximise,
        .solution = solution,
    };
    MVEC_TRY(mvec__lp_solve(ctx, &lp, value, feasible));
    if (*feasible && u_out != NULL) {
        memset(u_out, 0, n * sizeof *u_out);
        column = 0;
        for (size_t v = 0; v < set->count; v++)
            for (size_t i = 0; i < set->sets[v]->count; i++, column++)
                for (size_t d = 0; d < n; d++)
                    u_out[d] +=
                        set->weights[v] * solution[column] * set->sets[v]->data[i * n + d];
    }
cleanup:
    mvec__lp_arrays_free(ctx, &arrays);
    mvec__free(ctx, solution);
    return status;
}

/* Lead margin over U: max over a of max min_c (u_a - u_c), and min over
 * ordered pairs (a first, b second) of u_a - u_b. */
static mvec_status image_margin(mvec_ctx *ctx, const image_set *set, mvec_interval *margin)
{
    mvec_status status = MVEC_OK;
    size_t n = set->dim;
    double *objective = NULL;
    double *rows = NULL;
    double *lo = NULL;
    double *hi = NULL;
    double *z = NULL;
    size_t max_rows = 2 * n;
    MVEC_TRY(mvec__calloc(ctx, n, sizeof *objective, &objective));
    MVEC_TRY(mvec__calloc(ctx, max_rows * n, sizeof *rows, &rows));
    MVEC_TRY(mvec__calloc(ctx, max_rows, sizeof *lo, &lo));
    MVEC_TRY(mvec__calloc(ctx, max_rows, sizeof *hi, &hi));
    MVEC_TRY(mvec__calloc(ctx, max_rows, sizeof *z, &z));
    double margin_max = 0;
    double margin_min = INFINITY;
    for (size_t a = 0; a < n; a++) {
        MVEC_TRY(mvec__check_cancel(ctx));
        /* max z subject to u_a - u_c - z >= 0 for every c != a */
        memset(objective, 0, n * sizeof *objective);
        memset(rows, 0, max_rows * n * sizeof *rows);
        size_t r = 0;
        for (size_t c = 0; c < n; c++) {
            if (c == a)
                continue;
            rows[r * n + a] = 1;
            rows[r * n + c] = -1;
            z[r] = -1;
            lo[r] = 0;
            hi[r] = INFINITY;
            r++;
        }
        image_lp lead = {objective, 1.0, r, rows, lo, hi, z, true};
        double value = 0;
        bool feasible = false;
        MVEC_TRY(solve_over_image(ctx, set, &lead, &value, &feasible, NULL));
        if (feasible && value > margin_max)
            margin_max = value;
        for (size_t b = 0; b < n; b++) {
            if (b == a)
                continue;
            /* min u_a - u_b subject to a first and b second */
            memset(objective, 0, n * sizeof *objective);
            memset(rows, 0, max_rows * n * sizeof *rows);
            objective[a] = 1;
            objective[b] = -1;
            r = 0;
            for (size_t c = 0; c < n; c++) {
                if (c == a)
                    continue;
                rows[r * n + a] = 1;
                rows[r * n + c] = -1;
                lo[r] = 0;
                hi[r] = INFINITY;
                r++;
            }
            for (size_t c = 0; c < n; c++) {
                if (c == a || c == b)
                    continue;
                rows[r * n + b] = 1;
                rows[r * n + c] = -1;
                lo[r] = 0;
                hi[r] = INFINITY;
                r++;
            }
            image_lp gap = {objective, 0.0, r, rows, lo, hi, NULL, false};
            MVEC_TRY(solve_over_image(ctx, set, &gap, &value, &feasible, NULL));
            if (feasible && value < margin_min)
                margin_min = value;
        }
    }
    margin->lo = margin_min < EPSILON ? 0 : margin_min;
    margin->hi = margin_max;
cleanup:
    mvec__free(ctx, objective);
    mvec__free(ctx, rows);
    mvec__free(ctx, lo);
    mvec__free(ctx, hi);
    mvec__free(ctx, z);
    return status;
}

typedef struct box {
    double bound; /* upper bound of HHI over U in the box (parent's until solved) */
    size_t offset; /* into the box store: lo then hi, dim each */
} box;

/* Max of HHI(u) = |u|^2 over U by branch and bound (see above). */
static mvec_status image_hhi_max(mvec_ctx *ctx, const image_set *set, double *out)
{
    mvec_status status = MVEC_OK;
    size_t n = set->dim;
    double *store = NULL;
    size_t store_capacity = 0;
    size_t store_used = 0;
    box *open = NULL;
    size_t open_capacity = 0;
    size_t open_count = 0;
    double *scratch = NULL;
    double *u = NULL;
    double *c = NULL;
    double *objective = NULL;
    double *rows = NULL;
    double *lo = NULL;
    double *hi = NULL;
    MVEC_TRY(mvec__calloc(ctx, 2 * n, sizeof *scratch, &scratch));
    MVEC_TRY(mvec__calloc(ctx, n, sizeof *u, &u));
    MVEC_TRY(mvec__calloc(ctx, n, sizeof *c, &c));
    MVEC_TRY(mvec__calloc(ctx, n, sizeof *objective, &objective));
    MVEC_TRY(mvec__calloc(ctx, n * n, sizeof *rows, &rows));
    MVEC_TRY(mvec__calloc(ctx, n, sizeof *lo, &lo));
    MVEC_TRY(mvec__calloc(ctx, n, sizeof *hi, &hi));
    for (size_t d = 0; d < n; d++)
        rows[d * n + d] = 1;
    /* Root box and a first best value: the extremes of each coordinate, then
     * ascent along the gradient 2u from each (support points are vertices). */
    MVEC_TRY(mvec__grow(ctx, &store, &store_capacity, 2 * n, sizeof *store));
    double best = 0;
    for (size_t d = 0; d < n; d++) {
        for (int sign = -1; sign <= 1; sign += 2) {
            memset(c, 0, n * sizeof *c);
            c[d] = sign;
            support_n(set, c, u, scratch);
            if (sign < 0)
                store[d] = u[d];
            else
                store[n + d] = u[d];
            for (int step = 0; step < ASCENT_STEPS; step++) {
                double value = dot_n(u, u, n);
                if (value > best)
                    best = value;
                memcpy(c, u, n * sizeof *c);
                support_n(set, c, u, scratch);
                if (dot_n(u, u, n) <= value + HHI_TOLERANCE)
                    break;
            }
        }
    }
    store_used = 2 * n;
    double closed_bound = best;
    MVEC_TRY(mvec__grow(ctx, &open, &open_capacity, 1, sizeof *open));
    open[0].bound = INFINITY;
    open[0].offset = 0;
    open_count = 1;
    size_t nodes = 0;
    while (open_count > 0) {
        MVEC_TRY(mvec__check_cancel(ctx));
        /* best-first: the open box of largest bound */
        size_t pick = 0;
        for (size_t i = 1; i < open_count; i++)
            if (open[i].bound > open[pick].bound)
                pick = i;
        box current = open[pick];
        open[pick] = open[--open_count];
        if (current.bound <= best + HHI_TOLERANCE) {
            closed_bound = current.bound > closed_bound ? current.bound : closed_bound;
            continue;
        }
        if (++nodes > BRANCH_NODE_LIMIT)
            MVEC_FAIL(ctx, MVEC_ERR_LIMIT,
                      "maximum concentration of the composite not found within %d boxes",
                      BRANCH_NODE_LIMIT);
        const double *box_lo = store + current.offset;
        const double *box_hi = store + current.offset + n;
        double constant = 0;
        for (size_t d = 0; d < n; d++) {
            objective[d] = box_lo[d] + box_hi[d];
            constant += box_lo[d] * box_hi[d];
            lo[d] = box_lo[d];
            hi[d] = box_hi[d];
        }
        image_lp envelope = {objective, 0.0, n, rows, lo, hi, NULL, true};
        double value = 0;
        bool feasible = false;
        MVEC_TRY(solve_over_image(ctx, set, &envelope, &value, &feasible, u));
        if (!feasible)
            continue;
        double bound = value - constant;
        double at = dot_n(u, u, n);
        if (at > best)
            best = at;
        if (bound <= best + HHI_TOLERANCE) {
            closed_bound = bound > closed_bound ? bound : closed_bound;
            continue;
        }
        /* split where the envelope is loosest at the solution */
        size_t split = 0;
        double widest = -1;
        for (size_t d = 0; d < n; d++) {
            double gap = (box_hi[d] - u[d]) * (u[d] - box_lo[d]);
            if (gap > widest) {
                widest = gap;
                split = d;
            }
        }
        double width = box_hi[split] - box_lo[split];
        double at_split = u[split];
        if (!(at_split > box_lo[split] + 0.05 * width && at_split < box_hi[split] - 0.05 * width))
            at_split = box_lo[split] + 0.5 * width;
        MVEC_TRY(mvec__grow(ctx, &store, &store_capacity, store_used + 4 * n, sizeof *store));
        MVEC_TRY(mvec__grow(ctx, &open, &open_capacity, open_count + 2, sizeof *open));
        box_lo = store + current.offset; /* the store may have moved */
        for (int child = 0; child < 2; child++) {
            double *child_lo = store + store_used;
            double *child_hi = child_lo + n;
            memcpy(child_lo, store + current.offset, n * sizeof *child_lo);
            memcpy(child_hi, store + current.offset + n, n * sizeof *child_hi);
            if (child == 0)
                child_hi[split] = at_split;
            else
                child_lo[split] = at_split;
            open[open_count].bound = bound;
            open[open_count].offset = store_used;
            open_count++;
            store_used += 2 * n;
        }
    }
    *out = closed_bound > best ? closed_bound : best;
cleanup:
    mvec__free(ctx, store);
    mvec__free(ctx, open);
    mvec__free(ctx, scratch);
    mvec__free(ctx, u);
    mvec__free(ctx, c);
    mvec__free(ctx, objective);
    mvec__free(ctx, rows);
    mvec__free(ctx, lo);
    mvec__free(ctx, hi);
    return status;
}

mvec_status mvec__composite_image_bounds(mvec_ctx *ctx, const mvec__points *sets,
                                         const double *weights, size_t count, size_t great,
                                         mvec__balance_result *out)
{
    mvec_status status = MVEC_OK;
    image_set set = {great, 0, NULL, NULL, 0, NULL};
    double *scratch = NULL;
    double *direction = NULL;
    double *u = NULL;
    double *c = NULL;
    out->balance.lo = out->balance.hi = NAN;
    out->margin.lo = out->margin.hi = NAN;
    out->leader = SIZE_MAX;
    if (great < 2)
        return MVEC_OK;
    MVEC_TRY(mvec__calloc(ctx, count ? count : 1, sizeof *set.sets, &set.sets));
    MVEC_TRY(mvec__calloc(ctx, count ? count : 1, sizeof *set.weights, &set.weights));
    MVEC_TRY(mvec__calloc(ctx, great, sizeof *set.start, &set.start));
    MVEC_TRY(mvec__calloc(ctx, 2 * great, sizeof *scratch, &scratch));
    MVEC_TRY(mvec__calloc(ctx, great, sizeof *direction, &direction));
    MVEC_TRY(mvec__calloc(ctx, great, sizeof *u, &u));
    MVEC_TRY(mvec__calloc(ctx, great, sizeof *c, &c));
    for (size_t v = 0; v < count; v++) {
        if (!(weights[v] > 0) || sets[v].count == 0 || sets[v].dim != great)
            continue;
        set.sets[set.count] = &sets[v];
        set.weights[set.count] = weights[v];
        set.vertex_total += sets[v].count;
        set.count++;
        /* start from the most exposed vertex of each vector */
        size_t chosen = 0;
        for (size_t i = 1; i < sets[v].count; i++)
            if (total_n(sets[v].data + i * great, great) >
                total_n(sets[v].data + chosen * great, great))
                chosen = i;
        for (size_t d = 0; d < great; d++)
            set.start[d] += weights[v] * sets[v].data[chosen * great + d];
    }
    if (!(total_n(set.start, great) > EPSILON))
        goto cleanup; /* no great-power exposure anywhere: U is empty */

    /* Certain leader: u_a - u_b > 0 at every point of U, i.e. the maximum of
     * u_b - u_a is negative, for every b. */
    for (size_t a = 0; a < great && out->leader == SIZE_MAX; a++) {
        bool leads = true;
        for (size_t b = 0; b < great && leads; b++) {
            if (b == a)
                continue;
            memset(c, 0, great * sizeof *c);
            c[b] = 1;
            c[a] = -1;
            support_n(&set, c, u, scratch);
            leads = u[a] - u[b] > 1e-12;
        }
        if (leads)
            out->leader = a;
    }
    /* min HHI: Wolfe's minimum-norm point over U */
    double *start_u = direction; /* reused below as the oracle's buffer only after use */
    double total = total_n(set.start, great);
    for (size_t d = 0; d < great; d++)
        u[d] = set.start[d] / total;
    memcpy(start_u, u, great * sizeof *u);
    double *nearest = NULL;
    MVEC_TRY(mvec__calloc(ctx, great, sizeof *nearest, &nearest));
    oracle_user user = {&set, c, scratch};
    status = mvec__min_norm_oracle(ctx, great, minimise_over_image, &user, start_u, nearest);
    double hhi_min = dot_n(nearest, nearest, great);
    mvec__free(ctx, nearest);
    MVEC_TRY(status);
    double hhi_max = 0;
    MVEC_TRY(image_hhi_max(ctx, &set, &hhi_max));
    out->balance.lo = mvec__balance_of_hhi(hhi_max, great);
    out->balance.hi = mvec__balance_of_hhi(hhi_min, great);
    if (out->balance.lo < 0 && out->balance.lo > -1e-9)
        out->balance.lo = 0;
    if (out->balance.hi > 1 && out->balance.hi < 1 + 1e-9)
        out->balance.hi = 1;
    MVEC_TRY(image_margin(ctx, &set, &out->margin));
cleanup:
    mvec__free(ctx, set.sets);
    mvec__free(ctx, set.weights);
    mvec__free(ctx, set.start);
    mvec__free(ctx, scratch);
    mvec__free(ctx, direction);
    mvec__free(ctx, u);
    mvec__free(ctx, c);
    return status;
}

/* ---- weights and the composite -------------------------------------------------------- */

mvec_status mvec__weights_parse(mvec_ctx *ctx, mvec__arena *arena, const char *text,
                                mvec__weight_setting **out, size_t *count)
{
    mvec_status status = MVEC_OK;
    const char *copy_const = NULL;
    *out = NULL;
    *count = 0;
    if (text == NULL || text[0] == '\0')
        return MVEC_OK;
    MVEC_TRY(mvec__arena_strdup(ctx, arena, text, &copy_const));
    char *copy = (char *)(uintptr_t)copy_const;
    size_t items = 1;
    for (const char *p = copy; *p; p++)
        items += *p == ',' ? 1u : 0u;
    mvec__weight_setting *settings = NULL;
    MVEC_TRY(mvec__arena_alloc(ctx, arena, items * sizeof *settings, &settings));
    char *save = NULL;
    for (char *part = strtok_r(copy, ",", &save); part != NULL; part = strtok_r(NULL, ",", &save)) {
        char *equals = strchr(part, '=');
        if (equals == NULL || equals == part)
            MVEC_FAIL(ctx, MVEC_ERR_INVALID,
                      "invalid weight '%s' (expected VECTOR=NUMBER, e.g. trade.exports=2)",
                      part);
        *equals = '\0';
        double weight;
        const char *reason;
        if (!mvec__parse_number(equals + 1, &weight, &reason))
            MVEC_FAIL(ctx, MVEC_ERR_INVALID,
                      "invalid weight '%s' for %s: %s (a weight is a finite number >= 0)",
                      equals + 1, part, reason);
        if (!isfinite(weight) || weight < 0)
            MVEC_FAIL(ctx, MVEC_ERR_INVALID,
                      "invalid weight '%s' for %s (a weight is a finite number >= 0)",
                      equals + 1, part);
        /* O(k^2) for k weights; k is at most the number of vectors */
        for (size_t i = 0; i < *count; i++)
            if (strcmp(settings[i].vector, part) == 0)
                MVEC_FAIL(ctx, MVEC_ERR_INVALID,
                          "a weight for %s is given twice (%g and %s): give each vector once",
                          part, settings[i].weight, equals + 1);
        settings[*count].vector = part;
        settings[*count].weight = weight;
        (*count)++;
    }
    *out = settings;
cleanup:
    return status;
}

static mvec_status composite_text(mvec_ctx *ctx, mvec__arena *arena,
                                  const mvec_vector_profile *vectors, size_t vector_count,
                                  const double *raw, mvec_composite *composite)
{
    mvec__buf text = MVEC__BUF_INIT(1 << 16);
    mvec_status status = MVEC_OK;
    for (size_t v = 0; v < vector_count; v++) {
        if (vectors[v].status != NULL)
            continue;
        char number[32];
        mvec__format_c(number, sizeof number, "%g", raw[v]);
        MVEC_TRY(mvec__buf_printf(ctx, &text, "%s%s=%s", text.length ? " " : "",
                                  vectors[v].vector, number));
    }
    MVEC_TRY(mvec__arena_strdup(ctx, arena, text.length ? text.data : "",
                                &composite->weights_text));
cleanup:
    mvec__buf_clear(ctx, &text);
    return status;
}

/* Balance, margin and leader of the composite, by the number of great powers. */
static mvec_status composite_balance(mvec_ctx *ctx, const mvec__points *vertex_sets,
                                     const double *weights, size_t vector_count, size_t great,
                                     mvec__balance_result *balance)
{
    mvec_status status = MVEC_OK;
    mvec__points polygon = MVEC__POINTS_INIT(0);
    if (great == 3) {
        /* exact: trace the polygon of normalised shares */
        MVEC_TRY(mvec__composite_polygon(ctx, vertex_sets, weights, vector_count, &polygon));
        MVEC_TRY(mvec__balance_bounds(ctx, &polygon, balance));
    } else {
        MVEC_TRY(mvec__composite_image_bounds(ctx, vertex_sets, weights, vector_count, great,
                                              balance));
    }
cleanup:
    mvec__points_clear(ctx, &polygon);
    return status;
}

mvec_status mvec__composite_build(mvec_ctx *ctx, mvec__arena *arena,
                                  const mvec_bloc_scheme *scheme, mvec_vector_profile *vectors,
                                  size_t vector_count, const mvec__points *vertex_sets,
                                  const mvec__weight_setting *settings, size_t setting_count,
                                  mvec_composite *composite)
{
    mvec_status status = MVEC_OK;
    size_t blocs = mvec_bloc_count(scheme);
    size_t slots = vector_count ? vector_count : 1;
    double *raw = NULL;
    double *weights = NULL;
    mvec_interval *shares = NULL;
    composite->leader = SIZE_MAX;
    composite->balance.lo = composite->balance.hi = NAN;
    composite->margin.lo = composite->margin.hi = NAN;
    MVEC_TRY(mvec__calloc(ctx, slots, sizeof *raw, &raw));
    MVEC_TRY(mvec__calloc(ctx, slots, sizeof *weights, &weights));
    bool has_exports = false;
    bool has_imports = false;
    for (size_t v = 0; v < vector_count; v++) {
        const mvec_vector_profile *vp = &vectors[v];
        has_exports = has_exports || (vp->status == NULL && !strcmp(vp->vector, "trade.exports"));
        has_imports = has_imports || (vp->status == NULL && !strcmp(vp->vector, "trade.imports"));
    }
    for (size_t v = 0; v < vector_count; v++) {
        if (vectors[v].status != NULL)
            continue;
        /* Trade counted once by default: turnover is exports plus imports. */
        raw[v] = strcmp(vectors[v].vector, "trade.total") == 0 && has_exports && has_imports ? 0
                                                                                            : 1;
    }
    for (size_t i = 0; i < setting_count; i++)
        for (size_t v = 0; v < vector_count; v++)
            if (vectors[v].status == NULL && strcmp(settings[i].vector, vectors[v].vector) == 0)
                raw[v] = settings[i].weight;
    MVEC_TRY(composite_text(ctx, arena, vectors, vector_count, raw, composite));
    /* Normalise without overflow: divide by the largest weight first. */
    double largest = 0;
    for (size_t v = 0; v < vector_count; v++)
        largest = raw[v] > largest ? raw[v] : largest;
    double total = 0;
    for (size_t v = 0; v < vector_count && largest > 0; v++)
        total += raw[v] / largest;
    MVEC_TRY(mvec__arena_alloc(ctx, arena, (blocs ? blocs : 1) * sizeof *shares, &shares));
    composite->bloc_shares = shares;
    if (!(largest > 0) || !(total > 0)) {
        composite->status = "no vector with a result and a positive weight";
        goto cleanup;
    }
    size_t great = 0;
    for (size_t b = 0; b < blocs; b++)
        great += mvec_bloc_is_great_power(scheme, b) ? 1u : 0u;
    for (size_t v = 0; v < vector_count; v++) {
        mvec_vector_profile *vp = &vectors[v];
        if (raw[v] <= 0)
            continue;
        double w = raw[v] / largest / total;
        vp->weight = w;
        weights[v] = w;
        composite->vector_count++;
        for (size_t b = 0; b < blocs; b++) {
            shares[b].lo += w * vp->bloc_shares[b].lo;
            shares[b].hi += w * vp->bloc_shares[b].hi;
        }
        composite->exposure.lo += w * vp->exposure.lo;
        composite->exposure.hi += w * vp->exposure.hi;
    }
    mvec__balance_result balance;
    status = composite_balance(ctx, vertex_sets, weights, vector_count, great, &balance);
    if (status == MVEC_ERR_LIMIT || status == MVEC_ERR_SOLVER) {
        /* reported for the composite only; the vectors stand */
        composite->status = status == MVEC_ERR_SOLVER
                                ? "balance and margin not computed: the linear-programming "
                                  "solver (GLPK) failed"
                                : "balance and margin not computed: the bound computation "
                                  "exceeded its limit";
        mvec_ctx_clear_error(ctx);
        status = MVEC_OK;
        goto cleanup;
    }
    MVEC_TRY(status);
    composite->balance = balance.balance;
    composite->margin = balance.margin;
    if (balance.leader != SIZE_MAX)
        for (size_t b = 0, p = 0; b < blocs; b++)
            if (mvec_bloc_is_great_power(scheme, b) && p++ == balance.leader)
                composite->leader = b;
cleanup:
    mvec__free(ctx, raw);
    mvec__free(ctx, weights);
    return status;
}
