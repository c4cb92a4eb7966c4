/*
 * test_indices.c - concentration indices and their bounds: hand-computed
 * values (one partner, all zero, remainder only, a three-partner case, a
 * capped top list) and a brute-force check of the bounds over a grid of
 * allocations.
 */
#include <mvec/mvec.h>

#include "test.h"

static void test_complete(mvec_ctx *ctx)
{
    /* shares 0.5, 0.3, 0.2: HHI = 0.38, HHI* = (0.38 - 1/3)/(2/3) = 0.07,
     * H = -(0.5 ln 0.5 + 0.3 ln 0.3 + 0.2 ln 0.2) = 1.0296530, J = H/ln 3 */
    double shares[] = {0.5, 0.3, 0.2};
    mvec_indices x = MVEC_INDICES_INIT;
    CHECK_STATUS(mvec_indices_compute(ctx, shares, 3, &x), MVEC_OK);
    CHECK_NEAR(x.value[MVEC_INDEX_HHI], 0.38, 1e-12);
    CHECK_NEAR(x.value[MVEC_INDEX_HHI_NORMALISED], 0.07, 1e-12);
    CHECK_NEAR(x.value[MVEC_INDEX_EQUIVALENT_PARTNERS], 1 / 0.38, 1e-12);
    CHECK_NEAR(x.value[MVEC_INDEX_CR1], 0.5, 1e-12);
    CHECK_NEAR(x.value[MVEC_INDEX_CR3], 1.0, 1e-12);
    CHECK_NEAR(x.value[MVEC_INDEX_ENTROPY], 1.0296530140645737, 1e-12);
    CHECK_NEAR(x.value[MVEC_INDEX_EVENNESS], 1.0296530140645737 / log(3), 1e-12);
    CHECK(x.positive_count == 3);
    CHECK(x.top == 0);
}

static void test_one_partner(mvec_ctx *ctx)
{
    double shares[] = {0, 1, 0};
    mvec_indices x = MVEC_INDICES_INIT;
    CHECK_STATUS(mvec_indices_compute(ctx, shares, 3, &x), MVEC_OK);
    CHECK_NEAR(x.value[MVEC_INDEX_HHI], 1, 0);
    CHECK_NEAR(x.value[MVEC_INDEX_HHI_NORMALISED], 1, 0);
    CHECK_NEAR(x.value[MVEC_INDEX_EQUIVALENT_PARTNERS], 1, 0);
    CHECK_NEAR(x.value[MVEC_INDEX_CR1], 1, 0);
    CHECK_NEAR(x.value[MVEC_INDEX_CR3], 1, 0);
    CHECK_NEAR(x.value[MVEC_INDEX_ENTROPY], 0, 0);
    CHECK(isnan(x.value[MVEC_INDEX_EVENNESS]));
    CHECK(x.positive_count == 1);
    CHECK(x.top == 1);
}

static void test_all_zero(mvec_ctx *ctx)
{
    double shares[] = {0, 0};
    mvec_indices x = MVEC_INDICES_INIT;
    CHECK_STATUS(mvec_indices_compute(ctx, shares, 2, &x), MVEC_OK);
    CHECK(isnan(x.value[MVEC_INDEX_HHI]) && isnan(x.value[MVEC_INDEX_CR1]) &&
          isnan(x.value[MVEC_INDEX_ENTROPY]) && isnan(x.value[MVEC_INDEX_EVENNESS]));
    CHECK(x.positive_count == 0);
    mvec_index_bounds b = MVEC_INDEX_BOUNDS_INIT;
    CHECK_STATUS(mvec_index_bounds_compute(ctx, shares, 2, NULL, 0, &b), MVEC_OK);
    CHECK(isnan(b.value[MVEC_INDEX_HHI].lo) && isnan(b.value[MVEC_INDEX_HHI].hi));
    double bad[] = {0.5, -0.1};
    CHECK_STATUS(mvec_indices_compute(ctx, bad, 2, &x), MVEC_ERR_INVALID);
}

