/*
 * render_text.c - a result as an aligned plain-text table (widths counted in
 * characters, so Cyrillic and dashes line up; numbers right-aligned), and
 * word wrapping for the paragraphs around tables.
 */
#include <string.h>

#include "render_internal.h"

enum { CELL_MAX = 512, TABLE_WIDTH = 120 };

static bool shown(const mvec__column *column)
{
    return (column->flags & MVEC__COLUMN_NO_TEXT) == 0;
}

static bool right_aligned(const mvec__column *column)
{
    if (column->type == MVEC__COLUMN_TEXT)
        return (column->flags & MVEC__COLUMN_RIGHT) != 0;
    return (column->flags & MVEC__COLUMN_LEFT) == 0;
}

/* Cost: O(rows x columns). */
mvec_status mvec__render_text(mvec_ctx *ctx, const mvec__result *r, mvec__buf *out)
{
    mvec_status status = MVEC_OK;
    size_t *widths = NULL;
    char cell[CELL_MAX];
    MVEC_TRY(mvec__calloc(ctx, r->column_count ? r->column_count : 1, sizeof *widths, &widths));
    for (size_t c = 0; c < r->column_count; c++) {
        widths[c] = mvec__utf8_width(r->columns[c].header);
        for (size_t row = 0; row < r->row_count; row++) {
            mvec__cell_text(&r->columns[c], &r->cells[row * r->column_count + c], cell,
                            sizeof cell);
            size_t width = mvec__utf8_width(cell);
            if (width > widths[c])
                widths[c] = width;
        }
    }
    /* A table wider than TABLE_WIDTH with two spaces between columns is set compact (one
     * space beside a number), as a result that asks for it is. */
    bool compact = r->compact;
    size_t total = 0;
    bool any = false;
    for (size_t c = 0; c < r->column_count; c++)
        if (shown(&r->columns[c])) {
            total += widths[c] + (any ? 2 : 0);
            any = true;
        }
    if (total > TABLE_WIDTH)
        compact = true;
    for (size_t row = 0; row <= r->row_count; row++) {
        size_t line_start = out->length;
        bool first = true;
        bool previous_right = false;
        for (size_t c = 0; c < r->column_count; c++) {
            const mvec__column *column = &r->columns[c];
            if (!shown(column))
                continue;
            const char *text = cell;
            bool right = right_aligned(column);
            if (row == 0)
                text = column->header;
            else
                mvec__cell_text(column, &r->cells[(row - 1) * r->column_count + c], cell,
                                sizeof cell);
            size_t pad = widths[c] - mvec__utf8_width(text);
            if (!first)
                MVEC_TRY(mvec__buf_pad(
                    ctx, out, ' ',
                    compact && (right || previous_right || (column->flags & MVEC__COLUMN_TIGHT))
                        ? 1
                        : 2));
            first = false;
            previous_right = right;
            if (right)
                MVEC_TRY(mvec__buf_pad(ctx, out, ' ', pad));
            MVEC_TRY(mvec__buf_puts(ctx, out, text));
            if (!right)
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

/* Cost: O(length of text). */
mvec_status mvec__wrap(mvec_ctx *ctx, mvec__buf *out, const char *text, size_t column,
                       size_t indent, size_t width)
{
    mvec_status status = MVEC_OK;
    bool line_empty = true;
    for (const char *p = text; *p;) {
        if (*p == '\n') {
            MVEC_TRY(mvec__buf_putc(ctx, out, '\n'));
            MVEC_TRY(mvec__buf_pad(ctx, out, ' ', indent));
            column = indent;
            line_empty = true;
            p++;
            continue;
        }
        if (*p == ' ') {
            p++;
            continue;
        }
        size_t length = strcspn(p, " \n");
        char word[CELL_MAX];
        size_t copy = length < sizeof word - 1 ? length : sizeof word - 1;
        memcpy(word, p, copy);
        word[copy] = '\0';
        size_t word_width = mvec__utf8_width(word);
        if (!line_empty && column + 1 + word_width > width) {
            MVEC_TRY(mvec__buf_putc(ctx, out, '\n'));
            MVEC_TRY(mvec__buf_pad(ctx, out, ' ', indent));
            column = indent;
            line_empty = true;
        }
        if (!line_empty) {
            MVEC_TRY(mvec__buf_putc(ctx, out, ' '));
            column++;
        }
        MVEC_TRY(mvec__buf_append(ctx, out, p, length));
        column += word_width;
        line_empty = false;
        p += length;
    }
cleanup:
    return status;
}

/* Cost: O(rows x columns + length of the text). */
mvec_status mvec__render_records(mvec_ctx *ctx, const mvec__result *r, size_t width, mvec__buf *out)
{
    mvec_status status = MVEC_OK;
    char cell[4096];
    size_t label = 0;
    for (size_t c = 0; c < r->column_count; c++)
        if (shown(&r->columns[c]) && (r->columns[c].flags & MVEC__COLUMN_TITLE) == 0) {
            size_t w = mvec__utf8_width(r->columns[c].header);
            label = w > label ? w : label;
        }
    for (size_t row = 0; row < r->row_count; row++) {
        const mvec__cell *cells = &r->cells[row * r->column_count];
        MVEC_TRY(mvec__buf_putc(ctx, out, '\n'));
        for (size_t c = 0; c < r->column_count; c++) {
            const mvec__column *column = &r->columns[c];
            if (!shown(column) || (column->flags & MVEC__COLUMN_TITLE) == 0)
                continue;
            mvec__cell_text(column, &cells[c], cell, sizeof cell);
            MVEC_TRY(mvec__wrap(ctx, out, cell, 0, 2, width));
            MVEC_TRY(mvec__buf_putc(ctx, out, '\n'));
        }
        for (size_t c = 0; c < r->column_count; c++) {
            const mvec__column *column = &r->columns[c];
            if (!shown(column) || (column->flags & MVEC__COLUMN_TITLE) != 0)
                continue;
            mvec__cell_text(column, &cells[c], cell, sizeof cell);
            size_t used = mvec__utf8_width(column->header);
            MVEC_TRY(mvec__buf_printf(ctx, out, "  %s:", column->header));
            MVEC_TRY(mvec__buf_pad(ctx, out, ' ', label - used + 1));
            if (column->flags & MVEC__COLUMN_LIST) {
                /* one item per line */
                for (char *item = cell, *next; item != NULL; item = next) {
                    next = strstr(item, "; ");
                    if (next != NULL) {
                        *next = '\0';
                        next += 2;
                    }
                    if (item != cell)
                        MVEC_TRY(mvec__buf_pad(ctx, out, ' ', label + 4));
                    MVEC_TRY(mvec__wrap(ctx, out, item, label + 4, label + 6, width));
                    MVEC_TRY(mvec__buf_putc(ctx, out, '\n'));
                }
                continue;
            }
            MVEC_TRY(mvec__wrap(ctx, out, cell, label + 4, label + 4, width));
            MVEC_TRY(mvec__buf_putc(ctx, out, '\n'));
        }
    }
cleanup:
    return status;
}
