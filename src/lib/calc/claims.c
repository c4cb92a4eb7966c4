/*
 * claims.c - the seed articles' trade claims (data/claims.csv) checked on
 * the loaded data. Each rule reads the trade.total distribution of a year
 * and a statistical basis and decides with interval logic: "holds" only
 * when it holds for every allocation consistent with the data, "fails" only
 * when it fails for every one. Thresholds and their sources are in
 * docs/methods.md; the rules are the table RULES below.
 *
 * Work is done once: the country's distributions are grouped once (one
 * collection, profile_internal.h), and each (scheme, year, basis) is
 * evaluated at most once and cached, so the cost is that of evaluating the
 * distributions the claims read, not one profile per question. The
 * memberships (the EU of each year) constrain where an aggregate's
 * remainder can go, as in the profile.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../data/csv_table.h"
#include "trend_internal.h"

/* US DOJ/FTC Horizontal Merger Guidelines (2010), section 5.3: a market with
 * an HHI below 1,500 is "unconcentrated". */
static const double EVEN_HHI = 0.15;
/* European Commission, Guidance on Article 102 enforcement priorities
 * (2009/C 45/02), paragraph 14: dominance is not likely below a 40 % share. */
static const double DOMINANT_SHARE = 0.40;
/* mvec's convention for "small margins": within 5 percentage points. */
static const double SMALL_MARGIN = 0.05;
/* mvec's convention for "balanced": a balance above 0.5, the midpoint of its
 * scale (0 = one power, 1 = equal reliance); the side robustness compares. */
static const double BALANCED = 0.5;
/* mvec's convention for "almost always": in at least 80 % of the years (4 of 5). */
static const double ALMOST_ALWAYS = 0.80;
/* Opinion series: a change counts when it exceeds twice the standard error
 * of the difference of two independent proportions (about 95 %) and this
 * floor, in percentage points, which allows for the design effect of
 * weighted national samples (Pew states margins of error of 3.5-4.5 points
 * per poll for n of about 1,000). */
static const double OPINION_MIN_CHANGE = 5.0;
/* The sample size assumed when the source gives none (a national poll). */
static const double OPINION_ASSUMED_N = 1000;

struct mvec_claims {
    mvec__arena arena;
    const mvec_country *country;
    const char *scheme_name; /* in the arena */
    mvec_claim_result *results;
    size_t count;
    size_t capacity;
};

enum decision { DECIDED_NO, DECIDED_YES, UNDECIDED };

/* Return the status of `expr` when it is not MVEC_OK (no cleanup needed). */
#define TRY_RETURN(expr)                                                                           \
    do {                                                                                           \
        mvec_status try_status_ = (expr);                                                          \
        if (try_status_ != MVEC_OK)                                                                \
            return try_status_;                                                                    \
    } while (0)

const char *mvec_verdict_name(mvec_verdict verdict)
{
    switch (verdict) {
    case MVEC_VERDICT_HOLDS:
        return "holds";
    case MVEC_VERDICT_FAILS:
        return "fails";
    case MVEC_VERDICT_UNDECIDABLE:
        return "undecidable";
    }
    return "undecidable";
}

typedef struct claim_row {
    const char *id;
    const char *rule;
    const char *vector;
    int year;
    const char *partners;
    const char *claim;
    const char *seed;
} claim_row;

/* One evaluated (scheme, vector, year, basis): the representative
 * distribution, or none (found false). Allocated in the work arena, so
 * pointers to it stay valid while the cache grows. */
typedef struct cached_vector {
    const mvec_bloc_scheme *scheme;
    const char *vector;
    int year;
    mvec_basis basis;
    bool found;
    mvec_vector_profile result;
} cached_vector;

enum { MAX_UNIT_SCHEMES = 64 };

typedef struct check_state {
    mvec_ctx *ctx;
    const mvec_observations *observations;
    const mvec_bloc_scheme *powers;
    const mvec_memberships *memberships; /* the caller's, or the built-in table */
    mvec__collection collection;
    mvec__arena work;                    /* evaluations, freed at the end */
    cached_vector **cache;
    size_t cache_count;
    size_t cache_capacity;
    mvec_bloc_scheme *units[MAX_UNIT_SCHEMES]; /* per year, kept while cached */
    int unit_years[MAX_UNIT_SCHEMES];
    size_t unit_count;
    mvec_claims *claims;
    int year; /* the caller's --year, or 0 */
    mvec__buf numbers;
    mvec__buf data;
} check_state;

static mvec_status keep_text(check_state *state, const char *text, const char **out)
{
    return mvec__arena_strdup(state->ctx, &state->claims->arena, text, out);
}

/* Years with whole-year distributions of `vector`, newest first (from the
 * collection, sorted already: O(candidates x years)). */
static size_t trade_years(const check_state *state, const char *vector, int *years, size_t max)
{
    size_t count = 0;
    const mvec__collection *collection = &state->collection;
    for (size_t i = 0; i < collection->set.count; i++) {
        const mvec__distribution *d = collection->order[i];
        if (d->period[0] != '\0' || strcmp(d->vector, vector) != 0)
            continue;
        bool seen = false;
        for (size_t k = 0; k < count && !seen; k++)
            seen = years[k] == d->year;
        if (!seen && count < max)
            years[count++] = d->year;
    }
    for (size_t i = 1; i < count; i++)
        for (size_t j = i; j > 0 && years[j] > years[j - 1]; j--) {
            int swap = years[j];
            years[j] = years[j - 1];
            years[j - 1] = swap;
        }
    return count;
}

/* The evaluation of `vector` in `year` on `basis` under `scheme`, made at
 * most once per run (cached); entry->found is false when there is no such
 * distribution. */
static mvec_status cached_of(check_state *state, const mvec_bloc_scheme *scheme,
                             const char *vector, int year, mvec_basis basis,
                             const cached_vector **out)
{
    mvec_status status = MVEC_OK;
    cached_vector *entry = NULL;
    for (size_t i = 0; i < state->cache_count && entry == NULL; i++) {
        cached_vector *c = state->cache[i];
        if (c->scheme == scheme && c->year == year && c->basis == basis &&
            strcmp(c->vector, vector) == 0)
            entry = c;
    }
    if (entry == NULL) {
        MVEC_TRY(mvec__check_cancel(state->ctx));
        MVEC_TRY(mvec__grow(state->ctx, &state->cache, &state->cache_capacity,
                            state->cache_count + 1, sizeof *state->cache));
        MVEC_TRY(mvec__arena_alloc(state->ctx, &state->work, sizeof *entry, &entry));
        memset(entry, 0, sizeof *entry);
        entry->scheme = scheme;
        /* a copy: `vector` may point into the claim table's row buffer, which the
         * next row overwrites (the cache then missed on every later claim) */
        MVEC_TRY(mvec__arena_strdup(state->ctx, &state->work, vector, &entry->vector));
        entry->year = year;
        entry->basis = basis;
        mvec__evaluation_context context = {mvec_observations_countries(state->observations),
                                            scheme, state->memberships};
        mvec__candidate_filter filter = {vector, year, (int)basis};
        size_t chosen = SIZE_MAX;
        MVEC_TRY(mvec__collection_pick(state->ctx, &state->collection, &context, vector,
                                       &filter, &state->work, &entry->result, NULL, &chosen));
        entry->found = chosen != SIZE_MAX;
        state->cache[state->cache_count++] = entry;
    }
    *out = entry;
cleanup:
    return status;
}

/* The representative distribution of `vector` in `year` on `basis` under
 * `scheme` (cached_of), or NULL; when the year's figures cannot decide, why
 * is added to the numbers. */
static mvec_status vector_of(check_state *state, const mvec_bloc_scheme *scheme,
                             const char *vector, int year, mvec_basis basis,
                             const mvec_vector_profile **out)
{
    mvec_status status = MVEC_OK;
    const cached_vector *entry = NULL;
    *out = NULL;
    MVEC_TRY(cached_of(state, scheme, vector, year, basis, &entry));
    const mvec_vector_profile *v = &entry->result;
    if (!entry->found)
        return MVEC_OK;
    if (v->status == NULL && v->period[0] == '\0') {
        *out = v;
        return MVEC_OK;
    }
    /* say why the figures of that year cannot decide */
    MVEC_TRY(mvec__buf_printf(state->ctx, &state->numbers, "%s%d %s: %s%s",
                              state->numbers.length ? "; " : "", year, mvec_basis_name(basis),
                              v->status ? v->status : "only part of the year: ",
                              v->status ? "" : v->period));
cleanup:
    return status;
}

