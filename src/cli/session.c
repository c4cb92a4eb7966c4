/*
 * session.c - shared set-up and tear-down of the data commands.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "messages.h"
#include "progress.h"
#include "names.h"
#include "session.h"

static int write_to_stream(void *user, const char *data, size_t length)
{
    cli_session *session = user;
    cli_progress_clear();
    if (fwrite(data, 1, length, session->out) != length) {
        if (session->write_errno == 0)
            session->write_errno = errno ? errno : EIO;
        return -1;
    }
    return 0;
}

mvec_sink cli_session_sink(cli_session *session)
{
    mvec_sink sink = {write_to_stream, session};
    return sink;
}

/* One scheme: a built-in name, else a file (a name with '/' or '.', or an
 * existing file); an unknown name gets a did-you-mean and exit 2. Returns 0
 * or the exit code after printing the error. */
static int load_scheme(cli_session *session, const char *name, mvec_bloc_scheme **out)
{
    size_t builtin_count = 0;
    const char *const *builtin = mvec_bloc_scheme_builtin_names(&builtin_count);
    bool is_builtin = false;
    for (size_t i = 0; i < builtin_count; i++)
        is_builtin = is_builtin || strcmp(builtin[i], name) == 0;
    mvec_status status;
    if (is_builtin) {
        status = mvec_bloc_scheme_builtin(session->ctx, session->countries, name, out);
    } else if (strchr(name, '/') || strchr(name, '.') || access(name, F_OK) == 0) {
        status = mvec_bloc_scheme_load(session->ctx, session->countries, name, out);
    } else {
        cli_unknown_name("bloc scheme", name, "", builtin, builtin_count);
        cli_note("--blocs also takes a scheme file (CSV, docs/formats.md)");
        return 2;
    }
    return status == MVEC_OK ? 0 : cli_fail(session->ctx, status);
}

/* --blocs A[,B...]: each scheme once, at most MVEC_ROBUST_SCHEME_LIMIT. */
static int load_schemes(cli_session *session, const char *blocs)
{
    const char *list = blocs ? blocs : "powers";
    char name[4096];
    size_t items = 1;
    for (const char *p = list; *p; p++)
        items += *p == ',' ? 1u : 0u;
    if (items > MVEC_ROBUST_SCHEME_LIMIT) {
        cli_error("--blocs: %zu schemes; at most %d can be compared", items,
                  MVEC_ROBUST_SCHEME_LIMIT);
        return 2;
    }
    for (const char *p = list;;) {
        const char *comma = strchr(p, ',');
        size_t length = comma ? (size_t)(comma - p) : strlen(p);
        if (length == 0 || length >= sizeof name) {
            cli_error("--blocs: %s in '%s'", length ? "scheme name too long" : "empty scheme name",
                      list);
            return 2;
        }
        memcpy(name, p, length);
        name[length] = '\0';
        for (size_t i = 0; i < session->scheme_count; i++)
            if (strcmp(mvec_bloc_scheme_name(session->schemes[i]), name) == 0) {
                cli_error("--blocs: scheme '%s' given twice", name);
                return 2;
            }
        int code = load_scheme(session, name, &session->schemes[session->scheme_count]);
        if (code != 0)
            return code;
        session->scheme_count++;
        if (comma == NULL)
            break;
        p = comma + 1;
    }
    session->scheme = session->schemes[0];
    return 0;
}

/* ---- the workspace ------------------------------------------------------------------------ */

