/*
 * frontier.c - the diversification frontier (mvec_frontier.h; docs/methods.md section 17).
 *
 * Everything is computed in shares of the fixed total X: s_p = x_p / X, so
 * the linear programmes are well scaled whatever the unit. Both objectives
 * are separable convex quadratics (sum of s_p^2 over partners, or sum of
 * sigma_b^2 over great powers) minimised over a polytope; Kelley's cutting
 * planes replace each square u^2 by a variable v with tangent cuts
 * v >= 2 a u - a^2 (u^2 >= that for every a, with equality at u = a), so the
 * LP optimum is a lower bound of the true minimum, and the exact value at
 * the LP's solution (a feasible point) an upper bound. Cuts at the current
 * solution are added until the two meet (gap <= 1e-10) or the round limit.
 *
 * The balance objective is a ratio (sigma_b = S_b / E with E, the exposure,
 * free): with t = 1 / E and y_p = s_p t (Charnes and Cooper, 1962) the
 * normalised shares become linear, sigma_b = sum over b of y_p, and every
 * limit l <= s_p <= h reads l t <= y_p <= h t.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "calc_internal.h"

enum {
    HHI_GRID = 4,      /* tangent points per partner in the first HHI LP */
    BALANCE_GRID = 11, /* tangent points per great power in the first balance LP */
    GROUP_MEMBER_LIMIT = 1000,
};

/* Stop when achieved - bound is below this (HHI units). GLPK accepts a row
 * violated by up to 1e-7 (relative), so a cut at the current solution stops
 * moving the LP once the gap is about that small: rounds also stop when an
 * LP makes no progress. */
static const double GAP_TOLERANCE = 1e-9;
static const double BIND_TOLERANCE = 1e-9; /* in shares of X */
enum { STALL_ROUNDS = 5 };                 /* rounds without a better bound before giving up */

struct mvec_frontier {
    mvec_frontier_summary summary;
    mvec_frontier_partner *partners;
    mvec_frontier_group_result *groups;
    double *bloc_shares; /* 2 x bloc_count: baseline, then frontier */
    bool *great_power;
    const char **bloc_names;
    char **owned; /* copies of strings */
    size_t owned_count;
    size_t owned_capacity;
    mvec_profile *profile; /* mvec_frontier_build: what the inputs and names belong to */
};

/* ---- names ---------------------------------------------------------------------------------- */

const char *mvec_frontier_objective_name(mvec_frontier_objective objective)
{
    switch (objective) {
    case MVEC_FRONTIER_HHI:
        return "hhi";
    case MVEC_FRONTIER_BALANCE:
        return "balance";
    }
    return NULL;
}

mvec_status mvec_frontier_objective_from_name(mvec_ctx *ctx, const char *name,
                                              mvec_frontier_objective *out)
{
    if (name != NULL && strcmp(name, "hhi") == 0) {
        *out = MVEC_FRONTIER_HHI;
        return MVEC_OK;
    }
    if (name != NULL && strcmp(name, "balance") == 0) {
        *out = MVEC_FRONTIER_BALANCE;
        return MVEC_OK;
    }
    return mvec__error(ctx, MVEC_ERR_INVALID,
                       "unknown objective '%s' (expected 'hhi': lowest partner HHI, or "
                       "'balance': highest balance among the great powers)",
                       name ? name : "");
}

/* ---- groups from text ----------------------------------------------------------------------- */

static bool name_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '.' || c == '-';
}

/* One block holds the group array, then the member pointer arrays, then the text. */
mvec_status mvec_frontier_groups_parse(mvec_ctx *ctx, const char *text,
                                       mvec_frontier_group **groups, size_t *count)
{
    mvec_status status = MVEC_OK;
    char *block = NULL;
    *groups = NULL;
    *count = 0;
    if (text == NULL || text[0] == '\0')
        MVEC_FAIL(ctx, MVEC_ERR_INVALID, "empty group caps (expected NAME=CODE,CODE:AMOUNT)");
    size_t length = strlen(text);
    size_t group_count = 1;
    size_t member_total = 0;
    for (size_t i = 0; i < length; i++) {
        group_count += text[i] == ';';
        member_total += text[i] == ',' || text[i] == '=';
    }
    size_t head = group_count * sizeof(mvec_frontier_group) + member_total * sizeof(const char *);
    MVEC_TRY(mvec__alloc(ctx, head + length + 1, &block));
    mvec_frontier_group *list = (mvec_frontier_group *)(void *)block;
    const char **pointers =
        (const char **)(void *)(block + group_count * sizeof(mvec_frontier_group));
    char *copy = block + head;
    memcpy(copy, text, length + 1);
    size_t used_pointers = 0;
    char *part = copy;
    for (size_t g = 0; g < group_count; g++) {
        char *end = strchr(part, ';');
        if (end != NULL)
            *end = '\0';
        char *equals = strchr(part, '=');
        char *colon = strrchr(part, ':');
        if (equals == NULL || colon == NULL || colon < equals)
            MVEC_FAIL(ctx, MVEC_ERR_INVALID,
                      "group cap '%s': expected NAME=CODE,CODE:AMOUNT (AMOUNT in the vector's "
                      "unit, e.g. 2.5e9 for USD 2.5 bn)",
                      part);
        *equals = '\0';
        *colon = '\0';
        if (part[0] == '\0')
            MVEC_FAIL(ctx, MVEC_ERR_INVALID, "group cap without a name (expected NAME=...)");
        for (const char *c = part; *c; c++)
            if (!name_char(*c))
                MVEC_FAIL(ctx, MVEC_ERR_INVALID,
                          "group name '%s': use letters, digits, '_', '.' and '-'", part);
        for (size_t h = 0; h < g; h++)
            if (strcmp(list[h].name, part) == 0)
                MVEC_FAIL(ctx, MVEC_ERR_INVALID, "group '%s' is given twice", part);
        char *number_end = NULL;
        double cap = strtod(colon + 1, &number_end);
        if (colon[1] == '\0' || *number_end != '\0' || !isfinite(cap))
            MVEC_FAIL(ctx, MVEC_ERR_INVALID,
                      "group '%s': cap '%s' is not a finite number (in the vector's unit)", part,
                      colon + 1);
        list[g].name = part;
        list[g].cap = cap;
        list[g].members = pointers + used_pointers;
        list[g].member_count = 0;
        char *member = equals + 1;
        while (true) {
            char *comma = strchr(member, ',');
            if (comma != NULL)
                *comma = '\0';
            if (member[0] == '\0')
                MVEC_FAIL(ctx, MVEC_ERR_INVALID, "group '%s': an empty member", part);
            if (list[g].member_count >= GROUP_MEMBER_LIMIT)
                MVEC_FAIL(ctx, MVEC_ERR_INVALID, "group '%s': more than %d members", part,
                          (int)GROUP_MEMBER_LIMIT);
            pointers[used_pointers++] = member;
            list[g].member_count++;
            if (comma == NULL)
                break;
            member = comma + 1;
        }
        if (end != NULL)
            part = end + 1;
    }
    *groups = list;
    *count = group_count;
    block = NULL;
cleanup:
    mvec__free(ctx, block);
    return status;
}

