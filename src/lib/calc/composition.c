/*
 * composition.c - exports and imports by stage of processing, by partner
 * bloc and year (mvec_composition.h; docs/methods.md, "Composition by stage
 * of processing").
 *
 * Input rows are summed exactly into cells (year, flow, partner group, HS
 * edition, product code) of whole US dollars; mvec_composition_finish reads
 * the built-in HS -> BEC table of each edition used, turns every code into
 * stage weights (fractions summing to 1) and adds value x weight to the
 * cell's row. Includes its own reader of WITS downloads (the flow readers
 * do not know that layout).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../data/csv_table.h"
#include "../mvec_internal.h"

#define COMPOSITION_TOTAL_LIMIT ((int64_t)1 << 62)

static const char *const STAGE_NAMES[MVEC_STAGE_COUNT] = {"raw", "intermediate", "capital",
                                                          "consumer", "unclassified"};

const char *mvec_stage_name(mvec_stage stage)
{
    return (unsigned)stage < MVEC_STAGE_COUNT ? STAGE_NAMES[stage] : "unknown";
}

struct cell {
    int year;
    bool exports;
    size_t group;        /* 0: World (WLD rows), 1..B: bloc + 1, B + 1: unmapped */
    const char *edition; /* interned */
    const char *product; /* interned */
    int64_t value;       /* USD */
};

struct mvec_composition {
    const mvec_countries *countries;
    const mvec_bloc_scheme *scheme;
    const mvec_country *self;
    size_t group_count;  /* blocs + 2 */
    mvec__strpool pool;
    mvec__strmap cell_index; /* "year|flow|group|edition|product" -> cell */
    mvec__strmap explicit_world; /* "year|flow" -> 1 when WLD rows exist */
    mvec__strmap unmapped_codes; /* partner codes with no registry entry */
    struct cell *cells;
    size_t cell_count, cell_capacity;
    mvec_composition_row *rows;
    size_t row_count;
    int value_decimals; /* the cells count 10^-value_decimals USD: the finest input's */
};

mvec_status mvec_composition_new(mvec_ctx *ctx, const mvec_countries *countries,
                                 const mvec_bloc_scheme *scheme, const char *country,
                                 mvec_composition **out)
{
    mvec_status status = MVEC_OK;
    mvec_composition *composition = NULL;
    const mvec_country *self = mvec_countries_find(countries, country);
    if (self == NULL)
        MVEC_FAIL(ctx, MVEC_ERR_INVALID, "no country '%s' in the registry", country);
    MVEC_TRY(mvec__calloc(ctx, 1, sizeof *composition, &composition));
    composition->countries = countries;
    composition->scheme = scheme;
    composition->self = self;
    composition->group_count = mvec_bloc_count(scheme) + 2;
    *out = composition;
cleanup:
    return status;
}

void mvec_composition_free(mvec_ctx *ctx, mvec_composition *composition)
{
    if (composition == NULL)
        return;
    mvec__strpool_clear(ctx, &composition->pool);
    mvec__strmap_clear(ctx, &composition->cell_index);
    mvec__strmap_clear(ctx, &composition->explicit_world);
    mvec__strmap_clear(ctx, &composition->unmapped_codes);
    mvec__free(ctx, composition->cells);
    mvec__free(ctx, composition->rows);
    mvec__free(ctx, composition);
}

size_t mvec_composition_row_count(const mvec_composition *composition)
{
    return composition->row_count;
}

const mvec_composition_row *mvec_composition_row_at(const mvec_composition *composition,
                                                    size_t index)
{
    return index < composition->row_count ? &composition->rows[index] : NULL;
}

/* The partner group of a partner code in `year`; records codes with no entry. */
static mvec_status partner_group(mvec_ctx *ctx, mvec_composition *composition, const char *code,
                                 int year, size_t *group)
{
    if (strcmp(code, "WLD") == 0) {
        *group = 0;
        return MVEC_OK;
    }
    const mvec_country *partner = mvec_countries_find(composition->countries, code);
    if (partner == NULL || partner->kind == MVEC_COUNTRY_AGGREGATE) {
        *group = composition->group_count - 1;
        return mvec__strmap_put(ctx, &composition->unmapped_codes, code, 0, NULL);
    }
    *group = mvec_bloc_of_year(composition->scheme, partner, year) + 1;
    return MVEC_OK;
}

