/*
 * write_trend.c - a trend (mvec_trend.h) as a table, CSV or JSON: the
 * series, then the break test and the decomposition of a change.
 *
 * Table: a heading, the series (year, share or lo-hi, basis, inputs,
 * source), then the break test block (one row per series tested: the lower
 * and upper ends when the shares are intervals) with the verdict and its
 * rule, then the explain block. CSV is one table: the parts of the change
 * with --explain, else the series (with the side of the break). JSON holds
 * everything.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "render_internal.h"

enum { TOP_PARTS = 20 }; /* parts listed in the table; the rest summed in one row */

static const char *verdict_word(mvec_verdict verdict)
{
    switch (verdict) {
    case MVEC_VERDICT_HOLDS:
        return "stable";
    case MVEC_VERDICT_FAILS:
        return "changed";
    case MVEC_VERDICT_UNDECIDABLE:
        return "undecided";
    }
    return "undecided";
}

/* `text` cut to at most `width` characters for the table, ending in an
 * ellipsis when cut; never splits a UTF-8 sequence. */
static void shorten(char *out, size_t size, const char *text, size_t width)
{
    size_t chars = 0;
    size_t i = 0;
    for (; text[i] != '\0'; i++)
        if (((unsigned char)text[i] & 0xC0) != 0x80 && ++chars > width)
            break;
    if (text[i] == '\0') {
        snprintf(out, size, "%s", text);
        return;
    }
    /* keep width - 1 characters and the ellipsis */
    size_t keep = 0;
    chars = 0;
    for (; text[keep] != '\0'; keep++)
        if (((unsigned char)text[keep] & 0xC0) != 0x80 && ++chars > width - 1)
            break;
    snprintf(out, size, "%.*s\xE2\x80\xA6", (int)keep, text);
}

enum { SOURCE_WIDTH = 30, NOTE_WIDTH = 38 };

static bool is_share(const mvec_trend *trend)
{
    return strcmp(mvec_trend_dimension(trend), "share") == 0;
}

/* Columns: year, value (interval), status, basis, inputs, source, side;
 * in the table, source and note shortened to fit 120 columns. */
static mvec_status series_result(mvec_ctx *ctx, const mvec_trend *trend, bool table,
                                 mvec__result *r)
{
    mvec_status status = MVEC_OK;
    enum { YEAR, VALUE, BASIS, INPUTS, SOURCE, NOTE, SIDE };
    const mvec_trend_break *b = mvec_trend_break_test(trend);
    bool share = is_share(trend);
    char header[64];
    bool indicator = strncmp(mvec_trend_subject(trend), "indicator ", 10) == 0;
    snprintf(header, sizeof header, "%s", share ? (indicator ? "value %" : "share %")
                                                : mvec_trend_dimension(trend));
    MVEC_TRY(mvec__result_column(ctx, r, "year", "year", MVEC__COLUMN_INTEGER, 1, 0, 0, 0));
    MVEC_TRY(mvec__result_column(ctx, r, share && !indicator ? "share" : "value", header, MVEC__COLUMN_INTERVAL,
                                 share ? 100 : 1, share ? 3 : 4, MVEC__DECIMALS_EXACT, 0));
    MVEC_TRY(mvec__result_column(ctx, r, "basis", "basis", MVEC__COLUMN_TEXT, 1, 0, 0, 0));
    MVEC_TRY(mvec__result_column(ctx, r, "inputs", "inputs", MVEC__COLUMN_INTEGER, 1, 0, 0, 0));
    MVEC_TRY(mvec__result_column(ctx, r, "source", "source", MVEC__COLUMN_TEXT, 1, 0, 0, 0));
    bool any_status = false;
    for (size_t i = 0; i < mvec_trend_count(trend); i++)
        any_status = any_status || mvec_trend_at(trend, i)->status != NULL;
    MVEC_TRY(mvec__result_column(ctx, r, "status", "not computed", MVEC__COLUMN_TEXT, 1, 0, 0,
                                 any_status ? 0u : (unsigned)MVEC__COLUMN_NO_TEXT));
    MVEC_TRY(mvec__result_column(ctx, r, "side", "side", MVEC__COLUMN_TEXT, 1, 0, 0,
                                 b ? 0u : (unsigned)(MVEC__COLUMN_NO_TEXT | MVEC__COLUMN_NO_CSV |
                                                     MVEC__COLUMN_NO_JSON)));
    for (size_t i = 0; i < mvec_trend_count(trend); i++) {
        const mvec_trend_point *p = mvec_trend_at(trend, i);
        MVEC_TRY(mvec__result_row(ctx, r));
        mvec__result_number(r, YEAR, p->year);
        char text[512];
        if (p->status == NULL)
            mvec__result_interval(r, VALUE, p->value);
        else if (table)
            shorten(text, sizeof text, p->status, NOTE_WIDTH);
        if (p->status != NULL)
            MVEC_TRY(mvec__result_text(ctx, r, NOTE, table ? text : p->status));
        MVEC_TRY(mvec__result_text(ctx, r, BASIS, mvec_basis_name(p->basis)));
        mvec__result_number(r, INPUTS, (double)p->input_count);
        if (table)
            shorten(text, sizeof text, p->source, SOURCE_WIDTH);
        MVEC_TRY(mvec__result_text(ctx, r, SOURCE, table ? text : p->source));
        if (b != NULL)
            MVEC_TRY(mvec__result_text(ctx, r, SIDE, p->year >= b->year ? "after" : "before"));
    }
cleanup:
    return status;
}

