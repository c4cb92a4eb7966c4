/*
 * cmd_flows.c - mvec flows: product-level trade flow files in their columnar
 * cache beside the workspace (W.flows/, docs/formats.md "Flow cache").
 *
 *   mvec flows                  list the cached files
 *   mvec flows import FILE...   read each file into the cache (unchanged ones are not read)
 *   mvec flows remove FILE...   drop the cache of each file
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "commands.h"
#include "messages.h"
#include "flow_query.h"
#include "progress.h"
#include "session.h"

static const cli_option OPTION_THREADS = {
    "threads", 0, "N", CLI_TEXT, offsetof(cli_args, threads),
    "parser threads, 1-64 (default: the number of processors); the result is the same for any N"};

static const cli_option *const FLOWS_OPTIONS[] = {
    &CLI_OPTION_WORKSPACE, &OPTION_THREADS, &CLI_OPTION_ISO_CODES,
    &CLI_OPTION_QUIET,     &CLI_OPTION_HELP, NULL,
};

/* ---- the three actions ------------------------------------------------------------------ */

static void print_summary(const char *verb, const char *file, const mvec_flows *flows)
{
    const mvec_flows_info *info = mvec_flows_get_info(flows);
    char years[32];
    if (info->rows == 0)
        snprintf(years, sizeof years, "-");
    else if (info->first_year == info->last_year)
        snprintf(years, sizeof years, "%d", info->first_year);
    else
        snprintf(years, sizeof years, "%d-%d", info->first_year, info->last_year);
    char prefix[16];
    snprintf(prefix, sizeof prefix, "%-9s ", verb);
    cli_print_wrapped(stdout, prefix, strlen(prefix),
                      "%s: %zu rows, %s (%s), years %s, %zu countr%s, %zu product%s (HS%d, %s)%s",
                      file, info->rows, info->format, mvec_flows_basis_name(info->basis), years,
                      info->country_count, info->country_count == 1 ? "y" : "ies",
                      info->product_count, info->product_count == 1 ? "" : "s",
                      info->product_digits, info->hs_edition,
                      info->value_decimals ? ", values to 0.001 USD" : "");
}

static int import_files(mvec_ctx *ctx, const cli_args *args, const char *cache_dir,
                        unsigned threads)
{
    mvec_countries *countries = NULL;
    mvec_countries_options country_options = MVEC_COUNTRIES_OPTIONS_INIT;
    country_options.iso_codes_dir = args->iso_codes;
    mvec_status status = mvec_countries_open(ctx, &country_options, &countries);
    if (status != MVEC_OK)
        return cli_fail(ctx, status);
    mvec_flows_options options = MVEC_FLOWS_OPTIONS_INIT;
    options.threads = threads;
    int code = 0;
    for (size_t i = 1; i < args->positional_count && code == 0; i++) {
        const char *file = args->positional[i];
        mvec_flows *flows = NULL;
        mvec_flows_outcome outcome = MVEC_FLOWS_CREATED;
        status = mvec_flows_import(ctx, countries, file, cache_dir, &options, &flows, &outcome);
        cli_progress_clear();
        if (status != MVEC_OK) {
            code = cli_fail(ctx, status);
            if (status == MVEC_ERR_PARSE || status == MVEC_ERR_SCHEMA || status == MVEC_ERR_LIMIT)
                cli_note("%s: no cache written", file);
            break;
        }
        switch (outcome) {
        case MVEC_FLOWS_CREATED:
            print_summary("imported", file, flows);
            break;
        case MVEC_FLOWS_UNCHANGED:
            print_summary("unchanged", file, flows);
            break;
        case MVEC_FLOWS_REBUILT_STALE:
        case MVEC_FLOWS_REBUILT_CORRUPT:
            print_summary("rebuilt", file, flows);
            break;
        }
        mvec_flows_close(ctx, flows);
    }
    mvec_countries_free(ctx, countries);
    return code;
}

static int remove_files(mvec_ctx *ctx, const cli_args *args, const char *cache_dir)
{
    for (size_t i = 1; i < args->positional_count; i++) {
        char cache[4200];
        mvec_status status = mvec_flows_cache_path(ctx, args->positional[i], cache_dir, cache,
                                                   sizeof cache);
        if (status != MVEC_OK)
            return cli_fail(ctx, status);
        if (unlink(cache) != 0) {
            cli_error("no flow cache of %s in %s", args->positional[i], cache_dir);
            return 1;
        }
        printf("removed   %s\n", args->positional[i]);
    }
    return 0;
}

