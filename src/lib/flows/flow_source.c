/*
 * flow_source.c - a flow file's bytes: the file is memory-mapped (its
 * SHA-256 is taken over these bytes, compressed or not); a .gz is inflated
 * with zlib (concatenated members too), a .zip read with libzip, which must
 * hold exactly one member (BACI's CSV): several or none is an error, never
 * a guess at which one was meant.
 */
#include <errno.h>
#include <fcntl.h>
#include <nettle/sha2.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zip.h>
#include <zlib.h>

#include "flows_internal.h"

void mvec__flow_sha256_hex(const void *data, size_t length, char out[65])
{
    struct sha256_ctx hash;
    uint8_t digest[SHA256_DIGEST_SIZE];
    sha256_init(&hash);
    const uint8_t *bytes = data;
    while (length > 0) { /* nettle takes a size_t, but feed it in slices to stay cache-warm */
        size_t n = length < (1u << 24) ? length : (1u << 24);
        sha256_update(&hash, n, bytes);
        bytes += n;
        length -= n;
    }
    sha256_digest(&hash, sizeof digest, digest);
    for (size_t i = 0; i < sizeof digest; i++)
        snprintf(out + 2 * i, 3, "%02x", digest[i]);
}

/* The SHA-256 runs beside decompression and parsing: at ~250 MB/s it would
 * otherwise cost as much as the parse itself. */
struct flow_hasher {
    pthread_t thread;
    bool joined;
    const void *data;
    size_t length;
    char hex[65];
};

static void *hash_file(void *arg)
{
    struct flow_hasher *hasher = arg;
    mvec__flow_sha256_hex(hasher->data ? hasher->data : "", hasher->length, hasher->hex);
    return NULL;
}

static void start_hashing(mvec_ctx *ctx, struct mvec__flow_source *source)
{
    struct flow_hasher *hasher = NULL;
    if (mvec__calloc(ctx, 1, sizeof *hasher, &hasher) != MVEC_OK) {
        mvec_ctx_clear_error(ctx);
        mvec__flow_sha256_hex(source->file ? source->file : "", source->file_length,
                              source->sha256);
        return;
    }
    hasher->data = source->file;
    hasher->length = source->file_length;
    if (pthread_create(&hasher->thread, NULL, hash_file, hasher) != 0) {
        hash_file(hasher);
        memcpy(source->sha256, hasher->hex, sizeof hasher->hex);
        mvec__free(ctx, hasher);
        return;
    }
    source->hasher = hasher;
}

static void stop_hashing(mvec_ctx *ctx, struct mvec__flow_source *source)
{
    if (source->hasher == NULL)
        return;
    mvec__flow_source_sha256(source);
    mvec__free(ctx, source->hasher);
    source->hasher = NULL;
}

static bool ends_with(const char *text, const char *suffix)
{
    size_t n = strlen(text), m = strlen(suffix);
    return n >= m && strcmp(text + n - m, suffix) == 0;
}

static size_t count_lines(const char *text, size_t length)
{
    size_t lines = 1;
    for (size_t i = 0; i < length; i++)
        lines += text[i] == '\n';
    return lines;
}

