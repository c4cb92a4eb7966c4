/*
 * scenario_lua.c - the scenario API a script sees (docs/scenarios.md) and
 * the translation of its declarations into the engine's plan.
 *
 * Each API call (embargo{...}, close_route{...}, ...) only checks that it got
 * a table and returns it marked with its kind and the script line it came
 * from; scenario{...} keeps the whole declaration. After the script has run,
 * the declarations are read into C structures once the baseline is known
 * (partners, vectors and links must exist), so every mistake is reported
 * with the script's line. The table of calls (API_CALLS) is the one place a
 * new call is added: its fields, its reader.
 */
#include <lauxlib.h>
#include <lua.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sandbox.h"
#include "scenario_lua.h"
#include "sim_internal.h"

#define SCENARIO_KEY "mvec.scenario"

/* ---- the calls a script makes -------------------------------------------------------- */

typedef struct api_call {
    const char *name;
    const char *fields; /* accepted fields, space-separated ("1" = one nested call) */
} api_call;

static const api_call API_CALLS[] = {
    {"embargo", "by hs cut start stop years"},
    {"close_route", "link start stop years months capacity"},
    {"sanctions", "on secondary start stop years"},
    {"target", "partner value by"},
    {"shift", "vector partner change start by"},
    {"volatility", "vector bloc sd"},
    {"opinion", "partner value trend sd"},
    {"value", "commodity usd_per_unit hs source"},
    {"chance", "p 1"},
    {"rule", "when once lag action 1"},
};
enum { API_CALL_COUNT = sizeof API_CALLS / sizeof API_CALLS[0] };

static void where_of(lua_State *L, char *out, size_t size)
{
    lua_Debug ar;
    const char *name = lua_tostring(L, lua_upvalueindex(2));
    if (lua_getstack(L, 1, &ar) && lua_getinfo(L, "l", &ar) && ar.currentline > 0)
        snprintf(out, size, "%s:%d", name ? name : "script", ar.currentline);
    else
        snprintf(out, size, "%s", name ? name : "script");
}

/* embargo{...} and the others: mark the table and give it back. */
static int api_constructor(lua_State *L)
{
    const char *kind = lua_tostring(L, lua_upvalueindex(1));
    char where[96];
    where_of(L, where, sizeof where);
    if (lua_type(L, 1) != LUA_TTABLE || lua_gettop(L) != 1)
        return luaL_error(L, "%s takes one table: %s{ ... }", kind, kind);
    lua_pushstring(L, kind);
    lua_setfield(L, 1, "_kind");
    lua_pushstring(L, where);
    lua_setfield(L, 1, "_where");
    lua_settop(L, 1);
    return 1;
}

static int api_scenario(lua_State *L)
{
    if (lua_type(L, 1) != LUA_TTABLE || lua_gettop(L) != 1)
        return luaL_error(L, "scenario takes one table: scenario{ name = ..., ... }");
    if (lua_getfield(L, LUA_REGISTRYINDEX, SCENARIO_KEY) != LUA_TNIL)
        return luaL_error(L, "scenario{...} is called twice: a script declares one scenario");
    lua_pop(L, 1);
    char where[96];
    where_of(L, where, sizeof where);
    lua_pushstring(L, where);
    lua_setfield(L, 1, "_where");
    lua_pushvalue(L, 1);
    lua_setfield(L, LUA_REGISTRYINDEX, SCENARIO_KEY);
    return 0;
}

static mvec_status register_calls(void *user, lua_State *L)
{
    const char *name = user;
    for (size_t i = 0; i < API_CALL_COUNT; i++) {
        lua_pushstring(L, API_CALLS[i].name);
        lua_pushstring(L, name);
        lua_pushcclosure(L, api_constructor, 2);
        lua_setglobal(L, API_CALLS[i].name);
    }
    lua_pushnil(L);
    lua_pushstring(L, name);
    lua_pushcclosure(L, api_scenario, 2);
    lua_setglobal(L, "scenario");
    return MVEC_OK;
}

mvec_status mvec__scenario_register(mvec_ctx *ctx, mvec__sandbox *box, const char *name)
{
    return mvec__sim_protected(ctx, box, register_calls, (void *)(uintptr_t)name,
                               "registering the scenario API");
}

/* ---- protected work on the state ---------------------------------------------------------- */

typedef struct protected_call {
    mvec__protected_fn fn;
    void *user;
    mvec_status status;
} protected_call;

static int trampoline(lua_State *L)
{
    protected_call *call = lua_touserdata(L, 1);
    lua_pop(L, 1);
    call->status = call->fn(call->user, L);
    return 0;
}

