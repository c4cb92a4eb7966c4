/*
 * fuzz_weights.c - any text as the composite weights (--weights), through
 * the public mvec_profile_build, on a small fixed dataset. Besides crashes
 * and leaks, a composite that is reported as computed must rest on weights
 * that are finite, within 0..1 and add up to 1: anything else aborts.
 */
#include <math.h>

#include "fuzz_common.h"

static mvec_observations *small;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    fuzz_setup();
    small = fuzz_small_dataset();
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
    mvec_profile_options options = MVEC_PROFILE_OPTIONS_INIT;
    options.weights = weights;
    mvec_profile *profile = NULL;
    if (mvec_profile_build(fuzz_ctx, small, fuzz_scheme, fuzz_memberships, &options, &profile) ==
            MVEC_OK &&
        mvec_profile_composite(profile)->status == NULL) {
        double sum = 0;
        for (size_t v = 0; v < mvec_profile_vector_count(profile); v++) {
            double weight = mvec_profile_vector(profile, v)->weight;
            if (!(weight >= 0 && weight <= 1)) {
                fprintf(stderr, "weight %g of vector %zu for '%s'\n", weight, v, weights);
                abort();
            }
            sum += weight;
        }
        if (!(fabs(sum - 1) <= 1e-9)) {
            fprintf(stderr, "weights add up to %.17g for '%s'\n", sum, weights);
            abort();
        }
    }
    mvec_profile_free(fuzz_ctx, profile);
    fuzz_profile(small, fuzz_scheme, "KAZ", weights); /* and its JSON output */
    fuzz_check_leaks(before);
    free(weights);
    return 0;
}
