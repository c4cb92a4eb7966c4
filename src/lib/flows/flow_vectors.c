/*
 * flow_vectors.c - a flow table as one country's trade vectors (observations),
 * the asymmetry of dependence with its top partners, and the coverage of a
 * flow source against another source's yearly totals
 * (include/mvec/mvec_flow_vectors.h; docs/formats.md "Flow tables as observations",
 * docs/methods.md section 12).
 *
 * Sums are int64 of whole dollars, checked for overflow (MVEC_ERR_LIMIT):
 * world trade in a year is about 2.5e13 USD, far below 2^63, and below 2^53,
 * so each sum converts to a double exactly and every share is one correctly
 * rounded division.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <mvec/mvec_flow_vectors.h>

#include "../data/units.h"
#include "../import/importers.h"
#include "../mvec_internal.h"

/* The free, count and at functions of a public result that holds `count` rows in `rows`:
 * PREFIX_free(ctx, result) (NULL: nothing), PREFIX_count(result) (NULL: 0) and
 * PREFIX_at(result, index) (NULL past the end). */
#define ROW_ACCESSORS(PREFIX, TYPE, ROW)                                                           \
    void PREFIX##_free(mvec_ctx *ctx, TYPE *result)                                                \
    {                                                                                              \
        if (result == NULL)                                                                        \
            return;                                                                                \
        mvec__free(ctx, result->rows);                                                             \
        mvec__free(ctx, result);                                                                   \
    }                                                                                              \
    size_t PREFIX##_count(const TYPE *result)                                                      \
    {                                                                                              \
        return result ? result->count : 0;                                                         \
    }                                                                                              \
    const ROW *PREFIX##_at(const TYPE *result, size_t index)                                       \
    {                                                                                              \
        return result && index < result->count ? &result->rows[index] : NULL;                      \
    }
#include "../render/render_internal.h"

enum { DIR_EXPORTS = 0, DIR_IMPORTS = 1 };

/* A flow table's file as messages name it: its base name, the same wherever it lies. */
static const char *flow_name(const mvec_flows_info *info)
{
    const char *base = strrchr(info->source_path, '/');
    return base ? base + 1 : info->source_path;
}

static bool ends_with(const char *text, const char *suffix)
{
    size_t a = strlen(text);
    size_t b = strlen(suffix);
    return a >= b && strcmp(text + a - b, suffix) == 0;
}

/* ---- recognising a flow file ------------------------------------------------------------- */

mvec_status mvec_flows_recognise(mvec_ctx *ctx, const mvec_countries *countries, const char *path,
                                 bool *is_flow_file)
{
    mvec_status status = MVEC_OK;
    char *head = NULL;
    *is_flow_file = false;
    if (ends_with(path, ".gz") || ends_with(path, ".zip")) {
        *is_flow_file = true;
        return MVEC_OK;
    }
    if (strcmp(path, "-") == 0)
        return MVEC_OK;
    FILE *file = fopen(path, "rb");
    if (file == NULL)
        return MVEC_OK; /* not a flow file: the observation loader reports it */
    enum { HEAD = 65536 };
    MVEC_TRY(mvec__calloc(ctx, HEAD + 1, 1, &head));
    size_t length = fread(head, 1, HEAD, file);
    if (ferror(file))
        MVEC_FAIL(ctx, MVEC_ERR_IO, "%s: cannot read: %s", path, strerror(errno));
    char *newline = memchr(head, '\n', length);
    if (newline != NULL) {
        length = (size_t)(newline - head) + 1;
        mvec_flows *probe = NULL;
        mvec_flows_options options = MVEC_FLOWS_OPTIONS_INIT;
        options.threads = 1;
        if (mvec_flows_read_buffer(ctx, countries, path, head, length, &options, &probe) ==
            MVEC_OK)
            *is_flow_file = true;
        mvec_flows_close(ctx, probe);
        mvec_ctx_clear_error(ctx);
    }
cleanup:
    fclose(file);
    mvec__free(ctx, head);
    return status;
}

/* ---- shared: the table's countries in the registry ---------------------------------------- */

typedef struct country_map {
    size_t count;
    const mvec_country **country; /* registry entry of each table index; NULL: none */
    size_t *canon;                /* first table index with the same entry (itself if none) */
    bool *focal;
    bool *world;
    bool *additive;               /* counted in a computed total: every code but World */
    size_t focal_count;
} country_map;

static void country_map_clear(mvec_ctx *ctx, country_map *m)
{
    mvec__free(ctx, m->country);
    mvec__free(ctx, m->canon);
    mvec__free(ctx, m->focal);
    mvec__free(ctx, m->world);
    mvec__free(ctx, m->additive);
    memset(m, 0, sizeof *m);
}

static mvec_status country_map_build(mvec_ctx *ctx, const mvec_countries *countries,
                                     const mvec_flows *flows, const mvec_country *focal,
                                     country_map *m)
{
    mvec_status status = MVEC_OK;
    size_t n = mvec_flows_get_info(flows)->country_count;
    memset(m, 0, sizeof *m);
    m->count = n;
    size_t alloc = n ? n : 1;
    MVEC_TRY(mvec__calloc(ctx, alloc, sizeof *m->country, &m->country));
    MVEC_TRY(mvec__calloc(ctx, alloc, sizeof *m->canon, &m->canon));
    MVEC_TRY(mvec__calloc(ctx, alloc, sizeof *m->focal, &m->focal));
    MVEC_TRY(mvec__calloc(ctx, alloc, sizeof *m->world, &m->world));
    MVEC_TRY(mvec__calloc(ctx, alloc, sizeof *m->additive, &m->additive));
    for (size_t k = 0; k < n; k++) {
        const mvec_flows_country *fc = mvec_flows_country_at(flows, k);
        const mvec_country *c =
            fc->mvec_code[0] ? mvec_countries_find(countries, fc->mvec_code) : NULL;
        m->country[k] = c;
        m->canon[k] = k;
        for (size_t j = 0; c != NULL && j < k; j++)
            if (m->country[j] == c) {
                m->canon[k] = j;
                break;
            }
        m->focal[k] = c != NULL && c == focal;
        m->focal_count += m->focal[k] ? 1u : 0u;
        m->world[k] = c != NULL && strcmp(c->code, "WLD") == 0;
        /* the table's partners are taken as disjoint: true of BACI (no groups) and of the
         * WTO file, where the EU (918) reports as one economy and its members do not */
        m->additive[k] = !m->world[k];
    }
cleanup:
    if (status != MVEC_OK)
        country_map_clear(ctx, m);
    return status;
}

static mvec_status add_checked(mvec_ctx *ctx, int64_t *sum, int64_t value)
{
    if (__builtin_add_overflow(*sum, value, sum))
        return mvec__error(ctx, MVEC_ERR_LIMIT, "a sum of flow values exceeds 2^63 - 1 USD");
    return MVEC_OK;
}

/* ---- vectors --------------------------------------------------------------------------------- */

typedef struct cell {
    int64_t value;
    size_t rows;
    size_t first; /* row index of the first contributing row */
} cell;

static void cell_add(cell *c, int64_t value, size_t row, bool *overflow)
{
    if (__builtin_add_overflow(c->value, value, &c->value))
        *overflow = true;
    if (c->rows++ == 0)
        c->first = row;
}

typedef struct provenance {
    const char *source;
    const char *source_date;
    const char *url;
    const char *title;
    const char *file;
    size_t column;
    const char *product_text; /* "HS92 6-digit products" */
    double per_usd;           /* the table's value integers per US dollar (10^value_decimals) */
} provenance;

/* "YYYY-MM" from BACI's "_V202301" in the file name; "" when absent. */
static void baci_version_date(const char *path, char *out, size_t size)
{
    out[0] = '\0';
    const char *v = strstr(path, "_V");
    while (v != NULL) {
        bool digits = true;
        for (int i = 2; i < 8; i++)
            digits = digits && v[i] >= '0' && v[i] <= '9';
        if (digits) {
            snprintf(out, size, "%.4s-%.2s", v + 2, v + 6);
            return;
        }
        v = strstr(v + 2, "_V");
    }
}

static void mtime_date(long long mtime_ns, char *out, size_t size)
{
    out[0] = '\0';
    if (mtime_ns <= 0)
        return;
    time_t seconds = (time_t)(mtime_ns / 1000000000LL);
    struct tm tm;
    if (gmtime_r(&seconds, &tm) != NULL)
        strftime(out, size, "%Y-%m-%d", &tm);
}

