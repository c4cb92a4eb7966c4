/*
 * fuzz_observations.c - any text as an observation file (the long format or,
 * when the header says so, the Bureau's table), then the profile of the
 * first row's country and its JSON output.
 */
#include "fuzz_common.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    fuzz_setup();
    return 0;
}

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    size_t before = fuzz_bytes_before();
    mvec_observations *observations = NULL;
    if (mvec_observations_new(fuzz_ctx, fuzz_countries, &observations) != MVEC_OK)
        abort();
    if (mvec_observations_load_text(fuzz_ctx, observations, "fuzz.csv", (const char *)data, size,
                                    NULL) == MVEC_OK &&
        mvec_observations_count(observations) > 0) {
        const mvec_observation *first = mvec_observations_at(observations, 0);
        fuzz_profile(observations, fuzz_scheme, first->country->code, NULL);
    }
    mvec_observations_free(fuzz_ctx, observations);
    fuzz_check_leaks(before);
    return 0;
}
