/*
 * write_robust.c - results under several bloc schemes, in the column model:
 * per vector the bloc-based numbers under each scheme, one row per scheme
 * (profile, shares), or each claim's verdict per scheme (check); then the
 * conclusions that flip between the schemes (mvec_robust.h).
 *
 * CSV is one flat table (a row per vector and scheme, per partner, or per
 * claim and scheme) whose rows carry the outcome across schemes; JSON holds
 * the rows and the conclusions; the table fits 120 columns.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "render_internal.h"

enum { WRAP_WIDTH = 120 };

static const unsigned TEXT_ONLY = MVEC__COLUMN_NO_CSV | MVEC__COLUMN_NO_JSON;
static const unsigned DATA_ONLY = MVEC__COLUMN_NO_TEXT;

/* Short names for the text table: a scheme file's base name without ".csv"
 * (schemes/eu_first.csv -> eu_first), a built-in name as it is; the full
 * names when two short ones would be the same. CSV and JSON keep the full
 * names. */
typedef struct labels {
    char text[MVEC_ROBUST_SCHEME_LIMIT][128];
} labels;

static void make_labels(const char *const *names, size_t count, labels *out)
{
    for (size_t s = 0; s < count; s++) {
        const char *slash = strrchr(names[s], '/');
        const char *base = slash ? slash + 1 : names[s];
        size_t length = strlen(base);
        if (length > 4 && strcmp(base + length - 4, ".csv") == 0)
            length -= 4;
        if (length == 0 || length >= sizeof out->text[s]) {
            base = names[s];
            length = strlen(base) < sizeof out->text[s] ? strlen(base) : sizeof out->text[s] - 1;
        }
        memcpy(out->text[s], base, length);
        out->text[s][length] = '\0';
    }
    for (size_t i = 0; i < count; i++)
        for (size_t j = i + 1; j < count; j++)
            if (strcmp(out->text[i], out->text[j]) == 0) {
                for (size_t s = 0; s < count; s++)
                    snprintf(out->text[s], sizeof out->text[s], "%s", names[s]);
                return;
            }
}

static void scheme_labels(const mvec_bloc_scheme *const *schemes, size_t count, labels *out)
{
    const char *names[MVEC_ROBUST_SCHEME_LIMIT] = {NULL};
    for (size_t s = 0; s < count; s++)
        names[s] = mvec_bloc_scheme_name(schemes[s]);
    make_labels(names, count, out);
}

/* The conclusion of `kind` about `subject`, or NULL. */
static const mvec_robust_conclusion *conclusion_of(const mvec_robust *robust, mvec_robust_kind kind,
                                                   const char *subject)
{
    for (size_t i = 0; i < mvec_robust_count(robust); i++) {
        const mvec_robust_conclusion *c = mvec_robust_at(robust, i);
        if (c->kind == kind && strcmp(c->subject, subject) == 0)
            return c;
    }
    return NULL;
}

static size_t great_power_count(const mvec_bloc_scheme *scheme)
{
    size_t n = 0;
    for (size_t b = 0; b < mvec_bloc_count(scheme); b++)
        n += mvec_bloc_is_great_power(scheme, b) ? 1u : 0u;
    return n;
}

/* The heading: `title` (a line, without its newline) and one line per scheme
 * with its great powers. */
static mvec_status heading(mvec_ctx *ctx, const char *title, const mvec_bloc_scheme *const *schemes,
                           size_t count, mvec__buf *out)
{
    mvec_status status = MVEC_OK;
    labels label;
    scheme_labels(schemes, count, &label);
    size_t width = 0;
    for (size_t s = 0; s < count; s++) {
        size_t length = strlen(label.text[s]);
        width = length > width ? length : width;
    }
    MVEC_TRY(mvec__buf_printf(ctx, out, "%s\n", title));
    for (size_t s = 0; s < count; s++) {
        const char *name = mvec_bloc_scheme_name(schemes[s]);
        MVEC_TRY(mvec__buf_printf(ctx, out, "  %-*s  great powers", (int)width, label.text[s]));
        for (size_t b = 0, n = 0; b < mvec_bloc_count(schemes[s]); b++)
            if (mvec_bloc_is_great_power(schemes[s], b))
                MVEC_TRY(mvec__buf_printf(ctx, out, "%s %s", n++ ? "," : "",
                                          mvec_bloc_name(schemes[s], b)));
        if (strcmp(name, label.text[s]) != 0)
            MVEC_TRY(mvec__buf_printf(ctx, out, " (file %s)", name));
        MVEC_TRY(mvec__buf_putc(ctx, out, '\n'));
    }
    MVEC_TRY(mvec__buf_putc(ctx, out, '\n'));
cleanup:
    return status;
}

/* "RUS-EAEU under powers, RUS-CSTO under treaties" */
static mvec_status values_text(mvec_ctx *ctx, const mvec_robust *robust,
                               const mvec_robust_conclusion *c, mvec__buf *out)
{
    mvec_status status = MVEC_OK;
    const char *names[MVEC_ROBUST_SCHEME_LIMIT] = {NULL};
    labels label;
    for (size_t s = 0; s < c->scheme_count; s++)
        names[s] = mvec_robust_scheme_name(robust, s);
    make_labels(names, c->scheme_count, &label);
    for (size_t s = 0; s < c->scheme_count; s++)
        MVEC_TRY(mvec__buf_printf(ctx, out, "%s%s under %s", s ? ", " : "", c->values[s],
                                  label.text[s]));
cleanup:
    return status;
}

/* The closing section: every conclusion that flips, one per line, or "no
 * conclusion flips between the schemes"; then the uncertain ones in one
 * wrapped paragraph. */
