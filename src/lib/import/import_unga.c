/*
 * import_unga.c - UN General Assembly roll-call votes (Erik Voeten's data,
 * as the R package unvotes publishes them): un_votes.csv, one row per roll
 * call and voting country (docs/formats.md, "unga").
 *
 * Output, per country, year and great power (USA, RUS - the Soviet Union's
 * seat, SUN, until 1991 -, CHN, GBR, FRA): vector diplomacy.unga, indicator
 * agreement (%): of the year's roll calls in which both voted (yes, no or
 * abstain; absence is no vote), the share in which they voted alike; and
 * indicator common_votes (count): how many such roll calls there were
 * (docs/methods.md, "UNGA agreement").
 *
 * The year of a roll call is not in un_votes.csv: it comes from a `date`
 * column when the file has one (a joined export), else from
 * un_roll_calls.csv in the same folder, read at the first vote (an error
 * when absent). Votes are kept in a dense roll call x country matrix of bytes
 * and counted in finish: nothing is looked up by string per row except a
 * country's first appearance.
 */
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "code_map.h"
#include "importers.h"

static const char *const UNGA_HEADER[] = {"rcid", "country", "country_code", "vote"};
enum { UNGA_RCID, UNGA_COUNTRY, UNGA_CODE, UNGA_VOTE, UNGA_DATE, UNGA_COLUMN_COUNT };
static const mvec__column_spec UNGA_COLUMNS[UNGA_COLUMN_COUNT] = {
    {"rcid", true}, {"country", true}, {"country_code", true}, {"vote", true}, {"date", false}};

/* un_roll_calls.csv */
enum { RC_RCID, RC_SESSION, RC_IMPORTANT, RC_DATE, RC_UNRES, RC_AMEND, RC_PARA, RC_SHORT,
       RC_DESCR, RC_COLUMN_COUNT };
static const mvec__column_spec RC_COLUMNS[RC_COLUMN_COUNT] = {
    {"rcid", true},  {"session", false}, {"importantvote", false},
    {"date", true},  {"unres", false},   {"amend", false},
    {"para", false}, {"short", false},   {"descr", false}};
#define UNGA_ROLL_CALLS "un_roll_calls.csv"

#define UNGA_MAX_RCID 1000000L
#define UNGA_FIRST_YEAR 1900
#define UNGA_YEARS 201 /* 1900-2100 */
#define UNGA_POWERS 5

/* The great powers' seats, as the file codes them (RU: see data/codes/unga.csv). */
static const char *const UNGA_POWER_CODES[UNGA_POWERS] = {"US", "RU", "CN", "GB", "FR"};

typedef struct unga_state {
    const char *vector, *agreement, *common, *empty, *percent, *percent_dimension, *count,
        *count_dimension, *source, *source_date, *url, *title, *quality, *note, *common_note,
        *file;
    double percent_factor, count_factor;
    mvec__code_map codes;
    bool codes_loaded;
    mvec__unmapped unmapped;
    /* roll calls: rcid -> index + 1 (0: unknown), the year of each */
    int32_t *rc_index;
    size_t rc_index_size;
    int16_t *rc_year;
    size_t rc_count, rc_capacity;
    bool from_companion; /* roll calls come from un_roll_calls.csv */
    /* countries: registry index -> slot + 1; the slot's country */
    int32_t *slot_of;
    size_t registry_size;
    const mvec_country **slots;
    size_t slot_count;
    /* alpha-2 code -> slot + 1 (0: not met; -1: year-dependent or by name; INT32_MIN: left out) */
    int32_t alpha2_slot[26 * 26];
    /* votes: rc_count x registry_size bytes, 0 = no vote, 1 yes, 2 no, 3 abstain */
    uint8_t *votes;
    /* first line of each slot's votes, per year met (else NULL) */
    size_t *first_line[UNGA_YEARS];
} unga_state;

/* ---- roll calls --------------------------------------------------------------------------- */