/* "CHN 17.9–18.0 %" (the one range format, core/fmt_interval.c). */
static void share_text(char *out, size_t size, const char *code, mvec_interval share)
{
    char range[32]; /* two percentages of at most "100.0" */
    mvec__fmt_interval(range, sizeof range, share, 100, 1);
    snprintf(out, size, "%s %s %%", code, range);
}

static mvec_status describe_data(check_state *state, const mvec_vector_profile *v)
{
    return mvec__buf_printf(state->ctx, &state->data, "%s%s %d %s (%zu input%s, %zu partner%s)",
                            state->data.length ? "; " : "", v->vector, v->year,
                            mvec_basis_name(v->basis), v->input_count,
                            v->input_count == 1 ? "" : "s", v->partner_count,
                            v->partner_count == 1 ? "" : "s");
}

/* Is `code` first among the listed and unlisted partners of v? */
static enum decision is_first(const mvec_vector_profile *v, const char *code)
{
    mvec_interval target = {0, v->largest_unlisted.hi};
    bool listed = false;
    for (size_t i = 0; i < v->partner_count; i++)
        if (strcmp(v->partners[i].partner->code, code) == 0) {
            target = v->partners[i].share;
            listed = true;
        }
    double best_other = v->largest_unlisted.hi;
    for (size_t i = 0; i < v->partner_count; i++) {
        if (strcmp(v->partners[i].partner->code, code) == 0)
            continue;
        if (v->partners[i].share.lo > target.hi)
            return DECIDED_NO;
        if (v->partners[i].share.hi > best_other)
            best_other = v->partners[i].share.hi;
    }
    if (listed && target.lo > best_other)
        return DECIDED_YES;
    return UNDECIDED;
}

static mvec_status top_three_text(check_state *state, const mvec_vector_profile *v,
                                  const char *target)
{
    mvec_status status = MVEC_OK;
    char item[256];
    MVEC_TRY(mvec__buf_printf(state->ctx, &state->numbers, "%s%d %s: ",
                              state->numbers.length ? "; " : "", v->year,
                              mvec_basis_name(v->basis)));
    bool target_shown = false;
    for (size_t i = 0; i < v->partner_count && i < 3; i++) {
        share_text(item, sizeof item, v->partners[i].partner->code, v->partners[i].share);
        MVEC_TRY(mvec__buf_printf(state->ctx, &state->numbers, "%s%s", i ? ", " : "", item));
        target_shown = target_shown || strcmp(v->partners[i].partner->code, target) == 0;
    }
    for (size_t i = 3; i < v->partner_count && !target_shown; i++)
        if (strcmp(v->partners[i].partner->code, target) == 0) {
            share_text(item, sizeof item, target, v->partners[i].share);
            MVEC_TRY(mvec__buf_printf(state->ctx, &state->numbers, ", ... %s", item));
            target_shown = true;
        }
    if (v->largest_unlisted.hi > 0) {
        mvec_interval largest = {0, v->largest_unlisted.hi};
        share_text(item, sizeof item, "unlisted partner up to", largest);
        MVEC_TRY(mvec__buf_printf(state->ctx, &state->numbers, ", %s", item));
    }
cleanup:
    return status;
}

/* Combine decisions of several bases or years. all_must_hold: one "no"
 * decides (a rule over years); otherwise disagreement is undecidable. */
static mvec_verdict combine(const enum decision *decisions, size_t count, bool all_must_hold)
{
    size_t yes = 0;
    size_t no = 0;
    for (size_t i = 0; i < count; i++) {
        yes += decisions[i] == DECIDED_YES ? 1u : 0u;
        no += decisions[i] == DECIDED_NO ? 1u : 0u;
    }
    if (count == 0)
        return MVEC_VERDICT_UNDECIDABLE;
    if (all_must_hold)
        return no > 0 ? MVEC_VERDICT_FAILS
                      : (yes == count ? MVEC_VERDICT_HOLDS : MVEC_VERDICT_UNDECIDABLE);
    if (yes == count)
        return MVEC_VERDICT_HOLDS;
    if (no == count)
        return MVEC_VERDICT_FAILS;
    return MVEC_VERDICT_UNDECIDABLE;
}

enum { MAX_DECISIONS = 256, MAX_YEARS = 64 };

typedef struct claim_rule claim_rule;

/* An evaluator reads the data through vector_of and decides the claim. */
typedef mvec_status (*claim_evaluator)(check_state *state, const claim_row *row,
                                       const claim_rule *rule, mvec_verdict *verdict);

/* One rule of data/claims.csv: its name there, how it is decided, its
 * threshold (0 when it has none) and the rule in words for the reader. */
struct claim_rule {
    const char *name;
    claim_evaluator evaluate;
    double threshold;
    const char *description;
};

/* The caller's year, or every year with whole-year figures, newest first
 * (rules without a fixed year). */
static size_t years_to_check(const check_state *state, const claim_row *row, int *years)
{
    if (state->year) {
        years[0] = state->year;
        return 1;
    }
    return trade_years(state, row->vector, years, MAX_YEARS);
}

/* "X became the top partner in Y": first in Y and not first in Y - 1. A
 * claim's own year wins over the caller's year, which only fills in a claim
 * without one. */
static mvec_status check_became_top(check_state *state, const claim_row *row,
                                    const claim_rule *rule, mvec_verdict *verdict)
{
    (void)rule;
    enum decision decisions[8];
    size_t count = 0;
    int year = row->year ? row->year : state->year;
    if (year == 0) {
        int years[MAX_YEARS];
        if (trade_years(state, row->vector, years, MAX_YEARS) > 0)
            year = years[0];
    }
    for (int b = MVEC_BASIS_REPORTER; b <= MVEC_BASIS_UNSTATED && year != 0; b++) {
        const mvec_vector_profile *now = NULL;
        const mvec_vector_profile *before = NULL;
        TRY_RETURN(vector_of(state, state->powers, row->vector, year, (mvec_basis)b, &now));
        TRY_RETURN(
            vector_of(state, state->powers, row->vector, year - 1, (mvec_basis)b, &before));
        if (now == NULL)
            continue;
        enum decision first_now = is_first(now, row->partners);
        enum decision first_before = before ? is_first(before, row->partners) : UNDECIDED;
        enum decision d = UNDECIDED;
        if (first_now == DECIDED_NO || first_before == DECIDED_YES)
            d = DECIDED_NO;
        else if (first_now == DECIDED_YES && first_before == DECIDED_NO)
            d = DECIDED_YES;
        decisions[count++] = d;
        TRY_RETURN(top_three_text(state, now, row->partners));
        if (before != NULL)
            TRY_RETURN(top_three_text(state, before, row->partners));
        TRY_RETURN(describe_data(state, now));
        if (before != NULL)
            TRY_RETURN(describe_data(state, before));
    }
    *verdict = combine(decisions, count, false);
    return MVEC_OK;
}

/* Rules over the years: every year with data must satisfy the threshold
 * (an index below it). */
static mvec_status check_every_year(check_state *state, const claim_row *row, bool use_hhi,
                                    double threshold, mvec_verdict *verdict)
{
    enum decision decisions[MAX_DECISIONS];
    size_t count = 0;
    int years[MAX_YEARS];
    size_t year_count = years_to_check(state, row, years);
    for (size_t y = 0; y < year_count; y++) {
        for (int b = MVEC_BASIS_REPORTER; b <= MVEC_BASIS_UNSTATED && count < MAX_DECISIONS;
             b++) {
            const mvec_vector_profile *v = NULL;
            TRY_RETURN(
                vector_of(state, state->powers, row->vector, years[y], (mvec_basis)b, &v));
            if (v == NULL)
                continue;
            mvec_interval x = use_hhi ? v->indices->value[MVEC_INDEX_HHI]
                                     : v->indices->value[MVEC_INDEX_CR1];
            decisions[count++] =
                x.hi < threshold ? DECIDED_YES : (x.lo >= threshold ? DECIDED_NO : UNDECIDED);
            char interval[96];
            mvec__fmt_interval(interval, sizeof interval, x, use_hhi ? 1 : 100, use_hhi ? 3 : 1);
            TRY_RETURN(mvec__buf_printf(state->ctx, &state->numbers, "%s%d %s: %s %s%s",
                                        state->numbers.length ? "; " : "", years[y],
                                        mvec_basis_name((mvec_basis)b),
                                        use_hhi ? "HHI" : "largest share", interval,
                                        use_hhi ? "" : " %"));
            if (!use_hhi)
                TRY_RETURN(mvec__buf_printf(state->ctx, &state->numbers, " (%s)",
                                                 v->partners[0].partner->code));
            TRY_RETURN(describe_data(state, v));
        }
    }
    *verdict = combine(decisions, count, true);
    return MVEC_OK;
}

