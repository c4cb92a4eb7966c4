/*
 * file.c - read a whole input file, or standard input for "-".
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "../mvec_internal.h"

enum { READ_CHUNK = 1 << 16 };

mvec_status mvec__file_read(mvec_ctx *ctx, const char *path, char **out, size_t *length)
{
    mvec_status status = MVEC_OK;
    bool is_stdin = strcmp(path, "-") == 0;
    FILE *file = is_stdin ? stdin : fopen(path, "rb");
    mvec__buf buf = MVEC__BUF_INIT((size_t)1 << 34);
    char *chunk = NULL;
    if (file == NULL)
        MVEC_FAIL(ctx, MVEC_ERR_IO, "cannot open '%s': %s", path, strerror(errno));
    MVEC_TRY(mvec__alloc(ctx, READ_CHUNK, &chunk));
    for (;;) {
        size_t got = fread(chunk, 1, READ_CHUNK, file);
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
