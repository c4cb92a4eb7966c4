/*
 * test_robust.c - robustness across bloc schemes on a hand-made country
 * whose conclusions are known to flip (independent of the embedded data).
 *
 * Mongolia, invented 2023 figures (USD bn, every partner listed):
 *   trade.total: TUR 60, RUS 6, CHN 5, IND 29 of 100.
 *     powers (TUR in TUR-OTS): RUS-EAEU 6, CHN 5, WEST 0; leader RUS-EAEU;
 *       sigma = 6/11, 5/11, 0; HHI = 61/121; balance = 1 - (HHI - 1/3)/(2/3)
 *       = 0.74380 (above 0.5).
 *     treaties (TUR, a NATO member, in WEST): RUS-CSTO 6, CHN 5, WEST 60;
 *       leader WEST; HHI = 3661/5041; balance = 0.41064 (below 0.5).
 *     So the leader, the balance's side and the claim three-way-balance flip.
 *   arms.imports: RUS 80, CHN 20 of 100: leader RUS-EAEU / RUS-CSTO (the same
 *     bloc: both anchored on RUS), balance 1 - (0.68 - 1/3)/(2/3) = 0.48 under
 *     both (below): nothing flips.
 */
#include <mvec/mvec.h>

#include "test.h"

static mvec_ctx *ctx;
static mvec_countries *countries;
static mvec_memberships *memberships;
static mvec_observations *observations;
static mvec_bloc_scheme *schemes[2];

static const char DATA[] =
    "country,partner,vector,indicator,year,value,unit,basis,scope,source,note\n"
    "MNG,WLD,trade.total,value,2023,100,USD bn,reporter,,test fixture (invented),\n"
    "MNG,TUR,trade.total,value,2023,60,USD bn,reporter,,test fixture (invented),\n"
    "MNG,RUS,trade.total,value,2023,6,USD bn,reporter,,test fixture (invented),\n"
    "MNG,CHN,trade.total,value,2023,5,USD bn,reporter,,test fixture (invented),\n"
    "MNG,IND,trade.total,value,2023,29,USD bn,reporter,,test fixture (invented),\n"
    "MNG,WLD,arms.imports,value,2023,100,USD bn,reporter,,test fixture (invented),\n"
    "MNG,RUS,arms.imports,value,2023,80,USD bn,reporter,,test fixture (invented),\n"
    "MNG,CHN,arms.imports,value,2023,20,USD bn,reporter,,test fixture (invented),\n";

static const mvec_robust_conclusion *find(const mvec_robust *robust, mvec_robust_kind kind,
                                          const char *subject)
{
    for (size_t i = 0; i < mvec_robust_count(robust); i++) {
        const mvec_robust_conclusion *c = mvec_robust_at(robust, i);
        if (c->kind == kind && strcmp(c->subject, subject) == 0)
            return c;
    }
    return NULL;
}

static const mvec_vector_profile *vector_of(const mvec_profile *p, const char *name)
{
    for (size_t i = 0; i < mvec_profile_vector_count(p); i++)
        if (strcmp(mvec_profile_vector(p, i)->vector, name) == 0)
            return mvec_profile_vector(p, i);
    return NULL;
}

static int to_buffer(void *user, const char *data, size_t length)
{
    char *out = user;
    size_t used = strlen(out);
    if (used + length >= 65536)
        return -1;
    memcpy(out + used, data, length);
    out[used + length] = '\0';
    return 0;
}

static void test_sides(void)
{
    mvec_interval above = {0.5000001, 0.9};
    mvec_interval below = {0.1, 0.4999999};
    mvec_interval straddles = {0.4, 0.6};
    mvec_interval touches = {0.5, 0.9};
    mvec_interval undefined = {NAN, NAN};
    CHECK(mvec_balance_side_of(above) == MVEC_BALANCE_ABOVE);
    CHECK(mvec_balance_side_of(below) == MVEC_BALANCE_BELOW);
    CHECK(mvec_balance_side_of(straddles) == MVEC_BALANCE_UNCERTAIN);
    CHECK(mvec_balance_side_of(touches) == MVEC_BALANCE_UNCERTAIN);
    CHECK(mvec_balance_side_of(undefined) == MVEC_BALANCE_UNCERTAIN);
    CHECK_STR(mvec_balance_side_name(MVEC_BALANCE_ABOVE), "above 0.5");
}

