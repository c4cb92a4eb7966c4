/*
 * test_flows.c - the flow table and its cache (issue 7, points 1, 2, 10):
 * values computed by hand on tests/data/flows/BACI_HS17_Y2021_V202301_fixture.csv;
 * the same table (and the same error) for 1 to 64 threads; byte-identical
 * caches for 1, 2 and 8 threads; stale and damaged caches rebuilt; hostile
 * input rejected with file:line:column and no cache; gzip and zip, including
 * a truncated gzip and zips of two members or none; and, when the shared
 * datasets are present, exact sums on the real BACI and WTO files against
 * tests/flows_sum.awk.
 */
#include <fcntl.h>
#include <mvec/mvec.h>
#include <stdint.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zip.h>
#include <zlib.h>

#include "test.h"

static mvec_ctx *ctx;
static mvec_countries *countries;
static char warnings[4096];
static char scratch[256];

static void on_log(void *user, mvec_log_level level, const char *message)
{
    (void)user;
    if (level == MVEC_LOG_WARNING && strlen(warnings) + strlen(message) + 2 < sizeof warnings) {
        strcat(warnings, message);
        strcat(warnings, "\n");
    }
}

static mvec_flows *read_file(const char *path, unsigned threads)
{
    mvec_flows_options options = MVEC_FLOWS_OPTIONS_INIT;
    options.threads = threads;
    mvec_flows *flows = NULL;
    mvec_status status = mvec_flows_read(ctx, countries, path, &options, &flows);
    if (status != MVEC_OK)
        fprintf(stderr, "%s: %s\n", path, mvec_ctx_error_message(ctx));
    return flows;
}

static char *slurp(const char *path, size_t *length)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *data = malloc((size_t)n + 1);
    if (data && fread(data, 1, (size_t)n, f) != (size_t)n) {
        free(data);
        data = NULL;
    }
    fclose(f);
    if (data)
        *length = (size_t)n;
    return data;
}

static void spit(const char *path, const char *data, size_t length)
{
    FILE *f = fopen(path, "wb");
    if (f) {
        fwrite(data, 1, length, f);
        fclose(f);
    }
}

static bool same_columns(const mvec_flows *a, const mvec_flows *b)
{
    mvec_flows_columns x = mvec_flows_get_columns(a), y = mvec_flows_get_columns(b);
    size_t n = x.rows;
    if (n != y.rows || (x.quantity == NULL) != (y.quantity == NULL))
        return false;
    return memcmp(x.year, y.year, n * 2) == 0 && memcmp(x.exporter, y.exporter, n * 2) == 0 &&
           memcmp(x.importer, y.importer, n * 2) == 0 &&
           memcmp(x.product, y.product, n * 4) == 0 && memcmp(x.value, y.value, n * 8) == 0 &&
           (x.quantity == NULL || memcmp(x.quantity, y.quantity, n * 8) == 0);
}

/* ---- hand-computed values ----------------------------------------------------------------- */

