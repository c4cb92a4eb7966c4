/*
 * workspace.c - the SQLite workspace (mvec_workspace.h; schema and
 * guarantees in docs/formats.md, "Workspace"). The only file that includes
 * sqlite3.h.
 *
 * Writing: an import reads each file with its importer into a scratch store,
 * which hands its rows on to a sink (in chunks as they are read for a
 * consistent importer, else all at once after the checks across rows); the
 * sink packs them (strings as ids) into one list per focal country and
 * writes them when the file has been read, all files of a call in one
 * transaction, with prepared statements reused for every row. The file's
 * fingerprint covers the companion files its importer reads beside it.
 * Strings go once into a dictionary table
 * (text), the columns that repeat from row to row (vector, unit, source,
 * URL, note...) once per distinct combination into `meta`, so an
 * observation row is seven integers and two reals. Rows are written grouped
 * by focal country, so a one-country load reads
 * neighbouring pages through the index on country.
 *
 * Safety: SQLite's rollback journal (journal_mode DELETE, synchronous FULL).
 * Until the commit nothing reaches the database file unless the page cache
 * overflows, and whatever does is undone from the journal; a process killed
 * at any moment leaves either the old file or the new one once the next
 * open has played the journal back.
 */
#define _XOPEN_SOURCE 700 /* realpath */
#include <errno.h>
#include <limits.h>
#include <nettle/sha2.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "../import/importers.h"

enum {
    SCHEMA_VERSION = 2,
    APPLICATION_ID = 0x6d766563, /* "mvec" */
    CANCEL_EVERY = 8192,         /* rows between cancel checks */
    BATCH = 64,                  /* rows per INSERT statement (8 parameters each) */
    FLOW_PART = 1 << 20,         /* flow records per row of table flow (24 MiB) */
    FLOW_CHUNK = 4096,           /* flow records encoded at a time (96 KiB) */
};

/* Version 2 added the records of files of flows (flows.h), a row per file
 * and country: the records that name the country, the codes they index. */
#define FLOW_SCHEMA                                                                                \
    "CREATE TABLE flow (id INTEGER PRIMARY KEY, file INTEGER NOT NULL REFERENCES file (id),"      \
    " country TEXT NOT NULL, codes TEXT NOT NULL, records BLOB NOT NULL);"                         \
    "CREATE INDEX flow_country ON flow (country);"                                                 \
    "CREATE INDEX flow_file ON flow (file);"

static const char SCHEMA[] =
    "PRAGMA page_size = 16384;"
    "BEGIN IMMEDIATE;"
    "PRAGMA application_id = 1836475747;"
    "PRAGMA user_version = 2;"
    "CREATE TABLE file (id INTEGER PRIMARY KEY, path TEXT NOT NULL UNIQUE,"
    " format TEXT NOT NULL, sha256 TEXT NOT NULL, size INTEGER NOT NULL,"
    " rows INTEGER NOT NULL, countries INTEGER NOT NULL, first_year INTEGER NOT NULL,"
    " last_year INTEGER NOT NULL, imported TEXT NOT NULL);"
    "CREATE INDEX file_sha256 ON file (sha256);"
    "CREATE TABLE text (id INTEGER PRIMARY KEY, text TEXT NOT NULL UNIQUE);"
    "CREATE TABLE meta (id INTEGER PRIMARY KEY, file INTEGER NOT NULL REFERENCES file (id),"
    " vector INTEGER NOT NULL, indicator INTEGER NOT NULL, period INTEGER NOT NULL,"
    " item INTEGER NOT NULL, unit INTEGER NOT NULL, dimension INTEGER NOT NULL,"
    " qualifier INTEGER NOT NULL, basis INTEGER NOT NULL, flags INTEGER NOT NULL,"
    " source INTEGER NOT NULL, source_date INTEGER NOT NULL, url INTEGER NOT NULL,"
    " title INTEGER NOT NULL, quality INTEGER NOT NULL, seed INTEGER NOT NULL,"
    " quote INTEGER NOT NULL, note INTEGER NOT NULL);"
    "CREATE INDEX meta_file ON meta (file);"
    "CREATE TABLE observation (id INTEGER PRIMARY KEY, country INTEGER NOT NULL,"
    " partner INTEGER NOT NULL,"
    " year INTEGER NOT NULL, value REAL NOT NULL, base_value REAL NOT NULL,"
    " meta INTEGER NOT NULL, line INTEGER NOT NULL, col INTEGER NOT NULL);"
    "CREATE TABLE span (file INTEGER NOT NULL REFERENCES file (id), country INTEGER NOT NULL,"
    " first INTEGER NOT NULL, last INTEGER NOT NULL);"
    "CREATE INDEX span_country ON span (country, first);"
    "CREATE INDEX span_file ON span (file);"
    FLOW_SCHEMA;

/* Record the SQLite failure and leave (the function's cleanup runs). */
#define DB_FAIL(ctx, workspace, rc, doing)                                                         \
    do {                                                                                           \
        status = db_error((ctx), (workspace), (rc), (doing));                                      \
        goto cleanup;                                                                              \
    } while (0)

/* ---- a hash map from a few machine words to an id ----------------------------------------- */

typedef struct word_map {
    uintptr_t *keys;   /* width words per slot */
    long long *values; /* 0 marks an empty slot (ids are >= 1) */
    size_t width;
    size_t slot_count; /* power of two */
    size_t entry_count;
} word_map;

static size_t hash_words(const uintptr_t *key, size_t width)
{
    uint64_t h = 0x9e3779b97f4a7c15u;
    for (size_t i = 0; i < width; i++) {
        h ^= (uint64_t)key[i];
        h *= 0xff51afd7ed558ccdu;
        h ^= h >> 32;
    }
    return (size_t)h;
}

static long long *word_map_slot(const word_map *map, const uintptr_t *key)
{
    size_t mask = map->slot_count - 1;
    for (size_t i = hash_words(key, map->width) & mask;; i = (i + 1) & mask) {
        if (map->values[i] == 0 ||
            memcmp(&map->keys[i * map->width], key, map->width * sizeof *key) == 0)
            return &map->values[i];
    }
}

static long long word_map_get(const word_map *map, const uintptr_t *key)
{
    return map->slot_count ? *word_map_slot(map, key) : 0;
}

static mvec_status word_map_put(mvec_ctx *ctx, word_map *map, const uintptr_t *key, long long value)
{
    mvec_status status = MVEC_OK;
    if ((map->entry_count + 1) * 2 > map->slot_count) {
        word_map bigger = {NULL, NULL, map->width, map->slot_count ? map->slot_count * 2 : 64, 0};
        MVEC_TRY(
            mvec__calloc(ctx, bigger.slot_count * bigger.width, sizeof *bigger.keys, &bigger.keys));
        status = mvec__calloc(ctx, bigger.slot_count, sizeof *bigger.values, &bigger.values);
        if (status != MVEC_OK) {
            mvec__free(ctx, bigger.keys);
            goto cleanup;
        }
        for (size_t i = 0; i < map->slot_count; i++) {
            if (map->values[i] == 0)
                continue;
            long long *slot = word_map_slot(&bigger, &map->keys[i * map->width]);
            size_t at = (size_t)(slot - bigger.values);
            memcpy(&bigger.keys[at * map->width], &map->keys[i * map->width],
                   map->width * sizeof *map->keys);
            *slot = map->values[i];
        }
        bigger.entry_count = map->entry_count;
        mvec__free(ctx, map->keys);
        mvec__free(ctx, map->values);
        *map = bigger;
    }
    long long *slot = word_map_slot(map, key);
    if (*slot == 0)
        map->entry_count++;
    memcpy(&map->keys[(size_t)(slot - map->values) * map->width], key, map->width * sizeof *key);
    *slot = value;
cleanup:
    return status;
}

static void word_map_clear(mvec_ctx *ctx, word_map *map)
{
    mvec__free(ctx, map->keys);
    mvec__free(ctx, map->values);
    map->keys = NULL;
    map->values = NULL;
    map->slot_count = map->entry_count = 0;
}

/* ---- the workspace ------------------------------------------------------------------------ */

struct mvec_workspace {
    char *path;
    sqlite3 *db; /* NULL until the file exists */
    bool empty;  /* the database holds no schema yet (a new or empty file) */
    bool read_only;
    long long version; /* the schema's (PRAGMA user_version) */
    mvec_workspace_file *files;
    size_t file_count;
    mvec__strpool strings; /* the texts of `files` */
};

const char *mvec_workspace_action_name(mvec_workspace_action action)
{
    switch (action) {
    case MVEC_WORKSPACE_ADDED:
        return "added";
    case MVEC_WORKSPACE_REPLACED:
        return "replaced";
    case MVEC_WORKSPACE_UNCHANGED:
        return "unchanged";
    case MVEC_WORKSPACE_DUPLICATE:
        return "duplicate";
    }
    return "added";
}

const char *mvec_workspace_path(const mvec_workspace *workspace)
{
    return workspace->path;
}

bool mvec_workspace_exists(const mvec_workspace *workspace)
{
    return workspace->db != NULL;
}

size_t mvec_workspace_file_count(const mvec_workspace *workspace)
{
    return workspace->file_count;
}

const mvec_workspace_file *mvec_workspace_file_at(const mvec_workspace *workspace, size_t index)
{
    return index < workspace->file_count ? &workspace->files[index] : NULL;
}