mvec_status mvec__sim_protected(mvec_ctx *ctx, mvec__sandbox *box, mvec__protected_fn fn,
                                void *user, const char *what)
{
    lua_State *L = mvec__sandbox_state(box);
    protected_call call = {fn, user, MVEC_OK};
    if (!lua_checkstack(L, 2))
        return mvec__error(ctx, MVEC_ERR_NOMEM, "out of memory in the scenario's Lua state");
    lua_pushcfunction(L, trampoline);
    lua_pushlightuserdata(L, &call);
    mvec_status status = mvec__sandbox_call(ctx, box, 1, 0, what);
    return status != MVEC_OK ? status : call.status;
}

/* ---- reading declarations ------------------------------------------------------------- */

typedef struct reader {
    mvec_ctx *ctx;
    lua_State *L;
    const mvec__baseline *baseline;
    const mvec_bloc_scheme *scheme;
    const mvec_network *network;
    const mvec_countries *countries;
    const mvec__plan *plan;
    mvec__plan *out; /* where declarations go; NULL when reading a rule's action */
    char where[96];
} reader;

static mvec_status fail(reader *r, const char *fmt, ...) MVEC_PRINTF(2, 3);
static mvec_status fail(reader *r, const char *fmt, ...)
{
    char message[300];
    va_list args;
    va_start(args, fmt);
    vsnprintf(message, sizeof message, fmt, args);
    va_end(args);
    return mvec__error(r->ctx, MVEC_ERR_PARSE, "%s: %s", r->where, message);
}

static const api_call *call_named(const char *kind)
{
    for (size_t i = 0; i < API_CALL_COUNT; i++)
        if (strcmp(API_CALLS[i].name, kind) == 0)
            return &API_CALLS[i];
    return NULL;
}

static bool field_allowed(const api_call *call, const char *field)
{
    size_t n = strlen(field);
    for (const char *f = call->fields; *f;) {
        size_t len = strcspn(f, " ");
        if (len == n && strncmp(f, field, n) == 0)
            return true;
        f += len;
        f += strspn(f, " ");
    }
    return false;
}

/* Every key of the table at `index` is a field the call takes. */
static mvec_status check_fields(reader *r, int index, const api_call *call)
{
    lua_State *L = r->L;
    index = lua_absindex(L, index);
    lua_pushnil(L);
    while (lua_next(L, index) != 0) {
        lua_pop(L, 1);
        char key[64];
        if (lua_type(L, -1) == LUA_TSTRING)
            snprintf(key, sizeof key, "%s", lua_tostring(L, -1));
        else if (lua_isinteger(L, -1))
            snprintf(key, sizeof key, "%lld", (long long)lua_tointeger(L, -1));
        else
            snprintf(key, sizeof key, "?");
        if (key[0] != '_' && !field_allowed(call, key)) {
            lua_pop(L, 1);
            return fail(r, "%s: unknown field '%s'", call->name, key);
        }
    }
    return MVEC_OK;
}

static bool has(lua_State *L, int index, const char *field)
{
    bool present = lua_getfield(L, index, field) != LUA_TNIL;
    lua_pop(L, 1);
    return present;
}

static mvec_status number_field(reader *r, int index, const char *field, double lo, double hi,
                                double fallback, double *out)
{
    lua_State *L = r->L;
    int type = lua_getfield(L, index, field);
    if (type == LUA_TNIL) {
        lua_pop(L, 1);
        if (isnan(fallback))
            return fail(r, "'%s' is required", field);
        *out = fallback;
        return MVEC_OK;
    }
    if (type != LUA_TNUMBER) {
        lua_pop(L, 1);
        return fail(r, "'%s' must be a number", field);
    }
    double value = lua_tonumber(L, -1);
    lua_pop(L, 1);
    if (!(value >= lo && value <= hi)) {
        char range[80];
        snprintf(range, sizeof range, " (from %g to %g)", lo, hi);
        return fail(r, "'%s' is out of range%s", field, range);
    }
    *out = value;
    return MVEC_OK;
}

