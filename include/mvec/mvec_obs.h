/*
 * mvec_obs.h - observations: sourced figures in long format.
 *
 * One observation is one figure: the value of `indicator` for the tie
 * between `country` and `partner` in `vector` (trade.exports, fdi.stock,
 * arms.imports, ...) in `year`, with its unit, the statistical basis it comes
 * from, and its source. docs/formats.md defines the CSV columns.
 *
 * Two kinds of file load: mvec's long format, and the Bureau of National
 * Statistics of Kazakhstan's trade-by-partner table as published (recognised
 * by its header, mapped as docs/formats.md describes).
 *
 * A load that fails adds nothing: the store is as it was before the call.
 */
#ifndef MVEC_OBS_H
#define MVEC_OBS_H

#include <stdbool.h>
#include <stddef.h>

#include "mvec_country.h"
#include "mvec_ctx.h"

typedef enum mvec_basis {
    MVEC_BASIS_REPORTER = 0, /* the focal country's own statistics */
    MVEC_BASIS_PARTNER,      /* the partner's statistics (mirror data) */
    MVEC_BASIS_THIRD_PARTY,  /* a third party: SIPRI, a company report, an analyst */
    MVEC_BASIS_UNSTATED,     /* the source does not say */
} mvec_basis;

/* Name used in files and output: "reporter", "partner", "third_party", "unstated".
 * Cannot fail. */
MVEC_API const char *mvec_basis_name(mvec_basis basis);

typedef enum mvec_qualifier {
    MVEC_QUALIFIER_EXACT = 0, /* written ""   */
    MVEC_QUALIFIER_ABOUT,     /* written "~"  : "about", "nearly", "close to" */
    MVEC_QUALIFIER_ABOVE,     /* written ">"  : "more than", "exceeds" */
    MVEC_QUALIFIER_AT_LEAST,  /* written ">=" */
    MVEC_QUALIFIER_BELOW,     /* written "<"  */
    MVEC_QUALIFIER_AT_MOST,   /* written "<=" */
} mvec_qualifier;

/* "", "~", ">", ">=", "<", "<=". Cannot fail. */
MVEC_API const char *mvec_qualifier_symbol(mvec_qualifier qualifier);

typedef struct mvec_observation {
    const mvec_country *country;  /* focal country */
    const mvec_country *partner;  /* country, organisation, aggregate (WLD, EU, ...) or OTH */
    const char *vector;           /* e.g. "trade.exports" */
    const char *indicator;        /* "value" and "share" form distributions; others are context */
    int year;                     /* last year the figure covers */
    const char *period;           /* "" = the whole year (or the year-end stock); else e.g. "H1", "9M", "2020-2024" */
    const char *item;             /* part of the tie (a route, a field, a product group); "" = all */
    double value;                 /* as written, in `unit` */
    mvec_qualifier qualifier;
    const char *unit;             /* as written, e.g. "USD bn" */
    const char *dimension;        /* the unit's dimension: "USD", "share", "t", ... */
    double base_value;            /* value in the dimension's base unit (USD, fraction, tonnes) */
    mvec_basis basis;
    bool top_list;                /* scope=top: every partner the source leaves out is smaller */
    bool superseded;              /* status=superseded: kept for the record, not used */
    const char *source;           /* publication */
    const char *source_date;      /* YYYY[-MM[-DD]] or "" */
    const char *url;              /* or "" */
    const char *title;            /* page or article title, or "" */
    const char *quality;          /* official, media, secondary, low, or "" */
    const char *seed;             /* seed article file name, or "" */
    const char *quote;            /* the source's wording, or "" */
    const char *note;             /* or "" */
    const char *file;             /* where it was read: a path or "embedded:data/kaz/..." */
    size_t line;                  /* line in that file */
    size_t column;                /* column of its value there (1-based; 0 when not from a file) */
} mvec_observation;

typedef struct mvec_observations mvec_observations;

typedef enum mvec_input_format {
    MVEC_INPUT_LONG = 0,   /* mvec's long format */
    MVEC_INPUT_BNS_TRADE,  /* the Bureau of National Statistics trade-by-partner table */
    MVEC_INPUT_OTHER,      /* any other importer: mvec_observations_import_* name it */
} mvec_input_format;

