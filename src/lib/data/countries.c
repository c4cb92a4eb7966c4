/*
 * countries.c - the country registry (mvec_country.h).
 *
 * Load order, which is also precedence when two sources claim the same name
 * or number: ISO 3166-1 (iso-codes JSON), ISO 3166-3 former countries,
 * translated names from the gettext catalogues, then mvec's embedded tables:
 * trade-data pseudo-codes, aggregates and organisations, aliases.
 */
#include <jansson.h>
#include <stdio.h>
#include <string.h>

#include "csv_table.h"
#include "mo_reader.h"

#define DEFAULT_ISO_CODES_DIR "/usr/share/iso-codes/json"
#define DEFAULT_LOCALE_DIR "/usr/share/locale"
#define DEFAULT_LANGUAGES "ru,kk"

struct mvec_countries {
    mvec_country *entries;
    size_t count;
    size_t capacity;
    size_t current_count;
    mvec__strmap by_code;    /* upper-case code (alpha-3 or mvec code) */
    mvec__strmap by_alpha2;  /* upper-case alpha-2 */
    mvec__strmap by_numeric; /* decimal without leading zeros */
    mvec__strmap by_name;    /* mvec__name_key of names, translations, aliases */
    mvec__strpool strings;   /* every string the entries point to */
};

static mvec_status keep_string(mvec_ctx *ctx, mvec_countries *countries, const char *text,
                               const char **out)
{
    return mvec__strpool_intern(ctx, &countries->strings, text ? text : "", out);
}

static mvec_status upper_key(mvec_ctx *ctx, const char *text, char **out)
{
    mvec_status status = mvec__strdup(ctx, text, out);
    if (status != MVEC_OK)
        return status;
    for (char *p = *out; *p; p++)
        if (*p >= 'a' && *p <= 'z')
            *p = (char)(*p - 32);
    return MVEC_OK;
}

static mvec_status index_code(mvec_ctx *ctx, mvec__strmap *map, const char *code, size_t index)
{
    if (code == NULL || code[0] == '\0')
        return MVEC_OK;
    char *key = NULL;
    mvec_status status = upper_key(ctx, code, &key);
    if (status == MVEC_OK)
        status = mvec__strmap_put(ctx, map, key, index, NULL);
    mvec__free(ctx, key);
    return status;
}

static mvec_status index_name(mvec_ctx *ctx, mvec_countries *countries, const char *name,
                              size_t index)
{
    if (name == NULL || name[0] == '\0')
        return MVEC_OK;
    char *key = NULL;
    mvec_status status = mvec__name_key(ctx, name, &key);
    if (status == MVEC_OK)
        status = mvec__strmap_put(ctx, &countries->by_name, key, index, NULL);
    mvec__free(ctx, key);
    return status;
}

static mvec_status index_numeric(mvec_ctx *ctx, mvec_countries *countries, int numeric,
                                 size_t index)
{
    if (numeric < 0)
        return MVEC_OK;
    char key[16];
    snprintf(key, sizeof key, "%d", numeric);
    return mvec__strmap_put(ctx, &countries->by_numeric, key, index, NULL);
}

typedef struct entry_fields {
    const char *code;
    const char *alpha2;
    int numeric;
    const char *name;
    const char *official_name;
    mvec_country_kind kind;
    const char *maps_to;
    const char *note;
} entry_fields;