static mvec_status unga_add_roll_call(mvec_ctx *ctx, unga_state *s, long rcid, int year,
                                      const mvec__table *table, size_t column)
{
    mvec_status status = MVEC_OK;
    if ((size_t)rcid >= s->rc_index_size) {
        size_t size = s->rc_index_size ? s->rc_index_size : 1024;
        while (size <= (size_t)rcid)
            size *= 2;
        int32_t *index = NULL;
        MVEC_TRY(mvec__calloc(ctx, size, sizeof *index, &index));
        if (s->rc_index != NULL)
            memcpy(index, s->rc_index, s->rc_index_size * sizeof *index);
        mvec__free(ctx, s->rc_index);
        s->rc_index = index;
        s->rc_index_size = size;
    }
    if (s->rc_index[rcid] != 0)
        return mvec__table_fail(ctx, table, column, MVEC_ERR_PARSE, "roll call %ld given twice",
                                rcid);
    size_t old_capacity = s->rc_capacity;
    MVEC_TRY(mvec__grow(ctx, &s->rc_year, &s->rc_capacity, s->rc_count + 1, sizeof *s->rc_year));
    if (s->rc_capacity != old_capacity) {
        size_t new_capacity = s->rc_capacity;
        uint8_t *votes = NULL;
        MVEC_TRY(mvec__calloc(ctx, new_capacity, s->registry_size, &votes));
        if (s->votes != NULL)
            memcpy(votes, s->votes, s->rc_count * s->registry_size);
        mvec__free(ctx, s->votes);
        s->votes = votes;
    }
    s->rc_year[s->rc_count] = (int16_t)year;
    s->rc_index[rcid] = (int32_t)++s->rc_count;
cleanup:
    return status;
}

static mvec_status unga_parse_date(mvec_ctx *ctx, const mvec__table *table, size_t column,
                                   int *year)
{
    const char *text = mvec__table_get(table, column);
    int month;
    int day;
    if (!mvec__parse_date(text, year, &month, &day) || *year < UNGA_FIRST_YEAR ||
        *year >= UNGA_FIRST_YEAR + UNGA_YEARS)
        return mvec__table_fail(ctx, table, column, MVEC_ERR_PARSE,
                                "invalid date '%s' (YYYY-MM-DD, 1900 to 2100)", text);
    return MVEC_OK;
}

static mvec_status unga_parse_rcid(mvec_ctx *ctx, const mvec__table *table, size_t column,
                                   long *rcid)
{
    const char *text = mvec__table_get(table, column);
    if (!mvec__parse_int(text, 1, UNGA_MAX_RCID, rcid))
        return mvec__table_fail(ctx, table, column, MVEC_ERR_PARSE,
                                "invalid roll-call id '%s' (a whole number from 1 to %ld)", text,
                                UNGA_MAX_RCID);
    return MVEC_OK;
}

static mvec_status unga_roll_call_row(void *user, mvec__table *table)
{
    mvec__import *import = user;
    unga_state *s = import->state;
    mvec_status status = MVEC_OK;
    long rcid;
    int year;
    MVEC_TRY(unga_parse_rcid(import->ctx, table, RC_RCID, &rcid));
    MVEC_TRY(unga_parse_date(import->ctx, table, RC_DATE, &year));
    MVEC_TRY(unga_add_roll_call(import->ctx, s, rcid, year, table, RC_RCID));
cleanup:
    return status;
}

/* Read un_roll_calls.csv from the folder of the file being imported. */
static mvec_status unga_read_companion(mvec__import *import)
{
    mvec_ctx *ctx = import->ctx;
    mvec_status status = MVEC_OK;
    char *text = NULL;
    size_t length = 0;
    char path[4096];
    const char *slash = strrchr(import->name, '/');
    int written = slash == NULL
                      ? snprintf(path, sizeof path, "%s", UNGA_ROLL_CALLS)
                      : snprintf(path, sizeof path, "%.*s/%s", (int)(slash - import->name),
                                 import->name, UNGA_ROLL_CALLS);
    if (written < 0 || (size_t)written >= sizeof path)
        MVEC_FAIL(ctx, MVEC_ERR_LIMIT, "%s: path too long", import->name);
    status = mvec__file_read(ctx, path, &text, &length);
    if (status == MVEC_ERR_IO)
        MVEC_FAIL(ctx, MVEC_ERR_IO,
                  "%s:1:1: the UNGA votes need the year of each roll call: give the file a "
                  "'date' column or put %s (same release) beside it; cannot read %s",
                  import->name, UNGA_ROLL_CALLS, path);
    MVEC_TRY(status);
    ((unga_state *)import->state)->from_companion = true;
    MVEC_TRY(mvec__table_read(ctx, path, text, length, RC_COLUMNS, RC_COLUMN_COUNT,
                              unga_roll_call_row, import));
cleanup:
    mvec__free(ctx, text);
    return status;
}

