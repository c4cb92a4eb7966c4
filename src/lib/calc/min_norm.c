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
 * dim + 3 rows). It is solved by the pseudo-inverse from a cyclic Jacobi
 * eigen-decomposition (G. H. Golub and C. F. Van Loan, Matrix Computations,
 * 4th ed., 2013, section 8.5), dropping eigenvalues below 1e-13 of the
 * largest, so a near-degenerate corral yields the least-squares solution
 * instead of a blow-up (for a symmetric matrix this is the truncated SVD
 * solution). Self-contained: no process-wide solver state (GSL's error
 * handler had to be swapped around each call), so two contexts may run
 * it in two threads at once.
 */
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "calc_internal.h"

static const double TOLERANCE = 1e-12;
enum { MAX_ITERATIONS = 10000, JACOBI_SWEEPS = 100 };

static double dot(const double *a, const double *b, size_t dim)
{
    double sum = 0;
    for (size_t d = 0; d < dim; d++)
        sum += a[d] * b[d];
    return sum;
}

/* Eigen-decomposition of the symmetric n x n matrix a (destroyed: its
 * diagonal becomes the eigenvalues) with eigenvectors in the columns of v.
 * Cyclic Jacobi rotations: O(n^3) a sweep, quadratic convergence. */
static void jacobi_eigen(double *a, double *v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < n; j++)
            v[i * n + j] = i == j ? 1.0 : 0.0;
    for (int sweep = 0; sweep < JACOBI_SWEEPS; sweep++) {
        double off = 0;
        double total = 0;
        for (size_t i = 0; i < n; i++)
            for (size_t j = 0; j < n; j++) {
                total += a[i * n + j] * a[i * n + j];
                if (i != j)
                    off += a[i * n + j] * a[i * n + j];
            }
        if (!(off > 1e-32 * total))
            return;
        for (size_t p = 0; p + 1 < n; p++) {
            for (size_t q = p + 1; q < n; q++) {
                double apq = a[p * n + q];
                if (!(fabs(apq) > 0))
                    continue;
                double tau = (a[q * n + q] - a[p * n + p]) / (2.0 * apq);
                double t = (tau >= 0 ? 1.0 : -1.0) / (fabs(tau) + sqrt(1.0 + tau * tau));
                double c = 1.0 / sqrt(1.0 + t * t);
                double s = t * c;
                /* A <- J' A J with J the rotation in the (p, q) plane */
                for (size_t k = 0; k < n; k++) {
                    double akp = a[k * n + p];
                    double akq = a[k * n + q];
                    a[k * n + p] = c * akp - s * akq;
                    a[k * n + q] = s * akp + c * akq;
                }
                for (size_t k = 0; k < n; k++) {
                    double apk = a[p * n + k];
                    double aqk = a[q * n + k];
                    a[p * n + k] = c * apk - s * aqk;
                    a[q * n + k] = s * apk + c * aqk;
                }
                for (size_t k = 0; k < n; k++) {
                    double vkp = v[k * n + p];
                    double vkq = v[k * n + q];
                    v[k * n + p] = c * vkp - s * vkq;
                    v[k * n + q] = s * vkp + c * vkq;
                }
            }
        }
    }
}

/* Scratch for the affine minimiser: two (capacity + 1)^2 matrices. */
typedef struct solver_scratch {
    double *a;
    double *v;
} solver_scratch;

/* Weights w (summing to 1) of the affine minimiser of the corral. */
static void affine_minimiser(const double *corral, size_t dim, size_t size,
                             const solver_scratch *scratch, double *weights)
{
    size_t n = size + 1;
    double *a = scratch->a;
    double *v = scratch->v;
    for (size_t i = 0; i < size; i++) {
        for (size_t j = 0; j < size; j++)
            a[i * n + j] = dot(corral + i * dim, corral + j * dim, dim);
        a[i * n + size] = 1.0;
        a[size * n + i] = 1.0;
    }
    a[size * n + size] = 0.0;
    jacobi_eigen(a, v, n);
    /* x = V diag(1/lambda) V' b with b = e_size; small eigenvalues dropped */
    double largest = 0;
    for (size_t k = 0; k < n; k++)
        largest = fabs(a[k * n + k]) > largest ? fabs(a[k * n + k]) : largest;
    for (size_t i = 0; i < size; i++)
        weights[i] = 0;
    for (size_t k = 0; k < n; k++) {
        double lambda = a[k * n + k];
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
    solver_scratch scratch = {NULL, NULL};
    MVEC_TRY(mvec__calloc(ctx, (capacity + 1) * (capacity + 1), sizeof *scratch.a, &scratch.a));
    MVEC_TRY(mvec__calloc(ctx, (capacity + 1) * (capacity + 1), sizeof *scratch.v, &scratch.v));
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
            affine_minimiser(corral, dim, size, &scratch, mu);
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
    return status;
}
