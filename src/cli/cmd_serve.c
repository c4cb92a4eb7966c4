/*
 * cmd_serve.c - mvec serve: the local dashboard. Loads the data once (as every data command
 * does: embedded, --data, the workspace), the bloc schemes and the corridor network, then
 * hands them to the HTTP layer (serve_http.c) until SIGINT or SIGTERM. Read-only.
 */
#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "messages.h"
#include "serve.h"
#include "session.h"

static const cli_option OPTION_PORT = {
    "port", 0, "P", CLI_TEXT, offsetof(cli_args, port),
    "TCP port, 0-65535 (default 8080; 0 picks a free one, printed on standard error)"};
static const cli_option OPTION_BIND = {
    "bind", 0, "ADDR", CLI_TEXT, offsetof(cli_args, bind),
    "the address to listen on, IPv4 or IPv6 (default 127.0.0.1: this machine only; anything "
    "else lets other machines read every figure loaded)"};
static const cli_option OPTION_MAX_SECONDS = {
    "max-seconds", 0, "S", CLI_TEXT, offsetof(cli_args, max_seconds),
    "wall-clock cap of one simulation, 0.001-600 seconds (default 10); over it the request "
    "gets 503"};
static const cli_option OPTION_MAX_PATHS = {
    "max-paths", 0, "N", CLI_TEXT, offsetof(cli_args, max_paths),
    "most Monte Carlo paths a simulation may ask for, 1-1000000 (default 10000)"};
static const cli_option OPTION_SERVE_THREADS = {
    "threads", 0, "N", CLI_TEXT, offsetof(cli_args, threads),
    "request threads, 1-64 (default 4)"};

static const cli_option *const SERVE_OPTIONS[] = {
    &OPTION_PORT,        &OPTION_BIND,          &CLI_OPTION_WORKSPACE, &CLI_OPTION_DATA,
    &CLI_OPTION_NO_EMBEDDED, &CLI_OPTION_BLOCS, &CLI_OPTION_NETWORK,   &OPTION_MAX_SECONDS,
    &OPTION_MAX_PATHS,   &OPTION_SERVE_THREADS, &CLI_OPTION_ISO_CODES, &CLI_OPTION_QUIET,
    &CLI_OPTION_HELP,    NULL,
};

static bool number_option(const char *option, const char *text, double lo, double hi,
                          double *out)
{
    char *end = NULL;
    errno = 0;
    double value = text ? strtod(text, &end) : 0.0;
    if (text != NULL && (errno != 0 || end == text || *end != '\0' || !(value >= lo) ||
                         !(value <= hi))) {
        cli_error("--%s wants a number from %g to %g, not '%s'", option, lo, hi, text);
        cli_try_help("serve");
        return false;
    }
    if (text != NULL)
        *out = value;
    return true;
}

static bool whole_option(const char *option, const char *text, double lo, double hi,
                         double *out)
{
    if (text == NULL)
        return true;
    char *end = NULL;
    errno = 0;
    double value = strtod(text, &end);
    if (strspn(text, "0123456789") != strlen(text) || text[0] == '\0' || errno != 0 ||
        value < lo || value > hi) {
        cli_error("--%s wants a whole number from %.0f to %.0f, not '%s'", option, lo, hi, text);
        cli_try_help("serve");
        return false;
    }
    *out = value;
    return true;
}

/* The session's schemes (--blocs) first, then each built-in one not among them. */
static int add_schemes(serve_data *data, bool *owned)
{
    cli_session *session = data->session;
    for (size_t i = 0; i < session->scheme_count; i++)
        data->schemes[data->scheme_count++] = session->schemes[i];
    size_t count = 0;
    const char *const *names = mvec_bloc_scheme_builtin_names(&count);
    for (size_t n = 0; n < count && data->scheme_count < MVEC_ROBUST_SCHEME_LIMIT; n++) {
        bool loaded = false;
        for (size_t i = 0; i < data->scheme_count; i++)
            loaded = loaded || strcmp(mvec_bloc_scheme_name(data->schemes[i]), names[n]) == 0;
        if (loaded)
            continue;
        mvec_bloc_scheme *scheme = NULL;
        mvec_status status =
            mvec_bloc_scheme_builtin(session->ctx, session->countries, names[n], &scheme);
        if (status != MVEC_OK)
            return cli_fail(session->ctx, status);
        owned[data->scheme_count] = true;
        data->schemes[data->scheme_count++] = scheme;
    }
    return 0;
}

