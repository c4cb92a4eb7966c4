/*
 * workbook.c - what every writer's Excel output shares: the Sources sheet
 * (every source behind the workbook's numbers, numbered as in the text
 * output), CSV text read back as a result (for the writers whose CSV is
 * written line by line), and the end of a writer: sheets, Sources, sink.
 */
#include <math.h>
#include <string.h>

#include "render_internal.h"

/* ---- the Sources sheet ------------------------------------------------------------------ */

enum { SOURCE_NUMBER, SOURCE_PUBLICATION, SOURCE_TITLE, SOURCE_DATE, SOURCE_QUALITY,
       SOURCE_SEED, SOURCE_URL, SOURCE_NOTE, SOURCE_COLUMNS };

static const char *const SOURCE_KEYS[SOURCE_COLUMNS] = {
    "no.", "publication", "title", "date", "quality", "seed", "url", "note",
};

mvec_status mvec__sources_init(mvec_ctx *ctx, mvec__result *sources)
{
    mvec_status status = MVEC_OK;
    for (size_t c = 0; c < SOURCE_COLUMNS; c++)
        MVEC_TRY(mvec__result_column(ctx, sources, SOURCE_KEYS[c], NULL,
                                     c == SOURCE_NUMBER ? MVEC__COLUMN_INTEGER : MVEC__COLUMN_TEXT,
                                     1, 0, 0, 0));
cleanup:
    return status;
}

static bool same_text(const char *a, const char *b)
{
    return strcmp(a ? a : "", b ? b : "") == 0;
}

mvec_status mvec__sources_add(mvec_ctx *ctx, mvec__result *sources, const char *publication,
                              const char *title, const char *date, const char *quality,
                              const char *seed, const char *url, const char *note,
                              size_t *number)
{
    mvec_status status = MVEC_OK;
    const char *texts[SOURCE_COLUMNS] = {NULL, publication, title, date, quality, seed, url, note};
    for (size_t row = 0; row < sources->row_count; row++) {
        const mvec__cell *cells = &sources->cells[row * SOURCE_COLUMNS];
        if (same_text(cells[SOURCE_PUBLICATION].text, publication) &&
            same_text(cells[SOURCE_TITLE].text, title) &&
            same_text(cells[SOURCE_DATE].text, date) && same_text(cells[SOURCE_URL].text, url) &&
            same_text(cells[SOURCE_NOTE].text, note)) {
            if (number != NULL)
                *number = row + 1;
            return MVEC_OK;
        }
    }
    MVEC_TRY(mvec__result_row(ctx, sources));
    mvec__result_number(sources, SOURCE_NUMBER, (double)sources->row_count);
    for (size_t c = SOURCE_PUBLICATION; c < SOURCE_COLUMNS; c++)
        if (texts[c] != NULL && texts[c][0] != '\0')
            MVEC_TRY(mvec__result_text(ctx, sources, c, texts[c]));
    if (number != NULL)
        *number = sources->row_count;
cleanup:
    return status;
}

mvec_status mvec__sources_observation(mvec_ctx *ctx, mvec__result *sources,
                                      const mvec_observation *o, size_t *number)
{
    return mvec__sources_add(ctx, sources, o->source, o->title, o->source_date, o->quality,
                             o->seed, o->url, NULL, number);
}

mvec_status mvec__sources_vector(mvec_ctx *ctx, mvec__result *sources,
                                 const mvec_vector_profile *v)
{
    mvec_status status = MVEC_OK;
    for (size_t i = 0; i < v->input_count; i++)
        MVEC_TRY(mvec__sources_observation(ctx, sources, v->inputs[i], NULL));
    for (size_t i = 0; i < v->excluded_count; i++)
        MVEC_TRY(mvec__sources_observation(ctx, sources, v->excluded[i], NULL));
    for (size_t i = 0; i < v->membership_count; i++)
        MVEC_TRY(mvec__sources_add(ctx, sources, v->memberships[i]->source, NULL, NULL,
                                   v->memberships[i]->quality, NULL, v->memberships[i]->url, NULL,
                                   NULL));
cleanup:
    return status;
}

