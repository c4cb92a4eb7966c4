/*
 * trend.c - a partner's or bloc's share (or a context indicator) over the
 * years, the before/after break test and the decomposition of a change
 * (mvec_trend.h; formulas in docs/methods.md, "Trends").
 *
 * Each year's share is read from the distribution the profile would show
 * for that year: the collection (profile_internal.h) is built once and
 * mvec__collection_pick evaluates the year's candidates best first, so a
 * year's share interval is the profile's, exact when every partner is
 * listed and bounded otherwise (evaluate.c).
 */
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_fit.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "trend_internal.h"

struct mvec_trend {
    mvec__arena arena;
    const mvec_country *country;
    const char *vector;
    const char *subject;
    const mvec_country *partner; /* followed; NULL when none */
    size_t bloc;                 /* followed; SIZE_MAX when none */
    const char *dimension;
    mvec_trend_point *points;
    size_t count;
    bool has_break;
    mvec_trend_break brk;
    bool has_explain;
    mvec_trend_explain explain;
    mvec_trend_part *parts;
};

static const char RULE[] =
    "stable when the 95 % confidence interval of the difference of means (after - before, "
    "Welch) lies within +-5 percentage points and the Chow test of a linear trend does not "
    "reject one line for all years at 5 %; changed when the interval lies wholly outside "
    "+-5 points or the Chow test rejects at 5 %; otherwise undecided; at least 3 years on "
    "each side; with interval data the lower and the upper series must agree";

/* ---- the break test -------------------------------------------------------------------- */

typedef struct moments {
    size_t n;
    double mean;
    double var; /* sample variance (n - 1) */
} moments;

static moments moments_of(const double *values, size_t n)
{
    moments m = {n, 0, 0};
    for (size_t i = 0; i < n; i++)
        m.mean += values[i];
    m.mean /= (double)n;
    for (size_t i = 0; i < n; i++)
        m.var += (values[i] - m.mean) * (values[i] - m.mean);
    m.var = n > 1 ? m.var / (double)(n - 1) : 0;
    return m;
}

/* Least-squares line through (x, y); the residual sum of squares. */
static double fit_rss(const double *x, const double *y, size_t n, double *slope)
{
    double c0 = 0, c1 = 0, cov00 = 0, cov01 = 0, cov11 = 0, rss = 0;
    gsl_fit_linear(x, 1, y, 1, n, &c0, &c1, &cov00, &cov01, &cov11, &rss);
    *slope = c1;
    return rss;
}

void mvec_trend_test_series(const int *years, const double *values, size_t count,
                            int break_year, mvec_trend_test *out)
{
    enum { MAX = 512 };
    double x[2][MAX], y[2][MAX], xa[MAX], ya[MAX];
    size_t n[2] = {0, 0};
    size_t all = 0;
    memset(out, 0, sizeof *out);
    out->mean_before = out->mean_after = out->difference = NAN;
    out->ci_lo = out->ci_hi = out->welch_df = NAN;
    out->slope_all = out->slope_before = out->slope_after = NAN;
    out->chow_f = out->chow_p = NAN;
    out->verdict = MVEC_VERDICT_UNDECIDABLE;
    for (size_t i = 0; i < count && all < MAX; i++) {
        if (!isfinite(values[i]))
            continue;
        int side = years[i] >= break_year ? 1 : 0;
        /* years relative to the break keep the fit well conditioned */
        double t = (double)(years[i] - break_year);
        x[side][n[side]] = t;
        y[side][n[side]] = values[i];
        n[side]++;
        xa[all] = t;
        ya[all] = values[i];
        all++;
    }
    out->before_count = n[0];
    out->after_count = n[1];
    if (n[0] < MVEC_TREND_MIN_YEARS || n[1] < MVEC_TREND_MIN_YEARS)
        return;
    moments b = moments_of(y[0], n[0]);
    moments a = moments_of(y[1], n[1]);
    out->mean_before = b.mean;
    out->mean_after = a.mean;
    out->difference = a.mean - b.mean;
    /* Welch: se^2 = vb/nb + va/na; Welch-Satterthwaite degrees of freedom */
    double wb = b.var / (double)b.n;
    double wa = a.var / (double)a.n;
    double se = sqrt(wb + wa);
    if (se > 0) {
        out->welch_df = (wb + wa) * (wb + wa) /
                        (wb * wb / (double)(b.n - 1) + wa * wa / (double)(a.n - 1));
        double q = gsl_cdf_tdist_Pinv(0.975, out->welch_df);
        out->ci_lo = out->difference - q * se;
        out->ci_hi = out->difference + q * se;
    } else { /* both sides constant: the difference is known exactly */
        out->welch_df = NAN;
        out->ci_lo = out->ci_hi = out->difference;
    }
    /* Chow: F = ((RSS_p - RSS_1 - RSS_2) / k) / ((RSS_1 + RSS_2) / (n - 2k)), k = 2 */
    double rss_p = fit_rss(xa, ya, all, &out->slope_all);
    double rss_1 = fit_rss(x[0], y[0], n[0], &out->slope_before);
    double rss_2 = fit_rss(x[1], y[1], n[1], &out->slope_after);
    double df2 = (double)all - 4;
    double numerator = (rss_p - rss_1 - rss_2) / 2;
    if (numerator < 0)
        numerator = 0; /* rounding: the split fit is never worse */
    double denominator = (rss_1 + rss_2) / df2;
    if (denominator > 0) {
        out->chow_f = numerator / denominator;
        out->chow_p = gsl_cdf_fdist_Q(out->chow_f, 2, df2);
    } else if (numerator > 0) { /* both sides on exact lines, different ones */
        out->chow_f = INFINITY;
        out->chow_p = 0;
    } else {
        out->chow_f = 0;
        out->chow_p = 1;
    }
    const double band = MVEC_TREND_TOLERANCE;
    if (out->ci_lo > band || out->ci_hi < -band || out->chow_p < 0.05)
        out->verdict = MVEC_VERDICT_FAILS;
    else if (out->ci_lo >= -band && out->ci_hi <= band)
        out->verdict = MVEC_VERDICT_HOLDS;
}

