/*
 * import_observations_csv.c - mvec's own observation CSV (the long format of
 * docs/formats.md): one figure per row with its partner, vector, year, unit,
 * basis and source. The default importer: a header that matches no other
 * importer's signature is read as this format, so a missing or unknown
 * column is reported against it.
 */
#include <string.h>

#include "importers.h"

enum long_column {
    COL_COUNTRY, COL_PARTNER, COL_VECTOR, COL_INDICATOR, COL_YEAR, COL_PERIOD, COL_ITEM,
    COL_VALUE, COL_QUALIFIER, COL_UNIT, COL_BASIS, COL_SCOPE, COL_STATUS, COL_SOURCE,
    COL_SOURCE_DATE, COL_URL, COL_TITLE, COL_QUALITY, COL_SEED, COL_QUOTE, COL_NOTE,
    LONG_COLUMN_COUNT
};

static const mvec__column_spec LONG_COLUMNS[LONG_COLUMN_COUNT] = {
    {"country", true},      {"partner", true},   {"vector", true},    {"indicator", true},
    {"year", true},         {"period", false},   {"item", false},     {"value", true},
    {"qualifier", false},   {"unit", true},      {"basis", true},     {"scope", false},
    {"status", false},      {"source", true},    {"source_date", false}, {"url", false},
    {"title", false},       {"quality", false},  {"seed", false},     {"quote", false},
    {"note", false},
};

static bool valid_name_syntax(const char *text, bool dots_allowed)
{
    /* lower-case letters, digits and '_', segments separated by '.' */
    if (!(text[0] >= 'a' && text[0] <= 'z'))
        return false;
    char previous = 0;
    for (const char *p = text; *p; p++) {
        char c = *p;
        bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' ||
                  (dots_allowed && c == '.' && previous != '.');
        if (!ok)
            return false;
        previous = c;
    }
    return previous != '.' && strlen(text) <= 64;
}

static bool valid_plain_text(const char *text, size_t max)
{
    size_t length = 0;
    for (const unsigned char *p = (const unsigned char *)text; *p; p++, length++)
        if (*p < 0x20 && *p != '\t')
            return false;
    return length <= max;
}

static mvec_status parse_basis(const char *text, mvec_basis *out)
{
    static const mvec_basis all[] = {MVEC_BASIS_REPORTER, MVEC_BASIS_PARTNER,
                                     MVEC_BASIS_THIRD_PARTY, MVEC_BASIS_UNSTATED};
    for (size_t i = 0; i < sizeof all / sizeof *all; i++)
        if (mvec__str_equal(text, mvec_basis_name(all[i]))) {
            *out = all[i];
            return MVEC_OK;
        }
    return MVEC_ERR_PARSE;
}

static mvec_status parse_qualifier(const char *text, mvec_qualifier *out)
{
    static const mvec_qualifier all[] = {MVEC_QUALIFIER_EXACT, MVEC_QUALIFIER_ABOUT,
                                         MVEC_QUALIFIER_ABOVE, MVEC_QUALIFIER_AT_LEAST,
                                         MVEC_QUALIFIER_BELOW, MVEC_QUALIFIER_AT_MOST};
    for (size_t i = 0; i < sizeof all / sizeof *all; i++)
        if (mvec__str_equal(text, mvec_qualifier_symbol(all[i]))) {
            *out = all[i];
            return MVEC_OK;
        }
    return MVEC_ERR_PARSE;
}

