/*
 * import_itpd.c - USITC's International Trade and Production Database for
 * Estimation (ITPD-E), as bilateral totals summed over all industries
 * (goods and services) in constant 2010 US dollars: one row per exporter,
 * importer and year (docs/formats.md, "itpd").
 *
 * Each row exporter -> importer gives two observations: the exporter's
 * trade.exports to the importer and the importer's trade.imports from the
 * exporter. trade.total (exports + imports) of each country, partner and
 * year is summed while reading and added in finish. A row with exporter =
 * importer is production sold at home, not trade with a partner: it becomes
 * the context figure trade.domestic / sales of that country (no partner
 * distribution contains it). Basis third_party: the figures are USITC's
 * harmonised estimates, not what either country declares.
 *
 * The rows are read into flow records (flow_records.h) and the observations made
 * from them (itpd_make_flows): after the last row for a load, or when the
 * workspace reads the records it keeps instead of the observations (428k
 * records instead of 1.35 million observations), for one country if it asks.
 *
 * Speed (428k rows): the strings every row shares are interned once in
 * begin; ISO codes are resolved through a direct table of the 26^3
 * upper-case alpha-3 codes; totals are summed through a dense partner
 * index per country and year. The rows add up by construction (WLD = the
 * sum of the partners read), so the load skips the group checks
 * (importers.h).
 */
#include <stdint.h>
#include <string.h>

#include "code_map.h"
#include "importers.h"

static const char *const ITPD_HEADER[] = {"year", "exporter_iso3", "importer_iso3",
                                          "trade_usd2010"};
enum { ITPD_YEAR, ITPD_EXPORTER, ITPD_IMPORTER, ITPD_VALUE, ITPD_COLUMN_COUNT };
static const mvec__column_spec ITPD_COLUMNS[ITPD_COLUMN_COUNT] = {
    {"year", true}, {"exporter_iso3", true}, {"importer_iso3", true}, {"trade_usd2010", true}};

#define ITPD_UNIT "USD 2010"
#define ITPD_CODES (26 * 26 * 26)
#define ITPD_UNMAPPED INT32_MIN
#define ITPD_FIRST_YEAR 1900
#define ITPD_YEARS 201 /* 1900-2100 */

/* One trade.total being summed. */
typedef struct itpd_total {
    uint64_t key; /* year, country slot, partner slot */
    double value;
    size_t line, column; /* the first row that contributed */
} itpd_total;

typedef struct itpd_state {
    /* interned once */
    const char *exports, *imports, *total, *domestic, *value, *sales, *empty, *source,
        *source_date, *url, *title, *quality, *note, *domestic_note, *total_note, *file;
    const char *unit, *dimension;
    double unit_factor;
    /* alpha-3 code -> slot + 1 in flows.codes (0: not met yet; ITPD_UNMAPPED: left out) */
    int32_t code_slot[ITPD_CODES];
    mvec__flow_records flows; /* the rows read */
    mvec__unmapped unmapped;
    /* While making observations: the records' countries. */
    const mvec_country *const *countries;
    size_t country_count;
    /* the totals: entries in first-seen order, found through an index of size mask + 1 */
    itpd_total *totals;
    size_t total_count, total_capacity;
    /* per year met (else NULL): the totals' index and the WLD sums */
    struct itpd_year {
        uint32_t **index;  /* [country][partner] = entry + 1, 0 = none; rows made when met */
        double *world;     /* [country * 3 + flow]: the sum over partners (WLD) */
        size_t *world_line; /* [country]: its first row of the year */
        size_t *world_column; /* [country]: the value's column in that row */
    } *years[ITPD_YEARS];
    size_t stride; /* countries the registry holds: no more slots than that */
    const char *world_note;
    const mvec_country *wld;
} itpd_state;

enum { ITPD_FLOW_EXPORTS, ITPD_FLOW_IMPORTS, ITPD_FLOW_TOTAL, ITPD_FLOWS };


