/*
 * write_profile.c - the profile. One result in the column model (one row per
 * vector, then the composite) renders the text table, the CSV and the rows
 * of the JSON; the text adds a short legend, and with MVEC_WRITE_NOTES the
 * notes (inputs, bloc shares, every index of the index table) and the
 * numbered sources; the JSON adds the provenance to every row.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "render_internal.h"

/* TOP_PARTNERS in CSV, TABLE_PARTNERS in the 120-column table. */
enum { TOP_PARTNERS = 3, TABLE_PARTNERS = 2, WRAP_WIDTH = 100, SUMMARY_THRESHOLD = 12, CELL = 256 };

/* ---- numbered references ------------------------------------------------------------- */

typedef struct references {
    const mvec_observation **first; /* one observation per distinct source */
    size_t count;
    size_t capacity;
} references;

static bool same_source(const mvec_observation *a, const mvec_observation *b)
{
    return strcmp(a->source, b->source) == 0 && strcmp(a->url, b->url) == 0 &&
           strcmp(a->source_date, b->source_date) == 0 && strcmp(a->title, b->title) == 0;
}

/* 1-based number of o's source, adding it when new. */
static mvec_status reference_of(mvec_ctx *ctx, references *refs, const mvec_observation *o,
                                size_t *number)
{
    for (size_t i = 0; i < refs->count; i++)
        if (same_source(refs->first[i], o)) {
            *number = i + 1;
            return MVEC_OK;
        }
    mvec_status status =
        mvec__grow(ctx, &refs->first, &refs->capacity, refs->count + 1, sizeof *refs->first);
    if (status != MVEC_OK)
        return status;
    refs->first[refs->count++] = o;
    *number = refs->count;
    return MVEC_OK;
}

/* Append `item` to a wrapped list: items separated by "; "; the first line
 * starts with `indent`, later lines with as many spaces. */
static mvec_status wrap_item(mvec_ctx *ctx, mvec__buf *out, size_t *column, const char *item,
                             const char *indent)
{
    mvec_status status = MVEC_OK;
    size_t width = mvec__utf8_width(item);
    if (*column == 0) {
        MVEC_TRY(mvec__buf_puts(ctx, out, indent));
        *column = strlen(indent);
    } else if (*column + 2 + width > WRAP_WIDTH) {
        MVEC_TRY(mvec__buf_puts(ctx, out, ";\n"));
        MVEC_TRY(mvec__buf_pad(ctx, out, ' ', strlen(indent)));
        *column = strlen(indent);
    } else {
        MVEC_TRY(mvec__buf_puts(ctx, out, "; "));
        *column += 2;
    }
    if (*column + width <= WRAP_WIDTH) {
        MVEC_TRY(mvec__buf_puts(ctx, out, item));
        *column += width;
    } else { /* an item longer than a line (a long title) is wrapped itself, 2 further in */
        MVEC_TRY(mvec__wrap(ctx, out, item, *column, strlen(indent) + 2, WRAP_WIDTH));
        size_t start = out->length;
        while (start > 0 && out->data[start - 1] != '\n')
            start--;
        *column = mvec__utf8_width(out->data + start);
    }
cleanup:
    return status;
}

/* ---- cells ---------------------------------------------------------------------------- */

/* ---- cells ---------------------------------------------------------------------------- */

/* "2022", "2021 mid-year", "2024 2020-2024", "-" */
static void year_text(char *out, size_t size, const mvec_vector_profile *v)
{
    if (v->year == 0)
        snprintf(out, size, "-");
    else if (v->period[0] != '\0')
        snprintf(out, size, "%d %s", v->year, v->period);
    else
        snprintf(out, size, "%d", v->year);
}

/* The compact form of the table: "2022"; another period (mid-year, 9M, a
 * date, a range of years) marked "2021*", spelled out in the notes. */
static void year_short(char *out, size_t size, const mvec_vector_profile *v)
{
    if (v->year == 0)
        snprintf(out, size, "-");
    else
        snprintf(out, size, "%d%s", v->year, v->period[0] != '\0' ? "*" : "");
}

static const char *basis_text(const mvec_vector_profile *v)
{
    return v->from_memberships ? "memberships" : mvec_basis_name(v->basis);
}

/* The compact basis: "reporter", "partner", "3rd party", "unstated", "members". */
static const char *basis_short(const mvec_vector_profile *v)
{
    if (v->from_memberships)
        return "members";
    if (v->basis == MVEC_BASIS_THIRD_PARTY)
        return "third";
    return mvec_basis_name(v->basis);
}

static mvec_status top_partners_text(mvec_ctx *ctx, const mvec_vector_profile *v, size_t count,
                                     int decimals, const char *separator, mvec__buf *out)
{
    mvec_status status = MVEC_OK;
    for (size_t i = 0; i < v->partner_count && i < count; i++) {
        char share[64];
        mvec__fmt_interval(share, sizeof share, v->partners[i].share, 100, decimals);
        MVEC_TRY(mvec__buf_printf(ctx, out, "%s%s %s", i ? separator : "",
                                  v->partners[i].partner->code, share));
    }
    if (v->partner_count == 0)
        MVEC_TRY(mvec__buf_puts(ctx, out, "-"));
cleanup:
    return status;
}

/* ---- the result ------------------------------------------------------------------------ */

/* Column indices of the profile result. */
typedef struct profile_columns {
    size_t country, vector, status, year, period, when, basis, basis_short, dimension, listed;
    size_t unlisted;
    size_t top_text, top[TOP_PARTNERS], top_share[TOP_PARTNERS];
    size_t bloc; /* first bloc; one column per bloc */
    size_t domestic, exposure, balance, leader, margin;
    size_t index; /* first index; one column per row of the index table */
    size_t scenarios, inputs, weight, sources;
} profile_columns;

static mvec_status add_column(mvec_ctx *ctx, mvec__result *r, size_t *index, const char *key,
                              const char *header, mvec__column_type type, double scale,
                              int decimals, int csv_decimals, unsigned flags)
{
    *index = r->column_count;
    return mvec__result_column(ctx, r, key, header, type, scale, decimals, csv_decimals, flags);
}

enum {
    TEXT_ONLY = MVEC__COLUMN_NO_CSV | MVEC__COLUMN_NO_JSON,
    NO_TEXT = MVEC__COLUMN_NO_TEXT,
    DATA_ONLY = MVEC__COLUMN_NO_TEXT | MVEC__COLUMN_NO_JSON, /* CSV only */
};

