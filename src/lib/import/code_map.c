/*
 * code_map.c - a source's country codes mapped to the registry through
 * data/codes/<system>.csv (code_map.h), and the tally of codes left out.
 */
#include <limits.h>
#include <stdio.h>

#include "code_map.h"
#include "../data/csv_table.h"

enum { MAP_CODE, MAP_ISO3, MAP_FIRST_YEAR, MAP_LAST_YEAR, MAP_NAME, MAP_NOTE, MAP_COLUMN_COUNT };
static const mvec__column_spec MAP_COLUMNS[MAP_COLUMN_COUNT] = {
    {"code", true}, {"iso3", true}, {"first_year", false},
    {"last_year", false}, {"name", false}, {"note", false},
};

typedef struct map_load {
    mvec_ctx *ctx;
    mvec__code_map *map;
    const mvec_countries *countries;
} map_load;

static mvec_status map_year(mvec_ctx *ctx, mvec__table *table, size_t column, int open,
                            int *out)
{
    const char *text = mvec__table_get(table, column);
    long year;
    if (text[0] == '\0') {
        *out = open;
        return MVEC_OK;
    }
    if (!mvec__parse_int(text, 1800, 2100, &year))
        return mvec__table_fail(ctx, table, column, MVEC_ERR_PARSE, "invalid year '%s'", text);
    *out = (int)year;
    return MVEC_OK;
}

static mvec_status map_row(void *user, mvec__table *table)
{
    map_load *load = user;
    mvec_ctx *ctx = load->ctx;
    mvec__code_map *map = load->map;
    mvec_status status = MVEC_OK;
    const char *code = mvec__table_get(table, MAP_CODE);
    const char *iso3 = mvec__table_get(table, MAP_ISO3);
    MVEC_TRY(mvec__grow(ctx, &map->rows, &map->capacity, map->count + 1, sizeof *map->rows));
    mvec__code_map_row *row = &map->rows[map->count];
    MVEC_TRY(mvec__strpool_intern(ctx, &map->strings, code, &row->code));
    row->country = NULL;
    if (iso3[0] != '\0' && (row->country = mvec_countries_find(load->countries, iso3)) == NULL)
        return mvec__table_fail(ctx, table, MAP_ISO3, MVEC_ERR_PARSE,
                                "'%s' is not in the registry", iso3);
    MVEC_TRY(map_year(ctx, table, MAP_FIRST_YEAR, INT_MIN, &row->first_year));
    MVEC_TRY(map_year(ctx, table, MAP_LAST_YEAR, INT_MAX, &row->last_year));
    size_t first;
    if (mvec__strmap_get(&map->first, code, &first)) {
        if (!mvec__str_equal(map->rows[map->count - 1].code, code))
            return mvec__table_fail(ctx, table, MAP_CODE, MVEC_ERR_PARSE,
                                    "the rows of code '%s' must be adjacent", code);
    } else {
        MVEC_TRY(mvec__strmap_put(ctx, &map->first, code, map->count, NULL));
    }
    map->count++;
cleanup:
    return status;
}

mvec_status mvec__code_map_load(mvec_ctx *ctx, const mvec_countries *countries,
                                const char *system, mvec__code_map *map)
{
    char path[128];
    snprintf(path, sizeof path, "data/codes/%s.csv", system);
    *map = (mvec__code_map){.strings = MVEC__STRPOOL_INIT, .first = MVEC__STRMAP_INIT};
    map_load load = {ctx, map, countries};
    mvec_status status = mvec__table_read_embedded(ctx, path, MAP_COLUMNS, MAP_COLUMN_COUNT,
                                                   map_row, &load);
    if (status != MVEC_OK)
        mvec__code_map_clear(ctx, map);
    return status;
}

void mvec__code_map_clear(mvec_ctx *ctx, mvec__code_map *map)
{
    mvec__strpool_clear(ctx, &map->strings);
    mvec__strmap_clear(ctx, &map->first);
    mvec__free(ctx, map->rows);
    *map = (mvec__code_map){.strings = MVEC__STRPOOL_INIT, .first = MVEC__STRMAP_INIT};
}

bool mvec__code_map_find(const mvec__code_map *map, const char *code, int year,
                         const mvec_country **country)
{
    size_t i;
    if (!mvec__strmap_get(&map->first, code, &i))
        return false;
    for (; i < map->count && mvec__str_equal(map->rows[i].code, code); i++)
        if (year == 0 || (year >= map->rows[i].first_year && year <= map->rows[i].last_year)) {
            *country = map->rows[i].country;
            return true;
        }
    return false;
}

mvec_status mvec__unmapped_add(mvec_ctx *ctx, mvec__unmapped *unmapped, const char *code,
                               bool known, size_t line)
{
    mvec_status status = MVEC_OK;
    size_t slot;
    if (mvec__strmap_get(&unmapped->index, code, &slot)) {
        unmapped->entries[slot].rows++;
        return MVEC_OK;
    }
    MVEC_TRY(mvec__grow(ctx, &unmapped->entries, &unmapped->capacity, unmapped->count + 1,
                        sizeof *unmapped->entries));
    struct mvec__unmapped_entry *entry = &unmapped->entries[unmapped->count];
    *entry = (struct mvec__unmapped_entry){NULL, known, 1, line};
    MVEC_TRY(mvec__strdup(ctx, code, &entry->code));
    status = mvec__strmap_put(ctx, &unmapped->index, code, unmapped->count, NULL);
    if (status != MVEC_OK) {
        mvec__free(ctx, entry->code);
        return status;
    }
    unmapped->count++;
cleanup:
    return status;
}

void mvec__unmapped_report(mvec_ctx *ctx, const mvec__unmapped *unmapped, const char *name,
                           const char *what)
{
    if (unmapped->count == 0)
        return;
    mvec__buf text = MVEC__BUF_INIT(8192);
    size_t rows = 0;
    for (size_t i = 0; i < unmapped->count; i++)
        rows += unmapped->entries[i].rows;
    mvec_status status = mvec__buf_printf(
        ctx, &text, "%s: %zu %s row%s left out, %zu code%s not mapped to a country:", name, rows,
        what, rows == 1 ? "" : "s", unmapped->count, unmapped->count == 1 ? "" : "s");
    for (size_t i = 0; i < unmapped->count && i < 20 && status == MVEC_OK; i++) {
        const struct mvec__unmapped_entry *entry = &unmapped->entries[i];
        status = mvec__buf_printf(ctx, &text, "%s '%s' (%s, %zu row%s, first line %zu)",
                                  i ? ";" : "", entry->code,
                                  entry->known ? "not a country" : "unknown code", entry->rows,
                                  entry->rows == 1 ? "" : "s", entry->first_line);
    }
    if (status == MVEC_OK && unmapped->count > 20)
        status = mvec__buf_printf(ctx, &text, "; and %zu more", unmapped->count - 20);
    if (status == MVEC_OK)
        mvec__log(ctx, MVEC_LOG_WARNING, "%s", text.data);
    mvec__buf_clear(ctx, &text);
}

void mvec__unmapped_clear(mvec_ctx *ctx, mvec__unmapped *unmapped)
{
    for (size_t i = 0; i < unmapped->count; i++)
        mvec__free(ctx, unmapped->entries[i].code);
    mvec__free(ctx, unmapped->entries);
    mvec__strmap_clear(ctx, &unmapped->index);
    *unmapped = (mvec__unmapped){.index = MVEC__STRMAP_INIT};
}
