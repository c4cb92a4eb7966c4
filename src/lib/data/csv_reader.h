/*
 * csv_reader.h - streaming RFC 4180 CSV parser (push model, like libcsv).
 *
 * Feed bytes in chunks of any size with mvec__csv_feed, then call
 * mvec__csv_finish. Each complete record is handed to the callback with its
 * fields NUL-terminated. The result never depends on where chunks split
 * (tested at every chunk size from 1 byte).
 *
 * Accepted: quoted fields with "" escapes and embedded newlines, CRLF / LF /
 * CR line ends, a UTF-8 byte-order mark at the very start, blank lines
 * (skipped). Rejected with file:line:column (column = 1-based field number):
 * a quote inside an unquoted field, text after a closing quote, an
 * unterminated quote at end of input, NUL bytes, invalid UTF-8, a field or a
 * record over its cap.
 */
#ifndef MVEC_CSV_READER_H
#define MVEC_CSV_READER_H

#include "../mvec_internal.h"

typedef struct mvec__csv_record {
    size_t field_count;
    char **fields;             /* NUL-terminated; the callback may modify them in place */
    const size_t *lengths;     /* bytes, excluding the NUL */
    const size_t *field_lines; /* line where each field starts (1-based) */
    size_t line;               /* line where the record starts */
} mvec__csv_record;

typedef mvec_status (*mvec__csv_record_fn)(void *user, const mvec__csv_record *record);

enum {
    MVEC__CSV_MAX_FIELD_BYTES = 1 << 20, /* one field */
    MVEC__CSV_MAX_FIELDS = 4096,         /* one record */
};

typedef struct mvec__csv_parser {
    mvec_ctx *ctx;
    const char *name; /* shown in messages; borrowed */
    mvec__csv_record_fn on_record;
    void *user;
    int state;
    size_t line;         /* current line, 1-based */
    size_t record_line;  /* line where the current record started */
    size_t bom_matched;  /* bytes of a leading BOM seen so far */
    bool started;        /* any byte other than a BOM seen */
    bool field_quoted;   /* current field was quoted */
    mvec__buf text;      /* fields of the current record, each followed by NUL */
    size_t *offsets;     /* start of each field in text */
    size_t *lengths;
    size_t *field_lines;
    char **pointers;
    size_t field_count;
    size_t field_capacity;
    size_t field_start;  /* offset in text of the field being read */
    size_t max_field_bytes;
    size_t max_fields;
} mvec__csv_parser;

void mvec__csv_init(mvec__csv_parser *parser, mvec_ctx *ctx, const char *name,
                    mvec__csv_record_fn on_record, void *user);
mvec_status mvec__csv_feed(mvec__csv_parser *parser, const char *data, size_t length);
mvec_status mvec__csv_finish(mvec__csv_parser *parser);
void mvec__csv_clear(mvec__csv_parser *parser);

/* Parse a whole in-memory text. */
mvec_status mvec__csv_parse(mvec_ctx *ctx, const char *name, const char *data, size_t length,
                            mvec__csv_record_fn on_record, void *user);

#endif
