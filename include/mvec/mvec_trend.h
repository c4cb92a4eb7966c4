/*
 * mvec_trend.h - one country's tie to one partner or bloc over the years:
 * the series, a before/after break test and the decomposition of a change.
 *
 * A series is, per year, the share of one partner (or of one bloc of the
 * scheme) in one vector, read from the distribution the profile would show
 * for that year (mvec_profile.h: reporter before partner statistics, values
 * before shares, ...), or the value of a context indicator (any indicator
 * other than "value" and "share", e.g. UNGA "agreement", Pew "favourable").
 * Where the data leave a share open (an incomplete distribution, sources
 * that disagree) the year's value is an interval [lo, hi]; the break test
 * is then run on the series of lower ends and on the series of upper ends,
 * and its verdict is firm only when both agree (docs/methods.md, "Trends").
 *
 * Break test (docs/methods.md, "Trends"): years >= break_year are "after".
 * Difference of means after - before with its 95 % Welch confidence
 * interval (GSL's Student t quantile), and a Chow test of one linear trend
 * y = a + b t against separate lines before and after (GSL least squares,
 * F with 2 and n - 4 degrees of freedom). "Stable" when the interval lies
 * within +-MVEC_TREND_TOLERANCE and the Chow test does not reject at 5 %;
 * "changed" when the interval lies wholly outside it or the Chow test
 * rejects at 5 % (a structural break); otherwise undecided.
 * At least MVEC_TREND_MIN_YEARS years on each side are required.
 *
 * Explain: the change in the partner HHI between two years split into
 * partner contributions s_p2^2 - s_p1^2, and the change in a bloc's share
 * into partners that enter (absent in the first year), exit (absent in the
 * second) and reweighting (present in both). Both years must have complete
 * distributions (every share exact).
 *
 * Cost: one evaluation of each year's representative distribution (as
 * mvec_profile_build for one vector), O(n) for the tests.
 */
#ifndef MVEC_TREND_H
#define MVEC_TREND_H

#include <stdbool.h>
#include <stddef.h>

#include "mvec_bloc.h"
#include "mvec_claim.h"
#include "mvec_index.h"
#include "mvec_obs.h"
#include "mvec_write.h"

/* The band within which a shift of the mean counts as "no change": 5
 * percentage points (as the claim checks' "small margins"). */
#define MVEC_TREND_TOLERANCE 0.05
/* Fewest years on each side of a break. */
#define MVEC_TREND_MIN_YEARS 3

typedef struct mvec_trend_options {
    size_t size;           /* sizeof the struct: set by MVEC_TREND_OPTIONS_INIT */
    const char *country;   /* code or name; NULL: "KAZ" */
    const char *vector;    /* required */
    const char *partner;   /* code or name: this partner's share; NULL */
    const char *bloc;      /* a bloc of the scheme: its share; NULL */
    const char *indicator; /* a context indicator (not "value"/"share"); NULL */
    const char *basis;     /* only this basis; NULL: any */
    int break_year;        /* 0: no break test */
    int explain_from;      /* both 0: no decomposition */
    int explain_to;
} mvec_trend_options;

#define MVEC_TREND_OPTIONS_INIT                                                                    \
    {sizeof(mvec_trend_options), NULL, NULL, NULL, NULL, NULL, NULL, 0, 0, 0}

/* One year of the series. */
typedef struct mvec_trend_point {
    int year;
    mvec_interval value;   /* share (fraction) or indicator value; NaN when not computed */
    const char *status;    /* NULL when computed, else why not */
    mvec_basis basis;
    const char *source;    /* the publication(s) the year rests on */
    size_t input_count;    /* observations used */
    bool listed;           /* partner series: the partner is listed that year */
} mvec_trend_point;

/* The break test on one series (lower or upper ends). */
typedef struct mvec_trend_test {
    size_t before_count;
    size_t after_count;
    double mean_before;
    double mean_after;
    double difference;     /* mean_after - mean_before */
    double ci_lo;          /* 95 % Welch interval of the difference */
    double ci_hi;
    double welch_df;
    double slope_all;      /* per year, one line through all years */
    double slope_before;
    double slope_after;
    double chow_f;         /* F(2, n - 4) */
    double chow_p;
    mvec_verdict verdict;  /* holds: stable; fails: changed; undecidable */
} mvec_trend_test;

typedef struct mvec_trend_break {
    int year;              /* first year of "after" */
    const char *status;    /* NULL when tested, else why not (too few years) */
    bool exact;            /* every year's value is a point: test[0] == test[1] */
    mvec_trend_test test[2]; /* on the lower ends, on the upper ends */
    mvec_verdict verdict;  /* holds (stable) only when both tests hold, ... */
    const char *rule;      /* the rule in words */
} mvec_trend_break;

