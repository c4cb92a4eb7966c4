/*
 * mvec_internal.h - declarations shared by the files of libmvec.
 *
 * Names shared across files carry the mvec__ prefix (two underscores) and are
 * hidden from the shared library. Every fallible function returns
 * mvec_status and follows one pattern:
 *
 *     mvec_status status = MVEC_OK;
 *     char *text = NULL;                       // resources start as NULL
 *     MVEC_TRY(mvec__strdup(ctx, name, &text)); // propagate to cleanup
 *     if (bad) MVEC_FAIL(ctx, MVEC_ERR_INVALID, "bad thing '%s'", name);
 *   cleanup:
 *     mvec__free(ctx, text);                   // NULL-safe
 *     return status;
 */
#ifndef MVEC_INTERNAL_H
#define MVEC_INTERNAL_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "mvec/mvec.h"

#define MVEC_TRY(expr)                                                                             \
    do {                                                                                           \
        status = (expr);                                                                           \
        if (status != MVEC_OK)                                                                     \
            goto cleanup;                                                                          \
    } while (0)

#define MVEC_FAIL(ctx, code, ...)                                                                  \
    do {                                                                                           \
        status = mvec__error((ctx), (code), __VA_ARGS__);                                          \
        goto cleanup;                                                                              \
    } while (0)

#if defined(__GNUC__)
#define MVEC_PRINTF(fmt_index, first_arg) __attribute__((format(printf, fmt_index, first_arg)))
#else
#define MVEC_PRINTF(fmt_index, first_arg)
#endif

/* ---- core/ctx.c: errors, logging, allocation ------------------------------------------ */

/* Record a formatted message and return `status`. */
mvec_status mvec__error(mvec_ctx *ctx, mvec_status status, const char *fmt, ...)
    MVEC_PRINTF(3, 4);
void mvec__log(mvec_ctx *ctx, mvec_log_level level, const char *fmt, ...) MVEC_PRINTF(3, 4);
/* MVEC_ERR_CANCELLED (with a message) when the context's cancel callback asks
 * to stop, else MVEC_OK. Call it between units of work in every loop whose
 * length depends on the input: MVEC_TRY(mvec__check_cancel(ctx)). Cheap: with
 * no callback it returns at once; otherwise it reads the monotonic clock
 * (about 20 ns) and consults the callback at most once per 10 ms, and at
 * every call once the callback has said "stop" until it says "go on". The
 * caller's work between two calls should stay well under 0.1 s. */
mvec_status mvec__check_cancel(mvec_ctx *ctx);
/* Hand `progress` to the context's progress callback, if any. */
void mvec__progress(mvec_ctx *ctx, const mvec_progress *progress);

/* Read an options struct the caller passed (ABI rule in mvec.h). `local`
 * (`local_size` bytes) holds the library's defaults; `given` (may be NULL:
 * keep them) starts with its `size` member, which its INIT macro (`init`, for
 * messages) set. The first `size` bytes of `given` are copied over `local`.
 * MVEC_ERR_INVALID when size is 0 (the struct was not made with its INIT
 * macro), below `min_size` (the size of the struct's first version) or above
 * `local_size` (a newer header than this library). When a field is
 * appended, keep min_size at the old size, and make sure the new field
 * starts at or after the old sizeof (not in its tail padding).
 *
 *     mvec_profile_options given = MVEC_PROFILE_OPTIONS_INIT;
 *     MVEC_TRY(mvec__options_read(ctx, "mvec_profile_options", "MVEC_PROFILE_OPTIONS_INIT",
 *                                 &given, sizeof given, sizeof given, options));
 *     options = &given;
 */
/* Bytes of `type` up to and including `field`: the size of a struct's first
 * version is MVEC__SIZE_TO(type, its last field of that version). */
#define MVEC__SIZE_TO(type, field) (offsetof(type, field) + sizeof(((type *)0)->field))

mvec_status mvec__options_read(mvec_ctx *ctx, const char *type, const char *init, void *local,
                               size_t local_size, size_t min_size, const void *given);

