/*
 * cmd_chart.c - mvec chart KIND: the charts of mvec_chart.h as SVG, PNG or
 * PDF. One row per kind in KINDS (name, what it draws, the options it takes,
 * the function that makes it); the options of every kind are one table, and
 * a kind refuses those it does not use.
 */
#include <errno.h>
#include <inttypes.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "messages.h"
#include "names.h"
#include "scenario_run.h"
#include "session.h"

enum { MAX_SERIES = 8, DEFAULT_FAN_PATHS = 1000 };

static const cli_option OPTION_CHART_FORMAT = {
    "format", 0, "FORMAT", CLI_TEXT, offsetof(cli_args, format),
    "svg, png or pdf (default: from the extension of -o, else svg)"};
static const cli_option OPTION_CHART_OUTPUT = {
    "output", 'o', "FILE", CLI_TEXT, offsetof(cli_args, output),
    "write the image to FILE (.svg, .png or .pdf; replaced only when the chart is drawn); "
    "required for png and pdf, svg goes to standard output without it"};
static const cli_option OPTION_WIDTH = {
    "width", 0, "N", CLI_TEXT, offsetof(cli_args, width),
    "width in pixels (png) or points (svg, pdf), 300-8000 (default 1200)"};
static const cli_option OPTION_HEIGHT = {
    "height", 0, "N", CLI_TEXT, offsetof(cli_args, height),
    "height likewise, 300-8000 (default 750)"};
static const cli_option OPTION_TITLE = {"title", 0, "TEXT", CLI_TEXT, offsetof(cli_args, title),
                                        "replace the chart's title"};
static const cli_option OPTION_SUBTITLE = {
    "subtitle", 0, "TEXT", CLI_TEXT, offsetof(cli_args, subtitle),
    "replace the line under the title (what the marks mean); '' for none"};
static const cli_option OPTION_CHART_VECTOR = {
    "vector", 0, "VECTOR", CLI_TEXT, offsetof(cli_args, vector),
    "blocs: only this vector; trend: the vector followed (required); triangle: the vector "
    "(default trade.total); fan: the vector of the default metrics (default trade.exports)"};
static const cli_option OPTION_CHART_PARTNER = {
    "partner", 0, "P,...", CLI_TEXT, offsetof(cli_args, partner),
    "trend: follow these partners' shares (codes or names, comma-separated, at most 8)"};
static const cli_option OPTION_CHART_BLOC = {
    "bloc", 0, "B,...", CLI_TEXT, offsetof(cli_args, bloc),
    "trend: follow these blocs' shares (blocs of the scheme, comma-separated, at most 8)"};
static const cli_option OPTION_CHART_BREAK = {
    "break", 0, "YEAR", CLI_YEAR, offsetof(cli_args, break_year),
    "trend: mark YEAR and test the first series for a break there (as mvec trend --break)"};
static const cli_option OPTION_CHART_YEAR = {
    "year", 0, "YEAR", CLI_YEAR, offsetof(cli_args, year),
    "blocs: the year (default: the latest per vector); network: each link's latest figures up "
    "to YEAR (default: the year the volumes cover best); fan: the base year"};
static const cli_option OPTION_METRIC = {
    "metric", 0, "M,...", CLI_TEXT, offsetof(cli_args, metric),
    "fan: the metrics drawn (comma-separated, at most 8, one unit; default: the great powers' "
    "shares of the --vector, e.g. trade.exports.share.CHN)"};
static const cli_option OPTION_CHART_PATHS = {
    "paths", 0, "N", CLI_TEXT, offsetof(cli_args, paths),
    "fan: Monte Carlo paths, 1-1000000 (default 1000)"};
static const cli_option OPTION_CHART_SEED = {"seed", 0, "S", CLI_TEXT, offsetof(cli_args, seed),
                                             "fan: seed of the random shocks (default 1)"};
static const cli_option OPTION_CHART_YEARS = {
    "years", 0, "N", CLI_TEXT, offsetof(cli_args, years),
    "fan: years simulated after the base year, 1-100 (default: the script's, else 10)"};
static const cli_option OPTION_CHART_CLOSE = {
    "close", 0, "LINK", CLI_TEXT_LIST, offsetof(cli_args, close),
    "network: draw this link as closed (repeatable)"};
