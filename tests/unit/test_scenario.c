/*
 * test_scenario.c - mvec_simulate on a small dataset whose every number is
 * computed by hand, one test per call of the scenario API (docs/scenarios.md).
 *
 * Base year 2020, USD m:
 *   exports: RUS 20  CHN 30  DEU 20  USA 10  (total 80... plus ITA 20 = 100)
 *   imports: RUS 50  CHN 30  DEU 20          (total 100)
 * Under `powers`: RUS is RUS-EAEU, CHN is CHN, DEU, ITA and USA are WEST.
 * Network (tests/data/scenario_network.csv), oil in mt/yr: KAZ -> market:EUR by
 * `north` (capacity 10, volume 8, transit RUS) and `south` (capacity 5, volume 2).
 */
#include <math.h>
#include <mvec/mvec.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "test.h"

static mvec_ctx *ctx;
static mvec_countries *countries;
static mvec_bloc_scheme *scheme;
static mvec_observations *obs;
static mvec_network *network;

#define ROW(partner, vector, value)                                                                \
    "KAZ," partner "," vector ",value,2020,,," value ",,USD "                                      \
                                                     "m,reporter,,,test,2024,,,official,,,\n"

static const char *const DATA =
    "country,partner,vector,indicator,year,period,item,value,qualifier,unit,basis,scope,status,"
    "source,source_date,url,title,quality,seed,quote,note\n" ROW("WLD", "trade.exports", "100")
        ROW("RUS", "trade.exports", "20") ROW("CHN", "trade.exports", "30")
            ROW("DEU", "trade.exports", "20") ROW("ITA", "trade.exports", "20")
                ROW("USA", "trade.exports", "10") ROW("WLD", "trade.imports", "100")
                    ROW("RUS", "trade.imports", "50") ROW("CHN", "trade.imports", "30")
                        ROW("DEU", "trade.imports", "20");

static const char *const NETWORK =
    "link,name,commodity,mode,from,to,transit,operator,operator_country,year,capacity,unit,"
    "volume,cost,cost_unit,days,status,source,url,note\n"
    "north,North,oil,pipeline,KAZ,market:EUR,RUS,Op,RUS,2020,10,mt/yr,8,,,,operating,test,"
    "http://x,\n"
    "south,South,oil,pipeline,KAZ,market:EUR,,Op,KAZ,2020,5,mt/yr,2,,,,operating,test,http://x,\n";

static mvec_simulation *run(const char *script, size_t paths, unsigned threads, uint64_t seed,
                            mvec_status expected)
{
    mvec_simulate_options o = MVEC_SIMULATE_OPTIONS_INIT;
    o.paths = paths;
    o.threads = threads;
    o.seed = seed;
    mvec_simulation *sim = NULL;
    mvec_status status =
        mvec_simulate(ctx, obs, scheme, network, "t.lua", script, strlen(script), &o, &sim);
    if (status != expected)
        fprintf(stderr, "script:\n%s\nstatus %s: %s\n", script, mvec_status_name(status),
                mvec_ctx_error_message(ctx));
    CHECK(status == expected);
    return sim;
}

/* The median of a metric in a year (index 0 = 2020). */
static double at(const mvec_simulation *sim, const char *metric, size_t year)
{
    size_t m = mvec_simulation_find_metric(sim, metric);
    if (m == SIZE_MAX) {
        fprintf(stderr, "no metric %s\n", metric);
        return NAN;
    }
    return mvec_simulation_band(sim, m, year).median;
}

#define HEAD "scenario { name = 't', base_year = 2020, years = 2, "

