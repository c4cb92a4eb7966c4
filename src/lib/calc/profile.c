/*
 * profile.c - a country's multi-vector profile (mvec_profile.h): choose one
 * distribution per vector, evaluate it, and combine the vectors into the
 * composite.
 *
 * Composite: bloc shares and exposure are weighted means of the vectors'
 * intervals (exact, the vectors' remainders being independent). Balance
 * and margin use the weighted Minkowski sum of the vectors' vertex sets;
 * where sources conflict inside a vector, its vertex set is the union over
 * scenarios, so the composite covers every combination (it may be slightly
 * wider than exact when conflicts are present).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "distribution.h"

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
    "energy.export_routes", "institutions",  "opinion",       "people",
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

/* Candidate order: whole-year first, latest year, reporter basis first,
 * values before shares, more partners, then by dimension name. */
static int compare_candidates(const mvec__distribution *a, const mvec__distribution *b)
{
    bool whole_a = a->period[0] == '\0';
    bool whole_b = b->period[0] == '\0';
    if (whole_a != whole_b)
        return whole_a ? -1 : 1;
    if (a->year != b->year)
        return a->year > b->year ? -1 : 1;
    if (a->basis != b->basis)
        return a->basis < b->basis ? -1 : 1;
    if (a->share_based != b->share_based)
        return a->share_based ? 1 : -1;
    size_t la = mvec__distribution_listed_count(a);
    size_t lb = mvec__distribution_listed_count(b);
    if (la != lb)
        return la > lb ? -1 : 1;
    int c = strcmp(a->dimension, b->dimension);
    return c != 0 ? c : strcmp(a->period, b->period);
}

/* Sort candidate indices by vector, then best first (insertion sort: the
 * lists are short, and qsort would need a global for the comparison). */
static void sort_candidates(const mvec__distribution *items, size_t *order, size_t count)
{
    for (size_t i = 1; i < count; i++) {
        size_t current = order[i];
        size_t j = i;
        while (j > 0) {
            const mvec__distribution *x = &items[order[j - 1]];
            const mvec__distribution *y = &items[current];
            int c = compare_vectors(x->vector, y->vector);
            if (c == 0)
                c = compare_candidates(x, y);
            if (c <= 0)
                break;
            order[j] = order[j - 1];
            j--;
        }
        order[j] = current;
    }
}

typedef struct weight_setting {
    const char *vector; /* borrowed from the options text copy */
    double weight;
    bool used;
} weight_setting;

/* Parse "v=w,v=w". */
static mvec_status parse_weights(mvec_ctx *ctx, mvec__arena *arena, const char *text,
                                 weight_setting **out, size_t *count)
{
    mvec_status status = MVEC_OK;
    const char *copy_const = NULL;
    *out = NULL;
    *count = 0;
    if (text == NULL || text[0] == '\0')
        return MVEC_OK;
    MVEC_TRY(mvec__arena_strdup(ctx, arena, text, &copy_const));
    char *copy = (char *)(uintptr_t)copy_const;
    size_t items = 1;
    for (const char *p = copy; *p; p++)
        items += *p == ',' ? 1u : 0u;
    weight_setting *settings = NULL;
    MVEC_TRY(mvec__arena_alloc(ctx, arena, items * sizeof *settings, &settings));
    char *save = NULL;
    for (char *part = strtok_r(copy, ",", &save); part != NULL; part = strtok_r(NULL, ",", &save)) {
        char *equals = strchr(part, '=');
        if (equals == NULL || equals == part)
            MVEC_FAIL(ctx, MVEC_ERR_INVALID,
                      "invalid weight '%s' (expected VECTOR=NUMBER, e.g. trade.exports=2)",
                      part);
        *equals = '\0';
        double weight;
        const char *reason;
        if (!mvec__parse_number(equals + 1, &weight, &reason) || weight < 0)
            MVEC_FAIL(ctx, MVEC_ERR_INVALID, "invalid weight '%s' for %s (a number >= 0)",
                      equals + 1, part);
        settings[*count].vector = part;
        settings[*count].weight = weight;
        (*count)++;
    }
    *out = settings;
cleanup:
    return status;
}

static mvec_status composite_text(mvec_ctx *ctx, mvec_profile *profile, const double *raw)
{
    mvec__buf text = MVEC__BUF_INIT(1 << 16);
    mvec_status status = MVEC_OK;
    for (size_t v = 0; v < profile->vector_count; v++) {
        if (profile->vectors[v].status != NULL)
            continue;
        char number[32];
        mvec__format_c(number, sizeof number, "%g", raw[v]);
        MVEC_TRY(mvec__buf_printf(ctx, &text, "%s%s=%s", text.length ? " " : "",
                                  profile->vectors[v].vector, number));
    }
    MVEC_TRY(mvec__arena_strdup(ctx, &profile->arena, text.length ? text.data : "",
                                &profile->composite.weights_text));
cleanup:
    mvec__buf_clear(ctx, &text);
    return status;
}

