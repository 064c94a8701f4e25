#!/usr/bin/env python3
"""Compares two dhcpm_bench JSON outputs (Google Benchmark, with repetitions)
row by row: the median CPU time per iteration of every benchmark in either
file, the change in per cent, and whether it is within the allowed slowdown.

    benchmarks/bench_compare.py BEFORE.json AFTER.json [--max-slowdown 5]

Exits 1 when a benchmark present in both is slower by more than the allowed
per cent. Memcpy and ReadTwice rows measure the machine, not dhcpm: they are
shown (they say how noisy the two runs were) but never fail the comparison.
"""
import argparse
import json
import sys

MACHINE_ONLY = ("BM_Memcpy/", "BM_ReadTwice/")


def medians(path):
    data = json.load(open(path, encoding="utf-8"))
    out = {}
    for b in data.get("benchmarks", []):
        if b.get("aggregate_name") == "median":
            out[b["run_name"]] = b["cpu_time"] * {"ns": 1e-9, "us": 1e-6, "ms": 1e-3, "s": 1.0}[b["time_unit"]]
    if not out:  # a run without repetitions: every entry is its own median
        for b in data.get("benchmarks", []):
            out[b["name"]] = b["cpu_time"] * {"ns": 1e-9, "us": 1e-6, "ms": 1e-3, "s": 1.0}[b["time_unit"]]
    return out


def seconds_text(s):
    for unit, scale in (("s", 1.0), ("ms", 1e-3), ("us", 1e-6)):
        if s >= scale:
            return f"{s / scale:.3g} {unit}"
    return f"{s / 1e-9:.3g} ns"


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("before")
    p.add_argument("after")
    p.add_argument("--max-slowdown", type=float, default=5.0, help="per cent (default 5)")
    args = p.parse_args()
    before, after = medians(args.before), medians(args.after)
    names = sorted(set(before) | set(after), key=lambda n: (n.split("/")[0], n.split("/")[1:-1], int(n.split("/")[-1])))
    rows, worse = [], []
    for n in names:
        b, a = before.get(n), after.get(n)
        if b is None or a is None:
            rows.append((n, seconds_text(b) if b else "-", seconds_text(a) if a else "-", "new" if b is None else "gone", ""))
            continue
        change = (a / b - 1) * 100
        machine = n.startswith(MACHINE_ONLY)
        verdict = "(machine)" if machine else ("ok" if change <= args.max_slowdown else "SLOWER")
        if verdict == "SLOWER":
            worse.append(n)
        rows.append((n, seconds_text(b), seconds_text(a), f"{change:+.1f}%", verdict))
    header = ("benchmark", "before", "after", "change", "")
    widths = [max(len(r[i]) for r in rows + [header]) for i in range(5)]
    print("| " + " | ".join(h.ljust(w) for h, w in zip(header, widths)) + " |")
    print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    for r in rows:
        print("| " + " | ".join(c.ljust(w) for c, w in zip(r, widths)) + " |")
    if worse:
        print(f"\n{len(worse)} benchmark(s) slower by more than {args.max_slowdown:g}%: {', '.join(worse)}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
