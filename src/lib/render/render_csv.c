/*
 * render_csv.c - a result as CSV (RFC 4180): one header line, one line per
 * row; an interval column gives two fields, KEY_lo and KEY_hi (KEY_pct_lo
 * and KEY_pct_hi when the column is scaled to percent).
 */
#include <math.h>
#include <stdio.h>

#include "render_internal.h"

static bool shown(const mvec__column *column)
{
    return (column->flags & MVEC__COLUMN_NO_CSV) == 0;
}

static mvec_status put_header(mvec_ctx *ctx, const mvec__result *r, mvec__buf *out)
{
    mvec_status status = MVEC_OK;
    bool first = true;
    char name[256];
    for (size_t c = 0; c < r->column_count; c++) {
        const mvec__column *column = &r->columns[c];
        if (!shown(column))
            continue;
        const char *pct = column->scale > 99 ? "_pct" : "";
        for (int end = 0; end < (column->type == MVEC__COLUMN_INTERVAL ? 2 : 1); end++) {
            if (!first)
                MVEC_TRY(mvec__buf_putc(ctx, out, ','));
            first = false;
            if (column->type == MVEC__COLUMN_INTERVAL)
                mvec__format_c(name, sizeof name, "%s%s_%s", column->key, pct,
                               end == 0 ? "lo" : "hi");
            else if (column->type == MVEC__COLUMN_NUMBER)
                mvec__format_c(name, sizeof name, "%s%s", column->key, pct);
            else
                mvec__format_c(name, sizeof name, "%s", column->key);
            status = mvec__csv_put(ctx, out, name, false);
            if (status != MVEC_OK)
                goto cleanup;
            out->data[--out->length] = '\0'; /* the separator is written here */
        }
    }
    MVEC_TRY(mvec__buf_putc(ctx, out, '\n'));
cleanup:
    return status;
}

/* Cost: O(rows x columns). */
mvec_status mvec__render_csv(mvec_ctx *ctx, const mvec__result *r, mvec__buf *out)
{
    mvec_status status = MVEC_OK;
    MVEC_TRY(put_header(ctx, r, out));
    for (size_t row = 0; row < r->row_count; row++) {
        size_t last = SIZE_MAX;
        for (size_t c = 0; c < r->column_count; c++)
            if (shown(&r->columns[c]))
                last = c;
        for (size_t c = 0; c < r->column_count; c++) {
            const mvec__column *column = &r->columns[c];
            const mvec__cell *cell = &r->cells[row * r->column_count + c];
            if (!shown(column))
                continue;
            bool end = c == last;
            switch (column->type) {
            case MVEC__COLUMN_TEXT:
                MVEC_TRY(mvec__csv_put(ctx, out, cell->text ? cell->text : "", end));
                break;
            case MVEC__COLUMN_INTEGER:
                MVEC_TRY(mvec__csv_put_number(ctx, out, cell->number * column->scale, 0, end));
                break;
            case MVEC__COLUMN_NUMBER:
                if (column->csv_decimals == MVEC__DECIMALS_EXACT) {
                    char exact[64] = "";
                    if (!isnan(cell->number))
                        mvec__fmt_exact(exact, cell->number * column->scale);
                    MVEC_TRY(mvec__csv_put(ctx, out, exact, end));
                } else {
                    MVEC_TRY(mvec__csv_put_number(ctx, out, cell->number * column->scale,
                                                  column->csv_decimals, end));
                }
                break;
            case MVEC__COLUMN_INTERVAL:
                if (column->csv_decimals == MVEC__DECIMALS_EXACT) {
                    char lo[64] = "";
                    char hi[64] = "";
                    if (!isnan(cell->interval.lo))
                        mvec__fmt_exact(lo, cell->interval.lo * column->scale);
                    if (!isnan(cell->interval.hi))
                        mvec__fmt_exact(hi, cell->interval.hi * column->scale);
                    MVEC_TRY(mvec__csv_put(ctx, out, lo, false));
                    MVEC_TRY(mvec__csv_put(ctx, out, hi, end));
                } else {
                    MVEC_TRY(mvec__csv_put_number(ctx, out, cell->interval.lo * column->scale,
                                                  column->csv_decimals, false));
                    MVEC_TRY(mvec__csv_put_number(ctx, out, cell->interval.hi * column->scale,
                                                  column->csv_decimals, end));
                }
                break;
            }
        }
    }
cleanup:
    return status;
}
