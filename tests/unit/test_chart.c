/*
 * test_chart.c - the chart models (src/lib/chart/chart_internal.h) against
 * numbers computed by hand, the colour table, image formats, and that a
 * chart reaches its sink whole or not at all (a failing sink, every
 * allocation failing in turn).
 *
 * Data (trade.total, USD bn, every partner listed, so every share is exact):
 *   2020: RUS 20, CHN 30, USA 50 of 100       -> RUS-EAEU .2, CHN .3, WEST .5
 *   2021: RUS 10, CHN 30, USA 40, TUR 20 of 100 -> .1, .3, .4 (TUR-OTS .2)
 * Normalised among the three powers: 2020 (.2, .3, .5); 2021 (.125, .375, .5).
 * Ternary (power 0 at (0,0), 1 at (1,0), 2 at (1/2, sqrt 3/2)): x = b + c/2,
 * y = c sqrt(3)/2: 2020 (0.3 + 0.25, 0.5 x 0.8660254) = (0.55, 0.4330127);
 * 2021 (0.375 + 0.25, 0.4330127) = (0.625, 0.4330127).
 */
#include <mvec/mvec.h>
#include <pthread.h>

#include "chart/chart_internal.h"
#include "test.h"

static mvec_ctx *ctx;
static mvec_countries *countries;
static mvec_bloc_scheme *scheme;
static mvec_observations *obs;

#define SQRT3_HALF 0.86602540378443864676

static const char *const DATA = "country,partner,vector,indicator,year,value,unit,basis,source\n"
                                "KAZ,WLD,trade.total,value,2020,100,USD bn,reporter,\"Office, 2021 release\"\n"
                                "KAZ,RUS,trade.total,value,2020,20,USD bn,reporter,\"Office, 2021 release\"\n"
                                "KAZ,CHN,trade.total,value,2020,30,USD bn,reporter,\"Office, 2021 release\"\n"
                                "KAZ,USA,trade.total,value,2020,50,USD bn,reporter,\"Office, 2021 release\"\n"
                                "KAZ,WLD,trade.total,value,2021,100,USD bn,reporter,\"Office, 2022 release\"\n"
                                "KAZ,RUS,trade.total,value,2021,10,USD bn,reporter,\"Office, 2022 release\"\n"
                                "KAZ,CHN,trade.total,value,2021,30,USD bn,reporter,\"Office, 2022 release\"\n"
                                "KAZ,USA,trade.total,value,2021,40,USD bn,reporter,\"Office, 2022 release\"\n"
                                "KAZ,TUR,trade.total,value,2021,20,USD bn,reporter,\"Office, 2022 release\"\n";

/* ---- a sink in memory ------------------------------------------------------------------ */

typedef struct memory_sink {
    char *data;
    size_t length;
    int fail; /* non-zero: every write fails */
} memory_sink;

static int memory_write(void *user, const char *data, size_t length)
{
    memory_sink *sink = user;
    if (sink->fail)
        return 1;
    char *grown = realloc(sink->data, sink->length + length + 1);
    if (grown == NULL)
        return 1;
    memcpy(grown + sink->length, data, length);
    sink->data = grown;
    sink->length += length;
    return 0;
}

static mvec_trend *bloc_trend(const char *bloc)
{
    mvec_trend_options o = MVEC_TREND_OPTIONS_INIT;
    o.vector = "trade.total";
    o.bloc = bloc;
    mvec_trend *trend = NULL;
    if (mvec_trend_build(ctx, obs, scheme, NULL, &o, &trend) != MVEC_OK)
        fprintf(stderr, "trend %s: %s\n", bloc, mvec_ctx_error_message(ctx));
    return trend;
}

/* ---- ternary geometry ------------------------------------------------------------------- */

