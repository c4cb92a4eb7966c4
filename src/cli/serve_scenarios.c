/*
 * serve_scenarios.c - the scenarios the dashboard offers: the scripts of scenarios/ compiled
 * into the binary (serve_assets.h), each with its name, title, description (the script's
 * leading comment) and default years, so a request names one and never gives a path.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "serve.h"
#include "serve_assets.h"

static const char PREFIX[] = "scenarios/";
static const char SUFFIX[] = ".lua";

/* The leading "--" lines, "-- " removed, lines joined by spaces, paragraphs ("--" alone) by
 * a blank line. */
static void read_description(const char *text, char *out, size_t size)
{
    size_t used = 0;
    bool paragraph_open = false;
    out[0] = '\0';
    for (const char *line = text; strncmp(line, "--", 2) == 0;) {
        const char *end = strchr(line, '\n');
        size_t length = end ? (size_t)(end - line) : strlen(line);
        const char *words = line + 2;
        size_t word_length = length - 2;
        while (word_length > 0 && *words == ' ') {
            words++;
            word_length--;
        }
        const char *separator = word_length == 0 ? "" : paragraph_open ? " " : used ? "\n\n" : "";
        if (word_length > 0 && used + strlen(separator) + word_length + 1 < size) {
            used += (size_t)snprintf(out + used, size - used, "%s%.*s", separator,
                                     (int)word_length, words);
            paragraph_open = true;
        } else if (word_length == 0) {
            paragraph_open = false;
        }
        if (end == NULL)
            break;
        line = end + 1;
    }
}

/* The number after "\n    KEY =" (the scenario table's own field, not a shock's), else 0. */
static int read_field(const char *text, const char *key)
{
    char pattern[64];
    snprintf(pattern, sizeof pattern, "\n    %s =", key);
    const char *at = strstr(text, pattern);
    return at ? atoi(at + strlen(pattern)) : 0;
}

static void read_title(const char *text, char *out, size_t size)
{
    const char *at = strstr(text, "\n    name = \"");
    out[0] = '\0';
    if (at == NULL)
        return;
    at += strlen("\n    name = \"");
    const char *end = strchr(at, '"');
    if (end != NULL)
        snprintf(out, size, "%.*s", (int)(end - at), at);
}

bool serve_scenarios_load(serve_data *data)
{
    data->scenarios = calloc(serve_asset_count ? serve_asset_count : 1, sizeof *data->scenarios);
    if (data->scenarios == NULL)
        return false;
    data->scenario_count = 0;
    for (size_t i = 0; i < serve_asset_count; i++) {
        const serve_asset *asset = &serve_assets[i];
        size_t length = strlen(asset->path);
        if (strncmp(asset->path, PREFIX, sizeof PREFIX - 1) != 0 || length < sizeof SUFFIX ||
            strcmp(asset->path + length - (sizeof SUFFIX - 1), SUFFIX) != 0)
            continue;
        serve_scenario *s = &data->scenarios[data->scenario_count++];
        snprintf(s->name, sizeof s->name, "%.*s",
                 (int)(length - (sizeof PREFIX - 1) - (sizeof SUFFIX - 1)),
                 asset->path + sizeof PREFIX - 1);
        s->text = (const char *)asset->data;
        s->length = asset->length;
        read_title(s->text, s->title, sizeof s->title);
        read_description(s->text, s->description, sizeof s->description);
        s->base_year = read_field(s->text, "base_year");
        s->years = read_field(s->text, "years");
    }
    return true;
}

void serve_scenarios_free(serve_data *data)
{
    free(data->scenarios);
    data->scenarios = NULL;
    data->scenario_count = 0;
}
