/*
 * flow_state_file.c - a flow query state on disk, in two layouts
 * (docs/formats.md, "Flow query state"):
 *
 *   the saved state (--state FILE): sparse, only the non-zero sums, read
 *   into new blocks; small, for moving partial states between processes;
 *   the flat image: the dense blocks as they are in memory, 64-byte
 *   aligned, kept in a flow cache so that a query maps it and answers from
 *   it without copying or parsing (flow_cache.c checks its checksum).
 *
 * Both are in this machine's byte order. Whatever is read is checked
 * before it is used: sizes, offsets, distinct codes, and the bound on the
 * sums that keeps the answers' integer arithmetic from overflowing.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "flow_state.h"

typedef mvec__u128 u128;
typedef mvec__flow_cell fq_cell;
typedef mvec__flow_block fq_block;

#define ABS_LIMIT MVEC__FLOW_ABS_LIMIT
#define block_new mvec__flow_block_new
#define block_free mvec__flow_block_free

/* Whether the n codes are distinct. Cost: O(n log n). */
static mvec_status distinct_codes(mvec_ctx *ctx, const unsigned *codes, size_t n, bool *distinct)
{
    *distinct = true;
    if (n < 2)
        return MVEC_OK;
    unsigned *sorted = NULL;
    mvec_status status = mvec__calloc(ctx, n, sizeof *sorted, &sorted);
    if (status != MVEC_OK)
        return status;
    memcpy(sorted, codes, n * sizeof *codes);
    *distinct = mvec__flow_codes_unique(sorted, n) == n;
    mvec__free(ctx, sorted);
    return MVEC_OK;
}

/* ---- state file ------------------------------------------------------------------------- */

static const char STATE_MAGIC[16] = "MVEC-FLOWSTATE1\n";

int mvec_flow_state_is_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        return 0;
    char head[16];
    int yes = fread(head, 1, sizeof head, f) == sizeof head &&
              memcmp(head, STATE_MAGIC, sizeof head) == 0;
    fclose(f);
    return yes;
}

/* Layout: magic, u32 what, u32 product_digits, u64 abs_total lo, hi, u64 blocks; per block:
 * i32 year, u32 pad, u64 nc, u64 np, nc u32 codes, np u32 codes, [pairs: u64 nonzero count,
 * then (u32 e, u32 m, i64 sum, u64 rows)], [cells: u64 nonzero count, then (u32 m, u32 k,
 * i64 sum, i64 max, u64 sq lo, u64 sq hi)]; all in this machine's byte order. */
static bool put(FILE *f, const void *data, size_t size)
{
    return size == 0 || fwrite(data, size, 1, f) == 1;
}

static bool put_block(FILE *f, const fq_block *b)
{
    int32_t year = b->year;
    uint32_t pad = 0;
    uint64_t nc = b->nc, np = b->np;
    bool ok = put(f, &year, 4) && put(f, &pad, 4) && put(f, &nc, 8) && put(f, &np, 8) &&
              put(f, b->ccodes, b->nc * 4) && put(f, b->pcodes, b->np * 4);
    if (b->pair) {
        uint64_t count = 0;
        for (size_t i = 0; i < b->nc * b->nc; i++)
            count += b->pair_n[i] != 0 || b->pair[i] != 0;
        ok = ok && put(f, &count, 8);
        for (size_t i = 0; ok && i < b->nc * b->nc; i++) {
            if (b->pair_n[i] == 0 && b->pair[i] == 0)
                continue;
            uint32_t e = (uint32_t)(i / b->nc), m = (uint32_t)(i % b->nc);
            ok = put(f, &e, 4) && put(f, &m, 4) && put(f, &b->pair[i], 8) &&
                 put(f, &b->pair_n[i], 8);
        }
    }
    if (b->cells) {
        uint64_t count = 0;
        size_t n = b->nc * b->np;
        for (size_t i = 0; i < n; i++) {
            const fq_cell *c = &b->cells[i];
            count += c->sum != 0 || c->max != 0 || c->sq_lo != 0 || c->sq_hi != 0;
        }
        ok = ok && put(f, &count, 8);
        for (size_t i = 0; ok && i < n; i++) {
            const fq_cell *c = &b->cells[i];
            if (c->sum == 0 && c->max == 0 && c->sq_lo == 0 && c->sq_hi == 0)
                continue;
            uint32_t m = (uint32_t)(i / b->np), k = (uint32_t)(i % b->np);
            ok = put(f, &m, 4) && put(f, &k, 4) && put(f, c, sizeof *c);
        }
    }
    return ok;
}