static void test_ternary(void)
{
    double x, y;
    const double corner0[3] = {1, 0, 0}, corner1[3] = {0, 1, 0}, corner2[3] = {0, 0, 1};
    const double centre[3] = {1.0 / 3, 1.0 / 3, 1.0 / 3};
    mvec__ternary_xy(corner0, &x, &y);
    CHECK_NEAR(x, 0, 1e-15);
    CHECK_NEAR(y, 0, 1e-15);
    mvec__ternary_xy(corner1, &x, &y);
    CHECK_NEAR(x, 1, 1e-15);
    CHECK_NEAR(y, 0, 1e-15);
    mvec__ternary_xy(corner2, &x, &y);
    CHECK_NEAR(x, 0.5, 1e-15);
    CHECK_NEAR(y, SQRT3_HALF, 1e-15);
    mvec__ternary_xy(centre, &x, &y);
    CHECK_NEAR(x, 0.5, 1e-15);
    CHECK_NEAR(y, SQRT3_HALF / 3, 1e-15); /* sqrt(3)/6 = 0.288675 */

    double rx[8], ry[8];
    /* exact shares: one point, (.2,.3,.5) -> (0.55, 0.4330127) */
    const mvec_interval exact[3] = {{0.2, 0.2}, {0.3, 0.3}, {0.5, 0.5}};
    CHECK(mvec__ternary_region(exact, rx, ry) == 1);
    CHECK_NEAR(rx[0], 0.55, 1e-12);
    CHECK_NEAR(ry[0], 0.5 * SQRT3_HALF, 1e-12);
    /* one open share: a segment. s0 in [.2,.4], s1 = .2, s2 = .4:
     * (.2,.2,.4)/.8 = (.25,.25,.5) -> (0.5, 0.4330127);
     * (.4,.2,.4)/1 = (.4,.2,.4) -> (0.4, 0.3464102) */
    const mvec_interval open0[3] = {{0.2, 0.4}, {0.2, 0.2}, {0.4, 0.4}};
    CHECK(mvec__ternary_region(open0, rx, ry) == 2);
    CHECK_NEAR(rx[0], 0.4, 1e-12); /* sorted by x */
    CHECK_NEAR(ry[0], 0.4 * SQRT3_HALF, 1e-12);
    CHECK_NEAR(rx[1], 0.5, 1e-12);
    CHECK_NEAR(ry[1], 0.5 * SQRT3_HALF, 1e-12);
    /* every share in [0, 1]: the whole triangle (the corner (1,1,1) maps to the centre,
     * inside; (0,0,0) has no image) */
    const mvec_interval all[3] = {{0, 1}, {0, 1}, {0, 1}};
    size_t n = mvec__ternary_region(all, rx, ry);
    CHECK(n == 3);
    double area = 0;
    for (size_t i = 0; i < n; i++)
        area += rx[i] * ry[(i + 1) % n] - rx[(i + 1) % n] * ry[i];
    CHECK_NEAR(area / 2, SQRT3_HALF / 2, 1e-12); /* counter-clockwise: positive */
    /* two open shares: s0 in [.1,.3], s1 in [.1,.3], s2 = .4: a quadrilateral of the four
     * corners (.1,.1,.4)/.6, (.3,.1,.4)/.8, (.1,.3,.4)/.8, (.3,.3,.4)/1 */
    const mvec_interval open01[3] = {{0.1, 0.3}, {0.1, 0.3}, {0.4, 0.4}};
    CHECK(mvec__ternary_region(open01, rx, ry) == 4);
    const mvec_interval zero[3] = {{0, 0}, {0, 0}, {0, 0}};
    CHECK(mvec__ternary_region(zero, rx, ry) == 0);
}

/* ---- models from results ------------------------------------------------------------------ */

