/*
 * flow_select.c - the row filters of a flow reader (struct mvec__flow_filter in
 * flow_readers.c), applied before the parser for sources that mix bilateral rows
 * with totals, breakdowns and special flows (UN Comtrade).
 *
 * One pass over the text. The header line is copied; each row is split into
 * fields as the parser splits them (a field may be quoted, "" escapes a quote,
 * no field spans lines); every filtered column's value is looked up in its
 * filter: a row left out becomes an empty line (so the parser's line numbers
 * stay the file's) and is counted under its reason; a kept row is copied with
 * its filtered fields written as the filter says (X -> 6, unpadded M49 4 ->
 * 004). A left-out row is still checked for its field count, quotes, NUL
 * bytes and UTF-8; its numbers are not read. The first bad row stops the pass
 * with its file:line:column message, the text holding the rows before it.
 */
#include <stdio.h>
#include <string.h>

#include "flows_internal.h"

enum {
    MAX_FIELDS = 64,
    MAX_REASONS = 16,
    CANCEL_LINES = 1 << 16,
};

struct field {
    const char *text; /* unquoted content (may still hold "" pairs when quoted) */
    size_t length;
    const char *raw; /* as written, quotes included */
    size_t raw_length;
};

struct select_state {
    const char *name;
    const struct mvec__flow_reader *reader;
    char separator; /* ',' or '\t' (mvec__flow_separator) */
    size_t field_count;
    int filter_of[MAX_FIELDS]; /* index into reader->filters, or -1 */
    const char *column_of[MAX_FIELDS];
    const char *first_value[MAX_FIELDS]; /* one_per_file: the first kept row's value */
    size_t first_length[MAX_FIELDS];
    const char *reasons[MAX_REASONS];
    size_t counts[MAX_REASONS];
    size_t reason_count;
};

static void trim(const char **text, size_t *length)
{
    while (*length > 0 && (*text)[0] == ' ') {
        (*text)++;
        (*length)--;
    }
    while (*length > 0 && (*text)[*length - 1] == ' ')
        (*length)--;
}

/* A field's text for a message: at most 40 bytes, printable ASCII. */
static void shown(char *out, size_t size, const char *text, size_t length)
{
    size_t n = 0;
    for (size_t i = 0; i < length && i < 40 && n + 4 < size; i++) {
        unsigned char c = (unsigned char)text[i];
        out[n++] = (c >= 0x20 && c < 0x7f) ? (char)c : '?';
    }
    if (length > 40 && n + 4 < size) {
        memcpy(out + n, "...", 3);
        n += 3;
    }
    out[n] = '\0';
}

/* Split the line [p, end) into fields; NULL, or why not (with *column the field). */
static const char *split(const char *p, const char *end, char separator, struct field *fields,
                         size_t *count, size_t max, size_t *column)
{
    size_t n = 0;
    for (;;) {
        *column = n + 1;
        if (n == max)
            return "more fields than the header has";
        struct field *f = &fields[n];
        const char *next;
        if (p < end && *p == '"') {
            const char *q = p + 1;
            for (;;) {
                q = memchr(q, '"', (size_t)(end - q));
                if (q == NULL)
                    return "unterminated quote (a field may not span lines in a flow file)";
                if (q + 1 < end && q[1] == '"') {
                    q += 2;
                    continue;
                }
                break;
            }
            next = q + 1;
            if (next < end && *next != separator)
                return "text after a closing quote";
            f->text = p + 1;
            f->length = (size_t)(q - p - 1);
        } else {
            const char *comma = memchr(p, separator, (size_t)(end - p));
            next = comma ? comma : end;
            f->text = p;
            f->length = (size_t)(next - p);
            if (separator == ',' && memchr(p, '"', f->length) != NULL)
                return "quote inside an unquoted field"; /* a tab-separated field may hold one */
        }
        f->raw = p;
        f->raw_length = (size_t)(next - p);
        size_t bad = 0;
        if (memchr(f->text, '\0', f->length) != NULL)
            return "NUL byte in a field";
        if (!mvec__utf8_valid(f->text, f->length, &bad))
            return "invalid UTF-8";
        n++;
        if (next >= end)
            break;
        p = next + 1;
    }
    *count = n;
    return NULL;
}

static void count_reason(struct select_state *state, const char *reason)
{
    size_t i = 0;
    while (i < state->reason_count && state->reasons[i] != reason)
        i++;
    if (i == state->reason_count && i < MAX_REASONS)
        state->reasons[state->reason_count++] = reason;
    if (i < MAX_REASONS)
        state->counts[i]++;
}

static bool all_digits(const char *text, size_t length)
{
    for (size_t i = 0; i < length; i++)
        if (text[i] < '0' || text[i] > '9')
            return false;
    return length > 0;
}