mvec_status mvec_flow_state_save(mvec_ctx *ctx, const mvec_flow_state *state, const char *path)
{
    if (state == NULL || path == NULL)
        return mvec__error(ctx, MVEC_ERR_INVALID, "flow state: nothing to save");
    char *tmp = NULL;
    size_t length = strlen(path) + 32;
    mvec_status status = mvec__alloc(ctx, length, &tmp);
    if (status != MVEC_OK)
        return status;
    snprintf(tmp, length, "%s.tmp%ld", path, (long)getpid());
    FILE *f = fopen(tmp, "wb");
    if (f == NULL) {
        status = mvec__error(ctx, MVEC_ERR_IO, "%s: cannot write", path);
        mvec__free(ctx, tmp);
        return status;
    }
    uint32_t what = state->what, digits = (uint32_t)state->product_digits;
    uint64_t lo = (uint64_t)state->abs_total, hi = (uint64_t)(state->abs_total >> 64);
    uint64_t count = state->count;
    bool ok = put(f, STATE_MAGIC, sizeof STATE_MAGIC) && put(f, &what, 4) && put(f, &digits, 4) &&
              put(f, &lo, 8) && put(f, &hi, 8) && put(f, &count, 8);
    for (size_t i = 0; ok && i < state->count; i++)
        ok = put_block(f, state->blocks[i]);
    ok = fclose(f) == 0 && ok;
    if (!ok || rename(tmp, path) != 0) {
        remove(tmp);
        status = mvec__error(ctx, MVEC_ERR_IO, "%s: cannot write", path);
    }
    mvec__free(ctx, tmp);
    return status;
}

static bool get(FILE *f, void *data, size_t size)
{
    return size == 0 || fread(data, size, 1, f) == 1;
}

#define BAD(why)                                                                                   \
    do {                                                                                           \
        status = mvec__error(ctx, MVEC_ERR_PARSE, "%s: not a usable flow state: %s", path, why); \
        goto cleanup;                                                                              \
    } while (0)


