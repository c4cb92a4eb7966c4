/*
 * test_alloc_failures.c - every allocation can fail (SQLite's fault
 * simulator): the whole profile pipeline runs with an allocator that fails
 * at the Nth call, for N = 1, 2, ... (all of the first 400, then spaced
 * out), and each run must stop with MVEC_ERR_NOMEM and leak nothing.
 */
#include <mvec/mvec.h>

#include "test.h"


static int discard(void *user, const char *data, size_t length)
{
    (void)user;
    (void)data;
    (void)length;
    return 0;
}

/* The whole pipeline; returns its first failing status. */
static mvec_status pipeline(mvec_ctx *ctx)
{
    mvec_countries *countries = NULL;
    mvec_bloc_scheme *scheme = NULL;
    mvec_memberships *memberships = NULL;
    mvec_observations *observations = NULL;
    mvec_profile *profile = NULL;
    mvec_claims *claims = NULL;
    mvec_sink sink = {discard, NULL};
    mvec_status status = mvec_countries_open(ctx, NULL, &countries);
    if (status == MVEC_OK)
        status = mvec_bloc_scheme_builtin(ctx, countries, "powers", &scheme);
    if (status == MVEC_OK)
        status = mvec_memberships_builtin(ctx, countries, &memberships);
    if (status == MVEC_OK)
        status = mvec_observations_new(ctx, countries, &observations);
    if (status == MVEC_OK)
        status = mvec_observations_load_embedded(ctx, observations);
    if (status == MVEC_OK)
        status = mvec_profile_build(ctx, observations, scheme, memberships, NULL, &profile);
    if (status == MVEC_OK)
        status = mvec_profile_write_with(ctx, profile, MVEC_FORMAT_TABLE, MVEC_WRITE_NOTES, &sink);
    if (status == MVEC_OK)
        status = mvec_profile_write(ctx, profile, MVEC_FORMAT_JSON, &sink);
    if (status == MVEC_OK)
        status = mvec_claims_check(ctx, observations, memberships, NULL, &claims);
    if (status == MVEC_OK)
        status = mvec_claims_write(ctx, claims, MVEC_FORMAT_TABLE, &sink);
    mvec_claims_free(ctx, claims);
    mvec_profile_free(ctx, profile);
    mvec_observations_free(ctx, observations);
    mvec_memberships_free(ctx, memberships);
    mvec_bloc_scheme_free(ctx, scheme);
    mvec_countries_free(ctx, countries);
    return status;
}

int main(void)
{
    failing_allocator counter = {-1, 0};
    mvec_ctx *ctx = mvec_ctx_new(failing_realloc, &counter);
    CHECK_STATUS(pipeline(ctx), MVEC_OK);
    long total = counter.calls;
    CHECK(mvec_ctx_memory(ctx).current_bytes == 0);
    mvec_ctx_free(ctx);
    long runs = 0;
    for (long n = 1; n < total; n += n < 400 ? 1 : n / 16) {
        failing_allocator a = {n, 0};
        ctx = mvec_ctx_new(failing_realloc, &a);
        mvec_status status = pipeline(ctx);
        CHECK_STATUS(status, MVEC_ERR_NOMEM);
        CHECK(mvec_ctx_memory(ctx).current_bytes == 0);
        if (test_failures > 0) {
            fprintf(stderr, "allocation %ld of %ld: %s\n", n, total, mvec_ctx_error_message(ctx));
            mvec_ctx_free(ctx);
            break;
        }
        mvec_ctx_free(ctx);
        runs++;
    }
    printf("test_alloc_failures: %ld allocations in the pipeline, %ld failure points tried\n",
           total, runs);
    return test_report("test_alloc_failures");
}
