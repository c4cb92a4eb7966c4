/*
 * write_rank.c - mvec_rank_write: the ranking as a table (120 columns), CSV
 * or JSON (mvec_rank.h).
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "mvec/mvec_rank.h"
#include "render_internal.h"

enum {
    TEXT_ONLY = MVEC__COLUMN_NO_CSV | MVEC__COLUMN_NO_JSON,
    NO_TEXT = MVEC__COLUMN_NO_TEXT,
};

enum { NAME_WIDTH = 20 };

typedef struct rank_columns {
    size_t rank, code, name, name_text, vector, year, period, basis, measure_text, balance, hhi,
        exposure, margin, top, top_name, top_share, bloc, partners, total, total_m, unit, source,
        reason;
} rank_columns;

static const char *measure_header(mvec_rank_by by)
{
    switch (by) {
    case MVEC_RANK_HHI:
        return "HHI";
    case MVEC_RANK_EXPOSURE:
        return "exposure %";
    case MVEC_RANK_MARGIN:
        return "margin";
    case MVEC_RANK_BALANCE:
    case MVEC_RANK_BY_COUNT:
    default:
        return "balance";
    }
}

static const char *measure_text(mvec_rank_by by)
{
    switch (by) {
    case MVEC_RANK_HHI:
        return "partner HHI (sum of squared partner shares), most concentrated first";
    case MVEC_RANK_EXPOSURE:
        return "exposure (sum of the great-power bloc shares), most exposed first";
    case MVEC_RANK_MARGIN:
        return "lead margin (first minus second great power, as a fraction of their combined "
               "share), largest lead first";
    case MVEC_RANK_BALANCE:
    case MVEC_RANK_BY_COUNT:
    default:
        return "balance among the great powers (1 = equal reliance, 0 = one power only), most "
               "balanced first";
    }
}

static mvec_status add(mvec_ctx *ctx, mvec__result *r, size_t *index, const char *key,
                       const char *header, mvec__column_type type, double scale, int decimals,
                       int csv_decimals, unsigned flags)
{
    *index = r->column_count;
    return mvec__result_column(ctx, r, key, header, type, scale, decimals, csv_decimals, flags);
}

static mvec_status columns_add(mvec_ctx *ctx, const mvec_rank *rank, bool exact, mvec__result *r,
                               rank_columns *k)
{
    mvec_status status = MVEC_OK;
    int d8 = exact ? MVEC__DECIMALS_EXACT : 8;
    int d0 = exact ? MVEC__DECIMALS_EXACT : 0;
    mvec_rank_by by = mvec_rank_measure(rank);
    const mvec_bloc_scheme *scheme = mvec_rank_scheme(rank);
    r->compact = true;
    MVEC_TRY(add(ctx, r, &k->rank, "rank", "#", MVEC__COLUMN_INTEGER, 1, 0, 0, 0));
    MVEC_TRY(add(ctx, r, &k->code, "code", "code", MVEC__COLUMN_TEXT, 1, 0, 0, 0));
    MVEC_TRY(add(ctx, r, &k->name, "name", NULL, MVEC__COLUMN_TEXT, 1, 0, 0, NO_TEXT));
    MVEC_TRY(
        add(ctx, r, &k->name_text, "name_text", "country", MVEC__COLUMN_TEXT, 1, 0, 0, TEXT_ONLY));
    MVEC_TRY(add(ctx, r, &k->vector, "vector", NULL, MVEC__COLUMN_TEXT, 1, 0, 0, NO_TEXT));
    MVEC_TRY(add(ctx, r, &k->year, "year", NULL, MVEC__COLUMN_INTEGER, 1, 0, 0, NO_TEXT));
    MVEC_TRY(add(ctx, r, &k->period, "period", NULL, MVEC__COLUMN_TEXT, 1, 0, 0, NO_TEXT));
    MVEC_TRY(add(ctx, r, &k->basis, "basis", NULL, MVEC__COLUMN_TEXT, 1, 0, 0, NO_TEXT));
    /* the table shows the ranking measure; CSV and JSON carry all four */
    double scale = by == MVEC_RANK_EXPOSURE ? 100 : 1;
    int decimals = by == MVEC_RANK_EXPOSURE ? 1 : 3;
    MVEC_TRY(add(ctx, r, &k->measure_text, "measure", measure_header(by), MVEC__COLUMN_INTERVAL,
                 scale, decimals, d8, TEXT_ONLY));
    MVEC_TRY(add(ctx, r, &k->balance, "balance", NULL, MVEC__COLUMN_INTERVAL, 1, 3, d8, NO_TEXT));
    MVEC_TRY(add(ctx, r, &k->hhi, "hhi", NULL, MVEC__COLUMN_INTERVAL, 1, 3, d8, NO_TEXT));
    MVEC_TRY(
        add(ctx, r, &k->exposure, "exposure", NULL, MVEC__COLUMN_INTERVAL, 100, 1, d8, NO_TEXT));
    MVEC_TRY(add(ctx, r, &k->margin, "margin", NULL, MVEC__COLUMN_INTERVAL, 1, 3, d8, NO_TEXT));
    MVEC_TRY(add(ctx, r, &k->top, "top_partner", "top", MVEC__COLUMN_TEXT, 1, 0, 0, 0));
    MVEC_TRY(
        add(ctx, r, &k->top_name, "top_partner_name", NULL, MVEC__COLUMN_TEXT, 1, 0, 0, NO_TEXT));
    MVEC_TRY(
        add(ctx, r, &k->top_share, "top_share", "top %", MVEC__COLUMN_INTERVAL, 100, 1, d8, 0));
    k->bloc = r->column_count;
    for (size_t b = 0; b < mvec_bloc_count(scheme); b++) {
        char header[128];
        snprintf(header, sizeof header, "%s %%", mvec_bloc_name(scheme, b));
        size_t ignored;
        MVEC_TRY(add(ctx, r, &ignored, mvec_bloc_name(scheme, b), header, MVEC__COLUMN_INTERVAL,
                     100, 1, d8, MVEC__COLUMN_NO_JSON));
    }
    MVEC_TRY(add(ctx, r, &k->partners, "partners", NULL, MVEC__COLUMN_INTEGER, 1, 0, 0, NO_TEXT));
    MVEC_TRY(add(ctx, r, &k->total, "total", NULL, MVEC__COLUMN_INTERVAL, 1, 0, d0, NO_TEXT));
    MVEC_TRY(add(ctx, r, &k->total_m, "total_m", "total m", MVEC__COLUMN_INTERVAL, 1e-6, 0, 0,
                 TEXT_ONLY));
    MVEC_TRY(add(ctx, r, &k->unit, "unit", NULL, MVEC__COLUMN_TEXT, 1, 0, 0, NO_TEXT));
    MVEC_TRY(add(ctx, r, &k->source, "source", NULL, MVEC__COLUMN_TEXT, 1, 0, 0, NO_TEXT));
    MVEC_TRY(add(ctx, r, &k->reason, "left_out", NULL, MVEC__COLUMN_TEXT, 1, 0, 0,
                 NO_TEXT | MVEC__COLUMN_NO_JSON));
