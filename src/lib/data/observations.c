/*
 * observations.c - the observation store and its two file formats: mvec's
 * long format and the Bureau of National Statistics trade-by-partner table.
 *
 * The format is chosen from the header row. Every field is validated as it
 * is read; the first problem stops the load with "file:line:column: what",
 * and the rows already added by that load are dropped again, so a failed
 * load leaves the store as it was.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "csv_table.h"
#include "units.h"
#include "validate.h"

struct mvec_observations {
    const mvec_countries *countries;
    const mvec_country *bns_country; /* Kazakhstan, the reporter of the Bureau's tables */
    mvec__units units;
    mvec__strpool strings;
    mvec_observation *rows;
    size_t count;
    size_t capacity;
};

const char *mvec_basis_name(mvec_basis basis)
{
    switch (basis) {
    case MVEC_BASIS_REPORTER:
        return "reporter";
    case MVEC_BASIS_PARTNER:
        return "partner";
    case MVEC_BASIS_THIRD_PARTY:
        return "third_party";
    case MVEC_BASIS_UNSTATED:
        return "unstated";
    }
    return "unstated";
}

const char *mvec_qualifier_symbol(mvec_qualifier qualifier)
{
    switch (qualifier) {
    case MVEC_QUALIFIER_EXACT:
        return "";
    case MVEC_QUALIFIER_ABOUT:
        return "~";
    case MVEC_QUALIFIER_ABOVE:
        return ">";
    case MVEC_QUALIFIER_AT_LEAST:
        return ">=";
    case MVEC_QUALIFIER_BELOW:
        return "<";
    case MVEC_QUALIFIER_AT_MOST:
        return "<=";
    }
    return "";
}

/* ---- long format ---------------------------------------------------------------------- */

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

/* ---- the Bureau of National Statistics table ------------------------------------------- */

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

typedef struct load_state {
    mvec_ctx *ctx;
    mvec_observations *observations;
    const char *name;
    mvec__table table;
    bool have_header;
    mvec_input_format format;
} load_state;

static mvec_status intern(load_state *state, const char *text, const char **out)
{
    return mvec__strpool_intern(state->ctx, &state->observations->strings, text, out);
}

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

static mvec_status new_row(load_state *state, mvec_observation **out)
{
    mvec_observations *observations = state->observations;
    mvec_status status = mvec__grow(state->ctx, &observations->rows, &observations->capacity,
                                    observations->count + 1, sizeof *observations->rows);
    if (status != MVEC_OK)
        return status;
    mvec_observation *row = &observations->rows[observations->count];
    memset(row, 0, sizeof *row);
    *out = row;
    return MVEC_OK;
}

