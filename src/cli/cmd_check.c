/*
 * cmd_check.c - mvec check: the seeds' trade claims against the data.
 */
#include "commands.h"
#include "messages.h"
#include "session.h"

static const cli_option *const CHECK_OPTIONS[] = {
    &CLI_OPTION_YEAR,   &CLI_OPTION_BLOCS, &CLI_OPTION_DATA,      &CLI_OPTION_NO_EMBEDDED, &CLI_OPTION_WORKSPACE, &CLI_OPTION_FORMAT,
    &CLI_OPTION_OUTPUT, &CLI_OPTION_ISO_CODES, &CLI_OPTION_QUIET,       &CLI_OPTION_HELP,
    NULL,
};

/* --blocs A,B,...: the claims under every scheme, compared (mvec_robust.h). */
static mvec_status write_robust(cli_session *session, mvec_claim_options *options,
                                mvec_claims *first)
{
    mvec_claims *all[MVEC_ROBUST_SCHEME_LIMIT] = {first};
    mvec_robust *robust = NULL;
    mvec_status status = MVEC_OK;
    for (size_t s = 1; s < session->scheme_count && status == MVEC_OK; s++) {
        options->scheme = session->schemes[s];
        status = mvec_claims_check(session->ctx, session->observations, session->memberships,
                                   options, &all[s]);
    }
    const mvec_claims *const *claims = (const mvec_claims *const *)all;
    if (status == MVEC_OK)
        status = mvec_robust_claims(session->ctx, claims, session->scheme_count, &robust);
    if (status == MVEC_OK) {
        mvec_sink sink = cli_session_sink(session);
        status = mvec_robust_claims_write(session->ctx, claims, session->scheme_count, robust,
                                          session->format, &sink);
    }
    mvec_robust_free(session->ctx, robust);
    for (size_t s = 1; s < session->scheme_count; s++)
        mvec_claims_free(session->ctx, all[s]);
    return status;
}

static int run_check(const cli_command *command, cli_args *args)
{
    (void)command;
    cli_session session;
    mvec_claims *claims = NULL;
    args->workspace_country = args->positional_count ? args->positional[0] : "KAZ";
    int code = cli_session_open(&session, args);
    if (code == 0) {
        mvec_claim_options options = MVEC_CLAIM_OPTIONS_INIT;
        options.country = args->positional_count ? args->positional[0] : NULL;
        options.year = args->year;
        options.scheme = session.scheme;
        mvec_status status = mvec_claims_check(session.ctx, session.observations,
                                               session.memberships, &options, &claims);
        if (status == MVEC_OK && session.scheme_count > 1) {
            status = write_robust(&session, &options, claims);
        } else if (status == MVEC_OK) {
            mvec_sink sink = cli_session_sink(&session);
            status = mvec_claims_write(session.ctx, claims, session.format, &sink);
        }
        if (status != MVEC_OK && session.write_errno == 0)
            code = cli_fail(session.ctx, status);
        mvec_claims_free(session.ctx, claims);
    }
    return cli_session_close(&session, code);
}

const cli_command CMD_CHECK = {
    .name = "check",
    .run = run_check,
    .brief = "check the seed articles' trade claims on the data",
    .usage = "[COUNTRY] [options]",
    .summary = "Check the seed articles' claims about trade (\"China became the top trade "
               "partner in 2023\", \"trade is evenly distributed among many partners\", \"no "
               "single country dominates\", \"China, Russia and the EU share first place with "
               "small margins\", \"trade is balanced among Russia, China and the West\") on the "
               "data loaded.",
    .description = "Each claim gets a verdict: holds (for every allocation consistent with the "
                   "data), fails (for every one), or undecidable on this data; then the numbers, "
                   "the rule with its thresholds, and the data used. Each statistical basis "
                   "(reporter, partner) is checked separately. docs/methods.md gives the rules. "
                   "Only the last claim reads the bloc scheme: with --blocs A,B each claim is "
                   "checked under every scheme and the verdicts that flip are listed.",
    .options = CHECK_OPTIONS,
    .max_positional = 1,
    .examples = "  mvec check\n"
                "  mvec check --blocs powers,treaties\n"
                "  mvec check --data examples/data/kaz_trade_by_partner_2021_2023.csv\n",
};