/* Allocation through the context hook. Blocks carry their size in a header,
 * so mvec__free needs no size. mvec__alloc and mvec__calloc record
 * MVEC_ERR_NOMEM on the context when they fail. */
mvec_status mvec__alloc(mvec_ctx *ctx, size_t size, void *out_ptr);
mvec_status mvec__calloc(mvec_ctx *ctx, size_t count, size_t size, void *out_ptr);
mvec_status mvec__realloc(mvec_ctx *ctx, void *in_out_ptr, size_t new_size);
void mvec__free(mvec_ctx *ctx, void *ptr);
mvec_status mvec__strdup(mvec_ctx *ctx, const char *text, char **out);
mvec_status mvec__strndup(mvec_ctx *ctx, const char *text, size_t length, char **out);
/* Grow `*items` (an array of item_size elements with capacity *capacity) to
 * hold at least `needed` elements, doubling. */
mvec_status mvec__grow(mvec_ctx *ctx, void *items, size_t *capacity, size_t needed,
                       size_t item_size);

/* ---- core/buf.c: growable text buffer with a cap (curl's dynbuf) ---------------------- */

typedef struct mvec__buf {
    char *data;      /* NUL-terminated when length > 0 or after any append */
    size_t length;   /* bytes used, excluding the terminating NUL */
    size_t capacity; /* bytes allocated */
    size_t max;      /* largest length allowed; MVEC_ERR_LIMIT beyond */
} mvec__buf;

#define MVEC__BUF_INIT(max_bytes) {NULL, 0, 0, (max_bytes)}

mvec_status mvec__buf_append(mvec_ctx *ctx, mvec__buf *buf, const char *data, size_t length);
mvec_status mvec__buf_puts(mvec_ctx *ctx, mvec__buf *buf, const char *text);
mvec_status mvec__buf_putc(mvec_ctx *ctx, mvec__buf *buf, char c);
mvec_status mvec__buf_printf(mvec_ctx *ctx, mvec__buf *buf, const char *fmt, ...)
    MVEC_PRINTF(3, 4);
/* Append `count` copies of `c`. */
mvec_status mvec__buf_pad(mvec_ctx *ctx, mvec__buf *buf, char c, size_t count);
void mvec__buf_reset(mvec__buf *buf); /* length 0, keeps memory */
void mvec__buf_clear(mvec_ctx *ctx, mvec__buf *buf);
/* Hand the text to the caller (who frees it with mvec__free) and reset buf. */
char *mvec__buf_take(mvec__buf *buf);

/* ---- core/strmap.c: string -> index hash map --------------------------------------------- */

typedef struct mvec__strmap {
    char **keys;        /* owned copies; NULL marks an empty slot */
    size_t *values;
    size_t slot_count;  /* power of two */
    size_t entry_count;
} mvec__strmap;

#define MVEC__STRMAP_INIT {NULL, NULL, 0, 0}

/* Insert key -> value. If the key exists, keep the old value and set
 * *existed (may be NULL) to true. */
mvec_status mvec__strmap_put(mvec_ctx *ctx, mvec__strmap *map, const char *key, size_t value,
                             bool *existed);
/* Insert or overwrite. */
mvec_status mvec__strmap_set(mvec_ctx *ctx, mvec__strmap *map, const char *key, size_t value);
/* Look up; returns false when absent. */
bool mvec__strmap_get(const mvec__strmap *map, const char *key, size_t *value);
void mvec__strmap_clear(mvec_ctx *ctx, mvec__strmap *map);

/* ---- core/arena.c: many small objects released together ------------------------------- */

typedef struct mvec__arena {
    struct arena_block *head;
} mvec__arena;

#define MVEC__ARENA_INIT {NULL}

/* Zeroed memory that lives until mvec__arena_clear. */
mvec_status mvec__arena_alloc(mvec_ctx *ctx, mvec__arena *arena, size_t size, void *out_ptr);
mvec_status mvec__arena_strdup(mvec_ctx *ctx, mvec__arena *arena, const char *text,
                               const char **out);
