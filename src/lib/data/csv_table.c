/*
 * csv_table.c - header binding and by-name field access for CSV files.
 */
#include <stdio.h>
#include <string.h>

#include "csv_table.h"

static void trim_in_place(char *text)
{
    size_t length = strlen(text);
    while (length > 0 && (text[length - 1] == ' ' || text[length - 1] == '\t'))
        text[--length] = '\0';
    size_t start = 0;
    while (text[start] == ' ' || text[start] == '\t')
        start++;
    if (start > 0)
        memmove(text, text + start, length - start + 1);
}

static mvec_status list_expected(mvec_ctx *ctx, const mvec__column_spec *specs, size_t count,
                                 mvec__buf *out)
{
    mvec_status status = MVEC_OK;
    for (size_t i = 0; i < count; i++)
        MVEC_TRY(mvec__buf_printf(ctx, out, "%s%s", i ? ", " : "", specs[i].name));
cleanup:
    return status;
}

mvec_status mvec__table_bind(mvec_ctx *ctx, mvec__table *table, const char *name,
                             const mvec__column_spec *specs, size_t spec_count,
                             const mvec__csv_record *header)
{
    mvec_status status = MVEC_OK;
    mvec__buf expected = MVEC__BUF_INIT(4096);
    if (spec_count > MVEC__TABLE_MAX_COLUMNS)
        return mvec__error(ctx, MVEC_ERR_INTERNAL, "too many column specs");
    table->name = name;
    table->specs = specs;
    table->spec_count = spec_count;
    table->width = header->field_count;
    table->record = header; /* until the first row: an importer's begin may read it */
    bool any_other = false;
    for (size_t s = 0; s < spec_count; s++) {
        table->field_of[s] = -1;
        any_other = any_other || strcmp(specs[s].name, MVEC__TABLE_OTHER_COLUMNS) == 0;
    }
    for (size_t f = 0; f < header->field_count; f++) {
        trim_in_place(header->fields[f]);
        const char *column = header->fields[f];
        size_t s = 0;
        while (s < spec_count && strcmp(specs[s].name, column) != 0)
            s++;
        if (s == spec_count && any_other)
            continue; /* read by position: a matrix's partner columns */
        if (s == spec_count) {
            MVEC_TRY(list_expected(ctx, specs, spec_count, &expected));
            MVEC_FAIL(ctx, MVEC_ERR_SCHEMA, "%s:%zu:%zu: unknown column '%s' (columns are: %s)",
                      name, header->line, f + 1, column, expected.data);
        }
        if (table->field_of[s] >= 0)
            MVEC_FAIL(ctx, MVEC_ERR_SCHEMA, "%s:%zu:%zu: column '%s' appears twice", name,
                      header->line, f + 1, column);
        table->field_of[s] = (int)f;
    }
    for (size_t s = 0; s < spec_count; s++)
        if (specs[s].required && table->field_of[s] < 0)
            MVEC_FAIL(ctx, MVEC_ERR_SCHEMA, "%s:%zu:1: missing required column '%s'", name,
                      header->line, specs[s].name);
cleanup:
    mvec__buf_clear(ctx, &expected);
    return status;
}

mvec_status mvec__table_enter_row(mvec_ctx *ctx, mvec__table *table, const mvec__csv_record *record)
{
    if (record->field_count != table->width) {
        /* point at the first missing field, or the first extra one */
        size_t column =
            record->field_count < table->width ? record->field_count + 1 : table->width + 1;
        return mvec__error(ctx, MVEC_ERR_PARSE, "%s:%zu:%zu: expected %zu fields, found %zu",
                           table->name, record->line, column, table->width, record->field_count);
    }
    for (size_t f = 0; f < record->field_count; f++)
        trim_in_place(record->fields[f]);
    table->record = record;
    return MVEC_OK;
}

const char *mvec__table_get(const mvec__table *table, size_t spec)
{
    int field = table->field_of[spec];
    return field < 0 ? "" : table->record->fields[field];
}

