/*
 * scenario_run.c - what 'simulate' and 'report' share to run scenarios
 * (scenario_run.h).
 */
#include <errno.h>
#include <inttypes.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "messages.h"
#include "scenario_run.h"

const cli_option CLI_OPTION_PATHS = {
    "paths",
    0,
    "N",
    CLI_TEXT,
    offsetof(cli_args, paths),
    "Monte Carlo paths, 1-1000000 (default 1); with more than one, every number is the median "
    "with its 5th-95th percentile band"};
const cli_option CLI_OPTION_SEED = {
    "seed",
    0,
    "S",
    CLI_TEXT,
    offsetof(cli_args, seed),
    "seed of the random shocks, 0-18446744073709551615 (default 1); the same seed gives the "
    "same output byte for byte on any number of threads"};
const cli_option CLI_OPTION_SIM_YEARS = {
    "years",
    0,
    "N",
    CLI_TEXT,
    offsetof(cli_args, years),
    "years simulated after the base year, 1-100 (default: the script's, else 10)"};

char *cli_read_script(const char *path, size_t *length)
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

int cli_simulate_options(const cli_args *args, const char *command,
                         mvec_simulate_options *options)
{
    uint64_t number = 0;
    if (args->paths &&
        !cli_whole_number(command, "paths", args->paths, 1, MVEC_SCENARIO_MAX_PATHS, &number))
        return 2;
    options->paths = args->paths ? (size_t)number : 1;
    if (args->seed && !cli_whole_number(command, "seed", args->seed, 0, UINT64_MAX, &number))
        return 2;
    options->seed = args->seed ? number : 1;
    if (args->years &&
        !cli_whole_number(command, "years", args->years, 1, MVEC_SCENARIO_MAX_YEARS, &number))
        return 2;
    options->years = args->years ? (int)number : 0;
    options->base_year = args->year;
    if (cli_threads(args, command, &options->threads) != 0)
        return 2;
    return 0;
}

mvec_status cli_network_load(cli_session *session, const cli_args *args, const char *country,
                             mvec_network **out)
{
    *out = NULL;
    if (args->network)
        return mvec_network_load_file(session->ctx, session->countries, args->network, out);
    mvec_status status = mvec_network_load_embedded(session->ctx, session->countries, country, out);
    return status == MVEC_ERR_NO_DATA ? MVEC_OK : status;
}