static void test_builtin_schemes(void)
{
    size_t count = 0;
    const char *const *names = mvec_bloc_scheme_builtin_names(&count);
    CHECK(count == 2);
    CHECK_STR(names[0], "powers");
    CHECK_STR(names[1], "treaties");
    /* Türkiye: its own bloc under powers, the West (NATO) under treaties;
     * Tajikistan: OTHER under powers, the CSTO under treaties */
    const mvec_country *tur = mvec_countries_find(countries, "TUR");
    const mvec_country *tjk = mvec_countries_find(countries, "TJK");
    CHECK_STR(mvec_bloc_name(schemes[0], mvec_bloc_of(schemes[0], tur)), "TUR-OTS");
    CHECK_STR(mvec_bloc_name(schemes[1], mvec_bloc_of(schemes[1], tur)), "WEST");
    CHECK_STR(mvec_bloc_name(schemes[0], mvec_bloc_of(schemes[0], tjk)), "OTHER");
    CHECK_STR(mvec_bloc_name(schemes[1], mvec_bloc_of(schemes[1], tjk)), "RUS-CSTO");
    CHECK(strstr(mvec_bloc_rationale(schemes[1], tur), "NATO") != NULL);
    /* every treaties row has a rationale: the default rule's too */
    for (size_t i = 0; i < mvec_countries_count(countries); i++) {
        const mvec_country *c = mvec_countries_at(countries, i);
        CHECK(mvec_bloc_rationale(schemes[1], c)[0] != '\0');
    }
    /* anchors: the first row naming the bloc */
    CHECK_STR(mvec_bloc_anchor(schemes[0], 0)->code, "RUS");
    CHECK_STR(mvec_bloc_anchor(schemes[1], 0)->code, "RUS");
    mvec_bloc_scheme *unknown = NULL;
    CHECK_STATUS(mvec_bloc_scheme_builtin(ctx, countries, "treaty", &unknown), MVEC_ERR_INVALID);
    CHECK(strstr(mvec_ctx_error_message(ctx), "powers, treaties") != NULL);
    CHECK(unknown == NULL);
}