static mvec_status flips_section(mvec_ctx *ctx, const mvec_robust *robust, mvec__buf *out)
{
    mvec_status status = MVEC_OK;
    mvec__buf line = MVEC__BUF_INIT(1 << 20);
    size_t flips = mvec_robust_count_outcome(robust, MVEC_ROBUST_FLIPS);
    size_t uncertain = mvec_robust_count_outcome(robust, MVEC_ROBUST_UNCERTAIN);
    size_t width = 0;
    for (size_t i = 0; i < mvec_robust_count(robust); i++) {
        const mvec_robust_conclusion *c = mvec_robust_at(robust, i);
        size_t length = strlen(c->subject);
        if (c->outcome == MVEC_ROBUST_FLIPS && length > width)
            width = length;
    }
    if (flips == 0) {
        MVEC_TRY(mvec__buf_puts(ctx, out, "\nno conclusion flips between the schemes\n"));
    } else {
        MVEC_TRY(mvec__buf_printf(ctx, out, "\nconclusions that flip between the schemes (%zu)\n",
                                  flips));
        for (size_t i = 0; i < mvec_robust_count(robust); i++) {
            const mvec_robust_conclusion *c = mvec_robust_at(robust, i);
            if (c->outcome != MVEC_ROBUST_FLIPS)
                continue;
            mvec__buf_reset(&line);
            MVEC_TRY(mvec__buf_printf(ctx, &line, "  %-*s  %-7s  ", (int)width, c->subject,
                                      mvec_robust_kind_name(c->kind)));
            size_t column = line.length;
            mvec__buf_reset(&line);
            MVEC_TRY(values_text(ctx, robust, c, &line));
            MVEC_TRY(mvec__buf_printf(ctx, out, "  %-*s  %-7s  ", (int)width, c->subject,
                                      mvec_robust_kind_name(c->kind)));
            MVEC_TRY(mvec__wrap(ctx, out, line.data, column, column, WRAP_WIDTH));
            MVEC_TRY(mvec__buf_putc(ctx, out, '\n'));
        }
    }
    if (uncertain > 0) {
        mvec__buf_reset(&line);
        MVEC_TRY(mvec__buf_printf(
            ctx, &line, "Uncertain under some scheme, contradicted by none (%zu):", uncertain));
        for (size_t i = 0, n = 0; i < mvec_robust_count(robust); i++) {
            const mvec_robust_conclusion *c = mvec_robust_at(robust, i);
            if (c->outcome == MVEC_ROBUST_UNCERTAIN)
                MVEC_TRY(mvec__buf_printf(ctx, &line, "%s %s %s", n++ ? "," : "", c->subject,
                                          mvec_robust_kind_name(c->kind)));
        }
        MVEC_TRY(mvec__buf_puts(ctx, &line, "."));
        MVEC_TRY(mvec__wrap(ctx, out, line.data, 0, 2, WRAP_WIDTH));
        MVEC_TRY(mvec__buf_putc(ctx, out, '\n'));
    }
cleanup:
    mvec__buf_clear(ctx, &line);
    return status;
}

/* The conclusions as JSON: [{"kind", "subject", "values": {scheme: value}, "outcome"}]. */
static json_t *conclusions_json(const mvec_robust *robust)
{
    json_t *array = json_array();
    for (size_t i = 0; array != NULL && i < mvec_robust_count(robust); i++) {
        const mvec_robust_conclusion *c = mvec_robust_at(robust, i);
        json_t *item = json_object();
        json_t *values = json_object();
        bool ok = item != NULL && values != NULL;
        for (size_t s = 0; ok && s < c->scheme_count; s++)
            ok = json_object_set_new(values, mvec_robust_scheme_name(robust, s),
                                     json_string(c->values[s])) == 0;
        ok = ok && mvec__json_set(item, "kind", json_string(mvec_robust_kind_name(c->kind))) &&
             mvec__json_set(item, "subject", json_string(c->subject)) &&
             json_object_set(item, "values", values) == 0 &&
             mvec__json_set(item, "outcome", json_string(mvec_robust_outcome_name(c->outcome)));
        json_decref(values);
        if (!ok || json_array_append_new(array, item) != 0) {
            if (!ok)
                json_decref(item);
            json_decref(array);
            return NULL;
        }
    }
    return array;
}

static json_t *schemes_json(const mvec_bloc_scheme *const *schemes, size_t count)
{
    json_t *array = json_array();
    for (size_t s = 0; array != NULL && s < count; s++) {
        json_t *item = json_object();
        json_t *powers = json_array();
        bool ok = item != NULL && powers != NULL;
        for (size_t b = 0; ok && b < mvec_bloc_count(schemes[s]); b++)
            if (mvec_bloc_is_great_power(schemes[s], b))
                ok = json_array_append_new(powers, json_string(mvec_bloc_name(schemes[s], b))) == 0;
        ok = ok && mvec__json_set(item, "name", json_string(mvec_bloc_scheme_name(schemes[s]))) &&
             json_object_set(item, "great_powers", powers) == 0;
        json_decref(powers);
        if (!ok || json_array_append_new(array, item) != 0) {
            if (!ok)
                json_decref(item);
            json_decref(array);
            return NULL;
        }
    }
    return array;
}

/* ---- profile: a row per vector and scheme --------------------------------------------- */

