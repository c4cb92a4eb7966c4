/*
 * flow_parse.c - the bulk CSV scanner of flow files: the hot path.
 *
 * The text (mapped or decompressed) is cut into one piece per thread at line
 * boundaries. Pass 1 counts each piece's lines, so that every piece knows
 * its first line number and where its rows go; the columns are then
 * allocated once, by the calling thread (the context's allocator is not
 * shared across threads). Pass 2 parses each piece straight into its slice
 * of the columns: no allocation per field or row, numbers read as exact
 * integers. Each piece keeps its first error; the first failing piece in
 * file order gives the message, so the result (rows or error) is the same
 * for every thread count. While the threads work, the calling thread
 * reports progress and consults the cancel callback.
 *
 * A field may be quoted ("" escapes a quote) but may not span lines: flow
 * files have one record per line, which is what lets the text be cut
 * anywhere at a newline.
 */
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "flows_internal.h"

enum {
    MAX_THREADS = MVEC__FLOW_MAX_THREADS,
    MAX_COLUMNS = MVEC__FLOW_MAX_COLUMNS,
    FIELD_MAX_BYTES = 1 << 20,
    MESSAGE_MAX = 512,
    PROGRESS_LINES = 1 << 16, /* lines between two updates of the shared counters */
};

struct job {
    struct mvec__flow_progress progress; /* first: the threads' shared counters */
    const char *name;
    struct mvec__flow_layout layout;
    struct mvec__flow_raw *raw;
};

struct piece {
    struct job *job;
    const char *begin, *end;
    size_t first_line; /* 1-based line number of begin */
    size_t lines;      /* pass 1: lines in the piece */
    size_t row_offset; /* pass 2: index of its first row in the columns */
    size_t rows;       /* pass 2: rows written */
    unsigned editions; /* pass 2: nomenclatures seen (FLOW_EDITION) */
    mvec_status status;
    char message[MESSAGE_MAX];
};

/* ---- numbers and codes ----------------------------------------------------------------- */

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* A field's text in an error message: at most 40 bytes, printable ASCII. */
static void quote_field(char *out, size_t size, const char *text, size_t length)
{
    size_t n = 0;
    for (size_t i = 0; i < length && n + 4 < size && i < 40; i++) {
        unsigned char c = (unsigned char)text[i];
        out[n++] = (c >= 0x20 && c < 0x7f) ? (char)c : '?';
    }
    if (length > 40 && n + 4 < size) {
        memcpy(out + n, "...", 3);
        n += 3;
    }
    out[n] = '\0';
}

static void trim(const char **text, size_t *length)
{
    while (*length > 0 && (*text)[0] == ' ') {
        (*text)++;
        (*length)--;
    }
    while (*length > 0 && (*text)[*length - 1] == ' ')
        (*length)--;
}

/* The reason parse_decimal gives for a value finer than the unit kept. */
static const char ROUNDED[] = "finer than the unit";

/* [-]digits[.digits] as an integer of 10^-decimals units (a sign, because sources hold
 * a few negative adjustments: one row of the WTO file). Returns NULL or why not. */
static const char *parse_decimal(const char *text, size_t length, int decimals, int64_t *out)
{
    trim(&text, &length);
    bool negative = length > 0 && text[0] == '-';
    if (negative) {
        text++;
        length--;
    }
    if (length == 0)
        return "empty number";
    const int64_t limit = INT64_MAX / 10;
    int64_t whole = 0;
    size_t i = 0;
    size_t digits = 0;
    for (; i < length && is_digit(text[i]); i++, digits++) {
        if (whole > limit)
            return "number too large";
        whole = whole * 10 + (text[i] - '0');
    }
    int64_t fraction = 0;
    int kept = 0;
    if (i < length && text[i] == '.') {
        i++;
        for (; i < length && is_digit(text[i]); i++, digits++) {
            if (kept < decimals) {
                fraction = fraction * 10 + (text[i] - '0');
                kept++;
            } else if (text[i] != '0') {
                return ROUNDED;
            }
        }
    }
    if (i != length || digits == 0)
        return "not a number (digits and one '.' expected)";
    for (; kept < decimals; kept++)
        fraction *= 10;
    int64_t scale = 1;
    for (int d = 0; d < decimals; d++)
        scale *= 10;
    if (whole > (INT64_MAX - fraction) / scale)
        return "number too large";
    *out = negative ? -(whole * scale + fraction) : whole * scale + fraction;
    return NULL;
}

