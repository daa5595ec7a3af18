#!/usr/bin/env python3
"""Best ETA accuracy any predictor can reach on one window with exponential service (M/M/1).

A citizen who finds k tickets ahead (the one in service included) waits the sum of k exponential service
times, an Erlang(k, mean) variable; nobody can know more at issue time. For each k this finds the estimate
with the largest chance of landing within ±5 minutes, and the median (which minimises the mean absolute
error), and weights them with the stationary M/M/1 law P(k) = (1 − ρ) ρ^k.
Usage: python3 loadtests/eta_bound.py [LOAD] [MEAN_MINUTES]   (default 0.8 and 5: six-themes-chain, dedicated)
"""
import math
import sys

rho = float(sys.argv[1]) if len(sys.argv) > 1 else 0.8
mean = float(sys.argv[2]) if len(sys.argv) > 2 else 5.0


def cdf(k, x):
    if x <= 0:
        return 0.0
    y, term, total = x / mean, 1.0, 0.0
    for j in range(k):
        if j:
            term *= y / j
        total += term
    return 1 - math.exp(-y) * total


def pdf(k, x):
    y = x / mean
    return math.exp(-y) * y ** (k - 1) / math.factorial(k - 1) / mean if x >= 0 else 0.0


def abs_error(k, e, steps=4000):
    hi = k * mean * 8 + 60
    h = hi / steps
    return h * sum((0.5 if i in (0, steps) else 1) * abs(i * h - e) * pdf(k, i * h) for i in range(steps + 1))


within5 = mae = 0.0
for k in range(0, 120):
    p = (1 - rho) * rho ** k
    if k == 0:
        within5 += p
        continue
    best = max(cdf(k, e + 5) - cdf(k, max(e - 5, 0)) for e in (i * 0.1 for i in range(int((k * mean + 20) * 10))))
    lo, hi = 0.0, k * mean * 5
    for _ in range(60):
        mid = (lo + hi) / 2
        lo, hi = (mid, hi) if cdf(k, mid) < 0.5 else (lo, mid)
    within5 += p * best
    if k < 40:
        mae += p * abs_error(k, lo)
print(f"M/M/1 load {rho}, mean service {mean} min: best possible within5MinutesShare {within5:.3f}, "
      f"smallest possible mean absolute error {mae:.2f} min")