/* ---- the series ------------------------------------------------------------------------ */

/* The publication a year rests on: the one source of its inputs, or
 * "N sources". */
static mvec_status source_of(mvec_ctx *ctx, mvec__arena *arena,
                             const mvec_observation *const *inputs, size_t count,
                             const char **out)
{
    *out = "";
    if (count == 0)
        return MVEC_OK;
    size_t distinct = 0;
    for (size_t i = 0; i < count; i++) {
        bool seen = false;
        for (size_t k = 0; k < i && !seen; k++)
            seen = inputs[k]->source == inputs[i]->source;
        distinct += seen ? 0u : 1u;
    }
    if (distinct == 1) {
        *out = inputs[0]->source;
        return MVEC_OK;
    }
    char text[64];
    snprintf(text, sizeof text, "%zu sources", distinct);
    return mvec__arena_strdup(ctx, arena, text, out);
}

static mvec_status add_point(mvec_ctx *ctx, mvec_trend *trend, size_t *capacity, int year,
                             mvec_trend_point **out)
{
    mvec_status status = mvec__grow(ctx, &trend->points, capacity, trend->count + 1,
                                    sizeof *trend->points);
    if (status != MVEC_OK)
        return status;
    mvec_trend_point *p = &trend->points[trend->count++];
    memset(p, 0, sizeof *p);
    p->year = year;
    p->value.lo = p->value.hi = NAN;
    p->source = "";
    *out = p;
    return MVEC_OK;
}

static int compare_ints(const void *a, const void *b)
{
    int x = *(const int *)a;
    int y = *(const int *)b;
    return (x > y) - (x < y);
}

/* Is the evaluated distribution exact (every share a point, nothing unlisted)? */
static bool is_exact(const mvec_vector_profile *v)
{
    if (v->status != NULL || !(v->unlisted.hi <= 0))
        return false;
    for (size_t i = 0; i < v->partner_count; i++)
        if (!mvec__same_double(v->partners[i].share.lo, v->partners[i].share.hi))
            return false;
    return true;
}

mvec_interval mvec__trend_partner_share(const mvec_vector_profile *v,
                                        const mvec_country *partner, bool *listed)
{
    *listed = false;
    for (size_t i = 0; i < v->partner_count; i++)
        if (v->partners[i].partner == partner) {
            *listed = true;
            return v->partners[i].share;
        }
    /* not listed: anything an unlisted partner could hold */
    mvec_interval share = {0, v->largest_unlisted.hi > 0 ? v->largest_unlisted.hi : 0};
    return share;
}

