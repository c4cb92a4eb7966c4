/*
 * flow_readers.c - the flow readers, one row each: which header columns a
 * format has, what each feeds, the units of its numbers, and (for sources
 * that mix bilateral rows with totals and breakdowns) which rows it keeps.
 * A new format is a new row (and, when its codes or numbers are written
 * differently, a new case in flow_parse.c). The reader is chosen by the
 * header: every required column present, every other column known to the
 * reader.
 */
#include <string.h>

#include "flows_internal.h"

/* CEPII BACI: t,i,j,k,v,q; v in thousands of USD with 3 decimals, q in
 * tonnes with 3 decimals. Extracts add the partner's name and the product's
 * description (ksreyes/adb-kaz-gvc). */
static const struct mvec__flow_column BACI_COLUMNS[] = {
    {"t", FLOW_YEAR, true},       {"i", FLOW_EXPORTER, true}, {"j", FLOW_IMPORTER, true},
    {"k", FLOW_PRODUCT, true},    {"v", FLOW_VALUE, true},    {"q", FLOW_QUANTITY, false},
    {"name", FLOW_SKIP, false},   {"hs02_desc", FLOW_SKIP, false},
    {NULL, FLOW_SKIP, false},
};

/* WTO Integrated Data Base, bilateral imports by HS chapter (HS_M_0010):
 * the reporter is the importer; value_usd in US dollars ("25866430.0"). The
 * long file has 5 columns, the named slices 8. */
static const struct mvec__flow_column WTO_COLUMNS[] = {
    {"year", FLOW_YEAR, true},        {"reporter_m49", FLOW_IMPORTER, true},
    {"partner_m49", FLOW_EXPORTER, true}, {"hs2", FLOW_PRODUCT, true},
    {"value_usd", FLOW_VALUE, true},  {"reporter", FLOW_SKIP, false},
    {"partner", FLOW_SKIP, false},    {"product", FLOW_SKIP, false},
    {NULL, FLOW_SKIP, false},
};

/* World Bank WITS downloads of UN Comtrade, one reporter, one row per reporter x partner x
 * product x year x direction; TradeValuein1000USD in thousands of USD. */
static const struct mvec__flow_column WITS_COLUMNS[] = {
    {"Nomenclature", FLOW_EDITION, true},       {"ReporterISO3", FLOW_REPORTER, true},
    {"ProductCode", FLOW_PRODUCT, true},        {"ReporterName", FLOW_SKIP, false},
    {"PartnerISO3", FLOW_PARTNER, true},        {"PartnerName", FLOW_SKIP, false},
    {"Year", FLOW_YEAR, true},                  {"TradeFlowName", FLOW_SKIP, false},
    {"TradeFlowCode", FLOW_DIRECTION, true},    {"TradeValuein1000USD", FLOW_VALUE, true},
    {"PartnerRegion", FLOW_SKIP, false},        {"PartnerIncomeGroup", FLOW_SKIP, false},
    {NULL, FLOW_SKIP, false},
};

/* UN Comtrade (comtradeplus.un.org), the data API v1 / bulk layout as documented (the
 * comtradeapicall package's getFinalData columns): one row per reporter x partner x
 * partner2 x flow x commodity x customs procedure x transport mode x period. */
