/*
 * test_screen.c - the product dependency screen (mvec_screen.h) and the
 * composition by stage of processing (mvec_composition.h) on hand-computed
 * fixtures: every figure of tests/data/screen_wto.csv (worked out in
 * tests/cli/screen_fixture.sh), the same result from the file split into two
 * tables, HHI exactly 0.4 with totals near 2^62 (where a double cannot tell
 * 0.4 from one dollar more), the 2^62 limit, bad arguments, the composition
 * of tests/data/composition_wits.csv and of a BACI HS6 table, and every
 * allocation failing in turn without a leak.
 */
#include <mvec/mvec.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "test.h"

static mvec_ctx *ctx;
static mvec_countries *countries;
static mvec_bloc_scheme *scheme;

static void quiet_log(void *user, mvec_log_level level, const char *message)
{
    (void)user;
    (void)level;
    (void)message;
}

static mvec_flows *read_text(const char *name, const char *text)
{
    mvec_flows *flows = NULL;
    CHECK_STATUS(mvec_flows_read_buffer(ctx, countries, name, text, strlen(text), NULL, &flows),
                 MVEC_OK);
    return flows;
}

static const mvec_screen_product *find_product(const mvec_screen *screen, const char *code)
{
    for (size_t i = 0; i < mvec_screen_get_info(screen)->product_count; i++)
        if (strcmp(mvec_screen_product_at(screen, i)->product, code) == 0)
            return mvec_screen_product_at(screen, i);
    return NULL;
}

static void check_fixture_screen(const mvec_screen *screen)
{
    const mvec_screen_info *info = mvec_screen_get_info(screen);
    CHECK_STR(info->country, "KAZ");
    CHECK(info->first_year == 2017 && info->last_year == 2019);
    CHECK(info->product_count == 3);
    static const size_t expected[3][6] = {
        {431, 5, 4, 4, 5, 3}, {431, 5, 4, 4, 4, 2}, {451, 5, 4, 4, 5, 3}};
    for (int y = 0; y < 3; y++) {
        const mvec_screen_year *s = &info->years[y];
        CHECK(s->reported);
        CHECK(s->imports_usd == (int64_t)expected[y][0]);
        CHECK(s->imported == expected[y][1]);
        CHECK(s->supplier_concentrated == expected[y][2]);
        CHECK(s->world_concentrated == expected[y][3]);
        CHECK(s->imports_exceed == expected[y][4]);
        CHECK(s->met == expected[y][5]);
    }
    /* order by value: 03 (101), 01 (100), 05 (30) */
    CHECK_STR(mvec_screen_product_at(screen, 0)->product, "03");
    CHECK_STR(mvec_screen_product_at(screen, 2)->product, "05");
    CHECK(mvec_screen_product_at(screen, 3) == NULL);
    const mvec_screen_product *p = find_product(screen, "01");
    CHECK(p && p->met == 7 && p->years_met == 3 && p->year == 2019);
    CHECK(p && p->imports_usd == 100 && p->exports_usd == 5 && p->supplier_usd == 90);
    CHECK(p && strcmp(p->supplier, "CHN") == 0 && p->world_exports_usd == 1105);
    CHECK(p && strcmp(p->world_leader, "CHN") == 0);
    CHECK_NEAR(p ? p->supplier_hhi : 0, 0.82, 1e-15);
    CHECK_NEAR(p ? p->world_hhi : 0, 990225.0 / 1221025.0, 1e-15);
    CHECK(p && strcmp(mvec_bloc_name(scheme, p->bloc), "CHN") == 0);
    p = find_product(screen, "03");
    CHECK(p && p->met == 5 && p->years_met == 2 && p->imports_usd == 101);
    CHECK_NEAR(p ? p->supplier_hhi : 0, 4121.0 / 10201.0, 1e-15);
    p = find_product(screen, "05");
    CHECK(p && p->met == 3 && p->year == 2018 && p->imports_usd == 30);
    CHECK(p && strcmp(mvec_bloc_name(scheme, p->bloc), "RUS-EAEU") == 0);
    CHECK(find_product(screen, "02") == NULL); /* HHI exactly 0.4 */
    CHECK(find_product(screen, "04") == NULL); /* met once */
    size_t listed = 0;
    int64_t value = 0;
    for (size_t b = 0; b < info->bloc_count; b++) {
        listed += mvec_screen_bloc_at(screen, b)->products;
        value += mvec_screen_bloc_at(screen, b)->imports_usd;
    }
    CHECK(listed == 3 && value == 231);
    CHECK(mvec_screen_bloc_at(screen, info->bloc_count) == NULL);
}

