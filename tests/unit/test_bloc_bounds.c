/*
 * test_bloc_bounds.c - bloc shares, exposure, balance and lead margin over
 * the remainder: a hand-computed case, a random-sampling check, Wolfe's
 * minimum-norm point, and the exact composite polygon against explicit
 * Minkowski enumeration.
 */
#include <mvec/mvec.h>

#include "calc/calc_internal.h"
#include "test.h"

/* Blocs A, B, C (great powers) and D; listed 0.3, 0.1, 0, 0.1; one pool of
 * 0.5 whose unlisted partners are 2 in A, 1 in B, none in C, 3 in D. */
static const bool GREAT[] = {true, true, true, false};
static const double LISTED[] = {0.3, 0.1, 0.0, 0.1};
static const size_t SLOTS[] = {2, 1, 0, 3};

static void test_hand_case(mvec_ctx *ctx)
{
    mvec_pool pool = {0.5, 6, INFINITY};
    mvec__bloc_input input = {4, GREAT, LISTED, 1, &pool, SLOTS};
    mvec_interval shares[4];
    mvec_interval exposure;
    mvec__bloc_share_bounds(&input, shares, &exposure);
    CHECK_NEAR(shares[0].lo, 0.3, 1e-15);
    CHECK_NEAR(shares[0].hi, 0.8, 1e-15);
    CHECK_NEAR(shares[1].lo, 0.1, 1e-15);
    CHECK_NEAR(shares[1].hi, 0.6, 1e-15);
    CHECK_NEAR(shares[2].lo, 0.0, 0);
    CHECK_NEAR(shares[2].hi, 0.0, 0);
    CHECK_NEAR(shares[3].lo, 0.1, 1e-15);
    CHECK_NEAR(shares[3].hi, 0.6, 1e-15);
    CHECK_NEAR(exposure.lo, 0.4, 1e-15);
    CHECK_NEAR(exposure.hi, 0.9, 1e-15);
    /* Normalised great-power shares run along the segment from (8/9, 1/9, 0)
     * to (1/3, 2/3, 0): HHI is largest at 65/81 (balance 24/81) and smallest
     * at (1/2, 1/2, 0) (balance 0.75); the margin |2t - 1| runs from 0 to 7/9. */
    mvec__points vertices = MVEC__POINTS_INIT(3);
    CHECK_STATUS(mvec__bloc_vertices(ctx, &input, &vertices), MVEC_OK);
    CHECK(vertices.count == 3);
    mvec__balance_result balance;
    CHECK_STATUS(mvec__balance_bounds(ctx, &vertices, &balance), MVEC_OK);
    CHECK_NEAR(balance.balance.lo, 24.0 / 81, 1e-9);
    CHECK_NEAR(balance.balance.hi, 0.75, 1e-9);
    CHECK_NEAR(balance.margin.lo, 0.0, 1e-9);
    CHECK_NEAR(balance.margin.hi, 7.0 / 9, 1e-9);
    CHECK(balance.leader == SIZE_MAX);
    mvec__points_clear(ctx, &vertices);
}

static void test_certain_leader(mvec_ctx *ctx)
{
    /* A holds 0.6; the 0.1 left can go anywhere: A leads in every allocation. */
    const double listed[] = {0.6, 0.2, 0.1, 0.0};
    mvec_pool pool = {0.1, 6, INFINITY};
    mvec__bloc_input input = {4, GREAT, listed, 1, &pool, SLOTS};
    mvec__points vertices = MVEC__POINTS_INIT(3);
    CHECK_STATUS(mvec__bloc_vertices(ctx, &input, &vertices), MVEC_OK);
    mvec__balance_result balance;
    CHECK_STATUS(mvec__balance_bounds(ctx, &vertices, &balance), MVEC_OK);
    CHECK(balance.leader == 0);
    /* margin: smallest with the pool in B: (0.6 - 0.3) / 1.0 = 0.3; largest
     * with the pool in A: (0.7 - 0.2) / 1.0 = 0.5 (outside: 0.4 / 0.9 = 0.44) */
    CHECK_NEAR(balance.margin.lo, 0.3, 1e-9);
    CHECK_NEAR(balance.margin.hi, 0.5, 1e-9);
    mvec__points_clear(ctx, &vertices);
}

static double hhi3(const double *s)
{
    double total = s[0] + s[1] + s[2];
    double h = 0;
    for (int i = 0; i < 3; i++)
        h += (s[i] / total) * (s[i] / total);
    return h;
}

