/*
 * observations.c - the observation store and the entry points that load it.
 *
 * Loading goes through the table of importers (IMPORTERS below, one file
 * each, importers.h): the header row chooses the importer whose signature
 * it matches, or the default one. Every field is validated as it is read;
 * the first problem stops the load with "file:line:column: what", and the
 * rows already added by that load are dropped again, so a failed load
 * leaves the store as it was.
 */
#include <stdio.h>
#include <string.h>

#include "importers.h"
#include "units.h"
#include "validate.h"

struct mvec_observations {
    const mvec_countries *countries;
    mvec__units units;
    mvec__strpool strings;
    mvec_observation *rows;
    size_t count;
    size_t capacity;
};

const char *mvec_basis_name(mvec_basis basis)
{
    switch (basis) {
    case MVEC_BASIS_REPORTER:
        return "reporter";
    case MVEC_BASIS_PARTNER:
        return "partner";
    case MVEC_BASIS_THIRD_PARTY:
        return "third_party";
    case MVEC_BASIS_UNSTATED:
        return "unstated";
    }
    return "unstated";
}

const char *mvec_qualifier_symbol(mvec_qualifier qualifier)
{
    switch (qualifier) {
    case MVEC_QUALIFIER_EXACT:
        return "";
    case MVEC_QUALIFIER_ABOUT:
        return "~";
    case MVEC_QUALIFIER_ABOVE:
        return ">";
    case MVEC_QUALIFIER_AT_LEAST:
        return ">=";
    case MVEC_QUALIFIER_BELOW:
        return "<";
    case MVEC_QUALIFIER_AT_MOST:
        return "<=";
    }
    return "";
}

/* ---- the importers ----------------------------------------------------------------------- */

/* Tried in order; the default importer (no signature) comes last. */
static const mvec__importer *const IMPORTERS[] = {
    &MVEC__IMPORT_BNS_TABLE,
    &MVEC__IMPORT_OBSERVATIONS_CSV,
};

const mvec__importer *const *mvec__importers(size_t *count)
{
    *count = sizeof IMPORTERS / sizeof *IMPORTERS;
    return IMPORTERS;
}

static const mvec__importer *importer_for(const mvec__csv_record *header)
{
    size_t count = sizeof IMPORTERS / sizeof *IMPORTERS;
    for (size_t i = 0; i + 1 < count; i++)
        if (mvec__header_is(header, IMPORTERS[i]->signature, IMPORTERS[i]->signature_count))
            return IMPORTERS[i];
    return IMPORTERS[count - 1];
}

mvec_status mvec__import_intern(mvec__import *import, const char *text, const char **out)
{
    return mvec__strpool_intern(import->ctx, &import->observations->strings, text, out);
}

mvec_status mvec__import_new_row(mvec__import *import, mvec_observation **out)
{
    mvec_observations *observations = import->observations;
    mvec_status status = mvec__grow(import->ctx, &observations->rows, &observations->capacity,
                                    observations->count + 1, sizeof *observations->rows);
    if (status != MVEC_OK)
        return status;
    mvec_observation *row = &observations->rows[observations->count];
    memset(row, 0, sizeof *row);
    *out = row;
    return MVEC_OK;
}

void mvec__import_add_row(mvec__import *import)
{
    import->observations->count++;
}

mvec_status mvec__import_set_unit(mvec__import *import, mvec_observation *row,
                                  const char *unit_text, size_t column)
{
    mvec_ctx *ctx = import->ctx;
    mvec__buf list = MVEC__BUF_INIT(8192);
    mvec_status status = MVEC_OK;
    const mvec__unit *unit = mvec__units_find(&import->observations->units, unit_text);
    if (unit == NULL) {
        MVEC_TRY(mvec__units_list(ctx, &import->observations->units, &list));
        MVEC_TRY(mvec__table_fail(ctx, &import->table, column, MVEC_ERR_PARSE,
                                   "unknown unit '%s' (known units: %s)", unit_text, list.data));
    }
    row->unit = unit->name;
    row->dimension = unit->dimension;
    row->base_value = row->value * unit->factor;
cleanup:
    mvec__buf_clear(ctx, &list);
    return status;
}

