/*
 * csv_reader.c - the push parser declared in csv_reader.h.
 *
 * A small state machine over bytes. Fields of the current record accumulate
 * in one buffer, NUL-separated; at the end of a record the callback receives
 * pointers into it. Line numbers count LF, CRLF and lone CR as one line end.
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "csv_reader.h"

enum parser_state {
    FIELD_START,   /* at the start of a field */
    UNQUOTED,      /* inside an unquoted field */
    QUOTED,        /* inside a quoted field */
    QUOTE_IN_QUOTED, /* saw a quote inside a quoted field: escape or end */
    AFTER_CR,      /* saw CR ending a record; swallow a following LF */
};

static const unsigned char BOM[3] = {0xEF, 0xBB, 0xBF};

void mvec__csv_init(mvec__csv_parser *parser, mvec_ctx *ctx, const char *name,
                    mvec__csv_record_fn on_record, void *user)
{
    memset(parser, 0, sizeof *parser);
    parser->ctx = ctx;
    parser->name = name;
    parser->on_record = on_record;
    parser->user = user;
    parser->state = FIELD_START;
    parser->line = 1;
    parser->record_line = 1;
    parser->text.max = (size_t)MVEC__CSV_MAX_FIELDS * (MVEC__CSV_MAX_FIELD_BYTES + 1);
    parser->max_field_bytes = MVEC__CSV_MAX_FIELD_BYTES;
    parser->max_fields = MVEC__CSV_MAX_FIELDS;
}

void mvec__csv_clear(mvec__csv_parser *parser)
{
    mvec_ctx *ctx = parser->ctx;
    mvec__buf_clear(ctx, &parser->text);
    mvec__free(ctx, parser->offsets);
    mvec__free(ctx, parser->lengths);
    mvec__free(ctx, parser->field_lines);
    mvec__free(ctx, parser->pointers);
    parser->offsets = NULL;
    parser->lengths = NULL;
    parser->field_lines = NULL;
    parser->pointers = NULL;
    parser->field_capacity = 0;
}

static mvec_status fail(mvec__csv_parser *parser, mvec_status status, const char *what)
{
    return mvec__error(parser->ctx, status, "%s:%zu:%zu: %s", parser->name, parser->line,
                       parser->field_count + 1, what);
}

/* Append `length` bytes to the field being read. */
static mvec_status add_bytes(mvec__csv_parser *parser, const char *bytes, size_t length)
{
    if (parser->text.length - parser->field_start + length > parser->max_field_bytes) {
        char what[96];
        snprintf(what, sizeof what, "field longer than %zu bytes (unterminated quote?)",
                 parser->max_field_bytes);
        return fail(parser, MVEC_ERR_LIMIT, what);
    }
    return mvec__buf_append(parser->ctx, &parser->text, bytes, length);
}

static mvec_status add_byte(mvec__csv_parser *parser, char c)
{
    return add_bytes(parser, &c, 1);
}

/* The bytes that do not change an unquoted field's state. */
static bool plain(char c)
{
    return c != ',' && c != '\n' && c != '\r' && c != '"' && c != '\0';
}

static mvec_status grow_fields(mvec__csv_parser *parser)
{
    mvec_ctx *ctx = parser->ctx;
    size_t needed = parser->field_count + 1;
    if (needed <= parser->field_capacity)
        return MVEC_OK;
    size_t capacity = parser->field_capacity ? parser->field_capacity * 2 : 32;
    mvec_status status = MVEC_OK;
    MVEC_TRY(mvec__realloc(ctx, &parser->offsets, capacity * sizeof *parser->offsets));
    MVEC_TRY(mvec__realloc(ctx, &parser->lengths, capacity * sizeof *parser->lengths));
    MVEC_TRY(mvec__realloc(ctx, &parser->field_lines, capacity * sizeof *parser->field_lines));
    MVEC_TRY(mvec__realloc(ctx, &parser->pointers, capacity * sizeof *parser->pointers));
    parser->field_capacity = capacity;
cleanup:
    return status;
}

