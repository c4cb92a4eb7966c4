/*
 * test_flow_digits.c - the word-at-a-time digit reading of the flow stream
 * (src/lib/flows/flow_digits.h) against a byte-by-byte reading: every
 * length 0 to 8 followed by every byte that is not a digit, and a million
 * pseudo-random words mixing digits with the bytes around them.
 */
#include <mvec/mvec.h>
#include <stdint.h>

#include "flows/flow_digits.h"
#include "test.h"

#if MVEC__FLOW_SWAR
/* The reference: a byte loop. */
static unsigned loop_count(const unsigned char *bytes, uint32_t *value)
{
    unsigned n = 0;
    *value = 0;
    while (n < 8 && bytes[n] >= '0' && bytes[n] <= '9')
        *value = *value * 10 + (uint32_t)(bytes[n++] - '0');
    return n;
}

static int check_bytes(const unsigned char *bytes)
{
    uint32_t expected = 0;
    unsigned n = loop_count(bytes, &expected);
    uint64_t word = mvec__swar_load((const char *)bytes);
    unsigned count = mvec__swar_digit_count(word);
    return count == n && (n == 0 || mvec__swar_value(word, n) == expected);
}
#endif

int main(void)
{
#if MVEC__FLOW_SWAR
    /* n digits, then each non-digit byte, then digits again (which must not count) */
    int bad = 0;
    uint64_t x = 88172645463325252ULL;
    for (unsigned n = 0; n <= 8; n++)
        for (unsigned stop = 0; stop < 256; stop++) {
            if (stop >= '0' && stop <= '9')
                continue;
            unsigned char bytes[8];
            for (unsigned i = 0; i < 8; i++) {
                x ^= x << 13, x ^= x >> 7, x ^= x << 17;
                bytes[i] = (unsigned char)('0' + x % 10);
            }
            if (n < 8)
                bytes[n] = (unsigned char)stop;
            bad += !check_bytes(bytes);
        }
    CHECK(bad == 0);
    /* the largest and smallest of each length, with zeros leading */
    static const char *CASES[] = {"99999999", "00000000", "0000001,", "1234567\n", "9.", ",",
                                  "12345678"};
    static const uint32_t VALUES[] = {99999999, 0, 1, 1234567, 9, 0, 12345678};
    static const unsigned COUNTS[] = {8, 8, 7, 7, 1, 0, 8};
    for (size_t i = 0; i < sizeof CASES / sizeof *CASES; i++) {
        unsigned char bytes[8] = {0};
        memcpy(bytes, CASES[i], strlen(CASES[i]));
        uint64_t word = mvec__swar_load((const char *)bytes);
        CHECK(mvec__swar_digit_count(word) == COUNTS[i]);
        CHECK(COUNTS[i] == 0 || mvec__swar_value(word, COUNTS[i]) == VALUES[i]);
    }
    /* random words, biased toward digits and the bytes next to them ('/', ':', 0xFA-0xFF
     * whose + 6 carries into the next byte) */
    static const unsigned char NEAR[] = {'/', ':', ',', '.', '\n', '\r', '-', 0x2A, 0x3A, 0x3F,
                                         0xFA, 0xFF, 0x00, 0xB0, 0x39 + 0x80, 0x30 + 0x80};
    bad = 0;
    for (unsigned round = 0; round < 1000000; round++) {
        unsigned char bytes[8];
        for (unsigned i = 0; i < 8; i++) {
            x ^= x << 13, x ^= x >> 7, x ^= x << 17;
            unsigned kind = (unsigned)(x >> 60);
            bytes[i] = kind < 11   ? (unsigned char)('0' + (x >> 8) % 10)
                       : kind < 14 ? NEAR[(x >> 16) % sizeof NEAR]
                                   : (unsigned char)(x >> 24);
        }
        bad += !check_bytes(bytes);
    }
    CHECK(bad == 0);
    return test_report("test_flow_digits");
#else
    fprintf(stderr, "test_flow_digits: a big-endian machine reads byte by byte: skipped\n");
    return 77;
#endif
}
