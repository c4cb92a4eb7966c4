/*
 * names.c - what the CLI says when a name is wrong or a result is empty:
 * "did you mean" by prefix or edit distance, the vectors a country has data for, the
 * years with data, and the check that a profile computed something.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "messages.h"
#include "names.h"

/* Levenshtein distance of two short strings (cost O(|a|·|b|), names of a
 * few dozen bytes; longer strings count as far apart). */
static size_t edit_distance(const char *a, const char *b)
{
    enum { MAX = 64 };
    size_t la = strlen(a);
    size_t lb = strlen(b);
    if (la >= MAX || lb >= MAX)
        return SIZE_MAX;
    size_t row[MAX + 1];
    for (size_t j = 0; j <= lb; j++)
        row[j] = j;
    for (size_t i = 1; i <= la; i++) {
        size_t diagonal = row[0];
        row[0] = i;
        for (size_t j = 1; j <= lb; j++) {
            size_t above = row[j];
            size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            size_t best = diagonal + cost;
            if (above + 1 < best)
                best = above + 1;
            if (row[j - 1] + 1 < best)
                best = row[j - 1] + 1;
            row[j] = best;
            diagonal = above;
        }
    }
    return row[lb];
}

const char *cli_closest_name(const char *wrong, const char *const *names, size_t count)
{
    size_t length = strlen(wrong);
    const char *prefixed = NULL;
    size_t prefixed_count = 0;
    for (size_t i = 0; i < count && length > 0; i++) {
        if (strncmp(names[i], wrong, length) == 0) {
            prefixed = names[i];
            prefixed_count++;
        }
    }
    if (prefixed_count == 1)
        return prefixed;
    const char *best = NULL;
    size_t best_distance = SIZE_MAX;
    for (size_t i = 0; i < count; i++) {
        size_t d = edit_distance(wrong, names[i]);
        if (d < best_distance) {
            best = names[i];
            best_distance = d;
        }
    }
    size_t limit = length / 3 > 2 ? length / 3 : 2;
    return best_distance <= limit ? best : NULL;
}

/* The names joined by ", " (malloc'ed; NULL when out of memory). */
static char *join_names(const char *const *names, size_t count)
{
    size_t size = 5;
    for (size_t i = 0; i < count; i++)
        size += strlen(names[i]) + 2;
    char *list = malloc(size);
    if (list == NULL)
        return NULL;
    strcpy(list, count ? "" : "none");
    for (size_t i = 0; i < count; i++) {
        if (i > 0)
            strcat(list, ", ");
        strcat(list, names[i]);
    }
    return list;
}

void cli_unknown_name(const char *what, const char *wrong, const char *context,
                      const char *const *names, size_t count)
{
    const char *suggestion = cli_closest_name(wrong, names, count);
    if (suggestion != NULL)
        cli_error("unknown %s '%s'%s; did you mean '%s'?", what, wrong, context, suggestion);
    else
        cli_error("unknown %s '%s'%s", what, wrong, context);
    char *list = join_names(names, count);
    if (list != NULL)
        cli_note("%ss%s: %s", what, context[0] ? " with data" : "", list);
    free(list);
}