cleanup:
    return status;
}

static mvec_status row_add(mvec_ctx *ctx, const mvec_rank *rank, const mvec_rank_row *row,
                           const rank_columns *k, mvec__result *r)
{
    mvec_status status = MVEC_OK;
    char name[NAME_WIDTH + 8];
    MVEC_TRY(mvec__result_row(ctx, r));
    mvec__result_number(r, k->rank, (double)row->rank);
    MVEC_TRY(mvec__result_text(ctx, r, k->code, row->country->code));
    MVEC_TRY(mvec__result_text(ctx, r, k->name, row->country->name));
    snprintf(name, sizeof name, "%s", row->country->name);
    if (strlen(row->country->name) > NAME_WIDTH)
        snprintf(name + NAME_WIDTH - 1, sizeof name - NAME_WIDTH + 1, "~");
    MVEC_TRY(mvec__result_text(ctx, r, k->name_text, name));
    MVEC_TRY(mvec__result_text(ctx, r, k->vector, mvec_rank_vector(rank)));
    mvec__result_number(r, k->year, mvec_rank_year(rank));
    MVEC_TRY(mvec__result_text(ctx, r, k->period, row->period));
    MVEC_TRY(mvec__result_text(ctx, r, k->basis, mvec_basis_name(row->basis)));
    mvec__result_interval(r, k->measure_text, row->measure);
    mvec__result_interval(r, k->balance, row->balance);
    mvec__result_interval(r, k->hhi, row->hhi);
    mvec__result_interval(r, k->exposure, row->exposure);
    mvec__result_interval(r, k->margin, row->margin);
    if (row->top_partner != NULL) {
        MVEC_TRY(mvec__result_text(ctx, r, k->top, row->top_partner->code));
        MVEC_TRY(mvec__result_text(ctx, r, k->top_name, row->top_partner->name));
        mvec__result_interval(r, k->top_share, row->top_share);
    }
    for (size_t b = 0; b < mvec_bloc_count(mvec_rank_scheme(rank)); b++)
        mvec__result_interval(r, k->bloc + b, row->bloc_shares[b]);
    mvec__result_number(r, k->partners, (double)row->partner_count);
    mvec__result_interval(r, k->total, row->total);
    mvec__result_interval(r, k->total_m, row->total);
    MVEC_TRY(mvec__result_text(ctx, r, k->unit, row->unit));
    MVEC_TRY(mvec__result_text(ctx, r, k->source, row->source ? row->source : "several sources"));
cleanup:
    return status;
}

