/*
 * import_pew.c - Pew Research Center Global Attitudes: favourability of each
 * great power (and the EU, the UN...) by surveyed country and wave, as the
 * weighted country-wave answer shares of the cataloguer's CSV
 * (docs/formats.md, "pew"). Each row gives two observations of the surveyed
 * country towards the target, vector `opinion`, third-party basis:
 * `favourable` (very + somewhat favourable) and `unfavourable` (very +
 * somewhat unfavourable), in % of respondents; the note keeps n and the six
 * answer shares. Works for any surveyed country.
 */
#include <math.h>
#include <stdio.h>

#include "import_common.h"
#include "importers.h"

static const char *const PEW_HEADER[] = {
    "wave",
    "country_iso3",
    "target",
    "n",
    "very_favorable",
    "somewhat_favorable",
    "somewhat_unfavorable",
    "very_unfavorable",
    "dont_know",
    "refused",
};
enum {
    PEW_WAVE,
    PEW_COUNTRY,
    PEW_TARGET,
    PEW_N,
    PEW_VERY_FAV,
    PEW_SOMEWHAT_FAV,
    PEW_SOMEWHAT_UNFAV,
    PEW_VERY_UNFAV,
    PEW_DONT_KNOW,
    PEW_REFUSED,
    PEW_COLUMN_COUNT
};
static const mvec__column_spec PEW_COLUMNS[PEW_COLUMN_COUNT] = {
    {"wave", true},
    {"country_iso3", true},
    {"target", true},
    {"n", true},
    {"very_favorable", true},
    {"somewhat_favorable", true},
    {"somewhat_unfavorable", true},
    {"very_unfavorable", true},
    {"dont_know", true},
    {"refused", true},
};

/* The six answer shares must sum to 1 within this (five-decimal rounding). */
#define PEW_SUM_TOLERANCE 1e-3

typedef struct pew_state {
    const char *vector, *favourable, *unfavourable;
    mvec__provenance provenance; /* source, date, title and note per wave and row */
    mvec__unmapped unmapped;
} pew_state;

static mvec_status pew_begin(mvec__import *import)
{
    mvec_status status = MVEC_OK;
    pew_state *state = NULL;
    MVEC_TRY(mvec__calloc(import->ctx, 1, sizeof *state, &state));
    import->state = state;
    MVEC_TRY(mvec__import_intern(import, "opinion", &state->vector));
    MVEC_TRY(mvec__import_intern(import, "favourable", &state->favourable));
    MVEC_TRY(mvec__import_intern(import, "unfavourable", &state->unfavourable));
    MVEC_TRY(mvec__provenance_intern(import,
                                     &(mvec__provenance){
                                         .url = "https://www.pewresearch.org/global/datasets/",
                                         .quality = "secondary",
                                     },
                                     &state->provenance));
cleanup:
    return status;
}

static void pew_clear(mvec__import *import)
{
    pew_state *state = import->state;
    if (state == NULL)
        return;
    mvec__unmapped_clear(import->ctx, &state->unmapped);
    mvec__free(import->ctx, state);
    import->state = NULL;
}

static mvec_status pew_finish(mvec__import *import)
{
    pew_state *state = import->state;
    mvec__unmapped_report(import->ctx, &state->unmapped, import->name, "Pew");
    return MVEC_OK;
}

/* A surveyed country or a target: an ISO alpha-3 code of the registry (or
 * an organisation for targets). PLS is the repository author's second code
 * for the Palestinian territories (PSE). NULL: not known. */
static const mvec_country *pew_country(const mvec_countries *countries, const char *code,
                                       bool organisation_allowed)
{
    if (mvec__str_equal(code, "PLS"))
        code = "PSE";
    size_t length = 0;
    while (code[length] >= 'A' && code[length] <= 'Z')
        length++;
    if (code[length] != '\0' || length < 2 || length > 4)
        return NULL; /* numbers and names are not this file's codes */
    const mvec_country *c = mvec_countries_find(countries, code);
    if (c == NULL || !mvec__str_equal(c->code, code))
        return NULL;
    if (c->kind == MVEC_COUNTRY_CURRENT || c->kind == MVEC_COUNTRY_FORMER)
        return c;
    return organisation_allowed && c->kind == MVEC_COUNTRY_ORGANISATION ? c : NULL;
}

