/*
 * indices.c - concentration indices of a distribution, exact (complete data)
 * or bounded (listed partners plus unlisted remainder pools).
 *
 * Bounds. Pools are independent of each other and of the listed shares, and
 * every index below is a sum of per-partner terms (HHI, entropy) or depends
 * on the largest terms (CR1, CR3), so each pool's extreme allocations can be
 * found on its own:
 *   - spreading a pool evenly over all its slots minimises its sum of squares
 *     and maximises its entropy and lowers its largest pieces (the even
 *     vector is majorised by every other allocation);
 *   - filling slots up to the cap, one by one, maximises the sum of squares
 *     and the largest pieces and minimises the entropy.
 * HHI* and evenness also depend on n, the number of positive shares, which
 * the allocation changes; docs/methods.md shows why the enumeration over the
 * total number of holders K below, with a greedy split of K between pools,
 * gives the exact bounds.
 */
#include <math.h>
#include <string.h>

#include "calc_internal.h"

static const double MASS_EPSILON = 1e-12;

mvec_interval mvec_interval_union(mvec_interval a, mvec_interval b)
{
    if (isnan(a.lo))
        return b;
    if (isnan(b.lo))
        return a;
    mvec_interval result = {a.lo < b.lo ? a.lo : b.lo, a.hi > b.hi ? a.hi : b.hi};
    return result;
}

static mvec_interval point(double value)
{
    mvec_interval interval = {value, value};
    return interval;
}

static mvec_interval undefined_interval(void)
{
    mvec_interval interval = {NAN, NAN};
    return interval;
}

static double normalised_hhi(double hhi, double n)
{
    if (n < 1.5)
        return 1.0;
    return (hhi - 1.0 / n) / (1.0 - 1.0 / n);
}

static double entropy_term(double share)
{
    return share > 0 ? -share * log(share) : 0.0;
}

/* Insert `value` into the descending top-3 list. */
static void keep_top3(double top[3], double value)
{
    for (int i = 0; i < 3; i++) {
        if (value > top[i]) {
            for (int j = 2; j > i; j--)
                top[j] = top[j - 1];
            top[i] = value;
            return;
        }
    }
}

mvec_status mvec_indices_compute(mvec_ctx *ctx, const double *shares, size_t count,
                                 mvec_indices *out)
{
    mvec_indices result;
    memset(&result, 0, sizeof result);
    double top3[3] = {0, 0, 0};
    double hhi = 0;
    double entropy = 0;
    for (size_t i = 0; i < count; i++) {
        double s = shares[i];
        if (!isfinite(s) || s < 0)
            return mvec__error(ctx, MVEC_ERR_INVALID, "share %zu is %g (shares must be >= 0)",
                               i + 1, s);
        if (s <= 0)
            continue;
        result.positive_count++;
        hhi += s * s;
        entropy += entropy_term(s);
        if (s > shares[result.top] || shares[result.top] <= 0)
            result.top = i;
        keep_top3(top3, s);
    }
    if (result.positive_count == 0) {
        result.hhi = result.hhi_normalised = result.equivalent_partners = NAN;
        result.cr1 = result.cr3 = result.entropy = result.evenness = NAN;
        *out = result;
        return MVEC_OK;
    }
    double n = (double)result.positive_count;
    result.hhi = hhi;
    result.hhi_normalised = normalised_hhi(hhi, n);
    result.equivalent_partners = 1.0 / hhi;
    result.cr1 = top3[0];
    result.cr3 = top3[0] + top3[1] + top3[2];
    result.entropy = entropy;
    result.evenness = result.positive_count >= 2 ? entropy / log(n) : NAN;
    *out = result;
    return MVEC_OK;
}

/* ---- one pool ------------------------------------------------------------------------- */

/* Fewest holders that can take `mass` when each holds at most `cap`. */
static size_t pool_min_holders(const mvec_pool *pool)
{
    if (pool->mass <= MASS_EPSILON)
        return 0;
    if (!isfinite(pool->cap))
        return 1;
    double holders = ceil(pool->mass / pool->cap - 1e-9);
    return holders < 1 ? 1 : (size_t)holders;
}

