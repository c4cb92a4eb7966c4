/*
 * profile.c - a country's multi-vector profile (mvec_profile.h), and the
 * collection it is built from: the country's distributions grouped once
 * and sorted once, from which profile, shares and check each evaluate only
 * the distributions they need. The composite across vectors is composite.c.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "profile_internal.h"

struct mvec_profile {
    mvec__arena arena;
    const mvec_country *country;
    const mvec_bloc_scheme *scheme;
    mvec_vector_profile *vectors;
    size_t vector_count;
    mvec_composite composite;
};

static const char *const VECTOR_ORDER[] = {
    "trade.total",          "trade.exports", "trade.imports", "fdi.stock",
    "fdi.inflow",           "debt.external", "arms.imports",  "energy.oil_production",
    "energy.export_routes", "energy.gas_exports", "energy.gas_imports", "institutions",
    "opinion",              "people",
    "water",
};

static const char ASSUMPTION[] =
    "intervals cover every way the unlisted remainder of a total could be held by partners "
    "the sources do not name (any number of them, any sizes; no larger than the smallest "
    "listed share when a source lists the top partners) and every combination of values on "
    "which sources disagree; values given only as bounds (>, <) are not used";

static size_t vector_rank(const char *vector)
{
    for (size_t i = 0; i < sizeof VECTOR_ORDER / sizeof *VECTOR_ORDER; i++)
        if (strcmp(vector, VECTOR_ORDER[i]) == 0)
            return i;
    return sizeof VECTOR_ORDER / sizeof *VECTOR_ORDER;
}

static int compare_vectors(const char *a, const char *b)
{
    size_t ra = vector_rank(a);
    size_t rb = vector_rank(b);
    if (ra != rb)
        return ra < rb ? -1 : 1;
    return strcmp(a, b);
}

/* Candidate order (docs/methods.md section 5): whole-year first; official
 * tables (a whole distribution from one official source) before everything
 * else, so a newer press figure never displaces them; then the latest year,
 * reporter basis first, tables before compiled figures, values before
 * shares, more partners, then by dimension name. */
static int compare_candidates(const mvec__distribution *a, const mvec__distribution *b)
{
    bool whole_a = a->period[0] == '\0';
    bool whole_b = b->period[0] == '\0';
    if (whole_a != whole_b)
        return whole_a ? -1 : 1;
    if (a->official != b->official)
        return a->official ? -1 : 1;
    if (a->year != b->year)
        return a->year > b->year ? -1 : 1;
    if (a->basis != b->basis)
        return a->basis < b->basis ? -1 : 1;
    if ((a->table != NULL) != (b->table != NULL))
        return a->table != NULL ? -1 : 1;
    if (a->share_based != b->share_based)
        return a->share_based ? 1 : -1;
    size_t la = mvec__distribution_listed_count(a);
    size_t lb = mvec__distribution_listed_count(b);
    if (la != lb)
        return la > lb ? -1 : 1;
    int c = strcmp(a->dimension, b->dimension);
    return c != 0 ? c : strcmp(a->period, b->period);
}

/* Whole order: by vector, then best candidate first, then position. */
static int compare_order(const void *pa, const void *pb)
{
    const mvec__distribution *a = *(const mvec__distribution *const *)pa;
    const mvec__distribution *b = *(const mvec__distribution *const *)pb;
    int c = compare_vectors(a->vector, b->vector);
    if (c == 0)
        c = compare_candidates(a, b);
    if (c == 0 && a != b)
        c = a < b ? -1 : 1; /* same array: keep the grouping order */
    return c;
}

static mvec_status sort_collection(mvec_ctx *ctx, mvec__collection *collection)
{
    mvec_status status = MVEC_OK;
    mvec__free(ctx, collection->order);
    collection->order = NULL;
    size_t count = collection->set.count;
    MVEC_TRY(mvec__calloc(ctx, count ? count : 1, sizeof *collection->order,
                          &collection->order));
    for (size_t i = 0; i < count; i++)
        collection->order[i] = &collection->set.items[i];
    qsort(collection->order, count, sizeof *collection->order, compare_order);
cleanup:
    return status;
}

mvec_status mvec__collection_build(mvec_ctx *ctx, const mvec_observations *observations,
                                   const mvec_country *country, mvec__collection *out)
{
    mvec_status status = MVEC_OK;
    out->country = country;
    MVEC_TRY(mvec__distributions_collect(ctx, observations, country, &out->set));
    MVEC_TRY(sort_collection(ctx, out));
cleanup:
    return status;
}

