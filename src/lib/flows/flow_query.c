/*
 * flow_query.c - the mergeable aggregation state of the flow queries and
 * their exact answers (mvec_flow_query.h, docs/methods.md "Flow queries").
 *
 * A state is a list of year blocks. A block has its own country codes and
 * product codes (in any order: the order of the table it came from) and
 * dense arrays over them: pair sums [exporter][importer] and cells
 * [importer][product]. Adding a table sums its rows into per-thread blocks
 * (row ranges), adds the threads' blocks, then merges them into the state:
 * a year the state lacks adopts the block as it is; a year with the same
 * codes adds element by element; otherwise both are laid out again over the
 * union of the codes. Every sum is an integer, so any order gives the same.
 */
#define _DEFAULT_SOURCE /* madvise */

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "flow_state.h"
#include "flows_internal.h"

typedef mvec__u128 u128;
typedef mvec__i128 i128;
typedef mvec__flow_cell fq_cell;
typedef mvec__flow_block fq_block;

#define ABS_LIMIT MVEC__FLOW_ABS_LIMIT
#define cell_sq mvec__flow_cell_sq
#define block_new mvec__flow_block_new
#define block_free mvec__flow_block_free

static inline void cell_add_sq(fq_cell *c, u128 x)
{
    u128 s = cell_sq(c) + x;
    c->sq_lo = (uint64_t)s;
    c->sq_hi = (uint64_t)(s >> 64);
}

void mvec__flow_jobs(void *(*work)(void *), void *jobs, size_t size, unsigned n,
                     pthread_t *tids)
{
    char *job = jobs;
    bool started[64] = {false};
    for (unsigned t = 1; t < n; t++)
        started[t] = pthread_create(&tids[t], NULL, work, job + t * size) == 0;
    work(job);
    for (unsigned t = 1; t < n; t++) {
        if (started[t])
            pthread_join(tids[t], NULL);
        else
            work(job + t * size);
    }
}

/* ---- blocks ------------------------------------------------------------------------------- */

/* Zeroed memory mapped from the kernel: its pages are zeroed when first touched, not
 * cleared by the caller. From 2 MiB up in huge pages where the kernel allows (a year of
 * BACI is ~40 MB of cells, each row a random access: with 4 KiB pages most would also miss
 * the TLB); below that, every page is faulted in by one call (MADV_POPULATE_WRITE, Linux
 * 5.14) rather than one trap per page, which on a virtual machine halves the cost. */
void *mvec__flow_map_zeroed(size_t size)
{
    void *p = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED)
        return NULL;
#ifdef MADV_HUGEPAGE
    if (size >= ((size_t)2 << 20)) {
        madvise(p, size, MADV_HUGEPAGE);
        return p;
    }
#endif
#ifdef MADV_POPULATE_WRITE
    madvise(p, size, MADV_POPULATE_WRITE); /* an old kernel says EINVAL: the faults then */
#endif
    return p;
}

/* A zeroed array of a block: from 64 KiB up mapped (mvec__flow_map_zeroed), below from the
 * context's allocator. */
enum { MAPPED_ARRAY = 64 << 10 };

static mvec_status array_new(mvec_ctx *ctx, size_t size, void *out)
{
    if (size < MAPPED_ARRAY)
        return mvec__calloc(ctx, 1, size, out);
    void *p = mvec__flow_map_zeroed(size);
    if (p == NULL)
        return mvec__error(ctx, MVEC_ERR_NOMEM, "out of memory (%zu bytes)", size);
    *(void **)out = p;
    return MVEC_OK;
}

static void array_free(mvec_ctx *ctx, void *p, size_t size)
{
    if (p != NULL && size >= MAPPED_ARRAY)
        munmap(p, size);
    else
        mvec__free(ctx, p);
}

void mvec__flow_block_free(mvec_ctx *ctx, fq_block *b)
{
    if (b == NULL)
        return;
    if (b->borrowed) {
        mvec__free(ctx, b);
        return;
    }
    size_t pairs = b->nc * b->nc > 0 ? b->nc * b->nc : 1;
    size_t cells = b->nc * b->np > 0 ? b->nc * b->np : 1;
    mvec__free(ctx, b->ccodes);
    mvec__free(ctx, b->pcodes);
    array_free(ctx, b->pair, pairs * sizeof *b->pair);
    array_free(ctx, b->pair_n, pairs * sizeof *b->pair_n);
    array_free(ctx, b->cells, cells * sizeof *b->cells);
    mvec__free(ctx, b);
}

mvec_status mvec__flow_block_new(mvec_ctx *ctx, unsigned what, int year, const unsigned *ccodes,
                             size_t nc, const unsigned *pcodes, size_t np, fq_block **out)
{
    fq_block *b = NULL;
    mvec_status status = mvec__calloc(ctx, 1, sizeof *b, &b);
    if (status != MVEC_OK)
        return status;
    b->year = year;
    b->nc = nc;
    b->np = np;
    MVEC_TRY(mvec__calloc(ctx, nc ? nc : 1, sizeof *b->ccodes, &b->ccodes));
    MVEC_TRY(mvec__calloc(ctx, np ? np : 1, sizeof *b->pcodes, &b->pcodes));
    if (nc)
        memcpy(b->ccodes, ccodes, nc * sizeof *ccodes);
    if (np)
        memcpy(b->pcodes, pcodes, np * sizeof *pcodes);
    size_t pairs = nc * nc > 0 ? nc * nc : 1, cells = nc * np > 0 ? nc * np : 1;
    if (what & MVEC_FLOW_PAIRS) {
        MVEC_TRY(array_new(ctx, pairs * sizeof *b->pair, &b->pair));
        MVEC_TRY(array_new(ctx, pairs * sizeof *b->pair_n, &b->pair_n));
    }
    if (what & MVEC_FLOW_CELLS)
        MVEC_TRY(array_new(ctx, cells * sizeof *b->cells, &b->cells));
    *out = b;
    return MVEC_OK;
cleanup:
    block_free(ctx, b);
    return status;
}

