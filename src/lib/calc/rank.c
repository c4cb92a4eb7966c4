/*
 * rank.c - every country of the data ranked by one measure (mvec_rank.h;
 * docs/methods.md section 16). Each country's distribution is chosen and
 * evaluated by the profile's own code (mvec__collection_build,
 * mvec__collection_pick): the measures are the profile's numbers, not a
 * second implementation of them.
 *
 * The observations of the vector and year are copied once, grouped by
 * country (a counting sort on the registry index), and each country's
 * group is evaluated from a small scratch store, so the cost is linear in
 * the observations rather than countries x observations.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../data/units.h"
#include "../import/importers.h"
#include "mvec/mvec_rank.h"
#include "profile_internal.h"

struct mvec_rank {
    mvec__arena arena;
    const mvec_bloc_scheme *scheme;
    int year;
    const char *vector;
    mvec_rank_by by;
    bool year_default;
    bool vector_default;
    mvec_rank_row *rows;
    size_t count;
    mvec_rank_left_out *left;
    size_t left_count;
};

static const char *const BY_NAMES[MVEC_RANK_BY_COUNT] = {"balance", "hhi", "exposure", "margin"};

const char *mvec_rank_by_name(mvec_rank_by by)
{
    return (unsigned)by < MVEC_RANK_BY_COUNT ? BY_NAMES[by] : NULL;
}

mvec_status mvec_rank_by_from_name(mvec_ctx *ctx, const char *name, mvec_rank_by *out)
{
    for (size_t i = 0; name != NULL && i < MVEC_RANK_BY_COUNT; i++)
        if (strcmp(name, BY_NAMES[i]) == 0) {
            *out = (mvec_rank_by)i;
            return MVEC_OK;
        }
    return mvec__error(ctx, MVEC_ERR_INVALID,
                       "unknown measure '%s' (balance, hhi, exposure or margin)", name ? name : "");
}

/* An observation that can enter a distribution (distribution.c, usable()). */
static bool distributional(const mvec_observation *o)
{
    if (o->superseded)
        return false;
    bool is_share = strcmp(o->indicator, "share") == 0;
    if (!is_share && strcmp(o->indicator, "value") != 0)
        return false;
    return !is_share || strcmp(o->dimension, "share") == 0;
}

/* The distinct vectors of the data, each with the countries that have it. */
typedef struct vector_seen {
    const char *name;
    bool *has; /* by registry index */
    size_t countries;
    int *latest; /* by registry index: latest whole-year year, 0 when none */
} vector_seen;

typedef struct vector_list {
    vector_seen *items;
    size_t count, capacity;
    size_t last; /* the item the previous observation used */
} vector_list;

static void vector_list_clear(mvec_ctx *ctx, vector_list *list)
{
    for (size_t i = 0; i < list->count; i++) {
        mvec__free(ctx, list->items[i].has);
        mvec__free(ctx, list->items[i].latest);
    }
    mvec__free(ctx, list->items);
    memset(list, 0, sizeof *list);
}

static mvec_status vector_find(mvec_ctx *ctx, vector_list *list, const char *name, size_t registry,
                               vector_seen **out)
{
    mvec_status status = MVEC_OK;
    if (list->last < list->count && list->items[list->last].name == name) {
        *out = &list->items[list->last];
        return MVEC_OK;
    }
    for (size_t i = 0; i < list->count; i++)
        if (list->items[i].name == name || strcmp(list->items[i].name, name) == 0) {
            list->last = i;
            *out = &list->items[i];
            return MVEC_OK;
        }
    MVEC_TRY(mvec__grow(ctx, &list->items, &list->capacity, list->count + 1, sizeof *list->items));
    vector_seen *v = &list->items[list->count];
    memset(v, 0, sizeof *v);
    v->name = name;
    list->count++;
    MVEC_TRY(mvec__calloc(ctx, registry ? registry : 1, sizeof *v->has, &v->has));
    MVEC_TRY(mvec__calloc(ctx, registry ? registry : 1, sizeof *v->latest, &v->latest));
    list->last = list->count - 1;
    *out = v;
cleanup:
    return status;
}

/* trade.total, else trade.exports, else the vector most countries have. */
static const vector_seen *default_vector(const vector_list *list)
{
    static const char *const PREFERRED[] = {"trade.total", "trade.exports"};
    for (size_t p = 0; p < 2; p++)
        for (size_t i = 0; i < list->count; i++)
            if (strcmp(list->items[i].name, PREFERRED[p]) == 0)
                return &list->items[i];
    const vector_seen *best = NULL;
    for (size_t i = 0; i < list->count; i++) {
        const vector_seen *v = &list->items[i];
        if (best == NULL || v->countries > best->countries ||
            (v->countries == best->countries && strcmp(v->name, best->name) < 0))
            best = v;
    }
    return best;
}

