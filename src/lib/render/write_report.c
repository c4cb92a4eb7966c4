/*
 * write_report.c - mvec_report_write: the HTML report (mvec_report.h).
 *
 * One document in sections: summary, profile (bloc shares; balance and
 * concentration), trends (great powers' shares by year, trend chart, balance
 * triangle), claim checks, scenarios (fan charts, bands), sources. Tables
 * come from the column model (the same results the text, CSV and JSON
 * writers print) through render_html.c; the source list from
 * report_sources.c; charts from report_charts.c.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "report_internal.h"

typedef struct report {
    mvec_ctx *ctx;
    const mvec_report_input *in;
    const mvec_bloc_scheme *scheme;
    const mvec_country *country;
    mvec__report_sources sources;
    mvec__buf *out;
    mvec__buf scratch;
    size_t charts;   /* charts drawn so far: their id prefixes */
    size_t section;  /* sections written so far: their numbers */
} report;

static mvec_status put(report *r, const char *html)
{
    return mvec__buf_puts(r->ctx, r->out, html);
}

static mvec_status put_text(report *r, const char *text)
{
    return mvec__html_escape(r->ctx, r->out, text);
}

/* ---- charts --------------------------------------------------------------------------------- */

typedef enum chart_kind { CHART_BLOCS = 0, CHART_TREND, CHART_TRIANGLE, CHART_FAN } chart_kind;

typedef struct chart_request {
    chart_kind kind;
    const mvec_trend *const *trends;
    size_t trend_count;
    const mvec_simulation *simulation;
    const char *const *metrics;
    size_t metric_count;
} chart_request;

/* A <figure> with the chart and its caption; a chart the data cannot make becomes a note. */
static mvec_status chart(report *r, const chart_request *c, const char *caption)
{
    mvec_status status = MVEC_OK;
    char id[32];
    if (r->in->flags & MVEC_REPORT_NO_CHARTS)
        return MVEC_OK;
    snprintf(id, sizeof id, "c%zu", ++r->charts);
    size_t start = r->out->length;
    static const char *const KIND[] = {"blocs", "trend", "triangle", "fan"};
    MVEC_TRY(mvec__buf_printf(r->ctx, r->out, "<figure class=\"chart chart-%s\" id=\"%s\">\n",
                              KIND[c->kind], id));
    switch (c->kind) {
    case CHART_BLOCS:
        status = mvec__report_chart_blocs(r->ctx, r->in->profile, id, r->out);
        break;
    case CHART_TREND:
        status = mvec__report_chart_trend(r->ctx, c->trends, c->trend_count, r->scheme, id,
                                          r->out);
        break;
    case CHART_TRIANGLE:
        status = mvec__report_chart_triangle(r->ctx, c->trends, c->trend_count, r->scheme, id,
                                             r->out);
        break;
    case CHART_FAN:
        status = mvec__report_chart_fan(r->ctx, c->simulation, c->metrics, c->metric_count,
                                        r->scheme, id, r->out);
        break;
    }
    if (status == MVEC_ERR_NO_DATA || status == MVEC_ERR_INVALID) {
        r->out->length = start;
        r->out->data[start] = '\0';
        MVEC_TRY(put(r, "<p class=\"note\">No chart: "));
        MVEC_TRY(put_text(r, mvec_ctx_error_message(r->ctx)));
        status = put(r, ".</p>\n");
        goto cleanup;
    }
    if (status != MVEC_OK)
        goto cleanup;
    MVEC_TRY(put(r, "<figcaption>"));
    MVEC_TRY(put_text(r, caption));
    MVEC_TRY(put(r, "</figcaption>\n</figure>\n"));
cleanup:
    return status;
}

/* ---- header and summary --------------------------------------------------------------------- */

static mvec_status great_powers_text(report *r, mvec__buf *text)
{
    mvec_status status = MVEC_OK;
    for (size_t b = 0, n = 0; b < mvec_bloc_count(r->scheme); b++)
        if (mvec_bloc_is_great_power(r->scheme, b))
            MVEC_TRY(mvec__buf_printf(r->ctx, text, "%s%s", n++ ? ", " : "",
                                      mvec_bloc_name(r->scheme, b)));
cleanup:
    return status;
}