static void test_fixture(void)
{
    mvec_flows *flows = NULL;
    CHECK_STATUS(mvec_flows_read(ctx, countries, "tests/data/screen_wto.csv", NULL, &flows),
                 MVEC_OK);
    if (flows == NULL)
        return;
    mvec_screen *screen = NULL;
    CHECK_STATUS(mvec_screen_run(ctx, countries, scheme, (const mvec_flows *const *)&flows, 1,
                                 "KAZ", NULL, &screen),
                 MVEC_OK);
    if (screen)
        check_fixture_screen(screen);
    mvec_screen_free(ctx, screen);

    /* the same rows in two tables (years apart, products and countries in other orders) */
    FILE *file = fopen("tests/data/screen_wto.csv", "r");
    CHECK(file != NULL);
    if (file == NULL) {
        mvec_flows_close(ctx, flows);
        return;
    }
    static char a[8192], b[8192], line[256];
    strcpy(a, "year,reporter_m49,partner_m49,hs2,value_usd\n");
    strcpy(b, a);
    CHECK(fgets(line, sizeof line, file) != NULL);
    while (fgets(line, sizeof line, file))
        strcat(strncmp(line, "2018", 4) == 0 ? b : a, line);
    fclose(file);
    mvec_flows *parts[2] = {read_text("a.csv", a), read_text("b.csv", b)};
    screen = NULL;
    mvec_screen_options options = MVEC_SCREEN_OPTIONS_INIT;
    options.year = 2019;
    CHECK_STATUS(mvec_screen_run(ctx, countries, scheme, (const mvec_flows *const *)parts, 2,
                                 "398", &options, &screen),
                 MVEC_OK);
    if (screen)
        check_fixture_screen(screen);
    mvec_screen_free(ctx, screen);

    /* bad arguments */
    CHECK_STATUS(mvec_screen_run(ctx, countries, scheme, (const mvec_flows *const *)&flows, 1,
                                 "UZB", NULL, &screen),
                 MVEC_ERR_INVALID);
    CHECK_STATUS(mvec_screen_run(ctx, countries, scheme, (const mvec_flows *const *)&flows, 0,
                                 "KAZ", NULL, &screen),
                 MVEC_ERR_INVALID);
    mvec_screen_options bad = {sizeof bad - 1, 0};
    CHECK_STATUS(mvec_screen_run(ctx, countries, scheme, (const mvec_flows *const *)&flows, 1,
                                 "KAZ", &bad, &screen),
                 MVEC_ERR_INVALID);
    mvec_flows_close(ctx, parts[0]);
    mvec_flows_close(ctx, parts[1]);
    mvec_flows_close(ctx, flows);
}

/* HHI exactly 0.4 with a total of 4 * 10^18 USD, and one dollar above it. */
static void test_exact_threshold(void)
{
    static const char *const tops[] = {"2400000000000000000", "2400000000000000001"};
    for (int t = 0; t < 2; t++) {
        char text[1024];
        snprintf(text, sizeof text,
                 "year,reporter_m49,partner_m49,hs2,value_usd\n"
                 "2019,398,156,01,%s\n2019,398,643,01,400000000000000000\n"
                 "2019,398,276,01,400000000000000000\n2019,398,840,01,400000000000000000\n"
                 "2019,398,792,01,400000000000000000\n",
                 tops[t]);
        mvec_flows *flows = read_text("big.csv", text);
        mvec_screen *screen = NULL;
        CHECK_STATUS(mvec_screen_run(ctx, countries, scheme, (const mvec_flows *const *)&flows,
                                     1, "KAZ", NULL, &screen),
                     MVEC_OK);
        if (screen) {
            /* (1) and (2) are the same sums here: exactly 0.4 fails both, a dollar more passes */
            const mvec_screen_year *y = &mvec_screen_get_info(screen)->years[2];
            CHECK(y->supplier_concentrated == (size_t)t);
            CHECK(y->world_concentrated == (size_t)t);
        }
        mvec_screen_free(ctx, screen);
        mvec_flows_close(ctx, flows);
    }
    /* totals of 2^62 USD and more: a limit error, not a wrong answer */
    const char *text = "year,reporter_m49,partner_m49,hs2,value_usd\n"
                       "2019,398,156,01,4000000000000000000\n"
                       "2019,398,643,01,700000000000000000\n";
    mvec_flows *flows = read_text("over.csv", text);
    mvec_screen *screen = NULL;
    CHECK_STATUS(mvec_screen_run(ctx, countries, scheme, (const mvec_flows *const *)&flows, 1,
                                 "KAZ", NULL, &screen),
                 MVEC_ERR_LIMIT);
    CHECK(screen == NULL);
    mvec_flows_close(ctx, flows);
}

