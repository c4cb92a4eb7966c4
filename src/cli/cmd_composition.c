/*
 * cmd_composition.c - mvec composition COUNTRY: exports and imports by stage
 * of processing (BEC Rev.4 -> raw, intermediate, capital, consumer goods),
 * by partner bloc and year (mvec_composition.h; docs/methods.md,
 * "Composition by stage of processing").
 */
#include <stdio.h>
#include <string.h>

#include "commands.h"
#include "flow_query.h"
#include "messages.h"
#include "session.h"

static const cli_option OPTION_COMPOSITION_DATA = {
    "data", 0, "FILE", CLI_FILE_LIST, offsetof(cli_args, data_files),
    "a WITS download of UN Comtrade (HS4 or HS6) or a product-level flow file (CEPII BACI); "
    "repeatable"};
static const cli_option OPTION_FLOW = {
    "flow", 0, "FLOW", CLI_TEXT, offsetof(cli_args, flow),
    "exports, imports, both (default: each on its own rows) or total (exports + imports)"};
static const cli_option OPTION_FORMAT = {
    "format", 0, "FORMAT", CLI_TEXT, offsetof(cli_args, format),
    "output format: table (default), csv or xlsx (an Excel workbook: give -o FILE.xlsx)"};

static const cli_option *const COMPOSITION_OPTIONS[] = {
    &OPTION_COMPOSITION_DATA, &OPTION_FLOW,      &CLI_OPTION_ONE_SCHEME, &OPTION_FORMAT,
    &CLI_OPTION_OUTPUT,       &CLI_OPTION_ISO_CODES, &CLI_OPTION_QUIET,  &CLI_OPTION_HELP,
    NULL,
};

enum { MAX_ROWS = 4096 };

/* A printed row: a library row, or the sum of a year's exports and imports rows. */
struct printed {
    int year;
    const char *flow;
    const char *partner;
    int64_t total_usd, unmapped_usd, split_usd;
    double stage_usd[MVEC_STAGE_COUNT];
};

static double share(const struct printed *row, double value)
{
    int64_t staged = row->total_usd - row->unmapped_usd;
    return staged > 0 ? value / (double)staged : 0;
}

static size_t collect(const mvec_composition *composition, const char *flow,
                      struct printed *rows)
{
    size_t n = 0;
    bool total = strcmp(flow, "total") == 0;
    for (size_t i = 0; i < mvec_composition_row_count(composition) && n < MAX_ROWS; i++) {
        const mvec_composition_row *r = mvec_composition_row_at(composition, i);
        const char *name = r->exports ? "exports" : "imports";
        if (!total && strcmp(flow, "both") != 0 && strcmp(flow, name) != 0)
            continue;
        struct printed *row = NULL;
        if (total) {
            for (size_t j = 0; j < n && row == NULL; j++)
                if (rows[j].year == r->year && strcmp(rows[j].partner, r->partner) == 0)
                    row = &rows[j];
        }
        if (row == NULL) {
            row = &rows[n++];
            memset(row, 0, sizeof *row);
            row->year = r->year;
            row->flow = total ? "total" : name;
            row->partner = r->partner;
        }
        row->total_usd += r->total_usd;
        row->unmapped_usd += r->unmapped_usd;
        row->split_usd += r->split_usd;
        for (size_t s = 0; s < MVEC_STAGE_COUNT; s++)
            row->stage_usd[s] += r->stage_usd[s];
    }
    return n;
}

/* A sum of the composition in US dollars, exact (10^-decimals USD integers). */
static const char *usd(int64_t value, int decimals, char *out, size_t size)
{
    return mvec_flows_value_text(value, decimals, out, size);
}

