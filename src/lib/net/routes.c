/*
 * routes.c - mvec_routes_compute: per commodity, the max-flow from the
 * origin to each market and to all markets (igraph, igraph_boundary.c) as
 * intervals over the unknown capacities, destination shares, transit
 * dependence, and with closures the kept, stranded and rerouted volume and
 * the cheapest plan (min_cost.c). Formulas: docs/methods.md, "Corridors:
 * capacity, transit and rerouting".
 *
 * Shares of two intervals are bounded conservatively: the share of a
 * market m is within [lo_m / hi, hi_m / lo] (clipped to [0, 1]); the
 * capacity share of a transit country within [1 - hi_without / lo,
 * 1 - lo_without / hi]. Both ends meet when every capacity is known.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "net_internal.h"

struct mvec_routes {
    const mvec_network *net;
    mvec__arena arena;
    mvec_routes_commodity *items;
    size_t count;
};

typedef struct work {
    mvec_ctx *ctx;
    const mvec_network *net;
    const mvec__commodity *com;
    size_t c;
    int year;
    double *low, *high, *volume, *flow;
    double exported;
} work;

static mvec_status flow_pair(work *w, const double *low, const double *high, size_t target,
                             mvec_interval *out)
{
    mvec_status status = MVEC_OK;
    const mvec__flow_graph *g = &w->com->graph;
    MVEC_TRY(mvec__igraph_maxflow(w->ctx, g, low, w->com->origin, target, &out->lo, NULL));
    MVEC_TRY(mvec__igraph_maxflow(w->ctx, g, high, w->com->origin, target, &out->hi, NULL));
cleanup:
    return status;
}

static mvec_interval market_share(mvec_interval m, mvec_interval all)
{
    mvec_interval s = {NAN, NAN};
    if (!(all.hi > 0))
        return s;
    s.lo = isinf(all.hi) ? 0 : (isinf(m.lo) ? 1 : m.lo / all.hi);
    s.hi = all.lo > 0 ? (isinf(m.hi) ? 1 : m.hi / all.lo) : 1;
    s.lo = fmin(1, fmax(0, s.lo));
    s.hi = fmin(1, fmax(s.lo, s.hi));
    return s;
}

/* 1 - without / full, bounded over the unknown capacities. */
static mvec_interval share_lost(mvec_interval full, mvec_interval without)
{
    mvec_interval s = {NAN, NAN};
    if (!(full.hi > 0))
        return s;
    double ratio_hi = full.lo > 0 ? (isinf(without.hi) ? 1 : without.hi / full.lo) : 1;
    double ratio_lo = isinf(full.hi) ? 0 : (isinf(without.lo) ? 1 : without.lo / full.hi);
    s.lo = fmax(0, 1 - fmin(1, ratio_hi));
    s.hi = fmax(s.lo, 1 - fmin(1, ratio_lo));
    return s;
}

static bool row_transits(const mvec_network_link *row, const char *iso3)
{
    for (size_t t = 0; t < row->transit_count; t++)
        if (strcmp(row->transit[t], iso3) == 0)
            return true;
    return false;
}

/* Capacities with the links (edges) in `off` closed. */
static void close_edges(const work *w, const bool *off, double *low, double *high, double *volume)
{
    for (size_t e = 0; e < w->com->link_count; e++) {
        low[e] = off[e] ? 0 : w->low[e];
        high[e] = off[e] ? 0 : w->high[e];
        if (volume != NULL)
            volume[e] = off[e] ? 0 : w->volume[e];
    }
    for (size_t e = w->com->link_count; e < w->com->graph.edge_count; e++) {
        low[e] = high[e] = INFINITY;
        if (volume != NULL)
            volume[e] = INFINITY;
    }
}

