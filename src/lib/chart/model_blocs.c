/*
 * model_blocs.c - the bloc-shares chart's model: for each computed vector of
 * a profile (and the composite) every bloc's share as an interval in %; and
 * mvec_chart_blocs, which draws it (draw_blocs.c).
 */
#include <math.h>
#include <string.h>

#include "chart_internal.h"

/* Most blocs drawn: a panel each. */
enum { MAX_BLOCS = 10 };

mvec_status mvec__chart_blocs_model(mvec_ctx *ctx, const mvec_profile *profile,
                                    mvec__blocs_model *model)
{
    mvec_status status = MVEC_OK;
    mvec__chart_sources sources = {{NULL}, 0, 0};
    memset(model, 0, sizeof *model);
    const mvec_bloc_scheme *scheme = mvec_profile_scheme(profile);
    const mvec_country *country = mvec_profile_country(profile);
    const mvec_composite *composite = mvec_profile_composite(profile);
    size_t bloc_count = mvec_bloc_count(scheme);
    if (bloc_count > MAX_BLOCS)
        MVEC_FAIL(ctx, MVEC_ERR_LIMIT, "the scheme '%s' has %zu blocs; the chart shows at most %d",
                  mvec_bloc_scheme_name(scheme), bloc_count, MAX_BLOCS);
    size_t vector_count = mvec_profile_vector_count(profile);
    size_t computed = 0;
    for (size_t v = 0; v < vector_count; v++)
        if (mvec_profile_vector(profile, v)->status == NULL)
            computed++;
    if (computed == 0)
        MVEC_FAIL(ctx, MVEC_ERR_NO_DATA, "no vector of %s's profile was computed", country->name);
    bool with_composite = composite->status == NULL && composite->vector_count > 1;
    size_t rows = computed + (with_composite ? 1 : 0);
    model->row_count = rows;
    model->bloc_count = bloc_count;
    MVEC_TRY(mvec__arena_alloc(ctx, &model->arena, rows * sizeof *model->row_labels,
                               &model->row_labels));
    MVEC_TRY(mvec__arena_alloc(ctx, &model->arena, bloc_count * sizeof *model->bloc_names,
                               &model->bloc_names));
    MVEC_TRY(mvec__arena_alloc(ctx, &model->arena, bloc_count * sizeof *model->bloc_colours,
                               &model->bloc_colours));
    MVEC_TRY(mvec__arena_alloc(ctx, &model->arena, rows * bloc_count * sizeof *model->percent,
                               &model->percent));
    for (size_t b = 0; b < bloc_count; b++) {
        model->bloc_names[b] = mvec_bloc_name(scheme, b);
        model->bloc_colours[b] = mvec_chart_bloc_colour(scheme, b);
    }
    size_t row = 0;
    int first_year = 0, last_year = 0;
    for (size_t v = 0; v < vector_count; v++) {
        const mvec_vector_profile *vp = mvec_profile_vector(profile, v);
        if (vp->status != NULL)
            continue;
        MVEC_TRY(mvec__chart_printf(ctx, &model->arena, &model->row_labels[row], "%s %d%s",
                                    mvec__chart_vector_words(vp->vector), vp->year,
                                    vp->period != NULL && vp->period[0] != '\0' ? "*" : ""));
        for (size_t b = 0; b < bloc_count; b++) {
            mvec_interval share = vp->bloc_shares[b];
            model->percent[row * bloc_count + b] = (mvec_interval){share.lo * 100.0,
                                                                   share.hi * 100.0};
        }
        for (size_t k = 0; k < vp->input_count; k++)
            mvec__chart_sources_add(&sources, vp->inputs[k]->source);
        for (size_t k = 0; k < vp->membership_count; k++)
            mvec__chart_sources_add(&sources, vp->memberships[k]->source);
        first_year = first_year == 0 || vp->year < first_year ? vp->year : first_year;
        last_year = vp->year > last_year ? vp->year : last_year;
        row++;
    }
    if (with_composite) {
        MVEC_TRY(mvec__chart_printf(ctx, &model->arena, &model->row_labels[row],
                                    "composite (%zu vectors)", composite->vector_count));
        for (size_t b = 0; b < bloc_count; b++)
            model->percent[row * bloc_count + b] =
                (mvec_interval){composite->bloc_shares[b].lo * 100.0,
                                composite->bloc_shares[b].hi * 100.0};
    }
    if (first_year == last_year)
        MVEC_TRY(mvec__chart_printf(ctx, &model->arena, &model->frame.title,
                                    "%s: bloc shares by vector, %d", country->name, last_year));
    else
        MVEC_TRY(mvec__chart_printf(ctx, &model->arena, &model->frame.title,
                                    "%s: bloc shares by vector, latest year of each (%d–%d)",
                                    country->name, first_year, last_year));
    MVEC_TRY(mvec__chart_printf(
        ctx, &model->arena, &model->frame.subtitle,
        "Each bloc's share of each vector (scheme '%s'). Solid: the share in every reading of "
        "the data; light: how far above it the data allow. * not one calendar year.",
        mvec_bloc_scheme_name(scheme)));
    model->frame.x_label = "share of the vector's total (%)";
    model->frame.y_label = NULL;
    MVEC_TRY(mvec__chart_sources_finish(ctx, &model->arena, &sources, &model->frame));
cleanup:
    return status;
}

void mvec__chart_blocs_model_clear(mvec_ctx *ctx, mvec__blocs_model *model)
{
    mvec__arena_clear(ctx, &model->arena);
    memset(model, 0, sizeof *model);
}

mvec_status mvec_chart_blocs(mvec_ctx *ctx, const mvec_profile *profile,
                             const mvec_chart_options *options, const mvec_sink *sink)
{
    mvec_status status = MVEC_OK;
    mvec_chart_options resolved;
    mvec__blocs_model model;
    memset(&model, 0, sizeof model);
    MVEC_TRY(mvec__chart_options_read(ctx, options, &resolved));
    MVEC_TRY(mvec__chart_blocs_model(ctx, profile, &model));
    mvec__chart_frame_override(&model.frame, &resolved);
    MVEC_TRY(mvec__chart_render(ctx, &resolved, mvec__draw_blocs, &model, sink));
cleanup:
    mvec__chart_blocs_model_clear(ctx, &model);
    return status;
}
