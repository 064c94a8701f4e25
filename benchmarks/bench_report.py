#!/usr/bin/env python3
"""Turns one run of dhcpm_bench (Google Benchmark JSON) and dhcpm_rss_probe into
the table of ratios (the targets of issues 5, 13 and 15), the picture docs/performance.svg, and the table
section of docs/performance.md. Standard library only; scripts/bench calls it.

Every number in the table comes from the same run. Times are CPU time per
iteration (the machine is shared; wall time would charge other processes'
work to us), the median of the repetitions when there are several.
"""

import argparse
import datetime
import json
import math
import os
import re
import subprocess
import sys

MIB = 1024 * 1024
COUNTS = [1, 100, 10_000, 100_000, 1_000_000]
TIME_UNITS = {"ns": 1e-9, "us": 1e-6, "ms": 1e-3, "s": 1.0}
TABLE_BEGIN = "<!-- BEGIN scripts/bench table: generated, do not edit by hand -->"
TABLE_END = "<!-- END scripts/bench table -->"


def load_runs(path):
    """{run name: {"seconds": cpu s/iteration, "bytes_per_second": ..., "error": str|None}}"""
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)
    runs, singles = {}, {}
    for b in doc.get("benchmarks", []):
        name = b.get("run_name", b["name"])
        # Benchmarks timed by the wall clock (several threads) carry /real_time.
        wall = name.endswith("/real_time")
        name = name.removesuffix("/real_time")
        if b.get("error_occurred"):
            runs.setdefault(name, {"error": b.get("error_message", "error")})
            continue
        entry = {
            "seconds": b["real_time" if wall else "cpu_time"] * TIME_UNITS[b.get("time_unit", "ns")],
            "bytes_per_second": b.get("bytes_per_second"),
            "clients": b.get("clients"),
            "input_bytes": b.get("input_bytes"),
            "error": None,
        }
        if b.get("run_type") == "aggregate":
            if b.get("aggregate_name") == "median":
                runs[name] = entry
        else:
            singles.setdefault(name, []).append(entry)
    for name, entries in singles.items():
        if name not in runs:  # no aggregates: a single repetition
            entries.sort(key=lambda e: e["seconds"])
            runs[name] = entries[len(entries) // 2]
    return doc.get("context", {}), runs


def load_rss(path):
    """{what: {key: int}} from the probe's key=value lines."""
    out = {}
    if not path or not os.path.exists(path):
        return out
    with open(path, encoding="utf-8") as f:
        for line in f:
            fields = dict(kv.split("=", 1) for kv in line.split() if "=" in kv)
            if "what" in fields:
                out[fields["what"]] = {k: int(v) for k, v in fields.items() if k.endswith("bytes") or k == "clients"}
    return out


class Table:
    def __init__(self, runs):
        self.runs = runs
        self.rows = []  # (measure, value text, target text, verdict)

    def run(self, family, wire, n):
        r = self.runs.get(f"{family}/{wire}/{n}")
        return r if r and not r.get("error") else None

    def seconds(self, family, wire, n):
        r = self.run(family, wire, n)
        return r["seconds"] if r else None

    def add(self, measure, value, target_text, passed, note=""):
        if value is None:
            self.rows.append((measure, "n/a", target_text, "not measured" + (f" ({note})" if note else "")))
            return
        verdict = "" if passed is None else ("pass" if passed else "MISS")
        if note:
            verdict = f"{verdict} ({note})" if verdict else note
        self.rows.append((measure, value, target_text, verdict))


def ratio_text(x):
    return f"{x:.2f}×" if x < 100 else f"{x:.0f}×"


def throughput_row(t, measure, family, wire, n, target, threshold):
    """A throughput ratio against memcpy of the same bytes, with its target."""
    mine, copy = t.run(family, wire, n), t.run("BM_Memcpy", wire, n)
    if mine and copy:
        r = mine["bytes_per_second"] / copy["bytes_per_second"]
        t.add(measure, ratio_text(r), target, r >= threshold if threshold else None,
              f"{mine['bytes_per_second'] / 1e9:.2f} GB/s, memcpy {copy['bytes_per_second'] / 1e9:.2f} GB/s")
    else:
        t.add(measure, None, target, None)


def add_python_rows(t, python_rows):
    """Issue 16's targets: decoding into a Python object per client at least 1000 times Impacket's speed
    per client (PB array), and the Python cursor's per-client cost within 3 times the C++ cursor's."""
    label_impacket = "Python: Impacket per client / decode into a Python object per client, PB array"
    if python_rows is None:
        t.add(label_impacket, None, "≥ 1000×", None, "the Python module was not built")
        return
    rows = {(r["name"], r["type"]): r for r in python_rows}
    impacket = rows.get(("Impacket", "DHCP_CLIENT_INFO_PB_ARRAY"))
    objects = rows.get(("decode -> client objects", "DHCP_CLIENT_INFO_PB_ARRAY"))
    value = rows.get(("decode -> value", "DHCP_CLIENT_INFO_PB_ARRAY"))
    if impacket and objects:
        r = impacket["ns_per_client"] / objects["ns_per_client"]
        t.add(label_impacket, ratio_text(r), "≥ 1000×", r >= 1000,
              f"{objects['ns_per_client']:.0f} ns vs Impacket {impacket['ns_per_client'] / 1e3:.0f} µs a client")
    else:
        t.add(label_impacket, None, "≥ 1000×", None, "Impacket not installed" if objects else "")
    if impacket and value:
        r = impacket["ns_per_client"] / value["ns_per_client"]
        t.add("Python: Impacket per client / decode into one value, PB array", ratio_text(r), "(no target)", None,
              f"{value['ns_per_client']:.0f} ns a client")
    for type_name, wire, what in (("DHCP_CLIENT_INFO_PB_ARRAY", "pb-ndr20", "PB 100,000"),
                                  ("array", "ndr20", "failover 1,000,000")):
        mine, cpp = rows.get(("cursor", type_name)), t.seconds("BM_Cursor", wire, 1_000_000)
        label = f"Python cursor per client / C++ cursor per client, {what}"
        if mine and cpp:
            r = mine["ns_per_client"] / (cpp / 1_000_000 * 1e9)
            t.add(label, f"{r:.1f}×", "≤ 3×", r <= 3,
                  f"{mine['ns_per_client']:.0f} ns vs {cpp / 1_000_000 * 1e9:.0f} ns")
        else:
            t.add(label, None, "≤ 3×", None)


def build_table(runs, rss, python_rows=None):
    t = Table(runs)
    million = 1_000_000

    # 1. Reading every field of every client, and validating, against memcpy (issue 15).
    throughput_row(t, "cursor (validate + read every field) / memcpy, failover array, ndr20, 1,000,000",
                   "BM_Cursor", "ndr20", million, "≥ 0.8×", 0.8)
    throughput_row(t, "cursor (validate + read every field) / memcpy, DHCP_CLIENT_INFO_PB_ARRAY, ndr20, 1,000,000",
                   "BM_Cursor", "pb-ndr20", million, "≥ 0.8×", 0.8)
    throughput_row(t, "cursor, 2 threads (read_in_parallel, wall time) / memcpy, failover array, ndr20, 1,000,000",
                   "BM_Cursor2T", "ndr20", million, "≥ 1.5×", 1.5)
    throughput_row(t, "cursor, 2 threads (read_in_parallel, wall time) / memcpy, DHCP_CLIENT_INFO_PB_ARRAY, 1,000,000",
                   "BM_Cursor2T", "pb-ndr20", million, "≥ 1.5×", 1.5)
    throughput_row(t, "validate / memcpy, ndr20, 1,000,000", "BM_Validate", "ndr20", million, "≥ 1.0×", 1.0)
    throughput_row(t, "validate, 2 threads (wall time) / memcpy, ndr20, 1,000,000", "BM_Validate2T", "ndr20", million,
                   "(no target)", None)
    # What the cursor's two halves cost apart: the walk with every check
    # (validate, 1M) and the caller's fold alone — over the value in memory at
    # 10,000 clients, where it is in cache and only the arithmetic counts,
    # per client times 1,000,000. Were they not overlapped and a record handed
    # over for free, the cursor would take their sum.
    for wire, name in (("ndr20", "failover array, ndr20"), ("pb-ndr20", "DHCP_CLIENT_INFO_PB_ARRAY")):
        check, copy = t.seconds("BM_Validate", wire, million), t.seconds("BM_Memcpy", wire, million)
        fold_10k = t.seconds("BM_FoldValue", wire, 10_000)
        label = f"memcpy time / (validate time + time of the fold alone), {name}, 1,000,000"
        if check and fold_10k and copy:
            fold = fold_10k * (million / 10_000)
            t.add(label, ratio_text(copy / (check + fold)), "(the cursor if nothing overlapped and hand-over were free)",
                  None, f"validate {check * 1e3:.1f} ms + fold {fold * 1e3:.1f} ms vs memcpy {copy * 1e3:.1f} ms")
        else:
            t.add(label, None, "(no target)", None)
    for wire, name in (("ndr20", "failover array, ndr20"), ("pb-ndr20", "DHCP_CLIENT_INFO_PB_ARRAY")):
        one, two = t.run("BM_OwningDecode", wire, million), t.run("BM_OwningDecode2T", wire, million)
        if one and two:
            r = one["seconds"] / two["seconds"]
            t.add(f"owning decode, 2 threads / 1 thread (wall time), {name}, 1,000,000", ratio_text(r), "(no target)",
                  None, f"{two['seconds'] * 1e3:.1f} ms vs {one['seconds'] * 1e3:.1f} ms")
        else:
            t.add(f"owning decode, 2 threads / 1 thread (wall time), {name}, 1,000,000", None, "(no target)", None)
    # The view validates before it reads: the old row, kept for comparison.
    throughput_row(t, "view (validate, then read every field) / memcpy, ndr20, 1,000,000", "BM_ViewDecode", "ndr20",
                   million, "(issue 5: ≥ 1.0×)", None)
    floor, view = t.run("BM_ReadTwice", "ndr20", million), t.run("BM_ViewDecode", "ndr20", million)
    copy = t.run("BM_Memcpy", "ndr20", million)
    if floor and copy:
        r = floor["bytes_per_second"] / copy["bytes_per_second"]
        t.add("two read passes (no work) / memcpy throughput, ndr20, 1,000,000", ratio_text(r),
              "(the ceiling of the view)", None, f"{floor['bytes_per_second'] / 1e9:.2f} GB/s")

    # 2. Samba pull time / owning decode time at the largest N both ran.
    for wire, has_target in (("ndr20", True), ("ndr64", False)):
        both = [n for n in COUNTS if t.seconds("BM_SambaPull", wire, n) and t.seconds("BM_OwningDecode", wire, n)]
        label = f"Samba pull time / owning decode time, failover array, {wire}"
        if both:
            n = both[-1]
            r = t.seconds("BM_SambaPull", wire, n) / t.seconds("BM_OwningDecode", wire, n)
            t.add(f"{label}, {n:,}", ratio_text(r), "≥ 10×" if has_target else "(no target)", r >= 10 if has_target else None)
        elif has_target:
            t.add(label, None, "≥ 10×", None, "no Samba peer")
    samba, mine = t.seconds("BM_SambaPull", "pb-ndr20", million), t.seconds("BM_OwningDecode", "pb-ndr20", million)
    label = "Samba pull time / owning decode time, DHCP_CLIENT_INFO_PB_ARRAY, ndr20, 1,000,000"
    if samba and mine:
        r = samba / mine
        t.add(label, ratio_text(r), "≥ 10×", r >= 10, f"Samba {samba * 1e3:.0f} ms, dhcpm {mine * 1e3:.0f} ms")
    else:
        t.add(label, None, "≥ 10×", None, "no Samba peer")

    # 3. Samba push time / encode time at 10,000 and 100,000.
    for n in (10_000, 100_000):
        samba, mine = t.seconds("BM_SambaPush", "ndr20", n), t.seconds("BM_Encode", "ndr20", n)
        target = n == 100_000
        label = f"Samba push time / encode time, ndr20, {n:,}"
        if samba and mine:
            r = samba / mine
            t.add(label, ratio_text(r), "≥ 7×" if target else "(no target)", r >= 7 if target else None)
        else:
            t.add(label, None, "≥ 7×" if target else "(no target)", None)

    # 4. Per-client time at 1,000,000 vs 10,000.
    # Encode into a fresh vector pays the kernel for each new page of output
    # (its row has no target); encode_into a reused buffer is the encoder's own scaling.
    for family, what, target in (("BM_OwningDecode", "owning decode", True), ("BM_ViewDecode", "view", True),
                                 ("BM_Cursor", "cursor", True), ("BM_EncodeInto", "encode_into (reused buffer)", True),
                                 ("BM_Encode", "encode into a new vector", False)):
        big, small = t.seconds(family, "ndr20", million), t.seconds(family, "ndr20", 10_000)
        label = f"per-client time at 1,000,000 / at 10,000, {what}, ndr20"
        target_text = "≤ 1.5×" if target else "(no target: page faults)"
        if big and small:
            r = (big / million) / (small / 10_000)
            t.add(label, ratio_text(r), target_text, r <= 1.5 if target else None,
                  f"{big / million * 1e9:.0f} ns vs {small / 10_000 * 1e9:.0f} ns")
        else:
            t.add(label, None, target_text, None)

    # 4b. validate builds nothing: at least twice as fast as the owning decode (issue 13).
    check, decode = t.seconds("BM_Validate", "ndr20", million), t.seconds("BM_OwningDecode", "ndr20", million)
    label = "owning decode time / validate time, ndr20, 1,000,000"
    if check and decode:
        r = decode / check
        t.add(label, ratio_text(r), "≥ 2×", r >= 2, f"validate {check * 1e3:.0f} ms, decode {decode * 1e3:.0f} ms")
    else:
        t.add(label, None, "≥ 2×", None)

    # 4c. The analyzer's workload: 10,000 enumeration responses of up to 64 KiB.
    # (R_DhcpV4EnumSubnetClients responses of about 200 PB clients, each decoded on its own.)
    stubs = 10_000
    cursor, one = t.run("BM_StubsCursor", "pb-ndr20", stubs), t.run("BM_Cursor", "pb-ndr20", million)
    label = "stubs: cursor bytes/s over 10,000 responses / cursor bytes/s over one 1,000,000 PB array"
    if cursor and one:
        r = cursor["bytes_per_second"] / one["bytes_per_second"]
        t.add(label, ratio_text(r), "≥ 0.8", r >= 0.8,
              f"{cursor['bytes_per_second'] / 1e9:.2f} GB/s vs {one['bytes_per_second'] / 1e9:.2f} GB/s")
    else:
        t.add(label, None, "≥ 0.8", None)
    samba, mine = t.seconds("BM_StubsSambaPull", "pb-ndr20", stubs), t.seconds("BM_StubsOwning", "pb-ndr20", stubs)
    label = "stubs: Samba pull time / owning decode_call time, 10,000 responses"
    if samba and mine:
        r = samba / mine
        t.add(label, ratio_text(r), "≥ 10×", r >= 10, f"Samba {samba * 1e3:.0f} ms, dhcpm {mine * 1e3:.0f} ms")
    else:
        t.add(label, None, "≥ 10×", None, "no Samba peer")
    copy = t.run("BM_StubsMemcpy", "pb-ndr20", stubs)
    view = t.run("BM_StubsView", "pb-ndr20", stubs)
    if view and copy:
        r = view["bytes_per_second"] / copy["bytes_per_second"]
        t.add("stubs: view (validate the stub, then read every field) / memcpy of each response", ratio_text(r),
              "(no target)", None, f"{view['bytes_per_second'] / 1e9:.2f} GB/s")
    else:
        t.add("stubs: view of each response", None, "(no target)", None)
    if cursor and copy:
        r = cursor["bytes_per_second"] / copy["bytes_per_second"]
        t.add("stubs: cursor / memcpy of each response", ratio_text(r), "(no target)", None,
              f"memcpy {copy['bytes_per_second'] / 1e9:.2f} GB/s")

    # 4d. The Python module (issue 16): benchmarks/python_bench.py's rows, beside Impacket and the C++ cursor.
    add_python_rows(t, python_rows)

    # 5. Peak RSS of read + decode of the 1,000,000-client file.
    for what, label, has_target in (("dhcpm-decode", "dhcpm owning decode", True), ("samba-pull", "Samba pull", False)):
        m = rss.get(what)
        full = f"peak RSS / file size, read + {label}, 1,000,000 (ndr20)"
        if not m:
            if has_target:
                t.add(full, None, "≤ 2.5× + 16 MiB", None)
            continue
        file_bytes, peak = m["file_bytes"], m["peak_rss_bytes"]
        limit = 2.5 * file_bytes + 16 * MIB
        t.add(full, ratio_text(peak / file_bytes), "≤ 2.5× + 16 MiB" if has_target else "(no target)",
              peak <= limit if has_target else None,
              f"{peak / MIB:.0f} MiB for a {file_bytes / MIB:.0f} MiB file"
              + (f"; limit {limit / MIB:.0f} MiB" if has_target else ""))
    return t.rows


def markdown_table(rows):
    lines = ["| measure | value | target | result |", "|---|---|---|---|"]
    lines += [f"| {m} | {v} | {tg} | {vd} |" for m, v, tg, vd in rows]
    return "\n".join(lines)


def plain_table(rows):
    header = ("measure", "value", "target", "result")
    widths = [max(len(str(r[i])) for r in rows + [header]) for i in range(4)]
    fmt = "  ".join("{:<%d}" % w for w in widths)
    out = [fmt.format(*header), fmt.format(*("-" * w for w in widths))]
    out += [fmt.format(*r) for r in rows]
    return "\n".join(out)


SERIES = [  # (column title, family, wire)
    ("dhcpm cursor (validate + read all, one pass)", "BM_Cursor", "ndr20"),
    ("dhcpm validate", "BM_Validate", "ndr20"),
    ("dhcpm view (validate, then read all)", "BM_ViewDecode", "ndr20"),
    ("dhcpm owning decode", "BM_OwningDecode", "ndr20"),
    ("dhcpm encode", "BM_Encode", "ndr20"),
    ("Samba libndr pull", "BM_SambaPull", "ndr20"),
    ("Samba libndr push", "BM_SambaPush", "ndr20"),
    ("memcpy of the same bytes", "BM_Memcpy", "ndr20"),
]


def write_plot(runs, data_path, svg_path, title):
    with open(data_path, "w", encoding="utf-8") as f:
        f.write("# clients " + " | ".join(s[0] for s in SERIES) + "  (bytes/s, CPU time)\n")
        for n in COUNTS:
            cells = []
            for _, family, wire in SERIES:
                r = runs.get(f"{family}/{wire}/{n}")
                cells.append(f"{r['bytes_per_second']:.6g}" if r and not r.get("error") and r.get("bytes_per_second") else "?")
            f.write(f"{n} " + " ".join(cells) + "\n")
    plots = []
    styles = ["lc rgb '#e6ab02' pt 15", "lc rgb '#a6761d' pt 3", "lc rgb '#1b9e77' pt 7", "lc rgb '#d95f02' pt 5",
              "lc rgb '#7570b3' pt 9",
              "lc rgb '#e7298a' pt 11 dt 2", "lc rgb '#66a61e' pt 13 dt 2", "lc rgb '#666666' pt 1 dt 3"]
    for i, (label, family, wire) in enumerate(SERIES):
        if any(runs.get(f"{family}/{wire}/{n}") and not runs[f"{family}/{wire}/{n}"].get("error") for n in COUNTS):
            plots.append(f"'{data_path}' using 1:{i + 2} with linespoints lw 2 {styles[i]} title '{label}'")
    script = f"""
set terminal svg size 900,560 dynamic enhanced font 'sans,12' background rgb 'white'
set output '{svg_path}'
set title '{title}'
set logscale x 10
set logscale y 10
set xrange [0.5:2000000]
set xtics ('1' 1, '100' 100, '10k' 10000, '100k' 100000, '1M' 1000000)
set format y '%.0s %cB/s'
set xlabel 'clients in the DHCPV4\\_FAILOVER\\_CLIENT\\_INFO\\_ARRAY'
set ylabel 'throughput (NDR 2.0 bytes per CPU second)'
set grid xtics ytics mytics
set key outside bottom center horizontal maxrows 2 box
set datafile missing '?'
plot {', '.join(plots)}
"""
    subprocess.run(["gnuplot"], input=script, text=True, check=True)


def rewrite_markdown(path, section):
    text = open(path, encoding="utf-8").read() if os.path.exists(path) else f"# dhcpm performance\n\n{TABLE_BEGIN}\n{TABLE_END}\n"
    if TABLE_BEGIN not in text or TABLE_END not in text:
        text = text.rstrip("\n") + f"\n\n{TABLE_BEGIN}\n{TABLE_END}\n"
    before, rest = text.split(TABLE_BEGIN, 1)
    _, after = rest.split(TABLE_END, 1)
    with open(path, "w", encoding="utf-8") as f:
        f.write(before + TABLE_BEGIN + "\n" + section.strip("\n") + "\n" + TABLE_END + after)


def main():
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--bench", required=True, help="dhcpm_bench JSON output")
    p.add_argument("--rss", help="dhcpm_rss_probe output lines")
    p.add_argument("--python", help="benchmarks/python_bench.py output (JSON); absent: not measured")
    p.add_argument("--plot-data", help="where to write the gnuplot data")
    p.add_argument("--svg", help="where to write the picture")
    p.add_argument("--markdown", help="docs/performance.md: its table section is rewritten")
    p.add_argument("--commit", default="", help="the commit measured")
    args = p.parse_args()

    context, runs = load_runs(args.bench)
    rss = load_rss(args.rss)
    python_rows = json.load(open(args.python, encoding="utf-8"))["rows"] if args.python else None
    rows = build_table(runs, rss, python_rows)
    print(plain_table(rows))
    cache = context.get("dhcpm_block_cache", "off")
    print(f"block cache: {cache}")

    cpu = context.get("cpu_model") or ""
    if not cpu and os.path.exists("/proc/cpuinfo"):
        m = re.search(r"model name\s*:\s*(.*)", open("/proc/cpuinfo", encoding="utf-8").read())
        cpu = m.group(1).strip() if m else ""
    date = context.get("date", datetime.datetime.now().isoformat(timespec="seconds"))
    machine = f"{context.get('num_cpus', '?')} × {cpu or 'CPU'} at {context.get('mhz_per_cpu', '?')} MHz"
    peer = context.get("dhcpm_samba_peer", "absent")

    if args.svg and args.plot_data:
        write_plot(runs, args.plot_data, args.svg, "dhcpm and Samba libndr, realistic clients, NDR 2.0")
    if args.markdown:
        commit = f", commit {args.commit}" if args.commit else ""
        section = (f"Measured {date} on {machine}{commit}; Samba peer: {peer}. "
                   f"CPU time per iteration, median of the repetitions. Block cache: {cache}.\n\n"
                   f"{markdown_table(rows)}\n")
        rewrite_markdown(args.markdown, section)
    return 0


if __name__ == "__main__":
    sys.exit(main())