/* ---- begin, rows, finish ------------------------------------------------------------------ */

static mvec_status unga_begin(mvec__import *import)
{
    mvec_ctx *ctx = import->ctx;
    mvec_status status = MVEC_OK;
    unga_state *s = NULL;
    MVEC_TRY(mvec__calloc(ctx, 1, sizeof *s, &s));
    import->state = s;
    s->unmapped = (mvec__unmapped){.index = MVEC__STRMAP_INIT};
    static const struct {
        size_t offset;
        const char *text;
    } TEXTS[] = {
        {offsetof(unga_state, vector), "diplomacy.unga"},
        {offsetof(unga_state, agreement), "agreement"},
        {offsetof(unga_state, common), "common_votes"},
        {offsetof(unga_state, empty), ""},
        {offsetof(unga_state, source),
         "Erik Voeten, United Nations General Assembly Voting Data (R package unvotes 0.2.0.9000)"},
        {offsetof(unga_state, source_date), "2021-02-21"},
        {offsetof(unga_state, url), "https://hdl.handle.net/1902.1/12379"},
        {offsetof(unga_state, title), "United Nations General Assembly Voting Data"},
        {offsetof(unga_state, quality), "secondary"},
        {offsetof(unga_state, note),
         "of the year's roll calls in which both voted (yes, no or abstain), the share in which "
         "they voted alike; absences do not count"},
        {offsetof(unga_state, common_note),
         "roll calls of the year in which both voted (yes, no or abstain)"},
    };
    for (size_t i = 0; i < sizeof TEXTS / sizeof *TEXTS; i++)
        MVEC_TRY(mvec__import_intern(import, TEXTS[i].text,
                                     (const char **)(void *)((char *)s + TEXTS[i].offset)));
    MVEC_TRY(mvec__import_intern(import, import->name, &s->file));
    mvec_observation probe = {.value = 1};
    MVEC_TRY(mvec__import_set_unit(import, &probe, "%", UNGA_VOTE));
    s->percent = probe.unit;
    s->percent_dimension = probe.dimension;
    s->percent_factor = probe.base_value;
    MVEC_TRY(mvec__import_set_unit(import, &probe, "count", UNGA_VOTE));
    s->count = probe.unit;
    s->count_dimension = probe.dimension;
    s->count_factor = probe.base_value;
    MVEC_TRY(mvec__code_map_load(ctx, import->countries, "unga", &s->codes));
    s->codes_loaded = true;
    s->registry_size = mvec_countries_count(import->countries);
    MVEC_TRY(mvec__calloc(ctx, s->registry_size, sizeof *s->slot_of, &s->slot_of));
    MVEC_TRY(mvec__calloc(ctx, s->registry_size, sizeof *s->slots, &s->slots));
cleanup:
    return status;
}

static void unga_clear(mvec__import *import)
{
    unga_state *s = import->state;
    if (s == NULL)
        return;
    mvec_ctx *ctx = import->ctx;
    if (s->codes_loaded)
        mvec__code_map_clear(ctx, &s->codes);
    mvec__unmapped_clear(ctx, &s->unmapped);
    mvec__free(ctx, s->rc_index);
    mvec__free(ctx, s->rc_year);
    mvec__free(ctx, s->slot_of);
    mvec__free(ctx, s->slots);
    mvec__free(ctx, s->votes);
    for (size_t y = 0; y < UNGA_YEARS; y++)
        mvec__free(ctx, s->first_line[y]);
    mvec__free(ctx, s);
    import->state = NULL;
}