/* Multiply *value by 10^digits, within the sums' limit. */
static bool scale_up(int64_t *value, int digits)
{
    for (int d = 0; d < digits; d++)
        if (__builtin_mul_overflow(*value, 10, value))
            return false;
    return *value < COMPOSITION_TOTAL_LIMIT && *value > -COMPOSITION_TOTAL_LIMIT;
}

/* Add `value`, in 10^-decimals USD, to its cell. An input finer than the cells so far (UN
 * Comtrade's thousandths) turns every cell to its unit first: exact, nothing rounded. */
static mvec_status add_value(mvec_ctx *ctx, mvec_composition *composition, int year,
                             bool exports, size_t group, const char *edition,
                             const char *product, int64_t value, int decimals)
{
    mvec_status status = MVEC_OK;
    if (decimals > composition->value_decimals) {
        for (size_t c = 0; c < composition->cell_count; c++)
            if (!scale_up(&composition->cells[c].value, decimals - composition->value_decimals))
                MVEC_FAIL(ctx, MVEC_ERR_LIMIT, "a sum of trade values reaches 2^62 USD");
        composition->value_decimals = decimals;
    }
    if (!scale_up(&value, composition->value_decimals - decimals))
        MVEC_FAIL(ctx, MVEC_ERR_LIMIT, "a sum of trade values reaches 2^62 USD");
    char key[128];
    snprintf(key, sizeof key, "%d|%d|%zu|%s|%s", year, exports, group, edition, product);
    size_t index = 0;
    if (!mvec__strmap_get(&composition->cell_index, key, &index)) {
        if (composition->cell_count == composition->cell_capacity) {
            size_t capacity = composition->cell_capacity ? 2 * composition->cell_capacity : 256;
            MVEC_TRY(mvec__realloc(ctx, &composition->cells, capacity * sizeof *composition->cells));
            composition->cell_capacity = capacity;
        }
        index = composition->cell_count;
        struct cell *cell = &composition->cells[index];
        memset(cell, 0, sizeof *cell);
        cell->year = year;
        cell->exports = exports;
        cell->group = group;
        MVEC_TRY(mvec__strpool_intern(ctx, &composition->pool, edition, &cell->edition));
        MVEC_TRY(mvec__strpool_intern(ctx, &composition->pool, product, &cell->product));
        MVEC_TRY(mvec__strmap_set(ctx, &composition->cell_index, key, index));
        composition->cell_count++;
    }
    struct cell *cell = &composition->cells[index];
    int64_t sum;
    if (__builtin_add_overflow(cell->value, value, &sum) || sum >= COMPOSITION_TOTAL_LIMIT ||
        sum <= -COMPOSITION_TOTAL_LIMIT)
        MVEC_FAIL(ctx, MVEC_ERR_LIMIT, "a sum of trade values reaches 2^62 USD");
    cell->value = sum;
    if (group == 0) {
        snprintf(key, sizeof key, "%d|%d", year, exports);
        MVEC_TRY(mvec__strmap_set(ctx, &composition->explicit_world, key, 1));
    }
cleanup:
    return status;
}

static bool edition_known(const char *edition)
{
    char path[64];
    snprintf(path, sizeof path, "data/hs/bec_%s.csv", edition);
    return mvec__embedded_find(path) != NULL;
}

/* ---- flow tables ------------------------------------------------------------------------ */