typedef struct load_state {
    mvec__import import;
    const mvec__importer *importer; /* NULL until the header is read */
} load_state;

static mvec_status on_record(void *user, const mvec__csv_record *record)
{
    load_state *state = user;
    mvec__import *import = &state->import;
    if (state->importer == NULL) {
        state->importer = importer_for(record);
        return mvec__table_bind(import->ctx, &import->table, import->name,
                                state->importer->columns, state->importer->column_count, record);
    }
    mvec_status status = mvec__table_enter_row(import->ctx, &import->table, record);
    if (status != MVEC_OK)
        return status;
    return state->importer->row(import);
}

mvec_status mvec_observations_load_text(mvec_ctx *ctx, mvec_observations *observations,
                                        const char *name, const char *text, size_t length,
                                        mvec_input_format *format)
{
    size_t count_before = observations->count;
    load_state state = {.import = {.ctx = ctx,
                                   .observations = observations,
                                   .countries = observations->countries,
                                   .name = name}};
    mvec_status status = mvec__csv_parse(ctx, name, text, length, on_record, &state);
    if (status == MVEC_OK && state.importer == NULL)
        status = mvec__error(ctx, MVEC_ERR_SCHEMA, "%s: empty file (no header row)", name);
    if (status == MVEC_OK)
        status = mvec__observations_validate(ctx, name, observations->rows, count_before,
                                             observations->count);
    if (status != MVEC_OK) {
        observations->count = count_before;
        return status;
    }
    if (format != NULL)
        *format = state.importer->format;
    return MVEC_OK;
}

mvec_status mvec_observations_load_file(mvec_ctx *ctx, mvec_observations *observations,
                                        const char *path, mvec_input_format *format)
{
    char *text = NULL;
    size_t length = 0;
    mvec_status status = mvec__file_read(ctx, path, &text, &length);
    if (status == MVEC_OK)
        status = mvec_observations_load_text(ctx, observations, strcmp(path, "-") ? path
                                                                                   : "<stdin>",
                                             text, length, format);
    mvec__free(ctx, text);
    return status;
}

mvec_status mvec_observations_load_embedded(mvec_ctx *ctx, mvec_observations *observations)
{
    size_t count_before = observations->count;
    for (size_t i = 0; i < mvec__embedded_count(); i++) {
        const mvec__embedded_file *file = mvec__embedded_at(i);
        if (strncmp(file->path, "data/kaz/", 9) != 0)
            continue;
        char name[200];
        snprintf(name, sizeof name, "embedded:%s", file->path);
        mvec_status status = mvec_observations_load_text(
            ctx, observations, name, (const char *)file->data, file->length, NULL);
        if (status != MVEC_OK) {
            observations->count = count_before;
            return mvec__embedded_defect(ctx, status);
        }
    }
    return MVEC_OK;
}

mvec_status mvec_observations_new(mvec_ctx *ctx, const mvec_countries *countries,
                                  mvec_observations **out)
{
    mvec_status status = MVEC_OK;
    mvec_observations *observations = NULL;
    MVEC_TRY(mvec__calloc(ctx, 1, sizeof *observations, &observations));
    observations->countries = countries;
    MVEC_TRY(mvec__units_load(ctx, &observations->units));
    *out = observations;
    observations = NULL;
cleanup:
    mvec_observations_free(ctx, observations);
    return status;
}

void mvec_observations_free(mvec_ctx *ctx, mvec_observations *observations)
{
    if (observations == NULL)
        return;
    mvec__units_clear(ctx, &observations->units);
    mvec__strpool_clear(ctx, &observations->strings);
    mvec__free(ctx, observations->rows);
    mvec__free(ctx, observations);
}

size_t mvec_observations_count(const mvec_observations *observations)
{
    return observations->count;
}

const mvec_observation *mvec_observations_at(const mvec_observations *observations,
                                             size_t index)
{
    return index < observations->count ? &observations->rows[index] : NULL;
}

const mvec_countries *mvec_observations_countries(const mvec_observations *observations)
{
    return observations->countries;
}
