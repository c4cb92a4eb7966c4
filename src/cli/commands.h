/*
 * commands.h - the command table (defined in main.c) and the commands.
 */
#ifndef MVEC_CLI_COMMANDS_H
#define MVEC_CLI_COMMANDS_H

#include "options.h"

extern const cli_command CMD_PROFILE;
extern const cli_command CMD_SHARES;
extern const cli_command CMD_SOURCES;
extern const cli_command CMD_CHECK;
extern const cli_command CMD_TREND;
extern const cli_command CMD_IMPORT;
extern const cli_command CMD_WORKSPACE;
extern const cli_command CMD_FLOWS;
extern const cli_command CMD_COVERAGE;
extern const cli_command CMD_SCREEN;
extern const cli_command CMD_COMPOSITION;
extern const cli_command CMD_FLOWS_QUERY;
extern const cli_command CMD_RANK;
extern const cli_command CMD_ROUTES;
extern const cli_command CMD_SIMULATE;
extern const cli_command CMD_FRONTIER;
extern const cli_command CMD_REPORT;
extern const cli_command CMD_CHART;
extern const cli_command CMD_SERVE;

#endif