static void test_fixture(void)
{
    warnings[0] = '\0';
    mvec_flows *flows = read_file("tests/data/flows/BACI_HS17_Y2021_V202301_fixture.csv", 1);
    CHECK(flows != NULL);
    if (flows == NULL)
        return;
    const mvec_flows_info *info = mvec_flows_get_info(flows);
    CHECK_STR(info->format, "baci");
    CHECK(info->basis == MVEC_FLOWS_RECONCILED);
    CHECK_STR(info->hs_edition, "HS17");
    CHECK(info->product_digits == 6);
    CHECK_STR(info->value_unit, "USD");
    CHECK_STR(info->quantity_unit, "kg");
    CHECK(info->rows == 7 && info->first_year == 2021 && info->last_year == 2021);
    CHECK(strlen(info->source_sha256) == 64);
    /* codes in ascending order, mapped only where the registry has the number */
    static const char *const codes[][2] = {{"156", "CHN"},  {"251", "X251"}, {"398", "KAZ"},
                                           {"490", "X490"}, {"643", "RUS"},  {"699", "X699"},
                                           {"757", "X757"}, {"842", "X842"}, {"999", ""}};
    CHECK(info->country_count == 9);
    for (size_t i = 0; i < 9 && i < info->country_count; i++) {
        CHECK_STR(mvec_flows_country_at(flows, i)->code, codes[i][0]);
        CHECK_STR(mvec_flows_country_at(flows, i)->mvec_code, codes[i][1]);
    }
    CHECK(mvec_flows_country_at(flows, 9) == NULL);
    static const char *const products[] = {"010121", "270900", "300490",
                                           "710812", "740311", "847130"};
    CHECK(info->product_count == 6);
    for (size_t i = 0; i < 6; i++)
        CHECK_STR(mvec_flows_product_at(flows, i), products[i]);
    CHECK(strstr(warnings, "999") != NULL); /* the unknown code is reported, not dropped */

    /* v in thousands of USD with 3 decimals -> USD; q tonnes -> kg */
    mvec_flows_columns c = mvec_flows_get_columns(flows);
    static const int64_t values[] = {1000500, 1, 2250, 12000, 125, 3000, 1000};
    static const int64_t quantities[] = {20000, MVEC_FLOWS_NO_QUANTITY, MVEC_FLOWS_NO_QUANTITY,
                                         1500,  1,                      2000,
                                         1000};
    static const uint16_t exporters[] = {2, 2, 2, 3, 1, 6, 8};
    static const uint16_t importers[] = {0, 4, 7, 2, 2, 5, 2};
    static const uint32_t product_of[] = {1, 0, 4, 5, 2, 3, 0};
    int64_t sum = 0;
    for (size_t r = 0; r < 7; r++) {
        CHECK(c.year[r] == 2021);
        CHECK(c.value[r] == values[r]);
        CHECK(c.quantity[r] == quantities[r]);
        CHECK(c.exporter[r] == exporters[r]);
        CHECK(c.importer[r] == importers[r]);
        CHECK(c.product[r] == product_of[r]);
        sum += c.value[r];
    }
    CHECK(sum == 1018876);

    /* BOM and CRLF change nothing */
    mvec_flows *bom = read_file("tests/data/flows/bom_crlf.csv", 2);
    CHECK(bom != NULL && mvec_flows_rows(bom) == 2);
    if (bom) {
        mvec_flows_columns b = mvec_flows_get_columns(bom);
        CHECK(b.value[0] == 1000500 && b.value[1] == 12000 && b.quantity[1] == 1500);
        CHECK_STR(mvec_flows_get_info(bom)->hs_edition, "unknown");
    }
    mvec_flows_close(ctx, bom);
    mvec_flows_close(ctx, flows);

    /* the WTO file: the reporter is the importer, M49 000 is WLD, values whole dollars */
    flows = read_file("tests/data/flows/wto_kaz_imports_slice.csv", 3);
    CHECK(flows != NULL);
    if (flows) {
        info = mvec_flows_get_info(flows);
        mvec_flows_columns w = mvec_flows_get_columns(flows);
        CHECK_STR(info->format, "wto");
        CHECK(info->basis == MVEC_FLOWS_IMPORTER_DECLARED);
        CHECK(info->product_digits == 2 && w.quantity == NULL);
        CHECK_STR(mvec_flows_country_at(flows, w.exporter[0])->code, "000");
        CHECK_STR(mvec_flows_country_at(flows, w.exporter[0])->mvec_code, "WLD");
        CHECK_STR(mvec_flows_country_at(flows, w.importer[0])->mvec_code, "KAZ");
        CHECK_STR(mvec_flows_product_at(flows, w.product[0]), "01");
        CHECK(w.value[0] == 25866430);
    }
    mvec_flows_close(ctx, flows);

    /* WITS: the reporter's exports go out, its imports come in; H4 is HS 2012 */
    flows = read_file("tests/data/flows/wits_kaz_china_slice.csv", 2);
    CHECK(flows != NULL);
    if (flows) {
        info = mvec_flows_get_info(flows);
        mvec_flows_columns w = mvec_flows_get_columns(flows);
        CHECK_STR(info->format, "wits");
        CHECK(info->basis == MVEC_FLOWS_REPORTER_DECLARED);
        CHECK_STR(info->hs_edition, "HS12");
        CHECK(info->product_digits == 4 && info->rows == 30 && info->country_count == 2);
        CHECK_STR(mvec_flows_country_at(flows, 0)->code, "CHN"); /* alphabetical */
        CHECK_STR(mvec_flows_country_at(flows, 1)->mvec_code, "KAZ");
        CHECK(w.exporter[0] == 1 && w.importer[0] == 0 && w.value[0] == 355509);
        CHECK_STR(mvec_flows_product_at(flows, w.product[0]), "0101");
        CHECK(w.exporter[20] == 0 && w.importer[20] == 1); /* an import row */
    }
    mvec_flows_close(ctx, flows);
}

/* ---- threads ------------------------------------------------------------------------------ */