mvec_status mvec_flow_state_load(mvec_ctx *ctx, const char *path, mvec_flow_state **out)
{
    if (path == NULL || out == NULL)
        return mvec__error(ctx, MVEC_ERR_INVALID, "flow state: no path");
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        return mvec__error(ctx, MVEC_ERR_IO, "%s: cannot open", path);
    mvec_flow_state *state = NULL;
    fq_block *b = NULL;
    unsigned *cc = NULL, *pc = NULL;
    mvec_status status = MVEC_OK;
    char magic[16];
    uint32_t what = 0, digits = 0;
    uint64_t lo = 0, hi = 0, count = 0;
    if (!get(f, magic, 16) || memcmp(magic, STATE_MAGIC, 16) != 0)
        BAD("wrong magic or version");
    if (!get(f, &what, 4) || !get(f, &digits, 4) || !get(f, &lo, 8) || !get(f, &hi, 8) ||
        !get(f, &count, 8))
        BAD("truncated header");
    if (what == 0 || what > 3 || digits > 12 || count > 100000 || hi != 0)
        BAD("bad header");
    MVEC_TRY(mvec_flow_state_new(ctx, what, &state));
    state->product_digits = (int)digits;
    state->abs_total = ((u128)hi << 64) | lo;
    if (state->abs_total >= ABS_LIMIT)
        BAD("bad total");
    for (uint64_t i = 0; i < count; i++) {
        int32_t year;
        uint32_t pad;
        uint64_t nc, np;
        if (!get(f, &year, 4) || !get(f, &pad, 4) || !get(f, &nc, 8) || !get(f, &np, 8))
            BAD("truncated block");
        if (nc > 10000 || np > 1000000 || year < 0 || year > 65535 ||
            (state->count > 0 && state->blocks[state->count - 1]->year >= year))
            BAD("bad block header");
        MVEC_TRY(mvec__calloc(ctx, nc ? nc : 1, 4, &cc));
        MVEC_TRY(mvec__calloc(ctx, np ? np : 1, 4, &pc));
        if (!get(f, cc, nc * 4) || !get(f, pc, np * 4))
            BAD("truncated codes");
        bool distinct = true;
        MVEC_TRY(distinct_codes(ctx, cc, nc, &distinct));
        if (!distinct)
            BAD("repeated country code");
        MVEC_TRY(block_new(ctx, what, year, cc, nc, pc, np, &b));
        mvec__free(ctx, cc);
        mvec__free(ctx, pc);
        cc = pc = NULL;
        if (b->pair) {
            uint64_t n;
            if (!get(f, &n, 8) || n > nc * nc)
                BAD("bad pair count");
            for (uint64_t j = 0; j < n; j++) {
                uint32_t e, m;
                int64_t sum;
                uint64_t rows;
                if (!get(f, &e, 4) || !get(f, &m, 4) || !get(f, &sum, 8) || !get(f, &rows, 8))
                    BAD("truncated pairs");
                if (e >= nc || m >= nc)
                    BAD("pair out of range");
                b->pair[e * nc + m] = sum;
                b->pair_n[e * nc + m] = rows;
            }
        }
        if (b->cells) {
            uint64_t n;
            if (!get(f, &n, 8) || n > nc * np)
                BAD("bad cell count");
            for (uint64_t j = 0; j < n; j++) {
                uint32_t m, k;
                fq_cell c;
                if (!get(f, &m, 4) || !get(f, &k, 4) || !get(f, &c, sizeof c))
                    BAD("truncated cells");
                if (m >= nc || k >= np)
                    BAD("cell out of range");
                b->cells[m * np + k] = c;
            }
        }
        if (state->count == state->capacity) {
            size_t cap = state->capacity;
            MVEC_TRY(mvec__grow(ctx, &state->blocks, &cap, state->count + 1,
                                sizeof *state->blocks));
            state->capacity = cap;
        }
        state->blocks[state->count++] = b;
        b = NULL;
    }
    if (fgetc(f) != EOF)
        BAD("bytes after the end");
    *out = state;
    state = NULL;
cleanup:
    fclose(f);
    block_free(ctx, b);
    mvec__free(ctx, cc);
    mvec__free(ctx, pc);
    mvec_flow_state_free(ctx, state);
    return status;
}


/* ---- the flat image ------------------------------------------------------------------------ */

/* Layout: a 64-byte header (magic "MVFSTATE", u32 what, u32 product digits, u64 sum of |value|
 * low and high, u64 blocks, u64 total length, 16 bytes zero), a table of one 64-byte entry per
 * block (i32 year, u32 zero, u64 nc, u64 np, u64 offset, u64 length, 24 bytes zero), then each
 * block at its offset (a multiple of 64): nc u32 country codes, np u32 product codes (each list
 * padded to 8 bytes), with pair sums nc*nc i64 and pair rows nc*nc u64, with cells nc*np
 * cells of 32 bytes (i64 sum, i64 max, u64 sum of squares low, high). */
static const char FLAT_MAGIC[8] = {'M', 'V', 'F', 'S', 'T', 'A', 'T', 'E'};

enum { FLAT_HEADER = 64, FLAT_ENTRY = 64 };

static size_t up8(size_t n)
{
    return (n + 7) & ~(size_t)7;
}

static size_t up64(size_t n)
{
    return (n + 63) & ~(size_t)63;
}

static size_t block_bytes(unsigned what, size_t nc, size_t np)
{
    size_t n = up8(nc * 4) + up8(np * 4);
    if (what & MVEC_FLOW_PAIRS)
        n += nc * nc * 16;
    if (what & MVEC_FLOW_CELLS)
        n += nc * np * sizeof(fq_cell);
    return n;
}

