/*
 * flow_state.h - the aggregation state of the flow queries inside the
 * library (mvec_flow_query.h is its public face). Shared by flow_query.c
 * (adding tables, merging, answers), flow_stream.c (adding a CSV file
 * straight from its bytes) and flow_cache.c (the state kept in a cache).
 *
 * A state is a list of year blocks sorted by year. A block has its own
 * country and product codes and dense arrays over them: pair sums
 * [exporter][importer] and cells [importer][product]. A block may borrow its
 * arrays from a mapped cache (`borrowed`): such a block is never written; a
 * merge into its year lays a new block out instead.
 */
#ifndef MVEC_FLOW_STATE_H
#define MVEC_FLOW_STATE_H

#include <pthread.h>
#include <string.h>

#include "../mvec_internal.h"
#include "mvec/mvec_flow_query.h"

__extension__ typedef unsigned __int128 mvec__u128;
__extension__ typedef __int128 mvec__i128;

/* The bound of the header of mvec_flow_query.h: sum of |value| below 2^61. */
#define MVEC__FLOW_ABS_LIMIT ((mvec__u128)1 << 61)

typedef struct mvec__flow_cell {
    int64_t sum;
    int64_t max;
    uint64_t sq_lo, sq_hi;
} mvec__flow_cell;

typedef struct mvec__flow_block {
    int year;
    bool borrowed;      /* the arrays belong to a mapping: free only the struct */
    size_t nc, np;
    unsigned *ccodes;   /* nc */
    unsigned *pcodes;   /* np */
    int64_t *pair;      /* nc * nc: [exporter * nc + importer]; NULL without PAIRS */
    uint64_t *pair_n;   /* rows per pair */
    mvec__flow_cell *cells; /* nc * np: [importer * np + product]; NULL without CELLS */
} mvec__flow_block;

/* Memory a stream gave back (flow_stream.c): the next file's threads take it instead of
 * fresh pages from the kernel, whose first touch costs far more than clearing (on the
 * benchmark machine, a virtual one, 0.2-0.4 GB/s against 20 GB/s). */
enum { MVEC__FLOW_SPARES = 32 };
typedef struct mvec__flow_spare {
    void *memory;
    size_t size;
} mvec__flow_spare;

struct mvec_flow_state {
    unsigned what;
    int product_digits; /* 0 until a table is added */
    mvec__u128 abs_total;
    mvec__flow_block **blocks; /* sorted by year */
    size_t count, capacity;
    void **maps;        /* mappings the borrowed blocks point into (unmapped on free) */
    size_t *map_lengths;
    size_t map_count;
    mvec__flow_spare spares[MVEC__FLOW_SPARES]; /* unmapped on free */
    size_t spare_count;
};

/* Integers in a file's bytes, in this machine's byte order (the cache and the flat state). */
static inline void mvec__put64(unsigned char *at, uint64_t value)
{
    memcpy(at, &value, 8);
}

static inline uint64_t mvec__get64(const unsigned char *at)
{
    uint64_t value;
    memcpy(&value, at, 8);
    return value;
}

static inline void mvec__put32(unsigned char *at, uint32_t value)
{
    memcpy(at, &value, 4);
}

static inline uint32_t mvec__get32(const unsigned char *at)
{
    uint32_t value;
    memcpy(&value, at, 4);
    return value;
}

static inline mvec__u128 mvec__flow_cell_sq(const mvec__flow_cell *c)
{
    return ((mvec__u128)c->sq_hi << 64) | c->sq_lo;
}

static inline void mvec__flow_cell_add(mvec__flow_cell *c, int64_t v)
{
    c->sum += v;
    if (v > c->max)
        c->max = v;
    mvec__u128 s = mvec__flow_cell_sq(c) + (mvec__u128)((mvec__i128)v * v);
    c->sq_lo = (uint64_t)s;
    c->sq_hi = (uint64_t)(s >> 64);
}

/* Sort `codes` and keep each code once; the number kept. Cost: O(n log n). */
size_t mvec__flow_codes_unique(unsigned *codes, size_t n);

/* The first slot of sorted `codes` whose code is not below `code`. Cost: O(log n). */
size_t mvec__flow_code_slot(const unsigned *codes, size_t n, unsigned code);

/* Run `work` on each of n jobs (size bytes apart, n <= 64): jobs 1.. on threads of their
 * own (tids: n entries), job 0 on this one, and a job whose thread cannot be started here
 * too; returns when every job is done (joined: no polling, so short jobs cost no wait). */
void mvec__flow_jobs(void *(*work)(void *), void *jobs, size_t size, unsigned n,
                     pthread_t *tids);

/* A zeroed block over the given codes (copied). */
mvec_status mvec__flow_block_new(mvec_ctx *ctx, unsigned what, int year, const unsigned *ccodes,
                                 size_t nc, const unsigned *pcodes, size_t np,
                                 mvec__flow_block **out);
void mvec__flow_block_free(mvec_ctx *ctx, mvec__flow_block *b);

/* Merge `blocks` (distinct years; ownership taken: each entry is freed or
 * adopted and set to NULL on success) into `state`, adding `abs_total` to
 * its bound and setting its product digits. On error the state is unchanged
 * and the blocks are still the caller's. Cost: linear in the cells. */
mvec_status mvec__flow_state_take(mvec_ctx *ctx, mvec_flow_state *state, mvec__flow_block **blocks,
                                  size_t count, mvec__u128 abs_total, int product_digits);

/* mvec_flow_state_add without the warning: the rows with the World left out
 * are counted in *world_rows. */
mvec_status mvec__flow_state_add_table(mvec_ctx *ctx, mvec_flow_state *state,
                                       const mvec_flows *flows, unsigned threads,
                                       uint64_t *world_rows);

/* Warn that `rows` rows of `name` naming the World as a country were left
 * out of the sums (nothing when rows is 0). */
void mvec__flow_world_left_out(mvec_ctx *ctx, const char *name, uint64_t rows);

/* The state as one flat, mappable byte image (docs/formats.md, "Flow cache",
 * section state): its size, and writing it into `out` (size bytes, zeroed
 * padding). */
size_t mvec__flow_state_flat_size(const mvec_flow_state *state);
void mvec__flow_state_flat_write(const mvec_flow_state *state, unsigned char *out);

/* Add the flat image `bytes` (8-byte aligned, living as long as `state`:
 * the blocks borrow it; `map`/`map_length`, when not NULL, are handed to the
 * state, which unmaps them when freed) to `state`. Every size, offset and
 * bound is checked (MVEC_ERR_PARSE with `why` set, state unchanged).
 * Cost: linear in the cells (the bound is recomputed). */
mvec_status mvec__flow_state_add_flat(mvec_ctx *ctx, mvec_flow_state *state,
                                      const unsigned char *bytes, size_t length, void *map,
                                      size_t map_length, const char **why);

#endif