static void test_triangle_model(void)
{
    mvec_trend *trends[3] = {bloc_trend("WEST"), bloc_trend("RUS-EAEU"), bloc_trend("CHN")};
    if (trends[0] == NULL || trends[1] == NULL || trends[2] == NULL)
        goto done;
    mvec__triangle_model model;
    CHECK_STATUS(mvec__chart_triangle_model(ctx, (const mvec_trend *const *)trends, 3, scheme,
                                            &model),
                 MVEC_OK);
    /* corners in the scheme's order whatever the trends' order */
    CHECK_STR(model.corner_names[0], "RUS-EAEU");
    CHECK_STR(model.corner_names[1], "CHN");
    CHECK_STR(model.corner_names[2], "WEST");
    CHECK_STR(model.corner_colours[0], "#D55E00");
    CHECK(model.point_count == 2);
    if (model.point_count == 2) {
        CHECK(model.points[0].year == 2020 && model.points[1].year == 2021);
        CHECK_NEAR(model.points[0].normalised[0], 0.2, 1e-12);
        CHECK_NEAR(model.points[0].x, 0.55, 1e-12);
        CHECK_NEAR(model.points[0].y, 0.5 * SQRT3_HALF, 1e-12);
        CHECK_NEAR(model.points[1].normalised[0], 0.125, 1e-12);
        CHECK_NEAR(model.points[1].normalised[1], 0.375, 1e-12);
        CHECK_NEAR(model.points[1].x, 0.625, 1e-12);
        CHECK_NEAR(model.points[1].y, 0.5 * SQRT3_HALF, 1e-12);
        CHECK(model.points[1].region_count == 1);
    }
    CHECK_STR(model.frame.sources, "Sources: Office, 2021 release, 2022 release.");
    mvec__chart_triangle_model_clear(ctx, &model);

    /* two trends, or the same power twice */
    CHECK_STATUS(mvec__chart_triangle_model(ctx, (const mvec_trend *const *)trends, 2, scheme,
                                            &model),
                 MVEC_ERR_INVALID);
    mvec__chart_triangle_model_clear(ctx, &model);
    mvec_trend *twice[3] = {trends[0], trends[0], trends[2]};
    CHECK_STATUS(mvec__chart_triangle_model(ctx, (const mvec_trend *const *)twice, 3, scheme,
                                            &model),
                 MVEC_ERR_INVALID);
    mvec__chart_triangle_model_clear(ctx, &model);

    /* a scheme with two great powers */
    const char *two = "code,bloc,great_power,rationale\nIND,I,yes,x\nBRA,B,yes,x\n*,REST,no,x\n";
    mvec_bloc_scheme *small = NULL;
    CHECK_STATUS(mvec__bloc_scheme_from_text(ctx, countries, "two", two, strlen(two), &small),
                 MVEC_OK);
    if (small != NULL) {
        CHECK_STATUS(mvec__chart_triangle_model(ctx, (const mvec_trend *const *)trends, 3, small,
                                                &model),
                     MVEC_ERR_INVALID);
        CHECK(strstr(mvec_ctx_error_message(ctx), "exactly three great powers") != NULL);
        CHECK(strstr(mvec_ctx_error_message(ctx), "'two' has 2: I, B") != NULL);
        mvec__chart_triangle_model_clear(ctx, &model);
        /* blocs the palette does not know take the spare colours in order */
        CHECK_STR(mvec_chart_bloc_colour(small, 0), "#56B4E9");
        CHECK_STR(mvec_chart_bloc_colour(small, 1), "#F0E442");
        CHECK_STR(mvec_chart_bloc_colour(small, 2), "#000000");
        mvec_bloc_scheme_free(ctx, small);
    }
done:
    for (size_t i = 0; i < 3; i++)
        mvec_trend_free(ctx, trends[i]);
}