enum {
    P_COUNTRY,
    P_VECTOR,
    P_VECTOR_TEXT,
    P_YEAR,
    P_YEAR_TEXT,
    P_PERIOD,
    P_BASIS,
    P_SCHEME,
    P_SCHEME_TEXT,
    P_SHARES_TEXT,
    P_EXPOSURE,
    P_BALANCE,
    P_SIDE,
    P_LEADER,
    P_MARGIN,
    P_LEADER_OUTCOME,
    P_BALANCE_OUTCOME,
    P_POWERS /* then a bloc and a share column per great power, up to the most any scheme has,
                then the same for the other blocs (CSV and JSON) */
};

static mvec_status vector_columns(mvec_ctx *ctx, size_t powers, size_t others, mvec__result *r)
{
    mvec_status status = MVEC_OK;
    MVEC_TRY(mvec__result_column(ctx, r, "country", NULL, MVEC__COLUMN_TEXT, 1, 0, 0,
                                 DATA_ONLY | MVEC__COLUMN_NO_JSON));
    MVEC_TRY(mvec__result_column(ctx, r, "vector", NULL, MVEC__COLUMN_TEXT, 1, 0, 0, DATA_ONLY));
    MVEC_TRY(mvec__result_column(ctx, r, "vector_text", "vector", MVEC__COLUMN_TEXT, 1, 0, 0,
                                 TEXT_ONLY));
    MVEC_TRY(mvec__result_column(ctx, r, "year", NULL, MVEC__COLUMN_INTEGER, 1, 0, 0, DATA_ONLY));
    MVEC_TRY(
        mvec__result_column(ctx, r, "year_text", "year", MVEC__COLUMN_TEXT, 1, 0, 0, TEXT_ONLY));
    MVEC_TRY(mvec__result_column(ctx, r, "period", NULL, MVEC__COLUMN_TEXT, 1, 0, 0, DATA_ONLY));
    MVEC_TRY(mvec__result_column(ctx, r, "basis", "basis", MVEC__COLUMN_TEXT, 1, 0, 0, DATA_ONLY));
    MVEC_TRY(mvec__result_column(ctx, r, "scheme", NULL, MVEC__COLUMN_TEXT, 1, 0, 0, DATA_ONLY));
    MVEC_TRY(mvec__result_column(ctx, r, "scheme_text", "scheme", MVEC__COLUMN_TEXT, 1, 0, 0,
                                 TEXT_ONLY));
    MVEC_TRY(mvec__result_column(ctx, r, "shares_text", "great-power shares %", MVEC__COLUMN_TEXT,
                                 1, 0, 0, TEXT_ONLY));
    MVEC_TRY(mvec__result_column(ctx, r, "exposure", "exposure", MVEC__COLUMN_INTERVAL, 100, 0,
                                 MVEC__DECIMALS_EXACT, DATA_ONLY));
    MVEC_TRY(mvec__result_column(ctx, r, "balance", "balance", MVEC__COLUMN_INTERVAL, 1, 2,
                                 MVEC__DECIMALS_EXACT, 0));
    MVEC_TRY(mvec__result_column(ctx, r, "balance_side", "side", MVEC__COLUMN_TEXT, 1, 0, 0, 0));
    MVEC_TRY(mvec__result_column(ctx, r, "leader", "leader", MVEC__COLUMN_TEXT, 1, 0, 0, 0));
    MVEC_TRY(mvec__result_column(ctx, r, "margin", "margin", MVEC__COLUMN_INTERVAL, 1, 2,
                                 MVEC__DECIMALS_EXACT, 0));
    MVEC_TRY(mvec__result_column(ctx, r, "leader_across_schemes", NULL, MVEC__COLUMN_TEXT, 1, 0, 0,
                                 DATA_ONLY));
    MVEC_TRY(mvec__result_column(ctx, r, "balance_across_schemes", NULL, MVEC__COLUMN_TEXT, 1, 0, 0,
                                 DATA_ONLY));
    for (size_t k = 0; k < powers; k++) {
        char key[32];
        snprintf(key, sizeof key, "power%zu", k + 1);
        MVEC_TRY(mvec__result_column(ctx, r, key, NULL, MVEC__COLUMN_TEXT, 1, 0, 0, DATA_ONLY));
        snprintf(key, sizeof key, "power%zu_share", k + 1);
        MVEC_TRY(mvec__result_column(ctx, r, key, NULL, MVEC__COLUMN_INTERVAL, 100, 1,
                                     MVEC__DECIMALS_EXACT, DATA_ONLY));
    }
    for (size_t k = 0; k < others; k++) {
        char key[32];
        snprintf(key, sizeof key, "other%zu", k + 1);
        MVEC_TRY(mvec__result_column(ctx, r, key, NULL, MVEC__COLUMN_TEXT, 1, 0, 0, DATA_ONLY));
        snprintf(key, sizeof key, "other%zu_share", k + 1);
        MVEC_TRY(mvec__result_column(ctx, r, key, NULL, MVEC__COLUMN_INTERVAL, 100, 1,
                                     MVEC__DECIMALS_EXACT, DATA_ONLY));
    }
cleanup:
    return status;
}

