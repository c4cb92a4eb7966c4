/*
 * cmd_workspace.c - mvec workspace: the files the workspace holds.
 */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "commands.h"
#include "messages.h"
#include "session.h"

static const cli_option OPTION_REMOVE = {
    "remove",
    0,
    "FILE",
    CLI_TEXT,
    offsetof(cli_args, remove),
    "remove FILE (its path as imported) and its observations from the workspace"};

static const cli_option *const WORKSPACE_OPTIONS[] = {
    &CLI_OPTION_WORKSPACE, &OPTION_REMOVE, &CLI_OPTION_FORMAT, &CLI_OPTION_OUTPUT,
    &CLI_OPTION_QUIET,     &CLI_OPTION_HELP, NULL,
};

static void csv_field(FILE *out, const char *text)
{
    if (strpbrk(text, ",\"\r\n") == NULL) {
        fputs(text, out);
        return;
    }
    fputc('"', out);
    for (const char *p = text; *p; p++) {
        if (*p == '"')
            fputc('"', out);
        fputc(*p, out);
    }
    fputc('"', out);
}

static void json_string(FILE *out, const char *text)
{
    fputc('"', out);
    for (const unsigned char *p = (const unsigned char *)text; *p; p++) {
        if (*p == '"' || *p == '\\')
            fprintf(out, "\\%c", *p);
        else if (*p < 0x20)
            fprintf(out, "\\u%04x", *p);
        else
            fputc(*p, out);
    }
    fputc('"', out);
}

static void print_table(FILE *out, const char *path, const mvec_workspace *workspace)
{
    size_t total = 0;
    size_t count = mvec_workspace_file_count(workspace);
    for (size_t i = 0; i < count; i++)
        total += mvec_workspace_file_at(workspace, i)->rows;
    fprintf(out, "workspace %s: %zu file%s, %zu observations\n", path, count, count == 1 ? "" : "s",
            total);
    if (count == 0)
        return;
    fprintf(out, "\n%-8s %10s %9s %-9s %12s %-12s %-20s %s\n", "format", "rows", "countries",
            "years", "bytes", "sha256", "imported (UTC)", "file");
    for (size_t i = 0; i < count; i++) {
        const mvec_workspace_file *f = mvec_workspace_file_at(workspace, i);
        char years[32];
        if (f->rows == 0)
            snprintf(years, sizeof years, "-");
        else if (f->first_year == f->last_year)
            snprintf(years, sizeof years, "%d", f->first_year);
        else
            snprintf(years, sizeof years, "%d-%d", f->first_year, f->last_year);
        fprintf(out, "%-8s %10zu %9zu %-9s %12lld %.12s %-20s %s\n", f->format, f->rows,
                f->countries, years, f->size, f->sha256, f->imported, f->path);
    }
}

static void print_csv(FILE *out, const mvec_workspace *workspace)
{
    fprintf(out, "path,format,sha256,size,rows,countries,first_year,last_year,imported\n");
    for (size_t i = 0; i < mvec_workspace_file_count(workspace); i++) {
        const mvec_workspace_file *f = mvec_workspace_file_at(workspace, i);
        csv_field(out, f->path);
        fprintf(out, ",%s,%s,%lld,%zu,%zu,%d,%d,%s\n", f->format, f->sha256, f->size, f->rows,
                f->countries, f->first_year, f->last_year, f->imported);
    }
}

static void print_json(FILE *out, const char *path, const mvec_workspace *workspace)
{
    fprintf(out, "{\"workspace\": ");
    json_string(out, path);
    fprintf(out, ", \"files\": [");
    for (size_t i = 0; i < mvec_workspace_file_count(workspace); i++) {
        const mvec_workspace_file *f = mvec_workspace_file_at(workspace, i);
        fprintf(out, "%s\n  {\"path\": ", i ? "," : "");
        json_string(out, f->path);
        fprintf(out,
                ", \"format\": \"%s\", \"sha256\": \"%s\", \"size\": %lld, \"rows\": %zu, "
                "\"countries\": %zu, \"first_year\": %d, \"last_year\": %d, "
                "\"imported\": \"%s\"}",
                f->format, f->sha256, f->size, f->rows, f->countries, f->first_year, f->last_year,
                f->imported);
    }
    fprintf(out, "%s]}\n", mvec_workspace_file_count(workspace) ? "\n" : "");
}

/* The files as a sheet, and again as the Sources sheet: the workspace's
 * numbers come from these files (SHA-256, size and import time as notes). */
