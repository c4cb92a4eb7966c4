/*
 * test_import_ei_gas.c - the `ei-gas` importer (Energy Institute Statistical
 * Review, pipeline gas trade matrix, bcm): each cell is the exporter's
 * energy.gas_exports to the importer and the importer's energy.gas_imports
 * from the exporter; the Total row and column are the vectors' totals;
 * regions and residuals map to no country and are reported. On the real
 * 2023 edition (shared datasets, when present; SOURCE.md): Kazakhstan's
 * pipeline exports 2022 are 3.40 bcm to Russia and 4.37 bcm to China (total
 * 7.77), its imports 2.04 bcm from Russia and 0.34 from Turkmenistan (total
 * 2.385), and seven region labels are left out (22 cells).
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

static const mvec_observation *find(const mvec_observations *o, const char *country,
                                    const char *vector, const char *partner)
{
    for (size_t i = 0; i < mvec_observations_count(o); i++) {
        const mvec_observation *r = mvec_observations_at(o, i);
        if (strcmp(r->country->code, country) == 0 && strcmp(r->vector, vector) == 0 &&
            strcmp(r->partner->code, partner) == 0)
            return r;
    }
    return NULL;
}

static void test_small(void)
{
    static const char text[] = "Country 2021,China,Other CIS,EU,Total\n"
                               "Kazakhstan,4,1,0,5\n"
                               "Other Asia Pacific,2,0,0,2\n"
                               "Russian Federation,3,0,60,63\n"
                               "Total,9,1,60,70\n";
    mvec_observations *o = NULL;
    const char *used = NULL;
    CHECK_STATUS(mvec_observations_new(ctx, countries, &o), MVEC_OK);
    warnings = 0;
    CHECK_STATUS(
        mvec_observations_import_text(ctx, o, "gas.csv", text, strlen(text), "ei-gas", &used),
        MVEC_OK);
    CHECK_STR(used, "ei-gas");
    const mvec_observation *r = find(o, "KAZ", "energy.gas_exports", "CHN");
    CHECK(r != NULL && r->year == 2021 && strcmp(r->unit, "bcm") == 0 && r->line == 2 &&
          r->column == 2 && r->basis == MVEC_BASIS_THIRD_PARTY);
    CHECK(find(o, "CHN", "energy.gas_imports", "KAZ") != NULL);
    CHECK(find(o, "CHN", "energy.gas_imports", "WLD") != NULL); /* the Total row */
    CHECK(find(o, "KAZ", "energy.gas_exports", "WLD") != NULL); /* the Total column */
    CHECK(find(o, "RUS", "energy.gas_exports", "EU") != NULL);  /* the EU as a bloc */
    CHECK(find(o, "KAZ", "energy.gas_exports", "OTH") == NULL);
    /* KAZ, RUS: China and the total (+ RUS: EU); China: KAZ, RUS, total */
    CHECK(mvec_observations_count(o) == 2 + 3 + 3);
    CHECK(warnings == 1);
    CHECK(strstr(last_warning, "'Other CIS' (not a country, 1 row, first line 2)") != NULL);
    CHECK(strstr(last_warning, "'Other Asia Pacific' (not a country, 2 rows, first line 3)") !=
          NULL);
    mvec_observations_free(ctx, o);
}

static void test_errors(void)
{
    static const struct {
        const char *text;
        mvec_status status;
        const char *message;
    } cases[] = {
        {"Country,China,Total\nKazakhstan,x,1\n", MVEC_ERR_PARSE,
         "bad.csv:2:2: invalid number 'x': not a number"},
        {"Country,China,Total\nKazakhstan,-1,1\n", MVEC_ERR_PARSE,
         "bad.csv:2:2: negative value '-1'"},
        {"Country,China,Total\nKazakhstan,1\n", MVEC_ERR_PARSE,
         "bad.csv:2:3: expected 3 fields, found 2"},
        {"Exporter,China,Total\nKazakhstan,1,1\n", MVEC_ERR_SCHEMA,
         "bad.csv:1:1: the first column must be 'Country' (the 2023 edition, data for 2022) or "
         "'Country YYYY', not 'Exporter'"},
        {"Country,China,China\nKazakhstan,1,1\n", MVEC_ERR_SCHEMA,
         "bad.csv:1:3: column 'China' appears twice"},
    };
    mvec_observations *o = NULL;
    CHECK_STATUS(mvec_observations_new(ctx, countries, &o), MVEC_OK);
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        CHECK_STATUS(mvec_observations_import_text(ctx, o, "bad.csv", cases[i].text,
                                                   strlen(cases[i].text), "ei-gas", NULL),
                     cases[i].status);
        CHECK_STR(mvec_ctx_error_message(ctx), cases[i].message);
        CHECK(mvec_observations_count(o) == 0);
    }
    mvec_observations_free(ctx, o);
}

static void test_code_table(void)
{
    mvec__code_map map;
    const mvec_country *c = NULL;
    CHECK_STATUS(mvec__code_map_load(ctx, countries, "ei", &map), MVEC_OK);
    CHECK(mvec__code_map_find(&map, "US", 2022, &c) && strcmp(c->code, "USA") == 0);
    CHECK(mvec__code_map_find(&map, "Total", 2022, &c) && strcmp(c->code, "WLD") == 0);
    CHECK(mvec__code_map_find(&map, "Rest of Europe", 2022, &c) && c == NULL);
    mvec__code_map_clear(ctx, &map);
}

static void test_real_file(void)
{
    char path[1024];
    snprintf(path, sizeof path,
             "%s/ei-statistical-review-2023-energy/cleaned_pipeline_trade_movements.csv",
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
    CHECK_STR(used, "ei-gas"); /* recognised by the 2023 edition's header */
    CHECK_NEAR(find(o, "KAZ", "energy.gas_exports", "RUS")->value, 3.40, 0.005);
    CHECK_NEAR(find(o, "KAZ", "energy.gas_exports", "CHN")->value, 4.37, 0.005);
    CHECK_NEAR(find(o, "KAZ", "energy.gas_exports", "WLD")->value, 7.77, 0.005);
    CHECK_NEAR(find(o, "KAZ", "energy.gas_imports", "RUS")->value, 2.04, 0.005);
    CHECK_NEAR(find(o, "KAZ", "energy.gas_imports", "TKM")->value, 0.34, 0.005);
    CHECK_NEAR(find(o, "RUS", "energy.gas_exports", "EU")->value, 61.477, 0.0005);
    CHECK(find(o, "KAZ", "energy.gas_exports", "RUS")->year == 2022);
    CHECK(warnings == 1 &&
          strstr(last_warning, "22 pipeline trade rows left out, 7 codes") != NULL);
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
    return test_report("test_import_ei_gas");
}
