/*
 * mvec_scenario.h - scenarios: a Lua script of shocks and rules run year by
 * year on a country's baseline (docs/scenarios.md, docs/methods.md section 19).
 *
 * The baseline is the profile of one year (the base year): each vector with
 * values in a currency (trade.exports, trade.imports, fdi.stock,
 * debt.external, ...) keeps its partners' values; exports are split by HS
 * chapter with the built-in table data/kaz/exports_by_chapter.csv; the
 * corridor network (mvec_network.h) carries the commodities' volumes. Each
 * simulated year applies the shocks in force (embargoes, route closures,
 * sanctions, trade targets, shifts, noise), reroutes the volumes of closed
 * links over the network within capacity, and recomputes bloc shares,
 * balance and concentration. Conditional rules are evaluated every year;
 * random shocks are drawn every year with their probability.
 *
 * With several paths, each metric of each year is reported as the 5th
 * percentile, the median and the 95th percentile over the paths (nearest
 * rank). Path k draws its random numbers from its own generator seeded with
 * (seed, k), so the result is the same byte for byte for any thread count.
 *
 * Scripts run in a Lua 5.4 sandbox (no io, os, require, debug, bytecode;
 * memory, instruction and time caps per call): a hostile or runaway script
 * ends with MVEC_ERR_LIMIT, a broken one with MVEC_ERR_PARSE.
 *
 * Cost: O(P x Y x (n + s + r)) for P paths, Y years, n partners, s shocks and
 * r rules, plus one max-flow per distinct set of link capacities of a
 * commodity (kept per thread), plus O(P) per metric and year for the
 * percentiles. Rules written as Lua functions add a Lua call per rule, path
 * and year.
 */
#ifndef MVEC_SCENARIO_H
#define MVEC_SCENARIO_H

#include <stddef.h>
#include <stdint.h>

#include "mvec_bloc.h"
#include "mvec_network.h"
#include "mvec_obs.h"
#include "mvec_write.h"

typedef struct mvec_simulate_options {
    size_t size;         /* sizeof the struct: set by MVEC_SIMULATE_OPTIONS_INIT */
    const char *country; /* NULL: the script's, else "KAZ" */
    int base_year;       /* 0: the script's, else the latest year with trade data */
    int years;           /* years simulated after the base year; 0: the script's, else 10 */
    size_t paths;        /* 0: 1 */
    uint64_t seed;       /* of path 0's generator; path k uses (seed, k) */
    unsigned threads;    /* 0: one per online core */
} mvec_simulate_options;

#define MVEC_SIMULATE_OPTIONS_INIT                                                                 \
    {                                                                                              \
        sizeof(mvec_simulate_options), NULL, 0, 0, 0, 1, 0                                         \
    }

/* Limits: a script of at most 1 MiB, 1,000 shocks and rules, 1,000,000 paths,
 * 100 years; paths x years x metrics at most 2^28. */
enum {
    MVEC_SCENARIO_MAX_SCRIPT_BYTES = 1 << 20,
    MVEC_SCENARIO_MAX_PATHS = 1000000,
    MVEC_SCENARIO_MAX_YEARS = 100,
};

typedef struct mvec_simulation mvec_simulation;

/* What one metric measures. Names: "<vector>.share.<bloc>" (a fraction),
 * "<vector>.balance", "<vector>.hhi", "<vector>.value" (in the vector's unit),
 * "exports.at_risk" (USD lost to the shocks against the baseline),
 * "<commodity>.volume", "<commodity>.rerouted", "<commodity>.stranded" (in
 * the network's unit; stranded counts unknown capacities as zero, the
 * cautious end of the interval) and "<commodity>.stranded_low" (unknown
 * capacities as unlimited). */
typedef struct mvec_metric_info {
    const char *name;
    const char *unit;   /* "fraction", "index", "USD", "mt/yr", ... */
    const char *vector; /* the vector or commodity it belongs to */
    const char *label;  /* a short column heading: "CHN", "balance", "at risk" */
} mvec_metric_info;

typedef struct mvec_band {
    double p5;
    double median;
    double p95;
} mvec_band;

/* Run the scenario script `text` (named `name` in messages) on `observations`
 * under `scheme`. `network` may be NULL (route shocks are then refused).
 * `options` may be NULL (defaults).
 * Statuses: MVEC_ERR_PARSE for a script with a syntax or runtime error, or a
 * call with a wrong argument (name:line: message); MVEC_ERR_LIMIT for a
 * script over a cap (memory, instructions, time, size) or options over the
 * limits above; MVEC_ERR_INVALID for bad options or an unknown country;
 * MVEC_ERR_NO_DATA when the base year has no trade data to start from;
 * MVEC_ERR_SOLVER; MVEC_ERR_NOMEM; MVEC_ERR_CANCELLED; MVEC_ERR_INTERNAL. */
MVEC_API mvec_status mvec_simulate(mvec_ctx *ctx, const mvec_observations *observations,
                                   const mvec_bloc_scheme *scheme, const mvec_network *network,
                                   const char *name, const char *text, size_t length,
                                   const mvec_simulate_options *options, mvec_simulation **out);
MVEC_API void mvec_simulation_free(mvec_ctx *ctx, mvec_simulation *simulation);

MVEC_API const char *mvec_simulation_title(const mvec_simulation *simulation);
MVEC_API const char *mvec_simulation_country(const mvec_simulation *simulation);
MVEC_API size_t mvec_simulation_paths(const mvec_simulation *simulation);
MVEC_API uint64_t mvec_simulation_seed(const mvec_simulation *simulation);
/* Years: index 0 is the base year (the data), then one per simulated year. */
MVEC_API size_t mvec_simulation_year_count(const mvec_simulation *simulation);
MVEC_API int mvec_simulation_year(const mvec_simulation *simulation, size_t index);
MVEC_API size_t mvec_simulation_metric_count(const mvec_simulation *simulation);
MVEC_API const mvec_metric_info *mvec_simulation_metric(const mvec_simulation *simulation,
                                                        size_t metric);
/* Index of the metric called `name`, or SIZE_MAX. */
MVEC_API size_t mvec_simulation_find_metric(const mvec_simulation *simulation, const char *name);
MVEC_API mvec_band mvec_simulation_band(const mvec_simulation *simulation, size_t metric,
                                        size_t year_index);
/* What happened on path 0, one line per event ("2024: embargo by RUS on HS 01-24 ..."),
 * and the notes on how the baseline was made (coarse assumptions, sources). */
MVEC_API size_t mvec_simulation_event_count(const mvec_simulation *simulation);
MVEC_API const char *mvec_simulation_event(const mvec_simulation *simulation, size_t index);
MVEC_API size_t mvec_simulation_note_count(const mvec_simulation *simulation);
MVEC_API const char *mvec_simulation_note(const mvec_simulation *simulation, size_t index);

/* The trajectory: text tables (the great powers' shares, balance and value of each vector;
 * exports at risk and each commodity's volume, rerouted and stranded volume; path 0's
 * events; notes), CSV (scenario, country, year, metric, unit, paths, p5, median, p95) or
 * JSON. `scheme` names the great powers shown in the text. Flags: MVEC_WRITE_EXACT.
 * Statuses: MVEC_ERR_IO (the sink failed), MVEC_ERR_LIMIT, MVEC_ERR_NOMEM. */
MVEC_API mvec_status mvec_simulation_write(mvec_ctx *ctx, const mvec_simulation *simulation,
                                           const mvec_bloc_scheme *scheme, mvec_format format,
                                           unsigned flags, const mvec_sink *sink);

#endif