/* The year that is the latest whole-year year for the most countries (ties:
 * the later); 0 when no country has a whole year. */
static int default_year(const vector_seen *v, size_t registry)
{
    int best = 0;
    size_t best_count = 0;
    for (size_t c = 0; c < registry; c++) {
        int y = v->latest[c];
        if (y == 0 || y == best)
            continue;
        size_t n = 0;
        for (size_t d = 0; d < registry; d++)
            n += v->latest[d] == y ? 1u : 0u;
        if (n > best_count || (n == best_count && y > best)) {
            best = y;
            best_count = n;
        }
    }
    return best;
}

static mvec_interval measure_of(const mvec_rank_row *row, mvec_rank_by by)
{
    switch (by) {
    case MVEC_RANK_HHI:
        return row->hhi;
    case MVEC_RANK_EXPOSURE:
        return row->exposure;
    case MVEC_RANK_MARGIN:
        return row->margin;
    case MVEC_RANK_BALANCE:
    case MVEC_RANK_BY_COUNT:
    default:
        return row->balance;
    }
}

/* Largest first: lower end, then upper end (exact comparisons), undefined
 * last, then the code. */
static int compare_rows(const void *pa, const void *pb)
{
    const mvec_rank_row *a = pa;
    const mvec_rank_row *b = pb;
    bool na = isnan(a->measure.lo) || isnan(a->measure.hi);
    bool nb = isnan(b->measure.lo) || isnan(b->measure.hi);
    if (na != nb)
        return na ? 1 : -1;
    if (!na) {
        if (a->measure.lo > b->measure.lo || a->measure.lo < b->measure.lo)
            return a->measure.lo > b->measure.lo ? -1 : 1;
        if (a->measure.hi > b->measure.hi || a->measure.hi < b->measure.hi)
            return a->measure.hi > b->measure.hi ? -1 : 1;
    }
    return strcmp(a->country->code, b->country->code);
}

static int compare_left(const void *pa, const void *pb)
{
    const mvec_rank_left_out *a = pa;
    const mvec_rank_left_out *b = pb;
    return strcmp(a->country->code, b->country->code);
}

/* The total (WLD, whole partner, every option) of d, and the one publication
 * of its figures (NULL when several). */
static void total_and_source(const mvec__distribution *d, mvec_interval *total, const char **source)
{
    total->lo = NAN;
    total->hi = NAN;
    *source = d->table;
    bool several = false;
    for (size_t e = 0; e < d->entry_count; e++) {
        const mvec__entry *entry = &d->entries[e];
        bool is_total = strcmp(entry->partner->code, "WLD") == 0 && entry->item[0] == '\0';
        for (size_t k = 0; k < entry->option_count; k++) {
            const mvec__option *o = &entry->options[k];
            if (is_total) {
                if (isnan(total->lo) || o->value < total->lo)
                    total->lo = o->value;
                if (isnan(total->hi) || o->value > total->hi)
                    total->hi = o->value;
            }
            for (size_t s = 0; d->table == NULL && s < o->source_count; s++) {
                const char *name = o->sources[s]->source;
                if (*source == NULL && !several)
                    *source = name;
                else if (*source != NULL && strcmp(*source, name) != 0) {
                    *source = NULL;
                    several = true;
                }
            }
        }
    }
}

/* "USD" for the dimension USD: the unit of factor 1 in it, else the dimension. */
static const char *base_unit(const mvec__units *units, const char *dimension)
{
    for (size_t i = 0; i < units->count; i++)
        if (!(units->units[i].factor < 1 || units->units[i].factor > 1) &&
            strcmp(units->units[i].dimension, dimension) == 0)
            return units->units[i].name;
    return dimension;
}

static mvec_status add_left(mvec_ctx *ctx, mvec_rank *rank, size_t *capacity,
                            const mvec_country *country, const char *reason)
{
    mvec_status status = MVEC_OK;
    MVEC_TRY(mvec__grow(ctx, &rank->left, capacity, rank->left_count + 1, sizeof *rank->left));
    const char *copy = NULL;
    MVEC_TRY(mvec__arena_strdup(ctx, &rank->arena, reason, &copy));
    rank->left[rank->left_count].country = country;
    rank->left[rank->left_count].reason = copy;
    rank->left_count++;
cleanup:
    return status;
}

