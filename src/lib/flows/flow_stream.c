/*
 * flow_stream.c - a flow file's rows added straight to a query state
 * (mvec_flow_state_add_csv), with no table in between: the bytes of the
 * file are parsed and summed in one pass, on one thread per piece of the
 * file, into per-thread sums over the thread's own country and product
 * indexes; the pieces' sums are then laid over the union of their codes and
 * added (integers: any order gives the same).
 *
 * The stream takes only what it can read without doubt: a plain CSV whose
 * reader has numeric columns only (BACI, the WTO's long file), every row in
 * the plain form (digits, a '-' and one '.' in numbers, no quotes or
 * spaces, "\n" or "\r\n" line ends). Anything else - a gzip or zip file, a
 * quoted field, a bad number, a code of the wrong length - makes it decline,
 * and the caller reads the file as a table (flow_parse.c), which accepts the
 * rest of what a reader allows and reports a bad row as file:line:column. A
 * row the stream takes means what the table reader makes of it: the same
 * codes, the same exact value, the same World rows left out.
 *
 * Speed: a row's numbers are read a word at a time (row_words,
 * flow_digits.h), rows of unusual form byte by byte (row_baci, row_any);
 * each row's cell is fetched a few rows before it is added (stage_cell);
 * the pieces' sums are laid over the year's block by all threads at once
 * (lay_year); the sums' memory is handed on to the next file's threads
 * (the state's spares), not taken fresh from the kernel.
 *
 * Memory: each thread reads its piece of the file into a buffer of 1 MiB
 * (the header and the cuts are found in a mapping), so the file does not
 * stay in the process's memory; the sums take, per thread and year,
 * countries^2 x 16 + countries x products x 32 bytes of which only the
 * touched pages become resident. Thread-local scratch uses the C
 * allocator: the context's allocator is not shared across threads.
 */
#define _DEFAULT_SOURCE /* pread, posix_fadvise */

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "flow_digits.h"
#include "flow_state.h"
#include "flows_internal.h"

typedef mvec__u128 u128;
typedef mvec__flow_cell fq_cell;
typedef mvec__flow_block fq_block;

enum {
    NO_INDEX = 0xFFFF,
    MAX_INDEX = 0xFFFE,      /* countries or products per piece */
    COUNTRY_CODES = 10000,   /* BACI: up to 4 digits; M49: 3 */
    FIRST_COUNTRIES = 256,
    FIRST_PRODUCTS = 6144,   /* above the 5,000-5,600 HS6 codes of an edition */
    PRODUCT_GROUP = 100,     /* product codes are looked up in groups of 100 (HS4 headings) */
    PROGRESS_ROWS = 1 << 16,
};

/* The bytes a thread reads at a time, and the longest line it takes (the table reader
 * takes a longer one). */
enum { CHUNK = 1 << 20, LONGEST_LINE = 64 << 10 };

/* A pair's sum and rows, side by side: a row touches one cache line, not two. */
typedef struct pair_sum {
    int64_t value;
    uint64_t rows;
} pair_sum;

/* A year's sums in one piece, over the piece's indexes (strides cc and pc). */
typedef struct year_sums {
    int year;
    uint64_t rows;
    pair_sum *pair;    /* cc * cc: [exporter * cc + importer] */
    fq_cell *cells;    /* cc * pc: [importer * pc + product] */
    size_t pair_bytes, cell_bytes;
} year_sums;

/* A row waiting for its product's index (see stage_cell). */
typedef struct staged {
    uint32_t year;     /* slot in the piece's years */
    uint32_t importer; /* index */
    uint32_t entry;    /* slot in product_index, NO_ENTRY: the product's group is new */
    uint32_t product;  /* code */
    int64_t value;
} staged;

/* A cell to add a value to. */
typedef struct pending {
    fq_cell *cell;
    int64_t value;
} pending;

enum { STAGE_B = 8, STAGE_C = 16 };
#define NO_ENTRY UINT32_MAX

/* Arrays under a huge page come from the piece's arena: chunks mapped in huge pages, handed
 * out in order, each year's first at the start of a huge page of its own, so that the
 * year's pages go back to the kernel when its sums are laid (year_release). Each of a
 * year's arrays of the WTO file (24 years, 190 countries, 96 HS chapters) is about 1 MB;
 * mapped one by one in 4 KiB pages, every row's random access into them missed the TLB,
 * which on this virtual machine cost more than reading the row. */
enum { HUGE_PAGE = 2 << 20, ARENA_CHUNK = 32 << 20, ARENA_CHUNKS = 64 };

typedef struct arena {
    char *chunks[ARENA_CHUNKS];
    size_t count, used; /* chunks mapped; bytes handed out of the last one */
} arena;

typedef struct stream_piece {
    struct mvec__flow_progress *progress;
    const struct mvec__flow_layout *layout;
    int fd;
    uint64_t from, to; /* the piece's bytes in the file */
    unsigned what;
    bool m49;
    int min_digits, max_digits, value_decimals, quantity_decimals;
    uint16_t *country_index; /* COUNTRY_CODES entries: code -> index, NO_INDEX */
    uint16_t *product_group; /* code / 100 -> group, NO_INDEX: none yet */
    uint16_t *product_index; /* group * 100 + code % 100 -> index, NO_INDEX */
    size_t groups, group_capacity;
    unsigned *ccode, *pcode; /* index -> code */
    size_t nc, cc, np, pc;
    year_sums *years;
    size_t year_count, year_capacity;
    uint64_t left_out;
    u128 abs_total;
    int last_year;      /* the year of the last row added, and its slot */
    uint32_t year_slot;
    staged ring_b[STAGE_B];
    size_t queued_b;
    pending ring_c[STAGE_C];
    size_t queued_c;
    mvec__flow_spare spares[MVEC__FLOW_SPARES]; /* the state's, handed to this thread */
    size_t spare_count;
    arena small; /* arrays under HUGE_PAGE */
    bool declined; /* a row the stream does not take */
    bool failed;   /* out of memory */
} stream_piece;

/* ---- the piece's sums ------------------------------------------------------------------- */