/* The slot of `country` (added on first sight). */
static int32_t unga_slot(unga_state *s, const mvec_countries *countries,
                         const mvec_country *country)
{
    size_t index = mvec_countries_index(countries, country);
    if (index >= s->registry_size)
        return -1;
    if (s->slot_of[index] == 0) {
        s->slots[s->slot_count] = country;
        s->slot_of[index] = (int32_t)++s->slot_count;
    }
    return s->slot_of[index] - 1;
}

/* The country slot of the current row, or -1 when it is left out (counted). */
static mvec_status unga_country(mvec__import *import, int year, int32_t *slot)
{
    unga_state *s = import->state;
    mvec__table *table = &import->table;
    const char *code = mvec__table_get(table, UNGA_CODE);
    bool alpha2 = code[0] >= 'A' && code[0] <= 'Z' && code[1] >= 'A' && code[1] <= 'Z' &&
                  code[2] == '\0';
    size_t key = alpha2 ? (size_t)(code[0] - 'A') * 26 + (size_t)(code[1] - 'A') : 0;
    if (alpha2 && s->alpha2_slot[key] > 0) {
        *slot = s->alpha2_slot[key] - 1;
        return MVEC_OK;
    }
    if (alpha2 && s->alpha2_slot[key] == INT32_MIN) {
        *slot = -1;
        return mvec__unmapped_add(import->ctx, &s->unmapped, code, false, table->record->line);
    }
    if (!alpha2 && code[0] != '\0')
        return mvec__table_fail(import->ctx, table, UNGA_CODE, MVEC_ERR_PARSE,
                                "invalid country code '%s' (ISO alpha-2, two capital letters, "
                                "or empty)",
                                code);
    const char *name = alpha2 ? code : mvec__table_get(table, UNGA_COUNTRY);
    const mvec_country *country = NULL;
    if (mvec__code_map_find(&s->codes, name, year, &country)) {
        if (alpha2)
            s->alpha2_slot[key] = -1; /* in the table: looked up on every row (by year) */
        if (country == NULL) {
            *slot = -1;
            return mvec__unmapped_add(import->ctx, &s->unmapped, name, true, table->record->line);
        }
        *slot = unga_slot(s, import->countries, country);
        return MVEC_OK;
    }
    if (!alpha2) {
        *slot = -1;
        return mvec__unmapped_add(import->ctx, &s->unmapped, name[0] ? name : "(empty)", false,
                                  table->record->line);
    }
    if (s->alpha2_slot[key] == -1) { /* in the table, but not for this year */
        *slot = -1;
        return mvec__unmapped_add(import->ctx, &s->unmapped, code, false, table->record->line);
    }
    country = mvec_countries_find(import->countries, code);
    if (country == NULL || !mvec__str_equal(country->alpha2, code) ||
        (country->kind != MVEC_COUNTRY_CURRENT && country->kind != MVEC_COUNTRY_FORMER)) {
        s->alpha2_slot[key] = INT32_MIN;
        *slot = -1;
        return mvec__unmapped_add(import->ctx, &s->unmapped, code, false, table->record->line);
    }
    *slot = unga_slot(s, import->countries, country);
    s->alpha2_slot[key] = *slot + 1;
    return MVEC_OK;
}

