/*
 * cmd_flows_query.c - mvec flows query: the three flow queries of issue 7
 * (partner HHI, bloc shares, product dependency) over BACI-layout files,
 * answered exactly (mvec_flow_query.h) in the benchmark's answer format
 * (bench/README.md, "Flows"; docs/methods.md, "Flow queries").
 *
 *   mvec flows query QUERY INPUT OUT_DIR BLOCS_CSV
 *
 * main.c sends 'mvec flows query ...' here (its own options table).
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "commands.h"
#include "messages.h"
#include "session.h"

static const cli_option OPTION_QUERY_THREADS = {
    "threads", 0, "N", CLI_TEXT, offsetof(cli_args, threads),
    "threads, 1-64 (default: the number of processors); the answers are the same for any N"};
static const cli_option OPTION_QUERY_STATE = {
    "state", 0, "FILE", CLI_TEXT, offsetof(cli_args, output),
    "also save the aggregation state (integer sums) to FILE, to be merged later by giving it "
    "as an input"};
static const cli_option OPTION_QUERY_INPUT = {
    "data", 0, "INPUT", CLI_FILE_LIST, offsetof(cli_args, data_files),
    "another input (a flow file, a folder of them, or a saved state), added to INPUT; "
    "repeatable"};
static const cli_option OPTION_QUERY_WORKSPACE = {
    "workspace", 0, "FILE", CLI_TEXT, offsetof(cli_args, workspace),
    "read flow files through their cache beside this workspace (FILE.flows/, as 'mvec flows "
    "import'): a file cached unchanged is not read again, its cached sums answer"};

static const cli_option *const QUERY_OPTIONS[] = {
    &OPTION_QUERY_WORKSPACE, &OPTION_QUERY_THREADS, &OPTION_QUERY_STATE, &OPTION_QUERY_INPUT,
    &CLI_OPTION_ISO_CODES,   &CLI_OPTION_QUIET,     &CLI_OPTION_HELP,    NULL,
};

enum { MAX_INPUTS = 4096 };

typedef struct query_inputs {
    char *paths[MAX_INPUTS];
    size_t count;
} query_inputs;

static int compare_names(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static bool flow_file_name(const char *name)
{
    size_t n = strlen(name);
    if (strncmp(name, "BACI_", 5) != 0)
        return false;
    return (n > 4 && strcmp(name + n - 4, ".csv") == 0) ||
           (n > 7 && strcmp(name + n - 7, ".csv.gz") == 0) ||
           (n > 4 && strcmp(name + n - 4, ".zip") == 0);
}

/* INPUT: a folder (its BACI_*.csv, .csv.gz, .zip in name order) or a file. */
static int add_input(query_inputs *in, const char *path)
{
    struct stat st;
    if (stat(path, &st) != 0) {
        cli_error("%s: %s", path, strerror(errno));
        return 1;
    }
    if (!S_ISDIR(st.st_mode)) {
        if (in->count == MAX_INPUTS || (in->paths[in->count] = strdup(path)) == NULL) {
            cli_error("too many inputs");
            return 1;
        }
        in->count++;
        return 0;
    }
    DIR *dir = opendir(path);
    if (dir == NULL) {
        cli_error("%s: %s", path, strerror(errno));
        return 1;
    }
    size_t first = in->count;
    for (struct dirent *e = readdir(dir); e != NULL; e = readdir(dir)) {
        if (!flow_file_name(e->d_name))
            continue;
        size_t n = strlen(path) + strlen(e->d_name) + 2;
        char *full = malloc(n);
        if (full == NULL || in->count == MAX_INPUTS) {
            free(full);
            closedir(dir);
            cli_error("too many inputs");
            return 1;
        }
        snprintf(full, n, "%s/%s", path, e->d_name);
        in->paths[in->count++] = full;
    }
    closedir(dir);
    if (in->count == first) {
        cli_error("%s: no BACI_*.csv, .csv.gz or .zip file in this folder", path);
        return 1;
    }
    qsort(in->paths + first, in->count - first, sizeof *in->paths, compare_names);
    return 0;
}

/* ---- blocs CSV: code,bloc[,...] ---------------------------------------------------------- */

