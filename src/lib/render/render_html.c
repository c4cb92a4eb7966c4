/*
 * render_html.c - a result as HTML for the report (write_report.c): tables
 * and records, every text escaped. Cells print as the text table prints them
 * (mvec__cell_text: one number format, intervals as ranges); the column flags
 * REFS, STACK and BADGE add links to the source list, a median over its band,
 * and a framed verdict.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "render_internal.h"

enum { CELL_MAX = 4096 };

mvec_status mvec__html_escape(mvec_ctx *ctx, mvec__buf *out, const char *text)
{
    mvec_status status = MVEC_OK;
    const char *run = text;
    for (const char *p = text;; p++) {
        const char *entity = NULL;
        unsigned char c = (unsigned char)*p;
        switch (c) {
        case '&':
            entity = "&amp;";
            break;
        case '<':
            entity = "&lt;";
            break;
        case '>':
            entity = "&gt;";
            break;
        case '"':
            entity = "&quot;";
            break;
        case '\'':
            entity = "&#39;";
            break;
        default:
            if (c != '\0' && (c >= 0x20 || c == '\t' || c == '\n') && c != 0x7f)
                continue;
            entity = ""; /* a control character (or the end): left out */
            break;
        }
        MVEC_TRY(mvec__buf_append(ctx, out, run, (size_t)(p - run)));
        if (c == '\0')
            break;
        MVEC_TRY(mvec__buf_puts(ctx, out, entity));
        run = p + 1;
    }
cleanup:
    return status;
}

bool mvec__html_linkable(const char *url)
{
    if (strncmp(url, "https://", 8) != 0 && strncmp(url, "http://", 7) != 0)
        return false;
    for (const char *p = url; *p; p++) /* characters a URL carries only percent-encoded */
        if ((unsigned char)*p <= 0x20 || *p == 0x7f || strchr("\"<>`\\{}|^", *p) != NULL)
            return false;
    return true;
}

mvec_status mvec__html_link(mvec_ctx *ctx, mvec__buf *out, const char *url, const char *text)
{
    mvec_status status = MVEC_OK;
    if (url != NULL && mvec__html_linkable(url)) {
        MVEC_TRY(mvec__buf_puts(ctx, out, "<a href=\""));
        MVEC_TRY(mvec__html_escape(ctx, out, url));
        MVEC_TRY(mvec__buf_puts(ctx, out, "\">"));
        MVEC_TRY(mvec__html_escape(ctx, out, text));
        MVEC_TRY(mvec__buf_puts(ctx, out, "</a>"));
    } else {
        MVEC_TRY(mvec__html_escape(ctx, out, text));
        if (url != NULL && url[0] != '\0' && strcmp(url, text) != 0) {
            MVEC_TRY(mvec__buf_puts(ctx, out, " ("));
            MVEC_TRY(mvec__html_escape(ctx, out, url));
            MVEC_TRY(mvec__buf_puts(ctx, out, ")"));
        }
    }
cleanup:
    return status;
}

static bool numeric(const mvec__column *column)
{
    return column->type != MVEC__COLUMN_TEXT || (column->flags & MVEC__COLUMN_RIGHT) != 0 ||
           (column->flags & MVEC__COLUMN_STACK) != 0;
}

/* "3 12 40" as links [3] [12] [40]; a run of three or more consecutive numbers as its ends,
 * [230]–[244]. */
static mvec_status put_refs(mvec_ctx *ctx, mvec__buf *out, const char *text)
{
    mvec_status status = MVEC_OK;
    unsigned long numbers[512];
    size_t count = 0;
    const char *p = text;
    while (*p && count < sizeof numbers / sizeof *numbers) {
        char *end = NULL;
        unsigned long number = strtoul(p, &end, 10);
        if (end == p)
            break;
        numbers[count++] = number;
        p = end;
        while (*p == ' ')
            p++;
    }
    for (size_t i = 0; i < count;) {
        size_t run = i;
        while (run + 1 < count && numbers[run + 1] == numbers[run] + 1)
            run++;
        MVEC_TRY(mvec__buf_printf(ctx, out, "%s<a class=\"ref\" href=\"#src-%lu\">[%lu]</a>",
                                  i ? " " : "", numbers[i], numbers[i]));
        if (run >= i + 2) {
            MVEC_TRY(mvec__buf_printf(ctx, out, "–<a class=\"ref\" href=\"#src-%lu\">[%lu]</a>",
                                      numbers[run], numbers[run]));
            i = run + 1;
        } else {
            i++;
        }
    }
    if (*p) /* not a number: printed as it is */
        MVEC_TRY(mvec__html_escape(ctx, out, p));
cleanup:
    return status;
}

