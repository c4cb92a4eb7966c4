/*
 * flow_records.c - records of a file of flows and their byte form (flow_records.h).
 */
#include "flow_records.h"

#include <math.h>
#include <string.h>

mvec_status mvec__flow_records_add(mvec_ctx *ctx, mvec__flow_records *flows, const mvec__flow_record *flow)
{
    if (flows->count == flows->capacity) {
        mvec_status status = mvec__grow(ctx, &flows->rows, &flows->capacity, flows->count + 1,
                                        sizeof *flows->rows);
        if (status != MVEC_OK)
            return status;
    }
    flows->rows[flows->count++] = *flow;
    return MVEC_OK;
}

void mvec__flow_records_clear(mvec_ctx *ctx, mvec__flow_records *flows)
{
    mvec__free(ctx, flows->rows);
    mvec__free(ctx, (void *)flows->codes);
    memset(flows, 0, sizeof *flows);
}

long mvec__flow_records_code(const mvec__flow_records *flows, const mvec_country *country)
{
    for (size_t i = 0; i < flows->code_count; i++)
        if (flows->codes[i] == country)
            return (long)i;
    return -1;
}

static void put(unsigned char *at, uint64_t value, size_t bytes)
{
    for (size_t i = 0; i < bytes; i++)
        at[i] = (unsigned char)(value >> (8 * i));
}

static uint64_t get(const unsigned char *at, size_t bytes)
{
    uint64_t value = 0;
    for (size_t i = 0; i < bytes; i++)
        value |= (uint64_t)at[i] << (8 * i);
    return value;
}

/* value (8: the double's bits), line (4), column (4), year, from, to, 0 (2 each) */
void mvec__flow_record_encode(const mvec__flow_record *flow, unsigned char *out)
{
    uint64_t bits;
    memcpy(&bits, &flow->value, sizeof bits);
    put(out, bits, 8);
    put(out + 8, flow->line, 4);
    put(out + 12, flow->column, 4);
    put(out + 16, flow->year, 2);
    put(out + 18, flow->from, 2);
    put(out + 20, flow->to, 2);
    put(out + 22, 0, 2);
}

mvec_status mvec__flow_records_decode(mvec_ctx *ctx, mvec__flow_records *flows, const unsigned char *bytes,
                               size_t length, size_t code_count, const char *where)
{
    mvec_status status = MVEC_OK;
    if (length % MVEC__FLOW_RECORD_BYTES != 0)
        return mvec__error(ctx, MVEC_ERR_WORKSPACE,
                           "%s: the workspace is corrupt (flow records of %zu bytes)", where,
                           length);
    size_t n = length / MVEC__FLOW_RECORD_BYTES;
    MVEC_TRY(mvec__grow(ctx, &flows->rows, &flows->capacity, flows->count + n,
                        sizeof *flows->rows));
    for (size_t i = 0; i < n; i++, bytes += MVEC__FLOW_RECORD_BYTES) {
        uint64_t bits = get(bytes, 8);
        mvec__flow_record f = {.line = (uint32_t)get(bytes + 8, 4),
                        .column = (uint32_t)get(bytes + 12, 4),
                        .year = (uint16_t)get(bytes + 16, 2),
                        .from = (uint16_t)get(bytes + 18, 2),
                        .to = (uint16_t)get(bytes + 20, 2)};
        memcpy(&f.value, &bits, sizeof f.value);
        if (f.from >= code_count || f.to >= code_count || f.line == 0 || f.column == 0 ||
            f.year < 1900 || f.year > 2100 || get(bytes + 22, 2) != 0 || !isfinite(f.value))
            MVEC_FAIL(ctx, MVEC_ERR_WORKSPACE, "%s: the workspace is corrupt (flow record %zu)",
                      where, flows->count + 1);
        flows->rows[flows->count++] = f;
    }
cleanup:
    return status;
}
