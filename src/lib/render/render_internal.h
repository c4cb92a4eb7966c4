/*
 * render_internal.h - helpers shared by the writers: the one number formatter,
 * the column model and its renderers, CSV fields, JSON values, and sinks.
 */
#ifndef MVEC_OUT_INTERNAL_H
#define MVEC_OUT_INTERNAL_H

#include <jansson.h>

#include "../mvec_internal.h"

/* ---- fmt_number.c ------------------------------------------------------------------------ */

/* A value as written in data: qualifier, shortest exact form, unit ("> 26 USD bn"). */
void mvec__fmt_observed(char *out, size_t size, const mvec_observation *o);
/* Shortest text that reads back to the same double ("%.17g" trimmed). */
void mvec__fmt_exact(char *out, double value);

/* ---- emit.c: CSV fields, JSON values, sink ------------------------------------------- */

/* Append one CSV field (quoted when needed) and a separator or line end. */
mvec_status mvec__csv_put(mvec_ctx *ctx, mvec__buf *out, const char *text, bool last);
mvec_status mvec__csv_put_number(mvec_ctx *ctx, mvec__buf *out, double value, int decimals,
                                 bool last);

/* A JSON number, or null for NaN/infinity: rounded to 12 significant
 * digits, or exact (17, reads back to the same double) between
 * mvec__json_set_exact(true) and (false) on the calling thread. */
json_t *mvec__json_number(double value);
void mvec__json_set_exact(bool exact);
json_t *mvec__json_interval(mvec_interval interval);
/* Set key to a new reference; false when allocation failed. */
bool mvec__json_set(json_t *object, const char *key, json_t *value);
json_t *mvec__json_observation(const mvec_observation *o);
/* Serialise (2-space indent, key order kept) and append a newline. */
mvec_status mvec__json_emit(mvec_ctx *ctx, json_t *root, mvec__buf *out);

/* "publication, "title", date [quality]" (the parts that are known). */
mvec_status mvec__describe_source(mvec_ctx *ctx, const mvec_observation *o, mvec__buf *out);

/* Send the buffer to the sink. */
mvec_status mvec__sink_emit(mvec_ctx *ctx, const mvec_sink *sink, const mvec__buf *buf);

/* ---- result.c: the column model ------------------------------------------------------
 *
 * Every result (profile, shares, sources, claims) is described as columns
 * (key, header, type, scale, decimals) and rows of cells, and rendered by one
 * renderer per format: render_text.c (aligned table), render_csv.c,
 * render_json.c. Adding a format is one renderer file; adding a column is one
 * mvec__result_column call. Intervals print through mvec__fmt_interval in
 * text, as key_lo,key_hi in CSV (key_pct_lo when scaled to percent) and as
 * {"lo","hi"} unscaled in JSON. Missing cells print "-", "" and null. */

typedef enum mvec__column_type {
    MVEC__COLUMN_TEXT = 0,
    MVEC__COLUMN_INTEGER,
    MVEC__COLUMN_NUMBER,
    MVEC__COLUMN_INTERVAL,
} mvec__column_type;

enum {
    MVEC__COLUMN_NO_TEXT = 1, /* left out of the text table */
    MVEC__COLUMN_NO_CSV = 2,
    MVEC__COLUMN_NO_JSON = 4,
    MVEC__COLUMN_LEFT = 8,   /* left-align a number in text */
    MVEC__COLUMN_TITLE = 16, /* records: the heading of each record */
    MVEC__COLUMN_LIST = 32,  /* records: items separated by "; " go one per line */
    MVEC__COLUMN_TIGHT = 64, /* compact text: one space before this column */
    MVEC__COLUMN_RIGHT = 128, /* right-align a text column (numbers shown as words) */
    MVEC__COLUMN_THOUSANDS = 256, /* Excel: money or volume, #,##0 grouping (also any key
                                     ending in "_usd") */
    MVEC__COLUMN_REFS = 512,  /* HTML: source numbers separated by spaces, each a link to
                                 the report's source list (#src-N) */
    MVEC__COLUMN_STACK = 1024, /* HTML: a text cell "A (B)" as A over a smaller B (a median
                                 and its band) */
    MVEC__COLUMN_BADGE = 2048, /* HTML: the text as a framed word classed by its value (a
                                  verdict) */
};

typedef struct mvec__column {
    char *key;    /* CSV header stem and JSON key (owned) */
    char *header; /* text header (owned) */
    mvec__column_type type;
    double scale;     /* text and CSV print value x scale (100: percent) */
    int decimals;     /* text */
    int csv_decimals; /* MVEC__DECIMALS_EXACT: the shortest exact form */
    unsigned flags;
} mvec__column;

enum { MVEC__DECIMALS_EXACT = -1 };

