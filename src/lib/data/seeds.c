/*
 * seeds.c - citations of the seed articles from data/seeds.csv.
 */
#include <string.h>

#include "csv_table.h"
#include "seeds.h"

enum { SEED_FILE, SEED_AUTHORS, SEED_PUBLICATION, SEED_DATE, SEED_TITLE, SEED_NOTE };

static const mvec__column_spec SEED_COLUMNS[] = {
    {"file", true}, {"authors", true}, {"publication", true},
    {"date", true}, {"title", true},   {"note", false},
};

typedef struct seed_state {
    mvec_ctx *ctx;
    const char *const *files;
    size_t count;
    char **out;
} seed_state;

static mvec_status citation(mvec_ctx *ctx, const mvec__table *table, char **out)
{
    mvec_status status = MVEC_OK;
    mvec__buf text = MVEC__BUF_INIT(1 << 12);
    const char *authors = mvec__table_get(table, SEED_AUTHORS);
    const char *title = mvec__table_get(table, SEED_TITLE);
    const char *publication = mvec__table_get(table, SEED_PUBLICATION);
    const char *date = mvec__table_get(table, SEED_DATE);
    MVEC_TRY(mvec__buf_puts(ctx, &text, authors[0] ? authors : "author not named"));
    if (title[0] != '\0')
        MVEC_TRY(mvec__buf_printf(ctx, &text, ", \xE2\x80\x9C%s\xE2\x80\x9D", title));
    MVEC_TRY(mvec__buf_printf(ctx, &text, ", %s, %s",
                              publication[0] ? publication : "publication not named",
                              date[0] ? date : "undated"));
    MVEC_TRY(mvec__strdup(ctx, text.data, out));
cleanup:
    mvec__buf_clear(ctx, &text);
    return status;
}

static mvec_status on_seed_row(void *user, mvec__table *table)
{
    seed_state *state = user;
    const char *file = mvec__table_get(table, SEED_FILE);
    for (size_t i = 0; i < state->count; i++)
        if (state->out[i] == NULL && strcmp(state->files[i], file) == 0) {
            mvec_status status = citation(state->ctx, table, &state->out[i]);
            if (status != MVEC_OK)
                return status;
        }
    return MVEC_OK;
}

mvec_status mvec__seed_citations(mvec_ctx *ctx, const char *const *files, size_t count,
                                 char **out)
{
    for (size_t i = 0; i < count; i++)
        out[i] = NULL;
    seed_state state = {ctx, files, count, out};
    mvec_status status =
        mvec__table_read_embedded(ctx, "data/seeds.csv", SEED_COLUMNS,
                                  sizeof SEED_COLUMNS / sizeof *SEED_COLUMNS, on_seed_row, &state);
    for (size_t i = 0; status == MVEC_OK && i < count; i++)
        if (out[i] == NULL)
            status = mvec__strdup(ctx, files[i], &out[i]);
    if (status != MVEC_OK)
        mvec__seed_citations_free(ctx, out, count);
    return status;
}

void mvec__seed_citations_free(mvec_ctx *ctx, char **citations, size_t count)
{
    for (size_t i = 0; i < count; i++) {
        mvec__free(ctx, citations[i]);
        citations[i] = NULL;
    }
}
