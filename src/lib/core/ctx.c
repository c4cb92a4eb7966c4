/*
 * ctx.c - the context: allocator hook and counters, last error, log and
 * cancel callbacks. Every allocation of libmvec passes through here, which is
 * what lets the tests fail the Nth allocation (SQLite's fault simulator).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../mvec_internal.h"

enum { ERROR_MESSAGE_MAX = 2048 };

/* The cancel callback is consulted at most once per this many nanoseconds. */
static const long long CANCEL_INTERVAL_NS = 10 * 1000 * 1000;

struct mvec_ctx {
    mvec_realloc_fn realloc_fn;
    void *realloc_user;
    mvec_memory_stats stats;
    mvec_status error_status;
    char error_message[ERROR_MESSAGE_MAX];
    mvec_log_fn log_fn;
    void *log_user;
    mvec_cancel_fn cancel_fn;
    void *cancel_user;
    bool cancel_consulted;    /* the callback has been consulted since it was set */
    long long cancel_last_ns; /* monotonic time of that last consultation */
    bool cancel_asked;        /* its last answer was "stop" */
    mvec_progress_fn progress_fn;
    void *progress_user;
};

/* Every block starts with its size; the union keeps the payload aligned for any type. */
typedef union block_header {
    size_t size;
    max_align_t align;
} block_header;

static void *default_realloc(void *user, void *ptr, size_t old_size, size_t new_size)
{
    (void)user;
    (void)old_size;
    if (new_size == 0) {
        free(ptr);
        return NULL;
    }
    return realloc(ptr, new_size);
}

mvec_ctx *mvec_ctx_new(mvec_realloc_fn realloc_fn, void *user)
{
    if (realloc_fn == NULL) {
        realloc_fn = default_realloc;
        user = NULL;
    }
    mvec_ctx *ctx = realloc_fn(user, NULL, 0, sizeof *ctx);
    if (ctx == NULL)
        return NULL;
    memset(ctx, 0, sizeof *ctx);
    ctx->realloc_fn = realloc_fn;
    ctx->realloc_user = user;
    return ctx;
}

void mvec_ctx_free(mvec_ctx *ctx)
{
    if (ctx == NULL)
        return;
    ctx->realloc_fn(ctx->realloc_user, ctx, sizeof *ctx, 0);
}

const char *mvec_ctx_error_message(const mvec_ctx *ctx)
{
    return ctx->error_message;
}

mvec_status mvec_ctx_error_status(const mvec_ctx *ctx)
{
    return ctx->error_status;
}

void mvec_ctx_clear_error(mvec_ctx *ctx)
{
    ctx->error_status = MVEC_OK;
    ctx->error_message[0] = '\0';
}

void mvec_ctx_set_log(mvec_ctx *ctx, mvec_log_fn log_fn, void *user)
{
    ctx->log_fn = log_fn;
    ctx->log_user = user;
}

void mvec_ctx_set_cancel(mvec_ctx *ctx, mvec_cancel_fn cancel_fn, void *user)
{
    ctx->cancel_fn = cancel_fn;
    ctx->cancel_user = user;
    ctx->cancel_consulted = false;
    ctx->cancel_asked = false;
}

void mvec_ctx_set_progress(mvec_ctx *ctx, mvec_progress_fn progress_fn, void *user)
{
    ctx->progress_fn = progress_fn;
    ctx->progress_user = user;
}

void mvec__progress(mvec_ctx *ctx, const mvec_progress *progress)
{
    if (ctx->progress_fn != NULL)
        ctx->progress_fn(ctx->progress_user, progress);
}

mvec_memory_stats mvec_ctx_memory(const mvec_ctx *ctx)
{
    return ctx->stats;
}

mvec_status mvec__error(mvec_ctx *ctx, mvec_status status, const char *fmt, ...)
{
    va_list args;
    va_start(args, fmt);
    vsnprintf(ctx->error_message, sizeof ctx->error_message, fmt, args);
    va_end(args);
    ctx->error_status = status;
    return status;
}

void mvec__log(mvec_ctx *ctx, mvec_log_level level, const char *fmt, ...)
{
    if (ctx->log_fn == NULL)
        return;
    char message[ERROR_MESSAGE_MAX];
    va_list args;
    va_start(args, fmt);
    vsnprintf(message, sizeof message, fmt, args);
    va_end(args);
    ctx->log_fn(ctx->log_user, level, message);
}

/* False when there is no monotonic clock (then the callback is consulted at every check). */
static bool monotonic_ns(long long *out)
{
    struct timespec now;
    if (clock_gettime(CLOCK_MONOTONIC, &now) != 0)
        return false;
    *out = (long long)now.tv_sec * 1000000000LL + now.tv_nsec;
    return true;
}

mvec_status mvec__check_cancel(mvec_ctx *ctx)
{
    if (ctx->cancel_fn == NULL)
        return MVEC_OK;
    if (!ctx->cancel_asked) {
        long long now = 0;
        if (monotonic_ns(&now) && ctx->cancel_consulted &&
            now - ctx->cancel_last_ns < CANCEL_INTERVAL_NS)
            return MVEC_OK;
        ctx->cancel_last_ns = now;
        ctx->cancel_consulted = true;
    }
    /* Once it has asked, it is consulted at every check until it says no. */
    ctx->cancel_asked = ctx->cancel_fn(ctx->cancel_user);
    if (!ctx->cancel_asked)
        return MVEC_OK;
    return mvec__error(ctx, MVEC_ERR_CANCELLED, "cancelled: the cancel callback asked to stop");
}

