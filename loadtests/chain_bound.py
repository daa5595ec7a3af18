#!/usr/bin/python3
"""The best mean wait any dispatch can reach on a ring of two-skill windows (six-themes-chain).

The scenario is a ring: line i is served by windows i-1 and i, each window serves two neighbouring
lines, arrivals are Poisson, service is exponential with one mean. Then the hall is a Markov decision
process whose state is (tickets waiting per line, which windows are busy), and the only decisions a
dispatch makes are: which of its two lines a window that has just finished calls from, and which of
two idle windows takes an arriving ticket. We restrict to dispatches that never leave a window idle
while a ticket it may serve waits (the hall's own supervision raises an alert for exactly that), and
solve the day exactly by backward induction: the open hours with arrivals, then the drain after the
doors close, from an empty hall, like the simulator's days.

Lines are truncated at --max-line waiting tickets (an arrival to a full line is dropped). Dropped
arrivals wait zero minutes but still count in the divisor, so the printed optimum is a LOWER bound on
the mean wait of every non-idling dispatch; it rises towards the exact value as --max-line grows. The
open hours are taken as round(rate x minutes) uniformised steps, the mean of their Poisson number.

The oldest-first baseline looks at ages, not only counts, so it is simulated (pure Python, same model)
over many days. The longest-line-first rule is evaluated both ways as a cross-check of the two methods.

Needs numpy (Debian: apt-get install python3-numpy; then run with /usr/bin/python3).

    /usr/bin/python3 loadtests/chain_bound.py --scenario loadtests/scenarios/six-themes-chain.json
"""
import argparse, heapq, json, random, sys
from collections import deque

import numpy as np


def ring_from_scenario(path):
    s = json.load(open(path, encoding="utf-8"))
    ids = [v["id"] for v in s["services"]]
    n = len(ids)
    means = {v["meanServiceMinutes"] for v in s["services"]}
    kinds = {v.get("serviceTime", "exponential") for v in s["services"]}
    rates = {a["service"]: a["perHour"] for a in s["arrivals"]}
    if len(means) != 1 or kinds != {"exponential"} or any(isinstance(r, list) for r in rates.values()) or len(set(rates.values())) != 1:
        sys.exit("needs equal exponential services and one constant arrival rate for every line")
    # window i must serve lines i and i+1 (in the order the services are listed)
    for i, w in enumerate(s["windows"]):
        if sorted(w["services"]) != sorted([ids[i], ids[(i + 1) % n]]):
            sys.exit(f"window {w['id']} does not serve lines {ids[i]} and {ids[(i + 1) % n]}: not a ring chain")
    return n, rates[ids[0]] / 60.0, 1.0 / means.pop(), s["hours"] * 60.0


class Ring:
    """States of a non-idling dispatch on the ring: q[l] > 0 only if both windows of line l are busy."""

    def __init__(self, n, lam, mu, max_line):
        self.n, self.lam, self.mu, self.k = n, lam, mu, max_line
        qs, bs = [], []
        for pattern in range(2 ** n):
            busy = [(pattern >> w) & 1 for w in range(n)]
            # line l is served by windows l-1 and l
            free = [l for l in range(n) if busy[(l - 1) % n] and busy[l]]
            dims = [max_line + 1 if l in free else 1 for l in range(n)]
            q = np.indices(dims, dtype=np.int16).reshape(n, -1)
            qs.append(q)
            bs.append(np.repeat(np.array(busy, np.int16)[:, None], q.shape[1], axis=1))
        self.q = np.concatenate(qs, axis=1)
        self.b = np.concatenate(bs, axis=1)
        self.size = self.q.shape[1]
        codes = self.code(self.q, self.b)
        self.order = np.argsort(codes)
        self.sorted_codes = codes[self.order]
        self.uniform = n * lam + n * mu  # uniformisation rate: every clock rings at this total rate
        self.events = list(self.build_events())

    def code(self, q, b):
        c = np.zeros(q.shape[1], np.int64)
        for l in range(self.n):
            c = c * (self.k + 1) + q[l]
        for w in range(self.n):
            c = c * 2 + b[w]
        return c

    def index(self, q, b):
        pos = np.searchsorted(self.sorted_codes, self.code(q, b))
        return self.order[pos]

    def build_events(self):
        """(probability, option A, option B, kind, where): next-state indices for each event."""
        n, q, b = self.n, self.q, self.b
        stay = np.arange(self.size)
        for l in range(n):  # an arrival at line l
            w1, w2 = (l - 1) % n, l
            a, c = stay.copy(), stay.copy()
            both = (b[w1] == 1) & (b[w2] == 1)
            joined = q.copy()
            joined[l] = np.minimum(q[l] + 1, self.k)
            nj = self.index(joined, b)
            a[both] = c[both] = nj[both]
            took1 = b.copy(); took1[w1] = 1
            took2 = b.copy(); took2[w2] = 1
            n1, n2 = self.index(q, took1), self.index(q, took2)
            m = (b[w1] == 0) & (b[w2] == 1); a[m] = c[m] = n1[m]
            m = (b[w1] == 1) & (b[w2] == 0); a[m] = c[m] = n2[m]
            m = (b[w1] == 0) & (b[w2] == 0); a[m] = n1[m]; c[m] = n2[m]
            yield self.lam / self.uniform, a, c, "arrival", l
        for w in range(n):  # window w (lines w and w+1) finishes
            la, lb = w, (w + 1) % n
            a, c = stay.copy(), stay.copy()
            idle = b.copy(); idle[w] = 0
            ni = self.index(q, idle)
            has_a, has_b = q[la] > 0, q[lb] > 0
            m = (b[w] == 1) & ~has_a & ~has_b; a[m] = c[m] = ni[m]
            qa = q.copy(); qa[la] = np.maximum(q[la] - 1, 0)
            qb = q.copy(); qb[lb] = np.maximum(q[lb] - 1, 0)
            na, nb = self.index(qa, b), self.index(qb, b)
            m = has_a & ~has_b; a[m] = c[m] = na[m]
            m = has_b & ~has_a; a[m] = c[m] = nb[m]
            m = has_a & has_b; a[m] = na[m]; c[m] = nb[m]
            yield self.mu / self.uniform, a, c, "finish", w

    def step(self, value, choose, arrivals):
        """One uniformised step of expected remaining queue-minutes; choose(kind, where, A, B) -> next states."""
        out = self.q.sum(axis=0) / self.uniform
        for p, a, c, kind, where in self.events:
            if kind == "arrival" and not arrivals:
                out = out + p * value
            elif choose is None:
                out = out + p * np.minimum(value[a], value[c])
            else:
                out = out + p * value[choose(kind, where, a, c)]
        return out

    def day_mean_wait(self, choose, open_minutes):
        value = np.zeros(self.size)
        while True:  # after closing: no arrivals, the windows drain the lines
            nxt = self.step(value, choose, arrivals=False)
            if np.abs(nxt - value).max() < 1e-9:
                break
            value = nxt
        for _ in range(int(round(self.uniform * open_minutes))):
            value = self.step(value, choose, arrivals=True)
        empty = self.index(np.zeros((self.n, 1), np.int16), np.zeros((self.n, 1), np.int16))[0]
        return value[empty] / (self.n * self.lam * open_minutes)

    def longest_line_first(self, kind, where, a, c):
        if kind == "arrival":
            return a
        return np.where(self.q[where] >= self.q[(where + 1) % self.n], a, c)