/* Random allocations of two pools with caps stay within the bounds. */
static void test_random_allocations(mvec_ctx *ctx)
{
    const double listed[] = {0.2, 0.15, 0.1, 0.05};
    mvec_pool pools[2] = {{0.3, 4, 0.1}, {0.2, 5, 0.1}};
    const size_t slots[] = {1, 1, 1, 1, 2, 0, 1, 2};
    mvec__bloc_input input = {4, GREAT, listed, 2, pools, slots};
    mvec_interval shares[4];
    mvec_interval exposure;
    mvec__bloc_share_bounds(&input, shares, &exposure);
    mvec__points vertices = MVEC__POINTS_INIT(3);
    CHECK_STATUS(mvec__bloc_vertices(ctx, &input, &vertices), MVEC_OK);
    mvec__balance_result balance;
    CHECK_STATUS(mvec__balance_bounds(ctx, &vertices, &balance), MVEC_OK);
    unsigned seed = 12345;
    double lowest_hhi = 1;
    double highest_hhi = 0;
    int outside = 0;
    for (int trial = 0; trial < 20000; trial++) {
        double s[4] = {listed[0], listed[1], listed[2], listed[3]};
        for (int g = 0; g < 2; g++) {
            /* split the pool over its slots at random, respecting the cap */
            double left = pools[g].mass;
            double give[4] = {0, 0, 0, 0};
            for (int guard = 0; left > 1e-12 && guard < 200; guard++) {
                seed = seed * 1103515245u + 12345u;
                int b = (int)((seed >> 16) % 4);
                double room = (double)slots[g * 4 + b] * pools[g].cap - give[b];
                if (room <= 0)
                    continue;
                seed = seed * 1103515245u + 12345u;
                double piece = left * ((seed >> 16) % 1000 + 1) / 1000.0;
                if (piece > room)
                    piece = room;
                give[b] += piece;
                left -= piece;
            }
            for (int b = 0; b < 4; b++)
                s[b] += give[b];
        }
        for (int b = 0; b < 4; b++)
            if (s[b] < shares[b].lo - 1e-12 || s[b] > shares[b].hi + 1e-12)
                outside++;
        double h = hhi3(s);
        if (h < lowest_hhi)
            lowest_hhi = h;
        if (h > highest_hhi)
            highest_hhi = h;
    }
    CHECK(outside == 0);
    double b_of_low = 1 - (lowest_hhi - 1.0 / 3) * 1.5;
    double b_of_high = 1 - (highest_hhi - 1.0 / 3) * 1.5;
    CHECK(b_of_low <= balance.balance.hi + 1e-9);
    CHECK(b_of_high >= balance.balance.lo - 1e-9);
    CHECK_NEAR(b_of_low, balance.balance.hi, 0.05);
    CHECK_NEAR(b_of_high, balance.balance.lo, 0.05);
    mvec__points_clear(ctx, &vertices);
}

static void test_min_norm(mvec_ctx *ctx)
{
    /* the simplex corners: the nearest point is the centre (1/3, 1/3, 1/3) */
    mvec__points points = MVEC__POINTS_INIT(3);
    double corners[3][3] = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
    for (int i = 0; i < 3; i++)
        mvec__points_add(ctx, &points, corners[i]);
    double x[3];
    CHECK_STATUS(mvec__min_norm_point(ctx, &points, x), MVEC_OK);
    for (int i = 0; i < 3; i++)
        CHECK_NEAR(x[i], 1.0 / 3, 1e-12);
    /* a segment that stays away from the centre: nearest is an endpoint */
    points.count = 0;
    double segment[2][3] = {{0.8, 0.2, 0}, {0.6, 0.4, 0}};
    mvec__points_add(ctx, &points, segment[0]);
    mvec__points_add(ctx, &points, segment[1]);
    CHECK_STATUS(mvec__min_norm_point(ctx, &points, x), MVEC_OK);
    CHECK_NEAR(x[0], 0.6, 1e-12);
    CHECK_NEAR(x[1], 0.4, 1e-12);
    mvec__points_clear(ctx, &points);
}

/* The exact polygon of the composite gives the same bounds as the explicit
 * Minkowski sum it replaces. */
