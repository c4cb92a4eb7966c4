/*
 * plot.c - the one boundary to PLplot's device: options, the process-wide
 * lock, the exit and abort handlers, the cairo device on a temporary file,
 * and the copy of the finished image to the caller's sink.
 *
 * PLplot keeps its state in globals (the current stream) and calls exit()
 * after its exit handler returns (src/plctrl.c, plexit), so a chart runs
 * under one lock and the exit handler jumps back to the chart's entry
 * (longjmp), as GLPK's hook does in lp.c. Aborts (a bad argument to one
 * PLplot call) go to a message buffer (plsError) instead of stderr. After an
 * escaped exit PLplot's state cannot be trusted: charts are refused from
 * then on (MVEC_ERR_INTERNAL), the process goes on.
 *
 * PLplot writes to a file name, so the image goes to a temporary file
 * (mkstemp) that is read back, removed, and only then handed to the sink.
 */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <plplot.h>

#include "chart_internal.h"

/* The largest image read back: far above a chart at the size cap. */
#define MAX_IMAGE_BYTES ((size_t)256 << 20)

static const struct device_row {
    mvec_image_format format;
    const char *device; /* PLplot's cairo device */
} DEVICES[] = {
    {MVEC_IMAGE_SVG, "svgcairo"},
    {MVEC_IMAGE_PNG, "pngcairo"},
    {MVEC_IMAGE_PDF, "pdfcairo"},
};

/* All below is guarded by plot_lock. */
static pthread_mutex_t plot_lock = PTHREAD_MUTEX_INITIALIZER;
static jmp_buf *exit_target;    /* where the exit handler jumps; NULL outside a chart */
static char exit_message[512];  /* PLplot's last fatal message */
static char abort_message[1024]; /* PLplot's aborted-operation messages (plsError) */
static PLINT abort_code;
static bool plplot_unusable;    /* an exit was escaped: PLplot's state is unknown */

static void copy_message(char *to, size_t size, const char *message)
{
    snprintf(to, size, "%s", message != NULL ? message : "");
    size_t length = strlen(to);
    while (length > 0 && (to[length - 1] == '\n' || to[length - 1] == ' '))
        to[--length] = '\0';
}

/* PLplot calls exit() when this returns, so it never returns inside a chart. */
static int on_plplot_exit(const char *message)
{
    copy_message(exit_message, sizeof exit_message, message);
    if (exit_target != NULL)
        longjmp(*exit_target, 1);
    return 1; /* outside a chart (a program's own PLplot use): PLplot's own behaviour */
}

static void on_plplot_abort(const char *message)
{
    if (abort_message[0] == '\0')
        copy_message(abort_message, sizeof abort_message, message);
}

mvec_status mvec__chart_options_read(mvec_ctx *ctx, const mvec_chart_options *options,
                                     mvec_chart_options *resolved)
{
    mvec_status status = MVEC_OK;
    mvec_chart_options given = MVEC_CHART_OPTIONS_INIT;
    MVEC_TRY(mvec__options_read(ctx, "mvec_chart_options", "MVEC_CHART_OPTIONS_INIT", &given,
                                sizeof given, MVEC__SIZE_TO(mvec_chart_options, subtitle),
                                options));
    if (mvec_image_format_name(given.format) == NULL)
        MVEC_FAIL(ctx, MVEC_ERR_INVALID, "unknown image format %d", (int)given.format);
    if (given.width < MVEC_CHART_MIN_SIZE || given.width > MVEC_CHART_MAX_SIZE ||
        given.height < MVEC_CHART_MIN_SIZE || given.height > MVEC_CHART_MAX_SIZE)
        MVEC_FAIL(ctx, MVEC_ERR_INVALID, "chart size %dx%d outside %d-%d", given.width,
                  given.height, MVEC_CHART_MIN_SIZE, MVEC_CHART_MAX_SIZE);
    *resolved = given;
cleanup:
    return status;
}

static const char *device_of(mvec_image_format format)
{
    for (size_t i = 0; i < sizeof DEVICES / sizeof DEVICES[0]; i++)
        if (DEVICES[i].format == format)
            return DEVICES[i].device;
    return NULL;
}

/* A new empty file in $TMPDIR (else /tmp), open for reading in *fd. */
static mvec_status temporary_file(mvec_ctx *ctx, char *path, size_t size, int *fd)
{
    const char *dir = getenv("TMPDIR");
    if (dir == NULL || dir[0] == '\0')
        dir = "/tmp";
    int length = snprintf(path, size, "%s/mvec-chart-XXXXXX", dir);
    if (length < 0 || (size_t)length >= size)
        return mvec__error(ctx, MVEC_ERR_IO, "temporary directory name too long: '%s'", dir);
    *fd = mkstemp(path);
    if (*fd < 0)
        return mvec__error(ctx, MVEC_ERR_IO, "cannot create a temporary file in '%s': %s", dir,
                           strerror(errno));
    return MVEC_OK;
}