static mvec_status head(report *r)
{
    mvec_status status = MVEC_OK;
    mvec__buf title = MVEC__BUF_INIT(1 << 16);
    MVEC_TRY(mvec__buf_printf(r->ctx, &title, "%s (%s): multi-vector balance", r->country->name,
                              r->country->code));
    MVEC_TRY(put(r, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                    "<meta name=\"generator\" content=\"mvec "));
    MVEC_TRY(put_text(r, mvec_version()));
    MVEC_TRY(put(r, "\">\n<title>"));
    MVEC_TRY(put_text(r, title.data));
    MVEC_TRY(put(r, " — mvec report</title>\n"));
    MVEC_TRY(mvec__report_style(r->ctx, title.data, r->out));
    MVEC_TRY(put(r, "</head>\n<body>\n<header>\n<h1>"));
    MVEC_TRY(put_text(r, title.data));
    MVEC_TRY(put(r, "</h1>\n<p class=\"meta\">Bloc scheme <b>"));
    MVEC_TRY(put_text(r, mvec_bloc_scheme_name(r->scheme)));
    MVEC_TRY(put(r, "</b>, great powers "));
    mvec__buf_reset(&r->scratch);
    MVEC_TRY(mvec__buf_puts(r->ctx, &r->scratch, ""));
    MVEC_TRY(great_powers_text(r, &r->scratch));
    MVEC_TRY(put_text(r, r->scratch.data));
    MVEC_TRY(mvec__buf_printf(r->ctx, r->out,
                              ". %zu figures and %zu memberships from %zu sources "
                              "(<a href=\"#sources\">list</a>). Made by mvec ",
                              r->sources.figures, r->sources.membership_count,
                              r->sources.count));
    MVEC_TRY(put_text(r, mvec_version()));
    MVEC_TRY(put(r, "; every formula is in its docs/methods.md.</p>\n</header>\n"));
cleanup:
    mvec__buf_clear(r->ctx, &title);
    return status;
}

static mvec_status contents(report *r)
{
    mvec_status status = MVEC_OK;
    MVEC_TRY(put(r, "<nav class=\"contents\"><b>Contents</b><ol>\n"
                    "<li><a href=\"#profile\">Profile</a></li>\n"));
    if (r->in->trend_count > 0)
        MVEC_TRY(put(r, "<li><a href=\"#trends\">Trends and the balance triangle</a></li>\n"));
    if (r->in->claims != NULL)
        MVEC_TRY(put(r, "<li><a href=\"#claims\">Claim checks</a></li>\n"));
    if (r->in->scenario_count > 0)
        MVEC_TRY(put(r, "<li><a href=\"#scenarios\">Scenarios</a></li>\n"));
    MVEC_TRY(put(r, "<li><a href=\"#sources\">Sources</a></li>\n</ol></nav>\n"));
cleanup:
    return status;
}

/* ---- profile -------------------------------------------------------------------------------- */

/* The source numbers of a vector's inputs and memberships, as "3 12 40". */
static mvec_status vector_refs(report *r, const mvec_vector_profile *v, mvec__buf *text)
{
    mvec_status status = MVEC_OK;
    size_t *numbers = NULL;
    size_t count = v->input_count + v->membership_count;
    MVEC_TRY(mvec__calloc(r->ctx, count ? count : 1, sizeof *numbers, &numbers));
    for (size_t i = 0; i < v->input_count; i++)
        numbers[i] = mvec__report_source_of(r->ctx, &r->sources, v->inputs[i]);
    for (size_t i = 0; i < v->membership_count; i++)
        numbers[v->input_count + i] =
            mvec__report_membership_source(r->ctx, &r->sources, v->memberships[i]);
    MVEC_TRY(mvec__report_refs_text(r->ctx, numbers, count, text));
cleanup:
    mvec__free(r->ctx, numbers);
    return status;
}

/* Columns of the profile result by key; SIZE_MAX entries (a key the result lacks) dropped. */
static size_t pick(const mvec__result *p, const char *const *keys,
                   const mvec__column_type *types, size_t count, size_t *out)
{
    size_t n = 0;
    for (size_t i = 0; i < count; i++) {
        size_t c = mvec__result_find(p, keys[i], types[i]);
        if (c != SIZE_MAX)
            out[n++] = c;
    }
    return n;
}

/* One table of the profile: `columns` of the profile result, then the sources column. */
static mvec_status profile_table(report *r, const mvec__result *p, const size_t *columns,
                                 size_t count, const char *caption, const char *css_class)
{
    mvec_status status = MVEC_OK;
    mvec__result t;
    mvec__result_init(&t);
    MVEC_TRY(mvec__result_copy_columns(r->ctx, p, columns, count, &t));
    MVEC_TRY(mvec__result_column(r->ctx, &t, "sources", "sources", MVEC__COLUMN_TEXT, 1, 0, 0,
                                 MVEC__COLUMN_REFS));
    size_t vectors = mvec_profile_vector_count(r->in->profile);
    for (size_t row = 0; row < p->row_count; row++) {
        MVEC_TRY(mvec__result_copy_row(r->ctx, p, row, columns, count, &t));
        if (row < vectors) {
            MVEC_TRY(vector_refs(r, mvec_profile_vector(r->in->profile, row), &r->scratch));
            MVEC_TRY(mvec__result_text(r->ctx, &t, count, r->scratch.data));
        }
    }
    MVEC_TRY(mvec__render_html(r->ctx, &t, NULL, 0, caption, css_class, r->out));
cleanup:
    mvec__result_clear(r->ctx, &t);
    return status;
}