static void test_composite_polygon(mvec_ctx *ctx)
{
    mvec__points sets[3] = {MVEC__POINTS_INIT(3), MVEC__POINTS_INIT(3), MVEC__POINTS_INIT(3)};
    double a[4][3] = {{0.5, 0.1, 0.1}, {0.2, 0.4, 0.1}, {0.2, 0.1, 0.4}, {0.2, 0.1, 0.1}};
    double b[2][3] = {{0.1, 0.8, 0.0}, {0.1, 0.3, 0.5}};
    double c[3][3] = {{0.0, 0.0, 0.9}, {0.3, 0.0, 0.6}, {0.0, 0.2, 0.6}};
    for (int i = 0; i < 4; i++)
        mvec__points_add(ctx, &sets[0], a[i]);
    for (int i = 0; i < 2; i++)
        mvec__points_add(ctx, &sets[1], b[i]);
    for (int i = 0; i < 3; i++)
        mvec__points_add(ctx, &sets[2], c[i]);
    double weights[3] = {0.5, 0.3, 0.2};
    mvec__points polygon = MVEC__POINTS_INIT(3);
    CHECK_STATUS(mvec__composite_polygon(ctx, sets, weights, 3, &polygon), MVEC_OK);
    mvec__points ab = MVEC__POINTS_INIT(3);
    mvec__points abc = MVEC__POINTS_INIT(3);
    CHECK_STATUS(mvec__points_minkowski(ctx, &sets[0], weights[0], &sets[1], weights[1], 1000,
                                        &ab),
                 MVEC_OK);
    CHECK_STATUS(mvec__points_minkowski(ctx, &ab, 1.0, &sets[2], weights[2], 1000, &abc),
                 MVEC_OK);
    mvec__balance_result exact;
    mvec__balance_result explicit_sum;
    CHECK_STATUS(mvec__balance_bounds(ctx, &polygon, &exact), MVEC_OK);
    CHECK_STATUS(mvec__balance_bounds(ctx, &abc, &explicit_sum), MVEC_OK);
    CHECK_NEAR(exact.balance.lo, explicit_sum.balance.lo, 1e-9);
    CHECK_NEAR(exact.balance.hi, explicit_sum.balance.hi, 1e-9);
    CHECK_NEAR(exact.margin.lo, explicit_sum.margin.lo, 1e-9);
    CHECK_NEAR(exact.margin.hi, explicit_sum.margin.hi, 1e-9);
    CHECK(exact.leader == explicit_sum.leader);
    mvec__points_clear(ctx, &polygon);
    mvec__points_clear(ctx, &ab);
    mvec__points_clear(ctx, &abc);
    for (int i = 0; i < 3; i++)
        mvec__points_clear(ctx, &sets[i]);
}


/* Bounds over the composite's image from the vertex sets directly
 * (LP / oracle) against the explicit Minkowski sum and its vertex-based
 * bounds, an independent route. */
static void compare_with_enumeration(mvec_ctx *ctx, const mvec__points *sets,
                                     const double *weights, size_t count, size_t dim)
{
    mvec__points sum = MVEC__POINTS_INIT(dim);
    mvec__points next = MVEC__POINTS_INIT(dim);
    double origin[8] = {0};
    mvec__points_add(ctx, &sum, origin);
    for (size_t v = 0; v < count; v++) {
        next.count = 0;
        CHECK_STATUS(
            mvec__points_minkowski(ctx, &sum, 1.0, &sets[v], weights[v], 1000000, &next),
            MVEC_OK);
        mvec__points swap = sum;
        sum = next;
        next = swap;
    }
    mvec__balance_result explicit_sum;
    mvec__balance_result image;
    CHECK_STATUS(mvec__balance_bounds(ctx, &sum, &explicit_sum), MVEC_OK);
    CHECK_STATUS(mvec__composite_image_bounds(ctx, sets, weights, count, dim, &image), MVEC_OK);
    CHECK_NEAR(image.balance.lo, explicit_sum.balance.lo, 1e-7);
    CHECK_NEAR(image.balance.hi, explicit_sum.balance.hi, 1e-7);
    CHECK(image.balance.lo <= explicit_sum.balance.lo + 1e-12); /* never narrower */
    CHECK_NEAR(image.margin.lo, explicit_sum.margin.lo, 1e-7);
    CHECK_NEAR(image.margin.hi, explicit_sum.margin.hi, 1e-7);
    CHECK(image.leader == explicit_sum.leader);
    mvec__points_clear(ctx, &sum);
    mvec__points_clear(ctx, &next);
}

