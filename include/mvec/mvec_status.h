/*
 * mvec_status.h - the status every fallible libmvec call returns.
 *
 * A call that fails returns one of these and records a message on its
 * context (mvec_ctx_error_message). Each function's comment lists the
 * statuses it can return; docs/exit-codes.md maps them to the exit codes of
 * the mvec command. The numbering is frozen: values are only ever added
 * before MVEC_STATUS_COUNT_, so a program must treat an unknown value as a
 * failure.
 */
#ifndef MVEC_STATUS_H
#define MVEC_STATUS_H

#include "mvec_export.h"

typedef enum mvec_status {
    MVEC_OK = 0,
    MVEC_ERR_NOMEM,     /* an allocation failed (the allocator hook returned NULL) */
    MVEC_ERR_IO,        /* open/read failed, or an output sink reported failure */
    MVEC_ERR_PARSE,     /* malformed input: the message starts with file:line:column */
    MVEC_ERR_SCHEMA,    /* missing, unknown or duplicate column; wrong kind of file */
    MVEC_ERR_INVALID,   /* the caller passed an invalid argument or option value */
    MVEC_ERR_LIMIT,     /* a documented size or count limit was exceeded */
    MVEC_ERR_SOLVER,    /* a numerical solver (GLPK, GSL) failed */
    MVEC_ERR_CANCELLED, /* the cancel callback asked to stop (mvec_ctx.h) */
    MVEC_ERR_INTERNAL,  /* an invariant was violated or the built-in data is
                           malformed: a bug in libmvec */
    MVEC_ERR_NO_DATA,   /* the request is valid but the loaded data cannot answer it */
    MVEC_ERR_WORKSPACE, /* a workspace file is not one mvec can use: not SQLite, another
                           program's database, a newer schema, or corrupt */
    MVEC_STATUS_COUNT_
} mvec_status;

/* The enum name as a string ("MVEC_ERR_PARSE"); "MVEC_ERR_UNKNOWN" for values
 * outside the enum. The string is static. Cannot fail. */
MVEC_API const char *mvec_status_name(mvec_status status);

#endif
