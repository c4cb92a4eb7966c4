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
    mvec_indices x;
    CHECK_STATUS(mvec_indices_compute(ctx, shares, 3, &x), MVEC_OK);
    CHECK_NEAR(x.hhi, 0.38, 1e-12);
    CHECK_NEAR(x.hhi_normalised, 0.07, 1e-12);
    CHECK_NEAR(x.equivalent_partners, 1 / 0.38, 1e-12);
    CHECK_NEAR(x.cr1, 0.5, 1e-12);
    CHECK_NEAR(x.cr3, 1.0, 1e-12);
    CHECK_NEAR(x.entropy, 1.0296530140645737, 1e-12);
    CHECK_NEAR(x.evenness, 1.0296530140645737 / log(3), 1e-12);
    CHECK(x.positive_count == 3);
    CHECK(x.top == 0);
}

static void test_one_partner(mvec_ctx *ctx)
{
    double shares[] = {0, 1, 0};
    mvec_indices x;
    CHECK_STATUS(mvec_indices_compute(ctx, shares, 3, &x), MVEC_OK);
    CHECK_NEAR(x.hhi, 1, 0);
    CHECK_NEAR(x.hhi_normalised, 1, 0);
    CHECK_NEAR(x.equivalent_partners, 1, 0);
    CHECK_NEAR(x.cr1, 1, 0);
    CHECK_NEAR(x.cr3, 1, 0);
    CHECK_NEAR(x.entropy, 0, 0);
    CHECK(isnan(x.evenness));
    CHECK(x.positive_count == 1);
    CHECK(x.top == 1);
}

static void test_all_zero(mvec_ctx *ctx)
{
    double shares[] = {0, 0};
    mvec_indices x;
    CHECK_STATUS(mvec_indices_compute(ctx, shares, 2, &x), MVEC_OK);
    CHECK(isnan(x.hhi) && isnan(x.cr1) && isnan(x.entropy) && isnan(x.evenness));
    CHECK(x.positive_count == 0);
    mvec_index_bounds b;
    CHECK_STATUS(mvec_index_bounds_compute(ctx, shares, 2, NULL, 0, &b), MVEC_OK);
    CHECK(isnan(b.hhi.lo) && isnan(b.hhi.hi));
    double bad[] = {0.5, -0.1};
    CHECK_STATUS(mvec_indices_compute(ctx, bad, 2, &x), MVEC_ERR_INVALID);
}

static void test_remainder_only(mvec_ctx *ctx)
{
    /* nothing listed: the whole total is held by up to 248 unknown partners */
    mvec_pool pool = {1.0, 248, INFINITY};
    mvec_index_bounds b;
    CHECK_STATUS(mvec_index_bounds_compute(ctx, NULL, 0, &pool, 1, &b), MVEC_OK);
    CHECK_NEAR(b.hhi.lo, 1.0 / 248, 1e-15);
    CHECK_NEAR(b.hhi.hi, 1.0, 1e-15);
    CHECK_NEAR(b.equivalent_partners.lo, 1.0, 1e-12);
    CHECK_NEAR(b.equivalent_partners.hi, 248.0, 1e-9);
    CHECK_NEAR(b.cr1.lo, 1.0 / 248, 1e-15);
    CHECK_NEAR(b.cr1.hi, 1.0, 1e-15);
    CHECK_NEAR(b.cr3.lo, 3.0 / 248, 1e-15);
    CHECK_NEAR(b.cr3.hi, 1.0, 1e-15);
    CHECK_NEAR(b.entropy.lo, 0.0, 1e-15);
    CHECK_NEAR(b.entropy.hi, log(248), 1e-12);
    CHECK_NEAR(b.hhi_normalised.lo, 0.0, 1e-12);
    CHECK_NEAR(b.hhi_normalised.hi, 1.0, 1e-12);
    CHECK_NEAR(b.evenness.lo, 0.0, 1e-12);
    CHECK_NEAR(b.evenness.hi, 1.0, 1e-12);
    CHECK_NEAR(b.positive_count.lo, 1, 0);
    CHECK_NEAR(b.positive_count.hi, 248, 0);
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
    mvec_index_bounds b;
    CHECK_STATUS(mvec_index_bounds_compute(ctx, listed, 1, &pool, 1, &b), MVEC_OK);
    CHECK_NEAR(b.hhi.lo, 0.375, 1e-15);
    CHECK_NEAR(b.hhi.hi, 0.5, 1e-15);
    CHECK_NEAR(b.cr1.lo, 0.5, 1e-15);
    CHECK_NEAR(b.cr1.hi, 0.5, 1e-15);
    CHECK_NEAR(b.cr3.lo, 1.0, 1e-15);
    CHECK_NEAR(b.cr3.hi, 1.0, 1e-15);
    CHECK_NEAR(b.entropy.lo, log(2), 1e-12);
    CHECK_NEAR(b.entropy.hi, 0.5 * log(2) + 0.5 * log(4), 1e-12);
    CHECK_NEAR(b.hhi_normalised.lo, 0.0, 1e-12);
    CHECK_NEAR(b.hhi_normalised.hi, 0.25, 1e-12);
    CHECK_NEAR(b.evenness.lo, log(2) / log(3), 1e-12);
    CHECK_NEAR(b.evenness.hi, 1.0, 1e-12);
}

