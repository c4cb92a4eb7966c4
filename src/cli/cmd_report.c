/*
 * cmd_report.c - mvec report: one self-contained HTML file with the profile,
 * the great powers' shares over the years and the balance triangle, the
 * claim checks, scenario results and every source (mvec_report.h).
 */
#include <stddef.h>
#include <stdlib.h>

#include "commands.h"
#include "messages.h"
#include "names.h"
#include "scenario_run.h"
#include "session.h"

/* Fewest years with a share for a vector's trend to be shown (as a break test's side). */
enum { TREND_MIN_YEARS = MVEC_TREND_MIN_YEARS };

static const cli_option OPTION_SCENARIO = {
    "scenario", 0, "FILE", CLI_TEXT_LIST, offsetof(cli_args, scenarios),
    "run this scenario script and add its results (repeatable; docs/scenarios.md)"};
static const cli_option OPTION_NO_CHARTS = {
    "no-charts", 0, NULL, CLI_FLAG, offsetof(cli_args, no_charts),
    "tables only (a smaller file, the same bytes with any PLplot version)"};
static const cli_option OPTION_REPORT_YEAR = {
    "year", 0, "YEAR", CLI_YEAR, offsetof(cli_args, year),
    "the profile's and the claims' year (default: the latest per vector); scenarios start from "
    "their own base year"};
static const cli_option OPTION_REPORT_BLOCS = {
    "blocs", 0, "SCHEME", CLI_TEXT, offsetof(cli_args, blocs),
    "bloc scheme: built-in 'powers' (default) or 'treaties', or a CSV file (docs/formats.md); "
    "one scheme (mvec profile --blocs A,B compares schemes)"};
static const cli_option OPTION_REPORT_OUTPUT = {
    "output", 'o', "FILE", CLI_TEXT, offsetof(cli_args, output),
    "write the report to FILE (written whole or not at all) instead of standard output"};

static const cli_option *const REPORT_OPTIONS[] = {
    &OPTION_REPORT_YEAR,   &OPTION_REPORT_BLOCS,       &CLI_OPTION_WEIGHTS,   &CLI_OPTION_BASIS,
    &CLI_OPTION_DATA,      &CLI_OPTION_NO_EMBEDDED, &CLI_OPTION_WORKSPACE, &OPTION_SCENARIO,
    &CLI_OPTION_PATHS,     &CLI_OPTION_SEED,        &CLI_OPTION_SIM_YEARS, &CLI_OPTION_NETWORK,
    &OPTION_NO_CHARTS,     &OPTION_REPORT_OUTPUT,   &CLI_OPTION_ISO_CODES, &CLI_OPTION_QUIET,
    &CLI_OPTION_HELP,      NULL,
};

/* What the report is made of; everything released by report_parts_free. */
typedef struct report_parts {
    mvec_profile *profile;
    mvec_claims *claims;
    mvec_trend **trends; /* vectors x great powers */
    size_t trend_count;
    mvec_report_trends *groups;
    size_t group_count;
    mvec_network *network;
    mvec_report_scenario scenarios[CLI_MAX_TEXT_LIST];
    mvec_simulation *simulations[CLI_MAX_TEXT_LIST];
    size_t scenario_count;
} report_parts;

static void report_parts_free(mvec_ctx *ctx, report_parts *p)
{
    mvec_profile_free(ctx, p->profile);
    mvec_claims_free(ctx, p->claims);
    for (size_t i = 0; i < p->trend_count; i++)
        mvec_trend_free(ctx, p->trends[i]);
    free(p->trends);
    free(p->groups);
    for (size_t i = 0; i < p->scenario_count; i++)
        mvec_simulation_free(ctx, p->simulations[i]);
    mvec_network_free(ctx, p->network);
}

static size_t computed_years(const mvec_trend *trend)
{
    size_t years = 0;
    for (size_t i = 0; i < mvec_trend_count(trend); i++)
        years += mvec_trend_at(trend, i)->status == NULL ? 1u : 0u;
    return years;
}

