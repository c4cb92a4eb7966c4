/*
 * fuzz_flows_gzip.c - any bytes as a gzip flow file, read as such (fuzz_flows.h).
 */
#include "fuzz_flows.h"

FUZZ_FLOWS_FILE(".csv.gz")
