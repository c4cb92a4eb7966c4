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
#include <stdint.h>
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

/* Weights w (summing to 1) of the affine minimiser of the corral. */
static mvec_status affine_minimiser(mvec_ctx *ctx, const double *corral, size_t dim,
                                    size_t size, double *weights)
{
    size_t n = size + 1;
    /* GSL's default error handler aborts; a library must return instead. */
    gsl_error_handler_t *previous_handler = gsl_set_error_handler_off();
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
        const double *pi = corral + i * dim;
        for (size_t j = 0; j < size; j++) {
            const double *pj = corral + j * dim;
            gsl_matrix_set(a, i, j, dot(pi, pj, dim));
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
    gsl_set_error_handler(previous_handler);
    gsl_matrix_free(a);
    gsl_matrix_free(v);
    gsl_vector_free(s);
    gsl_vector_free(work);
    gsl_vector_free(b);
    gsl_vector_free(x);
    return status;
}

static void combine(const double *corral, size_t dim, const double *weights, size_t size,
                    double *out)
{
    memset(out, 0, dim * sizeof *out);
    for (size_t i = 0; i < size; i++)
        for (size_t d = 0; d < dim; d++)
            out[d] += weights[i] * corral[i * dim + d];
}

static bool same_point(const double *a, const double *b, size_t dim)
{
    for (size_t d = 0; d < dim; d++)
        if (fabs(a[d] - b[d]) > TOLERANCE)
            return false;
    return true;
}

/* The linear-minimisation oracle of a finite point set: O(count dim). */
static mvec_status points_oracle(void *user, const double *direction, double *out)
{
    const mvec__points *points = user;
    size_t best = 0;
    double best_value = INFINITY;
    for (size_t i = 0; i < points->count; i++) {
        double value = dot(direction, points->data + i * points->dim, points->dim);
        if (value < best_value) {
            best_value = value;
            best = i;
        }
    }
    memcpy(out, points->data + best * points->dim, points->dim * sizeof *out);
    return MVEC_OK;
}

mvec_status mvec__min_norm_point(mvec_ctx *ctx, const mvec__points *points, double *out)
{
    if (points->count == 0)
        return mvec__error(ctx, MVEC_ERR_INTERNAL, "minimum-norm point of an empty set");
    size_t first = 0;
    for (size_t i = 1; i < points->count; i++)
        if (dot(points->data + i * points->dim, points->data + i * points->dim, points->dim) <
            dot(points->data + first * points->dim, points->data + first * points->dim,
                points->dim))
            first = i;
    return mvec__min_norm_oracle(ctx, points->dim, points_oracle, (void *)(uintptr_t)points,
                                 points->data + first * points->dim, out);
}

mvec_status mvec__min_norm_oracle(mvec_ctx *ctx, size_t dim, mvec__linear_oracle oracle,
                                  void *user, const double *start, double *out)
{
    mvec_status status = MVEC_OK;
    size_t capacity = dim + 2;
    double *corral = NULL;
    double *lambda = NULL;
    double *mu = NULL;
    double *y = NULL;
    double *candidate = NULL;
    MVEC_TRY(mvec__calloc(ctx, capacity * dim, sizeof *corral, &corral));
    MVEC_TRY(mvec__calloc(ctx, capacity, sizeof *lambda, &lambda));
    MVEC_TRY(mvec__calloc(ctx, capacity, sizeof *mu, &mu));
    MVEC_TRY(mvec__calloc(ctx, dim, sizeof *y, &y));
    MVEC_TRY(mvec__calloc(ctx, dim, sizeof *candidate, &candidate));

    size_t size = 1;
    memcpy(corral, start, dim * sizeof *corral);
    lambda[0] = 1.0;
    memcpy(out, start, dim * sizeof *out);

    for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
        MVEC_TRY(mvec__check_cancel(ctx));
        /* Major step: the point most opposed to x. */
        double norm = dot(out, out, dim);
        MVEC_TRY(oracle(user, out, candidate));
        double best_value = dot(out, candidate, dim);
        if (best_value >= norm - TOLERANCE * (1.0 + norm))
            goto cleanup; /* x is optimal */
        bool present = false;
        for (size_t i = 0; i < size; i++)
            present = present || same_point(corral + i * dim, candidate, dim);
        if (present || size == capacity)
            goto cleanup; /* no progress possible within rounding */
        memcpy(corral + size * dim, candidate, dim * sizeof *corral);
        lambda[size] = 0.0;
        size++;
        /* Minor steps. */
        for (;;) {
            MVEC_TRY(affine_minimiser(ctx, corral, dim, size, mu));
            bool interior = true;
            for (size_t i = 0; i < size; i++)
                interior = interior && mu[i] > TOLERANCE;
            if (interior) {
                memcpy(lambda, mu, size * sizeof *lambda);
                combine(corral, dim, lambda, size, out);
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
                    memmove(corral + kept * dim, corral + i * dim, dim * sizeof *corral);
                    lambda[kept] = lambda[i];
                    kept++;
                }
            }
            if (kept == 0) { /* numerical corner: restart from the newest point */
                memcpy(corral, candidate, dim * sizeof *corral);
                lambda[0] = 1.0;
                kept = 1;
            }
            size = kept;
            double total = 0;
            for (size_t i = 0; i < size; i++)
                total += lambda[i];
            for (size_t i = 0; i < size; i++)
                lambda[i] /= total;
            combine(corral, dim, lambda, size, y);
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
    mvec__free(ctx, candidate);
    return status;
}
