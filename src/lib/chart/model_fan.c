/*
 * model_fan.c - the fan chart's model: for each metric of a simulation the
 * median over the paths and the 5th-95th percentile band by year, from the
 * base year (the data) on; and mvec_chart_fan, which draws it
 * (draw_series.c, as the trend).
 */
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "chart_internal.h"

enum { MAX_METRICS = 8 };

/* The bloc of a "<vector>.share.<bloc>" metric in the scheme, or SIZE_MAX. */
static size_t metric_bloc(const char *name, const mvec_bloc_scheme *scheme)
{
    const char *share = strstr(name, ".share.");
    if (share == NULL || scheme == NULL)
        return SIZE_MAX;
    for (size_t b = 0; b < mvec_bloc_count(scheme); b++)
        if (strcmp(share + 7, mvec_bloc_name(scheme, b)) == 0)
            return b;
    return SIZE_MAX;
}

static mvec_status unknown_metric(mvec_ctx *ctx, const mvec_simulation *simulation,
                                  const char *name)
{
    char list[1024] = "";
    size_t used = 0;
    size_t count = mvec_simulation_metric_count(simulation);
    for (size_t m = 0; m < count && used + 80 < sizeof list; m++) {
        int n = snprintf(list + used, sizeof list - used, "%s%s", m ? ", " : "",
                         mvec_simulation_metric(simulation, m)->name);
        if (n > 0)
            used += (size_t)n;
    }
    return mvec__error(ctx, MVEC_ERR_INVALID, "the scenario has no metric '%s' (it has %s%s)",
                       name, list, used + 80 >= sizeof list ? ", ..." : "");
}

