/*
 * sandbox.c - the Lua 5.4 state scenario scripts run in (sandbox.h).
 *
 * How a script is kept inside its limits:
 *  - memory: the lua_Alloc refuses growth beyond the cap (Lua then collects
 *    and retries once, then raises "not enough memory");
 *  - instructions and time: a count hook every HOOK_STEP instructions adds
 *    to the count and reads the monotonic clock. Lua's lua_newthread copies
 *    the creating thread's hook, so coroutines carry it too. The allocator
 *    also reads the clock on large or every 1024th request, so C functions
 *    that allocate (string.rep, concatenation) cannot run far past the time;
 *  - once a limit is hit (`stop`), the hook fires at every instruction and
 *    raises, growth allocations fail, and pcall, xpcall and coroutine.resume
 *    re-raise, so no script code can catch it and go on;
 *  - C loops a script could drive without running instructions or
 *    allocating are closed: pattern matching (string.find, match, gmatch,
 *    gsub) is left out; table.insert,
 *    table.remove and table.move are Lua code (a hostile __len or C
 *    metamethods made Lua's C loops run for 2^62 turns); table.sort and
 *    table.concat refuse tables with a metatable; string.rep of an empty
 *    string returns at once; utf8.len, utf8.offset and utf8.codepoint charge
 *    their walk over the string; collectgarbage only counts;
 *  - __gc metamethods are refused (finalizers run with hooks off).
 * Everything runs under lua_pcall: Lua's panic never aborts the process.
 */
#include "sandbox.h"

#include <lauxlib.h>
#include <lua.h>
#include <lualib.h>
#include <math.h>
#include <string.h>
#include <time.h>

enum {
    HOOK_STEP = 1000,         /* instructions between two calls of the hook */
    CLOCK_BYTES = 256 * 1024, /* allocations at least this large read the clock */
    MESSAGE_MAX = 600,        /* bytes of a script's error message kept */
    DEEP_RECURSION = 50000,   /* calls deep: a memory refusal then counts as stack overflow */
};

typedef enum stop_reason {
    STOP_NONE,
    STOP_MEMORY,       /* the cap refused an allocation and Lua gave up */
    STOP_NOMEM,        /* the context's allocator failed */
    STOP_INSTRUCTIONS, /* the instruction count reached the limit */
    STOP_TIME,         /* the wall clock passed the limit */
    STOP_RAISED,       /* an engine function called mvec__sandbox_raise */
} stop_reason;

struct mvec__sandbox {
    lua_State *L;
    mvec_ctx *ctx;
    mvec__sandbox_limits limits;
    size_t used_bytes;         /* the Lua heap, as Lua counts it */
    bool memory_refused;       /* a refusal not yet satisfied by Lua's retry */
    const void *refused_block; /* that refused request, to recognise the retry */
    size_t refused_size;
    unsigned long alloc_count;  /* requests, to read the clock on every 1024th */
    lua_State *running;         /* the thread the hook last ran on */
    bool deep_recursion;        /* a refusal came with the stack DEEP_RECURSION deep */
    int depth;                  /* runs and calls under way (nested calls share limits) */
    bool armed;                 /* limits apply (depth > 0) */
    stop_reason stop;           /* why the current run or call is being stopped */
    mvec_status raised_status;  /* for STOP_RAISED */
    unsigned long instructions; /* counted in this run or call */
    struct timespec started;    /* when it began */
    char where[96];             /* "name:line" of the error being raised, if known */
};

static mvec__sandbox *box_of(lua_State *L)
{
    void *user = NULL;
    (void)lua_getallocf(L, &user);
    return user;
}

static double seconds_since(const struct timespec *start)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (double)(now.tv_sec - start->tv_sec) + (double)(now.tv_nsec - start->tv_nsec) * 1e-9;
}

/* Count `steps` more instructions and read the clock; sets box->stop. */
static void charge(mvec__sandbox *box, unsigned long steps)
{
    if (!box->armed || box->stop != STOP_NONE)
        return;
    box->instructions += steps;
    if (box->instructions >= box->limits.instructions)
        box->stop = STOP_INSTRUCTIONS;
    else if (seconds_since(&box->started) > box->limits.seconds)
        box->stop = STOP_TIME;
}

