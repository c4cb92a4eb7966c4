/*
 * fuzz_flows_comtrade.c - rows of a UN Comtrade data API / bulk CSV (flow_readers.c,
 * its row filters in flow_select.c); read with 1 and 3 threads, which must agree
 * (fuzz_flows.h). Its seeds include the legacy layout, which carries its own header.
 */
#include "fuzz_flows.h"

FUZZ_FLOWS_CSV("typeCode,freqCode,refPeriodId,refYear,refMonth,period,reporterCode,reporterISO,"
               "reporterDesc,flowCode,flowDesc,partnerCode,partnerISO,partnerDesc,partner2Code,"
               "partner2ISO,partner2Desc,classificationCode,classificationSearchCode,"
               "isOriginalClassification,cmdCode,cmdDesc,aggrLevel,isLeaf,customsCode,customsDesc,"
               "mosCode,motCode,motDesc,qtyUnitCode,qtyUnitAbbr,qty,isQtyEstimated,altQtyUnitCode,"
               "altQtyUnitAbbr,altQty,isAltQtyEstimated,netWgt,isNetWgtEstimated,grossWgt,"
               "isGrossWgtEstimated,cifvalue,fobvalue,primaryValue,legacyEstimationFlag,isReported,"
               "isAggregate\n")