/* Record the error of line `line`, field `column` in the selection. */
static mvec_status row_error(mvec_ctx *ctx, struct mvec__flow_selection *selection,
                             const struct select_state *state, size_t line, size_t column,
                             const char *why, const struct field *field)
{
    char text[64] = "";
    char message[512];
    if (field != NULL) {
        shown(text, sizeof text, field->text, field->length);
        snprintf(message, sizeof message, "%s:%zu:%zu: %s in column %s: '%s'", state->name, line,
                 column, why, state->column_of[column - 1], text);
    } else {
        snprintf(message, sizeof message, "%s:%zu:%zu: %s", state->name, line, column, why);
    }
    selection->status = MVEC_ERR_PARSE;
    return mvec__strdup(ctx, message, &selection->message);
}

/* Filter one row: kept (written to `out`), left out (an empty line), or an error. */
static mvec_status select_row(mvec_ctx *ctx, struct select_state *state,
                              struct mvec__flow_selection *selection, mvec__buf *out, const char *p,
                              const char *end, size_t line, bool *stop)
{
    mvec_status status = MVEC_OK;
    struct field fields[MAX_FIELDS];
    size_t count = 0, column = 0;
    const char *why = split(p, end, state->separator, fields, &count, state->field_count, &column);
    if (why == NULL && count != state->field_count) {
        why = "fewer fields than the header has (truncated line?)";
        column = count + 1;
    }
    if (why != NULL) { /* a NUL byte or bad UTF-8: the field is shown, as the parser does */
        bool shown_field =
            column <= state->field_count &&
            (strcmp(why, "invalid UTF-8") == 0 || strcmp(why, "NUL byte in a field") == 0);
        *stop = true;
        return row_error(ctx, selection, state, line, column, why,
                         shown_field ? &fields[column - 1] : NULL);
    }
    const char *as[MAX_FIELDS] = {NULL};
    size_t pad[MAX_FIELDS] = {0};
    const char *left_out = NULL;
    for (size_t f = 0; f < count; f++) {
        if (state->filter_of[f] < 0)
            continue;
        const struct mvec__flow_filter *filter = &state->reader->filters[state->filter_of[f]];
        const char *text = fields[f].text;
        size_t length = fields[f].length;
        trim(&text, &length);
        const struct mvec__flow_value *v = filter->values;
        while (v->value != NULL &&
               !(strlen(v->value) == length && memcmp(v->value, text, length) == 0))
            v++;
        const char *reason = v->value != NULL ? v->left_out : filter->otherwise;
        if (v->value == NULL && filter->otherwise == NULL) {
            char values[256] = "";
            for (const struct mvec__flow_value *k = filter->values; k->value != NULL; k++)
                snprintf(values + strlen(values), sizeof values - strlen(values), "%s%s",
                         k == filter->values ? "" : ", ", k->value[0] ? k->value : "(empty)");
            char message[384];
            snprintf(message, sizeof message, "not a value this reader knows (%s)", values);
            *stop = true;
            return row_error(ctx, selection, state, line, f + 1, message, &fields[f]);
        }
        if (reason != NULL && reason[0] != '\0') {
            if (left_out == NULL)
                left_out = reason; /* the first filtered column that leaves it out */
            continue;
        }
        if (v->value != NULL && v->as != NULL)
            as[f] = v->as;
        else if (filter->pad_digits > 0 && all_digits(text, length) &&
                 length < (size_t)filter->pad_digits)
            pad[f] = (size_t)filter->pad_digits - length;
        if (filter->one_per_file) {
            if (state->first_value[f] == NULL) {
                state->first_value[f] = text;
                state->first_length[f] = length;
            } else if (state->first_length[f] != length ||
                       memcmp(state->first_value[f], text, length) != 0) {
                char first[64];
                char message[256];
                shown(first, sizeof first, state->first_value[f], state->first_length[f]);
                snprintf(message, sizeof message,
                         "rows of another %s than the first row's '%s' (annual and monthly "
                         "rows would be counted twice: split the file)",
                         state->column_of[f], first);
                *stop = true;
                return row_error(ctx, selection, state, line, f + 1, message, &fields[f]);
            }
        }
    }
    if (left_out != NULL) {
        count_reason(state, left_out);
        selection->left_out++;
        return mvec__buf_putc(ctx, out, '\n');
    }
    for (size_t f = 0; f < count; f++) {
        if (f > 0)
            MVEC_TRY(mvec__buf_putc(ctx, out, state->separator));
        if (as[f] != NULL) {
            MVEC_TRY(mvec__buf_puts(ctx, out, as[f]));
        } else if (pad[f] > 0) {
            const char *text = fields[f].text;
            size_t length = fields[f].length;
            trim(&text, &length);
            MVEC_TRY(mvec__buf_pad(ctx, out, '0', pad[f]));
            MVEC_TRY(mvec__buf_append(ctx, out, text, length));
        } else {
            MVEC_TRY(mvec__buf_append(ctx, out, fields[f].raw, fields[f].raw_length));
        }
    }
    MVEC_TRY(mvec__buf_putc(ctx, out, '\n'));
cleanup:
    return status;
}

