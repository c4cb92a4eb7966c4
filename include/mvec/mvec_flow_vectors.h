/*
 * mvec_flow_vectors.h - a flow table (mvec_flows.h) as the trade vectors of
 * one country, the coverage of a flow source against another source's
 * totals, and the asymmetry of dependence between a country and its top
 * partners (docs/formats.md "Flow tables as observations", docs/methods.md section 12).
 *
 * Vectors (mvec_flow_vectors_add): the rows of the table in which the focal
 * country is the exporter or the importer, summed over products into one
 * observation per (vector, partner, year), indicator "value":
 *
 *   table basis          trade.imports         trade.exports        trade.total
 *   reconciled (BACI)    third_party           third_party          third_party (exp. + imp.)
 *   importer-declared    reporter (own)        partner (mirror)     none: never mixed
 *   exporter-declared    partner (mirror)      reporter (own)       none
 *   one reporter, both   reporter when the country is in every row (its own
 *   directions (WITS)    statistics), else partner; total as exp. + imp.
 *
 * and one WLD row per vector and year on the country's own declarations or
 * the reconciled basis: the source's World rows (code 000) summed over
 * products when it has them for that country, direction and year, else the
 * sum over every partner of the table but World (taken as disjoint, as in
 * BACI and the WTO file). A mirror vector's WLD row is the sum over
 * the partners that declare the flow: they cover only part of the country's
 * trade, so its shares are shares of the reporting partners' total (the note
 * says so, and the coverage check leaves mirror totals out). Values are whole US dollars, written in `unit` (default
 * "USD", so every value is exact). Partners whose code maps to no registry
 * entry get no row of their own (their value stays in a computed WLD) and are
 * reported in one warning. Only the focal country's rows are made: the
 * table is read once, in O(rows), and O(years x countries) memory is used.
 *
 * Threads: the table is only read; the store is modified as by a load.
 */
#ifndef MVEC_FLOW_VECTORS_H
#define MVEC_FLOW_VECTORS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "mvec_flows.h"
#include "mvec_obs.h"
#include "mvec_write.h"

typedef struct mvec_flow_vectors_options {
    size_t size;             /* sizeof the struct: set by MVEC_FLOW_VECTORS_OPTIONS_INIT */
    const char *country;     /* the focal country: code or name (required) */
    const char *unit;        /* a USD unit of data/units.csv; NULL: "USD" */
    const char *source;      /* NULL: by the table's format (docs/formats.md "Flow tables as observations") */
    const char *source_date; /* NULL: by the table's format */
    const char *url;         /* NULL: by the table's format */
} mvec_flow_vectors_options;

#define MVEC_FLOW_VECTORS_OPTIONS_INIT {sizeof(mvec_flow_vectors_options), NULL, NULL, NULL, NULL, NULL}

/* Whether `path` is a flow file: a name ending in .gz or .zip, or a plain
 * file whose first line is a header a flow reader knows. Reads at most the
 * first 64 KiB; a file that cannot be opened (or "-") is not a flow file.
 * Statuses: MVEC_ERR_IO (the file opened but cannot be read), MVEC_ERR_NOMEM. */
MVEC_API mvec_status mvec_flows_recognise(mvec_ctx *ctx, const mvec_countries *countries,
                                          const char *path, bool *is_flow_file);

/* Add the focal country's trade vectors from `flows` to `observations`
 * (whose registry must be the one the table was read with). `added` (may be
 * NULL) receives the number of rows added. A failure adds nothing.
 * Statuses: MVEC_ERR_INVALID (no country, an unknown country or unit, a unit
 * that is not in US dollars, an options struct not made with its INIT
 * macro), MVEC_ERR_LIMIT (a sum over 2^63 - 1 dollars), MVEC_ERR_NOMEM,
 * MVEC_ERR_CANCELLED. */
MVEC_API mvec_status mvec_flow_vectors_add(mvec_ctx *ctx, mvec_observations *observations,
                                           const mvec_flows *flows,
                                           const mvec_flow_vectors_options *options,
                                           size_t *added);

/* Every country's vector of one year at once (for mvec_rank_build): the
 * rows each country would get from mvec_flow_vectors_add, for `vector` and
 * `year` only, made from one dense exporter x importer table of the year's
 * sums. Every code that maps to a registry entry other than an aggregate
 * (World) is a focal country. */
