/*
 * write_routes.c - mvec_routes_write: the corridor results (mvec_network.h)
 * as text within 120 columns, as long CSV (one figure per row) or as JSON,
 * each number with its unit and the year of its figures, and the sources
 * of the links used. Unknown figures read "unknown", unlimited capacities
 * "unlimited", an unbounded max-flow "unbounded".
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "mvec/mvec_network.h"
#include "render_internal.h"

/* An amount: "unknown" for NaN, `infinite` for infinity, else up to 2
 * decimals without trailing zeros. */
static void fmt_amount(char *out, size_t size, double value, const char *infinite)
{
    if (isnan(value)) {
        snprintf(out, size, "unknown");
        return;
    }
    if (isinf(value)) {
        snprintf(out, size, "%s", infinite);
        return;
    }
    mvec__format_c(out, size, "%.2f", value);
    char *dot = strchr(out, '.');
    if (dot != NULL) {
        char *end = out + strlen(out) - 1;
        while (end > dot && *end == '0')
            *end-- = '\0';
        if (end == dot)
            *end = '\0';
    }
    if (strcmp(out, "-0") == 0)
        snprintf(out, size, "0");
}

static void fmt_range(char *out, size_t size, mvec_interval v, const char *infinite)
{
    char lo[48], hi[48];
    fmt_amount(lo, sizeof lo, v.lo, infinite);
    fmt_amount(hi, sizeof hi, v.hi, infinite);
    if (strcmp(lo, hi) == 0)
        snprintf(out, size, "%s", lo);
    else
        snprintf(out, size, "%s to %s", lo, hi);
}

static void fmt_share(char *out, size_t size, mvec_interval v)
{
    if (isnan(v.lo) || isnan(v.hi)) {
        snprintf(out, size, "unknown");
        return;
    }
    char lo[32], hi[32];
    mvec__format_c(lo, sizeof lo, "%.1f%%", 100 * v.lo);
    mvec__format_c(hi, sizeof hi, "%.1f%%", 100 * v.hi);
    if (strcmp(lo, hi) == 0)
        snprintf(out, size, "%s", lo);
    else
        snprintf(out, size, "%s to %s", lo, hi);
}

static const char *plan_text(mvec_plan_state state)
{
    switch (state) {
    case MVEC_PLAN_SOLVED:
        return "every link used has a cost";
    case MVEC_PLAN_PARTIAL:
        return "priced only where costs are known: links without a cost count as free";
    case MVEC_PLAN_NO_COSTS:
        return "no link has a cost: a feasible plan, not priced";
    case MVEC_PLAN_TOO_LARGE:
        return "not solved: more than 400 links";
    case MVEC_PLAN_INFEASIBLE:
        return "no feasible plan: kept volumes exceed capacities";
    case MVEC_PLAN_NONE:
    default:
        return "";
    }
}

static const char *plan_name(mvec_plan_state state)
{
    static const char *const names[] = {"none",     "solved",    "partial",
                                        "no_costs", "too_large", "infeasible"};
    return (size_t)state < sizeof names / sizeof *names ? names[state] : "none";
}