size_t mvec__flow_state_flat_size(const mvec_flow_state *state)
{
    size_t n = up64(FLAT_HEADER + state->count * FLAT_ENTRY);
    for (size_t i = 0; i < state->count; i++)
        n += up64(block_bytes(state->what, state->blocks[i]->nc, state->blocks[i]->np));
    return n;
}

void mvec__flow_state_flat_write(const mvec_flow_state *state, unsigned char *out)
{
    size_t size = mvec__flow_state_flat_size(state);
    memset(out, 0, size);
    memcpy(out, FLAT_MAGIC, 8);
    uint32_t what = state->what, digits = (uint32_t)state->product_digits;
    memcpy(out + 8, &what, 4);
    memcpy(out + 12, &digits, 4);
    mvec__put64(out + 16, (uint64_t)state->abs_total);
    mvec__put64(out + 24, (uint64_t)(state->abs_total >> 64));
    mvec__put64(out + 32, state->count);
    mvec__put64(out + 40, size);
    size_t at = up64(FLAT_HEADER + state->count * FLAT_ENTRY);
    for (size_t i = 0; i < state->count; i++) {
        const fq_block *b = state->blocks[i];
        unsigned char *entry = out + FLAT_HEADER + i * FLAT_ENTRY;
        int32_t year = b->year;
        size_t length = block_bytes(state->what, b->nc, b->np);
        memcpy(entry, &year, 4);
        mvec__put64(entry + 8, b->nc);
        mvec__put64(entry + 16, b->np);
        mvec__put64(entry + 24, at);
        mvec__put64(entry + 32, length);
        unsigned char *p = out + at;
        memcpy(p, b->ccodes, b->nc * 4);
        p += up8(b->nc * 4);
        memcpy(p, b->pcodes, b->np * 4);
        p += up8(b->np * 4);
        if (state->what & MVEC_FLOW_PAIRS) {
            memcpy(p, b->pair, b->nc * b->nc * 8);
            p += b->nc * b->nc * 8;
            memcpy(p, b->pair_n, b->nc * b->nc * 8);
            p += b->nc * b->nc * 8;
        }
        if (state->what & MVEC_FLOW_CELLS)
            memcpy(p, b->cells, b->nc * b->np * sizeof(fq_cell));
        at += up64(length);
    }
}

static u128 magnitude(int64_t v)
{
    return v < 0 ? (u128)0 - (u128)(mvec__i128)v : (u128)v;
}

/* The sums of a block within `bound`: sum |pair| and sum |cell S| at most bound (the sum of
 * |value| of the rows), every sum of squares below 2^124 (so 5 Q fits 128 bits). */
static bool block_bounded(const fq_block *b, u128 bound)
{
    u128 pairs = 0, sums = 0;
    if (b->pair)
        for (size_t i = 0; i < b->nc * b->nc; i++)
            if ((pairs += magnitude(b->pair[i])) > bound)
                return false;
    if (b->cells)
        for (size_t i = 0; i < b->nc * b->np; i++) {
            const fq_cell *c = &b->cells[i];
            if ((sums += magnitude(c->sum)) > bound || magnitude(c->max) > bound ||
                (c->sq_hi >> 60) != 0)
                return false;
        }
    return true;
}

