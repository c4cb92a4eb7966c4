/*
 * fuzz_flows_cache.c - any bytes as a flow cache file (.mvf), read as such (fuzz_flows.h).
 */
#include "fuzz_flows.h"

FUZZ_FLOWS_FILE(".mvf")
