/*
 * model_network.c - the corridor map's model: the links in force in a year
 * (one commodity or all), each between two places at their longitude and
 * latitude (data/<country>/places.csv, with a source per row), a width
 * proportional to its capacity within its commodity, and whether a closure
 * closes it; and mvec_chart_network, which draws it (draw_network.c).
 */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "../data/csv_table.h"
#include "chart_internal.h"

enum { MAX_PLACES = 512 };

/* Widths of known capacities, in points: the largest of a commodity gets
 * the widest line. */
#define WIDTH_MIN 1.6
#define WIDTH_MAX 11.0

typedef struct place_row {
    const char *place, *name, *source;
    double lon, lat;
} place_row;

typedef struct place_table {
    mvec_ctx *ctx;
    mvec__arena *arena;
    place_row rows[MAX_PLACES];
    size_t count;
} place_table;

enum { PLACE, PLACE_NAME, PLACE_LON, PLACE_LAT, PLACE_SOURCE, PLACE_URL, PLACE_NOTE };
static const mvec__column_spec PLACE_COLUMNS[] = {
    {"place", true}, {"name", true},    {"lon", true},  {"lat", true},
    {"source", true}, {"url", false}, {"note", false},
};

static mvec_status read_degrees(mvec_ctx *ctx, mvec__table *table, size_t column, double limit,
                                double *out)
{
    const char *reason = NULL;
    if (!mvec__parse_number(mvec__table_get(table, column), out, &reason) || fabs(*out) > limit)
        return mvec__table_fail(ctx, table, column, MVEC_ERR_PARSE,
                                "not degrees within +-%.0f: '%s'", limit,
                                mvec__table_get(table, column));
    return MVEC_OK;
}

static mvec_status on_place(void *user, mvec__table *table)
{
    place_table *places = user;
    mvec_ctx *ctx = places->ctx;
    mvec_status status = MVEC_OK;
    if (places->count == MAX_PLACES)
        return mvec__table_fail(ctx, table, PLACE, MVEC_ERR_LIMIT, "more than %d places",
                                MAX_PLACES);
    place_row *row = &places->rows[places->count];
    MVEC_TRY(read_degrees(ctx, table, PLACE_LON, 180.0, &row->lon));
    MVEC_TRY(read_degrees(ctx, table, PLACE_LAT, 90.0, &row->lat));
    MVEC_TRY(mvec__arena_strdup(ctx, places->arena, mvec__table_get(table, PLACE), &row->place));
    MVEC_TRY(mvec__arena_strdup(ctx, places->arena, mvec__table_get(table, PLACE_NAME),
                                &row->name));
    MVEC_TRY(mvec__arena_strdup(ctx, places->arena, mvec__table_get(table, PLACE_SOURCE),
                                &row->source));
    places->count++;
cleanup:
    return status;
}

static const place_row *find_place(const place_table *places, const char *place)
{
    for (size_t i = 0; i < places->count; i++)
        if (strcmp(places->rows[i].place, place) == 0)
            return &places->rows[i];
    return NULL;
}

/* The commodity's colour (one per commodity, not a bloc colour). */
static const char *commodity_colour(const mvec_network *network, const char *commodity)
{
    static const struct {
        const char *commodity, *colour;
    } KNOWN[] = {{"oil", "#000000"}, {"gas", "#56B4E9"}, {"freight", "#009E73"}};
    for (size_t i = 0; i < sizeof KNOWN / sizeof KNOWN[0]; i++)
        if (strcmp(KNOWN[i].commodity, commodity) == 0)
            return KNOWN[i].colour;
    static const char *const OTHERS[] = {"#0072B2", "#CC79A7", "#E69F00", "#999999"};
    size_t index = 0;
    for (size_t c = 0; c < mvec_network_commodity_count(network); c++)
        if (strcmp(mvec_network_commodity_at(network, c), commodity) == 0)
            index = c;
    return OTHERS[index % (sizeof OTHERS / sizeof OTHERS[0])];
}

static bool is_closed(const mvec_network *network, size_t link,
                      const mvec_routes_options *options)
{
    const mvec_network_link *row = mvec_network_link_at(network, link);
    for (size_t i = 0; i < options->closed_link_count; i++)
        if (strcmp(options->closed_links[i], row->id) == 0)
            return true;
    for (size_t i = 0; i < options->closed_transit_count; i++)
        if (mvec_network_link_transits(network, link, options->closed_transit[i]))
            return true;
    return false;
}

static mvec_status check_closures(mvec_ctx *ctx, const mvec_network *network,
                                  const mvec_routes_options *options)
{
    for (size_t i = 0; i < options->closed_link_count; i++)
        if (mvec_network_find(network, options->closed_links[i]) == SIZE_MAX)
            return mvec__error(ctx, MVEC_ERR_INVALID, "no link '%s' in the network %s",
                               options->closed_links[i], mvec_network_name(network));
    for (size_t i = 0; i < options->closed_transit_count; i++) {
        bool crossed = false;
        for (size_t l = 0; l < mvec_network_link_count(network) && !crossed; l++)
            crossed = mvec_network_link_transits(network, l, options->closed_transit[i]);
        if (!crossed)
            return mvec__error(ctx, MVEC_ERR_INVALID, "no link of the network %s crosses %s",
                               mvec_network_name(network), options->closed_transit[i]);
    }
    return MVEC_OK;
}

