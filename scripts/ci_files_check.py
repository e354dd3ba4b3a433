#!/usr/bin/env python3
"""Runs the CI files `plan-build init` writes (the same as this repository's
`.github/workflows/plan.yml`, `.gitlab-ci.yml`, the GitLab template and the
root `action.yml`): every `run:`/`script:` command in order, the install step
included, against a temporary git repository with a base branch and a change.
The install step downloads a plan-build tarball from a local HTTP server on
127.0.0.1, which also fakes the GitHub and GitLab APIs the sticky comment
talks to (it records method, path and body). Any failing command fails the check.

usage:
  ci_files_check.py PATH/TO/plan-build
      on this machine (what `make test` runs): the tarball holds a small wrapper
      that runs PATH/TO/plan-build, so the install step itself is exercised.
  ci_files_check.py --root BARE-ROOT --tarball dist/plan-build-….tar.gz
      in a chroot of a bare Debian root (what `make dist-check` runs; needs root):
      the real tarball, installed by the workflows' own install step.
"""
import argparse
import hashlib
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import threading
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
REPO_ROOT = os.path.dirname(HERE)
TOKEN = "test-token-123"
PR = "7"


class FakeServer:
    """Serves the tarball under any path ending in its name, and fakes the comment APIs."""

    def __init__(self, dist_dir):
        self.dist_dir = dist_dir
        self.requests = []  # (method, path, body, headers)
        self.comments = {}  # (platform, thread) -> {id: body}
        self.next_id = 1000
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def _reply(self, status, payload=None, raw=None):
                data = raw if raw is not None else json.dumps(payload).encode()
                self.send_response(status)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def _handle(self):
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length).decode("utf-8") if length else ""
                server.requests.append((self.command, self.path, body, dict(self.headers)))
                path = urllib.parse.urlsplit(self.path).path
                name = os.path.basename(path)
                if self.command == "GET" and os.path.isfile(os.path.join(server.dist_dir, name)):
                    with open(os.path.join(server.dist_dir, name), "rb") as f:
                        return self._reply(200, raw=f.read())
                github = re.fullmatch(r"/repos/team/plans/issues/(?:(\d+)/comments|comments/(\d+))", path)
                gitlab = re.fullmatch(r"/api/v4/projects/42/merge_requests/(\d+)/notes(?:/(\d+))?", path)
                if github:
                    if self.headers.get("Authorization") != f"Bearer {TOKEN}":
                        return self._reply(401, {"message": "Bad credentials"})
                    thread, comment, text = ("github", github.group(1)), github.group(2), lambda: json.loads(body)["body"]
                elif gitlab:
                    if self.headers.get("PRIVATE-TOKEN") != TOKEN:
                        return self._reply(401, {"message": "401 Unauthorized"})
                    thread, comment = ("gitlab", gitlab.group(1)), gitlab.group(2)
                    text = lambda: urllib.parse.parse_qs(body)["body"][0]
                else:
                    return self._reply(404, {"message": "Not Found"})
                if comment:  # an edit: find its thread
                    thread = next((t for t, c in server.comments.items() if comment in c), None)
                    if thread is None or self.command not in ("PATCH", "PUT"):
                        return self._reply(404, {"message": "Not Found"})
                    server.comments[thread][comment] = text()
                    return self._reply(200, {"id": int(comment), "body": server.comments[thread][comment]})
                comments = server.comments.setdefault(thread, {})
                if self.command == "GET":
                    # Another comment first, with a nested "id", as the real APIs return it.
                    listing = [{"id": 1, "user": {"id": 99, "login": "someone"}, "body": "LGTM \"quoted\" {not json}"}]
                    listing += [{"id": int(i), "user": {"id": 41}, "body": b} for i, b in sorted(comments.items())]
                    return self._reply(200, listing)
                if self.command == "POST":
                    server.next_id += 1
                    comments[str(server.next_id)] = text()
                    return self._reply(201, {"id": server.next_id})
                return self._reply(405, {"message": "Method Not Allowed"})

            do_GET = do_POST = do_PATCH = do_PUT = _handle

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def writes(self, prefix):
        return [(m, p) for m, p, _, _ in self.requests if m != "GET" and p.startswith(prefix)]