static mvec_status add_flows_named(mvec_ctx *ctx, mvec_composition *composition,
                                   const mvec_flows *flows, const char *name)
{
    mvec_status status = MVEC_OK;
    const mvec_flows_info *info = mvec_flows_get_info(flows);
    if (info->product_digits < 4)
        MVEC_FAIL(ctx, MVEC_ERR_INVALID,
                  "%s has HS%d products: stages of processing need HS4 or HS6 codes", name,
                  info->product_digits);
    if (!edition_known(info->hs_edition))
        MVEC_FAIL(ctx, MVEC_ERR_INVALID,
                  "%s: HS edition '%s' has no built-in HS -> BEC table (HS92 HS96 HS02 HS07 "
                  "HS12 HS17 HS22)",
                  name, info->hs_edition);
    mvec_flows_columns col = mvec_flows_get_columns(flows);
    size_t self = SIZE_MAX;
    for (size_t i = 0; i < info->country_count; i++)
        if (strcmp(mvec_flows_country_at(flows, i)->mvec_code, composition->self->code) == 0)
            self = i;
    if (self == SIZE_MAX)
        return MVEC_OK;
    for (size_t r = 0; r < col.rows; r++) {
        if ((r & 0xfffff) == 0)
            MVEC_TRY(mvec__check_cancel(ctx));
        bool exports = col.exporter[r] == self;
        if (!exports && col.importer[r] != self)
            continue;
        size_t other = exports ? col.importer[r] : col.exporter[r];
        if (other == self)
            continue;
        const mvec_flows_country *partner = mvec_flows_country_at(flows, other);
        size_t group = 0;
        MVEC_TRY(partner_group(ctx, composition,
                               partner->mvec_code[0] ? partner->mvec_code : partner->code,
                               col.year[r], &group));
        MVEC_TRY(add_value(ctx, composition, col.year[r], exports, group, info->hs_edition,
                           mvec_flows_product_at(flows, col.product[r]), col.value[r],
                           info->value_decimals));
    }
cleanup:
    return status;
}

mvec_status mvec_composition_add_flows(mvec_ctx *ctx, mvec_composition *composition,
                                       const mvec_flows *flows)
{
    return add_flows_named(ctx, composition, flows, mvec_flows_get_info(flows)->source_path);
}

/* ---- WITS downloads --------------------------------------------------------------------- */

enum {
    W_NOMENCLATURE,
    W_REPORTER,
    W_PRODUCT,
    W_REPORTER_NAME,
    W_PARTNER,
    W_PARTNER_NAME,
    W_YEAR,
    W_FLOW_NAME,
    W_FLOW_CODE,
    W_VALUE,
    W_REGION,
    W_INCOME,
    W_COLUMN_COUNT
};

static const mvec__column_spec WITS_COLUMNS[W_COLUMN_COUNT] = {
    {"Nomenclature", true},  {"ReporterISO3", true},        {"ProductCode", true},
    {"ReporterName", false}, {"PartnerISO3", true},         {"PartnerName", false},
    {"Year", true},          {"TradeFlowName", true},       {"TradeFlowCode", false},
    {"TradeValuein1000USD", true}, {"PartnerRegion", false}, {"PartnerIncomeGroup", false},
};

struct wits_state {
    mvec_ctx *ctx;
    mvec_composition *composition;
    size_t other_reporters;
    size_t other_flows;
};

/* Thousands of USD with at most three decimals -> whole USD. */
static bool parse_thousands(const char *text, int64_t *out)
{
    int64_t whole = 0;
    const char *p = text;
    if (*p < '0' || *p > '9')
        return false;
    for (; *p >= '0' && *p <= '9'; p++) {
        if (whole > (INT64_MAX / 1000 - 9) / 10)
            return false;
        whole = whole * 10 + (*p - '0');
    }
    int64_t fraction = 0;
    int digits = 0;
    if (*p == '.') {
        for (p++; *p >= '0' && *p <= '9'; p++, digits++) {
            if (digits >= 3 && *p != '0')
                return false;
            if (digits < 3)
                fraction = fraction * 10 + (*p - '0');
        }
        if (digits == 0)
            return false;
    }
    if (*p != '\0')
        return false;
    for (int d = digits < 3 ? digits : 3; d < 3; d++)
        fraction *= 10;
    *out = whole * 1000 + fraction;
    return true;
}

static bool all_digits(const char *text, size_t length)
{
    if (strlen(text) != length)
        return false;
    for (size_t i = 0; i < length; i++)
        if (text[i] < '0' || text[i] > '9')
            return false;
    return true;
}

