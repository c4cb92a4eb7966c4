/*
 * fuzz_flows_zip.c - any bytes as a zip flow file, read as such (fuzz_flows.h).
 */
#include "fuzz_flows.h"

FUZZ_FLOWS_FILE(".zip")