typedef struct mvec_flow_vectors_every_options {
    size_t size;             /* sizeof the struct: set by MVEC_FLOW_VECTORS_EVERY_OPTIONS_INIT */
    int year;                /* 0: the year that is the latest with rows in the vector's
                                direction for the most countries (ties: the later) */
    const char *vector;      /* trade.exports, trade.imports or trade.total; NULL: trade.total
                                when the table's basis gives one (reconciled, one reporter),
                                else the declarants' own direction (trade.imports for an
                                importer-declared table, trade.exports otherwise) */
    const char *unit;        /* as mvec_flow_vectors_options */
    const char *source;
    const char *source_date;
    const char *url;
    int *latest;             /* NULL, or an array of mvec_countries_count() elements that
                                receives, by registry index, each country's latest year with
                                rows in the vector's direction (0: none) */
} mvec_flow_vectors_every_options;

#define MVEC_FLOW_VECTORS_EVERY_OPTIONS_INIT                                                       \
    {sizeof(mvec_flow_vectors_every_options), 0, NULL, NULL, NULL, NULL, NULL, NULL}

/* `year_out` and `vector_out` (may be NULL) receive the year and vector used
 * (the vector: `options->vector` or a static string), `added` (may be NULL) the
 * rows added. A failure adds nothing. Cost: two passes over the rows (the
 * latest years, then the year's sums), O(c^2) memory for c country codes
 * (at most 4096), then O(c^2) to make the rows.
 * Statuses: MVEC_ERR_INVALID (a vector other than the three, trade.total of
 * a table whose two directions have different declarants, a unit not in US
 * dollars, options not made with the INIT macro), MVEC_ERR_NO_DATA (no rows,
 * or none in the year: the message gives the table's years), MVEC_ERR_LIMIT
 * (over 4096 codes, a sum over 2^63 - 1), MVEC_ERR_NOMEM, MVEC_ERR_CANCELLED. */
MVEC_API mvec_status mvec_flow_vectors_add_every(mvec_ctx *ctx, mvec_observations *observations,
                                                 const mvec_flows *flows,
                                                 const mvec_flow_vectors_every_options *options,
                                                 int *year_out, const char **vector_out,
                                        size_t *added);

/* ---- asymmetry (Keohane-Nye sensitivity) ----------------------------------------------------
 *
 * For each vector the table's basis allows on both sides (reconciled:
 * exports, imports and total; importer-declared: imports; exporter-declared:
 * exports), the year (the requested one, else the latest with the country's
 * rows) and the country's `top` largest partners (countries and trade-data
 * codes; World rows and organisations left out): c's dependence on p,
 * d(c,p) = v(c,p) / T(c), next to p's dependence on c, d(p,c) = v(p,c) /
 * T(p), in the same vector seen from p's side (docs/methods.md section 12).
 * T is the total as in the vectors (World rows, else the sum over partners).
 * Cost: O(rows) per distinct year, O(countries) memory. */
typedef struct mvec_flow_asymmetry_row {
    const char *vector;              /* "trade.exports", "trade.imports", "trade.total" */
    int year;
    const char *basis;               /* the table's basis name ("importer-declared", ...) */
    int rank;                        /* 1 = the largest partner */
    const mvec_country *partner;
    int64_t country_with_partner;    /* v(c,p), in the table's 10^-value_decimals USD */
    int64_t country_total;           /* T(c), the same unit */
    int64_t partner_with_country;    /* v(p,c), the same unit */
    int64_t partner_total;           /* T(p), the same unit; 0: p has no rows on that side */
    double country_dependence;       /* d(c,p), a fraction */
    double partner_dependence;       /* d(p,c); NaN when T(p) = 0 */
    double ratio;                    /* d(c,p) / d(p,c); NaN when undefined */
} mvec_flow_asymmetry_row;

typedef struct mvec_flow_asymmetry mvec_flow_asymmetry;

typedef struct mvec_flow_asymmetry_options {
    size_t size;          /* sizeof the struct: set by MVEC_FLOW_ASYMMETRY_OPTIONS_INIT */
    const char *country;  /* code or name (required) */
    int year;             /* 0: the latest year with the country's rows, per vector */
    size_t top;           /* partners per vector; 0: 5 */
} mvec_flow_asymmetry_options;

