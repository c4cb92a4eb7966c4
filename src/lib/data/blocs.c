/*
 * blocs.c - bloc schemes: a partition of every registry code into named
 * blocs, loaded from CSV (code, bloc, great_power, rationale).
 *
 * A code the scheme does not name falls in the bloc of the `*` row; a
 * trade-data pseudo-code that maps to an ISO country (BACI 842 -> USA) falls
 * in that country's bloc.
 */
#include <stdio.h>
#include <string.h>

#include "csv_table.h"

struct mvec_bloc_scheme {
    char *name;
    const mvec_countries *countries;
    char **bloc_names;
    bool *great_power;
    size_t bloc_count;
    size_t bloc_capacity;
    size_t default_bloc;   /* SIZE_MAX until the `*` row is read */
    size_t *bloc_of;       /* per registry index; SIZE_MAX when not named */
    char **rationale;      /* per registry index; NULL when not named */
    size_t registry_count;
    char *default_rationale;
};

enum { SCHEME_CODE, SCHEME_BLOC, SCHEME_GREAT_POWER, SCHEME_RATIONALE };
static const mvec__column_spec SCHEME_COLUMNS[] = {
    {"code", true},
    {"bloc", true},
    {"great_power", true},
    {"rationale", false},
};

typedef struct scheme_state {
    mvec_ctx *ctx;
    mvec_bloc_scheme *scheme;
} scheme_state;

static bool valid_bloc_name(const char *name)
{
    if (*name == '\0' || strlen(name) > 40)
        return false;
    for (; *name; name++) {
        char c = *name;
        if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
              c == '-' || c == '_' || c == '.'))
            return false;
    }
    return true;
}

/* Index of the bloc named `name`, adding it if new. */
static mvec_status find_or_add_bloc(mvec_ctx *ctx, mvec_bloc_scheme *scheme, const char *name,
                                    bool great_power, mvec__table *table, size_t *out)
{
    mvec_status status = MVEC_OK;
    for (size_t b = 0; b < scheme->bloc_count; b++) {
        if (strcmp(scheme->bloc_names[b], name) == 0) {
            if (scheme->great_power[b] != great_power)
                return mvec__table_fail(ctx, table, SCHEME_GREAT_POWER, MVEC_ERR_PARSE,
                                        "bloc '%s' was marked great_power=%s on an earlier row",
                                        name, scheme->great_power[b] ? "yes" : "no");
            *out = b;
            return MVEC_OK;
        }
    }
    size_t great_count = 0;
    for (size_t b = 0; b < scheme->bloc_count; b++)
        great_count += scheme->great_power[b] ? 1u : 0u;
    if (great_power && great_count >= MVEC_GREAT_POWER_LIMIT)
        return mvec__table_fail(ctx, table, SCHEME_GREAT_POWER, MVEC_ERR_LIMIT,
                                "bloc '%s' would be great power number %zu; a scheme may mark "
                                "at most %d blocs as great powers",
                                name, great_count + 1, MVEC_GREAT_POWER_LIMIT);
    size_t capacity = scheme->bloc_capacity;
    MVEC_TRY(mvec__grow(ctx, &scheme->bloc_names, &capacity, scheme->bloc_count + 1,
                        sizeof *scheme->bloc_names));
    capacity = scheme->bloc_capacity;
    MVEC_TRY(mvec__grow(ctx, &scheme->great_power, &capacity, scheme->bloc_count + 1,
                        sizeof *scheme->great_power));
    scheme->bloc_capacity = capacity;
    MVEC_TRY(mvec__strdup(ctx, name, &scheme->bloc_names[scheme->bloc_count]));
    scheme->great_power[scheme->bloc_count] = great_power;
    *out = scheme->bloc_count++;
cleanup:
    return status;
}

