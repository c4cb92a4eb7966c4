/*
 * serve_request.c - the checks every request passes before the API sees it (method, size,
 * '..' and NUL anywhere in the target, number of parameters), apart from the HTTP layer so
 * that the fuzz harness (fuzz/fuzz_serve_request.c) runs the very same checks without a
 * socket.
 */
#include <stdbool.h>
#include <string.h>

#include "serve.h"

static int hex_digit(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/* True when the target, percent-decoded once or twice, holds ".." or a NUL byte: a path
 * outside the served set, whatever the route. */
static bool target_refused(const char *target)
{
    char once[SERVE_MAX_URI_BYTES + 1];
    char twice[SERVE_MAX_URI_BYTES + 1];
    const char *in = target;
    char *outputs[2] = {once, twice};
    for (int pass = 0; pass < 2; pass++) {
        size_t used = 0;
        for (const char *p = in; *p && used < SERVE_MAX_URI_BYTES; p++) {
            int high = p[0] == '%' ? hex_digit(p[1]) : -1;
            int low = high >= 0 ? hex_digit(p[2]) : -1;
            if (low >= 0) {
                if (high == 0 && low == 0)
                    return true; /* %00 */
                outputs[pass][used++] = (char)(high * 16 + low);
                p += 2;
            } else {
                outputs[pass][used++] = *p;
            }
        }
        outputs[pass][used] = '\0';
        if (strstr(outputs[pass], "..") != NULL)
            return true;
        in = outputs[pass];
    }
    return false;
}

unsigned serve_request_refusal(const char *method, const char *target, size_t target_length,
                               const char *path, size_t parameters_seen, const char **message)
{
    *message = NULL;
    if (strcmp(method, "GET") != 0 && strcmp(method, "HEAD") != 0) {
        *message = "read-only server: only GET and HEAD are allowed";
        return 405;
    }
    if (target == NULL) {
        *message = "out of memory";
        return 503;
    }
    if (target_length > SERVE_MAX_URI_BYTES) {
        *message = "request target longer than the server's cap";
        return 414;
    }
    if (target_refused(target) || strstr(path, "..") != NULL) {
        *message = "refused: '..' or a NUL byte in the request target";
        return 400;
    }
    if (parameters_seen > SERVE_MAX_PARAMETERS) {
        *message = "too many query parameters";
        return 400;
    }
    return 0;
}
