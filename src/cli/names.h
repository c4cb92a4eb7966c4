/*
 * names.h - wrong names and empty results: "did you mean" by prefix or edit distance,
 * the vectors a country has data for, the years with data.
 */
#ifndef MVEC_CLI_NAMES_H
#define MVEC_CLI_NAMES_H

#include <mvec/mvec.h>
#include <stdbool.h>

#include "options.h"

/* The one name that starts with `wrong` when exactly one does; else the
 * name closest to `wrong` by edit distance, or NULL when none is close
 * (more than a third of its length, and more than 2, edits away). Cost
 * O(count·|wrong|·|name|). */
const char *cli_closest_name(const char *wrong, const char *const *names, size_t count);

/* "mvec: unknown WHAT 'wrong'CONTEXT; did you mean 'x'?" and the valid names. */
void cli_unknown_name(const char *what, const char *wrong, const char *context,
                      const char *const *names, size_t count);

typedef enum cli_vector_use {
    CLI_VECTOR_DEFAULT, /* the command's default vector: the user named none */
    CLI_VECTOR_NAMED,   /* --vector of a command that builds a distribution */
    CLI_VECTOR_FILTER,  /* --vector as a filter of figures (any indicator) */
} cli_vector_use;

/* 0 when `country` (every country when NULL) has figures of `vector` (values
 * or shares in force, or any figure for a filter; memberships count for
 * "institutions"), or nothing at all (the caller's next step reports that);
 * else prints the vectors there are and returns 2 for a vector the user
 * named, 1 for the default one (1 too, with its own message, when the
 * country has only memberships). Cost O(n log n) in the observations. */
int cli_check_vector(const mvec_observations *observations, const mvec_memberships *memberships,
                     const mvec_country *country, const char *vector, cli_vector_use use);

/* 0 when every vector named in a --weights text ("v=w,...") is one the
 * country has figures of (malformed items are left to the library); else
 * prints the vectors there are and returns 2. */
int cli_check_weights(const mvec_observations *observations, const mvec_memberships *memberships,
                      const mvec_country *country, const char *weights);

/* 0 when the profile computed at least one vector from figures (or the
 * vector asked for by name); else prints why (no figures at all, only
 * memberships; no data in the year, naming the years with data; or each
 * vector's reason) and returns 1. */
int cli_check_profile(const mvec_profile *profile, const mvec_observations *observations,
                      const cli_args *args, const char *vector);

#endif
