/*
 * fuzz_network.c - any text as a corridor network file (--network FILE); a
 * network that loads is then run through mvec_routes_compute without and
 * with a closure (its first link, and the first transit country when there
 * is one), written as JSON, and through mvec_network_reroute with every
 * other link at half capacity.
 */
#include "../src/lib/mvec_internal.h"
#include "fuzz_common.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    fuzz_setup();
    (void)fuzz_profile; /* fuzz_common.h's profile helper: not used here */
    return 0;
}

static void run(const mvec_network *net, const mvec_routes_options *options)
{
    mvec_routes *routes = NULL;
    if (mvec_routes_compute(fuzz_ctx, net, options, &routes) == MVEC_OK) {
        mvec_sink sink = {discard, NULL};
        mvec_routes_write(fuzz_ctx, routes, MVEC_FORMAT_JSON, &sink);
        mvec_routes_write(fuzz_ctx, routes, MVEC_FORMAT_TABLE, &sink);
    }
    mvec_routes_free(fuzz_ctx, routes);
}

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    size_t before = fuzz_bytes_before();
    mvec_network *net = NULL;
    if (mvec_network_load_text(fuzz_ctx, fuzz_countries, "fuzz.csv", (const char *)data, size,
                               &net) == MVEC_OK) {
        mvec_routes_options options = MVEC_ROUTES_OPTIONS_INIT;
        run(net, &options);
        const char *closed[1] = {mvec_network_link_at(net, 0)->id};
        options.closed_links = closed;
        options.closed_link_count = 1;
        const mvec_network_link *first = mvec_network_link_at(net, 0);
        const char *transit[1] = {first->transit_count > 0 ? first->transit[0] : NULL};
        options.closed_transit = transit;
        options.closed_transit_count = first->transit_count > 0 ? 1 : 0;
        run(net, &options);
        size_t links = mvec_network_link_count(net);
        double *factor = malloc(links * sizeof *factor);
        if (factor != NULL) {
            for (size_t l = 0; l < links; l++)
                factor[l] = l % 2 ? 0.5 : 1.0;
            mvec_reroute r;
            for (size_t c = 0; c < mvec_network_commodity_count(net); c++)
                mvec_network_reroute(fuzz_ctx, net, mvec_network_commodity_at(net, c), 0, factor,
                                     1.5, &r);
            free(factor);
        }
    }
    mvec_network_free(fuzz_ctx, net);
    fuzz_check_leaks(before);
    return 0;
}
