/*
 * palette.c - the one colour table of the charts: a bloc keeps its colour in
 * every chart and in every scheme that names it (or anchors it on the same
 * country). Okabe and Ito's palette ("Color Universal Design", 2008), which
 * stays distinguishable under the common forms of colour blindness.
 */
#include <string.h>

#include "chart_internal.h"

/* Blocs the palette knows: by the bloc's name in a built-in scheme, or by its
 * anchor (the first code that names it, mvec_bloc_anchor). */
static const struct known_bloc {
    const char *name;
    const char *anchor; /* NULL: match by name only */
    const char *colour;
} KNOWN_BLOCS[] = {
    {"RUS-EAEU", "RUS", "#D55E00"}, /* vermilion */
    {"RUS-CSTO", "RUS", "#D55E00"},
    {"CHN", "CHN", "#E69F00"},      /* orange */
    {"WEST", "USA", "#0072B2"},     /* blue */
    {"TUR-OTS", "TUR", "#009E73"},  /* bluish green */
    {"OTS", "TUR", "#009E73"},
    {"GULF", "SAU", "#CC79A7"},     /* reddish purple */
    {"OTHER", NULL, "#999999"},     /* grey */
};

/* Blocs the palette does not know, in order of appearance in their scheme. */
static const char *const SPARE_COLOURS[] = {"#56B4E9", "#F0E442", "#000000"};

enum {
    KNOWN_COUNT = sizeof KNOWN_BLOCS / sizeof KNOWN_BLOCS[0],
    SPARE_COUNT = sizeof SPARE_COLOURS / sizeof SPARE_COLOURS[0],
};

static const char *known_colour(const mvec_bloc_scheme *scheme, size_t bloc)
{
    const char *name = mvec_bloc_name(scheme, bloc);
    for (size_t i = 0; i < KNOWN_COUNT; i++)
        if (strcmp(name, KNOWN_BLOCS[i].name) == 0)
            return KNOWN_BLOCS[i].colour;
    const mvec_country *anchor = mvec_bloc_anchor(scheme, bloc);
    for (size_t i = 0; anchor != NULL && i < KNOWN_COUNT; i++)
        if (KNOWN_BLOCS[i].anchor != NULL && strcmp(anchor->code, KNOWN_BLOCS[i].anchor) == 0)
            return KNOWN_BLOCS[i].colour;
    return NULL;
}

const char *mvec_chart_bloc_colour(const mvec_bloc_scheme *scheme, size_t bloc)
{
    const char *colour = known_colour(scheme, bloc);
    if (colour != NULL)
        return colour;
    size_t unknown_before = 0;
    for (size_t b = 0; b < bloc; b++)
        if (known_colour(scheme, b) == NULL)
            unknown_before++;
    return SPARE_COLOURS[unknown_before % SPARE_COUNT];
}

const char *mvec__chart_series_colour(size_t index)
{
    static const char *const ORDER[] = {"#0072B2", "#D55E00", "#E69F00", "#009E73",
                                        "#CC79A7", "#56B4E9", "#000000", "#999999"};
    return ORDER[index % (sizeof ORDER / sizeof ORDER[0])];
}

bool mvec__chart_parse_colour(const char *text, mvec__rgb *out)
{
    unsigned value = 0;
    if (text == NULL || text[0] != '#' || strlen(text) != 7)
        return false;
    for (size_t i = 1; i < 7; i++) {
        char c = text[i];
        unsigned digit = c >= '0' && c <= '9'   ? (unsigned)(c - '0')
                         : c >= 'A' && c <= 'F' ? (unsigned)(c - 'A' + 10)
                         : c >= 'a' && c <= 'f' ? (unsigned)(c - 'a' + 10)
                                                : 16u;
        if (digit == 16u)
            return false;
        value = value * 16u + digit;
    }
    out->r = (int)(value >> 16);
    out->g = (int)((value >> 8) & 0xffu);
    out->b = (int)(value & 0xffu);
    return true;
}
