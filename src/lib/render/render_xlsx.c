/*
 * render_xlsx.c - results as an Excel workbook (Office Open XML), one
 * worksheet per result, through libxlsxwriter (the only file that includes
 * xlsxwriter.h; docs/formats.md, "Excel workbooks").
 *
 * The columns are the CSV's (MVEC__COLUMN_NO_CSV left out), in its order; an
 * interval gives two columns "<header> (low)" and "<header> (high)". Numbers
 * are stored as numbers in full precision: a column scaled to percent holds
 * the fraction with a percent format showing the text table's decimals (so
 * does a column in percent units, its key ending in "_pct": the value / 100),
 * money and volume columns (MVEC__COLUMN_THOUSANDS, or a key ending in
 * "_usd") a thousands format, integers and years a plain one. Missing cells
 * stay empty; a number that is not finite, or a word in a number column
 * ("unbounded"), is written as the text the CSV has. The header row is
 * bold, frozen and filtered; widths fit the longest cell (at most 60
 * characters, longer text wrapped).
 *
 * libxlsxwriter writes only to a named file and allocates with malloc, not
 * through the context's hook: the workbook goes to a temporary file (mkstemp
 * in $TMPDIR, else /tmp; libxlsxwriter's own temporary files there too),
 * which is read back into `out` and removed. On any failure `out` is left as
 * it was, so nothing reaches the sink. Cost: O(cells) time. libxlsxwriter
 * runs in its constant-memory mode: each row goes to a temporary file as it
 * is written (the rows are written in order, after a first pass has set the
 * widths), and strings are stored inline rather than in a shared table, so
 * its memory does not grow with the rows (a 429,000-row sheet: 660 MB peak
 * for the whole command instead of 1.3 GB, and 25 % faster; the file is
 * about 17 % larger).
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include <xlsxwriter.h>

#include "render_internal.h"

enum {
    SHEET_NAME_MAX = 31,   /* Excel's limit, in characters */
    WIDTH_MAX = 60,        /* characters; longer text wraps */
    WIDTH_MIN = 4,
    STRING_MAX = 32767,    /* characters in a cell (Excel) */
    ROWS_MAX = 1048576,    /* rows in a worksheet, the header included */
    FORMAT_TEXT_MAX = 48,
    CELL_TEXT_MAX = 512,
};

/* How a worksheet column shows its numbers. */
typedef struct sheet_column {
    const mvec__column *column;
    int end;              /* interval: 0 low, 1 high; else 0 */
    bool percent;         /* the fraction, shown as percent */
    bool in_percent;      /* the value is in percent units (a key ending in "_pct"): / 100 */
    bool thousands;       /* #,##0 grouping */
    int decimals;         /* shown */
    size_t width;         /* characters of the longest cell */
    lxw_format *format;   /* owned by the workbook */
} sheet_column;

static bool in_csv(const mvec__column *column)
{
    return (column->flags & MVEC__COLUMN_NO_CSV) == 0;
}

static bool ends_with(const char *text, const char *suffix)
{
    size_t n = strlen(text);
    size_t m = strlen(suffix);
    return n >= m && strcmp(text + n - m, suffix) == 0;
}

/* "#,##0.00", "0.0%", "0": the Excel number format of a column; "General"
 * for decimals -1 (a column of mixed units). */
static void number_format(const sheet_column *s, char *out, size_t size)
{
    if (s->decimals < 0 && !s->percent) {
        mvec__format_c(out, size, "General");
        return;
    }
    char zeros[24] = "";
    int decimals = s->decimals < 0 ? 0 : (s->decimals > 15 ? 15 : s->decimals);
    if (decimals > 0) {
        zeros[0] = '.';
        memset(zeros + 1, '0', (size_t)decimals);
        zeros[decimals + 1] = '\0';
    }
    mvec__format_c(out, size, "%s%s%s", s->thousands ? "#,##0" : "0", zeros,
                   s->percent ? "%" : "");
}

/* The text a number cell shows, for the column width. */
static size_t shown_width(const sheet_column *s, double value)
{
    char text[64];
    if (s->decimals < 0 && !s->percent) {
        mvec__format_c(text, sizeof text, "%.10g", value); /* General shows about 10 digits */
        return strlen(text);
    }
    mvec__fmt_fixed(text, s->percent ? value * 100 : value, s->decimals < 0 ? 0 : s->decimals);
    size_t width = strlen(text) + (s->percent ? 1 : 0);
    if (s->thousands) {
        size_t digits = strcspn(text, ".") - (text[0] == '-' ? 1 : 0);
        width += digits > 3 ? (digits - 1) / 3 : 0;
    }
    return width;
}

/* A cell's number (NaN when missing) and, when it is not a storable number,
 * its text (a word in a number column, or "inf"). */
