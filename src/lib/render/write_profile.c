/*
 * write_profile.c - the profile as a table (one row per vector, then the
 * composite, notes and numbered sources), as CSV (one row per vector plus
 * one for the composite) and as JSON (everything, with provenance).
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "render_internal.h"

enum { TOP_PARTNERS = 3, WRAP_WIDTH = 100, SUMMARY_THRESHOLD = 12 };

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
    mvec_status status = mvec__grow(ctx, &refs->first, &refs->capacity, refs->count + 1,
                                    sizeof *refs->first);
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
    MVEC_TRY(mvec__buf_puts(ctx, out, item));
    *column += width;
cleanup:
    return status;
}

/* ---- cells ---------------------------------------------------------------------------- */

static void year_text(char *out, size_t size, const mvec_vector_profile *v)
{
    if (v->year == 0)
        snprintf(out, size, "-");
    else if (v->period[0] != '\0')
        snprintf(out, size, "%d %s", v->year, v->period);
    else
        snprintf(out, size, "%d", v->year);
}

static const char *basis_text(const mvec_vector_profile *v)
{
    return v->from_memberships ? "memberships" : mvec_basis_name(v->basis);
}

static mvec_status top_partners_text(mvec_ctx *ctx, const mvec_vector_profile *v,
                                     mvec__buf *out)
{
    mvec_status status = MVEC_OK;
    for (size_t i = 0; i < v->partner_count && i < TOP_PARTNERS; i++) {
        char share[64];
        mvec__fmt_interval(share, sizeof share, v->partners[i].share, 100, 1);
        MVEC_TRY(mvec__buf_printf(ctx, out, "%s%s %s", i ? ", " : "",
                                  v->partners[i].partner->code, share));
    }
    if (v->partner_count == 0)
        MVEC_TRY(mvec__buf_puts(ctx, out, "-"));
cleanup:
    return status;
}

static const char *leader_text(const mvec_bloc_scheme *scheme, size_t leader)
{
    return leader == SIZE_MAX ? "-" : mvec_bloc_name(scheme, leader);
}

/* ---- table ------------------------------------------------------------------------------ */

