/*
 * fuzz_pew.c - Pew Global Attitudes favourability (country-wave shares):
 * the fixed header row, then any text as its rows; then a profile.
 */
#include "fuzz_importer.h"

FUZZ_IMPORTER("pew", "\"wave\",\"country_iso3\",\"target\",\"n\",\"very_favorable\","
                     "\"somewhat_favorable\",\"somewhat_unfavorable\",\"very_unfavorable\","
                     "\"dont_know\",\"refused\"\n")
