/*
 * points.c - small dense point sets for the bloc bounds.
 */
#include <math.h>
#include <string.h>

#include "calc_internal.h"

mvec_status mvec__points_add(mvec_ctx *ctx, mvec__points *points, const double *point)
{
    mvec_status status = mvec__grow(ctx, &points->data, &points->capacity, points->count + 1,
                                    points->dim * sizeof *points->data);
    if (status != MVEC_OK)
        return status;
    memcpy(points->data + points->count * points->dim, point, points->dim * sizeof *point);
    points->count++;
    return MVEC_OK;
}

mvec_status mvec__points_add_unique(mvec_ctx *ctx, mvec__points *points, const double *point)
{
    for (size_t i = 0; i < points->count; i++) {
        const double *other = points->data + i * points->dim;
        bool same = true;
        for (size_t d = 0; d < points->dim && same; d++)
            same = fabs(other[d] - point[d]) <= 1e-12;
        if (same)
            return MVEC_OK;
    }
    return mvec__points_add(ctx, points, point);
}

void mvec__points_clear(mvec_ctx *ctx, mvec__points *points)
{
    mvec__free(ctx, points->data);
    points->data = NULL;
    points->count = 0;
    points->capacity = 0;
}

mvec_status mvec__points_minkowski(mvec_ctx *ctx, const mvec__points *a, double weight_a,
                                   const mvec__points *b, double weight_b, size_t limit,
                                   mvec__points *out)
{
    mvec_status status = MVEC_OK;
    double *sum = NULL;
    if (a->count != 0 && b->count > limit / a->count)
        return mvec__error(ctx, MVEC_ERR_LIMIT,
                           "too many extreme allocations to combine (%zu x %zu, limit %zu)",
                           a->count, b->count, limit);
    MVEC_TRY(mvec__alloc(ctx, out->dim * sizeof *sum, &sum));
    for (size_t i = 0; i < a->count; i++) {
        for (size_t j = 0; j < b->count; j++) {
            for (size_t d = 0; d < out->dim; d++)
                sum[d] = weight_a * a->data[i * a->dim + d] + weight_b * b->data[j * b->dim + d];
            MVEC_TRY(mvec__points_add_unique(ctx, out, sum));
        }
    }
cleanup:
    mvec__free(ctx, sum);
    return status;
}
