/*
 * test_flows_comtrade.c - the UN Comtrade flow readers (issue 7, points 1 and 10):
 * tests/data/flows/comtrade_kaz_2022_fixture.csv (hand-made in the documented data API v1
 * layout) and comtrade_legacy_kaz_2019_fixture.csv (the legacy layout), with every number
 * below computed by hand from the files: rows kept and left out by reason, flow codes
 * (X/M, 2/1) giving exporter and importer, unpadded M49 codes, pseudo-codes recorded (490
 * mapped as the registry's own entry, 097/839/899 kept with no mapping), the HS edition
 * from classificationCode, values in whole USD; the same table for 1 to 8 threads; hostile
 * files (tests/data/flows/comtrade_bad_*.csv) giving file:line:column, and the first bad
 * row in file order whether the parser or the row filters find it.
 */
#include <mvec/mvec.h>
#include <stdint.h>

#include "test.h"

static mvec_ctx *ctx;
static mvec_countries *countries;
static char warnings[4096];

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
    if (mvec_flows_read(ctx, countries, path, &options, &flows) != MVEC_OK)
        fprintf(stderr, "%s: %s\n", path, mvec_ctx_error_message(ctx));
    return flows;
}

static int country(const mvec_flows *flows, const char *code)
{
    for (size_t i = 0; i < mvec_flows_get_info(flows)->country_count; i++)
        if (strcmp(mvec_flows_country_at(flows, i)->code, code) == 0)
            return (int)i;
    return -1;
}

/* The sum of the values from `exporter` to `importer` (codes as the table writes them). */
static long long flow(const mvec_flows *flows, const char *exporter, const char *importer)
{
    mvec_flows_columns c = mvec_flows_get_columns(flows);
    int e = country(flows, exporter), i = country(flows, importer);
    long long sum = 0;
    for (size_t r = 0; r < c.rows; r++)
        if (c.exporter[r] == e && c.importer[r] == i)
            sum += c.value[r];
    return sum;
}

