/*
 * test_frontier.c - the diversification frontier (mvec_frontier.h) on cases
 * solved by hand (KKT conditions written out in each comment), the group
 * caps, partners at zero, the balance objective, the groups parser, bad
 * limits and caps that leave nothing feasible; then the built-in
 * Kazakhstan exports: the interval is tight and the result keeps the total.
 */
#include <mvec/mvec.h>

#include "test.h"

static const char *const CODES3[] = {"AAA", "BBB", "CCC"};

static const mvec_frontier_partner *partner(const mvec_frontier_summary *r, const char *code)
{
    for (size_t i = 0; i < r->partner_count; i++)
        if (strcmp(r->partners[i].code, code) == 0)
            return &r->partners[i];
    return NULL;
}

static mvec_frontier *solve3(mvec_ctx *ctx, const double *values, int years,
                             const mvec_frontier_group *groups, size_t group_count,
                             mvec_status expected)
{
    mvec_frontier_input input = MVEC_FRONTIER_INPUT_INIT;
    input.partner_count = 3;
    input.codes = CODES3;
    input.values = values;
    input.unit = "USD";
    mvec_frontier_limits limits = MVEC_FRONTIER_LIMITS_INIT;
    limits.years = years;
    limits.groups = groups;
    limits.group_count = group_count;
    mvec_frontier *f = NULL;
    CHECK_STATUS(mvec_frontier_solve(ctx, &input, &limits, &f), expected);
    CHECK((f != NULL) == (expected == MVEC_OK));
    return f;
}

/* 60/30/10 over one year, d = 0.10, g = 0.15: A may fall to 54, B and C grow
 * to 34.5 and 11.5. The unconstrained optimum (33.3 each) is out of reach;
 * A at its floor and C at its ceiling leave 100 - 54 - 11.5 = 34.5 for B,
 * exactly its ceiling. HHI = 0.54^2 + 0.345^2 + 0.115^2 = 0.42385. */
static void test_one_year(mvec_ctx *ctx)
{
    double values[] = {60, 30, 10};
    mvec_frontier *f = solve3(ctx, values, 1, NULL, 0, MVEC_OK);
    if (f == NULL)
        return;
    const mvec_frontier_summary *r = mvec_frontier_result(f);
    CHECK_NEAR(r->total, 100, 1e-12);
    CHECK_NEAR(partner(r, "AAA")->frontier, 54, 1e-7);
    CHECK_NEAR(partner(r, "BBB")->frontier, 34.5, 1e-7);
    CHECK_NEAR(partner(r, "CCC")->frontier, 11.5, 1e-7);
    CHECK(partner(r, "AAA")->bound == MVEC_FRONTIER_FLOOR);
    CHECK(partner(r, "BBB")->bound == MVEC_FRONTIER_CEILING);
    CHECK(partner(r, "CCC")->bound == MVEC_FRONTIER_CEILING);
    CHECK_NEAR(r->hhi_baseline.lo, 0.46, 1e-12);
    CHECK_NEAR(r->hhi_frontier.lo, 0.42385, 1e-9);
    CHECK(r->hhi_optimum.lo <= 0.42385 + 1e-12 && 0.42385 - 1e-9 <= r->hhi_optimum.hi);
    CHECK(r->hhi_optimum.hi - r->hhi_optimum.lo <= 1e-10);
    CHECK(r->converged);
    CHECK(strcmp(r->partners[0].code, "AAA") == 0); /* largest baseline first */
    mvec_frontier_free(ctx, f);
}

/* Five years: A may fall to 60 x 0.9^5 = 35.4294, C grow to
 * 10 x 1.15^5 = 20.113571875. C at its ceiling; A and B share the rest
 * equally (the KKT condition 2 s_A = 2 s_B = lambda), 39.9432140625 each,
 * inside their ranges [35.43, 120.68] and [17.71, 60.34]. */