/* The status and message for an SQLite failure `code` while `doing`. */
static mvec_status db_error(mvec_ctx *ctx, mvec_workspace *workspace, int code, const char *doing)
{
    const char *detail = workspace->db ? sqlite3_errmsg(workspace->db) : sqlite3_errstr(code);
    switch (code & 0xff) {
    case SQLITE_NOMEM:
        return mvec__error(ctx, MVEC_ERR_NOMEM, "out of memory (SQLite, %s)", doing);
    case SQLITE_NOTADB:
        return mvec__error(ctx, MVEC_ERR_WORKSPACE,
                           "%s: not an mvec workspace: not an SQLite database", workspace->path);
    case SQLITE_CORRUPT:
        return mvec__error(ctx, MVEC_ERR_WORKSPACE,
                           "%s: the workspace is corrupt (SQLite, %s: %s); import its files "
                           "again into a new workspace",
                           workspace->path, doing, detail);
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_CANTOPEN:
        return mvec__error(ctx, MVEC_ERR_IO,
                           "%s: cannot write the workspace (%s): it or its directory is "
                           "read-only (the journal is written beside it)",
                           workspace->path, detail);
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return mvec__error(ctx, MVEC_ERR_IO, "%s: the workspace is locked by another process (%s)",
                           workspace->path, detail);
    case SQLITE_FULL:
        return mvec__error(ctx, MVEC_ERR_IO, "%s: the disk is full (%s)", workspace->path, doing);
    default:
        return mvec__error(ctx, MVEC_ERR_IO, "%s: %s: %s", workspace->path, doing, detail);
    }
}

static mvec_status exec(mvec_ctx *ctx, mvec_workspace *workspace, const char *sql,
                        const char *doing)
{
    int rc = sqlite3_exec(workspace->db, sql, NULL, NULL, NULL);
    return rc == SQLITE_OK ? MVEC_OK : db_error(ctx, workspace, rc, doing);
}

static mvec_status prepare(mvec_ctx *ctx, mvec_workspace *workspace, const char *sql,
                           sqlite3_stmt **out)
{
    int rc = sqlite3_prepare_v3(workspace->db, sql, -1, SQLITE_PREPARE_PERSISTENT, out, NULL);
    return rc == SQLITE_OK ? MVEC_OK : db_error(ctx, workspace, rc, "reading its schema");
}

static const char *column_text(sqlite3_stmt *statement, int column)
{
    const unsigned char *text = sqlite3_column_text(statement, column);
    return text ? (const char *)text : "";
}

/* Read the table of files into workspace->files. */
static mvec_status read_files(mvec_ctx *ctx, mvec_workspace *workspace)
{
    mvec_status status = MVEC_OK;
    sqlite3_stmt *statement = NULL;
    mvec__free(ctx, workspace->files);
    workspace->files = NULL;
    workspace->file_count = 0;
    mvec__strpool_clear(ctx, &workspace->strings);
    if (workspace->db == NULL || workspace->empty)
        return MVEC_OK;
    size_t capacity = 0;
    MVEC_TRY(prepare(ctx, workspace,
                     "SELECT path, format, sha256, size, rows, countries, first_year, "
                     "last_year, imported FROM file ORDER BY id",
                     &statement));
    int rc;
    while ((rc = sqlite3_step(statement)) == SQLITE_ROW) {
        MVEC_TRY(mvec__grow(ctx, &workspace->files, &capacity, workspace->file_count + 1,
                            sizeof *workspace->files));
        mvec_workspace_file *file = &workspace->files[workspace->file_count];
        memset(file, 0, sizeof *file);
        MVEC_TRY(
            mvec__strpool_intern(ctx, &workspace->strings, column_text(statement, 0), &file->path));
        MVEC_TRY(mvec__strpool_intern(ctx, &workspace->strings, column_text(statement, 1),
                                      &file->format));
        MVEC_TRY(mvec__strpool_intern(ctx, &workspace->strings, column_text(statement, 2),
                                      &file->sha256));
        file->size = sqlite3_column_int64(statement, 3);
        file->rows = (size_t)sqlite3_column_int64(statement, 4);
        file->countries = (size_t)sqlite3_column_int64(statement, 5);
        file->first_year = sqlite3_column_int(statement, 6);
        file->last_year = sqlite3_column_int(statement, 7);
        MVEC_TRY(mvec__strpool_intern(ctx, &workspace->strings, column_text(statement, 8),
                                      &file->imported));
        workspace->file_count++;
    }
    if (rc != SQLITE_DONE)
        status = db_error(ctx, workspace, rc, "reading the list of files");
cleanup:
    sqlite3_finalize(statement);
    return status;
}

/* A value of the header, read by a PRAGMA. */
static mvec_status pragma_int(mvec_ctx *ctx, mvec_workspace *workspace, const char *sql,
                              long long *out)
{
    sqlite3_stmt *statement = NULL;
    int rc = sqlite3_prepare_v2(workspace->db, sql, -1, &statement, NULL);
    if (rc == SQLITE_OK) {
        rc = sqlite3_step(statement);
        if (rc == SQLITE_ROW) {
            *out = sqlite3_column_int64(statement, 0);
            rc = SQLITE_OK;
        }
    }
    sqlite3_finalize(statement);
    return rc == SQLITE_OK ? MVEC_OK : db_error(ctx, workspace, rc, "reading its header");
}

/* Check that the open database is an mvec workspace this version reads. */
static mvec_status check_header(mvec_ctx *ctx, mvec_workspace *workspace)
{
    mvec_status status = MVEC_OK;
    long long application = 0, version = 0, objects = 0;
    MVEC_TRY(pragma_int(ctx, workspace, "PRAGMA application_id", &application));
    MVEC_TRY(pragma_int(ctx, workspace, "PRAGMA user_version", &version));
    MVEC_TRY(pragma_int(ctx, workspace, "SELECT count(*) FROM sqlite_schema", &objects));
    if (application == 0 && version == 0 && objects == 0) {
        workspace->empty = true; /* an empty database: the first import writes the schema */
        return MVEC_OK;
    }
    if (application != APPLICATION_ID)
        MVEC_FAIL(ctx, MVEC_ERR_WORKSPACE,
                  "%s: not an mvec workspace: an SQLite database of another program "
                  "(application id %lld)",
                  workspace->path, application);
    if (version > SCHEMA_VERSION)
        MVEC_FAIL(ctx, MVEC_ERR_WORKSPACE,
                  "%s: workspace written by a newer mvec (schema version %lld; this mvec "
                  "reads version %d): upgrade mvec",
                  workspace->path, version, SCHEMA_VERSION);
    if (version < 1)
        MVEC_FAIL(ctx, MVEC_ERR_WORKSPACE, "%s: the workspace is corrupt (schema version %lld)",
                  workspace->path, version);
    workspace->version = version;
cleanup:
    return status;
}

static mvec_status open_db(mvec_ctx *ctx, mvec_workspace *workspace, int flags)
{
    /* One connection per workspace, used by one thread at a time (mvec_ctx.h): no mutexes. */
    int rc = sqlite3_open_v2(workspace->path, &workspace->db, flags | SQLITE_OPEN_NOMUTEX, NULL);
    if (rc != SQLITE_OK) {
        mvec_status status = db_error(ctx, workspace, rc, "opening it");
        sqlite3_close(workspace->db);
        workspace->db = NULL;
        return status;
    }
    sqlite3_extended_result_codes(workspace->db, 1);
    sqlite3_busy_timeout(workspace->db, 5000);
    /* A page cache of up to 256 MiB (allocated as used): an import of a
     * million rows stays in memory until the commit. */
    return exec(ctx, workspace,
                "PRAGMA cache_size = -262144; PRAGMA temp_store = MEMORY;"
                "PRAGMA synchronous = FULL; PRAGMA foreign_keys = OFF;",
                "setting it up");
}

mvec_status mvec_workspace_open(mvec_ctx *ctx, const char *path, bool create, mvec_workspace **out)
{
    mvec_status status = MVEC_OK;
    mvec_workspace *workspace = NULL;
    if (path == NULL || path[0] == '\0')
        return mvec__error(ctx, MVEC_ERR_INVALID, "no workspace path given");
    MVEC_TRY(mvec__calloc(ctx, 1, sizeof *workspace, &workspace));
    MVEC_TRY(mvec__strdup(ctx, path, &workspace->path));
    struct stat info;
    if (stat(path, &info) != 0) {
        if (errno == ENOENT && create) {
            workspace->empty = true;
            *out = workspace;
            return MVEC_OK;
        }
        MVEC_FAIL(ctx, MVEC_ERR_IO, "%s: cannot open the workspace: %s", path,
                  errno == ENOENT ? "no such file (an import creates it)" : strerror(errno));
    }
    if (!S_ISREG(info.st_mode))
        MVEC_FAIL(ctx, MVEC_ERR_IO, "%s: cannot open the workspace: not a regular file", path);
    if (access(path, R_OK) != 0)
        MVEC_FAIL(ctx, MVEC_ERR_IO, "%s: cannot open the workspace: %s", path, strerror(errno));
    workspace->read_only = access(path, W_OK) != 0;
    MVEC_TRY(open_db(ctx, workspace,
                     workspace->read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE));
    MVEC_TRY(check_header(ctx, workspace));
    MVEC_TRY(read_files(ctx, workspace));
    *out = workspace;
    workspace = NULL;
cleanup:
    mvec_workspace_close(ctx, workspace);
    return status;
}

void mvec_workspace_close(mvec_ctx *ctx, mvec_workspace *workspace)
{
    if (workspace == NULL)
        return;
    sqlite3_close(workspace->db);
    mvec__free(ctx, workspace->files);
    mvec__strpool_clear(ctx, &workspace->strings);
    mvec__free(ctx, workspace->path);
    mvec__free(ctx, workspace);
}

/* ---- import ------------------------------------------------------------------------------- */