static const struct mvec__flow_column COMTRADE_COLUMNS[] = {
    {"typeCode", FLOW_SKIP, false},        {"freqCode", FLOW_SKIP, false},
    {"refPeriodId", FLOW_SKIP, false},     {"refYear", FLOW_YEAR, true},
    {"refMonth", FLOW_SKIP, false},        {"period", FLOW_SKIP, false},
    {"reporterCode", FLOW_REPORTER, true}, {"reporterISO", FLOW_SKIP, false},
    {"reporterDesc", FLOW_SKIP, false},
    {"flowCode", FLOW_DIRECTION, true},    {"flowDesc", FLOW_SKIP, false},
    {"partnerCode", FLOW_PARTNER, true},   {"partnerISO", FLOW_SKIP, false},
    {"partnerDesc", FLOW_SKIP, false},     {"partner2Code", FLOW_SKIP, false},
    {"partner2ISO", FLOW_SKIP, false},     {"partner2Desc", FLOW_SKIP, false},
    {"classificationCode", FLOW_EDITION, true}, {"classificationSearchCode", FLOW_SKIP, false},
    {"isOriginalClassification", FLOW_SKIP, false}, {"cmdCode", FLOW_PRODUCT, true},
    {"cmdDesc", FLOW_SKIP, false},         {"aggrLevel", FLOW_SKIP, true},
    {"isLeaf", FLOW_SKIP, false},          {"customsCode", FLOW_SKIP, false},
    {"customsDesc", FLOW_SKIP, false},     {"mosCode", FLOW_SKIP, false},
    {"motCode", FLOW_SKIP, false},         {"motDesc", FLOW_SKIP, false},
    {"qtyUnitCode", FLOW_SKIP, false},     {"qtyUnitAbbr", FLOW_SKIP, false},
    {"qty", FLOW_SKIP, false},             {"isQtyEstimated", FLOW_SKIP, false},
    {"altQtyUnitCode", FLOW_SKIP, false},  {"altQtyUnitAbbr", FLOW_SKIP, false},
    {"altQty", FLOW_SKIP, false},          {"isAltQtyEstimated", FLOW_SKIP, false},
    {"netWgt", FLOW_SKIP, false},          {"isNetWgtEstimated", FLOW_SKIP, false},
    {"grossWgt", FLOW_SKIP, false},        {"isGrossWgtEstimated", FLOW_SKIP, false},
    {"cifvalue", FLOW_SKIP, false},        {"fobvalue", FLOW_SKIP, false},
    {"primaryValue", FLOW_VALUE, true},    {"legacyEstimationFlag", FLOW_SKIP, false},
    {"isReported", FLOW_SKIP, false},      {"isAggregate", FLOW_SKIP, false},
    {NULL, FLOW_SKIP, false},
};

/* Legacy UN Comtrade (comtrade.un.org/db, before 2023): the bulk and API CSV layout. */
static const struct mvec__flow_column COMTRADE_LEGACY_COLUMNS[] = {
    {"Classification", FLOW_EDITION, true},   {"Year", FLOW_YEAR, true},
    {"Period", FLOW_SKIP, false},             {"Period Desc.", FLOW_SKIP, false},
    {"Aggregate Level", FLOW_SKIP, true},     {"Is Leaf Code", FLOW_SKIP, false},
    {"Trade Flow Code", FLOW_DIRECTION, true}, {"Trade Flow", FLOW_SKIP, false},
    {"Reporter Code", FLOW_REPORTER, true},   {"Reporter", FLOW_SKIP, false},
    {"Reporter ISO", FLOW_SKIP, false},       {"Partner Code", FLOW_PARTNER, true},
    {"Partner", FLOW_SKIP, false},            {"Partner ISO", FLOW_SKIP, false},
    {"2nd Partner Code", FLOW_SKIP, false},   {"2nd Partner", FLOW_SKIP, false},
    {"2nd Partner ISO", FLOW_SKIP, false},    {"Customs Proc. Code", FLOW_SKIP, false},
    {"Customs", FLOW_SKIP, false},            {"Mode of Transport Code", FLOW_SKIP, false},
    {"Mode of Transport", FLOW_SKIP, false},  {"Commodity Code", FLOW_PRODUCT, true},
    {"Commodity", FLOW_SKIP, false},          {"Qty Unit Code", FLOW_SKIP, false},
    {"Qty Unit", FLOW_SKIP, false},           {"Qty", FLOW_SKIP, false},
    {"Alt Qty Unit Code", FLOW_SKIP, false},  {"Alt Qty Unit", FLOW_SKIP, false},
    {"Alt Qty", FLOW_SKIP, false},            {"Netweight (kg)", FLOW_SKIP, false},
    {"Gross weight (kg)", FLOW_SKIP, false},  {"Trade Value (US$)", FLOW_VALUE, true},
    {"CIF Trade Value (US$)", FLOW_SKIP, false}, {"FOB Trade Value (US$)", FLOW_SKIP, false},
    {"Flag", FLOW_SKIP, false},
    {NULL, FLOW_SKIP, false},
};

/* Why a Comtrade row is left out of the bilateral table (counted in one warning). */
static const char WORLD[] = "with the World as partner (code 0: the sum of the others)";
static const char PRODUCT_TOTALS[] = "product totals (TOTAL, HS2, HS4: aggregate level 0-5, not 6)";
static const char RE_FLOWS[] =
    "re-exports and re-imports (RX, RM; legacy 3, 4: kept apart, not added to X or M)";
static const char SUB_FLOWS[] = "parts of X or M (DX, FM, XIP, MIP, XOP, MOP: inside X or M already)";
static const char PARTNER2[] = "second-partner breakdowns (partner2 not 0)";
static const char CUSTOMS[] = "customs-procedure breakdowns (customs code not C00)";
static const char TRANSPORT[] = "transport-mode breakdowns (mode of transport not 0)";
static const char SUPPLY[] = "mode-of-supply breakdowns (mosCode not 0)";