/* A BACI text of `rows` rows with blank lines, CRLF and quoted fields mixed in. */
static char *synthetic(size_t rows, size_t bad_row, size_t *length)
{
    size_t capacity = rows * 64 + 64;
    char *text = malloc(capacity);
    size_t n = (size_t)snprintf(text, capacity, "t,i,j,k,v,q\n");
    uint64_t state = 12345;
    for (size_t r = 0; r < rows; r++) {
        state = state * 6364136223846793005u + 1442695040888963407u;
        unsigned x = (unsigned)(state >> 33);
        if (r == bad_row)
            n += (size_t)snprintf(text + n, capacity - n, "2020,4,8,100100,1.2345,1\n");
        else
            n += (size_t)snprintf(text + n, capacity - n, "%u,%u,%s%u%s,%06u,%u.%03u,%s%s",
                                  2000 + x % 20, 1 + x % 900, x % 7 ? "" : "\"", 4 + x % 800,
                                  x % 7 ? "" : "\"", 10000 + x % 990000, x % 100000, x % 1000,
                                  x % 5 ? "3.5" : "", x % 11 ? "\n" : "\r\n\n");
    }
    *length = n;
    return text;
}

static void test_threads(void)
{
    size_t length = 0;
    char *text = synthetic(20000, SIZE_MAX, &length);
    mvec_flows *one = NULL;
    mvec_flows_options options = MVEC_FLOWS_OPTIONS_INIT;
    options.threads = 1;
    CHECK_STATUS(mvec_flows_read_buffer(ctx, countries, "synthetic.csv", text, length, &options,
                                        &one),
                 MVEC_OK);
    CHECK(one != NULL && mvec_flows_rows(one) == 20000);
    static const unsigned counts[] = {2, 3, 8, 64};
    for (size_t i = 0; i < 4 && one; i++) {
        mvec_flows *many = NULL;
        options.threads = counts[i];
        CHECK_STATUS(mvec_flows_read_buffer(ctx, countries, "synthetic.csv", text, length,
                                            &options, &many),
                     MVEC_OK);
        CHECK(many != NULL && same_columns(one, many));
        mvec_flows_close(ctx, many);
    }
    mvec_flows_close(ctx, one);
    free(text);

    /* the same first error whatever the thread count */
    text = synthetic(20000, 15000, &length);
    char first[512] = "";
    for (unsigned threads = 1; threads <= 8; threads++) {
        mvec_flows *flows = NULL;
        options.threads = threads;
        CHECK_STATUS(mvec_flows_read_buffer(ctx, countries, "synthetic.csv", text, length,
                                            &options, &flows),
                     MVEC_ERR_PARSE);
        CHECK(flows == NULL);
        if (threads == 1)
            snprintf(first, sizeof first, "%s", mvec_ctx_error_message(ctx));
        else
            CHECK_STR(mvec_ctx_error_message(ctx), first);
    }
    CHECK(strstr(first, "synthetic.csv:") == first && strstr(first, ":5: ") != NULL);
    free(text);

    /* byte-identical cache files for 1, 2 and 8 threads */
    const char *sources[] = {"tests/data/flows/wto_kaz_imports_slice.csv",
                             "tests/data/flows/BACI_HS92_Y2021_V202301_slice.csv",
                             "tests/data/flows/wto_long_slice.csv.gz"};
    for (size_t s = 0; s < 3; s++) {
        char *bytes[3] = {NULL, NULL, NULL};
        size_t sizes[3] = {0, 0, 0};
        static const unsigned threads[] = {1, 2, 8};
        for (size_t t = 0; t < 3; t++) {
            char path[300];
            snprintf(path, sizeof path, "%s/t%u.mvf", scratch, threads[t]);
            mvec_flows *flows = read_file(sources[s], threads[t]);
            CHECK(flows != NULL);
            if (flows)
                CHECK_STATUS(mvec_flows_write(ctx, flows, path), MVEC_OK);
            mvec_flows_close(ctx, flows);
            bytes[t] = slurp(path, &sizes[t]);
        }
        CHECK(bytes[0] && bytes[1] && bytes[2] && sizes[0] == sizes[1] && sizes[0] == sizes[2]);
        if (bytes[0] && bytes[1] && bytes[2] && sizes[0] == sizes[1] && sizes[0] == sizes[2])
            CHECK(memcmp(bytes[0], bytes[1], sizes[0]) == 0 &&
                  memcmp(bytes[0], bytes[2], sizes[0]) == 0);
        for (size_t t = 0; t < 3; t++)
            free(bytes[t]);
    }
}

