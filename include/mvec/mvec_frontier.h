/*
 * mvec_frontier.h - the diversification frontier: the most balanced
 * distribution of one vector a country could reach in N years, given how
 * fast volume can move between partners and how much more the routes to
 * groups of partners can carry, and which partners would absorb how much
 * (docs/methods.md, section 17).
 *
 * Model. Partner values x0_p (total X, held fixed), N years. Each partner
 * may fall to x0_p (1 - d)^N and grow to x0_p (1 + g)^N (d: the largest
 * yearly fall, a fraction in [0, 1]; g: the largest yearly growth, >= 0); a
 * partner with x0_p = 0 stays at 0. Group caps: for each group G_k,
 * sum over G_k of (x_p - x0_p) <= U_k (U_k, in the vector's unit, is the
 * spare capacity of the routes to those partners; a negative U_k makes the
 * group shed at least -U_k). An unlisted remainder whose size is known is
 * an unmovable block (its holders are unknown, so it can neither give nor
 * absorb); the balance objective refuses a remainder (its bloc is unknown).
 *
 * Objectives. MVEC_FRONTIER_HHI: the lowest partner HHI (sum of squared
 * shares of X). MVEC_FRONTIER_BALANCE: the highest balance among the great
 * powers of the bloc scheme, B = 1 - normalised HHI of sigma_b = S_b / E
 * (E = sum of the great powers' shares, the exposure, left free: the
 * linear-fractional programme is made linear by Charnes-Cooper). Both are
 * convex quadratics minimised by linear programmes (GLPK) over tangent
 * cuts z >= 2 a s - a^2, refined at each solution until the gap is below
 * 1e-10 or the round limit is reached. The optimum is reported as an
 * interval: [the last LP's optimum (a lower bound of the HHI), the exact
 * HHI of the distribution found (an upper bound)], for the balance the
 * same mapped through B; it contains the true optimum (up to GLPK's
 * tolerances, about 1e-9 here, far below the printed digits).
 *
 * Cost. HHI: an LP of 2m variables (m partners with a positive value) and
 * m + 1 + K + (4 + r) m rows after r refinement rounds (K groups, 4 grid
 * cuts per partner, one cut per partner per round); balance: m + 1 + P
 * variables (P great powers) and 2m + 2 + K + (11 + r) P rows. Dense
 * matrices, solved again each round: O(rows x variables) memory and at
 * most `max_rounds` + 1 simplex runs (30 by default; a few in practice).
 * The built-in Kazakhstan exports (134 partners) take a few hundredths of
 * a second.
 *
 * Results are owned by the caller (mvec_frontier_free); every pointer in
 * them is valid until then (a frontier built from observations also
 * borrows from them: the store must outlive it).
 */
#ifndef MVEC_FRONTIER_H
#define MVEC_FRONTIER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h> /* SIZE_MAX marks "no bloc" */

#include "mvec_bloc.h"
#include "mvec_index.h"
#include "mvec_obs.h"
#include "mvec_write.h"

typedef enum mvec_frontier_objective {
    MVEC_FRONTIER_HHI = 0, /* lowest partner HHI */
    MVEC_FRONTIER_BALANCE, /* highest balance among the great powers */
} mvec_frontier_objective;

/* "hhi" or "balance". Cannot fail (NULL for a value outside the enum). */
MVEC_API const char *mvec_frontier_objective_name(mvec_frontier_objective objective);
/* Statuses: MVEC_ERR_INVALID for a name other than "hhi" or "balance". */
MVEC_API mvec_status mvec_frontier_objective_from_name(mvec_ctx *ctx, const char *name,
                                                       mvec_frontier_objective *out);

/* A group of partners whose combined value may grow by at most `cap`. */
typedef struct mvec_frontier_group {
    const char *name; /* shown in output and messages ([A-Za-z0-9_.-]+ by the parser) */
    size_t member_count;
    const char *const *members; /* partner codes (or names, for mvec_frontier_build) */
    double cap;                 /* U_k, in the vector's base unit (USD for money); finite */
} mvec_frontier_group;

/* Parse "NAME=CODE,CODE:AMOUNT[;NAME=...]" (AMOUNT a finite number in the
 * vector's base unit, e.g. 2.5e9 for USD 2.5 bn; negative: the group must
 * shed at least that much) into groups; the strings point into one block.
 * Release with mvec_frontier_groups_free.
 * Statuses: MVEC_ERR_INVALID for malformed text (the message quotes the
 * part and says what was expected), a repeated group name or a group over
 * 1000 members; MVEC_ERR_NOMEM. */
MVEC_API mvec_status mvec_frontier_groups_parse(mvec_ctx *ctx, const char *text,
                                                mvec_frontier_group **groups, size_t *count);
