/*
 * mvec_index.h - concentration indices of a partner distribution, exact or
 * as bounds when part of the distribution is unknown.
 *
 * Shares are fractions of the vector's total (0.25 = 25 %). The indices are
 * rows of one table (mvec_index_info): results hold one value per row, in an
 * array indexed by mvec_index_id, and writers loop over the table, so a new
 * index is a new row (with its maths in indices.c and its formula in
 * docs/methods.md), not an edit of every writer. The formulas and their
 * sources are in docs/methods.md, section 3:
 *   HHI = sum s^2;  HHI* = (HHI - 1/n) / (1 - 1/n);  equivalent partners = 1/HHI;
 *   CR1, CR3 = largest share, sum of the three largest;
 *   entropy H = -sum s ln s;  evenness J = H / ln n;  Theil T = ln n - H;
 * n is the number of partners with a positive share (also a row: "partners").
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
 * still reported. Over several scenarios (conflicting sources) the bounds of
 * every index combine by mvec_interval_union.
 *
 * All functions here are thread-safe (no shared state; the table is const).
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

/* The rows of the index table, in output order. */
typedef enum mvec_index_id {
    MVEC_INDEX_HHI = 0,
    MVEC_INDEX_HHI_NORMALISED,      /* 1 when n == 1 */
    MVEC_INDEX_EQUIVALENT_PARTNERS, /* 1 / HHI */
    MVEC_INDEX_CR1,
    MVEC_INDEX_CR3,
    MVEC_INDEX_ENTROPY,  /* natural logarithm */
    MVEC_INDEX_EVENNESS, /* undefined (NaN) when n < 2 */
    MVEC_INDEX_THEIL,    /* ln n - H; 0 when n == 1 */
    MVEC_INDEX_PARTNERS, /* n, the number of positive shares */
    MVEC_INDEX_COUNT
} mvec_index_id;

/* One row of the index table: how to name, scale and print an index. */
typedef struct mvec_index_desc {
    const char *key;         /* "hhi": JSON key and CSV column stem ("hhi_lo", "hhi_hi") */
    const char *label;       /* "HHI": column header and note label */
    const char *description; /* one line for legends ("sum of squared partner shares") */
    double scale;            /* printed value = value x scale (100: a share shown in %) */
    int decimals;            /* decimals in text tables */
    int csv_decimals;        /* decimals in CSV */
    int summary;             /* 1: shown in the one-line-per-vector profile table */
} mvec_index_desc;

/* The row of index `id`; NULL when id >= MVEC_INDEX_COUNT. */
MVEC_API const mvec_index_desc *mvec_index_info(mvec_index_id id);

/* The index results grow with the table: `count` (set by the INIT macros to
 * this header's MVEC_INDEX_COUNT) tells the library how many values the
 * caller's struct has room for, and comes first with everything else
 * before the array, so a row added later is appended at the end and a
 * program built against older headers keeps working (ABI rule in mvec.h).
 * Always start from the INIT macro. */
typedef struct mvec_indices {
    size_t count;                   /* values the struct holds: MVEC_INDEX_COUNT */
    size_t positive_count;          /* n (also value[MVEC_INDEX_PARTNERS]) */
    size_t top;                     /* index of the largest share (first on ties) */
    double value[MVEC_INDEX_COUNT]; /* by mvec_index_id */
} mvec_indices;

#define MVEC_INDICES_INIT {MVEC_INDEX_COUNT, 0, 0, {0}}

/* Indices of a complete distribution given as shares. Every value is NaN
 * (and positive_count 0) when all shares are zero. `out` starts from
 * MVEC_INDICES_INIT; the first out->count values are set. O(count).
 * Statuses: MVEC_ERR_INVALID for a negative or non-finite share, or an `out`
 * whose count is 0 or larger than this library's MVEC_INDEX_COUNT. */
MVEC_API mvec_status mvec_indices_compute(mvec_ctx *ctx, const double *shares, size_t count,
                                          mvec_indices *out);

/* An unlisted remainder: `mass` (a share) held by at most `slots` unlisted
 * partners, each holding at most `cap` (INFINITY for no cap). */
typedef struct mvec_pool {
    double mass;
    size_t slots;
    double cap;
} mvec_pool;

/* Bounds of every index; sized by `count` as mvec_indices. */
typedef struct mvec_index_bounds {
    size_t count;                          /* values the struct holds: MVEC_INDEX_COUNT */
    mvec_interval value[MVEC_INDEX_COUNT]; /* by mvec_index_id */
} mvec_index_bounds;

#define MVEC_INDEX_BOUNDS_INIT {MVEC_INDEX_COUNT, {{0, 0}}}

/* Bounds of the indices over all allocations of the pools, given the listed
 * shares. Cost: O(listed + pools x slots) (the walk over the number of
 * holders gives one holder at a time to one of the pools).
 * `out` starts from MVEC_INDEX_BOUNDS_INIT; the first out->count are set.
 * Statuses: MVEC_ERR_INVALID when a pool cannot be held (mass > slots x cap,
 * or a positive mass with no slot), a share is negative, or `out` has a
 * count of 0 or above this library's MVEC_INDEX_COUNT; MVEC_ERR_NOMEM. */
MVEC_API mvec_status mvec_index_bounds_compute(mvec_ctx *ctx, const double *listed_shares,
                                               size_t listed_count, const mvec_pool *pools,
                                               size_t pool_count, mvec_index_bounds *out);

/* The one way mvec prints a range: `interval` times `scale` at `decimals`
 * decimals, "19.4–20.1" (an en dash), one number when both ends print alike
 * ("19.4"), "n/a" when undefined; '.' as the decimal separator whatever the
 * locale. Writes at most `size` bytes (NUL included); returns out.
 * Cannot fail. */
MVEC_API char *mvec_interval_format(char *out, size_t size, mvec_interval interval, double scale,
                                    int decimals);

/* Smallest interval holding both. NaN ends count as undefined and are ignored.
 * Cannot fail. */
MVEC_API mvec_interval mvec_interval_union(mvec_interval a, mvec_interval b);

#endif