/* ---- the cache ------------------------------------------------------------------------------ */

static mvec_status import(const char *path, mvec_flows_outcome *outcome)
{
    char dir[300];
    snprintf(dir, sizeof dir, "%s/cache", scratch);
    mvec_flows *flows = NULL;
    *outcome = (mvec_flows_outcome)-1;
    mvec_status status = mvec_flows_import(ctx, countries, path, dir, NULL, &flows, outcome);
    mvec_flows_close(ctx, flows);
    return status;
}

static void test_cache(void)
{
    char source[300], cache[600], dir[300];
    snprintf(source, sizeof source, "%s/BACI_HS17_Y2021_V202301.csv", scratch);
    snprintf(dir, sizeof dir, "%s/cache", scratch);
    size_t length = 0;
    char *text = slurp("tests/data/flows/BACI_HS17_Y2021_V202301_fixture.csv", &length);
    CHECK(text != NULL);
    if (text == NULL)
        return;
    spit(source, text, length);
    CHECK_STATUS(mvec_flows_cache_path(ctx, source, dir, cache, sizeof cache), MVEC_OK);
    mvec_flows_outcome outcome;
    CHECK_STATUS(import(source, &outcome), MVEC_OK);
    CHECK(outcome == MVEC_FLOWS_CREATED);
    CHECK_STATUS(import(source, &outcome), MVEC_OK);
    CHECK(outcome == MVEC_FLOWS_UNCHANGED);

    /* the cache opened alone holds what the source holds */
    mvec_flows *cached = NULL, *read = read_file(source, 1);
    CHECK_STATUS(mvec_flows_open(ctx, cache, &cached), MVEC_OK);
    CHECK(cached && read && same_columns(cached, read));
    if (cached && read) {
        CHECK_STR(mvec_flows_get_info(cached)->source_sha256,
                  mvec_flows_get_info(read)->source_sha256);
        CHECK_STR(mvec_flows_country_at(cached, 3)->mvec_code, "X490");
        CHECK_STR(mvec_flows_product_at(cached, 5), "847130");
        CHECK_STR(mvec_flows_get_info(cached)->hs_edition, "HS17");
    }
    mvec_flows_close(ctx, cached);
    mvec_flows_close(ctx, read);

    /* every byte of the cache matters: flip one anywhere, the cache is rebuilt */
    size_t cache_length = 0;
    char *good = slurp(cache, &cache_length);
    CHECK(good != NULL);
    static const size_t offsets[] = {0, 9, 20, 33, 60, 130, 512, 700};
    for (size_t i = 0; good && i < sizeof offsets / sizeof *offsets; i++) {
        if (offsets[i] >= cache_length)
            continue;
        good[offsets[i]] ^= 0x10;
        spit(cache, good, cache_length);
        good[offsets[i]] ^= 0x10;
        warnings[0] = '\0';
        CHECK_STATUS(import(source, &outcome), MVEC_OK);
        CHECK(outcome == MVEC_FLOWS_REBUILT_CORRUPT);
        CHECK(strstr(warnings, cache) != NULL && strstr(warnings, "rebuilding") != NULL);
        size_t n = 0;
        char *rebuilt = slurp(cache, &n);
        CHECK(rebuilt && n == cache_length && memcmp(rebuilt, good, n) == 0);
        free(rebuilt);
    }
    /* truncated, emptied */
    spit(cache, good, cache_length / 2);
    CHECK_STATUS(import(source, &outcome), MVEC_OK);
    CHECK(outcome == MVEC_FLOWS_REBUILT_CORRUPT);
    spit(cache, "", 0);
    CHECK_STATUS(import(source, &outcome), MVEC_OK);
    CHECK(outcome == MVEC_FLOWS_REBUILT_CORRUPT);
    free(good);

    /* touched, same bytes: unchanged; changed bytes: stale, rebuilt */
    struct timespec times[2] = {{1000000000, 0}, {1000000000, 0}};
    utimensat(AT_FDCWD, source, times, 0);
    CHECK_STATUS(import(source, &outcome), MVEC_OK);
    CHECK(outcome == MVEC_FLOWS_UNCHANGED);
    text[strlen("t,i,j,k,v,q\n2021,398,156,270900,100")] = '1'; /* 1000.5 -> 1001.5 */
    spit(source, text, length);
    utimensat(AT_FDCWD, source, times, 0); /* even with the old time, the size is the same... */
    times[0].tv_sec = times[1].tv_sec = 1000000001;
    utimensat(AT_FDCWD, source, times, 0); /* ...but a new time makes it hash the bytes */
    warnings[0] = '\0';
    CHECK_STATUS(import(source, &outcome), MVEC_OK);
    CHECK(outcome == MVEC_FLOWS_REBUILT_STALE);
    CHECK(strstr(warnings, "stale") != NULL);
    cached = NULL;
    CHECK_STATUS(mvec_flows_open(ctx, cache, &cached), MVEC_OK);
    CHECK(cached && mvec_flows_get_columns(cached).value[0] == 1001500);
    mvec_flows_close(ctx, cached);

    /* a bad source leaves no cache (its old one is removed too) */
    spit(source, "t,i,j,k,v,q\n2021,398,156,270900,1.0001,1\n",
         strlen("t,i,j,k,v,q\n2021,398,156,270900,1.0001,1\n"));
    CHECK_STATUS(import(source, &outcome), MVEC_ERR_PARSE);
    CHECK(access(cache, F_OK) != 0);
    free(text);
}

