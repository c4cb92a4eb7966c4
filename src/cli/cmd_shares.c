/*
 * cmd_shares.c - mvec shares: every partner of one vector with its share.
 */
#include "commands.h"
#include "messages.h"
#include "names.h"
#include "session.h"

static const cli_option *const SHARES_OPTIONS[] = {
    &CLI_OPTION_VECTOR, &CLI_OPTION_YEAR,       &CLI_OPTION_BASIS,  &CLI_OPTION_BLOCS,
    &CLI_OPTION_DATA,   &CLI_OPTION_NO_EMBEDDED, &CLI_OPTION_WORKSPACE, &CLI_OPTION_FORMAT, &CLI_OPTION_OUTPUT,
    &CLI_OPTION_ISO_CODES, &CLI_OPTION_QUIET,   &CLI_OPTION_HELP,   NULL,
};

/* --blocs A,B,...: the partners' blocs and the vector's bloc numbers under
 * every scheme, compared (mvec_robust.h). */
static mvec_status write_robust(cli_session *session, const mvec_profile_options *options,
                                mvec_profile *first, const char *vector)
{
    mvec_profile *profiles[MVEC_ROBUST_SCHEME_LIMIT] = {first};
    mvec_robust *robust = NULL;
    mvec_status status = MVEC_OK;
    for (size_t s = 1; s < session->scheme_count && status == MVEC_OK; s++)
        status = mvec_profile_build(session->ctx, session->observations, session->schemes[s],
                                    session->memberships, options, &profiles[s]);
    const mvec_profile *const *all = (const mvec_profile *const *)profiles;
    if (status == MVEC_OK)
        status = mvec_robust_profiles(session->ctx, all, session->scheme_count, &robust);
    if (status == MVEC_OK) {
        mvec_sink sink = cli_session_sink(session);
        status = mvec_robust_shares_write(session->ctx, all, session->scheme_count, vector,
                                          robust, session->format, &sink);
    }
    mvec_robust_free(session->ctx, robust);
    for (size_t s = 1; s < session->scheme_count; s++)
        mvec_profile_free(session->ctx, profiles[s]);
    return status;
}

static int run_shares(const cli_command *command, cli_args *args)
{
    (void)command;
    cli_session session;
    mvec_profile *profile = NULL;
    args->workspace_country = args->positional_count ? args->positional[0] : "KAZ";
    int code = cli_session_open(&session, args);
    if (code == 0) {
        const char *vector = args->vector ? args->vector : "trade.total";
        const char *country_name = args->positional_count ? args->positional[0] : "KAZ";
        const mvec_country *country = mvec_countries_find(session.countries, country_name);
        /* An unknown country is the profile's to report. */
        if (country != NULL)
            code = cli_check_vector(session.observations, session.memberships, country, vector,
                                    args->vector ? CLI_VECTOR_NAMED : CLI_VECTOR_DEFAULT);
        mvec_status status = MVEC_OK;
        mvec_profile_options options_used = MVEC_PROFILE_OPTIONS_INIT;
        if (code == 0) {
            mvec_profile_options options = MVEC_PROFILE_OPTIONS_INIT;
            options.country = country_name;
            options.year = args->year;
            options.basis = args->basis;
            options.vector = vector;
            options_used = options;
            status = mvec_profile_build(session.ctx, session.observations, session.scheme,
                                        session.memberships, &options, &profile);
            if (status == MVEC_OK)
                code = cli_check_profile(profile, session.observations, args, vector);
        }
        if (status == MVEC_OK && code == 0 && session.scheme_count > 1) {
            status = write_robust(&session, &options_used, profile, vector);
        } else if (status == MVEC_OK && code == 0) {
            mvec_sink sink = cli_session_sink(&session);
            status = mvec_shares_write(session.ctx, profile, session.observations, vector,
                                       session.format, &sink);
        }
        if (status != MVEC_OK && session.write_errno == 0)
            code = cli_fail(session.ctx, status);
        mvec_profile_free(session.ctx, profile);
    }
    return cli_session_close(&session, code);
}

const cli_command CMD_SHARES = {
    .name = "shares",
    .run = run_shares,
    .brief = "every partner of one vector with its share",
    .usage = "[COUNTRY] [options]",
    .summary = "List every partner of one vector with the value reported, the share mvec "
               "computes and the share the source published.",
    .description = "The distribution is the one the profile uses for that vector (the latest "
                   "year, or --year). Shares are printed to 5 decimals in the table and 10 in "
                   "CSV, so they can be compared with published figures.",
    .options = SHARES_OPTIONS,
    .max_positional = 1,
    .examples = "  mvec shares --vector trade.imports\n"
                "  mvec shares --blocs powers,treaties\n"
                "  mvec shares --no-embedded --year 2021 --format csv \\\n"
                "      --data examples/data/kaz_trade_by_partner_2021_2023.csv\n",
};
