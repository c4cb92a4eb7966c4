/*
 * report_charts.c - the report's charts: each drawn by the chart API
 * (mvec_chart.h) as SVG into memory, then inlined: the XML declaration and
 * DOCTYPE left out, and every id prefixed per chart, because cairo names
 * the glyphs and clip paths of every image alike (glyph0-0, clip1) and ids
 * must be unique in one HTML page.
 */
#include <string.h>

#include "report_internal.h"

struct collector {
    mvec_ctx *ctx;
    mvec__buf svg;
};

/* One chart call: which kind and its arguments. */
typedef struct chart_call {
    enum { CALL_BLOCS = 0, CALL_TREND, CALL_TRIANGLE, CALL_FAN } kind;
    const mvec_profile *profile;
    const mvec_trend *const *trends;
    size_t count; /* trends or metrics */
    const mvec_bloc_scheme *scheme;
    const mvec_simulation *simulation;
    const char *const *metrics;
} chart_call;

/* Skip a leading "<?xml ...?>" and "<!DOCTYPE ...>" (and the white space after them). */
static const char *skip_prolog(const char *p, const char *end)
{
    for (;;) {
        while (p < end && (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t'))
            p++;
        const char *close = NULL;
        if (end - p >= 5 && memcmp(p, "<?xml", 5) == 0)
            close = "?>";
        else if (end - p >= 9 && memcmp(p, "<!DOCTYPE", 9) == 0)
            close = ">";
        if (close == NULL)
            return p;
        const char *q = p;
        size_t n = strlen(close);
        while (q + n <= end && memcmp(q, close, n) != 0)
            q++;
        if (q + n > end)
            return p;
        p = q + n;
    }
}

mvec_status mvec__report_inline_svg(mvec_ctx *ctx, const char *svg, size_t length,
                                    const char *prefix, mvec__buf *out)
{
    /* the places an id is named or referred to; the prefix goes after each */
    static const char *const MARKS[] = {" id=\"", "href=\"#", "url(#"};
    mvec_status status = MVEC_OK;
    const char *end = svg + length;
    const char *p = skip_prolog(svg, end);
    const char *run = p;
    while (p < end) {
        size_t matched = 0;
        for (size_t m = 0; m < sizeof MARKS / sizeof *MARKS && matched == 0; m++) {
            size_t n = strlen(MARKS[m]);
            if ((size_t)(end - p) >= n && memcmp(p, MARKS[m], n) == 0)
                matched = n;
        }
        if (matched == 0) {
            p++;
            continue;
        }
        p += matched;
        MVEC_TRY(mvec__buf_append(ctx, out, run, (size_t)(p - run)));
        MVEC_TRY(mvec__buf_printf(ctx, out, "%s-", prefix));
        run = p;
    }
    MVEC_TRY(mvec__buf_append(ctx, out, run, (size_t)(end - run)));
    if (out->length > 0 && out->data[out->length - 1] != '\n')
        MVEC_TRY(mvec__buf_putc(ctx, out, '\n'));
cleanup:
    return status;
}

/* Collects the chart's bytes. */
static int collect(void *user, const char *data, size_t length)
{
    struct collector *c = user;
    if (mvec__buf_append(c->ctx, &c->svg, data, length) != MVEC_OK)
        return -1;
    return 0;
}

/* The chart sizes in points: wide enough that its text prints at about 8 pt on A4. */
enum { WIDTH = 720, HEIGHT = 450, TRIANGLE_WIDTH = 620, TRIANGLE_HEIGHT = 540 };

static mvec_status draw(mvec_ctx *ctx, const chart_call *call, const char *id, mvec__buf *out)
{
    mvec_status status = MVEC_OK;
    struct collector c = {ctx, MVEC__BUF_INIT(MVEC__OUTPUT_MAX)};
    mvec_sink sink = {collect, &c};
    mvec_chart_options options = MVEC_CHART_OPTIONS_INIT;
    options.format = MVEC_IMAGE_SVG;
    options.width = WIDTH;
    options.height = HEIGHT;
    switch (call->kind) {
    case CALL_BLOCS:
        /* a row of bars per vector */
        options.height = 120 + 34 * (int)(mvec_profile_vector_count(call->profile) + 1);
        if (options.height > MVEC_CHART_MAX_SIZE)
            options.height = MVEC_CHART_MAX_SIZE;
        MVEC_TRY(mvec_chart_blocs(ctx, call->profile, &options, &sink));
        break;
    case CALL_TREND:
        MVEC_TRY(mvec_chart_trend(ctx, call->trends, call->count, call->scheme, &options, &sink));
        break;
    case CALL_TRIANGLE:
        options.width = TRIANGLE_WIDTH;
        options.height = TRIANGLE_HEIGHT;
        MVEC_TRY(
            mvec_chart_triangle(ctx, call->trends, call->count, call->scheme, &options, &sink));
        break;
    case CALL_FAN:
        MVEC_TRY(mvec_chart_fan(ctx, call->simulation, call->metrics, call->count, call->scheme,
                                &options, &sink));
        break;
    }
    MVEC_TRY(mvec__report_inline_svg(ctx, c.svg.data ? c.svg.data : "", c.svg.length, id, out));
cleanup:
    mvec__buf_clear(ctx, &c.svg);
    return status;
}

mvec_status mvec__report_chart_blocs(mvec_ctx *ctx, const mvec_profile *profile, const char *id,
                                     mvec__buf *out)
{
    chart_call call = {CALL_BLOCS, profile, NULL, 0, NULL, NULL, NULL};
    return draw(ctx, &call, id, out);
}

mvec_status mvec__report_chart_trend(mvec_ctx *ctx, const mvec_trend *const *trends, size_t count,
                                     const mvec_bloc_scheme *scheme, const char *id,
                                     mvec__buf *out)
{
    chart_call call = {CALL_TREND, NULL, trends, count, scheme, NULL, NULL};
    return draw(ctx, &call, id, out);
}

mvec_status mvec__report_chart_triangle(mvec_ctx *ctx, const mvec_trend *const *trends,
                                        size_t count, const mvec_bloc_scheme *scheme,
                                        const char *id, mvec__buf *out)
{
    chart_call call = {CALL_TRIANGLE, NULL, trends, count, scheme, NULL, NULL};
    return draw(ctx, &call, id, out);
}

mvec_status mvec__report_chart_fan(mvec_ctx *ctx, const mvec_simulation *simulation,
                                   const char *const *metrics, size_t count,
                                   const mvec_bloc_scheme *scheme, const char *id,
                                   mvec__buf *out)
{
    chart_call call = {CALL_FAN, NULL, NULL, count, scheme, simulation, metrics};
    return draw(ctx, &call, id, out);
}