/* The years in which some country has the vector, "2000-2016" or "2019, 2021". */
static void years_text(const mvec_observations *observations, const char *vector, char *out,
                       size_t size)
{
    enum { FIRST = 1800, SPAN = 400 };
    bool seen[SPAN] = {false};
    for (size_t i = 0; i < mvec_observations_count(observations); i++) {
        const mvec_observation *o = mvec_observations_at(observations, i);
        if (distributional(o) && strcmp(o->vector, vector) == 0 && o->year >= FIRST &&
            o->year < FIRST + SPAN)
            seen[o->year - FIRST] = true;
    }
    size_t used = 0;
    out[0] = '\0';
    for (int y = 0; y < SPAN; y++) {
        if (!seen[y])
            continue;
        int end = y;
        while (end + 1 < SPAN && seen[end + 1])
            end++;
        int n = end > y ? snprintf(out + used, size - used, "%s%d-%d", used ? ", " : "", FIRST + y,
                                   FIRST + end)
                        : snprintf(out + used, size - used, "%s%d", used ? ", " : "", FIRST + y);
        if (n < 0 || (size_t)n >= size - used)
            break;
        used += (size_t)n;
        y = end;
    }
}

mvec_status mvec_rank_build(mvec_ctx *ctx, const mvec_observations *observations,
                            const mvec_bloc_scheme *scheme, const mvec_memberships *memberships,
                            const mvec_rank_options *options, mvec_rank **out)
{
    mvec_status status = MVEC_OK;
    mvec_rank *rank = NULL;
    vector_list vectors = {NULL, 0, 0, 0};
    bool *focal = NULL;
    size_t *bucket_start = NULL;
    const mvec_observation **sorted = NULL;
    mvec_observations *scratch = NULL;
    mvec__collection collection = {NULL, {NULL, 0, 0}, NULL};
    mvec__units units;
    memset(&units, 0, sizeof units);
    size_t row_capacity = 0;
    size_t left_capacity = 0;
    *out = NULL;
    mvec_rank_options o = MVEC_RANK_OPTIONS_INIT;
    MVEC_TRY(mvec__options_read(ctx, "mvec_rank_options", "MVEC_RANK_OPTIONS_INIT", &o, sizeof o,
                                sizeof o, options));
    if ((unsigned)o.by >= MVEC_RANK_BY_COUNT)
        MVEC_FAIL(ctx, MVEC_ERR_INVALID, "unknown measure %d (balance, hhi, exposure or margin)",
                  (int)o.by);
    const mvec_countries *countries = mvec_observations_countries(observations);
    size_t registry = mvec_countries_count(countries);
    size_t n = mvec_observations_count(observations);
    MVEC_TRY(mvec__calloc(ctx, 1, sizeof *rank, &rank));
    rank->scheme = scheme;
    rank->by = o.by;
    MVEC_TRY(mvec__calloc(ctx, registry ? registry : 1, sizeof *focal, &focal));

    /* one pass: the countries of the data, the vectors, each vector's latest years */
    size_t focal_count = 0;
    for (size_t i = 0; i < n; i++) {
        if ((i & 0xFFFF) == 0)
            MVEC_TRY(mvec__check_cancel(ctx));
        const mvec_observation *ob = mvec_observations_at(observations, i);
        if (!distributional(ob) || !mvec__is_country_like(ob->country))
            continue;
        size_t c = mvec_countries_index(countries, ob->country);
        if (c >= registry)
            continue;
        focal_count += focal[c] ? 0u : 1u;
        focal[c] = true;
        vector_seen *v = NULL;
        MVEC_TRY(vector_find(ctx, &vectors, ob->vector, registry, &v));
        v->countries += v->has[c] ? 0u : 1u;
        v->has[c] = true;
        if (ob->period[0] == '\0' && ob->year > v->latest[c])
            v->latest[c] = ob->year;
    }
    const vector_seen *chosen = NULL;
    if (o.vector != NULL && o.latest != NULL) {
        vector_seen *v = NULL;
        MVEC_TRY(vector_find(ctx, &vectors, o.vector, registry, &v));
        for (size_t c = 0; c < registry; c++) {
            const mvec_country *country = mvec_countries_at(countries, c);
            if (o.latest[c] <= 0 || !mvec__is_country_like(country))
                continue;
            focal_count += focal[c] ? 0u : 1u;
            focal[c] = true;
            v->countries += v->has[c] ? 0u : 1u;
            v->has[c] = true;
            if (o.latest[c] > v->latest[c])
                v->latest[c] = o.latest[c];
        }
    }
    if (o.vector != NULL) {
        for (size_t i = 0; i < vectors.count && chosen == NULL; i++)
            if (strcmp(vectors.items[i].name, o.vector) == 0)
                chosen = &vectors.items[i];
        if (chosen == NULL) {
            mvec__buf names = MVEC__BUF_INIT(4096);
            for (size_t i = 0; i < vectors.count; i++)
                if (mvec__buf_printf(ctx, &names, "%s%s", i ? ", " : "", vectors.items[i].name) !=
                    MVEC_OK)
                    break;
            mvec_ctx_clear_error(ctx);
            status = mvec__error(ctx, MVEC_ERR_INVALID,
                                 "no country of the data has the vector '%s' (vectors: %s)",
                                 o.vector, names.data ? names.data : "");
            mvec__buf_clear(ctx, &names);
            goto cleanup;
        }
    } else {
        chosen = default_vector(&vectors);
        rank->vector_default = true;
    }
    if (focal_count == 0)
        MVEC_FAIL(ctx, MVEC_ERR_NO_DATA,
                  "no country has a partner distribution in the data (no observation with "
                  "indicator value or share)");
    rank->vector = chosen->name;
    rank->year = o.year;
    if (o.year == 0) {
        rank->year = default_year(chosen, registry);
        rank->year_default = true;
        if (rank->year == 0)
            MVEC_FAIL(ctx, MVEC_ERR_NO_DATA, "no country has whole-year %s data", chosen->name);
    }

    /* the vector's observations of the year, grouped by country */
    MVEC_TRY(mvec__calloc(ctx, registry + 1, sizeof *bucket_start, &bucket_start));
    size_t selected = 0;
    for (size_t i = 0; i < n; i++) {
        const mvec_observation *ob = mvec_observations_at(observations, i);
        if (ob->year != rank->year || strcmp(ob->vector, rank->vector) != 0)
            continue;
        size_t c = mvec_countries_index(countries, ob->country);
        if (c >= registry || !focal[c])
            continue;
        bucket_start[c + 1]++;
        selected++;
    }
    if (selected == 0) {
        char years[512];
        years_text(observations, rank->vector, years, sizeof years);
        MVEC_FAIL(ctx, MVEC_ERR_NO_DATA, "no country has %s data for %d (years with data: %s)",
                  rank->vector, rank->year, years[0] ? years : "none");
    }
    for (size_t c = 0; c < registry; c++)
        bucket_start[c + 1] += bucket_start[c];
    MVEC_TRY(mvec__calloc(ctx, selected, sizeof *sorted, &sorted));
    {
        size_t *fill = NULL;
        MVEC_TRY(mvec__calloc(ctx, registry + 1, sizeof *fill, &fill));
        memcpy(fill, bucket_start, (registry + 1) * sizeof *fill);
        for (size_t i = 0; i < n; i++) {
            const mvec_observation *ob = mvec_observations_at(observations, i);
            if (ob->year != rank->year || strcmp(ob->vector, rank->vector) != 0)
                continue;
            size_t c = mvec_countries_index(countries, ob->country);
            if (c >= registry || !focal[c])
                continue;
            sorted[fill[c]++] = ob;
        }
        mvec__free(ctx, fill);
    }

    MVEC_TRY(mvec__units_load(ctx, &units));
    MVEC_TRY(mvec_observations_new(ctx, countries, &scratch));
    mvec__evaluation_context context = {countries, scheme, memberships};
    mvec__candidate_filter filter = {rank->vector, rank->year, -1};
    size_t bloc_count = mvec_bloc_count(scheme);
    for (size_t c = 0; c < registry; c++) {
        if (!focal[c])
            continue;
        MVEC_TRY(mvec__check_cancel(ctx));
        const mvec_country *country = mvec_countries_at(countries, c);
        char reason[512];
        if (bucket_start[c] == bucket_start[c + 1]) {
            if (!chosen->has[c])
                snprintf(reason, sizeof reason, "no %s data", rank->vector);
            else if (chosen->latest[c] > 0)
                snprintf(reason, sizeof reason, "no %s data for %d (latest: %d)", rank->vector,
                         rank->year, chosen->latest[c]);
            else
                snprintf(reason, sizeof reason, "no %s data for %d (partial years only)",
                         rank->vector, rank->year);
            MVEC_TRY(add_left(ctx, rank, &left_capacity, country, reason));
            continue;
        }
        mvec__observations_truncate(scratch, 0);
        for (size_t k = bucket_start[c]; k < bucket_start[c + 1]; k++)
            MVEC_TRY(mvec__observations_add_copy(ctx, scratch, sorted[k]));
        mvec__collection_clear(ctx, &collection);
        MVEC_TRY(mvec__collection_build(ctx, scratch, country, &collection));
        mvec_vector_profile vp;
        size_t pick = SIZE_MAX;
        MVEC_TRY(mvec__collection_pick(ctx, &collection, &context, rank->vector, &filter,
                                       &rank->arena, &vp, NULL, &pick));
        if (pick == SIZE_MAX || vp.status != NULL) {
            snprintf(reason, sizeof reason, "%s",
                     pick == SIZE_MAX ? "no usable distribution (bounds only)" : vp.status);
            MVEC_TRY(add_left(ctx, rank, &left_capacity, country, reason));
            continue;
        }
        MVEC_TRY(mvec__grow(ctx, &rank->rows, &row_capacity, rank->count + 1, sizeof *rank->rows));
        mvec_rank_row *row = &rank->rows[rank->count++];
        memset(row, 0, sizeof *row);
        row->country = country;
        row->balance = vp.balance;
        row->hhi = vp.indices->value[MVEC_INDEX_HHI];
        row->exposure = vp.exposure;
        row->margin = vp.margin;
        row->measure = measure_of(row, rank->by);
        row->top_share.lo = row->top_share.hi = NAN;
        for (size_t p = 0; p < vp.partner_count; p++)
            if (vp.partners[p].bloc != SIZE_MAX) {
                row->top_partner = vp.partners[p].partner;
                row->top_share = vp.partners[p].share;
                break;
            }
        row->bloc_shares = vp.bloc_shares;
        (void)bloc_count;
        row->partner_count = vp.partner_count;
        const mvec__distribution *d = collection.order[pick];
        total_and_source(d, &row->total, &row->source);
        row->unit = base_unit(&units, d->dimension);
        const char *period = NULL;
        MVEC_TRY(mvec__arena_strdup(ctx, &rank->arena, vp.period ? vp.period : "", &period));
        row->period = period;
        row->basis = vp.basis;
        if (row->unit != d->dimension) {
            const char *unit = NULL;
            MVEC_TRY(mvec__arena_strdup(ctx, &rank->arena, row->unit, &unit));
            row->unit = unit;
        }
    }
    if (rank->count == 0 && rank->left_count == 0)
        MVEC_FAIL(ctx, MVEC_ERR_INTERNAL, "rank: no country considered");
    qsort(rank->rows, rank->count, sizeof *rank->rows, compare_rows);
    for (size_t i = 0; i < rank->count; i++)
        rank->rows[i].rank = i + 1;
    if (rank->left_count > 1)
        qsort(rank->left, rank->left_count, sizeof *rank->left, compare_left);
    *out = rank;
    rank = NULL;
cleanup:
    mvec__collection_clear(ctx, &collection);
    mvec_observations_free(ctx, scratch);
    mvec__units_clear(ctx, &units);
    mvec__free(ctx, sorted);
    mvec__free(ctx, bucket_start);
    mvec__free(ctx, focal);
    vector_list_clear(ctx, &vectors);
    mvec_rank_free(ctx, rank);
    return status;
}