/* One import call: its transaction and statements. */
typedef struct writer {
    mvec_ctx *ctx;
    mvec_workspace *workspace;
    bool created; /* this call created the file: removed again on failure */
    bool in_transaction;
    long long version_before; /* the schema version before this call's upgrade */
    sqlite3_stmt *find_path;
    sqlite3_stmt *find_sha;
    sqlite3_stmt *find_text;
    sqlite3_stmt *add_text;
    sqlite3_stmt *add_file;
    sqlite3_stmt *add_meta;
    sqlite3_stmt *add_row;
    sqlite3_stmt *add_rows; /* BATCH rows at once */
    sqlite3_stmt *set_counts;
    sqlite3_stmt *set_format;
    sqlite3_stmt *add_span;
    sqlite3_stmt *max_id;
    word_map texts; /* string pointer -> text id */
    word_map metas; /* meta tuple -> meta id (per file) */
} writer;

static mvec_status step_done(writer *w, sqlite3_stmt *statement, const char *doing)
{
    int rc = sqlite3_step(statement);
    sqlite3_reset(statement);
    return rc == SQLITE_DONE ? MVEC_OK : db_error(w->ctx, w->workspace, rc, doing);
}

/* Start the transaction, creating the file and its schema when needed. */
static mvec_status begin_writing(writer *w)
{
    mvec_status status = MVEC_OK;
    mvec_workspace *workspace = w->workspace;
    if (w->in_transaction)
        return MVEC_OK;
    if (workspace->read_only)
        return mvec__error(w->ctx, MVEC_ERR_IO,
                           "%s: cannot write the workspace: it is read-only (%s)", workspace->path,
                           strerror(EACCES));
    if (workspace->db == NULL) {
        MVEC_TRY(open_db(w->ctx, workspace,
                         SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_EXRESCODE));
        w->created = true;
    }
    if (workspace->empty) {
        MVEC_TRY(exec(w->ctx, workspace, SCHEMA, "creating it"));
    } else {
        MVEC_TRY(exec(w->ctx, workspace, "BEGIN IMMEDIATE", "starting to write"));
        if (workspace->version < 2) /* upgraded in the same transaction as the writes */
            MVEC_TRY(exec(w->ctx, workspace, FLOW_SCHEMA "PRAGMA user_version = 2;",
                          "upgrading it to schema version 2"));
    }
    w->version_before = workspace->version;
    workspace->version = SCHEMA_VERSION;
    w->in_transaction = true;
    struct {
        sqlite3_stmt **statement;
        const char *sql;
    } statements[] = {
        {&w->find_text, "SELECT id FROM text WHERE text = ?"},
        {&w->add_text, "INSERT INTO text (text) VALUES (?)"},
        {&w->add_file, "INSERT INTO file (path, format, sha256, size, rows, countries, "
                       "first_year, last_year, imported) VALUES (?, ?, ?, ?, 0, 0, 0, 0, ?)"},
        {&w->add_meta, "INSERT INTO meta (file, vector, indicator, period, item, unit, "
                       "dimension, qualifier, basis, flags, source, source_date, url, title, "
                       "quality, seed, quote, note) VALUES "
                       "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"},
        {&w->add_row, "INSERT INTO observation (country, partner, year, value, base_value, "
                      "meta, line, col) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"},
        {&w->set_counts, "UPDATE file SET rows = ?, countries = ?, first_year = ?, "
                         "last_year = ? WHERE id = ?"},
        {&w->set_format, "UPDATE file SET format = ? WHERE id = ?"},
        {&w->add_span, "INSERT INTO span (file, country, first, last) VALUES (?, ?, ?, ?)"},
        {&w->max_id, "SELECT coalesce(max(id), 0) FROM observation"},
    };
    for (size_t i = 0; i < sizeof statements / sizeof *statements; i++)
        MVEC_TRY(prepare(w->ctx, workspace, statements[i].sql, statements[i].statement));
    char sql[BATCH * 20 + 200];
    size_t length = (size_t)snprintf(sql, sizeof sql,
                                     "INSERT INTO observation (country, "
                                     "partner, year, value, base_value, meta, line, col) VALUES ");
    for (size_t i = 0; i < BATCH; i++)
        length += (size_t)snprintf(sql + length, sizeof sql - length, "%s(?,?,?,?,?,?,?,?)",
                                   i ? "," : "");
    MVEC_TRY(prepare(w->ctx, workspace, sql, &w->add_rows));
cleanup:
    return status;
}

static void writer_finish(writer *w, bool commit, mvec_status *status)
{
    sqlite3_stmt *all[] = {w->find_path,  w->find_sha,   w->find_text, w->add_text,
                           w->add_file,   w->add_meta,   w->add_row,   w->add_rows,
                           w->set_counts, w->set_format, w->add_span,  w->max_id};
    for (size_t i = 0; i < sizeof all / sizeof *all; i++)
        sqlite3_finalize(all[i]);
    word_map_clear(w->ctx, &w->texts);
    word_map_clear(w->ctx, &w->metas);
    mvec_workspace *workspace = w->workspace;
    if (w->in_transaction) {
        if (commit && *status == MVEC_OK) {
            int rc = sqlite3_exec(workspace->db, "COMMIT", NULL, NULL, NULL);
            if (rc != SQLITE_OK)
                *status = db_error(w->ctx, workspace, rc, "committing");
        }
        if (!sqlite3_get_autocommit(workspace->db))
            sqlite3_exec(workspace->db, "ROLLBACK", NULL, NULL, NULL);
    }
    if (*status == MVEC_OK) {
        if (w->in_transaction)
            workspace->empty = false;
        return;
    }
    if (w->in_transaction)
        workspace->version = w->version_before;
    if (w->created) {
        /* The file did not exist before this call: leave none. */
        sqlite3_close(workspace->db);
        workspace->db = NULL;
        workspace->empty = true;
        char journal[PATH_MAX + 16];
        snprintf(journal, sizeof journal, "%s-journal", workspace->path);
        unlink(workspace->path);
        unlink(journal);
    }
}

/* The id of the text `text` (interned by pointer). */
static mvec_status text_id(writer *w, const char *text, long long *out)
{
    mvec_status status = MVEC_OK;
    if (text == NULL)
        text = "";
    uintptr_t key = (uintptr_t)text;
    long long id = word_map_get(&w->texts, &key);
    if (id != 0) {
        *out = id;
        return MVEC_OK;
    }
    sqlite3_bind_text(w->find_text, 1, text, -1, SQLITE_STATIC);
    int rc = sqlite3_step(w->find_text);
    if (rc == SQLITE_ROW)
        id = sqlite3_column_int64(w->find_text, 0);
    sqlite3_reset(w->find_text);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return db_error(w->ctx, w->workspace, rc, "reading its texts");
    if (id == 0) {
        sqlite3_bind_text(w->add_text, 1, text, -1, SQLITE_STATIC);
        MVEC_TRY(step_done(w, w->add_text, "adding a text"));
        id = sqlite3_last_insert_rowid(w->workspace->db);
    }
    MVEC_TRY(word_map_put(w->ctx, &w->texts, &key, id));
    *out = id;
cleanup:
    return status;
}

enum { META_WIDTH = 17, RECENT_METAS = 4, PARTNER_CACHE = 256 };

static void meta_key(const mvec_observation *o, uintptr_t key[META_WIDTH])
{
    key[0] = (uintptr_t)o->vector;
    key[1] = (uintptr_t)o->indicator;
    key[2] = (uintptr_t)o->period;
    key[3] = (uintptr_t)o->item;
    key[4] = (uintptr_t)o->unit;
    key[5] = (uintptr_t)o->dimension;
    key[6] = (uintptr_t)o->qualifier;
    key[7] = (uintptr_t)o->basis;
    key[8] = (uintptr_t)(o->top_list | o->superseded << 1);
    key[9] = (uintptr_t)o->source;
    key[10] = (uintptr_t)o->source_date;
    key[11] = (uintptr_t)o->url;
    key[12] = (uintptr_t)o->title;
    key[13] = (uintptr_t)o->quality;
    key[14] = (uintptr_t)o->seed;
    key[15] = (uintptr_t)o->quote;
    key[16] = (uintptr_t)o->note;
}

/* The meta id of observation `o` of file `file_id`, added when new. */
static mvec_status meta_id(writer *w, long long file_id, const mvec_observation *o, long long *out)
{
    mvec_status status = MVEC_OK;
    uintptr_t key[META_WIDTH];
    meta_key(o, key);
    long long id = word_map_get(&w->metas, key);
    if (id != 0) {
        *out = id;
        return MVEC_OK;
    }
    const char *texts[] = {o->vector, o->indicator, o->period, o->item, o->unit, o->dimension};
    const char *more[] = {o->source,  o->source_date, o->url,   o->title,
                          o->quality, o->seed,        o->quote, o->note};
    sqlite3_stmt *s = w->add_meta;
    sqlite3_bind_int64(s, 1, file_id);
    int column = 2;
    for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) {
        long long t = 0;
        MVEC_TRY(text_id(w, texts[i], &t));
        sqlite3_bind_int64(s, column++, t);
    }
    sqlite3_bind_int(s, column++, (int)o->qualifier);
    sqlite3_bind_int(s, column++, (int)o->basis);
    sqlite3_bind_int(s, column++, (o->top_list ? 1 : 0) | (o->superseded ? 2 : 0));
    for (size_t i = 0; i < sizeof more / sizeof *more; i++) {
        long long t = 0;
        MVEC_TRY(text_id(w, more[i], &t));
        sqlite3_bind_int64(s, column++, t);
    }
    MVEC_TRY(step_done(w, s, "adding a row"));
    id = sqlite3_last_insert_rowid(w->workspace->db);
    MVEC_TRY(word_map_put(w->ctx, &w->metas, key, id));
    *out = id;
cleanup:
    return status;
}

/* A row as the observation table holds it, its strings replaced by ids:
 * 40 bytes instead of the store's 192 (ids beyond 32 bits fail with
 * MVEC_ERR_LIMIT, far beyond any workspace SQLite holds in practice). */
typedef struct packed_row {
    long long line;
    double value;
    double base_value;
    uint32_t partner; /* text id */
    uint32_t meta;
    int year;
    int column;
} packed_row;