void mvec_frontier_groups_free(mvec_ctx *ctx, mvec_frontier_group *groups)
{
    mvec__free(ctx, groups);
}

/* ---- the result object ---------------------------------------------------------------------- */

void mvec_frontier_free(mvec_ctx *ctx, mvec_frontier *frontier)
{
    if (frontier == NULL)
        return;
    mvec__free(ctx, frontier->partners);
    mvec__free(ctx, frontier->groups);
    mvec__free(ctx, frontier->bloc_shares);
    mvec__free(ctx, frontier->great_power);
    mvec__free(ctx, frontier->bloc_names);
    for (size_t i = 0; i < frontier->owned_count; i++)
        mvec__free(ctx, frontier->owned[i]);
    mvec__free(ctx, frontier->owned);
    mvec_profile_free(ctx, frontier->profile);
    mvec__free(ctx, frontier);
}

const mvec_frontier_summary *mvec_frontier_result(const mvec_frontier *frontier)
{
    return &frontier->summary;
}

/* A copy of `text` the frontier owns. */
static mvec_status keep_text(mvec_ctx *ctx, mvec_frontier *f, const char *text, const char **out)
{
    mvec_status status = MVEC_OK;
    char *copy = NULL;
    MVEC_TRY(mvec__grow(ctx, &f->owned, &f->owned_capacity, f->owned_count + 1, sizeof *f->owned));
    MVEC_TRY(mvec__strdup(ctx, text, &copy));
    f->owned[f->owned_count++] = copy;
    *out = copy;
cleanup:
    return status;
}

/* ---- the problem in shares ------------------------------------------------------------------ */

typedef struct problem {
    size_t n;            /* partners */
    const double *s0;    /* baseline shares of X */
    double *lo, *hi;     /* reachable range of each share */
    double movable;      /* 1 - the remainder's share: what the partners hold together */
    size_t active_count; /* partners with a positive baseline: the LP's */
    size_t *active;      /* their positions */
    size_t group_count;
    const bool *in_group;    /* group_count x n */
    const double *group_top; /* largest share each group may hold together */
    const size_t *blocs;     /* n, or NULL */
    size_t great_count;
    const size_t *great_of_bloc; /* bloc -> great-power position, SIZE_MAX when not one */
} problem;

/* Put `s` (an LP's answer, within GLPK's tolerances) exactly inside the
 * limits and back to the movable total: clamp, then spread what is missing
 * over the room left, in proportion to it. Moves each share by about the
 * LP's tolerance at most. */
static void repair(const problem *p, double *s)
{
    double sum = 0;
    for (size_t i = 0; i < p->n; i++) {
        s[i] = fmin(fmax(s[i], p->lo[i]), p->hi[i]);
        sum += s[i];
    }
    double missing = p->movable - sum;
    double room = 0;
    for (size_t i = 0; i < p->n; i++)
        room += missing > 0 ? p->hi[i] - s[i] : s[i] - p->lo[i];
    if (!(room > 0))
        return;
    for (size_t i = 0; i < p->n; i++) {
        double r = missing > 0 ? p->hi[i] - s[i] : s[i] - p->lo[i];
        s[i] = fmin(fmax(s[i] + missing * r / room, p->lo[i]), p->hi[i]);
    }
}

static double sum_squares(const problem *p, const double *s)
{
    double h = 0;
    for (size_t i = 0; i < p->n; i++)
        h += s[i] * s[i];
    return h;
}

/* Great-power normalised shares of `s` into sigma; returns the exposure. */
static double great_shares(const problem *p, const double *s, double *sigma)
{
    double exposure = 0;
    for (size_t b = 0; b < p->great_count; b++)
        sigma[b] = 0;
    for (size_t i = 0; p->blocs != NULL && i < p->n; i++) {
        size_t b = p->blocs[i];
        if (b != SIZE_MAX && p->great_of_bloc[b] != SIZE_MAX) {
            sigma[p->great_of_bloc[b]] += s[i];
            exposure += s[i];
        }
    }
    for (size_t b = 0; b < p->great_count && exposure > 0; b++)
        sigma[b] /= exposure;
    return exposure;
}

/* A new row of the LP being built: its coefficients, zero. */
static double *new_row(mvec__lp_arrays *a, size_t variables, size_t *rows, double lo, double hi)
{
    a->row_lo[*rows] = lo;
    a->row_hi[*rows] = hi;
    return &a->matrix[(*rows)++ * variables];
}

typedef struct lp_outcome {
    double bound; /* the last LP's optimum */
    size_t variables;
    size_t rows;
    size_t rounds;
    bool converged;
} lp_outcome;

/* Without group caps the lowest HHI has a closed form (water-filling): the
 * KKT conditions give s_p = clamp(lambda / 2, lo_p, hi_p) with lambda such
 * that the shares sum to the movable total; lambda is found by bisection to
 * the last bit. For any lambda, L(lambda) = sum over p of
 * min over s in [lo_p, hi_p] of (s^2 - lambda s), plus lambda times the
 * total, is a lower bound of the minimum (weak duality), computed exactly in
 * floating point. Puts the distribution in `s` and returns L. */
static double water_fill(const problem *p, double *s)
{
    double low = INFINITY;
    double high = -INFINITY;
    for (size_t j = 0; j < p->active_count; j++) {
        low = fmin(low, 2 * p->lo[p->active[j]]);
        high = fmax(high, 2 * p->hi[p->active[j]]);
    }
    for (int step = 0; step < 200 && low < high; step++) {
        double middle = low + (high - low) / 2;
        if (!(middle > low && middle < high))
            break;
        double sum = 0;
        for (size_t j = 0; j < p->active_count; j++) {
            size_t i = p->active[j];
            sum += fmin(fmax(middle / 2, p->lo[i]), p->hi[i]);
        }
        if (sum < p->movable)
            low = middle;
        else
            high = middle;
    }
    double lambda = low + (high - low) / 2;
    double bound = lambda * p->movable;
    for (size_t i = 0; i < p->n; i++) {
        s[i] = fmin(fmax(lambda / 2, p->lo[i]), p->hi[i]);
        bound += s[i] * s[i] - lambda * s[i];
    }
    repair(p, s);
    return bound;
}