static double cell_number(const sheet_column *s, const mvec__cell *cell)
{
    const mvec__column *c = s->column;
    double value = cell->number;
    if (c->type == MVEC__COLUMN_INTERVAL)
        value = s->end == 0 ? cell->interval.lo : cell->interval.hi;
    if (isnan(value))
        return value;
    if (s->in_percent)
        return value / 100;
    return s->percent ? value : value * c->scale;
}

static const char *cell_word(const sheet_column *s, const mvec__cell *cell, double value,
                             char *buffer)
{
    if (s->column->type == MVEC__COLUMN_TEXT)
        return cell->text;
    if (isnan(value))
        return s->column->type == MVEC__COLUMN_INTERVAL ? NULL : cell->text;
    if (isinf(value)) {
        mvec__fmt_fixed(buffer, value, 0);
        return buffer;
    }
    return NULL;
}

/* Copy at most STRING_MAX characters of `text` (UTF-8) when it is longer. */
static mvec_status clip(mvec_ctx *ctx, const char *text, char **copy, const char **out)
{
    *out = text;
    size_t characters = 0;
    size_t at = 0;
    for (; text[at] != '\0'; at++)
        if (((unsigned char)text[at] & 0xC0) != 0x80 && ++characters > STRING_MAX)
            break;
    if (text[at] == '\0')
        return MVEC_OK;
    mvec_status status = mvec__strndup(ctx, text, at, copy);
    if (status == MVEC_OK)
        *out = *copy;
    return status;
}

/* A sheet name Excel takes: at most 31 characters, none of []:*?/\, no
 * apostrophe at either end, not empty, unique among `used` (" (2)", ...). */
static void sheet_name(const char *wanted, char used[][4 * SHEET_NAME_MAX + 1], size_t count,
                       char *out)
{
    char base[4 * SHEET_NAME_MAX + 1];
    size_t length = 0;
    size_t characters = 0;
    for (const char *p = wanted ? wanted : ""; *p && characters < SHEET_NAME_MAX; p++) {
        unsigned char c = (unsigned char)*p;
        bool lead = (c & 0xC0) != 0x80;
        if (lead)
            characters++;
        if (lead && c >= 0x80) { /* keep a whole character or none */
            size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
            if (strnlen(p, n) < n)
                break;
            memcpy(base + length, p, n);
            length += n;
            p += n - 1;
            continue;
        }
        base[length++] = strchr("[]:*?/\\", *p) != NULL || c < 0x20 ? '-' : *p;
    }
    while (length > 0 && (base[length - 1] == '\'' || base[length - 1] == ' '))
        length--;
    base[length] = '\0';
    const char *start = base;
    while (*start == '\'')
        start++;
    if (*start == '\0')
        start = "Sheet";
    for (unsigned n = 1;; n++) {
        char suffix[16] = "";
        if (n > 1)
            snprintf(suffix, sizeof suffix, " (%u)", n);
        /* room for the suffix within 31 characters */
        size_t keep = strlen(start);
        size_t limit = SHEET_NAME_MAX - strlen(suffix);
        size_t chars = 0;
        size_t cut = 0;
        for (; cut < keep; cut++)
            if (((unsigned char)start[cut] & 0xC0) != 0x80 && ++chars > limit)
                break;
        snprintf(out, 4 * SHEET_NAME_MAX + 1, "%.*s%s", (int)cut, start, suffix);
        bool taken = false;
        for (size_t i = 0; i < count && !taken; i++)
            taken = strcasecmp(used[i], out) == 0; /* Excel compares names case-blind */
        if (!taken)
            return;
    }
}

static mvec_status xlsx_error(mvec_ctx *ctx, lxw_error error, const char *what)
{
    if (error == LXW_ERROR_MEMORY_MALLOC_FAILED)
        return mvec__error(ctx, MVEC_ERR_NOMEM, "out of memory (writing the workbook)");
    return mvec__error(ctx, MVEC_ERR_IO, "cannot write the workbook: %s: %s", what,
                       lxw_strerror(error));
}

#define LXW_TRY(call, what)                                                                      \
    do {                                                                                         \
        lxw_error lxw_status_ = (call);                                                          \
        if (lxw_status_ != LXW_NO_ERROR) {                                                       \
            status = xlsx_error(ctx, lxw_status_, what);                                         \
            goto cleanup;                                                                        \
        }                                                                                        \
    } while (0)