static int list_files(mvec_ctx *ctx, const char *cache_dir)
{
    enum { MAX_LISTED = 1024 };
    char *names[MAX_LISTED] = {NULL};
    size_t count = flow_cache_names(cache_dir, names, MAX_LISTED);
    printf("flow cache %s: %zu file%s\n", cache_dir, count, count == 1 ? "" : "s");
    for (size_t i = 0; i < count; i++) {
        char path[4600];
        if (snprintf(path, sizeof path, "%s/%s", cache_dir, names[i]) >= (int)sizeof path) {
            free(names[i]);
            continue;
        }
        mvec_flows *flows = NULL;
        if (mvec_flows_open(ctx, path, &flows) == MVEC_OK) {
            const mvec_flows_info *info = mvec_flows_get_info(flows);
            /* not wrapped: the source's path is one word, and a line per file stays one line */
            printf("%s  %zu rows, %s, %d-%d, %s (%lld bytes, sha256 %.12s)\n", names[i],
                   info->rows, info->format, info->first_year, info->last_year, info->source_path,
                   info->source_size, info->source_sha256);
        } else {
            cli_print_wrapped(stdout, "", 2, "%s  unusable: %s", names[i],
                              mvec_ctx_error_message(ctx));
            mvec_ctx_clear_error(ctx);
        }
        mvec_flows_close(ctx, flows);
        free(names[i]);
    }
    return 0;
}

static int run_flows(const cli_command *command, cli_args *args)
{
    (void)command;
    const char *action = args->positional_count > 0 ? args->positional[0] : "list";
    bool import = strcmp(action, "import") == 0;
    bool remove = strcmp(action, "remove") == 0;
    if (!import && !remove && strcmp(action, "list") != 0) {
        cli_error("unknown action '%s' (import, remove, list or query)", action);
        cli_try_help("flows");
        return 2;
    }
    if ((import || remove) && args->positional_count < 2) {
        cli_error("no file given");
        cli_try_help("flows");
        return 2;
    }
    unsigned threads = 0;
    if (cli_threads(args, "flows", &threads) != 0)
        return 2;
    char workspace[4096];
    bool named = false;
    if (cli_workspace_path(args, workspace, sizeof workspace, &named) != 0)
        return 1;
    if (import)
        cli_workspace_prepare(workspace, named);
    char cache_dir[4200];
    snprintf(cache_dir, sizeof cache_dir, "%s.flows", workspace);
    mvec_ctx *ctx = cli_ctx_new(args);
    if (ctx == NULL)
        return 1;
    int code = import   ? import_files(ctx, args, cache_dir, threads)
               : remove ? remove_files(ctx, args, cache_dir)
                        : list_files(ctx, cache_dir);
    mvec_ctx_free(ctx);
    return code;
}

const cli_command CMD_FLOWS = {
    .name = "flows",
    .run = run_flows,
    .brief = "product-level trade flow files in their columnar cache",
    .usage = "[import FILE... | remove FILE... | list | query QUERY INPUT OUT_DIR BLOCS] "
             "[options]",
    .summary = "Read product-level bilateral trade files, plain, .gz or .zip, into a columnar "
               "cache beside the workspace; without an action, list the cached files. 'mvec "
               "flows query q1|q2|q3|all INPUT OUT_DIR BLOCS' answers the three benchmark "
               "queries (partner HHI, bloc shares, top-supplier share and supplier HHI per "
               "product) on flow files or their cache, exactly: see 'mvec flows query --help'.",
    .description = "The cache is the directory WORKSPACE.flows (the workspace as for 'mvec "
                   "import'), one .mvf file per source (docs/formats.md). A source whose size "
                   "and time (or else SHA-256) are those it was cached with is not read again "
                   "('unchanged'); a stale or damaged cache is reported and rebuilt. Values are "
                   "exact integers of US dollars (of thousandths for UN Comtrade files with "
                   "fractions): a value finer than that is an error, never rounded. A bad row stops the import with file:line:column (exit 3) and "
                   "leaves no cache of that file.\n"
                   "Formats, recognised by the header row: baci (CEPII BACI, "
                   "t,i,j,k,v,q: HS6 exports, reconciled, thousands of USD with 3 decimals; "
                   "the HS edition from the file name), wto (the WTO's bilateral imports by "
                   "HS chapter: year,reporter_m49,partner_m49,hs2,value_usd, importer-declared, "
                   "whole USD), wits (World Bank WITS downloads of UN Comtrade by HS4 product: "
                   "ReporterISO3,PartnerISO3,ProductCode,TradeFlowCode,TradeValuein1000USD..., "
                   "reporter-declared), comtrade and comtrade_legacy (UN Comtrade data API CSV or "
                   "tab-separated bulk files, current and legacy layouts: primaryValue, "
                   "reporter-declared; World, "
                   "aggregates, re-exports and breakdowns left out with a warning). The cached tables feed 'mvec screen', 'mvec "
                   "composition', 'mvec coverage' and, with --data FILE, profile, check, trend "
                   "and sources.",
    .options = FLOWS_OPTIONS,
    .max_positional = CLI_MAX_DATA_FILES,
    .examples = "  mvec flows import tests/data/flows/BACI_HS92_Y2021_V202301_slice.csv\n"
                "  mvec flows import tests/data/flows/wto_long_slice.csv.gz --threads 2\n"
                "  mvec flows\n"
                "  mvec flows query all tests/data/flowquery out "
                "tests/data/flowquery/blocs.csv\n",
};
