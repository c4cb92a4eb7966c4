/*
 * calc_internal.h - shared declarations of src/lib/calc: point sets, the two
 * solvers (GLPK linear programs, Wolfe's minimum-norm point) and the bloc
 * bounds built on them.
 */
#ifndef MVEC_CALC_INTERNAL_H
#define MVEC_CALC_INTERNAL_H

#include "../mvec_internal.h"

/* ---- point sets ------------------------------------------------------------------------ */

/* `count` points of dimension `dim`, row-major. */
typedef struct mvec__points {
    double *data;
    size_t count;
    size_t dim;
    size_t capacity; /* points */
} mvec__points;

#define MVEC__POINTS_INIT(dimension) {NULL, 0, (dimension), 0}

mvec_status mvec__points_add(mvec_ctx *ctx, mvec__points *points, const double *point);
/* Add unless an equal point (to 1e-12) is already there. */
mvec_status mvec__points_add_unique(mvec_ctx *ctx, mvec__points *points, const double *point);
void mvec__points_clear(mvec_ctx *ctx, mvec__points *points);
/* out = {a_i * weight_a + b_j * weight_b}; MVEC_ERR_LIMIT beyond `limit` points. */
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
} mvec__lp;

/* Solve; *feasible false (and MVEC_OK) when the problem has no solution.
 * A GLPK failure with its presolver is retried without it; MVEC_ERR_SOLVER
 * when both attempts fail. */
mvec_status mvec__lp_solve(mvec_ctx *ctx, const mvec__lp *lp, double *objective_value,
                           bool *feasible);
/* One GLPK simplex run (presolver on or off): 0 on success (*feasible says
 * whether a solution exists), 1 on a GLPK failure with its code in *glpk_code. */
typedef int (*mvec__lp_attempt_fn)(const mvec__lp *lp, bool presolve, double *value,
                                   bool *feasible, int *glpk_code);
int mvec__lp_attempt(const mvec__lp *lp, bool presolve, double *value, bool *feasible,
                     int *glpk_code);
/* mvec__lp_solve with another attempt function (for tests of the retry). */
mvec_status mvec__lp_solve_using(mvec_ctx *ctx, const mvec__lp *lp, mvec__lp_attempt_fn attempt,
                                 double *objective_value, bool *feasible);

/* ---- min_norm.c: Wolfe's minimum-norm point of a convex hull --------------------------- */

/* The point of conv(points) nearest the origin; out has points->dim entries. */
mvec_status mvec__min_norm_point(mvec_ctx *ctx, const mvec__points *points, double *out);

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

/* Exact bounds of each bloc's share and of the exposure (sum over great powers). */
void mvec__bloc_share_bounds(const mvec__bloc_input *input, mvec_interval *shares,
                             mvec_interval *exposure);

/* The vectors of great-power bloc shares at the vertices of the feasible set
 * (dimension = number of great-power blocs). Every feasible vector is a
 * convex combination of them. */
mvec_status mvec__bloc_vertices(mvec_ctx *ctx, const mvec__bloc_input *input,
                                mvec__points *out);

typedef struct mvec__balance_bounds {
    mvec_interval balance;    /* 1 - HHI* of the normalised great-power shares */
    mvec_interval margin;     /* first minus second normalised share */
    size_t leader;            /* great-power position that leads in every allocation, or SIZE_MAX */
} mvec__balance_result;

/* Bounds of balance and lead margin over conv(vertices), vertices in
 * great-power share space. Undefined (NaN) when every vertex has zero
 * exposure or there are fewer than two great powers. */
mvec_status mvec__balance_bounds(mvec_ctx *ctx, const mvec__points *vertices,
                                 mvec__balance_result *out);

/* composite.c: with exactly three great powers, the vertices (normalised
 * shares, summing to 1) of the polygon of shares the weighted composite of
 * the vectors' vertex sets can take. Empty when no vector has exposure. */
mvec_status mvec__composite_polygon(mvec_ctx *ctx, const mvec__points *sets,
                                    const double *weights, size_t count, mvec__points *out);

enum { MVEC__VERTEX_LIMIT = 200000 };

#endif
