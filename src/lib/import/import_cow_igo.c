/*
 * import_cow_igo.c - Correlates of War Intergovernmental Organizations v3,
 * the state-year file (docs/formats.md, "cow-igo"): one row per state and
 * year, `ccode,year,state`, then one column per IGO holding the state's
 * membership code (0 none, 1 full, 2 associate, 3 observer, -9 missing, -1
 * not in the state system or the IGO not in existence; empty = missing).
 *
 * For every state and year, the number of IGOs it shares with each other
 * state as full members of both: vector `institutions.igo`, indicator
 * `value`, unit `count`, partner the other state, both directions; pairs
 * sharing none give no row. COW numbers are mapped through data/codes/
 * cow.csv for the row's year; states it does not map are left out and
 * reported.
 *
 * Each row's full memberships are kept as a bit set (one bit per IGO
 * column); finish() sorts the rows by year and, for each year, fills the
 * dense state x state matrix of popcount(a AND b). Cost: O(rows x IGOs)
 * to read, O(sum over years of states^2 x IGOs / 64) to pair, and one
 * observation per co-member pair (about 1.7 million for the full file).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "import_common.h"

static const char *const COW_IGO_HEADER[] = {"ccode", "year", "state"};
enum { IGO_CCODE, IGO_YEAR, IGO_STATE, IGO_ORGANISATIONS, IGO_COLUMN_COUNT };
static const mvec__column_spec COW_IGO_COLUMNS[IGO_COLUMN_COUNT] = {
    {"ccode", true},
    {"year", true},
    {"state", true},
    {MVEC__TABLE_OTHER_COLUMNS, false}, /* one column per IGO, read by position */
};

typedef struct igo_row {
    const mvec_country *country;
    int year;
    size_t line;
    size_t bits; /* offset of the row's words in state->bits */
} igo_row;

typedef struct igo_state {
    mvec__coded cow;
    size_t *igo_fields; /* field index of each IGO column */
    size_t igo_count;
    size_t words; /* 64-bit words per row */
    igo_row *rows;
    size_t row_count, row_capacity;
    uint64_t *bits;
    size_t bit_count, bit_capacity; /* in words */
    size_t cells[4];                /* cells coded 2, 3, -9 (or empty), -1 */
} igo_state;

static mvec_status igo_begin(mvec__import *import)
{
    mvec_status status = MVEC_OK;
    igo_state *state = NULL;
    MVEC_TRY(mvec__calloc(import->ctx, 1, sizeof *state, &state));
    import->state = state;
    MVEC_TRY(mvec__coded_load(import, "cow", &state->cow));
    const mvec__table *table = &import->table;
    if (table->width > 0)
        MVEC_TRY(
            mvec__calloc(import->ctx, table->width, sizeof *state->igo_fields, &state->igo_fields));
    for (size_t f = 0; f < table->width; f++) {
        bool named = false;
        for (size_t s = 0; s < IGO_COLUMN_COUNT; s++)
            named = named || table->field_of[s] == (int)f;
        if (!named)
            state->igo_fields[state->igo_count++] = f;
    }
    /* at least one word, so a header without IGO columns still gives every
     * row a (zero) bit set to point at */
    state->words = state->igo_count == 0 ? 1 : (state->igo_count + 63) / 64;
cleanup:
    return status;
}

static void igo_clear(mvec__import *import)
{
    igo_state *state = import->state;
    if (state == NULL)
        return;
    mvec__coded_clear(import->ctx, &state->cow);
    mvec__free(import->ctx, state->igo_fields);
    mvec__free(import->ctx, state->rows);
    mvec__free(import->ctx, state->bits);
    mvec__free(import->ctx, state);
    import->state = NULL;
}

