/*
 * test_observations.c - the long-format and Bureau-table loaders: every
 * validation message with its file:line:column, a failed load leaving the
 * store unchanged, the embedded dataset's provenance rules, and the table
 * of importers (one default, last; each signature recognised as its own).
 */
#include <mvec/mvec.h>

#include "import/code_map.h"
#include "import/importers.h"
#include "test.h"

static mvec_ctx *ctx;
static mvec_countries *countries;

static const char HEADER[] = "country,partner,vector,indicator,year,value,unit,basis,source\n";

/* Load HEADER + `rows`; expect `status` and, on failure, `message`. */
static void expect_load(const char *rows, mvec_status expected, const char *message)
{
    char text[2048];
    snprintf(text, sizeof text, "%s%s", HEADER, rows);
    mvec_observations *o = NULL;
    mvec_observations_new(ctx, countries, &o);
    CHECK_STATUS(mvec_observations_load_text(ctx, o, "t.csv", text, strlen(text), NULL),
                 expected);
    if (message != NULL)
        CHECK_STR(mvec_ctx_error_message(ctx), message);
    if (expected != MVEC_OK)
        CHECK(mvec_observations_count(o) == 0);
    mvec_observations_free(ctx, o);
}

static void test_long_format(void)
{
    expect_load("KAZ,CHN,trade.total,value,2022,24.1,USD bn,reporter,Trend\n", MVEC_OK, NULL);
    expect_load("KAZ,CHN,trade.total,value,2022,\"24,1\",USD bn,reporter,Trend\n",
                MVEC_ERR_PARSE,
                "t.csv:2:6: invalid number '24,1': comma in number (use '.' for decimals and no "
                "thousands separators)");
    expect_load("KAZ,CHN,trade.total,value,2022,,USD bn,reporter,Trend\n", MVEC_ERR_PARSE,
                "t.csv:2:6: invalid number '': empty value");
    expect_load("KAZ,Narnia,trade.total,value,2022,1,USD bn,reporter,Trend\n", MVEC_ERR_PARSE,
                "t.csv:2:2: unknown partner 'Narnia' (a country code or name, an organisation, "
                "WLD or OTH)");
    expect_load("EU,CHN,trade.total,value,2022,1,USD bn,reporter,Trend\n", MVEC_ERR_PARSE,
                "t.csv:2:1: unknown country 'EU'");
    expect_load("KAZ,CHN,Trade Total,value,2022,1,USD bn,reporter,Trend\n", MVEC_ERR_PARSE,
                "t.csv:2:3: invalid vector 'Trade Total' (lower-case words joined by '.', e.g. "
                "trade.exports)");
    expect_load("KAZ,CHN,trade.total,value,22,1,USD bn,reporter,Trend\n", MVEC_ERR_PARSE,
                "t.csv:2:5: invalid year '22' (a whole year from 1900 to 2100)");
    expect_load("KAZ,CHN,trade.total,value,2022,1,USD bn,official,Trend\n", MVEC_ERR_PARSE,
                "t.csv:2:8: basis must be reporter, partner, third_party or unstated, not "
                "'official'");
    expect_load("KAZ,CHN,trade.total,value,2022,1,USD bn,reporter,\n", MVEC_ERR_PARSE,
                "t.csv:2:9: empty source (every figure needs one)");
    expect_load("KAZ,CHN,trade.total,value,2022,1,USD bn,reporter\n", MVEC_ERR_PARSE,
                "t.csv:2:9: expected 9 fields, found 8");
    /* the first rows are good, the third is not: nothing may stay loaded */
    expect_load("KAZ,CHN,trade.total,value,2022,1,USD bn,reporter,A\n"
                "KAZ,RUS,trade.total,value,2022,2,USD bn,reporter,A\n"
                "KAZ,RUS,trade.total,value,2022,2,parsecs,reporter,A\n",
                MVEC_ERR_PARSE, NULL);
    CHECK(strncmp(mvec_ctx_error_message(ctx), "t.csv:4:7: unknown unit 'parsecs' (known units:",
                  47) == 0);

    mvec_observations *o = NULL;
    mvec_observations_new(ctx, countries, &o);
    const char missing[] = "country,partner,vector,indicator,year,value,basis,source\n";
    CHECK_STATUS(mvec_observations_load_text(ctx, o, "m.csv", missing, sizeof missing - 1, NULL),
                 MVEC_ERR_SCHEMA);
    CHECK_STR(mvec_ctx_error_message(ctx), "m.csv:1:1: missing required column 'unit'");
    const char unknown[] = "country,partner,colour\n";
    CHECK_STATUS(mvec_observations_load_text(ctx, o, "u.csv", unknown, sizeof unknown - 1, NULL),
                 MVEC_ERR_SCHEMA);
    CHECK(strncmp(mvec_ctx_error_message(ctx),
                  "u.csv:1:3: unknown column 'colour' (columns are: country, partner,", 64) == 0);
    CHECK_STATUS(mvec_observations_load_text(ctx, o, "e.csv", "", 0, NULL), MVEC_ERR_SCHEMA);
    CHECK_STR(mvec_ctx_error_message(ctx), "e.csv: empty file (no header row)");
    CHECK_STATUS(mvec_observations_load_file(ctx, o, "/nonexistent/x.csv", NULL), MVEC_ERR_IO);
    CHECK_STR(mvec_ctx_error_message(ctx),
              "cannot open '/nonexistent/x.csv': No such file or directory");
    mvec_observations_free(ctx, o);
}

