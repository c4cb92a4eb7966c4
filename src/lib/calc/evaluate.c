/*
 * evaluate.c - from one partner distribution to one vector's profile.
 *
 * Entries take roles (partner, total WLD, residual OTH, aggregate with a
 * known member list, or unused). Every combination of options (a scenario)
 * is evaluated: shares = values / total; the remainder is split into pools,
 * one for the unlisted members of each aggregate and one for everything
 * else; index and bloc bounds come from indices.c and bloc_bounds.c; results
 * are the union over scenarios (for the indices, every row of the index table:
 * union_bounds knows no index by name).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "distribution.h"

enum { SCENARIO_LIMIT = 4096 };
static const double VALUE_TOLERANCE = 1e-6;  /* slack for value-based remainders (shares) */
static const double SHARE_TOLERANCE = 1e-4;  /* slack for published, rounded shares */

/* ---- roles ------------------------------------------------------------------------------ */

enum role {
    ROLE_PARTNER,
    ROLE_TOTAL,
    ROLE_RESIDUAL,
    ROLE_AGGREGATE,
    ROLE_UNUSED,
};

/* ---- evaluation ------------------------------------------------------------------------- */

static const size_t ROOT = SIZE_MAX; /* the pool of the whole total, not an aggregate */

/* Everything about one distribution that does not depend on the scenario. */
typedef struct layout {
    size_t entry_count;
    enum role *role;
    size_t *partner_of_entry;     /* ROLE_PARTNER: index into partners */
    size_t *aggregate_of_entry;   /* ROLE_AGGREGATE: index into aggregates */
    const char **unused_reason;   /* ROLE_UNUSED */
    size_t total_entry;           /* SIZE_MAX when none */
    size_t residual_entry;        /* SIZE_MAX when none */
    /* listed partners */
    size_t partner_count;
    const mvec_country **partners;
    size_t *partner_atom;         /* ROOT or an aggregate index */
    size_t *partner_bloc;         /* SIZE_MAX for the focal country itself */
    /* aggregates kept (laminar family), largest first */
    size_t aggregate_count;
    size_t *aggregate_entry;
    size_t *aggregate_parent;     /* ROOT or an aggregate index */
    /* pools: one per aggregate, then the root (index aggregate_count) */
    size_t *slots;                /* (aggregate_count + 1) x bloc_count unlisted slots */
    size_t *slot_total;           /* aggregate_count + 1 */
    size_t bloc_count;
    bool *great_power;
} layout;

typedef struct scratch {
    size_t *choice;       /* option chosen per entry */
    double *value;        /* value per entry */
    double *partner_value;
    double *partner_share;
    bool *partner_top;    /* chosen value comes from a top-list row */
    mvec_pool *pools;
    double *bloc_listed;
    mvec_interval *bloc_shares;
} scratch;

static mvec_status alloc_array(mvec_ctx *ctx, mvec__arena *arena, size_t count, size_t size,
                               void *out)
{
    return mvec__arena_alloc(ctx, arena, (count ? count : 1) * size, out);
}

/* Members of `organisation` in `year` among current countries, by registry index. */
static mvec_status member_flags(mvec_ctx *ctx, mvec__arena *arena,
                                const mvec__evaluation_context *context,
                                const mvec_country *organisation, const mvec_country *focal,
                                int year, bool **out, size_t *member_count)
{
    size_t n = mvec_countries_count(context->countries);
    bool *flags = NULL;
    mvec_status status = alloc_array(ctx, arena, n, sizeof *flags, &flags);
    if (status != MVEC_OK)
        return status;
    *member_count = 0;
    for (size_t i = 0; i < n; i++) {
        const mvec_country *c = mvec_countries_at(context->countries, i);
        if (c->kind != MVEC_COUNTRY_CURRENT || c == focal)
            continue;
        flags[i] = mvec_memberships_is_member(context->memberships, organisation, c, year);
        *member_count += flags[i] ? 1u : 0u;
    }
    *out = flags;
    return MVEC_OK;
}

/* The registry country whose memberships a listed partner shares
 * (a pseudo-code counts as the ISO country it maps to). */