static void test_top_list_cap(mvec_ctx *ctx)
{
    /* a top list 0.4, 0.2: the 0.4 left is held by partners of at most 0.2 each:
     * HHI in [0.2 + 0.4^2/10, 0.2 + 2 * 0.2^2] = [0.216, 0.28];
     * CR3 in [0.4 + 0.2 + 0.04, 0.4 + 0.2 + 0.2] = [0.64, 0.8]; at least 2 holders */
    double listed[] = {0.4, 0.2};
    mvec_pool pool = {0.4, 10, 0.2};
    mvec_index_bounds b;
    CHECK_STATUS(mvec_index_bounds_compute(ctx, listed, 2, &pool, 1, &b), MVEC_OK);
    CHECK_NEAR(b.hhi.lo, 0.216, 1e-15);
    CHECK_NEAR(b.hhi.hi, 0.28, 1e-15);
    CHECK_NEAR(b.cr1.lo, 0.4, 1e-15);
    CHECK_NEAR(b.cr1.hi, 0.4, 1e-15);
    CHECK_NEAR(b.cr3.lo, 0.64, 1e-15);
    CHECK_NEAR(b.cr3.hi, 0.8, 1e-15);
    CHECK_NEAR(b.positive_count.lo, 4, 0);
    CHECK_NEAR(b.positive_count.hi, 12, 0);
    mvec_pool impossible = {0.5, 2, 0.2}; /* 2 x 0.2 cannot hold 0.5 */
    CHECK_STATUS(mvec_index_bounds_compute(ctx, listed, 2, &impossible, 1, &b),
                 MVEC_ERR_INVALID);
}

/* Every allocation of a pool of 0.6 over three slots (cap 0.25 or none), on a
 * grid of 0.005: each index must stay inside the bounds, and the grid's
 * extremes must come within 0.02 of them. */
static void brute_force(mvec_ctx *ctx, double cap)
{
    double listed[] = {0.3, 0.1};
    mvec_pool pool = {0.6, 3, cap};
    mvec_index_bounds b;
    CHECK_STATUS(mvec_index_bounds_compute(ctx, listed, 2, &pool, 1, &b), MVEC_OK);
    double lo[6] = {INFINITY, INFINITY, INFINITY, INFINITY, INFINITY, INFINITY};
    double hi[6] = {-INFINITY, -INFINITY, -INFINITY, -INFINITY, -INFINITY, -INFINITY};
    const double step = 0.005;
    for (int i = 0; i <= 120; i++)
        for (int j = 0; j <= 120 - i; j++) {
            double a = i * step;
            double c = j * step;
            double d = 0.6 - a - c;
            if (d < -1e-12 || a > cap + 1e-12 || c > cap + 1e-12 || d > cap + 1e-12)
                continue;
            double shares[] = {0.3, 0.1, a, c, d < 0 ? 0 : d};
            mvec_indices x;
            mvec_indices_compute(ctx, shares, 5, &x);
            double values[6] = {x.hhi, x.hhi_normalised, x.cr1, x.cr3, x.entropy, x.evenness};
            for (int k = 0; k < 6; k++) {
                if (values[k] < lo[k])
                    lo[k] = values[k];
                if (values[k] > hi[k])
                    hi[k] = values[k];
            }
        }
    mvec_interval bounds[6] = {b.hhi, b.hhi_normalised, b.cr1, b.cr3, b.entropy, b.evenness};
    for (int k = 0; k < 6; k++) {
        CHECK(lo[k] >= bounds[k].lo - 1e-12);
        CHECK(hi[k] <= bounds[k].hi + 1e-12);
        CHECK_NEAR(lo[k], bounds[k].lo, 0.02);
        CHECK_NEAR(hi[k], bounds[k].hi, 0.02);
    }
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
    test_union();
    mvec_ctx_free(ctx);
    return test_report("test_indices");
}