/* Rows of one focal country, in the order read: a list of blocks, so the
 * rows once packed never move (growing one array per country cost a copy of
 * it at each doubling). */
enum { BLOCK_ROWS = 512 }; /* 20 KiB a block */
typedef struct block {
    struct block *next;
    size_t count;
    packed_row rows[BLOCK_ROWS];
} block;

typedef struct bucket {
    long long country; /* its text id */
    block *first, *last;
    size_t count;
} bucket;

/* The rows of one file on their way into the workspace: packed as the
 * importer hands them on (sink_drain, in chunks for a consistent importer)
 * into one bucket per focal country, written when the whole file has been
 * read and checked (sink_write), bucket after bucket, so a country's rows of
 * the file get one range of ids (its span) without a sort. */
typedef struct sink {
    writer *w;
    long long file_id;
    size_t count;
    word_map countries; /* country pointer -> 1 + index in buckets */
    bucket *buckets;
    size_t bucket_count, bucket_capacity;
    int first_year, last_year;
    /* The metas met last (an importer alternates a few, e.g. ITPD-E's exports
     * and imports rows), tried before the hash map. */
    struct {
        uintptr_t key[META_WIDTH];
        long long id;
    } recent[RECENT_METAS];
    size_t recent_next;
    /* Partner -> text id, direct-mapped, tried before the hash map. */
    struct {
        const mvec_country *country;
        long long id;
    } partners[PARTNER_CACHE];
} sink;

/* The meta id of `o`: one of the few met last, else a hash look-up. */
static mvec_status sink_meta(sink *k, const mvec_observation *o, long long *out)
{
    mvec_status status = MVEC_OK;
    uintptr_t key[META_WIDTH];
    meta_key(o, key);
    for (size_t i = 0; i < RECENT_METAS; i++) {
        if (k->recent[i].id != 0 && memcmp(k->recent[i].key, key, sizeof key) == 0) {
            *out = k->recent[i].id;
            return MVEC_OK;
        }
    }
    MVEC_TRY(meta_id(k->w, k->file_id, o, out));
    memcpy(k->recent[k->recent_next].key, key, sizeof key);
    k->recent[k->recent_next].id = *out;
    k->recent_next = (k->recent_next + 1) % RECENT_METAS;
cleanup:
    return status;
}

/* The text id of partner `country`. */
static mvec_status sink_partner(sink *k, const mvec_country *country, long long *out)
{
    mvec_status status = MVEC_OK;
    size_t slot =
        (size_t)(((uint64_t)(uintptr_t)country * 0x9e3779b97f4a7c15u) >> 32) % PARTNER_CACHE;
    if (k->partners[slot].country == country) {
        *out = k->partners[slot].id;
        return MVEC_OK;
    }
    MVEC_TRY(text_id(k->w, country->code, out));
    k->partners[slot].country = country;
    k->partners[slot].id = *out;
cleanup:
    return status;
}

/* Pack `count` rows handed on by the importer (their memory is reused after). */
static mvec_status sink_drain(void *user, const mvec_observation *rows, size_t count)
{
    sink *k = user;
    writer *w = k->w;
    mvec_ctx *ctx = w->ctx;
    mvec_status status = MVEC_OK;
    MVEC_TRY(mvec__check_cancel(ctx));
    const mvec_country *previous_country = NULL;
    bucket *into = NULL;
    for (size_t i = 0; i < count; i++) {
        const mvec_observation *o = &rows[i];
        if (o->country != previous_country) {
            uintptr_t key = (uintptr_t)o->country;
            long long known = word_map_get(&k->countries, &key);
            if (known == 0) {
                MVEC_TRY(mvec__grow(ctx, &k->buckets, &k->bucket_capacity, k->bucket_count + 1,
                                    sizeof *k->buckets));
                bucket *fresh = &k->buckets[k->bucket_count];
                memset(fresh, 0, sizeof *fresh);
                MVEC_TRY(text_id(w, o->country->code, &fresh->country));
                known = (long long)++k->bucket_count;
                MVEC_TRY(word_map_put(ctx, &k->countries, &key, known));
            }
            previous_country = o->country;
            into = &k->buckets[known - 1];
        }
        if (into->last == NULL || into->last->count == BLOCK_ROWS) {
            block *fresh = NULL;
            MVEC_TRY(mvec__alloc(ctx, sizeof *fresh, &fresh));
            fresh->next = NULL;
            fresh->count = 0;
            if (into->last != NULL)
                into->last->next = fresh;
            else
                into->first = fresh;
            into->last = fresh;
        }
        packed_row *p = &into->last->rows[into->last->count++];
        long long partner = 0, meta = 0;
        MVEC_TRY(sink_partner(k, o->partner, &partner));
        MVEC_TRY(sink_meta(k, o, &meta));
        if (partner > UINT32_MAX || meta > UINT32_MAX)
            MVEC_FAIL(ctx, MVEC_ERR_LIMIT, "%s: too many distinct texts in the workspace",
                      w->workspace->path);
        p->partner = (uint32_t)partner;
        p->meta = (uint32_t)meta;
        p->value = o->value;
        p->base_value = o->base_value;
        p->line = (long long)o->line;
        p->year = o->year;
        p->column = (int)o->column;
        if (k->first_year == 0 || o->year < k->first_year)
            k->first_year = o->year;
        if (o->year > k->last_year)
            k->last_year = o->year;
        into->count++;
        k->count++;
    }
cleanup:
    return status;
}

/* Write the packed rows as file k->file_id, a country's after another, and
 * set the file's counts. */
static mvec_status sink_write(sink *k, size_t *rows_out)
{
    mvec_status status = MVEC_OK;
    writer *w = k->w;
    mvec_ctx *ctx = w->ctx;
    size_t n = k->count;
    long long base = 0;
    int rc = sqlite3_step(w->max_id);
    if (rc == SQLITE_ROW)
        base = sqlite3_column_int64(w->max_id, 0);
    sqlite3_reset(w->max_id);
    if (rc != SQLITE_ROW)
        DB_FAIL(ctx, w->workspace, rc, "reading its rows");
    /* The rows, BATCH to a statement. Each gets id base + 1, base + 2, ... (SQLite gives a
     * new row the largest id plus one), checked below: a country's rows of this file are
     * the ids of its span. */
    size_t full = n - n % BATCH;
    size_t j = 0;
    for (size_t c = 0; c < k->bucket_count; c++) {
        const bucket *b = &k->buckets[c];
        for (const block *at = b->first; at != NULL; at = at->next)
            for (size_t i = 0; i < at->count; i++, j++) {
                if (j % CANCEL_EVERY == 0)
                    MVEC_TRY(mvec__check_cancel(ctx));
                const packed_row *p = &at->rows[i];
                sqlite3_stmt *s = j < full ? w->add_rows : w->add_row;
                int q = j < full ? (int)(j % BATCH) * 8 : 0;
                sqlite3_bind_int64(s, q + 1, b->country);
                sqlite3_bind_int64(s, q + 2, p->partner);
                sqlite3_bind_int(s, q + 3, p->year);
                sqlite3_bind_double(s, q + 4, p->value);
                sqlite3_bind_double(s, q + 5, p->base_value);
                sqlite3_bind_int64(s, q + 6, p->meta);
                sqlite3_bind_int64(s, q + 7, p->line);
                sqlite3_bind_int64(s, q + 8, p->column);
                if (j >= full || j % BATCH == BATCH - 1) {
                    rc = sqlite3_step(s);
                    sqlite3_reset(s);
                    if (rc != SQLITE_DONE)
                        DB_FAIL(ctx, w->workspace, rc, "adding a row");
                }
            }
    }
    if (n > 0 && sqlite3_last_insert_rowid(w->workspace->db) != base + (long long)n)
        MVEC_FAIL(ctx, MVEC_ERR_INTERNAL, "%s: rows were not numbered in sequence",
                  w->workspace->path);
    long long first = base + 1;
    for (size_t c = 0; c < k->bucket_count; c++) {
        const bucket *b = &k->buckets[c];
        sqlite3_bind_int64(w->add_span, 1, k->file_id);
        sqlite3_bind_int64(w->add_span, 2, b->country);
        sqlite3_bind_int64(w->add_span, 3, first);
        sqlite3_bind_int64(w->add_span, 4, first + (long long)b->count - 1);
        MVEC_TRY(step_done(w, w->add_span, "adding a row"));
        first += (long long)b->count;
    }
    sqlite3_bind_int64(w->set_counts, 1, (sqlite3_int64)n);
    sqlite3_bind_int64(w->set_counts, 2, (sqlite3_int64)k->bucket_count);
    sqlite3_bind_int(w->set_counts, 3, k->first_year);
    sqlite3_bind_int(w->set_counts, 4, k->last_year);
    sqlite3_bind_int64(w->set_counts, 5, k->file_id);
    MVEC_TRY(step_done(w, w->set_counts, "counting the rows"));
    *rows_out = n;
cleanup:
    return status;
}

static void sink_clear(mvec_ctx *ctx, sink *k)
{
    word_map_clear(ctx, &k->countries);
    for (size_t c = 0; c < k->bucket_count; c++) {
        for (block *at = k->buckets[c].first, *next; at != NULL; at = next) {
            next = at->next;
            mvec__free(ctx, at);
        }
    }
    mvec__free(ctx, k->buckets);
}

static mvec_status on_header(void *user, const mvec__csv_record *record)
{
    *(const mvec__importer **)user = mvec__importer_for_header(record);
    return MVEC_OK;
}

/* The importer a load of `text` will use when none is named: the one its
 * header row matches (as observations.c decides), NULL when the header
 * cannot be read here (the load then fails on it). */
