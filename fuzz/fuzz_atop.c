/*
 * fuzz_atop.c - ATOP alliance dyad-years: the fixed header row, then any
 * text as its rows (ties deduplicated in finish); then a profile.
 */
#include "fuzz_importer.h"

FUZZ_IMPORTER("atop",
              "\"year\",\"state_a\",\"cow_a\",\"iso3_a\",\"state_b\",\"cow_b\",\"iso3_b\"\n")
