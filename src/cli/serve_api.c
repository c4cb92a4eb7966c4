/*
 * serve_api.c - the dashboard's fixed set of paths: one table of routes (path, parameters,
 * handler) for the JSON API, and the pages compiled in from web/. Every parameter is checked
 * by its kind before a handler runs; a bad or unknown one gets 400 with a message naming it
 * and the values allowed. The JSON comes from the library's writers (MVEC_FORMAT_JSON into a
 * memory sink), so it is byte for byte what `mvec COMMAND --format json` prints.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "serve.h"
#include "serve_assets.h"
#include "serve_routes.h"

/* ---- parameters: one row per kind ------------------------------------------------------- */

typedef enum param_kind {
    P_COUNTRY = 0,
    P_YEAR,
    P_BLOCS,
    P_WEIGHTS,
    P_VECTOR,
    P_PARTNER,
    P_BLOC,
    P_BREAK,
    P_CLOSE,
    P_SCENARIO,
    P_PATHS,
    P_SEED,
    P_YEARS,
    P_KIND_COUNT,
} param_kind;

static const struct {
    const char *name;
    const char *type; /* for messages, --help and the docs */
} PARAMS[P_KIND_COUNT] = {
    [P_COUNTRY] = {"country", "a country code or name (default KAZ)"},
    [P_YEAR] = {"year", "a year, 1900-2100"},
    [P_BLOCS] = {"blocs", "bloc scheme names, comma-separated (default powers)"},
    [P_WEIGHTS] = {"weights", "vector=weight,... (as --weights)"},
    [P_VECTOR] = {"vector", "a vector name, e.g. trade.total"},
    [P_PARTNER] = {"partner", "a partner code or name"},
    [P_BLOC] = {"bloc", "a bloc of the scheme, e.g. CHN"},
    [P_BREAK] = {"break", "a year, 1900-2100"},
    [P_CLOSE] = {"close", "link ids of the network, comma-separated"},
    [P_SCENARIO] = {"scenario", "a scenario name from GET /api/scenarios"},
    [P_PATHS] = {"paths", "Monte Carlo paths, 1 to the server's cap"},
    [P_SEED] = {"seed", "0-18446744073709551615 (default 1)"},
    [P_YEARS] = {"years", "years simulated, 1-100"},
};


typedef struct route {
    const char *path;
    route_handler handler;
    unsigned params; /* bit (1u << kind) per parameter taken */
    const char *required;
} route;

#define BIT(kind) (1u << (kind))

/* ---- checking values -------------------------------------------------------------------- */

static bool all_of(const char *text, const char *allowed_extra)
{
    for (const char *p = text; *p; p++) {
        unsigned char c = (unsigned char)*p;
        bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                  strchr(allowed_extra, c) != NULL;
        if (!ok)
            return false;
    }
    return true;
}

static bool whole_number(const char *text, uint64_t lo, uint64_t hi, uint64_t *out)
{
    if (text[0] < '0' || text[0] > '9')
        return false;
    char *end = NULL;
    errno = 0;
    unsigned long long value = strtoull(text, &end, 10);
    if (errno != 0 || *end != '\0' || value < lo || value > hi)
        return false;
    *out = value;
    return true;
}

static void scheme_names(const serve_data *data, serve_buffer *out)
{
    for (size_t i = 0; i < data->scheme_count; i++) {
        serve_buffer_text(out, i ? ", " : "");
        serve_buffer_text(out, mvec_bloc_scheme_name(data->schemes[i]));
    }
}

/* A bad value: 400 naming the parameter, with the allowed values (`allowed`, else the kind's
 * description). Returns false for the caller to stop. */
static bool refuse(serve_response *response, param_kind kind, const char *allowed,
                   const char *why, const char *value)
{
    serve_response_error(response, 400, PARAMS[kind].name, allowed ? allowed : PARAMS[kind].type,
                         "%s '%.200s' for parameter '%s'", why, value, PARAMS[kind].name);
    return false;
}

