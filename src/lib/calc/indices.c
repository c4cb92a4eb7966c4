/*
 * indices.c - the index table: for each concentration index, its name, how
 * it prints, its value on a complete distribution and its exact bounds when
 * listed partners leave an unlisted remainder (pools).
 *
 * Adding an index: a value in mvec_index_id (mvec_index.h), a row in INDEX
 * below (an `exact` and a `bounds` function), and its formula and proof of
 * bounds in docs/methods.md, section 3. Nothing else: evaluation takes the
 * union of every row over scenarios and the writers loop over the table.
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
 * HHI*, evenness and Theil also depend on n, the number of positive shares,
 * which the allocation changes; docs/methods.md shows why the walk over the
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

static mvec_interval interval(double lo, double hi)
{
    mvec_interval result = {lo, hi};
    return result;
}

static mvec_interval undefined_interval(void)
{
    return interval(NAN, NAN);
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

/* ---- what the rows compute from ------------------------------------------------------- */

/* A complete distribution, summarised (n >= 1). */
typedef struct exact_summary {
    double squares;
    double entropy;
    double top[3];
    double n;
} exact_summary;

/* Listed shares plus pools, summarised; the walks need the raw inputs. */
typedef struct bounds_summary {
    double squares_lo, squares_hi;
    double entropy_lo, entropy_hi;
    double top_even[3];         /* the three largest pieces, pools spread evenly */
    double top_concentrated[3]; /* the three largest pieces, pools filled cap by cap */
    size_t n_lo, n_hi;          /* fewest and most positive shares (n_hi >= 1) */
    const double *listed;
    size_t listed_count;
    const mvec_pool *pools;
    size_t pool_count;
    size_t *holders; /* scratch, pool_count */
} bounds_summary;

enum walk_objective {
    WALK_MIN_HHI_NORMALISED, /* minimise HHI*(K) */
    WALK_MAX_EVENNESS,       /* maximise H(K) / ln n */
    WALK_MIN_THEIL,          /* minimise ln n - H(K) */
};

static double walk_holders(const bounds_summary *in, enum walk_objective objective);

/* ---- the rows ------------------------------------------------------------------------- */

static double hhi_exact(const exact_summary *x)
{
    return x->squares;
}
static mvec_interval hhi_bounds(const bounds_summary *b)
{
    return interval(b->squares_lo, b->squares_hi);
}

static double hhi_normalised_exact(const exact_summary *x)
{
    return normalised_hhi(x->squares, x->n);
}
/* Upper: the most concentrated shape with every other slot holding an
 * infinitesimal share (largest n); lower: the walk over K. */
static mvec_interval hhi_normalised_bounds(const bounds_summary *b)
{
    double hi = b->n_hi >= 2 ? 1.0 - (1.0 - b->squares_hi) / (1.0 - 1.0 / (double)b->n_hi) : 1.0;
    return interval(walk_holders(b, WALK_MIN_HHI_NORMALISED), hi);
}

static double equivalent_exact(const exact_summary *x)
{
    return 1.0 / x->squares;
}
static mvec_interval equivalent_bounds(const bounds_summary *b)
{
    return interval(1.0 / b->squares_hi, 1.0 / b->squares_lo);
}

static double cr1_exact(const exact_summary *x)
{
    return x->top[0];
}
static mvec_interval cr1_bounds(const bounds_summary *b)
{
    return interval(b->top_even[0], b->top_concentrated[0]);
}

static double cr3_exact(const exact_summary *x)
{
    return x->top[0] + x->top[1] + x->top[2];
}
static mvec_interval cr3_bounds(const bounds_summary *b)
{
    return interval(b->top_even[0] + b->top_even[1] + b->top_even[2],
                    b->top_concentrated[0] + b->top_concentrated[1] + b->top_concentrated[2]);
}

static double entropy_exact(const exact_summary *x)
{
    return x->entropy;
}
static mvec_interval entropy_bounds(const bounds_summary *b)
{
    return interval(b->entropy_lo, b->entropy_hi);
}

static double evenness_exact(const exact_summary *x)
{
    return x->n >= 2 ? x->entropy / log(x->n) : NAN;
}
/* Lower: least entropy over the largest n; upper: the walk over K. */
static mvec_interval evenness_bounds(const bounds_summary *b)
{
    if (b->n_hi < 2)
        return undefined_interval();
    return interval(b->entropy_lo / log((double)b->n_hi), walk_holders(b, WALK_MAX_EVENNESS));
}

static double theil_exact(const exact_summary *x)
{
    return log(x->n) - x->entropy;
}
/* Upper: ln n <= ln n_max and H >= H_min for every allocation, and both are
 * reached together (the most concentrated shape, every other slot holding an
 * infinitesimal share); lower: the walk over K (docs/methods.md). */
static mvec_interval theil_bounds(const bounds_summary *b)
{
    return interval(walk_holders(b, WALK_MIN_THEIL), log((double)b->n_hi) - b->entropy_lo);
}