static const mvec__importer *recognise(mvec_ctx *ctx, const char *path, const char *text,
                                       size_t length)
{
    size_t line = 0;
    bool quoted = false;
    while (line < length && (quoted || text[line] != '\n'))
        quoted ^= text[line++] == '"';
    if (line < length)
        line++; /* the header's newline */
    const mvec__importer *found = NULL;
    if (mvec__csv_parse(ctx, path, text, line, on_header, &found) != MVEC_OK)
        return NULL;
    return found;
}

/* The fingerprint of an import: SHA-256 over the file's bytes followed by
 * the bytes of each companion of `importer` present beside it (docs/formats.md,
 * "Workspace"), as 64 hex digits. */
static mvec_status fingerprint(mvec_ctx *ctx, const mvec__importer *importer, const char *path,
                               const char *text, size_t length, char out[65])
{
    mvec_status status = MVEC_OK;
    struct sha256_ctx hash;
    uint8_t digest[SHA256_DIGEST_SIZE];
    char *companion = NULL;
    sha256_init(&hash);
    sha256_update(&hash, length, (const uint8_t *)text);
    for (size_t i = 0;
         importer != NULL && importer->companions != NULL && importer->companions[i] != NULL; i++) {
        char beside[PATH_MAX];
        const char *slash = strrchr(path, '/');
        int written = slash == NULL ? snprintf(beside, sizeof beside, "%s", importer->companions[i])
                                    : snprintf(beside, sizeof beside, "%.*s/%s",
                                               (int)(slash - path), path, importer->companions[i]);
        if (written < 0 || (size_t)written >= sizeof beside)
            MVEC_FAIL(ctx, MVEC_ERR_LIMIT, "%s: path too long", path);
        struct stat info;
        if (stat(beside, &info) != 0 && errno == ENOENT)
            continue; /* absent: the importer says whether it needs it */
        size_t companion_length = 0;
        MVEC_TRY(mvec__file_read(ctx, beside, &companion, &companion_length));
        sha256_update(&hash, companion_length, (const uint8_t *)companion);
        mvec__free(ctx, companion);
        companion = NULL;
    }
    sha256_digest(&hash, sizeof digest, digest);
    for (size_t i = 0; i < sizeof digest; i++)
        snprintf(out + 2 * i, 3, "%02x", digest[i]);
cleanup:
    mvec__free(ctx, companion);
    return status;
}

static void utc_now(char out[32])
{
    time_t now = time(NULL);
    struct tm tm;
    if (gmtime_r(&now, &tm) == NULL || strftime(out, 32, "%Y-%m-%dT%H:%M:%SZ", &tm) == 0)
        snprintf(out, 32, "1970-01-01T00:00:00Z");
}

/* What the workspace holds under `path`: its file id (0 when none), content and format. */
static mvec_status find_file(writer *w, const char *path, long long *id, char sha[65],
                             char format[64], size_t *rows)
{
    *id = 0;
    sha[0] = format[0] = '\0';
    *rows = 0;
    if (w->workspace->db == NULL || w->workspace->empty)
        return MVEC_OK;
    if (w->find_path == NULL) {
        mvec_status status =
            prepare(w->ctx, w->workspace,
                    "SELECT id, sha256, format, rows FROM file WHERE path = ?", &w->find_path);
        if (status != MVEC_OK)
            return status;
    }
    sqlite3_bind_text(w->find_path, 1, path, -1, SQLITE_STATIC);
    int rc = sqlite3_step(w->find_path);
    if (rc == SQLITE_ROW) {
        *id = sqlite3_column_int64(w->find_path, 0);
        snprintf(sha, 65, "%s", column_text(w->find_path, 1));
        snprintf(format, 64, "%s", column_text(w->find_path, 2));
        *rows = (size_t)sqlite3_column_int64(w->find_path, 3);
    }
    sqlite3_reset(w->find_path);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return db_error(w->ctx, w->workspace, rc, "reading the list of files");
    return MVEC_OK;
}

/* The path of another file with content `sha`, into `other` ("" when none). */
static mvec_status find_same_content(writer *w, const char *sha, const char *path, char *other,
                                     size_t size)
{
    other[0] = '\0';
    if (w->workspace->db == NULL || w->workspace->empty)
        return MVEC_OK;
    if (w->find_sha == NULL) {
        mvec_status status = prepare(w->ctx, w->workspace,
                                     "SELECT path FROM file WHERE sha256 = ? AND path <> ? "
                                     "ORDER BY id LIMIT 1",
                                     &w->find_sha);
        if (status != MVEC_OK)
            return status;
    }
    sqlite3_bind_text(w->find_sha, 1, sha, -1, SQLITE_STATIC);
    sqlite3_bind_text(w->find_sha, 2, path, -1, SQLITE_STATIC);
    int rc = sqlite3_step(w->find_sha);
    if (rc == SQLITE_ROW)
        snprintf(other, size, "%s", column_text(w->find_sha, 0));
    sqlite3_reset(w->find_sha);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return db_error(w->ctx, w->workspace, rc, "reading the list of files");
    return MVEC_OK;
}

/* Remove file `id`: its rows (a range of ids per country), spans, metas and its row. */
static mvec_status delete_file(writer *w, long long id)
{
    mvec_status status = MVEC_OK;
    sqlite3_stmt *spans = NULL, *range = NULL;
    sqlite3_stmt *statements[4] = {NULL, NULL, NULL, NULL};
    const char *sql[4] = {"DELETE FROM span WHERE file = ?1", "DELETE FROM meta WHERE file = ?1",
                          "DELETE FROM flow WHERE file = ?1", "DELETE FROM file WHERE id = ?1"};
    MVEC_TRY(prepare(w->ctx, w->workspace, "SELECT first, last FROM span WHERE file = ?", &spans));
    MVEC_TRY(
        prepare(w->ctx, w->workspace, "DELETE FROM observation WHERE id BETWEEN ? AND ?", &range));
    sqlite3_bind_int64(spans, 1, id);
    int rc;
    while ((rc = sqlite3_step(spans)) == SQLITE_ROW) {
        MVEC_TRY(mvec__check_cancel(w->ctx));
        sqlite3_bind_int64(range, 1, sqlite3_column_int64(spans, 0));
        sqlite3_bind_int64(range, 2, sqlite3_column_int64(spans, 1));
        MVEC_TRY(step_done(w, range, "removing a file's rows"));
    }
    if (rc != SQLITE_DONE)
        DB_FAIL(w->ctx, w->workspace, rc, "removing a file's rows");
    for (size_t i = 0; i < 4; i++) {
        MVEC_TRY(prepare(w->ctx, w->workspace, sql[i], &statements[i]));
        sqlite3_bind_int64(statements[i], 1, id);
        MVEC_TRY(step_done(w, statements[i], "removing a file's rows"));
    }
cleanup:
    sqlite3_finalize(spans);
    sqlite3_finalize(range);
    for (size_t i = 0; i < 4; i++)
        sqlite3_finalize(statements[i]);
    return status;
}

/* Write `count` records, flows->rows[order[i]], as one row of table flow
 * for `country`, their codes made local to the row. `local` (code_count
 * entries of -1) and `codes` (room for code_count codes) are scratch. */
static mvec_status write_flow_row(writer *w, sqlite3_stmt *add, long long file_id,
                                  const mvec__flow_records *flows, const mvec_country *country,
                                  const size_t *order, size_t count, int32_t *local,
                                  uint16_t *codes, unsigned char *bytes)
{
    mvec_status status = MVEC_OK;
    size_t code_count = 0;
    for (size_t i = 0; i < count; i++) {
        const mvec__flow_record *f = &flows->rows[order[i]];
        uint16_t ends[2] = {f->from, f->to};
        for (size_t e = 0; e < 2; e++)
            if (local[ends[e]] < 0) {
                local[ends[e]] = (int32_t)code_count;
                codes[code_count++] = ends[e];
            }
    }
    char *text = NULL;
    MVEC_TRY(mvec__calloc(w->ctx, code_count * 4 + 1, 1, &text));
    for (size_t c = 0; c < code_count; c++) {
        memcpy(text + c * 4, flows->codes[codes[c]]->code, 3);
        text[c * 4 + 3] = c + 1 < code_count ? ' ' : '\0';
    }
    sqlite3_bind_int64(add, 1, file_id);
    sqlite3_bind_text(add, 2, country->code, -1, SQLITE_STATIC);
    sqlite3_bind_text(add, 3, text, -1, SQLITE_STATIC);
    sqlite3_bind_int64(add, 4, (sqlite3_int64)(count * MVEC__FLOW_RECORD_BYTES));
    status = step_done(w, add, "adding a file's flows");
    mvec__free(w->ctx, text);
    MVEC_TRY(status);
    /* Room made (zeroblob), then filled through a small buffer straight into
     * SQLite's pages. */
    sqlite3_blob *blob = NULL;
    int rc = sqlite3_blob_open(w->workspace->db, "main", "flow", "records",
                               sqlite3_last_insert_rowid(w->workspace->db), 1, &blob);
    for (size_t at = 0; rc == SQLITE_OK && at < count; at += FLOW_CHUNK) {
        size_t k = count - at < FLOW_CHUNK ? count - at : FLOW_CHUNK;
        for (size_t i = 0; i < k; i++) {
            mvec__flow_record f = flows->rows[order[at + i]];
            f.from = (uint16_t)local[f.from];
            f.to = (uint16_t)local[f.to];
            mvec__flow_record_encode(&f, bytes + i * MVEC__FLOW_RECORD_BYTES);
        }
        rc = sqlite3_blob_write(blob, bytes, (int)(k * MVEC__FLOW_RECORD_BYTES),
                                (int)(at * MVEC__FLOW_RECORD_BYTES));
    }
    int closed = sqlite3_blob_close(blob);
    if (rc == SQLITE_OK)
        rc = closed;
    if (rc != SQLITE_OK)
        DB_FAIL(w->ctx, w->workspace, rc, "adding a file's flows");
cleanup:
    for (size_t c = 0; c < code_count; c++)
        local[codes[c]] = -1;
    return status;
}