/* An unsigned code of min..max digits (leading zeros allowed only when
 * `padded`); NULL or why not. */
static const char *parse_code(const char *text, size_t length, size_t min_digits,
                              size_t max_digits, bool padded, uint32_t *out)
{
    if (length == 0)
        return "empty code";
    if (length < min_digits || length > max_digits)
        return "wrong number of digits for a code";
    uint32_t value = 0;
    for (size_t i = 0; i < length; i++) {
        if (!is_digit(text[i]))
            return "not a numeric code";
        value = value * 10 + (uint32_t)(text[i] - '0');
    }
    if (!padded && length > 1 && text[0] == '0')
        return "code with a leading zero (this source writes none)";
    *out = value;
    return NULL;
}

/* A country code as the reader's code system writes it. */
static const char *parse_country(enum mvec__flow_codes codes, const char *text, size_t length,
                                 uint32_t *out)
{
    switch (codes) {
    case FLOW_CODES_BACI:
        return parse_code(text, length, 1, 4, false, out);
    case FLOW_CODES_M49:
        return parse_code(text, length, 3, 3, true, out);
    case FLOW_CODES_ALPHA3:
        if (length != 3)
            return "not an ISO alpha-3 code (three capital letters)";
        *out = 0;
        for (size_t i = 0; i < 3; i++) {
            if (text[i] < 'A' || text[i] > 'Z')
                return "not an ISO alpha-3 code (three capital letters)";
            *out = *out * 26 + (uint32_t)(text[i] - 'A');
        }
        return NULL;
    }
    return "internal: bad code system";
}

/* ---- one line --------------------------------------------------------------------------- */

/* Record the piece's error: "name:line:column: why" and, when `field` is not
 * NULL, "in column 'c': 'text'". Returns false. */
static bool fail(struct piece *piece, mvec_status status, size_t line, size_t column,
                 const char *why, const char *column_name, const char *field, size_t field_length)
{
    char shown[64] = "";
    if (field != NULL)
        quote_field(shown, sizeof shown, field, field_length);
    if (field != NULL)
        snprintf(piece->message, sizeof piece->message, "%s:%zu:%zu: %s in column %s: '%s'",
                 piece->job->name, line, column, why, column_name, shown);
    else
        snprintf(piece->message, sizeof piece->message, "%s:%zu:%zu: %s", piece->job->name, line,
                 column, why);
    piece->status = status;
    return false;
}

