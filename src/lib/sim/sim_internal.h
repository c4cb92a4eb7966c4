/*
 * sim_internal.h - the scenario engine's shared types: the baseline, the
 * shocks a script declares, and the rules.
 *
 * Flow: scenario_lua.c runs the script in the sandbox and turns its
 * declarations into a mvec__plan (shocks, chances, rules); baseline.c builds
 * the base year's partner values from the profile and the chapter table;
 * engine.c runs the paths; simulation.c holds and serves the results.
 */
#ifndef MVEC_SIM_INTERNAL_H
#define MVEC_SIM_INTERNAL_H

#include "../mvec_internal.h"

/* ---- the baseline (baseline.c) -------------------------------------------------------- */

enum { MVEC__SIM_MAX_VECTORS = 8, MVEC__SIM_CHAPTERS = 100 };

typedef struct mvec__sim_vector {
    char name[40];      /* "trade.exports" */
    char dimension[16]; /* "USD", "EUR", ... */
    int year;           /* the year of its distribution */
    double *value;      /* per partner (partner_count), in `dimension` */
    double total;
} mvec__sim_vector;

typedef struct mvec__baseline {
    const mvec_country *country;
    int year;
    size_t partner_count;
    const mvec_country **partners; /* NULL for the unlisted remainder of a vector */
    size_t *bloc;                  /* bloc of each partner; SIZE_MAX: none (the remainder) */
    size_t vector_count;
    mvec__sim_vector vectors[MVEC__SIM_MAX_VECTORS];
    size_t exports; /* index of trade.exports, SIZE_MAX when absent */
    size_t imports; /* index of trade.imports, SIZE_MAX when absent */
    size_t total;   /* trade.total = exports + imports, made here */
    /* exports by chapter, per partner: chapter_value[p * 100 + c] in USD of the chapter
     * table's year; chapter_total[p] their sum (0: the partner is not in the table) */
    double *chapter_value;
    double *chapter_total;
    double world_chapter[MVEC__SIM_CHAPTERS]; /* all partners together */
    double world_chapter_total;
    int chapter_year;
    size_t bloc_count;
    size_t great_power[8];
    size_t great_power_count;
} mvec__baseline;

mvec_status mvec__baseline_build(mvec_ctx *ctx, const mvec_observations *observations,
                                 const mvec_bloc_scheme *scheme, const char *country, int year,
                                 mvec__baseline *out, mvec__buf *notes);
void mvec__baseline_clear(mvec_ctx *ctx, mvec__baseline *baseline);
/* Index of a partner, or SIZE_MAX. */
size_t mvec__baseline_partner(const mvec__baseline *baseline, const mvec_country *country);
size_t mvec__baseline_vector(const mvec__baseline *baseline, const char *name);
/* Share of partner p's exports in chapters [lo, hi] (the table's split of that partner,
 * or of all partners when it is not listed). */
double mvec__baseline_chapter_share(const mvec__baseline *baseline, size_t partner, int lo, int hi);

/* ---- what a script declares (scenario_lua.c) ------------------------------------------- */

typedef enum mvec__shock_kind {
    MVEC__SHOCK_EMBARGO = 0, /* a partner stops buying chapters: exports cut */
    MVEC__SHOCK_CLOSE,       /* a link closed (or its capacity reduced) for a time */
    MVEC__SHOCK_SANCTIONS,   /* trade with a partner and volumes through it cut by a share */
    MVEC__SHOCK_TARGET,      /* trade with a partner grows to a value by a year */
    MVEC__SHOCK_SHIFT,       /* a vector's value with a partner moves by a fraction */
    MVEC__SHOCK_VOLATILITY,  /* yearly random noise on a vector's bloc values */
    MVEC__SHOCK_KIND_COUNT
} mvec__shock_kind;

enum { MVEC__SHOCK_MAX_RANGES = 8, MVEC__SIM_MAX_PARTNERS_PER_SHOCK = 16 };

typedef struct mvec__shock {
    mvec__shock_kind kind;
    char where[96]; /* "scenario.lua:12" */
    char text[160]; /* for the event log: "embargo by RUS on HS 01-24, cut 50 %" */
    /* timing: absolute years when declared at top level; relative (start = offset from the
     * trigger year) inside chance and rule */
    int start;
    int stop;      /* last year in force (INT32_MAX: to the end) */
    double months; /* close: months closed in the start year and after (0: whole years) */
    size_t partner_count;
    size_t partners[MVEC__SIM_MAX_PARTNERS_PER_SHOCK]; /* baseline partner indices */
    size_t vector; /* baseline vector (shift, volatility); SIZE_MAX: trade (both) */
    int hs_lo[MVEC__SHOCK_MAX_RANGES], hs_hi[MVEC__SHOCK_MAX_RANGES];
    size_t range_count;
    double cut;          /* embargo, sanctions (the secondary share), close (1 - capacity) */
    size_t link;         /* close: the link's index */
    const char *transit; /* sanctions: the partner's ISO3, for links transiting it */
    double target;       /* target: the value to reach */
    int target_year;
    double change; /* shift: fraction */
    double sd;     /* volatility: yearly standard deviation of log values */
    size_t bloc;   /* volatility: one bloc, or SIZE_MAX for each */
    /* filled by the engine before paths run */
    double partner_factor[MVEC__SIM_MAX_PARTNERS_PER_SHOCK]; /* embargo: cut x chapter share */
    double growth;                                           /* target: yearly factor */
} mvec__shock;

typedef struct mvec__chance {
    double probability; /* per year */
    mvec__shock shock;  /* relative timing */
} mvec__chance;

typedef enum mvec__rule_test { MVEC__RULE_ABOVE = 0, MVEC__RULE_BELOW } mvec__rule_test;

typedef struct mvec__rule {
    char where[96];
    bool lua_condition; /* `when` is a Lua function (registry reference `condition_ref`) */
    int condition_ref;
    /* a declarative condition: share of bloc `bloc` in vector `vector` above/below the
     * share of bloc `other` (SIZE_MAX: the number `threshold`) */
    size_t vector;
    size_t bloc;
    size_t other;
    double threshold;
    mvec__rule_test test;
    /* or an opinion: partner `opinion` above/below `threshold` */
    size_t opinion; /* index in the plan's opinions, SIZE_MAX when not */
    bool once;
    int lag; /* years between the condition and the action (default 1) */
    bool has_shock;
    mvec__shock shock; /* relative timing */
    bool lua_action;   /* `action` is a Lua function returning a shock */
    int action_ref;
} mvec__rule;

typedef struct mvec__opinion {
    const mvec_country *partner;
    double value; /* base-year level, 0..1 */
    double trend; /* per year */
    double sd;    /* yearly noise */
} mvec__opinion;

typedef struct mvec__commodity_value {
    char commodity[32];
    double usd_per_unit;
    int chapter; /* the HS chapter its exports are in */
} mvec__commodity_value;

typedef struct mvec__plan {
    char title[200];
    char country[8];
    int base_year;
    int years;
    int network_year; /* the corridor network's figures to use; 0: its best year */
    mvec__shock *shocks;
    size_t shock_count, shock_capacity;
    mvec__chance *chances;
    size_t chance_count, chance_capacity;
    mvec__rule *rules;
    size_t rule_count, rule_capacity;
    mvec__opinion *opinions;
    size_t opinion_count, opinion_capacity;
    mvec__commodity_value values[8];
    size_t value_count;
    bool uses_lua; /* some rule needs the Lua state while paths run */
} mvec__plan;

void mvec__plan_clear(mvec_ctx *ctx, mvec__plan *plan);

#endif