static mvec_status check_evenly_distributed(check_state *state, const claim_row *row,
                                            const claim_rule *rule, mvec_verdict *verdict)
{
    return check_every_year(state, row, true, rule->threshold, verdict);
}

static mvec_status check_no_single_dominates(check_state *state, const claim_row *row,
                                             const claim_rule *rule, mvec_verdict *verdict)
{
    return check_every_year(state, row, false, rule->threshold, verdict);
}

/* A scheme whose blocs are single countries, except the EU members of
 * `year` together, with the three named units as "great powers"; built once
 * per year and kept for the run (the cache refers to it). */
static mvec_status units_scheme(check_state *state, int year, const mvec_bloc_scheme **out)
{
    mvec_ctx *ctx = state->ctx;
    mvec__buf text = MVEC__BUF_INIT(1 << 20);
    mvec_status status = MVEC_OK;
    const mvec_countries *countries = mvec_observations_countries(state->observations);
    const mvec_country *eu = mvec_countries_find(countries, "EU");
    for (size_t i = 0; i < state->unit_count; i++)
        if (state->unit_years[i] == year) {
            *out = state->units[i];
            return MVEC_OK;
        }
    if (state->unit_count == MAX_UNIT_SCHEMES)
        return mvec__error(ctx, MVEC_ERR_LIMIT, "more than %d years to check",
                           MAX_UNIT_SCHEMES);
    MVEC_TRY(mvec__buf_puts(ctx, &text, "code,bloc,great_power\nEU,EU,yes\n"));
    for (size_t i = 0; i < mvec_countries_count(countries); i++) {
        const mvec_country *c = mvec_countries_at(countries, i);
        if (c->kind != MVEC_COUNTRY_CURRENT)
            continue;
        if (mvec_memberships_contains(state->memberships, eu, c, year))
            MVEC_TRY(mvec__buf_printf(ctx, &text, "%s,EU,yes\n", c->code));
        else
            MVEC_TRY(mvec__buf_printf(ctx, &text, "%s,%s,%s\n", c->code, c->code,
                                      strcmp(c->code, "CHN") == 0 || strcmp(c->code, "RUS") == 0
                                          ? "yes"
                                          : "no"));
    }
    MVEC_TRY(mvec__buf_puts(ctx, &text, "*,OTHER,no\n"));
    mvec_bloc_scheme *units = NULL;
    MVEC_TRY(mvec__bloc_scheme_from_text(ctx, countries, "units", text.data, text.length, &units));
    state->units[state->unit_count] = units;
    state->unit_years[state->unit_count] = year;
    state->unit_count++;
    *out = units;
cleanup:
    mvec__buf_clear(ctx, &text);
    return status;
}

/* Does a listed partner of v belong to bloc u? */
static bool has_listed_partner(const mvec_vector_profile *v, size_t u)
{
    for (size_t i = 0; i < v->partner_count; i++)
        if (v->partners[i].bloc == u)
            return true;
    return false;
}

/* "China, Russia and the EU share first place with small margins", in the
 * latest year with data (or the caller's year). */
static mvec_status check_shared_first(check_state *state, const claim_row *row,
                                      const claim_rule *rule, mvec_verdict *verdict)
{
    enum decision decisions[8];
    size_t count = 0;
    int years[MAX_YEARS];
    size_t year_count = years_to_check(state, row, years);
    static const char *const names[3] = {"CHN", "RUS", "EU"};
    for (size_t y = 0; y < year_count && count == 0; y++) {
        const mvec_bloc_scheme *units = NULL;
        TRY_RETURN(units_scheme(state, years[y], &units));
        for (int b = MVEC_BASIS_REPORTER; b <= MVEC_BASIS_UNSTATED; b++) {
            const mvec_vector_profile *v = NULL;
            TRY_RETURN(vector_of(state, units, row->vector, years[y], (mvec_basis)b, &v));
            if (v == NULL)
                continue;
            mvec_interval target[3] = {{0, 0}, {0, 0}, {0, 0}};
            double other_lo = 0;
            double listed_hi = 0;   /* largest other unit holding a listed partner */
            const char *listed_name = NULL;
            mvec_interval listed_share = {0, 0};
            double unlisted_hi = 0; /* largest other unit only the remainder can reach */
            for (size_t u = 0; u < mvec_bloc_count(units); u++) {
                const char *name = mvec_bloc_name(units, u);
                bool is_target = false;
                for (int t = 0; t < 3; t++)
                    if (strcmp(name, names[t]) == 0) {
                        target[t] = v->bloc_shares[u];
                        is_target = true;
                    }
                if (is_target)
                    continue;
                mvec_interval share = v->bloc_shares[u];
                if (share.lo > other_lo)
                    other_lo = share.lo;
                if (has_listed_partner(v, u)) {
                    if (share.hi > listed_hi) {
                        listed_hi = share.hi;
                        listed_name = name;
                        listed_share = share;
                    }
                } else if (share.hi > unlisted_hi) {
                    unlisted_hi = share.hi;
                }
            }
            double other_hi = listed_hi > unlisted_hi ? listed_hi : unlisted_hi;
            double min_lo = 1;
            double min_hi = 1;
            double max_lo = 0;
            double max_hi = 0;
            for (int t = 0; t < 3; t++) {
                min_lo = target[t].lo < min_lo ? target[t].lo : min_lo;
                min_hi = target[t].hi < min_hi ? target[t].hi : min_hi;
                max_lo = target[t].lo > max_lo ? target[t].lo : max_lo;
                max_hi = target[t].hi > max_hi ? target[t].hi : max_hi;
            }
            double spread_hi = max_hi - min_lo;
            double spread_lo = max_lo - min_hi > 0 ? max_lo - min_hi : 0;
            bool top_certain = min_lo > other_hi;
            bool top_impossible = other_lo > min_hi;
            enum decision d = UNDECIDED;
            if (top_impossible || spread_lo > rule->threshold)
                d = DECIDED_NO;
            else if (top_certain && spread_hi <= rule->threshold)
                d = DECIDED_YES;
            decisions[count++] = d;
            char item[512];
            TRY_RETURN(mvec__buf_printf(state->ctx, &state->numbers, "%s%d %s: ",
                                             state->numbers.length ? "; " : "", years[y],
                                             mvec_basis_name((mvec_basis)b)));
            for (int t = 0; t < 3; t++) {
                share_text(item, sizeof item, names[t], target[t]);
                TRY_RETURN(mvec__buf_printf(state->ctx, &state->numbers, "%s, ", item));
            }
            /* The largest other unit is named only when a listed partner's
             * unit can be it; a unit only the unlisted remainder reaches is
             * "an unlisted partner", never an arbitrary code. */
            mvec_interval next = {other_lo, other_hi};
            if (other_hi <= 0) {
                snprintf(item, sizeof item, "none");
            } else if (listed_name != NULL && listed_hi >= unlisted_hi) {
                share_text(item, sizeof item, listed_name, next);
            } else {
                char range[128];
                char listed[128];
                share_text(range, sizeof range, "", next);
                if (listed_name != NULL)
                    share_text(listed, sizeof listed, listed_name, listed_share);
                char unlisted[64];
                mvec__fmt_fixed(unlisted, unlisted_hi * 100, 1);
                snprintf(item, sizeof item, "%s (%s%s%san unlisted partner up to %s %%)",
                         range + 1,
                         listed_name != NULL ? "largest listed: " : "",
                         listed_name != NULL ? listed : "", listed_name != NULL ? ", " : "",
                         unlisted);
            }
            char spread[96];
            mvec_interval gap = {spread_lo, spread_hi};
            mvec__fmt_interval(spread, sizeof spread, gap, 100, 1);
            TRY_RETURN(mvec__buf_printf(state->ctx, &state->numbers,
                                             "largest other unit %s, gap between the three %s "
                                             "percentage points",
                                             item, spread));
            TRY_RETURN(describe_data(state, v));
        }
    }
    *verdict = combine(decisions, count, false);
    return MVEC_OK;
}

