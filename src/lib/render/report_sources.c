/*
 * report_sources.c - the report's numbered source list: every distinct
 * publication (source, title, date, URL) of the country's figures and
 * memberships, numbered in the order the store holds them, with how many
 * figures each gives, their vectors and years, and the quoted wording.
 * The report's tables refer to these numbers (#src-N).
 */
#include <stdio.h>
#include <string.h>

#include "report_internal.h"

static mvec_status key_of(mvec_ctx *ctx, mvec__buf *key, const char *source, const char *title,
                          const char *date, const char *url)
{
    mvec__buf_reset(key);
    return mvec__buf_printf(ctx, key, "%s\x1f%s\x1f%s\x1f%s", source, title, date, url);
}

/* The number of a source, adding it when new. Cost: O(1) expected. */
static mvec_status add_source(mvec_ctx *ctx, mvec__report_sources *s, const char *source,
                              const char *title, const char *date, const char *url,
                              const char *quality, const char *seed, size_t *number)
{
    mvec_status status = MVEC_OK;
    size_t at = 0;
    MVEC_TRY(key_of(ctx, &s->key, source, title, date, url));
    if (mvec__strmap_get(&s->index, s->key.data, &at)) {
        *number = at + 1;
        goto cleanup;
    }
    MVEC_TRY(mvec__grow(ctx, &s->refs, &s->capacity, s->count + 1, sizeof *s->refs));
    mvec__report_source *r = &s->refs[s->count];
    memset(r, 0, sizeof *r);
    r->source = source;
    r->title = title;
    r->date = date;
    r->url = url;
    r->quality = quality;
    r->seed = seed;
    MVEC_TRY(mvec__strmap_put(ctx, &s->index, s->key.data, s->count, NULL));
    MVEC_TRY(mvec__strmap_put(ctx, &s->by_name, source, s->count, NULL)); /* first one kept */
    *number = ++s->count;
cleanup:
    return status;
}

/* `quote` is o's or m's wording (the other one NULL). */
static mvec_status add_quote(mvec_ctx *ctx, mvec__report_sources *s, size_t number,
                             const char *quote, const mvec_observation *o,
                             const mvec_membership *m)
{
    mvec_status status = MVEC_OK;
    bool seen = false;
    if (quote[0] == '\0')
        goto cleanup;
    mvec__buf_reset(&s->key);
    MVEC_TRY(mvec__buf_printf(ctx, &s->key, "%zu\x1f%s", number, quote));
    MVEC_TRY(mvec__strmap_put(ctx, &s->quote_index, s->key.data, s->quote_count, &seen));
    if (seen)
        goto cleanup;
    MVEC_TRY(mvec__grow(ctx, &s->quotes, &s->quote_capacity, s->quote_count + 1,
                        sizeof *s->quotes));
    s->quotes[s->quote_count++] = (mvec__report_quote){number, o, m};
cleanup:
    return status;
}

static void note_vector(mvec__report_source *r, const char *vector, int year)
{
    r->figures++;
    if (year != 0 && (r->year_min == 0 || year < r->year_min))
        r->year_min = year;
    if (year > r->year_max)
        r->year_max = year;
    for (size_t i = 0; i < r->vector_count; i++)
        if (strcmp(r->vectors[i], vector) == 0)
            return;
    if (r->vector_count < MVEC__REPORT_VECTORS)
        r->vectors[r->vector_count++] = vector;
    else
        r->more_vectors = true;
}

/* Cost: O(n) expected for n observations (hash maps). */
mvec_status mvec__report_sources_build(mvec_ctx *ctx, const mvec_observations *observations,
                                       const mvec_memberships *memberships,
                                       const mvec_country *country, mvec__report_sources *s)
{
    mvec_status status = MVEC_OK;
    bool seen = false;
    s->key = (mvec__buf)MVEC__BUF_INIT(1 << 24);
    for (size_t i = 0; i < mvec_observations_count(observations); i++) {
        const mvec_observation *o = mvec_observations_at(observations, i);
        size_t number = 0;
        if (o->country != country)
            continue;
        if ((i & 1023) == 0)
            MVEC_TRY(mvec__check_cancel(ctx));
        MVEC_TRY(add_source(ctx, s, o->source, o->title, o->source_date, o->url, o->quality,
                            o->seed, &number));
        note_vector(&s->refs[number - 1], o->vector, o->year);
        MVEC_TRY(add_quote(ctx, s, number, o->quote, o, NULL));
        s->figures++;
        MVEC_TRY(mvec__strmap_put(ctx, &s->file_index, o->file, s->file_count, &seen));
        if (!seen) {
            MVEC_TRY(mvec__grow(ctx, &s->files, &s->file_capacity, s->file_count + 1,
                                sizeof *s->files));
            s->files[s->file_count++] = o->file;
        }
    }
    for (size_t i = 0; memberships != NULL && i < mvec_memberships_count(memberships); i++) {
        const mvec_membership *m = mvec_memberships_at(memberships, i);
        size_t number = 0;
        if (m->member != country)
            continue;
        MVEC_TRY(add_source(ctx, s, m->source, "", "", m->url, m->quality, "", &number));
        s->refs[number - 1].memberships++;
        MVEC_TRY(add_quote(ctx, s, number, m->quote, NULL, m));
        s->membership_count++;
    }
cleanup:
    return status;
}