static mvec_status profile_section(report *r)
{
    mvec_status status = MVEC_OK;
    const mvec_profile *profile = r->in->profile;
    const mvec_composite *k = mvec_profile_composite(profile);
    mvec__result p;
    size_t *columns = NULL;
    const char **keys = NULL;
    mvec__column_type *types = NULL;
    size_t capacity = mvec_bloc_count(r->scheme) + 16;
    mvec__result_init(&p);
    MVEC_TRY(mvec__profile_result(r->ctx, profile, &p));
    MVEC_TRY(mvec__calloc(r->ctx, capacity, sizeof *columns, &columns));
    MVEC_TRY(mvec__calloc(r->ctx, capacity, sizeof *keys, &keys));
    MVEC_TRY(mvec__calloc(r->ctx, capacity, sizeof *types, &types));
    /* every column of the report's tables shows all its columns: no text-only hiding */
    for (size_t c = 0; c < p.column_count; c++) {
        p.columns[c].flags &= ~(unsigned)MVEC__COLUMN_NO_TEXT;
        if (p.columns[c].type == MVEC__COLUMN_INTERVAL && p.columns[c].scale > 99)
            p.columns[c].decimals = 1;
    }

    MVEC_TRY(mvec__buf_printf(r->ctx, r->out,
                              "<section id=\"profile\">\n<h2 class=\"first\">%zu. Profile</h2>\n",
                              ++r->section));
    MVEC_TRY(put(r, "<p>For each vector of the country's foreign relations, the year and "
                    "statistics used, each bloc's share of the vector's total and the great "
                    "powers' together (exposure), then the balance among the great powers and "
                    "the concentration on partners. Where the sources list only some partners "
                    "or disagree, a number is a range <i>a</i>–<i>b</i>: every value the data "
                    "allow. [n] refers to the <a href=\"#sources\">sources</a>.</p>\n"));
    chart_request blocs = {CHART_BLOCS, NULL, 0, NULL, NULL, 0};
    MVEC_TRY(chart(r, &blocs,
                   "Bloc shares per vector, %: solid to the lowest value the data allow, "
                   "light to the highest."));

    size_t n = 0;
    keys[n] = "vector", types[n++] = MVEC__COLUMN_TEXT;
    keys[n] = "when", types[n++] = MVEC__COLUMN_TEXT;
    keys[n] = "basis_short", types[n++] = MVEC__COLUMN_TEXT;
    for (size_t b = 0; b < mvec_bloc_count(r->scheme); b++)
        keys[n] = mvec_bloc_name(r->scheme, b), types[n++] = MVEC__COLUMN_INTERVAL;
    keys[n] = "exposure", types[n++] = MVEC__COLUMN_INTERVAL;
    size_t count = pick(&p, keys, types, n, columns);
    MVEC_TRY(profile_table(r, &p, columns, count,
                           "Bloc shares of each vector, % (exposure: the great powers' together)",
                           "profile"));

    n = 0;
    keys[n] = "vector", types[n++] = MVEC__COLUMN_TEXT;
    keys[n] = "when", types[n++] = MVEC__COLUMN_TEXT;
    keys[n] = "top_partners", types[n++] = MVEC__COLUMN_TEXT;
    keys[n] = "balance", types[n++] = MVEC__COLUMN_INTERVAL;
    keys[n] = "leader", types[n++] = MVEC__COLUMN_TEXT;
    keys[n] = "margin", types[n++] = MVEC__COLUMN_INTERVAL;
    keys[n] = "hhi", types[n++] = MVEC__COLUMN_INTERVAL;
    keys[n] = "equivalent_partners", types[n++] = MVEC__COLUMN_INTERVAL;
    keys[n] = "cr1", types[n++] = MVEC__COLUMN_INTERVAL;
    count = pick(&p, keys, types, n, columns);
    MVEC_TRY(mvec__render_html(r->ctx, &p, columns, count,
                               "Balance among the great powers and concentration on partners",
                               "balance", r->out));

    MVEC_TRY(put(r, "<p class=\"note\"><b>year</b>: * marks a period other than one calendar "
                    "year; <b>basis</b>: whose statistics (reporter: the country's own; "
                    "partner: the partners' mirror figures; third: a third party). "
                    "<b>balance</b> = 1 − normalised HHI of the great powers' shares (1: equal "
                    "reliance, 0: one power); <b>leader</b>: the great power first in every "
                    "allocation the data allow; <b>margin</b> = (first − second) ÷ the great "
                    "powers' sum; <b>HHI</b> = Σ share² over partners; <b>equivalent "
                    "partners</b> = 1 ÷ HHI; <b>CR1</b>: the largest partner's share. "
                    "docs/methods.md sections 3-6.</p>\n<p class=\"note\"><b>Ranges</b>: "));
    MVEC_TRY(put_text(r, mvec_profile_assumption(profile)));
    MVEC_TRY(put(r, ". <b>Composite weights</b>: "));
    MVEC_TRY(put_text(r, k->weights_text[0] ? k->weights_text : "(none)"));
    if (k->status != NULL) {
        MVEC_TRY(put(r, ". <b>Composite</b>: "));
        MVEC_TRY(put_text(r, k->status));
    }
    MVEC_TRY(put(r, ".</p>\n"));
    bool any = false;
    for (size_t i = 0; i < mvec_profile_vector_count(profile); i++) {
        const mvec_vector_profile *v = mvec_profile_vector(profile, i);
        if (v->status == NULL)
            continue;
        MVEC_TRY(put(r, any ? "; " : "<p class=\"note\"><b>Not computed</b>: "));
        any = true;
        MVEC_TRY(put_text(r, v->vector));
        MVEC_TRY(put(r, " ("));
        MVEC_TRY(put_text(r, v->status));
        MVEC_TRY(put(r, ")"));
    }
    if (any)
        MVEC_TRY(put(r, ".</p>\n"));
    MVEC_TRY(put(r, "</section>\n"));
cleanup:
    mvec__free(r->ctx, columns);
    mvec__free(r->ctx, keys);
    mvec__free(r->ctx, types);
    mvec__result_clear(r->ctx, &p);
    return status;
}

