/*
 * version.c - the library version.
 */
#include "../mvec_internal.h"

#ifndef MVEC_VERSION_TEXT
#define MVEC_VERSION_TEXT "0.1.0"
#endif

const char *mvec_version(void)
{
    return MVEC_VERSION_TEXT;
}