/* Lowest sum of s_p^2. Variables: s_j then z_j for the active partners. */
static mvec_status solve_hhi(mvec_ctx *ctx, const problem *p, size_t max_rounds, double *s,
                             lp_outcome *outcome, bool *feasible)
{
    mvec_status status = MVEC_OK;
    mvec__lp_arrays a = {0};
    double *solution = NULL;
    double *best = NULL;
    double *exact = NULL;
    size_t m = p->active_count;
    size_t variables = 2 * m;
    size_t max_rows = m + 1 + p->group_count + (HHI_GRID + max_rounds) * m;
    size_t rows = 0;
    MVEC_TRY(mvec__lp_arrays_alloc(ctx, variables, max_rows, &a));
    MVEC_TRY(mvec__calloc(ctx, variables, sizeof *solution, &solution));
    MVEC_TRY(mvec__calloc(ctx, p->n, sizeof *best, &best));
    for (size_t j = 0; j < m; j++) {
        size_t i = p->active[j];
        new_row(&a, variables, &rows, p->lo[i], p->hi[i])[j] = 1;
        a.objective[m + j] = 1;
    }
    /* sum >= movable, not =: the LP never gains by exceeding it, so GLPK's
     * tolerance can only err below it, which lowers the bound (safe) */
    double *total = new_row(&a, variables, &rows, p->movable, INFINITY);
    for (size_t j = 0; j < m; j++)
        total[j] = 1;
    for (size_t k = 0; k < p->group_count; k++) {
        double *row = new_row(&a, variables, &rows, -INFINITY, p->group_top[k]);
        for (size_t j = 0; j < m; j++)
            row[j] = p->in_group[k * p->n + p->active[j]] ? 1 : 0;
    }
    for (size_t j = 0; j < m; j++) {
        size_t i = p->active[j];
        for (size_t g = 0; g < HHI_GRID; g++) {
            double point = p->lo[i] + (p->hi[i] - p->lo[i]) * (double)g / (HHI_GRID - 1);
            double *row = new_row(&a, variables, &rows, -point * point, INFINITY);
            row[j] = -2 * point;
            row[m + j] = 1;
        }
    }
    *feasible = false;
    outcome->rounds = 0;
    outcome->converged = false;
    double previous = -INFINITY;
    double best_value = INFINITY;
    int stalled = 0;
    for (size_t round = 0;; round++) {
        MVEC_TRY(mvec__check_cancel(ctx));
        mvec__lp lp = {variables, rows, a.objective, a.matrix, a.row_lo,
                       a.row_hi,  NULL, false,       solution};
        double value = 0;
        MVEC_TRY(mvec__lp_solve(ctx, &lp, &value, feasible));
        outcome->rounds = round + 1;
        if (!*feasible)
            goto cleanup;
        outcome->bound = value;
        for (size_t i = 0; i < p->n; i++)
            s[i] = 0;
        for (size_t j = 0; j < m; j++)
            s[p->active[j]] = solution[j];
        repair(p, s);
        double achieved = sum_squares(p, s);
        if (achieved < best_value) {
            best_value = achieved;
            memcpy(best, s, p->n * sizeof *s);
        }
        if (best_value - value <= GAP_TOLERANCE) {
            outcome->converged = true;
            break;
        }
        stalled = value <= previous + 1e-15 ? stalled + 1 : 0;
        if (round >= max_rounds || stalled >= STALL_ROUNDS)
            break;
        previous = value;
        for (size_t j = 0; j < m; j++) {
            double point = solution[j];
            if (point * point - solution[m + j] <= 1e-15)
                continue;
            double *row = new_row(&a, variables, &rows, -point * point, INFINITY);
            row[j] = -2 * point;
            row[m + j] = 1;
        }
    }
    memcpy(s, best, p->n * sizeof *s); /* the best distribution any round found */
    outcome->variables = variables;
    outcome->rows = rows;
    if (p->group_count == 0) {
        /* GLPK's tolerances stop the cuts near 1e-7; the closed form finishes exactly */
        MVEC_TRY(mvec__calloc(ctx, p->n, sizeof *exact, &exact));
        double bound = water_fill(p, exact);
        if (sum_squares(p, exact) <= sum_squares(p, s)) {
            memcpy(s, exact, p->n * sizeof *s);
            outcome->bound = fmax(outcome->bound, bound);
            outcome->converged = sum_squares(p, s) - outcome->bound <= GAP_TOLERANCE;
        }
    }
cleanup:
    mvec__free(ctx, best);
    mvec__free(ctx, exact);
    mvec__free(ctx, solution);
    mvec__lp_arrays_free(ctx, &a);
    return status;
}

/* Lowest sum of sigma_b^2 over the great powers, exposure free (Charnes-Cooper).
 * Variables: y_j (active partners), t, then w_b per great power. */
