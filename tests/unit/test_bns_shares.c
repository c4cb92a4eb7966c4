/*
 * test_bns_shares.c - with the Bureau of National Statistics table loaded
 * and the embedded data left out, every partner share mvec computes (value
 * / total) must round to the share the Bureau published, at the precision
 * it published: 5 decimals for 2019-2023, mostly 1 decimal in the
 * preliminary 2018 sheet. The published shares are read here by a separate,
 * minimal CSV split, not by mvec's loader.
 *
 * Always run on the slice shipped in examples/data (2021-2023, 1,338
 * published shares); run on the full 2018-2023 table too (2,603 shares)
 * when the shared datasets are there (../shared/data or $MVEC_DATA_DIR).
 * The expected counts were counted from the files by a short Python script
 * (csv module: country rows, latest = 1, non-empty share cells).
 */
#include <mvec/mvec.h>

#include "test.h"

enum { MAX_FIELDS = 16 };

/* Split one CSV line (quotes allowed, no embedded newlines) in place. */
static int split(char *line, char **fields)
{
    int n = 0;
    char *p = line;
    while (n < MAX_FIELDS) {
        if (*p == '"') {
            fields[n++] = ++p;
            char *out = p;
            while (*p && !(*p == '"' && p[1] != '"')) {
                if (*p == '"')
                    p++;
                *out++ = *p++;
            }
            if (*p == '"')
                p++;
            *out = '\0';
            if (*p == ',') {
                *p = '\0';
                p++;
            }
        } else {
            fields[n++] = p;
            p += strcspn(p, ",\n");
            char end = *p;
            *p = '\0';
            if (end != ',')
                break;
            p++;
        }
    }
    return n;
}

static const char *FLOWS[3] = {"trade.total", "trade.exports", "trade.imports"};

enum { FIRST_YEAR = 2018, LAST_YEAR = 2023, YEARS = LAST_YEAR - FIRST_YEAR + 1 };

/* Compare every published share of the table at `path` (years first..last)
 * with mvec's; return how many were compared, and how many to 5 decimals. */
static size_t check_table(const char *path, int first, int last, size_t *at_five)
{
    FILE *file = fopen(path, "r");
    CHECK(file != NULL);
    if (file == NULL)
        return 0;
    mvec_ctx *ctx = mvec_ctx_new(NULL, NULL);
    mvec_countries *countries = NULL;
    mvec_bloc_scheme *scheme = NULL;
    mvec_observations *observations = NULL;
    if (mvec_countries_open(ctx, NULL, &countries) != MVEC_OK ||
        mvec_bloc_scheme_builtin(ctx, countries, "powers", &scheme) != MVEC_OK ||
        mvec_observations_new(ctx, countries, &observations) != MVEC_OK ||
        mvec_observations_load_file(ctx, observations, path, NULL) != MVEC_OK) {
        fprintf(stderr, "%s\n", mvec_ctx_error_message(ctx));
        exit(1);
    }
    mvec_profile *profiles[YEARS][3] = {{NULL}};
    for (int year = first; year <= last; year++)
        for (int f = 0; f < 3; f++) {
            mvec_profile_options options = MVEC_PROFILE_OPTIONS_INIT;
            options.year = year;
            options.vector = FLOWS[f];
            CHECK_STATUS(mvec_profile_build(ctx, observations, scheme, NULL, &options,
                                            &profiles[year - FIRST_YEAR][f]),
                         MVEC_OK);
        }
    char line[4096];
    char *fields[MAX_FIELDS];
    size_t compared = 0;
    *at_five = 0;
    if (fgets(line, sizeof line, file) == NULL) /* header */
        line[0] = '\0';
    while (fgets(line, sizeof line, file) != NULL) {
        if (split(line, fields) < 13)
            continue;
        int year = atoi(fields[0]);
        if (strcmp(fields[2], "1") != 0 || strcmp(fields[4], "country") != 0)
            continue;
        CHECK(year >= first && year <= last);
        if (year < first || year > last)
            continue;
        const mvec_country *partner = mvec_countries_find(countries, fields[6]);
        CHECK(partner != NULL);
        for (int f = 0; f < 3 && partner != NULL; f++) {
            const char *published = fields[8 + 2 * f];
            if (published[0] == '\0')
                continue;
            const char *dot = strchr(published, '.');
            int decimals = dot ? (int)strlen(dot + 1) : 0;
            if (year >= 2019 && decimals < 5)
                decimals = 5; /* trailing zeros were dropped in the file */
            const mvec_vector_profile *v = mvec_profile_vector(profiles[year - FIRST_YEAR][f], 0);
            double share = NAN;
            for (size_t i = 0; v != NULL && i < v->partner_count; i++)
                if (v->partners[i].partner == partner) {
                    CHECK_NEAR(v->partners[i].share.lo, v->partners[i].share.hi, 0);
                    share = v->partners[i].share.lo * 100;
                }
            double scale = pow(10, decimals);
            double rounded = round(share * scale) / scale;
            CHECK_NEAR(rounded, atof(published), 0.5 / scale * 1e-6);
            compared++;
            *at_five += decimals == 5 ? 1u : 0u;
        }
    }
    fclose(file);
    for (int y = 0; y < YEARS; y++)
        for (int f = 0; f < 3; f++)
            mvec_profile_free(ctx, profiles[y][f]);
    mvec_observations_free(ctx, observations);
    mvec_bloc_scheme_free(ctx, scheme);
    mvec_countries_free(ctx, countries);
    CHECK(mvec_ctx_memory(ctx).current_bytes == 0);
    mvec_ctx_free(ctx);
    return compared;
}

int main(void)
{
    /* The shipped slice: the test runs from the repository root. */
    size_t at_five = 0;
    size_t compared =
        check_table("examples/data/kaz_trade_by_partner_2021_2023.csv", 2021, 2023, &at_five);
    printf("test_bns_shares: slice: %zu published shares reproduced (%zu to 5 decimals)\n",
           compared, at_five);
    CHECK(compared == 1338);
    CHECK(at_five == 1338);

    char path[1024];
    snprintf(path, sizeof path, "%s/kaz-bns-trade-by-partner/kaz_trade_by_partner_2018_2023.csv",
             test_data_dir());
    FILE *full = fopen(path, "r");
    if (full != NULL) {
        fclose(full);
        compared = check_table(path, FIRST_YEAR, LAST_YEAR, &at_five);
        printf("test_bns_shares: full table: %zu published shares reproduced (%zu to 5 "
               "decimals)\n",
               compared, at_five);
        CHECK(compared == 2603);
        CHECK(at_five == 2180);
    } else {
        printf("test_bns_shares: full table not checked (no %s)\n", path);
    }
    return test_report("test_bns_shares");
}