typedef struct share_request {
    const mvec_country *partner; /* or NULL */
    size_t bloc;                 /* or SIZE_MAX */
    int basis;                   /* -1: any */
} share_request;

static mvec_status share_series(mvec_ctx *ctx, mvec_trend *trend,
                                const mvec__collection *collection,
                                const mvec__evaluation_context *context,
                                const share_request *request, mvec__arena *work)
{
    mvec_status status = MVEC_OK;
    int *years = NULL;
    size_t year_count = 0;
    size_t capacity = 0;
    MVEC_TRY(mvec__calloc(ctx, collection->set.count ? collection->set.count : 1,
                          sizeof *years, &years));
    for (size_t i = 0; i < collection->set.count; i++) {
        const mvec__distribution *d = &collection->set.items[i];
        if (strcmp(d->vector, trend->vector) != 0 ||
            (request->basis >= 0 && (int)d->basis != request->basis))
            continue;
        bool seen = false;
        for (size_t k = 0; k < year_count && !seen; k++)
            seen = years[k] == d->year;
        if (!seen)
            years[year_count++] = d->year;
    }
    if (year_count == 0)
        MVEC_FAIL(ctx, MVEC_ERR_NO_DATA, "no figures of %s for %s (%s)", trend->vector,
                  trend->country->name, trend->country->code);
    qsort(years, year_count, sizeof *years, compare_ints);
    for (size_t y = 0; y < year_count; y++) {
        MVEC_TRY(mvec__check_cancel(ctx));
        mvec__candidate_filter filter = {trend->vector, years[y], request->basis};
        mvec_vector_profile v;
        size_t chosen = SIZE_MAX;
        MVEC_TRY(mvec__collection_pick(ctx, collection, context, trend->vector, &filter, work,
                                       &v, NULL, &chosen));
        mvec_trend_point *p = NULL;
        MVEC_TRY(add_point(ctx, trend, &capacity, years[y], &p));
        p->basis = v.basis;
        p->input_count = v.input_count;
        MVEC_TRY(source_of(ctx, &trend->arena, v.inputs, v.input_count, &p->source));
        if (v.status != NULL) {
            MVEC_TRY(mvec__arena_strdup(ctx, &trend->arena, v.status, &p->status));
            continue;
        }
        if (v.period[0] != '\0') {
            char text[96];
            snprintf(text, sizeof text, "only part of the year (%s)", v.period);
            MVEC_TRY(mvec__arena_strdup(ctx, &trend->arena, text, &p->status));
            continue;
        }
        if (request->partner != NULL)
            p->value = mvec__trend_partner_share(&v, request->partner, &p->listed);
        else
            p->value = v.bloc_shares[request->bloc];
    }
cleanup:
    mvec__free(ctx, years);
    return status;
}

static bool is_distribution_indicator(const char *indicator)
{
    return strcmp(indicator, "value") == 0 || strcmp(indicator, "share") == 0;
}

/* A context indicator: per year, every usable figure of the country (and
 * partner), the interval from the smallest to the largest. */
