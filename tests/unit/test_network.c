/*
 * test_network.c - the corridor network: loader checks (every rejection with
 * its file:line:column message), max-flows, shares, closures and the
 * cheapest plan on hand-checked fixtures (tests/data/network_*.csv; the
 * expected numbers are worked out in the comments), Dinic's max-flow
 * against igraph's on random graphs, and the time of mvec_network_reroute.
 */
#include <math.h>
#include <mvec/mvec.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "net/net_internal.h"
#include "test.h"

static mvec_ctx *ctx;
static mvec_countries *countries;

static mvec_network *load(const char *path)
{
    mvec_network *net = NULL;
    mvec_status status = mvec_network_load_file(ctx, countries, path, &net);
    if (status != MVEC_OK)
        fprintf(stderr, "%s: %s\n", path, mvec_ctx_error_message(ctx));
    CHECK(status == MVEC_OK);
    return net;
}

static const mvec_routes_commodity *compute(const mvec_network *net, mvec_routes_options *o,
                                            mvec_routes **routes)
{
    mvec_status status = mvec_routes_compute(ctx, net, o, routes);
    if (status != MVEC_OK)
        fprintf(stderr, "routes: %s\n", mvec_ctx_error_message(ctx));
    CHECK(status == MVEC_OK);
    return status == MVEC_OK ? mvec_routes_commodity_at(*routes, 0) : NULL;
}

static const mvec_routes_transit *transit(const mvec_routes_commodity *c, const char *code)
{
    for (size_t t = 0; t < c->transit_count; t++)
        if (strcmp(c->transit[t].country, code) == 0)
            return &c->transit[t];
    return NULL;
}

static const mvec_routes_flow *plan_flow(const mvec_network *net, const mvec_routes_commodity *c,
                                         const char *id)
{
    for (size_t i = 0; i < c->plan_count; i++)
        if (strcmp(mvec_network_link_at(net, c->plan[i].link)->id, id) == 0)
            return &c->plan[i];
    return NULL;
}

/* Diamond: KAZ -> A (3), KAZ -> B (2), A -> EU27 (2, via RUS), B -> EU27 (3, via AZE;GEO).
 * Max-flow min(3,2) + min(2,3) = 4. Volumes 2 (A route) and 1 (B route): V = 3.
 * RUS: without a-eu the max-flow is min(2,3) = 2, share 1 - 2/4 = 0.5; volume 2/3.
 * Closing a-eu: kept = 1 (the B route), affected 2, capacity after 2, deliverable
 * min(3, 2) = 2, stranded 1, rerouted 1; plan: up-b 2 and b-eu 2 at 20 and 30 USD/t:
 * 2*20 + 2*30 = 100. */
