/*
 * report_internal.h - the parts of the HTML report (mvec_report.h):
 * write_report.c (the document), report_sources.c (the numbered source
 * list), report_charts.c (charts as inline SVG), report_style.c (the CSS).
 */
#ifndef MVEC_REPORT_INTERNAL_H
#define MVEC_REPORT_INTERNAL_H

#include "mvec/mvec_report.h"
#include "render_internal.h"

enum { MVEC__REPORT_VECTORS = 8 }; /* vectors named per source; more as "…" */

typedef struct mvec__report_source {
    const char *source, *title, *date, *url, *quality, *seed; /* the store's strings */
    size_t figures;     /* observations citing it */
    size_t memberships; /* memberships citing it */
    int year_min, year_max;
    const char *vectors[MVEC__REPORT_VECTORS];
    size_t vector_count;
    bool more_vectors;
} mvec__report_source;

typedef struct mvec__report_quote {
    size_t number; /* of the source */
    const mvec_observation *observation; /* or NULL */
    const mvec_membership *membership;   /* when observation is NULL */
} mvec__report_quote;

typedef struct mvec__report_sources {
    mvec__report_source *refs; /* source N is refs[N - 1] */
    size_t count, capacity;
    mvec__report_quote *quotes; /* each distinct wording of a source once, store order */
    size_t quote_count, quote_capacity;
    const char **files; /* where the figures were read, first-seen order */
    size_t file_count, file_capacity;
    size_t figures, membership_count;
    mvec__strmap index, by_name, quote_index, file_index;
    mvec__buf key; /* scratch */
} mvec__report_sources;

/* Number every source of `country`'s figures, then its memberships' (memberships may be
 * NULL). Start from a zeroed struct; release with mvec__report_sources_clear. */
mvec_status mvec__report_sources_build(mvec_ctx *ctx, const mvec_observations *observations,
                                       const mvec_memberships *memberships,
                                       const mvec_country *country, mvec__report_sources *s);
void mvec__report_sources_clear(mvec_ctx *ctx, mvec__report_sources *s);
/* The number of a figure's or membership's source; 0 when not listed (or out of memory). */
size_t mvec__report_source_of(mvec_ctx *ctx, mvec__report_sources *s, const mvec_observation *o);
size_t mvec__report_membership_source(mvec_ctx *ctx, mvec__report_sources *s,
                                      const mvec_membership *m);
/* The first source published under `source`; 0 when none. */
size_t mvec__report_source_named(const mvec__report_sources *s, const char *source);
/* `numbers` sorted in place and written "3 12 40" (zeros and repeats left out) to out. */
mvec_status mvec__report_refs_text(mvec_ctx *ctx, size_t *numbers, size_t count, mvec__buf *out);
/* The list as an <ol> of <li id="src-N">. */
mvec_status mvec__report_sources_write(mvec_ctx *ctx, const mvec__report_sources *s,
                                       mvec__buf *out);

/* report_style.c: the style sheet; `running_title` (escaped here) heads every printed page. */
mvec_status mvec__report_style(mvec_ctx *ctx, const char *running_title, mvec__buf *out);

/* report_charts.c: a chart as inline SVG (XML declaration left out, every id prefixed by
 * `id` so that several charts live in one page), appended to out. A chart the data cannot
 * make (MVEC_ERR_NO_DATA, MVEC_ERR_INVALID) leaves out as it was and returns that status;
 * the caller writes the message instead. */
mvec_status mvec__report_chart_blocs(mvec_ctx *ctx, const mvec_profile *profile, const char *id,
                                     mvec__buf *out);
mvec_status mvec__report_chart_trend(mvec_ctx *ctx, const mvec_trend *const *trends, size_t count,
                                     const mvec_bloc_scheme *scheme, const char *id,
                                     mvec__buf *out);
mvec_status mvec__report_chart_triangle(mvec_ctx *ctx, const mvec_trend *const *trends,
                                        size_t count, const mvec_bloc_scheme *scheme,
                                        const char *id, mvec__buf *out);
mvec_status mvec__report_chart_fan(mvec_ctx *ctx, const mvec_simulation *simulation,
                                   const char *const *metrics, size_t count,
                                   const mvec_bloc_scheme *scheme, const char *id,
                                   mvec__buf *out);
/* The SVG text `svg` inlined into out: no XML declaration or DOCTYPE, each id="X" as
 * id="prefix-X" and each reference to it (href="#X", xlink:href="#X", url(#X)) likewise.
 * Cost: O(length). */
mvec_status mvec__report_inline_svg(mvec_ctx *ctx, const char *svg, size_t length,
                                    const char *prefix, mvec__buf *out);

#endif
