/*
 * mvec_rank.h - every country of the data ranked by one measure of one
 * vector in one year: balance, partner HHI, great-power exposure or lead
 * margin, with its top partner and its bloc shares (docs/methods.md,
 * section 16).
 *
 * Each country's distribution is chosen and evaluated exactly as
 * mvec_profile_build chooses and evaluates it for that vector and year
 * (the same collection, the same evaluation, the same index table), so a
 * country's row equals its `mvec profile --year Y` line for the vector:
 * intervals where the data are incomplete or conflict.
 *
 * The countries of the data are the focal countries of the usable
 * observations (indicator value or share, not superseded), whatever their
 * vector; a country that only appears as a partner is not one. Those
 * without a result for the vector and year are listed as left out, with the
 * reason.
 *
 * Defaults (options 0 / NULL): the vector is trade.total when any country
 * has it, else trade.exports when any has it, else the vector the most
 * countries have (ties: the first in byte order); the year is the year that
 * is the latest whole-year year of the vector for the most countries (ties:
 * the later year).
 *
 * Order: rank 1 has the largest value of the measure (the most balanced,
 * the most concentrated, the most exposed, the largest lead); an interval is
 * ordered by its lower end, then its upper end (both compared exactly, as
 * doubles), then by the country code in byte order; undefined values (NaN,
 * e.g. the balance of a country with no great-power trade) come last.
 *
 * Cost: for n observations, O(n) to filter and group them by country, then
 * the profile's evaluation of one distribution per country (linear in its
 * partners with complete data; bounded as in mvec_profile.h otherwise),
 * then O(c log c) to sort c countries.
 */
#ifndef MVEC_RANK_H
#define MVEC_RANK_H

#include <stdbool.h>
#include <stddef.h>

#include "mvec_bloc.h"
#include "mvec_index.h"
#include "mvec_obs.h"
#include "mvec_write.h"

typedef enum mvec_rank_by {
    MVEC_RANK_BALANCE = 0, /* balance among the great powers (docs/methods.md section 4) */
    MVEC_RANK_HHI,         /* partner HHI (section 3) */
    MVEC_RANK_EXPOSURE,    /* sum of the great-power bloc shares (section 4) */
    MVEC_RANK_MARGIN,      /* lead of the first great power over the second (section 4) */
    MVEC_RANK_BY_COUNT
} mvec_rank_by;

/* "balance", "hhi", "exposure", "margin"; NULL past the end. Cannot fail. */
MVEC_API const char *mvec_rank_by_name(mvec_rank_by by);
/* The measure named `name`.
 * Statuses: MVEC_ERR_INVALID for an unknown name (the message lists the names). */
MVEC_API mvec_status mvec_rank_by_from_name(mvec_ctx *ctx, const char *name, mvec_rank_by *out);

typedef struct mvec_rank_options {
    size_t size;        /* sizeof the struct: set by MVEC_RANK_OPTIONS_INIT */
    int year;           /* 0: the default year (above) */
    const char *vector; /* NULL: the default vector (above) */
    mvec_rank_by by;
    const int *latest; /* NULL, or by registry index (mvec_countries_count() elements) the
                          latest year with data of the vector of countries whose other years
                          are not in the observations (a flow table's rows of one year:
                          mvec_flow_vectors_every_options.latest); they count as countries
                          of the data */
} mvec_rank_options;

#define MVEC_RANK_OPTIONS_INIT                                                                     \
    {                                                                                              \
        sizeof(mvec_rank_options), 0, NULL, MVEC_RANK_BALANCE, NULL                                \
    }

typedef struct mvec_rank_row {
    size_t rank; /* 1 = first */
    const mvec_country *country;
    mvec_interval measure; /* the value of the chosen measure */
    mvec_interval balance;
    mvec_interval hhi;
    mvec_interval exposure;
    mvec_interval margin;
    const mvec_country *top_partner; /* the listed partner with the largest upper share; NULL */
    mvec_interval top_share;
    const mvec_interval *bloc_shares; /* one per bloc of the scheme */
    size_t partner_count;             /* listed partners */
    mvec_interval total;              /* the total (WLD) in `unit`; NaN when the distribution
                                         has none (shares) */
    const char *unit;                 /* the base unit of the values' dimension ("USD") */
    const char *period;               /* "" for the whole year */
    mvec_basis basis;
    const char *source; /* the one publication of its inputs; NULL when several */
} mvec_rank_row;

typedef struct mvec_rank_left_out {
    const mvec_country *country;
    const char *reason; /* "no trade.total data", "no data for 2020 (latest:
                           2016)", or why the distribution has no result */
} mvec_rank_left_out;

typedef struct mvec_rank mvec_rank;

/* Rank the countries of `observations` (see above). `memberships` may be
 * NULL (aggregates such as the EU then have no member list). `options` may
 * be NULL for the defaults.
 * Statuses: MVEC_ERR_INVALID (a measure out of range, a vector no country
 * has, options not made with the INIT macro), MVEC_ERR_NO_DATA (no country
 * has the vector in the year: the message names the years with data, or no
 * usable observation at all), MVEC_ERR_LIMIT, MVEC_ERR_SOLVER (as
 * mvec_profile_build), MVEC_ERR_NOMEM, MVEC_ERR_CANCELLED. */
MVEC_API mvec_status mvec_rank_build(mvec_ctx *ctx, const mvec_observations *observations,
                                     const mvec_bloc_scheme *scheme,
                                     const mvec_memberships *memberships,
                                     const mvec_rank_options *options, mvec_rank **out);
/* NULL is a no-op. */
MVEC_API void mvec_rank_free(mvec_ctx *ctx, mvec_rank *rank);

/* Accessors; cannot fail (the _at functions return NULL past the end). */
MVEC_API size_t mvec_rank_count(const mvec_rank *rank);
MVEC_API const mvec_rank_row *mvec_rank_at(const mvec_rank *rank, size_t index);
MVEC_API size_t mvec_rank_left_out_count(const mvec_rank *rank);
MVEC_API const mvec_rank_left_out *mvec_rank_left_out_at(const mvec_rank *rank, size_t index);
MVEC_API int mvec_rank_year(const mvec_rank *rank);
MVEC_API const char *mvec_rank_vector(const mvec_rank *rank);
MVEC_API mvec_rank_by mvec_rank_measure(const mvec_rank *rank);
MVEC_API const mvec_bloc_scheme *mvec_rank_scheme(const mvec_rank *rank);
/* How the year and the vector were chosen: true when they were defaults. */
MVEC_API bool mvec_rank_year_default(const mvec_rank *rank);
MVEC_API bool mvec_rank_vector_default(const mvec_rank *rank);

/* Table (a title, one line per country within 120 columns, the countries
 * left out, the rule of the order and the sources), CSV (one line per
 * country, left-out countries with an empty rank and their reason) or JSON
 * ({"rank": {...settings, "rows": [...], "left_out": [...]}}). `flags`:
 * MVEC_WRITE_EXACT for full precision in CSV and JSON.
 * Statuses: MVEC_ERR_INVALID (bad format), MVEC_ERR_IO (the sink failed),
 * MVEC_ERR_LIMIT (output over its cap), MVEC_ERR_NOMEM. */
MVEC_API mvec_status mvec_rank_write(mvec_ctx *ctx, const mvec_rank *rank, mvec_format format,
                                     unsigned flags, const mvec_sink *sink);

#endif