static void test_diamond(void)
{
    mvec_network *net = load("tests/data/network_diamond.csv");
    if (net == NULL)
        return;
    CHECK_STR(mvec_network_country(net), "KAZ");
    CHECK(mvec_network_link_count(net) == 4);
    CHECK(mvec_network_row_count(net) == 5);
    CHECK(mvec_network_commodity_count(net) == 1);
    CHECK_STR(mvec_network_commodity_unit(net, "oil"), "mt/yr");
    size_t a_eu = mvec_network_find(net, "a-eu");
    CHECK(a_eu == 2);
    CHECK(mvec_network_find(net, "nope") == SIZE_MAX);
    CHECK(mvec_network_link_at(net, a_eu)->year == 2023);
    CHECK(mvec_network_link_in_year(net, a_eu, 2022)->year == 2021);
    CHECK(mvec_network_link_in_year(net, a_eu, 2020) == NULL);
    CHECK(mvec_network_link_transits(net, a_eu, "RUS"));
    CHECK(!mvec_network_link_transits(net, a_eu, "AZE"));
    const mvec_network_link *b_eu = mvec_network_link_at(net, 3);
    CHECK(b_eu->transit_count == 2);
    CHECK_STR(b_eu->transit[1], "GEO");
    CHECK_NEAR(b_eu->days, 9, 0);
    CHECK_STR(b_eu->source, "Fixture D");

    mvec_routes *routes = NULL;
    mvec_routes_options o = MVEC_ROUTES_OPTIONS_INIT;
    const mvec_routes_commodity *c = compute(net, &o, &routes);
    if (c != NULL) {
        CHECK_NEAR(c->capacity.lo, 4, 1e-9);
        CHECK_NEAR(c->capacity.hi, 4, 1e-9);
        CHECK_NEAR(c->volume, 3, 0);
        CHECK(c->market_count == 1);
        CHECK_STR(c->markets[0].market, "EU27");
        CHECK_NEAR(c->markets[0].capacity_share.lo, 1, 1e-12);
        CHECK_NEAR(c->markets[0].volume, 3, 0);
        CHECK(c->transit_count == 3);
        const mvec_routes_transit *rus = transit(c, "RUS");
        CHECK(rus != NULL);
        if (rus != NULL) {
            CHECK_NEAR(rus->capacity_share.lo, 0.5, 1e-12);
            CHECK_NEAR(rus->capacity_share.hi, 0.5, 1e-12);
            CHECK_NEAR(rus->volume_share.lo, 2.0 / 3, 1e-12);
            CHECK_NEAR(rus->market_capacity_share[0].lo, 0.5, 1e-12);
        }
        const mvec_routes_transit *geo = transit(c, "GEO");
        CHECK(geo != NULL && fabs(geo->volume_share.hi - 1.0 / 3) < 1e-12);
        CHECK(!c->closed && c->plan_state == MVEC_PLAN_NONE);
    }
    mvec_routes_free(ctx, routes);
    routes = NULL;

    /* 2021: only a-eu has a row, and nothing leaves the origin */
    o.year = 2021;
    c = compute(net, &o, &routes);
    if (c != NULL) {
        CHECK(c->link_count == 1);
        CHECK_NEAR(c->capacity.hi, 0, 0);
    }
    mvec_routes_free(ctx, routes);
    routes = NULL;
    o.year = 2020;
    CHECK_STATUS(mvec_routes_compute(ctx, net, &o, &routes), MVEC_ERR_NO_DATA);
    o.year = 0;

    const char *closed[] = {"a-eu"};
    o.closed_links = closed;
    o.closed_link_count = 1;
    c = compute(net, &o, &routes);
    if (c != NULL) {
        CHECK(c->closed && c->closed_count == 1);
        CHECK_NEAR(c->capacity_after.lo, 2, 1e-9);
        CHECK_NEAR(c->kept, 1, 1e-9);
        CHECK_NEAR(c->affected, 2, 1e-9);
        CHECK_NEAR(c->stranded.lo, 1, 1e-9);
        CHECK_NEAR(c->stranded.hi, 1, 1e-9);
        CHECK_NEAR(c->rerouted.lo, 1, 1e-9);
        CHECK_NEAR(c->rerouted.hi, 1, 1e-9);
        CHECK(c->plan_state == MVEC_PLAN_SOLVED);
        CHECK_NEAR(c->plan_supply, 2, 1e-9);
        CHECK_NEAR(c->plan_cost, 100, 1e-6);
        const mvec_routes_flow *f = plan_flow(net, c, "b-eu");
        CHECK(f != NULL && fabs(f->flow - 2) < 1e-9 && fabs(f->kept - 1) < 1e-9);
        CHECK(plan_flow(net, c, "a-eu") == NULL);
    }
    mvec_routes_free(ctx, routes);
    routes = NULL;

    /* errors of the options */
    const char *wrong[] = {"a-ue"};
    o.closed_links = wrong;
    CHECK_STATUS(mvec_routes_compute(ctx, net, &o, &routes), MVEC_ERR_INVALID);
    CHECK(strstr(mvec_ctx_error_message(ctx), "unknown link 'a-ue' (links are: up-a") != NULL);
    o.closed_link_count = 0;
    const char *iran[] = {"IRN"};
    o.closed_transit = iran;
    o.closed_transit_count = 1;
    CHECK_STATUS(mvec_routes_compute(ctx, net, &o, &routes), MVEC_ERR_INVALID);
    o.closed_transit_count = 0;
    o.country = "UZB";
    CHECK_STATUS(mvec_routes_compute(ctx, net, &o, &routes), MVEC_ERR_INVALID);
    o.country = "Kazakhstan";
    c = compute(net, &o, &routes);
    mvec_routes_free(ctx, routes);
    routes = NULL;
    o.country = NULL;
    o.commodity = "gas";
    CHECK_STATUS(mvec_routes_compute(ctx, net, &o, &routes), MVEC_ERR_INVALID);
    CHECK_STR(mvec_ctx_error_message(ctx),
              "no commodity 'gas' in tests/data/network_diamond.csv (there are: oil)");

    /* the fast entry: the same closure; then every capacity halved: max-flow
     * min(1.5,1) + min(1,1.5) = 2, so stranded 3 - 2 = 1; volumes halved carry
     * 1 + 0.5 = 1.5 kept; rerouted 3 - 1.5 - 1 = 0.5 */
    double factor[4] = {1, 1, 0, 1};
    mvec_reroute r;
    CHECK_STATUS(mvec_network_reroute(ctx, net, "oil", 0, factor, 1, &r), MVEC_OK);
    CHECK_NEAR(r.volume, 3, 0);
    CHECK_NEAR(r.kept, 1, 1e-9);
    CHECK_NEAR(r.rerouted, 1, 1e-9);
    CHECK_NEAR(r.stranded_low, 1, 1e-9);
    CHECK_NEAR(r.stranded_high, 1, 1e-9);
    double half[4] = {0.5, 0.5, 0.5, 0.5};
    CHECK_STATUS(mvec_network_reroute(ctx, net, "oil", 2023, half, 1, &r), MVEC_OK);
    CHECK_NEAR(r.kept, 1.5, 1e-9);
    CHECK_NEAR(r.stranded_high, 1, 1e-9);
    CHECK_NEAR(r.rerouted, 0.5, 1e-9);
    CHECK_STATUS(mvec_network_reroute(ctx, net, "oil", 0, NULL, 2, &r), MVEC_OK);
    CHECK_NEAR(r.volume, 6, 0); /* 6 to carry, capacity 4: 2 stranded */
    CHECK_NEAR(r.stranded_high, 2, 1e-9);
    CHECK_NEAR(r.kept, 4, 1e-9);
    factor[0] = 1.5;
    CHECK_STATUS(mvec_network_reroute(ctx, net, "oil", 0, factor, 1, &r), MVEC_ERR_INVALID);
    CHECK_STATUS(mvec_network_reroute(ctx, net, "gas", 0, NULL, 1, &r), MVEC_ERR_INVALID);
    CHECK_STATUS(mvec_network_reroute(ctx, net, "oil", 0, NULL, -1, &r), MVEC_ERR_INVALID);

    /* timing: the closure of a-eu, many times */
    factor[0] = 1;
    enum { CALLS = 20000 };
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    for (int i = 0; i < CALLS; i++)
        mvec_network_reroute(ctx, net, "oil", 0, factor, 1, &r);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double us =
        ((double)(t1.tv_sec - t0.tv_sec) * 1e9 + (double)(t1.tv_nsec - t0.tv_nsec)) / 1e3 / CALLS;
    printf("mvec_network_reroute: %.2f us per call (4 links)\n", us);
    mvec_network_free(ctx, net);
}

