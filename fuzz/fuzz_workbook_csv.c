/*
 * fuzz_workbook_csv.c - any text as the CSV of mvec_workbook_write_csv (the
 * CLI's screen, composition and workspace workbooks): the first line, cut at
 * 40 bytes, also names the sheet (sheet names are cleaned, cut to 31
 * characters and made unique), and the text is given twice, so two sheets
 * ask for the same name. Each input writes a whole workbook through a
 * temporary file.
 */
#include "fuzz_common.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    fuzz_setup();
    (void)fuzz_profile; /* fuzz_common.h's profile helper: not used here */
    return 0;
}

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    size_t before = fuzz_bytes_before();
    char name[41];
    size_t n = 0;
    while (n < size && n < sizeof name - 1 && data[n] != '\n' && data[n] != '\0') {
        name[n] = (char)data[n];
        n++;
    }
    name[n] = '\0';
    mvec_csv_sheet sheets[] = {{name, (const char *)data, size}, {name, (const char *)data, size}};
    mvec_sink sink = {discard, NULL};
    mvec_workbook_write_csv(fuzz_ctx, sheets, 2, &sink);
    fuzz_check_leaks(before);
    return 0;
}