static void test_baseline(void)
{
    mvec_simulation *sim = run(HEAD "}", 1, 1, 1, MVEC_OK);
    if (sim == NULL)
        return;
    CHECK(mvec_simulation_year_count(sim) == 3 && mvec_simulation_year(sim, 0) == 2020);
    CHECK_NEAR(at(sim, "trade.exports.value", 0), 100e6, 1e-3);
    CHECK_NEAR(at(sim, "trade.exports.share.RUS-EAEU", 1), 0.20, 1e-12);
    CHECK_NEAR(at(sim, "trade.exports.share.WEST", 2), 0.50, 1e-12);
    CHECK_NEAR(at(sim, "trade.total.value", 1), 200e6, 1e-3);
    /* HHI of 20,30,20,20,10 %: .04+.09+.04+.04+.01 */
    CHECK_NEAR(at(sim, "trade.exports.hhi", 1), 0.22, 1e-12);
    /* balance over RUS .2, CHN .3, WEST .5: sigma = .2,.3,.5, HHI .38 -> 1 - (.38-1/3)/(2/3) */
    CHECK_NEAR(at(sim, "trade.exports.balance", 1), 1 - (0.38 - 1.0 / 3) / (2.0 / 3), 1e-12);
    CHECK_NEAR(at(sim, "oil.volume", 1), 10, 1e-12);
    CHECK_NEAR(at(sim, "exports.at_risk", 1), 0, 1e-6);
    mvec_simulation_free(ctx, sim);
}

static void test_embargo(void)
{
    /* hs "all": the whole of exports to RUS, cut by half in 2021 only */
    mvec_simulation *sim =
        run(HEAD "embargo { by = 'RUS', hs = 'all', cut = 0.5, start = 2021, years = 1 } }", 1, 1,
            1, MVEC_OK);
    if (sim == NULL)
        return;
    CHECK_NEAR(at(sim, "trade.exports.value", 1), 90e6, 1e-3);
    CHECK_NEAR(at(sim, "trade.exports.share.RUS-EAEU", 1), 10.0 / 90, 1e-12);
    CHECK_NEAR(at(sim, "exports.at_risk", 1), 10e6, 1e-3);
    CHECK_NEAR(at(sim, "trade.exports.value", 2), 100e6, 1e-3);
    CHECK_NEAR(at(sim, "trade.imports.value", 1), 100e6, 1e-3); /* imports untouched */
    CHECK(mvec_simulation_event_count(sim) == 1 &&
          strstr(mvec_simulation_event(sim, 0), "2021: embargo by RUS") != NULL);
    mvec_simulation_free(ctx, sim);
}

static void test_sanctions(void)
{
    /* 20 % of trade with RUS and of the capacity through RUS (north: 10 -> 8) */
    mvec_simulation *sim =
        run(HEAD "sanctions { on = 'RUS', secondary = 0.2 } }", 1, 1, 1, MVEC_OK);
    if (sim == NULL)
        return;
    CHECK_NEAR(at(sim, "trade.exports.value", 1), 96e6, 1e-3);
    CHECK_NEAR(at(sim, "trade.imports.value", 2), 90e6, 1e-3);
    CHECK_NEAR(at(sim, "exports.at_risk", 1), 4e6, 1e-3);
    /* a link at a fraction f of its capacity keeps f of its volume: north keeps 6.4 of its 8,
     * 1.6 moves; capacity left: 8 + 5 = 13 >= 10, nothing stranded */
    CHECK_NEAR(at(sim, "oil.rerouted", 1), 1.6, 1e-9);
    CHECK_NEAR(at(sim, "oil.stranded", 1), 0, 1e-9);
    mvec_simulation_free(ctx, sim);
}

static void test_close_route(void)
{
    /* north closed for 6 of 12 months: it keeps half its volume (4), 4 must move; the year's
     * capacity is 5 + 5 = 10 for a volume of 10: all 4 rerouted (to south and to north's open
     * months). Closed 9 months: it keeps 2, 6 must move, capacity 2.5 + 5 = 7.5: 2.5 stranded,
     * 3.5 rerouted. */
    mvec_simulation *sim = run(HEAD "close_route { link = 'north', start = 2021, months = 6 },"
                                    "close_route { link = 'north', start = 2022, months = 9 } }",
                               1, 1, 1, MVEC_OK);
    if (sim == NULL)
        return;
    CHECK_NEAR(at(sim, "oil.rerouted", 1), 4, 1e-9);
    CHECK_NEAR(at(sim, "oil.stranded", 1), 0, 1e-9);
    CHECK_NEAR(at(sim, "oil.rerouted", 2), 3.5, 1e-9);
    CHECK_NEAR(at(sim, "oil.stranded", 2), 2.5, 1e-9);
    CHECK_NEAR(at(sim, "oil.stranded_low", 2), 2.5, 1e-9);
    mvec_simulation_free(ctx, sim);
    /* valued at 1 USD m per mt: 2.5 USD m come off the exports of chapter 27 (less than the
     * partners' chapter-27 exports, so no partner's cap binds): at risk exactly 2.5 USD m */
    sim = run(HEAD "value { commodity = 'oil', usd_per_unit = 1e6, hs = '27' },"
                   "close_route { link = 'north', start = 2022, months = 9 } }",
              1, 1, 1, MVEC_OK);
    if (sim == NULL)
        return;
    CHECK_NEAR(at(sim, "exports.at_risk", 2), 2.5e6, 1e-3);
    CHECK_NEAR(at(sim, "trade.exports.value", 2), 97.5e6, 1e-3);
    CHECK_NEAR(at(sim, "exports.at_risk", 1), 0, 1e-6);
    mvec_simulation_free(ctx, sim);
}

