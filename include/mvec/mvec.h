/*
 * mvec.h - libmvec, the multi-vector balance library: the umbrella header.
 *
 * libmvec measures how a country's external dependence is spread across
 * partners and power blocs in each vector of its foreign relations (trade,
 * investment, debt, arms, energy routes, institutions, opinion), with every
 * figure traced to its source and every index bounded where the data are
 * incomplete. The headers below are the reference; docs/methods.md gives the
 * formulas, docs/formats.md the file formats, docs/library.md the rules of
 * the API in one place, examples/ small programs. mvec_ctx.h states the
 * rules of ownership, statuses and threads.
 *
 * ABI rule: within one soname (libmvec.so.0) a program built against older
 * headers keeps working with a newer library.
 *  - Options structs the caller fills in (mvec_countries_options,
 *    mvec_profile_options, mvec_claim_options, mvec_sources_filter) start
 *    with `size_t size`, set by their *_INIT macro: always start from the
 *    macro. Fields are only appended; the library reads the `size` bytes the
 *    caller's version has and gives later fields their defaults. A size of 0
 *    or one larger than the library knows is MVEC_ERR_INVALID.
 *  - Result structs are handed out only as const pointers by the library
 *    (mvec_country, mvec_observation, mvec_membership, mvec_vector_profile,
 *    mvec_composite, mvec_claim_result, mvec_robust_conclusion). Fields are
 *    only appended, so a program must not allocate them, copy them by value,
 *    or step from one to the next by pointer arithmetic: use the accessor
 *    with an index.
 *  - Index results (mvec_indices, mvec_index_bounds) start with `count`, set
 *    by their *_INIT macro to the header's MVEC_INDEX_COUNT, and end with the
 *    values: a new index is appended, the library fills the first `count`.
 *    A vector profile holds its bounds by pointer, so no field moves.
 *  - Frozen, never changed: the structs a program allocates or receives by
 *    value, and those that are array elements (mvec_interval, mvec_pool,
 *    mvec_memory_stats, mvec_sink, mvec_partner_share, mvec_alternative).
 *    New information about them comes as new functions or as new fields
 *    appended to the containing result.
 *  - The context's settings are made by setters (mvec_ctx_set_log, ...): a
 *    new setting comes as a new setter, not as a field.
 *  - Enum values are only appended; functions are never removed or changed.
 *    Anything else bumps the soname.
 */
#ifndef MVEC_H
#define MVEC_H

#define MVEC_VERSION_MAJOR 0
#define MVEC_VERSION_MINOR 1
#define MVEC_VERSION_PATCH 0

#include "mvec_export.h"
#include "mvec_status.h"
#include "mvec_ctx.h"
#include "mvec_country.h"
#include "mvec_bloc.h"
#include "mvec_obs.h"
#include "mvec_index.h"
#include "mvec_profile.h"
#include "mvec_claim.h"
#include "mvec_trend.h"
#include "mvec_write.h"
#include "mvec_robust.h"
#include "mvec_workspace.h"
#include "mvec_flows.h"
#include "mvec_flow_vectors.h"
#include "mvec_screen.h"
#include "mvec_composition.h"
#include "mvec_flow_query.h"
#include "mvec_rank.h"
#include "mvec_network.h"
#include "mvec_scenario.h"
#include "mvec_frontier.h"
#include "mvec_chart.h"
#include "mvec_report.h"

/* The library's version, "0.1.0" (may differ from the MVEC_VERSION_* of the
 * headers a program was built with). Cannot fail. */
MVEC_API const char *mvec_version(void);

#endif
