/*
 * cmd_rank.c - mvec rank: every country of the data ranked by balance,
 * partner HHI, great-power exposure or lead margin (mvec_rank.h;
 * docs/methods.md section 16).
 */
#include <stddef.h>
#include <stdlib.h>

#include "commands.h"
#include "messages.h"
#include "session.h"

static const cli_option OPTION_BY = {
    "by",
    0,
    "MEASURE",
    CLI_TEXT,
    offsetof(cli_args, by),
    "balance (default: most balanced first), hhi (partner HHI: most concentrated first), "
    "exposure (great-power bloc shares summed: most exposed first) or margin (lead of the first "
    "great power over the second: largest lead first)"};

static const cli_option OPTION_RANK_VECTOR = {
    "vector",
    0,
    "VECTOR",
    CLI_TEXT,
    offsetof(cli_args, vector),
    "the vector ranked (default trade.total when the data have it, else trade.exports, else the "
    "vector the most countries have; a flow table without a total: its declarants' own "
    "direction, trade.imports for the WTO file)"};

static const cli_option OPTION_RANK_YEAR = {
    "year",
    0,
    "YEAR",
    CLI_YEAR,
    offsetof(cli_args, year),
    "the year ranked (default: the year that is the latest with data for the most countries; "
    "ties: the later)"};

static const cli_option OPTION_EXACT = {"exact",
                                        0,
                                        NULL,
                                        CLI_FLAG,
                                        offsetof(cli_args, exact),
                                        "csv and json: every number in full precision"};

static const cli_option *const RANK_OPTIONS[] = {
    &OPTION_BY,
    &OPTION_RANK_YEAR,
    &OPTION_RANK_VECTOR,
    &CLI_OPTION_BLOCS,
    &CLI_OPTION_DATA,
    &CLI_OPTION_NO_EMBEDDED,
    &CLI_OPTION_WORKSPACE,
    &CLI_OPTION_FORMAT,
    &OPTION_EXACT,
    &CLI_OPTION_OUTPUT,
    &CLI_OPTION_ISO_CODES,
    &CLI_OPTION_QUIET,
    &CLI_OPTION_HELP,
    NULL,
};

static int run_rank(const cli_command *command, cli_args *args)
{
    (void)command;
    cli_session session;
    mvec_rank *rank = NULL;
    mvec_rank_options options = MVEC_RANK_OPTIONS_INIT;
    args->workspace_country = NULL; /* every country */
    args->flows_every_country = true;
    int code = cli_session_open(&session, args);
    if (code == 0 && args->by != NULL) {
        mvec_status status = mvec_rank_by_from_name(session.ctx, args->by, &options.by);
        if (status != MVEC_OK) {
            code = cli_fail(session.ctx, status);
            cli_try_help("rank");
        }
    }
    if (code == 0 && session.scheme_count > 1) {
        cli_error("rank takes one bloc scheme (--blocs powers, treaties or a file)");
        cli_try_help("rank");
        code = 2;
    }
    options.year = args->year;
    options.vector = args->vector;
    /* a flow table gives every country's vector of one year in one pass */
    int *latest = NULL;
    if (code == 0 && session.flow_count > 0) {
        latest = calloc(mvec_countries_count(session.countries) + 1, sizeof *latest);
        if (latest == NULL) {
            cli_error("out of memory");
            code = 1;
        }
        options.latest = latest;
    }
    for (size_t i = 0; code == 0 && i < session.flow_count; i++) {
        mvec_flow_vectors_every_options every = MVEC_FLOW_VECTORS_EVERY_OPTIONS_INIT;
        every.year = args->year;
        every.vector = options.vector;
        every.latest = latest;
        const char *used = NULL;
        mvec_status status = mvec_flow_vectors_add_every(
            session.ctx, session.observations, session.flows[i], &every, NULL, &used, NULL);
        if (status != MVEC_OK)
            code = cli_fail(session.ctx, status);
        else
            options.vector = used;
    }
    if (code == 0) {
        mvec_status status = mvec_rank_build(session.ctx, session.observations, session.scheme,
                                             session.memberships, &options, &rank);
        if (status == MVEC_OK) {
            mvec_sink sink = cli_session_sink(&session);
            status = mvec_rank_write(session.ctx, rank, session.format,
                                     args->exact ? MVEC_WRITE_EXACT : 0u, &sink);
        }
        if (status != MVEC_OK && session.write_errno == 0)
            code = cli_fail(session.ctx, status);
        mvec_rank_free(session.ctx, rank);
    }
    free(latest);
    return cli_session_close(&session, code);
}

const cli_command CMD_RANK = {
    .name = "rank",
    .run = run_rank,
    .brief = "every country of the data ranked by balance, HHI, exposure or margin",
    .usage = "[options]",
    .summary = "Rank every country of the data by one measure of one vector in one year: the "
               "balance among the great powers, the partner HHI, the exposure to the great "
               "powers or the lead margin, with each country's top partner and the share of "
               "each bloc.",
    .description =
        "Each country's numbers are those 'mvec profile COUNTRY --year YEAR' shows for the "
        "vector (intervals where the data are incomplete). Rank 1 has the largest value: the "
        "most balanced, the most concentrated, the most exposed, the largest lead; intervals "
        "are ordered by their lower end, then their upper end, then the country code. "
        "Countries of the data without a result for the vector and year are listed as left "
        "out, with the reason. The countries are those with partner data of their own: a world "
        "file ranks them all (--data with ITPD-E, a BACI, WTO or WITS flow file, UN General "
        "Assembly votes; or a workspace); the built-in data cover Kazakhstan only. A flow file's "
        "rows of the year are summed in one pass into an exporter x importer table. "
        "docs/methods.md section 16 gives the rules.",
    .options = RANK_OPTIONS,
    .max_positional = 0,
    .examples = "  mvec rank\n"
                "  mvec rank --no-embedded \\\n"
                "      --data tests/data/flowprofile/BACI_HS92_Y2021_V202401_tiny.csv\n"
                "  mvec rank --no-embedded --data tests/data/flowprofile/wto_tiny.csv \\\n"
                "      --vector trade.imports --by hhi --format csv\n"
                "  mvec rank --no-embedded --data tests/data/itpd_2016_uzb_mng_srb_vnm.csv \\\n"
                "      --by exposure --blocs treaties --format json\n",
};