static mvec_status itpd_begin(mvec__import *import)
{
    mvec_ctx *ctx = import->ctx;
    mvec_status status = MVEC_OK;
    itpd_state *s = NULL;
    MVEC_TRY(mvec__calloc(ctx, 1, sizeof *s, &s));
    import->state = s;
    s->unmapped = (mvec__unmapped){.index = MVEC__STRMAP_INIT};
    static const struct {
        size_t offset;
        const char *text;
    } TEXTS[] = {
        {offsetof(itpd_state, exports), "trade.exports"},
        {offsetof(itpd_state, imports), "trade.imports"},
        {offsetof(itpd_state, total), "trade.total"},
        {offsetof(itpd_state, domestic), "trade.domestic"},
        {offsetof(itpd_state, value), "value"},
        {offsetof(itpd_state, sales), "sales"},
        {offsetof(itpd_state, empty), ""},
        {offsetof(itpd_state, source),
         "USITC, International Trade and Production Database for Estimation (ITPD-E) release 1, "
         "summed over industries"},
        {offsetof(itpd_state, source_date), "2022-10-21"},
        {offsetof(itpd_state, url), "https://www.usitc.gov/data/gravity/itpde.htm"},
        {offsetof(itpd_state, title), "International Trade and Production Database for "
                                      "Estimation (ITPD-E), 2000-2016"},
        {offsetof(itpd_state, quality), "secondary"},
        {offsetof(itpd_state, note),
         "goods and services (all 170 ITPD-E industries); current USD deflated by the US CPI-U "
         "to 2010 dollars (dennis-klein/arms-trade-networks, commit d450d24)"},
        {offsetof(itpd_state, domestic_note),
         "exporter = importer: production sold at home (ITPD-E domestic flow), not trade with a "
         "partner; goods and services, 2010 dollars"},
        {offsetof(itpd_state, world_note),
         "sum over every foreign partner in the file (ITPD-E covers all partners; domestic flows "
         "excluded); goods and services, 2010 dollars"},
        {offsetof(itpd_state, total_note),
         "exports + imports with this partner (sum of two ITPD-E rows); goods and services, "
         "2010 dollars"},
    };
    for (size_t i = 0; i < sizeof TEXTS / sizeof *TEXTS; i++)
        MVEC_TRY(mvec__import_intern(import, TEXTS[i].text,
                                     (const char **)(void *)((char *)s + TEXTS[i].offset)));
    MVEC_TRY(mvec__import_intern(import, import->name, &s->file));
    /* The unit, checked once: a probe row takes its name, dimension and factor. */
    mvec_observation probe = {.value = 1};
    MVEC_TRY(mvec__import_set_unit(import, &probe, ITPD_UNIT, ITPD_VALUE));
    s->unit = probe.unit;
    s->dimension = probe.dimension;
    s->unit_factor = probe.base_value;
    s->wld = mvec_countries_find(import->countries, "WLD");
    if (s->wld == NULL)
        MVEC_FAIL(ctx, MVEC_ERR_INTERNAL, "WLD missing from the country registry");
    s->stride = mvec_countries_count(import->countries);
    /* A row is at least 15 bytes ("2000,AAA,BBB,0\n"): room for every record
     * at once, so the records never move (pages are touched only as used). */
    MVEC_TRY(mvec__grow(ctx, &s->flows.rows, &s->flows.capacity, import->length / 15 + 1,
                        sizeof *s->flows.rows));
cleanup:
    return status;
}

/* Forget the totals summed (each making of observations sums its own). */
static void itpd_clear_totals(mvec_ctx *ctx, itpd_state *s)
{
    mvec__free(ctx, s->totals);
    s->totals = NULL;
    s->total_count = s->total_capacity = 0;
    for (size_t y = 0; y < ITPD_YEARS; y++) {
        struct itpd_year *year = s->years[y];
        if (year == NULL)
            continue;
        for (size_t c = 0; c < s->stride && year->index != NULL; c++)
            mvec__free(ctx, year->index[c]);
        mvec__free(ctx, year->index);
        mvec__free(ctx, year->world);
        mvec__free(ctx, year->world_line);
        mvec__free(ctx, year->world_column);
        mvec__free(ctx, year);
        s->years[y] = NULL;
    }
}

static void itpd_clear(mvec__import *import)
{
    itpd_state *s = import->state;
    if (s == NULL)
        return;
    mvec__unmapped_clear(import->ctx, &s->unmapped);
    mvec__flow_records_clear(import->ctx, &s->flows);
    itpd_clear_totals(import->ctx, s);
    mvec__free(import->ctx, s);
    import->state = NULL;
}

/* The country of an alpha-3 code column, as a slot in s->countries, or -1
 * when the code is left out (counted for the warning). */