/* ---- trends --------------------------------------------------------------------------------- */

/* "bloc CHN share" -> "CHN". */
static void subject_short(const mvec_trend *t, char *out, size_t size)
{
    const char *s = mvec_trend_subject(t);
    if (strncmp(s, "bloc ", 5) == 0)
        s += 5;
    snprintf(out, size, "%s", s);
    size_t n = strlen(out);
    if (n > 6 && strcmp(out + n - 6, " share") == 0)
        out[n - 6] = '\0';
}

static const mvec_trend_point *point_of_year(const mvec_trend *t, int year)
{
    for (size_t i = 0; i < mvec_trend_count(t); i++)
        if (mvec_trend_at(t, i)->year == year)
            return mvec_trend_at(t, i);
    return NULL;
}

static bool computed(const mvec_trend_point *p)
{
    return p != NULL && p->status == NULL && !isnan(p->value.lo);
}

static mvec_status trend_group(report *r, const mvec_report_trends *g)
{
    mvec_status status = MVEC_OK;
    mvec__result t;
    char name[128];
    mvec__result_init(&t);
    const mvec_trend *first = g->trends[0];
    const char *vector = mvec_trend_vector(first);
    MVEC_TRY(put(r, "<h3>"));
    MVEC_TRY(put_text(r, vector));
    MVEC_TRY(put(r, "</h3>\n"));
    MVEC_TRY(mvec__result_column(r->ctx, &t, "year", "year", MVEC__COLUMN_INTEGER, 1, 0, 0, 0));
    for (size_t i = 0; i < g->count; i++) {
        subject_short(g->trends[i], name, sizeof name);
        MVEC_TRY(mvec__result_column(r->ctx, &t, name, name, MVEC__COLUMN_INTERVAL, 100, 1, 8, 0));
    }
    MVEC_TRY(mvec__result_column(r->ctx, &t, "basis", "basis", MVEC__COLUMN_TEXT, 1, 0, 0, 0));
    MVEC_TRY(mvec__result_column(r->ctx, &t, "inputs", "inputs", MVEC__COLUMN_INTEGER, 1, 0, 0,
                                 0));
    MVEC_TRY(mvec__result_column(r->ctx, &t, "sources", "sources", MVEC__COLUMN_TEXT, 1, 0, 0,
                                 MVEC__COLUMN_REFS));
    mvec__buf skipped = MVEC__BUF_INIT(1 << 20);
    for (size_t y = 0; y < mvec_trend_count(first); y++) {
        const mvec_trend_point *p0 = mvec_trend_at(first, y);
        bool any = false;
        for (size_t i = 0; i < g->count; i++)
            any = any || computed(point_of_year(g->trends[i], p0->year));
        if (!any) {
            status = mvec__buf_printf(r->ctx, &skipped, "%s%d (%s)", skipped.length ? "; " : "",
                                      p0->year, p0->status ? p0->status : "no value");
            if (status != MVEC_OK)
                break;
            continue;
        }
        if ((status = mvec__result_row(r->ctx, &t)) != MVEC_OK)
            break;
        mvec__result_number(&t, 0, p0->year);
        for (size_t i = 0; i < g->count; i++) {
            const mvec_trend_point *p = point_of_year(g->trends[i], p0->year);
            if (computed(p))
                mvec__result_interval(&t, 1 + i, p->value);
        }
        mvec__result_number(&t, g->count + 2, (double)p0->input_count);
        size_t number = mvec__report_source_named(&r->sources, p0->source);
        snprintf(name, sizeof name, "%zu", number);
        if ((status = mvec__result_text(r->ctx, &t, g->count + 1, mvec_basis_name(p0->basis))) !=
                MVEC_OK ||
            (number != 0 && (status = mvec__result_text(r->ctx, &t, g->count + 3, name)) !=
                                MVEC_OK))
            break;
        if (number == 0 && p0->source != NULL && p0->source[0] != '\0' &&
            (status = mvec__result_text(r->ctx, &t, g->count + 3, p0->source)) != MVEC_OK)
            break;
    }
    if (status == MVEC_OK) {
        mvec__buf_reset(&r->scratch);
        status = mvec__buf_printf(r->ctx, &r->scratch, "%s: the great powers' shares by year, %%",
                                  vector);
    }
    if (status == MVEC_OK)
        status = mvec__render_html(r->ctx, &t, NULL, 0, r->scratch.data, "trend", r->out);
    if (status == MVEC_OK && skipped.length > 0) {
        status = put(r, "<p class=\"note\"><b>Years without a share</b>: ");
        if (status == MVEC_OK)
            status = put_text(r, skipped.data);
        if (status == MVEC_OK)
            status = put(r, ".</p>\n");
    }
    mvec__buf_clear(r->ctx, &skipped);
    if (status != MVEC_OK)
        goto cleanup;
    chart_request line = {CHART_TREND, g->trends, g->count, NULL, NULL, 0};
    mvec__buf_reset(&r->scratch);
    MVEC_TRY(mvec__buf_printf(r->ctx, &r->scratch,
                              "%s: the great powers' shares over the years, %% (bands: the "
                              "range the data allow).",
                              vector));
    MVEC_TRY(chart(r, &line, r->scratch.data));
    if (g->triangle) {
        chart_request triangle = {CHART_TRIANGLE, g->trends, g->count, NULL, NULL, 0};
        mvec__buf_reset(&r->scratch);
        MVEC_TRY(mvec__buf_printf(
            r->ctx, &r->scratch,
            "%s: the balance triangle. Each year's great-power shares, normalised to their sum, "
            "as a point; a point near a corner means reliance on that power, the centre equal "
            "reliance.",
            vector));
        MVEC_TRY(chart(r, &triangle, r->scratch.data));
    }
cleanup:
    mvec__result_clear(r->ctx, &t);
    return status;
}