static mvec_status profile_columns_add(mvec_ctx *ctx, const mvec_bloc_scheme *scheme,
                                       mvec__result *r, profile_columns *k)
{
    mvec_status status = MVEC_OK;
    char key[CELL];
    char header[CELL];
    MVEC_TRY(add_column(ctx, r, &k->country, "country", NULL, MVEC__COLUMN_TEXT, 1, 0, 0, NO_TEXT));
    MVEC_TRY(add_column(ctx, r, &k->vector, "vector", "vector", MVEC__COLUMN_TEXT, 1, 0, 0, 0));
    MVEC_TRY(add_column(ctx, r, &k->status, "status", NULL, MVEC__COLUMN_TEXT, 1, 0, 0, NO_TEXT));
    MVEC_TRY(add_column(ctx, r, &k->year, "year", NULL, MVEC__COLUMN_INTEGER, 1, 0, 0, NO_TEXT));
    MVEC_TRY(add_column(ctx, r, &k->period, "period", NULL, MVEC__COLUMN_TEXT, 1, 0, 0, NO_TEXT));
    MVEC_TRY(add_column(ctx, r, &k->when, "when", "year", MVEC__COLUMN_TEXT, 1, 0, 0,
                        TEXT_ONLY | MVEC__COLUMN_TIGHT));
    MVEC_TRY(add_column(ctx, r, &k->basis, "basis", NULL, MVEC__COLUMN_TEXT, 1, 0, 0, NO_TEXT));
    MVEC_TRY(add_column(ctx, r, &k->basis_short, "basis_short", "basis", MVEC__COLUMN_TEXT, 1, 0, 0,
                        TEXT_ONLY));
    MVEC_TRY(
        add_column(ctx, r, &k->dimension, "dimension", NULL, MVEC__COLUMN_TEXT, 1, 0, 0, NO_TEXT));
    MVEC_TRY(add_column(ctx, r, &k->listed, "partners_listed", NULL, MVEC__COLUMN_INTEGER, 1, 0, 0,
                        NO_TEXT));
    MVEC_TRY(add_column(ctx, r, &k->unlisted, "unlisted", NULL, MVEC__COLUMN_INTERVAL, 100, 1, 8,
                        NO_TEXT));
    MVEC_TRY(add_column(ctx, r, &k->top_text, "top_partners", "top partners %", MVEC__COLUMN_TEXT,
                        1, 0, 0, TEXT_ONLY));
    for (size_t t = 0; t < TOP_PARTNERS; t++) {
        snprintf(key, sizeof key, "top%zu", t + 1);
        MVEC_TRY(add_column(ctx, r, &k->top[t], key, NULL, MVEC__COLUMN_TEXT, 1, 0, 0, DATA_ONLY));
        MVEC_TRY(add_column(ctx, r, &k->top_share[t], key, NULL, MVEC__COLUMN_INTERVAL, 100, 1, 8,
                            DATA_ONLY));
    }
    k->bloc = r->column_count;
    for (size_t b = 0; b < mvec_bloc_count(scheme); b++) {
        size_t ignored;
        MVEC_TRY(add_column(
            ctx, r, &ignored, mvec_bloc_name(scheme, b), NULL, MVEC__COLUMN_INTERVAL, 100, 0, 8,
            MVEC__COLUMN_NO_JSON | (mvec_bloc_is_great_power(scheme, b) ? 0u : NO_TEXT)));
    }
    MVEC_TRY(add_column(ctx, r, &k->domestic, "domestic", NULL, MVEC__COLUMN_INTERVAL, 100, 1, 8,
                        NO_TEXT));
    MVEC_TRY(add_column(ctx, r, &k->exposure, "exposure", NULL, MVEC__COLUMN_INTERVAL, 100, 1, 8,
                        NO_TEXT));
    MVEC_TRY(
        add_column(ctx, r, &k->balance, "balance", "balance", MVEC__COLUMN_INTERVAL, 1, 2, 8, 0));
    MVEC_TRY(add_column(ctx, r, &k->leader, "leader", "leader", MVEC__COLUMN_TEXT, 1, 0, 0, 0));
    MVEC_TRY(add_column(ctx, r, &k->margin, "margin", "margin", MVEC__COLUMN_INTERVAL, 1, 2, 8, 0));
    k->index = r->column_count;
    /* more than three great powers: the summary index (HHI) is left out of the table (kept in
     * CSV and the records), so that the table fits 120 columns */
    size_t powers = 0;
    for (size_t b = 0; b < mvec_bloc_count(scheme); b++)
        powers += mvec_bloc_is_great_power(scheme, b) ? 1u : 0u;
    for (size_t i = 0; i < MVEC_INDEX_COUNT; i++) {
        const mvec_index_desc *d = mvec_index_info((mvec_index_id)i);
        size_t ignored;
        snprintf(header, sizeof header, "%s%s", d->label, d->scale > 99 ? " %" : "");
        MVEC_TRY(add_column(ctx, r, &ignored, d->key, header, MVEC__COLUMN_INTERVAL, d->scale,
                            d->decimals, d->csv_decimals,
                            MVEC__COLUMN_NO_JSON | (d->summary && powers <= 3 ? 0u : NO_TEXT)));
    }
    MVEC_TRY(add_column(ctx, r, &k->scenarios, "scenarios", NULL, MVEC__COLUMN_INTEGER, 1, 0, 0,
                        NO_TEXT));
    MVEC_TRY(add_column(ctx, r, &k->inputs, "inputs", NULL, MVEC__COLUMN_INTEGER, 1, 0, 0,
                        DATA_ONLY)); /* JSON: the inputs themselves */
    MVEC_TRY(add_column(ctx, r, &k->weight, "weight", NULL, MVEC__COLUMN_NUMBER, 1, 6, 6, NO_TEXT));
    MVEC_TRY(
        add_column(ctx, r, &k->sources, "sources", NULL, MVEC__COLUMN_TEXT, 1, 0, 0, DATA_ONLY));
cleanup:
    return status;
}

