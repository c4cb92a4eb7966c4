/*
 * distribution.c - grouping observations into partner distributions.
 *
 * Usable observations of the focal country (indicator value or share, not
 * superseded) are grouped by (vector, year, period, basis, unit dimension).
 * Within a group, each (partner, item) is an entry holding the distinct
 * values reported for it (options) and the observations behind each value.
 * Bounds (">", "<") are set aside as excluded inputs. Evaluation of a
 * distribution into bounds is in evaluate.c.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "distribution.h"

/* ---- collecting ------------------------------------------------------------------------ */

static bool same_key(const mvec__distribution *d, const mvec_observation *o, const char *table)
{
    return d->year == o->year && d->basis == o->basis && d->table == table &&
           strcmp(d->vector, o->vector) == 0 && strcmp(d->period, o->period) == 0 &&
           strcmp(d->dimension, o->dimension) == 0;
}

static mvec_status distribution_for(mvec_ctx *ctx, mvec__distribution_set *set,
                                    const mvec_observation *o, const char *table,
                                    mvec__distribution **out)
{
    for (size_t i = 0; i < set->count; i++)
        if (same_key(&set->items[i], o, table)) {
            *out = &set->items[i];
            return MVEC_OK;
        }
    mvec_status status = mvec__grow(ctx, &set->items, &set->capacity, set->count + 1,
                                    sizeof *set->items);
    if (status != MVEC_OK)
        return status;
    mvec__distribution *d = &set->items[set->count++];
    memset(d, 0, sizeof *d);
    d->country = o->country;
    d->vector = o->vector;
    d->year = o->year;
    d->period = o->period;
    d->basis = o->basis;
    d->dimension = o->dimension;
    d->share_based = strcmp(o->dimension, "share") == 0;
    d->table = table;
    *out = d;
    return MVEC_OK;
}

static bool same_value(double a, double b)
{
    double scale = fabs(a) > fabs(b) ? fabs(a) : fabs(b);
    return fabs(a - b) <= 1e-12 * (scale > 1 ? scale : 1);
}

static mvec_status add_value(mvec_ctx *ctx, mvec__distribution *d, const mvec_country *partner,
                             const char *item, double value, const mvec_observation *source)
{
    mvec_status status = MVEC_OK;
    mvec__entry *entry = NULL;
    for (size_t i = 0; i < d->entry_count && entry == NULL; i++)
        if (d->entries[i].partner == partner && strcmp(d->entries[i].item, item) == 0)
            entry = &d->entries[i];
    if (entry == NULL) {
        MVEC_TRY(mvec__grow(ctx, &d->entries, &d->entry_capacity, d->entry_count + 1,
                            sizeof *d->entries));
        entry = &d->entries[d->entry_count++];
        memset(entry, 0, sizeof *entry);
        entry->partner = partner;
        entry->item = item;
    }
    mvec__option *option = NULL;
    for (size_t i = 0; i < entry->option_count && option == NULL; i++)
        if (same_value(entry->options[i].value, value))
            option = &entry->options[i];
    if (option == NULL) {
        MVEC_TRY(mvec__grow(ctx, &entry->options, &entry->option_capacity,
                            entry->option_count + 1, sizeof *entry->options));
        option = &entry->options[entry->option_count++];
        memset(option, 0, sizeof *option);
        option->value = value;
    }
    if (source != NULL) {
        MVEC_TRY(mvec__grow(ctx, &option->sources, &option->source_capacity,
                            option->source_count + 1, sizeof *option->sources));
        option->sources[option->source_count++] = source;
    }
cleanup:
    return status;
}

static bool usable(const mvec_observation *o, const mvec_country *country)
{
    if (o->country != country || o->superseded)
        return false;
    bool is_share = strcmp(o->indicator, "share") == 0;
    if (!is_share && strcmp(o->indicator, "value") != 0)
        return false;
    return !is_share || strcmp(o->dimension, "share") == 0; /* no "share" in money */
}

/* Text key of an observation's group and source, for counting per source. */
static void group_key(const mvec_observation *o, char *out, size_t size)
{
    snprintf(out, size, "%s|%d|%s|%d|%s|%s", o->vector, o->year, o->period, (int)o->basis,
             o->dimension, o->source);
}

/*
 * Sources that give a total and at least TABLE_PARTNERS partner figures in
 * one group are statistical tables: each forms a distribution of its own,
 * kept apart from figures compiled from other sources (and from other
 * releases), so that a full official table is never mixed, figure by
 * figure, with press reports of the same flows.
 */
enum { TABLE_PARTNERS = 20 };

typedef struct source_count {
    size_t partners;
    bool total;
} source_count;