typedef struct emit_state {
    mvec_ctx *ctx;
    mvec_observations *observations;
    const mvec_country *focal;
    const mvec__unit *unit;
    const provenance *prov;
    size_t added;
} emit_state;

static mvec_status emit(emit_state *s, const mvec_country *partner, const char *vector, int year,
                        mvec_basis basis, int64_t usd, size_t rows, size_t first_row,
                        const char *how)
{
    mvec_observation o;
    memset(&o, 0, sizeof o);
    char note[512];
    snprintf(note, sizeof note, "%s: %zu row%s of %s, the first at line %zu of %s", how, rows,
             rows == 1 ? "" : "s", s->prov->product_text, first_row + 2, s->prov->title);
    o.country = s->focal;
    o.partner = partner;
    o.vector = vector;
    o.indicator = "value";
    o.year = year;
    o.period = "";
    o.item = "";
    o.value = (double)usd / s->prov->per_usd / s->unit->factor;
    o.qualifier = MVEC_QUALIFIER_EXACT;
    o.unit = s->unit->name;
    o.dimension = s->unit->dimension;
    o.base_value = (double)usd / s->prov->per_usd;
    o.basis = basis;
    o.source = s->prov->source;
    o.source_date = s->prov->source_date;
    o.url = s->prov->url;
    o.title = s->prov->title;
    o.quality = "official";
    o.seed = "";
    o.quote = "";
    o.note = note;
    o.file = s->prov->file;
    o.line = rows ? first_row + 2 : 0;
    o.column = rows ? s->prov->column : 0;
    mvec_status status = mvec__observations_intern(s->ctx, s->observations, &o);
    if (status == MVEC_OK)
        status = mvec__observations_add_copy(s->ctx, s->observations, &o);
    if (status == MVEC_OK)
        s->added++;
    return status;
}

/* A table declared by one reporter in both directions (a basis other than
 * the three above, e.g. a WITS download): the country's own statistics when
 * it is in every row, else its partners'. */
static mvec_basis direction_basis(mvec_flows_basis table, int direction, bool in_every_row)
{
    if (table == MVEC_FLOWS_RECONCILED)
        return MVEC_BASIS_THIRD_PARTY;
    if (table != MVEC_FLOWS_IMPORTER_DECLARED && table != MVEC_FLOWS_EXPORTER_DECLARED)
        return in_every_row ? MVEC_BASIS_REPORTER : MVEC_BASIS_PARTNER;
    bool own = (table == MVEC_FLOWS_IMPORTER_DECLARED) == (direction == DIR_IMPORTS);
    return own ? MVEC_BASIS_REPORTER : MVEC_BASIS_PARTNER;
}

static void cell_merge(cell *into, const cell *c)
{
    if (c->rows == 0)
        return;
    if (into->rows == 0 || c->first < into->first)
        into->first = c->first;
    into->rows += c->rows;
    into->value += c->value; /* both below the checked totals: cannot overflow */
}

/* One year's partner rows and WLD row of one direction (or the total:
 * direction 2, cells of both). */
static mvec_status emit_year(emit_state *s, const country_map *m, const mvec_flows_info *info,
                             int year, int direction, const cell *exports, const cell *imports,
                             bool in_every_row)
{
    mvec_status status = MVEC_OK;
    static const char *const VECTORS[] = {"trade.exports", "trade.imports", "trade.total"};
    mvec_basis basis = direction_basis(info->basis, direction == 2 ? DIR_EXPORTS : direction,
                                       in_every_row);
    cell world = {0, 0, 0};
    cell all = {0, 0, 0};
    bool any = false;
    for (size_t k = 0; k < m->count; k++) {
        cell c = {0, 0, 0};
        if (direction != DIR_IMPORTS)
            cell_merge(&c, &exports[k]);
        if (direction != DIR_EXPORTS)
            cell_merge(&c, &imports[k]);
        if (c.rows == 0)
            continue;
        any = true;
        if (m->world[k]) {
            cell_merge(&world, &c);
        } else if (m->additive[k]) {
            int64_t check;
            if (__builtin_add_overflow(all.value, c.value, &check))
                return mvec__error(s->ctx, MVEC_ERR_LIMIT,
                                   "a sum of flow values exceeds 2^63 - 1 USD");
            cell_merge(&all, &c);
        }
    }
    if (!any)
        return MVEC_OK;
    const mvec_country *wld = mvec_countries_find(mvec_observations_countries(s->observations),
                                                  "WLD");
    if (basis == MVEC_BASIS_PARTNER) {
        /* mirror: the partners that declare cover part of the country's trade */
        MVEC_TRY(emit(s, wld, VECTORS[direction], year, basis, all.value, all.rows, all.first,
                      "total of the partners that declare this flow (not the country's world "
                      "total): mirror shares are shares of it"));
    } else {
        const cell *t = world.rows ? &world : &all;
        MVEC_TRY(emit(s, wld, VECTORS[direction], year, basis, t->value, t->rows, t->first,
                      world.rows ? "the source's World rows, summed"
                                 : "sum over every partner (the source has no World rows)"));
    }
    for (size_t k = 0; k < m->count; k++) {
        if (m->country[k] == NULL || m->world[k] || m->canon[k] != k || m->focal[k])
            continue;
        cell c = {0, 0, 0};
        for (size_t j = k; j < m->count; j++) {
            if (m->canon[j] != k)
                continue;
            if (direction != DIR_IMPORTS)
                cell_merge(&c, &exports[j]);
            if (direction != DIR_EXPORTS)
                cell_merge(&c, &imports[j]);
        }
        if (c.rows == 0)
            continue;
        MVEC_TRY(emit(s, m->country[k], VECTORS[direction], year, basis, c.value, c.rows, c.first,
                      "summed"));
    }
cleanup:
    return status;
}

static mvec_status make_provenance(mvec_ctx *ctx, const mvec_flows_info *info,
                                   const mvec_flow_vectors_options *o, provenance *p,
                                   char *buffers, size_t each)
{
    char *source = buffers;
    char *date = buffers + each;
    char *products = buffers + 2 * each;
    (void)ctx;
    const char *base = strrchr(info->source_path, '/');
    base = base ? base + 1 : info->source_path;
    p->file = info->source_path;
    p->title = base;
    p->column = 0;
    p->per_usd = 1;
    for (int d = 0; d < info->value_decimals; d++)
        p->per_usd *= 10;
    if (strcmp(info->format, "baci") == 0) {
        char version[16];
        baci_version_date(info->source_path, version, sizeof version);
        snprintf(source, each, "CEPII BACI, %s edition", info->hs_edition);
        snprintf(date, each, "%s", version);
        p->url = "http://www.cepii.fr/CEPII/en/bdd_modele/bdd_modele_item.asp?id=37";
        p->column = 5;
    } else if (strcmp(info->format, "wits") == 0 || strcmp(info->format, "comtrade") == 0) {
        snprintf(source, each, "%s",
                 strcmp(info->format, "wits") == 0 ? "UN Comtrade, via World Bank WITS"
                                                  : "UN Comtrade, bulk download");
        mtime_date(info->source_mtime_ns, date, each);
        p->url = strcmp(info->format, "wits") == 0 ? "https://wits.worldbank.org/"
                                                   : "https://comtradeplus.un.org/";
    } else if (strcmp(info->format, "wto") == 0) {
        snprintf(source, each, "%s",
                 "WTO Integrated Data Base, bilateral imports by HS chapter (HS_M_0010)");
        mtime_date(info->source_mtime_ns, date, each);
        p->url = "https://timeseries.wto.org/";
        p->column = 5;
    } else {
        snprintf(source, each, "flow file (%s)", info->format);
        mtime_date(info->source_mtime_ns, date, each);
        p->url = "";
    }
    if (strcmp(info->hs_edition, "unknown") == 0)
        snprintf(products, each, "HS %d-digit products (edition not stated)",
                 info->product_digits);
    else
        snprintf(products, each, "%s %d-digit products", info->hs_edition, info->product_digits);
    p->source = o->source ? o->source : source;
    p->source_date = o->source_date ? o->source_date : date;
    if (o->url)
        p->url = o->url;
    p->product_text = products;
    return MVEC_OK;
}