class Runner:
    """Runs shell in the work folder: on this machine, or in a chroot of the bare root."""

    def __init__(self, root):
        self.root = root
        self.mounted = []
        if root:
            for target, args in (("proc", ["-t", "proc", "proc"]), ("dev", ["--bind", "/dev"])):
                path = os.path.join(root, target)
                if not os.path.ismount(path):
                    subprocess.run(["mount"] + args + [path], check=True)
                    self.mounted.append(path)
            self.work_inside = "/work"
            self.work = os.path.join(root, "work")
            shutil.rmtree(self.work, ignore_errors=True)
            os.makedirs(self.work)
            self.base_env = {"PATH": "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "HOME": "/root",
                             "LANG": "C.UTF-8", "TMPDIR": "/tmp"}
            shutil.rmtree(os.path.join(root, "root/.cache/plan-build"), ignore_errors=True)
        else:
            self.tmp = tempfile.mkdtemp(prefix="plan-build-ci-")
            self.work_inside = self.work = self.tmp
            self.base_env = {k: v for k, v in os.environ.items() if not k.startswith(("GITHUB_", "GITLAB_", "CI_", "PLAN_BUILD_"))}
            self.base_env.pop("NO_COLOR", None)
            self.base_env["HOME"] = os.path.join(self.tmp, "home")  # the install cache lands here, not in ~/.cache
            os.makedirs(self.base_env["HOME"])

    def host(self, inside):
        """The host path of a path as the commands see it."""
        return os.path.join(self.work, os.path.relpath(inside, self.work_inside))

    def run(self, script, cwd, env=None):
        full = dict(self.base_env, **(env or {}))
        if self.root:
            argv = ["chroot", self.root, "/usr/bin/env", "-i"] + [f"{k}={v}" for k, v in sorted(full.items())] + [
                "/bin/bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", f"cd {cwd}\n{script}"]
            return subprocess.run(argv, capture_output=True, text=True)
        return subprocess.run(["/bin/bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", script], cwd=cwd, env=full,
                              capture_output=True, text=True)

    def close(self):
        for path in reversed(self.mounted):
            subprocess.run(["umount", "-l", path])
        if not self.root:
            shutil.rmtree(self.tmp, ignore_errors=True)


def version():
    text = open(os.path.join(REPO_ROOT, "Sources/Planner/Report/Report.swift"), encoding="utf-8").read()
    return re.search(r'static let version = "([^"]+)"', text).group(1)


def wrapper_tarball(binary, folder):
    """A tarball like `make dist`'s whose bin/plan-build runs BINARY (make test has no dist build)."""
    name = f"plan-build-{version()}-linux-{platform.machine()}"
    stage = os.path.join(folder, "stage", name)
    os.makedirs(os.path.join(stage, "bin"))
    os.makedirs(os.path.join(stage, "share/plan-build"))
    with open(os.path.join(stage, "bin/plan-build"), "w") as f:
        f.write(f"#!/bin/sh\nexec '{binary}' \"$@\"\n")
    os.chmod(os.path.join(stage, "bin/plan-build"), 0o755)
    shutil.copy(os.path.join(HERE, "sticky-comment.sh"), os.path.join(stage, "share/plan-build/sticky-comment.sh"))
    path = os.path.join(folder, name + ".tar.gz")
    with tarfile.open(path, "w:gz") as tar:
        tar.add(stage, arcname=name)
    return path


class Check:
    def __init__(self, runner, server, tarball):
        self.runner, self.server = runner, server
        self.failures = 0
        self.tarball = os.path.basename(tarball)
        self.sha256 = hashlib.sha256(open(tarball, "rb").read()).hexdigest()

    def fail(self, message):
        print("FAIL: " + message)
        self.failures += 1

    def step(self, label, script, cwd, env, allowed=(0,)):
        result = self.runner.run(script, cwd, env)
        if result.returncode not in allowed:
            self.fail(f"{label} exited {result.returncode}:\n{script}\n--- stdout\n{result.stdout}\n--- stderr\n{result.stderr}")
        return result


def expand(text, context):
    """`${{ … }}` expressions of the CI files: names from context, `vars.X || 'default'`."""
    def replace(match):
        expression = match.group(1).strip()
        if expression in context:
            return context[expression]
        default = re.fullmatch(r"vars\.(\w+) \|\| '([^']*)'", expression)
        if default:
            return context.get("vars." + default.group(1)) or default.group(2)
        if expression.startswith("vars."):
            return ""
        raise SystemExit(f"ci_files_check: no value for the expression ${{{{ {expression} }}}}")
    return re.sub(r"\$\{\{(.*?)\}\}", replace, text)


