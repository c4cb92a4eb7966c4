/*
 * write_frontier.c - the diversification frontier (mvec_frontier.h): one row
 * per partner (baseline and frontier value and share, the change and who
 * absorbs or gives up, the limit that holds), then the groups, the HHI and
 * balance baseline against the frontier, bloc shares before and after, the
 * LP's size and the sources of the values.
 *
 * Units: the text shows money in USD m (other units as they are) and shares
 * in %; CSV and JSON carry values in the base unit (the key says which) and
 * JSON shares as fractions. CSV holds the partner rows; JSON everything (base values to 4 decimals
 * in CSV).
 */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "render_internal.h"

enum { WIDTH = 120 };

typedef struct unit_text {
    double scale;   /* text value = base value x scale */
    char label[32]; /* "USD m" */
    char key[40];   /* "usd": the key suffix of base values */
    int decimals;
} unit_text;

static unit_text unit_of(const mvec_frontier_summary *r)
{
    unit_text u = {1, "", "", 3};
    if (strcmp(r->unit, "USD") == 0) {
        u.scale = 1e-6;
        snprintf(u.label, sizeof u.label, "USD m");
        u.decimals = 1;
    } else if (strcmp(r->unit, "share") == 0) {
        u.scale = 100;
        snprintf(u.label, sizeof u.label, "%% of total");
        u.decimals = 3;
    } else {
        snprintf(u.label, sizeof u.label, "%s", r->unit[0] ? r->unit : "units");
    }
    size_t k = 0;
    for (const char *c = r->unit[0] ? r->unit : "value"; *c && k + 1 < sizeof u.key; c++)
        u.key[k++] = isalnum((unsigned char)*c) ? (char)tolower((unsigned char)*c) : '_';
    u.key[k] = '\0';
    return u;
}

static const char *bound_text(const mvec_frontier_partner *q)
{
    switch (q->bound) {
    case MVEC_FRONTIER_FLOOR:
        return "floor";
    case MVEC_FRONTIER_CEILING:
        return "ceiling";
    case MVEC_FRONTIER_ZERO:
        return "zero";
    case MVEC_FRONTIER_FREE:
        break;
    }
    return "";
}

enum {
    C_COUNTRY,
    C_VECTOR,
    C_YEAR,
    C_PARTNER,
    C_NAME,
    C_BLOC,
    C_BASE_TEXT,
    C_BASE,
    C_BASE_SHARE,
    C_FRONT_TEXT,
    C_FRONT,
    C_FRONT_SHARE,
    C_CHANGE_TEXT,
    C_CHANGE,
    C_ROLE,
    C_LIMIT,
    C_LOWEST,
    C_HIGHEST,
};