static mvec_status write_text_commodity(mvec_ctx *ctx, const mvec_network *net,
                                        const mvec_routes_commodity *c, mvec__buf *out)
{
    mvec_status status = MVEC_OK;
    char a[128], b[128], d[128], e[128];
    const char *unit = c->unit[0] ? c->unit : "(no unit)";
    MVEC_TRY(mvec__buf_printf(ctx, out, "\n%s: figures of %d", c->commodity, c->year));
    if (c->first_year != c->last_year || c->first_year != c->year)
        MVEC_TRY(
            mvec__buf_printf(ctx, out, " (links' rows of %d-%d)", c->first_year, c->last_year));
    MVEC_TRY(mvec__buf_printf(ctx, out,
                              ", unit %s; %zu links, %zu operating, %zu of them without a "
                              "capacity\n",
                              unit, c->link_count, c->operating_count, c->unknown_capacity_count));
    fmt_range(a, sizeof a, c->capacity, "unbounded");
    fmt_amount(b, sizeof b, c->volume, "unlimited");
    MVEC_TRY(mvec__buf_printf(
        ctx, out, "  max-flow to all markets: %s %s; exported volume: %s %s\n%s", a, unit, b, unit,
        c->unknown_volume_count ? "  (links leaving the origin without a "
                                  "volume count 0)\n"
                                : ""));
    MVEC_TRY(mvec__buf_printf(ctx, out, "\n  %-10s %-24s %-18s %-16s %s\n", "market", "capacity",
                              "share of capacity", "volume", "share of volume"));
    for (size_t m = 0; m < c->market_count; m++) {
        const mvec_routes_market *mk = &c->markets[m];
        fmt_range(a, sizeof a, mk->capacity, "unbounded");
        fmt_share(b, sizeof b, mk->capacity_share);
        fmt_amount(d, sizeof d, mk->volume, "unlimited");
        mvec_interval vs = {mk->volume_share, mk->volume_share};
        fmt_share(e, sizeof e, vs);
        char cap[192], vol[192];
        snprintf(cap, sizeof cap, "%s %s", a, unit);
        snprintf(vol, sizeof vol, "%s%s%s", d, isnan(mk->volume) ? "" : " ",
                 isnan(mk->volume) ? "" : unit);
        MVEC_TRY(mvec__buf_printf(ctx, out, "  %-10s %-24s %-18s %-16s %s\n", mk->market, cap, b,
                                  vol, e));
    }
    if (c->transit_count > 0) {
        MVEC_TRY(mvec__buf_printf(ctx, out, "\n  %-10s %-6s %-24s %s\n", "transit", "links",
                                  "share of capacity", "share of exported volume"));
        for (size_t t = 0; t < c->transit_count; t++) {
            const mvec_routes_transit *tr = &c->transit[t];
            fmt_share(a, sizeof a, tr->capacity_share);
            fmt_share(b, sizeof b, tr->volume_share);
            MVEC_TRY(mvec__buf_printf(ctx, out, "  %-10s %-6zu %-24s %s\n", tr->country,
                                      tr->link_count, a, b));
        }
    } else {
        MVEC_TRY(mvec__buf_puts(ctx, out, "\n  no link crosses a transit country\n"));
    }
    if (c->closed) {
        MVEC_TRY(mvec__buf_printf(ctx, out, "\n  closures: %zu link%s of %s closed\n",
                                  c->closed_count, c->closed_count == 1 ? "" : "s", c->commodity));
        fmt_range(a, sizeof a, c->capacity_after, "unbounded");
        MVEC_TRY(mvec__buf_printf(ctx, out, "  %-26s %s %s\n", "max-flow after closures", a, unit));
        struct {
            const char *label;
            mvec_interval value;
        } lines[] = {
            {"exported volume", {c->volume, c->volume}},
            {"kept on its links", {c->kept, c->kept}},
            {"affected", {c->affected, c->affected}},
            {"stranded", c->stranded},
            {"rerouted", c->rerouted},
        };
        for (size_t i = 0; i < sizeof lines / sizeof *lines; i++) {
            fmt_range(a, sizeof a, lines[i].value, "unlimited");
            MVEC_TRY(mvec__buf_printf(ctx, out, "  %-26s %s %s\n", lines[i].label, a, unit));
        }
        fmt_amount(a, sizeof a, c->plan_supply, "unlimited");
        MVEC_TRY(mvec__buf_printf(ctx, out,
                                  "\n  cheapest plan (GLPK min-cost flow) for %s %s: %s\n", a, unit,
                                  plan_text(c->plan_state)));
        if (c->plan_count > 0) {
            const char *cu = c->cost_unit[0] ? c->cost_unit : "cost unit";
            char cost_header[64], total_header[96];
            snprintf(cost_header, sizeof cost_header, "cost (%s)", cu);
            snprintf(total_header, sizeof total_header, "cost (%s x %s)", cu, unit);
            MVEC_TRY(mvec__buf_printf(ctx, out, "  %-22s %-14s %-14s %-16s %s\n", "link", "flow",
                                      "of it kept", cost_header, total_header));
            for (size_t i = 0; i < c->plan_count; i++) {
                const mvec_routes_flow *f = &c->plan[i];
                const mvec_network_link *row = mvec_network_link_in_year(net, f->link, c->year);
                fmt_amount(a, sizeof a, f->flow, "unlimited");
                fmt_amount(b, sizeof b, f->kept, "unlimited");
                fmt_amount(d, sizeof d, row != NULL ? row->cost : NAN, "unlimited");
                fmt_amount(e, sizeof e, f->cost, "unlimited");
                MVEC_TRY(mvec__buf_printf(ctx, out, "  %-22s %-14s %-14s %-16s %s\n",
                                          row != NULL ? row->id : "?", a, b, d, e));
            }
            fmt_amount(a, sizeof a, c->plan_cost, "unlimited");
            MVEC_TRY(mvec__buf_printf(
                ctx, out, "  %-22s %-14s %-14s %-16s %s%s\n", "total", "", "", "", a,
                c->plan_state == MVEC_PLAN_PARTIAL ? " (priced links only)" : ""));
        }
    }
cleanup:
    return status;
}

