#!/usr/bin/python3
"""Best ETA accuracy any predictor can reach with dedicated windows, for any scenario file.

With `--windows dedicated` each window serves only the first service in its list, so each service is its
own first-come-first-served line with its own windows, and a ticket's wait depends only on its line: the
tickets ahead, the services running now, and the service times still to be drawn. This simulates the
scenario's days (arrivals while open, then the drain, as the simulator does) and, for every ticket at
issue, gives an oracle everything the hall knows: the exact number ahead, how long each running service
has run, and the true service-time law of the line (no learning error). What nobody can know — the
service times still to come, and how much longer the running ones take (drawn from the law given the
minutes already run) — it samples (--samples draws), which gives the ticket's wait distribution.
`--knows remaining` gives it more than any predictor has: the exact remaining minutes of running services. From it the oracle picks the median (the
estimate with the smallest expected absolute error) and, separately, the estimate with the largest chance
of landing within ±5 minutes; it also scores the conditional mean as the estimate (`meanEstimate…`), which
is what a replay with mean service times aims at. Averaged over tickets, the first two are an upper bound on
within5MinutesShare and a lower bound on the mean absolute error for every predictor of the kind the simulator scores.

Needs numpy (Debian: apt-get install python3-numpy; then run with /usr/bin/python3).

    /usr/bin/python3 loadtests/eta_oracle.py --scenario loadtests/scenarios/town-hall-morning.json
"""
import argparse, json, math

import numpy as np


class ServiceLaw:
    """The service-time law of one service: fresh draws, and the remainder of a service that has run `elapsed`."""

    def __init__(self, service, rng):
        self.mean = float(service["meanServiceMinutes"])
        self.shape = service.get("serviceTime", "exponential")
        self.rng = rng
        if self.shape == "lognormal":
            self.sigma = math.sqrt(math.log(1 + service["cv"] ** 2))
            self.mu = math.log(self.mean) - self.sigma ** 2 / 2

    def __call__(self, size):
        if self.shape == "deterministic":
            return np.full(size, self.mean)
        if self.shape == "lognormal":
            return self.rng.lognormal(self.mu, self.sigma, size)
        return self.rng.exponential(self.mean, size)

    def remainder(self, elapsed, size):
        if self.shape == "deterministic":
            return np.full(size, max(0.0, self.mean - elapsed))
        if self.shape == "lognormal":
            # log S is normal; given S > elapsed draw it from the normal's upper tail by inverse CDF
            z0 = (math.log(elapsed) - self.mu) / self.sigma if elapsed > 0 else -40.0
            low = 0.5 * (1 + math.erf(z0 / math.sqrt(2)))
            u = low + (1 - low) * self.rng.random(size)
            z = normal_quantile(np.clip(u, 1e-300, 1 - 1e-16))
            return np.maximum(np.exp(self.mu + self.sigma * z) - elapsed, 0.0)
        return self.rng.exponential(self.mean, size)  # memoryless


def normal_quantile(p):
    """Inverse standard normal CDF (Acklam's rational approximation, relative error < 1.2e-9)."""
    a = [-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00]
    b = [-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01, -1.328068155288572e+01]
    c = [-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00]
    d = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00]
    p = np.asarray(p, float)
    out = np.empty_like(p)
    lo, hi = p < 0.02425, p > 1 - 0.02425
    mid = ~lo & ~hi
    q = np.sqrt(-2 * np.log(p[lo]))
    out[lo] = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
    q = np.sqrt(-2 * np.log(1 - p[hi]))
    out[hi] = -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
    q = p[mid] - 0.5
    r = q * q
    out[mid] = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
    return out


def arrivals(rates, hours, rng):
    """Poisson arrival minutes; one rate, or one rate per hour."""
    per_hour = rates if isinstance(rates, list) else [rates] * hours
    times = []
    for h in range(hours):
        rate = per_hour[h] if h < len(per_hour) else per_hour[-1]
        t = 0.0
        while rate > 0:
            t += rng.exponential(60.0 / rate)
            if t >= 60:
                break
            times.append(h * 60 + t)
    return times


