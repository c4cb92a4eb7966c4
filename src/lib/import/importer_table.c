/*
 * importer_table.c - the table of observation importers (importers.h): one
 * row per input format. A file is read by the importer it is named for
 * (`mvec import FORMAT`), or else by the first whose signature its header
 * matches, or else by the default (obs), which must come last.
 */
#include "importers.h"

static const mvec__importer *const IMPORTERS[] = {
    &MVEC__IMPORT_BNS_TABLE,
    &MVEC__IMPORT_SIPRI_TIV,
    &MVEC__IMPORT_UNCTAD_FDI,
    &MVEC__IMPORT_WIIW_FDI,
    &MVEC__IMPORT_AIDDATA,
    &MVEC__IMPORT_ITPD,
    &MVEC__IMPORT_UNGA,
    &MVEC__IMPORT_EUROSTAT,
    &MVEC__IMPORT_EI_GAS,
    &MVEC__IMPORT_PEW,
    &MVEC__IMPORT_COW_IGO,
    &MVEC__IMPORT_ATOP,
    &MVEC__IMPORT_OBSERVATIONS_CSV, /* the default: last */
};

const mvec__importer *const *mvec__importers(size_t *count)
{
    *count = sizeof IMPORTERS / sizeof *IMPORTERS;
    return IMPORTERS;
}

const mvec__importer *mvec__importer_named(const char *name)
{
    for (size_t i = 0; i < sizeof IMPORTERS / sizeof *IMPORTERS; i++)
        if (mvec__str_equal(IMPORTERS[i]->name, name))
            return IMPORTERS[i];
    return NULL;
}

/* A wide format (a column per organisation or partner) is recognised by the
 * first fields of its header. */
static bool accepts_other_columns(const mvec__importer *importer)
{
    for (size_t c = 0; c < importer->column_count; c++)
        if (mvec__str_equal(importer->columns[c].name, MVEC__TABLE_OTHER_COLUMNS))
            return true;
    return false;
}

const mvec__importer *mvec__importer_for_header(const mvec__csv_record *header)
{
    size_t count = sizeof IMPORTERS / sizeof *IMPORTERS;
    for (size_t i = 0; i + 1 < count; i++)
        if (IMPORTERS[i]->signature != NULL &&
            (accepts_other_columns(IMPORTERS[i])
                 ? mvec__header_starts_with(header, IMPORTERS[i]->signature,
                                            IMPORTERS[i]->signature_count)
                 : mvec__header_is(header, IMPORTERS[i]->signature,
                                   IMPORTERS[i]->signature_count)))
            return IMPORTERS[i];
    return IMPORTERS[count - 1];
}

size_t mvec_importer_count(void)
{
    return sizeof IMPORTERS / sizeof *IMPORTERS;
}

const char *mvec_importer_name(size_t index)
{
    return index < mvec_importer_count() ? IMPORTERS[index]->name : NULL;
}

const char *mvec_importer_summary(size_t index)
{
    return index < mvec_importer_count() ? IMPORTERS[index]->summary : NULL;
}
