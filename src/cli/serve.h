/*
 * serve.h - mvec serve, the local dashboard: what the HTTP layer (serve_http.c, the only file
 * that knows libmicrohttpd) and the API (serve_api.c, a table of routes) share.
 *
 * Threads: the data (serve_data) are loaded once before the daemon starts and only read
 * afterwards; every request makes its own mvec_ctx (mvec_ctx.h: one context per thread, shared
 * objects read by several threads at once, each with its own context).
 */
#ifndef MVEC_CLI_SERVE_H
#define MVEC_CLI_SERVE_H

#include <mvec/mvec.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "session.h"

/* Request caps (docs/dashboard.md). */
enum {
    SERVE_MAX_URI_BYTES = 2048,      /* the request target, path and query, as sent */
    SERVE_MAX_PARAMETERS = 16,       /* query parameters */
    SERVE_MAX_VALUE_BYTES = 512,     /* one parameter's value */
    SERVE_MAX_BODY_BYTES = 64 << 20, /* one response */
    SERVE_MAX_LINKS = 32,            /* routes: links closed */
    SERVE_CACHE_ENTRIES = 512,       /* answers kept (serve_cache.c) */
    SERVE_CACHE_BYTES = 128 << 20,   /* their bytes in all */
};

/* A growable byte buffer with a cap; `failed` records an allocation failure or the cap. */
typedef struct serve_buffer {
    char *data;
    size_t length;
    size_t capacity;
    bool failed;
} serve_buffer;

void serve_buffer_free(serve_buffer *buffer);
void serve_buffer_append(serve_buffer *buffer, const char *data, size_t length);
void serve_buffer_text(serve_buffer *buffer, const char *text);
void serve_buffer_printf(serve_buffer *buffer, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
/* `text` as a JSON string, quotes included; bytes that are not well-formed UTF-8 become U+FFFD. */
void serve_buffer_json_string(serve_buffer *buffer, const char *text);
/* A sink that appends to the buffer (the library's writers write JSON into it). */
mvec_sink serve_buffer_sink(serve_buffer *buffer);

/* A scenario the dashboard may run: compiled in from scenarios/ (never a path). */
typedef struct serve_scenario {
    char name[64];            /* the file name without ".lua": the API's `scenario` value */
    const char *text;         /* the script */
    size_t length;
    char title[256];          /* scenario { name = "..." } */
    char description[2048];   /* the leading comment, joined into paragraphs */
    int base_year;            /* 0 when the script sets none */
    int years;                /* 0 when the script sets none */
} serve_scenario;

/* Limits the operator sets (mvec serve's options). */
typedef struct serve_limits {
    double max_seconds;       /* wall clock of one simulate request */
    size_t max_paths;         /* simulate paths */
    unsigned pool_threads;    /* request threads */
    unsigned max_simulations; /* simulations running at once; more get 503 */
} serve_limits;

/* Everything the requests read: loaded once, never modified while the daemon runs. */
typedef struct serve_data {
    cli_session *session; /* countries, observations, memberships, the --blocs schemes */
    mvec_bloc_scheme *schemes[MVEC_ROBUST_SCHEME_LIMIT]; /* the session's, then the built-in */
    size_t scheme_count;
    mvec_network *network; /* NULL when there is none */
    serve_scenario *scenarios;
    size_t scenario_count;
    serve_limits limits;
    serve_buffer countries_json;  /* GET /api/countries: made once at start */
    serve_buffer countries_list;  /* "KAZ, UZB": the codes with figures, for messages */
    atomic_uint simulations;      /* running now */
} serve_data;

/* Make the answers that never change (the countries with data). Returns false when out of
 * memory. */
bool serve_data_prepare(serve_data *data);

/* Fill `data->scenarios` from the scenarios compiled into the binary. Returns false when out
 * of memory. */
bool serve_scenarios_load(serve_data *data);
void serve_scenarios_free(serve_data *data);

/* A request as the API sees it: the path (decoded) and its query parameters. */
typedef struct serve_parameter {
    const char *name;
    const char *value;
} serve_parameter;

typedef struct serve_request {
    const char *path;
    serve_parameter parameters[SERVE_MAX_PARAMETERS];
    size_t parameter_count;
} serve_request;

typedef struct serve_response {
    unsigned status;              /* HTTP status */
    const char *content_type;
    const char *cache_control;
    serve_buffer body;            /* owned: freed by serve_response_free */
    const unsigned char *fixed;   /* instead of `body`: embedded bytes, not freed */
    size_t fixed_length;
} serve_response;

/* Whether a request may reach serve_handle (serve_request.c; serve_http.c and the fuzz harness
 * call it): 0 when it may, else the HTTP status to refuse it with (405 a method other than GET
 * and HEAD, 503 `target` NULL because its copy could not be made, 414 `target_length` over
 * SERVE_MAX_URI_BYTES, 400 '..' or %00 in the target as sent, decoded once or twice, or '..'
 * in the decoded `path`, 400 more than SERVE_MAX_PARAMETERS parameters seen) and `*message`
 * set to the reason. `target` is the request target as sent (at most SERVE_MAX_URI_BYTES of
 * it), `target_length` its full length. */
unsigned serve_request_refusal(const char *method, const char *target, size_t target_length,
                               const char *path, size_t parameters_seen, const char **message);

void serve_response_free(serve_response *response);
/* A JSON error: {"error": message, "parameter": name or null, "allowed": text or null}. */
void serve_response_error(serve_response *response, unsigned status, const char *parameter,
                          const char *allowed, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 5, 6)))
#endif
    ;

/* Answer a GET request for one of the fixed paths (pages and API routes); anything else gets
 * 404. Thread-safe: reads `data` only. */
void serve_handle(serve_data *data, const serve_request *request, serve_response *response);

/* The cache of 200 answers (serve_cache.c), process-wide and thread-safe. The key of a
 * request: its path and the parameters with a value, sorted by name. */
bool serve_cache_key(const serve_request *request, serve_buffer *key);
/* Copy the answer kept under `key` into `response`; false when there is none. */
bool serve_cache_get(const char *key, serve_response *response);
/* Keep a copy of a 200 answer (not when larger than an eighth of the cache). */
void serve_cache_put(const char *key, const serve_response *response);
/* Forget every answer (at the end of serve_run). */
void serve_cache_clear(void);

/* The route table, for --help and the docs: path and a line on its parameters. */
size_t serve_route_count(void);
const char *serve_route_path(size_t index);
const char *serve_route_parameters(size_t index);

/* Run the daemon on `address` (IPv4 or IPv6 literal) and `port` (0: any free port) until
 * SIGINT or SIGTERM. Prints "mvec serve: http://ADDRESS:PORT/" on stderr once listening.
 * Returns the exit code. */
int serve_run(serve_data *data, const char *address, unsigned port);

#endif
