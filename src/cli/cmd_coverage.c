/*
 * cmd_coverage.c - mvec coverage: a flow source's yearly totals for a
 * country against another source's (docs/methods.md section 12).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "messages.h"
#include "session.h"

static const cli_option OPTION_AGAINST = {
    "against", 0, "FILE", CLI_TEXT, offsetof(cli_args, against),
    "compare with the totals in this observation file (any format 'mvec import' reads) instead "
    "of the official figures among everything else loaded (by default the Bureau's table built "
    "into mvec)"};
static const cli_option OPTION_TOLERANCE = {
    "tolerance", 0, "PCT", CLI_TEXT, offsetof(cli_args, tolerance),
    "flag a year whose totals differ by more than PCT % of the reference (default 2)"};

static const cli_option OPTION_SOURCE = {
    "source", 0, "TEXT", CLI_TEXT, offsetof(cli_args, source),
    "name the flow table's publication (default: from its format, docs/formats.md), e.g. for a "
    "file converted to a layout mvec reads"};

static const cli_option *const COVERAGE_OPTIONS[] = {
    &CLI_OPTION_DATA,   &OPTION_AGAINST, &OPTION_SOURCE,        &OPTION_TOLERANCE,    &CLI_OPTION_NO_EMBEDDED,
    &CLI_OPTION_WORKSPACE, &CLI_OPTION_FORMAT,  &CLI_OPTION_OUTPUT,   &CLI_OPTION_ISO_CODES,
    &CLI_OPTION_QUIET,  &CLI_OPTION_HELP,       NULL,
};

static int run_coverage(const cli_command *command, cli_args *args)
{
    (void)command;
    double tolerance = 0.02;
    if (args->tolerance != NULL) {
        char *end = NULL;
        errno = 0;
        double pct = strtod(args->tolerance, &end);
        if (end == args->tolerance || *end != '\0' || errno != 0 || !(pct >= 0 && pct <= 100)) {
            cli_error("--tolerance: '%s' is not a percentage between 0 and 100", args->tolerance);
            cli_try_help("coverage");
            return 2;
        }
        tolerance = pct / 100;
    }
    const char *country = args->positional_count ? args->positional[0] : "KAZ";
    args->workspace_country = country;
    cli_session session;
    int code = cli_session_open(&session, args);
    mvec_observations *flow_store = NULL;
    mvec_observations *against = NULL;
    mvec_coverage *coverage = NULL;
    if (code == 0 && session.flow_count == 0) {
        cli_error("'coverage' needs a flow table: give one with --data FLOWFILE");
        code = 2;
    }
    if (code == 0 && mvec_countries_find(session.countries, country) == NULL) {
        cli_error("unknown country '%s'", country);
        code = 2;
    }
    if (code == 0) {
        mvec_status status =
            mvec_observations_new(session.ctx, session.countries, &flow_store);
        for (size_t i = 0; status == MVEC_OK && i < session.flow_count; i++) {
            mvec_flow_vectors_options options = MVEC_FLOW_VECTORS_OPTIONS_INIT;
            options.country = country;
            options.source = args->source;
            /* the session reported the codes left out already */
            mvec_ctx_set_log(session.ctx, NULL, NULL);
            status = mvec_flow_vectors_add(session.ctx, flow_store, session.flows[i], &options,
                                           NULL);
            mvec_ctx_set_log(session.ctx, cli_log, NULL);
        }
        if (status == MVEC_OK && args->against != NULL) {
            status = mvec_observations_new(session.ctx, session.countries, &against);
            if (status == MVEC_OK)
                status = mvec_observations_import_file(session.ctx, against, args->against, NULL,
                                                       NULL);
        }
        if (status == MVEC_OK)
            status = mvec_coverage_build(session.ctx, flow_store,
                                         against ? against : session.observations, country,
                                         tolerance, against == NULL, &coverage);
        if (status == MVEC_OK) {
            mvec_sink sink = cli_session_sink(&session);
            status = mvec_coverage_write(session.ctx, coverage, session.format, 0, &sink);
        }
        if (status != MVEC_OK && session.write_errno == 0)
            code = cli_fail(session.ctx, status);
    }
    mvec_coverage_free(session.ctx, coverage);
    mvec_observations_free(session.ctx, against);
    mvec_observations_free(session.ctx, flow_store);
    return cli_session_close(&session, code);
}

const cli_command CMD_COVERAGE = {
    .name = "coverage",
    .run = run_coverage,
    .brief = "a flow source's yearly totals against another source's",
    .usage = "[COUNTRY] --data FLOWFILE [--against FILE] [--tolerance PCT] [options]",
    .summary = "Compare a flow table's yearly totals of a country's exports, imports and total "
               "trade (its World rows, else the sum over partners) with another source's (partner "
               "WLD), and flag the years where they differ by more than the tolerance.",
    .description = "COUNTRY is a code or a name (default: Kazakhstan). The reference is the "
                   "file --against names (every row), else the official figures (quality official) of "
                   "every other source loaded (the embedded data, other --data files, the "
                   "workspace); a source is never compared with itself. "
                   "Each basis of the flow table is compared on its own; mirror (partner-basis) "
                   "vectors have no total and are not compared. A year is flagged 'differs' when "
                   "|flows - reference| > tolerance x reference (docs/methods.md section 12); "
                   "years only one side has are listed as 'only flows' or 'only reference'.",
    .options = COVERAGE_OPTIONS,
    .max_positional = 1,
    .examples = "  mvec coverage KAZ --data tests/data/flowprofile/wto_tiny.csv\n"
                "  mvec coverage KAZ --data tests/data/flowprofile/BACI_HS92_Y2021_V202401_tiny.csv \\\n"
                "      --tolerance 5 --format csv\n",
};
