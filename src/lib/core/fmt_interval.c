/*
 * fmt_interval.c - the one number formatter: fixed decimals, '.' as the
 * decimal separator whatever the locale, "n/a" for undefined values, and
 * intervals shown as one number when both ends print the same ("19.4") or
 * with an en dash ("19.4–20.1"). Every writer and every claim text uses it,
 * so ranges print the same way everywhere.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "../mvec_internal.h"

void mvec__fmt_fixed(char *out, double value, int decimals)
{
    if (isnan(value)) {
        strcpy(out, "n/a");
        return;
    }
    if (isinf(value)) {
        strcpy(out, value > 0 ? "inf" : "-inf");
        return;
    }
    mvec__format_c(out, 64, "%.*f", decimals, value);
    if (strcmp(out, "-0") == 0 ||
        (strncmp(out, "-0.", 3) == 0 && strspn(out + 3, "0") == strlen(out + 3)))
        memmove(out, out + 1, strlen(out)); /* no negative zero */
}

void mvec__fmt_interval(char *out, size_t size, mvec_interval interval, double scale, int decimals)
{
    char lo[64];
    char hi[64];
    if (isnan(interval.lo) || isnan(interval.hi)) {
        snprintf(out, size, "n/a");
        return;
    }
    mvec__fmt_fixed(lo, interval.lo * scale, decimals);
    mvec__fmt_fixed(hi, interval.hi * scale, decimals);
    if (strcmp(lo, hi) == 0)
        snprintf(out, size, "%s", lo);
    else
        snprintf(out, size, "%s\xE2\x80\x93%s", lo, hi); /* en dash */
}

char *mvec_interval_format(char *out, size_t size, mvec_interval interval, double scale,
                           int decimals)
{
    if (size > 0)
        mvec__fmt_interval(out, size, interval, scale, decimals);
    return out;
}