static mvec_status trends_section(report *r)
{
    mvec_status status = MVEC_OK;
    if (r->in->trend_count == 0)
        return MVEC_OK;
    MVEC_TRY(mvec__buf_printf(r->ctx, r->out,
                              "<section id=\"trends\">\n<h2>%zu. Trends and the balance "
                              "triangle</h2>\n",
                              ++r->section));
    MVEC_TRY(put(r, "<p>The great powers' shares of each vector year by year, from the "
                    "distribution the profile would use for that year (docs/methods.md "
                    "section 9); a range where the year's data leave the share open.</p>\n"));
    for (size_t i = 0; i < r->in->trend_count; i++)
        MVEC_TRY(trend_group(r, &r->in->trends[i]));
    MVEC_TRY(put(r, "</section>\n"));
cleanup:
    return status;
}

/* ---- claims --------------------------------------------------------------------------------- */

static mvec_status claims_section(report *r)
{
    mvec_status status = MVEC_OK;
    const mvec_claims *claims = r->in->claims;
    mvec__result c;
    size_t verdicts[3] = {0, 0, 0};
    mvec__result_init(&c);
    if (claims == NULL)
        return MVEC_OK;
    for (size_t i = 0; i < mvec_claims_count(claims); i++) {
        mvec_verdict v = mvec_claims_at(claims, i)->verdict;
        if ((size_t)v < 3)
            verdicts[v]++;
    }
    MVEC_TRY(mvec__claims_result(r->ctx, claims, &c));
    MVEC_TRY(mvec__buf_printf(r->ctx, r->out,
                              "<section id=\"claims\">\n<h2>%zu. Claim checks</h2>\n<p>",
                              ++r->section));
    MVEC_TRY(mvec__buf_printf(r->ctx, r->out,
                              "The seed articles' claims checked on the data (bloc scheme "
                              "of the bloc rules: "));
    MVEC_TRY(put_text(r, mvec_claims_scheme_name(claims)));
    MVEC_TRY(mvec__buf_printf(r->ctx, r->out,
                              "): %zu hold, %zu fail, %zu undecidable. A claim <i>holds</i> "
                              "when its rule is met for every allocation the data allow, "
                              "<i>fails</i> when it is met for none, and is <i>undecidable</i> "
                              "otherwise or without data (docs/methods.md section 7).</p>\n",
                              verdicts[MVEC_VERDICT_HOLDS], verdicts[MVEC_VERDICT_FAILS],
                              verdicts[MVEC_VERDICT_UNDECIDABLE]));
    MVEC_TRY(mvec__render_html_records(r->ctx, &c, r->out));
    MVEC_TRY(put(r, "</section>\n"));
cleanup:
    mvec__result_clear(r->ctx, &c);
    return status;
}

/* ---- scenarios ------------------------------------------------------------------------------ */

/* How a metric prints: fractions in %, USD in bn, indices at 3 decimals. */
static void metric_scale(const mvec_metric_info *m, double *scale, int *decimals,
                         const char **suffix)
{
    *scale = 1;
    *decimals = 2;
    *suffix = "";
    if (strcmp(m->unit, "fraction") == 0) {
        *scale = 100;
        *decimals = 1;
        *suffix = " %";
    } else if (strcmp(m->unit, "index") == 0) {
        *decimals = 3;
    } else if (strcmp(m->unit, "USD") == 0 || strstr(m->name, ".value") != NULL) {
        *scale = 1e-9; /* a currency: in billions */
    }
}