static mvec_status observation_row(mvec__import *import)
{
    mvec_ctx *ctx = import->ctx;
    mvec__table *table = &import->table;
    const mvec_countries *countries = import->countries;
    mvec_status status = MVEC_OK;
    mvec_observation *row = NULL;
    MVEC_TRY(mvec__import_new_row(import, &row));

#define FIELD(column) mvec__table_get(table, (column))
#define REJECT(column, ...)                                                                        \
    MVEC_TRY(mvec__table_fail(ctx, table, (column), MVEC_ERR_PARSE, __VA_ARGS__))

    row->country = mvec_countries_find(countries, FIELD(COL_COUNTRY));
    if (row->country == NULL || row->country->kind == MVEC_COUNTRY_AGGREGATE ||
        row->country->kind == MVEC_COUNTRY_ORGANISATION)
        REJECT(COL_COUNTRY, "unknown country '%s'", FIELD(COL_COUNTRY));
    row->partner = mvec_countries_find(countries, FIELD(COL_PARTNER));
    if (row->partner == NULL)
        REJECT(COL_PARTNER,
               "unknown partner '%s' (a country code or name, an organisation, WLD or OTH)",
               FIELD(COL_PARTNER));
    if (!valid_name_syntax(FIELD(COL_VECTOR), true))
        REJECT(COL_VECTOR,
               "invalid vector '%s' (lower-case words joined by '.', e.g. trade.exports)",
               FIELD(COL_VECTOR));
    MVEC_TRY(mvec__import_intern(import, FIELD(COL_VECTOR), &row->vector));
    if (!valid_name_syntax(FIELD(COL_INDICATOR), false))
        REJECT(COL_INDICATOR, "invalid indicator '%s' (a lower-case word, e.g. value or share)",
               FIELD(COL_INDICATOR));
    MVEC_TRY(mvec__import_intern(import, FIELD(COL_INDICATOR), &row->indicator));
    long year;
    if (!mvec__parse_int(FIELD(COL_YEAR), 1900, 2100, &year))
        REJECT(COL_YEAR, "invalid year '%s' (a whole year from 1900 to 2100)", FIELD(COL_YEAR));
    row->year = (int)year;
    if (!valid_plain_text(FIELD(COL_PERIOD), 40))
        REJECT(COL_PERIOD, "invalid period (at most 40 characters, no control characters)");
    MVEC_TRY(mvec__import_intern(import, FIELD(COL_PERIOD), &row->period));
    if (!valid_plain_text(FIELD(COL_ITEM), 120))
        REJECT(COL_ITEM, "invalid item (at most 120 characters, no control characters)");
    MVEC_TRY(mvec__import_intern(import, FIELD(COL_ITEM), &row->item));
    const char *reason = "";
    if (!mvec__parse_number(FIELD(COL_VALUE), &row->value, &reason))
        REJECT(COL_VALUE, "invalid number '%s': %s", FIELD(COL_VALUE), reason);
    if (parse_qualifier(FIELD(COL_QUALIFIER), &row->qualifier) != MVEC_OK)
        REJECT(COL_QUALIFIER, "qualifier must be empty, '~', '>', '>=', '<' or '<=', not '%s'",
               FIELD(COL_QUALIFIER));
    MVEC_TRY(mvec__import_set_unit(import, row, FIELD(COL_UNIT), COL_UNIT));
    if (parse_basis(FIELD(COL_BASIS), &row->basis) != MVEC_OK)
        REJECT(COL_BASIS, "basis must be reporter, partner, third_party or unstated, not '%s'",
               FIELD(COL_BASIS));
    const char *scope = FIELD(COL_SCOPE);
    if (!mvec__str_equal(scope, "") && !mvec__str_equal(scope, "top"))
        REJECT(COL_SCOPE, "scope must be empty or 'top', not '%s'", scope);
    row->top_list = mvec__str_equal(scope, "top");
    const char *row_status = FIELD(COL_STATUS);
    if (!mvec__str_equal(row_status, "") && !mvec__str_equal(row_status, "superseded"))
        REJECT(COL_STATUS, "status must be empty or 'superseded', not '%s'", row_status);
    row->superseded = mvec__str_equal(row_status, "superseded");
    if (FIELD(COL_SOURCE)[0] == '\0')
        REJECT(COL_SOURCE, "empty source (every figure needs one)");
    MVEC_TRY(mvec__import_intern(import, FIELD(COL_SOURCE), &row->source));
    int date_year;
    if (FIELD(COL_SOURCE_DATE)[0] != '\0' &&
        !mvec__parse_date(FIELD(COL_SOURCE_DATE), &date_year, NULL, NULL))
        REJECT(COL_SOURCE_DATE, "invalid date '%s' (YYYY, YYYY-MM or YYYY-MM-DD)",
               FIELD(COL_SOURCE_DATE));
    MVEC_TRY(mvec__import_intern(import, FIELD(COL_SOURCE_DATE), &row->source_date));
    const char *url = FIELD(COL_URL);
    if (url[0] != '\0' && strncmp(url, "http://", 7) != 0 && strncmp(url, "https://", 8) != 0)
        REJECT(COL_URL, "URL must start with http:// or https://");
    MVEC_TRY(mvec__import_intern(import, url, &row->url));
    const char *quality = FIELD(COL_QUALITY);
    if (!mvec__str_equal(quality, "") && !mvec__str_equal(quality, "official") &&
        !mvec__str_equal(quality, "media") && !mvec__str_equal(quality, "secondary") &&
        !mvec__str_equal(quality, "low"))
        REJECT(COL_QUALITY, "quality must be empty, official, media, secondary or low, not '%s'",
               quality);
    MVEC_TRY(mvec__import_intern(import, quality, &row->quality));
    MVEC_TRY(mvec__import_intern(import, FIELD(COL_TITLE), &row->title));
    MVEC_TRY(mvec__import_intern(import, FIELD(COL_SEED), &row->seed));
    MVEC_TRY(mvec__import_intern(import, FIELD(COL_QUOTE), &row->quote));
    MVEC_TRY(mvec__import_intern(import, FIELD(COL_NOTE), &row->note));
    MVEC_TRY(mvec__import_intern(import, import->name, &row->file));
    row->line = table->record->line;
    row->column = (size_t)table->field_of[COL_VALUE] + 1;
    mvec__import_add_row(import);
#undef FIELD
#undef REJECT
cleanup:
    return status;
}

const mvec__importer MVEC__IMPORT_OBSERVATIONS_CSV = {
    .name = "obs",
    .summary = "mvec's own long format, one figure per row (what the sources command writes as CSV)",
    .format = MVEC_INPUT_LONG,
    .signature = NULL, /* the default */
    .signature_count = 0,
    .columns = LONG_COLUMNS,
    .column_count = LONG_COLUMN_COUNT,
    .row = observation_row,
};