static mvec_status transit_section(work *w, mvec_routes *routes, mvec_routes_commodity *item,
                                   const mvec_interval *market_full)
{
    mvec_ctx *ctx = w->ctx;
    mvec_status status = MVEC_OK;
    const mvec__commodity *com = w->com;
    size_t n = com->link_count, edges = com->graph.edge_count;
    const char **codes = NULL;
    size_t code_count = 0;
    bool *off = NULL;
    double *low = NULL, *high = NULL;
    MVEC_TRY(mvec__alloc(ctx, (n + 1) * 8 * sizeof *codes, &codes));
    MVEC_TRY(mvec__calloc(ctx, n + 1, sizeof *off, &off));
    MVEC_TRY(mvec__alloc(ctx, (edges + 1) * sizeof *low, &low));
    MVEC_TRY(mvec__alloc(ctx, (edges + 1) * sizeof *high, &high));
    size_t code_capacity = (n + 1) * 8;
    /* the countries crossed by operating links in force, in order of appearance */
    for (size_t e = 0; e < n; e++) {
        const mvec_network_link *row = mvec__network_row_in_year(w->net, com->links[e], w->year);
        if (row == NULL || row->status != MVEC_LINK_OPERATING)
            continue;
        for (size_t t = 0; t < row->transit_count; t++) {
            size_t k = 0;
            while (k < code_count && strcmp(codes[k], row->transit[t]) != 0)
                k++;
            if (k == code_count) {
                if (code_count == code_capacity) {
                    code_capacity *= 2;
                    MVEC_TRY(mvec__realloc(ctx, &codes, code_capacity * sizeof *codes));
                }
                codes[code_count++] = row->transit[t];
            }
        }
    }
    mvec_routes_transit *list = NULL;
    MVEC_TRY(mvec__arena_alloc(ctx, &routes->arena, (code_count + 1) * sizeof *list, &list));
    for (size_t k = 0; k < code_count; k++) {
        mvec_routes_transit *t = &list[k];
        t->country = codes[k];
        for (size_t e = 0; e < n; e++) {
            const mvec_network_link *row =
                mvec__network_row_in_year(w->net, com->links[e], w->year);
            off[e] =
                row != NULL && row->status == MVEC_LINK_OPERATING && row_transits(row, codes[k]);
            t->link_count += off[e] ? 1u : 0u;
        }
        close_edges(w, off, low, high, NULL);
        mvec_interval without = {0, 0};
        MVEC_TRY(flow_pair(w, low, high, com->place_count, &without));
        t->capacity_share = share_lost(item->capacity, without);
        mvec_interval *per_market = NULL;
        MVEC_TRY(mvec__arena_alloc(ctx, &routes->arena,
                                   (com->market_count + 1) * sizeof *per_market, &per_market));
        for (size_t m = 0; m < com->market_count; m++) {
            mvec_interval wm = {0, 0};
            MVEC_TRY(flow_pair(w, low, high, com->markets[m], &wm));
            per_market[m] = share_lost(market_full[m], wm);
        }
        t->market_capacity_share = per_market;
        /* entry links: X-transit links whose from place no other X-transit link reaches */
        double known = 0, unknown_cap = 0;
        for (size_t e = 0; e < n; e++) {
            if (!off[e])
                continue;
            bool entered = false;
            for (size_t f = 0; f < n && !entered; f++)
                entered = f != e && off[f] && com->graph.head[f] == com->graph.tail[e];
            if (entered)
                continue;
            const mvec_network_link *row =
                mvec__network_row_in_year(w->net, com->links[e], w->year);
            if (isnan(row->volume))
                unknown_cap += w->high[e];
            else
                known += row->volume;
        }
        double v = w->exported;
        t->volume_share.lo = v > 0 ? fmin(1, known / v) : NAN;
        t->volume_share.hi = v > 0 ? fmin(1, (known + unknown_cap) / v) : NAN;
        MVEC_TRY(mvec__check_cancel(ctx));
    }
    item->transit = list;
    item->transit_count = code_count;
cleanup:
    mvec__free(ctx, codes);
    mvec__free(ctx, off);
    mvec__free(ctx, low);
    mvec__free(ctx, high);
    return status;
}