/* Check and store the unit of a row whose value is already in row->value. */
static mvec_status set_unit(load_state *state, mvec_observation *row, const char *unit_text,
                            size_t column)
{
    mvec_ctx *ctx = state->ctx;
    mvec__buf list = MVEC__BUF_INIT(8192);
    mvec_status status = MVEC_OK;
    const mvec__unit *unit = mvec__units_find(&state->observations->units, unit_text);
    if (unit == NULL) {
        MVEC_TRY(mvec__units_list(ctx, &state->observations->units, &list));
        MVEC_TRY(mvec__table_fail(ctx, &state->table, column, MVEC_ERR_PARSE,
                                   "unknown unit '%s' (known units: %s)", unit_text, list.data));
    }
    row->unit = unit->name;
    row->dimension = unit->dimension;
    row->base_value = row->value * unit->factor;
cleanup:
    mvec__buf_clear(ctx, &list);
    return status;
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

static mvec_status long_row(load_state *state)
{
    mvec_ctx *ctx = state->ctx;
    mvec__table *table = &state->table;
    const mvec_countries *countries = state->observations->countries;
    mvec_status status = MVEC_OK;
    mvec_observation *row = NULL;
    MVEC_TRY(new_row(state, &row));

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
    MVEC_TRY(intern(state, FIELD(COL_VECTOR), &row->vector));
    if (!valid_name_syntax(FIELD(COL_INDICATOR), false))
        REJECT(COL_INDICATOR, "invalid indicator '%s' (a lower-case word, e.g. value or share)",
               FIELD(COL_INDICATOR));
    MVEC_TRY(intern(state, FIELD(COL_INDICATOR), &row->indicator));
    long year;
    if (!mvec__parse_int(FIELD(COL_YEAR), 1900, 2100, &year))
        REJECT(COL_YEAR, "invalid year '%s' (a whole year from 1900 to 2100)", FIELD(COL_YEAR));
    row->year = (int)year;
    if (!valid_plain_text(FIELD(COL_PERIOD), 40))
        REJECT(COL_PERIOD, "invalid period (at most 40 characters, no control characters)");
    MVEC_TRY(intern(state, FIELD(COL_PERIOD), &row->period));
    if (!valid_plain_text(FIELD(COL_ITEM), 120))
        REJECT(COL_ITEM, "invalid item (at most 120 characters, no control characters)");
    MVEC_TRY(intern(state, FIELD(COL_ITEM), &row->item));
    const char *reason = "";
    if (!mvec__parse_number(FIELD(COL_VALUE), &row->value, &reason))
        REJECT(COL_VALUE, "invalid number '%s': %s", FIELD(COL_VALUE), reason);
    if (parse_qualifier(FIELD(COL_QUALIFIER), &row->qualifier) != MVEC_OK)
        REJECT(COL_QUALIFIER, "qualifier must be empty, '~', '>', '>=', '<' or '<=', not '%s'",
               FIELD(COL_QUALIFIER));
    MVEC_TRY(set_unit(state, row, FIELD(COL_UNIT), COL_UNIT));
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
    MVEC_TRY(intern(state, FIELD(COL_SOURCE), &row->source));
    int date_year;
    if (FIELD(COL_SOURCE_DATE)[0] != '\0' &&
        !mvec__parse_date(FIELD(COL_SOURCE_DATE), &date_year, NULL, NULL))
        REJECT(COL_SOURCE_DATE, "invalid date '%s' (YYYY, YYYY-MM or YYYY-MM-DD)",
               FIELD(COL_SOURCE_DATE));
    MVEC_TRY(intern(state, FIELD(COL_SOURCE_DATE), &row->source_date));
    const char *url = FIELD(COL_URL);
    if (url[0] != '\0' && strncmp(url, "http://", 7) != 0 && strncmp(url, "https://", 8) != 0)
        REJECT(COL_URL, "URL must start with http:// or https://");
    MVEC_TRY(intern(state, url, &row->url));
    const char *quality = FIELD(COL_QUALITY);
    if (!mvec__str_equal(quality, "") && !mvec__str_equal(quality, "official") &&
        !mvec__str_equal(quality, "media") && !mvec__str_equal(quality, "secondary") &&
        !mvec__str_equal(quality, "low"))
        REJECT(COL_QUALITY, "quality must be empty, official, media, secondary or low, not '%s'",
               quality);
    MVEC_TRY(intern(state, quality, &row->quality));
    MVEC_TRY(intern(state, FIELD(COL_TITLE), &row->title));
    MVEC_TRY(intern(state, FIELD(COL_SEED), &row->seed));
    MVEC_TRY(intern(state, FIELD(COL_QUOTE), &row->quote));
    MVEC_TRY(intern(state, FIELD(COL_NOTE), &row->note));
    MVEC_TRY(intern(state, state->name, &row->file));
    row->line = table->record->line;
    state->observations->count++;
#undef FIELD
#undef REJECT
cleanup:
    return status;
}

static mvec_status bns_partner(load_state *state, const mvec_country **out)
{
    mvec_ctx *ctx = state->ctx;
    mvec__table *table = &state->table;
    const mvec_countries *countries = state->observations->countries;
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
                  state->name, table->record->line, label, by_label->code, (*out)->code);
    return MVEC_OK;
}

static mvec_status bns_row(load_state *state)
{
    mvec_ctx *ctx = state->ctx;
    mvec__table *table = &state->table;
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
    MVEC_TRY(bns_partner(state, &partner));
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
            MVEC_TRY(new_row(state, &row));
            if (!mvec__parse_number(text, &row->value, &reason))
                MVEC_TRY(mvec__table_fail(ctx, table, column, MVEC_ERR_PARSE,
                                          "invalid number '%s': %s", text, reason));
            if (row->value < 0)
                MVEC_TRY(mvec__table_fail(ctx, table, column, MVEC_ERR_PARSE,
                                           "negative value '%s'", text));
            row->country = state->observations->bns_country;
            row->partner = partner;
            MVEC_TRY(intern(state, BNS_FLOWS[f].vector, &row->vector));
            MVEC_TRY(intern(state, share ? "share" : "value", &row->indicator));
            row->year = (int)year;
            MVEC_TRY(intern(state, "", &row->period));
            row->item = row->period;
            MVEC_TRY(set_unit(state, row, share ? "%" : "USD k", column));
            row->basis = MVEC_BASIS_REPORTER;
            row->superseded = latest == 0;
            MVEC_TRY(intern(state, source, &row->source));
            char date[8];
            snprintf(date, sizeof date, "%ld", release);
            MVEC_TRY(intern(state, date, &row->source_date));
            MVEC_TRY(intern(state, "https://stat.gov.kz/", &row->url));
            MVEC_TRY(intern(state, "Основные показатели внешней торговли Республики Казахстан",
                            &row->title));
            MVEC_TRY(intern(state, "official", &row->quality));
            row->seed = row->period;
            row->quote = row->period;
            MVEC_TRY(intern(state, note, &row->note));
            MVEC_TRY(intern(state, state->name, &row->file));
            row->line = table->record->line;
            state->observations->count++;
        }
    }