static const cli_option OPTION_CHART_WITHOUT_TRANSIT = {
    "without-transit", 0, "ISO", CLI_TEXT_LIST, offsetof(cli_args, without_transit),
    "network: draw every link crossing this country as closed (repeatable)"};
static const cli_option OPTION_CHART_COMMODITY = {
    "commodity", 0, "NAME", CLI_TEXT, offsetof(cli_args, commodity),
    "network: only this commodity's links (oil, gas, freight; default: all)"};

static const cli_option *const CHART_OPTIONS[] = {
    &OPTION_CHART_OUTPUT,  &OPTION_CHART_FORMAT,  &OPTION_WIDTH,
    &OPTION_HEIGHT,        &OPTION_TITLE,         &OPTION_SUBTITLE,
    &OPTION_CHART_VECTOR,  &OPTION_CHART_PARTNER, &OPTION_CHART_BLOC,
    &OPTION_CHART_BREAK,   &OPTION_CHART_YEAR,    &CLI_OPTION_WEIGHTS,
    &OPTION_METRIC,        &OPTION_CHART_PATHS,   &OPTION_CHART_SEED,
    &OPTION_CHART_YEARS,   &OPTION_CHART_CLOSE,   &OPTION_CHART_WITHOUT_TRANSIT,
    &OPTION_CHART_COMMODITY, &CLI_OPTION_NETWORK, &CLI_OPTION_BLOCS,
    &CLI_OPTION_DATA,      &CLI_OPTION_NO_EMBEDDED, &CLI_OPTION_WORKSPACE,
    &CLI_OPTION_ISO_CODES, &CLI_OPTION_QUIET,     &CLI_OPTION_HELP,
    NULL,
};

/* Options every kind takes. */
static const char *const COMMON_OPTIONS[] = {
    "output", "format", "width", "height", "title", "subtitle", "blocs", "data",
    "no-embedded", "workspace", "iso-codes", "quiet", "help", NULL,
};

/* What a kind's function gets: the session (data loaded), the command line,
 * the chart options and the sink. Returns the exit code (0 when drawn). */
typedef int (*chart_fn)(cli_session *session, const cli_args *args,
                        const mvec_chart_options *options, const mvec_sink *sink);

typedef struct chart_kind {
    const char *name;
    const char *brief;
    const char *positional;           /* what follows KIND, for the help */
    size_t max_positional;            /* after KIND */
    bool countries_only;              /* no observations needed */
    const char *const *options;       /* names of the options it takes besides the common ones */
    chart_fn draw;
} chart_kind;

/* ---- helpers --------------------------------------------------------------------------- */

/* Split "a,b,c" into at most `capacity` items (pointers into `buffer`). */
static size_t split_list(const char *text, char *buffer, size_t size, const char **items,
                         size_t capacity)
{
    snprintf(buffer, size, "%s", text);
    size_t count = 0;
    char *save = NULL;
    for (char *item = strtok_r(buffer, ",", &save); item != NULL && count < capacity + 1;
         item = strtok_r(NULL, ",", &save))
        if (item[0] != '\0') {
            if (count < capacity)
                items[count] = item;
            count++;
        }
    return count;
}

static int draw_failed(cli_session *session, mvec_status status)
{
    return session->write_errno != 0 ? 1 : cli_fail(session->ctx, status);
}

static const char *country_argument(const cli_args *args)
{
    return args->positional_count > 1 ? args->positional[1] : "KAZ";
}

/* ---- the kinds --------------------------------------------------------------------------- */

