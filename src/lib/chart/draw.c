/*
 * draw.c - drawing primitives over PLplot for the chart kinds (draw.h): the
 * page in millimetres, text in points, colours, lines, legends, axes.
 *
 * PLplot cannot measure text through its public API (plstrl is internal), so
 * text widths are estimated from the advance widths of DejaVu Sans, the font
 * fontconfig gives "sans" on Debian (fonts-dejavu-core), with a margin.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include <plplot.h>

#include "draw.h"

#define MM_PER_POINT (25.4 / 72.0)
/* Pango lays text out at 96 dots per inch where PLplot's cairo driver
 * assumes 72: a character height asked of PLplot comes out 4/3 as large. */
#define PANGO_GROWTH (96.0 / 72.0)

/* Reference size at which the FONT_* sizes are chosen. */
#define REFERENCE_WIDTH 1200.0
#define REFERENCE_HEIGHT 750.0

/* Colour index used for every drawing colour (cmap0 entry, rewritten per use). */
#define DRAW_COLOUR 15

void mvec__page_begin(mvec__page *page, double width, double height)
{
    page->width = width * MM_PER_POINT;
    page->height = height * MM_PER_POINT;
    double scale = sqrt(width * height / (REFERENCE_WIDTH * REFERENCE_HEIGHT));
    page->scale = scale < 0.6 ? 0.6 : scale > 4.0 ? 4.0 : scale;
    page->margin = 6.0 * page->scale;
    pladv(0);
    plsfont(PL_FCI_SANS, PL_FCI_UPRIGHT, PL_FCI_MEDIUM);
    mvec__page_coordinates(page);
}

void mvec__page_coordinates(const mvec__page *page)
{
    plvpor(0.0, 1.0, 0.0, 1.0);
    plwind(0.0, page->width, 0.0, page->height);
}

void mvec__plot_window(const mvec__page *page, double x0, double x1, double y0, double y1,
                       double wx0, double wx1, double wy0, double wy1)
{
    plvpor(x0 / page->width, x1 / page->width, y0 / page->height, y1 / page->height);
    plwind(wx0, wx1, wy0, wy1);
}

void mvec__colour(const char *hex, double alpha)
{
    mvec__rgb rgb = {0, 0, 0};
    if (!mvec__chart_parse_colour(hex, &rgb))
        rgb.r = rgb.g = rgb.b = 0;
    plscol0a(DRAW_COLOUR, rgb.r, rgb.g, rgb.b, alpha);
    plcol0(DRAW_COLOUR);
}

double mvec__pt(const mvec__page *page, double points)
{
    return points * page->scale * MM_PER_POINT;
}

void mvec__line_width(const mvec__page *page, double points)
{
    plwidth(points * page->scale);
}

void mvec__line_style(const mvec__page *page, mvec__dash style)
{
    /* plstyl takes micrometres */
    PLINT mark = 0, space = 0;
    switch (style) {
    case LINE_SOLID:
        plstyl(0, &mark, &space);
        return;
    case LINE_DASHED:
        mark = (PLINT)(2800.0 * page->scale);
        space = (PLINT)(1600.0 * page->scale);
        break;
    case LINE_DOTTED:
        mark = (PLINT)(500.0 * page->scale);
        space = (PLINT)(1100.0 * page->scale);
        break;
    }
    plstyl(1, &mark, &space);
}

void mvec__polyline(size_t count, const double *x, const double *y)
{
    if (count >= 2)
        plline((PLINT)count, x, y);
}

void mvec__segment(double x0, double y0, double x1, double y1)
{
    pljoin(x0, y0, x1, y1);
}

void mvec__polygon(size_t count, const double *x, const double *y)
{
    if (count >= 3)
        plfill((PLINT)count, x, y);
}

void mvec__rectangle(double x0, double y0, double x1, double y1)
{
    double x[4] = {x0, x1, x1, x0};
    double y[4] = {y0, y0, y1, y1};
    plfill(4, x, y);
}

void mvec__circle(double x, double y, double radius_x, double radius_y)
{
    plarc(x, y, radius_x, radius_y, 0.0, 360.0, 0.0, 1);
}

/* PLplot treats '#' as its escape character: double it. */
static void escape_text(const char *text, char *out, size_t size)
{
    size_t n = 0;
    for (const char *p = text; *p != '\0' && n + 3 < size; p++) {
        if (*p == '#')
            out[n++] = '#';
        out[n++] = *p;
    }
    out[n] = '\0';
}