/* ---- memory -------------------------------------------------------------------------- */

static void *box_alloc(void *user, void *ptr, size_t old_size, size_t new_size)
{
    mvec__sandbox *box = user;
    size_t old = ptr != NULL ? old_size : 0; /* with ptr NULL, old_size is a type tag */
    if (new_size == 0) {
        mvec__free(box->ctx, ptr);
        box->used_bytes -= old;
        return NULL;
    }
    if (new_size > old) {
        if (box->armed && (new_size - old >= CLOCK_BYTES || (++box->alloc_count & 1023) == 0))
            charge(box, 0);
        if ((box->armed && box->stop != STOP_NONE) ||
            new_size - old > box->limits.memory_bytes - box->used_bytes) {
            if (box->stop == STOP_NONE || !box->armed) {
                lua_Debug ar; /* (reads the call list only: safe inside the allocator) */
                if (box->armed && box->running != NULL &&
                    lua_getstack(box->running, DEEP_RECURSION, &ar))
                    box->deep_recursion = true;
                box->memory_refused = true;
                box->refused_block = ptr;
                box->refused_size = new_size;
            }
            return NULL;
        }
    }
    void *block = ptr;
    if (mvec__realloc(box->ctx, &block, new_size) != MVEC_OK)
        return new_size <= old ? ptr : NULL; /* a shrink may keep the larger block */
    box->used_bytes = box->used_bytes - old + new_size;
    if (box->memory_refused && ptr == box->refused_block && new_size == box->refused_size)
        box->memory_refused = false; /* Lua's retry after collecting succeeded */
    return block;
}

/* A memory error at `status` (LUA_ERRMEM, or "not enough memory" passed on
 * through coroutine.wrap) stops the script. */
static void note_error(lua_State *L, mvec__sandbox *box, int status)
{
    if (!box->armed || box->stop != STOP_NONE)
        return;
    bool memory = status == LUA_ERRMEM;
    if (!memory && box->memory_refused && lua_type(L, -1) == LUA_TSTRING) {
        const char *text = lua_tostring(L, -1);
        size_t length = strlen(text);
        memory = length >= 17 && strcmp(text + length - 17, "not enough memory") == 0;
    }
    if (memory)
        box->stop = box->memory_refused ? STOP_MEMORY : STOP_NOMEM;
}

/* ---- instructions and time ----------------------------------------------------------- */

static int raise_stop(lua_State *L)
{
    lua_pushliteral(L, "scenario stopped by the sandbox");
    return lua_error(L);
}

static void box_hook(lua_State *L, lua_Debug *ar)
{
    (void)ar;
    mvec__sandbox *box = box_of(L);
    if (!box->armed)
        return;
    box->running = L;
    charge(box, (unsigned long)lua_gethookcount(L));
    if (box->stop == STOP_NONE)
        return;
    /* fail at every instruction from now on, here and in the main thread */
    lua_sethook(L, box_hook, LUA_MASKCOUNT, 1);
    if (L != box->L)
        lua_sethook(box->L, box_hook, LUA_MASKCOUNT, 1);
    raise_stop(L);
}

/* ---- the libraries ------------------------------------------------------------------- */

static int box_print(lua_State *L)
{
    (void)L;
    return 0;
}

static int box_collectgarbage(lua_State *L)
{
    const char *option = luaL_optstring(L, 1, "collect");
    if (strcmp(option, "count") != 0)
        return luaL_error(L,
                          "collectgarbage(\"%s\") is not available in a scenario (only "
                          "\"count\")",
                          option);
    mvec__sandbox *box = box_of(L);
    lua_pushnumber(L, (lua_Number)box->used_bytes / 1024.0);
    return 1;
}