/* NULL is a no-op. */
MVEC_API void mvec_frontier_groups_free(mvec_ctx *ctx, mvec_frontier_group *groups);

/* The limits and the objective. Start from MVEC_FRONTIER_LIMITS_INIT. */
typedef struct mvec_frontier_limits {
    size_t size; /* sizeof the struct: set by MVEC_FRONTIER_LIMITS_INIT */
    mvec_frontier_objective objective;
    int years;         /* N, 1 to 100 (default 5) */
    double max_shift;  /* d: largest yearly fall, fraction in [0, 1] (default 0.10) */
    double max_growth; /* g: largest yearly growth, fraction in [0, 100] (default 0.15) */
    size_t group_count;
    const mvec_frontier_group *groups; /* may be NULL when group_count is 0 */
    size_t max_rounds; /* refinement rounds after the first LP, 0 to 200 (default 30) */
} mvec_frontier_limits;

#define MVEC_FRONTIER_LIMITS_INIT                                                                  \
    {                                                                                              \
        sizeof(mvec_frontier_limits), MVEC_FRONTIER_HHI, 5, 0.10, 0.15, 0, NULL, 30                \
    }

/* A distribution given directly (mvec_frontier_solve). */
typedef struct mvec_frontier_input {
    size_t size; /* sizeof the struct: set by MVEC_FRONTIER_INPUT_INIT */
    size_t partner_count;
    const char *const *codes;      /* partner codes, distinct (names in output and group members) */
    const double *values;          /* x0_p >= 0, finite, in `unit` */
    const char *unit;              /* e.g. "USD"; NULL: "" */
    size_t bloc_count;             /* 0: no blocs (the balance objective then cannot run) */
    const char *const *bloc_names; /* bloc_count names */
    const bool *great_power;       /* bloc_count flags */
    const size_t *blocs;           /* partner_count bloc numbers (SIZE_MAX: none); NULL: none */
    double fixed_value;            /* an unmovable remainder, >= 0, in `unit` (counted in X) */
    mvec_interval fixed_hhi;       /* its holders' contribution to the HHI (their squared shares
                                      of X summed), e.g. [0, (F / X)^2]; [0, 0] without one */
} mvec_frontier_input;

#define MVEC_FRONTIER_INPUT_INIT                                                                   \
    {                                                                                              \
        sizeof(mvec_frontier_input), 0, NULL, NULL, NULL, 0, NULL, NULL, NULL, 0,                  \
        {                                                                                          \
            0, 0                                                                                   \
        }                                                                                          \
    }

/* Which limit holds a partner at the frontier. */
typedef enum mvec_frontier_bound {
    MVEC_FRONTIER_FREE = 0, /* between its limits */
    MVEC_FRONTIER_FLOOR,    /* at x0 (1 - d)^N: gives up all it may */
    MVEC_FRONTIER_CEILING,  /* at x0 (1 + g)^N: absorbs all it may */
    MVEC_FRONTIER_ZERO,     /* x0 = 0: stays at 0 */
} mvec_frontier_bound;

typedef struct mvec_frontier_partner {
    const char *code;
    const char *name;      /* the country's name; the code when given directly */
    size_t bloc;           /* SIZE_MAX: none (or the country itself) */
    double baseline;       /* x0_p, in the unit */
    double frontier;       /* x_p at the frontier */
    double lowest;         /* x0_p (1 - d)^N */
    double highest;        /* x0_p (1 + g)^N */
    double baseline_share; /* x0_p / X (a fraction) */
    double frontier_share; /* x_p / X */
    mvec_frontier_bound bound;
    bool grouped; /* in a group whose cap binds */
} mvec_frontier_partner;

typedef struct mvec_frontier_group_result {
    const char *name;
    double cap;    /* U_k */
    double change; /* sum of (x_p - x0_p) over its members at the frontier */
    bool binding;  /* change = cap (to 1e-9 of X) */
    size_t member_count;
} mvec_frontier_group_result;

