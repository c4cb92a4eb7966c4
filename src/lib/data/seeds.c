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
    const char *file;
    mvec__buf *out;
    bool found;
} seed_state;

static mvec_status on_seed_row(void *user, mvec__table *table)
{
    seed_state *state = user;
    mvec_ctx *ctx = state->ctx;
    mvec__buf *out = state->out;
    mvec_status status = MVEC_OK;
    if (state->found || strcmp(mvec__table_get(table, SEED_FILE), state->file) != 0)
        return MVEC_OK;
    state->found = true;
    const char *authors = mvec__table_get(table, SEED_AUTHORS);
    const char *title = mvec__table_get(table, SEED_TITLE);
    const char *publication = mvec__table_get(table, SEED_PUBLICATION);
    const char *date = mvec__table_get(table, SEED_DATE);
    MVEC_TRY(mvec__buf_puts(ctx, out, authors[0] ? authors : "author not named"));
    if (title[0] != '\0')
        MVEC_TRY(mvec__buf_printf(ctx, out, ", \xE2\x80\x9C%s\xE2\x80\x9D", title));
    MVEC_TRY(mvec__buf_printf(ctx, out, ", %s, %s",
                              publication[0] ? publication : "publication not named",
                              date[0] ? date : "undated"));
cleanup:
    return status;
}

mvec_status mvec__seed_citation(mvec_ctx *ctx, const char *file, mvec__buf *out)
{
    seed_state state = {ctx, file, out, false};
    mvec_status status =
        mvec__table_read_embedded(ctx, "data/seeds.csv", SEED_COLUMNS,
                                  sizeof SEED_COLUMNS / sizeof *SEED_COLUMNS, on_seed_row, &state);
    if (status == MVEC_OK && !state.found)
        status = mvec__buf_puts(ctx, out, file);
    return status;
}