#define MVEC_FLOW_ASYMMETRY_OPTIONS_INIT {sizeof(mvec_flow_asymmetry_options), NULL, 0, 0}

/* Statuses: MVEC_ERR_INVALID (no or an unknown country, bad options),
 * MVEC_ERR_LIMIT (a sum over 2^63 - 1), MVEC_ERR_NOMEM, MVEC_ERR_CANCELLED. */
MVEC_API mvec_status mvec_flow_asymmetry_build(mvec_ctx *ctx, const mvec_countries *countries,
                                               const mvec_flows *flows,
                                               const mvec_flow_asymmetry_options *options,
                                               mvec_flow_asymmetry **out);
MVEC_API void mvec_flow_asymmetry_free(mvec_ctx *ctx, mvec_flow_asymmetry *asymmetry);
/* Accessors; cannot fail (NULL past the end). */
MVEC_API size_t mvec_flow_asymmetry_count(const mvec_flow_asymmetry *asymmetry);
MVEC_API const mvec_flow_asymmetry_row *mvec_flow_asymmetry_at(const mvec_flow_asymmetry *asymmetry,
                                                               size_t index);
/* Table (a titled block for a 120-column terminal), CSV or JSON
 * ({"asymmetry": [rows]}). `flags`: MVEC_WRITE_EXACT for full precision.
 * Statuses: MVEC_ERR_INVALID (bad format), MVEC_ERR_IO (the sink failed),
 * MVEC_ERR_LIMIT (output over its cap), MVEC_ERR_NOMEM. */
MVEC_API mvec_status mvec_flow_asymmetry_write(mvec_ctx *ctx, const mvec_flow_asymmetry *asymmetry,
                                               mvec_format format, unsigned flags,
                                               const mvec_sink *sink);

/* ---- coverage ----------------------------------------------------------------------------------
 *
 * The yearly totals (partner WLD, indicator value, not superseded, USD) of
 * `country` in `flows_obs` (the flow vectors) against those in `reference`
 * (e.g. the Bureau's table; only rows of quality "official" when
 * `official_only`; never rows of a source the flow totals have), vector by
 * vector and basis by basis; a year is
 * flagged when |flow - reference| > tolerance x reference
 * (docs/methods.md section 12). Years only one side has are listed too.
 * Cost: O(n log n) in the observations of the country. */
typedef struct mvec_coverage_row {
    const char *vector;
    int year;
    const char *flow_basis;      /* "reporter", "third_party"; "" when the flow side has none */
    const char *flow_source;     /* "" when none */
    double flow_usd;             /* NaN when none */
    const char *reference_source;/* "" when none */
    double reference_usd;        /* NaN when none */
    double difference;           /* (flow - reference) / reference; NaN when either is missing */
    const char *verdict;         /* "agrees", "differs", "only flows", "only reference" */
} mvec_coverage_row;

typedef struct mvec_coverage mvec_coverage;

/* Statuses: MVEC_ERR_INVALID (unknown country, a tolerance not in [0, 1]),
 * MVEC_ERR_NOMEM. */
MVEC_API mvec_status mvec_coverage_build(mvec_ctx *ctx, const mvec_observations *flows_obs,
                                         const mvec_observations *reference, const char *country,
                                         double tolerance, bool official_only,
                                         mvec_coverage **out);
MVEC_API void mvec_coverage_free(mvec_ctx *ctx, mvec_coverage *coverage);
MVEC_API size_t mvec_coverage_count(const mvec_coverage *coverage);
MVEC_API const mvec_coverage_row *mvec_coverage_at(const mvec_coverage *coverage, size_t index);
/* Years flagged "differs". Cannot fail. */
MVEC_API size_t mvec_coverage_flagged(const mvec_coverage *coverage);
/* Table, CSV or JSON ({"coverage": [rows]}).
 * Statuses: MVEC_ERR_INVALID (bad format), MVEC_ERR_IO (the sink failed),
 * MVEC_ERR_LIMIT (output over its cap), MVEC_ERR_NOMEM. */
MVEC_API mvec_status mvec_coverage_write(mvec_ctx *ctx, const mvec_coverage *coverage,
                                         mvec_format format, unsigned flags,
                                         const mvec_sink *sink);

#endif
