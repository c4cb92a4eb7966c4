/*
 * mvec_chart.h - charts of mvec's results as SVG, PNG or PDF, drawn with
 * PLplot's cairo drivers: bloc shares per vector, a trend over the years,
 * the balance triangle of the three great powers, a scenario fan and the
 * corridor network on a map.
 *
 * Every chart has a title, axis labels with units, a legend and a source
 * line at the bottom naming the publications behind its numbers and the
 * mvec version. A bloc has one colour in every chart (mvec_chart_bloc_colour:
 * the Okabe-Ito palette, safe for the common forms of colour blindness), so
 * an HTML report's CSS can use the same. Intervals are drawn as bands or
 * bars from the lower to the upper end; docs/methods.md ("Charts") says how
 * each kind draws them, and how the triangle normalises the shares.
 *
 * Output: the whole image is written to `sink` in one or more calls after it
 * has been drawn completely; when drawing fails nothing reaches the sink.
 * Images are deterministic for one PLplot and cairo version except for the
 * PDF's creation date that cairo writes.
 *
 * Threads: PLplot keeps global state and is not thread-safe, so every chart
 * is drawn under one process-wide lock (charts from several threads are
 * drawn one at a time). On the first chart libmvec replaces PLplot's exit
 * and abort handlers (plsexit, plsabort), process-wide, by handlers that
 * record the message and return, so PLplot never ends the process; a
 * program that uses PLplot itself should not install its own. A chart writes
 * a temporary file (mkstemp in $TMPDIR, else /tmp) and removes it.
 *
 * Cost: drawing takes about 0.02-0.1 s of CPU (cairo and pango; PNG costs
 * most); the first chart of a process also reads fontconfig's configuration
 * (about 0.05 s). The models are linear in the points drawn, except the
 * network's: O(links^2) for the widths and for parallel links (a few dozen).
 */
#ifndef MVEC_CHART_H
#define MVEC_CHART_H

#include <stddef.h>

#include "mvec_bloc.h"
#include "mvec_ctx.h"
#include "mvec_network.h"
#include "mvec_profile.h"
#include "mvec_scenario.h"
#include "mvec_trend.h"
#include "mvec_write.h"

typedef enum mvec_image_format {
    MVEC_IMAGE_SVG = 0,
    MVEC_IMAGE_PNG,
    MVEC_IMAGE_PDF,
} mvec_image_format;

/* "svg", "png" or "pdf" (lower case only).
 * Statuses: MVEC_ERR_INVALID for any other name. */
MVEC_API mvec_status mvec_image_format_from_name(mvec_ctx *ctx, const char *name,
                                                 mvec_image_format *out);
/* The format named by a file name's extension (".svg", ".png", ".pdf", in
 * any case).
 * Statuses: MVEC_ERR_INVALID for a name without one of these extensions. */
MVEC_API mvec_status mvec_image_format_from_path(mvec_ctx *ctx, const char *path,
                                                 mvec_image_format *out);
/* "svg", "png", "pdf"; NULL for a value outside the enum. Cannot fail. */
MVEC_API const char *mvec_image_format_name(mvec_image_format format);
/* "image/svg+xml", "image/png", "application/pdf"; NULL outside the enum.
 * Cannot fail. */
MVEC_API const char *mvec_image_format_mime(mvec_image_format format);

/* Smallest and largest width and height accepted. */
#define MVEC_CHART_MIN_SIZE 300
#define MVEC_CHART_MAX_SIZE 8000

typedef struct mvec_chart_options {
    size_t size;              /* sizeof the struct: set by MVEC_CHART_OPTIONS_INIT */
    mvec_image_format format; /* MVEC_IMAGE_SVG by default */
    int width;                /* pixels for PNG; points (1/72 inch) for SVG and PDF; 1200 */
    int height;               /* likewise; 750 */
    const char *title;        /* NULL: the chart's own ("Kazakhstan: bloc shares, 2023") */
    const char *subtitle;     /* NULL: the chart's own (what the marks mean); "" for none */
} mvec_chart_options;

#define MVEC_CHART_OPTIONS_INIT                                                                    \
    {                                                                                              \
        sizeof(mvec_chart_options), MVEC_IMAGE_SVG, 1200, 750, NULL, NULL                          \
    }

/* The colour of bloc `bloc` of `scheme` as "#RRGGBB" (a static string).
 * Blocs the palette knows by name or by anchor keep their colour across
 * schemes: Russia's bloc (RUS-EAEU, RUS-CSTO) vermilion #D55E00, CHN orange
 * #E69F00, WEST blue #0072B2, Turkey's (TUR-OTS, OTS) bluish green #009E73,
 * GULF reddish purple #CC79A7, OTHER grey #999999; other blocs take sky blue
 * #56B4E9, yellow #F0E442, black #000000 in order of appearance, then
 * repeat. `bloc` must be below mvec_bloc_count. Cannot fail. */
MVEC_API const char *mvec_chart_bloc_colour(const mvec_bloc_scheme *scheme, size_t bloc);

/* ---- the five kinds --------------------------------------------------------------------
 * Each takes results the library has computed and writes one image to `sink`.
 * `options` may be NULL (SVG, 1200 x 750); else start it from
 * MVEC_CHART_OPTIONS_INIT.
 * Statuses common to all ("the common ones" below): MVEC_ERR_INVALID for an
 * options struct not made with its INIT macro, a format outside the enum or
 * a width or height outside [MVEC_CHART_MIN_SIZE, MVEC_CHART_MAX_SIZE];
 * MVEC_ERR_IO when the temporary file cannot be written or read, or the
 * sink fails; MVEC_ERR_LIMIT for an image over 256 MiB; MVEC_ERR_INTERNAL
 * when PLplot or its cairo driver fails (PLplot's message); MVEC_ERR_NOMEM. */

