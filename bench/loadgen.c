/*
 * loadgen.c - a small HTTP load client for `mvec serve` (bench/serve.sh, tests/serve/run.sh):
 * C concurrent workers send N GET requests in all, cycling through the targets given, one
 * connection per request (as ab without -k), and report errors and latency percentiles.
 *
 * usage: loadgen HOST PORT REQUESTS CONCURRENCY TARGET...
 * Prints "requests N errors E p50 X p90 X p99 X max X ms rps R"; exits 1 when any request
 * failed (no answer, or a status other than 200).
 */
#define _POSIX_C_SOURCE 200809L
#include <arpa/inet.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

static struct sockaddr_in server;
static char **targets;
static int target_count;
static int total;
static atomic_int next_request;
static atomic_int errors;
static double *latencies; /* ms, one per request */

static double now_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

/* One request; returns the HTTP status, or 0 when there was no complete answer. */
static int fetch(const char *target)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return 0;
    int status = 0;
    char request[4096];
    int length = snprintf(request, sizeof request,
                          "GET %s HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n",
                          target);
    if (connect(fd, (struct sockaddr *)&server, sizeof server) == 0 &&
        write(fd, request, (size_t)length) == length) {
        char buffer[65536];
        ssize_t n;
        size_t got = 0;
        char head[16] = "";
        while ((n = read(fd, buffer, sizeof buffer)) > 0) {
            if (got < sizeof head - 1) {
                size_t take = (size_t)n < sizeof head - 1 - got ? (size_t)n : sizeof head - 1 - got;
                memcpy(head + got, buffer, take);
                head[got + take] = '\0';
            }
            got += (size_t)n;
        }
        if (n == 0 && strncmp(head, "HTTP/1.1 ", 9) == 0)
            status = atoi(head + 9);
    }
    close(fd);
    return status;
}

static void *worker(void *unused)
{
    (void)unused;
    for (;;) {
        int i = atomic_fetch_add(&next_request, 1);
        if (i >= total)
            return NULL;
        double start = now_ms();
        int status = fetch(targets[i % target_count]);
        latencies[i] = now_ms() - start;
        if (status != 200) {
            if (atomic_fetch_add(&errors, 1) < 5)
                fprintf(stderr, "loadgen: %s: %s\n", targets[i % target_count],
                        status ? "status other than 200" : "no answer");
        }
    }
}

static int compare(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

int main(int argc, char **argv)
{
    if (argc < 6) {
        fprintf(stderr, "usage: loadgen HOST PORT REQUESTS CONCURRENCY TARGET...\n");
        return 2;
    }
    server.sin_family = AF_INET;
    server.sin_port = htons((uint16_t)atoi(argv[2]));
    if (inet_pton(AF_INET, argv[1], &server.sin_addr) != 1) {
        fprintf(stderr, "loadgen: bad address %s\n", argv[1]);
        return 2;
    }
    total = atoi(argv[3]);
    int concurrency = atoi(argv[4]);
    targets = argv + 5;
    target_count = argc - 5;
    if (total < 1 || concurrency < 1 || concurrency > 1024)
        return 2;
    latencies = calloc((size_t)total, sizeof *latencies);
    pthread_t *threads = calloc((size_t)concurrency, sizeof *threads);
    if (latencies == NULL || threads == NULL)
        return 1;
    double start = now_ms();
    for (int t = 0; t < concurrency; t++)
        pthread_create(&threads[t], NULL, worker, NULL);
    for (int t = 0; t < concurrency; t++)
        pthread_join(threads[t], NULL);
    double seconds = (now_ms() - start) / 1e3;
    qsort(latencies, (size_t)total, sizeof *latencies, compare);
#define AT(q) latencies[(size_t)((q) * (total - 1) + 0.5)]
    printf("requests %d errors %d p50 %.1f p90 %.1f p99 %.1f max %.1f ms rps %.0f\n", total,
           atomic_load(&errors), AT(0.50), AT(0.90), AT(0.99), latencies[total - 1],
           total / seconds);
    free(latencies);
    free(threads);
    return atomic_load(&errors) == 0 ? 0 : 1;
}
