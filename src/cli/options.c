/*
 * options.c - option parsing and help text from the tables in options.h.
 */
#include <errno.h>
#include <inttypes.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "messages.h"
#include "names.h"
#include "options.h"

const cli_option CLI_OPTION_DATA = {
    "data", 0, "FILE", CLI_FILE_LIST, offsetof(cli_args, data_files),
    "add observations from FILE: mvec's long CSV format, or any format 'mvec import --help' "
    "lists, recognised by its header row; repeatable; '-' reads standard input"};
const cli_option CLI_OPTION_NO_EMBEDDED = {
    "no-embedded", 0, NULL, CLI_FLAG, offsetof(cli_args, no_embedded),
    "leave out the built-in Kazakhstan dataset"};
const cli_option CLI_OPTION_ISO_CODES = {
    "iso-codes", 0, "DIR", CLI_TEXT, offsetof(cli_args, iso_codes),
    "directory of iso-codes JSON files (default /usr/share/iso-codes/json)"};
const cli_option CLI_OPTION_BLOCS = {
    "blocs", 0, "SCHEME,...", CLI_TEXT, offsetof(cli_args, blocs),
    "bloc scheme: built-in 'powers' (default) or 'treaties', or a CSV file (docs/formats.md); "
    "several separated by commas (powers,treaties) report every bloc-based result under each "
    "and the conclusions that flip between them"};
const cli_option CLI_OPTION_FORMAT = {
    "format", 0, "FORMAT", CLI_TEXT, offsetof(cli_args, format),
    "output format: table (default), csv, json or xlsx (an Excel workbook: give -o FILE.xlsx)"};
const cli_option CLI_OPTION_OUTPUT = {
    "output", 'o', "FILE", CLI_TEXT, offsetof(cli_args, output),
    "write to FILE (replaced only when the command succeeds) instead of standard output"};
const cli_option CLI_OPTION_YEAR = {
    "year", 0, "YEAR", CLI_YEAR, offsetof(cli_args, year),
    "use this year instead of the latest year with data"};
const cli_option CLI_OPTION_WEIGHTS = {
    "weights", 0, "V=W,...", CLI_TEXT, offsetof(cli_args, weights),
    "composite weights per vector, e.g. trade.exports=2,arms.imports=0 (default 1 each; "
    "trade.total 0 when exports and imports are both there)"};
const cli_option CLI_OPTION_BASIS = {
    "basis", 0, "BASIS", CLI_TEXT, offsetof(cli_args, basis),
    "only statistics of this basis: reporter, partner, third_party or unstated"};
const cli_option CLI_OPTION_VECTOR = {
    "vector", 0, "VECTOR", CLI_TEXT, offsetof(cli_args, vector),
    "the vector to list (default trade.total)"};
const cli_option CLI_OPTION_VECTOR_FILTER = {
    "vector", 0, "VECTOR", CLI_TEXT, offsetof(cli_args, vector),
    "only figures of this vector (e.g. trade.exports, institutions)"};
const cli_option CLI_OPTION_PARTNER = {
    "partner", 0, "PARTNER", CLI_TEXT, offsetof(cli_args, partner),
    "only figures about this partner (code or name)"};
const cli_option CLI_OPTION_QUIET = {
    "quiet", 'q', NULL, CLI_FLAG, offsetof(cli_args, quiet), "do not print warnings"};
const cli_option CLI_OPTION_HELP = {
    "help", 'h', NULL, CLI_FLAG, offsetof(cli_args, help), "show this help and exit"};

const cli_option CLI_OPTION_WORKSPACE = {
    "workspace", 0, "FILE", CLI_TEXT, offsetof(cli_args, workspace),
    "the workspace (default $MVEC_WORKSPACE, else $XDG_DATA_HOME/mvec/workspace.sqlite, else "
    "~/.local/share/mvec/workspace.sqlite; read when it exists)"};

const cli_option CLI_OPTION_NETWORK = {
    "network", 0, "FILE", CLI_TEXT, offsetof(cli_args, network),
    "a corridor network (docs/formats.md, \"Corridor network\"; default: the country's built-in "
    "one, data/kaz/corridors.csv for Kazakhstan)"};