/* "CEPII BACI, HS92 edition (231 countries); ..." */
static mvec_status sources_line(mvec_ctx *ctx, const mvec_rank *rank, mvec__buf *out)
{
    mvec_status status = MVEC_OK;
    size_t count = mvec_rank_count(rank);
    for (size_t i = 0; i < count; i++) {
        const char *s = mvec_rank_at(rank, i)->source;
        s = s ? s : "several sources";
        bool seen = false;
        for (size_t j = 0; j < i && !seen; j++) {
            const char *t = mvec_rank_at(rank, j)->source;
            seen = strcmp(t ? t : "several sources", s) == 0;
        }
        if (seen)
            continue;
        size_t n = 0;
        for (size_t j = i; j < count; j++) {
            const char *t = mvec_rank_at(rank, j)->source;
            n += strcmp(t ? t : "several sources", s) == 0 ? 1u : 0u;
        }
        MVEC_TRY(mvec__buf_printf(ctx, out, "%s%s (%zu countr%s)", out->length ? "; " : "", s, n,
                                  n == 1 ? "y" : "ies"));
    }
cleanup:
    return status;
}

static mvec_status write_table(mvec_ctx *ctx, const mvec_rank *rank, const mvec__result *r,
                               mvec__buf *out)
{
    mvec_status status = MVEC_OK;
    mvec__buf sources = MVEC__BUF_INIT(1 << 20);
    size_t count = mvec_rank_count(rank);
    size_t left = mvec_rank_left_out_count(rank);
    MVEC_TRY(mvec__buf_printf(
        ctx, out, "Ranking of %zu countr%s by %s: %s, %d%s; blocs: %s\n", count,
        count == 1 ? "y" : "ies", mvec_rank_by_name(mvec_rank_measure(rank)),
        mvec_rank_vector(rank), mvec_rank_year(rank),
        mvec_rank_year_default(rank) ? " (the latest year for the most countries)" : "",
        mvec_bloc_scheme_name(mvec_rank_scheme(rank))));
    char order[512];
    snprintf(order, sizeof order, "%s; intervals by lower end, then upper end; ties by code",
             measure_text(mvec_rank_measure(rank)));
    MVEC_TRY(mvec__buf_puts(ctx, out, "Order: "));
    MVEC_TRY(mvec__wrap(ctx, out, order, 7, 2, 119));
    MVEC_TRY(mvec__buf_puts(ctx, out, "\n"));
    if (count + left < 5) {
        char note[256];
        snprintf(note, sizeof note,
                 "the data have %zu countr%s with partner distributions of their own; a world "
                 "file (ITPD-E, BACI, the WTO file) or a workspace ranks every country",
                 count + left, count + left == 1 ? "y" : "ies");
        MVEC_TRY(mvec__buf_puts(ctx, out, "Note: "));
        MVEC_TRY(mvec__wrap(ctx, out, note, 6, 2, 119));
        MVEC_TRY(mvec__buf_puts(ctx, out, "\n"));
    }
    MVEC_TRY(mvec__buf_puts(ctx, out, "\n"));
    MVEC_TRY(mvec__render_text(ctx, r, out));
    if (left > 0) {
        MVEC_TRY(mvec__buf_printf(ctx, out, "\nLeft out: %zu countr%s without a result\n", left,
                                  left == 1 ? "y" : "ies"));
        for (size_t i = 0; i < left; i++) {
            const mvec_rank_left_out *l = mvec_rank_left_out_at(rank, i);
            MVEC_TRY(mvec__buf_printf(ctx, out, "  %s %s: ", l->country->code, l->country->name));
            MVEC_TRY(mvec__wrap(ctx, out, l->reason,
                                4 + strlen(l->country->code) + strlen(l->country->name), 6, 119));
            MVEC_TRY(mvec__buf_puts(ctx, out, "\n"));
        }
    }
    MVEC_TRY(sources_line(ctx, rank, &sources));
    MVEC_TRY(mvec__buf_puts(ctx, out, "\nSource: "));
    MVEC_TRY(mvec__wrap(ctx, out, sources.length ? sources.data : "-", 8, 2, 119));
    const char *unit = count ? mvec_rank_at(rank, 0)->unit : "-";
    for (size_t i = 1; i < count; i++)
        if (strcmp(mvec_rank_at(rank, i)->unit, unit) != 0)
            unit = "the unit of each row (in CSV)";
    MVEC_TRY(mvec__buf_printf(ctx, out,
                              "\nShares in %%; total in millions of %s; "
                              "docs/methods.md section 16 (rank), 3-4 (indices)\n",
                              unit));
cleanup:
    mvec__buf_clear(ctx, &sources);
    return status;
}

