/*
 * blocs.c - bloc schemes: a partition of every registry code into named
 * blocs, loaded from CSV (code, bloc, great_power, rationale).
 *
 * A code the scheme does not name falls in the bloc of its organisation's
 * row when it is a member that year of an organisation whose member list
 * data/memberships.csv holds (EU, EAEU), else in the bloc of the `*` row; a
 * trade-data pseudo-code that maps to an ISO country (BACI 842 -> USA) falls
 * in that country's bloc. Two such organisations in different blocs may not
 * share a member in any year unless the member has a row of its own.
 */
#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "csv_table.h"

struct mvec_bloc_scheme {
    char *name;
    const mvec_countries *countries;
    char **bloc_names;
    bool *great_power;
    const mvec_country **anchors; /* per bloc: the code of the first row naming it, or NULL */
    size_t bloc_count;
    size_t bloc_capacity;
    size_t default_bloc;   /* SIZE_MAX until the `*` row is read */
    size_t *bloc_of;       /* per registry index; SIZE_MAX when not named */
    char **rationale;      /* per registry index; NULL when not named */
    size_t registry_count;
    char *default_rationale;
    mvec_memberships *memberships;  /* loaded at the first organisation row; else NULL */
    struct expansion *expansions;   /* organisation rows whose members follow them */
    size_t expansion_count;
    size_t expansion_capacity;
};

/* A row naming an organisation with a known member list: its members of
 * each year (those without a row of their own) fall in its bloc. */
typedef struct expansion {
    const mvec_country *organisation;
    size_t bloc;
    size_t line;
    size_t column;
    char *rationale; /* "member of EU: <the row's rationale>" */
} expansion;

enum { SCHEME_CODE, SCHEME_BLOC, SCHEME_GREAT_POWER, SCHEME_RATIONALE };
static const mvec__column_spec SCHEME_COLUMNS[] = {
    {"code", true},
    {"bloc", true},
    {"great_power", true},
    {"rationale", false},
};

typedef struct scheme_state {
    mvec_ctx *ctx;
    mvec_bloc_scheme *scheme;
    bool user_file;    /* warn about organisations whose members mvec does not know */
    mvec__buf unknown; /* "NATO (line 2), SCO (line 13)": placed as organisations only */
} scheme_state;

static bool valid_bloc_name(const char *name)
{
    if (*name == '\0' || strlen(name) > 40)
        return false;
    for (; *name; name++) {
        char c = *name;
        if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
              c == '-' || c == '_' || c == '.'))
            return false;
    }
    return true;
}

/* Index of the bloc named `name`, adding it if new. Cost O(b) for b blocs, so
 * a scheme of r rows loads in O(r b): at most about 250 x 250 comparisons
 * (the claim checks' scheme of one bloc per country), below a millisecond. */
static mvec_status find_or_add_bloc(mvec_ctx *ctx, mvec_bloc_scheme *scheme, const char *name,
                                    bool great_power, mvec__table *table, size_t *out)
{
    mvec_status status = MVEC_OK;
    for (size_t b = 0; b < scheme->bloc_count; b++) {
        if (strcmp(scheme->bloc_names[b], name) == 0) {
            if (scheme->great_power[b] != great_power)
                return mvec__table_fail(ctx, table, SCHEME_GREAT_POWER, MVEC_ERR_PARSE,
                                        "bloc '%s' was marked great_power=%s on an earlier row",
                                        name, scheme->great_power[b] ? "yes" : "no");
            *out = b;
            return MVEC_OK;
        }
    }
    size_t great_count = 0;
    for (size_t b = 0; b < scheme->bloc_count; b++)
        great_count += scheme->great_power[b] ? 1u : 0u;
    if (great_power && great_count >= MVEC_GREAT_POWER_LIMIT)
        return mvec__table_fail(ctx, table, SCHEME_GREAT_POWER, MVEC_ERR_LIMIT,
                                "bloc '%s' would be great power number %zu; a scheme may mark "
                                "at most %d blocs as great powers",
                                name, great_count + 1, MVEC_GREAT_POWER_LIMIT);
    size_t capacity = scheme->bloc_capacity;
    MVEC_TRY(mvec__grow(ctx, &scheme->bloc_names, &capacity, scheme->bloc_count + 1,
                        sizeof *scheme->bloc_names));
    capacity = scheme->bloc_capacity;
    MVEC_TRY(mvec__grow(ctx, &scheme->great_power, &capacity, scheme->bloc_count + 1,
                        sizeof *scheme->great_power));
    capacity = scheme->bloc_capacity;
    MVEC_TRY(mvec__grow(ctx, &scheme->anchors, &capacity, scheme->bloc_count + 1,
                        sizeof *scheme->anchors));
    scheme->bloc_capacity = capacity;
    scheme->anchors[scheme->bloc_count] = NULL;
    MVEC_TRY(mvec__strdup(ctx, name, &scheme->bloc_names[scheme->bloc_count]));
    scheme->great_power[scheme->bloc_count] = great_power;
    *out = scheme->bloc_count++;
cleanup:
    return status;
}