typedef struct mvec_frontier_summary {
    mvec_frontier_objective objective;
    int years;
    double max_shift, max_growth;
    /* the distribution (from mvec_frontier_build; NULL/0 when given directly) */
    const mvec_country *country;
    const char *vector;
    int year;
    const char *period; /* "" for the whole year */
    const char *basis;  /* "reporter", ... ("" when given directly) */
    const char *unit;   /* base unit of the values ("USD", "t", "share", ...) */
    double total;       /* X (fixed), in the unit */
    double fixed_value; /* the unmovable remainder, in the unit (0: none) */
    size_t partner_count;
    const mvec_frontier_partner *partners; /* largest baseline first */
    size_t group_count;
    const mvec_frontier_group_result *groups;
    size_t bloc_count;
    const char *const *bloc_names;
    const bool *great_power;
    const double *bloc_baseline; /* bloc_count shares of X (the remainder in none) */
    const double *bloc_frontier;
    mvec_interval hhi_baseline; /* partner HHI (an interval only with a remainder) */
    mvec_interval hhi_frontier; /* HHI of the frontier distribution */
    mvec_interval hhi_optimum;  /* HHI objective: [LP bound, achieved] (+ the remainder's
                                   bounds): holds the lowest reachable HHI; NaN otherwise */
    double exposure_baseline;   /* sum of great-power bloc shares; NaN without great powers */
    double exposure_frontier;
    double balance_baseline; /* NaN with fewer than two great powers or no exposure */
    double balance_frontier;
    mvec_interval balance_optimum; /* balance objective: [achieved, LP bound]; NaN otherwise */
    size_t great_power_count;
    size_t lp_variables; /* of the last LP */
    size_t lp_rows;
    size_t rounds;      /* LPs solved */
    bool converged;     /* the gap fell below 1e-10 within the rounds */
    size_t input_count; /* observations behind the values (0 when given directly) */
    const mvec_observation *const *inputs;
} mvec_frontier_summary;

typedef struct mvec_frontier mvec_frontier;

/* The frontier of a distribution given directly.
 * Statuses: MVEC_ERR_INVALID for an input or limits not made with their
 * INIT macros, a negative or non-finite value, a total of 0, a repeated
 * code, limits out of range, a group naming an unknown or repeated member,
 * the balance objective without two great powers, a remainder or any
 * great-power value, or caps that leave no feasible distribution (the
 * message names the group that cannot be satisfied when one alone
 * cannot); MVEC_ERR_SOLVER when GLPK fails; MVEC_ERR_NOMEM;
 * MVEC_ERR_CANCELLED (consulted each round). */
MVEC_API mvec_status mvec_frontier_solve(mvec_ctx *ctx, const mvec_frontier_input *input,
                                         const mvec_frontier_limits *limits, mvec_frontier **out);

typedef struct mvec_frontier_options {
    size_t size;         /* sizeof the struct: set by MVEC_FRONTIER_OPTIONS_INIT */
    const char *country; /* code or name; NULL: "KAZ" */
    const char *vector;  /* NULL: "trade.exports" */
    int year;            /* 0: the latest year the profile would use */
    const char *basis;   /* NULL: any (as mvec_profile_options) */
} mvec_frontier_options;

#define MVEC_FRONTIER_OPTIONS_INIT                                                                 \
    {                                                                                              \
        sizeof(mvec_frontier_options), NULL, NULL, 0, NULL                                         \
    }

/* The frontier of the distribution mvec_profile_build picks for one vector
 * (the same year, basis and values as `mvec shares`). The distribution must
 * be a point: one value per partner, each partner a country (not an
 * aggregate such as the EU), and the unlisted remainder of known size.
 * Group members are codes or names of listed partners.
 * Statuses: MVEC_ERR_INVALID as mvec_frontier_solve, for an unknown
 * country, basis or group member, the balance objective on a distribution
 * with an unlisted remainder (its blocs are unknown), or options not made
 * with their INIT macro; MVEC_ERR_NO_DATA when the vector has no usable
 * distribution (none in the year, conflicting values, an aggregate partner,
 * a remainder of unknown size: the message says which); MVEC_ERR_LIMIT, MVEC_ERR_SOLVER,
 * MVEC_ERR_NOMEM and MVEC_ERR_CANCELLED from the profile or the LP; MVEC_ERR_INTERNAL. */
MVEC_API mvec_status mvec_frontier_build(mvec_ctx *ctx, const mvec_observations *observations,
                                         const mvec_bloc_scheme *scheme,
                                         const mvec_frontier_options *options,
                                         const mvec_frontier_limits *limits, mvec_frontier **out);

/* NULL is a no-op. */
MVEC_API void mvec_frontier_free(mvec_ctx *ctx, mvec_frontier *frontier);

/* The result. Cannot fail. */
MVEC_API const mvec_frontier_summary *mvec_frontier_result(const mvec_frontier *frontier);

/* Write the frontier: a heading with the limits, one row per partner
 * (baseline and frontier value and share, the change, "absorbs" or "gives
 * up", the limit that holds), the groups, the HHI and balance baseline
 * against the frontier interval, bloc shares before and after, and the
 * sources of the values; the table fits 120 columns.
 * Statuses: as mvec_profile_write. */
MVEC_API mvec_status mvec_frontier_write(mvec_ctx *ctx, const mvec_frontier *frontier,
                                         mvec_format format, unsigned flags, const mvec_sink *sink);

#endif