/* `size` zeroed bytes of the arena, at the start of a huge page when `page_start`. */
static void *arena_alloc(arena *a, size_t size, bool page_start)
{
    size_t need = (size + 63) & ~(size_t)63;
    if (page_start)
        a->used = (a->used + HUGE_PAGE - 1) & ~(size_t)(HUGE_PAGE - 1);
    if (a->count == 0 || a->used + need > ARENA_CHUNK) {
        if (a->count == ARENA_CHUNKS)
            return NULL;
        /* a chunk aligned to a huge page: map one more and trim */
        char *p = mmap(NULL, ARENA_CHUNK + HUGE_PAGE, PROT_READ | PROT_WRITE,
                       MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
        if (p == MAP_FAILED)
            return NULL;
        char *chunk = (char *)(((uintptr_t)p + HUGE_PAGE - 1) & ~(uintptr_t)(HUGE_PAGE - 1));
        if (chunk > p)
            munmap(p, (size_t)(chunk - p));
        munmap(chunk + ARENA_CHUNK, (size_t)(p + HUGE_PAGE - chunk));
#ifdef MADV_HUGEPAGE
        madvise(chunk, ARENA_CHUNK, MADV_HUGEPAGE);
#endif
        a->chunks[a->count++] = chunk;
        a->used = 0;
    }
    char *memory = a->chunks[a->count - 1] + a->used;
    a->used += need;
#ifdef MADV_POPULATE_WRITE
    /* the pages in one call, not a trap each (an old kernel: EINVAL, and the faults then) */
    uintptr_t page = (uintptr_t)memory & ~(uintptr_t)4095;
    madvise((void *)page, (uintptr_t)memory + size - page, MADV_POPULATE_WRITE);
#endif
    return memory; /* zero: never handed out before */
}

/* Give the huge pages of [from, to) back to the kernel: the whole ones inside, or (`own`:
 * the span starts a year's pages, which nothing after it shares) every one it touches. */
static void arena_release(uintptr_t from, uintptr_t to, bool own)
{
    const uintptr_t mask = HUGE_PAGE - 1;
    from = own ? from & ~mask : (from + mask) & ~mask;
    to = own ? (to + mask) & ~mask : to & ~mask;
    if (to > from)
        madvise((void *)from, to - from, MADV_DONTNEED);
}

static void arena_free(arena *a)
{
    for (size_t i = 0; i < a->count; i++)
        munmap(a->chunks[i], ARENA_CHUNK);
    a->count = 0;
}

/* Zeroed memory: under a huge page from the arena (`*page_start`: the year's first array
 * there, then cleared); else a spare of the same size cleared (memory the process has
 * touched before clears at ~20 GB/s, where fresh pages cost 0.2-0.5 GB/s on the benchmark's
 * virtual machine), else fresh from the kernel (mvec__flow_map_zeroed). */
static void *big_alloc(stream_piece *s, size_t size, bool *page_start)
{
    if (size < HUGE_PAGE) {
        void *memory = arena_alloc(&s->small, size, *page_start);
        *page_start = false;
        return memory;
    }
    for (size_t i = 0; i < s->spare_count; i++)
        if (s->spares[i].size == size) {
            void *memory = s->spares[i].memory;
            s->spares[i] = s->spares[--s->spare_count];
            memset(memory, 0, size);
            return memory;
        }
    return mvec__flow_map_zeroed(size);
}

static void big_free(void *p, size_t size)
{
    if (p != NULL && size < HUGE_PAGE)
        arena_release((uintptr_t)p, (uintptr_t)p + size, false);
    else if (p != NULL)
        munmap(p, size);
}

static void year_free(year_sums *y)
{
    big_free(y->pair, y->pair_bytes);
    big_free(y->cells, y->cell_bytes);
}

/* Arrays of one year at strides cc, pc, zeroed. */
static bool year_alloc(stream_piece *s, year_sums *y, size_t cc, size_t pc)
{
    y->pair = NULL, y->cells = NULL;
    y->pair_bytes = cc * cc * sizeof *y->pair;
    y->cell_bytes = cc * pc * sizeof *y->cells;
    bool page_start = true;
    if (s->what & MVEC_FLOW_PAIRS)
        y->pair = big_alloc(s, y->pair_bytes, &page_start);
    if (s->what & MVEC_FLOW_CELLS)
        y->cells = big_alloc(s, y->cell_bytes, &page_start);
    if (((s->what & MVEC_FLOW_PAIRS) && y->pair == NULL) ||
        ((s->what & MVEC_FLOW_CELLS) && y->cells == NULL)) {
        year_free(y);
        return false;
    }
    return true;
}

/* Lay every year out again at strides cc >= s->cc, pc >= s->pc. Cost: the used cells. */
static bool grow(stream_piece *s, size_t cc, size_t pc)
{
    unsigned *ccode = realloc(s->ccode, cc * sizeof *ccode);
    if (ccode == NULL)
        return false;
    s->ccode = ccode;
    unsigned *pcode = realloc(s->pcode, pc * sizeof *pcode);
    if (pcode == NULL)
        return false;
    s->pcode = pcode;
    for (size_t i = 0; i < s->year_count; i++) {
        year_sums *old = &s->years[i], y = *old;
        if (!year_alloc(s, &y, cc, pc))
            return false;
        for (size_t e = 0; y.pair && e < s->nc; e++)
            memcpy(&y.pair[e * cc], &old->pair[e * s->cc],
                   s->nc * sizeof *y.pair);
        for (size_t m = 0; y.cells && m < s->nc; m++)
            memcpy(&y.cells[m * pc], &old->cells[m * s->pc], s->np * sizeof *y.cells);
        year_free(old);
        *old = y;
    }
    s->cc = cc;
    s->pc = pc;
    return true;
}

static year_sums *year_of(stream_piece *s, int year)
{
    for (size_t i = 0; i < s->year_count; i++)
        if (s->years[i].year == year)
            return &s->years[i];
    if (s->year_count == s->year_capacity) {
        size_t cap = s->year_capacity ? 2 * s->year_capacity : 4;
        year_sums *years = realloc(s->years, cap * sizeof *years);
        if (years == NULL)
            return NULL;
        s->years = years;
        s->year_capacity = cap;
    }
    year_sums *y = &s->years[s->year_count];
    memset(y, 0, sizeof *y);
    y->year = year;
    if (!year_alloc(s, y, s->cc, s->pc))
        return NULL;
    s->year_count++;
    return y;
}

static unsigned country_slot(stream_piece *s, unsigned code)
{
    unsigned i = s->country_index[code];
    if (i != NO_INDEX)
        return i;
    if (s->nc == MAX_INDEX || (s->nc == s->cc && !grow(s, 2 * s->cc, s->pc)))
        return NO_INDEX;
    s->ccode[s->nc] = code;
    s->country_index[code] = (uint16_t)s->nc;
    return (unsigned)s->nc++;
}

/* Where a product code's index is kept (NULL: out of memory). Two levels, so that the
 * table of the ~5,000 codes in use stays in the cache: the million HS6 codes do not. */
static uint16_t *product_entry(stream_piece *s, unsigned code)
{
    uint16_t *group = &s->product_group[code / PRODUCT_GROUP];
    if (*group == NO_INDEX) {
        if (s->groups == MAX_INDEX)
            return NULL;
        if (s->groups == s->group_capacity) {
            size_t cap = 2 * s->group_capacity;
            uint16_t *index = realloc(s->product_index, cap * PRODUCT_GROUP * sizeof *index);
            if (index == NULL)
                return NULL;
            s->product_index = index;
            s->group_capacity = cap;
        }
        memset(&s->product_index[s->groups * PRODUCT_GROUP], 0xFF,
               PRODUCT_GROUP * sizeof *s->product_index);
        *group = (uint16_t)s->groups++;
    }
    return &s->product_index[*group * PRODUCT_GROUP + code % PRODUCT_GROUP];
}

static unsigned product_slot(stream_piece *s, unsigned code)
{
    uint16_t *entry = product_entry(s, code);
    if (entry == NULL)
        return NO_INDEX;
    unsigned i = *entry;
    if (i != NO_INDEX)
        return i;
    if (s->np == MAX_INDEX || (s->np == s->pc && !grow(s, s->cc, 2 * s->pc)))
        return NO_INDEX;
    s->pcode[s->np] = code;
    *entry = (uint16_t)s->np;
    return (unsigned)s->np++;
}

/* ---- the rows ---------------------------------------------------------------------------- */

static inline bool is_digit(char c)
{
    return (unsigned char)(c - '0') < 10;
}

/* The row parsers read up to a '\n' that is known to end the row (stream_rows makes sure
 * of it), so that no byte needs a bounds check: every scan stops at the '\n' at the latest. */

/* [-]digits[.digits] with at most 15 whole digits, as an integer of 10^-decimals; more
 * decimals only as zeros (as the table reader: a value is kept exact, never rounded). */
static inline const char *decimal(const char *p, int decimals, int64_t *out)
{
    bool negative = *p == '-';
    p += negative;
    const char *start = p;
    int64_t whole = 0;
    while (is_digit(*p) && p - start < 16) /* one digit more than allowed, never overflowing */
        whole = whole * 10 + (*p++ - '0');
    size_t digits = (size_t)(p - start);
    if (digits > 15)
        return NULL;
    int64_t fraction = 0;
    int kept = 0;
    if (*p == '.') {
        const char *f = ++p;
        for (; kept < decimals && is_digit(*p); p++, kept++)
            fraction = fraction * 10 + (*p - '0');
        for (; is_digit(*p); p++)
            if (*p != '0')
                return NULL;
        digits += (size_t)(p - f);
    }
    if (digits == 0)
        return NULL;
    static const int64_t SCALE[] = {1, 10, 100, 1000, 10000, 100000, 1000000};
    fraction *= SCALE[decimals - kept];
    int64_t value = whole * SCALE[decimals] + fraction;
    *out = negative ? -value : value;
    return p;
}

/* A quantity (checked, not kept): empty, NA, or a decimal as above. */
static inline const char *quantity(const char *p, int decimals)
{
    int64_t ignored;
    if (*p == ',' || *p == '\n' || *p == '\r')
        return p;
    if (p[0] == 'N' && p[1] == 'A')
        return p + 2;
    return decimal(p, decimals, &ignored);
}

/* Digits as a number: at most max + 1 are read, *n says how many there were. */
static inline const char *digits(const char *p, int max, unsigned *out, int *n)
{
    const char *start = p;
    unsigned value = 0;
    while (is_digit(*p) && p - start <= max)
        value = value * 10 + (unsigned)(*p++ - '0');
    *n = (int)(p - start);
    *out = value;
    return p;
}

/* A country code: BACI 1-4 digits without a leading zero, M49 exactly 3 digits. */
static inline const char *country(const stream_piece *s, const char *p, unsigned *out)
{
    int n;
    const char *q = digits(p, 4, out, &n);
    if (s->m49 ? n != 3 : (n == 0 || n > 4 || (n > 1 && *p == '0')))
        return NULL;
    return q;
}

static inline const char *product(const stream_piece *s, const char *p, unsigned *out)
{
    int n;
    const char *q = digits(p, s->max_digits, out, &n);
    return n < s->min_digits || n > s->max_digits ? NULL : q;
}

static inline const char *year(const char *p, int *out)
{
    if (*p == '0' || !is_digit(p[0]) || !is_digit(p[1]) || !is_digit(p[2]) || !is_digit(p[3]))
        return NULL;
    *out = (p[0] - '0') * 1000 + (p[1] - '0') * 100 + (p[2] - '0') * 10 + (p[3] - '0');
    return p + 4;
}

typedef struct flow_row {
    int year;
    unsigned exporter, importer, product;
    int64_t value;
} flow_row;

/* The end of a row: "\n" or "\r\n"; the byte after it, or NULL. */
static inline const char *line_end(const char *p)
{
    if (p == NULL)
        return NULL;
    p += *p == '\r';
    return *p == '\n' ? p + 1 : NULL;
}

#define EXPECT_COMMA(p)                                                                            \
    do {                                                                                           \
        if ((p) == NULL || *(p) != ',')                                                            \
            return NULL;                                                                           \
        (p)++;                                                                                     \
    } while (0)

/* BACI's own order, t,i,j,k,v[,q]: the common case, without a switch per field. */
static const char *row_baci(const stream_piece *s, const char *p, flow_row *r)
{
    p = year(p, &r->year);
    EXPECT_COMMA(p);
    p = country(s, p, &r->exporter);
    EXPECT_COMMA(p);
    p = country(s, p, &r->importer);
    EXPECT_COMMA(p);
    p = product(s, p, &r->product);
    EXPECT_COMMA(p);
    p = decimal(p, s->value_decimals, &r->value);
    if (s->layout->field_count == 6) {
        EXPECT_COMMA(p);
        p = quantity(p, s->quantity_decimals);
    }
    return line_end(p);
}

static const enum mvec__flow_role BACI_ROLES[] = {FLOW_YEAR,    FLOW_EXPORTER, FLOW_IMPORTER,
                                                  FLOW_PRODUCT, FLOW_VALUE,    FLOW_QUANTITY};

/* The bytes a row read by row_words may reach past its start: at most 8 fields of at most
 * 32 bytes each (15 digits, a '.', 15 digits) and the 8 bytes of the last word. */
enum { WORDS_REACH = 8 * 32 + 8, WORDS_FIELDS = 8 };

#if MVEC__FLOW_SWAR

static const uint64_t POWER10[] = {1,          10,          100,          1000,
                                   10000,      100000,      1000000,      10000000,
                                   100000000u, 1000000000u, 10000000000u, 100000000000u,
                                   1000000000000u, 10000000000000u, 100000000000000u,
                                   1000000000000000u};

/* The digits at p as a number, *n of them (0 to 15; NULL for more). */
static inline __attribute__((always_inline)) const char *
word_number(const char *p, unsigned *n, uint64_t *value)
{
    uint64_t word = mvec__swar_load(p);
    unsigned count = mvec__swar_digit_count(word);
    *value = count ? mvec__swar_value(word, count) : 0;
    if (count == 8) {
        word = mvec__swar_load(p + 8);
        unsigned more = mvec__swar_digit_count(word);
        if (more == 8)
            return NULL;
        if (more)
            *value = *value * POWER10[more] + mvec__swar_value(word, more);
        count += more;
    }
    *n = count;
    return p + count;
}

/* [digits][.digits] at p as an integer of 10^-decimals, as `decimal` reads it: 1 to 15
 * whole digits, decimals past the reader's only as zeros. No sign: NULL, and `decimal`
 * decides. Inlined, as word_number: called, it was an eighth of the WTO file's time. */
static inline __attribute__((always_inline)) const char *
word_decimal(const char *p, int decimals, int64_t *out)
{
    unsigned n, f = 0;
    uint64_t whole, fraction = 0;
    p = word_number(p, &n, &whole);
    if (p == NULL || n == 0)
        return NULL;
    if (*p == '.') {
        p = word_number(p + 1, &f, &fraction);
        if (p == NULL || f == 0)
            return NULL;
        if ((int)f <= decimals) {
            fraction *= POWER10[decimals - (int)f];
        } else if (fraction != 0) { /* (the WTO's "5017815.0": no division) */
            uint64_t rest = POWER10[(int)f - decimals];
            if (fraction % rest != 0)
                return NULL;
            fraction /= rest;
        }
    }
    *out = (int64_t)(whole * POWER10[decimals] + fraction);
    return p;
}

/* A code of 1 to 7 digits at p and the comma or line end after it (NULL for none). */
static inline const char *word_code(const char *p, unsigned *n, unsigned *value)
{
    uint64_t word = mvec__swar_load(p);
    *n = mvec__swar_digit_count(word);
    if (*n == 0 || *n == 8)
        return NULL;
    *value = mvec__swar_value(word, *n);
    return p + *n;
}

/* row_any a word at a time (flow_digits.h) for the common row: no sign, codes of at most 7
 * digits, numbers of at most 15. NULL for anything else, and row_baci or row_any then reads
 * the row, so what this takes is what they make of it (fuzz/fuzz_flows_stream.c compares
 * the stream with the table reader). */
static inline __attribute__((always_inline)) const char *
row_words(const stream_piece *s, const char *p, flow_row *r, const enum mvec__flow_role *roles,
          size_t count)
{
    unsigned n, value;
    for (size_t f = 0; f < count; f++) {
        if (f > 0 && *p++ != ',')
            return NULL;
        switch (roles[f]) {
        case FLOW_YEAR:
            if (*p == '0' || (p = word_code(p, &n, &value)) == NULL || n != 4)
                return NULL;
            r->year = (int)value;
            break;
        case FLOW_EXPORTER:
        case FLOW_IMPORTER: {
            const char *start = p;
            if ((p = word_code(p, &n, &value)) == NULL ||
                (s->m49 ? n != 3 : (n > 4 || (n > 1 && *start == '0'))))
                return NULL;
            *(roles[f] == FLOW_EXPORTER ? &r->exporter : &r->importer) = value;
            break;
        }
        case FLOW_PRODUCT:
            if ((p = word_code(p, &n, &r->product)) == NULL || (int)n < s->min_digits ||
                (int)n > s->max_digits)
                return NULL;
            break;
        case FLOW_VALUE:
            if ((p = word_decimal(p, s->value_decimals, &r->value)) == NULL)
                return NULL;
            break;
        case FLOW_QUANTITY: {
            int64_t ignored;
            if (p[0] == 'N' && p[1] == 'A')
                p += 2;
            else if (*p != ',' && *p != '\n' && *p != '\r' &&
                     (p = word_decimal(p, s->quantity_decimals, &ignored)) == NULL)
                return NULL;
            break;
        }
        case FLOW_SKIP:
        case FLOW_REPORTER:
        case FLOW_PARTNER:
        case FLOW_DIRECTION:
        case FLOW_EDITION:
        case FLOW_ROLE_COUNT_:
            return NULL;
        }
    }
    p += *p == '\r';
    return *p == '\n' ? p + 1 : NULL;
}
#endif

/* Any order of the numeric columns (stream_layout has checked the roles). */
static const char *row_any(const stream_piece *s, const char *p, flow_row *r)
{
    const struct mvec__flow_layout *layout = s->layout;
    for (size_t f = 0; f < layout->field_count; f++) {
        if (f > 0)
            EXPECT_COMMA(p);
        switch (layout->roles[f]) {
        case FLOW_YEAR:
            p = year(p, &r->year);
            break;
        case FLOW_EXPORTER:
            p = country(s, p, &r->exporter);
            break;
        case FLOW_IMPORTER:
            p = country(s, p, &r->importer);
            break;
        case FLOW_PRODUCT:
            p = product(s, p, &r->product);
            break;
        case FLOW_VALUE:
            p = decimal(p, s->value_decimals, &r->value);
            break;
        case FLOW_QUANTITY:
            p = quantity(p, s->quantity_decimals);
            break;
        case FLOW_SKIP:
        case FLOW_REPORTER:
        case FLOW_PARTNER:
        case FLOW_DIRECTION:
        case FLOW_EDITION:
        case FLOW_ROLE_COUNT_:
            return NULL;
        }
        if (p == NULL)
            return NULL;
    }
    return line_end(p);
}

/* The cells of a thread span tens of MB, so each row's cell is a miss to memory, and so,
 * less often, is its product's entry in the index. A row therefore goes through two
 * stages, each a few rows behind the one before: when it is parsed, its product's index
 * entry is fetched; STAGE_B rows later its cell's address is known and fetched; STAGE_C
 * rows later the cell is added to. Sums and maxima do not depend on the order of the
 * rows, so a row may be finished at any time: before the arrays move (a new country or
 * product), every cell waiting is added first. */
static void drain_cells(stream_piece *s)
{
    size_t n = s->queued_c < STAGE_C ? s->queued_c : STAGE_C;
    for (size_t i = 0; i < n; i++)
        mvec__flow_cell_add(s->ring_c[i].cell, s->ring_c[i].value);
    s->queued_c = 0;
}

/* A row's second stage: its product's index, its cell. False: out of indexes or memory. */
static bool stage_cell(stream_piece *s, const staged *row)
{
    unsigned k = row->entry == NO_ENTRY ? NO_INDEX : s->product_index[row->entry];
    if (k == NO_INDEX) {
        drain_cells(s);
        if ((k = product_slot(s, row->product)) == NO_INDEX)
            return false;
    }
    pending *slot = &s->ring_c[s->queued_c % STAGE_C];
    if (s->queued_c >= STAGE_C)
        mvec__flow_cell_add(slot->cell, slot->value);
    slot->cell = &s->years[row->year].cells[(size_t)row->importer * s->pc + k];
    slot->value = row->value;
    __builtin_prefetch(slot->cell, 1);
    s->queued_c++;
    return true;
}

/* Finish every row still in a stage. */
static bool drain(stream_piece *s)
{
    size_t n = s->queued_b < STAGE_B ? s->queued_b : STAGE_B;
    for (size_t i = 0; i < n; i++)
        if (!stage_cell(s, &s->ring_b[(s->queued_b - n + i) % STAGE_B]))
            return false;
    s->queued_b = 0;
    drain_cells(s);
    return true;
}

/* Add a parsed row to the sums; false when memory, indexes or the bound run out. */
static bool add_row(stream_piece *s, const flow_row *r)
{
    if (s->m49 && (r->exporter == 0 || r->importer == 0)) { /* the World: a total */
        s->left_out++;
        return true;
    }
    if (r->year != s->last_year) {
        year_sums *y = year_of(s, r->year);
        if (y == NULL) {
            s->failed = true;
            return false;
        }
        s->year_slot = (uint32_t)(y - s->years);
        s->last_year = r->year;
    }
    unsigned e = s->country_index[r->exporter], m = s->country_index[r->importer];
    if (e == NO_INDEX || m == NO_INDEX) {
        drain_cells(s); /* the arrays may move */
        e = country_slot(s, r->exporter);
        m = country_slot(s, r->importer);
        if (e == NO_INDEX || m == NO_INDEX) {
            s->failed = s->nc < MAX_INDEX;
            return false;
        }
    }
    year_sums *y = &s->years[s->year_slot];
    int64_t value = r->value;
    y->rows++;
    s->abs_total += (u128)(value < 0 ? -(mvec__i128)value : value);
    if (s->abs_total >= MVEC__FLOW_ABS_LIMIT) /* stop before any sum can overflow */
        return false;
    if (y->pair) {
        pair_sum *pair = &y->pair[e * s->cc + m];
        pair->value += value;
        pair->rows++;
    }
    if (y->cells) {
        unsigned group = s->product_group[r->product / PRODUCT_GROUP];
        uint32_t entry =
            group == NO_INDEX ? NO_ENTRY : group * PRODUCT_GROUP + r->product % PRODUCT_GROUP;
        if (entry != NO_ENTRY)
            __builtin_prefetch(&s->product_index[entry]);
        staged *slot = &s->ring_b[s->queued_b % STAGE_B];
        if (s->queued_b >= STAGE_B && !stage_cell(s, slot)) {
            s->failed = s->np < MAX_INDEX;
            return false;
        }
        *slot = (staged){s->year_slot, m, entry, r->product, value};
        s->queued_b++;
    }
    return true;
}

/* Parse and add the rows in [p, stop), each ending with a '\n'; *rows counts them. False
 * when a row is declined or memory or indexes run out. */
static bool stream_span(stream_piece *s, const char *p, const char *stop, bool baci, bool words,
                        size_t *rows)
{
    (void)words;
    while (p < stop) {
        if (*p == '\n' || (p[0] == '\r' && p[1] == '\n')) { /* a blank line */
            p += *p == '\r' ? 2 : 1;
            continue;
        }
        flow_row r = {0, 0, 0, 0, 0};
        const char *next = NULL;
#if MVEC__FLOW_SWAR
        if (words && stop - p >= WORDS_REACH) /* BACI's own order with its roles known */
            next = baci ? row_words(s, p, &r, BACI_ROLES, s->layout->field_count)
                        : row_words(s, p, &r, s->layout->roles, s->layout->field_count);
#endif
        if (next == NULL)
            next = baci ? row_baci(s, p, &r) : row_any(s, p, &r);
        if (next == NULL || !add_row(s, &r))
            return false;
        p = next;
        ++*rows;
    }
    return true;
}

/* Read the piece's bytes into the buffer, a chunk at a time, and add their rows; false when
 * a row is declined, the file cannot be read (the table reader then says why) or memory
 * runs out. The bytes are read with pread, not from a mapping: mapped, each 64 KiB of the
 * file cost a page fault and each 4 KiB a TLB miss, a third of the parse on this virtual
 * machine, and the copy lands in a cache-sized buffer. A line begun in one chunk is moved
 * to the start of the buffer and finished with the next; a last line without a '\n' gets
 * one. */
static bool stream_rows(stream_piece *s, char *buffer)
{
    const bool baci = s->layout->field_count >= 5 && s->layout->field_count <= 6 &&
                      s->layout->roles[0] == FLOW_YEAR && s->layout->roles[1] == FLOW_EXPORTER &&
                      s->layout->roles[2] == FLOW_IMPORTER &&
                      s->layout->roles[3] == FLOW_PRODUCT && s->layout->roles[4] == FLOW_VALUE &&
                      (s->layout->field_count == 5 || s->layout->roles[5] == FLOW_QUANTITY);
    /* words: the row's numbers a word at a time (row_words) */
    /* (15 digits and 3 decimals stay below 2^63, as in `decimal`) */
    const bool words = s->layout->field_count <= WORDS_FIELDS && s->value_decimals <= 3 &&
                       s->quantity_decimals <= 3 && s->max_digits <= 7;
    size_t carry = 0; /* the start of a line, from the chunk before */
    uint64_t at = s->from;
    s->last_year = -1;
    for (bool last = false; !last;) {
        size_t want = s->to - at < CHUNK ? (size_t)(s->to - at) : CHUNK, got = 0;
        while (got < want) {
            ssize_t n = pread(s->fd, buffer + carry + got, want - got, (off_t)(at + got));
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0)
                return false;
            got += (size_t)n;
        }
        at += got;
        last = at == s->to;
        char *end = buffer + carry + got, *stop = end;
        if (last && end > buffer && end[-1] != '\n')
            *end++ = '\n', stop = end;
        while (stop > buffer && stop[-1] != '\n')
            stop--;
        size_t rows = 0;
        if (!stream_span(s, buffer, stop, baci, words, &rows))
            return false;
        atomic_fetch_add(&s->progress->bytes_done, got);
        atomic_fetch_add(&s->progress->rows_done, rows);
        if (atomic_load(&s->progress->stop))
            return false;
        carry = (size_t)(end - stop);
        if (carry > LONGEST_LINE)
            return false;
        memmove(buffer, stop, carry);
    }
    if (!drain(s)) {
        s->failed = s->np < MAX_INDEX;
        return false;
    }
    return true;
}