static void test_five_years(mvec_ctx *ctx)
{
    double values[] = {60, 30, 10};
    mvec_frontier *f = solve3(ctx, values, 5, NULL, 0, MVEC_OK);
    if (f == NULL)
        return;
    const mvec_frontier_summary *r = mvec_frontier_result(f);
    double c = 10 * pow(1.15, 5);
    double ab = (100 - c) / 2;
    double hhi = 2 * (ab / 100) * (ab / 100) + (c / 100) * (c / 100);
    CHECK_NEAR(c, 20.113571875, 1e-9);
    CHECK_NEAR(partner(r, "AAA")->frontier, ab, 1e-6);
    CHECK_NEAR(partner(r, "BBB")->frontier, ab, 1e-6);
    CHECK_NEAR(partner(r, "CCC")->frontier, c, 1e-7);
    CHECK(partner(r, "AAA")->bound == MVEC_FRONTIER_FREE);
    CHECK(partner(r, "BBB")->bound == MVEC_FRONTIER_FREE);
    CHECK(partner(r, "CCC")->bound == MVEC_FRONTIER_CEILING);
    CHECK_NEAR(partner(r, "AAA")->lowest, 60 * pow(0.9, 5), 1e-9);
    CHECK(r->hhi_optimum.lo <= hhi + 1e-12 && hhi - 1e-12 <= r->hhi_optimum.hi);
    CHECK(r->hhi_optimum.hi - r->hhi_optimum.lo <= 1e-10);
    CHECK_NEAR(r->hhi_frontier.lo, hhi, 1e-10);
    mvec_frontier_free(ctx, f);
}

/* The same with a group {B, C} that may grow by at most 10 together: B + C <=
 * 50, so A >= 50, and lowering A pays while it is the largest: A = 50. C at
 * its ceiling 20.113571875, B = 29.886428125. KKT: lambda = 2 s_A = 1.0, the
 * group's multiplier mu = 1.0 - 2 s_B >= 0, C's ceiling multiplier
 * lambda - mu - 2 s_C >= 0. */
static void test_group_cap(mvec_ctx *ctx)
{
    double values[] = {60, 30, 10};
    const char *members[] = {"BBB", "CCC"};
    mvec_frontier_group group = {"east", 2, members, 10};
    mvec_frontier *f = solve3(ctx, values, 5, &group, 1, MVEC_OK);
    if (f == NULL)
        return;
    const mvec_frontier_summary *r = mvec_frontier_result(f);
    double c = 10 * pow(1.15, 5);
    double b = 50 - c;
    double hhi = 0.25 + (b / 100) * (b / 100) + (c / 100) * (c / 100);
    CHECK_NEAR(partner(r, "AAA")->frontier, 50, 1e-6);
    CHECK_NEAR(partner(r, "BBB")->frontier, b, 1e-6);
    CHECK_NEAR(partner(r, "CCC")->frontier, c, 1e-6);
    CHECK(r->group_count == 1);
    CHECK(r->groups[0].binding);
    CHECK_NEAR(r->groups[0].change, 10, 1e-6);
    CHECK(partner(r, "BBB")->grouped && !partner(r, "AAA")->grouped);
    CHECK(r->hhi_optimum.lo <= hhi + 1e-12 && hhi - 1e-12 <= r->hhi_optimum.hi);
    /* a cap that does not bind changes nothing */
    mvec_frontier_group loose = {"east", 2, members, 1000};
    mvec_frontier *g = solve3(ctx, values, 5, &loose, 1, MVEC_OK);
    if (g != NULL) {
        CHECK(!mvec_frontier_result(g)->groups[0].binding);
        CHECK_NEAR(partner(mvec_frontier_result(g), "CCC")->frontier, c, 1e-6);
    }
    mvec_frontier_free(ctx, g);
    mvec_frontier_free(ctx, f);
}

/* A one-member group: Kazakhstan's oil exports by route country (tonnes),
 * RUS 58,977,000, AZE 1,392,000, CHN 1,209,000, an unmovable remainder of
 * 8,922,000 (then none), five years, CHN capped at +1,194,000. RUS, by far
 * the largest share, is lowered while that pays, so AZE rises to its
 * ceiling 1,392,000 x 1.15^5 = 2,799,809.2 and CHN to its cap 2,403,000
 * (its ceiling 2,431,730.8 is out of reach); RUS keeps the rest,
 * 56,375,190.8, inside [34.8 M, 118.6 M]. KKT: lambda = 2 s_RUS, AZE's and
 * CHN's (cap) multipliers lambda - 2 s >= 0. In shares of X the cap lowers
 * CHN's bound by 0.00041 (< 1e-3): GLPK's presolver took the cap row for
 * redundant and dropped it, and CHN ended at its ceiling. */
