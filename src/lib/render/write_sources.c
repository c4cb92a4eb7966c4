/*
 * write_sources.c - every observation with its source. The CSV form is
 * mvec's long input format itself, so it can be edited and read back with
 * --data.
 */
#include <stdio.h>
#include <string.h>

#include "render_internal.h"

static bool matches(const mvec_observation *o, const mvec_country *country,
                    const mvec_country *partner, const char *vector)
{
    return (country == NULL || o->country == country) &&
           (partner == NULL || o->partner == partner) &&
           (vector == NULL || strcmp(o->vector, vector) == 0);
}

static mvec_status resolve(mvec_ctx *ctx, const mvec_countries *countries, const char *text,
                           const char *what, const mvec_country **out)
{
    *out = NULL;
    if (text == NULL)
        return MVEC_OK;
    *out = mvec_countries_find(countries, text);
    if (*out == NULL)
        return mvec__error(ctx, MVEC_ERR_INVALID, "unknown %s '%s'", what, text);
    return MVEC_OK;
}

enum { LISTING_WIDTH = 120 };

/* `lead` then `text` word-wrapped at LISTING_WIDTH, continuation lines at `indent`; a newline.
 * A word wider than the line (a URL) stays whole. Cost: O(length of text). */
static mvec_status put_wrapped(mvec_ctx *ctx, mvec__buf *out, const char *lead, const char *text,
                               size_t indent)
{
    mvec_status status = MVEC_OK;
    MVEC_TRY(mvec__buf_puts(ctx, out, lead));
    MVEC_TRY(mvec__wrap(ctx, out, text, mvec__utf8_width(lead), indent, LISTING_WIDTH));
    MVEC_TRY(mvec__buf_putc(ctx, out, '\n'));
cleanup:
    return status;
}

static mvec_status write_table(mvec_ctx *ctx, const mvec_observations *observations,
                               const mvec_memberships *memberships, const mvec_country *country,
                               const mvec_country *partner, const char *vector, mvec__buf *out)
{
    mvec_status status = MVEC_OK;
    mvec__buf line = MVEC__BUF_INIT(MVEC__OUTPUT_MAX); /* one source line, reused */
    size_t shown = 0;
    for (size_t i = 0; i < mvec_observations_count(observations); i++) {
        const mvec_observation *o = mvec_observations_at(observations, i);
        if (!matches(o, country, partner, vector))
            continue;
        char value[128];
        mvec__fmt_observed(value, sizeof value, o);
        MVEC_TRY(mvec__buf_printf(
            ctx, out, "%s %s %d%s%s %s%s%s %s: %s (%s%s%s)\n", o->country->code, o->vector, o->year,
            o->period[0] ? " " : "", o->period, o->partner->code, o->item[0] ? "/" : "", o->item,
            o->indicator, value, mvec_basis_name(o->basis), o->top_list ? ", top list" : "",
            o->superseded ? ", superseded" : ""));
        line.length = 0;
        MVEC_TRY(mvec__buf_puts(ctx, &line, ""));
        MVEC_TRY(mvec__describe_source(ctx, o, &line));
        if (o->seed[0] != '\0')
            MVEC_TRY(mvec__buf_printf(ctx, &line, "; seed %s", o->seed));
        MVEC_TRY(put_wrapped(ctx, out, "    ", line.data, 6));
        if (o->url[0] != '\0')
            MVEC_TRY(mvec__buf_printf(ctx, out, "    %s\n", o->url));
        if (o->quote[0] != '\0') {
            line.length = 0;
            MVEC_TRY(mvec__buf_printf(ctx, &line, "\"%s\"", o->quote));
            MVEC_TRY(put_wrapped(ctx, out, "    ", line.data, 5));
        }
        if (o->note[0] != '\0')
            MVEC_TRY(put_wrapped(ctx, out, "    note: ", o->note, 10));
        shown++;
    }
    size_t memberships_shown = 0;
    for (size_t i = 0; memberships != NULL && i < mvec_memberships_count(memberships); i++) {
        const mvec_membership *m = mvec_memberships_at(memberships, i);
        if ((country != NULL && m->member != country) ||
            (partner != NULL && m->organisation != partner) ||
            (vector != NULL && strcmp(vector, "institutions") != 0))
            continue;
        if (memberships_shown++ == 0)
            MVEC_TRY(mvec__buf_printf(ctx, out, "%smemberships\n", shown ? "\n" : ""));
        MVEC_TRY(mvec__buf_printf(ctx, out, "%s in %s: %s from %d", m->member->code,
                                  m->organisation->code, m->status, m->joined));
        if (m->left != 0)
            MVEC_TRY(mvec__buf_printf(ctx, out, " to %d", m->left));
        MVEC_TRY(mvec__buf_putc(ctx, out, '\n'));
        line.length = 0;
        MVEC_TRY(mvec__buf_printf(ctx, &line, "%s [%s]", m->source, m->quality));
        MVEC_TRY(put_wrapped(ctx, out, "    ", line.data, 6));
        MVEC_TRY(mvec__buf_printf(ctx, out, "    %s\n", m->url));
        if (m->quote[0] != '\0') {
            line.length = 0;
            MVEC_TRY(mvec__buf_printf(ctx, &line, "\"%s\"", m->quote));
            MVEC_TRY(put_wrapped(ctx, out, "    ", line.data, 5));
        }
    }
    MVEC_TRY(
        mvec__buf_printf(ctx, out, "\n%zu figures, %zu memberships\n", shown, memberships_shown));
cleanup:
    mvec__buf_clear(ctx, &line);
    return status;
}

