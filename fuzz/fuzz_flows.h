/*
 * fuzz_flows.h - the harnesses of the flow readers and the flow cache
 * (mvec_flows.h), one line each:
 *
 *     #include "fuzz_flows.h"
 *     FUZZ_FLOWS_CSV("t,i,j,k,v,q\n")   any text as rows under that header
 *     FUZZ_FLOWS_FILE(".gz")            any bytes as a file of that name (.gz, .zip, .mvf)
 *
 * A CSV input (the header put before it unless it starts with a header of
 * its own: the first name, then a comma or a tab) is read
 * with 1 and with 3 threads: the two answers (status, message, every column
 * and code) must be equal, or the harness aborts. A table that reads is
 * written as a cache, opened again and compared. A file input is read as a
 * flow file (.gz, .zip) or opened as a cache (.mvf). A finding is a crash, a
 * sanitizer report, a leak, or two thread counts that disagree.
 */
#ifndef MVEC_FUZZ_FLOWS_H
#define MVEC_FUZZ_FLOWS_H

#include <unistd.h>

#include "fuzz_common.h"

static char fuzz_path[128];

static inline bool fuzz_same_tables(const mvec_flows *a, const mvec_flows *b)
{
    mvec_flows_columns x = mvec_flows_get_columns(a), y = mvec_flows_get_columns(b);
    const mvec_flows_info *i = mvec_flows_get_info(a), *j = mvec_flows_get_info(b);
    size_t n = x.rows;
    if (n != y.rows || i->country_count != j->country_count ||
        i->product_count != j->product_count || (x.quantity == NULL) != (y.quantity == NULL))
        return false;
    if (n > 0 && (memcmp(x.year, y.year, n * 2) != 0 || memcmp(x.exporter, y.exporter, n * 2) != 0 ||
                  memcmp(x.importer, y.importer, n * 2) != 0 ||
                  memcmp(x.product, y.product, n * 4) != 0 || memcmp(x.value, y.value, n * 8) != 0 ||
                  (x.quantity && memcmp(x.quantity, y.quantity, n * 8) != 0)))
        return false;
    for (size_t k = 0; k < i->country_count; k++)
        if (strcmp(mvec_flows_country_at(a, k)->code, mvec_flows_country_at(b, k)->code) != 0 ||
            strcmp(mvec_flows_country_at(a, k)->mvec_code, mvec_flows_country_at(b, k)->mvec_code))
            return false;
    for (size_t k = 0; k < i->product_count; k++)
        if (strcmp(mvec_flows_product_at(a, k), mvec_flows_product_at(b, k)) != 0)
            return false;
    return strcmp(i->hs_edition, j->hs_edition) == 0 && i->basis == j->basis;
}

static inline void fuzz_flows_setup(const char *suffix)
{
    fuzz_setup();
    (void)fuzz_profile; /* fuzz_common.h's profile step is not used here */
    snprintf(fuzz_path, sizeof fuzz_path, "/tmp/mvec_fuzz_flows_%ld%s", (long)getpid(), suffix);
}

