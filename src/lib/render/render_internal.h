/*
 * render_internal.h - helpers shared by the writers: the one number formatter,
 * aligned text tables, CSV fields, JSON values, and sinks.
 */
#ifndef MVEC_OUT_INTERNAL_H
#define MVEC_OUT_INTERNAL_H

#include <jansson.h>

#include "../mvec_internal.h"

/* ---- fmt_number.c ------------------------------------------------------------------------ */

/* `value` with `decimals` decimals ("n/a" for NaN); out must hold 64 bytes. */
void mvec__fmt_fixed(char *out, double value, int decimals);
/* An interval at `decimals` decimals, multiplied by `scale` (100 for %):
 * "19.4" when both ends print alike, else "19.4–42.0"; "n/a" when undefined. */
void mvec__fmt_interval(char *out, size_t size, mvec_interval interval, double scale,
                        int decimals);
/* A value as written in data: qualifier, shortest exact form, unit ("> 26 USD bn"). */
void mvec__fmt_observed(char *out, size_t size, const mvec_observation *o);
/* Shortest text that reads back to the same double ("%.17g" trimmed). */
void mvec__fmt_exact(char *out, double value);

/* ---- text_table.c ------------------------------------------------------------------------ */

typedef struct mvec__text_table {
    size_t columns;
    char **cells;       /* rows x columns, owned */
    size_t rows;
    size_t capacity;    /* rows */
    const bool *right;  /* per column: right-aligned; NULL for all left */
} mvec__text_table;

void mvec__text_table_init(mvec__text_table *table, size_t columns, const bool *right);
mvec_status mvec__text_table_add(mvec_ctx *ctx, mvec__text_table *table,
                                 const char *const *cells);
/* Render with two spaces between columns; the first row is the header. */
mvec_status mvec__text_table_render(mvec_ctx *ctx, const mvec__text_table *table,
                                    mvec__buf *out);
void mvec__text_table_clear(mvec_ctx *ctx, mvec__text_table *table);

/* ---- csv_out.c, json_out.c, sink ------------------------------------------------------ */

/* Append one CSV field (quoted when needed) and a separator or line end. */
mvec_status mvec__csv_put(mvec_ctx *ctx, mvec__buf *out, const char *text, bool last);
mvec_status mvec__csv_put_number(mvec_ctx *ctx, mvec__buf *out, double value, int decimals,
                                 bool last);
/* Append a row of fields. */
mvec_status mvec__csv_row(mvec_ctx *ctx, mvec__buf *out, const char *const *fields, size_t count);

/* A JSON number, or null for NaN/infinity. */
json_t *mvec__json_number(double value);
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

enum { MVEC__OUTPUT_MAX = 1 << 30 };

#endif