/* ---- hostile input -------------------------------------------------------------------------- */

static void expect_error(const char *path, mvec_status expected, const char *where)
{
    mvec_flows *flows = NULL;
    mvec_flows_options options = MVEC_FLOWS_OPTIONS_INIT;
    options.threads = 2;
    mvec_status status = mvec_flows_read(ctx, countries, path, &options, &flows);
    CHECK(status == expected);
    CHECK(flows == NULL);
    char prefix[400];
    snprintf(prefix, sizeof prefix, "%s:%s: ", path, where);
    if (strncmp(mvec_ctx_error_message(ctx), prefix, strlen(prefix)) != 0) {
        test_failures++;
        fprintf(stderr, "%s: message '%s', expected it to start with '%s'\n", path,
                mvec_ctx_error_message(ctx), prefix);
    }
    mvec_flows_close(ctx, flows);
}

static void expect_text_error(const char *text, size_t length, mvec_status expected,
                              const char *message_start)
{
    mvec_flows *flows = NULL;
    mvec_status status = mvec_flows_read_buffer(ctx, countries, "x.csv", text, length, NULL,
                                                &flows);
    CHECK(status == expected);
    if (strncmp(mvec_ctx_error_message(ctx), message_start, strlen(message_start)) != 0) {
        test_failures++;
        fprintf(stderr, "message '%s', expected it to start with '%s'\n",
                mvec_ctx_error_message(ctx), message_start);
    }
    mvec_flows_close(ctx, flows);
}

static void expect_csv_error(const char *text, mvec_status expected, const char *message_start)
{
    expect_text_error(text, strlen(text), expected, message_start);
}

static void write_gzip(const char *path, const char *text, size_t length)
{
    gzFile gz = gzopen(path, "wb9");
    gzwrite(gz, text, (unsigned)length);
    gzclose(gz);
}

static void write_zip(const char *path, size_t members, const char *text)
{
    unlink(path);
    int error = 0;
    zip_t *archive = zip_open(path, ZIP_CREATE | ZIP_TRUNCATE, &error);
    for (size_t i = 0; i < members; i++) {
        zip_source_t *source = zip_source_buffer(archive, text, strlen(text), 0);
        char name[32];
        snprintf(name, sizeof name, "part%zu.csv", i);
        zip_file_add(archive, name, source, ZIP_FL_OVERWRITE);
    }
    zip_close(archive);
}

