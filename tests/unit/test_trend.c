/*
 * test_trend.c - the trend library (mvec_trend.h): the break test against
 * values computed by hand and by tests/trend_expected.py (Python standard
 * library, no GSL), the decomposition of a change against hand-computed
 * parts, interval series, context indicators, bad options, and on the
 * ITPD-E fixture (tests/data/itpd/itpd_kaz_2000_2016.csv) that every
 * decomposition adds up to its total.
 */
#include <mvec/mvec.h>

#include "test.h"

static mvec_ctx *ctx;
static mvec_countries *countries;
static mvec_bloc_scheme *scheme;
static mvec_memberships *memberships;

static mvec_observations *load(const char *text)
{
    mvec_observations *o = NULL;
    if (mvec_observations_new(ctx, countries, &o) != MVEC_OK ||
        mvec_observations_load_text(ctx, o, "t.csv", text, strlen(text), NULL) != MVEC_OK) {
        fprintf(stderr, "load: %s\n", mvec_ctx_error_message(ctx));
        mvec_observations_free(ctx, o);
        return NULL;
    }
    return o;
}

/*
 * The series 0.10 0.12 0.11 | 0.15 0.14 0.16 over 2000-2005, break 2003.
 * By hand: means 0.11 and 0.15, difference 0.04; each side's deviations
 * are -0.01, +0.01, 0, so both sample variances are 0.0002 / 2 = 1e-4 and
 * se = sqrt(1e-4/3 + 1e-4/3) = 0.00816497; Welch df = (2w)^2 / (2 w^2 / 2)
 * = 4 with w = 1e-4/3; t(0.975, 4) = 2.7764451051977987 (tables; the
 * bisection of trend_expected.py gives 2.77644510519777), so the interval
 * is 0.04 -+ 0.0226696 = [0.0173304206447, 0.0626695793553].
 * Chow with t = year - 2003: one line through all six points has slope
 * 0.08/7 = 0.0114285714 and RSS 0.00051428571; each side's line has slope
 * 0.005 and RSS 0.00015; F = ((0.000514286 - 0.0003) / 2) / (0.0003 / 2)
 * = 5/7 = 0.714285714; with 2 and 2 degrees of freedom the F survival
 * function is 1 / (1 + F), so p = 7/12 = 0.583333333.
 * Verdict: the interval [1.7, 6.3] points straddles +5 and the Chow test
 * does not reject: undecided.
 */