static mvec_status itpd_country(mvec__import *import, size_t column, int32_t *slot)
{
    itpd_state *s = import->state;
    mvec__table *table = &import->table;
    const char *code = mvec__table_get(table, column);
    if (!(code[0] >= 'A' && code[0] <= 'Z' && code[1] >= 'A' && code[1] <= 'Z' &&
          code[2] >= 'A' && code[2] <= 'Z' && code[3] == '\0'))
        return mvec__table_fail(import->ctx, table, column, MVEC_ERR_PARSE,
                                "invalid country code '%s' (ISO alpha-3, three capital letters)",
                                code);
    size_t key = (size_t)(code[0] - 'A') * 676 + (size_t)(code[1] - 'A') * 26 +
                 (size_t)(code[2] - 'A');
    int32_t known = s->code_slot[key];
    if (known == 0) {
        const mvec_country *country = mvec_countries_find(import->countries, code);
        bool is_country = country != NULL && mvec__str_equal(country->code, code) &&
                          (country->kind == MVEC_COUNTRY_CURRENT ||
                           country->kind == MVEC_COUNTRY_FORMER ||
                           country->kind == MVEC_COUNTRY_PSEUDO);
        if (!is_country) {
            known = ITPD_UNMAPPED;
        } else if (s->flows.code_count >= s->stride ||
                   s->flows.code_count >= MVEC__FLOW_RECORD_CODES) {
            return mvec__error(import->ctx, MVEC_ERR_INTERNAL, "more countries than the registry");
        } else {
            mvec__flow_records *f = &s->flows;
            mvec_status status = mvec__grow(import->ctx, &f->codes, &f->code_capacity,
                                            f->code_count + 1, sizeof *f->codes);
            if (status != MVEC_OK)
                return status;
            f->codes[f->code_count++] = country;
            known = (int32_t)f->code_count;
        }
        s->code_slot[key] = known;
    }
    if (known == ITPD_UNMAPPED) {
        const mvec_country *country = mvec_countries_find(import->countries, code);
        *slot = -1;
        return mvec__unmapped_add(import->ctx, &s->unmapped, code, country != NULL,
                                  table->record->line);
    }
    *slot = known - 1;
    return MVEC_OK;
}

/* A whole number of dollars: digits only, at most 15 (exact in a double),
 * else the general parser. */
static bool itpd_number(const char *text, double *out, const char **reason)
{
    uint64_t n = 0;
    size_t i = 0;
    for (; text[i] >= '0' && text[i] <= '9' && i < 15; i++)
        n = n * 10 + (uint64_t)(text[i] - '0');
    if (i > 0 && text[i] == '\0') {
        *out = (double)n;
        return true;
    }
    return mvec__parse_number(text, out, reason);
}

static uint64_t itpd_key(long year, int32_t country, int32_t partner)
{
    return ((uint64_t)year << 40) | ((uint64_t)(uint32_t)country << 20) | (uint64_t)partner;
}

/* The arrays of `year`, made when it is first met. */
static mvec_status itpd_year(mvec__import *import, long year, struct itpd_year **out)
{
    itpd_state *s = import->state;
    mvec_ctx *ctx = import->ctx;
    mvec_status status = MVEC_OK;
    struct itpd_year **slot = &s->years[year - ITPD_FIRST_YEAR];
    if (*slot == NULL) {
        MVEC_TRY(mvec__calloc(ctx, 1, sizeof **slot, slot));
        MVEC_TRY(mvec__calloc(ctx, s->stride, sizeof *(*slot)->index, &(*slot)->index));
        MVEC_TRY(mvec__calloc(ctx, s->stride * ITPD_FLOWS, sizeof *(*slot)->world,
                              &(*slot)->world));
        MVEC_TRY(mvec__calloc(ctx, s->stride, sizeof *(*slot)->world_line,
                              &(*slot)->world_line));
        MVEC_TRY(mvec__calloc(ctx, s->stride, sizeof *(*slot)->world_column,
                              &(*slot)->world_column));
    }
    *out = *slot;
cleanup:
    return status;
}

/* Add `value` to the total of (year, country, partner): a dense row of
 * partners per country and year (made when first met) points to the entry. */
