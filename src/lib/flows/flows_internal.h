/*
 * flows_internal.h - the flow table (mvec_flows.h) inside the library.
 *
 * src/lib/flows/ holds one concept per file, apart from data/ because the
 * flow table has its own reader, threads and cache and shares nothing with
 * the observation store but the context and the country registry:
 *
 *   flow_readers.c  the table of flow readers: header columns, units, row filters
 *   flow_select.c   the row filters of a reader (UN Comtrade): rows left out, codes written
 *   flow_parse.c    the parallel CSV scanner (mmap'd bytes -> raw columns)
 *   flow_source.c   a source's bytes: mmap, gzip (zlib), zip (libzip)
 *   flow_table.c    dense codes, country mapping, accessors, read entry points
 *   flow_cache.c    the .mvf cache file: write, open (mmap), import logic
 */
#ifndef MVEC_FLOWS_INTERNAL_H
#define MVEC_FLOWS_INTERNAL_H

#include <stdatomic.h>

#include "../mvec_internal.h"

/* What a header column feeds. */
enum mvec__flow_role {
    FLOW_SKIP = 0, /* read and checked (UTF-8), not kept: names and descriptions */
    FLOW_YEAR,
    FLOW_EXPORTER,
    FLOW_IMPORTER,
    FLOW_PRODUCT,
    FLOW_VALUE,
    FLOW_QUANTITY,
    FLOW_REPORTER,  /* with FLOW_PARTNER and FLOW_DIRECTION: exporter and importer per row */
    FLOW_PARTNER,
    FLOW_DIRECTION, /* 5 import (partner -> reporter), 6 export (reporter -> partner) */
    FLOW_EDITION,   /* WITS nomenclature H0..H6: one per file */
    FLOW_ROLE_COUNT_
};

struct mvec__flow_column {
    const char *name;
    enum mvec__flow_role role;
    bool required;
};

/* How country codes are written and mapped to the registry. */
enum mvec__flow_codes {
    FLOW_CODES_BACI = 0, /* 1-4 digits, no padding: BACI's numbers */
    FLOW_CODES_M49,      /* exactly 3 digits: 000 the World, 918 the EU */
    FLOW_CODES_ALPHA3,   /* ISO alpha-3 letters, held as the number (A-Z base 26) */
};

/* A value of a filtered column and what becomes of its row (struct mvec__flow_filter). */
struct mvec__flow_value {
    const char *value;    /* as written (unquoted); NULL ends the list */
    const char *as;       /* kept, the field read as this text (NULL: as written) */
    const char *left_out; /* or: left out of the table, counted under this reason */
};

/* A column whose values select rows, for sources that mix bilateral rows with totals,
 * breakdowns and special flows (UN Comtrade). Applied by flow_select.c before parsing:
 * a row left out becomes an empty line (line numbers stay those of the file) and is
 * counted in one warning per file; a kept row has its field rewritten as `as` says. */
struct mvec__flow_filter {
    const char *column;                    /* a column of the reader; NULL ends the list */
    const struct mvec__flow_value *values; /* ends with a NULL value */
    const char *otherwise; /* any other value: NULL an error, "" kept, else left out (reason) */
    int pad_digits;        /* a kept value of 1 to pad_digits digits is zero-padded to that */
    bool one_per_file;     /* every kept row has the same value (annual and monthly never mix) */
};

/* A flow reader: a row of the table in flow_readers.c. */
struct mvec__flow_reader {
    const char *name;
    const char *summary;
    const struct mvec__flow_column *columns; /* ends with a NULL name */
    mvec_flows_basis basis;
    enum mvec__flow_codes codes;
    int product_digits;     /* HS digits of the product code */
    int product_min_digits; /* fewer accepted and zero-padded (BACI's lost leading zero) */
    int value_decimals;     /* decimals of the source's value that make one unit */
    const char *value_unit;
    int value_subunit_decimals; /* of those decimals, the ones kept below value_unit: the
                                   table's integers are 10^-this of value_unit (UN Comtrade's
                                   thousandths of a dollar); 0 for whole units */
    int quantity_decimals;
    const char *quantity_unit;
    bool hs_edition_in_name; /* "BACI_HS92_..." names the edition */
    const struct mvec__flow_filter *filters; /* NULL, or rows selected by value (flow_select.c) */
};

