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

/* The one source every figure of d comes from, or NULL (O(figures)). */
static const char *single_source(const mvec__distribution *d)
{
    const char *source = NULL;
    for (size_t i = 0; i < d->entry_count; i++)
        for (size_t o = 0; o < d->entries[i].option_count; o++)
            for (size_t k = 0; k < d->entries[i].options[o].source_count; k++) {
                const char *s = d->entries[i].options[o].sources[k]->source;
                if (source != NULL && s != source)
                    return NULL;
                source = s;
            }
    for (size_t i = 0; i < d->excluded_count; i++) {
        if (source != NULL && d->excluded[i]->source != source)
            return NULL;
        source = d->excluded[i]->source;
    }
    return source;
}

/* ---- reporter vs mirror ------------------------------------------------------------------ */

/*
 * The partners' mirror statistics of the representative's vector and year
 * (docs/methods.md section 5): the best whole-year partner-basis candidate
 * of that year, and within it the one source with the most partner figures
 * (so a press figure of the same flow is never mixed into a statistical
 * office's mirror table). Shares are compared, not values: each side's
 * values are divided by its own total when both sides' listed countries make
 * up their totals (within MIRROR_COVERAGE), else by the sum over the
 * partners both list (a partial mirror, such as Eurostat's EU members).
 * Partners with conflicting values on one side are left out.
 * Cost: O(entries x options x sources) of the two distributions.
 */
static const double MIRROR_COVERAGE = 0.01;

/* The value `source` (NULL: the only one) gives for entry e, or -1. */
static double entry_value(const mvec__entry *e, const char *source)
{
    if (source == NULL)
        return e->option_count == 1 ? e->options[0].value : -1;
    for (size_t o = 0; o < e->option_count; o++)
        for (size_t k = 0; k < e->options[o].source_count; k++)
            if (e->options[o].sources[k]->source == source)
                return e->options[o].value;
    return -1;
}

typedef struct mirror_side {
    const mvec__distribution *d;
    const char *source; /* NULL: every entry's single value */
    double total;       /* WLD, or -1 */
    double listed;      /* sum over country-like partners */
} mirror_side;

static void side_sums(mirror_side *side)
{
    side->total = -1;
    side->listed = 0;
    for (size_t i = 0; i < side->d->entry_count; i++) {
        const mvec__entry *e = &side->d->entries[i];
        double x = e->item[0] == '\0' ? entry_value(e, side->source) : -1;
        if (x < 0)
            continue;
        if (strcmp(e->partner->code, "WLD") == 0)
            side->total = x;
        else if (mvec__is_country_like(e->partner))
            side->listed += x;
    }
}

static bool side_whole(const mirror_side *side)
{
    return side->total > 0 && fabs(side->total - side->listed) <= MIRROR_COVERAGE * side->total;
}

/* The value side gives for `partner` (country-like, whole partner), or -1. */
static double side_value(const mirror_side *side, const mvec_country *partner)
{
    for (size_t i = 0; i < side->d->entry_count; i++) {
        const mvec__entry *e = &side->d->entries[i];
        if (e->partner == partner && e->item[0] == '\0')
            return entry_value(e, side->source);
    }
    return -1;
}