/* The whole file behind fd, from its start. */
static mvec_status read_back(mvec_ctx *ctx, int fd, const char *path, char **data, size_t *length)
{
    mvec_status status = MVEC_OK;
    char *bytes = NULL;
    struct stat info;
    if (fstat(fd, &info) != 0)
        MVEC_FAIL(ctx, MVEC_ERR_IO, "cannot read the chart back from '%s': %s", path,
                  strerror(errno));
    size_t size = (size_t)info.st_size;
    if (size == 0)
        MVEC_FAIL(ctx, MVEC_ERR_INTERNAL, "PLplot wrote an empty image");
    if (size > MAX_IMAGE_BYTES)
        MVEC_FAIL(ctx, MVEC_ERR_LIMIT, "the chart's image has %zu bytes (at most %zu)", size,
                  MAX_IMAGE_BYTES);
    MVEC_TRY(mvec__alloc(ctx, size, &bytes));
    size_t done = 0;
    while (done < size) {
        ssize_t got = pread(fd, bytes + done, size - done, (off_t)done);
        if (got < 0 && errno == EINTR)
            continue;
        if (got <= 0)
            MVEC_FAIL(ctx, MVEC_ERR_IO, "cannot read the chart back from '%s': %s", path,
                      got < 0 ? strerror(errno) : "file shrank");
        done += (size_t)got;
    }
    *data = bytes;
    *length = size;
    bytes = NULL;
cleanup:
    mvec__free(ctx, bytes);
    return status;
}

/* Open the device, draw, close: the part that runs with exit_target set.
 * Returns 0 when drawn, 1 when draw() failed (message on ctx), 2 when PLplot
 * exited or aborted (message in exit_message / abort_message). */
static int run_plplot(mvec_ctx *ctx, const char *device, const char *path,
                      const mvec_chart_options *options, mvec__chart_draw_fn draw,
                      const void *model)
{
    jmp_buf target;
    if (setjmp(target) != 0) {
        exit_target = NULL;
        return 2;
    }
    exit_target = &target;
    plsexit(on_plplot_exit);
    plsabort(on_plplot_abort);
    abort_code = 0;
    abort_message[0] = '\0';
    plsError(&abort_code, abort_message);
    plsdev(device);
    plsfnam(path);
    plspage(0.0, 0.0, options->width, options->height, 0, 0);
    plscolbg(255, 255, 255);
    plspause(0);
    plinit();
    plsError(&abort_code, abort_message);
    bool drawn = abort_code == 0 && draw(ctx, model, options->width, options->height);
    plend();
    exit_target = NULL;
    if (abort_code != 0)
        return 2;
    return drawn ? 0 : 1;
}

bool mvec__plot_coastlines(double lon_min, double lon_max, double lat_min, double lat_max)
{
    PLINT code_before = abort_code;
    plmap(NULL, "globe", lon_min, lon_max, lat_min, lat_max);
    if (abort_code != 0 && code_before == 0) {
        /* the map data are not installed: the chart goes on without them */
        abort_code = 0;
        abort_message[0] = '\0';
        return false;
    }
    return true;
}

mvec_status mvec__chart_render(mvec_ctx *ctx, const mvec_chart_options *options,
                               mvec__chart_draw_fn draw, const void *model,
                               const mvec_sink *sink)
{
    mvec_status status = MVEC_OK;
    char path[4096] = "";
    int fd = -1;
    char *image = NULL;
    size_t image_length = 0;
    const char *device = device_of(options->format);
    if (device == NULL)
        return mvec__error(ctx, MVEC_ERR_INVALID, "unknown image format %d",
                           (int)options->format);

    pthread_mutex_lock(&plot_lock);
    if (plplot_unusable)
        MVEC_FAIL(ctx, MVEC_ERR_INTERNAL,
                  "PLplot stopped with an error earlier in this process (%s); charts cannot be "
                  "drawn until it restarts",
                  exit_message);
    MVEC_TRY(temporary_file(ctx, path, sizeof path, &fd));
    exit_message[0] = '\0';
    int outcome = run_plplot(ctx, device, path, options, draw, model);
    if (outcome == 2 && exit_message[0] != '\0') {
        plplot_unusable = true;
        MVEC_FAIL(ctx, MVEC_ERR_INTERNAL, "PLplot failed: %s", exit_message);
    }
    if (outcome == 2)
        MVEC_FAIL(ctx, MVEC_ERR_INTERNAL, "PLplot failed: %s",
                  abort_message[0] != '\0' ? abort_message : "an operation was aborted");
    if (outcome == 1) {
        status = mvec_ctx_error_status(ctx);
        if (status == MVEC_OK)
            status = mvec__error(ctx, MVEC_ERR_INTERNAL, "the chart could not be drawn");
        goto cleanup;
    }
    MVEC_TRY(read_back(ctx, fd, path, &image, &image_length));
cleanup:
    if (fd >= 0) {
        close(fd);
        unlink(path);
    }
    pthread_mutex_unlock(&plot_lock);
    /* The sink runs outside the lock: a slow consumer does not hold up other charts. */
    if (status == MVEC_OK) {
        const size_t chunk = (size_t)1 << 20;
        for (size_t done = 0; done < image_length && status == MVEC_OK; done += chunk) {
            size_t part = image_length - done < chunk ? image_length - done : chunk;
            if (sink->write(sink->user, image + done, part) != 0)
                status = mvec__error(ctx, MVEC_ERR_IO, "cannot write the chart: the output failed");
        }
    }
    mvec__free(ctx, image);
    return status;
}