mvec_status mvec_flow_vectors_add(mvec_ctx *ctx, mvec_observations *observations,
                                  const mvec_flows *flows, const mvec_flow_vectors_options *options,
                                  size_t *added)
{
    mvec_status status = MVEC_OK;
    mvec_flow_vectors_options o;
    country_map m;
    memset(&m, 0, sizeof m);
    mvec__units units;
    memset(&units, 0, sizeof units);
    cell *cells = NULL;
    size_t first_count = mvec_observations_count(observations);
    size_t unmapped_rows = 0;
    int64_t unmapped_value = 0;
    if (added)
        *added = 0;
    MVEC_TRY(mvec__options_read(ctx, "mvec_flow_vectors_options", "MVEC_FLOW_VECTORS_OPTIONS_INIT",
                                &o, sizeof o, sizeof o, options));
    if (o.country == NULL)
        MVEC_FAIL(ctx, MVEC_ERR_INVALID, "flow vectors: no country given");
    const mvec_countries *countries = mvec_observations_countries(observations);
    const mvec_country *focal = mvec_countries_find(countries, o.country);
    if (focal == NULL)
        MVEC_FAIL(ctx, MVEC_ERR_INVALID, "unknown country '%s'", o.country);
    MVEC_TRY(mvec__units_load(ctx, &units));
    const mvec__unit *unit = mvec__units_find(&units, o.unit ? o.unit : "USD");
    if (unit == NULL || strcmp(unit->dimension, "USD") != 0)
        MVEC_FAIL(ctx, MVEC_ERR_INVALID, "flow vectors: unit '%s' is not a unit of US dollars",
                  o.unit ? o.unit : "USD");
    const mvec_flows_info *info = mvec_flows_get_info(flows);
    MVEC_TRY(country_map_build(ctx, countries, flows, focal, &m));
    if (m.focal_count == 0 || info->rows == 0)
        goto cleanup; /* the country is not in the table: nothing to add */
    size_t years = (size_t)(info->last_year - info->first_year + 1);
    size_t n = m.count;
    MVEC_TRY(mvec__calloc(ctx, years * n * 2, sizeof *cells, &cells));
    mvec_flows_columns col = mvec_flows_get_columns(flows);
    bool overflow = false;
    size_t involved = 0;
    for (size_t r = 0; r < col.rows; r++) {
        if ((r & 0xFFFFF) == 0)
            MVEC_TRY(mvec__check_cancel(ctx));
        uint16_t e = col.exporter[r];
        uint16_t i = col.importer[r];
        bool fe = m.focal[e];
        bool fi = m.focal[i];
        involved += fe || fi ? 1u : 0u;
        if (fe == fi)
            continue; /* neither, or the country with itself */
        size_t y = (size_t)(col.year[r] - info->first_year);
        if (fe)
            cell_add(&cells[(y * 2 + DIR_EXPORTS) * n + i], col.value[r], r, &overflow);
        else
            cell_add(&cells[(y * 2 + DIR_IMPORTS) * n + e], col.value[r], r, &overflow);
        if (m.country[fe ? i : e] == NULL) {
            unmapped_rows++;
            if (__builtin_add_overflow(unmapped_value, col.value[r], &unmapped_value))
                overflow = true;
        }
    }
    if (overflow)
        MVEC_FAIL(ctx, MVEC_ERR_LIMIT, "a sum of flow values exceeds 2^63 - 1 USD");
    char buffers[3 * 256];
    provenance prov;
    MVEC_TRY(make_provenance(ctx, info, &o, &prov, buffers, 256));
    emit_state s = {ctx, observations, focal, unit, &prov, 0};
    for (size_t y = 0; y < years; y++) {
        const cell *ex = &cells[(y * 2 + DIR_EXPORTS) * n];
        const cell *im = &cells[(y * 2 + DIR_IMPORTS) * n];
        int year = info->first_year + (int)y;
        bool every = involved == col.rows;
        MVEC_TRY(emit_year(&s, &m, info, year, DIR_EXPORTS, ex, im, every));
        MVEC_TRY(emit_year(&s, &m, info, year, DIR_IMPORTS, ex, im, every));
        /* a total only where both directions have one basis (never own + mirror) */
        if (direction_basis(info->basis, DIR_EXPORTS, every) ==
            direction_basis(info->basis, DIR_IMPORTS, every))
            MVEC_TRY(emit_year(&s, &m, info, year, 2, ex, im, every));
    }
    if (added)
        *added = s.added;
    if (unmapped_rows > 0) {
        char message[512], usd[32];
        mvec_flows_value_text(unmapped_value, info->value_decimals, usd, sizeof usd);
        snprintf(message, sizeof message,
                 "%s: %zu row%s of %s (%s USD) ha%s a partner code the country registry "
                 "does not know: left out of the partner rows (a total computed over partners "
                 "keeps them)",
                 prov.title, unmapped_rows, unmapped_rows == 1 ? "" : "s", focal->code, usd,
                 unmapped_rows == 1 ? "s" : "ve");
        mvec__log(ctx, MVEC_LOG_WARNING, "%s", message);
    }
cleanup:
    if (status != MVEC_OK)
        mvec__observations_truncate(observations, first_count);
    mvec__free(ctx, cells);
    country_map_clear(ctx, &m);
    mvec__units_clear(ctx, &units);
    return status;
}

/* ---- every country of one year (mvec rank) ------------------------------------------------- */

static int vector_direction(const char *vector)
{
    if (strcmp(vector, "trade.exports") == 0)
        return DIR_EXPORTS;
    if (strcmp(vector, "trade.imports") == 0)
        return DIR_IMPORTS;
    if (strcmp(vector, "trade.total") == 0)
        return 2;
    return -1;
}