mvec_status mvec__collection_add_memberships(mvec_ctx *ctx, mvec__collection *collection,
                                             const mvec_memberships *memberships, int year)
{
    mvec_status status = MVEC_OK;
    mvec__distribution_set *set = &collection->set;
    MVEC_TRY(mvec__distribution_from_memberships(ctx, memberships, collection->country, year,
                                                 set));
    if (set->count > 0 && set->items[set->count - 1].membership_count == 0) {
        /* no membership that year; nothing to show */
        mvec__distribution_set last = {&set->items[set->count - 1], 1, 1};
        mvec__distribution_items_clear(ctx, &last);
        set->count--;
    }
    MVEC_TRY(sort_collection(ctx, collection)); /* the items may have moved */
cleanup:
    return status;
}

void mvec__collection_clear(mvec_ctx *ctx, mvec__collection *collection)
{
    mvec__distributions_clear(ctx, &collection->set);
    mvec__free(ctx, collection->order);
    collection->order = NULL;
}

static bool passes(const mvec__distribution *d, const mvec__candidate_filter *filter)
{
    return (filter->vector == NULL || strcmp(d->vector, filter->vector) == 0) &&
           (filter->year == 0 || d->year == filter->year) &&
           (filter->basis < 0 || (int)d->basis == filter->basis);
}