static void band_text(mvec_band b, double scale, int decimals, bool bands, char *out,
                      size_t size)
{
    char median[64], lo[64], hi[64];
    if (isnan(b.median)) {
        snprintf(out, size, "-");
        return;
    }
    mvec__fmt_fixed(median, b.median * scale, decimals);
    mvec__fmt_fixed(lo, b.p5 * scale, decimals);
    mvec__fmt_fixed(hi, b.p95 * scale, decimals);
    if (!bands || (strcmp(lo, median) == 0 && strcmp(hi, median) == 0))
        snprintf(out, size, "%s", median);
    else
        snprintf(out, size, "%s (%s–%s)", median, lo, hi);
}

/* Metrics [from, to) (one vector or commodity) as a table: a row per year. */
static mvec_status bands_table(report *r, const mvec_simulation *sim, size_t from, size_t to)
{
    mvec_status status = MVEC_OK;
    mvec__result t;
    char header[160];
    char cell[200];
    bool bands = mvec_simulation_paths(sim) > 1;
    mvec__result_init(&t);
    MVEC_TRY(mvec__result_column(r->ctx, &t, "year", "year", MVEC__COLUMN_INTEGER, 1, 0, 0, 0));
    for (size_t m = from; m < to; m++) {
        const mvec_metric_info *info = mvec_simulation_metric(sim, m);
        double scale;
        int decimals;
        const char *suffix;
        metric_scale(info, &scale, &decimals, &suffix);
        if (scale < 1) /* a currency in billions */
            snprintf(header, sizeof header, "%s %s bn", info->label, info->unit);
        else if (strcmp(info->unit, "fraction") == 0 || strcmp(info->unit, "index") == 0)
            snprintf(header, sizeof header, "%s%s", info->label, suffix);
        else
            snprintf(header, sizeof header, "%s (%s)", info->label, info->unit);
        MVEC_TRY(mvec__result_column(r->ctx, &t, info->name, header, MVEC__COLUMN_TEXT, scale, 0,
                                     0, MVEC__COLUMN_STACK));
    }
    for (size_t y = 0; y < mvec_simulation_year_count(sim); y++) {
        MVEC_TRY(mvec__result_row(r->ctx, &t));
        mvec__result_number(&t, 0, mvec_simulation_year(sim, y));
        for (size_t m = from; m < to; m++) {
            double scale;
            int decimals;
            const char *suffix;
            metric_scale(mvec_simulation_metric(sim, m), &scale, &decimals, &suffix);
            band_text(mvec_simulation_band(sim, m, y), scale, decimals, bands, cell,
                      sizeof cell);
            MVEC_TRY(mvec__result_text(r->ctx, &t, 1 + m - from, cell));
        }
    }
    /* named by the vector, or by the metric when its name does not start with it
     * (exports.at_risk of trade.exports) */
    const mvec_metric_info *first = mvec_simulation_metric(sim, from);
    size_t stem = strlen(first->vector);
    bool named = strncmp(first->name, first->vector, stem) == 0 && first->name[stem] == '.';
    snprintf(header, sizeof header, "%s%s", named ? first->vector : first->name,
             bands ? ": median, below it the 5th-95th percentile band; first row: the data"
                   : ": first row: the data");
    MVEC_TRY(mvec__render_html(r->ctx, &t, NULL, 0, header, "bands", r->out));
cleanup:
    mvec__result_clear(r->ctx, &t);
    return status;
}

/* The fan of a vector's great-power shares, when any of them moves. */
static mvec_status fan(report *r, const mvec_simulation *sim, const char *vector)
{
    mvec_status status = MVEC_OK;
    const char *metrics[MVEC_GREAT_POWER_LIMIT];
    char names[MVEC_GREAT_POWER_LIMIT][160];
    size_t count = 0;
    bool moves = false;
    for (size_t b = 0; b < mvec_bloc_count(r->scheme) && count < MVEC_GREAT_POWER_LIMIT; b++) {
        if (!mvec_bloc_is_great_power(r->scheme, b))
            continue;
        snprintf(names[count], sizeof names[count], "%s.share.%s", vector,
                 mvec_bloc_name(r->scheme, b));
        size_t m = mvec_simulation_find_metric(sim, names[count]);
        if (m == SIZE_MAX)
            continue;
        mvec_band base = mvec_simulation_band(sim, m, 0);
        for (size_t y = 1; y < mvec_simulation_year_count(sim); y++) {
            mvec_band b2 = mvec_simulation_band(sim, m, y);
            moves = moves || fabs(b2.p5 - base.median) > 1e-12 ||
                    fabs(b2.p95 - base.median) > 1e-12 || fabs(b2.median - base.median) > 1e-12;
        }
        metrics[count] = names[count];
        count++;
    }
    if (count == 0 || !moves)
        return MVEC_OK;
    chart_request c = {CHART_FAN, NULL, 0, sim, metrics, count};
    mvec__buf_reset(&r->scratch);
    MVEC_TRY(mvec__buf_printf(r->ctx, &r->scratch,
                              "%s: the great powers' shares, %%: median over the paths and the "
                              "5th-95th percentile band.",
                              vector));
    MVEC_TRY(chart(r, &c, r->scratch.data));
cleanup:
    return status;
}

