/*
 * strmap.c - open-addressing hash map from strings to indices (FNV-1a,
 * linear probing, load factor at most 1/2). Used to intern codes and to look
 * up names; entries are never removed.
 */
#include <string.h>

#include "../mvec_internal.h"

static uint64_t hash_text(const char *text)
{
    uint64_t hash = 1469598103934665603u;
    for (const unsigned char *p = (const unsigned char *)text; *p; p++) {
        hash ^= *p;
        hash *= 1099511628211u;
    }
    return hash;
}

static mvec_status rehash(mvec_ctx *ctx, mvec__strmap *map, size_t slot_count)
{
    char **keys = NULL;
    size_t *values = NULL;
    mvec_status status = MVEC_OK;
    MVEC_TRY(mvec__calloc(ctx, slot_count, sizeof *keys, &keys));
    MVEC_TRY(mvec__calloc(ctx, slot_count, sizeof *values, &values));
    for (size_t i = 0; i < map->slot_count; i++) {
        if (map->keys[i] == NULL)
            continue;
        size_t slot = hash_text(map->keys[i]) & (slot_count - 1);
        while (keys[slot] != NULL)
            slot = (slot + 1) & (slot_count - 1);
        keys[slot] = map->keys[i];
        values[slot] = map->values[i];
    }
    mvec__free(ctx, map->keys);
    mvec__free(ctx, map->values);
    map->keys = keys;
    map->values = values;
    map->slot_count = slot_count;
    keys = NULL;
    values = NULL;
cleanup:
    mvec__free(ctx, keys);
    mvec__free(ctx, values);
    return status;
}

mvec_status mvec__strmap_set(mvec_ctx *ctx, mvec__strmap *map, const char *key, size_t value)
{
    if (map->slot_count > 0) {
        size_t slot = hash_text(key) & (map->slot_count - 1);
        while (map->keys[slot] != NULL) {
            if (strcmp(map->keys[slot], key) == 0) {
                map->values[slot] = value;
                return MVEC_OK;
            }
            slot = (slot + 1) & (map->slot_count - 1);
        }
    }
    return mvec__strmap_put(ctx, map, key, value, NULL);
}

mvec_status mvec__strmap_put(mvec_ctx *ctx, mvec__strmap *map, const char *key, size_t value,
                             bool *existed)
{
    mvec_status status = MVEC_OK;
    if (existed != NULL)
        *existed = false;
    if (2 * (map->entry_count + 1) > map->slot_count)
        MVEC_TRY(rehash(ctx, map, map->slot_count ? 2 * map->slot_count : 64));
    size_t slot = hash_text(key) & (map->slot_count - 1);
    while (map->keys[slot] != NULL) {
        if (strcmp(map->keys[slot], key) == 0) {
            if (existed != NULL)
                *existed = true;
            return MVEC_OK;
        }
        slot = (slot + 1) & (map->slot_count - 1);
    }
    MVEC_TRY(mvec__strdup(ctx, key, &map->keys[slot]));
    map->values[slot] = value;
    map->entry_count++;
cleanup:
    return status;
}

bool mvec__strmap_get(const mvec__strmap *map, const char *key, size_t *value)
{
    if (map->slot_count == 0)
        return false;
    size_t slot = hash_text(key) & (map->slot_count - 1);
    while (map->keys[slot] != NULL) {
        if (strcmp(map->keys[slot], key) == 0) {
            if (value != NULL)
                *value = map->values[slot];
            return true;
        }
        slot = (slot + 1) & (map->slot_count - 1);
    }
    return false;
}

void mvec__strmap_clear(mvec_ctx *ctx, mvec__strmap *map)
{
    for (size_t i = 0; i < map->slot_count; i++)
        mvec__free(ctx, map->keys[i]);
    mvec__free(ctx, map->keys);
    mvec__free(ctx, map->values);
    map->keys = NULL;
    map->values = NULL;
    map->slot_count = 0;
    map->entry_count = 0;
}