static mvec_status vector_row(mvec_ctx *ctx, const mvec_profile *profile, const char *vector,
                              const mvec_vector_profile *v, const mvec_composite *k, bool first,
                              const char *label, size_t powers, const mvec_robust *robust,
                              mvec__result *r)
{
    mvec_status status = MVEC_OK;
    mvec__buf shares = MVEC__BUF_INIT(1 << 16);
    const mvec_bloc_scheme *scheme = mvec_profile_scheme(profile);
    MVEC_TRY(mvec__result_row(ctx, r));
    MVEC_TRY(mvec__result_text(ctx, r, P_COUNTRY, mvec_profile_country(profile)->code));
    MVEC_TRY(mvec__result_text(ctx, r, P_VECTOR, vector));
    MVEC_TRY(mvec__result_text(ctx, r, P_VECTOR_TEXT, first ? vector : ""));
    MVEC_TRY(mvec__result_text(ctx, r, P_SCHEME, mvec_bloc_scheme_name(scheme)));
    MVEC_TRY(mvec__result_text(ctx, r, P_SCHEME_TEXT, label));
    const mvec_interval *bloc_shares = NULL;
    mvec_interval exposure = {NAN, NAN};
    mvec_interval balance = {NAN, NAN};
    mvec_interval margin = {NAN, NAN};
    size_t leader = SIZE_MAX;
    if (v != NULL) {
        char year[64];
        snprintf(year, sizeof year, "%d%s", v->year, v->period[0] ? "*" : "");
        mvec__result_number(r, P_YEAR, v->year);
        MVEC_TRY(mvec__result_text(ctx, r, P_YEAR_TEXT, year));
        MVEC_TRY(mvec__result_text(ctx, r, P_PERIOD, v->period));
        MVEC_TRY(mvec__result_text(ctx, r, P_BASIS,
                                   v->from_memberships ? "members" : mvec_basis_name(v->basis)));
        bloc_shares = v->bloc_shares;
        exposure = v->exposure;
        balance = v->balance;
        margin = v->margin;
        leader = v->leader;
    } else if (k != NULL) {
        MVEC_TRY(mvec__result_text(ctx, r, P_YEAR_TEXT, "-"));
        MVEC_TRY(mvec__result_text(ctx, r, P_BASIS, "weighted"));
        bloc_shares = k->bloc_shares;
        exposure = k->exposure;
        balance = k->balance;
        margin = k->margin;
        leader = k->leader;
    }
    if (bloc_shares != NULL) {
        for (size_t b = 0, n = 0; b < mvec_bloc_count(scheme); b++) {
            if (!mvec_bloc_is_great_power(scheme, b))
                continue;
            char range[64];
            mvec__fmt_interval(range, sizeof range, bloc_shares[b], 100, 0);
            MVEC_TRY(mvec__buf_printf(ctx, &shares, "%s%s %s", n ? " " : "",
                                      mvec_bloc_name(scheme, b), range));
            MVEC_TRY(mvec__result_text(ctx, r, P_POWERS + 2 * n, mvec_bloc_name(scheme, b)));
            mvec__result_interval(r, P_POWERS + 2 * n + 1, bloc_shares[b]);
            n++;
        }
        size_t other_column = P_POWERS + 2 * powers;
        for (size_t b = 0; b < mvec_bloc_count(scheme); b++) {
            if (mvec_bloc_is_great_power(scheme, b))
                continue;
            MVEC_TRY(mvec__result_text(ctx, r, other_column, mvec_bloc_name(scheme, b)));
            mvec__result_interval(r, other_column + 1, bloc_shares[b]);
            other_column += 2;
        }
        MVEC_TRY(mvec__result_text(ctx, r, P_SHARES_TEXT, shares.length ? shares.data : ""));
        mvec__result_interval(r, P_EXPOSURE, exposure);
        mvec__result_interval(r, P_BALANCE, balance);
        mvec__result_interval(r, P_MARGIN, margin);
        MVEC_TRY(mvec__result_text(ctx, r, P_SIDE,
                                   mvec_balance_side_name(mvec_balance_side_of(balance))));
        MVEC_TRY(mvec__result_text(ctx, r, P_LEADER,
                                   leader < mvec_bloc_count(scheme) ? mvec_bloc_name(scheme, leader)
                                                                    : "-"));
    }
    const mvec_robust_conclusion *c = conclusion_of(robust, MVEC_ROBUST_LEADER, vector);
    if (c != NULL)
        MVEC_TRY(mvec__result_text(ctx, r, P_LEADER_OUTCOME, mvec_robust_outcome_name(c->outcome)));
    c = conclusion_of(robust, MVEC_ROBUST_BALANCE, vector);
    if (c != NULL)
        MVEC_TRY(
            mvec__result_text(ctx, r, P_BALANCE_OUTCOME, mvec_robust_outcome_name(c->outcome)));
cleanup:
    mvec__buf_clear(ctx, &shares);
    return status;
}

static const mvec_vector_profile *computed_vector(const mvec_profile *profile, const char *name)
{
    for (size_t i = 0; i < mvec_profile_vector_count(profile); i++) {
        const mvec_vector_profile *v = mvec_profile_vector(profile, i);
        if (strcmp(v->vector, name) == 0)
            return v->status == NULL ? v : NULL;
    }
    return NULL;
}

/* Rows for every vector computed under some scheme (the first profile's
 * order), then the composite when `composite`. */
