/*
 * options.h - declarative command-line options: each command lists the
 * options it takes; parsing and --help text both come from those tables
 * (git's parse-options).
 */
#ifndef MVEC_CLI_OPTIONS_H
#define MVEC_CLI_OPTIONS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

enum { CLI_MAX_DATA_FILES = 64, CLI_MAX_TEXT_LIST = 64 };

/* The values of a repeatable text option (CLI_TEXT_LIST), in order. */
typedef struct cli_text_list {
    const char *items[CLI_MAX_TEXT_LIST];
    size_t count;
} cli_text_list;

/* Every value any command can receive. */
typedef struct cli_args {
    const char *data_files[CLI_MAX_DATA_FILES];
    size_t data_file_count;
    bool no_embedded;
    const char *iso_codes;
    const char *blocs;
    const char *format;
    const char *output;
    int year;
    const char *weights;
    const char *basis;
    const char *vector;
    const char *partner;
    const char *bloc;      /* trend --bloc */
    const char *indicator; /* trend --indicator */
    int break_year;        /* trend --break */
    int explain[2];        /* trend --explain Y1 Y2 */
    bool quiet;
    bool help;
    bool notes; /* profile --notes */
    const char *workspace;         /* --workspace */
    const char *workspace_country; /* set by a command: read only this country's rows from
                                      the workspace (NULL: every row) */
    const char *remove;            /* workspace --remove */
    bool exact;                    /* profile --exact */
    const char *threads;           /* flows --threads */
    bool asymmetry;                /* profile --asymmetry */
    const char *against;           /* coverage --against */
    const char *tolerance;         /* coverage --tolerance */
    const char *source;            /* coverage --source */
    const char *flow;              /* composition --flow */
    const char *by;                /* rank --by */
    const char *paths;             /* simulate --paths */
    const char *seed;              /* simulate --seed */
    const char *years;             /* simulate --years, frontier --years */
    const char *objective;         /* frontier --objective */
    const char *max_shift;         /* frontier --max-shift */
    const char *max_growth;        /* frontier --max-growth */
    const char *cap;               /* frontier --cap */
    const char *network;           /* routes, simulate --network */
    const char *commodity;         /* routes --commodity */
    const char *port;              /* serve --port */
    const char *bind;              /* serve --bind */
    const char *max_seconds;       /* serve --max-seconds */
    const char *max_paths;         /* serve --max-paths */
    cli_text_list close;           /* routes --close */
    cli_text_list without_transit; /* routes --without-transit */
    cli_text_list scenarios;       /* report --scenario */
    bool no_charts;                /* report --no-charts */
    const char *width;             /* chart --width */
    const char *height;            /* chart --height */
    const char *title;             /* chart --title */
    const char *subtitle;          /* chart --subtitle */
    const char *metric;            /* chart fan --metric */
    bool countries_only;           /* set by a command: the session opens the output and the
                                      country registry only */
    bool flows_every_country;      /* set by a command: --data flow tables are only opened
                                      (session->flows); the command makes their rows */
    const char *positional[CLI_MAX_DATA_FILES + 1];
    size_t positional_count;
} cli_args;

typedef enum cli_option_kind {
    CLI_FLAG = 0, /* bool */
    CLI_TEXT,     /* const char * */
    CLI_YEAR,     /* int, 1900-2100 */
    CLI_FILE_LIST, /* repeatable --data */
    CLI_YEAR_PAIR, /* int[2]: two years, as two arguments ("--explain 2000 2016") */
    CLI_TEXT_LIST  /* cli_text_list: a repeatable text option */
} cli_option_kind;

typedef struct cli_option {
    const char *name;      /* long name without "--" */
    char short_name;       /* 0 when none */
    const char *argument;  /* shown in help, NULL for flags */
    cli_option_kind kind;
    size_t offset;         /* offsetof(cli_args, field) */
    const char *help;
} cli_option;

typedef struct cli_command {
    const char *name;
    int (*run)(const struct cli_command *command, cli_args *args);
    const char *usage;        /* after "mvec NAME " */
    const char *brief;        /* a few words for the command list */
    const char *summary;      /* first paragraph of the help */
    const char *description;  /* paragraphs */
    const cli_option *const *options; /* NULL-terminated */
    size_t max_positional;
    const char *examples;     /* lines */
    void (*print_more_help)(FILE *out); /* optional: after the options (e.g. a list of names) */
} cli_command;

/* Parse argv (after the command name). Returns 0, or 2 after printing a
 * usage error. */
int cli_parse(const cli_command *command, int argc, char **argv, cli_args *args);

/* An option's value as a whole number from `lo` to `hi`; otherwise prints "--OPTION takes a
 * whole number from LO to HI, not 'TEXT'" with `command`'s help hint and returns false. */
bool cli_whole_number(const char *command, const char *option, const char *text, uint64_t lo,
                      uint64_t hi, uint64_t *out);
void cli_print_command_help(FILE *out, const cli_command *command);

/* Options shared by several commands. */
extern const cli_option CLI_OPTION_DATA;
extern const cli_option CLI_OPTION_NO_EMBEDDED;
extern const cli_option CLI_OPTION_ISO_CODES;
extern const cli_option CLI_OPTION_BLOCS;
extern const cli_option CLI_OPTION_FORMAT;
extern const cli_option CLI_OPTION_OUTPUT;
extern const cli_option CLI_OPTION_YEAR;
extern const cli_option CLI_OPTION_WEIGHTS;
extern const cli_option CLI_OPTION_BASIS;
extern const cli_option CLI_OPTION_VECTOR;
extern const cli_option CLI_OPTION_VECTOR_FILTER;
extern const cli_option CLI_OPTION_PARTNER;
extern const cli_option CLI_OPTION_QUIET;
extern const cli_option CLI_OPTION_HELP;
extern const cli_option CLI_OPTION_WORKSPACE;
extern const cli_option CLI_OPTION_NETWORK;

#endif