/* load(chunk [, chunkname [, mode [, env]]]): text chunks (strings) only. */
static int box_load(lua_State *L)
{
    size_t length;
    const char *text = luaL_checklstring(L, 1, &length);
    const char *name = luaL_optstring(L, 2, text);
    const char *mode = luaL_optstring(L, 3, "t");
    if (strcmp(mode, "t") != 0)
        return luaL_error(L, "load: only text chunks (mode \"t\") in a scenario");
    int env = !lua_isnone(L, 4) ? 4 : 0;
    if (luaL_loadbufferx(L, text, length, name, "t") == LUA_OK) {
        if (env != 0) {
            lua_pushvalue(L, env);
            if (!lua_setupvalue(L, -2, 1))
                lua_pop(L, 1);
        }
        return 1;
    }
    luaL_pushfail(L);
    lua_insert(L, -2);
    return 2;
}

static int box_setmetatable(lua_State *L)
{
    if (lua_type(L, 2) == LUA_TTABLE) {
        lua_pushliteral(L, "__gc");
        int type = lua_rawget(L, 2);
        lua_pop(L, 1);
        if (type != LUA_TNIL)
            return luaL_error(L, "setmetatable: __gc metamethods are not allowed in a scenario");
    }
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_call(L, lua_gettop(L) - 1, 1);
    return 1;
}

static int finish_pcall(lua_State *L, int status, lua_KContext extra)
{
    if (status != LUA_OK && status != LUA_YIELD) {
        mvec__sandbox *box = box_of(L);
        note_error(L, box, status);
        if (box->armed && box->stop != STOP_NONE)
            return lua_error(L); /* a limit: not for the script to catch */
        lua_pushboolean(L, 0);
        lua_pushvalue(L, -2);
        return 2;
    }
    return lua_gettop(L) - (int)extra;
}

static int box_pcall(lua_State *L)
{
    luaL_checkany(L, 1);
    lua_pushboolean(L, 1);
    lua_insert(L, 1);
    int status = lua_pcallk(L, lua_gettop(L) - 2, LUA_MULTRET, 0, 0, finish_pcall);
    return finish_pcall(L, status, 0);
}

static int box_xpcall(lua_State *L)
{
    int n = lua_gettop(L);
    luaL_checktype(L, 2, LUA_TFUNCTION);
    lua_pushboolean(L, 1);
    lua_pushvalue(L, 1);
    lua_rotate(L, 3, 2);
    int status = lua_pcallk(L, n - 2, LUA_MULTRET, 2, 2, finish_pcall);
    return finish_pcall(L, status, 2);
}

/* coroutine.resume, then re-raise a limit hit inside the coroutine. */
static int box_resume(lua_State *L)
{
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_call(L, lua_gettop(L) - 1, LUA_MULTRET);
    mvec__sandbox *box = box_of(L);
    if (lua_gettop(L) >= 2 && !lua_toboolean(L, 1)) {
        lua_settop(L, 2);
        note_error(L, box, LUA_ERRRUN);
    }
    if (box->armed && box->stop != STOP_NONE)
        return raise_stop(L);
    return lua_gettop(L);
}

/* string.rep without its loop over an empty string, and with the cap checked first. */
static int box_rep(lua_State *L)
{
    size_t length, sep_length;
    (void)luaL_checklstring(L, 1, &length);
    lua_Integer count = luaL_checkinteger(L, 2);
    (void)luaL_optlstring(L, 3, "", &sep_length);
    if (count <= 0 || (length == 0 && sep_length == 0)) {
        lua_pushliteral(L, "");
        return 1;
    }
    mvec__sandbox *box = box_of(L);
    double total = (double)count * (double)length + (double)(count - 1) * (double)sep_length;
    if (total > (double)box->limits.memory_bytes) {
        if (box->armed) {
            box->memory_refused = true;
            box->stop = STOP_MEMORY;
            return raise_stop(L);
        }
        return luaL_error(L, "resulting string too large");
    }
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_call(L, lua_gettop(L) - 1, 1);
    return 1;
}

/* utf8.len, utf8.offset, utf8.codepoint: the original, then its walk over the string charged
 * (a byte is 1/16 instruction), so a loop over a large string cannot run far past the limits
 * between two calls of the hook. */
static int charged(lua_State *L)
{
    size_t length = 0;
    if (lua_type(L, 1) == LUA_TSTRING)
        (void)lua_tolstring(L, 1, &length);
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_call(L, lua_gettop(L) - 1, LUA_MULTRET);
    mvec__sandbox *box = box_of(L);
    charge(box, (unsigned long)(length / 16));
    if (box->armed && box->stop != STOP_NONE)
        return raise_stop(L);
    return lua_gettop(L);
}

