/*
 * model_trend.c - the trend chart's model: one series per trend, each year's
 * interval as a band and its midpoint as the line (shares in %), the break
 * year marked; and mvec_chart_trend, which draws it (draw_series.c).
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "chart_internal.h"

enum { MAX_SERIES = 8 };

static const char *verdict_word(mvec_verdict verdict)
{
    switch (verdict) {
    case MVEC_VERDICT_HOLDS:
        return "stable";
    case MVEC_VERDICT_FAILS:
        return "changed";
    case MVEC_VERDICT_UNDECIDABLE:
        return "undecided";
    }
    return "undecided";
}

/* Colours: a bloc trend takes its bloc's colour; partner trends their bloc's
 * colour when no two of them share a bloc; otherwise the palette in order. */
static void choose_colours(const mvec_trend *const *trends, size_t count,
                           const mvec_bloc_scheme *scheme, const char **colours)
{
    size_t blocs[MAX_SERIES];
    bool by_bloc = scheme != NULL;
    for (size_t i = 0; i < count; i++) {
        const mvec_country *partner = mvec_trend_partner(trends[i]);
        size_t bloc = mvec_trend_bloc(trends[i]);
        if (scheme != NULL && bloc == SIZE_MAX && partner != NULL)
            bloc = mvec_bloc_of(scheme, partner);
        if (scheme != NULL && bloc >= mvec_bloc_count(scheme))
            bloc = SIZE_MAX;
        blocs[i] = bloc;
        if (bloc == SIZE_MAX)
            by_bloc = false;
        for (size_t j = 0; j < i; j++)
            if (blocs[j] == bloc)
                by_bloc = false;
    }
    for (size_t i = 0; i < count; i++)
        colours[i] = by_bloc ? mvec_chart_bloc_colour(scheme, blocs[i])
                             : mvec__chart_series_colour(i);
}

static mvec_status series_label(mvec_ctx *ctx, mvec__arena *arena, const mvec_trend *trend,
                                const mvec_bloc_scheme *scheme, const char **out)
{
    const mvec_country *partner = mvec_trend_partner(trend);
    size_t bloc = mvec_trend_bloc(trend);
    if (bloc != SIZE_MAX && scheme != NULL && bloc < mvec_bloc_count(scheme))
        return mvec__chart_printf(ctx, arena, out, "%s", mvec_bloc_name(scheme, bloc));
    if (partner != NULL && strcmp(mvec_trend_dimension(trend), "share") == 0)
        return mvec__chart_printf(ctx, arena, out, "%s", partner->name);
    return mvec__chart_printf(ctx, arena, out, "%s", mvec_trend_subject(trend));
}

