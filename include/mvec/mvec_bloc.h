/*
 * mvec_bloc.h - bloc schemes (partitions of partners into power blocs) and
 * organisation memberships (overlapping sets with join years).
 *
 * A scheme assigns every code in the registry to exactly one bloc: the rows
 * of its CSV name codes (countries or organisations), and the row with code
 * `*` gives the bloc of everything not named. Some blocs are marked as great
 * powers; balance, lead margin and exposure are computed among those.
 * The built-in scheme `powers` (RUS-EAEU, CHN, WEST, TUR-OTS, GULF, OTHER) is
 * data/blocs/powers.csv, one rationale line per assignment; `treaties`
 * (RUS-CSTO, CHN, WEST, OTS, GULF, OTHER: blocs by treaty memberships) is
 * data/blocs/treaties.csv. mvec_robust.h compares results across schemes.
 *
 * Memberships are not a partition: Kazakhstan is in the EAEU, the SCO and
 * the OTS at once. They come from data/memberships.csv.
 */
#ifndef MVEC_BLOC_H
#define MVEC_BLOC_H

#include <stdbool.h>
#include <stddef.h>

#include "mvec_country.h"
#include "mvec_ctx.h"

typedef struct mvec_bloc_scheme mvec_bloc_scheme;

/* Most great-power blocs a scheme may mark; a scheme with more is rejected
 * when it is loaded (MVEC_ERR_LIMIT). The cost in their number N is stated in
 * mvec_profile.h. */
#define MVEC_GREAT_POWER_LIMIT 6

/* The names of the built-in schemes, data/blocs/<name>.csv: "powers" (the
 * default: blocs as the powers' own unions and spheres) and "treaties" (blocs
 * by treaty memberships: alliances, customs and economic unions), with their
 * count in *count. Cannot fail. */
MVEC_API const char *const *mvec_bloc_scheme_builtin_names(size_t *count);
/* Load the built-in scheme `name` (see mvec_bloc_scheme_builtin_names).
 * Statuses: MVEC_ERR_INVALID for an unknown name; MVEC_ERR_NOMEM;
 * MVEC_ERR_CANCELLED; MVEC_ERR_INTERNAL. */
MVEC_API mvec_status mvec_bloc_scheme_builtin(mvec_ctx *ctx, const mvec_countries *countries,
                                              const char *name, mvec_bloc_scheme **out);
/* Load a scheme from a CSV file (format in docs/formats.md).
 * Statuses: MVEC_ERR_IO when the file cannot be read; MVEC_ERR_SCHEMA for a
 * wrong header; MVEC_ERR_PARSE for a bad row ("file:line:column: what"),
 * among them two organisation rows in different blocs that share a member
 * in some year while that member has no row of its own; MVEC_ERR_LIMIT for
 * a field, record or file over its cap; MVEC_ERR_NOMEM; MVEC_ERR_CANCELLED;
 * MVEC_ERR_INTERNAL. */
MVEC_API mvec_status mvec_bloc_scheme_load(mvec_ctx *ctx, const mvec_countries *countries,
                                           const char *path, mvec_bloc_scheme **out);
/* NULL is a no-op. */
MVEC_API void mvec_bloc_scheme_free(mvec_ctx *ctx, mvec_bloc_scheme *scheme);

/* The accessors below cannot fail; `bloc` must be below mvec_bloc_count. */
MVEC_API const char *mvec_bloc_scheme_name(const mvec_bloc_scheme *scheme);
/* Blocs in the order of first appearance in the file. */
MVEC_API size_t mvec_bloc_count(const mvec_bloc_scheme *scheme);
MVEC_API const char *mvec_bloc_name(const mvec_bloc_scheme *scheme, size_t bloc);
MVEC_API bool mvec_bloc_is_great_power(const mvec_bloc_scheme *scheme, size_t bloc);
/* The code of the first row that names the bloc (RUS for RUS-EAEU), NULL for
 * a bloc only the default row names: what identifies "the same" bloc across
 * schemes that name it differently (mvec_robust.h). */
MVEC_API const mvec_country *mvec_bloc_anchor(const mvec_bloc_scheme *scheme, size_t bloc);
/* Bloc of a registry code in `year`: its own row's bloc; else, for a member
 * that year of an organisation whose row the scheme has and whose member list
 * data/memberships.csv holds (EU, EAEU), that row's bloc; else the default
 * bloc. Cost O(e · m) for e such organisation rows and m membership rows;
 * O(1) for codes with a row of their own. */
MVEC_API size_t mvec_bloc_of_year(const mvec_bloc_scheme *scheme, const mvec_country *country,
                                  int year);
/* The same for today's members (mvec_bloc_of_year with the current year's
 * memberships: members that have not left). */
MVEC_API size_t mvec_bloc_of(const mvec_bloc_scheme *scheme, const mvec_country *country);
/* The rationale written for the code's assignment ("" for the default rule's members). */
MVEC_API const char *mvec_bloc_rationale(const mvec_bloc_scheme *scheme,
                                         const mvec_country *country);

/* ---- memberships ----------------------------------------------------------------------- */

typedef struct mvec_membership {
    const mvec_country *organisation;
    const mvec_country *member;
    int joined;           /* first year of membership */
    int left;             /* last year of membership, 0 when still a member */
    const char *status;   /* "member", "founder", "partner", "observer", "agreement", ... */
    const char *source;   /* publication */
    const char *url;
    const char *quote;
    const char *quality;  /* official, media, secondary, low */
} mvec_membership;

typedef struct mvec_memberships mvec_memberships;

/* Load the built-in membership table (data/memberships.csv).
 * Statuses: MVEC_ERR_NOMEM; MVEC_ERR_CANCELLED; MVEC_ERR_INTERNAL. */
MVEC_API mvec_status mvec_memberships_builtin(mvec_ctx *ctx, const mvec_countries *countries,
                                              mvec_memberships **out);
/* NULL is a no-op. */
MVEC_API void mvec_memberships_free(mvec_ctx *ctx, mvec_memberships *memberships);
/* The accessors below cannot fail; mvec_memberships_at returns NULL past the end. */
MVEC_API size_t mvec_memberships_count(const mvec_memberships *memberships);
MVEC_API const mvec_membership *mvec_memberships_at(const mvec_memberships *memberships,
                                                    size_t index);
/* True when `member` has a tie of any status (member, founder, partner,
 * observer, agreement) with `organisation` in `year`: joined in or before
 * `year` and not left by its start. Cost O(m) in the membership rows. */
MVEC_API bool mvec_memberships_contains(const mvec_memberships *memberships,
                                        const mvec_country *organisation,
                                        const mvec_country *member, int year);
/* The same for full membership only (status member or founder): who the
 * organisation's member list holds in `year` (Kazakhstan's 2020 agreement
 * with the EU does not make it an EU member). Cost O(m). */
MVEC_API bool mvec_memberships_is_member(const mvec_memberships *memberships,
                                         const mvec_country *organisation,
                                         const mvec_country *member, int year);
/* True when the table defines the member list of `organisation` (so it can
 * serve as an aggregate partner, as the EU does). */
MVEC_API bool mvec_memberships_defines(const mvec_memberships *memberships,
                                       const mvec_country *organisation);

#endif
