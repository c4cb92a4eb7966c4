/*
 * profile_kaz.c - using libmvec from C: build Kazakhstan's profile from the
 * embedded data, print China's share of trade in the chosen year and the
 * bloc that leads in trade, then the profile as CSV.
 *
 *   cc profile_kaz.c $(pkg-config --cflags --libs mvec) -o profile_kaz
 */
#include <mvec/mvec.h>
#include <stdio.h>
#include <string.h>

static int write_stdout(void *user, const char *data, size_t length)
{
    (void)user;
    return fwrite(data, 1, length, stdout) == length ? 0 : -1;
}

int main(void)
{
    mvec_ctx *ctx = mvec_ctx_new(NULL, NULL);
    mvec_countries *countries = NULL;
    mvec_bloc_scheme *scheme = NULL;
    mvec_memberships *memberships = NULL;
    mvec_observations *observations = NULL;
    mvec_profile *profile = NULL;
    if (ctx == NULL)
        return 1;
    mvec_status status = mvec_countries_open(ctx, NULL, &countries);
    if (status == MVEC_OK)
        status = mvec_bloc_scheme_builtin(ctx, countries, "powers", &scheme);
    if (status == MVEC_OK)
        status = mvec_memberships_builtin(ctx, countries, &memberships);
    if (status == MVEC_OK)
        status = mvec_observations_new(ctx, countries, &observations);
    if (status == MVEC_OK)
        status = mvec_observations_load_embedded(ctx, observations);
    if (status == MVEC_OK)
        status = mvec_profile_build(ctx, observations, scheme, memberships, NULL, &profile);
    if (status == MVEC_OK) {
        for (size_t i = 0; i < mvec_profile_vector_count(profile); i++) {
            const mvec_vector_profile *v = mvec_profile_vector(profile, i);
            if (strcmp(v->vector, "trade.total") != 0 || v->status != NULL)
                continue;
            for (size_t p = 0; p < v->partner_count; p++)
                if (strcmp(v->partners[p].partner->code, "CHN") == 0)
                    printf("China's share of Kazakhstan's trade in %d: %.1f%% to %.1f%%\n",
                           v->year, v->partners[p].share.lo * 100,
                           v->partners[p].share.hi * 100);
            printf("bloc leading in every allocation: %s\n",
                   v->leader == SIZE_MAX ? "none" : mvec_bloc_name(scheme, v->leader));
        }
        mvec_sink sink = {write_stdout, NULL};
        status = mvec_profile_write(ctx, profile, MVEC_FORMAT_CSV, &sink);
    }
    if (status != MVEC_OK)
        fprintf(stderr, "profile_kaz: %s\n", mvec_ctx_error_message(ctx));
    mvec_profile_free(ctx, profile);
    mvec_observations_free(ctx, observations);
    mvec_memberships_free(ctx, memberships);
    mvec_bloc_scheme_free(ctx, scheme);
    mvec_countries_free(ctx, countries);
    mvec_ctx_free(ctx);
    return status == MVEC_OK ? 0 : 1;
}
