/*
 * test_lp.c - the GLPK boundary: a hand-solved LP, an infeasible one, a
 * row GLPK's presolver drops, and the retry without presolve when the
 * presolved attempt fails (simulated through mvec__lp_solve_using, as
 * GLPK's failures depend on its version).
 */
#include <glpk.h>
#include <mvec/mvec.h>

#include "calc/calc_internal.h"
#include "test.h"

/* maximise x + y  s.t.  x + 2y <= 4,  3x + y <= 6,  x, y >= 0:
 * the optimum is the corner x = 8/5, y = 6/5, value 14/5. */
static const double OBJECTIVE[] = {1, 1};
static const double MATRIX[] = {1, 2, 3, 1};
static const double ROW_LO[] = {-INFINITY, -INFINITY};
static const double ROW_HI[] = {4, 6};
static double corner_solution[2];
static const mvec__lp CORNER = {2,      2,    OBJECTIVE, MATRIX,         ROW_LO,
                                ROW_HI, NULL, true,      corner_solution};

/* x + y >= 5 and x + y <= 4: no solution. */
static const double MATRIX_INFEASIBLE[] = {1, 1, 1, 1};
static const double LO_INFEASIBLE[] = {5, -INFINITY};
static const double HI_INFEASIBLE[] = {INFINITY, 4};
static const mvec__lp INFEASIBLE = {
    2, 2, OBJECTIVE, MATRIX_INFEASIBLE, LO_INFEASIBLE, HI_INFEASIBLE, NULL, true, NULL};

/* maximise x  s.t.  0.0101 <= x <= 0.0345 and x <= 0.0341 (two singleton
 * rows, as the frontier's bound on a partner's share and a one-member
 * group cap): x = 0.0341. GLPK 5.0's presolver takes the second row, which
 * lowers the bound by less than 1e-3, for redundant and drops it: its
 * "optimum" is x = 0.0345. */
static const double ONE[] = {1};
static const double MATRIX_SINGLETONS[] = {1, 1};
static const double LO_SINGLETONS[] = {0.0101, -INFINITY};
static const double HI_SINGLETONS[] = {0.0345, 0.0341};
static double singleton_solution[1];
static const mvec__lp SINGLETONS = {
    1, 2, ONE, MATRIX_SINGLETONS, LO_SINGLETONS, HI_SINGLETONS, NULL, true, singleton_solution};

static int calls_with_presolve;
static int calls_without_presolve;

/* Fails as GLPK does with GLP_EFAIL (5) whenever the presolver is on. */
static int presolve_fails(const mvec__lp *lp, bool presolve, double *value, bool *feasible,
                          int *glpk_code)
{
    if (presolve) {
        calls_with_presolve++;
        *glpk_code = GLP_EFAIL;
        return 1;
    }
    calls_without_presolve++;
    return mvec__lp_attempt(lp, presolve, value, feasible, glpk_code);
}

static int always_fails(const mvec__lp *lp, bool presolve, double *value, bool *feasible,
                        int *glpk_code)
{
    (void)lp;
    (void)value;
    (void)feasible;
    *glpk_code = presolve ? GLP_EFAIL : GLP_ESING;
    return 1;
}

/* An optimum that violates the problem with presolve; no solution without. */
static int violated_then_infeasible(const mvec__lp *lp, bool presolve, double *value,
                                    bool *feasible, int *glpk_code)
{
    (void)lp;
    (void)value;
    *feasible = false;
    if (presolve) {
        *glpk_code = MVEC__LP_VIOLATED;
        return 1;
    }
    return 0;
}

/* A GLPK internal error (an invalid call) with presolve; a clean run without. */
static int internal_error_with_presolve(const mvec__lp *lp, bool presolve, double *value,
                                        bool *feasible, int *glpk_code)
{
    if (presolve) {
        glp_prob *problem = glp_create_prob();
        glp_add_cols(problem, 0); /* "invalid number of columns": GLPK calls its error hook */
        glp_delete_prob(problem);
        return 0;
    }
    return mvec__lp_attempt(lp, presolve, value, feasible, glpk_code);
}

