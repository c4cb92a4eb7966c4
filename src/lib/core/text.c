/*
 * text.c - locale-independent numbers, name keys for country look-ups, and
 * UTF-8 checks.
 *
 * Numbers: the syntax is checked here (so "1,5", " 2", "0x10", "inf" are
 * rejected with a reason), then glibc's strtod, which rounds correctly, runs
 * under a private "C" locale so a host program's setlocale cannot change how
 * data parse or print.
 */
#include <errno.h>
#include <locale.h>
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../mvec_internal.h"

static pthread_once_t c_locale_once = PTHREAD_ONCE_INIT;
static locale_t c_locale = (locale_t)0;

static void make_c_locale(void)
{
    c_locale = newlocale(LC_ALL_MASK, "C", (locale_t)0);
}

/* Switch this thread to the C locale; returns the locale to restore. */
static locale_t enter_c_locale(void)
{
    pthread_once(&c_locale_once, make_c_locale);
    if (c_locale == (locale_t)0)
        return (locale_t)0;
    return uselocale(c_locale);
}

static void leave_c_locale(locale_t previous)
{
    if (previous != (locale_t)0)
        uselocale(previous);
}

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

bool mvec__parse_number(const char *text, double *out, const char **reason)
{
    const char *p = text;
    if (*p == '-' || *p == '+')
        p++;
    size_t integer_digits = 0;
    size_t fraction_digits = 0;
    while (is_digit(*p)) {
        p++;
        integer_digits++;
    }
    if (*p == '.') {
        p++;
        while (is_digit(*p)) {
            p++;
            fraction_digits++;
        }
    }
    if (integer_digits + fraction_digits == 0) {
        *reason = text[0] == '\0' ? "empty value" : "not a number";
        return false;
    }
    if (*p == 'e' || *p == 'E') {
        p++;
        if (*p == '-' || *p == '+')
            p++;
        if (!is_digit(*p)) {
            *reason = "incomplete exponent";
            return false;
        }
        while (is_digit(*p))
            p++;
    }
    if (*p != '\0') {
        if (*p == ',')
            *reason = "comma in number (use '.' for decimals and no thousands separators)";
        else if (*p == ' ' || *p == '\t')
            *reason = "space in number";
        else
            *reason = "not a number";
        return false;
    }
    locale_t previous = enter_c_locale();
    errno = 0;
    double value = strtod(text, NULL);
    int saved_errno = errno;
    leave_c_locale(previous);
    if (saved_errno == ERANGE && isinf(value)) {
        *reason = "number out of range";
        return false;
    }
    *out = value;
    return true;
}

bool mvec__parse_int(const char *text, long min, long max, long *out)
{
    const char *p = text;
    if (*p == '-')
        p++;
    if (!is_digit(*p))
        return false;
    while (is_digit(*p))
        p++;
    if (*p != '\0')
        return false;
    errno = 0;
    long value = strtol(text, NULL, 10);
    if (errno != 0 || value < min || value > max)
        return false;
    *out = value;
    return true;
}

bool mvec__parse_date(const char *text, int *year, int *month, int *day)
{
    /* YYYY, YYYY-MM or YYYY-MM-DD */
    size_t length = strlen(text);
    if (length != 4 && length != 7 && length != 10)
        return false;
    for (size_t i = 0; i < length; i++) {
        bool dash = i == 4 || i == 7;
        if (dash ? text[i] != '-' : !is_digit(text[i]))
            return false;
    }
    int y = (text[0] - '0') * 1000 + (text[1] - '0') * 100 + (text[2] - '0') * 10 + (text[3] - '0');
    int m = length >= 7 ? (text[5] - '0') * 10 + (text[6] - '0') : 0;
    int d = length == 10 ? (text[8] - '0') * 10 + (text[9] - '0') : 0;
    if (y < 1800 || y > 2200 || (length >= 7 && (m < 1 || m > 12)) ||
        (length == 10 && (d < 1 || d > 31)))
        return false;
    *year = y;
    if (month != NULL)
        *month = m;
    if (day != NULL)
        *day = d;
    return true;
}

int mvec__format_c(char *out, size_t size, const char *fmt, ...)
{
    locale_t previous = enter_c_locale();
    va_list args;
    va_start(args, fmt);
    int written = vsnprintf(out, size, fmt, args);
    va_end(args);
    leave_c_locale(previous);
    return written;
}

