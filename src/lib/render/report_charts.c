/*
 * report_charts.c - the report's charts: each drawn by the chart API
 * (mvec_chart.h) as SVG into memory, then inlined: the XML declaration and
 * DOCTYPE left out, and every id prefixed per chart, because cairo names
 * the glyphs and clip paths of every image alike (glyph0-0, clip1) and ids
 * must be unique in one HTML page.
 */
#include <string.h>

#include "report_internal.h"

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

/* Until the chart API is merged (mvec_chart.h), every chart is "not available". */
static mvec_status unavailable(mvec_ctx *ctx)
{
    return mvec__error(ctx, MVEC_ERR_NO_DATA, "charts are not available in this build");
}

mvec_status mvec__report_chart_blocs(mvec_ctx *ctx, const mvec_profile *profile, const char *id,
                                     mvec__buf *out)
{
    (void)profile;
    (void)id;
    (void)out;
    return unavailable(ctx);
}

mvec_status mvec__report_chart_trend(mvec_ctx *ctx, const mvec_trend *const *trends, size_t count,
                                     const mvec_bloc_scheme *scheme, const char *id,
                                     mvec__buf *out)
{
    (void)trends;
    (void)count;
    (void)scheme;
    (void)id;
    (void)out;
    return unavailable(ctx);
}

mvec_status mvec__report_chart_triangle(mvec_ctx *ctx, const mvec_trend *const *trends,
                                        size_t count, const mvec_bloc_scheme *scheme,
                                        const char *id, mvec__buf *out)
{
    (void)trends;
    (void)count;
    (void)scheme;
    (void)id;
    (void)out;
    return unavailable(ctx);
}

mvec_status mvec__report_chart_fan(mvec_ctx *ctx, const mvec_simulation *simulation,
                                   const char *const *metrics, size_t count,
                                   const mvec_bloc_scheme *scheme, const char *id,
                                   mvec__buf *out)
{
    (void)simulation;
    (void)metrics;
    (void)count;
    (void)scheme;
    (void)id;
    (void)out;
    return unavailable(ctx);
}
