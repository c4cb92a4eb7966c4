/*
 * test_flow_query.c - the flow queries (mvec_flow_query.h): hand-computed
 * answers on a tiny BACI table, exact ratios, the same answers for 1, 2
 * and 8 threads, a partition of the rows merged (in memory and through
 * saved states) giving the state of the whole, bad state files.
 */
#include <mvec/mvec.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "test.h"

static mvec_ctx *ctx;

/* Bit equality of doubles: the answers are exact, not approximately right. */
static int same(double a, double b)
{
    return memcmp(&a, &b, sizeof a) == 0;
}
static mvec_countries *countries;
static char scratch[256];

/* Year 2020: pairs CHN->KAZ 4 (two products), RUS->KAZ 1, USA->KAZ 1, KAZ->CHN 2, KAZ->RUS 2
 * (thousand USD); 2021: CHN->KAZ 4. */
static const char TINY[] = "t,i,j,k,v,q\n"
                           "2020,156,398,010110,3.000,1\n"
                           "2020,156,398,020220,1.000,\n"
                           "2020,398,156,010110,2.000,2\n"
                           "2020,398,643,010110,2.000,2\n"
                           "2020,643,398,010110,1.000,\n"
                           "2020,842,398,020220,1.000,\n"
                           "2021,156,398,010110,4.000,\n";

static mvec_flows *read_text(const char *name, const char *text, size_t length)
{
    mvec_flows *flows = NULL;
    mvec_status status = mvec_flows_read_buffer(ctx, countries, name, text, length, NULL, &flows);
    CHECK_STATUS(status, MVEC_OK);
    if (status != MVEC_OK)
        fprintf(stderr, "%s\n", mvec_ctx_error_message(ctx));
    return flows;
}

static const unsigned BLOC_CODES[] = {643, 156, 842};
static const unsigned char BLOC_OF[] = {0, 1, 2};
static const mvec_flow_blocs BLOCS = {BLOC_CODES, BLOC_OF, 3, 4};

static mvec_flow_state *state_of(mvec_flows *flows, unsigned threads)
{
    mvec_flow_state *state = NULL;
    CHECK_STATUS(mvec_flow_state_new(ctx, MVEC_FLOW_PAIRS | MVEC_FLOW_CELLS, &state), MVEC_OK);
    CHECK_STATUS(mvec_flow_state_add(ctx, state, flows, threads), MVEC_OK);
    return state;
}