static mvec_status profile_rows(mvec_ctx *ctx, const mvec_profile *const *profiles, size_t count,
                                const mvec_robust *robust, bool composite, mvec__result *r)
{
    mvec_status status = MVEC_OK;
    size_t powers = 0;
    for (size_t s = 0; s < count; s++) {
        size_t n = great_power_count(mvec_profile_scheme(profiles[s]));
        powers = n > powers ? n : powers;
    }
    const mvec_bloc_scheme *schemes[MVEC_ROBUST_SCHEME_LIMIT] = {NULL};
    labels label;
    for (size_t s = 0; s < count; s++)
        schemes[s] = mvec_profile_scheme(profiles[s]);
    scheme_labels(schemes, count, &label);
    size_t others = 0;
    for (size_t s = 0; s < count; s++) {
        const mvec_bloc_scheme *scheme = mvec_profile_scheme(profiles[s]);
        size_t n = mvec_bloc_count(scheme) - great_power_count(scheme);
        others = n > others ? n : others;
    }
    MVEC_TRY(vector_columns(ctx, powers, others, r));
    r->compact = true;
    for (size_t i = 0; i < mvec_profile_vector_count(profiles[0]); i++) {
        const char *vector = mvec_profile_vector(profiles[0], i)->vector;
        if (conclusion_of(robust, MVEC_ROBUST_LEADER, vector) == NULL)
            continue;
        for (size_t s = 0; s < count; s++)
            MVEC_TRY(vector_row(ctx, profiles[s], vector, computed_vector(profiles[s], vector),
                                NULL, s == 0, label.text[s], powers, robust, r));
    }
    if (composite && conclusion_of(robust, MVEC_ROBUST_LEADER, "composite") != NULL)
        for (size_t s = 0; s < count; s++) {
            const mvec_composite *k = mvec_profile_composite(profiles[s]);
            MVEC_TRY(vector_row(ctx, profiles[s], "composite", NULL,
                                k != NULL && k->status == NULL ? k : NULL, s == 0, label.text[s],
                                powers, robust, r));
        }
cleanup:
    return status;
}

static mvec_status check_inputs(mvec_ctx *ctx, size_t count, const mvec_robust *robust)
{
    if (count == 0 || count != mvec_robust_scheme_count(robust))
        return mvec__error(ctx, MVEC_ERR_INVALID,
                           "%zu results for a comparison of %zu bloc schemes", count,
                           mvec_robust_scheme_count(robust));
    return MVEC_OK;
}

static const char PROFILE_LEGEND[] =
    "\nshares in % of the vector's total, each scheme's own great powers; a–b = all values the "
    "data allow; side = of 0.5.\n"
    "year and distribution as in the profile; basis and exposure (sum of great-power shares) "
    "in the CSV and JSON output.\n"
    "balance = 1 − normalised HHI of great-power shares; leader = first great power in every "
    "case; margin = lead over second.\n"
    "A conclusion flips when two schemes reach opposite certain values (other leaders; "
    "balance above and below 0.5).\n";

/* The workbook of a comparison: its sheets, and the sources of the first
 * profile's inputs (the same under every scheme); `profile` NULL: the seed
 * articles of the claims (`claims`). */
static mvec_status robust_xlsx(mvec_ctx *ctx, const mvec__sheet *sheets, size_t count,
                               const mvec_profile *profile, const mvec_claims *claims,
                               mvec__buf *out, const mvec_sink *sink)
{
    mvec_status status = MVEC_OK;
    mvec__result sources;
    mvec__result_init(&sources);
    MVEC_TRY(mvec__sources_init(ctx, &sources));
    for (size_t i = 0; profile != NULL && i < mvec_profile_vector_count(profile); i++)
        MVEC_TRY(mvec__sources_vector(ctx, &sources, mvec_profile_vector(profile, i)));
    for (size_t i = 0; claims != NULL && i < mvec_claims_count(claims); i++)
        MVEC_TRY(mvec__sources_add(ctx, &sources, "seed article", NULL, NULL, NULL,
                                   mvec_claims_at(claims, i)->seed, NULL,
                                   "the claim's source; its author and date: mvec check", NULL));
    MVEC_TRY(mvec__workbook_emit(ctx, sheets, count, &sources, out, sink));
cleanup:
    mvec__result_clear(ctx, &sources);
    return status;
}

mvec_status mvec_robust_profile_write(mvec_ctx *ctx, const mvec_profile *const *profiles,
                                      size_t count, const mvec_robust *robust, mvec_format format,
                                      const mvec_sink *sink)
{
    mvec__buf out = MVEC__BUF_INIT(MVEC__OUTPUT_MAX);
    mvec_status status = MVEC_OK;
    json_t *root = NULL;
    const mvec_bloc_scheme *schemes[MVEC_ROBUST_SCHEME_LIMIT] = {NULL};
    mvec__result r;
    mvec__result_init(&r);
    MVEC_TRY(check_inputs(ctx, count, robust));
    for (size_t s = 0; s < count; s++)
        schemes[s] = mvec_profile_scheme(profiles[s]);
    const mvec_country *country = mvec_profile_country(profiles[0]);
    MVEC_TRY(profile_rows(ctx, profiles, count, robust, true, &r));
    if (format == MVEC_FORMAT_XLSX) {
        mvec__sheet sheet = {"Profiles", &r};
        MVEC_TRY(robust_xlsx(ctx, &sheet, 1, profiles[0], NULL, &out, sink));
        goto cleanup;
    }
    if (format == MVEC_FORMAT_TABLE) {
        char title[512];
        snprintf(title, sizeof title, "%s (%s): bloc-based numbers under %zu bloc schemes",
                 country->name, country->code, count);
        MVEC_TRY(heading(ctx, title, schemes, count, &out));
        MVEC_TRY(mvec__render_text(ctx, &r, &out));
        MVEC_TRY(mvec__buf_puts(ctx, &out, PROFILE_LEGEND));
        MVEC_TRY(flips_section(ctx, robust, &out));
    } else if (format == MVEC_FORMAT_JSON) {
        root = json_object();
        if (root == NULL || !mvec__json_set(root, "country", json_string(country->code)) ||
            !mvec__json_set(root, "schemes", schemes_json(schemes, count)) ||
            !mvec__json_set(root, "vectors", mvec__render_json_rows(&r)) ||
            !mvec__json_set(root, "conclusions", conclusions_json(robust)))
            MVEC_FAIL(ctx, MVEC_ERR_NOMEM, "out of memory (building JSON)");
    }
    MVEC_TRY(mvec__result_finish(ctx, &r, format, root, &out, sink));
cleanup:
    json_decref(root);
    mvec__result_clear(ctx, &r);
    mvec__buf_clear(ctx, &out);
    return status;
}