int cli_workspace_path(const cli_args *args, char *path, size_t size, bool *named)
{
    *named = args->workspace != NULL;
    const char *env = getenv("MVEC_WORKSPACE");
    const char *xdg = getenv("XDG_DATA_HOME");
    const char *home = getenv("HOME");
    int length;
    if (args->workspace != NULL)
        length = snprintf(path, size, "%s", args->workspace);
    else if (env != NULL && env[0] != '\0')
        length = snprintf(path, size, "%s", env);
    else if (xdg != NULL && xdg[0] == '/')
        length = snprintf(path, size, "%s/mvec/workspace.sqlite", xdg);
    else if (home != NULL && home[0] != '\0')
        length = snprintf(path, size, "%s/.local/share/mvec/workspace.sqlite", home);
    else {
        cli_error("no workspace location: set MVEC_WORKSPACE or HOME, or give --workspace FILE");
        return 1;
    }
    if (length < 0 || (size_t)length >= size) {
        cli_error("workspace path too long");
        return 1;
    }
    return 0;
}

void cli_workspace_prepare(const char *path, bool named)
{
    const char *env = getenv("MVEC_WORKSPACE");
    if (named || (env != NULL && env[0] != '\0'))
        return; /* a location the user gave: never made up */
    char buffer[4096];
    snprintf(buffer, sizeof buffer, "%s", path);
    char *slash = strrchr(buffer, '/');
    if (slash == NULL || slash == buffer)
        return;
    *slash = '\0';
    for (char *p = buffer + 1; *p; p++) {
        if (*p != '/')
            continue;
        *p = '\0';
        mkdir(buffer, 0777);
        *p = '/';
    }
    mkdir(buffer, 0777);
}

/* Add the workspace's observations (of args->workspace_country when set and
 * known) when --workspace names one or the default one exists. */
static int load_workspace(cli_session *session, const cli_args *args)
{
    char path[4096];
    bool named = false;
    if (cli_workspace_path(args, path, sizeof path, &named) != 0)
        return named ? 1 : 0;
    if (!named && access(path, F_OK) != 0)
        return 0;
    const char *country = args->workspace_country;
    if (country != NULL && mvec_countries_find(session->countries, country) == NULL)
        return 0; /* the command reports the unknown country */
    mvec_workspace *workspace = NULL;
    mvec_status status = mvec_workspace_open(session->ctx, path, false, &workspace);
    if (status == MVEC_OK)
        status = mvec_workspace_load(session->ctx, workspace, session->observations, country);
    mvec_workspace_close(session->ctx, workspace);
    return status == MVEC_OK ? 0 : cli_fail(session->ctx, status);
}

/* ---- --output: a temporary file beside the target, renamed over it on success ---------- */

/* The temporary file to remove if a signal ends the process while it exists.
 * Read by the handler, so it is set before the handlers are installed and
 * cleared after they are removed. */
static char *volatile signal_temporary_path;
static const int CLEANUP_SIGNALS[] = {SIGINT, SIGTERM, SIGHUP};
enum { CLEANUP_SIGNAL_COUNT = sizeof CLEANUP_SIGNALS / sizeof *CLEANUP_SIGNALS };
static struct sigaction previous_actions[CLEANUP_SIGNAL_COUNT];

/* Only async-signal-safe calls: unlink, sigaction, raise. */
static void remove_temporary_and_die(int signal_number)
{
    char *path = signal_temporary_path;
    if (path != NULL)
        unlink(path);
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = SIG_DFL;
    sigemptyset(&action.sa_mask);
    sigaction(signal_number, &action, NULL);
    raise(signal_number); /* delivered on return: the process ends as the signal asks */
}

static void install_cleanup_handlers(char *temporary_path)
{
    signal_temporary_path = temporary_path;
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = remove_temporary_and_die;
    sigemptyset(&action.sa_mask);
    for (size_t i = 0; i < CLEANUP_SIGNAL_COUNT; i++)
        sigaddset(&action.sa_mask, CLEANUP_SIGNALS[i]);
    for (size_t i = 0; i < CLEANUP_SIGNAL_COUNT; i++) {
        sigaction(CLEANUP_SIGNALS[i], NULL, &previous_actions[i]);
        if (previous_actions[i].sa_handler != SIG_IGN) /* keep nohup's choice */
            sigaction(CLEANUP_SIGNALS[i], &action, NULL);
    }
}