static int compare_names(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static bool is_distribution_figure(const mvec_observation *o)
{
    return !o->superseded &&
           (strcmp(o->indicator, "value") == 0 || strcmp(o->indicator, "share") == 0);
}

static bool has_memberships(const mvec_memberships *memberships, const mvec_country *country)
{
    if (memberships == NULL)
        return false;
    for (size_t i = 0; i < mvec_memberships_count(memberships); i++) {
        const mvec_membership *m = mvec_memberships_at(memberships, i);
        if (country == NULL || m->member == country)
            return true;
    }
    return false;
}

/* Sorted distinct vectors of `country`'s figures (every country when NULL;
 * only values and shares in force unless `every_figure`),
 * plus "institutions" when it has memberships. Cost O(n log n) in the
 * observations. Returns the count; *out is malloc'ed (NULL when empty or
 * out of memory). */
static size_t list_vectors(const mvec_observations *observations,
                           const mvec_memberships *memberships, const mvec_country *country,
                           bool every_figure, const char ***out)
{
    size_t n = mvec_observations_count(observations);
    const char **names = malloc((n + 1) * sizeof *names);
    *out = NULL;
    if (names == NULL)
        return 0;
    size_t count = 0;
    for (size_t i = 0; i < n; i++) {
        const mvec_observation *o = mvec_observations_at(observations, i);
        if ((country == NULL || o->country == country) &&
            (every_figure || is_distribution_figure(o)))
            names[count++] = o->vector;
    }
    if (has_memberships(memberships, country))
        names[count++] = "institutions";
    qsort(names, count, sizeof *names, compare_names);
    size_t kept = 0;
    for (size_t i = 0; i < count; i++)
        if (kept == 0 || strcmp(names[kept - 1], names[i]) != 0)
            names[kept++] = names[i];
    if (kept == 0) {
        free(names);
        return 0;
    }
    *out = names;
    return kept;
}

static void say_only_memberships(const mvec_country *country)
{
    cli_error("%s (%s) has no figures loaded, only organisation memberships, so there is no "
              "profile to show",
              country->name, country->code);
    cli_note("give its figures with --data FILE (docs/formats.md); 'mvec sources %s' lists its "
             "memberships",
             country->code);
}

static bool has_figure_of(const mvec_observations *observations, const mvec_country *country,
                          const char *vector)
{
    for (size_t i = 0; i < mvec_observations_count(observations); i++) {
        const mvec_observation *o = mvec_observations_at(observations, i);
        if ((country == NULL || o->country == country) && strcmp(o->vector, vector) == 0)
            return true;
    }
    return false;
}

int cli_check_vector(const mvec_observations *observations, const mvec_memberships *memberships,
                     const mvec_country *country, const char *vector, cli_vector_use use)
{
    const char **names = NULL;
    bool named = use != CLI_VECTOR_DEFAULT;
    size_t count =
        list_vectors(observations, memberships, country, use == CLI_VECTOR_FILTER, &names);
    bool found = count == 0; /* no data at all: the profile says so */
    for (size_t i = 0; i < count && !found; i++)
        found = strcmp(names[i], vector) == 0;
    int code = 0;
    char context[160] = "";
    if (country != NULL)
        snprintf(context, sizeof context, " for %s (%s)", country->name, country->code);
    if (found) {
        code = 0;
    } else if (use == CLI_VECTOR_NAMED && has_figure_of(observations, country, vector)) {
        cli_error("%s%s: only context figures (no values or shares by partner to compare)", vector,
                  context);
        cli_note("'mvec sources %s --vector %s' lists them", country ? country->code : "", vector);
        code = 1;
    } else if (!named && count == 1 && strcmp(names[0], "institutions") == 0) {
        say_only_memberships(country);
        code = 1;
    } else if (!named) {
        cli_error("no %s figures%s (the default vector); choose one with --vector", vector,
                  context);
        char *list = join_names(names, count);
        if (list != NULL)
            cli_note("vectors with data: %s", list);
        free(list);
        code = 1;
    } else {
        cli_unknown_name("vector", vector, context, names, count);
        code = 2;
    }
    free(names);
    return code;
}

int cli_check_weights(const mvec_observations *observations, const mvec_memberships *memberships,
                      const mvec_country *country, const char *weights)
{
    if (weights == NULL || country == NULL)
        return 0;
    const char **names = NULL;
    size_t count = list_vectors(observations, memberships, country, false, &names);
    int code = 0;
    for (const char *p = weights; *p != '\0' && code == 0;) {
        size_t item = strcspn(p, ",");
        size_t key = strcspn(p, "=,");
        char vector[128];
        if (key > 0 && key < sizeof vector && key < item) {
            memcpy(vector, p, key);
            vector[key] = '\0';
            bool found = count == 0; /* no data at all: the profile says so */
            for (size_t i = 0; i < count && !found; i++)
                found = strcmp(names[i], vector) == 0;
            if (!found) {
                char context[200];
                snprintf(context, sizeof context, " in --weights for %s (%s)", country->name,
                         country->code);
                cli_unknown_name("vector", vector, context, names, count);
                code = 2;
            }
        }
        p += item;
        if (*p == ',')
            p++;
    }
    free(names);
    return code;
}

/* "2010, 2012, 2015-2025" from a set of flags over 1900..2100. */
static void format_years(const bool *years, char *text, size_t size)
{
    size_t used = 0;
    text[0] = '\0';
    for (int y = 0; y <= 200; y++) {
        if (!years[y])
            continue;
        int last = y;
        while (last + 1 <= 200 && years[last + 1])
            last++;
        int written = last > y
                          ? snprintf(text + used, size - used, "%s%d-%d", used ? ", " : "",
                                     1900 + y, 1900 + last)
                          : snprintf(text + used, size - used, "%s%d", used ? ", " : "", 1900 + y);
        if (written < 0 || (size_t)written >= size - used)
            return;
        used += (size_t)written;
        y = last;
    }
}

int cli_check_profile(const mvec_profile *profile, const mvec_observations *observations,
                      const cli_args *args, const char *vector)
{
    const mvec_country *country = mvec_profile_country(profile);
    size_t vectors = mvec_profile_vector_count(profile);
    for (size_t v = 0; v < vectors; v++) {
        const mvec_vector_profile *vp = mvec_profile_vector(profile, v);
        /* A vector built from the membership table alone counts only when
         * asked for by name: memberships hold in every year. */
        if (vp->status == NULL && (!vp->from_memberships || vector != NULL))
            return 0;
    }
    bool years[201] = {false};
    bool any_figure = false;
    for (size_t i = 0; i < mvec_observations_count(observations); i++) {
        const mvec_observation *o = mvec_observations_at(observations, i);
        if (o->country != country || !is_distribution_figure(o))
            continue;
        any_figure = true;
        if (vector != NULL && strcmp(o->vector, vector) != 0)
            continue;
        if (args->basis != NULL && strcmp(mvec_basis_name(o->basis), args->basis) != 0)
            continue;
        if (o->year >= 1900 && o->year <= 2100)
            years[o->year - 1900] = true;
    }
    if (!any_figure) {
        say_only_memberships(country);
        return 1;
    }
    char year_list[512];
    format_years(years, year_list, sizeof year_list);
    char subject[160];
    snprintf(subject, sizeof subject, "%s%s%s (%s)", vector ? vector : "", vector ? " of " : "",
             country->name, country->code);
    char basis[64] = "";
    if (args->basis != NULL)
        snprintf(basis, sizeof basis, " on the %s basis", args->basis);
    if (year_list[0] == '\0') {
        cli_error("%s: no figures%s", subject, basis);
        return 1;
    }
    bool year_has_data = args->year >= 1900 && args->year <= 2100 && years[args->year - 1900];
    if (args->year != 0 && !year_has_data)
        cli_error("%s: no data for %d%s", subject, args->year, basis);
    else if (args->year != 0)
        cli_error("%s: nothing could be computed for %d%s", subject, args->year, basis);
    else
        cli_error("%s: nothing could be computed from the data loaded%s", subject, basis);
    if (args->year == 0 || year_has_data) {
        for (size_t v = 0; v < vectors; v++) {
            const mvec_vector_profile *vp = mvec_profile_vector(profile, v);
            if (vp->status != NULL && strncmp(vp->status, "no data for ", 12) != 0)
                cli_note("%s: %s", vp->vector, vp->status);
        }
    }
    if (year_list[0] != '\0')
        cli_note("years with data%s%s%s: %s", vector ? " for " : "", vector ? vector : "", basis,
                 year_list);
    return 1;
}