size_t mvec__flow_reader_count(void);
const struct mvec__flow_reader *mvec__flow_reader_at(size_t index);

/* The reader whose columns fit a header's (`count` names of `lengths` bytes, unquoted), or
 * NULL: every required column present, every column one the reader knows, none twice. */
const struct mvec__flow_reader *mvec__flow_reader_match(const char *const *names,
                                                        const size_t *lengths, size_t count);

/* ---- flow_select.c ---------------------------------------------------------------------- */

/* The rows a reader's filters keep, as a text for mvec__flow_parse. */
struct mvec__flow_selection {
    char *text;          /* NULL: the reader has no filters, parse the source as it is */
    size_t length;
    size_t left_out;     /* rows left out, all reasons */
    char *summary;       /* "12 with a World partner (0), 3 re-exports (RX)...", or NULL */
    mvec_status status;  /* MVEC_OK, or the first bad row's error: text then holds the
                            rows before it, so that an earlier error of the parser wins */
    char *message;
};

/* Apply the filters of the reader `data`'s header names (a whole CSV text). A bad row
 * is not a failure of this function (see `status` above). Cost: one pass over the text,
 * one thread, and a copy of the kept rows.
 * Statuses: MVEC_ERR_NOMEM, MVEC_ERR_LIMIT, MVEC_ERR_CANCELLED. */
mvec_status mvec__flow_select(mvec_ctx *ctx, const char *name, const char *data, size_t length,
                              struct mvec__flow_selection *selection);
void mvec__flow_selection_clear(mvec_ctx *ctx, struct mvec__flow_selection *selection);

/* ---- flow_parse.c ----------------------------------------------------------------------- */

/* Raw columns as parsed: codes are the source's numbers (not yet dense). */
struct mvec__flow_raw {
    size_t rows;
    uint16_t *year;
    uint16_t *exporter;
    uint16_t *importer;
    uint32_t *product;
    int64_t *value;
    int64_t *quantity; /* NULL when the header has no quantity column */
    unsigned editions; /* bit d: the nomenclature Hd was seen (FLOW_EDITION) */
};

enum { MVEC__FLOW_MAX_THREADS = 64, MVEC__FLOW_MAX_COLUMNS = 64 };

/* A header's columns: what each feeds, for the reader the header names. */
struct mvec__flow_layout {
    const struct mvec__flow_reader *reader;
    size_t field_count;
    enum mvec__flow_role roles[MVEC__FLOW_MAX_COLUMNS];
    const char *names[MVEC__FLOW_MAX_COLUMNS]; /* the reader's column names, for messages */
    char separator; /* ',' (CSV), or '\t' (tab-separated: UN Comtrade's bulk files) */
};

/* Read the header line of `data` (after a UTF-8 byte-order mark) and choose
 * the reader it names; `*body` is where the rows start. Statuses:
 * MVEC_ERR_SCHEMA (no header, no reader fits: name:1:column), MVEC_ERR_PARSE. */
mvec_status mvec__flow_header(mvec_ctx *ctx, const char *name, const char *data, size_t length,
                              struct mvec__flow_layout *layout, const char **body);

/* The field separator of a file whose header line is [p, end): a tab when the header has
 * one (UN Comtrade's bulk files are tab-separated), else a comma. */
char mvec__flow_separator(const char *p, const char *end);

/* Split a header line [p, end) at `separator` into names (trimmed of spaces, one pair of
 * quotes taken off): the count, or max + 1 when there are more than max. */
size_t mvec__flow_header_names(const char *p, const char *end, char separator,
                               const char **names, size_t *lengths, size_t max);

/* Cut [body, end) at newlines into `count` pieces: piece i is
 * [cuts[i], cuts[i + 1]) (cuts has count + 1 entries). */
