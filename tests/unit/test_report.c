/*
 * test_report.c - the HTML report's parts and its writer: escaping of text and links
 * (render_html.c), ids of inlined SVG prefixed (report_charts.c), a refused input, the same
 * bytes for the same input, and every allocation of mvec_report_write failed in turn (the
 * report of a small data set with trends, claims and a scenario; tables only, so that
 * PLplot's own allocations stay out of the count). The figures themselves are checked
 * against mvec's CSV outputs by tests/cli/report_independent.sh.
 */
#include <mvec/mvec.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "render/report_internal.h"
#include "test.h"

typedef struct one_failure {
    long fail_at; /* the call that fails, counted from 1; -1: none */
    long calls;
} one_failure;

static void *fail_one_realloc(void *user, void *ptr, size_t old_size, size_t new_size)
{
    one_failure *a = user;
    (void)old_size;
    if (new_size == 0) {
        free(ptr);
        return NULL;
    }
    if (++a->calls == a->fail_at)
        return NULL;
    return realloc(ptr, new_size);
}

typedef struct text {
    char *data;
    size_t length;
} text;

static int collect(void *user, const char *data, size_t length)
{
    text *t = user;
    char *grown = realloc(t->data, t->length + length + 1);
    if (grown == NULL)
        return -1;
    memcpy(grown + t->length, data, length);
    t->length += length;
    grown[t->length] = '\0';
    t->data = grown;
    return 0;
}

static void test_escape(mvec_ctx *ctx)
{
    mvec__buf out = MVEC__BUF_INIT(1 << 16);
    CHECK_STATUS(mvec__html_escape(ctx, &out, "<a href=\"x\">&'\x01z</a>\n"), MVEC_OK);
    CHECK(strcmp(out.data, "&lt;a href=&quot;x&quot;&gt;&amp;&#39;z&lt;/a&gt;\n") == 0);
    mvec__buf_reset(&out);
    CHECK_STATUS(mvec__html_link(ctx, &out, "https://a.example/?q=1&r=2", "A & B"), MVEC_OK);
    CHECK(strcmp(out.data, "<a href=\"https://a.example/?q=1&amp;r=2\">A &amp; B</a>") == 0);
    mvec__buf_reset(&out);
    CHECK_STATUS(mvec__html_link(ctx, &out, "javascript:alert(1)", "x"), MVEC_OK);
    CHECK(strcmp(out.data, "x (javascript:alert(1))") == 0);
    CHECK(mvec__html_linkable("http://a.example/b"));
    CHECK(!mvec__html_linkable("https://a.example/\"><script>"));
    CHECK(!mvec__html_linkable("https://a.example/a b"));
    CHECK(!mvec__html_linkable("ftp://a.example/"));
    mvec__buf_clear(ctx, &out);
}

static void test_inline_svg(mvec_ctx *ctx)
{
    static const char SVG[] =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<svg viewBox=\"0 0 10 10\"><defs><g id=\"glyph0-0\"/><clipPath id=\"clip1\"/></defs>"
        "<use xlink:href=\"#glyph0-0\" clip-path=\"url(#clip1)\"/><a href=\"#clip1\"/></svg>";
    static const char WANT[] =
        "<svg viewBox=\"0 0 10 10\"><defs><g id=\"c7-glyph0-0\"/><clipPath id=\"c7-clip1\"/>"
        "</defs><use xlink:href=\"#c7-glyph0-0\" clip-path=\"url(#c7-clip1)\"/>"
        "<a href=\"#c7-clip1\"/></svg>\n";
    mvec__buf out = MVEC__BUF_INIT(1 << 16);
    CHECK_STATUS(mvec__report_inline_svg(ctx, SVG, strlen(SVG), "c7", &out), MVEC_OK);
    CHECK(out.data != NULL && strcmp(out.data, WANT) == 0);
    mvec__buf_clear(ctx, &out);
}

/* What the report is made of, built once with an allocator that does not fail. */
typedef struct parts {
    mvec_countries *countries;
    mvec_bloc_scheme *scheme;
    mvec_memberships *memberships;
    mvec_observations *observations;
    mvec_profile *profile;
    mvec_claims *claims;
    mvec_trend *trends[3];
    mvec_report_trends group;
    mvec_network *network;
    mvec_simulation *simulation;
    mvec_report_scenario scenario;
} parts;

