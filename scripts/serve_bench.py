#!/usr/bin/env python3
"""Measures `plan-build serve`'s rebuild after editing one item of a large plan:
the time from saving the file to the server-sent reload event (the page is
rebuilt before the event is sent). Prints the median over several edits.

    python3 scripts/serve_bench.py                  # 10,000 items, 20 edits, release binary
    python3 scripts/serve_bench.py --many-warnings  # the corpus with thousands of warnings
    python3 scripts/serve_bench.py --items 1000 --edits 5 --binary .build/debug/plan-build

Python 3 standard library only; the corpus comes from scripts/gen_corpus.py.
"""
import argparse
import os
import re
import socket
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def measure(binary, content, themes, edits, cwd=None):
    """Edits the middle moment of `content` `edits` times under a running serve; returns
    the save-to-reload times (ms), the server's own rebuild times (ms), its log lines and the first build's line."""
    content, themes = os.path.abspath(content), os.path.abspath(themes)
    moments = sorted(
        os.path.join(dirpath, name)
        for dirpath, _, names in os.walk(os.path.join(content, "moments")) for name in names if name.endswith(".md"))
    target = moments[len(moments) // 2]
    original = open(target, encoding="utf-8").read()

    # --lang en: the log lines this script reads ("Built", "Serving") are the English ones.
    server = subprocess.Popen([binary, "serve", "--port", "0", "--lang", "en", "--content", content, "--themes", themes],
                              cwd=cwd or os.path.dirname(content), stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        port = None
        first_build = None
        while port is None:
            line = server.stdout.readline()
            if not line:
                raise SystemExit("serve exited before it listened")
            if line.startswith("Built") and first_build is None:
                first_build = line.strip()
            match = re.search(r"127\.0\.0\.1:(\d+)", line)
            if match and "Serving" in line:
                port = int(match.group(1))
        events = socket.create_connection(("127.0.0.1", port))
        events.sendall(b"GET /_plan-build/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        events.settimeout(30)
        buffered = events.recv(4096).decode("utf-8", "replace")
        timings = []
        for edit in range(edits):
            time.sleep(0.5)
            with open(target, "w", encoding="utf-8") as f:
                f.write(original + f"\n第 {edit + 1} 次修改。\n")
            saved = time.monotonic()
            seen = buffered.count("event: reload")
            while buffered.count("event: reload") <= seen:
                buffered += events.recv(4096).decode("utf-8", "replace")
            timings.append((time.monotonic() - saved) * 1000)
        events.close()
        # The server logs each rebuild's own duration ("Built N pages in X ms (1 changed)").
        server.terminate()
        rest, _ = server.communicate(timeout=10)
        rebuilds = [int(m.group(1)) for m in re.finditer(r"Built \d+ pages in (\d+) ms \(\d+ changed\)", rest)]
        stage_lines = [line for line in rest.splitlines() if re.search(r"Built \d+ pages in \d+ ms \(\d+ changed\)", line)]
    finally:
        with open(target, "w", encoding="utf-8") as f:
            f.write(original)
        if server.poll() is None:
            server.terminate()
            server.wait(timeout=10)
    return {"timings": timings, "rebuilds": rebuilds, "stage_lines": stage_lines, "first_build": first_build}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--items", type=int, default=10000)
    parser.add_argument("--edits", type=int, default=20)
    parser.add_argument("--many-warnings", action="store_true", help="the corpus with thousands of warnings")
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build/release/plan-build"))
    args = parser.parse_args()
    if not os.path.exists(args.binary):
        subprocess.run(["swift", "build", "-c", "release"], cwd=ROOT, check=True)
    base = os.path.join(ROOT, "bench-out", ("serve-warnings-%d" if args.many_warnings else "serve-%d") % args.items)
    content = os.path.join(base, "content")
    if not os.path.exists(os.path.join(content, "plan.yml")):
        subprocess.run([sys.executable, os.path.join(HERE, "gen_corpus.py"), "--items", str(args.items), "--out", content]
                       + (["--many-warnings"] if args.many_warnings else []), check=True)
    result = measure(args.binary, content, os.path.join(base, "themes"), args.edits, cwd=base)
    timings, rebuilds = result["timings"], result["rebuilds"]
    # The watcher polls every 150 ms, so up to 150 ms of each figure is waiting to notice the save.
    print(f"first build: {result['first_build']}")
    print(f"serve rebuild after editing one item of {args.items} items: median {statistics.median(timings):.0f} ms, "
          f"min {min(timings):.0f} ms, max {max(timings):.0f} ms over {len(timings)} edits, save to reload event (the server notices saves through inotify; up to 150 ms more where it has to poll)")
    if rebuilds:
        print(f"rebuild itself (server's own timing): median {statistics.median(rebuilds):.0f} ms, min {min(rebuilds)} ms, max {max(rebuilds)} ms")
        for line in result["stage_lines"]:
            print("  " + line.strip())


if __name__ == "__main__":
    main()