typedef struct bloc_table {
    char names[MVEC_FLOW_MAX_BLOCS][64];
    size_t name_count; /* the last is OTHER */
    unsigned *codes;
    unsigned char *blocs;
    size_t count, capacity;
} bloc_table;

static int split(char *line, char **cells, int max)
{
    int n = 0;
    char *p = line;
    while (n < max) {
        cells[n++] = p;
        char *comma = strchr(p, ',');
        if (comma == NULL)
            break;
        *comma = '\0';
        p = comma + 1;
    }
    return n;
}

static int read_blocs(const char *path, bloc_table *t)
{
    FILE *f = fopen(path, "r");
    if (f == NULL) {
        cli_error("%s: %s", path, strerror(errno));
        return 1;
    }
    char line[1024];
    char *cells[32];
    int code_col = -1, bloc_col = -1, line_no = 1;
    int rc = 0;
    char pending[MVEC_FLOW_MAX_BLOCS][64];
    size_t pending_count = 0;
    if (fgets(line, sizeof line, f) == NULL) {
        cli_error("%s:1:1: empty blocs file", path);
        fclose(f);
        return 3;
    }
    line[strcspn(line, "\r\n")] = '\0';
    int n = split(line, cells, 32);
    for (int i = 0; i < n; i++) {
        if (strcmp(cells[i], "code") == 0)
            code_col = i;
        if (strcmp(cells[i], "bloc") == 0)
            bloc_col = i;
    }
    if (code_col < 0 || bloc_col < 0) {
        cli_error("%s:1:1: the header needs the columns code and bloc", path);
        fclose(f);
        return 3;
    }
    /* two passes over the names: first appearance order, OTHER last */
    unsigned char *raw_bloc = NULL;
    while (fgets(line, sizeof line, f) != NULL) {
        line_no++;
        line[strcspn(line, "\r\n")] = '\0';
        if (line[0] == '\0')
            continue;
        n = split(line, cells, 32);
        char *end = NULL;
        long code = n > code_col ? strtol(cells[code_col], &end, 10) : -1;
        if (n <= bloc_col || end == cells[code_col] || *end != '\0' || code < 0 || code > 9999 ||
            cells[bloc_col][0] == '\0' || strlen(cells[bloc_col]) >= 64) {
            cli_error("%s:%d:1: expected a country code (0-9999) and a bloc name", path, line_no);
            rc = 3;
            break;
        }
        size_t b = 0;
        while (b < pending_count && strcmp(pending[b], cells[bloc_col]) != 0)
            b++;
        if (b == pending_count) {
            if (pending_count == MVEC_FLOW_MAX_BLOCS - 1) {
                cli_error("%s:%d:1: more than %d blocs", path, line_no, MVEC_FLOW_MAX_BLOCS - 1);
                rc = 3;
                break;
            }
            strcpy(pending[pending_count++], cells[bloc_col]);
        }
        if (t->count == t->capacity) {
            size_t cap = t->capacity ? t->capacity * 2 : 64;
            unsigned *c = realloc(t->codes, cap * sizeof *c);
            if (c != NULL)
                t->codes = c;
            unsigned char *r = realloc(raw_bloc, cap);
            if (r != NULL)
                raw_bloc = r;
            if (c == NULL || r == NULL) {
                cli_error("out of memory");
                rc = 1;
                break;
            }
            t->capacity = cap;
        }
        t->codes[t->count] = (unsigned)code;
        raw_bloc[t->count++] = (unsigned char)b;
    }
    fclose(f);
    if (rc != 0) {
        free(raw_bloc);
        return rc;
    }
    /* names: every bloc but OTHER in first-appearance order, then OTHER */
    size_t remap[MVEC_FLOW_MAX_BLOCS] = {0};
    t->name_count = 0;
    for (size_t b = 0; b < pending_count; b++)
        if (strcmp(pending[b], "OTHER") != 0) {
            remap[b] = t->name_count;
            strcpy(t->names[t->name_count++], pending[b]);
        }
    for (size_t b = 0; b < pending_count; b++)
        if (strcmp(pending[b], "OTHER") == 0)
            remap[b] = t->name_count;
    strcpy(t->names[t->name_count++], "OTHER");
    t->blocs = raw_bloc;
    for (size_t i = 0; i < t->count; i++)
        t->blocs[i] = (unsigned char)remap[t->blocs[i]];
    return 0;
}