static mvec_status on_scheme_row(void *user, mvec__table *table)
{
    scheme_state *state = user;
    mvec_ctx *ctx = state->ctx;
    mvec_bloc_scheme *scheme = state->scheme;
    mvec_status status = MVEC_OK;
    const char *code = mvec__table_get(table, SCHEME_CODE);
    const char *bloc_name = mvec__table_get(table, SCHEME_BLOC);
    const char *great = mvec__table_get(table, SCHEME_GREAT_POWER);
    const char *rationale = mvec__table_get(table, SCHEME_RATIONALE);
    bool great_power;
    if (mvec__str_equal(great, "yes"))
        great_power = true;
    else if (mvec__str_equal(great, "no"))
        great_power = false;
    else
        return mvec__table_fail(ctx, table, SCHEME_GREAT_POWER, MVEC_ERR_PARSE,
                                "great_power must be 'yes' or 'no', not '%s'", great);
    if (!valid_bloc_name(bloc_name))
        return mvec__table_fail(ctx, table, SCHEME_BLOC, MVEC_ERR_PARSE,
                                "invalid bloc name '%s' (letters, digits, '-', '_' and '.', at "
                                "most 40)",
                                bloc_name);
    size_t bloc = 0;
    MVEC_TRY(find_or_add_bloc(ctx, scheme, bloc_name, great_power, table, &bloc));
    if (mvec__str_equal(code, "*")) {
        if (scheme->default_bloc != SIZE_MAX)
            return mvec__table_fail(ctx, table, SCHEME_CODE, MVEC_ERR_PARSE,
                                    "second default row ('*')");
        scheme->default_bloc = bloc;
        MVEC_TRY(mvec__strdup(ctx, rationale, &scheme->default_rationale));
        return MVEC_OK;
    }
    const mvec_country *country = mvec_countries_find(scheme->countries, code);
    if (country == NULL)
        return mvec__table_fail(ctx, table, SCHEME_CODE, MVEC_ERR_PARSE,
                                "unknown country or organisation '%s'", code);
    size_t index = mvec_countries_index(scheme->countries, country);
    if (scheme->bloc_of[index] != SIZE_MAX)
        return mvec__table_fail(ctx, table, SCHEME_CODE, MVEC_ERR_PARSE,
                                "%s is assigned twice (a scheme is a partition)", country->code);
    scheme->bloc_of[index] = bloc;
    if (scheme->anchors[bloc] == NULL)
        scheme->anchors[bloc] = country;
    MVEC_TRY(mvec__strdup(ctx, rationale, &scheme->rationale[index]));
    if (country->kind == MVEC_COUNTRY_ORGANISATION) {
        if (scheme->memberships == NULL)
            MVEC_TRY(mvec_memberships_builtin(ctx, scheme->countries, &scheme->memberships));
        if (mvec_memberships_defines(scheme->memberships, country)) {
            MVEC_TRY(mvec__grow(ctx, &scheme->expansions, &scheme->expansion_capacity,
                                scheme->expansion_count + 1, sizeof *scheme->expansions));
            expansion *e = &scheme->expansions[scheme->expansion_count];
            memset(e, 0, sizeof *e);
            e->organisation = country;
            e->bloc = bloc;
            int field = table->field_of[SCHEME_CODE];
            e->line = table->record->field_lines[field];
            e->column = (size_t)field + 1;
            scheme->expansion_count++;
            size_t size = strlen(country->code) + strlen(rationale) + 16;
            MVEC_TRY(mvec__alloc(ctx, size, &e->rationale));
            snprintf(e->rationale, size, "member of %s%s%s", country->code,
                     rationale[0] ? ": " : "", rationale);
        } else if (state->user_file) {
            /* Only the organisation itself (a partner of the institutions
             * vector) is placed; said once after the file, since a reader may
             * expect its members to follow it. */
            int field = table->field_of[SCHEME_CODE];
            MVEC_TRY(mvec__buf_printf(ctx, &state->unknown, "%s%s (line %zu)",
                                      state->unknown.length ? ", " : "", country->code,
                                      table->record->field_lines[field]));
        }
    }
cleanup:
    return status;
}