/* The great powers' share trends of every vector of the profile with at least
 * TREND_MIN_YEARS years; a vector whose trend cannot be built (no figures, memberships
 * only) is left out. */
static mvec_status build_trends(cli_session *session, const cli_args *args, const char *country,
                                report_parts *p)
{
    mvec_status status = MVEC_OK;
    size_t powers = 0;
    const char *names[MVEC_GREAT_POWER_LIMIT];
    for (size_t b = 0; b < mvec_bloc_count(session->scheme); b++)
        if (mvec_bloc_is_great_power(session->scheme, b) && powers < MVEC_GREAT_POWER_LIMIT)
            names[powers++] = mvec_bloc_name(session->scheme, b);
    size_t vectors = mvec_profile_vector_count(p->profile);
    if (powers == 0 || vectors == 0)
        return MVEC_OK;
    p->trends = calloc(vectors * powers, sizeof *p->trends);
    p->groups = calloc(vectors, sizeof *p->groups);
    if (p->trends == NULL || p->groups == NULL)
        return MVEC_ERR_NOMEM;
    for (size_t v = 0; v < vectors && status == MVEC_OK; v++) {
        const mvec_vector_profile *vp = mvec_profile_vector(p->profile, v);
        if (vp->from_memberships)
            continue;
        /* Which years have a share does not depend on the bloc: the first great power's
         * trend decides whether the vector is shown. */
        size_t first = p->trend_count;
        bool shown = true;
        for (size_t k = 0; k < powers && shown && status == MVEC_OK; k++) {
            mvec_trend_options options = MVEC_TREND_OPTIONS_INIT;
            options.country = country;
            options.vector = vp->vector;
            options.bloc = names[k];
            options.basis = args->basis;
            mvec_trend *trend = NULL;
            status = mvec_trend_build(session->ctx, session->observations, session->scheme,
                                      session->memberships, &options, &trend);
            if (status == MVEC_OK) {
                p->trends[p->trend_count++] = trend;
                shown = computed_years(trend) >= TREND_MIN_YEARS;
            }
        }
        if (status == MVEC_ERR_NO_DATA) { /* nothing to follow in this vector */
            status = MVEC_OK;
            shown = false;
        }
        if (status != MVEC_OK)
            break;
        if (!shown || p->trend_count - first < powers) {
            while (p->trend_count > first)
                mvec_trend_free(session->ctx, p->trends[--p->trend_count]);
            continue;
        }
        mvec_report_trends *g = &p->groups[p->group_count++];
        g->trends = (const mvec_trend *const *)&p->trends[first];
        g->count = powers;
        g->triangle = powers == 3;
    }
    return status;
}

static mvec_status run_scenarios(cli_session *session, const cli_args *args,
                                 const mvec_simulate_options *options, report_parts *p, int *code)
{
    mvec_status status = MVEC_OK;
    if (args->scenarios.count == 0)
        return MVEC_OK;
    status = cli_network_load(session, args, "KAZ", &p->network);
    for (size_t i = 0; i < args->scenarios.count && status == MVEC_OK; i++) {
        const char *path = args->scenarios.items[i];
        size_t length = 0;
        char *script = cli_read_script(path, &length);
        if (script == NULL) {
            *code = 1;
            return MVEC_OK;
        }
        status = mvec_simulate(session->ctx, session->observations, session->scheme, p->network,
                               path, script, length, options, &p->simulations[i]);
        free(script);
        if (status == MVEC_OK) {
            p->scenarios[i].simulation = p->simulations[i];
            p->scenarios[i].file = path;
            p->scenario_count++;
        }
    }
    return status;
}