static int chart_blocs(cli_session *session, const cli_args *args,
                       const mvec_chart_options *options, const mvec_sink *sink)
{
    mvec_profile *profile = NULL;
    mvec_profile_options profile_options = MVEC_PROFILE_OPTIONS_INIT;
    profile_options.country = country_argument(args);
    profile_options.year = args->year;
    profile_options.weights = args->weights;
    profile_options.vector = args->vector;
    const mvec_country *country = mvec_countries_find(session->countries, country_argument(args));
    int code = 0;
    if (country != NULL && args->vector != NULL)
        code = cli_check_vector(session->observations, session->memberships, country, args->vector,
                                CLI_VECTOR_NAMED);
    if (code == 0 && country != NULL && args->weights != NULL)
        code = cli_check_weights(session->observations, session->memberships, country,
                                 args->weights);
    if (code != 0)
        return code;
    mvec_status status = mvec_profile_build(session->ctx, session->observations, session->scheme,
                                            session->memberships, &profile_options, &profile);
    if (status == MVEC_OK)
        code = cli_check_profile(profile, session->observations, args, args->vector);
    if (status == MVEC_OK && code == 0)
        status = mvec_chart_blocs(session->ctx, profile, options, sink);
    if (status != MVEC_OK)
        code = draw_failed(session, status);
    mvec_profile_free(session->ctx, profile);
    return code;
}

/* One trend per item of `list` (partners or blocs). */
static int build_trends(cli_session *session, const cli_args *args, const char *vector,
                        const char *const *partners, const char *const *blocs, size_t count,
                        int break_year, mvec_trend **trends)
{
    for (size_t i = 0; i < count; i++) {
        mvec_trend_options trend_options = MVEC_TREND_OPTIONS_INIT;
        trend_options.country = country_argument(args);
        trend_options.vector = vector;
        trend_options.partner = partners != NULL ? partners[i] : NULL;
        trend_options.bloc = blocs != NULL ? blocs[i] : NULL;
        trend_options.break_year = i == 0 ? break_year : 0;
        mvec_status status = mvec_trend_build(session->ctx, session->observations, session->scheme,
                                              session->memberships, &trend_options, &trends[i]);
        if (status != MVEC_OK)
            return draw_failed(session, status);
    }
    return 0;
}

static int chart_trend(cli_session *session, const cli_args *args,
                       const mvec_chart_options *options, const mvec_sink *sink)
{
    if (args->vector == NULL || (args->partner == NULL) == (args->bloc == NULL)) {
        cli_error(args->vector == NULL ? "'chart trend' needs --vector"
                                       : "'chart trend' needs --partner or --bloc (not both)");
        cli_try_help("chart");
        return 2;
    }
    char buffer[1024];
    const char *items[MAX_SERIES];
    size_t count = split_list(args->partner ? args->partner : args->bloc, buffer, sizeof buffer,
                              items, MAX_SERIES);
    if (count == 0 || count > MAX_SERIES) {
        cli_error("--%s takes 1 to %d names separated by commas", args->partner ? "partner" : "bloc",
                  MAX_SERIES);
        cli_try_help("chart");
        return 2;
    }
    const mvec_country *country = mvec_countries_find(session->countries, country_argument(args));
    int code = country != NULL ? cli_check_vector(session->observations, session->memberships,
                                                  country, args->vector, CLI_VECTOR_NAMED)
                               : 0;
    mvec_trend *trends[MAX_SERIES] = {NULL};
    if (code == 0)
        code = build_trends(session, args, args->vector, args->partner ? items : NULL,
                            args->bloc ? items : NULL, count, args->break_year, trends);
    if (code == 0) {
        mvec_status status = mvec_chart_trend(session->ctx, (const mvec_trend *const *)trends,
                                              count, session->scheme, options, sink);
        if (status != MVEC_OK)
            code = draw_failed(session, status);
    }
    for (size_t i = 0; i < count; i++)
        mvec_trend_free(session->ctx, trends[i]);
    return code;
}

static int chart_triangle(cli_session *session, const cli_args *args,
                          const mvec_chart_options *options, const mvec_sink *sink)
{
    const char *vector = args->vector != NULL ? args->vector : "trade.total";
    const mvec_country *country = mvec_countries_find(session->countries, country_argument(args));
    int code = country != NULL
                   ? cli_check_vector(session->observations, session->memberships, country, vector,
                                      args->vector ? CLI_VECTOR_NAMED : CLI_VECTOR_DEFAULT)
                   : 0;
    const char *powers[MVEC_GREAT_POWER_LIMIT];
    size_t count = 0;
    for (size_t b = 0; b < mvec_bloc_count(session->scheme); b++)
        if (mvec_bloc_is_great_power(session->scheme, b) && count < MVEC_GREAT_POWER_LIMIT)
            powers[count++] = mvec_bloc_name(session->scheme, b);
    mvec_trend *trends[MVEC_GREAT_POWER_LIMIT] = {NULL};
    /* With other than three great powers the library says so, naming them. */
    if (code == 0 && count == 3)
        code = build_trends(session, args, vector, NULL, powers, count, 0, trends);
    if (code == 0) {
        mvec_status status = mvec_chart_triangle(session->ctx, (const mvec_trend *const *)trends,
                                                 count, session->scheme, options, sink);
        if (status != MVEC_OK)
            code = draw_failed(session, status);
    }
    for (size_t i = 0; i < count; i++)
        mvec_trend_free(session->ctx, trends[i]);
    return code;
}