static mvec_status text_field(reader *r, int index, const char *field, bool required, char *out,
                              size_t size)
{
    lua_State *L = r->L;
    int type = lua_getfield(L, index, field);
    out[0] = '\0';
    if (type == LUA_TNIL) {
        lua_pop(L, 1);
        return required ? fail(r, "'%s' is required", field) : MVEC_OK;
    }
    if (type != LUA_TSTRING) {
        lua_pop(L, 1);
        return fail(r, "'%s' must be a string", field);
    }
    size_t length = 0;
    const char *text = lua_tolstring(L, -1, &length);
    size_t bad = 0;
    bool valid = mvec__utf8_valid(text, length, &bad) && strlen(text) == length;
    if (valid && length < size)
        memcpy(out, text, length + 1);
    lua_pop(L, 1);
    if (!valid)
        return fail(r, "'%s' is not UTF-8 text", field);
    if (length >= size)
        return fail(r, "'%s' is longer than %zu bytes", field, size - 1);
    return MVEC_OK;
}

static mvec_status partner_of(reader *r, const char *code, size_t *out)
{
    const mvec_country *country = mvec_countries_find(r->countries, code);
    if (country == NULL)
        return fail(r, "unknown country '%s'", code);
    size_t p = mvec__baseline_partner(r->baseline, country);
    if (p == SIZE_MAX)
        return fail(r, "%s is not a partner in the base year's data", country->code);
    *out = p;
    return MVEC_OK;
}

/* `by`/`on`/`partner`: one code or a list of codes. */
static mvec_status partners_field(reader *r, int index, const char *field, mvec__shock *shock)
{
    lua_State *L = r->L;
    char code[64];
    int type = lua_getfield(L, index, field);
    mvec_status status = MVEC_OK;
    if (type == LUA_TSTRING) {
        snprintf(code, sizeof code, "%s", lua_tostring(L, -1));
        lua_pop(L, 1);
        shock->partner_count = 1;
        return partner_of(r, code, &shock->partners[0]);
    }
    if (type != LUA_TTABLE) {
        lua_pop(L, 1);
        return fail(r, "'%s' must be a country code or a list of them", field);
    }
    lua_Integer n = luaL_len(L, -1);
    if (n < 1 || n > MVEC__SIM_MAX_PARTNERS_PER_SHOCK) {
        lua_pop(L, 1);
        return fail(r, "'%s' lists 1 to 16 countries", field);
    }
    for (lua_Integer i = 1; i <= n && status == MVEC_OK; i++) {
        if (lua_geti(L, -1, i) != LUA_TSTRING)
            status = fail(r, "'%s' must list country codes", field);
        else {
            snprintf(code, sizeof code, "%s", lua_tostring(L, -1));
            status = partner_of(r, code, &shock->partners[shock->partner_count++]);
        }
        lua_pop(L, 1);
    }
    lua_pop(L, 1);
    return status;
}

static mvec_status hs_range(reader *r, const char *text, mvec__shock *shock)
{
    int lo = 0, hi = 0, used = 0;
    if (strcmp(text, "all") == 0) {
        lo = 1;
        hi = 99;
    } else if (sscanf(text, "%2d-%2d%n", &lo, &hi, &used) == 2 && text[used] == '\0') {
    } else if (sscanf(text, "%2d%n", &lo, &used) == 1 && text[used] == '\0') {
        hi = lo;
    } else {
        return fail(r, "'%s' is not an HS chapter range such as \"01-24\" or \"27\"", text);
    }
    if (lo < 1 || hi > 99 || lo > hi)
        return fail(r, "'%s' is not an HS chapter range within 01-99", text);
    if (shock->range_count == MVEC__SHOCK_MAX_RANGES)
        return fail(r, "at most 8 HS ranges");
    shock->hs_lo[shock->range_count] = lo;
    shock->hs_hi[shock->range_count++] = hi;
    return MVEC_OK;
}

static mvec_status hs_field(reader *r, int index, mvec__shock *shock)
{
    lua_State *L = r->L;
    mvec_status status = MVEC_OK;
    int type = lua_getfield(L, index, "hs");
    if (type == LUA_TNIL) {
        lua_pop(L, 1);
        return hs_range(r, "all", shock);
    }
    if (type == LUA_TSTRING) {
        char text[32];
        snprintf(text, sizeof text, "%s", lua_tostring(L, -1));
        lua_pop(L, 1);
        return hs_range(r, text, shock);
    }
    if (type != LUA_TTABLE) {
        lua_pop(L, 1);
        return fail(r, "'hs' must be a range such as \"01-24\" or a list of them");
    }
    lua_Integer n = luaL_len(L, -1);
    for (lua_Integer i = 1; i <= n && status == MVEC_OK; i++) {
        if (lua_geti(L, -1, i) != LUA_TSTRING)
            status = fail(r, "'hs' must list ranges such as \"01-24\"");
        else {
            char text[32];
            snprintf(text, sizeof text, "%s", lua_tostring(L, -1));
            status = hs_range(r, text, shock);
        }
        lua_pop(L, 1);
    }
    lua_pop(L, 1);
    return status;
}

