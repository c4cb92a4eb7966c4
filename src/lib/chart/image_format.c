/*
 * image_format.c - the image formats of the charts: names, MIME types and the
 * format a file name's extension asks for. One table; a format is a row.
 */
#include <string.h>
#include <strings.h>

#include "../mvec_internal.h"

static const struct image_format_row {
    mvec_image_format format;
    const char *name; /* also the file extension */
    const char *mime;
} FORMATS[] = {
    {MVEC_IMAGE_SVG, "svg", "image/svg+xml"},
    {MVEC_IMAGE_PNG, "png", "image/png"},
    {MVEC_IMAGE_PDF, "pdf", "application/pdf"},
};

enum { FORMAT_COUNT = sizeof FORMATS / sizeof FORMATS[0] };

static const struct image_format_row *row_of(mvec_image_format format)
{
    for (size_t i = 0; i < FORMAT_COUNT; i++)
        if (FORMATS[i].format == format)
            return &FORMATS[i];
    return NULL;
}

mvec_status mvec_image_format_from_name(mvec_ctx *ctx, const char *name, mvec_image_format *out)
{
    for (size_t i = 0; name != NULL && i < FORMAT_COUNT; i++)
        if (strcmp(name, FORMATS[i].name) == 0) {
            *out = FORMATS[i].format;
            return MVEC_OK;
        }
    return mvec__error(ctx, MVEC_ERR_INVALID, "unknown image format '%s' (expected svg, png or pdf)",
                       name != NULL ? name : "");
}

mvec_status mvec_image_format_from_path(mvec_ctx *ctx, const char *path, mvec_image_format *out)
{
    const char *slash = path != NULL ? strrchr(path, '/') : NULL;
    const char *base = slash != NULL ? slash + 1 : path;
    const char *dot = base != NULL ? strrchr(base, '.') : NULL;
    for (size_t i = 0; dot != NULL && dot != base && i < FORMAT_COUNT; i++)
        if (strcasecmp(dot + 1, FORMATS[i].name) == 0) {
            *out = FORMATS[i].format;
            return MVEC_OK;
        }
    return mvec__error(ctx, MVEC_ERR_INVALID,
                       "cannot tell the image format of '%s' (the name must end in .svg, .png or "
                       ".pdf)",
                       path != NULL ? path : "");
}

const char *mvec_image_format_name(mvec_image_format format)
{
    const struct image_format_row *row = row_of(format);
    return row != NULL ? row->name : NULL;
}

const char *mvec_image_format_mime(mvec_image_format format)
{
    const struct image_format_row *row = row_of(format);
    return row != NULL ? row->mime : NULL;
}
