/*
 * cmd_routes.c - mvec routes: a country's export corridors per commodity:
 * max-flow to each market, destination and transit dependence, and with
 * --close / --without-transit the stranded and rerouted volume and the
 * cheapest rerouting plan (mvec_network.h; docs/methods.md, "Corridors:
 * capacity, transit and rerouting").
 */
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "commands.h"
#include "messages.h"
#include "names.h"
#include "session.h"

static const cli_option OPTION_CLOSE = {
    "close",
    0,
    "LINK",
    CLI_TEXT_LIST,
    offsetof(cli_args, close),
    "close the link with this id (repeatable): its capacity and volume are lost and the volume "
    "is rerouted where capacity is left"};
static const cli_option OPTION_WITHOUT_TRANSIT = {
    "without-transit",
    0,
    "ISO",
    CLI_TEXT_LIST,
    offsetof(cli_args, without_transit),
    "close every link crossing this country in transit (repeatable)"};
static const cli_option OPTION_ROUTES_YEAR = {
    "year",
    0,
    "YEAR",
    CLI_YEAR,
    offsetof(cli_args, year),
    "each link's figures of its latest year up to YEAR (default: the year whose rows give the most "
    "volumes, the latest of equals)"};
static const cli_option OPTION_COMMODITY = {
    "commodity",
    0,
    "NAME",
    CLI_TEXT,
    offsetof(cli_args, commodity),
    "only this commodity (oil, gas, freight, ...; default: each)"};
static const cli_option *const ROUTES_OPTIONS[] = {
    &OPTION_CLOSE,
    &OPTION_WITHOUT_TRANSIT,
    &OPTION_ROUTES_YEAR,
    &OPTION_COMMODITY,
    &CLI_OPTION_NETWORK,
    &CLI_OPTION_FORMAT,
    &CLI_OPTION_OUTPUT,
    &CLI_OPTION_ISO_CODES,
    &CLI_OPTION_QUIET,
    &CLI_OPTION_HELP,
    NULL,
};

/* "unknown link 'a-ue' in --close; did you mean 'a-eu'?", the valid names, the help hint;
 * returns 2. */
static int unknown(const char *what, const char *plural, const char *option, const char *wrong,
                   const char *const *names, size_t count)
{
    const char *suggestion = cli_closest_name(wrong, names, count);
    if (suggestion != NULL)
        cli_error("unknown %s '%s'%s; did you mean '%s'?", what, wrong, option, suggestion);
    else
        cli_error("unknown %s '%s'%s", what, wrong, option);
    char list[2048] = "";
    size_t used = 0;
    for (size_t i = 0; i < count && used + 64 < sizeof list; i++)
        used += (size_t)snprintf(list + used, sizeof list - used, "%s%s", i ? ", " : "", names[i]);
    cli_note("%s of the network: %s", plural, list);
    cli_try_help("routes");
    return 2;
}

/* 0 when every --close id is a link of the network; else the did-you-mean and 2. */
static int check_links(const mvec_network *net, const cli_args *args)
{
    for (size_t i = 0; i < args->close.count; i++) {
        if (mvec_network_find(net, args->close.items[i]) != SIZE_MAX)
            continue;
        enum { MAX_NAMES = 256 };
        const char *names[MAX_NAMES];
        size_t count = 0;
        for (size_t l = 0; l < mvec_network_link_count(net) && count < MAX_NAMES; l++)
            names[count++] = mvec_network_link_at(net, l)->id;
        return unknown("link", "links", " in --close", args->close.items[i], names, count);
    }
    for (size_t i = 0; i < args->without_transit.count; i++) {
        const char *code = args->without_transit.items[i];
        bool found = false;
        for (size_t l = 0; l < mvec_network_link_count(net) && !found; l++)
            found = mvec_network_link_transits(net, l, code);
        if (found)
            continue;
        enum { MAX_CODES = 64 };
        const char *codes[MAX_CODES];
        size_t count = 0;
        for (size_t r = 0; r < mvec_network_row_count(net); r++) {
            const mvec_network_link *row = mvec_network_row_at(net, r);
            for (size_t t = 0; t < row->transit_count && count < MAX_CODES; t++) {
                size_t k = 0;
                while (k < count && strcmp(codes[k], row->transit[t]) != 0)
                    k++;
                if (k == count)
                    codes[count++] = row->transit[t];
            }
        }
        return unknown("transit country", "transit countries", " in --without-transit", code, codes,
                       count);
    }
    return 0;
}

