#!/usr/bin/env bash
# Recomputes the answer key of the express evidence case from a clone (bare or with a work tree), with bash and
# git only (python3 only reads truth.json). `bash verify.sh REPO` compares with truth.json next to this script
# (PASS/FAIL per task, ALL PASS at the end); `bash verify.sh REPO --emit` prints the computed entries as JSON lines.
set -euo pipefail
REPO=${1:?usage: verify.sh REPO [--emit]}
MODE=${2:-check}
HERE=$(cd "$(dirname "$0")" && pwd)
HEAD_SHA=a3714473feb3d2908add734d340e7755fd85e0a3
D0_CUTOFF=2025-01-06T00:00:00Z
D1_CUTOFF=2025-07-21T00:00:00Z
D0_EPOCH=$(date -u -d "$D0_CUTOFF" +%s)
D1_EPOCH=$(date -u -d "$D1_CUTOFF" +%s)
g() { git -C "$REPO" "$@"; }

# the first-parent chain of the pinned head, newest first: "sha epoch"
CHAIN=$(g log --first-parent --format='%H %ct' "$HEAD_SHA")
cutoff_commit() { awk -v t="$1" '$2 < t { print $1; exit }' <<<"$CHAIN"; }
D0=$(cutoff_commit "$D0_EPOCH")
D1=$(cutoff_commit "$D1_EPOCH")

# ---- rule helpers on one commit
has() { g cat-file -e "$1:$2" 2>/dev/null; }
show() { g show "$1:$2" 2>/dev/null || true; }
contains() { has "$1" "$2" && show "$1" "$2" | grep -F -q -- "$3"; }
lacks() { has "$1" "$2" && ! show "$1" "$2" | grep -F -q -- "$3"; }
# no fixed string in the tracked files matching an extended regex (at least one such file tracked)
none_in() {
  local files
  files=$(g ls-tree -r --name-only "$1" | grep -E -- "$2" || true)
  [ -n "$files" ] || return 1
  while IFS= read -r f; do show "$1" "$f" | grep -F -q -- "$3" && return 1; done <<<"$files"
  return 0
}
# the lines of one object section of package.json ("dependencies", "devDependencies"): "name": "range"
pkg_section() { show "$1" package.json | awk -v s="\"$2\"" '$1 == s":" && /\{/ { p=1; next } p && /^ *\}/ { p=0 } p'; }
# the declared range of a package in a section, without quotes ("" when absent)
pkg_range() { pkg_section "$1" "$2" | grep -E "^ *\"$3\":" | sed -E 's/^ *"[^"]*": *"([^"]*)".*/\1/' || true; }
version_ge() { [ "$(printf '%s\n%s\n' "$2" "$1" | sort -V | head -1)" = "$2" ]; }
# a caret/tilde/exact range whose lowest version is at least MIN (every range in this history is one of those)
range_at_least() { local r=$1 min=$2; [[ "$r" =~ ^[\^~]?([0-9]+(\.[0-9]+)*)$ ]] && version_ge "${BASH_REMATCH[1]}" "$min"; }
# the entries of the top-level "files" array of package.json
pkg_files() { show "$1" package.json | awk '/^  "files": *\[/ { p=1; next } p && /^  \]/ { p=0 } p' | tr -d ' ",'; }
# the elements of the flow list on the test matrix's node-version line of ci.yml
matrix_nodes() { show "$1" .github/workflows/ci.yml | grep -E '^ +node-version: *\[' | head -1 | sed -E 's/.*\[(.*)\].*/\1/' | tr -d ' ' | tr ',' '\n'; }
# the security policy, followed through its rename Security.md -> SECURITY.md (2025-06-09)
security_policy() { if has "$1" SECURITY.md; then echo SECURITY.md; else echo Security.md; fi; }

