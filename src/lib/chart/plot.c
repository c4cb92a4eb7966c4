/*
 * plot.c - the one boundary to PLplot: options, the process-wide lock, the
 * exit and abort handlers, the cairo device on a temporary file, and the
 * copy of the finished image to the caller's sink.
 */
#include "chart_internal.h"

mvec_status mvec__chart_options_read(mvec_ctx *ctx, const mvec_chart_options *options,
                                     mvec_chart_options *resolved)
{
    mvec_status status = MVEC_OK;
    mvec_chart_options given = MVEC_CHART_OPTIONS_INIT;
    MVEC_TRY(mvec__options_read(ctx, "mvec_chart_options", "MVEC_CHART_OPTIONS_INIT", &given,
                                sizeof given, MVEC__SIZE_TO(mvec_chart_options, subtitle),
                                options));
    if (mvec_image_format_name(given.format) == NULL)
        MVEC_FAIL(ctx, MVEC_ERR_INVALID, "unknown image format %d", (int)given.format);
    if (given.width < MVEC_CHART_MIN_SIZE || given.width > MVEC_CHART_MAX_SIZE ||
        given.height < MVEC_CHART_MIN_SIZE || given.height > MVEC_CHART_MAX_SIZE)
        MVEC_FAIL(ctx, MVEC_ERR_INVALID, "chart size %dx%d outside %d-%d", given.width,
                  given.height, MVEC_CHART_MIN_SIZE, MVEC_CHART_MAX_SIZE);
    *resolved = given;
cleanup:
    return status;
}

mvec_status mvec__chart_render(mvec_ctx *ctx, const mvec_chart_options *options,
                               mvec__chart_draw_fn draw, const void *model,
                               const mvec_sink *sink)
{
    (void)options;
    (void)draw;
    (void)model;
    (void)sink;
    return mvec__error(ctx, MVEC_ERR_INTERNAL, "charts are not implemented yet");
}