static void test_hostile(void)
{
    expect_error("tests/data/flows/bad_truncated.csv", MVEC_ERR_PARSE, "3:6");
    expect_error("tests/data/flows/bad_number.csv", MVEC_ERR_PARSE, "3:5");
    expect_error("tests/data/flows/bad_rounding.csv", MVEC_ERR_PARSE, "2:5");
    expect_error("tests/data/flows/bad_quote.csv", MVEC_ERR_PARSE, "2:3");
    expect_error("tests/data/flows/bad_code.csv", MVEC_ERR_PARSE, "3:2");
    expect_error("tests/data/flows/bad_extra_field.csv", MVEC_ERR_PARSE, "2:7");
    expect_error("tests/data/flows/bad_header.csv", MVEC_ERR_SCHEMA, "1:1");
    expect_error("tests/data/flows/bad_utf8.csv", MVEC_ERR_PARSE, "2:7");
    expect_error("tests/data/flows/bad_wto_fraction.csv", MVEC_ERR_PARSE, "2:5");
    expect_error("tests/data/flows/bad_wto_code.csv", MVEC_ERR_PARSE, "2:3");
    CHECK(strstr(mvec_ctx_error_message(ctx), "'56'") != NULL);
    expect_error("tests/data/flows/bad_wits_group.csv", MVEC_ERR_PARSE, "2:3");

    static const char nul[] = "t,i,j,k,v,q\n2021,398,156,270900,1,\"a\0b\"\n";
    expect_text_error(nul, sizeof nul - 1, MVEC_ERR_PARSE, "x.csv:2:6: ");
    expect_csv_error("", MVEC_ERR_SCHEMA, "x.csv:1:1: ");
    expect_csv_error("\xef\xbb\xbf", MVEC_ERR_SCHEMA, "x.csv:1:1: ");
    expect_csv_error("t,i,j,k,v,q\n2021,398,156,270900,1e5,1\n", MVEC_ERR_PARSE,
                      "x.csv:2:5: not a number");
    expect_csv_error("t,i,j,k,v,q\n2021,398,156,270900,99999999999999999999,1\n",
                      MVEC_ERR_PARSE, "x.csv:2:5: number too large");
    expect_csv_error("t,i,j,k,v,q\n2021,398,156,270900,1,x\"y\n", MVEC_ERR_PARSE,
                      "x.csv:2:6: not a number");
    expect_csv_error("t,i,j,k,v,q\n2021,398,156,\"270900\"x,1,1\n", MVEC_ERR_PARSE,
                      "x.csv:2:4: text after a closing quote");
    expect_csv_error("t,i,j,k,v,q\n2021,0398,156,270900,1,1\n", MVEC_ERR_PARSE,
                      "x.csv:2:2: code with a leading zero");
    expect_csv_error("t,i,j,k,v,q\n21,398,156,270900,1,1\n", MVEC_ERR_PARSE,
                      "x.csv:2:1: not a year");
    expect_csv_error("t,i,j,k,v,q,t\n", MVEC_ERR_SCHEMA, "x.csv:1:1: not a flow file");
    expect_csv_error("year,reporter_m49,reporter,partner_m49,partner,hs2,product,value_usd\n"
                      "2015,398,Kazakhstan,000,World,01,\"Live \"animals\",1.0\n", MVEC_ERR_PARSE, "x.csv:2:7: text after a closing quote");

    /* a huge field (2 MiB) in a text column */
    size_t huge = 2u << 20;
    const char *head = "year,reporter_m49,reporter,partner_m49,partner,hs2,product,value_usd\n"
                       "2015,398,";
    size_t head_length = strlen(head);
    char *big = malloc(head_length + huge + 64);
    memcpy(big, head, head_length);
    memset(big + head_length, 'x', huge);
    size_t n = head_length + huge;
    n += (size_t)snprintf(big + n, 64, ",000,World,01,Live,1.0\n");
    expect_text_error(big, n, MVEC_ERR_LIMIT, "x.csv:2:3: field over 1 MiB");
    free(big);

    /* an options struct not made with its INIT macro */
    mvec_flows_options bad = MVEC_FLOWS_OPTIONS_INIT;
    bad.size = 0;
    mvec_flows *none = NULL;
    CHECK_STATUS(mvec_flows_read_buffer(ctx, countries, "x.csv", "t,i,j,k,v\n", 10, &bad, &none),
                 MVEC_ERR_INVALID);
    CHECK(none == NULL);

    /* a header alone: a table of no rows */
    mvec_flows *empty = NULL;
    CHECK_STATUS(mvec_flows_read_buffer(ctx, countries, "x.csv", "t,i,j,k,v\n", 10, NULL, &empty),
                 MVEC_OK);
    CHECK(empty && mvec_flows_rows(empty) == 0 && mvec_flows_get_info(empty)->first_year == 0);
    mvec_flows_close(ctx, empty);
    /* one negative adjustment, as in the WTO file */
    CHECK_STATUS(mvec_flows_read_buffer(ctx, countries, "x.csv",
                                        "year,reporter_m49,partner_m49,hs2,value_usd\n"
                                        "2003,040,156,27,-34626.0\n",
                                        strlen("year,reporter_m49,partner_m49,hs2,value_usd\n"
                                               "2003,040,156,27,-34626.0\n"),
                                        NULL, &empty),
                 MVEC_OK);
    CHECK(empty && mvec_flows_get_columns(empty).value[0] == -34626);
    mvec_flows_close(ctx, empty);

    /* gzip: whole, truncated; zip: one member, two, none */
    const char *good = "t,i,j,k,v,q\n2021,398,156,270900,1000.5,20.000\n"
                       "2021,490,398,847130,12.000,  1.5\n";
    char path[300];
    snprintf(path, sizeof path, "%s/good.csv.gz", scratch);
    write_gzip(path, good, strlen(good));
    mvec_flows *flows = read_file(path, 2);
    CHECK(flows && mvec_flows_rows(flows) == 2 && mvec_flows_get_columns(flows).value[1] == 12000);
    mvec_flows_close(ctx, flows);
    size_t length = 0;
    char *gz = slurp(path, &length);
    snprintf(path, sizeof path, "%s/truncated.csv.gz", scratch);
    spit(path, gz, length - 12);
    expect_error(path, MVEC_ERR_PARSE, "3:1");
    CHECK(strstr(mvec_ctx_error_message(ctx), "truncated gzip") != NULL);
    spit(path, gz, 5);
    expect_error(path, MVEC_ERR_PARSE, "1:1");
    free(gz);
    snprintf(path, sizeof path, "%s/one.zip", scratch);
    write_zip(path, 1, good);
    flows = read_file(path, 2);
    CHECK(flows && mvec_flows_rows(flows) == 2);
    mvec_flows_close(ctx, flows);
    snprintf(path, sizeof path, "%s/two.zip", scratch);
    write_zip(path, 2, good);
    expect_error(path, MVEC_ERR_PARSE, "1:1");
    CHECK(strstr(mvec_ctx_error_message(ctx), "2 members") != NULL);
    snprintf(path, sizeof path, "%s/none.zip", scratch);
    spit(path, "PK\x05\x06\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0", 22); /* an empty archive */
    expect_error(path, MVEC_ERR_PARSE, "1:1");
    CHECK(strstr(mvec_ctx_error_message(ctx), "0 members") != NULL);
    snprintf(path, sizeof path, "%s/junk.zip", scratch);
    spit(path, good, strlen(good));
    expect_error(path, MVEC_ERR_PARSE, "1:1");
}

