/*
 * status.c - names of mvec_status values.
 */
#include "../mvec_internal.h"

const char *mvec_status_name(mvec_status status)
{
    switch (status) {
    case MVEC_OK:
        return "MVEC_OK";
    case MVEC_ERR_NOMEM:
        return "MVEC_ERR_NOMEM";
    case MVEC_ERR_IO:
        return "MVEC_ERR_IO";
    case MVEC_ERR_PARSE:
        return "MVEC_ERR_PARSE";
    case MVEC_ERR_SCHEMA:
        return "MVEC_ERR_SCHEMA";
    case MVEC_ERR_INVALID:
        return "MVEC_ERR_INVALID";
    case MVEC_ERR_LIMIT:
        return "MVEC_ERR_LIMIT";
    case MVEC_ERR_SOLVER:
        return "MVEC_ERR_SOLVER";
    case MVEC_ERR_CANCELLED:
        return "MVEC_ERR_CANCELLED";
    case MVEC_ERR_INTERNAL:
        return "MVEC_ERR_INTERNAL";
    case MVEC_ERR_NO_DATA:
        return "MVEC_ERR_NO_DATA";
    case MVEC_ERR_WORKSPACE:
        return "MVEC_ERR_WORKSPACE";
    case MVEC_STATUS_COUNT_:
        break;
    }
    return "MVEC_ERR_UNKNOWN";
}
