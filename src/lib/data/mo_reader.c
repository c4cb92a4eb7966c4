/*
 * mo_reader.c - walk the string tables of a .mo catalogue. Layout (all
 * 32-bit words, in the file's byte order, detected from the magic number):
 * magic, revision, N, offset of originals table, offset of translations
 * table; each table holds N (length, offset) pairs.
 */
#include <string.h>

#include "mo_reader.h"

static uint32_t read_word(const unsigned char *p, bool big_endian)
{
    if (big_endian)
        return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
    return (uint32_t)p[3] << 24 | (uint32_t)p[2] << 16 | (uint32_t)p[1] << 8 | p[0];
}

/* The string described by table entry `index`, checked to lie inside the file. */
static const char *table_string(const unsigned char *data, size_t length, uint32_t table,
                                uint32_t index, bool big_endian)
{
    size_t entry = (size_t)table + (size_t)index * 8;
    if (entry + 8 > length)
        return NULL;
    uint32_t string_length = read_word(data + entry, big_endian);
    uint32_t offset = read_word(data + entry + 4, big_endian);
    if ((size_t)offset + string_length + 1 > length || data[offset + string_length] != '\0')
        return NULL;
    return (const char *)data + offset;
}

mvec_status mvec__mo_read(mvec_ctx *ctx, const char *name, const unsigned char *data,
                          size_t length, mvec__mo_entry_fn on_entry, void *user)
{
    if (length < 20)
        return mvec__error(ctx, MVEC_ERR_PARSE, "%s: not a gettext catalogue (too short)", name);
    bool big_endian;
    if (read_word(data, false) == 0x950412deu)
        big_endian = false;
    else if (read_word(data, true) == 0x950412deu)
        big_endian = true;
    else
        return mvec__error(ctx, MVEC_ERR_PARSE, "%s: not a gettext catalogue (bad magic)", name);
    uint32_t count = read_word(data + 8, big_endian);
    uint32_t originals = read_word(data + 12, big_endian);
    uint32_t translations = read_word(data + 16, big_endian);
    for (uint32_t i = 0; i < count; i++) {
        const char *original = table_string(data, length, originals, i, big_endian);
        const char *translation = table_string(data, length, translations, i, big_endian);
        if (original == NULL || translation == NULL)
            return mvec__error(ctx, MVEC_ERR_PARSE, "%s: entry %u points outside the file",
                               name, (unsigned)i);
        if (original[0] == '\0') /* the header entry */
            continue;
        mvec_status status = on_entry(user, original, translation);
        if (status != MVEC_OK)
            return status;
    }
    return MVEC_OK;
}
