/*
 * engine.c - the paths of a scenario, year by year (docs/methods.md,
 * "Scenarios").
 *
 * Each year of a path: draw the chances, apply every shock in force to the
 * partners' values (multiplying factors) and to the links' capacities,
 * reroute each commodity over the network (one max-flow per distinct set of
 * capacities, remembered per worker), take the value of stranded volume off
 * the exports of the commodity's HS chapter, recompute bloc shares, balance,
 * concentration and exports at risk, then evaluate the rules (their shocks
 * start `lag` years later). Paths are split among threads in contiguous
 * ranges; path k's generator is seeded from (seed, k) alone, and each path
 * writes only its own cells, so the results do not depend on the threads.
 */
#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <lauxlib.h>
#include <lua.h>

#include "engine.h"
#include "scenario_lua.h"

/* ---- rerouting, remembered by capacities ------------------------------------------------ */

enum { CACHE_SLOTS = 1024 };

typedef struct cache_entry {
    bool used;
    size_t commodity;
    int year;
    uint64_t hash;
    double *factors; /* the commodity's links' capacity factors */
    mvec_reroute result;
} cache_entry;

static uint64_t hash_factors(size_t commodity, const double *factors, size_t count)
{
    uint64_t h = 1469598103934665603ull ^ commodity;
    for (size_t i = 0; i < count; i++) {
        uint64_t bits = 0;
        memcpy(&bits, &factors[i], sizeof bits);
        h = (h ^ bits) * 1099511628211ull;
    }
    return h;
}

/* ---- one worker ---------------------------------------------------------------------------- */

typedef struct worker {
    mvec__run *run;
    size_t first, last; /* paths [first, last) */
    mvec_ctx *ctx;      /* its own: contexts are single-threaded */
    mvec_status status;
    char message[600];
    gsl_rng *rng;
    double *factor;     /* vector_count x partner_count */
    double *reference;  /* exports' factors without the adverse shocks */
    double *value;      /* vector_count x partner_count */
    double *capacity;   /* link_count */
    double *level;      /* volatility: shock x bloc, log level */
    double *opinion;    /* per opinion */
    mvec__shock *local; /* shocks drawn or triggered on this path */
    size_t local_count, local_capacity;
    bool *fired; /* per rule */
    cache_entry *cache;
    double *cache_factors; /* CACHE_SLOTS x link_count */
    double *key;           /* link_count */
} worker;

static uint64_t splitmix64(uint64_t x)
{
    x += 0x9e3779b97f4a7c15ull;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ull;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebull;
    return x ^ (x >> 31);
}

/* A shock in force in `year`, and how much of it (closures of some months: the share of
 * the year closed). */
static double in_force(const mvec__shock *s, int year)
{
    if (year < s->start)
        return 0;
    if (s->kind == MVEC__SHOCK_CLOSE && s->months > 0) {
        double closed = s->months - 12.0 * (year - s->start);
        return closed <= 0 ? 0 : closed >= 12 ? 1 : closed / 12;
    }
    return year <= s->stop ? 1 : 0;
}

static void apply_trade(const mvec__run *run, worker *w, size_t p, double f, bool adverse)
{
    size_t n = run->baseline->partner_count;
    w->factor[run->baseline->exports * n + p] *= f;
    w->factor[run->baseline->imports * n + p] *= f;
    if (!adverse)
        w->reference[p] *= f;
}

