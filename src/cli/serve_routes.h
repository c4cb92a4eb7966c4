/*
 * serve_routes.h - what the route handlers share: the checked values of a request (serve_api.c
 * reads and checks them from the route table) and the helpers the JSON routes (serve_api.c)
 * and the chart routes (serve_charts.c) both use.
 */
#ifndef MVEC_CLI_SERVE_ROUTES_H
#define MVEC_CLI_SERVE_ROUTES_H

#include "serve.h"

/* The values of one request, checked. */
typedef struct query {
    const mvec_country *country; /* NULL: KAZ */
    int year;
    const mvec_bloc_scheme *schemes[MVEC_ROBUST_SCHEME_LIMIT];
    size_t scheme_count; /* 0: the first loaded scheme */
    const char *weights;
    const char *vector;
    const mvec_country *partner;
    const char *bloc;
    int break_year;
    const char *links[SERVE_MAX_LINKS];
    size_t link_count;
    char link_text[SERVE_MAX_VALUE_BYTES + 1];
    const serve_scenario *scenario;
    size_t paths;
    uint64_t seed;
    int years;
} query;

typedef void (*route_handler)(serve_data *data, mvec_ctx *ctx, const query *q,
                              serve_response *response);

extern const char SERVE_JSON[];

/* 200 with the body the writer made, or the library's error as JSON with its HTTP status
 * (400 invalid, 404 no data, 503 cancelled or out of memory, 500 otherwise). */
void serve_finish(mvec_ctx *ctx, mvec_status status, serve_response *response);
/* The request's country code, KAZ when none was given. */
const char *serve_country_code(const query *q);
/* True when no vector of the profile was computed from figures (mvec profile writes nothing
 * then; the API answers 404). */
bool serve_profile_empty(const mvec_profile *profile);
/* Run q->scenario with the caps: at most limits.max_simulations at once and the wall-clock
 * cap through the context's cancel callback. NULL after setting the error response (503
 * for a cap). */
mvec_simulation *serve_simulate(serve_data *data, mvec_ctx *ctx, const query *q,
                                serve_response *response);

/* The chart routes (serve_charts.c): SVG drawn by the library (mvec_chart.h). */
void serve_chart_blocs(serve_data *data, mvec_ctx *ctx, const query *q, serve_response *response);
void serve_chart_trend(serve_data *data, mvec_ctx *ctx, const query *q, serve_response *response);
void serve_chart_triangle(serve_data *data, mvec_ctx *ctx, const query *q,
                          serve_response *response);
void serve_chart_fan(serve_data *data, mvec_ctx *ctx, const query *q, serve_response *response);

#endif