mvec_status mvec__options_read(mvec_ctx *ctx, const char *type, const char *init, void *local,
                               size_t local_size, size_t min_size, const void *given)
{
    if (given == NULL)
        return MVEC_OK;
    size_t size = 0;
    memcpy(&size, given, sizeof size);
    if (size == 0)
        return mvec__error(ctx, MVEC_ERR_INVALID, "%s.size is 0: initialise the struct with %s",
                           type, init);
    if (size < min_size || size > local_size)
        return mvec__error(ctx, MVEC_ERR_INVALID,
                           "%s.size is %zu, but this libmvec accepts %zu to %zu: the program "
                           "was built against another mvec header (initialise the struct "
                           "with %s)",
                           type, size, min_size, local_size, init);
    memcpy(local, given, size);
    return MVEC_OK;
}

static void count_allocation(mvec_ctx *ctx, size_t old_size, size_t new_size)
{
    ctx->stats.calls++;
    ctx->stats.current_bytes = ctx->stats.current_bytes - old_size + new_size;
    if (ctx->stats.current_bytes > ctx->stats.peak_bytes)
        ctx->stats.peak_bytes = ctx->stats.current_bytes;
}

mvec_status mvec__alloc(mvec_ctx *ctx, size_t size, void *out_ptr)
{
    void **out = out_ptr;
    if (size > SIZE_MAX - sizeof(block_header))
        return mvec__error(ctx, MVEC_ERR_NOMEM, "out of memory (request of %zu bytes)", size);
    block_header *block = ctx->realloc_fn(ctx->realloc_user, NULL, 0, sizeof *block + size);
    if (block == NULL)
        return mvec__error(ctx, MVEC_ERR_NOMEM, "out of memory (request of %zu bytes)", size);
    count_allocation(ctx, 0, size);
    block->size = size;
    *out = block + 1;
    return MVEC_OK;
}

mvec_status mvec__calloc(mvec_ctx *ctx, size_t count, size_t size, void *out_ptr)
{
    if (size != 0 && count > SIZE_MAX / size)
        return mvec__error(ctx, MVEC_ERR_NOMEM, "out of memory (%zu items of %zu bytes)", count,
                           size);
    void **out = out_ptr;
    void *block = NULL;
    mvec_status status = mvec__alloc(ctx, count * size, &block);
    if (status != MVEC_OK)
        return status;
    memset(block, 0, count * size);
    *out = block;
    return MVEC_OK;
}

mvec_status mvec__realloc(mvec_ctx *ctx, void *in_out_ptr, size_t new_size)
{
    void **ptr = in_out_ptr;
    if (*ptr == NULL)
        return mvec__alloc(ctx, new_size, ptr);
    if (new_size > SIZE_MAX - sizeof(block_header))
        return mvec__error(ctx, MVEC_ERR_NOMEM, "out of memory (request of %zu bytes)", new_size);
    block_header *block = (block_header *)*ptr - 1;
    size_t old_size = block->size;
    block_header *grown = ctx->realloc_fn(ctx->realloc_user, block, sizeof *block + old_size,
                                          sizeof *block + new_size);
    if (grown == NULL)
        return mvec__error(ctx, MVEC_ERR_NOMEM, "out of memory (request of %zu bytes)", new_size);
    count_allocation(ctx, old_size, new_size);
    grown->size = new_size;
    *ptr = grown + 1;
    return MVEC_OK;
}

void mvec__free(mvec_ctx *ctx, void *ptr)
{
    if (ptr == NULL)
        return;
    block_header *block = (block_header *)ptr - 1;
    size_t size = block->size;
    ctx->stats.current_bytes -= size;
    ctx->realloc_fn(ctx->realloc_user, block, sizeof *block + size, 0);
}

mvec_status mvec__strndup(mvec_ctx *ctx, const char *text, size_t length, char **out)
{
    char *copy = NULL;
    mvec_status status = mvec__alloc(ctx, length + 1, &copy);
    if (status != MVEC_OK)
        return status;
    memcpy(copy, text, length);
    copy[length] = '\0';
    *out = copy;
    return MVEC_OK;
}

mvec_status mvec__strdup(mvec_ctx *ctx, const char *text, char **out)
{
    return mvec__strndup(ctx, text, strlen(text), out);
}

mvec_status mvec__grow(mvec_ctx *ctx, void *items, size_t *capacity, size_t needed,
                       size_t item_size)
{
    if (needed <= *capacity)
        return MVEC_OK;
    size_t new_capacity = *capacity ? *capacity : 8;
    while (new_capacity < needed) {
        if (new_capacity > SIZE_MAX / 2 / item_size)
            return mvec__error(ctx, MVEC_ERR_NOMEM, "out of memory (%zu items)", needed);
        new_capacity *= 2;
    }
    mvec_status status = mvec__realloc(ctx, items, new_capacity * item_size);
    if (status == MVEC_OK)
        *capacity = new_capacity;
    return status;
}
