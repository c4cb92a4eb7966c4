/*
 * network.c - the corridor network file (docs/formats.md): one row per link
 * and year, read with the CSV table reader, checked row by row and across
 * rows (one unit per commodity, one origin, rows of a link agreeing on
 * from/to/commodity, no duplicate (link, year)), then laid out per commodity
 * as a graph (net_internal.h) for the max-flows.
 */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../data/csv_table.h"
#include "net_internal.h"

enum {
    COL_LINK,
    COL_NAME,
    COL_COMMODITY,
    COL_MODE,
    COL_FROM,
    COL_TO,
    COL_TRANSIT,
    COL_OPERATOR,
    COL_OPERATOR_COUNTRY,
    COL_YEAR,
    COL_CAPACITY,
    COL_UNIT,
    COL_VOLUME,
    COL_COST,
    COL_COST_UNIT,
    COL_DAYS,
    COL_STATUS,
    COL_SOURCE,
    COL_URL,
    COL_NOTE,
    COL_COUNT
};

static const mvec__column_spec NETWORK_COLUMNS[COL_COUNT] = {
    {"link", true},    {"name", true},     {"commodity", true},
    {"mode", true},    {"from", true},     {"to", true},
    {"transit", true}, {"operator", true}, {"operator_country", true},
    {"year", true},    {"capacity", true}, {"unit", true},
    {"volume", true},  {"cost", true},     {"cost_unit", true},
    {"days", true},    {"status", true},   {"source", true},
    {"url", true},     {"note", true},
};

static const char *const STATUS_NAMES[] = {"operating", "mothballed", "construction", "proposed",
                                           "cancelled"};
static const char *const MODE_NAMES[] = {"pipeline", "rail",   "sea",     "road",
                                         "port",     "border", "delivery"};

enum { MAX_ROWS = 1000000 };

typedef struct load_state {
    mvec_ctx *ctx;
    mvec_network *net;
} load_state;

static bool valid_chars(const char *text, const char *extra, bool digits)
{
    if (*text == '\0')
        return false;
    for (const char *p = text; *p; p++) {
        bool ok = (*p >= 'a' && *p <= 'z') || (digits && *p >= '0' && *p <= '9') ||
                  (*p != '\0' && strchr(extra, *p) != NULL);
        if (!ok)
            return false;
    }
    return true;
}

static bool is_iso3_shape(const char *text)
{
    return strlen(text) == 3 && isupper((unsigned char)text[0]) &&
           isupper((unsigned char)text[1]) && isupper((unsigned char)text[2]);
}

/* A current or former country of the registry, given by its exact code. */
static bool known_iso3(const mvec_countries *countries, const char *code)
{
    if (!is_iso3_shape(code))
        return false;
    const mvec_country *c = mvec_countries_find(countries, code);
    return c != NULL && strcmp(c->code, code) == 0 &&
           (c->kind == MVEC_COUNTRY_CURRENT || c->kind == MVEC_COUNTRY_FORMER);
}

