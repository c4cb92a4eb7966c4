/*
 * flow_query.h - what the product-level commands (screen, composition) set
 * up: the context, the country registry, one bloc scheme, and the flow
 * tables of --data files (through the cache beside the workspace) or, with
 * no --data, every table in that cache.
 */
#ifndef MVEC_CLI_FLOW_QUERY_H
#define MVEC_CLI_FLOW_QUERY_H

#include <mvec/mvec.h>

#include "options.h"

typedef struct flow_query {
    mvec_ctx *ctx;
    mvec_countries *countries;
    mvec_bloc_scheme *scheme;
    mvec_flows *tables[CLI_MAX_DATA_FILES];
    size_t table_count;
    char cache_dir[4200];
} flow_query;

/* --data FILE (a flow file) and --blocs SCHEME (one scheme) as these commands take them. */
extern const cli_option CLI_OPTION_FLOW_DATA;
extern const cli_option CLI_OPTION_ONE_SCHEME;

/* Context, registry and scheme (--blocs: one built-in name or a file). Returns 0 or the exit
 * code after printing why. */
int flow_query_open(flow_query *query, const cli_args *args, const char *command);
/* The flow tables: each --data file imported through the cache, or every cached table.
 * Returns 0 or the exit code after printing why. */
int flow_query_load_tables(flow_query *query, const cli_args *args, const char *command);
void flow_query_close(flow_query *query);

/* The names of the cache files (NAME.mvf) in `cache_dir`, at most `max`, sorted; each
 * allocated (free them). Returns how many; 0 when the folder does not exist. */
size_t flow_cache_names(const char *cache_dir, char **names, size_t max);

#endif
