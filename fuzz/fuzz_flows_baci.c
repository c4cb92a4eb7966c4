/*
 * fuzz_flows_baci.c - CEPII BACI rows (t,i,j,k,v,q); read with 1 and 3 threads,
 * which must agree (fuzz_flows.h).
 */
#include "fuzz_flows.h"

FUZZ_FLOWS_CSV("t,i,j,k,v,q\n")