static void test_tiny(void)
{
    mvec_flows *flows = read_text("BACI_HS17_Y2020_Vtiny.csv", TINY, sizeof TINY - 1);
    if (flows == NULL)
        return;
    mvec_flow_state *state = state_of(flows, 1);
    mvec_flow_answers a;
    CHECK_STATUS(mvec_flow_answers_compute(ctx, state, 7, &BLOCS, 1, &a), MVEC_OK);
    /* Q1 2020 exporters 156, 398, 643, 842; importers 156, 398, 643; 2021 exp 156, imp 398 */
    CHECK(a.q1_count == 9);
    if (a.q1_count == 9) {
        CHECK(a.q1[0].year == 2020 && a.q1[0].side == 0 && a.q1[0].code == 156);
        CHECK(a.q1[0].total == 4000 && a.q1[0].partners == 1 && same(a.q1[0].hhi, 1.0));
        CHECK(a.q1[1].code == 398 && a.q1[1].partners == 2 && a.q1[1].total == 4000);
        CHECK(same(a.q1[1].hhi, 0.5)); /* (2^2 + 2^2) / 4^2 */
        CHECK(a.q1[4].side == 1 && a.q1[4].code == 156 && same(a.q1[4].hhi, 1.0));
        CHECK(a.q1[5].code == 398 && a.q1[5].partners == 3 && a.q1[5].total == 6000);
        CHECK(same(a.q1[5].hhi, 0.5)); /* (16 + 1 + 1) / 36 */
        CHECK(a.q1[7].year == 2021 && a.q1[7].side == 0 && a.q1[7].code == 156);
        CHECK(a.q1[8].year == 2021 && a.q1[8].side == 1 && a.q1[8].code == 398);
    }
    /* Q2 2020: 156, 398, 643, 842; 2021: 156, 398 */
    CHECK(a.q2_count == 6 && a.bloc_count == 4);
    if (a.q2_count == 6) {
        const mvec_flow_q2_row *kaz = &a.q2[1];
        CHECK(kaz->code == 398 && kaz->total == 10000);
        CHECK(kaz->bloc_total[0] == 3000 && kaz->bloc_total[1] == 6000);
        CHECK(kaz->bloc_total[2] == 1000 && kaz->bloc_total[3] == 0);
        CHECK(same(kaz->share[0], 0.3) && same(kaz->share[1], 0.6) && same(kaz->share[2], 0.1));
        CHECK(same(kaz->share[3], 0.0));
        CHECK(a.q2[0].code == 156 && same(a.q2[0].share[3], 1.0)); /* KAZ is OTHER */
    }
    /* Q3 2020: importers 156, 398, 643; 2021: 398 */
    CHECK(a.q3_count == 4);
    if (a.q3_count == 4) {
        const mvec_flow_q3_row *kaz = &a.q3[1];
        CHECK(kaz->importer == 398 && kaz->products == 2);
        /* 010110: 3 + 1, top 0.75, HHI 10/16: dependent; 020220: 1 + 1, top exactly 0.5: not */
        CHECK(kaz->dependent == 1);
        CHECK(same(kaz->sum_top, 1.25) && same(kaz->sum_hhi, 1.125));
        CHECK(kaz->sum_top_fixed.hi == 1 && kaz->sum_top_fixed.lo == (uint64_t)1 << 62);
        CHECK(a.q3[0].importer == 156 && a.q3[0].dependent == 1 && same(a.q3[0].sum_top, 1.0));
        CHECK(a.q3[3].year == 2021 && a.q3[3].products == 1 && a.q3[3].dependent == 1);
    }
    mvec_flow_answers_clear(ctx, &a);
    /* parts with different countries and products in the same year: laid out again over
       the union of their codes */
    static const char PART_A[] = "t,i,j,k,v,q\n"
                                 "2020,156,398,010110,3.000,1\n"
                                 "2020,398,156,010110,2.000,2\n";
    static const char PART_B[] = "t,i,j,k,v,q\n"
                                 "2020,156,398,020220,1.000,\n"
                                 "2020,398,643,010110,2.000,2\n"
                                 "2020,643,398,010110,1.000,\n"
                                 "2020,842,398,020220,1.000,\n"
                                 "2021,156,398,010110,4.000,\n";
    mvec_flows *fa = read_text("BACI_HS17_Y2020_Va.csv", PART_A, sizeof PART_A - 1);
    mvec_flows *fb = read_text("BACI_HS17_Y2020_Vb.csv", PART_B, sizeof PART_B - 1);
    if (fa != NULL && fb != NULL) {
        mvec_flow_state *sa = state_of(fa, 1), *sb = state_of(fb, 1);
        mvec_flow_answers whole, merged;
        CHECK_STATUS(mvec_flow_answers_compute(ctx, state, 7, &BLOCS, 1, &whole), MVEC_OK);
        CHECK_STATUS(mvec_flow_state_merge(ctx, sa, sb), MVEC_OK);
        CHECK_STATUS(mvec_flow_answers_compute(ctx, sa, 7, &BLOCS, 1, &merged), MVEC_OK);
        CHECK(whole.q1_count == merged.q1_count && whole.q2_count == merged.q2_count &&
              whole.q3_count == merged.q3_count);
        CHECK(memcmp(whole.q1, merged.q1, whole.q1_count * sizeof *whole.q1) == 0);
        CHECK(memcmp(whole.q2, merged.q2, whole.q2_count * sizeof *whole.q2) == 0);
        CHECK(memcmp(whole.q3, merged.q3, whole.q3_count * sizeof *whole.q3) == 0);
        mvec_flow_answers_clear(ctx, &whole);
        mvec_flow_answers_clear(ctx, &merged);
        mvec_flow_state_free(ctx, sa);
        mvec_flow_state_free(ctx, sb);
    }
    mvec_flows_close(ctx, fa);
    mvec_flows_close(ctx, fb);
    /* a state without cells cannot answer Q3 */
    mvec_flow_state *pairs = NULL;
    CHECK_STATUS(mvec_flow_state_new(ctx, MVEC_FLOW_PAIRS, &pairs), MVEC_OK);
    CHECK_STATUS(mvec_flow_answers_compute(ctx, pairs, 4, NULL, 1, &a), MVEC_ERR_INVALID);
    CHECK_STATUS(mvec_flow_state_merge(ctx, state, pairs), MVEC_ERR_INVALID); /* lacks cells */
    CHECK_STATUS(mvec_flow_state_merge(ctx, pairs, state), MVEC_OK);        /* cells ignored */
    mvec_ctx_clear_error(ctx);
    mvec_flow_state_free(ctx, pairs);
    mvec_flow_state_free(ctx, state);
    mvec_flows_close(ctx, flows);
}

