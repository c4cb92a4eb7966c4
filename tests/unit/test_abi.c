/*
 * test_abi.c - the ABI rules of mvec.h: options structs carry their size,
 * set by their INIT macro and checked by the library (0 = not initialised
 * with the macro, larger = a newer header than the library); statuses keep
 * their frozen numbers.
 */
#include <mvec/mvec.h>

#include "test.h"

static mvec_ctx *ctx;
static mvec_countries *countries;
static mvec_observations *observations;
static mvec_bloc_scheme *scheme;

static int discard(void *user, const char *data, size_t length)
{
    (void)user;
    (void)data;
    (void)length;
    return 0;
}

static void test_countries_options(void)
{
    mvec_countries *c = NULL;
    mvec_countries_options options = MVEC_COUNTRIES_OPTIONS_INIT;
    CHECK(options.size == sizeof options);
    options.size = 0;
    CHECK_STATUS(mvec_countries_open(ctx, &options, &c), MVEC_ERR_INVALID);
    CHECK_STR(mvec_ctx_error_message(ctx), "mvec_countries_options.size is 0: initialise the "
                                           "struct with MVEC_COUNTRIES_OPTIONS_INIT");
    CHECK(c == NULL);
    struct {
        mvec_countries_options options;
        char newer_fields[24];
    } newer = {MVEC_COUNTRIES_OPTIONS_INIT, {0}};
    newer.options.size = sizeof newer;
    CHECK_STATUS(mvec_countries_open(ctx, &newer.options, &c), MVEC_ERR_INVALID);
    char expected[300];
    snprintf(expected, sizeof expected,
             "mvec_countries_options.size is %zu, but this libmvec accepts %zu to %zu: the "
             "program was built against another mvec header (initialise the struct with "
             "MVEC_COUNTRIES_OPTIONS_INIT)",
             sizeof newer, sizeof(mvec_countries_options), sizeof(mvec_countries_options));
    CHECK_STR(mvec_ctx_error_message(ctx), expected);
    CHECK(c == NULL);
}

static void test_profile_options(void)
{
    mvec_profile *profile = NULL;
    mvec_profile_options options = MVEC_PROFILE_OPTIONS_INIT;
    CHECK(options.size == sizeof options);
    options.size = 0;
    CHECK_STATUS(mvec_profile_build(ctx, observations, scheme, NULL, &options, &profile),
                 MVEC_ERR_INVALID);
    CHECK_STR(mvec_ctx_error_message(ctx), "mvec_profile_options.size is 0: initialise the "
                                           "struct with MVEC_PROFILE_OPTIONS_INIT");
    options.size = sizeof options + 8;
    CHECK_STATUS(mvec_profile_build(ctx, observations, scheme, NULL, &options, &profile),
                 MVEC_ERR_INVALID);
    CHECK(profile == NULL);
    /* the INIT macro and NULL both give the defaults */
    options.size = sizeof options;
    CHECK_STATUS(mvec_profile_build(ctx, observations, scheme, NULL, &options, &profile), MVEC_OK);
    CHECK_STR(mvec_profile_country(profile)->code, "KAZ");
    mvec_profile_free(ctx, profile);
    profile = NULL;
    CHECK_STATUS(mvec_profile_build(ctx, observations, scheme, NULL, NULL, &profile), MVEC_OK);
    mvec_profile_free(ctx, profile);
}

static void test_claim_options(void)
{
    mvec_claims *claims = NULL;
    mvec_claim_options options = MVEC_CLAIM_OPTIONS_INIT;
    CHECK(options.size == sizeof options);
    options.size = 0;
    CHECK_STATUS(mvec_claims_check(ctx, observations, NULL, &options, &claims), MVEC_ERR_INVALID);
    CHECK_STR(mvec_ctx_error_message(ctx), "mvec_claim_options.size is 0: initialise the "
                                           "struct with MVEC_CLAIM_OPTIONS_INIT");
    options.size = sizeof options + 1;
    CHECK_STATUS(mvec_claims_check(ctx, observations, NULL, &options, &claims), MVEC_ERR_INVALID);
    CHECK(claims == NULL);
}

