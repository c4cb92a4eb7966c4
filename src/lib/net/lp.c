/*
 * lp.c - the GLPK boundary: the only file that includes glpk.h (it lives in net/, with the
 * other solver boundary, igraph; calc/ reaches it through calc_internal.h).
 *
 * GLPK prints to the terminal and, on an internal error, calls abort()
 * unless an error hook longjmps out (the approach of igraph's
 * src/internal/glpk_support.h). Here terminal output is switched off, a hook
 * is installed for each call with a setjmp point, and GLPK's environment is
 * freed after an error so the next call starts clean.
 *
 * Threads: GLPK 5 keeps its environment (hooks, terminal switch, memory) in
 * thread-local storage, so these settings are per thread and two threads
 * can solve at once. A thread's environment would outlive the thread, so a
 * thread-specific key frees it when a thread that used GLPK exits.
 *
 * The simplex runs with GLPK's presolver first; when that attempt fails
 * (GLPK returns an error code such as GLP_EFAIL, or ends in an undefined
 * status), it is retried once without the presolver before
 * MVEC_ERR_SOLVER is returned.
 *
 * Every optimum GLPK returns is checked against the rows and bounds as
 * given, and one that violates them is a failure (code MVEC__LP_VIOLATED),
 * never an answer. The presolver's tolerances are partly absolute:
 * npp_implied_upper (GLPK 5.0) takes a singleton row that lowers a
 * column's upper bound by less than 1e-3 + 1e-6 |ub| for redundant and
 * removes it (npp_implied_lower likewise for lower bounds). The LPs here
 * are in shares, values well below 1, where such a row is a real
 * constraint: the frontier's cap on a one-member group, share 0.034085
 * under the member's own ceiling 0.034493, was dropped, and GLPK reported
 * an optimum at the ceiling. The plain simplex, retried then, keeps every
 * row. (It is not run first: on the balance LP of a 134-partner profile it
 * reports a feasible problem infeasible, while the presolved run solves
 * it.)
 */
#include <glpk.h>
#include <math.h>
#include <pthread.h>
#include <setjmp.h>
#include <string.h>

#include "../calc/calc_internal.h"

typedef struct lp_guard {
    jmp_buf jump;
} lp_guard;

static void on_glpk_error(void *info)
{
    lp_guard *guard = info;
    longjmp(guard->jump, 1);
}

static int row_type(double lo, double hi)
{
    bool has_lo = isfinite(lo);
    bool has_hi = isfinite(hi);
    if (has_lo && has_hi)
        return lo < hi ? GLP_DB : GLP_FX;
    if (has_lo)
        return GLP_LO;
    if (has_hi)
        return GLP_UP;
    return GLP_FR;
}

/* Whether `x` meets every row and bound of `lp` within a tolerance above
 * GLPK's own (1e-7 relative): 1e-6 times the row's scale, the bound or the
 * largest term of its activity, at least 1. */
static bool satisfies(const mvec__lp *lp, const double *x)
{
    size_t variables = lp->variable_count;
    for (size_t j = 0; j < variables; j++) {
        bool is_free = lp->free_variable != NULL && lp->free_variable[j];
        if (!isfinite(x[j]) || (!is_free && x[j] < -1e-6 * (1 + fabs(x[j]))))
            return false;
    }
    for (size_t i = 0; i < lp->row_count; i++) {
        double activity = 0;
        double scale = 1;
        for (size_t j = 0; j < variables; j++) {
            double term = lp->matrix[i * variables + j] * x[j];
            activity += term;
            scale = fmax(scale, fabs(term));
        }
        double lo = lp->row_lo[i];
        double hi = lp->row_hi[i];
        if (isfinite(lo) && activity < lo - 1e-6 * fmax(scale, fabs(lo)))
            return false;
        if (isfinite(hi) && activity > hi + 1e-6 * fmax(scale, fabs(hi)))
            return false;
    }
    return true;
}

/* Build and solve once; returns 0 on success, 1 when GLPK reported failure
 * or an optimum that violates the problem (*glpk_code MVEC__LP_VIOLATED). */