/* ---- rules on sums of values: arms suppliers over windows, FDI ranks ---------------- */

enum { MAX_SUM_PARTNERS = 512 };

/* One partner's sum over a window, or one partner's value in a year. */
typedef struct partner_sum {
    const mvec_country *partner;
    double value;
} partner_sum;

static bool is_country(const mvec_country *c)
{
    return c->kind == MVEC_COUNTRY_CURRENT || c->kind == MVEC_COUNTRY_FORMER ||
           c->kind == MVEC_COUNTRY_PSEUDO;
}

/* Does observation o count for (country, vector) levels of `source`? */
static bool level_row(const check_state *state, const mvec_observation *o, const char *vector)
{
    return o->country == state->claims->country && strcmp(o->vector, vector) == 0 &&
           strcmp(o->indicator, "value") == 0 && !o->superseded && o->period[0] == '\0' &&
           o->item[0] == '\0' && o->qualifier == MVEC_QUALIFIER_EXACT;
}

/* Sum the values of `source` (and `basis`, unless negative) per partner over
 * [first, last]; *total gets the WLD rows' sum (0 when there is none).
 * O(observations x partners). */
static size_t sum_partners(const check_state *state, const char *vector, const char *source,
                           int basis, int first, int last, partner_sum *sums, double *total)
{
    size_t count = 0;
    *total = 0;
    const mvec_observations *obs = state->observations;
    for (size_t i = 0; i < mvec_observations_count(obs); i++) {
        const mvec_observation *o = mvec_observations_at(obs, i);
        if (!level_row(state, o, vector) || o->source != source || o->year < first ||
            o->year > last || (basis >= 0 && (int)o->basis != basis))
            continue;
        if (strcmp(o->partner->code, "WLD") == 0) {
            *total += o->base_value;
            continue;
        }
        if (!is_country(o->partner))
            continue;
        size_t k = 0;
        while (k < count && sums[k].partner != o->partner)
            k++;
        if (k == count) {
            if (count == MAX_SUM_PARTNERS)
                continue;
            sums[count++] = (partner_sum){o->partner, 0};
        }
        sums[k].value += o->base_value;
    }
    return count;
}

static int compare_sums(const void *pa, const void *pb)
{
    const partner_sum *a = pa;
    const partner_sum *b = pb;
    if (a->value > b->value)
        return -1;
    if (a->value < b->value)
        return 1;
    return strcmp(a->partner->code, b->partner->code);
}

/* The source of the latest row of `vector` in `dimension` (official first),
 * or NULL; its years in *first, *last. */
static const char *latest_source(const check_state *state, const char *vector,
                                 const char *dimension, int *first, int *last)
{
    const char *source = NULL;
    bool official = false;
    const mvec_observations *obs = state->observations;
    for (size_t i = 0; i < mvec_observations_count(obs); i++) {
        const mvec_observation *o = mvec_observations_at(obs, i);
        if (!level_row(state, o, vector) || strcmp(o->dimension, dimension) != 0)
            continue;
        bool o_official = strcmp(o->quality, "official") == 0;
        if (source == NULL || (o_official && !official) ||
            (o_official == official && o->year > *last)) {
            source = o->source;
            official = o_official;
            *last = o->year;
        }
    }
    *first = *last;
    for (size_t i = 0; source != NULL && i < mvec_observations_count(obs); i++) {
        const mvec_observation *o = mvec_observations_at(obs, i);
        if (level_row(state, o, vector) && o->source == source && o->year < *first)
            *first = o->year;
    }
    return source;
}

/* "X is the primary supplier": the partner has the largest sum of the
 * vector (SIPRI TIV) over the whole period with data and over the latest
 * five years; each five-year window is shown. */
static mvec_status check_primary_supplier(check_state *state, const claim_row *row,
                                          const claim_rule *rule, mvec_verdict *verdict)
{
    mvec_ctx *ctx = state->ctx;
    int first = 0;
    int last = 0;
    const char *source = latest_source(state, row->vector, "TIV", &first, &last);
    if (source == NULL) {
        TRY_RETURN(mvec__buf_printf(ctx, &state->numbers,
                                    "no %s of %s in SIPRI trend-indicator values: import "
                                    "SIPRI's arms transfers file with the sipri-tiv importer",
                                    row->vector, state->claims->country->code));
        TRY_RETURN(mvec__buf_printf(ctx, &state->data, "SIPRI Arms Transfers Database (needed)"));
        return MVEC_OK;
    }
    if (state->year && state->year < last && state->year >= first)
        last = state->year;
    int window = (int)rule->threshold;
    enum decision whole = UNDECIDED;
    enum decision latest = UNDECIDED;
    partner_sum sums[MAX_SUM_PARTNERS];
    /* the whole period first, then windows back from the latest year */
    for (int end = last, pass = 0; pass == 0 || end - window + 1 >= first; pass++) {
        int from = pass == 0 ? first : end - window + 1;
        double total = 0;
        size_t n = sum_partners(state, row->vector, source, -1, from, end, sums, &total);
        double listed = 0;
        for (size_t k = 0; k < n; k++)
            listed += sums[k].value;
        if (total < listed)
            total = listed;
        qsort(sums, n, sizeof *sums, compare_sums);
        enum decision d = DECIDED_NO;
        if (n > 0 && strcmp(sums[0].partner->code, row->partners) == 0 &&
            (n == 1 || sums[0].value > sums[1].value) && sums[0].value > total - listed)
            d = DECIDED_YES;
        if (pass == 0)
            whole = d;
        else if (pass == 1)
            latest = d;
        TRY_RETURN(mvec__buf_printf(ctx, &state->numbers, "%s%d-%d: ",
                                    state->numbers.length ? "; " : "", from, end));
        for (size_t k = 0; k < n && k < 2; k++) {
            char share[32];
            mvec__fmt_fixed(share, total > 0 ? sums[k].value / total * 100 : 0, 1);
            TRY_RETURN(mvec__buf_printf(ctx, &state->numbers, "%s%s %s %%", k ? ", " : "",
                                        sums[k].partner->code, share));
        }
        for (size_t k = 2; k < n; k++)
            if (strcmp(sums[k].partner->code, row->partners) == 0) {
                char share[32];
                mvec__fmt_fixed(share, total > 0 ? sums[k].value / total * 100 : 0, 1);
                TRY_RETURN(mvec__buf_printf(ctx, &state->numbers, ", ... %s %s %% (rank %zu)",
                                            row->partners, share, k + 1));
            }
        if (n == 0)
            TRY_RETURN(mvec__buf_puts(ctx, &state->numbers, "no deliveries"));
        char tiv[32];
        mvec__fmt_fixed(tiv, total / 1e6, 0);
        TRY_RETURN(mvec__buf_printf(ctx, &state->numbers, " of %s m TIV", tiv));
        if (pass > 0)
            end -= window;
    }
    TRY_RETURN(mvec__buf_printf(ctx, &state->data, "%s %d-%d third_party (%s)", row->vector,
                                first, last, source));
    *verdict = whole == DECIDED_YES && latest == DECIDED_YES ? MVEC_VERDICT_HOLDS
               : latest == DECIDED_NO || whole == DECIDED_NO ? MVEC_VERDICT_FAILS
                                                             : MVEC_VERDICT_UNDECIDABLE;
    return MVEC_OK;
}

/* "X is the N-th largest source": the partner's rank by value of the
 * vector in the latest year of each official source, reporter basis (the
 * host's own statistics); sources that disagree leave it undecided. */
