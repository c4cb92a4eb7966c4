/*
 * cmd_import.c - mvec import: read files with an importer into the workspace.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "commands.h"
#include "messages.h"
#include "names.h"
#include "session.h"

static const cli_option *const IMPORT_OPTIONS[] = {
    &CLI_OPTION_WORKSPACE, &CLI_OPTION_ISO_CODES, &CLI_OPTION_QUIET, &CLI_OPTION_HELP, NULL,
};

static void print_formats(FILE *out)
{
    fprintf(out, "\nformats:\n");
    for (size_t i = 0; i < mvec_importer_count(); i++)
        fprintf(out, "  %-10s %s\n", mvec_importer_name(i), mvec_importer_summary(i));
}

/* 0 when `format` names an importer; else the usage error (exit 2). */
static int check_format(const char *format)
{
    enum { MAX_FORMATS = 64 };
    const char *names[MAX_FORMATS];
    size_t count = 0;
    for (size_t i = 0; i < mvec_importer_count() && count < MAX_FORMATS; i++) {
        names[count++] = mvec_importer_name(i);
        if (strcmp(names[count - 1], format) == 0)
            return 0;
    }
    cli_unknown_name("format", format, "", names, count);
    cli_try_help("import");
    return 2;
}

static int run_import(const cli_command *command, cli_args *args)
{
    (void)command;
    if (args->positional_count < 1) {
        cli_error("no format given");
        cli_try_help("import");
        return 2;
    }
    int code = check_format(args->positional[0]);
    if (code != 0)
        return code;
    if (args->positional_count < 2) {
        cli_error("no file given");
        cli_try_help("import");
        return 2;
    }
    char path[4096];
    bool named = false;
    if (cli_workspace_path(args, path, sizeof path, &named) != 0)
        return 1;
    cli_workspace_prepare(path, named);
    mvec_ctx *ctx = cli_ctx_new(args);
    if (ctx == NULL)
        return 1;
    mvec_countries *countries = NULL;
    mvec_workspace *workspace = NULL;
    size_t count = args->positional_count - 1;
    const char *const *files = args->positional + 1;
    mvec_workspace_action actions[CLI_MAX_DATA_FILES];
    size_t rows[CLI_MAX_DATA_FILES];
    mvec_countries_options options = MVEC_COUNTRIES_OPTIONS_INIT;
    options.iso_codes_dir = args->iso_codes;
    mvec_status status = mvec_countries_open(ctx, &options, &countries);
    if (status == MVEC_OK)
        status = mvec_workspace_open(ctx, path, true, &workspace);
    if (status == MVEC_OK)
        status = mvec_workspace_import(ctx, workspace, countries, args->positional[0], files, count,
                                       actions, rows);
    if (status != MVEC_OK) {
        code = cli_fail(ctx, status);
        if (status == MVEC_ERR_PARSE || status == MVEC_ERR_SCHEMA || status == MVEC_ERR_LIMIT ||
            status == MVEC_ERR_CANCELLED || status == MVEC_ERR_IO)
            cli_note("nothing was imported: the workspace is as it was");
    } else {
        for (size_t i = 0; i < count; i++) {
            switch (actions[i]) {
            case MVEC_WORKSPACE_ADDED:
                printf("added     %s: %zu observations\n", files[i], rows[i]);
                break;
            case MVEC_WORKSPACE_REPLACED:
                printf("replaced  %s: %zu observations (its earlier rows removed)\n", files[i],
                       rows[i]);
                break;
            case MVEC_WORKSPACE_UNCHANGED:
                printf("unchanged %s: same content and format as when imported; nothing to "
                       "do\n",
                       files[i]);
                break;
            case MVEC_WORKSPACE_DUPLICATE:
                printf("skipped   %s: its content is already held under another path\n", files[i]);
                break;
            }
        }
        size_t total = 0;
        for (size_t i = 0; i < mvec_workspace_file_count(workspace); i++)
            total += mvec_workspace_file_at(workspace, i)->rows;
        printf("workspace %s: %zu file%s, %zu observations\n", path,
               mvec_workspace_file_count(workspace),
               mvec_workspace_file_count(workspace) == 1 ? "" : "s", total);
    }
    mvec_workspace_close(ctx, workspace);
    mvec_countries_free(ctx, countries);
    mvec_ctx_free(ctx);
    return code;
}

const cli_command CMD_IMPORT = {
    .name = "import",
    .run = run_import,
    .brief = "read files into the workspace",
    .usage = "FORMAT FILE... [options]",
    .summary = "Read each FILE with the importer FORMAT (listed below) and store its "
               "observations in the workspace, with the file's path, SHA-256, size and the "
               "time of the import; profile, check, shares and sources then read them.",
    .description = "Every file is checked whole before anything is written, and the files "
                   "of one command are written in one transaction: a bad file (exit 3, "
                   "file:line:column) or an interrupted import leaves the workspace as it "
                   "was. Importing a file again is a no-op when its content is unchanged; "
                   "a changed file replaces its earlier observations; a file with the same "
                   "content as one already held under another path is skipped with a "
                   "warning. The workspace is created by the first import.",
    .options = IMPORT_OPTIONS,
    .max_positional = CLI_MAX_DATA_FILES + 1,
    .examples = "  mvec import obs examples/data/uzbekistan.csv\n"
                "  mvec import bns examples/data/kaz_trade_by_partner_2021_2023.csv "
                "--workspace kaz.sqlite\n"
                "  mvec profile --workspace kaz.sqlite\n",
    .print_more_help = print_formats,
};
