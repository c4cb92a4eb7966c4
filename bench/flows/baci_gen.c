/*
 * baci_gen.c - deterministic generator of BACI-shaped trade CSV for the flows benchmark
 * (bench/README.md, "Flows (issue 7, point 8)").
 *
 *   baci_gen [-s SEED] [-t FIRST_YEAR] [-p PRODUCTS] ROWS YEARS OUTDIR
 *
 * Writes OUTDIR/BACI_HS17_Y<year>_Vsynth.csv for YEARS consecutive years from FIRST_YEAR
 * (default 2020), ROWS rows in all (split evenly, the first years take the remainder), and
 * OUTDIR/country_codes_Vsynth.csv (code,iso3). Each file has BACI's header t,i,j,k,v,q and its
 * row order (i, j, k ascending); each (t,i,j,k) occurs once, i != j; i and j are BACI's country
 * numeric codes (ISO 3166 numeric with BACI's own France 251, USA 842, India 699, Switzerland
 * 757, Italy 380 and 490 "Other Asia, nes"); k is a 6-digit HS code with leading zeros; v is in
 * thousands of USD with exactly 3 decimals (>= 0.001); q is in tonnes with 3 decimals, blank in
 * about 3% of rows (as in the real BACI extracts under ../shared/data).
 *
 * Model: 226 countries in rough order of real trade size, export and import weights
 * ~ rank^-1.1 with country noise and a small yearly drift; PRODUCTS (default 5000) HS6 codes
 * with Zipf popularity (rank^-0.85 over a shuffled order). A year's rows are distinct (i,j,k)
 * drawn i ~ export weight, j ~ import weight, k ~ popularity (rejection of repeats), then
 * sorted. v = exp(mu + 2.1 z) with mu from both countries' sizes and an exporter x product
 * comparative advantage; q = v / unit value (log-normal, product-specific mean).
 *
 * Same arguments => same bytes on every machine: the random numbers are integers
 * (splitmix64), and the floating point uses only + - * / sqrt and exact scalings (IEEE 754
 * correctly rounded) through this file's own exp and log, never libm's; compile without FMA
 * contraction (-ffp-contract=off, as bench/flows/run.sh does). Values are formatted from
 * integer thousandths, never through printf of a double.
 */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#ifdef __clang__
#pragma STDC FP_CONTRACT OFF
#endif

/* ---- integer random numbers ---- */
static uint64_t mix64(uint64_t z) {
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}
typedef struct { uint64_t s; } rng;
static rng rng_make(uint64_t seed, uint64_t stream) {
    rng r = { mix64(seed ^ mix64(stream + 0x632BE59BD9B4E019ULL)) };
    return r;
}
static uint64_t rng_u64(rng *r) { return mix64(r->s += 0x9E3779B97F4A7C15ULL); }
static double rng_unit(rng *r) { /* uniform in (0,1), 53 bits */
    return ((double)(rng_u64(r) >> 11) + 0.5) * (1.0 / 9007199254740992.0);
}

/* ---- exp and log from + - * / only (deterministic everywhere) ---- */
static const double LN2 = 0.6931471805599453094;
static double det_ldexp(double x, int e) { /* exact scaling by 2^e, |e| < 1000 */
    while (e > 60) { x *= 1152921504606846976.0; e -= 60; }
    while (e < -60) { x /= 1152921504606846976.0; e += 60; }
    double p = 1.0;
    for (int a = e < 0 ? -e : e, k = 0; a; a >>= 1, k++)
        if (a & 1) { double b = 2.0; for (int m = 0; m < k; m++) b *= b; p *= b; }
    return e < 0 ? x / p : x * p;
}
static double det_exp(double x) {
    if (x < -700) return 0.0;
    if (x > 700) x = 700;
    double nf = x / LN2;
    int n = (int)(nf < 0 ? nf - 0.5 : nf + 0.5);
    double r = x - n * LN2;                           /* |r| <= ~0.35 */
    double term = 1.0, sum = 1.0;
    for (int k = 1; k <= 18; k++) { term = term * r / k; sum += term; }
    return det_ldexp(sum, n);
}
static double det_log(double x) { /* x > 0 */
    int e = 0;
    while (x >= 2.0) { x /= 2.0; e++; }
    while (x < 1.0) { x *= 2.0; e--; }
    if (x > 1.4142135623730951) { x /= 2.0; e++; }    /* x in [0.707, 1.414] */
    double f = (x - 1.0) / (x + 1.0), f2 = f * f, p = f, sum = 0.0;
    for (int k = 1; k <= 41; k += 2) { sum += p / k; p *= f2; }
    return 2.0 * sum + e * LN2;
}
static double rng_normal(rng *r) { /* Marsaglia's polar method */
    for (;;) {
        double u = 2.0 * rng_unit(r) - 1.0, v = 2.0 * rng_unit(r) - 1.0, s = u * u + v * v;
        if (s > 0.0 && s < 1.0) return u * sqrt(-2.0 * det_log(s) / s);
    }
}
static double hash_normal(uint64_t seed, uint64_t a, uint64_t b) {
    rng r = rng_make(seed ^ (a * 0xD6E8FEB86659FD93ULL), b * 0xA0761D6478BD642FULL + 7);
    return rng_normal(&r);
}

