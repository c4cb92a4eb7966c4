/*
 * serve_cache.c - answers kept for repeated requests. The data never change while the server
 * runs and every writer is deterministic (a simulation too, for its seed), so the same path
 * with the same parameters always gets the same bytes: a 200 answer is kept under a key made
 * of the path and the parameters sorted by name. Bounded (SERVE_CACHE_ENTRIES answers,
 * SERVE_CACHE_BYTES in all), least recently used first out; one mutex, held only to look up,
 * copy or insert. Cost of a lookup: O(entries) comparisons of the key.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "serve.h"

typedef struct cache_entry {
    char *key;
    char *body;
    size_t length;
    const char *content_type; /* a static string of the API */
    unsigned long long last_used;
} cache_entry;

static struct {
    pthread_mutex_t lock;
    cache_entry entries[SERVE_CACHE_ENTRIES];
    size_t bytes;
    unsigned long long clock;
} cache = {PTHREAD_MUTEX_INITIALIZER, {{0}}, 0, 0};

static int by_name(const void *a, const void *b)
{
    const serve_parameter *x = *(const serve_parameter *const *)a;
    const serve_parameter *y = *(const serve_parameter *const *)b;
    return strcmp(x->name, y->name);
}

/* "path" then, for each parameter with a value in name order, "\n<length>:name=<length>:value":
 * lengths make the key unambiguous whatever the values hold. */
bool serve_cache_key(const serve_request *request, serve_buffer *key)
{
    const serve_parameter *sorted[SERVE_MAX_PARAMETERS] = {NULL};
    size_t count = 0;
    for (size_t i = 0; i < request->parameter_count; i++)
        if (request->parameters[i].value != NULL && request->parameters[i].value[0] != '\0')
            sorted[count++] = &request->parameters[i];
    qsort(sorted, count, sizeof *sorted, by_name);
    serve_buffer_text(key, request->path);
    for (size_t i = 0; i < count; i++)
        serve_buffer_printf(key, "\n%zu:%s=%zu:%s", strlen(sorted[i]->name), sorted[i]->name,
                            strlen(sorted[i]->value), sorted[i]->value);
    return !key->failed;
}

bool serve_cache_get(const char *key, serve_response *response)
{
    bool found = false;
    pthread_mutex_lock(&cache.lock);
    for (size_t i = 0; i < SERVE_CACHE_ENTRIES && !found; i++) {
        cache_entry *e = &cache.entries[i];
        if (e->key == NULL || strcmp(e->key, key) != 0)
            continue;
        e->last_used = ++cache.clock;
        serve_buffer_append(&response->body, e->body, e->length);
        response->status = 200;
        response->content_type = e->content_type;
        response->cache_control = "no-cache";
        found = !response->body.failed;
    }
    pthread_mutex_unlock(&cache.lock);
    return found;
}

static void drop(cache_entry *e)
{
    cache.bytes -= e->length + strlen(e->key);
    free(e->key);
    free(e->body);
    memset(e, 0, sizeof *e);
}

void serve_cache_put(const char *key, const serve_response *response)
{
    size_t size = response->body.length + strlen(key);
    if (response->status != 200 || response->body.failed || size > SERVE_CACHE_BYTES / 8)
        return;
    char *key_copy = strdup(key);
    char *body = malloc(response->body.length + 1);
    if (key_copy == NULL || body == NULL) {
        free(key_copy);
        free(body);
        return;
    }
    memcpy(body, response->body.data, response->body.length);
    pthread_mutex_lock(&cache.lock);
    for (size_t i = 0; i < SERVE_CACHE_ENTRIES; i++)
        if (cache.entries[i].key != NULL && strcmp(cache.entries[i].key, key) == 0)
            drop(&cache.entries[i]); /* another thread made it meanwhile */
    for (;;) {
        cache_entry *free_slot = NULL;
        cache_entry *oldest = NULL;
        for (size_t i = 0; i < SERVE_CACHE_ENTRIES; i++) {
            cache_entry *e = &cache.entries[i];
            if (e->key == NULL && free_slot == NULL)
                free_slot = e;
            else if (e->key != NULL && (oldest == NULL || e->last_used < oldest->last_used))
                oldest = e;
        }
        if (free_slot != NULL && cache.bytes + size <= SERVE_CACHE_BYTES) {
            free_slot->key = key_copy;
            free_slot->body = body;
            free_slot->length = response->body.length;
            free_slot->content_type = response->content_type;
            free_slot->last_used = ++cache.clock;
            cache.bytes += size;
            break;
        }
        drop(oldest); /* full: oldest is set, as every slot or byte is taken */
    }
    pthread_mutex_unlock(&cache.lock);
}

void serve_cache_clear(void)
{
    pthread_mutex_lock(&cache.lock);
    for (size_t i = 0; i < SERVE_CACHE_ENTRIES; i++)
        if (cache.entries[i].key != NULL)
            drop(&cache.entries[i]);
    pthread_mutex_unlock(&cache.lock);
}
