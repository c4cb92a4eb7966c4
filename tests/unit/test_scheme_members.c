/*
 * test_scheme_members.c - bloc-scheme rows naming an organisation: the EU's
 * and the EAEU's members of each year fall in the row's bloc (the dates are
 * those of data/memberships.csv: UK left on 31 January 2020, Austria joined
 * in 1995, Armenia on 2 January 2015); a member's own row wins; ties that
 * are not membership (Kazakhstan's 2020 agreement with the EU) do not count.
 */
#include <mvec/mvec.h>
#include <stdlib.h>
#include <unistd.h>

#include "test.h"

static mvec_ctx *ctx;
static mvec_countries *countries;

static mvec_bloc_scheme *load(const char *text)
{
    char path[] = "/tmp/mvec_scheme_XXXXXX";
    int fd = mkstemp(path);
    if (fd < 0)
        return NULL;
    size_t length = strlen(text);
    bool written = write(fd, text, length) == (ssize_t)length;
    close(fd);
    mvec_bloc_scheme *scheme = NULL;
    mvec_status status =
        written ? mvec_bloc_scheme_load(ctx, countries, path, &scheme) : MVEC_ERR_IO;
    unlink(path);
    if (status != MVEC_OK)
        fprintf(stderr, "%s\n", mvec_ctx_error_message(ctx));
    return scheme;
}

static const char *bloc_in(const mvec_bloc_scheme *scheme, const char *code, int year)
{
    const mvec_country *c = mvec_countries_find(countries, code);
    return c ? mvec_bloc_name(scheme, mvec_bloc_of_year(scheme, c, year)) : "?";
}

int main(void)
{
    ctx = mvec_ctx_new(NULL, NULL);
    if (mvec_countries_open(ctx, NULL, &countries) != MVEC_OK) {
        fprintf(stderr, "%s\n", mvec_ctx_error_message(ctx));
        return 1;
    }
    mvec_bloc_scheme *scheme = load("code,bloc,great_power,rationale\n"
                                    "EU,EUB,yes,the Union\n"
                                    "EAEU,EAST,yes,\n"
                                    "FRA,FR,no,own row\n"
                                    "*,REST,no,\n");
    CHECK(scheme != NULL);
    if (scheme != NULL) {
        CHECK_STR(bloc_in(scheme, "GBR", 1972), "REST");
        CHECK_STR(bloc_in(scheme, "GBR", 1973), "EUB");
        CHECK_STR(bloc_in(scheme, "GBR", 2019), "EUB");
        CHECK_STR(bloc_in(scheme, "GBR", 2020), "REST");
        CHECK_STR(bloc_in(scheme, "AUT", 1994), "REST");
        CHECK_STR(bloc_in(scheme, "AUT", 1995), "EUB");
        CHECK_STR(bloc_in(scheme, "DEU", 1960), "EUB");
        CHECK_STR(bloc_in(scheme, "FRA", 2019), "FR"); /* own row wins */
        CHECK_STR(bloc_in(scheme, "EU", 2019), "EUB"); /* the organisation itself */
        CHECK_STR(bloc_in(scheme, "KAZ", 2014), "REST");
        CHECK_STR(bloc_in(scheme, "KAZ", 2015), "EAST");
        CHECK_STR(bloc_in(scheme, "KAZ", 2021), "EAST"); /* EU agreement 2020: not a member */
        CHECK_STR(bloc_in(scheme, "ARM", 2015), "EAST");
        CHECK_STR(bloc_in(scheme, "CHN", 2020), "REST");
        /* Without a year: today's members. */
        const mvec_country *gbr = mvec_countries_find(countries, "GBR");
        const mvec_country *deu = mvec_countries_find(countries, "DEU");
        CHECK_STR(mvec_bloc_name(scheme, mvec_bloc_of(scheme, gbr)), "REST");
        CHECK_STR(mvec_bloc_name(scheme, mvec_bloc_of(scheme, deu)), "EUB");
        CHECK_STR(mvec_bloc_rationale(scheme, deu), "member of EU: the Union");
        /* A pseudo-code follows the country it maps to (BACI 842 -> USA: not a member). */
        CHECK_STR(bloc_in(scheme, "842", 2019), "REST");
    }
    mvec_bloc_scheme_free(ctx, scheme);

    mvec_memberships *memberships = NULL;
    CHECK_STATUS(mvec_memberships_builtin(ctx, countries, &memberships), MVEC_OK);
    if (memberships != NULL) {
        const mvec_country *eu = mvec_countries_find(countries, "EU");
        const mvec_country *kaz = mvec_countries_find(countries, "KAZ");
        const mvec_country *gbr = mvec_countries_find(countries, "GBR");
        CHECK(mvec_memberships_contains(memberships, eu, kaz, 2021));
        CHECK(!mvec_memberships_is_member(memberships, eu, kaz, 2021));
        CHECK(mvec_memberships_is_member(memberships, eu, gbr, 2019));
        CHECK(!mvec_memberships_is_member(memberships, eu, gbr, 2020));
    }
    mvec_memberships_free(ctx, memberships);
    mvec_countries_free(ctx, countries);
    mvec_ctx_free(ctx);
    return test_report("test_scheme_members");
}