mvec_status mvec_flow_vectors_add_every(mvec_ctx *ctx, mvec_observations *observations,
                                        const mvec_flows *flows,
                                        const mvec_flow_vectors_every_options *options,
                                        int *year_out, const char **vector_out,
                                        size_t *added)
{
    mvec_status status = MVEC_OK;
    mvec_flow_vectors_every_options o;
    country_map m;
    memset(&m, 0, sizeof m);
    mvec__units units;
    memset(&units, 0, sizeof units);
    cell *cells = NULL;
    cell *ex = NULL;
    cell *im = NULL;
    int *latest = NULL;
    size_t *involved = NULL;
    size_t first_count = mvec_observations_count(observations);
    if (added)
        *added = 0;
    if (year_out)
        *year_out = 0;
    if (vector_out)
        *vector_out = NULL;
    MVEC_TRY(mvec__options_read(ctx, "mvec_flow_vectors_every_options",
                                "MVEC_FLOW_VECTORS_EVERY_OPTIONS_INIT", &o, sizeof o, sizeof o,
                                options));
    const mvec_countries *countries = mvec_observations_countries(observations);
    const mvec_flows_info *info = mvec_flows_get_info(flows);
    MVEC_TRY(mvec__units_load(ctx, &units));
    const mvec__unit *unit = mvec__units_find(&units, o.unit ? o.unit : "USD");
    if (unit == NULL || strcmp(unit->dimension, "USD") != 0)
        MVEC_FAIL(ctx, MVEC_ERR_INVALID, "flow vectors: unit '%s' is not a unit of US dollars",
                  o.unit ? o.unit : "USD");
    bool has_total = direction_basis(info->basis, DIR_EXPORTS, true) ==
                     direction_basis(info->basis, DIR_IMPORTS, true);
    /* default: the total, else the direction the table's declarants report */
    const char *vector = o.vector          ? o.vector
                         : has_total       ? "trade.total"
                         : info->basis == MVEC_FLOWS_IMPORTER_DECLARED ? "trade.imports"
                                                                       : "trade.exports";
    int direction = vector_direction(vector);
    if (direction < 0)
        MVEC_FAIL(ctx, MVEC_ERR_INVALID,
                  "a flow table has the vectors trade.exports, trade.imports and trade.total, "
                  "not '%s'",
                  vector);
    if (direction == 2 && !has_total)
        MVEC_FAIL(ctx, MVEC_ERR_INVALID,
                  "%s is %s: its exports and imports are declared by different sides, so it "
                  "has no trade.total (take trade.exports or trade.imports)",
                  flow_name(info), mvec_flows_basis_name(info->basis));
    MVEC_TRY(country_map_build(ctx, countries, flows, NULL, &m));
    size_t n = m.count;
    if (info->rows == 0 || n == 0)
        MVEC_FAIL(ctx, MVEC_ERR_NO_DATA, "%s has no rows", flow_name(info));
    if (n > 4096)
        MVEC_FAIL(ctx, MVEC_ERR_LIMIT, "%s has %zu country codes: over the 4096 a dense "
                  "exporter x importer table allows", flow_name(info), n);
    mvec_flows_columns col = mvec_flows_get_columns(flows);
    size_t years = (size_t)(info->last_year - info->first_year + 1);
    /* pass 1: each country's latest year in the direction, and its rows in the table */
    MVEC_TRY(mvec__calloc(ctx, n, sizeof *latest, &latest));
    MVEC_TRY(mvec__calloc(ctx, n, sizeof *involved, &involved));
    for (size_t r = 0; r < col.rows; r++) {
        if ((r & 0xFFFFF) == 0)
            MVEC_TRY(mvec__check_cancel(ctx));
        size_t e = m.canon[col.exporter[r]];
        size_t i = m.canon[col.importer[r]];
        int y = col.year[r];
        involved[e]++;
        if (i != e) {
            involved[i]++;
            if (direction != DIR_IMPORTS && y > latest[e])
                latest[e] = y;
            if (direction != DIR_EXPORTS && y > latest[i])
                latest[i] = y;
        }
    }
    for (size_t k = 0; o.latest != NULL && k < n; k++)
        if (m.country[k] != NULL && m.canon[k] == k && latest[k] > 0)
            o.latest[mvec_countries_index(countries, m.country[k])] = latest[k];
    int year = o.year;
    if (year == 0) {
        /* the year that is the latest for the most countries (ties: the later) */
        size_t best_count = 0;
        for (size_t y = 0; y < years; y++) {
            int candidate = info->first_year + (int)y;
            size_t count = 0;
            for (size_t k = 0; k < n; k++)
                count += m.country[k] != NULL && !m.world[k] && m.canon[k] == k &&
                                 latest[k] == candidate
                             ? 1u
                             : 0u;
            if (count > 0 && count >= best_count) {
                best_count = count;
                year = candidate;
            }
        }
    }
    if (year < info->first_year || year > info->last_year)
        MVEC_FAIL(ctx, MVEC_ERR_NO_DATA, "%s has no rows for %d (its years: %d-%d)",
                  flow_name(info), year, info->first_year, info->last_year);
    /* pass 2: the dense exporter x importer sums of the year */
    MVEC_TRY(mvec__calloc(ctx, n * n, sizeof *cells, &cells));
    bool overflow = false;
    size_t year_rows = 0;
    size_t unmapped_rows = 0;
    for (size_t r = 0; r < col.rows; r++) {
        if ((r & 0xFFFFF) == 0)
            MVEC_TRY(mvec__check_cancel(ctx));
        if (col.year[r] != year)
            continue;
        year_rows++;
        size_t e = col.exporter[r];
        size_t i = col.importer[r];
        cell_add(&cells[e * n + i], col.value[r], r, &overflow);
        if (m.country[e] == NULL || m.country[i] == NULL)
            unmapped_rows++;
    }
    if (overflow)
        MVEC_FAIL(ctx, MVEC_ERR_LIMIT, "a sum of flow values exceeds 2^63 - 1 USD");
    if (year_rows == 0)
        MVEC_FAIL(ctx, MVEC_ERR_NO_DATA, "%s has no rows for %d (its years: %d-%d)",
                  flow_name(info), year, info->first_year, info->last_year);
    char buffers[3 * 256];
    provenance prov;
    mvec_flow_vectors_options po = MVEC_FLOW_VECTORS_OPTIONS_INIT;
    po.source = o.source;
    po.source_date = o.source_date;
    po.url = o.url;
    MVEC_TRY(make_provenance(ctx, info, &po, &prov, buffers, 256));
    MVEC_TRY(mvec__calloc(ctx, n, sizeof *ex, &ex));
    MVEC_TRY(mvec__calloc(ctx, n, sizeof *im, &im));
    size_t total_added = 0;
    for (size_t k = 0; k < n; k++) {
        if (m.country[k] == NULL || m.world[k] || m.canon[k] != k ||
            m.country[k]->kind == MVEC_COUNTRY_AGGREGATE)
            continue;
        MVEC_TRY(mvec__check_cancel(ctx));
        /* the focal country k: every table index that maps to it */
        m.focal_count = 0;
        for (size_t j = 0; j < n; j++) {
            m.focal[j] = m.canon[j] == k;
            m.focal_count += m.focal[j] ? 1u : 0u;
        }
        for (size_t j = 0; j < n; j++) {
            ex[j] = (cell){0, 0, 0};
            im[j] = (cell){0, 0, 0};
            if (m.focal[j])
                continue;
            for (size_t f = k; f < n; f++) {
                if (!m.focal[f])
                    continue;
                const cell *out_cell = &cells[f * n + j];
                const cell *in_cell = &cells[j * n + f];
                if (out_cell->rows && __builtin_add_overflow(ex[j].value, out_cell->value,
                                                             &(int64_t){0}))
                    overflow = true;
                if (in_cell->rows && __builtin_add_overflow(im[j].value, in_cell->value,
                                                            &(int64_t){0}))
                    overflow = true;
                cell_merge(&ex[j], out_cell);
                cell_merge(&im[j], in_cell);
            }
        }
        if (overflow)
            MVEC_FAIL(ctx, MVEC_ERR_LIMIT, "a sum of flow values exceeds 2^63 - 1 USD");
        emit_state s = {ctx, observations, m.country[k], unit, &prov, 0};
        bool every = involved[k] == col.rows;
        MVEC_TRY(emit_year(&s, &m, info, year, direction, ex, im, every));
        total_added += s.added;
    }
    if (unmapped_rows > 0)
        mvec__log(ctx, MVEC_LOG_WARNING,
                  "%s: %zu row%s of %d ha%s a country code the country registry does not know: "
                  "no country of its own (a total computed over partners keeps them)",
                  prov.title, unmapped_rows, unmapped_rows == 1 ? "" : "s", year,
                  unmapped_rows == 1 ? "s" : "ve");
    if (added)
        *added = total_added;
    if (year_out)
        *year_out = year;
    if (vector_out)
        *vector_out = vector;
cleanup:
    if (status != MVEC_OK)
        mvec__observations_truncate(observations, first_count);
    mvec__free(ctx, cells);
    mvec__free(ctx, ex);
    mvec__free(ctx, im);
    mvec__free(ctx, latest);
    mvec__free(ctx, involved);
    country_map_clear(ctx, &m);
    mvec__units_clear(ctx, &units);
    return status;
}

/* ---- asymmetry ---------------------------------------------------------------------------- */

struct mvec_flow_asymmetry {
    mvec_flow_asymmetry_row *rows;
    size_t count;
    const mvec_country *country;
    char source[512];
};

/* Per table index, one year: flows with the focal country and each side's totals. */
typedef struct year_sums {
    int64_t *from_c, *to_c;            /* c -> k, k -> c */
    int64_t *exp_sum, *imp_sum;        /* k's exports, imports over additive partners */
    int64_t *exp_world, *imp_world;    /* k's World rows */
    bool *has_from, *has_to, *has_exp_world, *has_imp_world, *has_exp, *has_imp;
} year_sums;

static void year_sums_clear(mvec_ctx *ctx, year_sums *y)
{
    int64_t **ints[] = {&y->from_c, &y->to_c, &y->exp_sum, &y->imp_sum, &y->exp_world,
                        &y->imp_world};
    bool **flags[] = {&y->has_from, &y->has_to, &y->has_exp_world, &y->has_imp_world,
                      &y->has_exp, &y->has_imp};
    for (size_t i = 0; i < 6; i++) {
        mvec__free(ctx, *ints[i]);
        *ints[i] = NULL;
        mvec__free(ctx, *flags[i]);
        *flags[i] = NULL;
    }
}