/* Place: "ISO3", "ISO3:Name" or "market:CODE". *bare tells the origin. */
static mvec_status check_place(mvec_ctx *ctx, const mvec__table *table, size_t column,
                               const mvec_countries *countries, const char *place, bool *bare)
{
    *bare = false;
    if (strncmp(place, "market:", 7) == 0) {
        const char *code = place + 7;
        size_t n = strlen(code);
        bool ok = n >= 2 && n <= 10;
        for (const char *p = code; ok && *p; p++)
            ok = (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9');
        if (!ok)
            return mvec__table_fail(ctx, table, column, MVEC_ERR_PARSE,
                                    "invalid market '%s' (market:CODE, CODE 2 to 10 capital "
                                    "letters or digits: an ISO3 or an aggregate such as EU27)",
                                    place);
        return MVEC_OK;
    }
    const char *colon = strchr(place, ':');
    char code[8] = "";
    size_t code_length = colon != NULL ? (size_t)(colon - place) : strlen(place);
    if (code_length == 3)
        memcpy(code, place, 3);
    if (code_length != 3 || !is_iso3_shape(code) || (colon != NULL && colon[1] == '\0'))
        return mvec__table_fail(ctx, table, column, MVEC_ERR_PARSE,
                                "invalid place '%s' (ISO3:Name such as KAZ:Atyrau, the bare "
                                "origin ISO3, or market:CODE)",
                                place);
    if (!known_iso3(countries, code))
        return mvec__table_fail(ctx, table, column, MVEC_ERR_PARSE,
                                "unknown country code '%s' in place '%s'", code, place);
    *bare = colon == NULL;
    return MVEC_OK;
}

/* A ';'-separated list of ISO3 codes into an arena array. */
static mvec_status parse_codes(load_state *state, mvec__table *table, size_t column,
                               const char *text, const char *what, const char *const **out,
                               size_t *count)
{
    mvec_ctx *ctx = state->ctx;
    mvec_status status = MVEC_OK;
    *out = NULL;
    *count = 0;
    if (*text == '\0')
        return MVEC_OK;
    size_t n = 1;
    for (const char *p = text; *p; p++)
        n += *p == ';' ? 1u : 0u;
    const char **codes = NULL;
    MVEC_TRY(mvec__arena_alloc(ctx, &state->net->arena, n * sizeof *codes, &codes));
    size_t k = 0;
    const char *p = text;
    while (k < n) {
        size_t length = strcspn(p, ";");
        char code[16];
        size_t start = 0;
        while (start < length && p[start] == ' ')
            start++;
        size_t end = length;
        while (end > start && p[end - 1] == ' ')
            end--;
        if (end - start >= sizeof code)
            end = start + sizeof code - 1;
        memcpy(code, p + start, end - start);
        code[end - start] = '\0';
        if (!known_iso3(state->net->countries, code))
            return mvec__table_fail(ctx, table, column, MVEC_ERR_PARSE,
                                    "%s code '%s' is not an ISO3 country code mvec knows", what,
                                    code);
        for (size_t j = 0; j < k; j++)
            if (strcmp(codes[j], code) == 0)
                return mvec__table_fail(ctx, table, column, MVEC_ERR_PARSE,
                                        "%s code '%s' is listed twice", what, code);
        MVEC_TRY(mvec__arena_strdup(ctx, &state->net->arena, code, &codes[k]));
        k++;
        p += length + (p[length] == ';' ? 1 : 0);
    }
    *out = codes;
    *count = n;
cleanup:
    return status;
}

/* Empty: NAN; else a number >= 0 ("unlimited" too when allowed). */
static mvec_status parse_amount(mvec_ctx *ctx, const mvec__table *table, size_t column,
                                const char *text, bool unlimited_ok, double *out)
{
    if (*text == '\0') {
        *out = NAN;
        return MVEC_OK;
    }
    if (unlimited_ok && strcmp(text, "unlimited") == 0) {
        *out = INFINITY;
        return MVEC_OK;
    }
    const char *reason = NULL;
    double value = 0;
    if (!mvec__parse_number(text, &value, &reason))
        return mvec__table_fail(ctx, table, column, MVEC_ERR_PARSE, "invalid %s '%s': %s%s",
                                table->specs[column].name, text, reason,
                                unlimited_ok ? " (a number, 'unlimited' or empty)" : "");
    if (value < 0 || !isfinite(value))
        return mvec__table_fail(ctx, table, column, MVEC_ERR_PARSE,
                                "%s '%s' must be a finite number >= 0", table->specs[column].name,
                                text);
    *out = value;
    return MVEC_OK;
}

static mvec_status intern(load_state *state, const mvec__table *table, size_t column,
                          const char **out)
{
    return mvec__arena_strdup(state->ctx, &state->net->arena, mvec__table_get(table, column), out);
}

static size_t field_line(const mvec__table *table, size_t column)
{
    int field = table->field_of[column];
    return field >= 0 ? table->record->field_lines[field] : table->record->line;
}

static mvec_status find_commodity(load_state *state, const mvec__table *table, const char *name,
                                  size_t *out)
{
    mvec_ctx *ctx = state->ctx;
    mvec_network *net = state->net;
    mvec_status status = MVEC_OK;
    for (size_t c = 0; c < net->commodity_count; c++)
        if (strcmp(net->commodities[c].name, name) == 0) {
            *out = c;
            return MVEC_OK;
        }
    MVEC_TRY(mvec__grow(ctx, &net->commodities, &net->commodity_capacity, net->commodity_count + 1,
                        sizeof *net->commodities));
    mvec__commodity *c = &net->commodities[net->commodity_count];
    memset(c, 0, sizeof *c);
    c->name = name;
    c->unit = "";
    c->cost_unit = "";
    c->origin = SIZE_MAX;
    c->first_line = table->record->line;
    *out = net->commodity_count++;
cleanup:
    return status;
}

static mvec_status on_row(void *user, mvec__table *table)
{
    load_state *state = user;
    mvec_ctx *ctx = state->ctx;
    mvec_network *net = state->net;
    mvec_status status = MVEC_OK;
    mvec_network_link row;
    memset(&row, 0, sizeof row);
    row.line = table->record->line;

    const char *id = mvec__table_get(table, COL_LINK);
    if (!valid_chars(id, "-", true) || strlen(id) > 64)
        return mvec__table_fail(ctx, table, COL_LINK, MVEC_ERR_PARSE,
                                "invalid link id '%s' (lowercase letters, digits and '-', at most "
                                "64)",
                                id);
    const char *commodity = mvec__table_get(table, COL_COMMODITY);
    if (!valid_chars(commodity, "_", false) || strlen(commodity) > 32)
        return mvec__table_fail(ctx, table, COL_COMMODITY, MVEC_ERR_PARSE,
                                "invalid commodity '%s' (lowercase letters and '_', at most 32)",
                                commodity);
    const char *mode = mvec__table_get(table, COL_MODE);
    size_t m = 0;
    while (m < sizeof MODE_NAMES / sizeof *MODE_NAMES && strcmp(MODE_NAMES[m], mode) != 0)
        m++;
    if (m == sizeof MODE_NAMES / sizeof *MODE_NAMES)
        return mvec__table_fail(ctx, table, COL_MODE, MVEC_ERR_PARSE,
                                "unknown mode '%s' (pipeline, rail, sea, road, port, border or "
                                "delivery)",
                                mode);
    const char *status_text = mvec__table_get(table, COL_STATUS);
    size_t s = 0;
    while (s < sizeof STATUS_NAMES / sizeof *STATUS_NAMES && strcmp(STATUS_NAMES[s], status_text))
        s++;
    if (s == sizeof STATUS_NAMES / sizeof *STATUS_NAMES)
        return mvec__table_fail(ctx, table, COL_STATUS, MVEC_ERR_PARSE,
                                "unknown status '%s' (operating, mothballed, construction, "
                                "proposed or cancelled)",
                                status_text);
    row.status = (mvec_link_status)s;
    long year = 0;
    if (!mvec__parse_int(mvec__table_get(table, COL_YEAR), 1900, 2100, &year))
        return mvec__table_fail(ctx, table, COL_YEAR, MVEC_ERR_PARSE,
                                "invalid year '%s' (1900 to 2100)",
                                mvec__table_get(table, COL_YEAR));
    row.year = (int)year;
    const char *from = mvec__table_get(table, COL_FROM);
    const char *to = mvec__table_get(table, COL_TO);
    bool from_bare = false, to_bare = false;
    MVEC_TRY(check_place(ctx, table, COL_FROM, net->countries, from, &from_bare));
    MVEC_TRY(check_place(ctx, table, COL_TO, net->countries, to, &to_bare));
    if (strcmp(from, to) == 0)
        return mvec__table_fail(ctx, table, COL_TO, MVEC_ERR_PARSE,
                                "link '%s' goes from '%s' to itself", id, from);
    const char *bare = from_bare ? from : to_bare ? to : NULL;
    if (bare != NULL) {
        if (net->country[0] == '\0') {
            memcpy(net->country, bare, 3);
            net->country[3] = '\0';
            net->country_line = row.line;
        } else if (strcmp(net->country, bare) != 0) {
            return mvec__table_fail(ctx, table, from_bare ? COL_FROM : COL_TO, MVEC_ERR_PARSE,
                                    "second origin '%s' (the origin is %s, line %zu): a network "
                                    "describes one country's exports",
                                    bare, net->country, net->country_line);
        }
    }
    MVEC_TRY(parse_amount(ctx, table, COL_CAPACITY, mvec__table_get(table, COL_CAPACITY), true,
                          &row.capacity));
    MVEC_TRY(parse_amount(ctx, table, COL_VOLUME, mvec__table_get(table, COL_VOLUME), false,
                          &row.volume));
    MVEC_TRY(
        parse_amount(ctx, table, COL_COST, mvec__table_get(table, COL_COST), false, &row.cost));
    MVEC_TRY(
        parse_amount(ctx, table, COL_DAYS, mvec__table_get(table, COL_DAYS), false, &row.days));
    MVEC_TRY(parse_codes(state, table, COL_TRANSIT, mvec__table_get(table, COL_TRANSIT), "transit",
                         &row.transit, &row.transit_count));
    MVEC_TRY(parse_codes(state, table, COL_OPERATOR_COUNTRY,
                         mvec__table_get(table, COL_OPERATOR_COUNTRY), "operator_country",
                         &row.operator_countries, &row.operator_country_count));
    const char *unit = mvec__table_get(table, COL_UNIT);
    if (*unit == '\0' && (isfinite(row.capacity) || !isnan(row.volume)))
        return mvec__table_fail(ctx, table, COL_UNIT, MVEC_ERR_PARSE,
                                "a capacity or volume needs its unit");
    if (*mvec__table_get(table, COL_COST_UNIT) == '\0' && !isnan(row.cost))
        return mvec__table_fail(ctx, table, COL_COST_UNIT, MVEC_ERR_PARSE,
                                "a cost needs its cost_unit");
    MVEC_TRY(intern(state, table, COL_LINK, &row.id));
    MVEC_TRY(intern(state, table, COL_NAME, &row.name));
    MVEC_TRY(intern(state, table, COL_COMMODITY, &row.commodity));
    MVEC_TRY(intern(state, table, COL_MODE, &row.mode));
    MVEC_TRY(intern(state, table, COL_FROM, &row.from));
    MVEC_TRY(intern(state, table, COL_TO, &row.to));
    MVEC_TRY(intern(state, table, COL_OPERATOR, &row.operator_name));
    MVEC_TRY(intern(state, table, COL_UNIT, &row.unit));
    MVEC_TRY(intern(state, table, COL_COST_UNIT, &row.cost_unit));
    MVEC_TRY(mvec__arena_strdup(ctx, &net->arena, mvec__table_get(table, COL_SOURCE), &row.source));
    MVEC_TRY(mvec__arena_strdup(ctx, &net->arena, mvec__table_get(table, COL_URL), &row.url));
    MVEC_TRY(mvec__arena_strdup(ctx, &net->arena, mvec__table_get(table, COL_NOTE), &row.note));

    size_t c = 0;
    MVEC_TRY(find_commodity(state, table, row.commodity, &c));
    mvec__commodity *com = &net->commodities[c];
    if (*row.unit != '\0') {
        if (*com->unit == '\0') {
            com->unit = row.unit;
            com->unit_line = field_line(table, COL_UNIT);
        } else if (strcmp(com->unit, row.unit) != 0) {
            return mvec__table_fail(ctx, table, COL_UNIT, MVEC_ERR_PARSE,
                                    "unit '%s' differs from '%s' on line %zu: all links of "
                                    "commodity '%s' must use one unit (mvec converts none)",
                                    row.unit, com->unit, com->unit_line, row.commodity);
        }
    }
    if (*com->cost_unit == '\0' && !isnan(row.cost))
        com->cost_unit = row.cost_unit;
    if (row.year > com->latest_year)
        com->latest_year = row.year;

    size_t link = 0;
    if (mvec__strmap_get(&net->link_index, row.id, &link)) {
        mvec__net_link *l = &net->links[link];
        const mvec_network_link *first = &net->rows[l->rows[0]];
        if (strcmp(first->commodity, row.commodity) != 0 || strcmp(first->from, row.from) != 0 ||
            strcmp(first->to, row.to) != 0)
            return mvec__table_fail(ctx, table, COL_LINK, MVEC_ERR_PARSE,
                                    "link '%s' goes %s -> %s (%s) here but %s -> %s (%s) on line "
                                    "%zu: a link's rows must agree on from, to and commodity",
                                    row.id, row.from, row.to, row.commodity, first->from, first->to,
                                    first->commodity, first->line);
        for (size_t r = 0; r < l->row_count; r++)
            if (net->rows[l->rows[r]].year == row.year)
                return mvec__table_fail(ctx, table, COL_YEAR, MVEC_ERR_PARSE,
                                        "second row of link '%s' for %d (the first is on line "
                                        "%zu)",
                                        row.id, row.year, net->rows[l->rows[r]].line);
    } else {
        if (net->link_count >= MVEC_NETWORK_MAX_LINKS)
            return mvec__table_fail(ctx, table, COL_LINK, MVEC_ERR_LIMIT, "more than %d links",
                                    MVEC_NETWORK_MAX_LINKS);
        MVEC_TRY(mvec__grow(ctx, &net->links, &net->link_capacity, net->link_count + 1,
                            sizeof *net->links));
        link = net->link_count;
        memset(&net->links[link], 0, sizeof net->links[link]);
        net->links[link].commodity = c;
        MVEC_TRY(mvec__strmap_put(ctx, &net->link_index, row.id, link, NULL));
        net->link_count++;
    }
    if (net->row_count >= MAX_ROWS)
        return mvec__table_fail(ctx, table, COL_LINK, MVEC_ERR_LIMIT, "more than %d rows",
                                MAX_ROWS);
    mvec__net_link *l = &net->links[link];
    MVEC_TRY(mvec__realloc(ctx, &l->rows, (l->row_count + 1) * sizeof *l->rows));
    MVEC_TRY(
        mvec__grow(ctx, &net->rows, &net->row_capacity, net->row_count + 1, sizeof *net->rows));
    net->rows[net->row_count] = row;
    /* keep the link's rows in ascending year */
    size_t at = l->row_count;
    while (at > 0 && net->rows[l->rows[at - 1]].year > row.year) {
        l->rows[at] = l->rows[at - 1];
        at--;
    }
    l->rows[at] = net->row_count++;
    l->row_count++;
    MVEC_TRY(mvec__check_cancel(ctx));
cleanup:
    return status;
}

static mvec_status place_vertex(mvec_ctx *ctx, mvec__commodity *c, mvec__strmap *map,
                                const char *place, size_t *out)
{
    mvec_status status = MVEC_OK;
    if (mvec__strmap_get(map, place, out))
        return MVEC_OK;
    size_t capacity = c->place_count;
    MVEC_TRY(mvec__realloc(ctx, &c->places, (capacity + 1) * sizeof *c->places));
    c->places[c->place_count] = place;
    MVEC_TRY(mvec__strmap_put(ctx, map, place, c->place_count, NULL));
    *out = c->place_count++;
cleanup:
    return status;
}

/* Vertices, edges and the CSR of each commodity; the origin of each. */
static mvec_status build_graphs(mvec_ctx *ctx, mvec_network *net)
{
    mvec_status status = MVEC_OK;
    mvec__strmap map = MVEC__STRMAP_INIT;
    size_t *tail = NULL, *head = NULL;
    for (size_t ci = 0; ci < net->commodity_count; ci++) {
        mvec__commodity *c = &net->commodities[ci];
        mvec__strmap_clear(ctx, &map);
        size_t edges = 0;
        for (size_t l = 0; l < net->link_count; l++)
            edges += net->links[l].commodity == ci ? 1u : 0u;
        MVEC_TRY(mvec__alloc(ctx, (edges ? edges : 1) * sizeof *c->links, &c->links));
        for (size_t l = 0; l < net->link_count; l++) {
            mvec__net_link *link = &net->links[l];
            if (link->commodity != ci)
                continue;
            const mvec_network_link *row = &net->rows[link->rows[0]];
            MVEC_TRY(place_vertex(ctx, c, &map, row->from, &link->from));
            MVEC_TRY(place_vertex(ctx, c, &map, row->to, &link->to));
            c->links[c->link_count++] = l;
        }
        MVEC_TRY(mvec__alloc(ctx, (c->place_count + 1) * sizeof *c->markets, &c->markets));
        for (size_t v = 0; v < c->place_count; v++) {
            if (strncmp(c->places[v], "market:", 7) == 0)
                c->markets[c->market_count++] = v;
            else if (strchr(c->places[v], ':') == NULL)
                c->origin = v;
        }
        bool leaves = false;
        for (size_t e = 0; e < c->link_count; e++)
            leaves = leaves || net->links[c->links[e]].from == c->origin;
        if (c->origin == SIZE_MAX || !leaves)
            MVEC_FAIL(ctx, MVEC_ERR_SCHEMA,
                      "%s:%zu: commodity '%s' has no link leaving the origin (a bare ISO3 place "
                      "such as %s: the country's output)",
                      net->name, c->first_line, c->name, net->country[0] ? net->country : "KAZ");
        size_t total = c->link_count + c->market_count;
        MVEC_TRY(mvec__alloc(ctx, total * sizeof *tail, &tail));
        MVEC_TRY(mvec__alloc(ctx, total * sizeof *head, &head));
        for (size_t e = 0; e < c->link_count; e++) {
            tail[e] = net->links[c->links[e]].from;
            head[e] = net->links[c->links[e]].to;
        }
        for (size_t k = 0; k < c->market_count; k++) {
            tail[c->link_count + k] = c->markets[k];
            head[c->link_count + k] = c->place_count; /* the super sink */
        }
        MVEC_TRY(mvec__flow_graph_build(ctx, c->place_count + 1, total, tail, head, &c->graph));
        mvec__free(ctx, tail);
        mvec__free(ctx, head);
        tail = head = NULL;
    }
cleanup:
    mvec__free(ctx, tail);
    mvec__free(ctx, head);
    mvec__strmap_clear(ctx, &map);
    return status;
}

static mvec_status load(mvec_ctx *ctx, const mvec_countries *countries, const char *name,
                        const char *text, size_t length, mvec_network **out)
{
    mvec_status status = MVEC_OK;
    load_state state = {ctx, NULL};
    MVEC_TRY(mvec__calloc(ctx, 1, sizeof *state.net, &state.net));
    state.net->countries = countries;
    MVEC_TRY(mvec__strdup(ctx, name, &state.net->name));
    MVEC_TRY(mvec__table_read(ctx, name, text, length, NETWORK_COLUMNS, COL_COUNT, on_row, &state));
    if (state.net->row_count == 0)
        MVEC_FAIL(ctx, MVEC_ERR_NO_DATA, "%s: no links (only a header)", name);
    mvec_network *net = state.net;
    MVEC_TRY(build_graphs(ctx, net));
    *out = net;
    state.net = NULL;
cleanup:
    mvec_network_free(ctx, state.net);
    return status;
}

mvec_status mvec_network_load_text(mvec_ctx *ctx, const mvec_countries *countries, const char *name,
                                   const char *text, size_t length, mvec_network **out)
{
    return load(ctx, countries, name, text, length, out);
}

mvec_status mvec_network_load_file(mvec_ctx *ctx, const mvec_countries *countries, const char *path,
                                   mvec_network **out)
{
    char *text = NULL;
    size_t length = 0;
    mvec_status status = mvec__file_read(ctx, path, &text, &length);
    if (status == MVEC_OK)
        status = load(ctx, countries, path, text, length, out);
    mvec__free(ctx, text);
    return status;
}

mvec_status mvec_network_load_embedded(mvec_ctx *ctx, const mvec_countries *countries,
                                       const char *country_iso3, mvec_network **out)
{
    if (country_iso3 == NULL || strlen(country_iso3) != 3 ||
        !isalpha((unsigned char)country_iso3[0]) || !isalpha((unsigned char)country_iso3[1]) ||
        !isalpha((unsigned char)country_iso3[2]))
        return mvec__error(ctx, MVEC_ERR_INVALID, "invalid country code '%s' (three letters)",
                           country_iso3 ? country_iso3 : "(null)");
    char path[64];
    snprintf(path, sizeof path, "data/%c%c%c/corridors.csv",
             tolower((unsigned char)country_iso3[0]), tolower((unsigned char)country_iso3[1]),
             tolower((unsigned char)country_iso3[2]));
    const mvec__embedded_file *file = mvec__embedded_find(path);
    if (file == NULL)
        return mvec__error(ctx, MVEC_ERR_NO_DATA,
                           "mvec has no built-in corridor network for %s (a network file "
                           "can be given: docs/formats.md)",
                           country_iso3);
    char name[96];
    snprintf(name, sizeof name, "embedded:%s", path);
    mvec_status status = load(ctx, countries, name, (const char *)file->data, file->length, out);
    return mvec__embedded_defect(ctx, status);
}

void mvec_network_free(mvec_ctx *ctx, mvec_network *net)
{
    if (net == NULL)
        return;
    for (size_t l = 0; l < net->link_count; l++)
        mvec__free(ctx, net->links[l].rows);
    for (size_t c = 0; c < net->commodity_count; c++) {
        mvec__commodity *com = &net->commodities[c];
        mvec__free(ctx, com->places);
        mvec__free(ctx, com->markets);
        mvec__free(ctx, com->links);
        mvec__flow_graph_clear(ctx, &com->graph);
    }
    mvec__free(ctx, net->commodities);
    mvec__free(ctx, net->links);
    mvec__free(ctx, net->rows);
    mvec__strmap_clear(ctx, &net->link_index);
    mvec__arena_clear(ctx, &net->arena);
    mvec__free(ctx, net->name);
    mvec__free(ctx, net);
}

/* ---- accessors ----------------------------------------------------------------------- */

const char *mvec_network_name(const mvec_network *net)
{
    return net->name;
}

const char *mvec_network_country(const mvec_network *net)
{
    return net->country;
}

size_t mvec_network_link_count(const mvec_network *net)
{
    return net->link_count;
}

const mvec_network_link *mvec_network_link_at(const mvec_network *net, size_t index)
{
    if (index >= net->link_count)
        return NULL;
    const mvec__net_link *l = &net->links[index];
    return &net->rows[l->rows[l->row_count - 1]];
}

const mvec_network_link *mvec__network_row_in_year(const mvec_network *net, size_t link, int year)
{
    const mvec__net_link *l = &net->links[link];
    if (year <= 0)
        return &net->rows[l->rows[l->row_count - 1]];
    /* binary search: the last row with row year <= year */
    size_t lo = 0, hi = l->row_count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (net->rows[l->rows[mid]].year <= year)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo == 0 ? NULL : &net->rows[l->rows[lo - 1]];
}

const mvec_network_link *mvec_network_link_in_year(const mvec_network *net, size_t index, int year)
{
    if (index >= net->link_count)
        return NULL;
    return mvec__network_row_in_year(net, index, year);
}

size_t mvec_network_find(const mvec_network *net, const char *id)
{
    size_t index = 0;
    return id != NULL && mvec__strmap_get(&net->link_index, id, &index) ? index : SIZE_MAX;
}

bool mvec_network_link_transits(const mvec_network *net, size_t index, const char *iso3)
{
    if (index >= net->link_count || iso3 == NULL)
        return false;
    const mvec__net_link *l = &net->links[index];
    for (size_t r = 0; r < l->row_count; r++) {
        const mvec_network_link *row = &net->rows[l->rows[r]];
        for (size_t t = 0; t < row->transit_count; t++)
            if (strcmp(row->transit[t], iso3) == 0)
                return true;
    }
    return false;
}

size_t mvec_network_row_count(const mvec_network *net)
{
    return net->row_count;
}

const mvec_network_link *mvec_network_row_at(const mvec_network *net, size_t index)
{
    return index < net->row_count ? &net->rows[index] : NULL;
}

size_t mvec_network_commodity_count(const mvec_network *net)
{
    return net->commodity_count;
}

const char *mvec_network_commodity_at(const mvec_network *net, size_t index)
{
    return index < net->commodity_count ? net->commodities[index].name : NULL;
}

size_t mvec__network_commodity_index(const mvec_network *net, const char *commodity)
{
    for (size_t c = 0; commodity != NULL && c < net->commodity_count; c++)
        if (strcmp(net->commodities[c].name, commodity) == 0)
            return c;
    return SIZE_MAX;
}

const char *mvec_network_commodity_unit(const mvec_network *net, const char *commodity)
{
    size_t c = mvec__network_commodity_index(net, commodity);
    return c == SIZE_MAX ? NULL : net->commodities[c].unit;
}

int mvec_network_latest_year(const mvec_network *net, const char *commodity)
{
    size_t c = mvec__network_commodity_index(net, commodity);
    return c == SIZE_MAX ? 0 : net->commodities[c].latest_year;
}

int mvec_network_best_year(const mvec_network *net, const char *commodity, int near)
{
    int best = 0;
    size_t best_rows = 0;
    size_t rows = mvec_network_row_count(net);
    for (size_t i = 0; i < rows; i++) {
        const mvec_network_link *row = mvec_network_row_at(net, i);
        if (commodity != NULL && strcmp(row->commodity, commodity) != 0)
            continue;
        size_t known = 0;
        for (size_t k = 0; k < rows; k++) {
            const mvec_network_link *other = mvec_network_row_at(net, k);
            known += other->year == row->year && !isnan(other->volume) &&
                     (commodity == NULL || strcmp(other->commodity, commodity) == 0);
        }
        bool closer = near == 0
                          ? row->year > best
                          : abs(row->year - near) < abs(best - near) ||
                                (abs(row->year - near) == abs(best - near) && row->year < best);
        if (best == 0 || known > best_rows || (known == best_rows && closer)) {
            best = row->year;
            best_rows = known;
        }
    }
    return best;
}
