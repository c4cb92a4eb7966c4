/*
 * baseline.c - the base year a scenario starts from: each vector's partner
 * values (from the profile of that year) and the exports' split by HS
 * chapter (data/kaz/exports_by_chapter.csv).
 *
 * A vector enters when its distribution is in a currency (trade, investment,
 * debt). A partner's value is its share times the vector's total; where the
 * share is an interval (incomplete sources) the midpoint is used and a note
 * says so; the unlisted remainder is one pseudo-partner that belongs to no
 * bloc. Cost: O(v n) for v vectors of n partners, plus one profile.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../data/csv_table.h"
#include "sim_internal.h"

static const char *const SIMULATED_VECTORS[] = {"trade.exports", "trade.imports", "fdi.stock",
                                                "debt.external"};

static bool is_simulated(const char *name)
{
    for (size_t i = 0; i < sizeof SIMULATED_VECTORS / sizeof SIMULATED_VECTORS[0]; i++)
        if (strcmp(name, SIMULATED_VECTORS[i]) == 0)
            return true;
    return false;
}

size_t mvec__baseline_partner(const mvec__baseline *baseline, const mvec_country *country)
{
    for (size_t p = 0; p < baseline->partner_count; p++)
        if (baseline->partners[p] == country)
            return p;
    return SIZE_MAX;
}

size_t mvec__baseline_vector(const mvec__baseline *baseline, const char *name)
{
    for (size_t v = 0; v < baseline->vector_count; v++)
        if (strcmp(baseline->vectors[v].name, name) == 0)
            return v;
    return SIZE_MAX;
}

double mvec__baseline_chapter_share(const mvec__baseline *baseline, size_t partner, int lo, int hi)
{
    const double *chapters = baseline->world_chapter;
    double total = baseline->world_chapter_total;
    if (baseline->chapter_total != NULL && baseline->chapter_total[partner] > 0) {
        chapters = baseline->chapter_value + partner * MVEC__SIM_CHAPTERS;
        total = baseline->chapter_total[partner];
    }
    if (!(total > 0))
        return 0;
    double sum = 0;
    for (int c = lo < 0 ? 0 : lo; c <= hi && c < MVEC__SIM_CHAPTERS; c++)
        sum += chapters[c];
    return sum / total;
}

/* The vector's total in its currency: the world figure among its inputs, else the listed
 * partners' values scaled up by their share. NAN when the inputs hold no values. */
static double vector_total(const mvec_vector_profile *vector)
{
    for (size_t i = 0; i < vector->input_count; i++) {
        const mvec_observation *o = vector->inputs[i];
        if (strcmp(o->indicator, "value") == 0 && strcmp(o->partner->code, "WLD") == 0 &&
            o->item[0] == '\0')
            return o->base_value;
    }
    double values = 0, shares = 0;
    for (size_t i = 0; i < vector->input_count; i++) {
        const mvec_observation *o = vector->inputs[i];
        if (strcmp(o->indicator, "value") != 0)
            continue;
        for (size_t p = 0; p < vector->partner_count; p++)
            if (vector->partners[p].partner == o->partner) {
                values += o->base_value;
                break;
            }
    }
    for (size_t p = 0; p < vector->partner_count; p++)
        shares += (vector->partners[p].share.lo + vector->partners[p].share.hi) / 2;
    return values > 0 && shares > 0 ? values / shares : NAN;
}

static mvec_status add_partner(mvec_ctx *ctx, mvec__baseline *b, const mvec_country *country,
                               size_t bloc, size_t *capacity, size_t *index)
{
    mvec_status status = MVEC_OK;
    size_t found = mvec__baseline_partner(b, country);
    if (found != SIZE_MAX) {
        *index = found;
        return MVEC_OK;
    }
    if (b->partner_count == *capacity) {
        size_t grown = *capacity;
        MVEC_TRY(mvec__grow(ctx, &b->partners, &grown, b->partner_count + 1, sizeof *b->partners));
        grown = *capacity;
        MVEC_TRY(mvec__grow(ctx, &b->bloc, &grown, b->partner_count + 1, sizeof *b->bloc));
        *capacity = grown;
    }
    b->partners[b->partner_count] = country;
    b->bloc[b->partner_count] = bloc;
    *index = b->partner_count++;
cleanup:
    return status;
}