static bool full_member(const mvec_membership *m)
{
    return strcmp(m->status, "member") == 0 || strcmp(m->status, "founder") == 0;
}

/* Whether membership `a` and `b` overlap in some year; the first such year. */
static bool spans_overlap(const mvec_membership *a, const mvec_membership *b, int *year)
{
    int start = a->joined > b->joined ? a->joined : b->joined;
    int end_a = a->left ? a->left : INT_MAX; /* exclusive: gone by the start of `left` */
    int end_b = b->left ? b->left : INT_MAX;
    *year = start;
    return start < (end_a < end_b ? end_a : end_b);
}

/* Two organisation rows of different blocs sharing a member (without a row
 * of its own) in some year: the scheme would not be a partition. Cost
 * O(e² · m²) for e organisation rows and m membership rows (a few of each). */
static mvec_status check_expansions(mvec_ctx *ctx, const mvec_bloc_scheme *scheme,
                                    const char *file_name)
{
    size_t n = scheme->memberships ? mvec_memberships_count(scheme->memberships) : 0;
    for (size_t j = 1; j < scheme->expansion_count; j++) {
        const expansion *later = &scheme->expansions[j];
        for (size_t i = 0; i < j; i++) {
            const expansion *earlier = &scheme->expansions[i];
            if (earlier->bloc == later->bloc)
                continue;
            for (size_t a = 0; a < n; a++) {
                const mvec_membership *ma = mvec_memberships_at(scheme->memberships, a);
                if (ma->organisation != later->organisation || !full_member(ma))
                    continue;
                size_t index = mvec_countries_index(scheme->countries, ma->member);
                if (index == SIZE_MAX || scheme->bloc_of[index] != SIZE_MAX)
                    continue;
                for (size_t b = 0; b < n; b++) {
                    const mvec_membership *mb = mvec_memberships_at(scheme->memberships, b);
                    int year = 0;
                    if (mb->organisation == earlier->organisation && mb->member == ma->member &&
                        full_member(mb) && spans_overlap(ma, mb, &year))
                        return mvec__error(
                            ctx, MVEC_ERR_PARSE,
                            "%s:%zu:%zu: %s is a member of both %s (line %zu, bloc %s) and %s "
                            "(bloc %s) in %d: give %s a row of its own",
                            file_name, later->line, later->column, ma->member->code,
                            earlier->organisation->code, earlier->line,
                            scheme->bloc_names[earlier->bloc], later->organisation->code,
                            scheme->bloc_names[later->bloc], year, ma->member->code);
                }
            }
        }
    }
    return MVEC_OK;
}

