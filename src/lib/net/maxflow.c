/*
 * maxflow.c - Dinic's max-flow on a commodity's graph (net_internal.h), the
 * engine of mvec_network_reroute: no igraph call (igraph's error stack is a
 * process global, not thread-safe in Debian's build), no allocation beyond
 * the caller's scratch, O(V^2 E) per max-flow (Dinic 1970: BFS levels, then
 * blocking flows by DFS with a current-arc pointer per vertex).
 *
 * Infinite capacities: when the source reaches the target over infinite
 * edges alone the flow is unbounded; otherwise every infinite capacity is
 * replaced by 1 + the sum of the finite ones, which no finite cut exceeds,
 * so the max-flow is unchanged. Residuals below a relative 1e-12 count as 0.
 * test_network checks it against igraph's push-relabel on random graphs.
 */
#include <math.h>
#include <string.h>

#include "net_internal.h"

mvec_status mvec__flow_graph_build(mvec_ctx *ctx, size_t vertex_count, size_t edge_count,
                                   const size_t *tail, const size_t *head, mvec__flow_graph *g)
{
    mvec_status status = MVEC_OK;
    memset(g, 0, sizeof *g);
    g->vertex_count = vertex_count;
    g->edge_count = edge_count;
    size_t arcs = 2 * edge_count;
    MVEC_TRY(mvec__alloc(ctx, (edge_count + 1) * sizeof *g->tail, &g->tail));
    MVEC_TRY(mvec__alloc(ctx, (edge_count + 1) * sizeof *g->head, &g->head));
    MVEC_TRY(mvec__calloc(ctx, vertex_count + 1, sizeof *g->arc_start, &g->arc_start));
    MVEC_TRY(mvec__alloc(ctx, (arcs + 1) * sizeof *g->arc_edge, &g->arc_edge));
    MVEC_TRY(mvec__alloc(ctx, (arcs + 1) * sizeof *g->arc_twin, &g->arc_twin));
    if (edge_count > 0) {
        memcpy(g->tail, tail, edge_count * sizeof *tail);
        memcpy(g->head, head, edge_count * sizeof *head);
    }
    /* count arcs per vertex, prefix sums, then place: forward arcs at the
     * tail, backward arcs at the head */
    for (size_t e = 0; e < edge_count; e++) {
        g->arc_start[tail[e] + 1]++;
        g->arc_start[head[e] + 1]++;
    }
    for (size_t v = 0; v < vertex_count; v++)
        g->arc_start[v + 1] += g->arc_start[v];
    size_t *fill = NULL;
    MVEC_TRY(mvec__alloc(ctx, (vertex_count + 1) * sizeof *fill, &fill));
    memcpy(fill, g->arc_start, vertex_count * sizeof *fill);
    for (size_t e = 0; e < edge_count; e++) {
        size_t forward = fill[tail[e]]++;
        size_t backward = fill[head[e]]++;
        g->arc_edge[forward] = 2 * e;
        g->arc_edge[backward] = 2 * e + 1;
        g->arc_twin[forward] = backward;
        g->arc_twin[backward] = forward;
    }
    mvec__free(ctx, fill);
cleanup:
    if (status != MVEC_OK)
        mvec__flow_graph_clear(ctx, g);
    return status;
}

void mvec__flow_graph_clear(mvec_ctx *ctx, mvec__flow_graph *g)
{
    mvec__free(ctx, g->tail);
    mvec__free(ctx, g->head);
    mvec__free(ctx, g->arc_start);
    mvec__free(ctx, g->arc_edge);
    mvec__free(ctx, g->arc_twin);
    memset(g, 0, sizeof *g);
}

mvec_status mvec__flow_scratch_alloc(mvec_ctx *ctx, const mvec__flow_graph *g,
                                     mvec__flow_scratch *s)
{
    mvec_status status = MVEC_OK;
    memset(s, 0, sizeof *s);
    MVEC_TRY(mvec__alloc(ctx, (2 * g->edge_count + 1) * sizeof *s->residual, &s->residual));
    MVEC_TRY(mvec__alloc(ctx, (g->vertex_count + 1) * sizeof *s->level, &s->level));
    MVEC_TRY(mvec__alloc(ctx, (g->vertex_count + 1) * sizeof *s->next_arc, &s->next_arc));
    MVEC_TRY(mvec__alloc(ctx, (g->vertex_count + 1) * sizeof *s->queue, &s->queue));
cleanup:
    if (status != MVEC_OK)
        mvec__flow_scratch_free(ctx, s);
    return status;
}

void mvec__flow_scratch_free(mvec_ctx *ctx, mvec__flow_scratch *s)
{
    mvec__free(ctx, s->residual);
    mvec__free(ctx, s->level);
    mvec__free(ctx, s->next_arc);
    mvec__free(ctx, s->queue);
    memset(s, 0, sizeof *s);
}

