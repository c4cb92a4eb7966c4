/*
 * serve_http.c - the dashboard's HTTP layer, the only file that knows libmicrohttpd: a daemon
 * with a small pool of threads, each request checked before the API sees it
 * (serve_request.c: method, size, '..' and NUL anywhere in the decoded target, number of
 * parameters), every response with the same safety headers. SIGINT and SIGTERM stop it;
 * requests in flight finish first.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <microhttpd.h>
#include <stdarg.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "messages.h"
#include "serve.h"

/* Per connection (MHD's request context): the request target as sent, before decoding. */
typedef struct raw_request {
    char target[SERVE_MAX_URI_BYTES + 1];
    size_t length; /* as sent; may exceed the buffer */
} raw_request;

enum {
    CONNECTION_LIMIT = 256,         /* open connections at once; more are refused by MHD */
    CONNECTION_TIMEOUT_SECONDS = 15, /* idle connections are closed */
    CONNECTION_MEMORY_BYTES = 32 * 1024, /* headers of one request: more gets 431 / 414 */
};

static void *remember_target(void *cls, const char *uri, struct MHD_Connection *connection)
{
    (void)cls;
    (void)connection;
    raw_request *raw = calloc(1, sizeof *raw);
    if (raw == NULL)
        return NULL;
    raw->length = strlen(uri);
    snprintf(raw->target, sizeof raw->target, "%s", uri);
    return raw;
}

static void forget_target(void *cls, struct MHD_Connection *connection, void **req_cls,
                          enum MHD_RequestTerminationCode code)
{
    (void)cls;
    (void)connection;
    (void)code;
    free(*req_cls);
    *req_cls = NULL;
}

typedef struct collected {
    serve_request *request;
    size_t seen;
} collected;

static enum MHD_Result collect_parameter(void *cls, enum MHD_ValueKind kind, const char *key,
                                        const char *value)
{
    (void)kind;
    collected *c = cls;
    if (c->request->parameter_count < SERVE_MAX_PARAMETERS) {
        serve_parameter *p = &c->request->parameters[c->request->parameter_count++];
        p->name = key;
        p->value = value;
    }
    c->seen++;
    return MHD_YES;
}

static enum MHD_Result send_response(struct MHD_Connection *connection, serve_response *response,
                            bool head_of_405)
{
    struct MHD_Response *r;
    if (response->fixed != NULL) {
        /* MHD takes a non-const pointer but never writes through a PERSISTENT buffer */
        union {
            const unsigned char *fixed;
            void *buffer;
        } bytes = {response->fixed};
        r = MHD_create_response_from_buffer(response->fixed_length, bytes.buffer,
                                            MHD_RESPMEM_PERSISTENT);
    } else {
        r = MHD_create_response_from_buffer(response->body.length, response->body.data,
                                            MHD_RESPMEM_MUST_FREE);
        if (r != NULL)
            memset(&response->body, 0, sizeof response->body); /* MHD frees it */
    }
    if (r == NULL)
        return MHD_NO;
    MHD_add_response_header(r, MHD_HTTP_HEADER_CONTENT_TYPE, response->content_type);
    MHD_add_response_header(r, MHD_HTTP_HEADER_CACHE_CONTROL, response->cache_control);
    MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
    MHD_add_response_header(r, "Content-Security-Policy",
                            "default-src 'self'; frame-ancestors 'none'; form-action 'self'");
    MHD_add_response_header(r, "Referrer-Policy", "no-referrer");
    MHD_add_response_header(r, "X-Frame-Options", "DENY");
    if (head_of_405)
        MHD_add_response_header(r, MHD_HTTP_HEADER_ALLOW, "GET, HEAD");
    enum MHD_Result result = MHD_queue_response(connection, response->status, r);
    MHD_destroy_response(r);
    return result;
}

static enum MHD_Result refuse(struct MHD_Connection *connection, unsigned status,
                              const char *message)
{
    serve_response response;
    memset(&response, 0, sizeof response);
    serve_response_error(&response, status, NULL, NULL, "%s", message);
    enum MHD_Result result = send_response(connection, &response, status == 405);
    serve_response_free(&response);
    return result;
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *connection, const char *url,
                                  const char *method, const char *version,
                                  const char *upload_data, size_t *upload_data_size,
                                  void **req_cls)
{
    (void)version;
    (void)upload_data;
    (void)upload_data_size;
    serve_data *data = cls;
    const raw_request *raw = *req_cls;
    serve_request request;
    memset(&request, 0, sizeof request);
    request.path = url;
    collected c = {&request, 0};
    MHD_get_connection_values(connection, MHD_GET_ARGUMENT_KIND, collect_parameter, &c);
    const char *message = NULL;
    unsigned refusal = serve_request_refusal(method, raw ? raw->target : NULL,
                                             raw ? raw->length : 0, url, c.seen, &message);
    if (refusal != 0)
        return refuse(connection, refusal, message);
    serve_response response;
    serve_handle(data, &request, &response);
    enum MHD_Result result = send_response(connection, &response, false);
    serve_response_free(&response);
    return result;
}