static mvec_status on_scheme_row(void *user, mvec__table *table)
{
    scheme_state *state = user;
    mvec_ctx *ctx = state->ctx;
    mvec_bloc_scheme *scheme = state->scheme;
    mvec_status status = MVEC_OK;
    const char *code = mvec__table_get(table, SCHEME_CODE);
    const char *bloc_name = mvec__table_get(table, SCHEME_BLOC);
    const char *great = mvec__table_get(table, SCHEME_GREAT_POWER);
    const char *rationale = mvec__table_get(table, SCHEME_RATIONALE);
    bool great_power;
    if (mvec__str_equal(great, "yes"))
        great_power = true;
    else if (mvec__str_equal(great, "no"))
        great_power = false;
    else
        return mvec__table_fail(ctx, table, SCHEME_GREAT_POWER, MVEC_ERR_PARSE,
                                "great_power must be 'yes' or 'no', not '%s'", great);
    if (!valid_bloc_name(bloc_name))
        return mvec__table_fail(ctx, table, SCHEME_BLOC, MVEC_ERR_PARSE,
                                "invalid bloc name '%s' (letters, digits, '-', '_' and '.', at "
                                "most 40)",
                                bloc_name);
    size_t bloc = 0;
    MVEC_TRY(find_or_add_bloc(ctx, scheme, bloc_name, great_power, table, &bloc));
    if (mvec__str_equal(code, "*")) {
        if (scheme->default_bloc != SIZE_MAX)
            return mvec__table_fail(ctx, table, SCHEME_CODE, MVEC_ERR_PARSE,
                                    "second default row ('*')");
        scheme->default_bloc = bloc;
        MVEC_TRY(mvec__strdup(ctx, rationale, &scheme->default_rationale));
        return MVEC_OK;
    }
    const mvec_country *country = mvec_countries_find(scheme->countries, code);
    if (country == NULL)
        return mvec__table_fail(ctx, table, SCHEME_CODE, MVEC_ERR_PARSE,
                                "unknown country or organisation '%s'", code);
    size_t index = mvec_countries_index(scheme->countries, country);
    if (scheme->bloc_of[index] != SIZE_MAX)
        return mvec__table_fail(ctx, table, SCHEME_CODE, MVEC_ERR_PARSE,
                                "%s is assigned twice (a scheme is a partition)", country->code);
    scheme->bloc_of[index] = bloc;
    MVEC_TRY(mvec__strdup(ctx, rationale, &scheme->rationale[index]));
cleanup:
    return status;
}

static mvec_status load_scheme_text(mvec_ctx *ctx, const mvec_countries *countries,
                                    const char *scheme_name, const char *file_name,
                                    const char *text, size_t length, mvec_bloc_scheme **out)
{
    mvec_status status = MVEC_OK;
    mvec_bloc_scheme *scheme = NULL;
    MVEC_TRY(mvec__calloc(ctx, 1, sizeof *scheme, &scheme));
    scheme->countries = countries;
    scheme->default_bloc = SIZE_MAX;
    scheme->registry_count = mvec_countries_count(countries);
    MVEC_TRY(mvec__strdup(ctx, scheme_name, &scheme->name));
    MVEC_TRY(mvec__alloc(ctx, scheme->registry_count * sizeof *scheme->bloc_of,
                         &scheme->bloc_of));
    for (size_t i = 0; i < scheme->registry_count; i++)
        scheme->bloc_of[i] = SIZE_MAX;
    MVEC_TRY(mvec__calloc(ctx, scheme->registry_count, sizeof *scheme->rationale,
                          &scheme->rationale));
    scheme_state state = {ctx, scheme};
    MVEC_TRY(mvec__table_read(ctx, file_name, text, length, SCHEME_COLUMNS,
                              sizeof SCHEME_COLUMNS / sizeof *SCHEME_COLUMNS, on_scheme_row,
                              &state));
    if (scheme->default_bloc == SIZE_MAX)
        MVEC_FAIL(ctx, MVEC_ERR_SCHEMA,
                  "%s: no default row: add a row with code '*' naming the bloc of every "
                  "code not listed",
                  file_name);
    *out = scheme;
    scheme = NULL;
cleanup:
    mvec_bloc_scheme_free(ctx, scheme);
    return status;
}

mvec_status mvec__bloc_scheme_from_text(mvec_ctx *ctx, const mvec_countries *countries,
                                       const char *name, const char *text, size_t length,
                                       mvec_bloc_scheme **out)
{
    return load_scheme_text(ctx, countries, name, name, text, length, out);
}