static inline void fuzz_flows_csv(const char *header, const unsigned char *data, size_t size)
{
    size_t header_length = strlen(header);
    /* an input with a header of its own: the first name, then a comma or a tab (a
     * tab-separated file, as UN Comtrade's bulk files) */
    size_t first = strcspn(header, ",\n");
    bool has_header = size > first && memcmp(data, header, first) == 0 &&
                      (data[first] == ',' || data[first] == '\t');
    size_t length = has_header ? size : header_length + size;
    char *text = malloc(length + 1);
    if (text == NULL)
        return;
    memcpy(text, has_header ? "" : header, has_header ? 0 : header_length);
    memcpy(text + (has_header ? 0 : header_length), data, size);
    text[length] = '\0';
    size_t before = fuzz_bytes_before();
    mvec_flows *one = NULL, *three = NULL, *cached = NULL;
    mvec_flows_options options = MVEC_FLOWS_OPTIONS_INIT;
    options.threads = 1;
    mvec_status s1 = mvec_flows_read_buffer(fuzz_ctx, fuzz_countries, "fuzz.csv", text, length,
                                            &options, &one);
    char message[2048];
    snprintf(message, sizeof message, "%s", mvec_ctx_error_message(fuzz_ctx));
    options.threads = 3;
    mvec_status s3 = mvec_flows_read_buffer(fuzz_ctx, fuzz_countries, "fuzz.csv", text, length,
                                            &options, &three);
    if (s1 != s3 || (s1 != MVEC_OK && strcmp(message, mvec_ctx_error_message(fuzz_ctx)) != 0) ||
        (s1 == MVEC_OK && !fuzz_same_tables(one, three))) {
        fprintf(stderr, "1 and 3 threads disagree: %s / %s\n", message,
                mvec_ctx_error_message(fuzz_ctx));
        abort();
    }
    if (s1 == MVEC_OK) {
        if (mvec_flows_write(fuzz_ctx, one, fuzz_path) != MVEC_OK ||
            mvec_flows_open(fuzz_ctx, fuzz_path, &cached) != MVEC_OK ||
            !fuzz_same_tables(one, cached)) {
            fprintf(stderr, "cache round trip failed: %s\n", mvec_ctx_error_message(fuzz_ctx));
            abort();
        }
        unlink(fuzz_path);
    }
    mvec_flows_close(fuzz_ctx, cached);
    mvec_flows_close(fuzz_ctx, three);
    mvec_flows_close(fuzz_ctx, one);
    fuzz_check_leaks(before);
    free(text);
}

static inline void fuzz_flows_file(const unsigned char *data, size_t size)
{
    FILE *f = fopen(fuzz_path, "wb");
    if (f == NULL)
        return;
    fwrite(data, 1, size, f);
    fclose(f);
    size_t before = fuzz_bytes_before();
    mvec_flows *flows = NULL;
    size_t n = strlen(fuzz_path);
    if (n > 4 && strcmp(fuzz_path + n - 4, ".mvf") == 0) {
        mvec_flows_open(fuzz_ctx, fuzz_path, &flows);
    } else {
        mvec_flows_options options = MVEC_FLOWS_OPTIONS_INIT;
        options.threads = 2;
        mvec_flows_read(fuzz_ctx, fuzz_countries, fuzz_path, &options, &flows);
    }
    if (flows != NULL) { /* touch every cell the queries will read */
        mvec_flows_columns c = mvec_flows_get_columns(flows);
        long long sum = 0;
        for (size_t r = 0; r < c.rows; r++)
            sum += c.value[r] + c.year[r] +
                   (long long)strlen(mvec_flows_country_at(flows, c.exporter[r])->code) +
                   (long long)strlen(mvec_flows_country_at(flows, c.importer[r])->mvec_code) +
                   (long long)strlen(mvec_flows_product_at(flows, c.product[r]));
        if (sum == 42)
            fprintf(stderr, " ");
    }
    mvec_flows_close(fuzz_ctx, flows);
    fuzz_check_leaks(before);
    unlink(fuzz_path);
}

#define FUZZ_FLOWS_CSV(header)                                                                 \
    int LLVMFuzzerInitialize(int *argc, char ***argv)                                          \
    {                                                                                          \
        (void)argc;                                                                            \
        (void)argv;                                                                            \
        fuzz_flows_setup(".mvf");                                                              \
        return 0;                                                                              \
    }                                                                                          \
    int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)                         \
    {                                                                                          \
        fuzz_flows_csv(header, data, size);                                                    \
        return 0;                                                                              \
    }

#define FUZZ_FLOWS_FILE(suffix)                                                                \
    int LLVMFuzzerInitialize(int *argc, char ***argv)                                          \
    {                                                                                          \
        (void)argc;                                                                            \
        (void)argv;                                                                            \
        fuzz_flows_setup(suffix);                                                              \
        return 0;                                                                              \
    }                                                                                          \
    int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)                         \
    {                                                                                          \
        fuzz_flows_file(data, size);                                                           \
        return 0;                                                                              \
    }

#endif