void mvec_rank_free(mvec_ctx *ctx, mvec_rank *rank)
{
    if (rank == NULL)
        return;
    mvec__arena_clear(ctx, &rank->arena);
    mvec__free(ctx, rank->rows);
    mvec__free(ctx, rank->left);
    mvec__free(ctx, rank);
}

size_t mvec_rank_count(const mvec_rank *rank)
{
    return rank->count;
}

const mvec_rank_row *mvec_rank_at(const mvec_rank *rank, size_t index)
{
    return index < rank->count ? &rank->rows[index] : NULL;
}

size_t mvec_rank_left_out_count(const mvec_rank *rank)
{
    return rank->left_count;
}

const mvec_rank_left_out *mvec_rank_left_out_at(const mvec_rank *rank, size_t index)
{
    return index < rank->left_count ? &rank->left[index] : NULL;
}

int mvec_rank_year(const mvec_rank *rank)
{
    return rank->year;
}

const char *mvec_rank_vector(const mvec_rank *rank)
{
    return rank->vector;
}

mvec_rank_by mvec_rank_measure(const mvec_rank *rank)
{
    return rank->by;
}

const mvec_bloc_scheme *mvec_rank_scheme(const mvec_rank *rank)
{
    return rank->scheme;
}

bool mvec_rank_year_default(const mvec_rank *rank)
{
    return rank->year_default;
}

bool mvec_rank_vector_default(const mvec_rank *rank)
{
    return rank->vector_default;
}
