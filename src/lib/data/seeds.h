/*
 * seeds.h - the seed articles (data/seeds.csv): who wrote each, where and
 * when, so output can cite an article rather than its file name.
 */
#ifndef MVEC_SEEDS_H
#define MVEC_SEEDS_H

#include "../mvec_internal.h"

/* The citation of each of `count` seed files, in one read of the embedded
 * table: out[i] is "Linda Tjia and Guanie Lim, “Kazakhstan survives among
 * the great powers”, publication not named, 2024-12-03" (the parts the
 * table lacks are said to be unnamed), or files[i] itself when the table does
 * not list it. Each out[i] is allocated; free them with
 * mvec__seed_citations_free (on failure none is left). Cost O(rows x count). */
mvec_status mvec__seed_citations(mvec_ctx *ctx, const char *const *files, size_t count,
                                 char **out);
void mvec__seed_citations_free(mvec_ctx *ctx, char **citations, size_t count);

#endif
