/*
 * messages.h - everything the CLI says on standard error goes through here:
 * one prefix ("mvec: "), one place for the quiet switch.
 */
#ifndef MVEC_CLI_MESSAGES_H
#define MVEC_CLI_MESSAGES_H

#include <mvec/mvec.h>
#include <stdbool.h>

#if defined(__GNUC__)
#define CLI_PRINTF(a, b) __attribute__((format(printf, a, b)))
#else
#define CLI_PRINTF(a, b)
#endif

#include <stddef.h>
#include <stdio.h>

void cli_set_quiet(bool quiet);
void cli_error(const char *fmt, ...) CLI_PRINTF(1, 2);
void cli_warning(const char *fmt, ...) CLI_PRINTF(1, 2);
/* A line that explains an error (not silenced by --quiet). */
void cli_note(const char *fmt, ...) CLI_PRINTF(1, 2);
/* "Try 'mvec COMMAND --help' for more information." */
void cli_try_help(const char *command);
/* An Excel workbook (--format xlsx) is binary: refused when it would go to a
 * terminal (standard output without -o FILE). Returns 2 (usage) after the
 * message, else 0. */
int cli_refuse_binary_to_terminal(const char *format, const char *output);
/* A paragraph on `out`: `prefix`, then the text word-wrapped at 120 columns (code points),
 * continuation lines indented by `indent` spaces; a newline is added. Errors and warnings are
 * wrapped alike (indent 6). */
void cli_print_wrapped(FILE *out, const char *prefix, size_t indent, const char *fmt, ...)
    CLI_PRINTF(4, 5);
/* Log callback for the library context. */
void cli_log(void *user, mvec_log_level level, const char *message);
/* Exit code for a library status (docs/exit-codes.md). */
int cli_exit_code(mvec_status status);
/* Print the context's error and return the exit code. */
int cli_fail(mvec_ctx *ctx, mvec_status status);

#endif