static void remove_cleanup_handlers(void)
{
    for (size_t i = 0; i < CLEANUP_SIGNAL_COUNT; i++)
        sigaction(CLEANUP_SIGNALS[i], &previous_actions[i], NULL);
    signal_temporary_path = NULL;
}

static const char *file_kind(mode_t mode)
{
    if (S_ISDIR(mode))
        return "a directory";
    if (S_ISLNK(mode))
        return "a symbolic link";
    if (S_ISFIFO(mode))
        return "a FIFO";
    if (S_ISCHR(mode))
        return "a character device";
    if (S_ISBLK(mode))
        return "a block device";
    if (S_ISSOCK(mode))
        return "a socket";
    return "not a regular file";
}

/* 0 when `path` is absent or a regular file, with *exists and *mode (its
 * permission bits) set; else prints why and returns 1. */
static int check_output_target(const char *path, bool *exists, mode_t *mode)
{
    struct stat info;
    *exists = false;
    *mode = 0;
    if (lstat(path, &info) != 0) {
        if (errno == ENOENT)
            return 0;
        cli_error("cannot write '%s': %s", path, strerror(errno));
        return 1;
    }
    if (S_ISREG(info.st_mode)) {
        *exists = true;
        *mode = info.st_mode & 07777;
        return 0;
    }
    cli_error("refusing to write '%s': it is %s; -o writes only regular files (use -o - or a "
              "shell redirection for anything else)",
              path, file_kind(info.st_mode));
    return 1;
}

/* Make the rename durable; errors are ignored (some file systems cannot
 * sync a directory, and the file itself is already synced). */
static void sync_directory_of(const char *path)
{
    const char *slash = strrchr(path, '/');
    char *directory = NULL;
    if (slash == NULL) {
        directory = strdup(".");
    } else {
        size_t length = slash == path ? 1 : (size_t)(slash - path);
        directory = malloc(length + 1);
        if (directory != NULL) {
            memcpy(directory, path, length);
            directory[length] = '\0';
        }
    }
    if (directory == NULL)
        return;
    int fd = open(directory, O_RDONLY | O_DIRECTORY);
    if (fd >= 0) {
        fsync(fd);
        close(fd);
    }
    free(directory);
}

/* Remove the temporary file of a failed open_output (its descriptor already
 * closed); standard output stays the session's stream, so nothing is
 * committed or closed later. */
static void discard_temporary(cli_session *session)
{
    unlink(session->temporary_path);
    remove_cleanup_handlers();
    free(session->temporary_path);
    session->temporary_path = NULL;
    session->out = stdout;
}

static int open_output(cli_session *session, const char *path)
{
    session->out = stdout;
    if (path == NULL || strcmp(path, "-") == 0)
        return 0;
    bool exists = false;
    mode_t mode = 0;
    if (check_output_target(path, &exists, &mode) != 0)
        return 1;
    size_t length = strlen(path) + 16;
    session->temporary_path = malloc(length);
    if (session->temporary_path == NULL) {
        cli_error("out of memory");
        return 1;
    }
    snprintf(session->temporary_path, length, "%s.tmpXXXXXX", path);
    /* Block the cleanup signals between creating the file and installing
     * the handlers, so no signal can leave it behind. */
    sigset_t block;
    sigset_t old;
    sigemptyset(&block);
    for (size_t i = 0; i < CLEANUP_SIGNAL_COUNT; i++)
        sigaddset(&block, CLEANUP_SIGNALS[i]);
    sigprocmask(SIG_BLOCK, &block, &old);
    int fd = mkstemp(session->temporary_path);
    if (fd >= 0)
        install_cleanup_handlers(session->temporary_path);
    sigprocmask(SIG_SETMASK, &old, NULL);
    if (fd < 0) {
        cli_error("cannot write '%s': %s", path, strerror(errno));
        free(session->temporary_path);
        session->temporary_path = NULL;
        return 1;
    }
    /* mkstemp creates mode 0600: a file replaced keeps its permission bits,
     * a new file gets what open(2) would give it. */
    if (!exists) {
        mode_t mask = umask(0);
        umask(mask);
        mode = 0666 & ~mask;
    }
    if (fchmod(fd, mode) != 0) {
        cli_error("cannot set the mode of '%s': %s", session->temporary_path, strerror(errno));
        close(fd);
        discard_temporary(session);
        return 1;
    }
    FILE *stream = fdopen(fd, "w");
    if (stream == NULL) {
        cli_error("cannot write '%s': %s", session->temporary_path, strerror(errno));
        close(fd);
        discard_temporary(session);
        return 1;
    }
    session->output_path = path;
    session->out = stream;
    return 0;
}