mvec_status mvec__chart_fan_model(mvec_ctx *ctx, const mvec_simulation *simulation,
                                  const char *const *metrics, size_t metric_count,
                                  const mvec_bloc_scheme *scheme, mvec__series_model *model)
{
    mvec_status status = MVEC_OK;
    memset(model, 0, sizeof *model);
    model->mark_x = NAN;
    if (metric_count == 0 || metrics == NULL)
        MVEC_FAIL(ctx, MVEC_ERR_INVALID, "a fan chart needs at least one metric");
    if (metric_count > MAX_METRICS)
        MVEC_FAIL(ctx, MVEC_ERR_INVALID, "a fan chart shows at most %d metrics, not %zu",
                  MAX_METRICS, metric_count);
    size_t index[MAX_METRICS];
    for (size_t i = 0; i < metric_count; i++) {
        index[i] = mvec_simulation_find_metric(simulation, metrics[i]);
        if (index[i] == SIZE_MAX)
            MVEC_TRY(unknown_metric(ctx, simulation, metrics[i]));
        const mvec_metric_info *info = mvec_simulation_metric(simulation, index[i]);
        const mvec_metric_info *first = mvec_simulation_metric(simulation, index[0]);
        if (strcmp(info->unit, first->unit) != 0)
            MVEC_FAIL(ctx, MVEC_ERR_INVALID,
                      "the metrics of one fan chart share a unit: %s is in %s, %s in %s",
                      first->name, first->unit, info->name, info->unit);
    }
    const mvec_metric_info *first = mvec_simulation_metric(simulation, index[0]);
    bool fraction = strcmp(first->unit, "fraction") == 0;
    double scale = fraction ? 100.0 : 1.0;
    size_t years = mvec_simulation_year_count(simulation);
    bool one_vector = true, all_blocs = true;
    bool by_bloc = scheme != NULL;
    for (size_t i = 0; i < metric_count; i++) {
        const mvec_metric_info *info = mvec_simulation_metric(simulation, index[i]);
        one_vector = one_vector && strcmp(info->vector, first->vector) == 0;
        size_t bloc = metric_bloc(info->name, scheme);
        all_blocs = all_blocs && bloc != SIZE_MAX;
        for (size_t j = 0; j < i && by_bloc; j++)
            by_bloc = metric_bloc(mvec_simulation_metric(simulation, index[j])->name, scheme) !=
                      bloc;
    }
    by_bloc = by_bloc && all_blocs;

    MVEC_TRY(mvec__arena_alloc(ctx, &model->arena, metric_count * sizeof *model->series,
                               &model->series));
    model->series_count = metric_count;
    double y_min = INFINITY, y_max = -INFINITY;
    for (size_t i = 0; i < metric_count; i++) {
        const mvec_metric_info *info = mvec_simulation_metric(simulation, index[i]);
        mvec__series *series = &model->series[i];
        series->colour = by_bloc ? mvec_chart_bloc_colour(scheme, metric_bloc(info->name, scheme))
                                 : mvec__chart_series_colour(i);
        if (one_vector)
            series->label = info->label;
        else
            MVEC_TRY(mvec__chart_printf(ctx, &model->arena, &series->label, "%s", info->name));
        size_t bytes = (years ? years : 1) * sizeof(double);
        MVEC_TRY(mvec__arena_alloc(ctx, &model->arena, bytes, &series->x));
        MVEC_TRY(mvec__arena_alloc(ctx, &model->arena, bytes, &series->lo));
        MVEC_TRY(mvec__arena_alloc(ctx, &model->arena, bytes, &series->mid));
        MVEC_TRY(mvec__arena_alloc(ctx, &model->arena, bytes, &series->hi));
        for (size_t y = 0; y < years; y++) {
            mvec_band band = mvec_simulation_band(simulation, index[i], y);
            if (!isfinite(band.p5) || !isfinite(band.median) || !isfinite(band.p95))
                continue;
            size_t at = series->count++;
            series->x[at] = mvec_simulation_year(simulation, y);
            series->lo[at] = band.p5 * scale;
            series->mid[at] = band.median * scale;
            series->hi[at] = band.p95 * scale;
            y_min = fmin(y_min, series->lo[at]);
            y_max = fmax(y_max, series->hi[at]);
        }
    }
    if (!isfinite(y_min))
        MVEC_FAIL(ctx, MVEC_ERR_NO_DATA, "the scenario's %s has no finite value",
                  metric_count > 1 ? "metrics have" : "metric");
    int base = mvec_simulation_year(simulation, 0);
    int last = mvec_simulation_year(simulation, years - 1);
    model->x_min = base - 0.5;
    model->x_max = last + 0.5;
    model->mark_x = base;
    MVEC_TRY(mvec__chart_printf(ctx, &model->arena, &model->mark_label, "base year %d (data)",
                                base));
    if (fraction) {
        model->y_min = 0.0;
        model->y_max = mvec__chart_share_axis_top(y_max);
    } else {
        double span = y_max - y_min > 0.0 ? y_max - y_min : fabs(y_max) + 1.0;
        model->y_min = y_min >= 0.0 ? 0.0 : y_min - span * 0.1;
        model->y_max = y_max + span * 0.15;
    }
    size_t paths = mvec_simulation_paths(simulation);
    if (paths > 1)
        MVEC_TRY(mvec__chart_printf(ctx, &model->arena, &model->band_label,
                                    "5th–95th percentile of %zu paths", paths));
    const char *words = one_vector ? mvec__chart_vector_words(first->vector) : "several vectors";
    MVEC_TRY(mvec__chart_printf(ctx, &model->arena, &model->frame.title, "%s: %s, %d–%d",
                                mvec_simulation_title(simulation),
                                all_blocs && fraction ? words : first->name, base, last));
    MVEC_TRY(mvec__chart_printf(
        ctx, &model->arena, &model->frame.subtitle,
        "%s, simulated year by year from the %d data. Lines: the median over %zu paths%s",
        all_blocs && fraction ? "Bloc shares" : "The metric", base, paths,
        paths > 1 ? "; bands: 5 % of paths fall below, 5 % above." : "."));
    model->frame.x_label = "year";
    if (fraction)
        MVEC_TRY(mvec__chart_printf(ctx, &model->arena, &model->frame.y_label,
                                    "share of %s (%%)", words));
    else
        MVEC_TRY(mvec__chart_printf(ctx, &model->arena, &model->frame.y_label, "%s (%s)",
                                    first->name, first->unit));
    MVEC_TRY(mvec__chart_printf(
        ctx, &model->arena, &model->frame.sources,
        "Source: mvec's simulation of the scenario \"%s\" (%zu paths, seed %" PRIu64
        "), from the %d figures the profile uses, with their sources; the scenario's own "
        "assumptions are its script's.",
        mvec_simulation_title(simulation), paths, mvec_simulation_seed(simulation), base));
    MVEC_TRY(mvec__chart_printf(ctx, &model->arena, &model->frame.credit, "Computed by mvec %s",
                                mvec_version()));
cleanup:
    return status;
}

mvec_status mvec_chart_fan(mvec_ctx *ctx, const mvec_simulation *simulation,
                           const char *const *metrics, size_t metric_count,
                           const mvec_bloc_scheme *scheme, const mvec_chart_options *options,
                           const mvec_sink *sink)
{
    mvec_status status = MVEC_OK;
    mvec_chart_options resolved;
    mvec__series_model model;
    memset(&model, 0, sizeof model);
    MVEC_TRY(mvec__chart_options_read(ctx, options, &resolved));
    MVEC_TRY(mvec__chart_fan_model(ctx, simulation, metrics, metric_count, scheme, &model));
    mvec__chart_frame_override(&model.frame, &resolved);
    MVEC_TRY(mvec__chart_render(ctx, &resolved, mvec__draw_series, &model, sink));
cleanup:
    mvec__chart_series_model_clear(ctx, &model);
    return status;
}