/* The worksheet columns of a result: the CSV's, an interval as two. */
static mvec_status sheet_columns(mvec_ctx *ctx, const mvec__result *r, sheet_column **out,
                                 size_t *count)
{
    size_t n = 0;
    for (size_t c = 0; c < r->column_count; c++)
        if (in_csv(&r->columns[c]))
            n += r->columns[c].type == MVEC__COLUMN_INTERVAL ? 2 : 1;
    mvec_status status = mvec__calloc(ctx, n ? n : 1, sizeof **out, out);
    if (status != MVEC_OK)
        return status;
    size_t at = 0;
    for (size_t c = 0; c < r->column_count; c++) {
        const mvec__column *column = &r->columns[c];
        if (!in_csv(column))
            continue;
        for (int end = 0; end < (column->type == MVEC__COLUMN_INTERVAL ? 2 : 1); end++) {
            sheet_column *s = &(*out)[at++];
            s->column = column;
            s->end = end;
            s->in_percent = column->type != MVEC__COLUMN_TEXT && column->scale > 0.99 &&
                            column->scale < 1.01 && ends_with(column->key, "_pct");
            s->percent = s->in_percent || (column->type != MVEC__COLUMN_TEXT &&
                                           column->scale > 99 && column->scale < 101);
            s->thousands = column->type != MVEC__COLUMN_TEXT && column->type != MVEC__COLUMN_INTERVAL && !s->percent &&
                           ((column->flags & MVEC__COLUMN_THOUSANDS) != 0 ||
                            ends_with(column->key, "_usd") || strcmp(column->key, "usd") == 0);
            s->decimals = column->type == MVEC__COLUMN_INTEGER ? 0 : column->decimals;
        }
    }
    *count = n;
    return MVEC_OK;
}

static mvec_status write_sheet(mvec_ctx *ctx, lxw_workbook *book, const char *name,
                               const mvec__result *r, lxw_format *bold)
{
    mvec_status status = MVEC_OK;
    sheet_column *columns = NULL;
    size_t count = 0;
    char *clipped = NULL;
    char header[CELL_TEXT_MAX];
    char word[64];
    if (r->row_count + 1 > ROWS_MAX)
        MVEC_FAIL(ctx, MVEC_ERR_LIMIT, "%zu rows do not fit an Excel worksheet (at most %d)",
                  r->row_count, ROWS_MAX - 1);
    MVEC_TRY(sheet_columns(ctx, r, &columns, &count));
    lxw_worksheet *sheet = workbook_add_worksheet(book, name);
    if (sheet == NULL)
        MVEC_FAIL(ctx, MVEC_ERR_NOMEM, "out of memory (adding worksheet '%s')", name);
    for (size_t i = 0; i < count; i++) {
        sheet_column *s = &columns[i];
        const mvec__column *c = s->column;
        /* the text table's header; a column only the CSV has is headed by its key, with
         * " %" when it is a share in percent (so "top1" the partner, "top1 %" its share) */
        const char *unit = s->percent && strcmp(c->header, c->key) == 0 ? " %" : "";
        if (c->type == MVEC__COLUMN_INTERVAL)
            mvec__format_c(header, sizeof header, "%s%s (%s)", c->header, unit,
                           s->end ? "high" : "low");
        else
            mvec__format_c(header, sizeof header, "%s%s", c->header, unit);
        s->width = mvec__utf8_width(header);
        LXW_TRY(worksheet_write_string(sheet, 0, (lxw_col_t)i, header, bold), "header");
        for (size_t row = 0; row < r->row_count; row++) {
            const mvec__cell *cell = &r->cells[row * r->column_count + (size_t)(c - r->columns)];
            double value = cell_number(s, cell);
            const char *text = cell_word(s, cell, value, word);
            size_t width = 0;
            if (text != NULL) {
                const char *shown = NULL;
                mvec__free(ctx, clipped);
                clipped = NULL;
                MVEC_TRY(clip(ctx, text, &clipped, &shown));
                width = mvec__utf8_width(shown);
            } else if (!isnan(value)) {
                width = shown_width(s, value);
            }
            if (width > s->width)
                s->width = width;
        }
    }
    /* formats after the widths: text longer than WIDTH_MAX wraps */
    for (size_t i = 0; i < count; i++) {
        sheet_column *s = &columns[i];
        s->format = workbook_add_format(book);
        if (s->format == NULL)
            MVEC_FAIL(ctx, MVEC_ERR_NOMEM, "out of memory (a cell format)");
        if (s->column->type == MVEC__COLUMN_TEXT) {
            if (s->width > WIDTH_MAX)
                format_set_text_wrap(s->format);
        } else {
            char text[FORMAT_TEXT_MAX];
            number_format(s, text, sizeof text);
            format_set_num_format(s->format, text);
        }
        double width = (double)(s->width < WIDTH_MIN ? WIDTH_MIN
                                : s->width > WIDTH_MAX ? WIDTH_MAX
                                                       : s->width) +
                       1.5;
        LXW_TRY(worksheet_set_column(sheet, (lxw_col_t)i, (lxw_col_t)i, width, s->format),
                "column width");
    }
    for (size_t row = 0; row < r->row_count; row++) {
        for (size_t i = 0; i < count; i++) {
            const sheet_column *s = &columns[i];
            size_t c = (size_t)(s->column - r->columns);
            const mvec__cell *cell = &r->cells[row * r->column_count + c];
            double value = cell_number(s, cell);
            const char *text = cell_word(s, cell, value, word);
            lxw_row_t at = (lxw_row_t)(row + 1);
            if (text != NULL) {
                const char *shown = NULL;
                mvec__free(ctx, clipped);
                clipped = NULL;
                MVEC_TRY(clip(ctx, text, &clipped, &shown));
                if (shown[0] != '\0')
                    LXW_TRY(worksheet_write_string(sheet, at, (lxw_col_t)i, shown, s->format),
                            "a text cell");
            } else if (!isnan(value)) {
                LXW_TRY(worksheet_write_number(sheet, at, (lxw_col_t)i, value, s->format),
                        "a number cell");
            }
        }
    }
    worksheet_freeze_panes(sheet, 1, 0);
    if (count > 0)
        LXW_TRY(worksheet_autofilter(sheet, 0, 0, (lxw_row_t)r->row_count, (lxw_col_t)(count - 1)),
                "filter");
cleanup:
    mvec__free(ctx, clipped);
    mvec__free(ctx, columns);
    return status;
}