static mvec_status build_composite(mvec_ctx *ctx, mvec_profile *profile,
                                   mvec__points *vertex_sets, const weight_setting *settings,
                                   size_t setting_count)
{
    mvec_status status = MVEC_OK;
    size_t blocs = mvec_bloc_count(profile->scheme);
    double *raw = NULL;
    double *weights = NULL;
    mvec__points sum = MVEC__POINTS_INIT(0);
    mvec__points next = MVEC__POINTS_INIT(0);
    mvec_interval *shares = NULL;
    mvec_composite *composite = &profile->composite;
    composite->leader = SIZE_MAX;
    composite->balance.lo = composite->balance.hi = NAN;
    composite->margin.lo = composite->margin.hi = NAN;
    MVEC_TRY(mvec__calloc(ctx, profile->vector_count ? profile->vector_count : 1, sizeof *raw,
                          &raw));
    MVEC_TRY(mvec__calloc(ctx, profile->vector_count ? profile->vector_count : 1,
                          sizeof *weights, &weights));
    bool has_exports = false;
    bool has_imports = false;
    for (size_t v = 0; v < profile->vector_count; v++) {
        const mvec_vector_profile *vp = &profile->vectors[v];
        has_exports = has_exports || (vp->status == NULL && !strcmp(vp->vector, "trade.exports"));
        has_imports = has_imports || (vp->status == NULL && !strcmp(vp->vector, "trade.imports"));
    }
    for (size_t v = 0; v < profile->vector_count; v++) {
        const mvec_vector_profile *vp = &profile->vectors[v];
        if (vp->status != NULL)
            continue;
        /* Trade counted once by default: turnover is exports plus imports. */
        raw[v] = strcmp(vp->vector, "trade.total") == 0 && has_exports && has_imports ? 0 : 1;
    }
    for (size_t i = 0; i < setting_count; i++)
        for (size_t v = 0; v < profile->vector_count; v++)
            if (strcmp(settings[i].vector, profile->vectors[v].vector) == 0 &&
                profile->vectors[v].status == NULL)
                raw[v] = settings[i].weight;
    MVEC_TRY(composite_text(ctx, profile, raw));
    double total = 0;
    for (size_t v = 0; v < profile->vector_count; v++)
        total += raw[v];
    MVEC_TRY(mvec__arena_alloc(ctx, &profile->arena, (blocs ? blocs : 1) * sizeof *shares,
                               &shares));
    composite->bloc_shares = shares;
    if (!(total > 0)) {
        composite->status = "no vector with a result and a positive weight";
        goto cleanup;
    }
    size_t great = 0;
    for (size_t b = 0; b < blocs; b++)
        great += mvec_bloc_is_great_power(profile->scheme, b) ? 1u : 0u;
    for (size_t v = 0; v < profile->vector_count; v++) {
        mvec_vector_profile *vp = &profile->vectors[v];
        if (raw[v] <= 0)
            continue;
        double w = raw[v] / total;
        vp->weight = w;
        weights[v] = w;
        composite->vector_count++;
        for (size_t b = 0; b < blocs; b++) {
            shares[b].lo += w * vp->bloc_shares[b].lo;
            shares[b].hi += w * vp->bloc_shares[b].hi;
        }
        composite->exposure.lo += w * vp->exposure.lo;
        composite->exposure.hi += w * vp->exposure.hi;
    }
    if (great == 3) {
        /* exact: trace the polygon of normalised shares (composite.c) */
        MVEC_TRY(mvec__composite_polygon(ctx, vertex_sets, weights, profile->vector_count, &sum));
    } else {
        /* any number of great powers: enumerate the Minkowski sum, within a limit */
        bool first = true;
        for (size_t v = 0; v < profile->vector_count; v++) {
            if (weights[v] <= 0)
                continue;
            next.dim = vertex_sets[v].dim;
            next.count = 0;
            if (first) {
                mvec__points zero = MVEC__POINTS_INIT(vertex_sets[v].dim);
                double *origin = NULL;
                sum.dim = vertex_sets[v].dim;
                MVEC_TRY(mvec__calloc(ctx, sum.dim ? sum.dim : 1, sizeof *origin, &origin));
                status = mvec__points_add(ctx, &zero, origin);
                mvec__free(ctx, origin);
                MVEC_TRY(status);
                status = mvec__points_minkowski(ctx, &zero, 1.0, &vertex_sets[v], weights[v],
                                                MVEC__VERTEX_LIMIT, &next);
                mvec__points_clear(ctx, &zero);
                first = false;
            } else {
                status = mvec__points_minkowski(ctx, &sum, 1.0, &vertex_sets[v], weights[v],
                                                MVEC__VERTEX_LIMIT, &next);
            }
            if (status == MVEC_ERR_LIMIT) {
                mvec_ctx_clear_error(ctx);
                status = MVEC_OK;
                composite->status = "balance and margin not computed: too many extreme "
                                    "allocations to combine";
                goto cleanup;
            }
            MVEC_TRY(status);
            mvec__points swap = sum;
            sum = next;
            next = swap;
        }
    }
    mvec__balance_result balance;
    MVEC_TRY(mvec__balance_bounds(ctx, &sum, &balance));
    composite->balance = balance.balance;
    composite->margin = balance.margin;
    if (balance.leader != SIZE_MAX)
        for (size_t b = 0, p = 0; b < blocs; b++)
            if (mvec_bloc_is_great_power(profile->scheme, b) && p++ == balance.leader)
                composite->leader = b;
cleanup:
    mvec__free(ctx, raw);
    mvec__free(ctx, weights);
    mvec__points_clear(ctx, &sum);
    mvec__points_clear(ctx, &next);
    return status;
}

