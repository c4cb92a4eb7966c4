/*
 * flow_query.c - shared set-up of the product-level commands (flow_query.h).
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "flow_query.h"
#include "messages.h"
#include "names.h"
#include "session.h"

const cli_option CLI_OPTION_FLOW_DATA = {
    "data", 0, "FILE", CLI_FILE_LIST, offsetof(cli_args, data_files),
    "a product-level flow file (CEPII BACI, the WTO's HS2 bilateral imports; plain, .gz or "
    ".zip), read through its flow cache when `mvec flows import` made one, else directly; "
    "repeatable (their rows are summed); without it, every file in that cache"};
const cli_option CLI_OPTION_ONE_SCHEME = {
    "blocs", 0, "SCHEME", CLI_TEXT, offsetof(cli_args, blocs),
    "bloc scheme: built-in 'powers' (default) or 'treaties', or a CSV file (docs/formats.md)"};

int flow_query_open(flow_query *query, const cli_args *args, const char *command)
{
    memset(query, 0, sizeof *query);
    query->ctx = cli_ctx_new(args);
    if (query->ctx == NULL)
        return 1;
    mvec_countries_options options = MVEC_COUNTRIES_OPTIONS_INIT;
    options.iso_codes_dir = args->iso_codes;
    mvec_status status = mvec_countries_open(query->ctx, &options, &query->countries);
    if (status != MVEC_OK)
        return cli_fail(query->ctx, status);
    const char *name = args->blocs ? args->blocs : "powers";
    size_t builtin_count = 0;
    const char *const *builtin = mvec_bloc_scheme_builtin_names(&builtin_count);
    bool is_builtin = false;
    for (size_t i = 0; i < builtin_count; i++)
        is_builtin = is_builtin || strcmp(builtin[i], name) == 0;
    if (is_builtin) {
        status = mvec_bloc_scheme_builtin(query->ctx, query->countries, name, &query->scheme);
    } else if (strchr(name, '/') || strchr(name, '.') || access(name, F_OK) == 0) {
        status = mvec_bloc_scheme_load(query->ctx, query->countries, name, &query->scheme);
    } else {
        cli_unknown_name("bloc scheme", name, "", builtin, builtin_count);
        cli_note("--blocs takes one scheme here: a built-in name or a scheme file");
        cli_try_help(command);
        return 2;
    }
    return status == MVEC_OK ? 0 : cli_fail(query->ctx, status);
}

static int compare_names(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

size_t flow_cache_names(const char *cache_dir, char **names, size_t max)
{
    size_t count = 0;
    DIR *dir = opendir(cache_dir);
    if (dir != NULL) {
        for (struct dirent *e = readdir(dir); e != NULL && count < max; e = readdir(dir)) {
            size_t n = strlen(e->d_name);
            if (n > 4 && strcmp(e->d_name + n - 4, ".mvf") == 0 &&
                (names[count] = strdup(e->d_name)) != NULL)
                count++;
        }
        closedir(dir);
    }
    qsort(names, count, sizeof *names, compare_names);
    return count;
}

int flow_query_load_tables(flow_query *query, const cli_args *args, const char *command)
{
    char workspace[4096];
    bool named = false;
    if (cli_workspace_path(args, workspace, sizeof workspace, &named) != 0)
        return 1;
    snprintf(query->cache_dir, sizeof query->cache_dir, "%s.flows", workspace);
    mvec_status status = MVEC_OK;
    if (args->data_file_count > 0) {
        for (size_t i = 0; i < args->data_file_count; i++) {
            status = cli_flows_open(query->ctx, query->countries, args, args->data_files[i],
                                    &query->tables[i]);
            if (status != MVEC_OK)
                return cli_fail(query->ctx, status);
            query->table_count++;
        }
        return 0;
    }
    char *names[CLI_MAX_DATA_FILES] = {NULL};
    size_t count = flow_cache_names(query->cache_dir, names, CLI_MAX_DATA_FILES);
    int code = 0;
    for (size_t i = 0; i < count; i++) {
        char path[4600];
        snprintf(path, sizeof path, "%s/%s", query->cache_dir, names[i]);
        if (code == 0) {
            status = mvec_flows_open(query->ctx, path, &query->tables[query->table_count]);
            if (status != MVEC_OK)
                code = cli_fail(query->ctx, status);
            else
                query->table_count++;
        }
        free(names[i]);
    }
    if (code == 0 && query->table_count == 0) {
        cli_error("no flow data: give --data FILE, or import files with 'mvec flows import'");
        cli_try_help(command);
        return 2;
    }
    return code;
}

void flow_query_close(flow_query *query)
{
    for (size_t i = 0; i < query->table_count; i++)
        mvec_flows_close(query->ctx, query->tables[i]);
    mvec_bloc_scheme_free(query->ctx, query->scheme);
    mvec_countries_free(query->ctx, query->countries);
    mvec_ctx_free(query->ctx);
    memset(query, 0, sizeof *query);
}
