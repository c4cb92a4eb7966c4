/*
 * test_data_bounds.c - the built-in data do not contradict their own
 * sources: no row in force gives a bound (">", "<", ...) that another row of
 * the same publication (same URL, vector, year, period and partner) breaks:
 * either a value of the same indicator and dimension, or, for a share bound,
 * the share that a value of that publication makes of every whole-year
 * reporter total (WLD) of the year. Found this way, and fixed in data/kaz:
 * News Central Asia's EU "> 40 %" of 2022 trade against its own 40 USD bn
 * (29.5 %), the Astana Times' "> 30 %" against its own 39.9 USD bn.
 */
#include <mvec/mvec.h>

#include "test.h"

static const mvec_observations *store;

static bool is_bound(const mvec_observation *o)
{
    return o->qualifier == MVEC_QUALIFIER_ABOVE || o->qualifier == MVEC_QUALIFIER_AT_LEAST ||
           o->qualifier == MVEC_QUALIFIER_BELOW || o->qualifier == MVEC_QUALIFIER_AT_MOST;
}

/* Whether `x` satisfies the bound `b` (in base units); 0.5 % slack for rounding. */
static bool within(const mvec_observation *b, double x)
{
    double bound = b->base_value;
    double slack = 0.005 * fabs(bound);
    switch (b->qualifier) {
    case MVEC_QUALIFIER_ABOVE:
    case MVEC_QUALIFIER_AT_LEAST:
        return x >= bound - slack;
    case MVEC_QUALIFIER_BELOW:
    case MVEC_QUALIFIER_AT_MOST:
        return x <= bound + slack;
    case MVEC_QUALIFIER_EXACT:
    case MVEC_QUALIFIER_ABOUT:
        return true;
    }
    return true;
}

static bool same_publication(const mvec_observation *a, const mvec_observation *b)
{
    return a != b && !b->superseded && a->url[0] != '\0' && strcmp(a->url, b->url) == 0 &&
           a->country == b->country && strcmp(a->vector, b->vector) == 0 && a->year == b->year &&
           strcmp(a->period, b->period) == 0 && strcmp(a->item, b->item) == 0;
}

static void check_bound(const mvec_observation *b)
{
    size_t n = mvec_observations_count(store);
    for (size_t i = 0; i < n; i++) {
        const mvec_observation *o = mvec_observations_at(store, i);
        if (!same_publication(b, o) || o->partner != b->partner || is_bound(o))
            continue;
        if (strcmp(o->indicator, b->indicator) == 0 && strcmp(o->dimension, b->dimension) == 0) {
            test_checks++;
            if (!within(b, o->base_value)) {
                test_failures++;
                fprintf(stderr, "%s:%zu: bound %s %g contradicts %s:%zu (%g)\n", b->file, b->line,
                        mvec_qualifier_symbol(b->qualifier), b->value, o->file, o->line, o->value);
            }
        }
        if (strcmp(b->indicator, "share") != 0 || strcmp(o->indicator, "value") != 0)
            continue;
        /* A share bound against the publication's own value over every total. */
        for (size_t t = 0; t < n; t++) {
            const mvec_observation *total = mvec_observations_at(store, t);
            if (total->superseded || strcmp(total->partner->code, "WLD") != 0 ||
                total->country != b->country || strcmp(total->vector, b->vector) != 0 ||
                total->year != b->year || total->period[0] != '\0' || b->period[0] != '\0' ||
                total->basis != MVEC_BASIS_REPORTER || strcmp(total->indicator, "value") != 0 ||
                strcmp(total->dimension, o->dimension) != 0 || is_bound(total))
                continue;
            test_checks++;
            double share = o->base_value / total->base_value;
            if (!within(b, share)) {
                test_failures++;
                fprintf(stderr, "%s:%zu: bound %s %g %% contradicts %s:%zu: %g of %g = %.1f %%\n",
                        b->file, b->line, mvec_qualifier_symbol(b->qualifier), b->value, o->file,
                        o->line, o->value, total->value, 100 * share);
            }
        }
    }
}

int main(void)
{
    mvec_ctx *ctx = mvec_ctx_new(NULL, NULL);
    mvec_countries *countries = NULL;
    mvec_observations *observations = NULL;
    if (mvec_countries_open(ctx, NULL, &countries) != MVEC_OK ||
        mvec_observations_new(ctx, countries, &observations) != MVEC_OK ||
        mvec_observations_load_embedded(ctx, observations) != MVEC_OK) {
        fprintf(stderr, "%s\n", mvec_ctx_error_message(ctx));
        return 1;
    }
    store = observations;
    size_t bounds = 0;
    for (size_t i = 0; i < mvec_observations_count(observations); i++) {
        const mvec_observation *o = mvec_observations_at(observations, i);
        if (is_bound(o) && !o->superseded) {
            bounds++;
            check_bound(o);
        }
    }
    CHECK(bounds > 40); /* the data hold about fifty bounds: the loop saw them */
    mvec_observations_free(ctx, observations);
    mvec_countries_free(ctx, countries);
    mvec_ctx_free(ctx);
    return test_report("test_data_bounds");
}