static size_t membership_index(const mvec__evaluation_context *context,
                               const mvec_country *partner)
{
    if (partner->kind == MVEC_COUNTRY_PSEUDO && partner->maps_to[0] != '\0') {
        const mvec_country *target = mvec_countries_find(context->countries, partner->maps_to);
        if (target != NULL)
            return mvec_countries_index(context->countries, target);
    }
    return mvec_countries_index(context->countries, partner);
}

static mvec_status build_layout(mvec_ctx *ctx, mvec__arena *arena,
                                const mvec__evaluation_context *context,
                                const mvec__distribution *d, layout *out)
{
    mvec_status status = MVEC_OK;
    size_t n = d->entry_count;
    size_t registry = mvec_countries_count(context->countries);
    bool **member_sets = NULL;
    size_t *member_counts = NULL;
    memset(out, 0, sizeof *out);
    out->entry_count = n;
    out->total_entry = SIZE_MAX;
    out->residual_entry = SIZE_MAX;
    out->bloc_count = mvec_bloc_count(context->scheme);
    MVEC_TRY(alloc_array(ctx, arena, n, sizeof *out->role, &out->role));
    MVEC_TRY(alloc_array(ctx, arena, n, sizeof *out->partner_of_entry, &out->partner_of_entry));
    MVEC_TRY(alloc_array(ctx, arena, n, sizeof *out->aggregate_of_entry,
                         &out->aggregate_of_entry));
    MVEC_TRY(alloc_array(ctx, arena, n, sizeof *out->unused_reason, &out->unused_reason));
    MVEC_TRY(alloc_array(ctx, arena, n, sizeof *out->partners, &out->partners));
    MVEC_TRY(alloc_array(ctx, arena, n, sizeof *out->partner_atom, &out->partner_atom));
    MVEC_TRY(alloc_array(ctx, arena, n, sizeof *out->partner_bloc, &out->partner_bloc));
    MVEC_TRY(alloc_array(ctx, arena, n, sizeof *out->aggregate_entry, &out->aggregate_entry));
    MVEC_TRY(alloc_array(ctx, arena, n, sizeof *out->aggregate_parent, &out->aggregate_parent));
    MVEC_TRY(alloc_array(ctx, arena, n, sizeof *member_sets, &member_sets));
    MVEC_TRY(alloc_array(ctx, arena, n, sizeof *member_counts, &member_counts));
    MVEC_TRY(alloc_array(ctx, arena, out->bloc_count, sizeof *out->great_power,
                         &out->great_power));
    for (size_t b = 0; b < out->bloc_count; b++)
        out->great_power[b] = mvec_bloc_is_great_power(context->scheme, b);

    bool has_country = false;
    for (size_t e = 0; e < n; e++)
        has_country = has_country || mvec__is_country_like(d->entries[e].partner);
    bool organisations_are_partners = d->organisations_are_partners || !has_country;

    /* Roles. */
    for (size_t e = 0; e < n; e++) {
        const mvec_country *p = d->entries[e].partner;
        if (strcmp(p->code, "WLD") == 0) {
            out->role[e] = d->share_based ? ROLE_UNUSED : ROLE_TOTAL;
            out->unused_reason[e] = "the whole is 100 % by definition";
            if (!d->share_based)
                out->total_entry = e;
        } else if (strcmp(p->code, "OTH") == 0) {
            out->role[e] = ROLE_RESIDUAL;
            out->residual_entry = e;
        } else if (mvec__is_country_like(p) || organisations_are_partners) {
            out->role[e] = ROLE_PARTNER;
        } else if (context->memberships != NULL &&
                   mvec_memberships_defines(context->memberships, p)) {
            out->role[e] = ROLE_AGGREGATE;
        } else {
            out->role[e] = ROLE_UNUSED;
            out->unused_reason[e] = "a group whose members mvec does not know";
        }
    }
    if (out->total_entry != SIZE_MAX && out->residual_entry != SIZE_MAX) {
        out->role[out->residual_entry] = ROLE_UNUSED;
        out->unused_reason[out->residual_entry] = "the total already fixes the rest";
        out->residual_entry = SIZE_MAX;
    }
    /* A partner given both as a whole (item "") and in parts: use the whole. */
    for (size_t e = 0; e < n; e++) {
        if (out->role[e] != ROLE_PARTNER || d->entries[e].item[0] == '\0')
            continue;
        for (size_t f = 0; f < n; f++)
            if (f != e && out->role[f] == ROLE_PARTNER &&
                d->entries[f].partner == d->entries[e].partner &&
                d->entries[f].item[0] == '\0') {
                out->role[e] = ROLE_UNUSED;
                out->unused_reason[e] = "a part of a partner also given as a whole";
            }
    }
    /* Listed partners (one per partner, items summed). */
    for (size_t e = 0; e < n; e++) {
        if (out->role[e] != ROLE_PARTNER)
            continue;
        size_t k = 0;
        while (k < out->partner_count && out->partners[k] != d->entries[e].partner)
            k++;
        if (k == out->partner_count) {
            const mvec_country *p = d->entries[e].partner;
            out->partners[k] = p;
            out->partner_bloc[k] =
                p == d->country ? SIZE_MAX : mvec_bloc_of_year(context->scheme, p, d->year);
            out->partner_atom[k] = ROOT;
            out->partner_count++;
        }
        out->partner_of_entry[e] = k;
    }
    /* Aggregates: largest first; keep a laminar family (nested or disjoint). */
    for (size_t e = 0; e < n; e++) {
        if (out->role[e] != ROLE_AGGREGATE)
            continue;
        bool *flags = NULL;
        size_t count = 0;
        MVEC_TRY(member_flags(ctx, arena, context, d->entries[e].partner, d->country, d->year,
                              &flags, &count));
        size_t a = out->aggregate_count;
        while (a > 0 && member_counts[a - 1] < count) {
            out->aggregate_entry[a] = out->aggregate_entry[a - 1];
            member_sets[a] = member_sets[a - 1];
            member_counts[a] = member_counts[a - 1];
            a--;
        }
        out->aggregate_entry[a] = e;
        member_sets[a] = flags;
        member_counts[a] = count;
        out->aggregate_count++;
    }
    size_t kept = 0;
    for (size_t a = 0; a < out->aggregate_count; a++) {
        size_t parent = ROOT;
        bool ok = member_counts[a] > 0;
        for (size_t k = 0; k < kept && ok; k++) {
            size_t inside = 0;
            for (size_t i = 0; i < registry; i++)
                inside += member_sets[a][i] && member_sets[k][i] ? 1u : 0u;
            if (inside == 0)
                continue;
            if (inside == member_counts[a] && member_counts[a] < member_counts[k])
                parent = k; /* later k are smaller: the innermost wins */
            else
                ok = false;
        }
        size_t e = out->aggregate_entry[a];
        if (!ok) {
            out->role[e] = ROLE_UNUSED;
            out->unused_reason[e] = "a group that overlaps another group of the distribution";
            continue;
        }
        out->aggregate_entry[kept] = e;
        member_sets[kept] = member_sets[a];
        member_counts[kept] = member_counts[a];
        out->aggregate_parent[kept] = parent;
        out->aggregate_of_entry[e] = kept;
        kept++;
    }
    out->aggregate_count = kept;
    /* Innermost aggregate of each listed partner; mark its registry country as listed. */
    bool *listed = NULL;
    MVEC_TRY(alloc_array(ctx, arena, registry, sizeof *listed, &listed));
    for (size_t k = 0; k < out->partner_count; k++) {
        size_t index = membership_index(context, out->partners[k]);
        if (index == SIZE_MAX)
            continue;
        listed[index] = true;
        for (size_t a = 0; a < kept; a++)
            if (member_sets[a][index])
                out->partner_atom[k] = a;
    }
    /* Unlisted slots per pool and bloc. */
    size_t pools = kept + 1;
    MVEC_TRY(alloc_array(ctx, arena, pools * out->bloc_count, sizeof *out->slots, &out->slots));
    MVEC_TRY(alloc_array(ctx, arena, pools, sizeof *out->slot_total, &out->slot_total));
    for (size_t i = 0; i < registry; i++) {
        const mvec_country *c = mvec_countries_at(context->countries, i);
        if (c->kind != MVEC_COUNTRY_CURRENT || c == d->country || listed[i])
            continue;
        size_t atom = kept; /* root pool */
        for (size_t a = 0; a < kept; a++)
            if (member_sets[a][i])
                atom = a;
        out->slots[atom * out->bloc_count + mvec_bloc_of_year(context->scheme, c, d->year)]++;
        out->slot_total[atom]++;
    }
cleanup:
    return status;
}

