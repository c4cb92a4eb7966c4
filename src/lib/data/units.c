/*
 * units.c - load and look up the unit table.
 */
#include <math.h>
#include <string.h>

#include "csv_table.h"
#include "units.h"

enum { UNIT_NAME, UNIT_DIMENSION, UNIT_FACTOR, UNIT_DESCRIPTION };
static const mvec__column_spec UNIT_COLUMNS[] = {
    {"unit", true}, {"dimension", true}, {"factor", true}, {"description", true},
};

typedef struct units_state {
    mvec_ctx *ctx;
    mvec__units *units;
} units_state;

static mvec_status on_unit_row(void *user, mvec__table *table)
{
    units_state *state = user;
    mvec_ctx *ctx = state->ctx;
    mvec__units *units = state->units;
    mvec_status status = MVEC_OK;
    double factor;
    const char *reason;
    if (!mvec__parse_number(mvec__table_get(table, UNIT_FACTOR), &factor, &reason) ||
        !(factor > 0))
        return mvec__table_fail(ctx, table, UNIT_FACTOR, MVEC_ERR_PARSE,
                                "positive factor expected");
    if (mvec__units_find(units, mvec__table_get(table, UNIT_NAME)) != NULL)
        return mvec__table_fail(ctx, table, UNIT_NAME, MVEC_ERR_PARSE, "unit listed twice");
    MVEC_TRY(mvec__grow(ctx, &units->units, &units->capacity, units->count + 1,
                        sizeof *units->units));
    mvec__unit *unit = &units->units[units->count];
    unit->factor = factor;
    MVEC_TRY(mvec__strpool_intern(ctx, &units->strings, mvec__table_get(table, UNIT_NAME),
                                  &unit->name));
    MVEC_TRY(mvec__strpool_intern(ctx, &units->strings,
                                  mvec__table_get(table, UNIT_DIMENSION), &unit->dimension));
    MVEC_TRY(mvec__strpool_intern(ctx, &units->strings,
                                  mvec__table_get(table, UNIT_DESCRIPTION), &unit->description));
    units->count++;
cleanup:
    return status;
}

mvec_status mvec__units_load(mvec_ctx *ctx, mvec__units *units)
{
    units_state state = {ctx, units};
    return mvec__table_read_embedded(ctx, "data/units.csv", UNIT_COLUMNS,
                                     sizeof UNIT_COLUMNS / sizeof *UNIT_COLUMNS, on_unit_row,
                                     &state);
}

void mvec__units_clear(mvec_ctx *ctx, mvec__units *units)
{
    mvec__free(ctx, units->units);
    mvec__strpool_clear(ctx, &units->strings);
    units->units = NULL;
    units->count = 0;
    units->capacity = 0;
}

const mvec__unit *mvec__units_find(const mvec__units *units, const char *name)
{
    for (size_t i = 0; i < units->count; i++)
        if (strcmp(units->units[i].name, name) == 0)
            return &units->units[i];
    return NULL;
}

mvec_status mvec__units_list(mvec_ctx *ctx, const mvec__units *units, mvec__buf *out)
{
    mvec_status status = MVEC_OK;
    for (size_t i = 0; i < units->count; i++)
        MVEC_TRY(mvec__buf_printf(ctx, out, "%s'%s'", i ? ", " : "", units->units[i].name));
cleanup:
    return status;
}
