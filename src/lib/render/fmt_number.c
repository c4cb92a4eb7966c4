/*
 * fmt_number.c - numbers as read back: the shortest exact text of a value,
 * and an observed value with its qualifier and unit. Fixed decimals and
 * intervals are formatted by core/fmt_interval.c.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "render_internal.h"

void mvec__fmt_exact(char *out, double value)
{
    /* fixed notation with the fewest decimals that read back exactly */
    if (fabs(value) < 1e15 && (fabs(value) >= 1e-9 || mvec__same_double(value, 0))) {
        for (int decimals = 0; decimals <= 17; decimals++) {
            mvec__format_c(out, 64, "%.*f", decimals, value);
            double back;
            const char *reason;
            if (mvec__parse_number(out, &back, &reason) && mvec__same_double(back, value))
                return;
        }
    }
    for (int precision = 1; precision <= 17; precision++) {
        mvec__format_c(out, 64, "%.*g", precision, value);
        double back;
        const char *reason;
        if (mvec__parse_number(out, &back, &reason) && mvec__same_double(back, value))
            return;
    }
    mvec__format_c(out, 64, "%.17g", value);
}

void mvec__fmt_observed(char *out, size_t size, const mvec_observation *o)
{
    char number[64];
    mvec__fmt_exact(number, o->value);
    const char *qualifier = mvec_qualifier_symbol(o->qualifier);
    snprintf(out, size, "%s%s%s %s", qualifier, qualifier[0] ? " " : "", number, o->unit);
}