static void test_remainder_only(mvec_ctx *ctx)
{
    /* nothing listed: the whole total is held by up to 248 unknown partners */
    mvec_pool pool = {1.0, 248, INFINITY};
    mvec_index_bounds b = MVEC_INDEX_BOUNDS_INIT;
    CHECK_STATUS(mvec_index_bounds_compute(ctx, NULL, 0, &pool, 1, &b), MVEC_OK);
    CHECK_NEAR(b.value[MVEC_INDEX_HHI].lo, 1.0 / 248, 1e-15);
    CHECK_NEAR(b.value[MVEC_INDEX_HHI].hi, 1.0, 1e-15);
    CHECK_NEAR(b.value[MVEC_INDEX_EQUIVALENT_PARTNERS].lo, 1.0, 1e-12);
    CHECK_NEAR(b.value[MVEC_INDEX_EQUIVALENT_PARTNERS].hi, 248.0, 1e-9);
    CHECK_NEAR(b.value[MVEC_INDEX_CR1].lo, 1.0 / 248, 1e-15);
    CHECK_NEAR(b.value[MVEC_INDEX_CR1].hi, 1.0, 1e-15);
    CHECK_NEAR(b.value[MVEC_INDEX_CR3].lo, 3.0 / 248, 1e-15);
    CHECK_NEAR(b.value[MVEC_INDEX_CR3].hi, 1.0, 1e-15);
    CHECK_NEAR(b.value[MVEC_INDEX_ENTROPY].lo, 0.0, 1e-15);
    CHECK_NEAR(b.value[MVEC_INDEX_ENTROPY].hi, log(248), 1e-12);
    CHECK_NEAR(b.value[MVEC_INDEX_HHI_NORMALISED].lo, 0.0, 1e-12);
    CHECK_NEAR(b.value[MVEC_INDEX_HHI_NORMALISED].hi, 1.0, 1e-12);
    CHECK_NEAR(b.value[MVEC_INDEX_EVENNESS].lo, 0.0, 1e-12);
    CHECK_NEAR(b.value[MVEC_INDEX_EVENNESS].hi, 1.0, 1e-12);
    CHECK_NEAR(b.value[MVEC_INDEX_PARTNERS].lo, 1, 0);
    CHECK_NEAR(b.value[MVEC_INDEX_PARTNERS].hi, 248, 0);
}

static void test_half_listed(mvec_ctx *ctx)
{
    /* one partner at 0.5, the other 0.5 held by at most two more:
     * HHI in [0.25 + 0.25/2, 0.25 + 0.25] = [0.375, 0.5];
     * entropy in [2 * 0.5 ln 2, 0.5 ln 2 + 0.5 ln 4] = [0.6931472, 1.0397208];
     * HHI* lower: n = 2 with shares (0.5, 0.5) gives 0; upper: (0.5, 0.5 - e, e)
     * gives (0.5 - 1/3) / (2/3) = 0.25; evenness: upper 1 (two equal partners),
     * lower ln 2 / ln 3 = 0.6309298. */
    double listed[] = {0.5};
    mvec_pool pool = {0.5, 2, INFINITY};
    mvec_index_bounds b = MVEC_INDEX_BOUNDS_INIT;
    CHECK_STATUS(mvec_index_bounds_compute(ctx, listed, 1, &pool, 1, &b), MVEC_OK);
    CHECK_NEAR(b.value[MVEC_INDEX_HHI].lo, 0.375, 1e-15);
    CHECK_NEAR(b.value[MVEC_INDEX_HHI].hi, 0.5, 1e-15);
    CHECK_NEAR(b.value[MVEC_INDEX_CR1].lo, 0.5, 1e-15);
    CHECK_NEAR(b.value[MVEC_INDEX_CR1].hi, 0.5, 1e-15);
    CHECK_NEAR(b.value[MVEC_INDEX_CR3].lo, 1.0, 1e-15);
    CHECK_NEAR(b.value[MVEC_INDEX_CR3].hi, 1.0, 1e-15);
    CHECK_NEAR(b.value[MVEC_INDEX_ENTROPY].lo, log(2), 1e-12);
    CHECK_NEAR(b.value[MVEC_INDEX_ENTROPY].hi, 0.5 * log(2) + 0.5 * log(4), 1e-12);
    CHECK_NEAR(b.value[MVEC_INDEX_HHI_NORMALISED].lo, 0.0, 1e-12);
    CHECK_NEAR(b.value[MVEC_INDEX_HHI_NORMALISED].hi, 0.25, 1e-12);
    CHECK_NEAR(b.value[MVEC_INDEX_EVENNESS].lo, log(2) / log(3), 1e-12);
    CHECK_NEAR(b.value[MVEC_INDEX_EVENNESS].hi, 1.0, 1e-12);
}

