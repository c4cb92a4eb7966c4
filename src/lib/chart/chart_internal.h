/*
 * chart_internal.h - what the chart files share: the chart *models* (the
 * numbers to draw, built from mvec's results without PLplot, so tests can
 * check them by hand) and the one boundary to PLplot (plot.c) that draws a
 * model to an image.
 *
 * Each kind has a model_<kind>.c (result -> model) and a draw_<kind>.c
 * (model -> PLplot calls); chart_<kind>... the public function in the model
 * file builds the model and hands it to mvec__chart_render with its draw
 * function. Only plot.c and draw_*.c include plplot.h.
 */
#ifndef MVEC_CHART_INTERNAL_H
#define MVEC_CHART_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>

#include "../mvec_internal.h"

typedef struct mvec__rgb {
    int r, g, b; /* 0-255 */
} mvec__rgb;

/* "#RRGGBB" -> rgb; false for anything else. */
bool mvec__chart_parse_colour(const char *text, mvec__rgb *out);
/* The colour of the index-th series when no bloc gives one (the palette in order). */
const char *mvec__chart_series_colour(size_t index);

/* What every chart prints besides its data. Strings live in the model's arena. */
typedef struct mvec__chart_frame {
    const char *title;
    const char *subtitle; /* "" for none */
    const char *sources;  /* "Sources: A; B." (the publications behind the numbers) */
    const char *credit;   /* "Computed by mvec 0.1.0" */
    const char *x_label;  /* with units: "share of the total (%)" */
    const char *y_label;
} mvec__chart_frame;

/* ---- model_common.c --------------------------------------------------------------------- */

/* printf into the arena. */
mvec_status mvec__chart_printf(mvec_ctx *ctx, mvec__arena *arena, const char **out,
                               const char *fmt, ...) MVEC_PRINTF(4, 5);

/* Distinct publications, in order of first mention (borrowed strings). */
enum { MVEC__CHART_MAX_SOURCES = 256 };
typedef struct mvec__chart_sources {
    const char *items[MVEC__CHART_MAX_SOURCES];
    size_t count;
    size_t dropped; /* distinct ones beyond the capacity */
} mvec__chart_sources;

/* Add a publication ("" and NULL are ignored). O(count). */
void mvec__chart_sources_add(mvec__chart_sources *sources, const char *publication);
/* Fill frame->sources ("Sources: A; B." or "Sources: none recorded.") and
 * frame->credit. */
mvec_status mvec__chart_sources_finish(mvec_ctx *ctx, mvec__arena *arena,
                                       const mvec__chart_sources *sources,
                                       mvec__chart_frame *frame);
/* "exports" for trade.exports: words for a vector in titles; the code itself
 * for a vector the table does not know. */
const char *mvec__chart_vector_words(const char *vector);
/* The caller's title and subtitle over the chart's own. */
void mvec__chart_frame_override(mvec__chart_frame *frame, const mvec_chart_options *options);
/* Shares in %: the axis top, a multiple of 10 at least 15 % above `largest`
 * (a percentage), at most 100. */
double mvec__chart_share_axis_top(double largest);

/* ---- blocs: bloc shares per vector ------------------------------------------------------ */

typedef struct mvec__blocs_model {
    mvec__arena arena;
    mvec__chart_frame frame;
    size_t row_count;         /* vectors (and the composite last) */
    const char **row_labels;  /* "trade.exports 2023" */
    size_t bloc_count;
    const char **bloc_names;
    const char **bloc_colours;
    mvec_interval *percent;   /* row_count x bloc_count, row-major, in % (0-100) */
} mvec__blocs_model;

mvec_status mvec__chart_blocs_model(mvec_ctx *ctx, const mvec_profile *profile,
                                    mvec__blocs_model *model);
void mvec__chart_blocs_model_clear(mvec_ctx *ctx, mvec__blocs_model *model);

/* ---- series over the years: trend and fan ------------------------------------------------ */

typedef struct mvec__series {
    const char *label;
    const char *colour;
    size_t count;
    double *x;  /* years */
    double *lo; /* band; NaN where the year has no value */
    double *mid;
    double *hi;
} mvec__series;

typedef struct mvec__series_model {
    mvec__arena arena;
    mvec__chart_frame frame;
    size_t series_count;
    mvec__series *series;
    double x_min, x_max;  /* axis ranges */
    double y_min, y_max;
    double mark_x;        /* a vertical marker (break year, base year); NaN: none */
    const char *mark_label;
    const char *band_label; /* what the band means, for the legend */
} mvec__series_model;

mvec_status mvec__chart_trend_model(mvec_ctx *ctx, const mvec_trend *const *trends, size_t count,
                                    const mvec_bloc_scheme *scheme, mvec__series_model *model);