/* Drop distributions of another basis (basis >= 0) or another vector. */
static void filter_distributions(mvec_ctx *ctx, mvec__distribution_set *set, mvec_basis basis,
                                 const char *vector)
{
    mvec__distribution_set dropped = {NULL, 0, 0};
    size_t kept = 0;
    for (size_t i = 0; i < set->count; i++) {
        mvec__distribution *d = &set->items[i];
        bool keep = vector != NULL ? strcmp(d->vector, vector) == 0 : d->basis == basis;
        if (keep) {
            set->items[kept++] = *d;
        } else {
            dropped.items = d;
            dropped.count = 1;
            mvec__distribution_items_clear(ctx, &dropped);
        }
    }
    set->count = kept;
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
    mvec__distribution_set set = {NULL, 0, 0};
    size_t *order = NULL;
    mvec__points *vertex_sets = NULL;
    weight_setting *settings = NULL;
    size_t setting_count = 0;
    size_t vector_slots = 0;
    const mvec_countries *countries = mvec_observations_countries(observations);
    mvec_profile_options given = MVEC_PROFILE_OPTIONS_INIT;
    MVEC_TRY(mvec__options_read(ctx, "mvec_profile_options", "MVEC_PROFILE_OPTIONS_INIT", &given, sizeof given, sizeof given,
                                options));
    options = &given;
    const char *country_text = options && options->country ? options->country : "KAZ";
    int year = options ? options->year : 0;

    MVEC_TRY(mvec__calloc(ctx, 1, sizeof *profile, &profile));
    profile->scheme = scheme;
    profile->country = mvec_countries_find(countries, country_text);
    if (profile->country == NULL || profile->country->kind == MVEC_COUNTRY_AGGREGATE ||
        profile->country->kind == MVEC_COUNTRY_ORGANISATION)
        MVEC_FAIL(ctx, MVEC_ERR_INVALID, "unknown country '%s'", country_text);
    MVEC_TRY(parse_weights(ctx, &profile->arena, options ? options->weights : NULL, &settings,
                           &setting_count));
    MVEC_TRY(mvec__distributions_collect(ctx, observations, profile->country, &set));
    if (options != NULL && options->basis != NULL) {
        mvec_basis basis = MVEC_BASIS_REPORTER;
        bool known = false;
        for (int b = MVEC_BASIS_REPORTER; b <= MVEC_BASIS_UNSTATED; b++)
            if (strcmp(options->basis, mvec_basis_name((mvec_basis)b)) == 0) {
                basis = (mvec_basis)b;
                known = true;
            }
        if (!known)
            MVEC_FAIL(ctx, MVEC_ERR_INVALID,
                      "unknown basis '%s' (reporter, partner, third_party or unstated)",
                      options->basis);
        filter_distributions(ctx, &set, basis, NULL);
    }
    if (options != NULL && options->vector != NULL)
        filter_distributions(ctx, &set, (mvec_basis)-1, options->vector);
    bool has_institutions = false;
    for (size_t i = 0; i < set.count; i++)
        has_institutions = has_institutions || strcmp(set.items[i].vector, "institutions") == 0;
    bool want_institutions =
        options == NULL || (options->basis == NULL &&
                            (options->vector == NULL || !strcmp(options->vector, "institutions")));
    if (memberships != NULL && !has_institutions && want_institutions) {
        int membership_year = year ? year : latest_membership_year(memberships, profile->country);
        if (membership_year > 0)
            MVEC_TRY(mvec__distribution_from_memberships(ctx, memberships, profile->country,
                                                         membership_year, &set));
        if (set.count > 0 && set.items[set.count - 1].membership_count == 0 &&
            strcmp(set.items[set.count - 1].vector, "institutions") == 0)
            set.count--; /* no membership that year; nothing to show */
    }
    bool any_observation = false;
    for (size_t i = 0; i < mvec_observations_count(observations) && !any_observation; i++)
        any_observation = mvec_observations_at(observations, i)->country == profile->country;
    if (set.count == 0 && !any_observation)
        MVEC_FAIL(ctx, MVEC_ERR_NO_DATA,
                  "no observations for %s (%s); give data with --data FILE",
                  profile->country->name, profile->country->code);

    /* Candidates grouped by vector, best first. */
    MVEC_TRY(mvec__calloc(ctx, set.count ? set.count : 1, sizeof *order, &order));
    for (size_t i = 0; i < set.count; i++)
        order[i] = i;
    sort_candidates(set.items, order, set.count);
    size_t vectors = 0;
    for (size_t i = 0; i < set.count; i++)
        if (i == 0 || strcmp(set.items[order[i]].vector, set.items[order[i - 1]].vector) != 0)
            vectors++;
    MVEC_TRY(mvec__arena_alloc(ctx, &profile->arena, (vectors ? vectors : 1) *
                                                         sizeof *profile->vectors,
                               &profile->vectors));
    MVEC_TRY(mvec__calloc(ctx, vectors ? vectors : 1, sizeof *vertex_sets, &vertex_sets));
    vector_slots = vectors;
    mvec__evaluation_context context = {countries, scheme, memberships};
    size_t first = 0;
    while (first < set.count) {
        size_t last = first;
        while (last < set.count &&
               strcmp(set.items[order[last]].vector, set.items[order[first]].vector) == 0)
            last++;
        mvec_vector_profile *vp = &profile->vectors[profile->vector_count];
        mvec__points *vertices = &vertex_sets[profile->vector_count];
        profile->vector_count++;
        size_t chosen = SIZE_MAX;
        for (size_t i = first; i < last && chosen == SIZE_MAX; i++) {
            const mvec__distribution *d = &set.items[order[i]];
            if (year != 0 && d->year != year)
                continue;
            mvec_vector_profile attempt;
            mvec__points attempt_vertices = MVEC__POINTS_INIT(0);
            status = mvec__distribution_evaluate(ctx, &context, d, &profile->arena, &attempt,
                                                 &attempt_vertices);
            if (status != MVEC_OK) {
                mvec__points_clear(ctx, &attempt_vertices);
                goto cleanup;
            }
            /* Keep the first candidate evaluated unless a later one is usable. */
            if (vp->vector == NULL || attempt.status == NULL) {
                *vp = attempt;
                mvec__points_clear(ctx, vertices);
                *vertices = attempt_vertices;
                attempt_vertices.data = NULL;
            }
            mvec__points_clear(ctx, &attempt_vertices);
            if (attempt.status == NULL)
                chosen = i;
        }
        if (vp->vector == NULL) { /* no candidate in the requested year */
            vp->vector = set.items[order[first]].vector;
            vp->leader = SIZE_MAX;
            char text[64];
            snprintf(text, sizeof text, "no data for %d", year);
            MVEC_TRY(mvec__arena_strdup(ctx, &profile->arena, text, &vp->status));
        }
        /* Alternatives: every other candidate of the vector. */
        mvec_alternative *alternatives = NULL;
        MVEC_TRY(mvec__arena_alloc(ctx, &profile->arena,
                                   (last - first) * sizeof *alternatives, &alternatives));
        size_t n = 0;
        for (size_t i = first; i < last; i++) {
            if (i == chosen)
                continue;
            const mvec__distribution *d = &set.items[order[i]];
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
        first = last;
    }
    MVEC_TRY(build_composite(ctx, profile, vertex_sets, settings, setting_count));
    for (size_t i = 0; i < setting_count; i++) {
        bool found = false;
        for (size_t v = 0; v < profile->vector_count && !found; v++)
            found = strcmp(settings[i].vector, profile->vectors[v].vector) == 0;
        if (!found)
            MVEC_FAIL(ctx, MVEC_ERR_INVALID, "--weights: the profile has no vector '%s'",
                      settings[i].vector);
    }
    *out = profile;
    profile = NULL;
cleanup:
    if (vertex_sets != NULL)
        for (size_t v = 0; v < vector_slots; v++)
            mvec__points_clear(ctx, &vertex_sets[v]);
    mvec__free(ctx, vertex_sets);
    mvec__distributions_clear(ctx, &set);
    mvec__free(ctx, order);
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
