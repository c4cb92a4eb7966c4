/*
 * write_simulation.c - mvec_simulation_write: a scenario's trajectory as
 * tables (120 columns), CSV (one row per year and metric) or JSON.
 *
 * With one path each number is that path's; with several, the median with
 * the 5th-95th percentile band after it ("21.3 (19.8-22.9)").
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "mvec/mvec_scenario.h"
#include "render_internal.h"

typedef struct sim_text {
    mvec_ctx *ctx;
    const mvec_simulation *sim;
    mvec__buf *out;
    bool bands;
} sim_text;

/* A number scaled, with its band when there are several paths. */
static void cell(const sim_text *t, mvec_band b, double scale, int decimals, char *out, size_t size)
{
    if (isnan(b.median)) {
        snprintf(out, size, "-");
        return;
    }
    if (!t->bands || (!islessgreater(b.p5, b.median) && !islessgreater(b.p95, b.median)))
        snprintf(out, size, "%.*f", decimals, b.median * scale);
    else
        snprintf(out, size, "%.*f (%.*f-%.*f)", decimals, b.median * scale, decimals, b.p5 * scale,
                 decimals, b.p95 * scale);
}

/* One table: a row per year, a column per metric named in `names` (NULL-terminated metric
 * indices in `metrics`). */
static mvec_status table(const sim_text *t, const char *title, const size_t *metrics, size_t count,
                         const double *scale, const int *decimals)
{
    mvec_status status = MVEC_OK;
    const mvec_simulation *sim = t->sim;
    size_t width[16];
    char text[96];
    if (count > 15)
        count = 15;
    for (size_t c = 0; c < count; c++) {
        width[c] = strlen(mvec_simulation_metric(sim, metrics[c])->label);
        for (size_t y = 0; y < mvec_simulation_year_count(sim); y++) {
            cell(t, mvec_simulation_band(sim, metrics[c], y), scale[c], decimals[c], text,
                 sizeof text);
            if (strlen(text) > width[c])
                width[c] = strlen(text);
        }
    }
    MVEC_TRY(mvec__buf_printf(t->ctx, t->out, "\n%s\n\nyear", title));
    for (size_t c = 0; c < count; c++)
        MVEC_TRY(mvec__buf_printf(t->ctx, t->out, "  %*s", (int)width[c],
                                  mvec_simulation_metric(sim, metrics[c])->label));
    MVEC_TRY(mvec__buf_puts(t->ctx, t->out, "\n"));
    for (size_t y = 0; y < mvec_simulation_year_count(sim); y++) {
        MVEC_TRY(mvec__buf_printf(t->ctx, t->out, "%d", mvec_simulation_year(sim, y)));
        for (size_t c = 0; c < count; c++) {
            cell(t, mvec_simulation_band(sim, metrics[c], y), scale[c], decimals[c], text,
                 sizeof text);
            MVEC_TRY(mvec__buf_printf(t->ctx, t->out, "  %*s", (int)width[c], text));
        }
        MVEC_TRY(mvec__buf_puts(t->ctx, t->out, y == 0 ? "   (data)\n" : "\n"));
    }
cleanup:
    return status;
}

static bool is_great_power_share(const mvec_simulation *sim, const mvec_metric_info *m,
                                 const char *const *powers, size_t power_count)
{
    (void)sim;
    for (size_t i = 0; i < power_count; i++)
        if (strcmp(m->label, powers[i]) == 0 && strcmp(m->unit, "fraction") == 0)
            return true;
    return false;
}