static void print_table(FILE *out, const char *country, const mvec_bloc_scheme *scheme,
                        const struct printed *rows, size_t n, int decimals)
{
    fprintf(out, "Composition of %s's trade by stage of processing (HS -> BEC Rev.4 -> UNCTAD "
           "stages), partners by bloc (scheme %s)\n",
           country, mvec_bloc_scheme_name(scheme));
    fprintf(out, "shares of the value the concordance classifies, in %%\n\n");
    fprintf(out, "%-5s %-8s %-10s %18s %7s %7s %7s %7s %7s %7s %9s\n", "year", "flow", "partner",
           "value USD", "raw", "interm", "capital", "consumr", "uncl", "split", "unmapped");
    for (size_t i = 0; i < n; i++) {
        const struct printed *r = &rows[i];
        char total[32], unmapped[32];
        fprintf(out, "%-5d %-8s %-10s %18s", r->year, r->flow, r->partner,
               usd(r->total_usd, decimals, total, sizeof total));
        for (size_t s = 0; s < MVEC_STAGE_COUNT; s++)
            fprintf(out, " %7.2f", 100 * share(r, r->stage_usd[s]));
        fprintf(out, " %7.2f %9s\n", 100 * share(r, (double)r->split_usd),
               usd(r->unmapped_usd, decimals, unmapped, sizeof unmapped));
    }
    /* first and last year of each flow and partner */
    bool heading = false;
    for (size_t i = 0; i < n; i++) {
        bool seen = false;
        for (size_t j = 0; j < i && !seen; j++)
            seen = strcmp(rows[j].flow, rows[i].flow) == 0 &&
                   strcmp(rows[j].partner, rows[i].partner) == 0;
        if (seen)
            continue;
        const struct printed *last = &rows[i];
        for (size_t j = i + 1; j < n; j++)
            if (strcmp(rows[j].flow, rows[i].flow) == 0 &&
                strcmp(rows[j].partner, rows[i].partner) == 0)
                last = &rows[j];
        if (last == &rows[i])
            continue;
        if (!heading) {
            fprintf(out, "\nchange in share, percentage points, first to last year\n");
            fprintf(out, "%-8s %-10s %-9s %8s %8s %8s %8s %8s\n", "flow", "partner", "years", "raw",
                   "interm", "capital", "consumr", "uncl");
            heading = true;
        }
        fprintf(out, "%-8s %-10s %d-%d", rows[i].flow, rows[i].partner, rows[i].year, last->year);
        for (size_t s = 0; s < MVEC_STAGE_COUNT; s++)
            fprintf(out, " %+8.2f", 100 * (share(last, last->stage_usd[s]) -
                                     share(&rows[i], rows[i].stage_usd[s])));
        fprintf(out, "\n");
    }
    fprintf(out, "\nnotes:\n");
    cli_print_wrapped(out, "- ", 2,
                      "value: %s, summed exactly; a product split across stages "
                      "(an HS6 line with several BEC headings, an HS4 heading whose HS6 lines "
                      "differ) is divided equally among them ('split': its share of the value)",
                      decimals ? "US dollars to the thousandth (UN Comtrade's precision)"
                               : "whole US dollars");
    cli_print_wrapped(out, "- ", 2,
                      "unmapped: value of codes the edition's HS -> BEC table does not list, "
                      "left out of the shares");
}

static void print_csv(FILE *out, const char *country, const struct printed *rows, size_t n, int decimals)
{
    double per_usd = 1;
    for (int d = 0; d < decimals; d++)
        per_usd *= 10;
    fprintf(out, "country,year,flow,partner,value_usd,unmapped_usd,split_usd");
    for (size_t s = 0; s < MVEC_STAGE_COUNT; s++)
        fprintf(out, ",%s_usd", mvec_stage_name((mvec_stage)s));
    for (size_t s = 0; s < MVEC_STAGE_COUNT; s++)
        fprintf(out, ",%s_share", mvec_stage_name((mvec_stage)s));
    fprintf(out, "\n");
    for (size_t i = 0; i < n; i++) {
        const struct printed *r = &rows[i];
        char total[32], unmapped[32], split[32];
        fprintf(out, "%s,%d,%s,%s,%s,%s,%s", country, r->year, r->flow, r->partner,
               usd(r->total_usd, decimals, total, sizeof total),
               usd(r->unmapped_usd, decimals, unmapped, sizeof unmapped),
               usd(r->split_usd, decimals, split, sizeof split));
        for (size_t s = 0; s < MVEC_STAGE_COUNT; s++)
            fprintf(out, ",%.17g", r->stage_usd[s] / per_usd);
        for (size_t s = 0; s < MVEC_STAGE_COUNT; s++)
            fprintf(out, ",%.17g", share(r, r->stage_usd[s]));
        fprintf(out, "\n");
    }
}

/* The rows as CSV, and the files they come from and the concordance as the Sources sheet. */
static int write_xlsx(mvec_ctx *ctx, const cli_args *args, const char *country,
                      const struct printed *rows, size_t n, int decimals, cli_session *output)
{
    static const char *const names[] = {"Composition", "Sources"};
    cli_text texts[2];
    cli_text_open(&texts[0]);
    cli_text_open(&texts[1]);
    print_csv(texts[0].file, country, rows, n, decimals);
    fprintf(texts[1].file, "no.,publication,title,note\n");
    for (size_t i = 0; i < args->data_file_count; i++) {
        fprintf(texts[1].file, "%zu,trade data (a WITS download or a flow file),\"", i + 1);
        for (const char *p = args->data_files[i]; *p; p++)
            fprintf(texts[1].file, *p == '"' ? "\"\"" : "%c", *p);
        fprintf(texts[1].file, "\",values by product and partner\n");
    }
    fprintf(texts[1].file,
            "%zu,\"United Nations Statistics Division, HS to BEC Rev.4 correlation tables\","
            "\"BEC Rev.4 and UNCTAD stages of processing\",\"the stage of each product "
            "(data/codes, docs/methods.md)\"\n",
            args->data_file_count + 1);
    cli_text_close(&texts[0]);
    cli_text_close(&texts[1]);
    int code = cli_write_workbook(ctx, output, names, texts, 2);
    cli_text_free(&texts[0]);
    cli_text_free(&texts[1]);
    return code;
}

