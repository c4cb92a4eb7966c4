/*
 * mvec_claim.h - checks of the seed articles' claims about a country's trade
 * against the data loaded.
 *
 * Each claim has a rule with stated thresholds (docs/methods.md, "Claim
 * checks"); it is evaluated on the trade.total distribution of each
 * statistical basis available, with every number as an interval, and gets
 * a verdict: it holds for every allocation consistent with the data, it
 * fails for every one, or the data cannot decide.
 *
 * The distribution of a year and basis is the one the profile would show,
 * evaluated with the memberships (an aggregate's reported total, the EU's,
 * constrains its members). The country's observations are grouped once and
 * each year and basis is evaluated at most once per call: the cost is that
 * of evaluating the distributions the claims read (docs/methods.md).
 */
#ifndef MVEC_CLAIM_H
#define MVEC_CLAIM_H

#include <stdbool.h>
#include <stddef.h>

#include "mvec_bloc.h"
#include "mvec_obs.h"

typedef enum mvec_verdict {
    MVEC_VERDICT_HOLDS = 0,
    MVEC_VERDICT_FAILS,
    MVEC_VERDICT_UNDECIDABLE,
} mvec_verdict;

/* "holds", "fails", "undecidable". Cannot fail. */
MVEC_API const char *mvec_verdict_name(mvec_verdict verdict);

typedef struct mvec_claim_result {
    const char *id;        /* e.g. "china-top-2023" */
    const char *claim;     /* the claim as the seed words it */
    const char *seed;      /* seed article file */
    const char *rule;      /* the rule and its thresholds, in words */
    mvec_verdict verdict;
    const char *numbers;   /* the numbers the verdict rests on */
    const char *data;      /* which data: year, basis, number of inputs */
    bool uses_blocs;       /* the rule reads the bloc scheme (its verdict may change with it) */
} mvec_claim_result;

typedef struct mvec_claims mvec_claims;

typedef struct mvec_claim_options {
    size_t size;           /* sizeof the struct: set by MVEC_CLAIM_OPTIONS_INIT */
    const char *country;   /* NULL: "KAZ" */
    int year;              /* the year for claims without one of their own (a claim
                              "... in 2023" keeps 2023); 0: every year with data, or
                              the latest, as the rule says */
    const mvec_bloc_scheme *scheme; /* the scheme of the rules that read blocs; NULL: the
                              built-in "powers" (appended: older callers leave it out) */
} mvec_claim_options;

#define MVEC_CLAIM_OPTIONS_INIT {sizeof(mvec_claim_options), NULL, 0, NULL}

/* Evaluate every claim in data/claims.csv. `memberships` may be NULL (the
 * built-in table is used); `options` may be NULL for the defaults (else
 * start it from MVEC_CLAIM_OPTIONS_INIT). A claim the data cannot reach is
 * "undecidable", not an error. The cancel callback is consulted per claim
 * and per evaluation.
 * Statuses: MVEC_ERR_INVALID for an unknown country or an options struct not
 * made with its INIT macro; MVEC_ERR_SOLVER when GLPK fails;
 * MVEC_ERR_LIMIT as mvec_profile_build; MVEC_ERR_NOMEM; MVEC_ERR_CANCELLED;
 * MVEC_ERR_INTERNAL. */
MVEC_API mvec_status mvec_claims_check(mvec_ctx *ctx, const mvec_observations *observations,
                                       const mvec_memberships *memberships,
                                       const mvec_claim_options *options, mvec_claims **out);
/* NULL is a no-op. */
MVEC_API void mvec_claims_free(mvec_ctx *ctx, mvec_claims *claims);
/* The accessors below cannot fail; mvec_claims_at returns NULL past the end. */
MVEC_API size_t mvec_claims_count(const mvec_claims *claims);
MVEC_API const mvec_claim_result *mvec_claims_at(const mvec_claims *claims, size_t index);
MVEC_API const mvec_country *mvec_claims_country(const mvec_claims *claims);
/* The name of the scheme the bloc rules used ("powers" by default). */
MVEC_API const char *mvec_claims_scheme_name(const mvec_claims *claims);

#endif
