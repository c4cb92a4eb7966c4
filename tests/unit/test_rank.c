/*
 * test_rank.c - mvec_rank_build (every country ranked) and
 * mvec_flow_vectors_add_every (every country's vector of one year in one
 * pass) on tests/data/flowprofile/BACI_HS92_Y2021_V202401_tiny.csv, whose
 * 2021 rows give, in whole dollars, trade (exports + imports):
 *   KAZ: CHN 3,750,500  RUS 1,750,000  ITA 1,000,001            total  6,500,501
 *   CHN: KAZ 3,750,500  RUS 9,000,000  ITA 9,500,000            total 22,250,500
 *   RUS: KAZ 1,750,000  CHN 9,000,000  ITA 1,000,000            total 11,750,000
 *   ITA: KAZ 1,000,001  CHN 9,500,000  RUS 1,000,000            total 11,500,001
 * Under `powers` RUS and KAZ are RUS-EAEU, CHN is CHN, ITA is WEST: every
 * partner is in a great-power bloc (exposure 1), and the balance is
 * 1 - (HHI(sigma) - 1/3) / (2/3) over the three great-power shares.
 */
#include <math.h>
#include <mvec/mvec.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "test.h"

static mvec_ctx *ctx;
static mvec_countries *countries;
static mvec_bloc_scheme *scheme;

static const char *const TINY = "tests/data/flowprofile/BACI_HS92_Y2021_V202401_tiny.csv";

static double hhi3(double a, double b, double c)
{
    double t = a + b + c;
    return (a / t) * (a / t) + (b / t) * (b / t) + (c / t) * (c / t);
}

static double balance_of(double a, double b, double c)
{
    return 1 - (hhi3(a, b, c) - 1.0 / 3) / (1 - 1.0 / 3);
}

static mvec_observations *every(int year, const char *vector, mvec_status expected, int *used)
{
    mvec_flows *flows = NULL;
    mvec_observations *obs = NULL;
    CHECK_STATUS(mvec_flows_read(ctx, countries, TINY, NULL, &flows), MVEC_OK);
    CHECK_STATUS(mvec_observations_new(ctx, countries, &obs), MVEC_OK);
    mvec_flow_vectors_every_options o = MVEC_FLOW_VECTORS_EVERY_OPTIONS_INIT;
    o.year = year;
    o.vector = vector;
    size_t added = 0;
    const char *vector_used = NULL;
    CHECK_STATUS(mvec_flow_vectors_add_every(ctx, obs, flows, &o, used, &vector_used, &added),
                 expected);
    if (expected == MVEC_OK) {
        CHECK_STR(vector_used, vector ? vector : "trade.total");
        /* trade.total: four countries, each a World row and three partners; 2020's exports:
         * KAZ and CHN to three, RUS to two, ITA to one, each with a World row */
        CHECK(added == (vector == NULL ? 16u : 13u));
    } else {
        CHECK(added == 0 && mvec_observations_count(obs) == 0);
    }
    mvec_flows_close(ctx, flows);
    return obs;
}

static const mvec_rank_row *row_of(const mvec_rank *rank, const char *code)
{
    for (size_t i = 0; i < mvec_rank_count(rank); i++)
        if (strcmp(mvec_rank_at(rank, i)->country->code, code) == 0)
            return mvec_rank_at(rank, i);
    return NULL;
}

