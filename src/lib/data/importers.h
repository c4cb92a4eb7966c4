/*
 * importers.h - the observation importers. Each input format is one file
 * (import_<name>.c) defining one mvec__importer, and one row in the table
 * IMPORTERS of observations.c:
 *
 *   name       what docs/formats.md and messages call it
 *   format     the value mvec_observations_load_* reports
 *   signature  the header row that identifies the format (exact fields, in
 *              order); NULL for the default format, tried when no other
 *              signature matches (there is exactly one, the last row)
 *   columns    the columns bound by name (csv_table.h)
 *   row        reads the current row and adds zero or more observations
 *
 * Adding a format: write import_<name>.c, add its mvec_input_format value
 * (include/mvec/mvec_obs.h), declare it below and add the row. The store
 * side (growing the rows, interning strings, units, undoing a failed load)
 * is shared: an importer only validates fields and fills observations.
 */
#ifndef MVEC_IMPORTERS_H
#define MVEC_IMPORTERS_H

#include "csv_table.h"

/* One load in progress, handed to an importer's row function. */
typedef struct mvec__import {
    mvec_ctx *ctx;
    mvec_observations *observations;
    const mvec_countries *countries;
    const char *name;   /* the file name used in messages */
    mvec__table table;  /* the current row */
} mvec__import;

typedef struct mvec__importer {
    const char *name;
    mvec_input_format format;
    const char *const *signature;
    size_t signature_count;
    const mvec__column_spec *columns;
    size_t column_count;
    mvec_status (*row)(mvec__import *import);
} mvec__importer;

extern const mvec__importer MVEC__IMPORT_OBSERVATIONS_CSV; /* import_observations_csv.c */
extern const mvec__importer MVEC__IMPORT_BNS_TABLE;        /* import_bns_table.c */

/* The table, in the order tried (for tests and documentation). */
const mvec__importer *const *mvec__importers(size_t *count);

/* For importers (observations.c). A row is added in three steps: new_row
 * (a zeroed observation at the end of the store), filling it, add_row (it
 * counts from then on); a row not added is overwritten by the next one. */
mvec_status mvec__import_new_row(mvec__import *import, mvec_observation **out);
void mvec__import_add_row(mvec__import *import);
/* Intern `text` in the store's string pool (the observation's strings live there). */
mvec_status mvec__import_intern(mvec__import *import, const char *text, const char **out);
/* Check the unit named `unit` (data/units.csv) and set row->unit, dimension
 * and base_value from row->value; an unknown unit fails at `column`. */
mvec_status mvec__import_set_unit(mvec__import *import, mvec_observation *row, const char *unit,
                                  size_t column);

#endif