static mvec_status wits_row(void *user, mvec__table *table)
{
    struct wits_state *state = user;
    mvec_ctx *ctx = state->ctx;
    mvec_composition *composition = state->composition;
    static const char *const EDITIONS[] = {"HS92", "HS96", "HS02", "HS07",
                                           "HS12", "HS17", "HS22"};
    const char *nomenclature = mvec__table_get(table, W_NOMENCLATURE);
    if (nomenclature[0] != 'H' || nomenclature[1] < '0' || nomenclature[1] > '6' ||
        nomenclature[2] != '\0')
        return mvec__table_fail(ctx, table, W_NOMENCLATURE, MVEC_ERR_PARSE,
                                "nomenclature '%s' is not H0-H6 (HS 1992-2022)", nomenclature);
    const char *edition = EDITIONS[nomenclature[1] - '0'];
    const char *product = mvec__table_get(table, W_PRODUCT);
    if (!all_digits(product, 4) && !all_digits(product, 6))
        return mvec__table_fail(ctx, table, W_PRODUCT, MVEC_ERR_PARSE,
                                "product '%s' is not an HS4 or HS6 code (a WITS product group "
                                "cannot be put in stages of processing)",
                                product);
    long year = 0;
    if (!mvec__parse_int(mvec__table_get(table, W_YEAR), 1900, 2100, &year))
        return mvec__table_fail(ctx, table, W_YEAR, MVEC_ERR_PARSE,
                                "year '%s' is not a year from 1900 to 2100",
                                mvec__table_get(table, W_YEAR));
    int64_t value = 0;
    const char *value_text = mvec__table_get(table, W_VALUE);
    if (!parse_thousands(value_text, &value))
        return mvec__table_fail(ctx, table, W_VALUE, MVEC_ERR_PARSE,
                                "value '%s' is not a non-negative number of thousands of USD "
                                "with at most three decimals",
                                value_text);
    const char *reporter = mvec__table_get(table, W_REPORTER);
    const mvec_country *who = mvec_countries_find(composition->countries, reporter);
    if (who != composition->self) {
        state->other_reporters++;
        return MVEC_OK;
    }
    const char *flow = mvec__table_get(table, W_FLOW_NAME);
    bool exports = strcmp(flow, "Export") == 0;
    if (!exports && strcmp(flow, "Import") != 0) {
        state->other_flows++;
        return MVEC_OK;
    }
    size_t group = 0;
    mvec_status status =
        partner_group(ctx, composition, mvec__table_get(table, W_PARTNER), (int)year, &group);
    if (status != MVEC_OK)
        return status;
    return add_value(ctx, composition, (int)year, exports, group, edition, product, value, 0);
}

static bool is_wits(const char *path)
{
    char head[64] = "";
    FILE *file = fopen(path, "rb");
    if (file == NULL)
        return false;
    size_t n = fread(head, 1, sizeof head - 1, file);
    fclose(file);
    head[n] = '\0';
    const char *text = head;
    if (strncmp(text, "\xEF\xBB\xBF", 3) == 0)
        text += 3;
    return strncmp(text, "Nomenclature,", 13) == 0;
}

static mvec_status report_unmapped(mvec_ctx *ctx, mvec_composition *composition, const char *path)
{
    mvec__strmap *codes = &composition->unmapped_codes;
    if (codes->entry_count == 0)
        return MVEC_OK;
    const char **list = NULL;
    mvec_status status = mvec__calloc(ctx, codes->entry_count, sizeof *list, &list);
    if (status != MVEC_OK)
        return status;
    size_t n = 0;
    for (size_t i = 0; i < codes->slot_count; i++)
        if (codes->keys[i] != NULL)
            list[n++] = codes->keys[i];
    for (size_t a = 1; a < n; a++)
        for (size_t b = a; b > 0 && strcmp(list[b - 1], list[b]) > 0; b--) {
            const char *t = list[b];
            list[b] = list[b - 1];
            list[b - 1] = t;
        }
    char text[512] = "";
    size_t used = 0;
    for (size_t i = 0; i < n && used + 16 < sizeof text; i++)
        used += (size_t)snprintf(text + used, sizeof text - used, "%s%s", i ? ", " : "", list[i]);
    mvec__log(ctx, MVEC_LOG_WARNING,
              "%s: %zu partner code%s with no country in the registry, counted in the group "
              "'unmapped': %s",
              path, n, n == 1 ? "" : "s", text);
    mvec__free(ctx, list);
    mvec__strmap_clear(ctx, codes);
    return MVEC_OK;
}