/* The links of the result's commodities in force in their year, once each. */
static mvec_status write_text_sources(mvec_ctx *ctx, const mvec_routes *routes, mvec__buf *out)
{
    mvec_status status = MVEC_OK;
    const mvec_network *net = mvec_routes_network(routes);
    MVEC_TRY(mvec__buf_puts(ctx, out, "\nSources (link, year of its figures: source, url):\n"));
    for (size_t i = 0; i < mvec_routes_commodity_count(routes); i++) {
        const mvec_routes_commodity *c = mvec_routes_commodity_at(routes, i);
        for (size_t l = 0; l < mvec_network_link_count(net); l++) {
            const mvec_network_link *row = mvec_network_link_in_year(net, l, c->year);
            if (row == NULL || strcmp(row->commodity, c->commodity) != 0)
                continue;
            MVEC_TRY(mvec__buf_printf(ctx, out, "  %s, %d: ", row->id, row->year));
            size_t start = out->length;
            MVEC_TRY(mvec__buf_printf(ctx, out, "%s%s%s",
                                      row->source[0] ? row->source : "no source",
                                      row->url[0] ? ", " : "", row->url));
            /* keep within 120 columns: cut long lines with an ellipsis */
            size_t width = 4 + strlen(row->id) + 8 + mvec__utf8_width(out->data + start);
            if (width > 120) {
                size_t keep = out->length - start;
                while (keep > 0 && 4 + strlen(row->id) + 8 + keep > 117)
                    keep--;
                while (keep > 0 && ((unsigned char)out->data[start + keep] & 0xC0) == 0x80)
                    keep--;
                out->length = start + keep;
                out->data[out->length] = '\0';
                MVEC_TRY(mvec__buf_puts(ctx, out, "..."));
            }
            MVEC_TRY(mvec__buf_putc(ctx, out, '\n'));
        }
    }
cleanup:
    return status;
}