/* ---- shares: a row per partner, its bloc under each scheme ------------------------------ */

mvec_status mvec_robust_shares_write(mvec_ctx *ctx, const mvec_profile *const *profiles,
                                     size_t count, const char *vector, const mvec_robust *robust,
                                     mvec_format format, const mvec_sink *sink)
{
    mvec__buf out = MVEC__BUF_INIT(MVEC__OUTPUT_MAX);
    mvec_status status = MVEC_OK;
    json_t *root = NULL;
    const mvec_bloc_scheme *schemes[MVEC_ROBUST_SCHEME_LIMIT] = {NULL};
    mvec__result partners;
    mvec__result blocs;
    mvec__result_init(&partners);
    mvec__result_init(&blocs);
    MVEC_TRY(check_inputs(ctx, count, robust));
    const mvec_country *country = mvec_profile_country(profiles[0]);
    const mvec_vector_profile *v = computed_vector(profiles[0], vector);
    if (v == NULL)
        MVEC_FAIL(ctx, MVEC_ERR_NO_DATA, "no computed distribution of %s", vector);
    for (size_t s = 0; s < count; s++)
        schemes[s] = mvec_profile_scheme(profiles[s]);
    enum { S_COUNTRY, S_VECTOR, S_YEAR, S_PERIOD, S_BASIS, S_PARTNER, S_SHARE, S_NAME, S_BLOCS };
    MVEC_TRY(mvec__result_column(ctx, &partners, "country", NULL, MVEC__COLUMN_TEXT, 1, 0, 0,
                                 DATA_ONLY | MVEC__COLUMN_NO_JSON));
    MVEC_TRY(mvec__result_column(ctx, &partners, "vector", NULL, MVEC__COLUMN_TEXT, 1, 0, 0,
                                 DATA_ONLY | MVEC__COLUMN_NO_JSON));
    MVEC_TRY(mvec__result_column(ctx, &partners, "year", NULL, MVEC__COLUMN_INTEGER, 1, 0, 0,
                                 DATA_ONLY | MVEC__COLUMN_NO_JSON));
    MVEC_TRY(mvec__result_column(ctx, &partners, "period", NULL, MVEC__COLUMN_TEXT, 1, 0, 0,
                                 DATA_ONLY | MVEC__COLUMN_NO_JSON));
    MVEC_TRY(mvec__result_column(ctx, &partners, "basis", NULL, MVEC__COLUMN_TEXT, 1, 0, 0,
                                 DATA_ONLY | MVEC__COLUMN_NO_JSON));
    MVEC_TRY(
        mvec__result_column(ctx, &partners, "partner", "partner", MVEC__COLUMN_TEXT, 1, 0, 0, 0));
    MVEC_TRY(mvec__result_column(ctx, &partners, "share", "share %", MVEC__COLUMN_INTERVAL, 100, 5,
                                 MVEC__DECIMALS_EXACT, 0));
    MVEC_TRY(mvec__result_column(ctx, &partners, "name", "name", MVEC__COLUMN_TEXT, 1, 0, 0,
                                 MVEC__COLUMN_NO_TEXT));
    labels label;
    scheme_labels(schemes, count, &label);
    for (size_t s = 0; s < count; s++) {
        char key[256];
        char header[256];
        snprintf(key, sizeof key, "bloc_%s", mvec_bloc_scheme_name(schemes[s]));
        snprintf(header, sizeof header, "bloc (%s)", label.text[s]);
        MVEC_TRY(mvec__result_column(ctx, &partners, key, header, MVEC__COLUMN_TEXT, 1, 0, 0, 0));
    }
    for (size_t i = 0; i < v->partner_count; i++) {
        const mvec_country *partner = v->partners[i].partner;
        MVEC_TRY(mvec__result_row(ctx, &partners));
        MVEC_TRY(mvec__result_text(ctx, &partners, S_COUNTRY, country->code));
        MVEC_TRY(mvec__result_text(ctx, &partners, S_VECTOR, v->vector));
        mvec__result_number(&partners, S_YEAR, v->year);
        MVEC_TRY(mvec__result_text(ctx, &partners, S_PERIOD, v->period));
        MVEC_TRY(mvec__result_text(ctx, &partners, S_BASIS, mvec_basis_name(v->basis)));
        MVEC_TRY(mvec__result_text(ctx, &partners, S_PARTNER, partner->code));
        mvec__result_interval(&partners, S_SHARE, v->partners[i].share);
        MVEC_TRY(mvec__result_text(ctx, &partners, S_NAME, partner->name));
        for (size_t s = 0; s < count; s++) {
            const mvec_vector_profile *w = computed_vector(profiles[s], vector);
            size_t bloc = SIZE_MAX;
            for (size_t j = 0; w != NULL && j < w->partner_count; j++)
                if (w->partners[j].partner == partner)
                    bloc = w->partners[j].bloc;
            MVEC_TRY(mvec__result_text(ctx, &partners, S_BLOCS + s,
                                       bloc == SIZE_MAX ? "domestic"
                                                        : mvec_bloc_name(schemes[s], bloc)));
        }
    }
    MVEC_TRY(profile_rows(ctx, profiles, count, robust, false, &blocs));
    if (format == MVEC_FORMAT_XLSX) {
        mvec__sheet sheets[] = {{"Partners", &partners}, {"Blocs", &blocs}};
        MVEC_TRY(robust_xlsx(ctx, sheets, 2, profiles[0], NULL, &out, sink));
        goto cleanup;
    }
    if (format == MVEC_FORMAT_TABLE) {
        char year[64];
        snprintf(year, sizeof year, "%d%s%s", v->year, v->period[0] ? " " : "", v->period);
        char title[512];
        snprintf(title, sizeof title,
                 "%s (%s) %s %s, %s basis: %zu partners under %zu bloc schemes", country->name,
                 country->code, v->vector, year, mvec_basis_name(v->basis), v->partner_count,
                 count);
        MVEC_TRY(heading(ctx, title, schemes, count, &out));
        MVEC_TRY(mvec__render_text(ctx, &partners, &out));
        char range[64];
        mvec__fmt_interval(range, sizeof range, v->unlisted, 100, 5);
        MVEC_TRY(mvec__buf_printf(ctx, &out, "\nunlisted: %s %%\n\n", range));
        MVEC_TRY(mvec__render_text(ctx, &blocs, &out));
        MVEC_TRY(mvec__buf_puts(ctx, &out, PROFILE_LEGEND));
        MVEC_TRY(flips_section(ctx, robust, &out));
    } else if (format == MVEC_FORMAT_JSON) {
        root = json_object();
        if (root == NULL || !mvec__json_set(root, "country", json_string(country->code)) ||
            !mvec__json_set(root, "vector", json_string(v->vector)) ||
            !mvec__json_set(root, "year", json_integer(v->year)) ||
            !mvec__json_set(root, "period", json_string(v->period)) ||
            !mvec__json_set(root, "basis", json_string(mvec_basis_name(v->basis))) ||
            !mvec__json_set(root, "schemes", schemes_json(schemes, count)) ||
            !mvec__json_set(root, "partners", mvec__render_json_rows(&partners)) ||
            !mvec__json_set(root, "unlisted", mvec__json_interval(v->unlisted)) ||
            !mvec__json_set(root, "blocs", mvec__render_json_rows(&blocs)) ||
            !mvec__json_set(root, "conclusions", conclusions_json(robust)))
            MVEC_FAIL(ctx, MVEC_ERR_NOMEM, "out of memory (building JSON)");
    }
    MVEC_TRY(mvec__result_finish(ctx, &partners, format, root, &out, sink));
cleanup:
    json_decref(root);
    mvec__result_clear(ctx, &partners);
    mvec__result_clear(ctx, &blocs);
    mvec__buf_clear(ctx, &out);
    return status;
}

