/*
 * embedded.c - look-up of the data files compiled into libmvec.
 *
 * The table itself is generated at build time by tools/embed.c from the
 * files listed in the Makefile (EMBEDDED_DATA) into build/gen/embedded_files.c.
 */
#include <string.h>

#include "../mvec_internal.h"

extern const mvec__embedded_file mvec__embedded_files[];
extern const size_t mvec__embedded_file_count;

const mvec__embedded_file *mvec__embedded_find(const char *path)
{
    for (size_t i = 0; i < mvec__embedded_file_count; i++)
        if (strcmp(mvec__embedded_files[i].path, path) == 0)
            return &mvec__embedded_files[i];
    return NULL;
}

size_t mvec__embedded_count(void)
{
    return mvec__embedded_file_count;
}

const mvec__embedded_file *mvec__embedded_at(size_t index)
{
    return index < mvec__embedded_file_count ? &mvec__embedded_files[index] : NULL;
}