/* Values of one scenario into shares and pools; returns a reason when the
 * scenario is inconsistent, NULL when it is usable. */
static const char *scenario_shares(const layout *lay, const mvec__distribution *d,
                                   scratch *s, double *cap, char *reason, size_t reason_size)
{
    double tolerance = d->share_based ? SHARE_TOLERANCE : VALUE_TOLERANCE;
    for (size_t k = 0; k < lay->partner_count; k++) {
        s->partner_value[k] = 0;
        s->partner_top[k] = false;
    }
    for (size_t e = 0; e < lay->entry_count; e++) {
        const mvec__option *option = &d->entries[e].options[s->choice[e]];
        s->value[e] = option->value;
        if (lay->role[e] == ROLE_UNUSED)
            continue;
        if (option->value < 0) {
            snprintf(reason, reason_size, "negative value for %s", d->entries[e].partner->code);
            return reason;
        }
        if (lay->role[e] == ROLE_PARTNER) {
            size_t k = lay->partner_of_entry[e];
            s->partner_value[k] += option->value;
            for (size_t i = 0; i < option->source_count; i++)
                s->partner_top[k] = s->partner_top[k] || option->sources[i]->top_list;
        }
    }
    /* The whole. */
    double total;
    if (d->share_based) {
        total = 1.0;
    } else if (lay->total_entry != SIZE_MAX) {
        total = s->value[lay->total_entry];
    } else if (d->complete) {
        total = 0;
        for (size_t k = 0; k < lay->partner_count; k++)
            total += s->partner_value[k];
    } else if (lay->residual_entry != SIZE_MAX) {
        total = s->value[lay->residual_entry];
        for (size_t k = 0; k < lay->partner_count; k++)
            if (lay->partner_atom[k] == ROOT)
                total += s->partner_value[k];
        for (size_t a = 0; a < lay->aggregate_count; a++)
            if (lay->aggregate_parent[a] == ROOT)
                total += s->value[lay->aggregate_entry[a]];
    } else {
        snprintf(reason, reason_size, "no total (WLD) to divide by");
        return reason;
    }
    if (!(total > 0)) {
        snprintf(reason, reason_size, "the total is zero");
        return reason;
    }
    for (size_t k = 0; k < lay->partner_count; k++)
        s->partner_share[k] = s->partner_value[k] / total;
    /* Pools: each aggregate's own unlisted remainder, then the root's. The
     * root's is 1 minus everything listed at the top level, which is also
     * the residual's share when the total was built from OTH. */
    size_t pools = lay->aggregate_count + 1;
    for (size_t g = 0; g < pools; g++) {
        size_t owner = g < lay->aggregate_count ? g : ROOT;
        double mass = owner == ROOT ? 1.0 : s->value[lay->aggregate_entry[g]] / total;
        for (size_t k = 0; k < lay->partner_count; k++)
            if (lay->partner_atom[k] == owner)
                mass -= s->partner_share[k];
        for (size_t a = 0; a < lay->aggregate_count; a++)
            if (lay->aggregate_parent[a] == owner)
                mass -= s->value[lay->aggregate_entry[a]] / total;
        const char *where = owner == ROOT ? "the total"
                                          : d->entries[lay->aggregate_entry[g]].partner->code;
        if (mass < -tolerance) {
            snprintf(reason, reason_size, "listed values exceed %s by %.4g %%", where,
                     -mass * 100);
            return reason;
        }
        if (mass <= tolerance)
            mass = 0; /* rounding in the source, not a partner */
        if (mass > 0 && lay->slot_total[g] == 0) {
            snprintf(reason, reason_size,
                     "%.4g %% of %s is left over but every possible partner is listed",
                     mass * 100, where);
            return reason;
        }
        s->pools[g].mass = mass;
        s->pools[g].slots = lay->slot_total[g];
    }
    /* A top list caps every unlisted partner at the smallest listed share. */
    *cap = INFINITY;
    for (size_t k = 0; k < lay->partner_count; k++)
        if (s->partner_top[k] && s->partner_share[k] < *cap)
            *cap = s->partner_share[k];
    for (size_t g = 0; g < pools; g++) {
        s->pools[g].cap = *cap;
        if (s->pools[g].mass > 0 && isfinite(*cap) &&
            s->pools[g].mass > (double)s->pools[g].slots * *cap * (1 + 1e-9)) {
            snprintf(reason, reason_size,
                     "the top list cannot hold the remainder (%.4g %% over %zu partners of at "
                     "most %.4g %%)",
                     s->pools[g].mass * 100, s->pools[g].slots, *cap * 100);
            return reason;
        }
    }
    return NULL;
}

