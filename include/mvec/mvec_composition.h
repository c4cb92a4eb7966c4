/*
 * mvec_composition.h - a country's exports and imports by stage of
 * processing (raw materials, intermediate, capital and consumer goods), by
 * partner bloc and year.
 *
 * Products are HS codes of 4 or 6 digits in a known HS edition; each is put
 * in a stage through the UN Statistics Division's HS -> BEC Rev.4
 * correlation table of that edition (built in: data/hs/bec_<EDITION>.csv,
 * HS92 HS96 HS02 HS07 HS12 HS17 HS22) and the UNCTAD stages of processing
 * of the BEC headings (docs/methods.md, "Composition by stage of
 * processing"):
 *
 *   raw           111 21 31
 *   intermediate  121 22 32 322 42 53
 *   capital       41 521
 *   consumer      112 122 522 61 62 63
 *   unclassified  321 51 7 (and n/a: monetary gold)
 *
 * An HS6 subheading with several BEC rows is split equally among them; an
 * HS4 heading (the WITS files) is split equally among its HS6 subheadings in
 * the table. Values that fall in one stage are exact integers of whole US
 * dollars; split values are fractions, summed in long double, so stage
 * values are doubles (totals stay exact integers).
 *
 * Inputs: World Bank WITS downloads of UN Comtrade (header `Nomenclature,
 * ReporterISO3,ProductCode,...,TradeValuein1000USD,...`; values in thousands
 * of USD with at most three decimals, i.e. whole dollars), and flow tables
 * (mvec_flows.h: CEPII BACI HS6). Rows whose partner is the World (WLD) are
 * the partner `World`; when a year and flow has no such rows, the partner
 * `all` is the sum over the input's partners instead.
 */
#ifndef MVEC_COMPOSITION_H
#define MVEC_COMPOSITION_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "mvec_bloc.h"
#include "mvec_country.h"
#include "mvec_ctx.h"
#include "mvec_flows.h"

typedef enum mvec_stage {
    MVEC_STAGE_RAW = 0,
    MVEC_STAGE_INTERMEDIATE,
    MVEC_STAGE_CAPITAL,
    MVEC_STAGE_CONSUMER,
    MVEC_STAGE_UNCLASSIFIED,
    MVEC_STAGE_COUNT,
} mvec_stage;

/* "raw", "intermediate", "capital", "consumer", "unclassified"; cannot fail. */
MVEC_API const char *mvec_stage_name(mvec_stage stage);

typedef struct mvec_composition mvec_composition;

/* One year, flow and partner group. */
typedef struct mvec_composition_row {
    int year;
    bool exports;         /* true: the country's exports; false: its imports */
    const char *partner;  /* a bloc of the scheme; "World" (the input's WLD rows); "all"
                             (the sum over partners, when the input has no WLD rows for
                             that year and flow); "unmapped" (partners with no registry
                             entry) */
    bool world;           /* the World or all row */
    int64_t total_usd;    /* every product, exact, in 10^-d USD, d =
                             mvec_composition_value_decimals (0: whole dollars) */
    int64_t unmapped_usd; /* products the edition's table does not list (no stage) */
    int64_t split_usd;    /* products split across several stages */
    double stage_usd[MVEC_STAGE_COUNT]; /* the listed products' value by stage */
} mvec_composition_row;

/* An empty composition of `country` (a registry code or name) under `scheme`.
 * Statuses: MVEC_ERR_INVALID (a country the registry does not know),
 * MVEC_ERR_NOMEM. */
MVEC_API mvec_status mvec_composition_new(mvec_ctx *ctx, const mvec_countries *countries,
                                          const mvec_bloc_scheme *scheme, const char *country,
                                          mvec_composition **out);
/* Add a file: a WITS download (recognised by its header) is read here; any
 * other file goes to mvec_flows_read and then mvec_composition_add_flows.
 * WITS rows of another reporter, and rows of flows other than Export and
 * Import, are left out with one warning each on the log callback; partners
 * with no registry entry go to the group "unmapped", with one warning.
 * Cost: linear in the file.
 * Statuses: MVEC_ERR_IO (cannot read the file), MVEC_ERR_PARSE
 * (file:line:column: a value that is not a whole number of dollars, a year
 * out of range, a product code that is not 4 or 6 digits such as a WITS
 * product group, a nomenclature other than H0-H6), MVEC_ERR_SCHEMA (a header
 * that is neither WITS nor a flow file), those of mvec_flows_read and
 * mvec_composition_add_flows, MVEC_ERR_NOMEM. */
MVEC_API mvec_status mvec_composition_add_file(mvec_ctx *ctx, mvec_composition *composition,
                                               const char *path);
/* Add a flow table: the country's exports (it is the exporter) and imports.
 * Statuses: MVEC_ERR_INVALID (an HS edition the table does not know, or
 * products of fewer than 4 digits: HS chapters cannot be staged),
 * MVEC_ERR_LIMIT (a sum over 2^62 USD), MVEC_ERR_NOMEM, MVEC_ERR_CANCELLED. */
MVEC_API mvec_status mvec_composition_add_flows(mvec_ctx *ctx, mvec_composition *composition,
                                                const mvec_flows *flows);
/* Compute the rows (again, after more input), sorted by year, flow (exports
 * first), then World or all, the scheme's blocs in order, and "unmapped".
 * Statuses: MVEC_ERR_INTERNAL (a malformed built-in table), MVEC_ERR_NOMEM. */
MVEC_API mvec_status mvec_composition_finish(mvec_ctx *ctx, mvec_composition *composition);
/* Rows of the last mvec_composition_finish; cannot fail. NULL past the end. */
MVEC_API size_t mvec_composition_row_count(const mvec_composition *composition);
MVEC_API const mvec_composition_row *mvec_composition_row_at(const mvec_composition *composition,
                                                             size_t index);
/* The decimals of a dollar the rows' *_usd count: 0 (whole dollars), or 3 once
 * a UN Comtrade table with fractions was added (every sum then in thousandths). */
MVEC_API int mvec_composition_value_decimals(const mvec_composition *composition);
/* NULL is a no-op. */
MVEC_API void mvec_composition_free(mvec_ctx *ctx, mvec_composition *composition);

#endif