static void test_image_bounds(mvec_ctx *ctx)
{
    /* the three-power sets of test_composite_polygon */
    mvec__points sets[4] = {MVEC__POINTS_INIT(3), MVEC__POINTS_INIT(3), MVEC__POINTS_INIT(3),
                            MVEC__POINTS_INIT(3)};
    double a[4][3] = {{0.5, 0.1, 0.1}, {0.2, 0.4, 0.1}, {0.2, 0.1, 0.4}, {0.2, 0.1, 0.1}};
    double b[2][3] = {{0.1, 0.8, 0.0}, {0.1, 0.3, 0.5}};
    double c[3][3] = {{0.0, 0.0, 0.9}, {0.3, 0.0, 0.6}, {0.0, 0.2, 0.6}};
    for (int i = 0; i < 4; i++)
        mvec__points_add(ctx, &sets[0], a[i]);
    for (int i = 0; i < 2; i++)
        mvec__points_add(ctx, &sets[1], b[i]);
    for (int i = 0; i < 3; i++)
        mvec__points_add(ctx, &sets[2], c[i]);
    double weights[4] = {0.5, 0.3, 0.2, 0};
    compare_with_enumeration(ctx, sets, weights, 3, 3);
    for (int i = 0; i < 4; i++)
        mvec__points_clear(ctx, &sets[i]);

    /* by hand, four powers: one vector on the segment e1-e2. HHI runs from
     * 1/2 (balance 1 - (1/2 - 1/4)/(3/4) = 2/3) to 1 (balance 0); the margin
     * from 0 (the midpoint) to 1. */
    mvec__points segment = MVEC__POINTS_INIT(4);
    double e1[4] = {0.6, 0, 0, 0};
    double e2[4] = {0, 0.3, 0, 0};
    mvec__points_add(ctx, &segment, e1);
    mvec__points_add(ctx, &segment, e2);
    double one = 1;
    mvec__balance_result r;
    CHECK_STATUS(mvec__composite_image_bounds(ctx, &segment, &one, 1, 4, &r), MVEC_OK);
    CHECK_NEAR(r.balance.lo, 0, 1e-9);
    CHECK_NEAR(r.balance.hi, 2.0 / 3.0, 1e-9);
    CHECK_NEAR(r.margin.lo, 0, 1e-9);
    CHECK_NEAR(r.margin.hi, 1, 1e-9);
    CHECK(r.leader == SIZE_MAX);
    mvec__points_clear(ctx, &segment);

    /* random vertex sets, 2 to 5 powers, against the enumeration */
    unsigned seed = 12345;
    for (size_t dim = 2; dim <= 5; dim++) {
        for (int round = 0; round < 6; round++) {
            for (int v = 0; v < 4; v++) {
                sets[v].dim = dim;
                size_t n = 1 + (size_t)(round + v) % 4;
                for (size_t i = 0; i < n; i++) {
                    double p[8];
                    double left = 1;
                    for (size_t d = 0; d < dim; d++) {
                        seed = seed * 1103515245u + 12345u;
                        p[d] = left * (double)((seed >> 8) % 1000) / 1000.0 * 0.8;
                        left -= p[d];
                    }
                    mvec__points_add(ctx, &sets[v], p);
                }
                seed = seed * 1103515245u + 12345u;
                weights[v] = 0.1 + (double)((seed >> 8) % 100) / 100.0;
            }
            compare_with_enumeration(ctx, sets, weights, 4, dim);
            for (int v = 0; v < 4; v++)
                mvec__points_clear(ctx, &sets[v]);
        }
    }
}

/* A scheme of 20 great powers used to write past a 16-slot array before
 * the limit was checked (UBSan: index 16 out of bounds). The limit is now
 * checked first: 20 fails cleanly, MVEC_GREAT_POWER_LIMIT works. */
