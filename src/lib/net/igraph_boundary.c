/*
 * igraph_boundary.c - the igraph calls of libmvec (the only file that
 * includes igraph.h) and the translation of igraph's errors into mvec
 * statuses.
 *
 * igraph's default error handler aborts and its warning handler prints to
 * stderr: the first call replaces both, once for the whole process, by
 * igraph_error_handler_ignore (the error code comes back to the caller,
 * which turns it into MVEC_ERR_SOLVER, or MVEC_ERR_NOMEM for IGRAPH_ENOMEM)
 * and igraph_warning_handler_ignore (mvec_ctx.h states the process-wide
 * effect). Debian's igraph 0.10 is built without thread-local state
 * (IGRAPH_THREAD_SAFE 0: one global stack of objects to free on error), so
 * every call here holds one process-wide lock.
 *
 * igraph_maxflow is push-relabel (Goldberg and Tarjan 1988, with global
 * relabelling and the gap heuristic): O(V^3) per call (igraph's manual).
 * igraph's capacities are igraph_real_t (double); infinite capacities are
 * replaced as in maxflow.c after the unbounded case is detected.
 */
#include <igraph/igraph.h>
#include <math.h>
#include <pthread.h>

#include "net_internal.h"

static pthread_once_t handlers_once = PTHREAD_ONCE_INIT;
static pthread_mutex_t igraph_lock = PTHREAD_MUTEX_INITIALIZER;

static void install_handlers(void)
{
    igraph_set_error_handler(igraph_error_handler_ignore);
    igraph_set_warning_handler(igraph_warning_handler_ignore);
}

static mvec_status translate(mvec_ctx *ctx, igraph_error_t code, const char *what)
{
    if (code == IGRAPH_SUCCESS)
        return MVEC_OK;
    if (code == IGRAPH_ENOMEM)
        return mvec__error(ctx, MVEC_ERR_NOMEM, "out of memory in igraph (%s)", what);
    return mvec__error(ctx, MVEC_ERR_SOLVER, "igraph failed in %s: %s", what,
                       igraph_strerror(code));
}

mvec_status mvec__igraph_maxflow(mvec_ctx *ctx, const mvec__flow_graph *g, const double *capacity,
                                 size_t source, size_t target, double *value, double *flow)
{
    mvec_status status = MVEC_OK;
    mvec__flow_scratch scratch = {0};
    MVEC_TRY(mvec__flow_scratch_alloc(ctx, g, &scratch));
    if (source == target || mvec__flow_unbounded(g, capacity, source, target, &scratch)) {
        *value = INFINITY;
        goto cleanup;
    }
    pthread_once(&handlers_once, install_handlers);
    pthread_mutex_lock(&igraph_lock);
    igraph_t graph;
    igraph_vector_int_t edges;
    igraph_vector_t capacities, flows;
    bool have_graph = false, have_edges = false, have_capacities = false, have_flows = false;
    igraph_error_t code = igraph_vector_int_init(&edges, (igraph_integer_t)(2 * g->edge_count));
    have_edges = code == IGRAPH_SUCCESS;
    if (code == IGRAPH_SUCCESS) {
        for (size_t e = 0; e < g->edge_count; e++) {
            VECTOR(edges)[2 * e] = (igraph_integer_t)g->tail[e];
            VECTOR(edges)[2 * e + 1] = (igraph_integer_t)g->head[e];
        }
        code = igraph_create(&graph, &edges, (igraph_integer_t)g->vertex_count, IGRAPH_DIRECTED);
        have_graph = code == IGRAPH_SUCCESS;
    }
    if (code == IGRAPH_SUCCESS) {
        code = igraph_vector_init(&capacities, (igraph_integer_t)g->edge_count);
        have_capacities = code == IGRAPH_SUCCESS;
    }
    if (code == IGRAPH_SUCCESS) {
        double big = mvec__flow_big(g, capacity);
        for (size_t e = 0; e < g->edge_count; e++)
            VECTOR(capacities)[e] = isfinite(capacity[e]) ? capacity[e] : big;
        code = igraph_vector_init(&flows, 0);
        have_flows = code == IGRAPH_SUCCESS;
    }
    igraph_real_t result = 0;
    if (code == IGRAPH_SUCCESS)
        code =
            igraph_maxflow(&graph, &result, flow != NULL ? &flows : NULL, NULL, NULL, NULL,
                           (igraph_integer_t)source, (igraph_integer_t)target, &capacities, NULL);
    if (code == IGRAPH_SUCCESS && flow != NULL)
        for (size_t e = 0; e < g->edge_count; e++)
            flow[e] = VECTOR(flows)[e];
    if (have_flows)
        igraph_vector_destroy(&flows);
    if (have_capacities)
        igraph_vector_destroy(&capacities);
    if (have_graph)
        igraph_destroy(&graph);
    if (have_edges)
        igraph_vector_int_destroy(&edges);
    pthread_mutex_unlock(&igraph_lock);
    MVEC_TRY(translate(ctx, code, "max-flow"));
    *value = result;
cleanup:
    mvec__flow_scratch_free(ctx, &scratch);
    return status;
}