cleanup:
    return status;
}

static mvec_status on_record(void *user, const mvec__csv_record *record)
{
    load_state *state = user;
    mvec_ctx *ctx = state->ctx;
    if (!state->have_header) {
        state->have_header = true;
        if (mvec__header_is(record, BNS_HEADER, sizeof BNS_HEADER / sizeof *BNS_HEADER)) {
            state->format = MVEC_INPUT_BNS_TRADE;
            return mvec__table_bind(ctx, &state->table, state->name, BNS_COLUMNS,
                                    BNS_COLUMN_COUNT, record);
        }
        state->format = MVEC_INPUT_LONG;
        return mvec__table_bind(ctx, &state->table, state->name, LONG_COLUMNS,
                                LONG_COLUMN_COUNT, record);
    }
    mvec_status status = mvec__table_enter_row(ctx, &state->table, record);
    if (status != MVEC_OK)
        return status;
    return state->format == MVEC_INPUT_BNS_TRADE ? bns_row(state) : long_row(state);
}

mvec_status mvec_observations_load_text(mvec_ctx *ctx, mvec_observations *observations,
                                        const char *name, const char *text, size_t length,
                                        mvec_input_format *format)
{
    size_t count_before = observations->count;
    load_state state = {.ctx = ctx, .observations = observations, .name = name};
    mvec_status status = mvec__csv_parse(ctx, name, text, length, on_record, &state);
    if (status == MVEC_OK && !state.have_header)
        status = mvec__error(ctx, MVEC_ERR_SCHEMA, "%s: empty file (no header row)", name);
    if (status == MVEC_OK)
        status = mvec__observations_validate(ctx, name, text, length, observations->rows,
                                             count_before, observations->count);
    if (status != MVEC_OK) {
        observations->count = count_before;
        return status;
    }
    if (format != NULL)
        *format = state.format;
    return MVEC_OK;
}

mvec_status mvec_observations_load_file(mvec_ctx *ctx, mvec_observations *observations,
                                        const char *path, mvec_input_format *format)
{
    char *text = NULL;
    size_t length = 0;
    mvec_status status = mvec__file_read(ctx, path, &text, &length);
    if (status == MVEC_OK)
        status = mvec_observations_load_text(ctx, observations, strcmp(path, "-") ? path
                                                                                   : "<stdin>",
                                             text, length, format);
    mvec__free(ctx, text);
    return status;
}

mvec_status mvec_observations_load_embedded(mvec_ctx *ctx, mvec_observations *observations)
{
    size_t count_before = observations->count;
    for (size_t i = 0; i < mvec__embedded_count(); i++) {
        const mvec__embedded_file *file = mvec__embedded_at(i);
        if (strncmp(file->path, "data/kaz/", 9) != 0)
            continue;
        char name[200];
        snprintf(name, sizeof name, "embedded:%s", file->path);
        mvec_status status = mvec_observations_load_text(
            ctx, observations, name, (const char *)file->data, file->length, NULL);
        if (status != MVEC_OK) {
            observations->count = count_before;
            return status;
        }
    }
    return MVEC_OK;
}

mvec_status mvec_observations_new(mvec_ctx *ctx, const mvec_countries *countries,
                                  mvec_observations **out)
{
    mvec_status status = MVEC_OK;
    mvec_observations *observations = NULL;
    MVEC_TRY(mvec__calloc(ctx, 1, sizeof *observations, &observations));
    observations->countries = countries;
    observations->bns_country = mvec_countries_find(countries, "KAZ");
    MVEC_TRY(mvec__units_load(ctx, &observations->units));
    *out = observations;
    observations = NULL;
cleanup:
    mvec_observations_free(ctx, observations);
    return status;
}

void mvec_observations_free(mvec_ctx *ctx, mvec_observations *observations)
{
    if (observations == NULL)
        return;
    mvec__units_clear(ctx, &observations->units);
    mvec__strpool_clear(ctx, &observations->strings);
    mvec__free(ctx, observations->rows);
    mvec__free(ctx, observations);
}

size_t mvec_observations_count(const mvec_observations *observations)
{
    return observations->count;
}

const mvec_observation *mvec_observations_at(const mvec_observations *observations,
                                             size_t index)
{
    return index < observations->count ? &observations->rows[index] : NULL;
}

const mvec_countries *mvec_observations_countries(const mvec_observations *observations)
{
    return observations->countries;
}