mvec_status mvec_composition_add_file(mvec_ctx *ctx, mvec_composition *composition,
                                      const char *path)
{
    mvec_status status = MVEC_OK;
    char *text = NULL;
    size_t length = 0;
    mvec_flows *flows = NULL;
    if (!is_wits(path)) {
        MVEC_TRY(mvec_flows_read(ctx, composition->countries, path, NULL, &flows));
        MVEC_TRY(add_flows_named(ctx, composition, flows, path));
        MVEC_TRY(report_unmapped(ctx, composition, path));
        goto cleanup;
    }
    MVEC_TRY(mvec__file_read(ctx, path, &text, &length));
    struct wits_state state = {ctx, composition, 0, 0};
    MVEC_TRY(mvec__table_read(ctx, path, text, length, WITS_COLUMNS, W_COLUMN_COUNT, wits_row,
                              &state));
    if (state.other_reporters > 0)
        mvec__log(ctx, MVEC_LOG_WARNING, "%s: %zu row%s of reporters other than %s left out",
                  path, state.other_reporters, state.other_reporters == 1 ? "" : "s",
                  composition->self->code);
    if (state.other_flows > 0)
        mvec__log(ctx, MVEC_LOG_WARNING,
                  "%s: %zu row%s of flows other than Export and Import left out", path,
                  state.other_flows, state.other_flows == 1 ? "" : "s");
    MVEC_TRY(report_unmapped(ctx, composition, path));
cleanup:
    mvec__free(ctx, text);
    mvec_flows_close(ctx, flows);
    return status;
}

/* ---- stages ----------------------------------------------------------------------------- */

struct weights {
    long double share[MVEC_STAGE_COUNT];
    size_t parts; /* HS6 subheadings (for an HS4 heading) or BEC rows (for an HS6) */
};

struct concordance {
    mvec__strmap index; /* hs6 and hs4 -> weights */
    struct weights *weights;
    size_t count, capacity;
    /* while reading: per hs6 the count of rows in each stage */
    char current[8];
    size_t stage_rows[MVEC_STAGE_COUNT];
    size_t rows;
    mvec_ctx *ctx;
};

enum { B_HS6, B_BEC, B_STAGE, B_SOURCE, B_COLUMN_COUNT };
static const mvec__column_spec BEC_COLUMNS[B_COLUMN_COUNT] = {
    {"hs6", true}, {"bec", true}, {"stage", true}, {"source", true}};

static mvec_status weights_for(mvec_ctx *ctx, struct concordance *table, const char *code,
                               struct weights **out)
{
    size_t index = 0;
    if (mvec__strmap_get(&table->index, code, &index)) {
        *out = &table->weights[index];
        return MVEC_OK;
    }
    mvec_status status = MVEC_OK;
    if (table->count == table->capacity) {
        size_t capacity = table->capacity ? 2 * table->capacity : 1024;
        MVEC_TRY(mvec__realloc(ctx, &table->weights, capacity * sizeof *table->weights));
        table->capacity = capacity;
    }
    index = table->count++;
    memset(&table->weights[index], 0, sizeof table->weights[index]);
    MVEC_TRY(mvec__strmap_set(ctx, &table->index, code, index));
    *out = &table->weights[index];
cleanup:
    return status;
}

/* The finished HS6 subheading: its weights, and its part of its HS4 heading. */
static mvec_status close_subheading(mvec_ctx *ctx, struct concordance *table)
{
    if (table->rows == 0)
        return MVEC_OK;
    struct weights *hs6 = NULL, *hs4 = NULL;
    mvec_status status = weights_for(ctx, table, table->current, &hs6);
    if (status != MVEC_OK)
        return status;
    char heading[5];
    memcpy(heading, table->current, 4);
    heading[4] = '\0';
    for (size_t s = 0; s < MVEC_STAGE_COUNT; s++)
        hs6->share[s] = (long double)table->stage_rows[s] / (long double)table->rows;
    hs6->parts = table->rows;
    /* hs6 may have moved when the array grew: take hs4 first, then re-find hs6 */
    status = weights_for(ctx, table, heading, &hs4);
    if (status != MVEC_OK)
        return status;
    weights_for(ctx, table, table->current, &hs6);
    for (size_t s = 0; s < MVEC_STAGE_COUNT; s++)
        hs4->share[s] += hs6->share[s]; /* divided by the subheading count at the end */
    hs4->parts++;
    memset(table->stage_rows, 0, sizeof table->stage_rows);
    table->rows = 0;
    return MVEC_OK;
}