static void test_profiles_flip(void)
{
    mvec_profile *profiles[2] = {NULL, NULL};
    mvec_profile_options options = MVEC_PROFILE_OPTIONS_INIT;
    options.country = "MNG";
    for (int s = 0; s < 2; s++)
        CHECK_STATUS(
            mvec_profile_build(ctx, observations, schemes[s], memberships, &options, &profiles[s]),
            MVEC_OK);
    if (profiles[0] == NULL || profiles[1] == NULL)
        goto done;
    const mvec_vector_profile *a = vector_of(profiles[0], "trade.total");
    const mvec_vector_profile *b = vector_of(profiles[1], "trade.total");
    CHECK_NEAR(a->balance.lo, 1 - (61.0 / 121 - 1.0 / 3) / (2.0 / 3), 1e-12);
    CHECK_NEAR(a->balance.hi, 1 - (61.0 / 121 - 1.0 / 3) / (2.0 / 3), 1e-12);
    CHECK_NEAR(b->balance.lo, 1 - (3661.0 / 5041 - 1.0 / 3) / (2.0 / 3), 1e-12);
    CHECK_STR(mvec_bloc_name(schemes[0], a->leader), "RUS-EAEU");
    CHECK_STR(mvec_bloc_name(schemes[1], b->leader), "WEST");

    mvec_robust *robust = NULL;
    const mvec_profile *const *all = (const mvec_profile *const *)profiles;
    CHECK_STATUS(mvec_robust_profiles(ctx, all, 2, &robust), MVEC_OK);
    if (robust == NULL)
        goto done;
    CHECK(mvec_robust_scheme_count(robust) == 2);
    CHECK_STR(mvec_robust_scheme_name(robust, 1), "treaties");
    const mvec_robust_conclusion *c = find(robust, MVEC_ROBUST_LEADER, "trade.total");
    CHECK(c != NULL && c->outcome == MVEC_ROBUST_FLIPS);
    CHECK_STR(c->values[0], "RUS-EAEU");
    CHECK_STR(c->values[1], "WEST");
    c = find(robust, MVEC_ROBUST_BALANCE, "trade.total");
    CHECK(c != NULL && c->outcome == MVEC_ROBUST_FLIPS);
    CHECK_STR(c->values[0], "above 0.5");
    CHECK_STR(c->values[1], "below 0.5");
    c = find(robust, MVEC_ROBUST_LEADER, "arms.imports");
    CHECK(c != NULL && c->outcome == MVEC_ROBUST_SAME); /* RUS-EAEU and RUS-CSTO: anchor RUS */
    c = find(robust, MVEC_ROBUST_BALANCE, "arms.imports");
    CHECK(c != NULL && c->outcome == MVEC_ROBUST_SAME);
    CHECK(find(robust, MVEC_ROBUST_LEADER, "composite") != NULL);
    CHECK(mvec_robust_count_outcome(robust, MVEC_ROBUST_FLIPS) == 2);

    static char text[65536];
    text[0] = '\0';
    mvec_sink sink = {to_buffer, text};
    CHECK_STATUS(mvec_robust_profile_write(ctx, all, 2, robust, MVEC_FORMAT_TABLE, &sink), MVEC_OK);
    CHECK(strstr(text, "conclusions that flip between the schemes (2)") != NULL);
    CHECK(strstr(text, "RUS-EAEU under powers, WEST under treaties") != NULL);
    CHECK(strstr(text, "above 0.5 under powers, below 0.5 under treaties") != NULL);
    text[0] = '\0';
    CHECK_STATUS(mvec_robust_profile_write(ctx, all, 2, robust, MVEC_FORMAT_CSV, &sink), MVEC_OK);
    CHECK(strstr(text, "leader_across_schemes") != NULL);
    CHECK(strstr(text, "MNG,trade.total,2023,,reporter,treaties,") != NULL);
    text[0] = '\0';
    CHECK_STATUS(mvec_robust_profile_write(ctx, all, 2, robust, MVEC_FORMAT_JSON, &sink), MVEC_OK);
    CHECK(strstr(text, "\"outcome\": \"flips\"") != NULL);
    text[0] = '\0';
    CHECK_STATUS(
        mvec_robust_shares_write(ctx, all, 2, "trade.total", robust, MVEC_FORMAT_TABLE, &sink),
        MVEC_OK);
    CHECK(strstr(text, "TUR-OTS") != NULL);
    /* a count that does not match the comparison */
    CHECK_STATUS(mvec_robust_profile_write(ctx, all, 1, robust, MVEC_FORMAT_TABLE, &sink),
                 MVEC_ERR_INVALID);
    mvec_robust_free(ctx, robust);
    /* one profile: nothing can flip */
    CHECK_STATUS(mvec_robust_profiles(ctx, all, 1, &robust), MVEC_OK);
    CHECK(robust != NULL && mvec_robust_count_outcome(robust, MVEC_ROBUST_FLIPS) == 0);
    mvec_robust_free(ctx, robust);
    robust = NULL;
    CHECK_STATUS(mvec_robust_profiles(ctx, all, 0, &robust), MVEC_ERR_INVALID);
    CHECK(robust == NULL);
done:
    mvec_profile_free(ctx, profiles[0]);
    mvec_profile_free(ctx, profiles[1]);
}