/* Uzbekistan's exports and imports with China and Russia, 2014-2016 (invented), from a
 * publication whose name holds HTML: small, so that failing each allocation is quick. */
static mvec_status load_data(mvec_ctx *ctx, mvec_observations *observations)
{
    char csv[8192];
    size_t used = (size_t)snprintf(csv, sizeof csv,
                                   "country,partner,vector,indicator,year,value,unit,basis,scope,"
                                   "source,source_date,url,quality,quote\n");
    static const char *const VECTORS[] = {"trade.exports", "trade.imports"};
    static const char *const PARTNERS[] = {"WLD", "CHN", "RUS"};
    for (int year = 2014; year <= 2016; year++)
        for (size_t v = 0; v < 2; v++)
            for (size_t k = 0; k < 3; k++)
                used += (size_t)snprintf(
                    csv + used, sizeof csv - used,
                    "UZB,%s,%s,value,%d,%d,USD m,reporter,%s,\"A <b>&amp;</b> \"\"B\"\"\","
                    "2017,https://a.example/?x=1&y=2,official,\"it's <i>so</i>\"\n",
                    PARTNERS[k], VECTORS[v], year, k == 0 ? 100 : (int)(20 + 5 * k + year % 7),
                    k == 0 ? "" : "top");
    return mvec_observations_load_text(ctx, observations, "report.csv", csv, used, NULL);
}

static mvec_status parts_build(mvec_ctx *ctx, parts *p)
{
    static const char SCRIPT[] =
        "scenario { name = \"test <&>\", country = \"UZB\", base_year = 2016, years = 2 }\n"
        "volatility { vector = \"trade\", sd = 0.05 }\n";
    const char *powers[3] = {"RUS-EAEU", "CHN", "WEST"};
    mvec_status status = mvec_countries_open(ctx, NULL, &p->countries);
    if (status == MVEC_OK)
        status = mvec_bloc_scheme_builtin(ctx, p->countries, "powers", &p->scheme);
    if (status == MVEC_OK)
        status = mvec_memberships_builtin(ctx, p->countries, &p->memberships);
    if (status == MVEC_OK)
        status = mvec_observations_new(ctx, p->countries, &p->observations);
    if (status == MVEC_OK)
        status = load_data(ctx, p->observations);
    mvec_profile_options profile = MVEC_PROFILE_OPTIONS_INIT;
    profile.country = "UZB";
    mvec_claim_options claims = MVEC_CLAIM_OPTIONS_INIT;
    claims.country = "UZB";
    if (status == MVEC_OK)
        status = mvec_profile_build(ctx, p->observations, p->scheme, p->memberships, &profile,
                                    &p->profile);
    if (status == MVEC_OK)
        status = mvec_claims_check(ctx, p->observations, p->memberships, &claims, &p->claims);
    for (size_t i = 0; i < 3 && status == MVEC_OK; i++) {
        mvec_trend_options options = MVEC_TREND_OPTIONS_INIT;
        options.country = "UZB";
        options.vector = "trade.exports";
        options.bloc = powers[i];
        status = mvec_trend_build(ctx, p->observations, p->scheme, p->memberships, &options,
                                  &p->trends[i]);
    }
    p->group.trends = (const mvec_trend *const *)p->trends;
    p->group.count = 3;
    p->group.triangle = true;
    mvec_simulate_options options = MVEC_SIMULATE_OPTIONS_INIT;
    options.paths = 3;
    options.threads = 1;
    if (status == MVEC_OK)
        status = mvec_simulate(ctx, p->observations, p->scheme, p->network, "test.lua", SCRIPT,
                               strlen(SCRIPT), &options, &p->simulation);
    p->scenario.simulation = p->simulation;
    p->scenario.file = "test.lua";
    return status;
}

static void parts_free(mvec_ctx *ctx, parts *p)
{
    mvec_simulation_free(ctx, p->simulation);
    mvec_network_free(ctx, p->network);
    for (size_t i = 0; i < 3; i++)
        mvec_trend_free(ctx, p->trends[i]);
    mvec_claims_free(ctx, p->claims);
    mvec_profile_free(ctx, p->profile);
    mvec_observations_free(ctx, p->observations);
    mvec_memberships_free(ctx, p->memberships);
    mvec_bloc_scheme_free(ctx, p->scheme);
    mvec_countries_free(ctx, p->countries);
}

