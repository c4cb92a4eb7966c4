/*
 * main.c - mvec: command table, top-level options, dispatch.
 * The CLI is a client of the public headers only (ARCHITECTURE.md).
 */
#include <mvec/mvec.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "commands.h"
#include "messages.h"
#include "names.h"
#include "progress.h"

static const cli_command *const COMMANDS[] = {&CMD_PROFILE, &CMD_SHARES, &CMD_SOURCES,
                                              &CMD_CHECK, &CMD_TREND, &CMD_IMPORT, &CMD_WORKSPACE,
                                              &CMD_FLOWS, &CMD_COVERAGE, &CMD_SCREEN,
                                              &CMD_COMPOSITION, &CMD_RANK, &CMD_ROUTES, &CMD_SIMULATE,
                                              &CMD_FRONTIER, &CMD_CHART, &CMD_REPORT, &CMD_SERVE,
                                              NULL};

static void print_main_help(FILE *out)
{
    fprintf(out,
            "usage: mvec <command> [options]\n"
            "\n"
            "mvec measures how a country's external dependence is spread across partners and\n"
            "power blocs in every vector of its foreign relations (trade, investment, debt,\n"
            "arms, energy, institutions, opinion), with every figure traced to its source.\n"
            "Kazakhstan's data are built in; any country works given data.\n"
            "\n"
            "commands:\n");
    for (const cli_command *const *c = COMMANDS; *c; c++) {
        fprintf(out, "  %-11s %s\n", (*c)->name, (*c)->brief);
    }
    fprintf(out, "  %-11s %s\n", "help", "Show help for a command");
    fprintf(out, "  %-11s %s\n", "version", "Show the version");
    fprintf(out,
            "\n"
            "'mvec help COMMAND' or 'mvec COMMAND --help' shows a command's options.\n"
            "\n"
            "examples:\n"
            "  mvec profile\n"
            "  mvec check --data examples/data/kaz_trade_by_partner_2021_2023.csv\n"
            "  mvec sources --vector arms.imports\n");
}

static const cli_command *find_command(const char *name)
{
    for (const cli_command *const *c = COMMANDS; *c; c++)
        if (strcmp((*c)->name, name) == 0)
            return *c;
    return NULL;
}

/* Every name 'mvec help' lists, in its order. */
static size_t command_names(const char **names, size_t capacity)
{
    size_t count = 0;
    for (const cli_command *const *c = COMMANDS; *c && count < capacity; c++)
        names[count++] = (*c)->name;
    if (count < capacity)
        names[count++] = "help";
    if (count < capacity)
        names[count++] = "version";
    return count;
}

static int unknown_command(const char *name)
{
    const char *names[sizeof COMMANDS / sizeof *COMMANDS + 2]; /* the commands, help, version */
    size_t count = command_names(names, sizeof names / sizeof *names);
    cli_unknown_name("command", name, "", names, count);
    cli_try_help(NULL);
    return 2;
}

/* 'mvec help help' and 'mvec help version': the two commands without a table entry. */
static bool print_builtin_help(FILE *out, const char *name)
{
    if (strcmp(name, "help") == 0) {
        fprintf(out, "usage: mvec help [COMMAND]\n"
                     "\n"
                     "Without COMMAND, list the commands; with one, show its usage, options and\n"
                     "examples (the same as 'mvec COMMAND --help').\n");
        return true;
    }
    if (strcmp(name, "version") == 0) {
        fprintf(out, "usage: mvec version\n"
                     "\n"
                     "Show mvec's version (also 'mvec --version').\n");
        return true;
    }
    return false;
}

/* Help and version text go straight to stdout; check it reached it. (The
 * data commands check their own output when they close their session.) */
static int finish_stdout(int code)
{
    if (code == 0 && (fflush(stdout) != 0 || ferror(stdout))) {
        cli_error("cannot write to standard output");
        return 1;
    }
    return code;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        cli_error("no command given");
        cli_try_help(NULL);
        return 2;
    }
    const char *name = argv[1];
    if (strcmp(name, "--help") == 0 || strcmp(name, "-h") == 0) {
        print_main_help(stdout);
        return finish_stdout(0);
    }
    if (strcmp(name, "--version") == 0 || strcmp(name, "version") == 0) {
        printf("mvec %s\n", mvec_version());
        return finish_stdout(0);
    }
    if (strcmp(name, "help") == 0) {
        if (argc < 3) {
            print_main_help(stdout);
            return finish_stdout(0);
        }
        if (argc > 3) {
            cli_error("unexpected argument '%s' for 'help'", argv[3]);
            cli_try_help(NULL);
            return 2;
        }
        if (print_builtin_help(stdout, strcmp(argv[2], "--help") == 0 ? "help" : argv[2]))
            return finish_stdout(0);
        const cli_command *command = find_command(argv[2]);
        if (command == NULL)
            return unknown_command(argv[2]);
        cli_print_command_help(stdout, command);
        return finish_stdout(0);
    }
    const cli_command *command = find_command(name);
    if (command == NULL)
        return unknown_command(name);
    if (command == &CMD_FLOWS && argc > 2 && strcmp(argv[2], "query") == 0) {
        command = &CMD_FLOWS_QUERY; /* its own options: src/cli/cmd_flows_query.c */
        argc--;
        argv++;
    }
    cli_args args;
    memset(&args, 0, sizeof args);
    int code = cli_parse(command, argc - 2, argv + 2, &args);
    if (code != 0)
        return code;
    if (args.help) {
        cli_print_command_help(stdout, command);
        return finish_stdout(0);
    }
    code = command->run(command, &args);
    cli_progress_clear();
    return finish_stdout(code);
}