static void test_claims_flip(void)
{
    mvec_claims *claims[2] = {NULL, NULL};
    mvec_claim_options options = MVEC_CLAIM_OPTIONS_INIT;
    options.country = "MNG";
    for (int s = 0; s < 2; s++) {
        options.scheme = schemes[s];
        CHECK_STATUS(mvec_claims_check(ctx, observations, memberships, &options, &claims[s]),
                     MVEC_OK);
    }
    if (claims[0] == NULL || claims[1] == NULL)
        goto done;
    CHECK_STR(mvec_claims_scheme_name(claims[1]), "treaties");
    mvec_robust *robust = NULL;
    const mvec_claims *const *all = (const mvec_claims *const *)claims;
    CHECK_STATUS(mvec_robust_claims(ctx, all, 2, &robust), MVEC_OK);
    if (robust == NULL)
        goto done;
    const mvec_robust_conclusion *c = find(robust, MVEC_ROBUST_VERDICT, "three-way-balance");
    CHECK(c != NULL && c->outcome == MVEC_ROBUST_FLIPS);
    CHECK_STR(c->values[0], "holds");
    CHECK_STR(c->values[1], "fails");
    /* the claims that do not read blocs keep their verdicts */
    for (size_t i = 0; i < mvec_claims_count(claims[0]); i++) {
        const mvec_claim_result *r = mvec_claims_at(claims[0], i);
        CHECK(r->uses_blocs == (strcmp(r->id, "three-way-balance") == 0));
        if (!r->uses_blocs)
            CHECK(find(robust, MVEC_ROBUST_VERDICT, r->id)->outcome == MVEC_ROBUST_SAME);
    }
    static char text[65536];
    text[0] = '\0';
    mvec_sink sink = {to_buffer, text};
    CHECK_STATUS(mvec_robust_claims_write(ctx, all, 2, robust, MVEC_FORMAT_TABLE, &sink), MVEC_OK);
    CHECK(strstr(text, "holds under powers, fails under treaties") != NULL);
    CHECK(strstr(text, "balance 0.74 among") != NULL);
    CHECK(strstr(text, "balance 0.41 among") != NULL);
    mvec_robust_free(ctx, robust);
done:
    mvec_claims_free(ctx, claims[0]);
    mvec_claims_free(ctx, claims[1]);
}

/* ---- every allocation can fail (as test_alloc_failures.c) ------------------------------ */


static int discard(void *user, const char *data, size_t length)
{
    (void)user;
    (void)data;
    (void)length;
    return 0;
}

/* Load, build under both schemes, compare and write every robust result. */
static mvec_status pipeline(mvec_ctx *c)
{
    mvec_countries *registry = NULL;
    mvec_observations *obs = NULL;
    mvec_bloc_scheme *pair[2] = {NULL, NULL};
    mvec_profile *profiles[2] = {NULL, NULL};
    mvec_claims *claims[2] = {NULL, NULL};
    mvec_robust *robust = NULL;
    mvec_robust *robust_claims = NULL;
    mvec_sink sink = {discard, NULL};
    mvec_status status = mvec_countries_open(c, NULL, &registry);
    if (status == MVEC_OK)
        status = mvec_observations_new(c, registry, &obs);
    if (status == MVEC_OK)
        status = mvec_observations_load_text(c, obs, "robust.csv", DATA, sizeof DATA - 1, NULL);
    if (status == MVEC_OK)
        status = mvec_bloc_scheme_builtin(c, registry, "powers", &pair[0]);
    if (status == MVEC_OK)
        status = mvec_bloc_scheme_builtin(c, registry, "treaties", &pair[1]);
    mvec_profile_options options = MVEC_PROFILE_OPTIONS_INIT;
    options.country = "MNG";
    mvec_claim_options claim_options = MVEC_CLAIM_OPTIONS_INIT;
    claim_options.country = "MNG";
    for (int s = 0; s < 2 && status == MVEC_OK; s++) {
        status = mvec_profile_build(c, obs, pair[s], NULL, &options, &profiles[s]);
        claim_options.scheme = pair[s];
        if (status == MVEC_OK)
            status = mvec_claims_check(c, obs, NULL, &claim_options, &claims[s]);
    }
    const mvec_profile *const *p = (const mvec_profile *const *)profiles;
    const mvec_claims *const *k = (const mvec_claims *const *)claims;
    if (status == MVEC_OK)
        status = mvec_robust_profiles(c, p, 2, &robust);
    if (status == MVEC_OK)
        status = mvec_robust_claims(c, k, 2, &robust_claims);
    for (int f = MVEC_FORMAT_TABLE; f <= MVEC_FORMAT_JSON && status == MVEC_OK; f++) {
        status = mvec_robust_profile_write(c, p, 2, robust, (mvec_format)f, &sink);
        if (status == MVEC_OK)
            status =
                mvec_robust_shares_write(c, p, 2, "trade.total", robust, (mvec_format)f, &sink);
        if (status == MVEC_OK)
            status = mvec_robust_claims_write(c, k, 2, robust_claims, (mvec_format)f, &sink);
    }
    mvec_robust_free(c, robust_claims);
    mvec_robust_free(c, robust);
    for (int s = 0; s < 2; s++) {
        mvec_claims_free(c, claims[s]);
        mvec_profile_free(c, profiles[s]);
        mvec_bloc_scheme_free(c, pair[s]);
    }
    mvec_observations_free(c, obs);
    mvec_countries_free(c, registry);
    return status;
}

