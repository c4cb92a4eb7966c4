/*
 * import_unctad_fdi.c - UNCTAD Bilateral FDI Statistics (2014 release,
 * 2001-2012) in the CSV written from the R package wwmetrics (reporter,
 * partner, year, inflows, outflows, inward and outward stock, million USD).
 * Recognised by its exact header; any country (docs/formats.md).
 *
 * Each figure is the reporting economy's own statistics (reporter basis of
 * the reporter) and, read from the other side, a mirror figure of the
 * partner (partner basis): the reporter's inward stock held by the partner
 * is also the partner's outward stock in the reporter as the reporter
 * records it. So a row gives up to eight observations:
 *
 *   column        reporter R (basis reporter)   partner P (basis partner)
 *   FDI_inflows   R fdi.inflow from P           P fdi.outflow to R
 *   FDI_outflows  R fdi.outflow to P            P fdi.inflow from R
 *   FDI_instock   R fdi.stock held by P         P fdi.outward_stock in R
 *   FDI_outstock  R fdi.outward_stock in P      P fdi.stock held by R
 *
 * Empty cells (not available) give nothing; zeros and negative values
 * (disinvestment, negative positions) are kept as published, a negative
 * stock as indicator negative_position (context: a distribution of a stock
 * is over the positive positions); the file has no totals, so each
 * country's sum per vector, year and basis becomes a WLD row
 * (import_totals.h: net for flows, positive positions for stocks). A reporter
 * named as its own partner (round-tripping) is left out and reported. Codes are ISO
 * alpha-3, with the package's exceptions (HGK) in data/codes/unctad.csv.
 */
#include <stdio.h>

#include "import_common.h"
#include "import_totals.h"

static const char *const UNCTAD_HEADER[] = {
    "reporter", "partner", "year", "FDI_inflows", "FDI_outflows", "FDI_instock", "FDI_outstock",
};
enum {
    UNCTAD_REPORTER,
    UNCTAD_PARTNER,
    UNCTAD_YEAR,
    UNCTAD_INFLOWS,
    UNCTAD_OUTFLOWS,
    UNCTAD_INSTOCK,
    UNCTAD_OUTSTOCK,
    UNCTAD_COLUMN_COUNT
};
static const mvec__column_spec UNCTAD_COLUMNS[UNCTAD_COLUMN_COUNT] = {
    {"reporter", true},     {"partner", true},     {"year", true},         {"FDI_inflows", true},
    {"FDI_outflows", true}, {"FDI_instock", true}, {"FDI_outstock", true},
};

/* The vector of each value column, as the reporter's and as the partner's. */
static const struct {
    size_t column;
    const char *reporter_vector;
    const char *partner_vector;
} UNCTAD_FLOWS[] = {
    {UNCTAD_INFLOWS, "fdi.inflow", "fdi.outflow"},
    {UNCTAD_OUTFLOWS, "fdi.outflow", "fdi.inflow"},
    {UNCTAD_INSTOCK, "fdi.stock", "fdi.outward_stock"},
    {UNCTAD_OUTSTOCK, "fdi.outward_stock", "fdi.stock"},
};
enum { UNCTAD_FLOW_COUNT = sizeof UNCTAD_FLOWS / sizeof *UNCTAD_FLOWS };

typedef struct unctad_state {
    mvec__coded coded;
    mvec__import_totals totals;
    mvec__provenance provenance;
    const char *negative, *total_note, *total_mirror_note;
    const char *reporter_vector[UNCTAD_FLOW_COUNT], *partner_vector[UNCTAD_FLOW_COUNT];
    const char *value, *mirror_note;
} unctad_state;

