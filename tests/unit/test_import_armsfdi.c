/*
 * test_import_armsfdi.c - the sipri-tiv, unctad-fdi, wiiw-fdi and aiddata
 * importers on small texts (no shared data needed): code tables, the rows
 * each line gives, the WLD totals the importers compute, negative FDI
 * positions as context, formats recognised by their headers.
 */
#include <mvec/mvec.h>

#include <string.h>

#include "import/code_map.h"
#include "test.h"

static mvec_ctx *ctx;
static mvec_countries *countries;

/* The observation of (country, partner, vector, indicator, year), or NULL. */
static const mvec_observation *find(const mvec_observations *o, const char *country,
                                    const char *partner, const char *vector, const char *indicator,
                                    int year)
{
    for (size_t i = 0; i < mvec_observations_count(o); i++) {
        const mvec_observation *r = mvec_observations_at(o, i);
        if (strcmp(r->country->code, country) == 0 && strcmp(r->partner->code, partner) == 0 &&
            strcmp(r->vector, vector) == 0 && strcmp(r->indicator, indicator) == 0 &&
            r->year == year)
            return r;
    }
    return NULL;
}

/* Exact equality of doubles, without -Wfloat-equal. */
static bool same(double a, double b)
{
    return !(a < b) && !(a > b);
}

static mvec_observations *load(const char *text, const char *format, mvec_status expected)
{
    mvec_observations *o = NULL;
    const char *used = NULL;
    mvec_observations_new(ctx, countries, &o);
    CHECK_STATUS(mvec_observations_import_text(ctx, o, "t.csv", text, strlen(text), format, &used),
                 expected);
    if (expected == MVEC_OK && format != NULL)
        CHECK_STR(used, format);
    return o;
}

