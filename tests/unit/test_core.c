/*
 * test_core.c - internal helpers of src/lib/core and csv_table.c: reading an
 * options struct from an older caller (fields it lacks keep their defaults),
 * built-in data defects reported as MVEC_ERR_INTERNAL.
 */
#include <mvec/mvec.h>
#include <stddef.h>

#include "data/csv_table.h"
#include "test.h"

/* Version 2 of an imaginary options struct; version 1 ended before `added`. */
typedef struct options_v2 {
    size_t size;
    const char *name;
    int year;
    double added;
} options_v2;

typedef struct options_v1 {
    size_t size;
    const char *name;
    int year;
} options_v1;

static void test_options_read(mvec_ctx *ctx)
{
    const size_t min_size = offsetof(options_v2, added);
    CHECK(sizeof(options_v1) <= min_size); /* `added` starts after version 1's end */
    options_v2 local = {sizeof(options_v2), "default", 0, 42.0};
    options_v1 old = {sizeof(options_v1), "old caller", 2021};
    CHECK_STATUS(mvec__options_read(ctx, "options_v2", "OPTIONS_V2_INIT", &local, sizeof local,
                                    min_size, &old),
                 MVEC_OK);
    CHECK_STR(local.name, "old caller");
    CHECK(local.year == 2021);
    CHECK_NEAR(local.added, 42.0, 0); /* not in the caller's version: the default */

    options_v2 current = {sizeof(options_v2), "current", 2022, 7.0};
    CHECK_STATUS(mvec__options_read(ctx, "options_v2", "OPTIONS_V2_INIT", &local, sizeof local,
                                    min_size, &current),
                 MVEC_OK);
    CHECK_NEAR(local.added, 7.0, 0);

    options_v1 truncated = {min_size - 1, "x", 1};
    CHECK_STATUS(mvec__options_read(ctx, "options_v2", "OPTIONS_V2_INIT", &local, sizeof local,
                                    min_size, &truncated),
                 MVEC_ERR_INVALID);
    CHECK_STATUS(mvec__options_read(ctx, "options_v2", "OPTIONS_V2_INIT", &local, sizeof local,
                                    min_size, NULL),
                 MVEC_OK);
    CHECK_NEAR(local.added, 7.0, 0); /* NULL leaves the defaults as they were */
}

static void test_embedded_defect(mvec_ctx *ctx)
{
    mvec_status status = mvec__error(ctx, MVEC_ERR_PARSE, "embedded:data/x.csv:3:2: bad");
    CHECK_STATUS(mvec__embedded_defect(ctx, status), MVEC_ERR_INTERNAL);
    CHECK_STR(mvec_ctx_error_message(ctx),
              "libmvec's built-in data is malformed: embedded:data/x.csv:3:2: bad");
    status = mvec__error(ctx, MVEC_ERR_SCHEMA, "embedded:data/x.csv:1:1: missing column");
    CHECK_STATUS(mvec__embedded_defect(ctx, status), MVEC_ERR_INTERNAL);
    status = mvec__error(ctx, MVEC_ERR_SOLVER, "solver failed");
    CHECK_STATUS(mvec__embedded_defect(ctx, status), MVEC_ERR_SOLVER);
    CHECK_STR(mvec_ctx_error_message(ctx), "solver failed");
    status = mvec__error(ctx, MVEC_ERR_NOMEM, "out of memory");
    CHECK_STATUS(mvec__embedded_defect(ctx, status), MVEC_ERR_NOMEM);
    CHECK_STR(mvec_ctx_error_message(ctx), "out of memory");
    status = mvec__error(ctx, MVEC_ERR_CANCELLED, "cancelled");
    CHECK_STATUS(mvec__embedded_defect(ctx, status), MVEC_ERR_CANCELLED);
    CHECK_STATUS(mvec__embedded_defect(ctx, MVEC_OK), MVEC_OK);
}

int main(void)
{
    mvec_ctx *ctx = mvec_ctx_new(NULL, NULL);
    if (ctx == NULL)
        return 1;
    test_options_read(ctx);
    test_embedded_defect(ctx);
    mvec_ctx_free(ctx);
    return test_report("test_core");
}