static void apply_shock(const mvec__run *run, worker *w, const mvec__shock *s, size_t index,
                        int year)
{
    const mvec__baseline *b = run->baseline;
    size_t n = b->partner_count;
    double share = in_force(s, year);
    if (s->kind == MVEC__SHOCK_VOLATILITY) {
        /* the random walk moves every year from the shock's start */
        if (year < s->start)
            return;
        for (size_t k = 0; k < b->bloc_count; k++) {
            if (s->bloc != SIZE_MAX && s->bloc != k)
                continue;
            double *level = &w->level[index * b->bloc_count + k];
            *level += gsl_ran_gaussian_ziggurat(w->rng, s->sd);
            double f = exp(*level - 0.5 * s->sd * s->sd * (year - s->start + 1));
            for (size_t p = 1; p < n; p++) {
                if (b->bloc[p] != k)
                    continue;
                if (s->vector == SIZE_MAX)
                    apply_trade(run, w, p, f, false);
                else
                    w->factor[s->vector * n + p] *= f;
            }
        }
        return;
    }
    if (s->kind == MVEC__SHOCK_TARGET) {
        int t = (year < s->target_year ? year : s->target_year) - run->base_year;
        apply_trade(run, w, s->partners[0], pow(s->growth, t), false);
        return;
    }
    if (s->kind == MVEC__SHOCK_SHIFT) {
        if (year < s->start)
            return;
        double ramp = (double)(year - s->start + 1) / (s->target_year - s->start + 1);
        double f = 1 + s->change * (ramp > 1 ? 1 : ramp);
        for (size_t i = 0; i < s->partner_count; i++) {
            if (s->vector == SIZE_MAX)
                apply_trade(run, w, s->partners[i], f, false);
            else
                w->factor[s->vector * n + s->partners[i]] *= f;
        }
        return;
    }
    if (!(share > 0))
        return;
    switch (s->kind) {
    case MVEC__SHOCK_EMBARGO:
        for (size_t i = 0; i < s->partner_count; i++)
            w->factor[b->exports * n + s->partners[i]] *= 1 - share * s->partner_factor[i];
        break;
    case MVEC__SHOCK_CLOSE:
        w->capacity[s->link] *= 1 - share * s->cut;
        break;
    case MVEC__SHOCK_SANCTIONS:
        for (size_t i = 0; i < s->partner_count; i++)
            apply_trade(run, w, s->partners[i], 1 - s->cut, true);
        for (size_t l = 0; l < run->link_count; l++)
            if (mvec_network_link_transits(run->network, l, s->transit))
                w->capacity[l] *= 1 - s->cut;
        break;
    case MVEC__SHOCK_TARGET:
    case MVEC__SHOCK_SHIFT:
    case MVEC__SHOCK_VOLATILITY:
    case MVEC__SHOCK_KIND_COUNT:
        break;
    }
}

static mvec_status reroute(mvec__run *run, worker *w, size_t c, int year, mvec_reroute *out)
{
    size_t count = 0;
    for (size_t l = 0; l < run->link_count; l++)
        if (run->link_commodity[l] == c)
            w->key[count++] = w->capacity[l];
    uint64_t h = hash_factors(c * 4096 + (size_t)year, w->key, count);
    size_t slot = h & (CACHE_SLOTS - 1);
    for (size_t probe = 0; probe < 8; probe++) {
        cache_entry *e = &w->cache[(slot + probe) & (CACHE_SLOTS - 1)];
        if (!e->used)
            break;
        if (e->hash == h && e->commodity == c && e->year == year &&
            memcmp(e->factors, w->key, count * sizeof(double)) == 0) {
            *out = e->result;
            return MVEC_OK;
        }
    }
    pthread_mutex_lock(&run->network_lock);
    mvec_status status = mvec_network_reroute(w->ctx, run->network, run->commodities[c], year,
                                              w->capacity, 1.0, out);
    pthread_mutex_unlock(&run->network_lock);
    if (status != MVEC_OK)
        return status;
    for (size_t probe = 0; probe < 8; probe++) {
        cache_entry *e = &w->cache[(slot + probe) & (CACHE_SLOTS - 1)];
        if (e->used)
            continue;
        e->used = true;
        e->hash = h;
        e->commodity = c;
        e->year = year;
        memcpy(e->factors, w->key, count * sizeof(double));
        e->result = *out;
        break;
    }
    return MVEC_OK;
}

/* Bloc sums as straight loops over each bloc's partners (an indexed += into the blocs'
 * sums stalls on store-to-load forwarding). */
static void bloc_shares(const mvec__run *run, const double *value, double total, double *out)
{
    const mvec__baseline *b = run->baseline;
    for (size_t k = 0; k < b->bloc_count; k++) {
        double sum = 0;
        for (size_t i = run->bloc_start[k]; i < run->bloc_start[k + 1]; i++)
            sum += value[run->bloc_order[i]];
        out[k] = total > 0 ? sum / total : 0;
    }
}

