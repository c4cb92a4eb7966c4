/*
 * mvec_flow_query.h - the three flow queries of issue 7 (partner HHI, bloc
 * shares, product dependency) over flow tables (mvec_flows.h), exact, with
 * a mergeable aggregation state.
 *
 * A state holds, per year, integer sums only:
 *   pair[e][m]   sum of value over the rows of exporter e and importer m, and
 *                the number of such rows (which pairs occur)
 *   cell[m][k]   per importer m and product k: S = sum of value, Q = sum of
 *                value^2 (unsigned 128-bit), M = the largest value
 * Countries are keyed by the source's numeric code, products by the numeric
 * HS code, so tables with different dense indexes, years or files add up.
 * Sums are integers: the state of the whole input equals the merge of the
 * states of any partition of its rows (by year, by file, by row range), in
 * any order, and the answers are byte-identical for any thread count.
 *
 * Bound: the sum of |value| over everything added to one state must stay
 * below 2^61 (2.3e18 US dollars, about 10^5 times a year of world trade);
 * then every S fits int64, and Q, S^2, 5*Q and 2*S^2 fit 128 bits.
 * Beyond it adding fails with MVEC_ERR_LIMIT (never a wrapped sum).
 *
 * Answers (docs/methods.md, "Flow queries"):
 *   Q1 per (year, side, country): n partners (pairs that occur), total T,
 *      hhi = sum_p V_p^2 / T^2 over the pair sums V_p (rows with T <= 0 left out)
 *   Q2 per (year, country): total trade T = exports + imports, and the share of
 *      each bloc of partners: sum over partners in the bloc / T (T <= 0 left out)
 *   Q3 per (year, importer) over its products with S > 0: n_products, n_dep =
 *      the products with 2*M > S and 5*Q > 2*S^2 (top share > 0.5 and supplier
 *      HHI > 0.4, decided exactly), sum_top = sum M/S, sum_hhi = sum Q/S^2,
 *      each term truncated to a multiple of 2^-64 and summed exactly (so the
 *      sums are below the exact ones by less than n_products * 2^-64).
 * Every ratio printed as a double is the double nearest to the exact
 * fraction (sum_top and sum_hhi: nearest to the exact fixed-point sum).
 */
#ifndef MVEC_FLOW_QUERY_H
#define MVEC_FLOW_QUERY_H

#include <stddef.h>
#include <stdint.h>

#include "mvec_ctx.h"
#include "mvec_flows.h"

typedef struct mvec_flow_state mvec_flow_state;

/* What a state accumulates. */
enum {
    MVEC_FLOW_PAIRS = 1, /* pair sums: Q1 and Q2 */
    MVEC_FLOW_CELLS = 2, /* importer x product cells: Q3 */
};

/* Most blocs of a Q2 answer (the last one takes every unlisted country). */
enum { MVEC_FLOW_MAX_BLOCS = 16 };

/* An unsigned 128-bit integer. */
typedef struct mvec_flow_u128 {
    uint64_t hi, lo;
} mvec_flow_u128;

/* A new empty state tracking `what` (MVEC_FLOW_PAIRS | MVEC_FLOW_CELLS).
 * Statuses: MVEC_ERR_INVALID (nothing to track), MVEC_ERR_NOMEM. */
MVEC_API mvec_status mvec_flow_state_new(mvec_ctx *ctx, unsigned what, mvec_flow_state **out);

/* Release a state (NULL is a no-op). */
MVEC_API void mvec_flow_state_free(mvec_ctx *ctx, mvec_flow_state *state);

/* Add every row of `flows`, split into `threads` row ranges (0: the number
 * of online processors), each summed apart and the partial sums added.
 * Cost: linear in the rows, plus, per year of the table, its countries^2 +
 * countries x products cells per thread (memory and merge).
 * Statuses: MVEC_ERR_INVALID (a country or product code that is not a
 * number; products of another HS precision than earlier tables), MVEC_ERR_LIMIT
 * (the bound of the header), MVEC_ERR_NOMEM, MVEC_ERR_CANCELLED. On error
 * the state is unchanged. */
