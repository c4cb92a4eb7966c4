/*
 * fuzz_ei_gas.c - the Energy Institute pipeline gas matrix (the ei-gas
 * importer): a small header of importer columns (countries, the EU, a
 * region, the total), then any text as exporter rows; then the profile.
 */
#include "fuzz_importer.h"

FUZZ_IMPORTER("ei-gas", "Country,China,Russian Federation,EU,Other CIS,Kazakhstan,Total\n")