/* start/stop/years: absolute years at the top level; inside chance and rule only `years`
 * (the shock starts when it is drawn or triggered). */
static mvec_status timing(reader *r, int index, bool relative, mvec__shock *shock)
{
    mvec_status status = MVEC_OK;
    double start = 0, stop = 0, years = 0;
    int base = r->plan->base_year;
    if (relative) {
        if (has(r->L, index, "start") || has(r->L, index, "stop"))
            return fail(r, "inside chance and rule a shock takes 'years', not 'start' or "
                           "'stop': it starts when drawn or triggered");
        MVEC_TRY(number_field(r, index, "years", 1, 100, INT32_MAX, &years));
        shock->start = 0;
        shock->stop = years >= INT32_MAX ? INT32_MAX : (int)years - 1;
        return MVEC_OK;
    }
    MVEC_TRY(number_field(r, index, "start", 1900, 2200, base + 1, &start));
    if (has(r->L, index, "stop") && has(r->L, index, "years"))
        return fail(r, "give 'stop' or 'years', not both");
    MVEC_TRY(number_field(r, index, "stop", start, 2200, INT32_MAX, &stop));
    if (has(r->L, index, "years")) {
        MVEC_TRY(number_field(r, index, "years", 1, 100, 1, &years));
        stop = start + years - 1;
    }
    if (islessgreater(start, floor(start)) ||
        (islessgreater(stop, floor(stop)) && stop < INT32_MAX))
        return fail(r, "years are whole numbers");
    shock->start = (int)start;
    shock->stop = stop >= INT32_MAX ? INT32_MAX : (int)stop;
cleanup:
    return status;
}

static mvec_status vector_field(reader *r, int index, const char *fallback, size_t *out)
{
    char name[64];
    mvec_status status = text_field(r, index, "vector", fallback == NULL, name, sizeof name);
    if (status != MVEC_OK)
        return status;
    if (name[0] == '\0')
        snprintf(name, sizeof name, "%s", fallback);
    if (strcmp(name, "trade") == 0) {
        *out = SIZE_MAX;
        return MVEC_OK;
    }
    *out = mvec__baseline_vector(r->baseline, name);
    if (*out == SIZE_MAX)
        return fail(r,
                    "'%s' is not a vector with values in the base year (trade, "
                    "trade.exports, trade.imports, fdi.stock, debt.external)",
                    name);
    return MVEC_OK;
}

static mvec_status bloc_named(reader *r, const char *name, size_t *out)
{
    for (size_t b = 0; b < mvec_bloc_count(r->scheme); b++)
        if (strcmp(mvec_bloc_name(r->scheme, b), name) == 0) {
            *out = b;
            return MVEC_OK;
        }
    return fail(r, "'%s' is not a bloc of the scheme '%s'", name, mvec_bloc_scheme_name(r->scheme));
}