/* Sum of squares when the pool is filled cap by cap (the most concentrated). */
static double pool_max_squares(const mvec_pool *pool)
{
    if (pool->mass <= MASS_EPSILON)
        return 0;
    if (!isfinite(pool->cap) || pool->cap >= pool->mass)
        return pool->mass * pool->mass;
    double full = floor(pool->mass / pool->cap + 1e-12);
    double rest = pool->mass - full * pool->cap;
    if (rest < 0)
        rest = 0;
    return full * pool->cap * pool->cap + rest * rest;
}

static double pool_min_entropy(const mvec_pool *pool)
{
    if (pool->mass <= MASS_EPSILON)
        return 0;
    if (!isfinite(pool->cap) || pool->cap >= pool->mass)
        return entropy_term(pool->mass);
    double full = floor(pool->mass / pool->cap + 1e-12);
    double rest = pool->mass - full * pool->cap;
    return full * entropy_term(pool->cap) + entropy_term(rest > 0 ? rest : 0);
}

/* The three largest pieces of the most concentrated allocation. */
static void pool_max_pieces(const mvec_pool *pool, double top[3])
{
    double mass = pool->mass;
    for (int i = 0; i < 3 && mass > MASS_EPSILON; i++) {
        double piece = isfinite(pool->cap) && pool->cap < mass ? pool->cap : mass;
        keep_top3(top, piece);
        mass -= piece;
    }
}

static mvec_status check_pools(mvec_ctx *ctx, const mvec_pool *pools, size_t pool_count)
{
    for (size_t g = 0; g < pool_count; g++) {
        const mvec_pool *pool = &pools[g];
        if (!(pool->mass >= -MASS_EPSILON) || !(pool->cap > 0))
            return mvec__error(ctx, MVEC_ERR_INVALID, "remainder %zu: mass %g, cap %g", g + 1,
                               pool->mass, pool->cap);
        if (pool->mass > MASS_EPSILON &&
            (pool->slots == 0 || pool_min_holders(pool) > pool->slots))
            return mvec__error(ctx, MVEC_ERR_INVALID,
                               "remainder %zu (share %g) cannot be held by %zu unlisted "
                               "partners of at most %g each",
                               g + 1, pool->mass, pool->slots, pool->cap);
    }
    return MVEC_OK;
}

/*
 * Walk K, the number of remainder holders, from its least to its largest
 * value, splitting K between pools greedily by the largest marginal gain;
 * for a fixed K this split minimises sum R_g^2/k_g (for HHI*) or maximises
 * sum R_g ln k_g (for evenness), both separable and convex/concave in k_g.
 * `objective` 0: minimise HHI*; 1: maximise evenness.
 */
static double walk_holders(const double *listed, size_t listed_count, const mvec_pool *pools,
                           size_t pool_count, size_t *holders, int objective)
{
    double listed_squares = 0;
    double listed_entropy = 0;
    size_t listed_positive = 0;
    for (size_t i = 0; i < listed_count; i++) {
        if (listed[i] > 0) {
            listed_positive++;
            listed_squares += listed[i] * listed[i];
            listed_entropy += entropy_term(listed[i]);
        }
    }
    size_t total = listed_positive;
    for (size_t g = 0; g < pool_count; g++) {
        holders[g] = pool_min_holders(&pools[g]);
        total += holders[g];
    }
    double best = objective == 0 ? INFINITY : -INFINITY;
    for (;;) {
        double squares = listed_squares;
        double entropy = listed_entropy;
        for (size_t g = 0; g < pool_count; g++) {
            if (holders[g] == 0)
                continue;
            double mass = pools[g].mass;
            squares += mass * mass / (double)holders[g];
            entropy += entropy_term(mass) + mass * log((double)holders[g]);
        }
        double n = (double)total;
        if (objective == 0 && total >= 1) {
            double value = normalised_hhi(squares, n);
            if (value < best)
                best = value;
        } else if (objective == 1 && total >= 2) {
            double value = entropy / log(n);
            if (value > best)
                best = value;
        }
        /* Next K: give one more holder to the pool that gains most. */
        size_t chosen = SIZE_MAX;
        double chosen_gain = -INFINITY;
        for (size_t g = 0; g < pool_count; g++) {
            if (holders[g] == 0 || holders[g] >= pools[g].slots)
                continue;
            double mass = pools[g].mass;
            double k = (double)holders[g];
            double gain = objective == 0 ? mass * mass / k - mass * mass / (k + 1)
                                         : mass * log((k + 1) / k);
            if (gain > chosen_gain) {
                chosen_gain = gain;
                chosen = g;
            }
        }
        if (chosen == SIZE_MAX)
            break;
        holders[chosen]++;
        total++;
    }
    return best;
}

