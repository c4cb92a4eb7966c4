/*
 * import_wiiw_fdi.c - the wiiw FDI Database's "FDI by partner" export
 * (Vienna Institute for International Economic Studies; the data source
 * named in each row is the reporting country's central bank, e.g. the
 * National Bank of Kazakhstan). One row per reporting country, direction,
 * partner and unit, one column per year (_2003 ... _2021). Recognised by
 * its header with the years 2003-2021; other year spans are read when the
 * format is named (docs/formats.md).
 *
 * Rows in "EUR m" give one observation per year with a figure, reporter
 * basis, kept in euro (never converted): FDI inflow -> fdi.inflow, FDI
 * inward stock -> fdi.stock, FDI outflow -> fdi.outflow, FDI outward stock
 * -> fdi.outward_stock. Rows "in % of total" are wiiw's division of the
 * euro rows by the total: they are not read (mvec divides the same figures
 * itself, and a percentage of a net flow with negative parts is no share).
 * Missing years are empty or "."; negative flows (disinvestment) are kept
 * as values (a distribution of that year's net flow is then not computed);
 * a partner's negative stock is kept as indicator negative_position
 * (context: a stock is distributed over the positive positions).
 * Partner codes (ISO alpha-2, WORLD, EU groupings) go through
 * data/codes/wiiw.csv.
 */
#include <stdio.h>
#include <string.h>

#include "import_common.h"

static const char *const WIIW_HEADER[] = {
    "Tree Level 1", "Country-Code", "Country", "Direction", "Partner-Code", "Partner", "Unit",
    "Footnotes",    "Sources",      "_2003",   "_2004",     "_2005",        "_2006",   "_2007",
    "_2008",        "_2009",        "_2010",   "_2011",     "_2012",        "_2013",   "_2014",
    "_2015",        "_2016",        "_2017",   "_2018",     "_2019",        "_2020",   "_2021",
};
enum {
    WIIW_TREE,
    WIIW_COUNTRY_CODE,
    WIIW_COUNTRY,
    WIIW_DIRECTION,
    WIIW_PARTNER_CODE,
    WIIW_PARTNER,
    WIIW_UNIT,
    WIIW_FOOTNOTES,
    WIIW_SOURCES,
    WIIW_FIRST_YEAR_COLUMN
};
enum { WIIW_FIRST_YEAR = 2000, WIIW_YEAR_COUNT = 23 }; /* _2000 ... _2022 */
enum { WIIW_COLUMN_COUNT = WIIW_FIRST_YEAR_COLUMN + WIIW_YEAR_COUNT };
static const mvec__column_spec WIIW_COLUMNS[WIIW_COLUMN_COUNT] = {
    {"Tree Level 1", true}, {"Country-Code", true}, {"Country", true}, {"Direction", true},
    {"Partner-Code", true}, {"Partner", true},      {"Unit", true},    {"Footnotes", false},
    {"Sources", false},     {"_2000", false},       {"_2001", false},  {"_2002", false},
    {"_2003", false},       {"_2004", false},       {"_2005", false},  {"_2006", false},
    {"_2007", false},       {"_2008", false},       {"_2009", false},  {"_2010", false},
    {"_2011", false},       {"_2012", false},       {"_2013", false},  {"_2014", false},
    {"_2015", false},       {"_2016", false},       {"_2017", false},  {"_2018", false},
    {"_2019", false},       {"_2020", false},       {"_2021", false},  {"_2022", false},
};

static const struct {
    const char *direction;
    const char *vector;
} WIIW_DIRECTIONS[] = {
    {"FDI inflow", "fdi.inflow"},
    {"FDI inward stock", "fdi.stock"},
    {"FDI outflow", "fdi.outflow"},
    {"FDI outward stock", "fdi.outward_stock"},
};
enum { WIIW_DIRECTION_COUNT = sizeof WIIW_DIRECTIONS / sizeof *WIIW_DIRECTIONS };

