/*
 * fuzz_sandbox.c - any text as a scenario script, run in the Lua sandbox
 * (src/lib/sim/sandbox.h) with small limits: 16 MiB, 1,000,000 instructions,
 * 0.2 s. Every input must end (a status, never a crash, a hang or a
 * sanitizer report), the library must print nothing, and the context's
 * allocations must return to where they were once the sandbox is freed.
 * A fresh sandbox per input, as the engine makes one per scenario; a
 * function the script leaves in the global `rule` is then called once.
 */
#include <lua.h>

#include "../src/lib/sim/sandbox.h"
#include "fuzz_common.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    fuzz_setup(); /* the shared context (the registry and schemes it loads go unused) */
    (void)fuzz_profile;
    return 0;
}

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    size_t before = fuzz_bytes_before();
    mvec__sandbox_limits limits = {16u << 20, 1000000UL, 0.2};
    mvec__sandbox *box = NULL;
    if (mvec__sandbox_new(fuzz_ctx, &limits, &box) != MVEC_OK)
        fuzz_die("sandbox");
    lua_State *L = mvec__sandbox_state(box);
    if (mvec__sandbox_run(fuzz_ctx, box, "fuzz.lua", (const char *)data, size) == MVEC_OK &&
        lua_getglobal(L, "rule") == LUA_TFUNCTION) {
        lua_pushinteger(L, 1);
        (void)mvec__sandbox_call(fuzz_ctx, box, 1, 1, "rule");
    }
    lua_settop(L, 0);
    mvec__sandbox_free(fuzz_ctx, box);
    fuzz_check_leaks(before);
    return 0;
}