/* ---- check: a row per claim and scheme -------------------------------------------------- */

mvec_status mvec_robust_claims_write(mvec_ctx *ctx, const mvec_claims *const *claims, size_t count,
                                     const mvec_robust *robust, mvec_format format,
                                     const mvec_sink *sink)
{
    mvec__buf out = MVEC__BUF_INIT(MVEC__OUTPUT_MAX);
    mvec__buf line = MVEC__BUF_INIT(1 << 20);
    mvec_status status = MVEC_OK;
    json_t *root = NULL;
    mvec__result r;       /* CSV and JSON: a row per claim and scheme */
    mvec__result summary; /* table: a row per claim, a verdict column per scheme */
    mvec__result_init(&r);
    mvec__result_init(&summary);
    MVEC_TRY(check_inputs(ctx, count, robust));
    const mvec_country *country = mvec_claims_country(claims[0]);
    enum {
        C_COUNTRY,
        C_ID,
        C_CLAIM,
        C_SCHEME,
        C_USES,
        C_VERDICT,
        C_OUTCOME,
        C_RULE,
        C_NUMBERS,
        C_DATA
    };
    MVEC_TRY(mvec__result_column(ctx, &r, "country", NULL, MVEC__COLUMN_TEXT, 1, 0, 0,
                                 MVEC__COLUMN_NO_JSON));
    MVEC_TRY(mvec__result_column(ctx, &r, "id", NULL, MVEC__COLUMN_TEXT, 1, 0, 0, 0));
    MVEC_TRY(mvec__result_column(ctx, &r, "claim", NULL, MVEC__COLUMN_TEXT, 1, 0, 0, 0));
    MVEC_TRY(mvec__result_column(ctx, &r, "scheme", NULL, MVEC__COLUMN_TEXT, 1, 0, 0, 0));
    MVEC_TRY(mvec__result_column(ctx, &r, "uses_blocs", NULL, MVEC__COLUMN_TEXT, 1, 0, 0, 0));
    MVEC_TRY(mvec__result_column(ctx, &r, "verdict", NULL, MVEC__COLUMN_TEXT, 1, 0, 0, 0));
    MVEC_TRY(mvec__result_column(ctx, &r, "across_schemes", NULL, MVEC__COLUMN_TEXT, 1, 0, 0, 0));
    MVEC_TRY(mvec__result_column(ctx, &r, "rule", NULL, MVEC__COLUMN_TEXT, 1, 0, 0, 0));
    MVEC_TRY(mvec__result_column(ctx, &r, "numbers", NULL, MVEC__COLUMN_TEXT, 1, 0, 0, 0));
    MVEC_TRY(mvec__result_column(ctx, &r, "data", NULL, MVEC__COLUMN_TEXT, 1, 0, 0, 0));
    MVEC_TRY(mvec__result_column(ctx, &summary, "id", "claim", MVEC__COLUMN_TEXT, 1, 0, 0, 0));
    MVEC_TRY(
        mvec__result_column(ctx, &summary, "uses", "uses blocs", MVEC__COLUMN_TEXT, 1, 0, 0, 0));
    const char *names[MVEC_ROBUST_SCHEME_LIMIT] = {NULL};
    labels label;
    for (size_t s = 0; s < count; s++)
        names[s] = mvec_claims_scheme_name(claims[s]);
    make_labels(names, count, &label);
    for (size_t s = 0; s < count; s++)
        MVEC_TRY(mvec__result_column(ctx, &summary, names[s], label.text[s], MVEC__COLUMN_TEXT, 1,
                                     0, 0, 0));
    MVEC_TRY(mvec__result_column(ctx, &summary, "across", "across schemes", MVEC__COLUMN_TEXT, 1, 0,
                                 0, 0));
    for (size_t i = 0; i < mvec_claims_count(claims[0]); i++) {
        const mvec_claim_result *first = mvec_claims_at(claims[0], i);
        const mvec_robust_conclusion *c = conclusion_of(robust, MVEC_ROBUST_VERDICT, first->id);
        const char *outcome = c != NULL ? mvec_robust_outcome_name(c->outcome) : "-";
        MVEC_TRY(mvec__result_row(ctx, &summary));
        MVEC_TRY(mvec__result_text(ctx, &summary, 0, first->id));
        MVEC_TRY(mvec__result_text(ctx, &summary, 1, first->uses_blocs ? "yes" : "no"));
        MVEC_TRY(mvec__result_text(ctx, &summary, 2 + count, outcome));
        for (size_t s = 0; s < count; s++) {
            const mvec_claim_result *x = mvec_claims_at(claims[s], i);
            MVEC_TRY(mvec__result_text(ctx, &summary, 2 + s, mvec_verdict_name(x->verdict)));
            MVEC_TRY(mvec__result_row(ctx, &r));
            MVEC_TRY(mvec__result_text(ctx, &r, C_COUNTRY, country->code));
            MVEC_TRY(mvec__result_text(ctx, &r, C_ID, x->id));
            MVEC_TRY(mvec__result_text(ctx, &r, C_CLAIM, x->claim));
            MVEC_TRY(mvec__result_text(ctx, &r, C_RULE, x->rule));
            MVEC_TRY(mvec__result_text(ctx, &r, C_SCHEME, mvec_claims_scheme_name(claims[s])));
            MVEC_TRY(mvec__result_text(ctx, &r, C_USES, x->uses_blocs ? "yes" : "no"));
            MVEC_TRY(mvec__result_text(ctx, &r, C_VERDICT, mvec_verdict_name(x->verdict)));
            MVEC_TRY(mvec__result_text(ctx, &r, C_OUTCOME, outcome));
            MVEC_TRY(mvec__result_text(ctx, &r, C_NUMBERS, x->numbers));
            MVEC_TRY(mvec__result_text(ctx, &r, C_DATA, x->data));
        }
    }
    if (format == MVEC_FORMAT_XLSX) {
        mvec__sheet sheets[] = {{"Claims", &r}, {"Summary", &summary}};
        MVEC_TRY(robust_xlsx(ctx, sheets, 2, NULL, claims[0], &out, sink));
        goto cleanup;
    }
    if (format == MVEC_FORMAT_TABLE) {
        MVEC_TRY(mvec__buf_printf(ctx, &out,
                                  "%s (%s): the seed articles' trade claims under %zu bloc "
                                  "schemes (mvec check gives each claim's rule and data)\n\n",
                                  country->name, country->code, count));
        MVEC_TRY(mvec__render_text(ctx, &summary, &out));
        /* the numbers of the claims that read the blocs, under each scheme */
        for (size_t i = 0; i < mvec_claims_count(claims[0]); i++) {
            const mvec_claim_result *first = mvec_claims_at(claims[0], i);
            if (!first->uses_blocs)
                continue;
            MVEC_TRY(mvec__buf_printf(ctx, &out, "\n%s: \xE2\x80\x9C%s\xE2\x80\x9D\n", first->id,
                                      first->claim));
            for (size_t s = 0; s < count; s++) {
                const mvec_claim_result *x = mvec_claims_at(claims[s], i);
                mvec__buf_reset(&line);
                MVEC_TRY(mvec__buf_printf(ctx, &line, "%s: %s: %s", label.text[s],
                                          mvec_verdict_name(x->verdict), x->numbers));
                MVEC_TRY(mvec__buf_puts(ctx, &out, "  "));
                MVEC_TRY(mvec__wrap(ctx, &out, line.data, 2, 4, WRAP_WIDTH));
                MVEC_TRY(mvec__buf_putc(ctx, &out, '\n'));
            }
        }
        MVEC_TRY(flips_section(ctx, robust, &out));
    } else if (format == MVEC_FORMAT_JSON) {
        json_t *scheme_names = json_array();
        for (size_t s = 0; s < count; s++) {
            if (scheme_names != NULL && json_array_append_new(scheme_names, json_string(names[s])))
                MVEC_FAIL(ctx, MVEC_ERR_NOMEM, "out of memory (building JSON)");
        }
        root = json_object();
        if (root == NULL || !mvec__json_set(root, "country", json_string(country->code)) ||
            !mvec__json_set(root, "schemes", scheme_names) ||
            !mvec__json_set(root, "claims", mvec__render_json_rows(&r)) ||
            !mvec__json_set(root, "conclusions", conclusions_json(robust)))
            MVEC_FAIL(ctx, MVEC_ERR_NOMEM, "out of memory (building JSON)");
    }
    MVEC_TRY(mvec__result_finish(ctx, &r, format, root, &out, sink));
cleanup:
    json_decref(root);
    mvec__result_clear(ctx, &r);
    mvec__result_clear(ctx, &summary);
    mvec__buf_clear(ctx, &line);
    mvec__buf_clear(ctx, &out);
    return status;
}