static mvec_status csv_row(mvec_ctx *ctx, mvec__buf *out, const mvec_routes_commodity *c,
                           const char *section, const char *key, const char *measure,
                           mvec_interval v, const char *unit)
{
    mvec_status status = MVEC_OK;
    char lo[48], hi[48], year[16];
    fmt_amount(lo, sizeof lo, v.lo, "unbounded");
    fmt_amount(hi, sizeof hi, v.hi, "unbounded");
    mvec__fmt_exact(lo, v.lo);
    mvec__fmt_exact(hi, v.hi);
    if (isnan(v.lo))
        lo[0] = '\0';
    if (isnan(v.hi))
        hi[0] = '\0';
    if (isinf(v.hi))
        snprintf(hi, sizeof hi, "unbounded");
    if (isinf(v.lo))
        snprintf(lo, sizeof lo, "unbounded");
    snprintf(year, sizeof year, "%d", c->year);
    MVEC_TRY(mvec__csv_put(ctx, out, c->commodity, false));
    MVEC_TRY(mvec__csv_put(ctx, out, section, false));
    MVEC_TRY(mvec__csv_put(ctx, out, key, false));
    MVEC_TRY(mvec__csv_put(ctx, out, measure, false));
    MVEC_TRY(mvec__csv_put(ctx, out, lo, false));
    MVEC_TRY(mvec__csv_put(ctx, out, hi, false));
    MVEC_TRY(mvec__csv_put(ctx, out, unit, false));
    MVEC_TRY(mvec__csv_put(ctx, out, year, true));
cleanup:
    return status;
}

static mvec_interval point(double v)
{
    mvec_interval i = {v, v};
    return i;
}

static mvec_status write_csv(mvec_ctx *ctx, const mvec_routes *routes, mvec__buf *out)
{
    mvec_status status = MVEC_OK;
    const mvec_network *net = mvec_routes_network(routes);
    MVEC_TRY(mvec__buf_puts(ctx, out, "commodity,section,key,measure,low,high,unit,year\n"));
    for (size_t i = 0; i < mvec_routes_commodity_count(routes); i++) {
        const mvec_routes_commodity *c = mvec_routes_commodity_at(routes, i);
        MVEC_TRY(csv_row(ctx, out, c, "all", "", "max_flow", c->capacity, c->unit));
        MVEC_TRY(csv_row(ctx, out, c, "all", "", "volume", point(c->volume), c->unit));
        for (size_t m = 0; m < c->market_count; m++) {
            const mvec_routes_market *mk = &c->markets[m];
            MVEC_TRY(csv_row(ctx, out, c, "market", mk->market, "max_flow", mk->capacity, c->unit));
            MVEC_TRY(csv_row(ctx, out, c, "market", mk->market, "capacity_share",
                             mk->capacity_share, ""));
            MVEC_TRY(
                csv_row(ctx, out, c, "market", mk->market, "volume", point(mk->volume), c->unit));
            MVEC_TRY(csv_row(ctx, out, c, "market", mk->market, "volume_share",
                             point(mk->volume_share), ""));
        }
        for (size_t t = 0; t < c->transit_count; t++) {
            const mvec_routes_transit *tr = &c->transit[t];
            MVEC_TRY(csv_row(ctx, out, c, "transit", tr->country, "capacity_share",
                             tr->capacity_share, ""));
            for (size_t m = 0; m < c->market_count; m++) {
                char measure[64];
                snprintf(measure, sizeof measure, "capacity_share:%s", c->markets[m].market);
                MVEC_TRY(csv_row(ctx, out, c, "transit", tr->country, measure,
                                 tr->market_capacity_share[m], ""));
            }
            MVEC_TRY(
                csv_row(ctx, out, c, "transit", tr->country, "volume_share", tr->volume_share, ""));
        }
        if (!c->closed)
            continue;
        MVEC_TRY(csv_row(ctx, out, c, "closure", "", "max_flow", c->capacity_after, c->unit));
        MVEC_TRY(csv_row(ctx, out, c, "closure", "", "kept", point(c->kept), c->unit));
        MVEC_TRY(csv_row(ctx, out, c, "closure", "", "affected", point(c->affected), c->unit));
        MVEC_TRY(csv_row(ctx, out, c, "closure", "", "stranded", c->stranded, c->unit));
        MVEC_TRY(csv_row(ctx, out, c, "closure", "", "rerouted", c->rerouted, c->unit));
        MVEC_TRY(csv_row(ctx, out, c, "plan", plan_name(c->plan_state), "supply",
                         point(c->plan_supply), c->unit));
        for (size_t f = 0; f < c->plan_count; f++) {
            const char *id = mvec_network_link_at(net, c->plan[f].link)->id;
            MVEC_TRY(csv_row(ctx, out, c, "plan", id, "flow", point(c->plan[f].flow), c->unit));
            MVEC_TRY(
                csv_row(ctx, out, c, "plan", id, "cost", point(c->plan[f].cost), c->cost_unit));
        }
        if (c->plan_count > 0)
            MVEC_TRY(
                csv_row(ctx, out, c, "plan", "total", "cost", point(c->plan_cost), c->cost_unit));
    }
cleanup:
    return status;
}

