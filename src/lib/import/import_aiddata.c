/*
 * import_aiddata.c - AidData's Global Chinese Development Finance Dataset
 * 3.0 aggregated to recipient and commitment year (the odadata package's
 * cow_gcdf.csv: ccode, year and six amounts in constant 2021 US dollars).
 * Recognised by its exact header; any recipient (docs/formats.md).
 *
 * Each row gives six observations of the recipient with partner China
 * (CHN), vector finance.official, third-party basis (AidData tracks
 * China's commitments from open sources), unit "USD 2021" (constant 2021
 * dollars: a dimension of its own, never added to current dollars):
 *
 *   oof_amt / oof_adj   item OOF-like  (loan-type "other official flows")
 *   oda_amt / oda_adj   item ODA-like
 *   vof_amt / vof_adj   item vague     (vague official finance)
 *
 * `_amt` is indicator commitment, `_adj` AidData's adjusted amount,
 * indicator commitment_adjusted. Neither is "value": the dataset has one
 * lender, so a share of it would be China's share of China (100 %); the
 * figures are context (sources, trend) until a series of other lenders
 * gives a distribution. Recipients are COW codes (data/codes/cow.csv); the
 * Gleditsch-Ward variant (gw_gcdf.csv) is refused with a message.
 */
#include <stdio.h>

#include "import_common.h"

static const char *const AIDDATA_HEADER[] = {
    "ccode", "year", "oof_amt", "oof_adj", "oda_amt", "oda_adj", "vof_amt", "vof_adj",
};
enum {
    AID_CCODE,
    AID_GWCODE,
    AID_YEAR,
    AID_OOF_AMT,
    AID_OOF_ADJ,
    AID_ODA_AMT,
    AID_ODA_ADJ,
    AID_VOF_AMT,
    AID_VOF_ADJ,
    AID_COLUMN_COUNT
};
static const mvec__column_spec AIDDATA_COLUMNS[AID_COLUMN_COUNT] = {
    {"ccode", false},  {"gwcode", false}, {"year", true},    {"oof_amt", true}, {"oof_adj", true},
    {"oda_amt", true}, {"oda_adj", true}, {"vof_amt", true}, {"vof_adj", true},
};

static const struct {
    size_t column;
    const char *item;
    bool adjusted;
} AIDDATA_AMOUNTS[] = {
    {AID_OOF_AMT, "OOF-like", false}, {AID_OOF_ADJ, "OOF-like", true},
    {AID_ODA_AMT, "ODA-like", false}, {AID_ODA_ADJ, "ODA-like", true},
    {AID_VOF_AMT, "vague", false},    {AID_VOF_ADJ, "vague", true},
};
enum { AIDDATA_AMOUNT_COUNT = sizeof AIDDATA_AMOUNTS / sizeof *AIDDATA_AMOUNTS };

typedef struct aiddata_state {
    mvec__coded coded;
    mvec__provenance provenance;
    const mvec_country *china;
    const char *items[AIDDATA_AMOUNT_COUNT];
    const char *vector, *commitment, *adjusted;
} aiddata_state;

static mvec_status aiddata_begin(mvec__import *import)
{
    mvec_ctx *ctx = import->ctx;
    mvec_status status = MVEC_OK;
    aiddata_state *s = NULL;
    if (import->table.field_of[AID_CCODE] < 0)
        return mvec__error(ctx, MVEC_ERR_SCHEMA,
                           "%s:1:1: no column 'ccode' (the recipient's COW code)%s", import->name,
                           import->table.field_of[AID_GWCODE] >= 0
                               ? ": Gleditsch-Ward codes (gwcode) are not mapped; read the "
                                 "COW variant of the same table (cow_gcdf.csv)"
                               : "");
    if (import->table.field_of[AID_GWCODE] >= 0)
        return mvec__error(ctx, MVEC_ERR_SCHEMA, "%s:1:%d: both ccode and gwcode", import->name,
                           import->table.field_of[AID_GWCODE] + 1);
    MVEC_TRY(mvec__calloc(ctx, 1, sizeof *s, &s));
    import->state = s;
    MVEC_TRY(mvec__coded_load(import, "cow", &s->coded));
    s->china = mvec_countries_find(import->countries, "CHN");
    if (s->china == NULL)
        MVEC_FAIL(ctx, MVEC_ERR_INTERNAL, "CHN missing from the country registry");
    for (size_t a = 0; a < AIDDATA_AMOUNT_COUNT; a++)
        MVEC_TRY(mvec__import_intern(import, AIDDATA_AMOUNTS[a].item, &s->items[a]));
    struct {
        const char **out;
        const char *text;
    } strings[] = {
        {&s->vector, "finance.official"},
        {&s->commitment, "commitment"},
        {&s->adjusted, "commitment_adjusted"},
    };
    for (size_t i = 0; i < sizeof strings / sizeof *strings; i++)
        MVEC_TRY(mvec__import_intern(import, strings[i].text, strings[i].out));
    MVEC_TRY(mvec__provenance_intern(
        import,
        &(mvec__provenance){
            .source = "AidData, Global Chinese Development Finance Dataset, Version 3.0 (2023), "
                      "recipient-year totals of projects recommended for aggregates (odadata "
                      "package)",
            .source_date = "2023",
            .url = "https://www.aiddata.org/data/aiddatas-global-chinese-development-finance-"
                   "dataset-version-3-0",
            .title = "AidData's Global Chinese Development Finance Dataset, Version 3.0",
            .quality = "official",
            .note = "commitments (not disbursements) of Chinese official finance in the "
                    "commitment year, constant 2021 US dollars; one lender only, so no shares",
        },
        &s->provenance));
cleanup:
    return status;
}

