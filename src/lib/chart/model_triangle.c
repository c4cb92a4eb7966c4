/*
 * model_triangle.c - the balance triangle's model: each year's shares of the
 * three great powers normalised to their sum (docs/methods.md, "Charts"),
 * as a point of a ternary plot, with the region the three intervals allow;
 * and mvec_chart_triangle, which draws it (draw_triangle.c).
 *
 * Ternary coordinates: power 0 at (0, 0), power 1 at (1, 0), power 2 at
 * (1/2, sqrt(3)/2); normalised shares (a, b, c) sit at (b + c/2, c sqrt(3)/2).
 * The map from shares (s0, s1, s2) to normalised shares is a central
 * projection onto the plane a + b + c = 1, which maps a box of intervals to
 * the convex hull of the images of its corners (a box in the positive
 * orthant is convex and projection from the origin preserves convexity and
 * maps the box's extreme points onto the image's).
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "chart_internal.h"

#define SQRT3_HALF 0.86602540378443864676

void mvec__ternary_xy(const double normalised[3], double *x, double *y)
{
    *x = normalised[1] + normalised[2] / 2.0;
    *y = normalised[2] * SQRT3_HALF;
}

static double cross(double ox, double oy, double ax, double ay, double bx, double by)
{
    return (ax - ox) * (by - oy) - (ay - oy) * (bx - ox);
}

size_t mvec__ternary_region(const mvec_interval shares[3], double x[8], double y[8])
{
    double px[8], py[8];
    size_t n = 0;
    for (unsigned corner = 0; corner < 8; corner++) {
        double s[3];
        for (unsigned p = 0; p < 3; p++)
            s[p] = (corner >> p) & 1u ? shares[p].hi : shares[p].lo;
        double sum = s[0] + s[1] + s[2];
        if (!(sum > 0.0))
            continue;
        double normalised[3] = {s[0] / sum, s[1] / sum, s[2] / sum};
        mvec__ternary_xy(normalised, &px[n], &py[n]);
        n++;
    }
    /* Andrew's monotone chain: sort by x then y (insertion sort, n <= 8). */
    for (size_t i = 1; i < n; i++)
        for (size_t j = i; j > 0 && (px[j] < px[j - 1] ||
                                     (px[j] <= px[j - 1] && py[j] < py[j - 1]));
             j--) {
            double t = px[j];
            px[j] = px[j - 1];
            px[j - 1] = t;
            t = py[j];
            py[j] = py[j - 1];
            py[j - 1] = t;
        }
    /* drop duplicates (within 1e-12) */
    size_t unique = 0;
    for (size_t i = 0; i < n; i++)
        if (unique == 0 || fabs(px[i] - px[unique - 1]) > 1e-12 ||
            fabs(py[i] - py[unique - 1]) > 1e-12) {
            px[unique] = px[i];
            py[unique] = py[i];
            unique++;
        }
    n = unique;
    if (n <= 2) {
        for (size_t i = 0; i < n; i++) {
            x[i] = px[i];
            y[i] = py[i];
        }
        return n;
    }
    double hx[16], hy[16];
    size_t k = 0;
    for (size_t i = 0; i < n; i++) { /* lower hull */
        while (k >= 2 && cross(hx[k - 2], hy[k - 2], hx[k - 1], hy[k - 1], px[i], py[i]) <= 1e-15)
            k--;
        hx[k] = px[i];
        hy[k] = py[i];
        k++;
    }
    size_t lower = k + 1;
    for (size_t i = n - 1; i-- > 0;) { /* upper hull */
        while (k >= lower &&
               cross(hx[k - 2], hy[k - 2], hx[k - 1], hy[k - 1], px[i], py[i]) <= 1e-15)
            k--;
        hx[k] = px[i];
        hy[k] = py[i];
        k++;
    }
    k--; /* the last point repeats the first */
    for (size_t i = 0; i < k; i++) {
        x[i] = hx[i];
        y[i] = hy[i];
    }
    return k;
}

static mvec_status check_powers(mvec_ctx *ctx, const mvec_bloc_scheme *scheme, size_t powers[3])
{
    size_t count = 0;
    char names[512] = "";
    size_t used = 0;
    for (size_t b = 0; b < mvec_bloc_count(scheme); b++) {
        if (!mvec_bloc_is_great_power(scheme, b))
            continue;
        if (count < 3)
            powers[count] = b;
        count++;
        int n = snprintf(names + used, sizeof names - used, "%s%s", used ? ", " : "",
                         mvec_bloc_name(scheme, b));
        if (n > 0 && used + (size_t)n < sizeof names)
            used += (size_t)n;
    }
    if (count != 3)
        return mvec__error(ctx, MVEC_ERR_INVALID,
                           "the balance triangle needs exactly three great powers, but the bloc "
                           "scheme '%s' has %zu%s%s",
                           mvec_bloc_scheme_name(scheme), count, count ? ": " : "", names);
    return MVEC_OK;
}

/* The point of `trend` for `year`, or NULL when it has no value then. */
static const mvec_trend_point *value_in(const mvec_trend *trend, int year)
{
    for (size_t i = 0; i < mvec_trend_count(trend); i++) {
        const mvec_trend_point *point = mvec_trend_at(trend, i);
        if (point->year == year)
            return point->status == NULL && isfinite(point->value.lo) &&
                           isfinite(point->value.hi)
                       ? point
                       : NULL;
    }
    return NULL;
}