size_t mvec__report_source_of(mvec_ctx *ctx, mvec__report_sources *s, const mvec_observation *o)
{
    size_t at = 0;
    if (key_of(ctx, &s->key, o->source, o->title, o->source_date, o->url) != MVEC_OK ||
        !mvec__strmap_get(&s->index, s->key.data, &at))
        return 0;
    return at + 1;
}

size_t mvec__report_membership_source(mvec_ctx *ctx, mvec__report_sources *s,
                                      const mvec_membership *m)
{
    size_t at = 0;
    if (key_of(ctx, &s->key, m->source, "", "", m->url) != MVEC_OK ||
        !mvec__strmap_get(&s->index, s->key.data, &at))
        return 0;
    return at + 1;
}

size_t mvec__report_source_named(const mvec__report_sources *s, const char *source)
{
    size_t at = 0;
    return source != NULL && mvec__strmap_get(&s->by_name, source, &at) ? at + 1 : 0;
}

void mvec__report_sources_clear(mvec_ctx *ctx, mvec__report_sources *s)
{
    mvec__free(ctx, s->refs);
    mvec__free(ctx, s->quotes);
    mvec__free(ctx, s->files);
    mvec__strmap_clear(ctx, &s->index);
    mvec__strmap_clear(ctx, &s->by_name);
    mvec__strmap_clear(ctx, &s->quote_index);
    mvec__strmap_clear(ctx, &s->file_index);
    mvec__buf_clear(ctx, &s->key);
    memset(s, 0, sizeof *s);
}

/* "3 12 40": the numbers sorted, each once. Cost: O(k^2) for k numbers (a vector's
 * sources: a handful). */
mvec_status mvec__report_refs_text(mvec_ctx *ctx, size_t *numbers, size_t count, mvec__buf *out)
{
    mvec_status status = MVEC_OK;
    for (size_t i = 1; i < count; i++)
        for (size_t j = i; j > 0 && numbers[j - 1] > numbers[j]; j--) {
            size_t t = numbers[j];
            numbers[j] = numbers[j - 1];
            numbers[j - 1] = t;
        }
    mvec__buf_reset(out);
    MVEC_TRY(mvec__buf_puts(ctx, out, ""));
    for (size_t i = 0; i < count; i++)
        if (numbers[i] != 0 && (i == 0 || numbers[i] != numbers[i - 1]))
            MVEC_TRY(mvec__buf_printf(ctx, out, "%s%zu", out->length ? " " : "", numbers[i]));
cleanup:
    return status;
}

static mvec_status put_quotes(mvec_ctx *ctx, const mvec__report_sources *s, size_t number,
                              size_t *next, mvec__buf *out)
{
    mvec_status status = MVEC_OK;
    bool any = false;
    for (; *next < s->quote_count && s->quotes[*next].number == number; (*next)++) {
        const mvec__report_quote *q = &s->quotes[*next];
        if (!any)
            MVEC_TRY(mvec__buf_puts(ctx, out, "<ul class=\"quotes\">"));
        any = true;
        MVEC_TRY(mvec__buf_puts(ctx, out, "<li><q>"));
        MVEC_TRY(mvec__html_escape(ctx, out, q->observation ? q->observation->quote
                                                             : q->membership->quote));
        MVEC_TRY(mvec__buf_puts(ctx, out, "</q> <span class=\"what\">("));
        if (q->observation != NULL) {
            const mvec_observation *o = q->observation;
            char value[128];
            mvec__fmt_observed(value, sizeof value, o);
            MVEC_TRY(mvec__buf_printf(ctx, out, "%s %d ", o->vector, o->year));
            MVEC_TRY(mvec__html_escape(ctx, out, o->partner->code));
            MVEC_TRY(mvec__buf_printf(ctx, out, " %s: ", o->indicator));
            MVEC_TRY(mvec__html_escape(ctx, out, value));
        } else {
            MVEC_TRY(mvec__html_escape(ctx, out, q->membership->organisation->code));
            MVEC_TRY(mvec__buf_puts(ctx, out, ": "));
            MVEC_TRY(mvec__html_escape(ctx, out, q->membership->status));
            MVEC_TRY(mvec__buf_printf(ctx, out, " from %d", q->membership->joined));
        }
        MVEC_TRY(mvec__buf_puts(ctx, out, ")</span></li>"));
    }
    if (any)
        MVEC_TRY(mvec__buf_puts(ctx, out, "</ul>"));
cleanup:
    return status;
}

