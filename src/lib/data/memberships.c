/*
 * memberships.c - organisation memberships with join and leave dates
 * (data/memberships.csv), and which organisations have complete member
 * lists (data/organisations.csv, column members_complete), so that "EU" can
 * stand for its members of a given year.
 *
 * Year rule: a member counts in year Y when it joined in or before Y and had
 * not left by the start of Y (the United Kingdom, which left on 31 January
 * 2020, is outside the EU for 2020 annual data).
 */
#include <stdio.h>
#include <string.h>

#include "csv_table.h"

typedef struct membership_entry {
    mvec_membership public_view;
    int left_year; /* year of leaving; 0 when still a member */
} membership_entry;

struct mvec_memberships {
    membership_entry *entries;
    size_t count;
    size_t capacity;
    const mvec_country **complete; /* organisations whose member list is complete */
    size_t complete_count;
    size_t complete_capacity;
    mvec__strpool strings;
};

enum {
    MEMBER_ORGANISATION, MEMBER_MEMBER, MEMBER_JOINED, MEMBER_LEFT, MEMBER_STATUS,
    MEMBER_SOURCE, MEMBER_SOURCE_DATE, MEMBER_URL, MEMBER_QUALITY, MEMBER_QUOTE, MEMBER_NOTE,
};
static const mvec__column_spec MEMBER_COLUMNS[] = {
    {"organisation", true}, {"member", true}, {"joined", true}, {"left", true},
    {"status", true},       {"source", true}, {"source_date", true}, {"url", true},
    {"quality", true},      {"quote", true},  {"note", true},
};

static const char *const STATUSES[] = {"member", "founder", "partner", "observer", "agreement"};

typedef struct memberships_state {
    mvec_ctx *ctx;
    const mvec_countries *countries;
    mvec_memberships *memberships;
} memberships_state;

static mvec_status keep(mvec_ctx *ctx, mvec_memberships *memberships, const char *text,
                        const char **out)
{
    return mvec__strpool_intern(ctx, &memberships->strings, text, out);
}

static mvec_status on_member_row(void *user, mvec__table *table)
{
    memberships_state *state = user;
    mvec_ctx *ctx = state->ctx;
    mvec_memberships *memberships = state->memberships;
    mvec_status status = MVEC_OK;
    const char *organisation_code = mvec__table_get(table, MEMBER_ORGANISATION);
    const char *member_code = mvec__table_get(table, MEMBER_MEMBER);
    const mvec_country *organisation = mvec_countries_find(state->countries, organisation_code);
    const mvec_country *member = mvec_countries_find(state->countries, member_code);
    if (organisation == NULL)
        return mvec__table_fail(ctx, table, MEMBER_ORGANISATION, MVEC_ERR_PARSE,
                                "unknown organisation '%s'", organisation_code);
    if (member == NULL)
        return mvec__table_fail(ctx, table, MEMBER_MEMBER, MVEC_ERR_PARSE,
                                "unknown country '%s'", member_code);
    int joined = 0;
    int left = 0;
    if (!mvec__parse_date(mvec__table_get(table, MEMBER_JOINED), &joined, NULL, NULL))
        return mvec__table_fail(ctx, table, MEMBER_JOINED, MVEC_ERR_PARSE,
                                "date expected (YYYY, YYYY-MM or YYYY-MM-DD)");
    const char *left_text = mvec__table_get(table, MEMBER_LEFT);
    if (left_text[0] != '\0' && !mvec__parse_date(left_text, &left, NULL, NULL))
        return mvec__table_fail(ctx, table, MEMBER_LEFT, MVEC_ERR_PARSE,
                                "date expected (YYYY, YYYY-MM or YYYY-MM-DD) or empty");
    const char *status_text = mvec__table_get(table, MEMBER_STATUS);
    bool known = false;
    for (size_t i = 0; i < sizeof STATUSES / sizeof *STATUSES; i++)
        known = known || mvec__str_equal(status_text, STATUSES[i]);
    if (!known)
        return mvec__table_fail(ctx, table, MEMBER_STATUS, MVEC_ERR_PARSE,
                                "status must be member, founder, partner, observer or "
                                "agreement, not '%s'",
                                status_text);
    MVEC_TRY(mvec__grow(ctx, &memberships->entries, &memberships->capacity,
                        memberships->count + 1, sizeof *memberships->entries));
    membership_entry *entry = &memberships->entries[memberships->count];
    memset(entry, 0, sizeof *entry);
    entry->public_view.organisation = organisation;
    entry->public_view.member = member;
    entry->public_view.joined = joined;
    entry->public_view.left = left;
    entry->left_year = left;
    MVEC_TRY(keep(ctx, memberships, status_text, &entry->public_view.status));
    MVEC_TRY(keep(ctx, memberships, mvec__table_get(table, MEMBER_SOURCE),
                  &entry->public_view.source));
    MVEC_TRY(keep(ctx, memberships, mvec__table_get(table, MEMBER_URL), &entry->public_view.url));
    MVEC_TRY(keep(ctx, memberships, mvec__table_get(table, MEMBER_QUOTE),
                  &entry->public_view.quote));
    MVEC_TRY(keep(ctx, memberships, mvec__table_get(table, MEMBER_QUALITY),
                  &entry->public_view.quality));
    memberships->count++;
cleanup:
    return status;
}

