/*
 * mvec_profile.h - a country's multi-vector profile: for each vector, the
 * partner distribution of one year with its shares, bloc shares, balance,
 * lead margin, exposure and concentration (intervals where the data are
 * incomplete or conflict), the inputs used and why; then a composite across
 * vectors with user weights.
 *
 * How one distribution is assembled (docs/methods.md, "Distributions"):
 * observations of the country with indicator "value" or "share", not
 * superseded, are grouped by (vector, year, period, basis, unit dimension).
 * Values qualified ">" or "<" are bounds: recorded as excluded inputs, not
 * used. When two sources give different values for one partner, every
 * combination is evaluated and the intervals cover them all. The unlisted
 * remainder is bounded as in mvec_index.h; an aggregate partner with a known
 * member list (the EU of that year) constrains where its remainder can go.
 *
 * Which distribution represents a vector: the requested year, or else the
 * latest year with a whole-year distribution (a partial period only when no
 * whole-year one exists); within that year, reporter statistics before
 * partner, third-party and unstated ones, values before shares, then the
 * one listing more partners; an official table (a whole distribution from
 * one official source) comes before every other whole-year distribution,
 * whatever its year. The others are kept as alternatives. Where the chosen
 * distribution is the reporter's and partners' mirror figures exist for the
 * same year, the two are compared (mvec_mirror).
 *
 * Composite (docs/methods.md, section 6): bloc shares and exposure are
 * weighted means of the vectors' intervals; balance, lead margin and the
 * certain leader are bounded over the image of the weighted Minkowski sum
 * of the vectors' polytopes without listing it. With N = 3 great powers the
 * image is a polygon traced exactly; with any other N, by linear programmes
 * (Charnes-Cooper) for the margin, Wolfe's minimum-norm point over a support
 * oracle for the minimum HHI, and a branch and bound of linear programmes
 * for the maximum HHI (exact to 1e-9, never narrower than the exact
 * interval). A scheme may mark at most MVEC_GREAT_POWER_LIMIT (6) blocs as
 * great powers; one with more is rejected when it is loaded.
 *
 * Cost, for n observations, d distributions of the country, and m vertices
 * over all vectors' great-power polytopes: grouping O(n) expected (keys are
 * interned strings, compared as pointers), ordering the candidates
 * O(d log d); each vector evaluates its candidates best first until one is
 * usable. The composite: O(m N) per oracle query; with N = 3, O(q^2)
 * queries for a polygon of q vertices (q is small: tens); otherwise
 * N + N(N - 1) linear programmes of m + 2 variables for the margin and at
 * most 20,000 for the maximum HHI (a few dozen in practice). m grows as 2^N
 * (a pool's polytope has up to (N + 1) 2^(N + 1) vertices), hence the limit
 * on N. The built-in data with four great powers take about 0.1 s.
 */
#ifndef MVEC_PROFILE_H
#define MVEC_PROFILE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h> /* SIZE_MAX marks "no bloc" */

#include "mvec_bloc.h"
#include "mvec_index.h"
#include "mvec_obs.h"

typedef struct mvec_partner_share {
    const mvec_country *partner;
    mvec_interval share;
    size_t bloc;          /* bloc in the scheme; SIZE_MAX for the country itself (domestic) */
} mvec_partner_share;

/* Another distribution that could have represented the vector. */
typedef struct mvec_alternative {
    int year;
    const char *period;
    mvec_basis basis;
    const char *dimension;
    const char *table;    /* the statistical table it comes from, NULL when compiled */
    size_t listed_count;
    const char *status;   /* NULL when computable, else why not */
    const char *source;   /* the one publication all its figures come from (a table's, or a
                             newspaper's single figure), NULL when they come from several */
} mvec_alternative;

/* Reporter against mirror (docs/methods.md section 5): the same vector and
 * year in the partners' own statistics (basis partner), from the one source
 * that gives the most partner figures there. Shares are compared, never
 * values, so the two may be in different currencies. */
typedef struct mvec_mirror {
    const char *source;       /* the mirror figures' publication */
    const char *dimension;    /* their unit dimension ("EUR" for Eurostat) */
    bool whole;               /* both list partners that make up their totals: shares of the
                                 totals; else shares within the partners both list */
    size_t partner_count;     /* partners compared */
    double reporter_hhi;      /* HHI of those shares, from the reporter's figures */
    double mirror_hhi;        /* the same from the mirror figures */
    const mvec_country *gap_partner; /* the partner whose share differs most; NULL: none */
    double reporter_share;    /* its share in the reporter's figures (a fraction) */
    double mirror_share;      /* its share in the mirror figures */
} mvec_mirror;

