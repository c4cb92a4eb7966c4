/*
 * import_atop.c - ATOP alliance ties as undirected dyad-years (the
 * cataloguer's extract of the 257 x 257 yearly matrices, docs/formats.md,
 * "atop"): `year,state_a,cow_a,iso3_a,state_b,cow_b,iso3_b`.
 *
 * For each state and year, one tie per ally: vector `security.alliance`,
 * indicator `value`, value 1, unit `count`, both directions, so a profile's
 * shares are the shares of the state's allies in each bloc.
 *
 * Each side is named by its iso3 through the registry and checked against
 * data/codes/cow.csv for that year; where the two disagree the COW table
 * wins (it knows the year: COW 365 is the Soviet Union until 1991, 345
 * Yugoslavia until 1991), and where the iso3 is not a registry code (the
 * extract's CZS, NYE, SYE, MON) the COW code is used; every such case is
 * reported in one warning. Sides neither maps are left out and reported.
 * Ties are deduplicated (two codes mapped to one state) and a tie of a
 * state with itself is dropped and counted. Cost: O(rows log rows).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "import_common.h"

static const char *const ATOP_HEADER[] = {"year",    "state_a", "cow_a", "iso3_a",
                                          "state_b", "cow_b",   "iso3_b"};
enum {
    ATOP_YEAR,
    ATOP_STATE_A,
    ATOP_COW_A,
    ATOP_ISO3_A,
    ATOP_STATE_B,
    ATOP_COW_B,
    ATOP_ISO3_B,
    ATOP_COLUMN_COUNT
};
static const mvec__column_spec ATOP_COLUMNS[ATOP_COLUMN_COUNT] = {
    {"year", true},    {"state_a", true}, {"cow_a", true},  {"iso3_a", true},
    {"state_b", true}, {"cow_b", true},   {"iso3_b", true},
};

typedef struct atop_tie {
    const mvec_country *a, *b; /* a's code sorts before b's */
    int year;
    size_t line;
} atop_tie;

/* One way the iso3 column was overridden by the COW table. */
typedef struct atop_override {
    char given[16];
    const mvec_country *used;
    long cow;
    int first_year, last_year;
    size_t rows;
} atop_override;

enum { ATOP_MAX_OVERRIDES = 64 };

typedef struct atop_state {
    mvec__coded cow;
    atop_tie *ties;
    size_t tie_count, tie_capacity;
    atop_override overrides[ATOP_MAX_OVERRIDES];
    size_t override_count;
    size_t override_rows_more; /* beyond ATOP_MAX_OVERRIDES kinds */
    size_t self_ties;
} atop_state;

static mvec_status atop_begin(mvec__import *import)
{
    mvec_status status = MVEC_OK;
    atop_state *state = NULL;
    MVEC_TRY(mvec__calloc(import->ctx, 1, sizeof *state, &state));
    import->state = state;
    MVEC_TRY(mvec__coded_load(import, "cow", &state->cow));
cleanup:
    return status;
}

static void atop_clear(mvec__import *import)
{
    atop_state *state = import->state;
    if (state == NULL)
        return;
    mvec__coded_clear(import->ctx, &state->cow);
    mvec__free(import->ctx, state->ties);
    mvec__free(import->ctx, state);
    import->state = NULL;
}

static void note_override(atop_state *state, const char *given, const mvec_country *used, long cow,
                          int year)
{
    for (size_t i = 0; i < state->override_count; i++) {
        atop_override *o = &state->overrides[i];
        if (o->used == used && o->cow == cow && strcmp(o->given, given) == 0) {
            o->rows++;
            o->first_year = year < o->first_year ? year : o->first_year;
            o->last_year = year > o->last_year ? year : o->last_year;
            return;
        }
    }
    if (state->override_count == ATOP_MAX_OVERRIDES) {
        state->override_rows_more++;
        return;
    }
    atop_override *o = &state->overrides[state->override_count++];
    snprintf(o->given, sizeof o->given, "%s", given);
    o->used = used;
    o->cow = cow;
    o->first_year = o->last_year = year;
    o->rows = 1;
}