static void test_ratio(void)
{
    mvec_flow_u128 one = {0, 1}, three = {0, 3}, ten = {0, 10};
    CHECK(same(mvec_flow_ratio(one, three), 1.0 / 3.0));
    CHECK(same(mvec_flow_ratio(three, ten), 0.3));
    /* 2^100 / (2^100 * 3): a 128-bit denominator */
    mvec_flow_u128 big = {(uint64_t)1 << 36, 0}, big3 = {(uint64_t)3 << 36, 0};
    CHECK(same(mvec_flow_ratio(big, big3), 1.0 / 3.0));
    /* ties to even: (2^53 + 1) / 2^53 lies halfway between 1 and 1 + 2^-52 */
    mvec_flow_u128 half_up = {0, ((uint64_t)1 << 53) + 1}, p53 = {0, (uint64_t)1 << 53};
    CHECK(same(mvec_flow_ratio(half_up, p53), 1.0));
    mvec_flow_u128 more = {0, ((uint64_t)1 << 54) + 3}, p54 = {0, (uint64_t)1 << 54};
    CHECK(same(mvec_flow_ratio(more, p54), 1.0 + 0x1p-52)); /* 1 + 3*2^-54: above half */
}

/* A deterministic BACI-like table of `rows` rows over 2 years, 40 countries, 300 products. */
static char *generated(size_t rows, size_t *length)
{
    size_t cap = rows * 40 + 64, n = 0;
    char *text = malloc(cap);
    if (text == NULL)
        return NULL;
    n += (size_t)sprintf(text, "t,i,j,k,v,q\n");
    uint64_t x = 88172645463325252ULL;
    for (size_t r = 0; r < rows; r++) {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        unsigned year = 2019 + (unsigned)(r * 2 / rows);
        unsigned i = 4 + (unsigned)(x % 40) * 20, j = 4 + (unsigned)((x >> 8) % 40) * 20;
        unsigned k = 10000 + (unsigned)((x >> 16) % 300) * 7;
        uint64_t v = 1 + (x >> 24) % (x & 1 ? 2000000000ULL : 5000ULL);
        n += (size_t)sprintf(text + n, "%u,%u,%u,%06u,%llu.%03llu,\n", year, i, j, k,
                             (unsigned long long)(v / 1000), (unsigned long long)(v % 1000));
    }
    *length = n;
    return text;
}

static bool same_answers(const mvec_flow_answers *a, const mvec_flow_answers *b)
{
    return a->q1_count == b->q1_count && a->q2_count == b->q2_count &&
           a->q3_count == b->q3_count &&
           memcmp(a->q1, b->q1, a->q1_count * sizeof *a->q1) == 0 &&
           memcmp(a->q2, b->q2, a->q2_count * sizeof *a->q2) == 0 &&
           memcmp(a->q3, b->q3, a->q3_count * sizeof *a->q3) == 0;
}

