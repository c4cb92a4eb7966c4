/*
 * session.c - shared set-up and tear-down of the data commands.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "messages.h"
#include "session.h"

static int write_to_stream(void *user, const char *data, size_t length)
{
    cli_session *session = user;
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

static mvec_status load_scheme(cli_session *session, const char *blocs)
{
    const char *name = blocs ? blocs : "powers";
    mvec_status status = mvec_bloc_scheme_builtin(session->ctx, session->countries, name,
                                                  &session->scheme);
    if (status == MVEC_ERR_INVALID && (strchr(name, '/') || strchr(name, '.') ||
                                       access(name, F_OK) == 0)) {
        mvec_ctx_clear_error(session->ctx);
        status = mvec_bloc_scheme_load(session->ctx, session->countries, name,
                                       &session->scheme);
    }
    return status;
}

static int open_output(cli_session *session, const char *path)
{
    session->out = stdout;
    if (path == NULL || strcmp(path, "-") == 0)
        return 0;
    size_t length = strlen(path) + 16;
    session->temporary_path = malloc(length);
    if (session->temporary_path == NULL) {
        cli_error("out of memory");
        return 1;
    }
    snprintf(session->temporary_path, length, "%s.tmpXXXXXX", path);
    int fd = mkstemp(session->temporary_path);
    if (fd < 0) {
        cli_error("cannot create '%s': %s", session->temporary_path, strerror(errno));
        free(session->temporary_path);
        session->temporary_path = NULL;
        return 1;
    }
    session->out = fdopen(fd, "w");
    if (session->out == NULL) {
        close(fd);
        cli_error("cannot write '%s': %s", session->temporary_path, strerror(errno));
        return 1;
    }
    session->output_path = path;
    return 0;
}

int cli_session_open(cli_session *session, const cli_args *args)
{
    memset(session, 0, sizeof *session);
    session->out = stdout;
    cli_set_quiet(args->quiet);
    session->ctx = mvec_ctx_new(NULL, NULL);
    if (session->ctx == NULL) {
        cli_error("out of memory");
        return 1;
    }
    mvec_ctx_set_log(session->ctx, cli_log, NULL);
    mvec_status status = mvec_format_from_name(session->ctx, args->format ? args->format : "table",
                                               &session->format);
    if (status != MVEC_OK)
        return cli_fail(session->ctx, status);
    mvec_countries_options options = MVEC_COUNTRIES_OPTIONS_INIT;
    options.iso_codes_dir = args->iso_codes;
    status = mvec_countries_open(session->ctx, &options, &session->countries);
    if (status == MVEC_ERR_IO) {
        int code = cli_fail(session->ctx, status);
        cli_note("give the directory with --iso-codes DIR");
        return code;
    }
    if (status == MVEC_OK)
        status = load_scheme(session, args->blocs);
    if (status == MVEC_OK)
        status = mvec_memberships_builtin(session->ctx, session->countries,
                                          &session->memberships);
    if (status == MVEC_OK)
        status = mvec_observations_new(session->ctx, session->countries,
                                       &session->observations);
    if (status == MVEC_OK && !args->no_embedded)
        status = mvec_observations_load_embedded(session->ctx, session->observations);
    for (size_t i = 0; status == MVEC_OK && i < args->data_file_count; i++)
        status = mvec_observations_load_file(session->ctx, session->observations,
                                             args->data_files[i], NULL);
    if (status != MVEC_OK)
        return cli_fail(session->ctx, status);
    return open_output(session, args->output);
}

int cli_session_close(cli_session *session, int code)
{
    if (session->out != NULL) {
        bool failed = session->write_errno != 0;
        if (fflush(session->out) != 0 && !failed) {
            session->write_errno = errno;
            failed = true;
        }
        if (ferror(session->out) && !failed) {
            session->write_errno = EIO;
            failed = true;
        }
        if (session->temporary_path != NULL) {
            if (fclose(session->out) != 0 && !failed) {
                session->write_errno = errno;
                failed = true;
            }
            if (code == 0 && !failed && rename(session->temporary_path, session->output_path) != 0) {
                cli_error("cannot write '%s': %s", session->output_path, strerror(errno));
                code = 1;
            }
            if (code != 0 || failed)
                remove(session->temporary_path);
            free(session->temporary_path);
        }
        if (failed && code == 0) {
            if (session->output_path != NULL)
                cli_error("cannot write '%s': %s", session->output_path,
                          strerror(session->write_errno));
            else
                cli_error("cannot write to standard output: %s", strerror(session->write_errno));
            code = 1;
        }
    }
    mvec_observations_free(session->ctx, session->observations);
    mvec_memberships_free(session->ctx, session->memberships);
    mvec_bloc_scheme_free(session->ctx, session->scheme);
    mvec_countries_free(session->ctx, session->countries);
    mvec_ctx_free(session->ctx);
    return code;
}
