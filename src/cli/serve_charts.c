/*
 * serve_charts.c - the chart routes, /api/chart/KIND.svg: the same results as the JSON routes,
 * drawn by the library (mvec_chart.h, PLplot; one process-wide lock, so charts are drawn one
 * at a time) as SVG into the response, in the bloc colours the pages use.
 */
#include <stdio.h>
#include <string.h>

#include "serve_routes.h"

static const char SVG[] = "image/svg+xml";

static void finish_chart(mvec_ctx *ctx, mvec_status status, serve_response *response)
{
    serve_finish(ctx, status, response);
    if (response->status == 200)
        response->content_type = SVG;
}

void serve_chart_blocs(serve_data *data, mvec_ctx *ctx, const query *q, serve_response *response)
{
    mvec_profile *profile = NULL;
    mvec_profile_options options = MVEC_PROFILE_OPTIONS_INIT;
    options.country = serve_country_code(q);
    options.year = q->year;
    options.weights = q->weights;
    mvec_status status = mvec_profile_build(ctx, data->session->observations, q->schemes[0],
                                            data->session->memberships, &options, &profile);
    mvec_sink sink = serve_buffer_sink(&response->body);
    if (status == MVEC_OK)
        status = mvec_chart_blocs(ctx, profile, NULL, &sink);
    mvec_profile_free(ctx, profile);
    finish_chart(ctx, status, response);
}

/* One trend per partner or bloc asked for, else one per great power of the scheme. */
static mvec_status build_trends(serve_data *data, mvec_ctx *ctx, const query *q,
                                mvec_trend **trends, size_t *count)
{
    const mvec_bloc_scheme *scheme = q->schemes[0];
    mvec_trend_options options = MVEC_TREND_OPTIONS_INIT;
    options.country = serve_country_code(q);
    options.vector = q->vector;
    options.break_year = q->break_year;
    mvec_status status = MVEC_OK;
    *count = 0;
    if (q->partner != NULL || q->bloc != NULL) {
        options.partner = q->partner ? q->partner->code : NULL;
        options.bloc = q->bloc;
        status = mvec_trend_build(ctx, data->session->observations, scheme,
                                  data->session->memberships, &options, &trends[0]);
        *count = status == MVEC_OK ? 1 : 0;
        return status;
    }
    for (size_t b = 0; b < mvec_bloc_count(scheme) && *count < 8 && status == MVEC_OK; b++) {
        if (!mvec_bloc_is_great_power(scheme, b))
            continue;
        options.bloc = mvec_bloc_name(scheme, b);
        status = mvec_trend_build(ctx, data->session->observations, scheme,
                                  data->session->memberships, &options, &trends[*count]);
        if (status == MVEC_OK)
            (*count)++;
        options.break_year = 0; /* the chart marks the first trend's break */
    }
    return status;
}

static void chart_of_trends(serve_data *data, mvec_ctx *ctx, const query *q,
                            serve_response *response, bool triangle)
{
    mvec_trend *trends[8] = {NULL};
    size_t count = 0;
    mvec_status status = build_trends(data, ctx, q, trends, &count);
    const mvec_trend *const *all = (const mvec_trend *const *)trends;
    mvec_sink sink = serve_buffer_sink(&response->body);
    if (status == MVEC_OK && triangle)
        status = mvec_chart_triangle(ctx, all, count, q->schemes[0], NULL, &sink);
    else if (status == MVEC_OK)
        status = mvec_chart_trend(ctx, all, count, q->schemes[0], NULL, &sink);
    for (size_t i = 0; i < count; i++)
        mvec_trend_free(ctx, trends[i]);
    finish_chart(ctx, status, response);
}

void serve_chart_trend(serve_data *data, mvec_ctx *ctx, const query *q, serve_response *response)
{
    if (q->partner != NULL && q->bloc != NULL) {
        serve_response_error(response, 400, "bloc", "one of partner, bloc",
                             "/api/chart/trend.svg takes 'partner' or 'bloc', not both");
        return;
    }
    chart_of_trends(data, ctx, q, response, false);
}

void serve_chart_triangle(serve_data *data, mvec_ctx *ctx, const query *q,
                          serve_response *response)
{
    chart_of_trends(data, ctx, q, response, true);
}

/* The great powers' shares of one vector (default trade.total) over the simulated years. */
void serve_chart_fan(serve_data *data, mvec_ctx *ctx, const query *q, serve_response *response)
{
    const mvec_bloc_scheme *scheme = data->session->scheme;
    const char *vector = q->vector ? q->vector : "trade.total";
    char names[8][160];
    const char *metrics[8];
    size_t count = 0;
    for (size_t b = 0; b < mvec_bloc_count(scheme) && count < 8; b++)
        if (mvec_bloc_is_great_power(scheme, b)) {
            snprintf(names[count], sizeof names[count], "%s.share.%s", vector,
                     mvec_bloc_name(scheme, b));
            metrics[count] = names[count];
            count++;
        }
    mvec_simulation *sim = serve_simulate(data, ctx, q, response);
    if (sim == NULL)
        return;
    mvec_sink sink = serve_buffer_sink(&response->body);
    mvec_status status = mvec_chart_fan(ctx, sim, metrics, count, scheme, NULL, &sink);
    mvec_simulation_free(ctx, sim);
    finish_chart(ctx, status, response);
}
