# gen_obs.awk -v N=ROWS - a large valid file in mvec's long format (invented figures):
# 50 countries x 49 partners x 5 vectors x up to 50 years, N rows.
BEGIN {
    n = split("AFG ALB DZA AGO ARG ARM AUS AUT AZE BHR BGD BLR BEL BEN BTN BOL BIH BWA BRA BGR " \
              "BFA KHM CMR CAN CHL CHN COL CRI HRV CUB CYP CZE DNK EGY EST ETH FIN FRA GEO DEU " \
              "GHA GRC HUN IND IDN IRN IRQ IRL ISR ITA", c, " ")
    nv = split("trade.exports trade.imports fdi.stock arms.imports trade.total", v, " ")
    print "country,partner,vector,indicator,year,value,unit,basis,source,note"
    rows = 0
    for (y = 1975; y < 2025 && rows < N; y++)
        for (i = 1; i <= n && rows < N; i++)
            for (j = 1; j <= n && rows < N; j++) {
                if (i == j) continue
                for (k = 1; k <= nv && rows < N; k++) {
                    printf "%s,%s,%s,value,%d,%d.%d,USD m,reporter,gen,\n", c[i], c[j], v[k], y,
                           (i * 7 + j * 13 + y) % 1000, k
                    rows++
                }
            }
}