static mvec_status table_rows(mvec_ctx *ctx, const mvec_profile *profile, mvec__text_table *t)
{
    mvec_status status = MVEC_OK;
    const mvec_bloc_scheme *scheme = mvec_profile_scheme(profile);
    size_t blocs = mvec_bloc_count(scheme);
    size_t columns = t->columns;
    char **cells = NULL;
    mvec__buf top = MVEC__BUF_INIT(4096);
    MVEC_TRY(mvec__calloc(ctx, columns, sizeof *cells, &cells));
    for (size_t c = 0; c < columns; c++)
        MVEC_TRY(mvec__alloc(ctx, 128, &cells[c]));
    /* header */
    size_t c = 0;
    snprintf(cells[c++], 128, "vector");
    snprintf(cells[c++], 128, "year");
    snprintf(cells[c++], 128, "basis");
    snprintf(cells[c++], 128, "top partners, %%");
    for (size_t b = 0; b < blocs; b++)
        snprintf(cells[c++], 128, "%s %%", mvec_bloc_name(scheme, b));
    snprintf(cells[c++], 128, "exposure %%");
    snprintf(cells[c++], 128, "balance");
    snprintf(cells[c++], 128, "margin");
    snprintf(cells[c++], 128, "leader");
    snprintf(cells[c++], 128, "HHI");
    snprintf(cells[c++], 128, "eq. partners");
    MVEC_TRY(mvec__text_table_add(ctx, t, (const char *const *)cells));
    for (size_t i = 0; i < mvec_profile_vector_count(profile); i++) {
        const mvec_vector_profile *v = mvec_profile_vector(profile, i);
        c = 0;
        snprintf(cells[c++], 128, "%s", v->vector);
        year_text(cells[c++], 128, v);
        snprintf(cells[c++], 128, "%s", v->status ? "-" : basis_text(v));
        if (v->status != NULL) {
            snprintf(cells[c++], 128, "not computed (see notes)");
            while (c < columns)
                snprintf(cells[c++], 128, "-");
        } else {
            mvec__buf_reset(&top);
            MVEC_TRY(top_partners_text(ctx, v, &top));
            snprintf(cells[c++], 128, "%s", top.data);
            for (size_t b = 0; b < blocs; b++)
                mvec__fmt_interval(cells[c++], 128, v->bloc_shares[b], 100, 1);
            mvec__fmt_interval(cells[c++], 128, v->exposure, 100, 1);
            mvec__fmt_interval(cells[c++], 128, v->balance, 1, 2);
            mvec__fmt_interval(cells[c++], 128, v->margin, 1, 2);
            snprintf(cells[c++], 128, "%s", leader_text(scheme, v->leader));
            mvec__fmt_interval(cells[c++], 128, v->indices.hhi, 1, 3);
            mvec__fmt_interval(cells[c++], 128, v->indices.equivalent_partners, 1, 1);
        }
        MVEC_TRY(mvec__text_table_add(ctx, t, (const char *const *)cells));
    }
    const mvec_composite *k = mvec_profile_composite(profile);
    c = 0;
    snprintf(cells[c++], 128, "composite");
    snprintf(cells[c++], 128, "-");
    snprintf(cells[c++], 128, "weighted");
    snprintf(cells[c++], 128, "%zu vector%s", k->vector_count, k->vector_count == 1 ? "" : "s");
    for (size_t b = 0; b < blocs; b++)
        if (k->vector_count > 0)
            mvec__fmt_interval(cells[c++], 128, k->bloc_shares[b], 100, 1);
        else
            snprintf(cells[c++], 128, "-");
    if (k->vector_count > 0)
        mvec__fmt_interval(cells[c++], 128, k->exposure, 100, 1);
    else
        snprintf(cells[c++], 128, "-");
    mvec__fmt_interval(cells[c++], 128, k->balance, 1, 2);
    mvec__fmt_interval(cells[c++], 128, k->margin, 1, 2);
    snprintf(cells[c++], 128, "%s", leader_text(scheme, k->leader));
    snprintf(cells[c++], 128, "-");
    snprintf(cells[c++], 128, "-");
    MVEC_TRY(mvec__text_table_add(ctx, t, (const char *const *)cells));
cleanup:
    if (cells != NULL)
        for (size_t i = 0; i < columns; i++)
            mvec__free(ctx, cells[i]);
    mvec__free(ctx, cells);
    mvec__buf_clear(ctx, &top);
    return status;
}