/* Three routes to Europe: north (4, via RUS, 10 + 5 USD/t, carrying 4), south (3, via AZE
 * then GEO;TUR, 20 + 10) and Iran (5 then unlimited, via TKM;IRN then TUR, 40 + 20); a
 * proposed line to China carries nothing. Max-flow 4 + 3 + 5 = 12. RUS: 1 - 8/12 = 1/3;
 * its volume counted once on the entry link north: 4/4 = 1. Closing RUS: kept 0, capacity
 * 8, stranded 0, rerouted 4: the plan fills south (3 x 30 = 90) then Iran (1 x 60 = 60):
 * 150. */
static void test_costs(void)
{
    mvec_network *net = load("tests/data/network_costs.csv");
    if (net == NULL)
        return;
    mvec_routes *routes = NULL;
    mvec_routes_options o = MVEC_ROUTES_OPTIONS_INIT;
    const char *rus[] = {"RUS"};
    o.closed_transit = rus;
    o.closed_transit_count = 1;
    const mvec_routes_commodity *c = compute(net, &o, &routes);
    if (c != NULL) {
        CHECK_NEAR(c->capacity.lo, 12, 1e-9);
        CHECK_NEAR(c->volume, 4, 0);
        CHECK(c->market_count == 2);
        CHECK(c->operating_count == 6 && c->link_count == 7);
        const mvec_routes_transit *t = transit(c, "RUS");
        CHECK(t != NULL && fabs(t->capacity_share.lo - 1.0 / 3) < 1e-12 &&
              fabs(t->volume_share.lo - 1) < 1e-12 && t->link_count == 2);
        t = transit(c, "TUR");
        CHECK(t != NULL && fabs(t->capacity_share.hi - 2.0 / 3) < 1e-12 &&
              fabs(t->volume_share.hi) < 1e-12);
        CHECK(c->closed_count == 2);
        CHECK_NEAR(c->kept, 0, 1e-9);
        CHECK_NEAR(c->capacity_after.hi, 8, 1e-9);
        CHECK_NEAR(c->stranded.hi, 0, 1e-9);
        CHECK_NEAR(c->rerouted.lo, 4, 1e-9);
        CHECK(c->plan_state == MVEC_PLAN_SOLVED);
        CHECK_NEAR(c->plan_cost, 150, 1e-6);
        const mvec_routes_flow *f = plan_flow(net, c, "south");
        CHECK(f != NULL && fabs(f->flow - 3) < 1e-9 && fabs(f->cost - 60) < 1e-9);
        f = plan_flow(net, c, "iran");
        CHECK(f != NULL && fabs(f->flow - 1) < 1e-9);
    }
    mvec_routes_free(ctx, routes);
    mvec_network_free(ctx, net);
}

