/*
 * membw.c - memory bandwidth of this machine, for the flows benchmark's table of limits
 * (bench/README.md, "Flows (issue 7, point 8)").
 *
 *   membw [-m MIB] [-r REPEATS] [-t THREADS]     defaults: 1024 MiB, 5 repeats, 1 thread
 *
 * Two buffers of MIB each (far larger than any cache), touched once before timing. Prints the
 * best of REPEATS for
 *   read   sum of the buffer as uint64 (4 independent sums)   GB/s read
 *   write  memset                                             GB/s written
 *   copy   memcpy from one buffer to the other                GB/s copied (bytes of the source)
 * each thread working on its own slice.
 *
 * Build: cc -std=c11 -O2 -march=native -pthread -o membw membw.c
 */
#define _GNU_SOURCE
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef struct { uint64_t *a, *b; size_t n; int op; uint64_t sum; } slice;

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static void *work(void *arg) {
    slice *s = arg;
    if (s->op == 0) {
        uint64_t s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        size_t x = 0;
        for (; x + 4 <= s->n; x += 4) { s0 += s->a[x]; s1 += s->a[x + 1]; s2 += s->a[x + 2]; s3 += s->a[x + 3]; }
        for (; x < s->n; x++) s0 += s->a[x];
        s->sum = s0 + s1 + s2 + s3;
    } else if (s->op == 1) {
        memset(s->b, (int)(s->n & 0x7F), s->n * 8);
        s->sum = s->b[s->n / 2];
    } else {
        memcpy(s->b, s->a, s->n * 8);
        s->sum = s->b[s->n / 3];
    }
    return NULL;
}

static double timed(uint64_t *a, uint64_t *b, size_t n, int threads, int op, uint64_t *check) {
    pthread_t tid[64];
    slice sl[64];
    double t0 = now();
    for (int t = 0; t < threads; t++) {
        size_t from = n / (size_t)threads * (size_t)t, to = t == threads - 1 ? n : n / (size_t)threads * (size_t)(t + 1);
        sl[t] = (slice){a + from, b + from, to - from, op, 0};
        if (pthread_create(&tid[t], NULL, work, &sl[t])) { perror("pthread_create"); exit(1); }
    }
    for (int t = 0; t < threads; t++) { pthread_join(tid[t], NULL); *check += sl[t].sum; }
    return now() - t0;
}

int main(int argc, char **argv) {
    size_t mib = 1024;
    int repeats = 5, threads = 1;
    for (int a = 1; a < argc; a += 2) {
        if (a + 1 >= argc) goto usage;
        long x = atol(argv[a + 1]);
        if (!strcmp(argv[a], "-m") && x > 0) mib = (size_t)x;
        else if (!strcmp(argv[a], "-r") && x > 0) repeats = (int)x;
        else if (!strcmp(argv[a], "-t") && x > 0 && x <= 64) threads = (int)x;
        else goto usage;
    }
    size_t bytes = mib << 20, n = bytes / 8;
    uint64_t *a = aligned_alloc(64, bytes), *b = aligned_alloc(64, bytes), check = 0;
    if (!a || !b) { perror("membw"); return 1; }
    for (size_t x = 0; x < n; x++) { a[x] = x; b[x] = ~x; }
    double best[3] = {1e30, 1e30, 1e30};
    for (int r = 0; r < repeats; r++)
        for (int op = 0; op < 3; op++) {
            double t = timed(a, b, n, threads, op, &check);
            if (t < best[op]) best[op] = t;
        }
    printf("membw threads=%d buffers=2x%zu MiB best of %d: read %.1f GB/s, write %.1f GB/s, copy %.1f GB/s (check %llu)\n",
           threads, mib, repeats, (double)bytes / 1e9 / best[0], (double)bytes / 1e9 / best[1],
           (double)bytes / 1e9 / best[2], (unsigned long long)(check & 0xFF));
    free(a);
    free(b);
    return 0;
usage:
    fprintf(stderr, "usage: membw [-m MIB] [-r REPEATS] [-t THREADS]\n");
    return 2;
}