static mvec_status write_text(mvec_ctx *ctx, const mvec_simulation *sim, const char *const *powers,
                              size_t power_count, mvec__buf *out)
{
    mvec_status status = MVEC_OK;
    sim_text t = {ctx, sim, out, mvec_simulation_paths(sim) > 1};
    size_t paths = mvec_simulation_paths(sim);
    MVEC_TRY(mvec__buf_printf(ctx, out, "Scenario: %s\n%s, base year %d, %zu years simulated, ",
                              mvec_simulation_title(sim), mvec_simulation_country(sim),
                              mvec_simulation_year(sim, 0), mvec_simulation_year_count(sim) - 1));
    if (paths > 1)
        MVEC_TRY(mvec__buf_printf(ctx, out, "%zu paths (seed %llu): median (5th-95th percentile)\n",
                                  paths, (unsigned long long)mvec_simulation_seed(sim)));
    else
        MVEC_TRY(mvec__buf_printf(ctx, out, "1 path (seed %llu)\n",
                                  (unsigned long long)mvec_simulation_seed(sim)));
    /* per vector: the great powers' shares (%), balance, value */
    size_t n = mvec_simulation_metric_count(sim);
    for (size_t m = 0; m < n;) {
        const mvec_metric_info *first = mvec_simulation_metric(sim, m);
        if (strcmp(first->unit, "fraction") != 0) {
            m++;
            continue;
        }
        size_t metrics[16], count = 0;
        double scale[16];
        int decimals[16];
        const char *vector = first->vector;
        const char *unit = "";
        for (; m < n && strcmp(mvec_simulation_metric(sim, m)->vector, vector) == 0 && count < 15;
             m++) {
            const mvec_metric_info *info = mvec_simulation_metric(sim, m);
            bool value = strstr(info->name, ".value") != NULL;
            if (!is_great_power_share(sim, info, powers, power_count) &&
                strcmp(info->label, "balance") != 0 && !value)
                continue;
            metrics[count] = m;
            scale[count] = value ? 1e-9 : strcmp(info->unit, "fraction") == 0 ? 100 : 1;
            decimals[count] = value ? 2 : strcmp(info->unit, "fraction") == 0 ? 1 : 2;
            if (value)
                unit = info->unit;
            count++;
        }
        char title[160];
        snprintf(title, sizeof title, "%s: great powers' shares %%, balance, value %s bn", vector,
                 unit);
        MVEC_TRY(table(&t, title, metrics, count, scale, decimals));
    }
    /* exports at risk, then each commodity's volumes */
    for (size_t m = 0; m < n;) {
        const mvec_metric_info *info = mvec_simulation_metric(sim, m);
        if (strcmp(info->unit, "fraction") == 0 || strcmp(info->unit, "index") == 0 ||
            strstr(info->name, ".value") != NULL) {
            m++;
            continue;
        }
        size_t metrics[16], count = 0;
        double scale[16];
        int decimals[16];
        const char *vector = info->vector;
        bool usd = strcmp(info->unit, "USD") == 0;
        for (; m < n && count < 15 && strcmp(mvec_simulation_metric(sim, m)->vector, vector) == 0;
             m++) {
            metrics[count] = m;
            scale[count] = usd ? 1e-9 : 1;
            decimals[count++] = 2;
        }
        char title[200];
        if (usd)
            snprintf(title, sizeof title, "exports at risk: USD bn lost to the shocks");
        else
            snprintf(title, sizeof title,
                     "%s on the corridor network, %s: volume, rerouted, stranded (unknown "
                     "capacities as 0; _low: unlimited)",
                     vector, info->unit);
        MVEC_TRY(table(&t, title, metrics, count, scale, decimals));
    }
    size_t events = mvec_simulation_event_count(sim);
    if (events > 0) {
        MVEC_TRY(mvec__buf_printf(ctx, out, "\nEvents%s:\n", paths > 1 ? " (path 0)" : ""));
        for (size_t i = 0; i < events && i < 40; i++)
            MVEC_TRY(mvec__buf_printf(ctx, out, "  %s\n", mvec_simulation_event(sim, i)));
        if (events > 40)
            MVEC_TRY(mvec__buf_printf(ctx, out, "  ... %zu more\n", events - 40));
    }
    MVEC_TRY(mvec__buf_puts(ctx, out, "\nNotes:\n"));
    for (size_t i = 0; i < mvec_simulation_note_count(sim); i++) {
        MVEC_TRY(mvec__buf_puts(ctx, out, "  "));
        MVEC_TRY(mvec__wrap(ctx, out, mvec_simulation_note(sim, i), 2, 4, 118));
        MVEC_TRY(mvec__buf_puts(ctx, out, "\n"));
    }
    MVEC_TRY(mvec__buf_puts(ctx, out, "  "));
    MVEC_TRY(mvec__wrap(ctx, out,
                        "the base year's figures and their sources: mvec profile and mvec "
                        "sources; the network's: mvec routes; formulas: docs/methods.md, "
                        "section 19",
                        2, 4, 118));
    MVEC_TRY(mvec__buf_puts(ctx, out, "\n"));
cleanup:
    return status;
}

/* One row per year and metric: the CSV and the workbook's first sheet. The
 * metrics have different units, so the workbook shows them in Excel's
 * General format (decimals -1). */