/* Unknown capacity: direct (2) to CHN, and KAZ -> UZB:Hub (unknown) -> CHN (unlimited) and
 * -> RUS (1.5). Low: 2 + 0; high: the hub route is unlimited throughout: unbounded. RUS:
 * [0, 1.5]. UZB's capacity share [0, 1]; its volume share [0, 1] (the hub's volume is
 * unknown). */
static void test_unknown(void)
{
    mvec_network *net = load("tests/data/network_unknown.csv");
    if (net == NULL)
        return;
    mvec_routes *routes = NULL;
    const mvec_routes_commodity *c = compute(net, NULL, &routes);
    if (c != NULL) {
        CHECK_NEAR(c->capacity.lo, 2, 1e-9);
        CHECK(isinf(c->capacity.hi));
        CHECK(c->unknown_capacity_count == 1 && c->unknown_volume_count == 1);
        CHECK_STR(c->markets[1].market, "RUS");
        CHECK_NEAR(c->markets[1].capacity.lo, 0, 0);
        CHECK_NEAR(c->markets[1].capacity.hi, 1.5, 1e-9);
        CHECK_NEAR(c->markets[1].capacity_share.hi, 0.75, 1e-12);
        const mvec_routes_transit *t = transit(c, "UZB");
        CHECK(t != NULL && fabs(t->capacity_share.lo) < 1e-12 &&
              fabs(t->capacity_share.hi - 1) < 1e-12);
        CHECK(t != NULL && fabs(t->volume_share.lo) < 1e-12 &&
              fabs(t->volume_share.hi - 1) < 1e-12);
    }
    mvec_routes_free(ctx, routes);
    mvec_network_free(ctx, net);
}

typedef struct bad_case {
    const char *rows; /* after the header */
    mvec_status status;
    const char *message;
} bad_case;

#define HEADER                                                                                     \
    "link,name,commodity,mode,from,to,transit,operator,operator_country,year,capacity,unit,"       \
    "volume,cost,cost_unit,days,status,source,url,note\n"
#define OK_ROW "a,A,oil,pipeline,KAZ,market:CHN,,Op,KAZ,2023,3,mt/yr,2,,,,operating,S,u,\n"

