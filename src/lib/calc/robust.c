/*
 * robust.c - robustness across bloc schemes: the conclusions of several
 * profiles (or claim checks) of one country, each under its own scheme,
 * compared (mvec_robust.h; rule in docs/methods.md, "Robustness across bloc
 * schemes"). The numbers themselves stay in the profiles; this module only
 * reads their leaders, balances and verdicts.
 */
#include <math.h>
#include <string.h>

#include "../mvec_internal.h"

struct mvec_robust {
    mvec__arena arena;
    size_t scheme_count;
    const char *scheme_names[MVEC_ROBUST_SCHEME_LIMIT];
    mvec_robust_conclusion *conclusions;
    size_t count;
    size_t capacity;
};

mvec_balance_side mvec_balance_side_of(mvec_interval balance)
{
    if (isnan(balance.lo) || isnan(balance.hi))
        return MVEC_BALANCE_UNCERTAIN;
    if (balance.lo > 0.5)
        return MVEC_BALANCE_ABOVE;
    if (balance.hi < 0.5)
        return MVEC_BALANCE_BELOW;
    return MVEC_BALANCE_UNCERTAIN;
}

const char *mvec_balance_side_name(mvec_balance_side side)
{
    switch (side) {
    case MVEC_BALANCE_ABOVE:
        return "above 0.5";
    case MVEC_BALANCE_BELOW:
        return "below 0.5";
    case MVEC_BALANCE_UNCERTAIN:
        return "uncertain";
    }
    return "uncertain";
}

const char *mvec_robust_kind_name(mvec_robust_kind kind)
{
    switch (kind) {
    case MVEC_ROBUST_LEADER:
        return "leader";
    case MVEC_ROBUST_BALANCE:
        return "balance";
    case MVEC_ROBUST_VERDICT:
        return "verdict";
    }
    return "verdict";
}

const char *mvec_robust_outcome_name(mvec_robust_outcome outcome)
{
    switch (outcome) {
    case MVEC_ROBUST_SAME:
        return "same";
    case MVEC_ROBUST_FLIPS:
        return "flips";
    case MVEC_ROBUST_UNCERTAIN:
        return "uncertain";
    }
    return "uncertain";
}

/* A value under one scheme: `certain` false for "none", "uncertain",
 * "undecidable" and "-"; `identity` decides sameness among certain values
 * (the leader's anchor, else its name; the side or verdict name). */
typedef struct scheme_value {
    const char *text;
    bool certain;
    const char *identity;
    const char *alias; /* a second identity (a leader's bloc name), or NULL */
} scheme_value;

static bool same_value(const scheme_value *a, const scheme_value *b)
{
    if (strcmp(a->identity, b->identity) == 0)
        return true;
    return a->alias != NULL && b->alias != NULL && strcmp(a->alias, b->alias) == 0;
}

/* Flips: two certain values differ. Same: every text equal. Else uncertain. */
static mvec_robust_outcome outcome_of(const scheme_value *values, size_t count)
{
    bool all_same = true;
    for (size_t i = 0; i < count; i++)
        for (size_t j = i + 1; j < count; j++) {
            if (values[i].certain && values[j].certain && !same_value(&values[i], &values[j]))
                return MVEC_ROBUST_FLIPS;
            if (values[i].certain != values[j].certain ||
                (!values[i].certain && strcmp(values[i].text, values[j].text) != 0))
                all_same = false;
        }
    return all_same ? MVEC_ROBUST_SAME : MVEC_ROBUST_UNCERTAIN;
}

static mvec_status add_conclusion(mvec_ctx *ctx, mvec_robust *robust, mvec_robust_kind kind,
                                  const char *subject, const scheme_value *values)
{
    mvec_status status = MVEC_OK;
    const char **texts = NULL;
    MVEC_TRY(mvec__grow(ctx, &robust->conclusions, &robust->capacity, robust->count + 1,
                        sizeof *robust->conclusions));
    MVEC_TRY(mvec__arena_alloc(ctx, &robust->arena, robust->scheme_count * sizeof *texts, &texts));
    mvec_robust_conclusion *c = &robust->conclusions[robust->count];
    memset(c, 0, sizeof *c);
    c->kind = kind;
    MVEC_TRY(mvec__arena_strdup(ctx, &robust->arena, subject, &c->subject));
    for (size_t s = 0; s < robust->scheme_count; s++)
        MVEC_TRY(mvec__arena_strdup(ctx, &robust->arena, values[s].text, &texts[s]));
    c->scheme_count = robust->scheme_count;
    c->values = texts;
    c->outcome = outcome_of(values, robust->scheme_count);
    robust->count++;
cleanup:
    return status;
}