static bool read_blocs(const serve_data *data, const char *value, query *q,
                       serve_response *response)
{
    char names[SERVE_MAX_VALUE_BYTES + 1];
    snprintf(names, sizeof names, "%s", value);
    for (char *save = NULL, *name = strtok_r(names, ",", &save); name != NULL;
         name = strtok_r(NULL, ",", &save)) {
        const mvec_bloc_scheme *found = NULL;
        for (size_t i = 0; i < data->scheme_count && found == NULL; i++)
            if (strcmp(mvec_bloc_scheme_name(data->schemes[i]), name) == 0)
                found = data->schemes[i];
        serve_buffer allowed = {0};
        scheme_names(data, &allowed);
        bool ok = true;
        if (found == NULL)
            ok = refuse(response, P_BLOCS, allowed.data, "unknown bloc scheme", name);
        for (size_t i = 0; ok && i < q->scheme_count; i++)
            if (q->schemes[i] == found)
                ok = refuse(response, P_BLOCS, allowed.data, "scheme given twice", name);
        if (ok && q->scheme_count == MVEC_ROBUST_SCHEME_LIMIT)
            ok = refuse(response, P_BLOCS, allowed.data, "too many schemes", value);
        serve_buffer_free(&allowed);
        if (!ok)
            return false;
        q->schemes[q->scheme_count++] = found;
    }
    return q->scheme_count > 0 || refuse(response, P_BLOCS, NULL, "no scheme in", value);
}

static bool read_links(const serve_data *data, const char *value, query *q,
                       serve_response *response)
{
    if (data->network == NULL) {
        serve_response_error(response, 404, "close", NULL, "no corridor network is loaded");
        return false;
    }
    snprintf(q->link_text, sizeof q->link_text, "%s", value);
    for (char *save = NULL, *id = strtok_r(q->link_text, ",", &save); id != NULL;
         id = strtok_r(NULL, ",", &save)) {
        if (mvec_network_find(data->network, id) == SIZE_MAX || q->link_count == SERVE_MAX_LINKS) {
            serve_buffer allowed = {0};
            for (size_t l = 0; l < mvec_network_link_count(data->network); l++) {
                serve_buffer_text(&allowed, l ? ", " : "");
                serve_buffer_text(&allowed, mvec_network_link_at(data->network, l)->id);
            }
            bool unknown = q->link_count < SERVE_MAX_LINKS;
            refuse(response, P_CLOSE, allowed.data, unknown ? "unknown link" : "too many links",
                   id);
            serve_buffer_free(&allowed);
            return false;
        }
        q->links[q->link_count++] = id;
    }
    return true;
}

static bool read_scenario(const serve_data *data, const char *value, query *q,
                          serve_response *response)
{
    for (size_t i = 0; i < data->scenario_count; i++)
        if (strcmp(data->scenarios[i].name, value) == 0) {
            q->scenario = &data->scenarios[i];
            return true;
        }
    serve_buffer allowed = {0};
    for (size_t i = 0; i < data->scenario_count; i++) {
        serve_buffer_text(&allowed, i ? ", " : "");
        serve_buffer_text(&allowed, data->scenarios[i].name);
    }
    refuse(response, P_SCENARIO, allowed.data, "unknown scenario (a name, never a path)", value);
    serve_buffer_free(&allowed);
    return false;
}

static bool read_value(serve_data *data, param_kind kind, const char *value, query *q,
                       serve_response *response)
{
    const mvec_countries *countries = data->session->countries;
    uint64_t number = 0;
    char range[64];
    switch (kind) {
    case P_COUNTRY:
        q->country = mvec_countries_find(countries, value);
        return q->country != NULL ||
               refuse(response, kind, data->countries_list.data, "unknown country", value);
    case P_PARTNER:
        q->partner = mvec_countries_find(countries, value);
        return q->partner != NULL || refuse(response, kind, NULL, "unknown partner", value);
    case P_YEAR:
    case P_BREAK:
        if (!whole_number(value, 1900, 2100, &number))
            return refuse(response, kind, "1900-2100", "not a year", value);
        *(kind == P_YEAR ? &q->year : &q->break_year) = (int)number;
        return true;
    case P_BLOCS:
        return read_blocs(data, value, q, response);
    case P_WEIGHTS:
        q->weights = value;
        return all_of(value, "._=,-") ||
               refuse(response, kind, NULL, "malformed weights", value);
    case P_VECTOR:
        q->vector = value;
        return all_of(value, "._-") || refuse(response, kind, NULL, "malformed vector", value);
    case P_BLOC:
        q->bloc = value;
        return all_of(value, "._-") || refuse(response, kind, NULL, "malformed bloc", value);
    case P_CLOSE:
        return read_links(data, value, q, response);
    case P_SCENARIO:
        return read_scenario(data, value, q, response);
    case P_PATHS:
        snprintf(range, sizeof range, "1-%zu", data->limits.max_paths);
        if (!whole_number(value, 1, data->limits.max_paths, &number))
            return refuse(response, kind, range, "paths out of range (the server's cap)", value);
        q->paths = (size_t)number;
        return true;
    case P_SEED:
        if (!whole_number(value, 0, UINT64_MAX, &number))
            return refuse(response, kind, NULL, "not a seed", value);
        q->seed = number;
        return true;
    case P_YEARS:
        if (!whole_number(value, 1, MVEC_SCENARIO_MAX_YEARS, &number))
            return refuse(response, kind, "1-100", "years out of range", value);
        q->years = (int)number;
        return true;
    case P_KIND_COUNT:
        break;
    }
    return false;
}

