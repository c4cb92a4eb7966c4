/*
 * mvec_flows.h - product-level bilateral trade flows held in columns, and
 * their cache beside the workspace.
 *
 * A flow table is one source file's rows (year, exporter, importer, product,
 * value, quantity), read by a flow reader chosen from the file's header (CEPII
 * BACI `t,i,j,k,v,q`; the WTO's HS2 bilateral imports
 * `year,reporter_m49,partner_m49,hs2,value_usd`; World Bank WITS downloads of
 * UN Comtrade by HS4 product; UN Comtrade's data API CSV or bulk TSV, current and
 * legacy layouts, of which only the bilateral HS6 rows of exports and imports
 * are kept, the others counted in a warning), from a plain, gzip (.gz) or
 * zip (.zip, exactly one member) file. Rows stay in file order. The columns:
 *
 *   year[r]      calendar year
 *   exporter[r]  dense index into the table's countries (mvec_flows_country_at)
 *   importer[r]  dense index, the same country list
 *   product[r]   dense index into the table's products (mvec_flows_product_at)
 *   value[r]     trade value, an exact integer of 10^-info.value_decimals
 *                info.value_unit: whole US dollars for BACI, WTO, WITS and
 *                legacy Comtrade (BACI's thousands with three decimals are
 *                whole dollars); thousandths of a dollar for a UN Comtrade
 *                file with fractions (value_decimals 3; 0 when every value of
 *                the file is whole); never rounded: a value finer than that is
 *                an input error
 *   quantity[r]  exact integer of info.quantity_unit (kilograms for BACI's
 *                tonnes with three decimals), MVEC_FLOWS_NO_QUANTITY where the
 *                source has none; the column is NULL when the source has no
 *                quantities at all
 *
 * Dense indexes are assigned in ascending order of the source's codes, so
 * the same file gives the same table on every run and thread count. Codes
 * are recorded as the source writes them (BACI's own numbers with its
 * pseudo-codes 490, 842, 251, 699, 757...; M49 for the WTO, with 000 the
 * World total and 918 the European Union; ISO alpha-3 for WITS) and mapped to the country registry
 * only where a registry entry exists for that code (mvec_code "" otherwise):
 * never guessed. Product codes are HS codes of info.product_digits digits in
 * the edition info.hs_edition ("HS92", "HS17"... from BACI's file name;
 * "unknown" when the source does not say).
 *
 * The cache (docs/formats.md, "Flow cache"): mvec_flows_import keeps each
 * source's table in CACHE_DIR/<16 hex digits>.mvf (named after the source's
 * absolute path), with the source's size, mtime and SHA-256, the row count,
 * the columns and a checksum of the body; it is written to a temporary file
 * and renamed, and memory-mapped when read. A table opened from the cache
 * points into the mapping: its columns cost no memory of their own.
 *
 * Threads: a table nobody modifies may be read by several threads at once.
 */
#ifndef MVEC_FLOWS_H
#define MVEC_FLOWS_H

#include <stddef.h>
#include <stdint.h>

#include "mvec_country.h"
#include "mvec_ctx.h"

typedef struct mvec_flows mvec_flows;

/* Quantity of a row whose source has none (BACI's empty or NA q). */
#define MVEC_FLOWS_NO_QUANTITY INT64_MIN

/* Who declared the values. */
typedef enum mvec_flows_basis {
    MVEC_FLOWS_RECONCILED = 0,     /* both declarations reconciled (CEPII BACI) */
    MVEC_FLOWS_IMPORTER_DECLARED,  /* the importer's customs (WTO IDB imports) */
    MVEC_FLOWS_EXPORTER_DECLARED,  /* the exporter's customs */
    MVEC_FLOWS_REPORTER_DECLARED,  /* one reporter's customs, both directions (WITS): its
                                      exports exporter-declared, its imports importer-declared */
} mvec_flows_basis;

/* The columns; every array has `rows` elements (quantity may be NULL). */
typedef struct mvec_flows_columns {
    size_t rows;
    const uint16_t *year;
    const uint16_t *exporter;
    const uint16_t *importer;
    const uint32_t *product;
    const int64_t *value;
    const int64_t *quantity;
} mvec_flows_columns;

/* A country code of the table. */
typedef struct mvec_flows_country {
    const char *code;      /* as the source writes it: "398", "842", "000", "918" */
    const char *mvec_code; /* the registry's code ("KAZ", "X842", "WLD", "EU"); "" when none */
} mvec_flows_country;

/* What the table is and where it came from. Strings live as long as the table. */
typedef struct mvec_flows_info {
    const char *format;        /* reader name: "baci", "wto", "wits", "comtrade",
                                  "comtrade_legacy" */
    mvec_flows_basis basis;
    const char *hs_edition;    /* "HS92", "HS02", "HS17", ...; "unknown" */
    int product_digits;        /* 6 for BACI and Comtrade (HS6), 2 for the WTO file (HS2),
                                  4 for WITS */
    const char *value_unit;    /* "USD" */
    int value_decimals;        /* value[r] counts 10^-value_decimals value_unit: 0 (whole
                                  dollars), or 3 for UN Comtrade files with fractions */
    const char *quantity_unit; /* "kg"; "" when the source has no quantities */
    const char *source_path;   /* absolute path of the source file */
    long long source_size;     /* bytes */
    long long source_mtime_ns; /* modification time, nanoseconds since 1970 */
    const char *source_sha256; /* 64 lowercase hex digits */
    size_t rows;
    size_t country_count;
    size_t product_count;
    int first_year, last_year; /* 0 when there are no rows */
} mvec_flows_info;

