/*
 * screen.c - the product dependency screen (mvec_screen.h; docs/methods.md,
 * "Product dependency screen"): European Commission (2021) criteria as CEPII
 * GeoDep applies them to every country, decided in exact integers.
 *
 * The tables' countries and products are merged by code into global indexes
 * sorted by code (so the result does not depend on table order), then one
 * pass over the rows fills two arrays of the window's 3 years x P products
 * x C countries: world[y][p][j] = exports of p by j to every importer, and
 * imports[y][p][j] = the screened country's imports of p from j.
 */
#include <stdlib.h>
#include <string.h>

#include "../mvec_internal.h"

__extension__ typedef unsigned __int128 u128;

/* Totals must stay below 2^62 USD so that 5 * sum of squares fits in 128 bits. */
#define SCREEN_TOTAL_LIMIT ((int64_t)1 << 62)

struct code_entry {
    const char *key;      /* registry code, else the source's code */
    const char *name;     /* registry name, else key */
    const mvec_country *country; /* NULL when the registry has none */
    bool world;           /* the World total (WLD) */
};

struct mvec_screen {
    mvec__arena arena;
    mvec_screen_info info;
    mvec_screen_product *products;
    mvec_screen_bloc *blocs;
};

static int compare_keys(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* A table's i-th product code, or its i-th country as mvec knows it (else as written). */
static const char *table_key(const mvec_flows *table, bool products, size_t i)
{
    if (products)
        return mvec_flows_product_at(table, i);
    const mvec_flows_country *c = mvec_flows_country_at(table, i);
    return c->mvec_code[0] ? c->mvec_code : c->code;
}

/* The number of products, or of countries, of a table. */
static size_t table_keys(const mvec_flows *table, bool products)
{
    const mvec_flows_info *info = mvec_flows_get_info(table);
    return products ? info->product_count : info->country_count;
}

/* Collect the distinct keys of all tables (sorted), and each table's map to them. */
static mvec_status merge_codes(mvec_ctx *ctx, mvec_screen *screen, const mvec_countries *countries,
                               const mvec_flows *const *tables, size_t table_count,
                               bool products, const char ***keys_out, size_t *count_out,
                               size_t **maps_out)
{
    mvec_status status = MVEC_OK;
    mvec__strmap seen = MVEC__STRMAP_INIT;
    const char **keys = NULL;
    size_t count = 0, total = 0;
    size_t *maps = NULL;
    for (size_t t = 0; t < table_count; t++)
        total += table_keys(tables[t], products);
    MVEC_TRY(mvec__calloc(ctx, total + 1, sizeof *keys, &keys));
    MVEC_TRY(mvec__calloc(ctx, total + 1, sizeof *maps, &maps));
    for (size_t t = 0; t < table_count; t++) {
        size_t n = table_keys(tables[t], products);
        for (size_t i = 0; i < n; i++) {
            const char *key = table_key(tables[t], products, i);
            bool existed = false;
            MVEC_TRY(mvec__strmap_put(ctx, &seen, key, count, &existed));
            if (!existed)
                MVEC_TRY(mvec__arena_strdup(ctx, &screen->arena, key, &keys[count++]));
        }
    }
    qsort(keys, count, sizeof *keys, compare_keys);
    mvec__strmap_clear(ctx, &seen);
    for (size_t i = 0; i < count; i++)
        MVEC_TRY(mvec__strmap_set(ctx, &seen, keys[i], i));
    for (size_t t = 0, base = 0; t < table_count; t++) {
        size_t n = table_keys(tables[t], products);
        for (size_t i = 0; i < n; i++, base++)
            mvec__strmap_get(&seen, table_key(tables[t], products, i), &maps[base]);
    }
    (void)countries;
    *keys_out = keys;
    *count_out = count;
    *maps_out = maps;
    keys = NULL;
    maps = NULL;
cleanup:
    mvec__strmap_clear(ctx, &seen);
    mvec__free(ctx, keys);
    mvec__free(ctx, maps);
    return status;
}

static mvec_status add_checked(mvec_ctx *ctx, int64_t *sum, int64_t value)
{
    int64_t result;
    if (__builtin_add_overflow(*sum, value, &result) || result >= SCREEN_TOTAL_LIMIT ||
        result <= -SCREEN_TOTAL_LIMIT)
        return mvec__error(ctx, MVEC_ERR_LIMIT,
                           "a sum of trade values reaches 2^62 USD: beyond the screen's exact "
                           "arithmetic");
    *sum = result;
    return MVEC_OK;
}

/* HHI > 0.4 decided exactly: 5 * sum of squares > 2 * total^2 (values below 2^62). */
static bool concentrated(const int64_t *values, size_t count, int64_t *total_out, double *hhi,
                         size_t *top, bool *over)
{
    u128 squares = 0;
    u128 total = 0;
    size_t best = SIZE_MAX;
    for (size_t j = 0; j < count; j++) {
        int64_t v = values[j];
        if (v <= 0)
            continue;
        squares += (u128)v * (u128)v;
        total += (u128)v;
        if (best == SIZE_MAX || v > values[best])
            best = j;
    }
    if (total >= (u128)SCREEN_TOTAL_LIMIT) {
        *over = true;
        total = 0;
    }
    *total_out = (int64_t)total;
    *top = best;
    if (total == 0) {
        *hhi = 0;
        return false;
    }
    *hhi = (double)((long double)squares / ((long double)total * (long double)total));
    return (u128)5 * squares > (u128)2 * total * total;
}

mvec_status mvec_screen_run(mvec_ctx *ctx, const mvec_countries *countries,
                            const mvec_bloc_scheme *scheme, const mvec_flows *const *tables,
                            size_t table_count, const char *country,
                            const mvec_screen_options *options, mvec_screen **out)
{
    mvec_status status = MVEC_OK;
    mvec_screen *screen = NULL;
    const char **country_keys = NULL, **product_keys = NULL;
    size_t *country_maps = NULL, *product_maps = NULL;
    struct code_entry *entries = NULL;
    int64_t *world = NULL, *imports = NULL;
    unsigned *met = NULL;
    bool over = false;
    size_t country_count = 0, product_count = 0;
    if (table_count == 0)
        MVEC_FAIL(ctx, MVEC_ERR_INVALID, "no flow table to screen");
    if (options != NULL && options->size != sizeof *options)
        MVEC_FAIL(ctx, MVEC_ERR_INVALID, "screen options not made with MVEC_SCREEN_OPTIONS_INIT");
    int year = options ? options->year : 0;
    if (year != 0 && (year < 1900 || year > 2100))
        MVEC_FAIL(ctx, MVEC_ERR_INVALID, "year %d is outside 1900-2100", year);
    const mvec_flows_info *first = mvec_flows_get_info(tables[0]);
    for (size_t t = 1; t < table_count; t++) {
        const mvec_flows_info *info = mvec_flows_get_info(tables[t]);
        if (info->basis != first->basis || info->product_digits != first->product_digits ||
            info->value_decimals != first->value_decimals)
            MVEC_FAIL(ctx, MVEC_ERR_INVALID,
                      "%s and %s differ in basis, product digits or value decimals: they cannot "
                      "be screened together",
                      first->source_path, info->source_path);
    }
    MVEC_TRY(mvec__calloc(ctx, 1, sizeof *screen, &screen));
    MVEC_TRY(merge_codes(ctx, screen, countries, tables, table_count, false, &country_keys,
                         &country_count, &country_maps));
    MVEC_TRY(merge_codes(ctx, screen, countries, tables, table_count, true, &product_keys,
                         &product_count, &product_maps));
    MVEC_TRY(mvec__calloc(ctx, country_count + 1, sizeof *entries, &entries));
    size_t target = SIZE_MAX;
    const mvec_country *wanted = mvec_countries_find(countries, country);
    for (size_t i = 0; i < country_count; i++) {
        entries[i].key = country_keys[i];
        entries[i].country = mvec_countries_find(countries, country_keys[i]);
        entries[i].name = entries[i].key;
        entries[i].world = strcmp(country_keys[i], "WLD") == 0;
        if (entries[i].country != NULL) {
            if (strcmp(entries[i].country->code, country_keys[i]) != 0)
                entries[i].country = NULL; /* a source code that only looks like a registry one */
            else
                entries[i].name = entries[i].country->name;
        }
        if (strcmp(country_keys[i], country) == 0 ||
            (wanted != NULL && strcmp(country_keys[i], wanted->code) == 0))
            target = i;
    }
    /* a code as the source writes it ("398") */
    for (size_t t = 0, base = 0; target == SIZE_MAX && t < table_count; t++) {
        const mvec_flows_info *info = mvec_flows_get_info(tables[t]);
        for (size_t i = 0; i < info->country_count; i++, base++)
            if (strcmp(mvec_flows_country_at(tables[t], i)->code, country) == 0) {
                target = country_maps[base];
                break;
            }
    }
    if (target == SIZE_MAX || entries[target].world)
        MVEC_FAIL(ctx, MVEC_ERR_INVALID, "the flow tables have no country '%s'", country);

    /* the window: the latest year the country imports, unless given */
    if (year == 0) {
        for (size_t t = 0, base = 0; t < table_count; t++) {
            mvec_flows_columns col = mvec_flows_get_columns(tables[t]);
            for (size_t r = 0; r < col.rows; r++)
                if (country_maps[base + col.importer[r]] == target && col.value[r] > 0 &&
                    col.year[r] > year)
                    year = col.year[r];
            base += mvec_flows_get_info(tables[t])->country_count;
        }
        if (year == 0)
            MVEC_FAIL(ctx, MVEC_ERR_INVALID, "the flow tables have no imports of '%s'", country);
    }
    int first_year = year - (MVEC_SCREEN_WINDOW - 1);
    size_t cells = (size_t)MVEC_SCREEN_WINDOW * product_count * country_count;
    MVEC_TRY(mvec__calloc(ctx, cells + 1, sizeof *world, &world));
    MVEC_TRY(mvec__calloc(ctx, cells + 1, sizeof *imports, &imports));
    bool reported[MVEC_SCREEN_WINDOW] = {false};
    for (size_t t = 0, cbase = 0, pbase = 0; t < table_count; t++) {
        mvec_flows_columns col = mvec_flows_get_columns(tables[t]);
        for (size_t r = 0; r < col.rows; r++) {
            if ((r & 0xfffff) == 0)
                MVEC_TRY(mvec__check_cancel(ctx));
            int y = col.year[r];
            if (y < first_year || y > year)
                continue;
            size_t e = country_maps[cbase + col.exporter[r]];
            size_t i = country_maps[cbase + col.importer[r]];
            if (e == i || entries[e].world || entries[i].world)
                continue;
            size_t p = product_maps[pbase + col.product[r]];
            size_t yi = (size_t)(y - first_year);
            size_t cell = (yi * product_count + p) * country_count + e;
            MVEC_TRY(add_checked(ctx, &world[cell], col.value[r]));
            if (i == target) {
                MVEC_TRY(add_checked(ctx, &imports[cell], col.value[r]));
                reported[yi] = true;
            }
        }
        cbase += mvec_flows_get_info(tables[t])->country_count;
        pbase += mvec_flows_get_info(tables[t])->product_count;
    }

    /* the three criteria, year by year */
    mvec_screen_info *info = &screen->info;
    info->country = entries[target].key;
    info->first_year = first_year;
    info->last_year = year;
    info->basis = first->basis;
    info->product_digits = first->product_digits;
    info->value_decimals = first->value_decimals;
    MVEC_TRY(mvec__arena_strdup(ctx, &screen->arena, first->hs_edition, &info->hs_edition));
    MVEC_TRY(mvec__calloc(ctx, product_count + 1, sizeof *met, &met));
    for (size_t yi = 0; yi < MVEC_SCREEN_WINDOW; yi++) {
        mvec_screen_year *stats = &info->years[yi];
        stats->year = first_year + (int)yi;
        stats->reported = reported[yi];
        for (size_t p = 0; p < product_count; p++) {
            const int64_t *m = imports + (yi * product_count + p) * country_count;
            const int64_t *x = world + (yi * product_count + p) * country_count;
            int64_t m_total = 0, x_total = 0;
            double hhi;
            size_t top;
            bool c1 = concentrated(m, country_count, &m_total, &hhi, &top, &over);
            if (m_total <= 0)
                continue;
            bool c2 = concentrated(x, country_count, &x_total, &hhi, &top, &over);
            bool c3 = m_total > x[target];
            stats->imports_usd += m_total;
            stats->imported++;
            stats->supplier_concentrated += c1;
            stats->world_concentrated += c2;
            stats->imports_exceed += c3;
            if (c1 && c2 && c3) {
                stats->met++;
                met[p] |= 1u << yi;
            }
        }
    }

    /* the dependent products, with the figures of their year */
    size_t listed = 0;
    for (size_t p = 0; p < product_count; p++)
        listed += __builtin_popcount(met[p]) >= MVEC_SCREEN_YEARS_REQUIRED;
    size_t bloc_count = mvec_bloc_count(scheme) + 1;
    MVEC_TRY(mvec__calloc(ctx, listed + 1, sizeof *screen->products, &screen->products));
    MVEC_TRY(mvec__calloc(ctx, bloc_count, sizeof *screen->blocs, &screen->blocs));
    for (size_t b = 0; b + 1 < bloc_count; b++)
        screen->blocs[b].bloc = mvec_bloc_name(scheme, b);
    screen->blocs[bloc_count - 1].bloc = "unmapped";
    info->bloc_count = bloc_count;
    size_t n = 0;
    for (size_t p = 0; p < product_count; p++) {
        if (__builtin_popcount(met[p]) < MVEC_SCREEN_YEARS_REQUIRED)
            continue;
        size_t yi = MVEC_SCREEN_WINDOW;
        for (size_t k = MVEC_SCREEN_WINDOW; k-- > 0;) {
            const int64_t *m = imports + (k * product_count + p) * country_count;
            bool any = false;
            for (size_t j = 0; j < country_count && !any; j++)
                any = m[j] > 0;
            if (any) {
                yi = k;
                break;
            }
        }
        const int64_t *m = imports + (yi * product_count + p) * country_count;
        const int64_t *x = world + (yi * product_count + p) * country_count;
        mvec_screen_product *item = &screen->products[n++];
        size_t top = SIZE_MAX, leader = SIZE_MAX;
        item->product = product_keys[p];
        item->met = met[p];
        item->years_met = __builtin_popcount(met[p]);
        item->year = first_year + (int)yi;
        concentrated(m, country_count, &item->imports_usd, &item->supplier_hhi, &top, &over);
        concentrated(x, country_count, &item->world_exports_usd, &item->world_hhi, &leader, &over);
        item->exports_usd = x[target];
        item->supplier = entries[top].key;
        item->supplier_name = entries[top].name;
        item->supplier_usd = m[top];
        item->world_leader = entries[leader].key;
        item->bloc = entries[top].country
                         ? mvec_bloc_of_year(scheme, entries[top].country, item->year)
                         : SIZE_MAX;
        mvec_screen_bloc *bloc = &screen->blocs[item->bloc == SIZE_MAX ? bloc_count - 1
                                                                        : item->bloc];
        bloc->products++;
        bloc->imports_usd += item->imports_usd;
    }
    info->product_count = n;
    if (over)
        MVEC_FAIL(ctx, MVEC_ERR_LIMIT,
                  "a sum of trade values reaches 2^62 USD: beyond the screen's exact arithmetic");
    /* by value, then code */
    for (size_t a = 1; a < n; a++) {
        mvec_screen_product item = screen->products[a];
        size_t b = a;
        while (b > 0 && (screen->products[b - 1].imports_usd < item.imports_usd ||
                         (screen->products[b - 1].imports_usd == item.imports_usd &&
                          strcmp(screen->products[b - 1].product, item.product) > 0))) {
            screen->products[b] = screen->products[b - 1];
            b--;
        }
        screen->products[b] = item;
    }
    *out = screen;
    screen = NULL;
cleanup:
    mvec_screen_free(ctx, screen);
    mvec__free(ctx, country_keys);
    mvec__free(ctx, product_keys);
    mvec__free(ctx, country_maps);
    mvec__free(ctx, product_maps);
    mvec__free(ctx, entries);
    mvec__free(ctx, world);
    mvec__free(ctx, imports);
    mvec__free(ctx, met);
    return status;
}

void mvec_screen_free(mvec_ctx *ctx, mvec_screen *screen)
{
    if (screen == NULL)
        return;
    mvec__free(ctx, screen->products);
    mvec__free(ctx, screen->blocs);
    mvec__arena_clear(ctx, &screen->arena);
    mvec__free(ctx, screen);
}

const mvec_screen_info *mvec_screen_get_info(const mvec_screen *screen)
{
    return &screen->info;
}

const mvec_screen_product *mvec_screen_product_at(const mvec_screen *screen, size_t index)
{
    return index < screen->info.product_count ? &screen->products[index] : NULL;
}

const mvec_screen_bloc *mvec_screen_bloc_at(const mvec_screen *screen, size_t index)
{
    return index < screen->info.bloc_count ? &screen->blocs[index] : NULL;
}