static mvec_status year_sums_fill(mvec_ctx *ctx, const mvec_flows *flows, const country_map *m,
                                  int year, year_sums *s)
{
    mvec_status status = MVEC_OK;
    size_t n = m->count ? m->count : 1;
    int64_t **ints[] = {&s->from_c, &s->to_c, &s->exp_sum, &s->imp_sum, &s->exp_world,
                        &s->imp_world};
    bool **flags[] = {&s->has_from, &s->has_to, &s->has_exp_world, &s->has_imp_world,
                      &s->has_exp, &s->has_imp};
    for (size_t i = 0; i < 6; i++) {
        MVEC_TRY(mvec__calloc(ctx, n, sizeof(int64_t), ints[i]));
        MVEC_TRY(mvec__calloc(ctx, n, sizeof(bool), flags[i]));
    }
    mvec_flows_columns col = mvec_flows_get_columns(flows);
    bool overflow = false;
    for (size_t r = 0; r < col.rows; r++) {
        if ((r & 0xFFFFF) == 0)
            MVEC_TRY(mvec__check_cancel(ctx));
        if (col.year[r] != year)
            continue;
        uint16_t e = col.exporter[r];
        uint16_t i = col.importer[r];
        int64_t v = col.value[r];
        if (m->world[i]) {
            overflow |= __builtin_add_overflow(s->exp_world[e], v, &s->exp_world[e]);
            s->has_exp_world[e] = true;
        } else if (m->additive[i]) {
            overflow |= __builtin_add_overflow(s->exp_sum[e], v, &s->exp_sum[e]);
            s->has_exp[e] = true;
        }
        if (m->world[e]) {
            overflow |= __builtin_add_overflow(s->imp_world[i], v, &s->imp_world[i]);
            s->has_imp_world[i] = true;
        } else if (m->additive[e]) {
            overflow |= __builtin_add_overflow(s->imp_sum[i], v, &s->imp_sum[i]);
            s->has_imp[i] = true;
        }
        if (m->focal[e] && !m->focal[i]) {
            overflow |= __builtin_add_overflow(s->from_c[i], v, &s->from_c[i]);
            s->has_from[i] = true;
        } else if (m->focal[i] && !m->focal[e]) {
            overflow |= __builtin_add_overflow(s->to_c[e], v, &s->to_c[e]);
            s->has_to[e] = true;
        }
    }
    if (overflow)
        MVEC_FAIL(ctx, MVEC_ERR_LIMIT, "a sum of flow values exceeds 2^63 - 1 USD");
cleanup:
    return status;
}

/* k's total exports (or imports): its World rows, else the sum over partners. */
static int64_t side_total(const year_sums *s, size_t k, int direction)
{
    if (direction == DIR_EXPORTS)
        return s->has_exp_world[k] ? s->exp_world[k] : s->exp_sum[k];
    return s->has_imp_world[k] ? s->imp_world[k] : s->imp_sum[k];
}

typedef struct candidate {
    size_t k;         /* canonical table index */
    int64_t with;     /* v(c,p) */
    const char *code; /* for ties */
} candidate;

static int compare_candidate(const void *pa, const void *pb)
{
    const candidate *a = pa;
    const candidate *b = pb;
    if (a->with != b->with)
        return a->with > b->with ? -1 : 1;
    return strcmp(a->code, b->code);
}

static mvec_status asymmetry_vector(mvec_ctx *ctx, const country_map *m, const year_sums *s,
                                    const char *vector, int direction, int year,
                                    const char *basis, size_t top, mvec_flow_asymmetry *a)
{
    mvec_status status = MVEC_OK;
    candidate *list = NULL;
    size_t n = m->count;
    /* c's own sums over its table indexes (checked: bounded by the side sums) */
    int64_t c_total = 0;
    for (size_t k = 0; k < n; k++)
        if (m->focal[k]) {
            int64_t t = direction == 2 ? side_total(s, k, DIR_EXPORTS) + side_total(s, k, DIR_IMPORTS)
                                       : side_total(s, k, direction);
            MVEC_TRY(add_checked(ctx, &c_total, t));
        }
    MVEC_TRY(mvec__calloc(ctx, n ? n : 1, sizeof *list, &list));
    size_t count = 0;
    for (size_t k = 0; k < n; k++) {
        const mvec_country *p = m->country[k];
        if (p == NULL || m->canon[k] != k || m->focal[k] || m->world[k] ||
            p->kind == MVEC_COUNTRY_ORGANISATION || p->kind == MVEC_COUNTRY_AGGREGATE)
            continue;
        int64_t with = 0;
        bool any = false;
        for (size_t j = k; j < n; j++) {
            if (m->canon[j] != k)
                continue;
            if (direction != DIR_IMPORTS && s->has_from[j]) {
                MVEC_TRY(add_checked(ctx, &with, s->from_c[j]));
                any = true;
            }
            if (direction != DIR_EXPORTS && s->has_to[j]) {
                MVEC_TRY(add_checked(ctx, &with, s->to_c[j]));
                any = true;
            }
        }
        if (!any)
            continue;
        list[count].k = k;
        list[count].with = with;
        list[count].code = p->code;
        count++;
    }
    qsort(list, count, sizeof *list, compare_candidate);
    if (count > top)
        count = top;
    MVEC_TRY(mvec__realloc(ctx, &a->rows, (a->count + count + 1) * sizeof *a->rows));
    for (size_t i = 0; i < count; i++) {
        size_t k = list[i].k;
        int64_t back = 0;     /* v(p,c) */
        int64_t p_total = 0;  /* T(p) */
        for (size_t j = k; j < n; j++) {
            if (m->canon[j] != k)
                continue;
            /* p's exports to c are c's imports from p, and the reverse */
            if (direction == DIR_EXPORTS)
                MVEC_TRY(add_checked(ctx, &back, s->to_c[j]));
            else if (direction == DIR_IMPORTS)
                MVEC_TRY(add_checked(ctx, &back, s->from_c[j]));
            else {
                MVEC_TRY(add_checked(ctx, &back, s->to_c[j]));
                MVEC_TRY(add_checked(ctx, &back, s->from_c[j]));
            }
            if (direction != DIR_IMPORTS)
                MVEC_TRY(add_checked(ctx, &p_total, side_total(s, j, DIR_EXPORTS)));
            if (direction != DIR_EXPORTS)
                MVEC_TRY(add_checked(ctx, &p_total, side_total(s, j, DIR_IMPORTS)));
        }
        mvec_flow_asymmetry_row *row = &a->rows[a->count++];
        memset(row, 0, sizeof *row);
        row->vector = vector;
        row->year = year;
        row->basis = basis;
        row->rank = (int)i + 1;
        row->partner = m->country[k];
        row->country_with_partner = list[i].with;
        row->country_total = c_total;
        row->partner_with_country = back;
        row->partner_total = p_total;
        row->country_dependence = c_total > 0 ? (double)list[i].with / (double)c_total : NAN;
        row->partner_dependence = p_total > 0 ? (double)back / (double)p_total : NAN;
        row->ratio = row->partner_dependence > 0
                         ? row->country_dependence / row->partner_dependence
                         : NAN;
    }
cleanup:
    mvec__free(ctx, list);
    return status;
}

mvec_status mvec_flow_asymmetry_build(mvec_ctx *ctx, const mvec_countries *countries,
                                      const mvec_flows *flows,
                                      const mvec_flow_asymmetry_options *options,
                                      mvec_flow_asymmetry **out)
{
    mvec_status status = MVEC_OK;
    mvec_flow_asymmetry_options o;
    mvec_flow_asymmetry *a = NULL;
    country_map m;
    memset(&m, 0, sizeof m);
    year_sums sums;
    memset(&sums, 0, sizeof sums);
    *out = NULL;
    MVEC_TRY(mvec__options_read(ctx, "mvec_flow_asymmetry_options",
                                "MVEC_FLOW_ASYMMETRY_OPTIONS_INIT", &o, sizeof o, sizeof o,
                                options));
    if (o.country == NULL)
        MVEC_FAIL(ctx, MVEC_ERR_INVALID, "asymmetry: no country given");
    const mvec_country *focal = mvec_countries_find(countries, o.country);
    if (focal == NULL)
        MVEC_FAIL(ctx, MVEC_ERR_INVALID, "unknown country '%s'", o.country);
    size_t top = o.top ? o.top : 5;
    MVEC_TRY(mvec__calloc(ctx, 1, sizeof *a, &a));
    a->country = focal;
    const mvec_flows_info *info = mvec_flows_get_info(flows);
    const char *base = strrchr(info->source_path, '/');
    snprintf(a->source, sizeof a->source, "%s", base ? base + 1 : info->source_path);
    MVEC_TRY(country_map_build(ctx, countries, flows, focal, &m));
    if (m.focal_count == 0 || info->rows == 0)
        goto done;
    /* the latest year with the country's rows, per direction */
    int latest[2] = {0, 0};
    mvec_flows_columns col = mvec_flows_get_columns(flows);
    for (size_t r = 0; r < col.rows; r++) {
        if ((r & 0xFFFFF) == 0)
            MVEC_TRY(mvec__check_cancel(ctx));
        bool fe = m.focal[col.exporter[r]];
        bool fi = m.focal[col.importer[r]];
        if (fe && !fi && col.year[r] > latest[DIR_EXPORTS])
            latest[DIR_EXPORTS] = col.year[r];
        if (fi && !fe && col.year[r] > latest[DIR_IMPORTS])
            latest[DIR_IMPORTS] = col.year[r];
    }
    /* the vectors both sides declare alike */
    static const char *const VECTORS[] = {"trade.exports", "trade.imports", "trade.total"};
    bool wanted[3] = {info->basis != MVEC_FLOWS_IMPORTER_DECLARED,
                      info->basis != MVEC_FLOWS_EXPORTER_DECLARED,
                      info->basis == MVEC_FLOWS_RECONCILED};
    int years[3];
    for (int d = 0; d < 3; d++) {
        int y = d == 2 ? (latest[0] > latest[1] ? latest[0] : latest[1]) : latest[d];
        years[d] = o.year ? o.year : y;
    }
    int done_year[3] = {0, 0, 0};
    for (int d = 0; d < 3; d++) {
        if (!wanted[d] || years[d] == 0)
            continue;
        bool seen = false;
        for (int e = 0; e < d; e++)
            seen = seen || (done_year[e] == years[d]);
        (void)seen;
        year_sums_clear(ctx, &sums);
        MVEC_TRY(year_sums_fill(ctx, flows, &m, years[d], &sums));
        done_year[d] = years[d];
        MVEC_TRY(asymmetry_vector(ctx, &m, &sums, VECTORS[d], d, years[d],
                                  mvec_flows_basis_name(info->basis), top, a));
    }
done:
    *out = a;
    a = NULL;
cleanup:
    year_sums_clear(ctx, &sums);
    country_map_clear(ctx, &m);
    mvec_flow_asymmetry_free(ctx, a);
    return status;
}