/* Lay the header's columns out; false when no reader with filters fits it. */
static bool read_header(struct select_state *state, const char *p, const char *end)
{
    const char *names[MAX_FIELDS];
    size_t lengths[MAX_FIELDS];
    state->separator = mvec__flow_separator(p, end);
    size_t count = mvec__flow_header_names(p, end, state->separator, names, lengths, MAX_FIELDS);
    if (count > MAX_FIELDS)
        return false;
    const struct mvec__flow_reader *reader = mvec__flow_reader_match(names, lengths, count);
    if (reader == NULL || reader->filters == NULL)
        return false;
    state->reader = reader;
    state->field_count = count;
    for (size_t f = 0; f < count; f++) {
        state->filter_of[f] = -1;
        for (size_t c = 0; reader->columns[c].name != NULL; c++)
            if (strlen(reader->columns[c].name) == lengths[f] &&
                memcmp(reader->columns[c].name, names[f], lengths[f]) == 0)
                state->column_of[f] = reader->columns[c].name;
        for (int k = 0; reader->filters[k].column != NULL; k++)
            if (strcmp(reader->filters[k].column, state->column_of[f]) == 0)
                state->filter_of[f] = k;
    }
    return true;
}

mvec_status mvec__flow_select(mvec_ctx *ctx, const char *name, const char *data, size_t length,
                              struct mvec__flow_selection *selection)
{
    mvec_status status = MVEC_OK;
    struct select_state state;
    memset(&state, 0, sizeof state);
    memset(selection, 0, sizeof *selection);
    state.name = name;
    mvec__buf out = MVEC__BUF_INIT(SIZE_MAX);
    mvec__buf summary = MVEC__BUF_INIT(SIZE_MAX);
    const char *end = data + length;
    const char *p = data;
    if (length >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
        p += 3;
    const char *newline = memchr(p, '\n', (size_t)(end - p));
    const char *header_end = newline ? newline : end;
    if (header_end > p && header_end[-1] == '\r')
        header_end--;
    if (header_end == p || memchr(p, '\0', (size_t)(header_end - p)) != NULL ||
        !read_header(&state, p, header_end))
        return MVEC_OK; /* no filters: the parser reads (and judges) the text as it is */
    MVEC_TRY(mvec__buf_append(ctx, &out, p, (size_t)(header_end - p)));
    MVEC_TRY(mvec__buf_putc(ctx, &out, '\n'));
    p = newline ? newline + 1 : end;
    size_t line = 2;
    bool stop = false;
    while (p < end && !stop) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *line_end = nl ? nl : end;
        const char *next = nl ? nl + 1 : end;
        if (line_end > p && line_end[-1] == '\r')
            line_end--;
        if (line_end > p)
            MVEC_TRY(select_row(ctx, &state, selection, &out, p, line_end, line, &stop));
        else
            MVEC_TRY(mvec__buf_putc(ctx, &out, '\n'));
        if (line % CANCEL_LINES == 0)
            MVEC_TRY(mvec__check_cancel(ctx));
        line++;
        p = next;
    }
    if (stop) /* drop the bad row's partial copy: keep the rows before it */
        while (out.length > 0 && out.data[out.length - 1] != '\n')
            out.length--;
    for (size_t i = 0; i < state.reason_count; i++)
        MVEC_TRY(mvec__buf_printf(ctx, &summary, "%s%zu %s", i ? ", " : "", state.counts[i],
                                  state.reasons[i]));
    selection->length = out.length;
    selection->text = mvec__buf_take(&out);
    if (selection->text == NULL) /* an empty body: the header alone */
        MVEC_TRY(mvec__strdup(ctx, "", &selection->text));
    if (summary.length > 0)
        selection->summary = mvec__buf_take(&summary);
cleanup:
    mvec__buf_clear(ctx, &out);
    mvec__buf_clear(ctx, &summary);
    if (status != MVEC_OK)
        mvec__flow_selection_clear(ctx, selection);
    return status;
}

void mvec__flow_selection_clear(mvec_ctx *ctx, struct mvec__flow_selection *selection)
{
    mvec__free(ctx, selection->text);
    mvec__free(ctx, selection->summary);
    mvec__free(ctx, selection->message);
    memset(selection, 0, sizeof *selection);
}
