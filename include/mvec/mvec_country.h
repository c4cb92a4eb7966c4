/*
 * mvec_country.h - the registry of countries and country-like codes.
 *
 * Built from Debian's iso-codes JSON (ISO 3166-1 current and ISO 3166-3
 * former countries) with the translated names shipped beside it (gettext
 * catalogues, Russian and Kazakh by default), plus mvec's own tables compiled
 * into the library: analysts' aliases ("Russia", "Korea, Rep.", the Bureau of
 * National Statistics' Russian spellings), trade-data pseudo-codes (BACI 490
 * "Other Asia, nes", 842 USA incl. territories, ...), aggregates (WLD, OTH,
 * EU, the Bureau's published groups) and international organisations.
 *
 * Example:
 *     mvec_countries *countries = NULL;
 *     if (mvec_countries_open(ctx, NULL, &countries) != MVEC_OK) ...
 *     const mvec_country *c = mvec_countries_find(countries, "Russia"); // RUS
 */
#ifndef MVEC_COUNTRY_H
#define MVEC_COUNTRY_H

#include <stddef.h>

#include "mvec_ctx.h"

typedef enum mvec_country_kind {
    MVEC_COUNTRY_CURRENT = 0,   /* ISO 3166-1 */
    MVEC_COUNTRY_FORMER,        /* ISO 3166-3 (USSR, Yugoslavia, ...) */
    MVEC_COUNTRY_PSEUDO,        /* a trade-data code that is not an ISO country */
    MVEC_COUNTRY_AGGREGATE,     /* WLD (all partners), OTH (the rest), published groups */
    MVEC_COUNTRY_ORGANISATION,  /* an international organisation (EU, EAEU, SCO, ...) */
} mvec_country_kind;

typedef struct mvec_country {
    const char *code;          /* mvec's code: ISO alpha-3 for countries, else its own */
    const char *alpha2;        /* ISO alpha-2, "" when none */
    int numeric;               /* ISO or trade-data numeric code, -1 when none */
    const char *name;          /* English short name */
    const char *official_name; /* "" when none */
    mvec_country_kind kind;
    const char *maps_to;       /* for pseudo-codes: the ISO country mostly covered, else "" */
    const char *note;          /* source or remark, "" when none */
} mvec_country;

typedef struct mvec_countries mvec_countries;

typedef struct mvec_countries_options {
    size_t size;               /* sizeof the struct: set by MVEC_COUNTRIES_OPTIONS_INIT */
    const char *iso_codes_dir; /* NULL: /usr/share/iso-codes/json */
    const char *locale_dir;    /* NULL: /usr/share/locale */
    const char *languages;     /* comma-separated catalogue languages; NULL: "ru,kk" */
} mvec_countries_options;

#define MVEC_COUNTRIES_OPTIONS_INIT {sizeof(mvec_countries_options), NULL, NULL, NULL}

/* Build the registry. `options` may be NULL for the defaults (else start it
 * from MVEC_COUNTRIES_OPTIONS_INIT). Missing translation catalogues and a
 * missing iso_3166-3.json are skipped.
 * Statuses: MVEC_ERR_IO when iso_3166-1.json cannot be read (the message says
 * how to install iso-codes); MVEC_ERR_PARSE for a malformed iso-codes JSON
 * file or gettext catalogue; MVEC_ERR_LIMIT for a file over 16 GiB;
 * MVEC_ERR_INVALID for an options struct not made with its INIT macro;
 * MVEC_ERR_NOMEM; MVEC_ERR_CANCELLED; MVEC_ERR_INTERNAL. */
MVEC_API mvec_status mvec_countries_open(mvec_ctx *ctx, const mvec_countries_options *options,
                                         mvec_countries **out);
/* Release the registry (NULL is a no-op). Objects built on it must go first. */
MVEC_API void mvec_countries_free(mvec_ctx *ctx, mvec_countries *countries);

/* Find a code or name: alpha-3 or mvec code ("KAZ", "EU", "X490"), alpha-2
 * ("KZ"), numeric ("398", "842"), or a name or alias in any loaded language,
 * compared case-insensitively ("Russia", "Российская Федерация", "Türkiye").
 * Returns NULL when nothing matches. Cannot fail otherwise; constant time
 * on average (hash look-ups). */
MVEC_API const mvec_country *mvec_countries_find(const mvec_countries *countries,
                                                 const char *text);

/* All entries, in load order: current countries first. mvec_countries_at
 * returns NULL for an index past the end. */
MVEC_API size_t mvec_countries_count(const mvec_countries *countries);
MVEC_API const mvec_country *mvec_countries_at(const mvec_countries *countries, size_t index);

/* Number of current ISO 3166-1 countries (the universe of possible partners). */
MVEC_API size_t mvec_countries_current_count(const mvec_countries *countries);

/* Index of an entry (for arrays indexed by country); SIZE_MAX if not in the registry. */
MVEC_API size_t mvec_countries_index(const mvec_countries *countries, const mvec_country *country);

#endif
