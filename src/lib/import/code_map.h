/*
 * code_map.h - other code systems mapped to the country registry.
 *
 * A source's own country codes (COW numbers, SIPRI names, Eurostat labels,
 * BACI numbers...) are mapped through a table compiled from data/codes/
 * <system>.csv with the columns
 *
 *   code        the source's code, as written in its files
 *   iso3        what the registry calls it (a country, former country or
 *               trade-data code); empty = known but not a country (an
 *               aggregate, "unknown recipient"): its rows are skipped and
 *               counted
 *   first_year  optional: the first year the row applies to (a code that
 *   last_year   meant another country before, e.g. COW 365 SUN until 1991)
 *   name        the source's name for it
 *   note        why, where the mapping is not obvious
 *
 * Codes an import meets that the table does not hold, and codes mapped to
 * nothing, are counted by an mvec__unmapped tracker and reported once, at
 * the end of the import, as one warning listing each code with its row count
 * and first line: never dropped silently.
 */
#ifndef MVEC_CODE_MAP_H
#define MVEC_CODE_MAP_H

#include "../mvec_internal.h"

typedef struct mvec__code_map_row {
    const char *code;            /* interned in the map's pool */
    const mvec_country *country; /* NULL: known, not a country */
    int first_year, last_year;   /* INT_MIN / INT_MAX when open */
} mvec__code_map_row;

typedef struct mvec__code_map {
    mvec__strpool strings;
    mvec__strmap first; /* code -> index of its first row (rows of one code are adjacent) */
    mvec__code_map_row *rows;
    size_t count, capacity;
} mvec__code_map;

/* Load data/codes/<system>.csv (embedded) and resolve every iso3 in
 * `countries`; an unknown iso3 is a defect of the table (MVEC_ERR_INTERNAL). */
mvec_status mvec__code_map_load(mvec_ctx *ctx, const mvec_countries *countries,
                                const char *system, mvec__code_map *map);
void mvec__code_map_clear(mvec_ctx *ctx, mvec__code_map *map);

/* Look `code` up for `year` (any year: pass 0 when the source has none).
 * Returns true when the table holds the code for that year; *country is
 * then the country or NULL for "known, not a country". */
bool mvec__code_map_find(const mvec__code_map *map, const char *code, int year,
                         const mvec_country **country);

/* Codes left out of an import, with how many rows each cost. */
typedef struct mvec__unmapped {
    mvec__strmap index; /* code -> slot in entries */
    struct mvec__unmapped_entry {
        char *code;
        bool known;     /* in the table, mapped to no country */
        size_t rows;
        size_t first_line;
    } *entries;
    size_t count, capacity;
} mvec__unmapped;

mvec_status mvec__unmapped_add(mvec_ctx *ctx, mvec__unmapped *unmapped, const char *code,
                               bool known, size_t line);
/* One MVEC_LOG_WARNING for the file `name` listing every code left out (at
 * most 20 by name, then a count); nothing when none was. */
void mvec__unmapped_report(mvec_ctx *ctx, const mvec__unmapped *unmapped, const char *name,
                           const char *what);
void mvec__unmapped_clear(mvec_ctx *ctx, mvec__unmapped *unmapped);

#endif
