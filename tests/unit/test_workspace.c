/*
 * test_workspace.c - the SQLite workspace: import, no-op re-import, replace
 * on change, duplicate content, list, load (all and one country) equal to
 * reading the file directly, remove; failures (bad input, unknown format,
 * cancel at every point the cancel callback is consulted, a read-only file)
 * leave the file byte for byte as it was and a first failed import leaves no
 * file; files that are not SQLite, another program's database, a newer
 * schema or corrupt are refused with MVEC_ERR_WORKSPACE. A file of flows
 * (ITPD-E) is kept as its records: what a load makes of them, for every
 * country and for one, is field for field and in order what reading the file
 * gives; a version 1 workspace is read and upgraded; corrupt records are
 * refused.
 */
#define _XOPEN_SOURCE 700 /* realpath, mkdtemp */
#include <mvec/mvec.h>
#include <limits.h>
#include <sqlite3.h>
#include <stdint.h>
#include <sys/stat.h>
#include <unistd.h>

#include "test.h"

static char dir[64];

static const char *in_dir(const char *name)
{
    static char paths[8][160];
    static size_t next;
    char *path = paths[next++ % 8];
    snprintf(path, 160, "%s/%s", dir, name);
    return path;
}

static void write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "wb");
    if (f == NULL)
        return;
    fputs(text, f);
    fclose(f);
}

/* The whole file (caller frees), NULL when absent; *length its size. */
static char *slurp(const char *path, size_t *length)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        return NULL;
    fseek(f, 0, SEEK_END);
    long size = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *data = malloc((size_t)size + 1);
    *length = fread(data, 1, (size_t)size, f);
    fclose(f);
    return data;
}

static bool same_bytes(const char *data, size_t length, const char *path)
{
    size_t now_length = 0;
    char *now = slurp(path, &now_length);
    bool same = now != NULL && now_length == length && memcmp(now, data, length) == 0;
    free(now);
    return same;
}

static const char HEADER[] = "country,partner,vector,indicator,year,value,unit,basis,source,note\n";

/* Two focal countries, two vectors, notes on some rows. */
static const char FIGURES[] =
    "country,partner,vector,indicator,year,value,unit,basis,source,note\n"
    "UZB,WLD,trade.total,value,2019,100,USD bn,reporter,Test (invented),\n"
    "UZB,CHN,trade.total,value,2019,18,USD bn,reporter,Test (invented),a note\n"
    "UZB,RUS,trade.total,value,2019,16.5,USD bn,reporter,Test (invented),\n"
    "KAZ,WLD,trade.exports,value,2020,47.5,USD bn,reporter,Other test,\n"
    "KAZ,CHN,trade.exports,value,2020,8.9,USD bn,partner,Other test,mirror\n"
    "MNG,CHN,trade.total,share,2021,64,%,reporter,Third test,\n";

/* A long file of `rows` rows (50 focal countries). */
static void write_large(const char *path, size_t rows)
{
    static const char *codes[] = {"AFG", "ALB", "DZA", "AGO", "ARG", "ARM", "AUS",
                                  "AUT", "AZE", "BHR", "BGD", "BLR", "BEL", "BEN",
                                  "BTN", "BOL", "BIH", "BWA", "BRA", "BGR"};
    FILE *f = fopen(path, "wb");
    if (f == NULL)
        return;
    fputs(HEADER, f);
    size_t n = sizeof codes / sizeof *codes;
    size_t written = 0;
    for (int year = 1900; written < rows; year++)
        for (size_t i = 0; i < n && written < rows; i++)
            for (size_t j = 0; j < n && written < rows; j++, written++)
                if (i != j)
                    fprintf(f, "%s,%s,trade.total,value,%d,%zu.5,USD m,reporter,gen,\n", codes[i],
                            codes[j], year, (i * 7 + j) % 100);
                else
                    written--;
    fclose(f);
}