static void test_sources_filter(void)
{
    mvec_sink sink = {discard, NULL};
    mvec_sources_filter filter = MVEC_SOURCES_FILTER_INIT;
    CHECK(filter.size == sizeof filter);
    CHECK_STATUS(mvec_sources_write(ctx, observations, NULL, &filter, MVEC_FORMAT_CSV, &sink),
                 MVEC_OK);
    filter.size = 0;
    CHECK_STATUS(mvec_sources_write(ctx, observations, NULL, &filter, MVEC_FORMAT_CSV, &sink),
                 MVEC_ERR_INVALID);
    CHECK_STR(mvec_ctx_error_message(ctx), "mvec_sources_filter.size is 0: initialise the "
                                           "struct with MVEC_SOURCES_FILTER_INIT");
    filter.size = 2 * sizeof filter;
    CHECK_STATUS(mvec_sources_write(ctx, observations, NULL, &filter, MVEC_FORMAT_CSV, &sink),
                 MVEC_ERR_INVALID);
}

/* mvec_status.h: "The numbering is frozen". */
static void test_status_numbers(void)
{
    CHECK(MVEC_OK == 0);
    CHECK(MVEC_ERR_NOMEM == 1);
    CHECK(MVEC_ERR_IO == 2);
    CHECK(MVEC_ERR_PARSE == 3);
    CHECK(MVEC_ERR_SCHEMA == 4);
    CHECK(MVEC_ERR_INVALID == 5);
    CHECK(MVEC_ERR_LIMIT == 6);
    CHECK(MVEC_ERR_SOLVER == 7);
    CHECK(MVEC_ERR_CANCELLED == 8);
    CHECK(MVEC_ERR_INTERNAL == 9);
    CHECK(MVEC_ERR_NO_DATA == 10);
    CHECK_STR(mvec_status_name(MVEC_ERR_CANCELLED), "MVEC_ERR_CANCELLED");
    CHECK_STR(mvec_status_name(MVEC_STATUS_COUNT_), "MVEC_ERR_UNKNOWN");
}

/* mvec_write.h: formats are appended, never renumbered (xlsx came fourth, issue 9). */
static void test_format_numbers(void)
{
    static const struct {
        const char *name;
        mvec_format format;
    } formats[] = {{"table", MVEC_FORMAT_TABLE},
                   {"csv", MVEC_FORMAT_CSV},
                   {"json", MVEC_FORMAT_JSON},
                   {"xlsx", MVEC_FORMAT_XLSX}};
    for (int i = 0; i < 4; i++) {
        mvec_format format = MVEC_FORMAT_TABLE;
        CHECK((int)formats[i].format == i);
        CHECK_STATUS(mvec_format_from_name(ctx, formats[i].name, &format), MVEC_OK);
        CHECK(format == formats[i].format);
    }
    mvec_format format = MVEC_FORMAT_TABLE;
    CHECK_STATUS(mvec_format_from_name(ctx, "xls", &format), MVEC_ERR_INVALID);
    CHECK_STR(mvec_ctx_error_message(ctx), "unknown format 'xls' (expected table, csv, json or xlsx)");
}

int main(void)
{
    ctx = mvec_ctx_new(NULL, NULL);
    if (ctx == NULL)
        return 1;
    CHECK_STATUS(mvec_countries_open(ctx, NULL, &countries), MVEC_OK);
    CHECK_STATUS(mvec_bloc_scheme_builtin(ctx, countries, "powers", &scheme), MVEC_OK);
    CHECK_STATUS(mvec_observations_new(ctx, countries, &observations), MVEC_OK);
    CHECK_STATUS(mvec_observations_load_embedded(ctx, observations), MVEC_OK);
    if (observations == NULL || scheme == NULL)
        return 1;
    test_countries_options();
    test_profile_options();
    test_claim_options();
    test_sources_filter();
    test_status_numbers();
    test_format_numbers();
    mvec_observations_free(ctx, observations);
    mvec_bloc_scheme_free(ctx, scheme);
    mvec_countries_free(ctx, countries);
    CHECK(mvec_ctx_memory(ctx).current_bytes == 0);
    mvec_ctx_free(ctx);
    return test_report("test_abi");
}
