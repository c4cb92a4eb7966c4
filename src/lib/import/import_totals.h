/*
 * import_totals.h - totals (partner WLD) computed by an importer whose file
 * has none (SIPRI's long file, UNCTAD's bilateral table): the sum of the
 * values the file gives a country for one vector, year, basis and unit.
 * The evaluation divides by WLD, so without these rows the file's
 * distributions could not be computed. Each total is added, after the last
 * row, as an observation of partner WLD with the note that says what it
 * sums (docs/formats.md). Expected O(1) per added value.
 */
#ifndef MVEC_IMPORT_TOTALS_H
#define MVEC_IMPORT_TOTALS_H

#include "importers.h"

typedef struct mvec__import_total {
    const mvec_country *country;
    const char *vector; /* interned in the store */
    int year;
    mvec_basis basis;
    double sum;
    size_t line, column; /* the last row that added to it */
} mvec__import_total;

typedef struct mvec__import_totals {
    mvec__strmap index; /* "country vector year basis" -> slot */
    mvec__import_total *totals;
    size_t count, capacity;
} mvec__import_totals;

/* Add `value` to the total of (country, vector, year, basis). */
mvec_status mvec__import_totals_add(mvec__import *import, mvec__import_totals *totals,
                                    const mvec_country *country, const char *vector, int year,
                                    mvec_basis basis, double value, size_t column);
/* Add one WLD observation per total; `fill` completes each row (unit,
 * source, note...) as the importer's own rows. */
mvec_status mvec__import_totals_emit(mvec__import *import, const mvec__import_totals *totals,
                                     mvec_status (*fill)(mvec__import *import,
                                                         mvec_observation *row,
                                                         const mvec__import_total *total));
void mvec__import_totals_clear(mvec_ctx *ctx, mvec__import_totals *totals);

#endif
