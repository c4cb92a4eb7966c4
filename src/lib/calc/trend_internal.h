/*
 * trend_internal.h - what the claim checks share with trend.c: a partner's
 * share in one evaluated distribution, and the break test on a series of
 * lower and upper ends (docs/methods.md, section 9).
 */
#ifndef MVEC_TREND_INTERNAL_H
#define MVEC_TREND_INTERNAL_H

#include "profile_internal.h"

/* The partner's share in `v`: its listed share, or, when it is not listed,
 * 0 to the largest share one unlisted partner could hold. */
mvec_interval mvec__trend_partner_share(const mvec_vector_profile *v,
                                        const mvec_country *partner, bool *listed);

/* The break test on `count` years with lower ends `lo` and upper ends `hi`
 * (NaN: no value that year): fills out->test, out->exact, out->year,
 * out->verdict (firm only when both series agree) and out->rule; out->status
 * is left to the caller. False when a side has fewer than
 * MVEC_TREND_MIN_YEARS years (the verdict is then undecidable). O(count). */
bool mvec__trend_break_compute(const int *years, const double *lo, const double *hi,
                               size_t count, int break_year, mvec_trend_break *out);

#endif