static mvec_status partner_result(mvec_ctx *ctx, const mvec_frontier_summary *r, const unit_text *u,
                                  mvec__result *res)
{
    mvec_status status = MVEC_OK;
    char key[96];
    char header[64];
    enum { DATA = MVEC__COLUMN_NO_TEXT, TEXT = MVEC__COLUMN_NO_CSV | MVEC__COLUMN_NO_JSON };
    const char *country = r->country ? r->country->code : "";
    MVEC_TRY(mvec__result_column(ctx, res, "country", NULL, MVEC__COLUMN_TEXT, 1, 0, 0,
                                 DATA | MVEC__COLUMN_NO_JSON));
    MVEC_TRY(mvec__result_column(ctx, res, "vector", NULL, MVEC__COLUMN_TEXT, 1, 0, 0,
                                 DATA | MVEC__COLUMN_NO_JSON));
    MVEC_TRY(mvec__result_column(ctx, res, "year", NULL, MVEC__COLUMN_INTEGER, 1, 0, 0,
                                 DATA | MVEC__COLUMN_NO_JSON));
    MVEC_TRY(mvec__result_column(ctx, res, "partner", "partner", MVEC__COLUMN_TEXT, 1, 0, 0, 0));
    MVEC_TRY(mvec__result_column(ctx, res, "name", NULL, MVEC__COLUMN_TEXT, 1, 0, 0, DATA));
    MVEC_TRY(mvec__result_column(ctx, res, "bloc", "bloc", MVEC__COLUMN_TEXT, 1, 0, 0, 0));
    snprintf(header, sizeof header, "baseline %s", u->label);
    MVEC_TRY(mvec__result_column(ctx, res, "baseline_text", header, MVEC__COLUMN_NUMBER, u->scale,
                                 u->decimals, 0, TEXT));
    snprintf(key, sizeof key, "baseline_%s", u->key);
    MVEC_TRY(mvec__result_column(ctx, res, key, NULL, MVEC__COLUMN_NUMBER, 1, 0, 4, DATA));
    MVEC_TRY(mvec__result_column(ctx, res, "baseline_share", "share %", MVEC__COLUMN_NUMBER, 100, 2,
                                 6, 0));
    snprintf(header, sizeof header, "frontier %s", u->label);
    MVEC_TRY(mvec__result_column(ctx, res, "frontier_text", header, MVEC__COLUMN_NUMBER, u->scale,
                                 u->decimals, 0, TEXT));
    snprintf(key, sizeof key, "frontier_%s", u->key);
    MVEC_TRY(mvec__result_column(ctx, res, key, NULL, MVEC__COLUMN_NUMBER, 1, 0, 4, DATA));
    MVEC_TRY(mvec__result_column(ctx, res, "frontier_share", "share %", MVEC__COLUMN_NUMBER, 100, 2,
                                 6, 0));
    snprintf(header, sizeof header, "change %s", u->label);
    MVEC_TRY(mvec__result_column(ctx, res, "change_text", header, MVEC__COLUMN_TEXT, 1, 0, 0,
                                 TEXT | MVEC__COLUMN_RIGHT));
    snprintf(key, sizeof key, "change_%s", u->key);
    MVEC_TRY(mvec__result_column(ctx, res, key, NULL, MVEC__COLUMN_NUMBER, 1, 0, 4, DATA));
    MVEC_TRY(mvec__result_column(ctx, res, "role", NULL, MVEC__COLUMN_TEXT, 1, 0, 0, DATA));
    MVEC_TRY(mvec__result_column(ctx, res, "limit", "limit", MVEC__COLUMN_TEXT, 1, 0, 0, 0));
    snprintf(key, sizeof key, "lowest_%s", u->key);
    MVEC_TRY(mvec__result_column(ctx, res, key, NULL, MVEC__COLUMN_NUMBER, 1, 0, 4, DATA));
    snprintf(key, sizeof key, "highest_%s", u->key);
    MVEC_TRY(mvec__result_column(ctx, res, key, NULL, MVEC__COLUMN_NUMBER, 1, 0, 4, DATA));
    for (size_t i = 0; i < r->partner_count; i++) {
        const mvec_frontier_partner *q = &r->partners[i];
        double change = q->frontier - q->baseline;
        bool moved = fabs(change) > 1e-9 * r->total;
        char text[64];
        char limit[96];
        const char *role = !moved ? "unchanged" : change > 0 ? "absorbs" : "gives up";
        double least = 0.5 * pow(10, -u->decimals); /* below the last digit shown */
        if (moved && fabs(change * u->scale) < least)
            snprintf(text, sizeof text, "%s <%g", role, 2 * least);
        else if (moved)
            snprintf(text, sizeof text, "%s %+.*f", role, u->decimals, change * u->scale);
        else
            snprintf(text, sizeof text, "unchanged");
        snprintf(limit, sizeof limit, "%s", bound_text(q));
        for (size_t k = 0; q->grouped && k < r->group_count; k++)
            if (r->groups[k].binding) {
                size_t used = strlen(limit);
                snprintf(limit + used, sizeof limit - used, "%scap", used ? ", " : "");
                break;
            }
        MVEC_TRY(mvec__result_row(ctx, res));
        MVEC_TRY(mvec__result_text(ctx, res, C_COUNTRY, country));
        MVEC_TRY(mvec__result_text(ctx, res, C_VECTOR, r->vector ? r->vector : ""));
        mvec__result_number(res, C_YEAR, r->year);
        MVEC_TRY(mvec__result_text(ctx, res, C_PARTNER, q->code));
        MVEC_TRY(mvec__result_text(ctx, res, C_NAME, q->name));
        MVEC_TRY(mvec__result_text(
            ctx, res, C_BLOC,
            q->bloc == SIZE_MAX || q->bloc >= r->bloc_count ? "-" : r->bloc_names[q->bloc]));
        mvec__result_number(res, C_BASE_TEXT, q->baseline);
        mvec__result_number(res, C_BASE, q->baseline);
        mvec__result_number(res, C_BASE_SHARE, q->baseline_share);
        mvec__result_number(res, C_FRONT_TEXT, q->frontier);
        mvec__result_number(res, C_FRONT, q->frontier);
        mvec__result_number(res, C_FRONT_SHARE, q->frontier_share);
        MVEC_TRY(mvec__result_text(ctx, res, C_CHANGE_TEXT, text));
        mvec__result_number(res, C_CHANGE, change);
        MVEC_TRY(mvec__result_text(ctx, res, C_ROLE, role));
        MVEC_TRY(mvec__result_text(ctx, res, C_LIMIT, limit));
        mvec__result_number(res, C_LOWEST, q->lowest);
        mvec__result_number(res, C_HIGHEST, q->highest);
    }
cleanup:
    return status;
}