/* Add an entry unless its code is taken; returns its index through *index. */
static mvec_status add_entry(mvec_ctx *ctx, mvec_countries *countries, const entry_fields *fields,
                             size_t *index, bool *added)
{
    mvec_status status = MVEC_OK;
    char *key = NULL;
    *added = false;
    MVEC_TRY(upper_key(ctx, fields->code, &key));
    if (mvec__strmap_get(&countries->by_code, key, index))
        goto cleanup;
    MVEC_TRY(mvec__grow(ctx, &countries->entries, &countries->capacity, countries->count + 1,
                        sizeof *countries->entries));
    mvec_country *entry = &countries->entries[countries->count];
    memset(entry, 0, sizeof *entry);
    MVEC_TRY(keep_string(ctx, countries, fields->code, &entry->code));
    MVEC_TRY(keep_string(ctx, countries, fields->alpha2, &entry->alpha2));
    MVEC_TRY(keep_string(ctx, countries, fields->name, &entry->name));
    MVEC_TRY(keep_string(ctx, countries, fields->official_name, &entry->official_name));
    MVEC_TRY(keep_string(ctx, countries, fields->maps_to, &entry->maps_to));
    MVEC_TRY(keep_string(ctx, countries, fields->note, &entry->note));
    entry->numeric = fields->numeric;
    entry->kind = fields->kind;
    *index = countries->count++;
    *added = true;
    MVEC_TRY(mvec__strmap_put(ctx, &countries->by_code, key, *index, NULL));
    if (fields->kind == MVEC_COUNTRY_CURRENT)
        MVEC_TRY(index_code(ctx, &countries->by_alpha2, fields->alpha2, *index));
    MVEC_TRY(index_numeric(ctx, countries, fields->numeric, *index));
    MVEC_TRY(index_name(ctx, countries, fields->name, *index));
    MVEC_TRY(index_name(ctx, countries, fields->official_name, *index));
cleanup:
    mvec__free(ctx, key);
    return status;
}

static const char *json_text(const json_t *object, const char *key)
{
    const json_t *value = json_object_get(object, key);
    return json_is_string(value) ? json_string_value(value) : NULL;
}

static int json_numeric(const json_t *object)
{
    const char *text = json_text(object, "numeric");
    long value;
    if (text == NULL || !mvec__parse_int(text, 0, 999, &value))
        return -1;
    return (int)value;
}

/* Read one iso-codes JSON file: top-level object with one array member `list_key`. */
static mvec_status load_iso_json(mvec_ctx *ctx, mvec_countries *countries, const char *dir,
                                 const char *file, const char *list_key, mvec_country_kind kind,
                                 bool required)
{
    mvec_status status = MVEC_OK;
    char path[4096];
    char *text = NULL;
    size_t length = 0;
    json_t *root = NULL;
    json_error_t error;
    snprintf(path, sizeof path, "%s/%s", dir, file);
    status = mvec__file_read(ctx, path, &text, &length);
    if (status == MVEC_ERR_IO && !required) {
        mvec_ctx_clear_error(ctx);
        return MVEC_OK;
    }
    if (status == MVEC_ERR_IO) {
        char cause[512];
        snprintf(cause, sizeof cause, "%s", mvec_ctx_error_message(ctx));
        MVEC_FAIL(ctx, MVEC_ERR_IO,
                  "%s (the ISO 3166 country list: install the Debian package iso-codes, or give "
                  "the directory of its json files)",
                  cause);
    }
    MVEC_TRY(status);
    root = json_loadb(text, length, 0, &error);
    if (root == NULL)
        MVEC_FAIL(ctx, MVEC_ERR_PARSE, "%s:%d:%d: %s", path, error.line, error.column,
                  error.text);
    const json_t *list = json_object_get(root, list_key);
    if (!json_is_array(list))
        MVEC_FAIL(ctx, MVEC_ERR_PARSE, "%s: no \"%s\" list (not an iso-codes file?)", path,
                  list_key);
    for (size_t i = 0; i < json_array_size(list); i++) {
        const json_t *item = json_array_get(list, i);
        const char *alpha3 = json_text(item, "alpha_3");
        const char *name = json_text(item, "name");
        if (alpha3 == NULL || name == NULL)
            MVEC_FAIL(ctx, MVEC_ERR_PARSE, "%s: entry %zu has no alpha_3 or name", path, i + 1);
        entry_fields fields = {
            .code = alpha3,
            .alpha2 = json_text(item, "alpha_2"),
            .numeric = json_numeric(item),
            .name = name,
            .official_name = json_text(item, "official_name"),
            .kind = kind,
            .note = kind == MVEC_COUNTRY_FORMER ? json_text(item, "withdrawal_date") : NULL,
        };
        size_t index;
        bool added;
        MVEC_TRY(add_entry(ctx, countries, &fields, &index, &added));
        if (added)
            MVEC_TRY(index_name(ctx, countries, json_text(item, "common_name"), index));
        if (added && kind == MVEC_COUNTRY_CURRENT)
            countries->current_count++;
    }
cleanup:
    json_decref(root);
    mvec__free(ctx, text);
    return status;
}