/* B = 1 - (HHI(sigma) - 1/|P|) / (1 - 1/|P|) over the great powers' normalised shares. */
static double balance_of(const mvec__baseline *b, const double *shares)
{
    double sum = 0, hhi = 0;
    size_t n = b->great_power_count;
    for (size_t i = 0; i < n; i++)
        sum += shares[b->great_power[i]];
    if (n < 2 || !(sum > 0))
        return NAN;
    for (size_t i = 0; i < n; i++) {
        double sigma = shares[b->great_power[i]] / sum;
        hhi += sigma * sigma;
    }
    return 1 - (hhi - 1.0 / n) / (1 - 1.0 / n);
}

static void record(mvec__run *run, size_t metric, size_t year_index, size_t path, double value)
{
    run->out[(metric * (size_t)(run->years + 1) + year_index) * run->paths + path] = value;
}

/* Metrics of one year of one path from the current values. */
static void measure(mvec__run *run, worker *w, size_t path, size_t t, const double *stranded,
                    double at_risk)
{
    const mvec__baseline *b = run->baseline;
    size_t n = b->partner_count, m = 0;
    double shares[64];
    for (size_t v = 0; v < b->vector_count; v++) {
        const double *value = w->value + v * n;
        double total = 0, squares = 0;
        for (size_t p = 0; p < n; p++) {
            total += value[p];
            squares += value[p] * value[p];
        }
        double hhi = total > 0 ? squares / (total * total) : 0;
        bloc_shares(run, value, total, shares);
        for (size_t k = 0; k < b->bloc_count; k++)
            record(run, m++, t, path, shares[k]);
        record(run, m++, t, path, balance_of(b, shares));
        record(run, m++, t, path, hhi);
        record(run, m++, t, path, total);
    }
    record(run, m++, t, path, at_risk);
    for (size_t c = 0; c < run->commodity_count; c++)
        for (size_t k = 0; k < 4; k++)
            record(run, m++, t, path, stranded[c * 4 + k]);
}

size_t mvec__run_metric_count(const mvec__run *run)
{
    return run->baseline->vector_count * (run->baseline->bloc_count + 3) + 1 +
           run->commodity_count * 4;
}

/* ---- rules ------------------------------------------------------------------------------- */

static double metric_now(const mvec__run *run, size_t metric, size_t t, size_t path)
{
    return run->out[(metric * (size_t)(run->years + 1) + t) * run->paths + path];
}

static size_t share_metric(const mvec__run *run, size_t vector, size_t bloc)
{
    return vector * (run->baseline->bloc_count + 3) + bloc;
}

/* The state a Lua condition sees: year, share[vector][bloc], balance[vector], opinion[ISO3],
 * exports_at_risk. */
static void push_state(mvec__run *run, worker *w, size_t path, size_t t, int year)
{
    lua_State *L = mvec__sandbox_state(run->sandbox);
    const mvec__baseline *b = run->baseline;
    lua_createtable(L, 0, 5);
    lua_pushinteger(L, year);
    lua_setfield(L, -2, "year");
    lua_createtable(L, 0, (int)b->vector_count);
    lua_createtable(L, 0, (int)b->vector_count);
    for (size_t v = 0; v < b->vector_count; v++) {
        lua_createtable(L, 0, (int)b->bloc_count);
        for (size_t k = 0; k < b->bloc_count; k++) {
            lua_pushnumber(L, metric_now(run, share_metric(run, v, k), t, path));
            lua_setfield(L, -2, mvec_bloc_name(run->scheme, k));
        }
        lua_setfield(L, -3, b->vectors[v].name);
        lua_pushnumber(L, metric_now(run, share_metric(run, v, b->bloc_count), t, path));
        lua_setfield(L, -2, b->vectors[v].name);
    }
    lua_setfield(L, -3, "balance");
    lua_setfield(L, -2, "share");
    lua_createtable(L, 0, (int)run->plan->opinion_count);
    for (size_t i = 0; i < run->plan->opinion_count; i++) {
        lua_pushnumber(L, w->opinion[i]);
        lua_setfield(L, -2, run->plan->opinions[i].partner->code);
    }
    lua_setfield(L, -2, "opinion");
    lua_pushnumber(L, metric_now(run, b->vector_count * (b->bloc_count + 3), t, path));
    lua_setfield(L, -2, "exports_at_risk");
}

