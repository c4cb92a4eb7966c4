/*
 * net_internal.h - what the files of src/lib/net/ share: the network object
 * (network.c), the max-flow graph of a commodity and Dinic's max-flow
 * (maxflow.c), igraph's boundary (igraph_boundary.c), the rerouting
 * arithmetic (reroute.c) and the cheapest plan (min_cost.c).
 *
 * The scenario engine (src/lib/sim/) calls mvec_network_reroute, declared
 * in mvec/mvec_network.h (public) and again here for the library's files.
 */
#ifndef MVEC_NET_INTERNAL_H
#define MVEC_NET_INTERNAL_H

#include "../mvec_internal.h"
#include "mvec/mvec_network.h"

/* A commodity's network as a graph: vertices are its places plus a super
 * sink (the last vertex); edges 0..link_count-1 are its links (edge e is
 * link links[e]), then one edge from each market to the super sink. The
 * residual arcs (two per edge) are laid out by tail vertex (CSR) for
 * Dinic's algorithm. Built once at load; read-only afterwards. */
typedef struct mvec__flow_graph {
    size_t vertex_count;
    size_t edge_count;
    size_t *tail;      /* per edge */
    size_t *head;      /* per edge */
    size_t *arc_start; /* vertex_count + 1: arcs of vertex v are arc_start[v]..[v+1] */
    size_t *arc_edge;  /* per arc: edge * 2 (forward) or edge * 2 + 1 (backward) */
    size_t *arc_twin;  /* per arc: the arc of the other direction */
} mvec__flow_graph;

typedef struct mvec__commodity {
    const char *name;
    const char *unit; /* "" until a row gives one */
    size_t unit_line;
    const char *cost_unit; /* of the first row with a cost, else "" */
    int latest_year;
    size_t first_line;
    const char **places; /* vertex -> place text (the super sink: "") */
    size_t place_count;  /* vertices without the super sink */
    size_t origin;       /* vertex of the bare ISO3 place; SIZE_MAX until seen */
    size_t *markets;     /* vertices of market:CODE places */
    size_t market_count;
    size_t *links; /* edge -> link index */
    size_t link_count;
    mvec__flow_graph graph;
} mvec__commodity;

typedef struct mvec__net_link {
    size_t commodity;
    size_t from, to; /* vertices in the commodity's graph */
    size_t *rows;    /* row indices, ascending year */
    size_t row_count;
} mvec__net_link;

struct mvec_network {
    char *name;
    char country[4];
    size_t country_line;
    const mvec_countries *countries;
    mvec__arena arena; /* strings and string lists of the rows */
    mvec_network_link *rows;
    size_t row_count;
    size_t row_capacity;
    mvec__net_link *links;
    size_t link_count;
    size_t link_capacity;
    mvec__strmap link_index; /* id -> link */
    mvec__commodity *commodities;
    size_t commodity_count;
    size_t commodity_capacity;
};

/* The commodity's index; SIZE_MAX when the network has none of that name. */
size_t mvec__network_commodity_index(const mvec_network *net, const char *commodity);
/* Row of link `index` in force in `year` (0: the latest), NULL when none. */
const mvec_network_link *mvec__network_row_in_year(const mvec_network *net, size_t link, int year);

/* ---- maxflow.c ------------------------------------------------------------------------- */

/* Capacities of one computation: per edge, >= 0, INFINITY allowed. */
typedef struct mvec__flow_scratch {
    double *residual; /* 2 per edge */
    size_t *level;    /* per vertex */
    size_t *next_arc; /* per vertex */
    size_t *queue;    /* per vertex */
} mvec__flow_scratch;

mvec_status mvec__flow_graph_build(mvec_ctx *ctx, size_t vertex_count, size_t edge_count,
                                   const size_t *tail, const size_t *head, mvec__flow_graph *g);
void mvec__flow_graph_clear(mvec_ctx *ctx, mvec__flow_graph *g);
mvec_status mvec__flow_scratch_alloc(mvec_ctx *ctx, const mvec__flow_graph *g,
                                     mvec__flow_scratch *s);
void mvec__flow_scratch_free(mvec_ctx *ctx, mvec__flow_scratch *s);

/* True when source reaches target over edges of infinite capacity (then
 * the max-flow is unbounded). O(V + E). */
bool mvec__flow_unbounded(const mvec__flow_graph *g, const double *capacity, size_t source,
                          size_t target, mvec__flow_scratch *s);
/* A finite stand-in for infinite capacities that changes no finite max-flow:
 * 1 + the sum of the finite capacities (a cut of finite edges only costs at
 * most that). */
double mvec__flow_big(const mvec__flow_graph *g, const double *capacity);
/* Max-flow value from source to target by Dinic's algorithm, O(V^2 E);
 * INFINITY when unbounded. `flow` (NULL or per edge) receives a maximum
 * flow when the value is finite. */
double mvec__maxflow(const mvec__flow_graph *g, const double *capacity, size_t source,
                     size_t target, mvec__flow_scratch *s, double *flow);

/* ---- igraph_boundary.c: the only igraph calls ---------------------------------------- */

/* The same max-flow computed by igraph (push-relabel; igraph's error
 * handler replaced by one that returns; calls serialised on one lock).
 * INFINITY when unbounded. Statuses: MVEC_ERR_SOLVER, MVEC_ERR_NOMEM. */
mvec_status mvec__igraph_maxflow(mvec_ctx *ctx, const mvec__flow_graph *g, const double *capacity,
                                 size_t source, size_t target, double *value, double *flow);

/* ---- reroute.c --------------------------------------------------------------------------- */

/* Per edge of commodity c in `year`: capacities low (unknown: the volume the
 * link carried, else 0) and high (unknown: INFINITY), volumes (unknown: the
 * low capacity), each times `factor` (NULL: 1; per link index) and the
 * volumes times volume_factor; closed links 0; links not operating 0. The
 * super-sink edges are INFINITY. *exported: V (volume on operating links
 * leaving the origin, unknown as 0) times volume_factor. */
void mvec__network_capacities(const mvec_network *net, size_t c, int year, const double *factor,
                              double volume_factor, double *low, double *high, double *volume,
                              double *exported);

/* ---- min_cost.c ------------------------------------------------------------------------ */

enum { MVEC__PLAN_MAX_LINKS = 400 };

/* min sum cost_e f_e over edges with kept_e <= f_e <= capacity_e (INFINITY:
 * no bound), conservation at places, `supply` out of the origin into the
 * markets. cost NAN counts 0. *feasible false when no such flow exists. */
mvec_status mvec__min_cost_flow(mvec_ctx *ctx, const mvec__commodity *commodity,
                                const double *capacity, const double *kept, const double *cost,
                                double supply, double *flow, bool *feasible);

#endif