static json_t *json_amount(double value)
{
    if (isinf(value))
        return json_string("unbounded");
    return mvec__json_number(value);
}

static json_t *json_range(mvec_interval v)
{
    json_t *o = json_object();
    if (o != NULL && (!mvec__json_set(o, "low", json_amount(v.lo)) ||
                      !mvec__json_set(o, "high", json_amount(v.hi)))) {
        json_decref(o);
        return NULL;
    }
    return o;
}

static json_t *json_commodity(const mvec_network *net, const mvec_routes_commodity *c)
{
    json_t *o = json_object();
    json_t *markets = json_array();
    json_t *transit = json_array();
    bool ok = o != NULL && markets != NULL && transit != NULL;
    ok = ok && mvec__json_set(o, "commodity", json_string(c->commodity)) &&
         mvec__json_set(o, "unit", json_string(c->unit)) &&
         mvec__json_set(o, "year", json_integer(c->year)) &&
         mvec__json_set(o, "first_year", json_integer(c->first_year)) &&
         mvec__json_set(o, "last_year", json_integer(c->last_year)) &&
         mvec__json_set(o, "links", json_integer((json_int_t)c->link_count)) &&
         mvec__json_set(o, "operating", json_integer((json_int_t)c->operating_count)) &&
         mvec__json_set(o, "unknown_capacity",
                        json_integer((json_int_t)c->unknown_capacity_count)) &&
         mvec__json_set(o, "max_flow", json_range(c->capacity)) &&
         mvec__json_set(o, "volume", mvec__json_number(c->volume)) &&
         mvec__json_set(o, "unknown_volume", json_integer((json_int_t)c->unknown_volume_count));
    for (size_t m = 0; ok && m < c->market_count; m++) {
        const mvec_routes_market *mk = &c->markets[m];
        json_t *item = json_object();
        ok = item != NULL && mvec__json_set(item, "market", json_string(mk->market)) &&
             mvec__json_set(item, "max_flow", json_range(mk->capacity)) &&
             mvec__json_set(item, "capacity_share", json_range(mk->capacity_share)) &&
             mvec__json_set(item, "volume", mvec__json_number(mk->volume)) &&
             mvec__json_set(item, "volume_share", mvec__json_number(mk->volume_share)) &&
             json_array_append_new(markets, item) == 0;
    }
    for (size_t t = 0; ok && t < c->transit_count; t++) {
        const mvec_routes_transit *tr = &c->transit[t];
        json_t *item = json_object();
        json_t *per = json_object();
        ok = item != NULL && per != NULL;
        for (size_t m = 0; ok && m < c->market_count; m++)
            ok =
                mvec__json_set(per, c->markets[m].market, json_range(tr->market_capacity_share[m]));
        ok = ok && mvec__json_set(item, "country", json_string(tr->country)) &&
             mvec__json_set(item, "links", json_integer((json_int_t)tr->link_count)) &&
             mvec__json_set(item, "capacity_share", json_range(tr->capacity_share)) &&
             mvec__json_set(item, "capacity_share_by_market", per) &&
             mvec__json_set(item, "volume_share", json_range(tr->volume_share)) &&
             json_array_append_new(transit, item) == 0;
        if (!ok) {
            json_decref(item);
        }
    }
    ok = ok && mvec__json_set(o, "markets", markets) && mvec__json_set(o, "transit", transit);
    markets = transit = NULL;
    if (ok && c->closed) {
        json_t *closure = json_object();
        json_t *plan = json_object();
        json_t *flows = json_array();
        ok = closure != NULL && plan != NULL && flows != NULL &&
             mvec__json_set(closure, "closed_links", json_integer((json_int_t)c->closed_count)) &&
             mvec__json_set(closure, "max_flow", json_range(c->capacity_after)) &&
             mvec__json_set(closure, "kept", mvec__json_number(c->kept)) &&
             mvec__json_set(closure, "affected", mvec__json_number(c->affected)) &&
             mvec__json_set(closure, "stranded", json_range(c->stranded)) &&
             mvec__json_set(closure, "rerouted", json_range(c->rerouted));
        for (size_t f = 0; ok && f < c->plan_count; f++) {
            json_t *item = json_object();
            ok = item != NULL &&
                 mvec__json_set(item, "link",
                                json_string(mvec_network_link_at(net, c->plan[f].link)->id)) &&
                 mvec__json_set(item, "flow", mvec__json_number(c->plan[f].flow)) &&
                 mvec__json_set(item, "kept", mvec__json_number(c->plan[f].kept)) &&
                 mvec__json_set(item, "cost", mvec__json_number(c->plan[f].cost)) &&
                 json_array_append_new(flows, item) == 0;
        }
        ok = ok && mvec__json_set(plan, "state", json_string(plan_name(c->plan_state))) &&
             mvec__json_set(plan, "note", json_string(plan_text(c->plan_state))) &&
             mvec__json_set(plan, "supply", mvec__json_number(c->plan_supply)) &&
             mvec__json_set(plan, "cost", mvec__json_number(c->plan_cost)) &&
             mvec__json_set(plan, "cost_unit", json_string(c->cost_unit)) &&
             mvec__json_set(plan, "flows", flows);
        flows = NULL;
        ok = ok && mvec__json_set(closure, "plan", plan);
        plan = NULL;
        ok = ok && mvec__json_set(o, "closure", closure);
        closure = NULL;
        json_decref(flows);
        json_decref(plan);
        json_decref(closure);
    }
    json_decref(markets);
    json_decref(transit);
    if (!ok) {
        json_decref(o);
        return NULL;
    }
    return o;
}