static void test_trend_model(void)
{
    mvec_trend *trends[2] = {bloc_trend("RUS-EAEU"), bloc_trend("WEST")};
    if (trends[0] == NULL || trends[1] == NULL)
        goto done;
    mvec__series_model model;
    CHECK_STATUS(mvec__chart_trend_model(ctx, (const mvec_trend *const *)trends, 2, scheme,
                                         &model),
                 MVEC_OK);
    CHECK(model.series_count == 2);
    if (model.series_count == 2 && model.series[1].count == 2) {
        CHECK_STR(model.series[0].label, "RUS-EAEU");
        CHECK_STR(model.series[0].colour, "#D55E00");
        CHECK_STR(model.series[1].colour, "#0072B2");
        CHECK_NEAR(model.series[1].x[0], 2020, 0);
        CHECK_NEAR(model.series[1].mid[0], 50, 1e-12); /* in % */
        CHECK_NEAR(model.series[1].mid[1], 40, 1e-12);
        CHECK_NEAR(model.series[0].lo[1], 10, 1e-12);
    }
    /* shares: from 0 to the multiple of 10 at least 15 % above the largest (50 -> 57.5 -> 60);
     * two years widened to a span of 4 */
    CHECK_NEAR(model.y_min, 0, 0);
    CHECK_NEAR(model.y_max, 60, 0);
    CHECK_NEAR(model.x_min, 2018.5, 0);
    CHECK_NEAR(model.x_max, 2022.5, 0);
    CHECK(model.band_label == NULL); /* every share exact: no band to explain */
    CHECK(isnan(model.mark_x));
    mvec__chart_series_model_clear(ctx, &model);
    CHECK_STATUS(mvec__chart_trend_model(ctx, NULL, 0, scheme, &model), MVEC_ERR_INVALID);
    mvec__chart_series_model_clear(ctx, &model);
done:
    for (size_t i = 0; i < 2; i++)
        mvec_trend_free(ctx, trends[i]);
}

static void test_blocs_model(void)
{
    mvec_profile *profile = NULL;
    mvec_profile_options o = MVEC_PROFILE_OPTIONS_INIT;
    o.year = 2021;
    CHECK_STATUS(mvec_profile_build(ctx, obs, scheme, NULL, &o, &profile), MVEC_OK);
    if (profile == NULL)
        return;
    mvec__blocs_model model;
    CHECK_STATUS(mvec__chart_blocs_model(ctx, profile, &model), MVEC_OK);
    CHECK(model.row_count == 1); /* one vector: no composite row */
    CHECK(model.bloc_count == 6);
    if (model.row_count == 1 && model.bloc_count == 6) {
        CHECK_STR(model.row_labels[0], "trade 2021");
        CHECK_STR(model.bloc_names[3], "TUR-OTS");
        CHECK_NEAR(model.percent[0].lo, 10, 1e-9); /* RUS-EAEU */
        CHECK_NEAR(model.percent[1].hi, 30, 1e-9); /* CHN */
        CHECK_NEAR(model.percent[2].lo, 40, 1e-9); /* WEST */
        CHECK_NEAR(model.percent[3].lo, 20, 1e-9); /* TUR-OTS */
        CHECK_NEAR(model.percent[5].hi, 0, 1e-9);  /* OTHER */
    }
    CHECK_STR(model.frame.sources, "Source: Office, 2022 release.");
    mvec__chart_blocs_model_clear(ctx, &model);
    mvec_profile_free(ctx, profile);
}

/* Exports RUS 20, CHN 30, WEST 50 of 100; Russia halves its imports from the country in
 * 2021 only: RUS-EAEU 10 of 90 = 11.11 % that year (test_scenario.c has the arithmetic). */