static void test_bns_table(void)
{
    /* a hand-made table in the Bureau's layout (values invented for the test) */
    const char table[] =
        "year,release,latest,label_ru,row_type,aggregate,partner_iso3,turnover_kusd,"
        "turnover_share_pct,exports_kusd,exports_share_pct,imports_kusd,imports_share_pct\n"
        "2023,2023,1,Всего,aggregate,total,,1000,100,600,100,400,100\n"
        "2023,2023,1,Россия,country,,RUS,500,50,200,33.33333,300,75\n"
        "2023,2023,1,Китай,country,,,500,50,400,66.66667,100,25\n"
        "2022,2023,0,Китай,country,,CHN,10,1,,,10,1\n";
    mvec_observations *o = NULL;
    mvec_input_format format = MVEC_INPUT_LONG;
    mvec_observations_new(ctx, countries, &o);
    CHECK_STATUS(mvec_observations_load_text(ctx, o, "bns.csv", table, sizeof table - 1, &format),
                 MVEC_OK);
    CHECK(format == MVEC_INPUT_BNS_TRADE);
    /* 3 rows x 3 flows x (value + share), plus the superseded row's 4 cells */
    CHECK(mvec_observations_count(o) == 22);
    const mvec_observation *first = mvec_observations_at(o, 0);
    CHECK_STR(first->partner->code, "WLD");
    CHECK_STR(first->vector, "trade.total");
    CHECK_STR(first->unit, "USD k");
    CHECK_NEAR(first->base_value, 1000e3, 0);
    const mvec_observation *china = mvec_observations_at(o, 12); /* label only: Китай */
    CHECK_STR(china->partner->code, "CHN");
    const mvec_observation *last = mvec_observations_at(o, 21);
    CHECK(last->superseded);
    mvec_observations_free(ctx, o);
}