/* "publication (date); ..." of a vector's inputs, each source once. */
static mvec_status sources_text(mvec_ctx *ctx, const mvec_vector_profile *v, mvec__buf *text)
{
    mvec_status status = MVEC_OK;
    for (size_t i = 0; i < v->input_count; i++) {
        const mvec_observation *o = v->inputs[i];
        bool seen = false;
        for (size_t j = 0; j < i && !seen; j++)
            seen = strcmp(v->inputs[j]->source, o->source) == 0 &&
                   strcmp(v->inputs[j]->source_date, o->source_date) == 0;
        if (!seen)
            MVEC_TRY(mvec__buf_printf(ctx, text, "%s%s%s%s%s", text->length ? "; " : "", o->source,
                                      o->source_date[0] ? " (" : "", o->source_date,
                                      o->source_date[0] ? ")" : ""));
    }
cleanup:
    return status;
}

static mvec_status vector_row(mvec_ctx *ctx, const mvec_profile *profile,
                              const mvec_vector_profile *v, const profile_columns *k,
                              mvec__result *r)
{
    mvec_status status = MVEC_OK;
    const mvec_bloc_scheme *scheme = mvec_profile_scheme(profile);
    mvec__buf text = MVEC__BUF_INIT(1 << 20);
    char cell[CELL];
    bool ok = v->status == NULL;
    MVEC_TRY(mvec__result_row(ctx, r));
    MVEC_TRY(mvec__result_text(ctx, r, k->country, mvec_profile_country(profile)->code));
    MVEC_TRY(mvec__result_text(ctx, r, k->vector, v->vector));
    MVEC_TRY(mvec__result_text(ctx, r, k->status, ok ? "ok" : v->status));
    if (v->year != 0)
        mvec__result_number(r, k->year, v->year);
    MVEC_TRY(mvec__result_text(ctx, r, k->period, v->period ? v->period : ""));
    year_short(cell, sizeof cell, v);
    MVEC_TRY(mvec__result_text(ctx, r, k->when, cell));
    MVEC_TRY(mvec__result_text(ctx, r, k->basis, ok ? basis_text(v) : ""));
    MVEC_TRY(mvec__result_text(ctx, r, k->basis_short, ok ? basis_short(v) : NULL));
    MVEC_TRY(mvec__result_text(ctx, r, k->dimension, v->dimension ? v->dimension : ""));
    mvec__result_number(r, k->listed, (double)v->partner_count);
    mvec__result_number(r, k->scenarios, (double)v->scenario_count);
    mvec__result_number(r, k->inputs, (double)(v->input_count + v->membership_count));
    mvec__result_number(r, k->weight, v->weight);
    MVEC_TRY(sources_text(ctx, v, &text));
    MVEC_TRY(mvec__result_text(ctx, r, k->sources, text.length ? text.data : ""));
    if (!ok) {
        MVEC_TRY(mvec__result_text(ctx, r, k->top_text, "not computed"));
        goto cleanup;
    }
    mvec__result_interval(r, k->unlisted, v->unlisted);
    mvec__buf_reset(&text);
    if (v->from_memberships) /* equal ties: naming two would pick them alphabetically */
        MVEC_TRY(mvec__buf_printf(ctx, &text, "%zu organisations", v->partner_count));
    else
        MVEC_TRY(top_partners_text(ctx, v, TABLE_PARTNERS, 0, " ", &text));
    MVEC_TRY(mvec__result_text(ctx, r, k->top_text, text.data));
    for (size_t t = 0; t < TOP_PARTNERS && t < v->partner_count; t++) {
        MVEC_TRY(mvec__result_text(ctx, r, k->top[t], v->partners[t].partner->code));
        mvec__result_interval(r, k->top_share[t], v->partners[t].share);
    }
    for (size_t b = 0; b < mvec_bloc_count(scheme); b++)
        mvec__result_interval(r, k->bloc + b, v->bloc_shares[b]);
    mvec__result_interval(r, k->domestic, v->domestic);
    mvec__result_interval(r, k->exposure, v->exposure);
    mvec__result_interval(r, k->balance, v->balance);
    MVEC_TRY(mvec__result_text(ctx, r, k->leader,
                               v->leader == SIZE_MAX ? NULL : mvec_bloc_name(scheme, v->leader)));
    mvec__result_interval(r, k->margin, v->margin);
    for (size_t i = 0; i < MVEC_INDEX_COUNT; i++)
        mvec__result_interval(r, k->index + i, v->indices->value[i]);
cleanup:
    mvec__buf_clear(ctx, &text);
    return status;
}

static mvec_status composite_row(mvec_ctx *ctx, const mvec_profile *profile,
                                 const profile_columns *k, mvec__result *r)
{
    mvec_status status = MVEC_OK;
    const mvec_bloc_scheme *scheme = mvec_profile_scheme(profile);
    const mvec_composite *c = mvec_profile_composite(profile);
    char cell[CELL];
    MVEC_TRY(mvec__result_row(ctx, r));
    MVEC_TRY(mvec__result_text(ctx, r, k->country, mvec_profile_country(profile)->code));
    MVEC_TRY(mvec__result_text(ctx, r, k->vector, "composite"));
    MVEC_TRY(mvec__result_text(ctx, r, k->status, c->status ? c->status : "ok"));
    MVEC_TRY(mvec__result_text(ctx, r, k->basis, "weighted"));
    MVEC_TRY(mvec__result_text(ctx, r, k->basis_short, "weighted"));
    snprintf(cell, sizeof cell, "%zu vector%s", c->vector_count, c->vector_count == 1 ? "" : "s");
    MVEC_TRY(mvec__result_text(ctx, r, k->top_text, cell));
    for (size_t b = 0; c->vector_count > 0 && b < mvec_bloc_count(scheme); b++)
        mvec__result_interval(r, k->bloc + b, c->bloc_shares[b]);
    if (c->vector_count > 0)
        mvec__result_interval(r, k->exposure, c->exposure);
    mvec__result_interval(r, k->balance, c->balance);
    MVEC_TRY(mvec__result_text(ctx, r, k->leader,
                               c->leader == SIZE_MAX ? NULL : mvec_bloc_name(scheme, c->leader)));
    mvec__result_interval(r, k->margin, c->margin);
    mvec__result_number(r, k->weight, 1);
    MVEC_TRY(mvec__result_text(ctx, r, k->sources, c->weights_text));
cleanup:
    return status;
}