static mvec_status itpd_add_total(mvec__import *import, struct itpd_year *y, long year,
                                  int32_t country, int32_t partner, double value, size_t line,
                                  size_t column)
{
    itpd_state *s = import->state;
    mvec_status status = MVEC_OK;
    uint32_t **row = &y->index[country];
    if (*row == NULL)
        MVEC_TRY(mvec__calloc(import->ctx, s->stride, sizeof **row, row));
    uint32_t *cell = &(*row)[partner];
    if (*cell != 0) {
        s->totals[*cell - 1].value += value;
        return MVEC_OK;
    }
    if (s->total_count >= UINT32_MAX - 1)
        return mvec__error(import->ctx, MVEC_ERR_LIMIT, "%s: too many country pairs",
                           import->name);
    MVEC_TRY(mvec__grow(import->ctx, &s->totals, &s->total_capacity, s->total_count + 1,
                        sizeof *s->totals));
    s->totals[s->total_count] = (itpd_total){itpd_key(year, country, partner), value, line, column};
    *cell = (uint32_t)++s->total_count;
cleanup:
    return status;
}

static mvec_status itpd_add(mvec__import *import, const mvec_country *country,
                            const mvec_country *partner, const char *vector,
                            const char *indicator, const char *note, int year, double value,
                            size_t line, size_t column)
{
    itpd_state *s = import->state;
    mvec_observation *row = NULL;
    mvec_status status = mvec__import_new_row(import, &row);
    if (status != MVEC_OK)
        return status;
    row->country = country;
    row->partner = partner;
    row->vector = vector;
    row->indicator = indicator;
    row->year = year;
    row->period = s->empty;
    row->item = s->empty;
    row->value = value;
    row->unit = s->unit;
    row->dimension = s->dimension;
    row->base_value = value * s->unit_factor;
    row->basis = MVEC_BASIS_THIRD_PARTY;
    row->source = s->source;
    row->source_date = s->source_date;
    row->url = s->url;
    row->title = s->title;
    row->quality = s->quality;
    row->seed = s->empty;
    row->quote = s->empty;
    row->note = note;
    row->file = s->file;
    row->line = line;
    row->column = column;
    mvec__import_add_row(import);
    return MVEC_OK;
}

static mvec_status itpd_row(mvec__import *import)
{
    mvec_ctx *ctx = import->ctx;
    mvec__table *table = &import->table;
    itpd_state *s = import->state;
    mvec_status status = MVEC_OK;
    long year;
    double value;
    const char *reason = "";
    int32_t exporter = -1;
    int32_t importer = -1;
    const char *year_text = mvec__table_get(table, ITPD_YEAR);
    if (!mvec__parse_int(year_text, 1900, 2100, &year))
        return mvec__table_fail(ctx, table, ITPD_YEAR, MVEC_ERR_PARSE,
                                "invalid year '%s' (a whole year from 1900 to 2100)", year_text);
    MVEC_TRY(itpd_country(import, ITPD_EXPORTER, &exporter));
    MVEC_TRY(itpd_country(import, ITPD_IMPORTER, &importer));
    const char *value_text = mvec__table_get(table, ITPD_VALUE);
    if (!itpd_number(value_text, &value, &reason))
        return mvec__table_fail(ctx, table, ITPD_VALUE, MVEC_ERR_PARSE,
                                "invalid number '%s': %s", value_text, reason);
    if (!(value >= 0) || value > 1e18)
        return mvec__table_fail(ctx, table, ITPD_VALUE, MVEC_ERR_PARSE,
                                "trade value '%s' out of range (0 to 1e18 dollars)", value_text);
    if (exporter < 0 || importer < 0)
        return MVEC_OK; /* counted, reported at the end */
    if (table->record->line > UINT32_MAX)
        return mvec__table_fail(ctx, table, ITPD_YEAR, MVEC_ERR_LIMIT, "too many lines");
    mvec__flow_record flow = {.value = value,
                       .line = (uint32_t)table->record->line,
                       .column = (uint32_t)table->field_of[ITPD_VALUE] + 1,
                       .year = (uint16_t)year,
                       .from = (uint16_t)exporter,
                       .to = (uint16_t)importer};
    MVEC_TRY(mvec__flow_records_add(ctx, &s->flows, &flow));
cleanup:
    return status;
}

/* Add foreign record `f` to the sums of `self`: its total with `other`, and
 * its WLD figures of `flow` (exports or imports) and of the total. */