static void test_code_tables(void)
{
    static const struct {
        const char *system, *code;
        int year;
        const char *iso3; /* NULL: mapped to nothing */
    } cases[] = {
        {"sipri", "Soviet Union", 1985, "SUN"},
        {"sipri", "Russia", 2000, "RUS"},
        {"sipri", "Yugoslavia", 1990, "YUG"},
        {"sipri", "Yugoslavia", 1995, "SCG"},
        {"sipri", "Kazakhstan", 2000, "KAZ"},
        {"sipri", "Unknown supplier(s)", 2000, NULL},
        {"sipri", "NATO**", 2000, NULL},
        {"sipri", "Czechoslovakia", 1980, "CSK"},
        {"wiiw", "KZ", 0, "KAZ"},
        {"wiiw", "WORLD", 0, "WLD"},
        {"wiiw", "EU27_2020", 0, NULL},
        {"wiiw", "VG", 0, "VGB"},
        {"unctad", "HGK", 0, "HKG"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        mvec__code_map map;
        CHECK_STATUS(mvec__code_map_load(ctx, countries, cases[i].system, &map), MVEC_OK);
        const mvec_country *c = NULL;
        CHECK(mvec__code_map_find(&map, cases[i].code, cases[i].year, &c));
        if (cases[i].iso3 == NULL)
            CHECK(c == NULL);
        else
            CHECK(c != NULL && strcmp(c->code, cases[i].iso3) == 0);
        mvec__code_map_clear(ctx, &map);
    }
}

static void test_sipri(void)
{
    /* recognised by the header; the unknown supplier's TIV counts in the total */
    mvec_observations *o =
        load("supplier,recipient,year,value,supplier_cown,recipient_cown,supplier_lon,"
             "supplier_lat,recipient_lon,recipient_lat\n"
             "Russia,Kazakhstan,2020,266,365,705,1,1,1,1\n"
             "Unknown supplier(s),Kazakhstan,2020,4,NA,705,1,1,1,1\n"
             "Turkey,Kazakhstan,2020,1,640,705,1,1,1,1\n",
             NULL, MVEC_OK);
    const mvec_observation *r = find(o, "KAZ", "RUS", "arms.imports", "value", 2020);
    CHECK(r != NULL && same(r->value, 266) && r->basis == MVEC_BASIS_THIRD_PARTY);
    CHECK(r != NULL && strcmp(r->unit, "TIV m") == 0 && r->line == 2 && r->column == 4);
    r = find(o, "RUS", "KAZ", "arms.exports", "value", 2020);
    CHECK(r != NULL && same(r->value, 266));
    r = find(o, "KAZ", "WLD", "arms.imports", "value", 2020);
    CHECK(r != NULL && same(r->value, 271));
    CHECK(mvec_observations_count(o) == 4 + 3); /* 2 x 2 rows, 3 totals (KAZ, RUS, TUR) */
    mvec_observations_free(ctx, o);
}

static void test_unctad(void)
{
    mvec_observations *o =
        load("\"reporter\",\"partner\",\"year\",\"FDI_inflows\",\"FDI_outflows\",\"FDI_instock\","
             "\"FDI_outstock\"\n"
             "\"KAZ\",\"NLD\",2012,100.5,,300,-2\n"
             "\"KAZ\",\"CHN\",2012,-7,,-1,\n"
             "\"HGK\",\"KAZ\",2012,0,,,5\n",
             "unctad-fdi", MVEC_OK);
    const mvec_observation *r = find(o, "KAZ", "NLD", "fdi.stock", "value", 2012);
    CHECK(r != NULL && same(r->value, 300) && r->basis == MVEC_BASIS_REPORTER);
    r = find(o, "NLD", "KAZ", "fdi.outward_stock", "value", 2012);
    CHECK(r != NULL && same(r->value, 300) && r->basis == MVEC_BASIS_PARTNER);
    CHECK(find(o, "KAZ", "CHN", "fdi.stock", "negative_position", 2012) != NULL);
    CHECK(find(o, "KAZ", "CHN", "fdi.inflow", "value", 2012) != NULL);
    r = find(o, "KAZ", "WLD", "fdi.stock", "value", 2012);
    CHECK(r != NULL && same(r->value, 300)); /* positive positions only */
    r = find(o, "KAZ", "WLD", "fdi.inflow", "value", 2012);
    CHECK(r != NULL && same(r->value, 93.5)); /* net */
    r = find(o, "KAZ", "HKG", "fdi.stock", "value", 2012);
    CHECK(r != NULL && same(r->value, 5) && r->basis == MVEC_BASIS_PARTNER);
    mvec_observations_free(ctx, o);
}

static void test_wiiw(void)
{
    mvec_observations *o =
        load("\"Tree Level 1\",\"Country-Code\",\"Country\",\"Direction\",\"Partner-Code\","
             "\"Partner\",\"Unit\",\"Footnotes\",\"Sources\",_2020,_2021\n"
             "\"FDI by partner\",\"KZ\",\"Kazakhstan\",\"FDI inward stock\",\"WORLD\",\"Total\","
             "\"EUR m\",\"-\",\"National Bank of Kazakhstan\",100,120\n"
             "\"FDI by partner\",\"KZ\",\"Kazakhstan\",\"FDI inward stock\",\"NL\",\"Netherlands\","
             "\"EUR m\",\"-\",\"National Bank of Kazakhstan\",50,.\n"
             "\"FDI by partner\",\"KZ\",\"Kazakhstan\",\"FDI inward stock\",\"CN\",\"China\","
             "\"EUR m\",\"-\",\"National Bank of Kazakhstan\",-3,10\n"
             "\"FDI by partner\",\"KZ\",\"Kazakhstan\",\"FDI inward stock\",\"CN\",\"China\","
             "\"in % of total\",\"-\",\"National Bank of Kazakhstan\",-3,8.3\n",
             "wiiw-fdi", MVEC_OK);
    const mvec_observation *r = find(o, "KAZ", "NLD", "fdi.stock", "value", 2020);
    CHECK(r != NULL && same(r->value, 50) && strcmp(r->unit, "EUR m") == 0);
    CHECK(find(o, "KAZ", "NLD", "fdi.stock", "value", 2021) == NULL); /* "." = missing */
    CHECK(find(o, "KAZ", "CHN", "fdi.stock", "negative_position", 2020) != NULL);
    CHECK(find(o, "KAZ", "WLD", "fdi.stock", "value", 2021) != NULL);
    CHECK(mvec_observations_count(o) == 5); /* the percentages are not read */
    mvec_observations_free(ctx, o);
    o = load("\"Tree Level 1\",\"Country-Code\",\"Country\",\"Direction\",\"Partner-Code\","
             "\"Partner\",\"Unit\",\"Footnotes\",\"Sources\",_2021\n"
             "\"FDI by partner\",\"KZ\",\"Kazakhstan\",\"FDI inward stock\",\"CN\",\"China\","
             "\"USD m\",\"-\",\"x\",1\n",
             "wiiw-fdi", MVEC_ERR_PARSE);
    CHECK_STR(mvec_ctx_error_message(ctx),
              "t.csv:2:7: unit 'USD m' (expected 'EUR m' or 'in % of total')");
    mvec_observations_free(ctx, o);
}

static void test_aiddata(void)
{
    mvec_observations *o = load("ccode,year,oof_amt,oof_adj,oda_amt,oda_adj,vof_amt,vof_adj\n"
                                "705,2008,12552952613.83346,12552952613.83346,1,2,0,0\n",
                                NULL, MVEC_OK);
    CHECK(mvec_observations_count(o) == 6);
    const mvec_observation *r = find(o, "KAZ", "CHN", "finance.official", "commitment", 2008);
    CHECK(r != NULL && same(r->value, 12552952613.83346) && strcmp(r->unit, "USD 2021") == 0 &&
          strcmp(r->item, "OOF-like") == 0);
    mvec_observations_free(ctx, o);
    o = load("gwcode,year,oof_amt,oof_adj,oda_amt,oda_adj,vof_amt,vof_adj\n705,2008,1,1,1,1,1,1\n",
             "aiddata", MVEC_ERR_SCHEMA);
    CHECK(strstr(mvec_ctx_error_message(ctx), "cow_gcdf.csv") != NULL);
    mvec_observations_free(ctx, o);
}

int main(void)
{
    ctx = mvec_ctx_new(NULL, NULL);
    if (mvec_countries_open(ctx, NULL, &countries) != MVEC_OK) {
        fprintf(stderr, "%s\n", mvec_ctx_error_message(ctx));
        return 1;
    }
    test_code_tables();
    test_sipri();
    test_unctad();
    test_wiiw();
    test_aiddata();
    mvec_countries_free(ctx, countries);
    CHECK(mvec_ctx_memory(ctx).current_bytes == 0);
    mvec_ctx_free(ctx);
    return test_report("test_import_armsfdi");
}