static mvec_status read_shock(reader *r, int index, const char *kind, bool relative,
                              mvec__shock *shock)
{
    mvec_status status = MVEC_OK;
    lua_State *L = r->L;
    char text[64];
    memset(shock, 0, sizeof *shock);
    snprintf(shock->where, sizeof shock->where, "%s", r->where);
    shock->vector = SIZE_MAX;
    shock->bloc = SIZE_MAX;
    shock->stop = INT32_MAX;
    if (strcmp(kind, "embargo") == 0) {
        shock->kind = MVEC__SHOCK_EMBARGO;
        MVEC_TRY(partners_field(r, index, "by", shock));
        MVEC_TRY(hs_field(r, index, shock));
        MVEC_TRY(number_field(r, index, "cut", 0, 1, 1, &shock->cut));
        MVEC_TRY(timing(r, index, relative, shock));
        snprintf(shock->text, sizeof shock->text, "embargo by %s%s on HS %02d-%02d%s, cut %g %%",
                 r->baseline->partners[shock->partners[0]]->code,
                 shock->partner_count > 1 ? " and others" : "", shock->hs_lo[0], shock->hs_hi[0],
                 shock->range_count > 1 ? " and more" : "", 100 * shock->cut);
    } else if (strcmp(kind, "close_route") == 0) {
        shock->kind = MVEC__SHOCK_CLOSE;
        if (r->network == NULL)
            return fail(r, "close_route needs a corridor network, and %s has none",
                        r->baseline->country->code);
        MVEC_TRY(text_field(r, index, "link", true, text, sizeof text));
        size_t link = mvec_network_find(r->network, text);
        if (link == SIZE_MAX)
            return fail(r,
                        "'%s' is not a link of the corridor network (mvec routes lists "
                        "them)",
                        text);
        shock->link = link;
        double capacity = 0;
        MVEC_TRY(number_field(r, index, "capacity", 0, 1, 0, &capacity));
        shock->cut = 1 - capacity;
        MVEC_TRY(number_field(r, index, "months", 0, 1200, 0, &shock->months));
        if (shock->months > 0 && (has(L, index, "years") || has(L, index, "stop")))
            return fail(r, "give 'months' or 'years'/'stop', not both");
        MVEC_TRY(timing(r, index, relative, shock));
        if (shock->months > 0)
            snprintf(shock->text, sizeof shock->text, "%s closed %g months%s", text, shock->months,
                     capacity > 0 ? " (partly)" : "");
        else
            snprintf(shock->text, sizeof shock->text, "%s at %g %% of capacity", text,
                     100 * capacity);
    } else if (strcmp(kind, "sanctions") == 0) {
        shock->kind = MVEC__SHOCK_SANCTIONS;
        MVEC_TRY(partners_field(r, index, "on", shock));
        MVEC_TRY(number_field(r, index, "secondary", 0, 1, NAN, &shock->cut));
        shock->transit = r->baseline->partners[shock->partners[0]]->code;
        MVEC_TRY(timing(r, index, relative, shock));
        snprintf(shock->text, sizeof shock->text,
                 "sanctions on %s: %g %% of trade with it and of volumes through it at risk",
                 shock->transit, 100 * shock->cut);
    } else if (strcmp(kind, "target") == 0) {
        shock->kind = MVEC__SHOCK_TARGET;
        MVEC_TRY(partners_field(r, index, "partner", shock));
        if (shock->partner_count != 1)
            return fail(r, "target is for one partner");
        double by = 0;
        MVEC_TRY(number_field(r, index, "value", 1, 1e15, NAN, &shock->target));
        MVEC_TRY(number_field(r, index, "by", r->plan->base_year + 1, 2200, NAN, &by));
        if (relative)
            return fail(r, "target is declared at the top level");
        shock->target_year = (int)by;
        shock->start = r->plan->base_year + 1;
        snprintf(shock->text, sizeof shock->text, "trade with %s grows to USD %.4g bn by %d",
                 r->baseline->partners[shock->partners[0]]->code, shock->target / 1e9,
                 shock->target_year);
    } else if (strcmp(kind, "shift") == 0) {
        shock->kind = MVEC__SHOCK_SHIFT;
        MVEC_TRY(vector_field(r, index, NULL, &shock->vector));
        MVEC_TRY(partners_field(r, index, "partner", shock));
        MVEC_TRY(number_field(r, index, "change", -1, 100, NAN, &shock->change));
        double start = 0, by = 0;
        if (relative) {
            shock->start = 0;
            MVEC_TRY(number_field(r, index, "by", 0, 100, 0, &by)); /* years after trigger */
            shock->target_year = (int)by;
        } else {
            MVEC_TRY(number_field(r, index, "start", 1900, 2200, r->plan->base_year + 1, &start));
            MVEC_TRY(number_field(r, index, "by", start, 2200, start, &by));
            shock->start = (int)start;
            shock->target_year = (int)by;
        }
        snprintf(shock->text, sizeof shock->text, "%s with %s changes by %+g %%",
                 shock->vector == SIZE_MAX ? "trade" : r->baseline->vectors[shock->vector].name,
                 r->baseline->partners[shock->partners[0]]->code, 100 * shock->change);
    } else if (strcmp(kind, "volatility") == 0) {
        shock->kind = MVEC__SHOCK_VOLATILITY;
        if (relative)
            return fail(r, "volatility is declared at the top level");
        MVEC_TRY(vector_field(r, index, "trade", &shock->vector));
        MVEC_TRY(number_field(r, index, "sd", 0, 2, NAN, &shock->sd));
        if (has(L, index, "bloc")) {
            MVEC_TRY(text_field(r, index, "bloc", true, text, sizeof text));
            MVEC_TRY(bloc_named(r, text, &shock->bloc));
        }
        shock->start = r->plan->base_year + 1;
        snprintf(shock->text, sizeof shock->text, "yearly noise of sd %g on %s", shock->sd,
                 shock->vector == SIZE_MAX ? "trade" : r->baseline->vectors[shock->vector].name);
    } else {
        return fail(r, "%s cannot be used here", kind);
    }
cleanup:
    return status;
}