/* [first, last) of the vector in the order; first == last when absent. */
static void vector_range(const mvec__collection *collection, const char *vector, size_t *first,
                         size_t *last)
{
    size_t count = collection->set.count;
    size_t lo = 0;
    size_t hi = count;
    while (lo < hi) { /* the first position not before `vector` */
        size_t mid = lo + (hi - lo) / 2;
        if (compare_vectors(collection->order[mid]->vector, vector) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    size_t end = lo;
    while (end < count && strcmp(collection->order[end]->vector, vector) == 0)
        end++;
    *first = lo;
    *last = end;
}

mvec_status mvec__collection_pick(mvec_ctx *ctx, const mvec__collection *collection,
                                  const mvec__evaluation_context *context, const char *vector,
                                  const mvec__candidate_filter *filter, mvec__arena *arena,
                                  mvec_vector_profile *result, mvec__points *vertices,
                                  size_t *chosen)
{
    mvec_status status = MVEC_OK;
    mvec__points attempt_vertices = MVEC__POINTS_INIT(0);
    size_t first;
    size_t last;
    memset(result, 0, sizeof *result);
    *chosen = SIZE_MAX;
    vector_range(collection, vector, &first, &last);
    bool evaluated = false;
    for (size_t i = first; i < last; i++) {
        const mvec__distribution *d = collection->order[i];
        if (!passes(d, filter))
            continue;
        MVEC_TRY(mvec__check_cancel(ctx));
        mvec_vector_profile attempt;
        attempt_vertices.count = 0;
        MVEC_TRY(mvec__distribution_evaluate(ctx, context, d, arena, &attempt,
                                             vertices != NULL ? &attempt_vertices : NULL));
        /* Keep the first candidate evaluated unless a later one is usable. */
        if (!evaluated || attempt.status == NULL) {
            *result = attempt;
            *chosen = i;
            if (vertices != NULL) {
                mvec__points swap = *vertices;
                *vertices = attempt_vertices;
                attempt_vertices = swap;
            }
        }
        evaluated = true;
        if (attempt.status == NULL)
            break;
    }
cleanup:
    mvec__points_clear(ctx, &attempt_vertices);
    return status;
}

static int latest_membership_year(const mvec_memberships *memberships,
                                  const mvec_country *country)
{
    int year = 0;
    for (size_t i = 0; i < mvec_memberships_count(memberships); i++) {
        const mvec_membership *m = mvec_memberships_at(memberships, i);
        if (m->member == country && m->joined > year)
            year = m->joined;
    }
    return year;
}

mvec_status mvec_profile_build(mvec_ctx *ctx, const mvec_observations *observations,
                               const mvec_bloc_scheme *scheme,
                               const mvec_memberships *memberships,
                               const mvec_profile_options *options, mvec_profile **out)
{
    mvec_status status = MVEC_OK;
    mvec_profile *profile = NULL;
    mvec__collection collection = {NULL, {NULL, 0, 0}, NULL};
    mvec__points *vertex_sets = NULL;
    mvec__weight_setting *settings = NULL;
    size_t setting_count = 0;
    size_t vector_slots = 0;
    const mvec_countries *countries = mvec_observations_countries(observations);
    mvec_profile_options given = MVEC_PROFILE_OPTIONS_INIT;
    MVEC_TRY(mvec__options_read(ctx, "mvec_profile_options", "MVEC_PROFILE_OPTIONS_INIT", &given,
                                sizeof given, MVEC__SIZE_TO(mvec_profile_options, vector),
                                options));
    options = &given;
    const char *country_text = options && options->country ? options->country : "KAZ";
    mvec__candidate_filter filter = {options ? options->vector : NULL, options ? options->year : 0,
                                     -1};

    MVEC_TRY(mvec__calloc(ctx, 1, sizeof *profile, &profile));
    profile->scheme = scheme;
    profile->country = mvec_countries_find(countries, country_text);
    if (profile->country == NULL || profile->country->kind == MVEC_COUNTRY_AGGREGATE ||
        profile->country->kind == MVEC_COUNTRY_ORGANISATION)
        MVEC_FAIL(ctx, MVEC_ERR_INVALID, "unknown country '%s'", country_text);
    MVEC_TRY(mvec__weights_parse(ctx, &profile->arena, options ? options->weights : NULL,
                                 &settings, &setting_count));
    if (options != NULL && options->basis != NULL) {
        bool known = false;
        for (int b = MVEC_BASIS_REPORTER; b <= MVEC_BASIS_UNSTATED; b++)
            if (strcmp(options->basis, mvec_basis_name((mvec_basis)b)) == 0) {
                filter.basis = b;
                known = true;
            }
        if (!known)
            MVEC_FAIL(ctx, MVEC_ERR_INVALID,
                      "unknown basis '%s' (reporter, partner, third_party or unstated)",
                      options->basis);
    }
    MVEC_TRY(mvec__collection_build(ctx, observations, profile->country, &collection));
    bool has_institutions = false;
    for (size_t i = 0; i < collection.set.count; i++)
        has_institutions =
            has_institutions || strcmp(collection.set.items[i].vector, "institutions") == 0;
    bool want_institutions =
        filter.basis < 0 && (filter.vector == NULL || !strcmp(filter.vector, "institutions"));
    if (memberships != NULL && !has_institutions && want_institutions) {
        int year = filter.year ? filter.year : latest_membership_year(memberships,
                                                                       profile->country);
        if (year > 0)
            MVEC_TRY(mvec__collection_add_memberships(ctx, &collection, memberships, year));
    }
    /* Candidates that pass the basis and vector filters (the year is a
     * preference inside each vector, not a filter of alternatives). */
    mvec__candidate_filter shown = {filter.vector, 0, filter.basis};
    size_t shown_count = 0;
    for (size_t i = 0; i < collection.set.count; i++)
        shown_count += passes(collection.order[i], &shown) ? 1u : 0u;
    bool any_observation = false;
    for (size_t i = 0; i < mvec_observations_count(observations) && !any_observation; i++)
        any_observation = mvec_observations_at(observations, i)->country == profile->country;
    if (shown_count == 0 && !any_observation)
        MVEC_FAIL(ctx, MVEC_ERR_NO_DATA,
                  "no observations for %s (%s)",
                  profile->country->name, profile->country->code);

    size_t vectors = 0;
    const char *previous = NULL;
    for (size_t i = 0; i < collection.set.count; i++) {
        const mvec__distribution *d = collection.order[i];
        if (!passes(d, &shown))
            continue;
        if (previous == NULL || strcmp(d->vector, previous) != 0)
            vectors++;
        previous = d->vector;
    }
    MVEC_TRY(mvec__arena_alloc(ctx, &profile->arena,
                               (vectors ? vectors : 1) * sizeof *profile->vectors,
                               &profile->vectors));
    MVEC_TRY(mvec__calloc(ctx, vectors ? vectors : 1, sizeof *vertex_sets, &vertex_sets));
    vector_slots = vectors;
    mvec__evaluation_context context = {countries, scheme, memberships};
    size_t i = 0;
    while (i < collection.set.count) {
        MVEC_TRY(mvec__check_cancel(ctx));
        const char *vector = collection.order[i]->vector;
        size_t first = i;
        size_t last = i;
        while (last < collection.set.count && strcmp(collection.order[last]->vector, vector) == 0)
            last++;
        i = last;
        size_t shown_here = 0;
        for (size_t k = first; k < last; k++)
            shown_here += passes(collection.order[k], &shown) ? 1u : 0u;
        if (shown_here == 0)
            continue;
        mvec_vector_profile *vp = &profile->vectors[profile->vector_count];
        mvec__points *vertices = &vertex_sets[profile->vector_count];
        mvec__candidate_filter wanted = {vector, filter.year, filter.basis};
        size_t chosen = SIZE_MAX;
        MVEC_TRY(mvec__collection_pick(ctx, &collection, &context, vector, &wanted,
                                       &profile->arena, vp, vertices, &chosen));
        profile->vector_count++;
        if (chosen == SIZE_MAX) { /* no candidate in the requested year */
            vp->vector = vector;
            vp->leader = SIZE_MAX;
            char text[64];
            snprintf(text, sizeof text, "no data for %d", filter.year);
            MVEC_TRY(mvec__arena_strdup(ctx, &profile->arena, text, &vp->status));
        } else if (vp->status != NULL) {
            chosen = SIZE_MAX; /* evaluated but not usable: listed among the alternatives */
        }
        /* Alternatives: every other candidate of the vector. */
        mvec_alternative *alternatives = NULL;
        MVEC_TRY(mvec__arena_alloc(ctx, &profile->arena, shown_here * sizeof *alternatives,
                                   &alternatives));
        size_t n = 0;
        for (size_t k = first; k < last; k++) {
            const mvec__distribution *d = collection.order[k];
            if (k == chosen || !passes(d, &shown))
                continue;
            alternatives[n].year = d->year;
            alternatives[n].period = d->period;
            alternatives[n].basis = d->basis;
            alternatives[n].dimension = d->dimension;
            alternatives[n].table = d->table;
            alternatives[n].listed_count = mvec__distribution_listed_count(d);
            alternatives[n].status =
                mvec__distribution_has_total(d) ? NULL : "no total (WLD) to divide by";
            n++;
        }
        vp->alternatives = alternatives;
        vp->alternative_count = n;
    }
    MVEC_TRY(mvec__check_cancel(ctx));
    MVEC_TRY(mvec__composite_build(ctx, &profile->arena, scheme, profile->vectors,
                                   profile->vector_count, vertex_sets, settings, setting_count,
                                   &profile->composite));
    for (size_t k = 0; k < setting_count; k++) {
        bool found = false;
        for (size_t v = 0; v < profile->vector_count && !found; v++)
            found = strcmp(settings[k].vector, profile->vectors[v].vector) == 0;
        if (!found)
            MVEC_FAIL(ctx, MVEC_ERR_INVALID, "a weight is given for '%s', but the profile has "
                      "no such vector", settings[k].vector);
    }
    *out = profile;
    profile = NULL;
cleanup:
    if (vertex_sets != NULL)
        for (size_t v = 0; v < vector_slots; v++)
            mvec__points_clear(ctx, &vertex_sets[v]);
    mvec__free(ctx, vertex_sets);
    mvec__collection_clear(ctx, &collection);
    mvec_profile_free(ctx, profile);
    return status;
}

void mvec_profile_free(mvec_ctx *ctx, mvec_profile *profile)
{
    if (profile == NULL)
        return;
    mvec__arena_clear(ctx, &profile->arena);
    mvec__free(ctx, profile);
}

const mvec_country *mvec_profile_country(const mvec_profile *profile)
{
    return profile->country;
}

const mvec_bloc_scheme *mvec_profile_scheme(const mvec_profile *profile)
{
    return profile->scheme;
}

size_t mvec_profile_vector_count(const mvec_profile *profile)
{
    return profile->vector_count;
}

const mvec_vector_profile *mvec_profile_vector(const mvec_profile *profile, size_t index)
{
    return index < profile->vector_count ? &profile->vectors[index] : NULL;
}

const mvec_composite *mvec_profile_composite(const mvec_profile *profile)
{
    return &profile->composite;
}

const char *mvec_profile_assumption(const mvec_profile *profile)
{
    (void)profile;
    return ASSUMPTION;
}