static mvec_status igo_row_read(mvec__import *import)
{
    mvec_ctx *ctx = import->ctx;
    mvec__table *table = &import->table;
    igo_state *state = import->state;
    mvec_status status = MVEC_OK;
    long ccode;
    long year;
    const char *ccode_text = mvec__table_get(table, IGO_CCODE);
    if (!mvec__parse_int(ccode_text, 1, 999, &ccode))
        return mvec__table_fail(ctx, table, IGO_CCODE, MVEC_ERR_PARSE, "invalid COW code '%s'",
                                ccode_text);
    if (!mvec__parse_int(mvec__table_get(table, IGO_YEAR), 1800, 2100, &year))
        return mvec__table_fail(ctx, table, IGO_YEAR, MVEC_ERR_PARSE, "invalid year '%s'",
                                mvec__table_get(table, IGO_YEAR));
    /* Read every cell (a bad code is an error wherever it is), keeping the
     * full memberships as bits. */
    MVEC_TRY(mvec__grow(ctx, &state->bits, &state->bit_capacity, state->bit_count + state->words,
                        sizeof *state->bits));
    uint64_t *bits = state->bits + state->bit_count;
    memset(bits, 0, state->words * sizeof *bits);
    char *const *fields = table->record->fields;
    for (size_t i = 0; i < state->igo_count; i++) {
        const char *cell = fields[state->igo_fields[i]];
        if (cell[0] == '1' && cell[1] == '\0')
            bits[i / 64] |= (uint64_t)1 << (i % 64);
        else if (cell[0] == '0' && cell[1] == '\0')
            continue;
        else if (cell[0] == '-' && cell[1] == '1' && cell[2] == '\0')
            state->cells[3]++;
        else if (cell[0] == '\0' || strcmp(cell, "-9") == 0)
            state->cells[2]++;
        else if ((cell[0] == '2' || cell[0] == '3') && cell[1] == '\0')
            state->cells[cell[0] - '2']++;
        else
            return mvec__error(ctx, MVEC_ERR_PARSE,
                               "%s:%zu:%zu: invalid membership code '%s' (0, 1, 2, 3, -9, -1 or "
                               "empty)",
                               import->name, table->record->field_lines[state->igo_fields[i]],
                               state->igo_fields[i] + 1, cell);
    }
    const mvec_country *country = NULL;
    bool known = mvec__code_map_find(&state->cow.map, ccode_text, (int)year, &country);
    if (!known || country == NULL) {
        char code[64];
        snprintf(code, sizeof code, "%s (%.40s)", ccode_text, mvec__table_get(table, IGO_STATE));
        return mvec__unmapped_add(ctx, &state->cow.unmapped, code, known, table->record->line);
    }
    MVEC_TRY(mvec__grow(ctx, &state->rows, &state->row_capacity, state->row_count + 1,
                        sizeof *state->rows));
    state->rows[state->row_count++] =
        (igo_row){country, (int)year, table->record->line, state->bit_count};
    state->bit_count += state->words;
cleanup:
    return status;
}

static int compare_igo_rows(const void *a, const void *b)
{
    const igo_row *x = a;
    const igo_row *y = b;
    if (x->year != y->year)
        return (x->year > y->year) - (x->year < y->year);
    int c = strcmp(x->country->code, y->country->code);
    if (c != 0)
        return c;
    return (x->line > y->line) - (x->line < y->line);
}