typedef struct mvec_vector_profile {
    const char *vector;
    const char *status;         /* NULL when computed; else why the vector has no result */
    int year;
    const char *period;         /* "" for the whole year */
    mvec_basis basis;
    const char *dimension;      /* "USD", "share", "t", "count", ... */
    const char *table;          /* the statistical table used, NULL when compiled from figures */
    bool from_memberships;      /* built from the membership table (institutions) */
    size_t partner_count;
    const mvec_partner_share *partners; /* listed partners, largest upper share first */
    mvec_interval unlisted;     /* share of the total not held by listed partners */
    mvec_interval largest_unlisted; /* largest share one unlisted partner could hold */
    const mvec_interval *bloc_shares; /* one per bloc of the scheme */
    mvec_interval domestic;     /* share held by the country itself (0 for most vectors) */
    mvec_interval exposure;     /* sum of great-power bloc shares */
    mvec_interval balance;      /* 1 - HHI* of the normalised great-power shares */
    mvec_interval margin;       /* lead of the first great power over the second (normalised) */
    size_t leader;              /* bloc that leads in every allocation, or SIZE_MAX */
    const mvec_index_bounds *indices; /* partner-level concentration (never NULL) */
    double cap;                 /* cap on an unlisted partner's share (INFINITY: none) */
    size_t scenario_count;      /* combinations of conflicting values evaluated */
    size_t input_count;
    const mvec_observation *const *inputs;     /* observations used */
    size_t excluded_count;
    const mvec_observation *const *excluded;   /* bounds (">", "<") not used */
    size_t membership_count;
    const mvec_membership *const *memberships; /* for the institutions vector */
    size_t alternative_count;
    const mvec_alternative *alternatives;
    double weight;              /* normalised weight in the composite (0: not in it) */
    const mvec_mirror *mirror;  /* reporter vs mirror of the same year; NULL when the vector
                                   is not on reporter basis or no mirror figures exist */
} mvec_vector_profile;

typedef struct mvec_composite {
    const char *status;               /* NULL when computed */
    size_t vector_count;              /* vectors with a positive weight */
    const mvec_interval *bloc_shares; /* weighted mean of the vectors' bloc shares */
    mvec_interval exposure;
    mvec_interval balance;
    mvec_interval margin;
    size_t leader;
    const char *weights_text;         /* e.g. "trade.exports=1 trade.imports=1 ..." */
} mvec_composite;

typedef struct mvec_profile_options {
    size_t size;          /* sizeof the struct: set by MVEC_PROFILE_OPTIONS_INIT */
    const char *country;  /* code or name; NULL: "KAZ" */
    int year;             /* 0: latest per vector */
    const char *weights;  /* "trade.exports=2,fdi.stock=1" (others keep their default); NULL */
    const char *basis;    /* only this basis ("reporter", "partner", ...); NULL: any */
    const char *vector;   /* only this vector; NULL: all */
} mvec_profile_options;

#define MVEC_PROFILE_OPTIONS_INIT {sizeof(mvec_profile_options), NULL, 0, NULL, NULL, NULL}

typedef struct mvec_profile mvec_profile;

/* Build the profile. `memberships` may be NULL (no institutions vector);
 * `options` may be NULL for the defaults (else start it from
 * MVEC_PROFILE_OPTIONS_INIT). The cancel callback is consulted at each
 * vector and in the composite's loops.
 * Statuses: MVEC_ERR_INVALID for an unknown country or basis, a weights
 * text that is malformed (a weight is a finite number >= 0) or names a
 * vector the profile lacks, or an options struct not made with its INIT
 * macro; MVEC_ERR_NO_DATA when the country has no observations at all;
 * MVEC_ERR_LIMIT when a distribution has more extreme allocations than
 * supported; MVEC_ERR_SOLVER when GLPK or GSL fails; MVEC_ERR_NOMEM;
 * MVEC_ERR_CANCELLED; MVEC_ERR_INTERNAL. */
MVEC_API mvec_status mvec_profile_build(mvec_ctx *ctx, const mvec_observations *observations,
                                        const mvec_bloc_scheme *scheme,
                                        const mvec_memberships *memberships,
                                        const mvec_profile_options *options,
                                        mvec_profile **out);
/* NULL is a no-op. */
MVEC_API void mvec_profile_free(mvec_ctx *ctx, mvec_profile *profile);

/* The accessors below cannot fail; mvec_profile_vector returns NULL past the end. */
MVEC_API const mvec_country *mvec_profile_country(const mvec_profile *profile);
MVEC_API const mvec_bloc_scheme *mvec_profile_scheme(const mvec_profile *profile);
MVEC_API size_t mvec_profile_vector_count(const mvec_profile *profile);
MVEC_API const mvec_vector_profile *mvec_profile_vector(const mvec_profile *profile,
                                                        size_t index);
MVEC_API const mvec_composite *mvec_profile_composite(const mvec_profile *profile);
/* The assumption behind every interval, as one sentence. */
MVEC_API const char *mvec_profile_assumption(const mvec_profile *profile);

#endif