/* One row per series tested. */
static mvec_status test_result(mvec_ctx *ctx, const mvec_trend *trend, mvec__result *r)
{
    mvec_status status = MVEC_OK;
    const mvec_trend_break *b = mvec_trend_break_test(trend);
    bool share = is_share(trend);
    double scale = share ? 100 : 1;
    int decimals = share ? 3 : 4;
    enum { SERIES, BEFORE, AFTER, MEAN_BEFORE, MEAN_AFTER, DIFFERENCE, CI, CI_LO, CI_HI, DF,
           SLOPE_BEFORE, SLOPE_AFTER, CHOW_F, CHOW_P, VERDICT };
    MVEC_TRY(mvec__result_column(ctx, r, "series", "series", MVEC__COLUMN_TEXT, 1, 0, 0, 0));
    MVEC_TRY(mvec__result_column(ctx, r, "years_before", "n before", MVEC__COLUMN_INTEGER, 1, 0,
                                 0, 0));
    MVEC_TRY(mvec__result_column(ctx, r, "years_after", "n after", MVEC__COLUMN_INTEGER, 1, 0, 0,
                                 0));
    MVEC_TRY(mvec__result_column(ctx, r, "mean_before", share ? "mean before %" : "mean before",
                                 MVEC__COLUMN_NUMBER, scale, decimals, MVEC__DECIMALS_EXACT, 0));
    MVEC_TRY(mvec__result_column(ctx, r, "mean_after", share ? "mean after %" : "mean after",
                                 MVEC__COLUMN_NUMBER, scale, decimals, MVEC__DECIMALS_EXACT, 0));
    MVEC_TRY(mvec__result_column(ctx, r, "difference", share ? "diff pp" : "diff",
                                 MVEC__COLUMN_NUMBER, scale, decimals, MVEC__DECIMALS_EXACT, 0));
    MVEC_TRY(mvec__result_column(ctx, r, "ci95", "95 % CI", MVEC__COLUMN_TEXT, 1, 0, 0,
                                 MVEC__COLUMN_NO_CSV | MVEC__COLUMN_NO_JSON));
    MVEC_TRY(mvec__result_column(ctx, r, "ci95_lo", NULL, MVEC__COLUMN_NUMBER, scale, decimals,
                                 MVEC__DECIMALS_EXACT, MVEC__COLUMN_NO_TEXT));
    MVEC_TRY(mvec__result_column(ctx, r, "ci95_hi", NULL, MVEC__COLUMN_NUMBER, scale, decimals,
                                 MVEC__DECIMALS_EXACT, MVEC__COLUMN_NO_TEXT));
    MVEC_TRY(mvec__result_column(ctx, r, "welch_df", "Welch df", MVEC__COLUMN_NUMBER, 1, 2,
                                 MVEC__DECIMALS_EXACT, 0));
    MVEC_TRY(mvec__result_column(ctx, r, "slope_before", share ? "slope before pp/yr" : "slope before",
                                 MVEC__COLUMN_NUMBER, scale, decimals, MVEC__DECIMALS_EXACT,
                                 MVEC__COLUMN_NO_TEXT));
    MVEC_TRY(mvec__result_column(ctx, r, "slope_after", share ? "slope after pp/yr" : "slope after",
                                 MVEC__COLUMN_NUMBER, scale, decimals, MVEC__DECIMALS_EXACT,
                                 MVEC__COLUMN_NO_TEXT));
    MVEC_TRY(mvec__result_column(ctx, r, "chow_f", "Chow F", MVEC__COLUMN_NUMBER, 1, 3,
                                 MVEC__DECIMALS_EXACT, 0));
    MVEC_TRY(mvec__result_column(ctx, r, "chow_p", "p", MVEC__COLUMN_NUMBER, 1, 4,
                                 MVEC__DECIMALS_EXACT, 0));
    MVEC_TRY(mvec__result_column(ctx, r, "verdict", "verdict", MVEC__COLUMN_TEXT, 1, 0, 0, 0));
    size_t rows = b->exact ? 1 : 2;
    for (size_t k = 0; k < rows; k++) {
        const mvec_trend_test *t = &b->test[k];
        MVEC_TRY(mvec__result_row(ctx, r));
        MVEC_TRY(mvec__result_text(ctx, r, SERIES, b->exact ? "exact" : k == 0 ? "lower" : "upper"));
        mvec__result_number(r, BEFORE, (double)t->before_count);
        mvec__result_number(r, AFTER, (double)t->after_count);
        mvec__result_number(r, MEAN_BEFORE, t->mean_before);
        mvec__result_number(r, MEAN_AFTER, t->mean_after);
        mvec__result_number(r, DIFFERENCE, t->difference);
        char lo[64];
        char hi[64];
        char ci[160];
        mvec__fmt_fixed(lo, t->ci_lo * scale, decimals);
        mvec__fmt_fixed(hi, t->ci_hi * scale, decimals);
        snprintf(ci, sizeof ci, "[%s, %s]", lo, hi);
        MVEC_TRY(mvec__result_text(ctx, r, CI, ci));
        mvec__result_number(r, CI_LO, t->ci_lo);
        mvec__result_number(r, CI_HI, t->ci_hi);
        mvec__result_number(r, DF, t->welch_df);
        mvec__result_number(r, SLOPE_BEFORE, t->slope_before);
        mvec__result_number(r, SLOPE_AFTER, t->slope_after);
        mvec__result_number(r, CHOW_F, t->chow_f);
        mvec__result_number(r, CHOW_P, t->chow_p);
        MVEC_TRY(mvec__result_text(ctx, r, VERDICT, verdict_word(t->verdict)));
    }
cleanup:
    return status;
}