static void test_fan_model(void)
{
    const char *data =
        "country,partner,vector,indicator,year,value,unit,basis,source\n"
        "KAZ,WLD,trade.exports,value,2020,100,USD m,reporter,T\n"
        "KAZ,RUS,trade.exports,value,2020,20,USD m,reporter,T\n"
        "KAZ,CHN,trade.exports,value,2020,30,USD m,reporter,T\n"
        "KAZ,DEU,trade.exports,value,2020,50,USD m,reporter,T\n"
        "KAZ,WLD,trade.imports,value,2020,100,USD m,reporter,T\n"
        "KAZ,RUS,trade.imports,value,2020,100,USD m,reporter,T\n";
    const char *script = "scenario { name = 'half', base_year = 2020, years = 2, embargo { by = "
                         "'RUS', hs = 'all', cut = 0.5, start = 2021, years = 1 } }";
    mvec_observations *exports = NULL;
    mvec_simulation *sim = NULL;
    CHECK_STATUS(mvec_observations_new(ctx, countries, &exports), MVEC_OK);
    CHECK_STATUS(mvec_observations_load_text(ctx, exports, "e.csv", data, strlen(data), NULL),
                 MVEC_OK);
    mvec_simulate_options o = MVEC_SIMULATE_OPTIONS_INIT;
    o.threads = 1;
    CHECK_STATUS(mvec_simulate(ctx, exports, scheme, NULL, "t.lua", script, strlen(script), &o,
                               &sim),
                 MVEC_OK);
    if (sim != NULL) {
        const char *metrics[] = {"trade.exports.share.RUS-EAEU", "trade.exports.share.WEST"};
        mvec__series_model model;
        CHECK_STATUS(mvec__chart_fan_model(ctx, sim, metrics, 2, scheme, &model), MVEC_OK);
        if (model.series_count == 2 && model.series[0].count == 3) {
            CHECK_NEAR(model.series[0].mid[0], 20, 1e-9);
            CHECK_NEAR(model.series[0].mid[1], 1000.0 / 90, 1e-9);
            CHECK_NEAR(model.series[0].lo[1], 1000.0 / 90, 1e-9); /* one path: no spread */
            CHECK_NEAR(model.series[0].mid[2], 20, 1e-9);
            CHECK_NEAR(model.series[1].mid[1], 5000.0 / 90, 1e-9);
            CHECK_STR(model.series[1].colour, "#0072B2");
            CHECK_NEAR(model.series[0].x[2], 2022, 0);
        } else {
            CHECK(!"two series of three years");
        }
        CHECK_NEAR(model.mark_x, 2020, 0);
        CHECK_NEAR(model.y_max, 70, 0); /* 55.6 x 1.15 = 63.9 -> 70 */
        mvec__chart_series_model_clear(ctx, &model);
        const char *wrong[] = {"trade.exports.share.MARS"};
        CHECK_STATUS(mvec__chart_fan_model(ctx, sim, wrong, 1, scheme, &model), MVEC_ERR_INVALID);
        CHECK(strstr(mvec_ctx_error_message(ctx), "no metric 'trade.exports.share.MARS'") != NULL);
        mvec__chart_series_model_clear(ctx, &model);
        const char *mixed[] = {"trade.exports.share.WEST", "trade.exports.value"};
        CHECK_STATUS(mvec__chart_fan_model(ctx, sim, mixed, 2, scheme, &model), MVEC_ERR_INVALID);
        mvec__chart_series_model_clear(ctx, &model);
    }
    mvec_simulation_free(ctx, sim);
    mvec_observations_free(ctx, exports);
}

/* The built-in network: every place of data/kaz/corridors.csv has coordinates; a closure
 * marks exactly the links it names. */
