/*
 * text_table.c - aligned plain-text tables (widths counted in characters,
 * so Cyrillic and dashes line up).
 */
#include <string.h>

#include "render_internal.h"

void mvec__text_table_init(mvec__text_table *table, size_t columns, const bool *right)
{
    memset(table, 0, sizeof *table);
    table->columns = columns;
    table->right = right;
}

mvec_status mvec__text_table_add(mvec_ctx *ctx, mvec__text_table *table,
                                 const char *const *cells)
{
    mvec_status status = mvec__grow(ctx, &table->cells, &table->capacity, table->rows + 1,
                                    table->columns * sizeof *table->cells);
    if (status != MVEC_OK)
        return status;
    char **row = table->cells + table->rows * table->columns;
    for (size_t c = 0; c < table->columns; c++)
        row[c] = NULL;
    table->rows++;
    for (size_t c = 0; c < table->columns; c++) {
        status = mvec__strdup(ctx, cells[c] ? cells[c] : "", &row[c]);
        if (status != MVEC_OK)
            return status;
    }
    return MVEC_OK;
}

mvec_status mvec__text_table_render(mvec_ctx *ctx, const mvec__text_table *table,
                                    mvec__buf *out)
{
    mvec_status status = MVEC_OK;
    size_t *widths = NULL;
    MVEC_TRY(mvec__calloc(ctx, table->columns ? table->columns : 1, sizeof *widths, &widths));
    for (size_t r = 0; r < table->rows; r++)
        for (size_t c = 0; c < table->columns; c++) {
            size_t width = mvec__utf8_width(table->cells[r * table->columns + c]);
            if (width > widths[c])
                widths[c] = width;
        }
    for (size_t r = 0; r < table->rows; r++) {
        size_t line_start = out->length;
        for (size_t c = 0; c < table->columns; c++) {
            const char *cell = table->cells[r * table->columns + c];
            size_t pad = widths[c] - mvec__utf8_width(cell);
            bool right = table->right != NULL && table->right[c] && r > 0;
            if (c > 0)
                MVEC_TRY(mvec__buf_puts(ctx, out, "  "));
            if (right)
                MVEC_TRY(mvec__buf_pad(ctx, out, ' ', pad));
            MVEC_TRY(mvec__buf_puts(ctx, out, cell));
            if (!right && c + 1 < table->columns)
                MVEC_TRY(mvec__buf_pad(ctx, out, ' ', pad));
        }
        while (out->length > line_start && out->data[out->length - 1] == ' ')
            out->data[--out->length] = '\0';
        MVEC_TRY(mvec__buf_putc(ctx, out, '\n'));
    }
cleanup:
    mvec__free(ctx, widths);
    return status;
}

void mvec__text_table_clear(mvec_ctx *ctx, mvec__text_table *table)
{
    for (size_t i = 0; i < table->rows * table->columns; i++)
        mvec__free(ctx, table->cells[i]);
    mvec__free(ctx, table->cells);
    table->cells = NULL;
    table->rows = 0;
    table->capacity = 0;
}
