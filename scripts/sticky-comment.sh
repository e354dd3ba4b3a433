#!/bin/sh
# Keeps ONE plan-build comment on a pull request (GitHub) or merge request
# (GitLab) up to date with a Markdown summary: the first run creates it, later
# runs edit it. The comment is found by a hidden marker line. Ships in the dist
# tarball as share/plan-build/sticky-comment.sh; the CI files `init` writes call it.
#
# usage: sticky-comment.sh SUMMARY.md
#
# GitHub Actions (GITHUB_ACTIONS=true), with `permissions: pull-requests: write`:
#   GITHUB_TOKEN (or GH_TOKEN), GITHUB_REPOSITORY, PLAN_BUILD_PR (the pull request
#   number), GITHUB_API_URL (set by the runner; default https://api.github.com).
# GitLab CI (GITLAB_CI=true):
#   PLAN_BUILD_GITLAB_TOKEN (a project access token with the api scope; without it
#   the note is skipped with a notice), CI_API_V4_URL, CI_PROJECT_ID, CI_MERGE_REQUEST_IID.
# Needs sh, curl and awk only (no jq, no python), so it runs on any runner image.
set -eu

summary=${1:?usage: sticky-comment.sh SUMMARY.md}
marker='<!-- plan-build:sticky-comment -->'
tmp=$(mktemp -d "${TMPDIR:-/tmp}/plan-build-comment.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM

if [ "${GITHUB_ACTIONS:-}" = true ]; then platform=github; elif [ "${GITLAB_CI:-}" = true ]; then platform=gitlab; else platform=none; fi

notice() {
  if [ "$platform" = github ]; then echo "::notice title=plan-build::$1"; else echo "plan-build: $1"; fi
}

[ -f "$summary" ] || { notice "no summary at $summary; no comment posted"; exit 0; }
{ echo "$marker"; cat "$summary"; } > "$tmp/body.md"

# The body as a JSON object {"body": "..."}: backslash, quote and control characters escaped.
json_body() {
  awk 'BEGIN {
      ORS = ""
      for (i = 1; i < 32; i++) control[sprintf("%c", i)] = sprintf("\\u%04x", i)
      print "{\"body\":\""
    }
    {
      if (NR > 1) print "\\n"
      line = $0
      if (line !~ /[\\"\001-\037]/) { print line; next }
      out = ""
      n = length(line)
      for (i = 1; i <= n; i++) {
        c = substr(line, i, 1)
        if (c == "\\") out = out "\\\\"
        else if (c == "\"") out = out "\\\""
        else if (c in control) out = out control[c]
        else out = out c
      }
      print out
    }
    END { print "\\n\"}" }' "$1"
}

# Reads a JSON array of comments; prints "count N" and, for the first element whose
# "body" holds the marker, "id ID". A small scanner: strings are skipped whole (escapes
# included), keys are told from values by the ':' after them, depth 2 is an element.
find_marked() {
  awk '{ text = text $0 "\n" }
    END {
      n = length(text); depth = 0; key = ""; element = 0; found = ""
      for (i = 1; i <= n; i++) {
        c = substr(text, i, 1)
        if (c == "\"") {
          j = i + 1
          while (j <= n) {
            d = substr(text, j, 1)
            if (d == "\\") { j += 2; continue }
            if (d == "\"") break
            j++
          }
          value = substr(text, i + 1, j - i - 1)
          i = j
          k = j + 1
          while (k <= n && substr(text, k, 1) ~ /[ \t\r\n]/) k++
          if (substr(text, k, 1) == ":") { key = (depth == 2) ? value : ""; i = k; continue }
          if (depth == 2 && key == "body" && index(value, "plan-build:sticky-comment") && !(element in marked)) marked[element] = 1
          continue
        }
        if (c == "{" || c == "[") { depth++; if (depth == 2) element++; continue }
        if (c == "}" || c == "]") { depth--; continue }
        if (depth == 2 && key == "id" && c ~ /[0-9]/) {
          j = i
          while (substr(text, j, 1) ~ /[0-9]/) j++
          id[element] = substr(text, i, j - i)
          key = ""
          i = j - 1
        }
      }
      print "count " element
      for (e = 1; e <= element; e++) if (e in marked) { print "id " id[e]; exit }
    }' "$1"
}

# request METHOD URL [curl options…]: the response body in $tmp/response, the status
# echoed (000 when there was no answer; curl's own message then in $tmp/response).
request() {
  method=$1 url=$2
  shift 2
  : > "$tmp/response"
  curl -sS -X "$method" -o "$tmp/response" -w '%{http_code}' --retry 2 "$@" "$url" 2>>"$tmp/response" || true
}

fail() {
  echo "sticky-comment.sh: $1 (HTTP $2)" >&2
  head -c 500 "$tmp/response" >&2 2>/dev/null || true
  echo >&2
  if [ "$2" = 403 ]; then
    notice "the token may not write comments here (a pull request from a fork?); no comment posted"
    exit 0
  fi
  exit 1
}

case $platform in
  github)
    token=${GITHUB_TOKEN:-${GH_TOKEN:-}}
    [ -n "$token" ] || { notice "GITHUB_TOKEN is not set; no pull request comment posted"; exit 0; }
    [ -n "${PLAN_BUILD_PR:-}" ] || { notice "not a pull request (PLAN_BUILD_PR is empty); no comment posted"; exit 0; }
    api=${GITHUB_API_URL:-https://api.github.com}
    set -- -H "Authorization: Bearer $token" -H "Accept: application/vnd.github+json" -H "X-GitHub-Api-Version: 2022-11-28"
    list="$api/repos/$GITHUB_REPOSITORY/issues/$PLAN_BUILD_PR/comments?per_page=100"
    ;;
  gitlab)
    [ -n "${PLAN_BUILD_GITLAB_TOKEN:-}" ] || { notice "PLAN_BUILD_GITLAB_TOKEN is not set, so the merge request note is skipped (set a project access token with the api scope as a masked CI/CD variable)"; exit 0; }
    [ -n "${CI_MERGE_REQUEST_IID:-}" ] || { notice "not a merge request pipeline; no note posted"; exit 0; }
    api=$CI_API_V4_URL
    set -- -H "PRIVATE-TOKEN: $PLAN_BUILD_GITLAB_TOKEN"
    list="$api/projects/$CI_PROJECT_ID/merge_requests/$CI_MERGE_REQUEST_IID/notes?per_page=100&sort=asc&order_by=created_at"
    ;;
  *)
    notice "neither GitHub Actions nor GitLab CI; no comment posted"
    exit 0
    ;;
