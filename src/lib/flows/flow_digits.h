/*
 * flow_digits.h - the digits of a field read 8 bytes at a time ("SWAR", SIMD within a
 * register), for the stream's row parser (flow_stream.c). Reading a CSV byte by byte costs
 * a mispredicted branch at the end of every field of varying length (country codes of 1 to
 * 4 digits, values of any length); here a field's length is found with a few operations on
 * one word and its value with three multiplications, so a row goes without a branch per byte.
 *
 * Little-endian machines only (the first byte of the text in the low byte of the word):
 * MVEC__FLOW_SWAR is 0 elsewhere, and the stream then reads byte by byte.
 */
#ifndef MVEC_FLOW_DIGITS_H
#define MVEC_FLOW_DIGITS_H

#include <stdint.h>
#include <string.h>

#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define MVEC__FLOW_SWAR 1
#else
#define MVEC__FLOW_SWAR 0
#endif

#define SWAR_BYTES(b) (0x0101010101010101ull * (uint64_t)(b))

/* 8 bytes from p, the first in the low byte (memcpy: any alignment). */
static inline uint64_t mvec__swar_load(const char *p)
{
    uint64_t word;
    memcpy(&word, p, sizeof word);
    return word;
}

/* How many of the word's bytes, from the first, are ASCII digits: 0 to 8. A byte c is a digit
 * when c's high nibble is 3 and c + 6's is too (0x30-0x3F and 0x2A-0x39 meet in 0x30-0x39).
 * The + 6 carries into the next byte only from a byte >= 0xFA, which is not a digit, so only
 * bytes after the first non-digit can be misjudged, and they are not counted. */
static inline unsigned mvec__swar_digit_count(uint64_t word)
{
    const uint64_t nibble = SWAR_BYTES(0xF0), three = SWAR_BYTES(0x30);
    uint64_t other = ((word & nibble) ^ three) | (((word + SWAR_BYTES(0x06)) & nibble) ^ three);
    /* the high bit of each byte that is not zero */
    uint64_t flags = (((other & SWAR_BYTES(0x7F)) + SWAR_BYTES(0x7F)) | other) & SWAR_BYTES(0x80);
    return flags == 0 ? 8 : (unsigned)__builtin_ctzll(flags) >> 3;
}

/* The number written by the word's first n bytes (1 to 8 digits, as counted above). The
 * digits are moved to the top of the word, zeros (leading zeros) fill the rest, and
 * neighbouring lanes are joined: 2 digits per 16 bits, 4 per 32, 8 per 64. */
static inline uint32_t mvec__swar_value(uint64_t word, unsigned n)
{
    uint64_t x = (word << (8 * (8 - n))) & SWAR_BYTES(0x0F);
    x = ((x & 0x000F000F000F000Full) * 10) + ((x & 0x0F000F000F000F00ull) >> 8);
    x = ((x & 0x000000FF000000FFull) * 100) + ((x & 0x00FF000000FF0000ull) >> 16);
    x = ((x & 0x000000000000FFFFull) * 10000) + ((x & 0x0000FFFF00000000ull) >> 32);
    return (uint32_t)x;
}

#undef SWAR_BYTES

#endif