static void *stream_piece_run(void *arg)
{
    stream_piece *s = arg;
    s->country_index = malloc(COUNTRY_CODES * sizeof *s->country_index);
    size_t products = 1;
    for (int d = 0; d < s->max_digits; d++)
        products *= 10;
    size_t groups = products / PRODUCT_GROUP + 1;
    s->product_group = malloc(groups * sizeof *s->product_group);
    s->group_capacity = 64;
    s->product_index = malloc(s->group_capacity * PRODUCT_GROUP * sizeof *s->product_index);
    s->cc = FIRST_COUNTRIES;
    s->pc = products < FIRST_PRODUCTS ? products : FIRST_PRODUCTS;
    s->ccode = malloc(s->cc * sizeof *s->ccode);
    s->pcode = malloc(s->pc * sizeof *s->pcode);
    if (s->country_index == NULL || s->product_group == NULL || s->product_index == NULL ||
        s->ccode == NULL || s->pcode == NULL) {
        s->failed = true;
    } else {
        memset(s->country_index, 0xFF, COUNTRY_CODES * sizeof *s->country_index);
        memset(s->product_group, 0xFF, groups * sizeof *s->product_group);
        char *buffer = malloc(CHUNK + LONGEST_LINE + 1);
        if (buffer == NULL)
            s->failed = true;
        else if (!stream_rows(s, buffer) && !s->failed)
            s->declined = true;
        free(buffer);
    }
    atomic_fetch_add(&s->progress->finished, 1);
    return NULL;
}