/* Every field of every row equal, in the same order after a stable sort by country. */
static void check_same_rows(const mvec_observations *a, const mvec_observations *b)
{
    CHECK(mvec_observations_count(a) == mvec_observations_count(b));
    size_t n = mvec_observations_count(a);
    size_t matched = 0;
    for (size_t i = 0; i < n; i++) {
        const mvec_observation *x = mvec_observations_at(a, i);
        for (size_t j = 0; j < n; j++) {
            const mvec_observation *y = mvec_observations_at(b, j);
            if (x->line != y->line || strcmp(x->file, y->file) != 0)
                continue;
            matched++;
            CHECK(x->country == y->country);
            CHECK(x->partner == y->partner);
            CHECK_STR(x->vector, y->vector);
            CHECK_STR(x->indicator, y->indicator);
            CHECK(x->year == y->year);
            CHECK(memcmp(&x->value, &y->value, sizeof x->value) == 0);
            CHECK(memcmp(&x->base_value, &y->base_value, sizeof x->value) == 0);
            CHECK_STR(x->unit, y->unit);
            CHECK_STR(x->dimension, y->dimension);
            CHECK(x->basis == y->basis);
            CHECK(x->qualifier == y->qualifier);
            CHECK(x->top_list == y->top_list);
            CHECK(x->superseded == y->superseded);
            CHECK_STR(x->source, y->source);
            CHECK_STR(x->source_date, y->source_date);
            CHECK_STR(x->url, y->url);
            CHECK_STR(x->note, y->note);
            CHECK_STR(x->quote, y->quote);
            CHECK(x->column == y->column);
        }
    }
    CHECK(matched == n);
}

/* Rows equal field for field (strings by content). */
static bool same_row(const mvec_observation *x, const mvec_observation *y)
{
    const char *const a[] = {x->vector, x->indicator, x->period, x->item, x->unit, x->dimension,
                             x->source, x->source_date, x->url, x->title, x->quality, x->seed,
                             x->quote, x->note, x->file};
    const char *const b[] = {y->vector, y->indicator, y->period, y->item, y->unit, y->dimension,
                             y->source, y->source_date, y->url, y->title, y->quality, y->seed,
                             y->quote, y->note, y->file};
    for (size_t i = 0; i < sizeof a / sizeof *a; i++)
        if (strcmp(a[i] ? a[i] : "", b[i] ? b[i] : "") != 0)
            return false;
    return x->country == y->country && x->partner == y->partner && x->year == y->year &&
           memcmp(&x->value, &y->value, sizeof x->value) == 0 &&
           memcmp(&x->base_value, &y->base_value, sizeof x->base_value) == 0 &&
           x->basis == y->basis && x->qualifier == y->qualifier && x->top_list == y->top_list &&
           x->superseded == y->superseded && x->line == y->line && x->column == y->column;
}

/* `got` holds, in order, the rows of `all` of `country` (NULL: every row). */
static void check_rows_of(const mvec_observations *got, const mvec_observations *all,
                          const char *country)
{
    size_t j = 0, n = mvec_observations_count(got), bad = 0;
    for (size_t i = 0; i < mvec_observations_count(all); i++) {
        const mvec_observation *x = mvec_observations_at(all, i);
        if (country != NULL && strcmp(x->country->code, country) != 0)
            continue;
        if (j >= n || !same_row(x, mvec_observations_at(got, j)))
            bad++;
        j++;
    }
    CHECK(j == n && bad == 0);
    CHECK(n > 0 || (country != NULL && strcmp(country, "ATA") == 0));
}

/* Run `sql` on the workspace file behind mvec's back. */
static void tamper(const char *path, const char *sql)
{
    sqlite3 *db = NULL;
    CHECK(sqlite3_open(path, &db) == SQLITE_OK);
    CHECK(sqlite3_exec(db, sql, NULL, NULL, NULL) == SQLITE_OK);
    sqlite3_close(db);
}

static long long query_int(const char *path, const char *sql)
{
    sqlite3 *db = NULL;
    sqlite3_stmt *statement = NULL;
    long long value = -1;
    if (sqlite3_open(path, &db) == SQLITE_OK &&
        sqlite3_prepare_v2(db, sql, -1, &statement, NULL) == SQLITE_OK &&
        sqlite3_step(statement) == SQLITE_ROW)
        value = sqlite3_column_int64(statement, 0);
    sqlite3_finalize(statement);
    sqlite3_close(db);
    return value;
}

