/*
 * draw_blocs.c - draws the bloc-shares model as small multiples: one panel
 * per bloc (its name in its colour), one bar per vector, solid up to the
 * lower end of the share and light up to the upper end, the range printed
 * beside it; the vectors named once at the left.
 */
#include <math.h>
#include <stdio.h>

#include "draw.h"

bool mvec__draw_blocs(mvec_ctx *ctx, const void *model_pointer, double width, double height)
{
    (void)ctx;
    const mvec__blocs_model *model = model_pointer;
    mvec__page page;
    mvec__page_begin(&page, width, height);
    double top, bottom;
    mvec__frame(&page, &model->frame, &top, &bottom);

    double label_width = 0.0;
    for (size_t r = 0; r < model->row_count; r++) {
        double w = mvec__text_width(&page, FONT_TICK, false, model->row_labels[r]);
        label_width = w > label_width ? w : label_width;
    }
    double left = page.margin + label_width + mvec__pt(&page, 10);
    double right = page.width - page.margin;
    double gap = mvec__pt(&page, 14);
    size_t n = model->bloc_count;
    double panel = (right - left - gap * (double)(n - 1)) / (double)n;
    double head = mvec__text_height(&page, FONT_LEGEND) * 1.5;
    double y1 = top - head;
    double y0 = bottom + mvec__text_height(&page, FONT_TICK) * 1.3 +
                mvec__text_height(&page, FONT_LABEL) * 1.4;
    double row = (y1 - y0) / (double)model->row_count;
    double bar = row * 0.66;
    double value_font = FONT_SOURCE;
    double label_font = row / (page.scale * 25.4 / 72.0) < FONT_TICK * 1.25
                            ? row / (page.scale * 25.4 / 72.0) / 1.25
                            : FONT_TICK;

    /* vector names, and a rule above the composite */
    for (size_t r = 0; r < model->row_count; r++) {
        double y = y1 - row * ((double)r + 0.5);
        mvec__colour("#222222", 1.0);
        mvec__text(&page, left - mvec__pt(&page, 8), y, label_font, 1.0, 0.0,
                   r + 1 == model->row_count && model->row_count > 1 &&
                       model->row_labels[r][0] == 'c',
                   model->row_labels[r]);
    }
    for (size_t b = 0; b < n; b++) {
        double x0 = left + (double)b * (panel + gap);
        double x1 = x0 + panel;
        double mm = panel / 100.0;
        /* panel head */
        mvec__colour(model->bloc_colours[b], 1.0);
        mvec__text(&page, x0, top - head * 0.45, FONT_LEGEND, 0.0, 0.0, true,
                   model->bloc_names[b]);
        mvec__rectangle(x0, y1 + mvec__pt(&page, 1), x1, y1 + mvec__pt(&page, 4));
        /* grid at 0, 25, 50, 75, 100 % and tick labels at 0, 50, 100 */
        for (int g = 0; g <= 4; g++) {
            double x = x0 + mm * 25.0 * g;
            mvec__colour(g == 0 ? "#666666" : "#DDDDDD", 1.0);
            mvec__line_width(&page, g == 0 ? 1.2 : 0.8);
            mvec__segment(x, y0, x, y1);
            if (g % 2 == 0) {
                char label[8];
                snprintf(label, sizeof label, "%d", g * 25);
                mvec__colour("#333333", 1.0);
                mvec__text(&page, x, y0 - mvec__text_height(&page, FONT_TICK) * 0.6, FONT_TICK,
                           g == 0 ? 0.0 : g == 4 ? 1.0 : 0.5, 0.0, false, label);
            }
        }
        for (size_t r = 0; r < model->row_count; r++) {
            mvec_interval share = model->percent[r * n + b];
            double y = y1 - row * ((double)r + 0.5);
            if (isnan(share.lo) || isnan(share.hi))
                continue;
            double lo = fmax(0.0, fmin(100.0, share.lo));
            double hi = fmax(lo, fmin(100.0, share.hi));
            mvec__colour(model->bloc_colours[b], 1.0);
            if (lo > 0.0)
                mvec__rectangle(x0, y - bar / 2, x0 + mm * lo, y + bar / 2);
            if (hi > lo) {
                mvec__colour(model->bloc_colours[b], 0.32);
                mvec__rectangle(x0 + mm * lo, y - bar / 2, x0 + mm * hi, y + bar / 2);
            }
            char text[64];
            mvec_interval_format(text, sizeof text, (mvec_interval){lo / 100.0, hi / 100.0},
                                 100.0, 0);
            double text_width = mvec__text_width(&page, value_font, false, text);
            double room = x1 - (x0 + mm * hi) - mvec__pt(&page, 3);
            if (text_width < room) {
                mvec__colour("#222222", 1.0);
                mvec__text(&page, x0 + mm * hi + mvec__pt(&page, 3), y, value_font, 0.0, 0.0,
                           false, text);
            } else {
                /* white on the solid part; dark where the text reaches the light part */
                bool on_solid = mm * hi - mvec__pt(&page, 3) <= mm * lo + 0.01;
                mvec__colour(on_solid ? "#FFFFFF" : "#222222", 1.0);
                mvec__text(&page, x0 + mm * hi - mvec__pt(&page, 3), y, value_font, 1.0, 0.0,
                           false, text);
            }
        }
    }
    if (model->row_count > 1 && model->row_labels[model->row_count - 1][0] == 'c') {
        mvec__colour("#888888", 1.0);
        mvec__line_width(&page, 1.0);
        double y = y1 - row * (double)(model->row_count - 1);
        mvec__segment(page.margin, y, right, y);
    }
    mvec__colour("#222222", 1.0);
    mvec__text(&page, (left + right) / 2,
               y0 - mvec__text_height(&page, FONT_TICK) * 0.6 -
                   mvec__text_height(&page, FONT_LABEL) * 1.1,
               FONT_LABEL, 0.5, 0.0, false, model->frame.x_label);
    mvec__line_width(&page, 1.0);
    return true;
}