static mvec_status bec_row(void *user, mvec__table *row)
{
    struct concordance *table = user;
    const char *hs6 = mvec__table_get(row, B_HS6);
    const char *stage = mvec__table_get(row, B_STAGE);
    size_t s = 0;
    while (s < MVEC_STAGE_COUNT && strcmp(STAGE_NAMES[s], stage) != 0)
        s++;
    if (s == MVEC_STAGE_COUNT)
        return mvec__table_fail(table->ctx, row, B_STAGE, MVEC_ERR_PARSE, "unknown stage '%s'",
                                stage);
    if (!all_digits(hs6, 6))
        return mvec__table_fail(table->ctx, row, B_HS6, MVEC_ERR_PARSE,
                                "'%s' is not an HS6 code", hs6);
    if (strcmp(hs6, table->current) != 0) {
        mvec_status status = close_subheading(table->ctx, table);
        if (status != MVEC_OK)
            return status;
        memcpy(table->current, hs6, 7);
    }
    table->stage_rows[s]++;
    table->rows++;
    return MVEC_OK;
}

static void concordance_clear(mvec_ctx *ctx, struct concordance *table)
{
    mvec__strmap_clear(ctx, &table->index);
    mvec__free(ctx, table->weights);
    memset(table, 0, sizeof *table);
}

static mvec_status concordance_load(mvec_ctx *ctx, const char *edition, struct concordance *table)
{
    mvec_status status = MVEC_OK;
    char path[64];
    snprintf(path, sizeof path, "data/hs/bec_%s.csv", edition);
    table->ctx = ctx;
    MVEC_TRY(mvec__table_read_embedded(ctx, path, BEC_COLUMNS, B_COLUMN_COUNT, bec_row, table));
    MVEC_TRY(close_subheading(ctx, table));
    for (size_t i = 0; i < table->index.slot_count; i++) {
        const char *key = table->index.keys[i];
        if (key == NULL || strlen(key) != 4)
            continue;
        struct weights *w = &table->weights[table->index.values[i]];
        for (size_t s = 0; s < MVEC_STAGE_COUNT; s++)
            w->share[s] /= (long double)w->parts;
    }
cleanup:
    return status;
}

static int compare_rows(const void *a, const void *b)
{
    const mvec_composition_row *x = a, *y = b;
    if (x->year != y->year)
        return x->year < y->year ? -1 : 1;
    if (x->exports != y->exports)
        return x->exports ? -1 : 1;
    return 0;
}