/* One row per figure in the columns of mvec's input format (docs/formats.md),
 * so the CSV reads back with --data. */
static mvec_status rows_result(mvec_ctx *ctx, const mvec_observations *observations,
                               const mvec_country *country, const mvec_country *partner,
                               const char *vector, bool numbers, mvec__result *r,
                               mvec__result *sources)
{
    static const char *const header[] = {
        "country",     "partner",   "vector", "indicator", "year",  "period", "item",
        "value",       "qualifier", "unit",   "basis",     "scope", "status", "source",
        "source_date", "url",       "title",  "quality",   "seed",  "quote",  "note",
    };
    enum { COLUMNS = sizeof header / sizeof *header, YEAR = 4, VALUE = 7 };
    mvec_status status = MVEC_OK;
    /* CSV keeps year and value as the text the input format reads back; a
     * workbook has them as numbers (value in Excel's General format). */
    for (size_t c = 0; c < COLUMNS; c++)
        MVEC_TRY(mvec__result_column(ctx, r, header[c], NULL,
                                     !numbers         ? MVEC__COLUMN_TEXT
                                     : c == YEAR      ? MVEC__COLUMN_INTEGER
                                     : c == VALUE     ? MVEC__COLUMN_NUMBER
                                                      : MVEC__COLUMN_TEXT,
                                     1, -1, MVEC__DECIMALS_EXACT, 0));
    for (size_t i = 0; i < mvec_observations_count(observations); i++) {
        const mvec_observation *o = mvec_observations_at(observations, i);
        if (!matches(o, country, partner, vector))
            continue;
        char year[16];
        char value[64];
        snprintf(year, sizeof year, "%d", o->year);
        mvec__fmt_exact(value, o->value);
        const char *fields[COLUMNS] = {
            o->country->code,
            o->partner->code,
            o->vector,
            o->indicator,
            year,
            o->period,
            o->item,
            value,
            mvec_qualifier_symbol(o->qualifier),
            o->unit,
            mvec_basis_name(o->basis),
            o->top_list ? "top" : "",
            o->superseded ? "superseded" : "",
            o->source,
            o->source_date,
            o->url,
            o->title,
            o->quality,
            o->seed,
            o->quote,
            o->note,
        };
        MVEC_TRY(mvec__result_row(ctx, r));
        /* year and value are on the stack; every other field is the store's */
        for (size_t c = 0; c < COLUMNS; c++)
            if (numbers && c == YEAR)
                mvec__result_number(r, c, o->year);
            else if (numbers && c == VALUE)
                mvec__result_number(r, c, o->value);
            else if (fields[c] == year || fields[c] == value)
                MVEC_TRY(mvec__result_text(ctx, r, c, fields[c]));
            else
                mvec__result_text_borrowed(ctx, r, c, fields[c]);
        if (sources != NULL)
            MVEC_TRY(mvec__sources_observation(ctx, sources, o, NULL));
    }
cleanup:
    return status;
}

