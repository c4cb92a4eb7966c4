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
static bool published_share(const mvec_observations *observations, const mvec_vector_profile *v,
                            const mvec_country *country, const mvec_country *partner, double *out)
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

enum {
    DATA_ONLY = MVEC__COLUMN_NO_TEXT | MVEC__COLUMN_NO_JSON, /* repeated per CSV row */
};

/* Columns: country, vector, year, period, basis (CSV only; JSON has them once),
 * partner, name, bloc, values, share, published_share. */
static mvec_status shares_result(mvec_ctx *ctx, const mvec_profile *profile,
                                 const mvec_observations *observations,
                                 const mvec_vector_profile *v, mvec__result *r)
{
    mvec_status status = MVEC_OK;
    const mvec_bloc_scheme *scheme = mvec_profile_scheme(profile);
    const mvec_country *country = mvec_profile_country(profile);
    enum {
        COUNTRY,
        VECTOR,
        YEAR,
        PERIOD,
        BASIS,
        PARTNER,
        NAME,
        BLOC,
        VALUES,
        SHARE,
        PUBLISHED,
        NAME_TEXT
    };
    MVEC_TRY(mvec__result_column(ctx, r, "country", NULL, MVEC__COLUMN_TEXT, 1, 0, 0, DATA_ONLY));
    MVEC_TRY(mvec__result_column(ctx, r, "vector", NULL, MVEC__COLUMN_TEXT, 1, 0, 0, DATA_ONLY));
    MVEC_TRY(mvec__result_column(ctx, r, "year", NULL, MVEC__COLUMN_INTEGER, 1, 0, 0, DATA_ONLY));
    MVEC_TRY(mvec__result_column(ctx, r, "period", NULL, MVEC__COLUMN_TEXT, 1, 0, 0, DATA_ONLY));
    MVEC_TRY(mvec__result_column(ctx, r, "basis", NULL, MVEC__COLUMN_TEXT, 1, 0, 0, DATA_ONLY));
    MVEC_TRY(mvec__result_column(ctx, r, "partner", "partner", MVEC__COLUMN_TEXT, 1, 0, 0, 0));
    MVEC_TRY(mvec__result_column(ctx, r, "name", NULL, MVEC__COLUMN_TEXT, 1, 0, 0,
                                 MVEC__COLUMN_NO_TEXT));
    MVEC_TRY(mvec__result_column(ctx, r, "bloc", "bloc", MVEC__COLUMN_TEXT, 1, 0, 0, 0));
    MVEC_TRY(mvec__result_column(ctx, r, "values", "value", MVEC__COLUMN_TEXT, 1, 0, 0, 0));
    MVEC_TRY(mvec__result_column(ctx, r, "share", "share %", MVEC__COLUMN_INTERVAL, 100, 5, 10, 0));
    /* as published, in %, printed exactly in CSV */
    MVEC_TRY(mvec__result_column(ctx, r, "published_share_pct", "published %", MVEC__COLUMN_NUMBER,
                                 1, 5, MVEC__DECIMALS_EXACT, 0));
    MVEC_TRY(mvec__result_column(ctx, r, "name_text", "name", MVEC__COLUMN_TEXT, 1, 0, 0,
                                 MVEC__COLUMN_NO_CSV | MVEC__COLUMN_NO_JSON));
    for (size_t i = 0; i < v->partner_count; i++) {
        const mvec_partner_share *p = &v->partners[i];
        char values[512];
        double published;
        values_text(v, p->partner, values, sizeof values);
        MVEC_TRY(mvec__result_row(ctx, r));
        MVEC_TRY(mvec__result_text(ctx, r, COUNTRY, country->code));
        MVEC_TRY(mvec__result_text(ctx, r, VECTOR, v->vector));
        mvec__result_number(r, YEAR, v->year);
        MVEC_TRY(mvec__result_text(ctx, r, PERIOD, v->period));
        MVEC_TRY(mvec__result_text(ctx, r, BASIS, mvec_basis_name(v->basis)));
        MVEC_TRY(mvec__result_text(ctx, r, PARTNER, p->partner->code));
        MVEC_TRY(mvec__result_text(ctx, r, NAME, p->partner->name));
        MVEC_TRY(mvec__result_text(ctx, r, NAME_TEXT, p->partner->name));
        MVEC_TRY(mvec__result_text(
            ctx, r, BLOC, p->bloc == SIZE_MAX ? "domestic" : mvec_bloc_name(scheme, p->bloc)));
        MVEC_TRY(mvec__result_text(ctx, r, VALUES, values));
        mvec__result_interval(r, SHARE, p->share);
        if (published_share(observations, v, country, p->partner, &published))
            mvec__result_number(r, PUBLISHED, published);
    }
cleanup:
    return status;
}

