/*
 * fuzz_bns.c - the Bureau of National Statistics table: the fixed header
 * row, then any text as its rows; then the Kazakhstan profile.
 */
#include "fuzz_importer.h"

FUZZ_IMPORTER("bns",
              "year,release,latest,label_ru,row_type,aggregate,partner_iso3,turnover_kusd,"
              "turnover_share_pct,exports_kusd,exports_share_pct,imports_kusd,imports_share_pct\n")