/* A Lua condition or action, called inside a protected call (scenario_lua.h). */
typedef struct lua_job {
    mvec__run *run;
    worker *w;
    const mvec__rule *rule;
    size_t path, t;
    int year;
    bool holds;
    bool has_shock;
    mvec__shock shock;
} lua_job;

static mvec_status call_condition(void *user, lua_State *L)
{
    lua_job *job = user;
    lua_rawgeti(L, LUA_REGISTRYINDEX, job->rule->condition_ref);
    push_state(job->run, job->w, job->path, job->t, job->year);
    lua_call(L, 1, 1);
    job->holds = lua_toboolean(L, -1);
    lua_pop(L, 1);
    return MVEC_OK;
}

static mvec_status call_action(void *user, lua_State *L)
{
    lua_job *job = user;
    mvec__run *run = job->run;
    lua_rawgeti(L, LUA_REGISTRYINDEX, job->rule->action_ref);
    push_state(run, job->w, job->path, job->t, job->year);
    lua_call(L, 1, 1);
    mvec_status status = MVEC_OK;
    if (!lua_isnil(L, -1)) {
        job->has_shock = true;
        status = mvec__scenario_read_shock(job->w->ctx, L, run->baseline, run->scheme, run->network,
                                           run->countries, run->plan, &job->shock);
    }
    lua_pop(L, 1);
    return status;
}

static mvec_status rule_holds(mvec__run *run, worker *w, const mvec__rule *rule, size_t path,
                              size_t t, int year, bool *holds)
{
    if (rule->lua_condition) {
        lua_job job = {run, w, rule, path, t, year, false, false, {0}};
        char what[140];
        snprintf(what, sizeof what, "the condition of the rule at %s", rule->where);
        mvec_status status = mvec__sim_protected(w->ctx, run->sandbox, call_condition, &job, what);
        *holds = job.holds;
        return status;
    }
    double x = 0, y = rule->threshold;
    if (rule->opinion != SIZE_MAX) {
        x = w->opinion[rule->opinion];
    } else {
        x = metric_now(run, share_metric(run, rule->vector, rule->bloc), t, path);
        if (rule->other != SIZE_MAX)
            y = metric_now(run, share_metric(run, rule->vector, rule->other), t, path);
    }
    *holds = rule->test == MVEC__RULE_ABOVE ? x > y : x < y;
    return MVEC_OK;
}

static mvec_status prepare_shock(mvec__run *run, mvec_ctx *ctx, mvec__shock *s);

/* Start a copy of `shock` (relative timing) at `year`. */
static mvec_status start_local(mvec__run *run, worker *w, const mvec__shock *shock, int year,
                               size_t path, const char *why)
{
    mvec_status status = MVEC_OK;
    if (w->local_count == 100000)
        return mvec__error(w->ctx, MVEC_ERR_LIMIT,
                           "%s: more than 100,000 shocks drawn or triggered on one path",
                           shock->where);
    MVEC_TRY(
        mvec__grow(w->ctx, &w->local, &w->local_capacity, w->local_count + 1, sizeof *w->local));
    mvec__shock *s = &w->local[w->local_count++];
    *s = *shock;
    s->start = year;
    s->stop = shock->stop == INT32_MAX ? INT32_MAX : year + shock->stop;
    if (s->kind == MVEC__SHOCK_SHIFT)
        s->target_year = year + shock->target_year;
    if (path == 0)
        MVEC_TRY(mvec__buf_printf(w->ctx, &run->events, "%d: %s (%s, %s)\n", year, s->text, why,
                                  s->where));
cleanup:
    return status;
}

