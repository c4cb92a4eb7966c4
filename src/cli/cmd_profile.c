/*
 * cmd_profile.c - mvec profile: the multi-vector profile of a country.
 */
#include <stddef.h>

#include "commands.h"
#include "messages.h"
#include "names.h"
#include "session.h"

static const cli_option OPTION_NOTES = {
    "notes",
    0,
    NULL,
    CLI_FLAG,
    offsetof(cli_args, notes),
    "after the table, the notes: for each vector its inputs, every bloc share and index, the "
    "data not used, then the numbered sources (CSV and JSON always carry them)"};

static const cli_option OPTION_EXACT = {
    "exact",
    0,
    NULL,
    CLI_FLAG,
    offsetof(cli_args, exact),
    "csv and json: every number in full precision (the shortest text that reads back to the "
    "same double) instead of fixed decimals (csv) or 12 significant digits (json)"};

static const cli_option OPTION_ASYMMETRY = {
    "asymmetry",
    0,
    NULL,
    CLI_FLAG,
    offsetof(cli_args, asymmetry),
    "with --data FLOWFILE: write only the asymmetry of dependence between the country and its "
    "top partners (the table format shows it after the profile anyway; CSV and JSON need this)"};

static const cli_option *const PROFILE_OPTIONS[] = {
    &CLI_OPTION_YEAR,
    &CLI_OPTION_BLOCS,
    &CLI_OPTION_WEIGHTS,
    &CLI_OPTION_BASIS,
    &CLI_OPTION_DATA,
    &CLI_OPTION_NO_EMBEDDED, &CLI_OPTION_WORKSPACE,
    &OPTION_NOTES,
    &OPTION_ASYMMETRY,
    &CLI_OPTION_FORMAT,
    &OPTION_EXACT,
    &CLI_OPTION_OUTPUT,
    &CLI_OPTION_ISO_CODES,
    &CLI_OPTION_QUIET,
    &CLI_OPTION_HELP,
    NULL,
};

/* --blocs A,B,...: the profile under every scheme, compared (mvec_robust.h). */
static mvec_status write_robust(cli_session *session, const mvec_profile_options *options,
                                mvec_profile *first)
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
        status = mvec_robust_profile_write(session->ctx, all, session->scheme_count, robust,
                                           session->format, &sink);
    }
    mvec_robust_free(session->ctx, robust);
    for (size_t s = 1; s < session->scheme_count; s++)
        mvec_profile_free(session->ctx, profiles[s]);
    return status;
}

/* The asymmetry of dependence from each flow table loaded (docs/methods.md section 12). */
static mvec_status write_asymmetry(cli_session *session, const cli_args *args)
{
    mvec_status status = MVEC_OK;
    for (size_t i = 0; i < session->flow_count && status == MVEC_OK; i++) {
        mvec_flow_asymmetry *asymmetry = NULL;
        mvec_flow_asymmetry_options options = MVEC_FLOW_ASYMMETRY_OPTIONS_INIT;
        options.country = args->positional_count ? args->positional[0] : "KAZ";
        options.year = args->year;
        status = mvec_flow_asymmetry_build(session->ctx, session->countries, session->flows[i],
                                           &options, &asymmetry);
        if (status == MVEC_OK) {
            mvec_sink sink = cli_session_sink(session);
            status = mvec_flow_asymmetry_write(session->ctx, asymmetry, session->format,
                                               args->exact ? MVEC_WRITE_EXACT : 0u, &sink);
        }
        mvec_flow_asymmetry_free(session->ctx, asymmetry);
    }
    return status;
}

