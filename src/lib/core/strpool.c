/*
 * strpool.c - interned strings: each distinct text is stored once and lives
 * as long as the pool, so loaded rows can point at shared copies of their
 * repeated codes, units and source names.
 */
#include <string.h>

#include "../mvec_internal.h"

mvec_status mvec__strpool_intern(mvec_ctx *ctx, mvec__strpool *pool, const char *text,
                                 const char **out)
{
    mvec_status status = MVEC_OK;
    size_t index;
    if (mvec__strmap_get(&pool->index, text, &index)) {
        *out = pool->strings[index];
        return MVEC_OK;
    }
    MVEC_TRY(mvec__grow(ctx, &pool->strings, &pool->capacity, pool->count + 1,
                        sizeof *pool->strings));
    MVEC_TRY(mvec__strdup(ctx, text, &pool->strings[pool->count]));
    status = mvec__strmap_put(ctx, &pool->index, text, pool->count, NULL);
    if (status != MVEC_OK) {
        mvec__free(ctx, pool->strings[pool->count]);
        goto cleanup;
    }
    *out = pool->strings[pool->count++];
cleanup:
    return status;
}

void mvec__strpool_clear(mvec_ctx *ctx, mvec__strpool *pool)
{
    for (size_t i = 0; i < pool->count; i++)
        mvec__free(ctx, pool->strings[i]);
    mvec__free(ctx, pool->strings);
    mvec__strmap_clear(ctx, &pool->index);
    pool->strings = NULL;
    pool->count = 0;
    pool->capacity = 0;
}