static void test_target_and_shift(void)
{
    /* trade with CHN 60 -> 120 by 2022: x sqrt(2) a year */
    mvec_simulation *sim =
        run(HEAD "target { partner = 'CHN', value = 120e6, by = 2022 },"
                 "shift { vector = 'trade.imports', partner = 'DEU', change = -0.5, start = 2021,"
                 " by = 2022 } }",
            1, 1, 1, MVEC_OK);
    if (sim == NULL)
        return;
    CHECK_NEAR(at(sim, "trade.exports.value", 1), 70e6 + 30e6 * sqrt(2), 1e-3);
    CHECK_NEAR(at(sim, "trade.exports.value", 2), 130e6, 1e-3);
    /* imports: CHN 30 sqrt(2), DEU 20 x (1 - 0.25) in 2021; CHN 60, DEU 10 in 2022 */
    CHECK_NEAR(at(sim, "trade.imports.value", 1), 50e6 + 30e6 * sqrt(2) + 15e6, 1e-3);
    CHECK_NEAR(at(sim, "trade.imports.value", 2), 120e6, 1e-3);
    CHECK_NEAR(at(sim, "exports.at_risk", 2), 0, 1e-3); /* growth is not a loss */
    mvec_simulation_free(ctx, sim);
}

static void test_rules_and_chances(void)
{
    /* CHN (0.3) is above RUS-EAEU (0.2) in trade.exports from the first year: the embargo
     * starts the year after (lag 1) and lasts one year */
    mvec_simulation *sim =
        run(HEAD "rule { when = { vector = 'trade.exports', bloc = 'CHN', above = 'RUS-EAEU' },"
                 " embargo { by = 'CHN', hs = 'all', cut = 1, years = 1 } } }",
            1, 1, 1, MVEC_OK);
    if (sim == NULL)
        return;
    CHECK_NEAR(at(sim, "trade.exports.value", 1), 100e6, 1e-3);
    CHECK_NEAR(at(sim, "trade.exports.value", 2), 70e6, 1e-3);
    mvec_simulation_free(ctx, sim);
    /* p = 1: every year; p = 0: never */
    sim = run(HEAD "chance { p = 1, embargo { by = 'USA', hs = 'all' } } }", 1, 1, 1, MVEC_OK);
    if (sim) {
        CHECK_NEAR(at(sim, "trade.exports.value", 1), 90e6, 1e-3);
        CHECK_NEAR(at(sim, "trade.exports.value", 2), 90e6, 1e-3);
        mvec_simulation_free(ctx, sim);
    }
    sim = run(HEAD "chance { p = 0, embargo { by = 'USA', hs = 'all' } } }", 1, 1, 1, MVEC_OK);
    if (sim) {
        CHECK_NEAR(at(sim, "trade.exports.value", 2), 100e6, 1e-3);
        mvec_simulation_free(ctx, sim);
    }
    /* a Lua condition and action */
    sim = run(HEAD "rule { when = function(s) return s.share['trade.exports'].WEST >= 0.5 end,"
                   " action = function(s) return sanctions { on = 'RUS', secondary = 1, years = 1 }"
                   " end } }",
              1, 1, 1, MVEC_OK);
    if (sim) {
        CHECK_NEAR(at(sim, "trade.exports.value", 2), 80e6, 1e-3);
        CHECK_NEAR(at(sim, "trade.imports.value", 2), 50e6, 1e-3);
        mvec_simulation_free(ctx, sim);
    }
    /* opinion: 0.5 falling 0.1 a year is below 0.45 in 2021; the shift starts in 2022 */
    sim = run(HEAD "opinion { partner = 'CHN', value = 0.5, trend = -0.1 },"
                   "rule { when = { opinion = 'CHN', below = 0.45 },"
                   " shift { vector = 'trade.exports', partner = 'CHN', change = -1 } } }",
              1, 1, 1, MVEC_OK);
    if (sim) {
        CHECK_NEAR(at(sim, "trade.exports.value", 1), 100e6, 1e-3);
        CHECK_NEAR(at(sim, "trade.exports.value", 2), 70e6, 1e-3);
        mvec_simulation_free(ctx, sim);
    }
}

