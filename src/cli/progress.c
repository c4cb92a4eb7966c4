/*
 * progress.c - the progress line (progress.h). One per process: the CLI runs one
 * command on one thread; the server (serve*.c) does not install it.
 */
#include "progress.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static bool drawn = false;
static double delay = 1.0; /* seconds before the first draw: $MVEC_PROGRESS_DELAY, for tests */
static double last_draw = -1.0; /* elapsed seconds of the task at the last draw */

/* "3.2 M rows", "45,000 paths" */
static void format_count(char *out, size_t size, unsigned long long count, const char *unit)
{
    if (count >= 10000000ull)
        snprintf(out, size, "%.1f M %s", (double)count / 1e6, unit);
    else if (count >= 1000ull)
        snprintf(out, size, "%llu,%03llu %s", count / 1000, count % 1000, unit);
    else
        snprintf(out, size, "%llu %s", count, unit);
}

static void draw(void *user, const mvec_progress *p)
{
    (void)user;
    double elapsed = p->elapsed_seconds;
    if (p->total_bytes > 0 ? p->done_bytes >= p->total_bytes
                           : p->total_rows > 0 && p->rows >= p->total_rows) {
        cli_progress_clear(); /* done: the command's own output may follow on the terminal */
        return;
    }
    if (elapsed < delay || (elapsed >= last_draw && elapsed - last_draw < 0.1))
        return;
    last_draw = elapsed;
    /* the fraction done and the rate, by bytes when the size is known, else by rows */
    double done = 0, total = 0;
    if (p->total_bytes > 0) {
        done = (double)p->done_bytes;
        total = (double)p->total_bytes;
    } else if (p->total_rows > 0) {
        done = (double)p->rows;
        total = (double)p->total_rows;
    }
    char percent[16] = "", count[48], rate[32] = "", left[32] = "";
    if (total > 0)
        snprintf(percent, sizeof percent, "%3.0f%%, ", 100.0 * done / total);
    format_count(count, sizeof count, p->rows, p->unit ? p->unit : "rows");
    if (p->total_bytes > 0)
        snprintf(rate, sizeof rate, ", %.0f MB/s", (double)p->done_bytes / elapsed / 1e6);
    if (total > 0 && done > 0 && done < total)
        snprintf(left, sizeof left, ", %.0f s left", (total - done) * elapsed / done);
    fprintf(stderr, "\rmvec: %s: %s%s%s%s\033[K", p->task, percent, count, rate, left);
    fflush(stderr);
    drawn = true;
}

void cli_progress_install(mvec_ctx *ctx, bool quiet)
{
    const char *text = getenv("MVEC_PROGRESS_DELAY");
    if (text != NULL && *text != '\0')
        delay = strtod(text, NULL);
    if (!quiet && isatty(STDERR_FILENO))
        mvec_ctx_set_progress(ctx, draw, NULL);
}

void cli_progress_clear(void)
{
    if (drawn)
        fprintf(stderr, "\r\033[K");
    drawn = false;
    last_draw = -1.0;
}