def wait_samples(free, ahead, draw, samples):
    """Waits of a new ticket: `free` = per window, the minutes until it is free (one column per window, one
    row per sample), `ahead` tickets before it."""
    at = np.array(free, float)
    for _ in range(ahead):
        first = at.argmin(axis=1)
        rows = np.arange(samples)
        at[rows, first] += draw(samples)
    return at.min(axis=1)


def best_within5(waits):
    s = np.sort(waits)
    hi = np.searchsorted(s, s + 10.0, side="right")  # the ±5 window starting at each sample
    return (hi - np.arange(len(s))).max() / len(s)


def line_day(arrival_minutes, windows, law, samples, knows_remaining):
    """FCFS line with `windows` servers; per ticket: the oracle's expected absolute error and within-5 chance,
    then the same for the conditional mean as the estimate (what a replay with mean service times aims at)."""
    free_at = [0.0] * windows
    results = []
    starts = []
    services = law(len(arrival_minutes))
    for i, now in enumerate(arrival_minutes):
        ahead = sum(1 for s in starts if s > now)
        columns = []
        for j, start in enumerate(starts):
            if start <= now < start + services[j]:  # running at issue
                left = start + services[j] - now
                columns.append(np.full(samples, left) if knows_remaining else law.remainder(now - start, samples))
        columns += [np.zeros(samples)] * (windows - len(columns))
        waits = wait_samples(np.column_stack(columns), ahead, law, samples)
        median = float(np.median(waits))
        mean = float(waits.mean())
        results.append((float(np.abs(waits - median).mean()), best_within5(waits),
                        float(np.abs(waits - mean).mean()), float((np.abs(waits - mean) <= 5).mean())))
        k = int(np.argmin(free_at))
        start = max(now, free_at[k])
        free_at[k] = start + services[i]
        starts.append(start)
    return results


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--scenario", required=True)
    p.add_argument("--days", type=int, default=100)
    p.add_argument("--samples", type=int, default=400)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--knows", choices=["elapsed", "remaining"], default="elapsed")
    args = p.parse_args()
    s = json.load(open(args.scenario, encoding="utf-8"))
    rng = np.random.default_rng(args.seed)
    windows = {}
    for w in s["windows"]:
        windows[w["services"][0]] = windows.get(w["services"][0], 0) + 1
    mae = within = count = mean_mae = mean_within = 0.0
    per_line = {}
    for _ in range(args.days):
        for a in s["arrivals"]:
            service = next(x for x in s["services"] if x["id"] == a["service"])
            if a["service"] not in windows:
                continue  # no dedicated window: never served in that mode
            law = ServiceLaw(service, rng)
            for m, w5, mm, mw in line_day(arrivals(a["perHour"], s["hours"], rng), windows[a["service"]], law, args.samples, args.knows == "remaining"):
                mae += m
                mean_mae += mm
                mean_within += mw
                within += w5
                count += 1
                line = per_line.setdefault(a["service"], [0.0, 0.0, 0])
                line[0] += m
                line[1] += w5
                line[2] += 1
    print(json.dumps({
        "scenario": s["name"], "windows": "dedicated", "oracleKnows": args.knows, "days": args.days, "tickets": int(count),
        "oracleMeanAbsErrorMinutes": round(mae / count, 3), "oracleWithin5MinutesShare": round(within / count, 3),
        "meanEstimateMeanAbsErrorMinutes": round(mean_mae / count, 3), "meanEstimateWithin5MinutesShare": round(mean_within / count, 3),
        "perService": {k: {"tickets": v[2], "meanAbsError": round(v[0] / v[2], 3), "within5": round(v[1] / v[2], 3)} for k, v in per_line.items()},
    }, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
