/*
 * cmd_simulate.c - mvec simulate: run a scenario script year by year on the
 * baseline and print the trajectory, with bands over many paths
 * (mvec_scenario.h; docs/scenarios.md).
 */
#include <errno.h>
#include <inttypes.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "messages.h"
#include "session.h"

static const cli_option OPTION_PATHS = {
    "paths",
    0,
    "N",
    CLI_TEXT,
    offsetof(cli_args, paths),
    "Monte Carlo paths, 1-1000000 (default 1); with more than one, every number is the median "
    "with its 5th-95th percentile band"};
static const cli_option OPTION_SEED = {
    "seed",
    0,
    "S",
    CLI_TEXT,
    offsetof(cli_args, seed),
    "seed of the random shocks, 0-18446744073709551615 (default 1); the same seed gives the "
    "same output byte for byte on any number of threads"};
static const cli_option OPTION_YEARS = {
    "years",
    0,
    "N",
    CLI_TEXT,
    offsetof(cli_args, years),
    "years simulated after the base year, 1-100 (default: the script's, else 10)"};
static const cli_option OPTION_BASE_YEAR = {
    "year",
    0,
    "YEAR",
    CLI_YEAR,
    offsetof(cli_args, year),
    "the base year (default: the script's base_year, else the latest year with trade data)"};
static const cli_option OPTION_SIM_THREADS = {
    "threads",
    0,
    "N",
    CLI_TEXT,
    offsetof(cli_args, threads),
    "threads, 1-64 (default: the number of processors); scripts with Lua rules run on one"};
static const cli_option OPTION_SIM_EXACT = {"exact",
                                            0,
                                            NULL,
                                            CLI_FLAG,
                                            offsetof(cli_args, exact),
                                            "csv and json: every number in full precision"};

static const cli_option *const SIMULATE_OPTIONS[] = {
    &OPTION_YEARS,           &OPTION_PATHS,       &OPTION_SEED,      &OPTION_BASE_YEAR,
    &OPTION_SIM_THREADS,     &CLI_OPTION_NETWORK, &CLI_OPTION_BLOCS, &CLI_OPTION_DATA,
    &CLI_OPTION_NO_EMBEDDED, &CLI_OPTION_FORMAT,  &OPTION_SIM_EXACT, &CLI_OPTION_OUTPUT,
    &CLI_OPTION_ISO_CODES,   &CLI_OPTION_QUIET,   &CLI_OPTION_HELP,  NULL,
};

/* A whole number from `lo` to `hi`; prints the usage error and returns false otherwise. */
static bool whole_number(const char *option, const char *text, uint64_t lo, uint64_t hi,
                         uint64_t *out)
{
    char *end = NULL;
    errno = 0;
    unsigned long long value = text[0] == '-' ? 0 : strtoull(text, &end, 10);
    if (text[0] == '-' || errno != 0 || end == text || *end != '\0' || value < lo || value > hi) {
        cli_error("--%s takes a whole number from %" PRIu64 " to %" PRIu64 ", not '%s'", option, lo,
                  hi, text);
        cli_try_help("simulate");
        return false;
    }
    *out = value;
    return true;
}

static char *read_script(const char *path, size_t *length)
{
    FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
    if (f == NULL) {
        cli_error("cannot read %s: %s", path, strerror(errno));
        return NULL;
    }
    size_t capacity = 1 << 16, used = 0;
    char *text = malloc(capacity + 1);
    while (text != NULL) {
        used += fread(text + used, 1, capacity - used, f);
        if (used < capacity || used > MVEC_SCENARIO_MAX_SCRIPT_BYTES)
            break;
        char *grown = realloc(text, capacity * 2 + 1);
        if (grown == NULL) {
            free(text);
            text = NULL;
            break;
        }
        text = grown;
        capacity *= 2;
    }
    bool failed = ferror(f) != 0;
    if (f != stdin)
        fclose(f);
    if (text == NULL || failed) {
        cli_error("cannot read %s: %s", path, text == NULL ? "out of memory" : "read error");
        free(text);
        return NULL;
    }
    text[used] = '\0';
    *length = used;
    return text;
}