static mvec_status check_partner_rank(check_state *state, const claim_row *row,
                                      const claim_rule *rule, mvec_verdict *verdict)
{
    mvec_ctx *ctx = state->ctx;
    size_t wanted = (size_t)rule->threshold;
    const char *sources[16];
    int years[16];
    size_t source_count = 0;
    const mvec_observations *obs = state->observations;
    for (size_t i = 0; i < mvec_observations_count(obs); i++) {
        const mvec_observation *o = mvec_observations_at(obs, i);
        if (!level_row(state, o, row->vector) || o->basis != MVEC_BASIS_REPORTER ||
            strcmp(o->quality, "official") != 0 || !is_country(o->partner))
            continue;
        size_t k = 0;
        while (k < source_count && sources[k] != o->source)
            k++;
        if (k == source_count) {
            if (source_count == 16)
                continue;
            sources[source_count] = o->source;
            years[source_count++] = o->year;
        } else if (o->year > years[k]) {
            years[k] = o->year;
        }
    }
    enum decision decisions[16];
    size_t count = 0;
    partner_sum sums[MAX_SUM_PARTNERS];
    for (size_t k = 0; k < source_count; k++) {
        int year = state->year ? state->year : years[k];
        double total = 0;
        size_t n = sum_partners(state, row->vector, sources[k], MVEC_BASIS_REPORTER, year, year,
                                sums, &total);
        if (n < wanted + 1)
            continue; /* too few partners to rank */
        double positive = 0;
        for (size_t i = 0; i < n; i++)
            positive += sums[i].value > 0 ? sums[i].value : 0;
        if (total <= 0)
            total = positive;
        qsort(sums, n, sizeof *sums, compare_sums);
        size_t rank = 0;
        for (size_t i = 0; i < n && rank == 0; i++)
            if (strcmp(sums[i].partner->code, row->partners) == 0)
                rank = i + 1;
        decisions[count++] = rank == wanted ? DECIDED_YES : DECIDED_NO;
        TRY_RETURN(mvec__buf_printf(ctx, &state->numbers, "%s%d (%s): ",
                                    state->numbers.length ? "; " : "", year, sources[k]));
        for (size_t i = 0; i < n && (i < wanted || i + 1 == rank); i++) {
            char share[32];
            mvec__fmt_fixed(share, sums[i].value / total * 100, 1);
            TRY_RETURN(mvec__buf_printf(ctx, &state->numbers, "%s%zu. %s %s %%",
                                        i == 0 ? "" : (i >= wanted ? " ... " : ", "), i + 1,
                                        sums[i].partner->code, share));
        }
        if (rank == 0)
            TRY_RETURN(mvec__buf_printf(ctx, &state->numbers, "; %s not listed",
                                        row->partners));
        TRY_RETURN(mvec__buf_printf(ctx, &state->data, "%s%s %d reporter (%s, %zu partners)",
                                    state->data.length ? "; " : "", row->vector, year,
                                    sources[k], n));
    }
    if (count == 0) {
        TRY_RETURN(mvec__buf_printf(ctx, &state->numbers,
                                    "no official %s of %s by partner: import the National "
                                    "Bank's FDI by country (wiiw-fdi importer) or UNCTAD's "
                                    "bilateral FDI (unctad-fdi importer)",
                                    row->vector, state->claims->country->code));
        TRY_RETURN(mvec__buf_printf(ctx, &state->data, "official FDI by partner (needed)"));
    } else if (count > 1) {
        bool differ = false;
        for (size_t i = 1; i < count; i++)
            differ = differ || decisions[i] != decisions[0];
        if (differ)
            TRY_RETURN(mvec__buf_puts(ctx, &state->numbers, "; the sources disagree"));
    }
    *verdict = combine(decisions, count, false);
    return MVEC_OK;
}

/* "X's share has been stable before and after YEAR": the trend library's
 * break test (mvec_trend.h: Welch interval of the difference of means
 * within +-5 points and no Chow break at 5 %) on the partner's share of
 * the vector, each statistical basis separately (sources of different
 * bases are never joined into one series). Without 3 years on each side
 * the claim is undecidable and the numbers name the dataset that decides
 * it. */
static mvec_status check_stable_share(check_state *state, const claim_row *row,
                                      const claim_rule *rule, mvec_verdict *verdict)
{
    (void)rule;
    mvec_ctx *ctx = state->ctx;
    enum decision decisions[8];
    size_t count = 0;
    int break_year = row->year ? row->year : state->year;
    *verdict = MVEC_VERDICT_UNDECIDABLE;
    if (break_year == 0)
        return mvec__buf_puts(ctx, &state->numbers, "no break year given");
    const mvec_country *partner =
        mvec_countries_find(mvec_observations_countries(state->observations), row->partners);
    if (partner == NULL)
        return mvec__error(ctx, MVEC_ERR_INTERNAL, "claim '%s': unknown partner '%s'", row->id,
                           row->partners);
    int years[MAX_YEARS];
    double lo[MAX_YEARS];
    double hi[MAX_YEARS];
    size_t year_count = trade_years(state, row->vector, years, MAX_YEARS);
    for (int b = MVEC_BASIS_REPORTER; b <= MVEC_BASIS_UNSTATED; b++) {
        size_t computed = 0;
        int first = 0;
        int last = 0;
        const char *source = NULL;
        for (size_t y = year_count; y-- > 0;) { /* oldest first */
            const cached_vector *entry = NULL;
            TRY_RETURN(cached_of(state, state->powers, row->vector, years[y], (mvec_basis)b,
                                 &entry));
            const mvec_vector_profile *v = &entry->result;
            lo[y] = hi[y] = NAN;
            if (!entry->found || v->status != NULL || v->period[0] != '\0')
                continue;
            bool listed = false;
            mvec_interval share = mvec__trend_partner_share(v, partner, &listed);
            lo[y] = share.lo;
            hi[y] = share.hi;
            first = computed == 0 ? years[y] : first;
            last = years[y];
            if (source == NULL && v->input_count > 0)
                source = v->inputs[0]->source;
            computed++;
        }
        if (computed == 0)
            continue;
        mvec_trend_break brk;
        memset(&brk, 0, sizeof brk);
        bool tested =
            mvec__trend_break_compute(years, lo, hi, year_count, break_year, &brk);
        char span[32];
        if (first == last)
            snprintf(span, sizeof span, "%d", first);
        else
            snprintf(span, sizeof span, "%d-%d", first, last);
        TRY_RETURN(mvec__buf_printf(ctx, &state->data, "%s%s %s %s (%zu year%s%s%s)",
                                    state->data.length ? "; " : "", row->vector, span,
                                    mvec_basis_name((mvec_basis)b), computed,
                                    computed == 1 ? "" : "s", tested && source ? ", " : "",
                                    tested && source ? source : ""));
        if (!tested) {
            TRY_RETURN(mvec__buf_printf(ctx, &state->numbers,
                                        "%s%s: %zu year%s with a computable %s share, %zu "
                                        "before %d and %zu from %d on (at least %d on each "
                                        "side needed)",
                                        state->numbers.length ? "; " : "",
                                        mvec_basis_name((mvec_basis)b), computed,
                                        computed == 1 ? "" : "s", row->partners,
                                        brk.test[0].before_count, break_year,
                                        brk.test[0].after_count, break_year,
                                        MVEC_TREND_MIN_YEARS));
            continue;
        }
        const mvec_trend_test *t = &brk.test[0];
        const mvec_trend_test *u = &brk.test[1];
        char text[1024];
        char mean_before[64], mean_after[64], diff[64], ci_lo[64], ci_hi[64], f[64], p[64];
        mvec_interval mb = {t->mean_before, u->mean_before};
        mvec_interval ma = {t->mean_after, u->mean_after};
        mvec_interval d = {t->difference, u->difference};
        mvec__fmt_interval(mean_before, sizeof mean_before, mb, 100, 1);
        mvec__fmt_interval(mean_after, sizeof mean_after, ma, 100, 1);
        mvec__fmt_interval(diff, sizeof diff, d, 100, 1);
        mvec__fmt_fixed(ci_lo, (t->ci_lo < u->ci_lo ? t->ci_lo : u->ci_lo) * 100, 1);
        mvec__fmt_fixed(ci_hi, (t->ci_hi > u->ci_hi ? t->ci_hi : u->ci_hi) * 100, 1);
        mvec__fmt_fixed(f, t->chow_f, 2);
        mvec__fmt_fixed(p, t->chow_p, 3);
        snprintf(text, sizeof text,
                 "%s: %s share mean %d-%d %s %%, %d-%d %s %%, difference %s points "
                 "(95 %% CI %s to %s), Chow F(2, %zu) = %s%s, p = %s%s: %s",
                 mvec_basis_name((mvec_basis)b), row->partners, first, break_year - 1,
                 mean_before, break_year, last, mean_after, diff, ci_lo, ci_hi,
                 t->before_count + t->after_count - 4, f, brk.exact ? "" : " (lower ends)", p,
                 brk.exact ? "" : " (lower ends)",
                 brk.verdict == MVEC_VERDICT_HOLDS   ? "stable"
                 : brk.verdict == MVEC_VERDICT_FAILS ? "changed"
                                                     : "undecided");
        TRY_RETURN(mvec__buf_printf(ctx, &state->numbers, "%s%s",
                                    state->numbers.length ? "; " : "", text));
        decisions[count++] = brk.verdict == MVEC_VERDICT_HOLDS   ? DECIDED_YES
                             : brk.verdict == MVEC_VERDICT_FAILS ? DECIDED_NO
                                                                 : UNDECIDED;
    }
    if (count == 0)
        return mvec__buf_printf(ctx, &state->numbers,
                                "%sthe data loaded do not reach both sides of %d: the USITC's "
                                "ITPD-E bilateral trade panel (2000-2016, every country, "
                                "importer 'itpd') would decide it",
                                state->numbers.length ? "; " : "", break_year);
    *verdict = combine(decisions, count, false);
    return MVEC_OK;
}

