/*
 * write_shares.c - every partner of one vector's chosen distribution: the
 * value(s) reported, the share mvec computes (an interval when sources
 * conflict), and the share the source itself published, when it did.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "render_internal.h"

/* The published share (in %) for the same partner, vector, year, period and basis. */
static bool published_share(const mvec_observations *observations,
                            const mvec_vector_profile *v, const mvec_country *country,
                            const mvec_country *partner, double *out)
{
    for (size_t i = 0; i < mvec_observations_count(observations); i++) {
        const mvec_observation *o = mvec_observations_at(observations, i);
        if (o->country == country && o->partner == partner && !o->superseded &&
            o->year == v->year && o->basis == v->basis && strcmp(o->indicator, "share") == 0 &&
            strcmp(o->vector, v->vector) == 0 && strcmp(o->period, v->period) == 0 &&
            strcmp(o->dimension, "share") == 0) {
            *out = o->value; /* as published, in % */
            return true;
        }
    }
    return false;
}

/* The values the inputs give for a partner, e.g. "24.1 USD bn | 24.2 USD bn". */
static void values_text(const mvec_vector_profile *v, const mvec_country *partner, char *out,
                        size_t size)
{
    out[0] = '\0';
    size_t used = 0;
    for (size_t i = 0; i < v->input_count; i++) {
        const mvec_observation *o = v->inputs[i];
        if (o->partner != partner)
            continue;
        char value[128];
        mvec__fmt_observed(value, sizeof value, o);
        if (strstr(out, value) != NULL)
            continue;
        int written = snprintf(out + used, size - used, "%s%s", used ? " | " : "", value);
        if (written < 0 || (size_t)written >= size - used)
            break;
        used += (size_t)written;
    }
}

mvec_status mvec_shares_write(mvec_ctx *ctx, const mvec_profile *profile,
                              const mvec_observations *observations, const char *vector,
                              mvec_format format, const mvec_sink *sink)
{
    mvec_status status = MVEC_OK;
    mvec__buf out = MVEC__BUF_INIT(MVEC__OUTPUT_MAX);
    mvec__text_table table;
    static const bool right[] = {false, false, true, true, true, false};
    mvec__text_table_init(&table, 6, right);
    const mvec_vector_profile *v = NULL;
    const mvec_bloc_scheme *scheme = mvec_profile_scheme(profile);
    const mvec_country *country = mvec_profile_country(profile);
    for (size_t i = 0; i < mvec_profile_vector_count(profile); i++)
        if (strcmp(mvec_profile_vector(profile, i)->vector, vector) == 0)
            v = mvec_profile_vector(profile, i);
    if (v == NULL)
        MVEC_FAIL(ctx, MVEC_ERR_NO_DATA, "no data for vector '%s' of %s", vector, country->code);
    if (v->status != NULL && v->year == 0) /* no candidate in the requested year */
        MVEC_FAIL(ctx, MVEC_ERR_NO_DATA, "%s: not computed: %s", vector, v->status);
    if (v->status != NULL)
        MVEC_FAIL(ctx, MVEC_ERR_NO_DATA, "%s %d: not computed: %s", vector, v->year, v->status);
    if (format == MVEC_FORMAT_JSON)
        MVEC_FAIL(ctx, MVEC_ERR_INVALID,
                  "shares: use --format table or csv (the profile's JSON has every share)");
    if (format == MVEC_FORMAT_CSV)
        MVEC_TRY(mvec__buf_puts(ctx, &out,
                                "country,vector,year,period,basis,partner,name,bloc,values,"
                                "share_pct_lo,share_pct_hi,published_share_pct\n"));
    else {
        MVEC_TRY(mvec__buf_printf(ctx, &out, "%s (%s) %s %d%s%s, %s basis: %zu partners\n\n",
                                  country->name, country->code, vector, v->year,
                                  v->period[0] ? " " : "", v->period, mvec_basis_name(v->basis),
                                  v->partner_count));
        const char *header[] = {"partner", "bloc", "value", "share %", "published %",
                                "name"};
        MVEC_TRY(mvec__text_table_add(ctx, &table, header));
    }
    for (size_t i = 0; i < v->partner_count; i++) {
        const mvec_partner_share *p = &v->partners[i];
        const char *bloc = p->bloc == SIZE_MAX ? "domestic" : mvec_bloc_name(scheme, p->bloc);
        char values[512];
        char lo[64];
        char hi[64];
        char published[64] = "";
        double published_value;
        values_text(v, p->partner, values, sizeof values);
        bool has_published = published_share(observations, v, country, p->partner,
                                              &published_value);
        if (format == MVEC_FORMAT_CSV) {
            char year[16];
            snprintf(year, sizeof year, "%d", v->year);
            mvec__fmt_fixed(lo, p->share.lo * 100, 10);
            mvec__fmt_fixed(hi, p->share.hi * 100, 10);
            if (has_published)
                mvec__fmt_exact(published, published_value);
            const char *fields[] = {country->code, vector, year, v->period,
                                    mvec_basis_name(v->basis), p->partner->code,
                                    p->partner->name, bloc, values, lo, hi, published};
            MVEC_TRY(mvec__csv_row(ctx, &out, fields, sizeof fields / sizeof *fields));
        } else {
            char share[128];
            mvec__fmt_interval(share, sizeof share, p->share, 100, 5);
            if (has_published)
                mvec__fmt_fixed(published, published_value, 5);
            const char *cells[] = {p->partner->code, bloc, values, share,
                                   has_published ? published : "-", p->partner->name};
            MVEC_TRY(mvec__text_table_add(ctx, &table, cells));
        }
    }
    if (format == MVEC_FORMAT_TABLE) {
        MVEC_TRY(mvec__text_table_render(ctx, &table, &out));
        char unlisted[64];
        mvec__fmt_interval(unlisted, sizeof unlisted, v->unlisted, 100, 5);
        MVEC_TRY(mvec__buf_printf(ctx, &out, "\nunlisted: %s %%\n", unlisted));
    }
    MVEC_TRY(mvec__sink_emit(ctx, sink, &out));
cleanup:
    mvec__text_table_clear(ctx, &table);
    mvec__buf_clear(ctx, &out);
    return status;
}
