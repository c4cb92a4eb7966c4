/*
 * serve_assets.h - the files compiled into mvec for the dashboard: web/ (the pages) and
 * scenarios/ (the scripts it may run). build/gen/serve_assets.c is made by tools/embed.c
 * (Makefile); nothing is read from disk at run time.
 */
#ifndef MVEC_CLI_SERVE_ASSETS_H
#define MVEC_CLI_SERVE_ASSETS_H

#include <stddef.h>

typedef struct serve_asset {
    const char *path;          /* as given to the generator: "web/index.html" */
    const unsigned char *data; /* NUL-terminated */
    size_t length;
} serve_asset;

extern const serve_asset serve_assets[];
extern const size_t serve_asset_count;

#endif