/* ---- answers as CSV ----------------------------------------------------------------------- */

static void put_thousands(FILE *f, int64_t value)
{
    /* the value unit is whole US dollars: thousands with 3 decimals */
    uint64_t m = value < 0 ? (uint64_t)0 - (uint64_t)value : (uint64_t)value;
    fprintf(f, "%s%llu.%03llu", value < 0 ? "-" : "", (unsigned long long)(m / 1000),
            (unsigned long long)(m % 1000));
}

static const char *const ANSWER_NAMES[3] = {"q1.csv", "q2.csv", "q3.csv"};

/* Write the answers of `queries` into temporary files beside OUT_DIR's q?.csv, then rename
 * them all: either every answer is written or none. */
static int write_answers(const char *dir, unsigned queries, const mvec_flow_answers *a,
                         const bloc_table *blocs, bool quiet)
{
    char tmp[3][4200];
    bool made[3] = {false, false, false};
    size_t rows[3] = {a->q1_count, a->q2_count, a->q3_count};
    int rc = 0;
    for (int q = 0; q < 3 && rc == 0; q++) {
        if (!(queries & (1u << q)))
            continue;
        snprintf(tmp[q], sizeof tmp[q], "%s/.%s.tmp%ld", dir, ANSWER_NAMES[q], (long)getpid());
        FILE *f = fopen(tmp[q], "w");
        if (f == NULL) {
            cli_error("%s: %s", tmp[q], strerror(errno));
            rc = 1;
            break;
        }
        made[q] = true;
        if (q == 0) {
            fputs("t,side,c,n,total,hhi\n", f);
            for (size_t i = 0; i < a->q1_count; i++) {
                const mvec_flow_q1_row *r = &a->q1[i];
                fprintf(f, "%d,%s,%u,%llu,", r->year, r->side ? "imp" : "exp", r->code,
                        (unsigned long long)r->partners);
                put_thousands(f, r->total);
                fprintf(f, ",%.17g\n", r->hhi);
            }
        } else if (q == 1) {
            fputs("t,c,total", f);
            for (size_t b = 0; b < blocs->name_count; b++) {
                fputc(',', f);
                for (const char *p = blocs->names[b]; *p; p++)
                    fputc(*p >= 'A' && *p <= 'Z' ? *p - 'A' + 'a' : *p, f);
            }
            fputc('\n', f);
            for (size_t i = 0; i < a->q2_count; i++) {
                const mvec_flow_q2_row *r = &a->q2[i];
                fprintf(f, "%d,%u,", r->year, r->code);
                put_thousands(f, r->total);
                for (size_t b = 0; b < a->bloc_count; b++)
                    fprintf(f, ",%.17g", r->share[b]);
                fputc('\n', f);
            }
        } else {
            fputs("t,j,n_products,n_dep,sum_top,sum_hhi\n", f);
            for (size_t i = 0; i < a->q3_count; i++) {
                const mvec_flow_q3_row *r = &a->q3[i];
                fprintf(f, "%d,%u,%llu,%llu,%.17g,%.17g\n", r->year, r->importer,
                        (unsigned long long)r->products, (unsigned long long)r->dependent,
                        r->sum_top, r->sum_hhi);
            }
        }
        if (ferror(f) | (fclose(f) != 0)) {
            cli_error("%s: cannot write", tmp[q]);
            rc = 1;
        }
    }
    for (int q = 0; q < 3; q++) {
        if (!made[q])
            continue;
        char final[4300];
        snprintf(final, sizeof final, "%s/%s", dir, ANSWER_NAMES[q]);
        if (rc == 0 && rename(tmp[q], final) != 0) {
            cli_error("%s: %s", final, strerror(errno));
            rc = 1;
        }
        if (rc != 0)
            remove(tmp[q]);
        else if (!quiet)
            printf("wrote %s: %zu rows\n", final, rows[q]);
    }
    return rc;
}

static int parse_query(const char *text, unsigned *out)
{
    if (strcmp(text, "q1") == 0)
        *out = 1;
    else if (strcmp(text, "q2") == 0)
        *out = 2;
    else if (strcmp(text, "q3") == 0)
        *out = 4;
    else if (strcmp(text, "all") == 0)
        *out = 7;
    else
        return 1;
    return 0;
}