static mvec_status node_of(mvec_ctx *ctx, mvec__network_model *model, const place_table *places,
                           const char *place, size_t *out)
{
    for (size_t i = 0; i < model->node_count; i++)
        if (strcmp(model->nodes[i].place, place) == 0) {
            *out = i;
            return MVEC_OK;
        }
    const place_row *row = find_place(places, place);
    if (row == NULL)
        return mvec__error(ctx, MVEC_ERR_NO_DATA,
                           "no coordinates for the place '%s' (the places table of %s lists "
                           "them)",
                           place, "the network's country");
    mvec__map_node *node = &model->nodes[model->node_count];
    node->place = row->place;
    node->label = row->name;
    node->lon = row->lon;
    node->lat = row->lat;
    node->market = strncmp(place, "market:", 7) == 0;
    *out = model->node_count++;
    return MVEC_OK;
}

mvec_status mvec__chart_network_model(mvec_ctx *ctx, const mvec_network *network,
                                      const mvec_routes_options *routes_options,
                                      mvec__network_model *model)
{
    mvec_status status = MVEC_OK;
    place_table *places = NULL;
    mvec__chart_sources sources = {{NULL}, 0, 0};
    memset(model, 0, sizeof *model);
    mvec_routes_options given = MVEC_ROUTES_OPTIONS_INIT;
    MVEC_TRY(mvec__options_read(ctx, "mvec_routes_options", "MVEC_ROUTES_OPTIONS_INIT", &given,
                                sizeof given, sizeof given, routes_options));
    if (given.commodity != NULL && mvec_network_commodity_unit(network, given.commodity) == NULL)
        MVEC_FAIL(ctx, MVEC_ERR_INVALID, "no commodity '%s' in the network %s", given.commodity,
                  mvec_network_name(network));
    MVEC_TRY(check_closures(ctx, network, &given));

    const char *country = mvec_network_country(network);
    char path[64];
    snprintf(path, sizeof path, "data/%c%c%c/places.csv", (char)(country[0] | 0x20),
             (char)(country[1] | 0x20), (char)(country[2] | 0x20));
    MVEC_TRY(mvec__calloc(ctx, 1, sizeof *places, &places));
    places->ctx = ctx;
    places->arena = &model->arena;
    if (mvec__embedded_find(path) == NULL)
        MVEC_FAIL(ctx, MVEC_ERR_NO_DATA, "mvec has no coordinates for the places of %s's network",
                  country);
    MVEC_TRY(mvec__table_read_embedded(ctx, path, PLACE_COLUMNS,
                                       sizeof PLACE_COLUMNS / sizeof PLACE_COLUMNS[0], on_place,
                                       places));

    size_t links = mvec_network_link_count(network);
    MVEC_TRY(mvec__arena_alloc(ctx, &model->arena, (links ? links : 1) * sizeof *model->edges,
                               &model->edges));
    MVEC_TRY(mvec__arena_alloc(ctx, &model->arena,
                               (2 * links + 1) * sizeof *model->nodes, &model->nodes));
    int first_year = 0, last_year = 0;
    for (size_t l = 0; l < links; l++) {
        const mvec_network_link *row = given.year != 0
                                           ? mvec_network_link_in_year(network, l, given.year)
                                           : mvec_network_link_at(network, l);
        if (row == NULL || (given.commodity != NULL && strcmp(row->commodity, given.commodity)))
            continue;
        mvec__map_edge *edge = &model->edges[model->edge_count];
        MVEC_TRY(node_of(ctx, model, places, row->from, &edge->from));
        MVEC_TRY(node_of(ctx, model, places, row->to, &edge->to));
        edge->id = row->id;
        edge->commodity = row->commodity;
        edge->colour = commodity_colour(network, row->commodity);
        edge->capacity = row->capacity;
        edge->closed = is_closed(network, l, &given);
        edge->operating = row->status == MVEC_LINK_OPERATING;
        model->edge_count++;
        mvec__chart_sources_add(&sources, row->source);
        first_year = first_year == 0 || row->year < first_year ? row->year : first_year;
        last_year = row->year > last_year ? row->year : last_year;
    }
    if (model->edge_count == 0 && given.year != 0)
        MVEC_FAIL(ctx, MVEC_ERR_NO_DATA, "no link of the network %s has figures up to %d",
                  mvec_network_name(network), given.year);
    if (model->edge_count == 0)
        MVEC_FAIL(ctx, MVEC_ERR_NO_DATA, "the network %s has no link to draw",
                  mvec_network_name(network));
    /* widths: proportional to capacity within each commodity */
    for (size_t e = 0; e < model->edge_count; e++) {
        mvec__map_edge *edge = &model->edges[e];
        double largest = 0.0;
        for (size_t k = 0; k < model->edge_count; k++)
            if (strcmp(model->edges[k].commodity, edge->commodity) == 0 &&
                isfinite(model->edges[k].capacity))
                largest = fmax(largest, model->edges[k].capacity);
        edge->width = isfinite(edge->capacity) && largest > 0.0
                          ? WIDTH_MIN + (WIDTH_MAX - WIDTH_MIN) * edge->capacity / largest
                      : isinf(edge->capacity) ? WIDTH_MIN
                                              : 0.0;
    }
    /* the window: every node, padded, at least 20 x 12 degrees */
    model->lon_min = model->lat_min = INFINITY;
    model->lon_max = model->lat_max = -INFINITY;
    for (size_t i = 0; i < model->node_count; i++) {
        model->lon_min = fmin(model->lon_min, model->nodes[i].lon);
        model->lon_max = fmax(model->lon_max, model->nodes[i].lon);
        model->lat_min = fmin(model->lat_min, model->nodes[i].lat);
        model->lat_max = fmax(model->lat_max, model->nodes[i].lat);
    }
    double lon_pad = fmax(3.0, (20.0 - (model->lon_max - model->lon_min)) / 2);
    double lat_pad = fmax(2.5, (12.0 - (model->lat_max - model->lat_min)) / 2);
    model->lon_min -= lon_pad;
    model->lon_max += lon_pad;
    model->lat_min -= lat_pad;
    model->lat_max += lat_pad;

    /* the title's country: the origin place's name, before any " (" */
    const place_row *origin = find_place(places, country);
    char country_name[128];
    snprintf(country_name, sizeof country_name, "%s", origin != NULL ? origin->name : country);
    char *paren = strstr(country_name, " (");
    if (paren != NULL)
        *paren = '\0';
    char closed[256] = "";
    size_t used = 0;
    for (size_t i = 0; i < given.closed_link_count && used + 40 < sizeof closed; i++)
        used += (size_t)snprintf(closed + used, sizeof closed - used, "%s%s", used ? ", " : "",
                                 given.closed_links[i]);
    for (size_t i = 0; i < given.closed_transit_count && used + 40 < sizeof closed; i++)
        used += (size_t)snprintf(closed + used, sizeof closed - used, "%slinks through %s",
                                 used ? ", " : "", given.closed_transit[i]);
    char years[32];
    if (first_year == last_year)
        snprintf(years, sizeof years, "%d", last_year);
    else
        snprintf(years, sizeof years, "%d–%d", first_year, last_year);
    char asked[16];
    snprintf(asked, sizeof asked, "%d", given.year);
    char latest[64];
    if (given.year != 0)
        snprintf(latest, sizeof latest, "up to %d", given.year);
    else
        snprintf(latest, sizeof latest, "(%s)", years);
    MVEC_TRY(mvec__chart_printf(ctx, &model->arena, &model->frame.title,
                                "%s's export corridors%s%s, %s%s%s", country_name,
                                given.commodity ? ": " : "",
                                given.commodity ? given.commodity : "",
                                given.year ? asked : years,
                                used ? ", closed: " : "", closed));
    MVEC_TRY(mvec__chart_printf(
        ctx, &model->arena, &model->frame.subtitle,
        "Each link's latest figures %s; line width shows capacity, relative to the largest "
        "link of the same commodity. Places at their coordinates; markets and the origin are "
        "drawn at a border or port.",
        latest));
    model->frame.x_label = "longitude (°E)";
    model->frame.y_label = "latitude (°N)";
    for (size_t i = 0; i < model->node_count; i++) {
        const place_row *row = find_place(places, model->nodes[i].place);
        if (row == NULL || strcmp(row->source, "mvec") == 0)
            continue;
        mvec__chart_sources_add(&sources, strncmp(row->source, "Wikipedia", 9) == 0
                                              ? "coordinates: Wikipedia"
                                              : row->source);
    }
    mvec__chart_sources_add(&sources, "coastlines: PLplot's globe map");
    MVEC_TRY(mvec__chart_sources_finish(ctx, &model->arena, &sources, &model->frame));
cleanup:
    mvec__free(ctx, places);
    return status;
}

void mvec__chart_network_model_clear(mvec_ctx *ctx, mvec__network_model *model)
{
    mvec__arena_clear(ctx, &model->arena);
    memset(model, 0, sizeof *model);
}

mvec_status mvec_chart_network(mvec_ctx *ctx, const mvec_network *network,
                               const mvec_routes_options *routes_options,
                               const mvec_chart_options *options, const mvec_sink *sink)
{
    mvec_status status = MVEC_OK;
    mvec_chart_options resolved;
    mvec__network_model model;
    memset(&model, 0, sizeof model);
    MVEC_TRY(mvec__chart_options_read(ctx, options, &resolved));
    MVEC_TRY(mvec__chart_network_model(ctx, network, routes_options, &model));
    mvec__chart_frame_override(&model.frame, &resolved);
    MVEC_TRY(mvec__chart_render(ctx, &resolved, mvec__draw_network, &model, sink));
cleanup:
    mvec__chart_network_model_clear(ctx, &model);
    return status;
}
