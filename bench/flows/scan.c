/*
 * scan.c - the bare cost of reading BACI-shaped CSV on this machine, the floor under any tool
 * (bench/README.md, "Flows (issue 7, point 8)").
 *
 *   scan MODE [-t THREADS] [-r REPEATS] FILE...
 *
 * MODE
 *   read   read() into a 1 MiB buffer and touch nothing (the page cache's copy cost; 1 thread)
 *   naive  count ',' and '\n' one byte at a time
 *   swar   the same, 8 bytes at a time in a 64-bit word (portable C)
 *   avx2   the same, 32 bytes at a time (only when compiled with AVX2, e.g. -march=native)
 *   parse  a minimal row parser: t,i,j,k as integers, v as exact integer thousandths, q skipped;
 *          counts rows and sums v and the codes (no grouping, no allocation)
 * Every mode but read splits each file into THREADS byte ranges (parse aligns them on line
 * starts), each read by its thread with pread() in 1 MiB pieces (mmap's page faults cost more
 * than the copy on this virtual machine). Prints the best of REPEATS in-process wall times (process start
 * not counted), in GB/s of file bytes, and the counts, so that two modes can be checked
 * against each other.
 *
 * Build: cc -std=c11 -O2 -march=native -pthread -o scan scan.c
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#ifdef __AVX2__
#include <immintrin.h>
#endif

typedef struct {
    const unsigned char *p;
    size_t n;
    int mode, fd;
    off_t off, end;
    uint64_t comma, nl, rows, sum_v, sum_codes, bad;
} job;

enum { NAIVE, SWAR, AVX2, PARSE };

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static void count_naive(job *j) {
    uint64_t c = 0, n = 0;
    for (size_t x = 0; x < j->n; x++) {
        if (j->p[x] == ',') c++;
        else if (j->p[x] == '\n') n++;
    }
    j->comma += c;
    j->nl += n;
}

static uint64_t swar_eq(uint64_t w, uint64_t pattern) { /* 0x80 in each byte equal to the pattern */
    uint64_t x = w ^ pattern;
    return ~(((x & 0x7F7F7F7F7F7F7F7FULL) + 0x7F7F7F7F7F7F7F7FULL) | x | 0x7F7F7F7F7F7F7F7FULL);
}
static void count_swar(job *j) {
    const uint64_t C = 0x2C2C2C2C2C2C2C2CULL, N = 0x0A0A0A0A0A0A0A0AULL;
    uint64_t c = 0, n = 0;
    size_t x = 0;
    for (; x + 8 <= j->n; x += 8) {
        uint64_t w;
        memcpy(&w, j->p + x, 8);
        c += (uint64_t)__builtin_popcountll(swar_eq(w, C));
        n += (uint64_t)__builtin_popcountll(swar_eq(w, N));
    }
    for (; x < j->n; x++) { c += j->p[x] == ','; n += j->p[x] == '\n'; }
    j->comma += c;
    j->nl += n;
}

#ifdef __AVX2__
static void count_avx2(job *j) {
    const __m256i C = _mm256_set1_epi8(','), N = _mm256_set1_epi8('\n');
    uint64_t c = 0, n = 0;
    size_t x = 0;
    for (; x + 32 <= j->n; x += 32) {
        __m256i v = _mm256_loadu_si256((const __m256i *)(const void *)(j->p + x));
        c += (uint64_t)__builtin_popcount((unsigned)_mm256_movemask_epi8(_mm256_cmpeq_epi8(v, C)));
        n += (uint64_t)__builtin_popcount((unsigned)_mm256_movemask_epi8(_mm256_cmpeq_epi8(v, N)));
    }
    for (; x < j->n; x++) { c += j->p[x] == ','; n += j->p[x] == '\n'; }
    j->comma += c;
    j->nl += n;
}
#endif

/* One row per line: digits for t,i,j,k; v as [-]digits[.ddd] in thousandths; the rest skipped. */
static void parse(job *j) {
    const unsigned char *s = j->p, *e = j->p + j->n;
    while (s < e) {
        if (*s < '0' || *s > '9') {                      /* header or odd line: skip it */
            const unsigned char *nl = memchr(s, '\n', (size_t)(e - s));
            j->bad += *s != 't';
            s = nl ? nl + 1 : e;
            continue;
        }
        uint64_t codes = 0;
        for (int f = 0; f < 4; f++) {
            uint64_t x = 0;
            while (s < e && *s >= '0' && *s <= '9') x = x * 10 + (uint64_t)(*s++ - '0');
            codes += x;
            s++;                                        /* the comma */
        }
        int neg = s < e && *s == '-';
        s += neg;
        uint64_t v = 0;
        while (s < e && *s >= '0' && *s <= '9') v = v * 10 + (uint64_t)(*s++ - '0');
        int dec = 0;
        if (s < e && *s == '.')
            for (s++; s < e && *s >= '0' && *s <= '9' && dec < 3; dec++) v = v * 10 + (uint64_t)(*s++ - '0');
        for (; dec < 3; dec++) v *= 10;
        j->sum_v += neg ? (uint64_t)0 - v : v;
        j->sum_codes += codes;
        j->rows++;
        while (s < e && *s != '\n') s++;                /* q */
        s++;
    }
}

static void work(job *j) {
    switch (j->mode) {
    case NAIVE: count_naive(j); break;
    case SWAR: count_swar(j); break;
#ifdef __AVX2__
    case AVX2: count_avx2(j); break;
#endif
    default: parse(j); break;
    }
}