/* mvec_flow_asymmetry_free, _count and _at: a result that is an array of rows */
ROW_ACCESSORS(mvec_flow_asymmetry, mvec_flow_asymmetry, mvec_flow_asymmetry_row)

/* CSV or JSON of a result (JSON numbers exact under MVEC_WRITE_EXACT) to the sink. */
static mvec_status emit_data(mvec_ctx *ctx, const mvec__result *r, mvec_format format,
                             unsigned flags, const char *key, mvec__buf *out,
                             const mvec_sink *sink)
{
    if (format == MVEC_FORMAT_JSON)
        mvec__json_set_exact((flags & MVEC_WRITE_EXACT) != 0);
    mvec_status status = mvec__render(ctx, r, format, key, out);
    if (format == MVEC_FORMAT_JSON)
        mvec__json_set_exact(false);
    return status == MVEC_OK ? mvec__sink_emit(ctx, sink, out) : status;
}

enum { NAME_WIDTH = 20 };
#define RATIO_SHOWN_MAX 1000.0

/* A dependence or ratio as the table shows it: two decimals; "< LOW" for a positive value
 * that would print as 0.00; "> HIGH" above HIGH when HIGH > 0 (then *bounded is set): a
 * quotient of a few dollars over millions is not a figure to read to the hundredth. */
static void bounded_text(char *out, size_t size, double value, double low, double high,
                         bool *bounded)
{
    if (isnan(value)) {
        mvec__format_c(out, size, "-");
    } else if (value > 0 && value < low - low / 2) {
        mvec__format_c(out, size, "< %.2f", low);
        if (bounded != NULL)
            *bounded = true;
    } else if (high > 0 && value > high) {
        mvec__format_c(out, size, "> %.0f", high);
        if (bounded != NULL)
            *bounded = true;
    } else {
        char number[64];
        mvec__fmt_fixed(number, value, 2);
        mvec__format_c(out, size, "%s", number);
    }
}

/* `text` cut to `width` code points, "…" in the last place when cut. */
static void cut_text(char *out, size_t size, const char *text, size_t width)
{
    size_t points = 0;
    size_t at = 0;
    for (; text[at]; at++) {
        if (((unsigned char)text[at] & 0xC0) != 0x80) {
            if (points == width)
                break;
            points++;
        }
    }
    if (text[at] == '\0') {
        mvec__format_c(out, size, "%s", text);
        return;
    }
    /* back to the start of the last kept code point, replaced by the ellipsis */
    size_t keep = at;
    do
        keep--;
    while (keep > 0 && ((unsigned char)text[keep] & 0xC0) == 0x80);
    mvec__format_c(out, size, "%.*s…", (int)keep, text);
}

