/*
 * mvec_robust.h - robustness across bloc schemes: the same profile or claim
 * checks computed under several schemes (powers, treaties, a user's file),
 * and the conclusions that flip between them (docs/methods.md, "Robustness
 * across bloc schemes").
 *
 * Three kinds of conclusion are compared, each with one value per scheme:
 * a vector's leader (the great-power bloc first in every allocation, or
 * none), the side of 0.5 its balance lies on (above when the whole interval
 * is above 0.5, below when the whole interval is below, else uncertain),
 * and a claim's verdict. A conclusion flips when two schemes reach opposite
 * certain values (two different leaders, above and below, holds and fails);
 * it is uncertain when the schemes do not all agree but none contradicts
 * another (a leader under one scheme, none under another; an interval that
 * straddles 0.5). Two leaders are the same when their blocs have the same
 * name or the same anchor (the code of the row that first names the bloc:
 * RUS for both RUS-EAEU and RUS-CSTO).
 */
#ifndef MVEC_ROBUST_H
#define MVEC_ROBUST_H

#include <stdbool.h>
#include <stddef.h>

#include "mvec_claim.h"
#include "mvec_profile.h"
#include "mvec_write.h"

/* Most schemes one comparison takes. */
#define MVEC_ROBUST_SCHEME_LIMIT 8

typedef enum mvec_robust_kind {
    MVEC_ROBUST_LEADER = 0, /* a vector's (or the composite's) certain leader */
    MVEC_ROBUST_BALANCE,    /* the side of 0.5 its balance lies on */
    MVEC_ROBUST_VERDICT,    /* a claim's verdict */
} mvec_robust_kind;

typedef enum mvec_robust_outcome {
    MVEC_ROBUST_SAME = 0,  /* every scheme gives the same value */
    MVEC_ROBUST_FLIPS,     /* two schemes give opposite certain values */
    MVEC_ROBUST_UNCERTAIN, /* they differ, but only by a value some scheme cannot decide */
} mvec_robust_outcome;

typedef enum mvec_balance_side {
    MVEC_BALANCE_ABOVE = 0, /* the whole interval is above 0.5 */
    MVEC_BALANCE_BELOW,     /* the whole interval is below 0.5 */
    MVEC_BALANCE_UNCERTAIN, /* it contains 0.5, or is undefined (NaN) */
} mvec_balance_side;

/* The side of 0.5 a balance interval lies on. Cannot fail. */
MVEC_API mvec_balance_side mvec_balance_side_of(mvec_interval balance);
/* "above 0.5", "below 0.5", "uncertain". Cannot fail. */
MVEC_API const char *mvec_balance_side_name(mvec_balance_side side);
/* "leader", "balance", "verdict". Cannot fail. */
MVEC_API const char *mvec_robust_kind_name(mvec_robust_kind kind);
/* "same", "flips", "uncertain". Cannot fail. */
MVEC_API const char *mvec_robust_outcome_name(mvec_robust_outcome outcome);

typedef struct mvec_robust_conclusion {
    mvec_robust_kind kind;
    const char *subject; /* the vector, "composite", or the claim id */
    size_t scheme_count;
    const char *const *values; /* per scheme: a bloc name or "none"; "above 0.5", "below
                                  0.5", "uncertain"; "holds", "fails", "undecidable";
                                  "-" when the vector has no result under that scheme */
    mvec_robust_outcome outcome;
} mvec_robust_conclusion;

typedef struct mvec_robust mvec_robust;

/* Compare profiles of one country built with the same options under
 * different schemes (profiles[i] under scheme i; 1 to
 * MVEC_ROBUST_SCHEME_LIMIT of them). Vectors are matched by name; a vector
 * missing under a scheme counts as "-" (uncertain). The conclusions come in
 * the first profile's vector order, leader then balance, the composite last.
 * Statuses: MVEC_ERR_INVALID for no profile, more than the limit, or
 * profiles of different countries; MVEC_ERR_NOMEM. Cost O(s v^2) for s
 * schemes and v vectors (v is a few dozen). */
MVEC_API mvec_status mvec_robust_profiles(mvec_ctx *ctx, const mvec_profile *const *profiles,
                                          size_t count, mvec_robust **out);
/* Compare claim checks of one country made under different schemes
 * (mvec_claim_options.scheme); one conclusion per claim, in order.
 * Statuses: as mvec_robust_profiles (claims of different countries or
 * different claim lists are MVEC_ERR_INVALID). */
MVEC_API mvec_status mvec_robust_claims(mvec_ctx *ctx, const mvec_claims *const *claims,
                                        size_t count, mvec_robust **out);
/* NULL is a no-op. */
MVEC_API void mvec_robust_free(mvec_ctx *ctx, mvec_robust *robust);

/* The accessors below cannot fail; mvec_robust_at returns NULL past the end. */
MVEC_API size_t mvec_robust_scheme_count(const mvec_robust *robust);
/* The scheme's name: a built-in name or the file given. */
MVEC_API const char *mvec_robust_scheme_name(const mvec_robust *robust, size_t scheme);
MVEC_API size_t mvec_robust_count(const mvec_robust *robust);
MVEC_API const mvec_robust_conclusion *mvec_robust_at(const mvec_robust *robust, size_t index);
/* How many conclusions have the outcome `outcome`. */
MVEC_API size_t mvec_robust_count_outcome(const mvec_robust *robust, mvec_robust_outcome outcome);

/* ---- writers (deterministic, as in mvec_write.h) -------------------------------------- */

/* Per vector, the bloc-based numbers under each scheme (great-power shares,
 * exposure, balance and its side of 0.5, leader, margin), one row per
 * scheme, the composite last; then the conclusions that flip, or "no
 * conclusion flips between the schemes". CSV: one row per vector and scheme,
 * with the outcome across schemes on every row; JSON: {"country", "schemes",
 * "vectors", "conclusions"}. `profiles` and `robust` as given to and made by
 * mvec_robust_profiles. The table fits 120 columns.
 * Statuses: MVEC_ERR_INVALID when the counts differ; and as
 * mvec_profile_write. */
MVEC_API mvec_status mvec_robust_profile_write(mvec_ctx *ctx, const mvec_profile *const *profiles,
                                               size_t count, const mvec_robust *robust,
                                               mvec_format format, const mvec_sink *sink);
/* Every partner of `vector` with its share and its bloc under each scheme,
 * then the vector's bloc-based numbers and flips as above. CSV: the partner
 * rows, a bloc column per scheme (bloc_<scheme>).
 * Statuses: MVEC_ERR_NO_DATA when the first profile did not compute
 * `vector`; and as mvec_robust_profile_write. */
MVEC_API mvec_status mvec_robust_shares_write(mvec_ctx *ctx, const mvec_profile *const *profiles,
                                              size_t count, const char *vector,
                                              const mvec_robust *robust, mvec_format format,
                                              const mvec_sink *sink);
/* Each claim's verdict under each scheme and whether it reads the blocs;
 * the numbers of the claims that do, under each scheme; then the flips.
 * CSV: one row per claim and scheme.
 * Statuses: as mvec_robust_profile_write. */
MVEC_API mvec_status mvec_robust_claims_write(mvec_ctx *ctx, const mvec_claims *const *claims,
                                              size_t count, const mvec_robust *robust,
                                              mvec_format format, const mvec_sink *sink);

#endif
