/*
 * points.c - small dense point sets for the bloc bounds, with a hash index
 * for duplicate-free insertion.
 *
 * Two points are the same when every coordinate rounds to the same multiple
 * of 1e-12 (QUANTUM). The index is open addressing with linear probing over
 * point numbers; a probe compares the stored point's rounded coordinates, so
 * a stale entry (after a caller reset `count`) can never cause a false match.
 */
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "calc_internal.h"

static const double QUANTUM = 1e-12;

/* The coordinate as an integer multiple of QUANTUM (saturated far outside
 * the share range, where exact bits are used instead). */
static uint64_t quantise(double x)
{
    double q = x / QUANTUM;
    if (fabs(q) < 9e18)
        return (uint64_t)(int64_t)llround(q);
    uint64_t bits;
    memcpy(&bits, &x, sizeof bits);
    return bits ^ 0x9e3779b97f4a7c15u;
}

static uint64_t hash_point(const double *p, size_t dim)
{
    uint64_t h = 1469598103934665603u; /* FNV offset basis, mixed per coordinate */
    for (size_t d = 0; d < dim; d++) {
        h ^= quantise(p[d]);
        h *= 1099511628211u;
        h ^= h >> 29;
    }
    return h;
}

static bool same_point(const double *a, const double *b, size_t dim)
{
    for (size_t d = 0; d < dim; d++)
        if (quantise(a[d]) != quantise(b[d]))
            return false;
    return true;
}

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

/* Slot of `point` in the index: its entry, or the empty slot where it goes. */
static size_t probe(const mvec__points *points, const double *point, bool *found)
{
    size_t mask = points->slot_count - 1;
    size_t i = (size_t)hash_point(point, points->dim) & mask;
    *found = false;
    for (;;) {
        size_t n = points->slots[i];
        if (n == SIZE_MAX)
            return i;
        if (n < points->count && same_point(points->data + n * points->dim, point, points->dim)) {
            *found = true;
            return i;
        }
        i = (i + 1) & mask;
    }
}

/* Make room for `needed` indexed points (load at most 1/2) and index every
 * point not yet in it. */
static mvec_status reindex(mvec_ctx *ctx, mvec__points *points, size_t needed)
{
    bool rebuild = points->indexed > points->count || points->slots == NULL;
    if (needed * 2 > points->slot_count) {
        size_t size = points->slot_count ? points->slot_count : 64;
        while (size < needed * 2)
            size *= 2;
        size_t *slots = NULL;
        mvec_status status = mvec__alloc(ctx, size * sizeof *slots, &slots);
        if (status != MVEC_OK)
            return status;
        mvec__free(ctx, points->slots);
        points->slots = slots;
        points->slot_count = size;
        rebuild = true;
    }
    if (rebuild) {
        memset(points->slots, 0xff, points->slot_count * sizeof *points->slots);
        points->indexed = 0;
    }
    for (; points->indexed < points->count; points->indexed++) {
        bool found;
        size_t slot = probe(points, points->data + points->indexed * points->dim, &found);
        if (!found)
            points->slots[slot] = points->indexed;
    }
    return MVEC_OK;
}

mvec_status mvec__points_add_unique(mvec_ctx *ctx, mvec__points *points, const double *point)
{
    mvec_status status = reindex(ctx, points, points->count + 1);
    if (status != MVEC_OK)
        return status;
    bool found;
    size_t slot = probe(points, point, &found);
    if (found)
        return MVEC_OK;
    status = mvec__points_add(ctx, points, point);
    if (status != MVEC_OK)
        return status;
    points->slots[slot] = points->count - 1;
    points->indexed = points->count;
    return MVEC_OK;
}

void mvec__points_clear(mvec_ctx *ctx, mvec__points *points)
{
    mvec__free(ctx, points->data);
    mvec__free(ctx, points->slots);
    points->data = NULL;
    points->slots = NULL;
    points->slot_count = 0;
    points->indexed = 0;
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
    MVEC_TRY(mvec__alloc(ctx, (out->dim ? out->dim : 1) * sizeof *sum, &sum));
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
