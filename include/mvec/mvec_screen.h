/*
 * mvec_screen.h - the product dependency screen of the European Commission
 * (2021) as CEPII's GeoDep applies it to every country, on flow tables
 * (mvec_flows.h).
 *
 * For a country c and a product k in a year t (docs/methods.md, "Product
 * dependency screen"), with m_jk c's imports of k from supplier j, M_k their
 * sum, x_jk the exports of k by exporter j to every importer of the table
 * (the world), X_k their sum, and E_k = x_ck c's own exports of k:
 *
 *   (1) supplier concentration    HHI_k = sum_j (m_jk / M_k)^2 > 0.4
 *   (2) world-export concentration sum_j (x_jk / X_k)^2 > 0.4
 *   (3) imports exceed exports     M_k > E_k (M_k / E_k > 1; E_k = 0 passes)
 *
 * and k is a dependency in year Y when (1)-(3) hold together in at least 2 of
 * the 3 years Y-2, Y-1, Y. Values are whole US dollars (int64); the tests are
 * decided exactly in integers: (1) is 5 * sum_j m_jk^2 > 2 * M_k^2 in
 * unsigned 128-bit arithmetic (totals must stay below 2^62 USD, else
 * MVEC_ERR_LIMIT), (2) the same with x, (3) an integer comparison. The World
 * total (registry code WLD, M49 000) and a country's flows with itself are
 * left out. On an importer-declared table (the WTO's) every x_jk is a mirror
 * figure: the sum of all reporters' declared imports from j; a country that
 * reports nothing still exports through its partners' declarations.
 *
 * Output is the same on every run: products are listed by value (descending,
 * then code), ties between suppliers go to the smaller code.
 */
#ifndef MVEC_SCREEN_H
#define MVEC_SCREEN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "mvec_bloc.h"
#include "mvec_country.h"
#include "mvec_ctx.h"
#include "mvec_flows.h"

/* Years of the persistence window, and how many of them must meet the criteria. */
#define MVEC_SCREEN_WINDOW 3
#define MVEC_SCREEN_YEARS_REQUIRED 2

typedef struct mvec_screen mvec_screen;

typedef struct mvec_screen_options {
    size_t size; /* sizeof the struct: set by MVEC_SCREEN_OPTIONS_INIT */
    int year;    /* last year of the window; 0: the latest year in which the country imports */
} mvec_screen_options;

#define MVEC_SCREEN_OPTIONS_INIT {sizeof(mvec_screen_options), 0}

/* One dependent product. Figures are those of `year`: the window's last year
 * when the country imported the product that year, else the latest year of
 * the window in which it did. */
typedef struct mvec_screen_product {
    const char *product;      /* HS code as the table writes it ("27", "850760") */
    unsigned met;             /* bit i set: (1)-(3) held in year first_year + i */
    int years_met;            /* number of bits set, 2 or 3 */
    int year;                 /* year of the figures below */
    int64_t imports_usd;      /* M_k: the country's imports of the product */
    int64_t exports_usd;      /* E_k: its exports of the product (mirror figure on an
                                 importer-declared table) */
    const char *supplier;     /* largest supplier: registry code, else the source's code */
    const char *supplier_name; /* registry name; the source's code when none */
    int64_t supplier_usd;     /* imports from it */
    size_t bloc;              /* its bloc in `year`; SIZE_MAX when it has no registry entry */
    double supplier_hhi;      /* (1) as a number, for display: the test itself is exact */
    double world_hhi;         /* (2) as a number, for display */
    const char *world_leader; /* largest exporter of the product to the world */
    int64_t world_exports_usd; /* X_k */
} mvec_screen_product;

/* What the screen found in each year of the window. */
typedef struct mvec_screen_year {
    int year;
    bool reported;              /* the table has imports of the country that year */
    int64_t imports_usd;        /* the country's imports of every product */
    size_t imported;            /* products with M_k > 0 */
    size_t supplier_concentrated; /* of which (1) holds */
    size_t world_concentrated;    /* of which (2) holds */
    size_t imports_exceed;        /* of which (3) holds */
    size_t met;                   /* of which (1), (2) and (3) hold */
} mvec_screen_year;

/* Dependent products by the bloc of their largest supplier. */
typedef struct mvec_screen_bloc {
    const char *bloc;    /* scheme bloc name; "unmapped" for suppliers with no registry entry */
    size_t products;
    int64_t imports_usd; /* the products' imports_usd, summed */
} mvec_screen_bloc;

typedef struct mvec_screen_info {
    const char *country;      /* the registry code screened */
    int first_year, last_year; /* the window */
    mvec_flows_basis basis;   /* of the tables */
    int product_digits;       /* 2 for HS chapters (the WTO file), 6 for HS6 */
    int value_decimals;       /* every *_usd counts 10^-value_decimals USD (the tables'
                                 mvec_flows_info.value_decimals): 0, whole dollars */
    const char *hs_edition;
    size_t product_count;     /* dependent products */
    size_t bloc_count;        /* rows of mvec_screen_bloc_at: the scheme's blocs, then
                                 "unmapped" */
    mvec_screen_year years[MVEC_SCREEN_WINDOW];
} mvec_screen_info;

/* Screen `country` (a registry code such as "KAZ", or a code as the tables
 * write it) over `table_count` flow tables, which must share their basis and
 * product digits (their rows are summed; countries and products are matched
 * by code). Cost: one pass over the rows, plus O(3 * P * C) memory and time
 * for P products and C countries.
 * Statuses: MVEC_ERR_INVALID (no tables, options not made with their INIT
 * macro, a country the tables do not have, a year outside 1900-2100, tables
 * of different bases, product digits or value decimals, no imports of the
 * country), MVEC_ERR_LIMIT (a sum over 2^62 USD), MVEC_ERR_NOMEM,
 * MVEC_ERR_CANCELLED. */
MVEC_API mvec_status mvec_screen_run(mvec_ctx *ctx, const mvec_countries *countries,
                                     const mvec_bloc_scheme *scheme,
                                     const mvec_flows *const *tables, size_t table_count,
                                     const char *country, const mvec_screen_options *options,
                                     mvec_screen **out);
/* NULL is a no-op. */
MVEC_API void mvec_screen_free(mvec_ctx *ctx, mvec_screen *screen);
/* Accessors; cannot fail. The _at functions return NULL past the end. */
MVEC_API const mvec_screen_info *mvec_screen_get_info(const mvec_screen *screen);
MVEC_API const mvec_screen_product *mvec_screen_product_at(const mvec_screen *screen,
                                                           size_t index);
MVEC_API const mvec_screen_bloc *mvec_screen_bloc_at(const mvec_screen *screen, size_t index);

#endif