/* The parts of the change; in the table only the TOP_PARTS largest, then
 * the others summed and the total. */
static mvec_status parts_result(mvec_ctx *ctx, const mvec_trend *trend, bool table,
                                mvec__result *r)
{
    mvec_status status = MVEC_OK;
    const mvec_trend_explain *e = mvec_trend_explanation(trend);
    enum { PARTNER, KIND, FROM, TO, HHI, BLOC };
    char from[32];
    char to[32];
    snprintf(from, sizeof from, "share %d %%", e->from_year);
    snprintf(to, sizeof to, "share %d %%", e->to_year);
    MVEC_TRY(mvec__result_column(ctx, r, "partner", "partner", MVEC__COLUMN_TEXT, 1, 0, 0, 0));
    MVEC_TRY(mvec__result_column(ctx, r, "kind", "kind", MVEC__COLUMN_TEXT, 1, 0, 0, 0));
    MVEC_TRY(mvec__result_column(ctx, r, "share_from", from, MVEC__COLUMN_NUMBER, 100, 3,
                                 MVEC__DECIMALS_EXACT, 0));
    MVEC_TRY(mvec__result_column(ctx, r, "share_to", to, MVEC__COLUMN_NUMBER, 100, 3,
                                 MVEC__DECIMALS_EXACT, 0));
    MVEC_TRY(mvec__result_column(ctx, r, "hhi_part", "HHI part", MVEC__COLUMN_NUMBER, 1, 5,
                                 MVEC__DECIMALS_EXACT, 0));
    MVEC_TRY(mvec__result_column(ctx, r, "bloc_part", "bloc part pp", MVEC__COLUMN_NUMBER, 100, 3,
                                 MVEC__DECIMALS_EXACT, e->has_bloc ? 0u : (unsigned)(MVEC__COLUMN_NO_TEXT | MVEC__COLUMN_NO_CSV | MVEC__COLUMN_NO_JSON)));
    size_t shown = table && e->part_count > TOP_PARTS + 1 ? TOP_PARTS : e->part_count;
    for (size_t i = 0; i < shown; i++) {
        const mvec_trend_part *p = mvec_trend_part_at(trend, i);
        MVEC_TRY(mvec__result_row(ctx, r));
        MVEC_TRY(mvec__result_text(ctx, r, PARTNER, p->partner->code));
        MVEC_TRY(mvec__result_text(ctx, r, KIND, p->kind));
        mvec__result_number(r, FROM, p->from);
        mvec__result_number(r, TO, p->to);
        mvec__result_number(r, HHI, p->hhi_part);
        if (e->has_bloc && p->in_bloc)
            mvec__result_number(r, BLOC, p->bloc_part);
    }
    if (!table)
        return MVEC_OK;
    if (shown < e->part_count) {
        double from_sum = 0, to_sum = 0, hhi = 0, bloc = 0;
        for (size_t i = shown; i < e->part_count; i++) {
            const mvec_trend_part *p = mvec_trend_part_at(trend, i);
            from_sum += p->from;
            to_sum += p->to;
            hhi += p->hhi_part;
            bloc += p->bloc_part;
        }
        char text[64];
        snprintf(text, sizeof text, "%zu others", e->part_count - shown);
        MVEC_TRY(mvec__result_row(ctx, r));
        MVEC_TRY(mvec__result_text(ctx, r, PARTNER, text));
        mvec__result_number(r, FROM, from_sum);
        mvec__result_number(r, TO, to_sum);
        mvec__result_number(r, HHI, hhi);
        if (e->has_bloc)
            mvec__result_number(r, BLOC, bloc);
    }
    MVEC_TRY(mvec__result_row(ctx, r));
    MVEC_TRY(mvec__result_text(ctx, r, PARTNER, "total"));
    mvec__result_number(r, HHI, e->hhi_change);
    if (e->has_bloc)
        mvec__result_number(r, BLOC, e->bloc_change);
cleanup:
    return status;
}