/* Keep memory for the next file's threads when the state has room, else unmap it. */
static void spare(mvec_flow_state *state, void *memory, size_t size)
{
    if (memory == NULL)
        return;
    /* only huge arrays: a small one costs little to map again, and a file of many years
     * (the WTO's: 24) would keep all of its pieces' arrays */
    if (size >= ((size_t)2 << 20) && state->spare_count < MVEC__FLOW_SPARES)
        state->spares[state->spare_count++] = (mvec__flow_spare){memory, size};
    else
        big_free(memory, size);
}

/* Give up a piece's sums of one year (laid over the year's block: lay_year): huge arrays
 * as spares, the arena's pages of the year back to the kernel. */
static void year_release(mvec_flow_state *state, year_sums *y)
{
    uintptr_t from = UINTPTR_MAX, to = 0;
    void *arrays[] = {y->pair, y->cells};
    size_t sizes[] = {y->pair_bytes, y->cell_bytes};
    for (int i = 0; i < 2; i++) {
        if (arrays[i] == NULL)
            continue;
        if (sizes[i] >= HUGE_PAGE) {
            spare(state, arrays[i], sizes[i]);
            continue;
        }
        uintptr_t at = (uintptr_t)arrays[i];
        from = at < from ? at : from;
        to = at + sizes[i] > to ? at + sizes[i] : to;
    }
    if (to > 0)
        arena_release(from, to, true);
    y->pair = NULL, y->cells = NULL;
}