typedef struct mvec__cell {
    const char *text;       /* TEXT: owned or borrowed; NULL: missing. NUMBER with a NaN
                               number: a word the CSV shows instead ("unbounded") */
    char *owned;            /* the copy text points to when the result owns it, else NULL */
    double number;          /* INTEGER, NUMBER; NaN: missing */
    mvec_interval interval; /* INTERVAL; NaN ends: missing */
} mvec__cell;

typedef struct mvec__result {
    mvec__column *columns;
    size_t column_count;
    size_t column_capacity;
    mvec__cell *cells; /* row_count x column_count (columns are fixed before rows) */
    size_t row_count;
    size_t row_capacity;
    bool compact; /* text: one space before a number or after one, two between texts */
} mvec__result;

void mvec__result_init(mvec__result *r);
void mvec__result_clear(mvec_ctx *ctx, mvec__result *r);
/* Add a column (before any row); returns its index in *index when not NULL. */
mvec_status mvec__result_column(mvec_ctx *ctx, mvec__result *r, const char *key, const char *header,
                                mvec__column_type type, double scale, int decimals,
                                int csv_decimals, unsigned flags);
/* Start a row: every cell missing. */
mvec_status mvec__result_row(mvec_ctx *ctx, mvec__result *r);
/* Set a cell of the last row. */
mvec_status mvec__result_text(mvec_ctx *ctx, mvec__result *r, size_t column, const char *text);
/* The same without a copy, for text that outlives the result (an observation's
 * interned strings): a million-row listing then allocates no cell text. */
void mvec__result_text_borrowed(mvec_ctx *ctx, mvec__result *r, size_t column, const char *text);
void mvec__result_number(mvec__result *r, size_t column, double value);
void mvec__result_interval(mvec__result *r, size_t column, mvec_interval value);

/* Copy the columns `columns[0..count)` of `from` (before any row of `to`). */
mvec_status mvec__result_copy_columns(mvec_ctx *ctx, const mvec__result *from,
                                      const size_t *columns, size_t count, mvec__result *to);
/* Start a row of `to` holding row `row` of `from`'s columns `columns[0..count)` in
 * `to`'s first `count` columns (texts copied); the other cells missing. */
mvec_status mvec__result_copy_row(mvec_ctx *ctx, const mvec__result *from, size_t row,
                                  const size_t *columns, size_t count, mvec__result *to);
/* Index of the first column called `key` of type `type`, or SIZE_MAX. */
size_t mvec__result_find(const mvec__result *r, const char *key, mvec__column_type type);

/* The text of a cell as the text table shows it ("-" when missing). */
void mvec__cell_text(const mvec__column *column, const mvec__cell *cell, char *out, size_t size);

/* The end every result writer shares: the table text is already in `out`;
 * JSON is `json_root` (the writer's wrapper around the rows); any other
 * format is the result `r` as it is (mvec__render). Then `out` goes to the sink. */
mvec_status mvec__result_finish(mvec_ctx *ctx, const mvec__result *r, mvec_format format,
                                json_t *json_root, mvec__buf *out, const mvec_sink *sink);
/* render_text.c: aligned table, header first, two spaces between columns. */
mvec_status mvec__render_text(mvec_ctx *ctx, const mvec__result *r, mvec__buf *out);
/* render_text.c: each row as a record: the MVEC__COLUMN_TITLE cell as its
 * heading, then one "  header: value" line per other text column, wrapped
 * at `width` with continuation lines aligned after the labels. */
mvec_status mvec__render_records(mvec_ctx *ctx, const mvec__result *r, size_t width,
                                 mvec__buf *out);
/* render_csv.c: header line and one line per row. */
mvec_status mvec__render_csv(mvec_ctx *ctx, const mvec__result *r, mvec__buf *out);
/* render_json.c: row `row` as an object (NULL when out of memory). */
json_t *mvec__render_json_row(const mvec__result *r, size_t row);
/* Every row as an array of objects (NULL when out of memory). */
json_t *mvec__render_json_rows(const mvec__result *r);
/* A result in any format; JSON as {"<key>": [rows]} (with `key` NULL, the bare array). */
mvec_status mvec__render(mvec_ctx *ctx, const mvec__result *r, mvec_format format, const char *key,
                         mvec__buf *out);

/* ---- render_xlsx.c: workbooks ----------------------------------------------------------
 *
 * One worksheet per result (the CSV's columns, numbers as numbers with
 * percent or thousands formats, an interval as two columns), written by
 * libxlsxwriter through a temporary file and appended to `out` only when
 * whole. libxlsxwriter allocates with malloc, not through the context's hook. */

typedef struct mvec__sheet {
    const char *name; /* wanted name; made unique, at most 31 characters, no []:*?/\ */
    const mvec__result *result;
} mvec__sheet;

