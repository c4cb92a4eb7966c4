/*
 * arena.c - allocate many small objects, release them in one step.
 * Results such as a profile own an arena; their accessors hand out pointers
 * into it, valid until the result is freed.
 */
#include <string.h>

#include "../mvec_internal.h"

typedef struct arena_block {
    struct arena_block *next;
    size_t used;
    size_t size;
    max_align_t data[]; /* aligned for any type */
} arena_block;

enum { ARENA_BLOCK_BYTES = 64 * 1024 };

mvec_status mvec__arena_alloc(mvec_ctx *ctx, mvec__arena *arena, size_t size, void *out_ptr)
{
    void **out = out_ptr;
    size_t align = sizeof(max_align_t);
    size = (size + align - 1) / align * align;
    arena_block *block = arena->head;
    if (block == NULL || block->size - block->used < size) {
        size_t bytes = size > ARENA_BLOCK_BYTES ? size : ARENA_BLOCK_BYTES;
        mvec_status status = mvec__alloc(ctx, sizeof *block + bytes, &block);
        if (status != MVEC_OK)
            return status;
        block->next = arena->head;
        block->used = 0;
        block->size = bytes;
        arena->head = block;
    }
    *out = (char *)block->data + block->used;
    memset(*out, 0, size);
    block->used += size;
    return MVEC_OK;
}

mvec_status mvec__arena_strdup(mvec_ctx *ctx, mvec__arena *arena, const char *text,
                               const char **out)
{
    size_t length = strlen(text);
    char *copy = NULL;
    mvec_status status = mvec__arena_alloc(ctx, arena, length + 1, &copy);
    if (status != MVEC_OK)
        return status;
    memcpy(copy, text, length + 1);
    *out = copy;
    return MVEC_OK;
}

void mvec__arena_clear(mvec_ctx *ctx, mvec__arena *arena)
{
    arena_block *block = arena->head;
    while (block != NULL) {
        arena_block *next = block->next;
        mvec__free(ctx, block);
        block = next;
    }
    arena->head = NULL;
}
