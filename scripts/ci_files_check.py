#!/usr/bin/env python3
"""Checks the CI files `plan-build init` writes (and this repository carries):
they are valid YAML, and their commands run against a temporary git
repository with a base branch and a change.

usage: ci_files_check.py PATH/TO/plan-build
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile

import yaml


def run(cmd, cwd, env, check=True):
    result = subprocess.run(cmd, cwd=cwd, env=env, shell=isinstance(cmd, str), executable="/bin/bash" if isinstance(cmd, str) else None,
                            capture_output=True, text=True)
    if check and result.returncode != 0:
        raise SystemExit(f"FAILED ({result.returncode}): {cmd}\n{result.stdout}\n{result.stderr}")
    return result


def git(args, cwd, env):
    return run(["git", "-c", "user.name=ci", "-c", "user.email=ci@example.com", "-c", "commit.gpgsign=false"] + args, cwd, env)


def main():
    binary = os.path.abspath(sys.argv[1])
    failures = 0
    with tempfile.TemporaryDirectory(prefix="plan-build-ci-") as tmp:
        env = dict(os.environ)
        bindir = os.path.join(tmp, "bin")
        os.makedirs(bindir)
        os.symlink(binary, os.path.join(bindir, "plan-build"))
        env["PATH"] = bindir + os.pathsep + env.get("PATH", "")
        env.pop("NO_COLOR", None)
        repo = os.path.join(tmp, "repo")
        run([binary, "init", repo, "--today", "2026-11-20"], tmp, env)
        git(["init", "-q", "-b", "main"], repo, env)
        git(["add", "-A"], repo, env)
        git(["commit", "-q", "-m", "base"], repo, env)
        # A bare "origin" so origin/main exists as in CI.
        origin = os.path.join(tmp, "origin.git")
        run(["git", "clone", "-q", "--bare", repo, origin], tmp, env)
        git(["remote", "add", "origin", origin], repo, env)
        git(["fetch", "-q", "origin"], repo, env)
        git(["checkout", "-q", "-b", "change"], repo, env)
        # The change: a second and third moment on one day, 30 minutes apart (a min-gap warning).
        for name, time in (("01-extra-a.md", "12:10"), ("01-extra-b.md", "12:40")):
            with open(os.path.join(repo, "content/moments/2026-12", name), "w", encoding="utf-8") as f:
                f.write(f"---\ndate: 2026-12-01\ntime: \"{time}\"\npersona: host\ntheme: professional\n---\n新增的一条：{name}\n")
        git(["add", "-A"], repo, env)
        git(["commit", "-q", "-m", "change"], repo, env)

        # GitHub Actions
        with open(os.path.join(repo, ".github/workflows/plan.yml"), encoding="utf-8") as f:
            workflow = yaml.safe_load(f)
        steps = workflow["jobs"]["check"]["steps"] + workflow["jobs"]["deploy"]["steps"]
        summary = os.path.join(tmp, "step-summary.md")
        env_gh = dict(env, GITHUB_STEP_SUMMARY=summary)
        check_status = None
        for step in steps:
            if "run" not in step:
                continue
            command = step["run"].replace("${{ github.base_ref }}", "main")
            assert "${{" not in command, command
            result = run(command, repo, env_gh, check=False)
            if "plan-build check" in command:
                check_status = result.returncode
                out = result.stdout
                if "::warning" not in out or "min-gap" not in out:
                    print("github: expected a min-gap annotation from --new-since:\n" + out + result.stderr)
                    failures += 1
                if "01-extra" not in out:
                    print("github: the annotation should land on a changed file:\n" + out)
                    failures += 1
                for name in ("plan-summary.md", "plan.sarif"):
                    if not os.path.exists(os.path.join(repo, name)):
                        print(f"github: {name} was not written")
                        failures += 1
            elif result.returncode != 0:
                print(f"github step failed: {command}\n{result.stdout}{result.stderr}")
                failures += 1
        if check_status not in (0, 1):
            print(f"github: check exited {check_status}")
            failures += 1
        if not os.path.exists(summary) or os.path.getsize(summary) == 0:
            print("github: nothing was written to $GITHUB_STEP_SUMMARY")
            failures += 1
        if not os.path.exists(os.path.join(repo, "public/index.html")):
            print("github: the deploy job did not build public/")
            failures += 1
        shutil.rmtree(os.path.join(repo, "public"), ignore_errors=True)

        # GitLab CI
        with open(os.path.join(repo, ".gitlab-ci.yml"), encoding="utf-8") as f:
            gitlab = yaml.safe_load(f)
        env_gl = dict(env, CI_MERGE_REQUEST_TARGET_BRANCH_NAME="main", CI_PIPELINE_SOURCE="merge_request_event",
                      CI_COMMIT_BRANCH="main", CI_DEFAULT_BRANCH="main")
        for command in gitlab["plan-check"]["script"]:
            result = run(command, repo, env_gl, check=False)
            if "plan-build check" in command and result.returncode not in (0, 1):
                print(f"gitlab: check exited {result.returncode}: {result.stderr}")
                failures += 1
        report = os.path.join(repo, gitlab["plan-check"]["artifacts"]["reports"]["codequality"])
        import json
        entries = json.load(open(report, encoding="utf-8"))
        if not any(e.get("check_name") == "min-gap" for e in entries):
            print(f"gitlab: expected a min-gap entry in the Code Quality report: {entries}")
            failures += 1
        for command in gitlab["pages"]["script"]:
            run(command, repo, env_gl)
        if not os.path.exists(os.path.join(repo, "public/index.html")):
            print("gitlab: the pages job did not build public/")
            failures += 1
    print("ci files: ok" if failures == 0 else f"ci files: {failures} problem(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
