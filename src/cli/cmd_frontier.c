/*
 * cmd_frontier.c - mvec frontier: the most balanced distribution of one
 * vector reachable in N years under limits on how fast partners can fall or
 * grow and caps on groups of partners (mvec_frontier.h).
 */
#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "messages.h"
#include "names.h"
#include "session.h"

static const cli_option OPTION_VECTOR = {"vector",
                                         0,
                                         "VECTOR",
                                         CLI_TEXT,
                                         offsetof(cli_args, vector),
                                         "the vector to redistribute (default trade.exports)"};
static const cli_option OPTION_YEARS = {"years",
                                        0,
                                        "N",
                                        CLI_TEXT,
                                        offsetof(cli_args, years),
                                        "years over which volume may move, 1 to 100 (default 5)"};
static const cli_option OPTION_OBJECTIVE = {
    "objective",
    0,
    "hhi|balance",
    CLI_TEXT,
    offsetof(cli_args, objective),
    "hhi: lowest partner HHI (default); balance: highest balance among the great powers of "
    "the bloc scheme"};
static const cli_option OPTION_MAX_SHIFT = {
    "max-shift",
    0,
    "F",
    CLI_TEXT,
    offsetof(cli_args, max_shift),
    "largest yearly fall of a partner's value, a fraction from 0 to 1 (default 0.10)"};
static const cli_option OPTION_MAX_GROWTH = {
    "max-growth",
    0,
    "G",
    CLI_TEXT,
    offsetof(cli_args, max_growth),
    "largest yearly growth of a partner's value, a fraction from 0 to 100 (default 0.15)"};
static const cli_option OPTION_CAP = {
    "cap",
    0,
    "GROUP=ISO,ISO:AMOUNT[;...]",
    CLI_TEXT,
    offsetof(cli_args, cap),
    "groups of partners that may grow together by at most AMOUNT, in the vector's base unit "
    "(USD: 2.5e9 for USD 2.5 bn), e.g. the spare capacity of the routes to them; a negative "
    "AMOUNT makes the group shed at least that much"};

static const cli_option *const FRONTIER_OPTIONS[] = {
    &OPTION_VECTOR,     &CLI_OPTION_YEAR,        &OPTION_YEARS,
    &OPTION_OBJECTIVE,  &OPTION_MAX_SHIFT,       &OPTION_MAX_GROWTH,
    &OPTION_CAP,        &CLI_OPTION_NETWORK,     &CLI_OPTION_BASIS,       &CLI_OPTION_BLOCS,
    &CLI_OPTION_DATA,   &CLI_OPTION_NO_EMBEDDED, &CLI_OPTION_WORKSPACE,
    &CLI_OPTION_FORMAT, &CLI_OPTION_OUTPUT,      &CLI_OPTION_ISO_CODES,
    &CLI_OPTION_QUIET,  &CLI_OPTION_HELP,        NULL,
};

/* A number option: 0 and *out set, or 2 after printing why. */
static int number_option(const char *text, const char *name, double low, double high, double *out)
{
    if (text == NULL)
        return 0;
    char *end = NULL;
    double value = strtod(text, &end);
    if (text[0] == '\0' || *end != '\0' || !isfinite(value) || value < low || value > high) {
        cli_error("--%s: '%s' is not a number from %g to %g", name, text, low, high);
        cli_try_help("frontier");
        return 2;
    }
    *out = value;
    return 0;
}

/* The limits from the options: 0, or 2 after printing why. */
static int read_limits(mvec_ctx *ctx, const cli_args *args, mvec_frontier_limits *limits)
{
    double years = limits->years;
    int code = number_option(args->years, "years", 1, 100, &years);
    if (code == 0 && floor(years) < years) {
        cli_error("--years: '%s' is not a whole number of years", args->years);
        cli_try_help("frontier");
        code = 2;
    }
    limits->years = (int)years;
    if (code == 0)
        code = number_option(args->max_shift, "max-shift", 0, 1, &limits->max_shift);
    if (code == 0)
        code = number_option(args->max_growth, "max-growth", 0, 100, &limits->max_growth);
    if (code == 0 && args->objective != NULL &&
        mvec_frontier_objective_from_name(ctx, args->objective, &limits->objective) != MVEC_OK) {
        cli_error("--objective: %s", mvec_ctx_error_message(ctx));
        cli_try_help("frontier");
        code = 2;
    }
    return code;
}

/* ---- route caps: the spare capacity of the corridors ------------------------------------ */

/* The vector whose partners are the countries oil leaves through (tonnes). */
static const char ROUTES_VECTOR[] = "energy.export_routes";