static mvec_status unctad_begin(mvec__import *import)
{
    mvec_status status = MVEC_OK;
    unctad_state *s = NULL;
    MVEC_TRY(mvec__calloc(import->ctx, 1, sizeof *s, &s));
    import->state = s;
    MVEC_TRY(mvec__coded_load(import, "unctad", &s->coded));
    MVEC_TRY(mvec__provenance_intern(
        import,
        &(mvec__provenance){
            .source = "UNCTAD, Bilateral FDI Statistics, 2014 release (2001-2012), as distributed "
                      "in the R package wwmetrics",
            .source_date = "2014",
            .url = "https://unctad.org/topic/investment/investment-statistics-and-trends",
            .title = "UNCTAD Bilateral FDI Statistics 2014",
            .quality = "official",
            .note = "the reporter's statistics; immediate (not ultimate) investor, so conduit "
                    "economies (Netherlands, Luxembourg, Cyprus, British Virgin Islands...) hold "
                    "investment routed from elsewhere; a 0 may be confidential; negative = "
                    "disinvestment or a negative position",
        },
        &s->provenance));
    for (size_t f = 0; f < UNCTAD_FLOW_COUNT; f++) {
        MVEC_TRY(
            mvec__import_intern(import, UNCTAD_FLOWS[f].reporter_vector, &s->reporter_vector[f]));
        MVEC_TRY(
            mvec__import_intern(import, UNCTAD_FLOWS[f].partner_vector, &s->partner_vector[f]));
    }
    struct {
        const char **out;
        const char *text;
    } strings[] = {
        {&s->value, "value"},
        {&s->mirror_note, "mirror: the partner's statistics read from the other side; immediate "
                          "(not ultimate) investor; a 0 may be confidential; negative = "
                          "disinvestment or a negative position"},
        {&s->negative, "negative_position"},
        {&s->total_note, "total computed by mvec: the sum of the partners this file lists for "
                         "the reporter (positive positions only for stocks; net for flows), not "
                         "UNCTAD's world total"},
        {&s->total_mirror_note, "total computed by mvec: the sum of what the partners this file "
                                "lists report (mirror; positive positions only for stocks; net "
                                "for flows)"},
    };
    for (size_t i = 0; i < sizeof strings / sizeof *strings; i++)
        MVEC_TRY(mvec__import_intern(import, strings[i].text, strings[i].out));
cleanup:
    return status;
}

/* The economy `column` names, or NULL (counted as left out). */
static mvec_status unctad_economy(mvec__import *import, size_t column, const mvec_country **out)
{
    unctad_state *s = import->state;
    const char *code = mvec__table_get(&import->table, column);
    *out = NULL;
    if (code[0] == '\0')
        return mvec__table_fail(import->ctx, &import->table, column, MVEC_ERR_PARSE, "empty %s",
                                UNCTAD_COLUMNS[column].name);
    if (mvec__code_map_find(&s->coded.map, code, 0, out)) {
        if (*out == NULL)
            return mvec__unmapped_add(import->ctx, &s->coded.unmapped, code, true,
                                      import->table.record->line);
        return MVEC_OK;
    }
    const mvec_country *c = mvec_countries_find(import->countries, code);
    if (c != NULL && mvec__str_equal(c->code, code) &&
        (c->kind == MVEC_COUNTRY_CURRENT || c->kind == MVEC_COUNTRY_FORMER)) {
        *out = c;
        return MVEC_OK;
    }
    return mvec__unmapped_add(import->ctx, &s->coded.unmapped, code, false,
                              import->table.record->line);
}

static mvec_status unctad_add(mvec__import *import, const mvec_country *country,
                              const mvec_country *partner, const char *vector, bool mirror,
                              int year, double value, size_t column)
{
    unctad_state *s = import->state;
    mvec_status status = MVEC_OK;
    mvec_observation *row = NULL;
    /* a negative stock is a position, not a share of the stock: context */
    bool stock = vector == s->reporter_vector[2] || vector == s->reporter_vector[3];
    bool negative_position = stock && value < 0;
    mvec_basis basis = mirror ? MVEC_BASIS_PARTNER : MVEC_BASIS_REPORTER;
    if (!negative_position)
        MVEC_TRY(mvec__import_totals_add(import, &s->totals, country, vector, year, basis, value,
                                         (size_t)import->table.field_of[column] + 1));
    MVEC_TRY(mvec__import_new_row(import, &row));
    row->country = country;
    row->partner = partner;
    row->vector = vector;
    row->indicator = negative_position ? s->negative : s->value;
    row->year = year;
    row->value = value;
    MVEC_TRY(mvec__import_set_unit(import, row, "USD m", column));
    row->basis = basis;
    mvec__provenance_stamp(&s->provenance, row);
    if (mirror)
        row->note = s->mirror_note;
    row->line = import->table.record->line;
    row->column = (size_t)import->table.field_of[column] + 1;
    mvec__import_add_row(import);
cleanup:
    return status;
}

