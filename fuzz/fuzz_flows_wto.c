/*
 * fuzz_flows_wto.c - the WTO's bilateral imports by HS chapter; read with 1 and 3 threads,
 * which must agree (fuzz_flows.h).
 */
#include "fuzz_flows.h"

FUZZ_FLOWS_CSV("year,reporter_m49,partner_m49,hs2,value_usd\n")