/* ---- the real files against awk --------------------------------------------------------- */

static long long awk_sum(const char *arguments, const char *file, long long *rows)
{
    char command[1200];
    snprintf(command, sizeof command, "%s%s%s | awk -F, %s -f tests/flows_sum.awk",
             strstr(file, ".gz") ? "zcat '" : "cat '", file, "'", arguments);
    FILE *pipe = popen(command, "r");
    long long sum = 0;
    if (pipe == NULL || fscanf(pipe, "%lld %lld", &sum, rows) != 2)
        *rows = -1;
    if (pipe)
        pclose(pipe);
    return sum;
}

static int code_index(const mvec_flows *flows, const char *code)
{
    for (size_t i = 0; i < mvec_flows_get_info(flows)->country_count; i++)
        if (strcmp(mvec_flows_country_at(flows, i)->code, code) == 0)
            return (int)i;
    return -1;
}

static void test_real_files(void)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/baci-kaz-exports-2021/kaz_partners_2021.csv",
             test_data_dir());
    if (access(path, R_OK) != 0) {
        printf("skip: %s absent\n", path);
        return;
    }
    /* Kazakhstan's 2021 BACI exports to five partners: 29,352,492,149 USD */
    mvec_flows *flows = read_file(path, 0);
    CHECK(flows != NULL);
    if (flows) {
        long long rows = 0;
        long long expected =
            awk_sum("-v vcol=-1 -v decimals=3 -v year=2021 -v code=398 -v ccol=2", path, &rows);
        mvec_flows_columns c = mvec_flows_get_columns(flows);
        int kaz = code_index(flows, "398");
        long long sum = 0, n = 0;
        for (size_t r = 0; r < c.rows; r++)
            if (c.year[r] == 2021 && c.exporter[r] == kaz) {
                sum += c.value[r];
                n++;
            }
        CHECK(rows == 3024 && n == rows && sum == expected);
    }
    mvec_flows_close(ctx, flows);

    /* every BACI row of South Africa and Afghanistan, both editions */
    static const char *const baci[] = {
        "baci-zaf-afg-exports/BACI_HS92_Y2021_V202301_exports_ZAF_AFG.csv",
        "baci-zaf-afg-exports/BACI_HS17_Y2020_V202301_exports_ZAF_AFG.csv"};
    for (size_t i = 0; i < 2; i++) {
        snprintf(path, sizeof path, "%s/%s", test_data_dir(), baci[i]);
        flows = read_file(path, 2);
        CHECK(flows != NULL);
        if (flows == NULL)
            continue;
        long long rows = 0;
        long long expected = awk_sum("-v vcol=5 -v decimals=3 -v code=710 -v ccol=2", path, &rows);
        mvec_flows_columns c = mvec_flows_get_columns(flows);
        int zaf = code_index(flows, "710");
        long long sum = 0, n = 0;
        for (size_t r = 0; r < c.rows; r++)
            if (c.exporter[r] == zaf) {
                sum += c.value[r];
                n++;
            }
        CHECK(n == rows && sum == expected);
        CHECK_STR(mvec_flows_get_info(flows)->hs_edition, i == 0 ? "HS92" : "HS17");
        mvec_flows_close(ctx, flows);
    }

    /* Kazakhstan's WITS exports to the world: 2021 in USD (53.07 bn in SOURCE.md) */
    snprintf(path, sizeof path, "%s/kaz-wits-hs4-2015-2024/"
             "kazakhstan_exports_to_world_hs4_2015_2024_wits.csv", test_data_dir());
    flows = read_file(path, 2);
    CHECK(flows != NULL);
    if (flows) {
        long long rows = 0;
        long long expected = awk_sum("-v vcol=10 -v decimals=3 -v ycol=7 -v year=2021", path,
                                     &rows);
        mvec_flows_columns c = mvec_flows_get_columns(flows);
        long long sum = 0, n = 0;
        for (size_t r = 0; r < c.rows; r++)
            if (c.year[r] == 2021) {
                sum += c.value[r];
                n++;
            }
        CHECK(n == rows && sum == expected && sum > 53000000000LL && sum < 53100000000LL);
    }
    mvec_flows_close(ctx, flows);

    /* the whole WTO panel: 7,892,410 rows, every value summed; Kazakhstan's 2019 imports */
    snprintf(path, sizeof path, "%s/wto-hs2-bilateral-imports/"
                                "wto_hs2_bilateral_imports_all_1996_2020.csv.gz",
             test_data_dir());
    flows = read_file(path, 0);
    CHECK(flows != NULL);
    if (flows) {
        long long rows = 0;
        long long expected = awk_sum("-v vcol=5 -v decimals=0", path, &rows);
        mvec_flows_columns c = mvec_flows_get_columns(flows);
        long long sum = 0;
        for (size_t r = 0; r < c.rows; r++)
            sum += c.value[r];
        CHECK(rows == 7892410 && (long long)c.rows == rows && sum == expected);
        int kaz = code_index(flows, "398"), world = code_index(flows, "000");
        long long kaz2019 = 0;
        for (size_t r = 0; r < c.rows; r++)
            if (c.year[r] == 2019 && c.importer[r] == kaz && c.exporter[r] != world)
                kaz2019 += c.value[r];
        snprintf(path, sizeof path, "%s/wto-hs2-bilateral-imports/KAZ_imports_by_partner_hs2_WTO.csv",
                 test_data_dir());
        expected = awk_sum("-v vcol=0 -v decimals=0 -v year=2019 -v code=398 -v ccol=2 "
                           "-v notcol=4 -v not=000",
                           path, &rows);
        /* the named slice and the panel agree, and both with awk (about 39 bn USD) */
        CHECK(kaz2019 == expected && kaz2019 > 38000000000LL && kaz2019 < 40000000000LL);
        mvec_flows *slice = read_file(path, 2);
        CHECK(slice && mvec_flows_rows(slice) == 19391);
        mvec_flows_close(ctx, slice);
    }
    mvec_flows_close(ctx, flows);
}

int main(void)
{
    ctx = mvec_ctx_new(NULL, NULL);
    mvec_ctx_set_log(ctx, on_log, NULL);
    if (mvec_countries_open(ctx, NULL, &countries) != MVEC_OK) {
        fprintf(stderr, "%s\n", mvec_ctx_error_message(ctx));
        return 1;
    }
    snprintf(scratch, sizeof scratch, "/tmp/test_flows.XXXXXX");
    if (mkdtemp(scratch) == NULL)
        return 1;
    test_fixture();
    test_threads();
    test_cache();
    test_hostile();
    test_real_files();
    mvec_countries_free(ctx, countries);
    CHECK(mvec_ctx_memory(ctx).current_bytes == 0);
    mvec_ctx_free(ctx);
    char command[300];
    snprintf(command, sizeof command, "rm -rf '%s'", scratch);
    if (system(command) != 0)
        fprintf(stderr, "cannot remove %s\n", scratch);
    return test_report("test_flows");
}