/* Write the records of a file of flows as file `file_id`: for each country
 * they name, rows of table flow holding the records that name it, in file
 * order (a foreign record is thus kept twice: under its exporter and its
 * importer), at most FLOW_PART to a row; so a one-country load reads only
 * that country's rows. Set the file's counts: the observations the records
 * make, the countries they name. Cost: O(records + countries^2). */
static mvec_status write_flows(writer *w, long long file_id, const mvec__flow_records *flows,
                               size_t *rows_out)
{
    mvec_status status = MVEC_OK;
    mvec_ctx *ctx = w->ctx;
    size_t n = flows->code_count;
    sqlite3_stmt *add = NULL;
    unsigned char *bytes = NULL;
    size_t *start = NULL, *order = NULL, *cursor = NULL;
    int32_t *local = NULL;
    uint16_t *codes = NULL;
    int first_year = 0, last_year = 0;
    size_t countries = 0;
    /* The records of each country (a counting sort by country, stable). */
    MVEC_TRY(mvec__calloc(ctx, n + 1, sizeof *start, &start));
    MVEC_TRY(mvec__calloc(ctx, n + 1, sizeof *cursor, &cursor));
    for (size_t i = 0; i < flows->count; i++) {
        const mvec__flow_record *f = &flows->rows[i];
        start[f->from + 1]++;
        if (f->to != f->from)
            start[f->to + 1]++;
        if (first_year == 0 || f->year < first_year)
            first_year = f->year;
        if (f->year > last_year)
            last_year = f->year;
    }
    for (size_t c = 0; c < n; c++)
        start[c + 1] += start[c];
    MVEC_TRY(mvec__calloc(ctx, start[n] + 1, sizeof *order, &order));
    memcpy(cursor, start, (n + 1) * sizeof *cursor);
    for (size_t i = 0; i < flows->count; i++) {
        const mvec__flow_record *f = &flows->rows[i];
        order[cursor[f->from]++] = i;
        if (f->to != f->from)
            order[cursor[f->to]++] = i;
    }
    MVEC_TRY(mvec__calloc(ctx, n + 1, sizeof *local, &local));
    for (size_t c = 0; c < n; c++)
        local[c] = -1;
    MVEC_TRY(mvec__calloc(ctx, n + 1, sizeof *codes, &codes));
    MVEC_TRY(mvec__alloc(ctx, (size_t)FLOW_CHUNK * MVEC__FLOW_RECORD_BYTES, &bytes));
    MVEC_TRY(prepare(ctx, w->workspace,
                     "INSERT INTO flow (file, country, codes, records) "
                     "VALUES (?, ?, ?, zeroblob(?))",
                     &add));
    for (size_t c = 0; c < n; c++) {
        size_t count = start[c + 1] - start[c];
        countries += count > 0;
        for (size_t first = 0; first < count; first += FLOW_PART) {
            MVEC_TRY(mvec__check_cancel(ctx));
            size_t k = count - first < FLOW_PART ? count - first : FLOW_PART;
            MVEC_TRY(write_flow_row(w, add, file_id, flows, flows->codes[c],
                                    order + start[c] + first, k, local, codes, bytes));
        }
    }
    sqlite3_bind_int64(w->set_counts, 1, (sqlite3_int64)flows->observations);
    sqlite3_bind_int64(w->set_counts, 2, (sqlite3_int64)countries);
    sqlite3_bind_int(w->set_counts, 3, first_year);
    sqlite3_bind_int(w->set_counts, 4, last_year);
    sqlite3_bind_int64(w->set_counts, 5, file_id);
    MVEC_TRY(step_done(w, w->set_counts, "counting the rows"));
    *rows_out = flows->observations;
cleanup:
    sqlite3_finalize(add);
    mvec__free(ctx, bytes);
    mvec__free(ctx, start);
    mvec__free(ctx, cursor);
    mvec__free(ctx, order);
    mvec__free(ctx, local);
    mvec__free(ctx, codes);
    return status;
}

static mvec_status import_one(writer *w, const mvec_countries *countries, const char *format,
                              const char *path, mvec_workspace_action *action, size_t *rows)
{
    mvec_status status = MVEC_OK;
    mvec_ctx *ctx = w->ctx;
    char *text = NULL;
    size_t length = 0;
    mvec_observations *scratch = NULL;
    sink rows_of = {.w = w, .countries = {NULL, NULL, 1, 0, 0}};
    mvec__flow_records flows = {0};
    char absolute[PATH_MAX];
    char sha[65], held_sha[65], held_format[64], other[PATH_MAX];
    long long held_id = 0;
    size_t held_rows = 0;
    if (strcmp(path, "-") == 0)
        MVEC_FAIL(ctx, MVEC_ERR_INVALID,
                  "standard input cannot be imported into a workspace (it has no path to "
                  "hold it by): save it to a file first");
    MVEC_TRY(mvec__file_read(ctx, path, &text, &length));
    if (realpath(path, absolute) == NULL)
        MVEC_FAIL(ctx, MVEC_ERR_IO, "%s: %s", path, strerror(errno));
    MVEC_TRY(fingerprint(
        ctx, format != NULL ? mvec__importer_named(format) : recognise(ctx, path, text, length),
        path, text, length, sha));
    MVEC_TRY(find_file(w, absolute, &held_id, held_sha, held_format, &held_rows));
    if (held_id != 0 && strcmp(held_sha, sha) == 0 &&
        (format == NULL || strcmp(held_format, format) == 0)) {
        *action = MVEC_WORKSPACE_UNCHANGED;
        *rows = held_rows;
        goto cleanup;
    }
    MVEC_TRY(find_same_content(w, sha, absolute, other, sizeof other));
    if (other[0] != '\0') {
        mvec__log(ctx, MVEC_LOG_WARNING,
                  "%s: not imported: the workspace holds the same content (SHA-256 %.12s...) "
                  "from %s",
                  path, sha, other);
        *action = MVEC_WORKSPACE_DUPLICATE;
        *rows = 0;
        goto cleanup;
    }
    /* The file's row first (its rows' metas refer to it), then the rows as the
     * importer hands them on. Every check runs before the commit: a failure
     * rolls all of it back. */
    MVEC_TRY(begin_writing(w));
    if (held_id != 0)
        MVEC_TRY(delete_file(w, held_id));
    char now[32];
    utc_now(now);
    const char *named = format != NULL ? format : "";
    sqlite3_bind_text(w->add_file, 1, absolute, -1, SQLITE_STATIC);
    sqlite3_bind_text(w->add_file, 2, named, -1, SQLITE_STATIC);
    sqlite3_bind_text(w->add_file, 3, sha, -1, SQLITE_STATIC);
    sqlite3_bind_int64(w->add_file, 4, (sqlite3_int64)length);
    sqlite3_bind_text(w->add_file, 5, now, -1, SQLITE_STATIC);
    MVEC_TRY(step_done(w, w->add_file, "adding a file"));
    rows_of.file_id = sqlite3_last_insert_rowid(w->workspace->db);
    w->metas.width = META_WIDTH;
    word_map_clear(ctx, &w->metas);
    const char *used = NULL;
    MVEC_TRY(mvec_observations_new(ctx, countries, &scratch));
    MVEC_TRY(mvec__observations_import_stream(ctx, scratch, path, text, length, format, sink_drain,
                                              &rows_of, &flows, &used));
    mvec__free(ctx, text);
    text = NULL;
    if (format == NULL) { /* recognised from the header */
        sqlite3_bind_text(w->set_format, 1, used, -1, SQLITE_STATIC);
        sqlite3_bind_int64(w->set_format, 2, rows_of.file_id);
        MVEC_TRY(step_done(w, w->set_format, "adding a file"));
    }
    if (flows.taken)
        MVEC_TRY(write_flows(w, rows_of.file_id, &flows, rows));
    else
        MVEC_TRY(sink_write(&rows_of, rows));
    *action = held_id != 0 ? MVEC_WORKSPACE_REPLACED : MVEC_WORKSPACE_ADDED;
cleanup:
    mvec__flow_records_clear(ctx, &flows);
    sink_clear(ctx, &rows_of);
    mvec_observations_free(ctx, scratch);
    mvec__free(ctx, text);
    return status;
}

mvec_status mvec_workspace_import(mvec_ctx *ctx, mvec_workspace *workspace,
                                  const mvec_countries *countries, const char *format,
                                  const char *const *paths, size_t count,
                                  mvec_workspace_action *actions, size_t *rows)
{
    mvec_status status = MVEC_OK;
    if (format != NULL && mvec__importer_named(format) == NULL)
        return mvec__error(ctx, MVEC_ERR_INVALID, "unknown input format '%s'", format);
    if (format != NULL)
        format = mvec__importer_named(format)->name;
    writer w = {.ctx = ctx,
                .workspace = workspace,
                .texts = {NULL, NULL, 1, 0, 0},
                .metas = {NULL, NULL, META_WIDTH, 0, 0}};
    /* Take the write lock first when the file exists, so no other process
     * changes it between the checks and the writes. */
    if (workspace->db != NULL && !workspace->read_only)
        MVEC_TRY(begin_writing(&w));
    for (size_t i = 0; i < count; i++) {
        mvec_workspace_action action = MVEC_WORKSPACE_UNCHANGED;
        size_t n = 0;
        MVEC_TRY(import_one(&w, countries, format, paths[i], &action, &n));
        if (actions != NULL)
            actions[i] = action;
        if (rows != NULL)
            rows[i] = n;
    }
cleanup:
    writer_finish(&w, true, &status);
    if (status == MVEC_OK) {
        status = read_files(ctx, workspace);
    } else if (workspace->db != NULL) {
        mvec_status ignored = read_files(ctx, workspace);
        (void)ignored;
    }
    return status;
}