static void test_network_model(void)
{
    mvec_network *net = NULL;
    CHECK_STATUS(mvec_network_load_embedded(ctx, countries, "KAZ", &net), MVEC_OK);
    if (net == NULL)
        return;
    mvec__network_model model;
    mvec_routes_options o = MVEC_ROUTES_OPTIONS_INIT;
    const char *closed[] = {"cpc-rus"};
    o.closed_links = closed;
    o.closed_link_count = 1;
    CHECK_STATUS(mvec__chart_network_model(ctx, net, &o, &model), MVEC_OK);
    size_t closed_count = 0;
    for (size_t e = 0; e < model.edge_count; e++) {
        if (model.edges[e].closed) {
            closed_count++;
            CHECK_STR(model.edges[e].id, "cpc-rus");
        }
        CHECK(model.edges[e].width <= 0.0 || (model.edges[e].width >= 1.6 &&
                                              model.edges[e].width <= 11.0));
    }
    CHECK(closed_count == 1);
    CHECK(model.edge_count == mvec_network_link_count(net));
    for (size_t i = 0; i < model.node_count; i++) {
        if (strcmp(model.nodes[i].place, "KAZ:Aktau") == 0) {
            CHECK_NEAR(model.nodes[i].lon, 51.17, 1e-9);
            CHECK_NEAR(model.nodes[i].lat, 43.65, 1e-9);
        }
    }
    mvec__chart_network_model_clear(ctx, &model);
    /* closing everything through Russia closes cpc-rus among others */
    const char *transit[] = {"RUS"};
    o.closed_link_count = 0;
    o.closed_transit = transit;
    o.closed_transit_count = 1;
    CHECK_STATUS(mvec__chart_network_model(ctx, net, &o, &model), MVEC_OK);
    closed_count = 0;
    for (size_t e = 0; e < model.edge_count; e++)
        closed_count += model.edges[e].closed;
    CHECK(closed_count >= 3);
    mvec__chart_network_model_clear(ctx, &model);
    const char *wrong[] = {"no-such-link"};
    o.closed_transit_count = 0;
    o.closed_links = wrong;
    o.closed_link_count = 1;
    CHECK_STATUS(mvec__chart_network_model(ctx, net, &o, &model), MVEC_ERR_INVALID);
    mvec__chart_network_model_clear(ctx, &model);
    mvec_network_free(ctx, net);
}

/* ---- small pieces --------------------------------------------------------------------------- */

static void test_sources_and_formats(void)
{
    mvec__chart_sources sources = {{NULL}, 0, 0};
    mvec__chart_sources_add(&sources, "Bureau, trade, 2019 release");
    mvec__chart_sources_add(&sources, "Other.");
    mvec__chart_sources_add(&sources, "Bureau, trade, 2020 release");
    mvec__chart_sources_add(&sources, "Other.");
    mvec__chart_sources_add(&sources, "");
    mvec__arena arena = MVEC__ARENA_INIT;
    mvec__chart_frame frame = {NULL, NULL, NULL, NULL, NULL, NULL};
    CHECK_STATUS(mvec__chart_sources_finish(ctx, &arena, &sources, &frame), MVEC_OK);
    CHECK_STR(frame.sources, "Sources: Bureau, trade, 2019 release, 2020 release; Other.");
    CHECK_STR(frame.credit, "Computed by mvec 0.1.0");
    mvec__arena_clear(ctx, &arena);

    CHECK_NEAR(mvec__chart_share_axis_top(0), 100, 0);
    CHECK_NEAR(mvec__chart_share_axis_top(52.2), 70, 0); /* 60.03 -> 70 */
    CHECK_NEAR(mvec__chart_share_axis_top(95), 100, 0);

    mvec_image_format f = MVEC_IMAGE_SVG;
    CHECK_STATUS(mvec_image_format_from_path(ctx, "out/Chart.PNG", &f), MVEC_OK);
    CHECK(f == MVEC_IMAGE_PNG);
    CHECK_STATUS(mvec_image_format_from_path(ctx, "a.pdf", &f), MVEC_OK);
    CHECK(f == MVEC_IMAGE_PDF);
    CHECK_STATUS(mvec_image_format_from_path(ctx, "dir.svg/chart", &f), MVEC_ERR_INVALID);
    CHECK_STATUS(mvec_image_format_from_path(ctx, ".png", &f), MVEC_ERR_INVALID);
    CHECK_STATUS(mvec_image_format_from_name(ctx, "jpeg", &f), MVEC_ERR_INVALID);
    CHECK_STR(mvec_image_format_mime(MVEC_IMAGE_SVG), "image/svg+xml");

    /* the colour table: one colour per bloc across both built-in schemes */
    mvec_bloc_scheme *treaties = NULL;
    CHECK_STATUS(mvec_bloc_scheme_builtin(ctx, countries, "treaties", &treaties), MVEC_OK);
    const char *expected[][2] = {{"RUS-EAEU", "#D55E00"}, {"CHN", "#E69F00"},
                                 {"WEST", "#0072B2"},     {"TUR-OTS", "#009E73"},
                                 {"GULF", "#CC79A7"},     {"OTHER", "#999999"},
                                 {"RUS-CSTO", "#D55E00"}, {"OTS", "#009E73"}};
    const mvec_bloc_scheme *schemes[2] = {scheme, treaties};
    for (size_t s = 0; s < 2 && treaties != NULL; s++)
        for (size_t b = 0; b < mvec_bloc_count(schemes[s]); b++)
            for (size_t k = 0; k < sizeof expected / sizeof expected[0]; k++)
                if (strcmp(mvec_bloc_name(schemes[s], b), expected[k][0]) == 0)
                    CHECK_STR(mvec_chart_bloc_colour(schemes[s], b), expected[k][1]);
    mvec_bloc_scheme_free(ctx, treaties);
}