static bool same_codes(const unsigned *a, size_t na, const unsigned *b, size_t nb)
{
    return na == nb && (na == 0 || memcmp(a, b, na * sizeof *a) == 0);
}

/* Add `from` into `into`, both over the same codes. */
static void block_add_same(fq_block *into, const fq_block *from)
{
    if (into->pair && from->pair) {
        size_t n = into->nc * into->nc;
        for (size_t i = 0; i < n; i++) {
            into->pair[i] += from->pair[i];
            into->pair_n[i] += from->pair_n[i];
        }
    }
    if (into->cells && from->cells) {
        size_t n = into->nc * into->np;
        for (size_t i = 0; i < n; i++) {
            fq_cell *a = &into->cells[i];
            const fq_cell *b = &from->cells[i];
            if (b->sum == 0 && b->max == 0 && b->sq_lo == 0 && b->sq_hi == 0)
                continue;
            a->sum += b->sum;
            if (b->max > a->max)
                a->max = b->max;
            cell_add_sq(a, cell_sq(b));
        }
    }
}

static int compare_unsigned(const void *a, const void *b)
{
    unsigned x = *(const unsigned *)a, y = *(const unsigned *)b;
    return (x > y) - (x < y);
}

/* Sorted union of two code lists (each without repeats). */
static mvec_status code_union(mvec_ctx *ctx, const unsigned *a, size_t na, const unsigned *b,
                              size_t nb, unsigned **out, size_t *count)
{
    unsigned *u = NULL;
    mvec_status status = mvec__calloc(ctx, na + nb ? na + nb : 1, sizeof *u, &u);
    if (status != MVEC_OK)
        return status;
    if (na)
        memcpy(u, a, na * sizeof *a);
    if (nb)
        memcpy(u + na, b, nb * sizeof *b);
    *out = u;
    *count = mvec__flow_codes_unique(u, na + nb);
    return MVEC_OK;
}

size_t mvec__flow_codes_unique(unsigned *codes, size_t n)
{
    qsort(codes, n, sizeof *codes, compare_unsigned);
    size_t kept = 0;
    for (size_t i = 0; i < n; i++)
        if (kept == 0 || codes[kept - 1] != codes[i])
            codes[kept++] = codes[i];
    return kept;
}

