/*
 * import_eurostat.c - Eurostat Comext monthly trade of EU member states with
 * one partner country (relational view: reporter, partner_iso3, period
 * YYYY-MM, product, flow, stat_procedure, value_eur; docs/formats.md).
 *
 * The figures are the partner's mirror statistics for the focal country
 * named in partner_iso3: EU exports to it are its imports from each member
 * (trade.imports, basis partner), EU imports from it its exports
 * (trade.exports). Months are summed per reporter, year and flow in finish:
 * a year with all 12 months becomes a whole-year figure; any other year keeps
 * the months it has as its period ("Jan-Aug", "Feb,Apr-Aug,Oct") and is never
 * presented as a whole year. Values stay in euros (unit EUR). Reporter labels
 * are Eurostat's long labels, mapped through data/codes/eurostat.csv: the EU
 * of changing composition becomes the organisation EU (the members of each
 * year), the other EU and euro-area aggregates map to nothing and, like
 * labels the table does not hold, are reported and left out.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "import_common.h"
#include "importers.h"

static const char *const EUROSTAT_HEADER[] = {
    "reporter", "partner_iso3", "period", "product", "flow", "stat_procedure", "value_eur",
};
enum {
    ES_REPORTER,
    ES_PARTNER,
    ES_PERIOD,
    ES_PRODUCT,
    ES_FLOW,
    ES_PROCEDURE,
    ES_VALUE,
    ES_COLUMN_COUNT
};
static const mvec__column_spec EUROSTAT_COLUMNS[ES_COLUMN_COUNT] = {
    {"reporter", true}, {"partner_iso3", true},   {"period", true},    {"product", true},
    {"flow", true},     {"stat_procedure", true}, {"value_eur", true},
};

static const char *const MONTHS[12] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                       "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

/* One reporter's flow with one partner in one year, summed over months. */
typedef struct es_sum {
    const mvec_country *focal;    /* partner_iso3: whose mirror figures these are */
    const mvec_country *reporter; /* the member state (or the EU) */
    const char *vector;           /* interned */
    int year;
    uint16_t months; /* bit m-1 set when month m was read */
    double value;    /* euros */
    size_t line;     /* first line */
} es_sum;

typedef struct es_state {
    mvec__coded codes;
    mvec__provenance provenance; /* note per row */
    mvec__strmap index;          /* "focal reporter vector year" -> slot in sums */
    es_sum *sums;
    size_t count, capacity;
    size_t value_column; /* 1-based, for the rows finish writes */
    const char *imports, *exports, *value, *unit;
} es_state;

static mvec_status es_begin(mvec__import *import)
{
    mvec_ctx *ctx = import->ctx;
    mvec_status status = MVEC_OK;
    es_state *state = NULL;
    MVEC_TRY(mvec__calloc(ctx, 1, sizeof *state, &state));
    import->state = state;
    MVEC_TRY(mvec__coded_load(import, "eurostat", &state->codes));
    state->value_column = (size_t)import->table.field_of[ES_VALUE] + 1;
    MVEC_TRY(mvec__import_intern(import, "trade.imports", &state->imports));
    MVEC_TRY(mvec__import_intern(import, "trade.exports", &state->exports));
    MVEC_TRY(mvec__import_intern(import, "value", &state->value));
    MVEC_TRY(mvec__import_intern(import, "EUR", &state->unit));
    MVEC_TRY(mvec__provenance_intern(
        import,
        &(mvec__provenance){
            .source = "Eurostat, international trade in goods (Comext), EU member states' trade "
                      "by partner, total products, monthly",
            .source_date = "2024",
            .url = "https://ec.europa.eu/eurostat/web/international-trade-in-goods/database",
            .title = "EU trade since 2002 by HS2-4-6 and CN8 (DS-045409)",
            .quality = "official",
        },
        &state->provenance));
cleanup:
    return status;
}