static int run_routes(const cli_command *command, cli_args *args)
{
    (void)command;
    cli_session session;
    mvec_network *net = NULL;
    mvec_routes *routes = NULL;
    args->countries_only = true;
    int code = cli_session_open(&session, args);
    const char *country = args->positional_count > 0 ? args->positional[0] : NULL;
    const mvec_country *c = NULL;
    if (code == 0 && country != NULL) {
        c = mvec_countries_find(session.countries, country);
        if (c == NULL) {
            cli_error("unknown country '%s'", country);
            cli_try_help("routes");
            code = 2;
        }
    }
    if (code == 0) {
        mvec_status status =
            args->network != NULL
                ? mvec_network_load_file(session.ctx, session.countries, args->network, &net)
                : mvec_network_load_embedded(session.ctx, session.countries,
                                             c != NULL ? c->code : "KAZ", &net);
        if (status == MVEC_ERR_NO_DATA) {
            cli_error("%s", mvec_ctx_error_message(session.ctx));
            cli_note("give one with --network FILE");
            code = cli_exit_code(status);
        } else if (status != MVEC_OK) {
            code = cli_fail(session.ctx, status);
        }
    }
    if (code == 0 && c != NULL && strcmp(c->code, mvec_network_country(net)) != 0) {
        cli_error("the network %s describes %s's exports, not %s's", mvec_network_name(net),
                  mvec_network_country(net), c->code);
        cli_try_help("routes");
        code = 2;
    }
    if (code == 0 && args->commodity != NULL &&
        mvec_network_commodity_unit(net, args->commodity) == NULL) {
        const char *names[64];
        size_t count = 0;
        for (size_t i = 0; i < mvec_network_commodity_count(net) && count < 64; i++)
            names[count++] = mvec_network_commodity_at(net, i);
        code = unknown("commodity", "commodities", "", args->commodity, names, count);
    }
    if (code == 0)
        code = check_links(net, args);
    if (code == 0) {
        mvec_routes_options options = MVEC_ROUTES_OPTIONS_INIT;
        options.commodity = args->commodity;
        /* without --year: the year the network's volumes cover best */
        options.year = args->year ? args->year : mvec_network_best_year(net, NULL, 0);
        options.closed_links = args->close.items;
        options.closed_link_count = args->close.count;
        options.closed_transit = args->without_transit.items;
        options.closed_transit_count = args->without_transit.count;
        mvec_status status = mvec_routes_compute(session.ctx, net, &options, &routes);
        if (status == MVEC_OK) {
            mvec_sink sink = cli_session_sink(&session);
            status = mvec_routes_write(session.ctx, routes, session.format, &sink);
        }
        if (status != MVEC_OK && session.write_errno == 0)
            code = cli_fail(session.ctx, status);
    }
    mvec_routes_free(session.ctx, routes);
    mvec_network_free(session.ctx, net);
    return cli_session_close(&session, code);
}

const cli_command CMD_ROUTES = {
    .name = "routes",
    .run = run_routes,
    .brief = "export corridors: capacity to each market, transit dependence, closures",
    .usage = "[COUNTRY] [options]",
    .summary = "A country's export corridors per commodity: the maximum capacity to each "
               "destination market (max-flow), the share of capacity and of actual volume that "
               "reaches each market and that transits each country, and, when links close, the "
               "volume kept, rerouted and stranded, with the cheapest rerouting plan.",
    .description =
        "COUNTRY (default KAZ) selects the built-in network; --network FILE reads another "
        "(docs/formats.md). Unknown capacities make every figure an interval: low with them "
        "at 0 (or at the volume the link carried), high with them unlimited, which may leave "
        "the max-flow unbounded. Transit dependence is kept apart from destination dependence: "
        "a country's share of capacity is what the max-flow loses without the links crossing "
        "it. The plan is a min-cost flow (GLPK) over known capacities, priced only where "
        "costs are known. docs/methods.md gives the formulas.",
    .options = ROUTES_OPTIONS,
    .max_positional = 1,
    .examples = "  mvec routes --network tests/data/network_costs.csv\n"
                "  mvec routes --network tests/data/network_costs.csv --without-transit RUS\n"
                "  mvec routes --network tests/data/network_diamond.csv --close a-eu --format "
                "json\n",
};
