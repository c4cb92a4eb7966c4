/*
 * scenario_lua.h - the scenario API registered in a sandbox, and the reading
 * of a script's declarations into a plan (scenario_lua.c).
 */
#ifndef MVEC_SCENARIO_LUA_H
#define MVEC_SCENARIO_LUA_H

#include "sim_internal.h"

#include "sandbox.h"

struct lua_State;

/* Run fn(user, L) as a protected call in the sandbox (Lua raises errors, out of memory
 * mostly, from most API calls): its status, or the sandbox's when Lua raised one. */
typedef mvec_status (*mvec__protected_fn)(void *user, struct lua_State *L);
mvec_status mvec__sim_protected(mvec_ctx *ctx, mvec__sandbox *box, mvec__protected_fn fn,
                                void *user, const char *what);

/* Define scenario{} and the calls (embargo, close_route, ...) as globals; `name` is the
 * script's name for messages (the string must outlive the state). */
mvec_status mvec__scenario_register(mvec_ctx *ctx, mvec__sandbox *box, const char *name);
/* After the script ran: its name, country, base year and years. MVEC_ERR_PARSE when it
 * declared no scenario or one with an unknown field. */
mvec_status mvec__scenario_header(mvec_ctx *ctx, struct lua_State *L, const char *name,
                                  mvec__plan *plan);
/* Then its shocks, chances and rules, resolved against the baseline. MVEC_ERR_PARSE with the
 * script's line for any mistake; MVEC_ERR_LIMIT over 1,000 of them; MVEC_ERR_NOMEM. */
mvec_status mvec__scenario_read(mvec_ctx *ctx, struct lua_State *L, const mvec__baseline *baseline,
                                const mvec_bloc_scheme *scheme, const mvec_network *network,
                                const mvec_countries *countries, mvec__plan *plan);
/* The shock returned by a rule's action (on top of the stack), relative timing. */
mvec_status mvec__scenario_read_shock(mvec_ctx *ctx, struct lua_State *L,
                                      const mvec__baseline *baseline,
                                      const mvec_bloc_scheme *scheme, const mvec_network *network,
                                      const mvec_countries *countries, const mvec__plan *plan,
                                      mvec__shock *shock);

#endif