static mvec_status solve_balance(mvec_ctx *ctx, const problem *p, size_t max_rounds, double *s,
                                 lp_outcome *outcome, bool *feasible)
{
    mvec_status status = MVEC_OK;
    mvec__lp_arrays a = {0};
    double *solution = NULL;
    double *best = NULL;
    double *sigma = NULL;
    size_t m = p->active_count;
    size_t great = p->great_count;
    size_t t_column = m;
    size_t variables = m + 1 + great;
    size_t max_rows = 2 * m + 2 + p->group_count + (BALANCE_GRID + max_rounds) * great;
    size_t rows = 0;
    MVEC_TRY(mvec__lp_arrays_alloc(ctx, variables, max_rows, &a));
    MVEC_TRY(mvec__calloc(ctx, variables, sizeof *solution, &solution));
    MVEC_TRY(mvec__calloc(ctx, p->n, sizeof *best, &best));
    MVEC_TRY(mvec__calloc(ctx, great, sizeof *sigma, &sigma));
    /* the great power of active partner j, or SIZE_MAX */
#define GREAT_OF(j)                                                                                \
    (p->blocs[p->active[j]] == SIZE_MAX ? SIZE_MAX : p->great_of_bloc[p->blocs[p->active[j]]])
    for (size_t j = 0; j < m; j++) {
        size_t i = p->active[j];
        double *floor_row = new_row(&a, variables, &rows, 0, INFINITY); /* y - lo t >= 0 */
        floor_row[j] = 1;
        floor_row[t_column] = -p->lo[i];
        double *ceiling_row = new_row(&a, variables, &rows, -INFINITY, 0); /* y - hi t <= 0 */
        ceiling_row[j] = 1;
        ceiling_row[t_column] = -p->hi[i];
    }
    double *total = new_row(&a, variables, &rows, 0, 0); /* sum y = movable t */
    for (size_t j = 0; j < m; j++)
        total[j] = 1;
    total[t_column] = -p->movable;
    double *norm = new_row(&a, variables, &rows, 1, 1); /* the great powers' y sum to 1 */
    for (size_t j = 0; j < m; j++)
        norm[j] = GREAT_OF(j) != SIZE_MAX ? 1 : 0;
    for (size_t k = 0; k < p->group_count; k++) {
        double *row = new_row(&a, variables, &rows, -INFINITY, 0);
        for (size_t j = 0; j < m; j++)
            row[j] = p->in_group[k * p->n + p->active[j]] ? 1 : 0;
        row[t_column] = -p->group_top[k];
    }
    for (size_t b = 0; b < great; b++) {
        a.objective[m + 1 + b] = 1;
        for (size_t g = 0; g < BALANCE_GRID; g++) {
            double point = (double)g / (BALANCE_GRID - 1);
            double *row = new_row(&a, variables, &rows, -point * point, INFINITY);
            for (size_t j = 0; j < m; j++)
                row[j] = GREAT_OF(j) == b ? -2 * point : 0;
            row[m + 1 + b] = 1;
        }
    }
    *feasible = false;
    outcome->rounds = 0;
    outcome->converged = false;
    double previous = -INFINITY;
    double best_value = INFINITY;
    int stalled = 0;
    for (size_t round = 0;; round++) {
        MVEC_TRY(mvec__check_cancel(ctx));
        mvec__lp lp = {variables, rows, a.objective, a.matrix, a.row_lo,
                       a.row_hi,  NULL, false,       solution};
        double value = 0;
        MVEC_TRY(mvec__lp_solve(ctx, &lp, &value, feasible));
        outcome->rounds = round + 1;
        if (!*feasible)
            goto cleanup;
        outcome->bound = value;
        double t = solution[t_column];
        if (!(t > 0))
            MVEC_FAIL(ctx, MVEC_ERR_INTERNAL, "frontier: the balance LP returned t = %g", t);
        for (size_t i = 0; i < p->n; i++)
            s[i] = 0;
        for (size_t j = 0; j < m; j++)
            s[p->active[j]] = solution[j] / t;
        repair(p, s);
        great_shares(p, s, sigma);
        double achieved = 0;
        for (size_t b = 0; b < great; b++)
            achieved += sigma[b] * sigma[b];
        if (achieved < best_value) {
            best_value = achieved;
            memcpy(best, s, p->n * sizeof *s);
        }
        if (best_value - value <= GAP_TOLERANCE) {
            outcome->converged = true;
            break;
        }
        stalled = value <= previous + 1e-15 ? stalled + 1 : 0;
        if (round >= max_rounds || stalled >= STALL_ROUNDS)
            break;
        previous = value;
        for (size_t b = 0; b < great; b++) {
            double point = 0;
            for (size_t j = 0; j < m; j++)
                point += GREAT_OF(j) == b ? solution[j] : 0;
            if (point * point - solution[m + 1 + b] <= 1e-15)
                continue;
            double *row = new_row(&a, variables, &rows, -point * point, INFINITY);
            for (size_t j = 0; j < m; j++)
                row[j] = GREAT_OF(j) == b ? -2 * point : 0;
            row[m + 1 + b] = 1;
        }
    }
#undef GREAT_OF
    memcpy(s, best, p->n * sizeof *s); /* the best distribution any round found */
    outcome->variables = variables;
    outcome->rows = rows;
cleanup:
    mvec__free(ctx, best);
    mvec__free(ctx, sigma);
    mvec__free(ctx, solution);
    mvec__lp_arrays_free(ctx, &a);
    return status;
}

/* When one group alone cannot meet its cap, say which and why. */
static mvec_status explain_infeasible(mvec_ctx *ctx, const problem *p,
                                      const mvec_frontier_group *groups, double total,
                                      const char *unit)
{
    for (size_t k = 0; k < p->group_count; k++) {
        double fall = 0;   /* most the members can give up together */
        double absorb = 0; /* most the others can absorb */
        for (size_t i = 0; i < p->n; i++) {
            if (p->in_group[k * p->n + i])
                fall += p->s0[i] - p->lo[i];
            else
                absorb += p->hi[i] - p->s0[i];
        }
        double least = -fmin(fall, absorb) * total; /* the smallest change the group can have */
        if (least > groups[k].cap + BIND_TOLERANCE * total)
            return mvec__error(
                ctx, MVEC_ERR_INVALID,
                "no reachable distribution: group '%s' may change by at most %.6g %s, but its "
                "members can give up at most %.6g %s together%s",
                groups[k].name, groups[k].cap, unit, fall * total, unit,
                absorb < fall ? " (what the other partners can absorb)" : "");
    }
    return mvec__error(ctx, MVEC_ERR_INVALID,
                       "no reachable distribution: the group caps together cannot be met within "
                       "the yearly limits");
}

static int compare_partners(const void *left, const void *right)
{
    const mvec_frontier_partner *a = left;
    const mvec_frontier_partner *b = right;
    if (a->baseline > b->baseline)
        return -1;
    if (a->baseline < b->baseline)
        return 1;
    return strcmp(a->code, b->code);
}

static mvec_status check_limits(mvec_ctx *ctx, const mvec_frontier_limits *limits)
{
    if (limits->objective != MVEC_FRONTIER_HHI && limits->objective != MVEC_FRONTIER_BALANCE)
        return mvec__error(ctx, MVEC_ERR_INVALID, "unknown frontier objective %d",
                           (int)limits->objective);
    if (limits->years < 1 || limits->years > 100)
        return mvec__error(ctx, MVEC_ERR_INVALID, "years must be 1 to 100, not %d", limits->years);
    if (!(limits->max_shift >= 0 && limits->max_shift <= 1))
        return mvec__error(ctx, MVEC_ERR_INVALID,
                           "the largest yearly fall must be a fraction from 0 to 1, not %g",
                           limits->max_shift);
    if (!(limits->max_growth >= 0 && limits->max_growth <= 100))
        return mvec__error(ctx, MVEC_ERR_INVALID,
                           "the largest yearly growth must be a fraction from 0 to 100, not %g",
                           limits->max_growth);
    if (limits->max_rounds > 200)
        return mvec__error(ctx, MVEC_ERR_INVALID, "at most 200 refinement rounds, not %zu",
                           limits->max_rounds);
    if (limits->group_count > 0 && limits->groups == NULL)
        return mvec__error(ctx, MVEC_ERR_INVALID, "group caps missing");
    return MVEC_OK;
}