static void piece_free(mvec_flow_state *state, stream_piece *s)
{
    for (size_t i = 0; i < s->year_count; i++)
        year_release(state, &s->years[i]);
    for (size_t i = 0; i < s->spare_count; i++)
        spare(state, s->spares[i].memory, s->spares[i].size);
    arena_free(&s->small);
    free(s->years);
    free(s->country_index);
    free(s->product_group);
    free(s->product_index);
    free(s->ccode);
    free(s->pcode);
}

/* ---- the pieces' sums as blocks -------------------------------------------------------------- */

/* The sorted union of the pieces' codes (countries or products). */
static mvec_status union_codes(mvec_ctx *ctx, const stream_piece *pieces, size_t count,
                               bool products, unsigned **out, size_t *n)
{
    size_t total = 0;
    for (size_t i = 0; i < count; i++)
        total += products ? pieces[i].np : pieces[i].nc;
    unsigned *codes = NULL;
    mvec_status status = mvec__calloc(ctx, total ? total : 1, sizeof *codes, &codes);
    if (status != MVEC_OK)
        return status;
    size_t at = 0;
    for (size_t i = 0; i < count; i++) {
        size_t m = products ? pieces[i].np : pieces[i].nc;
        memcpy(codes + at, products ? pieces[i].pcode : pieces[i].ccode, m * sizeof *codes);
        at += m;
    }
    *out = codes;
    *n = mvec__flow_codes_unique(codes, total);
    return MVEC_OK;
}