static mvec_status closure_section(work *w, mvec_routes *routes, mvec_routes_commodity *item,
                                   const bool *off)
{
    mvec_ctx *ctx = w->ctx;
    mvec_status status = MVEC_OK;
    const mvec__commodity *com = w->com;
    size_t n = com->link_count, edges = com->graph.edge_count;
    double *low = NULL, *high = NULL, *volume = NULL, *kept = NULL, *cost = NULL, *plan = NULL;
    MVEC_TRY(mvec__alloc(ctx, (edges + 1) * sizeof *low, &low));
    MVEC_TRY(mvec__alloc(ctx, (edges + 1) * sizeof *high, &high));
    MVEC_TRY(mvec__alloc(ctx, (edges + 1) * sizeof *volume, &volume));
    MVEC_TRY(mvec__alloc(ctx, (edges + 1) * sizeof *kept, &kept));
    MVEC_TRY(mvec__alloc(ctx, (n + 1) * sizeof *cost, &cost));
    MVEC_TRY(mvec__alloc(ctx, (n + 1) * sizeof *plan, &plan));
    close_edges(w, off, low, high, volume);
    item->closed = true;
    for (size_t e = 0; e < n; e++)
        item->closed_count += off[e] ? 1u : 0u;
    size_t sink = com->place_count;
    MVEC_TRY(flow_pair(w, low, high, sink, &item->capacity_after));
    double kept_flow = 0;
    MVEC_TRY(mvec__igraph_maxflow(ctx, &com->graph, volume, com->origin, sink, &kept_flow, kept));
    double v = w->exported;
    double deliver_low = fmin(v, item->capacity_after.lo);
    double deliver_high = fmin(v, item->capacity_after.hi);
    item->kept = fmin(fmin(v, kept_flow), deliver_low);
    item->affected = v - item->kept;
    item->stranded.lo = v - deliver_high;
    item->stranded.hi = v - deliver_low;
    item->rerouted.lo = fmax(0, item->affected - item->stranded.hi);
    item->rerouted.hi = fmax(0, item->affected - item->stranded.lo);
    item->plan_supply = deliver_low;
    if (n > MVEC__PLAN_MAX_LINKS) {
        item->plan_state = MVEC_PLAN_TOO_LARGE;
        goto cleanup;
    }
    /* the kept flow, scaled down to the kept volume when the volume graph carries more */
    double scale = kept_flow > 0 && isfinite(kept_flow) ? item->kept / kept_flow : 0;
    bool any_cost = false;
    for (size_t e = 0; e < n; e++) {
        kept[e] = isfinite(kept_flow) ? kept[e] * scale : 0;
        const mvec_network_link *row = mvec__network_row_in_year(w->net, com->links[e], w->year);
        cost[e] = row != NULL ? row->cost : NAN;
        any_cost = any_cost || (!isnan(cost[e]) && low[e] > 0);
    }
    bool feasible = false;
    MVEC_TRY(mvec__min_cost_flow(ctx, com, low, kept, cost, deliver_low, plan, &feasible));
    if (!feasible) {
        item->plan_state = MVEC_PLAN_INFEASIBLE;
        goto cleanup;
    }
    size_t used = 0;
    for (size_t e = 0; e < n; e++)
        used += plan[e] > 1e-9 ? 1u : 0u;
    mvec_routes_flow *flows = NULL;
    MVEC_TRY(mvec__arena_alloc(ctx, &routes->arena, (used + 1) * sizeof *flows, &flows));
    bool unpriced = false;
    size_t k = 0;
    for (size_t e = 0; e < n; e++) {
        if (!(plan[e] > 1e-9))
            continue;
        mvec_routes_flow *f = &flows[k++];
        f->link = com->links[e];
        f->flow = plan[e];
        f->kept = fmin(kept[e], plan[e]);
        f->cost = isnan(cost[e]) ? NAN : plan[e] * cost[e];
        if (isnan(cost[e]))
            unpriced = true;
        else
            item->plan_cost += f->cost;
    }
    item->plan = flows;
    item->plan_count = used;
    item->plan_state = !any_cost  ? MVEC_PLAN_NO_COSTS
                       : unpriced ? MVEC_PLAN_PARTIAL
                                  : MVEC_PLAN_SOLVED;
cleanup:
    mvec__free(ctx, low);
    mvec__free(ctx, high);
    mvec__free(ctx, volume);
    mvec__free(ctx, kept);
    mvec__free(ctx, cost);
    mvec__free(ctx, plan);
    return status;
}