mvec_status mvec__sources_column(mvec_ctx *ctx, mvec__result *sources, const mvec__result *from,
                                 const char *key)
{
    mvec_status status = MVEC_OK;
    for (size_t c = 0; c < from->column_count; c++) {
        if (strcmp(from->columns[c].key, key) != 0)
            continue;
        for (size_t row = 0; row < from->row_count; row++) {
            const char *text = from->cells[row * from->column_count + c].text;
            if (text != NULL && text[0] != '\0')
                MVEC_TRY(mvec__sources_add(ctx, sources, text, NULL, NULL, NULL, NULL, NULL, NULL,
                                           NULL));
        }
    }
cleanup:
    return status;
}

/* ---- CSV text as a result ------------------------------------------------------------- */

/* One parsed field: [start, end) of `text`, unquoted into `field`. */
static mvec_status next_field(mvec_ctx *ctx, const char *text, size_t length, size_t *at,
                              mvec__buf *field, bool *line_end)
{
    mvec_status status = MVEC_OK;
    size_t i = *at;
    mvec__buf_reset(field);
    MVEC_TRY(mvec__buf_append(ctx, field, "", 0));
    if (i < length && text[i] == '"') {
        for (i++; i < length; i++) {
            if (text[i] == '"') {
                if (i + 1 < length && text[i + 1] == '"') {
                    MVEC_TRY(mvec__buf_putc(ctx, field, '"'));
                    i++;
                    continue;
                }
                i++;
                break;
            }
            MVEC_TRY(mvec__buf_putc(ctx, field, text[i]));
        }
    }
    while (i < length && text[i] != ',' && text[i] != '\n') {
        if (text[i] != '\r')
            MVEC_TRY(mvec__buf_putc(ctx, field, text[i]));
        i++;
    }
    *line_end = i >= length || text[i] == '\n';
    *at = i < length ? i + 1 : i;
cleanup:
    return status;
}

/* The fields of every line: count x rows, owned strings in `cells`. */
typedef struct csv_table {
    char **cells;
    size_t count; /* fields */
    size_t capacity;
    size_t columns;
} csv_table;

static void csv_table_clear(mvec_ctx *ctx, csv_table *t)
{
    for (size_t i = 0; i < t->count; i++)
        mvec__free(ctx, t->cells[i]);
    mvec__free(ctx, t->cells);
}

static mvec_status csv_read(mvec_ctx *ctx, const char *text, size_t length, csv_table *t)
{
    mvec_status status = MVEC_OK;
    mvec__buf field = MVEC__BUF_INIT(MVEC__OUTPUT_MAX);
    size_t at = 0;
    size_t in_line = 0;
    while (at < length) {
        bool end = false;
        MVEC_TRY(next_field(ctx, text, length, &at, &field, &end));
        in_line++;
        if (t->columns == 0 || in_line <= t->columns) {
            MVEC_TRY(mvec__grow(ctx, &t->cells, &t->capacity, t->count + 1, sizeof *t->cells));
            t->cells[t->count] = NULL;
            MVEC_TRY(mvec__strdup(ctx, field.data ? field.data : "", &t->cells[t->count]));
            t->count++;
        }
        if (end) {
            if (t->columns == 0)
                t->columns = in_line;
            for (; in_line < t->columns; in_line++) { /* a short line: empty fields */
                MVEC_TRY(
                    mvec__grow(ctx, &t->cells, &t->capacity, t->count + 1, sizeof *t->cells));
                t->cells[t->count] = NULL;
                MVEC_TRY(mvec__strdup(ctx, "", &t->cells[t->count]));
                t->count++;
            }
            in_line = 0;
        }
    }
cleanup:
    mvec__buf_clear(ctx, &field);
    return status;
}

static bool is_number(const char *text, double *value)
{
    const char *reason;
    return text[0] != '\0' && mvec__parse_number(text, value, &reason);
}

static int decimals_of(const char *text)
{
    const char *dot = strchr(text, '.');
    if (dot == NULL)
        return 0;
    return (int)strspn(dot + 1, "0123456789");
}