/* One thread's share of laying the pieces' sums of a year over the year's block: the
 * block's importers (cells) and exporters (pairs) in [from, to). No two threads write the
 * same memory, and each first touches its own part of the fresh block. */
typedef struct lay_job {
    fq_block *block;
    const stream_piece *pieces;
    const year_sums **years; /* per piece: its sums of the block's year, or NULL */
    size_t **cmap, **pmap;   /* per piece: its index -> the block's */
    size_t count, from, to;
} lay_job;

static void *lay_run(void *arg)
{
    const lay_job *j = arg;
    fq_block *b = j->block;
    for (size_t p = 0; p < j->count; p++) {
        const stream_piece *s = &j->pieces[p];
        const year_sums *y = j->years[p];
        const size_t *cmap = j->cmap[p], *pmap = j->pmap[p];
        for (size_t e = 0; y != NULL && b->pair && e < s->nc; e++) {
            if (cmap[e] < j->from || cmap[e] >= j->to)
                continue;
            const pair_sum *from = &y->pair[e * s->cc];
            for (size_t m = 0; m < s->nc; m++) {
                size_t to = cmap[e] * b->nc + cmap[m];
                b->pair[to] += from[m].value;
                b->pair_n[to] += from[m].rows;
            }
        }
        for (size_t m = 0; y != NULL && b->cells && m < s->nc; m++) {
            if (cmap[m] < j->from || cmap[m] >= j->to)
                continue;
            const fq_cell *row = &y->cells[m * s->pc];
            fq_cell *into = &b->cells[cmap[m] * b->np];
            for (size_t k = 0; k < s->np; k++) {
                const fq_cell *c = &row[k];
                if ((c->sum | c->max | (int64_t)c->sq_lo | (int64_t)c->sq_hi) == 0)
                    continue;
                fq_cell *a = &into[pmap[k]];
                a->sum += c->sum;
                if (c->max > a->max)
                    a->max = c->max;
                u128 sq = mvec__flow_cell_sq(a) + mvec__flow_cell_sq(c);
                a->sq_lo = (uint64_t)sq;
                a->sq_hi = (uint64_t)(sq >> 64);
            }
        }
    }
    return NULL;
}