#define USAGE_ERROR(...)                                                                           \
    do {                                                                                           \
        cli_error(__VA_ARGS__);                                                                    \
        cli_try_help(command->name);                                                               \
        return 2;                                                                                  \
    } while (0)

static const cli_option *find_long(const cli_command *command, const char *name, size_t length)
{
    for (const cli_option *const *o = command->options; *o; o++)
        if (strlen((*o)->name) == length && strncmp((*o)->name, name, length) == 0)
            return *o;
    return NULL;
}

/* "unknown option '--formt' for 'profile'; did you mean '--format'?": the
 * command's long option that starts with the name typed, else the closest
 * by edit distance (names.h). Returns 2. */
static int unknown_option(const cli_command *command, const char *arg)
{
    enum { MAX_OPTIONS = 32 };
    const char *names[MAX_OPTIONS];
    size_t count = 0;
    for (const cli_option *const *o = command->options; *o && count < MAX_OPTIONS; o++)
        names[count++] = (*o)->name;
    char typed[64] = "";
    if (strncmp(arg, "--", 2) == 0) {
        size_t length = strcspn(arg + 2, "=");
        if (length < sizeof typed) {
            memcpy(typed, arg + 2, length);
            typed[length] = '\0';
        }
    }
    const char *suggestion = typed[0] ? cli_closest_name(typed, names, count) : NULL;
    if (suggestion != NULL)
        USAGE_ERROR("unknown option '%s' for '%s'; did you mean '--%s'?", arg, command->name,
                    suggestion);
    USAGE_ERROR("unknown option '%s' for '%s'", arg, command->name);
}

static const cli_option *find_short(const cli_command *command, char c)
{
    for (const cli_option *const *o = command->options; *o; o++)
        if ((*o)->short_name == c)
            return *o;
    return NULL;
}

static int store(const cli_command *command, const cli_option *option, const char *value,
                 cli_args *args)
{
    char *field = (char *)args + option->offset;
    switch (option->kind) {
    case CLI_FLAG:
        *(bool *)(void *)field = true;
        return 0;
    case CLI_TEXT:
        *(const char **)(void *)field = value;
        return 0;
    case CLI_YEAR_PAIR:
    case CLI_YEAR: {
        char *end = NULL;
        long year = strtol(value, &end, 10);
        if (value[0] == '\0' || *end != '\0' || year < 1900 || year > 2100)
            USAGE_ERROR("invalid year '%s' (a year from 1900 to 2100)", value);
        *(int *)(void *)field = (int)year;
        return 0;
    }
    case CLI_TEXT_LIST: {
        cli_text_list *list = (cli_text_list *)(void *)field;
        if (list->count == CLI_MAX_TEXT_LIST)
            USAGE_ERROR("too many --%s options (at most %d)", option->name, CLI_MAX_TEXT_LIST);
        list->items[list->count++] = value;
        return 0;
    }
    case CLI_FILE_LIST:
        if (args->data_file_count == CLI_MAX_DATA_FILES)
            USAGE_ERROR("too many --data files (at most %d)", CLI_MAX_DATA_FILES);
        args->data_files[args->data_file_count++] = value;
        return 0;
    }
    return 0;
}