static void test_paths(void)
{
    const char *script = HEAD "volatility { vector = 'trade', sd = 0.2 },"
                              "chance { p = 0.5, close_route { link = 'north', months = 12 } } }";
    mvec_simulation *a = run(script, 1000, 1, 7, MVEC_OK);
    mvec_simulation *b = run(script, 1000, 4, 7, MVEC_OK);
    mvec_simulation *c = run(script, 1000, 2, 8, MVEC_OK);
    if (a && b && c) {
        size_t same = 1, differs = 0;
        for (size_t m = 0; m < mvec_simulation_metric_count(a); m++)
            for (size_t y = 0; y < 3; y++) {
                mvec_band x = mvec_simulation_band(a, m, y), z = mvec_simulation_band(b, m, y);
                if (memcmp(&x, &z, sizeof x) != 0)
                    same = 0;
                mvec_band w = mvec_simulation_band(c, m, y);
                if (memcmp(&x, &w, sizeof x) != 0)
                    differs = 1;
            }
        CHECK(same == 1);    /* threads do not change a bit */
        CHECK(differs == 1); /* another seed does */
        mvec_band v =
            mvec_simulation_band(a, mvec_simulation_find_metric(a, "trade.exports.value"), 2);
        CHECK(v.p5 < v.median && v.median < v.p95);
        /* north closed all year in about half the paths: 10 - 5 = 5 stranded there, else 0 */
        mvec_band s = mvec_simulation_band(a, mvec_simulation_find_metric(a, "oil.stranded"), 1);
        CHECK_NEAR(s.p5, 0, 1e-9);
        CHECK_NEAR(s.p95, 5, 1e-9);
    }
    mvec_simulation_free(ctx, a);
    mvec_simulation_free(ctx, b);
    mvec_simulation_free(ctx, c);
}

/* Progress: reported on the caller's thread in paths, ending at the total; cancel: asked
 * between paths, the run stops with MVEC_ERR_CANCELLED on 1 thread and on 4. */
typedef struct watch {
    unsigned long long last_rows, total;
    size_t reports;
    bool monotonic, unit_paths;
    bool stop_once_started; /* ask to stop once a report has counted some paths */
    size_t consulted;
} watch;

static void on_progress(void *user, const mvec_progress *p)
{
    watch *w = user;
    w->reports++;
    if (p->rows < w->last_rows)
        w->monotonic = false;
    w->last_rows = p->rows;
    w->total = p->total_rows;
    if (p->unit == NULL || strcmp(p->unit, "paths") != 0)
        w->unit_paths = false;
}

static bool on_cancel(void *user)
{
    watch *w = user;
    w->consulted++;
    return w->stop_once_started && w->last_rows > 0;
}