/* Read the file at `path` onto the end of `out`. */
static mvec_status read_back(mvec_ctx *ctx, const char *path, mvec__buf *out)
{
    mvec_status status = MVEC_OK;
    char chunk[1 << 14];
    size_t start = out->length;
    FILE *file = fopen(path, "rb");
    if (file == NULL)
        MVEC_FAIL(ctx, MVEC_ERR_IO, "cannot read the workbook back from '%s': %s", path,
                  strerror(errno));
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, file)) > 0)
        MVEC_TRY(mvec__buf_append(ctx, out, chunk, n));
    if (ferror(file))
        MVEC_FAIL(ctx, MVEC_ERR_IO, "cannot read the workbook back from '%s'", path);
cleanup:
    if (file != NULL)
        fclose(file);
    if (status != MVEC_OK && out->data != NULL) {
        out->length = start;
        out->data[start] = '\0';
    }
    return status;
}

mvec_status mvec__render_xlsx(mvec_ctx *ctx, const mvec__sheet *sheets, size_t count,
                              mvec__buf *out)
{
    mvec_status status = MVEC_OK;
    char (*names)[4 * SHEET_NAME_MAX + 1] = NULL;
    char *path = NULL;
    char *dir = NULL;
    lxw_workbook *book = NULL;
    bool created = false;
    const char *tmp = getenv("TMPDIR");
    if (tmp == NULL || tmp[0] == '\0')
        tmp = "/tmp";
    MVEC_TRY(mvec__strdup(ctx, tmp, &dir));
    size_t size = strlen(tmp) + sizeof "/mvec-xlsx-XXXXXX";
    MVEC_TRY(mvec__alloc(ctx, size, &path));
    mvec__format_c(path, size, "%s/mvec-xlsx-XXXXXX", tmp);
    MVEC_TRY(mvec__calloc(ctx, count ? count : 1, sizeof *names, &names));
    int fd = mkstemp(path);
    if (fd < 0)
        MVEC_FAIL(ctx, MVEC_ERR_IO, "cannot create a temporary file in '%s': %s", tmp,
                  strerror(errno));
    created = true;
    close(fd);
    lxw_workbook_options options = {.constant_memory = LXW_TRUE, .tmpdir = dir,
                                    .use_zip64 = LXW_TRUE};
    book = workbook_new_opt(path, &options);
    if (book == NULL)
        MVEC_FAIL(ctx, MVEC_ERR_NOMEM, "out of memory (starting the workbook)");
    /* A fixed creation time keeps the output deterministic, as the other formats are. */
    char author[] = "mvec";
    lxw_doc_properties properties = {.title = NULL, .author = author, .created = 1};
    LXW_TRY(workbook_set_properties(book, &properties), "properties");
    lxw_format *bold = workbook_add_format(book);
    if (bold == NULL)
        MVEC_FAIL(ctx, MVEC_ERR_NOMEM, "out of memory (a cell format)");
    format_set_bold(bold);
    for (size_t i = 0; i < count; i++) {
        sheet_name(sheets[i].name, names, i, names[i]);
        MVEC_TRY(write_sheet(ctx, book, names[i], sheets[i].result, bold));
    }
    lxw_workbook *closing = book;
    book = NULL; /* workbook_close frees it, whatever it returns */
    LXW_TRY(workbook_close(closing), "closing");
    MVEC_TRY(read_back(ctx, path, out));
cleanup:
    lxw_workbook_free(book); /* NULL-safe; writes nothing */
    if (created)
        unlink(path);
    mvec__free(ctx, names);
    mvec__free(ctx, path);
    mvec__free(ctx, dir);
    return status;
}