/* table.sort and table.concat on plain tables only: with C metamethods (__index = rawlen,
 * ...) and a hostile __len their C loops would run 2^31 turns without one instruction. */
static int plain_table_only(lua_State *L)
{
    luaL_checktype(L, 1, LUA_TTABLE);
    if (lua_getmetatable(L, 1)) {
        lua_pop(L, 1);
        return luaL_error(L, "%s: a table with a metatable is not accepted in a scenario",
                          lua_tostring(L, lua_upvalueindex(2)));
    }
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_call(L, lua_gettop(L) - 1, LUA_MULTRET);
    return lua_gettop(L);
}

/* table.insert, table.remove and table.move as Lua code, so the count hook sees their loops. */
static const char TABLE_FUNCTIONS[] =
    "local table, tointeger, maxinteger, error, select, type, rawequal = ...\n"
    "local function checktable(t, n, f)\n"
    "  if type(t) ~= 'table' then\n"
    "    error('bad argument #' .. n .. \" to '\" .. f .. \"' (table expected, got \" ..\n"
    "          type(t) .. ')', 3)\n"
    "  end\n"
    "end\n"
    "local function checkint(v, n, f)\n"
    "  local i = tointeger(v)\n"
    "  if i == nil then\n"
    "    error('bad argument #' .. n .. \" to '\" .. f .. \"' (integer expected, got \" ..\n"
    "          type(v) .. ')', 3)\n"
    "  end\n"
    "  return i\n"
    "end\n"
    "function table.insert(t, ...)\n"
    "  checktable(t, 1, 'insert')\n"
    "  local e = #t + 1\n"
    "  local n = select('#', ...)\n"
    "  if n == 1 then t[e] = ...; return end\n"
    "  if n ~= 2 then error(\"wrong number of arguments to 'insert'\", 2) end\n"
    "  local pos, v = ...\n"
    "  pos = checkint(pos, 2, 'insert')\n"
    "  if pos < 1 or pos > e then\n"
    "    error(\"bad argument #2 to 'insert' (position out of bounds)\", 2)\n"
    "  end\n"
    "  for i = e, pos + 1, -1 do t[i] = t[i - 1] end\n"
    "  t[pos] = v\n"
    "end\n"
    "function table.remove(t, pos)\n"
    "  checktable(t, 1, 'remove')\n"
    "  local size = #t\n"
    "  if pos == nil then pos = size else\n"
    "    pos = checkint(pos, 2, 'remove')\n"
    "    if pos ~= size and (pos < 1 or pos - 1 > size) then\n"
    "      error(\"bad argument #2 to 'remove' (position out of bounds)\", 2)\n"
    "    end\n"
    "  end\n"
    "  local v = t[pos]\n"
    "  while pos < size do t[pos] = t[pos + 1]; pos = pos + 1 end\n"
    "  t[pos] = nil\n"
    "  return v\n"
    "end\n"
    "function table.move(a1, f, e, t, a2)\n"
    "  checktable(a1, 1, 'move')\n"
    "  f = checkint(f, 2, 'move'); e = checkint(e, 3, 'move'); t = checkint(t, 4, 'move')\n"
    "  if a2 == nil then a2 = a1 else checktable(a2, 5, 'move') end\n"
    "  if e >= f then\n"
    "    if not (f > 0 or e < maxinteger + f) then\n"
    "      error(\"bad argument #3 to 'move' (too many elements to move)\", 2)\n"
    "    end\n"
    "    local n = e - f + 1\n"
    "    if t > maxinteger - n + 1 then\n"
    "      error(\"bad argument #4 to 'move' (destination wrap around)\", 2)\n"
    "    end\n"
    "    if t > e or t <= f or not rawequal(a1, a2) then\n"
    "      for i = 0, n - 1 do a2[t + i] = a1[f + i] end\n"
    "    else\n"
    "      for i = n - 1, 0, -1 do a2[t + i] = a1[f + i] end\n"
    "    end\n"
    "  end\n"
    "  return a2\n"
    "end\n";

