/*
 * csv_table.h - CSV files with a header row, read by column name.
 *
 * A loader declares its columns (name, required?); the header is matched
 * against them: a missing required column, an unknown column or a repeated
 * column is an MVEC_ERR_SCHEMA error naming the file and the header field.
 * Rows must have as many fields as the header. Row callbacks read fields by
 * column index and report problems with mvec__table_fail, which prefixes
 * "file:line:column:" where column is the field's 1-based position.
 */
#ifndef MVEC_CSV_TABLE_H
#define MVEC_CSV_TABLE_H

#include "csv_reader.h"

enum { MVEC__TABLE_MAX_COLUMNS = 32 };

/* A spec of this name accepts every header field no other spec names (a
 * matrix whose columns are partners): those fields are not bound, and the
 * loader reads them by position (record->fields). While a header is being
 * bound and until the first row, table->record is the header row. */
#define MVEC__TABLE_OTHER_COLUMNS "*"

typedef struct mvec__column_spec {
    const char *name;
    bool required;
} mvec__column_spec;

typedef struct mvec__table {
    const char *name;                       /* file name for messages; borrowed */
    const mvec__column_spec *specs;
    size_t spec_count;
    int field_of[MVEC__TABLE_MAX_COLUMNS];  /* field index of each spec, -1 when absent */
    size_t width;                           /* fields in the header */
    const mvec__csv_record *record;         /* the row being read */
} mvec__table;

typedef mvec_status (*mvec__table_row_fn)(void *user, mvec__table *table);

/* Match a header record against `specs`. */
mvec_status mvec__table_bind(mvec_ctx *ctx, mvec__table *table, const char *name,
                             const mvec__column_spec *specs, size_t spec_count,
                             const mvec__csv_record *header);
/* Check a data row's width and make it current. */
mvec_status mvec__table_enter_row(mvec_ctx *ctx, mvec__table *table,
                                  const mvec__csv_record *record);
/* Field of column `spec` in the current row; "" when the column is absent.
 * Leading and trailing spaces are removed in place. */
const char *mvec__table_get(const mvec__table *table, size_t spec);
/* Record "file:line:column: <message>" for column `spec` of the current row. */
mvec_status mvec__table_fail(mvec_ctx *ctx, const mvec__table *table, size_t spec,
                             mvec_status status, const char *fmt, ...) MVEC_PRINTF(5, 6);
/* True when every column spec names a header field exactly (for recognising formats). */
bool mvec__header_is(const mvec__csv_record *header, const char *const *names, size_t count);

/* True when the header's first fields are `names`, in order (more may follow). */
bool mvec__header_starts_with(const mvec__csv_record *header, const char *const *names,
                              size_t count);

/* Read a whole text: header, then `on_row` for each data row. */
mvec_status mvec__table_read(mvec_ctx *ctx, const char *name, const char *text, size_t length,
                             const mvec__column_spec *specs, size_t spec_count,
                             mvec__table_row_fn on_row, void *user);

/* The same for a table compiled into the library (data/...); messages name
 * it "embedded:<path>". A malformed built-in table is a defect of libmvec:
 * MVEC_ERR_INTERNAL (see mvec__embedded_defect). */
mvec_status mvec__table_read_embedded(mvec_ctx *ctx, const char *path,
                                      const mvec__column_spec *specs, size_t spec_count,
                                      mvec__table_row_fn on_row, void *user);

/* Turn MVEC_ERR_PARSE or MVEC_ERR_SCHEMA from reading built-in data into
 * MVEC_ERR_INTERNAL (keeping the message, prefixed); other statuses pass. */
mvec_status mvec__embedded_defect(mvec_ctx *ctx, mvec_status status);

/* Columns of data/organisations.csv, read by the registry and by memberships. */
enum { ORG_CODE, ORG_NAME, ORG_KIND, ORG_MEMBERS_COMPLETE, ORG_URL, ORG_NOTE, ORG_COLUMN_COUNT };
extern const mvec__column_spec MVEC__ORGANISATION_COLUMNS[ORG_COLUMN_COUNT];

#endif