static json_t *json_settings(const mvec_rank *rank)
{
    json_t *root = json_object();
    if (root == NULL)
        return NULL;
    bool ok =
        mvec__json_set(root, "vector", json_string(mvec_rank_vector(rank))) &&
        mvec__json_set(root, "year", json_integer(mvec_rank_year(rank))) &&
        mvec__json_set(root, "by", json_string(mvec_rank_by_name(mvec_rank_measure(rank)))) &&
        mvec__json_set(root, "blocs", json_string(mvec_bloc_scheme_name(mvec_rank_scheme(rank)))) &&
        mvec__json_set(root, "year_default", json_boolean(mvec_rank_year_default(rank))) &&
        mvec__json_set(root, "vector_default", json_boolean(mvec_rank_vector_default(rank)));
    if (!ok) {
        json_decref(root);
        return NULL;
    }
    return root;
}

mvec_status mvec_rank_write(mvec_ctx *ctx, const mvec_rank *rank, mvec_format format,
                            unsigned flags, const mvec_sink *sink)
{
    mvec_status status = MVEC_OK;
    mvec__result r;
    mvec__result_init(&r);
    mvec__buf out = MVEC__BUF_INIT(MVEC__OUTPUT_MAX);
    json_t *root = NULL;
    rank_columns k;
    bool exact = (flags & MVEC_WRITE_EXACT) != 0;
    mvec__result sources;
    mvec__result_init(&sources);
    if (format != MVEC_FORMAT_TABLE && format != MVEC_FORMAT_CSV && format != MVEC_FORMAT_JSON &&
        format != MVEC_FORMAT_XLSX)
        MVEC_FAIL(ctx, MVEC_ERR_INVALID, "unknown output format %d", (int)format);
    MVEC_TRY(columns_add(ctx, rank, exact || format == MVEC_FORMAT_XLSX, &r, &k));
    for (size_t i = 0; i < mvec_rank_count(rank); i++)
        MVEC_TRY(row_add(ctx, rank, mvec_rank_at(rank, i), &k, &r));
    if (format == MVEC_FORMAT_TABLE) {
        MVEC_TRY(write_table(ctx, rank, &r, &out));
        MVEC_TRY(mvec__sink_emit(ctx, sink, &out));
    } else if (format == MVEC_FORMAT_CSV || format == MVEC_FORMAT_XLSX) {
        /* the countries left out: an empty rank and the reason */
        for (size_t i = 0; i < mvec_rank_left_out_count(rank); i++) {
            const mvec_rank_left_out *l = mvec_rank_left_out_at(rank, i);
            MVEC_TRY(mvec__result_row(ctx, &r));
            MVEC_TRY(mvec__result_text(ctx, &r, k.code, l->country->code));
            MVEC_TRY(mvec__result_text(ctx, &r, k.name, l->country->name));
            MVEC_TRY(mvec__result_text(ctx, &r, k.vector, mvec_rank_vector(rank)));
            mvec__result_number(&r, k.year, mvec_rank_year(rank));
            MVEC_TRY(mvec__result_text(ctx, &r, k.reason, l->reason));
        }
        if (format == MVEC_FORMAT_XLSX) {
            MVEC_TRY(mvec__sources_init(ctx, &sources));
            MVEC_TRY(mvec__sources_column(ctx, &sources, &r, "source"));
            mvec__sheet sheet = {"Rank", &r};
            MVEC_TRY(mvec__workbook_emit(ctx, &sheet, 1, &sources, &out, sink));
            goto cleanup;
        }
        MVEC_TRY(mvec__render(ctx, &r, format, NULL, &out));
        MVEC_TRY(mvec__sink_emit(ctx, sink, &out));
    } else {
        mvec__json_set_exact(exact);
        root = json_settings(rank);
        json_t *rows = mvec__render_json_rows(&r);
        bool ok = root != NULL && rows != NULL;
        /* bloc shares as one object per row, keyed by bloc */
        for (size_t i = 0; ok && i < mvec_rank_count(rank); i++) {
            const mvec_rank_row *row = mvec_rank_at(rank, i);
            json_t *blocs = json_object();
            ok = blocs != NULL;
            for (size_t b = 0; ok && b < mvec_bloc_count(mvec_rank_scheme(rank)); b++)
                ok = mvec__json_set(blocs, mvec_bloc_name(mvec_rank_scheme(rank), b),
                                    mvec__json_interval(row->bloc_shares[b]));
            ok = ok && mvec__json_set(json_array_get(rows, i), "bloc_shares", blocs);
        }
        json_t *left = json_array();
        ok = ok && left != NULL;
        for (size_t i = 0; ok && i < mvec_rank_left_out_count(rank); i++) {
            const mvec_rank_left_out *l = mvec_rank_left_out_at(rank, i);
            json_t *item = json_object();
            ok = item != NULL && mvec__json_set(item, "code", json_string(l->country->code)) &&
                 mvec__json_set(item, "name", json_string(l->country->name)) &&
                 mvec__json_set(item, "reason", json_string(l->reason)) &&
                 json_array_append_new(left, item) == 0;
        }
        ok = ok && mvec__json_set(root, "rows", rows);
        rows = NULL;
        ok = ok && mvec__json_set(root, "left_out", left);
        left = NULL;
        json_t *wrapper = json_object();
        ok = ok && wrapper != NULL && mvec__json_set(wrapper, "rank", root);
        if (!ok) {
            json_decref(wrapper);
            json_decref(rows);
            json_decref(left);
            mvec__json_set_exact(false);
            MVEC_FAIL(ctx, MVEC_ERR_NOMEM, "out of memory (building JSON)");
        }
        root = wrapper;
        status = mvec__json_emit(ctx, root, &out);
        mvec__json_set_exact(false);
        MVEC_TRY(status);
        MVEC_TRY(mvec__sink_emit(ctx, sink, &out));
    }
cleanup:
    json_decref(root);
    mvec__buf_clear(ctx, &out);
    mvec__result_clear(ctx, &sources);
    mvec__result_clear(ctx, &r);
    return status;
}