typedef struct wiiw_state {
    mvec__coded coded;
    mvec__provenance provenance; /* source and note are per row */
    const char *vectors[WIIW_DIRECTION_COUNT];
    const char *value, *negative;
} wiiw_state;

static mvec_status wiiw_begin(mvec__import *import)
{
    mvec_status status = MVEC_OK;
    wiiw_state *s = NULL;
    MVEC_TRY(mvec__calloc(import->ctx, 1, sizeof *s, &s));
    import->state = s;
    MVEC_TRY(mvec__coded_load(import, "wiiw", &s->coded));
    /* the export is not dated: its last year is in source */
    MVEC_TRY(mvec__provenance_intern(import,
                                     &(mvec__provenance){
                                         .url = "https://data.wiiw.ac.at/fdi-database.html",
                                         .title = "wiiw FDI Database: FDI by partner",
                                         .quality = "official",
                                     },
                                     &s->provenance));
    for (size_t d = 0; d < WIIW_DIRECTION_COUNT; d++)
        MVEC_TRY(mvec__import_intern(import, WIIW_DIRECTIONS[d].vector, &s->vectors[d]));
    struct {
        const char **out;
        const char *text;
    } strings[] = {
        {&s->value, "value"},
        {&s->negative, "negative_position"},
    };
    for (size_t i = 0; i < sizeof strings / sizeof *strings; i++)
        MVEC_TRY(mvec__import_intern(import, strings[i].text, strings[i].out));
cleanup:
    return status;
}