typedef struct route_caps {
    mvec_frontier_group *groups; /* one per capped partner, then the user's */
    const char **members;        /* each group's one member: a code in `codes` */
    char (*names)[40];
    char (*codes)[16];           /* copies: the first frontier's strings go with it */
    size_t count;
} route_caps;

/* Capacity (known capacities only, mt/yr) of the oil corridors that run through `code` or
 * end in its market; NAN when the network does not reach it. */
static double capacity_via(mvec_ctx *ctx, const mvec_network *net, int year, const char *code)
{
    mvec_routes *all = NULL, *without = NULL;
    mvec_routes_options o = MVEC_ROUTES_OPTIONS_INIT;
    o.commodity = "oil";
    o.year = year;
    double via = NAN;
    if (mvec_routes_compute(ctx, net, &o, &all) == MVEC_OK) {
        const mvec_routes_commodity *c = mvec_routes_commodity_at(all, 0);
        for (size_t i = 0; c && i < c->market_count; i++)
            if (strcmp(c->markets[i].market, code) == 0)
                via = c->markets[i].capacity.lo;
        for (size_t i = 0; c && isnan(via) && i < c->transit_count; i++)
            if (strcmp(c->transit[i].country, code) == 0) {
                o.closed_transit = &code;
                o.closed_transit_count = 1;
                if (mvec_routes_compute(ctx, net, &o, &without) == MVEC_OK)
                    via = c->capacity.lo - mvec_routes_commodity_at(without, 0)->capacity_after.lo;
            }
    }
    mvec_routes_free(ctx, all);
    mvec_routes_free(ctx, without);
    return via;
}

/* Oil export routes (energy.export_routes, tonnes): each route country may grow by at most the
 * spare capacity the corridor network's known capacities leave through it (mt/yr x 1e6 less
 * its baseline). Returns 0, or an exit code after printing why. */
static int add_route_caps(cli_session *session, const cli_args *args, const char *country,
                          const mvec_frontier *plain, size_t user_groups, route_caps *caps)
{
    const mvec_frontier_summary *sum = mvec_frontier_result(plain);
    mvec_network *net = NULL;
    mvec_status status =
        args->network ? mvec_network_load_file(session->ctx, session->countries, args->network, &net)
                      : mvec_network_load_embedded(session->ctx, session->countries,
                                                   sum->country ? sum->country->code : country,
                                                   &net);
    if (status == MVEC_ERR_NO_DATA && args->network == NULL)
        return 0; /* no built-in network: no caps */
    if (status != MVEC_OK)
        return cli_fail(session->ctx, status);
    const char *unit = mvec_network_commodity_unit(net, "oil");
    int code = 0;
    if (unit == NULL || strcmp(unit, "mt/yr") != 0 || strcmp(sum->unit, "t") != 0) {
        cli_error("route caps need the network's oil in mt/yr and %s in tonnes", ROUTES_VECTOR);
        code = 1;
    }
    caps->groups = calloc(sum->partner_count + user_groups + 1, sizeof *caps->groups);
    caps->members = calloc(sum->partner_count + 1, sizeof *caps->members);
    caps->names = calloc(sum->partner_count + 1, sizeof *caps->names);
    caps->codes = calloc(sum->partner_count + 1, sizeof *caps->codes);
    if (code == 0 && (!caps->groups || !caps->members || !caps->names || !caps->codes)) {
        cli_error("out of memory");
        code = 1;
    }
    for (size_t i = 0; code == 0 && i < sum->partner_count; i++) {
        const mvec_frontier_partner *p = &sum->partners[i];
        double via = capacity_via(session->ctx, net, sum->year, p->code);
        if (isnan(via))
            continue;
        double spare = via * 1e6 - p->baseline;
        mvec_frontier_group *g = &caps->groups[caps->count];
        snprintf(caps->names[caps->count], sizeof caps->names[0], "routes-%s", p->code);
        snprintf(caps->codes[caps->count], sizeof caps->codes[0], "%s", p->code);
        caps->members[caps->count] = caps->codes[caps->count];
        g->name = caps->names[caps->count];
        g->member_count = 1;
        g->members = &caps->members[caps->count];
        g->cap = spare > 0 ? spare : 0;
        caps->count++;
    }
    mvec_network_free(session->ctx, net);
    return code;
}