/* Close the field being read. */
static mvec_status end_field(mvec__csv_parser *parser)
{
    mvec_status status = MVEC_OK;
    if (parser->field_count >= parser->max_fields) {
        char what[64];
        snprintf(what, sizeof what, "more than %zu fields in one record", parser->max_fields);
        return fail(parser, MVEC_ERR_LIMIT, what);
    }
    size_t length = parser->text.length - parser->field_start;
    size_t bad_offset = 0;
    if (length > 0 &&
        !mvec__utf8_valid(parser->text.data + parser->field_start, length, &bad_offset))
        return fail(parser, MVEC_ERR_PARSE, "invalid UTF-8 (the file must be UTF-8 encoded)");
    MVEC_TRY(grow_fields(parser));
    MVEC_TRY(mvec__buf_putc(parser->ctx, &parser->text, '\0'));
    parser->offsets[parser->field_count] = parser->field_start;
    parser->lengths[parser->field_count] = length;
    parser->field_count++;
    parser->field_start = parser->text.length;
    parser->field_quoted = false;
cleanup:
    return status;
}

/* Close the record; blank lines (one empty unquoted field) are skipped. */
static mvec_status end_record(mvec__csv_parser *parser)
{
    bool was_quoted = parser->field_quoted;
    mvec_status status = end_field(parser);
    if (status != MVEC_OK)
        return status;
    bool blank = parser->field_count == 1 && parser->lengths[0] == 0 && !was_quoted;
    if (!blank) {
        for (size_t i = 0; i < parser->field_count; i++)
            parser->pointers[i] = parser->text.data + parser->offsets[i];
        mvec__csv_record record = {
            .field_count = parser->field_count,
            .fields = parser->pointers,
            .lengths = parser->lengths,
            .field_lines = parser->field_lines,
            .line = parser->record_line,
        };
        status = mvec__check_cancel(parser->ctx);
        if (status == MVEC_OK)
            status = parser->on_record(parser->user, &record);
    }
    mvec__buf_reset(&parser->text);
    parser->field_count = 0;
    parser->field_start = 0;
    return status;
}

/* Make room for one more field and remember the line it starts on. */
static mvec_status begin_field(mvec__csv_parser *parser)
{
    mvec_status status = grow_fields(parser);
    if (status == MVEC_OK)
        parser->field_lines[parser->field_count] = parser->line;
    return status;
}

/* A separator or line end after a field: close the field or the record.
 * Returns false (and does nothing) for any other byte. */
static bool end_of_field(mvec__csv_parser *parser, char c, mvec_status *status)
{
    if (c == ',') {
        *status = end_field(parser);
        parser->state = FIELD_START;
    } else if (c == '\n' || c == '\r') {
        *status = end_record(parser);
        parser->line++;
        parser->state = c == '\r' ? AFTER_CR : FIELD_START;
    } else {
        return false;
    }
    return true;
}

static mvec_status feed_byte(mvec__csv_parser *parser, char c)
{
    mvec_status status = MVEC_OK;
    if (c == '\0')
        return fail(parser, MVEC_ERR_PARSE, "NUL byte in text (is this a binary file?)");
    switch ((enum parser_state)parser->state) {
    case AFTER_CR:
        parser->state = FIELD_START;
        if (c == '\n')
            return MVEC_OK;
        /* fallthrough - a lone CR ended the record */
    case FIELD_START:
        if (parser->field_count == 0 && parser->text.length == 0)
            parser->record_line = parser->line;
        MVEC_TRY(begin_field(parser));
        if (c == '"') {
            parser->field_quoted = true;
            parser->state = QUOTED;
        } else if (end_of_field(parser, c, &status)) {
            MVEC_TRY(status);
        } else {
            MVEC_TRY(add_byte(parser, c));
            parser->state = UNQUOTED;
        }
        break;
    case UNQUOTED:
        if (end_of_field(parser, c, &status)) {
            MVEC_TRY(status);
        } else if (c == '"') {
            return fail(parser, MVEC_ERR_PARSE,
                        "quote inside an unquoted field (quote the whole field and double the "
                        "quote)");
        } else {
            MVEC_TRY(add_byte(parser, c));
        }
        break;
    case QUOTED:
        if (c == '"') {
            parser->state = QUOTE_IN_QUOTED;
        } else {
            if (c == '\n')
                parser->line++;
            MVEC_TRY(add_byte(parser, c));
        }
        break;
    case QUOTE_IN_QUOTED:
        if (c == '"') {
            MVEC_TRY(add_byte(parser, '"'));
            parser->state = QUOTED;
        } else if (end_of_field(parser, c, &status)) {
            MVEC_TRY(status);
        } else {
            return fail(parser, MVEC_ERR_PARSE, "text after the closing quote of a field");
        }
        break;
    }
cleanup:
    return status;
}