/* Flush, sync and close the temporary file, then rename it over the target
 * (checked again: it must still be absent or a regular file). Returns the
 * errno of the first failure, 0 on success. */
static int commit_output(cli_session *session, bool commit)
{
    int error = 0;
    if (fflush(session->out) != 0)
        error = errno ? errno : EIO;
    else if (ferror(session->out))
        error = EIO;
    else if (commit && fsync(fileno(session->out)) != 0)
        error = errno;
    if (fclose(session->out) != 0 && error == 0)
        error = errno ? errno : EIO;
    session->out = NULL;
    if (!commit || error != 0)
        return error;
    struct stat info;
    if (lstat(session->output_path, &info) == 0 && !S_ISREG(info.st_mode))
        return EEXIST;
    if (rename(session->temporary_path, session->output_path) != 0)
        return errno;
    sync_directory_of(session->output_path);
    return 0;
}


mvec_status cli_flows_open(mvec_ctx *ctx, const mvec_countries *countries, const cli_args *args,
                           const char *path, mvec_flows **out)
{
    char workspace[4096];
    char cache_dir[4200];
    char cache[4400];
    bool named = false;
    bool cached = false;
    if (cli_workspace_path(args, workspace, sizeof workspace, &named) == 0) {
        snprintf(cache_dir, sizeof cache_dir, "%s.flows", workspace);
        cached = mvec_flows_cache_path(ctx, path, cache_dir, cache, sizeof cache) == MVEC_OK &&
                 access(cache, F_OK) == 0;
        mvec_ctx_clear_error(ctx);
    }
    return cached ? mvec_flows_import(ctx, countries, path, cache_dir, NULL, out, NULL)
                  : mvec_flows_read(ctx, countries, path, NULL, out);
}

/* A --data file that is a flow table: read it (through the workspace's flow
 * cache when one exists for it, never writing one) and add the trade vectors
 * of the command's country. */
static int load_flow_file(cli_session *session, const cli_args *args, const char *path)
{
    const char *country = args->workspace_country;
    if (args->flows_every_country) {
        mvec_flows *table = NULL;
        mvec_status opened = cli_flows_open(session->ctx, session->countries, args, path, &table);
        if (opened != MVEC_OK)
            return cli_fail(session->ctx, opened);
        session->flows[session->flow_count++] = table;
        return 0;
    }
    if (country == NULL) {
        cli_error("%s is a flow table: its rows are made for one country; name the country "
                  "(e.g. 'mvec sources KAZ --data %s')",
                  path, path);
        return 2;
    }
    mvec_flows *flows = NULL;
    mvec_status status = cli_flows_open(session->ctx, session->countries, args, path, &flows);
    if (status != MVEC_OK)
        return cli_fail(session->ctx, status);
    session->flows[session->flow_count++] = flows;
    if (mvec_countries_find(session->countries, country) == NULL)
        return 0; /* the command reports the unknown country */
    mvec_flow_vectors_options options = MVEC_FLOW_VECTORS_OPTIONS_INIT;
    options.country = country;
    status = mvec_flow_vectors_add(session->ctx, session->observations, flows, &options, NULL);
    return status == MVEC_OK ? 0 : cli_fail(session->ctx, status);
}