static mvec_status find_tables(mvec_ctx *ctx, const mvec_observations *observations,
                               const mvec_country *country, mvec__strmap *index,
                               source_count **counts, size_t *count)
{
    mvec_status status = MVEC_OK;
    size_t capacity = 0;
    char key[512];
    for (size_t i = 0; i < mvec_observations_count(observations); i++) {
        const mvec_observation *o = mvec_observations_at(observations, i);
        if (!usable(o, country))
            continue;
        group_key(o, key, sizeof key);
        size_t slot;
        if (!mvec__strmap_get(index, key, &slot)) {
            MVEC_TRY(mvec__grow(ctx, counts, &capacity, *count + 1, sizeof **counts));
            slot = (*count)++;
            (*counts)[slot].partners = 0;
            (*counts)[slot].total = false;
            MVEC_TRY(mvec__strmap_put(ctx, index, key, slot, NULL));
        }
        if (strcmp(o->partner->code, "WLD") == 0)
            (*counts)[slot].total = true;
        else
            (*counts)[slot].partners++;
    }
cleanup:
    return status;
}

mvec_status mvec__distributions_collect(mvec_ctx *ctx, const mvec_observations *observations,
                                        const mvec_country *country,
                                        mvec__distribution_set *out)
{
    mvec_status status = MVEC_OK;
    mvec__strmap index = MVEC__STRMAP_INIT;
    source_count *counts = NULL;
    size_t count = 0;
    char key[512];
    MVEC_TRY(find_tables(ctx, observations, country, &index, &counts, &count));
    for (size_t i = 0; i < mvec_observations_count(observations); i++) {
        const mvec_observation *o = mvec_observations_at(observations, i);
        if (!usable(o, country))
            continue;
        group_key(o, key, sizeof key);
        size_t slot = 0;
        mvec__strmap_get(&index, key, &slot);
        bool table = counts[slot].total && counts[slot].partners >= TABLE_PARTNERS;
        mvec__distribution *d = NULL;
        MVEC_TRY(distribution_for(ctx, out, o, table ? o->source : NULL, &d));
        if (o->qualifier != MVEC_QUALIFIER_EXACT && o->qualifier != MVEC_QUALIFIER_ABOUT) {
            MVEC_TRY(mvec__grow(ctx, &d->excluded, &d->excluded_capacity, d->excluded_count + 1,
                                sizeof *d->excluded));
            d->excluded[d->excluded_count++] = o;
            continue;
        }
        MVEC_TRY(add_value(ctx, d, o->partner, o->item, o->base_value, o));
    }
cleanup:
    mvec__strmap_clear(ctx, &index);
    mvec__free(ctx, counts);
    return status;
}

mvec_status mvec__distribution_from_memberships(mvec_ctx *ctx,
                                                const mvec_memberships *memberships,
                                                const mvec_country *country, int year,
                                                mvec__distribution_set *out)
{
    mvec_status status = MVEC_OK;
    mvec__distribution *d = NULL;
    MVEC_TRY(mvec__grow(ctx, &out->items, &out->capacity, out->count + 1, sizeof *out->items));
    d = &out->items[out->count++];
    memset(d, 0, sizeof *d);
    d->country = country;
    d->vector = "institutions";
    d->year = year;
    d->period = "";
    d->basis = MVEC_BASIS_THIRD_PARTY;
    d->dimension = "count";
    d->organisations_are_partners = true;
    d->complete = true;
    for (size_t i = 0; i < mvec_memberships_count(memberships); i++) {
        const mvec_membership *m = mvec_memberships_at(memberships, i);
        if (m->member != country ||
            !mvec_memberships_contains(memberships, m->organisation, country, year))
            continue;
        MVEC_TRY(mvec__grow(ctx, &d->memberships, &d->membership_capacity,
                            d->membership_count + 1, sizeof *d->memberships));
        d->memberships[d->membership_count++] = m;
        MVEC_TRY(add_value(ctx, d, m->organisation, "", 1.0, NULL));
    }
cleanup:
    return status;
}

void mvec__distribution_items_clear(mvec_ctx *ctx, mvec__distribution_set *set)
{
    for (size_t i = 0; i < set->count; i++) {
        mvec__distribution *d = &set->items[i];
        for (size_t e = 0; e < d->entry_count; e++) {
            for (size_t o = 0; o < d->entries[e].option_count; o++)
                mvec__free(ctx, d->entries[e].options[o].sources);
            mvec__free(ctx, d->entries[e].options);
        }
        mvec__free(ctx, d->entries);
        mvec__free(ctx, d->excluded);
        mvec__free(ctx, d->memberships);
    }
}

void mvec__distributions_clear(mvec_ctx *ctx, mvec__distribution_set *set)
{
    mvec__distribution_items_clear(ctx, set);
    mvec__free(ctx, set->items);
    set->items = NULL;
    set->count = 0;
    set->capacity = 0;
}

bool mvec__distribution_has_total(const mvec__distribution *d)
{
    if (d->share_based || d->complete)
        return true;
    for (size_t e = 0; e < d->entry_count; e++) {
        const char *code = d->entries[e].partner->code;
        if (strcmp(code, "WLD") == 0 || strcmp(code, "OTH") == 0)
            return true;
    }
    return false;
}

size_t mvec__distribution_listed_count(const mvec__distribution *d)
{
    size_t count = 0;
    for (size_t e = 0; e < d->entry_count; e++)
        if (mvec__is_country_like(d->entries[e].partner) || d->organisations_are_partners)
            count++;
    return count;
}
