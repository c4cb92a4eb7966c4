/*
 * profile_internal.h - what profile.c, composite.c and claims.c share: the
 * collection of a country's distributions (grouped once, sorted once) and
 * the composite across vectors.
 */
#ifndef MVEC_PROFILE_INTERNAL_H
#define MVEC_PROFILE_INTERNAL_H

#include "distribution.h"

/* ---- profile.c: the collection --------------------------------------------------------- */

/* Every distribution of one country, grouped from the observations once
 * (O(observations) expected: keys are interned), with the candidates of
 * each vector in order of preference (sorted once, O(d log d)). Profile,
 * shares and check all evaluate from one collection. */
typedef struct mvec__collection {
    const mvec_country *country;
    mvec__distribution_set set;
    const mvec__distribution **order; /* set.count: grouped by vector, best first */
} mvec__collection;

mvec_status mvec__collection_build(mvec_ctx *ctx, const mvec_observations *observations,
                                   const mvec_country *country, mvec__collection *out);
/* Add the institutions distribution of `year` from the memberships (when the
 * country has any that year) and sort again. */
mvec_status mvec__collection_add_memberships(mvec_ctx *ctx, mvec__collection *collection,
                                             const mvec_memberships *memberships, int year);
void mvec__collection_clear(mvec_ctx *ctx, mvec__collection *collection);

/* Which candidates count: a vector (NULL: any), a year (0: any), a basis
 * (-1: any). */
typedef struct mvec__candidate_filter {
    const char *vector;
    int year;
    int basis;
} mvec__candidate_filter;

/* The vector's representative: candidates of `vector` passing `filter` are
 * evaluated best first until one is usable (the first evaluated is kept if
 * none is). *chosen is its position in collection->order, or SIZE_MAX when
 * no candidate passed the filter (result->vector is then NULL). Evaluates
 * only the candidates tried: O(candidates of the vector) plus evaluation. */
mvec_status mvec__collection_pick(mvec_ctx *ctx, const mvec__collection *collection,
                                  const mvec__evaluation_context *context, const char *vector,
                                  const mvec__candidate_filter *filter, mvec__arena *arena,
                                  mvec_vector_profile *result, mvec__points *vertices,
                                  size_t *chosen);

/* ---- composite.c: weights and the composite ------------------------------------------- */

typedef struct mvec__weight_setting {
    const char *vector; /* in the arena */
    double weight;      /* finite, >= 0 */
} mvec__weight_setting;

/* Parse "v=w,v=w" (O(length)). MVEC_ERR_INVALID for a malformed item, a
 * negative or non-finite weight. */
mvec_status mvec__weights_parse(mvec_ctx *ctx, mvec__arena *arena, const char *text,
                                mvec__weight_setting **out, size_t *count);

/* Fill `composite` (allocations in `arena`) and each vector's normalised
 * weight from the vectors, their great-power vertex sets and the settings.
 * Cost: O(vectors x settings) for the weights; the balance bounds as stated
 * in mvec_profile.h. */
mvec_status mvec__composite_build(mvec_ctx *ctx, mvec__arena *arena,
                                  const mvec_bloc_scheme *scheme, mvec_vector_profile *vectors,
                                  size_t vector_count, const mvec__points *vertex_sets,
                                  const mvec__weight_setting *settings, size_t setting_count,
                                  mvec_composite *composite);

#endif
