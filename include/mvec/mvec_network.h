/*
 * mvec_network.h - a country's export corridors (pipelines, rail, sea, ports,
 * border crossings) as a network per commodity, and what it can carry:
 * max-flow to each market as an interval, destination and transit
 * dependence, closures of links or of transit countries, the stranded and
 * rerouted volume and the cheapest rerouting plan.
 *
 * The file format (one row per link and year) is in docs/formats.md, the
 * formulas in docs/methods.md ("Corridors: capacity, transit and
 * rerouting"). Capacities: NAN when unknown, INFINITY when unlimited by
 * nature (a market delivery hop). A max-flow's upper end is INFINITY when
 * unknown capacities, taken as unlimited, open an unbounded route.
 *
 * Example:
 *     mvec_network *net = NULL;
 *     mvec_routes *routes = NULL;
 *     mvec_routes_options options = MVEC_ROUTES_OPTIONS_INIT;
 *     const char *closed[] = {"cpc"};
 *     options.closed_links = closed;
 *     options.closed_link_count = 1;
 *     if (mvec_network_load_embedded(ctx, countries, "KAZ", &net) == MVEC_OK &&
 *         mvec_routes_compute(ctx, net, &options, &routes) == MVEC_OK)
 *         ... mvec_routes_commodity_at(routes, 0)->stranded ...
 *
 * Threads: a network and a routes result are read-only once made and may be
 * read by several threads at once (each with its own context).
 * mvec_network_reroute does not call igraph (whose error stack is a process
 * global, not thread-safe in Debian's build) and may run in many threads at
 * once; mvec_routes_compute serialises its igraph calls on one lock.
 */
#ifndef MVEC_NETWORK_H
#define MVEC_NETWORK_H

#include <stdbool.h>
#include <stddef.h>

#include "mvec_country.h"
#include "mvec_ctx.h"
#include "mvec_index.h"
#include "mvec_write.h"

/* Most links (distinct ids) a network may have. */
#define MVEC_NETWORK_MAX_LINKS 100000

typedef struct mvec_network mvec_network;

typedef enum mvec_link_status {
    MVEC_LINK_OPERATING = 0, /* the only status that carries flow */
    MVEC_LINK_MOTHBALLED,
    MVEC_LINK_CONSTRUCTION,
    MVEC_LINK_PROPOSED,
    MVEC_LINK_CANCELLED,
} mvec_link_status;

/* One row of the file: a link's figures of one year. Strings are owned by
 * the network ("" when the field was empty). */
typedef struct mvec_network_link {
    const char *id; /* [a-z0-9-]+ */
    const char *name;
    const char *commodity; /* [a-z_]+ */
    const char *mode;      /* pipeline, rail, sea, road, port, border, delivery */
    const char *from;      /* place: "KAZ", "KAZ:Atyrau" or "market:EU27" */
    const char *to;
    const char *const *transit; /* ISO3 codes crossed in transit */
    size_t transit_count;
    const char *operator_name;             /* the `operator` column */
    const char *const *operator_countries; /* ISO3, largest owner first */
    size_t operator_country_count;
    int year;         /* the year of the figures */
    double capacity;  /* NAN unknown, INFINITY unlimited */
    const char *unit; /* of capacity and volume */
    double volume;    /* the focal country's volume carried; NAN unknown */
    double cost;      /* per unit carried; NAN unknown */
    const char *cost_unit;
    double days; /* transit time; NAN unknown */
    mvec_link_status status;
    const char *source;
    const char *url;
    const char *note;
    size_t line; /* line of the row in its file */
} mvec_network_link;