mvec_status mvec__render_xlsx(mvec_ctx *ctx, const mvec__sheet *sheets, size_t count,
                              mvec__buf *out);

/* ---- workbook.c: the Sources sheet, CSV text as a result, a writer's workbook ---------- */

/* Start the Sources sheet's result: no., publication, title, date, quality, seed, url, note. */
mvec_status mvec__sources_init(mvec_ctx *ctx, mvec__result *sources);
/* Add a source unless the same (publication, title, date, url, note) is there; its
 * 1-based number in *number (may be NULL). Cost: O(sources listed). */
mvec_status mvec__sources_add(mvec_ctx *ctx, mvec__result *sources, const char *publication,
                              const char *title, const char *date, const char *quality,
                              const char *seed, const char *url, const char *note,
                              size_t *number);
/* An observation's source (the same as the text output's numbered list). */
mvec_status mvec__sources_observation(mvec_ctx *ctx, mvec__result *sources,
                                      const mvec_observation *o, size_t *number);
/* The sources of a vector's inputs, then of the figures kept as bounds only (the
 * profile's numbered list, in its order), then of its memberships. */
mvec_status mvec__sources_vector(mvec_ctx *ctx, mvec__result *sources,
                                 const mvec_vector_profile *v);
/* Every distinct text of column `key` of `from` as a source (publication only). */
mvec_status mvec__sources_column(mvec_ctx *ctx, mvec__result *sources, const mvec__result *from,
                                 const char *key);
/* CSV text (as the writers print it: a header line, RFC 4180 quoting) as a
 * result: a field that reads as a number is a number; columns KEY_lo/KEY_hi
 * of numbers become one interval column; a key with "_pct" a percent column
 * (the value / 100, scaled back by 100); other columns keep the CSV's words
 * in number columns as words. Cost: O(length + rows x columns). */
mvec_status mvec__result_from_csv(mvec_ctx *ctx, const char *text, size_t length,
                                  mvec__result *r);
/* Sheets, then the Sources sheet (when `sources` has rows), into `out`, then
 * `out` to the sink. */
mvec_status mvec__workbook_emit(mvec_ctx *ctx, const mvec__sheet *sheets, size_t count,
                                const mvec__result *sources, mvec__buf *out,
                                const mvec_sink *sink);

/* ---- render_html.c: HTML (the report) ------------------------------------------------------ */

/* Append `text` with & < > " ' escaped (and C0 controls other than tab and newline left
 * out), for element content and quoted attribute values alike. Cost: O(length). */
mvec_status mvec__html_escape(mvec_ctx *ctx, mvec__buf *out, const char *text);
/* True for a URL the report may link to: http:// or https://, and no space, control or
 * character a URL carries only percent-encoded (" < > ` \ { } | ^). */
bool mvec__html_linkable(const char *url);
/* <a href="url">text</a> for a linkable url, else the escaped text (and the url after it in
 * parentheses when there is one). */
mvec_status mvec__html_link(mvec_ctx *ctx, mvec__buf *out, const char *url, const char *text);
/* A result as a <table class="css_class"> with `caption` (may be NULL): the columns
 * `columns[0..count)`, or with `columns` NULL those the text table shows. Headers carry the
 * column key (data-key) and, for a scaled column, data-scale. Cost: O(rows x columns). */
mvec_status mvec__render_html(mvec_ctx *ctx, const mvec__result *r, const size_t *columns,
                              size_t count, const char *caption, const char *css_class,
                              mvec__buf *out);
/* Each row as a record, as mvec__render_records: the MVEC__COLUMN_TITLE cell as an <h3>,
 * then a <dl> of the other columns the text shows (a MVEC__COLUMN_LIST cell as a list). */
mvec_status mvec__render_html_records(mvec_ctx *ctx, const mvec__result *r, mvec__buf *out);

/* ---- results other writers reuse ------------------------------------------------------------ */

/* write_profile.c: the profile as the column model (a row per vector, then the composite). */
mvec_status mvec__profile_result(mvec_ctx *ctx, const mvec_profile *profile, mvec__result *r);
/* write_claims.c: the claims as the column model (text: records). */
mvec_status mvec__claims_result(mvec_ctx *ctx, const mvec_claims *claims, mvec__result *r);

/* ---- wrapping ---------------------------------------------------------------------------- */

/* Append `text` wrapped at `width` columns: the first line continues at
 * `column` (the caller's current column), later lines start with `indent`
 * spaces. Words are never split. */
mvec_status mvec__wrap(mvec_ctx *ctx, mvec__buf *out, const char *text, size_t column,
                       size_t indent, size_t width);

enum { MVEC__OUTPUT_MAX = 1 << 30 };

#endif