static void test_one_member_cap(mvec_ctx *ctx)
{
    const char *codes[] = {"RUS", "AZE", "CHN"};
    double values[] = {58977000, 1392000, 1209000};
    const char *members[] = {"CHN"};
    mvec_frontier_group group = {"x", 1, members, 1194000};
    for (int pass = 0; pass < 2; pass++) {
        mvec_frontier_input input = MVEC_FRONTIER_INPUT_INIT;
        input.partner_count = 3;
        input.codes = codes;
        input.values = values;
        input.fixed_value = pass == 0 ? 8922000 : 0;
        input.unit = "t";
        mvec_frontier_limits limits = MVEC_FRONTIER_LIMITS_INIT;
        limits.groups = &group;
        limits.group_count = 1;
        mvec_frontier *f = NULL;
        CHECK_STATUS(mvec_frontier_solve(ctx, &input, &limits, &f), MVEC_OK);
        if (f == NULL)
            return;
        const mvec_frontier_summary *r = mvec_frontier_result(f);
        double total = 61578000 + input.fixed_value;
        double aze = 1392000 * pow(1.15, 5);
        double chn = 2403000;
        double rus = 61578000 - aze - chn;
        double hhi = (rus * rus + aze * aze + chn * chn) / (total * total);
        CHECK_NEAR(partner(r, "CHN")->frontier, chn, 1e-6 * chn);
        CHECK_NEAR(partner(r, "AZE")->frontier, aze, 1e-6 * aze);
        CHECK_NEAR(partner(r, "RUS")->frontier, rus, 1e-6 * rus);
        CHECK(r->groups[0].binding);
        CHECK_NEAR(r->groups[0].change, 1194000, 1e-6 * 1194000);
        CHECK(r->hhi_optimum.lo <= hhi + 1e-12 && hhi - 1e-12 <= r->hhi_optimum.hi);
        CHECK(r->hhi_optimum.hi - r->hhi_optimum.lo <= 1e-8);
        mvec_frontier_free(ctx, f);
    }
}

/* A cap on a small partner: 800/199/1 (then with a remainder of 1000 beside
 * them), five years, C may grow by 0.5 only. B rises to its ceiling
 * 199 x 1.15^5 = 400.26, C to 1.5 (not its ceiling 2.01), A keeps the rest,
 * 598.24, inside [472.4, 1609]; lowering A pays while it is the largest. The
 * cap lowers C's bound by 0.0005 (then 0.00026) of X, under the presolver's
 * 1e-3. */
static void test_small_partner_cap(mvec_ctx *ctx)
{
    double values[] = {800, 199, 1};
    const char *members[] = {"CCC"};
    mvec_frontier_group group = {"c", 1, members, 0.5};
    for (int pass = 0; pass < 2; pass++) {
        mvec_frontier_input input = MVEC_FRONTIER_INPUT_INIT;
        input.partner_count = 3;
        input.codes = CODES3;
        input.values = values;
        input.fixed_value = pass == 0 ? 0 : 1000;
        input.unit = "USD";
        mvec_frontier_limits limits = MVEC_FRONTIER_LIMITS_INIT;
        limits.groups = &group;
        limits.group_count = 1;
        mvec_frontier *f = NULL;
        CHECK_STATUS(mvec_frontier_solve(ctx, &input, &limits, &f), MVEC_OK);
        if (f == NULL)
            return;
        const mvec_frontier_summary *r = mvec_frontier_result(f);
        double total = 1000 + input.fixed_value;
        double b = 199 * pow(1.15, 5);
        double a = 1000 - b - 1.5;
        double hhi = (a * a + b * b + 1.5 * 1.5) / (total * total);
        CHECK_NEAR(partner(r, "CCC")->frontier, 1.5, 1e-6 * 1.5);
        CHECK_NEAR(partner(r, "BBB")->frontier, b, 1e-6 * b);
        CHECK_NEAR(partner(r, "AAA")->frontier, a, 1e-6 * a);
        CHECK(r->groups[0].binding);
        CHECK(r->hhi_optimum.lo <= hhi + 1e-12 && hhi - 1e-12 <= r->hhi_optimum.hi);
        mvec_frontier_free(ctx, f);
    }
}