static void test_current_layout(void)
{
    warnings[0] = '\0';
    mvec_flows *flows = read_file("tests/data/flows/comtrade_kaz_2022_fixture.csv", 1);
    CHECK(flows != NULL);
    if (flows == NULL)
        return;
    const mvec_flows_info *info = mvec_flows_get_info(flows);
    CHECK_STR(info->format, "comtrade");
    CHECK(info->basis == MVEC_FLOWS_REPORTER_DECLARED);
    CHECK_STR(info->hs_edition, "HS22"); /* classificationCode H6 */
    CHECK(info->product_digits == 6);
    CHECK_STR(info->value_unit, "USD");
    CHECK_STR(info->quantity_unit, "");
    /* 17 rows: 9 kept; left out: World partner 1, TOTAL and HS2 2, RX 1, DX 1,
     * partner2 156 1, motCode 2100 1, customsCode C01 1 */
    CHECK(info->rows == 9 && info->first_year == 2022 && info->last_year == 2022);
    static const char *const codes[][2] = {{"004", "AFG"}, {"097", ""}, {"156", "CHN"},
                                           {"398", "KAZ"}, {"490", "X490"}, {"643", "RUS"},
                                           {"839", ""},    {"899", ""}};
    CHECK(info->country_count == 8);
    for (size_t i = 0; i < 8 && i < info->country_count; i++) {
        CHECK_STR(mvec_flows_country_at(flows, i)->code, codes[i][0]);
        CHECK_STR(mvec_flows_country_at(flows, i)->mvec_code, codes[i][1]);
    }
    static const char *const products[] = {"010121", "080610", "260300", "270900",
                                           "271019", "720839", "847130"};
    CHECK(info->product_count == 7);
    for (size_t i = 0; i < 7 && i < info->product_count; i++)
        CHECK_STR(mvec_flows_product_at(flows, i), products[i]);
    /* imports (M): partner -> reporter; exports (X): reporter -> partner */
    CHECK(flow(flows, "156", "398") == 1000 + 2500000); /* 1000.0 and 2500000 */
    CHECK(flow(flows, "398", "156") == 123456);         /* 123456.00 */
    CHECK(flow(flows, "398", "643") == 5000);           /* the DX row (4000) left out */
    CHECK(flow(flows, "643", "398") == 0);              /* the RX row (300) left out */
    CHECK(flow(flows, "490", "398") == 777);
    CHECK(flow(flows, "097", "398") == 64);
    CHECK(flow(flows, "398", "899") == 10);
    CHECK(flow(flows, "398", "839") == 20); /* 20.000 */
    CHECK(flow(flows, "004", "398") == 42); /* reporter 4 (Afghanistan) exports */
    mvec_flows_columns c = mvec_flows_get_columns(flows);
    long long total = 0;
    for (size_t r = 0; r < c.rows; r++)
        total += c.value[r];
    CHECK(total == 2630369);
    /* the left-out rows are counted, by reason, in one warning; unknown codes in another */
    CHECK(strstr(warnings, "8 rows left out") != NULL);
    CHECK(strstr(warnings, "1 with the World as partner") != NULL);
    CHECK(strstr(warnings, "2 product totals") != NULL);
    CHECK(strstr(warnings, "1 re-exports and re-imports") != NULL);
    CHECK(strstr(warnings, "1 parts of X or M") != NULL);
    CHECK(strstr(warnings, "1 second-partner breakdowns") != NULL);
    CHECK(strstr(warnings, "1 transport-mode breakdowns") != NULL);
    CHECK(strstr(warnings, "1 customs-procedure breakdowns") != NULL);
    CHECK(strstr(warnings, "097, 839, 899") != NULL);
    /* the same table for every thread count */
    for (unsigned threads = 2; threads <= 8; threads++) {
        mvec_flows *other = read_file("tests/data/flows/comtrade_kaz_2022_fixture.csv", threads);
        CHECK(other != NULL);
        if (other == NULL)
            continue;
        mvec_flows_columns d = mvec_flows_get_columns(other);
        CHECK(d.rows == c.rows && memcmp(d.value, c.value, c.rows * 8) == 0 &&
              memcmp(d.exporter, c.exporter, c.rows * 2) == 0 &&
              memcmp(d.importer, c.importer, c.rows * 2) == 0 &&
              memcmp(d.product, c.product, c.rows * 4) == 0);
        mvec_flows_close(ctx, other);
    }
    mvec_flows_close(ctx, flows);
}

static void test_legacy_layout(void)
{
    warnings[0] = '\0';
    mvec_flows *flows = read_file("tests/data/flows/comtrade_legacy_kaz_2019_fixture.csv", 2);
    CHECK(flows != NULL);
    if (flows == NULL)
        return;
    const mvec_flows_info *info = mvec_flows_get_info(flows);
    CHECK_STR(info->format, "comtrade_legacy");
    CHECK_STR(info->hs_edition, "HS17"); /* Classification H5 */
    CHECK(info->rows == 3 && info->first_year == 2019);
    CHECK(flow(flows, "156", "398") == 5000000); /* 1 Import */
    CHECK(flow(flows, "398", "156") == 7000000); /* 2 Export; World and HS2 rows left out */
    CHECK(flow(flows, "643", "398") == 3000);
    CHECK(flow(flows, "398", "643") == 0); /* 3 Re-Export left out */
    CHECK(strstr(warnings, "3 rows left out") != NULL);
    mvec_flows_close(ctx, flows);
}

/* UN Comtrade's bulk files are tab-separated (tests/data/flows/comtrade_bulk_kaz_2022_fixture.txt:
 * the CSV fixture's rows with tabs, a description holding a comma and a quote): the same
 * table as the CSV, for 1 and 3 threads; a bad field is named by its tab-separated column. */