static mvec_status indicator_series(mvec_ctx *ctx, mvec_trend *trend,
                                    const mvec_observations *observations,
                                    const char *indicator, const mvec_country *partner,
                                    int basis)
{
    mvec_status status = MVEC_OK;
    size_t capacity = 0;
    const char *dimension = NULL;
    const char *first_source = NULL;
    const mvec_country *first_partner = NULL;
    for (size_t i = 0; i < mvec_observations_count(observations); i++) {
        const mvec_observation *o = mvec_observations_at(observations, i);
        if (o->country != trend->country || o->superseded ||
            strcmp(o->indicator, indicator) != 0 || strcmp(o->vector, trend->vector) != 0 ||
            (partner != NULL && o->partner != partner) ||
            (basis >= 0 && (int)o->basis != basis) ||
            (o->qualifier != MVEC_QUALIFIER_EXACT && o->qualifier != MVEC_QUALIFIER_ABOUT))
            continue;
        if (partner == NULL && first_partner == NULL)
            first_partner = o->partner;
        else if (partner == NULL && o->partner != first_partner)
            MVEC_FAIL(ctx, MVEC_ERR_INVALID,
                      "indicator '%s' of %s is given for several partners (%s, %s, ...): name "
                      "the partner to follow",
                      indicator, trend->vector, first_partner->code, o->partner->code);
        if (dimension == NULL)
            dimension = o->dimension;
        else if (strcmp(dimension, o->dimension) != 0)
            MVEC_FAIL(ctx, MVEC_ERR_INVALID,
                      "indicator '%s' of %s is given in two dimensions (%s and %s, %s line "
                      "%zu): name the partner, or keep one unit",
                      indicator, trend->vector, dimension, o->dimension, o->file, o->line);
        mvec_trend_point *p = NULL;
        for (size_t k = 0; k < trend->count && p == NULL; k++)
            if (trend->points[k].year == o->year)
                p = &trend->points[k];
        if (p == NULL) {
            MVEC_TRY(add_point(ctx, trend, &capacity, o->year, &p));
            p->value.lo = p->value.hi = o->base_value;
            p->basis = o->basis;
            p->source = o->source;
            first_source = o->source;
        } else {
            if (o->base_value < p->value.lo)
                p->value.lo = o->base_value;
            if (o->base_value > p->value.hi)
                p->value.hi = o->base_value;
            if (p->source != o->source)
                p->source = "several sources";
        }
        p->input_count++;
    }
    (void)first_source;
    if (trend->count == 0)
        MVEC_FAIL(ctx, MVEC_ERR_NO_DATA, "no figures of indicator '%s' in %s for %s (%s)%s%s",
                  indicator, trend->vector, trend->country->name, trend->country->code,
                  partner ? " with partner " : "", partner ? partner->code : "");
    /* sort by year (insertion: years are few) */
    for (size_t i = 1; i < trend->count; i++)
        for (size_t j = i; j > 0 && trend->points[j].year < trend->points[j - 1].year; j--) {
            mvec_trend_point swap = trend->points[j];
            trend->points[j] = trend->points[j - 1];
            trend->points[j - 1] = swap;
        }
    trend->dimension = dimension;
cleanup:
    return status;
}

/* ---- explain ---------------------------------------------------------------------------- */

static int compare_parts(const void *a, const void *b)
{
    const mvec_trend_part *x = a;
    const mvec_trend_part *y = b;
    double ax = fabs(x->hhi_part);
    double ay = fabs(y->hhi_part);
    if (ax > ay || ax < ay)
        return ax > ay ? -1 : 1;
    return strcmp(x->partner->code, y->partner->code);
}