MVEC_API mvec_status mvec_flow_state_add(mvec_ctx *ctx, mvec_flow_state *state,
                                         const mvec_flows *flows, unsigned threads);

/* Add the rows of the flow file `path` to `state` straight from its bytes,
 * without making a table, when the stream can take the file: a plain
 * (uncompressed) CSV whose reader has numeric columns only (BACI t,i,j,k,v[,q];
 * the WTO's long file), every row in the plain form (digits, a '-' and one
 * '.' in numbers; no quotes, spaces or other columns). Then *taken = 1.
 * Otherwise *taken = 0 and the state is unchanged: read the file with
 * mvec_flows_read (which reports a bad row as file:line:column) and add the
 * table with mvec_flow_state_add. A row taken adds exactly what the table
 * would: the same codes and exact value; rows with the World (M49 000) are
 * left out with a warning, as mvec_flow_state_add does. Country codes are
 * the source's and are not looked up in the country registry. Cost: linear
 * in the bytes, on `threads` threads (0: the number of online processors);
 * memory per thread and year of the file: countries^2 x 16 + countries x
 * products x 32 bytes (touched pages only), kept by the state after the
 * file for the next file's threads (released by mvec_flow_state_free); the
 * file is read in 1 MiB pieces, never held whole.
 * Statuses: MVEC_ERR_INVALID (products of another HS precision than the
 * state's), MVEC_ERR_IO, MVEC_ERR_LIMIT (the bound of the header),
 * MVEC_ERR_NOMEM, MVEC_ERR_CANCELLED. On error the state is unchanged. */
MVEC_API mvec_status mvec_flow_state_add_csv(mvec_ctx *ctx, mvec_flow_state *state,
                                             const char *path, unsigned threads, int *taken);

/* Add the sums of the flow file `path` kept in its cache in `cache_dir` (as
 * written by mvec_flows_import, which keeps the query state of the rows
 * beside the columns) to `state`, when that cache exists, is of the
 * unchanged source (same path, size and modification time) and holds sums:
 * then *taken = 1, and the state borrows the mapped sums (no copy) until it
 * is freed. Otherwise *taken = 0 and the state is unchanged: import the file
 * (mvec_flows_import reports a stale or damaged cache and rebuilds it), then
 * ask again. Only the cache's header, provenance and sums are read, and
 * their checksums checked. Cost: linear in the cached sums (their checksum
 * and bounds), not in the rows.
 * Statuses: MVEC_ERR_INVALID, MVEC_ERR_IO (the source cannot be read),
 * MVEC_ERR_LIMIT, MVEC_ERR_NOMEM. */
MVEC_API mvec_status mvec_flow_state_add_cached(mvec_ctx *ctx, mvec_flow_state *state,
                                                const char *path, const char *cache_dir,
                                                int *taken);

/* Add `from` into `into` (`from` must track at least what `into` tracks;
 * the rest is ignored): afterwards `into` is the state of the union of both
 * inputs. Cost: linear in the cells of `from`'s years (a year whose codes
 * differ from `into`'s is laid out again over the union of both).
 * Statuses: MVEC_ERR_INVALID (`from` lacks sums `into` needs; another HS precision),
 * MVEC_ERR_LIMIT, MVEC_ERR_NOMEM. On error `into` is unchanged. */
MVEC_API mvec_status mvec_flow_state_merge(mvec_ctx *ctx, mvec_flow_state *into,
                                           const mvec_flow_state *from);

/* Save a state to a file (binary, this machine's byte order; docs/formats.md
 * "Flow query state"): written to a temporary file, then renamed.
 * Statuses: MVEC_ERR_IO, MVEC_ERR_NOMEM. */
MVEC_API mvec_status mvec_flow_state_save(mvec_ctx *ctx, const mvec_flow_state *state,
                                          const char *path);