static void test_progress_and_cancel(void)
{
    const char *script = HEAD "volatility { vector = 'trade', sd = 0.2 } }";
    for (unsigned threads = 1; threads <= 4; threads += 3) {
        watch w = {0, 0, 0, true, true, false, 0};
        mvec_ctx_set_progress(ctx, on_progress, &w);
        mvec_ctx_set_cancel(ctx, on_cancel, &w);
        mvec_simulation *sim = run(script, 20000, threads, 1, MVEC_OK);
        CHECK(w.reports >= 1 && w.monotonic && w.unit_paths);
        CHECK(w.last_rows == 20000 && w.total == 20000); /* the last report: every path */
        CHECK(w.consulted >= 1);
        mvec_simulation_free(ctx, sim);
        /* asked to stop while the paths run */
        watch c = {0, 0, 0, true, true, true, 0};
        mvec_ctx_set_cancel(ctx, on_cancel, &c);
        mvec_ctx_set_progress(ctx, on_progress, &c);
        sim = run(script, 200000, threads, 1, MVEC_ERR_CANCELLED);
        CHECK(sim == NULL);
        CHECK(c.last_rows > 0 && c.last_rows < 200000);
        mvec_ctx_set_cancel(ctx, NULL, NULL);
        mvec_ctx_set_progress(ctx, NULL, NULL);
    }
}

static void check_error(const char *script, mvec_status expected, const char *needle)
{
    mvec_simulation *sim = run(script, 1, 1, 1, expected);
    mvec_simulation_free(ctx, sim);
    const char *message = mvec_ctx_error_message(ctx);
    if (strstr(message, needle) == NULL)
        fprintf(stderr, "expected '%s' in: %s\n", needle, message);
    CHECK(strstr(message, needle) != NULL);
}

static void test_errors(void)
{
    check_error(HEAD "embargo { by = 'RUS', cutt = 0.5 } }", MVEC_ERR_PARSE,
                "t.lua:1: embargo: unknown field 'cutt'");
    check_error(HEAD "close_route { link = 'nowhere' } }", MVEC_ERR_PARSE,
                "'nowhere' is not a link of the corridor network");
    check_error(HEAD "embargo { by = 'XXX' } }", MVEC_ERR_PARSE, "unknown country 'XXX'");
    check_error(HEAD "embargo { by = 'RUS', hs = '01-2x' } }", MVEC_ERR_PARSE,
                "not an HS chapter range");
    check_error(HEAD "embargo { by = 'RUS', cut = 2 } }", MVEC_ERR_PARSE, "'cut' is out of range");
    check_error("x = 1", MVEC_ERR_PARSE, "declares no scenario");
    check_error(HEAD "} scenario { name = 'again' }", MVEC_ERR_PARSE, "called twice");
    check_error(HEAD "{ 1 } }", MVEC_ERR_PARSE, "a plain table");
    check_error(HEAD "rule { when = { vector = 'trade.exports', bloc = 'CHN' }, "
                     "embargo { by = 'RUS' } } }",
                MVEC_ERR_PARSE, "'when' needs 'above' or 'below'");
    check_error("scenario { name = ", MVEC_ERR_PARSE, "t.lua:1:");
    /* a runaway rule is stopped by the sandbox's cap */
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    check_error(HEAD "rule { when = function(s) while true do end end, "
                     "embargo { by = 'RUS' } } }",
                MVEC_ERR_LIMIT, "rule at t.lua:1");
    clock_gettime(CLOCK_MONOTONIC, &t1);
    CHECK((t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9 < 1.0);
}

int main(void)
{
    ctx = mvec_ctx_new(NULL, NULL);
    if (ctx == NULL || mvec_countries_open(ctx, NULL, &countries) != MVEC_OK ||
        mvec_bloc_scheme_builtin(ctx, countries, "powers", &scheme) != MVEC_OK ||
        mvec_observations_new(ctx, countries, &obs) != MVEC_OK ||
        mvec_observations_load_text(ctx, obs, "t.csv", DATA, strlen(DATA), NULL) != MVEC_OK ||
        mvec_network_load_text(ctx, countries, "net.csv", NETWORK, strlen(NETWORK), &network) !=
            MVEC_OK) {
        fprintf(stderr, "setup: %s\n", ctx ? mvec_ctx_error_message(ctx) : "no context");
        return 1;
    }
    test_baseline();
    test_embargo();
    test_sanctions();
    test_close_route();
    test_target_and_shift();
    test_rules_and_chances();
    test_paths();
    test_progress_and_cancel();
    test_errors();
    mvec_network_free(ctx, network);
    mvec_observations_free(ctx, obs);
    mvec_bloc_scheme_free(ctx, scheme);
    mvec_countries_free(ctx, countries);
    mvec_ctx_free(ctx);
    return test_report("test_scenario");
}