void mvec__arena_clear(mvec_ctx *ctx, mvec__arena *arena);

/* ---- core/strpool.c: interned strings ---------------------------------------------------- */

typedef struct mvec__strpool {
    mvec__strmap index; /* text -> position in strings */
    char **strings;
    size_t count;
    size_t capacity;
} mvec__strpool;

#define MVEC__STRPOOL_INIT {MVEC__STRMAP_INIT, NULL, 0, 0}

/* The pool's copy of `text` (added if new); valid until the pool is cleared. */
mvec_status mvec__strpool_intern(mvec_ctx *ctx, mvec__strpool *pool, const char *text,
                                 const char **out);
void mvec__strpool_clear(mvec_ctx *ctx, mvec__strpool *pool);

/* ---- core/text.c: numbers, names, UTF-8 ------------------------------------------------ */

/* Parse a decimal number: -?digits[.digits][e[+-]digits] (also ".5"), correctly
 * rounded and independent of the process locale. Returns false and sets
 * *reason to a static phrase when the text is not such a number. */
bool mvec__parse_number(const char *text, double *out, const char **reason);
/* Parse a whole integer in [min, max]. */
bool mvec__parse_int(const char *text, long min, long max, long *out);
/* Parse YYYY, YYYY-MM or YYYY-MM-DD; month/day are 0 when absent. */
bool mvec__parse_date(const char *text, int *year, int *month, int *day);
/* Format like snprintf but always with '.' as the decimal separator. */
int mvec__format_c(char *out, size_t size, const char *fmt, ...) MVEC_PRINTF(3, 4);

/* core/fmt_interval.c - the one number formatter (also behind mvec_interval_format). */
/* `value` with `decimals` decimals ("n/a" for NaN); out must hold 64 bytes. */
void mvec__fmt_fixed(char *out, double value, int decimals);
/* An interval at `decimals` decimals, multiplied by `scale` (100 for %):
 * "19.4" when both ends print alike, else "19.4–42.0"; "n/a" when undefined. */
void mvec__fmt_interval(char *out, size_t size, mvec_interval interval, double scale, int decimals);
/* Key for comparing names: case-folded (ASCII, Latin-1, Cyrillic), ё -> е,
 * runs of white space collapsed, leading/trailing space removed. */
mvec_status mvec__name_key(mvec_ctx *ctx, const char *name, char **out);
/* The same into a caller buffer; false when `size` is too small. */
bool mvec__name_key_into(const char *name, char *out, size_t size);
/* True when `text` is valid UTF-8; *bad_offset gets the first bad byte. */
bool mvec__utf8_valid(const char *text, size_t length, size_t *bad_offset);
/* Count code points (for column alignment of UTF-8 text). */
size_t mvec__utf8_width(const char *text);
bool mvec__str_equal(const char *a, const char *b);
/* Exact comparison of doubles, named so -Wfloat-equal stays useful. */
bool mvec__same_double(double a, double b);

/* ---- data/file.c: whole-file input ---------------------------------------------------- */

/* Read a whole file ("-" is standard input) into a NUL-terminated block. */
mvec_status mvec__file_read(mvec_ctx *ctx, const char *path, char **out, size_t *length);
/* Embedded data files, compiled into the library (build/gen/embedded_files.c). */
typedef struct mvec__embedded_file {
    const char *path;          /* e.g. "data/kaz/trade.csv" */
    const unsigned char *data; /* NUL-terminated */
    size_t length;
} mvec__embedded_file;
const mvec__embedded_file *mvec__embedded_find(const char *path);
size_t mvec__embedded_count(void);
const mvec__embedded_file *mvec__embedded_at(size_t index);

/* ---- data/blocs.c ----------------------------------------------------------------------- */

/* A scheme from CSV text in memory (used to build schemes on the fly). */
mvec_status mvec__bloc_scheme_from_text(mvec_ctx *ctx, const mvec_countries *countries,
                                       const char *name, const char *text, size_t length,
                                       mvec_bloc_scheme **out);

#endif
