/*
 * fuzz_itpd.c - ITPD-E bilateral totals: the fixed header row, then any
 * text as its rows; then the profile of the first row's country.
 */
#include "fuzz_importer.h"

FUZZ_IMPORTER("itpd", "year,exporter_iso3,importer_iso3,trade_usd2010\n")
