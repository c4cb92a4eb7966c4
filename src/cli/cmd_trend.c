/*
 * cmd_trend.c - mvec trend: a partner's or bloc's share (or a context
 * indicator) year by year, a before/after break test, and the
 * decomposition of a change between two years.
 */
#include "commands.h"
#include "messages.h"
#include "names.h"
#include "session.h"

static const cli_option OPTION_TREND_VECTOR = {
    "vector", 0, "VECTOR", CLI_TEXT, offsetof(cli_args, vector),
    "the vector followed (required), e.g. trade.total, arms.imports, un.votes"};
static const cli_option OPTION_BLOC = {
    "bloc", 0, "BLOC", CLI_TEXT, offsetof(cli_args, bloc),
    "follow this bloc's share (a bloc of the scheme, e.g. CHN, RUS-EAEU, WEST)"};
static const cli_option OPTION_TREND_PARTNER = {
    "partner", 0, "PARTNER", CLI_TEXT, offsetof(cli_args, partner),
    "follow this partner's share (code or name); with --indicator, the indicator's partner"};
static const cli_option OPTION_INDICATOR = {
    "indicator", 0, "INDICATOR", CLI_TEXT, offsetof(cli_args, indicator),
    "follow a context indicator's value instead of a share (e.g. agreement, favourable)"};
static const cli_option OPTION_BREAK = {
    "break", 0, "YEAR", CLI_YEAR, offsetof(cli_args, break_year),
    "compare the years before YEAR with YEAR and after: difference of means with its 95 % "
    "confidence interval (Welch) and a Chow test of a linear trend"};
static const cli_option OPTION_EXPLAIN = {
    "explain", 0, "Y1 Y2", CLI_YEAR_PAIR, offsetof(cli_args, explain),
    "split the change in HHI from Y1 to Y2 into partner contributions (and a --bloc share's "
    "change into entries, exits and reweighting)"};

static const cli_option *const TREND_OPTIONS[] = {
    &OPTION_TREND_VECTOR, &OPTION_TREND_PARTNER, &OPTION_BLOC,        &OPTION_INDICATOR,
    &OPTION_BREAK,      &OPTION_EXPLAIN,       &CLI_OPTION_BASIS,   &CLI_OPTION_BLOCS,
    &CLI_OPTION_DATA,   &CLI_OPTION_NO_EMBEDDED, &CLI_OPTION_WORKSPACE, &CLI_OPTION_FORMAT, &CLI_OPTION_OUTPUT,
    &CLI_OPTION_ISO_CODES, &CLI_OPTION_QUIET,  &CLI_OPTION_HELP,    NULL,
};

static int run_trend(const cli_command *command, cli_args *args)
{
    (void)command;
    if (args->vector == NULL) {
        cli_error("'trend' needs --vector");
        cli_try_help("trend");
        return 2;
    }
    if (args->partner != NULL && args->bloc != NULL) {
        cli_error("--partner and --bloc cannot be used together");
        cli_try_help("trend");
        return 2;
    }
    if (args->partner == NULL && args->bloc == NULL && args->indicator == NULL &&
        args->explain[0] == 0) {
        cli_error("'trend' needs --partner, --bloc, --indicator or --explain");
        cli_try_help("trend");
        return 2;
    }
    cli_session session;
    mvec_trend *trend = NULL;
    args->workspace_country = args->positional_count ? args->positional[0] : "KAZ";
    int code = cli_session_open(&session, args);
    if (code == 0) {
        const char *country_name = args->positional_count ? args->positional[0] : "KAZ";
        const mvec_country *country = mvec_countries_find(session.countries, country_name);
        /* An unknown country is the library's to report. */
        if (country != NULL)
            code = cli_check_vector(session.observations, session.memberships, country,
                                    args->vector,
                                    args->indicator ? CLI_VECTOR_FILTER : CLI_VECTOR_NAMED);
        mvec_status status = MVEC_OK;
        if (code == 0) {
            mvec_trend_options options = MVEC_TREND_OPTIONS_INIT;
            options.country = country_name;
            options.vector = args->vector;
            options.partner = args->partner;
            options.bloc = args->bloc;
            options.indicator = args->indicator;
            options.basis = args->basis;
            options.break_year = args->break_year;
            options.explain_from = args->explain[0];
            options.explain_to = args->explain[1];
            status = mvec_trend_build(session.ctx, session.observations, session.scheme,
                                      session.memberships, &options, &trend);
        }
        if (status == MVEC_OK && code == 0) {
            mvec_sink sink = cli_session_sink(&session);
            status = mvec_trend_write(session.ctx, trend, session.format, &sink);
        }
        if (status != MVEC_OK && session.write_errno == 0)
            code = cli_fail(session.ctx, status);
        mvec_trend_free(session.ctx, trend);
    }
    return cli_session_close(&session, code);
}

const cli_command CMD_TREND = {
    .name = "trend",
    .run = run_trend,
    .brief = "a partner's or bloc's share year by year, break test, change decomposition",
    .usage = "[COUNTRY] --vector V (--partner P | --bloc B | --indicator I) [options]",
    .summary = "Follow one partner's or bloc's share of a vector (or a context indicator) "
               "year by year, from the distribution the profile would use for each year; "
               "optionally test for a break and decompose a change.",
    .description = "Where a year's share is open (incomplete or conflicting data) it is shown "
                   "as lo-hi, and the break test runs on the lower and on the upper ends: its "
                   "verdict is firm only when both agree. --break YEAR: YEAR and later years "
                   "are \"after\"; the verdict is stable when the 95 % confidence interval of "
                   "the difference of means lies within +-5 percentage points and the Chow test "
                   "does not reject at 5 %, changed when the interval lies wholly outside or the "
                   "Chow test rejects, and undecided otherwise; at least 3 years on each side (docs/methods.md, "
                   "section 9). --explain needs every partner's exact share in both years. CSV "
                   "writes the parts of the change with --explain, else the series.",
    .options = TREND_OPTIONS,
    .max_positional = 1,
    .examples = "  mvec trend KAZ --vector trade.total --partner CHN --break 2013 \\\n"
                "      --no-embedded --data tests/data/itpd/itpd_kaz_2000_2016.csv\n"
                "  mvec trend --vector trade.total --bloc WEST --explain 2021 2023 \\\n"
                "      --data examples/data/kaz_trade_by_partner_2021_2023.csv\n",
};
