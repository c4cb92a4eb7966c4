/*
 * fuzz_importer.h - the harness of one importer, in one line:
 *
 *     #include "fuzz_importer.h"
 *     FUZZ_IMPORTER("itpd", ITPD_HEADER)
 *
 * Each input is read as the named format (mvec_observations_import_text).
 * Unless the input already starts with `header` (a seed taken from a real
 * file), the header is put before it, so the fuzzer spends its time on rows.
 * A load that succeeds is profiled for the country of its first row. A
 * finding is a crash, a sanitizer report or a leak.
 */
#ifndef MVEC_FUZZ_IMPORTER_H
#define MVEC_FUZZ_IMPORTER_H

#include "fuzz_common.h"

static void fuzz_import(const char *format, const char *header, const unsigned char *data,
                        size_t size)
{
    size_t header_length = strlen(header);
    bool has_header = size >= header_length && memcmp(data, header, header_length) == 0;
    size_t length = has_header ? size : header_length + size;
    char *text = malloc(length + 1);
    if (text == NULL)
        return;
    if (has_header) {
        memcpy(text, data, size);
    } else {
        memcpy(text, header, header_length);
        memcpy(text + header_length, data, size);
    }
    text[length] = '\0';
    size_t before = fuzz_bytes_before();
    mvec_observations *observations = NULL;
    if (mvec_observations_new(fuzz_ctx, fuzz_countries, &observations) != MVEC_OK)
        abort();
    if (mvec_observations_import_text(fuzz_ctx, observations, "fuzz.csv", text, length, format,
                                      NULL) == MVEC_OK &&
        mvec_observations_count(observations) > 0)
        fuzz_profile(observations, fuzz_scheme,
                     mvec_observations_at(observations, 0)->country->code, NULL);
    mvec_observations_free(fuzz_ctx, observations);
    fuzz_check_leaks(before);
    free(text);
}

#define FUZZ_IMPORTER(format, header)                                                          \
    int LLVMFuzzerInitialize(int *argc, char ***argv)                                          \
    {                                                                                          \
        (void)argc;                                                                            \
        (void)argv;                                                                            \
        fuzz_setup();                                                                          \
        return 0;                                                                              \
    }                                                                                          \
    int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)                         \
    {                                                                                          \
        fuzz_import(format, header, data, size);                                               \
        return 0;                                                                              \
    }

#endif