/* ---- whole charts to a sink -------------------------------------------------------------- */

static void test_render(void)
{
    mvec_trend *trends[3] = {bloc_trend("RUS-EAEU"), bloc_trend("CHN"), bloc_trend("WEST")};
    if (trends[0] == NULL || trends[1] == NULL || trends[2] == NULL)
        goto done;
    static const struct {
        mvec_image_format format;
        const char *magic;
    } FORMATS[] = {{MVEC_IMAGE_SVG, "<?xml"}, {MVEC_IMAGE_PNG, "\x89PNG"}, {MVEC_IMAGE_PDF, "%PDF"}};
    for (size_t f = 0; f < 3; f++) {
        memory_sink out = {NULL, 0, 0};
        mvec_sink sink = {memory_write, &out};
        mvec_chart_options o = MVEC_CHART_OPTIONS_INIT;
        o.format = FORMATS[f].format;
        o.width = 600;
        o.height = 400;
        CHECK_STATUS(mvec_chart_triangle(ctx, (const mvec_trend *const *)trends, 3, scheme, &o,
                                         &sink),
                     MVEC_OK);
        CHECK(out.length > 1000 && out.data != NULL &&
              memcmp(out.data, FORMATS[f].magic, strlen(FORMATS[f].magic)) == 0);
        free(out.data);
    }
    /* a failing sink: MVEC_ERR_IO */
    memory_sink failing = {NULL, 0, 1};
    mvec_sink sink = {memory_write, &failing};
    CHECK_STATUS(mvec_chart_trend(ctx, (const mvec_trend *const *)trends, 3, scheme, NULL, &sink),
                 MVEC_ERR_IO);
    /* options out of range, or not made with the INIT macro */
    mvec_chart_options small = MVEC_CHART_OPTIONS_INIT;
    small.width = 100;
    CHECK_STATUS(mvec_chart_trend(ctx, (const mvec_trend *const *)trends, 1, scheme, &small,
                                  &sink),
                 MVEC_ERR_INVALID);
    small.size = 0;
    CHECK_STATUS(mvec_chart_trend(ctx, (const mvec_trend *const *)trends, 1, scheme, &small,
                                  &sink),
                 MVEC_ERR_INVALID);
done:
    for (size_t i = 0; i < 3; i++)
        mvec_trend_free(ctx, trends[i]);
}

/* Every allocation of a chart failing in turn: MVEC_ERR_NOMEM, nothing written, nothing
 * leaked, until it succeeds. */
static size_t fail_at, allocations;

static void *fail_one_realloc(void *user, void *ptr, size_t old_size, size_t new_size)
{
    (void)user;
    (void)old_size;
    if (new_size == 0) {
        free(ptr);
        return NULL;
    }
    if (++allocations == fail_at)
        return NULL;
    return realloc(ptr, new_size);
}