/* Load a network file ("-" is standard input). `countries` checks the
 * origin, transit and operator codes and must outlive the network.
 * Cost O(r log r) for r rows.
 * Statuses: MVEC_ERR_IO when the file cannot be read; MVEC_ERR_PARSE for a
 * malformed row (file:line:column: bad link id, place, number, status,
 * mode, year, unknown transit code, a link from a place to itself, a
 * duplicate (link, year) row, rows of one link that disagree on from, to or
 * commodity, two units in one commodity, two origins); MVEC_ERR_SCHEMA for
 * a missing, unknown or repeated column, or a commodity with no link
 * leaving the origin; MVEC_ERR_LIMIT beyond MVEC_NETWORK_MAX_LINKS links or
 * for a file over 16 GiB; MVEC_ERR_NO_DATA for a file without rows;
 * MVEC_ERR_NOMEM; MVEC_ERR_CANCELLED. */
MVEC_API mvec_status mvec_network_load_file(mvec_ctx *ctx, const mvec_countries *countries,
                                            const char *path, mvec_network **out);
/* The same from text in memory (`name` for messages; `text` need not be
 * NUL-terminated). Statuses: as mvec_network_load_file without
 * MVEC_ERR_IO. */
MVEC_API mvec_status mvec_network_load_text(mvec_ctx *ctx, const mvec_countries *countries,
                                            const char *name, const char *text, size_t length,
                                            mvec_network **out);
/* The built-in network of a country (data/<iso3 lowercase>/corridors.csv).
 * Statuses: MVEC_ERR_NO_DATA when mvec has none for the country;
 * MVEC_ERR_INVALID for a code that is not three letters; MVEC_ERR_INTERNAL
 * when the built-in file is malformed; MVEC_ERR_LIMIT (a built-in file over
 * the caps); MVEC_ERR_NOMEM;
 * MVEC_ERR_CANCELLED. */
MVEC_API mvec_status mvec_network_load_embedded(mvec_ctx *ctx, const mvec_countries *countries,
                                                const char *country_iso3, mvec_network **out);
/* Release a network (NULL is a no-op). */
MVEC_API void mvec_network_free(mvec_ctx *ctx, mvec_network *net);

/* The file name given at load ("embedded:data/kaz/corridors.csv" for a
 * built-in one) and the country whose exports it describes (the bare ISO3
 * place). Cannot fail. */
MVEC_API const char *mvec_network_name(const mvec_network *net);
MVEC_API const char *mvec_network_country(const mvec_network *net);

/* Links (distinct ids) in order of first appearance; the index is the one
 * mvec_network_reroute's capacity factors use. mvec_network_link_at gives
 * the link's latest row, NULL past the end. Constant time. */
MVEC_API size_t mvec_network_link_count(const mvec_network *net);
MVEC_API const mvec_network_link *mvec_network_link_at(const mvec_network *net, size_t index);
/* The row of link `index` in force in `year` (its largest year <= year;
 * 0: the latest), NULL when the link has no row that early. O(log rows). */
MVEC_API const mvec_network_link *mvec_network_link_in_year(const mvec_network *net, size_t index,
                                                            int year);
/* Index of the link with this id; SIZE_MAX when none. Constant time on
 * average. */
MVEC_API size_t mvec_network_find(const mvec_network *net, const char *id);
/* True when any row of link `index` lists `iso3` in transit. O(rows of the
 * link x transit codes). */
MVEC_API bool mvec_network_link_transits(const mvec_network *net, size_t index, const char *iso3);
/* Every row (link and year), in file order. */
MVEC_API size_t mvec_network_row_count(const mvec_network *net);
MVEC_API const mvec_network_link *mvec_network_row_at(const mvec_network *net, size_t index);
/* Commodities in order of first appearance, and the unit of each ("" when
 * no row gives one). NULL past the end. */
MVEC_API size_t mvec_network_commodity_count(const mvec_network *net);
MVEC_API const char *mvec_network_commodity_at(const mvec_network *net, size_t index);
MVEC_API const char *mvec_network_commodity_unit(const mvec_network *net, const char *commodity);
/* The latest year of any row of the commodity; 0 for an unknown commodity. */
MVEC_API int mvec_network_latest_year(const mvec_network *net, const char *commodity);
/* The year whose rows of the commodity (NULL: of every commodity) give the most volumes: the
 * year the sources cover best; ties go to the year nearest `near` (the earlier of two as near),
 * or with `near` 0 to the latest. 0 when the network has no such row. O(rows^2). */