static mvec_status mirror_compare(mvec_ctx *ctx, const mvec__collection *collection,
                                  const mvec__distribution *chosen, mvec__arena *arena,
                                  const mvec_mirror **out)
{
    mvec_status status = MVEC_OK;
    *out = NULL;
    if (chosen->basis != MVEC_BASIS_REPORTER || chosen->period[0] != '\0' ||
        chosen->share_based || chosen->organisations_are_partners)
        return MVEC_OK;
    size_t first;
    size_t last;
    vector_range(collection, chosen->vector, &first, &last);
    const mvec__distribution *mirror = NULL;
    for (size_t i = first; i < last && mirror == NULL; i++) {
        const mvec__distribution *d = collection->order[i];
        if (d->year == chosen->year && d->period[0] == '\0' && d->basis == MVEC_BASIS_PARTNER &&
            !d->share_based)
            mirror = d;
    }
    if (mirror == NULL)
        return MVEC_OK;
    /* the source with the most partner figures */
    const char *best = NULL;
    size_t best_count = 0;
    for (size_t i = 0; i < mirror->entry_count; i++)
        for (size_t o = 0; o < mirror->entries[i].option_count; o++)
            for (size_t k = 0; k < mirror->entries[i].options[o].source_count; k++) {
                const char *source = mirror->entries[i].options[o].sources[k]->source;
                if (source == best)
                    continue;
                size_t count = 0;
                for (size_t j = 0; j < mirror->entry_count; j++)
                    count += mvec__is_country_like(mirror->entries[j].partner) &&
                                     entry_value(&mirror->entries[j], source) >= 0
                                 ? 1u
                                 : 0u;
                if (count > best_count || (count == best_count && best != NULL &&
                                           strcmp(source, best) < 0)) {
                    best = source;
                    best_count = count;
                }
            }
    if (best == NULL)
        return MVEC_OK;
    mirror_side reporter = {chosen, chosen->table, -1, 0};
    mirror_side partner = {mirror, best, -1, 0};
    side_sums(&reporter);
    side_sums(&partner);
    bool whole = side_whole(&reporter) && side_whole(&partner);
    double reporter_sum = 0;
    double partner_sum = 0;
    size_t common = 0;
    /* partners both list (whole: every partner either lists) */
    for (int pass = 0; pass < 2; pass++) {
        const mirror_side *side = pass == 0 ? &reporter : &partner;
        const mirror_side *other = pass == 0 ? &partner : &reporter;
        for (size_t i = 0; i < side->d->entry_count; i++) {
            const mvec__entry *e = &side->d->entries[i];
            if (!mvec__is_country_like(e->partner) || e->item[0] != '\0' ||
                e->partner == chosen->country)
                continue;
            double x = entry_value(e, side->source);
            double y = side_value(other, e->partner);
            if (whole ? (pass == 1 && y >= 0) || x <= 0 : x <= 0 || y <= 0 || pass == 1)
                continue; /* counted once: in the first pass, or only in the mirror */
            common++;
            reporter_sum += pass == 0 ? x : (y > 0 ? y : 0);
            partner_sum += pass == 0 ? (y > 0 ? y : 0) : x;
        }
    }
    if (common < 2 || reporter_sum <= 0 || partner_sum <= 0)
        return MVEC_OK;
    double reporter_whole = whole ? reporter.total : reporter_sum;
    double partner_whole = whole ? partner.total : partner_sum;
    mvec_mirror *m = NULL;
    MVEC_TRY(mvec__arena_alloc(ctx, arena, sizeof *m, &m));
    memset(m, 0, sizeof *m);
    m->source = best;
    m->dimension = mirror->dimension;
    m->whole = whole;
    m->partner_count = common;
    double gap = -1;
    for (int pass = 0; pass < 2; pass++) {
        const mirror_side *side = pass == 0 ? &reporter : &partner;
        const mirror_side *other = pass == 0 ? &partner : &reporter;
        for (size_t i = 0; i < side->d->entry_count; i++) {
            const mvec__entry *e = &side->d->entries[i];
            if (!mvec__is_country_like(e->partner) || e->item[0] != '\0' ||
                e->partner == chosen->country)
                continue;
            double x = entry_value(e, side->source);
            double y = side_value(other, e->partner);
            if (whole ? (pass == 1 && y >= 0) || x <= 0 : x <= 0 || y <= 0 || pass == 1)
                continue;
            double r = (pass == 0 ? x : (y > 0 ? y : 0)) / reporter_whole;
            double p = (pass == 0 ? (y > 0 ? y : 0) : x) / partner_whole;
            m->reporter_hhi += r * r;
            m->mirror_hhi += p * p;
            if (fabs(r - p) > gap) {
                gap = fabs(r - p);
                m->gap_partner = e->partner;
                m->reporter_share = r;
                m->mirror_share = p;
            }
        }
    }
    *out = m;
cleanup:
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
        } else {
            MVEC_TRY(mirror_compare(ctx, &collection, collection.order[chosen], &profile->arena,
                                    &vp->mirror));
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
            alternatives[n].source = single_source(d);
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