static void allowed_parameters(const route *r, serve_buffer *out)
{
    for (int kind = 0; kind < P_KIND_COUNT; kind++) {
        if ((r->params & BIT(kind)) == 0)
            continue;
        serve_buffer_text(out, out->length ? ", " : "");
        serve_buffer_text(out, PARAMS[kind].name);
    }
    if (out->length == 0)
        serve_buffer_text(out, "none");
}

/* Every parameter known to the route, given once, and valid; the required one present. */
static bool read_query(serve_data *data, const route *r, const serve_request *request, query *q,
                       serve_response *response)
{
    memset(q, 0, sizeof *q);
    q->seed = 1;
    q->paths = 1;
    for (size_t i = 0; i < request->parameter_count; i++) {
        const serve_parameter *p = &request->parameters[i];
        int kind = 0;
        while (kind < P_KIND_COUNT &&
               ((r->params & BIT(kind)) == 0 || strcmp(PARAMS[kind].name, p->name) != 0))
            kind++;
        if (kind == P_KIND_COUNT) {
            serve_buffer allowed = {0};
            allowed_parameters(r, &allowed);
            serve_response_error(response, 400, p->name, allowed.data,
                                 "unknown parameter '%.100s' for %s", p->name, r->path);
            serve_buffer_free(&allowed);
            return false;
        }
        for (size_t j = 0; j < i; j++)
            if (strcmp(request->parameters[j].name, p->name) == 0) {
                serve_response_error(response, 400, p->name, NULL,
                                     "parameter '%s' given twice", p->name);
                return false;
            }
        if (p->value == NULL || p->value[0] == '\0')
            continue; /* an empty form field: not given */
        if (strlen(p->value) > SERVE_MAX_VALUE_BYTES) {
            serve_response_error(response, 400, p->name, NULL,
                                 "parameter '%s' is longer than %d bytes", p->name,
                                 SERVE_MAX_VALUE_BYTES);
            return false;
        }
        if (!read_value(data, (param_kind)kind, p->value, q, response))
            return false;
    }
    if (r->required != NULL) {
        bool given = false;
        for (size_t i = 0; i < request->parameter_count; i++)
            given = given || (strcmp(request->parameters[i].name, r->required) == 0 &&
                              request->parameters[i].value && request->parameters[i].value[0]);
        if (!given) {
            serve_response_error(response, 400, r->required, NULL, "%s needs parameter '%s'",
                                 r->path, r->required);
            return false;
        }
    }
    if (q->scheme_count == 0 && data->scheme_count > 0)
        q->schemes[q->scheme_count++] = data->schemes[0];
    return true;
}

/* ---- answers ---------------------------------------------------------------------------- */

/* The charts the pages may ask for (/api/schemes says so): the kinds the library draws. */
static const char *const CHART_KINDS[] = {"blocs", "trend", "triangle", "fan"};

const char SERVE_JSON[] = "application/json; charset=utf-8";

static unsigned http_status(mvec_status status)
{
    switch (status) {
    case MVEC_ERR_INVALID:
    case MVEC_ERR_PARSE:
    case MVEC_ERR_SCHEMA:
    case MVEC_ERR_LIMIT:
        return 400;
    case MVEC_ERR_NO_DATA:
        return 404;
    case MVEC_ERR_CANCELLED:
    case MVEC_ERR_NOMEM:
        return 503;
    case MVEC_OK:
    case MVEC_ERR_IO:
    case MVEC_ERR_SOLVER:
    case MVEC_ERR_INTERNAL:
    case MVEC_ERR_WORKSPACE:
    case MVEC_STATUS_COUNT_:
        break;
    }
    return 500;
}