static mvec_status itpd_sum_side(mvec__import *import, struct itpd_year *y, const mvec__flow_record *f,
                                 int32_t self, int32_t other, size_t flow)
{
    mvec_status status =
        itpd_add_total(import, y, f->year, self, other, f->value, f->line, f->column);
    if (status != MVEC_OK)
        return status;
    double *world = &y->world[(size_t)self * ITPD_FLOWS];
    world[flow] += f->value;
    world[ITPD_FLOW_TOTAL] += f->value;
    if (y->world_line[self] == 0) {
        y->world_line[self] = f->line;
        y->world_column[self] = f->column;
    }
    return MVEC_OK;
}

/* The observations of one record for `want` (-1: every country), summing
 * the totals of the countries wanted. */
static mvec_status itpd_record(mvec__import *import, const mvec__flow_record *f, long want)
{
    itpd_state *s = import->state;
    mvec_status status = MVEC_OK;
    int32_t exporter = f->from, importer = f->to;
    bool from_wanted = want < 0 || want == exporter, to_wanted = want < 0 || want == importer;
    if (!from_wanted && !to_wanted)
        return MVEC_OK;
    const mvec_country *from = s->countries[exporter];
    const mvec_country *to = s->countries[importer];
    int year = f->year;
    if (exporter == importer)
        return itpd_add(import, from, from, s->domestic, s->sales, s->domestic_note, year,
                        f->value, f->line, f->column);
    if (from_wanted)
        MVEC_TRY(itpd_add(import, from, to, s->exports, s->value, s->note, year, f->value,
                          f->line, f->column));
    if (to_wanted)
        MVEC_TRY(itpd_add(import, to, from, s->imports, s->value, s->note, year, f->value,
                          f->line, f->column));
    struct itpd_year *y = NULL;
    MVEC_TRY(itpd_year(import, year, &y));
    if (from_wanted)
        MVEC_TRY(itpd_sum_side(import, y, f, exporter, importer, ITPD_FLOW_EXPORTS));
    if (to_wanted)
        MVEC_TRY(itpd_sum_side(import, y, f, importer, exporter, ITPD_FLOW_IMPORTS));
cleanup:
    return status;
}

/* The observations of `country` (NULL: every country) from `flows`: each
 * record's exports and imports rows in file order, then the totals per
 * pair (in the order first met), then WLD per year and country (in the
 * order the records first name them: the same whatever order the codes are
 * in, so the workspace, which holds them in another, makes the same rows). */
static mvec_status itpd_make_flows(mvec__import *import, const mvec__flow_records *flows,
                                   const mvec_country *country)
{
    itpd_state *s = import->state;
    mvec_status status = MVEC_OK;
    long want = -1;
    size_t *named = NULL, named_count = 0; /* code indexes, in the order first named */
    bool *seen = NULL;
    if (country != NULL && (want = mvec__flow_records_code(flows, country)) < 0)
        return MVEC_OK;
    if (flows->code_count > s->stride)
        return mvec__error(import->ctx, MVEC_ERR_INTERNAL, "more countries than the registry");
    itpd_clear_totals(import->ctx, s);
    s->countries = flows->codes;
    s->country_count = flows->code_count;
    MVEC_TRY(mvec__calloc(import->ctx, flows->code_count + 1, sizeof *named, &named));
    MVEC_TRY(mvec__calloc(import->ctx, flows->code_count + 1, sizeof *seen, &seen));
    for (size_t i = 0; i < flows->count; i++) {
        const mvec__flow_record *f = &flows->rows[i];
        uint16_t ends[2] = {f->from, f->to};
        for (size_t e = 0; e < 2; e++)
            if (!seen[ends[e]]) {
                seen[ends[e]] = true;
                named[named_count++] = ends[e];
            }
    }
    for (size_t i = 0; i < flows->count; i++) {
        if (i % 65536 == 0)
            MVEC_TRY(mvec__check_cancel(import->ctx));
        MVEC_TRY(itpd_record(import, &flows->rows[i], want));
    }
    for (size_t e = 0; e < s->total_count; e++) {
        const itpd_total *t = &s->totals[e];
        int year = (int)(t->key >> 40);
        size_t from = (size_t)((t->key >> 20) & 0xFFFFF);
        size_t to = (size_t)(t->key & 0xFFFFF);
        MVEC_TRY(itpd_add(import, s->countries[from], s->countries[to], s->total, s->value,
                          s->total_note, year, t->value, t->line, t->column));
    }
    const char *vectors[ITPD_FLOWS] = {s->exports, s->imports, s->total};
    for (size_t y = 0; y < ITPD_YEARS; y++)
        for (size_t k = 0; k < named_count && s->years[y] != NULL; k++) {
            size_t c = named[k];
            const struct itpd_year *year = s->years[y];
            size_t line = year->world_line[c];
            if (line == 0)
                continue;
            for (size_t f = 0; f < ITPD_FLOWS; f++)
                MVEC_TRY(itpd_add(import, s->countries[c], s->wld, vectors[f], s->value,
                                  s->world_note, ITPD_FIRST_YEAR + (int)y,
                                  year->world[c * ITPD_FLOWS + f], line,
                                  year->world_column[c]));
        }
cleanup:
    mvec__free(import->ctx, named);
    mvec__free(import->ctx, seen);
    return status;
}

