/*
 * import_totals.c - totals computed by importers (import_totals.h).
 */
#include <stdio.h>

#include "import_totals.h"

mvec_status mvec__import_totals_add(mvec__import *import, mvec__import_totals *totals,
                                    const mvec_country *country, const char *vector, int year,
                                    mvec_basis basis, double value, size_t column)
{
    mvec_ctx *ctx = import->ctx;
    mvec_status status = MVEC_OK;
    char key[160];
    size_t slot;
    snprintf(key, sizeof key, "%s %s %d %d", country->code, vector, year, (int)basis);
    if (!mvec__strmap_get(&totals->index, key, &slot)) {
        MVEC_TRY(mvec__grow(ctx, &totals->totals, &totals->capacity, totals->count + 1,
                            sizeof *totals->totals));
        slot = totals->count;
        totals->totals[slot] = (mvec__import_total){country, vector, year, basis, 0, 0, 0};
        MVEC_TRY(mvec__strmap_put(ctx, &totals->index, key, slot, NULL));
        totals->count++;
    }
    totals->totals[slot].sum += value;
    totals->totals[slot].line = import->table.record->line;
    totals->totals[slot].column = column;
cleanup:
    return status;
}

mvec_status mvec__import_totals_emit(mvec__import *import, const mvec__import_totals *totals,
                                     mvec_status (*fill)(mvec__import *import,
                                                         mvec_observation *row,
                                                         const mvec__import_total *total))
{
    mvec_status status = MVEC_OK;
    const mvec_country *world = mvec_countries_find(import->countries, "WLD");
    if (world == NULL)
        return mvec__error(import->ctx, MVEC_ERR_INTERNAL, "WLD missing from the registry");
    for (size_t i = 0; i < totals->count; i++) {
        const mvec__import_total *total = &totals->totals[i];
        mvec_observation *row = NULL;
        MVEC_TRY(mvec__import_new_row(import, &row));
        row->country = total->country;
        row->partner = world;
        row->vector = total->vector;
        row->year = total->year;
        row->value = total->sum;
        row->basis = total->basis;
        row->line = total->line;
        row->column = total->column;
        MVEC_TRY(fill(import, row, total));
        mvec__import_add_row(import);
    }
cleanup:
    return status;
}

void mvec__import_totals_clear(mvec_ctx *ctx, mvec__import_totals *totals)
{
    mvec__strmap_clear(ctx, &totals->index);
    mvec__free(ctx, totals->totals);
    *totals = (mvec__import_totals){MVEC__STRMAP_INIT, NULL, 0, 0};
}