static int run_simulate(const cli_command *command, cli_args *args)
{
    (void)command;
    mvec_simulate_options options = MVEC_SIMULATE_OPTIONS_INIT;
    uint64_t number = 0;
    if (args->positional_count != 1) {
        cli_error("simulate takes one scenario script, e.g. mvec simulate "
                  "scenarios/cpc_disruption_2022.lua");
        cli_try_help("simulate");
        return 2;
    }
    if (args->paths && !whole_number("paths", args->paths, 1, MVEC_SCENARIO_MAX_PATHS, &number))
        return 2;
    options.paths = args->paths ? (size_t)number : 1;
    if (args->seed && !whole_number("seed", args->seed, 0, UINT64_MAX, &number))
        return 2;
    options.seed = args->seed ? number : 1;
    if (args->years && !whole_number("years", args->years, 1, MVEC_SCENARIO_MAX_YEARS, &number))
        return 2;
    options.years = args->years ? (int)number : 0;
    options.base_year = args->year;
    if (cli_threads(args, "simulate", &options.threads) != 0)
        return 2;
    size_t length = 0;
    char *script = read_script(args->positional[0], &length);
    if (script == NULL)
        return 1;
    cli_session session;
    mvec_network *network = NULL;
    mvec_simulation *sim = NULL;
    args->workspace_country = "KAZ";
    int code = cli_session_open(&session, args);
    mvec_status status = MVEC_OK;
    if (code == 0) {
        if (args->network)
            status =
                mvec_network_load_file(session.ctx, session.countries, args->network, &network);
        else {
            status = mvec_network_load_embedded(session.ctx, session.countries, "KAZ", &network);
            if (status == MVEC_ERR_NO_DATA)
                status = MVEC_OK; /* no network: route shocks are refused by name */
        }
        if (status == MVEC_OK)
            status = mvec_simulate(session.ctx, session.observations, session.scheme, network,
                                   args->positional[0], script, length, &options, &sim);
        if (status == MVEC_OK) {
            mvec_sink sink = cli_session_sink(&session);
            status = mvec_simulation_write(session.ctx, sim, session.scheme, session.format,
                                           args->exact ? MVEC_WRITE_EXACT : 0u, &sink);
        }
        if (status != MVEC_OK && session.write_errno == 0)
            code = cli_fail(session.ctx, status);
        mvec_simulation_free(session.ctx, sim);
        mvec_network_free(session.ctx, network);
    }
    free(script);
    return cli_session_close(&session, code);
}

const cli_command CMD_SIMULATE = {
    .name = "simulate",
    .run = run_simulate,
    .brief = "run a scenario script: shocks, rerouting, balance and money at risk, year by year",
    .usage = "FILE.lua [options]",
    .summary = "Run a scenario written in Lua (docs/scenarios.md) on the base year's data: each "
               "simulated year applies the shocks in force (embargoes on HS chapters, route "
               "closures, sanctions with a secondary-sanctions share, trade targets, shifts of "
               "investment or debt, noise), reroutes closed routes' volumes over the corridor "
               "network within capacity, recomputes bloc shares and balance, and evaluates the "
               "rules and random shocks.",
    .description =
        "Output: per vector the great powers' shares, the balance and the value by year; then "
        "exports at risk (USD lost to embargoes, sanctions and stranded volume against the "
        "same years without them) and each commodity's volume, rerouted and stranded volume "
        "(stranded counts capacities the sources do not give as zero; stranded_low as "
        "unlimited). With --paths N, each number is the median over N paths with the 5th-95th "
        "percentile band (nearest rank). Path k's random numbers come from its own generator "
        "seeded with (seed, k), so the output is the same byte for byte on any thread count. "
        "Scripts run in a sandbox (no files, no operating system, no modules; memory, "
        "instruction and time caps): a runaway or hostile script is stopped with exit 3. "
        "docs/methods.md section 19 gives every formula.",
    .options = SIMULATE_OPTIONS,
    .max_positional = 1,
    .examples = "  mvec simulate scenarios/cpc_disruption_2022.lua\n"
                "  mvec simulate scenarios/squeezed.lua --paths 10000 --seed 7\n"
                "  mvec simulate scenarios/trade_target_40bn.lua --format csv -o target.csv\n",
};
