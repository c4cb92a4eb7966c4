/*
 * mvec_write.h - writers: profiles, sources, claim checks and share tables
 * as an aligned text table, CSV, JSON or an Excel workbook.
 *
 * Output is deterministic (fixed row order, one number format, '.' as the
 * decimal separator whatever the locale, no timestamps), so it can be
 * compared byte for byte. Text goes to a sink the caller provides; a sink
 * that reports failure stops the writer with MVEC_ERR_IO.
 *
 * MVEC_FORMAT_XLSX gives the bytes of an .xlsx file (docs/formats.md, "Excel
 * workbooks"): a worksheet per table (the CSV's columns, numbers stored as
 * numbers with percent or thousands formats, an interval as a low and a high
 * column) and a Sources sheet. Every writer of this API and of the other
 * headers that take a mvec_format accepts it. The workbook is built in a
 * temporary file in $TMPDIR (else /tmp), read back and removed; libxlsxwriter
 * allocates with malloc, not through the context's allocator. Its failures
 * are MVEC_ERR_IO (the temporary file) or MVEC_ERR_NOMEM, and MVEC_ERR_LIMIT
 * for a table of more than 1,048,575 rows (an Excel worksheet's limit). The
 * sink receives the whole file in one call, or nothing.
 */
#ifndef MVEC_WRITE_H
#define MVEC_WRITE_H

#include <stddef.h>

#include "mvec_claim.h"
#include "mvec_obs.h"
#include "mvec_profile.h"

typedef enum mvec_format {
    MVEC_FORMAT_TABLE = 0,
    MVEC_FORMAT_CSV,
    MVEC_FORMAT_JSON,
    MVEC_FORMAT_XLSX, /* binary: an Office Open XML workbook */
} mvec_format;

/* "table", "csv", "json" or "xlsx".
 * Statuses: MVEC_ERR_INVALID for any other name. */
MVEC_API mvec_status mvec_format_from_name(mvec_ctx *ctx, const char *name, mvec_format *out);

/* Receives output; returns 0 on success, non-zero on failure. */
typedef int (*mvec_write_fn)(void *user, const char *data, size_t length);

typedef struct mvec_sink {
    mvec_write_fn write;
    void *user;
} mvec_sink;

/* Flags of mvec_profile_write_with. */
enum {
    MVEC_WRITE_NOTES = 1, /* table: add the notes (inputs, every bloc share and index) and
                             the numbered sources; CSV and JSON always carry them */
    MVEC_WRITE_EXACT = 2, /* CSV and JSON (Excel always has it): every number in full precision (the shortest text
                             that reads back to the same double) instead of fixed decimals
                             (CSV) or 12 significant digits (JSON) */
};

/* The profile: one row per vector, then the composite; the table fits 120
 * columns (top partners, great-power shares, balance, leader, margin, HHI)
 * with a three-line legend. Columns are listed in docs/formats.md.
 * Statuses (of every writer): MVEC_ERR_INVALID for a format that is not a
 * mvec_format value; MVEC_ERR_IO when the sink reports failure;
 * MVEC_ERR_LIMIT for an output over 1 GiB; MVEC_ERR_NOMEM;
 * MVEC_ERR_INTERNAL. */
MVEC_API mvec_status mvec_profile_write(mvec_ctx *ctx, const mvec_profile *profile,
                                        mvec_format format, const mvec_sink *sink);
/* The same with flags (MVEC_WRITE_NOTES). Statuses: as mvec_profile_write. */
MVEC_API mvec_status mvec_profile_write_with(mvec_ctx *ctx, const mvec_profile *profile,
                                             mvec_format format, unsigned flags,
                                             const mvec_sink *sink);

/* Every partner of one vector's chosen distribution, with its value, share
 * (interval), bloc, and the share the source published, if any.
 * Statuses: MVEC_ERR_NO_DATA when the profile has no such vector or did not
 * compute it; and as
 * mvec_profile_write. */
MVEC_API mvec_status mvec_shares_write(mvec_ctx *ctx, const mvec_profile *profile,
                                       const mvec_observations *observations, const char *vector,
                                       mvec_format format, const mvec_sink *sink);

/* Filter for mvec_sources_write; NULL members mean "all". */
typedef struct mvec_sources_filter {
    size_t size;          /* sizeof the struct: set by MVEC_SOURCES_FILTER_INIT */
    const char *country;  /* code or name */
    const char *vector;
    const char *partner; /* code or name */
} mvec_sources_filter;

#define MVEC_SOURCES_FILTER_INIT {sizeof(mvec_sources_filter), NULL, NULL, NULL}

/* Every observation (and membership, when `memberships` is not NULL) with
 * its source. `filter` may be NULL (else start it from
 * MVEC_SOURCES_FILTER_INIT).
 * Statuses: MVEC_ERR_INVALID for an unknown country or partner in the
 * filter, or a filter not made with its INIT macro; and as
 * mvec_profile_write. */
MVEC_API mvec_status mvec_sources_write(mvec_ctx *ctx, const mvec_observations *observations,
                                        const mvec_memberships *memberships,
                                        const mvec_sources_filter *filter, mvec_format format,
                                        const mvec_sink *sink);

/* Each claim with its verdict, rule, numbers and the seed article cited by
 * author, publication and date (data/seeds.csv, read while writing).
 * Statuses: as mvec_profile_write, and MVEC_ERR_CANCELLED (the cancel
 * callback is consulted while the seed table is read). */
MVEC_API mvec_status mvec_claims_write(mvec_ctx *ctx, const mvec_claims *claims,
                                       mvec_format format, const mvec_sink *sink);

/* One table of mvec_workbook_write_csv: CSV text, a header line then rows (RFC 4180). */
typedef struct mvec_csv_sheet {
    const char *name; /* the worksheet's name: made unique, cut to 31 characters, []:*?/\
                         replaced by '-' */
    const char *csv;  /* need not be NUL-terminated */
    size_t length;
} mvec_csv_sheet;

/* An Excel workbook (MVEC_FORMAT_XLSX) of tables given as CSV text, for a
 * program's own tables (the CLI's screen, composition and workspace listing):
 * one worksheet per table, in order (name one "Sources" for the sources).
 * A field that reads as a decimal number is stored as a number, any other
 * as text; columns KEY_lo and KEY_hi of numbers are an interval (two
 * columns "KEY (low)", "KEY (high)"); a key containing "_pct" is a percent
 * column (stored as the fraction: the value / 100), a key ending in "_share"
 * a fraction shown as percent, a key ending in "_usd" shown with thousands
 * separators. The sink receives the whole file in one call, or nothing.
 * Statuses: MVEC_ERR_INVALID for no sheet, a sheet without text or a text
 * that is not UTF-8; and as mvec_profile_write. */
MVEC_API mvec_status mvec_workbook_write_csv(mvec_ctx *ctx, const mvec_csv_sheet *sheets,
                                             size_t count, const mvec_sink *sink);

#endif