/* Replace field `name` of the table at -1 by `fn`, with the old value as upvalue 1 and
 * `label` (may be NULL) as upvalue 2. */
static void wrap_field(lua_State *L, const char *name, lua_CFunction fn, const char *label)
{
    lua_getfield(L, -1, name);
    int upvalues = 1;
    if (label != NULL) {
        lua_pushstring(L, label);
        upvalues = 2;
    }
    lua_pushcclosure(L, fn, upvalues);
    lua_setfield(L, -2, name);
}

static void set_function(lua_State *L, const char *name, lua_CFunction fn)
{
    lua_pushcfunction(L, fn);
    lua_setfield(L, -2, name);
}

static void remove_field(lua_State *L, const char *name)
{
    lua_pushnil(L);
    lua_setfield(L, -2, name);
}

/* Open the safe libraries (run protected). */
static int setup(lua_State *L)
{
    luaL_requiref(L, LUA_GNAME, luaopen_base, 1);
    remove_field(L, "dofile");
    remove_field(L, "loadfile");
    remove_field(L, "warn");
    set_function(L, "load", box_load);
    set_function(L, "print", box_print);
    set_function(L, "collectgarbage", box_collectgarbage);
    set_function(L, "pcall", box_pcall);
    set_function(L, "xpcall", box_xpcall);
    wrap_field(L, "setmetatable", box_setmetatable, NULL);
    lua_pop(L, 1);

    luaL_requiref(L, LUA_STRLIBNAME, luaopen_string, 1);
    remove_field(L, "dump");
    /* Lua's pattern matcher is C code the instruction hook never sees (".-.-.-b" can run for
     * hours), and scenarios have no use for patterns: string.find, match, gmatch and gsub are
     * left out rather than reimplemented */
    remove_field(L, "find");
    remove_field(L, "match");
    remove_field(L, "gmatch");
    remove_field(L, "gsub");
    wrap_field(L, "rep", box_rep, NULL);
    lua_pop(L, 1);
    /* getmetatable("") gives false: the string metatable is not the script's to change */
    lua_pushliteral(L, "");
    if (lua_getmetatable(L, -1)) {
        lua_pushboolean(L, 0);
        lua_setfield(L, -2, "__metatable");
        lua_pop(L, 1);
    }
    lua_pop(L, 1);

    luaL_requiref(L, LUA_MATHLIBNAME, luaopen_math, 1);
    remove_field(L, "random");
    remove_field(L, "randomseed");
    lua_pop(L, 1);

    luaL_requiref(L, LUA_TABLIBNAME, luaopen_table, 1);
    wrap_field(L, "sort", plain_table_only, "table.sort");
    wrap_field(L, "concat", plain_table_only, "table.concat");
    if (luaL_loadbufferx(L, TABLE_FUNCTIONS, sizeof TABLE_FUNCTIONS - 1, "=sandbox", "t") != LUA_OK)
        return lua_error(L);
    lua_pushvalue(L, -2);
    lua_getglobal(L, "math");
    lua_getfield(L, -1, "tointeger");
    lua_remove(L, -2);
    lua_pushinteger(L, LUA_MAXINTEGER);
    lua_getglobal(L, "error");
    lua_getglobal(L, "select");
    lua_getglobal(L, "type");
    lua_getglobal(L, "rawequal");
    lua_call(L, 7, 0);
    lua_pop(L, 1);

    luaL_requiref(L, LUA_UTF8LIBNAME, luaopen_utf8, 1);
    wrap_field(L, "len", charged, NULL);
    wrap_field(L, "offset", charged, NULL);
    wrap_field(L, "codepoint", charged, NULL);
    lua_pop(L, 1);
    luaL_requiref(L, LUA_COLIBNAME, luaopen_coroutine, 1);
    wrap_field(L, "resume", box_resume, NULL);
    lua_pop(L, 1);
    return 0;
}

/* ---- public -------------------------------------------------------------------------- */

void mvec__sandbox_default_limits(mvec__sandbox_limits *limits)
{
    limits->memory_bytes = (size_t)64 << 20;
    limits->instructions = 50000000UL;
    limits->seconds = 0.5;
}