static mvec_status wiiw_row(mvec__import *import)
{
    mvec_ctx *ctx = import->ctx;
    mvec__table *table = &import->table;
    wiiw_state *s = import->state;
    mvec_status status = MVEC_OK;
    char source[300];
    char note[700];
    const char *tree = mvec__table_get(table, WIIW_TREE);
    if (!mvec__str_equal(tree, "FDI by partner"))
        return mvec__table_fail(ctx, table, WIIW_TREE, MVEC_ERR_PARSE,
                                "'%s' is not wiiw's \"FDI by partner\" table", tree);
    size_t direction = WIIW_DIRECTION_COUNT;
    const char *text = mvec__table_get(table, WIIW_DIRECTION);
    for (size_t d = 0; d < WIIW_DIRECTION_COUNT; d++)
        if (mvec__str_equal(text, WIIW_DIRECTIONS[d].direction))
            direction = d;
    if (direction == WIIW_DIRECTION_COUNT)
        return mvec__table_fail(ctx, table, WIIW_DIRECTION, MVEC_ERR_PARSE,
                                "unknown direction '%s' (FDI inflow, FDI inward stock, FDI "
                                "outflow or FDI outward stock)",
                                text);
    text = mvec__table_get(table, WIIW_UNIT);
    if (mvec__str_equal(text, "in % of total"))
        return MVEC_OK; /* wiiw's percentages of the euro rows: not read (see above) */
    if (!mvec__str_equal(text, "EUR m"))
        return mvec__table_fail(ctx, table, WIIW_UNIT, MVEC_ERR_PARSE,
                                "unit '%s' (expected 'EUR m' or 'in %% of total')", text);
    /* check every year's figure before mapping, so a bad number is found
     * whether or not the row's codes are mapped */
    double values[WIIW_YEAR_COUNT];
    bool present[WIIW_YEAR_COUNT];
    for (size_t y = 0; y < WIIW_YEAR_COUNT; y++) {
        size_t column = WIIW_FIRST_YEAR_COLUMN + y;
        const char *reason = "";
        text = mvec__table_get(table, column);
        present[y] = table->field_of[column] >= 0 && text[0] != '\0' && !mvec__str_equal(text, ".");
        if (present[y] && !mvec__parse_number(text, &values[y], &reason))
            return mvec__table_fail(ctx, table, column, MVEC_ERR_PARSE, "invalid number '%s': %s",
                                    text, reason);
    }
    const mvec_country *country = NULL;
    const mvec_country *partner = NULL;
    MVEC_TRY(mvec__coded_column(import, &s->coded, WIIW_COUNTRY_CODE, 0, &country));
    MVEC_TRY(mvec__coded_column(import, &s->coded, WIIW_PARTNER_CODE, 0, &partner));
    if (country == NULL || partner == NULL)
        return MVEC_OK;
    const char *sources = mvec__table_get(table, WIIW_SOURCES);
    const char *footnotes = mvec__table_get(table, WIIW_FOOTNOTES);
    /* the last year with a column in this file, not in the spec list */
    int last_year = 0;
    for (size_t y = 0; y < WIIW_YEAR_COUNT; y++)
        if (table->field_of[WIIW_FIRST_YEAR_COLUMN + y] >= 0)
            last_year = WIIW_FIRST_YEAR + (int)y;
    snprintf(source, sizeof source,
             "wiiw FDI Database, FDI by partner, export with data to %d "
             "(source: %.180s)",
             last_year, sources[0] ? sources : "not stated");
    snprintf(note, sizeof note,
             "partner as published: %.100s; directional principle, net of "
             "disinvestment (flows can be negative); immediate investor, so conduit economies "
             "(Netherlands, Luxembourg, Cyprus, offshore centres) hold investment routed from "
             "elsewhere%s%.300s",
             mvec__table_get(table, WIIW_PARTNER),
             footnotes[0] && !mvec__str_equal(footnotes, "-") ? "; wiiw footnote: " : "",
             footnotes[0] && !mvec__str_equal(footnotes, "-") ? footnotes : "");
    const char *source_text = NULL;
    const char *note_text = NULL;
    MVEC_TRY(mvec__import_intern(import, source, &source_text));
    MVEC_TRY(mvec__import_intern(import, note, &note_text));
    for (size_t y = 0; y < WIIW_YEAR_COUNT; y++) {
        if (!present[y])
            continue;
        size_t column = WIIW_FIRST_YEAR_COLUMN + y;
        mvec_observation *row = NULL;
        MVEC_TRY(mvec__import_new_row(import, &row));
        row->country = country;
        row->partner = partner;
        row->vector = s->vectors[direction];
        /* a negative stock is a position, not a share of the stock: context */
        row->indicator = (direction == 1 || direction == 3) && values[y] < 0 && partner->code[0] &&
                                 !mvec__str_equal(partner->code, "WLD")
                             ? s->negative
                             : s->value;
        row->year = WIIW_FIRST_YEAR + (int)y;
        row->value = values[y];
        MVEC_TRY(mvec__import_set_unit(import, row, "EUR m", column));
        row->basis = MVEC_BASIS_REPORTER;
        mvec__provenance_stamp(&s->provenance, row);
        row->source = source_text;
        row->note = note_text;
        row->line = table->record->line;
        row->column = (size_t)table->field_of[column] + 1;
        mvec__import_add_row(import);
    }
cleanup:
    return status;
}

static mvec_status wiiw_finish(mvec__import *import)
{
    wiiw_state *s = import->state;
    mvec__coded_report(import, &s->coded, "wiiw FDI");
    return MVEC_OK;
}

static void wiiw_clear(mvec__import *import)
{
    wiiw_state *s = import->state;
    if (s == NULL)
        return;
    mvec__coded_clear(import->ctx, &s->coded);
    mvec__free(import->ctx, s);
    import->state = NULL;
}

const mvec__importer MVEC__IMPORT_WIIW_FDI = {
    .name = "wiiw-fdi",
    .summary = "wiiw FDI Database, FDI by partner (central-bank flows and stocks, EUR m)",
    .format = MVEC_INPUT_OTHER,
    .signature = WIIW_HEADER,
    .signature_count = sizeof WIIW_HEADER / sizeof *WIIW_HEADER,
    .columns = WIIW_COLUMNS,
    .column_count = WIIW_COLUMN_COUNT,
    .row = wiiw_row,
    .begin = wiiw_begin,
    .finish = wiiw_finish,
    .clear = wiiw_clear,
};