static mvec_status fire_rule(mvec__run *run, worker *w, const mvec__rule *rule, size_t path,
                             size_t t, int year)
{
    mvec_status status = MVEC_OK;
    if (!rule->lua_action)
        return start_local(run, w, &rule->shock, year + rule->lag, path, "rule");
    lua_job job = {run, w, rule, path, t, year, false, false, {0}};
    char what[140];
    snprintf(what, sizeof what, "the action of the rule at %s", rule->where);
    MVEC_TRY(mvec__sim_protected(w->ctx, run->sandbox, call_action, &job, what));
    if (!job.has_shock)
        return MVEC_OK;
    MVEC_TRY(prepare_shock(run, w->ctx, &job.shock));
    MVEC_TRY(start_local(run, w, &job.shock, year + rule->lag, path, "rule"));
cleanup:
    return status;
}

/* Per-shock constants: an embargo's share of each partner's exports it cuts, a target's
 * yearly growth. */
static mvec_status prepare_shock(mvec__run *run, mvec_ctx *ctx, mvec__shock *s)
{
    const mvec__baseline *b = run->baseline;
    if (s->kind == MVEC__SHOCK_EMBARGO) {
        if (b->chapter_total == NULL && !(b->world_chapter_total > 0))
            return mvec__error(ctx, MVEC_ERR_NO_DATA,
                               "%s: an embargo on HS chapters needs exports by chapter, which "
                               "%s has not",
                               s->where, b->country->code);
        for (size_t i = 0; i < s->partner_count; i++) {
            double share = 0;
            for (size_t k = 0; k < s->range_count; k++)
                share += mvec__baseline_chapter_share(b, s->partners[i], s->hs_lo[k], s->hs_hi[k]);
            s->partner_factor[i] = s->cut * (share > 1 ? 1 : share);
        }
    } else if (s->kind == MVEC__SHOCK_TARGET) {
        size_t p = s->partners[0], n = b->partner_count;
        double now = b->vectors[b->exports].value[p] + b->vectors[b->imports].value[p];
        (void)n;
        if (!(now > 0))
            return mvec__error(ctx, MVEC_ERR_NO_DATA, "%s: no trade with %s in %d to grow from",
                               s->where, b->partners[p]->code, run->base_year);
        s->growth = pow(s->target / now, 1.0 / (s->target_year - run->base_year));
    }
    return MVEC_OK;
}

mvec_status mvec__run_prepare(mvec_ctx *ctx, mvec__run *run, mvec__plan *plan)
{
    mvec_status status = MVEC_OK;
    const mvec__baseline *b = run->baseline;
    if (b->bloc_count > 64)
        MVEC_FAIL(ctx, MVEC_ERR_LIMIT, "a scenario takes a scheme of at most 64 blocs");
    MVEC_TRY(mvec__calloc(ctx, b->partner_count + 1, sizeof(size_t), &run->bloc_order));
    size_t used = 0;
    for (size_t k = 0; k < b->bloc_count; k++) {
        run->bloc_start[k] = used;
        for (size_t p = 1; p < b->partner_count; p++)
            if (b->bloc[p] == k)
                run->bloc_order[used++] = p;
    }
    run->bloc_start[b->bloc_count] = used;
    for (size_t i = 0; i < plan->shock_count; i++)
        MVEC_TRY(prepare_shock(run, ctx, &plan->shocks[i]));
    for (size_t i = 0; i < plan->chance_count; i++)
        MVEC_TRY(prepare_shock(run, ctx, &plan->chances[i].shock));
    for (size_t i = 0; i < plan->rule_count; i++)
        if (plan->rules[i].has_shock)
            MVEC_TRY(prepare_shock(run, ctx, &plan->rules[i].shock));
cleanup:
    return status;
}

/* ---- a path ------------------------------------------------------------------------------ */