static mvec_status write_xlsx(mvec_ctx *ctx, const mvec_workspace *workspace, cli_session *output)
{
    char *files = NULL, *sources = NULL;
    size_t files_length = 0, sources_length = 0;
    FILE *text = open_memstream(&files, &files_length);
    if (text != NULL) {
        print_csv(text, workspace);
        fclose(text);
    }
    text = open_memstream(&sources, &sources_length);
    if (text != NULL) {
        fprintf(text, "no.,publication,title,date,note\n");
        for (size_t i = 0; i < mvec_workspace_file_count(workspace); i++) {
            const mvec_workspace_file *f = mvec_workspace_file_at(workspace, i);
            fprintf(text, "%zu,imported file (%s),", i + 1, f->format);
            csv_field(text, f->path);
            fprintf(text, ",%s,\"sha256 %s, %lld bytes, imported %s\"\n", f->imported,
                    f->sha256, f->size, f->imported);
        }
        fclose(text);
    }
    mvec_status status = MVEC_ERR_NOMEM;
    if (files != NULL && sources != NULL) {
        mvec_csv_sheet sheets[] = {{"Files", files, files_length},
                                   {"Sources", sources, sources_length}};
        mvec_sink sink = cli_session_sink(output);
        status = mvec_workbook_write_csv(ctx, sheets, 2, &sink);
    } else {
        cli_error("out of memory");
    }
    free(files);
    free(sources);
    return status;
}

static int run_workspace(const cli_command *command, cli_args *args)
{
    (void)command;
    const char *format = args->format ? args->format : "table";
    if (strcmp(format, "table") != 0 && strcmp(format, "csv") != 0 &&
        strcmp(format, "json") != 0 && strcmp(format, "xlsx") != 0) {
        cli_error("unknown output format '%s' (table, csv, json or xlsx)", format);
        cli_try_help("workspace");
        return 2;
    }
    if (cli_refuse_binary_to_terminal(format, args->output) != 0)
        return 2;
    char path[4096];
    bool named = false;
    if (cli_workspace_path(args, path, sizeof path, &named) != 0)
        return 1;
    if (access(path, F_OK) != 0) {
        cli_error("no workspace at %s ('mvec import FORMAT FILE' creates it)", path);
        return 1;
    }
    cli_session output;
    int code = cli_output_open(&output, args->remove == NULL ? args->output : NULL);
    if (code != 0)
        return code;
    mvec_ctx *ctx = cli_ctx_new(args);
    if (ctx == NULL)
        return cli_output_close(&output, 1);
    mvec_workspace *workspace = NULL;
    mvec_status status = mvec_workspace_open(ctx, path, false, &workspace);
    if (status == MVEC_OK && args->remove != NULL) {
        bool removed = false;
        status = mvec_workspace_remove(ctx, workspace, args->remove, &removed);
        if (status == MVEC_OK && !removed) {
            cli_error("the workspace holds no file '%s'", args->remove);
            code = 1;
        } else if (status == MVEC_OK) {
            printf("removed %s\n", args->remove);
        }
    }
    if (status != MVEC_OK)
        code = cli_fail(ctx, status);
    else if (code == 0 && args->remove == NULL) {
        if (strcmp(format, "xlsx") == 0) {
            status = write_xlsx(ctx, workspace, &output);
            if (status != MVEC_OK && output.write_errno == 0)
                code = cli_fail(ctx, status);
        } else if (strcmp(format, "csv") == 0) {
            print_csv(output.out, workspace);
        } else if (strcmp(format, "json") == 0) {
            print_json(output.out, path, workspace);
        } else {
            print_table(output.out, path, workspace);
        }
    }
    mvec_workspace_close(ctx, workspace);
    mvec_ctx_free(ctx);
    return cli_output_close(&output, code);
}

const cli_command CMD_WORKSPACE = {
    .name = "workspace",
    .run = run_workspace,
    .brief = "the files the workspace holds",
    .usage = "[options]",
    .summary = "List the files the workspace holds: the importer that read each, its "
               "observations, focal countries and years, its size, SHA-256 and import time.",
    .description = "The workspace is --workspace FILE, else $MVEC_WORKSPACE, else "
                   "$XDG_DATA_HOME/mvec/workspace.sqlite, else "
                   "~/.local/share/mvec/workspace.sqlite (docs/formats.md).",
    .options = WORKSPACE_OPTIONS,
    .max_positional = 0,
    .examples = "  mvec workspace\n"
                "  mvec workspace --format csv\n"
                "  mvec workspace --format xlsx -o workspace.xlsx\n"
                "  mvec workspace --remove examples/data/uzbekistan.csv\n",
};
