/*
 * model_common.c - what the chart models share: text in the model's arena,
 * the list of publications behind a chart, the title override, axis ranges.
 */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "chart_internal.h"

mvec_status mvec__chart_printf(mvec_ctx *ctx, mvec__arena *arena, const char **out,
                               const char *fmt, ...)
{
    char text[2048];
    va_list args;
    va_start(args, fmt);
    vsnprintf(text, sizeof text, fmt, args);
    va_end(args);
    return mvec__arena_strdup(ctx, arena, text, out);
}

void mvec__chart_sources_add(mvec__chart_sources *sources, const char *publication)
{
    if (publication == NULL || publication[0] == '\0')
        return;
    for (size_t i = 0; i < sources->count; i++)
        if (strcmp(sources->items[i], publication) == 0)
            return;
    if (sources->count < MVEC__CHART_MAX_SOURCES)
        sources->items[sources->count++] = publication;
    else
        sources->dropped++;
}

/* Length of the text before its last ", " (0 when none). */
static size_t head_length(const char *item)
{
    const char *last = NULL;
    for (const char *p = strstr(item, ", "); p != NULL; p = strstr(p + 1, ", "))
        last = p;
    return last != NULL ? (size_t)(last - item) : 0;
}

/* Length without trailing full stops and spaces. */
static size_t trimmed_length(const char *item)
{
    size_t length = strlen(item);
    while (length > 0 && (item[length - 1] == '.' || item[length - 1] == ' '))
        length--;
    return length;
}

mvec_status mvec__chart_sources_finish(mvec_ctx *ctx, mvec__arena *arena,
                                       const mvec__chart_sources *sources,
                                       mvec__chart_frame *frame)
{
    mvec_status status = MVEC_OK;
    mvec__buf text = MVEC__BUF_INIT((size_t)1 << 20);
    size_t total = sources->count + sources->dropped;
    if (total > 6)
        MVEC_TRY(mvec__buf_printf(ctx, &text, "Sources (%zu publications): ", total));
    else
        MVEC_TRY(mvec__buf_puts(ctx, &text, total > 1 ? "Sources: " : "Source: "));
    if (sources->count == 0)
        MVEC_TRY(mvec__buf_puts(ctx, &text, "none recorded"));
    /* Publications that differ only after their last ", " (a statistical
     * office's yearly releases) are merged: "Bureau ..., 2019 release, 2020
     * release". */
    bool used[MVEC__CHART_MAX_SOURCES] = {false};
    size_t written = 0;
    for (size_t i = 0; i < sources->count; i++) {
        if (used[i])
            continue;
        const char *item = sources->items[i];
        size_t head = head_length(item);
        if (written++ > 0)
            MVEC_TRY(mvec__buf_puts(ctx, &text, "; "));
        MVEC_TRY(mvec__buf_append(ctx, &text, item, trimmed_length(item)));
        for (size_t j = i + 1; j < sources->count && head > 0; j++) {
            const char *other = sources->items[j];
            if (used[j] || head_length(other) != head || strncmp(item, other, head) != 0)
                continue;
            used[j] = true;
            MVEC_TRY(mvec__buf_puts(ctx, &text, ", "));
            MVEC_TRY(mvec__buf_append(ctx, &text, other + head + 2,
                                      trimmed_length(other) - head - 2));
        }
    }
    if (sources->dropped > 0)
        MVEC_TRY(mvec__buf_printf(ctx, &text, "; and %zu more", sources->dropped));
    MVEC_TRY(mvec__buf_puts(ctx, &text, "."));
    MVEC_TRY(mvec__arena_strdup(ctx, arena, text.data, &frame->sources));
    MVEC_TRY(mvec__chart_printf(ctx, arena, &frame->credit, "Computed by mvec %s",
                                mvec_version()));
cleanup:
    mvec__buf_clear(ctx, &text);
    return status;
}

/* Words for the vectors the built-in data have; others are shown by their code. */
static const struct vector_word {
    const char *vector;
    const char *words;
} VECTOR_WORDS[] = {
    {"trade.total", "trade"},
    {"trade.exports", "exports"},
    {"trade.imports", "imports"},
    {"fdi.stock", "FDI stock"},
    {"fdi.inflow", "FDI inflow"},
    {"fdi.outflow", "FDI outflow"},
    {"fdi.outward_stock", "outward FDI stock"},
    {"fdi.cumulative", "cumulative FDI"},
    {"debt.external", "external debt"},
    {"arms.imports", "arms imports"},
    {"arms.exports", "arms exports"},
    {"energy.oil_production", "oil production"},
    {"energy.export_routes", "oil export routes"},
    {"energy.gas_exports", "gas exports"},
    {"energy.gas_imports", "gas imports"},
    {"institutions", "institutions"},
    {"opinion", "public opinion"},
    {"business.foreign_firms", "foreign firms"},
};

const char *mvec__chart_vector_words(const char *vector)
{
    for (size_t i = 0; i < sizeof VECTOR_WORDS / sizeof VECTOR_WORDS[0]; i++)
        if (strcmp(VECTOR_WORDS[i].vector, vector) == 0)
            return VECTOR_WORDS[i].words;
    return vector;
}

void mvec__chart_frame_override(mvec__chart_frame *frame, const mvec_chart_options *options)
{
    if (options->title != NULL)
        frame->title = options->title;
    if (options->subtitle != NULL)
        frame->subtitle = options->subtitle;
}

double mvec__chart_share_axis_top(double largest)
{
    if (!(largest > 0.0))
        return 100.0;
    double top = ceil(largest * 1.15 / 10.0) * 10.0;
    return top > 100.0 ? 100.0 : top < 10.0 ? 10.0 : top;
}