/* Cost: O(sources + quotes + their text). */
mvec_status mvec__report_sources_write(mvec_ctx *ctx, const mvec__report_sources *s,
                                       mvec__buf *out)
{
    mvec_status status = MVEC_OK;
    size_t quote = 0;
    /* quotes are kept in store order; the list needs them by source number */
    mvec__report_quote *sorted = NULL;
    size_t *start = NULL;
    MVEC_TRY(mvec__calloc(ctx, s->quote_count ? s->quote_count : 1, sizeof *sorted, &sorted));
    MVEC_TRY(mvec__calloc(ctx, s->count + 2, sizeof *start, &start));
    for (size_t i = 0; i < s->quote_count; i++)
        start[s->quotes[i].number + 1]++;
    for (size_t n = 1; n <= s->count + 1; n++)
        start[n] += start[n - 1];
    for (size_t i = 0; i < s->quote_count; i++)
        sorted[start[s->quotes[i].number]++] = s->quotes[i];
    mvec__report_sources by_number = *s;
    by_number.quotes = sorted;

    MVEC_TRY(mvec__buf_puts(ctx, out, "<ol class=\"sources\">\n"));
    for (size_t i = 0; i < s->count; i++) {
        const mvec__report_source *r = &s->refs[i];
        if ((i & 255) == 0)
            MVEC_TRY(mvec__check_cancel(ctx));
        MVEC_TRY(mvec__buf_printf(ctx, out, "<li id=\"src-%zu\">", i + 1));
        MVEC_TRY(mvec__buf_puts(ctx, out, "<span class=\"publication\">"));
        MVEC_TRY(mvec__html_escape(ctx, out, r->source));
        MVEC_TRY(mvec__buf_puts(ctx, out, "</span>"));
        if (r->title[0] != '\0') {
            MVEC_TRY(mvec__buf_puts(ctx, out, ", <cite>"));
            MVEC_TRY(mvec__html_escape(ctx, out, r->title));
            MVEC_TRY(mvec__buf_puts(ctx, out, "</cite>"));
        }
        if (r->date[0] != '\0') {
            MVEC_TRY(mvec__buf_puts(ctx, out, ", "));
            MVEC_TRY(mvec__html_escape(ctx, out, r->date));
        }
        if (r->quality[0] != '\0') {
            MVEC_TRY(mvec__buf_puts(ctx, out, " <span class=\"quality\">["));
            MVEC_TRY(mvec__html_escape(ctx, out, r->quality));
            MVEC_TRY(mvec__buf_puts(ctx, out, "]</span>"));
        }
        if (r->seed[0] != '\0') {
            MVEC_TRY(mvec__buf_puts(ctx, out, " (seed article "));
            MVEC_TRY(mvec__html_escape(ctx, out, r->seed));
            MVEC_TRY(mvec__buf_puts(ctx, out, ")"));
        }
        MVEC_TRY(mvec__buf_puts(ctx, out, "<br><span class=\"uses\">"));
        if (r->figures > 0) {
            MVEC_TRY(mvec__buf_printf(ctx, out, "%zu figure%s", r->figures,
                                      r->figures == 1 ? "" : "s"));
            if (r->year_min != 0 && r->year_min != r->year_max)
                MVEC_TRY(mvec__buf_printf(ctx, out, ", %d–%d", r->year_min, r->year_max));
            else if (r->year_min != 0)
                MVEC_TRY(mvec__buf_printf(ctx, out, ", %d", r->year_min));
            MVEC_TRY(mvec__buf_puts(ctx, out, ": "));
            for (size_t v = 0; v < r->vector_count; v++) {
                MVEC_TRY(mvec__buf_puts(ctx, out, v ? ", " : ""));
                MVEC_TRY(mvec__html_escape(ctx, out, r->vectors[v]));
            }
            if (r->more_vectors)
                MVEC_TRY(mvec__buf_puts(ctx, out, ", …"));
        }
        if (r->memberships > 0)
            MVEC_TRY(mvec__buf_printf(ctx, out, "%s%zu membership%s", r->figures ? "; " : "",
                                      r->memberships, r->memberships == 1 ? "" : "s"));
        MVEC_TRY(mvec__buf_puts(ctx, out, "</span>"));
        if (r->url[0] != '\0') {
            MVEC_TRY(mvec__buf_puts(ctx, out, "<br><span class=\"url\">"));
            MVEC_TRY(mvec__html_link(ctx, out, r->url, r->url));
            MVEC_TRY(mvec__buf_puts(ctx, out, "</span>"));
        }
        MVEC_TRY(put_quotes(ctx, &by_number, i + 1, &quote, out));
        MVEC_TRY(mvec__buf_puts(ctx, out, "</li>\n"));
    }
    MVEC_TRY(mvec__buf_puts(ctx, out, "</ol>\n"));
cleanup:
    mvec__free(ctx, sorted);
    mvec__free(ctx, start);
    return status;
}
