#!/usr/bin/env python3
"""`make bench`: time plan-build check and build (and Hugo, when installed) at several sizes.

Generates deterministic corpora with scripts/gen_corpus.py under bench-out/
(git-ignored), runs each command several times and prints the median wall
time, the median CPU time (user + sys) and the peak memory (max RSS) of each,
with Hugo building the same bodies for comparison. It prints a table; it is
not a test and never fails on a slow result. Timings on a shared machine are
noisy: compare medians, and run it twice before believing a change.

    python3 scripts/bench.py                      # N = 1000, 10000, 50000
    python3 scripts/bench.py --sizes 1000 10000 --runs 3
    PLAN_BUILD=.build/release/plan-build python3 scripts/bench.py

Python 3 standard library only. Per-run CPU and peak RSS come from os.wait4,
so GNU time is not needed.
"""

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
import gen_corpus  # noqa: E402


def run(command, cwd=None):
    """Runs a command; returns (wall s, cpu s, max RSS MB, exit code)."""
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024.0, process.returncode


def measure(command, runs, cwd=None, before=None):
    walls, cpus, rss = [], [], []
    for _ in range(runs):
        if before:
            before()
        wall, cpu, peak, code = run(command, cwd)
        if code != 0:
            print("  ! exit %d: %s" % (code, " ".join(command)), file=sys.stderr)
            return None
        walls.append(wall)
        cpus.append(cpu)
        rss.append(peak)
    return statistics.median(walls), statistics.median(cpus), max(rss), walls


def main():
    parser = argparse.ArgumentParser(description="plan-build benchmark")
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 50000])
    parser.add_argument("--runs", type=int, default=5, help="runs per measurement (3 from 50,000 items up)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", default=os.path.join(ROOT, "bench-out"))
    parser.add_argument("--no-hugo", action="store_true")
    args = parser.parse_args()

    binary = os.environ.get("PLAN_BUILD", os.path.join(ROOT, ".build", "release", "plan-build"))
    if not os.path.exists(binary):
        sys.exit("no binary at %s: run `swift build -c release` first (make bench does)" % binary)
    hugo = None if args.no_hugo else shutil.which("hugo")
    cores = os.cpu_count()
    try:
        load = os.getloadavg()[0]
    except OSError:
        load = float("nan")
    print("plan-build bench: %s, %d cores, load %.2f at start%s" % (
        binary, cores, load, "" if hugo else " (hugo not installed: no comparison)"), file=sys.stderr)

    rows = []
    for n in args.sizes:
        runs = args.runs if n < 50000 else min(args.runs, 3)
        base = os.path.join(args.out, "corpus-%d" % n)
        content = os.path.join(base, "content")
        hugo_site = os.path.join(args.out, "hugo-%d" % n)
        stamp = os.path.join(base, ".generated")
        want = "%d %d %d" % (n, args.seed, gen_corpus.VERSION)
        have = open(stamp).read() if os.path.exists(stamp) else ""
        if have != want or (hugo and not os.path.isdir(hugo_site)):
            print("generating %d items…" % n, file=sys.stderr)
            gen_corpus.Plan(n, args.seed).write(content, hugo_site if hugo else None)
            with open(stamp, "w") as handle:
                handle.write(want)
        output = os.path.join(base, "output")
        common = ["--content", content, "--today", "2026-12-31", "--themes", os.path.join(base, "themes")]
        print("N=%d: check ×%d…" % (n, runs), file=sys.stderr)
        check = measure([binary, "check"] + common, runs)
        print("N=%d: build ×%d…" % (n, runs), file=sys.stderr)
        build = measure([binary, "build", "--quiet", "--output", output] + common, runs)
        hugo_result = None
        if hugo:
            print("N=%d: hugo ×%d…" % (n, runs), file=sys.stderr)
            public = os.path.join(hugo_site, "public")

            def clean():
                shutil.rmtree(public, ignore_errors=True)

            hugo_result = measure([hugo, "--quiet", "--source", hugo_site, "--destination", public], runs, before=clean)
        rows.append((n, runs, check, build, hugo_result))
        print("N=%d done: check %s, build %s, hugo %s" % (
            n, check and "%.3fs" % check[0], build and "%.3fs" % build[0], hugo_result and "%.3fs" % hugo_result[0]),
            file=sys.stderr)

    def cell(result, per=None):
        if result is None:
            return ["—", "—", "—"]
        wall, cpu, rss, _ = result
        return ["%.3f" % wall, "%.3f" % cpu, "%.0f" % rss]

    header = ["N", "runs", "check wall s", "check CPU s", "check RSS MB", "build wall s", "build CPU s",
              "build RSS MB", "build ms/1k", "hugo wall s", "hugo CPU s", "hugo RSS MB", "build/hugo"]
    table = []
    for n, runs, check, build, hugo_result in rows:
        per_thousand = "%.0f" % (build[0] / n * 1000 * 1000) if build else "—"
        ratio = "%.2f" % (build[0] / hugo_result[0]) if build and hugo_result else "—"
        table.append([str(n), str(runs)] + cell(check) + cell(build) + [per_thousand] + cell(hugo_result) + [ratio])
    widths = [max(len(r[i]) for r in [header] + table) for i in range(len(header))]
    print("| " + " | ".join(h.ljust(w) for h, w in zip(header, widths)) + " |")
    print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    for row in table:
        print("| " + " | ".join(c.rjust(w) for c, w in zip(row, widths)) + " |")
    print("\nMedians of the runs; RSS is the largest of the runs. Wall time is noisy on a shared machine.")


if __name__ == "__main__":
    main()