/* The writer's output, or the library's error as JSON. */
void serve_finish(mvec_ctx *ctx, mvec_status status, serve_response *response)
{
    if (status == MVEC_OK && !response->body.failed) {
        response->status = 200;
        response->content_type = SERVE_JSON;
        response->cache_control = "no-cache";
        return;
    }
    if (status == MVEC_OK || response->body.failed)
        serve_response_error(response, 500, NULL, NULL, "the answer is larger than %d MiB",
                             SERVE_MAX_BODY_BYTES >> 20);
    else
        serve_response_error(response, http_status(status), NULL, NULL, "%s",
                             mvec_ctx_error_message(ctx));
}

const char *serve_country_code(const query *q)
{
    return q->country ? q->country->code : "KAZ";
}

/* As `mvec profile`, which writes nothing and exits 1 then: true when no vector was computed
 * from figures (one built from memberships alone does not count: they hold in every year). */
bool serve_profile_empty(const mvec_profile *profile)
{
    for (size_t v = 0; v < mvec_profile_vector_count(profile); v++) {
        const mvec_vector_profile *vp = mvec_profile_vector(profile, v);
        if (vp->status == NULL && !vp->from_memberships)
            return false;
    }
    return true;
}

static void api_profile(serve_data *data, mvec_ctx *ctx, const query *q, serve_response *response)
{
    mvec_profile *profiles[MVEC_ROBUST_SCHEME_LIMIT] = {NULL};
    mvec_robust *robust = NULL;
    mvec_profile_options options = MVEC_PROFILE_OPTIONS_INIT;
    options.country = q->country ? q->country->code : NULL;
    options.year = q->year;
    options.weights = q->weights;
    mvec_status status = MVEC_OK;
    for (size_t s = 0; s < q->scheme_count && status == MVEC_OK; s++)
        status = mvec_profile_build(ctx, data->session->observations, q->schemes[s],
                                    data->session->memberships, &options, &profiles[s]);
    mvec_sink sink = serve_buffer_sink(&response->body);
    if (status == MVEC_OK && serve_profile_empty(profiles[0])) {
        serve_response_error(response, 404, q->year ? "year" : "country", NULL,
                             "no figures of %s%s%.0d to compute a profile from (GET "
                             "/api/countries lists the countries and years with data)",
                             serve_country_code(q), q->year ? " in " : "", q->year);
        status = MVEC_ERR_NO_DATA;
    } else if (status == MVEC_OK && q->scheme_count == 1)
        status = mvec_profile_write_with(ctx, profiles[0], MVEC_FORMAT_JSON, 0u, &sink);
    else if (status == MVEC_OK) {
        const mvec_profile *const *all = (const mvec_profile *const *)profiles;
        status = mvec_robust_profiles(ctx, all, q->scheme_count, &robust);
        if (status == MVEC_OK)
            status = mvec_robust_profile_write(ctx, all, q->scheme_count, robust,
                                               MVEC_FORMAT_JSON, &sink);
    }
    mvec_robust_free(ctx, robust);
    for (size_t s = 0; s < q->scheme_count; s++)
        mvec_profile_free(ctx, profiles[s]);
    if (response->status != 404)
        serve_finish(ctx, status, response);
}

static void api_trend(serve_data *data, mvec_ctx *ctx, const query *q, serve_response *response)
{
    if ((q->partner == NULL) == (q->bloc == NULL)) {
        serve_response_error(response, 400, q->partner ? "bloc" : "partner",
                             "one of partner, bloc",
                             "/api/trend needs exactly one of 'partner' and 'bloc'");
        return;
    }
    mvec_trend *trend = NULL;
    mvec_trend_options options = MVEC_TREND_OPTIONS_INIT;
    options.country = serve_country_code(q);
    options.vector = q->vector;
    options.partner = q->partner ? q->partner->code : NULL;
    options.bloc = q->bloc;
    options.break_year = q->break_year;
    mvec_status status = mvec_trend_build(ctx, data->session->observations, q->schemes[0],
                                          data->session->memberships, &options, &trend);
    mvec_sink sink = serve_buffer_sink(&response->body);
    if (status == MVEC_OK)
        status = mvec_trend_write(ctx, trend, MVEC_FORMAT_JSON, &sink);
    mvec_trend_free(ctx, trend);
    serve_finish(ctx, status, response);
}