static scheme_value missing_value(void)
{
    scheme_value v = {"-", false, "-", NULL};
    return v;
}

static scheme_value leader_value(const mvec_bloc_scheme *scheme, size_t leader)
{
    if (leader == SIZE_MAX || leader >= mvec_bloc_count(scheme)) {
        scheme_value none = {"none", false, "none", NULL};
        return none;
    }
    const mvec_country *anchor = mvec_bloc_anchor(scheme, leader);
    const char *name = mvec_bloc_name(scheme, leader);
    scheme_value v = {name, true, anchor != NULL ? anchor->code : name, name};
    return v;
}

static scheme_value balance_value(mvec_interval balance)
{
    mvec_balance_side side = mvec_balance_side_of(balance);
    const char *name = mvec_balance_side_name(side);
    scheme_value v = {name, side != MVEC_BALANCE_UNCERTAIN, name, NULL};
    return v;
}

static const mvec_vector_profile *find_vector(const mvec_profile *profile, const char *vector)
{
    for (size_t i = 0; i < mvec_profile_vector_count(profile); i++) {
        const mvec_vector_profile *v = mvec_profile_vector(profile, i);
        if (strcmp(v->vector, vector) == 0)
            return v->status == NULL ? v : NULL;
    }
    return NULL;
}

static mvec_status robust_new(mvec_ctx *ctx, size_t count, mvec_robust **out)
{
    if (count == 0 || count > MVEC_ROBUST_SCHEME_LIMIT)
        return mvec__error(ctx, MVEC_ERR_INVALID, "%zu bloc schemes to compare; give 1 to %d",
                           count, MVEC_ROBUST_SCHEME_LIMIT);
    mvec_status status = mvec__calloc(ctx, 1, sizeof **out, out);
    if (status == MVEC_OK)
        (*out)->scheme_count = count;
    return status;
}

mvec_status mvec_robust_profiles(mvec_ctx *ctx, const mvec_profile *const *profiles, size_t count,
                                 mvec_robust **out)
{
    mvec_status status = MVEC_OK;
    mvec_robust *robust = NULL;
    scheme_value leaders[MVEC_ROBUST_SCHEME_LIMIT];
    scheme_value balances[MVEC_ROBUST_SCHEME_LIMIT];
    MVEC_TRY(robust_new(ctx, count, &robust));
    for (size_t s = 0; s < count; s++) {
        if (mvec_profile_country(profiles[s]) != mvec_profile_country(profiles[0]))
            MVEC_FAIL(ctx, MVEC_ERR_INVALID, "profiles of %s and %s cannot be compared",
                      mvec_profile_country(profiles[0])->code,
                      mvec_profile_country(profiles[s])->code);
        MVEC_TRY(mvec__arena_strdup(ctx, &robust->arena,
                                    mvec_bloc_scheme_name(mvec_profile_scheme(profiles[s])),
                                    &robust->scheme_names[s]));
    }
    for (size_t i = 0; i < mvec_profile_vector_count(profiles[0]); i++) {
        const char *vector = mvec_profile_vector(profiles[0], i)->vector;
        bool any = false;
        for (size_t s = 0; s < count; s++) {
            const mvec_vector_profile *v = find_vector(profiles[s], vector);
            const mvec_bloc_scheme *scheme = mvec_profile_scheme(profiles[s]);
            leaders[s] = v ? leader_value(scheme, v->leader) : missing_value();
            balances[s] = v ? balance_value(v->balance) : missing_value();
            any = any || v != NULL;
        }
        if (!any)
            continue;
        MVEC_TRY(add_conclusion(ctx, robust, MVEC_ROBUST_LEADER, vector, leaders));
        MVEC_TRY(add_conclusion(ctx, robust, MVEC_ROBUST_BALANCE, vector, balances));
    }
    bool any = false;
    for (size_t s = 0; s < count; s++) {
        const mvec_composite *c = mvec_profile_composite(profiles[s]);
        const mvec_bloc_scheme *scheme = mvec_profile_scheme(profiles[s]);
        bool computed = c != NULL && c->status == NULL;
        leaders[s] = computed ? leader_value(scheme, c->leader) : missing_value();
        balances[s] = computed ? balance_value(c->balance) : missing_value();
        any = any || computed;
    }
    if (any) {
        MVEC_TRY(add_conclusion(ctx, robust, MVEC_ROBUST_LEADER, "composite", leaders));
        MVEC_TRY(add_conclusion(ctx, robust, MVEC_ROBUST_BALANCE, "composite", balances));
    }
    *out = robust;
    robust = NULL;
cleanup:
    mvec_robust_free(ctx, robust);
    return status;
}

