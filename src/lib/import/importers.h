/*
 * importers.h - the observation importers. Each input format is one file
 * (import_<name>.c) defining one mvec__importer, and one row in the table
 * IMPORTERS of importer_table.c:
 *
 *   name       the FORMAT of `mvec import` and what messages call it ("bns")
 *   summary    one line for `mvec import --help`: what file it reads
 *   format     the value the older mvec_observations_load_* report
 *              (MVEC_INPUT_OTHER for every importer added since)
 *   signature  the header row that identifies the format (exact fields, in
 *              order) when no format is named; NULL when the format must be
 *              named. The default format (obs) has none and is tried last.
 *   columns    the columns bound by name (../data/csv_table.h)
 *   row        reads the current row and adds zero or more observations
 *   begin      optional: set up import->state before the first row
 *   finish     optional: after the last row, add the rows an aggregating
 *              importer has been summing (UNGA votes, monthly figures...)
 *   clear      optional: release import->state; always called, also after
 *              a failure or a cancel
 *   consistent true when the importer guarantees what validate.c checks:
 *              every value finite and in range as it reads it, totals it
 *              summed itself, no published shares. The load then skips
 *              validate.c (an O(n log n) sort and a pass over every row:
 *              over half the load time of ITPD-E's 1.3 million rows)
 *
 * Adding a format: write import_<name>.c, declare it below, add its row to
 * IMPORTERS and its section to docs/formats.md. The store side (growing the
 * rows, interning strings, units, the checks of validate.c, undoing a failed
 * load) is shared: an importer only validates fields and fills observations.
 * import_common.h holds what importers would otherwise copy: the provenance
 * (source, date, url, title, quality, note, file) interned once in begin and
 * stamped on each row, and a code table with its tally of codes left out
 * (mvec__coded: load in begin, report in finish, clear in clear).
 */
#ifndef MVEC_IMPORTERS_H
#define MVEC_IMPORTERS_H

#include "../data/csv_table.h"
#include "flow_records.h"

/* One load in progress, handed to an importer's functions. */
typedef struct mvec__import {
    mvec_ctx *ctx;
    mvec_observations *observations;
    const mvec_countries *countries;
    const char *name;   /* the file name used in messages */
    size_t length;      /* the file's bytes (0 when unknown): for reserving room */
    mvec__table table;  /* the current row */
    void *state;        /* the importer's own, from begin to clear */
    /* Set by mvec__observations_import_stream for a consistent importer: its
     * rows are handed to drain in chunks (from `first` on) and then dropped
     * from the store, so a large file never lives in the store whole. */
    mvec_status (*drain)(void *user, const mvec_observation *rows, size_t count);
    void *drain_user;
    size_t first; /* the store's row count when this load began */
} mvec__import;

typedef struct mvec__importer {
    const char *name;
    const char *summary;
    mvec_input_format format;
    const char *const *signature;
    size_t signature_count;
    const mvec__column_spec *columns;
    size_t column_count;
    mvec_status (*row)(mvec__import *import);
    mvec_status (*begin)(mvec__import *import);
    mvec_status (*finish)(mvec__import *import);
    void (*clear)(mvec__import *import);
    /* Rows consistent by construction (each checked alone, totals and shares
     * computed from what was read): the load skips validate.c's checks across
     * rows. Such an importer never reads back a row once added, so its rows
     * may be handed on in chunks as they come (mvec__observations_import_stream). */
    bool consistent;
    /* Files the importer may read beside the imported one (same folder, these
     * names), NULL-terminated or NULL: the workspace's fingerprint covers them. */
    const char *const *companions;
    /* Optional, for a file of flows (flow_records.h), both or neither: the rows are
     * read into flow records, not observations. take_flows hands the records
     * over after the last row, in place of finish (and sets
     * out->observations to what make_flows of every country makes);
     * make_flows makes the observations of `country` (NULL: every country)
     * from records, in the order a load of the file gives them (finish is
     * make_flows of every country). It runs between begin and clear, with no
     * row read (import->table unbound). The workspace keeps such a file as
     * its records and makes the observations when it reads them. */
    mvec_status (*take_flows)(mvec__import *import, mvec__flow_records *out);
    mvec_status (*make_flows)(mvec__import *import, const mvec__flow_records *flows,
                              const mvec_country *country);
} mvec__importer;

