/*
 * import_sipri_tiv.c - SIPRI Arms Transfers Database, trend-indicator values
 * (TIV) by supplier, recipient and year of delivery, in the long layout of
 * 360info's reshaped SIPRI export tables (sipri-exports-processed.csv:
 * supplier, recipient, year, value, COW codes, coordinates). Recognised by
 * its exact header; any country (docs/formats.md).
 *
 * Each row gives two observations, third-party basis (SIPRI is neither
 * side): the recipient's arms.imports from the supplier and the supplier's
 * arms.exports to the recipient, in TIV m. Parties are mapped by SIPRI's own
 * names through data/codes/sipri.csv (the COW columns are not used: 360info
 * gives rebel groups the COW code of the state they fight in); a side whose
 * name maps to no country (unknown supplier, a rebel group, NATO) loses its
 * observation, and the import reports it. The file has no totals: after the
 * last row, each country's yearly imports and exports are summed into a WLD
 * row (import_totals.h), parties mapped to no country included, so their
 * TIV is the unlisted remainder of the distribution.
 */
#include <stdio.h>

#include "import_common.h"
#include "import_totals.h"

static const char *const SIPRI_HEADER[] = {
    "supplier",       "recipient",    "year",         "value",         "supplier_cown",
    "recipient_cown", "supplier_lon", "supplier_lat", "recipient_lon", "recipient_lat",
};
enum {
    SIPRI_SUPPLIER,
    SIPRI_RECIPIENT,
    SIPRI_YEAR,
    SIPRI_VALUE,
    SIPRI_SUPPLIER_COW,
    SIPRI_RECIPIENT_COW,
    SIPRI_SUPPLIER_LON,
    SIPRI_SUPPLIER_LAT,
    SIPRI_RECIPIENT_LON,
    SIPRI_RECIPIENT_LAT,
    SIPRI_COLUMN_COUNT
};
static const mvec__column_spec SIPRI_COLUMNS[SIPRI_COLUMN_COUNT] = {
    {"supplier", true},       {"recipient", true},      {"year", true},
    {"value", true},          {"supplier_cown", false}, {"recipient_cown", false},
    {"supplier_lon", false},  {"supplier_lat", false},  {"recipient_lon", false},
    {"recipient_lat", false},
};

/* Strings the same on every row, interned once (begin). */
typedef struct sipri_state {
    mvec__coded coded;
    mvec__import_totals totals;
    mvec__provenance provenance;
    const char *total_note;
    const char *imports, *exports, *value;
} sipri_state;

static mvec_status sipri_begin(mvec__import *import)
{
    mvec_status status = MVEC_OK;
    sipri_state *s = NULL;
    MVEC_TRY(mvec__calloc(import->ctx, 1, sizeof *s, &s));
    import->state = s;
    MVEC_TRY(mvec__coded_load(import, "sipri", &s->coded));
    MVEC_TRY(mvec__provenance_intern(
        import,
        &(mvec__provenance){
            .source = "SIPRI Arms Transfers Database, TIV of arms exports by supplier, recipient "
                      "and year (tables generated 28 July 2022, reshaped by 360info)",
            .source_date = "2022-07-28",
            .url = "https://www.sipri.org/databases/armstransfers",
            .title = "SIPRI Arms Transfers Database: trend-indicator values, 1950-2021",
            .quality = "official",
            .note = "year of delivery; TIV is a volume index (constant 1990 prices), not dollars; "
                    "0 = less than 0.5 m TIV",
        },
        &s->provenance));
    struct {
        const char **out;
        const char *text;
    } strings[] = {
        {&s->imports, "arms.imports"},
        {&s->exports, "arms.exports"},
        {&s->value, "value"},
        {&s->total_note, "total computed by mvec: the sum of this file's rows for the country "
                         "and year, including parties mapped to no country (unknown suppliers "
                         "or recipients, rebel groups, organisations)"},
    };
    for (size_t i = 0; i < sizeof strings / sizeof *strings; i++)
        MVEC_TRY(mvec__import_intern(import, strings[i].text, strings[i].out));
cleanup:
    return status;
}