static mvec_status load_scheme_text(mvec_ctx *ctx, const mvec_countries *countries,
                                    const char *scheme_name, const char *file_name,
                                    const char *text, size_t length, bool user_file,
                                    mvec_bloc_scheme **out)
{
    mvec_status status = MVEC_OK;
    mvec_bloc_scheme *scheme = NULL;
    MVEC_TRY(mvec__calloc(ctx, 1, sizeof *scheme, &scheme));
    scheme->countries = countries;
    scheme->default_bloc = SIZE_MAX;
    scheme->registry_count = mvec_countries_count(countries);
    MVEC_TRY(mvec__strdup(ctx, scheme_name, &scheme->name));
    MVEC_TRY(mvec__alloc(ctx, scheme->registry_count * sizeof *scheme->bloc_of,
                         &scheme->bloc_of));
    for (size_t i = 0; i < scheme->registry_count; i++)
        scheme->bloc_of[i] = SIZE_MAX;
    MVEC_TRY(mvec__calloc(ctx, scheme->registry_count, sizeof *scheme->rationale,
                          &scheme->rationale));
    scheme_state state = {ctx, scheme, user_file, MVEC__BUF_INIT(1 << 16)};
    status = mvec__table_read(ctx, file_name, text, length, SCHEME_COLUMNS,
                              sizeof SCHEME_COLUMNS / sizeof *SCHEME_COLUMNS, on_scheme_row,
                              &state);
    if (status == MVEC_OK && state.unknown.length)
        mvec__log(ctx, MVEC_LOG_WARNING,
                  "%s: organisations whose members mvec does not know are placed as "
                  "organisations only (partners of the institutions vector), not their "
                  "members: %s; list members one per row",
                  file_name, state.unknown.data);
    mvec__buf_clear(ctx, &state.unknown);
    MVEC_TRY(status);
    if (scheme->default_bloc == SIZE_MAX)
        MVEC_FAIL(ctx, MVEC_ERR_SCHEMA,
                  "%s: no default row: add a row with code '*' naming the bloc of every "
                  "code not listed",
                  file_name);
    MVEC_TRY(check_expansions(ctx, scheme, file_name));
    *out = scheme;
    scheme = NULL;
cleanup:
    mvec_bloc_scheme_free(ctx, scheme);
    return status;
}

mvec_status mvec__bloc_scheme_from_text(mvec_ctx *ctx, const mvec_countries *countries,
                                       const char *name, const char *text, size_t length,
                                       mvec_bloc_scheme **out)
{
    return load_scheme_text(ctx, countries, name, name, text, length, false, out);
}

/* The built-in schemes, data/blocs/<name>.csv; `powers` is the default. */
static const char *const BUILTIN_SCHEMES[] = {"powers", "treaties"};

const char *const *mvec_bloc_scheme_builtin_names(size_t *count)
{
    *count = sizeof BUILTIN_SCHEMES / sizeof *BUILTIN_SCHEMES;
    return BUILTIN_SCHEMES;
}

mvec_status mvec_bloc_scheme_builtin(mvec_ctx *ctx, const mvec_countries *countries,
                                     const char *name, mvec_bloc_scheme **out)
{
    bool known = false;
    for (size_t i = 0; i < sizeof BUILTIN_SCHEMES / sizeof *BUILTIN_SCHEMES; i++)
        known = known || strcmp(BUILTIN_SCHEMES[i], name) == 0;
    if (!known)
        return mvec__error(ctx, MVEC_ERR_INVALID,
                           "unknown bloc scheme '%s' (built in: powers, treaties; or give a CSV "
                           "file)",
                           name);
    char path[128];
    if (strlen(name) > 40 || !valid_bloc_name(name))
        return mvec__error(ctx, MVEC_ERR_INVALID, "unknown bloc scheme '%s'", name);
    snprintf(path, sizeof path, "data/blocs/%s.csv", name);
    const mvec__embedded_file *file = mvec__embedded_find(path);
    if (file == NULL)
        return mvec__error(ctx, MVEC_ERR_INTERNAL, "built-in bloc scheme '%s' is missing", name);
    char file_name[160];
    snprintf(file_name, sizeof file_name, "embedded:%s", path);
    return mvec__embedded_defect(ctx, load_scheme_text(ctx, countries, name, file_name,
                                                       (const char *)file->data, file->length,
                                                       false, out));
}

mvec_status mvec_bloc_scheme_load(mvec_ctx *ctx, const mvec_countries *countries,
                                  const char *path, mvec_bloc_scheme **out)
{
    char *text = NULL;
    size_t length = 0;
    mvec_status status = mvec__file_read(ctx, path, &text, &length);
    if (status == MVEC_OK)
        status = load_scheme_text(ctx, countries, path, path, text, length, true, out);
    mvec__free(ctx, text);
    return status;
}