static mvec_status run_year(mvec__run *run, worker *w, size_t path, size_t t)
{
    mvec_status status = MVEC_OK;
    const mvec__baseline *b = run->baseline;
    const mvec__plan *plan = run->plan;
    size_t n = b->partner_count;
    int year = run->base_year + (int)t;
    for (size_t i = 0; t > 0 && i < plan->chance_count; i++)
        if (gsl_rng_uniform(w->rng) < plan->chances[i].probability) {
            char why[40];
            snprintf(why, sizeof why, "drawn, p = %g", plan->chances[i].probability);
            MVEC_TRY(start_local(run, w, &plan->chances[i].shock, year, path, why));
        }
    for (size_t i = 0; i < b->vector_count * n; i++)
        w->factor[i] = 1;
    for (size_t p = 0; p < n; p++)
        w->reference[p] = 1;
    for (size_t l = 0; l < run->link_count; l++)
        w->capacity[l] = 1;
    if (t > 0) {
        for (size_t i = 0; i < plan->shock_count; i++)
            apply_shock(run, w, &plan->shocks[i], i, year);
        for (size_t i = 0; i < w->local_count; i++)
            apply_shock(run, w, &w->local[i], SIZE_MAX, year);
        for (size_t i = 0; i < plan->opinion_count; i++) {
            const mvec__opinion *o = &plan->opinions[i];
            double x = w->opinion[i] + o->trend +
                       (o->sd > 0 ? gsl_ran_gaussian_ziggurat(w->rng, o->sd) : 0);
            w->opinion[i] = x < 0 ? 0 : x > 1 ? 1 : x;
        }
    }
    for (size_t v = 0; v < b->vector_count; v++)
        for (size_t p = 0; p < n; p++)
            w->value[v * n + p] = b->vectors[v].value[p] * w->factor[v * n + p];
    /* volumes over the network; stranded value comes off the commodity's chapter */
    double stranded[MVEC__SIM_MAX_COMMODITIES * 4] = {0};
    double *exports = w->value + b->exports * n;
    for (size_t c = 0; c < run->commodity_count; c++) {
        mvec_reroute r;
        MVEC_TRY(reroute(run, w, c, run->commodity_year[c], &r));
        stranded[c * 4] = r.volume;
        stranded[c * 4 + 1] = r.rerouted;
        stranded[c * 4 + 2] = r.stranded_high;
        stranded[c * 4 + 3] = r.stranded_low;
        double loss = r.stranded_high * run->commodity_usd[c];
        if (!(loss > 0))
            continue;
        int ch = run->commodity_chapter[c];
        double weight = 0;
        for (size_t p = 1; p < n; p++)
            weight += exports[p] * mvec__baseline_chapter_share(b, p, ch, ch);
        for (size_t p = 1; p < n && weight > 0; p++) {
            double in_chapter = exports[p] * mvec__baseline_chapter_share(b, p, ch, ch);
            double cut = loss * in_chapter / weight;
            exports[p] -= cut < in_chapter ? cut : in_chapter;
        }
    }
    if (b->total != SIZE_MAX)
        for (size_t p = 0; p < n; p++)
            w->value[b->total * n + p] = exports[p] + w->value[b->imports * n + p];
    double reference = 0, actual = 0;
    for (size_t p = 0; p < n; p++) {
        reference += b->vectors[b->exports].value[p] * w->reference[p];
        actual += exports[p];
    }
    measure(run, w, path, t, stranded, reference - actual);
    /* rules see this year and act from a later one */
    for (size_t i = 0; t > 0 && i < plan->rule_count; i++) {
        const mvec__rule *rule = &plan->rules[i];
        if (rule->once && w->fired[i])
            continue;
        bool holds = false;
        MVEC_TRY(rule_holds(run, w, rule, path, t, year, &holds));
        if (!holds)
            continue;
        w->fired[i] = true;
        MVEC_TRY(fire_rule(run, w, rule, path, t, year));
    }
cleanup:
    return status;
}

static mvec_status run_path(mvec__run *run, worker *w, size_t path)
{
    mvec_status status = MVEC_OK;
    const mvec__plan *plan = run->plan;
    gsl_rng_set(w->rng, (unsigned long)(splitmix64(run->seed ^ splitmix64(path)) >> 32));
    w->local_count = 0;
    for (size_t i = 0; i < plan->rule_count; i++)
        w->fired[i] = false;
    for (size_t i = 0; i < plan->opinion_count; i++)
        w->opinion[i] = plan->opinions[i].value;
    for (size_t i = 0; i < plan->shock_count * run->baseline->bloc_count; i++)
        w->level[i] = 0;
    if (path == 0)
        for (size_t i = 0; i < plan->shock_count; i++) {
            const mvec__shock *s = &plan->shocks[i];
            if (s->kind != MVEC__SHOCK_VOLATILITY)
                MVEC_TRY(mvec__buf_printf(w->ctx, &run->events, "%d: %s (%s)\n", s->start, s->text,
                                          s->where));
        }
    for (size_t t = 0; t <= (size_t)run->years; t++)
        MVEC_TRY(run_year(run, w, path, t));
cleanup:
    return status;
}