/* A text "A (B)" as A over B; other text as it is. */
static mvec_status put_stacked(mvec_ctx *ctx, mvec__buf *out, char *text)
{
    mvec_status status = MVEC_OK;
    char *open = strstr(text, " (");
    size_t length = strlen(text);
    if (open == NULL || length < 2 || text[length - 1] != ')') {
        MVEC_TRY(mvec__html_escape(ctx, out, text));
        goto cleanup;
    }
    *open = '\0';
    text[length - 1] = '\0';
    MVEC_TRY(mvec__buf_puts(ctx, out, "<span class=\"median\">"));
    MVEC_TRY(mvec__html_escape(ctx, out, text));
    MVEC_TRY(mvec__buf_puts(ctx, out, "</span> <span class=\"band\">"));
    MVEC_TRY(mvec__html_escape(ctx, out, open + 2));
    MVEC_TRY(mvec__buf_puts(ctx, out, "</span>"));
cleanup:
    return status;
}

/* A framed word: the class keeps letters, digits and '-' of the text. */
static mvec_status put_badge(mvec_ctx *ctx, mvec__buf *out, const char *text)
{
    char name[64];
    size_t n = 0;
    for (const char *p = text; *p && n + 1 < sizeof name; p++)
        if ((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '-')
            name[n++] = *p;
    name[n] = '\0';
    mvec_status status = mvec__buf_printf(ctx, out, "<span class=\"badge badge-%s\">", name);
    if (status == MVEC_OK)
        status = mvec__html_escape(ctx, out, text);
    if (status == MVEC_OK)
        status = mvec__buf_puts(ctx, out, "</span>");
    return status;
}

static mvec_status put_cell(mvec_ctx *ctx, mvec__buf *out, const mvec__column *column,
                            const mvec__cell *cell)
{
    char text[CELL_MAX];
    mvec__cell_text(column, cell, text, sizeof text);
    bool missing = column->type == MVEC__COLUMN_TEXT && cell->text == NULL;
    if (!missing && (column->flags & MVEC__COLUMN_REFS))
        return put_refs(ctx, out, text);
    if (!missing && (column->flags & MVEC__COLUMN_STACK))
        return put_stacked(ctx, out, text);
    if (!missing && (column->flags & MVEC__COLUMN_BADGE))
        return put_badge(ctx, out, text);
    return mvec__html_escape(ctx, out, text);
}

static mvec_status put_header(mvec_ctx *ctx, mvec__buf *out, const mvec__column *column)
{
    mvec_status status = MVEC_OK;
    MVEC_TRY(mvec__buf_puts(ctx, out, "<th scope=\"col\" data-key=\""));
    MVEC_TRY(mvec__html_escape(ctx, out, column->key));
    MVEC_TRY(mvec__buf_putc(ctx, out, '"'));
    if (islessgreater(column->scale, 1) && islessgreater(column->scale, 0)) {
        char scale[64];
        mvec__fmt_exact(scale, column->scale);
        MVEC_TRY(mvec__buf_printf(ctx, out, " data-scale=\"%s\"", scale));
    }
    if (numeric(column))
        MVEC_TRY(mvec__buf_puts(ctx, out, " class=\"num\""));
    MVEC_TRY(mvec__buf_putc(ctx, out, '>'));
    MVEC_TRY(mvec__html_escape(ctx, out, column->header));
    MVEC_TRY(mvec__buf_puts(ctx, out, "</th>"));
cleanup:
    return status;
}

/* Cost: O(rows x columns). */
mvec_status mvec__render_html(mvec_ctx *ctx, const mvec__result *r, const size_t *columns,
                              size_t count, const char *caption, const char *css_class,
                              mvec__buf *out)
{
    mvec_status status = MVEC_OK;
    size_t *shown = NULL;
    if (columns == NULL) {
        MVEC_TRY(mvec__calloc(ctx, r->column_count ? r->column_count : 1, sizeof *shown, &shown));
        count = 0;
        for (size_t c = 0; c < r->column_count; c++)
            if ((r->columns[c].flags & MVEC__COLUMN_NO_TEXT) == 0)
                shown[count++] = c;
        columns = shown;
    }
    MVEC_TRY(mvec__buf_printf(ctx, out, "<table class=\"%s\">\n", css_class ? css_class : ""));
    if (caption != NULL) {
        MVEC_TRY(mvec__buf_puts(ctx, out, "<caption>"));
        MVEC_TRY(mvec__html_escape(ctx, out, caption));
        MVEC_TRY(mvec__buf_puts(ctx, out, "</caption>\n"));
    }
    MVEC_TRY(mvec__buf_puts(ctx, out, "<thead><tr>"));
    for (size_t i = 0; i < count; i++)
        MVEC_TRY(put_header(ctx, out, &r->columns[columns[i]]));
    MVEC_TRY(mvec__buf_puts(ctx, out, "</tr></thead>\n<tbody>\n"));
    for (size_t row = 0; row < r->row_count; row++) {
        MVEC_TRY(mvec__check_cancel(ctx));
        MVEC_TRY(mvec__buf_puts(ctx, out, "<tr>"));
        for (size_t i = 0; i < count; i++) {
            const mvec__column *column = &r->columns[columns[i]];
            const mvec__cell *cell = &r->cells[row * r->column_count + columns[i]];
            MVEC_TRY(mvec__buf_puts(ctx, out, numeric(column)                       ? "<td class=\"num\">"
                                              : (column->flags & MVEC__COLUMN_REFS) ? "<td class=\"refs\">"
                                                                                   : "<td>"));
            MVEC_TRY(put_cell(ctx, out, column, cell));
            MVEC_TRY(mvec__buf_puts(ctx, out, "</td>"));
        }
        MVEC_TRY(mvec__buf_puts(ctx, out, "</tr>\n"));
    }
    MVEC_TRY(mvec__buf_puts(ctx, out, "</tbody>\n</table>\n"));
cleanup:
    mvec__free(ctx, shown);
    return status;
}

/* Cost: O(rows x columns + length of the text). */
mvec_status mvec__render_html_records(mvec_ctx *ctx, const mvec__result *r, mvec__buf *out)
{
    mvec_status status = MVEC_OK;
    char text[CELL_MAX];
    for (size_t row = 0; row < r->row_count; row++) {
        const mvec__cell *cells = &r->cells[row * r->column_count];
        MVEC_TRY(mvec__buf_puts(ctx, out, "<div class=\"record\">\n"));
        for (size_t c = 0; c < r->column_count; c++) {
            const mvec__column *column = &r->columns[c];
            if ((column->flags & MVEC__COLUMN_NO_TEXT) || !(column->flags & MVEC__COLUMN_TITLE))
                continue;
            mvec__cell_text(column, &cells[c], text, sizeof text);
            MVEC_TRY(mvec__buf_puts(ctx, out, "<h3>"));
            MVEC_TRY(mvec__html_escape(ctx, out, text));
            MVEC_TRY(mvec__buf_puts(ctx, out, "</h3>\n"));
        }
        MVEC_TRY(mvec__buf_puts(ctx, out, "<dl>\n"));
        for (size_t c = 0; c < r->column_count; c++) {
            const mvec__column *column = &r->columns[c];
            if ((column->flags & MVEC__COLUMN_NO_TEXT) || (column->flags & MVEC__COLUMN_TITLE))
                continue;
            MVEC_TRY(mvec__buf_puts(ctx, out, "<dt>"));
            MVEC_TRY(mvec__html_escape(ctx, out, column->header));
            MVEC_TRY(mvec__buf_puts(ctx, out, "</dt><dd data-key=\""));
            MVEC_TRY(mvec__html_escape(ctx, out, column->key));
            MVEC_TRY(mvec__buf_puts(ctx, out, "\">"));
            if ((column->flags & MVEC__COLUMN_LIST) && cells[c].text != NULL) {
                mvec__cell_text(column, &cells[c], text, sizeof text);
                MVEC_TRY(mvec__buf_puts(ctx, out, "<ul>"));
                for (char *item = text, *next; item != NULL; item = next) {
                    next = strstr(item, "; ");
                    if (next != NULL) {
                        *next = '\0';
                        next += 2;
                    }
                    MVEC_TRY(mvec__buf_puts(ctx, out, "<li>"));
                    MVEC_TRY(mvec__html_escape(ctx, out, item));
                    MVEC_TRY(mvec__buf_puts(ctx, out, "</li>"));
                }
                MVEC_TRY(mvec__buf_puts(ctx, out, "</ul>"));
            } else {
                MVEC_TRY(put_cell(ctx, out, column, &cells[c]));
            }
            MVEC_TRY(mvec__buf_puts(ctx, out, "</dd>\n"));
        }
        MVEC_TRY(mvec__buf_puts(ctx, out, "</dl>\n</div>\n"));
    }
cleanup:
    return status;
}
