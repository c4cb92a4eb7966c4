/*
 * serve_buffer.c - the dashboard's response bodies: a capped growable buffer, JSON strings,
 * and a sink so the library's writers write into it.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "serve.h"

void serve_buffer_free(serve_buffer *buffer)
{
    free(buffer->data);
    memset(buffer, 0, sizeof *buffer);
}

static bool reserve(serve_buffer *buffer, size_t extra)
{
    if (buffer->failed)
        return false;
    if (extra > SERVE_MAX_BODY_BYTES - buffer->length) {
        buffer->failed = true;
        return false;
    }
    size_t needed = buffer->length + extra + 1;
    if (needed <= buffer->capacity)
        return true;
    size_t capacity = buffer->capacity ? buffer->capacity : 4096;
    while (capacity < needed)
        capacity *= 2;
    char *grown = realloc(buffer->data, capacity);
    if (grown == NULL) {
        buffer->failed = true;
        return false;
    }
    buffer->data = grown;
    buffer->capacity = capacity;
    return true;
}

void serve_buffer_append(serve_buffer *buffer, const char *data, size_t length)
{
    if (!reserve(buffer, length))
        return;
    memcpy(buffer->data + buffer->length, data, length);
    buffer->length += length;
    buffer->data[buffer->length] = '\0';
}

void serve_buffer_text(serve_buffer *buffer, const char *text)
{
    serve_buffer_append(buffer, text, strlen(text));
}

void serve_buffer_printf(serve_buffer *buffer, const char *fmt, ...)
{
    va_list args;
    va_start(args, fmt);
    char small[256];
    int length = vsnprintf(small, sizeof small, fmt, args);
    va_end(args);
    if (length < 0) {
        buffer->failed = true;
        return;
    }
    if ((size_t)length < sizeof small) {
        serve_buffer_append(buffer, small, (size_t)length);
        return;
    }
    if (!reserve(buffer, (size_t)length))
        return;
    va_start(args, fmt);
    vsnprintf(buffer->data + buffer->length, (size_t)length + 1, fmt, args);
    va_end(args);
    buffer->length += (size_t)length;
}

/* RFC 8259 escapes; bytes >= 0x80 pass through (the library's text is UTF-8). '<' and '>'
 * are escaped too, so a JSON string is safe inside HTML. */
/* The length of the well-formed UTF-8 sequence at `p` (1-4), or 0 when it is not one (a stray
 * continuation byte, an overlong form, a surrogate, past U+10FFFF, or cut short). */
static size_t utf8_sequence(const unsigned char *p)
{
    if (p[0] < 0x80)
        return 1;
    size_t length = p[0] >= 0xC2 && p[0] <= 0xDF   ? 2
                    : p[0] >= 0xE0 && p[0] <= 0xEF ? 3
                    : p[0] >= 0xF0 && p[0] <= 0xF4 ? 4
                                                   : 0;
    for (size_t i = 1; i < length; i++)
        if ((p[i] & 0xC0) != 0x80)
            return 0; /* also stops at the terminating NUL */
    if ((p[0] == 0xE0 && p[1] < 0xA0) || (p[0] == 0xED && p[1] > 0x9F) ||
        (p[0] == 0xF0 && p[1] < 0x90) || (p[0] == 0xF4 && p[1] > 0x8F))
        return 0;
    return length;
}

void serve_buffer_json_string(serve_buffer *buffer, const char *text)
{
    serve_buffer_append(buffer, "\"", 1);
    for (const unsigned char *p = (const unsigned char *)text; *p; p++) {
        if (*p >= 0x80) {
            /* JSON is UTF-8: a request's bytes echoed in a message (or a message cut inside a
             * character) must not make the answer unreadable; such bytes become U+FFFD. */
            size_t length = utf8_sequence(p);
            if (length == 0)
                serve_buffer_text(buffer, "\\ufffd");
            else
                serve_buffer_append(buffer, (const char *)p, length);
            p += length > 0 ? length - 1 : 0;
            continue;
        }
        switch (*p) {
        case '"':
            serve_buffer_append(buffer, "\\\"", 2);
            break;
        case '\\':
            serve_buffer_append(buffer, "\\\\", 2);
            break;
        case '\n':
            serve_buffer_append(buffer, "\\n", 2);
            break;
        case '\t':
            serve_buffer_append(buffer, "\\t", 2);
            break;
        case '\r':
            serve_buffer_append(buffer, "\\r", 2);
            break;
        default:
            if (*p < 0x20 || *p == '<' || *p == '>')
                serve_buffer_printf(buffer, "\\u%04x", *p);
            else
                serve_buffer_append(buffer, (const char *)p, 1);
        }
    }
    serve_buffer_append(buffer, "\"", 1);
}

static int write_to_buffer(void *user, const char *data, size_t length)
{
    serve_buffer *buffer = user;
    serve_buffer_append(buffer, data, length);
    return buffer->failed ? -1 : 0;
}

mvec_sink serve_buffer_sink(serve_buffer *buffer)
{
    mvec_sink sink = {write_to_buffer, buffer};
    return sink;
}

void serve_response_free(serve_response *response)
{
    serve_buffer_free(&response->body);
}

void serve_response_error(serve_response *response, unsigned status, const char *parameter,
                          const char *allowed, const char *fmt, ...)
{
    char message[1024];
    va_list args;
    va_start(args, fmt);
    vsnprintf(message, sizeof message, fmt, args);
    va_end(args);
    serve_buffer_free(&response->body);
    response->fixed = NULL;
    response->status = status;
    response->content_type = "application/json; charset=utf-8";
    response->cache_control = "no-store";
    serve_buffer *body = &response->body;
    serve_buffer_text(body, "{\"error\": ");
    serve_buffer_json_string(body, message);
    serve_buffer_text(body, ", \"status\": ");
    serve_buffer_printf(body, "%u", status);
    serve_buffer_text(body, ", \"parameter\": ");
    if (parameter != NULL)
        serve_buffer_json_string(body, parameter);
    else
        serve_buffer_text(body, "null");
    serve_buffer_text(body, ", \"allowed\": ");
    if (allowed != NULL)
        serve_buffer_json_string(body, allowed);
    else
        serve_buffer_text(body, "null");
    serve_buffer_text(body, "}\n");
}