static void test_allocation_failures(void)
{
    mvec_trend *trends[3] = {bloc_trend("RUS-EAEU"), bloc_trend("CHN"), bloc_trend("WEST")};
    mvec_ctx *failing = mvec_ctx_new(fail_one_realloc, NULL);
    bool succeeded = false;
    for (fail_at = 1; fail_at < 200 && !succeeded && trends[2] != NULL; fail_at++) {
        allocations = 0;
        memory_sink out = {NULL, 0, 0};
        mvec_sink sink = {memory_write, &out};
        mvec_status status = mvec_chart_triangle(failing, (const mvec_trend *const *)trends, 3,
                                                 scheme, NULL, &sink);
        succeeded = status == MVEC_OK;
        if (!succeeded) {
            CHECK(status == MVEC_ERR_NOMEM);
            CHECK(out.length == 0);
        }
        CHECK(mvec_ctx_memory(failing).current_bytes == 0);
        free(out.data);
    }
    CHECK(succeeded);
    mvec_ctx_free(failing);
    for (size_t i = 0; i < 3; i++)
        mvec_trend_free(ctx, trends[i]);
}

/* Charts from two threads at once, each with its own context (PLplot runs under one lock):
 * every chart whole. */
typedef struct thread_job {
    const mvec_trend *const *trends;
    int failures;
} thread_job;

static void *draw_in_thread(void *user)
{
    thread_job *job = user;
    mvec_ctx *own = mvec_ctx_new(NULL, NULL);
    for (int i = 0; i < 3 && own != NULL; i++) {
        memory_sink out = {NULL, 0, 0};
        mvec_sink sink = {memory_write, &out};
        mvec_chart_options o = MVEC_CHART_OPTIONS_INIT;
        o.width = 400;
        o.height = 300;
        o.format = i == 1 ? MVEC_IMAGE_PNG : MVEC_IMAGE_SVG;
        if (mvec_chart_triangle(own, job->trends, 3, scheme, &o, &sink) != MVEC_OK ||
            out.length < 1000)
            job->failures++;
        free(out.data);
    }
    if (own == NULL || mvec_ctx_memory(own).current_bytes != 0)
        job->failures++;
    mvec_ctx_free(own);
    return NULL;
}

static void test_threads(void)
{
    mvec_trend *trends[3] = {bloc_trend("RUS-EAEU"), bloc_trend("CHN"), bloc_trend("WEST")};
    if (trends[0] != NULL && trends[1] != NULL && trends[2] != NULL) {
        thread_job jobs[2] = {{(const mvec_trend *const *)trends, 0},
                              {(const mvec_trend *const *)trends, 0}};
        pthread_t threads[2];
        for (int t = 0; t < 2; t++)
            CHECK(pthread_create(&threads[t], NULL, draw_in_thread, &jobs[t]) == 0);
        for (int t = 0; t < 2; t++) {
            pthread_join(threads[t], NULL);
            CHECK(jobs[t].failures == 0);
        }
    }
    for (size_t i = 0; i < 3; i++)
        mvec_trend_free(ctx, trends[i]);
}

int main(void)
{
    ctx = mvec_ctx_new(NULL, NULL);
    if (mvec_countries_open(ctx, NULL, &countries) != MVEC_OK ||
        mvec_bloc_scheme_builtin(ctx, countries, "powers", &scheme) != MVEC_OK ||
        mvec_observations_new(ctx, countries, &obs) != MVEC_OK ||
        mvec_observations_load_text(ctx, obs, "t.csv", DATA, strlen(DATA), NULL) != MVEC_OK) {
        fprintf(stderr, "%s\n", mvec_ctx_error_message(ctx));
        return 1;
    }
    test_ternary();
    test_triangle_model();
    test_trend_model();
    test_blocs_model();
    test_fan_model();
    test_network_model();
    test_sources_and_formats();
    test_render();
    test_allocation_failures();
    test_threads();
    mvec_observations_free(ctx, obs);
    mvec_bloc_scheme_free(ctx, scheme);
    mvec_countries_free(ctx, countries);
    CHECK(mvec_ctx_memory(ctx).current_bytes == 0);
    mvec_ctx_free(ctx);
    return test_report("test_chart");
}
