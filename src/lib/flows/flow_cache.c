/*
 * flow_cache.c - the columnar cache of a flow table (docs/formats.md, "Flow
 * cache"): a 512-byte header, then sections at 64-byte boundaries (the six
 * columns, the country and product codes, the provenance), so that a mapped
 * file is the table: no parsing, no copy. Written to a temporary file and
 * renamed (not synced: see mvec_flows_write); on opening, everything the
 * header claims is checked before any column is used, and checksums catch
 * damage: one over the header (which holds the others), one per section,
 * so that a query that reads only the state section (the sums of the
 * queries, flow_state_file.c) checks only the bytes it reads.
 *
 * The checksum is not SHA-256: it is read on every open, so it must run at
 * memory speed. Four lanes of h = (h ^ word) * odd constant over the 64-bit
 * words; each step is a bijection of h, so a change of any one word (any
 * single flipped bit, a zeroed block) always changes the result. It guards
 * against damage, not against tampering.
 */
#define _XOPEN_SOURCE 700 /* realpath */

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "flow_state.h"
#include "flows_internal.h"

enum {
    CACHE_VERSION = 3,
    HEADER_SIZE = 512,
    ALIGN = 64,
    SECTION_COUNT = 10,
    SECTION_ENTRY = 24, /* u64 offset, u64 length, u64 checksum */
    BYTE_ORDER_MARK = 0x01020304,
};

static const char MAGIC[8] = {'M', 'V', 'E', 'C', 'F', 'L', 'O', 'W'};

/* Header field offsets. */
enum {
    AT_MAGIC = 0,
    AT_VERSION = 8,
    AT_ORDER = 12,
    AT_FILE_SIZE = 16,
    AT_CHECKSUM = 24,
    AT_ROWS = 32,
    AT_SOURCE_SIZE = 40,
    AT_SOURCE_MTIME = 48,
    AT_SOURCE_SHA = 56, /* 64 hex digits */
    AT_SECTION_COUNT = 120,
    AT_SECTIONS = 128, /* SECTION_COUNT x SECTION_ENTRY */
};

enum section {
    S_YEAR = 0,
    S_EXPORTER,
    S_IMPORTER,
    S_PRODUCT,
    S_VALUE,
    S_QUANTITY,
    S_COUNTRIES, /* "code\tmvec_code\n" per country */
    S_PRODUCTS,  /* "code\n" per product */
    S_INFO,      /* "key\tvalue\n" */
    S_STATE,     /* the flow query state of the rows (flow_state_file.c), or empty */
};

static const char *const SECTION_NAMES[SECTION_COUNT] = {
    "year column",    "exporter column", "importer column", "product column",
    "value column",   "quantity column", "country codes",   "product codes",
    "provenance",     "query sums",
};

/* ---- checksum ---------------------------------------------------------------------------- */

static const uint64_t MIX = 0x9E3779B97F4A7C15u;

struct checksum {
    uint64_t lane[4];
    size_t words;
};

static void checksum_init(struct checksum *c)
{
    c->lane[0] = 1;
    c->lane[1] = 2;
    c->lane[2] = 3;
    c->lane[3] = 4;
    c->words = 0;
}

/* Feed `length` bytes, then zeros up to `padded` (a multiple of 8). */
static void checksum_feed(struct checksum *c, const void *data, size_t length, size_t padded)
{
    const unsigned char *bytes = data;
    size_t whole = length / 8, i = 0;
    for (; i < whole && ((c->words + i) & 3) != 0; i++) { /* to lane 0 */
        uint64_t word;
        memcpy(&word, bytes + 8 * i, 8);
        size_t lane = (c->words + i) & 3;
        c->lane[lane] = (c->lane[lane] ^ word) * MIX;
    }
    /* four words a step with the lanes in registers: four independent multiplications */
    uint64_t a = c->lane[0], b = c->lane[1], d = c->lane[2], e = c->lane[3];
    for (; i + 4 <= whole; i += 4) {
        uint64_t w[4];
        memcpy(w, bytes + 8 * i, sizeof w);
        a = (a ^ w[0]) * MIX;
        b = (b ^ w[1]) * MIX;
        d = (d ^ w[2]) * MIX;
        e = (e ^ w[3]) * MIX;
    }
    c->lane[0] = a, c->lane[1] = b, c->lane[2] = d, c->lane[3] = e;
    for (; i < whole; i++) {
        uint64_t word;
        memcpy(&word, bytes + 8 * i, 8);
        size_t lane = (c->words + i) & 3;
        c->lane[lane] = (c->lane[lane] ^ word) * MIX;
    }
    c->words += whole;
    size_t done = whole * 8;
    if (done < length) {
        uint64_t word = 0;
        memcpy(&word, bytes + done, length - done);
        c->lane[c->words & 3] = (c->lane[c->words & 3] ^ word) * MIX;
        c->words++;
        done += 8;
    }
    for (; done < padded; done += 8, c->words++)
        c->lane[c->words & 3] = (c->lane[c->words & 3] ^ 0) * MIX;
}