/* ---- the chapter table ---------------------------------------------------------------- */

enum { CH_YEAR, CH_PARTNER, CH_CHAPTER, CH_VALUE, CH_UNIT, CH_SOURCE, CH_URL, CH_NOTE, CH_COUNT };
static const mvec__column_spec CHAPTER_COLUMNS[CH_COUNT] = {
    {"year", true}, {"partner", true}, {"chapter", true}, {"value", true},
    {"unit", true}, {"source", true},  {"url", false},    {"note", false},
};

typedef struct chapter_reader {
    mvec_ctx *ctx;
    mvec__baseline *baseline;
    const mvec_countries *countries;
} chapter_reader;

static mvec_status read_chapter_row(void *user, mvec__table *table)
{
    chapter_reader *r = user;
    mvec__baseline *b = r->baseline;
    char *end = NULL;
    long year = strtol(mvec__table_get(table, CH_YEAR), &end, 10);
    if (*end != '\0' || year < 1900 || year > 2100)
        return mvec__table_fail(r->ctx, table, CH_YEAR, MVEC_ERR_PARSE, "not a year");
    long chapter = strtol(mvec__table_get(table, CH_CHAPTER), &end, 10);
    if (*end != '\0' || chapter < 1 || chapter > 99)
        return mvec__table_fail(r->ctx, table, CH_CHAPTER, MVEC_ERR_PARSE,
                                "not an HS chapter (01-99)");
    double value = strtod(mvec__table_get(table, CH_VALUE), &end);
    if (*end != '\0' || !(value >= 0) || !isfinite(value))
        return mvec__table_fail(r->ctx, table, CH_VALUE, MVEC_ERR_PARSE, "not a value >= 0");
    if (strcmp(mvec__table_get(table, CH_UNIT), "USD k") != 0)
        return mvec__table_fail(r->ctx, table, CH_UNIT, MVEC_ERR_PARSE, "unit is not 'USD k'");
    b->chapter_year = (int)year;
    value *= 1e3;
    const char *code = mvec__table_get(table, CH_PARTNER);
    if (strcmp(code, "WLD") == 0) { /* the world: every partner together */
        b->world_chapter[chapter] += value;
        b->world_chapter_total += value;
        return MVEC_OK;
    }
    const mvec_country *partner = mvec_countries_find(r->countries, code);
    size_t p = partner ? mvec__baseline_partner(b, partner) : SIZE_MAX;
    if (p != SIZE_MAX) {
        b->chapter_value[p * MVEC__SIM_CHAPTERS + (size_t)chapter] += value;
        b->chapter_total[p] += value;
    }
    return MVEC_OK;
}

static mvec_status read_chapters(mvec_ctx *ctx, const mvec_countries *countries, mvec__baseline *b,
                                 mvec__buf *notes)
{
    mvec_status status = MVEC_OK;
    if (mvec__embedded_find("data/kaz/exports_by_chapter.csv") == NULL ||
        strcmp(b->country->code, "KAZ") != 0)
        return MVEC_OK;
    MVEC_TRY(mvec__calloc(ctx, b->partner_count * MVEC__SIM_CHAPTERS, sizeof *b->chapter_value,
                          &b->chapter_value));
    MVEC_TRY(mvec__calloc(ctx, b->partner_count, sizeof *b->chapter_total, &b->chapter_total));
    chapter_reader reader = {ctx, b, countries};
    MVEC_TRY(mvec__table_read_embedded(ctx, "data/kaz/exports_by_chapter.csv", CHAPTER_COLUMNS,
                                       CH_COUNT, read_chapter_row, &reader));
    MVEC_TRY(mvec__buf_printf(ctx, notes,
                              "exports are split by HS chapter with each partner's split of %d "
                              "(CEPII BACI, data/kaz/exports_by_chapter.csv), applied to the "
                              "base year's values\n",
                              b->chapter_year));
cleanup:
    return status;
}

/* ---- the baseline --------------------------------------------------------------------- */