static void test_break_by_hand(void)
{
    const int years[] = {2000, 2001, 2002, 2003, 2004, 2005};
    const double values[] = {0.10, 0.12, 0.11, 0.15, 0.14, 0.16};
    mvec_trend_test t;
    mvec_trend_test_series(years, values, 6, 2003, &t);
    CHECK(t.before_count == 3 && t.after_count == 3);
    CHECK_NEAR(t.mean_before, 0.11, 1e-15);
    CHECK_NEAR(t.mean_after, 0.15, 1e-15);
    CHECK_NEAR(t.difference, 0.04, 1e-15);
    CHECK_NEAR(t.welch_df, 4, 1e-12);
    CHECK_NEAR(t.ci_lo, 0.017330420644725019, 1e-12);
    CHECK_NEAR(t.ci_hi, 0.062669579355275021, 1e-12);
    CHECK_NEAR(t.slope_all, 0.08 / 7, 1e-15);
    CHECK_NEAR(t.slope_before, 0.005, 1e-15);
    CHECK_NEAR(t.slope_after, 0.005, 1e-15);
    CHECK_NEAR(t.chow_f, 5.0 / 7, 1e-12);
    CHECK_NEAR(t.chow_p, 7.0 / 12, 1e-12);
    CHECK(t.verdict == MVEC_VERDICT_UNDECIDABLE);

    /* the same before, and after 0.11 0.10 0.12: difference 0, interval
     * 0 -+ 0.0227 within +-5 points; no break (Chow p >= 0.05): stable */
    const double flat[] = {0.10, 0.12, 0.11, 0.11, 0.10, 0.12};
    mvec_trend_test_series(years, flat, 6, 2003, &t);
    CHECK_NEAR(t.difference, 0, 1e-15);
    CHECK(t.chow_p >= 0.05);
    CHECK(t.verdict == MVEC_VERDICT_HOLDS);

    /* after 0.30 0.31 0.29: difference 0.19, interval far above +5 points: changed */
    const double jump[] = {0.10, 0.12, 0.11, 0.30, 0.31, 0.29};
    mvec_trend_test_series(years, jump, 6, 2003, &t);
    CHECK(t.ci_lo > 0.05);
    CHECK(t.verdict == MVEC_VERDICT_FAILS);

    /* two exact lines with different slopes (0.01 and 0.005 a year), means
     * 0.005 apart: the interval (about -1.6 to +2.6 points) lies within +-5
     * points but the Chow test rejects (F huge, p ~ 0): changed */
    const double kink[] = {0.10, 0.11, 0.12, 0.110, 0.115, 0.120};
    mvec_trend_test_series(years, kink, 6, 2003, &t);
    CHECK(t.ci_lo >= -0.05 && t.ci_hi <= 0.05);
    CHECK(t.chow_p < 0.05);
    CHECK(t.verdict == MVEC_VERDICT_FAILS);

    /* constant on both sides: the difference is exact, the Chow test sees
     * nothing to explain (F 0, p 1) */
    const double constant[] = {0.2, 0.2, 0.2, 0.2, 0.2, 0.2};
    mvec_trend_test_series(years, constant, 6, 2003, &t);
    CHECK_NEAR(t.ci_lo, 0, 1e-15);
    CHECK_NEAR(t.ci_hi, 0, 1e-15);
    CHECK_NEAR(t.chow_p, 1, 0);
    CHECK(t.verdict == MVEC_VERDICT_HOLDS);

    /* two years before the break: not tested */
    mvec_trend_test_series(years + 1, values + 1, 5, 2003, &t);
    CHECK(t.before_count == 2);
    CHECK(isnan(t.difference) && isnan(t.chow_p));
    CHECK(t.verdict == MVEC_VERDICT_UNDECIDABLE);
    /* NaN values (years not computed) are left out */
    const double holes[] = {0.10, NAN, 0.11, 0.15, 0.14, 0.16};
    mvec_trend_test_series(years, holes, 6, 2003, &t);
    CHECK(t.before_count == 2);
}

/*
 * Two complete years of trade.total (values, WLD = the sum):
 *   2020: CHN 50, RUS 30, DEU 20          2021: CHN 40, DEU 30, USA 30
 * HHI 2020 = .25 + .09 + .04 = .38; HHI 2021 = .16 + .09 + .09 = .34;
 * change -0.04 = CHN (.16 - .25 = -.09) + RUS (0 - .09 = -.09, exit)
 *              + DEU (.09 - .04 = +.05) + USA (.09 - 0 = +.09, entry).
 * Bloc WEST (DEU, USA in the powers scheme): 20 % -> 60 %, +0.40 =
 * entries +0.30 (USA) + exits 0 + reweighting +0.10 (DEU).
 */
static const char TWO_YEARS[] =
    "country,partner,vector,indicator,year,value,unit,basis,source\n"
    "KAZ,WLD,trade.total,value,2020,100,USD bn,reporter,T\n"
    "KAZ,CHN,trade.total,value,2020,50,USD bn,reporter,T\n"
    "KAZ,RUS,trade.total,value,2020,30,USD bn,reporter,T\n"
    "KAZ,DEU,trade.total,value,2020,20,USD bn,reporter,T\n"
    "KAZ,WLD,trade.total,value,2021,100,USD bn,reporter,T\n"
    "KAZ,CHN,trade.total,value,2021,40,USD bn,reporter,T\n"
    "KAZ,DEU,trade.total,value,2021,30,USD bn,reporter,T\n"
    "KAZ,USA,trade.total,value,2021,30,USD bn,reporter,T\n"
    "KAZ,WLD,trade.total,value,2019,100,USD bn,reporter,T\n"
    "KAZ,CHN,trade.total,value,2019,50,USD bn,reporter,T\n";

