/*
 * flow_table.c - a flow table from parsed raw columns: the source's codes
 * made dense (in ascending code order, so the table never depends on the
 * order rows were met or on the thread count), each country code mapped to
 * the registry where it has an entry for that number, the provenance; and
 * the accessors of mvec_flows.h.
 */
#define _XOPEN_SOURCE 700 /* realpath */

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "flows_internal.h"


mvec_status mvec__flows_new(mvec_ctx *ctx, mvec_flows **out)
{
    mvec_status status = mvec__calloc(ctx, 1, sizeof **out, out);
    if (status == MVEC_OK)
        (*out)->strings = (mvec__arena)MVEC__ARENA_INIT;
    return status;
}

void mvec_flows_close(mvec_ctx *ctx, mvec_flows *flows)
{
    if (flows == NULL)
        return;
    mvec__flow_raw_clear(ctx, &flows->owned);
    mvec__free(ctx, flows->countries);
    mvec__free(ctx, (void *)flows->products);
    mvec__arena_clear(ctx, &flows->strings);
    if (flows->map != NULL)
        mvec__flows_unmap(flows->map, flows->map_length);
    mvec__free(ctx, flows);
}

/* The registry's entry for a source code (`text` as written), or NULL:
 * BACI's numbers and M49 are both looked up by number (the registry holds
 * BACI's pseudo-codes by their numbers); M49 000 is the WTO's World total and
 * 918 the EU; alpha-3 codes must be a registry code (WLD included). */
static const mvec_country *map_country(const mvec_countries *countries,
                                       enum mvec__flow_codes codes, unsigned code,
                                       const char *text)
{
    if (codes == FLOW_CODES_ALPHA3) {
        const mvec_country *country = mvec_countries_find(countries, text);
        return country != NULL && strcmp(country->code, text) == 0 ? country : NULL;
    }
    if (codes == FLOW_CODES_M49 && code == 0)
        return mvec_countries_find(countries, "WLD");
    if (codes == FLOW_CODES_M49 && code == 918)
        return mvec_countries_find(countries, "EU");
    char number[16]; /* without M49's leading zeros */
    snprintf(number, sizeof number, "%u", code);
    const mvec_country *country = mvec_countries_find(countries, number);
    return country != NULL && country->numeric == (int)code ? country : NULL;
}

/* Replace the raw codes of a uint16 column by dense indexes. */
static void remap16(uint16_t *column, size_t rows, const uint32_t *dense)
{
    for (size_t r = 0; r < rows; r++)
        column[r] = (uint16_t)dense[column[r]];
}

/* The HS edition from a BACI file name: "BACI_HS92_Y2021_V202301.csv" -> "HS92". */
static void edition_from_name(const char *name, char out[8])
{
    strcpy(out, "unknown");
    const char *base = strrchr(name, '/');
    base = base ? base + 1 : name;
    for (const char *p = strstr(base, "HS"); p != NULL; p = strstr(p + 1, "HS")) {
        bool starts = p == base || p[-1] == '_';
        if (starts && p[2] >= '0' && p[2] <= '9' && p[3] >= '0' && p[3] <= '9' &&
            (p[4] == '_' || p[4] == '.')) {
            memcpy(out, p, 4);
            out[4] = '\0';
            return;
        }
    }
}

mvec_status mvec__flows_warn_unmapped(mvec_ctx *ctx, const mvec_flows *flows, const char *name)
{
    mvec__buf list = MVEC__BUF_INIT(4096);
    size_t unmapped = 0;
    mvec_status status = MVEC_OK;
    for (size_t i = 0; i < flows->info.country_count && status == MVEC_OK; i++)
        if (flows->countries[i].mvec_code[0] == '\0' && unmapped++ < 20)
            status = mvec__buf_printf(ctx, &list, "%s%s", unmapped > 1 ? ", " : "",
                                      flows->countries[i].code);
    if (status == MVEC_OK && unmapped > 0)
        mvec__log(ctx, MVEC_LOG_WARNING,
                  "%s: %zu country code%s with no entry in the country registry, kept as "
                  "written and mapped to no country: %s%s",
                  name, unmapped, unmapped == 1 ? "" : "s", list.data,
                  unmapped > 20 ? ", ..." : "");
    mvec__buf_clear(ctx, &list);
    return status;
}

/* The decimals the table's values need, of the reader's `decimals` below the unit: values
 * that are all whole units are divided down to them (exactly), so a Comtrade file without
 * fractions gives whole dollars as every other reader does. */
