/*
 * test_flow_vectors.c - a flow table as a country's trade vectors, the
 * asymmetry of dependence and the coverage check (mvec_flow_vectors.h), on
 * hand-computed values of two tiny fixtures:
 *   tests/data/flowprofile/BACI_HS92_Y2021_V202401_tiny.csv (reconciled)
 *   tests/data/flowprofile/wto_tiny.csv (importer-declared, World rows, code 899 unknown)
 */
#include <math.h>
#include <mvec/mvec.h>
#include <stdio.h>
#include <string.h>

#include "test.h"

static mvec_ctx *ctx;
static mvec_countries *countries;
static int warnings;

static void on_log(void *user, mvec_log_level level, const char *message)
{
    (void)user;
    (void)message;
    if (level == MVEC_LOG_WARNING)
        warnings++;
}

static mvec_flows *read_flows(const char *path)
{
    mvec_flows *flows = NULL;
    CHECK_STATUS(mvec_flows_read(ctx, countries, path, NULL, &flows), MVEC_OK);
    return flows;
}

/* The one observation of (partner, vector, year, basis), or NULL. */
static const mvec_observation *find(const mvec_observations *obs, const char *partner,
                                    const char *vector, int year, mvec_basis basis)
{
    const mvec_observation *found = NULL;
    for (size_t i = 0; i < mvec_observations_count(obs); i++) {
        const mvec_observation *o = mvec_observations_at(obs, i);
        if (strcmp(o->partner->code, partner) == 0 && strcmp(o->vector, vector) == 0 &&
            o->year == year && o->basis == basis) {
            CHECK(found == NULL);
            found = o;
        }
    }
    return found;
}

/* The base value as whole dollars (exact below 2^53), -1 when absent. */
static long long value_of(const mvec_observations *obs, const char *partner, const char *vector,
                          int year, mvec_basis basis)
{
    const mvec_observation *o = find(obs, partner, vector, year, basis);
    return o ? (long long)o->base_value : -1;
}

/* Bit-for-bit the same double (the values are computed by one division each). */
static bool same(double a, double b)
{
    return memcmp(&a, &b, sizeof a) == 0;
}

static void test_recognise(void)
{
    bool is_flow = true;
    CHECK_STATUS(mvec_flows_recognise(ctx, countries,
                                      "tests/data/flowprofile/BACI_HS92_Y2021_V202401_tiny.csv",
                                      &is_flow),
                 MVEC_OK);
    CHECK(is_flow);
    CHECK_STATUS(mvec_flows_recognise(ctx, countries, "tests/data/flowprofile/wto_tiny.csv",
                                      &is_flow),
                 MVEC_OK);
    CHECK(is_flow);
    CHECK_STATUS(mvec_flows_recognise(ctx, countries, "examples/data/kaz_trade_by_partner_2021_2023.csv",
                                      &is_flow),
                 MVEC_OK);
    CHECK(!is_flow);
    CHECK_STATUS(mvec_flows_recognise(ctx, countries, "tests/data/flows/wto_long_slice.csv.gz",
                                      &is_flow),
                 MVEC_OK);
    CHECK(is_flow);
    CHECK_STATUS(mvec_flows_recognise(ctx, countries, "tests/data/flowprofile/absent.csv",
                                      &is_flow),
                 MVEC_OK);
    CHECK(!is_flow);
}

