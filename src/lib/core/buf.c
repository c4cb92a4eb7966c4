/*
 * buf.c - growable text buffer with a hard cap, so that runaway output or a
 * runaway field ends in MVEC_ERR_LIMIT instead of an exhausted machine.
 */
#include <stdio.h>
#include <string.h>

#include "../mvec_internal.h"

static mvec_status reserve(mvec_ctx *ctx, mvec__buf *buf, size_t extra)
{
    if (extra > buf->max || buf->length > buf->max - extra)
        return mvec__error(ctx, MVEC_ERR_LIMIT, "text longer than the limit of %zu bytes",
                           buf->max);
    size_t needed = buf->length + extra + 1;
    if (needed <= buf->capacity)
        return MVEC_OK;
    size_t capacity = buf->capacity ? buf->capacity : 64;
    while (capacity < needed)
        capacity *= 2;
    mvec_status status = mvec__realloc(ctx, &buf->data, capacity);
    if (status == MVEC_OK)
        buf->capacity = capacity;
    return status;
}

mvec_status mvec__buf_append(mvec_ctx *ctx, mvec__buf *buf, const char *data, size_t length)
{
    mvec_status status = reserve(ctx, buf, length);
    if (status != MVEC_OK)
        return status;
    if (length > 0)
        memcpy(buf->data + buf->length, data, length);
    buf->length += length;
    buf->data[buf->length] = '\0';
    return MVEC_OK;
}

mvec_status mvec__buf_puts(mvec_ctx *ctx, mvec__buf *buf, const char *text)
{
    return mvec__buf_append(ctx, buf, text, strlen(text));
}

mvec_status mvec__buf_putc(mvec_ctx *ctx, mvec__buf *buf, char c)
{
    return mvec__buf_append(ctx, buf, &c, 1);
}

mvec_status mvec__buf_pad(mvec_ctx *ctx, mvec__buf *buf, char c, size_t count)
{
    mvec_status status = reserve(ctx, buf, count);
    if (status != MVEC_OK)
        return status;
    memset(buf->data + buf->length, c, count);
    buf->length += count;
    buf->data[buf->length] = '\0';
    return MVEC_OK;
}

static mvec_status buf_vprintf(mvec_ctx *ctx, mvec__buf *buf, const char *fmt, va_list args)
    MVEC_PRINTF(3, 0);

static mvec_status buf_vprintf(mvec_ctx *ctx, mvec__buf *buf, const char *fmt, va_list args)
{
    va_list copy;
    va_copy(copy, args);
    int needed = vsnprintf(NULL, 0, fmt, copy);
    va_end(copy);
    if (needed < 0)
        return mvec__error(ctx, MVEC_ERR_INTERNAL, "invalid format '%s'", fmt);
    mvec_status status = reserve(ctx, buf, (size_t)needed);
    if (status != MVEC_OK)
        return status;
    vsnprintf(buf->data + buf->length, (size_t)needed + 1, fmt, args);
    buf->length += (size_t)needed;
    return MVEC_OK;
}

mvec_status mvec__buf_printf(mvec_ctx *ctx, mvec__buf *buf, const char *fmt, ...)
{
    va_list args;
    va_start(args, fmt);
    mvec_status status = buf_vprintf(ctx, buf, fmt, args);
    va_end(args);
    return status;
}

void mvec__buf_reset(mvec__buf *buf)
{
    buf->length = 0;
    if (buf->data != NULL)
        buf->data[0] = '\0';
}

void mvec__buf_clear(mvec_ctx *ctx, mvec__buf *buf)
{
    mvec__free(ctx, buf->data);
    buf->data = NULL;
    buf->length = 0;
    buf->capacity = 0;
}

char *mvec__buf_take(mvec__buf *buf)
{
    char *data = buf->data;
    buf->data = NULL;
    buf->length = 0;
    buf->capacity = 0;
    return data;
}