static mvec_status write_break_text(mvec_ctx *ctx, const mvec_trend *trend, mvec__buf *out)
{
    mvec_status status = MVEC_OK;
    const mvec_trend_break *b = mvec_trend_break_test(trend);
    mvec__result r;
    mvec__result_init(&r);
    MVEC_TRY(mvec__buf_printf(ctx, out, "\nbreak at %d (%d and later are \"after\")\n", b->year,
                              b->year));
    if (b->status != NULL) {
        MVEC_TRY(mvec__buf_printf(ctx, out, "not tested: %s\nverdict: undecided\n", b->status));
        goto cleanup;
    }
    MVEC_TRY(mvec__buf_printf(ctx, out, "diff = difference of means after - before (Welch 95 %% CI), "
                                        "Chow test of a linear trend (F, p)%s\n\n",
                              b->exact ? "" : ",\non the lower and on the upper ends of the shares"));
    MVEC_TRY(test_result(ctx, trend, &r));
    MVEC_TRY(mvec__render_text(ctx, &r, out));
    MVEC_TRY(mvec__buf_printf(ctx, out, "\nverdict: %s\nrule: ", verdict_word(b->verdict)));
    MVEC_TRY(mvec__wrap(ctx, out, b->rule, 6, 6, 100));
    MVEC_TRY(mvec__buf_putc(ctx, out, '\n'));
cleanup:
    mvec__result_clear(ctx, &r);
    return status;
}

static mvec_status write_explain_text(mvec_ctx *ctx, const mvec_trend *trend, mvec__buf *out)
{
    mvec_status status = MVEC_OK;
    const mvec_trend_explain *e = mvec_trend_explanation(trend);
    mvec__result r;
    mvec__result_init(&r);
    MVEC_TRY(mvec__buf_printf(ctx, out, "\nchange %d -> %d: ", e->from_year, e->to_year));
    if (e->status != NULL) {
        MVEC_TRY(mvec__buf_printf(ctx, out, "not decomposed: %s\n", e->status));
        goto cleanup;
    }
    char a[64], c[64], d[64];
    mvec__fmt_fixed(a, e->hhi_from, 5);
    mvec__fmt_fixed(c, e->hhi_to, 5);
    mvec__fmt_fixed(d, e->hhi_change, 5);
    MVEC_TRY(mvec__buf_printf(ctx, out, "HHI %s -> %s (%s%s) = sum over partners of "
                                        "share %d^2 - share %d^2\n",
                              a, c, e->hhi_change > 0 ? "+" : "", d, e->to_year, e->from_year));
    if (e->has_bloc) {
        char f[64], t[64], ch[64], en[64], ex[64], rw[64];
        mvec__fmt_fixed(f, e->bloc_from * 100, 3);
        mvec__fmt_fixed(t, e->bloc_to * 100, 3);
        mvec__fmt_fixed(ch, e->bloc_change * 100, 3);
        mvec__fmt_fixed(en, e->bloc_entries * 100, 3);
        mvec__fmt_fixed(ex, e->bloc_exits * 100, 3);
        mvec__fmt_fixed(rw, e->bloc_reweighting * 100, 3);
        MVEC_TRY(mvec__buf_printf(ctx, out,
                                  "%s %s %% -> %s %% (%s%s pp) = entries %s + exits %s + "
                                  "reweighting %s pp\n",
                                  mvec_trend_subject(trend), f, t, e->bloc_change > 0 ? "+" : "",
                                  ch, en, ex, rw));
    }
    MVEC_TRY(mvec__buf_putc(ctx, out, '\n'));
    MVEC_TRY(parts_result(ctx, trend, true, &r));
    MVEC_TRY(mvec__render_text(ctx, &r, out));
cleanup:
    mvec__result_clear(ctx, &r);
    return status;
}

