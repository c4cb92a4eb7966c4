/*
 * charts_stub.c - the public chart functions before they are drawn (step 1 of
 * issue 9 point 2): each checks its options and says it is not implemented.
 */
#include "chart_internal.h"

static mvec_status not_yet(mvec_ctx *ctx, const mvec_chart_options *options, const char *kind)
{
    mvec_chart_options resolved;
    mvec_status status = mvec__chart_options_read(ctx, options, &resolved);
    if (status != MVEC_OK)
        return status;
    return mvec__error(ctx, MVEC_ERR_INTERNAL, "the %s chart is not implemented yet", kind);
}

mvec_status mvec_chart_fan(mvec_ctx *ctx, const mvec_simulation *simulation,
                           const char *const *metrics, size_t metric_count,
                           const mvec_bloc_scheme *scheme, const mvec_chart_options *options,
                           const mvec_sink *sink)
{
    (void)simulation;
    (void)metrics;
    (void)metric_count;
    (void)scheme;
    (void)sink;
    return not_yet(ctx, options, "fan");
}

mvec_status mvec_chart_network(mvec_ctx *ctx, const mvec_network *network,
                               const mvec_routes_options *routes_options,
                               const mvec_chart_options *options, const mvec_sink *sink)
{
    (void)network;
    (void)routes_options;
    (void)sink;
    return not_yet(ctx, options, "network");
}