static int chart_fan(cli_session *session, const cli_args *args,
                     const mvec_chart_options *options, const mvec_sink *sink)
{
    mvec_simulate_options sim_options = MVEC_SIMULATE_OPTIONS_INIT;
    if (args->positional_count != 2) {
        cli_error("'chart fan' takes one scenario script, e.g. mvec chart fan "
                  "scenarios/squeezed.lua -o fan.png");
        cli_try_help("chart");
        return 2;
    }
    if (cli_simulate_options(args, "chart", &sim_options) != 0)
        return 2;
    if (args->paths == NULL)
        sim_options.paths = DEFAULT_FAN_PATHS;
    char metric_buffer[1024];
    const char *metrics[MAX_SERIES];
    size_t metric_count = 0;
    char default_metrics[MAX_SERIES][128];
    if (args->metric != NULL) {
        metric_count = split_list(args->metric, metric_buffer, sizeof metric_buffer, metrics,
                                  MAX_SERIES);
        if (metric_count == 0 || metric_count > MAX_SERIES) {
            cli_error("--metric takes 1 to %d metric names separated by commas", MAX_SERIES);
            cli_try_help("chart");
            return 2;
        }
    } else {
        const char *vector = args->vector != NULL ? args->vector : "trade.exports";
        for (size_t b = 0; b < mvec_bloc_count(session->scheme) && metric_count < MAX_SERIES; b++)
            if (mvec_bloc_is_great_power(session->scheme, b)) {
                snprintf(default_metrics[metric_count], sizeof default_metrics[0], "%s.share.%s",
                         vector, mvec_bloc_name(session->scheme, b));
                metrics[metric_count] = default_metrics[metric_count];
                metric_count++;
            }
    }
    size_t length = 0;
    char *script = cli_read_script(args->positional[1], &length);
    if (script == NULL)
        return 1;
    mvec_network *network = NULL;
    mvec_simulation *sim = NULL;
    mvec_status status = cli_network_load(session, args, "KAZ", &network);
    if (status == MVEC_OK)
        status = mvec_simulate(session->ctx, session->observations, session->scheme, network,
                               args->positional[1], script, length, &sim_options, &sim);
    if (status == MVEC_OK)
        status = mvec_chart_fan(session->ctx, sim, metrics, metric_count, session->scheme,
                                options, sink);
    int code = status == MVEC_OK ? 0 : draw_failed(session, status);
    mvec_simulation_free(session->ctx, sim);
    mvec_network_free(session->ctx, network);
    free(script);
    return code;
}

/* 0 when every --close id, --without-transit code and --commodity is the network's; else
 * "unknown link 'x'; did you mean 'y'?" with the valid names, and 2. */
