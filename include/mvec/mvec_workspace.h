/*
 * mvec_workspace.h - the workspace: an SQLite file holding imported
 * observations with their provenance (docs/formats.md, "Workspace").
 *
 * A workspace holds files: each imported file once, by its absolute path,
 * with the importer that read it, its SHA-256, size, import time and the
 * observations read from it (each with its line and column there).
 * mvec_workspace_import reads files with an importer into a scratch store
 * first, so every check of the importer and of the observation store runs
 * before anything is written; the files of one call are then written in one
 * transaction. A call that fails (bad input, cancel, a full disk) writes
 * nothing: the file is byte for byte as it was, and a process killed during
 * the write leaves a journal that SQLite plays back on the next open,
 * restoring those bytes.
 *
 * Re-importing a file whose path, content (SHA-256) and format are unchanged
 * is a no-op; a file whose content or format changed replaces its earlier
 * observations; a file with the same content as another file already held
 * is not imported again (a warning names the other file), so no figure is
 * counted twice.
 */
#ifndef MVEC_WORKSPACE_H
#define MVEC_WORKSPACE_H

#include <stdbool.h>
#include <stddef.h>

#include "mvec_country.h"
#include "mvec_ctx.h"
#include "mvec_obs.h"

typedef struct mvec_workspace mvec_workspace;

/* One file held (fields are only appended: read it through a pointer). */
typedef struct mvec_workspace_file {
    const char *path;   /* absolute path when it was imported */
    const char *format; /* the importer that read it: "obs", "bns", ... */
    const char *sha256; /* 64 lowercase hexadecimal digits */
    long long size;     /* bytes */
    size_t rows;        /* observations held from it */
    size_t countries;   /* distinct focal countries among them */
    int first_year;     /* years covered (0 when no rows) */
    int last_year;
    const char *imported; /* UTC time of the import, YYYY-MM-DDTHH:MM:SSZ */
} mvec_workspace_file;

/* What mvec_workspace_import did with one file. */
typedef enum mvec_workspace_action {
    MVEC_WORKSPACE_ADDED = 0, /* a new path: its observations were added */
    MVEC_WORKSPACE_REPLACED,  /* a path held with other content or format: replaced */
    MVEC_WORKSPACE_UNCHANGED, /* same path, SHA-256 and format: nothing to do */
    MVEC_WORKSPACE_DUPLICATE, /* the same content is held under another path: skipped */
} mvec_workspace_action;

/* "added", "replaced", "unchanged", "duplicate". Cannot fail. */
MVEC_API const char *mvec_workspace_action_name(mvec_workspace_action action);

/* Open the workspace at `path`. When it does not exist: with `create` the
 * workspace is empty and the file is created by the first import that
 * writes (a failed import leaves no file); without, MVEC_ERR_IO. A file
 * that cannot be written is opened for reading (imports then fail with
 * MVEC_ERR_IO). Reads the list of files (linear in their number).
 * Statuses: MVEC_ERR_IO when the file cannot be opened or is not a regular
 * file; MVEC_ERR_WORKSPACE when it is not an SQLite database, is an SQLite
 * database of another program, was written by a newer mvec (a higher schema
 * version), or is corrupt; MVEC_ERR_INVALID for a NULL or empty path;
 * MVEC_ERR_NOMEM. */
MVEC_API mvec_status mvec_workspace_open(mvec_ctx *ctx, const char *path, bool create,
                                         mvec_workspace **out);
/* NULL is a no-op. */
MVEC_API void mvec_workspace_close(mvec_ctx *ctx, mvec_workspace *workspace);

/* The path given to mvec_workspace_open; whether the file exists yet.
 * Cannot fail. */
MVEC_API const char *mvec_workspace_path(const mvec_workspace *workspace);
MVEC_API bool mvec_workspace_exists(const mvec_workspace *workspace);

/* Import `count` files read as `format` (an importer's name,
 * mvec_importer_name; NULL recognises each file's format from its header as
 * mvec_observations_load_file does) in one transaction: all are written or
 * none. `countries` is the registry the importers map codes with.
 * `actions` and `rows` (each may be NULL, else `count` long) receive what was
 * done with each file and how many observations it holds. Linear in the
 * files' sizes plus the observations held from the files replaced.
 * Statuses: MVEC_ERR_INVALID for an unknown format or "-" (standard input
 * has no path to hold it by); MVEC_ERR_IO when a file cannot be read or the
 * workspace cannot be written (read-only, a full disk, locked by another
 * process); MVEC_ERR_PARSE, MVEC_ERR_SCHEMA, MVEC_ERR_LIMIT for a bad file
 * (the message starts with "file:line:column:"); MVEC_ERR_WORKSPACE when the
 * workspace turns out corrupt; MVEC_ERR_NOMEM; MVEC_ERR_CANCELLED;
 * MVEC_ERR_INTERNAL. On failure nothing is written. */
MVEC_API mvec_status mvec_workspace_import(mvec_ctx *ctx, mvec_workspace *workspace,
                                           const mvec_countries *countries, const char *format,
                                           const char *const *paths, size_t count,
                                           mvec_workspace_action *actions, size_t *rows);

/* Remove the file held under `path` (as given to mvec_workspace_import, or
 * absolute) and its observations, in one transaction; `removed` (may be
 * NULL) says whether it was held. Linear in the observations held.
 * Statuses: MVEC_ERR_INVALID for a NULL path; MVEC_ERR_IO when the
 * workspace cannot be written; MVEC_ERR_WORKSPACE when it is corrupt;
 * MVEC_ERR_NOMEM; MVEC_ERR_CANCELLED. */
MVEC_API mvec_status mvec_workspace_remove(mvec_ctx *ctx, mvec_workspace *workspace,
                                           const char *path, bool *removed);

/* The files held, in the order imported; NULL past the end. Valid until
 * the next import or remove. Cannot fail. */
MVEC_API size_t mvec_workspace_file_count(const mvec_workspace *workspace);
MVEC_API const mvec_workspace_file *mvec_workspace_file_at(const mvec_workspace *workspace,
                                                           size_t index);

/* Add the observations held to `observations`: every one, or with `country`
 * (a code or name, mvec_countries_find) only those whose focal country it is
 * (an index look-up: a Kazakhstan profile does not read a world table).
 * Each keeps the file, line and column it was read from; the rows already
 * passed every check when imported. The rows stored come grouped by
 * country, then those made from files of flows (ITPD-E), file by file, in
 * the order reading the file gives. Linear in the rows added (for every
 * country, a file of flows adds a sort of its records).
 * Statuses: MVEC_ERR_INVALID for an unknown country; MVEC_ERR_WORKSPACE
 * when the workspace is corrupt (a code or row it cannot read);
 * MVEC_ERR_IO when it cannot be read; MVEC_ERR_NOMEM; MVEC_ERR_CANCELLED.
 * On failure the store is as it was. */
MVEC_API mvec_status mvec_workspace_load(mvec_ctx *ctx, mvec_workspace *workspace,
                                         mvec_observations *observations, const char *country);

#endif
