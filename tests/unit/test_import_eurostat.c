/*
 * test_import_eurostat.c - the `eurostat` importer (Eurostat Comext monthly
 * trade of EU members with a partner): months summed to whole years only
 * when all 12 are there, other years kept with their months as the period,
 * euros kept, aggregates reported and left out, bad input rejected with
 * file:line:column and nothing added. On the real file (shared datasets,
 * when present): 2,089 monthly rows -> 170 yearly figures (136 whole years,
 * 34 partial), three aggregates left out (204 rows), and sums recomputed
 * from the file by Python's csv module: Austria 2019 155,236,892 EUR,
 * Germany 2023 3,218,093,398, Lithuania 2023 689,319,004, Malta 2019
 * 82,778 over 7 months (Feb, Apr-Aug, Oct).
 */
#include <mvec/mvec.h>

#include "import/code_map.h"
#include "test.h"

static mvec_ctx *ctx;
static mvec_countries *countries;
static int warnings;
static char last_warning[4096];

static void on_log(void *user, mvec_log_level level, const char *message)
{
    (void)user;
    if (level == MVEC_LOG_WARNING) {
        warnings++;
        snprintf(last_warning, sizeof last_warning, "%s", message);
    }
}

static const mvec_observation *find(const mvec_observations *o, const char *partner, int year)
{
    for (size_t i = 0; i < mvec_observations_count(o); i++) {
        const mvec_observation *r = mvec_observations_at(o, i);
        if (strcmp(r->partner->code, partner) == 0 && r->year == year)
            return r;
    }
    return NULL;
}

/* exact: the sums are integers far below 2^53 */
#define CHECK_NEAR_TRUE(a, b) (fabs((a) - (b)) <= 0)

static const char HEADER[] = "reporter,partner_iso3,period,product,flow,stat_procedure,value_eur\n";

/* Twelve months of Austria, eight of Belgium, one aggregate, one unknown label. */
static void test_small(void)
{
    char text[8192];
    size_t n = (size_t)snprintf(text, sizeof text, "%s", HEADER);
    for (int m = 1; m <= 12; m++)
        n += (size_t)snprintf(text + n, sizeof text - n,
                              "Austria,KAZ,2019-%02d,TOTAL-Total,2-EXPORT,T-Total,%d\n", m, m);
    for (int m = 1; m <= 8; m++)
        n += (size_t)snprintf(text + n, sizeof text - n,
                              "\"Belgium (incl. Luxembourg 'LU' -> 1998)\",KAZ,2024-%02d,"
                              "TOTAL-Total,2-EXPORT,T-Total,100\n",
                              m);
    n += (size_t)snprintf(text + n, sizeof text - n,
                          "\"Euro area - 20 countries (AT, BE, CY, DE, EE, ES, FI, FR, GR, HR, "
                          "IE, IT, LT, LU, LV, MT, NL, PT, SI, SK)\",KAZ,2019-01,TOTAL-Total,"
                          "2-EXPORT,T-Total,5\n"
                          "Atlantis,KAZ,2019-01,TOTAL-Total,2-EXPORT,T-Total,5\n"
                          "Malta,KAZ,2019-02,TOTAL-Total,1-IMPORT,T-Total,7\n");
    mvec_observations *o = NULL;
    const char *used = NULL;
    CHECK_STATUS(mvec_observations_new(ctx, countries, &o), MVEC_OK);
    warnings = 0;
    CHECK_STATUS(mvec_observations_import_text(ctx, o, "small.csv", text, n, NULL, &used), MVEC_OK);
    CHECK_STR(used, "eurostat");
    CHECK(mvec_observations_count(o) == 3);
    const mvec_observation *aut = find(o, "AUT", 2019);
    CHECK(aut != NULL && CHECK_NEAR_TRUE(aut->value, 78) && strcmp(aut->unit, "EUR") == 0);
    CHECK(aut != NULL && aut->period[0] == '\0' && aut->basis == MVEC_BASIS_PARTNER);
    CHECK(aut != NULL && strcmp(aut->country->code, "KAZ") == 0);
    CHECK(aut != NULL && strcmp(aut->vector, "trade.imports") == 0 && aut->line == 2);
    const mvec_observation *bel = find(o, "BEL", 2024);
    CHECK(bel != NULL && CHECK_NEAR_TRUE(bel->value, 800) && strcmp(bel->period, "Jan-Aug") == 0);
    const mvec_observation *mlt = find(o, "MLT", 2019);
    CHECK(mlt != NULL && strcmp(mlt->vector, "trade.exports") == 0 &&
          strcmp(mlt->period, "Feb") == 0);
    CHECK(warnings == 1);
    CHECK(strstr(last_warning, "'Atlantis' (unknown code, 1 row, first line 23)") != NULL);
    CHECK(strstr(last_warning, "'Euro area - 20 countries") != NULL);
    mvec_observations_free(ctx, o);
}

