/*
 * fuzz_unctad_fdi.c - the unctad-fdi importer: its header row, then any text as its rows;
 * then the profile of the first row's country.
 */
#include "fuzz_importer.h"

FUZZ_IMPORTER("unctad-fdi", "\"reporter\",\"partner\",\"year\",\"FDI_inflows\",\"FDI_outflows\",\"FDI_instock\",\"FDI_outstock\"\n")