static void test_threads_and_partitions(void)
{
    size_t length = 0;
    char *text = generated(300000, &length);
    if (text == NULL)
        return;
    mvec_flows *whole = read_text("BACI_HS17_Y2019_Vgen.csv", text, length);
    /* split the rows in two at a line in the middle of the first year */
    const char *cut = strchr(text + length / 3, '\n') + 1;
    size_t head_length = (size_t)(cut - text);
    char *second = malloc(length - head_length + 13);
    memcpy(second, "t,i,j,k,v,q\n", 12);
    memcpy(second + 12, cut, length - head_length);
    mvec_flows *part1 = read_text("BACI_HS17_Y2019_Vgen1.csv", text, head_length);
    mvec_flows *part2 = read_text("BACI_HS17_Y2019_Vgen2.csv", second, length - head_length + 12);
    if (whole == NULL || part1 == NULL || part2 == NULL)
        goto done;
    mvec_flow_answers base;
    mvec_flow_state *s1 = state_of(whole, 1);
    CHECK_STATUS(mvec_flow_answers_compute(ctx, s1, 7, &BLOCS, 1, &base), MVEC_OK);
    CHECK(base.q1_count > 100 && base.q3_count == 80);
    unsigned counts[] = {2, 8};
    for (size_t t = 0; t < 2; t++) {
        mvec_flow_state *s = state_of(whole, counts[t]);
        mvec_flow_answers a;
        CHECK_STATUS(mvec_flow_answers_compute(ctx, s, 7, &BLOCS, counts[t], &a), MVEC_OK);
        CHECK(same_answers(&base, &a));
        mvec_flow_answers_clear(ctx, &a);
        mvec_flow_state_free(ctx, s);
    }
    /* partitions: in memory, either order */
    mvec_flow_state *p1 = state_of(part1, 2), *p2 = state_of(part2, 1);
    mvec_flow_state *m = NULL;
    CHECK_STATUS(mvec_flow_state_new(ctx, MVEC_FLOW_PAIRS | MVEC_FLOW_CELLS, &m), MVEC_OK);
    CHECK_STATUS(mvec_flow_state_merge(ctx, m, p2), MVEC_OK);
    CHECK_STATUS(mvec_flow_state_merge(ctx, m, p1), MVEC_OK);
    mvec_flow_answers a;
    CHECK_STATUS(mvec_flow_answers_compute(ctx, m, 7, &BLOCS, 2, &a), MVEC_OK);
    CHECK(same_answers(&base, &a));
    mvec_flow_answers_clear(ctx, &a);
    /* through saved files */
    char path1[300], path2[300];
    snprintf(path1, sizeof path1, "%s/p1.mvq", scratch);
    snprintf(path2, sizeof path2, "%s/p2.mvq", scratch);
    CHECK_STATUS(mvec_flow_state_save(ctx, p1, path1), MVEC_OK);
    CHECK_STATUS(mvec_flow_state_save(ctx, p2, path2), MVEC_OK);
    CHECK(mvec_flow_state_is_file(path1));
    mvec_flow_state *l1 = NULL, *l2 = NULL;
    CHECK_STATUS(mvec_flow_state_load(ctx, path1, &l1), MVEC_OK);
    CHECK_STATUS(mvec_flow_state_load(ctx, path2, &l2), MVEC_OK);
    if (l1 && l2) {
        CHECK_STATUS(mvec_flow_state_merge(ctx, l1, l2), MVEC_OK);
        CHECK_STATUS(mvec_flow_answers_compute(ctx, l1, 7, &BLOCS, 8, &a), MVEC_OK);
        CHECK(same_answers(&base, &a));
        mvec_flow_answers_clear(ctx, &a);
    }
    /* a truncated state file is refused */
    char command[700];
    snprintf(command, sizeof command, "head -c 1000 '%s' > '%s/bad.mvq'", path1, scratch);
    CHECK(system(command) == 0);
    snprintf(path1, sizeof path1, "%s/bad.mvq", scratch);
    mvec_flow_state *bad = NULL;
    CHECK_STATUS(mvec_flow_state_load(ctx, path1, &bad), MVEC_ERR_PARSE);
    CHECK(strstr(mvec_ctx_error_message(ctx), "not a usable flow state") != NULL);
    mvec_ctx_clear_error(ctx);
    mvec_flow_state_free(ctx, l1);
    mvec_flow_state_free(ctx, l2);
    mvec_flow_state_free(ctx, m);
    mvec_flow_state_free(ctx, p1);
    mvec_flow_state_free(ctx, p2);
    mvec_flow_state_free(ctx, s1);
    mvec_flow_answers_clear(ctx, &base);
done:
    mvec_flows_close(ctx, whole);
    mvec_flows_close(ctx, part1);
    mvec_flows_close(ctx, part2);
    free(second);
    free(text);
}