static mvec_status unctad_row(mvec__import *import)
{
    mvec_ctx *ctx = import->ctx;
    mvec__table *table = &import->table;
    unctad_state *s = import->state;
    mvec_status status = MVEC_OK;
    long year;
    const char *text = mvec__table_get(table, UNCTAD_YEAR);
    if (!mvec__parse_int(text, 1970, 2100, &year))
        return mvec__table_fail(ctx, table, UNCTAD_YEAR, MVEC_ERR_PARSE, "invalid year '%s'", text);
    double values[UNCTAD_FLOW_COUNT];
    bool present[UNCTAD_FLOW_COUNT];
    for (size_t f = 0; f < UNCTAD_FLOW_COUNT; f++) {
        const char *reason = "";
        text = mvec__table_get(table, UNCTAD_FLOWS[f].column);
        present[f] = text[0] != '\0';
        if (present[f] && !mvec__parse_number(text, &values[f], &reason))
            return mvec__table_fail(ctx, table, UNCTAD_FLOWS[f].column, MVEC_ERR_PARSE,
                                    "invalid number '%s': %s", text, reason);
    }
    const mvec_country *reporter = NULL;
    const mvec_country *partner = NULL;
    MVEC_TRY(unctad_economy(import, UNCTAD_REPORTER, &reporter));
    MVEC_TRY(unctad_economy(import, UNCTAD_PARTNER, &partner));
    if (reporter == NULL || partner == NULL)
        return MVEC_OK;
    if (reporter == partner) { /* round-tripping (ISR, KOR): no partner of its own */
        char self[64];
        snprintf(self, sizeof self, "%s as its own partner", reporter->code);
        return mvec__unmapped_add(ctx, &s->coded.unmapped, self, true, table->record->line);
    }
    for (size_t f = 0; f < UNCTAD_FLOW_COUNT; f++) {
        if (!present[f])
            continue;
        MVEC_TRY(unctad_add(import, reporter, partner, s->reporter_vector[f], false, (int)year,
                            values[f], UNCTAD_FLOWS[f].column));
        MVEC_TRY(unctad_add(import, partner, reporter, s->partner_vector[f], true, (int)year,
                            values[f], UNCTAD_FLOWS[f].column));
    }
cleanup:
    return status;
}

static mvec_status unctad_fill_total(mvec__import *import, mvec_observation *row,
                                     const mvec__import_total *total)
{
    unctad_state *s = import->state;
    row->indicator = s->value;
    mvec__provenance_stamp(&s->provenance, row);
    row->note = total->basis == MVEC_BASIS_PARTNER ? s->total_mirror_note : s->total_note;
    return mvec__import_set_unit(import, row, "USD m", UNCTAD_INSTOCK);
}

static mvec_status unctad_finish(mvec__import *import)
{
    unctad_state *s = import->state;
    mvec__coded_report(import, &s->coded, "UNCTAD FDI");
    return mvec__import_totals_emit(import, &s->totals, unctad_fill_total);
}

static void unctad_clear(mvec__import *import)
{
    unctad_state *s = import->state;
    if (s == NULL)
        return;
    mvec__coded_clear(import->ctx, &s->coded);
    mvec__import_totals_clear(import->ctx, &s->totals);
    mvec__free(import->ctx, s);
    import->state = NULL;
}

const mvec__importer MVEC__IMPORT_UNCTAD_FDI = {
    .name = "unctad-fdi",
    .summary = "UNCTAD bilateral FDI flows and stocks by partner, 2001-2012 (CSV, any country)",
    .format = MVEC_INPUT_OTHER,
    .signature = UNCTAD_HEADER,
    .signature_count = sizeof UNCTAD_HEADER / sizeof *UNCTAD_HEADER,
    .columns = UNCTAD_COLUMNS,
    .column_count = UNCTAD_COLUMN_COUNT,
    .row = unctad_row,
    .begin = unctad_begin,
    .finish = unctad_finish,
    .clear = unctad_clear,
};