static const struct mvec__flow_value COMTRADE_FLOWS[] = {
    {"M", "5", NULL},        {"X", "6", NULL},        {"RM", NULL, RE_FLOWS},
    {"RX", NULL, RE_FLOWS},  {"DX", NULL, SUB_FLOWS}, {"FM", NULL, SUB_FLOWS},
    {"XIP", NULL, SUB_FLOWS}, {"MIP", NULL, SUB_FLOWS}, {"XOP", NULL, SUB_FLOWS},
    {"MOP", NULL, SUB_FLOWS}, {NULL, NULL, NULL},
};
static const struct mvec__flow_value LEGACY_FLOWS[] = {
    {"1", "5", NULL}, {"2", "6", NULL}, {"3", NULL, RE_FLOWS}, {"4", NULL, RE_FLOWS},
    {NULL, NULL, NULL},
};
static const struct mvec__flow_value WORLD_CODE[] = {{"0", NULL, WORLD}, {NULL, NULL, NULL}};
static const struct mvec__flow_value LEVEL_6[] = {
    {"6", NULL, NULL},           {"0", NULL, PRODUCT_TOTALS}, {"1", NULL, PRODUCT_TOTALS},
    {"2", NULL, PRODUCT_TOTALS}, {"3", NULL, PRODUCT_TOTALS}, {"4", NULL, PRODUCT_TOTALS},
    {"5", NULL, PRODUCT_TOTALS}, {NULL, NULL, NULL},
};
static const struct mvec__flow_value ALL_ZERO[] = {{"0", NULL, NULL}, {NULL, NULL, NULL}};
static const struct mvec__flow_value ALL_EMPTY_OR_ZERO[] = {
    {"", NULL, NULL}, {"0", NULL, NULL}, {NULL, NULL, NULL}};
static const struct mvec__flow_value ALL_CUSTOMS[] = {{"C00", NULL, NULL}, {NULL, NULL, NULL}};
static const struct mvec__flow_value ALL_EMPTY_OR_C00[] = {
    {"", NULL, NULL}, {"C00", NULL, NULL}, {NULL, NULL, NULL}};
static const struct mvec__flow_value GOODS[] = {{"C", NULL, NULL}, {NULL, NULL, NULL}};
static const struct mvec__flow_value FREQUENCIES[] = {
    {"A", NULL, NULL}, {"M", NULL, NULL}, {NULL, NULL, NULL}};

static const struct mvec__flow_filter COMTRADE_FILTERS[] = {
    {"typeCode", GOODS, NULL, 0, false},
    {"freqCode", FREQUENCIES, NULL, 0, true},
    {"flowCode", COMTRADE_FLOWS, NULL, 0, false},
    {"reporterCode", WORLD_CODE, "", 3, false},
    {"partnerCode", WORLD_CODE, "", 3, false},
    {"partner2Code", ALL_ZERO, PARTNER2, 0, false},
    {"aggrLevel", LEVEL_6, NULL, 0, false},
    {"customsCode", ALL_CUSTOMS, CUSTOMS, 0, false},
    {"motCode", ALL_ZERO, TRANSPORT, 0, false},
    {"mosCode", ALL_ZERO, SUPPLY, 0, false},
    {NULL, NULL, NULL, 0, false},
};
static const struct mvec__flow_filter COMTRADE_LEGACY_FILTERS[] = {
    {"Trade Flow Code", LEGACY_FLOWS, NULL, 0, false},
    {"Reporter Code", WORLD_CODE, "", 3, false},
    {"Partner Code", WORLD_CODE, "", 3, false},
    {"2nd Partner Code", ALL_EMPTY_OR_ZERO, PARTNER2, 0, false},
    {"Aggregate Level", LEVEL_6, NULL, 0, false},
    {"Customs Proc. Code", ALL_EMPTY_OR_C00, CUSTOMS, 0, false},
    {"Mode of Transport Code", ALL_EMPTY_OR_ZERO, TRANSPORT, 0, false},
    {NULL, NULL, NULL, 0, false},
};

/* The two Comtrade layouts differ in their columns, filters and value precision only:
 * reporter-declared HS6 rows, unpadded M49 codes, values in USD with at most DECIMALS
 * decimals, kept as integers of 10^-DECIMALS USD (a finer value is an error, never rounded).
 * Comtrade+ publishes thousandths (419922543423.509, converted from national currencies);
 * the legacy files whole dollars. */