/* Parse the fields of one line [p, end) into row `row`. */
static bool parse_line(struct piece *piece, const char *p, const char *end, size_t line,
                       size_t row)
{
    const struct mvec__flow_layout *layout = &piece->job->layout;
    const struct mvec__flow_reader *reader = layout->reader;
    struct mvec__flow_raw *raw = piece->job->raw;
    size_t field = 0;
    uint16_t reporter = 0, partner = 0; /* FLOW_REPORTER, FLOW_PARTNER */
    char direction = 0;                 /* FLOW_DIRECTION: '5' import, '6' export */
    for (;;) {
        size_t column = field + 1;
        if (field >= layout->field_count)
            return fail(piece, MVEC_ERR_PARSE, line, column, "more fields than the header has", NULL, NULL, 0);
        const char *text = p;
        const char *next; /* the separator or end after the field */
        size_t length;
        if (p < end && *p == '"') {
            const char *q = p + 1;
            for (;;) {
                q = memchr(q, '"', (size_t)(end - q));
                if (q == NULL)
                    return fail(piece, MVEC_ERR_PARSE, line, column, "unterminated quote (a field may not span lines in a flow file)", NULL, NULL, 0);
                if (q + 1 < end && q[1] == '"') {
                    q += 2;
                    continue;
                }
                break;
            }
            text = p + 1;
            length = (size_t)(q - text);
            next = q + 1;
            if (next < end && *next != layout->separator)
                return fail(piece, MVEC_ERR_PARSE, line, column, "text after a closing quote", NULL, NULL, 0);
        } else {
            const char *comma = memchr(p, layout->separator, (size_t)(end - p));
            next = comma ? comma : end;
            length = (size_t)(next - p);
        }
        if (length > FIELD_MAX_BYTES)
            return fail(piece, MVEC_ERR_LIMIT, line, column, "field over 1 MiB", NULL, NULL, 0);
        const char *why = NULL;
        uint32_t code = 0;
        int64_t number = 0;
        switch (layout->roles[field]) {
        case FLOW_SKIP: {
            size_t bad = 0;
            if (memchr(text, '\0', length) != NULL)
                why = "NUL byte in a field";
            else if (text == p && layout->separator == ',' && memchr(text, '"', length) != NULL)
                why = "quote inside an unquoted field";
            else if (!mvec__utf8_valid(text, length, &bad))
                why = "invalid UTF-8";
            break;
        }
        case FLOW_YEAR:
            why = parse_code(text, length, 4, 4, false, &code);
            if (why == NULL)
                raw->year[row] = (uint16_t)code;
            else
                why = "not a year (four digits expected)";
            break;
        case FLOW_EXPORTER:
        case FLOW_IMPORTER:
        case FLOW_REPORTER:
        case FLOW_PARTNER:
            why = parse_country(reader->codes, text, length, &code);
            if (why == NULL && layout->roles[field] == FLOW_EXPORTER)
                raw->exporter[row] = (uint16_t)code;
            else if (why == NULL && layout->roles[field] == FLOW_IMPORTER)
                raw->importer[row] = (uint16_t)code;
            else if (why == NULL && layout->roles[field] == FLOW_REPORTER)
                reporter = (uint16_t)code;
            else if (why == NULL)
                partner = (uint16_t)code;
            break;
        case FLOW_DIRECTION:
            if (length == 1 && (text[0] == '5' || text[0] == '6'))
                direction = text[0];
            else
                why = "not a trade flow code 5 (import) or 6 (export)";
            break;
        case FLOW_EDITION:
            if (length == 2 && text[0] == 'H' && text[1] >= '0' && text[1] <= '6')
                piece->editions |= 1u << (text[1] - '0');
            else
                why = "not an HS nomenclature H0-H6";
            break;
        case FLOW_PRODUCT:
            why = parse_code(text, length, (size_t)reader->product_min_digits,
                             (size_t)reader->product_digits, true, &code);
            if (why == NULL)
                raw->product[row] = code;
            else /* e.g. a WITS product group "25-26_Minerals" */
                why = "not an HS code of the file's digits (BACI 6, WITS 4, WTO 2)";
            break;
        case FLOW_VALUE:
            why = parse_decimal(text, length, reader->value_decimals, &number);
            if (why == NULL)
                raw->value[row] = number;
            break;
        case FLOW_QUANTITY: {
            const char *t = text;
            size_t n = length;
            trim(&t, &n);
            if (n == 0 || (n == 2 && t[0] == 'N' && t[1] == 'A'))
                raw->quantity[row] = MVEC_FLOWS_NO_QUANTITY;
            else if ((why = parse_decimal(t, n, reader->quantity_decimals, &number)) == NULL)
                raw->quantity[row] = number;
            break;
        }
        case FLOW_ROLE_COUNT_:
            why = "internal: bad role";
            break;
        }
        char unit[128];
        if (why == ROUNDED) {
            bool value = layout->roles[field] == FLOW_VALUE;
            int below = value ? reader->value_subunit_decimals : 0;
            if (below > 0)
                snprintf(unit, sizeof unit, "more than %d decimals of %s (values are kept "
                         "exact, never rounded)", below, reader->value_unit);
            else
                snprintf(unit, sizeof unit, "not a whole number of %s (values are kept exact, "
                         "never rounded)", value ? reader->value_unit : reader->quantity_unit);
            why = unit;
        }
        if (why != NULL)
            return fail(piece, MVEC_ERR_PARSE, line, column, why, layout->names[field], text,
                        length);
        field++;
        if (next >= end)
            break;
        p = next + 1;
    }
    if (field != layout->field_count)
        return fail(piece, MVEC_ERR_PARSE, line, field + 1,
                    "fewer fields than the header has (truncated line?)", NULL, NULL, 0);
    if (direction != 0) { /* a reporter's row: its exports go out, its imports come in */
        raw->exporter[row] = direction == '6' ? reporter : partner;
        raw->importer[row] = direction == '6' ? partner : reporter;
    }
    return true;
}

/* ---- the two passes --------------------------------------------------------------------- */

/* Newlines in [p, end), eight bytes at a time (SWAR: a byte of x is zero
 * exactly where the high bit of the sum is clear; no carry crosses bytes). */