/* A file of flows (ITPD-E, four countries' rows of 2016) kept as records. */
static void test_flows(mvec_ctx *ctx, const mvec_countries *countries)
{
    const char *source = "tests/data/itpd_2016_uzb_mng_srb_vnm.csv";
    const char *path = in_dir("flows.sqlite");
    char absolute[PATH_MAX];
    CHECK(realpath(source, absolute) != NULL);
    mvec_observations *direct = NULL, *held = NULL;
    CHECK_STATUS(mvec_observations_new(ctx, countries, &direct), MVEC_OK);
    CHECK_STATUS(mvec_observations_import_file(ctx, direct, absolute, "itpd", NULL), MVEC_OK);
    mvec_workspace *ws = NULL;
    const char *paths[] = {source};
    mvec_workspace_action act[1];
    size_t n[1];
    CHECK_STATUS(mvec_workspace_open(ctx, path, true, &ws), MVEC_OK);
    CHECK_STATUS(mvec_workspace_import(ctx, ws, countries, NULL, paths, 1, act, n), MVEC_OK);
    /* The count the records make without making them: exactly what a load makes. */
    CHECK(act[0] == MVEC_WORKSPACE_ADDED && n[0] == mvec_observations_count(direct));
    CHECK(mvec_workspace_file_at(ws, 0)->rows == mvec_observations_count(direct));
    CHECK(query_int(path, "SELECT count(*) FROM observation") == 0);
    /* 980 foreign rows kept under both countries, 3 domestic ones once (awk
     * -F, 'NR > 1 && $2 != $3' counts 980); a row per country named. */
    CHECK(query_int(path, "SELECT sum(length(records)) FROM flow") == 24 * (2 * 980 + 3));
    CHECK(query_int(path, "SELECT count(*) FROM flow") ==
          (long long)mvec_workspace_file_at(ws, 0)->countries);
    CHECK(query_int(path, "PRAGMA user_version") == 2);
    const char *cases[] = {NULL, "UZB", "MNG", "KAZ", "ATA"};
    for (size_t c = 0; c < sizeof cases / sizeof *cases; c++) {
        CHECK_STATUS(mvec_observations_new(ctx, countries, &held), MVEC_OK);
        CHECK_STATUS(mvec_workspace_load(ctx, ws, held, cases[c]), MVEC_OK);
        check_rows_of(held, direct, cases[c]);
        mvec_observations_free(ctx, held);
        held = NULL;
    }
    mvec_workspace_close(ctx, ws);
    ws = NULL;
    /* Read directly for one country (mvec_observations_load_file_of): the same rows. */
    for (size_t c = 0; c < sizeof cases / sizeof *cases; c++) {
        CHECK_STATUS(mvec_observations_new(ctx, countries, &held), MVEC_OK);
        CHECK_STATUS(mvec_observations_load_file_of(ctx, held, absolute, cases[c], NULL), MVEC_OK);
        check_rows_of(held, direct, cases[c]);
        mvec_observations_free(ctx, held);
        held = NULL;
    }
    CHECK_STATUS(mvec_observations_new(ctx, countries, &held), MVEC_OK);
    CHECK_STATUS(mvec_observations_load_file_of(ctx, held, absolute, "XYZ", NULL),
                 MVEC_ERR_INVALID);
    /* Another format is read whole. */
    write_file(in_dir("flows_figures.csv"), FIGURES);
    CHECK_STATUS(
        mvec_observations_load_file_of(ctx, held, in_dir("flows_figures.csv"), "UZB", NULL),
        MVEC_OK);
    CHECK(mvec_observations_count(held) == 6); /* every row of FIGURES */
    mvec_observations_free(ctx, held);
    held = NULL;

    /* Corrupt records or codes are refused, and nothing is added. */
    const char *corrupt[] = {
        "UPDATE flow SET records = substr(records, 1, 30)",
        "UPDATE flow SET codes = 'UZB UZB'",
        "UPDATE flow SET codes = 'QQQ'",
        "UPDATE flow SET records = zeroblob(48)",
    };
    for (size_t i = 0; i < sizeof corrupt / sizeof *corrupt; i++) {
        char copy[PATH_MAX + 64];
        const char *bad = in_dir("flows_bad.sqlite");
        snprintf(copy, sizeof copy, "cp %s %s", path, bad);
        CHECK(system(copy) == 0);
        tamper(bad, corrupt[i]);
        CHECK_STATUS(mvec_workspace_open(ctx, bad, false, &ws), MVEC_OK);
        CHECK_STATUS(mvec_observations_new(ctx, countries, &held), MVEC_OK);
        CHECK_STATUS(mvec_workspace_load(ctx, ws, held, NULL), MVEC_ERR_WORKSPACE);
        CHECK(mvec_observations_count(held) == 0);
        mvec_observations_free(ctx, held);
        held = NULL;
        mvec_workspace_close(ctx, ws);
        ws = NULL;
    }

    /* A version 1 workspace (no table flow) is read, and upgraded by an import. */
    const char *old = in_dir("v1.sqlite");
    const char *figures_path[] = {in_dir("flows_figures.csv")};
    CHECK_STATUS(mvec_workspace_open(ctx, old, true, &ws), MVEC_OK);
    CHECK_STATUS(mvec_workspace_import(ctx, ws, countries, NULL, figures_path, 1, act, n),
                 MVEC_OK);
    mvec_workspace_close(ctx, ws);
    tamper(old, "DROP TABLE flow; PRAGMA user_version = 1;");
    CHECK(query_int(old, "PRAGMA user_version") == 1);
    CHECK_STATUS(mvec_workspace_open(ctx, old, false, &ws), MVEC_OK);
    CHECK_STATUS(mvec_observations_new(ctx, countries, &held), MVEC_OK);
    CHECK_STATUS(mvec_workspace_load(ctx, ws, held, NULL), MVEC_OK);
    size_t figures = mvec_observations_count(held);
    CHECK(figures == 6);
    mvec_observations_free(ctx, held);
    CHECK_STATUS(mvec_workspace_import(ctx, ws, countries, "itpd", paths, 1, act, n), MVEC_OK);
    CHECK(query_int(old, "PRAGMA user_version") == 2);
    CHECK_STATUS(mvec_observations_new(ctx, countries, &held), MVEC_OK);
    CHECK_STATUS(mvec_workspace_load(ctx, ws, held, NULL), MVEC_OK);
    CHECK(mvec_observations_count(held) == figures + mvec_observations_count(direct));
    mvec_observations_free(ctx, held);
    /* Removing the file removes its records. */
    bool removed = false;
    CHECK_STATUS(mvec_workspace_remove(ctx, ws, source, &removed), MVEC_OK);
    CHECK(removed && query_int(old, "SELECT count(*) FROM flow") == 0);
    mvec_workspace_close(ctx, ws);
    mvec_observations_free(ctx, direct);
}