static mvec_status scenario(report *r, size_t index)
{
    mvec_status status = MVEC_OK;
    const mvec_report_scenario *s = &r->in->scenarios[index];
    const mvec_simulation *sim = s->simulation;
    size_t paths = mvec_simulation_paths(sim);
    MVEC_TRY(mvec__buf_printf(r->ctx, r->out, "<div class=\"scenario\" id=\"scenario-%zu\">\n<h3>",
                              index + 1));
    MVEC_TRY(mvec__buf_printf(r->ctx, r->out, "%zu.%zu ", r->section, index + 1));
    MVEC_TRY(put_text(r, mvec_simulation_title(sim)));
    MVEC_TRY(put(r, "</h3>\n<p class=\"meta\">"));
    if (s->file != NULL) {
        MVEC_TRY(put(r, "Script <code>"));
        MVEC_TRY(put_text(r, s->file));
        MVEC_TRY(put(r, "</code>; "));
    }
    MVEC_TRY(put_text(r, mvec_simulation_country(sim)));
    MVEC_TRY(mvec__buf_printf(r->ctx, r->out,
                              ", base year %d, %zu years simulated, %zu path%s, seed %llu.</p>\n",
                              mvec_simulation_year(sim, 0), mvec_simulation_year_count(sim) - 1,
                              paths, paths == 1 ? "" : "s",
                              (unsigned long long)mvec_simulation_seed(sim)));
    /* charts first (one per vector whose shares move), then the tables */
    size_t n = mvec_simulation_metric_count(sim);
    for (size_t m = 0; m < n;) {
        const char *vector = mvec_simulation_metric(sim, m)->vector;
        size_t end = m;
        while (end < n && strcmp(mvec_simulation_metric(sim, end)->vector, vector) == 0)
            end++;
        bool earlier = false; /* a vector's metrics may come in two groups (at risk) */
        for (size_t k = 0; k < m && !earlier; k++)
            earlier = strcmp(mvec_simulation_metric(sim, k)->vector, vector) == 0;
        if (!earlier)
            MVEC_TRY(fan(r, sim, vector));
        m = end;
    }
    for (size_t m = 0; m < n;) {
        const char *vector = mvec_simulation_metric(sim, m)->vector;
        size_t end = m;
        while (end < n && strcmp(mvec_simulation_metric(sim, end)->vector, vector) == 0)
            end++;
        MVEC_TRY(bands_table(r, sim, m, end));
        m = end;
    }
    size_t events = mvec_simulation_event_count(sim);
    if (events > 0) {
        MVEC_TRY(put(r, paths > 1 ? "<p><b>Events</b> (path 0):</p>\n<ul class=\"events\">\n"
                                  : "<p><b>Events</b>:</p>\n<ul class=\"events\">\n"));
        for (size_t i = 0; i < events; i++) {
            MVEC_TRY(put(r, "<li>"));
            MVEC_TRY(put_text(r, mvec_simulation_event(sim, i)));
            MVEC_TRY(put(r, "</li>\n"));
        }
        MVEC_TRY(put(r, "</ul>\n"));
    }
    MVEC_TRY(put(r, "<p><b>Notes</b>:</p>\n<ul class=\"notes\">\n"));
    for (size_t i = 0; i < mvec_simulation_note_count(sim); i++) {
        MVEC_TRY(put(r, "<li>"));
        MVEC_TRY(put_text(r, mvec_simulation_note(sim, i)));
        MVEC_TRY(put(r, "</li>\n"));
    }
    MVEC_TRY(put(r, "<li>the formulas: docs/methods.md section 19</li>\n</ul>\n</div>\n"));
cleanup:
    return status;
}

static mvec_status scenarios_section(report *r)
{
    mvec_status status = MVEC_OK;
    if (r->in->scenario_count == 0)
        return MVEC_OK;
    MVEC_TRY(mvec__buf_printf(r->ctx, r->out,
                              "<section id=\"scenarios\">\n<h2>%zu. Scenarios</h2>\n",
                              ++r->section));
    MVEC_TRY(put(r, "<p>Each scenario script "
                    "run year by year on the base year's data: per vector the blocs' shares, "
                    "balance, concentration and value; then exports at risk and each "
                    "commodity's volume on the corridor network (stranded: unknown capacities "
                    "as zero; stranded_low: as unlimited).</p>\n"));
    for (size_t i = 0; i < r->in->scenario_count; i++)
        MVEC_TRY(scenario(r, i));
    MVEC_TRY(put(r, "</section>\n"));
cleanup:
    return status;
}

/* ---- sources -------------------------------------------------------------------------------- */