static mvec_status profile_result(mvec_ctx *ctx, const mvec_profile *profile, profile_columns *k,
                                  mvec__result *r)
{
    mvec_status status = MVEC_OK;
    MVEC_TRY(profile_columns_add(ctx, mvec_profile_scheme(profile), r, k));
    for (size_t i = 0; i < mvec_profile_vector_count(profile); i++)
        MVEC_TRY(vector_row(ctx, profile, mvec_profile_vector(profile, i), k, r));
    MVEC_TRY(composite_row(ctx, profile, k, r));
cleanup:
    return status;
}

mvec_status mvec__profile_result(mvec_ctx *ctx, const mvec_profile *profile, mvec__result *r)
{
    profile_columns columns;
    return profile_result(ctx, profile, &columns, r);
}

static mvec_status vector_notes(mvec_ctx *ctx, const mvec_profile *profile,
                                const mvec_vector_profile *v, references *refs, mvec__buf *out)
{
    mvec_status status = MVEC_OK;
    char year[64];
    char a[64];
    char b[64];
    char item[512];
    mvec__buf line = MVEC__BUF_INIT(1 << 16);
    year_text(year, sizeof year, v);
    MVEC_TRY(mvec__buf_printf(ctx, &line, "%s %s", v->vector, year));
    if (v->status != NULL) {
        MVEC_TRY(mvec__buf_printf(ctx, &line, ": not computed: %s", v->status));
    } else if (v->from_memberships) {
        MVEC_TRY(mvec__buf_printf(ctx, &line,
                                  ": %zu memberships and agreements in force, one tie each",
                                  v->partner_count));
    } else {
        mvec__fmt_interval(a, sizeof a, v->unlisted, 100, 1);
        MVEC_TRY(mvec__buf_printf(ctx, &line, " (%s, %s, %s): %zu partner%s listed, %s %% unlisted",
                                  basis_text(v), v->dimension, v->table ? "one table" : "compiled",
                                  v->partner_count, v->partner_count == 1 ? "" : "s", a));
        if (v->unlisted.hi > 0) {
            mvec_interval largest = {v->largest_unlisted.hi, v->largest_unlisted.hi};
            mvec__fmt_interval(b, sizeof b, largest, 100, 1);
            MVEC_TRY(mvec__buf_printf(ctx, &line,
                                      " (one unlisted partner could hold up to %s %%%s)", b,
                                      isfinite(v->cap) ? ", top list" : ""));
        }
        if (v->scenario_count > 1)
            MVEC_TRY(mvec__buf_printf(ctx, &line, "; %zu combinations of conflicting values",
                                      v->scenario_count));
        if (v->domestic.hi > 0) {
            mvec__fmt_interval(b, sizeof b, v->domestic, 100, 1);
            MVEC_TRY(mvec__buf_printf(ctx, &line, "; domestic %s %%", b));
        }
    }
    MVEC_TRY(mvec__buf_puts(ctx, out, "  "));
    MVEC_TRY(mvec__wrap(ctx, out, line.data, 2, 4, WRAP_WIDTH));
    MVEC_TRY(mvec__buf_puts(ctx, out, "\n"));
    if (v->status == NULL) {
        /* Every bloc share and every index of the index table. */
        const mvec_bloc_scheme *scheme = mvec_profile_scheme(profile);
        size_t at = 0;
        for (size_t k = 0; k < mvec_bloc_count(scheme); k++) {
            mvec__fmt_interval(a, sizeof a, v->bloc_shares[k], 100, 1);
            snprintf(item, sizeof item, "%s %s", mvec_bloc_name(scheme, k), a);
            MVEC_TRY(wrap_item(ctx, out, &at, item, "    blocs %: "));
        }
        mvec__fmt_interval(a, sizeof a, v->exposure, 100, 1);
        snprintf(item, sizeof item, "exposure %s", a);
        MVEC_TRY(wrap_item(ctx, out, &at, item, "    blocs %: "));
        MVEC_TRY(mvec__buf_puts(ctx, out, "\n"));
        at = 0;
        for (size_t k = 0; k < MVEC_INDEX_COUNT; k++) {
            const mvec_index_desc *d = mvec_index_info((mvec_index_id)k);
            mvec__fmt_interval(a, sizeof a, v->indices->value[k], d->scale, d->decimals);
            snprintf(item, sizeof item, "%s %s%s", d->label, a, d->scale > 99 ? " %" : "");
            MVEC_TRY(wrap_item(ctx, out, &at, item, "    indices: "));
        }
        MVEC_TRY(mvec__buf_puts(ctx, out, "\n"));
    }
    size_t column = 0;
    for (size_t i = 0; i < v->input_count; i++) {
        const mvec_observation *o = v->inputs[i];
        size_t number;
        char value[128];
        MVEC_TRY(reference_of(ctx, refs, o, &number));
        /* A source with many figures (a statistical table) is summarised. */
        size_t from_source = 0;
        size_t earlier = 0;
        for (size_t j = 0; j < v->input_count; j++)
            if (same_source(v->inputs[j], o)) {
                from_source++;
                earlier += j < i ? 1u : 0u;
            }
        if (from_source > SUMMARY_THRESHOLD) {
            if (earlier > 0)
                continue;
            snprintf(item, sizeof item, "%zu figures (total and partners) [%zu]", from_source,
                     number);
        } else {
            mvec__fmt_observed(value, sizeof value, o);
            snprintf(item, sizeof item, "%s%s%s %s [%zu]", o->partner->code, o->item[0] ? "/" : "",
                     o->item, value, number);
        }
        MVEC_TRY(wrap_item(ctx, out, &column, item, "    "));
    }
    for (size_t i = 0; i < v->membership_count; i++) {
        const mvec_membership *m = v->memberships[i];
        snprintf(item, sizeof item, "%s %s %d", m->organisation->code, m->status, m->joined);
        MVEC_TRY(wrap_item(ctx, out, &column, item, "    "));
    }
    if (column > 0)
        MVEC_TRY(mvec__buf_puts(ctx, out, "\n"));
    column = 0;
    for (size_t i = 0; i < v->excluded_count; i++) {
        const mvec_observation *o = v->excluded[i];
        size_t number;
        char value[128];
        MVEC_TRY(reference_of(ctx, refs, o, &number));
        mvec__fmt_observed(value, sizeof value, o);
        snprintf(item, sizeof item, "%s %s [%zu]", o->partner->code, value, number);
        MVEC_TRY(wrap_item(ctx, out, &column, item, "    bounds, not used: "));
    }
    if (column > 0)
        MVEC_TRY(mvec__buf_puts(ctx, out, "\n"));
    column = 0;
    for (size_t i = 0; i < v->alternative_count; i++) {
        const mvec_alternative *alt = &v->alternatives[i];
        /* a compiled alternative from one publication (a press figure) names it */
        bool named = alt->table == NULL && alt->source != NULL;
        snprintf(item, sizeof item, "%d%s%s %s %s %s%s%s%s%s", alt->year, alt->period[0] ? " " : "",
                 alt->period, mvec_basis_name(alt->basis), alt->dimension,
                 alt->table ? "table" : "compiled", alt->status ? " (no total)" : "",
                 named ? " (" : "", named ? alt->source : "", named ? ")" : "");
        MVEC_TRY(wrap_item(ctx, out, &column, item, "    other data: "));
    }
    if (column > 0)
        MVEC_TRY(mvec__buf_puts(ctx, out, "\n"));
cleanup:
    mvec__buf_clear(ctx, &line);
    return status;
}