static mvec_status trajectory_result(mvec_ctx *ctx, const mvec_simulation *sim, bool exact,
                                     mvec__result *r)
{
    mvec_status status = MVEC_OK;
    int decimals = exact ? MVEC__DECIMALS_EXACT : 6;
    static const char *const TEXTS[] = {"scenario", "country"};
    for (size_t i = 0; i < 2; i++)
        MVEC_TRY(mvec__result_column(ctx, r, TEXTS[i], NULL, MVEC__COLUMN_TEXT, 1, 0, 0, 0));
    MVEC_TRY(mvec__result_column(ctx, r, "year", NULL, MVEC__COLUMN_INTEGER, 1, 0, 0, 0));
    MVEC_TRY(mvec__result_column(ctx, r, "metric", NULL, MVEC__COLUMN_TEXT, 1, 0, 0, 0));
    MVEC_TRY(mvec__result_column(ctx, r, "unit", NULL, MVEC__COLUMN_TEXT, 1, 0, 0, 0));
    MVEC_TRY(mvec__result_column(ctx, r, "paths", NULL, MVEC__COLUMN_INTEGER, 1, 0, 0, 0));
    static const char *const BANDS[] = {"p5", "median", "p95"};
    for (size_t i = 0; i < 3; i++)
        MVEC_TRY(mvec__result_column(ctx, r, BANDS[i], NULL, MVEC__COLUMN_NUMBER, 1, -1, decimals,
                                     0));
    for (size_t m = 0; m < mvec_simulation_metric_count(sim); m++) {
        const mvec_metric_info *info = mvec_simulation_metric(sim, m);
        for (size_t y = 0; y < mvec_simulation_year_count(sim); y++) {
            mvec_band b = mvec_simulation_band(sim, m, y);
            MVEC_TRY(mvec__result_row(ctx, r));
            mvec__result_text_borrowed(ctx, r, 0, mvec_simulation_title(sim));
            mvec__result_text_borrowed(ctx, r, 1, mvec_simulation_country(sim));
            mvec__result_number(r, 2, mvec_simulation_year(sim, y));
            mvec__result_text_borrowed(ctx, r, 3, info->name);
            mvec__result_text_borrowed(ctx, r, 4, info->unit);
            mvec__result_number(r, 5, (double)mvec_simulation_paths(sim));
            mvec__result_number(r, 6, b.p5);
            mvec__result_number(r, 7, b.median);
            mvec__result_number(r, 8, b.p95);
        }
    }
cleanup:
    return status;
}

/* A one-column sheet of lines (events, notes). */
static mvec_status lines_result(mvec_ctx *ctx, const char *key, size_t count,
                                const char *(*at)(const mvec_simulation *, size_t),
                                const mvec_simulation *sim, mvec__result *r)
{
    mvec_status status = MVEC_OK;
    MVEC_TRY(mvec__result_column(ctx, r, key, NULL, MVEC__COLUMN_TEXT, 1, 0, 0, 0));
    for (size_t i = 0; i < count; i++) {
        MVEC_TRY(mvec__result_row(ctx, r));
        mvec__result_text_borrowed(ctx, r, 0, at(sim, i));
    }
cleanup:
    return status;
}

/* Trajectory, events and notes; the Sources sheet names the scenario and where
 * the base year's figures come from (the simulation keeps no observations). */
static mvec_status write_xlsx(mvec_ctx *ctx, const mvec_simulation *sim, mvec__buf *out,
                              const mvec_sink *sink)
{
    mvec_status status = MVEC_OK;
    mvec__result trajectory, events, notes, sources;
    mvec__result_init(&trajectory);
    mvec__result_init(&events);
    mvec__result_init(&notes);
    mvec__result_init(&sources);
    MVEC_TRY(trajectory_result(ctx, sim, true, &trajectory));
    MVEC_TRY(lines_result(ctx, "event", mvec_simulation_event_count(sim), mvec_simulation_event, sim,
                          &events));
    MVEC_TRY(lines_result(ctx, "note", mvec_simulation_note_count(sim), mvec_simulation_note, sim,
                          &notes));
    MVEC_TRY(mvec__sources_init(ctx, &sources));
    MVEC_TRY(mvec__sources_add(ctx, &sources, "mvec scenario", mvec_simulation_title(sim), NULL,
                               NULL, NULL, NULL,
                               "the scenario script; the base year's figures and their sources: "
                               "mvec profile and mvec sources (the same data); the network's: "
                               "mvec routes",
                               NULL));
    mvec__sheet sheets[] = {{"Trajectory", &trajectory}, {"Events", &events}, {"Notes", &notes}};
    MVEC_TRY(mvec__workbook_emit(ctx, sheets, 3, &sources, out, sink));
cleanup:
    mvec__result_clear(ctx, &trajectory);
    mvec__result_clear(ctx, &events);
    mvec__result_clear(ctx, &notes);
    mvec__result_clear(ctx, &sources);
    return status;
}