mvec_status mvec_workspace_remove(mvec_ctx *ctx, mvec_workspace *workspace, const char *path,
                                  bool *removed)
{
    mvec_status status = MVEC_OK;
    writer w = {.ctx = ctx,
                .workspace = workspace,
                .texts = {NULL, NULL, 1, 0, 0},
                .metas = {NULL, NULL, META_WIDTH, 0, 0}};
    bool found = false;
    if (path == NULL)
        return mvec__error(ctx, MVEC_ERR_INVALID, "no path given");
    if (removed != NULL)
        *removed = false;
    if (workspace->db == NULL || workspace->empty)
        return MVEC_OK;
    char absolute[PATH_MAX], sha[65], format[64];
    long long id = 0;
    size_t rows = 0;
    MVEC_TRY(mvec__check_cancel(ctx));
    MVEC_TRY(find_file(&w, path, &id, sha, format, &rows));
    if (id == 0 && realpath(path, absolute) != NULL)
        MVEC_TRY(find_file(&w, absolute, &id, sha, format, &rows));
    if (id != 0) {
        MVEC_TRY(begin_writing(&w));
        MVEC_TRY(delete_file(&w, id));
        found = true;
    }
cleanup:
    writer_finish(&w, true, &status);
    if (status == MVEC_OK)
        status = read_files(ctx, workspace);
    if (status == MVEC_OK && removed != NULL)
        *removed = found;
    return status;
}

/* ---- load --------------------------------------------------------------------------------- */

/* The stored observations of `focal` (NULL: every country), by span. */
static mvec_status load_rows(mvec_ctx *ctx, mvec_workspace *workspace,
                             mvec_observations *observations, const mvec_country *focal)
{
    mvec_status status = MVEC_OK;
    const mvec_countries *registry = mvec_observations_countries(observations);
    size_t count_before = mvec_observations_count(observations);
    sqlite3_stmt *statement = NULL;
    const char **texts = NULL;         /* text id -> the store's copy */
    const mvec_country **codes = NULL; /* text id -> country, resolved when first met */
    mvec_observation *metas = NULL;    /* meta id -> the row's template */
    bool *meta_known = NULL;
    size_t text_count = 0, meta_count = 0;
    long long country_id = 0;
    int rc;
    /* The texts. */
    long long max_id = 0;
    MVEC_TRY(pragma_int(ctx, workspace, "SELECT coalesce(max(id), 0) FROM text", &max_id));
    text_count = (size_t)max_id + 1;
    MVEC_TRY(mvec__calloc(ctx, text_count, sizeof *texts, &texts));
    MVEC_TRY(mvec__calloc(ctx, text_count, sizeof *codes, &codes));
    MVEC_TRY(prepare(ctx, workspace, "SELECT id, text FROM text", &statement));
    while ((rc = sqlite3_step(statement)) == SQLITE_ROW) {
        long long id = sqlite3_column_int64(statement, 0);
        if (id <= 0 || id > max_id)
            MVEC_FAIL(ctx, MVEC_ERR_WORKSPACE, "%s: the workspace is corrupt (text id %lld)",
                      workspace->path, id);
        const char *text = column_text(statement, 1);
        if (focal != NULL && strcmp(text, focal->code) == 0)
            country_id = id;
        MVEC_TRY(mvec__strdup(ctx, text, (char **)(void *)&texts[id]));
    }
    if (rc != SQLITE_DONE)
        DB_FAIL(ctx, workspace, rc, "reading its texts");
    sqlite3_finalize(statement);
    statement = NULL;
    if (focal != NULL && country_id == 0)
        goto cleanup; /* no row of that country */
    /* The templates. */
    MVEC_TRY(pragma_int(ctx, workspace, "SELECT coalesce(max(id), 0) FROM meta", &max_id));
    meta_count = (size_t)max_id + 1;
    MVEC_TRY(mvec__calloc(ctx, meta_count, sizeof *metas, &metas));
    MVEC_TRY(mvec__calloc(ctx, meta_count, sizeof *meta_known, &meta_known));
    MVEC_TRY(prepare(ctx, workspace,
                     "SELECT meta.id, file.path, vector, indicator, period, item, unit, "
                     "dimension, qualifier, basis, flags, source, source_date, url, title, "
                     "quality, seed, quote, note FROM meta JOIN file ON file.id = meta.file",
                     &statement));
    while ((rc = sqlite3_step(statement)) == SQLITE_ROW) {
        long long id = sqlite3_column_int64(statement, 0);
        if (id <= 0 || id > max_id)
            MVEC_FAIL(ctx, MVEC_ERR_WORKSPACE, "%s: the workspace is corrupt (meta id %lld)",
                      workspace->path, id);
        mvec_observation *m = &metas[id];
        const char **fields[] = {&m->vector, &m->indicator, &m->period,
                                 &m->item,   &m->unit,      &m->dimension};
        const char **more[] = {&m->source,  &m->source_date, &m->url,   &m->title,
                               &m->quality, &m->seed,        &m->quote, &m->note};
        int column = 2;
        for (size_t i = 0; i < sizeof fields / sizeof *fields; i++, column++) {
            long long t = sqlite3_column_int64(statement, column);
            if (t <= 0 || (size_t)t >= text_count || texts[t] == NULL)
                MVEC_FAIL(ctx, MVEC_ERR_WORKSPACE,
                          "%s: the workspace is corrupt (missing text %lld)", workspace->path, t);
            *fields[i] = texts[t];
        }
        long long qualifier = sqlite3_column_int64(statement, column++);
        long long basis = sqlite3_column_int64(statement, column++);
        long long flags = sqlite3_column_int64(statement, column++);
        if (qualifier < 0 || qualifier > MVEC_QUALIFIER_AT_MOST || basis < 0 ||
            basis > MVEC_BASIS_UNSTATED)
            MVEC_FAIL(ctx, MVEC_ERR_WORKSPACE,
                      "%s: the workspace is corrupt (qualifier %lld, basis %lld)", workspace->path,
                      qualifier, basis);
        m->qualifier = (mvec_qualifier)qualifier;
        m->basis = (mvec_basis)basis;
        m->top_list = (flags & 1) != 0;
        m->superseded = (flags & 2) != 0;
        for (size_t i = 0; i < sizeof more / sizeof *more; i++, column++) {
            long long t = sqlite3_column_int64(statement, column);
            if (t <= 0 || (size_t)t >= text_count || texts[t] == NULL)
                MVEC_FAIL(ctx, MVEC_ERR_WORKSPACE,
                          "%s: the workspace is corrupt (missing text %lld)", workspace->path, t);
            *more[i] = texts[t];
        }
        m->file = column_text(statement, 1);
        MVEC_TRY(mvec__observations_intern(ctx, observations, m));
        meta_known[id] = true;
    }
    if (rc != SQLITE_DONE)
        DB_FAIL(ctx, workspace, rc, "reading its rows");
    sqlite3_finalize(statement);
    statement = NULL;
    /* The rows, room made for them at once. */
    long long expected = 0;
    if (focal != NULL) {
        MVEC_TRY(prepare(ctx, workspace,
                         "SELECT coalesce(sum(last - first + 1), 0) FROM span WHERE country = ?",
                         &statement));
        sqlite3_bind_int64(statement, 1, country_id);
    } else {
        MVEC_TRY(prepare(ctx, workspace, "SELECT coalesce(sum(rows), 0) FROM file", &statement));
    }
    rc = sqlite3_step(statement);
    if (rc != SQLITE_ROW)
        DB_FAIL(ctx, workspace, rc, "reading its rows");
    expected = sqlite3_column_int64(statement, 0);
    sqlite3_finalize(statement);
    statement = NULL;
    if (expected < 0 || (unsigned long long)expected > SIZE_MAX / sizeof(mvec_observation))
        MVEC_FAIL(ctx, MVEC_ERR_WORKSPACE, "%s: the workspace is corrupt (%lld rows)",
                  workspace->path, expected);
    MVEC_TRY(mvec__observations_reserve(ctx, observations, (size_t)expected));
    MVEC_TRY(prepare(ctx, workspace,
                     focal != NULL
                         ? "SELECT o.country, o.partner, o.year, o.value, o.base_value, o.meta, "
                           "o.line, o.col FROM span AS s JOIN observation AS o ON o.id BETWEEN "
                           "s.first AND s.last WHERE s.country = ? ORDER BY s.first"
                         : "SELECT country, partner, year, value, base_value, meta, line, col "
                           "FROM observation ORDER BY id",
                     &statement));
    if (focal != NULL)
        sqlite3_bind_int64(statement, 1, country_id);
    size_t k = 0;
    while ((rc = sqlite3_step(statement)) == SQLITE_ROW) {
        if (k++ % CANCEL_EVERY == 0)
            MVEC_TRY(mvec__check_cancel(ctx));
        long long ids[2] = {sqlite3_column_int64(statement, 0), sqlite3_column_int64(statement, 1)};
        const mvec_country *pair[2] = {NULL, NULL};
        for (size_t j = 0; j < 2; j++) {
            long long t = ids[j];
            if (t <= 0 || (size_t)t >= text_count || texts[t] == NULL)
                MVEC_FAIL(ctx, MVEC_ERR_WORKSPACE,
                          "%s: the workspace is corrupt (missing text %lld)", workspace->path, t);
            if (codes[t] == NULL) {
                codes[t] = mvec_countries_find(registry, texts[t]);
                if (codes[t] == NULL)
                    MVEC_FAIL(ctx, MVEC_ERR_WORKSPACE,
                              "%s: the workspace holds country code '%s', which this mvec "
                              "does not know",
                              workspace->path, texts[t]);
            }
            pair[j] = codes[t];
        }
        long long meta = sqlite3_column_int64(statement, 5);
        if (meta <= 0 || (size_t)meta >= meta_count || !meta_known[meta])
            MVEC_FAIL(ctx, MVEC_ERR_WORKSPACE, "%s: the workspace is corrupt (meta id %lld)",
                      workspace->path, meta);
        mvec_observation row = metas[meta];
        row.country = pair[0];
        row.partner = pair[1];
        row.year = sqlite3_column_int(statement, 2);
        row.value = sqlite3_column_double(statement, 3);
        row.base_value = sqlite3_column_double(statement, 4);
        row.line = (size_t)sqlite3_column_int64(statement, 6);
        row.column = (size_t)sqlite3_column_int64(statement, 7);
        MVEC_TRY(mvec__observations_add_copy(ctx, observations, &row));
    }
    if (rc != SQLITE_DONE)
        DB_FAIL(ctx, workspace, rc, "reading its rows");
cleanup:
    sqlite3_finalize(statement);
    if (texts != NULL)
        for (size_t i = 0; i < text_count; i++)
            mvec__free(ctx, (void *)(uintptr_t)texts[i]);
    mvec__free(ctx, (void *)texts);
    mvec__free(ctx, (void *)codes);
    mvec__free(ctx, metas);
    mvec__free(ctx, meta_known);
    if (status != MVEC_OK)
        mvec__observations_truncate(observations, count_before);
    return status;
}

