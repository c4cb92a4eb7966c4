/*
 * validate.c - the checks declared in validate.h.
 *
 * Rows are grouped by what makes their figures add up: the same focal
 * country, vector, indicator, year, period, item, basis, dimension and the
 * same publication (source and source date). Strings of one store are
 * interned, so keys compare by pointer. Superseded rows and upper bounds
 * ("<", "<=") are not checked against others: they claim nothing a sum can
 * contradict.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "validate.h"

/* Rounding allowances (docs/formats.md). */
#define SHARE_SUM_TOLERANCE_MIN 0.01       /* 1 percentage point, as a fraction */
#define SHARE_SUM_TOLERANCE_PER_ROW 0.0005 /* 0.05 point per partner: one-decimal rounding */
#define TOTAL_TOLERANCE 0.01               /* 1 % of the total */

/* ---- grouping --------------------------------------------------------------------------- */

static int compare_pointers(const void *a, const void *b)
{
    uintptr_t x = (uintptr_t)a;
    uintptr_t y = (uintptr_t)b;
    return x < y ? -1 : x > y;
}

static int compare_group(const mvec_observation *a, const mvec_observation *b)
{
    int c;
    if ((c = compare_pointers(a->country, b->country)) != 0 ||
        (c = compare_pointers(a->vector, b->vector)) != 0 ||
        (c = compare_pointers(a->indicator, b->indicator)) != 0 ||
        (c = (a->year > b->year) - (a->year < b->year)) != 0 ||
        (c = compare_pointers(a->period, b->period)) != 0 ||
        (c = compare_pointers(a->item, b->item)) != 0 ||
        (c = ((int)a->basis > (int)b->basis) - ((int)a->basis < (int)b->basis)) != 0 ||
        (c = compare_pointers(a->dimension, b->dimension)) != 0 ||
        (c = compare_pointers(a->source, b->source)) != 0 ||
        (c = compare_pointers(a->source_date, b->source_date)) != 0)
        return c;
    return 0;
}

static int compare_rows(const void *a, const void *b)
{
    const mvec_observation *x = *(const mvec_observation *const *)a;
    const mvec_observation *y = *(const mvec_observation *const *)b;
    int c = compare_group(x, y);
    if (c == 0)
        c = compare_pointers(x->partner, y->partner);
    if (c == 0)
        c = (x->line > y->line) - (x->line < y->line);
    return c;
}

static bool is_share(const mvec_observation *row)
{
    return strcmp(row->dimension, "share") == 0;
}

/* A row whose value is a level or lower bound of its partner. */
static bool counts(const mvec_observation *row)
{
    return !row->superseded && row->qualifier != MVEC_QUALIFIER_BELOW &&
           row->qualifier != MVEC_QUALIFIER_AT_MOST;
}

/* Partners that do not overlap: countries and "all others". */
static bool disjoint_partner(const mvec_country *partner)
{
    return partner->kind == MVEC_COUNTRY_CURRENT || partner->kind == MVEC_COUNTRY_FORMER ||
           partner->kind == MVEC_COUNTRY_PSEUDO || strcmp(partner->code, "OTH") == 0;
}

static bool is_total(const mvec_country *partner)
{
    return strcmp(partner->code, "WLD") == 0;
}

typedef struct checker {
    mvec_ctx *ctx;
    const char *name;
} checker;

static mvec_status reject(const checker *check, const mvec_observation *row, const char *what)
{
    return mvec__error(check->ctx, MVEC_ERR_PARSE, "%s:%zu:%zu: %s", check->name, row->line,
                       row->column, what);
}

static mvec_status check_row(const checker *check, const mvec_observation *row)
{
    char what[256];
    if (!isfinite(row->base_value)) {
        snprintf(what, sizeof what, "value %g %s is out of range once converted to %s", row->value,
                 row->unit, row->dimension);
        return reject(check, row, what);
    }
    if (is_share(row) && row->base_value < 0) {
        snprintf(what, sizeof what, "negative share %g %s", row->value, row->unit);
        return reject(check, row, what);
    }
    if (is_share(row) && row->base_value > 1 + 1e-9 && row->qualifier != MVEC_QUALIFIER_BELOW &&
        row->qualifier != MVEC_QUALIFIER_AT_MOST) {
        snprintf(what, sizeof what, "share %g %s is more than 100 %%", row->value, row->unit);
        return reject(check, row, what);
    }
    return MVEC_OK;
}