mvec_status mvec_bloc_scheme_builtin(mvec_ctx *ctx, const mvec_countries *countries,
                                     const char *name, mvec_bloc_scheme **out)
{
    char path[128];
    if (strlen(name) > 40 || !valid_bloc_name(name))
        return mvec__error(ctx, MVEC_ERR_INVALID, "unknown bloc scheme '%s'", name);
    snprintf(path, sizeof path, "data/blocs/%s.csv", name);
    const mvec__embedded_file *file = mvec__embedded_find(path);
    if (file == NULL)
        return mvec__error(ctx, MVEC_ERR_INVALID,
                           "unknown bloc scheme '%s' (built in: powers; or give a CSV file)",
                           name);
    char file_name[160];
    snprintf(file_name, sizeof file_name, "embedded:%s", path);
    return load_scheme_text(ctx, countries, name, file_name, (const char *)file->data,
                            file->length, out);
}

mvec_status mvec_bloc_scheme_load(mvec_ctx *ctx, const mvec_countries *countries,
                                  const char *path, mvec_bloc_scheme **out)
{
    char *text = NULL;
    size_t length = 0;
    mvec_status status = mvec__file_read(ctx, path, &text, &length);
    if (status == MVEC_OK)
        status = load_scheme_text(ctx, countries, path, path, text, length, out);
    mvec__free(ctx, text);
    return status;
}

void mvec_bloc_scheme_free(mvec_ctx *ctx, mvec_bloc_scheme *scheme)
{
    if (scheme == NULL)
        return;
    for (size_t b = 0; b < scheme->bloc_count; b++)
        mvec__free(ctx, scheme->bloc_names[b]);
    if (scheme->rationale != NULL)
        for (size_t i = 0; i < scheme->registry_count; i++)
            mvec__free(ctx, scheme->rationale[i]);
    mvec__free(ctx, scheme->bloc_names);
    mvec__free(ctx, scheme->great_power);
    mvec__free(ctx, scheme->bloc_of);
    mvec__free(ctx, scheme->rationale);
    mvec__free(ctx, scheme->default_rationale);
    mvec__free(ctx, scheme->name);
    mvec__free(ctx, scheme);
}

const char *mvec_bloc_scheme_name(const mvec_bloc_scheme *scheme)
{
    return scheme->name;
}

size_t mvec_bloc_count(const mvec_bloc_scheme *scheme)
{
    return scheme->bloc_count;
}

const char *mvec_bloc_name(const mvec_bloc_scheme *scheme, size_t bloc)
{
    return bloc < scheme->bloc_count ? scheme->bloc_names[bloc] : "";
}

bool mvec_bloc_is_great_power(const mvec_bloc_scheme *scheme, size_t bloc)
{
    return bloc < scheme->bloc_count && scheme->great_power[bloc];
}

/* The registry index whose assignment decides `country`'s bloc. */
static size_t deciding_index(const mvec_bloc_scheme *scheme, const mvec_country *country)
{
    size_t index = mvec_countries_index(scheme->countries, country);
    if (index == SIZE_MAX)
        return SIZE_MAX;
    if (scheme->bloc_of[index] == SIZE_MAX && country->kind == MVEC_COUNTRY_PSEUDO &&
        country->maps_to[0] != '\0') {
        const mvec_country *target = mvec_countries_find(scheme->countries, country->maps_to);
        if (target != NULL)
            return mvec_countries_index(scheme->countries, target);
    }
    return index;
}

size_t mvec_bloc_of(const mvec_bloc_scheme *scheme, const mvec_country *country)
{
    size_t index = deciding_index(scheme, country);
    if (index == SIZE_MAX || scheme->bloc_of[index] == SIZE_MAX)
        return scheme->default_bloc;
    return scheme->bloc_of[index];
}

const char *mvec_bloc_rationale(const mvec_bloc_scheme *scheme, const mvec_country *country)
{
    size_t index = deciding_index(scheme, country);
    if (index == SIZE_MAX || scheme->rationale[index] == NULL)
        return scheme->default_rationale ? scheme->default_rationale : "";
    return scheme->rationale[index];
}