static mvec_status pew_row(mvec__import *import)
{
    mvec_ctx *ctx = import->ctx;
    mvec__table *table = &import->table;
    pew_state *state = import->state;
    mvec_status status = MVEC_OK;
    long wave;
    long n;
    double share[6];
    static const char *const share_names[6] = {
        "very favourable",   "somewhat favourable", "somewhat unfavourable",
        "very unfavourable", "don't know",          "refused"};
    if (!mvec__parse_int(mvec__table_get(table, PEW_WAVE), 1990, 2100, &wave))
        return mvec__table_fail(ctx, table, PEW_WAVE, MVEC_ERR_PARSE, "invalid wave '%s'",
                                mvec__table_get(table, PEW_WAVE));
    if (!mvec__parse_int(mvec__table_get(table, PEW_N), 1, 1000000000, &n))
        return mvec__table_fail(ctx, table, PEW_N, MVEC_ERR_PARSE,
                                "invalid number of respondents '%s'",
                                mvec__table_get(table, PEW_N));
    double sum = 0;
    for (size_t i = 0; i < 6; i++) {
        const char *text = mvec__table_get(table, PEW_VERY_FAV + i);
        const char *reason = "";
        if (!mvec__parse_number(text, &share[i], &reason))
            return mvec__table_fail(ctx, table, PEW_VERY_FAV + i, MVEC_ERR_PARSE,
                                    "invalid share '%s': %s", text, reason);
        if (!(share[i] >= 0 && share[i] <= 1))
            return mvec__table_fail(ctx, table, PEW_VERY_FAV + i, MVEC_ERR_PARSE,
                                    "share '%s' is not between 0 and 1", text);
        sum += share[i];
    }
    if (fabs(sum - 1) > PEW_SUM_TOLERANCE)
        return mvec__table_fail(ctx, table, PEW_VERY_FAV, MVEC_ERR_PARSE,
                                "the six answer shares sum to %.5f, not 1", sum);
    const char *country_code = mvec__table_get(table, PEW_COUNTRY);
    const char *target_code = mvec__table_get(table, PEW_TARGET);
    const mvec_country *country = pew_country(import->countries, country_code, false);
    const mvec_country *target = pew_country(import->countries, target_code, true);
    if (country == NULL || target == NULL) {
        const char *code = country == NULL ? country_code : target_code;
        if (code[0] == '\0')
            return mvec__table_fail(ctx, table, country == NULL ? PEW_COUNTRY : PEW_TARGET,
                                    MVEC_ERR_PARSE, "empty country code");
        return mvec__unmapped_add(ctx, &state->unmapped, code, false, table->record->line);
    }
    char source[160];
    char title[160];
    char date[8];
    char note[400];
    snprintf(source, sizeof source, "Pew Research Center, Global Attitudes Survey, %ld wave", wave);
    snprintf(title, sizeof title,
             "Global Attitudes Survey %ld: weighted country shares (from the worldregio/pew_opi "
             "harmonised file)",
             wave);
    snprintf(date, sizeof date, "%ld", wave);
    int length = snprintf(note, sizeof note, "n=%ld", n);
    for (size_t i = 0; i < 6 && length > 0 && (size_t)length < sizeof note; i++)
        length += snprintf(note + length, sizeof note - (size_t)length, "%s %s %.1f %%",
                           i ? "," : ";", share_names[i], share[i] * 100);
    const char *source_text = NULL;
    const char *title_text = NULL;
    const char *date_text = NULL;
    const char *note_text = NULL;
    MVEC_TRY(mvec__import_intern(import, source, &source_text));
    MVEC_TRY(mvec__import_intern(import, title, &title_text));
    MVEC_TRY(mvec__import_intern(import, date, &date_text));
    MVEC_TRY(mvec__import_intern(import, note, &note_text));
    for (int unfavourable = 0; unfavourable <= 1; unfavourable++) {
        mvec_observation *row = NULL;
        MVEC_TRY(mvec__import_new_row(import, &row));
        mvec__provenance_stamp(&state->provenance, row);
        /* the shares have five decimals: the percentage is rounded to three,
         * which removes only the binary rounding of the sum */
        double sum_of_two = unfavourable ? share[2] + share[3] : share[0] + share[1];
        row->value = round(sum_of_two * 1e5) / 1e3;
        row->country = country;
        row->partner = target;
        row->vector = state->vector;
        row->indicator = unfavourable ? state->unfavourable : state->favourable;
        row->year = (int)wave;
        size_t column = unfavourable ? PEW_SOMEWHAT_UNFAV : PEW_VERY_FAV;
        MVEC_TRY(mvec__import_set_unit(import, row, "% of respondents", column));
        row->basis = MVEC_BASIS_THIRD_PARTY;
        row->source = source_text;
        row->source_date = date_text;
        row->title = title_text;
        row->note = note_text;
        row->line = table->record->line;
        row->column = (size_t)table->field_of[column] + 1;
        mvec__import_add_row(import);
    }
cleanup:
    return status;
}

const mvec__importer MVEC__IMPORT_PEW = {
    .name = "pew",
    .summary = "Pew Global Attitudes, favourability of great powers by country and wave (CSV)",
    .format = MVEC_INPUT_OTHER,
    .signature = PEW_HEADER,
    .signature_count = sizeof PEW_HEADER / sizeof *PEW_HEADER,
    .columns = PEW_COLUMNS,
    .column_count = PEW_COLUMN_COUNT,
    .row = pew_row,
    .begin = pew_begin,
    .finish = pew_finish,
    .clear = pew_clear,
};
