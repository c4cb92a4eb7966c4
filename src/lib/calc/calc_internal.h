/*
 * calc_internal.h - shared declarations of src/lib/calc: point sets, the two
 * solvers (GLPK linear programs, Wolfe's minimum-norm point) and the bloc
 * bounds built on them.
 */
#ifndef MVEC_CALC_INTERNAL_H
#define MVEC_CALC_INTERNAL_H

#include "../mvec_internal.h"

/* ---- point sets ------------------------------------------------------------------------ */

/* `count` points of dimension `dim`, row-major. mvec__points_add_unique keeps
 * a hash index of the points (by coordinates rounded to 1e-12), so adding n
 * points costs O(n dim) expected; callers may reset `count` to 0 to reuse a
 * set (the index is then rebuilt on the next unique add). */
typedef struct mvec__points {
    double *data;
    size_t count;
    size_t dim;
    size_t capacity; /* points */
    size_t *slots;   /* hash index: point numbers, SIZE_MAX for empty; NULL until needed */
    size_t slot_count;
    size_t indexed;  /* points [0, indexed) are in the index */
} mvec__points;

#define MVEC__POINTS_INIT(dimension) {NULL, 0, (dimension), 0, NULL, 0, 0}

mvec_status mvec__points_add(mvec_ctx *ctx, mvec__points *points, const double *point);
/* Add unless an equal point (coordinates equal after rounding to 1e-12) is
 * already there. Expected O(dim) per call (hash index). */
mvec_status mvec__points_add_unique(mvec_ctx *ctx, mvec__points *points, const double *point);
void mvec__points_clear(mvec_ctx *ctx, mvec__points *points);
/* out = {a_i * weight_a + b_j * weight_b}, duplicates dropped; MVEC_ERR_LIMIT
 * beyond `limit` pairs. Cost O(|a| |b| dim) expected. */
mvec_status mvec__points_minkowski(mvec_ctx *ctx, const mvec__points *a, double weight_a,
                                   const mvec__points *b, double weight_b, size_t limit,
                                   mvec__points *out);

/* ---- lp.c: the GLPK boundary (the only file that includes glpk.h) ---------------------- */

/* maximise or minimise objective . x subject to row_lo <= A x <= row_hi and
 * x >= 0 (variables flagged free are unbounded). Dense A, row-major. */
typedef struct mvec__lp {
    size_t variable_count;
    size_t row_count;
    const double *objective;   /* variable_count */
    const double *matrix;      /* row_count x variable_count */
    const double *row_lo;      /* -INFINITY for none */
    const double *row_hi;      /* +INFINITY for none */
    const bool *free_variable; /* NULL: all >= 0 */
    bool maximise;
    double *solution;          /* NULL, or variable_count values set when feasible */
} mvec__lp;

/* The arrays of a dense LP being built: `variables` columns, at most `rows`
 * rows, all zero (objective, free_variable: variables; matrix: rows x
 * variables; row_lo, row_hi: rows). Released by mvec__lp_arrays_free. */
typedef struct mvec__lp_arrays {
    double *objective;
    double *matrix;
    double *row_lo;
    double *row_hi;
    bool *free_variable;
} mvec__lp_arrays;

mvec_status mvec__lp_arrays_alloc(mvec_ctx *ctx, size_t variables, size_t rows,
                                  mvec__lp_arrays *out);
void mvec__lp_arrays_free(mvec_ctx *ctx, mvec__lp_arrays *arrays);

/* Solve; *feasible false (and MVEC_OK) when the problem has no solution.
 * A GLPK failure with its presolver is retried without it; so is an
 * optimum that violates a row or bound (the presolver drops rows its
 * absolute tolerances take for redundant); MVEC_ERR_SOLVER when both
 * attempts fail. */
mvec_status mvec__lp_solve(mvec_ctx *ctx, const mvec__lp *lp, double *objective_value,
                           bool *feasible);
/* One GLPK simplex run (presolver on or off): 0 on success (*feasible says
 * whether a solution exists), 1 on a GLPK failure with its code in *glpk_code:
 * GLPK's, -1 for its internal error, MVEC__LP_VIOLATED for an optimum that
 * violates a row or bound of the problem as given. */
enum { MVEC__LP_VIOLATED = -2 };
typedef int (*mvec__lp_attempt_fn)(const mvec__lp *lp, bool presolve, double *value,
                                   bool *feasible, int *glpk_code);
int mvec__lp_attempt(const mvec__lp *lp, bool presolve, double *value, bool *feasible,
                     int *glpk_code);
/* mvec__lp_solve with another attempt function (for tests of the retry). */
mvec_status mvec__lp_solve_using(mvec_ctx *ctx, const mvec__lp *lp, mvec__lp_attempt_fn attempt,
                                 double *objective_value, bool *feasible);

/* ---- min_norm.c: Wolfe's minimum-norm point of a convex hull --------------------------- */

