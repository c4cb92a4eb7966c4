/*
 * test.h - a small harness for the unit tests (after Redis's test_cond):
 * each CHECK prints nothing when it passes and "file:line: what" when it
 * fails; main returns the failure count, and 77 means "skipped".
 */
#ifndef MVEC_TEST_H
#define MVEC_TEST_H

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int test_failures = 0;
static int test_checks = 0;

/* An allocator hook (mvec_ctx_new) for allocation-failure tests: `countdown` calls succeed,
 * then every later one fails; a negative countdown never fails. `calls` counts them. */
typedef struct failing_allocator {
    long countdown;
    long calls;
} failing_allocator;

static inline void *failing_realloc(void *user, void *ptr, size_t old_size, size_t new_size)
{
    failing_allocator *a = user;
    (void)old_size;
    if (new_size == 0) {
        free(ptr);
        return NULL;
    }
    a->calls++;
    if (a->countdown == 0)
        return NULL;
    if (a->countdown > 0)
        a->countdown--;
    return realloc(ptr, new_size);
}

#define CHECK(condition)                                                                           \
    do {                                                                                           \
        test_checks++;                                                                             \
        if (!(condition)) {                                                                        \
            test_failures++;                                                                       \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #condition);          \
        }                                                                                          \
    } while (0)

#define CHECK_NEAR(actual, expected, tolerance)                                                    \
    do {                                                                                           \
        double test_a_ = (actual);                                                                 \
        double test_e_ = (expected);                                                               \
        test_checks++;                                                                             \
        if (!(fabs(test_a_ - test_e_) <= (tolerance))) {                                           \
            test_failures++;                                                                       \
            fprintf(stderr, "%s:%d: %s = %.15g, expected %.15g\n", __FILE__, __LINE__, #actual,   \
                    test_a_, test_e_);                                                             \
        }                                                                                          \
    } while (0)

#define CHECK_STATUS(call, expected)                                                               \
    do {                                                                                           \
        mvec_status test_s_ = (call);                                                              \
        test_checks++;                                                                             \
        if (test_s_ != (expected)) {                                                               \
            test_failures++;                                                                       \
            fprintf(stderr, "%s:%d: %s returned %s, expected %s\n", __FILE__, __LINE__, #call,    \
                    mvec_status_name(test_s_), mvec_status_name(expected));                        \
        }                                                                                          \
    } while (0)

#define CHECK_STR(actual, expected)                                                                \
    do {                                                                                           \
        const char *test_a_ = (actual);                                                            \
        const char *test_e_ = (expected);                                                          \
        test_checks++;                                                                             \
        if (test_a_ == NULL || strcmp(test_a_, test_e_) != 0) {                                    \
            test_failures++;                                                                       \
            fprintf(stderr, "%s:%d: %s = \"%s\"\n    expected \"%s\"\n", __FILE__, __LINE__,      \
                    #actual, test_a_ ? test_a_ : "(null)", test_e_);                               \
        }                                                                                          \
    } while (0)

static inline int test_report(const char *name)
{
    printf("%s: %d checks, %d failed\n", name, test_checks, test_failures);
    return test_failures == 0 ? 0 : 1;
}

/* The shared datasets (../shared/data from the repository), or $MVEC_DATA_DIR. */
static inline const char *test_data_dir(void)
{
    const char *dir = getenv("MVEC_DATA_DIR");
    return dir && dir[0] ? dir : "../shared/data";
}

#endif
