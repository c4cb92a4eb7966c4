/*
 * simulate.c - mvec_simulate: run the script in the sandbox, read its plan,
 * build the baseline, run the paths, and keep each metric's percentiles.
 */
#include <lauxlib.h>
#include <lua.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine.h"
#include "scenario_lua.h"

struct mvec_simulation {
    char title[200];
    char country[8];
    size_t paths;
    uint64_t seed;
    size_t year_count;
    int base_year;
    size_t metric_count;
    mvec_metric_info *metrics;
    char *metric_text; /* the metrics' strings, NUL-separated */
    mvec_band *bands;  /* metric x year */
    char *events;      /* lines */
    const char **event_lines;
    size_t event_count;
    char *notes;
    const char **note_lines;
    size_t note_count;
};

void mvec__plan_clear(mvec_ctx *ctx, mvec__plan *plan)
{
    mvec__free(ctx, plan->shocks);
    mvec__free(ctx, plan->chances);
    mvec__free(ctx, plan->rules);
    mvec__free(ctx, plan->opinions);
    memset(plan, 0, sizeof *plan);
}

/* ---- percentiles -------------------------------------------------------------------------- */

/* The k-th smallest of a[0..n) (0-based), rearranging a. Expected O(n). */
static double select_kth(double *a, size_t n, size_t k)
{
    size_t lo = 0, hi = n - 1;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        /* median of three as the pivot */
        double x = a[lo], y = a[mid], z = a[hi];
        double pivot = x < y ? (y < z ? y : (x < z ? z : x)) : (x < z ? x : (y < z ? z : y));
        size_t i = lo, j = hi;
        while (i <= j) {
            while (a[i] < pivot)
                i++;
            while (a[j] > pivot)
                j--;
            if (i <= j) {
                double t = a[i];
                a[i] = a[j];
                a[j] = t;
                i++;
                if (j == 0)
                    break;
                j--;
            }
        }
        if (k <= j)
            hi = j;
        else if (k >= i)
            lo = i;
        else
            return a[k];
    }
    return a[k];
}

/* Nearest rank: the ceil(q n)-th smallest value. NaN values (a metric with no value, such as
 * a balance without great powers) give NaN. */
static mvec_band band_of(double *values, size_t n)
{
    mvec_band band = {NAN, NAN, NAN};
    for (size_t i = 0; i < n; i++)
        if (isnan(values[i]))
            return band;
    size_t k5 = (size_t)ceil(0.05 * (double)n), k50 = (size_t)ceil(0.5 * (double)n),
           k95 = (size_t)ceil(0.95 * (double)n);
    band.p5 = select_kth(values, n, k5 ? k5 - 1 : 0);
    band.median = select_kth(values, n, k50 ? k50 - 1 : 0);
    band.p95 = select_kth(values, n, k95 ? k95 - 1 : 0);
    return band;
}

/* ---- metric names ------------------------------------------------------------------------- */

static mvec_status describe_metrics(mvec_ctx *ctx, const mvec__run *run, mvec_simulation *sim)
{
    mvec_status status = MVEC_OK;
    const mvec__baseline *b = run->baseline;
    mvec__buf text = MVEC__BUF_INIT(1 << 20);
    /* four strings per metric: name, unit, vector, label */
    for (size_t v = 0; v < b->vector_count; v++) {
        const char *name = b->vectors[v].name;
        for (size_t k = 0; k < b->bloc_count; k++) {
            const char *bloc = mvec_bloc_name(run->scheme, k);
            MVEC_TRY(mvec__buf_printf(ctx, &text, "%s.share.%s%cfraction%c%s%c%s%c", name, bloc, 0,
                                      0, name, 0, bloc, 0));
        }
        MVEC_TRY(mvec__buf_printf(ctx, &text, "%s.balance%cindex%c%s%cbalance%c", name, 0, 0, name,
                                  0, 0));
        MVEC_TRY(mvec__buf_printf(ctx, &text, "%s.hhi%cindex%c%s%cHHI%c", name, 0, 0, name, 0, 0));
        MVEC_TRY(mvec__buf_printf(ctx, &text, "%s.value%c%s%c%s%cvalue%c", name, 0,
                                  b->vectors[v].dimension, 0, name, 0, 0));
    }
    MVEC_TRY(
        mvec__buf_printf(ctx, &text, "exports.at_risk%cUSD%ctrade.exports%cat risk%c", 0, 0, 0, 0));
    static const char *const PARTS[4] = {"volume", "rerouted", "stranded", "stranded_low"};
    for (size_t c = 0; c < run->commodity_count; c++) {
        const char *unit = "";
        for (size_t l = 0; l < run->link_count; l++)
            if (run->link_commodity[l] == c)
                unit = mvec_network_link_at(run->network, l)->unit;
        for (size_t k = 0; k < 4; k++)
            MVEC_TRY(mvec__buf_printf(ctx, &text, "%s.%s%c%s%c%s%c%s%c", run->commodities[c],
                                      PARTS[k], 0, unit, 0, run->commodities[c], 0, PARTS[k], 0));
    }
    MVEC_TRY(mvec__calloc(ctx, run->metric_count, sizeof *sim->metrics, &sim->metrics));
    sim->metric_text = mvec__buf_take(&text);
    const char *p = sim->metric_text;
    for (size_t m = 0; m < run->metric_count; m++) {
        const char **fields[4] = {&sim->metrics[m].name, &sim->metrics[m].unit,
                                  &sim->metrics[m].vector, &sim->metrics[m].label};
        for (size_t k = 0; k < 4; k++) {
            *fields[k] = p;
            p += strlen(p) + 1;
        }
    }
    sim->metric_count = run->metric_count;
cleanup:
    mvec__buf_clear(ctx, &text);
    return status;
}