static void union_into(mvec_interval *target, mvec_interval value, bool first)
{
    *target = first ? value : mvec_interval_union(*target, value);
}

/* Every index of the table combines over scenarios by union. */
static void union_bounds(mvec_index_bounds *target, const mvec_index_bounds *value, bool first)
{
    for (size_t i = 0; i < MVEC_INDEX_COUNT; i++)
        union_into(&target->value[i], value->value[i], first);
}

static int compare_partner_shares(const void *a, const void *b)
{
    const mvec_partner_share *x = a;
    const mvec_partner_share *y = b;
    if (x->share.hi > y->share.hi || x->share.hi < y->share.hi)
        return x->share.hi > y->share.hi ? -1 : 1;
    if (x->share.lo > y->share.lo || x->share.lo < y->share.lo)
        return x->share.lo > y->share.lo ? -1 : 1;
    return strcmp(x->partner->code, y->partner->code);
}

static mvec_status collect_inputs(mvec_ctx *ctx, mvec__arena *arena,
                                  const mvec__distribution *d, const layout *lay,
                                  mvec_vector_profile *result)
{
    size_t count = 0;
    for (size_t e = 0; e < d->entry_count; e++)
        for (size_t o = 0; o < d->entries[e].option_count; o++)
            count += d->entries[e].options[o].source_count;
    const mvec_observation **inputs = NULL;
    mvec_status status = alloc_array(ctx, arena, count, sizeof *inputs, &inputs);
    if (status != MVEC_OK)
        return status;
    size_t n = 0;
    for (size_t e = 0; e < d->entry_count; e++)
        for (size_t o = 0; o < d->entries[e].option_count; o++)
            for (size_t i = 0; i < d->entries[e].options[o].source_count; i++)
                inputs[n++] = d->entries[e].options[o].sources[i];
    (void)lay;
    result->inputs = inputs;
    result->input_count = n;
    /* Copies, so the profile does not depend on the distribution set. */
    const mvec_observation **excluded = NULL;
    const mvec_membership **memberships = NULL;
    status = alloc_array(ctx, arena, d->excluded_count, sizeof *excluded, &excluded);
    if (status == MVEC_OK)
        status = alloc_array(ctx, arena, d->membership_count, sizeof *memberships, &memberships);
    if (status != MVEC_OK)
        return status;
    for (size_t i = 0; i < d->excluded_count; i++)
        excluded[i] = d->excluded[i];
    for (size_t i = 0; i < d->membership_count; i++)
        memberships[i] = d->memberships[i];
    result->excluded = excluded;
    result->excluded_count = d->excluded_count;
    result->memberships = memberships;
    result->membership_count = d->membership_count;
    return MVEC_OK;
}