mvec_status mvec__table_fail(mvec_ctx *ctx, const mvec__table *table, size_t spec,
                             mvec_status status, const char *fmt, ...)
{
    char message[1024];
    va_list args;
    va_start(args, fmt);
    vsnprintf(message, sizeof message, fmt, args);
    va_end(args);
    int field = table->field_of[spec];
    size_t line = field >= 0 ? table->record->field_lines[field] : table->record->line;
    size_t column = field >= 0 ? (size_t)field + 1 : 1;
    return mvec__error(ctx, status, "%s:%zu:%zu: %s", table->name, line, column, message);
}

bool mvec__header_starts_with(const mvec__csv_record *header, const char *const *names,
                              size_t count)
{
    if (header->field_count < count)
        return false;
    for (size_t i = 0; i < count; i++)
        if (strcmp(header->fields[i], names[i]) != 0)
            return false;
    return true;
}

bool mvec__header_is(const mvec__csv_record *header, const char *const *names, size_t count)
{
    if (header->field_count != count)
        return false;
    for (size_t i = 0; i < count; i++)
        if (strcmp(header->fields[i], names[i]) != 0)
            return false;
    return true;
}

const mvec__column_spec MVEC__ORGANISATION_COLUMNS[ORG_COLUMN_COUNT] = {
    {"code", true}, {"name", true}, {"kind", true}, {"members_complete", true},
    {"url", true},  {"note", true},
};

typedef struct table_read_state {
    mvec_ctx *ctx;
    mvec__table table;
    const char *name;
    const mvec__column_spec *specs;
    size_t spec_count;
    bool have_header;
    mvec__table_row_fn on_row;
    void *user;
} table_read_state;

static mvec_status on_record(void *user, const mvec__csv_record *record)
{
    table_read_state *state = user;
    if (!state->have_header) {
        state->have_header = true;
        return mvec__table_bind(state->ctx, &state->table, state->name, state->specs,
                                state->spec_count, record);
    }
    mvec_status status = mvec__table_enter_row(state->ctx, &state->table, record);
    if (status != MVEC_OK)
        return status;
    return state->on_row(state->user, &state->table);
}

mvec_status mvec__table_read(mvec_ctx *ctx, const char *name, const char *text, size_t length,
                             const mvec__column_spec *specs, size_t spec_count,
                             mvec__table_row_fn on_row, void *user)
{
    table_read_state state = {
        .ctx = ctx,
        .name = name,
        .specs = specs,
        .spec_count = spec_count,
        .on_row = on_row,
        .user = user,
    };
    mvec_status status = mvec__csv_parse(ctx, name, text, length, on_record, &state);
    if (status == MVEC_OK && !state.have_header)
        status = mvec__error(ctx, MVEC_ERR_SCHEMA, "%s: empty file (no header row)", name);
    return status;
}

mvec_status mvec__table_read_embedded(mvec_ctx *ctx, const char *path,
                                      const mvec__column_spec *specs, size_t spec_count,
                                      mvec__table_row_fn on_row, void *user)
{
    const mvec__embedded_file *file = mvec__embedded_find(path);
    if (file == NULL)
        return mvec__error(ctx, MVEC_ERR_INTERNAL, "embedded table '%s' missing", path);
    char name[256];
    snprintf(name, sizeof name, "embedded:%s", path);
    mvec_status status = mvec__table_read(ctx, name, (const char *)file->data, file->length, specs,
                                          spec_count, on_row, user);
    return mvec__embedded_defect(ctx, status);
}

mvec_status mvec__embedded_defect(mvec_ctx *ctx, mvec_status status)
{
    /* Only the statuses of a malformed table: a row callback may do other work
     * (claims are evaluated as their rows are read) whose failures keep their status. */
    if (status != MVEC_ERR_PARSE && status != MVEC_ERR_SCHEMA)
        return status;
    char message[1024];
    snprintf(message, sizeof message, "%s", mvec_ctx_error_message(ctx));
    return mvec__error(ctx, MVEC_ERR_INTERNAL, "libmvec's built-in data is malformed: %s", message);
}
