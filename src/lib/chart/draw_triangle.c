/*
 * draw_triangle.c - draws the balance triangle: the three powers at the
 * corners, grid lines every 20 % of each power's normalised share (labelled
 * in its colour), each year's region (what the intervals allow) shaded, the
 * years joined in order, the first hollow and the latest large, years
 * labelled where they do not collide; the legend in a column at the right.
 */
#include <math.h>
#include <stdio.h>

#include "draw.h"

#define SQRT3_HALF 0.86602540378443864676

enum { MAX_LABELS = 256 };

typedef struct frame_map {
    double ox, oy, side; /* page mm of ternary (0, 0) and the side's length */
} frame_map;

static void to_page(const frame_map *map, double tx, double ty, double *x, double *y)
{
    *x = map->ox + tx * map->side;
    *y = map->oy + ty * map->side;
}

static void ternary_page(const frame_map *map, double a, double b, double c, double *x, double *y)
{
    double n[3] = {a, b, c};
    double tx, ty;
    mvec__ternary_xy(n, &tx, &ty);
    to_page(map, tx, ty, x, y);
}

typedef struct box {
    double x0, y0, x1, y1;
} box;

static bool overlaps(box a, box b)
{
    return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
}

bool mvec__draw_triangle(mvec_ctx *ctx, const void *model_pointer, double width, double height)
{
    (void)ctx;
    const mvec__triangle_model *model = model_pointer;
    mvec__page page;
    mvec__page_begin(&page, width, height);
    double top, bottom;
    mvec__frame(&page, &model->frame, &top, &bottom);

    /* The triangle in the left part, the legend in a column at the right. */
    double column = page.width * 0.27;
    double label_room = mvec__text_height(&page, FONT_LEGEND) * 2.2;
    double avail_w = page.width - 2 * page.margin - column - 2 * label_room;
    double avail_h = top - bottom - 2 * label_room;
    frame_map map;
    map.side = fmin(avail_w, avail_h / SQRT3_HALF);
    map.ox = page.margin + label_room + (avail_w - map.side) / 2;
    map.oy = bottom + label_room + (avail_h - map.side * SQRT3_HALF) / 2;

    /* the triangle, grid and grid labels */
    double cx[4], cy[4];
    ternary_page(&map, 1, 0, 0, &cx[0], &cy[0]);
    ternary_page(&map, 0, 1, 0, &cx[1], &cy[1]);
    ternary_page(&map, 0, 0, 1, &cx[2], &cy[2]);
    cx[3] = cx[0];
    cy[3] = cy[0];
    mvec__colour("#FAFAFA", 1.0);
    mvec__polygon(3, cx, cy);
    for (int k = 1; k <= 4; k++) {
        double v = k / 5.0;
        double x0, y0, x1, y1;
        char label[16];
        snprintf(label, sizeof label, "%d", k * 20);
        mvec__line_width(&page, 0.8);
        /* power 0: from the bottom edge to the left edge */
        mvec__colour("#D8D8D8", 1.0);
        ternary_page(&map, v, 1 - v, 0, &x0, &y0);
        ternary_page(&map, v, 0, 1 - v, &x1, &y1);
        mvec__segment(x0, y0, x1, y1);
        mvec__colour(model->corner_colours[0], 1.0);
        mvec__text(&page, x1 - mvec__pt(&page, 6), y1 + mvec__pt(&page, 3), FONT_SOURCE, 1.0,
                   0.0, false, label);
        /* power 1: from the left edge to the bottom edge */
        mvec__colour("#D8D8D8", 1.0);
        ternary_page(&map, 0, v, 1 - v, &x0, &y0);
        ternary_page(&map, 1 - v, v, 0, &x1, &y1);
        mvec__segment(x0, y0, x1, y1);
        mvec__colour(model->corner_colours[1], 1.0);
        mvec__text(&page, x1 + mvec__pt(&page, 3), y1 - mvec__pt(&page, 10), FONT_SOURCE, 0.5,
                   0.0, false, label);
        /* power 2: horizontal, labelled on the right edge */
        mvec__colour("#D8D8D8", 1.0);
        ternary_page(&map, 1 - v, 0, v, &x0, &y0);
        ternary_page(&map, 0, 1 - v, v, &x1, &y1);
        mvec__segment(x0, y0, x1, y1);
        mvec__colour(model->corner_colours[2], 1.0);
        mvec__text(&page, x1 + mvec__pt(&page, 5), y1, FONT_SOURCE, 0.0, 0.0, false, label);
    }
    mvec__colour("#444444", 1.0);
    mvec__line_width(&page, 1.4);
    mvec__polyline(4, cx, cy);
    /* equal reliance */
    double ex, ey;
    ternary_page(&map, 1.0 / 3, 1.0 / 3, 1.0 / 3, &ex, &ey);
    double cross = mvec__pt(&page, 6);
    mvec__colour("#888888", 1.0);
    mvec__line_width(&page, 1.2);
    mvec__segment(ex - cross, ey, ex + cross, ey);
    mvec__segment(ex, ey - cross, ex, ey + cross);
    /* corner names */
    double gap = mvec__pt(&page, 8);
    mvec__colour(model->corner_colours[0], 1.0);
    mvec__text(&page, cx[0] - gap, cy[0] - mvec__text_height(&page, FONT_LEGEND) * 0.8,
               FONT_LEGEND, 0.0, 0.0, true, model->corner_names[0]);
    mvec__colour(model->corner_colours[1], 1.0);
    mvec__text(&page, cx[1] + gap, cy[1] - mvec__text_height(&page, FONT_LEGEND) * 0.8,
               FONT_LEGEND, 1.0, 0.0, true, model->corner_names[1]);
    mvec__colour(model->corner_colours[2], 1.0);
    mvec__text(&page, cx[2], cy[2] + mvec__text_height(&page, FONT_LEGEND) * 0.8, FONT_LEGEND,
               0.5, 0.0, true, model->corner_names[2]);

    /* regions, path, points */
    for (size_t i = 0; i < model->point_count; i++) {
        const mvec__triangle_point *p = &model->points[i];
        double rx[8], ry[8];
        for (size_t k = 0; k < p->region_count; k++)
            to_page(&map, p->region_x[k], p->region_y[k], &rx[k], &ry[k]);
        mvec__colour("#56B4E9", 0.18);
        if (p->region_count >= 3)
            mvec__polygon(p->region_count, rx, ry);
        else if (p->region_count == 2) {
            mvec__line_width(&page, 4.0);
            mvec__segment(rx[0], ry[0], rx[1], ry[1]);
        }
    }
    double px[MAX_LABELS], py[MAX_LABELS];
    size_t n = model->point_count < MAX_LABELS ? model->point_count : MAX_LABELS;
    for (size_t i = 0; i < n; i++)
        to_page(&map, model->points[i].x, model->points[i].y, &px[i], &py[i]);
    mvec__colour("#333333", 1.0);
    mvec__line_width(&page, 1.8);
    mvec__polyline(n, px, py);
    double r = mvec__pt(&page, 4.5);
    for (size_t i = 0; i < n; i++) {
        double radius = i + 1 == n ? r * 1.45 : r;
        mvec__colour("#222222", 1.0);
        mvec__circle(px[i], py[i], radius, radius);
        if (i == 0 && n > 1) {
            mvec__colour("#FFFFFF", 1.0);
            mvec__circle(px[i], py[i], radius * 0.55, radius * 0.55);
        }
    }
    /* year labels: the first free place among eight around the point */
    box taken[2 * MAX_LABELS];
    size_t taken_count = 0;
    for (size_t i = 0; i < n; i++)
        taken[taken_count++] = (box){px[i] - r, py[i] - r, px[i] + r, py[i] + r};
    static const double DIRECTIONS[16][2] = {
        {1, 0.6}, {1, -0.6}, {-1, 0.6}, {-1, -0.6}, {0, 1.4}, {0, -1.4}, {1.6, 0}, {-1.6, 0},
        {2.5, 1.2}, {2.5, -1.2}, {-2.5, 1.2}, {-2.5, -1.2}, {0, 2.8}, {0, -2.8}, {3.5, 0}, {-3.5, 0}};
    double text_h = mvec__text_height(&page, FONT_TICK) * 0.8;
    for (size_t i = n; i-- > 0;) { /* the latest first: it gets the best place */
        char year[16];
        snprintf(year, sizeof year, "%d", model->points[i].year);
        double w = mvec__text_width(&page, FONT_TICK, i + 1 == n, year);
        for (size_t d = 0; d < 16; d++) {
            double dx = DIRECTIONS[d][0], dy = DIRECTIONS[d][1];
            double ax = px[i] + dx * (r + mvec__pt(&page, 4)) + (dx > 0 ? 0 : dx < 0 ? -w : -w / 2);
            double ay = py[i] + dy * (r + mvec__pt(&page, 4)) - text_h / 2 +
                        (dy > 0 ? text_h / 2 : dy < 0 ? -text_h / 2 : 0);
            box candidate = {ax, ay, ax + w, ay + text_h};
            bool free = true;
            for (size_t t = 0; t < taken_count && free; t++)
                free = !overlaps(candidate, taken[t]);
            if (!free)
                continue;
            taken[taken_count++] = candidate;
            if (d >= 8) { /* far from its point: a leader line */
                mvec__colour("#999999", 1.0);
                mvec__line_width(&page, 0.8);
                mvec__segment(px[i], py[i], dx > 0 ? ax : dx < 0 ? ax + w : ax + w / 2,
                              ay + text_h / 2);
            }
            mvec__colour("#222222", 1.0);
            mvec__text(&page, ax, ay + text_h / 2, FONT_TICK, 0.0, 0.0, i + 1 == n, year);
            break;
        }
    }

    /* legend column */
    mvec__legend_item items[6];
    size_t item_count = 0;
    items[item_count++] = (mvec__legend_item){SWATCH_DOT, "#222222", 1.0, "one year", 0.0};
    items[item_count++] =
        (mvec__legend_item){SWATCH_RULE, "#333333", 1.0, "year to year (first hollow)", 1.8};
    items[item_count++] = (mvec__legend_item){SWATCH_BAND, "#56B4E9", 0.35,
                                              "all the data allow", 0.0};
    items[item_count++] = (mvec__legend_item){SWATCH_CROSS, "#888888", 1.0, "equal reliance", 1.2};
    double x0 = page.width - page.margin - column;
    double y = mvec__legend(&page, items, item_count, x0, page.width - page.margin, top);
    /* what the numbers mean, wrapped into the column */
    static const char *const NOTES[] = {
        "Grid: each power's share of",
        "the three, every 20 %, labelled",
        "in the power's colour.",
        "A point is the middle of each",
        "power's range; the shading, every",
        "split the ranges allow.",
    };
    y -= mvec__text_height(&page, FONT_SOURCE) * 0.8;
    mvec__colour("#444444", 1.0);
    for (size_t i = 0; i < sizeof NOTES / sizeof NOTES[0]; i++) {
        y -= mvec__text_height(&page, FONT_SOURCE) * 1.05;
        mvec__text(&page, x0, y, FONT_SOURCE + 1, 0.0, 0.0, false, NOTES[i]);
    }
    mvec__line_width(&page, 1.0);
    return true;
}