static size_t count_newlines(const char *p, const char *end)
{
    const uint64_t ones7 = 0x7F7F7F7F7F7F7F7Fu;
    const uint64_t newlines = 0x0A0A0A0A0A0A0A0Au;
    size_t count = 0;
    for (; end - p >= 8; p += 8) {
        uint64_t word;
        memcpy(&word, p, 8);
        uint64_t x = word ^ newlines;
        uint64_t t = ((x & ones7) + ones7) | x;
        count += (size_t)__builtin_popcountll(~t & ~ones7);
    }
    for (; p < end; p++)
        count += *p == '\n';
    return count;
}

static void *count_lines(void *arg)
{
    struct piece *piece = arg;
    size_t lines = count_newlines(piece->begin, piece->end);
    if (piece->end > piece->begin && piece->end[-1] != '\n')
        lines++; /* the last line of the file, without its newline */
    piece->lines = lines;
    atomic_fetch_add(&piece->job->progress.finished, 1);
    return NULL;
}

static void *parse_piece(void *arg)
{
    struct piece *piece = arg;
    struct job *job = piece->job;
    const char *p = piece->begin;
    size_t line = piece->first_line;
    size_t row = piece->row_offset;
    size_t since = 0;
    const char *reported = p;
    while (p < piece->end) {
        const char *newline = memchr(p, '\n', (size_t)(piece->end - p));
        const char *end = newline ? newline : piece->end;
        const char *next = newline ? newline + 1 : piece->end;
        if (end > p && end[-1] == '\r')
            end--;
        if (end > p) {
            if (!parse_line(piece, p, end, line, row))
                break;
            row++;
        }
        line++;
        p = next;
        if (++since == PROGRESS_LINES) {
            atomic_fetch_add(&job->progress.bytes_done, (size_t)(p - reported));
            atomic_fetch_add(&job->progress.rows_done, since);
            reported = p;
            since = 0;
            if (atomic_load(&job->progress.stop))
                break;
        }
    }
    piece->rows = row - piece->row_offset;
    atomic_fetch_add(&job->progress.finished, 1);
    return NULL;
}

static double seconds_since(const struct timespec *start)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (double)(now.tv_sec - start->tv_sec) + (double)(now.tv_nsec - start->tv_nsec) / 1e9;
}

mvec_status mvec__flow_run(mvec_ctx *ctx, struct mvec__flow_progress *progress, void *items,
                           size_t item_size, size_t count, void *(*work)(void *),
                           size_t total_bytes)
{
    mvec_status status = MVEC_OK;
    pthread_t threads[MAX_THREADS];
    size_t started = 0;
    char *item = items;
    atomic_store(&progress->finished, 0);
    for (; started < count && started < MAX_THREADS; started++) {
        if (pthread_create(&threads[started], NULL, work, item + started * item_size) != 0)
            break;
    }
    for (size_t i = started; i < count; i++)
        work(item + i * item_size); /* no thread to be had: do it here */
    struct timespec start;
    clock_gettime(CLOCK_MONOTONIC, &start);
    long pause_ns = 50 * 1000; /* short at first: small inputs finish in microseconds */
    while (atomic_load(&progress->finished) < count) {
        struct timespec pause = {0, pause_ns};
        nanosleep(&pause, NULL);
        pause_ns = pause_ns < 10 * 1000 * 1000 ? pause_ns * 2 : 20 * 1000 * 1000;
        char task[256];
        snprintf(task, sizeof task, "reading %s", progress->name);
        mvec_progress report = {.task = task,
                                .done_bytes = atomic_load(&progress->bytes_done),
                                .total_bytes = total_bytes,
                                .rows = atomic_load(&progress->rows_done),
                                .elapsed_seconds = seconds_since(&start)};
        mvec__progress(ctx, &report);
        if (status == MVEC_OK && (status = mvec__check_cancel(ctx)) != MVEC_OK)
            atomic_store(&progress->stop, true);
    }
    for (size_t i = 0; i < started; i++)
        pthread_join(threads[i], NULL);
    return status;
}

static mvec_status run_threads(mvec_ctx *ctx, struct job *job, struct piece *pieces, size_t count,
                               void *(*work)(void *), size_t total_bytes)
{
    job->progress.name = job->name;
    return mvec__flow_run(ctx, &job->progress, pieces, sizeof *pieces, count, work, total_bytes);
}

/* ---- the header --------------------------------------------------------------------------- */