static mvec_status es_row(mvec__import *import)
{
    mvec_ctx *ctx = import->ctx;
    mvec__table *table = &import->table;
    es_state *state = import->state;
    mvec_status status = MVEC_OK;
    const char *period = mvec__table_get(table, ES_PERIOD);
    long year = 0;
    long month = 0;
    char year_text[5];
    if (strlen(period) != 7 || period[4] != '-')
        return mvec__table_fail(ctx, table, ES_PERIOD, MVEC_ERR_PARSE,
                                "period must be YYYY-MM, not '%s'", period);
    memcpy(year_text, period, 4);
    year_text[4] = '\0';
    if (!mvec__parse_int(year_text, 1950, 2100, &year) ||
        !mvec__parse_int(period + 5, 1, 12, &month) || period[5] < '0' || period[5] > '1')
        return mvec__table_fail(ctx, table, ES_PERIOD, MVEC_ERR_PARSE,
                                "period must be YYYY-MM, not '%s'", period);
    const char *partner_text = mvec__table_get(table, ES_PARTNER);
    const mvec_country *focal = mvec_countries_find(import->countries, partner_text);
    if (focal == NULL ||
        (focal->kind != MVEC_COUNTRY_CURRENT && focal->kind != MVEC_COUNTRY_FORMER))
        return mvec__table_fail(ctx, table, ES_PARTNER, MVEC_ERR_PARSE,
                                "unknown partner country '%s'", partner_text);
    const char *product = mvec__table_get(table, ES_PRODUCT);
    if (strncmp(product, "TOTAL", 5) != 0)
        return mvec__table_fail(ctx, table, ES_PRODUCT, MVEC_ERR_PARSE,
                                "only the total of all products is read, not '%s'", product);
    const char *flow = mvec__table_get(table, ES_FLOW);
    const char *vector = NULL;
    if (strcmp(flow, "2-EXPORT") == 0)
        vector = state->imports; /* the member's exports: the partner's imports */
    else if (strcmp(flow, "1-IMPORT") == 0)
        vector = state->exports;
    else
        return mvec__table_fail(ctx, table, ES_FLOW, MVEC_ERR_PARSE,
                                "flow must be '1-IMPORT' or '2-EXPORT', not '%s'", flow);
    const char *procedure = mvec__table_get(table, ES_PROCEDURE);
    if (strncmp(procedure, "T-", 2) != 0)
        return mvec__table_fail(ctx, table, ES_PROCEDURE, MVEC_ERR_PARSE,
                                "only the total of all statistical procedures (T) is read, not "
                                "'%s'",
                                procedure);
    const char *value_text = mvec__table_get(table, ES_VALUE);
    double value = 0;
    const char *reason = "missing value";
    if (value_text[0] == '\0' || !mvec__parse_number(value_text, &value, &reason))
        return mvec__table_fail(ctx, table, ES_VALUE, MVEC_ERR_PARSE, "invalid number '%s': %s",
                                value_text, reason);
    if (value < 0)
        return mvec__table_fail(ctx, table, ES_VALUE, MVEC_ERR_PARSE, "negative value '%s'",
                                value_text);
    const char *label = mvec__table_get(table, ES_REPORTER);
    const mvec_country *reporter = NULL;
    bool known = mvec__code_map_find(&state->codes.map, label, (int)year, &reporter);
    if (reporter == NULL)
        return mvec__unmapped_add(ctx, &state->codes.unmapped, label, known, table->record->line);
    char key[128];
    snprintf(key, sizeof key, "%s %s %s %ld", focal->code, reporter->code, vector, year);
    size_t slot;
    if (!mvec__strmap_get(&state->index, key, &slot)) {
        MVEC_TRY(
            mvec__grow(ctx, &state->sums, &state->capacity, state->count + 1, sizeof *state->sums));
        slot = state->count;
        state->sums[slot] = (es_sum){focal, reporter, vector, (int)year, 0, 0, table->record->line};
        MVEC_TRY(mvec__strmap_put(ctx, &state->index, key, slot, NULL));
        state->count++;
    }
    es_sum *sum = &state->sums[slot];
    uint16_t bit = (uint16_t)(1u << (month - 1));
    if (sum->months & bit)
        return mvec__table_fail(ctx, table, ES_PERIOD, MVEC_ERR_PARSE,
                                "%s, %s: month %s given twice", label, flow, period);
    sum->months |= bit;
    sum->value += value;
cleanup:
    return status;
}