static bool ends_with(const char *text, const char *suffix)
{
    size_t n = strlen(text);
    size_t m = strlen(suffix);
    return n >= m && strcmp(text + n - m, suffix) == 0;
}

/* What one CSV column becomes. */
typedef struct csv_column {
    bool numeric;     /* at least one number, so a number column */
    bool integral;    /* every number without decimals */
    int decimals;     /* most decimals seen */
    bool percent;     /* shown as percent */
    bool divide;      /* "_pct" in the key: the value / 100 ("_share": a fraction already) */
    size_t pair;      /* this is KEY_lo and pair is KEY_hi; SIZE_MAX: none */
    bool second;      /* this is the KEY_hi of a pair */
    size_t result;    /* its column in the result */
} csv_column;

mvec_status mvec__result_from_csv(mvec_ctx *ctx, const char *text, size_t length, mvec__result *r)
{
    mvec_status status = MVEC_OK;
    csv_table t = {NULL, 0, 0, 0};
    csv_column *cols = NULL;
    char stem[256];
    MVEC_TRY(csv_read(ctx, text, length, &t));
    if (t.columns == 0)
        goto cleanup;
    size_t rows = t.count / t.columns - 1;
    MVEC_TRY(mvec__calloc(ctx, t.columns, sizeof *cols, &cols));
    for (size_t c = 0; c < t.columns; c++) {
        csv_column *k = &cols[c];
        k->integral = true;
        k->pair = SIZE_MAX;
        k->divide = strstr(t.cells[c], "_pct") != NULL;
        k->percent = k->divide || ends_with(t.cells[c], "_share");
        for (size_t row = 1; row <= rows; row++) {
            double value;
            const char *field = t.cells[row * t.columns + c];
            if (!is_number(field, &value))
                continue;
            k->numeric = true;
            int d = decimals_of(field);
            if (d > 0 || strchr(field, 'e') != NULL || strchr(field, 'E') != NULL)
                k->integral = false;
            if (d > k->decimals)
                k->decimals = d;
        }
    }
    for (size_t c = 0; c + 1 < t.columns; c++) {
        const char *lo = t.cells[c];
        const char *hi = t.cells[c + 1];
        size_t n = strlen(lo);
        if (cols[c].numeric && cols[c + 1].numeric && ends_with(lo, "_lo") &&
            ends_with(hi, "_hi") && strlen(hi) == n && strncmp(lo, hi, n - 3) == 0) {
            cols[c].pair = c + 1;
            cols[c + 1].second = true;
            c++;
        }
    }
    for (size_t c = 0; c < t.columns; c++) {
        csv_column *k = &cols[c];
        if (k->second)
            continue;
        const char *key = t.cells[c];
        mvec__column_type type = !k->numeric ? MVEC__COLUMN_TEXT
                                 : k->pair != SIZE_MAX ? MVEC__COLUMN_INTERVAL
                                 : k->integral && !k->percent ? MVEC__COLUMN_INTEGER
                                                              : MVEC__COLUMN_NUMBER;
        /* decimals shown: as the CSV's, at most 4 (2 for percent) */
        int shown = k->percent ? (k->divide ? (k->decimals > 2 ? 2 : k->decimals) : 2)
                               : (k->decimals > 4 ? 4 : k->decimals);
        if (k->pair != SIZE_MAX) {
            mvec__format_c(stem, sizeof stem, "%.*s", (int)(strlen(key) - 3), key);
            key = stem;
        }
        /* "share_pct" is headed "share %" ("stage_share" gets its " %" from render_xlsx.c) */
        char header[256];
        const char *pct = strstr(key, "_pct");
        if (k->divide && pct != NULL)
            mvec__format_c(header, sizeof header, "%.*s%s %%", (int)(pct - key), key, pct + 4);
        k->result = r->column_count;
        MVEC_TRY(mvec__result_column(ctx, r, key, k->divide && pct != NULL ? header : NULL, type,
                                     k->percent ? 100 : 1, shown, MVEC__DECIMALS_EXACT, 0));
    }
    for (size_t row = 1; row <= rows; row++) {
        MVEC_TRY(mvec__result_row(ctx, r));
        for (size_t c = 0; c < t.columns; c++) {
            const csv_column *k = &cols[c];
            const char *field = t.cells[row * t.columns + c];
            double value = NAN;
            bool number = is_number(field, &value);
            if (k->divide)
                value /= 100;
            if (k->second) {
                r->cells[(r->row_count - 1) * r->column_count + cols[c - 1].result].interval.hi =
                    number ? value : NAN;
                continue;
            }
            if (!k->numeric) {
                MVEC_TRY(mvec__result_text(ctx, r, k->result, field));
            } else if (k->pair != SIZE_MAX) {
                r->cells[(r->row_count - 1) * r->column_count + k->result].interval.lo =
                    number ? value : NAN;
            } else if (number) {
                mvec__result_number(r, k->result, value);
            } else if (field[0] != '\0') {
                MVEC_TRY(mvec__result_text(ctx, r, k->result, field)); /* a word: "unbounded" */
            }
        }
    }
cleanup:
    mvec__free(ctx, cols);
    csv_table_clear(ctx, &t);
    return status;
}