int mvec__lp_attempt(const mvec__lp *lp, bool presolve, double *value, bool *feasible,
                     int *glpk_code)
{
    glp_prob *problem = glp_create_prob();
    size_t variables = lp->variable_count;
    size_t rows = lp->row_count;
    glp_set_obj_dir(problem, lp->maximise ? GLP_MAX : GLP_MIN);
    if (rows > 0)
        glp_add_rows(problem, (int)rows);
    glp_add_cols(problem, (int)variables);
    for (size_t j = 0; j < variables; j++) {
        bool is_free = lp->free_variable != NULL && lp->free_variable[j];
        glp_set_col_bnds(problem, (int)j + 1, is_free ? GLP_FR : GLP_LO, 0.0, 0.0);
        glp_set_obj_coef(problem, (int)j + 1, lp->objective[j]);
    }
    /* GLPK's sparse arrays are 1-based; index 0 is unused. */
    size_t nonzeros = 0;
    for (size_t k = 0; k < rows * variables; k++)
        nonzeros += fabs(lp->matrix[k]) > 0 ? 1u : 0u;
    int *row_index = glp_alloc((int)nonzeros + 1, sizeof(int));
    int *column_index = glp_alloc((int)nonzeros + 1, sizeof(int));
    double *values = glp_alloc((int)nonzeros + 1, sizeof(double));
    double *x = glp_alloc((int)variables + 1, sizeof(double));
    size_t k = 0;
    for (size_t i = 0; i < rows; i++) {
        glp_set_row_bnds(problem, (int)i + 1, row_type(lp->row_lo[i], lp->row_hi[i]),
                         isfinite(lp->row_lo[i]) ? lp->row_lo[i] : 0.0,
                         isfinite(lp->row_hi[i]) ? lp->row_hi[i] : 0.0);
        for (size_t j = 0; j < variables; j++) {
            double a = lp->matrix[i * variables + j];
            if (!(fabs(a) > 0))
                continue;
            k++;
            row_index[k] = (int)i + 1;
            column_index[k] = (int)j + 1;
            values[k] = a;
        }
    }
    glp_load_matrix(problem, (int)nonzeros, row_index, column_index, values);
    glp_free(row_index);
    glp_free(column_index);
    glp_free(values);
    glp_smcp parameters;
    glp_init_smcp(&parameters);
    parameters.msg_lev = GLP_MSG_OFF;
    parameters.presolve = presolve ? GLP_ON : GLP_OFF;
    int code = glp_simplex(problem, &parameters);
    int result = 0;
    *feasible = false;
    if (code == GLP_ENOPFS || code == GLP_ENODFS) {
        *feasible = false; /* presolver found no primal or dual feasible solution */
    } else if (code != 0) {
        *glpk_code = code;
        result = 1;
    } else if (glp_get_status(problem) == GLP_OPT) {
        for (size_t j = 0; j < variables; j++)
            x[j] = glp_get_col_prim(problem, (int)j + 1);
        if (satisfies(lp, x)) {
            *feasible = true;
            *value = glp_get_obj_val(problem);
            for (size_t j = 0; lp->solution != NULL && j < variables; j++)
                lp->solution[j] = x[j];
        } else {
            *glpk_code = MVEC__LP_VIOLATED;
            result = 1;
        }
    } else if (glp_get_status(problem) != GLP_NOFEAS) {
        *glpk_code = glp_get_status(problem);
        result = 1;
    }
    glp_free(x);
    glp_delete_prob(problem);
    return result;
}

static pthread_once_t env_key_once = PTHREAD_ONCE_INIT;
static pthread_key_t env_key;
static bool env_key_made = false;

static void free_thread_env(void *unused)
{
    (void)unused;
    glp_free_env();
}

static void make_env_key(void)
{
    env_key_made = pthread_key_create(&env_key, free_thread_env) == 0;
}

/* Arrange for this thread's GLPK environment to be freed when it exits. */
static void note_thread_uses_glpk(void)
{
    pthread_once(&env_key_once, make_env_key);
    if (env_key_made && pthread_getspecific(env_key) == NULL)
        pthread_setspecific(env_key, &env_key);
}

/* GLPK prints its internal errors even with terminal output off (its error
 * function turns output back on first): a hook that swallows every line
 * keeps the library silent. */