/* Inflate the mapped gzip file into source->text. */
static mvec_status gunzip(mvec_ctx *ctx, const char *path, struct mvec__flow_source *source)
{
    mvec_status status = MVEC_OK;
    z_stream stream;
    memset(&stream, 0, sizeof stream);
    if (inflateInit2(&stream, 15 + 32) != Z_OK) /* 32: gzip header expected */
        return mvec__error(ctx, MVEC_ERR_NOMEM, "%s: cannot start zlib", path);
    size_t capacity = source->file_length * 4 + 4096;
    size_t used = 0;
    char *text = NULL;
    MVEC_TRY(mvec__alloc(ctx, capacity, &text));
    stream.next_in = (Bytef *)(uintptr_t)source->file;
    size_t left = source->file_length;
    int result = Z_OK;
    size_t reported = 0;
    while (true) {
        if (stream.avail_in == 0 && left > 0) {
            uInt n = left > (1u << 30) ? (1u << 30) : (uInt)left;
            stream.avail_in = n;
            left -= n;
        }
        if (capacity - used < (1u << 16)) {
            capacity *= 2;
            MVEC_TRY(mvec__realloc(ctx, &text, capacity));
        }
        size_t room = capacity - used;
        stream.next_out = (Bytef *)text + used;
        stream.avail_out = room > (1u << 30) ? (1u << 30) : (uInt)room;
        uInt before = stream.avail_out;
        result = inflate(&stream, Z_NO_FLUSH);
        used += before - stream.avail_out;
        if (result == Z_STREAM_END) {
            if (stream.avail_in == 0 && left == 0)
                break;
            if (inflateReset(&stream) != Z_OK) /* the next gzip member */
                MVEC_FAIL(ctx, MVEC_ERR_PARSE, "%s: damaged gzip stream", path);
            continue;
        }
        if (result == Z_BUF_ERROR && stream.avail_in == 0 && left == 0)
            MVEC_FAIL(ctx, MVEC_ERR_PARSE,
                      "%s:%zu:1: truncated gzip file: the compressed stream ends after %zu bytes "
                      "of text",
                      path, count_lines(text, used), used);
        if (result != Z_OK && result != Z_BUF_ERROR)
            MVEC_FAIL(ctx, MVEC_ERR_PARSE, "%s:%zu:1: damaged gzip stream (%s) after %zu bytes",
                      path, count_lines(text, used), stream.msg ? stream.msg : "zlib error",
                      used);
        size_t consumed = source->file_length - left - stream.avail_in;
        if (consumed - reported >= (8u << 20)) {
            mvec_progress progress = {.task = "decompressing", .done_bytes = consumed,
                                      .total_bytes = source->file_length};
            mvec__progress(ctx, &progress);
            reported = consumed;
            MVEC_TRY(mvec__check_cancel(ctx));
        }
    }
    source->text = text;
    source->text_length = used;
    text = NULL;
cleanup:
    inflateEnd(&stream);
    mvec__free(ctx, text);
    return status;
}

/* Read the one member of the mapped zip file into source->text. */
static mvec_status unzip(mvec_ctx *ctx, const char *path, struct mvec__flow_source *source)
{
    mvec_status status = MVEC_OK;
    zip_error_t error;
    zip_error_init(&error);
    zip_t *archive = NULL;
    zip_file_t *member = NULL;
    char *text = NULL;
    zip_source_t *bytes = zip_source_buffer_create(source->file, source->file_length, 0, &error);
    if (bytes == NULL)
        MVEC_FAIL(ctx, MVEC_ERR_NOMEM, "%s: %s", path, zip_error_strerror(&error));
    archive = zip_open_from_source(bytes, ZIP_RDONLY, &error);
    if (archive == NULL) {
        zip_source_free(bytes);
        MVEC_FAIL(ctx, MVEC_ERR_PARSE, "%s:1:1: not a readable zip file (%s)", path,
                  zip_error_strerror(&error));
    }
    zip_int64_t count = zip_get_num_entries(archive, 0);
    if (count != 1)
        MVEC_FAIL(ctx, MVEC_ERR_PARSE,
                  "%s:1:1: the zip file holds %lld members; a flow zip must hold exactly one "
                  "CSV file",
                  path, (long long)count);
    zip_stat_t info;
    zip_stat_init(&info);
    if (zip_stat_index(archive, 0, 0, &info) != 0 || !(info.valid & ZIP_STAT_SIZE))
        MVEC_FAIL(ctx, MVEC_ERR_PARSE, "%s:1:1: damaged zip file: %s", path,
                  zip_strerror(archive));
    if (info.size > (zip_uint64_t)SIZE_MAX - 1)
        MVEC_FAIL(ctx, MVEC_ERR_LIMIT, "%s: zip member too large", path);
    /* A member's compressed bytes lie inside the file, deflate expands them at most ~1032
     * times and a stored member not at all: a bigger claim is damage, not a reason to
     * allocate gigabytes (a 374-byte zip of a stored member claiming 1 GiB was one). */
    bool stored = (info.valid & ZIP_STAT_COMP_METHOD) && info.comp_method == ZIP_CM_STORE;
    if ((info.valid & ZIP_STAT_COMP_SIZE) &&
        (info.comp_size > source->file_length ||
         (stored ? info.size > info.comp_size : info.size / 1100 > info.comp_size + 1024)))
        MVEC_FAIL(ctx, MVEC_ERR_PARSE,
                  "%s:1:1: damaged zip file: a member of %llu compressed bytes claims %llu",
                  path, (unsigned long long)info.comp_size, (unsigned long long)info.size);
    MVEC_TRY(mvec__alloc(ctx, (size_t)info.size + 1, &text));
    member = zip_fopen_index(archive, 0, 0);
    if (member == NULL)
        MVEC_FAIL(ctx, MVEC_ERR_PARSE, "%s:1:1: damaged zip file: %s", path,
                  zip_strerror(archive));
    size_t used = 0;
    while (used < info.size) {
        zip_int64_t n = zip_fread(member, text + used, info.size - used);
        if (n < 0)
            MVEC_FAIL(ctx, MVEC_ERR_PARSE, "%s:%zu:1: damaged zip member: %s", path,
                      count_lines(text, used), zip_file_strerror(member));
        if (n == 0)
            MVEC_FAIL(ctx, MVEC_ERR_PARSE, "%s:%zu:1: truncated zip member after %zu bytes",
                      path, count_lines(text, used), used);
        used += (size_t)n;
        MVEC_TRY(mvec__check_cancel(ctx));
    }
    source->text = text;
    source->text_length = used;
    text = NULL;
cleanup:
    if (member)
        zip_fclose(member);
    if (archive)
        zip_discard(archive);
    zip_error_fini(&error);
    mvec__free(ctx, text);
    return status;
}