/* ---- countries: BACI codes, roughly by trade size ---- */
typedef struct { int code; const char *iso3; } country;
static const country COUNTRY[] = {
    {156,"CHN"},{842,"USA"},{276,"DEU"},{528,"NLD"},{392,"JPN"},{344,"HKG"},{410,"KOR"},{380,"ITA"},
    {251,"FRA"},{56,"BEL"},{484,"MEX"},{826,"GBR"},{124,"CAN"},{699,"IND"},{702,"SGP"},{643,"RUS"},
    {724,"ESP"},{490,"S19"},{757,"CHE"},{784,"ARE"},{616,"POL"},{704,"VNM"},{36,"AUS"},{764,"THA"},
    {458,"MYS"},{76,"BRA"},{372,"IRL"},{682,"SAU"},{40,"AUT"},{792,"TUR"},{203,"CZE"},{752,"SWE"},
    {360,"IDN"},{208,"DNK"},{348,"HUN"},{579,"NOR"},{608,"PHL"},{376,"ISR"},{703,"SVK"},{710,"ZAF"},
    {642,"ROU"},{246,"FIN"},{620,"PRT"},{152,"CHL"},{398,"KAZ"},{634,"QAT"},{32,"ARG"},{804,"UKR"},
    {300,"GRC"},{554,"NZL"},{368,"IRQ"},{414,"KWT"},{705,"SVN"},{100,"BGR"},{440,"LTU"},{604,"PER"},
    {170,"COL"},{818,"EGY"},{566,"NGA"},{586,"PAK"},{50,"BGD"},{504,"MAR"},{12,"DZA"},{512,"OMN"},
    {191,"HRV"},{442,"LUX"},{112,"BLR"},{233,"EST"},{428,"LVA"},{218,"ECU"},{214,"DOM"},{188,"CRI"},
    {320,"GTM"},{688,"SRB"},{24,"AGO"},{364,"IRN"},{404,"KEN"},{231,"ETH"},{788,"TUN"},{144,"LKA"},
    {104,"MMR"},{860,"UZB"},{31,"AZE"},{591,"PAN"},{858,"URY"},{4,"AFG"},{8,"ALB"},{16,"ASM"},
    {20,"AND"},{28,"ATG"},{44,"BHS"},{48,"BHR"},{51,"ARM"},{52,"BRB"},{60,"BMU"},{64,"BTN"},
    {68,"BOL"},{70,"BIH"},{72,"BWA"},{84,"BLZ"},{86,"IOT"},{90,"SLB"},{92,"VGB"},{96,"BRN"},
    {108,"BDI"},{116,"KHM"},{120,"CMR"},{132,"CPV"},{136,"CYM"},{140,"CAF"},{148,"TCD"},{162,"CXR"},
    {166,"CCK"},{174,"COM"},{178,"COG"},{180,"COD"},{184,"COK"},{192,"CUB"},{196,"CYP"},{204,"BEN"},
    {212,"DMA"},{222,"SLV"},{226,"GNQ"},{232,"ERI"},{238,"FLK"},{242,"FJI"},{258,"PYF"},{260,"ATF"},
    {262,"DJI"},{266,"GAB"},{268,"GEO"},{270,"GMB"},{275,"PSE"},{288,"GHA"},{292,"GIB"},{296,"KIR"},
    {304,"GRL"},{308,"GRD"},{316,"GUM"},{324,"GIN"},{328,"GUY"},{332,"HTI"},{340,"HND"},{352,"ISL"},
    {384,"CIV"},{388,"JAM"},{400,"JOR"},{408,"PRK"},{417,"KGZ"},{418,"LAO"},{422,"LBN"},{426,"LSO"},
    {430,"LBR"},{434,"LBY"},{446,"MAC"},{450,"MDG"},{454,"MWI"},{462,"MDV"},{466,"MLI"},{470,"MLT"},
    {478,"MRT"},{480,"MUS"},{496,"MNG"},{498,"MDA"},{499,"MNE"},{500,"MSR"},{508,"MOZ"},{516,"NAM"},
    {520,"NRU"},{524,"NPL"},{531,"CUW"},{533,"ABW"},{534,"SXM"},{535,"BES"},{540,"NCL"},{548,"VUT"},
    {558,"NIC"},{562,"NER"},{570,"NIU"},{574,"NFK"},{580,"MNP"},{583,"FSM"},{584,"MHL"},{585,"PLW"},
    {598,"PNG"},{600,"PRY"},{612,"PCN"},{624,"GNB"},{626,"TLS"},{646,"RWA"},{652,"BLM"},{654,"SHN"},
    {659,"KNA"},{660,"AIA"},{662,"LCA"},{666,"SPM"},{670,"VCT"},{674,"SMR"},{678,"STP"},{686,"SEN"},
    {690,"SYC"},{694,"SLE"},{706,"SOM"},{716,"ZWE"},{728,"SSD"},{729,"SDN"},{740,"SUR"},{748,"SWZ"},
    {760,"SYR"},{762,"TJK"},{768,"TGO"},{772,"TKL"},{776,"TON"},{780,"TTO"},{795,"TKM"},{796,"TCA"},
    {798,"TUV"},{800,"UGA"},{807,"MKD"},{834,"TZA"},{854,"BFA"},{862,"VEN"},{876,"WLF"},{882,"WSM"},
    {887,"YEM"},{894,"ZMB"},
};
#define NC ((int)(sizeof COUNTRY / sizeof COUNTRY[0]))