typedef struct translation_state {
    mvec_ctx *ctx;
    mvec_countries *countries;
} translation_state;

static mvec_status on_translation(void *user, const char *original, const char *translation)
{
    translation_state *state = user;
    char *key = NULL;
    size_t index;
    mvec_status status = mvec__name_key(state->ctx, original, &key);
    if (status != MVEC_OK)
        return status;
    if (mvec__strmap_get(&state->countries->by_name, key, &index))
        status = index_name(state->ctx, state->countries, translation, index);
    mvec__free(state->ctx, key);
    return status;
}

static mvec_status load_translations(mvec_ctx *ctx, mvec_countries *countries,
                                     const char *locale_dir, const char *languages)
{
    mvec_status status = MVEC_OK;
    const char *p = languages;
    while (*p) {
        size_t length = strcspn(p, ",");
        char path[4096];
        snprintf(path, sizeof path, "%s/%.*s/LC_MESSAGES/iso_3166-1.mo", locale_dir,
                 (int)length, p);
        char *data = NULL;
        size_t data_length = 0;
        status = mvec__file_read(ctx, path, &data, &data_length);
        if (status == MVEC_OK) {
            translation_state state = {ctx, countries};
            status = mvec__mo_read(ctx, path, (const unsigned char *)data, data_length,
                                   on_translation, &state);
            mvec__free(ctx, data);
            if (status != MVEC_OK)
                return status;
        } else if (status == MVEC_ERR_IO) {
            mvec_ctx_clear_error(ctx); /* a missing catalogue only loses those names */
            status = MVEC_OK;
        } else {
            return status;
        }
        p += length;
        if (*p == ',')
            p++;
    }
    return status;
}

/* ---- embedded tables ---------------------------------------------------------------------- */

enum { PSEUDO_CODE, PSEUDO_NUMERIC, PSEUDO_NAME, PSEUDO_MAPS_TO, PSEUDO_NOTE, PSEUDO_SOURCE,
       PSEUDO_URL };
static const mvec__column_spec PSEUDO_COLUMNS[] = {
    {"code", true}, {"numeric", true}, {"name", true}, {"maps_to", true},
    {"note", true}, {"source", true},  {"url", true},
};

enum { ALIAS_ALIAS, ALIAS_CODE, ALIAS_LANGUAGE, ALIAS_SOURCE };
static const mvec__column_spec ALIAS_COLUMNS[] = {
    {"alias", true}, {"code", true}, {"language", true}, {"source", true},
};

typedef struct table_state {
    mvec_ctx *ctx;
    mvec_countries *countries;
} table_state;

/* Add a table row's entry; a code given twice is an error at `code_column`. */
static mvec_status add_table_entry(mvec_ctx *ctx, mvec_countries *countries, mvec__table *table,
                                   const entry_fields *fields, size_t code_column)
{
    size_t index;
    bool added;
    mvec_status status = add_entry(ctx, countries, fields, &index, &added);
    if (status == MVEC_OK && !added)
        status = mvec__table_fail(ctx, table, code_column, MVEC_ERR_PARSE, "code '%s' exists",
                                  fields->code);
    return status;
}

static mvec_status on_pseudo_row(void *user, mvec__table *table)
{
    table_state *state = user;
    mvec_ctx *ctx = state->ctx;
    long numeric = -1; /* empty: a code with no number (Kosovo's XKX) */
    const char *numeric_text = mvec__table_get(table, PSEUDO_NUMERIC);
    if (numeric_text[0] != '\0' && !mvec__parse_int(numeric_text, 0, 9999, &numeric))
        return mvec__table_fail(ctx, table, PSEUDO_NUMERIC, MVEC_ERR_PARSE,
                                "numeric code expected");
    const char *maps_to = mvec__table_get(table, PSEUDO_MAPS_TO);
    if (maps_to[0] != '\0' && mvec_countries_find(state->countries, maps_to) == NULL)
        return mvec__table_fail(ctx, table, PSEUDO_MAPS_TO, MVEC_ERR_PARSE,
                                "unknown country '%s'", maps_to);
    entry_fields fields = {
        .code = mvec__table_get(table, PSEUDO_CODE),
        .numeric = (int)numeric,
        .name = mvec__table_get(table, PSEUDO_NAME),
        .kind = MVEC_COUNTRY_PSEUDO,
        .maps_to = maps_to,
        .note = mvec__table_get(table, PSEUDO_NOTE),
    };
    return add_table_entry(ctx, state->countries, table, &fields, PSEUDO_CODE);
}