/* The point of conv(points) nearest the origin; out has points->dim entries.
 * Each iteration costs O(count dim + dim^3); Wolfe's method is finite. */
mvec_status mvec__min_norm_point(mvec_ctx *ctx, const mvec__points *points, double *out);

/* A linear-minimisation oracle of a convex set K: out = a point of K
 * minimising direction . x (a vertex of K). */
typedef mvec_status (*mvec__linear_oracle)(void *user, const double *direction, double *out);

/* The same for a set known only through its oracle, starting at `start` (a
 * point of K): the corral holds oracle answers, so K may have more vertices
 * than could be listed. One oracle call and O(dim^3) work per iteration. */
mvec_status mvec__min_norm_oracle(mvec_ctx *ctx, size_t dim, mvec__linear_oracle oracle,
                                  void *user, const double *start, double *out);

/* ---- bloc_bounds.c -------------------------------------------------------------------- */

/* One distribution summarised per bloc: the listed share mass of each bloc
 * and the unlisted remainder pools with, per pool, how many unlisted slots
 * belong to each bloc. */
typedef struct mvec__bloc_input {
    size_t bloc_count;
    const bool *great_power;      /* bloc_count */
    const double *listed;         /* bloc_count: listed share mass per bloc */
    size_t pool_count;
    const mvec_pool *pools;       /* pool_count: mass and cap (slots unused here) */
    const size_t *pool_slots;     /* pool_count x bloc_count */
} mvec__bloc_input;

/* Exact bounds of each bloc's share and of the exposure (sum over great
 * powers). O(pools x blocs). */
void mvec__bloc_share_bounds(const mvec__bloc_input *input, mvec_interval *shares,
                             mvec_interval *exposure);

/* The vectors of great-power bloc shares at the vertices of the feasible set
 * (dimension = number of great-power blocs). Every feasible vector is a
 * convex combination of them. With N great powers a pool has at most
 * (N + 1) 2^(N + 1) candidate vertices; the pools' sets are combined by
 * Minkowski sum, so the cost is O(product over pools of their vertex
 * counts x N) (one pool plus one per aggregate with known members).
 * MVEC_ERR_LIMIT beyond MVEC_GREAT_POWER_LIMIT great powers (checked before
 * any array is filled) or MVEC__VERTEX_LIMIT points. */
mvec_status mvec__bloc_vertices(mvec_ctx *ctx, const mvec__bloc_input *input,
                                mvec__points *out);

typedef struct mvec__balance_bounds {
    mvec_interval balance;    /* 1 - HHI* of the normalised great-power shares */
    mvec_interval margin;     /* first minus second normalised share */
    size_t leader;            /* great-power position that leads in every allocation, or SIZE_MAX */
} mvec__balance_result;

/* Balance from the HHI of `great` normalised great-power shares:
 * 1 - (HHI - 1/p) / (1 - 1/p) (docs/methods.md, section 4). */
double mvec__balance_of_hhi(double hhi, size_t great);

/* Bounds of balance and lead margin over conv(vertices), vertices in
 * great-power share space. Undefined (NaN) when every vertex has zero
 * exposure or there are fewer than two great powers. Cost for v vertices
 * and N great powers: O(v N) for the images and the maximum HHI, Wolfe's
 * method for the minimum, N^2 linear programmes of v variables. */
mvec_status mvec__balance_bounds(mvec_ctx *ctx, const mvec__points *vertices,
                                 mvec__balance_result *out);

/* composite.c: with exactly three great powers, the vertices (normalised
 * shares, summing to 1) of the polygon of shares the weighted composite of
 * the vectors' vertex sets can take. Empty when no vector has exposure.
 * For a polygon of q vertices and m vertices over all vectors: O(q) rounds
 * of at most q support queries of O(m) each, and a hull of O(q log q) per
 * round, so O(q^2 m); q is bounded by 4096 (MVEC_ERR_LIMIT) and is tens in
 * practice. */
mvec_status mvec__composite_polygon(mvec_ctx *ctx, const mvec__points *sets,
                                    const double *weights, size_t count, mvec__points *out);

/* composite.c: with any number N >= 2 of great powers, the bounds of
 * balance, lead margin and the certain leader over the composite's image,
 * computed from the vectors' vertex sets (m vertices in all) without
 * listing the Minkowski sum: Dinkelbach support queries (O(m N) a step),
 * Wolfe's method over that oracle, N^2 linear programmes of m + 2
 * variables for the margin, and a branch and bound of linear programmes
 * for the maximum HHI (exact to 1e-9, the interval never narrower than the
 * exact one; MVEC_ERR_LIMIT beyond 20000 boxes). */
mvec_status mvec__composite_image_bounds(mvec_ctx *ctx, const mvec__points *sets,
                                         const double *weights, size_t count, size_t great,
                                         mvec__balance_result *out);

enum { MVEC__VERTEX_LIMIT = 200000 };

#endif
