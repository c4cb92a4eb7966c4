/*
 * test_countries.c - the registry: ISO codes from iso-codes, translated
 * names, analysts' aliases, the Bureau's spellings, trade-data pseudo-codes,
 * aggregates and organisations.
 */
#include <mvec/mvec.h>

#include "test.h"

static mvec_countries *countries;

static void expect(const char *text, const char *code)
{
    const mvec_country *c = mvec_countries_find(countries, text);
    test_checks++;
    if (c == NULL || strcmp(c->code, code) != 0) {
        test_failures++;
        fprintf(stderr, "find(\"%s\") = %s, expected %s\n", text, c ? c->code : "NULL", code);
    }
}

int main(void)
{
    mvec_ctx *ctx = mvec_ctx_new(NULL, NULL);
    mvec_status status = mvec_countries_open(ctx, NULL, &countries);
    if (status != MVEC_OK) {
        fprintf(stderr, "%s\n", mvec_ctx_error_message(ctx));
        return 1;
    }
    CHECK(mvec_countries_current_count(countries) == 249);
    expect("KAZ", "KAZ");
    expect("kaz", "KAZ");
    expect("KZ", "KAZ");
    expect("398", "KAZ");
    expect("Kazakhstan", "KAZ");
    expect("Казахстан", "KAZ");
    expect("Russia", "RUS");
    expect("Russian Federation", "RUS");
    expect("Российская Федерация", "RUS");
    expect("Россия", "RUS");
    expect("РОССИЯ", "RUS");
    expect("Türkiye", "TUR");
    expect("Turkey", "TUR");
    expect("Турция", "TUR");
    expect("Korea, Rep.", "KOR");
    expect("South Korea", "KOR");
    expect("Viet Nam", "VNM");
    expect("Vietnam", "VNM");
    expect("Кыргызстан", "KGZ");
    expect("Киргизия", "KGZ");
    expect("Соединенное Королевство", "GBR");
    expect("Тайвань (Китай)", "TWN");
    expect("Молдова, Республика", "MDA");
    expect("  united   states ", "USA");
    expect("East Timor", "TLS");
    expect("SUN", "SUN");
    expect("842", "X842");
    expect("490", "X490");
    expect("699", "X699");
    expect("EU27", "EU");
    expect("European Union", "EU");
    expect("WLD", "WLD");
    expect("EAEU", "EAEU");
    expect("BNS.CIS", "BNS.CIS");
    CHECK(mvec_countries_find(countries, "Narnia") == NULL);
    CHECK(mvec_countries_find(countries, "") == NULL);
    CHECK(mvec_countries_find(countries, "9999") == NULL);
    const mvec_country *usa_territories = mvec_countries_find(countries, "842");
    CHECK(usa_territories != NULL && strcmp(usa_territories->maps_to, "USA") == 0);
    CHECK(mvec_countries_find(countries, "SUN")->kind == MVEC_COUNTRY_FORMER);
    CHECK(mvec_countries_find(countries, "EU")->kind == MVEC_COUNTRY_ORGANISATION);

    /* a missing iso-codes directory is an I/O error that says what to do */
    mvec_countries *none = NULL;
    mvec_countries_options options = MVEC_COUNTRIES_OPTIONS_INIT;
    options.iso_codes_dir = "/nonexistent";
    CHECK_STATUS(mvec_countries_open(ctx, &options, &none), MVEC_ERR_IO);
    CHECK_STR(mvec_ctx_error_message(ctx), "cannot open '/nonexistent/iso_3166-1.json': No such file or directory (the ISO 3166 country list: install the Debian package iso-codes, or give the directory of its json files)");
    CHECK(none == NULL);

    mvec_countries_free(ctx, countries);
    CHECK(mvec_ctx_memory(ctx).current_bytes == 0);
    mvec_ctx_free(ctx);
    return test_report("test_countries");
}