static mvec_status itpd_finish(mvec__import *import)
{
    itpd_state *s = import->state;
    mvec__unmapped_report(import->ctx, &s->unmapped, import->name, "ITPD-E");
    return itpd_make_flows(import, &s->flows, NULL);
}

/* What itpd_make_flows of every country makes, counted without making it
 * (tests/unit/test_workspace.c checks the two agree): a row per domestic
 * record, two per foreign one (exports, imports), two totals per pair of
 * countries and year, three WLD rows per country and year of a foreign
 * record. A bit per pair and year instead of the totals: O(records). */
static mvec_status itpd_count(mvec__import *import, const mvec__flow_records *flows, size_t *out)
{
    mvec_ctx *ctx = import->ctx;
    mvec_status status = MVEC_OK;
    size_t n = flows->code_count, made = 0;
    size_t words = (n * n + n + 63) / 64; /* pairs a * n + b (a < b), then countries */
    uint64_t *seen[ITPD_YEARS] = {NULL};
    for (size_t i = 0; i < flows->count; i++) {
        const mvec__flow_record *f = &flows->rows[i];
        if (f->from == f->to) {
            made++;
            continue;
        }
        made += 2;
        uint64_t **bits = &seen[f->year - ITPD_FIRST_YEAR];
        if (*bits == NULL)
            MVEC_TRY(mvec__calloc(ctx, words, sizeof **bits, bits));
        size_t a = f->from < f->to ? f->from : f->to, b = f->from < f->to ? f->to : f->from;
        size_t marks[3] = {a * n + b, n * n + f->from, n * n + f->to};
        for (size_t m = 0; m < 3; m++) {
            uint64_t bit = (uint64_t)1 << (marks[m] % 64);
            if (((*bits)[marks[m] / 64] & bit) == 0) {
                (*bits)[marks[m] / 64] |= bit;
                made += m == 0 ? 2 : 3;
            }
        }
    }
    *out = made;
cleanup:
    for (size_t y = 0; y < ITPD_YEARS; y++)
        mvec__free(ctx, seen[y]);
    return status;
}

/* Hand the records over, with the number of observations they make. */
static mvec_status itpd_take_flows(mvec__import *import, mvec__flow_records *out)
{
    itpd_state *s = import->state;
    size_t made = 0;
    mvec__unmapped_report(import->ctx, &s->unmapped, import->name, "ITPD-E");
    mvec_status status = itpd_count(import, &s->flows, &made);
    if (status != MVEC_OK)
        return status;
    mvec__flow_records_clear(import->ctx, out);
    *out = s->flows;
    out->observations = made;
    memset(&s->flows, 0, sizeof s->flows);
    return MVEC_OK;
}

const mvec__importer MVEC__IMPORT_ITPD = {
    .name = "itpd",
    .summary = "USITC ITPD-E bilateral trade totals (year, exporter, importer, 2010 USD)",
    .format = MVEC_INPUT_OTHER,
    .signature = ITPD_HEADER,
    .signature_count = sizeof ITPD_HEADER / sizeof *ITPD_HEADER,
    .columns = ITPD_COLUMNS,
    .column_count = ITPD_COLUMN_COUNT,
    .row = itpd_row,
    .begin = itpd_begin,
    .finish = itpd_finish,
    .clear = itpd_clear,
    .consistent = true, /* WLD is the sum of the partners read, totals are sums */
    .take_flows = itpd_take_flows,
    .make_flows = itpd_make_flows,
};