static double partners_exact(const exact_summary *x)
{
    return x->n;
}
static mvec_interval partners_bounds(const bounds_summary *b)
{
    return interval((double)b->n_lo, (double)b->n_hi);
}

typedef struct index_row {
    mvec_index_desc desc;
    double (*exact)(const exact_summary *x);
    mvec_interval (*bounds)(const bounds_summary *b);
} index_row;

/* One row: id, key, label, scale (100: printed in %), text decimals, CSV
 * decimals, in the profile's one-line summary, functions (NAME_exact,
 * NAME_bounds), description. */
#define ROW(id, key, label, scale, decimals, csv, summary, name, description)                      \
    [id] = {{key, label, description, scale, decimals, csv, summary}, name##_exact, name##_bounds}

/* clang-format off */
static const index_row INDEX[MVEC_INDEX_COUNT] = {
    ROW(MVEC_INDEX_HHI,                 "hhi",                 "HHI",          1,   3, 8, 1,
        hhi,            "Herfindahl-Hirschman index, sum of squared shares (1 = one partner)"),
    ROW(MVEC_INDEX_HHI_NORMALISED,      "hhi_normalised",      "HHI*",         1,   3, 8, 0,
        hhi_normalised, "normalised HHI, (HHI - 1/n) / (1 - 1/n)"),
    ROW(MVEC_INDEX_EQUIVALENT_PARTNERS, "equivalent_partners", "eq. partners", 1,   1, 6, 0,
        equivalent,     "equivalent number of equal partners, 1 / HHI"),
    ROW(MVEC_INDEX_CR1,                 "cr1",                 "CR1",          100, 1, 8, 0,
        cr1,            "largest partner share"),
    ROW(MVEC_INDEX_CR3,                 "cr3",                 "CR3",          100, 1, 8, 0,
        cr3,            "sum of the three largest partner shares"),
    ROW(MVEC_INDEX_ENTROPY,             "entropy",             "entropy",      1,   3, 8, 0,
        entropy,        "Shannon entropy of the shares, natural logarithm"),
    ROW(MVEC_INDEX_EVENNESS,            "evenness",            "evenness",     1,   3, 8, 0,
        evenness,       "Pielou evenness, entropy / ln n (1 = equal shares)"),
    ROW(MVEC_INDEX_THEIL,               "theil",               "Theil",        1,   3, 8, 0,
        theil,          "Theil index, ln n - entropy (0 = equal shares)"),
    ROW(MVEC_INDEX_PARTNERS,            "partners",            "partners",     1,   0, 0, 0,
        partners,       "number of partners with a positive share, n"),
};
/* clang-format on */

#undef ROW

const mvec_index_desc *mvec_index_info(mvec_index_id id)
{
    return (unsigned)id < MVEC_INDEX_COUNT ? &INDEX[id].desc : NULL;
}

/* MVEC_ERR_INVALID unless the caller's struct was made by its INIT macro
 * with at most this library's number of indices. */
static mvec_status check_count(mvec_ctx *ctx, size_t count, const char *type, const char *init)
{
    if (count == 0 || count > MVEC_INDEX_COUNT)
        return mvec__error(ctx, MVEC_ERR_INVALID,
                           "%s.count is %zu, but this libmvec has 1 to %d indices (start the "
                           "struct from %s)",
                           type, count, (int)MVEC_INDEX_COUNT, init);
    return MVEC_OK;
}

mvec_status mvec_indices_compute(mvec_ctx *ctx, const double *shares, size_t count,
                                 mvec_indices *out)
{
    mvec_status status = check_count(ctx, out->count, "mvec_indices", "MVEC_INDICES_INIT");
    if (status != MVEC_OK)
        return status;
    mvec_indices result;
    memset(&result, 0, sizeof result);
    exact_summary x = {0, 0, {0, 0, 0}, 0};
    for (size_t i = 0; i < count; i++) {
        double s = shares[i];
        if (!isfinite(s) || s < 0)
            return mvec__error(ctx, MVEC_ERR_INVALID, "share %zu is %g (shares must be >= 0)",
                               i + 1, s);
        if (s <= 0)
            continue;
        result.positive_count++;
        x.squares += s * s;
        x.entropy += entropy_term(s);
        if (s > shares[result.top] || shares[result.top] <= 0)
            result.top = i;
        keep_top3(x.top, s);
    }
    x.n = (double)result.positive_count;
    out->positive_count = result.positive_count;
    out->top = result.top;
    for (size_t i = 0; i < out->count; i++)
        out->value[i] = result.positive_count ? INDEX[i].exact(&x) : NAN;
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
        /* an empty pool may have cap 0 (a top list whose smallest share is 0) */
        if (!(pool->mass >= -MASS_EPSILON) || (pool->mass > MASS_EPSILON && !(pool->cap > 0)))
            return mvec__error(ctx, MVEC_ERR_INVALID, "unlisted remainder %zu: share %g with each "
                               "unlisted partner capped at %g (a negative share or a zero cap)",
                               g + 1, pool->mass, pool->cap);
        if (pool->mass > MASS_EPSILON && (pool->slots == 0 || pool_min_holders(pool) > pool->slots))
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
 * sum R_g ln k_g (for evenness and Theil: the largest entropy with k_g
 * holders in pool g is the even spread), both separable and convex/concave
 * in k_g, so the greedy split is optimal for every K. Returns the best value
 * of the objective over K. Cost: O(pool_count x total slots).
 */
static double walk_holders(const bounds_summary *in, enum walk_objective objective)
{
    double listed_squares = 0;
    double listed_entropy = 0;
    size_t listed_positive = 0;
    for (size_t i = 0; i < in->listed_count; i++) {
        if (in->listed[i] > 0) {
            listed_positive++;
            listed_squares += in->listed[i] * in->listed[i];
            listed_entropy += entropy_term(in->listed[i]);
        }
    }
    size_t *holders = in->holders;
    size_t total = listed_positive;
    for (size_t g = 0; g < in->pool_count; g++) {
        holders[g] = pool_min_holders(&in->pools[g]);
        total += holders[g];
    }
    bool minimise = objective != WALK_MAX_EVENNESS;
    double best = minimise ? INFINITY : -INFINITY;
    for (;;) {
        double squares = listed_squares;
        double entropy = listed_entropy;
        for (size_t g = 0; g < in->pool_count; g++) {
            if (holders[g] == 0)
                continue;
            double mass = in->pools[g].mass;
            squares += mass * mass / (double)holders[g];
            entropy += entropy_term(mass) + mass * log((double)holders[g]);
        }
        double n = (double)total;
        double value = NAN;
        switch (objective) {
        case WALK_MIN_HHI_NORMALISED:
            value = total >= 1 ? normalised_hhi(squares, n) : NAN;
            break;
        case WALK_MAX_EVENNESS:
            value = total >= 2 ? entropy / log(n) : NAN;
            break;
        case WALK_MIN_THEIL:
            value = total >= 1 ? log(n) - entropy : NAN;
            break;
        }
        if (!isnan(value) && (minimise ? value < best : value > best))
            best = value;
        /* Next K: give one more holder to the pool that gains most. */
        size_t chosen = SIZE_MAX;
        double chosen_gain = -INFINITY;
        for (size_t g = 0; g < in->pool_count; g++) {
            if (holders[g] == 0 || holders[g] >= in->pools[g].slots)
                continue;
            double mass = in->pools[g].mass;
            double k = (double)holders[g];
            double gain = objective == WALK_MIN_HHI_NORMALISED
                              ? mass * mass / k - mass * mass / (k + 1)
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
    bounds_summary b;
    memset(&b, 0, sizeof b);
    MVEC_TRY(check_count(ctx, out->count, "mvec_index_bounds", "MVEC_INDEX_BOUNDS_INIT"));
    MVEC_TRY(check_pools(ctx, pools, pool_count));
    size_t listed_positive = 0;
    for (size_t i = 0; i < listed_count; i++) {
        double s = listed_shares[i];
        if (!isfinite(s) || s < 0)
            MVEC_FAIL(ctx, MVEC_ERR_INVALID, "listed share %zu is %g", i + 1, s);
        if (s <= 0)
            continue;
        listed_positive++;
        b.squares_lo += s * s;
        b.entropy_lo += entropy_term(s);
        keep_top3(b.top_even, s);
        keep_top3(b.top_concentrated, s);
    }
    b.squares_hi = b.squares_lo;
    b.entropy_hi = b.entropy_lo;
    size_t holders_lo = 0;
    size_t holders_hi = 0;
    for (size_t g = 0; g < pool_count; g++) {
        const mvec_pool *pool = &pools[g];
        if (pool->mass <= MASS_EPSILON)
            continue;
        double even_piece = pool->mass / (double)pool->slots;
        b.squares_lo += pool->mass * even_piece;
        b.squares_hi += pool_max_squares(pool);
        b.entropy_hi += entropy_term(pool->mass) + pool->mass * log((double)pool->slots);
        b.entropy_lo += pool_min_entropy(pool);
        for (size_t k = 0; k < 3 && k < pool->slots; k++)
            keep_top3(b.top_even, even_piece);
        pool_max_pieces(pool, b.top_concentrated);
        holders_lo += pool_min_holders(pool);
        holders_hi += pool->slots;
    }
    b.n_lo = listed_positive + holders_lo;
    b.n_hi = listed_positive + holders_hi;
    if (b.n_hi == 0) {
        for (size_t i = 0; i < out->count; i++)
            out->value[i] = i == MVEC_INDEX_PARTNERS ? interval(0, 0) : undefined_interval();
        goto cleanup;
    }
    MVEC_TRY(mvec__calloc(ctx, pool_count ? pool_count : 1, sizeof *holders, &holders));
    b.listed = listed_shares;
    b.listed_count = listed_count;
    b.pools = pools;
    b.pool_count = pool_count;
    b.holders = holders;
    for (size_t i = 0; i < out->count; i++)
        out->value[i] = INDEX[i].bounds(&b);
cleanup:
    mvec__free(ctx, holders);
    return status;
}