static mvec_status on_org_row(void *user, mvec__table *table)
{
    table_state *state = user;
    mvec_ctx *ctx = state->ctx;
    const char *kind = mvec__table_get(table, ORG_KIND);
    mvec_country_kind country_kind;
    if (mvec__str_equal(kind, "aggregate"))
        country_kind = MVEC_COUNTRY_AGGREGATE;
    else if (mvec__str_equal(kind, "organisation"))
        country_kind = MVEC_COUNTRY_ORGANISATION;
    else
        return mvec__table_fail(ctx, table, ORG_KIND, MVEC_ERR_PARSE,
                                "kind must be 'aggregate' or 'organisation', not '%s'", kind);
    entry_fields fields = {
        .code = mvec__table_get(table, ORG_CODE),
        .numeric = -1,
        .name = mvec__table_get(table, ORG_NAME),
        .kind = country_kind,
        .note = mvec__table_get(table, ORG_NOTE),
    };
    return add_table_entry(ctx, state->countries, table, &fields, ORG_CODE);
}

static mvec_status on_alias_row(void *user, mvec__table *table)
{
    table_state *state = user;
    mvec_ctx *ctx = state->ctx;
    const char *code = mvec__table_get(table, ALIAS_CODE);
    const mvec_country *target = mvec_countries_find(state->countries, code);
    if (target == NULL)
        return mvec__table_fail(ctx, table, ALIAS_CODE, MVEC_ERR_PARSE, "unknown code '%s'",
                                code);
    size_t index = (size_t)(target - state->countries->entries);
    const char *alias = mvec__table_get(table, ALIAS_ALIAS);
    const mvec_country *existing = mvec_countries_find(state->countries, alias);
    if (existing != NULL && existing != target && existing->kind != MVEC_COUNTRY_FORMER)
        return mvec__table_fail(ctx, table, ALIAS_ALIAS, MVEC_ERR_PARSE,
                                "alias '%s' already means %s", alias, existing->code);
    /* An alias may take a name over from a former country ("East Timor"). */
    char *key = NULL;
    mvec_status status = mvec__name_key(ctx, alias, &key);
    if (status == MVEC_OK)
        status = mvec__strmap_set(ctx, &state->countries->by_name, key, index);
    mvec__free(ctx, key);
    return status;
}

static mvec_status load_embedded_table(mvec_ctx *ctx, mvec_countries *countries,
                                       const char *path, const mvec__column_spec *specs,
                                       size_t spec_count, mvec__table_row_fn on_row)
{
    table_state state = {ctx, countries};
    return mvec__table_read_embedded(ctx, path, specs, spec_count, on_row, &state);
}