static mvec_status explain_change(mvec_ctx *ctx, mvec_trend *trend,
                                  const mvec__collection *collection,
                                  const mvec__evaluation_context *context, int basis,
                                  size_t bloc, int from, int to, mvec__arena *work)
{
    mvec_status status = MVEC_OK;
    mvec_trend_explain *e = &trend->explain;
    memset(e, 0, sizeof *e);
    e->from_year = from;
    e->to_year = to;
    e->has_bloc = bloc != SIZE_MAX;
    e->hhi_from = e->hhi_to = e->hhi_change = NAN;
    e->bloc_from = e->bloc_to = e->bloc_change = NAN;
    trend->has_explain = true;
    mvec_vector_profile v[2];
    int years[2] = {from, to};
    for (int k = 0; k < 2; k++) {
        mvec__candidate_filter filter = {trend->vector, years[k], basis};
        size_t chosen = SIZE_MAX;
        MVEC_TRY(mvec__collection_pick(ctx, collection, context, trend->vector, &filter, work,
                                       &v[k], NULL, &chosen));
        char text[320];
        if (chosen == SIZE_MAX) {
            snprintf(text, sizeof text, "no %s distribution in %d", trend->vector, years[k]);
        } else if (v[k].status != NULL) {
            snprintf(text, sizeof text, "%s %d cannot be evaluated: %s", trend->vector,
                     years[k], v[k].status);
        } else if (v[k].period[0] != '\0') {
            snprintf(text, sizeof text, "%s %d covers only part of the year (%s)",
                     trend->vector, years[k], v[k].period);
        } else if (!is_exact(&v[k])) {
            snprintf(text, sizeof text,
                     "%s %d is incomplete (%zu partner%s listed, up to %.4g %% unlisted or "
                     "values in conflict): a decomposition needs every partner's exact share",
                     trend->vector, years[k], v[k].partner_count,
                     v[k].partner_count == 1 ? "" : "s", v[k].unlisted.hi * 100);
        } else {
            continue;
        }
        return mvec__arena_strdup(ctx, &trend->arena, text, &e->status);
    }
    /* the union of partners of both years */
    size_t capacity = v[0].partner_count + v[1].partner_count;
    MVEC_TRY(mvec__arena_alloc(ctx, &trend->arena, (capacity ? capacity : 1) * sizeof *trend->parts,
                               &trend->parts));
    size_t n = 0;
    for (int k = 0; k < 2; k++)
        for (size_t i = 0; i < v[k].partner_count; i++) {
            const mvec_partner_share *s = &v[k].partners[i];
            mvec_trend_part *part = NULL;
            for (size_t j = 0; j < n && part == NULL; j++)
                if (trend->parts[j].partner == s->partner)
                    part = &trend->parts[j];
            if (part == NULL) {
                part = &trend->parts[n++];
                part->partner = s->partner;
            }
            if (k == 0)
                part->from = s->share.lo;
            else
                part->to = s->share.lo;
            if (bloc != SIZE_MAX && s->bloc == bloc)
                part->in_bloc = true;
        }
    double hhi[2] = {0, 0};
    double bloc_share[2] = {0, 0};
    e->bloc_entries = e->bloc_exits = e->bloc_reweighting = 0;
    for (size_t j = 0; j < n; j++) {
        mvec_trend_part *part = &trend->parts[j];
        bool in_bloc = part->in_bloc;
        part->hhi_part = part->to * part->to - part->from * part->from;
        part->kind = part->from > 0 && part->to > 0 ? "reweighting"
                     : part->to > 0                 ? "entry"
                                                    : "exit";
        hhi[0] += part->from * part->from;
        hhi[1] += part->to * part->to;
        part->bloc_part = in_bloc ? part->to - part->from : 0;
        if (in_bloc) {
            bloc_share[0] += part->from;
            bloc_share[1] += part->to;
            if (part->from > 0 && part->to > 0)
                e->bloc_reweighting += part->bloc_part;
            else if (part->to > 0)
                e->bloc_entries += part->bloc_part;
            else
                e->bloc_exits += part->bloc_part;
        }
    }
    e->hhi_from = hhi[0];
    e->hhi_to = hhi[1];
    e->hhi_change = hhi[1] - hhi[0];
    if (bloc != SIZE_MAX) {
        e->bloc_from = bloc_share[0];
        e->bloc_to = bloc_share[1];
        e->bloc_change = bloc_share[1] - bloc_share[0];
    }
    qsort(trend->parts, n, sizeof *trend->parts, compare_parts);
    e->part_count = n;
cleanup:
    return status;
}

/* ---- building ----------------------------------------------------------------------------- */

bool mvec__trend_break_compute(const int *years, const double *lo, const double *hi,
                               size_t count, int break_year, mvec_trend_break *out)
{
    out->year = break_year;
    out->rule = RULE;
    out->verdict = MVEC_VERDICT_UNDECIDABLE;
    out->exact = true;
    for (size_t i = 0; i < count; i++)
        if (isfinite(lo[i]) && !mvec__same_double(lo[i], hi[i]))
            out->exact = false;
    mvec_trend_test_series(years, lo, count, break_year, &out->test[0]);
    mvec_trend_test_series(years, hi, count, break_year, &out->test[1]);
    if (out->test[0].before_count < MVEC_TREND_MIN_YEARS ||
        out->test[0].after_count < MVEC_TREND_MIN_YEARS)
        return false;
    if (out->test[0].verdict == out->test[1].verdict)
        out->verdict = out->test[0].verdict;
    return true;
}

static mvec_status run_break(mvec_ctx *ctx, mvec_trend *trend, int break_year)
{
    mvec_status status = MVEC_OK;
    mvec_trend_break *b = &trend->brk;
    int *years = NULL;
    double *lo = NULL;
    double *hi = NULL;
    size_t n = trend->count ? trend->count : 1;
    trend->has_break = true;
    MVEC_TRY(mvec__calloc(ctx, n, sizeof *years, &years));
    MVEC_TRY(mvec__calloc(ctx, n, sizeof *lo, &lo));
    MVEC_TRY(mvec__calloc(ctx, n, sizeof *hi, &hi));
    for (size_t i = 0; i < trend->count; i++) {
        const mvec_trend_point *p = &trend->points[i];
        years[i] = p->year;
        lo[i] = p->status == NULL ? p->value.lo : NAN;
        hi[i] = p->status == NULL ? p->value.hi : NAN;
    }
    if (!mvec__trend_break_compute(years, lo, hi, trend->count, break_year, b)) {
        char text[256];
        snprintf(text, sizeof text,
                 "too few years: %zu before %d and %zu from %d on (at least %d on each side)",
                 b->test[0].before_count, break_year, b->test[0].after_count, break_year,
                 MVEC_TREND_MIN_YEARS);
        MVEC_TRY(mvec__arena_strdup(ctx, &trend->arena, text, &b->status));
    }
cleanup:
    mvec__free(ctx, years);
    mvec__free(ctx, lo);
    mvec__free(ctx, hi);
    return status;
}

