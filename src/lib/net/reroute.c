/*
 * reroute.c - the capacities of a commodity in a year, and the rerouting
 * arithmetic (docs/methods.md, "Corridors: capacity, transit and
 * rerouting"), shared by mvec_routes_compute's closures and by the fast
 * entry of the scenario engine, mvec_network_reroute:
 *
 *   V            = volume on operating links leaving the origin (unknown: 0)
 *   kept         = min(V, maxflow(volumes without the closed links), deliverable_low)
 *   deliverable  = min(V, maxflow(capacities without the closed links)), low and high
 *   stranded     = V - deliverable  (low: from deliverable high; high: from deliverable low)
 *   rerouted     = V - kept - stranded
 */
#include <math.h>
#include <string.h>

#include "net_internal.h"

void mvec__network_capacities(const mvec_network *net, size_t c, int year, const double *factor,
                              double volume_factor, double *low, double *high, double *volume,
                              double *exported)
{
    const mvec__commodity *com = &net->commodities[c];
    double v_total = 0;
    for (size_t e = 0; e < com->link_count; e++) {
        size_t link = com->links[e];
        const mvec_network_link *row = mvec__network_row_in_year(net, link, year);
        double f = factor != NULL ? factor[link] : 1.0;
        if (row == NULL || row->status != MVEC_LINK_OPERATING) {
            low[e] = high[e] = volume[e] = 0;
            continue;
        }
        double carried = isnan(row->volume) ? NAN : row->volume * volume_factor;
        double cap_low = !isnan(row->capacity) ? row->capacity
                         : isnan(row->volume)  ? 0
                                               : row->volume;
        double cap_high = !isnan(row->capacity) ? row->capacity : INFINITY;
        low[e] = f > 0 ? cap_low * f : 0;
        high[e] = f > 0 ? cap_high * f : 0;
        volume[e] = f > 0 ? (isnan(carried) ? cap_low * f : carried * f) : 0;
        if (!isnan(row->volume) && net->links[link].from == com->origin)
            v_total += row->volume;
    }
    for (size_t k = com->link_count; k < com->graph.edge_count; k++)
        low[k] = high[k] = volume[k] = INFINITY;
    *exported = v_total * volume_factor;
}

mvec_status mvec_network_reroute(mvec_ctx *ctx, const mvec_network *net, const char *commodity,
                                 int year, const double *capacity_factor, double volume_factor,
                                 mvec_reroute *out)
{
    mvec_status status = MVEC_OK;
    mvec__flow_scratch scratch = {0};
    double *caps = NULL;
    size_t c = mvec__network_commodity_index(net, commodity);
    if (c == SIZE_MAX)
        return mvec__error(ctx, MVEC_ERR_INVALID, "no commodity '%s' in the network %s",
                           commodity ? commodity : "(null)", net->name);
    if (!(volume_factor >= 0) || !isfinite(volume_factor))
        return mvec__error(ctx, MVEC_ERR_INVALID, "volume factor %g is not a number >= 0",
                           volume_factor);
    if (capacity_factor != NULL)
        for (size_t l = 0; l < net->link_count; l++)
            if (!(capacity_factor[l] >= 0 && capacity_factor[l] <= 1))
                return mvec__error(ctx, MVEC_ERR_INVALID,
                                   "capacity factor %g of link '%s' is outside [0, 1]",
                                   capacity_factor[l], mvec_network_link_at(net, l)->id);
    const mvec__commodity *com = &net->commodities[c];
    const mvec__flow_graph *g = &com->graph;
    size_t edges = g->edge_count;
    MVEC_TRY(mvec__flow_scratch_alloc(ctx, g, &scratch));
    MVEC_TRY(mvec__alloc(ctx, (3 * edges + 1) * sizeof *caps, &caps));
    double *low = caps, *high = caps + edges, *volume = caps + 2 * edges;
    double v = 0;
    mvec__network_capacities(net, c, year, capacity_factor, volume_factor, low, high, volume, &v);
    size_t sink = com->place_count;
    double kept_flow = mvec__maxflow(g, volume, com->origin, sink, &scratch, NULL);
    double deliver_low = fmin(v, mvec__maxflow(g, low, com->origin, sink, &scratch, NULL));
    double deliver_high = fmin(v, mvec__maxflow(g, high, com->origin, sink, &scratch, NULL));
    double kept = fmin(fmin(v, kept_flow), deliver_low);
    out->volume = v;
    out->kept = kept;
    out->stranded_low = v - deliver_high;
    out->stranded_high = v - deliver_low;
    out->rerouted = fmax(0, v - kept - out->stranded_high);
cleanup:
    mvec__free(ctx, caps);
    mvec__flow_scratch_free(ctx, &scratch);
    return status;
}
