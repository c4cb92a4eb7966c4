/*
 * fuzz_aiddata.c - the aiddata importer: its header row, then any text as its rows;
 * then the profile of the first row's country.
 */
#include "fuzz_importer.h"

FUZZ_IMPORTER("aiddata", "ccode,year,oof_amt,oof_adj,oda_amt,oda_adj,vof_amt,vof_adj\n")