static void test_top_list_cap(mvec_ctx *ctx)
{
    /* a top list 0.4, 0.2: the 0.4 left is held by partners of at most 0.2 each:
     * HHI in [0.2 + 0.4^2/10, 0.2 + 2 * 0.2^2] = [0.216, 0.28];
     * CR3 in [0.4 + 0.2 + 0.04, 0.4 + 0.2 + 0.2] = [0.64, 0.8]; at least 2 holders */
    double listed[] = {0.4, 0.2};
    mvec_pool pool = {0.4, 10, 0.2};
    mvec_index_bounds b = MVEC_INDEX_BOUNDS_INIT;
    CHECK_STATUS(mvec_index_bounds_compute(ctx, listed, 2, &pool, 1, &b), MVEC_OK);
    CHECK_NEAR(b.value[MVEC_INDEX_HHI].lo, 0.216, 1e-15);
    CHECK_NEAR(b.value[MVEC_INDEX_HHI].hi, 0.28, 1e-15);
    CHECK_NEAR(b.value[MVEC_INDEX_CR1].lo, 0.4, 1e-15);
    CHECK_NEAR(b.value[MVEC_INDEX_CR1].hi, 0.4, 1e-15);
    CHECK_NEAR(b.value[MVEC_INDEX_CR3].lo, 0.64, 1e-15);
    CHECK_NEAR(b.value[MVEC_INDEX_CR3].hi, 0.8, 1e-15);
    CHECK_NEAR(b.value[MVEC_INDEX_PARTNERS].lo, 4, 0);
    CHECK_NEAR(b.value[MVEC_INDEX_PARTNERS].hi, 12, 0);
    mvec_pool impossible = {0.5, 2, 0.2}; /* 2 x 0.2 cannot hold 0.5 */
    CHECK_STATUS(mvec_index_bounds_compute(ctx, listed, 2, &impossible, 1, &b), MVEC_ERR_INVALID);
}

/* Every index computed directly from the definitions (independent of
 * indices.c): HHI, HHI*, CR1, CR3, H, J, Theil, n. */
enum { DIRECT_COUNT = 8 };
static void direct(const double *shares, size_t count, double out[DIRECT_COUNT])
{
    double squares = 0, entropy = 0, n = 0, top[3] = {0, 0, 0};
    for (size_t i = 0; i < count; i++) {
        double s = shares[i];
        if (s <= 0)
            continue;
        n++;
        squares += s * s;
        entropy -= s * log(s);
        for (int k = 0; k < 3; k++)
            if (s > top[k]) {
                for (int j = 2; j > k; j--)
                    top[j] = top[j - 1];
                top[k] = s;
                break;
            }
    }
    out[0] = squares;
    out[1] = n > 1 ? (squares - 1 / n) / (1 - 1 / n) : 1;
    out[2] = top[0];
    out[3] = top[0] + top[1] + top[2];
    out[4] = entropy;
    out[5] = n > 1 ? entropy / log(n) : NAN;
    out[6] = log(n) - entropy;
    out[7] = n;
}

