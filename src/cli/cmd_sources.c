/*
 * cmd_sources.c - mvec sources: every figure with its source.
 */
#include "commands.h"
#include "messages.h"
#include "names.h"
#include "session.h"

static const cli_option *const SOURCES_OPTIONS[] = {
    &CLI_OPTION_VECTOR_FILTER, &CLI_OPTION_PARTNER, &CLI_OPTION_DATA,
    &CLI_OPTION_NO_EMBEDDED, &CLI_OPTION_WORKSPACE,   &CLI_OPTION_FORMAT,  &CLI_OPTION_OUTPUT,
    &CLI_OPTION_ISO_CODES,     &CLI_OPTION_QUIET,   &CLI_OPTION_HELP,
    NULL,
};

static int run_sources(const cli_command *command, cli_args *args)
{
    (void)command;
    cli_session session;
    args->workspace_country = args->positional_count ? args->positional[0] : NULL;
    int code = cli_session_open(&session, args);
    if (code == 0 && args->vector != NULL) {
        const mvec_country *country =
            args->positional_count ? mvec_countries_find(session.countries, args->positional[0])
                                   : NULL;
        if (country != NULL || args->positional_count == 0)
            code = cli_check_vector(session.observations, session.memberships, country,
                                    args->vector, CLI_VECTOR_FILTER);
    }
    if (code == 0) {
        mvec_sources_filter filter = MVEC_SOURCES_FILTER_INIT;
        filter.country = args->positional_count ? args->positional[0] : NULL;
        filter.vector = args->vector;
        filter.partner = args->partner;
        mvec_sink sink = cli_session_sink(&session);
        mvec_status status = mvec_sources_write(session.ctx, session.observations,
                                                session.memberships, &filter, session.format,
                                                &sink);
        if (status != MVEC_OK && session.write_errno == 0)
            code = cli_fail(session.ctx, status);
    }
    return cli_session_close(&session, code);
}

const cli_command CMD_SOURCES = {
    .name = "sources",
    .run = run_sources,
    .brief = "every figure loaded, with its source",
    .usage = "[COUNTRY] [options]",
    .summary = "List every figure loaded (the embedded dataset and --data files) with its "
               "source: publication, date, URL, quality and the quoted wording; then the "
               "organisation memberships with theirs.",
    .description = "With --format csv the output is mvec's long input format, which --data "
                   "reads back.",
    .options = SOURCES_OPTIONS,
    .max_positional = 1,
    .examples = "  mvec sources\n"
                "  mvec sources --vector arms.imports\n"
                "  mvec sources --partner China --format csv > china.csv\n",
};