static int swallow_output(void *info, const char *text)
{
    (void)info;
    (void)text;
    return 1;
}

/* One guarded attempt: GLPK's internal errors come back as failures (code -1). */
static int guarded_attempt(mvec__lp_attempt_fn attempt, const mvec__lp *lp, bool presolve,
                           double *value, bool *feasible, int *glpk_code)
{
    lp_guard guard;
    note_thread_uses_glpk();
    glp_term_out(GLP_OFF);
    glp_term_hook(swallow_output, NULL);
    if (setjmp(guard.jump) != 0) {
        glp_error_hook(NULL, NULL);
        glp_free_env();
        *glpk_code = -1;
        return 1;
    }
    glp_error_hook(on_glpk_error, &guard);
    int failed = attempt(lp, presolve, value, feasible, glpk_code);
    glp_error_hook(NULL, NULL);
    return failed;
}

mvec_status mvec__lp_solve_using(mvec_ctx *ctx, const mvec__lp *lp, mvec__lp_attempt_fn attempt,
                                 double *objective_value, bool *feasible)
{
    int first_code = 0;
    int second_code = 0;
    *feasible = false;
    if (guarded_attempt(attempt, lp, true, objective_value, feasible, &first_code) == 0)
        return MVEC_OK;
    /* The presolver fails on some degenerate problems the plain simplex
     * solves, and drops rows it takes for redundant (MVEC__LP_VIOLATED). */
    mvec__log(ctx, MVEC_LOG_DEBUG, "GLPK failed with presolve (code %d); retrying without",
              first_code);
    *feasible = false;
    if (guarded_attempt(attempt, lp, false, objective_value, feasible, &second_code) == 0) {
        if (*feasible || first_code != MVEC__LP_VIOLATED)
            return MVEC_OK;
        /* an optimum of a relaxation, then "no solution": neither is trusted */
        return mvec__error(ctx, MVEC_ERR_SOLVER,
                           "the linear-programming solver (GLPK) disagrees with itself: with "
                           "presolve an optimum that violates a constraint, without it no "
                           "feasible solution");
    }
    *feasible = false;
    if (first_code == -1 && second_code == -1)
        return mvec__error(ctx, MVEC_ERR_SOLVER,
                           "the linear-programming solver (GLPK) failed, with and without "
                           "presolve");
    return mvec__error(ctx, MVEC_ERR_SOLVER,
                       "the linear-programming solver (GLPK) stopped with code %d (%d without "
                       "presolve)",
                       first_code, second_code);
}

mvec_status mvec__lp_arrays_alloc(mvec_ctx *ctx, size_t variables, size_t rows,
                                  mvec__lp_arrays *out)
{
    mvec_status status = MVEC_OK;
    memset(out, 0, sizeof *out);
    MVEC_TRY(mvec__calloc(ctx, variables, sizeof *out->objective, &out->objective));
    MVEC_TRY(mvec__calloc(ctx, rows * variables, sizeof *out->matrix, &out->matrix));
    MVEC_TRY(mvec__calloc(ctx, rows, sizeof *out->row_lo, &out->row_lo));
    MVEC_TRY(mvec__calloc(ctx, rows, sizeof *out->row_hi, &out->row_hi));
    MVEC_TRY(mvec__calloc(ctx, variables, sizeof *out->free_variable, &out->free_variable));
cleanup:
    if (status != MVEC_OK)
        mvec__lp_arrays_free(ctx, out);
    return status;
}

void mvec__lp_arrays_free(mvec_ctx *ctx, mvec__lp_arrays *arrays)
{
    mvec__free(ctx, arrays->objective);
    mvec__free(ctx, arrays->matrix);
    mvec__free(ctx, arrays->row_lo);
    mvec__free(ctx, arrays->row_hi);
    mvec__free(ctx, arrays->free_variable);
    memset(arrays, 0, sizeof *arrays);
}

mvec_status mvec__lp_solve(mvec_ctx *ctx, const mvec__lp *lp, double *objective_value,
                           bool *feasible)
{
    return mvec__lp_solve_using(ctx, lp, mvec__lp_attempt, objective_value, feasible);
}