static void fmt_number(char *out, size_t size, double value, int decimals)
{
    if (isnan(value))
        snprintf(out, size, "n/a");
    else
        snprintf(out, size, "%.*f", decimals, value);
}

/* The distinct sources of the inputs, numbered, as the profile's notes print them. */
static mvec_status write_sources(mvec_ctx *ctx, const mvec_frontier_summary *r, mvec__buf *out)
{
    mvec_status status = MVEC_OK;
    size_t number = 0;
    mvec__buf line = MVEC__BUF_INIT(1 << 16);
    if (r->input_count == 0)
        goto cleanup;
    MVEC_TRY(mvec__buf_printf(ctx, out, "\nsources of the values (%zu figures)\n", r->input_count));
    for (size_t i = 0; i < r->input_count; i++) {
        const mvec_observation *o = r->inputs[i];
        bool seen = false;
        for (size_t j = 0; j < i && !seen; j++)
            seen = strcmp(r->inputs[j]->source, o->source) == 0 &&
                   strcmp(r->inputs[j]->url, o->url) == 0 &&
                   strcmp(r->inputs[j]->title, o->title) == 0;
        if (seen)
            continue;
        char prefix[32];
        snprintf(prefix, sizeof prefix, "  [%zu] ", ++number);
        mvec__buf_reset(&line);
        MVEC_TRY(mvec__describe_source(ctx, o, &line));
        MVEC_TRY(mvec__buf_puts(ctx, out, prefix));
        MVEC_TRY(mvec__wrap(ctx, out, line.data ? line.data : "", strlen(prefix), 6, WIDTH));
        if (o->url[0] != '\0')
            MVEC_TRY(mvec__buf_printf(ctx, out, "\n      %s", o->url));
        MVEC_TRY(mvec__buf_puts(ctx, out, "\n"));
    }
cleanup:
    mvec__buf_clear(ctx, &line);
    return status;
}