static const mvec_index_id DIRECT_IDS[DIRECT_COUNT] = {
    MVEC_INDEX_HHI,     MVEC_INDEX_HHI_NORMALISED, MVEC_INDEX_CR1,   MVEC_INDEX_CR3,
    MVEC_INDEX_ENTROPY, MVEC_INDEX_EVENNESS,       MVEC_INDEX_THEIL, MVEC_INDEX_PARTNERS,
};

typedef struct extremes {
    double lo[DIRECT_COUNT];
    double hi[DIRECT_COUNT];
} extremes;

static void extremes_init(extremes *e)
{
    for (int k = 0; k < DIRECT_COUNT; k++) {
        e->lo[k] = INFINITY;
        e->hi[k] = -INFINITY;
    }
}

static void extremes_add(extremes *e, const double *shares, size_t count)
{
    double values[DIRECT_COUNT];
    direct(shares, count, values);
    for (int k = 0; k < DIRECT_COUNT; k++) {
        if (isnan(values[k]))
            continue;
        if (values[k] < e->lo[k])
            e->lo[k] = values[k];
        if (values[k] > e->hi[k])
            e->hi[k] = values[k];
    }
}

/* The allocation and its limit form: every empty slot of a pool (pieces
 * [first[g], first[g + 1])) given 1e-9, taken from the pool's largest piece.
 * Bounds that are closures (largest n with the least entropy) are reached
 * only this way. */
static void extremes_add_limit(extremes *e, double *shares, size_t count, const size_t *first,
                               size_t pools)
{
    extremes_add(e, shares, count);
    double limit[16];
    for (size_t i = 0; i < count; i++)
        limit[i] = shares[i];
    for (size_t g = 0; g < pools; g++) {
        size_t largest = first[g];
        size_t zeros = 0;
        for (size_t i = first[g]; i < first[g + 1]; i++) {
            zeros += limit[i] <= 0;
            if (limit[i] > limit[largest])
                largest = i;
        }
        if (zeros == 0 || limit[largest] < 1e-6)
            continue;
        for (size_t i = first[g]; i < first[g + 1]; i++)
            if (limit[i] <= 0) {
                limit[i] = 1e-9;
                limit[largest] -= 1e-9;
            }
    }
    extremes_add(e, limit, count);
}

/* Every grid allocation must lie inside the bounds, and the grid's extremes
 * must come within `tolerance` of them (bounds are closures: an
 * infinitesimal share is approached by one grid step). */
static void check_extremes(const extremes *e, const mvec_index_bounds *b, double tolerance)
{
    for (int k = 0; k < DIRECT_COUNT; k++) {
        mvec_interval bound = b->value[DIRECT_IDS[k]];
        CHECK(e->lo[k] >= bound.lo - 1e-12);
        CHECK(e->hi[k] <= bound.hi + 1e-12);
        CHECK_NEAR(e->lo[k], bound.lo, tolerance);
        CHECK_NEAR(e->hi[k], bound.hi, tolerance);
    }
}

/* Every allocation of a pool of 0.6 over three slots (cap 0.25 or none), on a
 * grid of 0.005 (zeros included, so n varies from 3 to 5). */
static void brute_force(mvec_ctx *ctx, double cap)
{
    double listed[] = {0.3, 0.1};
    mvec_pool pool = {0.6, 3, cap};
    mvec_index_bounds b = MVEC_INDEX_BOUNDS_INIT;
    CHECK_STATUS(mvec_index_bounds_compute(ctx, listed, 2, &pool, 1, &b), MVEC_OK);
    extremes e;
    extremes_init(&e);
    const double step = 0.005;
    for (int i = 0; i <= 120; i++)
        for (int j = 0; j <= 120 - i; j++) {
            double a = i * step;
            double c = j * step;
            double d = 0.6 - a - c;
            if (d < -1e-12 || a > cap + 1e-12 || c > cap + 1e-12 || d > cap + 1e-12)
                continue;
            double shares[] = {0.3, 0.1, a, c, d < 1e-12 ? 0 : d};
            static const size_t first[] = {2, 5};
            extremes_add_limit(&e, shares, 5, first, 1);
        }
    check_extremes(&e, &b, 0.01);
}