/* The table at `index` must be a marked call; its kind and where are set on r. */
static mvec_status call_kind(reader *r, int index, char *kind, size_t size)
{
    lua_State *L = r->L;
    kind[0] = '\0';
    if (lua_type(L, index) != LUA_TTABLE)
        return fail(r, "expected a call such as embargo{...}, got a %s", luaL_typename(L, index));
    if (lua_getfield(L, index, "_kind") != LUA_TSTRING) {
        lua_pop(L, 1);
        return fail(r, "a plain table where a call such as embargo{...} was expected");
    }
    snprintf(kind, size, "%s", lua_tostring(L, -1));
    lua_pop(L, 1);
    if (lua_getfield(L, index, "_where") == LUA_TSTRING)
        snprintf(r->where, sizeof r->where, "%s", lua_tostring(L, -1));
    lua_pop(L, 1);
    const api_call *call = call_named(kind);
    return call ? check_fields(r, index, call) : fail(r, "unknown call '%s'", kind);
}

/* A nested shock: [1] of chance and rule. */
static mvec_status nested_shock(reader *r, int index, mvec__shock *shock)
{
    mvec_status status = MVEC_OK;
    char kind[32], outer[96];
    snprintf(outer, sizeof outer, "%s", r->where);
    lua_geti(r->L, index, 1);
    status = call_kind(r, -1, kind, sizeof kind);
    if (status == MVEC_OK)
        status = read_shock(r, lua_gettop(r->L), kind, true, shock);
    lua_pop(r->L, 1);
    snprintf(r->where, sizeof r->where, "%s", outer);
    return status;
}

mvec_status mvec__scenario_read_shock(mvec_ctx *ctx, lua_State *L, const mvec__baseline *baseline,
                                      const mvec_bloc_scheme *scheme, const mvec_network *network,
                                      const mvec_countries *countries, const mvec__plan *plan,
                                      mvec__shock *shock)
{
    reader r = {ctx, L, baseline, scheme, network, countries, plan, NULL, "action"};
    char kind[32];
    mvec_status status = call_kind(&r, -1, kind, sizeof kind);
    if (status == MVEC_OK)
        status = read_shock(&r, lua_gettop(L), kind, true, shock);
    return status;
}

static mvec_status read_rule(reader *r, int index, mvec__rule *rule)
{
    mvec_status status = MVEC_OK;
    lua_State *L = r->L;
    char text[64];
    double lag = 1;
    memset(rule, 0, sizeof *rule);
    snprintf(rule->where, sizeof rule->where, "%s", r->where);
    rule->opinion = SIZE_MAX;
    rule->other = SIZE_MAX;
    int when = lua_getfield(L, index, "when");
    if (when == LUA_TFUNCTION) {
        rule->lua_condition = true;
        rule->condition_ref = luaL_ref(L, LUA_REGISTRYINDEX);
        r->out->uses_lua = true;
    } else if (when == LUA_TTABLE) {
        int w = lua_gettop(L);
        bool above = has(L, w, "above"), below = has(L, w, "below");
        if (above == below) {
            lua_pop(L, 1);
            return fail(r, "'when' needs 'above' or 'below'");
        }
        rule->test = above ? MVEC__RULE_ABOVE : MVEC__RULE_BELOW;
        const char *side = above ? "above" : "below";
        if (has(L, w, "opinion")) {
            status = text_field(r, w, "opinion", true, text, sizeof text);
            const mvec_country *c =
                status == MVEC_OK ? mvec_countries_find(r->countries, text) : NULL;
            for (size_t i = 0; c && i < r->plan->opinion_count; i++)
                if (r->plan->opinions[i].partner == c)
                    rule->opinion = i;
            if (status == MVEC_OK && rule->opinion == SIZE_MAX)
                status = fail(r,
                              "no opinion{partner = \"%s\", ...} is declared before this "
                              "rule",
                              text);
            if (status == MVEC_OK)
                status = number_field(r, w, side, 0, 1, NAN, &rule->threshold);
        } else {
            status = vector_field(r, w, "trade.exports", &rule->vector);
            if (status == MVEC_OK && rule->vector == SIZE_MAX)
                status = fail(r, "a rule watches one vector (trade.exports, ...), not "
                                 "'trade'");
            if (status == MVEC_OK)
                status = text_field(r, w, "bloc", true, text, sizeof text);
            if (status == MVEC_OK)
                status = bloc_named(r, text, &rule->bloc);
            if (status == MVEC_OK) {
                if (lua_getfield(L, w, side) == LUA_TSTRING) {
                    snprintf(text, sizeof text, "%s", lua_tostring(L, -1));
                    lua_pop(L, 1);
                    status = bloc_named(r, text, &rule->other);
                } else {
                    lua_pop(L, 1);
                    status = number_field(r, w, side, 0, 1, NAN, &rule->threshold);
                }
            }
        }
        lua_pop(L, 1);
        if (status != MVEC_OK)
            return status;
    } else {
        lua_pop(L, 1);
        return fail(r, "rule needs 'when': a function of the state or a table such as "
                       "{vector = \"trade.total\", bloc = \"CHN\", above = \"RUS-EAEU\"}");
    }
    lua_pop(L, 0);
    if (lua_getfield(L, index, "once") == LUA_TNIL)
        rule->once = true;
    else
        rule->once = lua_toboolean(L, -1);
    lua_pop(L, 1);
    MVEC_TRY(number_field(r, index, "lag", 0, 10, 1, &lag));
    rule->lag = (int)lag;
    bool action = has(L, index, "action");
    bool nested = lua_geti(L, index, 1) != LUA_TNIL;
    lua_pop(L, 1);
    if (action == nested)
        return fail(r, "rule takes one shock, e.g. rule{when = ..., embargo{...}}, or an "
                       "'action' function returning one");
    if (action) {
        if (lua_getfield(L, index, "action") != LUA_TFUNCTION) {
            lua_pop(L, 1);
            return fail(r, "'action' must be a function");
        }
        rule->lua_action = true;
        rule->action_ref = luaL_ref(L, LUA_REGISTRYINDEX);
        r->out->uses_lua = true;
    } else {
        rule->has_shock = true;
        MVEC_TRY(nested_shock(r, index, &rule->shock));
    }
cleanup:
    return status;
}