mvec_status mvec_frontier_solve(mvec_ctx *ctx, const mvec_frontier_input *input,
                                const mvec_frontier_limits *limits, mvec_frontier **out)
{
    mvec_status status = MVEC_OK;
    mvec_frontier *f = NULL;
    double *s0 = NULL;
    double *bounds = NULL;
    double *s = NULL;
    size_t *active = NULL;
    bool *in_group = NULL;
    double *group_top = NULL;
    size_t *great_of_bloc = NULL;
    double *sigma = NULL;
    mvec_frontier_input in = MVEC_FRONTIER_INPUT_INIT;
    mvec_frontier_limits lim = MVEC_FRONTIER_LIMITS_INIT;
    *out = NULL;
    MVEC_TRY(mvec__options_read(ctx, "mvec_frontier_input", "MVEC_FRONTIER_INPUT_INIT", &in,
                                sizeof in, sizeof in, input));
    MVEC_TRY(mvec__options_read(ctx, "mvec_frontier_limits", "MVEC_FRONTIER_LIMITS_INIT", &lim,
                                sizeof lim, sizeof lim, limits));
    MVEC_TRY(check_limits(ctx, &lim));
    size_t n = in.partner_count;
    if (n == 0 || in.codes == NULL || in.values == NULL)
        MVEC_FAIL(ctx, MVEC_ERR_INVALID, "a frontier needs at least one partner with a value");
    if (in.bloc_count > 0 && (in.bloc_names == NULL || in.great_power == NULL))
        MVEC_FAIL(ctx, MVEC_ERR_INVALID, "bloc names and great-power flags missing");
    if (!(isfinite(in.fixed_value) && in.fixed_value >= 0))
        MVEC_FAIL(ctx, MVEC_ERR_INVALID, "the unmovable remainder must be finite and >= 0");
    const char *unit = in.unit ? in.unit : "";
    double total = in.fixed_value;
    for (size_t i = 0; i < n; i++) {
        if (in.codes[i] == NULL)
            MVEC_FAIL(ctx, MVEC_ERR_INVALID, "partner %zu has no code", i + 1);
        if (!(isfinite(in.values[i]) && in.values[i] >= 0))
            MVEC_FAIL(ctx, MVEC_ERR_INVALID, "partner %s: value %g is not finite and >= 0",
                      in.codes[i], in.values[i]);
        if (in.blocs != NULL && in.blocs[i] != SIZE_MAX && in.blocs[i] >= in.bloc_count)
            MVEC_FAIL(ctx, MVEC_ERR_INVALID, "partner %s: bloc %zu out of range", in.codes[i],
                      in.blocs[i]);
        for (size_t j = 0; j < i; j++)
            if (strcmp(in.codes[i], in.codes[j]) == 0)
                MVEC_FAIL(ctx, MVEC_ERR_INVALID, "partner %s is listed twice", in.codes[i]);
        total += in.values[i];
    }
    if (!(total > 0) || !isfinite(total))
        MVEC_FAIL(ctx, MVEC_ERR_INVALID, "the total is %g: nothing to redistribute", total);

    /* the problem in shares */
    problem p = {0};
    p.n = n;
    MVEC_TRY(mvec__calloc(ctx, n, sizeof *s0, &s0));
    MVEC_TRY(mvec__calloc(ctx, 2 * n, sizeof *bounds, &bounds));
    MVEC_TRY(mvec__calloc(ctx, n, sizeof *s, &s));
    MVEC_TRY(mvec__calloc(ctx, n, sizeof *active, &active));
    double fall = pow(1 - lim.max_shift, lim.years);
    double rise = pow(1 + lim.max_growth, lim.years);
    p.s0 = s0;
    p.lo = bounds;
    p.hi = bounds + n;
    p.active = active;
    p.movable = 0;
    for (size_t i = 0; i < n; i++) {
        s0[i] = in.values[i] / total;
        p.lo[i] = s0[i] * fall;
        p.hi[i] = s0[i] * rise;
        p.movable += s0[i];
        if (s0[i] > 0)
            active[p.active_count++] = i;
    }
    p.group_count = lim.group_count;
    if (lim.group_count > 0) {
        MVEC_TRY(mvec__calloc(ctx, lim.group_count * n, sizeof *in_group, &in_group));
        MVEC_TRY(mvec__calloc(ctx, lim.group_count, sizeof *group_top, &group_top));
    }
    for (size_t k = 0; k < lim.group_count; k++) {
        const mvec_frontier_group *g = &lim.groups[k];
        if (g->name == NULL || g->name[0] == '\0')
            MVEC_FAIL(ctx, MVEC_ERR_INVALID, "group %zu has no name", k + 1);
        if (!isfinite(g->cap))
            MVEC_FAIL(ctx, MVEC_ERR_INVALID, "group '%s': the cap is not finite", g->name);
        if (g->member_count == 0 || g->members == NULL)
            MVEC_FAIL(ctx, MVEC_ERR_INVALID, "group '%s' has no members", g->name);
        for (size_t h = 0; h < k; h++)
            if (strcmp(lim.groups[h].name, g->name) == 0)
                MVEC_FAIL(ctx, MVEC_ERR_INVALID, "group '%s' is given twice", g->name);
        double held = 0;
        for (size_t e = 0; e < g->member_count; e++) {
            size_t i = 0;
            while (i < n && strcmp(in.codes[i], g->members[e] ? g->members[e] : "") != 0)
                i++;
            if (i == n)
                MVEC_FAIL(ctx, MVEC_ERR_INVALID, "group '%s': '%s' is not one of the partners",
                          g->name, g->members[e] ? g->members[e] : "");
            if (in_group[k * n + i])
                MVEC_FAIL(ctx, MVEC_ERR_INVALID, "group '%s' lists %s twice", g->name, in.codes[i]);
            in_group[k * n + i] = true;
            held += s0[i];
        }
        group_top[k] = held + g->cap / total;
    }
    p.in_group = in_group;
    p.group_top = group_top;
    p.blocs = in.blocs;
    if (in.bloc_count > 0)
        MVEC_TRY(mvec__calloc(ctx, in.bloc_count, sizeof *great_of_bloc, &great_of_bloc));
    for (size_t b = 0; b < in.bloc_count; b++)
        great_of_bloc[b] = in.great_power[b] ? p.great_count++ : SIZE_MAX;
    p.great_of_bloc = great_of_bloc;
    MVEC_TRY(mvec__calloc(ctx, p.great_count + 1, sizeof *sigma, &sigma));
    double exposure0 = in.blocs != NULL && p.great_count > 0 ? great_shares(&p, s0, sigma) : 0;
    if (lim.objective == MVEC_FRONTIER_BALANCE) {
        if (p.great_count < 2)
            MVEC_FAIL(ctx, MVEC_ERR_INVALID,
                      "the balance objective needs a bloc scheme with at least two great powers");
        if (in.fixed_value > 0)
            MVEC_FAIL(ctx, MVEC_ERR_INVALID,
                      "the balance objective needs every partner listed: %.6g %% of the total "
                      "is an unlisted remainder whose blocs are unknown",
                      100 * in.fixed_value / total);
        if (!(exposure0 > 0))
            MVEC_FAIL(ctx, MVEC_ERR_INVALID,
                      "the balance objective needs a partner in a great-power bloc");
    }

    /* solve */
    lp_outcome outcome = {0};
    bool feasible = false;
    if (lim.objective == MVEC_FRONTIER_HHI)
        MVEC_TRY(solve_hhi(ctx, &p, lim.max_rounds, s, &outcome, &feasible));
    else
        MVEC_TRY(solve_balance(ctx, &p, lim.max_rounds, s, &outcome, &feasible));
    if (!feasible) {
        status = explain_infeasible(ctx, &p, lim.groups, total, unit);
        goto cleanup;
    }

    /* the result */
    MVEC_TRY(mvec__calloc(ctx, 1, sizeof *f, &f));
    mvec_frontier_summary *r = &f->summary;
    r->objective = lim.objective;
    r->years = lim.years;
    r->max_shift = lim.max_shift;
    r->max_growth = lim.max_growth;
    r->period = "";
    r->basis = "";
    MVEC_TRY(keep_text(ctx, f, unit, &r->unit));
    r->total = total;
    r->fixed_value = in.fixed_value;
    MVEC_TRY(mvec__calloc(ctx, n, sizeof *f->partners, &f->partners));
    for (size_t i = 0; i < n; i++) {
        mvec_frontier_partner *q = &f->partners[i];
        MVEC_TRY(keep_text(ctx, f, in.codes[i], &q->code));
        q->name = q->code;
        q->bloc = in.blocs ? in.blocs[i] : SIZE_MAX;
        q->baseline = in.values[i];
        q->frontier = s[i] * total;
        q->lowest = p.lo[i] * total;
        q->highest = p.hi[i] * total;
        q->baseline_share = s0[i];
        q->frontier_share = s[i];
        if (!(s0[i] > 0))
            q->bound = MVEC_FRONTIER_ZERO;
        else if (s[i] >= p.hi[i] - BIND_TOLERANCE && p.hi[i] > s0[i] + BIND_TOLERANCE)
            q->bound = MVEC_FRONTIER_CEILING;
        else if (s[i] <= p.lo[i] + BIND_TOLERANCE)
            q->bound = MVEC_FRONTIER_FLOOR;
        else
            q->bound = MVEC_FRONTIER_FREE;
    }
    if (lim.group_count > 0)
        MVEC_TRY(mvec__calloc(ctx, lim.group_count, sizeof *f->groups, &f->groups));
    for (size_t k = 0; k < lim.group_count; k++) {
        mvec_frontier_group_result *g = &f->groups[k];
        MVEC_TRY(keep_text(ctx, f, lim.groups[k].name, &g->name));
        g->cap = lim.groups[k].cap;
        g->member_count = lim.groups[k].member_count;
        double change = 0;
        for (size_t i = 0; i < n; i++)
            change += in_group[k * n + i] ? s[i] - s0[i] : 0;
        g->change = change * total;
        g->binding = change * total >= g->cap - BIND_TOLERANCE * total;
        for (size_t i = 0; i < n && g->binding; i++)
            f->partners[i].grouped |= in_group[k * n + i];
    }
    qsort(f->partners, n, sizeof *f->partners, compare_partners);
    r->partner_count = n;
    r->partners = f->partners;
    r->group_count = lim.group_count;
    r->groups = f->groups;

    /* blocs, exposure, balance */
    r->bloc_count = in.bloc_count;
    r->great_power_count = p.great_count;
    if (in.bloc_count > 0) {
        MVEC_TRY(mvec__calloc(ctx, 2 * in.bloc_count, sizeof *f->bloc_shares, &f->bloc_shares));
        MVEC_TRY(mvec__calloc(ctx, in.bloc_count, sizeof *f->great_power, &f->great_power));
        MVEC_TRY(mvec__calloc(ctx, in.bloc_count, sizeof *f->bloc_names, &f->bloc_names));
        for (size_t b = 0; b < in.bloc_count; b++) {
            MVEC_TRY(
                keep_text(ctx, f, in.bloc_names[b] ? in.bloc_names[b] : "", &f->bloc_names[b]));
            f->great_power[b] = in.great_power[b];
        }
        for (size_t i = 0; in.blocs != NULL && i < n; i++)
            if (in.blocs[i] != SIZE_MAX) {
                f->bloc_shares[in.blocs[i]] += s0[i];
                f->bloc_shares[in.bloc_count + in.blocs[i]] += s[i];
            }
    }
    r->bloc_names = f->bloc_names;
    r->great_power = f->great_power;
    r->bloc_baseline = f->bloc_shares;
    r->bloc_frontier = f->bloc_shares ? f->bloc_shares + in.bloc_count : NULL;
    r->exposure_baseline = NAN;
    r->exposure_frontier = NAN;
    r->balance_baseline = NAN;
    r->balance_frontier = NAN;
    if (p.great_count > 0 && in.blocs != NULL) {
        for (int pass = 0; pass < 2; pass++) {
            double e = great_shares(&p, pass == 0 ? s0 : s, sigma);
            double h = 0;
            for (size_t b = 0; b < p.great_count; b++)
                h += sigma[b] * sigma[b];
            double balance =
                p.great_count >= 2 && e > 0 ? mvec__balance_of_hhi(h, p.great_count) : NAN;
            *(pass == 0 ? &r->exposure_baseline : &r->exposure_frontier) = e;
            *(pass == 0 ? &r->balance_baseline : &r->balance_frontier) = balance;
        }
    }
    double listed0 = sum_squares(&p, s0);
    double listed = sum_squares(&p, s);
    r->hhi_baseline = (mvec_interval){listed0 + in.fixed_hhi.lo, listed0 + in.fixed_hhi.hi};
    r->hhi_frontier = (mvec_interval){listed + in.fixed_hhi.lo, listed + in.fixed_hhi.hi};
    r->hhi_optimum = (mvec_interval){NAN, NAN};
    r->balance_optimum = (mvec_interval){NAN, NAN};
    if (lim.objective == MVEC_FRONTIER_HHI) {
        /* the bound can exceed the achieved value only by the LP's rounding */
        r->hhi_optimum = (mvec_interval){fmin(outcome.bound, listed) + in.fixed_hhi.lo,
                                         listed + in.fixed_hhi.hi};
    } else {
        double upper = mvec__balance_of_hhi(outcome.bound, p.great_count);
        r->balance_optimum = (mvec_interval){r->balance_frontier, fmax(upper, r->balance_frontier)};
    }
    r->lp_variables = outcome.variables;
    r->lp_rows = outcome.rows;
    r->rounds = outcome.rounds;
    r->converged = outcome.converged;
    *out = f;
    f = NULL;
cleanup:
    mvec_frontier_free(ctx, f);
    mvec__free(ctx, sigma);
    mvec__free(ctx, great_of_bloc);
    mvec__free(ctx, group_top);
    mvec__free(ctx, in_group);
    mvec__free(ctx, active);
    mvec__free(ctx, s);
    mvec__free(ctx, bounds);
    mvec__free(ctx, s0);
    return status;
}