static void test_baci_vectors(void)
{
    mvec_flows *flows = read_flows("tests/data/flowprofile/BACI_HS92_Y2021_V202401_tiny.csv");
    mvec_observations *obs = NULL;
    CHECK_STATUS(mvec_observations_new(ctx, countries, &obs), MVEC_OK);
    mvec_flow_vectors_options options = MVEC_FLOW_VECTORS_OPTIONS_INIT;
    size_t added = 0;
    CHECK_STATUS(mvec_flow_vectors_add(ctx, obs, flows, &options, &added), MVEC_ERR_INVALID);
    options.country = "Kazakhstan";
    CHECK_STATUS(mvec_flow_vectors_add(ctx, obs, flows, &options, &added), MVEC_OK);
    /* 2020: exports CHN ITA RUS + WLD, imports CHN RUS + WLD, total CHN ITA RUS + WLD = 11;
     * 2021: the same with ITA in imports = 12 */
    CHECK(added == 23);
    CHECK(mvec_observations_count(obs) == 23);
    mvec_basis third = MVEC_BASIS_THIRD_PARTY;
    /* 2021 exports: CHN 2,000,000 + 250,500; RUS 750,000; ITA 1,000,000 */
    CHECK(value_of(obs, "CHN", "trade.exports", 2021, third) == 2250500);
    CHECK(value_of(obs, "RUS", "trade.exports", 2021, third) == 750000);
    CHECK(value_of(obs, "WLD", "trade.exports", 2021, third) == 4000500);
    /* 2021 imports: CHN 1,500,000; RUS 1,000,000; ITA 0.001 thousand = 1 USD */
    CHECK(value_of(obs, "ITA", "trade.imports", 2021, third) == 1);
    CHECK(value_of(obs, "WLD", "trade.imports", 2021, third) == 2500001);
    CHECK(value_of(obs, "WLD", "trade.total", 2021, third) == 6500501);
    CHECK(value_of(obs, "CHN", "trade.total", 2020, third) == 1800000);
    const mvec_observation *o = find(obs, "CHN", "trade.exports", 2021, third);
    if (o != NULL) {
        CHECK(o->line == 11); /* the first 2021 row to China */
        CHECK(o->column == 5);
        CHECK_STR(o->unit, "USD");
        CHECK_STR(o->source, "CEPII BACI, HS92 edition");
        CHECK_STR(o->source_date, "2024-01");
        CHECK_STR(o->quality, "official");
        CHECK(strstr(o->file, "BACI_HS92_Y2021_V202401_tiny.csv") != NULL);
    }
    /* a unit in millions: the same dollars */
    mvec_observations *millions = NULL;
    CHECK_STATUS(mvec_observations_new(ctx, countries, &millions), MVEC_OK);
    options.unit = "USD m";
    CHECK_STATUS(mvec_flow_vectors_add(ctx, millions, flows, &options, NULL), MVEC_OK);
    o = find(millions, "WLD", "trade.exports", 2021, third);
    CHECK(o != NULL && same(o->value, 4000500 / 1e6) && same(o->base_value, 4000500));
    options.unit = "EUR m";
    size_t before = mvec_observations_count(millions);
    CHECK_STATUS(mvec_flow_vectors_add(ctx, millions, flows, &options, NULL), MVEC_ERR_INVALID);
    CHECK(mvec_observations_count(millions) == before);
    /* a country not in the table: nothing */
    options.unit = NULL;
    options.country = "NZL";
    CHECK_STATUS(mvec_flow_vectors_add(ctx, millions, flows, &options, &added), MVEC_OK);
    CHECK(added == 0);
    mvec_observations_free(ctx, millions);

    /* asymmetry, hand-computed */
    mvec_flow_asymmetry *a = NULL;
    mvec_flow_asymmetry_options ao = MVEC_FLOW_ASYMMETRY_OPTIONS_INIT;
    ao.country = "KAZ";
    CHECK_STATUS(mvec_flow_asymmetry_build(ctx, countries, flows, &ao, &a), MVEC_OK);
    CHECK(mvec_flow_asymmetry_count(a) == 9); /* 3 vectors x 3 partners */
    const mvec_flow_asymmetry_row *r = mvec_flow_asymmetry_at(a, 0);
    CHECK(r != NULL && strcmp(r->vector, "trade.exports") == 0 && r->year == 2021 &&
          strcmp(r->partner->code, "CHN") == 0 && r->rank == 1);
    /* KAZ -> CHN 2,250,500 of 4,000,500; CHN -> KAZ 1,500,000 of CHN's 13,500,000 */
    CHECK(r->country_with_partner == 2250500 && r->country_total == 4000500);
    CHECK(r->partner_with_country == 1500000 && r->partner_total == 13500000);
    CHECK(same(r->country_dependence, 2250500.0 / 4000500.0));
    CHECK(same(r->partner_dependence, 1500000.0 / 13500000.0));
    r = mvec_flow_asymmetry_at(a, 3); /* imports, CHN first */
    CHECK(r != NULL && strcmp(r->vector, "trade.imports") == 0 &&
          strcmp(r->partner->code, "CHN") == 0);
    /* CHN's imports 2021: from KAZ 2,250,500, RUS 4,000,000, ITA 2,500,000 */
    CHECK(r->partner_with_country == 2250500 && r->partner_total == 8750500);
    CHECK(same(r->country_dependence, 1500000.0 / 2500001.0));
    r = mvec_flow_asymmetry_at(a, 6); /* total, CHN first */
    CHECK(r != NULL && strcmp(r->vector, "trade.total") == 0 &&
          strcmp(r->partner->code, "CHN") == 0);
    CHECK(r->country_with_partner == 3750500 && r->partner_with_country == 3750500);
    CHECK(r->country_total == 6500501 && r->partner_total == 22250500);
    CHECK(same(r->ratio, (3750500.0 / 6500501.0) / (3750500.0 / 22250500.0)));
    mvec_flow_asymmetry_free(ctx, a);
    ao.year = 2020;
    ao.top = 1;
    CHECK_STATUS(mvec_flow_asymmetry_build(ctx, countries, flows, &ao, &a), MVEC_OK);
    CHECK(mvec_flow_asymmetry_count(a) == 3);
    r = mvec_flow_asymmetry_at(a, 0); /* 2020 exports: ITA 1,500,000 of 3,000,000 */
    CHECK(r != NULL && r->year == 2020 && strcmp(r->partner->code, "ITA") == 0 &&
          same(r->country_dependence, 0.5));
    /* Italy's 2020 exports: to CHN only, 2,000,000 */
    CHECK(r != NULL && r->partner_with_country == 0 && r->partner_total == 2000000 &&
          same(r->partner_dependence, 0) && isnan(r->ratio));
    mvec_flow_asymmetry_free(ctx, a);
    mvec_observations_free(ctx, obs);
    mvec_flows_close(ctx, flows);
}