static void test_alloc_failures(void)
{
    failing_allocator counter = {-1, 0};
    mvec_ctx *c = mvec_ctx_new(failing_realloc, &counter);
    CHECK_STATUS(pipeline(c), MVEC_OK);
    long total = counter.calls;
    CHECK(mvec_ctx_memory(c).current_bytes == 0);
    mvec_ctx_free(c);
    long runs = 0;
    /* sparse through loading (test_alloc_failures covers it), every third call in
     * the last 2,400 (the profiles, claims, comparisons and writers) */
    long dense = total > 2400 ? total - 2400 : 1;
    for (long n = 1; n < total; n += n < dense ? 1 + n / 8 : 3) {
        failing_allocator a = {n, 0};
        c = mvec_ctx_new(failing_realloc, &a);
        int failures = test_failures;
        CHECK_STATUS(pipeline(c), MVEC_ERR_NOMEM);
        CHECK(mvec_ctx_memory(c).current_bytes == 0);
        if (test_failures > failures) {
            fprintf(stderr, "allocation %ld of %ld: %s\n", n, total, mvec_ctx_error_message(c));
            mvec_ctx_free(c);
            break;
        }
        mvec_ctx_free(c);
        runs++;
    }
    fprintf(stderr, "robust pipeline: %ld allocations, %ld failure points tried\n", total, runs);
}

int main(void)
{
    ctx = mvec_ctx_new(NULL, NULL);
    if (mvec_countries_open(ctx, NULL, &countries) != MVEC_OK ||
        mvec_memberships_builtin(ctx, countries, &memberships) != MVEC_OK ||
        mvec_observations_new(ctx, countries, &observations) != MVEC_OK ||
        mvec_observations_load_text(ctx, observations, "robust.csv", DATA, sizeof DATA - 1, NULL) !=
            MVEC_OK ||
        mvec_bloc_scheme_builtin(ctx, countries, "powers", &schemes[0]) != MVEC_OK ||
        mvec_bloc_scheme_builtin(ctx, countries, "treaties", &schemes[1]) != MVEC_OK) {
        fprintf(stderr, "%s\n", mvec_ctx_error_message(ctx));
        return 1;
    }
    test_sides();
    test_builtin_schemes();
    test_profiles_flip();
    test_claims_flip();
    test_alloc_failures();
    mvec_bloc_scheme_free(ctx, schemes[0]);
    mvec_bloc_scheme_free(ctx, schemes[1]);
    mvec_observations_free(ctx, observations);
    mvec_memberships_free(ctx, memberships);
    mvec_countries_free(ctx, countries);
    CHECK(mvec_ctx_memory(ctx).current_bytes == 0);
    mvec_ctx_free(ctx);
    return test_report("test_robust");
}
