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
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "distribution.h"

/* ---- keys ------------------------------------------------------------------------------ */

/*
 * Grouping keys are tuples of interned strings and small integers: every
 * string of an observation comes from its observations object's string
 * pool (observations.c interns each field), so equal strings are the same
 * pointer and a key is a few machine words, hashed and compared without
 * formatting or string comparison. One open-addressing map serves the
 * three groupings (per source, per distribution, per entry), so grouping n
 * observations costs O(n) expected.
 */
enum { KEY_WORDS = 6 };

typedef struct key_slot {
    uintptr_t key[KEY_WORDS];
    size_t value; /* SIZE_MAX: empty */
} key_slot;

typedef struct key_map {
    key_slot *slots;
    size_t slot_count; /* a power of two */
    size_t count;
} key_map;

static size_t key_hash(const uintptr_t *key)
{
    uint64_t h = 1469598103934665603u;
    for (int i = 0; i < KEY_WORDS; i++) {
        h ^= (uint64_t)key[i];
        h *= 1099511628211u;
        h ^= h >> 31;
    }
    return (size_t)h;
}

static key_slot *key_find(const key_map *map, const uintptr_t *key)
{
    size_t mask = map->slot_count - 1;
    for (size_t i = key_hash(key) & mask;; i = (i + 1) & mask) {
        key_slot *slot = &map->slots[i];
        if (slot->value == SIZE_MAX || memcmp(slot->key, key, sizeof slot->key) == 0)
            return slot;
    }
}

/* The value of `key`, or SIZE_MAX. */
static size_t key_get(const key_map *map, const uintptr_t *key)
{
    return map->slot_count ? key_find(map, key)->value : SIZE_MAX;
}

static mvec_status key_put(mvec_ctx *ctx, key_map *map, const uintptr_t *key, size_t value)
{
    if ((map->count + 1) * 2 > map->slot_count) { /* load at most 1/2 */
        size_t size = map->slot_count ? map->slot_count * 2 : 64;
        key_slot *slots = NULL;
        mvec_status status = mvec__alloc(ctx, size * sizeof *slots, &slots);
        if (status != MVEC_OK)
            return status;
        for (size_t i = 0; i < size; i++)
            slots[i].value = SIZE_MAX;
        key_map grown = {slots, size, 0};
        for (size_t i = 0; i < map->slot_count; i++)
            if (map->slots[i].value != SIZE_MAX) {
                *key_find(&grown, map->slots[i].key) = map->slots[i];
                grown.count++;
            }
        mvec__free(ctx, map->slots);
        *map = grown;
    }
    key_slot *slot = key_find(map, key);
    if (slot->value == SIZE_MAX) {
        memcpy(slot->key, key, sizeof slot->key);
        map->count++;
    }
    slot->value = value;
    return MVEC_OK;
}

static void key_map_clear(mvec_ctx *ctx, key_map *map)
{
    mvec__free(ctx, map->slots);
    map->slots = NULL;
    map->slot_count = 0;
    map->count = 0;
}

/* (vector, year, period, basis, dimension, source or table): a group of one
 * source, or with source NULL a distribution compiled from several. */
static void group_key(const mvec_observation *o, const char *source, uintptr_t *key)
{
    key[0] = (uintptr_t)o->vector;
    key[1] = (uintptr_t)(unsigned)o->year;
    key[2] = (uintptr_t)o->period;
    key[3] = (uintptr_t)o->basis;
    key[4] = (uintptr_t)o->dimension;
    key[5] = (uintptr_t)source;
}

/* ---- collecting ------------------------------------------------------------------------ */

static mvec_status new_distribution(mvec_ctx *ctx, mvec__distribution_set *set,
                                    const mvec_observation *o, const char *table, size_t *out)
{
    mvec_status status = mvec__grow(ctx, &set->items, &set->capacity, set->count + 1,
                                    sizeof *set->items);
    if (status != MVEC_OK)
        return status;
    mvec__distribution *d = &set->items[set->count];
    memset(d, 0, sizeof *d);
    d->country = o->country;
    d->vector = o->vector;
    d->year = o->year;
    d->period = o->period;
    d->basis = o->basis;
    d->dimension = o->dimension;
    d->share_based = strcmp(o->dimension, "share") == 0;
    d->table = table;
    *out = set->count++;
    return MVEC_OK;
}

static bool same_value(double a, double b)
{
    double scale = fabs(a) > fabs(b) ? fabs(a) : fabs(b);
    return fabs(a - b) <= 1e-12 * (scale > 1 ? scale : 1);
}

/* Add a value for (partner, item) to d. `entries` (may be NULL: linear
 * search, for short lists) maps (distribution, partner, item) to an entry. */