esac

# Find our comment, a page of 100 at a time.
existing=""
page=1
while [ "$page" -le 50 ]; do
  status=$(request GET "$list&page=$page" "$@")
  case $status in 2??) ;; *) fail "could not list the comments" "$status" ;; esac
  find_marked "$tmp/response" > "$tmp/found"
  existing=$(sed -n 's/^id //p' "$tmp/found")
  count=$(sed -n 's/^count //p' "$tmp/found")
  [ -z "$existing" ] && [ "${count:-0}" -ge 100 ] || break
  page=$((page + 1))
done

if [ "$platform" = github ]; then
  json_body "$tmp/body.md" > "$tmp/body.json"
  if [ -n "$existing" ]; then
    status=$(request PATCH "$api/repos/$GITHUB_REPOSITORY/issues/comments/$existing" "$@" -H "Content-Type: application/json" --data-binary "@$tmp/body.json")
  else
    status=$(request POST "$api/repos/$GITHUB_REPOSITORY/issues/$PLAN_BUILD_PR/comments" "$@" -H "Content-Type: application/json" --data-binary "@$tmp/body.json")
  fi
else
  notes="$api/projects/$CI_PROJECT_ID/merge_requests/$CI_MERGE_REQUEST_IID/notes"
  if [ -n "$existing" ]; then
    status=$(request PUT "$notes/$existing" "$@" --data-urlencode "body@$tmp/body.md")
  else
    status=$(request POST "$notes" "$@" --data-urlencode "body@$tmp/body.md")
  fi
fi
case $status in 2??) ;; *) fail "could not write the comment" "$status" ;; esac
if [ -n "$existing" ]; then echo "plan-build: updated comment $existing"; else echo "plan-build: created the comment"; fi