/* libmicrohttpd's messages (a printf format and its arguments), as warnings. */
static void log_error(void *cls, const char *fmt, va_list args) CLI_PRINTF(2, 0);
static void log_error(void *cls, const char *fmt, va_list args)
{
    (void)cls;
    char message[512];
    vsnprintf(message, sizeof message, fmt, args);
    size_t length = strlen(message);
    while (length > 0 && message[length - 1] == '\n')
        message[--length] = '\0';
    cli_warning("serve: %s", message);
}

static int stop_pipe[2] = {-1, -1};

static void on_stop_signal(int signal_number)
{
    (void)signal_number;
    int saved = errno;
    ssize_t written = write(stop_pipe[1], "x", 1);
    (void)written;
    errno = saved;
}

static void stop_waiting(const struct sigaction *previous)
{
    sigaction(SIGINT, &previous[0], NULL);
    sigaction(SIGTERM, &previous[1], NULL);
    close(stop_pipe[0]);
    close(stop_pipe[1]);
    stop_pipe[0] = stop_pipe[1] = -1;
}

int serve_run(serve_data *data, const char *address, unsigned port)
{
    struct sockaddr_in v4;
    struct sockaddr_in6 v6;
    const struct sockaddr *socket_address = NULL;
    unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL | MHD_USE_ERROR_LOG;
    memset(&v4, 0, sizeof v4);
    memset(&v6, 0, sizeof v6);
    if (inet_pton(AF_INET, address, &v4.sin_addr) == 1) {
        v4.sin_family = AF_INET;
        v4.sin_port = htons((uint16_t)port);
        socket_address = (const struct sockaddr *)&v4;
    } else if (inet_pton(AF_INET6, address, &v6.sin6_addr) == 1) {
        v6.sin6_family = AF_INET6;
        v6.sin6_port = htons((uint16_t)port);
        socket_address = (const struct sockaddr *)&v6;
        flags |= MHD_USE_IPv6;
    } else {
        cli_error("--bind wants an IPv4 or IPv6 address (e.g. 127.0.0.1 or ::1), not '%s'",
                  address);
        cli_try_help("serve");
        return 2;
    }
    /* SIGINT and SIGTERM write a byte to a pipe the main thread waits on: whichever thread
     * the signal reaches (a sanitizer's or a library's own threads may not block it), the
     * handler only writes, which is async-signal-safe. */
    if (pipe(stop_pipe) != 0) {
        cli_error("cannot make a pipe: %s", strerror(errno));
        return 1;
    }
    struct sigaction action;
    struct sigaction previous[2];
    memset(&action, 0, sizeof action);
    action.sa_handler = on_stop_signal;
    sigemptyset(&action.sa_mask);
    sigaction(SIGINT, &action, &previous[0]);
    sigaction(SIGTERM, &action, &previous[1]);
    signal(SIGPIPE, SIG_IGN);
    struct MHD_Daemon *daemon = MHD_start_daemon(
        flags, (uint16_t)port, NULL, NULL, on_request, data, MHD_OPTION_EXTERNAL_LOGGER,
        log_error, NULL, MHD_OPTION_SOCK_ADDR, socket_address,
        MHD_OPTION_THREAD_POOL_SIZE, (unsigned)data->limits.pool_threads,
        MHD_OPTION_CONNECTION_LIMIT, (unsigned)CONNECTION_LIMIT, MHD_OPTION_CONNECTION_TIMEOUT,
        (unsigned)CONNECTION_TIMEOUT_SECONDS, MHD_OPTION_CONNECTION_MEMORY_LIMIT,
        (size_t)CONNECTION_MEMORY_BYTES, MHD_OPTION_LISTEN_BACKLOG_SIZE, 256u,
        MHD_OPTION_URI_LOG_CALLBACK, remember_target, NULL, MHD_OPTION_NOTIFY_COMPLETED,
        forget_target, NULL, MHD_OPTION_END);
    if (daemon == NULL) {
        int error = errno;
        stop_waiting(previous);
        errno = error;
        cli_error("cannot listen on %s port %u: %s", address, port,
                  errno ? strerror(errno) : "libmicrohttpd failed to start");
        return 1;
    }
    const union MHD_DaemonInfo *info = MHD_get_daemon_info(daemon, MHD_DAEMON_INFO_BIND_PORT);
    unsigned bound = info != NULL ? info->port : port;
    bool loopback = socket_address == (const struct sockaddr *)&v6
                        ? IN6_IS_ADDR_LOOPBACK(&v6.sin6_addr)
                        : (ntohl(v4.sin_addr.s_addr) >> 24) == 127;
    if (!loopback)
        cli_warning("listening on %s: any machine that reaches it can read every figure loaded "
                    "(no authentication, no TLS)",
                    address);
    if (socket_address == (const struct sockaddr *)&v6)
        fprintf(stderr, "mvec serve: http://[%s]:%u/\n", address, bound);
    else
        fprintf(stderr, "mvec serve: http://%s:%u/\n", address, bound);
    fflush(stderr);
    char byte = 0;
    while (read(stop_pipe[0], &byte, 1) < 0 && errno == EINTR)
        ;
    MHD_stop_daemon(daemon);
    serve_cache_clear();
    stop_waiting(previous);
    return 0;
}