/* Two pools (an aggregate's unlisted members and the rest): 0.5 over two
 * slots and 0.2 over three, grid 0.01; the split of holders between the
 * pools is what the walk chooses. */
static void brute_force_two_pools(mvec_ctx *ctx)
{
    double listed[] = {0.3};
    mvec_pool pools[] = {{0.5, 2, INFINITY}, {0.2, 3, INFINITY}};
    mvec_index_bounds b = MVEC_INDEX_BOUNDS_INIT;
    CHECK_STATUS(mvec_index_bounds_compute(ctx, listed, 1, pools, 2, &b), MVEC_OK);
    extremes e;
    extremes_init(&e);
    for (int a = 0; a <= 50; a++)
        for (int i = 0; i <= 20; i++)
            for (int j = 0; j <= 20 - i; j++) {
                double shares[] = {0.3,       a / 100.0, (50 - a) / 100.0,
                                   i / 100.0, j / 100.0, (20 - i - j) / 100.0};
                static const size_t first[] = {1, 3, 6};
                extremes_add_limit(&e, shares, 6, first, 2);
            }
    check_extremes(&e, &b, 0.01);
    /* Theil's lower bound, by hand: with k1 holders of the 0.5 and k2 of the
     * 0.2, spread evenly, T = ln(1 + k1 + k2) + 0.3 ln 0.3 + 0.5 ln(0.5/k1)
     * + 0.2 ln(0.2/k2): (1,1) 0.0689593, (2,1) 0.0100678, (1,2) 0.2180119,
     * (2,2) 0.0945819, (1,3) 0.3600624, (2,3) 0.1958104; least at (2,1). */
    CHECK_NEAR(b.value[MVEC_INDEX_THEIL].lo, 0.0100677568, 1e-9);
    CHECK_NEAR(b.value[MVEC_INDEX_THEIL].lo,
               log(4) + 0.3 * log(0.3) + 0.5 * log(0.25) + 0.2 * log(0.2), 1e-12);
}