/* "Kazakhstan balances Russia, China and the West": in the latest year with
 * data (or the caller's year), the balance among the scheme's great-power
 * blocs is above the threshold on each basis. The one rule that reads the
 * bloc scheme, so its verdict can change with it (mvec_robust.h). */
static mvec_status check_balanced(check_state *state, const claim_row *row,
                                  const claim_rule *rule, mvec_verdict *verdict)
{
    enum decision decisions[8];
    size_t count = 0;
    int years[MAX_YEARS];
    size_t year_count = years_to_check(state, row, years);
    for (size_t y = 0; y < year_count && count == 0; y++) {
        for (int b = MVEC_BASIS_REPORTER; b <= MVEC_BASIS_UNSTATED; b++) {
            const mvec_vector_profile *v = NULL;
            TRY_RETURN(
                vector_of(state, state->powers, row->vector, years[y], (mvec_basis)b, &v));
            if (v == NULL)
                continue;
            mvec_interval x = v->balance;
            decisions[count++] = x.lo > rule->threshold
                                     ? DECIDED_YES
                                     : (x.hi < rule->threshold ? DECIDED_NO : UNDECIDED);
            char interval[96];
            mvec__fmt_interval(interval, sizeof interval, x, 1, 2);
            TRY_RETURN(mvec__buf_printf(state->ctx, &state->numbers, "%s%d %s: balance %s among",
                                        state->numbers.length ? "; " : "", years[y],
                                        mvec_basis_name((mvec_basis)b), interval));
            for (size_t k = 0; k < mvec_bloc_count(state->powers); k++) {
                if (!mvec_bloc_is_great_power(state->powers, k))
                    continue;
                char item[256];
                share_text(item, sizeof item, mvec_bloc_name(state->powers, k),
                           v->bloc_shares[k]);
                TRY_RETURN(mvec__buf_printf(state->ctx, &state->numbers, " %s", item));
            }
            TRY_RETURN(mvec__buf_printf(state->ctx, &state->numbers, " (scheme %s)",
                                        mvec_bloc_scheme_name(state->powers)));
            TRY_RETURN(describe_data(state, v));
        }
    }
    *verdict = combine(decisions, count, false);
    return MVEC_OK;
}

/* "Russia and the EU almost always share first place": in each year with
 * whole-year data (or the caller's year), the named units (countries, the EU
 * as its members of that year) are the top ones, each above every other unit
 * (listed or not); the claim holds when that is certain in at least
 * `threshold` of the years with a computable distribution, and fails when it
 * cannot reach that share even counting every undecided year. A year whose
 * bases disagree is undecided. */
static mvec_status check_top_units(check_state *state, const claim_row *row,
                                   const claim_rule *rule, mvec_verdict *verdict)
{
    enum { MAX_NAMES = 4 };
    char names_text[64];
    const char *names[MAX_NAMES];
    size_t name_count = 0;
    snprintf(names_text, sizeof names_text, "%s", row->partners);
    for (char *p = names_text; *p != '\0' && name_count < MAX_NAMES;) {
        while (*p == ' ')
            *p++ = '\0';
        if (*p == '\0')
            break;
        names[name_count++] = p;
        while (*p != '\0' && *p != ' ')
            p++;
    }
    int years[MAX_YEARS];
    size_t year_count = years_to_check(state, row, years);
    size_t yes_years = 0;
    size_t no_years = 0;
    size_t open_years = 0;
    for (size_t y = year_count; y-- > 0;) { /* oldest first, for reading */
        const mvec_bloc_scheme *units = NULL;
        TRY_RETURN(units_scheme(state, years[y], &units));
        enum decision decisions[8];
        size_t count = 0;
        for (int b = MVEC_BASIS_REPORTER; b <= MVEC_BASIS_UNSTATED; b++) {
            const mvec_vector_profile *v = NULL;
            TRY_RETURN(vector_of(state, units, row->vector, years[y], (mvec_basis)b, &v));
            if (v == NULL)
                continue;
            mvec_interval target[MAX_NAMES];
            double other_lo = 0;
            double other_hi = 0;
            size_t best = SIZE_MAX; /* the largest other unit (by its upper bound) */
            for (size_t t = 0; t < name_count; t++)
                target[t] = (mvec_interval){0, 0};
            for (size_t u = 0; u < mvec_bloc_count(units); u++) {
                const char *name = mvec_bloc_name(units, u);
                bool is_target = false;
                for (size_t t = 0; t < name_count; t++)
                    if (strcmp(name, names[t]) == 0) {
                        target[t] = v->bloc_shares[u];
                        is_target = true;
                    }
                if (is_target)
                    continue;
                mvec_interval share = v->bloc_shares[u];
                other_lo = share.lo > other_lo ? share.lo : other_lo;
                if (share.hi > other_hi) {
                    other_hi = share.hi;
                    best = u;
                }
            }
            double min_lo = 1;
            double min_hi = 1;
            for (size_t t = 0; t < name_count; t++) {
                min_lo = target[t].lo < min_lo ? target[t].lo : min_lo;
                min_hi = target[t].hi < min_hi ? target[t].hi : min_hi;
            }
            enum decision d = UNDECIDED;
            if (min_lo > other_hi)
                d = DECIDED_YES;
            else if (other_lo > min_hi)
                d = DECIDED_NO;
            decisions[count++] = d;
            char item[160];
            TRY_RETURN(mvec__buf_printf(state->ctx, &state->numbers, "%s%d %s: ",
                                        state->numbers.length ? "; " : "", years[y],
                                        mvec_basis_name((mvec_basis)b)));
            for (size_t t = 0; t < name_count; t++) {
                share_text(item, sizeof item, names[t], target[t]);
                TRY_RETURN(mvec__buf_printf(state->ctx, &state->numbers, "%s, ", item));
            }
            mvec_interval next = {other_lo, other_hi};
            bool named = best != SIZE_MAX && has_listed_partner(v, best);
            share_text(item, sizeof item, named ? mvec_bloc_name(units, best) : "an unlisted partner",
                       next);
            TRY_RETURN(mvec__buf_printf(state->ctx, &state->numbers, "next %s: %s",
                                        other_hi > 0 ? item : "none",
                                        d == DECIDED_YES ? "top" : d == DECIDED_NO ? "not top"
                                                                                   : "undecided"));
            TRY_RETURN(describe_data(state, v));
        }
        if (count == 0)
            continue;
        mvec_verdict year = combine(decisions, count, false);
        yes_years += year == MVEC_VERDICT_HOLDS ? 1u : 0u;
        no_years += year == MVEC_VERDICT_FAILS ? 1u : 0u;
        open_years += year == MVEC_VERDICT_UNDECIDABLE ? 1u : 0u;
    }
    size_t total = yes_years + no_years + open_years;
    if (total > 0)
        TRY_RETURN(mvec__buf_printf(state->ctx, &state->numbers,
                                    "; top in %zu of %zu years (%zu undecided), the claim needs "
                                    "at least %.0f %%",
                                    yes_years, total, open_years, rule->threshold * 100));
    *verdict = MVEC_VERDICT_UNDECIDABLE;
    if (total > 0 && (double)yes_years >= rule->threshold * (double)total)
        *verdict = MVEC_VERDICT_HOLDS;
    else if (total > 0 && (double)(yes_years + open_years) < rule->threshold * (double)total)
        *verdict = MVEC_VERDICT_FAILS;
    return MVEC_OK;
}

/* ---- opinion series ----------------------------------------------------------------------- */

/* The questions read as "negative view of the partner": Pew's
 * unfavourable (very + somewhat) and the seeds' negative_attitude. */
static bool negative_view_indicator(const char *indicator)
{
    return strcmp(indicator, "unfavourable") == 0 || strcmp(indicator, "negative_attitude") == 0;
}