static mvec_status commodity_section(work *w, mvec_routes *routes, mvec_routes_commodity *item,
                                     const bool *closed_link, const mvec_routes_options *o)
{
    mvec_ctx *ctx = w->ctx;
    mvec_status status = MVEC_OK;
    const mvec__commodity *com = w->com;
    size_t n = com->link_count;
    mvec_interval *market_full = NULL;
    bool *off = NULL;
    item->commodity = com->name;
    item->unit = com->unit;
    item->cost_unit = com->cost_unit;
    item->year = w->year > 0 ? w->year : com->latest_year;
    for (size_t e = 0; e < n; e++) {
        const mvec_network_link *row = mvec__network_row_in_year(w->net, com->links[e], w->year);
        if (row == NULL)
            continue;
        item->link_count++;
        if (item->first_year == 0 || row->year < item->first_year)
            item->first_year = row->year;
        if (row->year > item->last_year)
            item->last_year = row->year;
        if (row->status != MVEC_LINK_OPERATING)
            continue;
        item->operating_count++;
        item->unknown_capacity_count += isnan(row->capacity) ? 1u : 0u;
        if (w->net->links[com->links[e]].from == com->origin && isnan(row->volume))
            item->unknown_volume_count++;
    }
    item->volume = w->exported;
    MVEC_TRY(flow_pair(w, w->low, w->high, com->place_count, &item->capacity));
    mvec_routes_market *markets = NULL;
    MVEC_TRY(mvec__arena_alloc(ctx, &routes->arena, (com->market_count + 1) * sizeof *markets,
                               &markets));
    MVEC_TRY(mvec__alloc(ctx, (com->market_count + 1) * sizeof *market_full, &market_full));
    double volume_all = 0;
    bool any_volume = false;
    for (size_t m = 0; m < com->market_count; m++) {
        mvec_routes_market *mk = &markets[m];
        mk->market = com->places[com->markets[m]] + 7;
        MVEC_TRY(flow_pair(w, w->low, w->high, com->markets[m], &mk->capacity));
        market_full[m] = mk->capacity;
        mk->capacity_share = market_share(mk->capacity, item->capacity);
        mk->volume = NAN;
        for (size_t e = 0; e < n; e++) {
            const mvec_network_link *row =
                mvec__network_row_in_year(w->net, com->links[e], w->year);
            if (row == NULL || row->status != MVEC_LINK_OPERATING || isnan(row->volume) ||
                com->graph.head[e] != com->markets[m])
                continue;
            mk->volume = (isnan(mk->volume) ? 0 : mk->volume) + row->volume;
        }
        if (!isnan(mk->volume)) {
            volume_all += mk->volume;
            any_volume = true;
        }
    }
    for (size_t m = 0; m < com->market_count; m++)
        markets[m].volume_share = any_volume && volume_all > 0 && !isnan(markets[m].volume)
                                      ? markets[m].volume / volume_all
                                      : NAN;
    item->markets = markets;
    item->market_count = com->market_count;
    MVEC_TRY(transit_section(w, routes, item, market_full));
    if (o->closed_link_count > 0 || o->closed_transit_count > 0) {
        MVEC_TRY(mvec__calloc(ctx, n + 1, sizeof *off, &off));
        for (size_t e = 0; e < n; e++) {
            size_t link = com->links[e];
            off[e] = closed_link[link];
            const mvec_network_link *row = mvec__network_row_in_year(w->net, link, w->year);
            for (size_t t = 0; row != NULL && !off[e] && t < o->closed_transit_count; t++)
                off[e] = row_transits(row, o->closed_transit[t]);
        }
        MVEC_TRY(closure_section(w, routes, item, off));
    }
cleanup:
    mvec__free(ctx, market_full);
    mvec__free(ctx, off);
    return status;
}

static mvec_status list_ids(mvec_ctx *ctx, const mvec_network *net, mvec__buf *out)
{
    mvec_status status = MVEC_OK;
    for (size_t l = 0; l < net->link_count && l < 200; l++)
        MVEC_TRY(
            mvec__buf_printf(ctx, out, "%s%s", l ? ", " : "", mvec_network_link_at(net, l)->id));
cleanup:
    return status;
}

