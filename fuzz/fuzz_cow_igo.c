/*
 * fuzz_cow_igo.c - COW IGO v3 state-year file: a header with four IGO
 * columns, then any text as its rows (co-memberships paired in finish);
 * a seed may bring its own wider header. Then a profile.
 */
#include "fuzz_importer.h"

FUZZ_IMPORTER("cow-igo", "ccode,year,state,sco,csto,un,nato\n")