static mvec_status write_text(mvec_ctx *ctx, const mvec_frontier_summary *r, const unit_text *u,
                              const mvec__result *res, mvec__buf *out)
{
    mvec_status status = MVEC_OK;
    char a[64];
    char b[64];
    char c[64];
    double fall = pow(1 - r->max_shift, r->years);
    double rise = pow(1 + r->max_growth, r->years);
    if (r->country != NULL)
        MVEC_TRY(mvec__buf_printf(ctx, out, "%s (%s) %s %d%s%s, %s basis: ", r->country->name,
                                  r->country->code, r->vector, r->year, r->period[0] ? " " : "",
                                  r->period, r->basis));
    MVEC_TRY(mvec__buf_printf(ctx, out, "diversification frontier, %s, in %d year%s\n",
                              r->objective == MVEC_FRONTIER_HHI
                                  ? "lowest partner HHI"
                                  : "highest great-power balance",
                              r->years, r->years == 1 ? "" : "s"));
    MVEC_TRY(mvec__buf_printf(ctx, out,
                              "limits: each partner may fall %g %%/yr (to %.1f %% of its value) "
                              "and grow %g %%/yr (to %.1f %%); 0 stays 0\n",
                              100 * r->max_shift, 100 * fall, 100 * r->max_growth, 100 * rise));
    MVEC_TRY(mvec__buf_printf(ctx, out, "total %.*f %s held fixed", u->decimals,
                              r->total * u->scale, u->label));
    if (r->fixed_value > 0)
        MVEC_TRY(mvec__buf_printf(
            ctx, out, ", of which %.*f %s (%.2f %%) unlisted: an unmovable block", u->decimals,
            r->fixed_value * u->scale, u->label, 100 * r->fixed_value / r->total));
    MVEC_TRY(mvec__buf_printf(ctx, out, "; %zu partners\n\n", r->partner_count));
    MVEC_TRY(mvec__render_text(ctx, res, out));
    MVEC_TRY(mvec__buf_puts(ctx, out,
                            "limit: floor = fell as far as allowed, ceiling = grew as far as "
                            "allowed, zero = stays 0, cap = in a group at its cap\n"));
    if (r->group_count > 0) {
        MVEC_TRY(mvec__buf_printf(ctx, out, "\ngroup caps (most a group may grow together, %s)\n",
                                  u->label));
        for (size_t k = 0; k < r->group_count; k++) {
            const mvec_frontier_group_result *g = &r->groups[k];
            MVEC_TRY(mvec__buf_printf(
                ctx, out, "  %-12s %3zu partner%s  cap %+.*f  change %+.*f%s\n", g->name,
                g->member_count, g->member_count == 1 ? " " : "s", u->decimals, g->cap * u->scale,
                u->decimals, g->change * u->scale, g->binding ? "  binds" : ""));
        }
    }
    mvec_interval_format(a, sizeof a, r->hhi_baseline, 1, 4);
    mvec_interval_format(b, sizeof b, r->hhi_frontier, 1, 4);
    MVEC_TRY(mvec__buf_printf(ctx, out,
                              "\npartner HHI (sum of squared shares of the total): baseline %s, "
                              "frontier %s",
                              a, b));
    if (r->objective == MVEC_FRONTIER_HHI) {
        mvec_interval_format(c, sizeof c, r->hhi_optimum, 1, 6);
        MVEC_TRY(mvec__buf_printf(ctx, out, "\n  lowest reachable partner HHI: %s", c));
    }
    MVEC_TRY(mvec__buf_printf(ctx, out, "\nequivalent partners (1/HHI): %.1f -> %.1f\n",
                              1 / r->hhi_baseline.hi, 1 / r->hhi_frontier.hi));
    if (r->bloc_count > 0) {
        MVEC_TRY(mvec__buf_puts(ctx, out,
                                "\nbloc (* great power)  baseline %  frontier %  "
                                "change pp\n"));
        for (size_t b2 = 0; b2 < r->bloc_count; b2++) {
            double before = r->bloc_baseline[b2];
            double after = r->bloc_frontier[b2];
            char name[64];
            snprintf(name, sizeof name, "%s%s", r->bloc_names[b2], r->great_power[b2] ? "*" : "");
            MVEC_TRY(mvec__buf_printf(ctx, out, "  %-19s %10.2f %11.2f %+10.2f\n", name,
                                      100 * before, 100 * after, 100 * (after - before)));
        }
        if (r->fixed_value > 0)
            MVEC_TRY(mvec__buf_printf(ctx, out, "  %-19s %10.2f %11.2f %+10.2f\n", "(unlisted)",
                                      100 * r->fixed_value / r->total,
                                      100 * r->fixed_value / r->total, 0.0));
        fmt_number(a, sizeof a, 100 * r->exposure_baseline, 2);
        fmt_number(b, sizeof b, 100 * r->exposure_frontier, 2);
        MVEC_TRY(mvec__buf_printf(ctx, out, "exposure (great powers' share) %%: %s -> %s\n", a, b));
        fmt_number(a, sizeof a, r->balance_baseline, 4);
        fmt_number(b, sizeof b, r->balance_frontier, 4);
        MVEC_TRY(mvec__buf_printf(ctx, out,
                                  "balance among the great powers (1 = even, 0 = one power): "
                                  "baseline %s, frontier %s",
                                  a, b));
        if (r->objective == MVEC_FRONTIER_BALANCE) {
            mvec_interval_format(c, sizeof c, r->balance_optimum, 1, 6);
            MVEC_TRY(mvec__buf_printf(ctx, out, "; highest reachable %s", c));
        }
        MVEC_TRY(mvec__buf_puts(ctx, out, "\n"));
    }
    MVEC_TRY(mvec__buf_printf(
        ctx, out,
        "\nLP (GLPK, tangent cuts): %zu variables, %zu rows, %zu solve%s; the reachable optimum "
        "lies in\n[LP bound, value of the distribution shown]%s\n",
        r->lp_variables, r->lp_rows, r->rounds, r->rounds == 1 ? "" : "s",
        r->converged ? "" : " (GLPK's tolerance stopped the refinement)"));
    MVEC_TRY(write_sources(ctx, r, out));
cleanup:
    return status;
}