mvec_ctx *cli_ctx_new(const cli_args *args)
{
    cli_set_quiet(args->quiet);
    mvec_ctx *ctx = mvec_ctx_new(NULL, NULL);
    if (ctx == NULL) {
        cli_error("out of memory");
        return NULL;
    }
    mvec_ctx_set_log(ctx, cli_log, NULL);
    cli_progress_install(ctx, args->quiet);
    return ctx;
}

int cli_threads(const cli_args *args, const char *command, unsigned *threads)
{
    *threads = 0;
    if (args->threads == NULL)
        return 0;
    char *end = NULL;
    long n = strtol(args->threads, &end, 10);
    if (end == args->threads || *end != '\0' || n < 1 || n > 64) {
        cli_error("--threads wants a number from 1 to 64, not '%s'", args->threads);
        cli_try_help(command);
        return 2;
    }
    *threads = (unsigned)n;
    return 0;
}

int cli_session_open(cli_session *session, const cli_args *args)
{
    memset(session, 0, sizeof *session);
    session->out = stdout;
    session->ctx = cli_ctx_new(args);
    if (session->ctx == NULL)
        return 1;
    mvec_status status = mvec_format_from_name(session->ctx, args->format ? args->format : "table",
                                               &session->format);
    if (status != MVEC_OK)
        return cli_fail(session->ctx, status);
    if (cli_refuse_binary_to_terminal(args->format, args->output) != 0)
        return 2;
    /* The output first: a refused -o fails before any work is done. */
    int code = open_output(session, args->output);
    if (code != 0)
        return code;
    mvec_countries_options options = MVEC_COUNTRIES_OPTIONS_INIT;
    options.iso_codes_dir = args->iso_codes;
    status = mvec_countries_open(session->ctx, &options, &session->countries);
    if (status == MVEC_ERR_IO) {
        code = cli_fail(session->ctx, status);
        cli_note("give the directory with --iso-codes DIR");
        return code;
    }
    if (args->countries_only)
        return status == MVEC_OK ? 0 : cli_fail(session->ctx, status);
    if (status == MVEC_OK) {
        code = load_schemes(session, args->blocs);
        if (code != 0)
            return code;
    }
    if (status == MVEC_OK)
        status = mvec_memberships_builtin(session->ctx, session->countries,
                                          &session->memberships);
    if (status == MVEC_OK)
        status = mvec_observations_new(session->ctx, session->countries,
                                       &session->observations);
    if (status == MVEC_OK && !args->no_embedded)
        status = mvec_observations_load_embedded(session->ctx, session->observations);
    /* A command about one country reads only its rows of a file of flows
     * (an unknown country: every row, and the command reports it). */
    const char *country = args->workspace_country;
    if (country != NULL && mvec_countries_find(session->countries, country) == NULL)
        country = NULL;
    for (size_t i = 0; status == MVEC_OK && i < args->data_file_count; i++) {
        bool is_flow_file = false;
        status = mvec_flows_recognise(session->ctx, session->countries, args->data_files[i],
                                      &is_flow_file);
        if (status == MVEC_OK && is_flow_file) {
            code = load_flow_file(session, args, args->data_files[i]);
            if (code != 0)
                return code;
        } else if (status == MVEC_OK) {
            status = mvec_observations_load_file_of(session->ctx, session->observations,
                                                    args->data_files[i], country, NULL);
        }
    }
    if (status != MVEC_OK)
        return cli_fail(session->ctx, status);
    return load_workspace(session, args);
}

