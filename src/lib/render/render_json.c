/*
 * render_json.c - a result as JSON: one object per row, keyed by column key;
 * numbers unscaled (shares as fractions), intervals as {"lo", "hi"},
 * missing cells as null.
 */
#include <math.h>

#include "render_internal.h"

static json_t *cell_json(const mvec__column *column, const mvec__cell *cell)
{
    switch (column->type) {
    case MVEC__COLUMN_TEXT:
        return cell->text ? json_string(cell->text) : json_null();
    case MVEC__COLUMN_INTEGER:
        return isnan(cell->number) ? json_null() : json_integer((json_int_t)cell->number);
    case MVEC__COLUMN_NUMBER:
        return mvec__json_number(cell->number);
    case MVEC__COLUMN_INTERVAL:
        if (isnan(cell->interval.lo) && isnan(cell->interval.hi))
            return json_null();
        return mvec__json_interval(cell->interval);
    }
    return json_null();
}

json_t *mvec__render_json_row(const mvec__result *r, size_t row)
{
    json_t *object = json_object();
    for (size_t c = 0; object != NULL && c < r->column_count; c++) {
        const mvec__column *column = &r->columns[c];
        if (column->flags & MVEC__COLUMN_NO_JSON)
            continue;
        if (!mvec__json_set(object, column->key,
                            cell_json(column, &r->cells[row * r->column_count + c]))) {
            json_decref(object);
            return NULL;
        }
    }
    return object;
}

/* Cost: O(rows x columns). */
json_t *mvec__render_json_rows(const mvec__result *r)
{
    json_t *rows = json_array();
    for (size_t row = 0; rows != NULL && row < r->row_count; row++) {
        json_t *object = mvec__render_json_row(r, row);
        if (object == NULL || json_array_append_new(rows, object) != 0) {
            json_decref(rows);
            return NULL;
        }
    }
    return rows;
}
