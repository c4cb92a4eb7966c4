/*
 * import_ei_gas.c - the Energy Institute Statistical Review of World Energy's
 * pipeline gas trade matrix ("Gas - Trade movts - pipeline", billion cubic
 * metres; docs/formats.md): one row per exporter, one column per importer,
 * a `Total` row and column. Each cell gives two observations: the
 * exporter's energy.gas_exports to the importer and the importer's
 * energy.gas_imports from the exporter. Row and column labels are mapped
 * through data/codes/ei.csv; regions and "Other ..." residuals map to no
 * country on purpose (their flows stay in the totals' unlisted remainder),
 * and every label left out is reported. The matrix has no year column: the
 * first header cell is `Country` (the 2023 edition: data for 2022) or
 * `Country YYYY`.
 */
#include <stdio.h>
#include <string.h>

#include "import_common.h"
#include "importers.h"

/* The 2023 edition's header, exactly (the cleaned sheet of
 * shared/data/ei-statistical-review-2023-energy): recognised without naming
 * the format. */
static const char *const EI_GAS_HEADER[] = {
    "Country",
    "Canada",
    "Mexico",
    "US",
    "Argentina",
    "Brazil",
    "Other S. & Cent. America",
    "EU",
    "Rest of Europe",
    "Belarus",
    "Kazakhstan",
    "Russian Federation",
    "Other CIS",
    "United Arab Emirates",
    "Other Middle East",
    "South Africa",
    "Other Africa",
    "Australia",
    "China",
    "Malaysia",
    "Singapore",
    "Thailand",
    "Total",
};
enum { EI_GAS_DEFAULT_YEAR = 2022 }; /* the 2023 edition's data year */

/* Every column is a partner, read by position. */
static const mvec__column_spec EI_GAS_COLUMNS[] = {{MVEC__TABLE_OTHER_COLUMNS, false}};

typedef struct ei_column {
    char *label;                 /* as in the header */
    bool known;                  /* in data/codes/ei.csv */
    const mvec_country *partner; /* NULL: a region or residual (or unknown) */
} ei_column;

typedef struct ei_state {
    int year;
    mvec__coded codes;
    mvec__provenance provenance; /* note per row */
    ei_column *columns;          /* one per header field; [0] is the exporter label */
    size_t column_count;
    const char *exports, *imports, *value, *unit;
} ei_state;

static mvec_status ei_begin(mvec__import *import)
{
    mvec_ctx *ctx = import->ctx;
    mvec_status status = MVEC_OK;
    const mvec__csv_record *header = import->table.record;
    ei_state *state = NULL;
    MVEC_TRY(mvec__calloc(ctx, 1, sizeof *state, &state));
    import->state = state;
    MVEC_TRY(mvec__coded_load(import, "ei", &state->codes));
    const char *first = header->fields[0];
    long year = EI_GAS_DEFAULT_YEAR;
    if (strncmp(first, "Country", 7) != 0 ||
        (first[7] != '\0' && (first[7] != ' ' || !mvec__parse_int(first + 8, 1950, 2100, &year))))
        MVEC_FAIL(ctx, MVEC_ERR_SCHEMA,
                  "%s:%zu:1: the first column must be 'Country' (the 2023 edition, data for "
                  "%d) or 'Country YYYY', not '%s'",
                  import->name, header->line, EI_GAS_DEFAULT_YEAR, first);
    if (header->field_count < 2)
        MVEC_FAIL(ctx, MVEC_ERR_SCHEMA, "%s:%zu:2: no importer columns", import->name,
                  header->line);
    state->year = (int)year;
    MVEC_TRY(mvec__calloc(ctx, header->field_count, sizeof *state->columns, &state->columns));
    state->column_count = header->field_count;
    for (size_t f = 1; f < header->field_count; f++) {
        ei_column *column = &state->columns[f];
        MVEC_TRY(mvec__strdup(ctx, header->fields[f], &column->label));
        for (size_t g = 1; g < f; g++)
            if (strcmp(state->columns[g].label, column->label) == 0)
                MVEC_FAIL(ctx, MVEC_ERR_SCHEMA, "%s:%zu:%zu: column '%s' appears twice",
                          import->name, header->line, f + 1, column->label);
        column->known =
            mvec__code_map_find(&state->codes.map, column->label, state->year, &column->partner);
    }
    MVEC_TRY(mvec__import_intern(import, "energy.gas_exports", &state->exports));
    MVEC_TRY(mvec__import_intern(import, "energy.gas_imports", &state->imports));
    MVEC_TRY(mvec__import_intern(import, "value", &state->value));
    MVEC_TRY(mvec__import_intern(import, "bcm", &state->unit));
    char source[160];
    snprintf(source, sizeof source,
             "Energy Institute, Statistical Review of World Energy %d, natural gas: trade "
             "movements by pipeline",
             state->year + 1);
    char date[16];
    snprintf(date, sizeof date, "%d", state->year + 1);
    MVEC_TRY(mvec__provenance_intern(import,
                                     &(mvec__provenance){
                                         .source = source,
                                         .source_date = date,
                                         .url = "https://www.energyinst.org/statistical-review",
                                         .title = "Gas - Trade movts - pipeline",
                                         .quality = "official",
                                     },
                                     &state->provenance));
cleanup:
    return status;
}