static json_t *json_test(const mvec_trend_test *t)
{
    json_t *o = json_object();
    bool ok = o && mvec__json_set(o, "years_before", json_integer((json_int_t)t->before_count)) &&
              mvec__json_set(o, "years_after", json_integer((json_int_t)t->after_count)) &&
              mvec__json_set(o, "mean_before", mvec__json_number(t->mean_before)) &&
              mvec__json_set(o, "mean_after", mvec__json_number(t->mean_after)) &&
              mvec__json_set(o, "difference", mvec__json_number(t->difference)) &&
              mvec__json_set(o, "ci95_lo", mvec__json_number(t->ci_lo)) &&
              mvec__json_set(o, "ci95_hi", mvec__json_number(t->ci_hi)) &&
              mvec__json_set(o, "welch_df", mvec__json_number(t->welch_df)) &&
              mvec__json_set(o, "slope_all", mvec__json_number(t->slope_all)) &&
              mvec__json_set(o, "slope_before", mvec__json_number(t->slope_before)) &&
              mvec__json_set(o, "slope_after", mvec__json_number(t->slope_after)) &&
              mvec__json_set(o, "chow_f", mvec__json_number(t->chow_f)) &&
              mvec__json_set(o, "chow_p", mvec__json_number(t->chow_p)) &&
              mvec__json_set(o, "verdict", json_string(verdict_word(t->verdict)));
    if (!ok) {
        json_decref(o);
        return NULL;
    }
    return o;
}

static json_t *json_break(const mvec_trend_break *b)
{
    json_t *o = json_object();
    bool ok = o && mvec__json_set(o, "year", json_integer(b->year)) &&
              mvec__json_set(o, "status", b->status ? json_string(b->status) : json_null()) &&
              mvec__json_set(o, "exact", json_boolean(b->exact)) &&
              mvec__json_set(o, "lower", json_test(&b->test[0])) &&
              mvec__json_set(o, "upper", json_test(&b->test[1])) &&
              mvec__json_set(o, "verdict", json_string(verdict_word(b->verdict))) &&
              mvec__json_set(o, "rule", json_string(b->rule));
    if (!ok) {
        json_decref(o);
        return NULL;
    }
    return o;
}

static json_t *json_explain(const mvec_trend_explain *e, json_t *parts)
{
    json_t *o = json_object();
    bool ok = o && mvec__json_set(o, "from", json_integer(e->from_year)) &&
              mvec__json_set(o, "to", json_integer(e->to_year)) &&
              mvec__json_set(o, "status", e->status ? json_string(e->status) : json_null()) &&
              mvec__json_set(o, "hhi_from", mvec__json_number(e->hhi_from)) &&
              mvec__json_set(o, "hhi_to", mvec__json_number(e->hhi_to)) &&
              mvec__json_set(o, "hhi_change", mvec__json_number(e->hhi_change));
    if (ok && e->has_bloc)
        ok = mvec__json_set(o, "bloc_from", mvec__json_number(e->bloc_from)) &&
             mvec__json_set(o, "bloc_to", mvec__json_number(e->bloc_to)) &&
             mvec__json_set(o, "bloc_change", mvec__json_number(e->bloc_change)) &&
             mvec__json_set(o, "bloc_entries", mvec__json_number(e->bloc_entries)) &&
             mvec__json_set(o, "bloc_exits", mvec__json_number(e->bloc_exits)) &&
             mvec__json_set(o, "bloc_reweighting", mvec__json_number(e->bloc_reweighting));
    ok = ok && mvec__json_set(o, "parts", parts);
    if (!ok) {
        json_decref(o);
        return NULL;
    }
    return o;
}