char mvec__flow_separator(const char *p, const char *end)
{
    return memchr(p, '\t', (size_t)(end - p)) != NULL ? '\t' : ',';
}

size_t mvec__flow_header_names(const char *p, const char *end, char separator,
                               const char **names, size_t *lengths, size_t max)
{
    size_t count = 0;
    for (;;) {
        if (count == max)
            return max + 1;
        const char *comma = memchr(p, separator, (size_t)(end - p));
        const char *text = p;
        size_t length = (size_t)((comma ? comma : end) - p);
        trim(&text, &length);
        if (length >= 2 && text[0] == '"' && text[length - 1] == '"') {
            text++;
            length -= 2;
        }
        names[count] = text;
        lengths[count++] = length;
        if (comma == NULL)
            return count;
        p = comma + 1;
    }
}

/* Choose the reader from the header line [p, end) and lay its columns out. */
static mvec_status read_header(mvec_ctx *ctx, const char *name, const char *p, const char *end,
                               struct mvec__flow_layout *layout)
{
    const char *names[MAX_COLUMNS];
    size_t lengths[MAX_COLUMNS];
    layout->separator = mvec__flow_separator(p, end);
    size_t count = mvec__flow_header_names(p, end, layout->separator, names, lengths,
                                           MAX_COLUMNS);
    if (count > MAX_COLUMNS)
        return mvec__error(ctx, MVEC_ERR_SCHEMA, "%s:1:%d: more than %d columns", name,
                           MAX_COLUMNS + 1, MAX_COLUMNS);
    const struct mvec__flow_reader *reader = mvec__flow_reader_match(names, lengths, count);
    if (reader != NULL) {
        for (size_t f = 0; f < count; f++) {
            size_t c = 0;
            while (strlen(reader->columns[c].name) != lengths[f] ||
                   memcmp(reader->columns[c].name, names[f], lengths[f]) != 0)
                c++; /* the reader knows every name: mvec__flow_reader_match said so */
            layout->roles[f] = reader->columns[c].role;
            layout->names[f] = reader->columns[c].name;
        }
        layout->reader = reader;
        layout->field_count = count;
        return MVEC_OK;
    }
    char shown[64];
    quote_field(shown, sizeof shown, names[0], (size_t)(end - names[0]));
    return mvec__error(ctx, MVEC_ERR_SCHEMA,
                       "%s:1:1: not a flow file: the header '%s' is not BACI's "
                       "(t,i,j,k,v[,q]), the WTO's (year,reporter_m49,partner_m49,hs2,"
                       "value_usd), a WITS download's (Nomenclature,ReporterISO3,"
                       "ProductCode,...) or UN Comtrade's (typeCode,freqCode,...,primaryValue "
                       "or Classification,Year,...,Trade Value (US$))",
                       name, shown);
}

mvec_status mvec__flow_header(mvec_ctx *ctx, const char *name, const char *data, size_t length,
                              struct mvec__flow_layout *layout, const char **body)
{
    const char *end = data + length;
    const char *p = data;
    if (length >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
        p += 3; /* UTF-8 byte-order mark */
    const char *newline = memchr(p, '\n', (size_t)(end - p));
    const char *header_end = newline ? newline : end;
    if (header_end > p && header_end[-1] == '\r')
        header_end--;
    if (header_end == p)
        return mvec__error(ctx, MVEC_ERR_SCHEMA, "%s:1:1: no header line (an empty file?)", name);
    if (memchr(p, '\0', (size_t)(header_end - p)) != NULL)
        return mvec__error(ctx, MVEC_ERR_PARSE, "%s:1:1: NUL byte in the header", name);
    mvec_status status = read_header(ctx, name, p, header_end, layout);
    *body = newline ? newline + 1 : end;
    return status;
}

void mvec__flow_cut(const char *body, const char *end, size_t count, const char **cuts)
{
    size_t length = (size_t)(end - body);
    const char *cut = body;
    cuts[0] = body;
    for (size_t i = 0; i < count; i++) {
        const char *stop = end;
        if (i + 1 < count) {
            stop = body + length / count * (i + 1);
            if (stop < cut)
                stop = cut;
            const char *nl = memchr(stop, '\n', (size_t)(end - stop));
            stop = nl ? nl + 1 : end;
        }
        cuts[i + 1] = stop;
        cut = stop;
    }
}

/* ---- entry point -------------------------------------------------------------------------- */

void mvec__flow_raw_clear(mvec_ctx *ctx, struct mvec__flow_raw *raw)
{
    mvec__free(ctx, raw->year);
    mvec__free(ctx, raw->exporter);
    mvec__free(ctx, raw->importer);
    mvec__free(ctx, raw->product);
    mvec__free(ctx, raw->value);
    mvec__free(ctx, raw->quantity);
    memset(raw, 0, sizeof *raw);
}

static bool has_quantity(const struct mvec__flow_layout *layout)
{
    for (size_t f = 0; f < layout->field_count; f++)
        if (layout->roles[f] == FLOW_QUANTITY)
            return true;
    return false;
}

mvec_status mvec__flow_parse(mvec_ctx *ctx, const char *name, const char *data, size_t length,
                             unsigned threads, const struct mvec__flow_reader **reader,
                             struct mvec__flow_raw *raw)
{
    mvec_status status = MVEC_OK;
    struct job job = {.name = name, .raw = raw};
    struct piece pieces[MAX_THREADS];
    memset(raw, 0, sizeof *raw);
    const char *end = data + length;
    const char *body = NULL;
    MVEC_TRY(mvec__flow_header(ctx, name, data, length, &job.layout, &body));