static int run_serve(const cli_command *command, cli_args *args)
{
    (void)command;
    double port = 8080, seconds = 10, paths = 10000, threads = 4;
    if (!whole_option("port", args->port, 0, 65535, &port) ||
        !number_option("max-seconds", args->max_seconds, 0.001, 600, &seconds) ||
        !whole_option("max-paths", args->max_paths, 1, MVEC_SCENARIO_MAX_PATHS, &paths) ||
        !whole_option("threads", args->threads, 1, 64, &threads))
        return 2;
    cli_session session;
    serve_data data;
    bool owned[MVEC_ROBUST_SCHEME_LIMIT] = {false};
    memset(&data, 0, sizeof data);
    data.session = &session;
    data.limits.max_seconds = seconds;
    data.limits.max_paths = (size_t)paths;
    data.limits.pool_threads = (unsigned)threads;
    data.limits.max_simulations = 1;
    atomic_init(&data.simulations, 0u);
    args->workspace_country = NULL; /* every country's rows */
    int code = cli_session_open(&session, args);
    if (code == 0)
        code = add_schemes(&data, owned);
    if (code == 0) {
        mvec_status status =
            args->network != NULL
                ? mvec_network_load_file(session.ctx, session.countries, args->network,
                                         &data.network)
                : mvec_network_load_embedded(session.ctx, session.countries, "KAZ",
                                             &data.network);
        if (status == MVEC_ERR_NO_DATA && args->network == NULL)
            status = MVEC_OK; /* no network: /api/routes answers 404 */
        if (status != MVEC_OK)
            code = cli_fail(session.ctx, status);
    }
    if (code == 0 && (!serve_scenarios_load(&data) || !serve_data_prepare(&data))) {
        cli_error("out of memory");
        code = 1;
    }
    if (code == 0)
        code = serve_run(&data, args->bind ? args->bind : "127.0.0.1", (unsigned)port);
    serve_scenarios_free(&data);
    serve_buffer_free(&data.countries_json);
    serve_buffer_free(&data.countries_list);
    mvec_network_free(session.ctx, data.network);
    for (size_t i = 0; i < data.scheme_count; i++)
        if (owned[i])
            mvec_bloc_scheme_free(session.ctx, data.schemes[i]);
    return cli_session_close(&session, code);
}

static void print_routes(FILE *out)
{
    fprintf(out, "\nroutes (GET only; docs/dashboard.md):\n");
    fprintf(out, "  %-22s %s\n", "/", "the dashboard (pages compiled in from web/)");
    for (size_t i = 0; i < serve_route_count(); i++) {
        const char *parameters = serve_route_parameters(i);
        fprintf(out, "  %-22s %s\n", serve_route_path(i), parameters[0] ? parameters : "-");
    }
}

const cli_command CMD_SERVE = {
    .name = "serve",
    .run = run_serve,
    .brief = "the local dashboard: a read-only JSON API and pages in the browser",
    .usage = "[options]",
    .summary = "Serve a dashboard on this machine: pick a country, year, bloc scheme and "
               "weights, see the profile with its intervals and sources, the trend and "
               "triangle charts, and run the built-in scenarios with their bands. The pages "
               "call a read-only JSON API whose answers are byte for byte those of "
               "'mvec COMMAND --format json'.",
    .description =
        "The data are loaded once at start (embedded, --data files, the workspace) and only "
        "read afterwards. Listens on 127.0.0.1 unless --bind says otherwise; prints the URL "
        "on standard error; SIGINT or SIGTERM stop it (exit 0). Only GET and HEAD on the "
        "fixed set of paths below are served; a bad parameter gets 400 with a JSON message "
        "naming it and the values allowed. Caps: request target 2,048 bytes, 16 parameters, "
        "512 bytes per value, request headers 32 KiB, 256 connections, 15 s idle timeout; "
        "one simulation at a time, within --max-paths and --max-seconds. The pages load "
        "nothing from other hosts (Content-Security-Policy default-src 'self').",
    .options = SERVE_OPTIONS,
    .max_positional = 0,
    .examples = "  mvec serve --port 0\n"
                "  mvec serve --port 0 --data examples/data/uzbekistan.csv\n"
                "  mvec serve --port 0 --max-paths 1000 --max-seconds 5 --threads 2\n",
    .print_more_help = print_routes,
};