static int check_network_names(const mvec_network *net, const cli_args *args)
{
    enum { MAX_NAMES = 256 };
    const char *names[MAX_NAMES];
    size_t count = 0;
    for (size_t i = 0; i < args->close.count; i++) {
        if (mvec_network_find(net, args->close.items[i]) != SIZE_MAX)
            continue;
        for (size_t l = 0; l < mvec_network_link_count(net) && count < MAX_NAMES; l++)
            names[count++] = mvec_network_link_at(net, l)->id;
        cli_unknown_name("link", args->close.items[i], " in --close", names, count);
        cli_try_help("chart");
        return 2;
    }
    for (size_t i = 0; i < args->without_transit.count; i++) {
        bool crossed = false;
        for (size_t l = 0; l < mvec_network_link_count(net) && !crossed; l++)
            crossed = mvec_network_link_transits(net, l, args->without_transit.items[i]);
        if (crossed)
            continue;
        for (size_t r = 0; r < mvec_network_row_count(net); r++) {
            const mvec_network_link *row = mvec_network_row_at(net, r);
            for (size_t t = 0; t < row->transit_count && count < MAX_NAMES; t++) {
                size_t k = 0;
                while (k < count && strcmp(names[k], row->transit[t]) != 0)
                    k++;
                if (k == count)
                    names[count++] = row->transit[t];
            }
        }
        cli_unknown_name("transit country code", args->without_transit.items[i],
                         " in --without-transit", names, count);
        cli_try_help("chart");
        return 2;
    }
    if (args->commodity != NULL && mvec_network_commodity_unit(net, args->commodity) == NULL) {
        for (size_t c = 0; c < mvec_network_commodity_count(net) && count < MAX_NAMES; c++)
            names[count++] = mvec_network_commodity_at(net, c);
        const char *suggestion = cli_closest_name(args->commodity, names, count);
        if (suggestion != NULL)
            cli_error("unknown commodity '%s'; did you mean '%s'?", args->commodity, suggestion);
        else
            cli_error("unknown commodity '%s'", args->commodity);
        char list[512] = "";
        size_t used = 0;
        for (size_t i = 0; i < count && used + 64 < sizeof list; i++)
            used += (size_t)snprintf(list + used, sizeof list - used, "%s%s", i ? ", " : "",
                                     names[i]);
        cli_note("commodities of the network: %s", list);
        cli_try_help("chart");
        return 2;
    }
    return 0;
}

static int chart_network(cli_session *session, const cli_args *args,
                         const mvec_chart_options *options, const mvec_sink *sink)
{
    mvec_network *net = NULL;
    const char *country = args->positional_count > 1 ? args->positional[1] : NULL;
    const mvec_country *c = country != NULL ? mvec_countries_find(session->countries, country)
                                            : NULL;
    if (country != NULL && c == NULL) {
        cli_error("unknown country '%s'", country);
        cli_try_help("chart");
        return 2;
    }
    mvec_status status =
        args->network != NULL
            ? mvec_network_load_file(session->ctx, session->countries, args->network, &net)
            : mvec_network_load_embedded(session->ctx, session->countries,
                                         c != NULL ? c->code : "KAZ", &net);
    if (status == MVEC_ERR_NO_DATA) {
        cli_error("%s", mvec_ctx_error_message(session->ctx));
        cli_note("give one with --network FILE");
        return cli_exit_code(status);
    }
    int code = 0;
    if (status != MVEC_OK)
        code = cli_fail(session->ctx, status);
    if (code == 0)
        code = check_network_names(net, args);
    if (code == 0) {
        mvec_routes_options routes = MVEC_ROUTES_OPTIONS_INIT;
        routes.commodity = args->commodity;
        routes.year = args->year ? args->year : mvec_network_best_year(net, NULL, 0);
        routes.closed_links = args->close.items;
        routes.closed_link_count = args->close.count;
        routes.closed_transit = args->without_transit.items;
        routes.closed_transit_count = args->without_transit.count;
        status = mvec_chart_network(session->ctx, net, &routes, options, sink);
        if (status != MVEC_OK)
            code = draw_failed(session, status);
    }
    mvec_network_free(session->ctx, net);
    return code;
}

/* ---- the kinds table --------------------------------------------------------------------- */

static const char *const BLOCS_OPTIONS[] = {"year", "vector", "weights", NULL};
static const char *const TREND_OPTIONS[] = {"vector", "partner", "bloc", "break", NULL};
static const char *const TRIANGLE_OPTIONS[] = {"vector", NULL};
static const char *const FAN_OPTIONS[] = {"metric", "vector", "paths", "seed",
                                          "years",  "year",   "network", NULL};
static const char *const NETWORK_OPTIONS[] = {"close", "without-transit", "commodity", "year",
                                              "network", NULL};

