/*
 * mvec_index.h - concentration indices of a partner distribution, exact or
 * as bounds when part of the distribution is unknown.
 *
 * Shares are fractions of the vector's total (0.25 = 25 %). The formulas and
 * their sources are in docs/methods.md:
 *   HHI = sum s^2;  HHI* = (HHI - 1/n) / (1 - 1/n);  equivalent partners = 1/HHI;
 *   CR1, CR3 = largest share, sum of the three largest;
 *   entropy H = -sum s ln s;  evenness J = H / ln n;
 * n is the number of partners with a positive share.
 *
 * Bounds: when only some partners are listed, the rest of the total (the
 * remainder) may be spread over the unlisted partners in many ways. A pool
 * describes one such remainder: its mass (a share), how many unlisted
 * partners could hold it, and the largest share any one of them can have
 * (the smallest listed share when the source lists the top partners,
 * otherwise no cap). mvec_index_bounds_compute returns, for each index, the
 * smallest and largest value over every allocation of every pool, i.e. the
 * exact bounds given the data and that assumption. Bounds are closures: a
 * bound reached only in the limit (a partner with an infinitesimal share) is
 * still reported.
 */
#ifndef MVEC_INDEX_H
#define MVEC_INDEX_H

#include <stddef.h>

#include "mvec_ctx.h"

/* A closed interval; lo == hi for an exact value; both NaN when undefined. */
typedef struct mvec_interval {
    double lo;
    double hi;
} mvec_interval;

typedef struct mvec_indices {
    double hhi;
    double hhi_normalised;      /* 1 when n == 1 */
    double equivalent_partners; /* 1 / HHI */
    double cr1;
    double cr3;
    double entropy;             /* natural logarithm */
    double evenness;            /* NaN when n < 2 */
    size_t positive_count;      /* n */
    size_t top;                 /* index of the largest share (first on ties) */
} mvec_indices;

/* Indices of a complete distribution given as shares. Every field is NaN
 * (and positive_count 0) when all shares are zero. O(count).
 * Statuses: MVEC_ERR_INVALID for a negative or non-finite share. */
MVEC_API mvec_status mvec_indices_compute(mvec_ctx *ctx, const double *shares, size_t count,
                                          mvec_indices *out);

/* An unlisted remainder: `mass` (a share) held by at most `slots` unlisted
 * partners, each holding at most `cap` (INFINITY for no cap). */
typedef struct mvec_pool {
    double mass;
    size_t slots;
    double cap;
} mvec_pool;

typedef struct mvec_index_bounds {
    mvec_interval hhi;
    mvec_interval hhi_normalised;
    mvec_interval equivalent_partners;
    mvec_interval cr1;
    mvec_interval cr3;
    mvec_interval entropy;
    mvec_interval evenness;
    mvec_interval positive_count;
} mvec_index_bounds;

/* Bounds of the indices over all allocations of the pools, given the listed
 * shares.
 * Statuses: MVEC_ERR_INVALID when a pool cannot be held (mass > slots x cap,
 * or a positive mass with no slot) or a share is negative; MVEC_ERR_NOMEM. */
MVEC_API mvec_status mvec_index_bounds_compute(mvec_ctx *ctx, const double *listed_shares,
                                               size_t listed_count, const mvec_pool *pools,
                                               size_t pool_count, mvec_index_bounds *out);

/* Smallest interval holding both. NaN ends count as undefined and are ignored.
 * Cannot fail. */
MVEC_API mvec_interval mvec_interval_union(mvec_interval a, mvec_interval b);

#endif