static mvec_status write_rows(mvec_ctx *ctx, const mvec_observations *observations,
                              const mvec_country *country, const mvec_country *partner,
                              const char *vector, mvec_format format, mvec__buf *out)
{
    mvec__result r;
    mvec__result_init(&r);
    mvec_status status = rows_result(ctx, observations, country, partner, vector, false, &r, NULL);
    if (status == MVEC_OK)
        status = mvec__render(ctx, &r, format, NULL, out);
    mvec__result_clear(ctx, &r);
    return status;
}

/* Figures, memberships (when given) and the distinct sources of both. */
static mvec_status write_xlsx(mvec_ctx *ctx, const mvec_observations *observations,
                              const mvec_memberships *memberships, const mvec_country *country,
                              const mvec_country *partner, const char *vector, mvec__buf *out,
                              const mvec_sink *sink)
{
    static const char *const keys[] = {"organisation", "member", "joined", "left", "status",
                                       "source",       "url",    "quality", "quote"};
    enum { TIE_COLUMNS = sizeof keys / sizeof *keys, JOINED = 2, LEFT = 3 };
    mvec_status status = MVEC_OK;
    mvec__result figures, ties, sources;
    mvec__result_init(&figures);
    mvec__result_init(&ties);
    mvec__result_init(&sources);
    MVEC_TRY(mvec__sources_init(ctx, &sources));
    MVEC_TRY(rows_result(ctx, observations, country, partner, vector, true, &figures, &sources));
    for (size_t c = 0; c < TIE_COLUMNS; c++)
        MVEC_TRY(mvec__result_column(ctx, &ties, keys[c], NULL,
                                     c == JOINED || c == LEFT ? MVEC__COLUMN_INTEGER
                                                              : MVEC__COLUMN_TEXT,
                                     1, 0, 0, 0));
    for (size_t i = 0; memberships != NULL && i < mvec_memberships_count(memberships); i++) {
        const mvec_membership *m = mvec_memberships_at(memberships, i);
        if ((country != NULL && m->member != country) ||
            (partner != NULL && m->organisation != partner) ||
            (vector != NULL && strcmp(vector, "institutions") != 0))
            continue;
        const char *texts[TIE_COLUMNS] = {m->organisation->code, m->member->code, NULL, NULL,
                                          m->status, m->source, m->url, m->quality, m->quote};
        MVEC_TRY(mvec__result_row(ctx, &ties));
        for (size_t c = 0; c < TIE_COLUMNS; c++)
            if (texts[c] != NULL)
                mvec__result_text_borrowed(ctx, &ties, c, texts[c]);
        mvec__result_number(&ties, JOINED, m->joined);
        if (m->left)
            mvec__result_number(&ties, LEFT, m->left);
        MVEC_TRY(mvec__sources_add(ctx, &sources, m->source, NULL, NULL, m->quality, NULL, m->url,
                                   NULL, NULL));
    }
    mvec__sheet sheets[] = {{"Figures", &figures}, {"Memberships", &ties}};
    MVEC_TRY(mvec__workbook_emit(ctx, sheets, ties.row_count > 0 ? 2 : 1, &sources, out, sink));
cleanup:
    mvec__result_clear(ctx, &figures);
    mvec__result_clear(ctx, &ties);
    mvec__result_clear(ctx, &sources);
    return status;
}

