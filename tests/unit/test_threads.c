/*
 * test_threads.c - the thread-safety promise of mvec_ctx.h: two threads, each
 * with its own context, build and write profiles and check the claims at
 * the same time, and each result equals, byte for byte, the one built by a
 * single thread. Run twice:
 * every object per thread, then the registry, observations, scheme and
 * memberships shared read-only by both threads. A race shows as a difference
 * here and as a report under ThreadSanitizer (`make tsan`) or Helgrind.
 */
#include <mvec/mvec.h>
#include <pthread.h>

#include "test.h"

typedef struct text {
    char *data;
    size_t length;
    size_t capacity;
} text;

static int append(void *user, const char *data, size_t length)
{
    text *t = user;
    if (t->length + length + 1 > t->capacity) {
        size_t capacity = (t->length + length + 1) * 2;
        char *grown = realloc(t->data, capacity);
        if (grown == NULL)
            return -1;
        t->data = grown;
        t->capacity = capacity;
    }
    memcpy(t->data + t->length, data, length);
    t->length += length;
    t->data[t->length] = '\0';
    return 0;
}

/* What the threads share when `shared` is set; built once by main. */
typedef struct inputs {
    mvec_countries *countries;
    mvec_observations *observations;
    mvec_bloc_scheme *scheme;
    mvec_memberships *memberships;
} inputs;

static mvec_status load_inputs(mvec_ctx *ctx, inputs *in)
{
    mvec_status status = mvec_countries_open(ctx, NULL, &in->countries);
    if (status == MVEC_OK)
        status = mvec_bloc_scheme_builtin(ctx, in->countries, "powers", &in->scheme);
    if (status == MVEC_OK)
        status = mvec_memberships_builtin(ctx, in->countries, &in->memberships);
    if (status == MVEC_OK)
        status = mvec_observations_new(ctx, in->countries, &in->observations);
    if (status == MVEC_OK)
        status = mvec_observations_load_embedded(ctx, in->observations);
    return status;
}

static void free_inputs(mvec_ctx *ctx, inputs *in)
{
    mvec_observations_free(ctx, in->observations);
    mvec_memberships_free(ctx, in->memberships);
    mvec_bloc_scheme_free(ctx, in->scheme);
    mvec_countries_free(ctx, in->countries);
}

typedef struct job {
    const inputs *shared; /* NULL: load everything with the job's own context */
    int year;             /* 0: latest */
    bool with_claims;     /* also check the claims (slow under Helgrind: once) */
    text json;
    text csv;
    text claims;
    mvec_status status;
    size_t leaked; /* bytes still held by the job's context at the end */
} job;

static void *run(void *user)
{
    job *j = user;
    mvec_ctx *ctx = mvec_ctx_new(NULL, NULL);
    inputs own = {NULL, NULL, NULL, NULL};
    mvec_profile *profile = NULL;
    mvec_claims *claims = NULL;
    if (ctx == NULL) {
        j->status = MVEC_ERR_NOMEM;
        return NULL;
    }
    const inputs *in = j->shared;
    mvec_status status = MVEC_OK;
    if (in == NULL) {
        status = load_inputs(ctx, &own);
        in = &own;
    }
    mvec_profile_options options = MVEC_PROFILE_OPTIONS_INIT;
    options.year = j->year;
    if (status == MVEC_OK)
        status = mvec_profile_build(ctx, in->observations, in->scheme, in->memberships, &options,
                                    &profile);
    mvec_sink json = {append, &j->json};
    mvec_sink csv = {append, &j->csv};
    if (status == MVEC_OK)
        status = mvec_profile_write(ctx, profile, MVEC_FORMAT_JSON, &json);
    if (status == MVEC_OK)
        status = mvec_profile_write(ctx, profile, MVEC_FORMAT_CSV, &csv);
    mvec_claim_options claim_options = MVEC_CLAIM_OPTIONS_INIT;
    claim_options.year = j->year;
    mvec_sink claims_sink = {append, &j->claims};
    if (status == MVEC_OK && j->with_claims)
        status = mvec_claims_check(ctx, in->observations, in->memberships, &claim_options, &claims);
    if (status == MVEC_OK && j->with_claims)
        status = mvec_claims_write(ctx, claims, MVEC_FORMAT_JSON, &claims_sink);
    if (status != MVEC_OK)
        fprintf(stderr, "thread: %s\n", mvec_ctx_error_message(ctx));
    mvec_claims_free(ctx, claims);
    mvec_profile_free(ctx, profile);
    free_inputs(ctx, &own);
    j->status = status;
    j->leaked = mvec_ctx_memory(ctx).current_bytes;
    mvec_ctx_free(ctx);
    return NULL;
}

static void free_job(job *j)
{
    free(j->json.data);
    free(j->csv.data);
    free(j->claims.data);
}

/* Two threads at once; each result must equal the single-threaded one. */
static void run_pair(const inputs *shared, int year, bool claims)
{
    job alone = {shared, year, claims, {NULL, 0, 0}, {NULL, 0, 0}, {NULL, 0, 0}, MVEC_OK, 0};
    run(&alone);
    CHECK_STATUS(alone.status, MVEC_OK);
    CHECK(alone.json.length > 1000 && alone.csv.length > 100);
    CHECK(!claims || alone.claims.length > 100);
    job jobs[2] = {{shared, year, claims, {NULL, 0, 0}, {NULL, 0, 0}, {NULL, 0, 0}, MVEC_OK, 0},
                   {shared, year, claims, {NULL, 0, 0}, {NULL, 0, 0}, {NULL, 0, 0}, MVEC_OK, 0}};
    pthread_t threads[2];
    int started[2];
    for (int t = 0; t < 2; t++)
        started[t] = pthread_create(&threads[t], NULL, run, &jobs[t]) == 0;
    for (int t = 0; t < 2; t++) {
        CHECK(started[t]);
        if (started[t])
            pthread_join(threads[t], NULL);
        CHECK_STATUS(jobs[t].status, MVEC_OK);
        CHECK(jobs[t].leaked == 0);
        CHECK(jobs[t].json.length == alone.json.length &&
              memcmp(jobs[t].json.data, alone.json.data, alone.json.length) == 0);
        CHECK(jobs[t].csv.length == alone.csv.length &&
              memcmp(jobs[t].csv.data, alone.csv.data, alone.csv.length) == 0);
        if (claims)
            CHECK(jobs[t].claims.length == alone.claims.length &&
                  memcmp(jobs[t].claims.data, alone.claims.data, alone.claims.length) == 0);
        free_job(&jobs[t]);
    }
    free_job(&alone);
}

int main(void)
{
    /* every object per thread */
    run_pair(NULL, 0, false);

    /* registry, observations, scheme and memberships shared read-only */
    mvec_ctx *ctx = mvec_ctx_new(NULL, NULL);
    inputs shared = {NULL, NULL, NULL, NULL};
    CHECK(ctx != NULL);
    if (ctx == NULL)
        return 1;
    CHECK_STATUS(load_inputs(ctx, &shared), MVEC_OK);
    if (shared.observations != NULL) {
        run_pair(&shared, 0, true);
        run_pair(&shared, 2021, false);
    }
    free_inputs(ctx, &shared);
    CHECK(mvec_ctx_memory(ctx).current_bytes == 0);
    mvec_ctx_free(ctx);
    return test_report("test_threads");
}