static mvec_status sources_section(report *r)
{
    mvec_status status = MVEC_OK;
    MVEC_TRY(mvec__buf_printf(r->ctx, r->out, "<section id=\"sources\">\n<h2>%zu. Sources</h2>\n",
                              ++r->section));
    MVEC_TRY(mvec__buf_printf(r->ctx, r->out,
                              "<p>Every publication behind the %zu figures and %zu memberships "
                              "of ",
                              r->sources.figures, r->sources.membership_count));
    MVEC_TRY(put_text(r, r->country->name));
    MVEC_TRY(put(r, " loaded, with the vectors and years of its figures and the wording quoted "
                    "from it; [quality] as the data mark it. The figures themselves: "
                    "<code>mvec sources</code>.</p>\n<p class=\"note\"><b>Read from</b>: "));
    for (size_t i = 0; i < r->sources.file_count; i++) {
        MVEC_TRY(put(r, i ? ", " : ""));
        MVEC_TRY(put(r, "<code>"));
        MVEC_TRY(put_text(r, r->sources.files[i]));
        MVEC_TRY(put(r, "</code>"));
    }
    MVEC_TRY(put(r, r->sources.file_count ? ".</p>\n" : "no file.</p>\n"));
    MVEC_TRY(mvec__report_sources_write(r->ctx, &r->sources, r->out));
    MVEC_TRY(put(r, "</section>\n"));
cleanup:
    return status;
}

/* ---- the document --------------------------------------------------------------------------- */

static mvec_status check_input(mvec_ctx *ctx, const mvec_report_input *in)
{
    if (in->profile == NULL || in->observations == NULL)
        return mvec__error(ctx, MVEC_ERR_INVALID, "a report needs a profile and its observations");
    const mvec_country *country = mvec_profile_country(in->profile);
    for (size_t i = 0; i < in->trend_count; i++) {
        const mvec_report_trends *g = &in->trends[i];
        if (g->count == 0 || g->trends == NULL)
            return mvec__error(ctx, MVEC_ERR_INVALID, "trend group %zu of the report is empty",
                               i + 1);
        for (size_t k = 0; k < g->count; k++) {
            const mvec_trend *t = g->trends[k];
            if (t == NULL)
                return mvec__error(ctx, MVEC_ERR_INVALID, "trend %zu of group %zu is NULL",
                                   k + 1, i + 1);
            if (mvec_trend_country(t) != country ||
                strcmp(mvec_trend_dimension(t), "share") != 0 ||
                strcmp(mvec_trend_vector(t), mvec_trend_vector(g->trends[0])) != 0)
                return mvec__error(ctx, MVEC_ERR_INVALID,
                                   "trend %zu of group %zu is not a share of %s in %s", k + 1,
                                   i + 1, mvec_trend_vector(g->trends[0]), country->code);
        }
    }
    for (size_t i = 0; i < in->scenario_count; i++)
        if (in->scenarios[i].simulation == NULL)
            return mvec__error(ctx, MVEC_ERR_INVALID, "scenario %zu of the report is NULL", i + 1);
    return MVEC_OK;
}

mvec_status mvec_report_write(mvec_ctx *ctx, const mvec_report_input *input,
                              const mvec_sink *sink)
{
    mvec_status status = MVEC_OK;
    mvec__buf out = MVEC__BUF_INIT(MVEC__OUTPUT_MAX);
    mvec_report_input given = MVEC_REPORT_INPUT_INIT;
    report r;
    memset(&r, 0, sizeof r);
    r.scratch = (mvec__buf)MVEC__BUF_INIT(1 << 24);
    if (input == NULL)
        MVEC_FAIL(ctx, MVEC_ERR_INVALID, "no report input");
    MVEC_TRY(mvec__options_read(ctx, "mvec_report_input", "MVEC_REPORT_INPUT_INIT", &given,
                                sizeof given, MVEC__SIZE_TO(mvec_report_input, flags), input));
    MVEC_TRY(check_input(ctx, &given));
    r.ctx = ctx;
    r.in = &given;
    r.scheme = mvec_profile_scheme(given.profile);
    r.country = mvec_profile_country(given.profile);
    r.out = &out;
    MVEC_TRY(mvec__report_sources_build(ctx, given.observations, given.memberships, r.country,
                                        &r.sources));
    MVEC_TRY(head(&r));
    MVEC_TRY(contents(&r));
    MVEC_TRY(put(&r, "<main>\n"));
    MVEC_TRY(profile_section(&r));
    MVEC_TRY(trends_section(&r));
    MVEC_TRY(claims_section(&r));
    MVEC_TRY(scenarios_section(&r));
    MVEC_TRY(sources_section(&r));
    MVEC_TRY(put(&r, "</main>\n</body>\n</html>\n"));
    MVEC_TRY(mvec__sink_emit(ctx, sink, &out));
cleanup:
    mvec__report_sources_clear(ctx, &r.sources);
    mvec__buf_clear(ctx, &r.scratch);
    mvec__buf_clear(ctx, &out);
    return status;
}