static void test_great_power_limit(mvec_ctx *ctx)
{
    enum { BLOCS = 21 };
    bool great[BLOCS];
    double listed[BLOCS];
    size_t slots[BLOCS];
    for (size_t b = 0; b < BLOCS; b++) {
        great[b] = b < 20;
        listed[b] = 0.01;
        slots[b] = 1;
    }
    mvec_pool pool = {0.5, BLOCS, 0.1}; /* finite cap: every bloc has a finite capacity */
    mvec__bloc_input input = {BLOCS, great, listed, 1, &pool, slots};
    mvec__points vertices = MVEC__POINTS_INIT(0);
    CHECK_STATUS(mvec__bloc_vertices(ctx, &input, &vertices), MVEC_ERR_LIMIT);
    mvec__points_clear(ctx, &vertices);
    /* at the limit: the vertices of the pool (caps 0.1 for each power and
     * 15 x 0.1 for the rest gathered, mass 0.5) are found */
    for (size_t b = 0; b < BLOCS; b++)
        great[b] = b < MVEC_GREAT_POWER_LIMIT;
    CHECK_STATUS(mvec__bloc_vertices(ctx, &input, &vertices), MVEC_OK);
    CHECK(vertices.dim == MVEC_GREAT_POWER_LIMIT);
    /* listed 0.01 each, plus 0 or the cap 0.1 */
    for (size_t i = 0; i < vertices.count * vertices.dim; i++)
        CHECK(vertices.data[i] >= 0.01 - 1e-12 && vertices.data[i] <= 0.11 + 1e-12);
    /* the great-power shares range over {g in [0, 0.1]^6 : sum g <= 0.5} (the
     * rest takes 0.5 - sum g, at most 1.5): its vertices are the 2^6 box
     * corners but the one with all six at 0.1 (sum 0.6 > 0.5) */
    CHECK(vertices.count == ((size_t)1 << MVEC_GREAT_POWER_LIMIT) - 1);
    mvec__points_clear(ctx, &vertices);
}

/* Unique insertion by hash: duplicates to 1e-12 are dropped, a reset set is
 * re-indexed, and distinct points are all kept. */
static void test_points_unique(mvec_ctx *ctx)
{
    mvec__points points = MVEC__POINTS_INIT(2);
    for (int round = 0; round < 2; round++) {
        points.count = 0;
        for (int i = 0; i < 3000; i++) {
            double p[2] = {(double)(i % 1000) / 7.0, (double)(i % 1000) / 13.0};
            if (i >= 2000)
                p[0] += 1e-14; /* equal to 1e-12 */
            CHECK_STATUS(mvec__points_add_unique(ctx, &points, p), MVEC_OK);
        }
        CHECK(points.count == 1000);
    }
    double far[2] = {1.0 / 7.0 + 1e-9, 1.0 / 13.0};
    CHECK_STATUS(mvec__points_add_unique(ctx, &points, far), MVEC_OK);
    CHECK(points.count == 1001);
    mvec__points_clear(ctx, &points);
}

/* The great-power vertex sets of the 13 vectors of `mvec profile --data`
 * with the Bureau's 2018-2023 table (composite weights 1/12, trade.total 0).
 * Two polygon vertices share x up to rounding noise (5e-17), and a
 * collinearity tolerance in the hull dropped the corner (0.316, 0.094,
 * 0.590): the polygon gave max HHI 0.45455 where the explicit Minkowski sum
 * (1,835,008 points, enumerated once outside the tests) gives
 * 0.457161291775. */