mvec_status mvec__flow_source_open(mvec_ctx *ctx, const char *path,
                                   struct mvec__flow_source *source)
{
    mvec_status status = MVEC_OK;
    memset(source, 0, sizeof *source);
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return mvec__error(ctx, MVEC_ERR_IO, "cannot open %s: %s", path, strerror(errno));
    struct stat info;
    if (fstat(fd, &info) != 0)
        MVEC_FAIL(ctx, MVEC_ERR_IO, "cannot read %s: %s", path, strerror(errno));
    if (!S_ISREG(info.st_mode))
        MVEC_FAIL(ctx, MVEC_ERR_IO, "%s is not a regular file", path);
    source->mtime_ns = (long long)info.st_mtim.tv_sec * 1000000000LL + info.st_mtim.tv_nsec;
    source->file_length = (size_t)info.st_size;
    if (source->file_length > 0) {
        void *map = mmap(NULL, source->file_length, PROT_READ, MAP_PRIVATE, fd, 0);
        if (map == MAP_FAILED)
            MVEC_FAIL(ctx, MVEC_ERR_IO, "cannot map %s: %s", path, strerror(errno));
        source->file = map;
        posix_madvise(map, source->file_length, POSIX_MADV_SEQUENTIAL);
    }
    start_hashing(ctx, source);
    if (ends_with(path, ".gz"))
        MVEC_TRY(gunzip(ctx, path, source));
    else if (ends_with(path, ".zip"))
        MVEC_TRY(unzip(ctx, path, source));
cleanup:
    close(fd);
    if (status != MVEC_OK)
        mvec__flow_source_close(ctx, source);
    return status;
}

void mvec__flow_source_close(mvec_ctx *ctx, struct mvec__flow_source *source)
{
    stop_hashing(ctx, source);
    if (source->file != NULL)
        munmap((void *)(uintptr_t)source->file, source->file_length);
    mvec__free(ctx, source->text);
    memset(source, 0, sizeof *source);
}

const char *mvec__flow_source_sha256(struct mvec__flow_source *source)
{
    if (source->hasher != NULL && !source->hasher->joined) {
        pthread_join(source->hasher->thread, NULL);
        source->hasher->joined = true;
        memcpy(source->sha256, source->hasher->hex, sizeof source->hasher->hex);
    }
    return source->sha256;
}

const char *mvec__flow_source_data(const struct mvec__flow_source *source, size_t *length)
{
    if (source->text != NULL || source->file == NULL) {
        *length = source->text_length;
        return source->text ? source->text : "";
    }
    *length = source->file_length;
    return source->file;
}