bool mvec__flow_unbounded(const mvec__flow_graph *g, const double *capacity, size_t source,
                          size_t target, mvec__flow_scratch *s)
{
    if (source == target)
        return true;
    for (size_t v = 0; v < g->vertex_count; v++)
        s->level[v] = 0;
    size_t head = 0, tail = 0;
    s->queue[tail++] = source;
    s->level[source] = 1;
    while (head < tail) {
        size_t v = s->queue[head++];
        for (size_t a = g->arc_start[v]; a < g->arc_start[v + 1]; a++) {
            size_t code = g->arc_edge[a];
            if (code & 1u)
                continue;
            size_t e = code / 2;
            size_t w = g->head[e];
            if (isinf(capacity[e]) && s->level[w] == 0) {
                if (w == target)
                    return true;
                s->level[w] = 1;
                s->queue[tail++] = w;
            }
        }
    }
    return false;
}

double mvec__flow_big(const mvec__flow_graph *g, const double *capacity)
{
    double sum = 1;
    for (size_t e = 0; e < g->edge_count; e++)
        if (isfinite(capacity[e]))
            sum += capacity[e];
    return sum;
}

/* Levels from the source over arcs with residual > eps; true when the
 * target is reached. */
static bool levels(const mvec__flow_graph *g, size_t source, size_t target, double eps,
                   mvec__flow_scratch *s)
{
    for (size_t v = 0; v < g->vertex_count; v++)
        s->level[v] = 0;
    size_t head = 0, tail = 0;
    s->queue[tail++] = source;
    s->level[source] = 1;
    while (head < tail) {
        size_t v = s->queue[head++];
        for (size_t a = g->arc_start[v]; a < g->arc_start[v + 1]; a++) {
            size_t code = g->arc_edge[a];
            size_t w = (code & 1u) ? g->tail[code / 2] : g->head[code / 2];
            if (s->level[w] == 0 && s->residual[code] > eps) {
                s->level[w] = s->level[v] + 1;
                s->queue[tail++] = w;
            }
        }
    }
    return s->level[target] != 0;
}

/* One augmenting path in the level graph by iterative DFS with current
 * arcs; returns the amount pushed (0 when none). The path's arcs are kept in
 * s->queue (depth <= V). */
static double augment(const mvec__flow_graph *g, size_t source, size_t target, double eps,
                      mvec__flow_scratch *s)
{
    size_t depth = 0;
    size_t v = source;
    for (;;) {
        if (v == target) {
            double push = INFINITY;
            for (size_t i = 0; i < depth; i++) {
                double r = s->residual[g->arc_edge[s->queue[i]]];
                if (r < push)
                    push = r;
            }
            for (size_t i = 0; i < depth; i++) {
                size_t a = s->queue[i];
                s->residual[g->arc_edge[a]] -= push;
                s->residual[g->arc_edge[g->arc_twin[a]]] += push;
            }
            return push;
        }
        bool advanced = false;
        for (; s->next_arc[v] < g->arc_start[v + 1]; s->next_arc[v]++) {
            size_t a = s->next_arc[v];
            size_t code = g->arc_edge[a];
            size_t w = (code & 1u) ? g->tail[code / 2] : g->head[code / 2];
            if (s->level[w] == s->level[v] + 1 && s->residual[code] > eps) {
                s->queue[depth++] = a;
                v = w;
                advanced = true;
                break;
            }
        }
        if (advanced)
            continue;
        /* dead end: retreat and skip the arc that led here */
        s->level[v] = 0;
        if (depth == 0)
            return 0;
        size_t a = s->queue[--depth];
        size_t code = g->arc_edge[a];
        v = (code & 1u) ? g->head[code / 2] : g->tail[code / 2];
        s->next_arc[v]++;
    }
}

double mvec__maxflow(const mvec__flow_graph *g, const double *capacity, size_t source,
                     size_t target, mvec__flow_scratch *s, double *flow)
{
    if (source == target || mvec__flow_unbounded(g, capacity, source, target, s))
        return INFINITY;
    double big = mvec__flow_big(g, capacity);
    double eps = 1e-12 * big;
    for (size_t e = 0; e < g->edge_count; e++) {
        double c = capacity[e];
        s->residual[2 * e] = isfinite(c) ? (c > 0 ? c : 0) : big;
        s->residual[2 * e + 1] = 0;
    }
    double total = 0;
    while (levels(g, source, target, eps, s)) {
        for (size_t v = 0; v < g->vertex_count; v++)
            s->next_arc[v] = g->arc_start[v];
        double pushed;
        while ((pushed = augment(g, source, target, eps, s)) > 0)
            total += pushed;
    }
    if (flow != NULL)
        for (size_t e = 0; e < g->edge_count; e++)
            flow[e] = s->residual[2 * e + 1];
    return total;
}
