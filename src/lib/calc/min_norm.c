/*
 * min_norm.c - the point of a convex hull nearest the origin, by Wolfe's
 * algorithm (P. Wolfe, "Finding the nearest point in a polytope",
 * Mathematical Programming 11, 1976, 128-149).
 *
 * The algorithm keeps a "corral": an affinely independent subset S of the
 * points with convex weights. A major step adds the point most in the
 * direction of -x; a minor step moves to the affine minimiser of S and, if
 * that leaves the hull of S, walks back to its boundary and drops points.
 * The affine minimiser solves the small system [G 1; 1' 0][w; r] = [0; 1]
 * with G the Gram matrix of S; GSL's SVD solves it robustly.
 */
#include <gsl/gsl_errno.h>
#include <gsl/gsl_linalg.h>
#include <gsl/gsl_matrix.h>
#include <gsl/gsl_vector.h>
#include <math.h>
#include <pthread.h>
#include <string.h>

#include "calc_internal.h"

static const double TOLERANCE = 1e-12;
enum { MAX_ITERATIONS = 10000 };

static double dot(const double *a, const double *b, size_t dim)
{
    double sum = 0;
    for (size_t d = 0; d < dim; d++)
        sum += a[d] * b[d];
    return sum;
}

/* GSL's default error handler aborts; a library must return instead. The
 * handler is one process-wide pointer, so it is switched off once, never
 * swapped per call (two threads swapping it would race). */
static pthread_once_t gsl_handler_once = PTHREAD_ONCE_INIT;

static void switch_gsl_handler_off(void)
{
    gsl_set_error_handler_off();
}

/* Weights w (summing to 1) of the affine minimiser of the corral. */
static mvec_status affine_minimiser(mvec_ctx *ctx, const mvec__points *points,
                                    const size_t *corral, size_t size, double *weights)
{
    size_t n = size + 1;
    pthread_once(&gsl_handler_once, switch_gsl_handler_off);
    gsl_matrix *a = gsl_matrix_alloc(n, n);
    gsl_matrix *v = gsl_matrix_alloc(n, n);
    gsl_vector *s = gsl_vector_alloc(n);
    gsl_vector *work = gsl_vector_alloc(n);
    gsl_vector *b = gsl_vector_alloc(n);
    gsl_vector *x = gsl_vector_alloc(n);
    mvec_status status = MVEC_OK;
    if (!a || !v || !s || !work || !b || !x) {
        status = mvec__error(ctx, MVEC_ERR_NOMEM, "out of memory (minimum-norm point)");
        goto cleanup;
    }
    for (size_t i = 0; i < size; i++) {
        const double *pi = points->data + corral[i] * points->dim;
        for (size_t j = 0; j < size; j++) {
            const double *pj = points->data + corral[j] * points->dim;
            gsl_matrix_set(a, i, j, dot(pi, pj, points->dim));
        }
        gsl_matrix_set(a, i, size, 1.0);
        gsl_matrix_set(a, size, i, 1.0);
        gsl_vector_set(b, i, 0.0);
    }
    gsl_matrix_set(a, size, size, 0.0);
    gsl_vector_set(b, size, 1.0);
    if (gsl_linalg_SV_decomp(a, v, s, work) != 0) {
        status = mvec__error(ctx, MVEC_ERR_SOLVER, "SVD failed (minimum-norm point)");
        goto cleanup;
    }
    /* Drop singular values that are noise, so a near-degenerate corral
     * yields the least-squares solution instead of a blow-up. */
    double largest = gsl_vector_get(s, 0);
    for (size_t i = 0; i < n; i++)
        if (gsl_vector_get(s, i) < largest * 1e-13)
            gsl_vector_set(s, i, 0.0);
    gsl_linalg_SV_solve(a, v, s, b, x);
    double total = 0;
    for (size_t i = 0; i < size; i++) {
        weights[i] = gsl_vector_get(x, i);
        total += weights[i];
    }
    if (fabs(total) > TOLERANCE)
        for (size_t i = 0; i < size; i++)
            weights[i] /= total;
cleanup:
    gsl_matrix_free(a);
    gsl_matrix_free(v);
    gsl_vector_free(s);
    gsl_vector_free(work);
    gsl_vector_free(b);
    gsl_vector_free(x);
    return status;
}