mvec_status mvec__chart_triangle_model(mvec_ctx *ctx, const mvec_trend *const *trends,
                                       size_t count, const mvec_bloc_scheme *scheme,
                                       mvec__triangle_model *model)
{
    mvec_status status = MVEC_OK;
    mvec__chart_sources sources = {{NULL}, 0, 0};
    memset(model, 0, sizeof *model);
    size_t powers[3] = {0, 0, 0};
    MVEC_TRY(check_powers(ctx, scheme, powers));
    if (count != 3 || trends == NULL)
        MVEC_FAIL(ctx, MVEC_ERR_INVALID,
                  "the balance triangle takes one share trend per great power (3), not %zu",
                  count);
    const mvec_trend *by_power[3] = {NULL, NULL, NULL};
    for (size_t i = 0; i < 3; i++) {
        size_t bloc = mvec_trend_bloc(trends[i]);
        size_t p = 0;
        while (p < 3 && powers[p] != bloc)
            p++;
        if (p == 3 || by_power[p] != NULL)
            MVEC_FAIL(ctx, MVEC_ERR_INVALID,
                      "the balance triangle takes one share trend of each great power (%s, %s, "
                      "%s); trend %zu follows %s",
                      mvec_bloc_name(scheme, powers[0]), mvec_bloc_name(scheme, powers[1]),
                      mvec_bloc_name(scheme, powers[2]), i + 1, mvec_trend_subject(trends[i]));
        if (mvec_trend_country(trends[i]) != mvec_trend_country(trends[0]) ||
            strcmp(mvec_trend_vector(trends[i]), mvec_trend_vector(trends[0])) != 0)
            MVEC_FAIL(ctx, MVEC_ERR_INVALID,
                      "the balance triangle's trends must be of one country and one vector");
        by_power[p] = trends[i];
    }
    for (size_t p = 0; p < 3; p++) {
        model->corner_names[p] = mvec_bloc_name(scheme, powers[p]);
        model->corner_colours[p] = mvec_chart_bloc_colour(scheme, powers[p]);
    }
    size_t n = mvec_trend_count(by_power[0]);
    MVEC_TRY(mvec__arena_alloc(ctx, &model->arena, (n ? n : 1) * sizeof *model->points,
                               &model->points));
    for (size_t i = 0; i < n; i++) {
        int year = mvec_trend_at(by_power[0], i)->year;
        const mvec_trend_point *at[3];
        bool all = true;
        for (size_t p = 0; p < 3; p++) {
            at[p] = value_in(by_power[p], year);
            all = all && at[p] != NULL;
        }
        if (!all)
            continue;
        mvec_interval shares[3];
        double middle[3], sum = 0.0;
        for (size_t p = 0; p < 3; p++) {
            shares[p] = at[p]->value;
            middle[p] = (shares[p].lo + shares[p].hi) / 2.0;
            sum += middle[p];
        }
        if (!(sum > 0.0))
            continue;
        mvec__triangle_point *point = &model->points[model->point_count++];
        point->year = year;
        for (size_t p = 0; p < 3; p++)
            point->normalised[p] = middle[p] / sum;
        mvec__ternary_xy(point->normalised, &point->x, &point->y);
        point->region_count = mvec__ternary_region(shares, point->region_x, point->region_y);
        for (size_t p = 0; p < 3; p++)
            mvec__chart_sources_add(&sources, at[p]->source);
    }
    if (model->point_count == 0)
        MVEC_FAIL(ctx, MVEC_ERR_NO_DATA,
                  "no year has the shares of all three great powers in %s for %s",
                  mvec_trend_vector(trends[0]), mvec_trend_country(trends[0])->name);
    const char *vector = mvec_trend_vector(trends[0]);
    int first = model->points[0].year, last = model->points[model->point_count - 1].year;
    if (first == last)
        MVEC_TRY(mvec__chart_printf(ctx, &model->arena, &model->frame.title,
                                    "%s's balance triangle: %s, %d",
                                    mvec_trend_country(trends[0])->name,
                                    mvec__chart_vector_words(vector), first));
    else
        MVEC_TRY(mvec__chart_printf(ctx, &model->arena, &model->frame.title,
                                    "%s's balance triangle: %s, %d–%d",
                                    mvec_trend_country(trends[0])->name,
                                    mvec__chart_vector_words(vector), first, last));
    MVEC_TRY(mvec__chart_printf(
        ctx, &model->arena, &model->frame.subtitle,
        "Each year's shares of %s, %s and %s in %s (%s), scaled to add up to 100 %%: the nearer "
        "a corner, the more the reliance on that power; the centre is equal reliance.",
        model->corner_names[0], model->corner_names[1], model->corner_names[2],
        mvec__chart_vector_words(vector), vector));
    model->frame.x_label = "share among the three powers (%)";
    MVEC_TRY(mvec__chart_sources_finish(ctx, &model->arena, &sources, &model->frame));
cleanup:
    return status;
}

void mvec__chart_triangle_model_clear(mvec_ctx *ctx, mvec__triangle_model *model)
{
    mvec__arena_clear(ctx, &model->arena);
    memset(model, 0, sizeof *model);
}

mvec_status mvec_chart_triangle(mvec_ctx *ctx, const mvec_trend *const *trends,
                                size_t trend_count, const mvec_bloc_scheme *scheme,
                                const mvec_chart_options *options, const mvec_sink *sink)
{
    mvec_status status = MVEC_OK;
    mvec_chart_options resolved;
    mvec__triangle_model model;
    memset(&model, 0, sizeof model);
    MVEC_TRY(mvec__chart_options_read(ctx, options, &resolved));
    MVEC_TRY(mvec__chart_triangle_model(ctx, trends, trend_count, scheme, &model));
    mvec__chart_frame_override(&model.frame, &resolved);
    MVEC_TRY(mvec__chart_render(ctx, &resolved, mvec__draw_triangle, &model, sink));
cleanup:
    mvec__chart_triangle_model_clear(ctx, &model);
    return status;
}