static const mvec_trend_part *part_of(const mvec_trend *trend, const char *code)
{
    for (size_t i = 0; mvec_trend_part_at(trend, i) != NULL; i++)
        if (strcmp(mvec_trend_part_at(trend, i)->partner->code, code) == 0)
            return mvec_trend_part_at(trend, i);
    return NULL;
}

static void test_explain_by_hand(void)
{
    mvec_observations *o = load(TWO_YEARS);
    CHECK(o != NULL);
    if (o == NULL)
        return;
    mvec_trend_options options = MVEC_TREND_OPTIONS_INIT;
    options.vector = "trade.total";
    options.bloc = "WEST";
    options.explain_from = 2020;
    options.explain_to = 2021;
    mvec_trend *trend = NULL;
    CHECK_STATUS(mvec_trend_build(ctx, o, scheme, memberships, &options, &trend), MVEC_OK);
    const mvec_trend_explain *e = trend ? mvec_trend_explanation(trend) : NULL;
    CHECK(e != NULL && e->status == NULL);
    if (e != NULL && e->status == NULL) {
        CHECK(e->part_count == 4);
        CHECK_NEAR(e->hhi_from, 0.38, 1e-15);
        CHECK_NEAR(e->hhi_to, 0.34, 1e-15);
        CHECK_NEAR(e->hhi_change, -0.04, 1e-15);
        CHECK_NEAR(part_of(trend, "CHN")->hhi_part, -0.09, 1e-15);
        CHECK_NEAR(part_of(trend, "RUS")->hhi_part, -0.09, 1e-15);
        CHECK_NEAR(part_of(trend, "DEU")->hhi_part, 0.05, 1e-15);
        CHECK_NEAR(part_of(trend, "USA")->hhi_part, 0.09, 1e-15);
        CHECK_STR(part_of(trend, "RUS")->kind, "exit");
        CHECK_STR(part_of(trend, "USA")->kind, "entry");
        CHECK_STR(part_of(trend, "DEU")->kind, "reweighting");
        CHECK(!part_of(trend, "CHN")->in_bloc && part_of(trend, "USA")->in_bloc);
        CHECK_NEAR(e->bloc_from, 0.2, 1e-15);
        CHECK_NEAR(e->bloc_to, 0.6, 1e-15);
        CHECK_NEAR(e->bloc_change, 0.4, 1e-15);
        CHECK_NEAR(e->bloc_entries, 0.3, 1e-15);
        CHECK_NEAR(e->bloc_exits, 0, 1e-15);
        CHECK_NEAR(e->bloc_reweighting, 0.1, 1e-15);
        /* largest |part| first: CHN and RUS (-0.09 each, within rounding), USA (+0.09),
         * then DEU */
        CHECK_STR(mvec_trend_part_at(trend, 3)->partner->code, "DEU");
    }
    /* the series: WEST's share 2019 (CHN alone listed, 50 % unlisted: 0-50 %), 2020, 2021 */
    CHECK(trend != NULL && mvec_trend_count(trend) == 3);
    if (trend != NULL && mvec_trend_count(trend) == 3) {
        CHECK_NEAR(mvec_trend_at(trend, 0)->value.lo, 0, 1e-15);
        CHECK_NEAR(mvec_trend_at(trend, 0)->value.hi, 0.5, 1e-15);
        CHECK_NEAR(mvec_trend_at(trend, 2)->value.lo, 0.6, 1e-15);
    }
    mvec_trend_free(ctx, trend);
    trend = NULL;
    /* 2019 is incomplete: no decomposition, a status saying why */
    options.explain_from = 2019;
    CHECK_STATUS(mvec_trend_build(ctx, o, scheme, memberships, &options, &trend), MVEC_OK);
    e = trend ? mvec_trend_explanation(trend) : NULL;
    CHECK(e != NULL && e->status != NULL && strstr(e->status, "2019 is incomplete") != NULL);
    CHECK(mvec_trend_part_at(trend, 0) == NULL);
    /* ... and the writer refuses it (no partial output) */
    mvec_sink sink = {NULL, NULL};
    CHECK_STATUS(mvec_trend_write(ctx, trend, MVEC_FORMAT_TABLE, &sink), MVEC_ERR_NO_DATA);
    mvec_ctx_clear_error(ctx);
    mvec_trend_free(ctx, trend);
    mvec_observations_free(ctx, o);
}