/* Reads [off, end) of fd in 1 MiB pieces; parse gets whole lines only (the rest is carried). */
#define PIECE (1 << 20)
static void *run_job(void *arg) {
    job *j = arg;
    unsigned char *buf = malloc(2 * PIECE);
    size_t carry = 0;
    if (!buf) { perror("malloc"); exit(1); }
    for (off_t at = j->off; at < j->end;) {
        size_t want = (size_t)(j->end - at) < PIECE ? (size_t)(j->end - at) : PIECE;
        ssize_t got = pread(j->fd, buf + carry, want, at);
        if (got <= 0) { perror("pread"); exit(1); }
        at += got;
        size_t n = carry + (size_t)got, use = n;
        if (j->mode == PARSE && at < j->end) {
            while (use > 0 && buf[use - 1] != '\n') use--;
        }
        j->p = buf;
        j->n = use;
        work(j);
        carry = n - use;
        memmove(buf, buf + use, carry);
    }
    if (carry) { j->p = buf; j->n = carry; work(j); }
    free(buf);
    return NULL;
}

/* The first line start at or after off (off itself when it follows a newline). */
static off_t line_start(int fd, off_t off, off_t size) {
    unsigned char w[4096];
    if (off == 0) return 0;
    for (off_t at = off - 1; at < size;) {
        ssize_t got = pread(fd, w, sizeof w, at);
        if (got <= 0) return size;
        const unsigned char *nl = memchr(w, '\n', (size_t)got);
        if (nl) return at + (nl - w) + 1;
        at += got;
    }
    return size;
}

int main(int argc, char **argv) {
    int threads = 1, repeats = 1, a = 2;
    if (argc < 3) goto usage;
    const char *m = argv[1];
    int mode = !strcmp(m, "naive") ? NAIVE : !strcmp(m, "swar") ? SWAR : !strcmp(m, "avx2") ? AVX2
             : !strcmp(m, "parse") ? PARSE : !strcmp(m, "read") ? -1 : -2;
    if (mode == -2) goto usage;
#ifndef __AVX2__
    if (mode == AVX2) { fprintf(stderr, "scan: built without AVX2\n"); return 2; }
#endif
    for (; a + 1 < argc && argv[a][0] == '-'; a += 2) {
        if (!strcmp(argv[a], "-t")) threads = atoi(argv[a + 1]);
        else if (!strcmp(argv[a], "-r")) repeats = atoi(argv[a + 1]);
        else goto usage;
    }
    if (a >= argc || threads < 1 || threads > 64 || repeats < 1) goto usage;

    double best = 1e30;
    job total = {0};
    uint64_t bytes = 0;
    for (int r = 0; r < repeats; r++) {
        memset(&total, 0, sizeof total);
        bytes = 0;
        double t0 = now();
        for (int f = a; f < argc; f++) {
            int fd = open(argv[f], O_RDONLY);
            struct stat st;
            if (fd < 0 || fstat(fd, &st) != 0) { perror(argv[f]); return 1; }
            size_t size = (size_t)st.st_size;
            bytes += size;
            if (mode < 0) {                              /* read */
                static unsigned char buf[1 << 20];
                ssize_t got;
                while ((got = read(fd, buf, sizeof buf)) > 0) total.nl += buf[0];
                if (got < 0) { perror(argv[f]); return 1; }
                close(fd);
                continue;
            }
            job jobs[64];
            pthread_t tid[64];
            off_t fsize = (off_t)size;
            for (int t = 0; t < threads; t++) {
                off_t from = fsize / threads * t, to = t == threads - 1 ? fsize : fsize / threads * (t + 1);
                if (mode == PARSE) { from = line_start(fd, from, fsize); to = line_start(fd, to, fsize); }
                jobs[t] = (job){.mode = mode, .fd = fd, .off = from, .end = to};
                if (pthread_create(&tid[t], NULL, run_job, &jobs[t])) { perror("pthread_create"); return 1; }
            }
            for (int t = 0; t < threads; t++) {
                pthread_join(tid[t], NULL);
                total.comma += jobs[t].comma;
                total.nl += jobs[t].nl;
                total.rows += jobs[t].rows;
                total.sum_v += jobs[t].sum_v;
                total.sum_codes += jobs[t].sum_codes;
                total.bad += jobs[t].bad;
            }
            close(fd);
        }
        double dt = now() - t0;
        if (dt < best) best = dt;
    }
    printf("scan %s threads=%d: %.1f MB in %.4f s (best of %d) = %.2f GB/s", m, mode < 0 ? 1 : threads,
           (double)bytes / 1e6, best, repeats, (double)bytes / 1e9 / best);
    if (mode == NAIVE || mode == SWAR || mode == AVX2)
        printf("; commas %llu newlines %llu", (unsigned long long)total.comma, (unsigned long long)total.nl);
    if (mode == PARSE)
        printf("; rows %llu sum_v %lld.%03lld (thousand USD) codes %llu bad %llu",
               (unsigned long long)total.rows, (long long)total.sum_v / 1000,
               (long long)(total.sum_v % 1000), (unsigned long long)total.sum_codes,
               (unsigned long long)total.bad);
    printf("\n");
    return 0;
usage:
    fprintf(stderr, "usage: scan read|naive|swar|avx2|parse [-t THREADS] [-r REPEATS] FILE...\n");
    return 2;
}
