/*
 * fuzz_flows_stream.c - any text as a flow file added straight to the query
 * sums (mvec_flow_state_add_csv), differentially: when the stream takes the
 * file, the table reader must accept it too and its sums must give the same
 * answers, byte for byte; the stream must also agree with itself on 1 and 3
 * threads. The input is used as the file when it starts with a header of the
 * WTO's layout, else BACI's header is put before it. Plain rows of that
 * layout follow the input (after a line end), more than the stream's
 * row_words reaches, so that every row of the input is read a word at a
 * time first (the rows near the end of a piece are read byte by byte).
 */
#include "fuzz_flows.h"

static const unsigned BLOC_CODES[] = {643, 156, 842};
static const unsigned char BLOC_OF[] = {0, 1, 2};
static const mvec_flow_blocs BLOCS = {BLOC_CODES, BLOC_OF, 3, 4};

static bool answers_of(mvec_flow_state *state, mvec_flow_answers *a)
{
    return mvec_flow_answers_compute(fuzz_ctx, state, 7, &BLOCS, 1, a) == MVEC_OK;
}

static bool same_answers(const mvec_flow_answers *a, const mvec_flow_answers *b)
{
    return a->q1_count == b->q1_count && a->q2_count == b->q2_count &&
           a->q3_count == b->q3_count &&
           (a->q1_count == 0 || memcmp(a->q1, b->q1, a->q1_count * sizeof *a->q1) == 0) &&
           (a->q2_count == 0 || memcmp(a->q2, b->q2, a->q2_count * sizeof *a->q2) == 0) &&
           (a->q3_count == 0 || memcmp(a->q3, b->q3, a->q3_count * sizeof *a->q3) == 0);
}

/* The stream's answers on `threads` threads: taken, or not (then no answers). */
static int stream(unsigned threads, mvec_flow_answers *a)
{
    mvec_flow_state *state = NULL;
    int taken = 0;
    memset(a, 0, sizeof *a);
    if (mvec_flow_state_new(fuzz_ctx, MVEC_FLOW_PAIRS | MVEC_FLOW_CELLS, &state) != MVEC_OK)
        abort();
    mvec_status status = mvec_flow_state_add_csv(fuzz_ctx, state, fuzz_path, threads, &taken);
    if (status == MVEC_OK && taken && !answers_of(state, a))
        abort();
    mvec_flow_state_free(fuzz_ctx, state);
    return status == MVEC_OK ? taken : -1;
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    fuzz_flows_setup(".csv");
    return 0;
}

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    static const char BACI[] = "t,i,j,k,v,q\n";
    FILE *f = fopen(fuzz_path, "wb");
    if (f == NULL)
        return 0;
    bool wto = size >= 5 && memcmp(data, "year,", 5) == 0;
    if (!wto)
        fwrite(BACI, 1, sizeof BACI - 1, f);
    fwrite(data, 1, size, f);
    fputc('\n', f);
    for (int row = 0; row < 16; row++) /* 16 x 20 bytes and more: past row_words' reach */
        fputs(wto ? "2020,398,156,01,17.0\n" : "2020,4,8,010101,1.250,\n", f);
    fclose(f);
    size_t before = fuzz_bytes_before();
    mvec_flow_answers one, three, table;
    int taken1 = stream(1, &one), taken3 = stream(3, &three);
    if (taken1 != taken3 || (taken1 == 1 && !same_answers(&one, &three))) {
        fprintf(stderr, "the stream on 1 and 3 threads disagrees\n");
        abort();
    }
    if (taken1 == 1) {
        mvec_flows *flows = NULL;
        mvec_flow_state *state = NULL;
        if (mvec_flows_read(fuzz_ctx, fuzz_countries, fuzz_path, NULL, &flows) != MVEC_OK) {
            fprintf(stderr, "the stream took a file the table reader refuses: %s\n",
                    mvec_ctx_error_message(fuzz_ctx));
            abort();
        }
        if (mvec_flow_state_new(fuzz_ctx, MVEC_FLOW_PAIRS | MVEC_FLOW_CELLS, &state) != MVEC_OK ||
            mvec_flow_state_add(fuzz_ctx, state, flows, 2) != MVEC_OK ||
            !answers_of(state, &table) || !same_answers(&one, &table)) {
            fprintf(stderr, "the stream and the table disagree\n");
            abort();
        }
        mvec_flow_answers_clear(fuzz_ctx, &table);
        mvec_flow_state_free(fuzz_ctx, state);
        mvec_flows_close(fuzz_ctx, flows);
    }
    mvec_flow_answers_clear(fuzz_ctx, &one);
    mvec_flow_answers_clear(fuzz_ctx, &three);
    mvec_ctx_clear_error(fuzz_ctx);
    fuzz_check_leaks(before);
    unlink(fuzz_path);
    return 0;
}
