/*
 * min_norm.c - the point of a convex hull nearest the origin, by Wolfe's
 * algorithm (P. Wolfe, "Finding the nearest point in a polytope",
 * Mathematical Programming 11, 1976, 128-149).
 *
 * The algorithm keeps a "corral": an affinely independent subset S of the
 * points with convex weights. A major step adds the point most in the
 * direction of -x; a minor step moves to the affine minimiser of S and, if
 * that leaves the hull of S, walks back to its boundary and drops points.
 * The affine minimiser solves the small symmetric system
 * [G 1; 1' 0][w; r] = [0; 1] with G the Gram matrix of S (at most
 * dim + 3 rows). It is solved by the pseudo-inverse from GSL's symmetric
 * eigen-decomposition (gsl_eigen_symmv), dropping eigenvalues below 1e-13
 * of the largest, so a near-degenerate corral yields the least-squares
 * solution instead of a blow-up (for a symmetric matrix this is the
 * truncated SVD solution). GSL's error handler is switched off once for the
 * process (pthread_once), so two contexts may run it in two threads.
 */
#include <gsl/gsl_eigen.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_matrix.h>
#include <gsl/gsl_vector.h>
#include <math.h>
#include <pthread.h>
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

/* GSL's default error handler aborts; a library must return instead. The
 * handler is one process-wide pointer, so it is switched off once, never
 * swapped per call (two threads swapping it would race). */
static pthread_once_t gsl_handler_once = PTHREAD_ONCE_INIT;

static void switch_gsl_handler_off(void)
{
    gsl_set_error_handler_off();
}

/* Scratch for the affine minimiser: two (capacity + 1)^2 matrices. */
typedef struct solver_scratch {
    double *a;
    double *v;
    double *values;
} solver_scratch;

/* Weights w (summing to 1) of the affine minimiser of the corral. */
static mvec_status affine_minimiser(mvec_ctx *ctx, const double *corral, size_t dim, size_t size,
                                    const solver_scratch *scratch, double *weights)
{
    size_t n = size + 1;
    double *a = scratch->a;
    for (size_t i = 0; i < size; i++) {
        for (size_t j = 0; j < size; j++)
            a[i * n + j] = dot(corral + i * dim, corral + j * dim, dim);
        a[i * n + size] = 1.0;
        a[size * n + i] = 1.0;
    }
    a[size * n + size] = 0.0;
    pthread_once(&gsl_handler_once, switch_gsl_handler_off);
    gsl_matrix_view matrix = gsl_matrix_view_array(a, n, n);
    gsl_matrix_view vectors = gsl_matrix_view_array(scratch->v, n, n);
    gsl_vector_view values = gsl_vector_view_array(scratch->values, n);
    gsl_eigen_symmv_workspace *work = gsl_eigen_symmv_alloc(n);
    if (work == NULL)
        return mvec__error(ctx, MVEC_ERR_NOMEM, "out of memory (minimum-norm point)");
    int failed = gsl_eigen_symmv(&matrix.matrix, &values.vector, &vectors.matrix, work);
    gsl_eigen_symmv_free(work);
    if (failed)
        return mvec__error(ctx, MVEC_ERR_SOLVER, "eigen-decomposition failed (minimum-norm point)");
    /* x = V diag(1/lambda) V' b with b = e_size; small eigenvalues dropped */
    const double *v = scratch->v;
    const double *lambda_k = scratch->values;
    double largest = 0;
    for (size_t k = 0; k < n; k++)
        largest = fabs(lambda_k[k]) > largest ? fabs(lambda_k[k]) : largest;
    for (size_t i = 0; i < size; i++)
        weights[i] = 0;
    for (size_t k = 0; k < n; k++) {
        double lambda = lambda_k[k];
        if (!(fabs(lambda) >= largest * 1e-13) || !(fabs(lambda) > 0))
            continue;
        double coefficient = v[size * n + k] / lambda; /* (V' b)_k / lambda_k */
        for (size_t i = 0; i < size; i++)
            weights[i] += v[i * n + k] * coefficient;
    }
    double total = 0;
    for (size_t i = 0; i < size; i++)
        total += weights[i];
    if (fabs(total) > TOLERANCE)
        for (size_t i = 0; i < size; i++)
            weights[i] /= total;
    return MVEC_OK;
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
    solver_scratch scratch = {NULL, NULL, NULL};
    MVEC_TRY(mvec__calloc(ctx, (capacity + 1) * (capacity + 1), sizeof *scratch.a, &scratch.a));
    MVEC_TRY(mvec__calloc(ctx, (capacity + 1) * (capacity + 1), sizeof *scratch.v, &scratch.v));
    MVEC_TRY(mvec__calloc(ctx, capacity + 1, sizeof *scratch.values, &scratch.values));
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
            MVEC_TRY(affine_minimiser(ctx, corral, dim, size, &scratch, mu));
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
    mvec__free(ctx, scratch.a);
    mvec__free(ctx, scratch.v);
    mvec__free(ctx, scratch.values);
    return status;
}