static mvec_status read_opinion(reader *r, int index, mvec__opinion *opinion)
{
    mvec_status status = MVEC_OK;
    char code[64];
    MVEC_TRY(text_field(r, index, "partner", true, code, sizeof code));
    opinion->partner = mvec_countries_find(r->countries, code);
    if (opinion->partner == NULL)
        return fail(r, "unknown country '%s'", code);
    MVEC_TRY(number_field(r, index, "value", 0, 1, NAN, &opinion->value));
    MVEC_TRY(number_field(r, index, "trend", -1, 1, 0, &opinion->trend));
    MVEC_TRY(number_field(r, index, "sd", 0, 1, 0, &opinion->sd));
cleanup:
    return status;
}

static mvec_status read_value(reader *r, int index, mvec__plan *plan)
{
    mvec_status status = MVEC_OK;
    if (plan->value_count == sizeof plan->values / sizeof plan->values[0])
        return fail(r, "at most 8 value{...} declarations");
    mvec__commodity_value *v = &plan->values[plan->value_count];
    char hs[32];
    MVEC_TRY(text_field(r, index, "commodity", true, v->commodity, sizeof v->commodity));
    MVEC_TRY(number_field(r, index, "usd_per_unit", 0, 1e12, NAN, &v->usd_per_unit));
    MVEC_TRY(text_field(r, index, "hs", true, hs, sizeof hs));
    int used = 0;
    if (sscanf(hs, "%2d%n", &v->chapter, &used) != 1 || hs[used] != '\0' || v->chapter < 1 ||
        v->chapter > 99)
        return fail(r, "'hs' is the chapter the commodity's exports are in, e.g. \"27\"");
    plan->value_count++;
cleanup:
    return status;
}

#define PUSH(ctx, array, count, capacity, item)                                                    \
    (mvec__grow((ctx), &(array), &(capacity), (count) + 1, sizeof *(array)) == MVEC_OK             \
         ? ((array)[(count)++] = (item), MVEC_OK)                                                  \
         : MVEC_ERR_NOMEM)