mvec_status mvec_index_bounds_compute(mvec_ctx *ctx, const double *listed_shares,
                                      size_t listed_count, const mvec_pool *pools,
                                      size_t pool_count, mvec_index_bounds *out)
{
    mvec_status status = MVEC_OK;
    size_t *holders = NULL;
    mvec_index_bounds result;
    MVEC_TRY(check_pools(ctx, pools, pool_count));
    double listed_squares = 0;
    double listed_entropy = 0;
    size_t listed_positive = 0;
    double top_even[3] = {0, 0, 0};
    double top_concentrated[3] = {0, 0, 0};
    for (size_t i = 0; i < listed_count; i++) {
        double s = listed_shares[i];
        if (!isfinite(s) || s < 0)
            MVEC_FAIL(ctx, MVEC_ERR_INVALID, "listed share %zu is %g", i + 1, s);
        if (s <= 0)
            continue;
        listed_positive++;
        listed_squares += s * s;
        listed_entropy += entropy_term(s);
        keep_top3(top_even, s);
        keep_top3(top_concentrated, s);
    }
    double squares_lo = listed_squares;
    double squares_hi = listed_squares;
    double entropy_lo = listed_entropy;
    double entropy_hi = listed_entropy;
    size_t holders_lo = 0;
    size_t holders_hi = 0;
    for (size_t g = 0; g < pool_count; g++) {
        const mvec_pool *pool = &pools[g];
        if (pool->mass <= MASS_EPSILON)
            continue;
        double even_piece = pool->mass / (double)pool->slots;
        squares_lo += pool->mass * even_piece;
        squares_hi += pool_max_squares(pool);
        entropy_hi += entropy_term(pool->mass) + pool->mass * log((double)pool->slots);
        entropy_lo += pool_min_entropy(pool);
        for (size_t k = 0; k < 3 && k < pool->slots; k++)
            keep_top3(top_even, even_piece);
        pool_max_pieces(pool, top_concentrated);
        holders_lo += pool_min_holders(pool);
        holders_hi += pool->slots;
    }
    size_t n_lo = listed_positive + holders_lo;
    size_t n_hi = listed_positive + holders_hi;
    if (n_hi == 0) {
        mvec_interval none = undefined_interval();
        result.hhi = result.hhi_normalised = result.equivalent_partners = none;
        result.cr1 = result.cr3 = result.entropy = result.evenness = none;
        result.positive_count = point(0);
        *out = result;
        goto cleanup;
    }
    result.hhi.lo = squares_lo;
    result.hhi.hi = squares_hi;
    result.equivalent_partners.lo = 1.0 / squares_hi;
    result.equivalent_partners.hi = 1.0 / squares_lo;
    result.cr1.lo = top_even[0];
    result.cr1.hi = top_concentrated[0];
    result.cr3.lo = top_even[0] + top_even[1] + top_even[2];
    result.cr3.hi = top_concentrated[0] + top_concentrated[1] + top_concentrated[2];
    result.entropy.lo = entropy_lo;
    result.entropy.hi = entropy_hi;
    result.positive_count.lo = (double)n_lo;
    result.positive_count.hi = (double)n_hi;
    MVEC_TRY(mvec__calloc(ctx, pool_count ? pool_count : 1, sizeof *holders, &holders));
    /* HHI*: the upper bound is reached with the most concentrated shape and
     * every other slot holding an infinitesimal share (largest n). */
    result.hhi_normalised.hi =
        n_hi >= 2 ? 1.0 - (1.0 - squares_hi) / (1.0 - 1.0 / (double)n_hi) : 1.0;
    result.hhi_normalised.lo =
        walk_holders(listed_shares, listed_count, pools, pool_count, holders, 0);
    if (n_hi >= 2) {
        result.evenness.lo = entropy_lo / log((double)n_hi);
        result.evenness.hi =
            walk_holders(listed_shares, listed_count, pools, pool_count, holders, 1);
    } else {
        result.evenness = undefined_interval();
    }
    *out = result;
cleanup:
    mvec__free(ctx, holders);
    return status;
}