static int whole_units(int64_t *value, size_t rows, int decimals)
{
    int64_t scale = 1;
    for (int d = 0; d < decimals; d++)
        scale *= 10;
    for (size_t r = 0; r < rows && scale > 1; r++)
        if (value[r] % scale != 0)
            return decimals;
    for (size_t r = 0; r < rows && scale > 1; r++)
        value[r] /= scale;
    return 0;
}

/* Build `flows` (already holding info's source fields) from `raw`, taken over. */
static mvec_status build(mvec_ctx *ctx, const mvec_countries *countries,
                         const struct mvec__flow_reader *reader, const char *name,
                         const char *hs_edition, struct mvec__flow_raw *raw, mvec_flows *flows)
{
    mvec_status status = MVEC_OK;
    uint32_t *dense = NULL;
    size_t rows = raw->rows;

    /* The code maps span the codes met (at most 26^3 countries, 10^6 products). */
    size_t country_codes = 1, product_codes = 1;
    for (size_t r = 0; r < rows; r++) {
        if (raw->exporter[r] >= country_codes)
            country_codes = (size_t)raw->exporter[r] + 1;
        if (raw->importer[r] >= country_codes)
            country_codes = (size_t)raw->importer[r] + 1;
        if (raw->product[r] >= product_codes)
            product_codes = (size_t)raw->product[r] + 1;
    }
    size_t slots = product_codes > country_codes ? product_codes : country_codes;
    MVEC_TRY(mvec__calloc(ctx, slots, sizeof *dense, &dense));

    /* Countries: dense in ascending code order. */
    for (size_t r = 0; r < rows; r++) {
        dense[raw->exporter[r]] = 1;
        dense[raw->importer[r]] = 1;
    }
    size_t country_count = 0;
    for (size_t c = 0; c < country_codes; c++)
        if (dense[c])
            country_count++;
    MVEC_TRY(mvec__calloc(ctx, country_count ? country_count : 1, sizeof *flows->countries,
                          &flows->countries));
    size_t next = 0;
    for (unsigned c = 0; c < country_codes; c++) {
        if (!dense[c])
            continue;
        dense[c] = (uint32_t)next;
        char text[16];
        if (reader->codes == FLOW_CODES_ALPHA3)
            snprintf(text, sizeof text, "%c%c%c", 'A' + c / 676, 'A' + c / 26 % 26, 'A' + c % 26);
        else
            snprintf(text, sizeof text, reader->codes == FLOW_CODES_M49 ? "%03u" : "%u", c);
        const mvec_country *country = map_country(countries, reader->codes, c, text);
        mvec_flows_country *entry = &flows->countries[next++];
        MVEC_TRY(mvec__arena_strdup(ctx, &flows->strings, text, &entry->code));
        MVEC_TRY(mvec__arena_strdup(ctx, &flows->strings, country ? country->code : "",
                                    &entry->mvec_code));
    }
    remap16(raw->exporter, rows, dense);
    remap16(raw->importer, rows, dense);
    flows->info.country_count = country_count;
    MVEC_TRY(mvec__flows_warn_unmapped(ctx, flows, name));

    /* Products: dense in ascending code order. */
    memset(dense, 0, slots * sizeof *dense);
    for (size_t r = 0; r < rows; r++)
        dense[raw->product[r]] = 1;
    size_t product_count = 0;
    for (size_t k = 0; k < product_codes; k++)
        if (dense[k])
            product_count++;
    MVEC_TRY(mvec__calloc(ctx, product_count ? product_count : 1, sizeof *flows->products,
                          &flows->products));
    next = 0;
    for (unsigned k = 0; k < product_codes; k++) {
        if (!dense[k])
            continue;
        dense[k] = (uint32_t)next;
        char text[16];
        snprintf(text, sizeof text, "%0*u", reader->product_digits, k);
        MVEC_TRY(mvec__arena_strdup(ctx, &flows->strings, text, &flows->products[next++]));
    }
    for (size_t r = 0; r < rows; r++)
        raw->product[r] = dense[raw->product[r]];

    int first = 0, last = 0;
    for (size_t r = 0; r < rows; r++) {
        int year = raw->year[r];
        if (first == 0 || year < first)
            first = year;
        if (year > last)
            last = year;
    }

    char edition[8] = "unknown";
    if (hs_edition == NULL && reader->hs_edition_in_name)
        edition_from_name(name, edition);
    if (raw->editions != 0) { /* WITS nomenclature H0..H6: one per file */
        static const char *const EDITIONS[] = {"HS92", "HS96", "HS02", "HS07",
                                               "HS12", "HS17", "HS22"};
        unsigned d = 0;
        while (!(raw->editions & (1u << d)))
            d++;
        if (raw->editions != (1u << d) || d > 6)
            MVEC_FAIL(ctx, MVEC_ERR_PARSE,
                      "%s: rows of several HS nomenclatures (H0-H6) in one file: split it", name);
        strcpy(edition, EDITIONS[d]);
    }
    mvec_flows_info *info = &flows->info;
    MVEC_TRY(mvec__arena_strdup(ctx, &flows->strings, reader->name, &info->format));
    MVEC_TRY(mvec__arena_strdup(ctx, &flows->strings, hs_edition ? hs_edition : edition,
                                &info->hs_edition));
    MVEC_TRY(mvec__arena_strdup(ctx, &flows->strings, reader->value_unit, &info->value_unit));
    MVEC_TRY(mvec__arena_strdup(ctx, &flows->strings, raw->quantity ? reader->quantity_unit : "",
                                &info->quantity_unit));
    info->basis = reader->basis;
    info->product_digits = reader->product_digits;
    info->value_decimals = whole_units(raw->value, rows, reader->value_subunit_decimals);
    info->rows = rows;
    info->country_count = country_count;
    info->product_count = product_count;
    info->first_year = first;
    info->last_year = last;
    flows->owned = *raw;
    memset(raw, 0, sizeof *raw);
    flows->columns = (mvec_flows_columns){rows,
                                          flows->owned.year,
                                          flows->owned.exporter,
                                          flows->owned.importer,
                                          flows->owned.product,
                                          flows->owned.value,
                                          flows->owned.quantity};
cleanup:
    mvec__free(ctx, dense);
    return status;
}