/* ---- progress and cancel: on the caller's thread only -----------------------------------
 *
 * Worker 0 runs on the caller's thread and, between paths, reports the paths done by all
 * workers and consults the cancel callback (both at most every 50 ms); once it has finished
 * its own paths the caller keeps doing so while the others run. Cancelling sets `stop`, which
 * every worker reads between paths. */

typedef struct monitor {
    mvec_ctx *ctx; /* the caller's */
    struct timespec start;
    double last; /* seconds since start of the last report */
    char task[96];
} monitor;

static double seconds_since(const struct timespec *start)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (double)(now.tv_sec - start->tv_sec) + (double)(now.tv_nsec - start->tv_nsec) / 1e9;
}

/* Report and consult the cancel callback when 50 ms have passed (or `force`). */
static mvec_status monitor_tick(mvec_ctx *ctx, mvec__run *run, monitor *m, bool force)
{
    double now = seconds_since(&m->start);
    if (!force && now - m->last < 0.05)
        return MVEC_OK;
    m->last = now;
    mvec_progress report = {.task = m->task,
                            .rows = atomic_load(&run->paths_done),
                            .total_rows = run->paths,
                            .elapsed_seconds = now,
                            .unit = "paths"};
    mvec__progress(ctx, &report);
    mvec_status status = mvec__check_cancel(ctx);
    if (status != MVEC_OK)
        atomic_store(&run->stop, true);
    return status;
}

static void *work_monitored(worker *w, monitor *m)
{
    mvec__run *run = w->run;
    for (size_t path = w->first; path < w->last && w->status == MVEC_OK; path++) {
        if (atomic_load_explicit(&run->stop, memory_order_relaxed))
            break;
        w->status = run_path(run, w, path);
        atomic_fetch_add_explicit(&run->paths_done, 1, memory_order_relaxed);
        if (m != NULL && w->status == MVEC_OK)
            w->status = monitor_tick(m->ctx, run, m, false);
    }
    if (w->status != MVEC_OK) {
        atomic_store(&run->stop, true);
        snprintf(w->message, sizeof w->message, "%s", mvec_ctx_error_message(w->ctx));
    }
    atomic_fetch_sub(&run->workers_running, 1);
    return NULL;
}

static void *work(void *arg)
{
    return work_monitored(arg, NULL);
}

static mvec_status worker_init(mvec__run *run, worker *w, mvec_ctx *ctx)
{
    mvec_status status = MVEC_OK;
    const mvec__baseline *b = run->baseline;
    size_t n = b->partner_count, links = run->link_count ? run->link_count : 1;
    w->run = run;
    w->ctx = ctx;
    w->rng = gsl_rng_alloc(gsl_rng_mt19937);
    if (w->rng == NULL)
        return mvec__error(ctx, MVEC_ERR_NOMEM, "out of memory for a random number generator");
    MVEC_TRY(mvec__calloc(ctx, b->vector_count * n, sizeof(double), &w->factor));
    MVEC_TRY(mvec__calloc(ctx, b->vector_count * n, sizeof(double), &w->value));
    MVEC_TRY(mvec__calloc(ctx, n, sizeof(double), &w->reference));
    MVEC_TRY(mvec__calloc(ctx, links, sizeof(double), &w->capacity));
    MVEC_TRY(mvec__calloc(ctx, links, sizeof(double), &w->key));
    MVEC_TRY(
        mvec__calloc(ctx, run->plan->shock_count * b->bloc_count + 1, sizeof(double), &w->level));
    MVEC_TRY(mvec__calloc(ctx, run->plan->opinion_count + 1, sizeof(double), &w->opinion));
    MVEC_TRY(mvec__calloc(ctx, run->plan->rule_count + 1, sizeof(bool), &w->fired));
    MVEC_TRY(mvec__calloc(ctx, CACHE_SLOTS, sizeof *w->cache, &w->cache));
    MVEC_TRY(mvec__calloc(ctx, CACHE_SLOTS * links, sizeof(double), &w->cache_factors));
    for (size_t i = 0; i < CACHE_SLOTS; i++)
        w->cache[i].factors = w->cache_factors + i * links;
cleanup:
    return status;
}