static const chart_kind KINDS[] = {
    {"blocs", "each vector's bloc shares with their ranges, and the composite", "[COUNTRY]", 1,
     false, BLOCS_OPTIONS, chart_blocs},
    {"trend", "partner or bloc shares over the years, bands for ranges, the break year",
     "[COUNTRY]", 1, false, TREND_OPTIONS, chart_trend},
    {"triangle", "the balance triangle: each year's shares of the three great powers",
     "[COUNTRY]", 1, false, TRIANGLE_OPTIONS, chart_triangle},
    {"fan", "a scenario's median and 5th-95th percentile band by year", "SCRIPT.lua", 1, false,
     FAN_OPTIONS, chart_fan},
    {"network", "the export corridors on a map: capacities, closed links", "[COUNTRY]", 1, true,
     NETWORK_OPTIONS, chart_network},
};

enum { KIND_COUNT = sizeof KINDS / sizeof KINDS[0] };

static bool listed(const char *const *names, const char *name)
{
    for (; *names != NULL; names++)
        if (strcmp(*names, name) == 0)
            return true;
    return false;
}

/* Whether the option was given (its field differs from the zero default). */
static bool option_given(const cli_args *args, const cli_option *option)
{
    const char *field = (const char *)args + option->offset;
    switch (option->kind) {
    case CLI_FLAG:
        return *(const bool *)(const void *)field;
    case CLI_TEXT:
        return *(const char *const *)(const void *)field != NULL;
    case CLI_YEAR:
        return *(const int *)(const void *)field != 0;
    case CLI_FILE_LIST:
        return args->data_file_count > 0;
    case CLI_YEAR_PAIR:
        return ((const int *)(const void *)field)[0] != 0;
    case CLI_TEXT_LIST:
        return ((const cli_text_list *)(const void *)field)->count > 0;
    }
    return false;
}

static int check_kind_options(const chart_kind *kind, const cli_args *args)
{
    for (const cli_option *const *o = CHART_OPTIONS; *o != NULL; o++) {
        if (!option_given(args, *o) || listed(COMMON_OPTIONS, (*o)->name) ||
            listed(kind->options, (*o)->name))
            continue;
        cli_error("'chart %s' does not take --%s", kind->name, (*o)->name);
        cli_try_help("chart");
        return 2;
    }
    if (args->positional_count - 1 > kind->max_positional) {
        cli_error("unexpected argument '%s' for 'chart %s'", args->positional[kind->max_positional + 1],
                  kind->name);
        cli_try_help("chart");
        return 2;
    }
    return 0;
}

static const chart_kind *find_kind(const char *name)
{
    for (size_t i = 0; i < KIND_COUNT; i++)
        if (strcmp(KINDS[i].name, name) == 0)
            return &KINDS[i];
    const char *names[KIND_COUNT];
    for (size_t i = 0; i < KIND_COUNT; i++)
        names[i] = KINDS[i].name;
    cli_unknown_name("chart kind", name, "", names, KIND_COUNT);
    cli_try_help("chart");
    return NULL;
}

/* Format and size from the command line; 0 or 2 after the message. */
static int chart_options(mvec_ctx *ctx, const char *format_name, const cli_args *args,
                         mvec_chart_options *options)
{
    mvec_image_format from_name = MVEC_IMAGE_SVG, from_path = MVEC_IMAGE_SVG;
    if (format_name != NULL && mvec_image_format_from_name(ctx, format_name, &from_name) != MVEC_OK) {
        cli_error("unknown chart format '%s' (svg, png or pdf)", format_name);
        cli_try_help("chart");
        return 2;
    }
    if (args->output != NULL && mvec_image_format_from_path(ctx, args->output, &from_path) != MVEC_OK &&
        format_name == NULL) {
        cli_error("%s", mvec_ctx_error_message(ctx));
        cli_note("or name the format with --format svg|png|pdf");
        cli_try_help("chart");
        return 2;
    }
    options->format = format_name != NULL ? from_name
                      : args->output != NULL ? from_path
                                             : MVEC_IMAGE_SVG;
    if (format_name != NULL && args->output != NULL &&
        mvec_image_format_from_path(ctx, args->output, &from_path) == MVEC_OK &&
        from_path != from_name) {
        cli_error("--format %s does not match the name '%s'", format_name, args->output);
        cli_try_help("chart");
        return 2;
    }
    if (args->output == NULL && options->format != MVEC_IMAGE_SVG) {
        cli_error("a %s chart is binary: write it to a file with -o FILE.%s",
                  mvec_image_format_name(options->format), mvec_image_format_name(options->format));
        cli_try_help("chart");
        return 2;
    }
    uint64_t number = 0;
    if (args->width != NULL) {
        if (!cli_whole_number("chart", "width", args->width, MVEC_CHART_MIN_SIZE, MVEC_CHART_MAX_SIZE, &number))
            return 2;
        options->width = (int)number;
    }
    if (args->height != NULL) {
        if (!cli_whole_number("chart", "height", args->height, MVEC_CHART_MIN_SIZE, MVEC_CHART_MAX_SIZE,
                          &number))
            return 2;
        options->height = (int)number;
    }
    options->title = args->title;
    options->subtitle = args->subtitle;
    return 0;
}