mvec_status mvec__chart_fan_model(mvec_ctx *ctx, const mvec_simulation *simulation,
                                  const char *const *metrics, size_t metric_count,
                                  const mvec_bloc_scheme *scheme, mvec__series_model *model);
void mvec__chart_series_model_clear(mvec_ctx *ctx, mvec__series_model *model);

/* ---- the balance triangle ----------------------------------------------------------------- */

/* Corners: power 0 bottom left (0, 0), power 1 bottom right (1, 0), power 2
 * at the top (1/2, sqrt(3)/2). Normalised shares (a, b, c), a + b + c = 1,
 * sit at x = b + c/2, y = c sqrt(3)/2. */
void mvec__ternary_xy(const double normalised[3], double *x, double *y);
/* The region of normalised shares when each power's share lies in its
 * interval independently: the convex hull of the images of the box's 8
 * corners (a corner with all three shares 0 has no image and is skipped),
 * counter-clockwise, as ternary x, y. Returns the number of vertices (0
 * when every corner sums to 0; 1 for a point). */
size_t mvec__ternary_region(const mvec_interval shares[3], double x[8], double y[8]);

typedef struct mvec__triangle_point {
    int year;
    double normalised[3]; /* the midpoints of the intervals, normalised */
    double x, y;
    size_t region_count;
    double region_x[8], region_y[8];
} mvec__triangle_point;

typedef struct mvec__triangle_model {
    mvec__arena arena;
    mvec__chart_frame frame;
    const char *corner_names[3];
    const char *corner_colours[3];
    size_t point_count;
    mvec__triangle_point *points; /* by year */
} mvec__triangle_model;

mvec_status mvec__chart_triangle_model(mvec_ctx *ctx, const mvec_trend *const *trends,
                                       size_t count, const mvec_bloc_scheme *scheme,
                                       mvec__triangle_model *model);
void mvec__chart_triangle_model_clear(mvec_ctx *ctx, mvec__triangle_model *model);

/* ---- the corridor network ------------------------------------------------------------------ */

typedef struct mvec__map_node {
    const char *place; /* "KAZ:Atyrau", "market:EU27" */
    const char *label; /* "Atyrau", "EU27 market" */
    double lon, lat;
    bool market;
} mvec__map_node;

typedef struct mvec__map_edge {
    size_t from, to;       /* nodes */
    const char *id;
    const char *commodity;
    const char *colour;    /* by commodity */
    double capacity;       /* NaN unknown, INFINITY unlimited */
    double width;          /* line width in points; 0: drawn thin and dotted (unknown) */
    bool closed;
    bool operating;
} mvec__map_edge;

typedef struct mvec__network_model {
    mvec__arena arena;
    mvec__chart_frame frame;
    size_t node_count;
    mvec__map_node *nodes;
    size_t edge_count;
    mvec__map_edge *edges;
    double lon_min, lon_max, lat_min, lat_max; /* the map's window */
    const char *unit;      /* of the capacities, "" when several */
    double capacity_max;   /* largest known finite capacity */
} mvec__network_model;

mvec_status mvec__chart_network_model(mvec_ctx *ctx, const mvec_network *network,
                                      const mvec_routes_options *routes_options,
                                      mvec__network_model *model);
void mvec__chart_network_model_clear(mvec_ctx *ctx, mvec__network_model *model);

/* ---- plot.c: the PLplot boundary ----------------------------------------------------------- */

/* Draws a model with PLplot calls on a page of width x height (in the
 * device's units); returns false after recording why on ctx. */
typedef bool (*mvec__chart_draw_fn)(mvec_ctx *ctx, const void *model, double width,
                                    double height);

/* The draw functions of the kinds (draw_<kind>.c). */
bool mvec__draw_series(mvec_ctx *ctx, const void *model, double width, double height);
bool mvec__draw_blocs(mvec_ctx *ctx, const void *model, double width, double height);
bool mvec__draw_triangle(mvec_ctx *ctx, const void *model, double width, double height);
bool mvec__draw_network(mvec_ctx *ctx, const void *model, double width, double height);

/* Coastlines from PLplot's "globe" map (Debian's libplplot-data) in the
 * current window (degrees); false, and nothing drawn, when the map data are
 * missing (the failure is forgiven, not reported). */
bool mvec__plot_coastlines(double lon_min, double lon_max, double lat_min, double lat_max);

/* Check and default the options: `resolved` gets a full copy. */
mvec_status mvec__chart_options_read(mvec_ctx *ctx, const mvec_chart_options *options,
                                     mvec_chart_options *resolved);
/* Under the process-wide PLplot lock: open the device for `options`'
 * format and size on a temporary file, run `draw`, close, and hand the
 * file's bytes to `sink` (nothing when anything failed). */
mvec_status mvec__chart_render(mvec_ctx *ctx, const mvec_chart_options *options,
                               mvec__chart_draw_fn draw, const void *model,
                               const mvec_sink *sink);

#endif