mvec_status mvec__sandbox_new(mvec_ctx *ctx, const mvec__sandbox_limits *limits,
                              mvec__sandbox **out)
{
    mvec_status status = MVEC_OK;
    mvec__sandbox *box = NULL;
    *out = NULL;
    mvec__sandbox_limits defaults;
    mvec__sandbox_default_limits(&defaults);
    if (limits != NULL && (isnan(limits->seconds) || limits->seconds < 0))
        MVEC_FAIL(ctx, MVEC_ERR_INVALID, "sandbox: the time limit must be a positive number");
    MVEC_TRY(mvec__calloc(ctx, 1, sizeof *box, &box));
    box->ctx = ctx;
    box->limits = defaults;
    if (limits != NULL) {
        if (limits->memory_bytes > 0)
            box->limits.memory_bytes = limits->memory_bytes;
        if (limits->instructions > 0)
            box->limits.instructions = limits->instructions;
        if (limits->seconds > 0)
            box->limits.seconds = limits->seconds;
    }
    box->L = lua_newstate(box_alloc, box);
    int result = LUA_ERRMEM;
    if (box->L != NULL) {
        lua_pushcfunction(box->L, setup);
        result = lua_pcall(box->L, 0, 0, 0);
    }
    if (result == LUA_ERRMEM && box->memory_refused)
        MVEC_FAIL(ctx, MVEC_ERR_LIMIT,
                  "sandbox: a memory limit of %zu bytes is too small for the Lua libraries",
                  box->limits.memory_bytes);
    if (result == LUA_ERRMEM)
        MVEC_FAIL(ctx, MVEC_ERR_NOMEM, "out of memory (starting the Lua sandbox)");
    if (result != LUA_OK)
        MVEC_FAIL(ctx, MVEC_ERR_INTERNAL, "sandbox: opening the libraries failed: %s",
                  lua_type(box->L, -1) == LUA_TSTRING ? lua_tostring(box->L, -1) : "?");
    unsigned long step =
        box->limits.instructions < HOOK_STEP ? box->limits.instructions : HOOK_STEP;
    lua_sethook(box->L, box_hook, LUA_MASKCOUNT, (int)step);
    *out = box;
    box = NULL;
cleanup:
    mvec__sandbox_free(ctx, box);
    return status;
}

void mvec__sandbox_free(mvec_ctx *ctx, mvec__sandbox *box)
{
    if (box == NULL)
        return;
    if (box->L != NULL) {
        box->armed = false;
        lua_close(box->L);
    }
    mvec__free(ctx, box);
}

struct lua_State *mvec__sandbox_state(mvec__sandbox *box)
{
    return box->L;
}

int mvec__sandbox_raise(struct lua_State *L, mvec_status status)
{
    mvec__sandbox *box = box_of(L);
    if (box->armed && box->stop == STOP_NONE) {
        box->stop = STOP_RAISED;
        box->raised_status = status == MVEC_OK ? MVEC_ERR_INTERNAL : status;
    }
    return raise_stop(L);
}

/* The message handler: note where a script error was raised (no script code runs). */
static int message_handler(lua_State *L)
{
    mvec__sandbox *box = box_of(L);
    box->where[0] = '\0';
    if (box->stop != STOP_NONE)
        return 1;
    lua_Debug ar;
    for (int level = 0; lua_getstack(L, level, &ar); level++) {
        if (lua_getinfo(L, "Sl", &ar) && ar.currentline > 0) {
            snprintf(box->where, sizeof box->where, "%s:%d", ar.short_src, ar.currentline);
            break;
        }
    }
    return 1;
}

static void format_count(char *out, size_t size, unsigned long value)
{
    char digits[32];
    int length = snprintf(digits, sizeof digits, "%lu", value);
    size_t at = 0;
    for (int i = 0; i < length && at + 2 < size; i++) {
        if (i > 0 && (length - i) % 3 == 0)
            out[at++] = ',';
        out[at++] = digits[i];
    }
    out[at] = '\0';
}

