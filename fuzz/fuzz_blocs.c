/*
 * fuzz_blocs.c - any text as a bloc scheme (--blocs FILE); a scheme that
 * loads is then used for the profile of a small fixed dataset.
 */
#include "../src/lib/mvec_internal.h"
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
    char *text = malloc(size + 1); /* loaders get NUL-terminated text, as from a file */
    if (text == NULL)
        return 0;
    memcpy(text, data, size);
    text[size] = '\0';
    size_t before = fuzz_bytes_before();
    mvec_bloc_scheme *scheme = NULL;
    if (mvec__bloc_scheme_from_text(fuzz_ctx, fuzz_countries, "fuzz.csv", text, size, &scheme) ==
        MVEC_OK)
        fuzz_profile(small, scheme, "KAZ", NULL);
    mvec_bloc_scheme_free(fuzz_ctx, scheme);
    fuzz_check_leaks(before);
    free(text);
    return 0;
}