static int run_profile(const cli_command *command, cli_args *args)
{
    (void)command;
    cli_session session;
    mvec_profile *profile = NULL;
    args->workspace_country = args->positional_count ? args->positional[0] : "KAZ";
    int code = cli_session_open(&session, args);
    if (code == 0 && args->notes && session.scheme_count > 1) {
        /* the inputs and sources are the same under every scheme */
        cli_error("--notes takes one bloc scheme; the inputs and sources do not depend on it");
        code = 2;
    }
    if (code == 0 && args->asymmetry) {
        if (session.flow_count == 0) {
            cli_error("--asymmetry needs a flow table: give one with --data FLOWFILE");
            code = 2;
        } else if (session.format == MVEC_FORMAT_XLSX && session.flow_count > 1) {
            /* one workbook per output: a second would follow the first's bytes */
            cli_error("--asymmetry --format xlsx takes one flow table (given %zu)",
                      session.flow_count);
            code = 2;
        } else {
            mvec_status status = write_asymmetry(&session, args);
            if (status != MVEC_OK && session.write_errno == 0)
                code = cli_fail(session.ctx, status);
        }
        return cli_session_close(&session, code);
    }
    if (code == 0)
        code = cli_check_weights(session.observations, session.memberships,
                                 mvec_countries_find(session.countries, args->positional_count
                                                                            ? args->positional[0]
                                                                            : "KAZ"),
                                 args->weights);
    if (code == 0) {
        mvec_profile_options options = MVEC_PROFILE_OPTIONS_INIT;
        options.country = args->positional_count ? args->positional[0] : NULL;
        options.year = args->year;
        options.weights = args->weights;
        options.basis = args->basis;
        mvec_status status = mvec_profile_build(session.ctx, session.observations,
                                                session.scheme, session.memberships, &options,
                                                &profile);
        int empty = status == MVEC_OK
                        ? cli_check_profile(profile, session.observations, args, NULL) : 0;
        if (status == MVEC_OK && empty == 0 && session.scheme_count > 1) {
            status = write_robust(&session, &options, profile);
        } else if (status == MVEC_OK && empty == 0) {
            mvec_sink sink = cli_session_sink(&session);
            status = mvec_profile_write_with(session.ctx, profile, session.format,
                                             (args->notes ? MVEC_WRITE_NOTES : 0u) |
                                                 (args->exact ? MVEC_WRITE_EXACT : 0u),
                                             &sink);
            if (status == MVEC_OK && session.format == MVEC_FORMAT_TABLE &&
                session.flow_count > 0)
                status = write_asymmetry(&session, args);
            /* The table's pointer to the rest; CSV and JSON always carry the notes. */
            static const char HINT[] = "every input and its source: add --notes\n";
            if (status == MVEC_OK && session.format == MVEC_FORMAT_TABLE && !args->notes)
                sink.write(sink.user, HINT, sizeof HINT - 1);
        }
        if (status != MVEC_OK && session.write_errno == 0)
            code = cli_fail(session.ctx, status);
        if (empty != 0)
            code = empty;
        mvec_profile_free(session.ctx, profile);
    }
    return cli_session_close(&session, code);
}

const cli_command CMD_PROFILE = {
    .name = "profile",
    .run = run_profile,
    .brief = "the multi-vector profile of a country (the main job)",
    .usage = "[COUNTRY] [options]",
    .summary = "Show a country's multi-vector profile: for each vector of its foreign relations, "
               "the top partners and their shares, the shares of the great powers, the balance "
               "among them, the leader and its margin, and the partner concentration (HHI), "
               "then a composite across vectors.",
    .description = "COUNTRY is a code or a name (default: Kazakhstan). Each vector uses the "
                   "latest year with data unless --year is given. Where the sources list only "
                   "some partners or disagree, every number is an interval: the exact bounds "
                   "over all allocations of the unlisted remainder and all combinations of "
                   "conflicting values. The table shows one line per vector; --notes adds which "
                   "inputs were used, every bloc share and concentration index, and the "
                   "numbered sources; docs/methods.md gives the formulas.",
    .options = PROFILE_OPTIONS,
    .max_positional = 1,
    .examples = "  mvec profile\n"
                "  mvec profile --notes\n"
                "  mvec profile KAZ --year 2022 --format json\n"
                "  mvec profile --blocs powers,treaties\n"
                "  mvec profile --no-embedded \\\n"
                "      --data examples/data/kaz_trade_by_partner_2021_2023.csv\n"
                "  mvec profile KAZ --no-embedded \\\n"
                "      --data tests/data/flowprofile/BACI_HS92_Y2021_V202401_tiny.csv\n"
                "  mvec profile KAZ --no-embedded --data tests/data/flowprofile/wto_tiny.csv \\\n"
                "      --asymmetry --format csv\n",
};