/* B and C can give up at most 40 x (1 - 0.9^5) = 16.38 together: a cap that
 * makes them shed 50 has no solution. */
static void test_infeasible(mvec_ctx *ctx)
{
    double values[] = {60, 30, 10};
    const char *members[] = {"BBB", "CCC"};
    mvec_frontier_group group = {"east", 2, members, -50};
    mvec_frontier *f = solve3(ctx, values, 5, &group, 1, MVEC_ERR_INVALID);
    CHECK(strstr(mvec_ctx_error_message(ctx), "group 'east' may change by at most -50 USD") !=
          NULL);
    CHECK(strstr(mvec_ctx_error_message(ctx), "give up at most 16.3804 USD") != NULL);
    mvec_frontier_free(ctx, f);
    /* a group member that is not a partner */
    const char *stranger[] = {"ZZZ"};
    mvec_frontier_group bad = {"west", 1, stranger, 5};
    f = solve3(ctx, values, 5, &bad, 1, MVEC_ERR_INVALID);
    CHECK(strstr(mvec_ctx_error_message(ctx), "'ZZZ' is not one of the partners") != NULL);
    mvec_frontier_free(ctx, f);
}

static void test_bad_limits(mvec_ctx *ctx)
{
    double values[] = {60, 30, 10};
    mvec_frontier_input input = MVEC_FRONTIER_INPUT_INIT;
    input.partner_count = 3;
    input.codes = CODES3;
    input.values = values;
    mvec_frontier *f = NULL;
    mvec_frontier_limits limits = MVEC_FRONTIER_LIMITS_INIT;
    limits.max_shift = 1.5;
    CHECK_STATUS(mvec_frontier_solve(ctx, &input, &limits, &f), MVEC_ERR_INVALID);
    CHECK(strstr(mvec_ctx_error_message(ctx), "fraction from 0 to 1") != NULL);
    limits = (mvec_frontier_limits)MVEC_FRONTIER_LIMITS_INIT;
    limits.max_growth = -0.1;
    CHECK_STATUS(mvec_frontier_solve(ctx, &input, &limits, &f), MVEC_ERR_INVALID);
    limits = (mvec_frontier_limits)MVEC_FRONTIER_LIMITS_INIT;
    limits.years = 0;
    CHECK_STATUS(mvec_frontier_solve(ctx, &input, &limits, &f), MVEC_ERR_INVALID);
    limits = (mvec_frontier_limits)MVEC_FRONTIER_LIMITS_INIT;
    limits.objective = MVEC_FRONTIER_BALANCE; /* no blocs */
    CHECK_STATUS(mvec_frontier_solve(ctx, &input, &limits, &f), MVEC_ERR_INVALID);
    CHECK(strstr(mvec_ctx_error_message(ctx), "at least two great powers") != NULL);
    double zeros[] = {0, 0, 0};
    input.values = zeros;
    CHECK_STATUS(mvec_frontier_solve(ctx, &input, NULL, &f), MVEC_ERR_INVALID);
    CHECK(f == NULL);
}

/* A partner at zero stays there; with no growth and no fall nothing moves. */
static void test_zero_and_frozen(mvec_ctx *ctx)
{
    double values[] = {70, 30, 0};
    mvec_frontier *f = solve3(ctx, values, 5, NULL, 0, MVEC_OK);
    if (f != NULL) {
        const mvec_frontier_summary *r = mvec_frontier_result(f);
        CHECK_NEAR(partner(r, "CCC")->frontier, 0, 0);
        CHECK(partner(r, "CCC")->bound == MVEC_FRONTIER_ZERO);
        CHECK_NEAR(partner(r, "AAA")->frontier, 50, 1e-6); /* 50/50 is reachable */
    }
    mvec_frontier_free(ctx, f);
    mvec_frontier_input input = MVEC_FRONTIER_INPUT_INIT;
    input.partner_count = 3;
    input.codes = CODES3;
    input.values = values;
    mvec_frontier_limits limits = MVEC_FRONTIER_LIMITS_INIT;
    limits.max_shift = 0;
    limits.max_growth = 0;
    f = NULL;
    CHECK_STATUS(mvec_frontier_solve(ctx, &input, &limits, &f), MVEC_OK);
    if (f != NULL) {
        const mvec_frontier_summary *r = mvec_frontier_result(f);
        CHECK_NEAR(partner(r, "AAA")->frontier, 70, 1e-9);
        CHECK_NEAR(r->hhi_frontier.lo, 0.58, 1e-12);
        CHECK_NEAR(r->hhi_optimum.lo, 0.58, 1e-9);
    }
    mvec_frontier_free(ctx, f);
}