static const mvec_composition_row *find_row(const mvec_composition *c, int year, bool exports,
                                            const char *partner)
{
    for (size_t i = 0; i < mvec_composition_row_count(c); i++) {
        const mvec_composition_row *r = mvec_composition_row_at(c, i);
        if (r->year == year && r->exports == exports && strcmp(r->partner, partner) == 0)
            return r;
    }
    return NULL;
}

static void test_composition(void)
{
    mvec_composition *c = NULL;
    CHECK_STATUS(mvec_composition_new(ctx, countries, scheme, "Kazakhstan", &c), MVEC_OK);
    if (c == NULL)
        return;
    CHECK_STATUS(mvec_composition_add_file(ctx, c, "tests/data/composition_wits.csv"), MVEC_OK);
    CHECK_STATUS(mvec_composition_finish(ctx, c), MVEC_OK);
    CHECK(mvec_composition_row_count(c) == 7);
    const mvec_composition_row *r = find_row(c, 2015, true, "CHN");
    CHECK(r && r->total_usd == 2000500 && r->split_usd == 700000 && r->unmapped_usd == 0);
    CHECK_NEAR(r ? r->stage_usd[MVEC_STAGE_RAW] : 0, 1200000, 1e-6);
    CHECK_NEAR(r ? r->stage_usd[MVEC_STAGE_INTERMEDIATE] : 0, 800500, 1e-6);
    r = find_row(c, 2015, true, "World");
    CHECK(r && r->world && r->total_usd == 3008500 && r->split_usd == 708000);
    CHECK_NEAR(r ? r->stage_usd[MVEC_STAGE_RAW] : 0, 2205000, 1e-6);
    CHECK_NEAR(r ? r->stage_usd[MVEC_STAGE_CAPITAL] : 0, 3000, 1e-6);
    r = find_row(c, 2015, false, "all");
    CHECK(r && r->total_usd == 550001 && r->unmapped_usd == 50000);
    CHECK_NEAR(r ? r->stage_usd[MVEC_STAGE_CAPITAL] : 0, 400001, 1e-9);
    CHECK_NEAR(r ? r->stage_usd[MVEC_STAGE_CONSUMER] : 0, 100000, 1e-9);
    r = find_row(c, 2016, true, "RUS-EAEU");
    CHECK(r && r->total_usd == 500000);
    CHECK(mvec_composition_row_at(c, 7) == NULL);
    CHECK_STR(mvec_stage_name(MVEC_STAGE_CONSUMER), "consumer");

    /* a BACI HS6 table: 010130 is half raw (111), half capital (41) in HS 2017 */
    mvec_flows *baci = read_text("BACI_HS17_Y2019_V202301_test.csv",
                                 "t,i,j,k,v,q\n2019,398,156,010130,1.000,\n"
                                 "2019,398,156,270900,2.000,\n2019,156,398,847130,0.500,\n");
    mvec_composition *d = NULL;
    CHECK_STATUS(mvec_composition_new(ctx, countries, scheme, "KAZ", &d), MVEC_OK);
    if (d && baci) {
        CHECK_STATUS(mvec_composition_add_flows(ctx, d, baci), MVEC_OK);
        CHECK_STATUS(mvec_composition_finish(ctx, d), MVEC_OK);
        r = find_row(d, 2019, true, "CHN");
        CHECK(r && r->total_usd == 3000 && r->split_usd == 1000);
        CHECK_NEAR(r ? r->stage_usd[MVEC_STAGE_RAW] : 0, 2500, 1e-9);
        CHECK_NEAR(r ? r->stage_usd[MVEC_STAGE_CAPITAL] : 0, 500, 1e-9);
        r = find_row(d, 2019, false, "CHN");
        CHECK(r && r->total_usd == 500 && r->stage_usd[MVEC_STAGE_CAPITAL] > 499.999);
        CHECK(mvec_composition_value_decimals(d) == 0);
    }
    /* a UN Comtrade table with a fraction of a dollar: every sum turns to thousandths,
     * exactly (the BACI dollars above times 1000, plus 0.25 USD of crude, raw) */
    mvec_flows *cents = read_text("c.csv", "refYear,reporterCode,flowCode,partnerCode,"
                                           "classificationCode,cmdCode,aggrLevel,primaryValue\n"
                                           "2019,398,X,156,H5,270900,6,0.25\n");
    if (d && baci && cents) {
        CHECK(mvec_flows_get_info(cents)->value_decimals == 3);
        CHECK_STATUS(mvec_composition_add_flows(ctx, d, cents), MVEC_OK);
        CHECK_STATUS(mvec_composition_finish(ctx, d), MVEC_OK);
        CHECK(mvec_composition_value_decimals(d) == 3);
        r = find_row(d, 2019, true, "CHN");
        CHECK(r && r->total_usd == 3000250 && r->split_usd == 1000000);
        CHECK_NEAR(r ? r->stage_usd[MVEC_STAGE_RAW] : 0, 2500250, 1e-6);
        r = find_row(d, 2019, false, "CHN");
        CHECK(r && r->total_usd == 500000);
    }
    mvec_flows_close(ctx, cents);
    /* HS chapters cannot be staged; an unknown country */
    mvec_flows *wto = read_text("w.csv", "year,reporter_m49,partner_m49,hs2,value_usd\n"
                                         "2019,398,156,01,5\n");
    CHECK_STATUS(mvec_composition_add_flows(ctx, d, wto), MVEC_ERR_INVALID);
    mvec_composition *e = NULL;
    CHECK_STATUS(mvec_composition_new(ctx, countries, scheme, "Narnia", &e), MVEC_ERR_INVALID);
    mvec_flows_close(ctx, wto);
    mvec_flows_close(ctx, baci);
    mvec_composition_free(ctx, d);
    mvec_composition_free(ctx, c);
}

