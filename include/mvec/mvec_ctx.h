/*
 * mvec_ctx.h - the context every libmvec call takes first.
 *
 * A context carries the allocator hook, the log callback, the cancel
 * callback, the progress callback and the last error.
 *
 * Ownership rule for the whole API: functions never take ownership of their
 * arguments; an object returned through a `**out` parameter is owned by the
 * caller and released with the matching _free function (which accepts NULL),
 * passing the context it was created with; const pointers returned by
 * accessors are borrowed and stay valid until the owning object is modified
 * or freed. libmvec never hands out memory for the caller to free otherwise.
 *
 * Statuses: every function returning mvec_status lists in its comment the
 * statuses other than MVEC_OK it can return (mvec_status.h says what each
 * means). Other functions cannot fail, except mvec_ctx_new (NULL when out
 * of memory).
 *
 * Threads (tested by tests/unit/test_threads.c, run under Helgrind by
 * `make check` and under ThreadSanitizer by `make tsan`):
 *  - A context, and every object created with it, is used by one thread at a
 *    time. Different threads may use different contexts at the same time.
 *  - An object nobody modifies or frees (a country registry, an observation
 *    store that is not being loaded, a scheme, a membership table, a profile,
 *    a claim set) may be read by several threads at once, each passing its
 *    own context: e.g. threads may build profiles from one observation store.
 *  - Callbacks (allocator, log, cancel, progress, output sink) run on the
 *    thread that made the call. Reading a flow file (mvec_flows.h) starts
 *    worker threads of its own, joined before the call returns; they never
 *    call back and never allocate through the context.
 *  - Process-wide effects: the first computation that needs GSL switches
 *    GSL's error handler off for the whole process, once
 *    (gsl_set_error_handler_off; GSL's default handler aborts). A program
 *    that installs its own GSL handler must make it return, not abort. GLPK
 *    (version 5, built with thread-local storage as Debian's libglpk40 is)
 *    keeps its environment per thread: libmvec turns GLPK's terminal output
 *    off and sets its error hook in the calling thread only, frees that
 *    thread's GLPK environment when the thread exits (the main thread's
 *    lives until the process ends), and also right after a GLPK internal
 *    error, which invalidates the program's own GLPK objects of that thread.
 *    igraph (corridor max-flows, mvec_routes_compute): the first call replaces
 *    igraph's error handler, process-wide and once, by
 *    igraph_error_handler_ignore (igraph's default aborts) and its warning
 *    handler by igraph_warning_handler_ignore (the default prints); a program
 *    that installs its own igraph handlers must make them return. Debian's
 *    igraph is not thread-safe (IGRAPH_THREAD_SAFE 0), so libmvec serialises
 *    its igraph calls on one process-wide lock; mvec_network_reroute calls no
 *    igraph function.
 *    Numbers are read and written under a private "C" locale (uselocale, per
 *    thread): the program's setlocale does not change them.
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

/* Asked between units of long work (each CSV record read, each distribution
 * and scenario evaluated, each claim checked); return true to stop. The call
 * then returns MVEC_ERR_CANCELLED within 0.1 s, having released what it
 * allocated and left its arguments as they were (a cancelled load adds no
 * observation). The callback is consulted at most once per 10 ms, but at
 * every check once it has returned true, until it returns false: keep
 * returning true until the call has returned (e.g. read a flag that another
 * thread sets and the caller clears before its next call). */
typedef bool (*mvec_cancel_fn)(void *user);

/* Progress of long work (a flow file's import, an observation file over 4 MB,
 * a simulation's paths), reported on the calling thread between units of work,
 * about every 0.05-0.1 s. `total_bytes` is 0 when unknown; `rows` counts the
 * records read (or paths run) so far, `total_rows` their number when known. The caller draws it (the
 * library never prints). `task` is only valid during the call. */
typedef struct mvec_progress {
    const char *task;         /* e.g. "reading wto.csv.gz" */
    unsigned long long done_bytes;
    unsigned long long total_bytes;
    unsigned long long rows;
    double elapsed_seconds;   /* since the work started */
    unsigned long long total_rows; /* 0 when unknown (e.g. paths of a simulation to run) */
    const char *unit;         /* what `rows` counts: "rows" or "paths"; NULL means "rows" */
} mvec_progress;

typedef void (*mvec_progress_fn)(void *user, const mvec_progress *progress);

/* Allocation counters (e.g. to report peak memory, or for leak checks in
 * tests). Sizes in bytes. */
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

/* Status of the last failure; MVEC_OK when nothing has failed. Cannot fail. */
MVEC_API mvec_status mvec_ctx_error_status(const mvec_ctx *ctx);

/* Forget the last failure: status MVEC_OK, message "". */
MVEC_API void mvec_ctx_clear_error(mvec_ctx *ctx);

/* Install the log callback (NULL to drop messages). */
MVEC_API void mvec_ctx_set_log(mvec_ctx *ctx, mvec_log_fn log_fn, void *user);

/* Install the cancel callback (NULL for none); its 10 ms clock restarts. */
MVEC_API void mvec_ctx_set_cancel(mvec_ctx *ctx, mvec_cancel_fn cancel_fn, void *user);

/* Install the progress callback (NULL for none). */
MVEC_API void mvec_ctx_set_progress(mvec_ctx *ctx, mvec_progress_fn progress_fn, void *user);

/* Current allocation counters. */
MVEC_API mvec_memory_stats mvec_ctx_memory(const mvec_ctx *ctx);

#endif