static int run_query(const cli_command *command, cli_args *args)
{
    (void)command;
    if (args->positional_count != 4) {
        cli_error("expected QUERY INPUT OUT_DIR BLOCS_CSV");
        cli_try_help("flows query");
        return 2;
    }
    unsigned queries = 0;
    if (parse_query(args->positional[0], &queries) != 0) {
        cli_error("unknown query '%s' (q1, q2, q3 or all)", args->positional[0]);
        cli_try_help("flows query");
        return 2;
    }
    unsigned threads = 0;
    if (cli_threads(args, "flows query", &threads) != 0)
        return 2;
    cli_set_quiet(args->quiet);
    const char *out_dir = args->positional[2];
    struct stat st;
    if (stat(out_dir, &st) != 0) {
        if (mkdir(out_dir, 0777) != 0) {
            cli_error("%s: %s", out_dir, strerror(errno));
            return 1;
        }
    } else if (!S_ISDIR(st.st_mode)) {
        cli_error("%s: not a folder", out_dir);
        return 1;
    }
    char cache_dir[4200] = "";
    if (args->workspace != NULL) {
        char workspace[4096];
        bool named = false;
        if (cli_workspace_path(args, workspace, sizeof workspace, &named) != 0)
            return 1;
        snprintf(cache_dir, sizeof cache_dir, "%s.flows", workspace);
    }
    bloc_table blocs;
    memset(&blocs, 0, sizeof blocs);
    query_inputs *in = calloc(1, sizeof *in);
    if (in == NULL) {
        cli_error("out of memory");
        return 1;
    }
    int code = 0;
    if ((queries & 2) != 0)
        code = read_blocs(args->positional[3], &blocs);
    if (code == 0)
        code = add_input(in, args->positional[1]);
    for (size_t i = 0; code == 0 && i < args->data_file_count; i++)
        code = add_input(in, args->data_files[i]);
    mvec_ctx *ctx = code == 0 ? cli_ctx_new(args) : NULL;
    if (code == 0 && ctx == NULL)
        code = 1;
    mvec_countries *countries = NULL;
    mvec_flow_state *state = NULL;
    mvec_flow_answers answers;
    memset(&answers, 0, sizeof answers);
    mvec_status status = MVEC_OK;
    unsigned what = ((queries & 3) ? MVEC_FLOW_PAIRS : 0) | ((queries & 4) ? MVEC_FLOW_CELLS : 0);
    if (code == 0)
        status = mvec_flow_state_new(ctx, what, &state);
    mvec_flows_options options = MVEC_FLOWS_OPTIONS_INIT;
    options.threads = threads;
    for (size_t i = 0; code == 0 && status == MVEC_OK && i < in->count; i++) {
        const char *path = in->paths[i];
        if (mvec_flow_state_is_file(path)) {
            mvec_flow_state *part = NULL;
            status = mvec_flow_state_load(ctx, path, &part);
            if (status == MVEC_OK && (mvec_flow_state_what(part) & what) != what) {
                unsigned has = mvec_flow_state_what(part);
                cli_error("%s: a state of %s, not of the query '%s' (it lacks the sums "
                          "this query needs)",
                          path, has == MVEC_FLOW_CELLS ? "q3" : "q1 and q2",
                          args->positional[0]);
                code = 2;
            }
            if (status == MVEC_OK && code == 0)
                status = mvec_flow_state_merge(ctx, state, part);
            mvec_flow_state_free(ctx, part);
            continue;
        }
        int taken = 0;
        status = cache_dir[0] ? mvec_flow_state_add_cached(ctx, state, path, cache_dir, &taken)
                              : mvec_flow_state_add_csv(ctx, state, path, threads, &taken);
        if (status != MVEC_OK || taken)
            continue;
        /* a file the stream or the cache does not take: read it as a table */
        if (countries == NULL) {
            mvec_countries_options country_options = MVEC_COUNTRIES_OPTIONS_INIT;
            country_options.iso_codes_dir = args->iso_codes;
            status = mvec_countries_open(ctx, &country_options, &countries);
            if (status != MVEC_OK)
                break;
        }
        mvec_flows *flows = NULL;
        status = cache_dir[0] ? mvec_flows_import(ctx, countries, path, cache_dir, &options,
                                                  &flows, NULL)
                              : mvec_flows_read(ctx, countries, path, &options, &flows);
        if (status == MVEC_OK && strcmp(mvec_flows_get_info(flows)->value_unit, "USD") != 0) {
            cli_error("%s: values in %s, not US dollars", path,
                      mvec_flows_get_info(flows)->value_unit);
            code = 1;
        }
        if (status == MVEC_OK && code == 0 && cache_dir[0]) {
            /* imported: its cache now holds the state, unless the file's codes are not numbers */
            mvec_flows_close(ctx, flows);
            flows = NULL;
            status = mvec_flow_state_add_cached(ctx, state, path, cache_dir, &taken);
            if (status == MVEC_OK && !taken)
                status = mvec_flows_import(ctx, countries, path, cache_dir, &options, &flows,
                                           NULL);
        }
        if (status == MVEC_OK && code == 0 && flows != NULL)
            status = mvec_flow_state_add(ctx, state, flows, threads);
        mvec_flows_close(ctx, flows);
    }
    if (code == 0 && status == MVEC_OK && args->output != NULL)
        status = mvec_flow_state_save(ctx, state, args->output);
    if (code == 0 && status == MVEC_OK) {
        mvec_flow_blocs b = {blocs.codes, blocs.blocs, blocs.count, blocs.name_count};
        status = mvec_flow_answers_compute(ctx, state, queries, &b, threads, &answers);
    }
    if (code == 0 && status != MVEC_OK)
        code = cli_fail(ctx, status);
    if (code == 0)
        code = write_answers(out_dir, queries, &answers, &blocs, args->quiet);
    mvec_flow_answers_clear(ctx, &answers);
    mvec_flow_state_free(ctx, state);
    mvec_countries_free(ctx, countries);
    mvec_ctx_free(ctx);
    for (size_t i = 0; i < in->count; i++)
        free(in->paths[i]);
    free(in);
    free(blocs.codes);
    free(blocs.blocs);
    return code;
}