/* "Jan-Aug", "Feb,Apr-Aug,Oct": the months of `mask`, runs joined. */
static void month_list(uint16_t mask, char *out, size_t size)
{
    size_t used = 0;
    out[0] = '\0';
    for (int m = 0; m < 12; m++) {
        if (!(mask & (1u << m)))
            continue;
        int end = m;
        while (end + 1 < 12 && (mask & (1u << (end + 1))))
            end++;
        int n = end > m ? snprintf(out + used, size - used, "%s%s-%s", used ? "," : "", MONTHS[m],
                                   MONTHS[end])
                        : snprintf(out + used, size - used, "%s%s", used ? "," : "", MONTHS[m]);
        if (n > 0 && (size_t)n < size - used)
            used += (size_t)n;
        m = end;
    }
}

static int month_count(uint16_t mask)
{
    int n = 0;
    for (int m = 0; m < 12; m++)
        n += (mask >> m) & 1u;
    return n;
}

static mvec_status es_finish(mvec__import *import)
{
    es_state *state = import->state;
    mvec_status status = MVEC_OK;
    for (size_t i = 0; i < state->count; i++) {
        const es_sum *sum = &state->sums[i];
        mvec_observation *row = NULL;
        char period[64];
        char note[200];
        int months = month_count(sum->months);
        MVEC_TRY(mvec__import_new_row(import, &row));
        mvec__provenance_stamp(&state->provenance, row);
        row->country = sum->focal;
        row->partner = sum->reporter;
        row->vector = sum->vector;
        row->indicator = state->value;
        row->year = sum->year;
        if (months == 12) {
            snprintf(note, sizeof note, "the sum of the 12 monthly values");
        } else {
            month_list(sum->months, period, sizeof period);
            MVEC_TRY(mvec__import_intern(import, period, &row->period));
            snprintf(note, sizeof note,
                     "the sum of %d monthly value%s (%s); the other months are not in the file",
                     months, months == 1 ? "" : "s", period);
        }
        row->value = sum->value;
        MVEC_TRY(mvec__import_set_unit(import, row, state->unit, ES_VALUE));
        row->basis = MVEC_BASIS_PARTNER;
        MVEC_TRY(mvec__import_intern(import, note, &row->note));
        row->line = sum->line;
        row->column = state->value_column;
        mvec__import_add_row(import);
    }
    mvec__coded_report(import, &state->codes, "reporter");
cleanup:
    return status;
}

static void es_clear(mvec__import *import)
{
    es_state *state = import->state;
    if (state == NULL)
        return;
    mvec__free(import->ctx, state->sums);
    mvec__strmap_clear(import->ctx, &state->index);
    mvec__coded_clear(import->ctx, &state->codes);
    mvec__free(import->ctx, state);
    import->state = NULL;
}

const mvec__importer MVEC__IMPORT_EUROSTAT = {
    .name = "eurostat",
    .summary = "Eurostat Comext, EU member states' monthly trade with a partner (EUR, summed "
               "to years)",
    .format = MVEC_INPUT_OTHER,
    .signature = EUROSTAT_HEADER,
    .signature_count = sizeof EUROSTAT_HEADER / sizeof *EUROSTAT_HEADER,
    .columns = EUROSTAT_COLUMNS,
    .column_count = ES_COLUMN_COUNT,
    .row = es_row,
    .begin = es_begin,
    .finish = es_finish,
    .clear = es_clear,
};