/* Decode one UTF-8 sequence at p; returns its length (0 when invalid). */
static size_t decode_utf8(const unsigned char *p, size_t available, uint32_t *code_point)
{
    if (available == 0)
        return 0;
    unsigned char c = p[0];
    if (c < 0x80) {
        *code_point = c;
        return 1;
    }
    size_t length;
    uint32_t value;
    uint32_t minimum;
    if ((c & 0xE0) == 0xC0) {
        length = 2;
        value = c & 0x1F;
        minimum = 0x80;
    } else if ((c & 0xF0) == 0xE0) {
        length = 3;
        value = c & 0x0F;
        minimum = 0x800;
    } else if ((c & 0xF8) == 0xF0) {
        length = 4;
        value = c & 0x07;
        minimum = 0x10000;
    } else {
        return 0;
    }
    if (available < length)
        return 0;
    for (size_t i = 1; i < length; i++) {
        if ((p[i] & 0xC0) != 0x80)
            return 0;
        value = (value << 6) | (p[i] & 0x3F);
    }
    if (value < minimum || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF))
        return 0;
    *code_point = value;
    return length;
}

static size_t encode_utf8(uint32_t code_point, char *out)
{
    if (code_point < 0x80) {
        out[0] = (char)code_point;
        return 1;
    }
    if (code_point < 0x800) {
        out[0] = (char)(0xC0 | (code_point >> 6));
        out[1] = (char)(0x80 | (code_point & 0x3F));
        return 2;
    }
    if (code_point < 0x10000) {
        out[0] = (char)(0xE0 | (code_point >> 12));
        out[1] = (char)(0x80 | ((code_point >> 6) & 0x3F));
        out[2] = (char)(0x80 | (code_point & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (code_point >> 18));
    out[1] = (char)(0x80 | ((code_point >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((code_point >> 6) & 0x3F));
    out[3] = (char)(0x80 | (code_point & 0x3F));
    return 4;
}

bool mvec__utf8_valid(const char *text, size_t length, size_t *bad_offset)
{
    const unsigned char *p = (const unsigned char *)text;
    size_t offset = 0;
    while (offset < length) {
        uint32_t code_point;
        size_t step = decode_utf8(p + offset, length - offset, &code_point);
        if (step == 0) {
            if (bad_offset != NULL)
                *bad_offset = offset;
            return false;
        }
        offset += step;
    }
    return true;
}

size_t mvec__utf8_width(const char *text)
{
    size_t width = 0;
    for (const unsigned char *p = (const unsigned char *)text; *p; p++)
        if ((*p & 0xC0) != 0x80)
            width++;
    return width;
}

/* Simple case folding for the scripts that country names use in mvec's data:
 * ASCII, Latin-1, Latin Extended-A and Cyrillic. */
static uint32_t fold_case(uint32_t c)
{
    if (c >= 'A' && c <= 'Z')
        return c + 32;
    if (c >= 0xC0 && c <= 0xDE && c != 0xD7)
        return c + 32;
    if (c == 0x130) /* dotted capital I */
        return 'i';
    if ((c >= 0x100 && c <= 0x12F) || (c >= 0x132 && c <= 0x137) || (c >= 0x14A && c <= 0x177))
        return (c % 2 == 0) ? c + 1 : c;
    if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E))
        return (c % 2 == 1) ? c + 1 : c;
    if (c >= 0x410 && c <= 0x42F)
        return c + 32;
    if (c >= 0x400 && c <= 0x40F)
        c += 80;
    if (c == 0x451) /* ё is written е in most official lists */
        return 0x435;
    if (c == 0x2019 || c == 0x2018 || c == 0x02BC) /* typographic apostrophes */
        return '\'';
    return c;
}

static bool is_space(uint32_t c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0xA0;
}

bool mvec__name_key_into(const char *name, char *out, size_t size)
{
    size_t length = strlen(name);
    const unsigned char *p = (const unsigned char *)name;
    size_t offset = 0;
    size_t written = 0;
    bool pending_space = false;
    while (offset < length) {
        uint32_t code_point;
        size_t step = decode_utf8(p + offset, length - offset, &code_point);
        if (step == 0) { /* keep invalid bytes as they are; keys only compare */
            code_point = p[offset];
            step = 1;
        }
        offset += step;
        if (is_space(code_point)) {
            pending_space = written > 0;
            continue;
        }
        if (written + 6 >= size)
            return false;
        if (pending_space)
            out[written++] = ' ';
        pending_space = false;
        written += encode_utf8(fold_case(code_point), out + written);
    }
    out[written] = '\0';
    return true;
}

mvec_status mvec__name_key(mvec_ctx *ctx, const char *name, char **out)
{
    /* Folding never makes text longer; the margin covers the loop's check. */
    size_t size = strlen(name) + 8;
    char *key = NULL;
    mvec_status status = mvec__alloc(ctx, size, &key);
    if (status != MVEC_OK)
        return status;
    if (!mvec__name_key_into(name, key, size)) {
        mvec__free(ctx, key);
        return mvec__error(ctx, MVEC_ERR_INTERNAL, "name key overflow");
    }
    *out = key;
    return MVEC_OK;
}

bool mvec__str_equal(const char *a, const char *b)
{
    return strcmp(a, b) == 0;
}

bool mvec__same_double(double a, double b)
{
    return a <= b && a >= b;
}