static mvec_status on_org_row(void *user, mvec__table *table)
{
    memberships_state *state = user;
    mvec_memberships *memberships = state->memberships;
    if (!mvec__str_equal(mvec__table_get(table, ORG_MEMBERS_COMPLETE), "yes"))
        return MVEC_OK;
    const mvec_country *organisation =
        mvec_countries_find(state->countries, mvec__table_get(table, ORG_CODE));
    if (organisation == NULL)
        return mvec__table_fail(state->ctx, table, ORG_CODE, MVEC_ERR_PARSE, "unknown code");
    mvec_status status =
        mvec__grow(state->ctx, &memberships->complete, &memberships->complete_capacity,
                   memberships->complete_count + 1, sizeof *memberships->complete);
    if (status == MVEC_OK)
        memberships->complete[memberships->complete_count++] = organisation;
    return status;
}

mvec_status mvec_memberships_builtin(mvec_ctx *ctx, const mvec_countries *countries,
                                     mvec_memberships **out)
{
    mvec_status status = MVEC_OK;
    mvec_memberships *memberships = NULL;
    MVEC_TRY(mvec__calloc(ctx, 1, sizeof *memberships, &memberships));
    memberships_state state = {ctx, countries, memberships};
    MVEC_TRY(mvec__table_read_embedded(ctx, "data/memberships.csv", MEMBER_COLUMNS,
                                       sizeof MEMBER_COLUMNS / sizeof *MEMBER_COLUMNS,
                                       on_member_row, &state));
    MVEC_TRY(mvec__table_read_embedded(ctx, "data/organisations.csv",
                                       MVEC__ORGANISATION_COLUMNS, ORG_COLUMN_COUNT, on_org_row,
                                       &state));
    *out = memberships;
    memberships = NULL;
cleanup:
    mvec_memberships_free(ctx, memberships);
    return status;
}

void mvec_memberships_free(mvec_ctx *ctx, mvec_memberships *memberships)
{
    if (memberships == NULL)
        return;
    mvec__strpool_clear(ctx, &memberships->strings);
    mvec__free(ctx, memberships->entries);
    mvec__free(ctx, memberships->complete);
    mvec__free(ctx, memberships);
}

size_t mvec_memberships_count(const mvec_memberships *memberships)
{
    return memberships->count;
}

const mvec_membership *mvec_memberships_at(const mvec_memberships *memberships, size_t index)
{
    return index < memberships->count ? &memberships->entries[index].public_view : NULL;
}

bool mvec_memberships_contains(const mvec_memberships *memberships,
                               const mvec_country *organisation, const mvec_country *member,
                               int year)
{
    for (size_t i = 0; i < memberships->count; i++) {
        const membership_entry *entry = &memberships->entries[i];
        if (entry->public_view.organisation != organisation || entry->public_view.member != member)
            continue;
        if (entry->public_view.joined <= year && (entry->left_year == 0 || entry->left_year > year))
            return true;
    }
    return false;
}

bool mvec_memberships_is_member(const mvec_memberships *memberships,
                                const mvec_country *organisation, const mvec_country *member,
                                int year)
{
    for (size_t i = 0; i < memberships->count; i++) {
        const membership_entry *entry = &memberships->entries[i];
        const char *status = entry->public_view.status;
        if (entry->public_view.organisation != organisation ||
            entry->public_view.member != member ||
            (strcmp(status, "member") != 0 && strcmp(status, "founder") != 0))
            continue;
        if (entry->public_view.joined <= year && (entry->left_year == 0 || entry->left_year > year))
            return true;
    }
    return false;
}

bool mvec_memberships_defines(const mvec_memberships *memberships,
                              const mvec_country *organisation)
{
    for (size_t i = 0; i < memberships->complete_count; i++)
        if (memberships->complete[i] == organisation)
            return true;
    return false;
}