static void combine(const mvec__points *points, const size_t *corral, const double *weights,
                    size_t size, double *out)
{
    memset(out, 0, points->dim * sizeof *out);
    for (size_t i = 0; i < size; i++) {
        const double *p = points->data + corral[i] * points->dim;
        for (size_t d = 0; d < points->dim; d++)
            out[d] += weights[i] * p[d];
    }
}

mvec_status mvec__min_norm_point(mvec_ctx *ctx, const mvec__points *points, double *out)
{
    mvec_status status = MVEC_OK;
    size_t dim = points->dim;
    size_t capacity = dim + 2;
    size_t *corral = NULL;
    double *lambda = NULL;
    double *mu = NULL;
    double *y = NULL;
    if (points->count == 0)
        return mvec__error(ctx, MVEC_ERR_INTERNAL, "minimum-norm point of an empty set");
    MVEC_TRY(mvec__calloc(ctx, capacity, sizeof *corral, &corral));
    MVEC_TRY(mvec__calloc(ctx, capacity, sizeof *lambda, &lambda));
    MVEC_TRY(mvec__calloc(ctx, capacity, sizeof *mu, &mu));
    MVEC_TRY(mvec__calloc(ctx, dim, sizeof *y, &y));

    size_t first = 0;
    for (size_t i = 1; i < points->count; i++)
        if (dot(points->data + i * dim, points->data + i * dim, dim) <
            dot(points->data + first * dim, points->data + first * dim, dim))
            first = i;
    size_t size = 1;
    corral[0] = first;
    lambda[0] = 1.0;
    memcpy(out, points->data + first * dim, dim * sizeof *out);

    for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
        /* Major step: the point most opposed to x. */
        double norm = dot(out, out, dim);
        size_t best = 0;
        double best_value = INFINITY;
        for (size_t i = 0; i < points->count; i++) {
            double value = dot(out, points->data + i * dim, dim);
            if (value < best_value) {
                best_value = value;
                best = i;
            }
        }
        if (best_value >= norm - TOLERANCE * (1.0 + norm))
            goto cleanup; /* x is optimal */
        bool present = false;
        for (size_t i = 0; i < size; i++)
            present = present || corral[i] == best;
        if (present || size == capacity)
            goto cleanup; /* no progress possible within rounding */
        corral[size] = best;
        lambda[size] = 0.0;
        size++;
        /* Minor steps. */
        for (;;) {
            MVEC_TRY(affine_minimiser(ctx, points, corral, size, mu));
            bool interior = true;
            for (size_t i = 0; i < size; i++)
                interior = interior && mu[i] > TOLERANCE;
            if (interior) {
                memcpy(lambda, mu, size * sizeof *lambda);
                combine(points, corral, lambda, size, out);
                break;
            }
            double theta = 1.0;
            for (size_t i = 0; i < size; i++)
                if (mu[i] <= TOLERANCE && lambda[i] - mu[i] > TOLERANCE) {
                    double t = lambda[i] / (lambda[i] - mu[i]);
                    if (t < theta)
                        theta = t;
                }
            for (size_t i = 0; i < size; i++)
                lambda[i] = theta * mu[i] + (1.0 - theta) * lambda[i];
            size_t kept = 0;
            for (size_t i = 0; i < size; i++) {
                if (lambda[i] > TOLERANCE) {
                    corral[kept] = corral[i];
                    lambda[kept] = lambda[i];
                    kept++;
                }
            }
            if (kept == 0) { /* numerical corner: restart from the best point */
                corral[0] = best;
                lambda[0] = 1.0;
                kept = 1;
            }
            size = kept;
            double total = 0;
            for (size_t i = 0; i < size; i++)
                total += lambda[i];
            for (size_t i = 0; i < size; i++)
                lambda[i] /= total;
            combine(points, corral, lambda, size, y);
            memcpy(out, y, dim * sizeof *out);
            if (size == 1)
                break;
        }
    }
cleanup:
    mvec__free(ctx, corral);
    mvec__free(ctx, lambda);
    mvec__free(ctx, mu);
    mvec__free(ctx, y);
    return status;
}