mvec_status mvec_robust_claims(mvec_ctx *ctx, const mvec_claims *const *claims, size_t count,
                               mvec_robust **out)
{
    mvec_status status = MVEC_OK;
    mvec_robust *robust = NULL;
    scheme_value verdicts[MVEC_ROBUST_SCHEME_LIMIT];
    MVEC_TRY(robust_new(ctx, count, &robust));
    for (size_t s = 0; s < count; s++) {
        if (mvec_claims_country(claims[s]) != mvec_claims_country(claims[0]) ||
            mvec_claims_count(claims[s]) != mvec_claims_count(claims[0]))
            MVEC_FAIL(ctx, MVEC_ERR_INVALID,
                      "claim checks of different countries or claim "
                      "lists cannot be compared");
        MVEC_TRY(mvec__arena_strdup(ctx, &robust->arena, mvec_claims_scheme_name(claims[s]),
                                    &robust->scheme_names[s]));
    }
    for (size_t i = 0; i < mvec_claims_count(claims[0]); i++) {
        const char *id = mvec_claims_at(claims[0], i)->id;
        for (size_t s = 0; s < count; s++) {
            const mvec_claim_result *r = mvec_claims_at(claims[s], i);
            if (strcmp(r->id, id) != 0)
                MVEC_FAIL(ctx, MVEC_ERR_INVALID, "claim '%s' is not claim '%s'", r->id, id);
            const char *name = mvec_verdict_name(r->verdict);
            scheme_value v = {name, r->verdict != MVEC_VERDICT_UNDECIDABLE, name, NULL};
            verdicts[s] = v;
        }
        MVEC_TRY(add_conclusion(ctx, robust, MVEC_ROBUST_VERDICT, id, verdicts));
    }
    *out = robust;
    robust = NULL;
cleanup:
    mvec_robust_free(ctx, robust);
    return status;
}

void mvec_robust_free(mvec_ctx *ctx, mvec_robust *robust)
{
    if (robust == NULL)
        return;
    mvec__free(ctx, robust->conclusions);
    mvec__arena_clear(ctx, &robust->arena);
    mvec__free(ctx, robust);
}

size_t mvec_robust_scheme_count(const mvec_robust *robust)
{
    return robust->scheme_count;
}

const char *mvec_robust_scheme_name(const mvec_robust *robust, size_t scheme)
{
    return scheme < robust->scheme_count ? robust->scheme_names[scheme] : "";
}

size_t mvec_robust_count(const mvec_robust *robust)
{
    return robust->count;
}

const mvec_robust_conclusion *mvec_robust_at(const mvec_robust *robust, size_t index)
{
    return index < robust->count ? &robust->conclusions[index] : NULL;
}

size_t mvec_robust_count_outcome(const mvec_robust *robust, mvec_robust_outcome outcome)
{
    size_t n = 0;
    for (size_t i = 0; i < robust->count; i++)
        n += robust->conclusions[i].outcome == outcome ? 1u : 0u;
    return n;
}
