/*
 * sandbox.h - the Lua 5.4 state that scenario scripts run in (internal to src/lib/sim/).
 *
 * A script sees only base (without dofile, loadfile, binary chunks, warn;
 * collectgarbage("count") only; print a no-op until the engine sets its own),
 * string (without dump; patterns and string.rep counted against the limits),
 * table, math (without random and randomseed: randomness comes from the
 * engine's seeded generator), utf8 and coroutine. No io, os, package,
 * require or debug. docs/scenarios.md, "The sandbox", lists it for users.
 *
 * Limits, counted afresh for each mvec__sandbox_run and mvec__sandbox_call
 * (a call made while another is running counts against the outer one): the
 * Lua heap (a cap in the allocator, which goes through the context's), VM
 * instructions (a count hook, inherited by coroutines; pattern matching
 * counts its steps as instructions) and wall-clock time. Once a limit is hit
 * every further instruction fails, so pcall cannot swallow it; the status is
 * MVEC_ERR_LIMIT. Script errors (syntax and run time) are MVEC_ERR_PARSE with
 * "name:line: message"; error objects that are not strings are never
 * converted by running script code.
 *
 * Lua raises errors (out of memory, mostly) from most API calls; outside a
 * protected call that would end the process through Lua's panic. So code
 * that touches the state (registering the engine's functions and tables,
 * pushing arguments) must run protected: put it in a C function and call
 * that with mvec__sandbox_call (lua_pushcfunction itself cannot fail, given
 * one free stack slot). Any __gc metamethod is refused by setmetatable:
 * finalizers run with hooks off, so they would escape the limits.
 */
#ifndef MVEC_SIM_SANDBOX_H
#define MVEC_SIM_SANDBOX_H

#include "../mvec_internal.h"

struct lua_State;

typedef struct mvec__sandbox mvec__sandbox;

typedef struct mvec__sandbox_limits {
    size_t memory_bytes; /* cap on the Lua heap (custom lua_Alloc); default 64 MiB */
    unsigned long
        instructions; /* VM instructions per mvec__sandbox_run / _call; default 50,000,000 */
    double seconds;   /* wall clock per run / call; default 0.5 */
} mvec__sandbox_limits;

void mvec__sandbox_default_limits(mvec__sandbox_limits *limits);

/* A fresh state with the safe libraries. `limits` NULL: the defaults; a zero
 * field: that field's default. MVEC_ERR_NOMEM, MVEC_ERR_LIMIT (the cap is
 * too small for the libraries themselves), MVEC_ERR_INVALID (a negative or
 * NaN time). */
mvec_status mvec__sandbox_new(mvec_ctx *ctx, const mvec__sandbox_limits *limits,
                              mvec__sandbox **out);
/* NULL-safe. No script code runs (no __gc metamethods exist). */
void mvec__sandbox_free(mvec_ctx *ctx, mvec__sandbox *box);

/* The state, to register the engine's API functions and tables (see above). */
struct lua_State *mvec__sandbox_state(mvec__sandbox *box);

/* Load `text` as a text chunk (mode "t": bytecode refused) named `name` and
 * run it under the limits; its results are dropped. MVEC_ERR_PARSE (syntax
 * or run-time error: "name:line: message"), MVEC_ERR_LIMIT (memory,
 * instructions, time, stack overflow: "name: stopped ..."), MVEC_ERR_NOMEM
 * (the context's allocator failed), or the status an engine function
 * raised the error with (see mvec__sandbox_raise). */
mvec_status mvec__sandbox_run(mvec_ctx *ctx, mvec__sandbox *box, const char *name, const char *text,
                              size_t length);

/* Call the function below `nargs` arguments on the stack with `nresults`
 * results (LUA_MULTRET allowed), under fresh limits (the same caps, counted
 * per call). `what` names it in messages ("rule 3 (scenario.lua:12)"). On
 * success the results are on the stack; on failure the function and its
 * arguments are gone and nothing is pushed. Statuses as mvec__sandbox_run. */
mvec_status mvec__sandbox_call(mvec_ctx *ctx, mvec__sandbox *box, int nargs, int nresults,
                               const char *what);

/* For the engine's C functions: end the script with `status` (any failure
 * status, e.g. MVEC_ERR_NOMEM from the library, or MVEC_ERR_SCHEMA for a bad
 * argument) and the message already set on the box's context, as the
 * result of the run or call. Does not return (lua_error). The script cannot
 * catch it: pcall re-raises it, like a limit. */
int mvec__sandbox_raise(struct lua_State *L, mvec_status status);

#endif