static uint64_t checksum_final(const struct checksum *c)
{
    uint64_t h = c->lane[0];
    for (int i = 1; i < 4; i++)
        h = (h * MIX) ^ c->lane[i];
    return h * MIX;
}

/* The checksum of `length` bytes padded with zeros to the section alignment. */
static uint64_t checksum_of(const void *data, size_t length, size_t padded)
{
    struct checksum sum;
    checksum_init(&sum);
    checksum_feed(&sum, data ? data : "", length, padded);
    return checksum_final(&sum);
}

/* ---- helpers ------------------------------------------------------------------------------ */

static size_t round_up(size_t n)
{
    return (n + ALIGN - 1) / ALIGN * ALIGN;
}

void mvec__flows_unmap(void *map, size_t length)
{
    munmap(map, length);
}

/* ---- writing ------------------------------------------------------------------------------ */

static mvec_status write_all(mvec_ctx *ctx, int fd, const char *path, const void *data,
                             size_t length, size_t padded)
{
    static const char zeros[ALIGN];
    const char *p = data;
    while (length > 0) {
        ssize_t n = write(fd, p, length > (1u << 30) ? (1u << 30) : length);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return mvec__error(ctx, MVEC_ERR_IO, "cannot write %s: %s", path, strerror(errno));
        p += n;
        length -= (size_t)n;
        padded -= (size_t)n;
    }
    while (padded > 0) {
        ssize_t n = write(fd, zeros, padded);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return mvec__error(ctx, MVEC_ERR_IO, "cannot write %s: %s", path, strerror(errno));
        padded -= (size_t)n;
    }
    return MVEC_OK;
}

static bool has_tab_or_newline(const char *text)
{
    return strpbrk(text, "\t\n") != NULL;
}

/* Write the cache of `flows`, with the flat state image `state` (state_length bytes; none
 * when 0). */