mvec_status mvec_countries_open(mvec_ctx *ctx, const mvec_countries_options *options,
                                mvec_countries **out)
{
    mvec_status status = MVEC_OK;
    mvec_countries *countries = NULL;
    mvec_countries_options given = MVEC_COUNTRIES_OPTIONS_INIT;
    MVEC_TRY(mvec__options_read(ctx, "mvec_countries_options", "MVEC_COUNTRIES_OPTIONS_INIT",
                                &given, sizeof given,
                                MVEC__SIZE_TO(mvec_countries_options, languages), options));
    options = &given;
    const char *iso_dir = options && options->iso_codes_dir ? options->iso_codes_dir
                                                            : DEFAULT_ISO_CODES_DIR;
    const char *locale_dir = options && options->locale_dir ? options->locale_dir
                                                            : DEFAULT_LOCALE_DIR;
    const char *languages = options && options->languages ? options->languages
                                                          : DEFAULT_LANGUAGES;
    MVEC_TRY(mvec__calloc(ctx, 1, sizeof *countries, &countries));
    MVEC_TRY(load_iso_json(ctx, countries, iso_dir, "iso_3166-1.json", "3166-1",
                           MVEC_COUNTRY_CURRENT, true));
    MVEC_TRY(load_iso_json(ctx, countries, iso_dir, "iso_3166-3.json", "3166-3",
                           MVEC_COUNTRY_FORMER, false));
    MVEC_TRY(load_translations(ctx, countries, locale_dir, languages));
    MVEC_TRY(load_embedded_table(ctx, countries, "data/countries/pseudo_codes.csv",
                                 PSEUDO_COLUMNS, sizeof PSEUDO_COLUMNS / sizeof *PSEUDO_COLUMNS,
                                 on_pseudo_row));
    MVEC_TRY(load_embedded_table(ctx, countries, "data/organisations.csv",
                                 MVEC__ORGANISATION_COLUMNS, ORG_COLUMN_COUNT, on_org_row));
    MVEC_TRY(load_embedded_table(ctx, countries, "data/countries/aliases.csv", ALIAS_COLUMNS,
                                 sizeof ALIAS_COLUMNS / sizeof *ALIAS_COLUMNS, on_alias_row));
    *out = countries;
    countries = NULL;
cleanup:
    mvec_countries_free(ctx, countries);
    return status;
}

void mvec_countries_free(mvec_ctx *ctx, mvec_countries *countries)
{
    if (countries == NULL)
        return;
    mvec__strpool_clear(ctx, &countries->strings);
    mvec__free(ctx, countries->entries);
    mvec__strmap_clear(ctx, &countries->by_code);
    mvec__strmap_clear(ctx, &countries->by_alpha2);
    mvec__strmap_clear(ctx, &countries->by_numeric);
    mvec__strmap_clear(ctx, &countries->by_name);
    mvec__free(ctx, countries);
}

static bool all_digits(const char *text)
{
    if (*text == '\0')
        return false;
    for (; *text; text++)
        if (*text < '0' || *text > '9')
            return false;
    return true;
}

static bool lookup_upper(const mvec__strmap *map, const char *text, size_t *index)
{
    char key[64];
    size_t length = strlen(text);
    if (length == 0 || length >= sizeof key)
        return false;
    for (size_t i = 0; i <= length; i++)
        key[i] = (text[i] >= 'a' && text[i] <= 'z') ? (char)(text[i] - 32) : text[i];
    return mvec__strmap_get(map, key, index);
}

const mvec_country *mvec_countries_find(const mvec_countries *countries, const char *text)
{
    size_t index;
    if (lookup_upper(&countries->by_code, text, &index))
        return &countries->entries[index];
    if (strlen(text) == 2 && lookup_upper(&countries->by_alpha2, text, &index))
        return &countries->entries[index];
    if (all_digits(text)) {
        long numeric;
        char key[16];
        if (mvec__parse_int(text, 0, 99999, &numeric)) {
            snprintf(key, sizeof key, "%ld", numeric);
            if (mvec__strmap_get(&countries->by_numeric, key, &index))
                return &countries->entries[index];
        }
        return NULL;
    }
    char key[1024];
    if (!mvec__name_key_into(text, key, sizeof key))
        return NULL;
    if (mvec__strmap_get(&countries->by_name, key, &index))
        return &countries->entries[index];
    return NULL;
}

size_t mvec_countries_count(const mvec_countries *countries)
{
    return countries->count;
}

const mvec_country *mvec_countries_at(const mvec_countries *countries, size_t index)
{
    return index < countries->count ? &countries->entries[index] : NULL;
}

size_t mvec_countries_current_count(const mvec_countries *countries)
{
    return countries->current_count;
}

size_t mvec_countries_index(const mvec_countries *countries, const mvec_country *country)
{
    if (country < countries->entries || country >= countries->entries + countries->count)
        return SIZE_MAX;
    return (size_t)(country - countries->entries);
}
