/*
 * import_bns_table.c - the Bureau of National Statistics of Kazakhstan's
 * foreign trade by partner table, as converted to CSV (one row per partner
 * or aggregate and year: turnover, exports and imports in thousand USD with
 * the published shares; docs/formats.md). Recognised by its exact header.
 * Each row gives up to six observations (value and share of each flow) of
 * the reporter Kazakhstan, reporter basis; rows of an earlier release
 * (latest = 0) are kept as superseded.
 */
#include <stdio.h>

#include "importers.h"

/* The signature: the header of the cataloguer's CSV conversion, exactly. */
static const char *const BNS_HEADER[] = {
    "year",         "release",          "latest",      "label_ru",          "row_type",
    "aggregate",    "partner_iso3",     "turnover_kusd", "turnover_share_pct", "exports_kusd",
    "exports_share_pct", "imports_kusd", "imports_share_pct",
};
enum { BNS_YEAR, BNS_RELEASE, BNS_LATEST, BNS_LABEL, BNS_ROW_TYPE, BNS_AGGREGATE, BNS_ISO3,
       BNS_TURNOVER, BNS_TURNOVER_SHARE, BNS_EXPORTS, BNS_EXPORTS_SHARE, BNS_IMPORTS,
       BNS_IMPORTS_SHARE, BNS_COLUMN_COUNT };
static const mvec__column_spec BNS_COLUMNS[BNS_COLUMN_COUNT] = {
    {"year", true},         {"release", true},          {"latest", true},
    {"label_ru", true},     {"row_type", true},         {"aggregate", true},
    {"partner_iso3", true}, {"turnover_kusd", true},    {"turnover_share_pct", true},
    {"exports_kusd", true}, {"exports_share_pct", true}, {"imports_kusd", true},
    {"imports_share_pct", true},
};

/* The Bureau's aggregate rows, mapped to registry codes (docs/formats.md). */
static const struct {
    const char *aggregate;
    const char *code;
} BNS_AGGREGATES[] = {
    {"total", "WLD"},          {"CIS", "BNS.CIS"},
    {"EAEU", "BNS.EAEU"},      {"CIS_non_EAEU", "BNS.CIS_NON_EAEU"},
    {"rest_of_world", "BNS.REST_OF_WORLD"}, {"Europe", "BNS.EUROPE"},
    {"EU", "BNS.EU"},          {"Europe_non_EU", "BNS.EUROPE_NON_EU"},
    {"Asia", "BNS.ASIA"},      {"America", "BNS.AMERICA"},
    {"Africa", "BNS.AFRICA"},  {"Australia_Oceania", "BNS.AUSTRALIA_OCEANIA"},
};

static const struct {
    size_t value_column;
    size_t share_column;
    const char *vector;
} BNS_FLOWS[] = {
    {BNS_TURNOVER, BNS_TURNOVER_SHARE, "trade.total"},
    {BNS_EXPORTS, BNS_EXPORTS_SHARE, "trade.exports"},
    {BNS_IMPORTS, BNS_IMPORTS_SHARE, "trade.imports"},
};

static mvec_status bns_partner(mvec__import *import, const mvec_country **out)
{
    mvec_ctx *ctx = import->ctx;
    mvec__table *table = &import->table;
    const mvec_countries *countries = import->countries;
    const char *row_type = mvec__table_get(table, BNS_ROW_TYPE);
    if (mvec__str_equal(row_type, "aggregate")) {
        const char *aggregate = mvec__table_get(table, BNS_AGGREGATE);
        for (size_t i = 0; i < sizeof BNS_AGGREGATES / sizeof *BNS_AGGREGATES; i++)
            if (mvec__str_equal(aggregate, BNS_AGGREGATES[i].aggregate)) {
                *out = mvec_countries_find(countries, BNS_AGGREGATES[i].code);
                return *out ? MVEC_OK
                            : mvec__error(ctx, MVEC_ERR_INTERNAL, "aggregate code missing");
            }
        return mvec__table_fail(ctx, table, BNS_AGGREGATE, MVEC_ERR_PARSE,
                                "unknown aggregate '%s'", aggregate);
    }
    if (!mvec__str_equal(row_type, "country"))
        return mvec__table_fail(ctx, table, BNS_ROW_TYPE, MVEC_ERR_PARSE,
                                "row_type must be 'country' or 'aggregate', not '%s'", row_type);
    const char *iso3 = mvec__table_get(table, BNS_ISO3);
    const char *label = mvec__table_get(table, BNS_LABEL);
    const mvec_country *by_label = mvec_countries_find(countries, label);
    if (iso3[0] == '\0') {
        if (by_label == NULL)
            return mvec__table_fail(ctx, table, BNS_LABEL, MVEC_ERR_PARSE,
                                    "unknown partner '%s' (no partner_iso3, and the name is not "
                                    "in the registry)",
                                    label);
        *out = by_label;
        return MVEC_OK;
    }
    *out = mvec_countries_find(countries, iso3);
    if (*out == NULL)
        return mvec__table_fail(ctx, table, BNS_ISO3, MVEC_ERR_PARSE, "unknown country '%s'",
                                iso3);
    if (by_label != NULL && by_label != *out)
        mvec__log(ctx, MVEC_LOG_WARNING, "%s:%zu: label '%s' names %s but partner_iso3 says %s",
                  import->name, table->record->line, label, by_label->code, (*out)->code);
    return MVEC_OK;
}