static mvec_status write_json(mvec_ctx *ctx, const mvec_routes *routes, mvec__buf *out)
{
    mvec_status status = MVEC_OK;
    const mvec_network *net = mvec_routes_network(routes);
    json_t *root = json_object();
    json_t *items = json_array();
    json_t *sources = json_array();
    bool ok = root != NULL && items != NULL && sources != NULL &&
              mvec__json_set(root, "country", json_string(mvec_network_country(net))) &&
              mvec__json_set(root, "network", json_string(mvec_network_name(net)));
    for (size_t i = 0; ok && i < mvec_routes_commodity_count(routes); i++) {
        const mvec_routes_commodity *c = mvec_routes_commodity_at(routes, i);
        json_t *item = json_commodity(net, c);
        ok = item != NULL && json_array_append_new(items, item) == 0;
        for (size_t l = 0; ok && l < mvec_network_link_count(net); l++) {
            const mvec_network_link *row = mvec_network_link_in_year(net, l, c->year);
            if (row == NULL || strcmp(row->commodity, c->commodity) != 0)
                continue;
            json_t *s = json_object();
            ok = s != NULL && mvec__json_set(s, "link", json_string(row->id)) &&
                 mvec__json_set(s, "commodity", json_string(row->commodity)) &&
                 mvec__json_set(s, "year", json_integer(row->year)) &&
                 mvec__json_set(s, "source", json_string(row->source)) &&
                 mvec__json_set(s, "url", json_string(row->url)) &&
                 mvec__json_set(s, "note", json_string(row->note)) &&
                 json_array_append_new(sources, s) == 0;
        }
    }
    ok = ok && mvec__json_set(root, "commodities", items);
    items = NULL;
    ok = ok && mvec__json_set(root, "sources", sources);
    sources = NULL;
    if (!ok)
        MVEC_FAIL(ctx, MVEC_ERR_NOMEM, "out of memory building JSON");
    MVEC_TRY(mvec__json_emit(ctx, root, out));
cleanup:
    json_decref(items);
    json_decref(sources);
    json_decref(root);
    return status;
}