void mvec__text(const mvec__page *page, double x, double y, double points, double just,
                double angle, bool bold, const char *text)
{
    char escaped[1024];
    escape_text(text, escaped, sizeof escaped);
    double size_mm = points * page->scale * MM_PER_POINT / PANGO_GROWTH;
    plschr(size_mm, 1.0);
    plsfont(PL_FCI_SANS, PL_FCI_UPRIGHT, bold ? PL_FCI_BOLD : PL_FCI_MEDIUM);
    /* plptex's direction is in world units: convert the angle through the
     * window's aspect so text is not sheared in a stretched window. */
    double wx0, wx1, wy0, wy1, vx0, vx1, vy0, vy1;
    plgvpw(&wx0, &wx1, &wy0, &wy1);
    plgvpd(&vx0, &vx1, &vy0, &vy1);
    double mm_per_x = (vx1 - vx0) * page->width / (wx1 - wx0);
    double mm_per_y = (vy1 - vy0) * page->height / (wy1 - wy0);
    double radians = angle * 3.14159265358979323846 / 180.0;
    double dx = cos(radians) / mm_per_x;
    double dy = sin(radians) / mm_per_y;
    plptex(x, y, dx, dy, just, escaped);
}

/* Advance widths of DejaVu Sans in 1/2048 em, for ' ' (32) to '~' (126). */
static const unsigned short ADVANCE[95] = {
    651,  821,  942,  1716, 1303, 1946, 1597, 563,  799,  799,  1024, 1716, 651,  739,  651,
    690,  1303, 1303, 1303, 1303, 1303, 1303, 1303, 1303, 1303, 1303, 690,  690,  1716, 1716,
    1716, 1087, 2048, 1401, 1405, 1430, 1577, 1294, 1178, 1589, 1540, 604,  604,  1343, 1141,
    1767, 1532, 1612, 1235, 1612, 1423, 1300, 1251, 1499, 1401, 2025, 1403, 1251, 1403, 799,
    690,  799,  1716, 1024, 1024, 1255, 1300, 1126, 1300, 1260, 721,  1300, 1298, 569,  569,
    1186, 569,  1995, 1298, 1253, 1300, 1300, 842,  1067, 803,  1298, 1212, 1675, 1212, 1212,
    1075, 1303, 690,  1303, 1716,
};

double mvec__text_width(const mvec__page *page, double points, bool bold, const char *text)
{
    double em = 0.0;
    for (const unsigned char *p = (const unsigned char *)text; *p != '\0'; p++) {
        if (*p >= 32 && *p <= 126)
            em += ADVANCE[*p - 32] / 2048.0;
        else if ((*p & 0xC0) != 0x80) /* first byte of a non-ASCII character */
            em += 0.62;
    }
    double factor = bold ? 1.14 : 1.03; /* bold is wider; a small margin for the estimate */
    return em * factor * points * page->scale * MM_PER_POINT;
}

double mvec__text_height(const mvec__page *page, double points)
{
    return 1.25 * points * page->scale * MM_PER_POINT;
}

/* Break `text` into lines that fit `width` mm; at most `max_lines`, the last
 * ending in "…" when the text is longer. Returns the number of lines. */
static size_t wrap_text(const mvec__page *page, double points, const char *text, double width,
                        char lines[][512], size_t max_lines)
{
    size_t line_count = 0;
    const char *p = text;
    while (*p != '\0' && line_count < max_lines) {
        char *line = lines[line_count];
        size_t length = 0;
        size_t last_break = 0; /* length at the last space */
        const char *resume = NULL;
        line[0] = '\0';
        const char *q = p;
        while (*q != '\0' && length + 1 < 512) {
            line[length] = *q;
            line[length + 1] = '\0';
            if (mvec__text_width(page, points, false, line) > width) {
                line[length] = '\0';
                break;
            }
            length++;
            q++;
            if (*q == ' ') {
                last_break = length;
                resume = q + 1;
            }
        }
        if (*q != '\0' && last_break > 0) {
            line[last_break] = '\0';
            p = resume;
        } else {
            p = q;
        }
        line_count++;
    }
    if (*p != '\0' && line_count > 0) {
        char *last = lines[line_count - 1];
        size_t length = strlen(last);
        while (length > 0 && mvec__text_width(page, points, false, last) +
                                     mvec__text_width(page, points, false, " …") >
                                 width) {
            length--;
            while (length > 0 && ((unsigned char)last[length] & 0xC0) == 0x80)
                length--;
            last[length] = '\0';
        }
        snprintf(last + length, 512 - length, " …");
    }
    return line_count;
}