/* Bloc shares per vector: for each computed vector of the profile one row
 * of horizontal bars, one per bloc of the profile's scheme, solid up to the
 * lower end of the share and light from there to the upper end; the
 * composite as the last row. Shares in %, 0-100.
 * Statuses: MVEC_ERR_NO_DATA when no vector of the profile was computed;
 * MVEC_ERR_LIMIT for a scheme of more than 10 blocs; and the common ones
 * (MVEC_ERR_INVALID, MVEC_ERR_IO, MVEC_ERR_INTERNAL, MVEC_ERR_NOMEM). */
MVEC_API mvec_status mvec_chart_blocs(mvec_ctx *ctx, const mvec_profile *profile,
                                      const mvec_chart_options *options, const mvec_sink *sink);

/* Shares (or an indicator) over the years: one line per trend through the
 * midpoints of the yearly intervals with a band from the lower to the upper
 * ends, in the bloc's colour for a bloc trend (and for a partner trend, its
 * bloc's colour when no two partners share a bloc; else the palette in
 * order); the break year of the first trend with a break test marked by a
 * vertical line and the verdict. `scheme` gives the colours and may be NULL
 * (then the palette in order). The trends must be of one country, and all
 * shares or all in the same dimension.
 * Statuses: MVEC_ERR_INVALID for no trend, more than 8 trends, trends of
 * different countries or dimensions; MVEC_ERR_NO_DATA when no year of any
 * trend has a value; and the common ones (MVEC_ERR_IO, MVEC_ERR_LIMIT,
 * MVEC_ERR_INTERNAL, MVEC_ERR_NOMEM). */
MVEC_API mvec_status mvec_chart_trend(mvec_ctx *ctx, const mvec_trend *const *trends,
                                      size_t trend_count, const mvec_bloc_scheme *scheme,
                                      const mvec_chart_options *options, const mvec_sink *sink);

/* The balance triangle: each year's shares of the three great powers of
 * `scheme`, normalised to their sum, as a point in a ternary plot (each
 * corner one power: a point near a corner means reliance on that power),
 * the years joined in order and labelled, the first and last marked, and
 * around each point the region the normalised shares can take given the
 * three intervals (the convex hull of the normalised corners of the box of
 * intervals, docs/methods.md "Charts"). `trends` are one bloc-share trend
 * per great power (mvec_trend_options.bloc), of one country and vector, in
 * any order; years where a power's share is not computed or all three are
 * zero are left out.
 * Statuses: MVEC_ERR_INVALID when the scheme does not have exactly three
 * great-power blocs (the message names them), when `trend_count` is not 3,
 * or the trends are not one share trend of each great power of one country
 * and vector; MVEC_ERR_NO_DATA when no year has all three shares; and the
 * common ones (MVEC_ERR_IO, MVEC_ERR_LIMIT, MVEC_ERR_INTERNAL, MVEC_ERR_NOMEM). */
MVEC_API mvec_status mvec_chart_triangle(mvec_ctx *ctx, const mvec_trend *const *trends,
                                         size_t trend_count, const mvec_bloc_scheme *scheme,
                                         const mvec_chart_options *options,
                                         const mvec_sink *sink);

/* A scenario's fan: for each metric (mvec_simulation_find_metric names) the
 * median over the paths as a line and the 5th-95th percentile band, from
 * the base year (the data, marked) through the simulated years. Metrics
 * "<vector>.share.<bloc>" take the bloc's colour from `scheme` (may be
 * NULL). Fractions are drawn in %, 0-100.
 * Statuses: MVEC_ERR_INVALID for no metric, more than 8, an unknown metric
 * name (the message lists the valid ones) or metrics of different units;
 * MVEC_ERR_NO_DATA when no value of the metrics is finite; and the common
 * ones (MVEC_ERR_IO, MVEC_ERR_LIMIT, MVEC_ERR_INTERNAL, MVEC_ERR_NOMEM). */
MVEC_API mvec_status mvec_chart_fan(mvec_ctx *ctx, const mvec_simulation *simulation,
                                    const char *const *metrics, size_t metric_count,
                                    const mvec_bloc_scheme *scheme,
                                    const mvec_chart_options *options, const mvec_sink *sink);

/* The corridor network on a map: places at their longitude and latitude
 * (the built-in places table of the network's country,
 * data/<iso3 lowercase>/places.csv, with a source per row), links
 * between them with a width proportional to capacity, those of unknown
 * capacity thin and dotted, those closed by `routes_options`
 * (closed_links, closed_transit) dashed in vermilion; coastlines from
 * PLplot's map data when installed. `routes_options` may be NULL (no
 * closure, every commodity, each link's latest row); its commodity and year
 * select the links drawn.
 * Statuses: MVEC_ERR_INVALID for an options struct not made with its INIT
 * macro, an unknown commodity or closed link id, or a transit country no
 * link crosses; MVEC_ERR_NO_DATA when no link has a row in the year, mvec
 * has no places table for the network's country, or a place has no
 * coordinates (the message names it); MVEC_ERR_CANCELLED while the places
 * table is read; MVEC_ERR_INTERNAL for a malformed built-in places table;
 * and the common ones (MVEC_ERR_IO, MVEC_ERR_LIMIT, MVEC_ERR_NOMEM). */
MVEC_API mvec_status mvec_chart_network(mvec_ctx *ctx, const mvec_network *network,
                                        const mvec_routes_options *routes_options,
                                        const mvec_chart_options *options,
                                        const mvec_sink *sink);

#endif
