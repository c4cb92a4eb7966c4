/*
 * importer_table.c - the table of observation importers (importers.h): one
 * row per input format. A file is read by the importer it is named for
 * (`mvec import FORMAT`), or else by the first whose signature its header
 * matches, or else by the default (obs), which must come last.
 */
#include "importers.h"

static const mvec__importer *const IMPORTERS[] = {
    &MVEC__IMPORT_BNS_TABLE,
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

const mvec__importer *mvec__importer_for_header(const mvec__csv_record *header)
{
    size_t count = sizeof IMPORTERS / sizeof *IMPORTERS;
    for (size_t i = 0; i + 1 < count; i++)
        if (IMPORTERS[i]->signature != NULL &&
            (IMPORTERS[i]->open_columns
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