static void write_file(const char *path, const char *text, size_t length)
{
    FILE *f = fopen(path, "wb");
    CHECK(f != NULL);
    if (f == NULL)
        return;
    CHECK(fwrite(text, 1, length, f) == length);
    CHECK(fclose(f) == 0);
}

/* Answers of a state made by streaming `path`; *taken says whether the stream took it. */
static bool stream_answers(const char *path, unsigned threads, int *taken, mvec_flow_answers *a)
{
    mvec_flow_state *state = NULL;
    CHECK_STATUS(mvec_flow_state_new(ctx, MVEC_FLOW_PAIRS | MVEC_FLOW_CELLS, &state), MVEC_OK);
    mvec_status status = mvec_flow_state_add_csv(ctx, state, path, threads, taken);
    CHECK_STATUS(status, MVEC_OK);
    bool ok = status == MVEC_OK &&
              mvec_flow_answers_compute(ctx, state, 7, &BLOCS, threads, a) == MVEC_OK;
    mvec_flow_state_free(ctx, state);
    return ok;
}

/* Rows whose numbers take every form the readers allow: 1 to 15 whole digits, no decimals,
 * fewer than the reader's, more as zeros, a lone '.', no whole part; quantities empty, NA
 * or long. The stream reads the common forms a word at a time and the rest byte by byte;
 * both must give the table's sums. */
static size_t forms_text(char *text, unsigned year, bool wto, uint64_t seed)
{
    size_t n = (size_t)sprintf(text, wto ? "year,reporter_m49,partner_m49,hs2,value_usd\n"
                                         : "t,i,j,k,v,q\n");
    static const char *FRACTION[] = {"", ".5", ".25", ".125", ".1250", ".000000", ".", ".07"};
    static const char *QUANTITY[] = {"", "NA", "1.5", "123456789012.125", "7", "0.000", "3."};
    uint64_t x = seed;
    for (unsigned r = 0; r < 6000; r++) {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        unsigned digits = 1 + (unsigned)(x % 12);
        if (r == 2999)
            digits = 15; /* one at the limit, 1e14 to 2e14: the sums stay below 2^61 */
        char whole[16];
        uint64_t y = x;
        for (unsigned d = 0; d < digits; d++, y /= 7)
            whole[d] = (char)('0' + (d == 0 && digits > 1 ? (digits == 15 ? 1 : 1 + y % 9)
                                                          : y % 10));
        whole[digits] = '\0';
        const char *fraction = FRACTION[(x >> 20) % 8];
        if (fraction[0] == '.' && fraction[1] == '\0' && r % 3 == 0)
            fraction = ".5", whole[0] = r % 2 ? whole[0] : '\0'; /* ".5": no whole part */
        unsigned a = 4 + (unsigned)((x >> 30) % 30) * 4, b = 8 + (unsigned)((x >> 40) % 30) * 4;
        if (a == b)
            b += 2;
        if (wto) /* a World row now and then, left out by both */
            n += (size_t)sprintf(text + n, "%u,%03u,%03u,%02u,%s%s\n", year, b,
                                 r % 97 == 0 ? 0 : a, 1 + (unsigned)((x >> 50) % 97),
                                 whole[0] ? whole : "0", (x >> 20) % 3 == 0 ? ".0" : "");
        else
            n += (size_t)sprintf(text + n, "%u,%u,%u,%06u,%s%s,%s\n", year, a, b,
                                 10000 + (unsigned)((x >> 50) % 400) * 3, whole, fraction,
                                 QUANTITY[(x >> 56) % 7]);
    }
    return n;
}

