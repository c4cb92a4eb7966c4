/*
 * distribution.h - partner distributions assembled from observations, and
 * their evaluation into a vector profile (bounds over conflicting values and
 * over the unlisted remainder).
 */
#ifndef MVEC_DISTRIBUTION_H
#define MVEC_DISTRIBUTION_H

#include "calc_internal.h"

/* One value reported for an entry, with every observation that reports it. */
typedef struct mvec__option {
    double value;                         /* in the dimension's base unit */
    const mvec_observation **sources;
    size_t source_count;
    size_t source_capacity;
} mvec__option;

/* A partner (or the total, an aggregate, the residual) of a distribution. */
typedef struct mvec__entry {
    const mvec_country *partner;
    const char *item;
    mvec__option *options;
    size_t option_count;
    size_t option_capacity;
} mvec__entry;

typedef struct mvec__distribution {
    const mvec_country *country;
    const char *vector;
    int year;
    const char *period;
    mvec_basis basis;
    const char *dimension;
    bool share_based;               /* dimension "share": values are fractions of the whole */
    const char *table;              /* source of a statistical table, NULL when compiled */
    bool official;                  /* a table whose figures are all quality official */
    bool organisations_are_partners; /* institutions: organisations count as partners */
    bool complete;                  /* every partner is listed: the total is their sum */
    const mvec_membership **memberships; /* for a distribution built from memberships */
    size_t membership_count;
    size_t membership_capacity;
    mvec__entry *entries;
    size_t entry_count;
    size_t entry_capacity;
    const mvec_observation **excluded;  /* bounds (">", "<"), not used */
    size_t excluded_count;
    size_t excluded_capacity;
} mvec__distribution;

typedef struct mvec__distribution_set {
    mvec__distribution *items;
    size_t count;
    size_t capacity;
} mvec__distribution_set;

/* Group the usable observations of `country` into distributions. */
mvec_status mvec__distributions_collect(mvec_ctx *ctx, const mvec_observations *observations,
                                        const mvec_country *country,
                                        mvec__distribution_set *out);

/* A distribution of the country's memberships in `year` (value 1 each). */
mvec_status mvec__distribution_from_memberships(mvec_ctx *ctx,
                                                const mvec_memberships *memberships,
                                                const mvec_country *country, int year,
                                                mvec__distribution_set *out);

void mvec__distributions_clear(mvec_ctx *ctx, mvec__distribution_set *set);
/* Free what the distributions own, but not the array itself. */
void mvec__distribution_items_clear(mvec_ctx *ctx, mvec__distribution_set *set);

/* What evaluation needs besides the distribution. */
typedef struct mvec__evaluation_context {
    const mvec_countries *countries;
    const mvec_bloc_scheme *scheme;
    const mvec_memberships *memberships; /* may be NULL */
} mvec__evaluation_context;

/* Evaluate `distribution` into `result` (allocations in `arena`). On data
 * that cannot be evaluated (no total, inconsistent values), result->status
 * says why and MVEC_OK is returned. `vertices` (may be NULL) receives the
 * great-power share vertices of every scenario, for the composite. */
mvec_status mvec__distribution_evaluate(mvec_ctx *ctx, const mvec__evaluation_context *context,
                                        const mvec__distribution *distribution,
                                        mvec__arena *arena, mvec_vector_profile *result,
                                        mvec__points *vertices);

/* True when the distribution can be evaluated without looking at values:
 * it has a total, or it is share-based, or it has a residual (OTH). */
/* A country, a former country or a statistical pseudo-country (not an
 * organisation, a group or the world). */
static inline bool mvec__is_country_like(const mvec_country *c)
{
    return c->kind == MVEC_COUNTRY_CURRENT || c->kind == MVEC_COUNTRY_FORMER ||
           c->kind == MVEC_COUNTRY_PSEUDO;
}

bool mvec__distribution_has_total(const mvec__distribution *distribution);
size_t mvec__distribution_listed_count(const mvec__distribution *distribution);

#endif
