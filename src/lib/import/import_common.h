/*
 * import_common.h - what most importers need besides reading their columns:
 * the provenance every row of a file shares, interned once, and a source's
 * code table with the tally of the codes it left out.
 */
#ifndef MVEC_IMPORT_COMMON_H
#define MVEC_IMPORT_COMMON_H

#include "code_map.h"
#include "importers.h"

/* The strings the same on every row. Interned once (begin) because each
 * intern is a hash look-up and a file has up to millions of rows. */
typedef struct mvec__provenance {
    const char *source, *source_date, *url, *title, *quality, *note;
    const char *file;  /* the import's file name */
    const char *empty; /* "" for the fields a source leaves empty */
} mvec__provenance;

/* Intern `text`'s fields into `out` (a NULL field becomes ""; file and empty
 * are set here, whatever `text` holds). */
mvec_status mvec__provenance_intern(mvec__import *import, const mvec__provenance *text,
                                    mvec__provenance *out);
/* Copy the provenance onto `row`; period, item, seed and quote become "". */
void mvec__provenance_stamp(const mvec__provenance *provenance, mvec_observation *row);

/* A source's codes (data/codes/<system>.csv) and the codes left out. */
typedef struct mvec__coded {
    mvec__code_map map;
    mvec__unmapped unmapped;
} mvec__coded;

mvec_status mvec__coded_load(mvec__import *import, const char *system, mvec__coded *coded);
/* The country the code in the current row's `column` names in `year`, or
 * NULL (counted as left out); an empty code fails at the column. */
mvec_status mvec__coded_column(mvec__import *import, mvec__coded *coded, size_t column, int year,
                               const mvec_country **out);
/* Warn once about the codes left out (mvec__unmapped_report); `what` names them. */
void mvec__coded_report(mvec__import *import, const mvec__coded *coded, const char *what);
void mvec__coded_clear(mvec_ctx *ctx, mvec__coded *coded);

/* Set template->unit, dimension and base_value (value 1: the unit's factor)
 * for an importer that copies one template onto every row it adds; uses the
 * store's next row as scratch (overwritten by the next new_row). */
mvec_status mvec__import_template_unit(mvec__import *import, mvec_observation *template,
                                       const char *unit, size_t column);

#endif
