/*
 * draw_network.c - draws the corridor map: coastlines, a degree grid, each
 * link as a line (curved apart when several join the same two places) with
 * its width from its capacity, unknown capacities dotted, closed links
 * dashed in vermilion, the link ids at their middles, places as dots
 * (markets as squares) with their names; the legend beneath the title.
 */
#include <math.h>
#include <string.h>

#include "draw.h"

#define CLOSED_COLOUR "#D55E00"
#define CURVE_POINTS 24

enum { MAX_BOXES = 512, MAX_LINE_BOXES = 2048 };

typedef struct box {
    double x0, y0, x1, y1;
} box;

static bool free_place(const box *taken, size_t count, box candidate)
{
    for (size_t i = 0; i < count; i++)
        if (candidate.x0 < taken[i].x1 && taken[i].x0 < candidate.x1 &&
            candidate.y0 < taken[i].y1 && taken[i].y0 < candidate.y1)
            return false;
    return true;
}

bool mvec__draw_network(mvec_ctx *ctx, const void *model_pointer, double width, double height)
{
    (void)ctx;
    const mvec__network_model *model = model_pointer;
    mvec__page page;
    mvec__page_begin(&page, width, height);
    double top, bottom;
    mvec__frame(&page, &model->frame, &top, &bottom);

    /* legend: commodities, then the line kinds */
    mvec__legend_item items[16];
    size_t item_count = 0;
    for (size_t e = 0; e < model->edge_count && item_count < 8; e++) {
        bool seen = false;
        for (size_t k = 0; k < e; k++)
            seen = seen || strcmp(model->edges[k].commodity, model->edges[e].commodity) == 0;
        if (!seen)
            items[item_count++] = (mvec__legend_item){SWATCH_RULE, model->edges[e].colour, 1.0,
                                                      model->edges[e].commodity, 5.0};
    }
    items[item_count++] =
        (mvec__legend_item){SWATCH_DOTTED, "#555555", 1.0, "capacity unknown", 1.8};
    items[item_count++] = (mvec__legend_item){SWATCH_DASHED, CLOSED_COLOUR, 1.0, "closed", 3.0};
    items[item_count++] =
        (mvec__legend_item){SWATCH_RULE, "#BBBBBB", 1.0, "not operating", 1.6};
    items[item_count++] = (mvec__legend_item){SWATCH_DOT, "#333333", 1.0, "place", 0.0};
    items[item_count++] = (mvec__legend_item){SWATCH_BOX, "#333333", 1.0, "market", 0.0};
    double left = page.margin + mvec__text_height(&page, FONT_LABEL) * 1.2 +
                  mvec__text_width(&page, FONT_TICK, false, "100") + mvec__pt(&page, 12);
    double right = page.width - page.margin - mvec__pt(&page, 6);
    double legend_bottom = mvec__legend(&page, items, item_count, left, right, top);

    /* plot box, with the window widened so a degree of latitude is as long
     * as a degree of longitude times 1/cos(middle latitude) (plate carree
     * scaled at the middle latitude) */
    double y0 = bottom + mvec__text_height(&page, FONT_TICK) * 1.4 +
                mvec__text_height(&page, FONT_LABEL) * 1.4;
    double y1 = legend_bottom - mvec__pt(&page, 8);
    double lon0 = model->lon_min, lon1 = model->lon_max;
    double lat0 = model->lat_min, lat1 = model->lat_max;
    double shrink = cos((lat0 + lat1) / 2 * 3.14159265358979323846 / 180.0);
    double box_aspect = (right - left) / (y1 - y0);
    double map_aspect = (lon1 - lon0) * shrink / (lat1 - lat0);
    if (map_aspect < box_aspect) {
        double grow = ((lat1 - lat0) * box_aspect / shrink - (lon1 - lon0)) / 2;
        lon0 -= grow;
        lon1 += grow;
    } else {
        double grow = ((lon1 - lon0) * shrink / box_aspect - (lat1 - lat0)) / 2;
        lat0 -= grow;
        lat1 += grow;
    }
    mvec__axes axes = {0};
    axes.x0 = left;
    axes.x1 = right;
    axes.y0 = y0;
    axes.y1 = y1;
    axes.wx0 = lon0;
    axes.wx1 = lon1;
    axes.wy0 = lat0;
    axes.wy1 = lat1;
    axes.x_step = mvec__nice_step(lon1 - lon0, 10);
    axes.y_step = mvec__nice_step(lat1 - lat0, 6);
    axes.x_label = model->frame.x_label;
    axes.y_label = model->frame.y_label;
    mvec__colour("#F2F6FA", 1.0);
    mvec__rectangle(left, y0, right, y1);
    mvec__draw_axes(&page, &axes);

    mvec__plot_window(&page, left, right, y0, y1, lon0, lon1, lat0, lat1);
    double mm_x = (right - left) / (lon1 - lon0);
    double mm_y = (y1 - y0) / (lat1 - lat0);
    mvec__colour("#8FA3B5", 1.0);
    mvec__line_width(&page, 0.9);
    mvec__plot_coastlines(lon0, lon1, lat0, lat1);

    box taken[MAX_BOXES];
    size_t taken_count = 0;
    double r = mvec__pt(&page, 5.0);
    for (size_t i = 0; i < model->node_count && taken_count < MAX_BOXES; i++) {
        double x = model->nodes[i].lon, y = model->nodes[i].lat;
        taken[taken_count++] = (box){x - r / mm_x, y - r / mm_y, x + r / mm_x, y + r / mm_y};
    }

    box lines[MAX_LINE_BOXES]; /* 64 KiB */
    size_t line_count = 0;
    /* links: the k-th of several between one pair of places bends k steps aside */
    double mid_x[512], mid_y[512];
    for (size_t e = 0; e < model->edge_count && e < 512; e++) {
        const mvec__map_edge *edge = &model->edges[e];
        const mvec__map_node *a = &model->nodes[edge->from];
        const mvec__map_node *b = &model->nodes[edge->to];
        size_t rank = 0, same = 0;
        for (size_t k = 0; k < model->edge_count; k++) {
            const mvec__map_edge *o = &model->edges[k];
            if ((o->from == edge->from && o->to == edge->to) ||
                (o->from == edge->to && o->to == edge->from)) {
                if (k < e)
                    rank++;
                same++;
            }
        }
        double offset = same > 1 ? ((double)rank - (double)(same - 1) / 2.0) * mvec__pt(&page, 16)
                                 : 0.0;
        /* in page mm, the bend is perpendicular to the chord */
        double ax = a->lon * mm_x, ay = a->lat * mm_y, bx = b->lon * mm_x, by = b->lat * mm_y;
        double dx = bx - ax, dy = by - ay, length = hypot(dx, dy);
        if (edge->from > edge->to) { /* the same side for both directions */
            dx = -dx;
            dy = -dy;
        }
        double nx = length > 0 ? -dy / length : 0, ny = length > 0 ? dx / length : 0;
        double cx = (ax + bx) / 2 + nx * offset * 2, cy = (ay + by) / 2 + ny * offset * 2;
        double px[CURVE_POINTS + 1], py[CURVE_POINTS + 1];
        for (int k = 0; k <= CURVE_POINTS; k++) {
            double t = (double)k / CURVE_POINTS;
            double x = (1 - t) * (1 - t) * ax + 2 * (1 - t) * t * cx + t * t * bx;
            double y = (1 - t) * (1 - t) * ay + 2 * (1 - t) * t * cy + t * t * by;
            px[k] = x / mm_x;
            py[k] = y / mm_y;
        }
        mid_x[e] = px[CURVE_POINTS / 2];
        mid_y[e] = py[CURVE_POINTS / 2];
        if (edge->closed) {
            mvec__colour(CLOSED_COLOUR, 1.0);
            mvec__line_width(&page, edge->width > 0 ? fmax(edge->width, 3.0) : 3.0);
            mvec__line_style(&page, LINE_DASHED);
        } else if (!edge->operating) {
            mvec__colour("#BBBBBB", 1.0);
            mvec__line_width(&page, 1.6);
        } else if (edge->width <= 0.0) {
            mvec__colour(edge->colour, 1.0);
            mvec__line_width(&page, 1.8);
            mvec__line_style(&page, LINE_DOTTED);
        } else {
            mvec__colour(edge->colour, 0.85);
            mvec__line_width(&page, edge->width);
        }
        mvec__polyline(CURVE_POINTS + 1, px, py);
        mvec__line_style(&page, LINE_SOLID);
        /* the line's points, for labels to avoid (kept after the places and labels) */
        double half = mvec__pt(&page, 2.0);
        for (int k = 1; k < CURVE_POINTS && line_count < MAX_LINE_BOXES; k++)
            lines[line_count++] = (box){px[k] - half / mm_x, py[k] - half / mm_y,
                                        px[k] + half / mm_x, py[k] + half / mm_y};
    }
    /* places */
    for (size_t i = 0; i < model->node_count; i++) {
        const mvec__map_node *node = &model->nodes[i];
        double rx = r / mm_x, ry = r / mm_y;
        mvec__colour("#FFFFFF", 1.0);
        if (node->market)
            mvec__rectangle(node->lon - rx * 1.3, node->lat - ry * 1.3, node->lon + rx * 1.3,
                            node->lat + ry * 1.3);
        else
            mvec__circle(node->lon, node->lat, rx * 1.3, ry * 1.3);
        mvec__colour("#333333", 1.0);
        if (node->market)
            mvec__rectangle(node->lon - rx, node->lat - ry, node->lon + rx, node->lat + ry);
        else
            mvec__circle(node->lon, node->lat, rx, ry);
    }
    /* place names: right, left, above or below, where free */
    double text_h = mvec__text_height(&page, FONT_LEGEND) * 0.8 / mm_y;
    for (size_t i = 0; i < model->node_count && taken_count < MAX_BOXES; i++) {
        const mvec__map_node *node = &model->nodes[i];
        double w = mvec__text_width(&page, FONT_LEGEND - 2, true, node->label) / mm_x;
        double gap = r * 1.8 / mm_x;
        const double candidates[6][2] = {
            {node->lon + gap, node->lat - text_h / 2},
            {node->lon - gap - w, node->lat - text_h / 2},
            {node->lon - w / 2, node->lat + r * 1.6 / mm_y},
            {node->lon - w / 2, node->lat - r * 1.6 / mm_y - text_h},
            {node->lon + gap, node->lat + text_h * 0.6},
            {node->lon + gap, node->lat - text_h * 1.6},
        };
        /* first clear of lines, labels and places; else clear of labels and places */
        for (size_t c = 0; c < 12; c++) {
            box candidate = {candidates[c % 6][0], candidates[c % 6][1],
                             candidates[c % 6][0] + w, candidates[c % 6][1] + text_h};
            if (candidate.x0 < lon0 || candidate.x1 > lon1 || candidate.y0 < lat0 ||
                candidate.y1 > lat1 || !free_place(taken, taken_count, candidate) ||
                (c < 6 && !free_place(lines, line_count, candidate)))
                continue;
            taken[taken_count++] = candidate;
            mvec__colour("#111111", 1.0);
            mvec__text(&page, candidate.x0, candidate.y0 + text_h / 2, FONT_LEGEND - 2, 0.0, 0.0,
                       true, node->label);
            break;
        }
    }
    /* link ids at their middles, where free */
    double id_h = mvec__text_height(&page, FONT_SOURCE) * 0.8 / mm_y;
    for (size_t e = 0; e < model->edge_count && e < 512 && taken_count < MAX_BOXES; e++) {
        const mvec__map_edge *edge = &model->edges[e];
        double w = mvec__text_width(&page, FONT_SOURCE - 1, false, edge->id) / mm_x;
        box candidate = {mid_x[e] - w / 2, mid_y[e] - id_h / 2, mid_x[e] + w / 2,
                         mid_y[e] + id_h / 2};
        if (!free_place(taken, taken_count, candidate))
            continue;
        taken[taken_count++] = candidate;
        mvec__colour("#FFFFFF", 0.8);
        mvec__rectangle(candidate.x0, candidate.y0, candidate.x1, candidate.y1);
        mvec__colour(edge->closed ? CLOSED_COLOUR : "#444444", 1.0);
        mvec__text(&page, mid_x[e], mid_y[e], FONT_SOURCE - 1, 0.5, 0.0, false, edge->id);
    }
    mvec__line_width(&page, 1.0);
    mvec__page_coordinates(&page);
    return true;
}