static void api_check(serve_data *data, mvec_ctx *ctx, const query *q, serve_response *response)
{
    mvec_claims *claims[MVEC_ROBUST_SCHEME_LIMIT] = {NULL};
    mvec_robust *robust = NULL;
    mvec_claim_options options = MVEC_CLAIM_OPTIONS_INIT;
    options.country = q->country ? q->country->code : NULL;
    options.year = q->year;
    mvec_status status = MVEC_OK;
    for (size_t s = 0; s < q->scheme_count && status == MVEC_OK; s++) {
        options.scheme = q->schemes[s];
        status = mvec_claims_check(ctx, data->session->observations, data->session->memberships,
                                   &options, &claims[s]);
    }
    mvec_sink sink = serve_buffer_sink(&response->body);
    if (status == MVEC_OK && q->scheme_count == 1)
        status = mvec_claims_write(ctx, claims[0], MVEC_FORMAT_JSON, &sink);
    else if (status == MVEC_OK) {
        const mvec_claims *const *all = (const mvec_claims *const *)claims;
        status = mvec_robust_claims(ctx, all, q->scheme_count, &robust);
        if (status == MVEC_OK)
            status = mvec_robust_claims_write(ctx, all, q->scheme_count, robust,
                                              MVEC_FORMAT_JSON, &sink);
    }
    mvec_robust_free(ctx, robust);
    for (size_t s = 0; s < q->scheme_count; s++)
        mvec_claims_free(ctx, claims[s]);
    serve_finish(ctx, status, response);
}

static void api_sources(serve_data *data, mvec_ctx *ctx, const query *q, serve_response *response)
{
    mvec_sources_filter filter = MVEC_SOURCES_FILTER_INIT;
    filter.country = q->country ? q->country->code : NULL;
    filter.vector = q->vector;
    filter.partner = q->partner ? q->partner->code : NULL;
    mvec_sink sink = serve_buffer_sink(&response->body);
    mvec_status status = mvec_sources_write(ctx, data->session->observations,
                                            data->session->memberships, &filter,
                                            MVEC_FORMAT_JSON, &sink);
    serve_finish(ctx, status, response);
}

static void api_routes(serve_data *data, mvec_ctx *ctx, const query *q, serve_response *response)
{
    if (data->network == NULL || strcmp(mvec_network_country(data->network),
                                        serve_country_code(q)) != 0) {
        serve_response_error(response, 404, "country", NULL,
                             "no corridor network of %s is loaded", serve_country_code(q));
        return;
    }
    mvec_routes *routes = NULL;
    mvec_routes_options options = MVEC_ROUTES_OPTIONS_INIT;
    options.year = q->year ? q->year : mvec_network_best_year(data->network, NULL, 0);
    options.closed_links = q->links;
    options.closed_link_count = q->link_count;
    mvec_status status = mvec_routes_compute(ctx, data->network, &options, &routes);
    mvec_sink sink = serve_buffer_sink(&response->body);
    if (status == MVEC_OK)
        status = mvec_routes_write(ctx, routes, MVEC_FORMAT_JSON, &sink);
    mvec_routes_free(ctx, routes);
    serve_finish(ctx, status, response);
}

/* ---- simulate: a wall-clock cap through the cancel callback ---------------------------- */