mvec_status mvec_shares_write(mvec_ctx *ctx, const mvec_profile *profile,
                              const mvec_observations *observations, const char *vector,
                              mvec_format format, const mvec_sink *sink)
{
    mvec_status status = MVEC_OK;
    mvec__buf out = MVEC__BUF_INIT(MVEC__OUTPUT_MAX);
    mvec__result r;
    json_t *root = NULL;
    mvec__result_init(&r);
    const mvec_vector_profile *v = NULL;
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
    MVEC_TRY(shares_result(ctx, profile, observations, v, &r));
    if (format == MVEC_FORMAT_XLSX) {
        mvec__result sources;
        mvec__result_init(&sources);
        status = mvec__sources_init(ctx, &sources);
        if (status == MVEC_OK)
            status = mvec__sources_vector(ctx, &sources, v);
        mvec__sheet sheet = {vector, &r};
        if (status == MVEC_OK)
            status = mvec__workbook_emit(ctx, &sheet, 1, &sources, &out, sink);
        mvec__result_clear(ctx, &sources);
        goto cleanup;
    }
    /* Text and JSON have a heading; any other format is the result as it is. */
    if (format == MVEC_FORMAT_TABLE) {
        char unlisted[64];
        MVEC_TRY(mvec__buf_printf(ctx, &out, "%s (%s) %s %d%s%s, %s basis: %zu partner%s\n\n",
                                  country->name, country->code, vector, v->year,
                                  v->period[0] ? " " : "", v->period, mvec_basis_name(v->basis),
                                  v->partner_count, v->partner_count == 1 ? "" : "s"));
        MVEC_TRY(mvec__render_text(ctx, &r, &out));
        mvec__fmt_interval(unlisted, sizeof unlisted, v->unlisted, 100, 5);
        MVEC_TRY(mvec__buf_printf(ctx, &out, "\nunlisted: %s %%\n", unlisted));
    } else if (format == MVEC_FORMAT_JSON) {
        root = json_object();
        bool ok = root && mvec__json_set(root, "country", json_string(country->code)) &&
                  mvec__json_set(root, "vector", json_string(vector)) &&
                  mvec__json_set(root, "year", json_integer(v->year)) &&
                  mvec__json_set(root, "period", json_string(v->period)) &&
                  mvec__json_set(root, "basis", json_string(mvec_basis_name(v->basis))) &&
                  mvec__json_set(root, "dimension", json_string(v->dimension)) &&
                  mvec__json_set(root, "unlisted", mvec__json_interval(v->unlisted)) &&
                  mvec__json_set(root, "partners", mvec__render_json_rows(&r));
        if (!ok)
            MVEC_FAIL(ctx, MVEC_ERR_NOMEM, "out of memory (building JSON)");
    }
    MVEC_TRY(mvec__result_finish(ctx, &r, format, root, &out, sink));
cleanup:
    json_decref(root);
    mvec__result_clear(ctx, &r);
    mvec__buf_clear(ctx, &out);
    return status;
}