static mvec_status read_declaration(reader *r, int index)
{
    mvec_status status = MVEC_OK;
    char kind[32];
    mvec__plan *plan = r->out;
    MVEC_TRY(call_kind(r, index, kind, sizeof kind));
    if (strcmp(kind, "chance") == 0) {
        mvec__chance chance;
        memset(&chance, 0, sizeof chance);
        MVEC_TRY(number_field(r, index, "p", 0, 1, NAN, &chance.probability));
        MVEC_TRY(nested_shock(r, index, &chance.shock));
        MVEC_TRY(PUSH(r->ctx, plan->chances, plan->chance_count, plan->chance_capacity, chance));
    } else if (strcmp(kind, "rule") == 0) {
        mvec__rule rule;
        MVEC_TRY(read_rule(r, index, &rule));
        MVEC_TRY(PUSH(r->ctx, plan->rules, plan->rule_count, plan->rule_capacity, rule));
    } else if (strcmp(kind, "opinion") == 0) {
        mvec__opinion opinion;
        MVEC_TRY(read_opinion(r, index, &opinion));
        MVEC_TRY(
            PUSH(r->ctx, plan->opinions, plan->opinion_count, plan->opinion_capacity, opinion));
    } else if (strcmp(kind, "value") == 0) {
        MVEC_TRY(read_value(r, index, plan));
    } else {
        mvec__shock shock;
        MVEC_TRY(read_shock(r, index, kind, false, &shock));
        MVEC_TRY(PUSH(r->ctx, plan->shocks, plan->shock_count, plan->shock_capacity, shock));
    }
    if (plan->shock_count + plan->chance_count + plan->rule_count > 1000)
        MVEC_FAIL(r->ctx, MVEC_ERR_LIMIT, "%s: more than 1,000 shocks and rules", r->where);
cleanup:
    return status;
}

mvec_status mvec__scenario_header(mvec_ctx *ctx, lua_State *L, const char *name, mvec__plan *plan)
{
    mvec_status status = MVEC_OK;
    reader r = {ctx, L, NULL, NULL, NULL, NULL, plan, plan, ""};
    snprintf(r.where, sizeof r.where, "%s", name);
    if (lua_getfield(L, LUA_REGISTRYINDEX, SCENARIO_KEY) != LUA_TTABLE) {
        lua_pop(L, 1);
        return mvec__error(ctx, MVEC_ERR_PARSE,
                           "%s: the script declares no scenario: call scenario{ name = ..., "
                           "... } once",
                           name);
    }
    int index = lua_gettop(L);
    if (lua_getfield(L, index, "_where") == LUA_TSTRING)
        snprintf(r.where, sizeof r.where, "%s", lua_tostring(L, -1));
    lua_pop(L, 1);
    double base = 0, years = 10, network_year = 0;
    MVEC_TRY(text_field(&r, index, "name", true, plan->title, sizeof plan->title));
    MVEC_TRY(text_field(&r, index, "country", false, plan->country, sizeof plan->country));
    MVEC_TRY(number_field(&r, index, "base_year", 1900, 2100, 0, &base));
    MVEC_TRY(number_field(&r, index, "years", 1, MVEC_SCENARIO_MAX_YEARS, 10, &years));
    MVEC_TRY(number_field(&r, index, "network_year", 1900, 2100, 0, &network_year));
    plan->network_year = (int)network_year;
    plan->base_year = (int)base;
    plan->years = (int)years;
    lua_pushnil(L);
    while (lua_next(L, index) != 0) {
        lua_pop(L, 1);
        bool known = lua_type(L, -1) == LUA_TNUMBER;
        if (lua_type(L, -1) == LUA_TSTRING) {
            const char *key = lua_tostring(L, -1);
            known = key[0] == '_' || !strcmp(key, "name") || !strcmp(key, "country") ||
                    !strcmp(key, "base_year") || !strcmp(key, "years") ||
                    !strcmp(key, "network_year") || !strcmp(key, "description");
        }
        if (!known) {
            char key[64];
            snprintf(key, sizeof key, "%s",
                     lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : "?");
            lua_pop(L, 2);
            return fail(&r,
                        "scenario: unknown field '%s' (fields: name, country, base_year, "
                        "years, network_year, description, then the calls)",
                        key);
        }
    }
cleanup:
    lua_pop(L, 1);
    return status;
}

mvec_status mvec__scenario_read(mvec_ctx *ctx, lua_State *L, const mvec__baseline *baseline,
                                const mvec_bloc_scheme *scheme, const mvec_network *network,
                                const mvec_countries *countries, mvec__plan *plan)
{
    mvec_status status = MVEC_OK;
    reader r = {ctx, L, baseline, scheme, network, countries, plan, plan, ""};
    lua_getfield(L, LUA_REGISTRYINDEX, SCENARIO_KEY);
    int index = lua_gettop(L);
    lua_Integer n = luaL_len(L, index);
    for (lua_Integer i = 1; i <= n; i++) {
        lua_geti(L, index, i);
        status = read_declaration(&r, lua_gettop(L));
        lua_pop(L, 1);
        if (status != MVEC_OK)
            break;
    }
    lua_pop(L, 1);
    return status;
}