/* The long CSV as a sheet ("unbounded", "unknown" stay words), and the sources
 * of the links used, as the JSON lists them. */
static mvec_status write_xlsx(mvec_ctx *ctx, const mvec_routes *routes, mvec__buf *out,
                              const mvec_sink *sink)
{
    mvec_status status = MVEC_OK;
    const mvec_network *net = mvec_routes_network(routes);
    mvec__buf csv = MVEC__BUF_INIT(MVEC__OUTPUT_MAX);
    mvec__result r, sources;
    mvec__result_init(&r);
    mvec__result_init(&sources);
    char note[256];
    MVEC_TRY(write_csv(ctx, routes, &csv));
    MVEC_TRY(mvec__result_from_csv(ctx, csv.data ? csv.data : "", csv.length, &r));
    MVEC_TRY(mvec__sources_init(ctx, &sources));
    for (size_t i = 0; i < mvec_routes_commodity_count(routes); i++) {
        const mvec_routes_commodity *c = mvec_routes_commodity_at(routes, i);
        for (size_t l = 0; l < mvec_network_link_count(net); l++) {
            const mvec_network_link *row = mvec_network_link_in_year(net, l, c->year);
            if (row == NULL || strcmp(row->commodity, c->commodity) != 0)
                continue;
            snprintf(note, sizeof note, "link %s, figures of %d%s%s", row->id, row->year,
                     row->note[0] ? ": " : "", row->note);
            MVEC_TRY(mvec__sources_add(ctx, &sources, row->source[0] ? row->source : "no source",
                                       NULL, NULL, NULL, NULL, row->url, note, NULL));
        }
    }
    mvec__sheet sheet = {"Routes", &r};
    MVEC_TRY(mvec__workbook_emit(ctx, &sheet, 1, &sources, out, sink));
cleanup:
    mvec__result_clear(ctx, &r);
    mvec__result_clear(ctx, &sources);
    mvec__buf_clear(ctx, &csv);
    return status;
}

mvec_status mvec_routes_write(mvec_ctx *ctx, const mvec_routes *routes, mvec_format format,
                              const mvec_sink *sink)
{
    mvec_status status = MVEC_OK;
    mvec__buf out = MVEC__BUF_INIT(MVEC__OUTPUT_MAX);
    const mvec_network *net = mvec_routes_network(routes);
    if (format == MVEC_FORMAT_TABLE) {
        MVEC_TRY(mvec__buf_printf(ctx, &out, "Export corridors of %s (network %s)\n",
                                  mvec_network_country(net), mvec_network_name(net)));
        for (size_t i = 0; i < mvec_routes_commodity_count(routes); i++)
            MVEC_TRY(write_text_commodity(ctx, net, mvec_routes_commodity_at(routes, i), &out));
        MVEC_TRY(write_text_sources(ctx, routes, &out));
    } else if (format == MVEC_FORMAT_CSV) {
        MVEC_TRY(write_csv(ctx, routes, &out));
    } else if (format == MVEC_FORMAT_JSON) {
        MVEC_TRY(write_json(ctx, routes, &out));
    } else if (format == MVEC_FORMAT_XLSX) {
        MVEC_TRY(write_xlsx(ctx, routes, &out, sink));
        goto cleanup; /* sent */
    } else {
        MVEC_FAIL(ctx, MVEC_ERR_INVALID, "unknown output format %d", (int)format);
    }
    MVEC_TRY(mvec__sink_emit(ctx, sink, &out));
cleanup:
    mvec__buf_clear(ctx, &out);
    return status;
}