static mvec_status cache_write(mvec_ctx *ctx, const mvec_flows *flows, const void *state,
                               size_t state_length, const char *cache_path)
{
    mvec_status status = MVEC_OK;
    mvec__buf countries = MVEC__BUF_INIT(SIZE_MAX / 2);
    mvec__buf products = MVEC__BUF_INIT(SIZE_MAX / 2);
    mvec__buf info_text = MVEC__BUF_INIT(SIZE_MAX / 2);
    char temporary[PATH_MAX];
    int fd = -1;
    const mvec_flows_info *info = &flows->info;
    const mvec_flows_columns *c = &flows->columns;
    size_t rows = c->rows;

    if (has_tab_or_newline(info->source_path))
        MVEC_FAIL(ctx, MVEC_ERR_IO, "cannot cache %s: a tab or newline in the path",
                  info->source_path);
    for (size_t i = 0; i < info->country_count; i++)
        MVEC_TRY(mvec__buf_printf(ctx, &countries, "%s\t%s\n", flows->countries[i].code,
                                  flows->countries[i].mvec_code));
    for (size_t i = 0; i < info->product_count; i++)
        MVEC_TRY(mvec__buf_printf(ctx, &products, "%s\n", flows->products[i]));
    MVEC_TRY(mvec__buf_printf(ctx, &info_text,
                              "format\t%s\nbasis\t%s\nhs_edition\t%s\nproduct_digits\t%d\n"
                              "value_unit\t%s\nvalue_decimals\t%d\nquantity_unit\t%s\n"
                              "source_path\t%s\nfirst_year\t%d\nlast_year\t%d\n",
                              info->format, mvec_flows_basis_name(info->basis), info->hs_edition,
                              info->product_digits, info->value_unit, info->value_decimals,
                              info->quantity_unit,
                              info->source_path, info->first_year, info->last_year));

    const void *data[SECTION_COUNT] = {c->year,      c->exporter,    c->importer,
                                       c->product,   c->value,       c->quantity,
                                       countries.data, products.data, info_text.data,
                                       state};
    size_t lengths[SECTION_COUNT] = {
        rows * 2, rows * 2, rows * 2, rows * 4, rows * 8, c->quantity ? rows * 8 : 0,
        countries.length, products.length, info_text.length, state_length};
    unsigned char header[HEADER_SIZE];
    memset(header, 0, sizeof header);
    memcpy(header + AT_MAGIC, MAGIC, sizeof MAGIC);
    mvec__put32(header + AT_VERSION, CACHE_VERSION);
    mvec__put32(header + AT_ORDER, BYTE_ORDER_MARK);
    mvec__put64(header + AT_ROWS, rows);
    mvec__put64(header + AT_SOURCE_SIZE, (uint64_t)info->source_size);
    mvec__put64(header + AT_SOURCE_MTIME, (uint64_t)info->source_mtime_ns);
    memcpy(header + AT_SOURCE_SHA, info->source_sha256, 64);
    mvec__put32(header + AT_SECTION_COUNT, SECTION_COUNT);
    size_t offset = HEADER_SIZE;
    for (int s = 0; s < SECTION_COUNT; s++) {
        unsigned char *entry = header + AT_SECTIONS + SECTION_ENTRY * s;
        mvec__put64(entry, offset);
        mvec__put64(entry + 8, lengths[s]);
        mvec__put64(entry + 16, checksum_of(data[s], lengths[s], round_up(lengths[s])));
        offset += round_up(lengths[s]);
    }
    mvec__put64(header + AT_FILE_SIZE, offset);
    mvec__put64(header + AT_CHECKSUM, checksum_of(header, HEADER_SIZE, HEADER_SIZE));

    int length = snprintf(temporary, sizeof temporary, "%s.tmp%ld", cache_path, (long)getpid());
    if (length < 0 || (size_t)length >= sizeof temporary)
        MVEC_FAIL(ctx, MVEC_ERR_IO, "cache path too long: %s", cache_path);
    fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
    if (fd < 0)
        MVEC_FAIL(ctx, MVEC_ERR_IO, "cannot create %s: %s", temporary, strerror(errno));
    MVEC_TRY(write_all(ctx, fd, temporary, header, HEADER_SIZE, HEADER_SIZE));
    for (int s = 0; s < SECTION_COUNT; s++)
        MVEC_TRY(write_all(ctx, fd, temporary, data[s], lengths[s], round_up(lengths[s])));
    /* No fsync: a cache torn by a crash fails its size or checksum and is rebuilt, so
     * durability is not worth a second of waiting on the disk per 100 MB. */
    int closed = close(fd);
    fd = -1;
    if (closed != 0)
        MVEC_FAIL(ctx, MVEC_ERR_IO, "cannot write %s: %s", temporary, strerror(errno));
    if (rename(temporary, cache_path) != 0)
        MVEC_FAIL(ctx, MVEC_ERR_IO, "cannot rename %s to %s: %s", temporary, cache_path,
                  strerror(errno));
cleanup:
    if (fd >= 0)
        close(fd);
    if (status != MVEC_OK)
        unlink(temporary);
    mvec__buf_clear(ctx, &countries);
    mvec__buf_clear(ctx, &products);
    mvec__buf_clear(ctx, &info_text);
    return status;
}

mvec_status mvec_flows_write(mvec_ctx *ctx, const mvec_flows *flows, const char *cache_path)
{
    return cache_write(ctx, flows, NULL, 0, cache_path);
}

/* ---- opening ------------------------------------------------------------------------------ */

/* The value of `key` in the info section, as a copy in the table's strings. */
static mvec_status info_value(mvec_ctx *ctx, mvec_flows *flows, const char *text, size_t length,
                              const char *key, const char **out)
{
    size_t key_length = strlen(key);
    const char *p = text;
    const char *end = text + length;
    while (p < end) {
        const char *newline = memchr(p, '\n', (size_t)(end - p));
        if (newline == NULL)
            break;
        if ((size_t)(newline - p) > key_length && memcmp(p, key, key_length) == 0 &&
            p[key_length] == '\t') {
            char value[PATH_MAX + 64];
            size_t n = (size_t)(newline - p) - key_length - 1;
            if (n >= sizeof value)
                break;
            memcpy(value, p + key_length + 1, n);
            value[n] = '\0';
            return mvec__arena_strdup(ctx, &flows->strings, value, out);
        }
        p = newline + 1;
    }
    return mvec__error(ctx, MVEC_ERR_PARSE, "no '%s' in its provenance section", key);
}