static void worker_clear(worker *w, mvec_ctx *ctx)
{
    if (w->rng)
        gsl_rng_free(w->rng);
    mvec__free(ctx, w->factor);
    mvec__free(ctx, w->value);
    mvec__free(ctx, w->reference);
    mvec__free(ctx, w->capacity);
    mvec__free(ctx, w->key);
    mvec__free(ctx, w->level);
    mvec__free(ctx, w->opinion);
    mvec__free(ctx, w->fired);
    mvec__free(ctx, w->cache);
    mvec__free(ctx, w->cache_factors);
    mvec__free(ctx, w->local);
}

static unsigned thread_count(const mvec__run *run)
{
    unsigned threads = run->threads;
    if (threads == 0) {
        long cores = sysconf(_SC_NPROCESSORS_ONLN);
        threads = cores > 0 ? (unsigned)cores : 1;
    }
    if (threads > 64)
        threads = 64;
    /* Lua rules run in the one sandbox; a few paths are not worth a thread */
    if (run->plan->uses_lua || run->paths < 64)
        threads = 1;
    if (threads > run->paths)
        threads = (unsigned)run->paths;
    return threads;
}

mvec_status mvec__run_paths(mvec_ctx *ctx, mvec__run *run)
{
    mvec_status status = MVEC_OK;
    unsigned threads = thread_count(run);
    worker workers[64];
    pthread_t ids[64];
    unsigned started = 0;
    memset(workers, 0, sizeof workers);
    /* worker 0 runs on this thread with the caller's context; the others get their own */
    for (unsigned i = 0; i < threads; i++) {
        mvec_ctx *wctx = i == 0 ? ctx : mvec_ctx_new(NULL, NULL);
        if (wctx == NULL)
            MVEC_FAIL(ctx, MVEC_ERR_NOMEM, "out of memory for a thread's context");
        workers[i].ctx = wctx;
        MVEC_TRY(worker_init(run, &workers[i], wctx));
        workers[i].first = run->paths * i / threads;
        workers[i].last = run->paths * (i + 1) / threads;
    }
    monitor m = {.ctx = ctx, .last = 0};
    clock_gettime(CLOCK_MONOTONIC, &m.start);
    snprintf(m.task, sizeof m.task, "simulating %zu paths x %d years", run->paths, run->years);
    atomic_store(&run->paths_done, 0);
    atomic_store(&run->stop, false);
    atomic_store(&run->workers_running, threads);
    for (unsigned i = 1; i < threads; i++) {
        if (pthread_create(&ids[i], NULL, work, &workers[i]) != 0)
            break;
        started = i;
    }
    /* paths of threads that could not start run here, after worker 0's */
    work_monitored(&workers[0], &m);
    while (atomic_load(&run->workers_running) > threads - 1 - started) {
        struct timespec pause = {0, 20 * 1000 * 1000};
        nanosleep(&pause, NULL);
        if (workers[0].status == MVEC_OK)
            workers[0].status = monitor_tick(ctx, run, &m, false);
    }
    for (unsigned i = 1; i <= started; i++)
        pthread_join(ids[i], NULL);
    for (unsigned i = started + 1; i < threads && workers[0].status == MVEC_OK; i++)
        work_monitored(&workers[i], &m); /* its own context: nobody else uses it now */
    if (workers[0].status == MVEC_OK)
        workers[0].status = monitor_tick(ctx, run, &m, true);
    for (unsigned i = 0; i < threads && status == MVEC_OK; i++)
        if (workers[i].status != MVEC_OK) {
            status = workers[i].status;
            if (i != 0)
                mvec__error(ctx, status, "%s", workers[i].message);
        }
cleanup:
    for (unsigned i = 0; i < threads; i++) {
        mvec_ctx *wctx = workers[i].ctx;
        worker_clear(&workers[i], wctx ? wctx : ctx);
        if (wctx && wctx != ctx)
            mvec_ctx_free(wctx);
    }
    return status;
}