static const double BUREAU_WEIGHTS[13] = {0, 0.083333333333333329, 0.083333333333333329, 0.083333333333333329, 0.083333333333333329, 0.083333333333333329, 0.083333333333333329, 0.083333333333333329, 0.083333333333333329, 0.083333333333333329, 0.083333333333333329, 0.083333333333333329, 0.083333333333333329};
static const size_t BUREAU_COUNTS[13] = {1, 1, 1, 4, 4, 8, 7, 4, 4, 1, 4, 4, 8};
static const double BUREAU_VERTICES[51][3] = {
    {0.21350307336469906, 0.21591262205648568, 0.40774846458006786},
    {0.14623777898972706, 0.18592863545348945, 0.49035791512172605},
    {0.30161912089641923, 0.25519098117540656, 0.29953191192633433},
    {0.70746073298429324, 0.034031413612565446, 0.25850785340314136},
    {0.031413612565445025, 0.71007853403141363, 0.25850785340314136},
    {0.031413612565445025, 0.034031413612565446, 0.9345549738219896},
    {0.031413612565445025, 0.034031413612565446, 0.25850785340314136},
    {0.26785714285714268, 0.050000000000000003, 0.68214285714285716},
    {0.053571428571428568, 0.26428571428571412, 0.68214285714285716},
    {0.053571428571428568, 0.050000000000000003, 0.89642857142857135},
    {0.053571428571428568, 0.050000000000000003, 0.68214285714285716},
    {0.079447852760736196, 0, 0.92055214723926382},
    {0.31779141104294478, 0, 0.68220858895705527},
    {0.079447852760736196, 0.2383435582822086, 0.68220858895705527},
    {0.31779141104294478, 0.2383435582822086, 0.44386503067484662},
    {0.079447852760736196, 0, 0.34601226993865031},
    {0.31779141104294478, 0, 0.34601226993865031},
    {0.079447852760736196, 0.2383435582822086, 0.34601226993865031},
    {0.31779141104294478, 0.2383435582822086, 0.34601226993865031},
    {1, 0, 0},
    {0.88, 0.12, 0},
    {0.88, 0, 0.12},
    {0.88, 0, 0},
    {0.90000000000000002, 0.099999999999999978, 0},
    {0.90000000000000002, 0, 0.099999999999999978},
    {0.90000000000000002, 0, 0},
    {0.52999999999999992, 0.17000000000000001, 0.29999999999999999},
    {0.029999999999999999, 0.66999999999999993, 0.29999999999999999},
    {0.029999999999999999, 0.17000000000000001, 0.79999999999999982},
    {0.029999999999999999, 0.17000000000000001, 0.29999999999999999},
    {0.96310638297872342, 0.017148936170212768, 0},
    {0.83655319148936169, 0.14370212765957446, 0},
    {0.83655319148936169, 0.017148936170212768, 0.1265531914893617},
    {0.83655319148936169, 0.017148936170212768, 0},
    {0.25, 0.0625, 0.1875},
    {0.80000000000000004, 0.20000000000000001, 0},
    {0.51600000000000001, 0.48399999999999999, 0},
    {0.51600000000000001, 0.20000000000000001, 0.28399999999999997},
    {0.51600000000000001, 0.20000000000000001, 0},
    {0.76100000000000001, 0.055999999999999994, 0.031000000000000003},
    {0.35299999999999998, 0.46400000000000002, 0.031000000000000003},
    {0.35299999999999998, 0.055999999999999994, 0.43900000000000006},
    {0.35299999999999998, 0.055999999999999994, 0.031000000000000003},
    {0, 0, 1},
    {0.063030303030303034, 0, 0.93696969696969701},
    {0, 0.047272727272727272, 0.95272727272727276},
    {0.063030303030303034, 0.047272727272727272, 0.88969696969696976},
    {0, 0, 0.61272727272727279},
    {0.063030303030303034, 0, 0.61272727272727279},
    {0, 0.047272727272727272, 0.61272727272727279},
    {0.063030303030303034, 0.047272727272727272, 0.61272727272727279},
};

static void test_polygon_keeps_corners(mvec_ctx *ctx)
{
    mvec__points sets[13];
    double weights[13];
    size_t next = 0;
    for (size_t v = 0; v < 13; v++) {
        sets[v] = (mvec__points)MVEC__POINTS_INIT(3);
        weights[v] = BUREAU_WEIGHTS[v];
        for (size_t i = 0; i < BUREAU_COUNTS[v]; i++)
            CHECK_STATUS(mvec__points_add(ctx, &sets[v], BUREAU_VERTICES[next++]), MVEC_OK);
    }
    mvec__points polygon = MVEC__POINTS_INIT(3);
    CHECK_STATUS(mvec__composite_polygon(ctx, sets, weights, 13, &polygon), MVEC_OK);
    double hhi_max = 0;
    for (size_t i = 0; i < polygon.count; i++) {
        const double *u = polygon.data + i * 3;
        double hhi = u[0] * u[0] + u[1] * u[1] + u[2] * u[2];
        hhi_max = hhi > hhi_max ? hhi : hhi_max;
    }
    CHECK_NEAR(hhi_max, 0.457161291775, 1e-11);
    /* and the LP / oracle route agrees: balance = 1 - (HHI - 1/3) / (2/3) */
    mvec__balance_result image;
    CHECK_STATUS(mvec__composite_image_bounds(ctx, sets, weights, 13, 3, &image), MVEC_OK);
    CHECK_NEAR(image.balance.lo, 1 - (0.457161291775 - 1.0 / 3) / (2.0 / 3), 1e-9);
    mvec__points_clear(ctx, &polygon);
    for (size_t v = 0; v < 13; v++)
        mvec__points_clear(ctx, &sets[v]);
}

int main(void)
{
    mvec_ctx *ctx = mvec_ctx_new(NULL, NULL);
    test_hand_case(ctx);
    test_certain_leader(ctx);
    test_random_allocations(ctx);
    test_min_norm(ctx);
    test_composite_polygon(ctx);
    test_image_bounds(ctx);
    test_great_power_limit(ctx);
    test_points_unique(ctx);
    test_polygon_keeps_corners(ctx);
    CHECK(mvec_ctx_memory(ctx).current_bytes == 0);
    mvec_ctx_free(ctx);
    return test_report("test_bloc_bounds");
}
