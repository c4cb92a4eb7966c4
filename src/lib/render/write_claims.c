/*
 * write_claims.c - claim checks in the column model: as records wrapped at
 * 100 columns (text), CSV or JSON. Each claim names its seed article by
 * author, title, publication and date (data/seeds.csv), not by file name.
 */
#include <string.h>

#include "../data/seeds.h"
#include "render_internal.h"

enum { WRAP_WIDTH = 100 };

enum { COUNTRY, HEADING, ID, CLAIM, SEED, ARTICLE, VERDICT, RULE, NUMBERS, DATA };

mvec_status mvec__claims_result(mvec_ctx *ctx, const mvec_claims *claims, mvec__result *r)
{
    mvec_status status = MVEC_OK;
    mvec__buf text = MVEC__BUF_INIT(1 << 16);
    size_t count = mvec_claims_count(claims);
    const char **seeds = NULL;
    char **citations = NULL;
    MVEC_TRY(mvec__calloc(ctx, count ? count : 1, sizeof *seeds, &seeds));
    MVEC_TRY(mvec__calloc(ctx, count ? count : 1, sizeof *citations, &citations));
    for (size_t i = 0; i < count; i++)
        seeds[i] = mvec_claims_at(claims, i)->seed;
    MVEC_TRY(mvec__seed_citations(ctx, seeds, count, citations));
    const unsigned text_only = MVEC__COLUMN_NO_CSV | MVEC__COLUMN_NO_JSON;
    MVEC_TRY(mvec__result_column(ctx, r, "country", NULL, MVEC__COLUMN_TEXT, 1, 0, 0,
                                 MVEC__COLUMN_NO_TEXT | MVEC__COLUMN_NO_JSON));
    MVEC_TRY(mvec__result_column(ctx, r, "heading", NULL, MVEC__COLUMN_TEXT, 1, 0, 0,
                                 text_only | MVEC__COLUMN_TITLE));
    MVEC_TRY(
        mvec__result_column(ctx, r, "id", NULL, MVEC__COLUMN_TEXT, 1, 0, 0, MVEC__COLUMN_NO_TEXT));
    MVEC_TRY(mvec__result_column(ctx, r, "claim", NULL, MVEC__COLUMN_TEXT, 1, 0, 0,
                                 MVEC__COLUMN_NO_TEXT));
    MVEC_TRY(mvec__result_column(ctx, r, "seed", NULL, MVEC__COLUMN_TEXT, 1, 0, 0,
                                 MVEC__COLUMN_NO_TEXT));
    MVEC_TRY(mvec__result_column(ctx, r, "article", "article", MVEC__COLUMN_TEXT, 1, 0, 0, 0));
    MVEC_TRY(mvec__result_column(ctx, r, "verdict", "verdict", MVEC__COLUMN_TEXT, 1, 0, 0,
                                 MVEC__COLUMN_BADGE));
    MVEC_TRY(mvec__result_column(ctx, r, "rule", "rule", MVEC__COLUMN_TEXT, 1, 0, 0, 0));
    MVEC_TRY(mvec__result_column(ctx, r, "numbers", "numbers", MVEC__COLUMN_TEXT, 1, 0, 0,
                                 MVEC__COLUMN_LIST));
    MVEC_TRY(
        mvec__result_column(ctx, r, "data", "data", MVEC__COLUMN_TEXT, 1, 0, 0, MVEC__COLUMN_LIST));
    for (size_t i = 0; i < count; i++) {
        const mvec_claim_result *c = mvec_claims_at(claims, i);
        MVEC_TRY(mvec__result_row(ctx, r));
        MVEC_TRY(mvec__result_text(ctx, r, COUNTRY, mvec_claims_country(claims)->code));
        mvec__buf_reset(&text);
        MVEC_TRY(mvec__buf_printf(ctx, &text, "%s: \xE2\x80\x9C%s\xE2\x80\x9D", c->id, c->claim));
        MVEC_TRY(mvec__result_text(ctx, r, HEADING, text.data));
        MVEC_TRY(mvec__result_text(ctx, r, ID, c->id));
        MVEC_TRY(mvec__result_text(ctx, r, CLAIM, c->claim));
        MVEC_TRY(mvec__result_text(ctx, r, SEED, c->seed));
        MVEC_TRY(mvec__result_text(ctx, r, ARTICLE, citations[i]));
        MVEC_TRY(mvec__result_text(ctx, r, VERDICT, mvec_verdict_name(c->verdict)));
        MVEC_TRY(mvec__result_text(ctx, r, NUMBERS, c->numbers));
        MVEC_TRY(mvec__result_text(ctx, r, RULE, c->rule));
        MVEC_TRY(mvec__result_text(ctx, r, DATA, c->data));
    }
cleanup:
    mvec__buf_clear(ctx, &text);
    if (citations != NULL)
        mvec__seed_citations_free(ctx, citations, count);
    mvec__free(ctx, citations);
    mvec__free(ctx, seeds);
    return status;
}

mvec_status mvec_claims_write(mvec_ctx *ctx, const mvec_claims *claims, mvec_format format,
                              const mvec_sink *sink)
{
    mvec__buf out = MVEC__BUF_INIT(MVEC__OUTPUT_MAX);
    mvec_status status = MVEC_OK;
    json_t *root = NULL;
    mvec__result r;
    mvec__result sources;
    mvec__result_init(&r);
    mvec__result_init(&sources);
    const mvec_country *country = mvec_claims_country(claims);
    MVEC_TRY(mvec__claims_result(ctx, claims, &r));
    if (format == MVEC_FORMAT_XLSX) {
        /* the seed articles the claims come from; the data each verdict rests on is in
         * the claims' "data" column */
        MVEC_TRY(mvec__sources_init(ctx, &sources));
        for (size_t i = 0; i < r.row_count; i++)
            MVEC_TRY(mvec__sources_add(ctx, &sources, r.cells[i * r.column_count + ARTICLE].text,
                                       NULL, NULL, NULL, r.cells[i * r.column_count + SEED].text,
                                       NULL, "seed article of the claim", NULL));
        mvec__sheet sheet = {"Claims", &r};
        MVEC_TRY(mvec__workbook_emit(ctx, &sheet, 1, &sources, &out, sink));
        goto cleanup;
    }
    /* Text and JSON have a heading; any other format is the result as it is. */
    if (format == MVEC_FORMAT_TABLE) {
        MVEC_TRY(mvec__buf_printf(ctx, &out, "%s (%s): the seed articles' trade claims\n",
                                  country->name, country->code));
        MVEC_TRY(mvec__render_records(ctx, &r, WRAP_WIDTH, &out));
    } else if (format == MVEC_FORMAT_JSON) {
        root = json_object();
        if (root == NULL || !mvec__json_set(root, "country", json_string(country->code)) ||
            !mvec__json_set(root, "claims", mvec__render_json_rows(&r)))
            MVEC_FAIL(ctx, MVEC_ERR_NOMEM, "out of memory (building JSON)");
    }
    MVEC_TRY(mvec__result_finish(ctx, &r, format, root, &out, sink));
cleanup:
    json_decref(root);
    mvec__result_clear(ctx, &sources);
    mvec__result_clear(ctx, &r);
    mvec__buf_clear(ctx, &out);
    return status;
}