void mvec__flow_cut(const char *body, const char *end, size_t count, const char **cuts);

/* Counters shared by the threads of a pass over a text, for progress and
 * cancellation. */
struct mvec__flow_progress {
    const char *name;
    atomic_size_t bytes_done;
    atomic_size_t rows_done;
    atomic_uint finished; /* work items done */
    atomic_bool stop;     /* set when the caller cancels: the items return early */
};

/* `size` zeroed bytes mapped from the kernel (huge pages from 2 MiB, else faulted in at
 * once); NULL when out of memory. Free with munmap. */
void *mvec__flow_map_zeroed(size_t size);

/* Run `work` on each of `count` items (item_size bytes apart, at most
 * MVEC__FLOW_MAX_THREADS), one thread each; meanwhile the calling thread
 * reports progress and asks the cancel callback (MVEC_ERR_CANCELLED). Each
 * item must add 1 to progress->finished when done. */
mvec_status mvec__flow_run(mvec_ctx *ctx, struct mvec__flow_progress *progress, void *items,
                           size_t item_size, size_t count, void *(*work)(void *),
                           size_t total_bytes);

/* Parse `data` (a whole CSV text: header line, then rows) with the reader
 * its header names, on `threads` threads. Rows keep file order. */
mvec_status mvec__flow_parse(mvec_ctx *ctx, const char *name, const char *data, size_t length,
                             unsigned threads, const struct mvec__flow_reader **reader,
                             struct mvec__flow_raw *raw);
void mvec__flow_raw_clear(mvec_ctx *ctx, struct mvec__flow_raw *raw);

/* ---- flow_source.c ---------------------------------------------------------------------- */

struct mvec__flow_source {
    const char *file;   /* mmap of the file as stored (NULL when empty) */
    size_t file_length;
    char *text;         /* decompressed CSV (gzip, zip); NULL for a plain file */
    size_t text_length;
    long long mtime_ns;
    struct flow_hasher *hasher; /* the SHA-256 of the file, computed on its own thread */
    char sha256[65];
};

/* Map `path`, start hashing it on a thread, and decompress it by its name
 * (.gz, .zip). */
mvec_status mvec__flow_source_open(mvec_ctx *ctx, const char *path,
                                   struct mvec__flow_source *source);
void mvec__flow_source_close(mvec_ctx *ctx, struct mvec__flow_source *source);
/* The CSV bytes. */
const char *mvec__flow_source_data(const struct mvec__flow_source *source, size_t *length);
/* The file's SHA-256 (64 hex digits), waiting for the hashing thread. */
const char *mvec__flow_source_sha256(struct mvec__flow_source *source);

/* SHA-256 of `length` bytes as 64 hex digits plus NUL. */
void mvec__flow_sha256_hex(const void *data, size_t length, char out[65]);

/* ---- flow_table.c ----------------------------------------------------------------------- */

struct mvec_flows {
    mvec_flows_info info;
    mvec_flows_columns columns;
    mvec_flows_country *countries;
    const char **products;
    mvec__arena strings;        /* every string of info, countries and products */
    struct mvec__flow_raw owned; /* columns read from a source (freed on close) */
    void *map;                  /* the cache mapping, when opened from a cache */
    size_t map_length;
};

/* An empty table. */
mvec_status mvec__flows_new(mvec_ctx *ctx, mvec_flows **out);
/* Read an opened source into a table (info's source fields filled). */
mvec_status mvec__flows_read_source(mvec_ctx *ctx, const mvec_countries *countries,
                                    const char *path, struct mvec__flow_source *source,
                                    const mvec_flows_options *options, mvec_flows **out);

/* Warn, once for the table, of the country codes that map to no registry country (read
 * from a source or from a cache alike). */
mvec_status mvec__flows_warn_unmapped(mvec_ctx *ctx, const mvec_flows *flows, const char *name);

/* ---- flow_cache.c ----------------------------------------------------------------------- */

void mvec__flows_unmap(void *map, size_t length);

#endif
