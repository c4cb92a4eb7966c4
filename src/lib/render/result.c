/*
 * result.c - the column model shared by every writer: columns (key, header,
 * type, scale, decimals) and rows of cells, and the dispatch to one renderer
 * per format.
 */
#include <math.h>
#include <string.h>

#include "render_internal.h"

void mvec__result_init(mvec__result *r)
{
    memset(r, 0, sizeof *r);
}

void mvec__result_clear(mvec_ctx *ctx, mvec__result *r)
{
    for (size_t i = 0; i < r->row_count * r->column_count; i++)
        mvec__free(ctx, r->cells[i].owned);
    for (size_t c = 0; c < r->column_count; c++) {
        mvec__free(ctx, r->columns[c].key);
        mvec__free(ctx, r->columns[c].header);
    }
    mvec__free(ctx, r->cells);
    mvec__free(ctx, r->columns);
    mvec__result_init(r);
}

mvec_status mvec__result_column(mvec_ctx *ctx, mvec__result *r, const char *key, const char *header,
                                mvec__column_type type, double scale, int decimals,
                                int csv_decimals, unsigned flags)
{
    mvec_status status = MVEC_OK;
    if (r->row_count != 0)
        return mvec__error(ctx, MVEC_ERR_INTERNAL, "column '%s' added after rows", key);
    MVEC_TRY(
        mvec__grow(ctx, &r->columns, &r->column_capacity, r->column_count + 1, sizeof *r->columns));
    mvec__column *column = &r->columns[r->column_count];
    memset(column, 0, sizeof *column);
    MVEC_TRY(mvec__strdup(ctx, key, &column->key));
    status = mvec__strdup(ctx, header ? header : key, &column->header);
    if (status != MVEC_OK) {
        mvec__free(ctx, column->key);
        goto cleanup;
    }
    column->type = type;
    column->scale = scale;
    column->decimals = decimals;
    column->csv_decimals = csv_decimals;
    column->flags = flags;
    r->column_count++;
cleanup:
    return status;
}

mvec_status mvec__result_row(mvec_ctx *ctx, mvec__result *r)
{
    size_t columns = r->column_count ? r->column_count : 1;
    mvec_status status =
        mvec__grow(ctx, &r->cells, &r->row_capacity, r->row_count + 1, columns * sizeof *r->cells);
    if (status != MVEC_OK)
        return status;
    mvec__cell *row = r->cells + r->row_count * r->column_count;
    for (size_t c = 0; c < r->column_count; c++) {
        row[c].text = NULL;
        row[c].owned = NULL;
        row[c].number = NAN;
        row[c].interval.lo = row[c].interval.hi = NAN;
    }
    r->row_count++;
    return MVEC_OK;
}

static mvec__cell *last_cell(mvec__result *r, size_t column)
{
    return &r->cells[(r->row_count - 1) * r->column_count + column];
}

mvec_status mvec__result_text(mvec_ctx *ctx, mvec__result *r, size_t column, const char *text)
{
    mvec__cell *cell = last_cell(r, column);
    mvec__free(ctx, cell->owned);
    cell->owned = NULL;
    cell->text = NULL;
    if (text == NULL)
        return MVEC_OK;
    mvec_status status = mvec__strdup(ctx, text, &cell->owned);
    cell->text = cell->owned;
    return status;
}

void mvec__result_text_borrowed(mvec_ctx *ctx, mvec__result *r, size_t column, const char *text)
{
    mvec__cell *cell = last_cell(r, column);
    mvec__free(ctx, cell->owned);
    cell->owned = NULL;
    cell->text = text;
}

void mvec__result_number(mvec__result *r, size_t column, double value)
{
    last_cell(r, column)->number = value;
}

void mvec__result_interval(mvec__result *r, size_t column, mvec_interval value)
{
    last_cell(r, column)->interval = value;
}