static mvec_status take_vector(mvec_ctx *ctx, mvec__baseline *b, const mvec_vector_profile *vp,
                               size_t *capacity, mvec__buf *notes)
{
    mvec_status status = MVEC_OK;
    double total = vector_total(vp);
    if (!isfinite(total) || !(total > 0)) {
        MVEC_TRY(mvec__buf_printf(ctx, notes,
                                  "%s %d left out: its sources give shares, not "
                                  "values\n",
                                  vp->vector, vp->year));
        return MVEC_OK;
    }
    bool midpoints = false;
    for (size_t i = 0; i < vp->partner_count; i++) {
        size_t index = 0;
        MVEC_TRY(
            add_partner(ctx, b, vp->partners[i].partner, vp->partners[i].bloc, capacity, &index));
        midpoints |= islessgreater(vp->partners[i].share.lo, vp->partners[i].share.hi);
    }
    mvec__sim_vector *v = &b->vectors[b->vector_count];
    snprintf(v->name, sizeof v->name, "%s", vp->vector);
    snprintf(v->dimension, sizeof v->dimension, "%s", vp->dimension);
    v->year = vp->year;
    v->total = total;
    b->vector_count++;
    if (midpoints)
        MVEC_TRY(mvec__buf_printf(ctx, notes,
                                  "%s %d: shares known only as intervals start at their "
                                  "midpoints\n",
                                  vp->vector, vp->year));
    if (vp->unlisted.hi > 0)
        MVEC_TRY(mvec__buf_printf(ctx, notes,
                                  "%s %d: the %.1f %% its sources leave unlisted is one partner "
                                  "outside every bloc\n",
                                  vp->vector, vp->year, 50 * (vp->unlisted.lo + vp->unlisted.hi)));
    if (vp->year != b->year)
        MVEC_TRY(mvec__buf_printf(ctx, notes, "%s starts from %d, its latest year up to %d\n",
                                  vp->vector, vp->year, b->year));
cleanup:
    return status;
}

/* The distribution a baseline vector was taken from: the base year's, else the latest. */
static const mvec_vector_profile *source_of(const mvec__sim_vector *sv, const mvec_profile *profile,
                                            const mvec_profile *latest)
{
    const mvec_profile *from[2] = {profile, latest};
    for (size_t k = 0; k < 2 && from[k] != NULL; k++)
        for (size_t i = 0; i < mvec_profile_vector_count(from[k]); i++) {
            const mvec_vector_profile *vp = mvec_profile_vector(from[k], i);
            if (vp->status == NULL && vp->year == sv->year && strcmp(vp->vector, sv->name) == 0)
                return vp;
        }
    return NULL;
}

static void fill_values(mvec__baseline *b, const mvec_profile *profile, const mvec_profile *latest)
{
    for (size_t v = 0; v < b->vector_count; v++) {
        mvec__sim_vector *sv = &b->vectors[v];
        const mvec_vector_profile *vp = source_of(sv, profile, latest);
        if (vp == NULL)
            continue;
        for (size_t k = 0; k < vp->partner_count; k++) {
            size_t p = mvec__baseline_partner(b, vp->partners[k].partner);
            sv->value[p] = sv->total * (vp->partners[k].share.lo + vp->partners[k].share.hi) / 2;
        }
        sv->value[0] = sv->total * (vp->unlisted.lo + vp->unlisted.hi) / 2;
    }
}