static mvec_status vector_notes(mvec_ctx *ctx, const mvec_profile *profile,
                                const mvec_vector_profile *v, references *refs, mvec__buf *out)
{
    mvec_status status = MVEC_OK;
    char year[64];
    char a[64];
    char b[64];
    char item[512];
    year_text(year, sizeof year, v);
    MVEC_TRY(mvec__buf_printf(ctx, out, "  %s %s", v->vector, year));
    if (v->status != NULL) {
        MVEC_TRY(mvec__buf_printf(ctx, out, ": not computed: %s\n", v->status));
    } else if (v->from_memberships) {
        MVEC_TRY(mvec__buf_printf(ctx, out,
                                  ": %zu memberships and agreements in force, one tie each\n",
                                  v->partner_count));
    } else {
        mvec__fmt_interval(a, sizeof a, v->unlisted, 100, 1);
        MVEC_TRY(mvec__buf_printf(ctx, out, " (%s, %s, %s): %zu partner%s listed, %s %% unlisted",
                                  basis_text(v), v->dimension,
                                  v->table ? "one table" : "compiled", v->partner_count,
                                  v->partner_count == 1 ? "" : "s", a));
        if (v->unlisted.hi > 0) {
            mvec_interval largest = {v->largest_unlisted.hi, v->largest_unlisted.hi};
            mvec__fmt_interval(b, sizeof b, largest, 100, 1);
            MVEC_TRY(mvec__buf_printf(ctx, out, " (one unlisted partner could hold up to %s %%%s)",
                                      b, isfinite(v->cap) ? ", top list" : ""));
        }
        if (v->scenario_count > 1)
            MVEC_TRY(mvec__buf_printf(ctx, out,
                                      "; %zu combinations of conflicting values",
                                      v->scenario_count));
        if (v->domestic.hi > 0) {
            mvec__fmt_interval(b, sizeof b, v->domestic, 100, 1);
            MVEC_TRY(mvec__buf_printf(ctx, out, "; domestic %s %%", b));
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
            snprintf(item, sizeof item, "%s%s%s %s [%zu]", o->partner->code,
                     o->item[0] ? "/" : "", o->item, value, number);
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
        snprintf(item, sizeof item, "%d%s%s %s %s %s%s", alt->year, alt->period[0] ? " " : "",
                 alt->period, mvec_basis_name(alt->basis), alt->dimension,
                 alt->table ? "table" : "compiled", alt->status ? " (no total)" : "");
        MVEC_TRY(wrap_item(ctx, out, &column, item, "    other data: "));
    }
    if (column > 0)
        MVEC_TRY(mvec__buf_puts(ctx, out, "\n"));
    (void)profile;
cleanup:
    return status;
}

static mvec_status write_table(mvec_ctx *ctx, const mvec_profile *profile, mvec__buf *out)
{
    mvec_status status = MVEC_OK;
    const mvec_bloc_scheme *scheme = mvec_profile_scheme(profile);
    const mvec_country *country = mvec_profile_country(profile);
    const mvec_composite *k = mvec_profile_composite(profile);
    size_t blocs = mvec_bloc_count(scheme);
    size_t columns = 4 + blocs + 6;
    bool *right = NULL;
    mvec__text_table table;
    references refs = {NULL, 0, 0};
    mvec__text_table_init(&table, columns, NULL);
    MVEC_TRY(mvec__calloc(ctx, columns, sizeof *right, &right));
    for (size_t c = 4; c < columns; c++)
        right[c] = true;
    right[4 + blocs + 3] = false; /* leader */
    table.right = right;

    MVEC_TRY(mvec__buf_printf(ctx, out, "%s (%s): multi-vector profile; bloc scheme '%s'",
                              country->name, country->code, mvec_bloc_scheme_name(scheme)));
    MVEC_TRY(mvec__buf_puts(ctx, out, ", great powers:"));
    for (size_t b = 0, n = 0; b < blocs; b++)
        if (mvec_bloc_is_great_power(scheme, b))
            MVEC_TRY(mvec__buf_printf(ctx, out, "%s %s", n++ ? "," : "",
                                      mvec_bloc_name(scheme, b)));
    MVEC_TRY(mvec__buf_puts(ctx, out, "\n\n"));
    MVEC_TRY(table_rows(ctx, profile, &table));
    MVEC_TRY(mvec__text_table_render(ctx, &table, out));

    MVEC_TRY(mvec__buf_printf(ctx, out, "\ncomposite weights: %s",
                              k->weights_text[0] ? k->weights_text : "(none)"));
    if (k->status != NULL)
        MVEC_TRY(mvec__buf_printf(ctx, out, " (%s)", k->status));
    MVEC_TRY(mvec__buf_puts(ctx, out,
                            "\nshares and exposure in % of each vector's total; balance = 1 - "
                            "normalised HHI of the great-power shares (1 = even);"
                            "\nmargin = lead of the first great power over the second, as a "
                            "fraction of their combined share;\nranges: "));
    MVEC_TRY(mvec__buf_printf(ctx, out, "%s.\n\nnotes and inputs ([n] = source below)\n",
                              mvec_profile_assumption(profile)));
    for (size_t i = 0; i < mvec_profile_vector_count(profile); i++)
        MVEC_TRY(vector_notes(ctx, profile, mvec_profile_vector(profile, i), &refs, out));
    MVEC_TRY(mvec__buf_puts(ctx, out, "\nsources\n"));
    for (size_t i = 0; i < refs.count; i++) {
        const mvec_observation *o = refs.first[i];
        MVEC_TRY(mvec__buf_printf(ctx, out, "  [%zu] ", i + 1));
        MVEC_TRY(mvec__describe_source(ctx, o, out));
        if (o->seed[0] != '\0')
            MVEC_TRY(mvec__buf_printf(ctx, out, " (seed %s)", o->seed));
        if (o->url[0] != '\0')
            MVEC_TRY(mvec__buf_printf(ctx, out, "\n      %s", o->url));
        MVEC_TRY(mvec__buf_puts(ctx, out, "\n"));
    }
cleanup:
    mvec__text_table_clear(ctx, &table);
    mvec__free(ctx, right);
    mvec__free(ctx, refs.first);
    return status;
}

/* ---- CSV ---------------------------------------------------------------------------------- */

static mvec_status put_interval(mvec_ctx *ctx, mvec__buf *out, mvec_interval interval,
                                double scale, int decimals)
{
    mvec_status status = mvec__csv_put_number(ctx, out, interval.lo * scale, decimals, false);
    if (status == MVEC_OK)
        status = mvec__csv_put_number(ctx, out, interval.hi * scale, decimals, false);
    return status;
}

static mvec_status csv_header(mvec_ctx *ctx, const mvec_bloc_scheme *scheme, mvec__buf *out)
{
    mvec_status status = MVEC_OK;
    MVEC_TRY(mvec__buf_puts(ctx, out,
                            "country,vector,status,year,period,basis,dimension,partners_listed,"
                            "unlisted_pct_lo,unlisted_pct_hi"));
    for (int i = 1; i <= TOP_PARTNERS; i++)
        MVEC_TRY(mvec__buf_printf(ctx, out, ",top%d,top%d_pct_lo,top%d_pct_hi", i, i, i));
    for (size_t b = 0; b < mvec_bloc_count(scheme); b++)
        MVEC_TRY(mvec__buf_printf(ctx, out, ",%s_pct_lo,%s_pct_hi", mvec_bloc_name(scheme, b),
                                  mvec_bloc_name(scheme, b)));
    MVEC_TRY(mvec__buf_puts(ctx, out,
                            ",domestic_pct_lo,domestic_pct_hi,exposure_pct_lo,exposure_pct_hi,"
                            "balance_lo,balance_hi,margin_lo,margin_hi,leader,hhi_lo,hhi_hi,"
                            "hhi_normalised_lo,hhi_normalised_hi,equivalent_partners_lo,"
                            "equivalent_partners_hi,cr1_pct_lo,cr1_pct_hi,cr3_pct_lo,cr3_pct_hi,"
                            "entropy_lo,entropy_hi,evenness_lo,evenness_hi,scenarios,inputs,"
                            "weight,sources\n"));
cleanup:
    return status;
}

static mvec_status csv_sources(mvec_ctx *ctx, const mvec_vector_profile *v, mvec__buf *text)
{
    mvec_status status = MVEC_OK;
    for (size_t i = 0; i < v->input_count; i++) {
        const mvec_observation *o = v->inputs[i];
        bool seen = false;
        for (size_t j = 0; j < i && !seen; j++)
            seen = strcmp(v->inputs[j]->source, o->source) == 0 &&
                   strcmp(v->inputs[j]->source_date, o->source_date) == 0;
        if (!seen)
            MVEC_TRY(mvec__buf_printf(ctx, text, "%s%s%s%s%s", text->length ? "; " : "",
                                      o->source, o->source_date[0] ? " (" : "", o->source_date,
                                      o->source_date[0] ? ")" : ""));
    }
cleanup:
    return status;
}

static mvec_status write_csv(mvec_ctx *ctx, const mvec_profile *profile, mvec__buf *out)
{
    mvec_status status = MVEC_OK;
    const mvec_bloc_scheme *scheme = mvec_profile_scheme(profile);
    const char *code = mvec_profile_country(profile)->code;
    size_t blocs = mvec_bloc_count(scheme);
    mvec__buf text = MVEC__BUF_INIT(1 << 20);
    char number[64];
    MVEC_TRY(csv_header(ctx, scheme, out));
    for (size_t i = 0; i < mvec_profile_vector_count(profile); i++) {
        const mvec_vector_profile *v = mvec_profile_vector(profile, i);
        bool ok = v->status == NULL;
        MVEC_TRY(mvec__csv_put(ctx, out, code, false));
        MVEC_TRY(mvec__csv_put(ctx, out, v->vector, false));
        MVEC_TRY(mvec__csv_put(ctx, out, ok ? "ok" : v->status, false));
        snprintf(number, sizeof number, "%d", v->year);
        MVEC_TRY(mvec__csv_put(ctx, out, v->year ? number : "", false));
        MVEC_TRY(mvec__csv_put(ctx, out, v->period ? v->period : "", false));
        MVEC_TRY(mvec__csv_put(ctx, out, ok ? basis_text(v) : "", false));
        MVEC_TRY(mvec__csv_put(ctx, out, v->dimension ? v->dimension : "", false));
        snprintf(number, sizeof number, "%zu", v->partner_count);
        MVEC_TRY(mvec__csv_put(ctx, out, number, false));
        mvec_interval none = {NAN, NAN};
        MVEC_TRY(put_interval(ctx, out, ok ? v->unlisted : none, 100, 8));
        for (size_t t = 0; t < TOP_PARTNERS; t++) {
            bool has = ok && t < v->partner_count;
            MVEC_TRY(mvec__csv_put(ctx, out, has ? v->partners[t].partner->code : "", false));
            MVEC_TRY(put_interval(ctx, out, has ? v->partners[t].share : none, 100, 8));
        }
        for (size_t b = 0; b < blocs; b++)
            MVEC_TRY(put_interval(ctx, out, ok ? v->bloc_shares[b] : none, 100, 8));
        MVEC_TRY(put_interval(ctx, out, ok ? v->domestic : none, 100, 8));
        MVEC_TRY(put_interval(ctx, out, ok ? v->exposure : none, 100, 8));
        MVEC_TRY(put_interval(ctx, out, ok ? v->balance : none, 1, 8));
        MVEC_TRY(put_interval(ctx, out, ok ? v->margin : none, 1, 8));
        MVEC_TRY(mvec__csv_put(ctx, out, ok && v->leader != SIZE_MAX
                                             ? mvec_bloc_name(scheme, v->leader)
                                             : "",
                               false));
        const mvec_index_bounds *x = &v->indices;
        MVEC_TRY(put_interval(ctx, out, ok ? x->hhi : none, 1, 8));
        MVEC_TRY(put_interval(ctx, out, ok ? x->hhi_normalised : none, 1, 8));
        MVEC_TRY(put_interval(ctx, out, ok ? x->equivalent_partners : none, 1, 6));
        MVEC_TRY(put_interval(ctx, out, ok ? x->cr1 : none, 100, 8));
        MVEC_TRY(put_interval(ctx, out, ok ? x->cr3 : none, 100, 8));
        MVEC_TRY(put_interval(ctx, out, ok ? x->entropy : none, 1, 8));
        MVEC_TRY(put_interval(ctx, out, ok ? x->evenness : none, 1, 8));
        snprintf(number, sizeof number, "%zu", v->scenario_count);
        MVEC_TRY(mvec__csv_put(ctx, out, number, false));
        snprintf(number, sizeof number, "%zu", v->input_count + v->membership_count);
        MVEC_TRY(mvec__csv_put(ctx, out, number, false));
        MVEC_TRY(mvec__csv_put_number(ctx, out, v->weight, 6, false));
        mvec__buf_reset(&text);
        MVEC_TRY(csv_sources(ctx, v, &text));
        MVEC_TRY(mvec__csv_put(ctx, out, text.length ? text.data : "", true));
    }
    const mvec_composite *k = mvec_profile_composite(profile);
    bool ok = k->vector_count > 0;
    mvec_interval none = {NAN, NAN};
    MVEC_TRY(mvec__csv_put(ctx, out, code, false));
    MVEC_TRY(mvec__csv_put(ctx, out, "composite", false));
    MVEC_TRY(mvec__csv_put(ctx, out, k->status ? k->status : "ok", false));
    for (int i = 0; i < 4; i++)
        MVEC_TRY(mvec__csv_put(ctx, out, "", false));
    snprintf(number, sizeof number, "%zu", k->vector_count);
    MVEC_TRY(mvec__csv_put(ctx, out, number, false));
    MVEC_TRY(put_interval(ctx, out, none, 1, 0));
    for (size_t t = 0; t < TOP_PARTNERS; t++) {
        MVEC_TRY(mvec__csv_put(ctx, out, "", false));
        MVEC_TRY(put_interval(ctx, out, none, 1, 0));
    }
    for (size_t b = 0; b < blocs; b++)
        MVEC_TRY(put_interval(ctx, out, ok ? k->bloc_shares[b] : none, 100, 8));
    MVEC_TRY(put_interval(ctx, out, none, 1, 0));
    MVEC_TRY(put_interval(ctx, out, ok ? k->exposure : none, 100, 8));
    MVEC_TRY(put_interval(ctx, out, k->balance, 1, 8));
    MVEC_TRY(put_interval(ctx, out, k->margin, 1, 8));
    MVEC_TRY(mvec__csv_put(ctx, out,
                           k->leader != SIZE_MAX ? mvec_bloc_name(scheme, k->leader) : "", false));
    for (int i = 0; i < 7; i++)
        MVEC_TRY(put_interval(ctx, out, none, 1, 0));
    MVEC_TRY(mvec__csv_put(ctx, out, "", false));
    MVEC_TRY(mvec__csv_put(ctx, out, "", false));
    MVEC_TRY(mvec__csv_put(ctx, out, "1", false));
    MVEC_TRY(mvec__csv_put(ctx, out, k->weights_text, true));
cleanup:
    mvec__buf_clear(ctx, &text);
    return status;
}

/* ---- JSON --------------------------------------------------------------------------------- */

static json_t *json_indices(const mvec_index_bounds *x)
{
    json_t *o = json_object();
    if (o == NULL)
        return NULL;
    bool ok = mvec__json_set(o, "hhi", mvec__json_interval(x->hhi)) &&
              mvec__json_set(o, "hhi_normalised", mvec__json_interval(x->hhi_normalised)) &&
              mvec__json_set(o, "equivalent_partners",
                             mvec__json_interval(x->equivalent_partners)) &&
              mvec__json_set(o, "cr1", mvec__json_interval(x->cr1)) &&
              mvec__json_set(o, "cr3", mvec__json_interval(x->cr3)) &&
              mvec__json_set(o, "entropy", mvec__json_interval(x->entropy)) &&
              mvec__json_set(o, "evenness", mvec__json_interval(x->evenness)) &&
              mvec__json_set(o, "positive_partners", mvec__json_interval(x->positive_count));
    if (!ok) {
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

static json_t *json_leader(const mvec_bloc_scheme *scheme, size_t leader)
{
    return leader == SIZE_MAX ? json_null() : json_string(mvec_bloc_name(scheme, leader));
}

static json_t *json_vector(const mvec_bloc_scheme *scheme, const mvec_vector_profile *v)
{
    json_t *o = json_object();
    json_t *partners = json_array();
    json_t *inputs = json_array();
    json_t *excluded = json_array();
    json_t *alternatives = json_array();
    json_t *memberships = json_array();
    bool ok = o && partners && inputs && excluded && alternatives && memberships;
    ok = ok && mvec__json_set(o, "vector", json_string(v->vector)) &&
         mvec__json_set(o, "status", v->status ? json_string(v->status) : json_null()) &&
         mvec__json_set(o, "year", v->year ? json_integer(v->year) : json_null()) &&
         mvec__json_set(o, "period", json_string(v->period ? v->period : "")) &&
         mvec__json_set(o, "basis", json_string(v->status ? "" : basis_text(v))) &&
         mvec__json_set(o, "dimension", json_string(v->dimension ? v->dimension : ""));
    for (size_t i = 0; ok && v->status == NULL && i < v->partner_count; i++) {
        json_t *p = json_object();
        ok = p && mvec__json_set(p, "partner", json_string(v->partners[i].partner->code)) &&
             mvec__json_set(p, "name", json_string(v->partners[i].partner->name)) &&
             mvec__json_set(p, "bloc", v->partners[i].bloc == SIZE_MAX
                                           ? json_string("domestic")
                                           : json_string(mvec_bloc_name(
                                                 scheme, v->partners[i].bloc))) &&
             mvec__json_set(p, "share", mvec__json_interval(v->partners[i].share)) &&
             json_array_append_new(partners, p) == 0;
    }
    if (ok && v->status == NULL) {
        ok = mvec__json_set(o, "partners", json_incref(partners)) &&
             mvec__json_set(o, "unlisted_share", mvec__json_interval(v->unlisted)) &&
             mvec__json_set(o, "largest_unlisted_share",
                            mvec__json_interval(v->largest_unlisted)) &&
             mvec__json_set(o, "unlisted_cap", mvec__json_number(v->cap)) &&
             mvec__json_set(o, "bloc_shares", json_blocs(scheme, v->bloc_shares)) &&
             mvec__json_set(o, "domestic_share", mvec__json_interval(v->domestic)) &&
             mvec__json_set(o, "exposure", mvec__json_interval(v->exposure)) &&
             mvec__json_set(o, "balance", mvec__json_interval(v->balance)) &&
             mvec__json_set(o, "margin", mvec__json_interval(v->margin)) &&
             mvec__json_set(o, "leader", json_leader(scheme, v->leader)) &&
             mvec__json_set(o, "indices", json_indices(&v->indices)) &&
             mvec__json_set(o, "scenarios", json_integer((json_int_t)v->scenario_count)) &&
             mvec__json_set(o, "weight", mvec__json_number(v->weight));
    }
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
             json_array_append_new(alternatives, j) == 0;
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
    const mvec_bloc_scheme *scheme = mvec_profile_scheme(profile);
    const mvec_country *country = mvec_profile_country(profile);
    const mvec_composite *k = mvec_profile_composite(profile);
    json_t *root = json_object();
    json_t *vectors = json_array();
    json_t *great = json_array();
    json_t *composite = json_object();
    bool ok = root && vectors && great && composite;
    for (size_t b = 0; ok && b < mvec_bloc_count(scheme); b++)
        if (mvec_bloc_is_great_power(scheme, b))
            ok = json_array_append_new(great, json_string(mvec_bloc_name(scheme, b))) == 0;
    for (size_t i = 0; ok && i < mvec_profile_vector_count(profile); i++)
        ok = json_array_append_new(vectors,
                                   json_vector(scheme, mvec_profile_vector(profile, i))) == 0;
    ok = ok && mvec__json_set(composite, "status", k->status ? json_string(k->status)
                                                             : json_null()) &&
         mvec__json_set(composite, "weights", json_string(k->weights_text)) &&
         mvec__json_set(composite, "vectors", json_integer((json_int_t)k->vector_count));
    if (ok && k->vector_count > 0)
        ok = mvec__json_set(composite, "bloc_shares", json_blocs(scheme, k->bloc_shares)) &&
             mvec__json_set(composite, "exposure", mvec__json_interval(k->exposure));
    ok = ok && mvec__json_set(composite, "balance", mvec__json_interval(k->balance)) &&
         mvec__json_set(composite, "margin", mvec__json_interval(k->margin)) &&
         mvec__json_set(composite, "leader", json_leader(scheme, k->leader));
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
    mvec_status status = ok ? mvec__json_emit(ctx, root, out)
                            : mvec__error(ctx, MVEC_ERR_NOMEM, "out of memory (building JSON)");
    json_decref(root);
    return status;
}

mvec_status mvec_profile_write(mvec_ctx *ctx, const mvec_profile *profile, mvec_format format,
                               const mvec_sink *sink)
{
    mvec__buf out = MVEC__BUF_INIT(MVEC__OUTPUT_MAX);
    mvec_status status = MVEC_OK;
    switch (format) {
    case MVEC_FORMAT_TABLE:
        status = write_table(ctx, profile, &out);
        break;
    case MVEC_FORMAT_CSV:
        status = write_csv(ctx, profile, &out);
        break;
    case MVEC_FORMAT_JSON:
        status = write_json(ctx, profile, &out);
        break;
    }
    if (status == MVEC_OK)
        status = mvec__sink_emit(ctx, sink, &out);
    mvec__buf_clear(ctx, &out);
    return status;
}