/* Split a text section into `count` lines of tab-separated fields. */
static mvec_status read_codes(mvec_ctx *ctx, mvec_flows *flows, const char *text, size_t length,
                              size_t count, bool pairs)
{
    mvec_status status = MVEC_OK;
    const char *p = text;
    const char *end = text + length;
    for (size_t i = 0; i < count; i++) {
        const char *newline = p < end ? memchr(p, '\n', (size_t)(end - p)) : NULL;
        if (newline == NULL)
            MVEC_FAIL(ctx, MVEC_ERR_PARSE, "%s list shorter than its count", pairs ? "country" : "product");
        char line[64];
        size_t n = (size_t)(newline - p);
        if (n >= sizeof line)
            MVEC_FAIL(ctx, MVEC_ERR_PARSE, "code too long");
        memcpy(line, p, n);
        line[n] = '\0';
        if (pairs) {
            char *tab = strchr(line, '\t');
            if (tab == NULL)
                MVEC_FAIL(ctx, MVEC_ERR_PARSE, "country line without a tab");
            *tab = '\0';
            MVEC_TRY(mvec__arena_strdup(ctx, &flows->strings, line, &flows->countries[i].code));
            MVEC_TRY(mvec__arena_strdup(ctx, &flows->strings, tab + 1,
                                        &flows->countries[i].mvec_code));
        } else {
            MVEC_TRY(mvec__arena_strdup(ctx, &flows->strings, line, &flows->products[i]));
        }
        p = newline + 1;
    }
    if (p != end)
        MVEC_FAIL(ctx, MVEC_ERR_PARSE, "%s list longer than its count", pairs ? "country" : "product");
cleanup:
    return status;
}

static size_t count_lines(const char *text, size_t length)
{
    size_t lines = 0;
    for (size_t i = 0; i < length; i++)
        lines += text[i] == '\n';
    return lines;
}

/* The header of a cache of `size` bytes: magic, byte order, version, size, its checksum. */
static mvec_status check_header(mvec_ctx *ctx, const unsigned char *map, size_t size)
{
    mvec_status status = MVEC_OK;
    if (size < HEADER_SIZE)
        MVEC_FAIL(ctx, MVEC_ERR_PARSE, "too short for a flow cache (%zu bytes)", size);
    if (memcmp(map + AT_MAGIC, MAGIC, sizeof MAGIC) != 0)
        MVEC_FAIL(ctx, MVEC_ERR_PARSE, "bad magic: not an mvec flow cache");
    if (mvec__get32(map + AT_ORDER) != BYTE_ORDER_MARK)
        MVEC_FAIL(ctx, MVEC_ERR_PARSE, "written on a machine of another byte order");
    if (mvec__get32(map + AT_VERSION) != CACHE_VERSION)
        MVEC_FAIL(ctx, MVEC_ERR_PARSE, "format version %u, this mvec reads version %d",
                  mvec__get32(map + AT_VERSION), CACHE_VERSION);
    if (mvec__get64(map + AT_FILE_SIZE) != size)
        MVEC_FAIL(ctx, MVEC_ERR_PARSE, "%zu bytes where its header says %llu (truncated?)", size,
                  (unsigned long long)mvec__get64(map + AT_FILE_SIZE));
    if (mvec__get32(map + AT_SECTION_COUNT) != SECTION_COUNT || size % 8 != 0)
        MVEC_FAIL(ctx, MVEC_ERR_PARSE, "bad section table");
    unsigned char header[HEADER_SIZE];
    memcpy(header, map, HEADER_SIZE);
    mvec__put64(header + AT_CHECKSUM, 0);
    if (checksum_of(header, HEADER_SIZE, HEADER_SIZE) != mvec__get64(map + AT_CHECKSUM))
        MVEC_FAIL(ctx, MVEC_ERR_PARSE, "checksum mismatch in the header: the file is damaged");
cleanup:
    return status;
}