/* One side of a dyad: the country, or NULL when it is left out (counted). */
static mvec_status atop_side(mvec__import *import, size_t cow_column, size_t iso3_column, int year,
                             const mvec_country **out)
{
    mvec_ctx *ctx = import->ctx;
    mvec__table *table = &import->table;
    atop_state *state = import->state;
    *out = NULL;
    long cow;
    const char *cow_text = mvec__table_get(table, cow_column);
    const char *iso3 = mvec__table_get(table, iso3_column);
    if (!mvec__parse_int(cow_text, 0, 999, &cow))
        return mvec__table_fail(ctx, table, cow_column, MVEC_ERR_PARSE, "invalid COW code '%s'",
                                cow_text);
    const mvec_country *by_iso3 = NULL;
    if (iso3[0] != '\0' && strcmp(iso3, "0") != 0) {
        by_iso3 = mvec_countries_find(import->countries, iso3);
        if (by_iso3 != NULL &&
            (!mvec__str_equal(by_iso3->code, iso3) ||
             (by_iso3->kind != MVEC_COUNTRY_CURRENT && by_iso3->kind != MVEC_COUNTRY_FORMER)))
            by_iso3 = NULL; /* a name, a number or an aggregate: not this column's codes */
    }
    const mvec_country *by_cow = NULL;
    bool known = mvec__code_map_find(&state->cow.map, cow_text, year, &by_cow);
    if (by_cow != NULL) {
        if (by_cow != by_iso3)
            note_override(state, iso3, by_cow, cow, year);
        *out = by_cow;
        return MVEC_OK;
    }
    if (by_iso3 != NULL && !known) {
        *out = by_iso3;
        return MVEC_OK;
    }
    /* known to the COW table as no country (South Vietnam), or unknown to both */
    char code[96];
    snprintf(code, sizeof code, "%s / COW %s (%.40s)", iso3[0] ? iso3 : "no iso3", cow_text,
             mvec__table_get(table, cow_column == ATOP_COW_A ? ATOP_STATE_A : ATOP_STATE_B));
    return mvec__unmapped_add(ctx, &state->cow.unmapped, code, known, table->record->line);
}

static mvec_status atop_row(mvec__import *import)
{
    mvec_ctx *ctx = import->ctx;
    mvec__table *table = &import->table;
    atop_state *state = import->state;
    mvec_status status = MVEC_OK;
    long year;
    if (!mvec__parse_int(mvec__table_get(table, ATOP_YEAR), 1800, 2100, &year))
        return mvec__table_fail(ctx, table, ATOP_YEAR, MVEC_ERR_PARSE, "invalid year '%s'",
                                mvec__table_get(table, ATOP_YEAR));
    const mvec_country *a = NULL;
    const mvec_country *b = NULL;
    MVEC_TRY(atop_side(import, ATOP_COW_A, ATOP_ISO3_A, (int)year, &a));
    MVEC_TRY(atop_side(import, ATOP_COW_B, ATOP_ISO3_B, (int)year, &b));
    if (a == NULL || b == NULL)
        return MVEC_OK;
    if (a == b) {
        state->self_ties++;
        return MVEC_OK;
    }
    if (strcmp(a->code, b->code) > 0) {
        const mvec_country *swap = a;
        a = b;
        b = swap;
    }
    MVEC_TRY(mvec__grow(ctx, &state->ties, &state->tie_capacity, state->tie_count + 1,
                        sizeof *state->ties));
    state->ties[state->tie_count++] = (atop_tie){a, b, (int)year, table->record->line};
cleanup:
    return status;
}

static int compare_ties(const void *x, const void *y)
{
    const atop_tie *a = x;
    const atop_tie *b = y;
    if (a->year != b->year)
        return (a->year > b->year) - (a->year < b->year);
    int c = strcmp(a->a->code, b->a->code);
    if (c == 0)
        c = strcmp(a->b->code, b->b->code);
    if (c == 0)
        c = (a->line > b->line) - (a->line < b->line);
    return c;
}

static mvec_status atop_report(mvec__import *import)
{
    mvec_ctx *ctx = import->ctx;
    atop_state *state = import->state;
    mvec_status status = MVEC_OK;
    mvec__buf text = MVEC__BUF_INIT(16384);
    mvec__coded_report(import, &state->cow, "ATOP dyad side");
    if (state->override_count > 0) {
        MVEC_TRY(mvec__buf_printf(ctx, &text,
                                  "%s: the iso3 column was read through data/codes/cow.csv "
                                  "(which knows the year) where it names no registry country "
                                  "or another one:",
                                  import->name));
        for (size_t i = 0; i < state->override_count; i++) {
            const atop_override *o = &state->overrides[i];
            MVEC_TRY(mvec__buf_printf(ctx, &text, "%s '%s' as %s (COW %ld, %d-%d, %zu row%s)",
                                      i ? ";" : "", o->given, o->used->code, o->cow, o->first_year,
                                      o->last_year, o->rows, o->rows == 1 ? "" : "s"));
        }
        if (state->override_rows_more > 0)
            MVEC_TRY(
                mvec__buf_printf(ctx, &text, "; and %zu more rows", state->override_rows_more));
        mvec__log(ctx, MVEC_LOG_WARNING, "%s", text.data);
    }
    if (state->self_ties > 0)
        mvec__log(ctx, MVEC_LOG_WARNING,
                  "%s: %zu tie%s of a state with itself (two codes of one country) left out",
                  import->name, state->self_ties, state->self_ties == 1 ? "" : "s");
cleanup:
    mvec__buf_clear(ctx, &text);
    return status;
}