/* Theil T = ln n - H (hand-computed). */
static void test_theil(mvec_ctx *ctx)
{
    /* 0.5, 0.3, 0.2: T = ln 3 - 1.0296530140645737 = 0.0689592746035361 */
    double shares[] = {0.5, 0.3, 0.2};
    mvec_indices x = MVEC_INDICES_INIT;
    CHECK_STATUS(mvec_indices_compute(ctx, shares, 3, &x), MVEC_OK);
    CHECK_NEAR(x.value[MVEC_INDEX_THEIL], 0.0689592746035361, 1e-12);
    /* equal shares: 0; one partner: 0 */
    double equal[] = {0.25, 0.25, 0.25, 0.25};
    CHECK_STATUS(mvec_indices_compute(ctx, equal, 4, &x), MVEC_OK);
    CHECK_NEAR(x.value[MVEC_INDEX_THEIL], 0, 1e-15);
    double one[] = {0, 1};
    CHECK_STATUS(mvec_indices_compute(ctx, one, 2, &x), MVEC_OK);
    CHECK_NEAR(x.value[MVEC_INDEX_THEIL], 0, 0);
    /* 0.5 listed, 0.5 over at most two more: (0.5, 0.5) gives 0; the upper
     * bound is (0.5, 0.5 - e, e): ln 3 - ln 2 = 0.4054651. */
    double listed[] = {0.5};
    mvec_pool pool = {0.5, 2, INFINITY};
    mvec_index_bounds b = MVEC_INDEX_BOUNDS_INIT;
    CHECK_STATUS(mvec_index_bounds_compute(ctx, listed, 1, &pool, 1, &b), MVEC_OK);
    CHECK_NEAR(b.value[MVEC_INDEX_THEIL].lo, 0, 1e-12);
    CHECK_NEAR(b.value[MVEC_INDEX_THEIL].hi, 0.4054651081081644, 1e-12);
    /* top list 0.4, 0.2; 0.4 over at most 10 partners of at most 0.2:
     * upper: n = 12 and the least entropy (0.4, 0.2, 0.2, 0.2 + 8 x e):
     * ln 12 + 0.4 ln 0.4 + 0.6 ln 0.2 = 1.1527276; lower: k even holders
     * give T(k) = ln(2 + k) - 0.4 ln k + 0.4 ln 0.4 + 0.2 ln 0.2, increasing
     * for k > 4/3, so k = 2: ln 4 + 0.4 ln 0.4 + 0.6 ln 0.2 = 0.0541153. */
    double top[] = {0.4, 0.2};
    mvec_pool capped = {0.4, 10, 0.2};
    CHECK_STATUS(mvec_index_bounds_compute(ctx, top, 2, &capped, 1, &b), MVEC_OK);
    CHECK_NEAR(b.value[MVEC_INDEX_THEIL].hi, log(12) + 0.4 * log(0.4) + 0.6 * log(0.2), 1e-12);
    CHECK_NEAR(b.value[MVEC_INDEX_THEIL].hi, 1.1527276, 1e-7);
    CHECK_NEAR(b.value[MVEC_INDEX_THEIL].lo, log(4) + 0.4 * log(0.4) + 0.6 * log(0.2), 1e-12);
    CHECK_NEAR(b.value[MVEC_INDEX_THEIL].lo, 0.0541153, 1e-7);
    /* nothing listed, 1.0 over 248: from 0 (equal shares) to ln 248 */
    mvec_pool all = {1.0, 248, INFINITY};
    CHECK_STATUS(mvec_index_bounds_compute(ctx, NULL, 0, &all, 1, &b), MVEC_OK);
    CHECK_NEAR(b.value[MVEC_INDEX_THEIL].lo, 0, 1e-12);
    CHECK_NEAR(b.value[MVEC_INDEX_THEIL].hi, log(248), 1e-12);
}

/* The table: every row named, keys distinct, and the accessor bounded. */
static void test_table(void)
{
    for (int i = 0; i < MVEC_INDEX_COUNT; i++) {
        const mvec_index_desc *d = mvec_index_info((mvec_index_id)i);
        CHECK(d != NULL && d->key != NULL && d->label != NULL && d->description != NULL);
        CHECK(fabs(d->scale - 1) < 1e-12 || fabs(d->scale - 100) < 1e-12);
        for (int j = 0; j < i; j++)
            CHECK(strcmp(d->key, mvec_index_info((mvec_index_id)j)->key) != 0);
    }
    CHECK(mvec_index_info(MVEC_INDEX_COUNT) == NULL);
    CHECK_STR(mvec_index_info(MVEC_INDEX_THEIL)->key, "theil");
}

/* The one range formatter: en dash, one number when the ends print alike. */
static void test_format(void)
{
    char text[64];
    mvec_interval range = {0.19419, 0.20089};
    CHECK_STR(mvec_interval_format(text, sizeof text, range, 100, 1), "19.4\xE2\x80\x93"
                                                                      "20.1");
    CHECK_STR(mvec_interval_format(text, sizeof text, range, 100, 0), "19\xE2\x80\x93"
                                                                      "20");
    mvec_interval point = {0.1234, 0.12341};
    CHECK_STR(mvec_interval_format(text, sizeof text, point, 1, 3), "0.123");
    mvec_interval none = {NAN, NAN};
    CHECK_STR(mvec_interval_format(text, sizeof text, none, 1, 3), "n/a");
    mvec_interval negative_zero = {-0.0001, 0.0};
    CHECK_STR(mvec_interval_format(text, sizeof text, negative_zero, 1, 2), "0.00");
}