/* Section s of a cache whose header is checked: in the file, and its checksum. */
static mvec_status check_section(mvec_ctx *ctx, const unsigned char *map, size_t size, int s,
                                 uint64_t *offset, uint64_t *length)
{
    const unsigned char *entry = map + AT_SECTIONS + SECTION_ENTRY * s;
    *offset = mvec__get64(entry);
    *length = mvec__get64(entry + 8);
    if (*offset < HEADER_SIZE || *offset % ALIGN != 0 || *offset > size ||
        *length > size - *offset || round_up(*length) > size - *offset)
        return mvec__error(ctx, MVEC_ERR_PARSE, "section %d out of the file", s);
    /* the padding too, as written (zeros): no byte of the file escapes a checksum */
    if (checksum_of(map + *offset, round_up(*length), round_up(*length)) != mvec__get64(entry + 16))
        return mvec__error(ctx, MVEC_ERR_PARSE, "checksum mismatch in its %s: the file is damaged",
                           SECTION_NAMES[s]);
    return MVEC_OK;
}

/* Check the mapped file and point the table into it. Errors are
 * MVEC_ERR_PARSE with the reason alone (the caller adds the file's name). */
static mvec_status parse_cache(mvec_ctx *ctx, const unsigned char *map, size_t size,
                               mvec_flows *flows)
{
    mvec_status status = MVEC_OK;
    MVEC_TRY(check_header(ctx, map, size));

    uint64_t rows = mvec__get64(map + AT_ROWS);
    if (rows > UINT32_MAX)
        MVEC_FAIL(ctx, MVEC_ERR_PARSE, "bad row count");
    const unsigned char *at[SECTION_COUNT];
    size_t lengths[SECTION_COUNT];
    const size_t widths[S_QUANTITY + 1] = {2, 2, 2, 4, 8, 8};
    for (int s = 0; s < SECTION_COUNT; s++) {
        uint64_t offset = 0, length = 0;
        MVEC_TRY(check_section(ctx, map, size, s, &offset, &length));
        if (s <= S_QUANTITY && length != rows * widths[s] && !(s == S_QUANTITY && length == 0))
            MVEC_FAIL(ctx, MVEC_ERR_PARSE, "column %d has the wrong length", s);
        at[s] = map + offset;
        lengths[s] = (size_t)length;
    }
    mvec_flows_info *info = &flows->info;
    const char *text = (const char *)at[S_INFO];
    size_t length = lengths[S_INFO];
    const char *value = NULL;
    MVEC_TRY(info_value(ctx, flows, text, length, "format", &info->format));
    MVEC_TRY(info_value(ctx, flows, text, length, "basis", &value));
    if (strcmp(value, "reconciled") == 0)
        info->basis = MVEC_FLOWS_RECONCILED;
    else if (strcmp(value, "importer-declared") == 0)
        info->basis = MVEC_FLOWS_IMPORTER_DECLARED;
    else if (strcmp(value, "exporter-declared") == 0)
        info->basis = MVEC_FLOWS_EXPORTER_DECLARED;
    else if (strcmp(value, "reporter-declared") == 0)
        info->basis = MVEC_FLOWS_REPORTER_DECLARED;
    else
        MVEC_FAIL(ctx, MVEC_ERR_PARSE, "unknown basis '%s'", value);
    MVEC_TRY(info_value(ctx, flows, text, length, "hs_edition", &info->hs_edition));
    MVEC_TRY(info_value(ctx, flows, text, length, "product_digits", &value));
    info->product_digits = atoi(value);
    MVEC_TRY(info_value(ctx, flows, text, length, "value_unit", &info->value_unit));
    MVEC_TRY(info_value(ctx, flows, text, length, "value_decimals", &value));
    info->value_decimals = atoi(value);
    MVEC_TRY(info_value(ctx, flows, text, length, "quantity_unit", &info->quantity_unit));
    MVEC_TRY(info_value(ctx, flows, text, length, "source_path", &info->source_path));
    MVEC_TRY(info_value(ctx, flows, text, length, "first_year", &value));
    info->first_year = atoi(value);
    MVEC_TRY(info_value(ctx, flows, text, length, "last_year", &value));
    info->last_year = atoi(value);
    char sha[65];
    memcpy(sha, map + AT_SOURCE_SHA, 64);
    sha[64] = '\0';
    MVEC_TRY(mvec__arena_strdup(ctx, &flows->strings, sha, &info->source_sha256));
    info->source_size = (long long)mvec__get64(map + AT_SOURCE_SIZE);
    info->source_mtime_ns = (long long)mvec__get64(map + AT_SOURCE_MTIME);
    info->rows = (size_t)rows;
    info->country_count = count_lines((const char *)at[S_COUNTRIES], lengths[S_COUNTRIES]);
    info->product_count = count_lines((const char *)at[S_PRODUCTS], lengths[S_PRODUCTS]);
    MVEC_TRY(mvec__calloc(ctx, info->country_count + 1, sizeof *flows->countries,
                          &flows->countries));
    MVEC_TRY(mvec__calloc(ctx, info->product_count + 1, sizeof *flows->products,
                          &flows->products));
    MVEC_TRY(read_codes(ctx, flows, (const char *)at[S_COUNTRIES], lengths[S_COUNTRIES],
                        info->country_count, true));
    MVEC_TRY(read_codes(ctx, flows, (const char *)at[S_PRODUCTS], lengths[S_PRODUCTS],
                        info->product_count, false));

    mvec_flows_columns *c = &flows->columns;
    c->rows = (size_t)rows;
    c->year = (const uint16_t *)(const void *)at[S_YEAR];
    c->exporter = (const uint16_t *)(const void *)at[S_EXPORTER];
    c->importer = (const uint16_t *)(const void *)at[S_IMPORTER];
    c->product = (const uint32_t *)(const void *)at[S_PRODUCT];
    c->value = (const int64_t *)(const void *)at[S_VALUE];
    /* a source with a quantity column has a quantity unit, even with no rows */
    c->quantity = info->quantity_unit[0] ? (const int64_t *)(const void *)at[S_QUANTITY] : NULL;
    if (c->quantity == NULL && lengths[S_QUANTITY] != 0)
        MVEC_FAIL(ctx, MVEC_ERR_PARSE, "quantities without a unit");
    if (c->quantity != NULL && lengths[S_QUANTITY] != rows * 8)
        MVEC_FAIL(ctx, MVEC_ERR_PARSE, "column 5 has the wrong length");
    /* The checksum rules out damage, not a hand-made file: indexes are checked once so the
     * queries may trust them. */
    for (size_t r = 0; r < c->rows; r++)
        if (c->exporter[r] >= info->country_count || c->importer[r] >= info->country_count ||
            c->product[r] >= info->product_count)
            MVEC_FAIL(ctx, MVEC_ERR_PARSE, "row %zu holds a code index out of range", r + 1);
cleanup:
    return status;
}