/* An unmovable remainder R = 20 of X = 100 with holders' HHI in [0, 0.04]:
 * the listed 50/30 may move freely (d = 1, g large), so they end 40/40. */
static void test_remainder(mvec_ctx *ctx)
{
    double values[] = {50, 30};
    const char *codes[] = {"AAA", "BBB"};
    mvec_frontier_input input = MVEC_FRONTIER_INPUT_INIT;
    input.partner_count = 2;
    input.codes = codes;
    input.values = values;
    input.fixed_value = 20;
    input.fixed_hhi = (mvec_interval){0, 0.04};
    mvec_frontier_limits limits = MVEC_FRONTIER_LIMITS_INIT;
    limits.max_shift = 1;
    limits.max_growth = 1;
    mvec_frontier *f = NULL;
    CHECK_STATUS(mvec_frontier_solve(ctx, &input, &limits, &f), MVEC_OK);
    if (f != NULL) {
        const mvec_frontier_summary *r = mvec_frontier_result(f);
        CHECK_NEAR(partner(r, "AAA")->frontier, 40, 1e-6);
        CHECK_NEAR(r->hhi_frontier.lo, 0.32, 1e-9);
        CHECK_NEAR(r->hhi_frontier.hi, 0.36, 1e-9);
        CHECK(r->hhi_optimum.lo <= 0.32 + 1e-12 && r->hhi_optimum.hi >= 0.36 - 1e-9);
        CHECK_NEAR(r->hhi_baseline.lo, 0.34, 1e-12);
        CHECK_NEAR(r->fixed_value, 20, 0);
    }
    mvec_frontier_free(ctx, f);
}

/* Balance among three powers: RUS 50, CHN 30, DEU 10 and TUR 10 (not a
 * power), five years. DEU, the smallest power, rises to its ceiling
 * D = 10 x 1.15^5 = 20.113571875; TUR absorbs all it may too (D), which takes
 * volume out of the two large powers; what is left, 100 - 2D, is split evenly
 * between RUS and CHN (for fixed R + C, R^2 + C^2 is least at R = C), 29.886
 * each, inside their ranges (RUS >= 29.52, CHN <= 60.34). A brute-force grid
 * over (R, D, C) in Python agrees. The balance LP stops at GLPK's tolerance:
 * the interval is about 1e-7 wide and the distribution within 0.01 of X. */
