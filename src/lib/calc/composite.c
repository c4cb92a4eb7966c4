/*
 * composite.c - the normalised great-power shares the composite can take,
 * traced exactly as a polygon when there are three great powers.
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
#include <string.h>

#include "calc_internal.h"

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

/* Andrew's monotone chain on the first two coordinates; `order` receives
 * indices of the hull counter-clockwise; returns their number. */
static size_t hull(const mvec__points *points, size_t *order, size_t *scratch)
{
    size_t n = points->count;
    for (size_t i = 0; i < n; i++)
        scratch[i] = i;
    for (size_t i = 1; i < n; i++) { /* sort by x, then y */
        size_t current = scratch[i];
        const double *p = points->data + current * 3;
        size_t j = i;
        while (j > 0) {
            const double *q = points->data + scratch[j - 1] * 3;
            if (q[0] < p[0] || (q[0] <= p[0] && q[1] <= p[1]))
                break;
            scratch[j] = scratch[j - 1];
            j--;
        }
        scratch[j] = current;
    }
    if (n < 3) {
        for (size_t i = 0; i < n; i++)
            order[i] = scratch[i];
        return n;
    }
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        while (k >= 2 && cross(points->data + order[k - 2] * 3, points->data + order[k - 1] * 3,
                               points->data + scratch[i] * 3) <= EPSILON)
            k--;
        order[k++] = scratch[i];
    }
    size_t lower = k + 1;
    for (size_t i = n - 1; i-- > 0;) {
        while (k >= lower && cross(points->data + order[k - 2] * 3,
                                   points->data + order[k - 1] * 3,
                                   points->data + scratch[i] * 3) <= EPSILON)
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
    for (;;) {
        if (points.count > MAX_POLYGON_VERTICES)
            MVEC_FAIL(ctx, MVEC_ERR_LIMIT, "composite polygon has too many vertices");
        size_t n = hull(&points, order, scratch);
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
    size_t n = hull(&points, order, scratch);
    for (size_t i = 0; i < n; i++)
        MVEC_TRY(mvec__points_add(ctx, out, points.data + order[i] * 3));
    if (n == 0 && points.count > 0)
        MVEC_TRY(mvec__points_add(ctx, out, points.data));
cleanup:
    mvec__points_clear(ctx, &points);
    mvec__free(ctx, order);
    mvec__free(ctx, scratch);
    return status;
}
