#!/usr/bin/env bash
# Recomputes the answer key of the flask evidence case from a clone (bare or with a work tree), with bash and git
# only. `bash verify.sh REPO` compares with truth.json next to this script (PASS/FAIL per task, ALL PASS at the
# end); `bash verify.sh REPO --emit` prints the computed task entries as JSON lines instead.
set -euo pipefail
REPO=${1:?usage: verify.sh REPO [--emit]}
MODE=${2:-check}
HERE=$(cd "$(dirname "$0")" && pwd)
HEAD_SHA=2ac89889f4cc330eabd50f295dcef02828522c69
D0_CUTOFF=2023-01-02T00:00:00Z
D1_CUTOFF=2023-05-01T00:00:00Z
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
toml_value() { show "$1" pyproject.toml | grep -E "^$2 *= *" | head -1 | sed -E "s/^$2 *= *//"; }
# a requirement string of the [project] dependencies array, by PEP 503 name
project_dependency() {
  show "$1" pyproject.toml | awk '/^\[project\]/{p=1;next} /^\[/{p=0} p && /^dependencies *= *\[/{d=1;next} d && /^\]/{d=0} d' |
    tr -d '", ' | awk -v n="$2" 'BEGIN{IGNORECASE=1} { name=$0; sub(/[<>=!~;\[].*/, "", name); gsub(/[-_.]+/, "-", name); if (tolower(name) == tolower(n)) print $0 }'
}
version_ge() { [ "$(printf '%s\n%s\n' "$2" "$1" | sort -V | head -1)" = "$2" ]; }

rule() { # rule TASK COMMIT -> exit status
  local c=$2
  case $1 in
    1.1) has $c pyproject.toml && ! has $c setup.py && ! has $c setup.cfg ;;
    1.2) has $c .flake8 ;;
    1.3) [ "$(toml_value $c requires-python)" = '">=3.8"' ] ;;
    1.4) [ "$(toml_value $c build-backend)" = '"flit_core.buildapi"' ] ;;
    1.5) has $c src/flask/__init__.py && ! has $c requirements/tests-pallets-dev.in && ! has $c requirements/tests-pallets-dev.txt ;;
    2.1) contains $c .github/workflows/tests.yaml 3.12-dev ;;
    2.2) lacks $c .github/workflows/tests.yaml 3.7 ;;
    2.3) none_in $c '^\.github/workflows/[^/]*\.yaml$' 'actions/checkout@v3' ;;
    2.4) has $c .github/workflows/publish.yaml ;;
    2.5) contains $c .github/workflows/publish.yaml 'id-token: write' && lacks $c .github/workflows/publish.yaml PYPI_TOKEN ;;
    2.6) has $c .devcontainer/devcontainer.json ;;
    3.1) contains $c src/flask/app.py 'from __future__ import annotations' ;;
    3.2) none_in $c '^src/flask/.*\.py$' 'Optional[' ;;
    3.3) none_in $c '^src/flask/.*\.py$' 'locked_cached_property' ;;
    3.4) [ -n "$(project_dependency $c blinker)" ] ;;
    3.5) local spec; spec=$(project_dependency $c werkzeug); [[ "$spec" =~ \>=([0-9][0-9.]*) ]] && version_ge "${BASH_REMATCH[1]}" 2.3 ;;
    3.6) has $c src/flask/app.py && [ "$(show $c src/flask/app.py | wc -l)" -lt 2300 ] ;;
    3.7) has $c examples/celery/make_celery.py ;;
    3.8) has $c artwork/logo-full.svg ;;
    3.9) has $c src/flask/py.typed ;;
    3.10) none_in $c '^src/flask/.*\.py$' 'import typing as t' ;;
  esac
}

TASKS="1.1 1.2 1.3 1.4 1.5 2.1 2.2 2.3 2.4 2.5 2.6 3.1 3.2 3.3 3.4 3.5 3.6 3.7 3.8 3.9 3.10"
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