static void test_balance(mvec_ctx *ctx)
{
    double values[] = {50, 30, 10, 10};
    const char *codes[] = {"RUS", "CHN", "DEU", "TUR"};
    const char *blocs[] = {"RUS-EAEU", "CHN", "WEST", "TUR-OTS"};
    bool great[] = {true, true, true, false};
    size_t bloc_of[] = {0, 1, 2, 3};
    mvec_frontier_input input = MVEC_FRONTIER_INPUT_INIT;
    input.partner_count = 4;
    input.codes = codes;
    input.values = values;
    input.bloc_count = 4;
    input.bloc_names = blocs;
    input.great_power = great;
    input.blocs = bloc_of;
    mvec_frontier_limits limits = MVEC_FRONTIER_LIMITS_INIT;
    limits.objective = MVEC_FRONTIER_BALANCE;
    mvec_frontier *f = NULL;
    CHECK_STATUS(mvec_frontier_solve(ctx, &input, &limits, &f), MVEC_OK);
    if (f != NULL) {
        const mvec_frontier_summary *r = mvec_frontier_result(f);
        double deu = 10 * pow(1.15, 5);
        double rus = 50 - deu;
        double chn = rus;
        double e = rus + chn + deu;
        double h = (rus * rus + chn * chn + deu * deu) / (e * e);
        double balance = 1 - (h - 1.0 / 3) / (2.0 / 3);
        CHECK_NEAR(partner(r, "RUS")->frontier, rus, 1e-2);
        CHECK_NEAR(partner(r, "CHN")->frontier, chn, 1e-2);
        CHECK_NEAR(partner(r, "DEU")->frontier, deu, 1e-6);
        CHECK_NEAR(partner(r, "TUR")->frontier, deu, 1e-6);
        CHECK(r->balance_optimum.lo <= balance + 1e-9 && balance - 1e-9 <= r->balance_optimum.hi);
        CHECK(r->balance_optimum.hi - r->balance_optimum.lo <= 1e-6);
        CHECK_NEAR(r->exposure_frontier, e / 100, 1e-8);
        /* baseline: sigma = 5/9, 3/9, 1/9 */
        double h0 = (25.0 + 9 + 1) / 81;
        CHECK_NEAR(r->balance_baseline, 1 - (h0 - 1.0 / 3) / (2.0 / 3), 1e-12);
        CHECK_NEAR(r->bloc_baseline[0], 0.5, 1e-12);
        CHECK_NEAR(r->bloc_frontier[2], deu / 100, 1e-8);
        CHECK(isnan(r->hhi_optimum.lo));
    }
    mvec_frontier_free(ctx, f);
    /* DEU alone may grow by 5 only: DEU = 15, TUR still at its ceiling D, RUS
     * and CHN split the rest evenly, (100 - 15 - D) / 2 = 32.44 each (the
     * same argument: raising the smallest power pays while it is smallest) */
    const char *deu[] = {"DEU"};
    mvec_frontier_group cap = {"west", 1, deu, 5};
    limits.groups = &cap;
    limits.group_count = 1;
    f = NULL;
    CHECK_STATUS(mvec_frontier_solve(ctx, &input, &limits, &f), MVEC_OK);
    if (f != NULL) {
        const mvec_frontier_summary *r = mvec_frontier_result(f);
        double tur = 10 * pow(1.15, 5);
        double rus = (100 - 15 - tur) / 2;
        CHECK(partner(r, "DEU")->frontier <= 15 * (1 + 1e-9));
        CHECK_NEAR(partner(r, "DEU")->frontier, 15, 1e-6);
        CHECK_NEAR(partner(r, "TUR")->frontier, tur, 1e-6);
        CHECK_NEAR(partner(r, "RUS")->frontier, rus, 1e-2);
        CHECK_NEAR(partner(r, "CHN")->frontier, rus, 1e-2);
        double e = 2 * rus + 15;
        double h = (2 * rus * rus + 15.0 * 15) / (e * e);
        double balance = 1 - (h - 1.0 / 3) / (2.0 / 3);
        CHECK(r->balance_optimum.lo <= balance + 1e-9 && balance - 1e-9 <= r->balance_optimum.hi);
    }
    mvec_frontier_free(ctx, f);
    limits.groups = NULL;
    limits.group_count = 0;
    /* a remainder is refused: its blocs are unknown */
    input.fixed_value = 5;
    f = NULL;
    CHECK_STATUS(mvec_frontier_solve(ctx, &input, &limits, &f), MVEC_ERR_INVALID);
    CHECK(strstr(mvec_ctx_error_message(ctx), "needs every partner listed") != NULL);
}