static mvec_status read_options(mvec_ctx *ctx, const mvec_flows_options *given,
                                mvec_flows_options *options)
{
    mvec_flows_options defaults = MVEC_FLOWS_OPTIONS_INIT;
    *options = defaults;
    mvec_status status = mvec__options_read(ctx, "mvec_flows_options", "MVEC_FLOWS_OPTIONS_INIT",
                                            options, sizeof *options, sizeof *options, given);
    if (status == MVEC_OK && options->threads == 0) {
        long cores = sysconf(_SC_NPROCESSORS_ONLN);
        options->threads = cores > 0 ? (unsigned)cores : 1;
    }
    return status;
}

/* Parse `data` and build the table; source fields of info set by the caller after. */
static mvec_status read_text(mvec_ctx *ctx, const mvec_countries *countries, const char *name,
                             const char *data, size_t length, const mvec_flows_options *given,
                             mvec_flows **out)
{
    mvec_status status = MVEC_OK;
    mvec_flows *flows = NULL;
    struct mvec__flow_raw raw = {0};
    const struct mvec__flow_reader *reader = NULL;
    mvec_flows_options options;
    struct mvec__flow_selection selection = {0};
    MVEC_TRY(read_options(ctx, given, &options));
    MVEC_TRY(mvec__flows_new(ctx, &flows));
    /* A reader with row filters (UN Comtrade) parses the rows its filters keep. */
    MVEC_TRY(mvec__flow_select(ctx, name, data, length, &selection));
    if (selection.text != NULL) {
        data = selection.text;
        length = selection.length;
    }
    MVEC_TRY(mvec__flow_parse(ctx, name, data, length, options.threads, &reader, &raw));
    if (selection.status != MVEC_OK) /* the parser found nothing wrong before that row */
        MVEC_FAIL(ctx, selection.status, "%s", selection.message);
    MVEC_TRY(build(ctx, countries, reader, name, options.hs_edition, &raw, flows));
    if (selection.left_out > 0)
        mvec__log(ctx, MVEC_LOG_WARNING,
                  "%s: %zu row%s left out of the bilateral table and not added to any sum: %s",
                  name, selection.left_out, selection.left_out == 1 ? "" : "s",
                  selection.summary);
    *out = flows;
    flows = NULL;
cleanup:
    mvec__flow_selection_clear(ctx, &selection);
    mvec__flow_raw_clear(ctx, &raw);
    mvec_flows_close(ctx, flows);
    return status;
}