static json_t *json_interval_or_null(mvec_interval x)
{
    return isnan(x.lo) ? json_null() : mvec__json_interval(x);
}

static json_t *json_number_or_null(double x)
{
    return isnan(x) ? json_null() : mvec__json_number(x);
}

static json_t *json_root(const mvec_frontier_summary *r, const mvec__result *res)
{
    json_t *root = json_object();
    json_t *blocs = json_array();
    json_t *groups = json_array();
    json_t *sources = json_array();
    bool ok = root && blocs && groups && sources;
    for (size_t b = 0; ok && b < r->bloc_count; b++) {
        json_t *o = json_object();
        ok = o && mvec__json_set(o, "bloc", json_string(r->bloc_names[b])) &&
             mvec__json_set(o, "great_power", json_boolean(r->great_power[b])) &&
             mvec__json_set(o, "baseline_share", mvec__json_number(r->bloc_baseline[b])) &&
             mvec__json_set(o, "frontier_share", mvec__json_number(r->bloc_frontier[b])) &&
             json_array_append_new(blocs, o) == 0;
    }
    for (size_t k = 0; ok && k < r->group_count; k++) {
        json_t *o = json_object();
        ok = o && mvec__json_set(o, "group", json_string(r->groups[k].name)) &&
             mvec__json_set(o, "members", json_integer((json_int_t)r->groups[k].member_count)) &&
             mvec__json_set(o, "cap", mvec__json_number(r->groups[k].cap)) &&
             mvec__json_set(o, "change", mvec__json_number(r->groups[k].change)) &&
             mvec__json_set(o, "binding", json_boolean(r->groups[k].binding)) &&
             json_array_append_new(groups, o) == 0;
    }
    for (size_t i = 0; ok && i < r->input_count; i++) {
        const mvec_observation *o = r->inputs[i];
        bool seen = false;
        for (size_t j = 0; j < i && !seen; j++)
            seen = strcmp(r->inputs[j]->source, o->source) == 0 &&
                   strcmp(r->inputs[j]->url, o->url) == 0 &&
                   strcmp(r->inputs[j]->title, o->title) == 0;
        if (seen)
            continue;
        json_t *s = json_object();
        ok = s && mvec__json_set(s, "source", json_string(o->source)) &&
             mvec__json_set(s, "title", json_string(o->title)) &&
             mvec__json_set(s, "date", json_string(o->source_date)) &&
             mvec__json_set(s, "url", json_string(o->url)) &&
             json_array_append_new(sources, s) == 0;
    }
    ok =
        ok &&
        mvec__json_set(root, "country", r->country ? json_string(r->country->code) : json_null()) &&
        mvec__json_set(root, "vector", r->vector ? json_string(r->vector) : json_null()) &&
        mvec__json_set(root, "year", json_integer(r->year)) &&
        mvec__json_set(root, "period", json_string(r->period)) &&
        mvec__json_set(root, "basis", json_string(r->basis)) &&
        mvec__json_set(root, "unit", json_string(r->unit)) &&
        mvec__json_set(root, "objective",
                       json_string(mvec_frontier_objective_name(r->objective))) &&
        mvec__json_set(root, "years", json_integer(r->years)) &&
        mvec__json_set(root, "max_shift", mvec__json_number(r->max_shift)) &&
        mvec__json_set(root, "max_growth", mvec__json_number(r->max_growth)) &&
        mvec__json_set(root, "total", mvec__json_number(r->total)) &&
        mvec__json_set(root, "unlisted_fixed", mvec__json_number(r->fixed_value)) &&
        mvec__json_set(root, "hhi_baseline", mvec__json_interval(r->hhi_baseline)) &&
        mvec__json_set(root, "hhi_frontier", mvec__json_interval(r->hhi_frontier)) &&
        mvec__json_set(root, "hhi_optimum", json_interval_or_null(r->hhi_optimum)) &&
        mvec__json_set(root, "exposure_baseline", json_number_or_null(r->exposure_baseline)) &&
        mvec__json_set(root, "exposure_frontier", json_number_or_null(r->exposure_frontier)) &&
        mvec__json_set(root, "balance_baseline", json_number_or_null(r->balance_baseline)) &&
        mvec__json_set(root, "balance_frontier", json_number_or_null(r->balance_frontier)) &&
        mvec__json_set(root, "balance_optimum", json_interval_or_null(r->balance_optimum)) &&
        mvec__json_set(root, "lp_variables", json_integer((json_int_t)r->lp_variables)) &&
        mvec__json_set(root, "lp_rows", json_integer((json_int_t)r->lp_rows)) &&
        mvec__json_set(root, "lp_solves", json_integer((json_int_t)r->rounds)) &&
        mvec__json_set(root, "converged", json_boolean(r->converged)) &&
        mvec__json_set(root, "partners", mvec__render_json_rows(res)) &&
        mvec__json_set(root, "groups", groups) && mvec__json_set(root, "blocs", blocs) &&
        mvec__json_set(root, "sources", sources);
    if (!ok) {
        json_decref(root);
        return NULL;
    }
    return root;
}