static int run_chart(const cli_command *command, cli_args *args)
{
    (void)command;
    if (args->positional_count == 0) {
        cli_error("'chart' needs a kind: blocs, trend, triangle, fan or network");
        cli_try_help("chart");
        return 2;
    }
    const chart_kind *kind = find_kind(args->positional[0]);
    if (kind == NULL)
        return 2;
    int code = check_kind_options(kind, args);
    if (code != 0)
        return code;
    /* --format names an image format here, not the table formats the session knows. */
    const char *format_name = args->format;
    args->format = NULL;
    mvec_chart_options options = MVEC_CHART_OPTIONS_INIT;
    mvec_ctx *ctx = cli_ctx_new(args);
    if (ctx == NULL)
        return 1;
    code = chart_options(ctx, format_name, args, &options);
    mvec_ctx_free(ctx);
    if (code != 0)
        return code;

    cli_session session;
    args->countries_only = kind->countries_only;
    if (strcmp(kind->name, "fan") != 0)
        args->workspace_country = country_argument(args);
    else
        args->workspace_country = "KAZ";
    code = cli_session_open(&session, args);
    if (code == 0) {
        mvec_sink sink = cli_session_sink(&session);
        code = kind->draw(&session, args, &options, &sink);
    }
    return cli_session_close(&session, code);
}

static void print_kinds(FILE *out)
{
    fprintf(out, "\nkinds:\n");
    for (size_t i = 0; i < KIND_COUNT; i++) {
        char head[64];
        snprintf(head, sizeof head, "%s %s", KINDS[i].name, KINDS[i].positional);
        fprintf(out, "  %-22s %s\n", head, KINDS[i].brief);
        char line[512] = "";
        size_t used = 0;
        for (const char *const *o = KINDS[i].options; *o != NULL; o++)
            used += (size_t)snprintf(line + used, sizeof line - used, "%s--%s",
                                     used ? ", " : "", *o);
        fprintf(out, "  %-22s options: %s\n", "", line);
    }
}

const cli_command CMD_CHART = {
    .name = "chart",
    .run = run_chart,
    .brief = "charts as SVG, PNG or PDF: blocs, trend, triangle, fan, network",
    .usage = "KIND [COUNTRY | SCRIPT.lua] [options] -o FILE.{svg,png,pdf}",
    .summary = "Draw one of mvec's results as a chart for publication: a title, axis labels "
               "with units, a legend, the sources of the numbers at the bottom, and each bloc in "
               "the same colour in every chart (Okabe-Ito, safe for colour-blind readers).",
    .description =
        "Ranges (intervals) are drawn as they are printed: bars from the lower to the upper end "
        "(blocs), bands (trend, fan) and regions (triangle); docs/methods.md, section \"Charts\", "
        "says how, and how the triangle normalises the three great powers' shares. The format "
        "comes from -o's extension or --format; png and pdf need -o. Drawn by PLplot's cairo "
        "drivers; the file is replaced only when the chart is complete.",
    .options = CHART_OPTIONS,
    .max_positional = 2,
    .examples = "  mvec chart blocs -o blocs.png\n"
                "  mvec chart trend --vector trade.exports --bloc RUS-EAEU,CHN,WEST -o trend.svg\n"
                "  mvec chart triangle --vector trade.total -o triangle.pdf\n"
                "  mvec chart fan scenarios/squeezed.lua --paths 2000 -o fan.png\n"
                "  mvec chart network --close cpc-rus --year 2023 -o network.png\n",
    .print_more_help = print_kinds,
};