/* Issue 7 point 8: every number form, in BACI's layout and the WTO's, streamed (two files
 * into one state: the second file's threads reuse the first's memory) gives the table's
 * answers, on 1 and 2 threads. */
static void test_stream_number_forms(void)
{
    char *text = malloc(6000 * 80 + 64), *second = malloc(6000 * 80 + 64);
    if (text == NULL || second == NULL)
        goto done;
    for (int wto = 0; wto < 2; wto++) {
        size_t n1 = forms_text(text, 2019, wto, 88172645463325252ULL);
        size_t n2 = forms_text(second, 2020, wto, 1234567);
        char path1[300], path2[300];
        snprintf(path1, sizeof path1, "%s/%s1.csv", scratch, wto ? "wto" : "BACI_HS17_Y2019_V");
        snprintf(path2, sizeof path2, "%s/%s2.csv", scratch, wto ? "wto" : "BACI_HS17_Y2020_V");
        write_file(path1, text, n1);
        write_file(path2, second, n2);
        mvec_flows *f1 = read_text(path1 + strlen(scratch) + 1, text, n1);
        mvec_flows *f2 = read_text(path2 + strlen(scratch) + 1, second, n2);
        if (f1 == NULL || f2 == NULL) {
            mvec_flows_close(ctx, f1);
            mvec_flows_close(ctx, f2);
            continue;
        }
        mvec_flow_state *table = state_of(f1, 1);
        CHECK_STATUS(mvec_flow_state_add(ctx, table, f2, 1), MVEC_OK);
        mvec_flow_answers base, a;
        CHECK_STATUS(mvec_flow_answers_compute(ctx, table, 7, &BLOCS, 1, &base), MVEC_OK);
        CHECK(base.q1_count > 100 && base.q3_count > 40);
        for (unsigned threads = 1; threads <= 2; threads++) {
            mvec_flow_state *state = NULL;
            int taken1 = 0, taken2 = 0;
            CHECK_STATUS(mvec_flow_state_new(ctx, MVEC_FLOW_PAIRS | MVEC_FLOW_CELLS, &state),
                         MVEC_OK);
            CHECK_STATUS(mvec_flow_state_add_csv(ctx, state, path1, threads, &taken1), MVEC_OK);
            CHECK_STATUS(mvec_flow_state_add_csv(ctx, state, path2, threads, &taken2), MVEC_OK);
            CHECK(taken1 == 1 && taken2 == 1);
            CHECK_STATUS(mvec_flow_answers_compute(ctx, state, 7, &BLOCS, 1, &a), MVEC_OK);
            CHECK(same_answers(&base, &a));
            mvec_flow_answers_clear(ctx, &a);
            mvec_flow_state_free(ctx, state);
        }
        mvec_flow_answers_clear(ctx, &base);
        mvec_flow_state_free(ctx, table);
        mvec_flows_close(ctx, f1);
        mvec_flows_close(ctx, f2);
    }
done:
    free(text);
    free(second);
}

/* Issue 7 point 8: a file streamed straight into the sums (mvec_flow_state_add_csv) gives
 * the answers of its table, for any thread count; what the stream does not take it
 * declines with the state unchanged; the sums kept in a cache give the same answers, and a
 * damaged or stale cache is not used. */