void mvec__cell_text(const mvec__column *column, const mvec__cell *cell, char *out, size_t size)
{
    char number[64];
    switch (column->type) {
    case MVEC__COLUMN_TEXT:
        mvec__format_c(out, size, "%s", cell->text ? cell->text : "-");
        return;
    case MVEC__COLUMN_INTEGER:
    case MVEC__COLUMN_NUMBER:
        if (isnan(cell->number)) {
            mvec__format_c(out, size, "-");
            return;
        }
        mvec__fmt_fixed(number, cell->number * column->scale,
                        column->type == MVEC__COLUMN_INTEGER ? 0 : column->decimals);
        mvec__format_c(out, size, "%s", number);
        return;
    case MVEC__COLUMN_INTERVAL:
        if (isnan(cell->interval.lo) && isnan(cell->interval.hi))
            mvec__format_c(out, size, "-");
        else
            mvec__fmt_interval(out, size, cell->interval, column->scale, column->decimals);
        return;
    }
}

mvec_status mvec__result_finish(mvec_ctx *ctx, const mvec__result *r, mvec_format format,
                                json_t *json_root, mvec__buf *out, const mvec_sink *sink)
{
    mvec_status status = MVEC_OK;
    if (format == MVEC_FORMAT_JSON)
        status = mvec__json_emit(ctx, json_root, out);
    else if (format != MVEC_FORMAT_TABLE)
        status = mvec__render(ctx, r, format, NULL, out);
    if (status == MVEC_OK)
        status = mvec__sink_emit(ctx, sink, out);
    return status;
}

mvec_status mvec__render(mvec_ctx *ctx, const mvec__result *r, mvec_format format, const char *key,
                         mvec__buf *out)
{
    switch (format) {
    case MVEC_FORMAT_TABLE:
        return mvec__render_text(ctx, r, out);
    case MVEC_FORMAT_CSV:
        return mvec__render_csv(ctx, r, out);
    case MVEC_FORMAT_JSON: {
        json_t *rows = mvec__render_json_rows(r);
        json_t *root = rows;
        if (rows != NULL && key != NULL) {
            root = json_object();
            if (root != NULL && json_object_set_new(root, key, rows) != 0) {
                json_decref(root);
                root = NULL;
            } else if (root == NULL) {
                json_decref(rows);
            }
        }
        mvec_status status = mvec__json_emit(ctx, root, out);
        json_decref(root);
        return status;
    }
    case MVEC_FORMAT_XLSX: {
        mvec__sheet sheet = {key ? key : "Table", r};
        return mvec__render_xlsx(ctx, &sheet, 1, out);
    }
    }
    return mvec__error(ctx, MVEC_ERR_INVALID, "unknown output format %d", (int)format);
}

mvec_status mvec__result_copy_columns(mvec_ctx *ctx, const mvec__result *from,
                                      const size_t *columns, size_t count, mvec__result *to)
{
    mvec_status status = MVEC_OK;
    for (size_t i = 0; i < count; i++) {
        const mvec__column *c = &from->columns[columns[i]];
        MVEC_TRY(mvec__result_column(ctx, to, c->key, c->header, c->type, c->scale, c->decimals,
                                     c->csv_decimals, c->flags));
    }
cleanup:
    return status;
}

mvec_status mvec__result_copy_row(mvec_ctx *ctx, const mvec__result *from, size_t row,
                                  const size_t *columns, size_t count, mvec__result *to)
{
    mvec_status status = MVEC_OK;
    MVEC_TRY(mvec__result_row(ctx, to));
    for (size_t i = 0; i < count; i++) {
        const mvec__cell *cell = &from->cells[row * from->column_count + columns[i]];
        if (cell->text != NULL)
            MVEC_TRY(mvec__result_text(ctx, to, i, cell->text));
        mvec__result_number(to, i, cell->number);
        mvec__result_interval(to, i, cell->interval);
    }
cleanup:
    return status;
}

size_t mvec__result_find(const mvec__result *r, const char *key, mvec__column_type type)
{
    for (size_t c = 0; c < r->column_count; c++)
        if (r->columns[c].type == type && strcmp(r->columns[c].key, key) == 0)
            return c;
    return SIZE_MAX;
}