static void format_bytes(char *out, size_t size, size_t bytes)
{
    if (bytes >= ((size_t)1 << 20) && bytes % ((size_t)1 << 20) == 0)
        snprintf(out, size, "%zu MiB", bytes >> 20);
    else if (bytes >= 1024 && bytes % 1024 == 0)
        snprintf(out, size, "%zu KiB", bytes >> 10);
    else
        snprintf(out, size, "%zu bytes", bytes);
}

/* The error object at -1 as text, never by running script code; control bytes become '?'. */
static void error_text(lua_State *L, char *out, size_t size)
{
    int type = lua_type(L, -1);
    if (type == LUA_TSTRING || type == LUA_TNUMBER) {
        size_t length;
        const char *text = lua_tolstring(L, -1, &length);
        size_t keep = length < size - 4 ? length : size - 4;
        for (size_t i = 0; i < keep; i++) {
            unsigned char c = (unsigned char)text[i];
            out[i] = (c < 0x20 || c == 0x7f) ? '?' : (char)c;
        }
        if (keep < length) {
            memcpy(out + keep, "...", 3);
            keep += 3;
        }
        out[keep] = '\0';
    } else {
        snprintf(out, size, "(error object is a %s)", lua_typename(L, type));
    }
}

static bool starts_with(const char *text, const char *prefix)
{
    return strncmp(text, prefix, strlen(prefix)) == 0;
}

/* Turn the result of a protected call into a status and message; pops the error object. */
static mvec_status finish(mvec_ctx *ctx, mvec__sandbox *box, int result, const char *label,
                          const char *context)
{
    mvec_status status = MVEC_OK;
    if (result != LUA_OK)
        note_error(box->L, box, result);
    stop_reason stop = box->stop;
    const char *in = context != NULL ? " (in " : "";
    const char *in_end = context != NULL ? ")" : "";
    if (context == NULL)
        context = "";
    char text[MESSAGE_MAX];
    text[0] = '\0';
    if (result != LUA_OK) {
        error_text(box->L, text, sizeof text);
        lua_pop(box->L, 1);
    }
    char amount[48];
    switch (stop) {
    case STOP_MEMORY:
        if (box->deep_recursion)
            return mvec__error(ctx, MVEC_ERR_LIMIT,
                               "%s: stopped: stack overflow (a recursion that does not end?)%s%s%s",
                               label, in, context, in_end);
        format_bytes(amount, sizeof amount, box->limits.memory_bytes);
        return mvec__error(ctx, MVEC_ERR_LIMIT,
                           "%s: stopped: the script used more than %s of memory", label, amount);
    case STOP_NOMEM:
        return mvec__error(ctx, MVEC_ERR_NOMEM, "%s: out of memory", label);
    case STOP_INSTRUCTIONS:
        format_count(amount, sizeof amount, box->limits.instructions);
        return mvec__error(ctx, MVEC_ERR_LIMIT,
                           "%s: stopped after %s instructions (a loop that does not end?)", label,
                           amount);
    case STOP_TIME:
        mvec__format_c(amount, sizeof amount, "%g", box->limits.seconds);
        return mvec__error(ctx, MVEC_ERR_LIMIT, "%s: stopped after %s s", label, amount);
    case STOP_RAISED:
        return box->raised_status; /* the engine set the message */
    case STOP_NONE:
        break;
    }
    if (result == LUA_OK)
        return MVEC_OK;
    if (result == LUA_ERRERR || strstr(text, "stack overflow") != NULL)
        return mvec__error(ctx, MVEC_ERR_LIMIT,
                           "%s: stopped: stack overflow (a recursion that does not end?)%s%s%s",
                           box->where[0] ? box->where : label, in, context, in_end);
    if (box->where[0] != '\0' && !starts_with(text, box->where))
        status =
            mvec__error(ctx, MVEC_ERR_PARSE, "%s: %s%s%s%s", box->where, text, in, context, in_end);
    else if (box->where[0] == '\0' && !starts_with(text, label))
        status = mvec__error(ctx, MVEC_ERR_PARSE, "%s: %s%s%s%s", label, text, in, context, in_end);
    else
        status = mvec__error(ctx, MVEC_ERR_PARSE, "%s%s%s%s", text, in, context, in_end);
    return status;
}

