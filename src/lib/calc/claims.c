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
#include <string.h>

#include "../data/csv_table.h"
#include "profile_internal.h"

/* US DOJ/FTC Horizontal Merger Guidelines (2010), section 5.3: a market with
 * an HHI below 1,500 is "unconcentrated". */
static const double EVEN_HHI = 0.15;
/* European Commission, Guidance on Article 102 enforcement priorities
 * (2009/C 45/02), paragraph 14: dominance is not likely below a 40 % share. */
static const double DOMINANT_SHARE = 0.40;
/* mvec's convention for "small margins": within 5 percentage points. */
static const double SMALL_MARGIN = 0.05;
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

/* The representative distribution of `vector` in `year` on `basis` under
 * `scheme`, evaluated at most once per run (cached), or NULL; when the
 * year's figures cannot decide, why is added to the numbers. */
static mvec_status vector_of(check_state *state, const mvec_bloc_scheme *scheme,
                             const char *vector, int year, mvec_basis basis,
                             const mvec_vector_profile **out)
{
    mvec_status status = MVEC_OK;
    *out = NULL;
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
        entry->vector = vector;
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
    MVEC_TRY(mvec_bloc_scheme_builtin(ctx, countries, "powers", &powers));
    state.powers = powers;
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