static int run_frontier(const cli_command *command, cli_args *args)
{
    (void)command;
    cli_session session;
    mvec_frontier *frontier = NULL;
    mvec_frontier_group *groups = NULL;
    size_t group_count = 0;
    route_caps caps = {NULL, NULL, NULL, NULL, 0};
    const char *country_name = args->positional_count ? args->positional[0] : "KAZ";
    args->workspace_country = country_name;
    int code = cli_session_open(&session, args);
    mvec_frontier_limits limits = MVEC_FRONTIER_LIMITS_INIT;
    if (code == 0)
        code = read_limits(session.ctx, args, &limits);
    if (code == 0 && args->cap != NULL) {
        if (mvec_frontier_groups_parse(session.ctx, args->cap, &groups, &group_count) != MVEC_OK) {
            cli_error("--cap: %s", mvec_ctx_error_message(session.ctx));
            cli_try_help("frontier");
            code = 2;
        }
        limits.groups = groups;
        limits.group_count = group_count;
    }
    if (code == 0 && session.scheme_count > 1) {
        cli_error("--blocs takes one bloc scheme here");
        cli_try_help("frontier");
        code = 2;
    }
    const char *vector = args->vector ? args->vector : "trade.exports";
    if (code == 0) {
        const mvec_country *country = mvec_countries_find(session.countries, country_name);
        /* An unknown country is the library's to report. */
        if (country != NULL)
            code = cli_check_vector(session.observations, session.memberships, country, vector,
                                    args->vector ? CLI_VECTOR_NAMED : CLI_VECTOR_DEFAULT);
    }
    if (code == 0) {
        mvec_frontier_options options = MVEC_FRONTIER_OPTIONS_INIT;
        options.country = country_name;
        options.vector = vector;
        options.year = args->year;
        options.basis = args->basis;
        mvec_status status = mvec_frontier_build(session.ctx, session.observations, session.scheme,
                                                 &options, &limits, &frontier);
        /* oil routes: rebuild with each route country capped by its corridors' spare capacity */
        if (status == MVEC_OK && strcmp(vector, ROUTES_VECTOR) == 0) {
            code = add_route_caps(&session, args, country_name, frontier, group_count, &caps);
            if (code == 0 && caps.count > 0) {
                for (size_t i = 0; i < group_count; i++)
                    caps.groups[caps.count + i] = groups[i];
                limits.groups = caps.groups;
                limits.group_count = caps.count + group_count;
                mvec_frontier_free(session.ctx, frontier);
                frontier = NULL;
                status = mvec_frontier_build(session.ctx, session.observations, session.scheme,
                                             &options, &limits, &frontier);
            }
        }
        if (status == MVEC_OK && code == 0) {
            mvec_sink sink = cli_session_sink(&session);
            status = mvec_frontier_write(session.ctx, frontier, session.format, 0u, &sink);
        }
        if (status != MVEC_OK && session.write_errno == 0)
            code = cli_fail(session.ctx, status);
    }
    mvec_frontier_free(session.ctx, frontier);
    mvec_frontier_groups_free(session.ctx, groups);
    free(caps.groups);
    free(caps.members);
    free(caps.names);
    free(caps.codes);
    return cli_session_close(&session, code);
}

const cli_command CMD_FRONTIER = {
    .name = "frontier",
    .run = run_frontier,
    .brief = "the most balanced distribution reachable in N years",
    .usage = "[COUNTRY] [options]",
    .summary = "Find the most balanced distribution of one vector (the lowest partner HHI, or "
               "the highest balance among the great powers) that the country could reach in N "
               "years if each partner's value can fall and grow only so fast and groups of "
               "partners can grow only as far as the spare capacity of their routes, and show "
               "which partners would absorb or give up how much.",
    .description = "The distribution is the one `mvec shares` lists for the vector (the latest "
                   "year, or --year), with its total held fixed. Each partner may fall to "
                   "x (1 - F)^N and grow to x (1 + G)^N; a partner at 0 stays 0. An unlisted "
                   "remainder of known size is an unmovable block (the balance objective "
                   "refuses it: its blocs are unknown); conflicting values or a remainder of "
                   "unknown size are refused. Linear programmes in GLPK over tangent cuts of "
                   "the quadratic give the optimum as an interval [LP bound, value of the "
                   "distribution shown]. For energy.export_routes (oil exports by the country "
                   "they leave through, in tonnes) each route country is capped by the spare "
                   "capacity of the corridor network (--network, else the built-in one): the "
                   "known capacities of the links through it or to its market, less its volume "
                   "(a group 'routes-ISO3' per country). docs/methods.md section 17 gives the "
                   "model.",
    .options = FRONTIER_OPTIONS,
    .max_positional = 1,
    .examples = "  mvec frontier\n"
                "  mvec frontier --objective balance --years 10\n"
                "  mvec frontier KAZ --vector trade.imports --max-shift 0.05 --max-growth 0.2\n"
                "  mvec frontier --cap 'oil=ITA,NLD,FRA:2e9' --format json\n"
                "  mvec frontier --vector energy.export_routes   # capped by the corridors\n",
};