/* ---- text ------------------------------------------------------------------------------- */

/* The legend under the table: what each column means, in three lines of at
 * most 120 columns. The margin is exactly what bloc_bounds.c computes:
 * sigma_(1) - sigma_(2) with sigma_b = S_b / (sum of the great-power S),
 * its least and largest value over every allocation (docs/methods.md, 4). */
static mvec_status legend(mvec_ctx *ctx, mvec__buf *out)
{
    return mvec__buf_puts(
        ctx, out,
        "\n* = not one calendar year; basis = whose statistics; shares in % of the vector's"
        " total; a–b = all values the data allow.\n"
        "balance = 1 − normalised HHI of great-power shares (1 = even, 0 = one power); "
        "leader = first great power in every case.\n"
        "margin = (first − second great-power share) ÷ sum of great-power shares, least to most; "
        "HHI = Σ share².\n");
}

/* "Not computed: no data for 2030: trade.total, trade.exports; ..." - the
 * vectors without a result, grouped by reason, wrapped at 120 columns.
 * Cost: O(vectors^2) (vectors are few). */
static mvec_status not_computed(mvec_ctx *ctx, const mvec_profile *profile, mvec__buf *out)
{
    mvec_status status = MVEC_OK;
    mvec__buf line = MVEC__BUF_INIT(1 << 16);
    size_t count = mvec_profile_vector_count(profile);
    for (size_t i = 0; i < count; i++) {
        const mvec_vector_profile *v = mvec_profile_vector(profile, i);
        bool earlier = false;
        for (size_t j = 0; j < i && !earlier; j++) {
            const mvec_vector_profile *w = mvec_profile_vector(profile, j);
            earlier = w->status != NULL && strcmp(w->status, v->status ? v->status : "") == 0;
        }
        if (v->status == NULL || earlier)
            continue;
        MVEC_TRY(mvec__buf_printf(ctx, &line,
                                  "%s%s:", line.length ? "; " : "Not computed: ", v->status));
        for (size_t j = i, n = 0; j < count; j++) {
            const mvec_vector_profile *w = mvec_profile_vector(profile, j);
            if (w->status == NULL || strcmp(w->status, v->status) != 0)
                continue;
            char year[64] = "";
            if (w->year != 0)
                year_text(year, sizeof year, w);
            MVEC_TRY(mvec__buf_printf(ctx, &line, "%s %s%s%s", n++ ? "," : "", w->vector,
                                      year[0] ? " " : "", year));
        }
    }
    if (line.length > 0) {
        MVEC_TRY(mvec__buf_puts(ctx, &line, "."));
        MVEC_TRY(mvec__wrap(ctx, out, line.data, 0, 2, 120));
        MVEC_TRY(mvec__buf_putc(ctx, out, '\n'));
    }
cleanup:
    mvec__buf_clear(ctx, &line);
    return status;
}

/* "Reporter vs mirror": for each vector with the partners' own figures of
 * the same year (mvec_mirror, docs/methods.md section 5), the HHI from each
 * as a range and the partner whose share differs most, wrapped at 120. */
static mvec_status mirrors(mvec_ctx *ctx, const mvec_profile *profile, mvec__buf *out)
{
    mvec_status status = MVEC_OK;
    mvec__buf line = MVEC__BUF_INIT(1 << 16);
    bool any = false;
    for (size_t i = 0; i < mvec_profile_vector_count(profile); i++) {
        const mvec_vector_profile *v = mvec_profile_vector(profile, i);
        const mvec_mirror *m = v->mirror;
        if (v->status != NULL || m == NULL)
            continue;
        if (!any)
            MVEC_TRY(mvec__buf_puts(ctx, out, "Reporter vs mirror (the partners' own "
                                              "statistics of the same year):\n"));
        any = true;
        char lo[32], hi[32], r[32], p[32], rs[32], ps[32];
        mvec__fmt_fixed(lo, m->reporter_hhi < m->mirror_hhi ? m->reporter_hhi : m->mirror_hhi, 3);
        mvec__fmt_fixed(hi, m->reporter_hhi < m->mirror_hhi ? m->mirror_hhi : m->reporter_hhi, 3);
        mvec__fmt_fixed(r, m->reporter_hhi, 3);
        mvec__fmt_fixed(p, m->mirror_hhi, 3);
        mvec__buf_reset(&line);
        MVEC_TRY(mvec__buf_printf(ctx, &line, "%s %d: HHI %s%s%s (reporter %s, mirror %s)",
                                  v->vector, v->year, lo, strcmp(lo, hi) ? "–" : "",
                                  strcmp(lo, hi) ? hi : "", r, p));
        if (m->whole)
            MVEC_TRY(mvec__buf_printf(ctx, &line, " over %zu partners", m->partner_count));
        else
            MVEC_TRY(mvec__buf_printf(ctx, &line, " within the %zu partners both list",
                                      m->partner_count));
        if (m->gap_partner != NULL) {
            mvec__fmt_fixed(rs, m->reporter_share * 100, 1);
            mvec__fmt_fixed(ps, m->mirror_share * 100, 1);
            MVEC_TRY(mvec__buf_printf(ctx, &line, "; largest gap: %s share %s %% vs %s %%",
                                      m->gap_partner->code, rs, ps));
        }
        MVEC_TRY(mvec__buf_printf(ctx, &line, "; mirror: %s (%s)", m->source, m->dimension));
        MVEC_TRY(mvec__buf_puts(ctx, out, "  "));
        MVEC_TRY(mvec__wrap(ctx, out, line.data, 2, 4, 120));
        MVEC_TRY(mvec__buf_putc(ctx, out, '\n'));
    }
cleanup:
    mvec__buf_clear(ctx, &line);
    return status;
}