mvec_status mvec__distribution_evaluate(mvec_ctx *ctx, const mvec__evaluation_context *context,
                                        const mvec__distribution *d, mvec__arena *arena,
                                        mvec_vector_profile *result, mvec__points *vertices)
{
    mvec_status status = MVEC_OK;
    layout lay;
    scratch s;
    mvec__points scenario_vertices = MVEC__POINTS_INIT(0);
    char reason[256];
    const char *first_reason = NULL;
    double *listed = NULL;
    memset(&s, 0, sizeof s);
    memset(result, 0, sizeof *result);
    result->vector = d->vector;
    result->year = d->year;
    result->period = d->period;
    result->basis = d->basis;
    result->dimension = d->dimension;
    result->table = d->table;
    result->from_memberships = d->membership_count > 0 || d->organisations_are_partners;
    result->leader = SIZE_MAX;
    result->cap = INFINITY;
    mvec_index_bounds *indices = NULL;
    MVEC_TRY(mvec__arena_alloc(ctx, arena, sizeof *indices, &indices));
    indices->count = MVEC_INDEX_COUNT;
    for (size_t i = 0; i < MVEC_INDEX_COUNT; i++)
        indices->value[i].lo = indices->value[i].hi = NAN;
    result->indices = indices;
    MVEC_TRY(build_layout(ctx, arena, context, d, &lay));
    MVEC_TRY(collect_inputs(ctx, arena, d, &lay, result));
    size_t blocs = lay.bloc_count;
    size_t pools = lay.aggregate_count + 1;
    MVEC_TRY(alloc_array(ctx, arena, d->entry_count, sizeof *s.choice, &s.choice));
    MVEC_TRY(alloc_array(ctx, arena, d->entry_count, sizeof *s.value, &s.value));
    MVEC_TRY(alloc_array(ctx, arena, lay.partner_count, sizeof *s.partner_value,
                         &s.partner_value));
    MVEC_TRY(alloc_array(ctx, arena, lay.partner_count, sizeof *s.partner_share,
                         &s.partner_share));
    MVEC_TRY(alloc_array(ctx, arena, lay.partner_count, sizeof *s.partner_top, &s.partner_top));
    MVEC_TRY(alloc_array(ctx, arena, pools, sizeof *s.pools, &s.pools));
    MVEC_TRY(alloc_array(ctx, arena, blocs, sizeof *s.bloc_listed, &s.bloc_listed));
    MVEC_TRY(alloc_array(ctx, arena, blocs, sizeof *s.bloc_shares, &s.bloc_shares));
    MVEC_TRY(alloc_array(ctx, arena, lay.partner_count, sizeof *listed, &listed));
    mvec_partner_share *partners = NULL;
    mvec_interval *bloc_shares = NULL;
    MVEC_TRY(alloc_array(ctx, arena, lay.partner_count, sizeof *partners, &partners));
    MVEC_TRY(alloc_array(ctx, arena, blocs, sizeof *bloc_shares, &bloc_shares));
    for (size_t k = 0; k < lay.partner_count; k++) {
        partners[k].partner = lay.partners[k];
        partners[k].bloc = lay.partner_bloc[k];
    }

    if (lay.partner_count == 0) {
        result->status = "no partner listed (only totals or groups)";
        goto cleanup;
    }
    /* Scenarios: the mixed-radix counter over entries with several options. */
    size_t scenarios = 1;
    for (size_t e = 0; e < d->entry_count; e++) {
        if (lay.role[e] == ROLE_UNUSED)
            continue;
        size_t options = d->entries[e].option_count;
        if (scenarios > SCENARIO_LIMIT / options) {
            result->status = "too many combinations of conflicting values (more than 4096)";
            goto cleanup;
        }
        scenarios *= options;
    }
    bool any = false;
    size_t leader = SIZE_MAX;
    bool leader_agrees = true;
    for (size_t scenario = 0; scenario < scenarios; scenario++) {
        size_t rest = scenario;
        for (size_t e = 0; e < d->entry_count; e++) {
            size_t options = lay.role[e] == ROLE_UNUSED ? 1 : d->entries[e].option_count;
            s.choice[e] = rest % options;
            rest /= options;
        }
        double cap = INFINITY;
        const char *problem = scenario_shares(&lay, d, &s, &cap, reason, sizeof reason);
        if (problem != NULL) {
            if (first_reason == NULL)
                MVEC_TRY(mvec__arena_strdup(ctx, arena, problem, &first_reason));
            continue;
        }
        /* Partner-level indices. */
        mvec_index_bounds bounds = MVEC_INDEX_BOUNDS_INIT;
        for (size_t k = 0; k < lay.partner_count; k++)
            listed[k] = s.partner_share[k];
        status = mvec_index_bounds_compute(ctx, listed, lay.partner_count, s.pools, pools,
                                           &bounds);
        if (status == MVEC_ERR_INVALID) {
            /* The data of this scenario contradict themselves (e.g. a top list whose
             * smallest share is 0 beside a positive remainder): the scenario is
             * dropped with the reason, never the whole command. */
            if (first_reason == NULL) {
                snprintf(reason, sizeof reason, "inconsistent values: %s",
                         mvec_ctx_error_message(ctx));
                MVEC_TRY(mvec__arena_strdup(ctx, arena, reason, &first_reason));
            }
            mvec_ctx_clear_error(ctx);
            status = MVEC_OK;
            continue;
        }
        MVEC_TRY(status);
        union_bounds(indices, &bounds, !any);
        for (size_t k = 0; k < lay.partner_count; k++) {
            mvec_interval share = {s.partner_share[k], s.partner_share[k]};
            union_into(&partners[k].share, share, !any);
        }
        double unlisted_mass = 0;
        double largest_unlisted = 0;
        for (size_t g = 0; g < pools; g++) {
            unlisted_mass += s.pools[g].mass;
            double piece = isfinite(cap) && cap < s.pools[g].mass ? cap : s.pools[g].mass;
            if (piece > largest_unlisted)
                largest_unlisted = piece;
        }
        mvec_interval unlisted = {unlisted_mass, unlisted_mass};
        mvec_interval largest = {0, largest_unlisted};
        union_into(&result->unlisted, unlisted, !any);
        union_into(&result->largest_unlisted, largest, !any);
        if (isfinite(cap))
            result->cap = !any || !isfinite(result->cap) ? cap
                                                          : (cap > result->cap ? cap
                                                                               : result->cap);
        /* Blocs. */
        double domestic = 0;
        for (size_t b = 0; b < blocs; b++)
            s.bloc_listed[b] = 0;
        for (size_t k = 0; k < lay.partner_count; k++) {
            if (lay.partner_bloc[k] == SIZE_MAX)
                domestic += s.partner_share[k];
            else
                s.bloc_listed[lay.partner_bloc[k]] += s.partner_share[k];
        }
        mvec__bloc_input input = {
            .bloc_count = blocs,
            .great_power = lay.great_power,
            .listed = s.bloc_listed,
            .pool_count = pools,
            .pools = s.pools,
            .pool_slots = lay.slots,
        };
        mvec_interval exposure;
        mvec__bloc_share_bounds(&input, s.bloc_shares, &exposure);
        for (size_t b = 0; b < blocs; b++)
            union_into(&bloc_shares[b], s.bloc_shares[b], !any);
        union_into(&result->exposure, exposure, !any);
        mvec_interval domestic_share = {domestic, domestic};
        union_into(&result->domestic, domestic_share, !any);
        scenario_vertices.count = 0;
        MVEC_TRY(mvec__bloc_vertices(ctx, &input, &scenario_vertices));
        mvec__balance_result balance;
        status = mvec__balance_bounds(ctx, &scenario_vertices, &balance);
        if (status == MVEC_ERR_SOLVER) { /* this vector fails; the others are computed */
            mvec_ctx_clear_error(ctx);
            result->status = "the linear-programming solver (GLPK) failed on this vector";
            status = MVEC_OK;
            goto cleanup;
        }
        MVEC_TRY(status);
        union_into(&result->balance, balance.balance, !any);
        union_into(&result->margin, balance.margin, !any);
        if (!any)
            leader = balance.leader;
        else if (leader != balance.leader)
            leader_agrees = false;
        if (vertices != NULL) {
            vertices->dim = scenario_vertices.dim;
            for (size_t i = 0; i < scenario_vertices.count; i++)
                MVEC_TRY(mvec__points_add_unique(ctx, vertices,
                                                 scenario_vertices.data +
                                                     i * scenario_vertices.dim));
        }
        result->scenario_count++;
        any = true;
    }
    if (!any) {
        result->status = first_reason ? first_reason : "no usable values";
        goto cleanup;
    }
    /* The leader is reported as a bloc index of the scheme. */
    if (leader_agrees && leader != SIZE_MAX) {
        for (size_t b = 0, p = 0; b < blocs; b++) {
            if (!lay.great_power[b])
                continue;
            if (p++ == leader)
                result->leader = b;
        }
    }
    qsort(partners, lay.partner_count, sizeof *partners, compare_partner_shares);
    result->partners = partners;
    result->partner_count = lay.partner_count;
    result->bloc_shares = bloc_shares;
cleanup:
    mvec__points_clear(ctx, &scenario_vertices);
    return status;
}