/* ---- a writer's workbook --------------------------------------------------------------- */

mvec_status mvec__workbook_emit(mvec_ctx *ctx, const mvec__sheet *sheets, size_t count,
                                const mvec__result *sources, mvec__buf *out,
                                const mvec_sink *sink)
{
    mvec_status status = MVEC_OK;
    mvec__sheet *all = NULL;
    MVEC_TRY(mvec__calloc(ctx, count + 1, sizeof *all, &all));
    memcpy(all, sheets, count * sizeof *all);
    size_t n = count;
    if (sources != NULL && sources->row_count > 0)
        all[n++] = (mvec__sheet){"Sources", sources};
    MVEC_TRY(mvec__render_xlsx(ctx, all, n, out));
    MVEC_TRY(mvec__sink_emit(ctx, sink, out));
cleanup:
    mvec__free(ctx, all);
    return status;
}

mvec_status mvec_workbook_write_csv(mvec_ctx *ctx, const mvec_csv_sheet *sheets, size_t count,
                                    const mvec_sink *sink)
{
    mvec_status status = MVEC_OK;
    mvec__result *results = NULL;
    mvec__sheet *named = NULL;
    mvec__buf out = MVEC__BUF_INIT(MVEC__OUTPUT_MAX);
    size_t made = 0;
    if (count == 0 || sheets == NULL)
        MVEC_FAIL(ctx, MVEC_ERR_INVALID, "a workbook needs at least one sheet");
    for (size_t i = 0; i < count; i++) {
        size_t bad = 0;
        if (sheets[i].csv == NULL)
            MVEC_FAIL(ctx, MVEC_ERR_INVALID, "sheet %zu has no text", i + 1);
        /* the workbook's XML must be UTF-8 (names are cleaned; texts are refused) */
        if (!mvec__utf8_valid(sheets[i].csv, sheets[i].length, &bad))
            MVEC_FAIL(ctx, MVEC_ERR_INVALID, "sheet %zu: the text is not UTF-8 (byte %zu)", i + 1,
                      bad + 1);
    }
    MVEC_TRY(mvec__calloc(ctx, count, sizeof *results, &results));
    MVEC_TRY(mvec__calloc(ctx, count, sizeof *named, &named));
    for (; made < count; made++) {
        mvec__result_init(&results[made]);
        MVEC_TRY(mvec__result_from_csv(ctx, sheets[made].csv, sheets[made].length,
                                       &results[made]));
        named[made] = (mvec__sheet){sheets[made].name, &results[made]};
    }
    MVEC_TRY(mvec__workbook_emit(ctx, named, count, NULL, &out, sink));
cleanup:
    for (size_t i = 0; results != NULL && i < count && i <= made; i++)
        mvec__result_clear(ctx, &results[i]);
    mvec__free(ctx, results);
    mvec__free(ctx, named);
    mvec__buf_clear(ctx, &out);
    return status;
}