static void test_importer_table(void)
{
    size_t count = 0;
    const mvec__importer *const *importers = mvec__importers(&count);
    CHECK(count >= 2 && count == mvec_importer_count());
    CHECK(importers[count - 1] == &MVEC__IMPORT_OBSERVATIONS_CSV); /* the default, tried last */
    CHECK(importers[count - 1]->signature == NULL);
    for (size_t i = 0; i < count; i++) {
        const mvec__importer *im = importers[i];
        CHECK(im->name != NULL && im->summary != NULL && im->row != NULL && im->columns != NULL);
        CHECK(mvec__importer_named(im->name) == im);
        CHECK(strcmp(mvec_importer_name(i), im->name) == 0);
        for (size_t j = 0; j < i; j++) {
            CHECK(strcmp(im->name, importers[j]->name) != 0);
            CHECK(im->format == MVEC_INPUT_OTHER || im->format != importers[j]->format);
        }
        if (im->signature == NULL) /* named only (or the default) */
            continue;
        /* a file with just the signature as header is recognised as this format
         * and has every signature field bound to a column */
        char header[1024] = "";
        for (size_t k = 0; k < im->signature_count; k++) {
            bool known = false;
            for (size_t c = 0; c < im->column_count; c++)
                known = known || strcmp(im->columns[c].name, im->signature[k]) == 0 ||
                        strcmp(im->columns[c].name, MVEC__TABLE_OTHER_COLUMNS) == 0;
            CHECK(known);
            strcat(header, k ? "," : "");
            strcat(header, im->signature[k]);
        }
        strcat(header, "\n");
        mvec_observations *o = NULL;
        mvec_input_format format = importers[count - 1]->format; /* not this one */
        mvec_observations_new(ctx, countries, &o);
        CHECK_STATUS(mvec_observations_load_text(ctx, o, "h.csv", header, strlen(header), &format),
                     MVEC_OK);
        CHECK(format == im->format);
        mvec_observations_free(ctx, o);
    }
    CHECK(mvec__importer_named("bns") == &MVEC__IMPORT_BNS_TABLE);
    CHECK(mvec__importer_named("nonesuch") == NULL);
    CHECK_STR(importers[count - 1]->name, "obs");

    /* a named format is read as that format whatever the header; an unknown name is refused */
    mvec_observations *named = NULL;
    mvec_observations_new(ctx, countries, &named);
    const char *used = NULL;
    CHECK_STATUS(mvec_observations_import_text(ctx, named, "n.csv", HEADER, sizeof HEADER - 1,
                                               "bns", &used),
                 MVEC_ERR_SCHEMA);
    CHECK(strncmp(mvec_ctx_error_message(ctx), "n.csv:1:1: unknown column 'country'", 35) == 0);
    CHECK_STATUS(mvec_observations_import_text(ctx, named, "n.csv", HEADER, sizeof HEADER - 1,
                                               "obs", &used),
                 MVEC_OK);
    CHECK_STR(used, "obs");
    CHECK_STATUS(mvec_observations_import_text(ctx, named, "n.csv", HEADER, sizeof HEADER - 1,
                                               "xlsx", &used),
                 MVEC_ERR_INVALID);
    CHECK_STR(mvec_ctx_error_message(ctx), "unknown input format 'xlsx'");
    mvec_observations_free(ctx, named);

    /* the signature is the exact header: the Bureau's columns in another order
     * are read as the default format, which names the first column it lacks */
    const char swapped[] =
        "release,year,latest,label_ru,row_type,aggregate,partner_iso3,turnover_kusd,"
        "turnover_share_pct,exports_kusd,exports_share_pct,imports_kusd,imports_share_pct\n";
    mvec_observations *o = NULL;
    mvec_observations_new(ctx, countries, &o);
    CHECK_STATUS(mvec_observations_load_text(ctx, o, "s.csv", swapped, sizeof swapped - 1, NULL),
                 MVEC_ERR_SCHEMA);
    CHECK(strncmp(mvec_ctx_error_message(ctx), "s.csv:1:1: unknown column 'release'", 35) == 0);
    mvec_input_format format = MVEC_INPUT_BNS_TRADE;
    CHECK_STATUS(mvec_observations_load_text(ctx, o, "l.csv", HEADER, sizeof HEADER - 1, &format),
                 MVEC_OK);
    CHECK(format == MVEC_INPUT_LONG);
    mvec_observations_free(ctx, o);
}

