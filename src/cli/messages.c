/*
 * messages.c - messages on standard error and the status-to-exit-code map.
 */
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "messages.h"
#include "progress.h"

static bool quiet_mode = false;

void cli_set_quiet(bool quiet)
{
    quiet_mode = quiet;
}

/* Messages fit a terminal of 120 columns: words are wrapped, and a continuation line starts
 * under the message text ("mvec: " wide, plus the indentation of the message's own line).
 * cli_print_wrapped does the same for paragraphs of the text output (notes under a table).
 * A word wider than a line (a long path) stands alone on its line, unbroken. Widths count
 * code points (UTF-8). */
enum { MESSAGE_WIDTH = 120, MESSAGE_INDENT = 6 };

static size_t utf8_width(const char *text, size_t length)
{
    size_t width = 0;
    for (size_t i = 0; i < length; i++)
        if (((unsigned char)text[i] & 0xC0) != 0x80)
            width++;
    return width;
}

static void print_wrapped(FILE *out, const char *prefix, size_t first_indent, const char *text)
{
    fputs(prefix, out);
    size_t column = utf8_width(prefix, strlen(prefix));
    for (const char *line = text;;) {
        size_t line_length = strcspn(line, "\n");
        size_t lead = strspn(line, " ");
        if (lead > line_length)
            lead = line_length;
        size_t indent = first_indent + lead;
        if (line != text) {
            fprintf(out, "\n%*s", (int)first_indent, "");
            column = first_indent;
        }
        fwrite(line, 1, lead, out);
        column += lead;
        bool line_empty = true;
        for (size_t at = lead; at < line_length;) {
            size_t gap = strspn(line + at, " ");
            if (at + gap >= line_length) { /* trailing spaces kept as written */
                fwrite(line + at, 1, line_length - at, out);
                break;
            }
            at += gap;
            size_t word = strcspn(line + at, " \n");
            /* a quoted name with spaces ('USD 2010 m', 'Unknown supplier(s)') is not cut */
            const char *open = line + at;
            if (*open == '(')
                open++;
            size_t head = word - (size_t)(open - (line + at)); /* the word from the quote on */
            if (*open == '\'' && head > 0 && memchr(open + 1, '\'', head - 1) == NULL) {
                const char *close = memchr(open + 1, '\'', (size_t)(line + line_length - open - 1));
                if (close != NULL && close - (line + at) < 60)
                    word = (size_t)(close - (line + at)) + strcspn(close, " \n");
            }
            size_t width = utf8_width(line + at, word);
            if (!line_empty && column + gap + width > MESSAGE_WIDTH) {
                fprintf(out, "\n%*s", (int)indent, "");
                column = indent;
            } else {
                fprintf(out, "%*s", (int)gap, "");
                column += gap;
            }
            fwrite(line + at, 1, word, out);
            column += width;
            line_empty = false;
            at += word;
        }
        if (line[line_length] == '\0')
            break;
        line += line_length + 1;
    }
    fputc('\n', out);
}

static void say_to(FILE *out, const char *prefix, size_t indent, const char *fmt, va_list args)
    CLI_PRINTF(4, 0);
static void say_to(FILE *out, const char *prefix, size_t indent, const char *fmt, va_list args)
{
    char small[1024];
    va_list copy;
    va_copy(copy, args);
    int length = vsnprintf(small, sizeof small, fmt, copy);
    va_end(copy);
    if (length >= 0 && (size_t)length < sizeof small) {
        print_wrapped(out, prefix, indent, small);
        return;
    }
    char *text = length < 0 ? NULL : malloc((size_t)length + 1);
    if (text == NULL) { /* out of memory: the message unwrapped rather than lost */
        fputs(prefix, out);
        vfprintf(out, fmt, args);
        fputc('\n', out);
        return;
    }
    vsnprintf(text, (size_t)length + 1, fmt, args);
    print_wrapped(out, prefix, indent, text);
    free(text);
}

static void say(const char *prefix, const char *fmt, va_list args) CLI_PRINTF(2, 0);
static void say(const char *prefix, const char *fmt, va_list args)
{
    cli_progress_clear();
    say_to(stderr, prefix, MESSAGE_INDENT, fmt, args);
}

void cli_print_wrapped(FILE *out, const char *prefix, size_t indent, const char *fmt, ...)
{
    cli_progress_clear();
    va_list args;
    va_start(args, fmt);
    say_to(out, prefix, indent, fmt, args);
    va_end(args);
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

int cli_refuse_binary_to_terminal(const char *format, const char *output)
{
    bool to_stdout = output == NULL || strcmp(output, "-") == 0;
    if (format == NULL || strcmp(format, "xlsx") != 0 || !to_stdout || !isatty(STDOUT_FILENO))
        return 0;
    cli_error("standard output is a terminal: write the Excel workbook with -o FILE.xlsx or "
              "redirect it to a file");
    return 2;
}