/* The countries of a flow row's codes (three letters each, separated by
 * spaces), each known to this mvec and named once. */
static mvec_status read_codes(mvec_ctx *ctx, mvec_workspace *workspace,
                              const mvec_countries *registry, const char *text,
                              mvec__flow_records *flows)
{
    mvec_status status = MVEC_OK;
    size_t length = strlen(text);
    size_t n = length == 0 ? 0 : (length + 1) / 4;
    if (length != 0 && length != n * 4 - 1)
        MVEC_FAIL(ctx, MVEC_ERR_WORKSPACE, "%s: the workspace is corrupt (flow codes)",
                  workspace->path);
    MVEC_TRY(mvec__grow(ctx, &flows->codes, &flows->code_capacity, n, sizeof *flows->codes));
    for (size_t i = 0; i < n; i++) {
        char code[4] = {text[i * 4], text[i * 4 + 1], text[i * 4 + 2], '\0'};
        if (i + 1 < n && text[i * 4 + 3] != ' ')
            MVEC_FAIL(ctx, MVEC_ERR_WORKSPACE, "%s: the workspace is corrupt (flow codes)",
                      workspace->path);
        const mvec_country *country = mvec_countries_find(registry, code);
        if (country == NULL || strcmp(country->code, code) != 0)
            MVEC_FAIL(ctx, MVEC_ERR_WORKSPACE,
                      "%s: the workspace holds country code '%s', which this mvec does not know",
                      workspace->path, code);
        if (mvec__flow_records_code(flows, country) >= 0)
            MVEC_FAIL(ctx, MVEC_ERR_WORKSPACE, "%s: the workspace is corrupt (flow code %s twice)",
                      workspace->path, code);
        flows->codes[flows->code_count++] = country;
    }
cleanup:
    return status;
}

/* The index of `country` in into->codes, added when missing. */
static mvec_status flow_code(mvec_ctx *ctx, mvec__flow_records *into, const mvec_country *country,
                             uint16_t *out)
{
    long known = mvec__flow_records_code(into, country);
    if (known < 0) {
        mvec_status status = mvec__grow(ctx, &into->codes, &into->code_capacity,
                                        into->code_count + 1, sizeof *into->codes);
        if (status != MVEC_OK)
            return status;
        known = (long)into->code_count;
        into->codes[into->code_count++] = country;
    }
    *out = (uint16_t)known;
    return MVEC_OK;
}

/* Add to `into` the records of the current row of `statement` (columns:
 * country, codes, records from 3 on), every record naming the row's country;
 * with `exported_only`, only those it exported (or sold at home), so that a
 * load of every row takes each record once. */
static mvec_status take_flow_row(mvec_ctx *ctx, mvec_workspace *workspace,
                                 const mvec_countries *registry, sqlite3_stmt *statement,
                                 bool exported_only, mvec__flow_records *into)
{
    mvec_status status = MVEC_OK;
    mvec__flow_records row = {0};
    uint16_t *global = NULL;
    const char *code = column_text(statement, 3);
    MVEC_TRY(read_codes(ctx, workspace, registry, column_text(statement, 4), &row));
    const mvec_country *country = mvec_countries_find(registry, code);
    long self = country != NULL ? mvec__flow_records_code(&row, country) : -1;
    if (self < 0)
        MVEC_FAIL(ctx, MVEC_ERR_WORKSPACE, "%s: the workspace is corrupt (flow row of '%s')",
                  workspace->path, code);
    MVEC_TRY(mvec__flow_records_decode(ctx, &row, sqlite3_column_blob(statement, 5),
                                (size_t)sqlite3_column_bytes(statement, 5), row.code_count,
                                workspace->path));
    MVEC_TRY(mvec__calloc(ctx, row.code_count + 1, sizeof *global, &global));
    for (size_t c = 0; c < row.code_count; c++)
        MVEC_TRY(flow_code(ctx, into, row.codes[c], &global[c]));
    for (size_t i = 0; i < row.count; i++) {
        mvec__flow_record f = row.rows[i];
        if (f.from != self && f.to != self)
            MVEC_FAIL(ctx, MVEC_ERR_WORKSPACE,
                      "%s: the workspace is corrupt (a flow row of '%s' without it)",
                      workspace->path, code);
        if (exported_only && f.from != self)
            continue;
        f.from = global[f.from];
        f.to = global[f.to];
        MVEC_TRY(mvec__flow_records_add(ctx, into, &f));
    }
cleanup:
    mvec__flow_records_clear(ctx, &row);
    mvec__free(ctx, global);
    return status;
}

static int by_line(const void *a, const void *b)
{
    const mvec__flow_record *x = a, *y = b;
    if (x->line != y->line)
        return x->line < y->line ? -1 : 1;
    if (x->from != y->from)
        return x->from < y->from ? -1 : 1;
    return (x->to > y->to) - (x->to < y->to);
}

/* The observations of `focal` (NULL: every country) made from the records
 * of the files kept as flows, file after file. Cost: O(the records that name
 * the country) plus the observations made; for every country, a sort of
 * each file's records back into file order, O(n log n). */
static mvec_status load_flows(mvec_ctx *ctx, mvec_workspace *workspace,
                              mvec_observations *observations, const mvec_country *focal)
{
    mvec_status status = MVEC_OK;
    const mvec_countries *registry = mvec_observations_countries(observations);
    sqlite3_stmt *statement = NULL;
    mvec__flow_records flows = {0};
    char *path = NULL, *format = NULL;
    long long file = 0;
    int rc;
    if (workspace->version < 2)
        return MVEC_OK; /* written before files of flows were kept */
    MVEC_TRY(prepare(ctx, workspace,
                     focal != NULL
                         ? "SELECT flow.file, file.path, file.format, flow.country, flow.codes, "
                           "flow.records FROM flow JOIN file ON file.id = flow.file "
                           "WHERE flow.country = ? ORDER BY flow.file, flow.id"
                         : "SELECT flow.file, file.path, file.format, flow.country, flow.codes, "
                           "flow.records FROM flow JOIN file ON file.id = flow.file "
                           "ORDER BY flow.file, flow.id",
                     &statement));
    if (focal != NULL)
        sqlite3_bind_text(statement, 1, focal->code, -1, SQLITE_STATIC);
    for (;;) {
        rc = sqlite3_step(statement);
        if (rc != SQLITE_ROW && rc != SQLITE_DONE)
            DB_FAIL(ctx, workspace, rc, "reading its flows");
        long long next = rc == SQLITE_ROW ? sqlite3_column_int64(statement, 0) : 0;
        if (file != 0 && next != file) { /* the records of `file` are all read */
            if (focal == NULL)
                qsort(flows.rows, flows.count, sizeof *flows.rows, by_line);
            MVEC_TRY(
                mvec__observations_from_flows(ctx, observations, path, format, &flows, focal));
            mvec__flow_records_clear(ctx, &flows);
        }
        if (rc == SQLITE_DONE)
            break;
        MVEC_TRY(mvec__check_cancel(ctx));
        if (next != file) {
            file = next;
            mvec__free(ctx, path);
            mvec__free(ctx, format);
            path = format = NULL;
            MVEC_TRY(mvec__strdup(ctx, column_text(statement, 1), &path));
            MVEC_TRY(mvec__strdup(ctx, column_text(statement, 2), &format));
        }
        MVEC_TRY(take_flow_row(ctx, workspace, registry, statement, focal == NULL, &flows));
    }
cleanup:
    sqlite3_finalize(statement);
    mvec__flow_records_clear(ctx, &flows);
    mvec__free(ctx, path);
    mvec__free(ctx, format);
    return status;
}

mvec_status mvec_workspace_load(mvec_ctx *ctx, mvec_workspace *workspace,
                                mvec_observations *observations, const char *country)
{
    const mvec_countries *registry = mvec_observations_countries(observations);
    size_t count_before = mvec_observations_count(observations);
    const mvec_country *focal = NULL;
    if (country != NULL) {
        focal = mvec_countries_find(registry, country);
        if (focal == NULL)
            return mvec__error(ctx, MVEC_ERR_INVALID, "unknown country '%s'", country);
    }
    if (workspace->db == NULL || workspace->empty)
        return MVEC_OK;
    mvec_status status = load_rows(ctx, workspace, observations, focal);
    if (status == MVEC_OK)
        status = load_flows(ctx, workspace, observations, focal);
    if (status != MVEC_OK)
        mvec__observations_truncate(observations, count_before);
    return status;
}