/* Every code table in data/codes/ loads and names registry countries only;
 * COW 365 is the Soviet Union until 1991 and Russia after; an unknown code is
 * not found; a code mapped to nothing is found as NULL. */
static void test_code_maps(void)
{
    mvec__code_map map;
    CHECK_STATUS(mvec__code_map_load(ctx, countries, "cow", &map), MVEC_OK);
    const mvec_country *c = NULL;
    CHECK(mvec__code_map_find(&map, "365", 1991, &c) && c != NULL);
    CHECK_STR(c->code, "SUN");
    CHECK(mvec__code_map_find(&map, "365", 1992, &c) && c != NULL);
    CHECK_STR(c->code, "RUS");
    CHECK(mvec__code_map_find(&map, "705", 0, &c) && c != NULL);
    CHECK_STR(c->code, "KAZ");
    CHECK(mvec__code_map_find(&map, "817", 1970, &c) && c == NULL);
    CHECK(!mvec__code_map_find(&map, "99999", 2000, &c));
    mvec__code_map_clear(ctx, &map);
    CHECK_STATUS(mvec__code_map_load(ctx, countries, "nonesuch", &map), MVEC_ERR_INTERNAL);
    for (size_t i = 0; i < mvec__embedded_count(); i++) {
        const mvec__embedded_file *file = mvec__embedded_at(i);
        char system[64];
        if (sscanf(file->path, "data/codes/%63[^.].csv", system) != 1)
            continue;
        CHECK_STATUS(mvec__code_map_load(ctx, countries, system, &map), MVEC_OK);
        mvec__code_map_clear(ctx, &map);
    }

    mvec__unmapped unmapped = {.index = MVEC__STRMAP_INIT};
    CHECK_STATUS(mvec__unmapped_add(ctx, &unmapped, "817", true, 5), MVEC_OK);
    CHECK_STATUS(mvec__unmapped_add(ctx, &unmapped, "999", false, 7), MVEC_OK);
    CHECK_STATUS(mvec__unmapped_add(ctx, &unmapped, "817", true, 9), MVEC_OK);
    CHECK(unmapped.count == 2 && unmapped.entries[0].rows == 2);
    mvec__unmapped_clear(ctx, &unmapped);
}

static void test_embedded(void)
{
    mvec_observations *o = NULL;
    mvec_observations_new(ctx, countries, &o);
    CHECK_STATUS(mvec_observations_load_embedded(ctx, o), MVEC_OK);
    size_t n = mvec_observations_count(o);
    CHECK(n > 300);
    size_t seeds = 0;
    for (size_t i = 0; i < n; i++) {
        const mvec_observation *r = mvec_observations_at(o, i);
        CHECK(r->source[0] != '\0');
        if (r->seed[0] != '\0') {
            seeds++;
            CHECK(r->quote[0] != '\0');  /* seed figures carry the seed's wording */
            CHECK(r->source_date[0] != '\0');
        } else {
            CHECK(r->url[0] != '\0');    /* research figures carry a URL ... */
            CHECK(r->quality[0] != '\0'); /* ... and a quality flag */
        }
    }
    CHECK(seeds >= 30);
    mvec_observations_free(ctx, o);
}

int main(void)
{
    ctx = mvec_ctx_new(NULL, NULL);
    if (mvec_countries_open(ctx, NULL, &countries) != MVEC_OK) {
        fprintf(stderr, "%s\n", mvec_ctx_error_message(ctx));
        return 1;
    }
    test_long_format();
    test_bns_table();
    test_importer_table();
    test_code_maps();
    test_embedded();
    mvec_countries_free(ctx, countries);
    CHECK(mvec_ctx_memory(ctx).current_bytes == 0);
    mvec_ctx_free(ctx);
    return test_report("test_observations");
}
