/*
 * robust_schemes.c - using libmvec from C: Kazakhstan's profile under every
 * built-in bloc scheme (powers, treaties), compared: print each conclusion
 * (leader, side of 0.5 of the balance) that is not the same under all of
 * them, then the comparison as CSV.
 *
 *   cc robust_schemes.c $(pkg-config --cflags --libs mvec) -o robust_schemes
 */
#include <mvec/mvec.h>
#include <stdio.h>

static int write_stdout(void *user, const char *data, size_t length)
{
    (void)user;
    return fwrite(data, 1, length, stdout) == length ? 0 : -1;
}

int main(void)
{
    mvec_ctx *ctx = mvec_ctx_new(NULL, NULL);
    mvec_countries *countries = NULL;
    mvec_memberships *memberships = NULL;
    mvec_observations *observations = NULL;
    mvec_bloc_scheme *schemes[MVEC_ROBUST_SCHEME_LIMIT] = {NULL};
    mvec_profile *profiles[MVEC_ROBUST_SCHEME_LIMIT] = {NULL};
    mvec_robust *robust = NULL;
    size_t count = 0;
    const char *const *names = mvec_bloc_scheme_builtin_names(&count);
    if (ctx == NULL || count > MVEC_ROBUST_SCHEME_LIMIT)
        return 1;
    mvec_status status = mvec_countries_open(ctx, NULL, &countries);
    if (status == MVEC_OK)
        status = mvec_memberships_builtin(ctx, countries, &memberships);
    if (status == MVEC_OK)
        status = mvec_observations_new(ctx, countries, &observations);
    if (status == MVEC_OK)
        status = mvec_observations_load_embedded(ctx, observations);
    for (size_t s = 0; s < count && status == MVEC_OK; s++) {
        status = mvec_bloc_scheme_builtin(ctx, countries, names[s], &schemes[s]);
        if (status == MVEC_OK)
            status =
                mvec_profile_build(ctx, observations, schemes[s], memberships, NULL, &profiles[s]);
    }
    const mvec_profile *const *all = (const mvec_profile *const *)profiles;
    if (status == MVEC_OK)
        status = mvec_robust_profiles(ctx, all, count, &robust);
    if (status == MVEC_OK) {
        printf("%zu conclusions, %zu flip between the schemes\n", mvec_robust_count(robust),
               mvec_robust_count_outcome(robust, MVEC_ROBUST_FLIPS));
        for (size_t i = 0; i < mvec_robust_count(robust); i++) {
            const mvec_robust_conclusion *c = mvec_robust_at(robust, i);
            if (c->outcome == MVEC_ROBUST_SAME)
                continue;
            printf("%s %s (%s):", c->subject, mvec_robust_kind_name(c->kind),
                   mvec_robust_outcome_name(c->outcome));
            for (size_t s = 0; s < c->scheme_count; s++)
                printf(" %s under %s%s", c->values[s], mvec_robust_scheme_name(robust, s),
                       s + 1 < c->scheme_count ? "," : "\n");
        }
        mvec_sink sink = {write_stdout, NULL};
        status = mvec_robust_profile_write(ctx, all, count, robust, MVEC_FORMAT_CSV, &sink);
    }
    if (status != MVEC_OK)
        fprintf(stderr, "robust_schemes: %s\n", mvec_ctx_error_message(ctx));
    mvec_robust_free(ctx, robust);
    for (size_t s = 0; s < count; s++) {
        mvec_profile_free(ctx, profiles[s]);
        mvec_bloc_scheme_free(ctx, schemes[s]);
    }
    mvec_observations_free(ctx, observations);
    mvec_memberships_free(ctx, memberships);
    mvec_countries_free(ctx, countries);
    mvec_ctx_free(ctx);
    return status == MVEC_OK ? 0 : 1;
}