static struct printed ROWS[MAX_ROWS];

static int run_composition(const cli_command *command, cli_args *args)
{
    (void)command;
    if (args->positional_count != 1) {
        cli_error(args->positional_count == 0 ? "no country given" : "one country at a time");
        cli_try_help("composition");
        return 2;
    }
    const char *flow = args->flow ? args->flow : "both";
    if (strcmp(flow, "exports") != 0 && strcmp(flow, "imports") != 0 &&
        strcmp(flow, "both") != 0 && strcmp(flow, "total") != 0) {
        cli_error("--flow is exports, imports, both or total, not '%s'", flow);
        cli_try_help("composition");
        return 2;
    }
    bool csv = args->format != NULL && strcmp(args->format, "csv") == 0;
    bool xlsx = args->format != NULL && strcmp(args->format, "xlsx") == 0;
    if (args->format != NULL && !csv && !xlsx && strcmp(args->format, "table") != 0) {
        cli_error("--format for composition is table, csv or xlsx, not '%s'", args->format);
        cli_try_help("composition");
        return 2;
    }
    if (cli_refuse_binary_to_terminal(args->format, args->output) != 0)
        return 2;
    if (args->data_file_count == 0) {
        cli_error("no data: give --data FILE (a WITS download or a flow file)");
        cli_try_help("composition");
        return 2;
    }
    cli_session output;
    if (cli_output_open(&output, args->output) != 0)
        return 1;
    flow_query query;
    int code = flow_query_open(&query, args, "composition");
    mvec_composition *composition = NULL;
    if (code == 0) {
        mvec_status status = mvec_composition_new(query.ctx, query.countries, query.scheme,
                                                  args->positional[0], &composition);
        for (size_t i = 0; status == MVEC_OK && i < args->data_file_count; i++)
            status = mvec_composition_add_file(query.ctx, composition, args->data_files[i]);
        if (status == MVEC_OK)
            status = mvec_composition_finish(query.ctx, composition);
        if (status != MVEC_OK)
            code = cli_fail(query.ctx, status);
    }
    if (code == 0) {
        const char *country = mvec_countries_find(query.countries, args->positional[0])->code;
        size_t n = collect(composition, flow, ROWS);
        int decimals = mvec_composition_value_decimals(composition);
        if (xlsx)
            code = write_xlsx(query.ctx, args, country, ROWS, n, decimals, &output);
        else if (csv)
            print_csv(output.out, country, ROWS, n, decimals);
        else
            print_table(output.out, country, query.scheme, ROWS, n, decimals);
    }
    if (query.ctx != NULL)
        mvec_composition_free(query.ctx, composition);
    flow_query_close(&query);
    return cli_output_close(&output, code);
}

const cli_command CMD_COMPOSITION = {
    .name = "composition",
    .run = run_composition,
    .brief = "exports and imports by stage of processing, by partner bloc and year",
    .usage = "COUNTRY --data FILE... [options]",
    .summary = "Split COUNTRY's exports and imports into raw materials, intermediate, capital "
               "and consumer goods (the UN's HS -> BEC Rev.4 correlation tables and UNCTAD's "
               "stages of processing), by partner bloc and year.",
    .description = "Reads World Bank WITS downloads of UN Comtrade by HS4 or HS6 product "
                   "(thousands of USD) and CEPII BACI files; the HS edition comes from the "
                   "file (WITS's H0-H6, BACI's name). Rows with the World as partner give the "
                   "World row; without them, the World is the sum over partners. Formulas and "
                   "the stage of each BEC heading: docs/methods.md, \"Composition by stage of "
                   "processing\".",
    .options = COMPOSITION_OPTIONS,
    .max_positional = 1,
    .examples = "  mvec composition KAZ --data tests/data/composition_wits.csv\n"
                "  mvec composition KAZ --flow total --format csv --data "
                "tests/data/composition_wits.csv\n",
};