static mvec_status ei_add(mvec__import *import, const mvec_country *country,
                          const mvec_country *partner, const char *vector, double value,
                          size_t field, const char *exporter, const char *importer)
{
    ei_state *state = import->state;
    mvec_status status = MVEC_OK;
    mvec_observation *row = NULL;
    char note[300];
    MVEC_TRY(mvec__import_new_row(import, &row));
    row->country = country;
    row->partner = partner;
    row->vector = vector;
    row->indicator = state->value;
    row->year = state->year;
    row->value = value;
    MVEC_TRY(mvec__import_set_unit(import, row, state->unit, 0));
    row->basis = MVEC_BASIS_THIRD_PARTY;
    mvec__provenance_stamp(&state->provenance, row);
    snprintf(note, sizeof note, "pipeline matrix: exporter row '%s', importer column '%s'",
             exporter, importer);
    MVEC_TRY(mvec__import_intern(import, note, &row->note));
    row->line = import->table.record->line;
    row->column = field + 1;
    mvec__import_add_row(import);
cleanup:
    return status;
}

static bool is_focal(const mvec_country *c)
{
    return c != NULL && (c->kind == MVEC_COUNTRY_CURRENT || c->kind == MVEC_COUNTRY_FORMER);
}

static mvec_status ei_row(mvec__import *import)
{
    mvec_ctx *ctx = import->ctx;
    ei_state *state = import->state;
    const mvec__csv_record *record = import->table.record;
    mvec_status status = MVEC_OK;
    const char *label = record->fields[0];
    const mvec_country *exporter = NULL;
    bool known = mvec__code_map_find(&state->codes.map, label, state->year, &exporter);
    if (label[0] == '\0')
        return mvec__error(ctx, MVEC_ERR_PARSE, "%s:%zu:1: empty exporter label", import->name,
                           record->line);
    bool total_row = exporter != NULL && strcmp(exporter->code, "WLD") == 0;
    for (size_t f = 1; f < record->field_count; f++) {
        const char *text = record->fields[f];
        const ei_column *column = &state->columns[f];
        double value = 0;
        const char *reason = "";
        if (text[0] == '\0')
            continue; /* no figure */
        if (!mvec__parse_number(text, &value, &reason))
            return mvec__error(ctx, MVEC_ERR_PARSE, "%s:%zu:%zu: invalid number '%s': %s",
                               import->name, record->field_lines[f], f + 1, text, reason);
        if (value < 0)
            return mvec__error(ctx, MVEC_ERR_PARSE, "%s:%zu:%zu: negative value '%s'", import->name,
                               record->field_lines[f], f + 1, text);
        if (!(value > 0)) /* the cleaned sheet writes 0 for no trade (and for "^", < 0.05) */
            continue;
        const mvec_country *importer = column->partner;
        bool total_column = importer != NULL && strcmp(importer->code, "WLD") == 0;
        if (total_row && total_column)
            continue; /* the world's pipeline trade: no country's figure */
        /* the exporter's side */
        if (is_focal(exporter)) {
            if (importer != NULL)
                MVEC_TRY(ei_add(import, exporter, importer, state->exports, value, f, label,
                                column->label));
            else
                MVEC_TRY(mvec__unmapped_add(ctx, &state->codes.unmapped, column->label,
                                            column->known, record->line));
        }
        /* the importer's side */
        if (is_focal(importer)) {
            if (exporter != NULL && (is_focal(exporter) || total_row))
                MVEC_TRY(ei_add(import, importer, exporter, state->imports, value, f, label,
                                column->label));
            else
                MVEC_TRY(
                    mvec__unmapped_add(ctx, &state->codes.unmapped, label, known, record->line));
        } else if (!is_focal(exporter) && !total_row && importer != NULL) {
            /* a region's exports to a bloc or to the world: no country on either side */
            MVEC_TRY(mvec__unmapped_add(ctx, &state->codes.unmapped, label, known, record->line));
        }
    }
cleanup:
    return status;
}

static mvec_status ei_finish(mvec__import *import)
{
    ei_state *state = import->state;
    mvec__coded_report(import, &state->codes, "pipeline trade");
    return MVEC_OK;
}

static void ei_clear(mvec__import *import)
{
    ei_state *state = import->state;
    if (state == NULL)
        return;
    for (size_t f = 0; f < state->column_count; f++)
        mvec__free(import->ctx, state->columns[f].label);
    mvec__free(import->ctx, state->columns);
    mvec__coded_clear(import->ctx, &state->codes);
    mvec__free(import->ctx, state);
    import->state = NULL;
}

const mvec__importer MVEC__IMPORT_EI_GAS = {
    .name = "ei-gas",
    .summary = "Energy Institute Statistical Review, pipeline gas trade matrix (bcm)",
    .format = MVEC_INPUT_OTHER,
    .signature = EI_GAS_HEADER,
    .signature_count = sizeof EI_GAS_HEADER / sizeof *EI_GAS_HEADER,
    .columns = EI_GAS_COLUMNS,
    .column_count = sizeof EI_GAS_COLUMNS / sizeof *EI_GAS_COLUMNS,
    .row = ei_row,
    .begin = ei_begin,
    .finish = ei_finish,
    .clear = ei_clear,
};