/* ---- from a profile's distribution ------------------------------------------------------- */

static bool is_share_dimension(const char *dimension)
{
    return strcmp(dimension, "share") == 0;
}

/* X in the base unit of the vector: the WLD total when given, else the
 * listed values scaled by what the remainder leaves (its share is known);
 * 1 for a distribution given as shares. */
static mvec_status distribution_total(mvec_ctx *ctx, const mvec_country *country,
                                      const mvec_vector_profile *v, double *total)
{
    if (is_share_dimension(v->dimension)) {
        *total = 1;
        return MVEC_OK;
    }
    for (size_t i = 0; i < v->input_count; i++) {
        const mvec_observation *o = v->inputs[i];
        if (strcmp(o->partner->code, "WLD") == 0 && strcmp(o->indicator, "value") == 0 &&
            o->base_value > 0) {
            *total = o->base_value;
            return MVEC_OK;
        }
    }
    double listed = 0;
    for (size_t p = 0; p < v->partner_count; p++) {
        const mvec_observation *value = NULL;
        for (size_t i = 0; i < v->input_count && value == NULL; i++)
            if (v->inputs[i]->partner == v->partners[p].partner &&
                strcmp(v->inputs[i]->indicator, "value") == 0)
                value = v->inputs[i];
        if (value == NULL)
            return mvec__error(ctx, MVEC_ERR_NO_DATA,
                               "%s %s %d: partner %s has a share but no value and no total is "
                               "given, so the values cannot be placed",
                               country->code, v->vector, v->year, v->partners[p].partner->code);
        listed += value->base_value;
    }
    if (!(v->unlisted.hi < 1) || !(listed > 0))
        return mvec__error(ctx, MVEC_ERR_NO_DATA, "%s %s %d: no listed value to redistribute",
                           country->code, v->vector, v->year);
    *total = listed / (1 - v->unlisted.hi);
    return MVEC_OK;
}