mvec_status mvec_composition_finish(mvec_ctx *ctx, mvec_composition *composition)
{
    mvec_status status = MVEC_OK;
    mvec__strmap row_index = MVEC__STRMAP_INIT;
    struct concordance table = {0};
    mvec__free(ctx, composition->rows);
    composition->rows = NULL;
    composition->row_count = 0;
    size_t capacity = 0;
    long double(*stage_sums)[MVEC_STAGE_COUNT] = NULL;
    size_t *row_groups = NULL;
    /* editions one at a time (interned: compared by pointer; at most the seven known) */
    const char *done_editions[8] = {NULL};
    size_t done_count = 0;
    for (size_t pass = 0; pass < composition->cell_count; pass++) {
        const char *edition = composition->cells[pass].edition;
        bool done = false;
        for (size_t d = 0; d < done_count && !done; d++)
            done = done_editions[d] == edition;
        if (done || done_count == sizeof done_editions / sizeof *done_editions)
            continue;
        done_editions[done_count++] = edition;
        concordance_clear(ctx, &table);
        status = concordance_load(ctx, edition, &table);
        if (status != MVEC_OK) {
            status = mvec__embedded_defect(ctx, status);
            goto cleanup;
        }
        for (size_t c = pass; c < composition->cell_count; c++) {
            const struct cell *cell = &composition->cells[c];
            if (cell->edition != edition)
                continue;
            char key_text[64];
            snprintf(key_text, sizeof key_text, "%d|%d", cell->year, cell->exports);
            bool world_rows = mvec__strmap_get(&composition->explicit_world, key_text, NULL);
            size_t target_groups[2] = {cell->group, 0};
            size_t target_count = cell->group == 0 || world_rows ? 1 : 2;
            size_t w_index = 0;
            const struct weights *w = mvec__strmap_get(&table.index, cell->product, &w_index)
                                          ? &table.weights[w_index]
                                          : NULL;
            for (size_t t = 0; t < target_count; t++) {
                char key[64];
                snprintf(key, sizeof key, "%d|%d|%zu", cell->year, cell->exports,
                         target_groups[t]);
                size_t r = 0;
                if (!mvec__strmap_get(&row_index, key, &r)) {
                    if (composition->row_count == capacity) {
                        capacity = capacity ? 2 * capacity : 64;
                        MVEC_TRY(mvec__realloc(ctx, &composition->rows,
                                               capacity * sizeof *composition->rows));
                        MVEC_TRY(mvec__realloc(ctx, &stage_sums, capacity * sizeof *stage_sums));
                        MVEC_TRY(mvec__realloc(ctx, &row_groups, capacity * sizeof *row_groups));
                    }
                    r = composition->row_count++;
                    mvec_composition_row *row = &composition->rows[r];
                    memset(row, 0, sizeof *row);
                    memset(stage_sums[r], 0, sizeof stage_sums[r]);
                    row->year = cell->year;
                    row->exports = cell->exports;
                    row->world = target_groups[t] == 0;
                    row_groups[r] = target_groups[t];
                    row->partner = target_groups[t] == 0 ? (world_rows ? "World" : "all")
                                   : target_groups[t] == composition->group_count - 1
                                       ? "unmapped"
                                       : mvec_bloc_name(composition->scheme, target_groups[t] - 1);
                    MVEC_TRY(mvec__strmap_set(ctx, &row_index, key, r));
                }
                mvec_composition_row *row = &composition->rows[r];
                row->total_usd += cell->value;
                if (w == NULL) {
                    row->unmapped_usd += cell->value;
                    continue;
                }
                bool split = true;
                for (size_t s = 0; s < MVEC_STAGE_COUNT; s++) {
                    if (w->share[s] >= 1.0L)
                        split = false;
                    stage_sums[r][s] += (long double)cell->value * w->share[s];
                }
                if (split)
                    row->split_usd += cell->value;
            }
        }
    }
    for (size_t r = 0; r < composition->row_count; r++)
        for (size_t s = 0; s < MVEC_STAGE_COUNT; s++)
            composition->rows[r].stage_usd[s] = (double)stage_sums[r][s];
    /* year, flow, then group order: sort stably by group first, then by year and flow */
    for (size_t a = 1; a < composition->row_count; a++) {
        mvec_composition_row row = composition->rows[a];
        size_t group = row_groups[a];
        size_t b = a;
        while (b > 0 && (compare_rows(&composition->rows[b - 1], &row) > 0 ||
                         (compare_rows(&composition->rows[b - 1], &row) == 0 &&
                          row_groups[b - 1] > group))) {
            composition->rows[b] = composition->rows[b - 1];
            row_groups[b] = row_groups[b - 1];
            b--;
        }
        composition->rows[b] = row;
        row_groups[b] = group;
    }
cleanup:
    concordance_clear(ctx, &table);
    mvec__strmap_clear(ctx, &row_index);
    mvec__free(ctx, stage_sums);
    mvec__free(ctx, row_groups);
    if (status != MVEC_OK) {
        mvec__free(ctx, composition->rows);
        composition->rows = NULL;
        composition->row_count = 0;
    }
    return status;
}

int mvec_composition_value_decimals(const mvec_composition *composition)
{
    return composition->value_decimals;
}