/* The pollster: the source up to its first comma ("Pew Research Center"). */
static size_t pollster_length(const char *source)
{
    const char *comma = strchr(source, ',');
    return comma ? (size_t)(comma - source) : strlen(source);
}

/* The sample size "n=1,100" in a note, or 0 when none is given. */
static double note_sample_size(const char *note)
{
    for (const char *p = note; (p = strstr(p, "n=")) != NULL; p += 2) {
        if (p > note && ((p[-1] >= 'a' && p[-1] <= 'z') || (p[-1] >= 'A' && p[-1] <= 'Z')))
            continue;
        double n = 0;
        const char *q = p + 2;
        bool digits = false;
        for (; (*q >= '0' && *q <= '9') || (*q == ',' && q[1] >= '0' && q[1] <= '9'); q++)
            if (*q != ',') {
                n = n * 10 + (*q - '0');
                digits = true;
            }
        if (digits && n > 0)
            return n;
    }
    return 0;
}

enum { MAX_SERIES = 32 };

typedef struct opinion_series {
    const char *source;  /* a row of the series: its pollster is the key */
    const char *indicator;
    const mvec_observation *first, *last;
    size_t surveys;
} opinion_series;

static bool same_series(const opinion_series *s, const mvec_observation *o)
{
    size_t length = pollster_length(s->source);
    return strcmp(s->indicator, o->indicator) == 0 && pollster_length(o->source) == length &&
           strncmp(s->source, o->source, length) == 0;
}

/* "Attitudes toward the partner worsening": in each series of one pollster
 * asking one question, the share with a negative view rose from the first
 * survey to the last by more than the margin (see OPINION_MIN_CHANGE). */
static mvec_status check_opinion_worsening(check_state *state, const claim_row *row,
                                           const claim_rule *rule, mvec_verdict *verdict)
{
    mvec_ctx *ctx = state->ctx;
    enum decision decisions[MAX_SERIES];
    size_t count = 0;
    opinion_series series[MAX_SERIES];
    size_t series_count = 0;
    bool firm = false;
    const mvec_country *country = state->claims->country;
    for (size_t i = 0; i < mvec_observations_count(state->observations); i++) {
        const mvec_observation *o = mvec_observations_at(state->observations, i);
        if (o->country != country || strcmp(o->partner->code, row->partners) != 0 ||
            strcmp(o->vector, row->vector) != 0 || !negative_view_indicator(o->indicator) ||
            o->superseded || strcmp(o->dimension, "share") != 0 ||
            (o->qualifier != MVEC_QUALIFIER_EXACT && o->qualifier != MVEC_QUALIFIER_ABOUT) ||
            (state->year != 0 && o->year > state->year))
            continue;
        opinion_series *s = NULL;
        for (size_t k = 0; k < series_count && s == NULL; k++)
            if (same_series(&series[k], o))
                s = &series[k];
        if (s == NULL) {
            if (series_count == MAX_SERIES)
                continue;
            s = &series[series_count++];
            *s = (opinion_series){o->source, o->indicator, o, o, 0};
        }
        s->surveys++;
        if (o->year < s->first->year)
            s->first = o;
        if (o->year > s->last->year)
            s->last = o;
    }
    for (size_t k = 0; k < series_count; k++) {
        const opinion_series *s = &series[k];
        int length = (int)pollster_length(s->source);
        TRY_RETURN(mvec__buf_printf(ctx, &state->data, "%s%s %s %s: %.*s %d-%d (%zu survey%s)",
                                    state->data.length ? "; " : "", row->vector, s->indicator,
                                    row->partners, length, s->source, s->first->year,
                                    s->last->year, s->surveys, s->surveys == 1 ? "" : "s"));
        if (s->first->year == s->last->year) {
            TRY_RETURN(mvec__buf_printf(ctx, &state->numbers,
                                        "%s%.*s, %s: one survey year only (%d: %.1f %%)",
                                        state->numbers.length ? "; " : "", length, s->source,
                                        s->indicator, s->first->year, s->first->base_value * 100));
            continue;
        }
        double p1 = s->first->base_value;
        double p2 = s->last->base_value;
        double n1 = note_sample_size(s->first->note);
        double n2 = note_sample_size(s->last->note);
        bool assumed1 = n1 <= 0;
        bool assumed2 = n2 <= 0;
        bool assumed = assumed1 || assumed2;
        if (n1 <= 0)
            n1 = OPINION_ASSUMED_N;
        if (n2 <= 0)
            n2 = OPINION_ASSUMED_N;
        double se = sqrt(p1 * (1 - p1) / n1 + p2 * (1 - p2) / n2) * 100;
        double margin = 2 * se > rule->threshold ? 2 * se : rule->threshold;
        double change = (p2 - p1) * 100;
        enum decision d = change > margin ? DECIDED_YES
                                          : (change < -margin ? DECIDED_NO : UNDECIDED);
        decisions[count++] = d;
        bool unnamed = s->first->basis == MVEC_BASIS_UNSTATED ||
                       s->last->basis == MVEC_BASIS_UNSTATED;
        firm = firm || (!unnamed && !assumed);
        TRY_RETURN(mvec__buf_printf(
            ctx, &state->numbers,
            "%s%.*s, %s: %.1f %% (%d, n=%.0f%s) to %.1f %% (%d, n=%.0f%s), change %+.1f points, "
            "margin %.1f points (2 x SE = %.1f%s): %s",
            state->numbers.length ? "; " : "", length, s->source, s->indicator, p1 * 100,
            s->first->year, n1, assumed1 ? " assumed" : "", p2 * 100, s->last->year, n2,
            assumed2 ? " assumed" : "",
            change, margin, se * 2, 2 * se > rule->threshold ? "" : ", under the 5-point floor",
            d == DECIDED_YES   ? "a rise beyond the margin"
            : d == DECIDED_NO  ? "a fall beyond the margin"
                               : "within the margin"));
        if (unnamed)
            TRY_RETURN(mvec__buf_printf(ctx, &state->numbers,
                                        " (caveat: the source does not name the poll, so "
                                        "its question and sample are unknown)"));
    }
    if (!firm)
        TRY_RETURN(mvec__buf_printf(
            ctx, &state->numbers,
            "%sa firm verdict needs a named survey series with published samples asking the same "
            "question in each wave: for Kazakhstan the Central Asia Barometer waves "
            "(ca-barometer.org), or Pew Global Attitudes (import format pew), which decides it "
            "for the countries it surveys but has not surveyed Kazakhstan",
            state->numbers.length ? "; " : ""));
    *verdict = combine(decisions, count, false);
    if (state->data.length == 0)
        TRY_RETURN(mvec__buf_printf(ctx, &state->data,
                                    "no %s series (unfavourable or negative_attitude) toward %s",
                                    row->vector, row->partners));
    return MVEC_OK;
}

/* The rules, by their name in data/claims.csv. Thresholds: EVEN_HHI,
 * DOMINANT_SHARE and SMALL_MARGIN above, with their sources. */
static const claim_rule RULES[] = {
    {"became_top_partner", check_became_top, 0,
     "the partner's share of turnover is above every other partner's (listed or not) in the "
     "year, and was not in the year before; checked on each statistical basis separately"},
    {"evenly_distributed", check_evenly_distributed, EVEN_HHI,
     "HHI of turnover by partner below 0.15 in every year with data (\"unconcentrated\", US "
     "DOJ/FTC Horizontal Merger Guidelines 2010, section 5.3)"},
    {"no_single_dominates", check_no_single_dominates, DOMINANT_SHARE,
     "no partner holds 40 % of turnover or more in any year with data (dominance unlikely "
     "below 40 %: European Commission, Article 102 guidance, 2009, para. 14)"},
    {"shared_first_place", check_shared_first, SMALL_MARGIN,
     "in the latest year, China, Russia and the EU (members of that year together) are the "
     "three largest units and within 5 percentage points of each other (mvec's convention for "
     "\"small margins\")"},
    {"primary_supplier", check_primary_supplier, 5,
     "the partner has the largest sum of SIPRI trend-indicator values (deliveries) over the whole "
     "period with data and over the latest 5 years (both must hold; fails when it is not first "
     "in either); each 5-year window back from the latest year is shown, with the runner-up; "
     "shares of the sum of all deliveries (WLD), unknown suppliers included"},
    {"fourth_largest", check_partner_rank, 4,
     "the partner is 4th by value in the latest year of each official source, reporter basis "
     "(the host's statistics; stocks over the positive positions), shares of the total (WLD); "
     "holds when every source ranks it 4th, fails when none does, else the sources disagree"},
    {"stable_share_break", check_stable_share, MVEC_TREND_TOLERANCE,
     "the partner's share of turnover is stable across the break year (that year and later "
     "are \"after\"): the 95 % Welch confidence interval of the difference of means lies "
     "within +-5 percentage points and a Chow test of a linear trend does not reject one line "
     "at 5 %; changed when the interval lies wholly outside +-5 points or the Chow test "
     "rejects; at least 3 years with a share on each side; each statistical basis separately"},
    {"balanced_among_powers", check_balanced, BALANCED,
     "in the latest year, the balance among the bloc scheme's great powers (1 - normalised HHI "
     "of their shares of turnover) is above 0.5 on each statistical basis (mvec's convention: "
     "the midpoint between one power and equal reliance)"},
    {"top_units_most_years", check_top_units, ALMOST_ALWAYS,
     "in each year with data, the named units (the EU as its members of that year together) "
     "are the largest, each above every other partner, listed or not; \"almost always\" = in at "
     "least 80 % of the years (mvec's convention)"},
    {"opinion_worsening", check_opinion_worsening, OPINION_MIN_CHANGE,
     "in each series of one pollster asking one question (unfavourable or negative attitude "
     "toward the partner), the share of respondents from the first survey to the last rose by "
     "more than the margin: twice the standard error of the difference of two proportions "
     "(n from the source, 1,000 when not given) and at least 5 percentage points; a fall "
     "beyond the margin fails; series that disagree leave it undecidable"},
};