static mvec_status split_lines(mvec_ctx *ctx, mvec__buf *buf, char **text, const char ***lines,
                               size_t *count)
{
    mvec_status status = MVEC_OK;
    size_t n = 0;
    for (size_t i = 0; i < buf->length; i++)
        n += buf->data[i] == '\n';
    *text = mvec__buf_take(buf);
    MVEC_TRY(mvec__calloc(ctx, n + 1, sizeof **lines, lines));
    char *p = *text;
    for (size_t i = 0; i < n; i++) {
        char *end = strchr(p, '\n');
        *end = '\0';
        (*lines)[i] = p;
        p = end + 1;
    }
    *count = n;
cleanup:
    return status;
}

/* ---- the network's commodities ---------------------------------------------------------- */

static mvec_status setup_network(mvec_ctx *ctx, mvec__run *run, const mvec__plan *plan,
                                 mvec__buf *notes)
{
    mvec_status status = MVEC_OK;
    const mvec_network *net = run->network;
    run->link_count = net ? mvec_network_link_count(net) : 0;
    if (run->link_count == 0)
        return MVEC_OK;
    MVEC_TRY(mvec__calloc(ctx, run->link_count, sizeof *run->link_commodity, &run->link_commodity));
    for (size_t l = 0; l < run->link_count; l++) {
        const char *commodity = mvec_network_link_at(net, l)->commodity;
        size_t c = 0;
        while (c < run->commodity_count && strcmp(run->commodities[c], commodity) != 0)
            c++;
        if (c == run->commodity_count) {
            if (c == MVEC__SIM_MAX_COMMODITIES)
                MVEC_FAIL(ctx, MVEC_ERR_LIMIT, "the network has more than %d commodities",
                          MVEC__SIM_MAX_COMMODITIES);
            run->commodities[c] = commodity;
            run->commodity_usd[c] = NAN;
            run->commodity_count++;
            for (size_t i = 0; i < plan->value_count; i++)
                if (strcmp(plan->values[i].commodity, commodity) == 0) {
                    run->commodity_usd[c] = plan->values[i].usd_per_unit;
                    run->commodity_chapter[c] = plan->values[i].chapter;
                }
        }
        run->link_commodity[l] = c;
    }
    /* the year of the network's figures: the one whose rows give the most volumes (the year
     * its sources cover best), the nearest to the base year among those */
    for (size_t c = 0; c < run->commodity_count; c++) {
        run->commodity_year[c] =
            plan->network_year ? plan->network_year
                               : mvec_network_best_year(net, run->commodities[c], run->base_year);
        MVEC_TRY(mvec__buf_printf(ctx, notes,
                                  "%s: the corridor network's volumes and capacities of %d (%s), "
                                  "every simulated year\n",
                                  run->commodities[c], run->commodity_year[c],
                                  plan->network_year ? "the script's network_year"
                                                     : "the year its sources cover best, "
                                                       "nearest the base year"));
    }
cleanup:
    return status;
}

static mvec_status make_bands(mvec_ctx *ctx, const mvec__run *run, mvec_simulation *sim)
{
    mvec_status status = MVEC_OK;
    size_t years = (size_t)run->years + 1;
    MVEC_TRY(mvec__calloc(ctx, run->metric_count * years, sizeof *sim->bands, &sim->bands));
    for (size_t m = 0; m < run->metric_count; m++) {
        for (size_t t = 0; t < years; t++)
            sim->bands[m * years + t] =
                band_of(run->out + (m * years + t) * run->paths, run->paths);
        MVEC_TRY(mvec__check_cancel(ctx));
    }
cleanup:
    return status;
}