static int pick(const double *cum, int n, double u) { /* first index with cum > u*total */
    double x = u * cum[n - 1];
    int lo = 0, hi = n - 1;
    while (lo < hi) {
        int mid = (lo + hi) / 2;
        if (cum[mid] > x) hi = mid; else lo = mid + 1;
    }
    return lo;
}

/* ---- open-addressing set of nonzero uint64 ---- */
typedef struct { uint64_t *slot; size_t mask; } set;
static int set_init(set *s, size_t n) {
    size_t cap = 16;
    while (cap < 2 * n) cap *= 2;
    s->slot = calloc(cap, sizeof *s->slot);
    s->mask = cap - 1;
    return s->slot != NULL;
}
static int set_add(set *s, uint64_t key) {
    for (size_t p = (size_t)(mix64(key) & s->mask);; p = (p + 1) & s->mask) {
        if (s->slot[p] == key) return 0;
        if (s->slot[p] == 0) { s->slot[p] = key; return 1; }
    }
}
static int cmp_u64(const void *a, const void *b) {
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return (x > y) - (x < y);
}
static int cmp_int(const void *a, const void *b) {
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

static char *put_u(char *p, uint64_t x) {
    char t[24];
    int n = 0;
    do t[n++] = (char)('0' + x % 10); while ((x /= 10) != 0);
    while (n) *p++ = t[--n];
    return p;
}
static char *put_milli(char *p, uint64_t m) {
    p = put_u(p, m / 1000);
    *p++ = '.';
    *p++ = (char)('0' + m / 100 % 10);
    *p++ = (char)('0' + m / 10 % 10);
    *p++ = (char)('0' + m % 10);
    return p;
}
static uint64_t to_milli(double v) { /* round half up to thousandths, at least 1 */
    double m = v * 1000.0 + 0.5;
    if (m < 1.0) return 1;
    if (m > 9.0e15) m = 9.0e15;
    return (uint64_t)m;
}

static int usage(void) {
    fputs("usage: baci_gen [-s SEED] [-t FIRST_YEAR] [-p PRODUCTS] ROWS YEARS OUTDIR\n", stderr);
    return 2;
}

int main(int argc, char **argv) {
    uint64_t seed = 7;
    long first_year = 2020, np = 5000;
    int a = 1;
    for (; a + 1 < argc && argv[a][0] == '-' && argv[a][1] && !argv[a][2]; a += 2) {
        char *end;
        unsigned long long x = strtoull(argv[a + 1], &end, 10);
        if (*end || end == argv[a + 1]) return usage();
        switch (argv[a][1]) {
        case 's': seed = x; break;
        case 't': first_year = (long)x; break;
        case 'p': np = (long)x; break;
        default: return usage();
        }
    }
    if (argc - a != 3) return usage();
    char *end;
    long long rows = strtoll(argv[a], &end, 10);
    if (*end || rows < 1) return usage();
    long years = strtol(argv[a + 1], &end, 10);
    if (*end || years < 1 || years > 100) return usage();
    const char *outdir = argv[a + 2];
    if (np < 10 || np > 900000 || first_year < 1900 || first_year + years > 10000) return usage();
    long long per_year_max = rows / years + 1;
    if ((double)per_year_max > 0.2 * NC * (NC - 1.0) * (double)np) {
        fprintf(stderr, "baci_gen: too many rows for %ld products\n", np);
        return 2;
    }
    if (mkdir(outdir, 0777) != 0 && errno != EEXIST) { perror(outdir); return 1; }

    /* world: country sizes and products, the same for every year */
    rng w = rng_make(seed, 1);
    double size[NC], lexp[NC], limp[NC], drift[NC];
    int slot_of_code[1000];
    for (int c = 0; c < NC; c++) {
        size[c] = -1.1 * det_log(c + 1.0);
        lexp[c] = size[c] + 0.4 * rng_normal(&w);
        limp[c] = size[c] + 0.4 * rng_normal(&w);
        drift[c] = 0.03 * rng_normal(&w);
        slot_of_code[COUNTRY[c].code] = c;
    }
    int *pcode = malloc(sizeof *pcode * (size_t)np);
    double *pop = malloc(sizeof *pop * (size_t)np), *cpop = malloc(sizeof *cpop * (size_t)np);
    long *order = malloc(sizeof *order * (size_t)np);
    set ps;
    if (!pcode || !pop || !cpop || !order || !set_init(&ps, (size_t)np)) { perror("baci_gen"); return 1; }
    for (long n = 0; n < np;) {
        int ch = 1 + (int)(rng_unit(&w) * 97.0);       /* HS chapters 01..97, no 77 */
        if (ch == 77 || ch > 97) continue;
        int code = ch * 10000 + (1 + (int)(rng_unit(&w) * 50.0)) * 100 + (int)(rng_unit(&w) * 100.0);
        if (set_add(&ps, (uint64_t)code + 1)) pcode[n++] = code;
    }
    free(ps.slot);
    qsort(pcode, (size_t)np, sizeof *pcode, cmp_int);
    for (long p = 0; p < np; p++) order[p] = p;
    for (long p = np - 1; p > 0; p--) {                  /* Fisher-Yates */
        long q = (long)(rng_u64(&w) % (uint64_t)(p + 1)), t = order[p];
        order[p] = order[q];
        order[q] = t;
    }
    for (long r = 0; r < np; r++) pop[order[r]] = det_exp(-0.85 * det_log((double)r + 1.0));
    for (long p = 0; p < np; p++) cpop[p] = (p ? cpop[p - 1] : 0.0) + pop[p];
    double *uvmean = malloc(sizeof *uvmean * (size_t)np);
    if (!uvmean) { perror("baci_gen"); return 1; }
    for (long p = 0; p < np; p++) uvmean[p] = 0.8 * hash_normal(seed, 99, (uint64_t)p);

    char path[4096];
    snprintf(path, sizeof path, "%s/country_codes_Vsynth.csv", outdir);
    FILE *f = fopen(path, "w");
    if (!f) { perror(path); return 1; }
    fputs("code,iso3\n", f);
    for (int c = 0; c < NC; c++) fprintf(f, "%d,%s\n", COUNTRY[c].code, COUNTRY[c].iso3);
    if (fclose(f)) { perror(path); return 1; }

    set ks;
    uint64_t *keys = malloc(sizeof *keys * (size_t)per_year_max);
    size_t bufsize = 1 << 22;
    char *buf = malloc(bufsize + 128);
    if (!keys || !buf || !set_init(&ks, (size_t)per_year_max)) { perror("baci_gen"); return 1; }

    for (long y = 0; y < years; y++) {
        long long n = rows / years + (y < rows % years ? 1 : 0);
        long year = first_year + y;
        double ce[NC], ci[NC];
        for (int c = 0; c < NC; c++) {
            ce[c] = (c ? ce[c - 1] : 0.0) + det_exp(lexp[c] + (double)y * drift[c]);
            ci[c] = (c ? ci[c - 1] : 0.0) + det_exp(limp[c] + (double)y * drift[c]);
        }
        memset(ks.slot, 0, (ks.mask + 1) * sizeof *ks.slot);
        rng r = rng_make(seed, 100 + (uint64_t)y);
        long long have = 0;
        uint64_t draws = 0;
        while (have < n) {
            if (++draws > 100ULL * (uint64_t)n + 1000000) {
                fprintf(stderr, "baci_gen: cannot draw %lld distinct rows\n", n);
                return 1;
            }
            int i = pick(ce, NC, rng_unit(&r)), j = pick(ci, NC, rng_unit(&r));
            if (i == j) continue;
            long k = pick(cpop, (int)np, rng_unit(&r));
            uint64_t key = (uint64_t)COUNTRY[i].code << 40 | (uint64_t)COUNTRY[j].code << 24 | (uint64_t)k;
            if (set_add(&ks, key)) keys[have++] = key;
        }
        qsort(keys, (size_t)n, sizeof *keys, cmp_u64);

        snprintf(path, sizeof path, "%s/BACI_HS17_Y%ld_Vsynth.csv", outdir, year);
        f = fopen(path, "wb");
        if (!f) { perror(path); return 1; }
        char *p = buf;
        p += sprintf(p, "t,i,j,k,v,q\n");
        rng vr = rng_make(seed, 10000 + (uint64_t)y);
        for (long long x = 0; x < n; x++) {
            int ic = (int)(keys[x] >> 40), jc = (int)(keys[x] >> 24 & 0xFFFF);
            long k = (long)(keys[x] & 0xFFFFFF);
            int i = slot_of_code[ic], j = slot_of_code[jc];
            double adv = hash_normal(seed, (uint64_t)i + 1000, (uint64_t)k);
            double mu = 4.4 + 0.3 * (lexp[i] + limp[j]) + 0.9 * adv;
            uint64_t vm = to_milli(det_exp(mu + 2.1 * rng_normal(&vr)));
            double u = rng_unit(&vr), z = rng_normal(&vr);
            p = put_u(p, (uint64_t)year);
            *p++ = ',';
            p = put_u(p, (uint64_t)ic);
            *p++ = ',';
            p = put_u(p, (uint64_t)jc);
            *p++ = ',';
            for (int d = 100000; d; d /= 10) *p++ = (char)('0' + pcode[k] / d % 10);
            *p++ = ',';
            p = put_milli(p, vm);
            *p++ = ',';
            if (u >= 0.03) p = put_milli(p, to_milli((double)vm / 1000.0 / det_exp(uvmean[k] + 0.9 * z)));
            *p++ = '\n';
            if ((size_t)(p - buf) >= bufsize) {
                if (fwrite(buf, 1, (size_t)(p - buf), f) != (size_t)(p - buf)) { perror(path); return 1; }
                p = buf;
            }
        }
        if (fwrite(buf, 1, (size_t)(p - buf), f) != (size_t)(p - buf) || fclose(f)) { perror(path); return 1; }
        fprintf(stderr, "baci_gen: %s: %lld rows\n", path, n);
    }
    free(keys); free(ks.slot); free(buf); free(pcode); free(pop); free(cpop); free(order); free(uvmean);
    return 0;
}