def github_job(check, steps, repo, job_env, context, label):
    """Runs a job's `run:` steps as the runner does: one bash -eo pipefail per step,
    $GITHUB_ENV, $GITHUB_PATH and $GITHUB_OUTPUT read between steps."""
    runner = check.runner
    files = os.path.join(runner.work_inside, "gh-" + label.replace(" ", "-"))
    os.makedirs(runner.host(files), exist_ok=True)
    env = dict(job_env)
    env.update({"GITHUB_ACTIONS": "true", "GITHUB_SERVER_URL": check.server.url, "GITHUB_API_URL": check.server.url,
                "GITHUB_REPOSITORY": "team/plans", "GITHUB_REPOSITORY_OWNER": "team", "GITHUB_BASE_REF": "main",
                "GITHUB_STEP_SUMMARY": files + "/summary.md"})
    extra_path = []
    outputs = {}
    results = []
    for number, step in enumerate(steps):
        if "run" not in step:
            continue
        for name in ("env", "path", "output"):
            open(runner.host(f"{files}/{name}"), "w").close()
        step_context = dict(context, **{f"steps.{k}.outputs.{o}": v for k, values in outputs.items() for o, v in values.items()})
        step_env = dict(env, GITHUB_ENV=files + "/env", GITHUB_PATH=files + "/path", GITHUB_OUTPUT=files + "/output")
        step_env.update({k: expand(str(v), step_context) for k, v in (step.get("env") or {}).items()})
        if extra_path:
            step_env["PATH"] = ":".join(reversed(extra_path)) + ":" + step_env.get("PATH", runner.base_env["PATH"])
        script = expand(step["run"], step_context)
        name = step.get("name", script.splitlines()[0])
        allowed = (0, 1) if "plan-build check" in script and "exit-code" not in script else (0,)
        if step.get("id") == "result" or script.startswith("exit "):
            allowed = (0, 1)
        result = check.step(f"{label}: {name}", script, repo, step_env, allowed)
        results.append((name, script, result))
        for line in open(runner.host(f"{files}/path"), encoding="utf-8").read().splitlines():
            extra_path.append(line)
        for line in open(runner.host(f"{files}/env"), encoding="utf-8").read().splitlines():
            key, _, value = line.partition("=")
            env[key] = value
        if step.get("id"):
            outputs[step["id"]] = dict(line.partition("=")[::2] for line in
                                       open(runner.host(f"{files}/output"), encoding="utf-8").read().splitlines() if "=" in line)
    summary = runner.host(files + "/summary.md")
    return results, (open(summary, encoding="utf-8").read() if os.path.exists(summary) else "")


def install_ran(check, results, label, cached=False):
    install = [r for name, _, r in results if name == "Install plan-build"]
    if not install:
        return check.fail(f"{label}: no install step")
    output = install[0].stdout + install[0].stderr
    if cached and "from the cache" not in output:
        check.fail(f"{label}: the second run should take plan-build from the cache:\n{output}")
    if not cached and ": OK" not in output:
        check.fail(f"{label}: the install step should verify the SHA-256:\n{output}")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("binary", nargs="?")
    parser.add_argument("--root")
    parser.add_argument("--tarball")
    parser.add_argument("--verbose", action="store_true", help="list the HTTP requests the fake server saw")
    args = parser.parse_args()
    if bool(args.root) != bool(args.tarball) or bool(args.binary) == bool(args.root):
        parser.error("give PATH/TO/plan-build, or --root and --tarball")

    runner = Runner(os.path.abspath(args.root) if args.root else None)
    dist = tempfile.mkdtemp(prefix="plan-build-dist-")
    try:
        tarball = os.path.abspath(args.tarball) if args.tarball else wrapper_tarball(os.path.abspath(args.binary), os.path.join(dist, "build"))
        shutil.copy(tarball, dist)
        with open(os.path.join(dist, os.path.basename(tarball) + ".sha256"), "w") as f:
            f.write(f"{hashlib.sha256(open(tarball, 'rb').read()).hexdigest()}  {os.path.basename(tarball)}\n")
        server = FakeServer(dist)
        check = Check(runner, server, tarball)
        run_all(check, runner, server, tarball)
        if args.verbose:
            for method, path, body, _ in server.requests:
                print(f"{method} {path} ({len(body)} bytes)")
    finally:
        runner.close()
        shutil.rmtree(dist, ignore_errors=True)
    where = f"in the bare root {args.root}" if args.root else "on this machine"
    print(f"ci files ({where}): ok" if check.failures == 0 else f"ci files ({where}): {check.failures} problem(s)")
    return 1 if check.failures else 0