static json_t *json_string_list(size_t count, const char *(*at)(const mvec_simulation *, size_t),
                                const mvec_simulation *sim)
{
    json_t *list = json_array();
    for (size_t i = 0; list && i < count; i++)
        if (json_array_append_new(list, json_string(at(sim, i))) != 0) {
            json_decref(list);
            return NULL;
        }
    return list;
}

/* Each object is attached to its parent as soon as it is made (jansson's *_new calls take the
 * reference even when they fail), so one json_decref of the root releases everything. */
static json_t *json_of(const mvec_simulation *sim)
{
    json_t *root = json_object();
    if (root == NULL)
        return NULL;
    json_t *metrics = json_array();
    bool ok = mvec__json_set(root, "metrics", metrics) &&
              mvec__json_set(root, "scenario", json_string(mvec_simulation_title(sim))) &&
              mvec__json_set(root, "country", json_string(mvec_simulation_country(sim))) &&
              mvec__json_set(root, "paths", json_integer((json_int_t)mvec_simulation_paths(sim))) &&
              mvec__json_set(root, "seed", json_integer((json_int_t)mvec_simulation_seed(sim)));
    for (size_t m = 0; ok && m < mvec_simulation_metric_count(sim); m++) {
        const mvec_metric_info *info = mvec_simulation_metric(sim, m);
        json_t *metric = json_object();
        ok = metric != NULL && json_array_append_new(metrics, metric) == 0;
        json_t *values = ok ? json_array() : NULL;
        ok = ok && mvec__json_set(metric, "values", values) &&
             mvec__json_set(metric, "metric", json_string(info->name)) &&
             mvec__json_set(metric, "unit", json_string(info->unit));
        for (size_t y = 0; ok && y < mvec_simulation_year_count(sim); y++) {
            mvec_band b = mvec_simulation_band(sim, m, y);
            json_t *row = json_object();
            ok = row != NULL && json_array_append_new(values, row) == 0 &&
                 mvec__json_set(row, "year", json_integer(mvec_simulation_year(sim, y))) &&
                 mvec__json_set(row, "p5", mvec__json_number(b.p5)) &&
                 mvec__json_set(row, "median", mvec__json_number(b.median)) &&
                 mvec__json_set(row, "p95", mvec__json_number(b.p95));
        }
    }
    ok = ok &&
         mvec__json_set(root, "events",
                        json_string_list(mvec_simulation_event_count(sim), mvec_simulation_event,
                                         sim)) &&
         mvec__json_set(root, "notes",
                        json_string_list(mvec_simulation_note_count(sim), mvec_simulation_note,
                                         sim));
    if (!ok) {
        json_decref(root);
        return NULL;
    }
    return root;
}

mvec_status mvec_simulation_write(mvec_ctx *ctx, const mvec_simulation *sim,
                                  const mvec_bloc_scheme *scheme, mvec_format format,
                                  unsigned flags, const mvec_sink *sink)
{
    mvec_status status = MVEC_OK;
    mvec__buf out = MVEC__BUF_INIT(MVEC__OUTPUT_MAX);
    json_t *root = NULL;
    const char *powers[8];
    size_t power_count = 0;
    for (size_t b = 0; b < mvec_bloc_count(scheme) && power_count < 8; b++)
        if (mvec_bloc_is_great_power(scheme, b))
            powers[power_count++] = mvec_bloc_name(scheme, b);
    mvec__result trajectory;
    mvec__result_init(&trajectory);
    switch (format) {
    case MVEC_FORMAT_CSV:
        MVEC_TRY(trajectory_result(ctx, sim, (flags & MVEC_WRITE_EXACT) != 0, &trajectory));
        MVEC_TRY(mvec__render_csv(ctx, &trajectory, &out));
        break;
    case MVEC_FORMAT_XLSX:
        MVEC_TRY(write_xlsx(ctx, sim, &out, sink));
        goto cleanup; /* sent */
    case MVEC_FORMAT_JSON:
        mvec__json_set_exact((flags & MVEC_WRITE_EXACT) != 0);
        root = json_of(sim);
        if (root == NULL)
            MVEC_FAIL(ctx, MVEC_ERR_NOMEM, "out of memory");
        MVEC_TRY(mvec__json_emit(ctx, root, &out));
        break;
    case MVEC_FORMAT_TABLE:
    default:
        MVEC_TRY(write_text(ctx, sim, powers, power_count, &out));
        break;
    }
    MVEC_TRY(mvec__sink_emit(ctx, sink, &out));
cleanup:
    mvec__result_clear(ctx, &trajectory);
    json_decref(root);
    mvec__buf_clear(ctx, &out);
    return status;
}