static mvec_status write_report(mvec_ctx *ctx, const parts *p, text *out)
{
    mvec_report_input input = MVEC_REPORT_INPUT_INIT;
    input.profile = p->profile;
    input.observations = p->observations;
    input.memberships = p->memberships;
    input.trends = &p->group;
    input.trend_count = 1;
    input.claims = p->claims;
    input.scenarios = &p->scenario;
    input.scenario_count = 1;
    input.flags = MVEC_REPORT_NO_CHARTS;
    mvec_sink sink = {collect, out};
    return mvec_report_write(ctx, &input, &sink);
}

int main(void)
{
    mvec_ctx *ctx = mvec_ctx_new(NULL, NULL);
    parts p;
    memset(&p, 0, sizeof p);
    test_escape(ctx);
    test_inline_svg(ctx);
    CHECK_STATUS(parts_build(ctx, &p), MVEC_OK);

    /* refused inputs: nothing written */
    text none = {NULL, 0};
    mvec_sink sink = {collect, &none};
    mvec_report_input empty = MVEC_REPORT_INPUT_INIT;
    CHECK_STATUS(mvec_report_write(ctx, &empty, &sink), MVEC_ERR_INVALID);
    mvec_report_input no_init;
    memset(&no_init, 0, sizeof no_init);
    no_init.profile = p.profile;
    no_init.observations = p.observations;
    CHECK_STATUS(mvec_report_write(ctx, &no_init, &sink), MVEC_ERR_INVALID);
    CHECK(none.length == 0);

    /* the same bytes twice; the scenario's title escaped */
    text first = {NULL, 0}, second = {NULL, 0};
    CHECK_STATUS(write_report(ctx, &p, &first), MVEC_OK);
    CHECK_STATUS(write_report(ctx, &p, &second), MVEC_OK);
    CHECK(first.length > 0 && first.length == second.length &&
          memcmp(first.data, second.data, first.length) == 0);
    CHECK(first.data != NULL && strstr(first.data, "test &lt;&amp;&gt;") != NULL);
    CHECK(first.data != NULL && strstr(first.data, "<script") == NULL);
    CHECK(first.data != NULL && strstr(first.data, "A &lt;b&gt;&amp;amp;&lt;/b&gt; &quot;B&quot;") !=
                                    NULL);
    CHECK(first.data != NULL && strstr(first.data, "it&#39;s &lt;i&gt;so&lt;/i&gt;") != NULL);
    CHECK(first.data != NULL &&
          strstr(first.data, "<a href=\"https://a.example/?x=1&amp;y=2\">") != NULL);

    /* every allocation of the writer failed in turn: MVEC_ERR_NOMEM, nothing leaked, nothing
     * written */
    one_failure counter = {-1, 0};
    mvec_ctx *failing = mvec_ctx_new(fail_one_realloc, &counter);
    text out = {NULL, 0};
    long created = counter.calls; /* the context's own allocations */
    CHECK_STATUS(write_report(failing, &p, &out), MVEC_OK);
    CHECK(out.length == first.length);
    long total = counter.calls - created;
    mvec_ctx_free(failing);
    for (long n = 1; n <= total && test_failures == 0; n++) {
        one_failure a = {-1, 0};
        failing = mvec_ctx_new(fail_one_realloc, &a);
        a.fail_at = a.calls + n;
        text partial = {NULL, 0};
        CHECK_STATUS(write_report(failing, &p, &partial), MVEC_ERR_NOMEM);
        CHECK(partial.length == 0);
        CHECK(mvec_ctx_memory(failing).current_bytes == 0);
        if (test_failures > 0)
            fprintf(stderr, "allocation %ld of %ld: %s\n", n, total,
                    mvec_ctx_error_message(failing));
        mvec_ctx_free(failing);
        free(partial.data);
    }
    printf("test_report: %ld bytes, %ld allocations, each failed in turn\n", (long)first.length,
           total);
    free(out.data);
    free(first.data);
    free(second.data);
    free(none.data);
    parts_free(ctx, &p);
    mvec_ctx_free(ctx);
    return test_report("test_report");
}