static mvec_status write_table(mvec_ctx *ctx, const mvec_profile *profile, unsigned flags,
                               mvec__buf *out)
{
    mvec_status status = MVEC_OK;
    const mvec_bloc_scheme *scheme = mvec_profile_scheme(profile);
    const mvec_country *country = mvec_profile_country(profile);
    const mvec_composite *k = mvec_profile_composite(profile);
    references refs = {NULL, 0, 0};
    mvec__result r;
    profile_columns columns;
    mvec__result_init(&r);
    MVEC_TRY(profile_result(ctx, profile, &columns, &r));
    r.compact = true; /* eleven columns, most of them ranges, in 120 */
    MVEC_TRY(mvec__buf_printf(ctx, out,
                              "%s (%s): multi-vector profile; bloc scheme '%s', great powers",
                              country->name, country->code, mvec_bloc_scheme_name(scheme)));
    for (size_t b = 0, n = 0; b < mvec_bloc_count(scheme); b++)
        if (mvec_bloc_is_great_power(scheme, b))
            MVEC_TRY(
                mvec__buf_printf(ctx, out, "%s %s", n++ ? "," : "", mvec_bloc_name(scheme, b)));
    MVEC_TRY(mvec__buf_puts(ctx, out, "\n\n"));
    MVEC_TRY(mvec__render_text(ctx, &r, out));
    MVEC_TRY(legend(ctx, out));
    MVEC_TRY(not_computed(ctx, profile, out));
    MVEC_TRY(mirrors(ctx, profile, out));
    if (k->status != NULL)
        MVEC_TRY(mvec__buf_printf(ctx, out, "Composite: %s.\n", k->status));
    if ((flags & MVEC_WRITE_NOTES) == 0)
        goto cleanup;

    MVEC_TRY(mvec__buf_puts(ctx, out, "\ncomposite weights: "));
    MVEC_TRY(
        mvec__wrap(ctx, out, k->weights_text[0] ? k->weights_text : "(none)", 19, 4, WRAP_WIDTH));
    MVEC_TRY(mvec__buf_puts(ctx, out, "\nranges: "));
    MVEC_TRY(mvec__wrap(ctx, out, mvec_profile_assumption(profile), 8, 4, WRAP_WIDTH));
    MVEC_TRY(mvec__buf_puts(ctx, out, ".\n\nnotes and inputs ([n] = source below)\n"));
    for (size_t i = 0; i < mvec_profile_vector_count(profile); i++)
        MVEC_TRY(vector_notes(ctx, profile, mvec_profile_vector(profile, i), &refs, out));
    MVEC_TRY(mvec__buf_puts(ctx, out, "\nsources\n"));
    for (size_t i = 0; i < refs.count; i++) {
        const mvec_observation *o = refs.first[i];
        mvec__buf line = MVEC__BUF_INIT(1 << 16);
        char number[32];
        snprintf(number, sizeof number, "  [%zu] ", i + 1);
        status = mvec__describe_source(ctx, o, &line);
        if (status == MVEC_OK && o->seed[0] != '\0')
            status = mvec__buf_printf(ctx, &line, " (seed %s)", o->seed);
        if (status == MVEC_OK)
            status = mvec__buf_puts(ctx, out, number);
        if (status == MVEC_OK)
            status =
                mvec__wrap(ctx, out, line.data ? line.data : "", strlen(number), 6, WRAP_WIDTH);
        mvec__buf_clear(ctx, &line);
        if (status != MVEC_OK)
            goto cleanup;
        if (o->url[0] != '\0')
            MVEC_TRY(mvec__buf_printf(ctx, out, "\n      %s", o->url));
        MVEC_TRY(mvec__buf_puts(ctx, out, "\n"));
    }
cleanup:
    mvec__result_clear(ctx, &r);
    mvec__free(ctx, refs.first);
    return status;
}

/* ---- JSON: the rows of the result, each with its partners, indices and provenance -------- */

static json_t *json_indices(const mvec_index_bounds *x)
{
    json_t *o = json_object();
    for (size_t i = 0; o != NULL && i < MVEC_INDEX_COUNT; i++)
        if (!mvec__json_set(o, mvec_index_info((mvec_index_id)i)->key,
                            mvec__json_interval(x->value[i]))) {
            json_decref(o);
            return NULL;
        }
    return o;
}

static json_t *json_blocs(const mvec_bloc_scheme *scheme, const mvec_interval *shares)
{
    json_t *o = json_object();
    for (size_t b = 0; o != NULL && b < mvec_bloc_count(scheme); b++)
        if (!mvec__json_set(o, mvec_bloc_name(scheme, b), mvec__json_interval(shares[b]))) {
            json_decref(o);
            return NULL;
        }
    return o;
}