static void test_wto_vectors(void)
{
    mvec_flows *flows = read_flows("tests/data/flowprofile/wto_tiny.csv");
    mvec_observations *obs = NULL;
    CHECK_STATUS(mvec_observations_new(ctx, countries, &obs), MVEC_OK);
    mvec_flow_vectors_options options = MVEC_FLOW_VECTORS_OPTIONS_INIT;
    options.country = "KAZ";
    int before = warnings;
    size_t added = 0;
    CHECK_STATUS(mvec_flow_vectors_add(ctx, obs, flows, &options, &added), MVEC_OK);
    CHECK(warnings == before + 1); /* code 899, 200 USD */
    CHECK(added == 8);
    mvec_basis own = MVEC_BASIS_REPORTER;
    mvec_basis mirror = MVEC_BASIS_PARTNER;
    /* imports: Kazakhstan's own declarations, the World rows 1,000 + 3,000 */
    CHECK(value_of(obs, "WLD", "trade.imports", 2019, own) == 4000);
    CHECK(value_of(obs, "CHN", "trade.imports", 2019, own) == 1500);
    CHECK(value_of(obs, "RUS", "trade.imports", 2019, own) == 1500);
    CHECK(value_of(obs, "WLD", "trade.imports", 2018, own) == 3500);
    const mvec_observation *o = find(obs, "WLD", "trade.imports", 2019, own);
    CHECK(o != NULL && o->line == 2);
    o = find(obs, "RUS", "trade.imports", 2019, own);
    CHECK(o != NULL && o->line == 5);
    /* exports: only as the partners declare them, with the reporting partners' total */
    CHECK(value_of(obs, "CHN", "trade.exports", 2019, mirror) == 2500);
    CHECK(value_of(obs, "DEU", "trade.exports", 2019, mirror) == 400);
    CHECK(value_of(obs, "WLD", "trade.exports", 2019, mirror) == 2900);
    CHECK(find(obs, "CHN", "trade.exports", 2019, own) == NULL);
    /* never a total mixing the two */
    for (size_t i = 0; i < mvec_observations_count(obs); i++)
        CHECK(strcmp(mvec_observations_at(obs, i)->vector, "trade.total") != 0);

    /* asymmetry: imports only (both sides importer-declared) */
    mvec_flow_asymmetry *a = NULL;
    mvec_flow_asymmetry_options ao = MVEC_FLOW_ASYMMETRY_OPTIONS_INIT;
    ao.country = "KAZ";
    CHECK_STATUS(mvec_flow_asymmetry_build(ctx, countries, flows, &ao, &a), MVEC_OK);
    CHECK(mvec_flow_asymmetry_count(a) == 2);
    const mvec_flow_asymmetry_row *r = mvec_flow_asymmetry_at(a, 0);
    /* CHN and RUS tie at 1,500: code order */
    CHECK(r != NULL && strcmp(r->partner->code, "CHN") == 0 && same(r->country_dependence, 0.375) &&
          r->partner_with_country == 2500 && r->partner_total == 50000 &&
          same(r->partner_dependence, 0.05) && same(r->ratio, 7.5));
    r = mvec_flow_asymmetry_at(a, 1);
    /* Russia reports nothing: its dependence is unknown */
    CHECK(r != NULL && strcmp(r->partner->code, "RUS") == 0 && r->partner_total == 0 &&
          isnan(r->partner_dependence));
    mvec_flow_asymmetry_free(ctx, a);

    /* coverage against a hand-made reference: 2019 4,000 vs 4,100 (-2.44 %) */
    static const char REFERENCE[] =
        "country,partner,vector,indicator,year,value,unit,basis,source,quality\n"
        "KAZ,WLD,trade.imports,value,2019,4.1,USD k,reporter,Bureau,official\n"
        "KAZ,WLD,trade.imports,value,2017,5,USD k,reporter,Bureau,official\n"
        "KAZ,WLD,trade.imports,value,2016,5,USD k,reporter,Press,media\n";
    mvec_observations *reference = NULL;
    CHECK_STATUS(mvec_observations_new(ctx, countries, &reference), MVEC_OK);
    CHECK_STATUS(mvec_observations_load_text(ctx, reference, "reference.csv", REFERENCE,
                                             sizeof REFERENCE - 1, NULL),
                 MVEC_OK);
    mvec_coverage *c = NULL;
    CHECK_STATUS(mvec_coverage_build(ctx, obs, reference, "KAZ", 0.02, true, &c), MVEC_OK);
    /* 2017 only reference, 2018 only flows, 2019 differs; the press figure is left out */
    CHECK(mvec_coverage_count(c) == 3);
    CHECK(mvec_coverage_flagged(c) == 1);
    const mvec_coverage_row *row = mvec_coverage_at(c, 2);
    CHECK(row != NULL && row->year == 2019 && strcmp(row->verdict, "differs") == 0 &&
          same(row->difference, (4000.0 - 4100.0) / 4100.0));
    row = mvec_coverage_at(c, 0);
    CHECK(row != NULL && row->year == 2017 && strcmp(row->verdict, "only reference") == 0);
    row = mvec_coverage_at(c, 1);
    CHECK(row != NULL && row->year == 2018 && strcmp(row->verdict, "only flows") == 0);
    mvec_coverage_free(ctx, c);
    CHECK_STATUS(mvec_coverage_build(ctx, obs, reference, "KAZ", 0.025, false, &c), MVEC_OK);
    CHECK(mvec_coverage_count(c) == 4); /* the press figure too */
    CHECK(mvec_coverage_flagged(c) == 0);
    mvec_coverage_free(ctx, c);
    CHECK_STATUS(mvec_coverage_build(ctx, obs, reference, "KAZ", 1.5, false, &c),
                 MVEC_ERR_INVALID);
    CHECK(c == NULL);
    mvec_observations_free(ctx, reference);
    mvec_observations_free(ctx, obs);
    mvec_flows_close(ctx, flows);
}

int main(void)
{
    ctx = mvec_ctx_new(NULL, NULL);
    mvec_ctx_set_log(ctx, on_log, NULL);
    if (mvec_countries_open(ctx, NULL, &countries) != MVEC_OK) {
        fprintf(stderr, "%s\n", mvec_ctx_error_message(ctx));
        return 1;
    }
    test_recognise();
    test_baci_vectors();
    test_wto_vectors();
    mvec_countries_free(ctx, countries);
    CHECK(mvec_ctx_memory(ctx).current_bytes == 0);
    mvec_ctx_free(ctx);
    return test_report("test_flow_vectors");
}
