/*
 * import_common.c - provenance and code tables shared by the importers
 * (import_common.h).
 */
#include "import_common.h"

mvec_status mvec__provenance_intern(mvec__import *import, const mvec__provenance *text,
                                    mvec__provenance *out)
{
    mvec_status status = MVEC_OK;
    struct {
        const char **out;
        const char *text;
    } strings[] = {
        {&out->source, text->source},   {&out->source_date, text->source_date},
        {&out->url, text->url},         {&out->title, text->title},
        {&out->quality, text->quality}, {&out->note, text->note},
        {&out->file, import->name},     {&out->empty, ""},
    };
    for (size_t i = 0; i < sizeof strings / sizeof *strings; i++)
        MVEC_TRY(
            mvec__import_intern(import, strings[i].text ? strings[i].text : "", strings[i].out));
cleanup:
    return status;
}

void mvec__provenance_stamp(const mvec__provenance *provenance, mvec_observation *row)
{
    row->period = row->item = row->seed = row->quote = provenance->empty;
    row->source = provenance->source;
    row->source_date = provenance->source_date;
    row->url = provenance->url;
    row->title = provenance->title;
    row->quality = provenance->quality;
    row->note = provenance->note;
    row->file = provenance->file;
}

mvec_status mvec__coded_load(mvec__import *import, const char *system, mvec__coded *coded)
{
    return mvec__code_map_load(import->ctx, import->countries, system, &coded->map);
}

mvec_status mvec__coded_column(mvec__import *import, mvec__coded *coded, size_t column, int year,
                               const mvec_country **out)
{
    const char *code = mvec__table_get(&import->table, column);
    *out = NULL;
    if (code[0] == '\0')
        return mvec__table_fail(import->ctx, &import->table, column, MVEC_ERR_PARSE, "empty %s",
                                import->table.specs[column].name);
    bool known = mvec__code_map_find(&coded->map, code, year, out);
    if (*out == NULL)
        return mvec__unmapped_add(import->ctx, &coded->unmapped, code, known,
                                  import->table.record->line);
    return MVEC_OK;
}

void mvec__coded_report(mvec__import *import, const mvec__coded *coded, const char *what)
{
    mvec__unmapped_report(import->ctx, &coded->unmapped, import->name, what);
}

void mvec__coded_clear(mvec_ctx *ctx, mvec__coded *coded)
{
    mvec__code_map_clear(ctx, &coded->map);
    mvec__unmapped_clear(ctx, &coded->unmapped);
}

mvec_status mvec__import_template_unit(mvec__import *import, mvec_observation *template,
                                       const char *unit, size_t column)
{
    mvec_status status = MVEC_OK;
    mvec_observation *probe = NULL;
    MVEC_TRY(mvec__import_new_row(import, &probe));
    *probe = *template;
    MVEC_TRY(mvec__import_set_unit(import, probe, unit, column));
    template->unit = probe->unit;
    template->dimension = probe->dimension;
    template->base_value = probe->base_value;
cleanup:
    return status;
}