typedef struct read_job {
    mvec_ctx *ctx;
    const char *name;
    mvec__plan *plan;
    const mvec__baseline *baseline;
    const mvec_bloc_scheme *scheme;
    const mvec_network *network;
    const mvec_countries *countries;
} read_job;

static mvec_status read_header(void *user, lua_State *L)
{
    read_job *job = user;
    return mvec__scenario_header(job->ctx, L, job->name, job->plan);
}

static mvec_status read_plan(void *user, lua_State *L)
{
    read_job *job = user;
    return mvec__scenario_read(job->ctx, L, job->baseline, job->scheme, job->network,
                               job->countries, job->plan);
}

mvec_status mvec_simulate(mvec_ctx *ctx, const mvec_observations *observations,
                          const mvec_bloc_scheme *scheme, const mvec_network *network,
                          const char *name, const char *text, size_t length,
                          const mvec_simulate_options *options, mvec_simulation **out)
{
    mvec_status status = MVEC_OK;
    mvec_simulate_options given = MVEC_SIMULATE_OPTIONS_INIT;
    mvec__sandbox *box = NULL;
    mvec__plan plan;
    mvec__baseline baseline;
    mvec__run run;
    mvec_simulation *sim = NULL;
    mvec__buf notes = MVEC__BUF_INIT(1 << 20);
    memset(&plan, 0, sizeof plan);
    memset(&baseline, 0, sizeof baseline);
    memset(&run, 0, sizeof run);
    bool lock = false;
    *out = NULL;
    MVEC_TRY(mvec__options_read(ctx, "mvec_simulate_options", "MVEC_SIMULATE_OPTIONS_INIT", &given,
                                sizeof given, sizeof given, options));
    if (given.paths > MVEC_SCENARIO_MAX_PATHS)
        MVEC_FAIL(ctx, MVEC_ERR_LIMIT, "at most %d paths", MVEC_SCENARIO_MAX_PATHS);
    if (given.years < 0 || given.years > MVEC_SCENARIO_MAX_YEARS)
        MVEC_FAIL(ctx, MVEC_ERR_INVALID, "years must be from 1 to %d", MVEC_SCENARIO_MAX_YEARS);
    if (length > MVEC_SCENARIO_MAX_SCRIPT_BYTES)
        MVEC_FAIL(ctx, MVEC_ERR_LIMIT, "%s: a scenario script is at most 1 MiB", name);
    mvec__sandbox_limits limits;
    mvec__sandbox_default_limits(&limits);
    MVEC_TRY(mvec__sandbox_new(ctx, &limits, &box));
    MVEC_TRY(mvec__scenario_register(ctx, box, name));
    MVEC_TRY(mvec__sandbox_run(ctx, box, name, text, length));
    read_job job = {
        ctx, name, &plan, &baseline, scheme, network, mvec_observations_countries(observations)};
    MVEC_TRY(mvec__sim_protected(ctx, box, read_header, &job, "reading the scenario"));
    const char *country = given.country ? given.country : plan.country[0] ? plan.country : "KAZ";
    int base_year = given.base_year ? given.base_year : plan.base_year;
    MVEC_TRY(
        mvec__baseline_build(ctx, observations, scheme, country, base_year, &baseline, &notes));
    plan.base_year = baseline.year;
    if (given.years)
        plan.years = given.years;
    MVEC_TRY(mvec__sim_protected(ctx, box, read_plan, &job, "reading the scenario"));
    run.baseline = &baseline;
    run.plan = &plan;
    run.network = network;
    run.scheme = scheme;
    run.countries = mvec_observations_countries(observations);
    run.base_year = baseline.year;
    run.years = plan.years;
    run.paths = given.paths ? given.paths : 1;
    run.seed = given.seed;
    run.threads = given.threads;
    run.sandbox = box;
    run.events = (mvec__buf)MVEC__BUF_INIT(1 << 24);
    MVEC_TRY(setup_network(ctx, &run, &plan, &notes));
    run.metric_count = mvec__run_metric_count(&run);
    double cells = (double)run.metric_count * (run.years + 1) * (double)run.paths;
    if (cells > (double)(1u << 28))
        MVEC_FAIL(ctx, MVEC_ERR_LIMIT,
                  "%zu paths x %d years x %zu metrics is over the limit of 2^28 values: use "
                  "fewer paths or years",
                  run.paths, run.years, run.metric_count);
    MVEC_TRY(
        mvec__alloc(ctx, (size_t)cells * sizeof(double), &run.out)); /* every cell is written */
    MVEC_TRY(mvec__run_prepare(ctx, &run, &plan));
    if (pthread_mutex_init(&run.network_lock, NULL) != 0)
        MVEC_FAIL(ctx, MVEC_ERR_NOMEM, "cannot make a mutex");
    lock = true;
    MVEC_TRY(mvec__run_paths(ctx, &run));
    MVEC_TRY(mvec__calloc(ctx, 1, sizeof *sim, &sim));
    snprintf(sim->title, sizeof sim->title, "%s", plan.title);
    snprintf(sim->country, sizeof sim->country, "%s", baseline.country->code);
    sim->paths = run.paths;
    sim->seed = run.seed;
    sim->year_count = (size_t)run.years + 1;
    sim->base_year = run.base_year;
    MVEC_TRY(describe_metrics(ctx, &run, sim));
    MVEC_TRY(make_bands(ctx, &run, sim));
    for (size_t c = 0; c < run.commodity_count; c++)
        if (isnan(run.commodity_usd[c]))
            MVEC_TRY(mvec__buf_printf(ctx, &notes,
                                      "%s: stranded volume is not valued (the script gives no "
                                      "value{commodity = \"%s\", ...})\n",
                                      run.commodities[c], run.commodities[c]));
    MVEC_TRY(split_lines(ctx, &run.events, &sim->events, &sim->event_lines, &sim->event_count));
    MVEC_TRY(split_lines(ctx, &notes, &sim->notes, &sim->note_lines, &sim->note_count));
    *out = sim;
    sim = NULL;
cleanup:
    if (lock)
        pthread_mutex_destroy(&run.network_lock);
    mvec_simulation_free(ctx, sim);
    mvec__free(ctx, run.out);
    mvec__free(ctx, run.link_commodity);
    mvec__free(ctx, run.bloc_order);
    mvec__buf_clear(ctx, &run.events);
    mvec__buf_clear(ctx, &notes);
    mvec__baseline_clear(ctx, &baseline);
    mvec__plan_clear(ctx, &plan);
    mvec__sandbox_free(ctx, box);
    return status;
}

