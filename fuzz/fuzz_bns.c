/*
 * fuzz_bns.c - the Bureau of National Statistics table: the fixed header
 * row, then any text as its rows; then the Kazakhstan profile.
 */
#include "fuzz_common.h"

static const char BNS_HEADER[] =
    "year,release,latest,label_ru,row_type,aggregate,partner_iso3,turnover_kusd,"
    "turnover_share_pct,exports_kusd,exports_share_pct,imports_kusd,imports_share_pct\n";

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    fuzz_setup();
    return 0;
}

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    size_t header = sizeof BNS_HEADER - 1;
    /* A seed that starts with the header already is used as it is. */
    bool has_header = size >= header && memcmp(data, BNS_HEADER, header) == 0;
    size_t length = has_header ? size : header + size;
    char *text = malloc(length + 1);
    if (text == NULL)
        return 0;
    if (has_header) {
        memcpy(text, data, size);
    } else {
        memcpy(text, BNS_HEADER, header);
        memcpy(text + header, data, size);
    }
    text[length] = '\0';
    size_t before = fuzz_bytes_before();
    mvec_observations *observations = NULL;
    if (mvec_observations_new(fuzz_ctx, fuzz_countries, &observations) != MVEC_OK)
        abort();
    if (mvec_observations_load_text(fuzz_ctx, observations, "fuzz.csv", text, length, NULL) ==
            MVEC_OK &&
        mvec_observations_count(observations) > 0)
        fuzz_profile(observations, fuzz_scheme, "KAZ", NULL);
    mvec_observations_free(fuzz_ctx, observations);
    fuzz_check_leaks(before);
    free(text);
    return 0;
}