static int finish_output(cli_session *session, int code)
{
    if (session->temporary_path != NULL) {
        int error = session->out != NULL ? commit_output(session, code == 0 && session->write_errno == 0) : 0;
        if (error == 0 && session->write_errno != 0)
            error = session->write_errno;
        if (code == 0 && error == EEXIST)
            cli_error("refusing to write '%s': it is no longer a regular file",
                      session->output_path);
        else if (code == 0 && error != 0)
            cli_error("cannot write '%s': %s", session->output_path, strerror(error));
        if (code == 0 && error != 0)
            code = 1;
        if (code != 0)
            unlink(session->temporary_path);
        remove_cleanup_handlers();
        free(session->temporary_path);
        session->temporary_path = NULL;
    } else if (session->out != NULL) {
        int error = session->write_errno;
        if (fflush(session->out) != 0 && error == 0)
            error = errno ? errno : EIO;
        if (ferror(session->out) && error == 0)
            error = EIO;
        if (error != 0 && code == 0) {
            cli_error("cannot write to standard output: %s", strerror(error));
            code = 1;
        }
    }
    return code;
}

int cli_output_open(cli_session *output, const char *path)
{
    memset(output, 0, sizeof *output);
    return open_output(output, path);
}

int cli_output_close(cli_session *output, int code)
{
    return finish_output(output, code);
}

int cli_session_close(cli_session *session, int code)
{
    code = finish_output(session, code);
    mvec_observations_free(session->ctx, session->observations);
    for (size_t i = 0; i < session->flow_count; i++)
        mvec_flows_close(session->ctx, session->flows[i]);
    mvec_memberships_free(session->ctx, session->memberships);
    for (size_t i = 0; i < session->scheme_count; i++)
        mvec_bloc_scheme_free(session->ctx, session->schemes[i]);
    mvec_countries_free(session->ctx, session->countries);
    mvec_ctx_free(session->ctx);
    return code;
}

void cli_text_open(cli_text *text)
{
    text->data = NULL;
    text->length = 0;
    text->file = open_memstream(&text->data, &text->length);
    if (text->file == NULL)
        text->file = fopen("/dev/null", "w"); /* printing goes nowhere; data stays NULL */
}

void cli_text_close(cli_text *text)
{
    if (text->file != NULL && fclose(text->file) != 0) {
        free(text->data);
        text->data = NULL;
    }
    text->file = NULL;
}

void cli_text_free(cli_text *text)
{
    free(text->data);
    text->data = NULL;
}

int cli_write_workbook(mvec_ctx *ctx, cli_session *output, const char *const *names,
                       const cli_text *texts, size_t count)
{
    mvec_csv_sheet sheets[8];
    if (count > sizeof sheets / sizeof *sheets)
        count = sizeof sheets / sizeof *sheets;
    for (size_t i = 0; i < count; i++) {
        if (texts[i].data == NULL) {
            cli_error("out of memory (writing the workbook)");
            return 1;
        }
        sheets[i] = (mvec_csv_sheet){names[i], texts[i].data, texts[i].length};
    }
    mvec_sink sink = cli_session_sink(output);
    mvec_status status = mvec_workbook_write_csv(ctx, sheets, count, &sink);
    if (status != MVEC_OK && output->write_errno == 0)
        return cli_fail(ctx, status);
    return status == MVEC_OK ? 0 : 1;
}

void cli_flow_sources_csv(FILE *out, mvec_flows *const *tables, size_t count)
{
    fprintf(out, "no.,publication,title,date,note\n");
    for (size_t i = 0; i < count; i++) {
        const mvec_flows_info *info = mvec_flows_get_info(tables[i]);
        fprintf(out, "%zu,\"flow table (%s, %s)\",\"", i + 1, info->format, info->hs_edition);
        for (const char *p = info->source_path; *p; p++)
            fprintf(out, *p == '"' ? "\"\"" : "%c", *p);
        fprintf(out, "\",%d-%d,\"%zu rows, %lld bytes, sha256 %s\"\n", info->first_year,
                info->last_year, info->rows, info->source_size, info->source_sha256);
    }
}