void mvec_simulation_free(mvec_ctx *ctx, mvec_simulation *sim)
{
    if (sim == NULL)
        return;
    mvec__free(ctx, sim->metrics);
    mvec__free(ctx, sim->metric_text);
    mvec__free(ctx, sim->bands);
    mvec__free(ctx, sim->events);
    mvec__free(ctx, sim->event_lines);
    mvec__free(ctx, sim->notes);
    mvec__free(ctx, sim->note_lines);
    mvec__free(ctx, sim);
}

const char *mvec_simulation_title(const mvec_simulation *sim)
{
    return sim->title;
}
const char *mvec_simulation_country(const mvec_simulation *sim)
{
    return sim->country;
}
size_t mvec_simulation_paths(const mvec_simulation *sim)
{
    return sim->paths;
}
uint64_t mvec_simulation_seed(const mvec_simulation *sim)
{
    return sim->seed;
}
size_t mvec_simulation_year_count(const mvec_simulation *sim)
{
    return sim->year_count;
}

int mvec_simulation_year(const mvec_simulation *sim, size_t index)
{
    return sim->base_year + (int)index;
}

size_t mvec_simulation_metric_count(const mvec_simulation *sim)
{
    return sim->metric_count;
}

const mvec_metric_info *mvec_simulation_metric(const mvec_simulation *sim, size_t metric)
{
    return metric < sim->metric_count ? &sim->metrics[metric] : NULL;
}

size_t mvec_simulation_find_metric(const mvec_simulation *sim, const char *name)
{
    for (size_t m = 0; m < sim->metric_count; m++)
        if (strcmp(sim->metrics[m].name, name) == 0)
            return m;
    return SIZE_MAX;
}

mvec_band mvec_simulation_band(const mvec_simulation *sim, size_t metric, size_t year_index)
{
    mvec_band none = {NAN, NAN, NAN};
    if (metric >= sim->metric_count || year_index >= sim->year_count)
        return none;
    return sim->bands[metric * sim->year_count + year_index];
}

size_t mvec_simulation_event_count(const mvec_simulation *sim)
{
    return sim->event_count;
}

const char *mvec_simulation_event(const mvec_simulation *sim, size_t index)
{
    return index < sim->event_count ? sim->event_lines[index] : NULL;
}

size_t mvec_simulation_note_count(const mvec_simulation *sim)
{
    return sim->note_count;
}

const char *mvec_simulation_note(const mvec_simulation *sim, size_t index)
{
    return index < sim->note_count ? sim->note_lines[index] : NULL;
}