    /* Cut the body at newlines into one piece per thread. */
    if (threads == 0 || threads > MAX_THREADS)
        threads = threads == 0 ? 1 : MAX_THREADS;
    size_t count = threads;
    size_t body_length = (size_t)(end - body);
    const char *cuts[MAX_THREADS + 1];
    mvec__flow_cut(body, end, count, cuts);
    for (size_t i = 0; i < count; i++)
        pieces[i] = (struct piece){.job = &job, .begin = cuts[i], .end = cuts[i + 1]};
    MVEC_TRY(run_threads(ctx, &job, pieces, count, count_lines, body_length));
    size_t lines = 0;
    for (size_t i = 0; i < count; i++) {
        pieces[i].first_line = 2 + lines;
        pieces[i].row_offset = lines;
        lines += pieces[i].lines;
    }
    if (lines > UINT32_MAX)
        MVEC_FAIL(ctx, MVEC_ERR_LIMIT, "%s: over %u rows", name, UINT32_MAX);
    size_t capacity = lines ? lines : 1;
    MVEC_TRY(mvec__alloc(ctx, capacity * sizeof *raw->year, &raw->year));
    MVEC_TRY(mvec__alloc(ctx, capacity * sizeof *raw->exporter, &raw->exporter));
    MVEC_TRY(mvec__alloc(ctx, capacity * sizeof *raw->importer, &raw->importer));
    MVEC_TRY(mvec__alloc(ctx, capacity * sizeof *raw->product, &raw->product));
    MVEC_TRY(mvec__alloc(ctx, capacity * sizeof *raw->value, &raw->value));
    if (has_quantity(&job.layout))
        MVEC_TRY(mvec__alloc(ctx, capacity * sizeof *raw->quantity, &raw->quantity));

    MVEC_TRY(run_threads(ctx, &job, pieces, count, parse_piece, body_length));
    for (size_t i = 0; i < count; i++) {
        if (pieces[i].status != MVEC_OK)
            MVEC_FAIL(ctx, pieces[i].status, "%s", pieces[i].message);
        raw->editions |= pieces[i].editions;
    }

    /* Close the gaps left by blank lines, keeping file order. */
    size_t rows = 0;
    for (size_t i = 0; i < count; i++) {
        size_t from = pieces[i].row_offset;
        size_t n = pieces[i].rows;
        if (from != rows && n > 0) {
            memmove(raw->year + rows, raw->year + from, n * sizeof *raw->year);
            memmove(raw->exporter + rows, raw->exporter + from, n * sizeof *raw->exporter);
            memmove(raw->importer + rows, raw->importer + from, n * sizeof *raw->importer);
            memmove(raw->product + rows, raw->product + from, n * sizeof *raw->product);
            memmove(raw->value + rows, raw->value + from, n * sizeof *raw->value);
            if (raw->quantity)
                memmove(raw->quantity + rows, raw->quantity + from, n * sizeof *raw->quantity);
        }
        rows += n;
    }
    raw->rows = rows;
    *reader = job.layout.reader;
cleanup:
    if (status != MVEC_OK)
        mvec__flow_raw_clear(ctx, raw);
    return status;
}