static mvec_status write_json(mvec_ctx *ctx, const mvec_observations *observations,
                              const mvec_memberships *memberships, const mvec_country *country,
                              const mvec_country *partner, const char *vector, mvec__buf *out)
{
    json_t *root = json_object();
    json_t *figures = json_array();
    json_t *ties = json_array();
    bool ok = root && figures && ties;
    for (size_t i = 0; ok && i < mvec_observations_count(observations); i++) {
        const mvec_observation *o = mvec_observations_at(observations, i);
        if (matches(o, country, partner, vector))
            ok = json_array_append_new(figures, mvec__json_observation(o)) == 0;
    }
    for (size_t i = 0; ok && memberships != NULL && i < mvec_memberships_count(memberships); i++) {
        const mvec_membership *m = mvec_memberships_at(memberships, i);
        if ((country != NULL && m->member != country) ||
            (partner != NULL && m->organisation != partner) ||
            (vector != NULL && strcmp(vector, "institutions") != 0))
            continue;
        json_t *j = json_object();
        ok = j && mvec__json_set(j, "organisation", json_string(m->organisation->code)) &&
             mvec__json_set(j, "member", json_string(m->member->code)) &&
             mvec__json_set(j, "joined", json_integer(m->joined)) &&
             mvec__json_set(j, "left", m->left ? json_integer(m->left) : json_null()) &&
             mvec__json_set(j, "status", json_string(m->status)) &&
             mvec__json_set(j, "source", json_string(m->source)) &&
             mvec__json_set(j, "url", json_string(m->url)) &&
             mvec__json_set(j, "quality", json_string(m->quality)) &&
             mvec__json_set(j, "quote", json_string(m->quote)) &&
             json_array_append_new(ties, j) == 0;
    }
    ok = ok && mvec__json_set(root, "figures", json_incref(figures)) &&
         mvec__json_set(root, "memberships", json_incref(ties));
    json_decref(figures);
    json_decref(ties);
    mvec_status status = ok ? mvec__json_emit(ctx, root, out)
                            : mvec__error(ctx, MVEC_ERR_NOMEM, "out of memory (building JSON)");
    json_decref(root);
    return status;
}

mvec_status mvec_sources_write(mvec_ctx *ctx, const mvec_observations *observations,
                               const mvec_memberships *memberships,
                               const mvec_sources_filter *filter, mvec_format format,
                               const mvec_sink *sink)
{
    mvec_status status = MVEC_OK;
    mvec__buf out = MVEC__BUF_INIT(MVEC__OUTPUT_MAX);
    const mvec_countries *countries = mvec_observations_countries(observations);
    const mvec_country *country = NULL;
    const mvec_country *partner = NULL;
    mvec_sources_filter given = MVEC_SOURCES_FILTER_INIT;
    MVEC_TRY(mvec__options_read(ctx, "mvec_sources_filter", "MVEC_SOURCES_FILTER_INIT", &given,
                                sizeof given, MVEC__SIZE_TO(mvec_sources_filter, partner),
                                filter));
    filter = &given;
    const char *vector = filter ? filter->vector : NULL;
    MVEC_TRY(resolve(ctx, countries, filter ? filter->country : NULL, "country", &country));
    MVEC_TRY(resolve(ctx, countries, filter ? filter->partner : NULL, "partner", &partner));
    /* Text lists each figure with its source; JSON adds the memberships; any
     * other format is the figures' rows as they are. */
    if (format == MVEC_FORMAT_TABLE)
        MVEC_TRY(write_table(ctx, observations, memberships, country, partner, vector, &out));
    else if (format == MVEC_FORMAT_JSON)
        MVEC_TRY(write_json(ctx, observations, memberships, country, partner, vector, &out));
    else if (format == MVEC_FORMAT_XLSX) {
        MVEC_TRY(write_xlsx(ctx, observations, memberships, country, partner, vector, &out, sink));
        goto cleanup; /* sent */
    } else
        MVEC_TRY(write_rows(ctx, observations, country, partner, vector, format, &out));
    MVEC_TRY(mvec__sink_emit(ctx, sink, &out));
cleanup:
    mvec__buf_clear(ctx, &out);
    return status;
}
