/*
 * engine.h - running a plan's paths (engine.c) and what the run shares.
 */
#ifndef MVEC_SIM_ENGINE_H
#define MVEC_SIM_ENGINE_H

#include <pthread.h>
#include <stdatomic.h>

#include "sandbox.h"
#include "sim_internal.h"

enum { MVEC__SIM_MAX_COMMODITIES = 8 };

typedef struct mvec__run {
    /* inputs, read-only while paths run */
    const mvec__baseline *baseline;
    const mvec__plan *plan;
    const mvec_network *network;
    const mvec_bloc_scheme *scheme;
    const mvec_countries *countries;
    int base_year;
    int years;
    size_t paths;
    uint64_t seed;
    unsigned threads;
    size_t link_count;
    size_t *link_commodity; /* per link: index in commodities, SIZE_MAX when not used */
    size_t commodity_count;
    const char *commodities[MVEC__SIM_MAX_COMMODITIES];
    double commodity_usd[MVEC__SIM_MAX_COMMODITIES]; /* value per unit, NAN when not given */
    int commodity_chapter[MVEC__SIM_MAX_COMMODITIES];
    int commodity_year[MVEC__SIM_MAX_COMMODITIES]; /* the network's figures used: base year's,
                                                     else the earliest year it has */
    mvec__sandbox *sandbox;                        /* for Lua rules (then one thread) */
    size_t *bloc_order;    /* partners grouped by bloc (those in no bloc left out) */
    size_t bloc_start[65]; /* bloc k's partners: bloc_order[bloc_start[k] ..
                              bloc_start[k + 1]) */
    pthread_mutex_t network_lock;
    /* shared while paths run: paths done (for progress), stop (cancelled: every worker ends) */
    atomic_size_t paths_done;
    atomic_uint workers_running;
    atomic_bool stop;
    /* outputs */
    size_t metric_count;
    double *out;      /* [metric][year 0..years][path] */
    mvec__buf events; /* path 0's events, one per line */
} mvec__run;

/* The metrics, in the order the engine records them: per vector its blocs' shares,
 * balance, hhi, value; exports at risk; per commodity volume, rerouted, stranded,
 * stranded_low. */
size_t mvec__run_metric_count(const mvec__run *run);

/* Per-shock constants (an embargo's cut per partner, a target's growth). MVEC_ERR_NO_DATA. */
mvec_status mvec__run_prepare(mvec_ctx *ctx, mvec__run *run, mvec__plan *plan);

/* Fill run->out for every path. `ctx` is the caller's (used on this thread only). */
mvec_status mvec__run_paths(mvec_ctx *ctx, mvec__run *run);

#endif
