/*
 * fuzz_serve_request.c - any bytes as a request to mvec serve, on the embedded data loaded
 * once as `mvec serve` loads it (session, every built-in scheme, the embedded network, the
 * compiled-in scenarios). The input is the decoded path, then NUL-separated parameters,
 * "name=value" or "name" (no value, as libmicrohttpd gives it); the target as sent is the
 * path and the parameters joined by '?' and '&'. The request goes through the checks of the
 * HTTP layer (serve_request_refusal) and then serve_handle, twice (the second answer comes
 * from the cache and must be the same). Invariants: the status is 200, 400, 404, 405, 414 or
 * 503; every answer has a content type and a cache policy; a JSON answer parses, and one that
 * is not 200 is an object with an "error" string; the cache is emptied after each input so
 * LeakSanitizer sees every answer freed. Simulations are capped at 4 paths and 0.5 s.
 * FUZZ_SERVE_SHOW=1 in the environment prints each answer's status and size.
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "serve.h"
#include "session.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

static cli_session session;
static serve_data served;

static void die(const char *what)
{
    fprintf(stderr, "fuzz_serve_request: %s\n", what);
    abort();
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    /* the embedded data only: no workspace of whoever runs the fuzzer */
    setenv("MVEC_WORKSPACE", "/nonexistent/mvec-fuzz/workspace.sqlite", 1);
    static cli_args args;
    memset(&served, 0, sizeof served);
    served.session = &session;
    served.limits.max_seconds = 0.5;
    served.limits.max_paths = 4;
    served.limits.pool_threads = 1;
    served.limits.max_simulations = 1;
    atomic_init(&served.simulations, 0u);
    if (cli_session_open(&session, &args) != 0)
        die("session");
    for (size_t i = 0; i < session.scheme_count; i++)
        served.schemes[served.scheme_count++] = session.schemes[i];
    size_t count = 0;
    const char *const *names = mvec_bloc_scheme_builtin_names(&count);
    for (size_t n = 0; n < count && served.scheme_count < MVEC_ROBUST_SCHEME_LIMIT; n++) {
        bool loaded = false;
        for (size_t i = 0; i < served.scheme_count; i++)
            loaded = loaded || strcmp(mvec_bloc_scheme_name(served.schemes[i]), names[n]) == 0;
        if (!loaded && mvec_bloc_scheme_builtin(session.ctx, session.countries, names[n],
                                                &served.schemes[served.scheme_count++]) != MVEC_OK)
            die("scheme");
    }
    if (mvec_network_load_embedded(session.ctx, session.countries, "KAZ", &served.network) !=
        MVEC_OK)
        die("network");
    if (!serve_scenarios_load(&served) || !serve_data_prepare(&served))
        die("scenarios or countries");
    return 0;
}

static bool allowed_status(unsigned status)
{
    return status == 200 || status == 400 || status == 404 || status == 405 || status == 414 ||
           status == 503;
}

static const char *body_of(const serve_response *r, size_t *length)
{
    *length = r->fixed != NULL ? r->fixed_length : r->body.length;
    return r->fixed != NULL ? (const char *)r->fixed : r->body.data;
}

static void check(const serve_request *request, const serve_response *r)
{
    if (getenv("FUZZ_SERVE_SHOW") != NULL) /* to see what an input gets, replaying it */
        fprintf(stderr, "%s: %u %s, %zu bytes\n", request->path, r->status, r->content_type,
                r->fixed != NULL ? r->fixed_length : r->body.length);
    if (!allowed_status(r->status) || r->content_type == NULL || r->cache_control == NULL) {
        fprintf(stderr, "%s: status %u, content type %s\n", request->path, r->status,
                r->content_type ? r->content_type : "(none)");
        abort();
    }
    size_t length = 0;
    const char *body = body_of(r, &length);
    bool is_json = strncmp(r->content_type, "application/json", 16) == 0;
    if (!is_json && r->status == 200)
        return;
    json_error_t error;
    /* JSON numbers have no range; jansson's integers stop at 2^63 (the seed's cap is 2^64-1) */
    json_t *json = json_loadb(body ? body : "", length, JSON_DECODE_INT_AS_REAL, &error);
    bool ok = json != NULL && is_json;
    if (ok && r->status != 200)
        ok = json_is_object(json) && json_is_string(json_object_get(json, "error"));
    if (!ok) {
        fprintf(stderr, "%s: status %u, %s body: %s\n%.*s\n", request->path, r->status,
                r->content_type, json ? "not an error object" : error.text,
                (int)(length > 2000 ? 2000 : length), body ? body : "");
        abort();
    }
    json_decref(json);
}

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    /* path NUL name=value NUL name NUL ...: owned copies, each NUL-terminated */
    char *copy = malloc(size + 1);
    char *target = malloc(size + 2);
    if (copy == NULL || target == NULL)
        die("out of memory");
    memcpy(copy, data, size);
    copy[size] = '\0';
    serve_request request;
    memset(&request, 0, sizeof request);
    request.path = copy;
    size_t seen = 0;
    size_t used = strlen(copy);
    memcpy(target, copy, used);
    for (size_t at = used + 1, length = 0; at <= size; at += length + 1) {
        char *name = copy + at;
        length = strlen(name);
        target[used++] = seen == 0 ? '?' : '&';
        memcpy(target + used, name, length);
        used += length;
        char *equals = strchr(name, '=');
        if (equals != NULL)
            *equals = '\0';
        if (request.parameter_count < SERVE_MAX_PARAMETERS) {
            request.parameters[request.parameter_count].name = name;
            request.parameters[request.parameter_count++].value = equals ? equals + 1 : NULL;
        }
        seen++;
    }
    target[used] = '\0';
    /* the HTTP layer keeps at most SERVE_MAX_URI_BYTES of the target and its full length */
    if (used > SERVE_MAX_URI_BYTES)
        target[SERVE_MAX_URI_BYTES] = '\0';
    const char *message = NULL;
    serve_response response;
    memset(&response, 0, sizeof response);
    unsigned refusal = serve_request_refusal("GET", target, used, request.path, seen, &message);
    if (refusal != 0) {
        serve_response_error(&response, refusal, NULL, NULL, "%s", message);
        check(&request, &response);
    } else {
        serve_handle(&served, &request, &response);
        check(&request, &response);
        serve_response again;
        serve_handle(&served, &request, &again);
        check(&request, &again);
        size_t first_length = 0;
        size_t second_length = 0;
        const char *first = body_of(&response, &first_length);
        const char *second = body_of(&again, &second_length);
        if (response.status == 200 &&
            (again.status != 200 || first_length != second_length ||
             (first_length > 0 && memcmp(first, second, first_length) != 0))) {
            fprintf(stderr, "%s: the cached answer differs from the first\n", request.path);
            abort();
        }
        serve_response_free(&again);
    }
    serve_response_free(&response);
    serve_cache_clear();
    free(target);
    free(copy);
    return 0;
}