/* Load a state saved by mvec_flow_state_save.
 * Statuses: MVEC_ERR_IO (cannot open or read), MVEC_ERR_PARSE (not a state
 * file, another version, truncated or inconsistent), MVEC_ERR_NOMEM. */
MVEC_API mvec_status mvec_flow_state_load(mvec_ctx *ctx, const char *path,
                                          mvec_flow_state **out);

/* What a state tracks: MVEC_FLOW_PAIRS and/or MVEC_FLOW_CELLS (cannot fail). */
MVEC_API unsigned mvec_flow_state_what(const mvec_flow_state *state);

/* True when `path` starts like a state file (cannot fail). */
MVEC_API int mvec_flow_state_is_file(const char *path);

/* Q1 row: one side (0 exports, 1 imports) of one country in one year. */
typedef struct mvec_flow_q1_row {
    int year;
    int side;                /* 0 "exp", 1 "imp" */
    unsigned code;           /* the source's country code */
    uint64_t partners;       /* n */
    int64_t total;           /* T, in the table's value unit */
    mvec_flow_u128 sum_sq;   /* sum of V_p^2 */
    mvec_flow_u128 total_sq; /* T^2 */
    double hhi;              /* nearest double to sum_sq / total_sq */
} mvec_flow_q1_row;

/* Q2 row. */
typedef struct mvec_flow_q2_row {
    int year;
    unsigned code;
    int64_t total;
    int64_t bloc_total[MVEC_FLOW_MAX_BLOCS];
    double share[MVEC_FLOW_MAX_BLOCS]; /* nearest double to bloc_total / total */
} mvec_flow_q2_row;

/* Q3 row. */
typedef struct mvec_flow_q3_row {
    int year;
    unsigned importer;
    uint64_t products;
    uint64_t dependent;
    mvec_flow_u128 sum_top_fixed; /* sum_top * 2^64, exact integer */
    mvec_flow_u128 sum_hhi_fixed; /* sum_hhi * 2^64 */
    double sum_top;               /* nearest double to sum_top_fixed / 2^64 */
    double sum_hhi;
} mvec_flow_q3_row;

/* Bloc assignment for Q2: `codes[i]` belongs to bloc `blocs[i]` (< bloc_count);
 * a code not listed belongs to bloc bloc_count - 1. */
typedef struct mvec_flow_blocs {
    const unsigned *codes;
    const unsigned char *blocs;
    size_t count;
    size_t bloc_count; /* 1 .. MVEC_FLOW_MAX_BLOCS */
} mvec_flow_blocs;

/* Answers, sorted by year, then side ("exp" before "imp"), then numeric code. */
typedef struct mvec_flow_answers {
    mvec_flow_q1_row *q1;
    size_t q1_count;
    mvec_flow_q2_row *q2;
    size_t q2_count;
    size_t bloc_count;
    mvec_flow_q3_row *q3;
    size_t q3_count;
} mvec_flow_answers;

/* The answers of the queries in `queries` (bit 1 Q1, bit 2 Q2, bit 4 Q3)
 * from `state`; `blocs` is needed for Q2 (else may be NULL). The Q3 pass is
 * spread over `threads` threads by importer; the result does not depend on it.
 * Cost: per year, countries^2 (Q1, Q2) and countries x products (Q3).
 * Statuses: MVEC_ERR_INVALID (a query the state does not track, bad blocs),
 * MVEC_ERR_NOMEM, MVEC_ERR_CANCELLED. */
MVEC_API mvec_status mvec_flow_answers_compute(mvec_ctx *ctx, const mvec_flow_state *state,
                                               unsigned queries, const mvec_flow_blocs *blocs,
                                               unsigned threads, mvec_flow_answers *out);

/* Release the answers' arrays (cannot fail). */
MVEC_API void mvec_flow_answers_clear(mvec_ctx *ctx, mvec_flow_answers *answers);

/* The double nearest to num / den (den > 0, den < 2^126), ties to even (cannot fail). */
MVEC_API double mvec_flow_ratio(mvec_flow_u128 num, mvec_flow_u128 den);

#endif