/*
 * A share open in every year: USA is never listed; the sources list their
 * top partners (CHN 40, RUS 30 of 100 in 2000-2002; CHN 40, RUS 10 in
 * 2003-2005), so USA holds 0 to min(smallest listed, remainder): 30 %
 * then 10 %. Lower series 0 throughout (stable), upper 0.30 -> 0.10
 * (exact difference -0.20: changed): the two disagree, so undecided.
 */
static void test_interval_series(void)
{
    char text[4096];
    size_t used = (size_t)snprintf(text, sizeof text,
                                   "country,partner,vector,indicator,year,value,unit,basis,"
                                   "scope,source\n");
    for (int year = 2000; year <= 2005; year++)
        used += (size_t)snprintf(text + used, sizeof text - used,
                                 "KAZ,WLD,trade.total,value,%d,100,USD bn,reporter,,T\n"
                                 "KAZ,CHN,trade.total,value,%d,40,USD bn,reporter,top,T\n"
                                 "KAZ,RUS,trade.total,value,%d,%d,USD bn,reporter,top,T\n",
                                 year, year, year, year < 2003 ? 30 : 10);
    mvec_observations *o = load(text);
    CHECK(o != NULL);
    if (o == NULL)
        return;
    mvec_trend_options options = MVEC_TREND_OPTIONS_INIT;
    options.vector = "trade.total";
    options.partner = "USA";
    options.break_year = 2003;
    mvec_trend *trend = NULL;
    CHECK_STATUS(mvec_trend_build(ctx, o, scheme, memberships, &options, &trend), MVEC_OK);
    const mvec_trend_break *b = trend ? mvec_trend_break_test(trend) : NULL;
    CHECK(b != NULL);
    if (b != NULL) {
        CHECK(!b->exact);
        CHECK(b->status == NULL);
        CHECK_NEAR(mvec_trend_at(trend, 0)->value.hi, 0.30, 1e-15);
        CHECK_NEAR(mvec_trend_at(trend, 5)->value.hi, 0.10, 1e-15);
        CHECK(!mvec_trend_at(trend, 0)->listed);
        CHECK(b->test[0].verdict == MVEC_VERDICT_HOLDS);
        CHECK(b->test[1].verdict == MVEC_VERDICT_FAILS);
        CHECK_NEAR(b->test[1].difference, -0.20, 1e-15);
        CHECK(b->verdict == MVEC_VERDICT_UNDECIDABLE);
    }
    mvec_trend_free(ctx, trend);
    /* CHN is listed at 40 % every year: exact, stable */
    options.partner = "CHN";
    trend = NULL;
    CHECK_STATUS(mvec_trend_build(ctx, o, scheme, memberships, &options, &trend), MVEC_OK);
    b = trend ? mvec_trend_break_test(trend) : NULL;
    CHECK(b != NULL && b->exact && b->verdict == MVEC_VERDICT_HOLDS);
    mvec_trend_free(ctx, trend);
    mvec_observations_free(ctx, o);
}

/* A context indicator: two pollsters in 2001 give an interval; another partner's rows and
 * a bound are left out. */