static mvec_status igo_finish(mvec__import *import)
{
    mvec_ctx *ctx = import->ctx;
    igo_state *state = import->state;
    mvec_status status = MVEC_OK;
    uint32_t *matrix = NULL;
    size_t matrix_capacity = 0;
    mvec__coded_report(import, &state->cow, "COW state-year");
    if (state->cells[0] + state->cells[1] + state->cells[2] > 0)
        mvec__log(ctx, MVEC_LOG_NOTE,
                  "%s: not counted as co-memberships: %zu associate (2), %zu observer (3) and "
                  "%zu missing (-9 or empty) cells",
                  import->name, state->cells[0], state->cells[1], state->cells[2]);
    if (state->row_count == 0)
        return MVEC_OK;
    qsort(state->rows, state->row_count, sizeof *state->rows, compare_igo_rows);
    for (size_t i = 1; i < state->row_count; i++)
        if (state->rows[i].year == state->rows[i - 1].year &&
            state->rows[i].country == state->rows[i - 1].country)
            return mvec__error(ctx, MVEC_ERR_PARSE,
                               "%s:%zu:1: a second row for %s in %d (the first is line %zu)",
                               import->name, state->rows[i].line, state->rows[i].country->code,
                               state->rows[i].year, state->rows[i - 1].line);
    /* The constant part of every observation, interned once. */
    mvec_observation template;
    memset(&template, 0, sizeof template);
    mvec__provenance provenance;
    MVEC_TRY(mvec__provenance_intern(
        import,
        &(mvec__provenance){
            .source = "Correlates of War Project, Intergovernmental Organizations v3.0",
            .source_date = "2020",
            .url = "https://correlatesofwar.org/data-sets/igos/",
            .title = "Intergovernmental Organizations (v3), state-year file",
            .quality = "official",
            .note = "IGOs in which both states are full members (code 1); associate (2), "
                    "observer (3) and missing (-9) memberships not counted",
        },
        &provenance));
    mvec__provenance_stamp(&provenance, &template);
    MVEC_TRY(mvec__import_intern(import, "institutions.igo", &template.vector));
    MVEC_TRY(mvec__import_intern(import, "value", &template.indicator));
    template.basis = MVEC_BASIS_THIRD_PARTY;
    template.value = 1;
    MVEC_TRY(mvec__import_template_unit(import, &template, "count", IGO_CCODE));
    double factor = template.base_value;
    const char *total_note = NULL;
    MVEC_TRY(mvec__import_intern(import,
                                 "the sum over partners of the IGOs shared (an IGO shared with "
                                 "n states counts n times)",
                                 &total_note));
    const mvec_country *world = mvec_countries_find(import->countries, "WLD");
    if (world == NULL)
        return mvec__error(ctx, MVEC_ERR_INTERNAL, "WLD missing from the country registry");
    size_t column = (size_t)import->table.field_of[IGO_CCODE] + 1;
    const size_t words = state->words;
    for (size_t start = 0; start < state->row_count;) {
        size_t end = start;
        while (end < state->row_count && state->rows[end].year == state->rows[start].year)
            end++;
        size_t k = end - start;
        MVEC_TRY(mvec__check_cancel(ctx));
        MVEC_TRY(mvec__grow(ctx, &matrix, &matrix_capacity, k * k, sizeof *matrix));
        for (size_t i = 0; i < k; i++) {
            const uint64_t *a = state->bits + state->rows[start + i].bits;
            matrix[i * k + i] = 0;
            for (size_t j = i + 1; j < k; j++) {
                const uint64_t *b = state->bits + state->rows[start + j].bits;
                uint32_t shared = 0;
                for (size_t w = 0; w < words; w++)
                    shared += (uint32_t)__builtin_popcountll(a[w] & b[w]);
                matrix[i * k + j] = matrix[j * k + i] = shared;
            }
        }
        for (size_t i = 0; i < k; i++) {
            const igo_row *focal = &state->rows[start + i];
            uint64_t total = 0;
            for (size_t j = 0; j <= k; j++) {
                uint64_t shared = j < k ? matrix[i * k + j] : total;
                if (shared == 0)
                    continue;
                mvec_observation *row = NULL;
                MVEC_TRY(mvec__import_new_row(import, &row));
                *row = template;
                row->country = focal->country;
                row->partner = j < k ? state->rows[start + j].country : world;
                row->year = focal->year;
                row->value = (double)shared;
                row->base_value = row->value * factor;
                row->line = focal->line;
                row->column = column;
                if (j == k)
                    row->note = total_note;
                mvec__import_add_row(import);
                total += shared;
            }
        }
        start = end;
    }
cleanup:
    mvec__free(ctx, matrix);
    return status;
}

const mvec__importer MVEC__IMPORT_COW_IGO = {
    .name = "cow-igo",
    .summary = "Correlates of War IGO v3, state-year file: IGOs shared with each partner (CSV)",
    .format = MVEC_INPUT_OTHER,
    .signature = COW_IGO_HEADER,
    .signature_count = sizeof COW_IGO_HEADER / sizeof *COW_IGO_HEADER,
    .columns = COW_IGO_COLUMNS,
    .column_count = IGO_COLUMN_COUNT,
    .row = igo_row_read,
    .begin = igo_begin,
    .finish = igo_finish,
    .clear = igo_clear,
};