/* One partner's part in a change between two years. */
typedef struct mvec_trend_part {
    const mvec_country *partner;
    double from;           /* share in the first year (0 when absent) */
    double to;             /* share in the second year */
    double hhi_part;       /* to^2 - from^2 */
    double bloc_part;      /* to - from when in the bloc, else 0 */
    const char *kind;      /* "entry", "exit", "reweighting" */
    bool in_bloc;          /* the partner belongs to the bloc followed */
} mvec_trend_part;

typedef struct mvec_trend_explain {
    int from_year;
    int to_year;
    const char *status;    /* NULL when computed, else why not */
    double hhi_from;
    double hhi_to;
    double hhi_change;     /* hhi_to - hhi_from */
    bool has_bloc;
    double bloc_from;
    double bloc_to;
    double bloc_change;
    double bloc_entries;   /* sum of bloc_part over entries */
    double bloc_exits;
    double bloc_reweighting;
    size_t part_count;     /* partners present in either year, largest |hhi_part| first */
} mvec_trend_explain;

typedef struct mvec_trend mvec_trend;

/* Build the series (and the break test and decomposition when asked).
 * `memberships` may be NULL. A year that cannot be computed is kept with
 * its reason; a break test with too few years, or a decomposition of
 * incomplete distributions, carries a status instead of numbers.
 * Statuses: MVEC_ERR_INVALID for an unknown country, partner or bloc, no
 * vector, both a partner and a bloc, "value" or "share" as the indicator,
 * an indicator given for several partners (or in two dimensions) when no
 * partner is named, a break test with nothing to follow,
 * an explain year pair with only one year or equal years, or an options
 * struct not made with its INIT macro; MVEC_ERR_NO_DATA when the country
 * has no figure of the vector (or indicator); MVEC_ERR_LIMIT and
 * MVEC_ERR_SOLVER as mvec_profile_build; MVEC_ERR_NOMEM;
 * MVEC_ERR_CANCELLED; MVEC_ERR_INTERNAL. */
MVEC_API mvec_status mvec_trend_build(mvec_ctx *ctx, const mvec_observations *observations,
                                      const mvec_bloc_scheme *scheme,
                                      const mvec_memberships *memberships,
                                      const mvec_trend_options *options, mvec_trend **out);
/* NULL is a no-op. */
MVEC_API void mvec_trend_free(mvec_ctx *ctx, mvec_trend *trend);

/* The accessors below cannot fail; *_at return NULL past the end, and
 * mvec_trend_break_test / mvec_trend_explanation NULL when not asked. */
MVEC_API const mvec_country *mvec_trend_country(const mvec_trend *trend);
MVEC_API const char *mvec_trend_vector(const mvec_trend *trend);
/* "CHN share", "bloc West share", "indicator agreement (CHN)". */
MVEC_API const char *mvec_trend_subject(const mvec_trend *trend);
/* The partner followed (NULL when none) and the bloc followed (its index in
 * the scheme the trend was built with; SIZE_MAX when none). */
MVEC_API const mvec_country *mvec_trend_partner(const mvec_trend *trend);
MVEC_API size_t mvec_trend_bloc(const mvec_trend *trend);
/* "share" for shares (print x 100 as %), else the unit dimension. */
MVEC_API const char *mvec_trend_dimension(const mvec_trend *trend);
MVEC_API size_t mvec_trend_count(const mvec_trend *trend);
MVEC_API const mvec_trend_point *mvec_trend_at(const mvec_trend *trend, size_t index);
MVEC_API const mvec_trend_break *mvec_trend_break_test(const mvec_trend *trend);
MVEC_API const mvec_trend_explain *mvec_trend_explanation(const mvec_trend *trend);
MVEC_API const mvec_trend_part *mvec_trend_part_at(const mvec_trend *trend, size_t index);

/* The break test alone on a series of `count` points (years need not be
 * consecutive or sorted; years >= break_year are "after"). Fills `out`
 * (verdict undecidable and NaN numbers when a side has fewer than
 * MVEC_TREND_MIN_YEARS years; non-finite values are left out; at most 512
 * points are used). Cannot fail. */
MVEC_API void mvec_trend_test_series(const int *years, const double *values, size_t count,
                                     int break_year, mvec_trend_test *out);

/* The trend as a table (series, break test, decomposition; fits 120
 * columns), CSV (the parts of the change with an explanation, else the
 * series) or JSON (everything). Columns are listed in docs/formats.md.
 * Statuses: MVEC_ERR_NO_DATA when a decomposition was asked and cannot be
 * made (its reason is the message); and as mvec_profile_write. */
MVEC_API mvec_status mvec_trend_write(mvec_ctx *ctx, const mvec_trend *trend,
                                      mvec_format format, const mvec_sink *sink);

#endif