static mvec_status unga_row(mvec__import *import)
{
    mvec_ctx *ctx = import->ctx;
    mvec__table *table = &import->table;
    unga_state *s = import->state;
    mvec_status status = MVEC_OK;
    long rcid;
    if (!s->from_companion && table->field_of[UNGA_DATE] < 0)
        MVEC_TRY(unga_read_companion(import)); /* at the first vote: a file of no votes needs none */
    MVEC_TRY(unga_parse_rcid(ctx, table, UNGA_RCID, &rcid));
    const char *vote_text = mvec__table_get(table, UNGA_VOTE);
    uint8_t vote = mvec__str_equal(vote_text, "yes")       ? 1
                   : mvec__str_equal(vote_text, "no")      ? 2
                   : mvec__str_equal(vote_text, "abstain") ? 3
                                                           : 0;
    if (vote == 0)
        return mvec__table_fail(ctx, table, UNGA_VOTE, MVEC_ERR_PARSE,
                                "vote must be yes, no or abstain, not '%s'", vote_text);
    size_t rc = (size_t)rcid < s->rc_index_size ? (size_t)s->rc_index[rcid] : 0;
    int year;
    if (!s->from_companion) { /* the date column */
        MVEC_TRY(unga_parse_date(ctx, table, UNGA_DATE, &year));
        if (rc == 0) {
            MVEC_TRY(unga_add_roll_call(ctx, s, rcid, year, table, UNGA_RCID));
            rc = s->rc_count;
        } else if (s->rc_year[rc - 1] != year) {
            return mvec__table_fail(ctx, table, UNGA_DATE, MVEC_ERR_PARSE,
                                    "roll call %ld was dated in %d on an earlier row", rcid,
                                    (int)s->rc_year[rc - 1]);
        }
    } else if (rc == 0) {
        return mvec__table_fail(ctx, table, UNGA_RCID, MVEC_ERR_PARSE,
                                "roll call %ld is not in %s", rcid, UNGA_ROLL_CALLS);
    }
    year = s->rc_year[rc - 1];
    int32_t slot = -1;
    MVEC_TRY(unga_country(import, year, &slot));
    if (slot < 0)
        return MVEC_OK; /* counted, reported at the end */
    uint8_t *cell = &s->votes[(rc - 1) * s->registry_size + (size_t)slot];
    if (*cell != 0)
        return mvec__table_fail(ctx, table, UNGA_VOTE, MVEC_ERR_PARSE,
                                "a second vote of %s in roll call %ld", s->slots[slot]->code,
                                rcid);
    *cell = vote;
    size_t **lines = &s->first_line[year - UNGA_FIRST_YEAR];
    if (*lines == NULL)
        MVEC_TRY(mvec__calloc(ctx, s->registry_size, sizeof **lines, lines));
    size_t *first = &(*lines)[slot];
    if (*first == 0)
        *first = table->record->line;
cleanup:
    return status;
}

static mvec_status unga_emit(mvec__import *import, const mvec_country *country,
                             const mvec_country *power, int year, bool agreement, double value,
                             size_t line)
{
    unga_state *s = import->state;
    mvec_observation *row = NULL;
    mvec_status status = mvec__import_new_row(import, &row);
    if (status != MVEC_OK)
        return status;
    row->country = country;
    row->partner = power;
    row->vector = s->vector;
    row->indicator = agreement ? s->agreement : s->common;
    row->year = year;
    row->period = s->empty;
    row->item = s->empty;
    row->value = value;
    row->unit = agreement ? s->percent : s->count;
    row->dimension = agreement ? s->percent_dimension : s->count_dimension;
    row->base_value = value * (agreement ? s->percent_factor : s->count_factor);
    row->basis = MVEC_BASIS_THIRD_PARTY;
    row->source = s->source;
    row->source_date = s->source_date;
    row->url = s->url;
    row->title = s->title;
    row->quality = s->quality;
    row->seed = s->empty;
    row->quote = s->empty;
    row->note = agreement ? s->note : s->common_note;
    row->file = s->file;
    row->line = line;
    row->column = (size_t)import->table.field_of[UNGA_VOTE] + 1;
    mvec__import_add_row(import);
    return MVEC_OK;
}