mvec_status mvec_flow_asymmetry_write(mvec_ctx *ctx, const mvec_flow_asymmetry *a,
                                      mvec_format format, unsigned flags, const mvec_sink *sink)
{
    mvec_status status = MVEC_OK;
    mvec__result r, sources;
    mvec__result_init(&r);
    mvec__result_init(&sources);
    mvec__buf out = MVEC__BUF_INIT(MVEC__OUTPUT_MAX);
    enum { COUNTRY, VECTOR, YEAR, BASIS, RANK, PARTNER, NAME, NAME_TEXT, WITH, CTOTAL, BACK,
           PTOTAL, CDEP, PDEP, RATIO, WITH_M, CTOTAL_M, PTOTAL_M, CDEP_PCT, PDEP_PCT, RATIO_TEXT };
    const unsigned data = MVEC__COLUMN_NO_TEXT;
    const unsigned text = MVEC__COLUMN_NO_CSV | MVEC__COLUMN_NO_JSON;
    int exact = MVEC__DECIMALS_EXACT;
    MVEC_TRY(mvec__result_column(ctx, &r, "country", NULL, MVEC__COLUMN_TEXT, 1, 0, 0, data));
    MVEC_TRY(mvec__result_column(ctx, &r, "vector", "vector", MVEC__COLUMN_TEXT, 1, 0, 0, 0));
    MVEC_TRY(mvec__result_column(ctx, &r, "year", "year", MVEC__COLUMN_INTEGER, 1, 0, 0, 0));
    MVEC_TRY(mvec__result_column(ctx, &r, "basis", NULL, MVEC__COLUMN_TEXT, 1, 0, 0, data));
    MVEC_TRY(mvec__result_column(ctx, &r, "rank", NULL, MVEC__COLUMN_INTEGER, 1, 0, 0, data));
    MVEC_TRY(mvec__result_column(ctx, &r, "partner", "partner", MVEC__COLUMN_TEXT, 1, 0, 0, 0));
    MVEC_TRY(mvec__result_column(ctx, &r, "name", NULL, MVEC__COLUMN_TEXT, 1, 0, 0, data));
    /* the table: the name cut to NAME_WIDTH code points, so that the table fits 120 columns
     * whatever the registry's names */
    MVEC_TRY(mvec__result_column(ctx, &r, "name_text", "name", MVEC__COLUMN_TEXT, 1, 0, 0, text));
    /* CSV and JSON: whole dollars and fractions, exact */
    MVEC_TRY(mvec__result_column(ctx, &r, "country_with_partner_usd", NULL, MVEC__COLUMN_INTEGER,
                                 1, 0, 0, data));
    MVEC_TRY(mvec__result_column(ctx, &r, "country_total_usd", NULL, MVEC__COLUMN_INTEGER, 1, 0,
                                 0, data));
    MVEC_TRY(mvec__result_column(ctx, &r, "partner_with_country_usd", NULL, MVEC__COLUMN_INTEGER,
                                 1, 0, 0, data));
    MVEC_TRY(mvec__result_column(ctx, &r, "partner_total_usd", NULL, MVEC__COLUMN_INTEGER, 1, 0,
                                 0, data));
    MVEC_TRY(mvec__result_column(ctx, &r, "country_dependence", NULL, MVEC__COLUMN_NUMBER, 1, 0,
                                 exact, data));
    MVEC_TRY(mvec__result_column(ctx, &r, "partner_dependence", NULL, MVEC__COLUMN_NUMBER, 1, 0,
                                 exact, data));
    MVEC_TRY(mvec__result_column(ctx, &r, "ratio", NULL, MVEC__COLUMN_NUMBER, 1, 0, exact, data));
    /* the table: millions and percent */
    MVEC_TRY(mvec__result_column(ctx, &r, "with_m", "c-p USD m", MVEC__COLUMN_NUMBER, 1e-6, 1, 0,
                                 text));
    MVEC_TRY(mvec__result_column(ctx, &r, "ctotal_m", "c total USD m", MVEC__COLUMN_NUMBER, 1e-6,
                                 1, 0, text));
    MVEC_TRY(mvec__result_column(ctx, &r, "ptotal_m", "p total USD m", MVEC__COLUMN_NUMBER, 1e-6,
                                 1, 0, text));
    MVEC_TRY(mvec__result_column(ctx, &r, "cdep_pct", "c on p %", MVEC__COLUMN_TEXT, 1, 0, 0,
                                 text | MVEC__COLUMN_RIGHT));
    MVEC_TRY(mvec__result_column(ctx, &r, "pdep_pct", "p on c %", MVEC__COLUMN_TEXT, 1, 0, 0,
                                 text | MVEC__COLUMN_RIGHT));
    MVEC_TRY(mvec__result_column(ctx, &r, "ratio_text", "ratio", MVEC__COLUMN_TEXT, 1, 0, 0,
                                 text | MVEC__COLUMN_RIGHT));
    bool bounded = false;
    for (size_t i = 0; i < a->count; i++) {
        const mvec_flow_asymmetry_row *row = &a->rows[i];
        MVEC_TRY(mvec__result_row(ctx, &r));
        MVEC_TRY(mvec__result_text(ctx, &r, COUNTRY, a->country->code));
        MVEC_TRY(mvec__result_text(ctx, &r, VECTOR, row->vector));
        mvec__result_number(&r, YEAR, row->year);
        MVEC_TRY(mvec__result_text(ctx, &r, BASIS, row->basis));
        mvec__result_number(&r, RANK, row->rank);
        MVEC_TRY(mvec__result_text(ctx, &r, PARTNER, row->partner->code));
        MVEC_TRY(mvec__result_text(ctx, &r, NAME, row->partner->name));
        mvec__result_number(&r, WITH, (double)row->country_with_partner);
        mvec__result_number(&r, CTOTAL, (double)row->country_total);
        mvec__result_number(&r, BACK, (double)row->partner_with_country);
        mvec__result_number(&r, PTOTAL, row->partner_total > 0 ? (double)row->partner_total : NAN);
        mvec__result_number(&r, CDEP, row->country_dependence);
        mvec__result_number(&r, PDEP, row->partner_dependence);
        mvec__result_number(&r, RATIO, row->ratio);
        mvec__result_number(&r, WITH_M, (double)row->country_with_partner);
        mvec__result_number(&r, CTOTAL_M, (double)row->country_total);
        mvec__result_number(&r, PTOTAL_M,
                            row->partner_total > 0 ? (double)row->partner_total : NAN);
        char shown[64];
        bounded_text(shown, sizeof shown, row->country_dependence * 100, 0.01, 0, NULL);
        MVEC_TRY(mvec__result_text(ctx, &r, CDEP_PCT, shown));
        bounded_text(shown, sizeof shown, row->partner_dependence * 100, 0.01, 0, NULL);
        MVEC_TRY(mvec__result_text(ctx, &r, PDEP_PCT, shown));
        bounded_text(shown, sizeof shown, row->ratio, 0.01, RATIO_SHOWN_MAX, &bounded);
        MVEC_TRY(mvec__result_text(ctx, &r, RATIO_TEXT, shown));
        char name[NAME_WIDTH * 4 + 8];
        cut_text(name, sizeof name, row->partner->name, NAME_WIDTH);
        MVEC_TRY(mvec__result_text(ctx, &r, NAME_TEXT, name));
    }
    if (format == MVEC_FORMAT_TABLE) {
        MVEC_TRY(mvec__buf_printf(ctx, &out,
                                  "\nAsymmetry of dependence (Keohane-Nye sensitivity), from %s\n"
                                  "c = %s; c on p = p's share of c's trade in the vector, p on c "
                                  "= c's share of p's;\nratio = c on p / p on c (> 1: c depends "
                                  "more); c-p = trade of c with p, c total and p total in the "
                                  "vector\n",
                                  a->source, a->country->code));
        if (a->count == 0)
            MVEC_TRY(mvec__buf_puts(ctx, &out, "(no partner: the country has no rows in the "
                                               "table)\n"));
        else
            MVEC_TRY(mvec__render_text(ctx, &r, &out));
        if (bounded)
            MVEC_TRY(mvec__buf_puts(
                ctx, &out,
                "ratio > 1000 or < 0.01: one side's dependence is tiny next to the other's (a "
                "few dollars of trade, say);\nthe quotient of the two says no more than that; "
                "the exact ratio is in the CSV and JSON output\n"));
        MVEC_TRY(mvec__sink_emit(ctx, sink, &out));
    } else if (format == MVEC_FORMAT_XLSX) {
        MVEC_TRY(mvec__sources_init(ctx, &sources));
        MVEC_TRY(mvec__sources_add(ctx, &sources, a->source, NULL, NULL, NULL, NULL, NULL,
                                   "the flow table every figure is summed from", NULL));
        mvec__sheet sheet = {"Asymmetry", &r};
        MVEC_TRY(mvec__workbook_emit(ctx, &sheet, 1, &sources, &out, sink));
    } else {
        MVEC_TRY(emit_data(ctx, &r, format, flags, "asymmetry", &out, sink));
    }
cleanup:
    mvec__buf_clear(ctx, &out);
    mvec__result_clear(ctx, &sources);
    mvec__result_clear(ctx, &r);
    return status;
}

/* ---- coverage ------------------------------------------------------------------------------ */

struct mvec_coverage {
    mvec_coverage_row *rows;
    size_t count;
    size_t flagged;
};

static bool is_total(const mvec_observation *o, const mvec_country *country)
{
    return o->country == country && !o->superseded && o->basis != MVEC_BASIS_PARTNER && strcmp(o->partner->code, "WLD") == 0 &&
           strcmp(o->indicator, "value") == 0 && o->period[0] == '\0' && o->item[0] == '\0' &&
           o->qualifier == MVEC_QUALIFIER_EXACT && strcmp(o->dimension, "USD") == 0 &&
           strncmp(o->vector, "trade.", 6) == 0;
}

static int compare_rows(const void *pa, const void *pb)
{
    const mvec_coverage_row *a = pa;
    const mvec_coverage_row *b = pb;
    int c = strcmp(a->vector, b->vector);
    if (c != 0)
        return c;
    if (a->year != b->year)
        return a->year < b->year ? -1 : 1;
    c = strcmp(a->flow_basis, b->flow_basis);
    if (c != 0)
        return c;
    return strcmp(a->reference_source, b->reference_source);
}

/* A reference row from one of the flow sources themselves (never compared with itself). */
static bool from_flows(const mvec_observations *flows_obs, const mvec_observation *g,
                       bool official_only)
{
    if (official_only && strcmp(g->quality, "official") != 0)
        return true; /* left out like a flow row */
    for (size_t i = 0; i < mvec_observations_count(flows_obs); i++) {
        const mvec_observation *f = mvec_observations_at(flows_obs, i);
        if (strcmp(f->source, g->source) == 0 || strcmp(f->file, g->file) == 0)
            return true;
    }
    return false;
}

mvec_status mvec_coverage_build(mvec_ctx *ctx, const mvec_observations *flows_obs,
                                const mvec_observations *reference, const char *country,
                                double tolerance, bool official_only, mvec_coverage **out)
{
    mvec_status status = MVEC_OK;
    mvec_coverage *c = NULL;
    *out = NULL;
    if (!(tolerance >= 0 && tolerance <= 1))
        MVEC_FAIL(ctx, MVEC_ERR_INVALID, "coverage tolerance %g is not between 0 and 1",
                  tolerance);
    const mvec_country *focal =
        country ? mvec_countries_find(mvec_observations_countries(flows_obs), country) : NULL;
    if (focal == NULL)
        MVEC_FAIL(ctx, MVEC_ERR_INVALID, "unknown country '%s'", country ? country : "");
    MVEC_TRY(mvec__calloc(ctx, 1, sizeof *c, &c));
    size_t nf = mvec_observations_count(flows_obs);
    size_t nr = mvec_observations_count(reference);
    size_t capacity = 0;
    /* every flow total against every reference total of the same vector and year */
    for (size_t i = 0; i < nf; i++) {
        const mvec_observation *f = mvec_observations_at(flows_obs, i);
        if (!is_total(f, focal))
            continue;
        bool matched = false;
        for (size_t j = 0; j <= nr; j++) {
            const mvec_observation *g = j < nr ? mvec_observations_at(reference, j) : NULL;
            if (g != NULL && !(is_total(g, focal) && g->year == f->year &&
                               strcmp(g->vector, f->vector) == 0 && !from_flows(flows_obs, g, official_only)))
                continue;
            if (g == NULL && matched)
                break;
            matched = true;
            MVEC_TRY(mvec__grow(ctx, &c->rows, &capacity, c->count + 1, sizeof *c->rows));
            mvec_coverage_row *row = &c->rows[c->count++];
            row->vector = f->vector;
            row->year = f->year;
            row->flow_basis = mvec_basis_name(f->basis);
            row->flow_source = f->source;
            row->flow_usd = f->base_value;
            row->reference_source = g ? g->source : "";
            row->reference_usd = g ? g->base_value : NAN;
            if (g != NULL && g->base_value > 0) {
                row->difference = (f->base_value - g->base_value) / g->base_value;
                bool differs = fabs(f->base_value - g->base_value) > tolerance * g->base_value;
                row->verdict = differs ? "differs" : "agrees";
                c->flagged += differs ? 1u : 0u;
            } else {
                row->difference = NAN;
                row->verdict = "only flows";
            }
        }
    }
    /* reference years of the same vectors that the flows lack */
    for (size_t j = 0; j < nr; j++) {
        const mvec_observation *g = mvec_observations_at(reference, j);
        if (!is_total(g, focal) || from_flows(flows_obs, g, official_only))
            continue;
        bool vector_known = false;
        bool year_known = false;
        for (size_t i = 0; i < nf; i++) {
            const mvec_observation *f = mvec_observations_at(flows_obs, i);
            if (!is_total(f, focal) || strcmp(f->vector, g->vector) != 0)
                continue;
            vector_known = true;
            year_known = year_known || f->year == g->year;
        }
        if (!vector_known || year_known)
            continue;
        MVEC_TRY(mvec__grow(ctx, &c->rows, &capacity, c->count + 1, sizeof *c->rows));
        mvec_coverage_row *row = &c->rows[c->count++];
        row->vector = g->vector;
        row->year = g->year;
        row->flow_basis = "";
        row->flow_source = "";
        row->flow_usd = NAN;
        row->reference_source = g->source;
        row->reference_usd = g->base_value;
        row->difference = NAN;
        row->verdict = "only reference";
    }
    if (c->count > 1)
        qsort(c->rows, c->count, sizeof *c->rows, compare_rows);
    *out = c;
    c = NULL;
cleanup:
    mvec_coverage_free(ctx, c);
    return status;
}

