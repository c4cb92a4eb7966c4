/*
 * progress.h - long work's progress on standard error: only when it is a terminal, only
 * after the first second, redrawn at most ten times a second, and erased before any other
 * message or when the command ends. Never on a pipe or file, so logs and goldens stay clean.
 */
#ifndef MVEC_CLI_PROGRESS_H
#define MVEC_CLI_PROGRESS_H

#include <mvec/mvec.h>
#include <stdbool.h>

/* Report `ctx`'s progress unless `quiet` or standard error is not a terminal. */
void cli_progress_install(mvec_ctx *ctx, bool quiet);
/* Erase the progress line if one is shown (before a message, at the end). */
void cli_progress_clear(void);

#endif
