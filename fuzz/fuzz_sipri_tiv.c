/*
 * fuzz_sipri_tiv.c - the sipri-tiv importer: its header row, then any text as its rows;
 * then the profile of the first row's country.
 */
#include "fuzz_importer.h"

FUZZ_IMPORTER("sipri-tiv", "supplier,recipient,year,value,supplier_cown,recipient_cown,supplier_lon,supplier_lat,recipient_lon,recipient_lat\n")