static json_t *json_vector(const mvec_bloc_scheme *scheme, const mvec_vector_profile *v, json_t *o)
{
    json_t *partners = json_array();
    json_t *inputs = json_array();
    json_t *excluded = json_array();
    json_t *alternatives = json_array();
    json_t *memberships = json_array();
    bool ok = o && partners && inputs && excluded && alternatives && memberships;
    for (size_t i = 0; ok && v->status == NULL && i < v->partner_count; i++) {
        json_t *p = json_object();
        ok = p && mvec__json_set(p, "partner", json_string(v->partners[i].partner->code)) &&
             mvec__json_set(p, "name", json_string(v->partners[i].partner->name)) &&
             mvec__json_set(p, "bloc",
                            v->partners[i].bloc == SIZE_MAX
                                ? json_string("domestic")
                                : json_string(mvec_bloc_name(scheme, v->partners[i].bloc))) &&
             mvec__json_set(p, "share", mvec__json_interval(v->partners[i].share)) &&
             json_array_append_new(partners, p) == 0;
    }
    if (ok && v->status == NULL)
        ok = mvec__json_set(o, "partners", json_incref(partners)) &&
             mvec__json_set(o, "largest_unlisted", mvec__json_interval(v->largest_unlisted)) &&
             mvec__json_set(o, "unlisted_cap", mvec__json_number(v->cap)) &&
             mvec__json_set(o, "bloc_shares", json_blocs(scheme, v->bloc_shares)) &&
             mvec__json_set(o, "indices", json_indices(v->indices));
    for (size_t i = 0; ok && i < v->input_count; i++)
        ok = json_array_append_new(inputs, mvec__json_observation(v->inputs[i])) == 0;
    for (size_t i = 0; ok && i < v->excluded_count; i++)
        ok = json_array_append_new(excluded, mvec__json_observation(v->excluded[i])) == 0;
    for (size_t i = 0; ok && i < v->membership_count; i++) {
        const mvec_membership *m = v->memberships[i];
        json_t *j = json_object();
        ok = j && mvec__json_set(j, "organisation", json_string(m->organisation->code)) &&
             mvec__json_set(j, "status", json_string(m->status)) &&
             mvec__json_set(j, "joined", json_integer(m->joined)) &&
             mvec__json_set(j, "source", json_string(m->source)) &&
             mvec__json_set(j, "url", json_string(m->url)) &&
             mvec__json_set(j, "quality", json_string(m->quality)) &&
             mvec__json_set(j, "quote", json_string(m->quote)) &&
             json_array_append_new(memberships, j) == 0;
    }
    for (size_t i = 0; ok && i < v->alternative_count; i++) {
        const mvec_alternative *a = &v->alternatives[i];
        json_t *j = json_object();
        ok = j && mvec__json_set(j, "year", json_integer(a->year)) &&
             mvec__json_set(j, "period", json_string(a->period)) &&
             mvec__json_set(j, "basis", json_string(mvec_basis_name(a->basis))) &&
             mvec__json_set(j, "dimension", json_string(a->dimension)) &&
             mvec__json_set(j, "partners_listed", json_integer((json_int_t)a->listed_count)) &&
             mvec__json_set(j, "status", a->status ? json_string(a->status) : json_null()) &&
             mvec__json_set(j, "source", a->source ? json_string(a->source) : json_null()) &&
             json_array_append_new(alternatives, j) == 0;
    }
    if (ok && v->mirror != NULL) {
        const mvec_mirror *m = v->mirror;
        json_t *j = json_object();
        ok = j && mvec__json_set(j, "source", json_string(m->source)) &&
             mvec__json_set(j, "dimension", json_string(m->dimension)) &&
             mvec__json_set(j, "whole", json_boolean(m->whole)) &&
             mvec__json_set(j, "partners_compared", json_integer((json_int_t)m->partner_count)) &&
             mvec__json_set(j, "reporter_hhi", json_real(m->reporter_hhi)) &&
             mvec__json_set(j, "mirror_hhi", json_real(m->mirror_hhi)) &&
             mvec__json_set(j, "gap_partner",
                            m->gap_partner ? json_string(m->gap_partner->code) : json_null()) &&
             mvec__json_set(j, "reporter_share", json_real(m->reporter_share)) &&
             mvec__json_set(j, "mirror_share", json_real(m->mirror_share)) &&
             mvec__json_set(o, "mirror", j);
    } else if (ok) {
        ok = mvec__json_set(o, "mirror", json_null());
    }
    ok = ok && mvec__json_set(o, "inputs", json_incref(inputs)) &&
         mvec__json_set(o, "excluded_bounds", json_incref(excluded)) &&
         mvec__json_set(o, "memberships", json_incref(memberships)) &&
         mvec__json_set(o, "alternatives", json_incref(alternatives));
    json_decref(partners);
    json_decref(inputs);
    json_decref(excluded);
    json_decref(alternatives);
    json_decref(memberships);
    if (!ok) {
        json_decref(o);
        return NULL;
    }
    return o;
}

static mvec_status write_json(mvec_ctx *ctx, const mvec_profile *profile, mvec__buf *out)
{
    mvec_status status = MVEC_OK;
    const mvec_bloc_scheme *scheme = mvec_profile_scheme(profile);
    const mvec_country *country = mvec_profile_country(profile);
    const mvec_composite *k = mvec_profile_composite(profile);
    mvec__result r;
    profile_columns columns;
    mvec__result_init(&r);
    MVEC_TRY(profile_result(ctx, profile, &columns, &r));
    json_t *root = json_object();
    json_t *vectors = json_array();
    json_t *great = json_array();
    json_t *composite = mvec__render_json_row(&r, r.row_count - 1);
    bool ok = root && vectors && great && composite;
    for (size_t b = 0; ok && b < mvec_bloc_count(scheme); b++)
        if (mvec_bloc_is_great_power(scheme, b))
            ok = json_array_append_new(great, json_string(mvec_bloc_name(scheme, b))) == 0;
    for (size_t i = 0; ok && i < mvec_profile_vector_count(profile); i++) {
        json_t *row = mvec__render_json_row(&r, i);
        ok = row != NULL &&
             json_array_append_new(vectors,
                                   json_vector(scheme, mvec_profile_vector(profile, i), row)) == 0;
    }
    if (ok && k->vector_count > 0)
        ok = mvec__json_set(composite, "bloc_shares", json_blocs(scheme, k->bloc_shares));
    ok = ok && mvec__json_set(composite, "vectors", json_integer((json_int_t)k->vector_count)) &&
         mvec__json_set(composite, "weights", json_string(k->weights_text));
    ok = ok && mvec__json_set(root, "mvec_version", json_string(mvec_version())) &&
         mvec__json_set(root, "country", json_string(country->code)) &&
         mvec__json_set(root, "country_name", json_string(country->name)) &&
         mvec__json_set(root, "bloc_scheme", json_string(mvec_bloc_scheme_name(scheme))) &&
         mvec__json_set(root, "great_powers", json_incref(great)) &&
         mvec__json_set(root, "assumption", json_string(mvec_profile_assumption(profile))) &&
         mvec__json_set(root, "vectors", json_incref(vectors)) &&
         mvec__json_set(root, "composite", json_incref(composite));
    json_decref(vectors);
    json_decref(great);
    json_decref(composite);
    status = ok ? mvec__json_emit(ctx, root, out)
                : mvec__error(ctx, MVEC_ERR_NOMEM, "out of memory (building JSON)");
    json_decref(root);
cleanup:
    mvec__result_clear(ctx, &r);
    return status;
}

/* ---- Excel: the profile, every input with its source number, the sources ----------------- */

/* One row per figure and tie behind the profile: the text's "notes and inputs"
 * as a table; "source" is the number on the Sources sheet, numbered as the
 * text's "[n]". */
