/*
 * cmd_simulate.c - mvec simulate: run a scenario script year by year on the
 * baseline and print the trajectory, with bands over many paths
 * (mvec_scenario.h; docs/scenarios.md).
 */

#include <inttypes.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "messages.h"
#include "scenario_run.h"
#include "session.h"

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
    &CLI_OPTION_SIM_YEARS,   &CLI_OPTION_PATHS,   &CLI_OPTION_SEED,      &OPTION_BASE_YEAR,
    &OPTION_SIM_THREADS,     &CLI_OPTION_NETWORK, &CLI_OPTION_BLOCS, &CLI_OPTION_DATA,
    &CLI_OPTION_NO_EMBEDDED, &CLI_OPTION_FORMAT,  &OPTION_SIM_EXACT, &CLI_OPTION_OUTPUT,
    &CLI_OPTION_ISO_CODES,   &CLI_OPTION_QUIET,   &CLI_OPTION_HELP,  NULL,
};

static int run_simulate(const cli_command *command, cli_args *args)
{
    (void)command;
    mvec_simulate_options options = MVEC_SIMULATE_OPTIONS_INIT;
    if (args->positional_count != 1) {
        cli_error("simulate takes one scenario script, e.g. mvec simulate "
                  "scenarios/cpc_disruption_2022.lua");
        cli_try_help("simulate");
        return 2;
    }
    if (cli_simulate_options(args, "simulate", &options) != 0)
        return 2;
    size_t length = 0;
    char *script = cli_read_script(args->positional[0], &length);
    if (script == NULL)
        return 1;
    cli_session session;
    mvec_network *network = NULL;
    mvec_simulation *sim = NULL;
    args->workspace_country = "KAZ";
    int code = cli_session_open(&session, args);
    mvec_status status = MVEC_OK;
    if (code == 0) {
        status = cli_network_load(&session, args, "KAZ", &network);
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