static int run_report(const cli_command *command, cli_args *args)
{
    (void)command;
    mvec_simulate_options sim_options = MVEC_SIMULATE_OPTIONS_INIT;
    if (cli_simulate_options(args, "report", &sim_options) != 0)
        return 2;
    sim_options.base_year = 0; /* --year is the profile's */
    const char *country = args->positional_count ? args->positional[0] : "KAZ";
    cli_session session;
    report_parts parts = {0};
    args->workspace_country = country;
    int code = cli_session_open(&session, args);
    if (code == 0 && session.scheme_count > 1) {
        cli_error("report takes one bloc scheme; compare schemes with mvec profile --blocs A,B");
        code = 2;
    }
    if (code == 0)
        code = cli_check_weights(session.observations, session.memberships,
                                 mvec_countries_find(session.countries, country), args->weights);
    mvec_status status = MVEC_OK;
    /* scenarios first: a script that fails stops the report before the long work */
    if (code == 0)
        status = run_scenarios(&session, args, &sim_options, &parts, &code);
    if (code == 0 && status == MVEC_OK) {
        mvec_profile_options options = MVEC_PROFILE_OPTIONS_INIT;
        options.country = country;
        options.year = args->year;
        options.weights = args->weights;
        options.basis = args->basis;
        status = mvec_profile_build(session.ctx, session.observations, session.scheme,
                                    session.memberships, &options, &parts.profile);
        if (status == MVEC_OK)
            code = cli_check_profile(parts.profile, session.observations, args, NULL);
    }
    if (code == 0 && status == MVEC_OK)
        status = build_trends(&session, args, country, &parts);
    if (code == 0 && status == MVEC_OK) {
        mvec_claim_options options = MVEC_CLAIM_OPTIONS_INIT;
        options.country = country;
        options.year = args->year;
        options.scheme = session.scheme;
        status = mvec_claims_check(session.ctx, session.observations, session.memberships,
                                   &options, &parts.claims);
    }
    if (code == 0 && status == MVEC_OK) {
        mvec_report_input input = MVEC_REPORT_INPUT_INIT;
        input.profile = parts.profile;
        input.observations = session.observations;
        input.memberships = session.memberships;
        input.trends = parts.groups;
        input.trend_count = parts.group_count;
        input.claims = parts.claims;
        input.scenarios = parts.scenarios;
        input.scenario_count = parts.scenario_count;
        input.flags = args->no_charts ? MVEC_REPORT_NO_CHARTS : 0u;
        mvec_sink sink = cli_session_sink(&session);
        status = mvec_report_write(session.ctx, &input, &sink);
    }
    if (code == 0 && status != MVEC_OK && session.write_errno == 0)
        code = cli_fail(session.ctx, status);
    if (session.ctx != NULL)
        report_parts_free(session.ctx, &parts);
    return cli_session_close(&session, code);
}

const cli_command CMD_REPORT = {
    .name = "report",
    .run = run_report,
    .brief = "one self-contained HTML report: profile, trends, claims, scenarios, sources",
    .usage = "[COUNTRY] [--scenario FILE.lua]... [options] -o report.html",
    .summary = "Write one HTML file with a country's profile (every vector, every bloc share, "
               "intervals as ranges, the composite), the great powers' shares over the years "
               "with the balance triangle, the seed articles' claims with their rules and "
               "verdicts, the results of each --scenario (bands and fan charts) and the "
               "numbered list of every source with its link.",
    .description =
        "The file is self-contained: CSS and charts (SVG) are inline, there is no script and "
        "nothing is loaded from any host; it prints on A4 with page numbers. For a PDF of the "
        "same content print it with Chromium: chromium --headless --no-sandbox "
        "--no-pdf-header-footer --print-to-pdf=report.pdf report.html. The same input gives "
        "the same bytes. Trends: each vector with shares in at least 3 years, one series per "
        "great power. Scenarios run with --paths, --seed and --years as in mvec simulate "
        "(their bands equal its CSV). docs/formats.md, \"HTML report\", lists the sections.",
    .options = REPORT_OPTIONS,
    .max_positional = 1,
    .examples = "  mvec report -o report.html\n"
                "  mvec report --scenario scenarios/squeezed.lua --paths 1000 --seed 7 \\\n"
                "      --scenario scenarios/cpc_disruption_2022.lua -o report.html\n"
                "  mvec report --no-charts -o kaz.html \\\n"
                "      --data examples/data/kaz_trade_by_partner_2021_2023.csv\n",
};
