/*
 * fuzz_common.h - shared set-up of the libFuzzer harnesses (fuzz/README.md).
 *
 * One context, the country registry, the built-in scheme and memberships
 * are made once; each input then runs against them. After every input the
 * context's allocation count must be back where it was: a leak on an error
 * path aborts like a crash. A failure status is fine (it is what bad input
 * should give); only crashes, sanitizer reports and leaks are findings.
 */
#ifndef MVEC_FUZZ_COMMON_H
#define MVEC_FUZZ_COMMON_H

#include <mvec/mvec.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

static mvec_ctx *fuzz_ctx;
static mvec_countries *fuzz_countries;
static mvec_bloc_scheme *fuzz_scheme;
static mvec_memberships *fuzz_memberships;

/* The Bureau's table of tests/data/bns_small.csv: three vectors, two great powers. */
static const char FUZZ_SMALL_DATA[] =
    "year,release,latest,label_ru,row_type,aggregate,partner_iso3,turnover_kusd,"
    "turnover_share_pct,exports_kusd,exports_share_pct,imports_kusd,imports_share_pct\n"
    "2023,2023,1,Всего,aggregate,total,,1000,100,600,100,400,100\n"
    "2023,2023,1,Страны ЕАЭС,aggregate,EAEU,,450,45,150,25,300,75\n"
    "2023,2023,1,Россия,country,,RUS,450,45,150,25,300,75\n"
    "2023,2023,1,Китай,country,,CHN,300,30,250,41.66667,50,12.5\n"
    "2023,2023,1,Италия,country,,ITA,250,25,200,33.33333,50,12.5\n";

static void fuzz_die(const char *what)
{
    fprintf(stderr, "fuzz set-up failed: %s: %s\n", what,
            fuzz_ctx ? mvec_ctx_error_message(fuzz_ctx) : "no context");
    abort();
}

static void fuzz_check_silent(void);

static void fuzz_setup(void)
{
    fuzz_check_silent();
    fuzz_ctx = mvec_ctx_new(NULL, NULL);
    if (fuzz_ctx == NULL)
        fuzz_die("context");
    mvec_countries_options options = MVEC_COUNTRIES_OPTIONS_INIT;
    if (mvec_countries_open(fuzz_ctx, &options, &fuzz_countries) != MVEC_OK)
        fuzz_die("countries");
    if (mvec_bloc_scheme_builtin(fuzz_ctx, fuzz_countries, "powers", &fuzz_scheme) != MVEC_OK)
        fuzz_die("scheme");
    if (mvec_memberships_builtin(fuzz_ctx, fuzz_countries, &fuzz_memberships) != MVEC_OK)
        fuzz_die("memberships");
}

/* The small fixed dataset (FUZZ_SMALL_DATA) loaded once, for the harnesses
 * that fuzz something other than the data. */
static inline mvec_observations *fuzz_small_dataset(void)
{
    mvec_observations *small = NULL;
    if (mvec_observations_new(fuzz_ctx, fuzz_countries, &small) != MVEC_OK ||
        mvec_observations_load_text(fuzz_ctx, small, "small.csv", FUZZ_SMALL_DATA,
                                    sizeof FUZZ_SMALL_DATA - 1, NULL) != MVEC_OK)
        fuzz_die("small dataset");
    return small;
}

static int discard(void *user, const char *data, size_t length)
{
    (void)user;
    (void)data;
    (void)length;
    return 0;
}

/* Profile `country` (NULL: the default) and write it as JSON, as `mvec profile` would. */
static void fuzz_profile(const mvec_observations *observations, const mvec_bloc_scheme *scheme,
                         const char *country, const char *weights)
{
    mvec_profile_options options = MVEC_PROFILE_OPTIONS_INIT;
    options.country = country;
    options.weights = weights;
    mvec_profile *profile = NULL;
    if (mvec_profile_build(fuzz_ctx, observations, scheme, fuzz_memberships, &options, &profile) ==
        MVEC_OK) {
        mvec_sink sink = {discard, NULL};
        mvec_format format;
        if (mvec_format_from_name(fuzz_ctx, "json", &format) == MVEC_OK)
            mvec_profile_write(fuzz_ctx, profile, format, &sink);
    }
    mvec_profile_free(fuzz_ctx, profile);
}

static size_t fuzz_bytes_before(void)
{
    mvec_ctx_clear_error(fuzz_ctx);
    return mvec_ctx_memory(fuzz_ctx).current_bytes;
}

/* The library never prints: standard output goes to a scratch file (set up
 * on the first call), which must still be empty after each input. GLPK once
 * printed its internal errors there. */
static void fuzz_check_silent(void)
{
    static FILE *scratch;
    if (scratch == NULL) {
        fflush(stdout);
        scratch = tmpfile();
        if (scratch == NULL || dup2(fileno(scratch), STDOUT_FILENO) < 0)
            fuzz_die("standard output");
        return;
    }
    fflush(stdout);
    if (lseek(STDOUT_FILENO, 0, SEEK_END) > 0) {
        fprintf(stderr, "the library wrote to standard output\n");
        abort();
    }
}

static void fuzz_check_leaks(size_t before)
{
    fuzz_check_silent();
    size_t after = mvec_ctx_memory(fuzz_ctx).current_bytes;
    if (after != before) {
        fprintf(stderr, "leak: %zu bytes allocated through the context before, %zu after\n", before,
                after);
        abort();
    }
}

#endif