static void test_groups_parse(mvec_ctx *ctx)
{
    mvec_frontier_group *groups = NULL;
    size_t count = 0;
    CHECK_STATUS(
        mvec_frontier_groups_parse(ctx, "oil=ITA,NLD:2.5e9;east=CHN:-1e8", &groups, &count),
        MVEC_OK);
    CHECK(count == 2);
    if (count == 2) {
        CHECK_STR(groups[0].name, "oil");
        CHECK(groups[0].member_count == 2);
        CHECK_STR(groups[0].members[1], "NLD");
        CHECK_NEAR(groups[0].cap, 2.5e9, 0);
        CHECK_STR(groups[1].members[0], "CHN");
        CHECK_NEAR(groups[1].cap, -1e8, 0);
    }
    mvec_frontier_groups_free(ctx, groups);
    const char *bad[] = {"oil",        "oil=ITA",   "=ITA:5",          "oil=ITA:x",
                         "oil=ITA,:5", "o l=ITA:5", "a=ITA:1;a=NLD:2", ""};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        groups = NULL;
        CHECK_STATUS(mvec_frontier_groups_parse(ctx, bad[i], &groups, &count), MVEC_ERR_INVALID);
        CHECK(groups == NULL);
    }
    mvec_frontier_objective objective;
    CHECK_STATUS(mvec_frontier_objective_from_name(ctx, "balance", &objective), MVEC_OK);
    CHECK(objective == MVEC_FRONTIER_BALANCE);
    CHECK_STATUS(mvec_frontier_objective_from_name(ctx, "gini", &objective), MVEC_ERR_INVALID);
    CHECK_STR(mvec_frontier_objective_name(MVEC_FRONTIER_HHI), "hhi");
}

/* The built-in Kazakhstan exports: every partner within its limits, the total kept, the
 * interval tight, the frontier below the baseline. */
static void test_embedded(mvec_ctx *ctx)
{
    mvec_countries *countries = NULL;
    mvec_observations *observations = NULL;
    mvec_bloc_scheme *scheme = NULL;
    mvec_frontier *f = NULL;
    CHECK_STATUS(mvec_countries_open(ctx, NULL, &countries), MVEC_OK);
    CHECK_STATUS(mvec_observations_new(ctx, countries, &observations), MVEC_OK);
    CHECK_STATUS(mvec_observations_load_embedded(ctx, observations), MVEC_OK);
    CHECK_STATUS(mvec_bloc_scheme_builtin(ctx, countries, "powers", &scheme), MVEC_OK);
    mvec_frontier_options options = MVEC_FRONTIER_OPTIONS_INIT;
    options.year = 2023;
    for (int objective = 0; objective < 2; objective++) {
        mvec_frontier_limits limits = MVEC_FRONTIER_LIMITS_INIT;
        limits.objective = (mvec_frontier_objective)objective;
        CHECK_STATUS(mvec_frontier_build(ctx, observations, scheme, &options, &limits, &f),
                     MVEC_OK);
        if (f == NULL)
            break;
        const mvec_frontier_summary *r = mvec_frontier_result(f);
        double sum = 0;
        bool within = true;
        for (size_t i = 0; i < r->partner_count; i++) {
            const mvec_frontier_partner *q = &r->partners[i];
            sum += q->frontier;
            within &=
                q->frontier >= q->lowest * (1 - 1e-12) && q->frontier <= q->highest * (1 + 1e-12);
        }
        CHECK(within);
        CHECK_NEAR(sum, r->total, 1e-9 * r->total);
        CHECK(r->partner_count == 134);
        CHECK_STR(r->vector, "trade.exports");
        CHECK(r->year == 2023);
        CHECK_STR(r->unit, "USD");
        CHECK(r->input_count > 0);
        if (objective == 0) {
            CHECK(r->hhi_optimum.hi - r->hhi_optimum.lo <= 1e-9);
            CHECK(r->hhi_optimum.hi < r->hhi_baseline.lo);
        } else {
            CHECK(r->balance_optimum.hi - r->balance_optimum.lo <= 1e-6);
            CHECK(r->balance_optimum.lo > r->balance_baseline);
        }
        mvec_frontier_free(ctx, f);
        f = NULL;
    }
    mvec_bloc_scheme_free(ctx, scheme);
    mvec_observations_free(ctx, observations);
    mvec_countries_free(ctx, countries);
}

int main(void)
{
    mvec_ctx *ctx = mvec_ctx_new(NULL, NULL);
    if (ctx == NULL)
        return 1;
    test_one_year(ctx);
    test_five_years(ctx);
    test_group_cap(ctx);
    test_one_member_cap(ctx);
    test_small_partner_cap(ctx);
    test_infeasible(ctx);
    test_bad_limits(ctx);
    test_zero_and_frozen(ctx);
    test_remainder(ctx);
    test_balance(ctx);
    test_groups_parse(ctx);
    test_embedded(ctx);
    mvec_ctx_free(ctx);
    return test_report("test_frontier");
}