static void test_indicator(void)
{
    static const char text[] =
        "country,partner,vector,indicator,year,value,qualifier,unit,basis,source\n"
        "KAZ,RUS,opinion,favourable,2000,80,,% of respondents,third_party,P\n"
        "KAZ,RUS,opinion,favourable,2001,75,,% of respondents,third_party,P\n"
        "KAZ,RUS,opinion,favourable,2001,71,,% of respondents,third_party,Q\n"
        "KAZ,RUS,opinion,favourable,2002,70,,% of respondents,third_party,P\n"
        "KAZ,RUS,opinion,favourable,2003,60,>,% of respondents,third_party,P\n"
        "KAZ,CHN,opinion,favourable,2002,40,,% of respondents,third_party,P\n";
    mvec_observations *o = load(text);
    CHECK(o != NULL);
    if (o == NULL)
        return;
    mvec_trend_options options = MVEC_TREND_OPTIONS_INIT;
    options.vector = "opinion";
    options.indicator = "favourable";
    options.partner = "RUS";
    mvec_trend *trend = NULL;
    CHECK_STATUS(mvec_trend_build(ctx, o, scheme, memberships, &options, &trend), MVEC_OK);
    CHECK(trend != NULL && mvec_trend_count(trend) == 3);
    if (trend != NULL && mvec_trend_count(trend) == 3) {
        CHECK_STR(mvec_trend_subject(trend), "indicator favourable (RUS)");
        CHECK_STR(mvec_trend_dimension(trend), "share");
        CHECK_NEAR(mvec_trend_at(trend, 1)->value.lo, 0.71, 1e-15);
        CHECK_NEAR(mvec_trend_at(trend, 1)->value.hi, 0.75, 1e-15);
        CHECK(mvec_trend_at(trend, 1)->input_count == 2);
        CHECK_NEAR(mvec_trend_at(trend, 2)->value.lo, 0.70, 1e-15);
    }
    mvec_trend_free(ctx, trend);
    /* without a partner, the rows of RUS and CHN would mix: refused */
    options.partner = NULL;
    trend = NULL;
    CHECK_STATUS(mvec_trend_build(ctx, o, scheme, memberships, &options, &trend),
                 MVEC_ERR_INVALID);
    CHECK(trend == NULL);
    options.partner = "RUS";
    /* no such indicator */
    options.indicator = "agreement";
    trend = NULL;
    CHECK_STATUS(mvec_trend_build(ctx, o, scheme, memberships, &options, &trend),
                 MVEC_ERR_NO_DATA);
    CHECK(trend == NULL);
    mvec_observations_free(ctx, o);
}

static void test_bad_options(void)
{
    mvec_observations *o = load(TWO_YEARS);
    if (o == NULL)
        return;
    mvec_trend *trend = NULL;
    mvec_trend_options options = MVEC_TREND_OPTIONS_INIT;
    CHECK_STATUS(mvec_trend_build(ctx, o, scheme, memberships, &options, &trend),
                 MVEC_ERR_INVALID); /* no vector */
    options.vector = "trade.total";
    options.partner = "CHN";
    options.bloc = "WEST";
    CHECK_STATUS(mvec_trend_build(ctx, o, scheme, memberships, &options, &trend),
                 MVEC_ERR_INVALID);
    options.bloc = "NOWHERE";
    options.partner = NULL;
    CHECK_STATUS(mvec_trend_build(ctx, o, scheme, memberships, &options, &trend),
                 MVEC_ERR_INVALID);
    options.bloc = NULL;
    options.partner = "Atlantis";
    CHECK_STATUS(mvec_trend_build(ctx, o, scheme, memberships, &options, &trend),
                 MVEC_ERR_INVALID);
    options.partner = "CHN";
    options.indicator = "value";
    CHECK_STATUS(mvec_trend_build(ctx, o, scheme, memberships, &options, &trend),
                 MVEC_ERR_INVALID);
    options.indicator = NULL;
    options.explain_from = 2020;
    CHECK_STATUS(mvec_trend_build(ctx, o, scheme, memberships, &options, &trend),
                 MVEC_ERR_INVALID); /* one year only */
    options.explain_from = 0;
    options.vector = "arms.imports";
    CHECK_STATUS(mvec_trend_build(ctx, o, scheme, memberships, &options, &trend),
                 MVEC_ERR_NO_DATA);
    options.size = 0;
    CHECK_STATUS(mvec_trend_build(ctx, o, scheme, memberships, &options, &trend),
                 MVEC_ERR_INVALID);
    CHECK(trend == NULL);
    mvec_ctx_clear_error(ctx);
    mvec_observations_free(ctx, o);
}