const cli_command CMD_FLOWS_QUERY = {
    .name = "flows query",
    .run = run_query,
    .brief = "the three flow queries (partner HHI, bloc shares, product dependency)",
    .usage = "QUERY INPUT OUT_DIR BLOCS_CSV [options]",
    .summary = "Answer the flow queries of the benchmark exactly (QUERY: q1, q2, q3 or all) "
               "over INPUT (a BACI-layout flow file, a folder of BACI_*.csv/.csv.gz/.zip files, "
               "or a state saved by --state), writing OUT_DIR/q1.csv .. q3.csv.",
    .description =
        "Q1: partner HHI of every (year, exporter) and (year, importer) over the pair sums "
        "(t,side,c,n,total,hhi). Q2: share of every country's total trade (exports + imports) "
        "with each bloc of BLOCS_CSV (columns code,bloc; an unlisted country is OTHER) "
        "(t,c,total,<bloc>...,other). Q3: per (year, importer), over its products with a positive "
        "sum: n_products, n_dep (top supplier share > 0.5 and supplier HHI > 0.4, decided "
        "exactly), and the sums of the top shares and HHIs (t,j,n_products,n_dep,sum_top,"
        "sum_hhi). Totals are thousands of US dollars with 3 decimals; every ratio is the double "
        "nearest to the exact fraction (docs/methods.md, \"Flow queries\"). Sums are exact "
        "integers: the answers are the same bytes for any --threads, and the state of a whole "
        "input is the merge of the states of its parts (--state, then the saved states as "
        "inputs). Rows with the World (M49 000) as a partner are totals, not flows: they are "
        "left out, with a warning. A plain BACI or WTO CSV is summed as it is read, without a "
        "table in memory; other files (.gz, .zip, quoted fields) are read as tables first.",
    .options = QUERY_OPTIONS,
    .max_positional = 4,
    .examples = "  mvec flows query all data/ out/ blocs.csv\n"
                "  mvec flows query q3 BACI_HS17_Y2021_V202401.csv out/ blocs.csv --threads 2\n"
                "  mvec flows query all part1.csv out1/ blocs.csv --state part1.mvq\n"
                "  mvec flows query all part1.mvq out/ blocs.csv --data part2.mvq\n",
};