mvec_status mvec_frontier_write(mvec_ctx *ctx, const mvec_frontier *frontier, mvec_format format,
                                unsigned flags, const mvec_sink *sink)
{
    mvec_status status = MVEC_OK;
    mvec__buf out = MVEC__BUF_INIT(MVEC__OUTPUT_MAX);
    mvec__result res;
    json_t *root = NULL;
    mvec__result_init(&res);
    bool exact = (flags & MVEC_WRITE_EXACT) != 0;
    const mvec_frontier_summary *r = mvec_frontier_result(frontier);
    unit_text u = unit_of(r);
    mvec__result groups, sources;
    mvec__result_init(&groups);
    mvec__result_init(&sources);
    if (format != MVEC_FORMAT_TABLE && format != MVEC_FORMAT_CSV && format != MVEC_FORMAT_JSON &&
        format != MVEC_FORMAT_XLSX)
        MVEC_FAIL(ctx, MVEC_ERR_INVALID, "unknown output format %d", (int)format);
    MVEC_TRY(partner_result(ctx, r, &u, &res));
    if (format == MVEC_FORMAT_XLSX) {
        /* the partners, the group caps (when any) and the inputs' sources */
        static const char *const keys[] = {"group", "partners", "cap", "change", "binds"};
        for (size_t c = 0; c < 5; c++)
            MVEC_TRY(mvec__result_column(ctx, &groups, keys[c], NULL,
                                         c == 0 || c == 4 ? MVEC__COLUMN_TEXT
                                         : c == 1         ? MVEC__COLUMN_INTEGER
                                                          : MVEC__COLUMN_NUMBER,
                                         1, 0, MVEC__DECIMALS_EXACT, MVEC__COLUMN_THOUSANDS));
        for (size_t k = 0; k < r->group_count; k++) {
            const mvec_frontier_group_result *g = &r->groups[k];
            MVEC_TRY(mvec__result_row(ctx, &groups));
            mvec__result_text_borrowed(ctx, &groups, 0, g->name);
            mvec__result_number(&groups, 1, (double)g->member_count);
            mvec__result_number(&groups, 2, g->cap);
            mvec__result_number(&groups, 3, g->change);
            mvec__result_text_borrowed(ctx, &groups, 4, g->binding ? "yes" : "no");
        }
        MVEC_TRY(mvec__sources_init(ctx, &sources));
        for (size_t i = 0; i < r->input_count; i++)
            MVEC_TRY(mvec__sources_observation(ctx, &sources, r->inputs[i], NULL));
        mvec__sheet sheets[] = {{"Frontier", &res}, {"Group caps", &groups}};
        MVEC_TRY(mvec__workbook_emit(ctx, sheets, r->group_count > 0 ? 2 : 1, &sources, &out,
                                     sink));
        goto cleanup;
    }
    if (format == MVEC_FORMAT_TABLE) {
        MVEC_TRY(write_text(ctx, r, &u, &res, &out));
    } else if (format == MVEC_FORMAT_JSON) {
        mvec__json_set_exact(exact);
        root = json_root(r, &res);
        mvec__json_set_exact(false);
        if (root == NULL)
            MVEC_FAIL(ctx, MVEC_ERR_NOMEM, "out of memory (building JSON)");
    }
    MVEC_TRY(mvec__result_finish(ctx, &res, format, root, &out, sink));
cleanup:
    json_decref(root);
    mvec__result_clear(ctx, &groups);
    mvec__result_clear(ctx, &sources);
    mvec__result_clear(ctx, &res);
    mvec__buf_clear(ctx, &out);
    return status;
}