void mvec__frame(const mvec__page *page, const mvec__chart_frame *frame, double *top,
                 double *bottom)
{
    double m = page->margin;
    double y = page->height - m - mvec__text_height(page, FONT_TITLE) * 0.6;
    mvec__page_coordinates(page);
    mvec__colour("#000000", 1.0);
    /* a long title is set smaller, down to 70 %, then cut with an ellipsis */
    double title_points = FONT_TITLE;
    while (title_points > FONT_TITLE * 0.7 &&
           mvec__text_width(page, title_points, true, frame->title) > page->width - 2 * m)
        title_points -= 1.0;
    char title[1][512];
    wrap_text(page, title_points * 1.1, frame->title, page->width - 2 * m, title, 1);
    mvec__text(page, m, y, title_points, 0.0, 0.0, true, title[0]);
    y -= mvec__text_height(page, FONT_TITLE) * 0.55;
    if (frame->subtitle != NULL && frame->subtitle[0] != '\0') {
        char lines[2][512];
        size_t n = wrap_text(page, FONT_SUBTITLE, frame->subtitle, page->width - 2 * m, lines, 2);
        mvec__colour("#444444", 1.0);
        for (size_t i = 0; i < n; i++) {
            y -= mvec__text_height(page, FONT_SUBTITLE);
            mvec__text(page, m, y, FONT_SUBTITLE, 0.0, 0.0, false, lines[i]);
        }
    }
    *top = y - mvec__text_height(page, FONT_SUBTITLE) * 0.9;

    char lines[3][512];
    const char *credit = frame->credit != NULL ? frame->credit : "";
    double credit_width = mvec__text_width(page, FONT_SOURCE, false, credit);
    double gap = mvec__pt(page, FONT_SOURCE) * 1.5;
    size_t n = wrap_text(page, FONT_SOURCE, frame->sources, page->width - 2 * m - credit_width - gap,
                         lines, 3);
    double line_height = mvec__text_height(page, FONT_SOURCE);
    double yb = m + line_height * 0.3;
    mvec__colour("#555555", 1.0);
    mvec__text(page, page->width - m, yb, FONT_SOURCE, 1.0, 0.0, false, credit);
    for (size_t i = n; i-- > 0;) {
        mvec__text(page, m, yb, FONT_SOURCE, 0.0, 0.0, false, lines[i]);
        yb += line_height;
    }
    *bottom = yb + line_height * 0.2;
}

static void draw_swatch(const mvec__page *page, const mvec__legend_item *item, double x,
                        double y, double size)
{
    double alpha = item->alpha > 0.0 ? item->alpha : 1.0;
    double line = item->line_points > 0.0 ? item->line_points : 2.5;
    switch (item->swatch) {
    case SWATCH_BOX:
        mvec__colour(item->colour, alpha);
        mvec__rectangle(x, y - size / 2, x + size, y + size / 2);
        break;
    case SWATCH_BAND:
        mvec__colour(item->colour, alpha);
        mvec__rectangle(x, y - size / 2, x + size * 1.6, y + size / 2);
        break;
    case SWATCH_LINE:
        mvec__colour(item->colour, 0.22);
        mvec__rectangle(x, y - size / 2, x + size * 1.6, y + size / 2);
        mvec__colour(item->colour, alpha);
        mvec__line_width(page, line);
        mvec__segment(x, y, x + size * 1.6, y);
        break;
    case SWATCH_DASHED:
    case SWATCH_DOTTED:
        mvec__colour(item->colour, alpha);
        mvec__line_width(page, line);
        mvec__line_style(page, item->swatch == SWATCH_DASHED ? LINE_DASHED : LINE_DOTTED);
        mvec__segment(x, y, x + size * 1.6, y);
        mvec__line_style(page, LINE_SOLID);
        break;
    case SWATCH_DOT:
        mvec__colour(item->colour, alpha);
        mvec__circle(x + size / 2, y, size * 0.35, size * 0.35);
        break;
    case SWATCH_RULE:
        mvec__colour(item->colour, alpha);
        mvec__line_width(page, line);
        mvec__segment(x, y, x + size * 1.6, y);
        break;
    case SWATCH_CROSS:
        mvec__colour(item->colour, alpha);
        mvec__line_width(page, line);
        mvec__segment(x + size * 0.1, y, x + size * 0.9, y);
        mvec__segment(x + size / 2, y - size * 0.4, x + size / 2, y + size * 0.4);
        break;
    }
    mvec__line_width(page, 1.0);
}

static double swatch_width(const mvec__legend_item *item, double size)
{
    return item->swatch == SWATCH_BOX || item->swatch == SWATCH_DOT || item->swatch == SWATCH_CROSS
               ? size
               : size * 1.6;
}