void mvec_bloc_scheme_free(mvec_ctx *ctx, mvec_bloc_scheme *scheme)
{
    if (scheme == NULL)
        return;
    for (size_t b = 0; b < scheme->bloc_count; b++)
        mvec__free(ctx, scheme->bloc_names[b]);
    if (scheme->rationale != NULL)
        for (size_t i = 0; i < scheme->registry_count; i++)
            mvec__free(ctx, scheme->rationale[i]);
    mvec__free(ctx, scheme->bloc_names);
    mvec__free(ctx, scheme->great_power);
    mvec__free(ctx, scheme->anchors);
    mvec__free(ctx, scheme->bloc_of);
    mvec__free(ctx, scheme->rationale);
    mvec__free(ctx, scheme->default_rationale);
    for (size_t e = 0; e < scheme->expansion_count; e++)
        mvec__free(ctx, scheme->expansions[e].rationale);
    mvec__free(ctx, scheme->expansions);
    mvec_memberships_free(ctx, scheme->memberships);
    mvec__free(ctx, scheme->name);
    mvec__free(ctx, scheme);
}

const char *mvec_bloc_scheme_name(const mvec_bloc_scheme *scheme)
{
    return scheme->name;
}

size_t mvec_bloc_count(const mvec_bloc_scheme *scheme)
{
    return scheme->bloc_count;
}

const char *mvec_bloc_name(const mvec_bloc_scheme *scheme, size_t bloc)
{
    return bloc < scheme->bloc_count ? scheme->bloc_names[bloc] : "";
}

bool mvec_bloc_is_great_power(const mvec_bloc_scheme *scheme, size_t bloc)
{
    return bloc < scheme->bloc_count && scheme->great_power[bloc];
}

const mvec_country *mvec_bloc_anchor(const mvec_bloc_scheme *scheme, size_t bloc)
{
    return bloc < scheme->bloc_count ? scheme->anchors[bloc] : NULL;
}

/* The registry index whose assignment decides `country`'s bloc. */
static size_t deciding_index(const mvec_bloc_scheme *scheme, const mvec_country *country)
{
    size_t index = mvec_countries_index(scheme->countries, country);
    if (index == SIZE_MAX)
        return SIZE_MAX;
    if (scheme->bloc_of[index] == SIZE_MAX && country->kind == MVEC_COUNTRY_PSEUDO &&
        country->maps_to[0] != '\0') {
        const mvec_country *target = mvec_countries_find(scheme->countries, country->maps_to);
        if (target != NULL)
            return mvec_countries_index(scheme->countries, target);
    }
    return index;
}

/* The organisation row whose bloc `index` falls in through its membership
 * in `year`, or NULL. Cost O(e · m). */
static const expansion *expansion_of(const mvec_bloc_scheme *scheme, size_t index, int year)
{
    if (scheme->expansion_count == 0 || scheme->bloc_of[index] != SIZE_MAX)
        return NULL;
    const mvec_country *member = mvec_countries_at(scheme->countries, index);
    for (size_t e = 0; e < scheme->expansion_count; e++)
        if (mvec_memberships_is_member(scheme->memberships, scheme->expansions[e].organisation,
                                       member, year))
            return &scheme->expansions[e];
    return NULL;
}

size_t mvec_bloc_of_year(const mvec_bloc_scheme *scheme, const mvec_country *country, int year)
{
    size_t index = deciding_index(scheme, country);
    if (index == SIZE_MAX)
        return scheme->default_bloc;
    if (scheme->bloc_of[index] != SIZE_MAX)
        return scheme->bloc_of[index];
    const expansion *e = expansion_of(scheme, index, year ? year : INT_MAX);
    return e != NULL ? e->bloc : scheme->default_bloc;
}

size_t mvec_bloc_of(const mvec_bloc_scheme *scheme, const mvec_country *country)
{
    return mvec_bloc_of_year(scheme, country, 0);
}

const char *mvec_bloc_rationale(const mvec_bloc_scheme *scheme, const mvec_country *country)
{
    size_t index = deciding_index(scheme, country);
    const char *fallback = scheme->default_rationale ? scheme->default_rationale : "";
    if (index == SIZE_MAX)
        return fallback;
    if (scheme->rationale[index] != NULL)
        return scheme->rationale[index];
    const expansion *e = expansion_of(scheme, index, INT_MAX);
    return e != NULL ? e->rationale : fallback;
}