static void test_union(void)
{
    mvec_interval a = {0.2, 0.3};
    mvec_interval b = {0.1, 0.25};
    mvec_interval none = {NAN, NAN};
    mvec_interval u = mvec_interval_union(a, b);
    CHECK_NEAR(u.lo, 0.1, 0);
    CHECK_NEAR(u.hi, 0.3, 0);
    u = mvec_interval_union(none, a);
    CHECK_NEAR(u.lo, 0.2, 0);
}

/* A program built when the table had 3 rows passes count 3: the library
 * sets those 3 values and nothing past them (its struct ends there); a
 * struct not made by its INIT macro (count 0), or from a newer header with
 * more rows than the library knows, is refused. */
static void test_older_caller(mvec_ctx *ctx)
{
    double shares[] = {0.5, 0.3, 0.2};
    mvec_indices x = MVEC_INDICES_INIT;
    x.count = 3;
    for (size_t i = 0; i < MVEC_INDEX_COUNT; i++)
        x.value[i] = -7;
    CHECK_STATUS(mvec_indices_compute(ctx, shares, 3, &x), MVEC_OK);
    CHECK_NEAR(x.value[MVEC_INDEX_HHI], 0.38, 1e-12);
    CHECK_NEAR(x.value[MVEC_INDEX_EQUIVALENT_PARTNERS], 1 / 0.38, 1e-12);
    for (size_t i = 3; i < MVEC_INDEX_COUNT; i++)
        CHECK_NEAR(x.value[i], -7, 0);
    CHECK(x.positive_count == 3);
    x.count = 0;
    CHECK_STATUS(mvec_indices_compute(ctx, shares, 3, &x), MVEC_ERR_INVALID);
    x.count = MVEC_INDEX_COUNT + 1;
    CHECK_STATUS(mvec_indices_compute(ctx, shares, 3, &x), MVEC_ERR_INVALID);

    mvec_index_bounds b = MVEC_INDEX_BOUNDS_INIT;
    mvec_pool pool = {0.2, 2, INFINITY};
    b.count = 1;
    b.value[1].lo = b.value[1].hi = -7;
    CHECK_STATUS(mvec_index_bounds_compute(ctx, shares, 2, &pool, 1, &b), MVEC_OK);
    /* 0.5, 0.3 listed, 0.2 over at most 2 partners: HHI 0.36 to 0.38 */
    CHECK_NEAR(b.value[MVEC_INDEX_HHI].lo, 0.25 + 0.09 + 0.02, 1e-12);
    CHECK_NEAR(b.value[MVEC_INDEX_HHI].hi, 0.38, 1e-12);
    CHECK_NEAR(b.value[1].lo, -7, 0);
    CHECK_NEAR(b.value[1].hi, -7, 0);
    b.count = 0;
    CHECK_STATUS(mvec_index_bounds_compute(ctx, shares, 2, &pool, 1, &b), MVEC_ERR_INVALID);
}

int main(void)
{
    mvec_ctx *ctx = mvec_ctx_new(NULL, NULL);
    test_complete(ctx);
    test_one_partner(ctx);
    test_all_zero(ctx);
    test_remainder_only(ctx);
    test_half_listed(ctx);
    test_top_list_cap(ctx);
    brute_force(ctx, INFINITY);
    brute_force(ctx, 0.25);
    brute_force_two_pools(ctx);
    test_theil(ctx);
    test_table();
    test_union();
    test_format();
    test_older_caller(ctx);
    mvec_ctx_free(ctx);
    return test_report("test_indices");
}