mvec_status mvec__csv_feed(mvec__csv_parser *parser, const char *data, size_t length)
{
    size_t i = 0;
    while (!parser->started && i < length) {
        if ((unsigned char)data[i] == BOM[parser->bom_matched]) {
            parser->bom_matched++;
            i++;
            if (parser->bom_matched == sizeof BOM)
                parser->started = true;
            continue;
        }
        parser->started = true;
        /* A partial BOM was ordinary text after all: replay it. */
        for (size_t k = 0; k < parser->bom_matched; k++) {
            mvec_status status = feed_byte(parser, (char)BOM[k]);
            if (status != MVEC_OK)
                return status;
        }
        parser->bom_matched = 0;
    }
    for (; i < length; i++) {
        if (parser->state == UNQUOTED) {
            /* The rest of the field at once (most of a bulk file's bytes). */
            size_t end = i;
            while (end < length && plain(data[end]))
                end++;
            if (end > i) {
                mvec_status status = add_bytes(parser, data + i, end - i);
                if (status != MVEC_OK)
                    return status;
                i = end;
                if (i == length)
                    break;
            }
        }
        mvec_status status = feed_byte(parser, data[i]);
        if (status != MVEC_OK)
            return status;
    }
    return MVEC_OK;
}

mvec_status mvec__csv_finish(mvec__csv_parser *parser)
{
    if (!parser->started && parser->bom_matched > 0) {
        parser->started = true;
        for (size_t k = 0; k < parser->bom_matched; k++) {
            mvec_status status = feed_byte(parser, (char)BOM[k]);
            if (status != MVEC_OK)
                return status;
        }
    }
    switch ((enum parser_state)parser->state) {
    case QUOTED: {
        size_t line = parser->field_count < parser->field_capacity
                          ? parser->field_lines[parser->field_count]
                          : parser->line;
        return mvec__error(parser->ctx, MVEC_ERR_PARSE,
                           "%s:%zu:%zu: unterminated quoted field (the quote opened here is "
                           "never closed)",
                           parser->name, line, parser->field_count + 1);
    }
    case UNQUOTED:
    case QUOTE_IN_QUOTED:
        return end_record(parser);
    case FIELD_START:
        if (parser->field_count > 0)
            return end_record(parser);
        return MVEC_OK;
    case AFTER_CR:
        return MVEC_OK;
    }
    return MVEC_OK;
}

mvec_status mvec__csv_parse(mvec_ctx *ctx, const char *name, const char *data, size_t length,
                            mvec__csv_record_fn on_record, void *user)
{
    mvec__csv_parser parser;
    mvec__csv_init(&parser, ctx, name, on_record, user);
    /* in pieces, so that a large file's reading shows progress (each piece a few ms) */
    enum { PIECE = 4 << 20 };
    struct timespec start;
    clock_gettime(CLOCK_MONOTONIC, &start);
    char task[256];
    snprintf(task, sizeof task, "reading %s", name);
    mvec_status status = MVEC_OK;
    for (size_t done = 0; done < length && status == MVEC_OK; done += PIECE) {
        size_t piece = length - done < PIECE ? length - done : PIECE;
        status = mvec__csv_feed(&parser, data + done, piece);
        if (length > PIECE) {
            struct timespec now;
            clock_gettime(CLOCK_MONOTONIC, &now);
            mvec_progress report = {
                .task = task,
                .done_bytes = done + piece,
                .total_bytes = length,
                .rows = parser.line - 1,
                .elapsed_seconds = (double)(now.tv_sec - start.tv_sec) +
                                   (double)(now.tv_nsec - start.tv_nsec) / 1e9,
                .unit = "lines"};
            mvec__progress(ctx, &report);
        }
    }
    if (status == MVEC_OK)
        status = mvec__csv_finish(&parser);
    mvec__csv_clear(&parser);
    return status;
}