/* Lay the pieces' sums of block b's year over b, on as many threads as there are pieces;
 * maps: the pieces' index maps (cmap, pmap). A year takes a few milliseconds (the WTO file
 * has 24): the threads are joined, not polled, so none waits past its end. */
static void lay_year(fq_block *b, const stream_piece *pieces, size_t count, size_t **cmap,
                     size_t **pmap)
{
    const year_sums *years[MVEC__FLOW_MAX_THREADS];
    lay_job jobs[MVEC__FLOW_MAX_THREADS];
    pthread_t tids[MVEC__FLOW_MAX_THREADS];
    for (size_t p = 0; p < count; p++) {
        years[p] = NULL;
        for (size_t i = 0; i < pieces[p].year_count; i++)
            if (pieces[p].years[i].year == b->year && pieces[p].years[i].rows > 0)
                years[p] = &pieces[p].years[i];
    }
    for (size_t t = 0; t < count; t++)
        jobs[t] = (lay_job){b,     pieces,           years,
                            cmap,  pmap,             count,
                            b->nc * t / count,       b->nc * (t + 1) / count};
    mvec__flow_jobs(lay_run, jobs, sizeof *jobs, (unsigned)count, tids);
}

static int compare_int(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

/* The pieces' sums as one block per year, added to `state`. */
static mvec_status take_pieces(mvec_ctx *ctx, mvec_flow_state *state, stream_piece *pieces,
                               size_t count, int product_digits)
{
    unsigned *ccodes = NULL, *pcodes = NULL;
    size_t nc = 0, np = 0, years = 0, distinct = 0;
    int *year_list = NULL;
    fq_block **blocks = NULL;
    size_t *cmap[MVEC__FLOW_MAX_THREADS] = {NULL}, *pmap[MVEC__FLOW_MAX_THREADS] = {NULL};
    u128 abs_total = 0;
    mvec_status status = union_codes(ctx, pieces, count, false, &ccodes, &nc);
    if (status != MVEC_OK)
        return status;
    MVEC_TRY(union_codes(ctx, pieces, count, true, &pcodes, &np));
    size_t all_years = 0;
    for (size_t i = 0; i < count; i++) {
        all_years += pieces[i].year_count;
        abs_total += pieces[i].abs_total;
    }
    if (state->abs_total + abs_total >= MVEC__FLOW_ABS_LIMIT)
        MVEC_FAIL(ctx, MVEC_ERR_LIMIT, "the sum of |value| passes 2^61, the bound of exact flow "
                                       "sums");
    MVEC_TRY(mvec__calloc(ctx, all_years ? all_years : 1, sizeof *year_list, &year_list));
    for (size_t i = 0; i < count; i++)
        for (size_t j = 0; j < pieces[i].year_count; j++)
            if (pieces[i].years[j].rows > 0)
                year_list[years++] = pieces[i].years[j].year;
    qsort(year_list, years, sizeof *year_list, compare_int);
    for (size_t i = 0; i < years; i++)
        if (distinct == 0 || year_list[distinct - 1] != year_list[i])
            year_list[distinct++] = year_list[i];
    for (size_t p = 0; p < count; p++) {
        MVEC_TRY(mvec__calloc(ctx, pieces[p].nc ? pieces[p].nc : 1, sizeof **cmap, &cmap[p]));
        MVEC_TRY(mvec__calloc(ctx, pieces[p].np ? pieces[p].np : 1, sizeof **pmap, &pmap[p]));
        for (size_t i = 0; i < pieces[p].nc; i++)
            cmap[p][i] = mvec__flow_code_slot(ccodes, nc, pieces[p].ccode[i]);
        for (size_t i = 0; i < pieces[p].np; i++)
            pmap[p][i] = mvec__flow_code_slot(pcodes, np, pieces[p].pcode[i]);
    }
    MVEC_TRY(mvec__calloc(ctx, distinct ? distinct : 1, sizeof *blocks, &blocks));
    for (size_t i = 0; i < distinct; i++) {
        MVEC_TRY(mvec__flow_block_new(ctx, state->what, year_list[i], ccodes, nc, pcodes, np,
                                      &blocks[i]));
        MVEC_TRY(mvec__check_cancel(ctx));
        lay_year(blocks[i], pieces, count, cmap, pmap);
        for (size_t p = 0; p < count; p++) /* the peak: the pieces' sums or the blocks */
            for (size_t j = 0; j < pieces[p].year_count; j++)
                if (pieces[p].years[j].year == year_list[i])
                    year_release(state, &pieces[p].years[j]);
    }
    MVEC_TRY(mvec__flow_state_take(ctx, state, blocks, distinct, abs_total, product_digits));
cleanup:
    if (blocks != NULL)
        for (size_t i = 0; i < distinct; i++)
            mvec__flow_block_free(ctx, blocks[i]);
    mvec__free(ctx, blocks);
    for (size_t p = 0; p < count; p++) {
        mvec__free(ctx, cmap[p]);
        mvec__free(ctx, pmap[p]);
    }
    mvec__free(ctx, year_list);
    mvec__free(ctx, ccodes);
    mvec__free(ctx, pcodes);
    return status;
}

/* ---- entry point --------------------------------------------------------------------------- */

/* Whether the stream can take a file of this layout: numeric columns only, each at most once. */
static bool stream_layout(const struct mvec__flow_layout *layout)
{
    const struct mvec__flow_reader *reader = layout->reader;
    if (layout->separator != ',' || strcmp(reader->value_unit, "USD") != 0 ||
        reader->value_subunit_decimals != 0 || reader->product_digits > 6 ||
        reader->filters != NULL || /* rows kept or dropped by a column's value: the table's */
        (reader->codes != FLOW_CODES_BACI && reader->codes != FLOW_CODES_M49))
        return false;
    unsigned seen = 0;
    for (size_t f = 0; f < layout->field_count; f++) {
        enum mvec__flow_role role = layout->roles[f];
        if (role != FLOW_YEAR && role != FLOW_EXPORTER && role != FLOW_IMPORTER &&
            role != FLOW_PRODUCT && role != FLOW_VALUE && role != FLOW_QUANTITY)
            return false;
        if (seen & (1u << role))
            return false;
        seen |= 1u << role;
    }
    return true;
}

mvec_status mvec_flow_state_add_csv(mvec_ctx *ctx, mvec_flow_state *state, const char *path,
                                    unsigned threads, int *taken)
{
    if (state == NULL || path == NULL || taken == NULL)
        return mvec__error(ctx, MVEC_ERR_INVALID, "flow state: no state or file");
    *taken = 0;
    mvec_status status = MVEC_OK;
    stream_piece pieces[MVEC__FLOW_MAX_THREADS];
    size_t count = 0;
    void *map = NULL;
    size_t size = 0;
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return mvec__error(ctx, MVEC_ERR_IO, "cannot open %s: %s", path, strerror(errno));
    struct stat info;
    if (fstat(fd, &info) != 0)
        MVEC_FAIL(ctx, MVEC_ERR_IO, "cannot read %s: %s", path, strerror(errno));
    size = (size_t)info.st_size;
    if (!S_ISREG(info.st_mode) || size < 4)
        goto cleanup; /* the table reader says what is wrong */
    map = mmap(NULL, size, PROT_READ, MAP_PRIVATE, fd, 0);
    if (map == MAP_FAILED) {
        map = NULL;
        MVEC_FAIL(ctx, MVEC_ERR_IO, "cannot map %s: %s", path, strerror(errno));
    }
    const char *data = map;
    if ((data[0] == '\x1f' && data[1] == '\x8b') || memcmp(data, "PK\x03\x04", 4) == 0)
        goto cleanup; /* compressed */
    struct mvec__flow_layout layout;
    const char *body = NULL;
    if (mvec__flow_header(ctx, path, data, size, &layout, &body) != MVEC_OK) {
        mvec_ctx_clear_error(ctx);
        goto cleanup;
    }
    if (!stream_layout(&layout) || memchr(data, '"', (size_t)(body - data)) != NULL)
        goto cleanup;
    const struct mvec__flow_reader *reader = layout.reader;
    if (state->product_digits != 0 && state->product_digits != reader->product_digits)
        MVEC_FAIL(ctx, MVEC_ERR_INVALID, "%s: products are HS%d codes, the earlier tables' HS%d",
                  path, reader->product_digits, state->product_digits);
    if (threads == 0) {
        long cores = sysconf(_SC_NPROCESSORS_ONLN);
        threads = cores > 0 ? (unsigned)cores : 1;
    }
    const char *end = data + size;
    count = threads > MVEC__FLOW_MAX_THREADS ? MVEC__FLOW_MAX_THREADS : threads;
    size_t per_piece = 1 << 20; /* a thread for less is not worth starting */
    if ((size_t)(end - body) / per_piece + 1 < count)
        count = (size_t)(end - body) / per_piece + 1;
    const char *cuts[MVEC__FLOW_MAX_THREADS + 1];
    mvec__flow_cut(body, end, count, cuts);
    struct mvec__flow_progress progress = {.name = path};
    posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL);
    for (size_t i = 0; i < count; i++)
        pieces[i] = (stream_piece){
            .progress = &progress,
            .layout = &layout,
            .fd = fd,
            .from = (uint64_t)(cuts[i] - data),
            .to = (uint64_t)(cuts[i + 1] - data),
            .what = state->what,
            .m49 = reader->codes == FLOW_CODES_M49,
            .min_digits = reader->product_min_digits,
            .max_digits = reader->product_digits,
            .value_decimals = reader->value_decimals,
            .quantity_decimals = reader->quantity_decimals,
        };
    for (size_t i = 0; i < state->spare_count; i++) /* each thread its share, no lock */
        pieces[i % count].spares[pieces[i % count].spare_count++] = state->spares[i];
    state->spare_count = 0;
    status = mvec__flow_run(ctx, &progress, pieces, sizeof *pieces, count, stream_piece_run,
                            (size_t)(end - body));
    MVEC_TRY(status);
    uint64_t left_out = 0;
    for (size_t i = 0; i < count; i++) {
        if (pieces[i].failed)
            MVEC_FAIL(ctx, MVEC_ERR_NOMEM, "%s: out of memory", path);
        if (pieces[i].abs_total >= MVEC__FLOW_ABS_LIMIT)
            MVEC_FAIL(ctx, MVEC_ERR_LIMIT,
                      "%s: the sum of |value| passes 2^61, the bound of exact flow sums", path);
        if (pieces[i].declined)
            goto cleanup;
        left_out += pieces[i].left_out;
    }
    status = take_pieces(ctx, state, pieces, count, reader->product_digits);
    if (status == MVEC_ERR_LIMIT)
        status = mvec__error(ctx, status,
                             "%s: the sum of |value| passes 2^61, the bound of exact flow sums",
                             path);
    MVEC_TRY(status);
    mvec__flow_world_left_out(ctx, path, left_out);
    *taken = 1;
cleanup:
    for (size_t i = 0; i < count; i++)
        piece_free(state, &pieces[i]);
    if (map != NULL)
        munmap(map, size);
    close(fd);
    return status;
}