mvec_status mvec__chart_trend_model(mvec_ctx *ctx, const mvec_trend *const *trends, size_t count,
                                    const mvec_bloc_scheme *scheme, mvec__series_model *model)
{
    mvec_status status = MVEC_OK;
    mvec__chart_sources sources = {{NULL}, 0, 0};
    memset(model, 0, sizeof *model);
    model->mark_x = NAN;
    if (count == 0 || trends == NULL)
        MVEC_FAIL(ctx, MVEC_ERR_INVALID, "a trend chart needs at least one trend");
    if (count > MAX_SERIES)
        MVEC_FAIL(ctx, MVEC_ERR_INVALID, "a trend chart shows at most %d trends, not %zu",
                  MAX_SERIES, count);
    const mvec_country *country = mvec_trend_country(trends[0]);
    const char *dimension = mvec_trend_dimension(trends[0]);
    bool same_vector = true;
    for (size_t i = 1; i < count; i++) {
        if (mvec_trend_country(trends[i]) != country)
            MVEC_FAIL(ctx, MVEC_ERR_INVALID, "the trends are of different countries (%s, %s)",
                      country->code, mvec_trend_country(trends[i])->code);
        if (strcmp(mvec_trend_dimension(trends[i]), dimension) != 0)
            MVEC_FAIL(ctx, MVEC_ERR_INVALID, "the trends are in different units (%s, %s)",
                      dimension, mvec_trend_dimension(trends[i]));
        same_vector = same_vector &&
                      strcmp(mvec_trend_vector(trends[i]), mvec_trend_vector(trends[0])) == 0;
    }
    bool shares = strcmp(dimension, "share") == 0;
    double scale = shares ? 100.0 : 1.0;
    const char *colours[MAX_SERIES];
    choose_colours(trends, count, scheme, colours);

    MVEC_TRY(mvec__arena_alloc(ctx, &model->arena, count * sizeof *model->series,
                               &model->series));
    model->series_count = count;
    double x_min = INFINITY, x_max = -INFINITY, y_min = INFINITY, y_max = -INFINITY;
    for (size_t i = 0; i < count; i++) {
        mvec__series *series = &model->series[i];
        size_t n = mvec_trend_count(trends[i]);
        series->colour = colours[i];
        MVEC_TRY(series_label(ctx, &model->arena, trends[i], scheme, &series->label));
        if (!same_vector)
            MVEC_TRY(mvec__chart_printf(ctx, &model->arena, &series->label, "%s, %s",
                                        series->label, mvec_trend_vector(trends[i])));
        size_t bytes = (n ? n : 1) * sizeof(double);
        MVEC_TRY(mvec__arena_alloc(ctx, &model->arena, bytes, &series->x));
        MVEC_TRY(mvec__arena_alloc(ctx, &model->arena, bytes, &series->lo));
        MVEC_TRY(mvec__arena_alloc(ctx, &model->arena, bytes, &series->mid));
        MVEC_TRY(mvec__arena_alloc(ctx, &model->arena, bytes, &series->hi));
        for (size_t k = 0; k < n; k++) {
            const mvec_trend_point *point = mvec_trend_at(trends[i], k);
            if (point->status != NULL || !isfinite(point->value.lo) ||
                !isfinite(point->value.hi))
                continue;
            size_t at = series->count++;
            series->x[at] = point->year;
            series->lo[at] = point->value.lo * scale;
            series->hi[at] = point->value.hi * scale;
            series->mid[at] = (series->lo[at] + series->hi[at]) / 2.0;
            x_min = fmin(x_min, point->year);
            x_max = fmax(x_max, point->year);
            y_min = fmin(y_min, series->lo[at]);
            y_max = fmax(y_max, series->hi[at]);
            mvec__chart_sources_add(&sources, point->source);
        }
    }
    if (!isfinite(x_min))
        MVEC_FAIL(ctx, MVEC_ERR_NO_DATA, "no year of the %s has a value",
                  count > 1 ? "trends" : "trend");

    for (size_t i = 0; i < count && isnan(model->mark_x); i++) {
        const mvec_trend_break *brk = mvec_trend_break_test(trends[i]);
        if (brk == NULL)
            continue;
        model->mark_x = brk->year - 0.5; /* between the last year before and the first after */
        if (brk->status == NULL)
            MVEC_TRY(mvec__chart_printf(ctx, &model->arena, &model->mark_label,
                                        "break %d (%s): %s", brk->year, model->series[i].label,
                                        verdict_word(brk->verdict)));
        else
            MVEC_TRY(mvec__chart_printf(ctx, &model->arena, &model->mark_label,
                                        "break %d: not tested", brk->year));
        x_min = fmin(x_min, brk->year - 1);
        x_max = fmax(x_max, brk->year);
    }
    model->x_min = x_min - 0.5;
    model->x_max = x_max + 0.5;
    if (model->x_max - model->x_min < 3.0) {
        model->x_min -= 1.0;
        model->x_max += 1.0;
    }
    if (shares) {
        model->y_min = 0.0;
        model->y_max = mvec__chart_share_axis_top(y_max);
    } else {
        double span = y_max - y_min > 0.0 ? y_max - y_min : fabs(y_max) + 1.0;
        model->y_min = y_min >= 0.0 && y_min < span ? 0.0 : y_min - span * 0.1;
        model->y_max = y_max + span * 0.15;
    }
    bool any_range = false;
    for (size_t i = 0; i < count; i++)
        for (size_t k = 0; k < model->series[i].count; k++)
            any_range = any_range || model->series[i].hi[k] - model->series[i].lo[k] > 1e-9;
    model->band_label = any_range ? "range the data allow" : NULL;

    const char *vector = mvec_trend_vector(trends[0]);
    const char *words = mvec__chart_vector_words(vector);
    int first = (int)(x_min), last = (int)(x_max);
    bool all_blocs = true, all_partners = true;
    for (size_t i = 0; i < count; i++) {
        all_blocs = all_blocs && mvec_trend_bloc(trends[i]) != SIZE_MAX;
        all_partners = all_partners && mvec_trend_partner(trends[i]) != NULL;
    }
    if (!shares)
        MVEC_TRY(mvec__chart_printf(ctx, &model->arena, &model->frame.title, "%s: %s, %d–%d",
                                    country->name, mvec_trend_subject(trends[0]), first, last));
    else if (!same_vector)
        MVEC_TRY(mvec__chart_printf(ctx, &model->arena, &model->frame.title,
                                    "%s: shares by vector, %d–%d", country->name, first, last));
    else if (count == 1)
        MVEC_TRY(mvec__chart_printf(ctx, &model->arena, &model->frame.title,
                                    "%s's %s: %s share, %d–%d", country->name, words,
                                    model->series[0].label, first, last));
    else
        MVEC_TRY(mvec__chart_printf(ctx, &model->arena, &model->frame.title,
                                    "%s's %s by %s, %d–%d", country->name, words,
                                    all_blocs ? "bloc" : all_partners ? "partner" : "partner and bloc",
                                    first, last));
    char what[256];
    if (shares && same_vector)
        snprintf(what, sizeof what, "Share of %s (%s)", words, vector);
    else
        snprintf(what, sizeof what, "%s", shares ? "Shares" : "Values");
    MVEC_TRY(mvec__chart_printf(
        ctx, &model->arena, &model->frame.subtitle,
        "%s each year, from the distribution the profile uses for that year%s", what,
        any_range ? ". Lines join the middles of the yearly ranges; bands run from their lower "
                    "to their upper ends."
                  : "."));
    model->frame.x_label = "year";
    if (shares)
        MVEC_TRY(mvec__chart_printf(ctx, &model->arena, &model->frame.y_label,
                                    "share of %s's %s (%%)", country->name,
                                    same_vector ? words : "vector"));
    else
        MVEC_TRY(mvec__chart_printf(ctx, &model->arena, &model->frame.y_label, "%s (%s)",
                                    mvec_trend_subject(trends[0]), dimension));
    MVEC_TRY(mvec__chart_sources_finish(ctx, &model->arena, &sources, &model->frame));
cleanup:
    return status;
}

void mvec__chart_series_model_clear(mvec_ctx *ctx, mvec__series_model *model)
{
    mvec__arena_clear(ctx, &model->arena);
    memset(model, 0, sizeof *model);
}

mvec_status mvec_chart_trend(mvec_ctx *ctx, const mvec_trend *const *trends, size_t trend_count,
                             const mvec_bloc_scheme *scheme, const mvec_chart_options *options,
                             const mvec_sink *sink)
{
    mvec_status status = MVEC_OK;
    mvec_chart_options resolved;
    mvec__series_model model;
    memset(&model, 0, sizeof model);
    MVEC_TRY(mvec__chart_options_read(ctx, options, &resolved));
    MVEC_TRY(mvec__chart_trend_model(ctx, trends, trend_count, scheme, &model));
    mvec__chart_frame_override(&model.frame, &resolved);
    MVEC_TRY(mvec__chart_render(ctx, &resolved, mvec__draw_series, &model, sink));
cleanup:
    mvec__chart_series_model_clear(ctx, &model);
    return status;
}