MVEC_API int mvec_network_best_year(const mvec_network *net, const char *commodity, int near);

/* ---- the fast entry for the scenario engine ----------------------------------------- */

typedef struct mvec_reroute {
    double volume;        /* exported volume V (times volume_factor) */
    double kept;          /* of V, carried on its links as before */
    double rerouted;      /* V - kept - stranded_high: certainly carried on other routes */
    double stranded_low;  /* V - deliverable with unknown capacities as unlimited */
    double stranded_high; /* V - deliverable with unknown capacities as 0 (or the volume the
                             link carried) */
} mvec_reroute;

/* The rerouting arithmetic of mvec_routes_compute's closures for one
 * commodity and year (0: the latest) with each link's capacity scaled by
 * capacity_factor[link index] (0 closed .. 1 full; NULL: all 1) and every
 * volume by volume_factor (>= 0). Caches nothing; allocates only scratch
 * (O(V + E)). Cost: three max-flows by Dinic's algorithm, O(V^2 E) each;
 * a 40-link network takes a few microseconds (tests/unit/test_network.c
 * prints the time). Thread-safe for one network read by many threads.
 * Statuses: MVEC_ERR_INVALID for an unknown commodity, a factor outside
 * [0, 1] or a negative volume factor; MVEC_ERR_NOMEM. */
MVEC_API mvec_status mvec_network_reroute(mvec_ctx *ctx, const mvec_network *net,
                                          const char *commodity, int year,
                                          const double *capacity_factor, double volume_factor,
                                          mvec_reroute *out);

/* ---- routes: capacity, dependence, closures ------------------------------------------ */

typedef struct mvec_routes_options {
    size_t size;                     /* sizeof the struct: set by MVEC_ROUTES_OPTIONS_INIT */
    const char *country;             /* NULL: the network's; else must be it (ISO3) */
    const char *commodity;           /* NULL: each commodity */
    int year;                        /* 0: each link's latest row */
    const char *const *closed_links; /* link ids */
    size_t closed_link_count;
    const char *const *closed_transit; /* ISO3: every link crossing them closes */
    size_t closed_transit_count;
} mvec_routes_options;

#define MVEC_ROUTES_OPTIONS_INIT                                                                   \
    {                                                                                              \
        sizeof(mvec_routes_options), NULL, NULL, 0, NULL, 0, NULL, 0                               \
    }

typedef struct mvec_routes mvec_routes;

/* A market (a `market:CODE` place) of one commodity. */
typedef struct mvec_routes_market {
    const char *market;           /* "EU27", "CHN", ... (the CODE) */
    mvec_interval capacity;       /* max-flow origin -> market; hi INFINITY: unbounded */
    mvec_interval capacity_share; /* of the max-flow to all markets (shares may add to > 1:
                                    markets share routes) */
    double volume;                /* volume on the links into it; NAN when none known */
    double volume_share;          /* of the volume into all markets; NAN when unknown */
} mvec_routes_market;

/* A country crossed in transit by links of the commodity. */
typedef struct mvec_routes_transit {
    const char *country;          /* ISO3 */
    mvec_interval capacity_share; /* 1 - maxflow(without its links) / maxflow, all markets */
    const mvec_interval *market_capacity_share; /* the same per market (markets' order) */
    mvec_interval volume_share; /* volume on its entry links / exported volume; hi > lo
                                   when an entry link's volume is unknown */
    size_t link_count;          /* links listing it */
} mvec_routes_transit;

/* A link's flow in the cheapest plan. */
typedef struct mvec_routes_flow {
    size_t link; /* link index (mvec_network_link_in_year) */
    double flow;
    double kept; /* of the flow, volume that stays where it was */
    double cost; /* flow x cost per unit; NAN when the link has no cost */
} mvec_routes_flow;

