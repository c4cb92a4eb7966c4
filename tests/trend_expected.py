#!/usr/bin/env python3
"""trend_expected.py - the expected values of tests/unit/test_trend.c, computed with the
Python standard library only (no GSL, no mvec): Welch's interval and the Chow test for the
tiny series of the unit test. Run: python3 tests/trend_expected.py"""
import math

years = [2000, 2001, 2002, 2003, 2004, 2005]
values = [0.10, 0.12, 0.11, 0.15, 0.14, 0.16]
brk = 2003

def mean(v):
    return sum(v) / len(v)

def var(v):
    m = mean(v)
    return sum((x - m) ** 2 for x in v) / (len(v) - 1)

def fit(x, y):
    """least squares y = a + b x; returns (b, rss)"""
    mx, my = mean(x), mean(y)
    sxx = sum((a - mx) ** 2 for a in x)
    sxy = sum((a - mx) * (b - my) for a, b in zip(x, y))
    b = sxy / sxx
    a = my - b * mx
    return b, sum((yy - a - b * xx) ** 2 for xx, yy in zip(x, y))

def betacf(a, b, x):
    """continued fraction of the incomplete beta function (Numerical Recipes 6.4)"""
    qab, qap, qam = a + b, a + 1, a - 1
    c, d = 1.0, 1 - qab * x / qap
    d = 1 / d
    h = d
    for m in range(1, 300):
        m2 = 2 * m
        aa = m * (b - m) * x / ((qam + m2) * (a + m2))
        d = 1 / (1 + aa * d)
        c = 1 + aa / c
        h *= d * c
        aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2))
        d = 1 / (1 + aa * d)
        c = 1 + aa / c
        h *= d * c
    return h

def ibeta(a, b, x):
    """regularised incomplete beta I_x(a, b)"""
    if x <= 0:
        return 0.0
    if x >= 1:
        return 1.0
    bt = math.exp(math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b)
                  + a * math.log(x) + b * math.log(1 - x))
    if x < (a + 1) / (a + b + 2):
        return bt * betacf(a, b, x) / a
    return 1 - bt * betacf(b, a, 1 - x) / b

def t_cdf(t, df):
    p = 0.5 * ibeta(df / 2, 0.5, df / (df + t * t))
    return 1 - p if t > 0 else p

def t_quantile(p, df):
    lo, hi = 0.0, 100.0
    for _ in range(200):
        mid = (lo + hi) / 2
        if t_cdf(mid, df) < p:
            lo = mid
        else:
            hi = mid
    return (lo + hi) / 2

def f_survival(f, d1, d2):
    return ibeta(d2 / 2, d1 / 2, d2 / (d2 + d1 * f))

before = [v for y, v in zip(years, values) if y < brk]
after = [v for y, v in zip(years, values) if y >= brk]
nb, na = len(before), len(after)
wb, wa = var(before) / nb, var(after) / na
se = math.sqrt(wb + wa)
df = (wb + wa) ** 2 / (wb ** 2 / (nb - 1) + wa ** 2 / (na - 1))
q = t_quantile(0.975, df)
d = mean(after) - mean(before)
print("mean_before %.17g\nmean_after %.17g\ndifference %.17g" % (mean(before), mean(after), d))
print("welch_df %.17g\nt_quantile %.17g\nci_lo %.17g\nci_hi %.17g" % (df, q, d - q * se, d + q * se))
t = [y - brk for y in years]
b_all, rss_p = fit(t, values)
b_1, rss_1 = fit(t[:nb], before)
b_2, rss_2 = fit(t[nb:], after)
k, n = 2, len(values)
F = ((rss_p - rss_1 - rss_2) / k) / ((rss_1 + rss_2) / (n - 2 * k))
print("slope_all %.17g\nslope_before %.17g\nslope_after %.17g" % (b_all, b_1, b_2))
print("rss_p %.17g\nrss_1 %.17g\nrss_2 %.17g" % (rss_p, rss_1, rss_2))
print("chow_f %.17g\nchow_p %.17g (closed form for F(2, 2): 1 / (1 + F) = %.17g)"
      % (F, f_survival(F, k, n - 2 * k), 1 / (1 + F)))