mvec_status mvec__flow_state_add_flat(mvec_ctx *ctx, mvec_flow_state *state,
                                      const unsigned char *bytes, size_t length, void *map,
                                      size_t map_length, const char **why)
{
    mvec_status status = MVEC_OK;
    fq_block **blocks = NULL;
    size_t made = 0;
    *why = NULL;
#define FLAT_BAD(text)                                                                             \
    do {                                                                                           \
        *why = text;                                                                               \
        status = MVEC_ERR_PARSE;                                                                   \
        goto cleanup;                                                                              \
    } while (0)
    if (length < FLAT_HEADER || memcmp(bytes, FLAT_MAGIC, 8) != 0 || ((uintptr_t)bytes & 7) != 0)
        FLAT_BAD("not a flat state");
    uint32_t what, digits;
    memcpy(&what, bytes + 8, 4);
    memcpy(&digits, bytes + 12, 4);
    u128 abs_total = ((u128)mvec__get64(bytes + 24) << 64) | mvec__get64(bytes + 16);
    uint64_t count = mvec__get64(bytes + 32);
    if (what == 0 || what > 3 || digits > 12 || abs_total >= ABS_LIMIT || count > 100000 ||
        mvec__get64(bytes + 40) != length || FLAT_HEADER + count * FLAT_ENTRY > length)
        FLAT_BAD("bad header");
    if ((what & state->what) != state->what)
        FLAT_BAD("it lacks sums the query needs");
    if (state->product_digits && count && digits != (uint32_t)state->product_digits)
        FLAT_BAD("products of another HS precision");
    MVEC_TRY(mvec__calloc(ctx, count ? count : 1, sizeof *blocks, &blocks));
    for (uint64_t i = 0; i < count; i++) {
        const unsigned char *entry = bytes + FLAT_HEADER + i * FLAT_ENTRY;
        int32_t year;
        memcpy(&year, entry, 4);
        uint64_t nc = mvec__get64(entry + 8), np = mvec__get64(entry + 16), at = mvec__get64(entry + 24);
        uint64_t size = mvec__get64(entry + 32);
        if (nc > 10000 || np > 1000000 || year < 0 || year > 65535 || at % 64 != 0 ||
            at > length || size != block_bytes(what, nc, np) || size > length - at)
            FLAT_BAD("bad block");
        if (i > 0 && blocks[i - 1]->year >= year)
            FLAT_BAD("blocks out of year order");
        MVEC_TRY(mvec__calloc(ctx, 1, sizeof *blocks[i], &blocks[i]));
        made = i + 1;
        fq_block *b = blocks[i];
        const unsigned char *p = bytes + at;
        *b = (fq_block){.year = year, .borrowed = true, .nc = nc, .np = np};
        b->ccodes = (unsigned *)(uintptr_t)p;
        p += up8(nc * 4);
        b->pcodes = (unsigned *)(uintptr_t)p;
        p += up8(np * 4);
        if (what & MVEC_FLOW_PAIRS) {
            b->pair = (int64_t *)(uintptr_t)p;
            p += nc * nc * 8;
            b->pair_n = (uint64_t *)(uintptr_t)p;
            p += nc * nc * 8;
        }
        if (what & MVEC_FLOW_CELLS)
            b->cells = (fq_cell *)(uintptr_t)p;
        if (!(state->what & MVEC_FLOW_PAIRS))
            b->pair = NULL, b->pair_n = NULL;
        if (!(state->what & MVEC_FLOW_CELLS))
            b->cells = NULL;
        bool distinct = true;
        MVEC_TRY(distinct_codes(ctx, b->ccodes, nc, &distinct));
        if (distinct)
            MVEC_TRY(distinct_codes(ctx, b->pcodes, np, &distinct));
        if (!distinct)
            FLAT_BAD("repeated codes");
        if (!block_bounded(b, abs_total))
            FLAT_BAD("sums beyond the bound of the rows");
    }
#undef FLAT_BAD
    if (map != NULL) {
        size_t n = state->map_count + 1;
        MVEC_TRY(mvec__realloc(ctx, &state->maps, n * sizeof *state->maps));
        MVEC_TRY(mvec__realloc(ctx, &state->map_lengths, n * sizeof *state->map_lengths));
    }
    MVEC_TRY(mvec__flow_state_take(ctx, state, blocks, count, abs_total,
                                   count ? (int)digits : state->product_digits));
    if (map != NULL) {
        state->maps[state->map_count] = map;
        state->map_lengths[state->map_count++] = map_length;
    }
cleanup:
    if (blocks != NULL)
        for (size_t i = 0; i < made; i++)
            block_free(ctx, blocks[i]);
    mvec__free(ctx, blocks);
    if (status == MVEC_ERR_PARSE && *why != NULL)
        status = mvec__error(ctx, status, "%s", *why);
    return status;
}