mvec_status mvec_routes_compute(mvec_ctx *ctx, const mvec_network *net,
                                const mvec_routes_options *options, mvec_routes **out)
{
    mvec_status status = MVEC_OK;
    mvec_routes_options o = MVEC_ROUTES_OPTIONS_INIT;
    mvec_routes *routes = NULL;
    bool *closed_link = NULL;
    double *caps = NULL;
    mvec__buf list = MVEC__BUF_INIT(1 << 16);
    MVEC_TRY(mvec__options_read(ctx, "mvec_routes_options", "MVEC_ROUTES_OPTIONS_INIT", &o,
                                sizeof o, sizeof o, options));
    if (o.country != NULL && strcasecmp(o.country, net->country) != 0) {
        const mvec_country *c = mvec_countries_find(net->countries, o.country);
        if (c == NULL || strcmp(c->code, net->country) != 0)
            MVEC_FAIL(ctx, MVEC_ERR_INVALID, "the network %s describes %s's exports, not %s's",
                      net->name, net->country, o.country);
    }
    if (o.commodity != NULL && mvec__network_commodity_index(net, o.commodity) == SIZE_MAX) {
        for (size_t c = 0; c < net->commodity_count && c < 200; c++)
            MVEC_TRY(mvec__buf_printf(ctx, &list, "%s%s", c ? ", " : "", net->commodities[c].name));
        MVEC_FAIL(ctx, MVEC_ERR_INVALID, "no commodity '%s' in %s (there are: %s)", o.commodity,
                  net->name, list.data);
    }
    if (o.year < 0)
        MVEC_FAIL(ctx, MVEC_ERR_INVALID, "invalid year %d", o.year);
    MVEC_TRY(mvec__calloc(ctx, net->link_count + 1, sizeof *closed_link, &closed_link));
    for (size_t i = 0; i < o.closed_link_count; i++) {
        size_t l = mvec_network_find(net, o.closed_links[i]);
        if (l == SIZE_MAX) {
            MVEC_TRY(list_ids(ctx, net, &list));
            MVEC_FAIL(ctx, MVEC_ERR_INVALID, "unknown link '%s' (links are: %s)",
                      o.closed_links[i] ? o.closed_links[i] : "(null)", list.data);
        }
        closed_link[l] = true;
    }
    for (size_t i = 0; i < o.closed_transit_count; i++) {
        bool found = false;
        for (size_t l = 0; l < net->link_count && !found; l++)
            found = mvec_network_link_transits(net, l, o.closed_transit[i]);
        if (!found)
            MVEC_FAIL(ctx, MVEC_ERR_INVALID, "no link of %s crosses '%s' in transit", net->name,
                      o.closed_transit[i] ? o.closed_transit[i] : "(null)");
    }
    MVEC_TRY(mvec__calloc(ctx, 1, sizeof *routes, &routes));
    routes->net = net;
    MVEC_TRY(mvec__arena_alloc(ctx, &routes->arena,
                               (net->commodity_count + 1) * sizeof *routes->items, &routes->items));
    for (size_t c = 0; c < net->commodity_count; c++) {
        const mvec__commodity *com = &net->commodities[c];
        if (o.commodity != NULL && strcmp(o.commodity, com->name) != 0)
            continue;
        bool any = false;
        for (size_t e = 0; e < com->link_count && !any; e++)
            any = mvec__network_row_in_year(net, com->links[e], o.year) != NULL;
        if (!any)
            continue;
        size_t edges = com->graph.edge_count;
        mvec__free(ctx, caps);
        caps = NULL;
        MVEC_TRY(mvec__alloc(ctx, (3 * edges + 1) * sizeof *caps, &caps));
        work w = {ctx, net, com, c, o.year, caps, caps + edges, caps + 2 * edges, NULL, 0};
        mvec__network_capacities(net, c, o.year, NULL, 1.0, w.low, w.high, w.volume, &w.exported);
        MVEC_TRY(commodity_section(&w, routes, &routes->items[routes->count], closed_link, &o));
        routes->count++;
        MVEC_TRY(mvec__check_cancel(ctx));
    }
    if (routes->count == 0)
        MVEC_FAIL(ctx, MVEC_ERR_NO_DATA, "no link of %s%s%s has figures for %d or earlier",
                  net->name, o.commodity ? " for " : "", o.commodity ? o.commodity : "", o.year);
    *out = routes;
    routes = NULL;
cleanup:
    mvec__buf_clear(ctx, &list);
    mvec__free(ctx, closed_link);
    mvec__free(ctx, caps);
    mvec_routes_free(ctx, routes);
    return status;
}

void mvec_routes_free(mvec_ctx *ctx, mvec_routes *routes)
{
    if (routes == NULL)
        return;
    mvec__arena_clear(ctx, &routes->arena);
    mvec__free(ctx, routes);
}

size_t mvec_routes_commodity_count(const mvec_routes *routes)
{
    return routes->count;
}

const mvec_routes_commodity *mvec_routes_commodity_at(const mvec_routes *routes, size_t index)
{
    return index < routes->count ? &routes->items[index] : NULL;
}

const mvec_network *mvec_routes_network(const mvec_routes *routes)
{
    return routes->net;
}