static mvec_status unga_finish(mvec__import *import)
{
    mvec_ctx *ctx = import->ctx;
    unga_state *s = import->state;
    mvec_status status = MVEC_OK;
    uint32_t *common = NULL;
    uint32_t *alike = NULL;
    size_t n = s->slot_count;
    int min_year = INT_MAX;
    int max_year = INT_MIN;
    for (size_t r = 0; r < s->rc_count; r++) {
        if (s->rc_year[r] < min_year)
            min_year = s->rc_year[r];
        if (s->rc_year[r] > max_year)
            max_year = s->rc_year[r];
    }
    if (n == 0 || s->rc_count == 0)
        goto report;
    size_t years = (size_t)(max_year - min_year + 1);
    /* counts[(year * n + country) * POWERS + power]; a power's seat can change
     * country by year (RU: SUN, then RUS), so its slot is found per roll call */
    MVEC_TRY(mvec__calloc(ctx, years * n * UNGA_POWERS, sizeof *common, &common));
    MVEC_TRY(mvec__calloc(ctx, years * n * UNGA_POWERS, sizeof *alike, &alike));
    int32_t power_slot[UNGA_POWERS][UNGA_YEARS];
    for (size_t g = 0; g < UNGA_POWERS; g++)
        for (int y = min_year; y <= max_year; y++) {
            const mvec_country *country = NULL;
            if (!mvec__code_map_find(&s->codes, UNGA_POWER_CODES[g], y, &country))
                country = mvec_countries_find(import->countries, UNGA_POWER_CODES[g]);
            size_t index = country ? mvec_countries_index(import->countries, country) : SIZE_MAX;
            power_slot[g][y - UNGA_FIRST_YEAR] =
                index < s->registry_size ? s->slot_of[index] - 1 : -1;
        }
    for (size_t r = 0; r < s->rc_count; r++) {
        const uint8_t *votes = &s->votes[r * s->registry_size];
        size_t y = (size_t)(s->rc_year[r] - min_year);
        for (size_t g = 0; g < UNGA_POWERS; g++) {
            int32_t gs = power_slot[g][s->rc_year[r] - UNGA_FIRST_YEAR];
            if (gs < 0 || votes[gs] == 0)
                continue;
            uint8_t power_vote = votes[gs];
            uint32_t *common_row = &common[y * n * UNGA_POWERS + g];
            uint32_t *alike_row = &alike[y * n * UNGA_POWERS + g];
            for (size_t c = 0; c < n; c++) {
                if (votes[c] == 0 || c == (size_t)gs)
                    continue;
                common_row[c * UNGA_POWERS]++;
                alike_row[c * UNGA_POWERS] += votes[c] == power_vote;
            }
        }
    }
    for (size_t y = 0; y < years; y++) {
        int year = min_year + (int)y;
        for (size_t c = 0; c < n; c++)
            for (size_t g = 0; g < UNGA_POWERS; g++) {
                size_t k = (y * n + c) * UNGA_POWERS + g;
                if (common[k] == 0)
                    continue;
                int32_t gs = power_slot[g][year - UNGA_FIRST_YEAR];
                const size_t *lines = s->first_line[year - UNGA_FIRST_YEAR];
                size_t line = lines != NULL ? lines[c] : 0;
                double share = 100.0 * (double)alike[k] / (double)common[k];
                MVEC_TRY(unga_emit(import, s->slots[c], s->slots[gs], year, true, share, line));
                MVEC_TRY(unga_emit(import, s->slots[c], s->slots[gs], year, false,
                                   (double)common[k], line));
            }
    }
report:
    mvec__unmapped_report(ctx, &s->unmapped, import->name, "UNGA vote");
cleanup:
    mvec__free(ctx, common);
    mvec__free(ctx, alike);
    return status;
}

static const char *const UNGA_COMPANIONS[] = {UNGA_ROLL_CALLS, NULL};

const mvec__importer MVEC__IMPORT_UNGA = {
    .name = "unga",
    .summary = "UN General Assembly votes (Voeten / unvotes un_votes.csv, with un_roll_calls.csv "
               "beside it)",
    .format = MVEC_INPUT_OTHER,
    .signature = UNGA_HEADER,
    .signature_count = sizeof UNGA_HEADER / sizeof *UNGA_HEADER,
    .columns = UNGA_COLUMNS,
    .column_count = UNGA_COLUMN_COUNT,
    .row = unga_row,
    .begin = unga_begin,
    .finish = unga_finish,
    .clear = unga_clear,
    .consistent = true, /* no totals, no shares: each row is checked alone */
    .companions = UNGA_COMPANIONS,
};