extern const mvec__importer MVEC__IMPORT_OBSERVATIONS_CSV; /* import_observations_csv.c */
extern const mvec__importer MVEC__IMPORT_BNS_TABLE;        /* import_bns_table.c */
extern const mvec__importer MVEC__IMPORT_SIPRI_TIV;        /* import_sipri_tiv.c */
extern const mvec__importer MVEC__IMPORT_UNCTAD_FDI;       /* import_unctad_fdi.c */
extern const mvec__importer MVEC__IMPORT_WIIW_FDI;         /* import_wiiw_fdi.c */
extern const mvec__importer MVEC__IMPORT_AIDDATA;          /* import_aiddata.c */
extern const mvec__importer MVEC__IMPORT_ITPD;             /* import_itpd.c */
extern const mvec__importer MVEC__IMPORT_UNGA;             /* import_unga.c */
extern const mvec__importer MVEC__IMPORT_EUROSTAT;         /* import_eurostat.c */
extern const mvec__importer MVEC__IMPORT_EI_GAS;           /* import_ei_gas.c */
extern const mvec__importer MVEC__IMPORT_PEW;              /* import_pew.c */
extern const mvec__importer MVEC__IMPORT_COW_IGO;          /* import_cow_igo.c */
extern const mvec__importer MVEC__IMPORT_ATOP;             /* import_atop.c */

/* The table, in the order tried (importer_table.c). */
const mvec__importer *const *mvec__importers(size_t *count);
/* The importer called `name`, or NULL. */
const mvec__importer *mvec__importer_named(const char *name);
/* The importer whose signature `header` matches, else the default (obs). */
const mvec__importer *mvec__importer_for_header(const mvec__csv_record *header);

/* For importers (observations.c). A row is added in three steps: new_row
 * (a zeroed observation at the end of the store), filling it, add_row (it
 * counts from then on); a row not added is overwritten by the next one. */
mvec_status mvec__import_new_row(mvec__import *import, mvec_observation **out);
void mvec__import_add_row(mvec__import *import);
/* Intern `text` in the store's string pool (the observation's strings live there).
 * Costs a hash look-up: an importer that writes the same text on every row
 * (source, URL, unit) interns it once, in begin, and reuses the pointer. */
mvec_status mvec__import_intern(mvec__import *import, const char *text, const char **out);
/* Check the unit named `unit` (data/units.csv) and set row->unit, dimension
 * and base_value from row->value; an unknown unit fails at `column`. */
mvec_status mvec__import_set_unit(mvec__import *import, mvec_observation *row, const char *unit,
                                  size_t column);

/* For the workspace (observations.c). intern makes the strings of `row`
 * (unit and dimension included) the store's own; add_copy appends a copy of
 * `row`, whose strings must already be the store's (or static); reserve
 * makes room for `extra` more rows at once; truncate drops the rows from
 * `count` on (a failed load undoing itself). */
mvec_status mvec__observations_intern(mvec_ctx *ctx, mvec_observations *observations,
                                      mvec_observation *row);
mvec_status mvec__observations_add_copy(mvec_ctx *ctx, mvec_observations *observations,
                                        const mvec_observation *row);
mvec_status mvec__observations_reserve(mvec_ctx *ctx, mvec_observations *observations,
                                       size_t extra);
void mvec__observations_truncate(mvec_observations *observations, size_t count);
/* Import `text` as mvec_observations_import_text does, handing every row the
 * load adds to `drain` and dropping it from `observations` again: for a
 * consistent importer in chunks of MVEC__IMPORT_CHUNK rows as they are
 * read (memory stays bounded by the chunk), otherwise all at once after the
 * checks across rows. The rows' strings stay in `observations`' pool. A
 * failed load may have drained some rows already: the caller discards what
 * it made of them. */
enum { MVEC__IMPORT_CHUNK = 4096 };
mvec_status mvec__observations_import_stream(mvec_ctx *ctx, mvec_observations *observations,
                                             const char *name, const char *text, size_t length,
                                             const char *format,
                                             mvec_status (*drain)(void *user,
                                                                  const mvec_observation *rows,
                                                                  size_t count),
                                             void *user, mvec__flow_records *flows,
                                             const char **used_format);
/* ... where `flows`, when not NULL, takes the records of an importer that
 * has take_flows (flows->taken is then true and no row is drained). */

/* Add the observations that importer `format` makes of `country` (NULL:
 * every country) from `flows`, read from the file called `name`: begin,
 * make_flows, clear. On failure the store is as it was. */
mvec_status mvec__observations_from_flows(mvec_ctx *ctx, mvec_observations *observations,
                                          const char *name, const char *format,
                                          const mvec__flow_records *flows, const mvec_country *country);

#endif
