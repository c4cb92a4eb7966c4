/*
 * fuzz_flow_records.c - the records of a file of flows as the workspace
 * holds them (src/lib/import/flow_records.h: 24 bytes a record), read back from
 * any bytes: the first byte says how many of the registry's countries the
 * codes name, the rest are records. Records that are accepted are made into
 * ITPD-E observations of every country and of the first code, as a load of
 * the workspace would; those of every country are profiled. A corrupt
 * workspace must be refused or read, never crash the making.
 */
#include "fuzz_common.h"

#include "../src/lib/import/importers.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    fuzz_setup();
    return 0;
}

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    if (size == 0)
        return 0;
    size_t before = fuzz_bytes_before();
    mvec__flow_records flows = {0};
    size_t codes = data[0];
    if (codes > mvec_countries_count(fuzz_countries))
        codes = mvec_countries_count(fuzz_countries);
    flows.codes = malloc((codes + 1) * sizeof *flows.codes);
    if (flows.codes == NULL)
        return 0;
    for (size_t i = 0; i < codes; i++)
        flows.codes[i] = mvec_countries_at(fuzz_countries, i);
    flows.code_count = codes;
    mvec__flow_records records = {0};
    if (mvec__flow_records_decode(fuzz_ctx, &records, data + 1, size - 1, codes, "fuzz") == MVEC_OK) {
        flows.rows = records.rows;
        flows.count = records.count;
        const mvec_country *focal[2] = {NULL, codes > 0 ? flows.codes[0] : NULL};
        for (size_t k = 0; k < 2; k++) {
            mvec_observations *observations = NULL;
            if (mvec_observations_new(fuzz_ctx, fuzz_countries, &observations) != MVEC_OK)
                abort();
            if (mvec__observations_from_flows(fuzz_ctx, observations, "fuzz", "itpd", &flows,
                                              focal[k]) == MVEC_OK &&
                k == 0 && mvec_observations_count(observations) > 0)
                fuzz_profile(observations, fuzz_scheme,
                             mvec_observations_at(observations, 0)->country->code, NULL);
            mvec_observations_free(fuzz_ctx, observations);
        }
    }
    mvec__flow_records_clear(fuzz_ctx, &records);
    free((void *)flows.codes);
    fuzz_check_leaks(before);
    return 0;
}
