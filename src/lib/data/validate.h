/*
 * validate.h - plausibility checks on the observations of one load, run
 * once after its rows are read (docs/formats.md, "Checks on values").
 */
#ifndef MVEC_VALIDATE_H
#define MVEC_VALIDATE_H

#include "../mvec_internal.h"

/* Check rows[first..end) just read from the file `name` (each row knows the
 * line and column of its value, for messages). Each row alone: a value
 * finite after unit scaling, a percentage share within 0..100 %. Rows of one
 * source together: shares of disjoint partners summing to at most 100 %
 * (plus a rounding tolerance); values of listed partners not above the
 * total (WLD) the same source gives. The first violation is returned as
 * MVEC_ERR_PARSE with "file:line:column: what". Cost O(n log n). */
mvec_status mvec__observations_validate(mvec_ctx *ctx, const char *name,
                                        const mvec_observation *rows, size_t first, size_t end);

#endif
