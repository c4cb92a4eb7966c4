/*
 * flow_records.h - a file of flows kept as it was read: one record per row
 * (exporter -> importer, year, value, where it was read), with the
 * observations made from the records when they are needed (importers.h:
 * take_flows, make_flows). ITPD-E's 428k rows make 1.35 million
 * observations (exports, imports, the totals per pair and WLD); the
 * workspace stores the 428k records and makes the observations of the
 * country a command reads.
 *
 * The byte form (mvec__flows_encode/decode) is the workspace's: 24 bytes a
 * record, little-endian whatever the machine, codes as text.
 */
#ifndef MVEC_FLOW_RECORDS_H
#define MVEC_FLOW_RECORDS_H

#include <stdint.h>

#include "../mvec_internal.h"

typedef struct mvec__flow_record {
    double value;        /* as written, in the importer's unit */
    uint32_t line;       /* where the value was read: line and column */
    uint32_t column;
    uint16_t year;
    uint16_t from, to;   /* exporter and importer: indexes into codes */
    uint16_t reserved;   /* 0 */
} mvec__flow_record;

typedef struct mvec__flow_records {
    mvec__flow_record *rows;
    size_t count, capacity;
    const mvec_country **codes; /* the registry's countries the records name */
    size_t code_count, code_capacity;
    /* Set by take_flows: what make_flows of every country makes. */
    size_t observations;
    bool taken; /* the importer kept its rows as flows (set by the load) */
} mvec__flow_records;

enum {
    MVEC__FLOW_RECORD_BYTES = 24, /* a record in the byte form */
    MVEC__FLOW_RECORD_CODES = UINT16_MAX,
};

/* Append a record (amortised O(1)). */
mvec_status mvec__flow_records_add(mvec_ctx *ctx, mvec__flow_records *flows, const mvec__flow_record *flow);
void mvec__flow_records_clear(mvec_ctx *ctx, mvec__flow_records *flows);
/* The index of `country` in flows->codes, or -1. */
long mvec__flow_records_code(const mvec__flow_records *flows, const mvec_country *country);

/* The byte form of `flow` (MVEC__FLOW_RECORD_BYTES bytes). */
void mvec__flow_record_encode(const mvec__flow_record *flow, unsigned char *out);
/* Append the records of `bytes` (the byte form, `length` bytes) whose codes
 * index `code_count` codes. A length that is not a whole number of records,
 * a code index out of range or a year, line or value no importer writes
 * fail with MVEC_ERR_WORKSPACE naming `where`. */
mvec_status mvec__flow_records_decode(mvec_ctx *ctx, mvec__flow_records *flows, const unsigned char *bytes,
                               size_t length, size_t code_count, const char *where);

#endif