static double now_seconds(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static bool past_deadline(void *user)
{
    const double *deadline = user;
    return now_seconds() > *deadline;
}

mvec_simulation *serve_simulate(serve_data *data, mvec_ctx *ctx, const query *q,
                                serve_response *response)
{
    unsigned running = atomic_fetch_add(&data->simulations, 1u);
    if (running >= data->limits.max_simulations) {
        atomic_fetch_sub(&data->simulations, 1u);
        serve_response_error(response, 503, NULL, NULL,
                             "%u simulations are running (the server's cap); try again",
                             running);
        return NULL;
    }
    double deadline = now_seconds() + data->limits.max_seconds;
    mvec_ctx_set_cancel(ctx, past_deadline, &deadline);
    mvec_simulate_options options = MVEC_SIMULATE_OPTIONS_INIT;
    options.paths = q->paths;
    options.seed = q->seed;
    options.years = q->years;
    options.threads = 1; /* the request threads already share the cores */
    mvec_simulation *sim = NULL;
    const serve_scenario *s = q->scenario;
    char name[96];
    snprintf(name, sizeof name, "scenarios/%s.lua", s->name); /* as the CLI names it */
    mvec_status status = mvec_simulate(ctx, data->session->observations, data->session->scheme,
                                       data->network, name, s->text, s->length, &options, &sim);
    mvec_ctx_set_cancel(ctx, NULL, NULL);
    atomic_fetch_sub(&data->simulations, 1u);
    if (status == MVEC_ERR_CANCELLED)
        serve_response_error(response, 503, NULL, NULL,
                             "the simulation took longer than the server's cap of %g s; ask "
                             "for fewer paths or years",
                             data->limits.max_seconds);
    else if (status != MVEC_OK)
        serve_finish(ctx, status, response);
    return sim;
}

static void api_simulate(serve_data *data, mvec_ctx *ctx, const query *q, serve_response *response)
{
    mvec_simulation *sim = serve_simulate(data, ctx, q, response);
    if (sim == NULL)
        return;
    mvec_sink sink = serve_buffer_sink(&response->body);
    mvec_status status =
        mvec_simulation_write(ctx, sim, data->session->scheme, MVEC_FORMAT_JSON, 0u, &sink);
    mvec_simulation_free(ctx, sim);
    serve_finish(ctx, status, response);
}

/* ---- answers the server makes itself ---------------------------------------------------- */

static void json_ok(serve_response *response)
{
    response->status = response->body.failed ? 500 : 200;
    response->content_type = SERVE_JSON;
    response->cache_control = "no-cache";
}

static void api_countries(serve_data *data, mvec_ctx *ctx, const query *q,
                          serve_response *response)
{
    (void)ctx;
    (void)q;
    serve_buffer_append(&response->body, data->countries_json.data, data->countries_json.length);
    json_ok(response);
}

static void api_scenarios(serve_data *data, mvec_ctx *ctx, const query *q,
                          serve_response *response)
{
    (void)ctx;
    (void)q;
    serve_buffer *b = &response->body;
    serve_buffer_printf(b, "{\"limits\": {\"max_paths\": %zu, \"max_seconds\": %g, "
                           "\"max_years\": %d},\n \"scenarios\": [",
                        data->limits.max_paths, data->limits.max_seconds,
                        MVEC_SCENARIO_MAX_YEARS);
    for (size_t i = 0; i < data->scenario_count; i++) {
        const serve_scenario *s = &data->scenarios[i];
        serve_buffer_text(b, i ? ",\n  {\"name\": " : "\n  {\"name\": ");
        serve_buffer_json_string(b, s->name);
        serve_buffer_text(b, ", \"title\": ");
        serve_buffer_json_string(b, s->title);
        serve_buffer_text(b, ", \"description\": ");
        serve_buffer_json_string(b, s->description);
        serve_buffer_printf(b, ", \"base_year\": %d, \"years\": %d, \"parameters\": "
                               "{\"paths\": {\"min\": 1, \"max\": %zu, \"default\": 1}, "
                               "\"seed\": {\"min\": 0, \"max\": 18446744073709551615, "
                               "\"default\": 1}, \"years\": {\"min\": 1, \"max\": %d, "
                               "\"default\": %d}}}",
                            s->base_year, s->years, data->limits.max_paths,
                            MVEC_SCENARIO_MAX_YEARS, s->years ? s->years : 10);
    }
    serve_buffer_text(b, "\n]}\n");
    json_ok(response);
}

/* The bloc schemes with their blocs: the dashboard's choices. */
static void api_schemes(serve_data *data, mvec_ctx *ctx, const query *q, serve_response *response)
{
    (void)ctx;
    (void)q;
    serve_buffer *b = &response->body;
    serve_buffer_text(b, "{\"schemes\": [");
    for (size_t i = 0; i < data->scheme_count; i++) {
        const mvec_bloc_scheme *scheme = data->schemes[i];
        serve_buffer_text(b, i ? ",\n  {\"name\": " : "\n  {\"name\": ");
        serve_buffer_json_string(b, mvec_bloc_scheme_name(scheme));
        serve_buffer_text(b, ", \"blocs\": [");
        for (size_t k = 0; k < mvec_bloc_count(scheme); k++) {
            serve_buffer_text(b, k ? ", {\"name\": " : "{\"name\": ");
            serve_buffer_json_string(b, mvec_bloc_name(scheme, k));
            serve_buffer_printf(b, ", \"great_power\": %s, \"colour\": ",
                                mvec_bloc_is_great_power(scheme, k) ? "true" : "false");
            serve_buffer_json_string(b, mvec_chart_bloc_colour(scheme, k)); /* as the charts */
            serve_buffer_text(b, "}");
        }
        serve_buffer_text(b, "]}");
    }
    serve_buffer_text(b, "\n], \"charts\": [");
    for (size_t i = 0; i < sizeof CHART_KINDS / sizeof *CHART_KINDS; i++) {
        serve_buffer_text(b, i ? ", " : "");
        serve_buffer_json_string(b, CHART_KINDS[i]);
    }
    serve_buffer_text(b, "]}\n");
    json_ok(response);
}

/* The table of routes: the only API paths served. */
static const route ROUTES[] = {
    {"/api/countries", api_countries, 0, NULL},
    {"/api/schemes", api_schemes, 0, NULL},
    {"/api/scenarios", api_scenarios, 0, NULL},
    {"/api/profile", api_profile, BIT(P_COUNTRY) | BIT(P_YEAR) | BIT(P_BLOCS) | BIT(P_WEIGHTS),
     NULL},
    {"/api/trend", api_trend,
     BIT(P_COUNTRY) | BIT(P_VECTOR) | BIT(P_PARTNER) | BIT(P_BLOC) | BIT(P_BREAK) | BIT(P_BLOCS),
     "vector"},
    {"/api/check", api_check, BIT(P_COUNTRY) | BIT(P_YEAR) | BIT(P_BLOCS), NULL},
    {"/api/sources", api_sources, BIT(P_COUNTRY) | BIT(P_VECTOR) | BIT(P_PARTNER), NULL},
    {"/api/routes", api_routes, BIT(P_COUNTRY) | BIT(P_YEAR) | BIT(P_CLOSE), NULL},
    {"/api/simulate", api_simulate, BIT(P_SCENARIO) | BIT(P_PATHS) | BIT(P_SEED) | BIT(P_YEARS),
     "scenario"},
    /* charts (serve_charts.c) */
    {"/api/chart/blocs.svg", serve_chart_blocs,
     BIT(P_COUNTRY) | BIT(P_YEAR) | BIT(P_BLOCS) | BIT(P_WEIGHTS), NULL},
    {"/api/chart/trend.svg", serve_chart_trend,
     BIT(P_COUNTRY) | BIT(P_VECTOR) | BIT(P_PARTNER) | BIT(P_BLOC) | BIT(P_BREAK) | BIT(P_BLOCS),
     "vector"},
    {"/api/chart/triangle.svg", serve_chart_triangle, BIT(P_COUNTRY) | BIT(P_VECTOR) | BIT(P_BLOCS),
     "vector"},
    {"/api/chart/fan.svg", serve_chart_fan,
     BIT(P_SCENARIO) | BIT(P_PATHS) | BIT(P_SEED) | BIT(P_YEARS) | BIT(P_VECTOR), "scenario"},
};
enum { ROUTE_COUNT = sizeof ROUTES / sizeof *ROUTES };

size_t serve_route_count(void)
{
    return ROUTE_COUNT;
}

const char *serve_route_path(size_t index)
{
    return ROUTES[index].path;
}

/* Written once per index into a static buffer: for --help only (one thread). */
const char *serve_route_parameters(size_t index)
{
    static char texts[ROUTE_COUNT][160];
    char *text = texts[index];
    size_t used = 0;
    text[0] = '\0';
    for (int kind = 0; kind < P_KIND_COUNT; kind++)
        if (ROUTES[index].params & BIT(kind))
            used += (size_t)snprintf(text + used, sizeof texts[0] - used, "%s%s", used ? ", " : "",
                                     PARAMS[kind].name);
    return text;
}

/* ---- pages ------------------------------------------------------------------------------ */

static const struct {
    const char *extension;
    const char *type;
} CONTENT_TYPES[] = {
    {".html", "text/html; charset=utf-8"},
    {".js", "text/javascript; charset=utf-8"},
    {".css", "text/css; charset=utf-8"},
    {".svg", "image/svg+xml"},
};

/* "/" is web/index.html; "/NAME" is web/NAME when it was compiled in. */
static bool serve_page(const char *path, serve_response *response)
{
    char wanted[128];
    if (snprintf(wanted, sizeof wanted, "web%s", strcmp(path, "/") == 0 ? "/index.html" : path) >=
        (int)sizeof wanted)
        return false;
    for (size_t i = 0; i < serve_asset_count; i++) {
        if (strcmp(serve_assets[i].path, wanted) != 0)
            continue;
        for (size_t t = 0; t < sizeof CONTENT_TYPES / sizeof *CONTENT_TYPES; t++) {
            size_t n = strlen(CONTENT_TYPES[t].extension);
            size_t length = strlen(wanted);
            if (length > n && strcmp(wanted + length - n, CONTENT_TYPES[t].extension) == 0) {
                response->status = 200;
                response->content_type = CONTENT_TYPES[t].type;
                response->cache_control = "no-cache";
                response->fixed = serve_assets[i].data;
                response->fixed_length = serve_assets[i].length;
                return true;
            }
        }
    }
    return false;
}

void serve_handle(serve_data *data, const serve_request *request, serve_response *response)
{
    memset(response, 0, sizeof *response);
    if (strncmp(request->path, "/api/", 5) != 0) {
        if (request->parameter_count == 0 || strcmp(request->path, "/") == 0)
            if (serve_page(request->path, response))
                return;
        serve_response_error(response, 404, NULL, NULL, "no such page: %.200s", request->path);
        return;
    }
    const route *r = NULL;
    for (size_t i = 0; i < ROUTE_COUNT && r == NULL; i++)
        if (strcmp(ROUTES[i].path, request->path) == 0)
            r = &ROUTES[i];
    if (r == NULL) {
        serve_buffer allowed = {0};
        for (size_t i = 0; i < ROUTE_COUNT; i++) {
            serve_buffer_text(&allowed, i ? ", " : "");
            serve_buffer_text(&allowed, ROUTES[i].path);
        }
        serve_response_error(response, 404, NULL, allowed.data, "no such API route: %.200s",
                             request->path);
        serve_buffer_free(&allowed);
        return;
    }
    serve_buffer key = {0};
    bool cached = serve_cache_key(request, &key) && serve_cache_get(key.data, response);
    query q;
    if (!cached && read_query(data, r, request, &q, response)) {
        mvec_ctx *ctx = mvec_ctx_new(NULL, NULL);
        if (ctx == NULL) {
            serve_response_error(response, 503, NULL, NULL, "out of memory");
        } else {
            r->handler(data, ctx, &q, response);
            mvec_ctx_free(ctx);
            if (!key.failed)
                serve_cache_put(key.data, response);
        }
    }
    serve_buffer_free(&key);
}

/* ---- made once at start ----------------------------------------------------------------- */

static int compare_codes(const void *a, const void *b)
{
    const mvec_country *const *x = a;
    const mvec_country *const *y = b;
    return strcmp((*x)->code, (*y)->code);
}

/* Every focal country with figures: code, name, the years and vectors with figures. Cost
 * O(n log n) in the observations. */
bool serve_data_prepare(serve_data *data)
{
    const mvec_observations *obs = data->session->observations;
    size_t count = mvec_observations_count(obs);
    const mvec_country **focal = malloc((count ? count : 1) * sizeof *focal);
    if (focal == NULL)
        return false;
    size_t distinct = 0;
    for (size_t i = 0; i < count; i++) {
        const mvec_country *c = mvec_observations_at(obs, i)->country;
        size_t k = 0;
        while (k < distinct && focal[k] != c)
            k++;
        if (k == distinct)
            focal[distinct++] = c;
    }
    qsort(focal, distinct, sizeof *focal, compare_codes);
    serve_buffer *b = &data->countries_json;
    serve_buffer_text(b, "{\"countries\": [");
    for (size_t k = 0; k < distinct; k++) {
        serve_buffer_text(&data->countries_list, k ? ", " : "");
        serve_buffer_text(&data->countries_list, focal[k]->code);
        serve_buffer_text(b, k ? ",\n  {\"code\": " : "\n  {\"code\": ");
        serve_buffer_json_string(b, focal[k]->code);
        serve_buffer_text(b, ", \"name\": ");
        serve_buffer_json_string(b, focal[k]->name);
        int low = 9999, high = 0;
        serve_buffer vectors = {0};
        for (size_t i = 0; i < count; i++) {
            const mvec_observation *o = mvec_observations_at(obs, i);
            if (o->country != focal[k] || o->superseded)
                continue;
            low = o->year < low ? o->year : low;
            high = o->year > high ? o->year : high;
            char quoted[160];
            snprintf(quoted, sizeof quoted, "\"%s\"", o->vector);
            if (vectors.data == NULL || strstr(vectors.data, quoted) == NULL) {
                serve_buffer_text(&vectors, vectors.length ? ", " : "");
                serve_buffer_json_string(&vectors, o->vector);
            }
        }
        serve_buffer_printf(b, ", \"first_year\": %d, \"last_year\": %d, \"vectors\": [%s]}",
                            high ? low : 0, high, vectors.data ? vectors.data : "");
        bool failed = vectors.failed;
        serve_buffer_free(&vectors);
        if (failed)
            b->failed = true;
    }
    serve_buffer_text(b, "\n]}\n");
    free(focal);
    return !b->failed && !data->countries_list.failed;
}
