/*
 * draw_series.c - draws a series model (trend, fan): per series a band from
 * the lower to the upper values and a line through the middle values, dots
 * at the years, a vertical marker (break year, base year), the legend above
 * the plot.
 */
#include <math.h>

#include "draw.h"

bool mvec__draw_series(mvec_ctx *ctx, const void *model_pointer, double width, double height)
{
    (void)ctx;
    const mvec__series_model *model = model_pointer;
    mvec__page page;
    mvec__page_begin(&page, width, height);
    double top, bottom;
    mvec__frame(&page, &model->frame, &top, &bottom);

    enum { MAX_ITEMS = 12 };
    mvec__legend_item items[MAX_ITEMS];
    size_t item_count = 0;
    for (size_t i = 0; i < model->series_count && item_count < MAX_ITEMS - 2; i++)
        items[item_count++] =
            (mvec__legend_item){model->band_label != NULL ? SWATCH_LINE : SWATCH_RULE,
                                model->series[i].colour, 1.0, model->series[i].label, 2.8};
    if (model->band_label != NULL)
        items[item_count++] =
            (mvec__legend_item){SWATCH_BAND, "#777777", 0.3, model->band_label, 0.0};
    if (!isnan(model->mark_x) && model->mark_label != NULL)
        items[item_count++] =
            (mvec__legend_item){SWATCH_DASHED, "#333333", 1.0, model->mark_label, 1.5};
    double left = page.margin + mvec__text_height(&page, FONT_LABEL) * 1.2 +
                  mvec__text_width(&page, FONT_TICK, false, "100.0") + mvec__pt(&page, 12);
    double right = page.width - page.margin - mvec__pt(&page, 10);
    double legend_bottom = mvec__legend(&page, items, item_count, left, right, top);

    mvec__axes axes = {0};
    axes.x0 = left;
    axes.x1 = right;
    axes.y0 = bottom + mvec__text_height(&page, FONT_TICK) * 1.4 +
              mvec__text_height(&page, FONT_LABEL) * 1.4;
    axes.y1 = legend_bottom - mvec__pt(&page, 10);
    axes.wx0 = model->x_min;
    axes.wx1 = model->x_max;
    axes.wy0 = model->y_min;
    axes.wy1 = model->y_max;
    double x_step = mvec__nice_step(model->x_max - model->x_min, 10);
    axes.x_step = x_step < 1.0 ? 1.0 : round(x_step);
    axes.y_step = mvec__nice_step(model->y_max - model->y_min, 6);
    axes.x_decimals = 0;
    axes.y_decimals = axes.y_step < 1.0 ? 1 : 0;
    axes.x_label = model->frame.x_label;
    axes.y_label = model->frame.y_label;
    axes.y_grid = true;
    mvec__draw_axes(&page, &axes);

    mvec__plot_window(&page, axes.x0, axes.x1, axes.y0, axes.y1, axes.wx0, axes.wx1, axes.wy0,
                      axes.wy1);
    double mm_x = (axes.x1 - axes.x0) / (axes.wx1 - axes.wx0);
    double mm_y = (axes.y1 - axes.y0) / (axes.wy1 - axes.wy0);
    if (!isnan(model->mark_x)) {
        mvec__colour("#333333", 1.0);
        mvec__line_width(&page, 1.5);
        mvec__line_style(&page, LINE_DASHED);
        mvec__segment(model->mark_x, axes.wy0, model->mark_x, axes.wy1);
        mvec__line_style(&page, LINE_SOLID);
    }
    /* Bands first, all of them, so no line hides under another series' band. */
    for (size_t i = 0; i < model->series_count; i++) {
        const mvec__series *s = &model->series[i];
        double px[2 * 512], py[2 * 512];
        size_t n = s->count < 512 ? s->count : 512;
        size_t k = 0;
        for (size_t j = 0; j < n; j++) {
            px[k] = s->x[j];
            py[k++] = s->hi[j];
        }
        for (size_t j = n; j-- > 0;) {
            px[k] = s->x[j];
            py[k++] = s->lo[j];
        }
        mvec__colour(s->colour, 0.22);
        if (n >= 2)
            mvec__polygon(k, px, py);
        /* a year whose range is not a point also gets a bar (alone, a band has no width) */
        mvec__line_width(&page, 5.0);
        for (size_t j = 0; j < n; j++)
            if (s->hi[j] - s->lo[j] > 1e-9 && n == 1)
                mvec__segment(s->x[j], s->lo[j], s->x[j], s->hi[j]);
    }
    for (size_t i = 0; i < model->series_count; i++) {
        const mvec__series *s = &model->series[i];
        mvec__colour(s->colour, 1.0);
        mvec__line_width(&page, 2.8);
        mvec__polyline(s->count, s->x, s->mid);
        double r = mvec__pt(&page, 3.6);
        for (size_t j = 0; j < s->count; j++)
            mvec__circle(s->x[j], s->mid[j], r / mm_x, r / mm_y);
    }
    mvec__line_width(&page, 1.0);
    mvec__page_coordinates(&page);
    return true;
}