int cli_parse(const cli_command *command, int argc, char **argv, cli_args *args)
{
    bool options_done = false;
    for (int i = 0; i < argc; i++) {
        const char *arg = argv[i];
        const cli_option *option = NULL;
        const char *value = NULL;
        if (!options_done && strcmp(arg, "--") == 0) {
            options_done = true;
            continue;
        }
        if (!options_done && strncmp(arg, "--", 2) == 0) {
            const char *name = arg + 2;
            const char *equals = strchr(name, '=');
            size_t length = equals ? (size_t)(equals - name) : strlen(name);
            option = find_long(command, name, length);
            if (option == NULL)
                return unknown_option(command, arg);
            if (equals != NULL) {
                if (option->kind == CLI_FLAG)
                    USAGE_ERROR("option '--%s' takes no value", option->name);
                value = equals + 1;
            }
        } else if (!options_done && arg[0] == '-' && arg[1] != '\0') {
            option = arg[2] == '\0' ? find_short(command, arg[1]) : NULL;
            if (option == NULL)
                USAGE_ERROR("unknown option '%s' for '%s'", arg, command->name);
        } else {
            if (args->positional_count >= command->max_positional)
                USAGE_ERROR("unexpected argument '%s' for '%s'", arg, command->name);
            args->positional[args->positional_count++] = arg;
            continue;
        }
        if (option->kind == CLI_YEAR_PAIR) {
            if (value != NULL || i + 2 >= argc) {
                cli_error("option '--%s' needs two years (%s)", option->name, option->argument);
                cli_try_help(command->name);
                return 2;
            }
            cli_option second = *option;
            second.offset += sizeof(int);
            int result = store(command, option, argv[i + 1], args);
            if (result == 0)
                result = store(command, &second, argv[i + 2], args);
            if (result != 0)
                return result;
            i += 2;
            continue;
        }
        if (option->kind != CLI_FLAG && value == NULL) {
            if (i + 1 >= argc) {
                cli_error("option '--%s' needs a value (%s)", option->name, option->argument);
                cli_try_help(command->name);
                return 2;
            }
            value = argv[++i];
        }
        int result = store(command, option, value, args);
        if (result != 0)
            return result;
    }
    return 0;
}

/* Print `text` wrapped at 80 columns; continuation lines start at `indent`.
 * A newline in `text` starts a new paragraph line. */
static void print_wrapped(FILE *out, const char *text, size_t indent, size_t start_column)
{
    size_t column = start_column;
    bool line_empty = true;
    for (const char *p = text; *p;) {
        if (*p == '\n') {
            fprintf(out, "\n%*s", (int)indent, "");
            column = indent;
            line_empty = true;
            p++;
            continue;
        }
        if (*p == ' ') {
            p++;
            continue;
        }
        size_t word = strcspn(p, " \n");
        if (!line_empty && column + 1 + word > 80) {
            fprintf(out, "\n%*s", (int)indent, "");
            column = indent;
            line_empty = true;
        }
        if (!line_empty) {
            fputc(' ', out);
            column++;
        }
        fwrite(p, 1, word, out);
        column += word;
        line_empty = false;
        p += word;
    }
    fputc('\n', out);
}

void cli_print_command_help(FILE *out, const cli_command *command)
{
    fprintf(out, "usage: mvec %s %s\n\n", command->name, command->usage);
    print_wrapped(out, command->summary, 0, 0);
    if (command->description != NULL) {
        fputc('\n', out);
        print_wrapped(out, command->description, 0, 0);
    }
    fprintf(out, "\noptions:\n");
    for (const cli_option *const *o = command->options; *o; o++) {
        char left[64];
        if ((*o)->short_name)
            snprintf(left, sizeof left, "  -%c, --%s%s%s", (*o)->short_name, (*o)->name,
                     (*o)->argument ? " " : "", (*o)->argument ? (*o)->argument : "");
        else
            snprintf(left, sizeof left, "      --%s%s%s", (*o)->name, (*o)->argument ? " " : "",
                     (*o)->argument ? (*o)->argument : "");
        fprintf(out, "%-30s", left);
        if (strlen(left) >= 30)
            fprintf(out, "\n%30s", "");
        print_wrapped(out, (*o)->help, 30, 30);
    }
    if (command->print_more_help != NULL)
        command->print_more_help(out);
    if (command->examples != NULL)
        fprintf(out, "\nexamples:\n%s", command->examples);
}

bool cli_whole_number(const char *command, const char *option, const char *text, uint64_t lo,
                      uint64_t hi, uint64_t *out)
{
    char *end = NULL;
    errno = 0;
    unsigned long long value = text[0] == '-' ? 0 : strtoull(text, &end, 10);
    if (text[0] == '-' || errno != 0 || end == text || *end != '\0' || value < lo || value > hi) {
        cli_error("--%s takes a whole number from %" PRIu64 " to %" PRIu64 ", not '%s'", option, lo,
                  hi, text);
        cli_try_help(command);
        return false;
    }
    *out = value;
    return true;
}