mvec_status mvec_flows_open(mvec_ctx *ctx, const char *cache_path, mvec_flows **out)
{
    mvec_status status = MVEC_OK;
    mvec_flows *flows = NULL;
    int fd = open(cache_path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return mvec__error(ctx, MVEC_ERR_IO, "cannot open %s: %s", cache_path, strerror(errno));
    struct stat info;
    if (fstat(fd, &info) != 0)
        MVEC_FAIL(ctx, MVEC_ERR_IO, "cannot read %s: %s", cache_path, strerror(errno));
    MVEC_TRY(mvec__flows_new(ctx, &flows));
    size_t size = (size_t)info.st_size;
    if (size >= HEADER_SIZE) {
        void *map = mmap(NULL, size, PROT_READ, MAP_SHARED, fd, 0);
        if (map == MAP_FAILED)
            MVEC_FAIL(ctx, MVEC_ERR_IO, "cannot map %s: %s", cache_path, strerror(errno));
        flows->map = map;
        flows->map_length = size;
    }
    status = parse_cache(ctx, flows->map, size, flows);
    if (status == MVEC_ERR_PARSE) {
        char reason[1024];
        snprintf(reason, sizeof reason, "%s", mvec_ctx_error_message(ctx));
        MVEC_FAIL(ctx, MVEC_ERR_PARSE, "%s: not a usable flow cache: %s", cache_path, reason);
    }
    MVEC_TRY(status);
    *out = flows;
    flows = NULL;
cleanup:
    close(fd);
    mvec_flows_close(ctx, flows);
    return status;
}

/* The flat image of the query state of a table's rows (none, *length 0, when its country or
 * product codes are not numbers, as WITS's letters: the queries need numbers). */
static mvec_status table_state(mvec_ctx *ctx, const mvec_flows *flows, unsigned threads,
                               unsigned char **out, size_t *length)
{
    mvec_flow_state *state = NULL;
    uint64_t world_rows = 0;
    *out = NULL;
    *length = 0;
    mvec_status status = mvec_flow_state_new(ctx, MVEC_FLOW_PAIRS | MVEC_FLOW_CELLS, &state);
    if (status == MVEC_OK)
        status = mvec__flow_state_add_table(ctx, state, flows, threads, &world_rows);
    if (status == MVEC_ERR_INVALID) { /* codes that are not numbers */
        mvec_ctx_clear_error(ctx);
        status = MVEC_OK;
    } else if (status == MVEC_OK) {
        size_t size = mvec__flow_state_flat_size(state);
        status = mvec__alloc(ctx, size, out);
        if (status == MVEC_OK) {
            mvec__flow_state_flat_write(state, *out);
            *length = size;
        }
    }
    mvec_flow_state_free(ctx, state);
    return status;
}

/* ---- import through the cache ------------------------------------------------------------- */

mvec_status mvec_flows_cache_path(mvec_ctx *ctx, const char *path, const char *cache_dir,
                                  char *out, size_t size)
{
    char absolute[PATH_MAX];
    if (realpath(path, absolute) == NULL)
        return mvec__error(ctx, MVEC_ERR_IO, "cannot open %s: %s", path, strerror(errno));
    char sha[65];
    mvec__flow_sha256_hex(absolute, strlen(absolute), sha);
    int length = snprintf(out, size, "%s/%.16s.mvf", cache_dir, sha);
    if (length < 0 || (size_t)length >= size)
        return mvec__error(ctx, MVEC_ERR_LIMIT, "cache path too long for %s", path);
    return MVEC_OK;
}

mvec_status mvec_flows_import(mvec_ctx *ctx, const mvec_countries *countries, const char *path,
                              const char *cache_dir, const mvec_flows_options *options,
                              mvec_flows **out, mvec_flows_outcome *outcome)
{
    mvec_status status = MVEC_OK;
    mvec_flows *cached = NULL;
    mvec_flows *flows = NULL;
    struct mvec__flow_source source;
    memset(&source, 0, sizeof source);
    char cache_path[PATH_MAX];
    char absolute[PATH_MAX];
    mvec_flows_outcome result = MVEC_FLOWS_CREATED;
    unsigned char *state = NULL;
    size_t state_length = 0;
    MVEC_TRY(mvec_flows_cache_path(ctx, path, cache_dir, cache_path, sizeof cache_path));
    if (realpath(path, absolute) == NULL)
        MVEC_FAIL(ctx, MVEC_ERR_IO, "cannot open %s: %s", path, strerror(errno));
    struct stat info;
    if (stat(path, &info) != 0)
        MVEC_FAIL(ctx, MVEC_ERR_IO, "cannot open %s: %s", path, strerror(errno));
    long long mtime = (long long)info.st_mtim.tv_sec * 1000000000LL + info.st_mtim.tv_nsec;

    if (access(cache_path, F_OK) == 0) {
        mvec_status opened = mvec_flows_open(ctx, cache_path, &cached);
        if (opened == MVEC_ERR_NOMEM || opened == MVEC_ERR_CANCELLED)
            MVEC_FAIL(ctx, opened, "%s", mvec_ctx_error_message(ctx));
        if (opened != MVEC_OK) {
            mvec__log(ctx, MVEC_LOG_WARNING, "%s; rebuilding it from %s",
                      mvec_ctx_error_message(ctx), path);
            mvec_ctx_clear_error(ctx);
            result = MVEC_FLOWS_REBUILT_CORRUPT;
        } else if (strcmp(cached->info.source_path, absolute) == 0 &&
                   cached->info.source_size == (long long)info.st_size &&
                   cached->info.source_mtime_ns == mtime) {
            result = MVEC_FLOWS_UNCHANGED;
        } else {
            result = MVEC_FLOWS_REBUILT_STALE;
        }
    }
    if (result == MVEC_FLOWS_UNCHANGED) {
        /* what reading the source said of its codes is said again */
        MVEC_TRY(mvec__flows_warn_unmapped(ctx, cached, path));
        *out = cached;
        cached = NULL;
        goto cleanup;
    }
    MVEC_TRY(mvec__flow_source_open(ctx, path, &source));
    if (result == MVEC_FLOWS_REBUILT_STALE) {
        /* Touched but not changed: the same bytes keep the cache. */
        if (strcmp(cached->info.source_path, absolute) == 0 &&
            strcmp(mvec__flow_source_sha256(&source), cached->info.source_sha256) == 0) {
            MVEC_TRY(mvec__flows_warn_unmapped(ctx, cached, path));
            *out = cached;
            cached = NULL;
            result = MVEC_FLOWS_UNCHANGED;
            goto cleanup;
        }
        mvec__log(ctx, MVEC_LOG_WARNING,
                  "%s: stale flow cache (the source %s has changed since it was cached); "
                  "rebuilding it",
                  cache_path, path);
    }
    mvec_flows_close(ctx, cached);
    cached = NULL;
    status = mvec__flows_read_source(ctx, countries, path, &source, options, &flows);
    if (status != MVEC_OK) {
        unlink(cache_path); /* never leave a cache of an earlier version of a bad file */
        goto cleanup;
    }
    if (mkdir(cache_dir, 0777) != 0 && errno != EEXIST)
        MVEC_FAIL(ctx, MVEC_ERR_IO, "cannot create %s: %s", cache_dir, strerror(errno));
    MVEC_TRY(table_state(ctx, flows, options ? options->threads : 0, &state, &state_length));
    MVEC_TRY(cache_write(ctx, flows, state, state_length, cache_path));
    *out = flows;
    flows = NULL;
cleanup:
    mvec__free(ctx, state);
    if (status == MVEC_OK && outcome != NULL)
        *outcome = result;
    mvec__flow_source_close(ctx, &source);
    mvec_flows_close(ctx, cached);
    mvec_flows_close(ctx, flows);
    return status;
}

/* ---- the query state of a cache ---------------------------------------------------------------- */

mvec_status mvec_flow_state_add_cached(mvec_ctx *ctx, mvec_flow_state *state, const char *path,
                                       const char *cache_dir, int *taken)
{
    if (state == NULL || path == NULL || cache_dir == NULL || taken == NULL)
        return mvec__error(ctx, MVEC_ERR_INVALID, "flow state: no state, file or cache folder");
    *taken = 0;
    char cache_path[PATH_MAX], absolute[PATH_MAX];
    mvec_status status = mvec_flows_cache_path(ctx, path, cache_dir, cache_path, sizeof cache_path);
    if (status != MVEC_OK)
        return status;
    if (realpath(path, absolute) == NULL)
        return mvec__error(ctx, MVEC_ERR_IO, "cannot open %s: %s", path, strerror(errno));
    struct stat source, info;
    if (stat(path, &source) != 0)
        return mvec__error(ctx, MVEC_ERR_IO, "cannot open %s: %s", path, strerror(errno));
    int fd = open(cache_path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return MVEC_OK; /* no cache yet */
    void *map = NULL;
    size_t size = 0;
    if (fstat(fd, &info) != 0 || (size = (size_t)info.st_size) < HEADER_SIZE)
        goto done;
    map = mmap(NULL, size, PROT_READ, MAP_SHARED, fd, 0);
    if (map == MAP_FAILED) {
        map = NULL;
        goto done;
    }
    const unsigned char *bytes = map;
    long long mtime =
        (long long)source.st_mtim.tv_sec * 1000000000LL + source.st_mtim.tv_nsec;
    uint64_t info_offset = 0, info_length = 0, offset = 0, length = 0;
    /* Anything wrong here is left to the import, which reports it and rebuilds the cache. */
    if (check_header(ctx, bytes, size) != MVEC_OK ||
        check_section(ctx, bytes, size, S_INFO, &info_offset, &info_length) != MVEC_OK ||
        mvec__get64(bytes + AT_SOURCE_SIZE) != (uint64_t)source.st_size ||
        mvec__get64(bytes + AT_SOURCE_MTIME) != (uint64_t)mtime)
        goto done;
    /* the source path, exactly: "source_path\t<path>\n" in the info section */
    char line[PATH_MAX + 16];
    int n = snprintf(line, sizeof line, "\nsource_path\t%s\n", absolute);
    const char *text = (const char *)bytes + info_offset;
    bool same = false;
    for (size_t i = 0; n > 0 && i + (size_t)n <= info_length && !same; i++)
        same = memcmp(text + i, line, (size_t)n) == 0;
    if (!same || check_section(ctx, bytes, size, S_STATE, &offset, &length) != MVEC_OK ||
        length == 0)
        goto done;
    const char *why = NULL;
    status = mvec__flow_state_add_flat(ctx, state, bytes + offset, length, map, size, &why);
    if (status == MVEC_OK) {
        map = NULL; /* the state unmaps it */
        *taken = 1;
    } else if (status == MVEC_ERR_PARSE) {
        status = MVEC_OK; /* a damaged cache: the import says so and rebuilds it */
    }
done:
    if (status == MVEC_OK)
        mvec_ctx_clear_error(ctx);
    if (map != NULL)
        munmap(map, size);
    close(fd);
    return status;
}