static void test_tab_separated(void)
{
    mvec_flows *csv = read_file("tests/data/flows/comtrade_kaz_2022_fixture.csv", 1);
    for (unsigned threads = 1; threads <= 3; threads += 2) {
        mvec_flows *tsv = read_file("tests/data/flows/comtrade_bulk_kaz_2022_fixture.txt", threads);
        CHECK(csv != NULL && tsv != NULL);
        if (csv == NULL || tsv == NULL) {
            mvec_flows_close(ctx, tsv);
            continue;
        }
        mvec_flows_columns c = mvec_flows_get_columns(csv), t = mvec_flows_get_columns(tsv);
        CHECK(t.rows == 9 && t.rows == c.rows && memcmp(t.value, c.value, c.rows * 8) == 0 &&
              memcmp(t.exporter, c.exporter, c.rows * 2) == 0 &&
              memcmp(t.importer, c.importer, c.rows * 2) == 0 &&
              memcmp(t.product, c.product, c.rows * 4) == 0);
        CHECK_STR(mvec_flows_get_info(tsv)->hs_edition, "HS22");
        mvec_flows_close(ctx, tsv);
    }
    mvec_flows_close(ctx, csv);
    static const char text[] = "refYear\treporterCode\tflowCode\tpartnerCode\tclassificationCode"
                               "\tcmdCode\taggrLevel\tprimaryValue\n"
                               "2022\t398\tX\t156\tH6\t260300\t6\t7,5\n";
    mvec_flows *flows = NULL;
    CHECK(mvec_flows_read_buffer(ctx, countries, "t.txt", text, strlen(text), NULL, &flows) ==
          MVEC_ERR_PARSE);
    CHECK(strncmp(mvec_ctx_error_message(ctx), "t.txt:2:8: ", 11) == 0);
}

/* a == b for doubles, spelled without == (the double nearest the exact decimal) */
static bool exactly(double a, double b)
{
    return !(a < b) && !(a > b);
}

/* Comtrade+ values with fractions of a dollar (tests/data/flows/
 * comtrade_kaz_2023_fractions_fixture.csv): kept as thousandths, exact; sums by hand. */
static void test_fractions(void)
{
    mvec_flows *flows = read_file("tests/data/flows/comtrade_kaz_2023_fractions_fixture.csv", 2);
    CHECK(flows != NULL);
    if (flows == NULL)
        return;
    const mvec_flows_info *info = mvec_flows_get_info(flows);
    CHECK(info->value_decimals == 3 && info->rows == 4); /* the World row left out */
    CHECK(flow(flows, "156", "398") == 2500000125 + 1000500); /* 2500000.125 + 1000.5 */
    CHECK(flow(flows, "398", "156") == 123456789);            /* 123456.789 */
    CHECK(flow(flows, "398", "643") == 5000010);              /* 5000.01 */
    /* the 2022 fixture's values are all whole ("1000.0", "123456.00", "20.000"): dollars */
    mvec_flows *whole = read_file("tests/data/flows/comtrade_kaz_2022_fixture.csv", 1);
    CHECK(whole != NULL && mvec_flows_get_info(whole)->value_decimals == 0);
    mvec_flows_close(ctx, whole);
    /* the trade vectors in dollars, with the fraction */
    mvec_observations *obs = NULL;
    CHECK(mvec_observations_new(ctx, countries, &obs) == MVEC_OK);
    mvec_flow_vectors_options options = MVEC_FLOW_VECTORS_OPTIONS_INIT;
    options.country = "KAZ";
    CHECK(mvec_flow_vectors_add(ctx, obs, flows, &options, NULL) == MVEC_OK);
    int seen = 0;
    for (size_t i = 0; obs != NULL && i < mvec_observations_count(obs); i++) {
        const mvec_observation *o = mvec_observations_at(obs, i);
        if (strcmp(o->partner->code, "CHN") != 0)
            continue;
        if (strcmp(o->vector, "trade.exports") == 0)
            seen += exactly(o->base_value, 123456.789) && exactly(o->value, 123456.789) ? 1 : 100;
        if (strcmp(o->vector, "trade.imports") == 0)
            seen += exactly(o->base_value, 2501000.625) ? 1 : 100;
    }
    CHECK(seen == 2);
    mvec_observations_free(ctx, obs);
    /* the flow queries sum whole dollars: such a table is refused, with the reason */
    mvec_flow_state *state = NULL;
    CHECK(mvec_flow_state_new(ctx, MVEC_FLOW_PAIRS, &state) == MVEC_OK);
    CHECK(mvec_flow_state_add(ctx, state, flows, 1) == MVEC_ERR_INVALID);
    CHECK(strstr(mvec_ctx_error_message(ctx), "3 decimals of a dollar") != NULL);
    mvec_flow_state_free(ctx, state);
    /* screened alone: dollars with the fraction; with a table in whole dollars: refused */
    mvec_bloc_scheme *scheme = NULL;
    CHECK(mvec_bloc_scheme_builtin(ctx, countries, "powers", &scheme) == MVEC_OK);
    mvec_screen *screen = NULL;
    const mvec_flows *tables[2] = {flows, NULL};
    CHECK(mvec_screen_run(ctx, countries, scheme, tables, 1, "KAZ", NULL, &screen) == MVEC_OK);
    if (screen != NULL) {
        const mvec_screen_info *si = mvec_screen_get_info(screen);
        CHECK(si->value_decimals == 3 && si->years[2].imports_usd == 2501000625);
    }
    mvec_screen_free(ctx, screen);
    mvec_flows *whole_dollars = read_file("tests/data/flows/comtrade_kaz_2022_fixture.csv", 1);
    tables[1] = whole_dollars;
    screen = NULL;
    CHECK(mvec_screen_run(ctx, countries, scheme, tables, 2, "KAZ", NULL, &screen) ==
          MVEC_ERR_INVALID);
    CHECK(strstr(mvec_ctx_error_message(ctx), "value decimals") != NULL);
    mvec_flows_close(ctx, whole_dollars);
    mvec_bloc_scheme_free(ctx, scheme);
    mvec_flows_close(ctx, flows);
    /* the exact text of such values */
    char text[32];
    CHECK_STR(mvec_flows_value_text(123456789, 3, text, sizeof text), "123456.789");
    CHECK_STR(mvec_flows_value_text(-5, 3, text, sizeof text), "-0.005");
    CHECK_STR(mvec_flows_value_text(5000010, 3, text, sizeof text), "5000.010");
    CHECK_STR(mvec_flows_value_text(INT64_MIN, 0, text, sizeof text), "-9223372036854775808");
    CHECK_STR(mvec_flows_value_text(42, 0, text, sizeof text), "42");
}

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