def run_all(check, runner, server, tarball):
    work = runner.work_inside
    git = "git -c user.name=ci -c user.email=ci@example.com -c commit.gpgsign=false"
    # The repository: init with a binary that is not on the commands' PATH.
    prep = work + "/prep"
    os.makedirs(runner.host(prep))
    with tarfile.open(tarball) as tar:
        tar.extractall(runner.host(prep))
    prep_binary = next(os.path.join(prep, d, "bin/plan-build") for d in os.listdir(runner.host(prep)))
    if runner.root:
        check.step("plan-build is not installed yet", "! command -v plan-build", work, {})
    repo = work + "/repo"
    check.step("init", f"""
        {prep_binary} init {repo} --today 2026-11-20
        cd {repo} && {git} init -q -b main && {git} add -A && {git} commit -q -m base
        {git} clone -q --bare {repo} {work}/origin.git && {git} remote add origin {work}/origin.git && {git} fetch -q origin
        {git} checkout -q -b change
        # The change: a second and third moment on one day, 30 minutes apart (a min-gap warning).
        for t in 12:10 12:40; do
          printf -- '---\\ndate: 2026-12-01\\ntime: "%s"\\npersona: host\\ntheme: professional\\n---\\n新增的一条：%s\\n' "$t" "$t" \\
            > "content/moments/2026-12/01-extra-${{t%%:*}}${{t#*:}}.md"
        done
        {git} add -A && {git} commit -q -m change
        """, work, {})

    def files_of_repo():
        read = lambda p: open(runner.host(os.path.join(repo, p)), encoding="utf-8").read()
        return read(".github/workflows/plan.yml"), read(".gitlab-ci.yml")

    github_text, gitlab_text = files_of_repo()
    for ours, written in ((".github/workflows/plan.yml", github_text), (".gitlab-ci.yml", gitlab_text),
                          ("ci/plan-build.gitlab-ci.yml", gitlab_text)):
        if open(os.path.join(REPO_ROOT, ours), encoding="utf-8").read() != written:
            check.fail(f"{ours} differs from what init writes")
    url = f"{server.url}/dist/{os.path.basename(tarball)}"

    # ---- GitHub Actions: the pull request job twice (sticky comment created, then updated; cache), then deploy.
    workflow = yaml.safe_load(github_text)
    context = {"github.base_ref": "main", "github.token": TOKEN, "github.event.pull_request.number": PR,
               "vars.PLAN_BUILD_URL": url, "vars.PLAN_BUILD_SHA256": check.sha256}
    job_env = {k: expand(str(v), context) for k, v in workflow["env"].items()}
    for run in (1, 2):
        results, summary = github_job(check, workflow["jobs"]["check"]["steps"], repo, job_env, context, f"github check run {run}")
        install_ran(check, results, f"github check run {run}", cached=run == 2)
        out = next((r.stdout for _, s, r in results if s.startswith("plan-build check")), "")
        if "::warning" not in out or "min-gap" not in out or "01-extra" not in out:
            check.fail("github: expected a min-gap annotation on a changed file from --new-since:\n" + out)
        for name in ("plan-summary.md", "plan.sarif"):
            if not os.path.exists(runner.host(f"{repo}/{name}")):
                check.fail(f"github: {name} was not written")
        if "min-gap" not in summary:
            check.fail("github: nothing useful was written to $GITHUB_STEP_SUMMARY")
        writes = server.writes("/repos/")
        expected = [("POST", f"/repos/team/plans/issues/{PR}/comments")] + [("PATCH", "/repos/team/plans/issues/comments/1001")] * (run - 1)
        if writes != expected:
            check.fail(f"github run {run}: the comment writes were {writes}, expected {expected}")
    comments = server.comments.get(("github", PR), {})
    if len(comments) != 1 or not next(iter(comments.values())).startswith("<!-- plan-build:sticky-comment -->\n## plan-build"):
        check.fail(f"github: expected one sticky comment holding the summary: {comments}")
    # Deploy, unpinned: the checksum comes from the .sha256 beside the tarball, at the default URL.
    context_unpinned = {"github.base_ref": "main", "github.token": TOKEN}
    job_env = {k: expand(str(v), context_unpinned) for k, v in workflow["env"].items()}
    results, _ = github_job(check, workflow["jobs"]["deploy"]["steps"], repo, job_env, context_unpinned, "github deploy")
    install_ran(check, results, "github deploy")
    if not any(p.startswith(f"/team/plan-build/releases/download/v{version()}/") for m, p, _, _ in server.requests):
        check.fail("github deploy: the default PLAN_BUILD_URL (a release of team/plan-build) was not used")
    if not os.path.exists(runner.host(f"{repo}/public/index.html")):
        check.fail("github: the deploy job did not build public/")
    runner.run("rm -rf public plan-summary.md plan.sarif", repo)

    # A wrong pinned checksum stops the install step, and nothing is installed.
    install = next(s for s in workflow["jobs"]["check"]["steps"] if s.get("name") == "Install plan-build")
    bad = dict(job_env, PLAN_BUILD_URL=url, PLAN_BUILD_SHA256="0" * 64, HOME="/tmp/bad-home" if runner.root else runner.base_env["HOME"] + "-bad",
               GITHUB_PATH="/dev/null", GITHUB_ENV="/dev/null", GITHUB_ACTIONS="true")
    result = runner.run(install["run"], repo, bad)
    if result.returncode == 0 or "does not match" not in result.stdout + result.stderr:
        check.fail(f"github: a wrong PLAN_BUILD_SHA256 must fail the install step:\n{result.stdout}{result.stderr}")

    # ---- The composite action (action.yml), on a pull request.
    action = yaml.safe_load(open(os.path.join(REPO_ROOT, "action.yml"), encoding="utf-8"))
    action_context = {"inputs." + k: str(v.get("default", "")) for k, v in action["inputs"].items()}
    action_context.update({"inputs.url": url, "inputs.sha256": check.sha256, "inputs.token": TOKEN,
                           "github.event.pull_request.number": PR, "runner.os": "Linux", "runner.arch": "X64"})
    server.comments.clear()
    before = len(server.requests)
    results, summary = github_job(check, action["runs"]["steps"], repo, {}, action_context, "action")
    install_ran(check, results, "action")
    if "::warning" not in next((r.stdout for n, _, r in results if n == "Check the plan"), "") or "min-gap" not in summary:
        check.fail("action: expected annotations and a step summary")
    if [m for m, p, _, _ in server.requests[before:] if m == "POST"] != ["POST"]:
        check.fail("action: expected one comment to be created")
    runner.run("rm -rf plan-summary.md plan.sarif .cache", repo)

    # ---- GitLab CI: before_script and script in one shell, as the runner does.
    gitlab = yaml.safe_load(gitlab_text)
    variables = {k: str(v) for k, v in gitlab["variables"].items()}
    gl_env = dict(variables, GITLAB_CI="true", CI_PROJECT_DIR=repo, CI_API_V4_URL=server.url + "/api/v4", CI_PROJECT_ID="42",
                  CI_PROJECT_NAMESPACE="team", CI_JOB_TOKEN="job-token", CI_MERGE_REQUEST_IID=PR,
                  CI_MERGE_REQUEST_TARGET_BRANCH_NAME="main", CI_PIPELINE_SOURCE="merge_request_event",
                  CI_COMMIT_BRANCH="main", CI_DEFAULT_BRANCH="main")

    def gitlab_job(name, env):
        job = gitlab[name]
        lines = gitlab[job["extends"]]["before_script"] + job["script"]
        return check.step(f"gitlab {name}", "\n".join(lines), repo, env, allowed=(0, 1) if name == "plan-check" else (0,))

    for run, token in ((1, None), (2, TOKEN), (3, TOKEN)):
        env = dict(gl_env, PLAN_BUILD_GITLAB_TOKEN=token) if token else dict(gl_env)
        result = gitlab_job("plan-check", env)
        if run == 1 and "PLAN_BUILD_GITLAB_TOKEN is not set" not in result.stdout:
            check.fail(f"gitlab: without the token the note is skipped with a notice:\n{result.stdout}")
        if run == 3 and "from the cache" not in result.stdout:
            check.fail(f"gitlab: the second run should take plan-build from the cache:\n{result.stdout}")
        report = json.load(open(runner.host(f"{repo}/gl-code-quality-report.json"), encoding="utf-8"))
        if not any(e.get("check_name") == "min-gap" for e in report):
            check.fail(f"gitlab: expected a min-gap entry in the Code Quality report: {report}")
    notes_path = f"/api/v4/projects/42/merge_requests/{PR}/notes"
    writes = server.writes("/api/v4/")
    if writes != [("POST", notes_path), ("PUT", notes_path + "/" + str(server.next_id))]:
        check.fail(f"gitlab: expected one note created, then updated: {writes}")
    if not any(h.get("JOB-TOKEN") == "job-token" for _, p, _, h in server.requests if p.endswith(".tar.gz")):
        check.fail("gitlab: the default URL (the generic package registry) should be fetched with the job token")
    if any(h.get("JOB-TOKEN") for _, p, _, h in server.requests if p.startswith("/dist/")):
        check.fail("the job token must not be sent to another host's URL")
    gitlab_job("pages", dict(gl_env, PLAN_BUILD_URL=url, PLAN_BUILD_SHA256=check.sha256))
    if not os.path.exists(runner.host(f"{repo}/public/index.html")):
        check.fail("gitlab: the pages job did not build public/")

    three_hundred_warnings(check, runner, server, prep_binary)


