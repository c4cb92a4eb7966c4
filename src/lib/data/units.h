/*
 * units.h - the unit table (data/units.csv): each unit's dimension and its
 * factor to the dimension's base unit ("USD bn" -> USD x 1e9, "%" -> share
 * x 0.01). Values of one dimension can be added and compared; values of
 * different dimensions never are (mvec converts no currencies).
 */
#ifndef MVEC_UNITS_H
#define MVEC_UNITS_H

#include "../mvec_internal.h"

typedef struct mvec__unit {
    const char *name;        /* as written in data, e.g. "USD bn" */
    const char *dimension;   /* e.g. "USD" */
    double factor;           /* base units per unit */
    const char *description;
} mvec__unit;

typedef struct mvec__units {
    mvec__unit *units;
    size_t count;
    size_t capacity;
    mvec__strpool strings;
} mvec__units;

mvec_status mvec__units_load(mvec_ctx *ctx, mvec__units *units);
void mvec__units_clear(mvec_ctx *ctx, mvec__units *units);
const mvec__unit *mvec__units_find(const mvec__units *units, const char *name);
/* Comma-separated list of unit names, for messages. */
mvec_status mvec__units_list(mvec_ctx *ctx, const mvec__units *units, mvec__buf *out);

#endif
