/*
 * messages.c - messages on standard error and the status-to-exit-code map.
 */
#include <stdarg.h>
#include <stdio.h>

#include "messages.h"

static bool quiet_mode = false;

void cli_set_quiet(bool quiet)
{
    quiet_mode = quiet;
}

static void say(const char *prefix, const char *fmt, va_list args) CLI_PRINTF(2, 0);
static void say(const char *prefix, const char *fmt, va_list args)
{
    fputs(prefix, stderr);
    vfprintf(stderr, fmt, args);
    fputc('\n', stderr);
}

/* An error and a note read alike ("mvec: ..."); a note follows an error or a result. */
void cli_error(const char *fmt, ...)
{
    va_list args;
    va_start(args, fmt);
    say("mvec: ", fmt, args);
    va_end(args);
}

void cli_note(const char *fmt, ...)
{
    va_list args;
    va_start(args, fmt);
    say("mvec: ", fmt, args);
    va_end(args);
}

void cli_warning(const char *fmt, ...)
{
    if (quiet_mode)
        return;
    va_list args;
    va_start(args, fmt);
    say("mvec: warning: ", fmt, args);
    va_end(args);
}

void cli_try_help(const char *command)
{
    if (command != NULL)
        fprintf(stderr, "Try 'mvec %s --help' for more information.\n", command);
    else
        fprintf(stderr, "Try 'mvec --help' for more information.\n");
}

void cli_log(void *user, mvec_log_level level, const char *message)
{
    (void)user;
    switch (level) {
    case MVEC_LOG_ERROR:
        cli_error("%s", message);
        break;
    case MVEC_LOG_WARNING:
        cli_warning("%s", message);
        break;
    case MVEC_LOG_NOTE:
    case MVEC_LOG_DEBUG:
        break;
    }
}

int cli_exit_code(mvec_status status)
{
    switch (status) {
    case MVEC_OK:
        return 0;
    case MVEC_ERR_INVALID:
        return 2;
    case MVEC_ERR_PARSE:
    case MVEC_ERR_SCHEMA:
    case MVEC_ERR_LIMIT:
        return 3;
    case MVEC_ERR_INTERNAL:
        return 4;
    case MVEC_ERR_WORKSPACE:
        return 5;
    case MVEC_ERR_NOMEM:
    case MVEC_ERR_IO:
    case MVEC_ERR_SOLVER:
    case MVEC_ERR_CANCELLED:
    case MVEC_ERR_NO_DATA:
    case MVEC_STATUS_COUNT_:
        return 1;
    }
    return 1;
}

int cli_fail(mvec_ctx *ctx, mvec_status status)
{
    cli_error("%s", mvec_ctx_error_message(ctx));
    if (status == MVEC_ERR_INTERNAL)
        fprintf(stderr, "mvec: this is a bug in mvec; please report it\n");
    if (status == MVEC_ERR_NO_DATA)
        cli_note("give data with --data FILE");
    return cli_exit_code(status);
}
