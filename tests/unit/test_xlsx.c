/*
 * test_xlsx.c - Excel workbooks (mvec_workbook_write_csv, MVEC_FORMAT_XLSX):
 * the workbook read back by tests/independent/xlsx_read.py (Python standard
 * library, not libmvec) shows the cells, formats and sheet names expected;
 * every allocation of ours can fail and then nothing reaches the sink; a
 * missing temporary directory and a failing sink are MVEC_ERR_IO. Run from
 * the project root.
 */
#include <mvec/mvec.h>
#include <unistd.h>

#include "test.h"


typedef struct captured {
    size_t calls;
    size_t bytes;
    FILE *file; /* NULL: count only */
    bool fail;
} captured;

static int capture(void *user, const char *data, size_t length)
{
    captured *c = user;
    c->calls++;
    c->bytes += length;
    if (c->fail)
        return -1;
    return c->file != NULL && fwrite(data, 1, length, c->file) != length ? -1 : 0;
}

/* A table with what the converter must get right: numbers and words in one
 * column, an interval pair, percent, a fraction shown as percent, money, a
 * quoted field with a comma, quote and newline, an empty cell; a sheet name
 * too long and with forbidden characters; two sheets asking for one name. */
static const char TABLE[] = "country,year,share_pct_lo,share_pct_hi,stage_share,value_usd,note,"
                            "high\n"
                            "KAZ,2023,21.5,23.25,0.125,1234567.5,\"a, \"\"b\"\"\nc\",unbounded\n"
                            "UZB,2022,,,0.5,-3,,68.779\n";
static const char SOURCES[] = "no.,publication,url\n1,Bureau,https://stat.gov.kz/\n";

static mvec_status write_table(mvec_ctx *ctx, captured *c)
{
    mvec_csv_sheet sheets[] = {
        {"Trade [by partner]: 2023/2024 * all? \\ and more", TABLE, sizeof TABLE - 1},
        {"Sources", SOURCES, sizeof SOURCES - 1},
        {"Sources", SOURCES, sizeof SOURCES - 1},
    };
    mvec_sink sink = {capture, c};
    return mvec_workbook_write_csv(ctx, sheets, 3, &sink);
}

/* The reader's output for `sheet` (its CSV, or with --formats the formats). */
static void read_back(const char *path, const char *sheet, const char *flag, char *out,
                      size_t size)
{
    char command[512];
    if (sheet[0] == '\0')
        snprintf(command, sizeof command, "python3 tests/independent/xlsx_read.py %s", path);
    else
        snprintf(command, sizeof command, "python3 tests/independent/xlsx_read.py %s '%s' %s",
                 path, sheet, flag);
    FILE *p = popen(command, "r");
    size_t n = p != NULL ? fread(out, 1, size - 1, p) : 0;
    out[n] = '\0';
    if (p != NULL)
        pclose(p);
}

int main(void)
{
    char path[] = "/tmp/test_xlsx_XXXXXX";
    int fd = mkstemp(path);
    CHECK(fd >= 0);
    FILE *file = fdopen(fd, "wb");
    mvec_ctx *ctx = mvec_ctx_new(NULL, NULL);
    captured c = {0, 0, file, false};
    CHECK_STATUS(write_table(ctx, &c), MVEC_OK);
    CHECK(c.calls == 1); /* the whole file at once */
    fclose(file);

    char text[8192];
    read_back(path, "", "", text, sizeof text);
    /* cut to 31 characters, []:*?/\ replaced; "Sources" twice: " (2)" */
    CHECK_STR(text, "Trade -by partner-- 2023-2024 -\t3 rows\t8 columns\tfrozen (1, 0)\t"
                    "filter A1:H3\n"
                    "Sources\t2 rows\t3 columns\tfrozen (1, 0)\tfilter A1:C2\n"
                    "Sources (2)\t2 rows\t3 columns\tfrozen (1, 0)\tfilter A1:C2\n");
    read_back(path, "Trade -by partner-- 2023-2024 -", "", text, sizeof text);
    /* percent stored as the fraction; the interval as two columns; words stay words */
    CHECK_STR(text, "country,year,share % (low),share % (high),stage_share %,value_usd,note,"
                    "high\n"
                    "KAZ,2023.0,0.215,0.2325,0.125,1234567.5,\"a, \"\"b\"\"\nc\",unbounded\n"
                    "UZB,2022.0,,,0.5,-3.0,,68.779\n");
    read_back(path, "Trade -by partner-- 2023-2024 -", "--formats", text, sizeof text);
    CHECK(strstr(text, "B\twidth") != NULL);
    CHECK(strstr(text, "\t0\n") != NULL);            /* the year: no separators */
    CHECK(strstr(text, "\t0.00%\n") != NULL);        /* share_pct (2 decimals) */
    CHECK(strstr(text, "\t#,##0.0\n") != NULL);      /* value_usd */
    CHECK(strstr(text, "\t0.000\n") != NULL);        /* high: 68.779 */
    unlink(path);

    /* nothing to write, no temporary directory, a sink that fails */
    c = (captured){0, 0, NULL, false};
    mvec_sink sink = {capture, &c};
    CHECK_STATUS(mvec_workbook_write_csv(ctx, NULL, 0, &sink), MVEC_ERR_INVALID);
    mvec_csv_sheet latin1 = {"x", "name\ncaf\xe9\n", 10};
    CHECK_STATUS(mvec_workbook_write_csv(ctx, &latin1, 1, &sink), MVEC_ERR_INVALID);
    CHECK_STR(mvec_ctx_error_message(ctx), "sheet 1: the text is not UTF-8 (byte 9)");
    setenv("TMPDIR", "/nonexistent/mvec-test", 1);
    CHECK_STATUS(write_table(ctx, &c), MVEC_ERR_IO);
    CHECK(strstr(mvec_ctx_error_message(ctx), "/nonexistent/mvec-test") != NULL);
    CHECK(c.calls == 0);
    unsetenv("TMPDIR");
    c.fail = true;
    CHECK_STATUS(write_table(ctx, &c), MVEC_ERR_IO);
    mvec_ctx_free(ctx);

    /* every allocation of ours fails in turn: MVEC_ERR_NOMEM, nothing sent, nothing leaked
     * (libxlsxwriter's own allocations use malloc and are not counted) */
    failing_allocator counter = {-1, 0};
    ctx = mvec_ctx_new(failing_realloc, &counter);
    c = (captured){0, 0, NULL, false};
    CHECK_STATUS(write_table(ctx, &c), MVEC_OK);
    long total = counter.calls;
    mvec_ctx_free(ctx);
    long runs = 0;
    for (long n = 1; n < total && test_failures == 0; n++) {
        failing_allocator a = {n, 0};
        ctx = mvec_ctx_new(failing_realloc, &a);
        c = (captured){0, 0, NULL, false};
        CHECK_STATUS(write_table(ctx, &c), MVEC_ERR_NOMEM);
        CHECK(c.calls == 0);
        CHECK(mvec_ctx_memory(ctx).current_bytes == 0);
        if (test_failures > 0)
            fprintf(stderr, "allocation %ld of %ld: %s\n", n, total, mvec_ctx_error_message(ctx));
        mvec_ctx_free(ctx);
        runs++;
    }
    CHECK(total > 20);
    printf("test_xlsx: %ld allocations, %ld failure points tried\n", total, runs);
    return test_report("test_xlsx");
}