/* Bad input: file:line:column, MVEC_ERR_PARSE, nothing added. */
static void test_errors(void)
{
    static const struct {
        const char *body;
        const char *message;
    } cases[] = {
        {"Austria,KAZ,2019-13,TOTAL-Total,2-EXPORT,T-Total,1\n",
         "bad.csv:2:3: period must be YYYY-MM, not '2019-13'"},
        {"Austria,KAZ,2019-01,TOTAL-Total,2-EXPORT,T-Total,-1\n",
         "bad.csv:2:7: negative value '-1'"},
        {"Austria,KAZ,2019-01,TOTAL-Total,2-EXPORT,T-Total,\n",
         "bad.csv:2:7: invalid number '': missing value"},
        {"Austria,KAZ,2019-01,TOTAL-Total,2-EXPORT,T-Total,1\n"
         "Austria,KAZ,2019-01,TOTAL-Total,2-EXPORT,T-Total,1\n",
         "bad.csv:3:3: Austria, 2-EXPORT: month 2019-01 given twice"},
        {"Austria,XYZ,2019-01,TOTAL-Total,2-EXPORT,T-Total,1\n",
         "bad.csv:2:2: unknown partner country 'XYZ'"},
        {"Austria,KAZ,2019-01,01-Live animals,2-EXPORT,T-Total,1\n",
         "bad.csv:2:4: only the total of all products is read, not '01-Live animals'"},
        {"Austria,KAZ,2019-01,TOTAL-Total,3-RE-EXPORT,T-Total,1\n",
         "bad.csv:2:5: flow must be '1-IMPORT' or '2-EXPORT', not '3-RE-EXPORT'"},
        {"Austria,KAZ,2019-01,TOTAL-Total,2-EXPORT\n", "bad.csv:2:6: expected 7 fields, found 5"},
    };
    mvec_observations *o = NULL;
    CHECK_STATUS(mvec_observations_new(ctx, countries, &o), MVEC_OK);
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char text[1024];
        snprintf(text, sizeof text, "%s%s", HEADER, cases[i].body);
        CHECK_STATUS(
            mvec_observations_import_text(ctx, o, "bad.csv", text, strlen(text), "eurostat", NULL),
            MVEC_ERR_PARSE);
        CHECK_STR(mvec_ctx_error_message(ctx), cases[i].message);
        CHECK(mvec_observations_count(o) == 0);
    }
    mvec_observations_free(ctx, o);
}

static void test_code_table(void)
{
    mvec__code_map map;
    const mvec_country *c = NULL;
    CHECK_STATUS(mvec__code_map_load(ctx, countries, "eurostat", &map), MVEC_OK);
    CHECK(mvec__code_map_find(&map, "Germany (incl. German Democratic Republic 'DD' from 1991)",
                              2023, &c) &&
          c != NULL && strcmp(c->code, "DEU") == 0);
    CHECK(mvec__code_map_find(&map, "United Kingdom", 2019, &c) && strcmp(c->code, "GBR") == 0);
    CHECK(mvec__code_map_find(&map,
                              "European Union - 27 countries (AT, BE, BG, CY, CZ, DE, DK, EE, ES, "
                              "FI, FR, GR, HR, HU, IE, IT, LT, LU, LV, MT, NL, PL, PT, RO, SE, "
                              "SI, SK)",
                              2023, &c) &&
          c == NULL);
    CHECK(map.count == 32);
    mvec__code_map_clear(ctx, &map);
}

static void test_real_file(void)
{
    char path[1024];
    snprintf(path, sizeof path,
             "%s/eurostat-eu-exports-to-kaz/eu_exports_to_kaz_monthly_2019_2024.csv",
             test_data_dir());
    FILE *probe = fopen(path, "r");
    if (probe == NULL)
        return; /* the shared datasets are not here: the checks above still ran */
    fclose(probe);
    mvec_observations *o = NULL;
    const char *used = NULL;
    CHECK_STATUS(mvec_observations_new(ctx, countries, &o), MVEC_OK);
    warnings = 0;
    CHECK_STATUS(mvec_observations_import_file(ctx, o, path, NULL, &used), MVEC_OK);
    CHECK_STR(used, "eurostat");
    size_t whole = 0;
    size_t partial = 0;
    for (size_t i = 0; i < mvec_observations_count(o); i++)
        if (mvec_observations_at(o, i)->period[0] == '\0')
            whole++;
        else
            partial++;
    CHECK(whole == 136 && partial == 34);
    CHECK(warnings == 1 && strstr(last_warning, "204 reporter rows left out, 3 codes") != NULL);
    CHECK_NEAR(find(o, "AUT", 2019)->value, 155236892, 0);
    CHECK_NEAR(find(o, "DEU", 2023)->value, 3218093398.0, 0);
    CHECK_NEAR(find(o, "LTU", 2023)->value, 689319004, 0);
    CHECK_NEAR(find(o, "MLT", 2019)->value, 82778, 0);
    CHECK_STR(find(o, "MLT", 2019)->period, "Feb,Apr-Aug,Oct");
    CHECK_STR(find(o, "GBR", 2020)->period, "Jan");
    CHECK_STR(find(o, "DEU", 2024)->period, "Jan-Aug");
    mvec_observations_free(ctx, o);
}

int main(void)
{
    ctx = mvec_ctx_new(NULL, NULL);
    mvec_ctx_set_log(ctx, on_log, NULL);
    if (mvec_countries_open(ctx, NULL, &countries) != MVEC_OK) {
        fprintf(stderr, "%s\n", mvec_ctx_error_message(ctx));
        return 1;
    }
    test_small();
    test_errors();
    test_code_table();
    test_real_file();
    mvec_countries_free(ctx, countries);
    CHECK(mvec_ctx_memory(ctx).current_bytes == 0);
    mvec_ctx_free(ctx);
    return test_report("test_import_eurostat");
}