static void test_stream_and_cache(void)
{
    size_t length = 0;
    char *text = generated(300000, &length);
    if (text == NULL)
        return;
    char path[300], variant[300], cache_dir[300];
    snprintf(path, sizeof path, "%s/BACI_HS17_Y2019_Vgen.csv", scratch);
    snprintf(variant, sizeof variant, "%s/BACI_HS17_Y2019_Vvariant.csv", scratch);
    snprintf(cache_dir, sizeof cache_dir, "%s/ws.flows", scratch);
    write_file(path, text, length);
    mvec_flows *whole = read_text("BACI_HS17_Y2019_Vgen.csv", text, length);
    if (whole == NULL)
        goto done;
    mvec_flow_answers base, a;
    mvec_flow_state *s1 = state_of(whole, 1);
    CHECK_STATUS(mvec_flow_answers_compute(ctx, s1, 7, &BLOCS, 1, &base), MVEC_OK);
    mvec_flow_state_free(ctx, s1);
    unsigned counts[] = {1, 2, 8};
    for (size_t t = 0; t < 3; t++) {
        int taken = 0;
        if (stream_answers(path, counts[t], &taken, &a)) {
            CHECK(taken == 1);
            CHECK(same_answers(&base, &a));
            mvec_flow_answers_clear(ctx, &a);
        }
    }
    /* CRLF line ends, and a last line without its newline: taken, the same sums */
    char *crlf = malloc(2 * length + 16);
    size_t n = 0;
    for (size_t i = 0; i < length; i++) {
        if (text[i] == '\n')
            crlf[n++] = '\r';
        crlf[n++] = text[i];
    }
    write_file(variant, crlf, n - 2);
    int taken = 0;
    if (stream_answers(variant, 2, &taken, &a)) {
        CHECK(taken == 1);
        CHECK(same_answers(&base, &a));
        mvec_flow_answers_clear(ctx, &a);
    }
    /* a quoted field, a bad number or code or year: declined with nothing added */
    const char *cases[] = {"2019,4,24,\"010007\",1.000,\n", "2019,4,24,010007,1.0001,\n",
                           "2019,4,24,010007,1.000,,\n", "2019,04,24,010007,1.000,\n",
                           "0219,4,24,010007,1.000,\n"};
    for (size_t c = 0; c < sizeof cases / sizeof *cases; c++) {
        memcpy(crlf, text, length);
        /* a third of the way in, not at the end of a piece, where rows are read byte by byte */
        size_t middle = (size_t)(strchr(text + length / 3, '\n') + 1 - text);
        size_t extra = strlen(cases[c]);
        memmove(crlf + middle + extra, text + middle, length - middle);
        memcpy(crlf + middle, cases[c], extra);
        write_file(variant, crlf, length + extra);
        taken = 1;
        if (stream_answers(variant, 2, &taken, &a)) {
            CHECK(taken == 0);
            CHECK(a.q1_count == 0 && a.q3_count == 0);
            mvec_flow_answers_clear(ctx, &a);
        }
    }
    free(crlf);
    /* the WTO's long layout: the World (000) rows left out by both ways */
    static const char WTO[] = "year,reporter_m49,partner_m49,hs2,value_usd\n"
                              "2019,398,000,01,175.0\n2019,398,156,01,100\n"
                              "2019,398,643,01,75.0\n2019,156,398,27,40\n2019,000,398,27,9\n";
    write_file(variant, WTO, sizeof WTO - 1);
    mvec_flows *wto = read_text("wto.csv", WTO, sizeof WTO - 1);
    if (wto != NULL && stream_answers(variant, 1, &taken, &a)) {
        CHECK(taken == 1);
        mvec_flow_answers w;
        mvec_flow_state *sw = state_of(wto, 1);
        CHECK_STATUS(mvec_flow_answers_compute(ctx, sw, 7, &BLOCS, 1, &w), MVEC_OK);
        CHECK(same_answers(&w, &a));
        /* importer 398 in 2019: 100 from 156 and 75 from 643, the World's 175 left out */
        CHECK(a.q1_count == 5 && a.q1[4].code == 398 && a.q1[4].side == 1 &&
              a.q1[4].total == 175 && a.q1[4].partners == 2);
        mvec_flow_answers_clear(ctx, &w);
        mvec_flow_answers_clear(ctx, &a);
        mvec_flow_state_free(ctx, sw);
    }
    mvec_flows_close(ctx, wto);

    /* the cache keeps the sums: taken from it, the same answers */
    mvec_flow_state *state = NULL;
    mvec_flows *imported = NULL;
    CHECK_STATUS(mvec_flow_state_new(ctx, MVEC_FLOW_PAIRS | MVEC_FLOW_CELLS, &state), MVEC_OK);
    CHECK_STATUS(mvec_flow_state_add_cached(ctx, state, path, cache_dir, &taken), MVEC_OK);
    CHECK(taken == 0); /* no cache yet */
    mvec_flows_outcome outcome;
    CHECK_STATUS(mvec_flows_import(ctx, countries, path, cache_dir, NULL, &imported, &outcome),
                 MVEC_OK);
    mvec_flows_close(ctx, imported);
    CHECK_STATUS(mvec_flow_state_add_cached(ctx, state, path, cache_dir, &taken), MVEC_OK);
    CHECK(taken == 1);
    CHECK_STATUS(mvec_flow_answers_compute(ctx, state, 7, &BLOCS, 2, &a), MVEC_OK);
    CHECK(same_answers(&base, &a));
    mvec_flow_answers_clear(ctx, &a);
    /* adding the same file again doubles every sum: the borrowed sums are not written to */
    CHECK_STATUS(mvec_flow_state_add_cached(ctx, state, path, cache_dir, &taken), MVEC_OK);
    CHECK_STATUS(mvec_flow_answers_compute(ctx, state, 7, &BLOCS, 2, &a), MVEC_OK);
    CHECK(a.q1_count == base.q1_count && a.q1[0].total == 2 * base.q1[0].total);
    mvec_flow_answers_clear(ctx, &a);
    mvec_flow_state_free(ctx, state);
    /* one byte of the sums damaged: not used; the import reports it and rebuilds */
    char cache_path[400], command[900];
    CHECK_STATUS(mvec_flows_cache_path(ctx, path, cache_dir, cache_path, sizeof cache_path),
                 MVEC_OK);
    snprintf(command, sizeof command,
             "size=$(stat -c %%s '%s'); printf 'X' | dd of='%s' bs=1 seek=$((size - 300)) "
             "conv=notrunc 2>/dev/null",
             cache_path, cache_path);
    CHECK(system(command) == 0);
    CHECK_STATUS(mvec_flow_state_new(ctx, MVEC_FLOW_PAIRS | MVEC_FLOW_CELLS, &state), MVEC_OK);
    CHECK_STATUS(mvec_flow_state_add_cached(ctx, state, path, cache_dir, &taken), MVEC_OK);
    CHECK(taken == 0);
    CHECK_STATUS(mvec_flows_import(ctx, countries, path, cache_dir, NULL, &imported, &outcome),
                 MVEC_OK);
    CHECK(outcome == MVEC_FLOWS_REBUILT_CORRUPT);
    mvec_flows_close(ctx, imported);
    CHECK_STATUS(mvec_flow_state_add_cached(ctx, state, path, cache_dir, &taken), MVEC_OK);
    CHECK(taken == 1);
    mvec_flow_state_free(ctx, state);
    /* a source touched since: the cache is not taken without the import's look at it */
    snprintf(command, sizeof command, "touch -d '2001-01-01' '%s'", path);
    CHECK(system(command) == 0);
    CHECK_STATUS(mvec_flow_state_new(ctx, MVEC_FLOW_PAIRS | MVEC_FLOW_CELLS, &state), MVEC_OK);
    CHECK_STATUS(mvec_flow_state_add_cached(ctx, state, path, cache_dir, &taken), MVEC_OK);
    CHECK(taken == 0);
    mvec_flow_state_free(ctx, state);
    mvec_flow_answers_clear(ctx, &base);
done:
    mvec_flows_close(ctx, whole);
    free(text);
}

int main(void)
{
    ctx = mvec_ctx_new(NULL, NULL);
    if (mvec_countries_open(ctx, NULL, &countries) != MVEC_OK) {
        fprintf(stderr, "%s\n", mvec_ctx_error_message(ctx));
        return 1;
    }
    snprintf(scratch, sizeof scratch, "/tmp/test_flow_query.XXXXXX");
    if (mkdtemp(scratch) == NULL)
        return 1;
    test_tiny();
    test_ratio();
    test_threads_and_partitions();
    test_stream_and_cache();
    test_stream_number_forms();
    mvec_countries_free(ctx, countries);
    CHECK(mvec_ctx_memory(ctx).current_bytes == 0);
    mvec_ctx_free(ctx);
    char command[300];
    snprintf(command, sizeof command, "rm -rf '%s'", scratch);
    if (system(command) != 0)
        fprintf(stderr, "cannot remove %s\n", scratch);
    return test_report("test_flow_query");
}