def simulate(n, lam, mu, open_minutes, days, seed, pick):
    """Mean wait over `days` simulated days (arrivals while open, then drain), window w serving lines w, w+1."""
    rnd = random.Random(seed)
    total, count = 0.0, 0
    for _ in range(days):
        lines = [deque() for _ in range(n)]
        busy = [False] * n
        events = []
        for l in range(n):
            t = rnd.expovariate(lam)
            while t < open_minutes:
                events.append((t, 0, l))
                t += rnd.expovariate(lam)
        heapq.heapify(events)

        def start(w, now):
            nonlocal total, count
            l = pick(lines, w, (w + 1) % n)
            if l is None:
                busy[w] = False
                return
            total += now - lines[l].popleft()
            count += 1
            busy[w] = True
            heapq.heappush(events, (now + rnd.expovariate(mu), 1, w))

        while events:
            now, kind, x = heapq.heappop(events)
            if kind == 0:
                lines[x].append(now)
                idle = [w for w in ((x - 1) % n, x) if not busy[w]]
                if idle:
                    start(idle[0], now)
            else:
                start(x, now)
    return total / count


def oldest_first(lines, a, b):
    heads = [l for l in (a, b) if lines[l]]
    return min(heads, key=lambda l: lines[l][0]) if heads else None


def longest_first(lines, a, b):
    heads = [l for l in (a, b) if lines[l]]
    return max(heads, key=lambda l: (len(lines[l]), -lines[l][0])) if heads else None


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--scenario", default="loadtests/scenarios/six-themes-chain.json")
    p.add_argument("--max-line", type=int, default=10)
    p.add_argument("--days", type=int, default=4000, help="simulated days for the oldest-first baseline")
    p.add_argument("--seed", type=int, default=11)
    args = p.parse_args()
    n, lam, mu, minutes = ring_from_scenario(args.scenario)
    ring = Ring(n, lam, mu, args.max_line)
    best = ring.day_mean_wait(None, minutes)
    lqf_exact = ring.day_mean_wait(ring.longest_line_first, minutes)
    fifo = simulate(n, lam, mu, minutes, args.days, args.seed, oldest_first)
    lqf_sim = simulate(n, lam, mu, minutes, args.days, args.seed, longest_first)
    print(json.dumps({
        "scenario": args.scenario, "maxLine": args.max_line, "states": ring.size,
        "optimalNonIdlingMeanWaitLowerBound": round(best, 3),
        "longestLineFirstMeanWait": {"markovTruncated": round(lqf_exact, 3), "simulated": round(lqf_sim, 3)},
        "oldestFirstMeanWaitSimulated": round(fifo, 3), "simulatedDays": args.days,
        "bestPossibleRatioToOldestFirst": round(best / fifo, 3),
    }, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