mvec_status mvec_trend_build(mvec_ctx *ctx, const mvec_observations *observations,
                             const mvec_bloc_scheme *scheme, const mvec_memberships *memberships,
                             const mvec_trend_options *options, mvec_trend **out)
{
    mvec_status status = MVEC_OK;
    mvec_trend *trend = NULL;
    mvec__collection collection = {NULL, {NULL, 0, 0}, NULL};
    mvec__arena work = MVEC__ARENA_INIT;
    const mvec_countries *countries = mvec_observations_countries(observations);
    mvec_trend_options given = MVEC_TREND_OPTIONS_INIT;
    MVEC_TRY(mvec__options_read(ctx, "mvec_trend_options", "MVEC_TREND_OPTIONS_INIT", &given,
                                sizeof given, MVEC__SIZE_TO(mvec_trend_options, explain_to),
                                options));
    const char *country_text = given.country ? given.country : "KAZ";
    MVEC_TRY(mvec__calloc(ctx, 1, sizeof *trend, &trend));
    trend->country = mvec_countries_find(countries, country_text);
    if (trend->country == NULL || trend->country->kind == MVEC_COUNTRY_AGGREGATE ||
        trend->country->kind == MVEC_COUNTRY_ORGANISATION)
        MVEC_FAIL(ctx, MVEC_ERR_INVALID, "unknown country '%s'", country_text);
    if (given.vector == NULL || given.vector[0] == '\0')
        MVEC_FAIL(ctx, MVEC_ERR_INVALID, "a trend needs a vector");
    MVEC_TRY(mvec__arena_strdup(ctx, &trend->arena, given.vector, &trend->vector));
    if (given.partner != NULL && given.bloc != NULL)
        MVEC_FAIL(ctx, MVEC_ERR_INVALID, "a trend follows a partner or a bloc, not both");
    if (given.indicator != NULL && given.bloc != NULL)
        MVEC_FAIL(ctx, MVEC_ERR_INVALID, "an indicator's series has no bloc (name a partner)");
    if (given.indicator != NULL && is_distribution_indicator(given.indicator))
        MVEC_FAIL(ctx, MVEC_ERR_INVALID,
                  "'%s' forms distributions: follow a partner's or a bloc's share instead of "
                  "naming it as an indicator",
                  given.indicator);
    if ((given.explain_from != 0) != (given.explain_to != 0) ||
        (given.explain_from != 0 && given.explain_from == given.explain_to))
        MVEC_FAIL(ctx, MVEC_ERR_INVALID, "a change is explained between two different years");
    if (given.explain_from != 0 && given.indicator != NULL)
        MVEC_FAIL(ctx, MVEC_ERR_INVALID,
                  "a change is explained on a distribution, not on an indicator");
    int basis = -1;
    if (given.basis != NULL) {
        for (int b = MVEC_BASIS_REPORTER; b <= MVEC_BASIS_UNSTATED; b++)
            if (strcmp(given.basis, mvec_basis_name((mvec_basis)b)) == 0)
                basis = b;
        if (basis < 0)
            MVEC_FAIL(ctx, MVEC_ERR_INVALID,
                      "unknown basis '%s' (reporter, partner, third_party or unstated)",
                      given.basis);
    }
    share_request request = {NULL, SIZE_MAX, basis};
    if (given.partner != NULL) {
        request.partner = mvec_countries_find(countries, given.partner);
        if (request.partner == NULL)
            MVEC_FAIL(ctx, MVEC_ERR_INVALID, "unknown partner '%s'", given.partner);
    }
    if (given.bloc != NULL) {
        for (size_t b = 0; b < mvec_bloc_count(scheme); b++)
            if (strcmp(mvec_bloc_name(scheme, b), given.bloc) == 0)
                request.bloc = b;
        if (request.bloc == SIZE_MAX)
            MVEC_FAIL(ctx, MVEC_ERR_INVALID, "no bloc '%s' in the scheme '%s'", given.bloc,
                      mvec_bloc_scheme_name(scheme));
    }
    if (given.indicator == NULL && request.partner == NULL && request.bloc == SIZE_MAX &&
        given.break_year != 0)
        MVEC_FAIL(ctx, MVEC_ERR_INVALID, "a break test needs a partner, a bloc or an indicator");
    char subject[256];
    if (given.indicator != NULL)
        snprintf(subject, sizeof subject, "indicator %s%s%s%s", given.indicator,
                 request.partner ? " (" : "", request.partner ? request.partner->code : "",
                 request.partner ? ")" : "");
    else if (request.partner != NULL)
        snprintf(subject, sizeof subject, "%s share", request.partner->code);
    else if (request.bloc != SIZE_MAX)
        snprintf(subject, sizeof subject, "bloc %s share", mvec_bloc_name(scheme, request.bloc));
    else
        snprintf(subject, sizeof subject, "distribution");
    MVEC_TRY(mvec__arena_strdup(ctx, &trend->arena, subject, &trend->subject));
    trend->dimension = "share";
    trend->partner = request.partner;
    trend->bloc = request.bloc;

    mvec__evaluation_context context = {countries, scheme, memberships};
    if (given.indicator != NULL) {
        MVEC_TRY(indicator_series(ctx, trend, observations, given.indicator, request.partner,
                                  basis));
    } else {
        MVEC_TRY(mvec__collection_build(ctx, observations, trend->country, &collection));
        if (request.partner != NULL || request.bloc != SIZE_MAX)
            MVEC_TRY(share_series(ctx, trend, &collection, &context, &request, &work));
        else {
            bool any = false;
            for (size_t i = 0; i < collection.set.count && !any; i++)
                any = strcmp(collection.set.items[i].vector, trend->vector) == 0;
            if (!any)
                MVEC_FAIL(ctx, MVEC_ERR_NO_DATA, "no figures of %s for %s (%s)", trend->vector,
                          trend->country->name, trend->country->code);
        }
        if (given.explain_from != 0)
            MVEC_TRY(explain_change(ctx, trend, &collection, &context, basis, request.bloc,
                                    given.explain_from, given.explain_to, &work));
    }
    if (given.break_year != 0)
        MVEC_TRY(run_break(ctx, trend, given.break_year));
    *out = trend;
    trend = NULL;
cleanup:
    mvec__collection_clear(ctx, &collection);
    mvec__arena_clear(ctx, &work);
    mvec_trend_free(ctx, trend);
    return status;
}