#define COMTRADE_READER(NAME, SUMMARY, COLUMNS, FILTERS, DECIMALS)                             \
    {                                                                                          \
        .name = NAME, .summary = SUMMARY, .columns = COLUMNS,                                  \
        .basis = MVEC_FLOWS_REPORTER_DECLARED, .codes = FLOW_CODES_M49, .product_digits = 6,   \
        .product_min_digits = 6, .value_decimals = DECIMALS, .value_unit = "USD",              \
        .value_subunit_decimals = DECIMALS, .filters = FILTERS,                                \
    }

/* Fields left out of a row are 0, NULL or false: no quantities, no filters. */
static const struct mvec__flow_reader READERS[] = {
    {
        .name = "baci",
        .summary = "CEPII BACI (t,i,j,k,v,q): HS6 exports, thousands of USD, tonnes",
        .columns = BACI_COLUMNS,
        .basis = MVEC_FLOWS_RECONCILED,
        .codes = FLOW_CODES_BACI,
        .product_digits = 6,
        .product_min_digits = 5,
        .value_decimals = 3,
        .value_unit = "USD",
        .quantity_decimals = 3,
        .quantity_unit = "kg",
        .hs_edition_in_name = true,
    },
    {
        .name = "wto",
        .summary = "WTO bilateral imports by HS chapter (year,reporter_m49,partner_m49,hs2,"
                   "value_usd)",
        .columns = WTO_COLUMNS,
        .basis = MVEC_FLOWS_IMPORTER_DECLARED,
        .codes = FLOW_CODES_M49,
        .product_digits = 2,
        .product_min_digits = 2,
        .value_unit = "USD",
    },
    {
        .name = "wits",
        .summary = "World Bank WITS download of UN Comtrade by HS4 product (ReporterISO3,"
                   "PartnerISO3,ProductCode,TradeFlowCode,TradeValuein1000USD...)",
        .columns = WITS_COLUMNS,
        .basis = MVEC_FLOWS_REPORTER_DECLARED,
        .codes = FLOW_CODES_ALPHA3,
        .product_digits = 4,
        .product_min_digits = 4,
        .value_decimals = 3,
        .value_unit = "USD",
    },
    COMTRADE_READER("comtrade",
                    "UN Comtrade data API CSV / bulk TSV (refYear,reporterCode,flowCode,partnerCode,"
                    "cmdCode,aggrLevel,primaryValue...): bilateral HS6 rows, USD",
                    COMTRADE_COLUMNS, COMTRADE_FILTERS, 3),
    COMTRADE_READER("comtrade_legacy",
                    "legacy UN Comtrade CSV (Classification,Year,...,Trade Flow Code,Reporter "
                    "Code,Partner Code,Commodity Code,Trade Value (US$)...): bilateral HS6 rows, "
                    "USD",
                    COMTRADE_LEGACY_COLUMNS, COMTRADE_LEGACY_FILTERS, 0),
};

size_t mvec__flow_reader_count(void)
{
    return sizeof READERS / sizeof READERS[0];
}

const struct mvec__flow_reader *mvec__flow_reader_at(size_t index)
{
    return index < mvec__flow_reader_count() ? &READERS[index] : NULL;
}

static bool name_is(const char *name, size_t length, const char *expected)
{
    return strlen(expected) == length && memcmp(name, expected, length) == 0;
}

/* Does `reader` know every name, once each, and see all its required columns? */
static bool reader_fits(const struct mvec__flow_reader *reader, const char *const *names,
                        const size_t *lengths, size_t count)
{
    unsigned long long seen = 0; /* bit c: reader column c met (64 columns at most) */
    for (size_t f = 0; f < count; f++) {
        size_t c = 0;
        while (reader->columns[c].name != NULL && !name_is(names[f], lengths[f], reader->columns[c].name))
            c++;
        if (reader->columns[c].name == NULL || c >= 64 || (seen >> c & 1))
            return false;
        seen |= 1ull << c;
    }
    for (size_t c = 0; reader->columns[c].name != NULL; c++)
        if (reader->columns[c].required && !(c < 64 && (seen >> c & 1)))
            return false;
    return true;
}

const struct mvec__flow_reader *mvec__flow_reader_match(const char *const *names,
                                                        const size_t *lengths, size_t count)
{
    for (size_t r = 0; r < mvec__flow_reader_count(); r++)
        if (reader_fits(&READERS[r], names, lengths, count))
            return &READERS[r];
    return NULL;
}
