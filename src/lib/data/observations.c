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

#include "../import/importers.h"
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

mvec_status mvec__import_intern(mvec__import *import, const char *text, const char **out)
{
    return mvec__strpool_intern(import->ctx, &import->observations->strings, text, out);
}

mvec_status mvec__import_new_row(mvec__import *import, mvec_observation **out)
{
    mvec_observations *observations = import->observations;
    if (import->drain != NULL && observations->count - import->first >= MVEC__IMPORT_CHUNK) {
        /* Hand the chunk on and reuse its memory (hot in the cache). */
        mvec_status drained = import->drain(import->drain_user, &observations->rows[import->first],
                                            observations->count - import->first);
        observations->count = import->first;
        if (drained != MVEC_OK)
            return drained;
    }
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

/* For the workspace (store/workspace.c, declared in importers.h). */
mvec_status mvec__observations_intern(mvec_ctx *ctx, mvec_observations *observations,
                                      mvec_observation *row)
{
    const char **fields[] = {&row->vector,      &row->indicator, &row->period, &row->item,
                             &row->unit,        &row->dimension, &row->source,
                             &row->source_date, &row->url,       &row->title,  &row->quality,
                             &row->seed,        &row->quote,     &row->note,   &row->file};
    for (size_t i = 0; i < sizeof fields / sizeof *fields; i++) {
        mvec_status status = mvec__strpool_intern(ctx, &observations->strings,
                                                  *fields[i] ? *fields[i] : "", fields[i]);
        if (status != MVEC_OK)
            return status;
    }
    return MVEC_OK;
}

mvec_status mvec__observations_add_copy(mvec_ctx *ctx, mvec_observations *observations,
                                        const mvec_observation *row)
{
    mvec_status status = mvec__grow(ctx, &observations->rows, &observations->capacity,
                                    observations->count + 1, sizeof *observations->rows);
    if (status == MVEC_OK)
        observations->rows[observations->count++] = *row;
    return status;
}

mvec_status mvec__observations_reserve(mvec_ctx *ctx, mvec_observations *observations,
                                       size_t extra)
{
    if (extra > SIZE_MAX / sizeof *observations->rows - observations->count)
        return mvec__error(ctx, MVEC_ERR_NOMEM, "out of memory (%zu more rows)", extra);
    return mvec__grow(ctx, &observations->rows, &observations->capacity,
                      observations->count + extra, sizeof *observations->rows);
}

void mvec__observations_truncate(mvec_observations *observations, size_t count)
{
    if (count < observations->count)
        observations->count = count;
}

typedef struct load_state {
    mvec__import import;
    const mvec__importer *importer; /* NULL until the header is read, unless named */
    bool bound;                     /* the header has been read */
    bool begun;                     /* begin has run (so clear must) */
    mvec_status (*drain)(void *, const mvec_observation *, size_t); /* or NULL */
} load_state;

static mvec_status on_record(void *user, const mvec__csv_record *record)
{
    load_state *state = user;
    mvec__import *import = &state->import;
    if (!state->bound) {
        if (state->importer == NULL)
            state->importer = mvec__importer_for_header(record);
        state->bound = true;
        if (state->importer->consistent)
            import->drain = state->drain;
        mvec_status status = mvec__table_bind(import->ctx, &import->table, import->name,
                                              state->importer->columns,
                                              state->importer->column_count, record);
        if (status == MVEC_OK && state->importer->begin != NULL) {
            state->begun = true;
            status = state->importer->begin(import);
        }
        return status;
    }
    mvec_status status = mvec__table_enter_row(import->ctx, &import->table, record);
    if (status != MVEC_OK)
        return status;
    return state->importer->row(import);
}

/* Where a load's rows go besides the store (every field may be 0). */
typedef struct load_target {
    /* the workspace's sink: every row is handed on (importers.h) */
    mvec_status (*drain)(void *, const mvec_observation *, size_t);
    void *drain_user;
    mvec__flow_records *flows;          /* the workspace's: the records of a file of flows */
    const mvec_country *country; /* a file of flows: only this country's rows */
} load_target;

/* Read `text` with `importer` (NULL: recognised from the header), check the
 * rows it added together, and undo the whole load on any failure. */
static mvec_status load(mvec_ctx *ctx, mvec_observations *observations, const char *name,
                        const char *text, size_t length, const mvec__importer *importer,
                        const mvec__importer **used, const load_target *target)
{
    static const load_target NONE = {0};
    if (target == NULL)
        target = &NONE;
    mvec_status (*drain)(void *, const mvec_observation *, size_t) = target->drain;
    mvec__flow_records *flows = target->flows;
    size_t count_before = observations->count;
    load_state state = {.import = {.ctx = ctx,
                                   .observations = observations,
                                   .countries = observations->countries,
                                   .name = name,
                                   .length = length,
                                   .drain_user = target->drain_user,
                                   .first = count_before},
                        .importer = importer};
    /* Chunks only once the importer is known to be consistent (on_record). */
    state.import.drain = NULL;
    state.drain = drain;
    mvec_status status = mvec__csv_parse(ctx, name, text, length, on_record, &state);
    if (status == MVEC_OK && !state.bound)
        status = mvec__error(ctx, MVEC_ERR_SCHEMA, "%s: empty file (no header row)", name);
    bool as_flows = status == MVEC_OK && state.importer->take_flows != NULL &&
                    (flows != NULL || target->country != NULL);
    if (as_flows && flows != NULL) {
        status = state.importer->take_flows(&state.import, flows);
        flows->taken = status == MVEC_OK;
    } else if (as_flows) { /* one country's rows made from the records */
        mvec__flow_records records = {0};
        status = state.importer->take_flows(&state.import, &records);
        if (status == MVEC_OK)
            status = state.importer->make_flows(&state.import, &records, target->country);
        mvec__flow_records_clear(ctx, &records);
    } else if (status == MVEC_OK && state.importer->finish != NULL) {
        status = state.importer->finish(&state.import);
    }
    if (state.begun && state.importer->clear != NULL)
        state.importer->clear(&state.import);
    if (status == MVEC_OK && !state.importer->consistent)
        status = mvec__observations_validate(ctx, name, observations->rows, count_before,
                                             observations->count);
    if (status == MVEC_OK && drain != NULL && observations->count > count_before)
        status = drain(target->drain_user, &observations->rows[count_before],
                       observations->count - count_before);
    if (status == MVEC_OK && drain != NULL)
        observations->count = count_before;
    if (status != MVEC_OK) {
        observations->count = count_before;
        return status;
    }
    *used = state.importer;
    return MVEC_OK;
}

mvec_status mvec_observations_load_text(mvec_ctx *ctx, mvec_observations *observations,
                                        const char *name, const char *text, size_t length,
                                        mvec_input_format *format)
{
    const mvec__importer *used = NULL;
    mvec_status status = load(ctx, observations, name, text, length, NULL, &used, NULL);
    if (status == MVEC_OK && format != NULL)
        *format = used->format;
    return status;
}

mvec_status mvec_observations_import_text(mvec_ctx *ctx, mvec_observations *observations,
                                          const char *name, const char *text, size_t length,
                                          const char *format, const char **used_format)
{
    const mvec__importer *importer = NULL;
    if (format != NULL && (importer = mvec__importer_named(format)) == NULL)
        return mvec__error(ctx, MVEC_ERR_INVALID, "unknown input format '%s'", format);
    const mvec__importer *used = NULL;
    mvec_status status = load(ctx, observations, name, text, length, importer, &used, NULL);
    if (status == MVEC_OK && used_format != NULL)
        *used_format = used->name;
    return status;
}

mvec_status mvec__observations_import_stream(mvec_ctx *ctx, mvec_observations *observations,
                                             const char *name, const char *text, size_t length,
                                             const char *format,
                                             mvec_status (*drain)(void *user,
                                                                  const mvec_observation *rows,
                                                                  size_t count),
                                             void *user, mvec__flow_records *flows,
                                             const char **used_format)
{
    const mvec__importer *importer = NULL;
    if (format != NULL && (importer = mvec__importer_named(format)) == NULL)
        return mvec__error(ctx, MVEC_ERR_INVALID, "unknown input format '%s'", format);
    const mvec__importer *used = NULL;
    load_target target = {.drain = drain, .drain_user = user, .flows = flows};
    mvec_status status = load(ctx, observations, name, text, length, importer, &used, &target);
    if (status == MVEC_OK && used_format != NULL)
        *used_format = used->name;
    return status;
}

mvec_status mvec__observations_from_flows(mvec_ctx *ctx, mvec_observations *observations,
                                          const char *name, const char *format,
                                          const mvec__flow_records *flows, const mvec_country *country)
{
    const mvec__importer *importer = mvec__importer_named(format);
    if (importer == NULL || importer->make_flows == NULL)
        return mvec__error(ctx, MVEC_ERR_WORKSPACE,
                           "%s: kept as flows of format '%s', which this mvec cannot read", name,
                           format);
    size_t count_before = observations->count;
    mvec__import import = {.ctx = ctx,
                           .observations = observations,
                           .countries = observations->countries,
                           .name = name,
                           .first = count_before};
    mvec_status status = importer->begin != NULL ? importer->begin(&import) : MVEC_OK;
    if (status == MVEC_OK)
        status = importer->make_flows(&import, flows, country);
    if (importer->clear != NULL)
        importer->clear(&import);
    if (status != MVEC_OK)
        observations->count = count_before;
    return status;
}

mvec_status mvec_observations_import_file(mvec_ctx *ctx, mvec_observations *observations,
                                          const char *path, const char *format,
                                          const char **used_format)
{
    if (format != NULL && mvec__importer_named(format) == NULL)
        return mvec__error(ctx, MVEC_ERR_INVALID, "unknown input format '%s'", format);
    char *text = NULL;
    size_t length = 0;
    mvec_status status = mvec__file_read(ctx, path, &text, &length);
    if (status == MVEC_OK)
        status = mvec_observations_import_text(ctx, observations,
                                               strcmp(path, "-") ? path : "<stdin>", text,
                                               length, format, used_format);
    mvec__free(ctx, text);
    return status;
}

mvec_status mvec_observations_load_file_of(mvec_ctx *ctx, mvec_observations *observations,
                                           const char *path, const char *country,
                                           mvec_input_format *format)
{
    load_target target = {0};
    if (country != NULL &&
        (target.country = mvec_countries_find(observations->countries, country)) == NULL)
        return mvec__error(ctx, MVEC_ERR_INVALID, "unknown country '%s'", country);
    char *text = NULL;
    size_t length = 0;
    const mvec__importer *used = NULL;
    mvec_status status = mvec__file_read(ctx, path, &text, &length);
    if (status == MVEC_OK)
        status = load(ctx, observations, strcmp(path, "-") ? path : "<stdin>", text, length, NULL,
                      &used, &target);
    if (status == MVEC_OK && format != NULL)
        *format = used->format;
    mvec__free(ctx, text);
    return status;
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

/* Built-in tables under data/kaz/ that are not observations: each has a reader of its own. */
static const char *const NOT_OBSERVATIONS[] = {
    "data/kaz/corridors.csv",          /* the corridor network (mvec_network.h) */
    "data/kaz/exports_by_chapter.csv", /* product split of exports (scenarios) */
    "data/kaz/places.csv",             /* coordinates of the network's places (charts) */
};

static bool is_observation_file(const char *path)
{
    if (strncmp(path, "data/kaz/", 9) != 0)
        return false;
    for (size_t i = 0; i < sizeof NOT_OBSERVATIONS / sizeof NOT_OBSERVATIONS[0]; i++)
        if (strcmp(path, NOT_OBSERVATIONS[i]) == 0)
            return false;
    return true;
}

mvec_status mvec_observations_load_embedded(mvec_ctx *ctx, mvec_observations *observations)
{
    size_t count_before = observations->count;
    for (size_t i = 0; i < mvec__embedded_count(); i++) {
        const mvec__embedded_file *file = mvec__embedded_at(i);
        if (!is_observation_file(file->path))
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