mvec_status mvec_frontier_build(mvec_ctx *ctx, const mvec_observations *observations,
                                const mvec_bloc_scheme *scheme,
                                const mvec_frontier_options *options,
                                const mvec_frontier_limits *limits, mvec_frontier **out)
{
    mvec_status status = MVEC_OK;
    mvec_profile *profile = NULL;
    mvec_frontier *f = NULL;
    const char **codes = NULL;
    double *values = NULL;
    size_t *blocs = NULL;
    const char **bloc_names = NULL;
    bool *great_power = NULL;
    mvec_frontier_group *groups = NULL;
    const char **members = NULL;
    mvec_frontier_options given = MVEC_FRONTIER_OPTIONS_INIT;
    mvec_frontier_limits lim = MVEC_FRONTIER_LIMITS_INIT;
    *out = NULL;
    MVEC_TRY(mvec__options_read(ctx, "mvec_frontier_options", "MVEC_FRONTIER_OPTIONS_INIT", &given,
                                sizeof given, sizeof given, options));
    MVEC_TRY(mvec__options_read(ctx, "mvec_frontier_limits", "MVEC_FRONTIER_LIMITS_INIT", &lim,
                                sizeof lim, sizeof lim, limits));
    MVEC_TRY(check_limits(ctx, &lim));
    const char *vector = given.vector ? given.vector : "trade.exports";
    mvec_profile_options profile_options = MVEC_PROFILE_OPTIONS_INIT;
    profile_options.country = given.country;
    profile_options.year = given.year;
    profile_options.basis = given.basis;
    profile_options.vector = vector;
    MVEC_TRY(mvec_profile_build(ctx, observations, scheme, NULL, &profile_options, &profile));
    const mvec_country *country = mvec_profile_country(profile);
    const mvec_vector_profile *v = NULL;
    for (size_t i = 0; i < mvec_profile_vector_count(profile); i++)
        if (strcmp(mvec_profile_vector(profile, i)->vector, vector) == 0)
            v = mvec_profile_vector(profile, i);
    if (v == NULL)
        MVEC_FAIL(ctx, MVEC_ERR_NO_DATA, "no data for vector '%s' of %s", vector, country->code);
    if (v->status != NULL && v->year == 0)
        MVEC_FAIL(ctx, MVEC_ERR_NO_DATA, "%s: not computed: %s", vector, v->status);
    if (v->status != NULL)
        MVEC_FAIL(ctx, MVEC_ERR_NO_DATA, "%s %d: not computed: %s", vector, v->year, v->status);
    if (v->from_memberships || v->partner_count == 0)
        MVEC_FAIL(ctx, MVEC_ERR_NO_DATA, "%s: not a distribution of values over partners", vector);
    /* a point distribution: one value per partner, a remainder of known size */
    if (v->unlisted.hi - v->unlisted.lo > 1e-12)
        MVEC_FAIL(ctx, MVEC_ERR_NO_DATA,
                  "%s %s %d: the unlisted remainder is %.4g-%.4g %% of the total (no total is "
                  "given): the frontier needs its size",
                  country->code, vector, v->year, 100 * v->unlisted.lo, 100 * v->unlisted.hi);
    for (size_t i = 0; i < v->partner_count; i++) {
        const mvec_partner_share *q = &v->partners[i];
        if (q->share.hi - q->share.lo > 1e-12)
            MVEC_FAIL(ctx, MVEC_ERR_NO_DATA,
                      "%s %s %d: partner %s has conflicting values (share %.4g-%.4g %%): the "
                      "frontier needs one value per partner",
                      country->code, vector, v->year, q->partner->code, 100 * q->share.lo,
                      100 * q->share.hi);
        if (q->partner->kind == MVEC_COUNTRY_AGGREGATE ||
            q->partner->kind == MVEC_COUNTRY_ORGANISATION)
            MVEC_FAIL(ctx, MVEC_ERR_NO_DATA,
                      "%s %s %d: partner %s (%s) is a group of countries: the frontier moves "
                      "values between single partners",
                      country->code, vector, v->year, q->partner->code, q->partner->name);
    }
    double total = 0;
    MVEC_TRY(distribution_total(ctx, country, v, &total));
    double remainder = v->unlisted.hi > 1e-12 ? v->unlisted.hi : 0;
    if (lim.objective == MVEC_FRONTIER_BALANCE && remainder > 0)
        MVEC_FAIL(ctx, MVEC_ERR_INVALID,
                  "%s %s %d: the balance objective needs every partner listed, but %.4g %% of "
                  "the total is an unlisted remainder whose blocs are unknown (the HHI "
                  "objective holds it fixed)",
                  country->code, vector, v->year, 100 * remainder);
    size_t n = v->partner_count;
    size_t bloc_count = mvec_bloc_count(scheme);
    MVEC_TRY(mvec__calloc(ctx, n, sizeof *codes, &codes));
    MVEC_TRY(mvec__calloc(ctx, n, sizeof *values, &values));
    MVEC_TRY(mvec__calloc(ctx, n, sizeof *blocs, &blocs));
    MVEC_TRY(mvec__calloc(ctx, bloc_count, sizeof *bloc_names, &bloc_names));
    MVEC_TRY(mvec__calloc(ctx, bloc_count, sizeof *great_power, &great_power));
    double listed_squares = 0;
    for (size_t i = 0; i < n; i++) {
        codes[i] = v->partners[i].partner->code;
        values[i] = v->partners[i].share.lo * total;
        blocs[i] = v->partners[i].bloc;
        listed_squares += v->partners[i].share.lo * v->partners[i].share.lo;
    }
    for (size_t b = 0; b < bloc_count; b++) {
        bloc_names[b] = mvec_bloc_name(scheme, b);
        great_power[b] = mvec_bloc_is_great_power(scheme, b);
    }
    /* group members by code or name, each a listed partner */
    if (lim.group_count > 0) {
        size_t member_total = 0;
        for (size_t k = 0; k < lim.group_count; k++)
            member_total += lim.groups[k].member_count;
        MVEC_TRY(mvec__calloc(ctx, lim.group_count, sizeof *groups, &groups));
        MVEC_TRY(mvec__calloc(ctx, member_total + 1, sizeof *members, &members));
        const mvec_countries *countries = mvec_observations_countries(observations);
        for (size_t k = 0, used = 0; k < lim.group_count; k++) {
            groups[k] = lim.groups[k];
            groups[k].members = members + used;
            for (size_t e = 0; e < lim.groups[k].member_count; e++) {
                const char *name = lim.groups[k].members[e] ? lim.groups[k].members[e] : "";
                const mvec_country *member = mvec_countries_find(countries, name);
                if (member == NULL)
                    MVEC_FAIL(ctx, MVEC_ERR_INVALID, "group '%s': unknown country '%s'",
                              lim.groups[k].name ? lim.groups[k].name : "", name);
                size_t i = 0;
                while (i < n && v->partners[i].partner != member)
                    i++;
                if (i == n)
                    MVEC_FAIL(ctx, MVEC_ERR_INVALID,
                              "group '%s': %s is not a listed partner of %s %s %d",
                              lim.groups[k].name ? lim.groups[k].name : "", member->code,
                              country->code, vector, v->year);
                members[used++] = member->code;
            }
        }
        lim.groups = groups;
    }
    mvec_frontier_input input = MVEC_FRONTIER_INPUT_INIT;
    input.partner_count = n;
    input.codes = codes;
    input.values = values;
    input.unit = v->dimension;
    input.bloc_count = bloc_count;
    input.bloc_names = bloc_names;
    input.great_power = great_power;
    input.blocs = blocs;
    input.fixed_value = remainder * total;
    if (remainder > 0) {
        /* the remainder's holders: what the profile's exact HHI bounds leave beyond the listed */
        mvec_interval hhi = v->indices->value[MVEC_INDEX_HHI];
        input.fixed_hhi.lo = fmax(0, hhi.lo - listed_squares);
        input.fixed_hhi.hi = fmax(input.fixed_hhi.lo, hhi.hi - listed_squares);
    }
    MVEC_TRY(mvec_frontier_solve(ctx, &input, &lim, &f));
    mvec_frontier_summary *r = &f->summary;
    r->country = country;
    r->vector = v->vector;
    r->year = v->year;
    r->period = v->period;
    r->basis = mvec_basis_name(v->basis);
    r->input_count = v->input_count;
    r->inputs = v->inputs;
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < n; j++)
            if (strcmp(f->partners[i].code, v->partners[j].partner->code) == 0)
                f->partners[i].name = v->partners[j].partner->name;
    f->profile = profile;
    profile = NULL;
    *out = f;
    f = NULL;
cleanup:
    mvec_frontier_free(ctx, f);
    mvec__free(ctx, members);
    mvec__free(ctx, groups);
    mvec__free(ctx, great_power);
    mvec__free(ctx, bloc_names);
    mvec__free(ctx, blocs);
    mvec__free(ctx, values);
    mvec__free(ctx, codes);
    mvec_profile_free(ctx, profile);
    return status;
}