mvec_status mvec_flows_read_buffer(mvec_ctx *ctx, const mvec_countries *countries,
                                   const char *name, const char *data, size_t length,
                                   const mvec_flows_options *options, mvec_flows **out)
{
    mvec_status status = MVEC_OK;
    mvec_flows *flows = NULL;
    char sha[65];
    MVEC_TRY(read_text(ctx, countries, name, data, length, options, &flows));
    mvec__flow_sha256_hex(data, length, sha);
    MVEC_TRY(mvec__arena_strdup(ctx, &flows->strings, name, &flows->info.source_path));
    MVEC_TRY(mvec__arena_strdup(ctx, &flows->strings, sha, &flows->info.source_sha256));
    flows->info.source_size = (long long)length;
    *out = flows;
    flows = NULL;
cleanup:
    mvec_flows_close(ctx, flows);
    return status;
}

mvec_status mvec__flows_read_source(mvec_ctx *ctx, const mvec_countries *countries,
                                    const char *path, struct mvec__flow_source *source,
                                    const mvec_flows_options *options, mvec_flows **out)
{
    mvec_status status = MVEC_OK;
    mvec_flows *flows = NULL;
    char absolute[PATH_MAX];
    size_t length = 0;
    const char *data = mvec__flow_source_data(source, &length);
    if (realpath(path, absolute) == NULL)
        MVEC_FAIL(ctx, MVEC_ERR_IO, "cannot resolve the path %s", path);
    MVEC_TRY(read_text(ctx, countries, path, data, length, options, &flows));
    MVEC_TRY(mvec__arena_strdup(ctx, &flows->strings, absolute, &flows->info.source_path));
    MVEC_TRY(mvec__arena_strdup(ctx, &flows->strings, mvec__flow_source_sha256(source),
                                &flows->info.source_sha256));
    flows->info.source_size = (long long)source->file_length;
    flows->info.source_mtime_ns = source->mtime_ns;
    *out = flows;
    flows = NULL;
cleanup:
    mvec_flows_close(ctx, flows);
    return status;
}

mvec_status mvec_flows_read(mvec_ctx *ctx, const mvec_countries *countries, const char *path,
                            const mvec_flows_options *options, mvec_flows **out)
{
    struct mvec__flow_source source;
    mvec_status status = mvec__flow_source_open(ctx, path, &source);
    if (status == MVEC_OK)
        status = mvec__flows_read_source(ctx, countries, path, &source, options, out);
    mvec__flow_source_close(ctx, &source);
    return status;
}

size_t mvec_flows_rows(const mvec_flows *flows)
{
    return flows->columns.rows;
}

mvec_flows_columns mvec_flows_get_columns(const mvec_flows *flows)
{
    return flows->columns;
}

const mvec_flows_info *mvec_flows_get_info(const mvec_flows *flows)
{
    return &flows->info;
}

const mvec_flows_country *mvec_flows_country_at(const mvec_flows *flows, size_t index)
{
    return index < flows->info.country_count ? &flows->countries[index] : NULL;
}

const char *mvec_flows_product_at(const mvec_flows *flows, size_t index)
{
    return index < flows->info.product_count ? flows->products[index] : NULL;
}

char *mvec_flows_value_text(int64_t value, int decimals, char *out, size_t size)
{
    uint64_t magnitude = value < 0 ? 0 - (uint64_t)value : (uint64_t)value;
    uint64_t scale = 1;
    for (int d = 0; d < decimals && d < 18; d++)
        scale *= 10;
    if (decimals <= 0)
        snprintf(out, size, "%s%llu", value < 0 ? "-" : "", (unsigned long long)magnitude);
    else
        snprintf(out, size, "%s%llu.%0*llu", value < 0 ? "-" : "",
                 (unsigned long long)(magnitude / scale), decimals,
                 (unsigned long long)(magnitude % scale));
    return out;
}

const char *mvec_flows_basis_name(mvec_flows_basis basis)
{
    switch (basis) {
    case MVEC_FLOWS_RECONCILED:
        return "reconciled";
    case MVEC_FLOWS_IMPORTER_DECLARED:
        return "importer-declared";
    case MVEC_FLOWS_EXPORTER_DECLARED:
        return "exporter-declared";
    case MVEC_FLOWS_REPORTER_DECLARED:
        return "reporter-declared";
    }
    return "unknown";
}