rule() { # rule TASK COMMIT -> exit status
  local c=$2
  case $1 in
    1.1) has $c package.json && [ -z "$(pkg_range $c dependencies methods)" ] ;;
    1.2) has $c package.json && [ -z "$(pkg_range $c dependencies utils-merge)" ] ;;
    1.3) has $c package.json && [ -z "$(pkg_range $c dependencies depd)" ] ;;
    1.4) range_at_least "$(pkg_range $c dependencies debug)" 4.4.0 ;;
    1.5) range_at_least "$(pkg_range $c dependencies qs)" 6.14.0 ;;
    1.6) local deps; deps=$(pkg_section $c dependencies); [ -n "$deps" ] && ! grep -v -E '^ *"[^"]+": *"\^' <<<"$deps" | grep -q . ;;
    2.1) none_in $c '^\.github/workflows/[^/]*\.yml$' 'actions/upload-artifact@v3' && none_in $c '^\.github/workflows/[^/]*\.yml$' 'actions/download-artifact@v3' ;;
    2.2) show $c .github/workflows/ci.yml | awk '/^permissions:/ { p=1; next } p && /^[^ ]/ { p=0 } p && /^  contents: *read *$/ { f=1 } END { exit !f }' ;;
    2.3) has $c .github/workflows/scorecard.yml ;;
    2.4) has $c .github/dependabot.yml ;;
    2.5) local t; for t in actions/checkout@v4 actions/setup-node@v4 coverallsapp/github-action@master; do none_in $c '^\.github/workflows/[^/]*\.yml$' "$t" || return 1; done ;;
    2.6) contains $c .github/workflows/codeql.yml 'persist-credentials: false' && contains $c .github/workflows/legacy.yml 'persist-credentials: false' ;;
    2.7) matrix_nodes $c | grep -qx 24 ;;
    2.8) local n; n=$(matrix_nodes $c); [ -n "$n" ] && ! grep -qx 19 <<<"$n" && ! grep -qx 21 <<<"$n" ;;
    3.1) local t; for t in "require('path')" "require('fs')" "require('http')" "require('querystring')"; do none_in $c '^lib/.*\.js$' "$t" || return 1; done ;;
    3.2) contains $c .eslintrc.yml no-restricted-globals ;;
    3.3) has $c eslint.config.js && ! has $c .eslintrc.yml && range_at_least "$(pkg_range $c devDependencies eslint)" 9 ;;
    3.4) contains $c "$(security_policy $c)" 'express-security@lists.openjsf.org' ;;
    3.5) contains $c Contributing.md "Developer's Certificate of Origin" ;;
    3.6) has $c package.json && [ -n "$(pkg_files $c)" ] && ! pkg_files $c | grep -qx History.md ;;
    3.7) has $c package.json && [ -z "$(g ls-tree -r --name-only $c -- benchmarks/)" ] ;;
    3.8) has $c index.d.ts ;;
    3.9) lacks $c lib/request.js 'this.connection' ;;
    3.10) range_at_least "$(pkg_range $c devDependencies nyc)" 17 ;;
  esac
}

TASKS="1.1 1.2 1.3 1.4 1.5 1.6 2.1 2.2 2.3 2.4 2.5 2.6 2.7 2.8 3.1 3.2 3.3 3.4 3.5 3.6 3.7 3.8 3.9 3.10"
# the oldest commit of the unbroken true run that reaches D1 (walking the chain back from D1)
first_true() {
  local task=$1 first='' started=0 sha epoch
  while read -r sha epoch; do
    [ "$sha" = "$D1" ] && started=1
    [ $started = 1 ] || continue
    if rule "$task" "$sha"; then first="$sha $epoch"; else break; fi
  done <<<"$CHAIN"
  echo "$first"
}
yes_no() { if rule "$1" "$2"; then echo true; else echo false; fi; }

emit() {
  local task=$1 d0 d1 head ft sha epoch week=null first=null
  d0=$(yes_no $task $D0); d1=$(yes_no $task $D1); head=$(yes_no $task $HEAD_SHA)
  if [ "$d1" = true ]; then
    ft=$(first_true $task); sha=${ft% *}; epoch=${ft#* }
    week=$(( (epoch - D0_EPOCH) / 604800 + 1 )); [ "$epoch" -lt "$D0_EPOCH" ] && week=$(( -((D0_EPOCH - epoch + 604799) / 604800) + 1 ))
    first="\"$sha\""
  fi
  printf '{"task_id": "%s", "holds_at_D0": %s, "holds_at_D1": %s, "holds_at_HEAD": %s, "first_true_commit": %s, "first_true_week": %s}\n' "$task" "$d0" "$d1" "$head" "$first" "$week"
}

if [ "$MODE" = --emit ]; then
  echo "{\"D0_commit\": \"$D0\", \"D1_commit\": \"$D1\"}"
  for t in $TASKS; do emit $t; done
  exit 0
fi
pass=0; fail=0
[ "$D0" = "$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["D0_commit"])' "$HERE/truth.json")" ] && { echo "PASS D0 $D0"; pass=$((pass+1)); } || { echo "FAIL D0 $D0"; fail=$((fail+1)); }
[ "$D1" = "$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["D1_commit"])' "$HERE/truth.json")" ] && { echo "PASS D1 $D1"; pass=$((pass+1)); } || { echo "FAIL D1 $D1"; fail=$((fail+1)); }
for t in $TASKS; do
  got=$(emit $t)
  want=$(python3 -c '
import json,sys
k=[x for x in json.load(open(sys.argv[1]))["tasks"] if x["task_id"]==sys.argv[2]][0]
print(json.dumps({f: k[f] for f in ["task_id","holds_at_D0","holds_at_D1","holds_at_HEAD","first_true_commit","first_true_week"]}))' "$HERE/truth.json" "$t")
  if [ "$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])==json.loads(sys.argv[2]))' "$got" "$want")" = True ]; then echo "PASS $t"; pass=$((pass+1)); else echo "FAIL $t: got $got want $want"; fail=$((fail+1)); fi
done
echo "passed=$pass failed=$fail"
[ $fail = 0 ] && echo "ALL PASS"