/* How mvec_flows_import obtained its table. */
typedef enum mvec_flows_outcome {
    MVEC_FLOWS_CREATED = 0,   /* no cache: the source was read and a cache written */
    MVEC_FLOWS_UNCHANGED,     /* the cache was valid: the source was not read */
    MVEC_FLOWS_REBUILT_STALE, /* the source had changed: read again, cache replaced */
    MVEC_FLOWS_REBUILT_CORRUPT, /* the cache was unusable (bad magic, version, size or
                                   checksum): read again, cache replaced */
} mvec_flows_outcome;

typedef struct mvec_flows_options {
    size_t size;            /* sizeof the struct: set by MVEC_FLOWS_OPTIONS_INIT */
    unsigned threads;       /* parser threads; 0: the number of online processors */
    const char *hs_edition; /* NULL: from the file name (BACI_HS92_...), else "unknown" */
} mvec_flows_options;

#define MVEC_FLOWS_OPTIONS_INIT {sizeof(mvec_flows_options), 0, NULL}

/* Read a flow file (plain, .gz or .zip by its name) into a table, without
 * any cache. `countries` maps the codes. `options` may be NULL. Progress
 * goes to the context's progress callback; the cancel callback is
 * consulted. Cost: linear in the file, spread over the threads.
 * Statuses: MVEC_ERR_IO (cannot open or read the file; a damaged gzip or
 * zip stream), MVEC_ERR_PARSE (file:line:column: a malformed row, a number
 * that is not a whole number of the unit, a malformed code; a truncated
 * gzip; a zip with no member or several), MVEC_ERR_SCHEMA (a header no flow
 * reader knows), MVEC_ERR_LIMIT (over 2^32 rows, a field over 1 MiB),
 * MVEC_ERR_INVALID (bad options), MVEC_ERR_NOMEM, MVEC_ERR_CANCELLED. */
MVEC_API mvec_status mvec_flows_read(mvec_ctx *ctx, const mvec_countries *countries,
                                     const char *path, const mvec_flows_options *options,
                                     mvec_flows **out);

/* The same from bytes in memory (uncompressed CSV); `name` is used in
 * messages and for the HS edition. Source size is `length`, mtime 0.
 * Statuses: as mvec_flows_read, without MVEC_ERR_IO. */
MVEC_API mvec_status mvec_flows_read_buffer(mvec_ctx *ctx, const mvec_countries *countries,
                                            const char *name, const char *data, size_t length,
                                            const mvec_flows_options *options, mvec_flows **out);

/* Import `path` through the cache directory `cache_dir` (created if
 * missing): a valid cache of the unchanged source is opened without reading
 * the source (size and mtime equal, or else an equal SHA-256); otherwise the
 * source is read and the cache (re)written, a stale or corrupt cache being
 * reported by a warning on the log callback naming the cache file and the
 * reason. A failed import leaves no cache file for the source (a bad file
 * also removes its earlier cache). `outcome` may be NULL.
 * Statuses: those of mvec_flows_read, and MVEC_ERR_IO when the cache cannot
 * be written. */
MVEC_API mvec_status mvec_flows_import(mvec_ctx *ctx, const mvec_countries *countries,
                                       const char *path, const char *cache_dir,
                                       const mvec_flows_options *options, mvec_flows **out,
                                       mvec_flows_outcome *outcome);

/* Open a cache file (.mvf) by its own path, memory-mapped, checking magic,
 * version, size and checksum. Nothing is compared with the source.
 * Statuses: MVEC_ERR_IO (cannot open or map it), MVEC_ERR_PARSE (not a
 * usable cache file: the message says why), MVEC_ERR_NOMEM. */
MVEC_API mvec_status mvec_flows_open(mvec_ctx *ctx, const char *cache_path, mvec_flows **out);

/* Write `flows` as a cache file at `cache_path` (temporary file, then rename).
 * Statuses: MVEC_ERR_IO, MVEC_ERR_NOMEM. */
MVEC_API mvec_status mvec_flows_write(mvec_ctx *ctx, const mvec_flows *flows,
                                      const char *cache_path);

/* The cache file mvec_flows_import uses for `path` in `cache_dir`, into
 * `out` (`size` bytes).
 * Statuses: MVEC_ERR_IO (the path cannot be made absolute), MVEC_ERR_LIMIT
 * (the result does not fit). */
MVEC_API mvec_status mvec_flows_cache_path(mvec_ctx *ctx, const char *path,
                                           const char *cache_dir, char *out, size_t size);

/* Release a table (NULL is a no-op); unmaps a cache. */
MVEC_API void mvec_flows_close(mvec_ctx *ctx, mvec_flows *flows);

/* Accessors; cannot fail. */
MVEC_API size_t mvec_flows_rows(const mvec_flows *flows);
MVEC_API mvec_flows_columns mvec_flows_get_columns(const mvec_flows *flows);
MVEC_API const mvec_flows_info *mvec_flows_get_info(const mvec_flows *flows);
/* NULL for an index past the end. */
MVEC_API const mvec_flows_country *mvec_flows_country_at(const mvec_flows *flows, size_t index);
/* The HS code ("010110"); NULL for an index past the end. */
MVEC_API const char *mvec_flows_product_at(const mvec_flows *flows, size_t index);

/* `value` integers of 10^-decimals as a decimal text, exact: 123456789 with
 * 3 decimals is "123456.789", with 0 "123456789"; cut to `size`. Returns out. */
MVEC_API char *mvec_flows_value_text(int64_t value, int decimals, char *out, size_t size);
/* "reconciled", "importer-declared", "exporter-declared", "reporter-declared". */
MVEC_API const char *mvec_flows_basis_name(mvec_flows_basis basis);

#endif
