/*
 * cmd_screen.c - mvec screen COUNTRY: the product dependency screen of the
 * European Commission (2021) as CEPII GeoDep applies it to every country,
 * on product-level flow files (mvec_screen.h; docs/methods.md, "Product
 * dependency screen").
 */
#include <stdio.h>
#include <string.h>

#include "commands.h"
#include "flow_query.h"
#include "messages.h"
#include "session.h"

static const cli_option OPTION_FORMAT = {
    "format", 0, "FORMAT", CLI_TEXT, offsetof(cli_args, format),
    "output format: table (default), csv or xlsx (an Excel workbook: give -o FILE.xlsx)"};

static const cli_option *const SCREEN_OPTIONS[] = {
    &CLI_OPTION_YEAR,      &CLI_OPTION_FLOW_DATA, &CLI_OPTION_WORKSPACE, &CLI_OPTION_ONE_SCHEME,
    &OPTION_FORMAT,        &CLI_OPTION_OUTPUT,    &CLI_OPTION_ISO_CODES, &CLI_OPTION_QUIET,
    &CLI_OPTION_HELP,      NULL,
};

static void met_years(char *out, const mvec_screen_info *info, unsigned met)
{
    size_t used = 0;
    out[0] = '\0';
    for (int i = 0; i < MVEC_SCREEN_WINDOW; i++)
        if (met & (1u << i))
            used += (size_t)snprintf(out + used, 64 - used, "%s%d", used ? " " : "",
                                     info->first_year + i);
}

static const char *bloc_name(const mvec_bloc_scheme *scheme, size_t bloc)
{
    return bloc == SIZE_MAX ? "unmapped" : mvec_bloc_name(scheme, bloc);
}

/* A value of the screen in US dollars, exact (thousandths for Comtrade's fractions). */
static const char *usd(const mvec_screen_info *info, int64_t value, char *out, size_t size)
{
    return mvec_flows_value_text(value, info->value_decimals, out, size);
}

static void print_table(FILE *out, const mvec_screen *screen, const mvec_bloc_scheme *scheme,
                        const mvec_flows_info *source)
{
    const mvec_screen_info *info = mvec_screen_get_info(screen);
    fprintf(out, "Product dependency screen of %s, %d (criteria met in %d of the %d years %d-%d)\n",
           info->country, info->last_year, MVEC_SCREEN_YEARS_REQUIRED, MVEC_SCREEN_WINDOW,
           info->first_year, info->last_year);
    fprintf(out, "criteria (EC 2021, CEPII GeoDep): supplier HHI > 0.4, world-export HHI > 0.4, "
           "imports > exports\n");
    fprintf(out, "data: %s (%s, HS%d products, edition %s)\n\n", source->format,
           mvec_flows_basis_name(info->basis), info->product_digits, info->hs_edition);
    fprintf(out, "%-6s %-9s %20s %9s %13s %14s %16s %10s\n", "year", "reported", "imports USD",
           "products", "supplier HHI", "world HHI", "imports>exports", "all three");
    for (int i = 0; i < MVEC_SCREEN_WINDOW; i++) {
        const mvec_screen_year *y = &info->years[i];
        char m[32];
        fprintf(out, "%-6d %-9s %20s %9zu %13zu %14zu %16zu %10zu\n", y->year,
               y->reported ? "yes" : "no", usd(info, y->imports_usd, m, sizeof m), y->imported,
               y->supplier_concentrated, y->world_concentrated, y->imports_exceed, y->met);
    }
    fprintf(out, "\ndependent products: %zu\n", info->product_count);
    if (info->product_count > 0)
        fprintf(out, "%-8s %-16s %-5s %18s %-6s %7s %-10s %8s %8s %18s %-6s\n", "product", "met in",
               "year", "imports USD", "from", "share", "bloc", "HHI sup", "HHI wld",
               "exports USD", "leader");
    for (size_t i = 0; i < info->product_count; i++) {
        const mvec_screen_product *p = mvec_screen_product_at(screen, i);
        char met[64];
        met_years(met, info, p->met);
        double share = p->imports_usd > 0 ? 100.0 * (double)p->supplier_usd /
                                                 (double)p->imports_usd
                                           : 0;
        char m[32], x[32];
        fprintf(out, "%-8s %-16s %-5d %18s %-6s %6.1f%% %-10s %8.4f %8.4f %18s %-6s\n", p->product,
               met, p->year, usd(info, p->imports_usd, m, sizeof m), p->supplier, share,
               bloc_name(scheme, p->bloc), p->supplier_hhi, p->world_hhi,
               usd(info, p->exports_usd, x, sizeof x), p->world_leader);
    }
    fprintf(out, "\ndependent imports by bloc of the largest supplier (scheme %s)\n",
           mvec_bloc_scheme_name(scheme));
    fprintf(out, "%-10s %9s %20s\n", "bloc", "products", "imports USD");
    size_t products = 0;
    int64_t total = 0;
    for (size_t b = 0; b < info->bloc_count; b++) {
        const mvec_screen_bloc *bloc = mvec_screen_bloc_at(screen, b);
        if (bloc->products == 0 && strcmp(bloc->bloc, "unmapped") == 0)
            continue;
        char m[32];
        fprintf(out, "%-10s %9zu %20s\n", bloc->bloc, bloc->products,
               usd(info, bloc->imports_usd, m, sizeof m));
        products += bloc->products;
        total += bloc->imports_usd;
    }
    char t[32];
    fprintf(out, "%-10s %9zu %20s\n", "total", products, usd(info, total, t, sizeof t));
    fprintf(out, "\nnotes:\n");
    cli_print_wrapped(out, "- ", 2,
                      "values are %s, summed exactly; each test is decided in "
                      "integers (HHI > 0.4 as 5 x sum of squares > 2 x total^2)",
                      info->value_decimals ? "US dollars to the thousandth (UN Comtrade's precision)"
                                            : "whole US dollars");
    cli_print_wrapped(out, "- ", 2,
                      "a product's figures are those of the window's last year, or of the "
                      "latest year in which %s imported it",
                      info->country);
    if (info->basis == MVEC_FLOWS_IMPORTER_DECLARED)
        cli_print_wrapped(out, "- ", 2,
                          "the file is importer-declared: world exports of a product, and %s's "
                          "own exports, are mirror sums of all reporters' declared imports "
                          "(CIF); flows between non-reporters are missing",
                          info->country);
    if (info->product_digits < 6)
        cli_print_wrapped(out, "- ", 2,
                          "HS%d products: coarser than the HS6 screen of the Commission and "
                          "GeoDep; a chapter can hide dependent HS6 lines, or show "
                          "concentration its lines do not have",
                          info->product_digits);
    for (int i = 0; i < MVEC_SCREEN_WINDOW; i++)
        if (!info->years[i].reported)
            cli_print_wrapped(out, "- ", 2,
                              "%s reports no imports in %d: that year meets no criterion",
                              info->country, info->years[i].year);
}