int main(void)
{
    mvec_ctx *ctx = mvec_ctx_new(NULL, NULL);
    double value = 0;
    bool feasible = false;

    CHECK_STATUS(mvec__lp_solve(ctx, &CORNER, &value, &feasible), MVEC_OK);
    CHECK(feasible);
    CHECK_NEAR(value, 14.0 / 5.0, 1e-12);
    CHECK_NEAR(corner_solution[0], 8.0 / 5.0, 1e-12);
    CHECK_NEAR(corner_solution[1], 6.0 / 5.0, 1e-12);
    for (int presolve = 0; presolve <= 1; presolve++) {
        int code = 0;
        value = 0;
        CHECK(mvec__lp_attempt(&CORNER, presolve, &value, &feasible, &code) == 0);
        CHECK(feasible);
        CHECK_NEAR(value, 14.0 / 5.0, 1e-12);
        CHECK(mvec__lp_attempt(&INFEASIBLE, presolve, &value, &feasible, &code) == 0);
        CHECK(!feasible);
    }
    CHECK_STATUS(mvec__lp_solve(ctx, &INFEASIBLE, &value, &feasible), MVEC_OK);
    CHECK(!feasible);

    /* Both singleton rows hold. With the presolver the answer is right or the
     * attempt fails (the dropped row is caught), never a violating optimum. */
    value = 0;
    CHECK_STATUS(mvec__lp_solve(ctx, &SINGLETONS, &value, &feasible), MVEC_OK);
    CHECK(feasible);
    CHECK_NEAR(value, 0.0341, 1e-12);
    CHECK_NEAR(singleton_solution[0], 0.0341, 1e-12);
    for (int presolve = 0; presolve <= 1; presolve++) {
        int code = 0;
        singleton_solution[0] = 0;
        if (mvec__lp_attempt(&SINGLETONS, presolve, &value, &feasible, &code) == 0) {
            CHECK(feasible);
            CHECK_NEAR(singleton_solution[0], 0.0341, 1e-12);
        } else {
            CHECK(presolve && code == MVEC__LP_VIOLATED);
        }
    }
    /* a violating optimum, then "no solution": an error, not "infeasible" */
    CHECK_STATUS(mvec__lp_solve_using(ctx, &CORNER, violated_then_infeasible, &value, &feasible),
                 MVEC_ERR_SOLVER);
    CHECK(!feasible);
    CHECK(strstr(mvec_ctx_error_message(ctx), "disagrees with itself") != NULL);
    mvec_ctx_clear_error(ctx);

    /* The presolved attempt fails: the retry without presolve gives the optimum. */
    value = 0;
    CHECK_STATUS(mvec__lp_solve_using(ctx, &CORNER, presolve_fails, &value, &feasible), MVEC_OK);
    CHECK(calls_with_presolve == 1);
    CHECK(calls_without_presolve == 1);
    CHECK(feasible);
    CHECK_NEAR(value, 14.0 / 5.0, 1e-12);

    /* Both fail: MVEC_ERR_SOLVER naming both codes. */
    CHECK_STATUS(mvec__lp_solve_using(ctx, &CORNER, always_fails, &value, &feasible),
                 MVEC_ERR_SOLVER);
    CHECK(!feasible);
    CHECK_STR(mvec_ctx_error_message(ctx),
              "the linear-programming solver (GLPK) stopped with code 5 (2 without presolve)");
    mvec_ctx_clear_error(ctx);

    /* GLPK's own error (it would abort) is caught, and the retry still solves. */
    value = 0;
    CHECK_STATUS(
        mvec__lp_solve_using(ctx, &CORNER, internal_error_with_presolve, &value, &feasible),
        MVEC_OK);
    CHECK(feasible);
    CHECK_NEAR(value, 14.0 / 5.0, 1e-12);

    CHECK(mvec_ctx_memory(ctx).current_bytes == 0);
    mvec_ctx_free(ctx);
    return test_report("test_lp");
}
