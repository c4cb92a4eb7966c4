/*
 * fuzz_unga.c - UNGA votes. The importer reads the year of each roll call
 * from un_roll_calls.csv beside the votes (or from a date column), so the
 * harness writes a small fixed roll-call table (rcids 1-12, 1946-2020) into
 * a temporary folder once and names every input as a file there. An input
 * that starts with its own header ("rcid"... with or without a date column)
 * is read as it is; any other input gets un_votes.csv's header first, so
 * the fuzzer spends its time on rows. fuzz_importer.h's harness does the
 * rest (profile, leak check); only the file name differs.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fuzz_common.h"

static const char UNGA_HEADER[] = "\"rcid\",\"country\",\"country_code\",\"vote\"\n";
static const char ROLL_CALLS[] =
    "\"rcid\",\"session\",\"importantvote\",\"date\",\"unres\",\"amend\",\"para\",\"short\","
    "\"descr\"\n"
    "1,1,0,\"1946-01-01\",\"R/1/1\",0,0,\"A\",\"a\"\n"
    "2,1,0,\"1946-02-01\",\"R/1/2\",1,0,\"B\",\"b\"\n"
    "3,20,0,\"1965-10-01\",\"R/20/1\",0,1,\"C\",\"c\"\n"
    "4,40,1,\"1985-11-06\",\"R/40/6\",0,0,\"D\",\"d\"\n"
    "5,46,0,\"1991-12-20\",\"R/46/1\",0,0,\"E\",\"e\"\n"
    "6,47,0,\"1992-03-02\",\"R/47/1\",0,0,\"F\",\"f\"\n"
    "7,60,0,\"2005-09-01\",\"R/60/1\",0,0,\"G\",\"g\"\n"
    "8,61,0,\"2006-09-01\",\"R/61/1\",0,0,\"H\",\"h\"\n"
    "9,74,0,\"2019-12-18\",\"R/74/1\",0,0,\"I\",\"i\"\n"
    "10,74,0,\"2019-12-19\",\"R/74/2\",0,0,\"J\",\"j\"\n"
    "11,74,0,\"2020-01-14\",\"R/74/3\",0,0,\"K\",\"k\"\n"
    "12,74,0,\"2020-01-14\",\"R/74/4\",NA,NA,\"L\",\"l\"\n";
static char votes_name[256];

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    fuzz_setup();
    char folder[] = "/tmp/mvec-fuzz-unga-XXXXXX";
    if (mkdtemp(folder) == NULL)
        fuzz_die("mkdtemp");
    char path[256];
    snprintf(path, sizeof path, "%s/un_roll_calls.csv", folder);
    FILE *f = fopen(path, "w");
    if (f == NULL || fputs(ROLL_CALLS, f) == EOF || fclose(f) != 0)
        fuzz_die("writing the roll calls");
    snprintf(votes_name, sizeof votes_name, "%s/un_votes.csv", folder);
    return 0;
}

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    bool own_header = (size >= 5 && memcmp(data, "rcid,", 5) == 0) ||
                      (size >= 7 && memcmp(data, "\"rcid\",", 7) == 0);
    size_t header_length = own_header ? 0 : strlen(UNGA_HEADER);
    size_t length = header_length + size;
    char *text = malloc(length + 1);
    if (text == NULL)
        return 0;
    memcpy(text, UNGA_HEADER, header_length);
    memcpy(text + header_length, data, size);
    text[length] = '\0';
    size_t before = fuzz_bytes_before();
    mvec_observations *observations = NULL;
    if (mvec_observations_new(fuzz_ctx, fuzz_countries, &observations) != MVEC_OK)
        abort();
    if (mvec_observations_import_text(fuzz_ctx, observations, votes_name, text, length, "unga",
                                      NULL) == MVEC_OK &&
        mvec_observations_count(observations) > 0)
        fuzz_profile(observations, fuzz_scheme,
                     mvec_observations_at(observations, 0)->country->code, NULL);
    mvec_observations_free(fuzz_ctx, observations);
    fuzz_check_leaks(before);
    free(text);
    return 0;
}