typedef struct canceller {
    size_t calls;
    size_t ask_at;
} canceller;

static bool cancel_at(void *user)
{
    canceller *c = user;
    return ++c->calls >= c->ask_at;
}

int main(void)
{
    snprintf(dir, sizeof dir, "/tmp/mvec_test_workspaceXXXXXX");
    if (mkdtemp(dir) == NULL)
        return 1;
    mvec_ctx *ctx = mvec_ctx_new(NULL, NULL);
    mvec_countries *countries = NULL;
    CHECK_STATUS(mvec_countries_open(ctx, NULL, &countries), MVEC_OK);
    const char *figures = in_dir("figures.csv");
    const char *copy = in_dir("copy.csv");
    const char *ws_path = in_dir("w.sqlite");
    write_file(figures, FIGURES);
    write_file(copy, FIGURES);

    /* A first import that fails leaves no file. */
    mvec_workspace *ws = NULL;
    CHECK_STATUS(mvec_workspace_open(ctx, ws_path, false, &ws), MVEC_ERR_IO);
    CHECK_STATUS(mvec_workspace_open(ctx, ws_path, true, &ws), MVEC_OK);
    CHECK(!mvec_workspace_exists(ws));
    const char *bad = in_dir("bad.csv");
    write_file(bad, "country,partner,vector,indicator,year,value,unit,basis,source,note\n"
                    "UZB,CHN,trade.total,value,2019,1x,USD bn,reporter,Test,\n");
    const char *paths[2] = {figures, bad};
    CHECK_STATUS(mvec_workspace_import(ctx, ws, countries, "obs", paths, 2, NULL, NULL),
                 MVEC_ERR_PARSE);
    CHECK(strncmp(mvec_ctx_error_message(ctx), bad, strlen(bad)) == 0);
    CHECK(strstr(mvec_ctx_error_message(ctx), ".csv:2:6:") != NULL);
    CHECK(access(ws_path, F_OK) != 0);
    CHECK(mvec_workspace_file_count(ws) == 0);

    /* Import. */
    mvec_workspace_action actions[2];
    size_t rows[2];
    CHECK_STATUS(mvec_workspace_import(ctx, ws, countries, "obs", paths, 1, actions, rows),
                 MVEC_OK);
    CHECK(actions[0] == MVEC_WORKSPACE_ADDED && rows[0] == 6);
    CHECK(mvec_workspace_exists(ws));
    CHECK(mvec_workspace_file_count(ws) == 1);
    const mvec_workspace_file *f = mvec_workspace_file_at(ws, 0);
    CHECK(f != NULL && f->path[0] == '/' && strstr(f->path, "/figures.csv") != NULL);
    CHECK_STR(f->format, "obs");
    CHECK(strlen(f->sha256) == 64);
    CHECK(f->size == (long long)strlen(FIGURES));
    CHECK(f->rows == 6 && f->countries == 3 && f->first_year == 2019 && f->last_year == 2021);
    CHECK(strlen(f->imported) == 20 && f->imported[10] == 'T');
    CHECK(mvec_workspace_file_at(ws, 1) == NULL);
    mvec_workspace_close(ctx, ws);
    ws = NULL;

    /* The SHA-256 of the file as sha256sum computes it. */
    {
        char command[256], line[128] = "";
        snprintf(command, sizeof command, "sha256sum %s 2>/dev/null", figures);
        FILE *p = popen(command, "r");
        if (p != NULL) {
            if (fgets(line, sizeof line, p) != NULL && strlen(line) > 64) {
                CHECK_STATUS(mvec_workspace_open(ctx, ws_path, false, &ws), MVEC_OK);
                CHECK(strncmp(mvec_workspace_file_at(ws, 0)->sha256, line, 64) == 0);
                mvec_workspace_close(ctx, ws);
                ws = NULL;
            }
            pclose(p);
        }
    }

    size_t before_length = 0;
    char *before = slurp(ws_path, &before_length);
    CHECK(before != NULL);

    /* Unchanged: a no-op, not a byte written; the same content elsewhere: skipped. */
    CHECK_STATUS(mvec_workspace_open(ctx, ws_path, false, &ws), MVEC_OK);
    const char *again[2] = {figures, copy};
    CHECK_STATUS(mvec_workspace_import(ctx, ws, countries, "obs", again, 2, actions, rows),
                 MVEC_OK);
    CHECK(actions[0] == MVEC_WORKSPACE_UNCHANGED && rows[0] == 6);
    CHECK(actions[1] == MVEC_WORKSPACE_DUPLICATE && rows[1] == 0);
    CHECK(same_bytes(before, before_length, ws_path));
    CHECK(mvec_workspace_file_count(ws) == 1);

    /* Failures write nothing: bad rows, an unknown format, standard input, a cancel. */
    const char *mixed[2] = {copy, bad};
    write_file(copy, "country,partner,vector,indicator,year,value,unit,basis,source,note\n"
                     "UZB,CHN,trade.total,value,2019,1,USD bn,reporter,Another,\n");
    CHECK_STATUS(mvec_workspace_import(ctx, ws, countries, "obs", mixed, 2, NULL, NULL),
                 MVEC_ERR_PARSE);
    CHECK(same_bytes(before, before_length, ws_path));
    write_file(bad, "country,partner,vector,indicator,year,value,unit,basis,source,note\n"
                    "UZB,CHN,trade.total,value,2019,1,USD bn,reporter,\xff\xfe,\n");
    CHECK_STATUS(mvec_workspace_import(ctx, ws, countries, "obs", mixed, 2, NULL, NULL),
                 MVEC_ERR_PARSE);
    CHECK(strstr(mvec_ctx_error_message(ctx), "bad.csv:2:9:") != NULL);
    CHECK(same_bytes(before, before_length, ws_path));
    write_file(bad, "country,partner,vector,indicator,year,value,unit,basis,source,note\n"
                    "UZB,CHN,trade.total,value,2019,1,USD bn,repo");
    CHECK_STATUS(mvec_workspace_import(ctx, ws, countries, "obs", mixed, 2, NULL, NULL),
                 MVEC_ERR_PARSE);
    CHECK(same_bytes(before, before_length, ws_path));
    CHECK_STATUS(mvec_workspace_import(ctx, ws, countries, "nosuch", mixed, 1, NULL, NULL),
                 MVEC_ERR_INVALID);
    const char *dash[1] = {"-"};
    CHECK_STATUS(mvec_workspace_import(ctx, ws, countries, "obs", dash, 1, NULL, NULL),
                 MVEC_ERR_INVALID);
    CHECK(same_bytes(before, before_length, ws_path));
    CHECK(mvec_workspace_file_count(ws) == 1);

    /* Cancel at every point the callback is consulted: nothing written, until it lets the
     * import finish. */
    const char *large = in_dir("large.csv");
    write_large(large, 60000);
    const char *one_large[1] = {large};
    size_t cancels = 0;
    for (size_t at = 1; at < 10000; at++) {
        canceller c = {0, at};
        mvec_ctx_set_cancel(ctx, cancel_at, &c);
        mvec_status status =
            mvec_workspace_import(ctx, ws, countries, "obs", one_large, 1, actions, rows);
        mvec_ctx_set_cancel(ctx, NULL, NULL);
        if (status == MVEC_OK)
            break;
        CHECK(status == MVEC_ERR_CANCELLED);
        CHECK(same_bytes(before, before_length, ws_path));
        CHECK(mvec_workspace_file_count(ws) == 1);
        cancels++;
    }
    CHECK(cancels >= 1);
    CHECK(actions[0] == MVEC_WORKSPACE_ADDED && rows[0] == 60000);
    CHECK(mvec_workspace_file_count(ws) == 2);
    bool removed = false;
    CHECK_STATUS(mvec_workspace_remove(ctx, ws, large, &removed), MVEC_OK);
    CHECK(removed);
    CHECK(mvec_workspace_file_count(ws) == 1);
    CHECK_STATUS(mvec_workspace_remove(ctx, ws, large, &removed), MVEC_OK);
    CHECK(!removed);

    /* Load: all rows, equal to reading the file; one country's only. */
    mvec_observations *direct = NULL, *loaded = NULL;
    CHECK_STATUS(mvec_observations_new(ctx, countries, &direct), MVEC_OK);
    CHECK_STATUS(mvec_observations_new(ctx, countries, &loaded), MVEC_OK);
    char absolute[4096];
    CHECK(realpath(figures, absolute) != NULL);
    write_file(copy, FIGURES);
    /* read the same bytes under the absolute path the workspace records */
    CHECK_STATUS(mvec_observations_import_file(ctx, direct, absolute, "obs", NULL), MVEC_OK);
    CHECK_STATUS(mvec_workspace_load(ctx, ws, loaded, NULL), MVEC_OK);
    check_same_rows(direct, loaded);
    mvec_observations_free(ctx, loaded);
    CHECK_STATUS(mvec_observations_new(ctx, countries, &loaded), MVEC_OK);
    CHECK_STATUS(mvec_workspace_load(ctx, ws, loaded, "Kazakhstan"), MVEC_OK);
    CHECK(mvec_observations_count(loaded) == 2);
    for (size_t i = 0; i < mvec_observations_count(loaded); i++)
        CHECK_STR(mvec_observations_at(loaded, i)->country->code, "KAZ");
    CHECK(mvec_observations_count(loaded) == 2 &&
          mvec_observations_at(loaded, 1)->basis == MVEC_BASIS_PARTNER &&
          mvec_observations_at(loaded, 1)->line == 6 &&
          mvec_observations_at(loaded, 1)->column == 6);
    CHECK_STATUS(mvec_workspace_load(ctx, ws, loaded, "Atlantis"), MVEC_ERR_INVALID);
    CHECK(mvec_observations_count(loaded) == 2);
    CHECK_STATUS(mvec_workspace_load(ctx, ws, loaded, "FRA"), MVEC_OK);
    CHECK(mvec_observations_count(loaded) == 2);
    mvec_observations_free(ctx, loaded);
    mvec_observations_free(ctx, direct);

    /* A changed file replaces its rows. */
    write_file(figures, "country,partner,vector,indicator,year,value,unit,basis,source,note\n"
                        "UZB,CHN,trade.total,value,2019,20,USD bn,reporter,Test (revised),\n");
    CHECK_STATUS(mvec_workspace_import(ctx, ws, countries, "obs", paths, 1, actions, rows),
                 MVEC_OK);
    CHECK(actions[0] == MVEC_WORKSPACE_REPLACED && rows[0] == 1);
    CHECK(mvec_workspace_file_count(ws) == 1 && mvec_workspace_file_at(ws, 0)->rows == 1);
    CHECK_STATUS(mvec_observations_new(ctx, countries, &loaded), MVEC_OK);
    CHECK_STATUS(mvec_workspace_load(ctx, ws, loaded, NULL), MVEC_OK);
    CHECK(mvec_observations_count(loaded) == 1 &&
          fabs(mvec_observations_at(loaded, 0)->value - 20.0) < 1e-12 &&
          strcmp(mvec_observations_at(loaded, 0)->source, "Test (revised)") == 0);
    mvec_observations_free(ctx, loaded);
    mvec_workspace_close(ctx, ws);
    ws = NULL;
    free(before);

    /* A read-only workspace: reading works, an import fails and writes nothing. (root
     * writes any file: skipped then.) */
    if (geteuid() != 0) {
        before = slurp(ws_path, &before_length);
        chmod(ws_path, 0444);
        CHECK_STATUS(mvec_workspace_open(ctx, ws_path, false, &ws), MVEC_OK);
        write_file(copy, FIGURES);
        const char *one[1] = {copy};
        write_file(figures, FIGURES);
        CHECK_STATUS(mvec_workspace_import(ctx, ws, countries, "obs", paths, 1, NULL, NULL),
                     MVEC_ERR_IO);
        CHECK(strstr(mvec_ctx_error_message(ctx), "read-only") != NULL);
        (void)one;
        CHECK(same_bytes(before, before_length, ws_path));
        mvec_workspace_close(ctx, ws);
        ws = NULL;
        chmod(ws_path, 0644);
        free(before);
    }

    /* Files mvec cannot use. */
    const char *text = in_dir("text.sqlite");
    write_file(text, "hello, not a database, but long enough to have a header of sorts......"
                     "........................................................\n");
    CHECK_STATUS(mvec_workspace_open(ctx, text, false, &ws), MVEC_ERR_WORKSPACE);
    CHECK(strstr(mvec_ctx_error_message(ctx), "not an SQLite database") != NULL);
    char command[512];
    snprintf(command, sizeof command, "cp %s %s", ws_path, in_dir("newer.sqlite"));
    CHECK(system(command) == 0);
    /* user_version is the big-endian 32-bit word at offset 60 of the header */
    FILE *h = fopen(in_dir("newer.sqlite"), "r+b");
    if (h != NULL) {
        fseek(h, 63, SEEK_SET);
        fputc(3, h);
        fclose(h);
    }
    CHECK_STATUS(mvec_workspace_open(ctx, in_dir("newer.sqlite"), false, &ws), MVEC_ERR_WORKSPACE);
    CHECK(strstr(mvec_ctx_error_message(ctx), "newer mvec") != NULL);
    snprintf(command, sizeof command, "cp %s %s", ws_path, in_dir("foreign.sqlite"));
    CHECK(system(command) == 0);
    h = fopen(in_dir("foreign.sqlite"), "r+b"); /* application_id: offset 68 */
    if (h != NULL) {
        fseek(h, 68, SEEK_SET);
        fputs("xxxx", h);
        fclose(h);
    }
    CHECK_STATUS(mvec_workspace_open(ctx, in_dir("foreign.sqlite"), false, &ws),
                 MVEC_ERR_WORKSPACE);
    CHECK(strstr(mvec_ctx_error_message(ctx), "another program") != NULL);
    /* An empty file is an empty workspace; a directory is refused. */
    write_file(in_dir("empty.sqlite"), "");
    CHECK_STATUS(mvec_workspace_open(ctx, in_dir("empty.sqlite"), false, &ws), MVEC_OK);
    CHECK(mvec_workspace_file_count(ws) == 0);
    mvec_workspace_close(ctx, ws);
    ws = NULL;
    CHECK_STATUS(mvec_workspace_open(ctx, dir, false, &ws), MVEC_ERR_IO);
    CHECK_STATUS(mvec_workspace_open(ctx, "", true, &ws), MVEC_ERR_INVALID);
    CHECK_STR(mvec_workspace_action_name(MVEC_WORKSPACE_DUPLICATE), "duplicate");

    /* The fingerprint covers the companion an importer reads beside the file
     * (unga: un_roll_calls.csv, where each roll call's year comes from): a
     * changed roll-call file alone replaces the votes' rows. */
    {
        size_t votes_length = 0, calls_length = 0;
        char *votes = slurp("tests/data/unga_votes_1985_2019.csv", &votes_length);
        char *calls = slurp("tests/data/un_roll_calls.csv", &calls_length);
        CHECK(votes != NULL && calls != NULL);
        if (votes != NULL && calls != NULL) {
            votes[votes_length] = calls[calls_length] = '\0';
            const char *unga_ws = in_dir("unga.sqlite");
            const char *votes_path[] = {in_dir("un_votes.csv")};
            write_file(votes_path[0], votes);
            write_file(in_dir("un_roll_calls.csv"), calls);
            mvec_workspace_action act[1];
            size_t n[1];
            CHECK_STATUS(mvec_workspace_open(ctx, unga_ws, true, &ws), MVEC_OK);
            CHECK_STATUS(mvec_workspace_import(ctx, ws, countries, NULL, votes_path, 1, act, n),
                         MVEC_OK);
            CHECK(act[0] == MVEC_WORKSPACE_ADDED && n[0] > 0);
            CHECK_STR(mvec_workspace_file_at(ws, 0)->format, "unga");
            CHECK_STATUS(mvec_workspace_import(ctx, ws, countries, "unga", votes_path, 1, act, n),
                         MVEC_OK);
            CHECK(act[0] == MVEC_WORKSPACE_UNCHANGED);
            /* Every 1985 roll call moved to 1984 in the companion only. */
            for (char *at = calls; (at = strstr(at, ",\"1985-")) != NULL; at += 6)
                memcpy(at + 2, "1984", 4);
            write_file(in_dir("un_roll_calls.csv"), calls);
            CHECK_STATUS(mvec_workspace_import(ctx, ws, countries, NULL, votes_path, 1, act, n),
                         MVEC_OK);
            CHECK(act[0] == MVEC_WORKSPACE_REPLACED && mvec_workspace_file_count(ws) == 1);
            mvec_observations *held = NULL;
            CHECK_STATUS(mvec_observations_new(ctx, countries, &held), MVEC_OK);
            CHECK_STATUS(mvec_workspace_load(ctx, ws, held, NULL), MVEC_OK);
            size_t in_1984 = 0, in_1985 = 0;
            for (size_t i = 0; i < mvec_observations_count(held); i++) {
                int year = mvec_observations_at(held, i)->year;
                in_1984 += year == 1984;
                in_1985 += year == 1985;
            }
            CHECK(in_1984 > 0 && in_1985 == 0);
            mvec_observations_free(ctx, held);
            CHECK_STATUS(mvec_workspace_import(ctx, ws, countries, "unga", votes_path, 1, act, n),
                         MVEC_OK);
            CHECK(act[0] == MVEC_WORKSPACE_UNCHANGED);
            mvec_workspace_close(ctx, ws);
            ws = NULL;
        }
        free(votes);
        free(calls);
    }

    test_flows(ctx, countries);

    mvec_countries_free(ctx, countries);
    mvec_ctx_free(ctx);
    snprintf(command, sizeof command, "rm -rf %s", dir);
    if (system(command) != 0)
        return 1;
    return test_report("test_workspace");
}