size_t mvec__flow_code_slot(const unsigned *codes, size_t n, unsigned code)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (codes[mid] < code)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* Add `from` into `into` (a block over a superset of from's codes, sorted). */
static mvec_status block_add_mapped(mvec_ctx *ctx, fq_block *into, const fq_block *from)
{
    size_t *cmap = NULL, *pmap = NULL;
    mvec_status status = mvec__calloc(ctx, from->nc ? from->nc : 1, sizeof *cmap, &cmap);
    if (status != MVEC_OK)
        return status;
    MVEC_TRY(mvec__calloc(ctx, from->np ? from->np : 1, sizeof *pmap, &pmap));
    for (size_t i = 0; i < from->nc; i++)
        cmap[i] = mvec__flow_code_slot(into->ccodes, into->nc, from->ccodes[i]);
    for (size_t i = 0; i < from->np; i++)
        pmap[i] = mvec__flow_code_slot(into->pcodes, into->np, from->pcodes[i]);
    if (into->pair && from->pair)
        for (size_t e = 0; e < from->nc; e++)
            for (size_t m = 0; m < from->nc; m++) {
                size_t s = e * from->nc + m, d = cmap[e] * into->nc + cmap[m];
                into->pair[d] += from->pair[s];
                into->pair_n[d] += from->pair_n[s];
            }
    if (into->cells && from->cells)
        for (size_t m = 0; m < from->nc; m++)
            for (size_t k = 0; k < from->np; k++) {
                const fq_cell *b = &from->cells[m * from->np + k];
                if (b->sum == 0 && b->max == 0 && b->sq_lo == 0 && b->sq_hi == 0)
                    continue;
                fq_cell *a = &into->cells[cmap[m] * into->np + pmap[k]];
                a->sum += b->sum;
                if (b->max > a->max)
                    a->max = b->max;
                cell_add_sq(a, cell_sq(b));
            }
cleanup:
    mvec__free(ctx, cmap);
    mvec__free(ctx, pmap);
    return status;
}

/* ---- state ------------------------------------------------------------------------------- */

mvec_status mvec_flow_state_new(mvec_ctx *ctx, unsigned what, mvec_flow_state **out)
{
    if (out == NULL || (what & (MVEC_FLOW_PAIRS | MVEC_FLOW_CELLS)) == 0 ||
        (what & ~(unsigned)(MVEC_FLOW_PAIRS | MVEC_FLOW_CELLS)) != 0)
        return mvec__error(ctx, MVEC_ERR_INVALID, "flow state: nothing to track");
    mvec_status status = mvec__calloc(ctx, 1, sizeof **out, out);
    if (status == MVEC_OK)
        (*out)->what = what;
    return status;
}

void mvec_flow_state_free(mvec_ctx *ctx, mvec_flow_state *state)
{
    if (state == NULL)
        return;
    for (size_t i = 0; i < state->count; i++)
        block_free(ctx, state->blocks[i]);
    mvec__free(ctx, state->blocks);
    for (size_t i = 0; i < state->map_count; i++)
        munmap(state->maps[i], state->map_lengths[i]);
    mvec__free(ctx, state->maps);
    mvec__free(ctx, state->map_lengths);
    for (size_t i = 0; i < state->spare_count; i++)
        munmap(state->spares[i].memory, state->spares[i].size);
    mvec__free(ctx, state);
}

unsigned mvec_flow_state_what(const mvec_flow_state *state)
{
    return state ? state->what : 0;
}

static size_t find_year(const mvec_flow_state *state, int year)
{
    size_t lo = 0, hi = state->count;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (state->blocks[mid]->year < year)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* The plan of merging blocks into a state: for each, either adopt (insert),
 * add in place, or replace by a new union block. Done in two steps so a
 * failure leaves the state unchanged: prepare (allocations) then commit. */
typedef struct merge_plan {
    fq_block *insert;   /* a new block to insert (adopted or union), or NULL */
    size_t replace_at;  /* with insert: the index it replaces, or SIZE_MAX to insert */
    const fq_block *add; /* without insert: add this into blocks[replace_at] in place */
} merge_plan;

/* Merge `blocks` (count, distinct years; ownership taken when `owned`) into `state`. */
static mvec_status merge_blocks(mvec_ctx *ctx, mvec_flow_state *state, fq_block **blocks,
                                size_t count, bool owned)
{
    merge_plan *plan = NULL;
    mvec_status status = mvec__calloc(ctx, count ? count : 1, sizeof *plan, &plan);
    if (status != MVEC_OK)
        return status;
    size_t inserts = 0;
    for (size_t i = 0; i < count; i++) {
        const fq_block *b = blocks[i];
        size_t at = find_year(state, b->year);
        bool exists = at < state->count && state->blocks[at]->year == b->year;
        if (!exists) {
            if (owned) {
                plan[i].insert = blocks[i];
            } else {
                MVEC_TRY(block_new(ctx, state->what, b->year, b->ccodes, b->nc, b->pcodes, b->np,
                                   &plan[i].insert));
                block_add_same(plan[i].insert, b);
            }
            plan[i].replace_at = SIZE_MAX;
            inserts++;
            continue;
        }
        fq_block *a = state->blocks[at];
        if (!a->borrowed && same_codes(a->ccodes, a->nc, b->ccodes, b->nc) &&
            same_codes(a->pcodes, a->np, b->pcodes, b->np)) {
            plan[i].add = b;
            plan[i].replace_at = at;
            continue;
        }
        unsigned *cu = NULL, *pu = NULL;
        size_t ncu = 0, npu = 0;
        fq_block *u = NULL;
        status = code_union(ctx, a->ccodes, a->nc, b->ccodes, b->nc, &cu, &ncu);
        if (status == MVEC_OK)
            status = code_union(ctx, a->pcodes, a->np, b->pcodes, b->np, &pu, &npu);
        if (status == MVEC_OK)
            status = block_new(ctx, state->what, b->year, cu, ncu, pu, npu, &u);
        mvec__free(ctx, cu);
        mvec__free(ctx, pu);
        if (status == MVEC_OK)
            status = block_add_mapped(ctx, u, a);
        if (status == MVEC_OK)
            status = block_add_mapped(ctx, u, b);
        if (status != MVEC_OK) {
            block_free(ctx, u);
            goto cleanup;
        }
        plan[i].insert = u;
        plan[i].replace_at = at;
    }
    if (state->count + inserts > state->capacity) {
        size_t cap = state->capacity;
        MVEC_TRY(mvec__grow(ctx, &state->blocks, &cap, state->count + inserts,
                            sizeof *state->blocks));
        state->capacity = cap;
    }
    /* commit: nothing below fails */
    for (size_t i = 0; i < count; i++) {
        if (plan[i].insert == NULL) {
            block_add_same(state->blocks[plan[i].replace_at], plan[i].add);
            if (owned)
                block_free(ctx, blocks[i]);
        } else if (plan[i].replace_at != SIZE_MAX) {
            block_free(ctx, state->blocks[plan[i].replace_at]);
            state->blocks[plan[i].replace_at] = plan[i].insert;
            if (owned)
                block_free(ctx, blocks[i]);
        } else {
            size_t at = find_year(state, plan[i].insert->year);
            memmove(&state->blocks[at + 1], &state->blocks[at],
                    (state->count - at) * sizeof *state->blocks);
            state->blocks[at] = plan[i].insert;
            state->count++;
        }
        if (owned)
            blocks[i] = NULL;
    }
    mvec__free(ctx, plan);
    return MVEC_OK;
cleanup:
    for (size_t i = 0; i < count; i++)
        if (plan[i].insert != NULL && plan[i].insert != blocks[i])
            block_free(ctx, plan[i].insert);
    mvec__free(ctx, plan);
    return status;
}

mvec_status mvec__flow_state_take(mvec_ctx *ctx, mvec_flow_state *state, fq_block **blocks,
                                  size_t count, u128 abs_total, int product_digits)
{
    u128 total = state->abs_total + abs_total;
    if (total >= ABS_LIMIT)
        return mvec__error(ctx, MVEC_ERR_LIMIT,
                           "the sum of |value| passes 2^61, the bound of exact flow sums");
    mvec_status status = merge_blocks(ctx, state, blocks, count, true);
    if (status == MVEC_OK) {
        state->abs_total = total;
        state->product_digits = product_digits;
    }
    return status;
}

/* ---- adding a table ----------------------------------------------------------------------- */

typedef struct add_job {
    const mvec_flows_columns *cols;
    size_t begin, end;
    int first_year;
    size_t years;
    unsigned what;
    size_t nc, np;
    const unsigned *ccodes, *pcodes;
    mvec_ctx *ctx;
    fq_block **blocks; /* years, allocated before the threads start */
    uint64_t *rows_of_year;
    const unsigned char *world; /* per country: the World total (rows left out) */
    uint64_t left_out;
    u128 abs_total;
} add_job;

static void *add_rows(void *arg)
{
    add_job *job = arg;
    const mvec_flows_columns *c = job->cols;
    const size_t nc = job->nc, np = job->np;
    u128 abs_total = 0;
    fq_block *last = NULL;
    int last_year = -1;
    size_t y = 0;
    for (size_t r = job->begin; r < job->end; r++) {
        int year = c->year[r];
        if (year != last_year) {
            y = (size_t)(year - job->first_year);
            last = job->blocks[y];
            last_year = year;
        }
        int64_t v = c->value[r];
        size_t e = c->exporter[r], m = c->importer[r];
        if (job->world[e] | job->world[m]) {
            job->left_out++;
            continue;
        }
        job->rows_of_year[y]++; /* marks the year as present */
        abs_total += (u128)(v < 0 ? -(i128)v : (i128)v);
        if (abs_total >= ABS_LIMIT) /* stop before any sum can overflow: reported after */
            break;
        if (last->pair) {
            last->pair[e * nc + m] += v;
            last->pair_n[e * nc + m]++;
        }
        if (last->cells) {
            /* the rows come in (exporter, importer, product) order in BACI: the cell of a
               row a little ahead is usually in the same year and not yet in the cache */
            if (r + 12 < job->end)
                __builtin_prefetch(&last->cells[(size_t)c->importer[r + 12] * np +
                                                c->product[r + 12]],
                                   1);
            fq_cell *cell = &last->cells[m * np + c->product[r]];
            cell->sum += v;
            if (v > cell->max)
                cell->max = v;
            cell_add_sq(cell, (u128)((i128)v * v));
        }
    }
    job->abs_total = abs_total;
    return NULL;
}

static unsigned online_threads(unsigned threads)
{
    if (threads == 0) {
        long cores = sysconf(_SC_NPROCESSORS_ONLN);
        threads = cores > 0 ? (unsigned)cores : 1;
    }
    return threads > 64 ? 64 : threads;
}

static bool parse_code(const char *text, unsigned *out)
{
    if (text == NULL || *text == '\0')
        return false;
    unsigned long x = 0;
    for (const char *p = text; *p; p++) {
        if (*p < '0' || *p > '9' || x > 100000000UL)
            return false;
        x = x * 10 + (unsigned long)(*p - '0');
    }
    *out = (unsigned)x;
    return true;
}

mvec_status mvec__flow_state_add_table(mvec_ctx *ctx, mvec_flow_state *state,
                                       const mvec_flows *flows, unsigned threads,
                                       uint64_t *world_rows)
{
    *world_rows = 0;
    if (state == NULL || flows == NULL)
        return mvec__error(ctx, MVEC_ERR_INVALID, "flow state: no state or table");
    const mvec_flows_info *info = mvec_flows_get_info(flows);
    mvec_flows_columns cols = mvec_flows_get_columns(flows);
    if (state->product_digits != 0 && state->product_digits != info->product_digits)
        return mvec__error(ctx, MVEC_ERR_INVALID,
                           "%s: products are HS%d codes, the earlier tables' HS%d",
                           info->source_path, info->product_digits, state->product_digits);
    if (info->value_decimals != 0)
        return mvec__error(ctx, MVEC_ERR_INVALID,
                           "%s: values kept to %d decimals of a dollar (UN Comtrade's "
                           "fractions): the flow queries sum whole dollars", info->source_path,
                           info->value_decimals);
    if (cols.rows == 0) {
        state->product_digits = info->product_digits;
        return MVEC_OK;
    }
    size_t nc = info->country_count, np = info->product_count;
    size_t years = (size_t)(info->last_year - info->first_year + 1);
    unsigned *ccodes = NULL, *pcodes = NULL;
    unsigned char *world = NULL;
    add_job *jobs = NULL;
    pthread_t *tids = NULL;
    fq_block **total = NULL;
    size_t total_count = 0;
    unsigned n = online_threads(threads);
    if ((size_t)n > cols.rows / 4096 + 1)
        n = (unsigned)(cols.rows / 4096 + 1);
    mvec_status status = mvec__calloc(ctx, nc ? nc : 1, sizeof *ccodes, &ccodes);
    if (status != MVEC_OK)
        return status;
    MVEC_TRY(mvec__calloc(ctx, np ? np : 1, sizeof *pcodes, &pcodes));
    MVEC_TRY(mvec__calloc(ctx, nc ? nc : 1, sizeof *world, &world));
    for (size_t i = 0; i < nc; i++)
        world[i] = strcmp(mvec_flows_country_at(flows, i)->mvec_code, "WLD") == 0;
    for (size_t i = 0; i < nc; i++)
        if (!parse_code(mvec_flows_country_at(flows, i)->code, &ccodes[i])) {
            status = mvec__error(ctx, MVEC_ERR_INVALID, "%s: country code '%s' is not a number",
                                 info->source_path, mvec_flows_country_at(flows, i)->code);
            goto cleanup;
        }
    for (size_t i = 0; i < np; i++)
        if (!parse_code(mvec_flows_product_at(flows, i), &pcodes[i])) {
            status = mvec__error(ctx, MVEC_ERR_INVALID, "%s: product code '%s' is not a number",
                                 info->source_path, mvec_flows_product_at(flows, i));
            goto cleanup;
        }
    MVEC_TRY(mvec__calloc(ctx, n, sizeof *jobs, &jobs));
    MVEC_TRY(mvec__calloc(ctx, n, sizeof *tids, &tids));
    for (unsigned t = 0; t < n; t++) {
        jobs[t] = (add_job){&cols, cols.rows * t / n, cols.rows * (t + 1) / n, info->first_year,
                            years, state->what, nc, np, ccodes, pcodes, ctx, NULL, NULL, world, 0, 0};
        MVEC_TRY(mvec__calloc(ctx, years, sizeof *jobs[t].blocks, &jobs[t].blocks));
        MVEC_TRY(mvec__calloc(ctx, years, sizeof *jobs[t].rows_of_year, &jobs[t].rows_of_year));
        for (size_t y = 0; y < years; y++)
            MVEC_TRY(block_new(ctx, state->what, info->first_year + (int)y, ccodes, nc, pcodes, np,
                               &jobs[t].blocks[y]));
    }
    /* Note: the allocator hook of the context is called from these threads. */
    mvec__flow_jobs(add_rows, jobs, sizeof *jobs, n, tids);
    u128 abs_total = 0;
    uint64_t left_out = 0;
    for (unsigned t = 0; t < n; t++) {
        abs_total += jobs[t].abs_total;
        left_out += jobs[t].left_out;
    }
    MVEC_TRY(mvec__check_cancel(ctx));
    /* thread blocks into thread 0's, in thread order */
    for (size_t y = 0; y < years; y++)
        for (unsigned t = 1; t < n; t++) {
            if (jobs[t].rows_of_year[y] == 0)
                continue;
            block_add_same(jobs[0].blocks[y], jobs[t].blocks[y]);
            jobs[0].rows_of_year[y] += jobs[t].rows_of_year[y];
        }
    MVEC_TRY(mvec__calloc(ctx, years, sizeof *total, &total));
    for (size_t y = 0; y < years; y++)
        if (jobs[0].rows_of_year[y] != 0) {
            total[total_count++] = jobs[0].blocks[y];
            jobs[0].blocks[y] = NULL;
        }
    status = mvec__flow_state_take(ctx, state, total, total_count, abs_total,
                                   info->product_digits);
    if (status == MVEC_ERR_LIMIT)
        status = mvec__error(ctx, status,
                             "%s: the sum of |value| passes 2^61, the bound of exact flow sums",
                             info->source_path);
    MVEC_TRY(status);
    total_count = 0;
    *world_rows = left_out;
cleanup:
    if (total != NULL)
        for (size_t i = 0; i < total_count; i++)
            block_free(ctx, total[i]);
    mvec__free(ctx, total);
    if (jobs != NULL)
        for (unsigned t = 0; t < n; t++) {
            if (jobs[t].blocks != NULL)
                for (size_t y = 0; y < years; y++)
                    block_free(ctx, jobs[t].blocks[y]);
            mvec__free(ctx, jobs[t].blocks);
            mvec__free(ctx, jobs[t].rows_of_year);
        }
    mvec__free(ctx, jobs);
    mvec__free(ctx, tids);
    mvec__free(ctx, ccodes);
    mvec__free(ctx, pcodes);
    mvec__free(ctx, world);
    return status;
}

mvec_status mvec_flow_state_add(mvec_ctx *ctx, mvec_flow_state *state, const mvec_flows *flows,
                                unsigned threads)
{
    uint64_t world_rows = 0;
    mvec_status status = mvec__flow_state_add_table(ctx, state, flows, threads, &world_rows);
    if (status == MVEC_OK)
        mvec__flow_world_left_out(ctx, mvec_flows_get_info(flows)->source_path, world_rows);
    return status;
}

void mvec__flow_world_left_out(mvec_ctx *ctx, const char *name, uint64_t rows)
{
    if (rows > 0)
        mvec__log(ctx, MVEC_LOG_WARNING,
                  "%s: %llu row%s with the World (M49 000) as exporter or importer left out: "
                  "a total over partners, not a flow between two countries",
                  name, (unsigned long long)rows, rows == 1 ? "" : "s");
}

mvec_status mvec_flow_state_merge(mvec_ctx *ctx, mvec_flow_state *into,
                                  const mvec_flow_state *from)
{
    if (into == NULL || from == NULL || (into->what & from->what) != into->what)
        return mvec__error(ctx, MVEC_ERR_INVALID,
                           "flow states: they do not hold the same sums and cannot be merged");
    if (into->product_digits && from->product_digits &&
        into->product_digits != from->product_digits)
        return mvec__error(ctx, MVEC_ERR_INVALID,
                           "flow states: HS%d products cannot be merged with HS%d products",
                           from->product_digits, into->product_digits);
    u128 abs_total = into->abs_total + from->abs_total;
    if (abs_total >= ABS_LIMIT)
        return mvec__error(ctx, MVEC_ERR_LIMIT,
                           "flow states: the sum of |value| passes 2^61, the bound of exact "
                           "flow sums");
    mvec_status status = merge_blocks(ctx, into, from->blocks, from->count, false);
    if (status == MVEC_OK) {
        into->abs_total = abs_total;
        if (into->product_digits == 0)
            into->product_digits = from->product_digits;
    }
    return status;
}

/* ---- exact ratios ------------------------------------------------------------------------- */

static int bits128(u128 x)
{
    uint64_t hi = (uint64_t)(x >> 64), lo = (uint64_t)x;
    return hi ? 128 - __builtin_clzll(hi) : lo ? 64 - __builtin_clzll(lo) : 0;
}

/* The double nearest to a / b (a >= 0, 0 < b < 2^126), ties to even. */
static double ratio(u128 a, u128 b)
{
    if (a == 0 || b == 0)
        return 0.0;
    u128 q = a / b, r = a % b;
    int e = 0; /* value = m * 2^-e, m built below */
    u128 m = q;
    bool sticky;
    if (bits128(m) > 54) {
        int sh = bits128(m) - 54;
        sticky = (m & (((u128)1 << sh) - 1)) != 0 || r != 0;
        m >>= sh;
        e = -sh;
    } else {
        while (m < ((u128)1 << 53)) {
            r <<= 1;
            m <<= 1;
            if (r >= b) {
                r -= b;
                m |= 1;
            }
            e++;
        }
        sticky = r != 0;
    }
    /* m in [2^53, 2^54): 53 bits and a guard bit */
    uint64_t mant = (uint64_t)(m >> 1);
    if ((m & 1) && (sticky || (mant & 1)))
        mant++;
    double x = (double)mant; /* exact: mant <= 2^53 */
    int exp2 = 1 - e;
    /* scale by 2^exp2 exactly, in steps that stay normal */
    while (exp2 > 0) {
        int s = exp2 > 60 ? 60 : exp2;
        x *= (double)((uint64_t)1 << s);
        exp2 -= s;
    }
    while (exp2 < 0) {
        int s = -exp2 > 60 ? 60 : -exp2;
        x /= (double)((uint64_t)1 << s);
        exp2 += s;
    }
    return x;
}

double mvec_flow_ratio(mvec_flow_u128 num, mvec_flow_u128 den)
{
    u128 a = ((u128)num.hi << 64) | num.lo, b = ((u128)den.hi << 64) | den.lo;
    if (b == 0 || b >> 126)
        return 0.0;
    return ratio(a, b);
}

/* floor(a * 2^64 / b), for 0 <= a <= b, 0 < b < 2^123: at most 2^64. */
static u128 fixed64(u128 a, u128 b)
{
    u128 q = a / b, r = a % b;
    u128 result = q << 64;
    int left = 64;
    int step = 126 - bits128(b);
    if (step > 64)
        step = 64;
    while (left > 0) {
        int c = step < left ? step : left;
        r <<= c;
        result += (r / b) << (left - c);
        r %= b;
        left -= c;
    }
    return result;
}

/* fixed64 for 0 <= a <= b < 2^64, the top share of nearly every cell: one hardware
 * division of the 128-bit a * 2^64 by b (its quotient fits 64 bits when a < b), where the
 * general case takes four of 128 bits. */
static inline u128 fixed64_word(uint64_t a, uint64_t b)
{
    if (a == b)
        return (u128)1 << 64;
#if defined(__x86_64__) && defined(__GNUC__)
    uint64_t q, r;
    __asm__("divq %4" : "=a"(q), "=d"(r) : "a"((uint64_t)0), "d"(a), "rm"(b));
    (void)r;
    return q;
#else
    return fixed64(a, b);
#endif
}

static mvec_flow_u128 to_u128(u128 x)
{
    mvec_flow_u128 y = {(uint64_t)(x >> 64), (uint64_t)x};
    return y;
}

/* ---- answers -------------------------------------------------------------------------------- */

/* Slots of `codes` in ascending code order. */
static mvec_status sorted_slots(mvec_ctx *ctx, const unsigned *codes, size_t n, size_t **out)
{
    size_t *order = NULL;
    mvec_status status = mvec__calloc(ctx, n ? n : 1, sizeof *order, &order);
    if (status != MVEC_OK)
        return status;
    for (size_t i = 0; i < n; i++)
        order[i] = i;
    /* insertion sort: n is the country count (a few hundred) */
    for (size_t i = 1; i < n; i++) {
        size_t x = order[i], j = i;
        while (j > 0 && codes[order[j - 1]] > codes[x]) {
            order[j] = order[j - 1];
            j--;
        }
        order[j] = x;
    }
    *out = order;
    return MVEC_OK;
}

typedef struct q3_job {
    const fq_block *block;
    const size_t *order; /* importer slots in code order */
    size_t begin, end;   /* positions in order */
    mvec_flow_q3_row *rows; /* one per position; products == 0 means no row */
} q3_job;

static void *q3_rows(void *arg)
{
    q3_job *job = arg;
    const fq_block *b = job->block;
    for (size_t i = job->begin; i < job->end; i++) {
        size_t m = job->order[i];
        mvec_flow_q3_row *row = &job->rows[i];
        uint64_t products = 0, dependent = 0;
        u128 top = 0, hhi = 0;
        const fq_cell *cells = &b->cells[m * b->np];
        for (size_t k = 0; k < b->np; k++) {
            const fq_cell *c = &cells[k];
            if (c->sum <= 0)
                continue;
            u128 s = (u128)c->sum, s2 = s * s, q = cell_sq(c);
            u128 mx = c->max > 0 ? (u128)c->max : 0;
            products++;
            dependent += 2 * mx > s && 5 * q > 2 * s2;
            top += mx <= s ? fixed64_word((uint64_t)mx, (uint64_t)s)
                           : fixed64(s, s) + fixed64(mx - s, s);
            hhi += q <= s2 ? fixed64(q, s2) : ((q / s2) << 64) + fixed64(q % s2, s2);
        }
        row->year = b->year;
        row->importer = b->ccodes[m];
        row->products = products;
        row->dependent = dependent;
        row->sum_top_fixed = to_u128(top);
        row->sum_hhi_fixed = to_u128(hhi);
        row->sum_top = ratio(top, (u128)1 << 64);
        row->sum_hhi = ratio(hhi, (u128)1 << 64);
    }
    return NULL;
}

static int bloc_of(const mvec_flow_blocs *blocs, unsigned code)
{
    for (size_t i = 0; i < blocs->count; i++)
        if (blocs->codes[i] == code)
            return blocs->blocs[i];
    return (int)blocs->bloc_count - 1;
}

void mvec_flow_answers_clear(mvec_ctx *ctx, mvec_flow_answers *answers)
{
    if (answers == NULL)
        return;
    mvec__free(ctx, answers->q1);
    mvec__free(ctx, answers->q2);
    mvec__free(ctx, answers->q3);
    memset(answers, 0, sizeof *answers);
}

/* A country's pairs on one side (Q1): how many, their sum, the sum of their squares. */
typedef struct side_sum {
    uint64_t partners;
    int64_t total;
    u128 sq;
} side_sum;

/* Room for pair_rows of a block of nc countries: 2 x nc side sums, nc x MVEC_FLOW_MAX_BLOCS
 * bloc sums, nc flags. */
typedef struct pair_scratch {
    side_sum *sides;
    int64_t *blocs;
    bool *any;
} pair_scratch;

/* Q1 and Q2 of one block into q1 and q2 (at most 2 x nc and nc rows), counted in *n1, *n2;
 * bloc_slot: each country's bloc (Q2). One pass over the pairs in memory order adds each
 * pair to its exporter's and its importer's sums (integers: the order does not matter), where
 * reading each country's column took a stride of nc for every pair. Cost: O(nc^2). */
static void pair_rows(const fq_block *b, const size_t *order, const int *bloc_slot,
                      unsigned queries, const mvec_flow_blocs *blocs, const pair_scratch *x,
                      mvec_flow_q1_row *q1, size_t *n1, mvec_flow_q2_row *q2, size_t *n2)
{
    const size_t nc = b->nc, nk = MVEC_FLOW_MAX_BLOCS;
    *n1 = 0, *n2 = 0;
    memset(x->sides, 0, 2 * nc * sizeof *x->sides);
    memset(x->blocs, 0, nc * nk * sizeof *x->blocs);
    memset(x->any, 0, nc * sizeof *x->any);
    side_sum *out = x->sides, *in = x->sides + nc;
    for (size_t e = 0; e < nc; e++)
        for (size_t m = 0; m < nc; m++) {
            size_t at = e * nc + m;
            if (b->pair_n[at] == 0)
                continue;
            int64_t v = b->pair[at];
            if (queries & 1) {
                u128 v2 = (u128)((i128)v * v);
                out[e].partners++, out[e].total += v, out[e].sq += v2;
                in[m].partners++, in[m].total += v, in[m].sq += v2;
            }
            if (queries & 2) {
                x->blocs[e * nk + (size_t)bloc_slot[m]] += v; /* e's exports to m's bloc */
                x->blocs[m * nk + (size_t)bloc_slot[e]] += v; /* m's imports from e's */
                x->any[e] = x->any[m] = true;
            }
        }
    if (queries & 1)
        for (int side = 0; side < 2; side++)
            for (size_t i = 0; i < nc; i++) {
                size_t c = order[i];
                const side_sum *t = &x->sides[(size_t)side * nc + c];
                if (t->partners == 0 || t->total <= 0)
                    continue;
                u128 t2 = (u128)t->total * (u128)t->total;
                q1[(*n1)++] = (mvec_flow_q1_row){b->year,    side,         b->ccodes[c],
                                                 t->partners, t->total,    to_u128(t->sq),
                                                 to_u128(t2), ratio(t->sq, t2)};
            }
    if (queries & 2)
        for (size_t i = 0; i < nc; i++) {
            size_t c = order[i];
            mvec_flow_q2_row row;
            memset(&row, 0, sizeof row);
            for (size_t k = 0; k < blocs->bloc_count; k++) {
                row.bloc_total[k] = x->blocs[c * nk + k];
                row.total += row.bloc_total[k];
            }
            if (!x->any[c] || row.total <= 0)
                continue;
            row.year = b->year;
            row.code = b->ccodes[c];
            for (size_t k = 0; k < blocs->bloc_count; k++)
                row.share[k] = row.bloc_total[k] >= 0
                                   ? ratio((u128)row.bloc_total[k], (u128)row.total)
                                   : -ratio((u128)(-(i128)row.bloc_total[k]), (u128)row.total);
            q2[(*n2)++] = row;
        }
}

/* One thread's blocks (first, first + step, ...) of the pair queries: each block's rows go
 * to its own place in the answers (at1, at2), compacted afterwards in the blocks' order. */
typedef struct pair_job {
    const mvec_flow_state *state;
    unsigned queries;
    const mvec_flow_blocs *blocs;
    pair_scratch scratch; /* for the largest block */
    size_t **orders;
    int **slots;
    size_t *at1, *at2, *n1, *n2;
    mvec_flow_answers *out;
    size_t first, step;
} pair_job;

static void *pair_run(void *arg)
{
    const pair_job *j = arg;
    for (size_t bi = j->first; bi < j->state->count; bi += j->step)
        pair_rows(j->state->blocks[bi], j->orders[bi], j->slots[bi], j->queries, j->blocs,
                  &j->scratch, j->out->q1 ? j->out->q1 + j->at1[bi] : NULL, &j->n1[bi],
                  j->out->q2 ? j->out->q2 + j->at2[bi] : NULL, &j->n2[bi]);
    return NULL;
}

mvec_status mvec_flow_answers_compute(mvec_ctx *ctx, const mvec_flow_state *state,
                                      unsigned queries, const mvec_flow_blocs *blocs,
                                      unsigned threads, mvec_flow_answers *out)
{
    if (state == NULL || out == NULL || queries == 0 || queries > 7)
        return mvec__error(ctx, MVEC_ERR_INVALID, "flow queries: nothing to answer");
    if ((queries & 3) && !(state->what & MVEC_FLOW_PAIRS))
        return mvec__error(ctx, MVEC_ERR_INVALID, "flow queries: the state has no pair sums");
    if ((queries & 4) && !(state->what & MVEC_FLOW_CELLS))
        return mvec__error(ctx, MVEC_ERR_INVALID,
                           "flow queries: the state has no importer-product sums");
    if ((queries & 2) &&
        (blocs == NULL || blocs->bloc_count == 0 || blocs->bloc_count > MVEC_FLOW_MAX_BLOCS))
        return mvec__error(ctx, MVEC_ERR_INVALID, "flow queries: bad blocs");
    if (queries & 2)
        for (size_t i = 0; i < blocs->count; i++)
            if (blocs->blocs[i] >= blocs->bloc_count)
                return mvec__error(ctx, MVEC_ERR_INVALID, "flow queries: bad bloc index");
    memset(out, 0, sizeof *out);
    out->bloc_count = (queries & 2) ? blocs->bloc_count : 0;
    size_t max1 = 0, max3 = 0;
    for (size_t i = 0; i < state->count; i++) {
        max1 += 2 * state->blocks[i]->nc;
        max3 += state->blocks[i]->nc;
    }
    const size_t nb = state->count;
    size_t **orders = NULL, *at1 = NULL, *at2 = NULL, *n1 = NULL, *n2 = NULL;
    int **slots = NULL;
    q3_job *jobs = NULL;
    pthread_t *tids = NULL;
    mvec_flow_q3_row *scratch = NULL;
    mvec_status status = MVEC_OK;
    if (queries & 1)
        MVEC_TRY(mvec__calloc(ctx, max1 ? max1 : 1, sizeof *out->q1, &out->q1));
    if (queries & 2)
        MVEC_TRY(mvec__calloc(ctx, max3 ? max3 : 1, sizeof *out->q2, &out->q2));
    if (queries & 4)
        MVEC_TRY(mvec__calloc(ctx, max3 ? max3 : 1, sizeof *out->q3, &out->q3));
    unsigned n = online_threads(threads);
    MVEC_TRY(mvec__calloc(ctx, n, sizeof *jobs, &jobs));
    MVEC_TRY(mvec__calloc(ctx, n, sizeof *tids, &tids));
    MVEC_TRY(mvec__calloc(ctx, nb ? nb : 1, sizeof *orders, &orders));
    MVEC_TRY(mvec__calloc(ctx, nb ? nb : 1, sizeof *slots, &slots));
    MVEC_TRY(mvec__calloc(ctx, nb ? nb : 1, sizeof *at1, &at1));
    MVEC_TRY(mvec__calloc(ctx, nb ? nb : 1, sizeof *at2, &at2));
    MVEC_TRY(mvec__calloc(ctx, nb ? nb : 1, sizeof *n1, &n1));
    MVEC_TRY(mvec__calloc(ctx, nb ? nb : 1, sizeof *n2, &n2));
    for (size_t bi = 0; bi < nb; bi++) {
        const fq_block *b = state->blocks[bi];
        MVEC_TRY(sorted_slots(ctx, b->ccodes, b->nc, &orders[bi]));
        if (queries & 2) {
            MVEC_TRY(mvec__calloc(ctx, b->nc ? b->nc : 1, sizeof **slots, &slots[bi]));
            for (size_t p = 0; p < b->nc; p++)
                slots[bi][p] = bloc_of(blocs, b->ccodes[p]);
        }
        if (bi + 1 < nb) {
            at1[bi + 1] = at1[bi] + 2 * b->nc;
            at2[bi + 1] = at2[bi] + b->nc;
        }
    }
    /* Q1 and Q2: the blocks (years) shared among the threads */
    if (queries & 3) {
        pair_job pj[64];
        unsigned used = n < nb ? n : (unsigned)(nb ? nb : 1);
        size_t most = 1;
        for (size_t bi = 0; bi < nb; bi++)
            most = state->blocks[bi]->nc > most ? state->blocks[bi]->nc : most;
        memset(pj, 0, sizeof pj);
        for (unsigned t = 0; t < used; t++) {
            pair_scratch x = {NULL, NULL, NULL};
            status = mvec__calloc(ctx, 2 * most, sizeof *x.sides, &x.sides);
            if (status == MVEC_OK)
                status = mvec__calloc(ctx, most * MVEC_FLOW_MAX_BLOCS, sizeof *x.blocs, &x.blocs);
            if (status == MVEC_OK)
                status = mvec__calloc(ctx, most, sizeof *x.any, &x.any);
            pj[t] = (pair_job){state, queries, blocs, x, orders, slots, at1, at2, n1, n2, out,
                               t, used};
        }
        if (status == MVEC_OK)
            mvec__flow_jobs(pair_run, pj, sizeof *pj, used, tids);
        for (unsigned t = 0; t < used; t++) {
            mvec__free(ctx, pj[t].scratch.sides);
            mvec__free(ctx, pj[t].scratch.blocs);
            mvec__free(ctx, pj[t].scratch.any);
        }
        MVEC_TRY(status);
        for (size_t bi = 0; bi < nb; bi++) { /* in the blocks' order */
            if (out->q1 != NULL && n1[bi] > 0)
                memmove(out->q1 + out->q1_count, out->q1 + at1[bi], n1[bi] * sizeof *out->q1);
            if (out->q2 != NULL && n2[bi] > 0)
                memmove(out->q2 + out->q2_count, out->q2 + at2[bi], n2[bi] * sizeof *out->q2);
            out->q1_count += n1[bi];
            out->q2_count += n2[bi];
        }
    }
    for (size_t bi = 0; bi < nb; bi++) {
        const fq_block *b = state->blocks[bi];
        const size_t nc = b->nc;
        const size_t *order = orders[bi];
        if (queries & 4) {
            MVEC_TRY(mvec__calloc(ctx, nc ? nc : 1, sizeof *scratch, &scratch));
            unsigned used = n > nc ? (unsigned)(nc ? nc : 1) : n;
            for (unsigned t = 0; t < used; t++)
                jobs[t] = (q3_job){b, order, nc * t / used, nc * (t + 1) / used, scratch};
            mvec__flow_jobs(q3_rows, jobs, sizeof *jobs, used, tids);
            for (size_t i = 0; i < nc; i++)
                if (scratch[i].products > 0)
                    out->q3[out->q3_count++] = scratch[i];
            mvec__free(ctx, scratch);
            scratch = NULL;
        }
        MVEC_TRY(mvec__check_cancel(ctx));
    }
cleanup:
    for (size_t bi = 0; orders != NULL && bi < nb; bi++)
        mvec__free(ctx, orders[bi]);
    for (size_t bi = 0; slots != NULL && bi < nb; bi++)
        mvec__free(ctx, slots[bi]);
    mvec__free(ctx, orders);
    mvec__free(ctx, slots);
    mvec__free(ctx, at1);
    mvec__free(ctx, at2);
    mvec__free(ctx, n1);
    mvec__free(ctx, n2);
    mvec__free(ctx, scratch);
    mvec__free(ctx, jobs);
    mvec__free(ctx, tids);
    if (status != MVEC_OK)
        mvec_flow_answers_clear(ctx, out);
    return status;
}
