/*
 * mvec_ctx.h - the context every libmvec call takes first.
 *
 * A context carries the allocator hook, the log callback, the cancel
 * callback and the last error. Contexts share nothing: two threads may use
 * two contexts at once; one context must not be used by two threads at once.
 *
 * Ownership rule for the whole API: functions never take ownership of their
 * arguments; an object returned through a `**out` parameter is owned by the
 * caller and released with the matching _free function (which accepts NULL);
 * const pointers returned by accessors are borrowed and stay valid until the
 * owning object is modified or freed.
 */
#ifndef MVEC_CTX_H
#define MVEC_CTX_H

#include <stddef.h>
#include <stdbool.h>

#include "mvec_export.h"
#include "mvec_status.h"

typedef struct mvec_ctx mvec_ctx;

/*
 * Allocator hook, shaped like lua_Alloc. Called with new_size == 0 to free
 * `ptr` (must then return NULL), with ptr == NULL to allocate, otherwise to
 * resize. `old_size` is the size of the block at `ptr` (0 when ptr is NULL).
 * Returning NULL for new_size > 0 means the allocation failed; libmvec then
 * returns MVEC_ERR_NOMEM and leaks nothing.
 */
typedef void *(*mvec_realloc_fn)(void *user, void *ptr, size_t old_size, size_t new_size);

typedef enum mvec_log_level {
    MVEC_LOG_ERROR = 0,
    MVEC_LOG_WARNING,
    MVEC_LOG_NOTE,
    MVEC_LOG_DEBUG,
} mvec_log_level;

/* Receives warnings and notes (e.g. "3 superseded rows kept but not used").
 * `message` is only valid during the call. */
typedef void (*mvec_log_fn)(void *user, mvec_log_level level, const char *message);

/* Asked between units of long work; return true to stop with MVEC_ERR_CANCELLED. */
typedef bool (*mvec_cancel_fn)(void *user);

/* Allocation counters, for --stats and for tests. Sizes in bytes. */
typedef struct mvec_memory_stats {
    size_t current_bytes; /* live bytes allocated through the hook */
    size_t peak_bytes;    /* largest value current_bytes has reached */
    size_t calls;         /* allocate and resize calls made */
} mvec_memory_stats;

/* Create a context. `realloc_fn` NULL selects the C library allocator.
 * Returns NULL only when the context itself cannot be allocated. */
MVEC_API mvec_ctx *mvec_ctx_new(mvec_realloc_fn realloc_fn, void *user);

/* Release a context. Objects created with it must be freed first. NULL is a no-op. */
MVEC_API void mvec_ctx_free(mvec_ctx *ctx);

/* Message of the last failure, e.g. "data.csv:12:6: invalid number 'x12'";
 * "" when nothing has failed. Valid until the next failing call on ctx. */
MVEC_API const char *mvec_ctx_error_message(const mvec_ctx *ctx);

/* Status of the last failure; MVEC_OK when nothing has failed. */
MVEC_API mvec_status mvec_ctx_error_status(const mvec_ctx *ctx);

/* Forget the last failure. */
MVEC_API void mvec_ctx_clear_error(mvec_ctx *ctx);

/* Install the log callback (NULL to drop messages). */
MVEC_API void mvec_ctx_set_log(mvec_ctx *ctx, mvec_log_fn log_fn, void *user);

/* Install the cancel callback (NULL for none). */
MVEC_API void mvec_ctx_set_cancel(mvec_ctx *ctx, mvec_cancel_fn cancel_fn, void *user);

/* Current allocation counters. */
MVEC_API mvec_memory_stats mvec_ctx_memory(const mvec_ctx *ctx);

/* Release a block that libmvec returned to the caller as a plain pointer
 * (the text of mvec_format_* calls). NULL is a no-op. */
MVEC_API void mvec_free(mvec_ctx *ctx, void *ptr);

#endif
