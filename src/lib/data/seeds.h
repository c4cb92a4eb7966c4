/*
 * seeds.h - the seed articles (data/seeds.csv): who wrote each, where and
 * when, so output can cite an article rather than its file name.
 */
#ifndef MVEC_SEEDS_H
#define MVEC_SEEDS_H

#include "../mvec_internal.h"

/* "Linda Tjia and Guanie Lim, “Kazakhstan survives among the great powers”,
 * publication not named, 2024-12-03" for seed `file`; the parts the table
 * lacks are said to be unnamed; `file` itself when the table does not list
 * it. Cost: one parse of the (small) embedded table. */
mvec_status mvec__seed_citation(mvec_ctx *ctx, const char *file, mvec__buf *out);

#endif
