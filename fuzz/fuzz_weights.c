/*
 * fuzz_weights.c - any text as the composite weights (--weights), through
 * the public mvec_profile_build, on a small fixed dataset.
 */
#include "fuzz_common.h"

static mvec_observations *small;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    fuzz_setup();
    if (mvec_observations_new(fuzz_ctx, fuzz_countries, &small) != MVEC_OK ||
        mvec_observations_load_text(fuzz_ctx, small, "small.csv", FUZZ_SMALL_DATA,
                                    sizeof FUZZ_SMALL_DATA - 1, NULL) != MVEC_OK)
        fuzz_die("small dataset");
    return 0;
}

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    char *weights = malloc(size + 1);
    if (weights == NULL)
        return 0;
    memcpy(weights, data, size);
    weights[size] = '\0';
    size_t before = fuzz_bytes_before();
    fuzz_profile(small, fuzz_scheme, "KAZ", weights);
    fuzz_check_leaks(before);
    free(weights);
    return 0;
}