/* mvec_coverage_free, _count and _at */
ROW_ACCESSORS(mvec_coverage, mvec_coverage, mvec_coverage_row)

size_t mvec_coverage_flagged(const mvec_coverage *coverage)
{
    return coverage ? coverage->flagged : 0;
}

mvec_status mvec_coverage_write(mvec_ctx *ctx, const mvec_coverage *coverage, mvec_format format,
                                unsigned flags, const mvec_sink *sink)
{
    mvec_status status = MVEC_OK;
    mvec__result r, sources;
    mvec__result_init(&r);
    mvec__result_init(&sources);
    mvec__buf out = MVEC__BUF_INIT(MVEC__OUTPUT_MAX);
    enum { VECTOR, YEAR, BASIS, FLOW_M, REFERENCE_M, DIFFERENCE_PCT, VERDICT, FLOW_SOURCE, REF_SOURCE,
           FLOW, REFERENCE, DIFFERENCE, REF_NUMBER };
    int exact = MVEC__DECIMALS_EXACT;
    MVEC_TRY(mvec__result_column(ctx, &r, "vector", "vector", MVEC__COLUMN_TEXT, 1, 0, 0, 0));
    MVEC_TRY(mvec__result_column(ctx, &r, "year", "year", MVEC__COLUMN_INTEGER, 1, 0, 0, 0));
    MVEC_TRY(mvec__result_column(ctx, &r, "flow_basis", "basis", MVEC__COLUMN_TEXT, 1, 0, 0, 0));
    const unsigned data = MVEC__COLUMN_NO_TEXT;
    const unsigned text = MVEC__COLUMN_NO_CSV | MVEC__COLUMN_NO_JSON;
    MVEC_TRY(mvec__result_column(ctx, &r, "flow_usd", "flows USD m", MVEC__COLUMN_NUMBER, 1e-6, 1,
                                 0, text));
    MVEC_TRY(mvec__result_column(ctx, &r, "reference_usd", "reference USD m", MVEC__COLUMN_NUMBER,
                                 1e-6, 1, 0, text));
    MVEC_TRY(mvec__result_column(ctx, &r, "difference_pct", "diff %", MVEC__COLUMN_NUMBER, 100, 2,
                                 0, text));
    MVEC_TRY(mvec__result_column(ctx, &r, "verdict", "verdict", MVEC__COLUMN_TEXT, 1, 0, 0, 0));
    MVEC_TRY(mvec__result_column(ctx, &r, "flow_source", NULL, MVEC__COLUMN_TEXT, 1, 0, 0, data));
    MVEC_TRY(mvec__result_column(ctx, &r, "reference_source", NULL, MVEC__COLUMN_TEXT, 1, 0, 0,
                                 data));
    MVEC_TRY(mvec__result_column(ctx, &r, "flow_usd", NULL, MVEC__COLUMN_NUMBER, 1, 0, exact,
                                 data));
    MVEC_TRY(mvec__result_column(ctx, &r, "reference_usd", NULL, MVEC__COLUMN_NUMBER, 1, 0, exact,
                                 data));
    MVEC_TRY(mvec__result_column(ctx, &r, "difference", NULL, MVEC__COLUMN_NUMBER, 1, 0, exact,
                                 data));
    MVEC_TRY(mvec__result_column(ctx, &r, "ref", "ref", MVEC__COLUMN_INTEGER, 1, 0, 0, text));
    /* the text's reference numbers: sources in order of first appearance */
    const char *legend[64];
    size_t legend_count = 0;
    for (size_t i = 0; i < coverage->count; i++) {
        const mvec_coverage_row *row = &coverage->rows[i];
        MVEC_TRY(mvec__result_row(ctx, &r));
        if (row->reference_source[0]) {
            size_t k = 0;
            while (k < legend_count && strcmp(legend[k], row->reference_source) != 0)
                k++;
            if (k == legend_count && legend_count < 64)
                legend[legend_count++] = row->reference_source;
            if (k < legend_count)
                mvec__result_number(&r, REF_NUMBER, (double)(k + 1));
        }
        MVEC_TRY(mvec__result_text(ctx, &r, VECTOR, row->vector));
        mvec__result_number(&r, YEAR, row->year);
        if (row->flow_basis[0])
            MVEC_TRY(mvec__result_text(ctx, &r, BASIS, row->flow_basis));
        mvec__result_number(&r, FLOW, row->flow_usd);
        mvec__result_number(&r, REFERENCE, row->reference_usd);
        mvec__result_number(&r, DIFFERENCE, row->difference);
        mvec__result_number(&r, FLOW_M, row->flow_usd);
        mvec__result_number(&r, REFERENCE_M, row->reference_usd);
        mvec__result_number(&r, DIFFERENCE_PCT, row->difference);
        MVEC_TRY(mvec__result_text(ctx, &r, VERDICT, row->verdict));
        if (row->flow_source[0])
            MVEC_TRY(mvec__result_text(ctx, &r, FLOW_SOURCE, row->flow_source));
        if (row->reference_source[0])
            MVEC_TRY(mvec__result_text(ctx, &r, REF_SOURCE, row->reference_source));
    }
    if (format == MVEC_FORMAT_TABLE) {
        MVEC_TRY(mvec__render_text(ctx, &r, &out));
        if (coverage->count > 0 && coverage->rows[0].flow_source[0])
            MVEC_TRY(mvec__buf_printf(ctx, &out, "flows: %s\n", coverage->rows[0].flow_source));
        for (size_t k = 0; k < legend_count; k++)
            MVEC_TRY(mvec__buf_printf(ctx, &out, "ref %zu: %s\n", k + 1, legend[k]));
        MVEC_TRY(mvec__buf_printf(ctx, &out, "%zu year%s differ%s by more than the tolerance\n",
                                  coverage->flagged, coverage->flagged == 1 ? "" : "s",
                                  coverage->flagged == 1 ? "s" : ""));
        MVEC_TRY(mvec__sink_emit(ctx, sink, &out));
        goto cleanup;
    }
    if (format == MVEC_FORMAT_XLSX) {
        MVEC_TRY(mvec__sources_init(ctx, &sources));
        MVEC_TRY(mvec__sources_column(ctx, &sources, &r, "flow_source"));
        MVEC_TRY(mvec__sources_column(ctx, &sources, &r, "reference_source"));
        mvec__sheet sheet = {"Coverage", &r};
        MVEC_TRY(mvec__workbook_emit(ctx, &sheet, 1, &sources, &out, sink));
        goto cleanup;
    }
    MVEC_TRY(emit_data(ctx, &r, format, flags, "coverage", &out, sink));
cleanup:
    mvec__buf_clear(ctx, &out);
    mvec__result_clear(ctx, &sources);
    mvec__result_clear(ctx, &r);
    return status;
}