static mvec_status add_value(mvec_ctx *ctx, mvec__distribution *d, size_t distribution,
                             key_map *entries, const mvec_country *partner, const char *item,
                             double value, const mvec_observation *source)
{
    mvec_status status = MVEC_OK;
    mvec__entry *entry = NULL;
    uintptr_t key[KEY_WORDS] = {(uintptr_t)distribution, (uintptr_t)partner, (uintptr_t)item,
                                0, 0, 0};
    if (entries != NULL) {
        size_t found = key_get(entries, key);
        if (found != SIZE_MAX)
            entry = &d->entries[found];
    } else {
        for (size_t i = 0; i < d->entry_count && entry == NULL; i++)
            if (d->entries[i].partner == partner && strcmp(d->entries[i].item, item) == 0)
                entry = &d->entries[i];
    }
    if (entry == NULL) {
        MVEC_TRY(mvec__grow(ctx, &d->entries, &d->entry_capacity, d->entry_count + 1,
                            sizeof *d->entries));
        if (entries != NULL)
            MVEC_TRY(key_put(ctx, entries, key, d->entry_count));
        entry = &d->entries[d->entry_count++];
        memset(entry, 0, sizeof *entry);
        entry->partner = partner;
        entry->item = item;
    }
    /* the values reported for one entry are few: a linear search */
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

/*
 * A source that gives, in one group, a total and either at least
 * TABLE_PARTNERS partner figures or partner figures that together make up
 * its total (within TABLE_COVERAGE of it) is a statistical table: it forms a
 * distribution of its own, kept apart from figures compiled from other
 * sources (and from other releases), so that a whole official table is never
 * mixed, figure by figure, with press reports of the same flows. A table
 * whose every figure is marked quality `official` is an official table, which
 * the profile prefers (profile.c, docs/methods.md section 5).
 */
enum { TABLE_PARTNERS = 20 };
static const double TABLE_COVERAGE = 0.01; /* 1 % of the total: rounding in the source */

typedef struct source_count {
    size_t partners;
    bool total;
    bool official;       /* every figure of the source is quality official */
    double total_value;  /* base units */
    double listed_value; /* countries' figures (exact or about), base units */
} source_count;

static bool is_table(const source_count *c)
{
    if (!c->total || c->partners == 0)
        return false;
    if (c->partners >= TABLE_PARTNERS)
        return true;
    return c->total_value > 0 &&
           fabs(c->total_value - c->listed_value) <= TABLE_COVERAGE * c->total_value;
}

static mvec_status find_tables(mvec_ctx *ctx, const mvec_observations *observations,
                               const mvec_country *country, key_map *index,
                               source_count **counts, size_t *count)
{
    mvec_status status = MVEC_OK;
    size_t capacity = 0;
    uintptr_t key[KEY_WORDS];
    for (size_t i = 0; i < mvec_observations_count(observations); i++) {
        const mvec_observation *o = mvec_observations_at(observations, i);
        if (!usable(o, country))
            continue;
        group_key(o, o->source, key);
        size_t slot = key_get(index, key);
        if (slot == SIZE_MAX) {
            MVEC_TRY(mvec__grow(ctx, counts, &capacity, *count + 1, sizeof **counts));
            slot = (*count)++;
            (*counts)[slot] = (source_count){0, false, true, 0, 0};
            MVEC_TRY(key_put(ctx, index, key, slot));
        }
        source_count *c = &(*counts)[slot];
        bool point = o->qualifier == MVEC_QUALIFIER_EXACT || o->qualifier == MVEC_QUALIFIER_ABOUT;
        c->official = c->official && strcmp(o->quality, "official") == 0;
        if (strcmp(o->partner->code, "WLD") == 0) {
            c->total = true;
            if (point)
                c->total_value = o->base_value;
        } else {
            c->partners++;
            if (point && mvec__is_country_like(o->partner))
                c->listed_value += o->base_value;
        }
    }
cleanup:
    return status;
}

mvec_status mvec__distributions_collect(mvec_ctx *ctx, const mvec_observations *observations,
                                        const mvec_country *country,
                                        mvec__distribution_set *out)
{
    mvec_status status = MVEC_OK;
    key_map sources = {NULL, 0, 0};
    key_map distributions = {NULL, 0, 0};
    key_map entries = {NULL, 0, 0};
    source_count *counts = NULL;
    size_t count = 0;
    uintptr_t key[KEY_WORDS];
    MVEC_TRY(find_tables(ctx, observations, country, &sources, &counts, &count));
    for (size_t i = 0; i < mvec_observations_count(observations); i++) {
        const mvec_observation *o = mvec_observations_at(observations, i);
        if (!usable(o, country))
            continue;
        group_key(o, o->source, key);
        size_t slot = key_get(&sources, key);
        bool table = is_table(&counts[slot]);
        const char *table_source = table ? o->source : NULL;
        group_key(o, table_source, key);
        size_t index = key_get(&distributions, key);
        if (index == SIZE_MAX) {
            MVEC_TRY(new_distribution(ctx, out, o, table_source, &index));
            out->items[index].official = table && counts[slot].official;
            MVEC_TRY(key_put(ctx, &distributions, key, index));
        }
        mvec__distribution *d = &out->items[index];
        if (o->qualifier != MVEC_QUALIFIER_EXACT && o->qualifier != MVEC_QUALIFIER_ABOUT) {
            MVEC_TRY(mvec__grow(ctx, &d->excluded, &d->excluded_capacity, d->excluded_count + 1,
                                sizeof *d->excluded));
            d->excluded[d->excluded_count++] = o;
            continue;
        }
        MVEC_TRY(add_value(ctx, d, index, &entries, o->partner, o->item, o->base_value, o));
    }
cleanup:
    key_map_clear(ctx, &sources);
    key_map_clear(ctx, &distributions);
    key_map_clear(ctx, &entries);
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
        MVEC_TRY(add_value(ctx, d, 0, NULL, m->organisation, "", 1.0, NULL));
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