static void test_balance(void)
{
    int year = 0;
    mvec_observations *obs = every(0, NULL, MVEC_OK, &year);
    CHECK(year == 2021); /* the latest year of all four */
    mvec_rank *rank = NULL;
    CHECK_STATUS(mvec_rank_build(ctx, obs, scheme, NULL, NULL, &rank), MVEC_OK);
    CHECK(mvec_rank_year(rank) == 2021 && mvec_rank_year_default(rank));
    CHECK_STR(mvec_rank_vector(rank), "trade.total");
    CHECK(mvec_rank_count(rank) == 4 && mvec_rank_left_out_count(rank) == 0);
    /* KAZ 0.856, CHN 0.734, RUS 0.576, ITA 0.431 */
    static const char *const ORDER[] = {"KAZ", "CHN", "RUS", "ITA"};
    for (size_t i = 0; i < 4; i++) {
        CHECK_STR(mvec_rank_at(rank, i)->country->code, ORDER[i]);
        CHECK(mvec_rank_at(rank, i)->rank == i + 1);
    }
    const mvec_rank_row *kaz = row_of(rank, "KAZ");
    /* great-power shares: RUS-EAEU 1,750,000, CHN 3,750,500, WEST 1,000,001 */
    double b = balance_of(1750000, 3750500, 1000001);
    CHECK_NEAR(kaz->balance.lo, b, 1e-12);
    CHECK_NEAR(kaz->balance.hi, b, 1e-12);
    CHECK_NEAR(kaz->measure.lo, b, 1e-12);
    CHECK_NEAR(kaz->hhi.lo, hhi3(3750500, 1750000, 1000001), 1e-12);
    CHECK_NEAR(kaz->exposure.lo, 1, 1e-12);
    CHECK_NEAR(kaz->margin.lo, (3750500.0 - 1750000.0) / 6500501.0, 1e-12);
    CHECK_STR(kaz->top_partner->code, "CHN");
    CHECK_NEAR(kaz->top_share.lo, 3750500.0 / 6500501.0, 1e-12);
    CHECK_NEAR(kaz->total.lo, 6500501, 0);
    CHECK_STR(kaz->unit, "USD");
    const mvec_rank_row *chn = row_of(rank, "CHN");
    /* CHN: RUS-EAEU = KAZ + RUS = 12,750,500, CHN none, WEST = ITA 9,500,000 */
    CHECK_NEAR(chn->balance.lo, balance_of(12750500, 0, 9500000), 1e-12);
    CHECK_STR(chn->top_partner->code, "ITA");
    size_t eaeu = SIZE_MAX;
    for (size_t i = 0; i < mvec_bloc_count(scheme); i++)
        if (strcmp(mvec_bloc_name(scheme, i), "RUS-EAEU") == 0)
            eaeu = i;
    CHECK(eaeu != SIZE_MAX);
    if (eaeu != SIZE_MAX)
        CHECK_NEAR(chn->bloc_shares[eaeu].lo, 12750500.0 / 22250500.0, 1e-12);
    mvec_rank_free(ctx, rank);

    /* by HHI, most concentrated first: ITA 0.698, RUS 0.616, KAZ 0.429, CHN 0.374 */
    mvec_rank_options o = MVEC_RANK_OPTIONS_INIT;
    CHECK_STATUS(mvec_rank_by_from_name(ctx, "hhi", &o.by), MVEC_OK);
    CHECK_STATUS(mvec_rank_build(ctx, obs, scheme, NULL, &o, &rank), MVEC_OK);
    static const char *const BY_HHI[] = {"ITA", "RUS", "KAZ", "CHN"};
    for (size_t i = 0; i < 4; i++)
        CHECK_STR(mvec_rank_at(rank, i)->country->code, BY_HHI[i]);
    CHECK_NEAR(row_of(rank, "ITA")->measure.lo, hhi3(1000001, 9500000, 1000000), 1e-12);
    CHECK_NEAR(row_of(rank, "RUS")->measure.lo, hhi3(1750000, 9000000, 1000000), 1e-12);
    mvec_rank_free(ctx, rank);

    /* errors: a year without data, an unknown vector, an unknown measure */
    o.year = 2019;
    CHECK_STATUS(mvec_rank_build(ctx, obs, scheme, NULL, &o, &rank), MVEC_ERR_NO_DATA);
    CHECK(strstr(mvec_ctx_error_message(ctx), "2021") != NULL);
    o.year = 0;
    o.vector = "arms.imports";
    CHECK_STATUS(mvec_rank_build(ctx, obs, scheme, NULL, &o, &rank), MVEC_ERR_INVALID);
    CHECK_STATUS(mvec_rank_by_from_name(ctx, "balanced", &o.by), MVEC_ERR_INVALID);
    mvec_observations_free(ctx, obs);
}

static void test_every_errors(void)
{
    mvec_observations *obs = every(2019, NULL, MVEC_ERR_NO_DATA, NULL);
    mvec_observations_free(ctx, obs);
    obs = every(0, "arms.imports", MVEC_ERR_INVALID, NULL);
    mvec_observations_free(ctx, obs);
}

/* Left out: a country with the vector only in another year. */
static void test_left_out(void)
{
    int year = 0;
    mvec_observations *obs = every(2020, "trade.exports", MVEC_OK, &year);
    int *latest = calloc(mvec_countries_count(countries), sizeof *latest);
    CHECK(latest != NULL);
    if (latest == NULL)
        return;
    /* a country whose latest exports are from 2019 (as a flow table's other years tell) */
    latest[mvec_countries_index(countries, mvec_countries_find(countries, "UZB"))] = 2019;
    mvec_rank_options o = MVEC_RANK_OPTIONS_INIT;
    o.vector = "trade.exports";
    o.latest = latest;
    mvec_rank *rank = NULL;
    CHECK_STATUS(mvec_rank_build(ctx, obs, scheme, NULL, &o, &rank), MVEC_OK);
    CHECK(mvec_rank_year(rank) == 2020);
    CHECK(mvec_rank_count(rank) == 4);
    CHECK(mvec_rank_left_out_count(rank) == 1);
    if (mvec_rank_left_out_count(rank) == 1) {
        CHECK_STR(mvec_rank_left_out_at(rank, 0)->country->code, "UZB");
        CHECK_STR(mvec_rank_left_out_at(rank, 0)->reason,
                  "no trade.exports data for 2020 (latest: 2019)");
    }
    mvec_rank_free(ctx, rank);
    free(latest);
    mvec_observations_free(ctx, obs);
}

int main(void)
{
    ctx = mvec_ctx_new(NULL, NULL);
    if (mvec_countries_open(ctx, NULL, &countries) != MVEC_OK) {
        fprintf(stderr, "%s\n", mvec_ctx_error_message(ctx));
        return 1;
    }
    CHECK_STATUS(mvec_bloc_scheme_builtin(ctx, countries, "powers", &scheme), MVEC_OK);
    test_balance();
    test_every_errors();
    test_left_out();
    mvec_bloc_scheme_free(ctx, scheme);
    mvec_countries_free(ctx, countries);
    CHECK(mvec_ctx_memory(ctx).current_bytes == 0);
    mvec_ctx_free(ctx);
    return test_report("test_rank");
}
