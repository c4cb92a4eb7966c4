/*
 * write_claims.c - claim checks as text, CSV or JSON.
 */
#include <string.h>

#include "render_internal.h"

static mvec_status write_table(mvec_ctx *ctx, const mvec_claims *claims, mvec__buf *out)
{
    mvec_status status = MVEC_OK;
    const mvec_country *country = mvec_claims_country(claims);
    MVEC_TRY(mvec__buf_printf(ctx, out, "%s (%s): the seed articles' trade claims\n",
                              country->name, country->code));
    for (size_t i = 0; i < mvec_claims_count(claims); i++) {
        const mvec_claim_result *r = mvec_claims_at(claims, i);
        MVEC_TRY(mvec__buf_printf(ctx, out,
                                  "\n%s: \"%s\" (%s)\n  verdict: %s\n  numbers: %s\n"
                                  "  rule:    %s\n  data:    %s\n",
                                  r->id, r->claim, r->seed, mvec_verdict_name(r->verdict),
                                  r->numbers, r->rule, r->data));
    }
cleanup:
    return status;
}

static mvec_status write_csv(mvec_ctx *ctx, const mvec_claims *claims, mvec__buf *out)
{
    static const char *const header[] = {"country", "id",   "claim", "seed",
                                         "verdict", "numbers", "rule", "data"};
    mvec_status status = mvec__csv_row(ctx, out, header, sizeof header / sizeof *header);
    for (size_t i = 0; status == MVEC_OK && i < mvec_claims_count(claims); i++) {
        const mvec_claim_result *r = mvec_claims_at(claims, i);
        const char *fields[] = {mvec_claims_country(claims)->code, r->id, r->claim, r->seed,
                                mvec_verdict_name(r->verdict), r->numbers, r->rule, r->data};
        status = mvec__csv_row(ctx, out, fields, sizeof fields / sizeof *fields);
    }
    return status;
}

static mvec_status write_json(mvec_ctx *ctx, const mvec_claims *claims, mvec__buf *out)
{
    json_t *root = json_object();
    json_t *list = json_array();
    bool ok = root && list &&
              mvec__json_set(root, "country", json_string(mvec_claims_country(claims)->code));
    for (size_t i = 0; ok && i < mvec_claims_count(claims); i++) {
        const mvec_claim_result *r = mvec_claims_at(claims, i);
        json_t *j = json_object();
        ok = j && mvec__json_set(j, "id", json_string(r->id)) &&
             mvec__json_set(j, "claim", json_string(r->claim)) &&
             mvec__json_set(j, "seed", json_string(r->seed)) &&
             mvec__json_set(j, "verdict", json_string(mvec_verdict_name(r->verdict))) &&
             mvec__json_set(j, "numbers", json_string(r->numbers)) &&
             mvec__json_set(j, "rule", json_string(r->rule)) &&
             mvec__json_set(j, "data", json_string(r->data)) &&
             json_array_append_new(list, j) == 0;
    }
    ok = ok && mvec__json_set(root, "claims", json_incref(list));
    json_decref(list);
    mvec_status status = ok ? mvec__json_emit(ctx, root, out)
                            : mvec__error(ctx, MVEC_ERR_NOMEM, "out of memory (building JSON)");
    json_decref(root);
    return status;
}

mvec_status mvec_claims_write(mvec_ctx *ctx, const mvec_claims *claims, mvec_format format,
                              const mvec_sink *sink)
{
    mvec__buf out = MVEC__BUF_INIT(MVEC__OUTPUT_MAX);
    mvec_status status = MVEC_OK;
    switch (format) {
    case MVEC_FORMAT_TABLE:
        status = write_table(ctx, claims, &out);
        break;
    case MVEC_FORMAT_CSV:
        status = write_csv(ctx, claims, &out);
        break;
    case MVEC_FORMAT_JSON:
        status = write_json(ctx, claims, &out);
        break;
    }
    if (status == MVEC_OK)
        status = mvec__sink_emit(ctx, sink, &out);
    mvec__buf_clear(ctx, &out);
    return status;
}
