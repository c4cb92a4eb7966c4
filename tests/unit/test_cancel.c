/*
 * test_cancel.c - the cancel callback: a load of a large generated CSV stops
 * with MVEC_ERR_CANCELLED within 0.1 s of the callback asking, leaves the
 * store as it was and leaks nothing; the callback is consulted during the
 * load but at most once per 10 ms; a cancelled context works again once the
 * callback says "go on".
 */
#include <mvec/mvec.h>
#include <time.h>

#include "test.h"

static double now_seconds(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

typedef struct canceller {
    size_t calls;    /* times the library consulted the callback */
    size_t ask_at;   /* answer "stop" from this call on; 0: never */
    double asked_at; /* when it first answered "stop" */
} canceller;

static bool cancel_after(void *user)
{
    canceller *c = user;
    c->calls++;
    if (c->ask_at == 0 || c->calls < c->ask_at)
        return false;
    if (c->calls == c->ask_at)
        c->asked_at = now_seconds();
    return true;
}

/* A long-format table of `rows` figures (about 70 bytes each). */
static char *generate(size_t rows, size_t *length)
{
    size_t capacity = 100 + rows * 100;
    char *text = malloc(capacity);
    if (text == NULL)
        return NULL;
    size_t used = (size_t)snprintf(text, capacity,
                                   "country,partner,vector,indicator,year,value,unit,basis,"
                                   "source\n");
    for (size_t i = 0; i < rows; i++)
        used += (size_t)snprintf(text + used, capacity - used,
                                 "KAZ,CHN,trade.total,value,%zu,%zu.5,USD bn,reporter,Row %zu\n",
                                 1990 + i % 30, i % 1000, i);
    *length = used;
    return text;
}

int main(void)
{
    mvec_ctx *ctx = mvec_ctx_new(NULL, NULL);
    mvec_countries *countries = NULL;
    mvec_observations *observations = NULL;
    enum { ROWS = 100000, SMALL_ROWS = 20000 };
    size_t length = 0;
    char *text = generate(ROWS, &length);
    CHECK(ctx != NULL && text != NULL);
    if (ctx == NULL || text == NULL)
        return 1;
    CHECK_STATUS(mvec_countries_open(ctx, NULL, &countries), MVEC_OK);
    if (countries == NULL) {
        fprintf(stderr, "%s\n", mvec_ctx_error_message(ctx));
        return 1;
    }
    size_t baseline = mvec_ctx_memory(ctx).current_bytes;

    /* 1. A callback that never asks: the load completes, the callback was
     * consulted while it ran, and no more often than once per 10 ms. */
    {
        canceller c = {0, 0, 0};
        mvec_ctx_set_cancel(ctx, cancel_after, &c);
        CHECK_STATUS(mvec_observations_new(ctx, countries, &observations), MVEC_OK);
        size_t small_length = 0;
        char *small = generate(SMALL_ROWS, &small_length);
        double start = now_seconds();
        CHECK_STATUS(
            mvec_observations_load_text(ctx, observations, "small.csv", small, small_length, NULL),
            MVEC_OK);
        double elapsed = now_seconds() - start;
        CHECK(mvec_observations_count(observations) == SMALL_ROWS);
        CHECK(c.calls >= 1);
        if (elapsed > 0.030) /* consulted again after each 10 ms */
            CHECK(c.calls >= 2);
        CHECK((double)c.calls <= elapsed / 0.010 + 2);
        printf("load of %d rows: %.3f s, callback consulted %zu times\n", (int)SMALL_ROWS, elapsed,
               c.calls);
        free(small);
        mvec_observations_free(ctx, observations);
        observations = NULL;
        mvec_ctx_set_cancel(ctx, NULL, NULL); /* `c` goes out of scope */
    }

    /* 2. A callback that asks on its third call: the load stops soon after. */
    {
        canceller c = {0, 3, 0};
        mvec_ctx_set_cancel(ctx, cancel_after, &c);
        CHECK_STATUS(mvec_observations_new(ctx, countries, &observations), MVEC_OK);
        size_t before_load = mvec_ctx_memory(ctx).current_bytes;
        double start = now_seconds();
        CHECK_STATUS(mvec_observations_load_text(ctx, observations, "big.csv", text, length, NULL),
                     MVEC_ERR_CANCELLED);
        double end = now_seconds();
        CHECK(c.calls >= 3);
        CHECK(c.asked_at > 0);
        CHECK(end - c.asked_at <= 0.1);
        printf("cancel asked %.3f s into the load; the load returned %.6f s later\n",
               c.asked_at - start, end - c.asked_at);
        CHECK_STR(mvec_ctx_error_message(ctx), "cancelled: the cancel callback asked to stop");
        CHECK(mvec_ctx_error_status(ctx) == MVEC_ERR_CANCELLED);
        CHECK(mvec_observations_count(observations) == 0);
        /* a failed load keeps nothing but the store's own buffers */
        CHECK(mvec_ctx_memory(ctx).current_bytes >= before_load);
        mvec_observations_free(ctx, observations);
        observations = NULL;
        CHECK(mvec_ctx_memory(ctx).current_bytes == baseline);
        mvec_ctx_set_cancel(ctx, NULL, NULL); /* `c` goes out of scope */
    }

    /* 3. The same context, the callback now saying "go on": work resumes. */
    {
        canceller c = {0, 0, 0};
        mvec_ctx_set_cancel(ctx, cancel_after, &c);
        mvec_ctx_clear_error(ctx);
        CHECK_STATUS(mvec_observations_new(ctx, countries, &observations), MVEC_OK);
        CHECK_STATUS(mvec_observations_load_embedded(ctx, observations), MVEC_OK);
        CHECK(mvec_observations_count(observations) > 0);
        CHECK(c.calls >= 1);
        mvec_observations_free(ctx, observations);
        observations = NULL;
        mvec_ctx_set_cancel(ctx, NULL, NULL); /* `c` goes out of scope */
    }

    /* 4. A callback that asks at once stops even the embedded load. */
    {
        canceller c = {0, 1, 0};
        CHECK_STATUS(mvec_observations_new(ctx, countries, &observations), MVEC_OK);
        if (observations == NULL)
            return 1;
        mvec_ctx_set_cancel(ctx, cancel_after, &c);
        CHECK_STATUS(mvec_observations_load_embedded(ctx, observations), MVEC_ERR_CANCELLED);
        CHECK(mvec_observations_count(observations) == 0);
        mvec_observations_free(ctx, observations);
        observations = NULL;
        mvec_ctx_set_cancel(ctx, NULL, NULL);
    }

    CHECK(mvec_ctx_memory(ctx).current_bytes == baseline);
    mvec_countries_free(ctx, countries);
    CHECK(mvec_ctx_memory(ctx).current_bytes == 0);
    mvec_ctx_free(ctx);
    free(text);
    return test_report("test_cancel");
}