static mvec_status inputs_result(mvec_ctx *ctx, const mvec_profile *profile, mvec__result *r,
                                 mvec__result *sources)
{
    static const char *const keys[] = {"vector", "year", "period", "use",  "partner",
                                       "item",   "value", "qualifier", "unit", "source"};
    enum { VECTOR, YEAR, PERIOD, USE, PARTNER, ITEM, VALUE, QUALIFIER, UNIT, SOURCE, COLUMNS };
    mvec_status status = MVEC_OK;
    for (size_t c = 0; c < COLUMNS; c++)
        MVEC_TRY(mvec__result_column(ctx, r, keys[c], NULL,
                                     c == YEAR || c == SOURCE ? MVEC__COLUMN_INTEGER
                                     : c == VALUE             ? MVEC__COLUMN_NUMBER
                                                              : MVEC__COLUMN_TEXT,
                                     1, -1, MVEC__DECIMALS_EXACT, 0));
    /* the figures' sources first, numbered as --notes numbers them; the ties' after */
    for (size_t i = 0; i < mvec_profile_vector_count(profile); i++) {
        const mvec_vector_profile *v = mvec_profile_vector(profile, i);
        for (size_t k = 0; k < v->input_count + v->excluded_count; k++)
            MVEC_TRY(mvec__sources_observation(
                ctx, sources, k < v->input_count ? v->inputs[k] : v->excluded[k - v->input_count],
                NULL));
    }
    for (size_t i = 0; i < mvec_profile_vector_count(profile); i++) {
        const mvec_vector_profile *v = mvec_profile_vector(profile, i);
        for (size_t k = 0; k < v->input_count + v->excluded_count; k++) {
            bool used = k < v->input_count;
            const mvec_observation *o = used ? v->inputs[k] : v->excluded[k - v->input_count];
            size_t number = 0;
            MVEC_TRY(mvec__sources_observation(ctx, sources, o, &number));
            MVEC_TRY(mvec__result_row(ctx, r));
            mvec__result_text_borrowed(ctx, r, VECTOR, v->vector);
            mvec__result_number(r, YEAR, o->year);
            mvec__result_text_borrowed(ctx, r, PERIOD, o->period);
            mvec__result_text_borrowed(ctx, r, USE, used ? "input" : "bound, not used");
            mvec__result_text_borrowed(ctx, r, PARTNER, o->partner->code);
            mvec__result_text_borrowed(ctx, r, ITEM, o->item);
            mvec__result_number(r, VALUE, o->value);
            mvec__result_text_borrowed(ctx, r, QUALIFIER, mvec_qualifier_symbol(o->qualifier));
            mvec__result_text_borrowed(ctx, r, UNIT, o->unit);
            mvec__result_number(r, SOURCE, (double)number);
        }
        for (size_t k = 0; k < v->membership_count; k++) {
            const mvec_membership *m = v->memberships[k];
            size_t number = 0;
            MVEC_TRY(mvec__sources_add(ctx, sources, m->source, NULL, NULL, m->quality, NULL,
                                       m->url, NULL, &number));
            MVEC_TRY(mvec__result_row(ctx, r));
            mvec__result_text_borrowed(ctx, r, VECTOR, v->vector);
            mvec__result_number(r, YEAR, m->joined);
            mvec__result_text_borrowed(ctx, r, USE, m->status);
            mvec__result_text_borrowed(ctx, r, PARTNER, m->organisation->code);
            mvec__result_number(r, SOURCE, (double)number);
        }
    }
cleanup:
    return status;
}

static mvec_status write_xlsx(mvec_ctx *ctx, const mvec_profile *profile, mvec__buf *out,
                              const mvec_sink *sink)
{
    mvec_status status = MVEC_OK;
    mvec__result r, inputs, sources;
    profile_columns columns;
    mvec__result_init(&r);
    mvec__result_init(&inputs);
    mvec__result_init(&sources);
    MVEC_TRY(profile_result(ctx, profile, &columns, &r));
    MVEC_TRY(mvec__sources_init(ctx, &sources));
    MVEC_TRY(inputs_result(ctx, profile, &inputs, &sources));
    mvec__sheet sheets[] = {{"Profile", &r}, {"Inputs", &inputs}};
    MVEC_TRY(mvec__workbook_emit(ctx, sheets, 2, &sources, out, sink));
cleanup:
    mvec__result_clear(ctx, &r);
    mvec__result_clear(ctx, &inputs);
    mvec__result_clear(ctx, &sources);
    return status;
}

mvec_status mvec_profile_write_with(mvec_ctx *ctx, const mvec_profile *profile, mvec_format format,
                                    unsigned flags, const mvec_sink *sink)
{
    mvec__buf out = MVEC__BUF_INIT(MVEC__OUTPUT_MAX);
    mvec_status status = MVEC_OK;
    mvec__result r;
    profile_columns columns;
    mvec__result_init(&r);
    /* Text (legend, notes) and JSON (provenance) add to the result; any other
     * format is the result as it is. */
    if (format == MVEC_FORMAT_XLSX) {
        status = write_xlsx(ctx, profile, &out, sink);
        goto cleanup; /* sent */
    } else if (format == MVEC_FORMAT_TABLE) {
        status = write_table(ctx, profile, flags, &out);
    } else if (format == MVEC_FORMAT_JSON) {
        mvec__json_set_exact((flags & MVEC_WRITE_EXACT) != 0);
        status = write_json(ctx, profile, &out);
        mvec__json_set_exact(false);
    } else {
        status = profile_result(ctx, profile, &columns, &r);
        for (size_t c = 0; c < r.column_count && (flags & MVEC_WRITE_EXACT) != 0; c++)
            if (r.columns[c].type == MVEC__COLUMN_NUMBER ||
                r.columns[c].type == MVEC__COLUMN_INTERVAL)
                r.columns[c].csv_decimals = MVEC__DECIMALS_EXACT;
        if (status == MVEC_OK)
            status = mvec__render(ctx, &r, format, NULL, &out);
    }
    if (status == MVEC_OK)
        status = mvec__sink_emit(ctx, sink, &out);
cleanup:
    mvec__result_clear(ctx, &r);
    mvec__buf_clear(ctx, &out);
    return status;
}

mvec_status mvec_profile_write(mvec_ctx *ctx, const mvec_profile *profile, mvec_format format,
                               const mvec_sink *sink)
{
    return mvec_profile_write_with(ctx, profile, format, 0, sink);
}
