/*
 * test_csv_reader.c - the streaming CSV parser, fed every case at every
 * chunk size from 1 byte to the whole text (libcsv's test_parser), with
 * the records it must produce or the exact error it must report.
 */
#include <mvec/mvec.h>

#include "data/csv_reader.h"
#include "test.h"

typedef struct collected {
    char text[4096]; /* records as "field|field\n", lines as "@line " */
} collected;

static mvec_status on_record(void *user, const mvec__csv_record *record)
{
    collected *c = user;
    size_t used = strlen(c->text);
    used += (size_t)snprintf(c->text + used, sizeof c->text - used, "@%zu ", record->line);
    for (size_t i = 0; i < record->field_count; i++)
        used += (size_t)snprintf(c->text + used, sizeof c->text - used, "%s%s", i ? "|" : "",
                                 record->fields[i]);
    snprintf(c->text + used, sizeof c->text - used, "\n");
    return MVEC_OK;
}

/* Parse `input` at every chunk size; each run must give `expected` (records)
 * or fail with `error` (message). */
static void check_case(const char *input, size_t length, const char *expected, const char *error)
{
    for (size_t chunk = 1; chunk <= length + 1; chunk++) {
        mvec_ctx *ctx = mvec_ctx_new(NULL, NULL);
        collected c;
        c.text[0] = '\0';
        mvec__csv_parser parser;
        mvec__csv_init(&parser, ctx, "t.csv", on_record, &c);
        mvec_status status = MVEC_OK;
        for (size_t offset = 0; offset < length && status == MVEC_OK; offset += chunk) {
            size_t n = length - offset < chunk ? length - offset : chunk;
            status = mvec__csv_feed(&parser, input + offset, n);
        }
        if (status == MVEC_OK)
            status = mvec__csv_finish(&parser);
        mvec__csv_clear(&parser);
        if (error == NULL) {
            CHECK(status == MVEC_OK);
            CHECK_STR(c.text, expected);
        } else {
            CHECK(status != MVEC_OK);
            CHECK_STR(mvec_ctx_error_message(ctx), error);
        }
        CHECK(mvec_ctx_memory(ctx).current_bytes == 0);
        mvec_ctx_free(ctx);
        if (test_failures > 0)
            break; /* one chunk size is enough to show a failure */
    }
}

#define CASE(input, expected) check_case(input, sizeof(input) - 1, expected, NULL)
#define FAILS(input, error) check_case(input, sizeof(input) - 1, NULL, error)

int main(void)
{
    CASE("a,b\n1,2\n", "@1 a|b\n@2 1|2\n");
    CASE("a,b\r\n1,2\r\n", "@1 a|b\n@2 1|2\n");
    CASE("a,b\r1,2", "@1 a|b\n@2 1|2\n");
    CASE("a,b\n1,2", "@1 a|b\n@2 1|2\n");
    CASE("\xEF\xBB\xBF" "a,b\n", "@1 a|b\n");
    FAILS("\xEF\xBB" "x\n", "t.csv:1:1: invalid UTF-8 (the file must be UTF-8 encoded)");
    CASE("a,,c\n,\n", "@1 a||c\n@2 |\n");
    CASE("\"a,b\",\"say \"\"hi\"\"\"\n", "@1 a,b|say \"hi\"\n");
    CASE("\"line\none\",2\nx,y\n", "@1 line\none|2\n@3 x|y\n");
    CASE("a\n\n\nb\n", "@1 a\n@4 b\n");   /* blank lines are skipped */
    CASE("\"\"\n", "@1 \n");              /* a quoted empty field is not blank */
    CASE("Россия,Türkiye\n", "@1 Россия|Türkiye\n");
    CASE("", "");
    FAILS("a,\"b\nc,d\n", "t.csv:1:2: unterminated quoted field (the quote opened here is "
                          "never closed)");
    FAILS("a,b\"c\n", "t.csv:1:2: quote inside an unquoted field (quote the whole field and "
                      "double the quote)");
    FAILS("\"a\"b,c\n", "t.csv:1:1: text after the closing quote of a field");
    FAILS("a,b\nc,\x80\n", "t.csv:2:2: invalid UTF-8 (the file must be UTF-8 encoded)");
    FAILS("a,b\nc\0d\n", "t.csv:2:1: NUL byte in text (is this a binary file?)");
    return test_report("test_csv_reader");
}
