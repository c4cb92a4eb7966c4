/*
 * fuzz_eurostat.c - Eurostat Comext monthly trade (the eurostat importer):
 * the fixed header row, then any text as its rows; then the profile.
 */
#include "fuzz_importer.h"

FUZZ_IMPORTER("eurostat", "reporter,partner_iso3,period,product,flow,stat_procedure,value_eur\n")