static mvec_status sipri_add(mvec__import *import, const mvec_country *country,
                             const mvec_country *partner, const char *vector, int year,
                             double value)
{
    sipri_state *s = import->state;
    mvec_status status = MVEC_OK;
    mvec_observation *row = NULL;
    MVEC_TRY(mvec__import_new_row(import, &row));
    row->country = country;
    row->partner = partner;
    row->vector = vector;
    row->indicator = s->value;
    row->year = year;
    row->value = value;
    MVEC_TRY(mvec__import_set_unit(import, row, "TIV m", SIPRI_VALUE));
    row->basis = MVEC_BASIS_THIRD_PARTY;
    mvec__provenance_stamp(&s->provenance, row);
    row->line = import->table.record->line;
    row->column = (size_t)import->table.field_of[SIPRI_VALUE] + 1;
    mvec__import_add_row(import);
cleanup:
    return status;
}

static mvec_status sipri_row(mvec__import *import)
{
    mvec_ctx *ctx = import->ctx;
    mvec__table *table = &import->table;
    mvec_status status = MVEC_OK;
    long year;
    double value;
    const char *reason = "";
    const char *text = mvec__table_get(table, SIPRI_YEAR);
    if (!mvec__parse_int(text, 1900, 2100, &year))
        return mvec__table_fail(ctx, table, SIPRI_YEAR, MVEC_ERR_PARSE, "invalid year '%s'", text);
    text = mvec__table_get(table, SIPRI_VALUE);
    if (!mvec__parse_number(text, &value, &reason))
        return mvec__table_fail(ctx, table, SIPRI_VALUE, MVEC_ERR_PARSE, "invalid number '%s': %s",
                                text, reason);
    if (value < 0)
        return mvec__table_fail(ctx, table, SIPRI_VALUE, MVEC_ERR_PARSE, "negative TIV '%s'", text);
    const mvec_country *supplier = NULL;
    const mvec_country *recipient = NULL;
    sipri_state *s = import->state;
    MVEC_TRY(mvec__coded_column(import, &s->coded, SIPRI_SUPPLIER, (int)year, &supplier));
    MVEC_TRY(mvec__coded_column(import, &s->coded, SIPRI_RECIPIENT, (int)year, &recipient));
    size_t column = (size_t)table->field_of[SIPRI_VALUE] + 1;
    if (recipient != NULL)
        MVEC_TRY(mvec__import_totals_add(import, &s->totals, recipient, s->imports, (int)year,
                                         MVEC_BASIS_THIRD_PARTY, value, column));
    if (supplier != NULL)
        MVEC_TRY(mvec__import_totals_add(import, &s->totals, supplier, s->exports, (int)year,
                                         MVEC_BASIS_THIRD_PARTY, value, column));
    if (supplier != NULL && recipient != NULL) {
        MVEC_TRY(sipri_add(import, recipient, supplier, s->imports, (int)year, value));
        MVEC_TRY(sipri_add(import, supplier, recipient, s->exports, (int)year, value));
    }
cleanup:
    return status;
}

static mvec_status sipri_fill_total(mvec__import *import, mvec_observation *row,
                                    const mvec__import_total *total)
{
    sipri_state *s = import->state;
    (void)total;
    row->indicator = s->value;
    mvec__provenance_stamp(&s->provenance, row);
    row->note = s->total_note;
    return mvec__import_set_unit(import, row, "TIV m", SIPRI_VALUE);
}

static mvec_status sipri_finish(mvec__import *import)
{
    sipri_state *s = import->state;
    mvec__coded_report(import, &s->coded, "SIPRI");
    return mvec__import_totals_emit(import, &s->totals, sipri_fill_total);
}

static void sipri_clear(mvec__import *import)
{
    sipri_state *s = import->state;
    if (s == NULL)
        return;
    mvec__coded_clear(import->ctx, &s->coded);
    mvec__import_totals_clear(import->ctx, &s->totals);
    mvec__free(import->ctx, s);
    import->state = NULL;
}

const mvec__importer MVEC__IMPORT_SIPRI_TIV = {
    .name = "sipri-tiv",
    .summary = "SIPRI arms transfers, TIV by supplier, recipient and year (long CSV, any country)",
    .format = MVEC_INPUT_OTHER,
    .signature = SIPRI_HEADER,
    .signature_count = sizeof SIPRI_HEADER / sizeof *SIPRI_HEADER,
    .columns = SIPRI_COLUMNS,
    .column_count = SIPRI_COLUMN_COUNT,
    .row = sipri_row,
    .begin = sipri_begin,
    .finish = sipri_finish,
    .clear = sipri_clear,
};
