/*
 * draw.h - the drawing primitives the draw_<kind>.c files share (draw.c),
 * over PLplot: a page measured in millimetres from its bottom-left corner,
 * text in points, colours as "#RRGGBB". Draw functions never allocate (an
 * escaped PLplot exit would leak what they hold): they use the model's
 * memory and fixed buffers.
 */
#ifndef MVEC_CHART_DRAW_H
#define MVEC_CHART_DRAW_H

#include "chart_internal.h"

/* Font sizes in pixels of a PNG at the reference size, 1200 x 750 (points
 * of an SVG or PDF of the same numbers), scaled with the page
 * (mvec__page_begin). */
enum {
    FONT_TITLE = 30,
    FONT_SUBTITLE = 19,
    FONT_LABEL = 20,
    FONT_TICK = 18,
    FONT_LEGEND = 19,
    FONT_SOURCE = 14,
};

typedef struct mvec__page {
    double width, height; /* mm */
    double scale;         /* of fonts and line widths against the reference size */
    double margin;        /* mm, on every side */
} mvec__page;

typedef enum mvec__line_style {
    LINE_SOLID = 0,
    LINE_DASHED,
    LINE_DOTTED,
} mvec__dash;

/* Start drawing on a page of width x height device units (points or pixels). */
void mvec__page_begin(mvec__page *page, double width, double height);
/* Back to page coordinates (mm) after drawing in a plot's window. */
void mvec__page_coordinates(const mvec__page *page);
/* A plot area: the box [x0, x1] x [y0, y1] in page mm shows the world
 * window [wx0, wx1] x [wy0, wy1]. */
void mvec__plot_window(const mvec__page *page, double x0, double x1, double y0, double y1,
                       double wx0, double wx1, double wy0, double wy1);

void mvec__colour(const char *hex, double alpha);
/* Points and mm at the page's scale. */
double mvec__pt(const mvec__page *page, double points);
void mvec__line_width(const mvec__page *page, double points);
void mvec__line_style(const mvec__page *page, mvec__dash style);
void mvec__polyline(size_t count, const double *x, const double *y);
void mvec__segment(double x0, double y0, double x1, double y1);
void mvec__polygon(size_t count, const double *x, const double *y); /* filled */
void mvec__rectangle(double x0, double y0, double x1, double y1);   /* filled */
void mvec__circle(double x, double y, double radius_x, double radius_y); /* filled */

/* Text at (x, y) (current coordinates), `just` 0 left .. 1 right, baseline
 * at y shifted down by a third of the size so y is about the middle of the
 * lower-case letters; angle in degrees. '#' is escaped (PLplot's escape). */
void mvec__text(const mvec__page *page, double x, double y, double points, double just,
                double angle, bool bold, const char *text);
/* Estimated width in mm of `text` at `points` (DejaVu Sans advances). */
double mvec__text_width(const mvec__page *page, double points, bool bold, const char *text);
/* Height in mm of a line of text at `points`. */
double mvec__text_height(const mvec__page *page, double points);

/* Title and subtitle at the top, the source line (wrapped, at most 3 lines)
 * at the bottom; *top and *bottom get the mm left between them. */
void mvec__frame(const mvec__page *page, const mvec__chart_frame *frame, double *top,
                 double *bottom);

/* A legend entry: a swatch (line, band, box, dot) and a label. */
typedef enum mvec__swatch {
    SWATCH_BOX = 0, /* filled square */
    SWATCH_LINE,    /* line with a light band behind */
    SWATCH_BAND,    /* light box */
    SWATCH_DOT,
    SWATCH_DASHED,
    SWATCH_DOTTED,
    SWATCH_RULE,    /* plain line */
    SWATCH_CROSS,   /* a "+" */
} mvec__swatch;

typedef struct mvec__legend_item {
    mvec__swatch swatch;
    const char *colour;
    double alpha;
    const char *label;
    double line_points; /* width of a line swatch; 0: 2.5 */
} mvec__legend_item;

/* Lay the items out in rows from left to right within [x0, x1], starting at
 * y (top of the first row) and going down; returns the y below the last row. */
double mvec__legend(const mvec__page *page, const mvec__legend_item *items, size_t count,
                    double x0, double x1, double y);

/* Axes: a frame, ticks at `x_step` / `y_step` world units with labels
 * printed with x_decimals / y_decimals decimals, horizontal grid lines, and axis labels. */
typedef struct mvec__axes {
    double x0, x1, y0, y1;     /* the plot box in page mm */
    double wx0, wx1, wy0, wy1; /* its world window */
    double x_step, y_step;     /* 0: no ticks on that axis */
    int x_decimals, y_decimals;
    const char *x_label, *y_label;
    bool y_grid;
} mvec__axes;

void mvec__draw_axes(const mvec__page *page, const mvec__axes *axes);

/* A "nice" tick step for a range shown with about `ticks` ticks (1, 2, 2.5, 5 x 10^k). */
double mvec__nice_step(double range, int ticks);

#endif