/* One group: rows[0..n), sorted by partner then line. */
static mvec_status check_group(const checker *check, const mvec_observation *const *rows, size_t n)
{
    char what[400];
    const mvec_observation *total = NULL;
    for (size_t i = 0; i < n; i++)
        if (is_total(rows[i]->partner) && counts(rows[i]) &&
            rows[i]->qualifier != MVEC_QUALIFIER_ABOVE &&
            rows[i]->qualifier != MVEC_QUALIFIER_AT_LEAST &&
            (total == NULL || rows[i]->base_value > total->base_value))
            total = rows[i]; /* with two totals, the larger one: reject only what both deny */
    /* A net figure (an FDI flow, a position) with a negative part: a partner,
     * or the listed partners together, may exceed the total when others are
     * negative, so the total bounds nothing. */
    for (size_t i = 0; i < n && total != NULL; i++)
        if (counts(rows[i]) && rows[i]->base_value < 0)
            total = NULL;
    /* Sum over disjoint partners, each counted once at its smallest value. */
    double sum = 0;
    size_t partners = 0;
    const mvec_observation *last = NULL;
    for (size_t i = 0; i < n;) {
        size_t j = i;
        const mvec_observation *smallest = NULL;
        for (; j < n && rows[j]->partner == rows[i]->partner; j++) {
            const mvec_observation *row = rows[j];
            if (!counts(row))
                continue;
            if (total != NULL && !is_total(row->partner) &&
                row->base_value > total->base_value + TOTAL_TOLERANCE * fabs(total->base_value)) {
                snprintf(what, sizeof what,
                         "%s %g %s is more than the total (WLD) %g %s on line %zu of the same "
                         "source",
                         row->partner->code, row->value, row->unit, total->value, total->unit,
                         total->line);
                return reject(check, row, what);
            }
            if (smallest == NULL || row->base_value < smallest->base_value)
                smallest = row;
        }
        if (smallest != NULL && disjoint_partner(smallest->partner)) {
            sum += smallest->base_value;
            partners++;
            if (last == NULL || smallest->line > last->line)
                last = smallest;
        }
        i = j;
    }
    if (last == NULL)
        return MVEC_OK;
    if (is_share(last) && strcmp(last->indicator, "share") == 0) {
        double tolerance = SHARE_SUM_TOLERANCE_PER_ROW * (double)partners;
        if (tolerance < SHARE_SUM_TOLERANCE_MIN)
            tolerance = SHARE_SUM_TOLERANCE_MIN;
        if (sum > 1 + tolerance) {
            snprintf(what, sizeof what,
                     "the shares of %zu partners in %s %d from this source add up to %.4g %% "
                     "(more than 100 %% beyond rounding)",
                     partners, last->vector, last->year, sum * 100);
            return reject(check, last, what);
        }
    }
    if (total != NULL && !is_share(last) &&
        sum > total->base_value + TOTAL_TOLERANCE * fabs(total->base_value)) {
        snprintf(what, sizeof what,
                 "the values of %zu partners in %s %d add up to %g %s, more than the total "
                 "(WLD) %g %s on line %zu of the same source",
                 partners, last->vector, last->year,
                 fabs(total->value) > 0 ? sum / (total->base_value / total->value) : sum,
                 fabs(total->value) > 0 ? total->unit : total->dimension, total->value, total->unit,
                 total->line);
        return reject(check, last, what);
    }
    return MVEC_OK;
}

mvec_status mvec__observations_validate(mvec_ctx *ctx, const char *name,
                                        const mvec_observation *rows, size_t first, size_t end)
{
    if (end <= first)
        return MVEC_OK;
    size_t count = end - first;
    rows += first;
    mvec_status status = MVEC_OK;
    const mvec_observation **sorted = NULL;
    checker check = {ctx, name};
    for (size_t i = 0; i < count; i++)
        MVEC_TRY(check_row(&check, &rows[i]));
    MVEC_TRY(mvec__calloc(ctx, count, sizeof *sorted, &sorted));
    for (size_t i = 0; i < count; i++)
        sorted[i] = &rows[i];
    qsort(sorted, count, sizeof *sorted, compare_rows);
    for (size_t i = 0; i < count;) {
        size_t j = i + 1;
        while (j < count && compare_group(sorted[i], sorted[j]) == 0)
            j++;
        MVEC_TRY(check_group(&check, sorted + i, j - i));
        i = j;
    }
cleanup:
    mvec__free(ctx, sorted);
    return status;
}