static mvec_status aiddata_row(mvec__import *import)
{
    mvec_ctx *ctx = import->ctx;
    mvec__table *table = &import->table;
    aiddata_state *s = import->state;
    mvec_status status = MVEC_OK;
    long year;
    const char *text = mvec__table_get(table, AID_YEAR);
    if (!mvec__parse_int(text, 1950, 2100, &year))
        return mvec__table_fail(ctx, table, AID_YEAR, MVEC_ERR_PARSE, "invalid year '%s'", text);
    double values[AIDDATA_AMOUNT_COUNT];
    for (size_t a = 0; a < AIDDATA_AMOUNT_COUNT; a++) {
        const char *reason = "";
        text = mvec__table_get(table, AIDDATA_AMOUNTS[a].column);
        if (!mvec__parse_number(text, &values[a], &reason))
            return mvec__table_fail(ctx, table, AIDDATA_AMOUNTS[a].column, MVEC_ERR_PARSE,
                                    "invalid number '%s': %s", text, reason);
        if (values[a] < 0)
            return mvec__table_fail(ctx, table, AIDDATA_AMOUNTS[a].column, MVEC_ERR_PARSE,
                                    "negative commitment '%s'", text);
    }
    const char *code = mvec__table_get(table, AID_CCODE);
    long number;
    if (!mvec__parse_int(code, 1, 999, &number))
        return mvec__table_fail(ctx, table, AID_CCODE, MVEC_ERR_PARSE, "invalid COW code '%s'",
                                code);
    const mvec_country *recipient = NULL;
    bool known = mvec__code_map_find(&s->coded.map, code, (int)year, &recipient);
    if (recipient == NULL)
        return mvec__unmapped_add(ctx, &s->coded.unmapped, code, known, table->record->line);
    for (size_t a = 0; a < AIDDATA_AMOUNT_COUNT; a++) {
        size_t column = AIDDATA_AMOUNTS[a].column;
        mvec_observation *row = NULL;
        MVEC_TRY(mvec__import_new_row(import, &row));
        row->country = recipient;
        row->partner = s->china;
        row->vector = s->vector;
        row->indicator = AIDDATA_AMOUNTS[a].adjusted ? s->adjusted : s->commitment;
        row->year = (int)year;
        row->value = values[a];
        MVEC_TRY(mvec__import_set_unit(import, row, "USD 2021", column));
        row->basis = MVEC_BASIS_THIRD_PARTY;
        mvec__provenance_stamp(&s->provenance, row);
        row->item = s->items[a];
        row->line = table->record->line;
        row->column = (size_t)table->field_of[column] + 1;
        mvec__import_add_row(import);
    }
cleanup:
    return status;
}

static mvec_status aiddata_finish(mvec__import *import)
{
    aiddata_state *s = import->state;
    mvec__coded_report(import, &s->coded, "AidData");
    return MVEC_OK;
}

static void aiddata_clear(mvec__import *import)
{
    aiddata_state *s = import->state;
    if (s == NULL)
        return;
    mvec__coded_clear(import->ctx, &s->coded);
    mvec__free(import->ctx, s);
    import->state = NULL;
}

const mvec__importer MVEC__IMPORT_AIDDATA = {
    .name = "aiddata",
    .summary = "AidData Chinese development finance 3.0, recipient-year totals (COW codes)",
    .format = MVEC_INPUT_OTHER,
    .signature = AIDDATA_HEADER,
    .signature_count = sizeof AIDDATA_HEADER / sizeof *AIDDATA_HEADER,
    .columns = AIDDATA_COLUMNS,
    .column_count = AID_COLUMN_COUNT,
    .row = aiddata_row,
    .begin = aiddata_begin,
    .finish = aiddata_finish,
    .clear = aiddata_clear,
};
