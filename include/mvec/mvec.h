/*
 * mvec.h - libmvec, the multi-vector balance library: the umbrella header.
 *
 * libmvec measures how a country's external dependence is spread across
 * partners and power blocs in each vector of its foreign relations (trade,
 * investment, debt, arms, energy routes, institutions, opinion), with every
 * figure traced to its source and every index bounded where the data are
 * incomplete. The headers below are the reference; docs/methods.md gives the
 * formulas, docs/formats.md the file formats, examples/ small programs.
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
#include "mvec_write.h"

/* "0.1.0" */
MVEC_API const char *mvec_version(void);

#endif