mvec_status mvec__baseline_build(mvec_ctx *ctx, const mvec_observations *observations,
                                 const mvec_bloc_scheme *scheme, const char *country, int year,
                                 mvec__baseline *out, mvec__buf *notes)
{
    mvec_status status = MVEC_OK;
    mvec_profile *profile = NULL, *latest = NULL;
    mvec__baseline b;
    memset(&b, 0, sizeof b);
    size_t capacity = 0, unused = 0;
    mvec_profile_options options = MVEC_PROFILE_OPTIONS_INIT;
    options.country = country;
    options.year = year;
    MVEC_TRY(mvec_profile_build(ctx, observations, scheme, NULL, &options, &profile));
    b.country = mvec_profile_country(profile);
    b.bloc_count = mvec_bloc_count(scheme);
    for (size_t k = 0; k < b.bloc_count && b.great_power_count < 8; k++)
        if (mvec_bloc_is_great_power(scheme, k))
            b.great_power[b.great_power_count++] = k;
    /* the base year: the one asked for, else the trade exports' year */
    b.year = year;
    for (size_t i = 0; i < mvec_profile_vector_count(profile) && b.year == 0; i++) {
        const mvec_vector_profile *vp = mvec_profile_vector(profile, i);
        if (vp->status == NULL && strcmp(vp->vector, "trade.exports") == 0)
            b.year = vp->year;
    }
    MVEC_TRY(add_partner(ctx, &b, NULL, SIZE_MAX, &capacity, &unused)); /* the remainder */
    /* vectors without a distribution in the base year start from their latest earlier one
     * (a profile of those vectors only: the whole profile's composite is not needed) */
    for (size_t i = 0; i < mvec_profile_vector_count(profile); i++) {
        const mvec_vector_profile *vp = mvec_profile_vector(profile, i);
        if (!is_simulated(vp->vector) || b.vector_count == MVEC__SIM_MAX_VECTORS)
            continue;
        if (vp->status != NULL && latest == NULL) {
            options.year = 0;
            options.vector = NULL;
            MVEC_TRY(mvec_profile_build(ctx, observations, scheme, NULL, &options, &latest));
        }
        if (vp->status != NULL) {
            for (size_t k = 0; k < mvec_profile_vector_count(latest); k++) {
                const mvec_vector_profile *lp = mvec_profile_vector(latest, k);
                if (strcmp(lp->vector, vp->vector) == 0 && lp->status == NULL && lp->year <= b.year)
                    vp = lp;
            }
            if (vp->status != NULL)
                continue;
        }
        MVEC_TRY(take_vector(ctx, &b, vp, &capacity, notes));
    }
    b.total = SIZE_MAX;
    b.exports = mvec__baseline_vector(&b, "trade.exports");
    b.imports = mvec__baseline_vector(&b, "trade.imports");
    if (b.exports == SIZE_MAX || b.imports == SIZE_MAX || b.year == 0)
        MVEC_FAIL(ctx, MVEC_ERR_NO_DATA,
                  "%s has no trade exports and imports by partner in values for %d: a scenario "
                  "starts from them",
                  b.country->code, year);
    for (size_t v = 0; v < b.vector_count; v++)
        MVEC_TRY(mvec__calloc(ctx, b.partner_count, sizeof(double), &b.vectors[v].value));
    fill_values(&b, profile, latest);
    if (b.vector_count < MVEC__SIM_MAX_VECTORS &&
        b.vectors[b.exports].year == b.vectors[b.imports].year &&
        strcmp(b.vectors[b.exports].dimension, b.vectors[b.imports].dimension) == 0) {
        mvec__sim_vector *t = &b.vectors[b.vector_count];
        MVEC_TRY(mvec__calloc(ctx, b.partner_count, sizeof(double), &t->value));
        b.total = b.vector_count++;
        snprintf(t->name, sizeof t->name, "trade.total");
        memcpy(t->dimension, b.vectors[b.exports].dimension, sizeof t->dimension);
        t->year = b.vectors[b.exports].year;
        for (size_t p = 0; p < b.partner_count; p++)
            t->value[p] = b.vectors[b.exports].value[p] + b.vectors[b.imports].value[p];
        t->total = b.vectors[b.exports].total + b.vectors[b.imports].total;
    }
    MVEC_TRY(read_chapters(ctx, mvec_observations_countries(observations), &b, notes));
    *out = b;
    memset(&b, 0, sizeof b);
cleanup:
    mvec__baseline_clear(ctx, &b);
    mvec_profile_free(ctx, profile);
    mvec_profile_free(ctx, latest);
    return status;
}

void mvec__baseline_clear(mvec_ctx *ctx, mvec__baseline *baseline)
{
    for (size_t v = 0; v < baseline->vector_count; v++)
        mvec__free(ctx, baseline->vectors[v].value);
    mvec__free(ctx, baseline->partners);
    mvec__free(ctx, baseline->bloc);
    mvec__free(ctx, baseline->chapter_value);
    mvec__free(ctx, baseline->chapter_total);
    memset(baseline, 0, sizeof *baseline);
}