static void test_loader_errors(void)
{
    static const bad_case cases[] = {
        {"A_1,A,oil,pipeline,KAZ,market:CHN,,Op,KAZ,2023,3,mt/yr,2,,,,operating,S,u,\n",
         MVEC_ERR_PARSE,
         "t.csv:2:1: invalid link id 'A_1' (lowercase letters, digits and '-', at most 64)"},
        {"a,A,oil,pipeline,KAZ,market:CHN,,Op,KAZ,2023,3,mt/yr,2,,,,open,S,u,\n", MVEC_ERR_PARSE,
         "t.csv:2:17: unknown status 'open' (operating, mothballed, construction, proposed or "
         "cancelled)"},
        {"a,A,oil,pipeline,KAZ,market:CHN,,Op,KAZ,2023,lots,mt/yr,2,,,,operating,S,u,\n",
         MVEC_ERR_PARSE, "t.csv:2:11: invalid capacity 'lots': "},
        {"a,A,oil,pipeline,KAZ,market:CHN,,Op,KAZ,2023,-3,mt/yr,2,,,,operating,S,u,\n",
         MVEC_ERR_PARSE, "t.csv:2:11: capacity '-3' must be a finite number >= 0"},
        {"a,A,oil,pipeline,KAZ,market:CHN,,Op,KAZ,2023,3,mt/yr,x,,,,operating,S,u,\n",
         MVEC_ERR_PARSE, "t.csv:2:13: invalid volume 'x'"},
        {"a,A,oil,pipeline,KAZ,market:CHN,,Op,KAZ,2023,3,mt/yr,2,-1,USD/t,,operating,S,u,\n",
         MVEC_ERR_PARSE, "t.csv:2:14: cost '-1' must be a finite number >= 0"},
        {"a,A,oil,pipeline,KAZ,market:CHN,,Op,KAZ,2023,3,mt/yr,2,,,-2,operating,S,u,\n",
         MVEC_ERR_PARSE, "t.csv:2:16: days '-2' must be a finite number >= 0"},
        {"a,A,oil,pipeline,KAZ,Atyrau,,Op,KAZ,2023,3,mt/yr,2,,,,operating,S,u,\n", MVEC_ERR_PARSE,
         "t.csv:2:6: invalid place 'Atyrau' (ISO3:Name such as KAZ:Atyrau, the bare origin ISO3, "
         "or market:CODE)"},
        {"a,A,oil,pipeline,KAZ,XXX:Port,,Op,KAZ,2023,3,mt/yr,2,,,,operating,S,u,\n", MVEC_ERR_PARSE,
         "t.csv:2:6: unknown country code 'XXX' in place 'XXX:Port'"},
        {"a,A,oil,pipeline,KAZ,market:eu,,Op,KAZ,2023,3,mt/yr,2,,,,operating,S,u,\n",
         MVEC_ERR_PARSE, "t.csv:2:6: invalid market 'market:eu'"},
        {OK_ROW "b,B,oil,pipeline,KAZ,market:EU27,,Op,KAZ,2023,3,bbl/d,2,,,,operating,S,u,\n",
         MVEC_ERR_PARSE,
         "t.csv:3:12: unit 'bbl/d' differs from 'mt/yr' on line 2: all links of commodity 'oil' "
         "must use one unit (mvec converts none)"},
        {OK_ROW "a,A,oil,pipeline,KAZ,market:CHN,,Op,KAZ,2023,4,mt/yr,2,,,,operating,S,u,\n",
         MVEC_ERR_PARSE, "t.csv:3:10: second row of link 'a' for 2023 (the first is on line 2)"},
        {OK_ROW "a,A,oil,pipeline,KAZ,market:EU27,,Op,KAZ,2022,4,mt/yr,2,,,,operating,S,u,\n",
         MVEC_ERR_PARSE,
         "t.csv:3:1: link 'a' goes KAZ -> market:EU27 (oil) here but KAZ -> market:CHN (oil) on "
         "line 2: a link's rows must agree on from, to and commodity"},
        {"a,A,oil,pipeline,KAZ,market:CHN,XYZ,Op,KAZ,2023,3,mt/yr,2,,,,operating,S,u,\n",
         MVEC_ERR_PARSE, "t.csv:2:7: transit code 'XYZ' is not an ISO3 country code mvec knows"},
        {"a,A,oil,pipeline,KAZ,market:CHN,Russia,Op,KAZ,2023,3,mt/yr,2,,,,operating,S,u,\n",
         MVEC_ERR_PARSE, "t.csv:2:7: transit code 'Russia' is not an ISO3 country code mvec knows"},
        {OK_ROW "g,G,gas,pipeline,KAZ:Port,market:CHN,,Op,KAZ,2023,3,bcm/yr,2,,,,operating,S,u,\n",
         MVEC_ERR_SCHEMA,
         "t.csv:3: commodity 'gas' has no link leaving the origin (a bare ISO3 place such as KAZ: "
         "the country's output)"},
        {"a,A,oil,pipeline,KAZ:Port,KAZ:Port,,Op,KAZ,2023,3,mt/yr,2,,,,operating,S,u,\n",
         MVEC_ERR_PARSE, "t.csv:2:6: link 'a' goes from 'KAZ:Port' to itself"},
        {OK_ROW "b,B,oil,pipeline,UZB,market:CHN,,Op,KAZ,2023,3,mt/yr,2,,,,operating,S,u,\n",
         MVEC_ERR_PARSE,
         "t.csv:3:5: second origin 'UZB' (the origin is KAZ, line 2): a network describes one "
         "country's exports"},
        {"a,A,oil,ship,KAZ,market:CHN,,Op,KAZ,2023,3,mt/yr,2,,,,operating,S,u,\n", MVEC_ERR_PARSE,
         "t.csv:2:4: unknown mode 'ship'"},
        {"a,A,oil,pipeline,KAZ,market:CHN,,Op,KAZ,23,3,mt/yr,2,,,,operating,S,u,\n", MVEC_ERR_PARSE,
         "t.csv:2:10: invalid year '23' (1900 to 2100)"},
        {"a,A,oil,pipeline,KAZ,market:CHN,,Op,KAZ,2023,3,,2,,,,operating,S,u,\n", MVEC_ERR_PARSE,
         "t.csv:2:12: a capacity or volume needs its unit"},
        {"a,A,oil,pipeline,KAZ,market:CHN,,Op,KAZ,2023,3,mt/yr,2,4,,,operating,S,u,\n",
         MVEC_ERR_PARSE, "t.csv:2:15: a cost needs its cost_unit"},
        {"", MVEC_ERR_NO_DATA, "t.csv: no links (only a header)"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char text[2048];
        snprintf(text, sizeof text, "%s%s", HEADER, cases[i].rows);
        mvec_network *net = NULL;
        mvec_status status =
            mvec_network_load_text(ctx, countries, "t.csv", text, strlen(text), &net);
        if (status != cases[i].status ||
            strncmp(mvec_ctx_error_message(ctx), cases[i].message, strlen(cases[i].message)) != 0) {
            test_failures++;
            fprintf(stderr, "loader case %zu: %s: %s\n    expected %s: %s\n", i,
                    mvec_status_name(status), mvec_ctx_error_message(ctx),
                    mvec_status_name(cases[i].status), cases[i].message);
        }
        test_checks++;
        mvec_network_free(ctx, net);
    }
    mvec_network *net = NULL;
    const char *missing = "link,name\na,b\n";
    CHECK_STATUS(mvec_network_load_text(ctx, countries, "t.csv", missing, strlen(missing), &net),
                 MVEC_ERR_SCHEMA);
    CHECK_STATUS(mvec_network_load_file(ctx, countries, "tests/data/no-such.csv", &net),
                 MVEC_ERR_IO);
    CHECK_STATUS(mvec_network_load_embedded(ctx, countries, "ZZZ", &net), MVEC_ERR_NO_DATA);
    CHECK_STATUS(mvec_network_load_embedded(ctx, countries, "K1", &net), MVEC_ERR_INVALID);
    /* a link limit: one more than MVEC_NETWORK_MAX_LINKS ids */
    size_t size = strlen(HEADER) + (size_t)(MVEC_NETWORK_MAX_LINKS + 1) * 80;
    char *big = malloc(size);
    if (big != NULL) {
        size_t at = (size_t)snprintf(big, size, "%s", HEADER);
        for (int l = 0; l <= MVEC_NETWORK_MAX_LINKS; l++)
            at += (size_t)snprintf(big + at, size - at,
                                   "l%d,L,oil,pipeline,KAZ,market:CHN,,Op,,2023,1,mt/yr,,,,,"
                                   "operating,S,u,\n",
                                   l);
        CHECK_STATUS(mvec_network_load_text(ctx, countries, "big.csv", big, at, &net),
                     MVEC_ERR_LIMIT);
        free(big);
    }
}

/* The time of mvec_network_reroute on a 40-link network: KAZ -> 5 places -> 5 places (all 25
 * pairs) -> 5 markets, 5 + 25 + 5 + 5 (a second link into each market) links. */
static void test_reroute_time(void)
{
    char *text = malloc(16384);
    if (text == NULL)
        return;
    size_t at = (size_t)snprintf(text, 16384, "%s", HEADER);
    static const char *const codes[] = {"CHN", "RUS", "TUR", "DEU", "ITA"};
    for (int i = 0; i < 5; i++)
        at += (size_t)snprintf(text + at, 16384 - at,
                               "u%d,U,oil,pipeline,KAZ,KAZ:A%d,,Op,,2023,%d,mt/yr,%d,%d,USD/t,,"
                               "operating,S,u,\n",
                               i, i, 10 + i, 5, 3 + i);
    for (int i = 0; i < 5; i++)
        for (int j = 0; j < 5; j++)
            at += (size_t)snprintf(text + at, 16384 - at,
                                   "m%d-%d,M,oil,rail,KAZ:A%d,RUS:B%d,RUS,Op,,2023,%d,mt/yr,1,2,"
                                   "USD/t,,operating,S,u,\n",
                                   i, j, i, j, 2 + (i * j) % 4);
    for (int j = 0; j < 5; j++)
        at += (size_t)snprintf(text + at, 16384 - at,
                               "d%d,D,oil,sea,RUS:B%d,market:%s,,Op,,2023,%d,mt/yr,3,4,USD/t,,"
                               "operating,S,u,\ne%d,E,oil,sea,RUS:B%d,market:%s,TUR,Op,,2023,,"
                               "mt/yr,2,,,,operating,S,u,\n",
                               j, j, codes[j], 4 + j, j, j, codes[(j + 1) % 5]);
    mvec_network *net = NULL;
    CHECK_STATUS(mvec_network_load_text(ctx, countries, "forty.csv", text, at, &net), MVEC_OK);
    free(text);
    if (net == NULL)
        return;
    CHECK(mvec_network_link_count(net) == 40);
    double factor[40];
    for (int l = 0; l < 40; l++)
        factor[l] = 1;
    factor[mvec_network_find(net, "u2")] = 0;
    factor[mvec_network_find(net, "m1-3")] = 0.5;
    mvec_reroute r;
    enum { CALLS = 20000 };
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    for (int i = 0; i < CALLS; i++)
        mvec_network_reroute(ctx, net, "oil", 0, factor, 1, &r);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double us =
        ((double)(t1.tv_sec - t0.tv_sec) * 1e9 + (double)(t1.tv_nsec - t0.tv_nsec)) / 1e3 / CALLS;
    printf("mvec_network_reroute: %.2f us per call (40 links, 12 places)\n", us);
    /* the same figures as mvec_routes_compute's closure of u2 at full m1-3 capacity */
    factor[mvec_network_find(net, "m1-3")] = 1;
    CHECK_STATUS(mvec_network_reroute(ctx, net, "oil", 0, factor, 1, &r), MVEC_OK);
    mvec_routes *routes = NULL;
    mvec_routes_options o = MVEC_ROUTES_OPTIONS_INIT;
    const char *closed[] = {"u2"};
    o.closed_links = closed;
    o.closed_link_count = 1;
    const mvec_routes_commodity *c = compute(net, &o, &routes);
    if (c != NULL) {
        CHECK_NEAR(r.volume, c->volume, 1e-9);
        CHECK_NEAR(r.kept, c->kept, 1e-9);
        CHECK_NEAR(r.stranded_low, c->stranded.lo, 1e-9);
        CHECK_NEAR(r.stranded_high, c->stranded.hi, 1e-9);
        CHECK_NEAR(r.rerouted, c->rerouted.lo, 1e-9);
        CHECK(c->plan_state == MVEC_PLAN_PARTIAL);
    }
    mvec_routes_free(ctx, routes);
    mvec_network_free(ctx, net);
}

/* Dinic (maxflow.c) against igraph's push-relabel on random graphs. */
static void test_dinic_against_igraph(void)
{
    srand(8);
    for (int round = 0; round < 300; round++) {
        size_t v = 2 + (size_t)(rand() % 9);
        size_t e = (size_t)(rand() % 25);
        size_t tail[32], head[32];
        double cap[32];
        for (size_t i = 0; i < e; i++) {
            tail[i] = (size_t)rand() % v;
            head[i] = (size_t)rand() % v;
            int kind = rand() % 10;
            cap[i] = kind == 0 ? INFINITY : kind == 1 ? 0 : (double)(rand() % 100) / 7.0;
        }
        mvec__flow_graph g;
        mvec__flow_scratch s;
        CHECK_STATUS(mvec__flow_graph_build(ctx, v, e, tail, head, &g), MVEC_OK);
        CHECK_STATUS(mvec__flow_scratch_alloc(ctx, &g, &s), MVEC_OK);
        double flow[32];
        double mine = mvec__maxflow(&g, cap, 0, v - 1, &s, flow);
        double theirs = 0;
        CHECK_STATUS(mvec__igraph_maxflow(ctx, &g, cap, 0, v - 1, &theirs, NULL), MVEC_OK);
        if (isinf(mine) || isinf(theirs))
            CHECK(isinf(mine) && isinf(theirs));
        else
            CHECK_NEAR(mine, theirs, 1e-9 * (1 + theirs));
        /* the flow is a flow: within capacities, conserved */
        if (isfinite(mine)) {
            double net_out[16] = {0};
            for (size_t i = 0; i < e; i++) {
                CHECK(flow[i] >= -1e-9 && (isinf(cap[i]) || flow[i] <= cap[i] + 1e-9));
                net_out[tail[i]] += flow[i];
                net_out[head[i]] -= flow[i];
            }
            for (size_t x = 1; x + 1 < v; x++)
                CHECK_NEAR(net_out[x], 0, 1e-9);
            CHECK_NEAR(net_out[0], mine, 1e-9 * (1 + mine));
        }
        mvec__flow_scratch_free(ctx, &s);
        mvec__flow_graph_clear(ctx, &g);
    }
}

static int write_file(void *user, const char *data, size_t length)
{
    return fwrite(data, 1, length, user) == length ? 0 : 1;
}

/* Every write format, for the leak check and a look at the text. */
static void test_write(void)
{
    mvec_network *net = load("tests/data/network_costs.csv");
    if (net == NULL)
        return;
    mvec_routes *routes = NULL;
    mvec_routes_options o = MVEC_ROUTES_OPTIONS_INIT;
    const char *closed[] = {"north"};
    o.closed_links = closed;
    o.closed_link_count = 1;
    CHECK_STATUS(mvec_routes_compute(ctx, net, &o, &routes), MVEC_OK);
    for (int f = 0; f < 3; f++) {
        char *text = NULL;
        size_t length = 0;
        FILE *mem = open_memstream(&text, &length);
        mvec_sink sink = {write_file, mem};
        CHECK_STATUS(mvec_routes_write(ctx, routes, (mvec_format)f, &sink), MVEC_OK);
        fclose(mem);
        CHECK(length > 100);
        if (f == 0)
            CHECK(strstr(text, "cheapest plan") != NULL);
        free(text);
    }
    mvec_routes_free(ctx, routes);
    mvec_network_free(ctx, net);
}


static int discard(void *user, const char *data, size_t length)
{
    (void)user;
    (void)data;
    (void)length;
    return 0;
}

/* Fail the Nth allocation of load + routes with a closure + every writer + reroute, for
 * every N until the run succeeds: each failure is MVEC_ERR_NOMEM with nothing leaked. */
static void test_alloc_failures(void)
{
    long n = 0;
    for (;; n++) {
        failing_allocator a = {n, 0};
        mvec_ctx *fctx = mvec_ctx_new(failing_realloc, &a);
        if (fctx == NULL)
            continue;
        mvec_network *net = NULL;
        mvec_routes *routes = NULL;
        mvec_sink sink = {discard, NULL};
        mvec_status status =
            mvec_network_load_file(fctx, countries, "tests/data/network_costs.csv", &net);
        mvec_routes_options o = MVEC_ROUTES_OPTIONS_INIT;
        const char *rus[] = {"RUS"};
        o.closed_transit = rus;
        o.closed_transit_count = 1;
        if (status == MVEC_OK)
            status = mvec_routes_compute(fctx, net, &o, &routes);
        for (int f = 0; f < 3 && status == MVEC_OK; f++)
            status = mvec_routes_write(fctx, routes, (mvec_format)f, &sink);
        mvec_reroute r;
        if (status == MVEC_OK)
            status = mvec_network_reroute(fctx, net, "oil", 0, NULL, 1, &r);
        mvec_routes_free(fctx, routes);
        mvec_network_free(fctx, net);
        size_t left = mvec_ctx_memory(fctx).current_bytes;
        mvec_ctx_free(fctx);
        if (status != MVEC_ERR_NOMEM && status != MVEC_OK)
            fprintf(stderr, "allocation %ld: %s\n", n, mvec_status_name(status));
        CHECK(status == MVEC_OK || status == MVEC_ERR_NOMEM);
        CHECK(left == 0);
        if (status == MVEC_OK || n > 100000)
            break;
    }
    printf("allocation failures: %ld allocations failed in turn, each cleanly\n", n);
}

int main(void)
{
    ctx = mvec_ctx_new(NULL, NULL);
    if (mvec_countries_open(ctx, NULL, &countries) != MVEC_OK) {
        fprintf(stderr, "%s\n", mvec_ctx_error_message(ctx));
        return 1;
    }
    test_diamond();
    test_costs();
    test_unknown();
    test_loader_errors();
    test_dinic_against_igraph();
    test_reroute_time();
    test_write();
    test_alloc_failures();
    mvec_countries_free(ctx, countries);
    CHECK(mvec_ctx_memory(ctx).current_bytes == 0);
    mvec_ctx_free(ctx);
    return test_report("test_network");
}