void mvec_trend_free(mvec_ctx *ctx, mvec_trend *trend)
{
    if (trend == NULL)
        return;
    mvec__free(ctx, trend->points);
    mvec__arena_clear(ctx, &trend->arena);
    mvec__free(ctx, trend);
}

const mvec_country *mvec_trend_country(const mvec_trend *trend)
{
    return trend->country;
}

const char *mvec_trend_vector(const mvec_trend *trend)
{
    return trend->vector;
}

const char *mvec_trend_subject(const mvec_trend *trend)
{
    return trend->subject;
}

const mvec_country *mvec_trend_partner(const mvec_trend *trend)
{
    return trend->partner;
}

size_t mvec_trend_bloc(const mvec_trend *trend)
{
    return trend->bloc;
}

const char *mvec_trend_dimension(const mvec_trend *trend)
{
    return trend->dimension;
}

size_t mvec_trend_count(const mvec_trend *trend)
{
    return trend->count;
}

const mvec_trend_point *mvec_trend_at(const mvec_trend *trend, size_t index)
{
    return index < trend->count ? &trend->points[index] : NULL;
}

const mvec_trend_break *mvec_trend_break_test(const mvec_trend *trend)
{
    return trend->has_break ? &trend->brk : NULL;
}

const mvec_trend_explain *mvec_trend_explanation(const mvec_trend *trend)
{
    return trend->has_explain ? &trend->explain : NULL;
}

const mvec_trend_part *mvec_trend_part_at(const mvec_trend *trend, size_t index)
{
    return trend->has_explain && index < trend->explain.part_count ? &trend->parts[index] : NULL;
}