/* An empty store. `countries` must outlive it.
 * Statuses: MVEC_ERR_NOMEM; MVEC_ERR_CANCELLED; MVEC_ERR_INTERNAL. */
MVEC_API mvec_status mvec_observations_new(mvec_ctx *ctx, const mvec_countries *countries,
                                           mvec_observations **out);
/* NULL is a no-op. */
MVEC_API void mvec_observations_free(mvec_ctx *ctx, mvec_observations *observations);

/* Add the datasets compiled into libmvec (data/kaz/: Kazakhstan).
 * Statuses: MVEC_ERR_NOMEM; MVEC_ERR_CANCELLED; MVEC_ERR_INTERNAL. */
MVEC_API mvec_status mvec_observations_load_embedded(mvec_ctx *ctx,
                                                     mvec_observations *observations);

/* Add a file ("-" for standard input). The format is recognised from the
 * header; `format` (may be NULL) receives which one it was. Linear in the
 * file's size.
 * Statuses: MVEC_ERR_IO when the file cannot be read; MVEC_ERR_SCHEMA for a
 * wrong, missing or empty header; MVEC_ERR_PARSE for a bad row; MVEC_ERR_LIMIT
 * for a field, record or file over its cap (each message starts with
 * "file:line:column:"); MVEC_ERR_NOMEM; MVEC_ERR_CANCELLED;
 * MVEC_ERR_INTERNAL. */
MVEC_API mvec_status mvec_observations_load_file(mvec_ctx *ctx, mvec_observations *observations,
                                                 const char *path, mvec_input_format *format);

/* The same, for a command about one country: a file of flows (ITPD-E:
 * docs/formats.md) adds only the observations of `country` (NULL: every
 * country's), made from its rows, so a world table is not made whole for one
 * country; any other file is added whole, as by mvec_observations_load_file.
 * Statuses: MVEC_ERR_INVALID for an unknown country; otherwise as
 * mvec_observations_load_file. */
MVEC_API mvec_status mvec_observations_load_file_of(mvec_ctx *ctx,
                                                    mvec_observations *observations,
                                                    const char *path, const char *country,
                                                    mvec_input_format *format);

/* The same for text in memory; `name` is used in messages.
 * Statuses: as mvec_observations_load_file, without MVEC_ERR_IO. */
MVEC_API mvec_status mvec_observations_load_text(mvec_ctx *ctx, mvec_observations *observations,
                                                 const char *name, const char *text,
                                                 size_t length, mvec_input_format *format);

/* Add a file ("-" for standard input) read as `format`, an importer's name
 * ("obs", "bns", ...: mvec_importer_name); NULL recognises the format from
 * the header as mvec_observations_load_file does. `used_format` (may be NULL)
 * receives the importer's name (static storage). Linear in the file's size
 * unless the importer's section of docs/formats.md says otherwise. Codes an
 * importer cannot map to a country are reported through the log callback
 * (MVEC_LOG_WARNING), never dropped silently.
 * Statuses: MVEC_ERR_INVALID for an unknown format; otherwise as
 * mvec_observations_load_file. */
MVEC_API mvec_status mvec_observations_import_file(mvec_ctx *ctx, mvec_observations *observations,
                                                   const char *path, const char *format,
                                                   const char **used_format);
/* The same for text in memory; `name` is used in messages.
 * Statuses: as mvec_observations_import_file, without MVEC_ERR_IO. */
MVEC_API mvec_status mvec_observations_import_text(mvec_ctx *ctx, mvec_observations *observations,
                                                   const char *name, const char *text,
                                                   size_t length, const char *format,
                                                   const char **used_format);

/* The importers, in the order they are tried on a header: their names (the
 * FORMAT of `mvec import`) and one-line summaries; NULL past the end.
 * Cannot fail. */
MVEC_API size_t mvec_importer_count(void);
MVEC_API const char *mvec_importer_name(size_t index);
MVEC_API const char *mvec_importer_summary(size_t index);

/* The accessors below cannot fail; mvec_observations_at returns NULL past the end. */
MVEC_API size_t mvec_observations_count(const mvec_observations *observations);
MVEC_API const mvec_observation *mvec_observations_at(const mvec_observations *observations,
                                                      size_t index);
MVEC_API const mvec_countries *mvec_observations_countries(const mvec_observations *observations);

#endif