/* The fixture's header and one row with field `column` (1-based) replaced. */
static void row_with(char *out, size_t size, const char *header, const char *row, int column,
                     const char *value)
{
    size_t n = (size_t)snprintf(out, size, "%s\n", header);
    int field = 1;
    for (const char *p = row; *p && n + 8 < size; p++) {
        if (*p == ',')
            field++;
        if (field == column && *p != ',') {
            n += (size_t)snprintf(out + n, size - n, "%s", value);
            while (p[1] && p[1] != ',')
                p++;
            field = -1000; /* written */
            continue;
        }
        out[n++] = *p;
    }
    out[n] = '\0';
}

static void test_hostile(void)
{
    expect_error("tests/data/flows/comtrade_bad_missing_column.csv", MVEC_ERR_SCHEMA, "1:1");
    expect_error("tests/data/flows/comtrade_bad_number.csv", MVEC_ERR_PARSE, "3:44");
    expect_error("tests/data/flows/comtrade_bad_fraction.csv", MVEC_ERR_PARSE, "4:44");
    CHECK(strstr(mvec_ctx_error_message(ctx), "more than 3 decimals of USD") != NULL);
    expect_error("tests/data/flows/comtrade_bad_flow.csv", MVEC_ERR_PARSE, "3:10");
    expect_error("tests/data/flows/comtrade_bad_utf8.csv", MVEC_ERR_PARSE, "2:22");
    expect_error("tests/data/flows/comtrade_bad_mixed_frequency.csv", MVEC_ERR_PARSE, "3:2");
    expect_error("tests/data/flows/comtrade_bad_truncated.csv", MVEC_ERR_PARSE, "3:32");
    /* the first bad row in file order wins, whoever finds it: a bad number on line 2
     * (the parser) before an unknown flow code on line 3 (the filters), and the reverse */
    static const char header[] =
        "refYear,reporterCode,flowCode,partnerCode,classificationCode,cmdCode,aggrLevel,"
        "primaryValue";
    char text[1024], line[256];
    snprintf(text, sizeof text, "%s\n2022,398,M,156,H6,010121,6,1x\n2022,398,Q,156,H6,010121,6,1\n",
             header);
    mvec_flows *flows = NULL;
    CHECK(mvec_flows_read_buffer(ctx, countries, "t.csv", text, strlen(text), NULL, &flows) ==
          MVEC_ERR_PARSE);
    CHECK(strncmp(mvec_ctx_error_message(ctx), "t.csv:2:8: ", 11) == 0);
    snprintf(text, sizeof text, "%s\n2022,398,Q,156,H6,010121,6,1\n2022,398,M,156,H6,010121,6,1x\n",
             header);
    CHECK(mvec_flows_read_buffer(ctx, countries, "t.csv", text, strlen(text), NULL, &flows) ==
          MVEC_ERR_PARSE);
    CHECK(strncmp(mvec_ctx_error_message(ctx), "t.csv:2:3: ", 11) == 0);
    /* a left-out row is still checked for its fields, quotes and UTF-8 */
    snprintf(text, sizeof text, "%s\n2022,398,M,0,H6,010121,6,1,9\n", header);
    CHECK(mvec_flows_read_buffer(ctx, countries, "t.csv", text, strlen(text), NULL, &flows) ==
          MVEC_ERR_PARSE);
    CHECK(strncmp(mvec_ctx_error_message(ctx), "t.csv:2:9: more fields", 22) == 0);
    snprintf(text, sizeof text, "%s\n2022,398,RX,156,H6,010121,6,\"1\n", header);
    CHECK(mvec_flows_read_buffer(ctx, countries, "t.csv", text, strlen(text), NULL, &flows) ==
          MVEC_ERR_PARSE);
    CHECK(strncmp(mvec_ctx_error_message(ctx), "t.csv:2:8: unterminated quote", 29) == 0);
    /* a code of four digits, an edition Comtrade writes as "as reported" (HS), a product of
     * four digits at level 6: refused, not guessed */
    static const char row[] = "2022,398,M,156,H6,010121,6,1";
    static const struct {
        int column;
        const char *value, *where;
    } cases[] = {{2, "3988", "t.csv:2:2: "}, {5, "HS", "t.csv:2:5: "}, {6, "0101", "t.csv:2:6: "},
                 {7, "", "t.csv:2:7: "},     {3, "m", "t.csv:2:3: "}};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        row_with(line, sizeof line, header, row, cases[i].column, cases[i].value);
        CHECK(mvec_flows_read_buffer(ctx, countries, "t.csv", line, strlen(line), NULL, &flows) ==
              MVEC_ERR_PARSE);
        if (strncmp(mvec_ctx_error_message(ctx), cases[i].where, strlen(cases[i].where)) != 0) {
            test_failures++;
            fprintf(stderr, "case %zu: '%s'\n", i, mvec_ctx_error_message(ctx));
        }
    }
    /* only the minimal columns, quoted names, a BOM, CRLF: read */
    snprintf(text, sizeof text,
             "\xEF\xBB\xBF\"refYear\",reporterCode,flowCode,partnerCode,classificationCode,"
             "cmdCode,aggrLevel,primaryValue\r\n2022,398,X,156,H0,260300,6,\"7\"\r\n");
    CHECK(mvec_flows_read_buffer(ctx, countries, "t.csv", text, strlen(text), NULL, &flows) ==
          MVEC_OK);
    if (flows != NULL) {
        CHECK(mvec_flows_rows(flows) == 1 && flow(flows, "398", "156") == 7);
        CHECK_STR(mvec_flows_get_info(flows)->hs_edition, "HS92");
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
    test_current_layout();
    test_legacy_layout();
    test_fractions();
    test_tab_separated();
    test_hostile();
    mvec_countries_free(ctx, countries);
    CHECK(mvec_ctx_memory(ctx).current_bytes == 0);
    mvec_ctx_free(ctx);
    return test_report("test_flows_comtrade");
}
