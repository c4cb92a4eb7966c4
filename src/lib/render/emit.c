/*
 * emit.c - CSV fields, JSON values and the sink, shared by the writers.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "render_internal.h"

mvec_status mvec__csv_put(mvec_ctx *ctx, mvec__buf *out, const char *text, bool last)
{
    mvec_status status = MVEC_OK;
    bool quote = text[strcspn(text, ",\"\r\n")] != '\0' || text[0] == ' ' ||
                 (text[0] != '\0' && text[strlen(text) - 1] == ' ');
    if (quote) {
        MVEC_TRY(mvec__buf_putc(ctx, out, '"'));
        for (const char *p = text; *p; p++) {
            if (*p == '"')
                MVEC_TRY(mvec__buf_putc(ctx, out, '"'));
            MVEC_TRY(mvec__buf_putc(ctx, out, *p));
        }
        MVEC_TRY(mvec__buf_putc(ctx, out, '"'));
    } else {
        MVEC_TRY(mvec__buf_puts(ctx, out, text));
    }
    MVEC_TRY(mvec__buf_putc(ctx, out, last ? '\n' : ','));
cleanup:
    return status;
}

mvec_status mvec__csv_put_number(mvec_ctx *ctx, mvec__buf *out, double value, int decimals,
                                 bool last)
{
    char text[64];
    if (isnan(value))
        text[0] = '\0';
    else
        mvec__fmt_fixed(text, value, decimals);
    return mvec__csv_put(ctx, out, text, last);
}

/* Set for the duration of one writer call (MVEC_WRITE_EXACT) on this thread. */
static _Thread_local bool json_exact;

void mvec__json_set_exact(bool exact)
{
    json_exact = exact;
}

json_t *mvec__json_number(double value)
{
    if (!isfinite(value))
        return json_null();
    if (json_exact)
        return json_real(value);
    /* Round to 12 significant digits so output does not show binary noise. */
    char text[64];
    double rounded = value;
    const char *reason;
    mvec__format_c(text, sizeof text, "%.12g", value);
    if (!mvec__parse_number(text, &rounded, &reason))
        rounded = value;
    return json_real(rounded);
}

json_t *mvec__json_interval(mvec_interval interval)
{
    json_t *object = json_object();
    if (object == NULL)
        return NULL;
    if (!mvec__json_set(object, "lo", mvec__json_number(interval.lo)) ||
        !mvec__json_set(object, "hi", mvec__json_number(interval.hi))) {
        json_decref(object);
        return NULL;
    }
    return object;
}

bool mvec__json_set(json_t *object, const char *key, json_t *value)
{
    return value != NULL && json_object_set_new(object, key, value) == 0;
}

json_t *mvec__json_observation(const mvec_observation *o)
{
    json_t *object = json_object();
    if (object == NULL)
        return NULL;
    bool ok =
        mvec__json_set(object, "country", json_string(o->country->code)) &&
        mvec__json_set(object, "partner", json_string(o->partner->code)) &&
        mvec__json_set(object, "vector", json_string(o->vector)) &&
        mvec__json_set(object, "indicator", json_string(o->indicator)) &&
        mvec__json_set(object, "year", json_integer(o->year)) &&
        mvec__json_set(object, "period", json_string(o->period)) &&
        mvec__json_set(object, "item", json_string(o->item)) &&
        mvec__json_set(object, "value", mvec__json_number(o->value)) &&
        mvec__json_set(object, "qualifier", json_string(mvec_qualifier_symbol(o->qualifier))) &&
        mvec__json_set(object, "unit", json_string(o->unit)) &&
        mvec__json_set(object, "basis", json_string(mvec_basis_name(o->basis))) &&
        mvec__json_set(object, "top_list", json_boolean(o->top_list)) &&
        mvec__json_set(object, "superseded", json_boolean(o->superseded)) &&
        mvec__json_set(object, "source", json_string(o->source)) &&
        mvec__json_set(object, "source_date", json_string(o->source_date)) &&
        mvec__json_set(object, "url", json_string(o->url)) &&
        mvec__json_set(object, "title", json_string(o->title)) &&
        mvec__json_set(object, "quality", json_string(o->quality)) &&
        mvec__json_set(object, "seed", json_string(o->seed)) &&
        mvec__json_set(object, "quote", json_string(o->quote)) &&
        mvec__json_set(object, "note", json_string(o->note)) &&
        mvec__json_set(object, "file", json_string(o->file)) &&
        mvec__json_set(object, "line", json_integer((json_int_t)o->line));
    if (!ok) {
        json_decref(object);
        return NULL;
    }
    return object;
}

mvec_status mvec__json_emit(mvec_ctx *ctx, json_t *root, mvec__buf *out)
{
    if (root == NULL)
        return mvec__error(ctx, MVEC_ERR_NOMEM, "out of memory (building JSON)");
    char *text = json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER |
                                      JSON_REAL_PRECISION(json_exact ? 17 : 12));
    if (text == NULL)
        return mvec__error(ctx, MVEC_ERR_NOMEM, "out of memory (writing JSON)");
    mvec_status status = mvec__buf_puts(ctx, out, text);
    if (status == MVEC_OK)
        status = mvec__buf_putc(ctx, out, '\n');
    free(text);
    return status;
}

mvec_status mvec__sink_emit(mvec_ctx *ctx, const mvec_sink *sink, const mvec__buf *buf)
{
    if (buf->length == 0)
        return MVEC_OK;
    if (sink->write(sink->user, buf->data, buf->length) != 0)
        return mvec__error(ctx, MVEC_ERR_IO, "cannot write the output");
    return MVEC_OK;
}

/* The formats by name: a new format is a row here and a renderer (render_<name>.c). */
static const struct {
    const char *name;
    mvec_format format;
} FORMATS[] = {
    {"table", MVEC_FORMAT_TABLE},
    {"csv", MVEC_FORMAT_CSV},
    {"json", MVEC_FORMAT_JSON},
    {"xlsx", MVEC_FORMAT_XLSX},
};

mvec_status mvec_format_from_name(mvec_ctx *ctx, const char *name, mvec_format *out)
{
    for (size_t i = 0; i < sizeof FORMATS / sizeof *FORMATS; i++)
        if (strcmp(name, FORMATS[i].name) == 0) {
            *out = FORMATS[i].format;
            return MVEC_OK;
        }
    return mvec__error(ctx, MVEC_ERR_INVALID, "unknown format '%s' (expected table, csv, json or xlsx)",
                       name);
}

mvec_status mvec__describe_source(mvec_ctx *ctx, const mvec_observation *o, mvec__buf *out)
{
    mvec_status status = mvec__buf_puts(ctx, out, o->source);
    if (status == MVEC_OK && o->title[0] != '\0')
        status = mvec__buf_printf(ctx, out, ", \"%s\"", o->title);
    if (status == MVEC_OK && o->source_date[0] != '\0')
        status = mvec__buf_printf(ctx, out, ", %s", o->source_date);
    if (status == MVEC_OK && o->quality[0] != '\0')
        status = mvec__buf_printf(ctx, out, " [%s]", o->quality);
    return status;
}