mvec_status mvec_trend_write(mvec_ctx *ctx, const mvec_trend *trend, mvec_format format,
                             const mvec_sink *sink)
{
    mvec_status status = MVEC_OK;
    mvec__buf out = MVEC__BUF_INIT(MVEC__OUTPUT_MAX);
    mvec__result series;
    mvec__result parts;
    json_t *root = NULL;
    mvec__result_init(&series);
    mvec__result_init(&parts);
    mvec__result sources;
    mvec__result_init(&sources);
    if (format != MVEC_FORMAT_TABLE && format != MVEC_FORMAT_CSV && format != MVEC_FORMAT_JSON &&
        format != MVEC_FORMAT_XLSX)
        MVEC_FAIL(ctx, MVEC_ERR_INVALID, "unknown output format %d", (int)format);
    const mvec_country *country = mvec_trend_country(trend);
    const mvec_trend_break *b = mvec_trend_break_test(trend);
    const mvec_trend_explain *e = mvec_trend_explanation(trend);
    size_t count = mvec_trend_count(trend);
    if (e != NULL && e->status != NULL)
        MVEC_FAIL(ctx, MVEC_ERR_NO_DATA, "the change %d -> %d cannot be decomposed: %s",
                  e->from_year, e->to_year, e->status);
    MVEC_TRY(series_result(ctx, trend, format == MVEC_FORMAT_TABLE, &series));
    if (e != NULL && e->status == NULL)
        MVEC_TRY(parts_result(ctx, trend, false, &parts));
    if (format == MVEC_FORMAT_XLSX) {
        /* the series, the decomposition of the change when asked, the sources of the years */
        MVEC_TRY(mvec__sources_init(ctx, &sources));
        MVEC_TRY(mvec__sources_column(ctx, &sources, &series, "source"));
        mvec__sheet sheets[] = {{"Series", &series}, {"Explanation", &parts}};
        MVEC_TRY(mvec__workbook_emit(ctx, sheets, e != NULL && e->status == NULL ? 2 : 1, &sources,
                                     &out, sink));
        goto cleanup;
    }
    if (format == MVEC_FORMAT_TABLE) {
        MVEC_TRY(mvec__buf_printf(ctx, &out, "%s (%s) %s: %s", country->name, country->code,
                                  mvec_trend_vector(trend), mvec_trend_subject(trend)));
        if (count > 0)
            MVEC_TRY(mvec__buf_printf(ctx, &out, ", %d-%d (%zu year%s)",
                                      mvec_trend_at(trend, 0)->year,
                                      mvec_trend_at(trend, count - 1)->year, count,
                                      count == 1 ? "" : "s"));
        MVEC_TRY(mvec__buf_puts(ctx, &out, "\n"));
        if (count > 0) {
            MVEC_TRY(mvec__buf_puts(ctx, &out, "\n"));
            MVEC_TRY(mvec__render_text(ctx, &series, &out));
        }
        if (b != NULL)
            MVEC_TRY(write_break_text(ctx, trend, &out));
        if (e != NULL)
            MVEC_TRY(write_explain_text(ctx, trend, &out));
    } else if (format == MVEC_FORMAT_JSON) {
        root = json_object();
        bool ok = root && mvec__json_set(root, "country", json_string(country->code)) &&
                  mvec__json_set(root, "vector", json_string(mvec_trend_vector(trend))) &&
                  mvec__json_set(root, "subject", json_string(mvec_trend_subject(trend))) &&
                  mvec__json_set(root, "dimension", json_string(mvec_trend_dimension(trend))) &&
                  mvec__json_set(root, "series", mvec__render_json_rows(&series));
        if (ok && b != NULL)
            ok = mvec__json_set(root, "break", json_break(b));
        if (ok && e != NULL)
            ok = mvec__json_set(root, "explain",
                                json_explain(e, e->status == NULL ? mvec__render_json_rows(&parts)
                                                                  : json_array()));
        if (!ok)
            MVEC_FAIL(ctx, MVEC_ERR_NOMEM, "out of memory (building JSON)");
    }
    MVEC_TRY(mvec__result_finish(ctx, e != NULL && e->status == NULL ? &parts : &series, format,
                                 root, &out, sink));
cleanup:
    json_decref(root);
    mvec__result_clear(ctx, &sources);
    mvec__result_clear(ctx, &series);
    mvec__result_clear(ctx, &parts);
    mvec__buf_clear(ctx, &out);
    return status;
}
