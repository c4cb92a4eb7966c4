/*
 * file.c - read a whole input file, or standard input for "-".
 *
 * Inputs are bounded: a file over MAX_INPUT_BYTES (32 MiB; docs/formats.md)
 * is refused with MVEC_ERR_LIMIT. A regular file is checked by its size
 * before it is read; a pipe, FIFO or device (standard input, /dev/zero) is
 * read up to the limit and refused at the first byte beyond it, so a
 * bottomless input ends after 32 MiB instead of exhausting memory.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "../mvec_internal.h"

enum { READ_CHUNK = 1 << 16 };
#define MAX_INPUT_BYTES ((size_t)32 << 20)

static mvec_status too_large(mvec_ctx *ctx, const char *path)
{
    return mvec__error(ctx, MVEC_ERR_LIMIT,
                       "%s: input larger than %zu MiB, the limit for one file (is it a data "
                       "file?)",
                       strcmp(path, "-") == 0 ? "<stdin>" : path, MAX_INPUT_BYTES >> 20);
}

mvec_status mvec__file_read(mvec_ctx *ctx, const char *path, char **out, size_t *length)
{
    mvec_status status = MVEC_OK;
    bool is_stdin = strcmp(path, "-") == 0;
    FILE *file = is_stdin ? stdin : fopen(path, "rb");
    mvec__buf buf = MVEC__BUF_INIT(MAX_INPUT_BYTES);
    char *chunk = NULL;
    struct stat info;
    if (file == NULL)
        MVEC_FAIL(ctx, MVEC_ERR_IO, "cannot open '%s': %s", path, strerror(errno));
    if (fstat(fileno(file), &info) == 0 && S_ISREG(info.st_mode) &&
        (uintmax_t)info.st_size > (uintmax_t)MAX_INPUT_BYTES)
        MVEC_TRY(too_large(ctx, path));
    MVEC_TRY(mvec__alloc(ctx, READ_CHUNK, &chunk));
    for (;;) {
        size_t got = fread(chunk, 1, READ_CHUNK, file);
        if (got > MAX_INPUT_BYTES - buf.length)
            MVEC_TRY(too_large(ctx, path));
        if (got > 0)
            MVEC_TRY(mvec__buf_append(ctx, &buf, chunk, got));
        if (got < READ_CHUNK) {
            if (ferror(file))
                MVEC_FAIL(ctx, MVEC_ERR_IO, "cannot read '%s': %s", path, strerror(errno));
            break;
        }
    }
    MVEC_TRY(mvec__buf_append(ctx, &buf, "", 0)); /* ensure a NUL-terminated block */
    *length = buf.length;
    *out = mvec__buf_take(&buf);
cleanup:
    if (file != NULL && !is_stdin)
        fclose(file);
    mvec__free(ctx, chunk);
    mvec__buf_clear(ctx, &buf);
    return status;
}