double mvec__legend(const mvec__page *page, const mvec__legend_item *items, size_t count,
                    double x0, double x1, double y)
{
    double row = mvec__text_height(page, FONT_LEGEND) * 1.15;
    double size = mvec__pt(page, FONT_LEGEND) * 0.8;
    double gap = mvec__pt(page, FONT_LEGEND) * 0.5;
    double x = x0;
    y -= row / 2;
    for (size_t i = 0; i < count; i++) {
        double width = swatch_width(&items[i], size) + gap +
                       mvec__text_width(page, FONT_LEGEND, false, items[i].label);
        if (x > x0 && x + width > x1) {
            x = x0;
            y -= row;
        }
        draw_swatch(page, &items[i], x, y, size);
        mvec__colour("#222222", 1.0);
        mvec__text(page, x + swatch_width(&items[i], size) + gap, y, FONT_LEGEND, 0.0, 0.0,
                   false, items[i].label);
        x += width + 2.5 * gap;
    }
    return y - row / 2;
}

double mvec__nice_step(double range, int ticks)
{
    if (!(range > 0.0) || ticks < 1)
        return 1.0;
    double raw = range / ticks;
    double power = pow(10.0, floor(log10(raw)));
    double steps[] = {1.0, 2.0, 2.5, 5.0, 10.0};
    for (size_t i = 0; i < sizeof steps / sizeof steps[0]; i++)
        if (steps[i] * power >= raw)
            return steps[i] * power;
    return 10.0 * power;
}

void mvec__draw_axes(const mvec__page *page, const mvec__axes *a)
{
    char label[64];
    double xs = (a->x1 - a->x0) / (a->wx1 - a->wx0); /* mm per world unit */
    double ys = (a->y1 - a->y0) / (a->wy1 - a->wy0);
    double tick = mvec__pt(page, 5.0);
    mvec__page_coordinates(page);
    if (a->y_step > 0.0) {
        double first = ceil(a->wy0 / a->y_step - 1e-9) * a->y_step;
        for (double v = first; v <= a->wy1 + 1e-9 * a->y_step; v += a->y_step) {
            double y = a->y0 + (v - a->wy0) * ys;
            if (a->y_grid) {
                mvec__colour("#DDDDDD", 1.0);
                mvec__line_width(page, 0.8);
                mvec__segment(a->x0, y, a->x1, y);
            }
            mvec__colour("#333333", 1.0);
            mvec__line_width(page, 1.0);
            mvec__segment(a->x0 - tick, y, a->x0, y);
            snprintf(label, sizeof label, "%.*f", a->y_decimals, fabs(v) < 1e-12 ? 0.0 : v);
            mvec__text(page, a->x0 - tick * 1.6, y, FONT_TICK, 1.0, 0.0, false, label);
        }
    }
    if (a->x_step > 0.0) {
        double first = ceil(a->wx0 / a->x_step - 1e-9) * a->x_step;
        for (double v = first; v <= a->wx1 + 1e-9 * a->x_step; v += a->x_step) {
            double x = a->x0 + (v - a->wx0) * xs;
            mvec__colour("#333333", 1.0);
            mvec__line_width(page, 1.0);
            mvec__segment(x, a->y0 - tick, x, a->y0);
            snprintf(label, sizeof label, "%.*f", a->x_decimals, fabs(v) < 1e-12 ? 0.0 : v);
            mvec__text(page, x, a->y0 - tick - mvec__text_height(page, FONT_TICK) * 0.55,
                       FONT_TICK, 0.5, 0.0, false, label);
        }
    }
    mvec__colour("#333333", 1.0);
    mvec__line_width(page, 1.2);
    double bx[5] = {a->x0, a->x1, a->x1, a->x0, a->x0};
    double by[5] = {a->y0, a->y0, a->y1, a->y1, a->y0};
    mvec__polyline(5, bx, by);
    mvec__colour("#222222", 1.0);
    if (a->x_label != NULL)
        mvec__text(page, (a->x0 + a->x1) / 2,
                   a->y0 - tick - mvec__text_height(page, FONT_TICK) * 1.7, FONT_LABEL, 0.5,
                   0.0, false, a->x_label);
    if (a->y_label != NULL) {
        double widest = mvec__text_width(page, FONT_TICK, false, "100.0");
        mvec__text(page, a->x0 - tick * 2 - widest - mvec__text_height(page, FONT_LABEL) * 0.5,
                   (a->y0 + a->y1) / 2, FONT_LABEL, 0.5, 90.0, false, a->y_label);
    }
    mvec__line_width(page, 1.0);
}