/* Every allocation of a screen and of a composition fails in turn: NOMEM, no leak. */

static void test_allocation_failures(void)
{
    mvec_flows *flows = NULL;
    CHECK_STATUS(mvec_flows_read(ctx, countries, "tests/data/screen_wto.csv", NULL, &flows),
                 MVEC_OK);
    if (flows == NULL)
        return;
    int succeeded = 0;
    /* every one of the first 400 calls, then every 97th (a composition makes about 6,500) */
    for (long n = 0; n < 20000 && succeeded < 1; n += n < 400 ? 1 : 97) {
        failing_allocator a = {n, 0};
        mvec_ctx *failing = mvec_ctx_new(failing_realloc, &a);
        if (failing == NULL)
            continue;
        mvec_ctx_set_log(failing, quiet_log, NULL);
        mvec_screen *screen = NULL;
        mvec_status s1 = mvec_screen_run(failing, countries, scheme,
                                         (const mvec_flows *const *)&flows, 1, "KAZ", NULL,
                                         &screen);
        CHECK(s1 == MVEC_OK || s1 == MVEC_ERR_NOMEM);
        mvec_screen_free(failing, screen);
        mvec_composition *c = NULL;
        mvec_status s2 = mvec_composition_new(failing, countries, scheme, "KAZ", &c);
        if (s2 == MVEC_OK)
            s2 = mvec_composition_add_file(failing, c, "tests/data/composition_wits.csv");
        if (s2 == MVEC_OK)
            s2 = mvec_composition_finish(failing, c);
        CHECK(s2 == MVEC_OK || s2 == MVEC_ERR_NOMEM);
        mvec_composition_free(failing, c);
        CHECK(mvec_ctx_memory(failing).current_bytes == 0);
        if (s1 == MVEC_OK && s2 == MVEC_OK)
            succeeded++;
        mvec_ctx_free(failing);
    }
    CHECK(succeeded > 0);
    mvec_flows_close(ctx, flows);
}

int main(void)
{
    ctx = mvec_ctx_new(NULL, NULL);
    mvec_ctx_set_log(ctx, quiet_log, NULL);
    if (mvec_countries_open(ctx, NULL, &countries) != MVEC_OK ||
        mvec_bloc_scheme_builtin(ctx, countries, "powers", &scheme) != MVEC_OK) {
        fprintf(stderr, "%s\n", mvec_ctx_error_message(ctx));
        return 1;
    }
    test_fixture();
    test_exact_threshold();
    test_composition();
    test_allocation_failures();
    mvec_bloc_scheme_free(ctx, scheme);
    mvec_countries_free(ctx, countries);
    CHECK(mvec_ctx_memory(ctx).current_bytes == 0);
    mvec_ctx_free(ctx);
    return test_report("test_screen");
}
