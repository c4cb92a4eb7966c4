/*
 * session.h - what every data command sets up: the context, the country
 * registry, the bloc scheme, memberships, observations (embedded and
 * --data), the output format and the output stream (standard output, or a
 * temporary file renamed over --output only when the command succeeds).
 *
 * --output writes only regular files: an existing directory, symbolic link,
 * FIFO, device or socket is refused (exit 1) before any work is done. The
 * temporary file sits beside the target, gets mode 0666 & ~umask, is
 * fsynced before the rename (and the directory after it), and is removed
 * when the command fails or SIGINT, SIGTERM or SIGHUP ends the process.
 */
#ifndef MVEC_CLI_SESSION_H
#define MVEC_CLI_SESSION_H

#include <mvec/mvec.h>
#include <stdbool.h>
#include <stdio.h>

#include "options.h"

typedef struct cli_session {
    mvec_ctx *ctx;
    mvec_countries *countries;
    mvec_bloc_scheme *scheme;     /* schemes[0] */
    mvec_bloc_scheme *schemes[MVEC_ROBUST_SCHEME_LIMIT]; /* --blocs A,B,...: each in order */
    size_t scheme_count;
    mvec_memberships *memberships;
    mvec_observations *observations;
    mvec_flows *flows[CLI_MAX_DATA_FILES]; /* --data files that are flow tables, in order */
    size_t flow_count;
    mvec_format format;
    FILE *out;
    char *temporary_path; /* set while writing to --output */
    const char *output_path;
    int write_errno;      /* first write failure, 0 when none */
} cli_session;

/* A library context for a command: --quiet set, library messages through cli_log. NULL, after
 * printing "out of memory", when there is none. */
mvec_ctx *cli_ctx_new(const cli_args *args);

/* Create the directories above the default workspace location (~/.local/share/mvec, as
 * mkdir -p), before a command writes there; nothing for a workspace the user named
 * (`named`, or MVEC_WORKSPACE). */
void cli_workspace_prepare(const char *path, bool named);

/* --threads N (1 to 64) into *threads (0 when not given: the library's default). Returns 0,
 * or 2 after printing why, with `command`'s help hint. */
int cli_threads(const cli_args *args, const char *command, unsigned *threads);

/* Open the flow file `path` for a command that reads it: through its cache
 * beside the workspace when `mvec flows import` made one (used, or rebuilt
 * when stale), else read directly (a command that only reads never writes a
 * cache). */
mvec_status cli_flows_open(mvec_ctx *ctx, const mvec_countries *countries, const cli_args *args,
                           const char *path, mvec_flows **out);

/* The workspace: --workspace FILE, else $MVEC_WORKSPACE, else
 * $XDG_DATA_HOME/mvec/workspace.sqlite (an absolute XDG_DATA_HOME), else
 * $HOME/.local/share/mvec/workspace.sqlite. `named` says whether --workspace
 * gave it. Returns 0, or 1 after printing why there is none. */
int cli_workspace_path(const cli_args *args, char *path, size_t size, bool *named);

/* Returns 0, or the exit code after printing the error. A --data file that
 * is a flow table (mvec_flows_recognise) is read through the workspace's
 * flow cache when `mvec flows import` made one (else directly, writing no
 * cache) and becomes args->workspace_country's trade vectors
 * (mvec_flow_vectors_add); the table stays open in session->flows. A data
 * command reads the workspace after the embedded data and --data files: the one --workspace
 * names (which must exist), else the default one when it exists; only
 * args->workspace_country's rows when the command set it. */
int cli_session_open(cli_session *session, const cli_args *args);
/* Only the output of a session (out, -o FILE written to a temporary file and
 * renamed by cli_output_close when `code` is 0), for commands that set up
 * their own context (screen, composition, workspace). Both return 0 or the
 * exit code after printing why. */
int cli_output_open(cli_session *output, const char *path);
int cli_output_close(cli_session *output, int code);

/* Text printed into memory (open_memstream), for a workbook's sheets:
 * cli_text_open, print into ->file, then cli_text_close; data is NULL
 * when memory ran out. */
typedef struct cli_text {
    FILE *file;
    char *data;
    size_t length;
} cli_text;

void cli_text_open(cli_text *text);
void cli_text_close(cli_text *text);
void cli_text_free(cli_text *text);

/* Sheets of CSV text as an Excel workbook to the output; the sheets whose
 * text is missing (out of memory) fail it. Returns 0 or the exit code after
 * printing why. */
int cli_write_workbook(mvec_ctx *ctx, cli_session *output, const char *const *names,
                       const cli_text *texts, size_t count);
/* The Sources sheet of the flow tables a command read: file, format, HS
 * edition, years, rows, size and SHA-256. */
void cli_flow_sources_csv(FILE *out, mvec_flows *const *tables, size_t count);
mvec_sink cli_session_sink(cli_session *session);
/* Finish the output (commit or discard) and release everything; returns the
 * final exit code: `code`, or 1 when writing the output failed. */
int cli_session_close(cli_session *session, int code);

#endif