static void arm(mvec__sandbox *box)
{
    if (box->depth++ > 0)
        return; /* a nested call counts against the outer one */
    box->armed = true;
    box->stop = STOP_NONE;
    box->memory_refused = false;
    box->deep_recursion = false;
    box->running = box->L;
    box->instructions = 0;
    box->where[0] = '\0';
    clock_gettime(CLOCK_MONOTONIC, &box->started);
    unsigned long step =
        box->limits.instructions < HOOK_STEP ? box->limits.instructions : HOOK_STEP;
    lua_sethook(box->L, box_hook, LUA_MASKCOUNT, (int)step);
}

static void disarm(mvec__sandbox *box)
{
    if (--box->depth == 0)
        box->armed = false;
}

static mvec_status protected_call(mvec_ctx *ctx, mvec__sandbox *box, int nargs, int nresults,
                                  const char *label, const char *context)
{
    lua_State *L = box->L;
    int base = lua_gettop(L) - nargs; /* the function's index */
    lua_pushcfunction(L, message_handler);
    lua_insert(L, base);
    box->ctx = ctx;
    bool outer = box->depth == 0;
    arm(box);
    int result = lua_pcall(L, nargs, nresults, base);
    mvec_status status = MVEC_OK;
    if (outer || result != LUA_OK)
        status = finish(ctx, box, result, label, context);
    if (!outer && result == LUA_OK && box->stop != STOP_NONE)
        status = MVEC_OK; /* the outer run reports it */
    disarm(box);
    lua_remove(L, base);
    if (status != MVEC_OK && result == LUA_OK && nresults != LUA_MULTRET)
        lua_pop(L, nresults); /* stopped though the call returned: drop its results */
    else if (status != MVEC_OK && result == LUA_OK)
        lua_settop(L, base - 1);
    return status;
}

mvec_status mvec__sandbox_run(mvec_ctx *ctx, mvec__sandbox *box, const char *name, const char *text,
                              size_t length)
{
    mvec_status status = MVEC_OK;
    char *chunk_name = NULL;
    lua_State *L = box->L;
    if (!lua_checkstack(L, 3))
        MVEC_FAIL(ctx, MVEC_ERR_NOMEM, "%s: out of memory (Lua stack)", name);
    size_t name_length = strlen(name);
    MVEC_TRY(mvec__alloc(ctx, name_length + 2, &chunk_name));
    chunk_name[0] = '=';
    memcpy(chunk_name + 1, name, name_length + 1);
    box->ctx = ctx;
    box->memory_refused = false;
    int result = luaL_loadbufferx(L, text, length, chunk_name, "t");
    if (result != LUA_OK) {
        char message[MESSAGE_MAX];
        error_text(L, message, sizeof message);
        lua_pop(L, 1);
        if (result == LUA_ERRMEM && box->memory_refused) {
            char amount[48];
            format_bytes(amount, sizeof amount, box->limits.memory_bytes);
            MVEC_FAIL(ctx, MVEC_ERR_LIMIT, "%s: stopped: the script used more than %s of memory",
                      name, amount);
        }
        if (result == LUA_ERRMEM)
            MVEC_FAIL(ctx, MVEC_ERR_NOMEM, "%s: out of memory", name);
        if (starts_with(message, name))
            MVEC_FAIL(ctx, MVEC_ERR_PARSE, "%s", message);
        MVEC_FAIL(ctx, MVEC_ERR_PARSE, "%s: %s", name, message);
    }
    status = protected_call(ctx, box, 0, 0, name, NULL);
cleanup:
    mvec__free(ctx, chunk_name);
    return status;
}

mvec_status mvec__sandbox_call(mvec_ctx *ctx, mvec__sandbox *box, int nargs, int nresults,
                               const char *what)
{
    if (!lua_checkstack(box->L, 2)) {
        lua_pop(box->L, nargs + 1);
        return mvec__error(ctx, MVEC_ERR_NOMEM, "%s: out of memory (Lua stack)", what);
    }
    return protected_call(ctx, box, nargs, nresults, what, what);
}