static mvec_status bns_row(mvec__import *import)
{
    mvec_ctx *ctx = import->ctx;
    mvec__table *table = &import->table;
    mvec_status status = MVEC_OK;
    long year;
    long release;
    long latest;
    const mvec_country *partner = NULL;
    char source[200];
    char note[400];
    if (!mvec__parse_int(mvec__table_get(table, BNS_YEAR), 1990, 2100, &year))
        return mvec__table_fail(ctx, table, BNS_YEAR, MVEC_ERR_PARSE, "invalid year '%s'",
                                mvec__table_get(table, BNS_YEAR));
    if (!mvec__parse_int(mvec__table_get(table, BNS_RELEASE), 1990, 2100, &release))
        return mvec__table_fail(ctx, table, BNS_RELEASE, MVEC_ERR_PARSE,
                                "invalid release year '%s'", mvec__table_get(table, BNS_RELEASE));
    if (!mvec__parse_int(mvec__table_get(table, BNS_LATEST), 0, 1, &latest))
        return mvec__table_fail(ctx, table, BNS_LATEST, MVEC_ERR_PARSE,
                                "latest must be 0 or 1, not '%s'",
                                mvec__table_get(table, BNS_LATEST));
    const mvec_country *reporter = mvec_countries_find(import->countries, "KAZ");
    if (reporter == NULL)
        return mvec__error(ctx, MVEC_ERR_INTERNAL, "KAZ missing from the country registry");
    MVEC_TRY(bns_partner(import, &partner));
    snprintf(source, sizeof source,
             "Bureau of National Statistics of Kazakhstan, foreign trade by country, %ld release",
             release);
    snprintf(note, sizeof note, "row label: %s", mvec__table_get(table, BNS_LABEL));
    for (size_t f = 0; f < sizeof BNS_FLOWS / sizeof *BNS_FLOWS; f++) {
        for (int share = 0; share <= 1; share++) {
            size_t column = share ? BNS_FLOWS[f].share_column : BNS_FLOWS[f].value_column;
            const char *text = mvec__table_get(table, column);
            if (text[0] == '\0') /* the Bureau leaves a cell blank when there is no trade */
                continue;
            mvec_observation *row = NULL;
            const char *reason = "";
            MVEC_TRY(mvec__import_new_row(import, &row));
            if (!mvec__parse_number(text, &row->value, &reason))
                MVEC_TRY(mvec__table_fail(ctx, table, column, MVEC_ERR_PARSE,
                                          "invalid number '%s': %s", text, reason));
            if (row->value < 0)
                MVEC_TRY(mvec__table_fail(ctx, table, column, MVEC_ERR_PARSE,
                                           "negative value '%s'", text));
            row->country = reporter;
            row->partner = partner;
            MVEC_TRY(mvec__import_intern(import, BNS_FLOWS[f].vector, &row->vector));
            MVEC_TRY(mvec__import_intern(import, share ? "share" : "value", &row->indicator));
            row->year = (int)year;
            MVEC_TRY(mvec__import_intern(import, "", &row->period));
            row->item = row->period;
            MVEC_TRY(mvec__import_set_unit(import, row, share ? "%" : "USD k", column));
            row->basis = MVEC_BASIS_REPORTER;
            row->superseded = latest == 0;
            MVEC_TRY(mvec__import_intern(import, source, &row->source));
            char date[8];
            snprintf(date, sizeof date, "%ld", release);
            MVEC_TRY(mvec__import_intern(import, date, &row->source_date));
            MVEC_TRY(mvec__import_intern(import, "https://stat.gov.kz/", &row->url));
            MVEC_TRY(mvec__import_intern(import, "Основные показатели внешней торговли Республики Казахстан",
                            &row->title));
            MVEC_TRY(mvec__import_intern(import, "official", &row->quality));
            row->seed = row->period;
            row->quote = row->period;
            MVEC_TRY(mvec__import_intern(import, note, &row->note));
            MVEC_TRY(mvec__import_intern(import, import->name, &row->file));
            row->line = table->record->line;
            row->column = (size_t)table->field_of[column] + 1;
            mvec__import_add_row(import);
        }
    }
cleanup:
    return status;
}

const mvec__importer MVEC__IMPORT_BNS_TABLE = {
    .name = "bns",
    .summary = "Bureau of National Statistics of Kazakhstan, trade by partner (CSV conversion)",
    .format = MVEC_INPUT_BNS_TRADE,
    .signature = BNS_HEADER,
    .signature_count = sizeof BNS_HEADER / sizeof *BNS_HEADER,
    .columns = BNS_COLUMNS,
    .column_count = BNS_COLUMN_COUNT,
    .row = bns_row,
};
