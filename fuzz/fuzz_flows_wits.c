/*
 * fuzz_flows_wits.c - rows of a World Bank WITS download (UN Comtrade by HS4); read with 1 and
 * 3 threads, which must agree (fuzz_flows.h).
 */
#include "fuzz_flows.h"

FUZZ_FLOWS_CSV("Nomenclature,ReporterISO3,ProductCode,ReporterName,PartnerISO3,PartnerName,Year,"
               "TradeFlowName,TradeFlowCode,TradeValuein1000USD,PartnerRegion,PartnerIncomeGroup\n")
