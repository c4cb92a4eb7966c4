/*
 * flow_readers.c - the flow readers, one row each: which header columns a
 * format has, what each feeds, and the units of its numbers. A new format is
 * a new row (and, when its codes or numbers are written differently, a new
 * case in flow_parse.c). The reader is chosen by the header: every required
 * column present, every other column known to the reader.
 */
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
        .value_decimals = 0,
        .value_unit = "USD",
        .quantity_decimals = 0,
        .quantity_unit = "",
        .hs_edition_in_name = false,
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
        .quantity_decimals = 0,
        .quantity_unit = "",
        .hs_edition_in_name = false,
    },
};

size_t mvec__flow_reader_count(void)
{
    return sizeof READERS / sizeof READERS[0];
}

const struct mvec__flow_reader *mvec__flow_reader_at(size_t index)
{
    return index < mvec__flow_reader_count() ? &READERS[index] : NULL;
}
