/*
 * scenario_run.h - what 'simulate' and 'report' share to run scenarios: the
 * --paths, --seed and --years options and their parsing, reading a script
 * file, and loading the corridor network.
 */
#ifndef MVEC_CLI_SCENARIO_RUN_H
#define MVEC_CLI_SCENARIO_RUN_H

#include <mvec/mvec.h>
#include <stddef.h>

#include "options.h"
#include "session.h"

extern const cli_option CLI_OPTION_PATHS;
extern const cli_option CLI_OPTION_SEED;
extern const cli_option CLI_OPTION_SIM_YEARS;

/* --paths, --seed, --years, --year and --threads into *options (started from
 * MVEC_SIMULATE_OPTIONS_INIT). Returns 0, or 2 after printing the usage error with
 * `command`'s help hint. */
int cli_simulate_options(const cli_args *args, const char *command,
                         mvec_simulate_options *options);

/* The whole file at `path` ("-": standard input), NUL-terminated, at most a little over
 * MVEC_SCENARIO_MAX_SCRIPT_BYTES (the library refuses longer ones by name); NULL after
 * printing why. Free with free(). */
char *cli_read_script(const char *path, size_t *length);

/* --network FILE, else the country's built-in network; *out stays NULL when the country has
 * none (route shocks are then refused by name). */
mvec_status cli_network_load(cli_session *session, const cli_args *args, const char *country,
                             mvec_network **out);

#endif