def three_hundred_warnings(check, runner, server, binary):
    """A plan with 300 warnings: at most 10 warning and 10 error annotations and one
    overflow notice; a summary that fits a comment; the sticky comment created, then edited."""
    work = runner.work_inside
    plan = work + "/many"
    check.step("init (many)", f"{binary} init {plan} --today 2026-11-20 >/dev/null", work, {})
    folder = runner.host(plan + "/content/moments/2026-12")
    for index in range(300):
        with open(os.path.join(folder, f"w{index:03d}-一条很长的标题用来占位.md"), "w", encoding="utf-8") as f:
            f.write(f"---\ndate: 2026-12-{1 + index % 31:02d}\ntime: \"{8 + index % 12:02d}:{index % 60:02d}\"\n"
                    f"persona: host\ntheme: professional\ntittle: 打错的键 {index}\n---\n第 {index} 条：" + "这是一段很长的文案。" * 20 + "\n")
    result = check.step("check (many)", f"{binary} check --today 2026-11-20 --format github --format markdown=summary.md", plan, {},
                        allowed=(0, 1))
    lines = result.stdout.splitlines()
    counts = {kind: sum(1 for line in lines if line.startswith(f"::{kind} ")) for kind in ("error", "warning", "notice")}
    if counts["warning"] != 10 or counts["error"] > 10 or counts["notice"] != 1 or "::notice file=" in result.stdout:
        check.fail(f"github format of a plan with 300+ warnings: {counts} annotations\n" + result.stdout[-2000:])
    summary = open(runner.host(plan + "/summary.md"), encoding="utf-8").read()
    if len(summary.encode("utf-16-le")) // 2 >= 65_536 - 100 or "`plan-build check`" not in summary:
        check.fail(f"the summary of a plan with 300+ warnings should fit a comment and say what it left out: {len(summary)}")
    script = os.path.join(os.path.dirname(os.path.dirname(binary)), "share/plan-build/sticky-comment.sh")
    env = {"GITHUB_ACTIONS": "true", "GITHUB_API_URL": server.url, "GITHUB_REPOSITORY": "team/plans", "GITHUB_TOKEN": TOKEN,
           "PLAN_BUILD_PR": "300"}
    for _ in range(2):
        check.step("sticky comment (many)", f"{script} summary.md", plan, env)
    comments = server.comments.get(("github", "300"), {})
    writes = [m for m, p, _, _ in server.requests if m != "GET" and ("/issues/300/" in p or p.endswith(f"/comments/{server.next_id}"))]
    if len(comments) != 1 or writes[-2:] != ["POST", "PATCH"] or len(next(iter(comments.values()))) >= 65_536:
        check.fail(f"the 300-warning summary: expected one comment under 65,536 characters, created then edited: {writes}")


if __name__ == "__main__":
    sys.exit(main())
