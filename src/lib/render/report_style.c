/*
 * report_style.c - the report's style sheet: a readable page on screen, and
 * A4 pages in print (running header, page numbers, tables and charts kept
 * whole where they fit, headers repeated on each page, greyscale-safe
 * marks). Fonts are the reader's own (DejaVu where installed); nothing is
 * loaded from anywhere.
 */
#include "report_internal.h"

static const char SCREEN[] =
    "html{background:#fff;color:#111}\n"
    "body{font-family:'DejaVu Sans',Verdana,Arial,sans-serif;font-size:10pt;line-height:1.4;"
    "max-width:60rem;margin:1.5rem auto;padding:0 1rem}\n"
    "h1{font-size:17pt;margin:0 0 .3em}\n"
    "h2{font-size:13pt;border-bottom:1.5pt solid #333;padding-bottom:2pt;margin:1.6em 0 .5em}\n"
    "h3{font-size:11pt;margin:1.2em 0 .4em}\n"
    "p{margin:.4em 0}\n"
    "a{color:#0b4f8a}\n"
    "a.ref{text-decoration:none;white-space:nowrap}\n"
    "td.refs{min-width:7em}\n"
    "table.trend,table.bands{width:auto;min-width:60%}\n"
    ".meta{color:#333}\n"
    ".note{font-size:8.5pt;color:#333}\n"
    "nav.contents ol{margin:.2em 0;padding-left:1.4em}\n"
    "table{border-collapse:collapse;font-size:8pt;margin:.5em 0 1em;width:100%;"
    "font-variant-numeric:tabular-nums}\n"
    "caption{text-align:left;font-weight:bold;font-size:9pt;padding:0 0 3pt}\n"
    "th,td{padding:1.5pt 4pt;vertical-align:top;text-align:left}\n"
    "thead th{border-top:1pt solid #333;border-bottom:1pt solid #333;font-weight:bold;"
    "background:#eee}\n"
    "tbody tr:nth-child(even){background:#f6f6f6}\n"
    "tbody tr:last-child td{border-bottom:1pt solid #333}\n"
    ".num{text-align:right;white-space:nowrap}\n"
    "td .band{display:block;font-size:7pt;color:#444}\n"
    "table.profile td:first-child,table.balance td:first-child{white-space:nowrap}\n"
    "figure.chart{margin:.6em 0 1em;text-align:center}\n"
    "figure.chart svg{width:100%;height:auto;max-width:60rem}\n"
    "figcaption{font-size:8.5pt;color:#333;text-align:left}\n"
    ".record{border-left:2pt solid #999;padding:0 0 0 6pt;margin:.8em 0}\n"
    ".record h3{margin:.2em 0}\n"
    ".record dl{display:grid;grid-template-columns:6em 1fr;gap:1pt 6pt;margin:0;"
    "font-size:9pt}\n"
    ".record dt{font-weight:bold;color:#333}\n"
    ".record dd{margin:0}\n"
    ".record ul{margin:0;padding-left:1.1em}\n"
    ".badge{display:inline-block;padding:0 4pt;border:1pt solid #111;font-weight:bold}\n"
    ".badge-holds{border-width:1.5pt}\n"
    ".badge-fails{background:#111;color:#fff}\n"
    ".badge-undecidable{border-style:dashed;font-style:italic;font-weight:normal}\n"
    "ol.sources{font-size:8.5pt;padding-left:2.6em}\n"
    "ol.sources li{margin:0 0 .35em}\n"
    ".publication{font-weight:bold}\n"
    ".uses,.quality,.what{color:#444}\n"
    ".url{overflow-wrap:anywhere;word-break:break-all}\n"
    "ul.quotes{margin:.1em 0;padding-left:1.2em}\n"
    "ul.events,ul.notes{font-size:8.5pt}\n"
    "code{font-family:'DejaVu Sans Mono',monospace;font-size:90%}\n";

static const char PRINT[] =
    "@media print{\n"
    "body{max-width:none;margin:0;padding:0;font-size:9.5pt}\n"
    "a{color:#111}\n"
    "h2{break-before:page}\n"
    "h2.first{break-before:auto}\n"
    "h2,h3,caption{break-after:avoid}\n"
    "table,figure,.record,ol.sources li{break-inside:avoid}\n"
    "table.long{break-inside:auto}\n"
    "thead{display:table-header-group}\n"
    "tr{break-inside:avoid}\n"
    "tbody tr:nth-child(even){background:none}\n"
    "thead th{background:none}\n"
    "figure.chart svg{max-height:230mm}\n"
    "figure.chart-blocs svg{max-height:160mm}\n"
    "nav.contents a{text-decoration:none}\n"
    "}\n";

/* `text` as the inside of a CSS string: quotes, backslashes, angle brackets, ampersands and
 * controls as hexadecimal escapes, so it can end neither the string nor the style element. */
static mvec_status css_string(mvec_ctx *ctx, mvec__buf *out, const char *text)
{
    mvec_status status = MVEC_OK;
    for (const char *p = text; *p; p++) {
        unsigned char c = (unsigned char)*p;
        if (c < 0x20 || c == 0x7f || c == '"' || c == '\\' || c == '<' || c == '>' || c == '&' ||
            c == '\'')
            MVEC_TRY(mvec__buf_printf(ctx, out, "\\%x ", c));
        else
            MVEC_TRY(mvec__buf_putc(ctx, out, (char)c));
    }
cleanup:
    return status;
}

mvec_status mvec__report_style(mvec_ctx *ctx, const char *running_title, mvec__buf *out)
{
    mvec_status status = MVEC_OK;
    MVEC_TRY(mvec__buf_puts(ctx, out, "<style>\n"));
    MVEC_TRY(mvec__buf_puts(ctx, out, SCREEN));
    MVEC_TRY(mvec__buf_puts(ctx, out, "@page{size:A4;margin:17mm 14mm 16mm 14mm;\n"
                                      "@top-left{content:\""));
    MVEC_TRY(css_string(ctx, out, running_title));
    MVEC_TRY(mvec__buf_puts(ctx, out,
                            "\";font-family:'DejaVu Sans',sans-serif;font-size:7.5pt;"
                            "color:#444}\n"
                            "@top-right{content:\"mvec report\";font-family:'DejaVu Sans',"
                            "sans-serif;font-size:7.5pt;color:#444}\n"
                            "@bottom-right{content:\"page \" counter(page) \" of \" "
                            "counter(pages);font-family:'DejaVu Sans',sans-serif;"
                            "font-size:7.5pt;color:#444}}\n"));
    MVEC_TRY(mvec__buf_puts(ctx, out, PRINT));
    MVEC_TRY(mvec__buf_puts(ctx, out, "</style>\n"));
cleanup:
    return status;
}
