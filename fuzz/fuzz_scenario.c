/*
 * fuzz_scenario.c - any text as a scenario script, run by mvec_simulate on the
 * small fixed dataset (FUZZ_SMALL_DATA: KAZ 2023, RUS, CHN, ITA) with a
 * two-link network, 3 paths of at most 3 years on one thread: the scenario
 * API's reading (every call and field, the rules, the chances), the engine and
 * the writers (text, CSV and JSON into a discarding sink). Every input must
 * end with a status, print nothing and leak nothing.
 */
#include "fuzz_common.h"

static mvec_observations *small;
static mvec_network *network;

static const char NETWORK[] =
    "link,name,commodity,mode,from,to,transit,operator,operator_country,year,capacity,unit,"
    "volume,cost,cost_unit,days,status,source,url,note\n"
    "north,North,oil,pipeline,KAZ,market:EUR,RUS,Op,RUS,2023,10,mt/yr,8,,,,operating,t,u,\n"
    "south,South,oil,pipeline,KAZ,market:EUR,,Op,KAZ,2023,5,mt/yr,2,,,,operating,t,u,\n";

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    fuzz_setup();
    (void)fuzz_profile;
    small = fuzz_small_dataset();
    if (mvec_network_load_text(fuzz_ctx, fuzz_countries, "net.csv", NETWORK, sizeof NETWORK - 1,
                               &network) != MVEC_OK)
        fuzz_die("network");
    return 0;
}

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    size_t before = fuzz_bytes_before();
    mvec_simulate_options options = MVEC_SIMULATE_OPTIONS_INIT;
    options.paths = 3;
    options.years = 3;
    options.threads = 1;
    mvec_simulation *sim = NULL;
    if (mvec_simulate(fuzz_ctx, small, fuzz_scheme, network, "fuzz.lua", (const char *)data, size,
                      &options, &sim) == MVEC_OK) {
        mvec_sink sink = {discard, NULL};
        static const mvec_format FORMATS[] = {MVEC_FORMAT_TABLE, MVEC_FORMAT_CSV, MVEC_FORMAT_JSON};
        for (size_t i = 0; i < 3; i++)
            (void)mvec_simulation_write(fuzz_ctx, sim, fuzz_scheme, FORMATS[i], 0, &sink);
    }
    mvec_simulation_free(fuzz_ctx, sim);
    fuzz_check_leaks(before);
    return 0;
}