static void print_csv(FILE *out, const mvec_screen *screen, const mvec_bloc_scheme *scheme)
{
    const mvec_screen_info *info = mvec_screen_get_info(screen);
    fprintf(out, "country,product,years_met,met_in,year,imports_usd,exports_usd,supplier,supplier_name,"
           "supplier_usd,bloc,supplier_hhi,world_hhi,world_leader,world_exports_usd\n");
    for (size_t i = 0; i < info->product_count; i++) {
        const mvec_screen_product *p = mvec_screen_product_at(screen, i);
        char met[64];
        met_years(met, info, p->met);
        char name[256];
        snprintf(name, sizeof name, "%s", p->supplier_name);
        bool quote = strchr(name, ',') != NULL || strchr(name, '"') != NULL;
        char m[32], x[32], s[32], w[32];
        fprintf(out, "%s,%s,%d,%s,%d,%s,%s,%s,%s%s%s,%s,%s,%.17g,%.17g,%s,%s\n", info->country,
               p->product, p->years_met, met, p->year, usd(info, p->imports_usd, m, sizeof m),
               usd(info, p->exports_usd, x, sizeof x), p->supplier, quote ? "\"" : "", name,
               quote ? "\"" : "", usd(info, p->supplier_usd, s, sizeof s),
               bloc_name(scheme, p->bloc), p->supplier_hhi, p->world_hhi, p->world_leader,
               usd(info, p->world_exports_usd, w, sizeof w));
    }
}

/* The window's years and the dependent imports by bloc, as CSV (the workbook's sheets). */
static void print_years_csv(FILE *out, const mvec_screen *screen)
{
    const mvec_screen_info *info = mvec_screen_get_info(screen);
    fprintf(out, "year,reported,imports_usd,products,supplier_hhi_over,world_hhi_over,"
                 "imports_over_exports,all_three\n");
    for (int i = 0; i < MVEC_SCREEN_WINDOW; i++) {
        const mvec_screen_year *y = &info->years[i];
        char m[32];
        fprintf(out, "%d,%s,%s,%zu,%zu,%zu,%zu,%zu\n", y->year, y->reported ? "yes" : "no",
                usd(info, y->imports_usd, m, sizeof m), y->imported, y->supplier_concentrated,
                y->world_concentrated, y->imports_exceed, y->met);
    }
}