typedef enum mvec_plan_state {
    MVEC_PLAN_NONE = 0,   /* no closure asked for */
    MVEC_PLAN_SOLVED,     /* every link used has a cost */
    MVEC_PLAN_PARTIAL,    /* solved, priced only where costs are known */
    MVEC_PLAN_NO_COSTS,   /* no link of the commodity has a cost: the plan is any feasible flow */
    MVEC_PLAN_TOO_LARGE,  /* over 400 links: not solved */
    MVEC_PLAN_INFEASIBLE, /* kept volumes do not fit (volumes above capacities) */
} mvec_plan_state;

typedef struct mvec_routes_commodity {
    const char *commodity;
    const char *unit;              /* of capacities and volumes */
    const char *cost_unit;         /* of the first link with a cost; "" when none */
    int year;                      /* the year asked for, or the latest row's year */
    int first_year, last_year;     /* range of the years of the rows used */
    size_t link_count;             /* links with a row in force */
    size_t operating_count;        /* of them, operating */
    size_t unknown_capacity_count; /* operating links without a capacity */
    mvec_interval capacity;        /* max-flow to all markets (super sink) */
    double volume;                 /* exported volume V: links leaving the origin */
    size_t unknown_volume_count;   /* links leaving the origin without a volume */
    const mvec_routes_market *markets;
    size_t market_count;
    const mvec_routes_transit *transit;
    size_t transit_count;
    /* closures (all zero / MVEC_PLAN_NONE without any) */
    bool closed;
    size_t closed_count;          /* links of the commodity closed */
    mvec_interval capacity_after; /* max-flow without the closed links */
    double kept;
    double affected;        /* V - kept */
    mvec_interval stranded; /* V - deliverable at high and low capacities */
    mvec_interval rerouted; /* affected - stranded */
    mvec_plan_state plan_state;
    double plan_supply;           /* volume the plan delivers: min(V, deliverable at low) */
    double plan_cost;             /* over links with a cost */
    const mvec_routes_flow *plan; /* links with a flow > 0 */
    size_t plan_count;
} mvec_routes_commodity;

/* Compute capacities, dependence and closures. `options` may be NULL (each
 * commodity, latest year, no closure). Cost per commodity: (2 + markets +
 * transit countries) igraph max-flows (push-relabel, O(V^3) each), plus,
 * with closures, a dense LP of O((V + E) E) entries solved by GLPK (plans
 * of more than 400 links are not solved).
 * Statuses: MVEC_ERR_INVALID for an options struct not made with its INIT
 * macro, a country that is not the network's, an unknown commodity, an
 * unknown closed link id or a transit country no link crosses (the message
 * lists the valid ones); MVEC_ERR_NO_DATA when no link has a row in the
 * year; MVEC_ERR_SOLVER when igraph or GLPK fails; MVEC_ERR_NOMEM;
 * MVEC_ERR_CANCELLED. */
MVEC_API mvec_status mvec_routes_compute(mvec_ctx *ctx, const mvec_network *net,
                                         const mvec_routes_options *options, mvec_routes **out);
MVEC_API void mvec_routes_free(mvec_ctx *ctx, mvec_routes *routes);
MVEC_API size_t mvec_routes_commodity_count(const mvec_routes *routes);
/* NULL past the end. */
MVEC_API const mvec_routes_commodity *mvec_routes_commodity_at(const mvec_routes *routes,
                                                               size_t index);
MVEC_API const mvec_network *mvec_routes_network(const mvec_routes *routes);

/* The result as text (fits 120 columns: per commodity the markets, the
 * transit countries, the closures and plan; the sources at the end), CSV
 * (one row per figure: commodity, section, key, value, low, high, unit,
 * year) or JSON (with a "sources" section).
 * Statuses: MVEC_ERR_INVALID for an unknown format; MVEC_ERR_IO when the
 * sink fails; MVEC_ERR_LIMIT for an output over 1 GiB; MVEC_ERR_NOMEM. */
MVEC_API mvec_status mvec_routes_write(mvec_ctx *ctx, const mvec_routes *routes, mvec_format format,
                                       const mvec_sink *sink);

#endif