enum { CLAIM_ID, CLAIM_RULE, CLAIM_VECTOR, CLAIM_YEAR, CLAIM_PARTNERS, CLAIM_TEXT, CLAIM_SEED,
       CLAIM_QUOTE };
static const mvec__column_spec CLAIM_COLUMNS[] = {
    {"id", true},       {"rule", true},  {"vector", true}, {"year", true},
    {"partners", true}, {"claim", true}, {"seed", true},   {"quote", true},
};

static mvec_status on_claim_row(void *user, mvec__table *table)
{
    check_state *state = user;
    mvec_ctx *ctx = state->ctx;
    mvec_claims *claims = state->claims;
    mvec_status status = MVEC_OK;
    claim_row row = {
        .id = mvec__table_get(table, CLAIM_ID),
        .rule = mvec__table_get(table, CLAIM_RULE),
        .vector = mvec__table_get(table, CLAIM_VECTOR),
        .partners = mvec__table_get(table, CLAIM_PARTNERS),
        .claim = mvec__table_get(table, CLAIM_TEXT),
        .seed = mvec__table_get(table, CLAIM_SEED),
    };
    long year = 0;
    const char *year_text = mvec__table_get(table, CLAIM_YEAR);
    if (year_text[0] != '\0' && !mvec__parse_int(year_text, 1900, 2100, &year))
        return mvec__table_fail(ctx, table, CLAIM_YEAR, MVEC_ERR_PARSE, "invalid year");
    row.year = (int)year;
    const claim_rule *rule = NULL;
    for (size_t i = 0; i < sizeof RULES / sizeof *RULES && rule == NULL; i++)
        if (strcmp(RULES[i].name, row.rule) == 0)
            rule = &RULES[i];
    if (rule == NULL)
        return mvec__table_fail(ctx, table, CLAIM_RULE, MVEC_ERR_PARSE, "unknown rule '%s'",
                                row.rule);
    MVEC_TRY(mvec__check_cancel(ctx));
    mvec__buf_reset(&state->numbers);
    mvec__buf_reset(&state->data);
    mvec_verdict verdict = MVEC_VERDICT_UNDECIDABLE;
    MVEC_TRY(rule->evaluate(state, &row, rule, &verdict));
    MVEC_TRY(mvec__grow(ctx, &claims->results, &claims->capacity, claims->count + 1,
                        sizeof *claims->results));
    mvec_claim_result *result = &claims->results[claims->count];
    memset(result, 0, sizeof *result);
    result->verdict = verdict;
    result->uses_blocs = rule->evaluate == check_balanced;
    MVEC_TRY(keep_text(state, row.id, &result->id));
    MVEC_TRY(keep_text(state, row.claim, &result->claim));
    MVEC_TRY(keep_text(state, row.seed, &result->seed));
    MVEC_TRY(keep_text(state, rule->description, &result->rule));
    MVEC_TRY(keep_text(state, state->numbers.length ? state->numbers.data : "no data",
                       &result->numbers));
    MVEC_TRY(keep_text(state, state->data.length ? state->data.data
                                                 : "no computable trade.total distribution",
                       &result->data));
    claims->count++;
cleanup:
    return status;
}

mvec_status mvec_claims_check(mvec_ctx *ctx, const mvec_observations *observations,
                              const mvec_memberships *memberships,
                              const mvec_claim_options *options, mvec_claims **out)
{
    mvec_status status = MVEC_OK;
    mvec_claims *claims = NULL;
    mvec_bloc_scheme *powers = NULL;
    mvec_memberships *own = NULL;
    const mvec_countries *countries = mvec_observations_countries(observations);
    const char *country_text = options && options->country ? options->country : "KAZ";
    check_state state;
    memset(&state, 0, sizeof state);
    state.ctx = ctx;
    state.observations = observations;
    state.numbers.max = 1 << 20;
    state.data.max = 1 << 20;
    mvec_claim_options given = MVEC_CLAIM_OPTIONS_INIT;
    MVEC_TRY(mvec__options_read(ctx, "mvec_claim_options", "MVEC_CLAIM_OPTIONS_INIT", &given,
                                sizeof given, MVEC__SIZE_TO(mvec_claim_options, year), options));
    options = &given;
    country_text = given.country ? given.country : "KAZ";
    MVEC_TRY(mvec__calloc(ctx, 1, sizeof *claims, &claims));
    claims->country = mvec_countries_find(countries, country_text);
    if (claims->country == NULL || claims->country->kind == MVEC_COUNTRY_AGGREGATE ||
        claims->country->kind == MVEC_COUNTRY_ORGANISATION)
        MVEC_FAIL(ctx, MVEC_ERR_INVALID, "unknown country '%s'", country_text);
    if (memberships == NULL) {
        MVEC_TRY(mvec_memberships_builtin(ctx, countries, &own));
        memberships = own;
    }
    state.memberships = memberships;
    if (given.scheme == NULL)
        MVEC_TRY(mvec_bloc_scheme_builtin(ctx, countries, "powers", &powers));
    state.powers = given.scheme != NULL ? given.scheme : powers;
    MVEC_TRY(mvec__arena_strdup(ctx, &claims->arena, mvec_bloc_scheme_name(state.powers),
                                &claims->scheme_name));
    state.claims = claims;
    state.year = options ? options->year : 0;
    MVEC_TRY(mvec__collection_build(ctx, observations, claims->country, &state.collection));
    MVEC_TRY(mvec__table_read_embedded(ctx, "data/claims.csv", CLAIM_COLUMNS,
                                       sizeof CLAIM_COLUMNS / sizeof *CLAIM_COLUMNS,
                                       on_claim_row, &state));
    *out = claims;
    claims = NULL;
cleanup:
    mvec__buf_clear(ctx, &state.numbers);
    mvec__buf_clear(ctx, &state.data);
    mvec__collection_clear(ctx, &state.collection);
    mvec__free(ctx, state.cache);
    mvec__arena_clear(ctx, &state.work);
    for (size_t i = 0; i < state.unit_count; i++)
        mvec_bloc_scheme_free(ctx, state.units[i]);
    mvec_bloc_scheme_free(ctx, powers);
    mvec_memberships_free(ctx, own);
    mvec_claims_free(ctx, claims);
    return status;
}

void mvec_claims_free(mvec_ctx *ctx, mvec_claims *claims)
{
    if (claims == NULL)
        return;
    mvec__free(ctx, claims->results);
    mvec__arena_clear(ctx, &claims->arena);
    mvec__free(ctx, claims);
}

size_t mvec_claims_count(const mvec_claims *claims)
{
    return claims->count;
}

const mvec_claim_result *mvec_claims_at(const mvec_claims *claims, size_t index)
{
    return index < claims->count ? &claims->results[index] : NULL;
}

const mvec_country *mvec_claims_country(const mvec_claims *claims)
{
    return claims->country;
}

const char *mvec_claims_scheme_name(const mvec_claims *claims)
{
    return claims->scheme_name;
}