static void print_blocs_csv(FILE *out, const mvec_screen *screen)
{
    const mvec_screen_info *info = mvec_screen_get_info(screen);
    fprintf(out, "bloc,products,imports_usd\n");
    for (size_t b = 0; b < info->bloc_count; b++) {
        const mvec_screen_bloc *bloc = mvec_screen_bloc_at(screen, b);
        char m[32];
        if (bloc->products == 0 && strcmp(bloc->bloc, "unmapped") == 0)
            continue;
        fprintf(out, "%s,%zu,%s\n", bloc->bloc, bloc->products,
                usd(info, bloc->imports_usd, m, sizeof m));
    }
}

static int write_xlsx(flow_query *query, const mvec_screen *screen, cli_session *output)
{
    static const char *const names[] = {"Products", "Years", "Blocs", "Sources"};
    cli_text texts[4];
    for (size_t i = 0; i < 4; i++)
        cli_text_open(&texts[i]);
    print_csv(texts[0].file, screen, query->scheme);
    print_years_csv(texts[1].file, screen);
    print_blocs_csv(texts[2].file, screen);
    cli_flow_sources_csv(texts[3].file, query->tables, query->table_count);
    for (size_t i = 0; i < 4; i++)
        cli_text_close(&texts[i]);
    int code = cli_write_workbook(query->ctx, output, names, texts, 4);
    for (size_t i = 0; i < 4; i++)
        cli_text_free(&texts[i]);
    return code;
}

static int run_screen(const cli_command *command, cli_args *args)
{
    (void)command;
    if (args->positional_count != 1) {
        cli_error(args->positional_count == 0 ? "no country given" : "one country at a time");
        cli_try_help("screen");
        return 2;
    }
    bool csv = args->format != NULL && strcmp(args->format, "csv") == 0;
    bool xlsx = args->format != NULL && strcmp(args->format, "xlsx") == 0;
    if (args->format != NULL && !csv && !xlsx && strcmp(args->format, "table") != 0) {
        cli_error("--format for screen is table, csv or xlsx, not '%s'", args->format);
        cli_try_help("screen");
        return 2;
    }
    if (cli_refuse_binary_to_terminal(args->format, args->output) != 0)
        return 2;
    cli_session output;
    if (cli_output_open(&output, args->output) != 0)
        return 1;
    flow_query query;
    int code = flow_query_open(&query, args, "screen");
    if (code == 0)
        code = flow_query_load_tables(&query, args, "screen");
    mvec_screen *screen = NULL;
    if (code == 0) {
        mvec_screen_options options = MVEC_SCREEN_OPTIONS_INIT;
        options.year = args->year;
        mvec_status status = mvec_screen_run(
            query.ctx, query.countries, query.scheme, (const mvec_flows *const *)query.tables,
            query.table_count, args->positional[0], &options, &screen);
        if (status != MVEC_OK)
            code = cli_fail(query.ctx, status);
    }
    if (code == 0) {
        if (xlsx)
            code = write_xlsx(&query, screen, &output);
        else if (csv)
            print_csv(output.out, screen, query.scheme);
        else
            print_table(output.out, screen, query.scheme, mvec_flows_get_info(query.tables[0]));
    }
    if (query.ctx != NULL)
        mvec_screen_free(query.ctx, screen);
    flow_query_close(&query);
    return cli_output_close(&output, code);
}

const cli_command CMD_SCREEN = {
    .name = "screen",
    .run = run_screen,
    .brief = "product dependency screen (EC 2021, CEPII GeoDep) on flow files",
    .usage = "COUNTRY [options]",
    .summary = "List the products on which COUNTRY depends by the European Commission's (2021) "
               "screen as CEPII's GeoDep applies it to every country: in at least 2 of the 3 "
               "years ending in --year, its imports of the product are concentrated on few "
               "suppliers (HHI > 0.4), the product's world exports are concentrated on few "
               "exporters (HHI > 0.4), and it imports more of the product than it exports.",
    .description = "Each product is listed with its largest supplier, that supplier's bloc and "
                   "the value; then the dependent imports by bloc. Values are exact integers of "
                   "US dollars and every threshold is decided in integers (docs/methods.md, "
                   "\"Product dependency screen\"). On the WTO's importer-declared file, world "
                   "exports are the mirror sums of every reporter's imports, and products are "
                   "HS chapters: a coarser screen than the Commission's HS6.",
    .options = SCREEN_OPTIONS,
    .max_positional = 1,
    .examples = "  mvec screen KAZ --year 2019 --data tests/data/screen_wto.csv\n"
                "  mvec screen KAZ --year 2019 --format csv --data tests/data/screen_wto.csv\n"
                "  mvec screen KAZ --year 2019 --format xlsx -o screen.xlsx \\\n"
                "      --data tests/data/screen_wto.csv\n",
};