/*
 * On real data (ITPD-E, Kazakhstan 2000-2016, every partner listed): for
 * every pair of consecutive years and for 2000 -> 2016, the partner parts
 * add up to the change in HHI and entries + exits + reweighting to the
 * change in the WEST bloc's share, to 1e-15; the HHI of each year equals
 * the profile's HHI of that year (indices.c, computed independently).
 */
static void test_real_data_sums(void)
{
    const char *path = "tests/data/itpd/itpd_kaz_2000_2016.csv";
    mvec_observations *o = NULL;
    CHECK_STATUS(mvec_observations_new(ctx, countries, &o), MVEC_OK);
    CHECK_STATUS(mvec_observations_load_file(ctx, o, path, NULL), MVEC_OK);
    size_t pairs = 0;
    for (int from = 2000; from < 2016; from++) {
        int to = from == 2015 ? 2016 : from + 1;
        for (int round = 0; round < (from == 2000 ? 2 : 1); round++) {
            int target = round == 1 ? 2016 : to;
            mvec_trend_options options = MVEC_TREND_OPTIONS_INIT;
            options.vector = "trade.total";
            options.bloc = "WEST";
            options.explain_from = from;
            options.explain_to = target;
            mvec_trend *trend = NULL;
            CHECK_STATUS(mvec_trend_build(ctx, o, scheme, memberships, &options, &trend),
                         MVEC_OK);
            const mvec_trend_explain *e = trend ? mvec_trend_explanation(trend) : NULL;
            CHECK(e != NULL && e->status == NULL);
            if (e == NULL || e->status != NULL) {
                mvec_trend_free(ctx, trend);
                continue;
            }
            double hhi = 0;
            double bloc = 0;
            for (size_t i = 0; i < e->part_count; i++) {
                hhi += mvec_trend_part_at(trend, i)->hhi_part;
                bloc += mvec_trend_part_at(trend, i)->bloc_part;
            }
            CHECK_NEAR(hhi, e->hhi_change, 1e-15);
            CHECK_NEAR(bloc, e->bloc_change, 1e-15);
            CHECK_NEAR(e->bloc_entries + e->bloc_exits + e->bloc_reweighting, e->bloc_change,
                       1e-15);
            CHECK_NEAR(e->hhi_to - e->hhi_from, e->hhi_change, 0);
            /* the profile's HHI of the first year, from indices.c */
            mvec_profile_options po = MVEC_PROFILE_OPTIONS_INIT;
            po.vector = "trade.total";
            po.year = from;
            mvec_profile *profile = NULL;
            CHECK_STATUS(mvec_profile_build(ctx, o, scheme, memberships, &po, &profile), MVEC_OK);
            if (profile != NULL) {
                mvec_interval h = mvec_profile_vector(profile, 0)->indices->value[MVEC_INDEX_HHI];
                CHECK_NEAR(h.lo, e->hhi_from, 1e-12);
                CHECK_NEAR(h.hi, e->hhi_from, 1e-12);
            }
            mvec_profile_free(ctx, profile);
            mvec_trend_free(ctx, trend);
            pairs++;
        }
    }
    CHECK(pairs == 17);
    mvec_observations_free(ctx, o);
}

int main(void)
{
    ctx = mvec_ctx_new(NULL, NULL);
    if (mvec_countries_open(ctx, NULL, &countries) != MVEC_OK ||
        mvec_bloc_scheme_builtin(ctx, countries, "powers", &scheme) != MVEC_OK ||
        mvec_memberships_builtin(ctx, countries, &memberships) != MVEC_OK) {
        fprintf(stderr, "%s\n", mvec_ctx_error_message(ctx));
        return 1;
    }
    test_break_by_hand();
    test_explain_by_hand();
    test_interval_series();
    test_indicator();
    test_bad_options();
    test_real_data_sums();
    mvec_memberships_free(ctx, memberships);
    mvec_bloc_scheme_free(ctx, scheme);
    mvec_countries_free(ctx, countries);
    CHECK(mvec_ctx_memory(ctx).current_bytes == 0);
    mvec_ctx_free(ctx);
    return test_report("test_trend");
}
