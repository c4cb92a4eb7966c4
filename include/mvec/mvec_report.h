/*
 * mvec_report.h - one self-contained HTML file of a country's results: the
 * profile (every vector, intervals as ranges, every bloc share, the
 * composite), the great powers' shares over the years with the balance
 * triangle, the claim checks with their rules, scenario results (bands and
 * fan charts) and the numbered list of every source with its link.
 *
 * The file needs nothing else: CSS and charts (SVG) are inline; it has no
 * script and loads nothing from any host (the only links are <a href> to
 * the sources' own pages and to its own sections). Its print style sheet
 * sets A4 pages with running headers and page numbers, keeps tables and
 * charts whole where they fit a page, and reads in greyscale (verdicts and
 * marks are words, not only colours), so a browser's print-to-PDF makes the
 * PDF of the same content (docs/formats.md, "HTML report").
 *
 * Every text from the data (names, publications, titles, quotes, notes, a
 * scenario's title and events) is escaped (& < > " '); URLs other than
 * http(s) are printed, not linked. The output is deterministic: no
 * timestamp, the same input gives the same bytes (charts: for one PLplot
 * and cairo version; MVEC_REPORT_NO_CHARTS leaves them out).
 *
 * Cost: linear in the country's figures (each source is numbered through a
 * hash map) plus one chart per section (tens of milliseconds each).
 */
#ifndef MVEC_REPORT_H
#define MVEC_REPORT_H

#include <stddef.h>

#include "mvec_bloc.h"
#include "mvec_claim.h"
#include "mvec_obs.h"
#include "mvec_profile.h"
#include "mvec_scenario.h"
#include "mvec_trend.h"
#include "mvec_write.h"

/* One vector's trends: a bloc-share trend (mvec_trend_options.bloc) per
 * great power of the profile's scheme, of the profile's country. */
typedef struct mvec_report_trends {
    const mvec_trend *const *trends;
    size_t count;
    bool triangle; /* also draw the balance triangle (needs three great powers) */
} mvec_report_trends;

/* One scenario run. */
typedef struct mvec_report_scenario {
    const mvec_simulation *simulation;
    const char *file; /* the script's name as the user gave it; NULL: not shown */
} mvec_report_scenario;

/* Flags of mvec_report_input. */
enum {
    MVEC_REPORT_NO_CHARTS = 1, /* tables only: smaller, and the same bytes on any PLplot */
};

typedef struct mvec_report_input {
    size_t size;                           /* set by MVEC_REPORT_INPUT_INIT */
    const mvec_profile *profile;           /* required: its country and scheme rule the rest */
    const mvec_observations *observations; /* required: the store the profile was built from;
                                              the country's figures make the source list */
    const mvec_memberships *memberships;   /* may be NULL: the country's memberships are
                                              listed among the sources */
    const mvec_report_trends *trends;      /* may be NULL */
    size_t trend_count;
    const mvec_claims *claims;             /* may be NULL: no claims section */
    const mvec_report_scenario *scenarios; /* may be NULL */
    size_t scenario_count;
    unsigned flags;                        /* MVEC_REPORT_NO_CHARTS */
} mvec_report_input;

#define MVEC_REPORT_INPUT_INIT                                                                     \
    {                                                                                              \
        sizeof(mvec_report_input), NULL, NULL, NULL, NULL, 0, NULL, NULL, 0, 0                     \
    }

/* Write the report to `sink` in one call, after the whole document is made
 * (nothing reaches the sink when a part fails).
 * Statuses: MVEC_ERR_INVALID when the input has no profile or observations,
 * a trend is of another country or not a share, a NULL trend or simulation,
 * or an input struct not made with its INIT macro; MVEC_ERR_IO when the
 * sink fails or a chart's temporary file cannot be written; MVEC_ERR_LIMIT
 * for a report over 1 GiB; MVEC_ERR_NOMEM; MVEC_ERR_INTERNAL (a chart that
 * PLplot could not draw). */
MVEC_API mvec_status mvec_report_write(mvec_ctx *ctx, const mvec_report_input *input,
                                       const mvec_sink *sink);

#endif