static mvec_status atop_finish(mvec__import *import)
{
    mvec_ctx *ctx = import->ctx;
    atop_state *state = import->state;
    mvec_status status = MVEC_OK;
    atop_tie *directed = NULL;
    MVEC_TRY(atop_report(import));
    if (state->tie_count == 0)
        return MVEC_OK;
    qsort(state->ties, state->tie_count, sizeof *state->ties, compare_ties);
    mvec_observation template;
    memset(&template, 0, sizeof template);
    mvec__provenance provenance;
    MVEC_TRY(mvec__provenance_intern(
        import,
        &(mvec__provenance){
            .source = "ATOP (Leeds et al.), alliance dyad-years 1950-2017 as extracted by Fritz, "
                      "Thurner & Kauermann",
            .source_date = "2022-10-21",
            .url = "https://github.com/dennis-klein/arms-trade-networks",
            .title = "Alliance Treaty Obligations and Provisions: yearly alliance matrices "
                     "(data/out/atop_alliance.RData)",
            .quality = "secondary",
            .note = "one tie per ally and year; any ATOP obligation (defence, neutrality, "
                    "non-aggression, consultation): the pact type is not in this extract",
        },
        &provenance));
    mvec__provenance_stamp(&provenance, &template);
    MVEC_TRY(mvec__import_intern(import, "security.alliance", &template.vector));
    MVEC_TRY(mvec__import_intern(import, "value", &template.indicator));
    template.basis = MVEC_BASIS_THIRD_PARTY;
    template.value = 1;
    MVEC_TRY(mvec__import_template_unit(import, &template, "count", ATOP_YEAR));
    double factor = template.base_value;
    const char *total_note = NULL;
    MVEC_TRY(mvec__import_intern(import, "the number of allies that year (the sum of the ties)",
                                 &total_note));
    const mvec_country *world = mvec_countries_find(import->countries, "WLD");
    if (world == NULL)
        return mvec__error(ctx, MVEC_ERR_INTERNAL, "WLD missing from the country registry");
    size_t column = (size_t)import->table.field_of[ATOP_YEAR] + 1;
    /* Both directions of each distinct tie, then grouped by state and year:
     * one row per ally, and the number of allies as the total (WLD). */
    size_t directed_count = 0;
    MVEC_TRY(mvec__calloc(ctx, 2 * state->tie_count, sizeof *directed, &directed));
    for (size_t i = 0; i < state->tie_count; i++) {
        const atop_tie *tie = &state->ties[i];
        if (i > 0 && tie->year == state->ties[i - 1].year && tie->a == state->ties[i - 1].a &&
            tie->b == state->ties[i - 1].b)
            continue; /* the same tie again (two codes mapped to one state) */
        directed[directed_count++] = *tie;
        directed[directed_count++] = (atop_tie){tie->b, tie->a, tie->year, tie->line};
    }
    qsort(directed, directed_count, sizeof *directed, compare_ties);
    for (size_t start = 0; start < directed_count;) {
        size_t end = start;
        while (end < directed_count && directed[end].year == directed[start].year &&
               directed[end].a == directed[start].a)
            end++;
        for (size_t i = start; i <= end; i++) {
            mvec_observation *row = NULL;
            MVEC_TRY(mvec__import_new_row(import, &row));
            *row = template;
            row->country = directed[start].a;
            row->year = directed[start].year;
            row->column = column;
            if (i < end) {
                row->partner = directed[i].b;
                row->line = directed[i].line;
            } else {
                row->partner = world;
                row->value = (double)(end - start);
                row->base_value = row->value * factor;
                row->line = directed[start].line;
                row->note = total_note;
            }
            mvec__import_add_row(import);
        }
        start = end;
    }
cleanup:
    mvec__free(ctx, directed);
    return status;
}

const mvec__importer MVEC__IMPORT_ATOP = {
    .name = "atop",
    .summary = "ATOP alliance ties, undirected dyad-years 1950-2017 (CSV extract)",
    .format = MVEC_INPUT_OTHER,
    .signature = ATOP_HEADER,
    .signature_count = sizeof ATOP_HEADER / sizeof *ATOP_HEADER,
    .columns = ATOP_COLUMNS,
    .column_count = ATOP_COLUMN_COUNT,
    .row = atop_row,
    .begin = atop_begin,
    .finish = atop_finish,
    .clear = atop_clear,
};
